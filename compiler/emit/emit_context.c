/* SPDX-License-Identifier: Apache-2.0 */
/* The top of NAME.c: the evaluation context (ctx_t, why_state) that every
 * generated function is passed, and the small static helpers they call (only
 * those used are written). */
#include <string.h>

#include "emit/emit.h"

/* ---- The .c file: context and helpers ----------------------------------------- */

void emit_context(emitter *em)
{
    strbuf *c = &em->c;
    const char *p = em->mod->c_prefix;
    int W = em->mask_words;
    size_t nout = em->outputs.len ? em->outputs.len : 1;
    size_t nparam = em->params.len ? em->params.len : 1;
    em->cold = em->order.len > EMIT_COLD_FROM && em->externals.len == 0 ? "EXPLAINING " : "";    /* externals: no fast path */
    if (*em->cold)
        sb_puts(c, "/* The rules that explain run only for the cases the fast path leaves, and\n"
                   " * with a trace. In a module this large the C compiler is told so (gcc and\n"
                   " * clang: 'cold', optimised for size; gcc also 'noipa', each analysed on its\n"
                   " * own), and spends its time on the fast path. */\n"
                   "#if defined(__GNUC__) && defined(__has_attribute)\n#if __has_attribute(noipa)\n"
                   "#define EXPLAINING __attribute__((cold, noipa))\n#else\n#define EXPLAINING __attribute__((cold))\n"
                   "#endif\n#elif defined(__GNUC__)\n#define EXPLAINING __attribute__((cold))\n#else\n"
                   "#define EXPLAINING\n#endif\n\n");
    emit_printf(c, "/* Why a value could not be worked out: the inputs it needed that are\n"
                   " * missing, and the first reason. */\n"
                   "typedef struct why_state {\n    uint64_t missing[%d];\n    lov_result_info info;\n"
                   "} why_state;\n\n", W);
    sb_puts(c, "typedef struct param_memo_t {\n    bool done;\n    lov_status status;\n    lov_value value;\n"
               "} param_memo_t;\n\n");
    emit_printf(c, "/* One evaluation: everything lives here, on the caller's stack. */\n"
                   "typedef struct ctx_t {\n    const %s_input *in;\n    %s_output *out;\n"
                   "    lov_trace *trace;\n    const %s_externals *ext;\n    lov_date reference_date;\n"
                   "    const uint64_t *need;        /* the outputs to work out (NULL: all) */\n"
                   "    bool explain;                /* the second pass: note why, not only what */\n"
                   "    why_state why;               /* what the value being worked out needed */\n"
                   "    why_state why_of[%zu];        /* explaining pass: what definition i needed */\n"
                   "    param_memo_t param_memo[%zu];\n"
                   "    uint8_t marks[%zu];           /* trace: provision i's step (event + 1, status << 4) */\n"
                   "} ctx_t;\n\n",
                p, p, p, nout, nparam, em->provisions.len ? em->provisions.len : 1);
}

/* The helpers the generated code calls; only those it uses are written
 * (an unused static function is a compiler warning). */
static const struct helper {
    const char *name;
    const char *text;
} helpers[] = {
    {"why_clear",
     "static void why_clear(why_state *w)\n{\n"
     "    for (size_t i = 0; i < sizeof w->missing / sizeof w->missing[0]; i++)\n        w->missing[i] = 0;\n"
     "    w->info.reason = LOV_REASON_NONE;\n"
     "    w->info.input = w->info.provision = w->info.other_provision = -1;\n}\n\n"},
    {"why_merge",
     "/* Adds what 'from' needed to 'to'; the first reason stays. */\n"
     "static void why_merge(why_state *to, const why_state *from)\n{\n"
     "    for (size_t i = 0; i < sizeof to->missing / sizeof to->missing[0]; i++)\n"
     "        to->missing[i] |= from->missing[i];\n"
     "    if (to->info.reason == LOV_REASON_NONE)\n        to->info = from->info;\n}\n\n"},
    {"dependency",
     "/* A definition read by another (it was worked out before): on the\n"
     " * explaining pass, what it lacked, the reader lacks too. */\n"
     "static lov_status dependency(ctx_t *ctx, int slot, lov_status st)\n{\n"
     "    if (st != LOV_OK && ctx->explain)\n        why_merge(&ctx->why, &ctx->why_of[slot]);\n"
     "    return st;\n}\n\n"},
    {"trace_marks",
     "/* Writes the steps noted for provisions first .. first + count - 1. */\n"
     "static void trace_marks(ctx_t *ctx, int first, int count)\n{\n"
     "    for (int i = first; i < first + count; i++)\n"
     "        if (ctx->marks[i])\n"
     "            lov_trace_add(ctx->trace, (uint32_t)i, (lov_trace_event)((ctx->marks[i] & 15) - 1),\n"
     "                          (lov_status)(ctx->marks[i] >> 4), false, (lov_value){.i = 0});\n}\n\n"},
    {"note",
     "static void note(ctx_t *ctx, lov_reason reason, int input, int provision, int other)\n{\n"
     "    if (ctx->why.info.reason != LOV_REASON_NONE)\n        return;\n"
     "    ctx->why.info.reason = (uint32_t)reason;\n    ctx->why.info.input = input;\n"
     "    ctx->why.info.provision = provision;\n    ctx->why.info.other_provision = other;\n}\n\n"},
    {"worse",
     "/* The more serious of two statuses. */\n"
     "static lov_status worse(lov_status a, lov_status b)\n{\n"
     "    static const int rank[] = {0, 2, 1, 3, 4, 5};    /* ok, undetermined, not applicable, ... */\n"
     "    return rank[b] > rank[a] ? b : a;\n}\n\n"},
    {"missing_input",
     "static lov_status missing_input(ctx_t *ctx, int input)\n{\n"
     "    ctx->why.missing[input / 64] |= UINT64_C(1) << (input % 64);\n"
     "    note(ctx, LOV_REASON_MISSING_FACT, input, -1, -1);\n    return LOV_UNDETERMINED;\n}\n\n"},
    {"invalid_input",
     "static lov_status invalid_input(ctx_t *ctx, int input)\n{\n"
     "    note(ctx, LOV_REASON_INVALID_INPUT, input, -1, -1);\n    return LOV_INVALID_INPUT;\n}\n\n"},
    {"no_rule",
     "static lov_status no_rule(ctx_t *ctx, int provision)\n{\n"
     "    note(ctx, LOV_REASON_NO_RULE, -1, provision, -1);\n    return LOV_UNDETERMINED;\n}\n\n"},
    {"conflict",
     "static lov_status conflict(ctx_t *ctx, int first, int second)\n{\n"
     "    note(ctx, LOV_REASON_CONFLICT, -1, first, second);\n    return LOV_CONFLICT;\n}\n\n"},
    {"no_parameter_value",
     "static lov_status no_parameter_value(ctx_t *ctx, int provision)\n{\n"
     "    note(ctx, LOV_REASON_NO_PARAMETER_VALUE, -1, provision, -1);\n    return LOV_NOT_APPLICABLE;\n}\n\n"},
    {"failed",
     "/* A definition failed: an overflow or invalid value inside it is noted there. */\n"
     "static void failed(ctx_t *ctx, lov_status st, int provision)\n{\n"
     "    if (st == LOV_OVERFLOW)\n        note(ctx, LOV_REASON_ARITHMETIC, -1, provision, -1);\n"
     "    else if (st == LOV_INVALID_INPUT)\n        note(ctx, LOV_REASON_INVALID_INPUT, -1, provision, -1);\n}\n\n"},
    {"external_missing",
     "static lov_status external_missing(ctx_t *ctx, int external)\n{\n"
     "    note(ctx, LOV_REASON_EXTERNAL, external, -1, -1);\n    return LOV_UNDETERMINED;\n}\n\n"},
    {"external_failed",
     "/* An answer other than a status (a case system's own code) counts as none. */\n"
     "static lov_status external_failed(ctx_t *ctx, int external, lov_status st)\n{\n"
     "    note(ctx, LOV_REASON_EXTERNAL, external, -1, -1);\n"
     "    return st > LOV_OK && st <= LOV_INVALID_INPUT ? st : LOV_UNDETERMINED;\n}\n\n"},
};

/* Does 'text' call 'name'? */
static bool calls(const char *text, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = strstr(text, name); p; p = strstr(p + 1, name))
        if (p[n] == '(' && (p == text || !(p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z')
                                          || (p[-1] >= 'A' && p[-1] <= 'Z') || (p[-1] >= '0' && p[-1] <= '9'))))
            return true;
    return false;
}

/* Writes the helpers that 'body' (or another helper written) calls. */
void emit_helpers(strbuf *c, const char *body)
{
    enum { N = sizeof helpers / sizeof helpers[0] };
    bool used[N] = {false};
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 0; i < N; i++) {
            if (used[i])
                continue;
            bool needed = calls(body, helpers[i].name);
            for (int k = 0; k < N && !needed; k++)
                needed = used[k] && calls(helpers[k].text, helpers[i].name);
            if (needed)
                used[i] = changed = true;
        }
    }
    for (int i = 0; i < N; i++)
        if (used[i])
            sb_puts(c, helpers[i].text);
}

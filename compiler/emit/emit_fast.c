/* SPDX-License-Identifier: Apache-2.0 */
/* The fast path of NAME.c: when every fact the rules read is known and valid
 * and no trace is asked for, the rules are two-valued (each condition yes or
 * no), so each definition is straight-line C: selects rather than branch
 * ladders, sums checked for overflow once after their loop, the dated
 * parameters looked up once for the reference date, values kept in a small
 * context of their own rather than in the caller's output. Anything it
 * cannot decide alone (an overflow, a conflict, a parameter without a value)
 * makes it give up, and the rules that explain (emit_rules.c, emit_entry.c)
 * work the case out from the start: they are the reference, and when the
 * fast path decides, it decides as they would. */
#include <string.h>

#include "emit/emit_gen.h"
#include "core/lov.h"

/* A parameter's value on a day without a branch on the day: the periods
 * are in date order and do not overlap (the checker sees to it), so the
 * number of them that begin on or before the day, after the first, is the
 * one that may hold it. */
static void emit_lookup(emitter *em, decl *d)
{
    strbuf *c = &em->c;
    const char *ct = emit_ctype(em, d->type);
    emit_printf(c, "/* '%s' on a given day, for the fast path: the periods are in date\n"
                   " * order, so counting those that have begun finds the one (no early exit). */\n",
                emit_comment_text(em, d->name.name));
    emit_printf(c, "static lov_status fast_%s(lov_date day, %s *result)\n{\n", d->c_rules, ct);
    emit_printf(c, "    size_t at = 0;\n    for (size_t i = 1; i < sizeof %s / sizeof %s[0]; i++)\n", d->c_table,
                d->c_table);
    emit_printf(c, "        at += %s[i].from <= day;\n", d->c_table);
    emit_printf(c, "    if (day < %s[at].from || day > %s[at].until)\n        return LOV_NOT_APPLICABLE;\n",
                d->c_table, d->c_table);
    if (d->type->kind == T_ENUM)
        emit_printf(c, "    *result = (%s)%s[at].value.enum_case;\n", ct, d->c_table);
    else
        emit_printf(c, "    *result = %s[at].value.%s;\n", d->c_table, emit_lov_value_member(d->type));
    sb_puts(c, "    return LOV_OK;\n}\n\n");
}

static const char *output_ctype(emitter *em, decl *d)
{
    return d->kind == D_ASSERT ? "bool" : emit_ctype(em, d->type);
}

static void emit_structs(emitter *em)
{
    strbuf *c = &em->c;
    sb_puts(c, "/* The dated parameters the fast path reads, on one reference date: looked\n"
               " * up once per evaluation, or once for a run of cases of a batch. */\n"
               "typedef struct fast_params_t {\n");
    for (size_t i = 0; i < em->fast_params.len; i++) {
        decl *d = em->fast_params.items[i];
        emit_printf(c, "    lov_status st_%s;\n    %s %s;\n", d->c_name, emit_ctype(em, d->type), d->c_name);
    }
    if (em->fast_params.len == 0)
        sb_puts(c, "    bool none;                   /* the rules read no dated parameter */\n");
    sb_puts(c, "} fast_params_t;\n\n");

    sb_puts(c, "/* The values worked out so far, for the definitions that read them. */\n"
               "typedef struct fast_values_t {\n");
    for (size_t i = 0; i < em->outputs.len; i++) {
        decl *d = em->outputs.items[i];
        emit_printf(c, "    %s %s;\n", output_ctype(em, d), d->c_name);
    }
    if (em->outputs.len == 0)
        sb_puts(c, "    bool none;\n");
    sb_puts(c, "} fast_values_t;\n\n");

    bool held = false;
    for (size_t i = 0; i < em->outputs.len; i++)
        held |= emit_held_back(em->outputs.items[i]);
    if (held) {
        sb_puts(c, "/* Adverse outcomes: the prerequisites not met (bit i: prerequisite i). */\n"
                   "typedef struct fast_held_t {\n");
        for (size_t i = 0; i < em->outputs.len; i++) {
            decl *d = em->outputs.items[i];
            if (emit_held_back(d))
                emit_printf(c, "    uint32_t %s;\n", d->c_name);
        }
        sb_puts(c, "} fast_held_t;\n\n");
    }
    emit_printf(c, "/* One evaluation on the fast path. */\n"
                   "typedef struct fast_t {\n    const %s_input *in;\n    lov_date reference_date;\n"
                   "    const fast_params_t *p;\n    const uint64_t *need;        /* the outputs to work out (NULL: all) */\n"
                   "    fast_values_t v;\n%s} fast_t;\n\n",
                em->mod->c_prefix, held ? "    fast_held_t held;\n" : "");
}

/* fast_params_on(): the parameters on one day. */
static void emit_params_on(emitter *em)
{
    strbuf *c = &em->c;
    if (em->fast_params.len == 0) {
        sb_puts(c, "/* The rules read no dated parameter: the same for every case. */\n"
                   "static const fast_params_t no_params = {true};\n\n");
        return;
    }
    sb_puts(c, "static void fast_params_on(lov_date day, fast_params_t *p)\n{\n");
    for (size_t i = 0; i < em->fast_params.len; i++) {
        decl *d = em->fast_params.items[i];
        emit_printf(c, "    p->st_%s = fast_%s(day, &p->%s);\n", d->c_name, d->c_rules, d->c_name);
    }
    sb_puts(c, "}\n\n");
}

/* The definitions and outcomes, in evaluation order, in pieces of at most
 * EMIT_PIECE: each piece one function, so no C function grows with the module. */
static void emit_pieces(emitter *em, size_t *npieces)
{
    strbuf *c = &em->c;
    const char *p = em->mod->c_prefix;
    size_t n = 0;
    for (size_t start = 0; start < em->order.len; start += EMIT_PIECE, n++) {
        size_t end = start + EMIT_PIECE < em->order.len ? start + EMIT_PIECE : em->order.len;
        emit_printf(c, "static bool fast_part_%zu(fast_t *ctx, %s_output *out)\n{\n", n, p);
        for (size_t i = start; i < end; i++) {
            decl *d = em->order.items[i];
            emit_printf(c, "    if (!needed_slot(ctx->need, %d)) {    /* not asked for, nor needed */\n"
                           "        memset(&ctx->v.%s, 0, sizeof ctx->v.%s);\n", d->slot, d->c_name, d->c_name);
            if (emit_held_back(d))
                emit_printf(c, "        ctx->held.%s = 0;\n", d->c_name);
            emit_printf(c, "    } else if (fast_%s(ctx, &ctx->v.%s) != LOV_OK) {\n        return false;\n    }\n",
                        d->c_static, d->c_name);
            emit_printf(c, "    out->%s = ctx->v.%s;\n", d->c_name, d->c_name);
        }
        sb_puts(c, "    return true;\n}\n\n");
    }
    *npieces = n;
}

static void emit_fast_evaluate(emitter *em, size_t npieces)
{
    strbuf *c = &em->c;
    const char *p = em->mod->c_prefix;
    sb_puts(c, "/* The fast path: true when it decided every output (then each is ok);\n"
               " * false when a fact the rules read is unknown or a fact is invalid, or\n"
               " * when a step fails: then what it wrote does not count, and the rules\n"
               " * that explain work the case out. */\n");
    emit_printf(c, "static bool fast_evaluate(const %s_input *in, lov_date reference_date, const fast_params_t *p,\n"
                   "                          %s_output *out, const uint64_t *need)\n{\n", p, p);
    sb_puts(c, "    fast_t ctx;\n    ctx.in = in;\n    ctx.reference_date = reference_date;\n    ctx.p = p;\n"
               "    ctx.need = need;\n"
               "    if (!fast_facts_valid(&ctx))\n        return false;\n");
    for (size_t i = 0; i < npieces; i++)
        emit_printf(c, "    if (!fast_part_%zu(&ctx, out))\n        return false;\n", i);
    if (em->outputs.len)
        emit_printf(c, "    for (uint32_t i = 0; i < %zu; i++)\n"
                       "        *status_at(out, i) = needed_slot(need, i) ? LOV_OK : LOV_UNDETERMINED;\n",
                    em->outputs.len);
    for (size_t i = 0; i < em->outputs.len; i++) {
        decl *d = em->outputs.items[i];
        if (emit_held_back(d))
            emit_printf(c, "    out->held_back.%s = ctx.held.%s;\n", d->c_name, d->c_name);
    }
    emit_printf(c, "    for (int i = 0; i < %d; i++)\n        out->missing[i] = 0;\n", em->mask_words);
    sb_puts(c, "    out->info.reason = LOV_REASON_NONE;\n"
               "    out->info.input = out->info.provision = out->info.other_provision = -1;\n"
               "    return true;\n}\n\n");
}

void emit_fast_path(emitter *em)
{
    /* The rule functions first, into a buffer of their own: they tell what
     * the structs above them hold. */
    strbuf head = em->c;
    sb_init(&em->c);
    for (size_t i = 0; i < em->functions.len; i++) {
        gen g;
        emit_gen_init(&g, em, em->functions.items[i]);
        decl *d = em->functions.items[i];
        emit_printf(&em->c, "static lov_status %s(fast_t *ctx", emit_fast_name(&g, d->c_static));
        for (int k = 0; k < d->u.def.params.len; k++) {
            formal *f = NL_AT(d->u.def.params, k);
            emit_printf(&em->c, ", %s %s", emit_ctype(em, f->type), f->c_name);
        }
        emit_printf(&em->c, ", %s *result);\n", emit_ctype(em, d->type));
        sb_free(&g.decls);
        sb_free(&g.body);
        cname_scope_free(&g.locals);
    }
    if (em->functions.len)
        sb_puts(&em->c, "\n");
    for (size_t i = 0; i < em->functions.len; i++)
        emit_fast_rules(em, em->functions.items[i]);
    for (size_t i = 0; i < em->order.len; i++)
        emit_fast_rules(em, em->order.items[i]);
    strbuf rules = em->c;
    em->c = head;
    strbuf *c = &em->c;
    if (em->no_fast) {
        emit_printf(c, "/* ---- No fast path: %s; every case is worked out by the\n"
                       " * rules that explain. ---- */\n\n", em->no_fast);
        sb_free(&rules);
        return;
    }
    sb_puts(c, "/* ---- The fast path ----------------------------------------------------\n"
               " * When every fact the rules read is known and valid and no trace is asked\n"
               " * for, each condition is yes or no: the rules below are the same rules,\n"
               " * two-valued and straight-line. Whatever they cannot decide alone (an\n"
               " * overflow, a conflict, a parameter without a value) makes the fast path\n"
               " * give up, and the rules that explain, above, work the case out. */\n\n");
    emit_structs(em);
    for (size_t i = 0; i < em->fast_lookups.len; i++)
        emit_lookup(em, em->fast_lookups.items[i]);
    emit_params_on(em);
    sb_puts(c, rules.data ? rules.data : "");
    sb_free(&rules);
    emit_fast_validate(em);
    size_t npieces = 0;
    emit_pieces(em, &npieces);
    emit_fast_evaluate(em, npieces);
}

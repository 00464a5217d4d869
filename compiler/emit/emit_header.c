/* SPDX-License-Identifier: Apache-2.0 */
/* NAME.h, the header a vendor includes: the enums and records, the input,
 * output and externals structs, and the declarations of NAME_evaluate and
 * NAME_descriptor. */
#include <string.h>

#include "emit/emit.h"
#include "core/lov_version.h"


/* ---- The header -------------------------------------------------------------- */

/* The C type of a member of the input struct or of a record. */
static const char *member_ctype(emitter *em, const type *t)
{
    if (t->kind == T_RECORD)
        return t->decl->c_public;
    return emit_ctype(em, t);
}

static void emit_enum(emitter *em, decl *d)
{
    strbuf *h = &em->h;
    emit_printf(h, "#ifndef LOV_TYPE_%s\n#define LOV_TYPE_%s\n", d->c_public, d->c_public);
    emit_printf(h, "/* enum %s (module %s)%s%s */\n", emit_comment_text(em, d->name.name),
                emit_comment_text(em, d->module->name.name), d->text ? ": " : "",
                emit_comment_text(em, d->text));
    emit_printf(h, "typedef enum %s {\n", d->c_public);
    for (int i = 0; i < d->u.enum_.cases.len; i++) {
        enum_case *c = NL_AT(d->u.enum_.cases, i);
        emit_printf(h, "    %s = %d,", c->c_name, i);
        if (strcmp(c->c_name + strlen(d->c_public) + 1, c->name.name) != 0 || c->text)
            emit_printf(h, "    /* %s%s%s */", emit_comment_text(em, c->name.name), c->text ? ": " : "",
                        emit_comment_text(em, c->text));
        sb_puts(h, "\n");
    }
    emit_printf(h, "} %s;\n#endif\n\n", d->c_public);
}

static void emit_record(emitter *em, decl *d)
{
    strbuf *h = &em->h;
    emit_printf(h, "#ifndef LOV_TYPE_%s\n#define LOV_TYPE_%s\n", d->c_public, d->c_public);
    emit_printf(h, "/* record %s (module %s)%s%s */\n", emit_comment_text(em, d->name.name),
                emit_comment_text(em, d->module->name.name), d->text ? ": " : "",
                emit_comment_text(em, d->text));
    emit_printf(h, "typedef struct %s {\n", d->c_public);
    for (int i = 0; i < d->u.record.fields.len; i++) {
        record_field *f = NL_AT(d->u.record.fields, i);
        emit_printf(h, "    %s %s;    /* %s: %s%s%s */\n", member_ctype(em, f->type), f->c_name,
                    emit_comment_text(em, f->name.name), type_text(em->a, f->type), f->text ? " - " : "",
                    emit_comment_text(em, f->text));
    }
    emit_printf(h, "} %s;\n#endif\n\n", d->c_public);
}

static void emit_input_struct(emitter *em)
{
    strbuf *h = &em->h;
    const char *p = em->mod->c_prefix;
    sb_puts(h, "/* The facts of one case. Set a fact and mark it known; a fact left\n"
               " * unknown makes every decision that needs it 'undetermined', never a guess. */\n");
    emit_printf(h, "typedef struct %s_input {\n", p);
    for (size_t i = 0; i < em->inputs.len; i++) {
        decl *d = em->inputs.items[i];
        const type *t = d->type;
        if (t->kind == T_LIST) {
            emit_printf(h, "    const %s *%s;    /* %s: %s */\n", member_ctype(em, t->elem), d->c_name,
                        emit_comment_text(em, d->name.name), type_text(em->a, t));
            emit_printf(h, "    size_t %s_count;\n", d->c_name);
        } else {
            emit_printf(h, "    %s %s;    /* %s: %s%s%s */\n", member_ctype(em, t), d->c_name,
                        emit_comment_text(em, d->name.name), type_text(em->a, t), d->text ? " - " : "",
                        emit_comment_text(em, d->text));
        }
    }
    sb_puts(h, "    struct {                /* true: the fact above is supplied */\n");
    for (size_t i = 0; i < em->inputs.len; i++)
        emit_printf(h, "        bool %s;\n", ((decl *)em->inputs.items[i])->c_name);
    if (em->inputs.len == 0)
        sb_puts(h, "        bool unused;\n");
    sb_puts(h, "    } known;\n");
    emit_printf(h, "} %s_input;\n\n", p);
}

static void emit_output_struct(emitter *em)
{
    strbuf *h = &em->h;
    const char *p = em->mod->c_prefix;
    sb_puts(h, "/* The decisions. Read a value only when its status is LOV_OK. */\n");
    emit_printf(h, "typedef struct %s_output {\n", p);
    bool adverse = false;
    for (size_t i = 0; i < em->outputs.len; i++) {
        decl *d = em->outputs.items[i];
        const char *what = d->kind == D_ASSERT ? "assertion" : d->kind == D_DEFINITION ? "definition"
                           : d->u.def.adverse ? "adverse outcome" : "outcome";
        adverse |= emit_held_back(d);
        emit_printf(h, "    %s %s;    /* %s %s: %s - %s */\n", emit_ctype(em, d->type), d->c_name, what,
                    emit_comment_text(em, d->name.name), type_text(em->a, d->type),
                    emit_citation_text(em, d->cite));
    }
    sb_puts(h, "    struct {                /* the status of each value above */\n");
    for (size_t i = 0; i < em->outputs.len; i++)
        emit_printf(h, "        lov_status %s;\n", ((decl *)em->outputs.items[i])->c_name);
    if (em->outputs.len == 0)
        sb_puts(h, "        lov_status unused;\n");
    sb_puts(h, "    } status;\n");
    if (adverse) {
        sb_puts(h, "    struct {                /* adverse outcomes: bit i set = prerequisite i\n"
                   "                               (in source order) is not met, so the outcome\n"
                   "                               keeps its default and is held back */\n");
        for (size_t i = 0; i < em->outputs.len; i++) {
            decl *d = em->outputs.items[i];
            if (emit_held_back(d))
                emit_printf(h, "        uint32_t %s;\n", d->c_name);
        }
        sb_puts(h, "    } held_back;\n");
    }
    emit_printf(h, "    uint64_t missing[%d];     /* bit i: input i was needed but not supplied */\n",
                em->mask_words);
    sb_puts(h, "    lov_result_info info;    /* why the first decision that is not ok is not */\n");
    emit_printf(h, "} %s_output;\n\n", p);
}

static void emit_externals_struct(emitter *em)
{
    strbuf *h = &em->h;
    const char *p = em->mod->c_prefix;
    sb_puts(h, "/* Functions the case system supplies. Each returns LOV_OK and its answer in\n"
               " * *result, or another status (LOV_UNDETERMINED when it has no answer). */\n");
    emit_printf(h, "typedef struct %s_externals {\n", p);
    sb_puts(h, "    void *ctx;              /* passed as the first argument of each */\n");
    for (size_t i = 0; i < em->externals.len; i++) {
        decl *d = em->externals.items[i];
        emit_printf(h, "    lov_status (*%s)(void *ctx", d->c_static);
        for (int k = 0; k < d->u.external.params.len; k++) {
            formal *f = NL_AT(d->u.external.params, k);
            emit_printf(h, ", %s %s", emit_ctype(em, f->type), f->c_name);
        }
        emit_printf(h, ", %s *result);    /* %s - %s */\n", emit_ctype(em, d->type),
                    emit_comment_text(em, d->name.name), emit_citation_text(em, d->cite));
    }
    emit_printf(h, "} %s_externals;\n\n", p);
}

void emit_header(emitter *em)
{
    strbuf *h = &em->h;
    module *m = em->mod;
    const char *p = m->c_prefix;
    emit_printf(h, "/* %s: the rules of module %s%s%s, compiled to C.\n", em->h_name,
                emit_comment_text(em, m->name.name), m->title ? ", " : "", emit_comment_text(em, m->title));
    emit_printf(h, " *\n * Generated by lovc %s from %s\n * SHA-256 of the source: %s\n",
                LOV_VERSION, emit_comment_text(em, em->lov_path), em->sha256);
    sb_puts(h, " * Do not edit: change the .lov source and run 'lovc build' again.\n"
               " * The API and the status codes are described in docs/vendor-guide.md. */\n");
    emit_printf(h, "#ifndef LOV_MODULE_%s_H\n#define LOV_MODULE_%s_H\n\n", p, p);
    sb_puts(h, "#include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n\n#include \"lov.h\"\n\n");
    /* Runtime headers of another version may lay out the descriptor or
     * compute differently: refused when the module is compiled, not found
     * out in a decision. */
    emit_printf(h, "#if !defined(LOV_VERSION_MAJOR) || LOV_VERSION_MAJOR != %d || LOV_VERSION_MINOR != %d \\\n"
                   "    || LOV_VERSION_PATCH != %d\n"
                   "#error \"%s was generated by lovc %s and needs the runtime headers (lov.h) of lovc %s; "
                   "build the rules again with the lovc of these headers, or compile with the headers of lovc %s\"\n"
                   "#endif\n\n",
                LOV_VERSION_MAJOR, LOV_VERSION_MINOR, LOV_VERSION_PATCH, em->h_name, LOV_VERSION, LOV_VERSION,
                LOV_VERSION);
    sb_puts(h, "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");
    for (size_t i = 0; i < em->enums.len; i++)
        emit_enum(em, em->enums.items[i]);
    for (size_t i = 0; i < em->records.len; i++)
        emit_record(em, em->records.items[i]);
    emit_input_struct(em);
    emit_output_struct(em);
    emit_externals_struct(em);
    sb_puts(h, "/* Evaluates the rules for one case. Returns LOV_OK when every outcome was\n"
               " * decided; otherwise the most serious status among the outcomes, and\n"
               " * out->info says why. 'trace' (may be NULL) receives every step with its\n"
               " * provision; 'ext' (may be NULL) supplies the external functions.\n"
               " * Reentrant: no allocation, no global state. */\n");
    emit_printf(h, "lov_status %s_evaluate(const %s_input *in, %s_output *out, lov_trace *trace,\n"
                   "                       const %s_externals *ext);\n\n", p, p, p, p);
    emit_printf(h, "/* Evaluates only the outputs asked for: bit i %% 64 of wanted[i / 64] set asks\n"
                   " * for output i (in the order of %s_output), and the definitions they\n"
                   " * need are worked out with them; every other output is left undetermined,\n"
                   " * its value zero. Returns the most serious status among the outputs asked\n"
                   " * for (assertions aside). wanted == NULL asks for all, as %s_evaluate. */\n"
                   "#define %s_OUTPUT_WORDS %d\n", p, p, p, em->output_words);
    emit_printf(h, "lov_status %s_evaluate_some(const %s_input *in, %s_output *out, lov_trace *trace,\n"
                   "                            const %s_externals *ext, const uint64_t *wanted);\n\n", p, p, p, p);
    sb_puts(h, "/* Evaluates n cases, in[i] into out[i], each as NAME_evaluate without a\n"
               " * trace would; the dated parameters are looked up once for each run of\n"
               " * cases with the same reference date. Returns the most serious status of\n"
               " * all the cases. */\n");
    emit_printf(h, "lov_status %s_evaluate_batch(const %s_input *in, %s_output *out, size_t n,\n"
                   "                             const %s_externals *ext);\n\n", p, p, p, p);
    sb_puts(h, "/* What the module is: fields, types, offsets, provisions, parameters, the\n"
               " * SHA-256 of its source and the compiler version. */\n");
    emit_printf(h, "extern const lov_module_desc %s_descriptor;\n\n", p);
    sb_puts(h, "#ifdef __cplusplus\n}\n#endif\n\n#endif\n");
}

/* The module level of the generated C: the header a vendor includes, and
 * the .c file's context, input validation, entry point and descriptor. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/emit.h"
#include "check/resolve.h"
#include "core/lov.h"

#ifndef LOVC_VERSION
#define LOVC_VERSION "unknown"
#endif

/* ---- Small helpers ------------------------------------------------------------ */

void emit_printf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    char *buf = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_putn(sb, buf, (size_t)n);
    free(buf);
}

const char *emit_cstring(emitter *em, const char *text)
{
    if (!text)
        return "NULL";
    strbuf sb;
    sb_init(&sb);
    sb_putc(&sb, '"');
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\') {
            sb_putc(&sb, '\\');
            sb_putc(&sb, (char)*p);
        } else if (*p == '\n') {
            sb_puts(&sb, "\\n");
        } else if (*p < 0x20 || *p == 0x7F) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\%03o", *p);
            sb_puts(&sb, esc);
        } else if (*p == '?' && p[1] == '?') {
            sb_puts(&sb, "?\\");      /* no trigraphs */
        } else {
            sb_putc(&sb, (char)*p);
        }
    }
    sb_putc(&sb, '"');
    const char *s = ast_strdup(em->a, sb.data, sb.len);
    sb_free(&sb);
    return s;
}

const char *emit_comment_text(emitter *em, const char *text)
{
    if (!text)
        return "";
    strbuf sb;
    sb_init(&sb);
    for (const char *p = text; *p; p++) {
        if (*p == '*' && p[1] == '/')
            sb_puts(&sb, "* ");
        else if (*p == '/' && p[1] == '*')
            sb_puts(&sb, "/ ");
        else if (*p == '\n' || *p == '\r')
            sb_putc(&sb, ' ');
        else if (*p == '\\' && (p[1] == '\0' || p[1] == '\n'))
            sb_puts(&sb, "\\ ");   /* a trailing backslash would continue the line */
        else
            sb_putc(&sb, *p);
    }
    const char *s = ast_strdup(em->a, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return s;
}

const char *emit_citation_text(emitter *em, const citation *c)
{
    if (!c || !c->source.name)
        return "";
    strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s \"%s\"", c->source.name, c->provision ? c->provision : "");
    const char *s = emit_comment_text(em, sb.data);
    sb_free(&sb);
    return s;
}

/* ---- C types ------------------------------------------------------------------- */

const char *emit_opt_ctype(const type *elem)
{
    switch (elem->kind) {
    case T_BOOL: return "lov_opt_bool";
    case T_INT: return "lov_opt_int";
    case T_DEC: return "lov_opt_decimal";
    case T_MONEY: return "lov_opt_money";
    case T_DATE: return "lov_opt_date";
    case T_DURATION: return "lov_opt_duration";
    default: return "lov_opt_enum";
    }
}

const char *emit_ctype(emitter *em, const type *t)
{
    switch (t->kind) {
    case T_BOOL: return "bool";
    case T_INT: return "int64_t";
    case T_DEC: return "lov_decimal";
    case T_MONEY: return "lov_money";
    case T_DATE: return "lov_date";
    case T_DURATION: return "lov_duration";
    case T_ENUM: return t->decl->c_public;
    case T_RECORD: {
        size_t n = strlen(t->decl->c_public) + 16;
        char *s = arena_alloc(em->a, n);
        snprintf(s, n, "const %s *", t->decl->c_public);
        return s;
    }
    case T_OPTIONAL: return emit_opt_ctype(t->elem);
    default: return "int";
    }
}

const char *emit_zero(emitter *em, const type *t)
{
    switch (t->kind) {
    case T_BOOL: return "false";
    case T_DEC:
    case T_DURATION: return "{0, 0}";
    case T_ENUM: {
        size_t n = strlen(t->decl->c_public) + 8;
        char *s = arena_alloc(em->a, n);
        snprintf(s, n, "(%s)0", t->decl->c_public);
        return s;
    }
    case T_RECORD: return "NULL";
    case T_OPTIONAL:
        return t->elem->kind == T_DEC || t->elem->kind == T_DURATION ? "{false, {0, 0}}" : "{false, 0}";
    default: return "0";
    }
}

const char *emit_type_tag(const type *t)
{
    switch (t->kind) {
    case T_BOOL: return "LOV_T_BOOL";
    case T_INT: return "LOV_T_INT";
    case T_DEC: return "LOV_T_DECIMAL";
    case T_MONEY: return "LOV_T_MONEY";
    case T_DATE: return "LOV_T_DATE";
    case T_DURATION: return "LOV_T_DURATION";
    case T_ENUM: return "LOV_T_ENUM";
    case T_RECORD: return "LOV_T_RECORD";
    case T_LIST: return "LOV_T_LIST";
    case T_OPTIONAL: return emit_type_tag(t->elem);
    default: return "LOV_T_INT";
    }
}

/* The C type of a member of the input struct or of a record. */
static const char *member_ctype(emitter *em, const type *t)
{
    if (t->kind == T_RECORD)
        return t->decl->c_public;
    return emit_ctype(em, t);
}

static const type *base_type(const type *t)
{
    return t->kind == T_OPTIONAL || t->kind == T_LIST ? t->elem : t;
}

/* ---- Collecting what the module needs ------------------------------------------ */

static void collect_calls(emitter *em, expr *e);
static void collect_external(emitter *em, decl *d);

/* An external function of a used module, called by one of its definitions
 * that this module uses: the caller of this module supplies it too. */
static void collect_external(emitter *em, decl *d)
{
    for (size_t i = 0; i < em->externals.len; i++)
        if (em->externals.items[i] == d)
            return;
    d->slot = (int)em->externals.len;
    pv_push(&em->externals, d);
}

static void collect_function(emitter *em, decl *d)
{
    for (size_t i = 0; i < em->functions.len; i++)
        if (em->functions.items[i] == d)
            return;
    pv_push(&em->functions, d);
    for (int i = 0; i < d->u.def.rules.len; i++) {
        ast_rule *r = NL_AT(d->u.def.rules, i);
        if (r->cond)
            collect_calls(em, r->cond);
        collect_calls(em, r->value);
    }
}

/* Finds the definitions with parameters (and, in used modules, the external
 * functions) that 'e' calls. */
static void visit_call(expr *e, void *ctx)
{
    emitter *em = ctx;
    if (e->kind != E_CALL || e->u.call.callee->kind == E_ERROR || e->u.call.callee->u.name.ref != REF_FUNCTION)
        return;
    decl *d = e->u.call.callee->u.name.target;
    if (d->kind == D_DEFINITION)
        collect_function(em, d);
    else if (d->kind == D_EXTERNAL && d->module != em->mod)
        collect_external(em, d);
}

static void collect_calls(emitter *em, expr *e)
{
    ast_walk(e, visit_call, em);
}

/* The inputs and definitions an expression reads, for explanations. */
typedef struct uses {
    module *mod;
    bool *inputs;            /* by slot */
    bool *outputs;
} uses;

static void visit_use(expr *e, void *ctx)
{
    uses *u = ctx;
    if (e->kind != E_NAME || e->u.name.ref != REF_DECL)
        return;
    decl *d = e->u.name.target;
    if (d->module != u->mod)
        return;
    if (d->kind == D_INPUT)
        u->inputs[d->slot] = true;
    else if ((d->kind == D_DEFINITION || d->kind == D_OUTCOME) && !d->u.def.has_params)
        u->outputs[d->slot] = true;
}

/* "ctx->out->NAME.present" for an optional output. */
static const char *fmt_member(emitter *em, const char *c_name)
{
    size_t n = strlen(c_name) + 32;
    char *s = arena_alloc(em->a, n);
    snprintf(s, n, "ctx->out->%s.present", c_name);
    return s;
}

static void add_provision(emitter *em, int kind, decl *owner, ast_rule *r, requirement *req,
                          citation *cite, src_loc loc)
{
    prov_entry *p = arena_alloc(em->a, sizeof *p);
    p->kind = kind;
    p->owner = owner;
    p->rule = r;
    p->req = req;
    p->cite = cite;
    p->loc = loc;
    pv_push(&em->provisions, p);
}

static void number_definition(emitter *em, decl *d)
{
    d->provision = (int)em->provisions.len;
    add_provision(em, LOV_PROV_DEFINITION, d, NULL, NULL, d->cite, d->name.loc);
    for (int k = 0; k < d->u.def.rules.len; k++) {
        ast_rule *r = NL_AT(d->u.def.rules, k);
        if (r->is_default)
            continue;
        r->provision = (int)em->provisions.len;
        add_provision(em, LOV_PROV_EXCEPTION, d, r, NULL, r->cite, r->label.loc);
    }
    for (int k = 0; k < d->u.def.requires.len; k++) {
        requirement *req = NL_AT(d->u.def.requires, k);
        req->provision = (int)em->provisions.len;
        add_provision(em, LOV_PROV_REQUIREMENT, d, NULL, req, req->cite, req->loc);
    }
}

/* Does the output count for the evaluation's status? The outcomes do (or,
 * in rules without outcomes, the definitions); assertions never: whether an
 * invariant holds is a question for the tests, not for the decision. */
static bool decides(const decl *d, bool any_outcome)
{
    return d->kind == D_OUTCOME || (!any_outcome && d->kind == D_DEFINITION);
}

/* The evaluation order: the definitions as the resolver orders them, then
 * the assertions, which read the decisions and which nothing reads. */
static void order_outputs(emitter *em)
{
    resolve_evaluation_order(em->mod, &em->order);
    for (size_t i = 0; i < em->outputs.len; i++)
        if (((decl *)em->outputs.items[i])->kind == D_ASSERT)
            pv_push(&em->order, em->outputs.items[i]);
}

static void collect(emitter *em)
{
    module *m = em->mod;
    cname_scope_init(&em->statics, em->a);
    for (size_t k = 0; k < em->prog->modules.len; k++) {
        module *mk = em->prog->modules.items[k];
        for (int i = 0; i < mk->decls.len; i++) {
            decl *d = NL_AT(mk->decls, i);
            if (d->kind == D_ENUM)
                pv_push(&em->enums, d);
            else if (d->kind == D_RECORD)
                pv_push(&em->records, d);
        }
    }
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        d->provision = -1;
        switch (d->kind) {
        case D_INPUT:
            d->slot = (int)em->inputs.len;
            pv_push(&em->inputs, d);
            break;
        case D_PARAMETER:
            d->slot = (int)em->params.len;
            pv_push(&em->params, d);
            d->provision = (int)em->provisions.len;
            add_provision(em, LOV_PROV_PARAMETER, d, NULL, NULL, d->cite, d->name.loc);
            d->c_static = cname_unique(&em->statics, "param_", d->name.name);
            d->c_rules = cname_unique(&em->statics, "param_on_day_", d->name.name);
            d->c_table = cname_unique(&em->statics, "values_of_", d->name.name);
            break;
        case D_DEFINITION:
        case D_OUTCOME:
            number_definition(em, d);
            if (d->u.def.has_params) {
                d->c_static = cname_unique(&em->statics, "fn_", d->name.name);
            } else {
                d->slot = (int)em->outputs.len;
                pv_push(&em->outputs, d);
                d->c_static = cname_unique(&em->statics, "def_", d->name.name);
            }
            break;
        case D_ASSERT:
            /* An output too: whether the invariant holds for this case. */
            d->provision = (int)em->provisions.len;
            add_provision(em, LOV_PROV_ASSERTION, d, NULL, NULL, d->cite, d->name.loc);
            d->slot = (int)em->outputs.len;
            pv_push(&em->outputs, d);
            d->c_static = cname_unique(&em->statics, "assert_", d->name.name);
            break;
        case D_EXTERNAL:
            collect_external(em, d);
            break;
        default:
            break;
        }
    }
    /* Functions of used modules that this module calls, with their own. */
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if ((d->kind == D_DEFINITION || d->kind == D_OUTCOME) && !d->u.def.has_params)
            for (int k = 0; k < d->u.def.rules.len; k++) {
                ast_rule *r = NL_AT(d->u.def.rules, k);
                collect_calls(em, r->cond);
                collect_calls(em, r->value);
            }
        if (d->kind == D_DEFINITION || d->kind == D_OUTCOME)
            for (int k = 0; k < d->u.def.requires.len; k++)
                collect_calls(em, ((requirement *)NL_AT(d->u.def.requires, k))->cond);
    }
    for (size_t i = 0; i < em->functions.len; i++) {
        decl *d = em->functions.items[i];
        if (d->module == m)
            continue;
        number_definition(em, d);
        char prefix[256];
        snprintf(prefix, sizeof prefix, "fn_%s_", d->module->c_prefix);
        d->c_static = cname_unique(&em->statics, prefix, d->name.name);
    }
    /* Members of the externals struct: this module's by their names, a used
     * module's with that module's name in front. */
    cname_scope members;
    cname_scope_init(&members, em->a);
    cname_reserve(&members, "ctx");
    for (size_t i = 0; i < em->externals.len; i++) {
        decl *d = em->externals.items[i];
        if (d->module == m)
            d->c_static = cname_unique(&members, "", d->name.name);
    }
    for (size_t i = 0; i < em->externals.len; i++) {
        decl *d = em->externals.items[i];
        if (d->module != m) {
            char prefix[256];
            snprintf(prefix, sizeof prefix, "%s_", d->module->c_prefix);
            d->c_static = cname_unique(&members, prefix, d->name.name);
        }
    }
    cname_scope_free(&members);
    size_t ninputs = em->inputs.len;
    em->mask_words = (int)(ninputs == 0 ? 1 : (ninputs + 63) / 64);
    order_outputs(em);
}

/* ---- The header -------------------------------------------------------------- */

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

static void emit_header(emitter *em)
{
    strbuf *h = &em->h;
    module *m = em->mod;
    const char *p = m->c_prefix;
    emit_printf(h, "/* %s: the rules of module %s%s%s, compiled to C.\n", em->h_name,
                emit_comment_text(em, m->name.name), m->title ? ", " : "", emit_comment_text(em, m->title));
    emit_printf(h, " *\n * Generated by lovc %s from %s\n * SHA-256 of the source: %s\n",
                LOVC_VERSION, emit_comment_text(em, em->lov_path), em->sha256);
    sb_puts(h, " * Do not edit: change the .lov source and run 'lovc build' again.\n"
               " * The API and the status codes are described in docs/vendor-guide.md. */\n");
    emit_printf(h, "#ifndef LOV_MODULE_%s_H\n#define LOV_MODULE_%s_H\n\n", p, p);
    sb_puts(h, "#include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n\n#include \"lov.h\"\n\n");
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
    sb_puts(h, "/* What the module is: fields, types, offsets, provisions, parameters, the\n"
               " * SHA-256 of its source and the compiler version. */\n");
    emit_printf(h, "extern const lov_module_desc %s_descriptor;\n\n", p);
    sb_puts(h, "#ifdef __cplusplus\n}\n#endif\n\n#endif\n");
}

/* ---- The .c file: context and helpers ----------------------------------------- */

static void emit_context(emitter *em)
{
    strbuf *c = &em->c;
    const char *p = em->mod->c_prefix;
    int W = em->mask_words;
    size_t nout = em->outputs.len ? em->outputs.len : 1;
    size_t nparam = em->params.len ? em->params.len : 1;
    emit_printf(c, "/* Why a value could not be worked out: the inputs it needed that are\n"
                   " * missing, and the first reason. */\n"
                   "typedef struct why_state {\n    uint64_t missing[%d];\n    lov_result_info info;\n"
                   "} why_state;\n\n", W);
    sb_puts(c, "typedef struct param_memo_t {\n    bool done;\n    lov_status status;\n    lov_value value;\n"
               "} param_memo_t;\n\n");
    emit_printf(c, "/* One evaluation: everything lives here, on the caller's stack. */\n"
                   "typedef struct ctx_t {\n    const %s_input *in;\n    %s_output *out;\n"
                   "    lov_trace *trace;\n    const %s_externals *ext;\n    lov_date reference_date;\n"
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
static void emit_helpers(strbuf *c, const char *body)
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

/* ---- Validation of the facts ------------------------------------------------------- */

/* A C condition that is true when value v of type t is invalid. */
static const char *invalid_value(emitter *em, const char *v, const type *t)
{
    char buf[512];
    switch (t->kind) {
    case T_ENUM:
        snprintf(buf, sizeof buf, "((int)%s < 0 || (int)%s >= %d)", v, v, t->decl->u.enum_.cases.len);
        break;
    case T_DATE:
        snprintf(buf, sizeof buf, "!lov_date_valid(%s)", v);
        break;
    case T_DEC:
        snprintf(buf, sizeof buf, "!lov_dec_valid(%s)", v);
        break;
    case T_OPTIONAL: {
        char inner[400];
        snprintf(inner, sizeof inner, "%s.value", v);
        const char *iv = invalid_value(em, inner, t->elem);
        if (!iv)
            return NULL;
        snprintf(buf, sizeof buf, "(%s.present && %s)", v, iv);
        break;
    }
    default:
        return NULL;
    }
    return ast_strdup(em->a, buf, strlen(buf));
}

static void emit_validate_record(emitter *em, const char *ptr, const type *rt, int slot)
{
    strbuf *c = &em->c;
    decl *r = rt->decl;
    for (int k = 0; k < r->u.record.fields.len; k++) {
        record_field *f = NL_AT(r->u.record.fields, k);
        char v[256];
        snprintf(v, sizeof v, "%s%s", ptr, f->c_name);
        const char *bad = invalid_value(em, v, f->type);
        if (bad)
            emit_printf(c, "        if (%s)\n            return invalid_input(ctx, %d);\n", bad, slot);
    }
}

static void emit_validate(emitter *em)
{
    strbuf *c = &em->c;
    sb_puts(c, "/* The facts must be values of their types: enum cases that exist, dates\n"
               " * in 0001..9999, exact decimals, lists with their items. */\n");
    sb_puts(c, "static lov_status validate(ctx_t *ctx)\n{\n    const ");
    emit_printf(c, "%s_input *in = ctx->in;\n", em->mod->c_prefix);
    bool any = false;
    for (size_t i = 0; i < em->inputs.len; i++) {
        decl *d = em->inputs.items[i];
        const type *t = d->type;
        char v[256];
        snprintf(v, sizeof v, "in->%s", d->c_name);
        if (t->kind == T_LIST) {
            any = true;
            emit_printf(c, "    if (in->known.%s && in->%s_count > 0 && in->%s == NULL)\n"
                           "        return invalid_input(ctx, %d);\n", d->c_name, d->c_name, d->c_name,
                        d->slot);
            const char *bad = NULL;
            char item[300];
            snprintf(item, sizeof item, "in->%s[i]", d->c_name);
            if (t->elem->kind != T_RECORD)
                bad = invalid_value(em, item, t->elem);
            bool record_checks = false;
            if (t->elem->kind == T_RECORD) {
                decl *r = t->elem->decl;
                for (int k = 0; k < r->u.record.fields.len; k++) {
                    record_field *f = NL_AT(r->u.record.fields, k);
                    if (invalid_value(em, "x", f->type))
                        record_checks = true;
                }
            }
            if (bad || record_checks) {
                emit_printf(c, "    for (size_t i = 0, n = in->known.%s ? in->%s_count : 0; i < n; i++) {\n",
                            d->c_name, d->c_name);
                if (bad)
                    emit_printf(c, "        if (%s)\n            return invalid_input(ctx, %d);\n", bad, d->slot);
                else {
                    char ptr[300];
                    snprintf(ptr, sizeof ptr, "in->%s[i].", d->c_name);
                    emit_validate_record(em, ptr, t->elem, d->slot);
                }
                sb_puts(c, "    }\n");
            }
            continue;
        }
        if (t->kind == T_RECORD) {
            char ptr[300];
            snprintf(ptr, sizeof ptr, "in->%s.", d->c_name);
            emit_printf(c, "    if (in->known.%s) {\n", d->c_name);
            emit_validate_record(em, ptr, t, d->slot);
            sb_puts(c, "    }\n");
            any = true;
            continue;
        }
        const char *bad = invalid_value(em, v, t);
        if (bad) {
            any = true;
            emit_printf(c, "    if (in->known.%s && %s)\n        return invalid_input(ctx, %d);\n", d->c_name,
                        bad, d->slot);
        }
    }
    if (!any)
        sb_puts(c, "    (void)in;\n");
    sb_puts(c, "    return LOV_OK;\n}\n\n");
}

/* ---- The entry point ---------------------------------------------------------- */

static void set_all_statuses(emitter *em, const char *status)
{
    for (size_t i = 0; i < em->outputs.len; i++)
        emit_printf(&em->c, "        out->status.%s = %s;\n", ((decl *)em->outputs.items[i])->c_name, status);
}

/* A lov_value for a parameter's written-out value. */
static void literal_value(const expr *e, char *buf, size_t cap)
{
    bool neg = e->kind == E_UNARY;
    if (neg)
        e = e->u.unary.operand;
    const char *sign = neg ? "-" : "";
    switch (e->kind) {
    case E_BOOL: snprintf(buf, cap, "(lov_value){.b = %s}", e->u.b ? "true" : "false"); return;
    case E_INT: snprintf(buf, cap, "(lov_value){.i = %sINT64_C(%" PRId64 ")}", sign, e->u.i); return;
    case E_MONEY: snprintf(buf, cap, "(lov_value){.money = %sINT64_C(%" PRId64 ")}", sign, e->u.money); return;
    case E_DATE: snprintf(buf, cap, "(lov_value){.date = %d}", (int)e->u.date); return;
    case E_DECIMAL:
        snprintf(buf, cap, "(lov_value){.dec = {%sINT64_C(%" PRId64 "), %d}}", sign, e->u.dec.coef,
                 (int)e->u.dec.scale);
        return;
    case E_DURATION:
        snprintf(buf, cap, "(lov_value){.dur = {%s%d, %s%d}}", sign, (int)e->u.dur.months, sign, (int)e->u.dur.days);
        return;
    case E_NAME:
    case E_FIELD:
        snprintf(buf, cap, "(lov_value){.enum_case = %d}",
                 e->u.name.ref == REF_CASE ? ((enum_case *)e->u.name.target)->index : 0);
        return;
    default:
        snprintf(buf, cap, "(lov_value){.i = 0}");
        return;
    }
}

/* The fixed parameters a definition reads. */
typedef struct constants_read {
    ptrvec params;
} constants_read;

static void visit_constant(expr *e, void *ctx)
{
    constants_read *cr = ctx;
    if (e->kind != E_NAME || e->u.name.ref != REF_DECL)
        return;
    decl *d = e->u.name.target;
    if (d->kind != D_PARAMETER || !d->u.param.constant)
        return;
    for (size_t i = 0; i < cr->params.len; i++)
        if (cr->params.items[i] == d)
            return;
    pv_push(&cr->params, d);
}

/* Fixed parameters are written into the rules as their values; for the
 * trace, each is noted once, before the first definition that reads it. */
void emit_trace_constants(emitter *em, decl *d, strbuf *out, int depth)
{
    constants_read cr = {{0}};
    for (int k = 0; k < d->u.def.rules.len; k++) {
        ast_rule *r = NL_AT(d->u.def.rules, k);
        ast_walk(r->cond, visit_constant, &cr);
        ast_walk(r->value, visit_constant, &cr);
    }
    for (int k = 0; k < d->u.def.requires.len; k++)
        ast_walk(((requirement *)NL_AT(d->u.def.requires, k))->cond, visit_constant, &cr);
    int pad = 4 * depth;
    for (size_t i = 0; i < cr.params.len; i++) {
        decl *p = cr.params.items[i];
        if (p->provision < 0)                /* a used module's: not in this module's table */
            continue;
        char value[128];
        literal_value(p->u.param.constant, value, sizeof value);
        emit_printf(out, "%*sif (!ctx->marks[%d]) {    /* %s */\n%*s    ctx->marks[%d] = 1;\n"
                         "%*s    lov_trace_add(ctx->trace, %d, LOV_TRACE_VALUE, LOV_OK, true, %s);\n%*s}\n",
                    pad, "", p->provision, emit_comment_text(em, p->name.name), pad, "", p->provision, pad, "",
                    p->provision, value, pad, "");
    }
    pv_free(&cr.params);
}

/* evaluate_all: every definition and outcome, each after those it uses,
 * with its status, the steps for the trace and (on the explaining pass)
 * what it lacked. */
static void emit_evaluate_all(emitter *em)
{
    strbuf *c = &em->c;
    sb_puts(c, "/* Every definition and outcome, each after the definitions it uses. */\n"
               "static void evaluate_all(ctx_t *ctx)\n{\n");
    sb_puts(c, em->order.len ? "    lov_status st;\n" : "    (void)ctx;\n");
    for (size_t i = 0; i < em->order.len; i++) {
        decl *d = em->order.items[i];
        bool rules = d->kind != D_ASSERT;
        int steps = rules ? d->u.def.requires.len : 0;
        for (int k = 0; rules && k < d->u.def.rules.len; k++)
            steps += !((ast_rule *)NL_AT(d->u.def.rules, k))->is_default;
        emit_printf(c, "\n    st = %s(ctx, &ctx->out->%s);\n", d->c_static, d->c_name);
        emit_printf(c, "    ctx->out->status.%s = st;\n", d->c_name);
        emit_printf(c, "    if (st != LOV_OK) {\n        failed(ctx, st, %d);\n", d->provision);
        if (emit_is_adverse(d) && d->u.def.default_rule) {
            expr *v = d->u.def.default_rule->value;
            char lit[64] = "0";
            if (v->kind == E_MONEY)
                snprintf(lit, sizeof lit, "INT64_C(%" PRId64 ")", v->u.money);
            else if (v->kind == E_BOOL)
                snprintf(lit, sizeof lit, "%s", v->u.b ? "true" : "false");
            else if (v->kind == E_INT)
                snprintf(lit, sizeof lit, "INT64_C(%" PRId64 ")", v->u.i);
            emit_printf(c, "        ctx->out->%s = %s;    /* never harm the citizen on an unsure result */\n",
                        d->c_name, lit);
        }
        sb_puts(c, "    }\n");
        emit_printf(c, "    if (ctx->explain) {\n        ctx->why_of[%d] = ctx->why;\n        why_clear(&ctx->why);\n    }\n",
                    d->slot);
        sb_puts(c, "    if (ctx->trace) {\n");
        if (rules)
            emit_trace_constants(em, d, c, 2);
        if (steps > 0)
            emit_printf(c, "        trace_marks(ctx, %d, %d);\n", d->provision + 1, steps);
        const char *member = d->type->kind == T_OPTIONAL ? ".value" : "";
        const type *vt = d->type->kind == T_OPTIONAL ? d->type->elem : d->type;
        const char *field = vt->kind == T_BOOL ? "b" : vt->kind == T_INT ? "i" : vt->kind == T_DEC ? "dec"
                            : vt->kind == T_MONEY ? "money" : vt->kind == T_DATE ? "date"
                            : vt->kind == T_DURATION ? "dur" : "enum_case";
        emit_printf(c, "        lov_trace_add(ctx->trace, %d, st == LOV_OK ? LOV_TRACE_VALUE : LOV_TRACE_FAILED, st, %s,\n"
                       "                      (lov_value){.%s = %sctx->out->%s%s});\n    }\n",
                    d->provision, d->type->kind == T_OPTIONAL ? fmt_member(em, d->c_name) : "true", field,
                    vt->kind == T_ENUM ? "(int32_t)" : "", d->c_name, member);
    }
    sb_puts(c, "}\n\n");
}

static void emit_entry(emitter *em)
{
    strbuf *c = &em->c;
    module *m = em->mod;
    const char *p = m->c_prefix;
    bool any_outcome = false;
    for (size_t i = 0; i < em->outputs.len; i++)
        any_outcome |= ((decl *)em->outputs.items[i])->kind == D_OUTCOME;

    emit_evaluate_all(em);
    emit_printf(c, "lov_status %s_evaluate(const %s_input *in, %s_output *out, lov_trace *trace,\n"
                   "                       const %s_externals *ext)\n{\n", p, p, p, p);
    sb_puts(c, "    ctx_t ctx;\n    ctx.in = in;\n    ctx.out = out;\n    ctx.trace = NULL;\n    ctx.ext = ext;\n"
               "    ctx.reference_date = 0;\n    ctx.explain = false;\n"
               "    memset(ctx.param_memo, 0, sizeof ctx.param_memo);\n    memset(ctx.marks, 0, sizeof ctx.marks);\n"
               "    why_clear(&ctx.why);\n    memset(out, 0, sizeof *out);\n    out->info = ctx.why.info;\n\n");
    sb_puts(c, "    lov_status st = validate(&ctx);\n    if (st != LOV_OK) {\n");
    set_all_statuses(em, "st");
    sb_puts(c, "        out->info = ctx.why.info;\n        return st;\n    }\n");
    decl *ref = m->reference_input;
    if (ref) {
        emit_printf(c, "\n    /* The reference date: the day the decisions concern. */\n"
                       "    if (!in->known.%s) {\n        missing_input(&ctx, %d);\n", ref->c_name, ref->slot);
        set_all_statuses(em, "LOV_UNDETERMINED");
        emit_printf(c, "        for (int i = 0; i < %d; i++)\n            out->missing[i] = ctx.why.missing[i];\n",
                    em->mask_words);
        sb_puts(c, "        out->info = ctx.why.info;\n        return LOV_UNDETERMINED;\n    }\n");
        emit_printf(c, "    ctx.reference_date = in->%s;\n", ref->c_name);
    }
    if (m->has_in_force) {
        char from[LOV_DATE_BUFSIZE], until[LOV_DATE_BUFSIZE];
        lov_date_format(m->in_force_from, from);
        lov_date_format(m->has_until ? m->in_force_until : LOV_DATE_MAX, until);
        emit_printf(c, "\n    /* In force from %s%s%s: any other day is not applicable. */\n", from,
                    m->has_until ? " until " : "", m->has_until ? until : "");
        emit_printf(c, "    if (ctx.reference_date < %d || ctx.reference_date > %d) {\n", (int)m->in_force_from,
                    (int)(m->has_until ? m->in_force_until : LOV_DATE_MAX));
        set_all_statuses(em, "LOV_NOT_APPLICABLE");
        sb_puts(c, "        note(&ctx, LOV_REASON_OUT_OF_FORCE, -1, -1, -1);\n"
                   "        out->info = ctx.why.info;\n        return LOV_NOT_APPLICABLE;\n    }\n");
    }
    sb_puts(c, "\n    /* The fast pass: the decisions, without a trace. */\n"
               "    if (trace == NULL) {\n        evaluate_all(&ctx);\n        st = LOV_OK;\n");
    for (size_t i = 0; i < em->outputs.len; i++) {
        decl *d = em->outputs.items[i];
        if (decides(d, any_outcome))
            emit_printf(c, "        st = worse(st, out->status.%s);\n", d->c_name);
    }
    sb_puts(c, "        if (st == LOV_OK)\n            return LOV_OK;\n    }\n\n"
               "    /* With a trace, or when not every decision was made: work them out\n"
               "     * (again), noting each step and what each one lacked. The values and\n"
               "     * statuses come out the same as on the fast pass. */\n"
               "    ctx.explain = true;\n    ctx.trace = trace;\n"
               "    memset(ctx.param_memo, 0, sizeof ctx.param_memo);\n    memset(ctx.marks, 0, sizeof ctx.marks);\n"
               "    why_clear(&ctx.why);\n    evaluate_all(&ctx);\n    st = LOV_OK;\n");
    for (size_t i = 0; i < em->outputs.len; i++) {
        decl *d = em->outputs.items[i];
        if (!decides(d, any_outcome))
            continue;
        emit_printf(c, "    if (out->status.%s != LOV_OK) {\n", d->c_name);
        emit_printf(c, "        if (st == LOV_OK)\n            out->info = ctx.why_of[%d].info;\n", d->slot);
        emit_printf(c, "        st = worse(st, out->status.%s);\n", d->c_name);
        emit_printf(c, "        for (int i = 0; i < %d; i++)\n            out->missing[i] |= ctx.why_of[%d].missing[i];\n",
                    em->mask_words, d->slot);
        sb_puts(c, "    }\n");
    }
    sb_puts(c, "    return st;\n}\n\n");
}

/* ---- The descriptor -------------------------------------------------------------- */

static void emit_field_desc(emitter *em, const char *container, const char *c_name, const char *name,
                            const type *t, bool input)
{
    strbuf *c = &em->c;
    const type *bt = base_type(t);
    char ebuf[256] = "NULL", rbuf[256] = "NULL";
    if (bt->kind == T_ENUM)
        snprintf(ebuf, sizeof ebuf, "&enum_%s", bt->decl->c_public);
    if (bt->kind == T_RECORD)
        snprintf(rbuf, sizeof rbuf, "&record_%s", bt->decl->c_public);
    emit_printf(c, "    {%s, \"%s\", %s, %s, %s, offsetof(%s, %s), ", emit_cstring(em, name), c_name,
                t->kind == T_LIST ? "LOV_T_LIST" : emit_type_tag(t),
                t->kind == T_LIST ? emit_type_tag(t->elem) : emit_type_tag(t),
                t->kind == T_OPTIONAL ? "true" : "false", container, c_name);
    if (t->kind == T_LIST)
        emit_printf(c, "offsetof(%s, %s_count), ", container, c_name);
    else
        sb_puts(c, "0, ");
    if (input)
        emit_printf(c, "offsetof(%s, known.%s), 0, 0, ", container, c_name);
    else
        sb_puts(c, "0, 0, 0, ");
    emit_printf(c, "%s, %s, -1, false, false},\n", ebuf, rbuf);
}

static void emit_descriptor(emitter *em)
{
    strbuf *c = &em->c;
    module *m = em->mod;
    const char *p = m->c_prefix;
    sb_puts(c, "/* ---- Self-description ---- */\n\n");
    for (size_t i = 0; i < em->enums.len; i++) {
        decl *d = em->enums.items[i];
        emit_printf(c, "static const char *const cases_%s[] = {", d->c_public);
        for (int k = 0; k < d->u.enum_.cases.len; k++)
            emit_printf(c, "%s%s", k ? ", " : "", emit_cstring(em, ((enum_case *)NL_AT(d->u.enum_.cases, k))->name.name));
        emit_printf(c, "};\nstatic const lov_enum_desc enum_%s = {%s, cases_%s, %d};\n\n", d->c_public,
                    emit_cstring(em, d->name.name), d->c_public, d->u.enum_.cases.len);
    }
    for (size_t i = 0; i < em->records.len; i++) {
        decl *d = em->records.items[i];
        emit_printf(c, "static const lov_field_desc fields_%s[] = {\n", d->c_public);
        for (int k = 0; k < d->u.record.fields.len; k++) {
            record_field *f = NL_AT(d->u.record.fields, k);
            emit_field_desc(em, d->c_public, f->c_name, f->name.name, f->type, false);
        }
        emit_printf(c, "};\nstatic const lov_record_desc record_%s = {%s, sizeof(%s), fields_%s, %d};\n\n",
                    d->c_public, emit_cstring(em, d->name.name), d->c_public, d->c_public,
                    d->u.record.fields.len);
    }
    char container[256];
    snprintf(container, sizeof container, "%s_input", p);
    emit_printf(c, "static const lov_field_desc inputs[] = {\n");
    for (size_t i = 0; i < em->inputs.len; i++) {
        decl *d = em->inputs.items[i];
        emit_field_desc(em, container, d->c_name, d->name.name, d->type, true);
    }
    if (em->inputs.len == 0)
        sb_puts(c, "    {NULL, NULL, LOV_T_INT, LOV_T_INT, false, 0, 0, 0, 0, 0, NULL, NULL, -1, false, false},\n");
    sb_puts(c, "};\n\n");
    snprintf(container, sizeof container, "%s_output", p);
    sb_puts(c, "static const lov_field_desc outputs[] = {\n");
    for (size_t i = 0; i < em->outputs.len; i++) {
        decl *d = em->outputs.items[i];
        const type *bt = base_type(d->type);
        char ebuf[256] = "NULL";
        if (bt->kind == T_ENUM)
            snprintf(ebuf, sizeof ebuf, "&enum_%s", bt->decl->c_public);
        bool held = emit_held_back(d);
        emit_printf(c, "    {%s, \"%s\", %s, %s, %s, offsetof(%s, %s), 0, 0, offsetof(%s, status.%s), ",
                    emit_cstring(em, d->name.name), d->c_name, emit_type_tag(d->type), emit_type_tag(d->type),
                    d->type->kind == T_OPTIONAL ? "true" : "false", container, d->c_name, container, d->c_name);
        if (held)
            emit_printf(c, "offsetof(%s, held_back.%s), ", container, d->c_name);
        else
            sb_puts(c, "0, ");
        emit_printf(c, "%s, NULL, %d, %s, %s},\n", ebuf, d->provision, emit_is_adverse(d) ? "true" : "false",
                    d->kind == D_OUTCOME ? "true" : "false");
    }
    if (em->outputs.len == 0)
        sb_puts(c, "    {NULL, NULL, LOV_T_INT, LOV_T_INT, false, 0, 0, 0, 0, 0, NULL, NULL, -1, false, false},\n");
    sb_puts(c, "};\n\n");

    static const char *const kinds[] = {"LOV_PROV_DEFINITION", "LOV_PROV_EXCEPTION", "LOV_PROV_REQUIREMENT",
                                        "LOV_PROV_PARAMETER", "LOV_PROV_ASSERTION"};
    /* What each provision's rule reads. */
    uses u = {m, xcalloc(em->inputs.len + 1, 1), xcalloc(em->outputs.len + 1, 1)};
    char **uses_names = xcalloc(em->provisions.len + 1, sizeof *uses_names);
    for (size_t i = 0; i < em->provisions.len; i++) {
        prov_entry *pv = em->provisions.items[i];
        if (pv->owner->module != m)
            continue;
        memset(u.inputs, 0, em->inputs.len + 1);
        memset(u.outputs, 0, em->outputs.len + 1);
        if (pv->kind == LOV_PROV_DEFINITION) {
            for (int k = 0; k < pv->owner->u.def.rules.len; k++) {
                ast_rule *r = NL_AT(pv->owner->u.def.rules, k);
                ast_walk(r->cond, visit_use, &u);
                ast_walk(r->value, visit_use, &u);
            }
        } else if (pv->kind == LOV_PROV_EXCEPTION) {
            ast_walk(pv->rule->cond, visit_use, &u);
            ast_walk(pv->rule->value, visit_use, &u);
        } else if (pv->kind == LOV_PROV_REQUIREMENT) {
            ast_walk(pv->req->cond, visit_use, &u);
        } else if (pv->kind == LOV_PROV_ASSERTION) {
            ast_walk(pv->owner->u.assert_.cond, visit_use, &u);
        }
        int ni = 0, no = 0;
        for (size_t k = 0; k < em->inputs.len; k++)
            ni += u.inputs[k];
        for (size_t k = 0; k < em->outputs.len; k++)
            no += u.outputs[k];
        if (ni + no == 0)
            continue;
        char name[64];
        snprintf(name, sizeof name, "uses_%zu", i);
        uses_names[i] = xstrdup(name);
        emit_printf(c, "static const int32_t %s_inputs[] = {", name);
        for (size_t k = 0, n = 0; k < em->inputs.len; k++)
            if (u.inputs[k])
                emit_printf(c, "%s%zu", n++ ? ", " : "", k);
        if (ni == 0)
            sb_puts(c, "-1");
        emit_printf(c, "};\nstatic const int32_t %s_outputs[] = {", name);
        for (size_t k = 0, n = 0; k < em->outputs.len; k++)
            if (u.outputs[k])
                emit_printf(c, "%s%zu", n++ ? ", " : "", k);
        if (no == 0)
            sb_puts(c, "-1");
        sb_puts(c, "};\n");
        ((prov_entry *)em->provisions.items[i])->nuses_inputs = ni;
        ((prov_entry *)em->provisions.items[i])->nuses_outputs = no;
    }
    free(u.inputs);
    free(u.outputs);
    sb_puts(c, "\nstatic const lov_provision_desc provisions[] = {\n");
    for (size_t i = 0; i < em->provisions.len; i++) {
        prov_entry *pv = em->provisions.items[i];
        const citation *ct = pv->cite;
        const source_decl *src = ct ? ct->resolved : NULL;
        int ln = 0, col = 0;
        if (pv->loc.file)
            src_line_col((src_file *)pv->loc.file, pv->loc.start, &ln, &col);
        const type *vt = pv->kind == LOV_PROV_DEFINITION || pv->kind == LOV_PROV_PARAMETER ? pv->owner->type
                                                                                          : type_bool();
        const type *bt = base_type(vt);
        char ebuf[256] = "NULL";
        if (bt->kind == T_ENUM)
            snprintf(ebuf, sizeof ebuf, "&enum_%s", bt->decl->c_public);
        emit_printf(c, "    {%s, %s, %s, %s, %s, %s, %s, %d, %s, %s, ", kinds[pv->kind],
                    emit_cstring(em, pv->owner->name.name),
                    pv->rule ? emit_cstring(em, pv->rule->label.name) : "NULL",
                    src ? emit_cstring(em, src->name.name) : "NULL",
                    src ? emit_cstring(em, src->title) : "NULL",
                    ct ? emit_cstring(em, ct->provision) : "NULL",
                    ct && ct->text ? emit_cstring(em, ct->text) : "NULL", ln, emit_type_tag(vt), ebuf);
        if (uses_names[i])
            emit_printf(c, "%s_inputs, %d, %s_outputs, %d},\n", uses_names[i], pv->nuses_inputs, uses_names[i],
                        pv->nuses_outputs);
        else
            sb_puts(c, "NULL, 0, NULL, 0},\n");
        free(uses_names[i]);
    }
    free(uses_names);
    if (em->provisions.len == 0)
        sb_puts(c, "    {LOV_PROV_DEFINITION, NULL, NULL, NULL, NULL, NULL, NULL, 0, LOV_T_BOOL, NULL, NULL, 0, NULL, 0},\n");
    sb_puts(c, "};\n\n");

    size_t nparams = 0;
    for (size_t i = 0; i < em->params.len; i++)
        nparams += ((decl *)em->params.items[i])->u.param.values.len > 0;
    sb_puts(c, "static const lov_param_desc params[] = {\n");
    for (size_t i = 0; i < em->params.len; i++) {
        decl *d = em->params.items[i];
        if (d->u.param.values.len == 0)
            continue;
        emit_printf(c, "    {%s, %s, %d, %s, %d},\n", emit_cstring(em, d->name.name), emit_type_tag(d->type),
                    d->provision, d->c_table, d->u.param.values.len);
    }
    if (nparams == 0)
        sb_puts(c, "    {NULL, LOV_T_INT, 0, NULL, 0},\n");
    sb_puts(c, "};\n\n");

    for (size_t i = 0; i < em->externals.len; i++) {
        decl *d = em->externals.items[i];
        emit_printf(c, "static const lov_type params_of_%s[] = {", d->c_static);
        for (int k = 0; k < d->u.external.params.len; k++)
            emit_printf(c, "%s%s", k ? ", " : "", emit_type_tag(((formal *)NL_AT(d->u.external.params, k))->type));
        if (d->u.external.params.len == 0)
            sb_puts(c, "LOV_T_INT");
        emit_printf(c, "};\nstatic const char *const names_of_%s[] = {", d->c_static);
        for (int k = 0; k < d->u.external.params.len; k++)
            emit_printf(c, "%s%s", k ? ", " : "", emit_cstring(em, ((formal *)NL_AT(d->u.external.params, k))->name.name));
        if (d->u.external.params.len == 0)
            sb_puts(c, "NULL");
        emit_printf(c, "};\nstatic const lov_enum_desc *const enums_of_%s[] = {", d->c_static);
        for (int k = 0; k < d->u.external.params.len; k++) {
            const type *t = ((formal *)NL_AT(d->u.external.params, k))->type;
            if (t->kind == T_ENUM)
                emit_printf(c, "%s&enum_%s", k ? ", " : "", t->decl->c_public);
            else
                emit_printf(c, "%sNULL", k ? ", " : "");
        }
        if (d->u.external.params.len == 0)
            sb_puts(c, "NULL");
        sb_puts(c, "};\n");
    }
    sb_puts(c, "static const lov_external_desc externals[] = {\n");
    for (size_t i = 0; i < em->externals.len; i++) {
        decl *d = em->externals.items[i];
        char ebuf[256] = "NULL";
        if (d->type->kind == T_ENUM)
            snprintf(ebuf, sizeof ebuf, "&enum_%s", d->type->decl->c_public);
        emit_printf(c, "    {%s, \"%s\", offsetof(%s_externals, %s), %s, %s, params_of_%s, names_of_%s, %d, %s,\n"
                       "     enums_of_%s},\n",
                    emit_cstring(em, d->name.name), d->c_static, p, d->c_static, emit_type_tag(d->type), ebuf,
                    d->c_static, d->c_static, d->u.external.params.len,
                    emit_cstring(em, d->cite && d->cite->provision ? d->cite->provision : ""), d->c_static);
    }
    if (em->externals.len == 0)
        sb_puts(c, "    {NULL, NULL, 0, LOV_T_INT, NULL, NULL, NULL, 0, NULL, NULL},\n");
    sb_puts(c, "};\n\n");

    sb_puts(c, "static const lov_enum_desc *const enums[] = {");
    for (size_t i = 0; i < em->enums.len; i++)
        emit_printf(c, "%s&enum_%s", i ? ", " : "", ((decl *)em->enums.items[i])->c_public);
    sb_puts(c, em->enums.len ? "};\n" : "NULL};\n");
    sb_puts(c, "static const lov_record_desc *const records[] = {");
    for (size_t i = 0; i < em->records.len; i++)
        emit_printf(c, "%s&record_%s", i ? ", " : "", ((decl *)em->records.items[i])->c_public);
    sb_puts(c, em->records.len ? "};\n\n" : "NULL};\n\n");

    char until[32];
    snprintf(until, sizeof until, "%d", (int)(m->has_until ? m->in_force_until : LOV_DATE_MAX));
    emit_printf(c, "const lov_module_desc %s_descriptor = {\n", p);
    emit_printf(c, "    LOV_DESCRIPTOR_VERSION,\n    %s,\n    \"%s\",\n    %s,\n    %s,\n    \"%s\",\n    \"%s\",\n",
                emit_cstring(em, m->name.name), p, emit_cstring(em, m->title ? m->title : ""),
                emit_cstring(em, em->lov_path), em->sha256, LOVC_VERSION);
    emit_printf(c, "    %s, %d, %s,\n", m->has_in_force ? "true" : "false", (int)m->in_force_from, until);
    emit_printf(c, "    %d,\n    \"%s_evaluate\",\n", m->reference_input ? m->reference_input->slot : -1, p);
    emit_printf(c, "    sizeof(%s_input), sizeof(%s_output), %s%s%s,\n", p, p,
                em->externals.len ? "sizeof(" : "0", em->externals.len ? p : "",
                em->externals.len ? "_externals)" : "");
    emit_printf(c, "    offsetof(%s_output, missing), %d, offsetof(%s_output, info),\n", p, em->mask_words, p);
    emit_printf(c, "    inputs, %zu,\n    outputs, %zu,\n    provisions, %zu,\n    params, %zu,\n    externals, %zu,\n"
                   "    enums, %zu,\n    records, %zu,\n};\n",
                em->inputs.len, em->outputs.len, em->provisions.len, nparams, em->externals.len,
                em->enums.len, em->records.len);
}

/* ---- Files ------------------------------------------------------------------------ */

/* Replaces each '#line @' with a #line directive naming the .c file and the
 * number of the line after it, so compiler messages about the generated
 * code (if any) point back into it. */
static char *resolve_line_markers(emitter *em, const char *text)
{
    strbuf out;
    sb_init(&out);
    int line = 1;
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len == 7 && strncmp(p, "#line @", 7) == 0)
            emit_printf(&out, "#line %d %s", line + 1, emit_cstring(em, em->c_name));
        else
            sb_putn(&out, p, len);
        if (!nl)
            break;
        sb_putc(&out, '\n');
        line++;
        p = nl + 1;
    }
    return out.data;
}

static bool write_file(const char *path, const char *text, char *why, size_t whylen)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(why, whylen, "cannot write %s: %s", path, strerror(errno));
        return false;
    }
    size_t n = strlen(text);
    bool ok = fwrite(text, 1, n, f) == n;
    ok = fclose(f) == 0 && ok;
    if (!ok)
        snprintf(why, whylen, "cannot write %s: %s", path, strerror(errno));
    return ok;
}

bool emit_c_files(program *prog, const char *dir, const char *base, char *why, size_t whylen)
{
    emitter em;
    memset(&em, 0, sizeof em);
    em.prog = prog;
    em.mod = prog->root;
    em.a = &prog->root->arena;
    sb_init(&em.h);
    sb_init(&em.c);
    for (size_t i = 0; i < prog->modules.len; i++)
        emit_names(prog->modules.items[i]);
    char buf[4096];
    snprintf(buf, sizeof buf, "%s.h", base);
    em.h_name = ast_strdup(em.a, buf, strlen(buf));
    snprintf(buf, sizeof buf, "%s.c", base);
    em.c_name = ast_strdup(em.a, buf, strlen(buf));
    em.lov_path = em.mod->file->path;
    sha256_hex(em.mod->file->text, em.mod->file->len, em.sha256);
    collect(&em);
    emit_header(&em);

    strbuf *c = &em.c;
    emit_printf(c, "/* %s: the rules of module %s, compiled to C.\n *\n * Generated by lovc %s from %s\n"
                   " * SHA-256 of the source: %s\n * Do not edit: change the .lov source and run 'lovc build' again.\n"
                   " *\n * One function per definition, with its citation above it; #line directives\n"
                   " * lead back to the rules. No allocation, no global mutable state. */\n",
                em.c_name, emit_comment_text(&em, em.mod->name.name), LOVC_VERSION,
                emit_comment_text(&em, em.lov_path), em.sha256);
    emit_printf(c, "#include \"%s\"\n\n#include <string.h>\n\n", em.h_name);
    emit_context(&em);

    /* The functions first, into a buffer of their own, to know which
     * helpers they call. */
    strbuf head = em.c;
    sb_init(&em.c);
    emit_rule_functions(&em);
    emit_validate(&em);
    emit_entry(&em);
    strbuf body = em.c;
    em.c = head;
    emit_helpers(&em.c, body.data);
    sb_puts(&em.c, body.data);
    sb_free(&body);
    emit_descriptor(&em);

    char *c_text = resolve_line_markers(&em, c->data);
    snprintf(buf, sizeof buf, "%s/%s.h", dir, base);
    bool ok = write_file(buf, em.h.data, why, whylen);
    snprintf(buf, sizeof buf, "%s/%s.c", dir, base);
    ok = ok && write_file(buf, c_text, why, whylen);
    free(c_text);
    sb_free(&em.h);
    sb_free(&em.c);
    cname_scope_free(&em.statics);
    pv_free(&em.order);
    pv_free(&em.inputs);
    pv_free(&em.outputs);
    pv_free(&em.functions);
    pv_free(&em.params);
    pv_free(&em.externals);
    pv_free(&em.provisions);
    pv_free(&em.enums);
    pv_free(&em.records);
    return ok;
}

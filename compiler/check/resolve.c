#include "check/resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/builtins.h"
#include "front/parse.h"
#include "support/suggest.h"
#include "support/util.h"

typedef struct resolver {
    module *mod;
    diag_ctx *diag;
    module_scope *sc;
    decl *current;           /* the declaration whose expressions are resolved */
    aggr_var *vars[PARSE_MAX_DEPTH + 1];   /* aggregate variables in scope */
    int nvars;
    int var_count;           /* variables bound so far in 'current' */
} resolver;

#define A (&r->mod->arena)

/* ---- Messages ----------------------------------------------------------- */

/* Starts a "did you mean" search for a message at 'loc'. When that message
 * will not be shown (past the limit of errors), the search does nothing, so
 * that thousands of unknown names do not each go through every name. */
static void start_suggest(diag_ctx *diag, suggester *s, const char *name, src_loc loc)
{
    suggest_init(s, name);
    if (!diag_will_show(diag, loc))
        suggest_off(s);
}

static void suggest_symtab(suggester *s, const symtab *t)
{
    if (s->off)
        return;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].name)
            suggest_consider(s, t->slots[i].name);
}

void resolve_report_unknown(diag_ctx *diag, src_loc loc, const char *what, const char *name,
                            const char *const *candidates, int ncandidates, const char *hint)
{
    suggester s;
    start_suggest(diag, &s, name, loc);
    for (int i = 0; i < ncandidates && !s.off; i++)
        suggest_consider(&s, candidates[i]);
    const char *best = suggest_result(&s);
    if (best)
        diag_error(diag, loc, "unknown %s '%s'; did you mean '%s'?", what, name, best);
    else
        diag_error(diag, loc, "unknown %s '%s'%s%s", what, name, hint ? ": " : "", hint ? hint : "");
}

static int line_of(src_loc loc)
{
    int line, col;
    src_line_col((src_file *)loc.file, loc.start, &line, &col);
    return line;
}

/* 'what' names the thing ("the field"), 'done' what was done twice
 * ("declared", "used"). */
static void report_duplicate(resolver *r, const char *what, const char *done, ident name,
                             src_loc first)
{
    diag_error(r->diag, name.loc, "%s '%s' is %s twice", what, name.name, done);
    diag_note(r->diag, first, "the first '%s' is here, on line %d", name.name, line_of(first));
}

/* The source text of 'loc' for a hint, or "..." when it is long or spans
 * lines. */
static void put_source(strbuf *sb, src_loc loc)
{
    const char *t = loc.file->text + loc.start;
    size_t n = loc.end > loc.start ? loc.end - loc.start : 0;
    if (n > 40 || memchr(t, '\n', n))
        sb_puts(sb, "...");
    else
        sb_putn(sb, t, n);
}

/* For 'X (A)', where X is a value: the hint to write 'X * (A)'. */
static const char *multiply_hint(strbuf *sb, const expr *call)
{
    const expr *callee = call->u.call.callee;
    src_loc args = {call->loc.file, callee->loc.end, call->loc.end};
    while (args.start < args.end && (args.file->text[args.start] == ' '
                                     || args.file->text[args.start] == '\t'))
        args.start++;
    sb_puts(sb, "; to multiply, write ");
    put_source(sb, callee->loc);
    sb_puts(sb, " * ");
    put_source(sb, args);
    return sb->data;
}

/* ---- Symbol tables --------------------------------------------------------- */

static void add_case(resolver *r, symtab *table, enum_case *c)
{
    case_set *cs = symtab_get(table, c->name.name);
    if (!cs) {
        cs = arena_alloc(A, sizeof *cs);
        symtab_put(table, c->name.name, cs);
    }
    arena_push(A, &cs->cases, c);
}

static void build_tables(resolver *r)
{
    module *m = r->mod;
    module_scope *sc = r->sc;
    for (int i = 0; i < m->sources.len; i++) {
        source_decl *s = NL_AT(m->sources, i);
        source_decl *prev = symtab_get(&sc->sources, s->name.name);
        if (prev)
            report_duplicate(r, "the source", "declared", s->name, prev->name.loc);
        else
            symtab_put(&sc->sources, s->name.name, s);
    }
    for (int i = 0; i < m->uses.len; i++) {
        use_decl *u = NL_AT(m->uses, i);
        use_decl *prev = symtab_get(&sc->uses, u->alias.name);
        if (prev)
            report_duplicate(r, "the module", "used", u->alias, prev->alias.loc);
        else
            symtab_put(&sc->uses, u->alias.name, u);
    }
    int counts[D_EXTERNAL + 1] = {0};
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        d->index = counts[d->kind]++;
        decl *prev = symtab_get(&sc->decls, d->name.name);
        use_decl *u = symtab_get(&sc->uses, d->name.name);
        if (prev) {
            diag_error(r->diag, d->name.loc, "the name '%s' is declared twice", d->name.name);
            diag_note(r->diag, prev->name.loc, "it is already the name of the %s on line %d",
                      ast_decl_kind_word(prev->kind), line_of(prev->name.loc));
            continue;
        }
        if (u) {
            diag_error(r->diag, d->name.loc, "the name '%s' is already the name of a used module",
                       d->name.name);
            continue;
        }
        symtab_put(&sc->decls, d->name.name, d);
        if (d->kind == D_RECORD) {
            d->members = xcalloc(1, sizeof *d->members);
            for (int k = 0; k < d->u.record.fields.len; k++) {
                record_field *f = NL_AT(d->u.record.fields, k);
                record_field *dup = symtab_get(d->members, f->name.name);
                if (dup)
                    report_duplicate(r, "the field", "declared", f->name, dup->name.loc);
                else
                    symtab_put(d->members, f->name.name, f);
            }
        }
        if (d->kind != D_ENUM)
            continue;
        d->members = xcalloc(1, sizeof *d->members);
        for (int k = 0; k < d->u.enum_.cases.len; k++) {
            enum_case *c = NL_AT(d->u.enum_.cases, k);
            enum_case *dup = symtab_get(d->members, c->name.name);
            if (dup) {
                report_duplicate(r, "the case", "declared", c->name, dup->name.loc);
                continue;
            }
            symtab_put(d->members, c->name.name, c);
            add_case(r, &sc->cases, c);
        }
    }
    for (int i = 0; i < m->broken_names.len; i++)
        symtab_put(&sc->broken, ((ident *)NL_AT(m->broken_names, i))->name, m);
    /* Cases of the used modules' enums, so that 'e = a' works for an input
     * e of an enum from another module. */
    for (int i = 0; i < m->uses.len; i++) {
        use_decl *u = NL_AT(m->uses, i);
        if (!u->target)
            continue;
        for (int k = 0; k < u->target->decls.len; k++) {
            decl *d = NL_AT(u->target->decls, k);
            if (d->kind == D_ENUM)
                for (int j = 0; j < d->u.enum_.cases.len; j++)
                    add_case(r, &sc->imported_cases, NL_AT(d->u.enum_.cases, j));
        }
    }
}

enum_case *resolve_enum_case(decl *e, const char *name)
{
    return e->members ? symtab_get(e->members, name) : NULL;
}

record_field *resolve_record_field(decl *rec, const char *name)
{
    return rec->members ? symtab_get(rec->members, name) : NULL;
}

/* ---- Citations and types ------------------------------------------------ */

/* Resolves a citation's source. A missing citation is an error when the
 * declaration is a rule ('what' names it). */
static void resolve_citation(resolver *r, citation *c, const char *what, ident name)
{
    if (!c || !c->source.name) {
        if (what)
            diag_error(r->diag, name.loc,
                       "the %s '%s' has no citation: add 'according to SOURCE \"§ ...\"' naming "
                       "the provision it carries out", what, name.name);
        return;
    }
    source_decl *s = symtab_get(&r->sc->sources, c->source.name);
    if (!s) {
        suggester sg;
        start_suggest(r->diag, &sg, c->source.name, c->source.loc);
        suggest_symtab(&sg, &r->sc->sources);
        const char *best = suggest_result(&sg);
        if (best)
            diag_error(r->diag, c->source.loc, "unknown source '%s'; did you mean '%s'?",
                       c->source.name, best);
        else
            diag_error(r->diag, c->source.loc,
                       "unknown source '%s': declare it in the module header, as in: source %s "
                       "\"Full title of the law\" version \"...\"", c->source.name, c->source.name);
        return;
    }
    s->used = true;
    c->resolved = s;
}

static bool is_type_decl(const decl *d)
{
    return d && (d->kind == D_ENUM || d->kind == D_RECORD);
}

static void suggest_types(suggester *s, const module_scope *sc)
{
    if (s->off)
        return;
    for (size_t i = 0; i < sc->decls.cap; i++)
        if (sc->decls.slots[i].name && is_type_decl(sc->decls.slots[i].value))
            suggest_consider(s, sc->decls.slots[i].name);
}

static void resolve_texpr(resolver *r, texpr *t)
{
    if (!t)
        return;
    if (t->kind == TX_LIST || t->kind == TX_OPTIONAL) {
        resolve_texpr(r, t->elem);
        return;
    }
    if (t->kind != TX_NAMED)
        return;
    const module_scope *sc = r->sc;
    const char *where = "";
    if (t->module.name) {
        use_decl *u = symtab_get(&r->sc->uses, t->module.name);
        if (!u) {
            diag_error(r->diag, t->module.loc,
                       "unknown module '%s': name it first with 'use %s from \"FILE.lov\"'",
                       t->module.name, t->module.name);
            return;
        }
        if (!u->target || !u->target->scope)
            return;                         /* reported when it was loaded */
        sc = u->target->scope;
        where = u->alias.name;
    }
    decl *d = symtab_get(&sc->decls, t->name.name);
    if (is_type_decl(d)) {
        t->resolved = d;
        d->used = true;
        return;
    }
    if (d) {
        diag_error(r->diag, t->name.loc,
                   "'%s' is %s %s, not a type: a type is boolean, integer, decimal, money, date, "
                   "duration, or an enum or record", t->name.name,
                   d->kind == D_INPUT || d->kind == D_OUTCOME || d->kind == D_ASSERT ? "an" : "a",
                   ast_decl_kind_word(d->kind));
        return;
    }
    suggester s;
    start_suggest(r->diag, &s, t->name.name, t->name.loc);
    suggest_types(&s, sc);
    static const char *const builtin_types[] = {"boolean", "integer", "decimal", "money", "date",
                                                "duration"};
    for (size_t i = 0; i < sizeof builtin_types / sizeof builtin_types[0]; i++)
        suggest_consider(&s, builtin_types[i]);
    const char *best = suggest_result(&s);
    if (*where && best)
        diag_error(r->diag, t->name.loc, "module '%s' has no type '%s'; did you mean '%s'?", where,
                   t->name.name, best);
    else if (*where)
        diag_error(r->diag, t->name.loc, "module '%s' has no type '%s': its enums and records are "
                   "the types it offers", where, t->name.name);
    else if (best)
        diag_error(r->diag, t->name.loc, "unknown type '%s'; did you mean '%s'?", t->name.name, best);
    else
        diag_error(r->diag, t->name.loc,
                   "unknown type '%s': declare it with 'enum %s' or 'record %s'", t->name.name,
                   t->name.name, t->name.name);
}

/* ---- Expressions ----------------------------------------------------------- */

static void resolve_expr(resolver *r, expr *e);

static void add_dependency(resolver *r, decl *to, src_loc loc)
{
    if (!r->current)
        return;
    dependency *dep = arena_alloc(A, sizeof *dep);
    dep->to = to;
    dep->loc = loc;
    arena_push(A, &r->current->deps, dep);
}

static bool is_function(const decl *d)
{
    return d && ((d->kind == D_DEFINITION && d->u.def.has_params) || d->kind == D_EXTERNAL);
}

static aggr_var *find_var(resolver *r, const char *name)
{
    for (int i = r->nvars - 1; i >= 0; i--)
        if (strcmp(r->vars[i]->name.name, name) == 0)
            return r->vars[i];
    return NULL;
}

static formal *find_formal(resolver *r, const char *name)
{
    decl *d = r->current;
    if (!d)
        return NULL;
    nodelist *params = d->kind == D_EXTERNAL ? &d->u.external.params
                       : (d->kind == D_DEFINITION && d->u.def.has_params) ? &d->u.def.params : NULL;
    if (!params)
        return NULL;
    for (int i = 0; i < params->len; i++) {
        formal *f = NL_AT(*params, i);
        if (strcmp(f->name.name, name) == 0)
            return f;
    }
    return NULL;
}

static bool in_function(const resolver *r)
{
    return r->current && r->current->kind == D_DEFINITION && r->current->u.def.has_params;
}

static void suggest_values(resolver *r, suggester *s)
{
    if (s->off)
        return;
    for (int i = 0; i < r->nvars; i++)
        suggest_consider(s, r->vars[i]->name.name);
    if (in_function(r))
        for (int i = 0; i < r->current->u.def.params.len; i++)
            suggest_consider(s, ((formal *)NL_AT(r->current->u.def.params, i))->name.name);
    for (size_t i = 0; i < r->sc->decls.cap; i++) {
        decl *d = r->sc->decls.slots[i].value;
        if (r->sc->decls.slots[i].name && !is_type_decl(d) && d->kind != D_ASSERT)
            suggest_consider(s, r->sc->decls.slots[i].name);
    }
    suggest_symtab(s, &r->sc->cases);
}

static void report_unknown_name(resolver *r, ident id)
{
    if (symtab_get(&r->sc->broken, id.name))
        return;                             /* its declaration has a syntax error, reported */
    suggester s;
    start_suggest(r->diag, &s, id.name, id.loc);
    suggest_values(r, &s);
    const char *best = suggest_result(&s);
    if (best)
        diag_error(r->diag, id.loc, "unknown name '%s'; did you mean '%s'?", id.name, best);
    else
        diag_error(r->diag, id.loc,
                   "unknown name '%s': no input, parameter, definition or case of an enum has that name",
                   id.name);
}

/* A reference from 'r->current' to a module-level value 'd'. */
static void refer_to_decl(resolver *r, expr *e, decl *d)
{
    const char *name = d->name.name;
    switch (d->kind) {
    case D_ENUM:
    case D_RECORD:
        diag_error(r->diag, e->loc, "'%s' is the name of a type, not a value%s", name,
                   d->kind == D_ENUM ? "; to name one of its cases, write the case's name" : "");
        e->kind = E_ERROR;
        return;
    case D_ASSERT:
        diag_error(r->diag, e->loc, "'%s' is an assertion; it has no value that rules can use", name);
        e->kind = E_ERROR;
        return;
    case D_EXTERNAL:
    case D_DEFINITION:
        if (is_function(d)) {
            int nparams = d->kind == D_EXTERNAL ? d->u.external.params.len : d->u.def.params.len;
            if (nparams == 0)
                diag_error(r->diag, e->loc, "'%s' is a function without parameters: write %s()", name,
                           name);
            else
                diag_error(r->diag, e->loc, "'%s' takes parameters: write %s(...)", name, name);
            e->kind = E_ERROR;
            return;
        }
        break;
    default:
        break;
    }
    bool dated = d->kind == D_PARAMETER && d->u.param.values.len > 0;
    if (in_function(r) && (d->kind == D_INPUT || d->kind == D_DEFINITION || d->kind == D_OUTCOME
                           || dated)) {
        diag_error(r->diag, e->loc,
                   "a definition with parameters can use only its parameters, fixed parameters, "
                   "enum cases and other definitions with parameters; '%s' is %s %s%s", name,
                   d->kind == D_INPUT || d->kind == D_OUTCOME ? "an" : "a",
                   dated ? "dated " : "", ast_decl_kind_word(d->kind));
        e->kind = E_ERROR;
        return;
    }
    d->used = true;
    e->u.name.ref = REF_DECL;
    e->u.name.target = d;
    if (d->kind == D_DEFINITION || d->kind == D_OUTCOME)
        add_dependency(r, d, e->loc);
}

static void resolve_name(resolver *r, expr *e)
{
    const char *name = e->u.name.id.name;
    aggr_var *v = find_var(r, name);
    if (v) {
        e->u.name.ref = REF_VAR;
        e->u.name.target = v;
        return;
    }
    formal *f = find_formal(r, name);
    if (f) {
        e->u.name.ref = REF_PARAM;
        e->u.name.target = f;
        return;
    }
    decl *d = symtab_get(&r->sc->decls, name);
    if (d) {
        refer_to_decl(r, e, d);
        return;
    }
    case_set *cs = symtab_get(&r->sc->cases, name);
    if (!cs)
        cs = symtab_get(&r->sc->imported_cases, name);
    if (cs) {
        e->u.name.ref = REF_CASE;
        e->u.name.target = NL_AT(cs->cases, 0);   /* the type checker picks among several */
        return;
    }
    if (symtab_get(&r->sc->uses, name)) {
        diag_error(r->diag, e->loc, "'%s' is a module; name something in it, as in %s.NAME", name,
                   name);
        e->kind = E_ERROR;
        return;
    }
    if (builtin_find(name)) {
        diag_error(r->diag, e->loc, "'%s' is a built-in function: write %s(...)", name, name);
        e->kind = E_ERROR;
        return;
    }
    report_unknown_name(r, e->u.name.id);
    e->kind = E_ERROR;
}

/* Is 'name' bound to a value here (so 'name.x' is a field access)? */
static bool bound_as_value(resolver *r, const char *name)
{
    if (find_var(r, name) || find_formal(r, name))
        return true;
    decl *d = symtab_get(&r->sc->decls, name);
    return d && !is_type_decl(d);
}

static void resolve_case_of(resolver *r, expr *e, decl *en)
{
    enum_case *c = resolve_enum_case(en, e->u.name.id.name);
    if (c) {
        e->u.name.ref = REF_CASE;
        e->u.name.target = c;
        return;
    }
    const char **names = xmalloc((size_t)en->u.enum_.cases.len * sizeof *names);
    for (int i = 0; i < en->u.enum_.cases.len; i++)
        names[i] = ((enum_case *)NL_AT(en->u.enum_.cases, i))->name.name;
    char what[256];
    snprintf(what, sizeof what, "case of %s", en->name.name);
    resolve_report_unknown(r->diag, e->u.name.id.loc, what, e->u.name.id.name, names,
                           en->u.enum_.cases.len, NULL);
    free(names);
    e->kind = E_ERROR;
}

/* 'alias.name': something exported by a used module. */
static void resolve_imported(resolver *r, expr *e, use_decl *u, bool as_callee)
{
    const char *name = e->u.name.id.name;
    if (!u->target || !u->target->scope) {
        e->kind = E_ERROR;                /* reported when it was loaded */
        return;
    }
    module_scope *sc = u->target->scope;
    decl *d = symtab_get(&sc->decls, name);
    if (!d) {
        suggester s;
        start_suggest(r->diag, &s, name, e->u.name.id.loc);
        suggest_symtab(&s, &sc->decls);
        const char *best = suggest_result(&s);
        if (best)
            diag_error(r->diag, e->u.name.id.loc, "module '%s' has no '%s'; did you mean '%s'?",
                       u->alias.name, name, best);
        else
            diag_error(r->diag, e->u.name.id.loc, "module '%s' has nothing named '%s'",
                       u->alias.name, name);
        e->kind = E_ERROR;
        return;
    }
    d->used = true;
    if (d->kind == D_ENUM) {
        e->u.name.ref = REF_TYPE;
        e->u.name.target = d;
        return;
    }
    if (d->kind == D_DEFINITION && d->u.def.has_params) {
        if (!as_callee) {
            diag_error(r->diag, e->loc, "'%s' takes parameters: write %s.%s(...)", name,
                       u->alias.name, name);
            e->kind = E_ERROR;
            return;
        }
        if (d->calls_external && r->current)
            r->current->calls_external = true;
        e->u.name.ref = REF_FUNCTION;
        e->u.name.target = d;
        return;
    }
    if (d->kind == D_RECORD) {
        diag_error(r->diag, e->u.name.id.loc,
                   "'%s' is a record of module '%s': the name of a type, not a value", name,
                   u->alias.name);
        e->kind = E_ERROR;
        return;
    }
    diag_error(r->diag, e->u.name.id.loc,
               "'%s' is %s %s of module '%s'; from another module only its enums, records and "
               "definitions with parameters can be used", name,
               d->kind == D_INPUT || d->kind == D_OUTCOME || d->kind == D_ASSERT
                   || d->kind == D_EXTERNAL ? "an" : "a",
               ast_decl_kind_word(d->kind), u->alias.name);
    e->kind = E_ERROR;
}

/* 'base.name': a module's export, an enum's case, or a record's field (the
 * type checker resolves fields, which need the base's type). */
static void resolve_field(resolver *r, expr *e, bool as_callee)
{
    expr *base = e->u.name.base;
    if (base->kind == E_NAME && !bound_as_value(r, base->u.name.id.name)) {
        const char *bname = base->u.name.id.name;
        use_decl *u = symtab_get(&r->sc->uses, bname);
        if (u) {
            base->u.name.ref = REF_MODULE;
            base->u.name.target = u;
            resolve_imported(r, e, u, as_callee);
            return;
        }
        decl *d = symtab_get(&r->sc->decls, bname);
        if (d && d->kind == D_ENUM) {
            base->u.name.ref = REF_TYPE;
            base->u.name.target = d;
            d->used = true;
            resolve_case_of(r, e, d);
            return;
        }
    }
    if (base->kind == E_FIELD && base->u.name.base->kind == E_NAME
        && !bound_as_value(r, base->u.name.base->u.name.id.name)
        && symtab_get(&r->sc->uses, base->u.name.base->u.name.id.name)) {
        /* module.Enum.case */
        resolve_field(r, base, false);
        if (base->kind == E_FIELD && base->u.name.ref == REF_TYPE)
            resolve_case_of(r, e, base->u.name.target);
        else
            e->kind = E_ERROR;
        return;
    }
    resolve_expr(r, base);
    e->u.name.field_index = -1;
}

static void resolve_call(resolver *r, expr *e)
{
    expr *callee = e->u.call.callee;
    for (int i = 0; i < e->u.call.args.len; i++)
        resolve_expr(r, NL_AT(e->u.call.args, i));
    if (callee->kind == E_FIELD) {
        resolve_field(r, callee, true);
        if (callee->kind == E_FIELD && callee->u.name.ref != REF_FUNCTION) {
            diag_error(r->diag, callee->loc,
                       "this is not a function; only definitions with parameters, external and "
                       "built-in functions can be called");
            callee->kind = E_ERROR;
        }
        return;
    }
    if (callee->kind != E_NAME) {
        strbuf sb;
        sb_init(&sb);
        bool number = callee->kind == E_INT || callee->kind == E_DECIMAL || callee->kind == E_MONEY;
        diag_error(r->diag, callee->loc, "only a function can be called%s",
                   number ? multiply_hint(&sb, e) : "");
        sb_free(&sb);
        callee->kind = E_ERROR;
        return;
    }
    const char *name = callee->u.name.id.name;
    decl *d = find_var(r, name) || find_formal(r, name) ? NULL : symtab_get(&r->sc->decls, name);
    if (d && is_function(d)) {
        d->used = true;
        callee->u.name.ref = REF_FUNCTION;
        callee->u.name.target = d;
        if (d->kind == D_EXTERNAL) {
            if (r->current)
                r->current->calls_external = true;
        } else
            add_dependency(r, d, callee->loc);
        return;
    }
    const builtin *b = d ? NULL : builtin_find(name);
    if (b && !find_var(r, name) && !find_formal(r, name)) {
        callee->u.name.ref = REF_BUILTIN;
        callee->u.name.target = (void *)b;
        return;
    }
    if (d || find_var(r, name) || find_formal(r, name)) {
        strbuf sb;
        sb_init(&sb);
        diag_error(r->diag, callee->loc,
                   "'%s' is not a function; only definitions with parameters, external and built-in "
                   "functions can be called%s", name,
                   !d || !is_type_decl(d) ? multiply_hint(&sb, e) : "");
        sb_free(&sb);
        callee->kind = E_ERROR;
        return;
    }
    suggester s;
    start_suggest(r->diag, &s, name, callee->loc);
    for (size_t i = 0; i < r->sc->decls.cap && !s.off; i++)
        if (r->sc->decls.slots[i].name && is_function(r->sc->decls.slots[i].value))
            suggest_consider(&s, r->sc->decls.slots[i].name);
    int nb;
    const builtin *all = builtin_all(&nb);
    for (int i = 0; i < nb; i++)
        suggest_consider(&s, all[i].name);
    const char *best = suggest_result(&s);
    if (best)
        diag_error(r->diag, callee->loc, "unknown function '%s'; did you mean '%s'?", name, best);
    else
        diag_error(r->diag, callee->loc,
                   "unknown function '%s': declare it as 'definition %s(...)' or 'external %s(...)'",
                   name, name, name);
    callee->kind = E_ERROR;
}

static void resolve_aggregate(resolver *r, expr *e)
{
    resolve_expr(r, e->u.aggr.list);
    ident var = e->u.aggr.var;
    const char *clash = find_var(r, var.name) ? "another variable"
                        : find_formal(r, var.name) ? "a parameter"
                        : symtab_get(&r->sc->decls, var.name) ? "a declaration"
                        : NULL;
    if (clash)
        diag_error(r->diag, var.loc,
                   "the name '%s' is already %s here; choose another name for the variable",
                   var.name, clash);
    aggr_var *v = arena_alloc(A, sizeof *v);
    v->name = var;
    v->index = r->var_count++;
    e->u.aggr.binding = v;
    r->vars[r->nvars++] = v;
    if (e->u.aggr.filter)
        resolve_expr(r, e->u.aggr.filter);
    if (e->u.aggr.body)
        resolve_expr(r, e->u.aggr.body);
    r->nvars--;
}

static void resolve_expr(resolver *r, expr *e)
{
    switch (e->kind) {
    case E_BOOL: case E_INT: case E_DECIMAL: case E_MONEY: case E_DATE: case E_DURATION:
    case E_ERROR:
        return;
    case E_NAME:
        resolve_name(r, e);
        return;
    case E_FIELD:
        resolve_field(r, e, false);
        return;
    case E_CALL:
        resolve_call(r, e);
        return;
    case E_UNARY:
        resolve_expr(r, e->u.unary.operand);
        return;
    case E_BINARY:
        resolve_expr(r, e->u.binary.lhs);
        resolve_expr(r, e->u.binary.rhs);
        return;
    case E_IF:
        resolve_expr(r, e->u.if_.cond);
        resolve_expr(r, e->u.if_.then_e);
        resolve_expr(r, e->u.if_.else_e);
        return;
    case E_MATCH:
        resolve_expr(r, e->u.match.scrutinee);
        for (int i = 0; i < e->u.match.arms.len; i++)
            resolve_expr(r, ((match_arm *)NL_AT(e->u.match.arms, i))->body);
        if (e->u.match.else_e)
            resolve_expr(r, e->u.match.else_e);
        return;
    case E_AGGREGATE:
        resolve_aggregate(r, e);
        return;
    case E_WITHIN:
        resolve_expr(r, e->u.within.subject);
        resolve_expr(r, e->u.within.span);
        resolve_expr(r, e->u.within.anchor);
        return;
    case E_BETWEEN:
        resolve_expr(r, e->u.between.subject);
        resolve_expr(r, e->u.between.low);
        resolve_expr(r, e->u.between.high);
        return;
    case E_PRESENCE:
        resolve_expr(r, e->u.presence.subject);
        return;
    case E_OTHERWISE:
        resolve_expr(r, e->u.otherwise.subject);
        resolve_expr(r, e->u.otherwise.fallback);
        return;
    case E_ROUNDED:
        resolve_expr(r, e->u.rounded.subject);
        return;
    case E_UNIT:
        resolve_expr(r, e->u.unit.subject);
        return;
    case E_AT:
        resolve_expr(r, e->u.at.param);
        resolve_expr(r, e->u.at.date);
        return;
    }
}

/* ---- Declarations ---------------------------------------------------------- */

static void resolve_formals(resolver *r, nodelist *params)
{
    symtab seen;
    symtab_init(&seen);
    for (int i = 0; i < params->len; i++) {
        formal *f = NL_AT(*params, i);
        resolve_texpr(r, f->type_expr);
        formal *g = symtab_get(&seen, f->name.name);
        if (g)
            report_duplicate(r, "the parameter", "declared", f->name, g->name.loc);
        else
            symtab_put(&seen, f->name.name, f);
        if (symtab_get(&r->sc->decls, f->name.name))
            diag_error(r->diag, f->name.loc,
                       "the parameter '%s' has the name of a declaration of the module; choose "
                       "another name", f->name.name);
    }
    symtab_free(&seen);
}

/* Labels, 'to' links and citations of a definition's rules. */
static void resolve_rules(resolver *r, decl *d)
{
    nodelist *rules = &d->u.def.rules;
    symtab labels;
    symtab_init(&labels);
    for (int i = 0; i < rules->len; i++) {
        ast_rule *ru = NL_AT(*rules, i);
        if (ru->is_default)
            continue;
        if (strcmp(ru->label.name, "default") == 0) {
            diag_error(r->diag, ru->label.loc, "'default' names the general rule; give the exception "
                       "a name of its own");
            continue;
        }
        ast_rule *prev = symtab_get(&labels, ru->label.name);
        if (prev)
            report_duplicate(r, "the exception", "declared", ru->label, prev->label.loc);
        else
            symtab_put(&labels, ru->label.name, ru);
    }
    for (int i = 0; i < rules->len; i++) {
        ast_rule *ru = NL_AT(*rules, i);
        if (!ru->is_default)
            resolve_citation(r, ru->cite, "exception", ru->label);
        if (!ru->parent.name || strcmp(ru->parent.name, "default") == 0) {
            if (ru->parent.name && !d->u.def.default_rule)
                diag_error(r->diag, ru->parent.loc,
                           "the exception '%s' is an exception to 'default', but '%s' has no default",
                           ru->label.name, d->name.name);
            continue;
        }
        ast_rule *parent = symtab_get(&labels, ru->parent.name);
        if (!parent) {
            suggester s;
            start_suggest(r->diag, &s, ru->parent.name, ru->parent.loc);
            suggest_symtab(&s, &labels);
            if (s.best && strcmp(s.best, ru->label.name) == 0) {
                /* not itself: look again without it */
                start_suggest(r->diag, &s, ru->parent.name, ru->parent.loc);
                for (size_t k = 0; k < labels.cap && !s.off; k++)
                    if (labels.slots[k].name && strcmp(labels.slots[k].name, ru->label.name) != 0)
                        suggest_consider(&s, labels.slots[k].name);
            }
            const char *best = suggest_result(&s);
            if (best)
                diag_error(r->diag, ru->parent.loc,
                           "'%s' has no exception labelled '%s'; did you mean '%s'?", d->name.name,
                           ru->parent.name, best);
            else
                diag_error(r->diag, ru->parent.loc,
                           "'%s' has no exception labelled '%s': 'to' names another exception of "
                           "the same definition", d->name.name, ru->parent.name);
            continue;
        }
        if (parent == ru) {
            diag_error(r->diag, ru->parent.loc, "the exception '%s' cannot be an exception to itself",
                       ru->label.name);
            continue;
        }
        ru->parent_rule = parent;
    }
    /* A chain of 'to' links that comes back to where it started. Each rule
     * is walked once: 1 = on the chain being followed, 2 = known to end. */
    unsigned char *state = xcalloc((size_t)rules->len + 1, 1);
    for (int i = 0; i < rules->len; i++) {
        ast_rule *p = NL_AT(*rules, i);
        while (p && state[p->index] == 0) {
            state[p->index] = 1;
            if (p->parent_rule && state[p->parent_rule->index] == 1) {
                diag_error(r->diag, p->parent.loc,
                           "the exceptions of '%s' are exceptions to each other in a circle "
                           "('%s' is an exception to '%s'); one of them must be the general rule",
                           d->name.name, p->label.name, p->parent.name);
                p->parent_rule = NULL;
            }
            p = p->parent_rule;
        }
        for (p = NL_AT(*rules, i); p && state[p->index] == 1; p = p->parent_rule)
            state[p->index] = 2;
    }
    free(state);
    symtab_free(&labels);
    for (int i = 0; i < rules->len; i++) {
        ast_rule *ru = NL_AT(*rules, i);
        if (ru->cond)
            resolve_expr(r, ru->cond);
        resolve_expr(r, ru->value);
    }
}

static void resolve_definition(resolver *r, decl *d)
{
    bool outcome = d->kind == D_OUTCOME;
    resolve_citation(r, d->cite, outcome ? "outcome" : "definition", d->name);
    if (d->u.def.has_params)
        resolve_formals(r, &d->u.def.params);
    resolve_texpr(r, d->u.def.type_expr);
    for (int i = 0; i < d->u.def.requires.len; i++) {
        requirement *req = NL_AT(d->u.def.requires, i);
        resolve_citation(r, req->cite, NULL, d->name);
        resolve_expr(r, req->cond);
    }
    resolve_citation(r, d->u.def.without_hearing, NULL, d->name);
    resolve_citation(r, d->u.def.without_decision, NULL, d->name);
    if (outcome && d->u.def.requires.len > 0 && !d->u.def.adverse)
        diag_error(r->diag, ((requirement *)NL_AT(d->u.def.requires, 0))->loc,
                   "only an adverse outcome has prerequisites; if '%s' can harm the citizen, "
                   "write 'adverse outcome %s'", d->name.name, d->name.name);
    if (d->u.def.adverse && !d->u.def.default_rule)
        diag_error(r->diag, d->name.loc,
                   "the adverse outcome '%s' needs a default: the value when no rule applies, "
                   "which must not harm the citizen (for example 'default 0 kr' or 'default no')",
                   d->name.name);
    if (d->u.def.rules.len == 0)
        diag_error(r->diag, d->name.loc,
                   "'%s' has no rule: give it a value with '= ...', or a 'default' and exceptions",
                   d->name.name);
    resolve_rules(r, d);
}

static void resolve_decl(resolver *r, decl *d)
{
    r->current = d;
    r->nvars = 0;
    r->var_count = 0;
    switch (d->kind) {
    case D_ENUM:
        if (d->u.enum_.cases.len == 0)
            diag_error(r->diag, d->name.loc, "the enum '%s' has no cases: list them with 'case NAME'",
                       d->name.name);
        resolve_citation(r, d->cite, NULL, d->name);
        break;
    case D_RECORD:
        if (d->u.record.fields.len == 0)
            diag_error(r->diag, d->name.loc,
                       "the record '%s' has no fields: list them with 'field NAME: TYPE'", d->name.name);
        for (int i = 0; i < d->u.record.fields.len; i++)
            resolve_texpr(r, ((record_field *)NL_AT(d->u.record.fields, i))->type_expr);
        resolve_citation(r, d->cite, NULL, d->name);
        break;
    case D_INPUT:
        resolve_texpr(r, d->u.input.type_expr);
        resolve_citation(r, d->cite, NULL, d->name);
        break;
    case D_PARAMETER:
        resolve_citation(r, d->cite, "parameter", d->name);
        resolve_texpr(r, d->u.param.type_expr);
        if (d->u.param.constant)
            resolve_expr(r, d->u.param.constant);
        for (int i = 0; i < d->u.param.values.len; i++)
            resolve_expr(r, ((dated_value *)NL_AT(d->u.param.values, i))->value);
        break;
    case D_DEFINITION:
    case D_OUTCOME:
        resolve_definition(r, d);
        break;
    case D_ASSERT:
        resolve_citation(r, d->cite, "assertion", d->name);
        resolve_expr(r, d->u.assert_.cond);
        break;
    case D_EXTERNAL:
        resolve_citation(r, d->cite, "external function", d->name);
        resolve_formals(r, &d->u.external.params);
        resolve_texpr(r, d->u.external.ret);
        break;
    }
    if (d->kind == D_DEFINITION || d->kind == D_OUTCOME)
        d->u.def.nvars = r->var_count;
    r->current = NULL;
}

/* ---- Cycles --------------------------------------------------------------- */

/* How many links of a circle of definitions are shown. */
enum { CYCLE_SHOWN = 10 };

/* Reports the cycle that runs from stack[from] to the top and back: the
 * first CYCLE_SHOWN links, and how many more there are. */
static void report_cycle(resolver *r, decl **stack, int *edge, int from, int top)
{
    int links = top - from + 1;
    strbuf sb;
    sb_init(&sb);
    for (int i = from; i <= top && i < from + CYCLE_SHOWN; i++)
        sb_printf(&sb, "%s -> ", stack[i]->name.name);
    if (links > CYCLE_SHOWN)
        sb_printf(&sb, "... (%d more) -> ", links - CYCLE_SHOWN);
    sb_puts(&sb, stack[from]->name.name);
    decl *first = stack[from];
    diag_error(r->diag, first->name.loc, "'%s' depends on itself: %s", first->name.name, sb.data);
    sb_free(&sb);
    for (int i = from; i <= top; i++) {
        if (i < from + CYCLE_SHOWN) {
            dependency *dep = NL_AT(stack[i]->deps, edge[i]);
            diag_note(r->diag, dep->loc, "'%s' uses '%s' here", stack[i]->name.name,
                      dep->to->name.name);
        }
        stack[i]->in_cycle = true;
    }
    if (links > CYCLE_SHOWN) {
        src_loc nowhere = {0};
        diag_note(r->diag, nowhere, "... and %d more uses in the circle", links - CYCLE_SHOWN);
    }
}

/* Depth-first search over dependencies, with an explicit stack so that a
 * long chain of definitions cannot overflow the C stack. */
static void find_cycles(resolver *r)
{
    module *m = r->mod;
    int n = m->decls.len;
    if (n == 0)
        return;
    unsigned char *state = xcalloc((size_t)n, 1);      /* 0 new, 1 on the path, 2 done */
    decl **stack = xmalloc((size_t)n * sizeof *stack);
    int *edge = xmalloc((size_t)n * sizeof *edge);
    for (int root = 0; root < n; root++) {
        if (state[root])
            continue;
        int top = 0;
        stack[0] = NL_AT(m->decls, root);
        edge[0] = 0;
        state[root] = 1;
        while (top >= 0) {
            decl *d = stack[top];
            if (edge[top] >= d->deps.len) {
                state[d->position] = 2;
                top--;
                if (top >= 0)
                    edge[top]++;
                continue;
            }
            dependency *dep = NL_AT(d->deps, edge[top]);
            decl *to = dep->to;
            if (to->module != m) {
                edge[top]++;
                continue;
            }
            if (state[to->position] == 1) {
                int from = top;
                while (from > 0 && stack[from] != to)
                    from--;
                report_cycle(r, stack, edge, from, top);
                edge[top]++;
                continue;
            }
            if (state[to->position] == 2) {
                edge[top]++;
                continue;
            }
            state[to->position] = 1;
            stack[++top] = to;
            edge[top] = 0;
        }
    }
    free(edge);
    free(stack);
    free(state);
}

static bool is_evaluated(const module *m, const decl *d)
{
    return d->module == m && (d->kind == D_DEFINITION || d->kind == D_OUTCOME) && !d->u.def.has_params;
}

/* Depth first over the dependencies, with an explicit stack (a long chain
 * of definitions must not exhaust the C stack). */
void resolve_evaluation_order(module *m, ptrvec *order)
{
    int n = m->decls.len;
    if (n == 0)
        return;
    unsigned char *state = xcalloc((size_t)n, 1);      /* 0 new, 1 on the path, 2 placed */
    decl **stack = xmalloc((size_t)n * sizeof *stack);
    int *edge = xmalloc((size_t)n * sizeof *edge);
    for (int root = 0; root < n; root++) {
        decl *first = NL_AT(m->decls, root);
        if (state[root] || !is_evaluated(m, first))
            continue;
        int top = 0;
        stack[0] = first;
        edge[0] = 0;
        state[root] = 1;
        while (top >= 0) {
            decl *d = stack[top];
            if (edge[top] >= d->deps.len) {
                state[d->position] = 2;
                pv_push(order, d);
                top--;
                continue;
            }
            decl *to = ((dependency *)NL_AT(d->deps, edge[top]++))->to;
            if (!is_evaluated(m, to) || state[to->position])
                continue;
            state[to->position] = 1;
            stack[++top] = to;
            edge[top] = 0;
        }
    }
    free(edge);
    free(stack);
    free(state);
}

/* Which functions call an external one, directly or through others: from
 * those that call one themselves, backwards over the uses, so that each
 * declaration and each use is visited once. */
static void mark_external_calls(module *m)
{
    int n = m->decls.len;
    if (n == 0)
        return;
    /* users[first[k] .. first[k + 1]) are the declarations that use decl k. */
    int *first = xcalloc((size_t)n + 1, sizeof *first);
    int nuses = 0;
    for (int i = 0; i < n; i++) {
        decl *d = NL_AT(m->decls, i);
        for (int k = 0; k < d->deps.len; k++) {
            decl *to = ((dependency *)NL_AT(d->deps, k))->to;
            if (to->module == m) {
                first[to->position + 1]++;
                nuses++;
            }
        }
    }
    for (int k = 0; k < n; k++)
        first[k + 1] += first[k];
    int *fill = xmalloc(((size_t)n + 1) * sizeof *fill);
    memcpy(fill, first, ((size_t)n + 1) * sizeof *fill);
    decl **users = xmalloc(((size_t)nuses + 1) * sizeof *users);
    for (int i = 0; i < n; i++) {
        decl *d = NL_AT(m->decls, i);
        for (int k = 0; k < d->deps.len; k++) {
            decl *to = ((dependency *)NL_AT(d->deps, k))->to;
            if (to->module == m)
                users[fill[to->position]++] = d;
        }
    }
    decl **work = xmalloc((size_t)n * sizeof *work);
    int top = 0;
    for (int i = 0; i < n; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->calls_external)
            work[top++] = d;
    }
    while (top > 0) {
        decl *d = work[--top];
        for (int k = first[d->position]; k < first[d->position + 1]; k++) {
            decl *u = users[k];
            if (!u->calls_external) {
                u->calls_external = true;
                work[top++] = u;
            }
        }
    }
    free(work);
    free(users);
    free(fill);
    free(first);
}

/* ---- Module ----------------------------------------------------------------- */

static void resolve_header(resolver *r)
{
    module *m = r->mod;
    if (!m->reference_date.name)
        return;
    decl *d = symtab_get(&r->sc->decls, m->reference_date.name);
    if (!d || d->kind != D_INPUT) {
        if (d)
            diag_error(r->diag, m->reference_date.loc,
                       "the reference date must be an input, but '%s' is %s %s", d->name.name,
                       d->kind == D_OUTCOME || d->kind == D_ASSERT ? "an" : "a",
                       ast_decl_kind_word(d->kind));
        else
            diag_error(r->diag, m->reference_date.loc,
                       "the reference date '%s' is not an input of the module: declare it with "
                       "'input %s: date'", m->reference_date.name, m->reference_date.name);
        return;
    }
    d->used = true;
    m->reference_input = d;
}

void resolve_module(module *m, diag_ctx *diag)
{
    resolver rs;
    memset(&rs, 0, sizeof rs);
    resolver *r = &rs;
    r->mod = m;
    r->diag = diag;
    r->sc = xcalloc(1, sizeof *r->sc);
    m->scope = r->sc;
    build_tables(r);
    resolve_header(r);
    for (int i = 0; i < m->decls.len; i++)
        resolve_decl(r, NL_AT(m->decls, i));
    find_cycles(r);
    mark_external_calls(m);
}

void resolve_release(module *m)
{
    if (!m->scope)
        return;
    symtab_free(&m->scope->decls);
    symtab_free(&m->scope->cases);
    symtab_free(&m->scope->sources);
    symtab_free(&m->scope->uses);
    symtab_free(&m->scope->imported_cases);
    symtab_free(&m->scope->broken);
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->members) {
            symtab_free(d->members);
            free(d->members);
            d->members = NULL;
        }
    }
    free(m->scope);
    m->scope = NULL;
}

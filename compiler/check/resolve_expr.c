/* SPDX-License-Identifier: Apache-2.0 */
/* Names in expressions: variables of aggregates, parameters, declarations,
 * enum cases, the exports of used modules, and functions called; records
 * what each definition reads (its dependencies). Record fields are left to
 * the type checker. */
#include "check/resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/builtins.h"
#include "check/resolve_internal.h"
#include "support/suggest.h"
#include "support/util.h"

/* ---- Expressions ----------------------------------------------------------- */

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
        if (r->sc->decls.slots[i].name && !resolve_is_type_decl(d) && d->kind != D_ASSERT)
            suggest_consider(s, r->sc->decls.slots[i].name);
    }
    resolve_suggest_symtab(s, &r->sc->cases);
}

static void report_unknown_name(resolver *r, ident id)
{
    if (symtab_get(&r->sc->broken, id.name))
        return;                             /* its declaration has a syntax error, reported */
    suggester s;
    resolve_start_suggest(r->diag, &s, id.name, id.loc);
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
    return d && !resolve_is_type_decl(d);
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
        resolve_start_suggest(r->diag, &s, name, e->u.name.id.loc);
        resolve_suggest_symtab(&s, &sc->decls);
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
                   !d || !resolve_is_type_decl(d) ? multiply_hint(&sb, e) : "");
        sb_free(&sb);
        callee->kind = E_ERROR;
        return;
    }
    suggester s;
    resolve_start_suggest(r->diag, &s, name, callee->loc);
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

void resolve_expr(resolver *r, expr *e)
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


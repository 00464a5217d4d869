/* SPDX-License-Identifier: Apache-2.0 */
/* Citations and types as written: ties a citation to a source of the module
 * header, and a type name to its enum or record, in this module or in a used
 * one. */
#include "check/resolve.h"

#include "check/resolve_internal.h"
#include "support/suggest.h"

/* ---- Citations and types ------------------------------------------------ */

/* Resolves a citation's source. A missing citation is an error when the
 * declaration is a rule ('what' names it). */
void resolve_citation(resolver *r, citation *c, const char *what, ident name)
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
        resolve_start_suggest(r->diag, &sg, c->source.name, c->source.loc);
        resolve_suggest_symtab(&sg, &r->sc->sources);
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

static void suggest_types(suggester *s, const module_scope *sc)
{
    if (s->off)
        return;
    for (size_t i = 0; i < sc->decls.cap; i++)
        if (sc->decls.slots[i].name && resolve_is_type_decl(sc->decls.slots[i].value))
            suggest_consider(s, sc->decls.slots[i].name);
}

void resolve_texpr(resolver *r, texpr *t)
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
    if (resolve_is_type_decl(d)) {
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
    resolve_start_suggest(r->diag, &s, t->name.name, t->name.loc);
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

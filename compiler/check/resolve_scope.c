/* SPDX-License-Identifier: Apache-2.0 */
/* The module scope: the tables of declarations, enum cases, sources and used
 * modules, the fields and cases of each record and enum, and the cases of the
 * used modules' enums; their look-ups, and freeing them (resolve_release). */
#include "check/resolve.h"

#include <stdlib.h>

#include "check/resolve_internal.h"
#include "support/util.h"

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

void resolve_build_tables(resolver *r)
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
    int counts[D_PROCEDURE + 1] = {0};   /* by decl_kind: D_PROCEDURE is the last */
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        d->index = counts[d->kind]++;
        decl *prev = symtab_get(&sc->decls, d->name.name);
        use_decl *u = symtab_get(&sc->uses, d->name.name);
        if (prev) {
            diag_error(r->diag, d->name.loc, "the name '%s' is declared twice", d->name.name);
            diag_note(r->diag, prev->name.loc, "it is already the name of the %s on line %d",
                      ast_decl_kind_word(prev->kind), resolve_line_of(prev->name.loc));
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

bool resolve_is_type_decl(const decl *d)
{
    return d && (d->kind == D_ENUM || d->kind == D_RECORD);
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

/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <string.h>

#include "emit/emit.h"

/* Members the generated structs use themselves. */
static const char *const reserved_members[] = {
    "known", "status", "held_back", "missing", "info", "ctx",
};

/* A unique member name for a list input, with room for NAME_count beside it. */
static const char *list_member(cname_scope *s, const char *name)
{
    const char *base = cname_mangle(s->a, name);
    size_t n = strlen(base) + 32;
    char *buf = arena_alloc(s->a, n);
    char *count = arena_alloc(s->a, n + 8);
    for (int k = 1;; k++) {
        if (k == 1)
            snprintf(buf, n, "%s", base);
        else
            snprintf(buf, n, "%s_%d", base, k);
        snprintf(count, n + 8, "%s_count", buf);
        if (!symtab_get(&s->taken, buf) && !symtab_get(&s->taken, count))
            break;
    }
    cname_reserve(s, buf);
    cname_reserve(s, count);
    return buf;
}

static bool is_list_input(const decl *d)
{
    return d->kind == D_INPUT && d->u.input.type_expr && d->u.input.type_expr->kind == TX_LIST;
}

void emit_names(module *m)
{
    if (m->c_prefix)
        return;
    arena *a = &m->arena;
    m->c_prefix = cname_mangle(a, m->name.name ? m->name.name : "module");
    char fixed[512];

    /* Public names: NAME_input, NAME_Type, NAME_Type_case, ... */
    cname_scope pub;
    cname_scope_init(&pub, a);
    static const char *const public_fixed[] = {"input", "output", "externals", "evaluate",
                                               "descriptor"};
    for (size_t i = 0; i < sizeof public_fixed / sizeof public_fixed[0]; i++) {
        snprintf(fixed, sizeof fixed, "%s_%s", m->c_prefix, public_fixed[i]);
        cname_reserve(&pub, ast_strdup(a, fixed, strlen(fixed)));
    }
    snprintf(fixed, sizeof fixed, "%s_", m->c_prefix);
    const char *prefix = ast_strdup(a, fixed, strlen(fixed));
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->kind == D_ENUM || d->kind == D_RECORD)
            d->c_public = cname_unique(&pub, prefix, d->name.name);
    }
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->kind != D_ENUM)
            continue;
        snprintf(fixed, sizeof fixed, "%s_", d->c_public);
        const char *case_prefix = ast_strdup(a, fixed, strlen(fixed));
        for (int k = 0; k < d->u.enum_.cases.len; k++) {
            enum_case *c = NL_AT(d->u.enum_.cases, k);
            c->c_name = cname_unique(&pub, case_prefix, c->name.name);
        }
    }
    cname_scope_free(&pub);

    /* Members and the bases of static names: one scope, as in the source. */
    cname_scope members;
    cname_scope_init(&members, a);
    for (size_t i = 0; i < sizeof reserved_members / sizeof reserved_members[0]; i++)
        cname_reserve(&members, reserved_members[i]);
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        d->c_name = is_list_input(d) ? list_member(&members, d->name.name)
                                     : cname_unique(&members, "", d->name.name);
        nodelist *formals = d->kind == D_EXTERNAL ? &d->u.external.params
                            : (d->kind == D_DEFINITION && d->u.def.has_params) ? &d->u.def.params
                            : NULL;
        if (formals) {
            cname_scope locals;
            cname_scope_init(&locals, a);
            cname_reserve(&locals, "ctx");
            cname_reserve(&locals, "result");
            for (int k = 0; k < formals->len; k++) {
                formal *f = NL_AT(*formals, k);
                f->c_name = cname_unique(&locals, "", f->name.name);
            }
            cname_scope_free(&locals);
        }
        if (d->kind == D_RECORD) {
            cname_scope fields;
            cname_scope_init(&fields, a);
            for (int k = 0; k < d->u.record.fields.len; k++) {
                record_field *f = NL_AT(d->u.record.fields, k);
                f->c_name = cname_unique(&fields, "", f->name.name);
            }
            cname_scope_free(&fields);
        }
    }
    cname_scope_free(&members);
}

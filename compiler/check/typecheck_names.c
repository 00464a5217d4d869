/* SPDX-License-Identifier: Apache-2.0 */
/* The types of names where they are read: declarations, parameters of
 * functions, variables of aggregates and enum cases (a case name that several
 * enums share is picked by the expected type); and the narrowing of optional
 * values that a condition proves present. */
#include "check/typecheck.h"

#include <string.h>

#include "check/resolve.h"
#include "check/typecheck_internal.h"
#include "check/types.h"

/* ---- Narrowing of optional values ---------------------------------------- */

/* Do two expressions name the same stored value (input, variable, field)? */
static bool same_path(const expr *a, const expr *b)
{
    if (a->kind != b->kind)
        return false;
    if (a->kind == E_NAME)
        return a->u.name.ref == b->u.name.ref && a->u.name.target == b->u.name.target
               && a->u.name.ref != REF_NONE;
    if (a->kind == E_FIELD)
        return strcmp(a->u.name.id.name, b->u.name.id.name) == 0
               && same_path(a->u.name.base, b->u.name.base);
    return false;
}

static bool known_present(checker *c, const expr *e)
{
    for (size_t i = 0; i < c->present.len; i++)
        if (same_path(c->present.items[i], e))
            return true;
    return false;
}

/* Pushes what 'cond' being 'truth' proves present; returns how many. */
int tc_assume(checker *c, const expr *cond, bool truth)
{
    switch (cond->kind) {
    case E_PRESENCE:
        if (cond->u.presence.present == truth) {
            pv_push(&c->present, cond->u.presence.subject);
            return 1;
        }
        return 0;
    case E_UNARY:
        return cond->u.unary.op == U_NOT ? tc_assume(c, cond->u.unary.operand, !truth) : 0;
    case E_BINARY:
        if ((cond->u.binary.op == B_AND && truth) || (cond->u.binary.op == B_OR && !truth))
            return tc_assume(c, cond->u.binary.lhs, truth) + tc_assume(c, cond->u.binary.rhs, truth);
        return 0;
    default:
        return 0;
    }
}

void tc_forget(checker *c, int n)
{
    c->present.len -= (size_t)n;
}

/* The declared (optional) type of a name or field that was narrowed. */
static type *type_optional_of_narrowed(const expr *x, type *inner)
{
    if (x->kind == E_NAME && x->u.name.ref == REF_DECL)
        return ((decl *)x->u.name.target)->type;
    if (x->kind == E_NAME && x->u.name.ref == REF_PARAM)
        return ((formal *)x->u.name.target)->type;
    if (x->kind == E_FIELD && x->u.name.base->type && x->u.name.base->type->kind == T_RECORD)
        return ((record_field *)NL_AT(x->u.name.base->type->decl->u.record.fields, x->u.name.field_index))->type;
    return inner;
}

/* An optional value read where it is known to be present has its inner type. */
type *tc_narrow(checker *c, expr *e, type *t)
{
    if (t->kind == T_OPTIONAL && known_present(c, e)) {
        e->u.name.narrowed = true;
        return t->elem;
    }
    return t;
}

/* An optional value read where it is known to be present was given its
 * inner type; 'is present' and 'otherwise' read the optional itself. */
type *tc_unnarrowed(expr *x, type *t)
{
    if ((x->kind != E_NAME && x->kind != E_FIELD) || !x->u.name.narrowed)
        return t;
    x->u.name.narrowed = false;
    return type_optional_of_narrowed(x, t);
}

/* ---- Names -------------------------------------------------------------- */

type *tc_decl_value_type(const decl *d)
{
    return d->type ? d->type : type_error();
}

/* A bare case name that several enums share (here or in used modules):
 * pick by the expected type. */
type *tc_check_case(checker *c, expr *e, type *expected)
{
    enum_case *ec = e->u.name.target;
    if (expected && tc_is_err(expected))
        return type_error();              /* the other side is wrong already */
    if (e->kind == E_NAME) {
        const case_set *sets[2] = {symtab_get(&c->mod->scope->cases, e->u.name.id.name),
                                   symtab_get(&c->mod->scope->imported_cases, e->u.name.id.name)};
        if (expected && expected->kind == T_OPTIONAL)
            expected = expected->elem;
        enum_case *pick = NULL, *other = NULL;
        for (int k = 0; k < 2; k++)
            for (int i = 0; sets[k] && i < sets[k]->cases.len; i++) {
                enum_case *cand = NL_AT(sets[k]->cases, i);
                if (expected && expected->kind == T_ENUM && cand->owner == expected->decl)
                    pick = cand;
                else if (cand != ec)
                    other = cand;
            }
        /* The same file used twice lists its cases twice: only a case of
         * another enumeration makes the name ambiguous. */
        if (!pick && other) {
            diag_error(c->diag, e->loc, "'%s' is a case of both %s and %s: write %s.%s or %s.%s",
                       ec->name.name, ec->owner->name.name, other->owner->name.name, ec->owner->name.name,
                       ec->name.name, other->owner->name.name, ec->name.name);
            return type_error();
        }
        if (pick) {
            ec = pick;
            e->u.name.target = pick;
        }
    }
    return ec->owner->type ? ec->owner->type : type_error();
}

type *tc_check_name(checker *c, expr *e, type *expected)
{
    switch (e->u.name.ref) {
    case REF_DECL:
        return tc_narrow(c, e, tc_decl_value_type(e->u.name.target));
    case REF_VAR:
        return ((aggr_var *)e->u.name.target)->type;
    case REF_PARAM: {
        formal *f = e->u.name.target;
        return tc_narrow(c, e, f->type ? f->type : type_error());
    }
    case REF_CASE:
        return tc_check_case(c, e, expected);
    default:
        return type_error();
    }
}

/* SPDX-License-Identifier: Apache-2.0 */
/* What the type checker requires of an operand, and how its messages name
 * types: an exact (rounded) amount, a value known to be present, a month end
 * rule when months are added to a date, a value with an order or of a given
 * kind. Leaf helpers: they type no expression themselves. */
#include "check/typecheck.h"

#include <stdio.h>
#include <string.h>

#include "check/typecheck_internal.h"
#include "check/types.h"

const char *tc_tname(checker *c, const type *t)
{
    return type_text(c->a, t);
}

/* A type's name with 'a' or 'an' before it: "a date", "an integer". */
static const char *tname_a(checker *c, const type *t)
{
    const char *name = tc_tname(c, t);
    bool vowel = strchr("aeiouAEIOU", name[0]) != NULL && name[0] != '\0';
    size_t n = strlen(name);
    char *out = arena_alloc(c->a, n + 4);
    snprintf(out, n + 4, "%s %s", vowel ? "an" : "a", name);
    return out;
}

bool tc_is_err(const type *t)
{
    return t->kind == T_ERROR;
}

/* ---- Requirements on operands ------------------------------------------------ */

/* A value that may need rounding is used where an exact one is needed. */
void tc_need_exact(checker *c, expr *e)
{
    if (e->inexact == INEXACT_PRODUCT)
        diag_error(c->diag, e->loc,
                   "this amount can have fractions of an øre: say how to round it, for example "
                   "'(...) rounded half up'");
    else if (e->inexact == INEXACT_DIVISION)
        diag_error(c->diag, e->loc,
                   "a division may not come out even: say how to round it, for example "
                   "'(...) rounded half up'%s",
                   e->type && e->type->kind == T_DEC ? " or '(...) rounded half up to 2 decimals'" : "");
    e->inexact = EXACT;
}

void tc_need_not_optional(checker *c, expr *e, type *t)
{
    if (t->kind != T_OPTIONAL)
        return;
    diag_error(c->diag, e->loc,
               "this value may be absent (it is %s): test it first with '... is present', or give "
               "a value for when it is absent with '... otherwise ...'", tc_tname(c, t));
}

/* Months (or years) are added to a date: the module must say what 31
 * January + 1 month is. Reported once per module. */
void tc_need_month_rule(checker *c, src_loc loc, const type *dur)
{
    if (dur->kind != T_DURATION || dur->unit == DU_DAYS)
        return;
    if (c->mod->month_end_loc.file || c->month_rule_reported)
        return;                         /* the header has a rule (an unknown one is reported) */
    c->month_rule_reported = true;
    diag_error(c->diag, loc,
               "adding months to a date needs a month end rule: what is 31 January + 1 month? Add "
               "'month end rule clamp' (the last day of February) or 'month end rule overflow' "
               "(2 or 3 March) to the module header");
}

bool tc_is_ordered(const type *t)
{
    return t->kind == T_INT || t->kind == T_DEC || t->kind == T_MONEY || t->kind == T_DATE
           || t->kind == T_DURATION;
}

type *need_kind(checker *c, expr *e, type *t, type_kind kind, const char *what)
{
    if (tc_is_err(t) || t->kind == kind)
        return t;
    tc_need_not_optional(c, e, t);
    if (t->kind != T_OPTIONAL) {
        type want = {.kind = kind};
        diag_error(c->diag, e->loc, "%s must be %s, but this is %s", what, tname_a(c, &want),
                   tc_tname(c, t));
    }
    return type_error();
}

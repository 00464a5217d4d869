#include "check/typecheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/builtins.h"
#include "check/expr_equal.h"
#include "core/lov.h"
#include "check/resolve.h"
#include "check/types.h"

typedef struct checker {
    module *mod;
    diag_ctx *diag;
    arena *a;
    decl *current;
    ptrvec present;          /* expr*: optional values known to be present here */
    bool month_rule_reported;
} checker;

static type *check(checker *c, expr *e, type *expected);

static const char *tname(checker *c, const type *t)
{
    return type_text(c->a, t);
}

/* A type's name with 'a' or 'an' before it: "a date", "an integer". */
static const char *tname_a(checker *c, const type *t)
{
    const char *name = tname(c, t);
    bool vowel = strchr("aeiouAEIOU", name[0]) != NULL && name[0] != '\0';
    size_t n = strlen(name);
    char *out = arena_alloc(c->a, n + 4);
    snprintf(out, n + 4, "%s %s", vowel ? "an" : "a", name);
    return out;
}

/* n with its digits in groups of three, as rules write numbers:
 * 306 783 378. 'buf' holds at least 32 bytes. */
static const char *grouped(char *buf, unsigned long long n)
{
    char digits[24];
    int len = snprintf(digits, sizeof digits, "%llu", n);
    int k = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[k++] = ' ';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
    return buf;
}

static bool is_err(const type *t)
{
    return t->kind == T_ERROR;
}

/* ---- Types as written ------------------------------------------------- */

static type *from_texpr(checker *c, texpr *t)
{
    if (!t)
        return type_error();
    switch (t->kind) {
    case TX_BOOLEAN: return type_bool();
    case TX_INTEGER: return type_int();
    case TX_DECIMAL: return type_dec();
    case TX_MONEY: return type_money();
    case TX_DATE: return type_date();
    case TX_DURATION: return type_duration(DU_ANY);
    case TX_NAMED:
        return t->resolved && t->resolved->type ? t->resolved->type : type_error();
    case TX_LIST:
        return type_list(c->a, from_texpr(c, t->elem));
    case TX_OPTIONAL:
        return type_optional(c->a, from_texpr(c, t->elem));
    }
    return type_error();
}

static bool is_value_type(const type *t)
{
    return t->kind == T_ERROR || type_is_scalar(t);
}

/* What a single value (definition, parameter, field) may be. 'optional_ok'
 * allows 'optional T'. Reports and returns false otherwise. */
static bool need_value_type(checker *c, const type *t, src_loc loc, const char *what,
                            bool optional_ok)
{
    if (is_value_type(t))
        return true;
    if (t->kind == T_OPTIONAL && optional_ok && is_value_type(t->elem))
        return true;
    diag_error(c->diag, loc,
               "%s must be a single value (boolean, integer, decimal, money, date, duration or an "
               "enum%s), not %s", what, optional_ok ? ", maybe optional" : "", tname(c, t));
    return false;
}

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
static int assume(checker *c, const expr *cond, bool truth)
{
    switch (cond->kind) {
    case E_PRESENCE:
        if (cond->u.presence.present == truth) {
            pv_push(&c->present, cond->u.presence.subject);
            return 1;
        }
        return 0;
    case E_UNARY:
        return cond->u.unary.op == U_NOT ? assume(c, cond->u.unary.operand, !truth) : 0;
    case E_BINARY:
        if ((cond->u.binary.op == B_AND && truth) || (cond->u.binary.op == B_OR && !truth))
            return assume(c, cond->u.binary.lhs, truth) + assume(c, cond->u.binary.rhs, truth);
        return 0;
    default:
        return 0;
    }
}

static void forget(checker *c, int n)
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
static type *narrow(checker *c, expr *e, type *t)
{
    if (t->kind == T_OPTIONAL && known_present(c, e)) {
        e->u.name.narrowed = true;
        return t->elem;
    }
    return t;
}

/* ---- Requirements on operands ------------------------------------------------ */

/* A value that may need rounding is used where an exact one is needed. */
static void need_exact(checker *c, expr *e)
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

static void need_not_optional(checker *c, expr *e, type *t)
{
    if (t->kind != T_OPTIONAL)
        return;
    diag_error(c->diag, e->loc,
               "this value may be absent (it is %s): test it first with '... is present', or give "
               "a value for when it is absent with '... otherwise ...'", tname(c, t));
}

static type *check_bool(checker *c, expr *e, const char *what)
{
    type *t = check(c, e, type_bool());
    if (!is_err(t) && t->kind != T_BOOL) {
        need_not_optional(c, e, t);
        if (t->kind != T_OPTIONAL)
            diag_error(c->diag, e->loc, "%s must be yes or no (a boolean), but this is %s", what,
                       tname(c, t));
    }
    return t;
}

/* Months (or years) are added to a date: the module must say what 31
 * January + 1 month is. Reported once per module. */
static void need_month_rule(checker *c, src_loc loc, const type *dur)
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

/* ---- Names and fields ------------------------------------------------------ */

static type *decl_value_type(const decl *d)
{
    return d->type ? d->type : type_error();
}

/* A bare case name that several enums share (here or in used modules):
 * pick by the expected type. */
static type *check_case(checker *c, expr *e, type *expected)
{
    enum_case *ec = e->u.name.target;
    if (expected && is_err(expected))
        return type_error();              /* the other side is wrong already */
    if (e->kind == E_NAME) {
        const case_set *sets[2] = {symtab_get(&c->mod->scope->cases, e->u.name.id.name),
                                   symtab_get(&c->mod->scope->imported_cases, e->u.name.id.name)};
        int total = (sets[0] ? sets[0]->cases.len : 0) + (sets[1] ? sets[1]->cases.len : 0);
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
        if (!pick && total > 1) {
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

static type *check_name(checker *c, expr *e, type *expected)
{
    switch (e->u.name.ref) {
    case REF_DECL:
        return narrow(c, e, decl_value_type(e->u.name.target));
    case REF_VAR:
        return ((aggr_var *)e->u.name.target)->type;
    case REF_PARAM: {
        formal *f = e->u.name.target;
        return narrow(c, e, f->type ? f->type : type_error());
    }
    case REF_CASE:
        return check_case(c, e, expected);
    default:
        return type_error();
    }
}

static type *check_field(checker *c, expr *e, type *expected)
{
    if (e->u.name.ref == REF_CASE)
        return check_case(c, e, expected);
    if (e->u.name.ref == REF_TYPE) {
        diag_error(c->diag, e->loc, "'%s' is a type, not a value", e->u.name.id.name);
        return type_error();
    }
    if (e->u.name.ref == REF_FUNCTION)
        return type_error();                       /* reported by the resolver */
    type *bt = check(c, e->u.name.base, NULL);
    if (is_err(bt))
        return bt;
    if (bt->kind == T_OPTIONAL) {
        need_not_optional(c, e->u.name.base, bt);
        return type_error();
    }
    if (bt->kind != T_RECORD) {
        diag_error(c->diag, e->u.name.id.loc, "'.%s' reads a field of a record, but this is %s",
                   e->u.name.id.name, tname(c, bt));
        return type_error();
    }
    record_field *f = resolve_record_field(bt->decl, e->u.name.id.name);
    if (!f) {
        nodelist *fl = &bt->decl->u.record.fields;
        const char **names = xmalloc((size_t)fl->len * sizeof *names);
        for (int i = 0; i < fl->len; i++)
            names[i] = ((record_field *)NL_AT(*fl, i))->name.name;
        char what[256];
        snprintf(what, sizeof what, "field of %s", bt->decl->name.name);
        resolve_report_unknown(c->diag, e->u.name.id.loc, what, e->u.name.id.name, names,
                               fl->len, NULL);
        free(names);
        return type_error();
    }
    e->u.name.field_index = f->index;
    return narrow(c, e, f->type ? f->type : type_error());
}

/* ---- Calls ----------------------------------------------------------------- */

static type *check_args(checker *c, expr *e, nodelist *params, const char *name)
{
    nodelist *args = &e->u.call.args;
    if (args->len != params->len) {
        diag_error(c->diag, e->loc, "'%s' takes %d value%s, but %d %s given", name, params->len,
                   params->len == 1 ? "" : "s", args->len, args->len == 1 ? "is" : "are");
        for (int i = 0; i < args->len; i++)
            check(c, NL_AT(*args, i), NULL);
        return type_error();
    }
    for (int i = 0; i < args->len; i++) {
        expr *arg = NL_AT(*args, i);
        formal *f = NL_AT(*params, i);
        type *want = f->type ? f->type : type_error();
        type *got = check(c, arg, want);
        need_exact(c, arg);
        if (is_err(got) || is_err(want) || type_equal(got, want))
            continue;
        if (want->kind == T_DEC && got->kind == T_INT)
            continue;
        if (want->kind == T_OPTIONAL && type_equal(want->elem, got))
            continue;
        diag_error(c->diag, arg->loc, "the parameter '%s' of '%s' is %s, but this is %s",
                   f->name.name, name, tname(c, want), tname(c, got));
    }
    return NULL;
}

static type *need_date_arg(checker *c, expr *arg, const char *fn)
{
    type *t = check(c, arg, type_date());
    if (!is_err(t) && t->kind != T_DATE) {
        need_not_optional(c, arg, t);
        if (t->kind != T_OPTIONAL)
            diag_error(c->diag, arg->loc, "'%s' needs a date, but this is %s", fn, tname(c, t));
    }
    return t;
}

static bool is_ordered(const type *t)
{
    return t->kind == T_INT || t->kind == T_DEC || t->kind == T_MONEY || t->kind == T_DATE
           || t->kind == T_DURATION;
}

static type *check_builtin(checker *c, expr *e, const builtin *b)
{
    nodelist *args = &e->u.call.args;
    if (args->len != b->nargs) {
        diag_error(c->diag, e->loc, "'%s' takes %d value%s, but %d %s given (%s)", b->name,
                   b->nargs, b->nargs == 1 ? "" : "s", args->len, args->len == 1 ? "is" : "are",
                   b->signature);
        for (int i = 0; i < args->len; i++)
            check(c, NL_AT(*args, i), NULL);
        return type_error();
    }
    switch (b->id) {
    case BI_MONTH_START: case BI_MONTH_END: case BI_NEXT_MONTH_START:
    case BI_YEAR_START: case BI_YEAR_END:
        need_date_arg(c, NL_AT(*args, 0), b->name);
        return type_date();
    case BI_DAYS_BETWEEN: case BI_MONTHS_BETWEEN:
        need_date_arg(c, NL_AT(*args, 0), b->name);
        need_date_arg(c, NL_AT(*args, 1), b->name);
        return type_int();
    case BI_YEAR_OF: case BI_MONTH_OF: case BI_DAY_OF: case BI_WEEKDAY_OF:
        need_date_arg(c, NL_AT(*args, 0), b->name);
        return type_int();
    case BI_MIN: case BI_MAX: {
        expr *x = NL_AT(*args, 0), *y = NL_AT(*args, 1);
        type *tx = check(c, x, NULL), *ty = check(c, y, tx);
        need_exact(c, x);
        need_exact(c, y);
        if (is_err(tx) || is_err(ty))
            return type_error();
        if (type_is_numeric(tx) && type_is_numeric(ty))
            return tx->kind == T_DEC || ty->kind == T_DEC ? type_dec() : type_int();
        if (!type_equal(tx, ty) || !is_ordered(tx)) {
            diag_error(c->diag, e->loc, "'%s' compares two values of the same kind (numbers, "
                       "amounts, dates or durations), not %s and %s", b->name, tname(c, tx),
                       tname(c, ty));
            return type_error();
        }
        if (tx->kind == T_DURATION && (tx->unit | ty->unit) == DU_MIXED) {
            diag_error(c->diag, e->loc, "durations in days and in months cannot be compared: a "
                       "month has no fixed number of days");
        }
        return tx->kind == T_DURATION ? type_duration((dur_unit)(tx->unit | ty->unit)) : tx;
    }
    case BI_ABS: {
        expr *x = NL_AT(*args, 0);
        type *t = check(c, x, NULL);
        need_exact(c, x);
        if (!is_err(t) && t->kind != T_INT && t->kind != T_DEC && t->kind != T_MONEY) {
            diag_error(c->diag, x->loc, "'abs' takes a number or an amount, not %s", tname(c, t));
            return type_error();
        }
        return t;
    }
    }
    return type_error();
}

static type *check_call(checker *c, expr *e)
{
    expr *callee = e->u.call.callee;
    if (callee->kind == E_ERROR) {
        for (int i = 0; i < e->u.call.args.len; i++)
            check(c, NL_AT(e->u.call.args, i), NULL);
        return type_error();
    }
    if (callee->u.name.ref == REF_BUILTIN)
        return check_builtin(c, e, callee->u.name.target);
    decl *d = callee->u.name.target;
    nodelist *params = d->kind == D_EXTERNAL ? &d->u.external.params : &d->u.def.params;
    type *bad = check_args(c, e, params, d->name.name);
    return bad ? bad : decl_value_type(d);
}

/* ---- Operators ------------------------------------------------------------- */

/* What can be done with a date in arithmetic. */
#define DATE_HINT "a date takes a duration added or subtracted, as in d + 14 days or d - 1 month"

/* Money against a number: when the amount is the one written with 'kr' and
 * the number is computed (hours, a count), the 'kr' is the slip. */
static const char *money_hint(const expr *e, const char *usual)
{
    const expr *l = e->u.binary.lhs, *r = e->u.binary.rhs;
    bool l_amount = l->kind == E_MONEY, r_amount = r->kind == E_MONEY;
    bool l_number = l->kind == E_INT || l->kind == E_DECIMAL, r_number = r->kind == E_INT || r->kind == E_DECIMAL;
    if ((l_amount && !r_number && r->type && type_is_numeric(r->type))
        || (r_amount && !l_number && l->type && type_is_numeric(l->type)))
        return "the number is not an amount: if it counts something (hours, days), write the other side without 'kr'";
    return usual;
}

static void mismatch(checker *c, expr *e, const char *verb, type *l, type *r, const char *hint)
{
    diag_error(c->diag, e->u.binary.op_loc, "cannot %s %s and %s%s%s", verb, tname(c, l),
               tname(c, r), hint ? ": " : "", hint ? hint : "");
}

/* Combines the exactness of the operands of + and -. */
static void combine_inexact(checker *c, expr *e, expr *l, expr *r)
{
    if (l->inexact == INEXACT_DIVISION)
        need_exact(c, l);
    if (r->inexact == INEXACT_DIVISION)
        need_exact(c, r);
    e->inexact = l->inexact || r->inexact ? INEXACT_PRODUCT : EXACT;
}

static type *check_add_sub(checker *c, expr *e, type *l, type *r)
{
    bool sub = e->u.binary.op == B_SUB;
    const char *verb = sub ? "subtract" : "add";
    expr *le = e->u.binary.lhs, *re = e->u.binary.rhs;
    if (l->kind == T_INT && r->kind == T_INT)
        return type_int();
    if (type_is_numeric(l) && type_is_numeric(r))
        return type_dec();
    if (l->kind == T_MONEY && r->kind == T_MONEY) {
        combine_inexact(c, e, le, re);
        return type_money();
    }
    if (l->kind == T_DATE && r->kind == T_DURATION) {
        need_month_rule(c, e->loc, r);
        return type_date();
    }
    if (!sub && l->kind == T_DURATION && r->kind == T_DATE) {
        need_month_rule(c, e->loc, l);
        return type_date();
    }
    if (sub && l->kind == T_DATE && r->kind == T_DATE)
        return type_duration(DU_DAYS);
    if (l->kind == T_DURATION && r->kind == T_DURATION)
        return type_duration((dur_unit)(l->unit | r->unit));
    if ((l->kind == T_MONEY && type_is_numeric(r)) || (r->kind == T_MONEY && type_is_numeric(l)))
        mismatch(c, e, verb, l, r, money_hint(e, "write amounts with 'kr', for example 100 kr"));
    else if (l->kind == T_DATE && type_is_numeric(r))
        mismatch(c, e, verb, l, r, "write a duration, for example 14 days or 1 month");
    else if (l->kind == T_DATE && r->kind == T_DATE)
        mismatch(c, e, verb, l, r, "the days between two dates are 'later - earlier'");
    else if (l->kind == T_OPTIONAL || r->kind == T_OPTIONAL)
        need_not_optional(c, l->kind == T_OPTIONAL ? le : re, l->kind == T_OPTIONAL ? l : r);
    else
        mismatch(c, e, verb, l, r, l->kind == T_DATE || r->kind == T_DATE ? DATE_HINT : NULL);
    return type_error();
}

static type *check_mul(checker *c, expr *e, type *l, type *r)
{
    expr *le = e->u.binary.lhs, *re = e->u.binary.rhs;
    if (le->inexact == INEXACT_DIVISION)
        need_exact(c, le);
    if (re->inexact == INEXACT_DIVISION)
        need_exact(c, re);
    if (l->kind == T_INT && r->kind == T_INT)
        return type_int();
    if (type_is_numeric(l) && type_is_numeric(r))
        return type_dec();
    if ((l->kind == T_MONEY && type_is_numeric(r)) || (r->kind == T_MONEY && type_is_numeric(l))) {
        type *num = l->kind == T_MONEY ? r : l;
        e->inexact = num->kind == T_DEC || le->inexact || re->inexact ? INEXACT_PRODUCT : EXACT;
        return type_money();
    }
    if (l->kind == T_DURATION && r->kind == T_INT)
        return l;
    if (l->kind == T_INT && r->kind == T_DURATION)
        return r;
    if (l->kind == T_MONEY && r->kind == T_MONEY)
        mismatch(c, e, "multiply", l, r, "an amount can be multiplied by a number, not by an amount");
    else if (l->kind == T_OPTIONAL || r->kind == T_OPTIONAL)
        need_not_optional(c, l->kind == T_OPTIONAL ? le : re, l->kind == T_OPTIONAL ? l : r);
    else
        mismatch(c, e, "multiply", l, r,
                 l->kind == T_DATE || r->kind == T_DATE ? DATE_HINT : NULL);
    return type_error();
}

static type *check_div(checker *c, expr *e, type *l, type *r)
{
    expr *le = e->u.binary.lhs, *re = e->u.binary.rhs;
    need_exact(c, le);
    need_exact(c, re);
    e->inexact = INEXACT_DIVISION;
    if (type_is_numeric(l) && type_is_numeric(r))
        return type_dec();
    if (l->kind == T_MONEY && type_is_numeric(r))
        return type_money();
    if (l->kind == T_MONEY && r->kind == T_MONEY)
        return type_dec();
    e->inexact = EXACT;
    if (l->kind == T_OPTIONAL || r->kind == T_OPTIONAL)
        need_not_optional(c, l->kind == T_OPTIONAL ? le : re, l->kind == T_OPTIONAL ? l : r);
    else
        mismatch(c, e, "divide", l, r, l->kind == T_DATE || r->kind == T_DATE ? DATE_HINT : NULL);
    return type_error();
}

/* May values of types l and r be compared with = and !=? */
static bool comparable(const type *l, const type *r)
{
    if (type_is_numeric(l) && type_is_numeric(r))
        return true;
    if (l->kind == T_OPTIONAL && r->kind != T_OPTIONAL)
        return comparable(l->elem, r);
    if (r->kind == T_OPTIONAL && l->kind != T_OPTIONAL)
        return comparable(l, r->elem);
    return type_equal(l, r) && l->kind != T_LIST && l->kind != T_RECORD;
}

static void check_duration_units(checker *c, src_loc loc, const type *l, const type *r)
{
    if (l->kind == T_DURATION && r->kind == T_DURATION && l->unit != DU_ANY && r->unit != DU_ANY
        && (l->unit | r->unit) == DU_MIXED)
        diag_error(c->diag, loc, "durations in days and in months cannot be compared: a month has "
                   "no fixed number of days");
}

static type *check_compare(checker *c, expr *e, type *l, type *r)
{
    binop op = e->u.binary.op;
    if (op == B_EQ || op == B_NE) {
        if (!comparable(l, r))
            mismatch(c, e, "compare", l, r, NULL);
        else
            check_duration_units(c, e->u.binary.op_loc, l, r);
        return type_bool();
    }
    if (l->kind == T_OPTIONAL || r->kind == T_OPTIONAL) {
        need_not_optional(c, l->kind == T_OPTIONAL ? e->u.binary.lhs : e->u.binary.rhs,
                          l->kind == T_OPTIONAL ? l : r);
        return type_bool();
    }
    if (type_is_numeric(l) && type_is_numeric(r))
        return type_bool();
    if (!type_equal(l, r) || !is_ordered(l)) {
        const char *hint = (l->kind == T_MONEY && type_is_numeric(r))
                                   || (r->kind == T_MONEY && type_is_numeric(l))
                               ? money_hint(e, "write amounts with 'kr', for example 0 kr")
                           : l->kind == T_ENUM || l->kind == T_BOOL
                               ? "only numbers, amounts, dates and durations have an order"
                               : NULL;
        mismatch(c, e, "compare", l, r, hint);
        return type_bool();
    }
    check_duration_units(c, e->u.binary.op_loc, l, r);
    return type_bool();
}

static type *check_binary(checker *c, expr *e)
{
    expr *le = e->u.binary.lhs, *re = e->u.binary.rhs;
    binop op = e->u.binary.op;
    if (op == B_AND || op == B_OR || op == B_IMPLIES) {
        check_bool(c, le, "each side of 'and', 'or' and 'implies'");
        int n = assume(c, le, op != B_OR);
        check_bool(c, re, "each side of 'and', 'or' and 'implies'");
        forget(c, n);
        return type_bool();
    }
    /* A bare enum case takes its enum from the other side. */
    bool swap = le->kind == E_NAME && le->u.name.ref == REF_CASE;
    type *l, *r;
    if (swap) {
        r = check(c, re, NULL);
        l = check(c, le, r);
    } else {
        l = check(c, le, NULL);
        r = check(c, re, l);
    }
    if (is_err(l) || is_err(r))
        return op >= B_EQ ? type_bool() : type_error();
    if (op >= B_EQ) {
        need_exact(c, le);
        need_exact(c, re);
        return check_compare(c, e, l, r);
    }
    switch (op) {
    case B_ADD:
    case B_SUB:
        return check_add_sub(c, e, l, r);
    case B_MUL:
        return check_mul(c, e, l, r);
    case B_DIV:
        return check_div(c, e, l, r);
    default:
        return type_error();
    }
}

static type *check_unary(checker *c, expr *e)
{
    expr *x = e->u.unary.operand;
    if (e->u.unary.op == U_NOT) {
        check_bool(c, x, "what 'not' applies to");
        return type_bool();
    }
    type *t = check(c, x, NULL);
    if (x->inexact == INEXACT_DIVISION)
        need_exact(c, x);
    e->inexact = x->inexact;
    if (is_err(t) || t->kind == T_INT || t->kind == T_DEC || t->kind == T_MONEY
        || t->kind == T_DURATION)
        return t;
    need_not_optional(c, x, t);
    if (t->kind != T_OPTIONAL)
        diag_error(c->diag, e->loc, "'-' applies to numbers, amounts and durations, not to %s",
                   tname(c, t));
    return type_error();
}

/* ---- Other expressions ----------------------------------------------------- */

/* The type of two branches that must agree (if/else, match arms). */
static type *join(checker *c, expr *where, type *a, type *b)
{
    if (is_err(a))
        return b;
    if (is_err(b))
        return a;
    if (type_equal(a, b))
        return a->kind == T_DURATION && a->unit != b->unit ? type_duration(DU_ANY) : a;
    if (type_is_numeric(a) && type_is_numeric(b))
        return type_dec();
    if (a->kind == T_OPTIONAL && type_equal(a->elem, b))
        return a;
    if (b->kind == T_OPTIONAL && type_equal(b->elem, a))
        return b;
    diag_error(c->diag, where->loc, "this is %s, but the other possible values here are %s",
               tname(c, b), tname(c, a));
    return type_error();
}

static type *check_if(checker *c, expr *e, type *expected)
{
    check_bool(c, e->u.if_.cond, "the condition of 'if'");
    int n = assume(c, e->u.if_.cond, true);
    type *a = check(c, e->u.if_.then_e, expected);
    forget(c, n);
    n = assume(c, e->u.if_.cond, false);
    type *b = check(c, e->u.if_.else_e, expected);
    forget(c, n);
    need_exact(c, e->u.if_.then_e);
    need_exact(c, e->u.if_.else_e);
    return join(c, e->u.if_.else_e, a, b);
}

static type *check_match(checker *c, expr *e, type *expected)
{
    type *st = check(c, e->u.match.scrutinee, NULL);
    bool ok = !is_err(st);
    if (ok && st->kind != T_ENUM) {
        need_not_optional(c, e->u.match.scrutinee, st);
        if (st->kind != T_OPTIONAL)
            diag_error(c->diag, e->u.match.scrutinee->loc,
                       "'match' chooses by the case of an enum, but this is %s", tname(c, st));
        ok = false;
    }
    decl *en = ok ? st->decl : NULL;
    int ncases = en ? en->u.enum_.cases.len : 0;
    src_loc *seen = ncases ? xcalloc((size_t)ncases, sizeof *seen) : NULL;
    bool unknown_case = false;          /* a misspelt case: which one was meant is not known */
    type *result = type_error();
    for (int i = 0; i < e->u.match.arms.len; i++) {
        match_arm *arm = NL_AT(e->u.match.arms, i);
        for (int k = 0; en && k < arm->cases.len; k++) {
            ident *id = NL_AT(arm->cases, k);
            enum_case *ec = resolve_enum_case(en, id->name);
            if (!ec) {
                const char **names = xmalloc((size_t)ncases * sizeof *names);
                for (int j = 0; j < ncases; j++)
                    names[j] = ((enum_case *)NL_AT(en->u.enum_.cases, j))->name.name;
                char what[256];
                snprintf(what, sizeof what, "case of %s", en->name.name);
                resolve_report_unknown(c->diag, id->loc, what, id->name, names, ncases, NULL);
                free(names);
                unknown_case = true;
                continue;
            }
            if (seen[ec->index].file) {
                diag_error(c->diag, id->loc, "the case '%s' is already handled in this match",
                           id->name);
                diag_note(c->diag, seen[ec->index], "it is handled here");
                continue;
            }
            seen[ec->index] = id->loc;
        }
        type *t = check(c, arm->body, expected);
        need_exact(c, arm->body);
        result = i == 0 ? t : join(c, arm->body, result, t);
        if (!expected && !is_err(result))
            expected = result;
    }
    if (e->u.match.else_e) {
        type *t = check(c, e->u.match.else_e, expected);
        need_exact(c, e->u.match.else_e);
        result = join(c, e->u.match.else_e, result, t);
    }
    if (en && !unknown_case) {
        strbuf missing;
        sb_init(&missing);
        int nmissing = 0;
        for (int k = 0; k < ncases; k++) {
            if (seen[k].file)
                continue;
            enum_case *ec = NL_AT(en->u.enum_.cases, k);
            sb_printf(&missing, "%s'%s'", nmissing ? ", " : "", ec->name.name);
            nmissing++;
        }
        if (nmissing && !e->u.match.else_e)
            diag_error(c->diag, e->loc,
                       "this match does not say what happens when the %s is %s%s; add a 'case' "
                       "for %s or an 'else'", en->name.name, nmissing > 1 ? "one of " : "",
                       missing.data, nmissing > 1 ? "them" : "it");
        else if (!nmissing && e->u.match.else_e)
            diag_warning(c->diag, "unreachable-else", e->u.match.else_loc,
                         "this 'else' is never used: every case of %s is handled above",
                         en->name.name);
        sb_free(&missing);
    }
    free(seen);
    return result;
}

static type *check_aggregate(checker *c, expr *e)
{
    aggr_kind k = e->u.aggr.kind;
    type *lt = check(c, e->u.aggr.list, NULL);
    type *elem = type_error();
    if (!is_err(lt)) {
        if (lt->kind == T_LIST)
            elem = lt->elem;
        else
            diag_error(c->diag, e->u.aggr.list->loc,
                       "'%s' goes through the items of a list, but this is %s",
                       k == AG_FORALL ? "for all" : k == AG_SUM ? "sum" : k == AG_COUNT ? "count"
                       : k == AG_EXISTS ? "exists" : k == AG_MINIMUM ? "minimum" : "maximum",
                       tname(c, lt));
    }
    if (e->u.aggr.binding)
        e->u.aggr.binding->type = elem;
    int n = 0;
    if (e->u.aggr.filter) {
        check_bool(c, e->u.aggr.filter, "the condition after 'where'");
        n = assume(c, e->u.aggr.filter, true);
    }
    type *result = type_error();
    switch (k) {
    case AG_COUNT:
        result = type_int();
        break;
    case AG_EXISTS:
        result = type_bool();
        break;
    case AG_FORALL:
        check_bool(c, e->u.aggr.body, "the condition after 'holds'");
        result = type_bool();
        break;
    case AG_SUM: {
        type *t = check(c, e->u.aggr.body, NULL);
        need_exact(c, e->u.aggr.body);
        if (is_err(t))
            break;
        if (t->kind == T_INT || t->kind == T_DEC || t->kind == T_MONEY || t->kind == T_DURATION) {
            result = t;
            break;
        }
        need_not_optional(c, e->u.aggr.body, t);
        if (t->kind != T_OPTIONAL)
            diag_error(c->diag, e->u.aggr.body->loc,
                       "'sum' adds up numbers, amounts or durations, not %s", tname(c, t));
        break;
    }
    case AG_MINIMUM:
    case AG_MAXIMUM: {
        type *t = check(c, e->u.aggr.body, NULL);
        need_exact(c, e->u.aggr.body);
        if (is_err(t))
            break;
        if (is_ordered(t)) {
            result = type_optional(c->a, t);      /* absent when nothing is in the list */
            break;
        }
        need_not_optional(c, e->u.aggr.body, t);
        if (t->kind != T_OPTIONAL)
            diag_error(c->diag, e->u.aggr.body->loc,
                       "'%s' needs values with an order (numbers, amounts, dates, durations), not %s",
                       k == AG_MINIMUM ? "minimum" : "maximum", tname(c, t));
        break;
    }
    }
    forget(c, n);
    return result;
}

static type *need_kind(checker *c, expr *e, type *t, type_kind kind, const char *what)
{
    if (is_err(t) || t->kind == kind)
        return t;
    need_not_optional(c, e, t);
    if (t->kind != T_OPTIONAL) {
        type want = {.kind = kind};
        diag_error(c->diag, e->loc, "%s must be %s, but this is %s", what, tname_a(c, &want),
                   tname(c, t));
    }
    return type_error();
}

static type *check_within(checker *c, expr *e)
{
    type *s = check(c, e->u.within.subject, NULL);
    need_kind(c, e->u.within.subject, s, T_DATE, "what 'within' tests");
    type *span = check(c, e->u.within.span, NULL);
    need_kind(c, e->u.within.span, span, T_DURATION, "the length after 'within'");
    type *a = check(c, e->u.within.anchor, NULL);
    need_kind(c, e->u.within.anchor, a, T_DATE,
              e->u.within.after ? "the date after 'after'" : "the date after 'before'");
    need_month_rule(c, e->loc, span);
    return type_bool();
}

static type *check_between(checker *c, expr *e)
{
    type *s = check(c, e->u.between.subject, NULL);
    type *lo = check(c, e->u.between.low, s);
    type *hi = check(c, e->u.between.high, s);
    need_exact(c, e->u.between.subject);
    need_exact(c, e->u.between.low);
    need_exact(c, e->u.between.high);
    if (is_err(s) || is_err(lo) || is_err(hi))
        return type_bool();
    type *parts[3] = {s, lo, hi};
    expr *exprs[3] = {e->u.between.subject, e->u.between.low, e->u.between.high};
    for (int i = 0; i < 3; i++) {
        if (parts[i]->kind == T_OPTIONAL) {
            need_not_optional(c, exprs[i], parts[i]);
            return type_bool();
        }
    }
    bool numeric = type_is_numeric(s) && type_is_numeric(lo) && type_is_numeric(hi);
    if (!numeric && (!is_ordered(s) || !type_equal(s, lo) || !type_equal(s, hi)))
        diag_error(c->diag, e->loc, "'between' needs three values of the same kind with an order "
                   "(numbers, amounts, dates or durations); here they are %s, %s and %s",
                   tname(c, s), tname(c, lo), tname(c, hi));
    return type_bool();
}

/* An optional value read where it is known to be present was given its
 * inner type; 'is present' and 'otherwise' read the optional itself. */
static type *unnarrowed(expr *x, type *t)
{
    if ((x->kind != E_NAME && x->kind != E_FIELD) || !x->u.name.narrowed)
        return t;
    x->u.name.narrowed = false;
    return type_optional_of_narrowed(x, t);
}

static type *check_presence(checker *c, expr *e)
{
    expr *x = e->u.presence.subject;
    type *t = unnarrowed(x, check(c, x, NULL));
    if (!is_err(t) && t->kind != T_OPTIONAL)
        diag_error(c->diag, x->loc, "this is always present (it is %s, not optional); "
                   "'is %s' makes sense only for optional values", tname(c, t),
                   e->u.presence.present ? "present" : "absent");
    return type_bool();
}

static type *check_otherwise(checker *c, expr *e, type *expected)
{
    expr *x = e->u.otherwise.subject;
    type *t = unnarrowed(x, check(c, x, NULL));
    type *inner = t->kind == T_OPTIONAL ? t->elem : t;
    type *f = check(c, e->u.otherwise.fallback, is_err(inner) ? expected : inner);
    need_exact(c, e->u.otherwise.fallback);
    if (is_err(t))
        return f;
    if (t->kind != T_OPTIONAL) {
        diag_error(c->diag, x->loc,
                   "this is always present (it is %s, not optional); 'otherwise' gives a value for "
                   "when an optional value is absent", tname(c, t));
        return t;
    }
    return join(c, e->u.otherwise.fallback, inner, f);
}

static type *check_rounded(checker *c, expr *e)
{
    expr *x = e->u.rounded.subject;
    type *t = check(c, x, NULL);
    e->inexact = EXACT;
    if (is_err(t))
        return t;
    round_target target = e->u.rounded.target;
    if (t->kind == T_MONEY) {
        if (target == RT_DECIMALS) {
            diag_error(c->diag, e->loc, "an amount is rounded to øre (the default) or 'to kr', not "
                       "to a number of decimals");
            return type_error();
        }
        return type_money();
    }
    if (target == RT_KR) {
        diag_error(c->diag, e->loc, "'to kr' rounds an amount of money, but this is %s",
                   tname(c, t));
        return type_error();
    }
    if (t->kind == T_DEC)
        return target == RT_DECIMALS ? type_dec() : type_int();
    if (t->kind == T_INT) {
        diag_warning(c->diag, "needless-rounding", e->loc,
                     "this is a whole number already; rounding it changes nothing");
        return type_int();
    }
    need_not_optional(c, x, t);
    if (t->kind != T_OPTIONAL)
        diag_error(c->diag, e->loc, "only numbers and amounts can be rounded, not %s", tname(c, t));
    return type_error();
}

static type *check_unit(checker *c, expr *e)
{
    expr *x = e->u.unit.subject;
    unit_kind u = e->u.unit.unit;
    type *t = check(c, x, NULL);
    if (x->inexact == INEXACT_DIVISION)
        need_exact(c, x);
    if (is_err(t))
        return t;
    /* A literal the grammar could not fold: too many decimals, or too large. */
    if (x->kind == E_INT || (x->kind == E_DECIMAL && u == UNIT_KR && x->u.dec.scale <= 2)) {
        char limit[32];
        unsigned long long most = u == UNIT_DAYS || u == UNIT_WEEKS ? INT32_MAX / 7
                                  : u == UNIT_MONTHS || u == UNIT_YEARS ? INT32_MAX / 12
                                  : INT64_MAX / 100;
        diag_error(c->diag, e->loc, "%.*s %s is too large: at most %s %s",
                   (int)(x->loc.end - x->loc.start), x->loc.file->text + x->loc.start,
                   ast_unit_word(u), grouped(limit, most), ast_unit_word(u));
        return type_error();
    }
    if (x->kind == E_DECIMAL && u == UNIT_KR) {
        diag_error(c->diag, e->loc,
                   "an amount in kroner has at most two decimals (øre), for example 12.50 kr");
        return type_error();
    }
    if (u == UNIT_KR) {
        if (t->kind == T_INT) {
            e->inexact = x->inexact;
            return type_money();
        }
        if (t->kind == T_DEC) {
            e->inexact = INEXACT_PRODUCT;
            return type_money();
        }
    } else if (u == UNIT_PERCENT) {
        if (type_is_numeric(t))
            return type_dec();
    } else if (t->kind == T_INT) {
        return type_duration(u == UNIT_DAYS || u == UNIT_WEEKS ? DU_DAYS : DU_MONTHS);
    } else if (t->kind == T_DEC) {
        diag_error(c->diag, e->loc, "a number of %s must be a whole number", ast_unit_word(u));
        return type_error();
    }
    need_not_optional(c, x, t);
    if (t->kind != T_OPTIONAL)
        diag_error(c->diag, e->loc, "'%s' follows a number, but this is %s", ast_unit_word(u),
                   tname(c, t));
    return type_error();
}

static type *check_at(checker *c, expr *e)
{
    expr *p = e->u.at.param;
    type *dt = check(c, e->u.at.date, type_date());
    need_kind(c, e->u.at.date, dt, T_DATE, "the date after 'at'");
    if (p->kind == E_ERROR) {
        return type_error();
    }
    decl *d = p->kind == E_NAME && p->u.name.ref == REF_DECL ? p->u.name.target : NULL;
    if (!d || d->kind != D_PARAMETER || d->u.param.values.len == 0) {
        diag_error(c->diag, p->loc, "'at' reads a parameter with dated values at another date; "
                   "this is not such a parameter");
        check(c, p, NULL);
        return type_error();
    }
    p->type = decl_value_type(d);
    return p->type;
}

/* Checks e; 'expected' only helps to tell apart enum cases that share a name. */
static type *check(checker *c, expr *e, type *expected)
{
    type *t = type_error();
    switch (e->kind) {
    case E_BOOL: t = type_bool(); break;
    case E_INT: t = type_int(); break;
    case E_DECIMAL: t = type_dec(); break;
    case E_MONEY: t = type_money(); break;
    case E_DATE: t = type_date(); break;
    case E_DURATION:
        t = type_duration(e->u.dur.months ? (e->u.dur.days ? DU_MIXED : DU_MONTHS)
                          : e->u.dur.unit == UNIT_MONTHS || e->u.dur.unit == UNIT_YEARS ? DU_MONTHS
                          : DU_DAYS);
        break;
    case E_ERROR: break;
    case E_NAME: t = check_name(c, e, expected); break;
    case E_FIELD: t = check_field(c, e, expected); break;
    case E_CALL: t = check_call(c, e); break;
    case E_UNARY: t = check_unary(c, e); break;
    case E_BINARY: t = check_binary(c, e); break;
    case E_IF: t = check_if(c, e, expected); break;
    case E_MATCH: t = check_match(c, e, expected); break;
    case E_AGGREGATE: t = check_aggregate(c, e); break;
    case E_WITHIN: t = check_within(c, e); break;
    case E_BETWEEN: t = check_between(c, e); break;
    case E_PRESENCE: t = check_presence(c, e); break;
    case E_OTHERWISE: t = check_otherwise(c, e, expected); break;
    case E_ROUNDED: t = check_rounded(c, e); break;
    case E_UNIT: t = check_unit(c, e); break;
    case E_AT: t = check_at(c, e); break;
    }
    e->type = t;
    return t;
}

/* ---- Declarations ---------------------------------------------------------- */

/* A value of type 'got' where 'want' is declared. */
static void need_assignable(checker *c, expr *e, type *got, type *want, const char *what)
{
    need_exact(c, e);
    if (is_err(got) || is_err(want) || type_equal(got, want))
        return;
    if (want->kind == T_DEC && got->kind == T_INT)
        return;
    if (want->kind == T_OPTIONAL && (type_equal(want->elem, got)
                                     || (want->elem->kind == T_DEC && got->kind == T_INT)))
        return;
    if (got->kind == T_OPTIONAL && type_equal(got->elem, want)) {
        need_not_optional(c, e, got);
        return;
    }
    diag_error(c->diag, e->loc, "%s is declared as %s, but this value is %s", what, tname(c, want),
               tname(c, got));
}

static bool is_literal(const expr *e)
{
    switch (e->kind) {
    case E_BOOL: case E_INT: case E_DECIMAL: case E_MONEY: case E_DATE: case E_DURATION:
        return true;
    case E_NAME:
    case E_FIELD:
        return e->u.name.ref == REF_CASE;
    case E_UNARY:
        return e->u.unary.op == U_NEG && is_literal(e->u.unary.operand);
    case E_UNIT:                        /* a number with a unit that did not fold: reported */
        return e->u.unit.subject->kind == E_INT
               || (e->u.unit.subject->kind == E_DECIMAL && e->u.unit.unit != UNIT_PERCENT);
    case E_ERROR:
        return true;
    default:
        return false;
    }
}

static void check_parameter(checker *c, decl *d)
{
    type *t = d->type;
    if (!need_value_type(c, t, d->u.param.type_expr->loc, "a parameter", false))
        t = type_error();               /* reported; its values are not held against it */
    char what[300];
    snprintf(what, sizeof what, "the parameter '%s'", d->name.name);
    if (d->u.param.constant) {
        expr *v = d->u.param.constant;
        need_assignable(c, v, check(c, v, t), t, what);
        if (!is_literal(v))
            diag_error(c->diag, v->loc, "a parameter's value is written out (for example 1 054 kr), "
                       "not computed; use a definition for a computed value");
    }
    dated_value *prev = NULL;
    for (int i = 0; i < d->u.param.values.len; i++) {
        dated_value *dv = NL_AT(d->u.param.values, i);
        need_assignable(c, dv->value, check(c, dv->value, t), t, what);
        if (!is_literal(dv->value))
            diag_error(c->diag, dv->value->loc, "a parameter's value is written out (for example "
                       "1 054 kr), not computed; use a definition for a computed value");
        bool valid = dv->from != AST_DATE_INVALID
                     && (!dv->has_until || dv->until != AST_DATE_INVALID);
        if (!valid)
            continue;                   /* an impossible date, reported */
        if (dv->has_until && dv->until < dv->from)
            diag_error(c->diag, dv->loc, "this period ends before it starts");
        if (prev && dv->from <= prev->from) {
            diag_error(c->diag, dv->loc, "the values of a parameter are listed in date order: "
                       "this one starts no later than the one before it");
        } else if (prev && prev->has_until && dv->from <= prev->until) {
            char until[LOV_DATE_BUFSIZE];
            lov_date_format(prev->until, until);
            diag_error(c->diag, dv->loc, "this period overlaps the one before it, which runs until %s: "
                       "a day can have only one value", until);
        }
        prev = dv;
    }
}

/* The default of an adverse outcome is what happens when no rule harms the
 * citizen: written out, and for yes/no and amounts, no and zero. */
static void check_harmless_default(checker *c, decl *d)
{
    expr *v = d->u.def.default_rule->value;
    if (!is_literal(v) || v->kind == E_ERROR) {
        if (v->kind != E_ERROR)
            diag_error(c->diag, v->loc, "the default of the adverse outcome '%s' is written out: it is "
                       "what happens when no rule harms the citizen (for example 'default 0 kr' or "
                       "'default no')", d->name.name);
        return;
    }
    const char *harmless = NULL;
    if (v->kind == E_BOOL && v->u.b)
        harmless = "no";
    else if (v->kind == E_MONEY && v->u.money != 0)
        harmless = "0 kr";
    else if ((v->kind == E_INT && v->u.i != 0) || (v->kind == E_DECIMAL && v->u.dec.coef != 0))
        harmless = "0";
    else if (v->kind == E_UNARY)
        harmless = d->type->kind == T_MONEY ? "0 kr" : "0";
    if (harmless)
        diag_error(c->diag, v->loc, "the default of the adverse outcome '%s' must not harm the citizen: "
                   "it applies when no rule says otherwise; write 'default %s'", d->name.name, harmless);
}

/* ---- Exceptions that always apply together ---------------------------------- */

typedef struct cond_entry {
    ast_rule *rule;
    uint64_t hash;
} cond_entry;

static int cond_entry_cmp(const void *pa, const void *pb)
{
    const cond_entry *a = pa, *b = pb;
    const ast_rule *pa_ = a->rule->parent_rule, *pb_ = b->rule->parent_rule;
    int ia = pa_ ? pa_->index : -1, ib = pb_ ? pb_->index : -1;
    if (ia != ib)
        return ia < ib ? -1 : 1;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return a->rule->index < b->rule->index ? -1 : a->rule->index > b->rule->index;
}

/* A number written out (maybe negated) as coefficient and decimals, with
 * no trailing zeros: 1, 1.0 and 1.00 are the same. False for others. */
static bool literal_number(const expr *e, int64_t *coef, int32_t *scale)
{
    bool neg = false;
    if (e->kind == E_UNARY && e->u.unary.op == U_NEG) {
        neg = true;
        e = e->u.unary.operand;
    }
    if (e->kind == E_INT) {
        *coef = e->u.i;
        *scale = 0;
    } else if (e->kind == E_DECIMAL) {
        *coef = e->u.dec.coef;
        *scale = e->u.dec.scale;
        while (*scale > 0 && *coef % 10 == 0) {
            *coef /= 10;
            (*scale)--;
        }
    } else
        return false;
    if (neg)
        *coef = -*coef;
    return true;
}

/* Do two values written out stand for the same value? */
static bool same_value(const expr *a, const expr *b)
{
    int64_t ca, cb;
    int32_t sa, sb;
    if (literal_number(a, &ca, &sa) && literal_number(b, &cb, &sb))
        return ca == cb && sa == sb;
    return expr_equal(a, b);
}

/* Two exceptions at the same level with the same condition (as written)
 * and different values written out always apply together, and then
 * conflict. Conditions are grouped by a hash, so that many exceptions cost
 * no more than sorting them; within a group each is compared with the
 * first of each different condition. */
static void check_same_conditions(checker *c, decl *d)
{
    nodelist *rules = &d->u.def.rules;
    cond_entry *es = xmalloc(((size_t)rules->len + 1) * sizeof *es);
    int n = 0;
    for (int i = 0; i < rules->len; i++) {
        ast_rule *r = NL_AT(*rules, i);
        if (r->is_default || !r->cond || (r->cond->kind == E_BOOL && !r->cond->u.b)
            || !is_literal(r->value) || r->value->kind == E_ERROR)
            continue;                   /* never applies, or its value is computed */
        if (r->parent.name && !r->parent_rule)
            continue;                   /* its 'to' is wrong (reported): its level is not known */
        es[n].rule = r;
        es[n].hash = expr_hash(r->cond);
        n++;
    }
    if (n > 1)
        qsort(es, (size_t)n, sizeof *es, cond_entry_cmp);
    ast_rule **firsts = xmalloc(((size_t)n + 1) * sizeof *firsts);
    for (int run = 0; run < n;) {
        int end = run + 1;
        while (end < n && es[end].hash == es[run].hash
               && es[end].rule->parent_rule == es[run].rule->parent_rule)
            end++;
        int nfirsts = 0;
        for (int k = run; k < end; k++) {
            ast_rule *r = es[k].rule, *same = NULL;
            for (int f = 0; f < nfirsts && !same; f++)
                if (expr_equal(firsts[f]->cond, r->cond))
                    same = firsts[f];
            if (!same) {
                firsts[nfirsts++] = r;
                continue;
            }
            if (same_value(same->value, r->value))
                continue;
            diag_error(c->diag, r->label.loc,
                       "the exceptions '%s' and '%s' of '%s' have the same condition and different "
                       "values: they always apply together, and then conflict; make one an exception "
                       "to the other ('exception %s to %s') or change a condition",
                       same->label.name, r->label.name, d->name.name, r->label.name, same->label.name);
            diag_note(c->diag, same->label.loc, "'%s' is here, with the same condition",
                      same->label.name);
        }
        run = end;
    }
    free(firsts);
    free(es);
}

static void check_definition(checker *c, decl *d)
{
    type *t = d->type;
    bool function = d->u.def.has_params;
    char what[300];
    snprintf(what, sizeof what, "'%s'", d->name.name);
    if (!need_value_type(c, t, d->u.def.type_expr->loc,
                         d->kind == D_OUTCOME ? "an outcome" : "a definition", true))
        t = type_error();               /* reported; its values are not held against it */
    if (function)
        for (int i = 0; i < d->u.def.params.len; i++) {
            formal *f = NL_AT(d->u.def.params, i);
            if (f->type->kind == T_LIST)
                diag_error(c->diag, f->type_expr->loc,
                           "a parameter cannot be a list; pass the list's items one at a time");
        }
    for (int i = 0; i < d->u.def.requires.len; i++) {
        requirement *req = NL_AT(d->u.def.requires, i);
        check_bool(c, req->cond, "a prerequisite");
    }
    if (d->u.def.adverse && d->u.def.default_rule)
        check_harmless_default(c, d);
    for (int i = 0; i < d->u.def.rules.len; i++) {
        ast_rule *r = NL_AT(d->u.def.rules, i);
        int n = 0;
        if (r->cond) {
            check_bool(c, r->cond, "the condition after 'when'");
            n = assume(c, r->cond, true);
        }
        need_assignable(c, r->value, check(c, r->value, t), t, what);
        forget(c, n);
    }
    check_same_conditions(c, d);
}

static void check_header(checker *c)
{
    module *m = c->mod;
    if (m->has_in_force && m->has_until && m->in_force_until < m->in_force_from
        && m->in_force_from != AST_DATE_INVALID && m->in_force_until != AST_DATE_INVALID)
        diag_error(c->diag, m->in_force_loc, "the period in force ends before it starts");
    if (m->reference_input && m->reference_input->type
        && m->reference_input->type->kind != T_DATE && !is_err(m->reference_input->type))
        diag_error(c->diag, m->reference_date.loc, "the reference date '%s' must be a date, but it "
                   "is %s", m->reference_date.name, tname(c, m->reference_input->type));
    if (m->reference_date.name)
        return;                         /* named; if it is no date input, that is reported */
    if (m->has_in_force)
        diag_error(c->diag, m->in_force_loc,
                   "a module with a period in force must name the date it decides for: add "
                   "'reference date NAME' to the header, with NAME a date input");
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->kind == D_PARAMETER && d->u.param.values.len > 0) {
            diag_error(c->diag, d->name.loc,
                       "the dated parameter '%s' needs the date it is read for: add 'reference "
                       "date NAME' to the module header, with NAME a date input", d->name.name);
            break;
        }
    }
}

/* An input is a single value (maybe optional), a record, or a list of
 * records or single values. */
static void check_input_type(checker *c, const type *t, src_loc loc)
{
    if (is_value_type(t) || t->kind == T_RECORD)
        return;
    if (t->kind == T_LIST) {
        if (t->elem->kind == T_LIST || t->elem->kind == T_OPTIONAL)
            diag_error(c->diag, loc, "a list holds records or single values, not %s", tname(c, t->elem));
        return;
    }
    if (t->kind == T_OPTIONAL && is_value_type(t->elem))
        return;
    if (t->kind == T_OPTIONAL && t->elem->kind == T_RECORD)
        diag_error(c->diag, loc, "a record input cannot be optional; make the fields that may be absent "
                   "optional instead");
    else if (t->kind == T_OPTIONAL && t->elem->kind == T_LIST)
        diag_error(c->diag, loc, "a list cannot be optional: an empty list says that there is nothing");
    else
        diag_error(c->diag, loc, "an input is a single value (boolean, integer, decimal, money, date, "
                   "duration or an enum, maybe optional), a record, or a list; not %s", tname(c, t));
}

/* Types of declarations, before any expression is checked (any rule may use
 * any declaration, in any order). */
static void type_declarations(checker *c)
{
    module *m = c->mod;
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->kind == D_ENUM || d->kind == D_RECORD)
            d->type = type_named(c->a, d->kind == D_ENUM ? T_ENUM : T_RECORD, d);
    }
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        switch (d->kind) {
        case D_RECORD:
            for (int k = 0; k < d->u.record.fields.len; k++) {
                record_field *f = NL_AT(d->u.record.fields, k);
                f->type = from_texpr(c, f->type_expr);
                need_value_type(c, f->type, f->type_expr->loc, "a field of a record", true);
            }
            break;
        case D_INPUT:
            d->type = from_texpr(c, d->u.input.type_expr);
            check_input_type(c, d->type, d->u.input.type_expr->loc);
            break;
        case D_PARAMETER:
            d->type = from_texpr(c, d->u.param.type_expr);
            break;
        case D_DEFINITION:
        case D_OUTCOME:
            d->type = from_texpr(c, d->u.def.type_expr);
            for (int k = 0; k < d->u.def.params.len; k++) {
                formal *f = NL_AT(d->u.def.params, k);
                f->type = from_texpr(c, f->type_expr);
            }
            break;
        case D_EXTERNAL:
            d->type = from_texpr(c, d->u.external.ret);
            need_value_type(c, d->type, d->u.external.ret->loc, "what an external function gives",
                            false);
            for (int k = 0; k < d->u.external.params.len; k++) {
                formal *f = NL_AT(d->u.external.params, k);
                f->type = from_texpr(c, f->type_expr);
                need_value_type(c, f->type, f->type_expr->loc,
                                "a parameter of an external function", false);
            }
            break;
        default:
            break;
        }
    }
}

void typecheck_module(module *m, diag_ctx *diag)
{
    checker ck = {.mod = m, .diag = diag, .a = &m->arena};
    checker *c = &ck;
    type_declarations(c);
    check_header(c);
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        c->current = d;
        c->present.len = 0;
        switch (d->kind) {
        case D_PARAMETER:
            check_parameter(c, d);
            break;
        case D_DEFINITION:
        case D_OUTCOME:
            check_definition(c, d);
            break;
        case D_ASSERT:
            check_bool(c, d->u.assert_.cond, "an assertion");
            d->type = type_bool();           /* its value, in the generated output */
            break;
        default:
            break;
        }
    }
    pv_free(&c->present);
}

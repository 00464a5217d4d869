/* SPDX-License-Identifier: Apache-2.0 */
/* The typing of expressions: tc_check gives every expression its type, and
 * checks fields, calls of functions and built-ins, operators, if and match,
 * aggregates over lists, within and between, optional values, rounding,
 * units and 'at'. These call one another recursively, so they stay in one
 * file; the rules of arithmetic are in typecheck_arith.c. */
#include "check/typecheck.h"

#include <stdio.h>
#include <stdlib.h>

#include "check/builtins.h"
#include "check/resolve.h"
#include "check/typecheck_internal.h"
#include "check/types.h"

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

type *check_bool(checker *c, expr *e, const char *what)
{
    type *t = tc_check(c, e, type_bool());
    if (!tc_is_err(t) && t->kind != T_BOOL) {
        tc_need_not_optional(c, e, t);
        if (t->kind != T_OPTIONAL)
            diag_error(c->diag, e->loc, "%s must be yes or no (a boolean), but this is %s", what,
                       tc_tname(c, t));
    }
    return t;
}

/* ---- Fields ------------------------------------------------------------- */

static type *check_field(checker *c, expr *e, type *expected)
{
    if (e->u.name.ref == REF_CASE)
        return tc_check_case(c, e, expected);
    if (e->u.name.ref == REF_TYPE) {
        diag_error(c->diag, e->loc, "'%s' is a type, not a value", e->u.name.id.name);
        return type_error();
    }
    if (e->u.name.ref == REF_FUNCTION)
        return type_error();                       /* reported by the resolver */
    type *bt = tc_check(c, e->u.name.base, NULL);
    if (tc_is_err(bt))
        return bt;
    if (bt->kind == T_OPTIONAL) {
        tc_need_not_optional(c, e->u.name.base, bt);
        return type_error();
    }
    if (bt->kind != T_RECORD) {
        diag_error(c->diag, e->u.name.id.loc, "'.%s' reads a field of a record, but this is %s",
                   e->u.name.id.name, tc_tname(c, bt));
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
    return tc_narrow(c, e, f->type ? f->type : type_error());
}

/* ---- Calls ----------------------------------------------------------------- */

static type *check_args(checker *c, expr *e, nodelist *params, const char *name)
{
    nodelist *args = &e->u.call.args;
    if (args->len != params->len) {
        diag_error(c->diag, e->loc, "'%s' takes %d value%s, but %d %s given", name, params->len,
                   params->len == 1 ? "" : "s", args->len, args->len == 1 ? "is" : "are");
        for (int i = 0; i < args->len; i++)
            tc_check(c, NL_AT(*args, i), NULL);
        return type_error();
    }
    for (int i = 0; i < args->len; i++) {
        expr *arg = NL_AT(*args, i);
        formal *f = NL_AT(*params, i);
        type *want = f->type ? f->type : type_error();
        type *got = tc_check(c, arg, want);
        tc_need_exact(c, arg);
        if (tc_is_err(got) || tc_is_err(want) || type_equal(got, want))
            continue;
        if (want->kind == T_DEC && got->kind == T_INT)
            continue;
        if (want->kind == T_OPTIONAL && type_equal(want->elem, got))
            continue;
        diag_error(c->diag, arg->loc, "the parameter '%s' of '%s' is %s, but this is %s",
                   f->name.name, name, tc_tname(c, want), tc_tname(c, got));
    }
    return NULL;
}

static type *need_date_arg(checker *c, expr *arg, const char *fn)
{
    type *t = tc_check(c, arg, type_date());
    if (!tc_is_err(t) && t->kind != T_DATE) {
        tc_need_not_optional(c, arg, t);
        if (t->kind != T_OPTIONAL)
            diag_error(c->diag, arg->loc, "'%s' needs a date, but this is %s", fn, tc_tname(c, t));
    }
    return t;
}

static type *check_builtin(checker *c, expr *e, const builtin *b)
{
    nodelist *args = &e->u.call.args;
    if (args->len != b->nargs) {
        diag_error(c->diag, e->loc, "'%s' takes %d value%s, but %d %s given (%s)", b->name,
                   b->nargs, b->nargs == 1 ? "" : "s", args->len, args->len == 1 ? "is" : "are",
                   b->signature);
        for (int i = 0; i < args->len; i++)
            tc_check(c, NL_AT(*args, i), NULL);
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
        type *tx = tc_check(c, x, NULL), *ty = tc_check(c, y, tx);
        tc_need_exact(c, x);
        tc_need_exact(c, y);
        if (tc_is_err(tx) || tc_is_err(ty))
            return type_error();
        if (type_is_numeric(tx) && type_is_numeric(ty))
            return tx->kind == T_DEC || ty->kind == T_DEC ? type_dec() : type_int();
        if (!type_equal(tx, ty) || !tc_is_ordered(tx)) {
            diag_error(c->diag, e->loc, "'%s' compares two values of the same kind (numbers, "
                       "amounts, dates or durations), not %s and %s", b->name, tc_tname(c, tx),
                       tc_tname(c, ty));
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
        type *t = tc_check(c, x, NULL);
        tc_need_exact(c, x);
        if (!tc_is_err(t) && t->kind != T_INT && t->kind != T_DEC && t->kind != T_MONEY) {
            diag_error(c->diag, x->loc, "'abs' takes a number or an amount, not %s", tc_tname(c, t));
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
            tc_check(c, NL_AT(e->u.call.args, i), NULL);
        return type_error();
    }
    if (callee->u.name.ref == REF_BUILTIN)
        return check_builtin(c, e, callee->u.name.target);
    decl *d = callee->u.name.target;
    nodelist *params = d->kind == D_EXTERNAL ? &d->u.external.params : &d->u.def.params;
    type *bad = check_args(c, e, params, d->name.name);
    return bad ? bad : tc_decl_value_type(d);
}

/* ---- Operators ---------------------------------------------------------- */

static type *check_binary(checker *c, expr *e)
{
    expr *le = e->u.binary.lhs, *re = e->u.binary.rhs;
    binop op = e->u.binary.op;
    if (op == B_AND || op == B_OR || op == B_IMPLIES) {
        check_bool(c, le, "each side of 'and', 'or' and 'implies'");
        int n = tc_assume(c, le, op != B_OR);
        check_bool(c, re, "each side of 'and', 'or' and 'implies'");
        tc_forget(c, n);
        return type_bool();
    }
    /* A bare enum case takes its enum from the other side. */
    bool swap = le->kind == E_NAME && le->u.name.ref == REF_CASE;
    type *l, *r;
    if (swap) {
        r = tc_check(c, re, NULL);
        l = tc_check(c, le, r);
    } else {
        l = tc_check(c, le, NULL);
        r = tc_check(c, re, l);
    }
    if (tc_is_err(l) || tc_is_err(r))
        return op >= B_EQ ? type_bool() : type_error();
    if (op >= B_EQ) {
        tc_need_exact(c, le);
        tc_need_exact(c, re);
        return tc_check_compare(c, e, l, r);
    }
    switch (op) {
    case B_ADD:
    case B_SUB:
        return tc_check_add_sub(c, e, l, r);
    case B_MUL:
        return tc_check_mul(c, e, l, r);
    case B_DIV:
        return tc_check_div(c, e, l, r);
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
    type *t = tc_check(c, x, NULL);
    if (x->inexact == INEXACT_DIVISION)
        tc_need_exact(c, x);
    e->inexact = x->inexact;
    if (tc_is_err(t) || t->kind == T_INT || t->kind == T_DEC || t->kind == T_MONEY
        || t->kind == T_DURATION)
        return t;
    tc_need_not_optional(c, x, t);
    if (t->kind != T_OPTIONAL)
        diag_error(c->diag, e->loc, "'-' applies to numbers, amounts and durations, not to %s",
                   tc_tname(c, t));
    return type_error();
}

/* ---- Other expressions ----------------------------------------------------- */

/* The type of two branches that must agree (if/else, match arms). */
static type *join(checker *c, expr *where, type *a, type *b)
{
    if (tc_is_err(a))
        return b;
    if (tc_is_err(b))
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
               tc_tname(c, b), tc_tname(c, a));
    return type_error();
}

static type *check_if(checker *c, expr *e, type *expected)
{
    check_bool(c, e->u.if_.cond, "the condition of 'if'");
    int n = tc_assume(c, e->u.if_.cond, true);
    type *a = tc_check(c, e->u.if_.then_e, expected);
    tc_forget(c, n);
    n = tc_assume(c, e->u.if_.cond, false);
    type *b = tc_check(c, e->u.if_.else_e, expected);
    tc_forget(c, n);
    tc_need_exact(c, e->u.if_.then_e);
    tc_need_exact(c, e->u.if_.else_e);
    return join(c, e->u.if_.else_e, a, b);
}

static type *check_match(checker *c, expr *e, type *expected)
{
    type *st = tc_check(c, e->u.match.scrutinee, NULL);
    bool ok = !tc_is_err(st);
    if (ok && st->kind != T_ENUM) {
        tc_need_not_optional(c, e->u.match.scrutinee, st);
        if (st->kind != T_OPTIONAL)
            diag_error(c->diag, e->u.match.scrutinee->loc,
                       "'match' chooses by the case of an enum, but this is %s", tc_tname(c, st));
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
        type *t = tc_check(c, arm->body, expected);
        tc_need_exact(c, arm->body);
        result = i == 0 ? t : join(c, arm->body, result, t);
        if (!expected && !tc_is_err(result))
            expected = result;
    }
    if (e->u.match.else_e) {
        type *t = tc_check(c, e->u.match.else_e, expected);
        tc_need_exact(c, e->u.match.else_e);
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
    type *lt = tc_check(c, e->u.aggr.list, NULL);
    type *elem = type_error();
    if (!tc_is_err(lt)) {
        if (lt->kind == T_LIST)
            elem = lt->elem;
        else
            diag_error(c->diag, e->u.aggr.list->loc,
                       "'%s' goes through the items of a list, but this is %s",
                       k == AG_FORALL ? "for all" : k == AG_SUM ? "sum" : k == AG_COUNT ? "count"
                       : k == AG_EXISTS ? "exists" : k == AG_MINIMUM ? "minimum" : "maximum",
                       tc_tname(c, lt));
    }
    if (e->u.aggr.binding)
        e->u.aggr.binding->type = elem;
    int n = 0;
    if (e->u.aggr.filter) {
        check_bool(c, e->u.aggr.filter, "the condition after 'where'");
        n = tc_assume(c, e->u.aggr.filter, true);
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
        type *t = tc_check(c, e->u.aggr.body, NULL);
        tc_need_exact(c, e->u.aggr.body);
        if (tc_is_err(t))
            break;
        if (t->kind == T_INT || t->kind == T_DEC || t->kind == T_MONEY || t->kind == T_DURATION) {
            result = t;
            break;
        }
        tc_need_not_optional(c, e->u.aggr.body, t);
        if (t->kind != T_OPTIONAL)
            diag_error(c->diag, e->u.aggr.body->loc,
                       "'sum' adds up numbers, amounts or durations, not %s", tc_tname(c, t));
        break;
    }
    case AG_MINIMUM:
    case AG_MAXIMUM: {
        type *t = tc_check(c, e->u.aggr.body, NULL);
        tc_need_exact(c, e->u.aggr.body);
        if (tc_is_err(t))
            break;
        if (tc_is_ordered(t)) {
            result = type_optional(c->a, t);      /* absent when nothing is in the list */
            break;
        }
        tc_need_not_optional(c, e->u.aggr.body, t);
        if (t->kind != T_OPTIONAL)
            diag_error(c->diag, e->u.aggr.body->loc,
                       "'%s' needs values with an order (numbers, amounts, dates, durations), not %s",
                       k == AG_MINIMUM ? "minimum" : "maximum", tc_tname(c, t));
        break;
    }
    }
    tc_forget(c, n);
    return result;
}

static type *check_within(checker *c, expr *e)
{
    type *s = tc_check(c, e->u.within.subject, NULL);
    need_kind(c, e->u.within.subject, s, T_DATE, "what 'within' tests");
    type *span = tc_check(c, e->u.within.span, NULL);
    need_kind(c, e->u.within.span, span, T_DURATION, "the length after 'within'");
    type *a = tc_check(c, e->u.within.anchor, NULL);
    need_kind(c, e->u.within.anchor, a, T_DATE,
              e->u.within.after ? "the date after 'after'" : "the date after 'before'");
    tc_need_month_rule(c, e->loc, span);
    return type_bool();
}

static type *check_between(checker *c, expr *e)
{
    type *s = tc_check(c, e->u.between.subject, NULL);
    type *lo = tc_check(c, e->u.between.low, s);
    type *hi = tc_check(c, e->u.between.high, s);
    tc_need_exact(c, e->u.between.subject);
    tc_need_exact(c, e->u.between.low);
    tc_need_exact(c, e->u.between.high);
    if (tc_is_err(s) || tc_is_err(lo) || tc_is_err(hi))
        return type_bool();
    type *parts[3] = {s, lo, hi};
    expr *exprs[3] = {e->u.between.subject, e->u.between.low, e->u.between.high};
    for (int i = 0; i < 3; i++) {
        if (parts[i]->kind == T_OPTIONAL) {
            tc_need_not_optional(c, exprs[i], parts[i]);
            return type_bool();
        }
    }
    bool numeric = type_is_numeric(s) && type_is_numeric(lo) && type_is_numeric(hi);
    if (!numeric && (!tc_is_ordered(s) || !type_equal(s, lo) || !type_equal(s, hi)))
        diag_error(c->diag, e->loc, "'between' needs three values of the same kind with an order "
                   "(numbers, amounts, dates or durations); here they are %s, %s and %s",
                   tc_tname(c, s), tc_tname(c, lo), tc_tname(c, hi));
    return type_bool();
}

static type *check_presence(checker *c, expr *e)
{
    expr *x = e->u.presence.subject;
    type *t = tc_unnarrowed(x, tc_check(c, x, NULL));
    if (!tc_is_err(t) && t->kind != T_OPTIONAL)
        diag_error(c->diag, x->loc, "this is always present (it is %s, not optional); "
                   "'is %s' makes sense only for optional values", tc_tname(c, t),
                   e->u.presence.present ? "present" : "absent");
    return type_bool();
}

static type *check_otherwise(checker *c, expr *e, type *expected)
{
    expr *x = e->u.otherwise.subject;
    type *t = tc_unnarrowed(x, tc_check(c, x, NULL));
    type *inner = t->kind == T_OPTIONAL ? t->elem : t;
    type *f = tc_check(c, e->u.otherwise.fallback, tc_is_err(inner) ? expected : inner);
    tc_need_exact(c, e->u.otherwise.fallback);
    if (tc_is_err(t))
        return f;
    if (t->kind != T_OPTIONAL) {
        diag_error(c->diag, x->loc,
                   "this is always present (it is %s, not optional); 'otherwise' gives a value for "
                   "when an optional value is absent", tc_tname(c, t));
        return t;
    }
    return join(c, e->u.otherwise.fallback, inner, f);
}

static type *check_rounded(checker *c, expr *e)
{
    expr *x = e->u.rounded.subject;
    type *t = tc_check(c, x, NULL);
    e->inexact = EXACT;
    if (tc_is_err(t))
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
                   tc_tname(c, t));
        return type_error();
    }
    if (t->kind == T_DEC)
        return target == RT_DECIMALS ? type_dec() : type_int();
    if (t->kind == T_INT) {
        diag_warning(c->diag, "needless-rounding", e->loc,
                     "this is a whole number already; rounding it changes nothing");
        return type_int();
    }
    tc_need_not_optional(c, x, t);
    if (t->kind != T_OPTIONAL)
        diag_error(c->diag, e->loc, "only numbers and amounts can be rounded, not %s", tc_tname(c, t));
    return type_error();
}

static type *check_unit(checker *c, expr *e)
{
    expr *x = e->u.unit.subject;
    unit_kind u = e->u.unit.unit;
    type *t = tc_check(c, x, NULL);
    if (x->inexact == INEXACT_DIVISION)
        tc_need_exact(c, x);
    if (tc_is_err(t))
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
    tc_need_not_optional(c, x, t);
    if (t->kind != T_OPTIONAL)
        diag_error(c->diag, e->loc, "'%s' follows a number, but this is %s", ast_unit_word(u),
                   tc_tname(c, t));
    return type_error();
}

static type *check_at(checker *c, expr *e)
{
    expr *p = e->u.at.param;
    type *dt = tc_check(c, e->u.at.date, type_date());
    need_kind(c, e->u.at.date, dt, T_DATE, "the date after 'at'");
    if (p->kind == E_ERROR) {
        return type_error();
    }
    decl *d = p->kind == E_NAME && p->u.name.ref == REF_DECL ? p->u.name.target : NULL;
    if (!d || d->kind != D_PARAMETER || d->u.param.values.len == 0) {
        diag_error(c->diag, p->loc, "'at' reads a parameter with dated values at another date; "
                   "this is not such a parameter");
        tc_check(c, p, NULL);
        return type_error();
    }
    p->type = tc_decl_value_type(d);
    return p->type;
}

/* Checks e; 'expected' only helps to tell apart enum cases that share a name. */
type *tc_check(checker *c, expr *e, type *expected)
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
    case E_NAME: t = tc_check_name(c, e, expected); break;
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

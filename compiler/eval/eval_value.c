/* SPDX-License-Identifier: Apache-2.0 */
/* Values: reading and writing cells, conversions (a whole number as a
 * decimal, a value as an optional one), equality and order, and the 'why'
 * of a value (the facts found missing and the first reason). */
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"

/* ---- Cells ---- */

static size_t value_at(type_kind k)
{
    switch (k) {
    case T_BOOL: return offsetof(lov_opt_bool, value);
    case T_INT: return offsetof(lov_opt_int, value);
    case T_DEC: return offsetof(lov_opt_decimal, value);
    case T_MONEY: return offsetof(lov_opt_money, value);
    case T_DATE: return offsetof(lov_opt_date, value);
    case T_DURATION: return offsetof(lov_opt_duration, value);
    default: return offsetof(lov_opt_enum, value);
    }
}

static lov_value load_raw(const char *p, type_kind k)
{
    lov_value v;
    memset(&v, 0, sizeof v);
    switch (k) {
    case T_BOOL: memcpy(&v.b, p, sizeof v.b); break;
    case T_INT: memcpy(&v.i, p, sizeof v.i); break;
    case T_DEC: memcpy(&v.dec, p, sizeof v.dec); break;
    case T_MONEY: memcpy(&v.money, p, sizeof v.money); break;
    case T_DATE: memcpy(&v.date, p, sizeof v.date); break;
    case T_DURATION: memcpy(&v.dur, p, sizeof v.dur); break;
    default: {
        int x;
        memcpy(&x, p, sizeof x);
        v.enum_case = x;
        break;
    }
    }
    return v;
}

static void store_raw(char *p, type_kind k, lov_value v)
{
    switch (k) {
    case T_BOOL: memcpy(p, &v.b, sizeof v.b); break;
    case T_INT: memcpy(p, &v.i, sizeof v.i); break;
    case T_DEC: memcpy(p, &v.dec, sizeof v.dec); break;
    case T_MONEY: memcpy(p, &v.money, sizeof v.money); break;
    case T_DATE: memcpy(p, &v.date, sizeof v.date); break;
    case T_DURATION: memcpy(p, &v.dur, sizeof v.dur); break;
    default: {
        int x = v.enum_case;
        memcpy(p, &x, sizeof x);
        break;
    }
    }
}

ev_val ev_cell_load(const char *p, const type *t)
{
    ev_val r = {true, {.i = 0}, NULL};
    if (t->kind == T_RECORD) {
        r.rec = p;
        return r;
    }
    if (t->kind == T_OPTIONAL) {
        memcpy(&r.present, p, sizeof r.present);
        r.v = load_raw(p + value_at(t->elem->kind), t->elem->kind);
        return r;
    }
    r.v = load_raw(p, t->kind);
    return r;
}

void ev_cell_store(char *p, const type *t, ev_val v)
{
    if (t->kind == T_OPTIONAL) {
        memcpy(p, &v.present, sizeof v.present);
        store_raw(p + value_at(t->elem->kind), t->elem->kind, v.v);
        return;
    }
    store_raw(p, t->kind, v.v);
}

ev_val ev_scalar(lov_value v)
{
    ev_val r = {true, v, NULL};
    return r;
}

ev_val ev_zero(const type *t)
{
    ev_val r = {t->kind != T_OPTIONAL, {.i = 0}, NULL};
    memset(&r.v, 0, sizeof r.v);
    return r;
}

/* ---- Conversions and comparisons ---- */

ev_val ev_convert(ev_val x, const type *from, const type *to)
{
    if (!from || !to)
        return x;
    const type *f = from->kind == T_OPTIONAL ? from->elem : from;
    const type *t = to->kind == T_OPTIONAL ? to->elem : to;
    if (t->kind == T_DEC && f->kind == T_INT)
        x.v.dec = lov_dec_from_int(x.v.i);
    if (to->kind == T_OPTIONAL && from->kind != T_OPTIONAL)
        x.present = true;
    return x;
}

const type *ev_common(const type *a, const type *b)
{
    if (type_is_numeric(a) && type_is_numeric(b))
        return a->kind == T_DEC || b->kind == T_DEC ? type_dec() : type_int();
    if (a->kind == T_OPTIONAL && b->kind != T_OPTIONAL)
        return ev_common(a->elem, b);
    if (b->kind == T_OPTIONAL && a->kind != T_OPTIONAL)
        return ev_common(a, b->elem);
    return a;
}

static bool same(lov_value a, lov_value b, type_kind k)
{
    switch (k) {
    case T_BOOL: return a.b == b.b;
    case T_DEC: return lov_dec_cmp(a.dec, b.dec) == 0;
    case T_DURATION: return lov_duration_eq(a.dur, b.dur);
    case T_DATE: return a.date == b.date;
    case T_ENUM: return a.enum_case == b.enum_case;
    default: return a.i == b.i;          /* integer, money */
    }
}

bool ev_equal(ev_val a, ev_val b, const type *t)
{
    if (t->kind == T_OPTIONAL)
        return a.present == b.present && (!a.present || same(a.v, b.v, t->elem->kind));
    return same(a.v, b.v, t->kind);
}

lov_status ev_relation(ev_val a, ev_val b, const type *t, int rel, bool *result)
{
    int c;
    switch (t->kind) {
    case T_DEC:
        c = lov_dec_cmp(a.v.dec, b.v.dec);
        break;
    case T_DURATION: {
        lov_status st = lov_duration_cmp(a.v.dur, b.v.dur, &c);
        if (st != LOV_OK)
            return st;
        break;
    }
    case T_DATE:
        c = (a.v.date > b.v.date) - (a.v.date < b.v.date);
        break;
    case T_ENUM:
        c = (a.v.enum_case > b.v.enum_case) - (a.v.enum_case < b.v.enum_case);
        break;
    case T_BOOL:
        c = (a.v.b > b.v.b) - (a.v.b < b.v.b);
        break;
    default:
        c = (a.v.i > b.v.i) - (a.v.i < b.v.i);
        break;
    }
    *result = rel == -2 ? c < 0 : rel == -1 ? c <= 0 : rel == 1 ? c >= 0 : c > 0;
    return LOV_OK;
}

lov_value ev_trace_value(ev_val v, const type *t)
{
    lov_value r;
    memset(&r, 0, sizeof r);
    const type *bt = t->kind == T_OPTIONAL ? t->elem : t;
    switch (bt->kind) {
    case T_BOOL: r.b = v.v.b; break;
    case T_DEC: r.dec = v.v.dec; break;
    case T_DATE: r.date = v.v.date; break;
    case T_DURATION: r.dur = v.v.dur; break;
    case T_ENUM: r.enum_case = v.v.enum_case; break;
    default: r.i = v.v.i; break;
    }
    return r;
}

/* ---- Statuses ---- */

lov_status ev_worse(lov_status a, lov_status b)
{
    static const int rank[] = {0, 2, 1, 3, 4, 5};    /* ok, not applicable, undetermined, ... */
    return rank[b] > rank[a] ? b : a;
}

/* ---- The why of a value ---- */

void ev_why_note(ev_why *w, lov_reason reason, int input, int provision, int other)
{
    if (w->info.reason != LOV_REASON_NONE)
        return;
    w->info.reason = (uint32_t)reason;
    w->info.input = input;
    w->info.provision = provision;
    w->info.other_provision = other;
}

void ev_why_missing(ev_why *w, int input)
{
    if (w->len == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 8;
        w->missing = xrealloc(w->missing, w->cap * sizeof *w->missing);
    }
    w->missing[w->len++] = input;
}

ev_why_mark ev_why_save(const ev_why *w)
{
    ev_why_mark m = {w->len, w->info};
    return m;
}

void ev_why_restore(ev_why *w, ev_why_mark m)
{
    w->len = m.len;
    w->info = m.info;
}

void ev_why_clear(ev_why *w)
{
    w->len = 0;
    w->info.reason = LOV_REASON_NONE;
    w->info.input = w->info.provision = w->info.other_provision = -1;
}

void ev_why_merge(ev_why *to, const ev_why *from)
{
    for (size_t i = 0; i < from->len; i++)
        ev_why_missing(to, from->missing[i]);
    if (to->info.reason == LOV_REASON_NONE)
        to->info = from->info;
}

void ev_why_copy(ev_why *to, const ev_why *from)
{
    to->len = 0;
    for (size_t i = 0; i < from->len; i++)
        ev_why_missing(to, from->missing[i]);
    to->info = from->info;
}

void ev_why_free(ev_why *w)
{
    free(w->missing);
    memset(w, 0, sizeof *w);
}

/* ---- Values written out ---- */

ev_val ev_literal(const expr *x, const type *t)
{
    bool neg = x->kind == E_UNARY && x->u.unary.op == U_NEG;
    if (neg)
        x = x->u.unary.operand;
    ev_val r = ev_zero(t);
    r.present = true;
    switch (x->kind) {
    case E_BOOL: r.v.b = x->u.b; break;
    case E_INT: r.v.i = neg ? -x->u.i : x->u.i; break;
    case E_MONEY: r.v.money = neg ? -x->u.money : x->u.money; break;
    case E_DATE: r.v.date = x->u.date; break;
    case E_DECIMAL: r.v.dec = (lov_decimal){neg ? -x->u.dec.coef : x->u.dec.coef, x->u.dec.scale}; break;
    case E_DURATION:
        r.v.dur = (lov_duration){neg ? -x->u.dur.months : x->u.dur.months, neg ? -x->u.dur.days : x->u.dur.days};
        break;
    case E_NAME:
    case E_FIELD:
        if (x->u.name.ref == REF_CASE)
            r.v.enum_case = ((enum_case *)x->u.name.target)->index;
        break;
    default:
        break;
    }
    if (t->kind == T_DEC && x->type && x->type->kind == T_INT)
        r.v.dec = lov_dec_from_int(r.v.i);
    return r;
}

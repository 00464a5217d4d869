/* SPDX-License-Identifier: Apache-2.0 */
/* The inputs as variables: a scalar or optional input is a constant, a
 * record field by field, a list up to the bound (with its length), each in
 * the range its type allows (and a tester's range for the example); and the
 * record inputs and list items that names and fields stand for. */
#include "prove/smt_internal.h"

#include <stdint.h>
#include <string.h>

#include "core/lov.h"
#include "support/util.h"

/* ---- Inputs --------------------------------------------------------------- */

Z3_ast smt_range(smt *s, Z3_ast v, const type *t)
{
    if (t->kind == T_ENUM)
        return smt_and(s, smt_le(s, smt_int(s, 0), v), smt_lt(s, v, smt_int(s, t->decl->u.enum_.cases.len)));
    if (t->kind == T_DATE)
        return smt_and(s, smt_le(s, smt_int(s, LOV_DATE_MIN), v), smt_le(s, v, smt_int(s, LOV_DATE_MAX)));
    return smt_true(s);
}

/* Values a tester would recognise (dates of this century, amounts and
 * counts that are not huge): an example case keeps to them where it can. */
static void nice_range(smt *s, Z3_ast v, Z3_ast days, const type *t)
{
    int64_t lo, hi;
    switch (t->kind) {
    case T_DATE: {
        lov_date from = 0, until = 0;
        lov_date_from_ymd(2000, 1, 1, &from);
        lov_date_from_ymd(2030, 12, 31, &until);
        lo = from;
        hi = until;
        break;
    }
    case T_INT: lo = 0; hi = 10000; break;
    case T_MONEY: lo = 0; hi = INT64_C(100000000); break;
    case T_DURATION: lo = 0; hi = 24; break;
    default: return;
    }
    Z3_ast in = smt_and(s, smt_le(s, smt_int(s, lo), v), smt_le(s, v, smt_int(s, hi)));
    if (days)
        in = smt_and(s, in, smt_and(s, smt_le(s, smt_int(s, 0), days), smt_le(s, days, smt_int(s, 400))));
    pv_push(&s->side, Z3_mk_implies(s->ctx, s->nice, in));
}

static Z3_ast scalar_var(smt *s, const char *name, const type *t, Z3_ast *present, Z3_ast *days)
{
    const type *inner = t->kind == T_OPTIONAL ? t->elem : t;
    Z3_ast v = smt_fresh(s, name, smt_sort_of(s, inner));
    Z3_ast in_range = smt_range(s, v, inner);
    if (t->kind == T_OPTIONAL) {
        *present = smt_fresh(s, name, s->bool_sort);
        in_range = Z3_mk_implies(s->ctx, *present, in_range);
    }
    if (inner->kind == T_DURATION)
        *days = smt_fresh(s, name, s->int_sort);
    pv_push(&s->side, in_range);
    nice_range(s, v, inner->kind == T_DURATION ? *days : NULL, inner);
    return v;
}

/* An input's 'at least' and 'at most': the compiled rules refuse a fact
 * outside them as invalid input, so no case the prover considers has one. */
static void assume_bounds(smt *s, const decl *d, const input_terms *in)
{
    const input_bound *bounds[2] = {&d->u.input.low, &d->u.input.high};
    const type *t = d->type->kind == T_OPTIONAL ? d->type->elem : d->type;
    for (int k = 0; k < 2; k++) {
        const input_bound *b = bounds[k];
        if (!b->set)
            continue;
        bool low = k == 0;
        Z3_ast v = in->value.v, c;
        if (t->kind == T_DURATION) {        /* in the bound's own unit; the other is none */
            bool months = b->months != 0;
            Z3_ast count = months ? v : in->value.days, other = months ? in->value.days : v;
            Z3_ast edge = smt_int(s, months ? b->months : b->days);
            c = smt_and(s, smt_eq(s, other, smt_int(s, 0)), low ? smt_le(s, edge, count) : smt_le(s, count, edge));
        } else {
            Z3_ast edge = t->kind == T_DEC ? smt_real(s, b->coef, b->scale) : smt_int(s, b->coef);
            if (t->kind == T_DEC)
                v = smt_to_real(s, v);
            c = low ? smt_le(s, edge, v) : smt_le(s, v, edge);
        }
        pv_push(&s->side, in->value.present ? Z3_mk_implies(s->ctx, in->value.present, c) : c);
    }
}

bool smt_same_shape(const struct type *a, const struct type *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case T_LIST:
    case T_OPTIONAL:
        return smt_same_shape(a->elem, b->elem);
    case T_ENUM: {
        const nodelist *ca = &a->decl->u.enum_.cases, *cb = &b->decl->u.enum_.cases;
        if (ca->len != cb->len)
            return false;
        for (int i = 0; i < ca->len; i++)
            if (strcmp(((enum_case *)NL_AT(*ca, i))->name.name, ((enum_case *)NL_AT(*cb, i))->name.name) != 0)
                return false;
        return true;
    }
    case T_RECORD: {
        const nodelist *fa = &a->decl->u.record.fields, *fb = &b->decl->u.record.fields;
        if (fa->len != fb->len)
            return false;
        for (int i = 0; i < fa->len; i++) {
            const record_field *x = NL_AT(*fa, i), *y = NL_AT(*fb, i);
            if (strcmp(x->name.name, y->name.name) != 0 || !smt_same_shape(x->type, y->type))
                return false;
        }
        return true;
    }
    default:
        return true;
    }
}

/* The peer's input of the same name and shape, whose terms s shares. */
static input_terms *peer_input(const smt *s, const decl *d)
{
    if (!s->peer)
        return NULL;
    for (int k = 0; k < s->peer->ninputs; k++) {
        input_terms *in = &s->peer->inputs[k];
        if (strcmp(in->d->name.name, d->name.name) == 0)
            return smt_same_shape(in->d->type, d->type) ? in : NULL;
    }
    return NULL;
}

void smt_make_inputs(smt *s)
{
    module *m = s->mod;
    for (int i = 0; i < m->decls.len; i++)
        if (((decl *)NL_AT(m->decls, i))->kind == D_INPUT)
            s->ninputs++;
    s->inputs = xcalloc((size_t)s->ninputs + 1, sizeof *s->inputs);
    int k = 0;
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->kind != D_INPUT)
            continue;
        input_terms *in = &s->inputs[k];
        d->slot = k++;
        in->d = d;
        const type *t = d->type;
        const char *name = d->name.name;
        input_terms *same = peer_input(s, d);
        if (same) {                         /* the peer's variables, within this side's bounds too */
            *in = *same;
            in->d = d;
            in->shared = in->in_both = same->in_both = true;
            if (!in->fields)
                assume_bounds(s, d, in);
            continue;
        }
        if (t->kind == T_LIST || t->kind == T_RECORD) {
            int n = t->kind == T_LIST ? s->bound : 1;
            const type *elem = t->kind == T_LIST ? t->elem : t;
            int nfields = elem->kind == T_RECORD ? elem->decl->u.record.fields.len : 1;
            in->fields = xcalloc((size_t)n, sizeof *in->fields);
            in->field_present = xcalloc((size_t)n, sizeof *in->field_present);
            in->field_days = xcalloc((size_t)n, sizeof *in->field_days);
            for (int e = 0; e < n; e++) {
                in->fields[e] = xcalloc((size_t)nfields, sizeof **in->fields);
                in->field_present[e] = xcalloc((size_t)nfields, sizeof **in->field_present);
                in->field_days[e] = xcalloc((size_t)nfields, sizeof **in->field_days);
                for (int f = 0; f < nfields; f++) {
                    const type *ft = elem->kind == T_RECORD
                                         ? ((record_field *)NL_AT(elem->decl->u.record.fields, f))->type
                                         : elem;
                    in->fields[e][f] = scalar_var(s, name, ft, &in->field_present[e][f], &in->field_days[e][f]);
                }
            }
            if (t->kind == T_LIST) {
                in->len = smt_fresh(s, name, s->int_sort);
                pv_push(&s->side, smt_and(s, smt_le(s, smt_int(s, 0), in->len),
                                          smt_le(s, in->len, smt_int(s, s->bound))));
                pv_push(&s->side, Z3_mk_implies(s->ctx, s->short_lists, smt_le(s, in->len, smt_int(s, 1))));
            }
            continue;
        }
        in->value.ok = smt_true(s);
        in->value.v = scalar_var(s, name, t, &in->value.present, &in->value.days);
        assume_bounds(s, d, in);
    }
}

/* ---- Names --------------------------------------------------------------- */

const env *smt_lookup(const env *en, const void *key)
{
    for (; en; en = en->next)
        if (en->key == key)
            return en;
    return NULL;
}

/* The record a name or parameter stands for. */
rec_ref smt_record_of(smt *s, const expr *e, const env *en)
{
    rec_ref none = {NULL, 0};
    if (e->kind != E_NAME)
        return none;
    if (e->u.name.ref == REF_DECL && ((decl *)e->u.name.target)->kind == D_INPUT) {
        rec_ref r = {&s->inputs[((decl *)e->u.name.target)->slot], 0};
        return r;
    }
    const env *b = smt_lookup(en, e->u.name.target);
    return b ? b->rec : none;
}

sv smt_encode_field(smt *s, const expr *e, const env *en)
{
    if (e->u.name.ref == REF_CASE)
        return smt_known(s, smt_int(s, ((enum_case *)e->u.name.target)->index));
    rec_ref r = smt_record_of(s, e->u.name.base, en);
    if (!r.in)
        return smt_unsupported(s, e->type, "a field of a record that is not an input");
    int f = e->u.name.field_index;
    sv v = smt_known(s, r.in->fields[r.index][f]);
    v.days = r.in->field_days[r.index][f];
    if (!e->u.name.narrowed && r.in->field_present[r.index][f])
        v.present = r.in->field_present[r.index][f];
    return v;
}

/* ---- Event dates ---------------------------------------------------------- */

static bool is_event(const texpr *t)
{
    date_kind kind;
    return ast_fact_date_kind(t, &kind) && kind == DATE_EVENT;
}

static void event_before_reference(smt *s, Z3_ast v, Z3_ast present)
{
    Z3_ast before = smt_le(s, v, s->reference);
    pv_push(&s->side, present ? Z3_mk_implies(s->ctx, present, before) : before);
}

void smt_events_before_reference(smt *s)
{
    for (int k = 0; k < s->ninputs; k++) {
        input_terms *in = &s->inputs[k];
        const type *t = in->d->type;
        if (!in->fields) {
            if (is_event(in->d->u.input.type_expr))
                event_before_reference(s, in->value.v, in->value.present);
            continue;
        }
        const type *elem = t->kind == T_LIST ? t->elem : t;
        if (elem->kind != T_RECORD)
            continue;
        int n = t->kind == T_LIST ? s->bound : 1;
        for (int f = 0; f < elem->decl->u.record.fields.len; f++) {
            record_field *field = NL_AT(elem->decl->u.record.fields, f);
            if (!is_event(field->type_expr))
                continue;
            for (int e = 0; e < n; e++)
                event_before_reference(s, in->fields[e][f], in->field_present[e][f]);
        }
    }
}

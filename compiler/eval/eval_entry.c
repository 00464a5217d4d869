/* SPDX-License-Identifier: Apache-2.0 */
/* One evaluation: the facts must be values of their types, the reference
 * date must be known and in force, events must lie on or before it; then
 * every definition and outcome is worked out in evaluation order, each with
 * its status, its trace and what it lacked; the decision's status is the
 * worst of the outcomes' (or, in rules without outcomes, the definitions'). */
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"

/* ---- Validation ---- */

static bool invalid_value(const char *p, const type *t)
{
    ev_val v = ev_cell_load(p, t);
    const type *bt = t->kind == T_OPTIONAL ? t->elem : t;
    if (t->kind == T_OPTIONAL && !v.present)
        return false;
    switch (bt->kind) {
    case T_ENUM: return v.v.enum_case < 0 || v.v.enum_case >= bt->decl->u.enum_.cases.len;
    case T_DATE: return !lov_date_valid(v.v.date);
    case T_DEC: return !lov_dec_valid(v.v.dec);
    default: return false;
    }
}

static bool invalid_record(const char *rec, const decl *r)
{
    for (int k = 0; k < r->u.record.fields.len; k++) {
        record_field *f = NL_AT(r->u.record.fields, k);
        if (invalid_value(rec + ev_field_offset(k), f->type))
            return true;
    }
    return false;
}

/* Whether the input's fact lies outside its 'at least' or 'at most' (the
 * language reference: such a fact is invalid input). */
static bool outside_bounds(const char *p, const decl *d)
{
    const type *t = d->type;
    ev_val v = ev_cell_load(p, t);
    if (t->kind == T_OPTIONAL && !v.present)
        return false;
    const type *bt = t->kind == T_OPTIONAL ? t->elem : t;
    const input_bound *bounds[2] = {&d->u.input.low, &d->u.input.high};
    for (int k = 0; k < 2; k++) {
        const input_bound *b = bounds[k];
        if (!b->set)
            continue;
        bool below = k == 0;
        int cmp;
        switch (bt->kind) {
        case T_DEC: cmp = lov_dec_cmp(v.v.dec, (lov_decimal){b->coef, b->scale}); break;
        case T_DURATION:
            if (lov_duration_outside(v.v.dur, (lov_duration){b->months, b->days}, below))
                return true;
            continue;
        case T_MONEY: cmp = v.v.money < b->coef ? -1 : v.v.money > b->coef; break;
        default: cmp = v.v.i < b->coef ? -1 : v.v.i > b->coef; break;
        }
        if (below ? cmp < 0 : cmp > 0)
            return true;
    }
    return false;
}

static bool known(const ev_ctx *c, size_t i)
{
    bool k;
    memcpy(&k, c->in + c->e->known_off[i], sizeof k);
    return k;
}

static void list_of(const ev_ctx *c, size_t i, const char **items, size_t *count)
{
    memcpy(items, c->in + c->e->in_off[i], sizeof *items);
    memcpy(count, c->in + c->e->in_off[i] + 8, sizeof *count);
}

static lov_status invalid_input(ev_ctx *c, int input)
{
    ev_why_note(&c->why, LOV_REASON_INVALID_INPUT, input, -1, -1);
    return LOV_INVALID_INPUT;
}

/* Enum cases that exist, dates in 0001..9999, exact decimals, lists with
 * their items. */
static lov_status validate(ev_ctx *c)
{
    const ev_engine *e = c->e;
    for (size_t i = 0; i < e->inputs.len; i++) {
        decl *d = e->inputs.items[i];
        const type *t = d->type;
        if (!known(c, i))
            continue;
        if (t->kind == T_LIST) {
            const char *items;
            size_t count;
            list_of(c, i, &items, &count);
            if (count > 0 && items == NULL)
                return invalid_input(c, (int)i);
            size_t size = ev_item_size(t->elem);
            for (size_t k = 0; k < count; k++) {
                const char *p = items + k * size;
                if (t->elem->kind == T_RECORD ? invalid_record(p, t->elem->decl) : invalid_value(p, t->elem))
                    return invalid_input(c, (int)i);
            }
        } else if (t->kind == T_RECORD) {
            if (invalid_record(c->in + e->in_off[i], t->decl))
                return invalid_input(c, (int)i);
        } else if (invalid_value(c->in + e->in_off[i], t) || outside_bounds(c->in + e->in_off[i], d)) {
            return invalid_input(c, (int)i);
        }
    }
    return LOV_OK;
}

static bool is_event(const texpr *t)
{
    date_kind kind;
    return t && ast_fact_date_kind(t, &kind) && kind == DATE_EVENT;
}

static bool event_after(const ev_ctx *c, const char *p, const type *t)
{
    ev_val v = ev_cell_load(p, t);
    return (t->kind != T_OPTIONAL || v.present) && v.v.date > c->reference_date;
}

static bool record_event_after(const ev_ctx *c, const char *rec, const decl *r)
{
    for (int k = 0; k < r->u.record.fields.len; k++) {
        record_field *f = NL_AT(r->u.record.fields, k);
        if (is_event(f->type_expr) && event_after(c, rec + ev_field_offset(k), f->type))
            return true;
    }
    return false;
}

/* An event (an 'event date' fact) after the reference date cannot have
 * been registered: invalid input. */
static lov_status validate_events(ev_ctx *c)
{
    const ev_engine *e = c->e;
    for (size_t i = 0; i < e->inputs.len; i++) {
        decl *d = e->inputs.items[i];
        const type *t = d->type;
        if (!known(c, i))
            continue;
        if (t->kind == T_LIST && t->elem->kind == T_RECORD) {
            const char *items;
            size_t count;
            list_of(c, i, &items, &count);
            size_t size = ev_item_size(t->elem);
            for (size_t k = 0; k < count; k++)
                if (record_event_after(c, items + k * size, t->elem->decl))
                    return invalid_input(c, (int)i);
        } else if (t->kind == T_RECORD) {
            if (record_event_after(c, c->in + e->in_off[i], t->decl))
                return invalid_input(c, (int)i);
        } else if (t->kind != T_LIST && is_event(d->u.input.type_expr)
                   && event_after(c, c->in + e->in_off[i], t)) {
            return invalid_input(c, (int)i);
        }
    }
    return LOV_OK;
}

/* ---- Definitions and outcomes ---- */

/* The prerequisites of an adverse outcome: when the rules give it a value
 * other than its default, each must hold, or the outcome keeps its default
 * and is held back. One that cannot be worked out holds it back too, and
 * then, unless another is known not to hold, the outcome is undetermined. */
static lov_status requirements(ev_ctx *c, decl *d, int slot, ev_val *result)
{
    ev_val dflt;
    lov_status st = ev_expr(c, d->u.def.default_rule->value, &dflt);
    if (st != LOV_OK)
        return st;
    dflt = ev_convert(dflt, d->u.def.default_rule->value->type, d->type);
    if (ev_equal(*result, dflt, d->type))
        return LOV_OK;
    uint32_t held = 0;
    bool refused = false;
    lov_status unknown = LOV_OK;
    ev_why_mark saved = ev_why_save(&c->why);
    for (int i = 0; i < d->u.def.requires.len; i++) {
        requirement *req = NL_AT(d->u.def.requires, i);
        ev_val v;
        lov_status rs = ev_expr(c, req->cond, &v);
        if (rs != LOV_OK) {
            ev_note_step(c, d, req, LOV_TRACE_FAILED, rs);
            unknown = ev_worse(unknown, rs);
            held |= UINT32_C(1) << i;
            continue;
        }
        ev_note_step(c, d, req, v.v.b ? LOV_TRACE_MET : LOV_TRACE_NOT_MET, LOV_OK);
        if (!v.v.b) {
            held |= UINT32_C(1) << i;
            refused = true;
        }
    }
    memcpy(c->out + c->e->held_off[slot], &held, sizeof held);
    if (held != 0)
        *result = dflt;
    if (unknown != LOV_OK && !refused)
        return unknown;
    ev_why_restore(&c->why, saved);      /* held back for certain: what was unknown does not matter */
    return LOV_OK;
}

static lov_status ev_definition(ev_ctx *c, decl *d, ev_val *result)
{
    decl *saved = c->owner;
    c->owner = d;
    lov_status st;
    *result = ev_zero(d->type);
    if (d->kind == D_ASSERT) {
        st = ev_expr(c, d->u.assert_.cond, result);
    } else {
        st = ev_rule_node(c, d, NULL, result);
        if (st == LOV_OK && d->u.def.adverse && d->u.def.requires.len > 0)
            st = requirements(c, d, ev_map_get(&c->e->slot, d), result);
    }
    c->owner = saved;
    return st;
}

/* ---- Evaluation ---- */

static bool decides(const ev_engine *e, const decl *d)
{
    return d->kind == D_OUTCOME || (!e->any_outcome && d->kind == D_DEFINITION);
}

/* The value an adverse outcome keeps when it cannot be worked out: its
 * default, never a harm on an unsure result. */
static ev_val adverse_default(const decl *d)
{
    expr *v = d->u.def.default_rule->value;
    ev_val r = ev_zero(d->type);
    if (v->kind == E_MONEY)
        r.v.money = v->u.money;
    else if (v->kind == E_BOOL)
        r.v.b = v->u.b;
    else if (v->kind == E_INT)
        r.v.i = v->u.i;
    return r;
}

static void write_marks(ev_ctx *c, int first, int count)
{
    for (int i = first; i < first + count; i++)
        if (c->marks[i])
            ev_trace_add(c, i, (lov_trace_event)((c->marks[i] & 15) - 1), (lov_status)(c->marks[i] >> 4), false,
                         (lov_value){.i = 0});
}

static void evaluate_all(ev_ctx *c)
{
    const ev_engine *e = c->e;
    for (size_t i = 0; i < e->order.len; i++) {
        decl *d = e->order.items[i];
        int slot = ev_map_get(&e->slot, d);
        int prov = ev_map_get(&e->prov, d);
        ev_val v;
        lov_status st = ev_definition(c, d, &v);
        if (st != LOV_OK) {
            v = ev_zero(d->type);
            if (st == LOV_OVERFLOW)
                ev_why_note(&c->why, LOV_REASON_ARITHMETIC, -1, prov, -1);
            else if (st == LOV_INVALID_INPUT)
                ev_why_note(&c->why, LOV_REASON_INVALID_INPUT, -1, prov, -1);
            if (d->kind != D_ASSERT && d->u.def.adverse && d->u.def.default_rule)
                v = adverse_default(d);
        }
        c->values[slot] = v;
        c->statuses[slot] = st;
        ev_cell_store(c->out + e->out_off[slot], d->type, v);
        memcpy(c->out + e->status_off[slot], &st, sizeof st);
        ev_why_copy(&c->why_of[slot], &c->why);
        ev_why_clear(&c->why);
        if (!c->trace)
            continue;
        int steps = 0;
        if (d->kind != D_ASSERT) {
            ev_trace_constants(c, d);
            steps = d->u.def.requires.len;
            for (int k = 0; k < d->u.def.rules.len; k++)
                steps += !((ast_rule *)NL_AT(d->u.def.rules, k))->is_default;
        }
        write_marks(c, prov + 1, steps);
        ev_trace_add(c, prov, st == LOV_OK ? LOV_TRACE_VALUE : LOV_TRACE_FAILED, st,
                     d->type->kind == T_OPTIONAL ? v.present : true, ev_trace_value(v, d->type));
    }
}

static void set_all_statuses(ev_ctx *c, lov_status st)
{
    for (size_t k = 0; k < c->e->outputs.len; k++)
        memcpy(c->out + c->e->status_off[k], &st, sizeof st);
}

static void write_info(ev_ctx *c, const lov_result_info *info)
{
    memcpy(c->out + c->e->info_off, info, sizeof *info);
}

static void set_missing(ev_ctx *c, const ev_why *w)
{
    for (size_t i = 0; i < w->len; i++) {
        int input = w->missing[i];
        uint64_t word;
        char *p = c->out + c->e->missing_off + (size_t)(input / 64) * 8;
        memcpy(&word, p, sizeof word);
        word |= UINT64_C(1) << (input % 64);
        memcpy(p, &word, sizeof word);
    }
}

static lov_status run(ev_ctx *c)
{
    const ev_engine *e = c->e;
    module *m = e->mod;
    lov_status st = validate(c);
    if (st != LOV_OK) {
        set_all_statuses(c, st);
        write_info(c, &c->why.info);
        return st;
    }
    if (m->reference_input) {
        int ref = ev_map_get(&e->slot, m->reference_input);
        if (!known(c, (size_t)ref)) {
            ev_missing_input(c, ref);
            set_all_statuses(c, LOV_UNDETERMINED);
            set_missing(c, &c->why);
            write_info(c, &c->why.info);
            return LOV_UNDETERMINED;
        }
        memcpy(&c->reference_date, c->in + e->in_off[ref], sizeof c->reference_date);
    }
    if (m->has_in_force) {
        lov_date until = m->has_until ? m->in_force_until : LOV_DATE_MAX;
        if (c->reference_date < m->in_force_from || c->reference_date > until) {
            set_all_statuses(c, LOV_NOT_APPLICABLE);
            ev_why_note(&c->why, LOV_REASON_OUT_OF_FORCE, -1, -1, -1);
            write_info(c, &c->why.info);
            return LOV_NOT_APPLICABLE;
        }
    }
    if (m->reference_input && (st = validate_events(c)) != LOV_OK) {
        set_all_statuses(c, st);
        write_info(c, &c->why.info);
        return st;
    }
    evaluate_all(c);
    st = LOV_OK;
    for (size_t k = 0; k < e->outputs.len; k++) {
        decl *d = e->outputs.items[k];
        if (!decides(e, d) || c->statuses[k] == LOV_OK)
            continue;
        if (st == LOV_OK)
            write_info(c, &c->why_of[k].info);
        st = ev_worse(st, c->statuses[k]);
        set_missing(c, &c->why_of[k]);
    }
    return st;
}

lov_status ev_evaluate(const ev_engine *e, const void *in, void *out, lov_trace *trace, const ev_externals *ext)
{
    ev_ctx c;
    memset(&c, 0, sizeof c);
    c.e = e;
    c.in = in;
    c.out = out;
    c.trace = trace;
    c.ext = ext;
    size_t no = e->outputs.len;
    c.why_of = xcalloc(no + 1, sizeof *c.why_of);
    c.memo = xcalloc(e->params.len + 1, sizeof *c.memo);
    c.marks = xcalloc(e->provisions.len + 1, 1);
    c.values = xcalloc(no + 1, sizeof *c.values);
    c.statuses = xcalloc(no + 1, sizeof *c.statuses);
    memset(out, 0, e->output_size);
    ev_why_clear(&c.why);
    write_info(&c, &c.why.info);
    lov_status st = run(&c);
    for (size_t k = 0; k < no; k++)
        ev_why_free(&c.why_of[k]);
    ev_why_free(&c.why);
    free(c.why_of);
    free(c.memo);
    free(c.marks);
    free(c.values);
    free(c.statuses);
    free(c.bindings);
    return st;
}

/* ---- The engine ---- */

ev_engine *ev_prepare(program *p)
{
    ev_engine *e = xcalloc(1, sizeof *e);
    e->prog = p;
    e->mod = p->root;
    ev_layout(e);
    ev_describe(e);
    return e;
}

const lov_module_desc *ev_descriptor(const ev_engine *e)
{
    return &e->desc;
}

void ev_free(ev_engine *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->provisions.len; i++) {
        free(e->provisions.items[i]);
        free(e->uses[i]);
    }
    for (size_t i = 0; i < e->enums.len; i++)
        free((void *)e->enum_descs[i].cases);
    for (size_t i = 0; i < e->records.len; i++)
        free(e->record_fields[i]);
    for (size_t i = 0; i < e->params.len; i++)
        free(e->param_values[i]);
    for (size_t i = 0; i < e->externals.len; i++) {
        free(e->ext_params[i]);
        free((void *)e->ext_param_names[i]);
        free((void *)e->ext_param_enums[i]);
    }
    free(e->uses);
    free(e->enum_descs);
    free(e->enum_ptrs);
    free(e->record_descs);
    free(e->record_fields);
    free(e->record_ptrs);
    free(e->in_fields);
    free(e->out_fields);
    free(e->prov_descs);
    for (uint32_t i = 0; i < e->desc.nparams; i++)
        free((void *)e->param_descs[i].unverified);
    free(e->param_descs);
    free(e->param_values);
    free(e->ext_descs);
    free(e->ext_params);
    free(e->ext_param_names);
    free(e->ext_param_enums);
    free(e->in_off);
    free(e->known_off);
    free(e->out_off);
    free(e->status_off);
    free(e->held_off);
    pv_free(&e->inputs);
    pv_free(&e->outputs);
    pv_free(&e->order);
    pv_free(&e->functions);
    pv_free(&e->params);
    pv_free(&e->externals);
    pv_free(&e->provisions);
    pv_free(&e->enums);
    pv_free(&e->records);
    ev_map_free(&e->slot);
    ev_map_free(&e->prov);
    ev_map_free(&e->rec_index);
    free(e);
}

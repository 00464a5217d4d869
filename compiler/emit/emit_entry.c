/* SPDX-License-Identifier: Apache-2.0 */
/* The entry point of NAME.c: validate (the facts are values of their types),
 * evaluate_all (every definition and outcome, in evaluation order, with its
 * trace and the fixed parameters it reads) and NAME_evaluate (a fast pass,
 * then, when needed, a pass that explains). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "emit/emit.h"
#include "core/lov.h"

#define EMIT_PIECE_TEXT "64"      /* EMIT_PIECE, for comments */

static const char *emit_fmt_em(emitter *em, const char *f, const char *arg)
{
    char buf[512];
    snprintf(buf, sizeof buf, f, arg);
    return ast_strdup(em->a, buf, strlen(buf));
}

/* ---- Validation of the facts ------------------------------------------------------- */

/* A C condition that is true when value v of type t is invalid. */
static const char *invalid_value(emitter *em, const char *v, const type *t)
{
    char buf[512];
    switch (t->kind) {
    case T_ENUM:
        snprintf(buf, sizeof buf, "((int)%s < 0 || (int)%s >= %d)", v, v, t->decl->u.enum_.cases.len);
        break;
    case T_DATE:
        snprintf(buf, sizeof buf, "!lov_date_valid(%s)", v);
        break;
    case T_DEC:
        snprintf(buf, sizeof buf, "!lov_dec_valid(%s)", v);
        break;
    case T_OPTIONAL: {
        char inner[400];
        snprintf(inner, sizeof inner, "%s.value", v);
        const char *iv = invalid_value(em, inner, t->elem);
        if (!iv)
            return NULL;
        snprintf(buf, sizeof buf, "(%s.present && %s)", v, iv);
        break;
    }
    default:
        return NULL;
    }
    return ast_strdup(em->a, buf, strlen(buf));
}

/* A C condition that is true when v (of type t, not optional) is outside
 * the bound b: below it ('at least') or above it ('at most'). */
static const char *outside_bound(emitter *em, const char *v, const type *t, const input_bound *b, bool below)
{
    char buf[512];
    const char *op = below ? "<" : ">";
    switch (t->kind) {
    case T_DEC:
        snprintf(buf, sizeof buf, "lov_dec_cmp(%s, (lov_decimal){INT64_C(%" PRId64 "), %d}) %s 0", v, b->coef,
                 (int)b->scale, op);
        break;
    case T_DURATION:
        snprintf(buf, sizeof buf, "lov_duration_outside(%s, (lov_duration){%d, %d}, %s)", v, (int)b->months,
                 (int)b->days, below ? "true" : "false");
        break;
    default:                                   /* integers, and amounts in øre */
        snprintf(buf, sizeof buf, "%s %s INT64_C(%" PRId64 ")", v, op, b->coef);
        break;
    }
    return ast_strdup(em->a, buf, strlen(buf));
}

/* The checks of an input's 'at least' and 'at most': a fact outside them is
 * invalid input, named, never a decision on a nonsensical amount. In
 * validate() each returns; in the fast path's check (fast) each adds to
 * 'bad', without an exit. */
static void emit_bounds_checks(emitter *em, decl *d, bool fast)
{
    const input_bound *bounds[2] = {&d->u.input.low, &d->u.input.high};
    const type *t = d->type->kind == T_OPTIONAL ? d->type->elem : d->type;
    char v[256], known[512];
    snprintf(v, sizeof v, d->type->kind == T_OPTIONAL ? "in->%s.value" : "in->%s", d->c_name);
    if (d->type->kind == T_OPTIONAL)
        snprintf(known, sizeof known, "in->known.%s && in->%s.present", d->c_name, d->c_name);
    else
        snprintf(known, sizeof known, "in->known.%s", d->c_name);
    for (int k = 0; k < 2; k++) {
        if (!bounds[k]->set)
            continue;
        const char *out = outside_bound(em, v, t, bounds[k], k == 0);
        if (fast) {
            emit_printf(&em->c, "    bad |= %s && %s;\n", known, out);
            continue;
        }
        emit_printf(&em->c, "    if (%s && %s)\n", known, out);
        emit_printf(&em->c, "        return invalid_input(ctx, %d);    /* %s outside its '%s' */\n", d->slot,
                    d->name.name, k == 0 ? "at least" : "at most");
    }
}

static void emit_validate_record(emitter *em, const char *ptr, const type *rt, int slot)
{
    strbuf *c = &em->c;
    decl *r = rt->decl;
    for (int k = 0; k < r->u.record.fields.len; k++) {
        record_field *f = NL_AT(r->u.record.fields, k);
        char v[256];
        snprintf(v, sizeof v, "%s%s", ptr, f->c_name);
        const char *bad = invalid_value(em, v, f->type);
        if (bad)
            emit_printf(c, "        if (%s)\n            return invalid_input(ctx, %d);\n", bad, slot);
    }
}

void emit_validate(emitter *em)
{
    strbuf *c = &em->c;
    sb_puts(c, "/* The facts must be values of their types: enum cases that exist, dates\n"
               " * in 0001..9999, exact decimals, lists with their items. */\n");
    sb_puts(c, "static lov_status validate(ctx_t *ctx)\n{\n    const ");
    emit_printf(c, "%s_input *in = ctx->in;\n", em->mod->c_prefix);
    bool any = false;
    for (size_t i = 0; i < em->inputs.len; i++) {
        decl *d = em->inputs.items[i];
        const type *t = d->type;
        char v[256];
        snprintf(v, sizeof v, "in->%s", d->c_name);
        if (t->kind == T_LIST) {
            any = true;
            emit_printf(c, "    if (in->known.%s && in->%s_count > 0 && in->%s == NULL)\n"
                           "        return invalid_input(ctx, %d);\n", d->c_name, d->c_name, d->c_name,
                        d->slot);
            const char *bad = NULL;
            char item[300];
            snprintf(item, sizeof item, "in->%s[i]", d->c_name);
            if (t->elem->kind != T_RECORD)
                bad = invalid_value(em, item, t->elem);
            bool record_checks = false;
            if (t->elem->kind == T_RECORD) {
                decl *r = t->elem->decl;
                for (int k = 0; k < r->u.record.fields.len; k++) {
                    record_field *f = NL_AT(r->u.record.fields, k);
                    if (invalid_value(em, "x", f->type))
                        record_checks = true;
                }
            }
            if (bad || record_checks) {
                emit_printf(c, "    for (size_t i = 0, n = in->known.%s ? in->%s_count : 0; i < n; i++) {\n",
                            d->c_name, d->c_name);
                if (bad)
                    emit_printf(c, "        if (%s)\n            return invalid_input(ctx, %d);\n", bad, d->slot);
                else {
                    char ptr[300];
                    snprintf(ptr, sizeof ptr, "in->%s[i].", d->c_name);
                    emit_validate_record(em, ptr, t->elem, d->slot);
                }
                sb_puts(c, "    }\n");
            }
            continue;
        }
        if (t->kind == T_RECORD) {
            char ptr[300];
            snprintf(ptr, sizeof ptr, "in->%s.", d->c_name);
            emit_printf(c, "    if (in->known.%s) {\n", d->c_name);
            emit_validate_record(em, ptr, t, d->slot);
            sb_puts(c, "    }\n");
            any = true;
            continue;
        }
        const char *bad = invalid_value(em, v, t);
        if (bad) {
            any = true;
            emit_printf(c, "    if (in->known.%s && %s)\n        return invalid_input(ctx, %d);\n", d->c_name,
                        bad, d->slot);
        }
        if (d->u.input.low.set || d->u.input.high.set) {
            any = true;
            emit_bounds_checks(em, d, false);
        }
    }
    if (!any)
        sb_puts(c, "    (void)in;\n");
    sb_puts(c, "    return LOV_OK;\n}\n\n");
}

/* ---- Events happen before the reference date ----------------------------------- */

static bool is_event(const texpr *t)
{
    date_kind kind;
    return ast_fact_date_kind(t, &kind) && kind == DATE_EVENT;
}

/* A C condition that is true when the event date v (optional or not) lies
 * after the reference date. */
static const char *event_after(emitter *em, const char *v, const type *t)
{
    char buf[400];
    if (t->kind == T_OPTIONAL)
        snprintf(buf, sizeof buf, "(%s.present && %s.value > ctx->reference_date)", v, v);
    else
        snprintf(buf, sizeof buf, "%s > ctx->reference_date", v);
    return ast_strdup(em->a, buf, strlen(buf));
}

/* Whether a record type has a field that is an event date. */
static bool record_has_events(const type *rt)
{
    for (int k = 0; k < rt->decl->u.record.fields.len; k++)
        if (is_event(((record_field *)NL_AT(rt->decl->u.record.fields, k))->type_expr))
            return true;
    return false;
}

/* Whether the module has event dates to check (inputs or fields of records). */
static bool has_events(const emitter *em)
{
    for (size_t i = 0; i < em->inputs.len; i++) {
        decl *d = em->inputs.items[i];
        const type *t = d->type;
        const type *elem = t->kind == T_LIST ? t->elem : t;
        if (elem->kind == T_RECORD ? record_has_events(elem) : t->kind != T_LIST && is_event(d->u.input.type_expr))
            return true;
    }
    return false;
}

static void emit_validate_event_fields(emitter *em, const char *ptr, const type *rt, int slot, const char *indent)
{
    decl *r = rt->decl;
    for (int k = 0; k < r->u.record.fields.len; k++) {
        record_field *f = NL_AT(r->u.record.fields, k);
        if (!is_event(f->type_expr))
            continue;
        char v[256];
        snprintf(v, sizeof v, "%s%s", ptr, f->c_name);
        emit_printf(&em->c, "%sif (%s)\n%s    return invalid_input(ctx, %d);\n", indent, event_after(em, v, f->type),
                    indent, slot);
    }
}

/* Once the reference date is known: an event date after it is invalid
 * input, since a case system cannot have registered an event that has not
 * happened yet. */
static void emit_validate_events(emitter *em)
{
    strbuf *c = &em->c;
    sb_puts(c, "/* Events (the 'event date' facts) happened on or before the reference\n"
               " * date: one after it cannot have been registered, and is invalid input. */\n");
    sb_puts(c, "static lov_status validate_events(ctx_t *ctx)\n{\n    const ");
    emit_printf(c, "%s_input *in = ctx->in;\n", em->mod->c_prefix);
    for (size_t i = 0; i < em->inputs.len; i++) {
        decl *d = em->inputs.items[i];
        const type *t = d->type;
        const type *elem = t->kind == T_LIST ? t->elem : t;
        char ptr[300];
        if (t->kind == T_LIST && elem->kind == T_RECORD) {
            if (!record_has_events(elem))
                continue;
            emit_printf(c, "    for (size_t i = 0, n = in->known.%s ? in->%s_count : 0; i < n; i++) {\n",
                        d->c_name, d->c_name);
            snprintf(ptr, sizeof ptr, "in->%s[i].", d->c_name);
            emit_validate_event_fields(em, ptr, elem, d->slot, "        ");
            sb_puts(c, "    }\n");
        } else if (t->kind == T_RECORD) {
            if (!record_has_events(t))
                continue;
            emit_printf(c, "    if (in->known.%s) {\n", d->c_name);
            snprintf(ptr, sizeof ptr, "in->%s.", d->c_name);
            emit_validate_event_fields(em, ptr, t, d->slot, "        ");
            sb_puts(c, "    }\n");
        } else if (t->kind != T_LIST && is_event(d->u.input.type_expr)) {
            char v[256];
            snprintf(v, sizeof v, "in->%s", d->c_name);
            emit_printf(c, "    if (in->known.%s && %s)\n        return invalid_input(ctx, %d);\n", d->c_name,
                        event_after(em, v, t), d->slot);
        }
    }
    sb_puts(c, "    return LOV_OK;\n}\n\n");
}

/* ---- The same checks, for the fast path ------------------------------------------- */

/* bad |= the checks of one item or record (its fields), without an exit. */
static void fast_checks_of_fields(emitter *em, const char *ptr, const type *rt, const char *indent)
{
    decl *r = rt->decl;
    for (int k = 0; k < r->u.record.fields.len; k++) {
        record_field *f = NL_AT(r->u.record.fields, k);
        char v[256];
        snprintf(v, sizeof v, "%s%s", ptr, f->c_name);
        const char *bad = invalid_value(em, v, f->type);
        if (bad)
            emit_printf(&em->c, "%sbad |= %s;\n", indent, bad);
        if (em->mod->reference_input && is_event(f->type_expr))
            emit_printf(&em->c, "%sbad |= %s;\n", indent, event_after(em, v, f->type));
    }
}

static bool fields_checked(emitter *em, const type *rt)
{
    decl *r = rt->decl;
    for (int k = 0; k < r->u.record.fields.len; k++) {
        record_field *f = NL_AT(r->u.record.fields, k);
        if (invalid_value(em, "x", f->type) || (em->mod->reference_input && is_event(f->type_expr)))
            return true;
    }
    return false;
}

void emit_fast_validate(emitter *em)
{
    strbuf *c = &em->c;
    module *m = em->mod;
    sb_puts(c, "/* The fast path is taken only when the facts the rules read are known and\n"
               " * every fact is valid, as validate() and validate_events() have it: checked\n"
               " * here in one walk without an early exit (a branch only per list). */\n");
    emit_printf(c, "static bool fast_facts_valid(const fast_t *ctx)\n{\n    const %s_input *in = ctx->in;\n"
                   "    bool bad = false;\n", m->c_prefix);
    for (size_t i = 0; i < em->fast_inputs.len; i++) {
        decl *d = em->fast_inputs.items[i];
        if (d != m->reference_input)
            emit_printf(c, "    bad |= !in->known.%s;\n", d->c_name);
    }
    for (size_t i = 0; i < em->inputs.len; i++) {
        decl *d = em->inputs.items[i];
        const type *t = d->type;
        char v[256];
        snprintf(v, sizeof v, "in->%s", d->c_name);
        bool event = m->reference_input && t->kind != T_LIST && t->kind != T_RECORD && is_event(d->u.input.type_expr);
        if (t->kind == T_LIST) {
            emit_printf(c, "    bad |= in->known.%s && in->%s_count > 0 && in->%s == NULL;\n", d->c_name, d->c_name,
                        d->c_name);
            char item[300];
            snprintf(item, sizeof item, "in->%s[i]", d->c_name);
            const char *bad = t->elem->kind == T_RECORD ? NULL : invalid_value(em, item, t->elem);
            bool fields = t->elem->kind == T_RECORD && fields_checked(em, t->elem);
            if (!bad && !fields)
                continue;
            emit_printf(c, "    for (size_t i = 0, n = in->known.%s && in->%s ? in->%s_count : 0; i < n; i++) {\n",
                        d->c_name, d->c_name, d->c_name);
            if (bad)
                emit_printf(c, "        bad |= %s;\n", bad);
            else {
                snprintf(item, sizeof item, "in->%s[i].", d->c_name);
                fast_checks_of_fields(em, item, t->elem, "        ");
            }
            sb_puts(c, "    }\n");
        } else if (t->kind == T_RECORD) {
            if (!fields_checked(em, t))
                continue;
            emit_printf(c, "    if (in->known.%s) {\n", d->c_name);
            char ptr[300];
            snprintf(ptr, sizeof ptr, "in->%s.", d->c_name);
            fast_checks_of_fields(em, ptr, t, "        ");
            sb_puts(c, "    }\n");
        } else {
            const char *bad = invalid_value(em, v, t);
            if (bad)
                emit_printf(c, "    bad |= in->known.%s && %s;\n", d->c_name, bad);
            if (event)
                emit_printf(c, "    bad |= in->known.%s && %s;\n", d->c_name, event_after(em, v, t));
            emit_bounds_checks(em, d, true);
        }
    }
    sb_puts(c, "    (void)ctx;\n    (void)in;\n    return !bad;\n}\n\n");
}

/* ---- The entry point ---------------------------------------------------------- */

static void set_all_statuses(emitter *em, const char *status)
{
    if (em->outputs.len)
        emit_printf(&em->c, "        set_statuses(out, %s);\n", status);
}

/* "ctx->out->NAME.present" for an optional output. */
static const char *fmt_member(emitter *em, const char *c_name)
{
    size_t n = strlen(c_name) + 32;
    char *s = arena_alloc(em->a, n);
    snprintf(s, n, "ctx->out->%s.present", c_name);
    return s;
}

/* A lov_value for a parameter's written-out value. */
static void literal_value(const expr *e, char *buf, size_t cap)
{
    bool neg = e->kind == E_UNARY;
    if (neg)
        e = e->u.unary.operand;
    const char *sign = neg ? "-" : "";
    switch (e->kind) {
    case E_BOOL: snprintf(buf, cap, "(lov_value){.b = %s}", e->u.b ? "true" : "false"); return;
    case E_INT: snprintf(buf, cap, "(lov_value){.i = %sINT64_C(%" PRId64 ")}", sign, e->u.i); return;
    case E_MONEY: snprintf(buf, cap, "(lov_value){.money = %sINT64_C(%" PRId64 ")}", sign, e->u.money); return;
    case E_DATE: snprintf(buf, cap, "(lov_value){.date = %d}", (int)e->u.date); return;
    case E_DECIMAL:
        snprintf(buf, cap, "(lov_value){.dec = {%sINT64_C(%" PRId64 "), %d}}", sign, e->u.dec.coef,
                 (int)e->u.dec.scale);
        return;
    case E_DURATION:
        snprintf(buf, cap, "(lov_value){.dur = {%s%d, %s%d}}", sign, (int)e->u.dur.months, sign, (int)e->u.dur.days);
        return;
    case E_NAME:
    case E_FIELD:
        snprintf(buf, cap, "(lov_value){.enum_case = %d}",
                 e->u.name.ref == REF_CASE ? ((enum_case *)e->u.name.target)->index : 0);
        return;
    default:
        snprintf(buf, cap, "(lov_value){.i = 0}");
        return;
    }
}

/* The fixed parameters a definition reads. */
typedef struct constants_read {
    ptrvec params;
} constants_read;

static void visit_constant(expr *e, void *ctx)
{
    constants_read *cr = ctx;
    if (e->kind != E_NAME || e->u.name.ref != REF_DECL)
        return;
    decl *d = e->u.name.target;
    if (d->kind != D_PARAMETER || !d->u.param.constant)
        return;
    for (size_t i = 0; i < cr->params.len; i++)
        if (cr->params.items[i] == d)
            return;
    pv_push(&cr->params, d);
}

/* Fixed parameters are written into the rules as their values; for the
 * trace, each is noted once, before the first definition that reads it. */
void emit_trace_constants(emitter *em, decl *d, strbuf *out, int depth)
{
    constants_read cr = {{0}};
    for (int k = 0; k < d->u.def.rules.len; k++) {
        ast_rule *r = NL_AT(d->u.def.rules, k);
        ast_walk(r->cond, visit_constant, &cr);
        ast_walk(r->value, visit_constant, &cr);
    }
    for (int k = 0; k < d->u.def.requires.len; k++)
        ast_walk(((requirement *)NL_AT(d->u.def.requires, k))->cond, visit_constant, &cr);
    int pad = 4 * depth;
    for (size_t i = 0; i < cr.params.len; i++) {
        decl *p = cr.params.items[i];
        if (p->module != em->mod)            /* a used module's: not in this module's table */
            continue;
        char value[128];
        literal_value(p->u.param.constant, value, sizeof value);
        emit_printf(out, "%*sif (!ctx->marks[%d]) {    /* %s */\n%*s    ctx->marks[%d] = 1;\n"
                         "%*s    lov_trace_add(ctx->trace, %d, LOV_TRACE_VALUE, LOV_OK, true, %s);\n%*s}\n",
                    pad, "", p->provision, emit_comment_text(em, p->name.name), pad, "", p->provision, pad, "",
                    p->provision, value, pad, "");
    }
    pv_free(&cr.params);
}

/* evaluate_all: every definition and outcome, each after those it uses,
 * with its status, the steps for the trace and (on the explaining pass)
 * what it lacked. */
static void emit_evaluate_all(emitter *em)
{
    strbuf *c = &em->c;
    size_t npieces = 0;
    for (size_t start = 0; start < em->order.len; start += EMIT_PIECE, npieces++) {
    size_t end = start + EMIT_PIECE < em->order.len ? start + EMIT_PIECE : em->order.len;
    if (start == 0)
        sb_puts(c, "/* The definitions and outcomes, each after the definitions it uses, in\n"
                   " * pieces of at most " EMIT_PIECE_TEXT " (one function each, so that no C function grows\n"
                   " * with the module). */\n");
    emit_printf(c, "%sstatic void evaluate_part_%zu(ctx_t *ctx)\n{\n    lov_status st;\n", em->cold, npieces);
    for (size_t i = start; i < end; i++) {
        decl *d = em->order.items[i];
        emit_printf(c, "\n    if (!needed_slot(ctx->need, %d)) {    /* not asked for, nor needed */\n"
                       "        ctx->out->status.%s = LOV_UNDETERMINED;\n    } else {", d->slot, d->c_name);
        strbuf whole = em->c;
        sb_init(&em->c);
        c = &em->c;
        bool rules = d->kind != D_ASSERT;
        int steps = rules ? d->u.def.requires.len : 0;
        for (int k = 0; rules && k < d->u.def.rules.len; k++)
            steps += !((ast_rule *)NL_AT(d->u.def.rules, k))->is_default;
        emit_printf(c, "\n    st = %s(ctx, &ctx->out->%s);\n", d->c_static, d->c_name);
        emit_printf(c, "    ctx->out->status.%s = st;\n", d->c_name);
        emit_printf(c, "    if (st != LOV_OK) {\n        failed(ctx, st, %d);\n", d->provision);
        if (emit_is_adverse(d) && d->u.def.default_rule) {
            expr *v = d->u.def.default_rule->value;
            char lit[64] = "0";
            if (v->kind == E_MONEY)
                snprintf(lit, sizeof lit, "INT64_C(%" PRId64 ")", v->u.money);
            else if (v->kind == E_BOOL)
                snprintf(lit, sizeof lit, "%s", v->u.b ? "true" : "false");
            else if (v->kind == E_INT)
                snprintf(lit, sizeof lit, "INT64_C(%" PRId64 ")", v->u.i);
            emit_printf(c, "        ctx->out->%s = %s;    /* never harm the citizen on an unsure result */\n",
                        d->c_name, lit);
        }
        sb_puts(c, "    }\n");
        emit_printf(c, "    if (ctx->explain) {\n        ctx->why_of[%d] = ctx->why;\n        why_clear(&ctx->why);\n    }\n",
                    d->slot);
        sb_puts(c, "    if (ctx->trace) {\n");
        if (rules)
            emit_trace_constants(em, d, c, 2);
        if (steps > 0)
            emit_printf(c, "        trace_marks(ctx, %d, %d);\n", d->provision + 1, steps);
        const char *member = d->type->kind == T_OPTIONAL ? ".value" : "";
        const type *vt = d->type->kind == T_OPTIONAL ? d->type->elem : d->type;
        const char *field = vt->kind == T_BOOL ? "b" : vt->kind == T_INT ? "i" : vt->kind == T_DEC ? "dec"
                            : vt->kind == T_MONEY ? "money" : vt->kind == T_DATE ? "date"
                            : vt->kind == T_DURATION ? "dur" : "enum_case";
        emit_printf(c, "        lov_trace_add(ctx->trace, %d, st == LOV_OK ? LOV_TRACE_VALUE : LOV_TRACE_FAILED, st, %s,\n"
                       "                      (lov_value){.%s = %sctx->out->%s%s});\n    }\n",
                    d->provision, d->type->kind == T_OPTIONAL ? fmt_member(em, d->c_name) : "true", field,
                    vt->kind == T_ENUM ? "(int32_t)" : "", d->c_name, member);
        strbuf block = em->c;
        em->c = whole;
        c = &em->c;
        for (const char *q = block.data; q && *q;) {       /* one level deeper */
            const char *nl = strchr(q, '\n');
            size_t len = nl ? (size_t)(nl - q) : strlen(q);
            emit_printf(c, "%s%.*s\n", len ? "    " : "", (int)len, q);
            q = nl ? nl + 1 : q + len;
        }
        sb_free(&block);
        sb_puts(c, "    }\n");
    }
    sb_puts(c, "}\n\n");
    }
    sb_puts(c, "/* Every definition and outcome, in evaluation order. */\n"
               "static void evaluate_all(ctx_t *ctx)\n{\n");
    if (npieces == 0)
        sb_puts(c, "    (void)ctx;\n");
    for (size_t i = 0; i < npieces; i++)
        emit_printf(c, "    evaluate_part_%zu(ctx);\n", i);
    sb_puts(c, "}\n\n");
}

/* The condition under which the fast path may be tried for a case (the
 * reference date known, a day the rules are in force); 'in' is "in->" or
 * "in[i]." */
static const char *fast_may_try(emitter *em, const char *in)
{
    module *m = em->mod;
    char buf[512];
    decl *ref = m->reference_input;
    if (!ref)
        return "true";
    if (m->has_in_force)
        snprintf(buf, sizeof buf, "%sknown.%s && %s%s >= %d && %s%s <= %d", in, ref->c_name, in, ref->c_name,
                 (int)m->in_force_from, in, ref->c_name, (int)(m->has_until ? m->in_force_until : LOV_DATE_MAX));
    else
        snprintf(buf, sizeof buf, "%sknown.%s", in, ref->c_name);
    return ast_strdup(em->a, buf, strlen(buf));
}

/* NAME_evaluate (the fast path, then the rules that explain) and
 * NAME_evaluate_batch. */
static void emit_public_entries(emitter *em)
{
    strbuf *c = &em->c;
    const char *p = em->mod->c_prefix;
    decl *ref = em->mod->reference_input;
    const char *day = ref ? emit_fmt_em(em, "in->%s", ref->c_name) : "0";
    sb_puts(c, "/* The fast path when it can be taken, else the rules that explain. */\n");
    emit_printf(c, "static lov_status evaluate_case(const %s_input *in, %s_output *out, lov_trace *trace,\n"
                   "                                const %s_externals *ext, const uint64_t *wanted, const uint64_t *need)\n"
                   "{\n", p, p, p);
    bool dated = em->fast_params.len > 0;       /* else no_params, a constant */
    if (!em->no_fast && dated) {
        emit_printf(c, "    if (trace == NULL && %s) {\n        fast_params_t p;\n", fast_may_try(em, "in->"));
        emit_printf(c, "        fast_params_on(%s, &p);\n        if (fast_evaluate(in, %s, &p, out, need))\n"
                       "            return LOV_OK;\n    }\n", day, day);
    } else if (!em->no_fast) {
        emit_printf(c, "    if (trace == NULL && %s && fast_evaluate(in, %s, &no_params, out, need))\n"
                       "        return LOV_OK;\n", fast_may_try(em, "in->"), day);
    }
    sb_puts(c, "    return evaluate_explaining(in, out, trace, ext, wanted, need);\n}\n\n");
    emit_printf(c, "lov_status %s_evaluate(const %s_input *in, %s_output *out, lov_trace *trace,\n"
                   "                       const %s_externals *ext)\n{\n"
                   "    return evaluate_case(in, out, trace, ext, NULL, NULL);\n}\n\n", p, p, p, p);
    emit_printf(c, "lov_status %s_evaluate_some(const %s_input *in, %s_output *out, lov_trace *trace,\n"
                   "                            const %s_externals *ext, const uint64_t *wanted)\n{\n"
                   "    if (wanted == NULL)\n        return evaluate_case(in, out, trace, ext, NULL, NULL);\n"
                   "    uint64_t need[%d];\n    needed(wanted, need);\n"
                   "    return evaluate_case(in, out, trace, ext, wanted, need);\n}\n\n",
                p, p, p, p, em->output_words);

    emit_printf(c, "lov_status %s_evaluate_batch(const %s_input *in, %s_output *out, size_t n,\n"
                   "                             const %s_externals *ext)\n{\n", p, p, p, p);
    sb_puts(c, "    lov_status worst = LOV_OK;\n");
    if (!em->no_fast && dated)
        sb_puts(c, "    fast_params_t p;\n    lov_date day = 0;\n    bool looked_up = false;\n");
    sb_puts(c, "    for (size_t i = 0; i < n; i++) {\n");
    if (!em->no_fast && dated) {
        emit_printf(c, "        if (%s) {\n", fast_may_try(em, "in[i]."));
        if (ref) {
            emit_printf(c, "            if (!looked_up || in[i].%s != day) {    /* a new reference date */\n"
                           "                day = in[i].%s;\n                fast_params_on(day, &p);\n"
                           "                looked_up = true;\n            }\n", ref->c_name, ref->c_name);
        } else {
            sb_puts(c, "            if (!looked_up) {\n                fast_params_on(day, &p);\n"
                       "                looked_up = true;\n            }\n");
        }
        sb_puts(c, "            if (fast_evaluate(&in[i], day, &p, &out[i], NULL))\n                continue;\n        }\n");
    } else if (!em->no_fast) {
        emit_printf(c, "        if (%s && fast_evaluate(&in[i], %s, &no_params, &out[i], NULL))\n            continue;\n",
                    fast_may_try(em, "in[i]."), ref ? emit_fmt_em(em, "in[i].%s", ref->c_name) : "0");
    }
    sb_puts(c, "        worst = worse(worst, evaluate_explaining(&in[i], &out[i], NULL, ext, NULL, NULL));\n    }\n"
               "    return worst;\n}\n\n");
}

void emit_entry(emitter *em)
{
    strbuf *c = &em->c;
    module *m = em->mod;
    const char *p = m->c_prefix;
    emit_evaluate_all(em);
    bool events = m->reference_input && has_events(em);
    if (events)
        emit_validate_events(em);
    sb_puts(c, "/* The rules that explain: every case the fast path does not decide, and\n"
               " * every case with a trace. */\n");
    bool any_counted = false;
    for (size_t i = 0; i < em->outputs.len; i++)
        any_counted |= ((decl *)em->outputs.items[i])->kind != D_ASSERT;
    emit_printf(c, "%sstatic lov_status evaluate_explaining(const %s_input *in, %s_output *out, lov_trace *trace,\n"
                   "                                      const %s_externals *ext, const uint64_t *wanted,\n"
                   "                                      const uint64_t *need)\n{\n", em->cold, p, p, p);
    if (!any_counted)
        sb_puts(c, "    (void)wanted;                /* no output counts for the status */\n");
    sb_puts(c, "    ctx_t ctx;\n    ctx.in = in;\n    ctx.out = out;\n    ctx.trace = NULL;\n    ctx.ext = ext;\n    ctx.need = need;\n"
               "    ctx.reference_date = 0;\n    ctx.explain = false;\n"
               "    memset(ctx.param_memo, 0, sizeof ctx.param_memo);\n    memset(ctx.marks, 0, sizeof ctx.marks);\n"
               "    why_clear(&ctx.why);\n    memset(out, 0, sizeof *out);\n    out->info = ctx.why.info;\n\n");
    sb_puts(c, "    lov_status st = validate(&ctx);\n    if (st != LOV_OK) {\n");
    set_all_statuses(em, "st");
    sb_puts(c, "        out->info = ctx.why.info;\n        return st;\n    }\n");
    decl *ref = m->reference_input;
    if (ref) {
        emit_printf(c, "\n    /* The reference date: the day the decisions concern. */\n"
                       "    if (!in->known.%s) {\n        missing_input(&ctx, %d);\n", ref->c_name, ref->slot);
        set_all_statuses(em, "LOV_UNDETERMINED");
        emit_printf(c, "        for (int i = 0; i < %d; i++)\n            out->missing[i] = ctx.why.missing[i];\n",
                    em->mask_words);
        sb_puts(c, "        out->info = ctx.why.info;\n        return LOV_UNDETERMINED;\n    }\n");
        emit_printf(c, "    ctx.reference_date = in->%s;\n", ref->c_name);
    }
    if (m->has_in_force) {
        char from[LOV_DATE_BUFSIZE], until[LOV_DATE_BUFSIZE];
        lov_date_format(m->in_force_from, from);
        lov_date_format(m->has_until ? m->in_force_until : LOV_DATE_MAX, until);
        emit_printf(c, "\n    /* In force from %s%s%s: any other day is not applicable. */\n", from,
                    m->has_until ? " until " : "", m->has_until ? until : "");
        emit_printf(c, "    if (ctx.reference_date < %d || ctx.reference_date > %d) {\n", (int)m->in_force_from,
                    (int)(m->has_until ? m->in_force_until : LOV_DATE_MAX));
        set_all_statuses(em, "LOV_NOT_APPLICABLE");
        sb_puts(c, "        note(&ctx, LOV_REASON_OUT_OF_FORCE, -1, -1, -1);\n"
                   "        out->info = ctx.why.info;\n        return LOV_NOT_APPLICABLE;\n    }\n");
    }
    if (events) {
        sb_puts(c, "\n    st = validate_events(&ctx);\n    if (st != LOV_OK) {\n");
        set_all_statuses(em, "st");
        sb_puts(c, "        out->info = ctx.why.info;\n        return st;\n    }\n");
    }
    sb_puts(c, "\n    /* A pass that decides, and writes the trace when one is asked for, without\n"
               "     * noting why: when every decision is made, nothing more is needed. */\n"
               "    size_t trace_count = trace ? trace->count : 0, trace_dropped = trace ? trace->dropped : 0;\n"
               "    ctx.trace = trace;\n    evaluate_all(&ctx);\n    st = LOV_OK;\n");
    if (any_counted)
        emit_printf(c, "    for (uint32_t i = 0; i < %zu; i++)\n        if (counts(wanted, i))\n"
                       "            st = worse(st, *status_at(out, i));\n", em->outputs.len);
    sb_puts(c, "    if (st == LOV_OK)\n        return LOV_OK;\n\n"
               "    /* Not every decision was made: work them out again, noting each step\n"
               "     * (the trace from where it began) and what each one lacked. The values\n"
               "     * and statuses come out the same as on the first pass. */\n"
               "    if (trace) {\n        trace->count = trace_count;\n        trace->dropped = trace_dropped;\n    }\n"
               "    ctx.explain = true;\n"
               "    memset(ctx.param_memo, 0, sizeof ctx.param_memo);\n    memset(ctx.marks, 0, sizeof ctx.marks);\n"
               "    why_clear(&ctx.why);\n    evaluate_all(&ctx);\n    st = LOV_OK;\n");
    if (any_counted)
        emit_printf(c, "    for (uint32_t i = 0; i < %zu; i++) {\n"
                       "        lov_status st_i = *status_at(out, i);\n"
                       "        if (!counts(wanted, i) || st_i == LOV_OK)\n            continue;\n"
                       "        if (st == LOV_OK)\n            out->info = ctx.why_of[i].info;\n"
                       "        st = worse(st, st_i);\n"
                       "        for (int k = 0; k < %d; k++)\n            out->missing[k] |= ctx.why_of[i].missing[k];\n"
                       "    }\n", em->outputs.len, em->mask_words);
    sb_puts(c, "    return st;\n}\n\n");
    emit_public_entries(em);
}

/* SPDX-License-Identifier: Apache-2.0 */
/* The expressions of the rules, as C: each expression becomes a few C
 * statements that leave its value in a C expression (a literal, a member, or
 * a temporary declared at the top of the function); emit_gen_expr writes one. */
#include <stdlib.h>
#include <string.h>

#include "check/builtins.h"
#include "emit/emit_gen.h"
#include "check/typecheck.h"

/* A step that can fail (a missing fact, an overflow, a conflict) stores its
 * status in _st and jumps to the current failure label; 'and', 'or' and
 * 'implies' catch the failure of one side, because the other side may decide
 * the result on its own, as law reads them. */

/* ---- Names ------------------------------------------------------------------ */

static bool narrowed(const expr *e)
{
    return (e->kind == E_NAME || e->kind == E_FIELD) && e->u.name.narrowed;
}

static const char *read_input(gen *g, decl *d)
{
    if (d == g->em->mod->reference_input)
        return "ctx->reference_date";       /* known: checked on entry */
    if (g->fast)                            /* known: checked before the fast path is taken */
        emit_fast_uses_input(g, d);
    if (g->fast)
        return d->type->kind == T_RECORD ? emit_fmt(g, "(&ctx->in->%s)", d->c_name)
                                         : emit_fmt(g, "ctx->in->%s", d->c_name);
    emit_line(g, "if (!ctx->in->known.%s) {", d->c_name);
    emit_line(g, "    _st = missing_input(ctx, %d);", d->slot);
    emit_line(g, "    %s", emit_jump(g, g->fail));
    emit_line(g, "}");
    if (d->type->kind == T_RECORD)
        return emit_fmt(g, "(&ctx->in->%s)", d->c_name);
    return emit_fmt(g, "ctx->in->%s", d->c_name);
}

static const char *read_parameter(gen *g, decl *d)
{
    if (d->u.param.constant)
        return emit_gen_expr(g, d->u.param.constant);
    d->read_on_reference_date = true;
    if (g->fast) {
        /* looked up once for the reference date, before the fast path */
        emit_fast_uses_parameter(g, d);
        emit_line(g, "if ((_st = ctx->p->st_%s) != LOV_OK)", d->c_name);
        emit_line(g, "    %s", emit_jump(g, g->fail));
        return emit_fmt(g, "ctx->p->%s", d->c_name);
    }
    const char *t = emit_temp_of(g, d->type);
    emit_try_call(g, emit_fmt(g, "%s(ctx, &%s)", d->c_static, t));
    return t;
}

static const char *read_decl(gen *g, decl *d)
{
    switch (d->kind) {
    case D_INPUT:
        return read_input(g, d);
    case D_PARAMETER:
        return read_parameter(g, d);
    case D_DEFINITION:
    case D_OUTCOME:
        /* worked out before this one: see evaluate_all */
        if (g->fast)                        /* and, on the fast path, worked out */
            return emit_fmt(g, "ctx->v.%s", d->c_name);
        emit_try_call(g, emit_fmt(g, "dependency(ctx, %d, ctx->out->status.%s)", d->slot, d->c_name));
        return emit_fmt(g, "ctx->out->%s", d->c_name);
    default:
        return "0";
    }
}

static const char *gen_name(gen *g, expr *e)
{
    const char *v = "0";
    switch (e->u.name.ref) {
    case REF_DECL:
        v = read_decl(g, e->u.name.target);
        break;
    case REF_VAR:
        v = ((aggr_var *)e->u.name.target)->c_name;
        break;
    case REF_PARAM:
        v = ((formal *)e->u.name.target)->c_name;
        break;
    case REF_CASE:
        return ((enum_case *)e->u.name.target)->c_name;
    default:
        break;
    }
    return narrowed(e) ? emit_fmt(g, "%s.value", v) : v;
}

static const char *gen_field(gen *g, expr *e)
{
    if (e->u.name.ref == REF_CASE)
        return ((enum_case *)e->u.name.target)->c_name;
    const char *base = emit_gen_expr(g, e->u.name.base);
    const type *bt = e->u.name.base->type;
    record_field *f = NL_AT(bt->decl->u.record.fields, e->u.name.field_index);
    const char *v = emit_fmt(g, "%s->%s", base, f->c_name);
    return narrowed(e) ? emit_fmt(g, "%s.value", v) : v;
}

/* ---- Calls --------------------------------------------------------------- */

static const char *gen_args(gen *g, expr *e, nodelist *formals)
{
    strbuf sb;
    sb_init(&sb);
    for (int i = 0; i < e->u.call.args.len; i++) {
        expr *a = NL_AT(e->u.call.args, i);
        formal *f = NL_AT(*formals, i);
        const char *v = emit_convert(g, emit_gen_expr(g, a), a->type, f->type);
        sb_printf(&sb, ", %s", v);
    }
    const char *s = emit_fmt(g, "%s", sb.data ? sb.data : "");
    sb_free(&sb);
    return s;
}

static const char *gen_builtin(gen *g, expr *e, const builtin *b)
{
    nodelist *args = &e->u.call.args;
    expr *x = NL_AT(*args, 0);
    const char *a = emit_gen_expr(g, x);
    switch (b->id) {
    case BI_MONTH_START: return emit_fmt(g, "lov_date_month_start(%s)", a);
    case BI_MONTH_END: return emit_fmt(g, "lov_date_month_end(%s)", a);
    case BI_YEAR_START: return emit_fmt(g, "lov_date_year_start(%s)", a);
    case BI_YEAR_END: return emit_fmt(g, "lov_date_year_end(%s)", a);
    case BI_YEAR_OF: return emit_fmt(g, "lov_date_year_of(%s)", a);
    case BI_MONTH_OF: return emit_fmt(g, "lov_date_month_of(%s)", a);
    case BI_DAY_OF: return emit_fmt(g, "lov_date_day_of(%s)", a);
    case BI_WEEKDAY_OF: return emit_fmt(g, "lov_date_weekday_of(%s)", a);
    case BI_NEXT_MONTH_START: {
        const char *t = emit_temp(g, "lov_date", "0");
        emit_try_call(g, emit_fmt(g, "lov_date_next_month_start(%s, &%s)", a, t));
        return t;
    }
    case BI_DAYS_BETWEEN:
        return emit_fmt(g, "lov_date_days_between(%s, %s)", a, emit_gen_expr(g, NL_AT(*args, 1)));
    case BI_MONTHS_BETWEEN:
        return emit_fmt(g, "lov_date_months_between(%s, %s)", a, emit_gen_expr(g, NL_AT(*args, 1)));
    case BI_MIN:
    case BI_MAX: {
        expr *y = NL_AT(*args, 1);
        const char *bv = emit_gen_expr(g, y);
        const type *t = e->type;
        const char *ca = emit_convert(g, a, x->type, t), *cb = emit_convert(g, bv, y->type, t);
        const char *r = emit_temp_of(g, t);
        emit_line(g, "%s = %s ? %s : %s;", r, emit_relation(g, ca, cb, t, b->id == BI_MIN ? "<=" : ">="), ca, cb);
        return r;
    }
    case BI_ABS: {
        const char *r = emit_temp_of(g, e->type);
        if (e->type->kind == T_DEC) {
            emit_line(g, "%s = %s;", r, a);
            emit_line(g, "if (%s.coef < 0)", r);
            g->indent++;
            emit_try_call(g, emit_fmt(g, "lov_dec_neg(%s, &%s)", a, r));
            g->indent--;
        } else {
            emit_line(g, "%s = %s;", r, a);
            emit_line(g, "if (%s < 0)", r);
            g->indent++;
            emit_try_call(g, emit_fmt(g, "%s(%s, &%s)",
                                      e->type->kind == T_MONEY ? "lov_money_neg" : "lov_int_neg", a, r));
            g->indent--;
        }
        return r;
    }
    }
    return "0";
}

static const char *gen_call(gen *g, expr *e)
{
    expr *callee = e->u.call.callee;
    if (callee->u.name.ref == REF_BUILTIN)
        return gen_builtin(g, e, callee->u.name.target);
    decl *d = callee->u.name.target;
    const char *r = emit_temp_of(g, d->type);
    if (d->kind == D_EXTERNAL && g->fast) {
        /* Run once per case, by the rules that explain: a case system's
         * function may be slow or count its calls. */
        emit_fast_refuse(g, "it calls a function of the case system");
        return r;
    }
    if (d->kind == D_EXTERNAL) {
        const char *args = gen_args(g, e, &d->u.external.params);
        emit_line(g, "if (ctx->ext == NULL || ctx->ext->%s == NULL) {", d->c_static);
        emit_line(g, "    _st = external_missing(ctx, %d);", d->slot);
        emit_line(g, "    %s", emit_jump(g, g->fail));
        emit_line(g, "}");
        emit_line(g, "if ((_st = ctx->ext->%s(ctx->ext->ctx%s, &%s)) != LOV_OK) {", d->c_static, args, r);
        emit_line(g, "    _st = external_failed(ctx, %d, _st);", d->slot);
        emit_line(g, "    %s", emit_jump(g, g->fail));
        emit_line(g, "}");
        return r;
    }
    const char *args = gen_args(g, e, &d->u.def.params);
    emit_try_call(g, emit_fmt(g, "%s(ctx%s, &%s)", g->fast ? emit_fast_name(g, d->c_static) : d->c_static, args, r));
    return r;
}

/* ---- Boolean logic -------------------------------------------------------- */

/* 'a and b', 'a or b', 'a implies b' (as 'not a or b'). A side that cannot
 * be worked out does not matter when the other side decides alone: 'no and
 * ...' is no, 'yes or ...' is yes. Then what the undecided side reported
 * missing is forgotten again. */
/* The fast path: every fact is known, so a side is yes or no (or the fast
 * path is left): C's own operators, which the C compiler may turn into
 * selects; a right side with work of its own runs only when it decides. */
static const char *gen_logic_fast(gen *g, expr *e)
{
    binop op = e->u.binary.op;
    const char *a = emit_gen_expr(g, e->u.binary.lhs);
    size_t mark = g->body.len;
    const char *b = emit_gen_expr(g, e->u.binary.rhs);
    const char *left = op == B_IMPLIES ? emit_fmt(g, "!%s", a) : a;
    const char *cop = op == B_AND ? "&&" : "||";
    if (g->body.len == mark)
        return emit_fmt(g, "(%s %s %s)", left, cop, b);
    const char *res = emit_temp(g, "bool", "false");
    const char *first = emit_fmt(g, "%*s%s = %s;\n", g->indent * 4, "", res, emit_bare(g, left));
    emit_insert_at(g, mark, first);
    emit_guard_since(g, mark + strlen(first), op == B_AND ? res : emit_fmt(g, "!%s", res));
    g->indent++;
    emit_line(g, "%s = %s;", res, emit_bare(g, b));
    g->indent--;
    emit_line(g, "}");
    return res;
}

static const char *gen_logic(gen *g, expr *e)
{
    binop op = e->u.binary.op;
    if (g->fast)
        return gen_logic_fast(g, e);
    bool is_and = op == B_AND;
    const char *decisive = is_and ? "false" : "true";
    const char *res = emit_temp(g, "bool", "false");
    emit_line(g, "/* %s: %s */", ast_binop_text(op),
              is_and ? "no as soon as one side is no" : op == B_OR ? "yes as soon as one side is yes"
                                                            : "yes when the left is no or the right is yes");
    label *outer = g->fail;
    label *left_failed = emit_new_label(g), *right_failed = emit_new_label(g), *done = emit_new_label(g);

    /* Left side; what it needs is kept aside in case the right side decides. */
    size_t mark = g->body.len;
    g->fail = left_failed;
    const char *a = emit_gen_expr(g, e->u.binary.lhs);
    g->fail = outer;
    const char *left_st = NULL, *saved = NULL;
    if (left_failed->used) {
        left_st = emit_temp(g, "lov_status", "LOV_OK");
        saved = emit_temp(g, "why_state", "{0}");
        char *rest = xstrndup(g->body.data + mark, g->body.len - mark);
        g->body.len = mark;
        emit_line(g, "if (ctx->explain)");
        emit_line(g, "    %s = ctx->why;", saved);
        emit_line(g, "%s = LOV_OK;", left_st);
        sb_puts(&g->body, rest);
        free(rest);
    }
    emit_line(g, "%s = %s%s;", res, op == B_IMPLIES ? "!" : "", op == B_IMPLIES ? a : emit_bare(g, a));
    emit_line(g, "if (%s%s)", is_and ? "!" : "", res);
    emit_line(g, "    %s", emit_jump(g, done));
    if (left_failed->used) {
        label *right = emit_new_label(g);
        emit_line(g, "%s", emit_jump(g, right));
        emit_place(g, left_failed);
        emit_line(g, "%s = _st;", left_st);
        emit_place(g, right);
    }

    g->fail = right_failed;
    const char *b = emit_gen_expr(g, e->u.binary.rhs);
    g->fail = outer;
    emit_line(g, "if (%s%s) {", is_and ? "!" : "", is_and ? b : emit_bare(g, b));
    emit_line(g, "    %s = %s;", res, decisive);
    if (saved) {
        emit_line(g, "    if (ctx->explain)");
        emit_line(g, "        ctx->why = %s;", saved);
    }
    emit_line(g, "    %s", emit_jump(g, done));
    emit_line(g, "}");
    if (left_st) {
        emit_line(g, "if ((_st = %s) != LOV_OK)", left_st);
        emit_line(g, "    %s", emit_jump(g, outer));
    }
    emit_line(g, "%s = %s;", res, is_and ? "true" : "false");
    if (right_failed->used) {
        emit_line(g, "%s", emit_jump(g, done));
        emit_place(g, right_failed);
        if (left_st)
            emit_line(g, "_st = worse(%s, _st);", left_st);
        emit_line(g, "%s", emit_jump(g, outer));
    }
    emit_place(g, done);
    return res;
}

/* ---- Arithmetic ----------------------------------------------------------- */

static const char *rounding(round_mode m)
{
    switch (m) {
    case RM_HALF_UP: return "LOV_ROUND_HALF_UP";
    case RM_HALF_EVEN: return "LOV_ROUND_HALF_EVEN";
    case RM_DOWN: return "LOV_ROUND_DOWN";
    case RM_UP: return "LOV_ROUND_UP";
    }
    return "LOV_ROUND_HALF_UP";
}

/* An exact amount in øre, as a decimal: the value of an expression whose
 * products may hold fractions of an øre, before it is rounded once. */
static const char *gen_ore(gen *g, expr *e)
{
    if (e->inexact == EXACT && e->type->kind == T_MONEY)
        return emit_fmt(g, "lov_money_to_dec(%s)", emit_gen_expr(g, e));
    const char *r = emit_temp(g, "lov_decimal", "{0, 0}");
    switch (e->kind) {
    case E_BINARY: {
        expr *l = e->u.binary.lhs, *rt = e->u.binary.rhs;
        if (e->u.binary.op == B_MUL) {
            expr *m = l->type->kind == T_MONEY ? l : rt, *k = l->type->kind == T_MONEY ? rt : l;
            const char *mv = gen_ore(g, m);
            const char *kv = emit_convert(g, emit_gen_expr(g, k), k->type, type_dec());
            emit_try_call(g, emit_fmt(g, "lov_dec_mul(%s, %s, &%s)", mv, kv, r));
            return r;
        }
        const char *a = gen_ore(g, l), *b = gen_ore(g, rt);
        emit_try_call(g, emit_fmt(g, "%s(%s, %s, &%s)", e->u.binary.op == B_SUB ? "lov_dec_sub" : "lov_dec_add", a,
                                  b, r));
        return r;
    }
    case E_UNARY:
        emit_try_call(g, emit_fmt(g, "lov_dec_neg(%s, &%s)", gen_ore(g, e->u.unary.operand), r));
        return r;
    case E_UNIT: {
        /* 'x kr' of a decimal x: x * 100 øre */
        expr *x = e->u.unit.subject;
        const char *xv = emit_convert(g, emit_gen_expr(g, x), x->type, type_dec());
        emit_try_call(g, emit_fmt(g, "lov_dec_mul(%s, ((lov_decimal){100, 0}), &%s)", xv, r));
        return r;
    }
    default:
        return emit_fmt(g, "lov_money_to_dec(%s)", emit_gen_expr(g, e));
    }
}

/* 'x rounded MODE [to kr | to N decimals]'. */
static const char *gen_rounded(gen *g, expr *e)
{
    expr *x = e->u.rounded.subject;
    const char *mode = rounding(e->u.rounded.mode);
    round_target target = e->u.rounded.target;
    const type *xt = x->type;
    const char *r = emit_temp_of(g, e->type);

    if (x->inexact == INEXACT_DIVISION) {
        expr *num = x->u.binary.lhs, *den = x->u.binary.rhs;
        const char *a = emit_gen_expr(g, num), *b = emit_gen_expr(g, den);
        if (xt->kind == T_MONEY && target == RT_DEFAULT && den->type->kind == T_INT) {
            emit_try_call(g, emit_fmt(g, "lov_money_div_int(%s, %s, %s, &%s)", a, b, mode, r));
            return r;
        }
        const char *an = num->type->kind == T_MONEY ? emit_fmt(g, "lov_money_to_dec(%s)", a)
                                                    : emit_convert(g, a, num->type, type_dec());
        const char *bn = den->type->kind == T_MONEY ? emit_fmt(g, "lov_money_to_dec(%s)", b)
                                                    : emit_convert(g, b, den->type, type_dec());
        if (xt->kind == T_MONEY && target == RT_KR) {
            const char *hundredfold = emit_temp(g, "lov_decimal", "{0, 0}");
            emit_try_call(g, emit_fmt(g, "lov_dec_mul(%s, ((lov_decimal){100, 0}), &%s)", bn, hundredfold));
            bn = hundredfold;
        }
        int scale = target == RT_DECIMALS ? e->u.rounded.decimals : 0;
        const char *q = emit_temp(g, "lov_decimal", "{0, 0}");
        emit_try_call(g, emit_fmt(g, "lov_dec_div(%s, %s, %d, %s, &%s)", an, bn, scale, mode, q));
        if (e->type->kind == T_DEC) {
            emit_line(g, "%s = %s;", r, q);
        } else if (e->type->kind == T_INT) {
            emit_try_call(g, emit_fmt(g, "lov_dec_to_int(%s, %s, &%s)", q, mode, r));
        } else {
            const char *whole = emit_temp(g, "int64_t", "0");
            emit_try_call(g, emit_fmt(g, "lov_dec_to_int(%s, %s, &%s)", q, mode, whole));
            if (target == RT_KR)
                emit_try_call(g, emit_fmt(g, "lov_money_from_kroner(%s, &%s)", whole, r));
            else
                emit_line(g, "%s = %s;", r, whole);
        }
        return r;
    }
    if (xt->kind == T_MONEY) {
        if (x->inexact == EXACT) {
            const char *a = emit_gen_expr(g, x);
            if (target == RT_KR)
                emit_try_call(g, emit_fmt(g, "lov_money_round_to(%s, 100, %s, &%s)", a, mode, r));
            else
                emit_line(g, "%s = %s;", r, a);
            return r;
        }
        const char *d = gen_ore(g, x);
        if (target == RT_KR) {
            const char *kr = emit_temp(g, "lov_decimal", "{0, 0}");
            const char *whole = emit_temp(g, "int64_t", "0");
            emit_try_call(g, emit_fmt(g, "lov_dec_div(%s, ((lov_decimal){100, 0}), 0, %s, &%s)", d, mode, kr));
            emit_try_call(g, emit_fmt(g, "lov_dec_to_int(%s, %s, &%s)", kr, mode, whole));
            emit_try_call(g, emit_fmt(g, "lov_money_from_kroner(%s, &%s)", whole, r));
        } else {
            emit_try_call(g, emit_fmt(g, "lov_dec_to_money(%s, %s, &%s)", d, mode, r));
        }
        return r;
    }
    const char *a = emit_gen_expr(g, x);
    if (xt->kind == T_INT) {
        emit_line(g, "%s = %s;", r, a);
        return r;
    }
    if (target == RT_DECIMALS)
        emit_try_call(g, emit_fmt(g, "lov_dec_round(%s, %d, %s, &%s)", a, e->u.rounded.decimals, mode, r));
    else
        emit_try_call(g, emit_fmt(g, "lov_dec_to_int(%s, %s, &%s)", a, mode, r));
    return r;
}

static const char *gen_unit(gen *g, expr *e)
{
    expr *x = e->u.unit.subject;
    const char *a = emit_gen_expr(g, x);
    const char *r = emit_temp_of(g, e->type);
    switch (e->u.unit.unit) {
    case UNIT_KR:
        emit_try_call(g, emit_fmt(g, "lov_money_from_kroner(%s, &%s)", a, r));
        break;
    case UNIT_PERCENT:
        emit_try_call(g, emit_fmt(g, "lov_dec_mul(%s, ((lov_decimal){1, 2}), &%s)",
                                  emit_convert(g, a, x->type, type_dec()), r));
        break;
    case UNIT_DAYS: emit_try_call(g, emit_fmt(g, "lov_duration_days(%s, &%s)", a, r)); break;
    case UNIT_WEEKS: emit_try_call(g, emit_fmt(g, "lov_duration_weeks(%s, &%s)", a, r)); break;
    case UNIT_MONTHS: emit_try_call(g, emit_fmt(g, "lov_duration_months(%s, &%s)", a, r)); break;
    case UNIT_YEARS: emit_try_call(g, emit_fmt(g, "lov_duration_years(%s, &%s)", a, r)); break;
    }
    return r;
}

static const char *gen_binary(gen *g, expr *e)
{
    binop op = e->u.binary.op;
    if (op == B_AND || op == B_OR || op == B_IMPLIES)
        return gen_logic(g, e);
    if (e->inexact != EXACT && op != B_EQ)
        return gen_ore(g, e);        /* only reached under 'rounded' */
    const char *a = emit_gen_expr(g, e->u.binary.lhs);
    const char *b = emit_gen_expr(g, e->u.binary.rhs);
    const type *l = e->u.binary.lhs->type, *r = e->u.binary.rhs->type;
    if (op >= B_EQ) {
        const type *t = emit_common(l, r);
        if (op == B_EQ || op == B_NE) {
            const char *eq;
            if (l->kind == T_OPTIONAL && r->kind != T_OPTIONAL)
                eq = emit_fmt(g, "(%s.present && %s)", a,
                              emit_equal(g, emit_convert(g, emit_fmt(g, "%s.value", a), l->elem, t),
                                         emit_convert(g, b, r, t), t));
            else if (r->kind == T_OPTIONAL && l->kind != T_OPTIONAL)
                eq = emit_fmt(g, "(%s.present && %s)", b,
                              emit_equal(g, emit_convert(g, a, l, t),
                                         emit_convert(g, emit_fmt(g, "%s.value", b), r->elem, t), t));
            else
                eq = emit_equal(g, emit_convert(g, a, l, t), emit_convert(g, b, r, t), t);
            return op == B_EQ ? eq : emit_fmt(g, "(!%s)", eq);
        }
        const char *rel = op == B_LT ? "<" : op == B_LE ? "<=" : op == B_GT ? ">" : ">=";
        return emit_relation(g, emit_convert(g, a, l, t), emit_convert(g, b, r, t), t, rel);
    }
    switch (op) {
    case B_ADD:
    case B_SUB:
        return emit_gen_add_sub(g, e, a, b);
    case B_MUL:
        return emit_gen_mul(g, e, a, b);
    default:
        return "0";               /* division is generated under 'rounded' */
    }
}

static const char *gen_unary(gen *g, expr *e)
{
    expr *x = e->u.unary.operand;
    if (e->u.unary.op == U_NOT)
        return emit_fmt(g, "(!%s)", emit_gen_expr(g, x));
    if (e->inexact != EXACT)
        return gen_ore(g, e);
    const char *a = emit_gen_expr(g, x);
    const char *r = emit_temp_of(g, e->type);
    const char *fn = e->type->kind == T_DEC ? "lov_dec_neg" : e->type->kind == T_MONEY ? "lov_money_neg"
                     : e->type->kind == T_DURATION ? "lov_duration_neg" : "lov_int_neg";
    emit_try_call(g, emit_fmt(g, "%s(%s, &%s)", fn, a, r));
    return r;
}

/* ---- Choices ---------------------------------------------------------------- */

static const char *gen_if(gen *g, expr *e)
{
    const char *c = emit_gen_expr(g, e->u.if_.cond);
    const char *r = emit_temp_of(g, e->type);
    emit_line(g, "if (%s) {", emit_bare(g, c));
    g->indent++;
    expr *a = e->u.if_.then_e, *b = e->u.if_.else_e;
    emit_line(g, "%s = %s;", r, emit_convert(g, emit_gen_expr(g, a), a->type, e->type));
    g->indent--;
    emit_line(g, "} else {");
    g->indent++;
    emit_line(g, "%s = %s;", r, emit_convert(g, emit_gen_expr(g, b), b->type, e->type));
    g->indent--;
    emit_line(g, "}");
    return r;
}

static const char *gen_match(gen *g, expr *e)
{
    const char *s = emit_gen_expr(g, e->u.match.scrutinee);
    decl *en = e->u.match.scrutinee->type->decl;
    const char *r = emit_temp_of(g, e->type);
    emit_line(g, "switch (%s) {", s);
    for (int i = 0; i < e->u.match.arms.len; i++) {
        match_arm *arm = NL_AT(e->u.match.arms, i);
        for (int k = 0; k < arm->cases.len; k++) {
            ident *id = NL_AT(arm->cases, k);
            enum_case *c = NULL;
            for (int j = 0; j < en->u.enum_.cases.len; j++)
                if (strcmp(((enum_case *)NL_AT(en->u.enum_.cases, j))->name.name, id->name) == 0)
                    c = NL_AT(en->u.enum_.cases, j);
            emit_line(g, "case %s:", c ? c->c_name : "0");
        }
        g->indent++;
        emit_line(g, "%s = %s;", r, emit_convert(g, emit_gen_expr(g, arm->body), arm->body->type, e->type));
        emit_line(g, "break;");
        g->indent--;
    }
    emit_line(g, "default:");
    g->indent++;
    if (e->u.match.else_e) {
        emit_line(g, "%s = %s;", r,
                  emit_convert(g, emit_gen_expr(g, e->u.match.else_e), e->u.match.else_e->type, e->type));
        emit_line(g, "break;");
    } else {
        emit_line(g, "_st = LOV_INVALID_INPUT;    /* not a case of %s */", emit_comment_text(g->em, en->name.name));
        emit_line(g, "%s", emit_jump(g, g->fail));
    }
    g->indent--;
    emit_line(g, "}");
    return r;
}

static const char *gen_presence(gen *g, expr *e)
{
    const char *x = emit_gen_expr(g, e->u.presence.subject);
    return emit_fmt(g, "(%s%s.present)", e->u.presence.present ? "" : "!", x);
}

static const char *gen_otherwise(gen *g, expr *e)
{
    expr *x = e->u.otherwise.subject, *f = e->u.otherwise.fallback;
    const char *v = emit_gen_expr(g, x);
    const char *r = emit_temp_of(g, e->type);
    bool whole = e->type->kind == T_OPTIONAL;
    emit_line(g, "if (%s.present) {", v);
    emit_line(g, "    %s = %s;", r,
              whole ? v : emit_convert(g, emit_fmt(g, "%s.value", v), x->type->elem, e->type));
    emit_line(g, "} else {");
    g->indent++;
    emit_line(g, "%s = %s;", r, emit_convert(g, emit_gen_expr(g, f), f->type, e->type));
    g->indent--;
    emit_line(g, "}");
    return r;
}

/* 'D within SPAN before ANCHOR' (ANCHOR - SPAN <= D < ANCHOR) and 'after'
 * (ANCHOR < D <= ANCHOR + SPAN). In a loop, the far edge is worked out once
 * when it does not depend on the item. */
static const char *gen_within(gen *g, expr *e)
{
    const char *s = emit_gen_expr(g, e->u.within.subject);
    const char *anchor = emit_gen_expr(g, e->u.within.anchor);
    const char *span = emit_gen_expr(g, e->u.within.span);
    const char *edge = emit_temp(g, "lov_date", "0");
    const type *st = e->u.within.span->type;
    bool after = e->u.within.after;
    /* A span counted only in months or only in days needs one step, not two. */
    const char *step = st->unit == DU_MONTHS
        ? emit_fmt(g, "lov_date_add_months(%s, %s(int64_t)%s.months, %s, &%s)", anchor, after ? "" : "-", span,
                   emit_month_rule(g), edge)
        : st->unit == DU_DAYS ? emit_fmt(g, "lov_date_add_days(%s, %s(int64_t)%s.days, &%s)", anchor, after ? "" : "-",
                                         span, edge)
        : emit_fmt(g, "%s(%s, %s, %s, &%s)", after ? "lov_date_add_duration" : "lov_date_sub_duration", anchor, span,
                   emit_month_rule(g), edge);
    bool fixed = g->loop_var && !emit_uses_var(e->u.within.span, g->loop_var)
                 && !emit_uses_var(e->u.within.anchor, g->loop_var);
    if (fixed && g->fast) {
        /* the fast path works the edge out once, before the loop */
        hoist_state h;
        emit_hoist_begin(g, &h);
        emit_try_call(g, step);
        emit_hoist_end(g, &h);
    } else if (fixed) {
        const char *done = emit_temp(g, "bool", "false");
        sb_printf(g->loop_resets, "%s = false;\n", done);
        emit_line(g, "if (!%s) {    /* the same for every item */", done);
        g->indent++;
        emit_try_call(g, step);
        emit_line(g, "%s = true;", done);
        g->indent--;
        emit_line(g, "}");
    } else {
        emit_try_call(g, step);
    }
    /* Written with emit_relation, which knows 'D < D' (a date within a span
     * of itself) without writing a comparison of a value with itself. */
    const type *dt = type_date();
    return after ? emit_fmt(g, "(%s && %s)", emit_relation(g, anchor, s, dt, "<"), emit_relation(g, s, edge, dt, "<="))
                 : emit_fmt(g, "(%s && %s)", emit_relation(g, edge, s, dt, "<="), emit_relation(g, s, anchor, dt, "<"));
}

static const char *gen_between(gen *g, expr *e)
{
    expr *xs = e->u.between.subject, *lo = e->u.between.low, *hi = e->u.between.high;
    const char *s = emit_gen_expr(g, xs), *a = emit_gen_expr(g, lo), *b = emit_gen_expr(g, hi);
    const type *t = emit_common(emit_common(xs->type, lo->type), hi->type);
    const char *cs = emit_convert(g, s, xs->type, t);
    const char *c1 = emit_relation(g, emit_convert(g, a, lo->type, t), cs, t, "<=");
    const char *c2 = emit_relation(g, cs, emit_convert(g, b, hi->type, t), t, "<=");
    return emit_fmt(g, "(%s && %s)", c1, c2);
}

static const char *gen_at(gen *g, expr *e)
{
    decl *d = e->u.at.param->u.name.target;
    const char *day = emit_gen_expr(g, e->u.at.date);
    const char *t = emit_temp_of(g, d->type);
    if (g->fast) {
        emit_fast_uses_lookup(g, d);
        emit_try_call(g, emit_fmt(g, "%s(%s, &%s)", emit_fast_name(g, d->c_rules), day, t));
        return t;
    }
    emit_try_call(g, emit_fmt(g, "%s(ctx, %s, &%s)", d->c_rules, day, t));
    return t;
}

/* ---- Aggregates -------------------------------------------------------------- */

/* The loop body of an aggregate on the fast path, for a sum of integers or
 * amounts, a count, 'exists' and 'for all': an item outside the filter adds
 * nothing (a select, not a branch), and the loop runs to the end. Returns
 * false for the others (minimum, maximum, sums of decimals or durations),
 * written as on the rules that explain. */
static bool fast_aggregate(gen *g, expr *e, const char *r, const char *ovf)
{
    aggr_kind k = e->u.aggr.kind;
    if (k == AG_MINIMUM || k == AG_MAXIMUM || (k == AG_SUM && !ovf))
        return false;
    const char *f = e->u.aggr.filter ? emit_gen_expr(g, e->u.aggr.filter) : NULL;
    if (k == AG_COUNT) {
        if (f)
            emit_line(g, "%s += %s ? 1 : 0;", r, emit_bare(g, f));
        else
            emit_line(g, "%s++;", r);
        return true;
    }
    if (k == AG_EXISTS) {
        emit_line(g, "%s |= %s;", r, f ? f : "true");
        return true;
    }
    expr *body = e->u.aggr.body;
    size_t mark = g->body.len;
    const char *b = emit_gen_expr(g, body);
    if (k == AG_SUM)
        b = emit_convert(g, b, body->type, e->type);
    bool guarded = f && g->body.len != mark;     /* the body has work of its own: only for items it counts */
    if (guarded) {
        emit_guard_since(g, mark, f);
        g->indent++;
    }
    if (k == AG_SUM)
        emit_line(g, "%s = lov_int_add_noting(%s, %s, &%s);", r, r, f && !guarded ? emit_fmt(g, "%s ? %s : 0", emit_bare(g, f), b) : b, ovf);
    else
        emit_line(g, "%s &= %s;", r, f && !guarded ? emit_fmt(g, "!%s || %s", f, b) : b);
    if (guarded) {
        g->indent--;
        emit_line(g, "}");
    }
    return true;
}

static const char *gen_aggregate(gen *g, expr *e)
{
    aggr_kind k = e->u.aggr.kind;
    decl *list = e->u.aggr.list->u.name.target;
    read_input(g, list);
    aggr_var *v = e->u.aggr.binding;
    v->c_name = cname_unique(&g->locals, "", v->name.name);
    const type *elem = v->type;
    const char *r = emit_temp_of(g, e->type);
    switch (k) {
    case AG_EXISTS: emit_line(g, "%s = false;", r); break;
    case AG_FORALL: emit_line(g, "%s = true;", r); break;
    case AG_MINIMUM:
    case AG_MAXIMUM: emit_line(g, "%s.present = false;", r); break;
    default: emit_line(g, "%s = (%s)%s;", r, emit_ctype(g->em, e->type), emit_zero(g->em, e->type)); break;
    }
    const char *i = emit_fmt(g, "_i%d", ++g->ntemps);
    emit_line(g, "/* %s */", k == AG_SUM ? "sum" : k == AG_COUNT ? "count" : k == AG_EXISTS ? "exists"
                             : k == AG_FORALL ? "for all" : k == AG_MINIMUM ? "minimum" : "maximum");
    size_t loop_mark = g->body.len;
    aggr_var *outer_var = g->loop_var;
    strbuf *outer_resets = g->loop_resets;
    strbuf resets;
    sb_init(&resets);
    g->loop_var = v;
    g->loop_resets = &resets;
    strbuf hoist;
    sb_init(&hoist);
    strbuf *outer_hoist = g->loop_hoist;
    int outer_hoist_indent = g->hoist_indent;
    g->loop_hoist = &hoist;
    g->hoist_indent = g->indent;
    /* An exact sum of integers or amounts, on the fast path: overflow noted
     * at each item, checked once after the loop. */
    const char *ovf = NULL;
    if (g->fast && k == AG_SUM && (e->type->kind == T_INT || e->type->kind == T_MONEY)) {
        ovf = emit_temp(g, "bool", "false");
        emit_line(g, "%s = false;", ovf);
    }
    const char *items = emit_temp(g, emit_fmt(g, "const %s *", elem->kind == T_RECORD ? elem->decl->c_public
                                                                                          : emit_ctype(g->em, elem)),
                                  "NULL");
    const char *count = emit_temp(g, "size_t", "0");
    emit_line(g, "%s = ctx->in->%s;", items, list->c_name);
    emit_line(g, "%s = ctx->in->%s_count;", count, list->c_name);
    emit_line(g, "for (size_t %s = 0; %s < %s; %s++) {", i, i, count, i);
    g->indent++;
    if (elem->kind == T_RECORD)
        emit_line(g, "const %s *%s = &%s[%s];", elem->decl->c_public, v->c_name, items, i);
    else
        emit_line(g, "%s %s = %s[%s];", emit_ctype(g->em, elem), v->c_name, items, i);
    if (!(e->u.aggr.filter && emit_uses_var(e->u.aggr.filter, v)) && !(e->u.aggr.body && emit_uses_var(e->u.aggr.body, v)))
        emit_line(g, "(void)%s;    /* only counted */", v->c_name);
    if (g->fast && fast_aggregate(g, e, r, ovf)) {
        /* written, without a branch on the items */
    } else {
    if (e->u.aggr.filter) {
        const char *f = emit_gen_expr(g, e->u.aggr.filter);
        emit_line(g, "if (!%s)", f);
        emit_line(g, "    continue;");
    }
    switch (k) {
    case AG_COUNT:
        emit_line(g, "%s++;", r);
        break;
    case AG_EXISTS:
        emit_line(g, "%s = true;", r);
        emit_line(g, "break;");
        break;
    case AG_FORALL: {
        const char *b = emit_gen_expr(g, e->u.aggr.body);
        emit_line(g, "if (!%s) {", b);
        emit_line(g, "    %s = false;", r);
        emit_line(g, "    break;");
        emit_line(g, "}");
        break;
    }
    case AG_SUM: {
        expr *body = e->u.aggr.body;
        const char *b = emit_convert(g, emit_gen_expr(g, body), body->type, e->type);
        const char *fn = e->type->kind == T_INT ? "lov_int_add" : e->type->kind == T_DEC ? "lov_dec_add"
                         : e->type->kind == T_MONEY ? "lov_money_add" : "lov_duration_add";
        emit_try_call(g, emit_fmt(g, "%s(%s, %s, &%s)", fn, r, b, r));
        break;
    }
    case AG_MINIMUM:
    case AG_MAXIMUM: {
        expr *body = e->u.aggr.body;
        const char *b = emit_gen_expr(g, body);
        const char *better = emit_relation(g, b, emit_fmt(g, "%s.value", r), body->type, k == AG_MINIMUM ? "<" : ">");
        emit_line(g, "if (!%s.present || %s) {", r, better);
        emit_line(g, "    %s.present = true;", r);
        emit_line(g, "    %s.value = %s;", r, b);
        emit_line(g, "}");
        break;
    }
    }
    }
    g->indent--;
    emit_line(g, "}");
    if (ovf) {
        emit_line(g, "if (%s) {    /* checked once, after the loop */", ovf);
        emit_line(g, "    _st = LOV_OVERFLOW;");
        emit_line(g, "    %s", emit_jump(g, g->fail));
        emit_line(g, "}");
    }
    g->loop_var = outer_var;
    g->loop_resets = outer_resets;
    g->loop_hoist = outer_hoist;
    g->hoist_indent = outer_hoist_indent;
    if (hoist.len)
        emit_insert_at(g, loop_mark, hoist.data);
    sb_free(&hoist);
    if (resets.len) {
        strbuf indented;
        sb_init(&indented);
        for (const char *p = resets.data; *p;) {
            const char *nl = strchr(p, '\n');
            sb_printf(&indented, "%*s%.*s\n", g->indent * 4, "", (int)(nl - p), p);
            p = nl + 1;
        }
        emit_insert_at(g, loop_mark, indented.data);
        sb_free(&indented);
    }
    sb_free(&resets);
    return r;
}

/* ---- Expressions ------------------------------------------------------------- */

static const char *gen_uncached(gen *g, expr *e);

const char *emit_gen_expr(gen *g, expr *e)
{
    const char *lit = emit_literal(g, e);
    if (lit)
        return lit;
    if (emit_worth_caching(g, e))
        return emit_gen_cached(g, e, e->type, gen_uncached);
    return gen_uncached(g, e);
}

static const char *gen_uncached(gen *g, expr *e)
{
    switch (e->kind) {
    case E_NAME: return gen_name(g, e);
    case E_FIELD: return gen_field(g, e);
    case E_CALL: return gen_call(g, e);
    case E_UNARY: return gen_unary(g, e);
    case E_BINARY: return gen_binary(g, e);
    case E_IF: return gen_if(g, e);
    case E_MATCH: return gen_match(g, e);
    case E_AGGREGATE: return gen_aggregate(g, e);
    case E_WITHIN: return gen_within(g, e);
    case E_BETWEEN: return gen_between(g, e);
    case E_PRESENCE: return gen_presence(g, e);
    case E_OTHERWISE: return gen_otherwise(g, e);
    case E_ROUNDED: return gen_rounded(g, e);
    case E_UNIT:
        if (e->inexact != EXACT)
            return gen_ore(g, e);
        return gen_unit(g, e);
    case E_AT: return gen_at(g, e);
    default: return "0";
    }
}

/* One C function per definition, outcome, parameter and function, with the
 * expressions inside.
 *
 * Every expression becomes a few C statements that leave its value in a C
 * expression (a literal, a member, or a temporary declared at the top of
 * the function). A step that can fail (a missing fact, an overflow, a
 * conflict) stores its status in _st and jumps to the current failure
 * label; 'and', 'or' and 'implies' catch the failure of one side, because
 * the other side may decide the result on its own, as law reads them. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/builtins.h"
#include "emit/emit.h"
#include "core/lov.h"
#include "check/typecheck.h"

typedef struct label {
    int id;
    bool used;               /* a goto names it: place it (an unused label is a warning) */
} label;

typedef struct gen {
    emitter *em;
    strbuf decls;            /* temporaries, declared at the top */
    strbuf body;
    int ntemps;
    int nlabels;
    int indent;
    label *fail;             /* where a failing step jumps */
    cname_scope locals;      /* names from the source: formals, variables */
    decl *owner;
    aggr_var *loop_var;      /* the variable of the innermost aggregate being written */
    strbuf *loop_resets;     /* its cached values, to reset before its loop starts */
} gen;

static const char *gen_expr(gen *g, expr *e);

/* ---- Writing ---------------------------------------------------------- */

static const char *fmt(gen *g, const char *f, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static const char *fmt(gen *g, const char *f, ...)
{
    va_list ap, ap2;
    va_start(ap, f);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, f, ap);
    va_end(ap);
    char *s = arena_alloc(g->em->a, (size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, f, ap2);
    va_end(ap2);
    return s;
}

static void line(gen *g, const char *f, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void line(gen *g, const char *f, ...)
{
    for (int i = 0; i < g->indent; i++)
        sb_puts(&g->body, "    ");
    va_list ap;
    va_start(ap, f);
    int n = vsnprintf(NULL, 0, f, ap);
    va_end(ap);
    char *buf = xmalloc((size_t)n + 1);
    va_start(ap, f);
    vsnprintf(buf, (size_t)n + 1, f, ap);
    va_end(ap);
    sb_puts(&g->body, buf);
    sb_putc(&g->body, '\n');
    free(buf);
}

/* The line of loc in its .lov file, for comments and #line. */
static int lov_line(src_loc loc)
{
    int ln = 0, col = 0;
    if (loc.file)
        src_line_col((src_file *)loc.file, loc.start, &ln, &col);
    return ln;
}

static const char *temp(gen *g, const char *ctype, const char *zero)
{
    int n = ++g->ntemps;
    emit_printf(&g->decls, "    %s _t%d = %s;\n", ctype, n, zero);
    return fmt(g, "_t%d", n);
}

static const char *temp_of(gen *g, const type *t)
{
    return temp(g, emit_ctype(g->em, t), emit_zero(g->em, t));
}

static label *new_label(gen *g)
{
    label *l = arena_alloc(g->em->a, sizeof *l);
    l->id = ++g->nlabels;
    return l;
}

static const char *label_name(gen *g, const label *l)
{
    return l->id == 0 ? "_fail" : fmt(g, "_L%d", l->id);
}

static const char *jump(gen *g, label *l)
{
    l->used = true;
    return fmt(g, "goto %s;", label_name(g, l));
}

static void place(gen *g, label *l)
{
    if (!l->used)
        return;
    int saved = g->indent;
    g->indent = g->indent > 0 ? g->indent - 1 : 0;
    line(g, "%s:;", label_name(g, l));
    g->indent = saved;
}

/* Inserts text at byte 'mark' of the body (for a line that must come
 * before code already written, once it is known to be needed). */
static void insert_at(gen *g, size_t mark, const char *text)
{
    char *rest = xstrndup(g->body.data + mark, g->body.len - mark);
    g->body.len = mark;
    sb_puts(&g->body, text);
    sb_puts(&g->body, rest);
    free(rest);
}

/* c without a redundant outer pair of parentheses, for 'if (...)' (clang
 * warns about 'if ((a == b))'). */
static const char *bare(gen *g, const char *c)
{
    size_t n = strlen(c);
    if (n < 2 || c[0] != '(' || c[n - 1] != ')')
        return c;
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        depth += c[i] == '(' ? 1 : c[i] == ')' ? -1 : 0;
        if (depth == 0 && i < n - 1)
            return c;                   /* "(a) && (b)": the first ')' closes early */
    }
    return ast_strdup(g->em->a, c + 1, n - 2);
}

/* Runs a runtime call that returns a status; on failure, jumps. */
static void try_call(gen *g, const char *call)
{
    line(g, "if ((_st = %s) != LOV_OK)", call);
    line(g, "    %s", jump(g, g->fail));
}

/* ---- Values and conversions --------------------------------------------- */

/* The month end rule of the module the rule being written comes from. */
static const char *month_rule(gen *g)
{
    return g->owner->module->month_end == ME_OVERFLOW ? "LOV_MONTH_END_OVERFLOW" : "LOV_MONTH_END_CLAMP";
}

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

/* The value x of type 'from' as type 'to' (int to decimal, T to optional T). */
static const char *convert(gen *g, const char *x, const type *from, const type *to)
{
    if (!from || !to || type_equal(from, to))
        return x;
    if (to->kind == T_DEC && from->kind == T_INT)
        return fmt(g, "lov_dec_from_int(%s)", x);
    if (to->kind == T_OPTIONAL && from->kind != T_OPTIONAL) {
        const char *inner = convert(g, x, from, to->elem);
        return fmt(g, "(%s){true, %s}", emit_ctype(g->em, to), inner);
    }
    if (to->kind == T_OPTIONAL && from->kind == T_OPTIONAL && to->elem->kind == T_DEC
        && from->elem->kind == T_INT) {
        const char *t = temp_of(g, to);
        line(g, "%s.present = %s.present;", t, x);
        line(g, "%s.value = lov_dec_from_int(%s.value);", t, x);
        return t;
    }
    return x;
}

/* A C expression that is true when a and b (both of type t) are equal. */
static const char *equal(gen *g, const char *a, const char *b, const type *t)
{
    switch (t->kind) {
    case T_DEC:
        return fmt(g, "(lov_dec_cmp(%s, %s) == 0)", a, b);
    case T_DURATION:
        return fmt(g, "lov_duration_eq(%s, %s)", a, b);
    case T_OPTIONAL:
        return fmt(g, "(%s.present == %s.present && (!%s.present || %s))", a, b, a,
                   equal(g, fmt(g, "%s.value", a), fmt(g, "%s.value", b), t->elem));
    default:
        return fmt(g, "(%s == %s)", a, b);
    }
}

/* A C int expression <0, 0, >0 comparing a and b of type t (not duration). */
static const char *compare(gen *g, const char *a, const char *b, const type *t)
{
    if (t->kind == T_DEC)
        return fmt(g, "lov_dec_cmp(%s, %s)", a, b);
    if (t->kind == T_DURATION) {
        const char *r = temp(g, "int", "0");
        try_call(g, fmt(g, "lov_duration_cmp(%s, %s, &%s)", a, b, r));
        return r;
    }
    return fmt(g, "((%s > %s) - (%s < %s))", a, b, a, b);
}

/* A C condition: a REL b, for values of type t ("<", "<=", ">", ">="). */
static const char *relation(gen *g, const char *a, const char *b, const type *t, const char *rel)
{
    if (t->kind == T_DEC || t->kind == T_DURATION)
        return fmt(g, "(%s %s 0)", compare(g, a, b, t), rel);
    return fmt(g, "(%s %s %s)", a, rel, b);
}

/* The common type of two operands compared or chosen between. */
static const type *common(const type *a, const type *b)
{
    if (type_is_numeric(a) && type_is_numeric(b))
        return a->kind == T_DEC || b->kind == T_DEC ? type_dec() : type_int();
    if (a->kind == T_OPTIONAL && b->kind != T_OPTIONAL)
        return common(a->elem, b);
    if (b->kind == T_OPTIONAL && a->kind != T_OPTIONAL)
        return common(a, b->elem);
    return a;
}

static const char *lov_value_member(const type *t)
{
    switch (t->kind) {
    case T_BOOL: return "b";
    case T_INT: return "i";
    case T_DEC: return "dec";
    case T_MONEY: return "money";
    case T_DATE: return "date";
    case T_DURATION: return "dur";
    case T_ENUM: return "enum_case";
    default: return "i";
    }
}

/* A lov_value for a value of type t (optional: its inner value). */
static const char *as_lov_value(gen *g, const char *x, const type *t)
{
    if (t->kind == T_OPTIONAL)
        return as_lov_value(g, fmt(g, "%s.value", x), t->elem);
    if (t->kind == T_ENUM)
        return fmt(g, "(lov_value){.enum_case = (int32_t)%s}", x);
    return fmt(g, "(lov_value){.%s = %s}", lov_value_member(t), x);
}

/* The same as an initializer of a static table. */
static const char *lov_value_initializer(gen *g, const char *x, const type *t)
{
    if (t->kind == T_ENUM)
        return fmt(g, "{.enum_case = (int32_t)%s}", x);
    return fmt(g, "{.%s = %s}", lov_value_member(t), x);
}

/* ---- Values that do not change inside a loop ------------------------------------ */

/* Does e read the aggregate variable v? */
typedef struct var_use {
    const aggr_var *var;
    bool found;
} var_use;

static void visit_var(expr *e, void *ctx)
{
    var_use *u = ctx;
    if (e->kind == E_NAME && e->u.name.ref == REF_VAR && e->u.name.target == u->var)
        u->found = true;
}

static bool uses_var(const expr *e, const aggr_var *v)
{
    var_use u = {v, false};
    ast_walk((expr *)e, visit_var, &u);
    return u.found;
}

/* Worth keeping from one item of the loop to the next: work that does not
 * depend on the item (a literal or a plain read is not worth it). */
static bool worth_caching(const gen *g, const expr *e)
{
    if (!g->loop_var || e->type == NULL || e->type->kind == T_RECORD)
        return false;
    switch (e->kind) {
    case E_CALL: case E_UNIT: case E_ROUNDED: case E_AT: case E_IF: case E_MATCH: case E_OTHERWISE:
    case E_AGGREGATE:
        break;
    case E_BINARY:
        if (e->u.binary.op > B_DIV)
            return false;
        break;
    default:
        return false;
    }
    return e->inexact == EXACT && !uses_var(e, g->loop_var);
}

/* Works e out at its first use in the loop and keeps it for the rest: the
 * same value, and the same failure at the same point, as working it out each
 * time. */
static const char *gen_cached(gen *g, expr *e, const type *t, const char *(*gen_fn)(gen *, expr *))
{
    const char *value = temp_of(g, t);
    const char *done = temp(g, "bool", "false");
    sb_printf(g->loop_resets, "%s = false;\n", done);
    line(g, "if (!%s) {    /* the same for every item */", done);
    g->indent++;
    aggr_var *saved = g->loop_var;
    g->loop_var = NULL;
    line(g, "%s = %s;", value, gen_fn(g, e));
    g->loop_var = saved;
    line(g, "%s = true;", done);
    g->indent--;
    line(g, "}");
    return value;
}

/* ---- Literals -------------------------------------------------------------- */

static const char *literal(gen *g, expr *e)
{
    char buf[64];
    switch (e->kind) {
    case E_BOOL:
        return e->u.b ? "true" : "false";
    case E_INT:
        return fmt(g, "INT64_C(%" PRId64 ")", e->u.i);
    case E_DECIMAL:
        return fmt(g, "((lov_decimal){INT64_C(%" PRId64 "), %d})", e->u.dec.coef, (int)e->u.dec.scale);
    case E_MONEY:
        lov_money_format(e->u.money, buf, sizeof buf);
        return fmt(g, "INT64_C(%" PRId64 ") /* %s */", e->u.money, buf);
    case E_DATE:
        lov_date_format(e->u.date, buf);
        return fmt(g, "%d /* %s */", (int)e->u.date, buf);
    case E_DURATION:
        return fmt(g, "((lov_duration){%d, %d})", (int)e->u.dur.months, (int)e->u.dur.days);
    default:
        return NULL;
    }
}

/* ---- Names ------------------------------------------------------------------ */

static bool narrowed(const expr *e)
{
    return (e->kind == E_NAME || e->kind == E_FIELD) && e->u.name.narrowed;
}

static const char *read_input(gen *g, decl *d)
{
    if (d == g->em->mod->reference_input)
        return "ctx->reference_date";       /* known: checked on entry */
    line(g, "if (!ctx->in->known.%s) {", d->c_name);
    line(g, "    _st = missing_input(ctx, %d);", d->slot);
    line(g, "    %s", jump(g, g->fail));
    line(g, "}");
    if (d->type->kind == T_RECORD)
        return fmt(g, "(&ctx->in->%s)", d->c_name);
    return fmt(g, "ctx->in->%s", d->c_name);
}

static const char *read_parameter(gen *g, decl *d)
{
    if (d->u.param.constant)
        return gen_expr(g, d->u.param.constant);
    d->read_on_reference_date = true;
    const char *t = temp_of(g, d->type);
    try_call(g, fmt(g, "%s(ctx, &%s)", d->c_static, t));
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
        try_call(g, fmt(g, "dependency(ctx, %d, ctx->out->status.%s)", d->slot, d->c_name));
        return fmt(g, "ctx->out->%s", d->c_name);
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
    return narrowed(e) ? fmt(g, "%s.value", v) : v;
}

static const char *gen_field(gen *g, expr *e)
{
    if (e->u.name.ref == REF_CASE)
        return ((enum_case *)e->u.name.target)->c_name;
    const char *base = gen_expr(g, e->u.name.base);
    const type *bt = e->u.name.base->type;
    record_field *f = NL_AT(bt->decl->u.record.fields, e->u.name.field_index);
    const char *v = fmt(g, "%s->%s", base, f->c_name);
    return narrowed(e) ? fmt(g, "%s.value", v) : v;
}

/* ---- Calls --------------------------------------------------------------- */

static const char *gen_args(gen *g, expr *e, nodelist *formals)
{
    strbuf sb;
    sb_init(&sb);
    for (int i = 0; i < e->u.call.args.len; i++) {
        expr *a = NL_AT(e->u.call.args, i);
        formal *f = NL_AT(*formals, i);
        const char *v = convert(g, gen_expr(g, a), a->type, f->type);
        sb_printf(&sb, ", %s", v);
    }
    const char *s = fmt(g, "%s", sb.data ? sb.data : "");
    sb_free(&sb);
    return s;
}

static const char *gen_builtin(gen *g, expr *e, const builtin *b)
{
    nodelist *args = &e->u.call.args;
    expr *x = NL_AT(*args, 0);
    const char *a = gen_expr(g, x);
    switch (b->id) {
    case BI_MONTH_START: return fmt(g, "lov_date_month_start(%s)", a);
    case BI_MONTH_END: return fmt(g, "lov_date_month_end(%s)", a);
    case BI_YEAR_START: return fmt(g, "lov_date_year_start(%s)", a);
    case BI_YEAR_END: return fmt(g, "lov_date_year_end(%s)", a);
    case BI_YEAR_OF: return fmt(g, "((int64_t)lov_date_year(%s))", a);
    case BI_MONTH_OF: return fmt(g, "((int64_t)lov_date_month(%s))", a);
    case BI_DAY_OF: return fmt(g, "((int64_t)lov_date_day(%s))", a);
    case BI_WEEKDAY_OF: return fmt(g, "((int64_t)lov_date_weekday(%s))", a);
    case BI_NEXT_MONTH_START: {
        const char *t = temp(g, "lov_date", "0");
        try_call(g, fmt(g, "lov_date_next_month_start(%s, &%s)", a, t));
        return t;
    }
    case BI_DAYS_BETWEEN:
        return fmt(g, "lov_date_days_between(%s, %s)", a, gen_expr(g, NL_AT(*args, 1)));
    case BI_MONTHS_BETWEEN:
        return fmt(g, "lov_date_months_between(%s, %s)", a, gen_expr(g, NL_AT(*args, 1)));
    case BI_MIN:
    case BI_MAX: {
        expr *y = NL_AT(*args, 1);
        const char *bv = gen_expr(g, y);
        const type *t = e->type;
        const char *ca = convert(g, a, x->type, t), *cb = convert(g, bv, y->type, t);
        const char *r = temp_of(g, t);
        line(g, "%s = %s ? %s : %s;", r, relation(g, ca, cb, t, b->id == BI_MIN ? "<=" : ">="), ca, cb);
        return r;
    }
    case BI_ABS: {
        const char *r = temp_of(g, e->type);
        if (e->type->kind == T_DEC) {
            line(g, "%s = %s;", r, a);
            line(g, "if (%s.coef < 0)", r);
            g->indent++;
            try_call(g, fmt(g, "lov_dec_neg(%s, &%s)", a, r));
            g->indent--;
        } else {
            line(g, "%s = %s;", r, a);
            line(g, "if (%s < 0)", r);
            g->indent++;
            try_call(g, fmt(g, "%s(%s, &%s)",
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
    const char *r = temp_of(g, d->type);
    if (d->kind == D_EXTERNAL) {
        const char *args = gen_args(g, e, &d->u.external.params);
        line(g, "if (ctx->ext == NULL || ctx->ext->%s == NULL) {", d->c_static);
        line(g, "    _st = external_missing(ctx, %d);", d->slot);
        line(g, "    %s", jump(g, g->fail));
        line(g, "}");
        line(g, "if ((_st = ctx->ext->%s(ctx->ext->ctx%s, &%s)) != LOV_OK) {", d->c_static, args, r);
        line(g, "    _st = external_failed(ctx, %d, _st);", d->slot);
        line(g, "    %s", jump(g, g->fail));
        line(g, "}");
        return r;
    }
    const char *args = gen_args(g, e, &d->u.def.params);
    try_call(g, fmt(g, "%s(ctx%s, &%s)", d->c_static, args, r));
    return r;
}

/* ---- Boolean logic -------------------------------------------------------- */

/* 'a and b', 'a or b', 'a implies b' (as 'not a or b'). A side that cannot
 * be worked out does not matter when the other side decides alone: 'no and
 * ...' is no, 'yes or ...' is yes. Then what the undecided side reported
 * missing is forgotten again. */
static const char *gen_logic(gen *g, expr *e)
{
    binop op = e->u.binary.op;
    bool is_and = op == B_AND;
    const char *decisive = is_and ? "false" : "true";
    const char *res = temp(g, "bool", "false");
    line(g, "/* %s: %s */", ast_binop_text(op),
         is_and ? "no as soon as one side is no" : op == B_OR ? "yes as soon as one side is yes"
                                                            : "yes when the left is no or the right is yes");
    label *outer = g->fail;
    label *left_failed = new_label(g), *right_failed = new_label(g), *done = new_label(g);

    /* Left side; what it needs is kept aside in case the right side decides. */
    size_t mark = g->body.len;
    g->fail = left_failed;
    const char *a = gen_expr(g, e->u.binary.lhs);
    g->fail = outer;
    const char *left_st = NULL, *saved = NULL;
    if (left_failed->used) {
        left_st = temp(g, "lov_status", "LOV_OK");
        saved = temp(g, "why_state", "{0}");
        char *rest = xstrndup(g->body.data + mark, g->body.len - mark);
        g->body.len = mark;
        line(g, "if (ctx->explain)");
        line(g, "    %s = ctx->why;", saved);
        line(g, "%s = LOV_OK;", left_st);
        sb_puts(&g->body, rest);
        free(rest);
    }
    line(g, "%s = %s%s;", res, op == B_IMPLIES ? "!" : "", op == B_IMPLIES ? a : bare(g, a));
    line(g, "if (%s%s)", is_and ? "!" : "", res);
    line(g, "    %s", jump(g, done));
    if (left_failed->used) {
        label *right = new_label(g);
        line(g, "%s", jump(g, right));
        place(g, left_failed);
        line(g, "%s = _st;", left_st);
        place(g, right);
    }

    g->fail = right_failed;
    const char *b = gen_expr(g, e->u.binary.rhs);
    g->fail = outer;
    line(g, "if (%s%s) {", is_and ? "!" : "", is_and ? b : bare(g, b));
    line(g, "    %s = %s;", res, decisive);
    if (saved) {
        line(g, "    if (ctx->explain)");
        line(g, "        ctx->why = %s;", saved);
    }
    line(g, "    %s", jump(g, done));
    line(g, "}");
    if (left_st) {
        line(g, "if ((_st = %s) != LOV_OK)", left_st);
        line(g, "    %s", jump(g, outer));
    }
    line(g, "%s = %s;", res, is_and ? "true" : "false");
    if (right_failed->used) {
        line(g, "%s", jump(g, done));
        place(g, right_failed);
        if (left_st)
            line(g, "_st = worse(%s, _st);", left_st);
        line(g, "%s", jump(g, outer));
    }
    place(g, done);
    return res;
}

/* ---- Arithmetic ----------------------------------------------------------- */

static const char *arith_call(gen *g, const type *t, const char *fn_int, const char *fn_dec,
                              const char *fn_money, const char *a, const char *b)
{
    const char *r = temp_of(g, t);
    const char *fn = t->kind == T_DEC ? fn_dec : t->kind == T_MONEY ? fn_money : fn_int;
    try_call(g, fmt(g, "%s(%s, %s, &%s)", fn, a, b, r));
    return r;
}

static const char *gen_add_sub(gen *g, expr *e, const char *a, const char *b)
{
    bool sub = e->u.binary.op == B_SUB;
    const type *l = e->u.binary.lhs->type, *r = e->u.binary.rhs->type, *t = e->type;
    if (t->kind == T_INT || t->kind == T_DEC || t->kind == T_MONEY)
        return arith_call(g, t, sub ? "lov_int_sub" : "lov_int_add", sub ? "lov_dec_sub" : "lov_dec_add",
                          sub ? "lov_money_sub" : "lov_money_add", convert(g, a, l, t),
                          convert(g, b, r, t));
    if (t->kind == T_DATE) {
        const char *res = temp(g, "lov_date", "0");
        const char *date = l->kind == T_DATE ? a : b, *dur = l->kind == T_DATE ? b : a;
        try_call(g, fmt(g, "%s(%s, %s, %s, &%s)", sub ? "lov_date_sub_duration" : "lov_date_add_duration",
                        date, dur, month_rule(g), res));
        return res;
    }
    /* durations: date - date, or duration +/- duration */
    const char *res = temp(g, "lov_duration", "{0, 0}");
    if (l->kind == T_DATE) {
        try_call(g, fmt(g, "lov_duration_days(lov_date_days_between(%s, %s), &%s)", b, a, res));
        return res;
    }
    if (sub) {
        const char *neg = temp(g, "lov_duration", "{0, 0}");
        try_call(g, fmt(g, "lov_duration_neg(%s, &%s)", b, neg));
        b = neg;
    }
    try_call(g, fmt(g, "lov_duration_add(%s, %s, &%s)", a, b, res));
    return res;
}

static const char *gen_mul(gen *g, expr *e, const char *a, const char *b)
{
    const type *l = e->u.binary.lhs->type, *r = e->u.binary.rhs->type, *t = e->type;
    if (t->kind == T_INT || t->kind == T_DEC)
        return arith_call(g, t, "lov_int_mul", "lov_dec_mul", "", convert(g, a, l, t),
                          convert(g, b, r, t));
    if (t->kind == T_MONEY) {
        const char *res = temp(g, "lov_money", "0");
        const char *m = l->kind == T_MONEY ? a : b, *k = l->kind == T_MONEY ? b : a;
        try_call(g, fmt(g, "lov_money_mul_int(%s, %s, &%s)", m, k, res));
        return res;
    }
    const char *res = temp(g, "lov_duration", "{0, 0}");
    const char *d = l->kind == T_DURATION ? a : b, *k = l->kind == T_DURATION ? b : a;
    try_call(g, fmt(g, "lov_duration_mul(%s, %s, &%s)", d, k, res));
    return res;
}

/* An exact amount in øre, as a decimal: the value of an expression whose
 * products may hold fractions of an øre, before it is rounded once. */
static const char *gen_ore(gen *g, expr *e)
{
    if (e->inexact == EXACT && e->type->kind == T_MONEY)
        return fmt(g, "lov_money_to_dec(%s)", gen_expr(g, e));
    const char *r = temp(g, "lov_decimal", "{0, 0}");
    switch (e->kind) {
    case E_BINARY: {
        expr *l = e->u.binary.lhs, *rt = e->u.binary.rhs;
        if (e->u.binary.op == B_MUL) {
            expr *m = l->type->kind == T_MONEY ? l : rt, *k = l->type->kind == T_MONEY ? rt : l;
            const char *mv = gen_ore(g, m);
            const char *kv = convert(g, gen_expr(g, k), k->type, type_dec());
            try_call(g, fmt(g, "lov_dec_mul(%s, %s, &%s)", mv, kv, r));
            return r;
        }
        const char *a = gen_ore(g, l), *b = gen_ore(g, rt);
        try_call(g, fmt(g, "%s(%s, %s, &%s)", e->u.binary.op == B_SUB ? "lov_dec_sub" : "lov_dec_add", a,
                        b, r));
        return r;
    }
    case E_UNARY:
        try_call(g, fmt(g, "lov_dec_neg(%s, &%s)", gen_ore(g, e->u.unary.operand), r));
        return r;
    case E_UNIT: {
        /* 'x kr' of a decimal x: x * 100 øre */
        expr *x = e->u.unit.subject;
        const char *xv = convert(g, gen_expr(g, x), x->type, type_dec());
        try_call(g, fmt(g, "lov_dec_mul(%s, ((lov_decimal){100, 0}), &%s)", xv, r));
        return r;
    }
    default:
        return fmt(g, "lov_money_to_dec(%s)", gen_expr(g, e));
    }
}

/* 'x rounded MODE [to kr | to N decimals]'. */
static const char *gen_rounded(gen *g, expr *e)
{
    expr *x = e->u.rounded.subject;
    const char *mode = rounding(e->u.rounded.mode);
    round_target target = e->u.rounded.target;
    const type *xt = x->type;
    const char *r = temp_of(g, e->type);

    if (x->inexact == INEXACT_DIVISION) {
        expr *num = x->u.binary.lhs, *den = x->u.binary.rhs;
        const char *a = gen_expr(g, num), *b = gen_expr(g, den);
        if (xt->kind == T_MONEY && target == RT_DEFAULT && den->type->kind == T_INT) {
            try_call(g, fmt(g, "lov_money_div_int(%s, %s, %s, &%s)", a, b, mode, r));
            return r;
        }
        const char *an = num->type->kind == T_MONEY ? fmt(g, "lov_money_to_dec(%s)", a)
                                                    : convert(g, a, num->type, type_dec());
        const char *bn = den->type->kind == T_MONEY ? fmt(g, "lov_money_to_dec(%s)", b)
                                                    : convert(g, b, den->type, type_dec());
        if (xt->kind == T_MONEY && target == RT_KR) {
            const char *hundredfold = temp(g, "lov_decimal", "{0, 0}");
            try_call(g, fmt(g, "lov_dec_mul(%s, ((lov_decimal){100, 0}), &%s)", bn, hundredfold));
            bn = hundredfold;
        }
        int scale = target == RT_DECIMALS ? e->u.rounded.decimals : 0;
        const char *q = temp(g, "lov_decimal", "{0, 0}");
        try_call(g, fmt(g, "lov_dec_div(%s, %s, %d, %s, &%s)", an, bn, scale, mode, q));
        if (e->type->kind == T_DEC) {
            line(g, "%s = %s;", r, q);
        } else if (e->type->kind == T_INT) {
            try_call(g, fmt(g, "lov_dec_to_int(%s, %s, &%s)", q, mode, r));
        } else {
            const char *whole = temp(g, "int64_t", "0");
            try_call(g, fmt(g, "lov_dec_to_int(%s, %s, &%s)", q, mode, whole));
            if (target == RT_KR)
                try_call(g, fmt(g, "lov_money_from_kroner(%s, &%s)", whole, r));
            else
                line(g, "%s = %s;", r, whole);
        }
        return r;
    }
    if (xt->kind == T_MONEY) {
        if (x->inexact == EXACT) {
            const char *a = gen_expr(g, x);
            if (target == RT_KR)
                try_call(g, fmt(g, "lov_money_round_to(%s, 100, %s, &%s)", a, mode, r));
            else
                line(g, "%s = %s;", r, a);
            return r;
        }
        const char *d = gen_ore(g, x);
        if (target == RT_KR) {
            const char *kr = temp(g, "lov_decimal", "{0, 0}");
            const char *whole = temp(g, "int64_t", "0");
            try_call(g, fmt(g, "lov_dec_div(%s, ((lov_decimal){100, 0}), 0, %s, &%s)", d, mode, kr));
            try_call(g, fmt(g, "lov_dec_to_int(%s, %s, &%s)", kr, mode, whole));
            try_call(g, fmt(g, "lov_money_from_kroner(%s, &%s)", whole, r));
        } else {
            try_call(g, fmt(g, "lov_dec_to_money(%s, %s, &%s)", d, mode, r));
        }
        return r;
    }
    const char *a = gen_expr(g, x);
    if (xt->kind == T_INT) {
        line(g, "%s = %s;", r, a);
        return r;
    }
    if (target == RT_DECIMALS)
        try_call(g, fmt(g, "lov_dec_round(%s, %d, %s, &%s)", a, e->u.rounded.decimals, mode, r));
    else
        try_call(g, fmt(g, "lov_dec_to_int(%s, %s, &%s)", a, mode, r));
    return r;
}

static const char *gen_unit(gen *g, expr *e)
{
    expr *x = e->u.unit.subject;
    const char *a = gen_expr(g, x);
    const char *r = temp_of(g, e->type);
    switch (e->u.unit.unit) {
    case UNIT_KR:
        try_call(g, fmt(g, "lov_money_from_kroner(%s, &%s)", a, r));
        break;
    case UNIT_PERCENT:
        try_call(g, fmt(g, "lov_dec_mul(%s, ((lov_decimal){1, 2}), &%s)",
                        convert(g, a, x->type, type_dec()), r));
        break;
    case UNIT_DAYS: try_call(g, fmt(g, "lov_duration_days(%s, &%s)", a, r)); break;
    case UNIT_WEEKS: try_call(g, fmt(g, "lov_duration_weeks(%s, &%s)", a, r)); break;
    case UNIT_MONTHS: try_call(g, fmt(g, "lov_duration_months(%s, &%s)", a, r)); break;
    case UNIT_YEARS: try_call(g, fmt(g, "lov_duration_years(%s, &%s)", a, r)); break;
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
    const char *a = gen_expr(g, e->u.binary.lhs);
    const char *b = gen_expr(g, e->u.binary.rhs);
    const type *l = e->u.binary.lhs->type, *r = e->u.binary.rhs->type;
    if (op >= B_EQ) {
        const type *t = common(l, r);
        if (op == B_EQ || op == B_NE) {
            const char *eq;
            if (l->kind == T_OPTIONAL && r->kind != T_OPTIONAL)
                eq = fmt(g, "(%s.present && %s)", a,
                         equal(g, convert(g, fmt(g, "%s.value", a), l->elem, t), convert(g, b, r, t), t));
            else if (r->kind == T_OPTIONAL && l->kind != T_OPTIONAL)
                eq = fmt(g, "(%s.present && %s)", b,
                         equal(g, convert(g, a, l, t), convert(g, fmt(g, "%s.value", b), r->elem, t), t));
            else
                eq = equal(g, convert(g, a, l, t), convert(g, b, r, t), t);
            return op == B_EQ ? eq : fmt(g, "(!%s)", eq);
        }
        const char *rel = op == B_LT ? "<" : op == B_LE ? "<=" : op == B_GT ? ">" : ">=";
        return relation(g, convert(g, a, l, t), convert(g, b, r, t), t, rel);
    }
    switch (op) {
    case B_ADD:
    case B_SUB:
        return gen_add_sub(g, e, a, b);
    case B_MUL:
        return gen_mul(g, e, a, b);
    default:
        return "0";               /* division is generated under 'rounded' */
    }
}

static const char *gen_unary(gen *g, expr *e)
{
    expr *x = e->u.unary.operand;
    if (e->u.unary.op == U_NOT)
        return fmt(g, "(!%s)", gen_expr(g, x));
    if (e->inexact != EXACT)
        return gen_ore(g, e);
    const char *a = gen_expr(g, x);
    const char *r = temp_of(g, e->type);
    const char *fn = e->type->kind == T_DEC ? "lov_dec_neg" : e->type->kind == T_MONEY ? "lov_money_neg"
                     : e->type->kind == T_DURATION ? "lov_duration_neg" : "lov_int_neg";
    try_call(g, fmt(g, "%s(%s, &%s)", fn, a, r));
    return r;
}

/* ---- Choices ---------------------------------------------------------------- */

static const char *gen_if(gen *g, expr *e)
{
    const char *c = gen_expr(g, e->u.if_.cond);
    const char *r = temp_of(g, e->type);
    line(g, "if (%s) {", bare(g, c));
    g->indent++;
    expr *a = e->u.if_.then_e, *b = e->u.if_.else_e;
    line(g, "%s = %s;", r, convert(g, gen_expr(g, a), a->type, e->type));
    g->indent--;
    line(g, "} else {");
    g->indent++;
    line(g, "%s = %s;", r, convert(g, gen_expr(g, b), b->type, e->type));
    g->indent--;
    line(g, "}");
    return r;
}

static const char *gen_match(gen *g, expr *e)
{
    const char *s = gen_expr(g, e->u.match.scrutinee);
    decl *en = e->u.match.scrutinee->type->decl;
    const char *r = temp_of(g, e->type);
    line(g, "switch (%s) {", s);
    for (int i = 0; i < e->u.match.arms.len; i++) {
        match_arm *arm = NL_AT(e->u.match.arms, i);
        for (int k = 0; k < arm->cases.len; k++) {
            ident *id = NL_AT(arm->cases, k);
            enum_case *c = NULL;
            for (int j = 0; j < en->u.enum_.cases.len; j++)
                if (strcmp(((enum_case *)NL_AT(en->u.enum_.cases, j))->name.name, id->name) == 0)
                    c = NL_AT(en->u.enum_.cases, j);
            line(g, "case %s:", c ? c->c_name : "0");
        }
        g->indent++;
        line(g, "%s = %s;", r, convert(g, gen_expr(g, arm->body), arm->body->type, e->type));
        line(g, "break;");
        g->indent--;
    }
    line(g, "default:");
    g->indent++;
    if (e->u.match.else_e) {
        line(g, "%s = %s;", r, convert(g, gen_expr(g, e->u.match.else_e), e->u.match.else_e->type, e->type));
        line(g, "break;");
    } else {
        line(g, "_st = LOV_INVALID_INPUT;    /* not a case of %s */", emit_comment_text(g->em, en->name.name));
        line(g, "%s", jump(g, g->fail));
    }
    g->indent--;
    line(g, "}");
    return r;
}

static const char *gen_presence(gen *g, expr *e)
{
    const char *x = gen_expr(g, e->u.presence.subject);
    return fmt(g, "(%s%s.present)", e->u.presence.present ? "" : "!", x);
}

static const char *gen_otherwise(gen *g, expr *e)
{
    expr *x = e->u.otherwise.subject, *f = e->u.otherwise.fallback;
    const char *v = gen_expr(g, x);
    const char *r = temp_of(g, e->type);
    bool whole = e->type->kind == T_OPTIONAL;
    line(g, "if (%s.present) {", v);
    line(g, "    %s = %s;", r,
         whole ? v : convert(g, fmt(g, "%s.value", v), x->type->elem, e->type));
    line(g, "} else {");
    g->indent++;
    line(g, "%s = %s;", r, convert(g, gen_expr(g, f), f->type, e->type));
    g->indent--;
    line(g, "}");
    return r;
}

/* 'D within SPAN before ANCHOR' (ANCHOR - SPAN <= D < ANCHOR) and 'after'
 * (ANCHOR < D <= ANCHOR + SPAN). In a loop, the far edge is worked out once
 * when it does not depend on the item. */
static const char *gen_within(gen *g, expr *e)
{
    const char *s = gen_expr(g, e->u.within.subject);
    const char *anchor = gen_expr(g, e->u.within.anchor);
    const char *span = gen_expr(g, e->u.within.span);
    const char *edge = temp(g, "lov_date", "0");
    const type *st = e->u.within.span->type;
    bool after = e->u.within.after;
    /* A span counted only in months or only in days needs one step, not two. */
    const char *step = st->unit == DU_MONTHS
        ? fmt(g, "lov_date_add_months(%s, %s(int64_t)%s.months, %s, &%s)", anchor, after ? "" : "-", span,
              month_rule(g), edge)
        : st->unit == DU_DAYS ? fmt(g, "lov_date_add_days(%s, %s(int64_t)%s.days, &%s)", anchor, after ? "" : "-",
                                    span, edge)
        : fmt(g, "%s(%s, %s, %s, &%s)", after ? "lov_date_add_duration" : "lov_date_sub_duration", anchor, span,
              month_rule(g), edge);
    bool fixed = g->loop_var && !uses_var(e->u.within.span, g->loop_var)
                 && !uses_var(e->u.within.anchor, g->loop_var);
    if (fixed) {
        const char *done = temp(g, "bool", "false");
        sb_printf(g->loop_resets, "%s = false;\n", done);
        line(g, "if (!%s) {    /* the same for every item */", done);
        g->indent++;
        try_call(g, step);
        line(g, "%s = true;", done);
        g->indent--;
        line(g, "}");
    } else {
        try_call(g, step);
    }
    return e->u.within.after ? fmt(g, "(%s < %s && %s <= %s)", anchor, s, s, edge)
                             : fmt(g, "(%s <= %s && %s < %s)", edge, s, s, anchor);
}

static const char *gen_between(gen *g, expr *e)
{
    expr *xs = e->u.between.subject, *lo = e->u.between.low, *hi = e->u.between.high;
    const char *s = gen_expr(g, xs), *a = gen_expr(g, lo), *b = gen_expr(g, hi);
    const type *t = common(common(xs->type, lo->type), hi->type);
    const char *cs = convert(g, s, xs->type, t);
    const char *c1 = relation(g, convert(g, a, lo->type, t), cs, t, "<=");
    const char *c2 = relation(g, cs, convert(g, b, hi->type, t), t, "<=");
    return fmt(g, "(%s && %s)", c1, c2);
}

static const char *gen_at(gen *g, expr *e)
{
    decl *d = e->u.at.param->u.name.target;
    const char *day = gen_expr(g, e->u.at.date);
    const char *t = temp_of(g, d->type);
    try_call(g, fmt(g, "%s(ctx, %s, &%s)", d->c_rules, day, t));
    return t;
}

/* ---- Aggregates -------------------------------------------------------------- */

static const char *gen_aggregate(gen *g, expr *e)
{
    aggr_kind k = e->u.aggr.kind;
    decl *list = e->u.aggr.list->u.name.target;
    read_input(g, list);
    aggr_var *v = e->u.aggr.binding;
    v->c_name = cname_unique(&g->locals, "", v->name.name);
    const type *elem = v->type;
    const char *r = temp_of(g, e->type);
    switch (k) {
    case AG_EXISTS: line(g, "%s = false;", r); break;
    case AG_FORALL: line(g, "%s = true;", r); break;
    case AG_MINIMUM:
    case AG_MAXIMUM: line(g, "%s.present = false;", r); break;
    default: line(g, "%s = (%s)%s;", r, emit_ctype(g->em, e->type), emit_zero(g->em, e->type)); break;
    }
    const char *i = fmt(g, "_i%d", ++g->ntemps);
    line(g, "/* %s */", k == AG_SUM ? "sum" : k == AG_COUNT ? "count" : k == AG_EXISTS ? "exists"
                        : k == AG_FORALL ? "for all" : k == AG_MINIMUM ? "minimum" : "maximum");
    size_t loop_mark = g->body.len;
    aggr_var *outer_var = g->loop_var;
    strbuf *outer_resets = g->loop_resets;
    strbuf resets;
    sb_init(&resets);
    g->loop_var = v;
    g->loop_resets = &resets;
    const char *items = temp(g, fmt(g, "const %s *", elem->kind == T_RECORD ? elem->decl->c_public
                                                                                : emit_ctype(g->em, elem)), "NULL");
    const char *count = temp(g, "size_t", "0");
    line(g, "%s = ctx->in->%s;", items, list->c_name);
    line(g, "%s = ctx->in->%s_count;", count, list->c_name);
    line(g, "for (size_t %s = 0; %s < %s; %s++) {", i, i, count, i);
    g->indent++;
    if (elem->kind == T_RECORD)
        line(g, "const %s *%s = &%s[%s];", elem->decl->c_public, v->c_name, items, i);
    else
        line(g, "%s %s = %s[%s];", emit_ctype(g->em, elem), v->c_name, items, i);
    if (!e->u.aggr.filter && !e->u.aggr.body)
        line(g, "(void)%s;    /* only counted */", v->c_name);
    if (e->u.aggr.filter) {
        const char *f = gen_expr(g, e->u.aggr.filter);
        line(g, "if (!%s)", f);
        line(g, "    continue;");
    }
    switch (k) {
    case AG_COUNT:
        line(g, "%s++;", r);
        break;
    case AG_EXISTS:
        line(g, "%s = true;", r);
        line(g, "break;");
        break;
    case AG_FORALL: {
        const char *b = gen_expr(g, e->u.aggr.body);
        line(g, "if (!%s) {", b);
        line(g, "    %s = false;", r);
        line(g, "    break;");
        line(g, "}");
        break;
    }
    case AG_SUM: {
        expr *body = e->u.aggr.body;
        const char *b = convert(g, gen_expr(g, body), body->type, e->type);
        const char *fn = e->type->kind == T_INT ? "lov_int_add" : e->type->kind == T_DEC ? "lov_dec_add"
                         : e->type->kind == T_MONEY ? "lov_money_add" : "lov_duration_add";
        try_call(g, fmt(g, "%s(%s, %s, &%s)", fn, r, b, r));
        break;
    }
    case AG_MINIMUM:
    case AG_MAXIMUM: {
        expr *body = e->u.aggr.body;
        const char *b = gen_expr(g, body);
        const char *better = relation(g, b, fmt(g, "%s.value", r), body->type, k == AG_MINIMUM ? "<" : ">");
        line(g, "if (!%s.present || %s) {", r, better);
        line(g, "    %s.present = true;", r);
        line(g, "    %s.value = %s;", r, b);
        line(g, "}");
        break;
    }
    }
    g->indent--;
    line(g, "}");
    g->loop_var = outer_var;
    g->loop_resets = outer_resets;
    if (resets.len) {
        strbuf indented;
        sb_init(&indented);
        for (const char *p = resets.data; *p;) {
            const char *nl = strchr(p, '\n');
            sb_printf(&indented, "%*s%.*s\n", g->indent * 4, "", (int)(nl - p), p);
            p = nl + 1;
        }
        insert_at(g, loop_mark, indented.data);
        sb_free(&indented);
    }
    sb_free(&resets);
    return r;
}

/* ---- Expressions ------------------------------------------------------------- */

static const char *gen_uncached(gen *g, expr *e);

static const char *gen_expr(gen *g, expr *e)
{
    const char *lit = literal(g, e);
    if (lit)
        return lit;
    if (worth_caching(g, e))
        return gen_cached(g, e, e->type, gen_uncached);
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

/* ---- Rules --------------------------------------------------------------------- */

/* Notes a step for the trace: inline in definitions with parameters (they
 * may run many times), as a mark in ctx->marks otherwise (written out by
 * write_trace after the evaluation, so an evaluation without a trace pays
 * one store). 'cond' picks event_yes or event_no. */
static void note_step(gen *g, int provision, const char *cond, const char *event_yes, const char *event_no)
{
    if (g->owner->kind == D_DEFINITION && g->owner->u.def.has_params) {
        line(g, "if (ctx->trace)");
        line(g, "    lov_trace_add(ctx->trace, %d, %s ? %s : %s, LOV_OK, false, (lov_value){.i = 0});", provision,
             cond, event_yes, event_no);
    } else {
        line(g, "ctx->marks[%d] = (uint8_t)(%s ? %s + 1 : %s + 1);", provision, cond, event_yes, event_no);
    }
}

static void note_failed_step(gen *g, int provision)
{
    if (g->owner->kind == D_DEFINITION && g->owner->u.def.has_params) {
        line(g, "if (ctx->trace)");
        line(g, "    lov_trace_add(ctx->trace, %d, LOV_TRACE_FAILED, _st, false, (lov_value){.i = 0});", provision);
    } else {
        line(g, "ctx->marks[%d] = (uint8_t)(LOV_TRACE_FAILED + 1 + (_st << 4));", provision);
    }
}

/* Writes the value of the rule 'node' (NULL: the definition's root) into
 * 'target': the value of the one applicable exception below it (after its
 * own exceptions), or its own value when none applies. Two exceptions at the
 * same level that apply with different values are a conflict.
 *
 * An exception whose condition cannot be worked out (a fact is missing)
 * leaves the value undetermined, unless it would not change it: when it
 * would give the same value as the rules that are known to apply (or as the
 * general rule, when none is known to apply), the value stands. */
static void gen_rule_node(gen *g, decl *d, ast_rule *node, const char *target)
{
    nodelist *rules = &d->u.def.rules;
    const type *t = d->type;
    const char *found = NULL, *first = NULL;
    const char *pending_st = NULL, *saved = NULL;
    ptrvec pending_values, pending_flags;
    memset(&pending_values, 0, sizeof pending_values);
    memset(&pending_flags, 0, sizeof pending_flags);
    size_t mark = g->body.len;
    label *outer = g->fail;
    for (int i = 0; i < rules->len; i++) {
        ast_rule *x = NL_AT(*rules, i);
        if (x->is_default || x->parent_rule != node)
            continue;
        if (!found) {
            found = temp(g, "bool", "false");
            first = temp(g, "int", "-1");
        }
        line(g, "/* exception %s (line %d): %s */", emit_comment_text(g->em, x->label.name), lov_line(x->loc),
             emit_citation_text(g->em, x->cite));
        /* Whether it applies: 1 yes, 0 no, 2 unknown (a fact it needs is
         * missing). Its own exceptions are worked out once, after. */
        const char *applies = temp(g, "int", "0");
        label *cond_failed = new_label(g), *decided = new_label(g);
        g->fail = cond_failed;
        const char *c = gen_expr(g, x->cond);
        g->fail = outer;
        note_step(g, x->provision, c, "LOV_TRACE_APPLIES", "LOV_TRACE_DOES_NOT_APPLY");
        line(g, "%s = %s ? 1 : 0;", applies, bare(g, c));
        const char *pv = NULL, *flag = NULL;
        if (cond_failed->used) {
            if (!pending_st) {
                pending_st = temp(g, "lov_status", "LOV_OK");
                saved = temp(g, "why_state", "{0}");
            }
            pv = temp_of(g, t);
            flag = temp(g, "bool", "false");
            pv_push(&pending_values, (void *)pv);
            pv_push(&pending_flags, (void *)flag);
            line(g, "%s", jump(g, decided));
            place(g, cond_failed);
            line(g, "%s = worse(%s, _st);", pending_st, pending_st);
            note_failed_step(g, x->provision);
            line(g, "%s = 2;", applies);
            place(g, decided);
        }
        line(g, "if (%s != 0) {", applies);
        g->indent++;
        const char *v = temp_of(g, t);
        gen_rule_node(g, d, x, v);
        line(g, "if (%s == 1) {", applies);
        g->indent++;
        line(g, "if (!%s) {", found);
        line(g, "    %s = %s;", target, v);
        line(g, "    %s = true;", found);
        line(g, "    %s = %d;", first, x->provision);
        line(g, "} else if (!%s) {", equal(g, target, v, t));
        line(g, "    _st = conflict(ctx, %s, %d);", first, x->provision);
        line(g, "    %s", jump(g, g->fail));
        line(g, "}");
        g->indent--;
        if (pv) {
            /* Unknown whether it applies: keep what it would give. */
            line(g, "} else {");
            line(g, "    %s = %s;", pv, v);
            line(g, "    %s = true;", flag);
        }
        line(g, "}");
        g->indent--;
        line(g, "}");
    }
    if (pending_st) {
        strbuf init;
        sb_init(&init);
        sb_printf(&init, "%*sif (ctx->explain)\n%*s    %s = ctx->why;\n%*s%s = LOV_OK;\n", g->indent * 4, "",
                  g->indent * 4, "", saved, g->indent * 4, "", pending_st);
        for (size_t i = 0; i < pending_flags.len; i++)
            sb_printf(&init, "%*s%s = false;\n", g->indent * 4, "", (const char *)pending_flags.items[i]);
        insert_at(g, mark, init.data);
        sb_free(&init);
    }
    if (found) {
        line(g, "if (!%s) {", found);
        g->indent++;
    }
    if (node) {
        line(g, "%s = %s;", target, convert(g, gen_expr(g, node->value), node->value->type, t));
    } else if (d->u.def.default_rule) {
        ast_rule *dr = d->u.def.default_rule;
        line(g, "/* %s (line %d) */", d->u.def.rules.len > 1 ? "the default" : "the rule", lov_line(dr->loc));
        line(g, "%s = %s;", target, convert(g, gen_expr(g, dr->value), dr->value->type, t));
    } else {
        if (pending_st) {
            line(g, "if (%s != LOV_OK) {", pending_st);
            line(g, "    _st = %s;    /* an exception may apply: unknown */", pending_st);
            line(g, "    %s", jump(g, g->fail));
            line(g, "}");
        }
        line(g, "_st = no_rule(ctx, %d);", d->provision);
        line(g, "%s", jump(g, g->fail));
    }
    if (found) {
        g->indent--;
        line(g, "}");
    }
    if (pending_st) {
        line(g, "if (%s != LOV_OK) {", pending_st);
        g->indent++;
        line(g, "/* decided all the same if the unsure exceptions would give the same value */");
        for (size_t i = 0; i < pending_values.len; i++) {
            const char *pv = pending_values.items[i], *flag = pending_flags.items[i];
            line(g, "if (%s && !%s) {", flag, equal(g, target, pv, t));
            line(g, "    _st = %s;", pending_st);
            line(g, "    %s", jump(g, g->fail));
            line(g, "}");
        }
        line(g, "if (ctx->explain)");
        line(g, "    ctx->why = %s;", saved);
        g->indent--;
        line(g, "}");
    }
    pv_free(&pending_values);
    pv_free(&pending_flags);
}

/* The prerequisites of an adverse outcome: when the rules give it a value
 * other than its default, each must hold, or the outcome keeps its default
 * and is held back. A prerequisite that cannot be worked out holds it back
 * too, and then (unless another one is known not to hold) the outcome is
 * undetermined. */
static void gen_requirements(gen *g, decl *d)
{
    ast_rule *dr = d->u.def.default_rule;
    const char *dflt = gen_expr(g, dr->value);
    line(g, "if (!%s) {", equal(g, "(*result)", dflt, d->type));
    g->indent++;
    const char *held = temp(g, "uint32_t", "0");
    const char *refused = temp(g, "bool", "false");
    const char *unknown = temp(g, "lov_status", "LOV_OK");
    const char *saved = temp(g, "why_state", "{0}");
    line(g, "if (ctx->explain)");
    line(g, "    %s = ctx->why;", saved);
    label *outer = g->fail;
    for (int i = 0; i < d->u.def.requires.len; i++) {
        requirement *req = NL_AT(d->u.def.requires, i);
        line(g, "/* requires (line %d): %s */", lov_line(req->loc), emit_citation_text(g->em, req->cite));
        label *failed = new_label(g), *next = new_label(g);
        g->fail = failed;
        const char *c = gen_expr(g, req->cond);
        g->fail = outer;
        note_step(g, req->provision, c, "LOV_TRACE_MET", "LOV_TRACE_NOT_MET");
        line(g, "if (!%s) {", c);
        line(g, "    %s |= UINT32_C(1) << %d;", held, i);
        line(g, "    %s = true;", refused);
        line(g, "}");
        line(g, "%s", jump(g, next));
        place(g, failed);
        if (failed->used) {
            note_failed_step(g, req->provision);
            line(g, "%s = worse(%s, _st);", unknown, unknown);
            line(g, "%s |= UINT32_C(1) << %d;", held, i);
        }
        place(g, next);
    }
    line(g, "ctx->out->held_back.%s = %s;", d->c_name, held);
    line(g, "if (%s != 0)", held);
    line(g, "    *result = %s;", dflt);
    line(g, "if (%s != LOV_OK && !%s) {", unknown, refused);
    line(g, "    _st = %s;", unknown);
    line(g, "    %s", jump(g, outer));
    line(g, "}");
    line(g, "if (ctx->explain)    /* held back for certain: what was unknown does not matter */");
    line(g, "    ctx->why = %s;", saved);
    g->indent--;
    line(g, "}");
}

static void gen_init(gen *g, emitter *em, decl *owner)
{
    memset(g, 0, sizeof *g);
    g->em = em;
    g->owner = owner;
    sb_init(&g->decls);
    sb_init(&g->body);
    g->indent = 1;
    g->fail = arena_alloc(em->a, sizeof *g->fail);     /* id 0: "_fail" */
    cname_scope_init(&g->locals, em->a);
    cname_reserve(&g->locals, "ctx");
    cname_reserve(&g->locals, "result");
}

static bool ident_char(char ch)
{
    return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

/* Does C text name the identifier 'name' (not only contain it)? */
static bool mentions(const char *text, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = strstr(text, name); p; p = strstr(p + 1, name))
        if ((p == text || !ident_char(p[-1])) && !ident_char(p[n]))
            return true;
    return false;
}

/* Writes the function: signature (with a #line directive to the rule's
 * line in the .lov source, for debuggers), temporaries, body, failure exit. */
static void gen_finish(gen *g, const char *signature)
{
    strbuf *c = &g->em->c;
    const char *body = g->body.data ? g->body.data : "";
    src_loc at = g->owner->name.loc;
    emit_printf(c, "#line %d %s\n%s\n{\n#line @\n", lov_line(at), emit_cstring(g->em, at.file->path), signature);
    if (mentions(body, "_st"))
        sb_puts(c, "    lov_status _st = LOV_OK;\n");
    if (!mentions(body, "ctx"))
        sb_puts(c, "    (void)ctx;\n");
    if (g->decls.data)
        sb_puts(c, g->decls.data);
    sb_puts(c, body);
    sb_puts(c, "    return LOV_OK;\n");
    if (g->fail->used)
        sb_puts(c, "_fail:\n    return _st;\n");
    sb_puts(c, "}\n\n");
    sb_free(&g->decls);
    sb_free(&g->body);
    cname_scope_free(&g->locals);
}

static void comment_block(emitter *em, decl *d, const char *what)
{
    strbuf *c = &em->c;
    emit_printf(c, "/* %s %s: %s\n", what, emit_comment_text(em, d->name.name), type_text(em->a, d->type));
    if (d->cite)
        emit_printf(c, " * according to %s\n", emit_citation_text(em, d->cite));
    if (d->cite && d->cite->text)
        emit_printf(c, " * \"%s\"\n", emit_comment_text(em, d->cite->text));
    sb_puts(c, " */\n");
}

/* An assertion: its condition, as a yes/no output of the evaluation. */
static void emit_assertion(emitter *em, decl *d)
{
    gen g;
    gen_init(&g, em, d);
    comment_block(em, d, "assertion");
    const char *v = gen_expr(&g, d->u.assert_.cond);
    line(&g, "*result = %s;", v);
    gen_finish(&g, fmt(&g, "static lov_status %s(ctx_t *ctx, bool *result)", d->c_static));
}

/* "static lov_status NAME(ctx_t *ctx[, T param...], T *result)". */
static void write_signature(emitter *em, decl *d, strbuf *out)
{
    emit_printf(out, "static lov_status %s(ctx_t *ctx", d->c_static);
    for (int i = 0; d->u.def.has_params && i < d->u.def.params.len; i++) {
        formal *f = NL_AT(d->u.def.params, i);
        emit_printf(out, ", %s %s", emit_ctype(em, f->type), f->c_name);
    }
    emit_printf(out, ", %s *result)", emit_ctype(em, d->type));
}

static void emit_definition_rules(emitter *em, decl *d)
{
    if (d->kind == D_ASSERT) {
        emit_assertion(em, d);
        return;
    }
    gen g;
    gen_init(&g, em, d);
    bool function = d->kind == D_DEFINITION && d->u.def.has_params;
    for (int i = 0; function && i < d->u.def.params.len; i++)
        cname_reserve(&g.locals, ((formal *)NL_AT(d->u.def.params, i))->c_name);
    strbuf sig;
    sb_init(&sig);
    write_signature(em, d, &sig);
    comment_block(em, d, d->kind == D_OUTCOME ? (d->u.def.adverse ? "adverse outcome" : "outcome")
                         : function ? "definition with parameters" : "definition");
    gen_rule_node(&g, d, NULL, "(*result)");
    if (emit_held_back(d))
        gen_requirements(&g, d);
    if (function) {
        line(&g, "if (ctx->trace) {");
        emit_trace_constants(em, d, &g.body, 2);
        line(&g, "    lov_trace_add(ctx->trace, %d, LOV_TRACE_VALUE, LOV_OK, %s, %s);", d->provision,
             d->type->kind == T_OPTIONAL ? "result->present" : "true",
             as_lov_value(&g, "(*result)", d->type));
        line(&g, "}");
    }
    const char *signature = fmt(&g, "%s", sig.data);
    sb_free(&sig);
    gen_finish(&g, signature);
}

/* A dated parameter: its table, and the look-up for a day. */
static void emit_parameter(emitter *em, decl *d)
{
    strbuf *c = &em->c;
    comment_block(em, d, "parameter");
    emit_printf(c, "static const lov_dated_value %s[] = {\n", d->c_table);
    gen g;
    gen_init(&g, em, d);
    nodelist *vals = &d->u.param.values;
    for (int i = 0; i < vals->len; i++) {
        dated_value *dv = NL_AT(*vals, i);
        lov_date until = dv->has_until ? dv->until
                         : i + 1 < vals->len ? ((dated_value *)NL_AT(*vals, i + 1))->from - 1
                                             : LOV_DATE_MAX;
        char from_s[LOV_DATE_BUFSIZE], until_s[LOV_DATE_BUFSIZE];
        lov_date_format(dv->from, from_s);
        lov_date_format(until, until_s);
        const char *v = gen_expr(&g, dv->value);
        emit_printf(c, "    {%d, %d, %s},    /* %s to %s */\n", (int)dv->from, (int)until,
                    lov_value_initializer(&g, v, d->type), from_s, until_s);
    }
    sb_puts(c, "};\n\n");
    const char *ct = emit_ctype(em, d->type);
    const char *member = lov_value_member(d->type);
    emit_printf(c, "/* '%s' on a given day; not applicable when the law gives no value for it. */\n",
                emit_comment_text(em, d->name.name));
    emit_printf(c, "static lov_status %s(ctx_t *ctx, lov_date day, %s *result)\n{\n", d->c_rules, ct);
    emit_printf(c, "    for (size_t i = 0; i < sizeof %s / sizeof %s[0]; i++) {\n", d->c_table,
                d->c_table);
    emit_printf(c, "        const lov_dated_value *v = &%s[i];\n", d->c_table);
    sb_puts(c, "        if (v->from <= day && day <= v->until) {\n");
    if (d->type->kind == T_ENUM)
        emit_printf(c, "            *result = (%s)v->value.enum_case;\n", ct);
    else
        emit_printf(c, "            *result = v->value.%s;\n", member);
    sb_puts(c, "            if (ctx->trace)\n");
    emit_printf(c, "                lov_trace_add(ctx->trace, %d, LOV_TRACE_VALUE, LOV_OK, true, v->value);\n",
                d->provision);
    sb_puts(c, "            return LOV_OK;\n        }\n    }\n");
    emit_printf(c, "    return no_parameter_value(ctx, %d);\n}\n\n", d->provision);
    if (!d->read_on_reference_date) {
        sb_free(&g.decls);
        sb_free(&g.body);
        cname_scope_free(&g.locals);
        return;
    }
    emit_printf(c, "/* '%s' on the reference date, looked up once per evaluation. */\n",
                emit_comment_text(em, d->name.name));
    emit_printf(c, "static lov_status %s(ctx_t *ctx, %s *result)\n{\n", d->c_static, ct);
    emit_printf(c, "    param_memo_t *m = &ctx->param_memo[%d];\n", d->slot);
    sb_puts(c, "    if (!m->done) {\n");
    emit_printf(c, "        m->status = %s(ctx, ctx->reference_date, result);\n", d->c_rules);
    emit_printf(c, "        m->value = %s;\n", as_lov_value(&g, "(*result)", d->type));
    sb_puts(c, "        m->done = true;\n    }\n");
    /* Every reader notes why, not only the first. */
    emit_printf(c, "    if (m->status != LOV_OK)\n        return no_parameter_value(ctx, %d);\n", d->provision);
    if (d->type->kind == T_ENUM)
        emit_printf(c, "    *result = (%s)m->value.enum_case;\n", ct);
    else
        emit_printf(c, "    *result = m->value.%s;\n", member);
    sb_puts(c, "    return m->status;\n}\n\n");
    sb_free(&g.decls);
    sb_free(&g.body);
    cname_scope_free(&g.locals);
}

void emit_rule_functions(emitter *em)
{
    /* Definitions with parameters may call each other in any order. */
    strbuf *c = &em->c;
    for (size_t i = 0; i < em->functions.len; i++) {
        write_signature(em, em->functions.items[i], c);
        sb_puts(c, ";\n");
    }
    sb_puts(c, "\n");
    /* The rules first, into a buffer of their own: the parameter look-ups
     * they use come before them. */
    strbuf head = em->c;
    sb_init(&em->c);
    for (size_t i = 0; i < em->functions.len; i++)
        emit_definition_rules(em, em->functions.items[i]);
    for (size_t i = 0; i < em->order.len; i++)
        emit_definition_rules(em, em->order.items[i]);
    strbuf rules = em->c;
    em->c = head;
    for (size_t i = 0; i < em->params.len; i++) {
        decl *d = em->params.items[i];
        if (d->u.param.values.len > 0)
            emit_parameter(em, d);
    }
    sb_puts(&em->c, rules.data ? rules.data : "");
    sb_free(&rules);
}

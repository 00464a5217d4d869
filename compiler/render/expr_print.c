/* SPDX-License-Identifier: Apache-2.0 */
#include "render/expr_print.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "check/builtins.h"
#include "core/lov.h"

/* Binding strength, loosest first, as in parser.y. */
enum {
    L_TAIL,                  /* if, aggregates: they extend to the right */
    L_IMPLIES, L_OR, L_AND, L_NOT, L_CMP, L_OTHERWISE, L_ROUNDED, L_ADD, L_MUL, L_UNARY,
    L_UNIT,                  /* 12 months, p at d */
    L_PRIMARY,
};

static void print(const expr_printer *p, const expr *e, int min, strbuf *out);

void expr_print_text(const expr_printer *p, const char *text, strbuf *out)
{
    if (!p->html) {
        sb_puts(out, text);
        return;
    }
    for (; *text; text++) {
        switch (*text) {
        case '&': sb_puts(out, "&amp;"); break;
        case '<': sb_puts(out, "&lt;"); break;
        case '>': sb_puts(out, "&gt;"); break;
        case '"': sb_puts(out, "&quot;"); break;
        default: sb_putc(out, *text);
        }
    }
}

static void keyword(const expr_printer *p, const char *word, strbuf *out)
{
    if (p->html)
        sb_printf(out, "<b>%s</b>", word);
    else
        sb_puts(out, word);
}

static void name_ref(const expr_printer *p, const char *name, const decl *target, strbuf *out)
{
    const char *anchor = p->html && target && p->anchor ? p->anchor(target, p->ctx) : NULL;
    if (anchor) {
        sb_printf(out, "<a href=\"#%s\">", anchor);
        expr_print_text(p, name, out);
        sb_puts(out, "</a>");
    } else {
        expr_print_text(p, name, out);
    }
}

static int level(const expr *e)
{
    switch (e->kind) {
    case E_IF: case E_AGGREGATE: return L_TAIL;
    case E_BINARY:
        switch (e->u.binary.op) {
        case B_IMPLIES: return L_IMPLIES;
        case B_OR: return L_OR;
        case B_AND: return L_AND;
        case B_ADD: case B_SUB: return L_ADD;
        case B_MUL: case B_DIV: return L_MUL;
        default: return L_CMP;
        }
    case E_UNARY: return e->u.unary.op == U_NOT ? L_NOT : L_UNARY;
    case E_WITHIN: case E_BETWEEN: case E_PRESENCE: return L_CMP;
    case E_OTHERWISE: return L_OTHERWISE;
    case E_ROUNDED: return L_ROUNDED;
    case E_UNIT: case E_AT: return L_UNIT;
    case E_MONEY: case E_DURATION: return L_UNIT;   /* '1 066 kr' reads as a unit */
    default: return L_PRIMARY;
    }
}

static void literal(const expr_printer *p, const expr *e, strbuf *out)
{
    char buf[64];
    switch (e->kind) {
    case E_BOOL: keyword(p, e->u.b ? "yes" : "no", out); return;
    case E_INT: sb_printf(out, "%" PRId64, e->u.i); return;
    case E_DECIMAL: {
        lov_decimal d = {e->u.dec.coef, e->u.dec.scale};
        lov_dec_format(d, buf, sizeof buf);
        sb_puts(out, buf);
        return;
    }
    case E_MONEY:
        lov_money_format(e->u.money, buf, sizeof buf);
        sb_puts(out, buf);
        return;
    case E_DATE:
        lov_date_format(e->u.date, buf);
        sb_puts(out, buf);
        return;
    case E_DURATION: {
        int32_t n = e->u.dur.months ? e->u.dur.months : e->u.dur.days;
        unit_kind u = e->u.dur.unit;
        if (u == UNIT_WEEKS && n % 7 == 0)
            n /= 7;
        else if (u == UNIT_YEARS && n % 12 == 0)
            n /= 12;
        else
            u = e->u.dur.months ? UNIT_MONTHS : UNIT_DAYS;
        const char *word = ast_unit_word(u);
        sb_printf(out, "%d %.*s", (int)n, (int)(strlen(word) - (n == 1 ? 1 : 0)), word);
        return;
    }
    default: return;
    }
}

static void binary(const expr_printer *p, const expr *e, strbuf *out)
{
    int l = level(e);
    binop op = e->u.binary.op;
    /* Left-associative operators take an equal left side without parentheses;
     * 'implies' is right-associative; comparisons take neither. */
    int left = op == B_IMPLIES || l == L_CMP ? l + 1 : l;
    int right = op == B_IMPLIES ? l : l + 1;
    print(p, e->u.binary.lhs, left, out);
    sb_putc(out, ' ');
    if (op == B_AND || op == B_OR || op == B_IMPLIES)
        keyword(p, ast_binop_text(op), out);
    else
        expr_print_text(p, ast_binop_text(op), out);
    sb_putc(out, ' ');
    print(p, e->u.binary.rhs, right, out);
}

static void aggregate(const expr_printer *p, const expr *e, strbuf *out)
{
    const char *var = e->u.aggr.var.name;
    switch (e->u.aggr.kind) {
    case AG_SUM:
    case AG_MINIMUM:
    case AG_MAXIMUM:
        keyword(p, e->u.aggr.kind == AG_SUM ? "sum of" : e->u.aggr.kind == AG_MINIMUM ? "minimum of" : "maximum of", out);
        sb_putc(out, ' ');
        print(p, e->u.aggr.body, L_TAIL, out);
        sb_putc(out, ' ');
        keyword(p, "for", out);
        break;
    case AG_COUNT: keyword(p, "count", out); break;
    case AG_EXISTS: keyword(p, "exists", out); break;
    case AG_FORALL: keyword(p, "for all", out); break;
    }
    sb_putc(out, ' ');
    expr_print_text(p, var, out);
    sb_putc(out, ' ');
    keyword(p, "in", out);
    sb_putc(out, ' ');
    print(p, e->u.aggr.list, L_UNIT + 1, out);
    if (e->u.aggr.filter) {
        sb_putc(out, ' ');
        keyword(p, "where", out);
        sb_putc(out, ' ');
        print(p, e->u.aggr.filter, L_TAIL, out);
    }
    if (e->u.aggr.kind == AG_FORALL) {
        sb_putc(out, ' ');
        keyword(p, "holds", out);
        sb_putc(out, ' ');
        print(p, e->u.aggr.body, L_TAIL, out);
    }
}

static const char *round_words(round_mode m)
{
    switch (m) {
    case RM_HALF_UP: return "rounded half up";
    case RM_HALF_EVEN: return "rounded half even";
    case RM_DOWN: return "rounded down";
    case RM_UP: return "rounded up";
    }
    return "rounded";
}

static void print(const expr_printer *p, const expr *e, int min, strbuf *out)
{
    bool parens = level(e) < min;
    if (parens)
        sb_putc(out, '(');
    switch (e->kind) {
    case E_BOOL: case E_INT: case E_DECIMAL: case E_MONEY: case E_DATE: case E_DURATION:
        literal(p, e, out);
        break;
    case E_NAME: {
        const decl *target = e->u.name.ref == REF_DECL || e->u.name.ref == REF_FUNCTION ? e->u.name.target : NULL;
        name_ref(p, e->u.name.id.name, target, out);
        break;
    }
    case E_FIELD:
        print(p, e->u.name.base, L_PRIMARY, out);
        sb_putc(out, '.');
        name_ref(p, e->u.name.id.name,
                 e->u.name.ref == REF_FUNCTION ? (const decl *)e->u.name.target : NULL, out);
        break;
    case E_CALL:
        print(p, e->u.call.callee, L_PRIMARY, out);
        sb_putc(out, '(');
        for (int i = 0; i < e->u.call.args.len; i++) {
            if (i)
                sb_puts(out, ", ");
            print(p, NL_AT(e->u.call.args, i), L_TAIL, out);
        }
        sb_putc(out, ')');
        break;
    case E_UNARY:
        if (e->u.unary.op == U_NOT) {
            keyword(p, "not", out);
            sb_putc(out, ' ');
            print(p, e->u.unary.operand, L_NOT, out);
        } else {
            sb_putc(out, '-');
            print(p, e->u.unary.operand, L_UNARY, out);
        }
        break;
    case E_BINARY:
        binary(p, e, out);
        break;
    case E_IF:
        keyword(p, "if", out);
        sb_putc(out, ' ');
        print(p, e->u.if_.cond, L_TAIL, out);
        sb_putc(out, ' ');
        keyword(p, "then", out);
        sb_putc(out, ' ');
        print(p, e->u.if_.then_e, L_TAIL, out);
        sb_putc(out, ' ');
        keyword(p, "else", out);
        sb_putc(out, ' ');
        print(p, e->u.if_.else_e, L_TAIL, out);
        break;
    case E_MATCH:
        keyword(p, "match", out);
        sb_putc(out, ' ');
        print(p, e->u.match.scrutinee, L_TAIL, out);
        for (int i = 0; i < e->u.match.arms.len; i++) {
            const match_arm *arm = NL_AT(e->u.match.arms, i);
            sb_putc(out, ' ');
            keyword(p, "case", out);
            for (int k = 0; k < arm->cases.len; k++) {
                sb_puts(out, k ? ", " : " ");
                expr_print_text(p, ((ident *)NL_AT(arm->cases, k))->name, out);
            }
            sb_putc(out, ' ');
            keyword(p, "then", out);
            sb_putc(out, ' ');
            print(p, arm->body, L_TAIL, out);
        }
        if (e->u.match.else_e) {
            sb_putc(out, ' ');
            keyword(p, "else", out);
            sb_putc(out, ' ');
            print(p, e->u.match.else_e, L_TAIL, out);
        }
        sb_putc(out, ' ');
        keyword(p, "end", out);
        break;
    case E_AGGREGATE:
        aggregate(p, e, out);
        break;
    case E_WITHIN:
        print(p, e->u.within.subject, L_OTHERWISE, out);
        sb_putc(out, ' ');
        keyword(p, "within", out);
        sb_putc(out, ' ');
        print(p, e->u.within.span, L_ADD, out);
        sb_putc(out, ' ');
        keyword(p, e->u.within.after ? "after" : "before", out);
        sb_putc(out, ' ');
        print(p, e->u.within.anchor, L_ADD, out);
        break;
    case E_BETWEEN:
        print(p, e->u.between.subject, L_OTHERWISE, out);
        sb_putc(out, ' ');
        keyword(p, "between", out);
        sb_putc(out, ' ');
        print(p, e->u.between.low, L_ADD, out);
        sb_putc(out, ' ');
        keyword(p, "and", out);
        sb_putc(out, ' ');
        print(p, e->u.between.high, L_ADD, out);
        break;
    case E_PRESENCE:
        print(p, e->u.presence.subject, L_OTHERWISE, out);
        sb_putc(out, ' ');
        keyword(p, e->u.presence.present ? "is present" : "is absent", out);
        break;
    case E_OTHERWISE:
        print(p, e->u.otherwise.subject, L_OTHERWISE, out);
        sb_putc(out, ' ');
        keyword(p, "otherwise", out);
        sb_putc(out, ' ');
        print(p, e->u.otherwise.fallback, L_ROUNDED, out);
        break;
    case E_ROUNDED:
        print(p, e->u.rounded.subject, L_ADD, out);
        sb_putc(out, ' ');
        keyword(p, round_words(e->u.rounded.mode), out);
        if (e->u.rounded.target == RT_KR) {
            sb_putc(out, ' ');
            keyword(p, "to kr", out);
        } else if (e->u.rounded.target == RT_DECIMALS) {
            sb_putc(out, ' ');
            keyword(p, "to", out);
            sb_printf(out, " %d ", e->u.rounded.decimals);
            keyword(p, "decimals", out);
        }
        break;
    case E_UNIT:
        print(p, e->u.unit.subject, L_PRIMARY, out);
        sb_putc(out, ' ');
        expr_print_text(p, ast_unit_word(e->u.unit.unit), out);
        break;
    case E_AT:
        print(p, e->u.at.param, L_PRIMARY, out);
        sb_putc(out, ' ');
        keyword(p, "at", out);
        sb_putc(out, ' ');
        print(p, e->u.at.date, L_PRIMARY, out);
        break;
    case E_ERROR:
        sb_puts(out, "?");
        break;
    }
    if (parens)
        sb_putc(out, ')');
}

void expr_print(const expr_printer *p, const expr *e, strbuf *out)
{
    print(p, e, L_TAIL, out);
}

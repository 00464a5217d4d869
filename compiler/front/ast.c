/* SPDX-License-Identifier: Apache-2.0 */
#include "front/ast.h"

#include <stdlib.h>
#include <string.h>

#include "support/util.h"

module *ast_module_new(src_file *file)
{
    module *m = xcalloc(1, sizeof *m);
    m->file = file;
    arena_init(&m->arena);
    return m;
}

void ast_module_free(module *m)
{
    if (!m)
        return;
    arena_free(&m->arena);
    src_free(m->file);
    free(m);
}

expr *ast_expr(arena *a, expr_kind kind, src_loc loc)
{
    expr *e = arena_alloc(a, sizeof *e);
    e->kind = kind;
    e->loc = loc;
    return e;
}

decl *ast_decl(arena *a, decl_kind kind, src_loc loc)
{
    decl *d = arena_alloc(a, sizeof *d);
    d->kind = kind;
    d->loc = loc;
    return d;
}

const char *ast_strdup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void ast_walk(expr *e, void (*visit)(expr *e, void *ctx), void *ctx)
{
    if (!e)
        return;
    visit(e, ctx);
    switch (e->kind) {
    case E_FIELD:
        ast_walk(e->u.name.base, visit, ctx);
        return;
    case E_CALL:
        ast_walk(e->u.call.callee, visit, ctx);
        for (int i = 0; i < e->u.call.args.len; i++)
            ast_walk(NL_AT(e->u.call.args, i), visit, ctx);
        return;
    case E_UNARY:
        ast_walk(e->u.unary.operand, visit, ctx);
        return;
    case E_BINARY:
        ast_walk(e->u.binary.lhs, visit, ctx);
        ast_walk(e->u.binary.rhs, visit, ctx);
        return;
    case E_IF:
        ast_walk(e->u.if_.cond, visit, ctx);
        ast_walk(e->u.if_.then_e, visit, ctx);
        ast_walk(e->u.if_.else_e, visit, ctx);
        return;
    case E_MATCH:
        ast_walk(e->u.match.scrutinee, visit, ctx);
        for (int i = 0; i < e->u.match.arms.len; i++)
            ast_walk(((match_arm *)NL_AT(e->u.match.arms, i))->body, visit, ctx);
        ast_walk(e->u.match.else_e, visit, ctx);
        return;
    case E_AGGREGATE:
        ast_walk(e->u.aggr.list, visit, ctx);
        ast_walk(e->u.aggr.filter, visit, ctx);
        ast_walk(e->u.aggr.body, visit, ctx);
        return;
    case E_WITHIN:
        ast_walk(e->u.within.subject, visit, ctx);
        ast_walk(e->u.within.span, visit, ctx);
        ast_walk(e->u.within.anchor, visit, ctx);
        return;
    case E_BETWEEN:
        ast_walk(e->u.between.subject, visit, ctx);
        ast_walk(e->u.between.low, visit, ctx);
        ast_walk(e->u.between.high, visit, ctx);
        return;
    case E_PRESENCE:
        ast_walk(e->u.presence.subject, visit, ctx);
        return;
    case E_OTHERWISE:
        ast_walk(e->u.otherwise.subject, visit, ctx);
        ast_walk(e->u.otherwise.fallback, visit, ctx);
        return;
    case E_ROUNDED:
        ast_walk(e->u.rounded.subject, visit, ctx);
        return;
    case E_UNIT:
        ast_walk(e->u.unit.subject, visit, ctx);
        return;
    case E_AT:
        ast_walk(e->u.at.param, visit, ctx);
        ast_walk(e->u.at.date, visit, ctx);
        return;
    default:
        return;
    }
}

const char *ast_decl_kind_word(decl_kind k)
{
    switch (k) {
    case D_ENUM: return "enumeration";
    case D_RECORD: return "record";
    case D_INPUT: return "input";
    case D_PARAMETER: return "parameter";
    case D_DEFINITION: return "definition";
    case D_OUTCOME: return "outcome";
    case D_ASSERT: return "assertion";
    case D_EXTERNAL: return "external function";
    case D_PROCEDURE: return "procedure";
    }
    return "declaration";
}

const char *ast_binop_text(binop op)
{
    switch (op) {
    case B_ADD: return "+";
    case B_SUB: return "-";
    case B_MUL: return "*";
    case B_DIV: return "/";
    case B_AND: return "and";
    case B_OR: return "or";
    case B_IMPLIES: return "implies";
    case B_EQ: return "=";
    case B_NE: return "!=";
    case B_LT: return "<";
    case B_LE: return "<=";
    case B_GT: return ">";
    case B_GE: return ">=";
    }
    return "?";
}

const char *ast_unit_word(unit_kind u)
{
    switch (u) {
    case UNIT_DAYS: return "days";
    case UNIT_WEEKS: return "weeks";
    case UNIT_MONTHS: return "months";
    case UNIT_YEARS: return "years";
    case UNIT_KR: return "kr";
    case UNIT_PERCENT: return "%";
    }
    return "?";
}

bool ast_fact_date_kind(const texpr *t, date_kind *kind)
{
    if (t && t->kind == TX_OPTIONAL)
        t = t->elem;
    if (!t || t->kind != TX_DATE)
        return false;
    *kind = t->date;
    return true;
}

const char *ast_law_text(const decl *d)
{
    return d->cite && d->cite->text ? d->cite->text : d->text;
}

const char *ast_step_word(requirement_kind k)
{
    return k == REQ_HEARING ? "hearing" : k == REQ_DECISION ? "decision" : k == REQ_GUIDANCE ? "guidance" : "prerequisite";
}

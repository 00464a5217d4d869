/* SPDX-License-Identifier: Apache-2.0 */
#include "front/parse_support.h"

#include <string.h>

#include "front/lex_support.h"
#include "support/util.h"

#define A (&ps->mod->arena)

/* ---- Module header ----------------------------------------------------- */

void ps_missing_module(parse_state *ps, src_loc loc)
{
    loc.end = loc.start;
    diag_error(ps->diag, loc, "a rule file begins with 'module NAME', naming the module");
}

/* A header clause given twice: the second is reported, the first holds. */
static void header_twice(parse_state *ps, src_loc loc, src_loc first, const char *what)
{
    int line, col;
    src_line_col(ps->file, first.start, &line, &col);
    diag_error(ps->diag, loc, "the module already %s", what);
    diag_note(ps->diag, first, "the first is here, on line %d", line);
}

void ps_set_title(parse_state *ps, const char *title, src_loc loc)
{
    if (ps->mod->title) {
        header_twice(ps, loc, ps->mod->title_loc, "has a title");
        return;
    }
    ps->mod->title = title;
    ps->mod->title_loc = loc;
}

void ps_add_source(parse_state *ps, ident name, const char *title, const char *version, src_loc loc)
{
    source_decl *s = arena_alloc(A, sizeof *s);
    s->name = name;
    s->title = title;
    s->version = version;
    s->loc = loc;
    arena_push(A, &ps->mod->sources, s);
}

void ps_set_in_force(parse_state *ps, int32_t from, struct period until, src_loc loc)
{
    module *m = ps->mod;
    if (m->has_in_force) {
        header_twice(ps, loc, m->in_force_loc, "has a period in force");
        return;
    }
    m->has_in_force = true;
    m->in_force_from = from;
    m->has_until = until.has_until;
    m->in_force_until = until.until;
    m->in_force_loc = loc;
}

void ps_set_reference(parse_state *ps, ident name, src_loc loc)
{
    if (ps->mod->reference_date.name) {
        header_twice(ps, loc, ps->mod->reference_loc, "names its reference date");
        return;
    }
    ps->mod->reference_date = name;
    ps->mod->reference_loc = loc;
}

void ps_set_month_end(parse_state *ps, ident rule_name, src_loc loc)
{
    module *m = ps->mod;
    if (m->month_end_loc.file) {
        header_twice(ps, loc, m->month_end_loc, "has a month end rule");
        return;
    }
    /* An unknown rule still counts as the module's month end rule: the
     * module does say one, only not rightly, and that is reported here. */
    m->month_end_loc = loc;
    if (strcmp(rule_name.name, "clamp") == 0)
        m->month_end = ME_CLAMP;
    else if (strcmp(rule_name.name, "overflow") == 0)
        m->month_end = ME_OVERFLOW;
    else
        diag_error(ps->diag, rule_name.loc,
                   "unknown month end rule '%s': write 'clamp' (31 January + 1 month is the last "
                   "day of February) or 'overflow' (it is 2 or 3 March)", rule_name.name);
}

void ps_add_use(parse_state *ps, ident alias, const char *path, src_loc loc)
{
    use_decl *u = arena_alloc(A, sizeof *u);
    u->alias = alias;
    u->path = path;
    u->loc = loc;
    arena_push(A, &ps->mod->uses, u);
}

/* ---- Declarations ------------------------------------------------------ */

const char *ps_unverified(parse_state *ps, const char *why, src_loc loc)
{
    const char *p = why;
    while (*p == ' ')
        p++;
    if (*p == '\0')
        diag_error(ps->diag, loc, "say why it is not verified: 'unverified \"the amount for 2025 is not "
                                  "yet published\"'");
    return why;
}

decl *ps_decl(parse_state *ps, decl_kind kind, ident name, const struct clauses *cl, src_loc loc)
{
    decl *d = ast_decl(A, kind, loc);
    d->name = name;
    d->cite = cl->cite;
    d->text = cl->text;
    /* A rule's quoted text is law: it goes with its citation, where the doc,
     * the trace, explain and the descriptor show it. An enum's, a record's or
     * an input's text describes the fact and stays with the declaration. */
    if (cl->cite && cl->text && kind != D_ENUM && kind != D_RECORD && kind != D_INPUT)
        cl->cite->text = cl->text;
    if (cl->unverified && (kind == D_ENUM || kind == D_RECORD || kind == D_INPUT))
        diag_error(ps->diag, cl->unverified_loc,
                   "'unverified' marks a rule the consultant could not verify (a parameter, definition, "
                   "outcome or exception), not %s", kind == D_INPUT ? "a fact the case system supplies"
                                                                     : "a kind of value");
    else if (cl->unverified)
        d->unverified = ps_unverified(ps, cl->unverified, cl->unverified_loc);
    d->module = ps->mod;
    ps->declaring.name = NULL;
    d->position = ps->mod->decls.len;
    arena_push(A, &ps->mod->decls, d);
    return d;
}

void ps_link_cases(decl *d)
{
    for (int i = 0; i < d->u.enum_.cases.len; i++)
        ((enum_case *)NL_AT(d->u.enum_.cases, i))->owner = d;
}

void ps_set_def(parse_state *ps, decl *d, texpr *type, const struct def_body *body)
{
    d->u.def.type_expr = type;
    nodelist rules = {0};
    ast_rule *dflt = body->default_rule;
    if (body->simple) {
        dflt = arena_alloc(A, sizeof *dflt);
        dflt->is_default = true;
        dflt->label.name = "default";
        dflt->label.loc = body->loc;
        dflt->value = body->simple;
        dflt->loc = body->loc;
    }
    if (dflt)
        arena_push(A, &rules, dflt);
    for (int i = 0; i < body->exceptions.len; i++)
        arena_push(A, &rules, NL_AT(body->exceptions, i));
    for (int i = 0; i < rules.len; i++)
        ((ast_rule *)NL_AT(rules, i))->index = i;
    d->u.def.rules = rules;
    d->u.def.default_rule = dflt;
}

requirement *ps_requirement(parse_state *ps, requirement_kind kind, expr *cond, citation *cite, src_loc loc)
{
    requirement *r = arena_alloc(A, sizeof *r);
    r->kind = kind;
    r->cond = cond;
    r->cite = cite;
    r->loc = loc;
    return r;
}

decl *ps_procedure(parse_state *ps, requirement_kind step, src_loc step_loc, const struct clauses *cl, src_loc loc)
{
    ident name = {ast_step_word(step), step_loc};
    decl *d = ps_decl(ps, D_PROCEDURE, name, cl, loc);
    d->u.procedure.step = step;
    return d;
}

void ps_set_requirements(parse_state *ps, decl *d, const nodelist *reqs)
{
    for (int i = 0; i < reqs->len; i++) {
        requirement *r = NL_AT(*reqs, i);
        if (r->cond) {
            r->index = d->u.def.requires.len;
            arena_push(A, &d->u.def.requires, r);
            continue;
        }
        citation **slot = r->kind == REQ_HEARING    ? &d->u.def.without_hearing
                          : r->kind == REQ_DECISION ? &d->u.def.without_decision
                                                    : &d->u.def.without_guidance;
        const char *step = ast_step_word(r->kind);
        if (*slot)
            diag_error(ps->diag, r->loc, "'without %s' is said twice for this outcome", step);
        else
            *slot = r->cite;
        if (!d->u.def.adverse)
            diag_error(ps->diag, r->loc, "'without %s' is for an adverse outcome only", step);
    }
}

ast_rule *ps_exception(parse_state *ps, ident label, const ident *parent, const struct clauses *cl,
                   expr *cond, expr *value, src_loc loc)
{
    ast_rule *r = arena_alloc(A, sizeof *r);
    r->label = label;
    if (parent)
        r->parent = *parent;
    r->cite = cl->cite;
    if (cl->unverified)
        r->unverified = ps_unverified(ps, cl->unverified, cl->unverified_loc);
    if (cl->cite && cl->text)
        r->cite->text = cl->text;
    else if (cl->text) {
        citation *c = arena_alloc(A, sizeof *c);
        c->text = cl->text;
        c->loc = loc;
        r->cite = c;
    }
    r->cond = cond;
    r->value = value;
    r->loc = loc;
    return r;
}

texpr *ps_type(parse_state *ps, texpr_kind kind, src_loc loc)
{
    texpr *t = arena_alloc(A, sizeof *t);
    t->kind = kind;
    t->loc = loc;
    return t;
}

const char *ps_join(parse_state *ps, const nodelist *pieces)
{
    if (pieces->len == 1)
        return NL_AT(*pieces, 0);
    size_t n = 0;
    for (int i = 0; i < pieces->len; i++)
        n += strlen(NL_AT(*pieces, i));
    char *s = arena_alloc(A, n + 1), *p = s;
    for (int i = 0; i < pieces->len; i++) {
        size_t k = strlen(NL_AT(*pieces, i));
        memcpy(p, NL_AT(*pieces, i), k);
        p += k;
    }
    *p = '\0';
    return s;
}

void ps_declaring(parse_state *ps, ident name)
{
    ps->declaring = name;
    ps->depth_reported = false;
}

void ps_broken_declaration(parse_state *ps)
{
    if (!ps->declaring.name)
        return;
    ident *id = arena_alloc(A, sizeof *id);
    *id = ps->declaring;
    arena_push(A, &ps->mod->broken_names, id);
    ps->declaring.name = NULL;
}

int ps_decimals(parse_state *ps, int64_t n, src_loc loc)
{
    if (n < 0 || n > 18) {
        diag_error(ps->diag, loc, "a number can be rounded to at most 18 decimals");
        return 0;
    }
    return (int)n;
}

/* ---- Expressions ------------------------------------------------------- */

static int max_depth(const expr *a, const expr *b, const expr *c)
{
    int d = 0;
    if (a && a->depth > d)
        d = a->depth;
    if (b && b->depth > d)
        d = b->depth;
    if (c && c->depth > d)
        d = c->depth;
    return d;
}

/* Makes a node one deeper than its deepest child; past the limit, reports
 * once and returns an error node in its place. 'run' says what the node
 * continues when its depth comes from a long run of one operator, such as
 * a + b + c + ... (long rather than deep, to a reader), else NULL. */
static expr *node_in_run(parse_state *ps, expr_kind kind, src_loc loc, const expr *a,
                         const expr *b, const expr *c, const char *run)
{
    int depth = 1 + max_depth(a, b, c);
    if (depth > PARSE_MAX_DEPTH) {
        if (!ps->depth_reported && run)
            diag_error(ps->diag, loc,
                       "this expression has more than %d %s in a row; split it into smaller "
                       "definitions", PARSE_MAX_DEPTH, run);
        else if (!ps->depth_reported)
            diag_error(ps->diag, loc,
                       "this expression is nested more than %d levels deep; split it into "
                       "smaller definitions", PARSE_MAX_DEPTH);
        ps->depth_reported = true;
        expr *e = ast_expr(A, E_ERROR, loc);
        e->depth = 1;
        return e;
    }
    expr *e = ast_expr(A, kind, loc);
    e->depth = depth;
    return e;
}

static expr *node(parse_state *ps, expr_kind kind, src_loc loc, const expr *a, const expr *b,
                  const expr *c)
{
    return node_in_run(ps, kind, loc, a, b, c, NULL);
}

/* Operators that make one run when they follow each other. */
static int op_group(binop op)
{
    switch (op) {
    case B_ADD: case B_SUB: return 1;
    case B_MUL: case B_DIV: return 2;
    case B_AND: return 3;
    case B_OR: return 4;
    case B_IMPLIES: return 5;
    default: return 0;
    }
}

static const char *run_words(binop op)
{
    switch (op_group(op)) {
    case 1: return "terms joined by '+' or '-'";
    case 2: return "factors joined by '*' or '/'";
    case 3: return "conditions joined by 'and'";
    case 4: return "conditions joined by 'or'";
    case 5: return "conditions joined by 'implies'";
    default: return NULL;
    }
}

expr *ps_name(parse_state *ps, ident id)
{
    expr *e = node(ps, E_NAME, id.loc, NULL, NULL, NULL);
    e->u.name.id = id;
    return e;
}

expr *ps_field(parse_state *ps, expr *base, ident id, src_loc loc)
{
    expr *e = node_in_run(ps, E_FIELD, loc, base, NULL, NULL,
                          base->kind == E_FIELD ? "names joined by '.'" : NULL);
    if (e->kind == E_FIELD) {
        e->u.name.base = base;
        e->u.name.id = id;
    }
    return e;
}

expr *ps_call(parse_state *ps, expr *callee, const nodelist *args, src_loc loc)
{
    int depth = callee->depth;
    for (int i = 0; i < args->len; i++) {
        expr *a = NL_AT(*args, i);
        if (a->depth > depth)
            depth = a->depth;
    }
    expr deepest = {.depth = depth};
    expr *e = node(ps, E_CALL, loc, &deepest, NULL, NULL);
    if (e->kind == E_CALL) {
        e->u.call.callee = callee;
        e->u.call.args = *args;
    }
    return e;
}

expr *ps_unary(parse_state *ps, unop op, expr *operand, src_loc loc)
{
    expr *e = node(ps, E_UNARY, loc, operand, NULL, NULL);
    if (e->kind == E_UNARY) {
        e->u.unary.op = op;
        e->u.unary.operand = operand;
    }
    return e;
}

expr *ps_binary(parse_state *ps, binop op, expr *lhs, expr *rhs, src_loc op_loc, src_loc loc)
{
    /* 'a + b + c' nests to the left, 'a implies b implies c' to the right. */
    expr *inner = op == B_IMPLIES ? rhs : lhs, *other = op == B_IMPLIES ? lhs : rhs;
    bool run = inner->kind == E_BINARY && op_group(inner->u.binary.op) == op_group(op)
               && op_group(op) != 0 && inner->depth >= other->depth;
    expr *e = node_in_run(ps, E_BINARY, loc, lhs, rhs, NULL, run ? run_words(op) : NULL);
    if (e->kind == E_BINARY) {
        e->u.binary.op = op;
        e->u.binary.lhs = lhs;
        e->u.binary.rhs = rhs;
        e->u.binary.op_loc = op_loc;
    }
    return e;
}

expr *ps_if(parse_state *ps, expr *cond, expr *then_e, expr *else_e, src_loc loc)
{
    expr *e = node(ps, E_IF, loc, cond, then_e, else_e);
    if (e->kind == E_IF) {
        e->u.if_.cond = cond;
        e->u.if_.then_e = then_e;
        e->u.if_.else_e = else_e;
    }
    return e;
}

expr *ps_match(parse_state *ps, expr *scrutinee, const nodelist *arms, expr *else_e,
               src_loc else_loc, src_loc loc)
{
    int depth = max_depth(scrutinee, else_e, NULL);
    for (int i = 0; i < arms->len; i++) {
        match_arm *arm = NL_AT(*arms, i);
        if (arm->body->depth > depth)
            depth = arm->body->depth;
    }
    expr deepest = {.depth = depth};
    expr *e = node(ps, E_MATCH, loc, &deepest, NULL, NULL);
    if (e->kind == E_MATCH) {
        e->u.match.scrutinee = scrutinee;
        e->u.match.arms = *arms;
        e->u.match.else_e = else_e;
        e->u.match.else_loc = else_loc;
    }
    return e;
}

expr *ps_aggregate(parse_state *ps, aggr_kind kind, ident var, expr *list, expr *filter,
                   expr *body, src_loc loc)
{
    expr *e = node(ps, E_AGGREGATE, loc, list, filter, body);
    if (e->kind == E_AGGREGATE) {
        e->u.aggr.kind = kind;
        e->u.aggr.var = var;
        e->u.aggr.list = list;
        e->u.aggr.filter = filter;
        e->u.aggr.body = body;
    }
    return e;
}

expr *ps_within(parse_state *ps, expr *subject, expr *span, expr *anchor, bool after, src_loc loc)
{
    expr *e = node(ps, E_WITHIN, loc, subject, span, anchor);
    if (e->kind == E_WITHIN) {
        e->u.within.subject = subject;
        e->u.within.span = span;
        e->u.within.anchor = anchor;
        e->u.within.after = after;
    }
    return e;
}

expr *ps_between(parse_state *ps, expr *subject, expr *low, expr *high, src_loc loc)
{
    expr *e = node(ps, E_BETWEEN, loc, subject, low, high);
    if (e->kind == E_BETWEEN) {
        e->u.between.subject = subject;
        e->u.between.low = low;
        e->u.between.high = high;
    }
    return e;
}

expr *ps_presence(parse_state *ps, expr *subject, bool present, src_loc loc)
{
    expr *e = node(ps, E_PRESENCE, loc, subject, NULL, NULL);
    if (e->kind == E_PRESENCE) {
        e->u.presence.subject = subject;
        e->u.presence.present = present;
    }
    return e;
}

expr *ps_otherwise(parse_state *ps, expr *subject, expr *fallback, src_loc loc)
{
    bool run = subject->kind == E_OTHERWISE && subject->depth >= fallback->depth;
    expr *e = node_in_run(ps, E_OTHERWISE, loc, subject, fallback, NULL,
                          run ? "values joined by 'otherwise'" : NULL);
    if (e->kind == E_OTHERWISE) {
        e->u.otherwise.subject = subject;
        e->u.otherwise.fallback = fallback;
    }
    return e;
}

expr *ps_rounded(parse_state *ps, expr *subject, int mode, struct round_spec target, src_loc loc)
{
    expr *e = node(ps, E_ROUNDED, loc, subject, NULL, NULL);
    if (e->kind == E_ROUNDED) {
        e->u.rounded.subject = subject;
        e->u.rounded.mode = (round_mode)mode;
        e->u.rounded.target = target.target;
        e->u.rounded.decimals = target.decimals;
    }
    return e;
}

/* Folds '12 months', '1 066 kr', '12.50 kr' and '25 %' into literals; any
 * other subject stays a unit node for the type checker. */
static bool fold_unit(expr *e, expr *subject, unit_kind unit)
{
    if (subject->kind == E_INT) {
        int64_t v = subject->u.i;
        switch (unit) {
        case UNIT_DAYS:
        case UNIT_WEEKS:
            if (v > INT32_MAX / 7)
                return false;
            e->kind = E_DURATION;
            e->u.dur.days = (int32_t)(unit == UNIT_WEEKS ? v * 7 : v);
            e->u.dur.months = 0;
            e->u.dur.unit = unit;
            return true;
        case UNIT_MONTHS:
        case UNIT_YEARS:
            if (v > INT32_MAX / 12)
                return false;
            e->kind = E_DURATION;
            e->u.dur.months = (int32_t)(unit == UNIT_YEARS ? v * 12 : v);
            e->u.dur.days = 0;
            e->u.dur.unit = unit;
            return true;
        case UNIT_KR:
            if (v > INT64_MAX / 100)
                return false;
            e->kind = E_MONEY;
            e->u.money = v * 100;
            return true;
        case UNIT_PERCENT:
            if (v > INT64_MAX / 100)
                return false;
            e->kind = E_DECIMAL;
            e->u.dec.coef = v;
            e->u.dec.scale = 2;
            return true;
        }
    }
    if (subject->kind == E_DECIMAL) {
        int64_t c = subject->u.dec.coef;
        int32_t s = subject->u.dec.scale;
        if (unit == UNIT_KR && s <= 2) {
            for (; s < 2; s++) {
                if (c > INT64_MAX / 10)
                    return false;
                c *= 10;
            }
            e->kind = E_MONEY;
            e->u.money = c;
            return true;
        }
        if (unit == UNIT_PERCENT && s <= 16) {
            e->kind = E_DECIMAL;
            e->u.dec.coef = c;
            e->u.dec.scale = s + 2;
            return true;
        }
    }
    return false;
}

expr *ps_unit(parse_state *ps, expr *subject, unit_kind unit, src_loc loc)
{
    expr *e = node(ps, E_UNIT, loc, subject, NULL, NULL);
    if (e->kind != E_UNIT)
        return e;
    if (fold_unit(e, subject, unit))
        return e;
    e->u.unit.subject = subject;
    e->u.unit.unit = unit;
    return e;
}

expr *ps_at(parse_state *ps, expr *param, expr *date, src_loc loc)
{
    expr *e = node(ps, E_AT, loc, param, date, NULL);
    if (e->kind == E_AT) {
        e->u.at.param = param;
        e->u.at.date = date;
    }
    return e;
}

/* ---- Syntax errors ------------------------------------------------------ */

/* Is loc a ',' between digits, as in 12,50? */
static bool comma_in_number(const parse_state *ps, src_loc loc)
{
    const char *t = ps->file->text;
    size_t n = ps->file->len;
    return loc.start > 0 && loc.start + 1 < n && t[loc.start] == ',' && t[loc.start - 1] >= '0'
           && t[loc.start - 1] <= '9' && t[loc.start + 1] >= '0' && t[loc.start + 1] <= '9';
}

void ps_syntax_error(parse_state *ps, src_loc loc, const struct syntax_error *err)
{
    strbuf sb;
    sb_init(&sb);
    /* Keywords that are often written for the one the rules need. */
    if (err->got_to && err->expects_until) {
        sb_puts(&sb, "a period ends with 'until', not 'to': from 2016-10-01 until 2025-06-30");
    } else if (err->got_when && err->expects_exception) {
        sb_puts(&sb, "an exception starts with 'exception' and its name: exception NAME when "
                "CONDITION then VALUE");
    } else if (err->nexpected > 0) {
        sb_puts(&sb, "expected ");
        for (int i = 0; i < err->nexpected; i++) {
            if (i > 0)
                sb_puts(&sb, i == err->nexpected - 1 ? " or " : ", ");
            sb_puts(&sb, err->expected[i]);
        }
        sb_printf(&sb, ", but found %s", err->got);
    } else if (err->expects_value) {
        sb_printf(&sb, "expected a value, a name or '(', but found %s", err->got);
    } else if (err->at_eof) {
        sb_puts(&sb, "the file ends too early");
    } else if (err->expects_declaration && !err->expects_close && !err->expects_then
               && err->got_keyword && !err->got_clause) {
        sb_printf(&sb, "expected a declaration ('input', 'definition', 'outcome', ...), but found %s",
                  err->got);
    } else if (err->expects_declaration && !err->expects_close && !err->expects_then) {
        sb_printf(&sb, "%s cannot come here: what is before it is complete", err->got);
    } else {
        sb_printf(&sb, "%s cannot stand here", err->got);
    }
    if (err->at_eof)
        loc.end = loc.start;
    diag_error(ps->diag, loc, "%s", sb.data);
    sb_free(&sb);

    if ((err->got_to && err->expects_until) || (err->got_when && err->expects_exception))
        return;                                     /* the message says it all */
    if (err->got_number && err->expects_date)
        diag_note(ps->diag, loc, "write a date as year-month-day with four, two and two digits, for "
                  "example 2020-04-01");
    else if (err->expects_value && err->got_tail_start)
        diag_note(ps->diag, loc, "an 'if' or an aggregate ('sum', 'count', 'exists', 'for all', 'minimum', "
                  "'maximum') inside a larger expression goes in parentheses: (sum of ...)");
    /* Only a prerequisite must have a citation: elsewhere 'text' or the next
     * declaration could come instead. */
    else if (err->expects_citation && !err->expects_value && !err->got_clause && !err->expects_text
             && !err->expects_string && !err->expects_declaration)
        diag_note(ps->diag, loc, "a prerequisite cites its provision: requires CONDITION according to "
                  "SOURCE \"§ ...\"");
    else if (err->got_clause && err->expects_declaration)
        diag_note(ps->diag, loc, "a declaration has at most one 'according to' and one 'text'");
    else if (comma_in_number(ps, loc))
        diag_note(ps->diag, loc, "decimals are written with a point: 12.50, not 12,50");
    else if (err->got_comma && err->expects_case && !err->expects_end)
        diag_note(ps->diag, loc, "each case of an enum has its own 'case': case enlig case gift");
    else if (err->got_header && err->expects_declaration)
        diag_note(ps->diag, loc, "the module header ('title', 'source', 'in force', 'reference date', "
                  "'month end rule') comes right after 'module NAME', before the first declaration");
    else if (err->got_name && err->expects_declaration && !err->expects_operator)
        diag_note(ps->diag, loc, "a declaration starts with a word such as 'input' or 'definition': "
                  "is it missing before this name?");
    else if (err->expects_operator && err->expects_declaration && err->got_value)
        diag_note(ps->diag, loc, "is an operator such as 'and' or '+' missing before it?");
    else if (err->expects_operator && err->expects_declaration && !err->got_keyword && !err->at_eof)
        diag_note(ps->diag, loc, "to make a larger expression of it, put the part before in parentheses");
    else if (err->expects_name && err->nexpected == 1 && err->got_keyword)
        diag_note(ps->diag, loc, "%s is a word of the language and cannot be used as a name", err->got);
    else if (err->expects_end && (err->at_eof || err->got_keyword))
        diag_note(ps->diag, loc, "a 'match' must be closed with 'end'");
    else if (err->expects_close && (err->at_eof || err->got_keyword))
        diag_note(ps->diag, loc, "a '(' before this point is not closed with ')'");
    else if (err->expects_else && (err->at_eof || err->got_keyword))
        diag_note(ps->diag, loc, "an 'if' needs both 'then' and 'else'");
}

void ps_parser_error(parse_state *ps, src_loc loc, const char *msg)
{
    if (strstr(msg, "exhausted"))
        diag_error(ps->diag, loc,
                   "the rules are nested too deeply to read here; split them into smaller definitions");
    else
        diag_error(ps->diag, loc, "%s", msg);
}

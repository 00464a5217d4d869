#include "safety/safety.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lov.h"
#include "check/resolve.h"
#include "prove/smt.h"
#include "check/types.h"

typedef struct checker {
    module *mod;
    diag_ctx *diag;
    const safety_options *opt;
    bool *protection_reported;   /* by decl position: check 3 reported for it */
    bool *on_time;           /* by decl position: its value depends on the reference date */
    bool *on_entered;        /* by decl position: its value depends on an entered date */
    smt *prover;             /* made when first needed */
} checker;

/* ---- 1. Adverse outcomes and their procedure ------------------------------------ */

static bool has_requirement(const decl *d, requirement_kind kind)
{
    for (int i = 0; i < d->u.def.requires.len; i++)
        if (((requirement *)NL_AT(d->u.def.requires, i))->kind == kind)
            return true;
    return false;
}

static void check_procedure(checker *c, decl *d)
{
    if (!has_requirement(d, REQ_HEARING) && !d->u.def.without_hearing)
        diag_warning(c->diag, "adverse-without-hearing", d->name.loc,
                     "the adverse outcome '%s' can be given without hearing the citizen first: add 'requires "
                     "hearing CONDITION according to SOURCE \"§ 19, stk. 1\"' (Forvaltningsloven § 19), or, where "
                     "the law allows no hearing, 'without hearing according to SOURCE \"...\"' citing the exception "
                     "relied on", d->name.name);
    if (!has_requirement(d, REQ_DECISION) && !d->u.def.without_decision)
        diag_warning(c->diag, "adverse-without-decision", d->name.loc,
                     "the adverse outcome '%s' can be given without a decision: add 'requires decision "
                     "CONDITION according to SOURCE \"§ 22\"' (a decision with reasons, Forvaltningsloven §§ "
                     "22-24), or, where the law needs none, 'without decision according to SOURCE \"...\"' citing "
                     "why", d->name.name);
}

/* ---- Dependence on time and on entered dates -------------------------------- */

static bool is_entered_date(const checker *c, const decl *d)
{
    if (d->kind != D_INPUT || d == c->mod->reference_input || !d->type)
        return false;
    const type *t = d->type->kind == T_OPTIONAL ? d->type->elem : d->type;
    return t->kind == T_DATE;
}

typedef struct mention {
    const checker *c;
    bool time;
    bool entered;
    const decl *entered_decl;    /* the first entered date met */
} mention;

static void visit_mention(expr *e, void *ctx)
{
    mention *m = ctx;
    if (e->kind != E_NAME || e->u.name.ref != REF_DECL)
        return;
    const decl *d = e->u.name.target;
    if (d == m->c->mod->reference_input)
        m->time = true;
    if (is_entered_date(m->c, d)) {
        m->entered = true;
        if (!m->entered_decl)
            m->entered_decl = d;
    }
    if ((d->kind == D_DEFINITION || d->kind == D_OUTCOME) && d->module == m->c->mod) {
        m->time |= m->c->on_time[d->position];
        m->entered |= m->c->on_entered[d->position];
    }
}

static mention mentions(const checker *c, expr *e)
{
    mention m = {c, false, false, NULL};
    ast_walk(e, visit_mention, &m);
    return m;
}

/* Which definitions depend on the reference date, and which on entered
 * dates: one pass in evaluation order, each after the definitions it reads. */
static void mark_dependences(checker *c)
{
    ptrvec order = {0};
    resolve_evaluation_order(c->mod, &order);
    for (size_t i = 0; i < order.len; i++) {
        decl *d = order.items[i];
        for (int k = 0; k < d->u.def.rules.len; k++) {
            ast_rule *r = NL_AT(d->u.def.rules, k);
            mention a = r->cond ? mentions(c, r->cond) : (mention){c, false, false, NULL};
            mention b = mentions(c, r->value);
            c->on_time[d->position] |= a.time || b.time;
            c->on_entered[d->position] |= a.entered || b.entered;
        }
    }
    pv_free(&order);
}

/* ---- 2, 3, 4. What makes an adverse outcome due ------------------------------------- */

typedef struct harm {
    checker *c;
    decl *outcome;
    bool time_reported;          /* check 2, once per outcome */
    bool *visited[3];            /* by polarity + 1, by decl position */
    decl *protection;            /* the definition being walked as a protection, or NULL */
    bool in_comparison;          /* inside a comparison that decides the harm */
    bool absent_reported;
} harm;

/* Can the comparison become true (under polarity p) as the reference date
 * passes an entered date? 'grows' says whether its truth grows with time:
 * 1 grows, -1 shrinks, 0 either. */
static void time_comparison(harm *h, const expr *e, mention left, mention right, int grows, int p)
{
    bool time_vs_entered = (left.time && right.entered) || (right.time && left.entered)
                           || (left.time && left.entered) || (right.time && right.entered);
    if (!time_vs_entered)
        return;
    const decl *date = left.entered_decl ? left.entered_decl : right.entered_decl;
    bool harm_grows = p == 0 || grows == 0 || grows == p;
    /* A required date compared so that the harm follows once the day has
     * come ('the interview was missed on or before the decision day') dates
     * an event: that is a fact. What is flagged is a protecting condition
     * that stops holding as time passes, and dates that may or may not be
     * registered (end dates, deadlines). */
    bool optional = date && date->type && date->type->kind == T_OPTIONAL;
    if (!harm_grows || (p > 0 && !optional) || (p == 0 && !optional))
        return;
    if (!h->time_reported) {
        h->time_reported = true;
        diag_warning(h->c->diag, "time-triggered-adverse", h->outcome->name.loc,
                     "the adverse outcome '%s' can become due only because the reference date passes an entered "
                     "date%s%s%s: no new fact about the citizen is needed; it must rest on facts, not on the "
                     "calendar", h->outcome->name.name, date ? " ('" : "", date ? date->name.name : "",
                     date ? "')" : "");
        diag_note(h->c->diag, e->loc, "the date is compared here");
    }
    decl *prot = h->protection;
    if (prot && !h->c->protection_reported[prot->position]) {
        h->c->protection_reported[prot->position] = true;
        diag_warning(h->c->diag, "lapsing-protection", prot->name.loc,
                     "the protection '%s' ends when the reference date passes an entered date%s%s%s, with no new "
                     "assessment of the citizen: a protection must end on a new fact, not on a date entered in "
                     "advance", prot->name.name, date ? " ('" : "", date ? date->name.name : "", date ? "')" : "");
        diag_note(h->c->diag, e->loc, "the date is compared here");
    }
}

static void harm_walk(harm *h, expr *e, int p);

static bool names_input(const expr *x)
{
    return x->kind == E_NAME && x->u.name.ref == REF_DECL && ((const decl *)x->u.name.target)->kind == D_INPUT;
}

static int flip(int p)
{
    return -p;
}

/* A yes/no definition read under polarity p: its rules, in the polarity in
 * which each makes it true. */
static void harm_definition(harm *h, decl *d, int p)
{
    bool **seen = &h->visited[p + 1];
    if ((*seen)[d->position])
        return;
    (*seen)[d->position] = true;
    decl *saved = h->protection;
    if (p < 0 && d->type && d->type->kind == T_BOOL)
        h->protection = d;                  /* its truth keeps the harm away */
    for (int k = 0; k < d->u.def.rules.len; k++) {
        ast_rule *r = NL_AT(d->u.def.rules, k);
        if (r->is_default) {
            if (r->value->kind != E_BOOL)
                harm_walk(h, r->value, p);
            continue;
        }
        if (r->value->kind == E_BOOL) {
            harm_walk(h, r->cond, r->value->u.b ? p : flip(p));
        } else {
            harm_walk(h, r->cond, 0);
            harm_walk(h, r->value, p);
        }
    }
    h->protection = saved;
}

static void harm_walk(harm *h, expr *e, int p)
{
    if (!e)
        return;
    switch (e->kind) {
    case E_UNARY:
        harm_walk(h, e->u.unary.operand, e->u.unary.op == U_NOT ? flip(p) : 0);
        return;
    case E_BINARY: {
        binop op = e->u.binary.op;
        if (op == B_AND || op == B_OR) {
            harm_walk(h, e->u.binary.lhs, p);
            harm_walk(h, e->u.binary.rhs, p);
            return;
        }
        if (op == B_IMPLIES) {
            harm_walk(h, e->u.binary.lhs, flip(p));
            harm_walk(h, e->u.binary.rhs, p);
            return;
        }
        if (op >= B_EQ) {
            mention l = mentions(h->c, e->u.binary.lhs), r = mentions(h->c, e->u.binary.rhs);
            int grows = 0;
            if (l.time && !r.time)
                grows = op == B_GT || op == B_GE ? 1 : op == B_LT || op == B_LE ? -1 : 0;
            else if (r.time && !l.time)
                grows = op == B_LT || op == B_LE ? 1 : op == B_GT || op == B_GE ? -1 : 0;
            time_comparison(h, e, l, r, grows, p);
        }
        bool saved = h->in_comparison;
        h->in_comparison |= op >= B_EQ && p != 0;
        harm_walk(h, e->u.binary.lhs, 0);
        harm_walk(h, e->u.binary.rhs, 0);
        h->in_comparison = saved;
        return;
    }
    case E_WITHIN:
    case E_BETWEEN: {
        expr *subject = e->kind == E_WITHIN ? e->u.within.subject : e->u.between.subject;
        mention l = mentions(h->c, subject), r = {h->c, false, false, NULL};
        expr *parts[2] = {e->kind == E_WITHIN ? e->u.within.span : e->u.between.low,
                          e->kind == E_WITHIN ? e->u.within.anchor : e->u.between.high};
        for (int i = 0; i < 2; i++) {
            mention m = mentions(h->c, parts[i]);
            r.time |= m.time;
            r.entered |= m.entered;
            if (!r.entered_decl)
                r.entered_decl = m.entered_decl;
        }
        time_comparison(h, e, l, r, 0, p);
        return;
    }
    case E_IF:
        harm_walk(h, e->u.if_.cond, 0);
        harm_walk(h, e->u.if_.then_e, p);
        harm_walk(h, e->u.if_.else_e, p);
        return;
    case E_NAME:
        if (e->u.name.ref == REF_DECL) {
            decl *d = e->u.name.target;
            if ((d->kind == D_DEFINITION || d->kind == D_OUTCOME) && d->module == h->c->mod
                && !d->u.def.has_params)
                harm_definition(h, d, d->type && d->type->kind == T_BOOL ? p : 0);
        }
        return;
    case E_PRESENCE: {
        expr *x = e->u.presence.subject;
        bool absent_harms = (e->u.presence.present && p < 0) || (!e->u.presence.present && p > 0) || p == 0;
        if (absent_harms && !h->absent_reported && names_input(x) && p != 0) {
            h->absent_reported = true;
            diag_warning(h->c->diag, "absent-fact-to-adverse", e->loc,
                         "when '%s' is not registered (absent), the adverse outcome '%s' can follow: a missing "
                         "registration is no fact about the citizen and must not harm them",
                         x->u.name.id.name, h->outcome->name.name);
        }
        harm_walk(h, x, 0);
        return;
    }
    case E_OTHERWISE: {
        expr *x = e->u.otherwise.subject;
        if (!h->absent_reported && (p != 0 || h->in_comparison) && names_input(x)) {
            h->absent_reported = true;
            diag_warning(h->c->diag, "absent-fact-to-adverse", e->loc,
                         "the rules put a value in place of '%s' when it is not registered, and that value leads "
                         "to the adverse outcome '%s': an adverse outcome must not rest on a guess",
                         x->u.name.id.name, h->outcome->name.name);
        }
        harm_walk(h, x, 0);
        harm_walk(h, e->u.otherwise.fallback, 0);
        return;
    }
    default: {
        /* Anything else: look inside, in either polarity. */
        switch (e->kind) {
        case E_CALL:
            for (int i = 0; i < e->u.call.args.len; i++)
                harm_walk(h, NL_AT(e->u.call.args, i), 0);
            return;
        case E_MATCH:
            harm_walk(h, e->u.match.scrutinee, 0);
            for (int i = 0; i < e->u.match.arms.len; i++)
                harm_walk(h, ((match_arm *)NL_AT(e->u.match.arms, i))->body, p);
            harm_walk(h, e->u.match.else_e, p);
            return;
        case E_AGGREGATE:
            harm_walk(h, e->u.aggr.filter, 0);
            harm_walk(h, e->u.aggr.body, 0);
            return;
        case E_ROUNDED: harm_walk(h, e->u.rounded.subject, 0); return;
        case E_UNIT: harm_walk(h, e->u.unit.subject, 0); return;
        case E_FIELD: return;
        default: return;
        }
    }
    }
}

/* The conditions under which the adverse outcome takes a harmful value. */
static void check_harm(checker *c, decl *d)
{
    module *m = c->mod;
    harm h;
    memset(&h, 0, sizeof h);
    h.c = c;
    h.outcome = d;
    for (int i = 0; i < 3; i++)
        h.visited[i] = xcalloc((size_t)m->decls.len + 1, 1);
    const expr *dflt = d->u.def.default_rule ? d->u.def.default_rule->value : NULL;
    for (int k = 0; k < d->u.def.rules.len; k++) {
        ast_rule *r = NL_AT(d->u.def.rules, k);
        if (r->is_default)
            continue;
        /* An exception that gives the default (no harm) protects: its
         * condition harms by becoming false. */
        bool harmless = dflt && r->value->kind == dflt->kind
                        && ((dflt->kind == E_BOOL && r->value->u.b == dflt->u.b)
                            || (dflt->kind == E_MONEY && r->value->u.money == dflt->u.money)
                            || (dflt->kind == E_INT && r->value->u.i == dflt->u.i));
        harm_walk(&h, r->cond, harmless ? -1 : 1);
        if (!harmless)
            harm_walk(&h, r->value, d->type->kind == T_BOOL ? 1 : 0);
    }
    for (int i = 0; i < 3; i++)
        free(h.visited[i]);
}

/* ---- 5, 6. Exceptions, with the prover ------------------------------------------------ */

static smt *prover(checker *c)
{
    if (!c->prover)
        c->prover = smt_new(c->mod, c->opt->list_bound, c->opt->timeout_ms);
    return c->prover;
}

static bool same_literal(const expr *a, const expr *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case E_BOOL: return a->u.b == b->u.b;
    case E_INT: return a->u.i == b->u.i;
    case E_MONEY: return a->u.money == b->u.money;
    case E_DATE: return a->u.date == b->u.date;
    case E_NAME: return a->u.name.ref == REF_CASE && b->u.name.ref == REF_CASE && a->u.name.target == b->u.name.target;
    default: return false;
    }
}

/* The facts follow the finding, without repeating its source line. */
static void report_example(checker *c, strbuf *example)
{
    src_loc nowhere = {0};
    while (example->len && example->data[example->len - 1] == '\n')
        example->data[--example->len] = '\0';
    diag_note(c->diag, nowhere, "for example, with these facts:\n%s", example->data ? example->data : "");
}

/* Beyond these sizes the prover's questions (one per exception and one per
 * pair of siblings) would take minutes: the checks are left out, and the
 * finding says so. */
enum { MAX_CHECKED_EXCEPTIONS = 64, MAX_CHECKED_DEPTH = 16 };

static int rule_depth(const ast_rule *r)
{
    int depth = 0;
    for (; r && depth <= MAX_CHECKED_DEPTH; r = r->parent_rule)
        depth++;
    return depth;
}

/* True when the definition is small enough for the prover's checks. */
static bool within_limits(checker *c, decl *d)
{
    int n = 0, depth = 0;
    for (int i = 0; i < d->u.def.rules.len; i++) {
        ast_rule *r = NL_AT(d->u.def.rules, i);
        if (r->is_default)
            continue;
        n++;
        int k = rule_depth(r);
        if (k > depth)
            depth = k;
    }
    if (n <= MAX_CHECKED_EXCEPTIONS && depth <= MAX_CHECKED_DEPTH)
        return true;
    diag_warning(c->diag, "not-checked", d->name.loc,
                 "'%s' is too large for the checks of its exceptions (conflicts, exceptions that never apply, "
                 "cases without a value): %s; they are checked for at most %d exceptions, nested at most %d deep",
                 d->name.name, n > MAX_CHECKED_EXCEPTIONS ? "it has more exceptions" : "its exceptions nest deeper",
                 MAX_CHECKED_EXCEPTIONS, MAX_CHECKED_DEPTH);
    return false;
}

static void check_exceptions(checker *c, decl *d)
{
    nodelist *rules = &d->u.def.rules;
    if (!within_limits(c, d))
        return;
    for (int i = 0; i < rules->len; i++) {
        ast_rule *a = NL_AT(*rules, i);
        if (a->is_default)
            continue;
        strbuf ex;
        sb_init(&ex);
        if (smt_exception_can_apply(prover(c), d, a, NULL) == SMT_UNSAT)
            diag_warning(c->diag, "unreachable-exception", a->label.loc,
                         "the exception '%s' of '%s' can never apply: no case meets its condition", a->label.name,
                         d->name.name);
        for (int k = i + 1; k < rules->len; k++) {
            ast_rule *b = NL_AT(*rules, k);
            if (b->is_default || b->parent_rule != a->parent_rule || same_literal(a->value, b->value))
                continue;
            sb_free(&ex);
            if (smt_exceptions_can_conflict(prover(c), d, a, b, &ex) == SMT_SAT) {
                diag_warning(c->diag, "conflicting-exceptions", b->label.loc,
                             "the exceptions '%s' and '%s' of '%s' can both apply with different results: a "
                             "conflict that the rules leave undecided", a->label.name, b->label.name, d->name.name);
                diag_note(c->diag, a->label.loc, "'%s' is here", a->label.name);
                report_example(c, &ex);
            }
        }
        sb_free(&ex);
    }
    if (!d->u.def.default_rule && rules->len > 0) {
        strbuf ex;
        sb_init(&ex);
        if (smt_definition_can_lack_value(prover(c), d, &ex) == SMT_SAT) {
            diag_warning(c->diag, "incomplete-definition", d->name.loc,
                         "'%s' has no value for some cases: none of its exceptions applies and it has no default; "
                         "add a 'default' or an exception for them", d->name.name);
            report_example(c, &ex);
        }
        sb_free(&ex);
    }
}

/* ---- 7. Unused declarations, parameters with gaps ---------------------------------------- */

static void check_parameter_periods(checker *c, decl *d)
{
    module *m = c->mod;
    nodelist *vals = &d->u.param.values;
    if (!m->has_in_force || vals->len == 0)
        return;
    lov_date start = m->in_force_from, end = m->has_until ? m->in_force_until : LOV_DATE_MAX;
    lov_date covered_to = start - 1;                /* covered: start .. covered_to */
    for (int i = 0; i < vals->len; i++) {
        dated_value *dv = NL_AT(*vals, i);
        lov_date until = dv->has_until ? dv->until
                         : i + 1 < vals->len ? ((dated_value *)NL_AT(*vals, i + 1))->from - 1 : LOV_DATE_MAX;
        if (dv->from > covered_to + 1 && covered_to < end) {
            char a[LOV_DATE_BUFSIZE], b[LOV_DATE_BUFSIZE];
            lov_date_format(covered_to + 1, a);
            lov_date_format(dv->from - 1 < end ? dv->from - 1 : end, b);
            diag_warning(c->diag, "parameter-gap", dv->loc,
                         "'%s' has no value from %s to %s, inside the period in force: the rules are not "
                         "applicable on those days", d->name.name, a, b);
        }
        if (until > covered_to)
            covered_to = until;
    }
    if (covered_to < end) {
        char a[LOV_DATE_BUFSIZE], b[LOV_DATE_BUFSIZE];
        lov_date_format(covered_to + 1, a);
        lov_date_format(end, b);
        diag_warning(c->diag, "parameter-gap", d->name.loc,
                     "'%s' has no value from %s to %s, inside the period in force: the rules are not "
                     "applicable on those days", d->name.name, a, end == LOV_DATE_MAX ? "the end" : b);
    }
}

static void check_unused(checker *c, decl *d)
{
    if (d->used)
        return;
    if (d->kind == D_INPUT)
        diag_warning(c->diag, "unused-input", d->name.loc,
                     "the input '%s' is not used by any rule: remove it, or use it where the law needs it",
                     d->name.name);
    else if (d->kind == D_PARAMETER)
        diag_warning(c->diag, "unused-parameter", d->name.loc,
                     "the parameter '%s' is not used by any rule: remove it, or use it where the law needs it",
                     d->name.name);
}

void safety_check_module(module *m, diag_ctx *diag, const safety_options *o)
{
    checker c;
    memset(&c, 0, sizeof c);
    c.mod = m;
    c.diag = diag;
    c.opt = o;
    c.on_time = xcalloc((size_t)m->decls.len + 1, 1);
    c.on_entered = xcalloc((size_t)m->decls.len + 1, 1);
    c.protection_reported = xcalloc((size_t)m->decls.len + 1, 1);
    mark_dependences(&c);
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        switch (d->kind) {
        case D_INPUT:
            check_unused(&c, d);
            break;
        case D_PARAMETER:
            check_unused(&c, d);
            check_parameter_periods(&c, d);
            break;
        case D_OUTCOME:
            if (d->u.def.adverse) {
                check_procedure(&c, d);
                check_harm(&c, d);
            }
            check_exceptions(&c, d);
            break;
        case D_DEFINITION:
            if (!d->u.def.has_params)
                check_exceptions(&c, d);
            break;
        default:
            break;
        }
    }
    smt_free(c.prover);
    free(c.on_time);
    free(c.on_entered);
    free(c.protection_reported);
}

void program_check_safety(program *p)
{
    safety_options o = {.list_bound = 2, .timeout_ms = 2000};
    safety_check_module(p->root, p->diag, &o);
}

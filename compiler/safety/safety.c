#include "safety/safety.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/types.h"
#include "core/lov.h"
#include "prove/smt.h"
#include "safety/amount.h"
#include "safety/cases.h"
#include "safety/harm.h"
#include "safety/procedure.h"
#include "safety/reads.h"

typedef struct checker {
    module *mod;
    diag_ctx *diag;
    const safety_options *opt;
    bool *protection_reported;   /* by decl position: lapsing-protection reported for it */
    smt *prover;             /* made when first needed */
    reads *reads;            /* made when first needed */
    procedures *procedures;  /* declared by the law's modules */
} checker;

/* ---- 1. Adverse outcomes and their procedure ------------------------------------ */

static smt *prover(checker *c)
{
    if (!c->prover)
        c->prover = smt_new(c->mod, c->opt->list_bound, c->opt->timeout_ms);
    return c->prover;
}

/* ---- 2, 3, 4. What makes an adverse outcome due (harm.c) ------------------------------ */

static void check_harm(checker *c, decl *d)
{
    if (!c->reads)
        c->reads = reads_new(c->mod);
    harm_ctx h = {c->mod, c->diag, prover(c), c->reads, c->protection_reported, c->opt->scenarios};
    harm_check_outcome(&h, d);
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

/* A question the prover could not answer in its time: said, never silence. */
static void not_checked(checker *c, src_loc loc, const char *name, const char *what)
{
    diag_warning(c->diag, "not-checked", loc,
                 "'%s' could not be checked for %s: the prover could not decide it (%s); have it reviewed "
                 "by hand, or simplify the rules", name, what, smt_why_undecided(c->prover));
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
        smt_answer applies = smt_exception_can_apply(prover(c), d, a, NULL);
        if (applies == SMT_UNSAT)
            diag_warning(c->diag, "unreachable-exception", a->label.loc,
                         "the exception '%s' of '%s' can never apply: no case meets its condition", a->label.name,
                         d->name.name);
        else if (applies == SMT_UNKNOWN)
            not_checked(c, a->label.loc, a->label.name, "whether it can ever apply");
        for (int k = i + 1; k < rules->len; k++) {
            ast_rule *b = NL_AT(*rules, k);
            if (b->is_default || b->parent_rule != a->parent_rule || same_literal(a->value, b->value))
                continue;
            sb_free(&ex);
            smt_answer conflict = smt_exceptions_can_conflict(prover(c), d, a, b, &ex);
            if (conflict == SMT_UNKNOWN)
                not_checked(c, b->label.loc, b->label.name, "a conflict with its sibling exceptions");
            if (conflict == SMT_SAT) {
                diag_warning(c->diag, "conflicting-exceptions", b->label.loc,
                             "the exceptions '%s' and '%s' of '%s' can both apply with different results: a "
                             "conflict that the rules leave undecided", a->label.name, b->label.name, d->name.name);
                diag_note(c->diag, a->label.loc, "'%s' is here", a->label.name);
                if (!d->u.def.has_params) {
                    char expect[256];
                    snprintf(expect, sizeof expect, "%s is conflict", d->name.name);
                    cases_add(c->opt->scenarios, "conflicting-exceptions", d, ex.data, expect,
                              "passes while the rules leave this case in conflict; once they say which "
                              "exception prevails, expect the value the law gives");
                }
                cases_note_example(c->diag, &ex, NULL);
            }
        }
        sb_free(&ex);
    }
    if (!d->u.def.default_rule && rules->len > 0) {
        strbuf ex;
        sb_init(&ex);
        smt_answer lacks = smt_definition_can_lack_value(prover(c), d, &ex);
        if (lacks == SMT_UNKNOWN)
            not_checked(c, d->name.loc, d->name.name, "cases without a value");
        if (lacks == SMT_SAT) {
            diag_warning(c->diag, "incomplete-definition", d->name.loc,
                         "'%s' has no value for some cases: none of its exceptions applies and it has no default; "
                         "add a 'default' or an exception for them", d->name.name);
            if (!d->u.def.has_params) {
                char expect[256];
                snprintf(expect, sizeof expect, "%s is undetermined", d->name.name);
                cases_add(c->opt->scenarios, "incomplete-definition", d, ex.data, expect,
                          "passes while no rule gives this case a value; once one does, expect that value");
            }
            cases_note_example(c->diag, &ex, NULL);
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
    c.protection_reported = xcalloc((size_t)m->decls.len + 1, 1);
    c.procedures = procedures_of(m);
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
                procedure_check_outcome(c.procedures, d, diag);
                check_harm(&c, d);
                amount_check_outcome(prover(&c), diag, o->scenarios, d);
            }
            check_exceptions(&c, d);
            break;
        case D_DEFINITION:
            check_exceptions(&c, d);
            break;
        default:
            break;
        }
    }
    smt_free(c.prover);
    reads_free(c.reads);
    procedures_free(c.procedures);
    free(c.protection_reported);
}

void program_check_safety(program *p, strbuf *scenarios)
{
    safety_options o = {.list_bound = 2, .timeout_ms = 2000, .scenarios = scenarios};
    safety_check_module(p->root, p->diag, &o);
}

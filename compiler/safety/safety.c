/* SPDX-License-Identifier: Apache-2.0 */
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
    smt *long_lists;         /* the same with longer lists, for "never" (made when first needed) */
    reads *reads;            /* made when first needed */
    procedures *procedures;  /* declared by the law's modules */
    bool chain_reported;     /* the rules with exceptions beyond MAX_CHECKED_CHAIN: said once */
} checker;

/* A question about a rule carries every rule it rests on, and the
 * prover's work grows with the square of a chain's length: rules that rest
 * on a longer chain than this are left out, and the finding says so. */
enum { MAX_CHECKED_CHAIN = 2000 };

static reads *reads_of(checker *c)
{
    if (!c->reads)
        c->reads = reads_new(c->mod);
    return c->reads;
}

static bool has_exceptions(const decl *d)
{
    for (int i = 0; i < d->u.def.rules.len; i++)
        if (!((ast_rule *)NL_AT(d->u.def.rules, i))->is_default)
            return true;
    return false;
}

static bool too_long(checker *c, const decl *d)
{
    return reads_depth(reads_of(c), d) > MAX_CHECKED_CHAIN;
}

/* True when d rests on a chain of rules short enough for the prover. An
 * adverse outcome beyond it says so for the checks of harm; of the rules
 * with exceptions beyond it, the first says so for all of them. */
static bool chain_within_limit(checker *c, decl *d, bool harm)
{
    if (!too_long(c, d))
        return true;
    if (harm) {
        diag_warning(c->diag, "not-checked", d->name.loc,
                     "'%s' rests on a chain of more than %d definitions, each using the one before, too long for "
                     "the prover's checks of harm (the passing of a date, a missing registration, its "
                     "prerequisites, an amount below zero): have it reviewed by hand, or shorten the chain (often a table in disguise)",
                     d->name.name, MAX_CHECKED_CHAIN);
        return false;
    }
    if (c->chain_reported)
        return false;
    c->chain_reported = true;
    int others = 0;
    for (int i = 0; i < c->mod->decls.len; i++) {
        decl *o = NL_AT(c->mod->decls, i);
        others += o != d && (o->kind == D_DEFINITION || o->kind == D_OUTCOME) && has_exceptions(o) && too_long(c, o);
    }
    diag_warning(c->diag, "not-checked", d->name.loc,
                 "'%s' rests on a chain of more than %d definitions, each using the one before, too long for the "
                 "prover's checks of its exceptions (conflicts, exceptions that never apply, cases without a "
                 "value); they are left out for it and for %d other definition%s with exceptions that rest on "
                 "chains as long: have them reviewed by hand, or shorten the chain (often a table in disguise)",
                 d->name.name, MAX_CHECKED_CHAIN, others, others == 1 ? "" : "s");
    return false;
}

/* ---- 1. Adverse outcomes and their procedure ------------------------------------ */

static smt *prover(checker *c)
{
    if (!c->prover)
        c->prover = smt_new(c->mod, c->opt->list_bound, c->opt->timeout_ms);
    return c->prover;
}

/* "Never" is said of every case, and the prover's lists are short (2
 * items): an exception that no case with short lists meets is asked again
 * with lists of a year of months before it is called unreachable. */
enum { LONG_LIST_BOUND = 12 };

static smt *long_list_prover(checker *c)
{
    if (!c->long_lists)
        c->long_lists = smt_new(c->mod, LONG_LIST_BOUND, c->opt->timeout_ms);
    return c->long_lists;
}

/* Whether d reads an input that is a list. */
static bool reads_a_list(checker *c, decl *d)
{
    for (int i = 0; i < c->mod->decls.len; i++) {
        decl *in = NL_AT(c->mod->decls, i);
        if (in->kind == D_INPUT && in->type && in->type->kind == T_LIST && reads_input(reads_of(c), d, in, false))
            return true;
    }
    return false;
}

/* ---- 2, 3, 4. What makes an adverse outcome due (harm.c) ------------------------------ */

static void check_harm(checker *c, decl *d)
{
    harm_ctx h = {c->mod, c->diag, prover(c), reads_of(c), c->protection_reported, c->opt->scenarios, c->opt->confirm};
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

/* The scenario of a finding about definition d: its case, expecting
 * "d <expect>" (a conflict, no value). Definitions with parameters have
 * none: a case gives no values to their parameters. */
static void case_of(checker *c, decl *d, const char *finding, const strbuf *ex, const char *expect,
                    const char *comment)
{
    char line[256];
    snprintf(line, sizeof line, "%s %s", d->name.name, expect);
    if (!d->u.def.has_params)
        cases_add(c->opt->scenarios, finding, d, NULL, ex->data, line, comment);
}

/* True when the compiled rules bear out the case of a finding about d (or
 * it cannot be run); otherwise a not-checked finding at loc says why. */
static bool borne_out(checker *c, decl *d, src_loc loc, const char *name, const char *finding, const strbuf *ex,
                      const char *expect, const char *what)
{
    char line[256], why[512];
    snprintf(line, sizeof line, "%s %s", d->name.name, expect);
    strbuf scenario;
    sb_init(&scenario);
    if (!d->u.def.has_params)
        cases_add(&scenario, finding, d, NULL, ex->data, line, NULL);
    case_verdict v = cases_confirm(c->opt->confirm, scenario.data, d, false, why, sizeof why);
    sb_free(&scenario);
    if (v != CASE_NOT_BORNE_OUT)
        return true;
    diag_warning(c->diag, "not-checked", loc,
                 "'%s' could not be checked for %s: the prover found a case, but %s; have it reviewed by hand, "
                 "or simplify the rules", name, what, why);
    return false;
}

static void check_exceptions(checker *c, decl *d)
{
    nodelist *rules = &d->u.def.rules;
    if (!has_exceptions(d))
        return;                           /* no exceptions: nothing to check */
    if (!chain_within_limit(c, d, false) || !within_limits(c, d))
        return;
    for (int i = 0; i < rules->len; i++) {
        ast_rule *a = NL_AT(*rules, i);
        if (a->is_default)
            continue;
        strbuf ex;
        sb_init(&ex);
        smt_answer applies = smt_exception_can_apply(prover(c), d, a, NULL);
        bool lists = applies == SMT_UNSAT && reads_a_list(c, d);
        if (lists)        /* no case with short lists: longer ones may meet it (three months of work) */
            applies = smt_exception_can_apply(long_list_prover(c), d, a, NULL);
        if (applies == SMT_UNSAT && lists)
            diag_warning(c->diag, "unreachable-exception", a->label.loc,
                         "the exception '%s' of '%s' can never apply: no case meets its condition, with lists of up "
                         "to %d items (longer lists were not tried)", a->label.name, d->name.name, LONG_LIST_BOUND);
        else if (applies == SMT_UNSAT)
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
            if (conflict == SMT_SAT && borne_out(c, d, b->label.loc, b->label.name, "conflicting-exceptions", &ex,
                                                 "is conflict", "a conflict with its sibling exceptions")) {
                diag_warning(c->diag, "conflicting-exceptions", b->label.loc,
                             "the exceptions '%s' and '%s' of '%s' can both apply with different results: a "
                             "conflict that the rules leave undecided", a->label.name, b->label.name, d->name.name);
                diag_note(c->diag, a->label.loc, "'%s' is here", a->label.name);
                case_of(c, d, "conflicting-exceptions", &ex, "is conflict",
                        "passes while the rules leave this case in conflict; once they say which exception "
                        "prevails, expect the value the law gives");
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
        if (lacks == SMT_SAT
            && borne_out(c, d, d->name.loc, d->name.name, "incomplete-definition", &ex, "is undetermined",
                         "cases without a value")) {
            diag_warning(c->diag, "incomplete-definition", d->name.loc,
                         "'%s' has no value for some cases: none of its exceptions applies and it has no default; "
                         "add a 'default' or an exception for them", d->name.name);
            case_of(c, d, "incomplete-definition", &ex, "is undetermined",
                    "passes while no rule gives this case a value; once one does, expect that value");
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
    procedures_check(c.procedures, diag);
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
                if (chain_within_limit(&c, d, true)) {
                    check_harm(&c, d);
                    amount_check_outcome(prover(&c), diag, o->scenarios, o->confirm, d);
                }
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
    smt_free(c.long_lists);
    reads_free(c.reads);
    procedures_free(c.procedures);
    free(c.protection_reported);
}

void program_check_safety(program *p, strbuf *scenarios, const case_confirmer *confirm)
{
    safety_options o = {.list_bound = 2, .timeout_ms = 2000, .scenarios = scenarios, .confirm = confirm};
    safety_check_module(p->root, p->diag, &o);
}

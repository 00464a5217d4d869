/* SPDX-License-Identifier: Apache-2.0 */
/* The checks of what makes an adverse outcome due, each a property of the
 * rules' meaning that the prover decides over every case the inputs' types
 * allow (docs/safety.md states them):
 *
 *   time-triggered-adverse  moving an entered date past the reference date,
 *                           nothing else changed, takes the harm away;
 *   lapsing-protection      the same move turns a protection back on, and
 *                           with it the harm goes;
 *   absent-fact-to-adverse  giving a missing registration some value takes
 *                           the harm away.
 *
 * The read sets (reads.h) only choose which questions to ask. */
#include "safety/harm.h"

#include <stdio.h>
#include <string.h>

#include "check/types.h"
#include "prove/smt.h"
#include "safety/cases.h"

/* A fact of an input: the input itself (field -1) or one field of its
 * records (a list of records, or a record). */
typedef struct fact_ref {
    decl *input;
    int field;
} fact_ref;

static const texpr *fact_texpr(const fact_ref *f)
{
    return f->field < 0 ? f->input->u.input.type_expr : type_input_field(f->input, f->field)->type_expr;
}

static const type *fact_value_type(const fact_ref *f)
{
    return f->field < 0 ? f->input->type : type_input_field(f->input, f->field)->type;
}

/* "'slutdato'" or "'til' (of the items of 'hjælpsperioder')", for messages. */
static const char *fact_words(const fact_ref *f, char *buf, size_t cap)
{
    if (f->field < 0)
        snprintf(buf, cap, "'%s'", f->input->name.name);
    else
        snprintf(buf, cap, "'%s' (of %s '%s')", type_input_field(f->input, f->field)->name.name,
                 f->input->type->kind == T_LIST ? "the items of" : "the record", f->input->name.name);
    return buf;
}

/* The fact's own name: the input's, or its field's. */
static const char *fact_name_of(const fact_ref *f)
{
    return f->field < 0 ? f->input->name.name : type_input_field(f->input, f->field)->name.name;
}

/* A date the case system registers in advance (an end date, a deadline),
 * not the reference date: harm may not follow from its passing. */
static bool is_planned_date(const module *m, const fact_ref *f)
{
    date_kind kind;
    const type *t = fact_value_type(f);
    if (t && t->kind == T_OPTIONAL)
        t = t->elem;
    return f->input != m->reference_input && t && t->kind == T_DATE && ast_fact_date_kind(fact_texpr(f), &kind)
           && kind == DATE_PLANNED;
}

/* An optional fact whose absence is no fact about the citizen. An event
 * that has no date has not happened: that is a fact, and may count. */
static bool is_optional_registration(const module *m, const fact_ref *f)
{
    const type *t = fact_value_type(f);
    if (f->input == m->reference_input || !t || t->kind != T_OPTIONAL)
        return false;
    date_kind kind;
    return !(ast_fact_date_kind(fact_texpr(f), &kind) && kind == DATE_EVENT);
}

/* A yes/no definition of the module that the outcome reads: a candidate
 * protection (an exemption, a condition that keeps the harm away). */
static bool is_candidate_protection(harm_ctx *h, decl *outcome, decl *p)
{
    return p->kind == D_DEFINITION && !p->u.def.has_params && p->type && p->type->kind == T_BOOL
           && p->module == h->mod && reads_definition(h->reads, outcome, p);
}

static void not_checked(harm_ctx *h, decl *outcome, const char *what, smt *s)
{
    diag_warning(h->diag, "not-checked", outcome->name.loc,
                 "'%s' could not be checked for %s: the prover could not decide it (%s); the rules may "
                 "harm a citizen in a way lovc has not ruled out, so have them reviewed by hand or simplify "
                 "them",
                 outcome->name.name, what, smt_why_undecided(s));
}

/* True when the compiled rules bear out the case of a harm finding (or
 * there are none to run it on); otherwise a not-checked finding says why,
 * and the finding is not reported. */
static bool borne_out(harm_ctx *h, const char *finding, decl *d, decl *outcome, const strbuf *ex, const char *what)
{
    char expect[256], why[512];
    if (!cases_harmless_value(outcome, expect, sizeof expect))
        snprintf(expect, sizeof expect, "%s is undetermined", outcome->name.name);
    strbuf scenario;
    sb_init(&scenario);
    cases_add(&scenario, finding, d, NULL, ex->data, expect, NULL);
    case_verdict v = cases_confirm(h->confirm, scenario.data, outcome, true, why, sizeof why);
    sb_free(&scenario);
    if (v != CASE_NOT_BORNE_OUT)
        return true;
    diag_warning(h->diag, "not-checked", outcome->name.loc,
                 "'%s' could not be checked for %s: the prover found a case, but %s; the rules may harm a "
                 "citizen in a way lovc has not ruled out, so have them reviewed by hand or simplify them",
                 outcome->name.name, what, why);
    return false;
}

/* A note where the outcome's rules read the input (through the definitions
 * they use), or at its declaration. */
static void note_use(harm_ctx *h, decl *outcome, decl *in, const char *fmt)
{
    const expr *use = reads_first_use(h->reads, outcome, in);
    diag_note(h->diag, use ? use->loc : in->name.loc, fmt, in->name.name);
}

/* The case of a harm finding as a scenario that expects no harm: it fails
 * until the rules are put right. */
static void harm_case(harm_ctx *h, const char *finding, decl *d, decl *outcome, const fact_ref *fact,
                      const strbuf *ex)
{
    char expect[256];
    if (cases_harmless_value(outcome, expect, sizeof expect))
        cases_add(h->scenarios, finding, d, fact_name_of(fact), ex->data, expect,
                  "fails while the rules harm the citizen in this case; see lovc check");
}

static void check_protections(harm_ctx *h, decl *outcome, const fact_ref *date)
{
    char words[160];
    for (int i = 0; i < h->mod->decls.len; i++) {
        decl *p = NL_AT(h->mod->decls, i);
        if (h->protection_reported[p->position] || !is_candidate_protection(h, outcome, p)
            || !reads_input(h->reads, p, date->input, false))
            continue;
        strbuf ex, instead;
        sb_init(&ex);
        sb_init(&instead);
        smt_answer a = smt_harm_when_date_passes(h->prover, outcome, date->input, date->field, p, &ex, &instead);
        const char *what = "a protection that ends on a planned date";
        if (a == SMT_SAT && !borne_out(h, "lapsing-protection", p, outcome, &ex, what)) {
            h->protection_reported[p->position] = true;
        } else if (a == SMT_SAT) {
            h->protection_reported[p->position] = true;
            diag_warning(h->diag, "lapsing-protection", p->name.loc,
                         "the protection '%s' ends when the reference date passes %s, a date entered in "
                         "advance, with no new assessment of the citizen, and then '%s' harms them: a protection "
                         "must end on a new fact, not on a planned date",
                         p->name.name, fact_words(date, words, sizeof words), outcome->name.name);
            harm_case(h, "lapsing-protection", p, outcome, date, &ex);
            cases_note_example(h->diag, &ex, &instead);
        } else if (a == SMT_UNKNOWN) {
            not_checked(h, outcome, what, h->prover);
        }
        sb_free(&ex);
        sb_free(&instead);
    }
}

static void check_time_fact(harm_ctx *h, decl *outcome, const fact_ref *date)
{
    char words[160];
    strbuf ex, instead;
    sb_init(&ex);
    sb_init(&instead);
    smt_answer a = smt_harm_when_date_passes(h->prover, outcome, date->input, date->field, NULL, &ex, &instead);
    char what[256];
    snprintf(what, sizeof what, "harm that follows from the passing of the planned date %s",
             fact_words(date, words, sizeof words));
    if (a == SMT_SAT && !borne_out(h, "time-triggered-adverse", outcome, outcome, &ex, what)) {
        /* not borne out by the compiled rules: reported as not checked */
    } else if (a == SMT_SAT) {
        diag_warning(h->diag, "time-triggered-adverse", outcome->name.loc,
                     "the adverse outcome '%s' can harm the citizen only because the reference date has "
                     "passed %s, a date entered in advance: no new fact about the citizen is needed; it "
                     "must rest on facts, not on the calendar", outcome->name.name,
                     fact_words(date, words, sizeof words));
        note_use(h, outcome, date->input, "'%s' is read here; it is a planned date (entered in advance): if it "
                 "records something that has happened, declare it 'event date'");
        harm_case(h, "time-triggered-adverse", outcome, outcome, date, &ex);
        cases_note_example(h->diag, &ex, &instead);
        check_protections(h, outcome, date);
    } else if (a == SMT_UNKNOWN) {
        not_checked(h, outcome, what, h->prover);
    }
    sb_free(&ex);
    sb_free(&instead);
}

static void check_time(harm_ctx *h, decl *outcome)
{
    if (!h->mod->reference_input)
        return;                            /* no reference date: no day passes */
    for (int i = 0; i < h->mod->decls.len; i++) {
        decl *in = NL_AT(h->mod->decls, i);
        if (in->kind != D_INPUT || !reads_input(h->reads, outcome, in, false))
            continue;
        for (int f = type_input_field_count(in) ? 0 : -1; f < type_input_field_count(in); f++) {
            fact_ref date = {in, f};
            if (is_planned_date(h->mod, &date))
                check_time_fact(h, outcome, &date);
        }
    }
}

/* True when a finding was given or the question could not be decided. */
static bool check_absent_fact(harm_ctx *h, decl *outcome, const fact_ref *fact)
{
    char words[160];
    strbuf ex, instead;
    sb_init(&ex);
    sb_init(&instead);
    smt_answer a = smt_harm_when_absent(h->prover, outcome, fact->input, fact->field, &ex, &instead);
    char what[256];
    snprintf(what, sizeof what, "harm that follows from a missing registration of %s",
             fact_words(fact, words, sizeof words));
    if (a == SMT_SAT && !borne_out(h, "absent-fact-to-adverse", outcome, outcome, &ex, what)) {
        /* not borne out by the compiled rules: reported as not checked */
    } else if (a == SMT_SAT) {
        fact_words(fact, words, sizeof words);
        diag_warning(h->diag, "absent-fact-to-adverse", outcome->name.loc,
                     "when %s is not registered (absent), the adverse outcome '%s' can follow, and it would not "
                     "with %s registered: a missing registration is no fact about the citizen and must not harm "
                     "them", words, outcome->name.name, words);
        note_use(h, outcome, fact->input, "'%s' is read here");
        harm_case(h, "absent-fact-to-adverse", outcome, outcome, fact, &ex);
        cases_note_example(h->diag, &ex, &instead);
    } else if (a == SMT_UNKNOWN) {
        not_checked(h, outcome, what, h->prover);
    }
    sb_free(&ex);
    sb_free(&instead);
    return a != SMT_UNSAT;
}

static void check_absent(harm_ctx *h, decl *outcome)
{
    for (int i = 0; i < h->mod->decls.len; i++) {
        decl *in = NL_AT(h->mod->decls, i);
        if (in->kind != D_INPUT || !reads_input(h->reads, outcome, in, false))
            continue;
        for (int f = type_input_field_count(in) ? 0 : -1; f < type_input_field_count(in); f++) {
            fact_ref fact = {in, f};
            if (is_optional_registration(h->mod, &fact) && check_absent_fact(h, outcome, &fact))
                return;                    /* one finding per outcome */
        }
    }
}

static const char *requirement_words(const requirement *req)
{
    return req->kind == REQ_HEARING ? "the hearing" : req->kind == REQ_DECISION ? "the decision" : "the prerequisite";
}

/* A prerequisite must be a fact the case system registers: not one that
 * holds in every case, and, for the hearing and the decision, not one that
 * holds because a fact is missing. */
static void check_requirement(harm_ctx *h, decl *outcome, requirement *req)
{
    strbuf ex, instead;
    sb_init(&ex);
    smt_answer fails = smt_requirement_can_fail(h->prover, req, NULL);
    sb_free(&ex);
    if (fails == SMT_UNSAT) {
        diag_warning(h->diag, "prerequisite-not-a-fact", req->loc,
                     "%s that '%s' requires is met in every case: it records nothing about the citizen's case; "
                     "name the fact the case system registers when it has taken place",
                     requirement_words(req), outcome->name.name);
        return;
    }
    if (fails == SMT_UNKNOWN) {
        not_checked(h, outcome, "a prerequisite that is no registered fact", h->prover);
        return;
    }
    /* A step of the procedure (the hearing, the decision) must have been
     * registered; other prerequisites may rest on a fact's absence ('not
     * yet back on full help'). */
    if (req->kind == REQ_OTHER)
        return;
    for (int i = 0; i < h->mod->decls.len; i++) {
        decl *in = NL_AT(h->mod->decls, i);
        if (in->kind != D_INPUT || !reads_expr_input(h->reads, req->cond, in))
            continue;
        for (int f = type_input_field_count(in) ? 0 : -1; f < type_input_field_count(in); f++) {
            fact_ref fact = {in, f};
            const type *t = fact_value_type(&fact);
            if (!t || t->kind != T_OPTIONAL)
                continue;                  /* an absent event counts here too: it has not taken place */
            char words[160];
            sb_init(&ex);
            sb_init(&instead);
            smt_answer a = smt_requirement_met_when_absent(h->prover, outcome, req, in, f, &ex, &instead);
            if (a == SMT_SAT) {
                diag_warning(h->diag, "prerequisite-not-a-fact", req->loc,
                             "%s that '%s' requires is met when %s is not registered, and not when it is: a "
                             "value put in place of a missing fact is no record that it has taken place",
                             requirement_words(req), outcome->name.name, fact_words(&fact, words, sizeof words));
                cases_note_example(h->diag, &ex, &instead);
            } else if (a == SMT_UNKNOWN) {
                not_checked(h, outcome, "a prerequisite that is no registered fact", h->prover);
            }
            sb_free(&ex);
            sb_free(&instead);
            if (a != SMT_UNSAT)
                return;                    /* one finding per prerequisite */
        }
    }
}

void harm_check_outcome(harm_ctx *h, decl *outcome)
{
    check_time(h, outcome);
    check_absent(h, outcome);
    for (int i = 0; i < outcome->u.def.requires.len; i++)
        check_requirement(h, outcome, NL_AT(outcome->u.def.requires, i));
}

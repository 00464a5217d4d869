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

/* A date the case system registers in advance (an end date, a deadline),
 * not the reference date: harm may not follow from its passing. */
static bool is_planned_date(const module *m, const decl *d)
{
    date_kind kind;
    return d->kind == D_INPUT && d != m->reference_input && ast_fact_date_kind(d->u.input.type_expr, &kind)
           && kind == DATE_PLANNED;
}

/* An optional fact whose absence is no fact about the citizen. An event
 * that has no date has not happened: that is a fact, and may count. */
static bool is_optional_registration(const module *m, const decl *d)
{
    if (d->kind != D_INPUT || d == m->reference_input || !d->type || d->type->kind != T_OPTIONAL)
        return false;
    date_kind kind;
    return !(ast_fact_date_kind(d->u.input.type_expr, &kind) && kind == DATE_EVENT);
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
                 outcome->name.name, what, smt_why_unknown(s));
}

/* A note where the outcome's rules read the input (through the definitions
 * they use), or at its declaration. */
static void note_use(harm_ctx *h, decl *outcome, decl *in, const char *fmt)
{
    const expr *use = reads_first_use(h->reads, outcome, in);
    diag_note(h->diag, use ? use->loc : in->name.loc, fmt, in->name.name);
}

static void report_example(harm_ctx *h, strbuf *example, const strbuf *instead)
{
    src_loc nowhere = {0};
    while (example->len && example->data[example->len - 1] == '\n')
        example->data[--example->len] = '\0';
    diag_note(h->diag, nowhere, "for example, with these facts:\n%s\n%s", example->data ? example->data : "",
              instead->data ? instead->data : "");
}

static void check_protections(harm_ctx *h, decl *outcome, decl *date)
{
    for (int i = 0; i < h->mod->decls.len; i++) {
        decl *p = NL_AT(h->mod->decls, i);
        if (h->protection_reported[p->position] || !is_candidate_protection(h, outcome, p)
            || !reads_input(h->reads, p, date, false))
            continue;
        strbuf ex, instead;
        sb_init(&ex);
        sb_init(&instead);
        smt_answer a = smt_harm_when_date_passes(h->prover, outcome, date, p, &ex, &instead);
        if (a == SMT_SAT) {
            h->protection_reported[p->position] = true;
            diag_warning(h->diag, "lapsing-protection", p->name.loc,
                         "the protection '%s' ends when the reference date passes '%s', a date entered in "
                         "advance, with no new assessment of the citizen, and then '%s' harms them: a protection "
                         "must end on a new fact, not on a planned date",
                         p->name.name, date->name.name, outcome->name.name);
            report_example(h, &ex, &instead);
        } else if (a == SMT_UNKNOWN) {
            not_checked(h, outcome, "a protection that ends on a planned date", h->prover);
        }
        sb_free(&ex);
        sb_free(&instead);
    }
}

static void check_time(harm_ctx *h, decl *outcome)
{
    if (!h->mod->reference_input)
        return;                            /* no reference date: no day passes */
    for (int i = 0; i < h->mod->decls.len; i++) {
        decl *date = NL_AT(h->mod->decls, i);
        if (!is_planned_date(h->mod, date) || !reads_input(h->reads, outcome, date, false))
            continue;
        strbuf ex, instead;
        sb_init(&ex);
        sb_init(&instead);
        smt_answer a = smt_harm_when_date_passes(h->prover, outcome, date, NULL, &ex, &instead);
        if (a == SMT_SAT) {
            diag_warning(h->diag, "time-triggered-adverse", outcome->name.loc,
                         "the adverse outcome '%s' can harm the citizen only because the reference date has "
                         "passed '%s', a date entered in advance: no new fact about the citizen is needed; it "
                         "must rest on facts, not on the calendar", outcome->name.name, date->name.name);
            note_use(h, outcome, date, "'%s' is read here; it is a planned date (entered in advance): if it "
                     "records something that has happened, declare it 'event date'");
            report_example(h, &ex, &instead);
            check_protections(h, outcome, date);
        } else if (a == SMT_UNKNOWN) {
            not_checked(h, outcome, "harm that follows from the passing of a planned date", h->prover);
        }
        sb_free(&ex);
        sb_free(&instead);
    }
}

static void check_absent(harm_ctx *h, decl *outcome)
{
    for (int i = 0; i < h->mod->decls.len; i++) {
        decl *in = NL_AT(h->mod->decls, i);
        if (!is_optional_registration(h->mod, in) || !reads_input(h->reads, outcome, in, false))
            continue;
        strbuf ex, instead;
        sb_init(&ex);
        sb_init(&instead);
        smt_answer a = smt_harm_when_absent(h->prover, outcome, in, &ex, &instead);
        if (a == SMT_SAT) {
            diag_warning(h->diag, "absent-fact-to-adverse", outcome->name.loc,
                         "when '%s' is not registered (absent), the adverse outcome '%s' can follow, and it "
                         "would not with '%s' registered: a missing registration is no fact about the citizen "
                         "and must not harm them", in->name.name, outcome->name.name, in->name.name);
            note_use(h, outcome, in, "'%s' is read here");
            report_example(h, &ex, &instead);
        } else if (a == SMT_UNKNOWN) {
            not_checked(h, outcome, "harm that follows from a missing registration", h->prover);
        }
        sb_free(&ex);
        sb_free(&instead);
        if (a != SMT_UNSAT)
            break;                         /* one finding per outcome */
    }
}

void harm_check_outcome(harm_ctx *h, decl *outcome)
{
    check_time(h, outcome);
    check_absent(h, outcome);
}

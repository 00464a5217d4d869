/* SPDX-License-Identifier: Apache-2.0 */
#define _XOPEN_SOURCE 700  /* realpath */

#include "commands/cmd_verify.h"
#include "commands/case_runner.h"
#include "commands/commands.h"
#include "commands/run_apart.h"
#include "commands/suite_file.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "emit/build.h"
#include "check/program.h"
#include "suites/scenario.h"
#include "suites/scenario_run.h"
#include "prove/smt.h"

/* What became of one assertion. */
typedef enum verdict { PROVEN, REFUTED, UNKNOWN } verdict;

typedef struct verifier {
    const verify_options *opt;
    program *prog;
    module *mod;
    smt *prover;
    case_runner runner;      /* the rules as the case system runs them, for checking a refutation */
    bool warned;             /* that they could not be compiled */
    strbuf scenarios;        /* the refuted cases, as scenarios */
    int counts[3];
} verifier;

static void citation_text(const citation *c, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s %s", c && c->source.name ? c->source.name : "", c && c->provision ? c->provision : "");
}

static double seconds_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Why the prover gave no answer ('why', in its words): it ran out of time
 * (it says so, or it used all of it), or the arithmetic is beyond what it
 * decides. */
static void unknown_reason(const verifier *v, const char *why, double seconds, char *buf, size_t cap)
{
    if (strncmp(why, "the prover stopped", 18) == 0)      /* ask_apart: its child died */
        snprintf(buf, cap, "%s", why);
    else if (strstr(why, "timeout") || strstr(why, "canceled") || seconds >= 0.95 * v->opt->timeout)
        snprintf(buf, cap, "the prover gave no answer within %d s (see --timeout)", v->opt->timeout);
    else
        snprintf(buf, cap, "the prover cannot decide this kind of arithmetic: %s", why[0] ? why : "no reason given");
}

/* The scenario in which the assertion does not hold: the prover's facts,
 * and the expectation that it holds, which the rules then fail. */
static void write_scenario(strbuf *out, const decl *a, const char *facts)
{
    sb_printf(out, "\nscenario \"%s: et modeksempel\"\n  given\n%s  expect\n    %s = yes\n", a->name.name, facts,
              a->name.name);
}

/* Runs the refuting case on the compiled rules: true when the assertion's
 * output is 'no' there (a real counterexample, not an artefact of how the
 * prover models the rules). */
static bool confirmed(verifier *v, const decl *a, const char *scenario_text, char *why, size_t whylen)
{
    case_outcome out;
    if (!case_runner_run(&v->runner, scenario_text, a->name.name, &out, why, whylen)) {
        if (!v->runner.loaded && !v->warned) {
            fprintf(stderr, "lovc: the rules could not be compiled to check a counterexample: %s\n", v->runner.why_not);
            v->warned = true;
        }
        return false;
    }
    if (out.status == LOV_OK && !out.value.b)
        return true;
    snprintf(why, whylen, "the prover's case does not refute it when the compiled rules run it (the assertion is %s "
                          "there)", out.status != LOV_OK ? lov_status_name(out.status) : "yes");
    return false;
}

/* ---- One question, in a child process ------------------------------------------ */

/* The prover is asked in a child process (run_apart.h), killed when it has
 * not answered in its time and a little more: a check of Z3 that does not
 * heed its timeout cannot stop lovc verify. The parent never checks with
 * Z3 itself, so the child is forked from a process without Z3's threads. */
enum { GRACE_SECONDS = 5 };

typedef struct question {
    verifier *v;
    decl *a;
    bool exact;              /* with the calendar's exact definition */
} question;

/* In the child: the facts of the case on the standard output; on the side
 * channel 'c' when the rules use the calendar (an exact round can help) or
 * '-', then the prover's reason for an unknown. */
static int ask_in_child(void *ctx, int side_fd)
{
    question *q = ctx;
    strbuf facts;
    sb_init(&facts);
    smt_answer answer = smt_assertion_can_fail(q->v->prover, q->a, &facts);
    fputs(facts.data ? facts.data : "", stdout);
    sb_free(&facts);
    char side[256];
    int n = snprintf(side, sizeof side, "%c%s", smt_exact_calendar(q->v->prover, q->exact) ? 'c' : '-',
                     smt_why_unknown(q->v->prover));
    if (side_fd >= 0 && n > 0 && write(side_fd, side, (size_t)n) < 0)
        return SMT_UNKNOWN;
    return (int)answer;
}

static smt_answer ask_apart(verifier *v, decl *a, bool exact, strbuf *facts, char *why, size_t cap,
                            bool *uses_calendar)
{
    question q = {v, a, exact};
    strbuf side;
    sb_init(&side);
    bool killed = false;
    int rc = run_apart(ask_in_child, &q, v->opt->timeout + (double)GRACE_SECONDS, facts, &side, &killed);
    const char *s = side.data ? side.data : "";
    *uses_calendar = s[0] == 'c';
    snprintf(why, cap, "%s", s[0] ? s + 1 : "");
    sb_free(&side);
    if (rc == SMT_SAT || rc == SMT_UNSAT || rc == SMT_UNKNOWN)
        return (smt_answer)rc;
    if (killed)
        snprintf(why, cap, "timeout");
    else
        snprintf(why, cap, "the prover stopped without an answer");
    return SMT_UNKNOWN;
}

static verdict verify_one(verifier *v, decl *a)
{
    char cite[512], why[1024];
    citation_text(a->cite, cite, sizeof cite);
    verdict result = UNKNOWN;
    bool exact = false;          /* asked again with the calendar's exact definition */
    smt_limit_time(v->prover, (unsigned)v->opt->timeout * 1000u);   /* "at most N s each" */
    for (;;) {
        strbuf facts;
        sb_init(&facts);
        char prover_why[256];
        bool uses_calendar = false;
        double started = seconds_now();
        smt_answer answer = ask_apart(v, a, exact, &facts, prover_why, sizeof prover_why, &uses_calendar);
        double seconds = seconds_now() - started;
        bool calendar = false;   /* the answer rests on a calendar that is not the real one */
        if (answer == SMT_UNSAT) {
            printf("  proven    %s (%s)\n", a->name.name, cite);
            result = PROVEN;
        } else if (answer == SMT_UNKNOWN) {
            unknown_reason(v, prover_why, seconds, why, sizeof why);
            calendar = strstr(prover_why, "calendar") != NULL;
        } else {
            strbuf scenario;
            sb_init(&scenario);
            write_scenario(&scenario, a, facts.data ? facts.data : "");
            if (confirmed(v, a, scenario.data, why, sizeof why)) {
                printf("  REFUTED   %s (%s): it does not hold for this case:\n%s", a->name.name, cite,
                       facts.data ? facts.data : "");
                sb_puts(&v->scenarios, scenario.data);
                result = REFUTED;
            } else {
                calendar = true;
            }
            sb_free(&scenario);
        }
        sb_free(&facts);
        if (result != UNKNOWN)
            break;
        /* The prover's months are only bounded, and the cases it found were
         * not the real calendar's: once more with the calendar's exact
         * definition, slower but whose cases are real. */
        if (calendar && !exact && uses_calendar) {
            exact = true;
            smt_exact_calendar(v->prover, true);
            continue;
        }
        printf("  unknown   %s (%s): not proven; %s\n", a->name.name, cite, why);
        break;
    }
    smt_exact_calendar(v->prover, false);
    smt_limit_time(v->prover, 0);
    return result;
}

static bool write_scenarios(const verifier *v, FILE *f, diag_ctx *d)
{
    strbuf comment, title;
    sb_init(&comment);
    sb_init(&title);
    sb_printf(&comment, "# Written by lovc verify: cases for which an assertion of %s does not hold.\n"
                        "# 'lovc test' runs them; each fails until the rules (or the assertion) are put right.\n",
              v->opt->path);
    sb_printf(&title, "Modeksempler til %s", v->mod->name.name);
    bool ok = suite_file_write(f, v->opt->scenario, v->opt->path, comment.data, title.data, v->scenarios.data, d);
    sb_free(&comment);
    sb_free(&title);
    return ok;
}

int cmd_verify(const verify_options *o, diag_ctx *d)
{
    program *p = program_load_in(o->path, o->root, NULL, d);
    if (!p)
        return 1;
    if (!program_check(p)) {
        fprintf(stderr, "%d error%s; nothing was proven\n", d->errors, d->errors == 1 ? "" : "s");
        program_free(p);
        return 1;
    }
    /* The file for the refuting cases, before any work that it would waste. */
    FILE *out = NULL;
    if (o->scenario && !(out = fopen(o->scenario, "w"))) {
        diag_file_error(d, o->scenario, "cannot create the scenario file: %s", strerror(errno));
        program_free(p);
        return 2;
    }
    verifier v;
    memset(&v, 0, sizeof v);
    v.opt = o;
    v.prog = p;
    v.mod = p->root;
    case_runner_init(&v.runner, p, o->path);
    int nassert = 0;
    for (int i = 0; i < v.mod->decls.len; i++)
        nassert += ((decl *)NL_AT(v.mod->decls, i))->kind == D_ASSERT;
    printf("lovc verify %s: %d assertion%s; every case with lists of up to %d item%s; at most %d s each\n",
           o->path, nassert, nassert == 1 ? "" : "s", o->list_bound, o->list_bound == 1 ? "" : "s", o->timeout);

    /* No assertions, nothing to prove: no prover either (it would make
     * terms for every input, for nothing). */
    v.prover = nassert ? smt_new(v.mod, o->list_bound, (unsigned)o->timeout * 1000u) : NULL;
    for (int i = 0; i < v.mod->decls.len; i++) {
        decl *a = NL_AT(v.mod->decls, i);
        if (a->kind == D_ASSERT)
            v.counts[verify_one(&v, a)]++;
    }
    printf("%d proven, %d refuted, %d unknown\n", v.counts[PROVEN], v.counts[REFUTED], v.counts[UNKNOWN]);
    int rc = v.counts[REFUTED] || v.counts[UNKNOWN] ? 1 : 0;
    if (out) {
        if (!write_scenarios(&v, out, d))
            rc = 2;
        else if (v.counts[REFUTED])
            printf("the counterexamples are in %s: run them with 'lovc test %s'\n", o->scenario, o->scenario);
    }
    if (v.prover)
        smt_free(v.prover);
    case_runner_free(&v.runner);
    sb_free(&v.scenarios);
    program_free(p);
    return rc;
}

/* lovc verify FILE: prove the assertions, or refute them with a case. */
int run_verify(options *opt)
{
    if (opt->nfiles != 1)
        return usage_error("%s", "verify needs exactly one .lov file");
    diag_ctx d;
    setup_diag(&d, opt);
    opt->verify.path = opt->files[0];
    return cmd_verify(&opt->verify, &d);
}


#define _XOPEN_SOURCE 700  /* realpath */

#include "commands/cmd_verify.h"
#include "commands/commands.h"
#include "commands/suite_file.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
    scn_module compiled;     /* the rules as the case system runs them, for checking a refutation */
    bool tried, loaded;      /* compiled when the first refutation needs it */
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

/* Why the prover gave no answer: it ran out of time (it says so, or it
 * used all of it), or the arithmetic is beyond what it decides. */
static void unknown_reason(const verifier *v, double seconds, char *buf, size_t cap)
{
    const char *why = smt_why_unknown(v->prover);
    if (strstr(why, "timeout") || strstr(why, "canceled") || seconds >= 0.95 * v->opt->timeout)
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

/* Compiles the rules (or finds them in the cache) and loads them, once. */
static bool load_compiled(verifier *v)
{
    if (v->tried)
        return v->loaded;
    v->tried = true;
    char so[PATH_MAX], cache[PATH_MAX], why[1024];
    const char *root = v->opt->cache ? v->opt->cache : build_cache_root(cache, sizeof cache);
    v->loaded = build_cached(v->prog, root, so, sizeof so, why, sizeof why)
                && scn_module_load(&v->compiled, so, v->mod->c_prefix, why, sizeof why)
                && scn_module_bind(&v->compiled, NULL, why, sizeof why);
    if (!v->loaded)
        fprintf(stderr, "lovc: the rules could not be compiled to check a counterexample: %s\n", why);
    return v->loaded;
}

/* Runs the refuting case on the compiled rules: true when the assertion's
 * output is 'no' there (a real counterexample, not an artefact of how the
 * prover models calendar arithmetic). */
static bool confirmed(verifier *v, const decl *a, const char *scenario_text, char *why, size_t whylen)
{
    snprintf(why, whylen, "the prover's case could not be run on the compiled rules");
    if (!load_compiled(v))
        return false;
    strbuf text;
    sb_init(&text);
    sb_printf(&text, "suite \"lovc verify\" for \"%s\"\n%s", v->opt->path, scenario_text);
    src_file *f = src_from_string("(the counterexample)", text.data, text.len);
    sb_free(&text);
    char *messages = NULL;
    size_t nmessages = 0;
    FILE *sink = open_memstream(&messages, &nmessages);
    diag_ctx quiet;
    diag_init(&quiet, sink);
    scn_suite *suite = scn_parse(f, &quiet);
    bool ok = !diag_failed(&quiet) && scn_check(suite, v->compiled.desc, &quiet);
    bool holds = true;
    if (ok) {
        const lov_module_desc *d = v->compiled.desc;
        scn_result r;
        scn_run(&v->compiled, suite, SCN_AT(suite->scenarios, 0), &r, NULL);
        for (uint32_t i = 0; i < d->noutputs; i++) {
            const lov_field_desc *o = &d->outputs[i];
            if (strcmp(o->name, a->name.name) != 0)
                continue;
            lov_status st;
            memcpy(&st, (const char *)r.output + o->status_offset, sizeof st);
            bool present = true;
            lov_value value;
            scn_load(r.output, o->offset, o->type, o->optional, &present, &value);
            holds = st != LOV_OK || value.b;
            if (holds)
                snprintf(why, whylen, "the prover's case does not refute it when the compiled rules run it "
                                      "(the assertion is %s there)", st != LOV_OK ? lov_status_name(st) : "yes");
        }
        scn_result_free(&r);
    }
    fclose(sink);
    if (!ok) {
        char *end = messages ? strchr(messages, '\n') : NULL;
        if (end)
            *end = '\0';
        snprintf(why, whylen, "the prover's case could not be run as a scenario (%s)", messages ? messages : "");
    }
    free(messages);
    scn_suite_free(suite);
    return ok && !holds;
}

static verdict verify_one(verifier *v, decl *a)
{
    char cite[512], why[1024];
    citation_text(a->cite, cite, sizeof cite);
    strbuf facts;
    sb_init(&facts);
    double started = seconds_now();
    smt_answer answer = smt_assertion_can_fail(v->prover, a, &facts);
    double seconds = seconds_now() - started;
    verdict result = UNKNOWN;
    bool exact = false;          /* asked again with the calendar's exact definition */
again:
    if (answer == SMT_UNSAT) {
        printf("  proven    %s (%s)\n", a->name.name, cite);
        result = PROVEN;
    } else if (answer == SMT_UNKNOWN) {
        unknown_reason(v, seconds, why, sizeof why);
        printf("  unknown   %s (%s): not proven; %s\n", a->name.name, cite, why);
    } else {
        strbuf scenario;
        sb_init(&scenario);
        write_scenario(&scenario, a, facts.data ? facts.data : "");
        if (confirmed(v, a, scenario.data, why, sizeof why)) {
            printf("  REFUTED   %s (%s): it does not hold for this case:\n%s", a->name.name, cite,
                   facts.data ? facts.data : "");
            sb_puts(&v->scenarios, scenario.data);
            result = REFUTED;
        } else if (!exact && smt_exact_calendar(v->prover, true)) {
            /* The case rests on a calendar that is not the real one (the
             * prover's months are only bounded): ask again with the exact
             * calendar, which is slower but whose cases are real. */
            exact = true;
            sb_free(&scenario);
            sb_free(&facts);
            sb_init(&facts);
            started = seconds_now();
            answer = smt_assertion_can_fail(v->prover, a, &facts);
            seconds = seconds_now() - started;
            goto again;
        } else {
            printf("  unknown   %s (%s): not proven; %s\n", a->name.name, cite, why);
        }
        sb_free(&scenario);
    }
    smt_exact_calendar(v->prover, false);
    sb_free(&facts);
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
    if (v.loaded)
        scn_module_close(&v.compiled);
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


/* SPDX-License-Identifier: Apache-2.0 */
/* lovc diff OLD.lov NEW.lov without --input: a case for each output the
 * two rule sets decide differently, found by the prover (prove/diff_prove.h)
 * and run on both compiled rule sets before it is reported. */
#include "commands/cmd_diff_prove.h"
#include "commands/case_runner.h"
#include "commands/commands.h"
#include "commands/suite_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check/program.h"
#include "check/types.h"
#include "prove/diff_prove.h"
#include "suites/scenario.h"

/* What became of one output. */
typedef enum verdict { DIFFER, AGREE, UNKNOWN, NVERDICTS } verdict;

typedef struct differ {
    const struct diff_prove_options *opt;
    const char *old_path, *new_path;
    program *old_prog, *new_prog;
    diff_prover *prover;
    case_runner old_runner, new_runner;  /* the rules as the case system runs them */
    bool warned;             /* that they could not be compiled */
    strbuf scenarios;        /* the differing cases, as scenarios of the new rules */
    int counts[NVERDICTS];
} differ;

static double seconds_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void citation_text(const citation *c, char *buf, size_t cap)
{
    if (c && c->source.name)
        snprintf(buf, cap, " (%s %s)", c->source.name, c->provision ? c->provision : "");
    else
        buf[0] = '\0';
}

/* The outputs a module decides: its outcomes. */
static decl *find_outcome(module *m, const char *name)
{
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->kind == D_OUTCOME && strcmp(d->name.name, name) == 0)
            return d;
    }
    return NULL;
}

/* What the compiled rules decided for 'output', as an expectation of a
 * scenario: "nedsættelse = 1 054 kr" or "nedsættelse is undetermined". */
static void decision_text(const case_runner *r, const char *output, const case_outcome *out, char *buf,
                          size_t cap)
{
    if (out->status != LOV_OK) {
        snprintf(buf, cap, "%s is %s", output, lov_status_name(out->status));
        return;
    }
    const lov_module_desc *d = r->compiled.desc;
    char value[256] = "";
    for (uint32_t i = 0; i < d->noutputs; i++)
        if (strcmp(d->outputs[i].name, output) == 0)
            scn_format_value(value, sizeof value, d->outputs[i].type, d->outputs[i].enum_desc, out->present,
                             out->value);
    snprintf(buf, cap, "%s = %s", output, value);
}

/* Runs the facts on one side's compiled rules: its decision of 'output'. */
static bool run_side(differ *df, case_runner *r, const char *facts, const char *output, char *decision,
                     size_t cap, char *why, size_t whylen)
{
    strbuf sc;
    sb_init(&sc);
    sb_printf(&sc, "\nscenario \"lovc diff\"\n  given\n%s  expect\n    %s is ok\n", facts, output);
    case_outcome out;
    bool ok = case_runner_run(r, sc.data, output, &out, why, whylen);
    sb_free(&sc);
    if (!ok) {
        if (!r->loaded && !df->warned) {
            fprintf(stderr, "lovc: the rules %s could not be compiled to run a case: %s\n", r->path, r->why_not);
            df->warned = true;
        }
        return false;
    }
    decision_text(r, output, &out, decision, cap);
    return true;
}

/* Why the prover gave no answer (as lovc verify says it). */
static void unknown_reason(const differ *df, double seconds, char *buf, size_t cap)
{
    const char *why = diff_why_unknown(df->prover);
    if (strstr(why, "timeout") || strstr(why, "canceled") || seconds >= 0.95 * df->opt->timeout)
        snprintf(buf, cap, "the prover gave no answer within %d s (see --timeout)", df->opt->timeout);
    else
        snprintf(buf, cap, "the prover cannot decide this kind of arithmetic: %s", why[0] ? why : "no reason given");
}

/* Writes each line of 'text' after 'prefix'. */
static void put_lines(strbuf *out, const char *prefix, const char *text)
{
    while (text && *text) {
        const char *end = strchr(text, '\n');
        size_t n = end ? (size_t)(end - text) : strlen(text);
        sb_printf(out, "%s%.*s\n", prefix, (int)n, text);
        text += n + (end ? 1 : 0);
    }
}

static void add_scenario(differ *df, const decl *o, const char *facts, const char *old_only, const char *old_decision,
                         const char *new_decision)
{
    strbuf *s = &df->scenarios;
    sb_printf(s, "\n# The old rules (%s) decide: %s\n", df->old_path, old_decision);
    if (old_only[0]) {
        sb_puts(s, "# with these facts, which only the old rules read:\n");
        put_lines(s, "#", old_only);
    }
    sb_printf(s, "scenario \"%s: de nye regler afgør anderledes\"\n  given\n%s  expect\n    %s\n", o->name.name,
              facts, new_decision);
}

static verdict compare_one(differ *df, decl *old_out, decl *new_out)
{
    char cite[512], why[1024] = "", old_decision[512], new_decision[512];
    citation_text(new_out->cite, cite, sizeof cite);
    const char *name = new_out->name.name;
    verdict result = UNKNOWN;
    bool exact = false;          /* asked again with the calendar's exact definition */
    for (;;) {
        strbuf facts, old_facts, old_only;
        sb_init(&facts);
        sb_init(&old_facts);
        sb_init(&old_only);
        double started = seconds_now();
        smt_answer answer = diff_output_can_differ(df->prover, old_out, new_out, &facts, &old_facts, &old_only);
        double seconds = seconds_now() - started;
        bool calendar = false;   /* the answer may rest on a calendar that is not the real one */
        const char *nf = facts.data ? facts.data : "", *of = old_facts.data ? old_facts.data : "";
        const char *oo = old_only.data ? old_only.data : "";
        if (answer == SMT_UNSAT) {
            printf("  agree     %s%s\n", name, cite);
            result = AGREE;
        } else if (answer == SMT_UNKNOWN) {
            unknown_reason(df, seconds, why, sizeof why);
            calendar = strstr(diff_why_unknown(df->prover), "calendar") != NULL;
        } else if (run_side(df, &df->new_runner, nf, name, new_decision, sizeof new_decision, why, sizeof why)
                   && run_side(df, &df->old_runner, of, old_out->name.name, old_decision, sizeof old_decision, why,
                               sizeof why)) {
            if (strcmp(old_decision, new_decision) != 0) {
                printf("  DIFFER    %s%s: the rule sets decide this case differently:\n%s", name, cite, nf);
                if (oo[0])
                    printf("    and, read only by the old rules:\n%s", oo);
                printf("    old rules: %s\n    new rules: %s\n", old_decision, new_decision);
                add_scenario(df, new_out, nf, oo, old_decision, new_decision);
                result = DIFFER;
            } else {
                snprintf(why, sizeof why, "the prover's case is decided alike by both compiled rule sets (%s)",
                         new_decision);
                calendar = true;
            }
        }
        sb_free(&facts);
        sb_free(&old_facts);
        sb_free(&old_only);
        if (result != UNKNOWN)
            break;
        /* The cases the prover found were not the real calendar's: once more
         * with its exact definition, slower but whose cases are real. */
        if (calendar && !exact && diff_exact_calendar(df->prover, true)) {
            exact = true;
            continue;
        }
        printf("  unknown   %s%s: not decided; %s\n", name, cite, why);
        break;
    }
    diff_exact_calendar(df->prover, false);
    return result;
}

static bool write_scenarios(const differ *df, FILE *f, diag_ctx *d)
{
    strbuf comment, title;
    sb_init(&comment);
    sb_init(&title);
    sb_printf(&comment, "# Written by lovc diff: cases that %s and %s decide differently.\n"
                        "# Each passes with 'lovc test' on the new rules, and fails on the old ones with\n"
                        "# 'lovc test FILE.scn --rules %s'.\n",
              df->old_path, df->new_path, df->old_path);
    sb_printf(&title, "Forskelle mellem %s og %s", df->old_prog->root->name.name, df->new_prog->root->name.name);
    bool ok = suite_file_write(f, df->opt->scenario, df->new_path, comment.data, title.data, df->scenarios.data, d);
    sb_free(&comment);
    sb_free(&title);
    return ok;
}

/* Loads and checks one rule set; NULL (the errors reported) when it has errors. */
static program *load_checked(const char *path, const char *root, diag_ctx *d)
{
    program *p = program_load_in(path, root, NULL, d);
    if (p && !program_check(p)) {
        program_free(p);
        return NULL;
    }
    return p;
}

/* The type in words ("money", "list of Høring"), into buf. */
static const char *type_words(const type *t, char *buf, size_t cap)
{
    strbuf sb;
    sb_init(&sb);
    type_describe(t, &sb);
    snprintf(buf, cap, "%s", sb.data ? sb.data : "");
    sb_free(&sb);
    return buf;
}

/* An input both read, of another type on each side: no case can give it once for both. */
static bool inputs_clash(differ *df, diag_ctx *d)
{
    decl *old_input, *new_input = diff_input_clash(df->old_prog->root, df->new_prog->root, &old_input);
    if (!new_input)
        return false;
    char here[256], there[256];
    diag_error(d, new_input->name.loc,
               "the input '%s' is of type %s here, but of type %s in the old rules: the two rule sets "
               "cannot be given the same case", new_input->name.name, type_words(new_input->type, here, sizeof here),
               type_words(old_input->type, there, sizeof there));
    diag_note(d, old_input->name.loc, "the old rules declare '%s' here", old_input->name.name);
    return true;
}

/* Compares every outcome; returns the exit status. */
static int compare_all(differ *df)
{
    module *old_mod = df->old_prog->root, *new_mod = df->new_prog->root;
    int both = 0, only_old = 0, only_new = 0, shapes = 0;
    for (int i = 0; i < new_mod->decls.len; i++) {
        decl *n = NL_AT(new_mod->decls, i);
        both += n->kind == D_OUTCOME && find_outcome(old_mod, n->name.name);
    }
    printf("lovc diff %s %s: %d output%s in both; every case with lists of up to %d item%s; at most %d s each\n",
           df->old_path, df->new_path, both, both == 1 ? "" : "s", df->opt->list_bound,
           df->opt->list_bound == 1 ? "" : "s", df->opt->timeout);
    df->prover = diff_prover_new(old_mod, new_mod, df->opt->list_bound, (unsigned)df->opt->timeout * 1000u);
    for (int i = 0; i < new_mod->decls.len; i++) {
        decl *n = NL_AT(new_mod->decls, i);
        if (n->kind != D_OUTCOME)
            continue;
        decl *o = find_outcome(old_mod, n->name.name);
        if (!o) {
            printf("  only new  %s: an output only the new rules have\n", n->name.name);
            only_new++;
        } else if (!smt_same_shape(o->type, n->type)) {
            char was[256], is[256];
            printf("  changed   %s: of type %s in the old rules, %s in the new; not compared case by case\n", n->name.name,
                   type_words(o->type, was, sizeof was), type_words(n->type, is, sizeof is));
            shapes++;
        } else {
            df->counts[compare_one(df, o, n)]++;
        }
    }
    for (int i = 0; i < old_mod->decls.len; i++) {
        decl *o = NL_AT(old_mod->decls, i);
        if (o->kind == D_OUTCOME && !find_outcome(new_mod, o->name.name)) {
            printf("  only old  %s: an output only the old rules have\n", o->name.name);
            only_old++;
        }
    }
    printf("%d differ, %d agree, %d unknown", df->counts[DIFFER], df->counts[AGREE], df->counts[UNKNOWN]);
    if (shapes)
        printf(", %d of another type", shapes);
    if (only_old || only_new)
        printf("; %d output%s only in the old rules, %d only in the new", only_old, only_old == 1 ? "" : "s",
               only_new);
    printf("\n");
    bool same = !df->counts[DIFFER] && !df->counts[UNKNOWN] && !shapes && !only_old && !only_new;
    if (same)
        printf("the two rule sets agree on every case the inputs' types allow\n");
    return same ? 0 : 1;
}

int cmd_diff_prove(const char *old_path, const char *new_path, const struct diff_prove_options *opts)
{
    diag_ctx d;
    diag_init(&d, stderr);
    d.color = opts->color;
    d.werror = opts->werror;
    differ df;
    memset(&df, 0, sizeof df);
    df.opt = opts;
    df.old_path = old_path;
    df.new_path = new_path;
    df.old_prog = load_checked(old_path, opts->root, &d);
    df.new_prog = load_checked(new_path, opts->root, &d);
    if (!df.old_prog || !df.new_prog || inputs_clash(&df, &d)) {
        fprintf(stderr, "%d error%s; nothing was compared\n", d.errors, d.errors == 1 ? "" : "s");
        program_free(df.old_prog);
        program_free(df.new_prog);
        return 1;
    }
    /* The file for the differing cases, before any work that it would waste. */
    FILE *out = NULL;
    if (opts->scenario && !(out = fopen(opts->scenario, "w"))) {
        diag_file_error(&d, opts->scenario, "cannot create the scenario file: %s", strerror(errno));
        program_free(df.old_prog);
        program_free(df.new_prog);
        return 2;
    }
    case_runner_init(&df.old_runner, df.old_prog, old_path);
    case_runner_init(&df.new_runner, df.new_prog, new_path);
    int rc = compare_all(&df);
    if (out) {
        if (!write_scenarios(&df, out, &d))
            rc = 2;
        else if (df.counts[DIFFER])
            printf("the differing cases are in %s: they pass with 'lovc test %s' and fail with 'lovc test %s "
                   "--rules %s'\n", opts->scenario, opts->scenario, opts->scenario, old_path);
    }
    diff_prover_free(df.prover);
    case_runner_free(&df.old_runner);
    case_runner_free(&df.new_runner);
    sb_free(&df.scenarios);
    program_free(df.old_prog);
    program_free(df.new_prog);
    return rc;
}

/* lovc diff OLD.lov NEW.lov: the cases the two rule sets decide differently. */
int run_diff_prove(options *opt)
{
    if (opt->nfiles != 2)
        return usage_error("%s", "diff needs two .lov files: the old rules and the new");
    struct diff_prove_options o = {
        .list_bound = opt->verify.list_bound,
        .timeout = opt->verify.timeout,
        .scenario = opt->verify.scenario,
        .root = opt->root,
        .werror = opt->werror,
    };
    diag_ctx d;
    setup_diag(&d, opt);
    o.color = d.color;
    return cmd_diff_prove(opt->files[0], opt->files[1], &o);
}

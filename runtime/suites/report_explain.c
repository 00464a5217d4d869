/* SPDX-License-Identifier: Apache-2.0 */
/* 'lovc explain': one decision told as a reasoned account, provision by
 * provision, in the order a decision letter gives its reasons (begrundelse):
 * each definition after the ones it rests on, with the exceptions that
 * applied or not, the prerequisites, and the facts each rule used. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lov.h"
#include "suites/report.h"
#include "support/util.h"

static void cite(FILE *out, const lov_provision_desc *p)
{
    if (p->source && p->citation)
        fprintf(out, "%s %s", p->source, p->citation);
    else if (p->citation)
        fputs(p->citation, out);
}

static void quoted(FILE *out, const char *indent, const lov_provision_desc *p)
{
    if (p->text)
        fprintf(out, "%s\"%s\"\n", indent, p->text);
}

static void output_value(const lov_module_desc *d, const void *out, int k, char *buf, size_t cap)
{
    const lov_field_desc *f = &d->outputs[k];
    lov_status st;
    memcpy(&st, (const char *)out + f->status_offset, sizeof st);
    if (st != LOV_OK) {
        snprintf(buf, cap, "%s", lov_status_name(st));
        return;
    }
    bool present;
    lov_value v;
    scn_load(out, f->offset, f->type, f->optional, &present, &v);
    scn_format_value(buf, cap, f->type, f->enum_desc, present, v);
}

/* The facts as the scenario gives them. */
static void fact_value(const scn_given *g, const lov_module_desc *d, char *buf, size_t cap)
{
    const lov_field_desc *f = &d->inputs[g->input];
    if (g->kind == GIVEN_TABLE)
        snprintf(buf, cap, "%zu item%s", g->nitems, g->nitems == 1 ? "" : "s");
    else if (g->value->kind == SV_UNKNOWN)
        snprintf(buf, cap, "unknown");
    else
        scn_format_value(buf, cap, f->type, f->enum_desc, g->present, g->converted);
}

static const scn_given *latest_given(const scn_suite_run *run, const scn_scenario *sc, int input)
{
    for (int i = sc->givens.len - 1; i >= 0; i--) {
        const scn_given *g = SCN_AT(sc->givens, i);
        if (g->kind != GIVEN_CALL && g->input == input)
            return g;
    }
    for (int i = run->suite->background.len - 1; i >= 0; i--) {
        const scn_given *g = SCN_AT(run->suite->background, i);
        if (g->kind != GIVEN_CALL && g->input == input)
            return g;
    }
    return NULL;
}

/* "from: arbejdsevne = meget_begrænset, timer_i_perioden = 224" */
static void used(FILE *out, const scn_suite_run *run, const scn_result *r, const lov_provision_desc *p,
                 const char *indent)
{
    const lov_module_desc *d = run->module.desc;
    if (p->nuses_inputs + p->nuses_outputs == 0)
        return;
    fprintf(out, "%sfrom: ", indent);
    int n = 0;
    char value[256];
    for (uint32_t i = 0; i < p->nuses_inputs; i++) {
        int k = p->uses_inputs[i];
        const scn_given *g = latest_given(run, r->scenario, k);
        if (g)
            fact_value(g, d, value, sizeof value);
        else
            snprintf(value, sizeof value, "not given");
        fprintf(out, "%s%s = %s", n++ ? ", " : "", d->inputs[k].name, value);
    }
    for (uint32_t i = 0; i < p->nuses_outputs; i++) {
        int k = p->uses_outputs[i];
        output_value(d, r->output, k, value, sizeof value);
        fprintf(out, "%s%s = %s", n++ ? ", " : "", d->outputs[k].name, value);
    }
    fputc('\n', out);
}

/* One step under its definition: an exception or a prerequisite. */
static void step(FILE *out, const scn_suite_run *run, const scn_result *r, const lov_trace_entry *e)
{
    const lov_provision_desc *p = &run->module.desc->provisions[e->provision];
    const char *verdict = "";
    switch ((lov_trace_event)e->event) {
    case LOV_TRACE_APPLIES: verdict = "applies"; break;
    case LOV_TRACE_DOES_NOT_APPLY: verdict = "does not apply"; break;
    case LOV_TRACE_MET: verdict = "is met"; break;
    case LOV_TRACE_NOT_MET: verdict = "is not met, so the outcome is held back"; break;
    case LOV_TRACE_FAILED: verdict = "cannot be decided"; break;
    default: break;
    }
    if (p->kind == LOV_PROV_EXCEPTION)
        fprintf(out, "     - The exception '%s' %s (", p->label, verdict);
    else
        fprintf(out, "     - The prerequisite %s (", verdict);
    cite(out, p);
    if (e->event == LOV_TRACE_FAILED)
        fprintf(out, "): %s", lov_status_name((lov_status)e->status));
    else
        fputs(")", out);
    if (p->unverified)
        fprintf(out, " [not verified: %s]", p->unverified);
    fputc('\n', out);
    quoted(out, "       ", p);
    if (e->event != LOV_TRACE_DOES_NOT_APPLY)
        used(out, run, r, p, "       ");
}

/* The verdict first: did the scenario pass, and which expectations do not
 * hold; then how the evaluation ended, apart, so that "ok" is never read
 * as the verdict. */
static void verdict(FILE *out, const lov_module_desc *d, const scn_result *r)
{
    if (r->passed) {
        fputs("\nVerdict: passed. Every expectation of the scenario holds.\n", out);
    } else {
        fputs("\nVerdict: failed. Expectations that do not hold:\n", out);
        const char *p = r->failures.data;
        while (p && *p) {
            const char *nl = strchr(p, '\n');
            fprintf(out, "  %.*s\n", (int)(nl ? nl - p : (long)strlen(p)), p);
            p = nl ? nl + 1 : p + strlen(p);
        }
    }
    fprintf(out, "The evaluation ended with status %s", lov_status_name(r->status));
    uint64_t word;
    int n = 0;
    for (uint32_t i = 0; i < d->ninputs; i++) {
        memcpy(&word, (const char *)r->output + d->missing_offset + (i / 64) * sizeof word, sizeof word);
        if ((word >> (i % 64)) & 1)
            fprintf(out, "%s%s", n++ ? ", " : " (facts missing: ", d->inputs[i].name);
    }
    fputs(n ? ").\n" : ".\n", out);
}

static bool same_value(lov_type t, lov_value a, lov_value b)
{
    switch (t) {
    case LOV_T_BOOL: return a.b == b.b;
    case LOV_T_INT: return a.i == b.i;
    case LOV_T_MONEY: return a.money == b.money;
    case LOV_T_DATE: return a.date == b.date;
    case LOV_T_DECIMAL: return a.dec.coef == b.dec.coef && a.dec.scale == b.dec.scale;
    case LOV_T_DURATION: return a.dur.months == b.dur.months && a.dur.days == b.dur.days;
    case LOV_T_ENUM: return a.enum_case == b.enum_case;
    default: return false;
    }
}

/* For each entry of the trace, the first that told the same: the same
 * provision, event and value. (A definition that many rules read is worked
 * out once per reader; the account tells it once.) 'times' counts how often
 * each first telling recurs. */
static void first_tellings(const lov_module_desc *d, const scn_result *r, size_t *first, size_t *times)
{
    for (size_t i = 0; i < r->ntrace; i++) {
        const lov_trace_entry *e = &r->trace[i];
        first[i] = i;
        times[i] = 0;
        if (e->provision >= d->nprovisions)
            continue;
        lov_type t = d->provisions[e->provision].type;
        for (size_t k = 0; k < i; k++) {
            const lov_trace_entry *o = &r->trace[k];
            if (first[k] == k && o->provision == e->provision && o->event == e->event && o->status == e->status
                && o->present == e->present && o->period == e->period && (e->event != LOV_TRACE_VALUE || !e->present
                                                || same_value(t, o->value, e->value))) {
                first[i] = k;
                break;
            }
        }
        times[first[i]]++;
    }
}

/* A provision by the name of its source, for a reader who does not know
 * the rules' short names: "Forvaltningsloven § 19, stk. 1". */
static void cite_in_full(FILE *out, const lov_provision_desc *p)
{
    if (p->source_title && p->citation)
        fprintf(out, "%s %s", p->source_title, p->citation);
    else
        cite(out, p);
}

/* Why one decision came out as it did, in a sentence: the exception that
 * applied, the prerequisite that held it back, the facts missing, or the
 * general rule. */
static void summary_of(FILE *out, const scn_suite_run *run, const scn_result *r, int output)
{
    const lov_module_desc *d = run->module.desc;
    const lov_field_desc *f = &d->outputs[output];
    char value[256];
    output_value(d, r->output, output, value, sizeof value);
    fprintf(out, "  - %s is %s", f->name, value);
    if (f->provision < 0 || (uint32_t)f->provision >= d->nprovisions) {
        fputs(".\n", out);
        return;
    }
    const lov_provision_desc *own = &d->provisions[f->provision];
    const lov_trace_entry *applied = NULL, *held = NULL;
    for (size_t i = 0; i < r->ntrace; i++) {
        const lov_trace_entry *e = &r->trace[i];
        if (e->provision >= d->nprovisions || strcmp(d->provisions[e->provision].name, f->name) != 0)
            continue;
        if (e->event == LOV_TRACE_APPLIES && d->provisions[e->provision].kind == LOV_PROV_EXCEPTION)
            applied = e;
        if (e->event == LOV_TRACE_NOT_MET)
            held = e;
    }
    lov_status st;
    memcpy(&st, (const char *)r->output + f->status_offset, sizeof st);
    if (st != LOV_OK) {
        fputs(": the rules could not decide it", out);
    } else if (held) {
        fputs(", held back: a prerequisite is not met (", out);
        cite_in_full(out, &d->provisions[held->provision]);
        fputc(')', out);
    } else if (applied) {
        const lov_provision_desc *p = &d->provisions[applied->provision];
        fprintf(out, ", because the exception '%s' applies (", p->label);
        cite_in_full(out, p);
        fputc(')', out);
    } else {
        fputs(", by the general rule (", out);
        cite_in_full(out, own);
        fputc(')', out);
    }
    fputs(".\n", out);
}

/* The summary a citizen can be given: each decision the scenario expects
 * (or, expecting none, each outcome) and why; then the facts the scenario
 * gives that no rule read, where a reader might think they mattered. */
static void summary(FILE *out, const scn_suite_run *run, const scn_result *r)
{
    const lov_module_desc *d = run->module.desc;
    const scn_scenario *sc = r->scenario;
    fputs("\nIn short:\n", out);
    bool *told = xcalloc((size_t)d->noutputs + 1, sizeof *told);
    int n = 0;
    for (int i = 0; i < sc->expects.len; i++) {
        const scn_expect *x = SCN_AT(sc->expects, i);
        if (x->output >= 0 && (uint32_t)x->output < d->noutputs && !told[x->output]) {
            told[x->output] = true;
            summary_of(out, run, r, x->output);
            n++;
        }
    }
    for (uint32_t k = 0; n == 0 && k < d->noutputs; k++)
        if (d->outputs[k].outcome)
            summary_of(out, run, r, (int)k);
    free(told);
    /* Facts given that no step of the decision read. */
    bool *read = xcalloc((size_t)d->ninputs + 1, sizeof *read);
    for (size_t i = 0; i < r->ntrace; i++) {
        const lov_trace_entry *e = &r->trace[i];
        if (e->provision >= d->nprovisions)
            continue;
        const lov_provision_desc *p = &d->provisions[e->provision];
        for (uint32_t k = 0; k < p->nuses_inputs; k++)
            read[p->uses_inputs[k]] = true;
    }
    if (d->reference_input >= 0 && (uint32_t)d->reference_input < d->ninputs)
        read[d->reference_input] = true;
    int unread = 0;
    for (uint32_t k = 0; k < d->ninputs; k++) {
        const scn_given *g = latest_given(run, sc, (int)k);
        if (read[k] || !g || (g->kind == GIVEN_VALUE && (!g->present || g->value->kind == SV_UNKNOWN))
            || (g->kind == GIVEN_TABLE && g->nitems == 0))
            continue;
        char value[256];
        fact_value(g, d, value, sizeof value);
        fprintf(out, "%s%s = %s", unread++ ? ", " : "  Given, but not used by any rule in this decision: ",
                d->inputs[k].name, value);
    }
    if (unread)
        fputs(".\n", out);
    free(read);
}

void report_explain(FILE *out, const scn_suite_run *run, const scn_result *r)
{
    const lov_module_desc *d = run->module.desc;
    const scn_scenario *sc = r->scenario;
    fprintf(out, "Scenario \"%s\" (%s, line %d)\n", sc->name, run->suite_path, sc->line);
    fprintf(out, "Rules: %s%s%s (%s), in force", d->name, d->title && *d->title ? ", " : "", d->title ? d->title : "",
            run->rules_path);
    char from[LOV_DATE_BUFSIZE], until[LOV_DATE_BUFSIZE];
    lov_date_format(d->in_force_from, from);
    lov_date_format(d->in_force_until, until);
    if (d->has_in_force)
        fprintf(out, " from %s%s%s\n", from, d->in_force_until == LOV_DATE_MAX ? "" : " until ",
                d->in_force_until == LOV_DATE_MAX ? "" : until);
    else
        fputs(" always\n", out);
    verdict(out, d, r);
    summary(out, run, r);

    fputs("\nThe facts:\n", out);
    for (uint32_t i = 0; i < d->ninputs; i++) {
        const scn_given *g = latest_given(run, sc, (int)i);
        char value[256];
        if (g)
            fact_value(g, d, value, sizeof value);
        else
            snprintf(value, sizeof value, "not given");
        fprintf(out, "  %s = %s\n", d->inputs[i].name, value);
    }

    /* Steps come before the value of their definition: keep them until it. */
    fputs("\nThe decision, provision by provision:\n", out);
    int number = 0;
    size_t pending = 0;
    size_t *first = xcalloc(r->ntrace + 1, sizeof *first), *times = xcalloc(r->ntrace + 1, sizeof *times);
    first_tellings(d, r, first, times);
    for (size_t i = 0; i < r->ntrace; i++) {
        const lov_trace_entry *e = &r->trace[i];
        if (e->provision >= d->nprovisions)
            continue;
        const lov_provision_desc *p = &d->provisions[e->provision];
        if (p->kind == LOV_PROV_EXCEPTION || p->kind == LOV_PROV_REQUIREMENT)
            continue;                                /* told under their definition */
        if (first[i] < i) {
            pending = i + 1;                         /* told above, with its steps */
            continue;
        }
        char what[512], citation[256];
        report_trace_entry(d, e, what, sizeof what, citation, sizeof citation);
        fprintf(out, "  %2d. %s (%s)", ++number, what, citation);
        if (times[i] > 1)
            fprintf(out, " [worked out %zu times with the same result: told once]", times[i]);
        fputc('\n', out);
        quoted(out, "      ", p);
        if (p->kind == LOV_PROV_DEFINITION)
            used(out, run, r, p, "      ");
        for (; pending < i; pending++) {
            const lov_trace_entry *s = &r->trace[pending];
            const lov_provision_desc *sp = s->provision < d->nprovisions ? &d->provisions[s->provision] : NULL;
            if (sp && (sp->kind == LOV_PROV_EXCEPTION || sp->kind == LOV_PROV_REQUIREMENT)
                && strcmp(sp->name, p->name) == 0)
                step(out, run, r, s);
        }
        pending = i + 1;
    }
    free(first);
    free(times);
}

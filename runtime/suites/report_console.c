/* SPDX-License-Identifier: Apache-2.0 */
/* The report on the terminal, for a tester: what passed, what did not and
 * why, with the law's own citations. */
#include <stdio.h>
#include <string.h>

#include "core/lov.h"
#include "suites/report.h"
#include "support/util.h"

report_totals report_count(const scn_suite_run *runs, int n)
{
    report_totals t = {0, 0};
    for (int i = 0; i < n; i++)
        for (int k = 0; k < runs[i].nresults; k++) {
            if (runs[i].results[k].passed)
                t.passed++;
            else
                t.failed++;
        }
    return t;
}

/* Which prerequisite: " on høring_afholdt, svarfrist", the facts and
 * definitions it reads ("" when it reads none). */
static const char *reads(const lov_module_desc *d, const lov_provision_desc *p, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < p->nuses_inputs + p->nuses_outputs && len < cap; i++) {
        int k = i < p->nuses_inputs ? p->uses_inputs[i] : p->uses_outputs[i - p->nuses_inputs];
        const char *name = i < p->nuses_inputs ? d->inputs[k].name : d->outputs[k].name;
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", i ? ", " : " on ", name);
    }
    return buf;
}

/* " [not verified: why]" after a step that rests on what the consultant
 * could not verify. */
static void unverified_mark(const char *why, char *what, size_t cap)
{
    size_t len = strlen(what);
    if (why && len < cap)
        snprintf(what + len, cap - len, " [not verified: %s]", why);
}

/* A dated parameter's value: the period it came from, and its mark when
 * that value is not verified. */
static void period_of(const lov_module_desc *d, const lov_trace_entry *e, char *what, size_t cap)
{
    if (e->period == 0)
        return;
    for (uint32_t i = 0; i < d->nparams; i++) {
        const lov_param_desc *pd = &d->params[i];
        if (pd->provision != e->provision || e->period > pd->nvalues)
            continue;
        const lov_dated_value *v = &pd->values[e->period - 1];
        char from[LOV_DATE_BUFSIZE], until[LOV_DATE_BUFSIZE];
        lov_date_format(v->from, from);
        size_t len = strlen(what);
        if (v->until == LOV_DATE_MAX) {
            if (len < cap)
                snprintf(what + len, cap - len, ", the value from %s", from);
        } else {
            lov_date_format(v->until, until);
            if (len < cap)
                snprintf(what + len, cap - len, ", the value for %s to %s", from, until);
        }
        unverified_mark(pd->unverified ? pd->unverified[e->period - 1] : NULL, what, cap);
        return;
    }
}

static void citation_of(const lov_provision_desc *p, char *cite, size_t cap)
{
    if (p->source && p->citation)
        snprintf(cite, cap, "%s %s", p->source, p->citation);
    else
        snprintf(cite, cap, "%s", p->citation ? p->citation : "");
}

void report_trace_entry(const lov_module_desc *d, const lov_trace_entry *e, char *what, size_t whatcap,
                        char *cite, size_t citecap)
{
    if (e->provision >= d->nprovisions) {
        snprintf(what, whatcap, "(unknown step)");
        cite[0] = '\0';
        return;
    }
    const lov_provision_desc *p = &d->provisions[e->provision];
    citation_of(p, cite, citecap);
    char value[128];
    switch ((lov_trace_event)e->event) {
    case LOV_TRACE_VALUE:
        scn_format_value(value, sizeof value, p->type, p->enum_desc, e->present, e->value);
        snprintf(what, whatcap, "%s = %s", p->name, value);
        period_of(d, e, what, whatcap);
        unverified_mark(p->unverified, what, whatcap);
        return;
    case LOV_TRACE_APPLIES:
        snprintf(what, whatcap, "exception '%s' of %s applies", p->label, p->name);
        unverified_mark(p->unverified, what, whatcap);
        return;
    case LOV_TRACE_DOES_NOT_APPLY:
        snprintf(what, whatcap, "exception '%s' of %s does not apply", p->label, p->name);
        return;
    case LOV_TRACE_MET:
        snprintf(what, whatcap, "prerequisite of %s%s is met", p->name, reads(d, p, value, sizeof value));
        return;
    case LOV_TRACE_NOT_MET:
        snprintf(what, whatcap, "prerequisite of %s%s is not met: %s is held back", p->name,
                 reads(d, p, value, sizeof value), p->name);
        return;
    case LOV_TRACE_FAILED:
        if (p->kind == LOV_PROV_EXCEPTION)
            snprintf(what, whatcap, "exception '%s' of %s: %s", p->label, p->name,
                     lov_status_name((lov_status)e->status));
        else if (p->kind == LOV_PROV_REQUIREMENT)
            snprintf(what, whatcap, "prerequisite of %s: %s", p->name, lov_status_name((lov_status)e->status));
        else
            snprintf(what, whatcap, "%s: %s", p->name, lov_status_name((lov_status)e->status));
        return;
    }
    snprintf(what, whatcap, "%s", p->name);
}

void report_coverage(const scn_suite_run *run, int *exercised, int *total)
{
    const lov_module_desc *d = run->module.desc;
    *exercised = *total = 0;
    for (uint32_t i = 0; d && i < d->nprovisions; i++) {
        if (!scn_counts_for_coverage(&d->provisions[i]))
            continue;
        (*total)++;
        *exercised += run->covered[i];
    }
}

/* ---- Terminal ------------------------------------------------------------------ */

typedef struct style {
    const char *pass, *fail, *dim, *bold, *off;
} style;

/* Pads text to 'width' characters as a terminal shows them (UTF-8); a
 * longer text gets one space more, so that the column after it (which
 * starts with a space) stays apart from it by two. */
static void padded(FILE *out, const char *text, size_t width)
{
    size_t n = utf8_count(text, strlen(text));
    fputs(text, out);
    if (n >= width)
        fputc(' ', out);
    for (; n < width; n++)
        fputc(' ', out);
}

static void print_trace(FILE *out, const lov_module_desc *d, const scn_result *r, const style *st)
{
    fprintf(out, "          %sHow the rules decided:%s\n", st->bold, st->off);
    for (size_t i = 0; i < r->ntrace; i++) {
        char what[512], cite[256];
        report_trace_entry(d, &r->trace[i], what, sizeof what, cite, sizeof cite);
        fputs("            ", out);
        padded(out, what, 56);
        fprintf(out, " %s%s%s\n", st->dim, cite, st->off);
    }
}

static void print_suite(FILE *out, const scn_suite_run *run, const style *st)
{
    const scn_suite *s = run->suite;
    fprintf(out, "%ssuite \"%s\"%s (%s)\n", st->bold, s && s->title ? s->title : "", st->off, run->suite_path);
    if (run->broken) {
        fprintf(out, "  %snot run%s: the suite or its rules have errors (above)\n", st->fail, st->off);
        return;
    }
    const lov_module_desc *d = run->module.desc;
    for (int k = 0; k < run->nresults; k++) {
        const scn_result *r = &run->results[k];
        if (r->passed) {
            fprintf(out, "  %sPASS%s  %s\n", st->pass, st->off, r->scenario->name);
            continue;
        }
        fprintf(out, "  %sFAIL%s  %s\n", st->fail, st->off, r->scenario->name);
        const char *p = r->failures.data;
        while (p && *p) {
            const char *nl = strchr(p, '\n');
            fprintf(out, "          %.*s\n", (int)(nl ? nl - p : (long)strlen(p)), p);
            p = nl ? nl + 1 : p + strlen(p);
        }
        print_trace(out, d, r, st);
    }
    int exercised, total;
    report_coverage(run, &exercised, &total);
    fprintf(out, "  coverage: %d of %d provisions exercised (%d%%)\n", exercised, total,
            total ? (exercised * 100 + total / 2) / total : 100);
    if (exercised < total) {
        fprintf(out, "  %snever exercised:%s\n", st->bold, st->off);
        for (uint32_t i = 0; i < d->nprovisions; i++) {
            const lov_provision_desc *pv = &d->provisions[i];
            if (!scn_counts_for_coverage(pv) || run->covered[i])
                continue;
            char cite[256];
            citation_of(pv, cite, sizeof cite);
            const char *kind = pv->kind == LOV_PROV_EXCEPTION ? "exception"
                               : pv->kind == LOV_PROV_REQUIREMENT ? "prerequisite"
                               : pv->kind == LOV_PROV_PARAMETER ? "parameter" : "definition";
            fputs("    ", out);
            padded(out, cite, 28);
            if (pv->label)
                fprintf(out, " %s '%s' of %s (line %u)\n", kind, pv->label, pv->name, pv->line);
            else
                fprintf(out, " %s %s (line %u)\n", kind, pv->name, pv->line);
        }
    }
}

void report_console(FILE *out, const scn_suite_run *runs, int n, bool color)
{
    style st = {"", "", "", "", ""};
    if (color)
        st = (style){"\033[1;32m", "\033[1;31m", "\033[2m", "\033[1m", "\033[0m"};
    for (int i = 0; i < n; i++) {
        if (i > 0)
            fputc('\n', out);
        print_suite(out, &runs[i], &st);
    }
    report_totals t = report_count(runs, n);
    fprintf(out, "\n%s%d passed, %d failed%s\n", t.failed ? st.fail : st.pass, t.passed, t.failed, st.off);
}

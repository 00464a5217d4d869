/* SPDX-License-Identifier: Apache-2.0 */
/* Reports for tools and for sending on: TAP, JUnit XML and a self-contained
 * HTML page. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/lov.h"
#include "suites/report.h"
#include "support/sha256.h"
#include "support/util.h"

#ifndef LOVC_VERSION
#define LOVC_VERSION "unknown"
#endif

/* ---- TAP ---------------------------------------------------------------- */

/* TAP's description may not hold '#' (a directive) or a newline. */
static void tap_text(FILE *out, const char *s)
{
    for (; *s; s++)
        fputc(*s == '#' ? '_' : *s == '\n' ? ' ' : *s, out);
}

void report_tap(FILE *out, const scn_suite_run *runs, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += runs[i].broken ? 1 : runs[i].nresults;
    fprintf(out, "TAP version 13\n1..%d\n", total);
    int k = 0;
    for (int i = 0; i < n; i++) {
        const scn_suite_run *run = &runs[i];
        if (run->broken) {
            fprintf(out, "not ok %d - %s could not be run\n", ++k, run->suite_path);
            continue;
        }
        for (int j = 0; j < run->nresults; j++) {
            const scn_result *r = &run->results[j];
            fprintf(out, "%s %d - ", r->passed ? "ok" : "not ok", ++k);
            tap_text(out, run->suite->title ? run->suite->title : run->suite_path);
            fputs(": ", out);
            tap_text(out, r->scenario->name);
            fputc('\n', out);
            if (r->passed)
                continue;
            fputs("  ---\n  message: |\n", out);
            const char *p = r->failures.data;
            while (p && *p) {
                const char *nl = strchr(p, '\n');
                fprintf(out, "    %.*s\n", (int)(nl ? nl - p : (long)strlen(p)), p);
                p = nl ? nl + 1 : p + strlen(p);
            }
            fprintf(out, "  at: %s:%d\n  ...\n", run->suite_path, r->scenario->line);
        }
    }
}

/* ---- XML and HTML text ------------------------------------------------------ */

/* The code point of the UTF-8 sequence at s (*len its bytes), or -1 for a
 * byte that starts no well-formed sequence (then *len is 1): overlong forms
 * and surrogates are not well-formed. */
static long utf8_decode(const unsigned char *s, int *len)
{
    *len = 1;
    int n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0)
        return -1;
    if (n == 1)
        return s[0];
    long cp = s[0] & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    static const long least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    *len = n;
    return cp;
}

/* XML 1.0's Char production: the code points an XML document may hold. */
static bool xml_char(long cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
           || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* Text for XML or HTML: &, <, >, quotes escaped. A code point that XML 1.0
 * does not allow (control characters, U+FFFE, U+FFFF) is written as its
 * number, [U+FFFE], and a byte that is not UTF-8 as U+FFFD: the document
 * stays well-formed, and the reader still sees that something was there. */
static void escaped(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (p && *p) {
        int len;
        long cp = utf8_decode(p, &len);
        switch (cp) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        case '\r': fputs("&#13;", out); break;
        case -1: fputs("\xEF\xBF\xBD", out); break;
        default:
            if (xml_char(cp))
                fwrite(p, 1, (size_t)len, out);
            else
                fprintf(out, "[U+%04lX]", (unsigned long)cp);
        }
        p += len;
    }
}

/* The moment of the run in UTC, in strftime's 'format': SOURCE_DATE_EPOCH
 * when it is set (a reproducible report), else now. */
static void run_stamp(char *buf, size_t cap, const char *format)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t t = time(NULL);
    if (epoch && *epoch) {
        char *end;
        errno = 0;
        long long v = strtoll(epoch, &end, 10);
        if (!*end && errno == 0 && v >= 0)
            t = (time_t)v;
    }
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(buf, cap, format, &tm))
        snprintf(buf, cap, "(unknown)");
}

/* ---- JUnit XML -------------------------------------------------------------- */

static void junit_trace(FILE *out, const scn_suite_run *run, const scn_result *r)
{
    fputs("How the rules decided:\n", out);
    for (size_t i = 0; i < r->ntrace; i++) {
        char what[512], cite[256];
        report_trace_entry(run->module.desc, &r->trace[i], what, sizeof what, cite, sizeof cite);
        fputs("  ", out);
        escaped(out, what);
        fputs(" (", out);
        escaped(out, cite);
        fputs(")\n", out);
    }
}

bool report_junit(const char *path, const scn_suite_run *runs, int n, char *why, size_t whylen)
{
    FILE *out = fopen(path, "w");
    if (!out) {
        snprintf(why, whylen, "the JUnit report cannot be written: %s", strerror(errno));
        return false;
    }
    report_totals t = report_count(runs, n);
    char stamp[32];
    run_stamp(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S");
    int broken = 0;
    for (int i = 0; i < n; i++)
        broken += runs[i].broken;
    fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<testsuites name=\"lovc test\" tests=\"%d\" failures=\"%d\" errors=\"%d\">\n",
            t.passed + t.failed + broken, t.failed, broken);
    for (int i = 0; i < n; i++) {
        const scn_suite_run *run = &runs[i];
        int failures = 0;
        for (int j = 0; j < run->nresults; j++)
            failures += !run->results[j].passed;
        double seconds = 0;
        for (int j = 0; j < run->nresults; j++)
            seconds += run->results[j].seconds;
        fputs("  <testsuite name=\"", out);
        escaped(out, run->suite && run->suite->title ? run->suite->title : run->suite_path);
        fprintf(out, "\" tests=\"%d\" failures=\"%d\" errors=\"%d\" time=\"%.6f\" timestamp=\"%s\" file=\"",
                run->broken ? 1 : run->nresults, failures, run->broken ? 1 : 0, seconds, stamp);
        escaped(out, run->suite_path);
        fputs("\">\n", out);
        if (run->broken) {
            fputs("    <testcase name=\"the suite\" classname=\"", out);
            escaped(out, run->suite_path);
            fputs("\"><error message=\"the suite or its rules have errors\"/></testcase>\n", out);
        }
        for (int j = 0; j < run->nresults; j++) {
            const scn_result *r = &run->results[j];
            fputs("    <testcase name=\"", out);
            escaped(out, r->scenario->name);
            fputs("\" classname=\"", out);
            escaped(out, run->suite && run->suite->title ? run->suite->title : run->suite_path);
            fprintf(out, "\" time=\"%.6f", r->seconds);
            if (r->passed) {
                fputs("\"/>\n", out);
                continue;
            }
            fputs("\">\n      <failure message=\"", out);
            const char *first = r->failures.data ? r->failures.data : "";
            const char *nl = strchr(first, '\n');
            char msg[1024];
            snprintf(msg, sizeof msg, "%.*s", (int)(nl ? nl - first : (long)strlen(first)), first);
            escaped(out, msg);
            fputs("\">", out);
            escaped(out, first);
            junit_trace(out, run, r);
            fputs("</failure>\n    </testcase>\n", out);
        }
        fputs("  </testsuite>\n", out);
    }
    fputs("</testsuites>\n", out);
    bool ok = !ferror(out);
    ok = fclose(out) == 0 && ok;
    if (!ok)
        snprintf(why, whylen, "the JUnit report cannot be written: %s", strerror(errno));
    return ok;
}

/* ---- HTML --------------------------------------------------------------------- */

/* A page a municipality can file: when it was run and by which lovc, the
 * fingerprints of the rules and of the suite, the failures first, and for
 * every scenario its facts and expectations as the tester wrote them, and
 * the trace with the row that contradicts an expectation marked. */

static const char html_style[] =
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
    "h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}"
    ".pass{color:#176b1c}.fail{color:#b3141a}.summary{font-size:1.1rem;font-weight:bold}"
    "details{margin:.3rem 0 .3rem 1rem}summary{cursor:pointer}"
    "table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.15rem .6rem;text-align:left;"
    "border-bottom:1px solid #eee;vertical-align:top}.cite{color:#555;font-size:.9em}"
    "pre{background:#f6f6f6;padding:.5rem;white-space:pre-wrap;margin:.3rem 0}"
    "h3{font-size:1rem;margin:.8rem 0 .2rem}code{word-break:break-all}"
    "tr.contradicts td{background:#fde2e2;font-weight:bold}.law{font-style:italic;color:#444;font-size:.9em}"
    "ol.failures li{margin:.3rem 0}";

static const char *suite_name(const scn_suite_run *run)
{
    return run->suite && run->suite->title ? run->suite->title : run->suite_path;
}

/* The lines of the suite that a fact or an expectation spans, as written,
 * each without its indentation. */
static void html_written(FILE *out, const src_loc *loc)
{
    const src_file *f = loc->file;
    if (!f || loc->start >= f->len)
        return;
    uint32_t end = loc->end <= f->len ? loc->end : (uint32_t)f->len;
    const char *p = f->text + loc->start, *stop = f->text + end;
    while (p < stop) {
        while (p < stop && (*p == ' ' || *p == '\t'))
            p++;
        const char *line_end = p;
        while (line_end < stop && *line_end != '\n')
            line_end++;
        const char *nl = line_end < stop ? line_end : NULL;
        while (line_end > p && (line_end[-1] == ' ' || line_end[-1] == '\r'))
            line_end--;
        if (line_end > p) {
            char *line = xstrndup(p, (size_t)(line_end - p));
            escaped(out, line);
            free(line);
            fputc('\n', out);
        }
        p = nl ? nl + 1 : stop;
    }
}

static void html_facts(FILE *out, const scn_suite_run *run, const scn_scenario *sc)
{
    const scn_list *background = &run->suite->background;
    fputs("<h3>The facts</h3>\n<pre>", out);
    if (background->len + sc->givens.len == 0)
        fputs("(none given)\n", out);
    for (int i = 0; i < background->len; i++)
        html_written(out, &((const scn_given *)SCN_AT(*background, i))->loc);
    if (background->len && sc->givens.len)
        fputs("(above: the suite's background; below: this scenario's own)\n", out);
    for (int i = 0; i < sc->givens.len; i++)
        html_written(out, &((const scn_given *)SCN_AT(sc->givens, i))->loc);
    fputs("</pre>\n", out);
}

static void html_expectations(FILE *out, const scn_result *r)
{
    const scn_scenario *sc = r->scenario;
    fputs("<h3>What the scenario expects</h3>\n", out);
    if (sc->expects.len == 0) {
        fputs("<p>Nothing: only that the rules' own assertions hold.</p>\n", out);
        return;
    }
    fputs("<table>\n", out);
    for (int i = 0; i < sc->expects.len; i++) {
        const scn_expect *x = SCN_AT(sc->expects, i);
        bool failed = r->expect_failed && r->expect_failed[i];
        fputs("<tr><td><code>", out);
        html_written(out, &x->loc);
        fprintf(out, "</code></td><td class=\"%s\">%s</td></tr>\n", failed ? "fail" : "pass",
                failed ? "does not hold" : "holds");
    }
    fputs("</table>\n", out);
}

/* Does the trace entry give the value of an output that an expectation,
 * which did not hold, is about? */
static bool contradicts(const scn_suite_run *run, const scn_result *r, const lov_trace_entry *e)
{
    const lov_module_desc *d = run->module.desc;
    if (!r->expect_failed || (e->event != LOV_TRACE_VALUE && e->event != LOV_TRACE_FAILED
                              && e->event != LOV_TRACE_NOT_MET))
        return false;
    for (int i = 0; i < r->scenario->expects.len; i++) {
        const scn_expect *x = SCN_AT(r->scenario->expects, i);
        if (r->expect_failed[i] && x->output >= 0 && (uint32_t)x->output < d->noutputs
            && d->outputs[x->output].provision == (int32_t)e->provision)
            return true;
    }
    return false;
}

static void html_trace(FILE *out, const scn_suite_run *run, const scn_result *r)
{
    const lov_module_desc *d = run->module.desc;
    fputs("<h3>How the rules decided</h3>\n<table><tr><th>Step</th><th>Provision</th></tr>\n", out);
    bool *quoted = xcalloc((size_t)d->nprovisions + 1, sizeof *quoted);   /* the law text once per provision */
    for (size_t i = 0; i < r->ntrace; i++) {
        const lov_trace_entry *e = &r->trace[i];
        char what[512], cite[256];
        report_trace_entry(d, e, what, sizeof what, cite, sizeof cite);
        bool against = contradicts(run, r, e);
        fputs(against ? "<tr class=\"contradicts\"><td>" : "<tr><td>", out);
        escaped(out, what);
        if (against)
            fputs(" &larr; not what the scenario expects", out);
        fputs("</td><td class=\"cite\">", out);
        escaped(out, cite);
        const char *law = e->provision < d->nprovisions && !quoted[e->provision] ? d->provisions[e->provision].text
                                                                                 : NULL;
        if (law) {
            quoted[e->provision] = true;
            fputs("<div class=\"law\" lang=\"da\">&ldquo;", out);
            escaped(out, law);
            fputs("&rdquo;</div>", out);
        }
        fputs("</td></tr>\n", out);
    }
    free(quoted);
    fputs("</table>\n", out);
}

/* The fingerprint of the suite's text, as read. */
static void suite_sha(const scn_suite_run *run, char hex[SHA256_HEX_SIZE])
{
    const src_file *f = run->suite ? run->suite->file : NULL;
    if (f)
        sha256_hex(f->text, f->len, hex);
    else
        snprintf(hex, SHA256_HEX_SIZE, "(not read)");
}

static void html_suite(FILE *out, const scn_suite_run *run, int number)
{
    fprintf(out, "<h2 id=\"suite-%d\">", number);
    escaped(out, suite_name(run));
    fputs("</h2>\n<table>\n<tr><th>Suite</th><td><code>", out);
    escaped(out, run->suite_path);
    char sha[SHA256_HEX_SIZE];
    suite_sha(run, sha);
    fprintf(out, "</code>, SHA-256 <code>%s</code></td></tr>\n", sha);
    if (run->rules_path || run->module.desc) {
        fputs("<tr><th>Rules</th><td>", out);
        if (run->rules_path) {
            fputs("<code>", out);
            escaped(out, run->rules_path);
            fputs("</code>", out);
        }
        if (run->module.desc) {
            fputs(", module <code>", out);
            escaped(out, run->module.desc->name);
            fputs("</code>, SHA-256 <code>", out);
            escaped(out, run->module.desc->source_sha256);
            fputs("</code>, compiled by lovc ", out);
            escaped(out, run->module.desc->compiler_version);
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
    if (run->broken) {
        fputs("<p class=\"fail\">Not run: the suite or its rules have errors.</p>\n", out);
        return;
    }
    for (int j = 0; j < run->nresults; j++) {
        const scn_result *r = &run->results[j];
        fprintf(out, "<details id=\"suite-%d-scenario-%d\"%s><summary><span class=\"%s\">%s</span> ", number, j + 1,
                r->passed ? "" : " open", r->passed ? "pass" : "fail", r->passed ? "PASS" : "FAIL");
        escaped(out, r->scenario->name);
        fprintf(out, " <span class=\"cite\">(line %d)</span></summary>\n", r->scenario->line);
        if (!r->passed) {
            fputs("<pre class=\"fail\">", out);
            escaped(out, r->failures.data);
            fputs("</pre>\n", out);
        }
        html_facts(out, run, r->scenario);
        html_expectations(out, r);
        html_trace(out, run, r);
        fputs("</details>\n", out);
    }
    int exercised, total;
    report_coverage(run, &exercised, &total);
    fprintf(out, "<p>Coverage: %d of %d provisions exercised (%d%%).</p>\n", exercised, total,
            total ? (exercised * 100 + total / 2) / total : 100);
    if (exercised == total)
        return;
    fputs("<table><tr><th>Never exercised</th><th>Provision</th><th>Line</th></tr>\n", out);
    const lov_module_desc *d = run->module.desc;
    for (uint32_t i = 0; i < d->nprovisions; i++) {
        const lov_provision_desc *p = &d->provisions[i];
        if (!scn_counts_for_coverage(p) || run->covered[i])
            continue;
        fputs("<tr><td>", out);
        if (p->label) {
            fputs("exception ", out);
            escaped(out, p->label);
            fputs(" of ", out);
        }
        escaped(out, p->name);
        fputs("</td><td class=\"cite\">", out);
        escaped(out, p->source);
        fputs(" ", out);
        escaped(out, p->citation);
        fprintf(out, "</td><td>%u</td></tr>\n", p->line);
    }
    fputs("</table>\n", out);
}

/* Every scenario that failed and every suite that could not be run, each a
 * link to its place below, with the first expectation that does not hold. */
static void html_failures(FILE *out, const scn_suite_run *runs, int n)
{
    bool any = false;
    for (int i = 0; i < n; i++) {
        const scn_suite_run *run = &runs[i];
        for (int j = 0; j < (run->broken ? 1 : run->nresults); j++) {
            const scn_result *r = run->broken ? NULL : &run->results[j];
            if (r && r->passed)
                continue;
            if (!any)
                fputs("<h2>What failed</h2>\n<ol class=\"failures\">\n", out);
            any = true;
            if (!r) {
                fprintf(out, "<li><a href=\"#suite-%d\">", i + 1);
                escaped(out, run->suite_path);
                fputs("</a>: not run, the suite or its rules have errors</li>\n", out);
                continue;
            }
            fprintf(out, "<li><a href=\"#suite-%d-scenario-%d\">", i + 1, j + 1);
            escaped(out, r->scenario->name);
            fputs("</a> <span class=\"cite\">(", out);
            escaped(out, suite_name(run));
            fputs(")</span><br>", out);
            const char *first = r->failures.data ? r->failures.data : "";
            const char *nl = strchr(first, '\n');
            char *line = xstrndup(first, nl ? (size_t)(nl - first) : strlen(first));
            escaped(out, line);
            free(line);
            fputs("</li>\n", out);
        }
    }
    if (any)
        fputs("</ol>\n", out);
}

bool report_html(const char *path, const scn_suite_run *runs, int n, char *why, size_t whylen)
{
    FILE *out = fopen(path, "w");
    if (!out) {
        snprintf(why, whylen, "the HTML report cannot be written: %s", strerror(errno));
        return false;
    }
    report_totals t = report_count(runs, n);
    char when[64];
    run_stamp(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC");
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<title>Scenario report: %d passed, %d failed</title>\n<style>%s</style>\n</head>\n<body>\n",
            t.passed, t.failed, html_style);
    fprintf(out, "<h1>Scenario report</h1>\n<p>Run on %s by lovc %s.</p>\n"
                 "<p class=\"summary %s\">%d passed, %d failed</p>\n",
            when, LOVC_VERSION, t.failed ? "fail" : "pass", t.passed, t.failed);
    html_failures(out, runs, n);
    for (int i = 0; i < n; i++)
        html_suite(out, &runs[i], i + 1);
    fputs("</body>\n</html>\n", out);
    bool ok = !ferror(out);
    ok = fclose(out) == 0 && ok;
    if (!ok)
        snprintf(why, whylen, "the HTML report cannot be written: %s", strerror(errno));
    return ok;
}

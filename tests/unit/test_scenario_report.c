/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for the reports of scenario runs (runtime/report_*.c): the
 * JUnit XML is well-formed and valid against tests/junit.xsd (checked with
 * xmllint), TAP output is well formed (plan, numbering, YAML blocks: checked
 * by tap_problem below), and the HTML page is well-formed HTML. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "core/lov.h"
#include "suites/report.h"
#include "support/sha256.h"
#include "scenario_helpers.h"
#include "suites.h"

static const char rules[] =
    "module rapport\n"
    "  title \"Rapport\"\n"
    "  source lov \"Lov\"\n"
    "input timer: integer\n"
    "input hjælp: money\n"
    "input høring: boolean\n"
    "outcome krav_opfyldt: boolean according to lov \"§ 1\" = timer >= 225\n"
    "adverse outcome nedsættelse: money\n"
    "  according to lov \"§ 2\"\n"
    "  requires høring according to lov \"§ 3\"\n"
    "  default 0 kr\n"
    "  exception under_kravet according to lov \"§ 2 & 3 <a>\" when not krav_opfyldt then hjælp\n";

/* Scenario names with characters that XML, HTML and TAP must treat with
 * care; one passes, two fail. */
static const char suite_text[] =
    "suite \"Rapport <&> \\\"citat\\\" 'apostrof'\" for rapport.lov\n"
    "background\n"
    "  hjælp = 1 000 kr\n"
    "  høring = yes\n"
    "scenario \"Opfyldt\"\n"
    "  given\n"
    "    timer = 225\n"
    "  expect\n"
    "    krav_opfyldt = yes\n"
    "    no nedsættelse\n"
    "scenario \"Tegn: <&> \\\"citat\\\" 'apostrof' # ikke et direktiv\"\n"
    "  given\n"
    "    timer = 224\n"
    "  expect\n"
    "    krav_opfyldt = yes\n"
    "    nedsættelse = 0 kr\n"
    "scenario \"Ukendt\"\n"
    "  expect\n"
    "    krav_opfyldt = no\n";

/* Scenario names with code points that XML 1.0 does not allow (U+FFFE,
 * U+FFFF) beside one it does (U+10FFFF), in a passing and a failing one. */
static const char odd_suite_text[] =
    "suite \"Ikke-tegn \xEF\xBF\xBF\" for rapport.lov\n"
    "background\n"
    "  hjælp = 1 000 kr\n"
    "  høring = yes\n"
    "scenario \"Ikke-tegn: \xEF\xBF\xBE og \xEF\xBF\xBF, men \xF4\x8F\xBF\xBF\"\n"
    "  given\n"
    "    timer = 1\n"
    "  expect\n"
    "    krav_opfyldt = yes\n"
    "scenario \"Bestået \xEF\xBF\xBE\"\n"
    "  given\n"
    "    timer = 225\n"
    "  expect\n"
    "    krav_opfyldt = yes\n";

static char *dir;
static char *so;

static void setup_module(void)
{
    dir = scn_test_mkdtemp();
    so = scn_test_compile(dir, "rapport.lov", rules);
}

static void teardown_module(void)
{
    scn_test_rmdir(dir);
    free(dir);
    free(so);
}

/* Two runs: the suite above, run; and a suite that could not be run. */
typedef struct runs {
    capture c;
    scn_suite_run run[2];
    const char *odd;         /* what ends the broken suite's name; "" or characters XML forbids */
    char broken_path[256];
} runs;

static void make_runs_of(runs *r, const char *text, const char *odd)
{
    memset(r, 0, sizeof *r);
    r->odd = odd;
    capture_init(&r->c);
    ck_assert_ptr_nonnull(so);
    scn_suite_run *run = &r->run[0];
    run->suite_path = "tests/rapport.scn";
    run->rules_path = "tests/rapport.lov";
    run->suite = scn_test_parse(text, &r->c);
    char why[1024] = "";
    ck_assert_msg(scn_module_load(&run->module, so, "rapport", why, sizeof why), "%s", why);
    ck_assert_msg(scn_check(run->suite, run->module.desc, &r->c.diag), "%s", capture_text(&r->c));
    ck_assert(scn_module_bind(&run->module, NULL, why, sizeof why));
    run->nresults = run->suite->scenarios.len;
    run->results = calloc((size_t)run->nresults, sizeof *run->results);
    run->covered = calloc(run->module.desc->nprovisions, sizeof *run->covered);
    for (int i = 0; i < run->nresults; i++)
        scn_run(&run->module, run->suite, SCN_AT(run->suite->scenarios, i), &run->results[i], run->covered);
    r->run[1].suite_path = r->broken_path;
    snprintf(r->broken_path, sizeof r->broken_path, "tests/i stykker & <ødelagt>%s.scn", r->odd);
    r->run[1].broken = true;
}

static void make_runs(runs *r)
{
    make_runs_of(r, suite_text, "");
}

static void free_runs(runs *r)
{
    scn_suite_run *run = &r->run[0];
    for (int i = 0; i < run->nresults; i++)
        scn_result_free(&run->results[i]);
    free(run->results);
    free(run->covered);
    scn_module_close(&run->module);
    scn_suite_free(run->suite);
    capture_free(&r->c);
}

/* Runs a shell command; its exit status. */
static int shell(const char *command)
{
    int st = system(command);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    strbuf sb;
    sb_init(&sb);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_putn(&sb, buf, n);
    fclose(f);
    return sb.data ? sb.data : xstrdup("");
}

/* ---- JUnit -------------------------------------------------------------------- */

START_TEST(test_report_junit_valid)
{
    runs r;
    make_runs(&r);
    char path[512], why[256] = "", command[2048];
    snprintf(path, sizeof path, "%s/junit.xml", dir);
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    ck_assert_msg(report_junit(path, r.run, 2, why, sizeof why), "%s", why);
    unsetenv("SOURCE_DATE_EPOCH");
    snprintf(command, sizeof command, "xmllint --noout '%s'", path);
    ck_assert_int_eq(shell(command), 0);
    snprintf(command, sizeof command, "xmllint --noout --schema tests/junit.xsd '%s' 2>/dev/null", path);
    ck_assert_int_eq(shell(command), 0);
    /* What a CI server shows: the counts, the failure's first line. */
    char *xml = read_all(path);
    ck_assert_ptr_nonnull(strstr(xml, "<testsuites name=\"lovc test\" tests=\"4\" failures=\"2\" errors=\"1\">"));
    ck_assert_ptr_nonnull(strstr(xml, "<testsuite name=\"Rapport &lt;&amp;&gt; &quot;citat&quot; &#39;apostrof&#39;\" "
                                      "tests=\"3\" failures=\"2\" errors=\"0\" time=\""));
    /* When it ran, and how long each scenario took. */
    ck_assert_ptr_nonnull(strstr(xml, "\" timestamp=\"2023-11-14T22:13:20\" file=\"tests/rapport.scn\">"));
    ck_assert_ptr_nonnull(strstr(xml, "<testcase name=\"Opfyldt\" classname=\"Rapport &lt;&amp;&gt; &quot;citat&quot; "
                                      "&#39;apostrof&#39;\" time=\"0."));
    ck_assert_ptr_nonnull(strstr(xml, "<testcase name=\"Tegn: &lt;&amp;&gt; &quot;citat&quot; &#39;apostrof&#39; "
                                      "# ikke et direktiv\""));
    ck_assert_ptr_nonnull(strstr(xml, "<failure message=\"krav_opfyldt: expected yes, but the rules decided no\">"));
    ck_assert_ptr_nonnull(strstr(xml, "exception &#39;under_kravet&#39; of nedsættelse applies "
                                      "(lov § 2 &amp; 3 &lt;a&gt;)"));
    ck_assert_ptr_nonnull(strstr(xml, "<testcase name=\"the suite\" classname=\"tests/i stykker &amp; "
                                      "&lt;ødelagt&gt;.scn\"><error message=\"the suite or its rules have errors\"/>"));
    free(xml);
    free_runs(&r);
}
END_TEST

/* Whatever a name holds, the JUnit file is well-formed XML: code points that
 * XML 1.0 does not allow (U+FFFE, U+FFFF, control characters) and bytes that
 * are not UTF-8 (a file name can hold any byte) are written so that a reader
 * still sees them, as [U+FFFE] and U+FFFD. */
START_TEST(test_report_junit_illegal_characters)
{
    runs r;
    make_runs_of(&r, odd_suite_text, "\x01\x1b\r\xFF\xED\xA0\x80\xC0\xAF\xEF\xBF\xBE");
    char path[512], why[256] = "", command[2048];
    snprintf(path, sizeof path, "%s/junit-odd.xml", dir);
    ck_assert_msg(report_junit(path, r.run, 2, why, sizeof why), "%s", why);
    snprintf(command, sizeof command, "xmllint --noout '%s'", path);
    ck_assert_int_eq(shell(command), 0);
    snprintf(command, sizeof command, "xmllint --noout --schema tests/junit.xsd '%s' 2>/dev/null", path);
    ck_assert_int_eq(shell(command), 0);
    char *xml = read_all(path);
    ck_assert_ptr_nonnull(strstr(xml, "<testcase name=\"Ikke-tegn: [U+FFFE] og [U+FFFF], men \xF4\x8F\xBF\xBF\" "
                                      "classname=\"Ikke-tegn [U+FFFF]\" time=\""));
    ck_assert_ptr_nonnull(strstr(xml, "<testcase name=\"Bestået [U+FFFE]\""));
    ck_assert_ptr_nonnull(strstr(xml, "&lt;ødelagt&gt;[U+0001][U+001B]&#13;\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                                      "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD[U+FFFE].scn\""));
    free(xml);
    free_runs(&r);
}
END_TEST

/* The schema is not a rubber stamp: it refuses what lovc must not write. */
START_TEST(test_report_junit_schema_refuses)
{
    char path[512], command[2048];
    snprintf(path, sizeof path, "%s/bad.xml", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("<?xml version=\"1.0\"?>\n<testsuites tests=\"1\" failures=\"1\" errors=\"0\">\n"
          "  <testsuite name=\"s\" tests=\"1\" failures=\"1\" errors=\"0\">\n"
          "    <testcase name=\"c\"><failure>no message, no classname</failure></testcase>\n"
          "  </testsuite>\n</testsuites>\n", f);
    fclose(f);
    snprintf(command, sizeof command, "xmllint --noout --schema tests/junit.xsd '%s' 2>/dev/null", path);
    ck_assert_int_ne(shell(command), 0);
}
END_TEST

START_TEST(test_report_junit_cannot_write)
{
    runs r;
    make_runs(&r);
    char why[256] = "";
    ck_assert(!report_junit("/nonexistent/junit.xml", r.run, 2, why, sizeof why));
    ck_assert_str_eq(why, "the JUnit report cannot be written: No such file or directory");
    ck_assert(!report_html("/nonexistent/report.html", r.run, 2, why, sizeof why));
    ck_assert_str_eq(why, "the HTML report cannot be written: No such file or directory");
    free_runs(&r);
}
END_TEST

/* ---- TAP ------------------------------------------------------------------------ */

/* Is 'tap' well formed TAP version 13? NULL if so, else what is wrong:
 * the version line, then a plan 1..N, then N test lines numbered 1 to N in
 * order ("ok K - text" or "not ok K - text", the text without '#', which
 * would start a directive), each optionally followed by a YAML block
 * ("  ---" ... "  ...", its lines indented, "key: value" pairs or a block
 * scalar "key: |" with lines indented further). */
static const char *tap_problem(const char *tap, int *tests)
{
    static char why[256];
    *tests = 0;
    const char *p = tap;
    char line[4096];
    int planned = -1, number = 0;
    enum { START, PLAN, TESTS, YAML, YAML_SCALAR } state = START;
    while (*p) {
        const char *nl = strchr(p, '\n');
        if (!nl)
            return "the last line has no newline";
        size_t len = (size_t)(nl - p);
        if (len >= sizeof line)
            return "a line is too long";
        memcpy(line, p, len);
        line[len] = '\0';
        p = nl + 1;
        if (state == START) {
            if (strcmp(line, "TAP version 13") != 0)
                return "the first line is not 'TAP version 13'";
            state = PLAN;
            continue;
        }
        if (state == PLAN) {
            if (sscanf(line, "1..%d", &planned) != 1 || planned < 0)
                return "no plan line after the version";
            state = TESTS;
            continue;
        }
        if (state == YAML_SCALAR) {
            if (strncmp(line, "    ", 4) == 0)
                continue;
            state = YAML;
        }
        if (state == YAML) {
            if (strcmp(line, "  ...") == 0) {
                state = TESTS;
                continue;
            }
            if (strncmp(line, "  ", 2) != 0 || line[2] == ' ' || !strchr(line, ':'))
                return "a line in a YAML block is not '  key: value'";
            if (strcmp(strchr(line, ':'), ": |") == 0)
                state = YAML_SCALAR;
            continue;
        }
        if (strcmp(line, "  ---") == 0) {
            if (number == 0)
                return "a YAML block before any test line";
            state = YAML;
            continue;
        }
        int k = 0, n = 0;
        if (sscanf(line, "ok %d - %n", &k, &n) != 1 && sscanf(line, "not ok %d - %n", &k, &n) != 1)
            return "a line that is not a test line";
        if (n == 0)
            return "a test line without ' - ' and a description";
        if (k != number + 1) {
            snprintf(why, sizeof why, "test %d follows test %d", k, number);
            return why;
        }
        if (strchr(line + n, '#'))
            return "a description holds '#'";
        number = k;
    }
    if (state == YAML || state == YAML_SCALAR)
        return "a YAML block is not closed with '  ...'";
    if (state != TESTS)
        return "no plan";
    if (number != planned) {
        snprintf(why, sizeof why, "the plan says %d tests, there are %d", planned, number);
        return why;
    }
    *tests = number;
    return NULL;
}

static char *tap_of(const scn_suite_run *run, int n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(out);
    report_tap(out, run, n);
    fclose(out);
    return buf;
}

START_TEST(test_report_tap)
{
    runs r;
    make_runs(&r);
    char *tap = tap_of(r.run, 2);
    int tests;
    const char *problem = tap_problem(tap, &tests);
    ck_assert_msg(problem == NULL, "%s in:\n%s", problem, tap);
    ck_assert_int_eq(tests, 4);
    ck_assert_str_eq(tap,
                     "TAP version 13\n"
                     "1..4\n"
                     "ok 1 - Rapport <&> \"citat\" 'apostrof': Opfyldt\n"
                     "not ok 2 - Rapport <&> \"citat\" 'apostrof': Tegn: <&> \"citat\" 'apostrof' _ ikke et direktiv\n"
                     "  ---\n"
                     "  message: |\n"
                     "    krav_opfyldt: expected yes, but the rules decided no\n"
                     "    nedsættelse: expected 0 kr, but the rules decided 1 000 kr\n"
                     "  at: tests/rapport.scn:11\n"
                     "  ...\n"
                     "not ok 3 - Rapport <&> \"citat\" 'apostrof': Ukendt\n"
                     "  ---\n"
                     "  message: |\n"
                     "    krav_opfyldt: expected no, but the rules decided undetermined (missing: timer)\n"
                     "  at: tests/rapport.scn:17\n"
                     "  ...\n"
                     "not ok 4 - tests/i stykker & <ødelagt>.scn could not be run\n");
    free(tap);
    /* No suites at all: an empty plan. */
    tap = tap_of(r.run, 0);
    ck_assert_str_eq(tap, "TAP version 13\n1..0\n");
    ck_assert_ptr_null(tap_problem(tap, &tests));
    free(tap);
    free_runs(&r);
}
END_TEST

/* The checker itself finds what is wrong. */
START_TEST(test_report_tap_problem)
{
    int tests;
    ck_assert_ptr_null(tap_problem("TAP version 13\n1..1\nok 1 - a\n", &tests));
    ck_assert_str_eq(tap_problem("1..1\nok 1 - a\n", &tests), "the first line is not 'TAP version 13'");
    ck_assert_str_eq(tap_problem("TAP version 13\n1..2\nok 1 - a\n", &tests),
                     "the plan says 2 tests, there are 1");
    ck_assert_str_eq(tap_problem("TAP version 13\n1..2\nok 1 - a\nok 3 - b\n", &tests), "test 3 follows test 1");
    ck_assert_str_eq(tap_problem("TAP version 13\n1..1\nok 1 - a # b\n", &tests), "a description holds '#'");
    ck_assert_str_eq(tap_problem("TAP version 13\n1..1\nnot ok 1 - a\n  ---\n  at: x\n", &tests),
                     "a YAML block is not closed with '  ...'");
    ck_assert_str_eq(tap_problem("TAP version 13\n1..1\nnot ok 1 - a\n  ---\n  bare\n  ...\n", &tests),
                     "a line in a YAML block is not '  key: value'");
    ck_assert_str_eq(tap_problem("TAP version 13\n1..1\nok 1 a\n", &tests),
                     "a test line without ' - ' and a description");
    ck_assert_str_eq(tap_problem("TAP version 13\n1..1\nBail out!\n", &tests), "a line that is not a test line");
}
END_TEST

/* ---- HTML ------------------------------------------------------------------------ */

START_TEST(test_report_html)
{
    runs r;
    make_runs(&r);
    char path[512], why[256] = "", command[2048];
    snprintf(path, sizeof path, "%s/report.html", dir);
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    ck_assert_msg(report_html(path, r.run, 2, why, sizeof why), "%s", why);
    unsetenv("SOURCE_DATE_EPOCH");
    /* Well-formed: xmllint's HTML parser reports no error, but that it does
     * not know HTML5's details and summary (it reads HTML 4). */
    snprintf(command, sizeof command,
             "xmllint --html --noout '%s' 2>&1 | grep 'error' | grep -v -q 'Tag \\(details\\|summary\\) invalid'"
             " && exit 1 || exit 0", path);
    ck_assert_int_eq(shell(command), 0);
    char *html = read_all(path);
    ck_assert_ptr_nonnull(strstr(html, "<title>Scenario report: 1 passed, 2 failed</title>"));
    /* It stands alone: the run's date, lovc's version, both fingerprints. */
    ck_assert_ptr_nonnull(strstr(html, "<p>Run on 2023-11-14 22:13:20 UTC by lovc "));
    ck_assert_ptr_nonnull(strstr(html, ", module <code>rapport</code>, SHA-256 <code>"));
    char sha[SHA256_HEX_SIZE], want[256];
    sha256_hex(suite_text, strlen(suite_text), sha);
    snprintf(want, sizeof want, "<code>tests/rapport.scn</code>, SHA-256 <code>%s</code>", sha);
    ck_assert_ptr_nonnull(strstr(html, want));
    /* The failures first, each a link to its scenario, before any scenario. */
    const char *failures = strstr(html, "<h2>What failed</h2>");
    ck_assert_ptr_nonnull(failures);
    ck_assert_ptr_nonnull(strstr(failures, "<li><a href=\"#suite-1-scenario-2\">Tegn: "));
    ck_assert_ptr_nonnull(strstr(failures, "<li><a href=\"#suite-1-scenario-3\">Ukendt</a>"));
    ck_assert_ptr_nonnull(strstr(failures, "<li><a href=\"#suite-2\">tests/i stykker &amp; &lt;ødelagt&gt;.scn</a>"));
    ck_assert(failures < strstr(html, "<details"));
    /* Every scenario's facts (the background's too) and expectations, as written. */
    ck_assert_ptr_nonnull(strstr(html, "<h3>The facts</h3>\n<pre>hjælp = 1 000 kr\nhøring = yes\n"
                                       "(above: the suite's background; below: this scenario's own)\n"
                                       "timer = 224\n</pre>"));
    ck_assert_ptr_nonnull(strstr(html, "<h3>The facts</h3>\n<pre>hjælp = 1 000 kr\nhøring = yes\n</pre>"));
    ck_assert_ptr_nonnull(strstr(html, "<tr><td><code>no nedsættelse\n</code></td><td class=\"pass\">holds</td></tr>"));
    ck_assert_ptr_nonnull(strstr(html, "<tr><td><code>krav_opfyldt = yes\n</code></td><td class=\"fail\">"
                                       "does not hold</td></tr>"));
    /* The trace row that contradicts the expectation is marked, and only it. */
    ck_assert_ptr_nonnull(strstr(html, "<tr class=\"contradicts\"><td>krav_opfyldt = no &larr; not what the "
                                       "scenario expects</td>"));
    ck_assert_ptr_nonnull(strstr(html, "<tr class=\"contradicts\"><td>nedsættelse = 1 000 kr &larr; "));
    int marked = 0;
    for (const char *m = html; (m = strstr(m, "<tr class=\"contradicts\">")) != NULL; m++)
        marked++;
    ck_assert_int_eq(marked, 3);
    ck_assert_ptr_nonnull(strstr(html, "<details id=\"suite-1-scenario-2\" open><summary><span class=\"fail\">FAIL</span> "
                                       "Tegn: &lt;&amp;&gt; &quot;citat&quot; &#39;apostrof&#39; # ikke et direktiv "
                                       "<span class=\"cite\">(line 11)</span></summary>"));
    ck_assert_ptr_nonnull(strstr(html, "<p>Coverage: 4 of 4 provisions exercised (100%).</p>"));
    ck_assert_ptr_nonnull(strstr(html, "<p class=\"fail\">Not run: the suite or its rules have errors.</p>"));
    free(html);
    free_runs(&r);
}
END_TEST

Suite *suite_scenario_report(void)
{
    Suite *s = suite_create("scenario_report");
    TCase *tc = tcase_create("report");
    tcase_add_unchecked_fixture(tc, setup_module, teardown_module);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_report_junit_valid);
    tcase_add_test(tc, test_report_junit_illegal_characters);
    tcase_add_test(tc, test_report_junit_schema_refuses);
    tcase_add_test(tc, test_report_junit_cannot_write);
    tcase_add_test(tc, test_report_tap);
    tcase_add_test(tc, test_report_tap_problem);
    tcase_add_test(tc, test_report_html);
    suite_add_tcase(s, tc);
    return s;
}

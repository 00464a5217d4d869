/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for the scenario suite parser (runtime/scn_lexer.l,
 * scn_parser.y, scn_parse.c): the tree of each form, the values as
 * written, locations, and recovery after a syntax error. */
#include <stdlib.h>
#include <string.h>

#include "scenario_helpers.h"
#include "suites.h"

#define HEADER "suite \"T\" for regler.lov\n"

/* Parses 'text', asserts no diagnostics, and compares the tree. */
static void assert_tree(const char *text, const char *expected)
{
    capture c;
    capture_init(&c);
    scn_suite *s = scn_test_parse(text, &c);
    ck_assert_str_eq(capture_messages(&c), "");
    ck_assert_int_eq(c.diag.errors, 0);
    char *tree = scn_test_sexp(s);
    ck_assert_str_eq(tree, expected);
    free(tree);
    scn_suite_free(s);
    capture_free(&c);
}

/* Parses 'text' and compares the message lines and the tree. */
static void assert_errors(const char *text, const char *messages, const char *expected)
{
    capture c;
    capture_init(&c);
    scn_suite *s = scn_test_parse(text, &c);
    ck_assert_str_eq(capture_messages(&c), messages);
    char *tree = scn_test_sexp(s);
    ck_assert_str_eq(tree, expected);
    free(tree);
    scn_suite_free(s);
    capture_free(&c);
}

START_TEST(test_scn_parse_header)
{
    assert_tree("suite \"225-timers-reglen: accepttest\" for rules/kontanthjaelp/225_timer.lov\n",
                "(suite \"225-timers-reglen: accepttest\" \"rules/kontanthjaelp/225_timer.lov\")");
    /* A rules file whose name has spaces is written in quotes. */
    assert_tree("suite \"T\" for \"mine regler/nye regler.lov\"",
                "(suite \"T\" \"mine regler/nye regler.lov\")");
    /* A byte order mark at the very start is allowed. */
    assert_tree("\xEF\xBB\xBF" HEADER, "(suite \"T\" \"regler.lov\")");

    capture c;
    capture_init(&c);
    scn_suite *s = scn_test_parse("# En kommentar\n" HEADER, &c);
    ck_assert_int_eq(c.diag.errors, 0);
    ck_assert_str_eq(s->rules, "regler.lov");
    ck_assert_uint_eq(s->rules_loc.start, strlen("# En kommentar\nsuite \"T\" for "));
    ck_assert_uint_eq(s->rules_loc.end, strlen("# En kommentar\nsuite \"T\" for regler.lov"));
    scn_suite_free(s);
    capture_free(&c);
}
END_TEST

START_TEST(test_scn_parse_given_value)
{
    assert_tree(HEADER
                "scenario \"Et\"\n"
                "  given\n"
                "    timer = 225\n"
                "    stort = 1 066 000\n"
                "    andel = 0.5\n"
                "    hjælp = 1 066 kr\n"
                "    øre = 12.50 kr\n"
                "    negativ = -3\n"
                "    minus = -1.25 kr\n"
                "    sats = 25 %\n"
                "    dag = 2020-04-02\n"
                "    syg = yes\n"
                "    rask = no\n"
                "    sand = true\n"
                "    falsk = false\n"
                "    evne = meget_begrænset\n"
                "    evne2 = Arbejdsevne.normal\n"
                "    slut = absent\n"
                "    ukendt = unknown\n"
                "  expect\n"
                "    x = 1\n",
                "(suite \"T\" \"regler.lov\" (scenario \"Et\" 2 (given"
                " (= timer 225) (= stort 1066000) (= andel (dec 5 1)) (= hjælp (kr 106600))"
                " (= øre (kr 1250)) (= negativ -3) (= minus (kr -125)) (= sats (pct 25 2))"
                " (= dag (date 2020-04-02)) (= syg yes) (= rask no) (= sand yes) (= falsk no)"
                " (= evne meget_begrænset) (= evne2 Arbejdsevne.normal) (= slut absent) (= ukendt unknown))"
                " (expect (= x 1))))");
}
END_TEST

START_TEST(test_scn_parse_durations)
{
    assert_tree(HEADER
                "scenario \"Et\"\n"
                "  given\n"
                "    a = 1 day\n"
                "    b = 14 days\n"
                "    c = 1 week\n"
                "    d = 2 weeks\n"
                "    e = 1 month\n"
                "    f = 6 months\n"
                "    g = 1 year\n"
                "    h = 2 years\n"
                "    i = -3 months\n"
                "  expect\n"
                "    x = 1\n",
                "(suite \"T\" \"regler.lov\" (scenario \"Et\" 2 (given"
                " (= a (dur 0m1d)) (= b (dur 0m14d)) (= c (dur 0m7d)) (= d (dur 0m14d))"
                " (= e (dur 1m0d)) (= f (dur 6m0d)) (= g (dur 12m0d)) (= h (dur 24m0d))"
                " (= i (dur -3m0d))) (expect (= x 1))))");
}
END_TEST

START_TEST(test_scn_parse_given_table)
{
    assert_tree(HEADER
                "scenario \"Et\"\n"
                "  given\n"
                "    arbejde =\n"
                "      | måned      | timer | ordinært |\n"
                "      | 2019-04-01 | 20    | yes      |\n"
                "      |2019-05-01|0|no|\n"
                "    beløb =\n"
                "      | 100 kr |\n"
                "      | 2.50 kr |\n"
                "    tom =\n"
                "      | måned | timer |\n"
                "  expect\n"
                "    x = 1\n",
                "(suite \"T\" \"regler.lov\" (scenario \"Et\" 2 (given"
                " (table arbejde (row måned timer ordinært) (row (date 2019-04-01) 20 yes)"
                " (row (date 2019-05-01) 0 no))"
                " (table beløb (row (kr 10000)) (row (kr 250)))"
                " (table tom (row måned timer)))"
                " (expect (= x 1))))");
}
END_TEST

START_TEST(test_scn_parse_given_call)
{
    assert_tree(HEADER
                "scenario \"Et\"\n"
                "  given\n"
                "    er_helligdag(2020-04-02) = yes\n"
                "    faktor(0.5, 6 weeks) = 1.25\n"
                "    sats_for(Sats.fuld, 2020) = 1 066 kr\n"
                "    i_dag() = 2020-01-01\n"
                "  expect\n"
                "    x = 1\n",
                "(suite \"T\" \"regler.lov\" (scenario \"Et\" 2 (given"
                " (call er_helligdag ((date 2020-04-02)) yes)"
                " (call faktor ((dec 5 1) (dur 0m42d)) (dec 125 2))"
                " (call sats_for (Sats.fuld 2020) (kr 106600))"
                " (call i_dag () (date 2020-01-01)))"
                " (expect (= x 1))))");
}
END_TEST

START_TEST(test_scn_parse_expectations)
{
    assert_tree(HEADER
                "scenario \"Et\"\n"
                "  expect\n"
                "    nedsættelse = 0 kr\n"
                "    a is ok\n"
                "    b is undetermined\n"
                "    c is not applicable\n"
                "    d is conflict\n"
                "    e is overflow\n"
                "    f is invalid input\n"
                "    no partshøringsbrev\n"
                "    nedsættelse is held back\n"
                "    missing arbejde\n"
                "    missing arbejdsevne, timer, dag\n",
                "(suite \"T\" \"regler.lov\" (scenario \"Et\" 2 (given) (expect"
                " (= nedsættelse (kr 0)) (is a ok) (is b undetermined) (is c not applicable)"
                " (is d conflict) (is e overflow) (is f invalid input) (no partshøringsbrev)"
                " (held-back nedsættelse) (missing arbejde) (missing arbejdsevne timer dag))))");
    /* 'unknown' is read under expect too; the checker refuses it there. */
    assert_tree(HEADER "scenario \"Et\" expect x = unknown",
                "(suite \"T\" \"regler.lov\" (scenario \"Et\" 2 (given) (expect (= x unknown))))");
}
END_TEST

START_TEST(test_scn_parse_background)
{
    assert_tree(HEADER
                "\n"
                "background\n"
                "  reference_dato = 2020-04-02\n"
                "  kalender(2020-04-02) = no\n"
                "\n"
                "scenario \"Et\"\n"
                "  given\n"
                "    timer = 1\n"
                "  expect\n"
                "    x = 1\n"
                "\n"
                "background\n"
                "  sats = fuld\n"
                "\n"
                "scenario \"To\"\n"
                "  expect\n"
                "    x = 2\n",
                "(suite \"T\" \"regler.lov\" (background (= reference_dato (date 2020-04-02))"
                " (call kalender ((date 2020-04-02)) no) (= sats fuld))"
                " (scenario \"Et\" 7 (given (= timer 1)) (expect (= x 1)))"
                " (scenario \"To\" 16 (given) (expect (= x 2))))");
}
END_TEST

START_TEST(test_scn_parse_text_escapes)
{
    assert_tree("suite \"Om \\\"x\\\" og \\\\\" for r.lov\n",
                "(suite \"Om \"x\" og \\\" \"r.lov\")");
}
END_TEST

START_TEST(test_scn_parse_locations)
{
    capture c;
    capture_init(&c);
    const char *text = HEADER "scenario \"Et\"\n  given\n    timer = 225\n  expect\n    no brev\n";
    scn_suite *s = scn_test_parse(text, &c);
    ck_assert_int_eq(c.diag.errors, 0);
    scn_scenario *sc = SCN_AT(s->scenarios, 0);
    ck_assert_uint_eq(sc->loc.start, strlen(HEADER "scenario "));
    ck_assert_uint_eq(sc->loc.end, strlen(HEADER "scenario \"Et\""));
    scn_given *g = SCN_AT(sc->givens, 0);
    const char *at = strstr(text, "timer = 225");
    ck_assert_uint_eq(g->loc.start, (uint32_t)(at - text));
    ck_assert_uint_eq(g->loc.end, (uint32_t)(at - text) + strlen("timer = 225"));
    ck_assert_uint_eq(g->name.loc.end, (uint32_t)(at - text) + strlen("timer"));
    ck_assert_uint_eq(g->value->loc.start, (uint32_t)(at - text) + strlen("timer = "));
    ck_assert_int_eq(g->input, -1);                  /* not yet checked */
    scn_expect *x = SCN_AT(sc->expects, 0);
    at = strstr(text, "no brev");
    ck_assert_uint_eq(x->loc.start, (uint32_t)(at - text));
    ck_assert_uint_eq(x->name.loc.start, (uint32_t)(at - text) + 3);
    scn_suite_free(s);
    capture_free(&c);
}
END_TEST

START_TEST(test_scn_parse_recovery)
{
    /* Each line in error is skipped; the lines after it are kept. */
    assert_errors(HEADER
                  "scenario \"Et\"\n"
                  "  given\n"
                  "    timer = = 3\n"
                  "    dag = 2020-04-02\n"
                  "    hjælp 3 kr\n"
                  "    syg = yes\n"
                  "  expect\n"
                  "    x no\n"
                  "    no brev\n"
                  "scenario \"To\"\n"
                  "  expect\n"
                  "    y = 2\n",
                  "t.scn:4:13: error: '=' cannot stand here\n"
                  "t.scn:6:11: error: expected '=' or '(', but found a number\n"
                  "t.scn:9:7: error: expected 'is' or '=', but found 'no'\n",
                  "(suite \"T\" \"regler.lov\" (scenario \"Et\" 2 (given (= dag (date 2020-04-02)) (= syg yes))"
                  " (expect (no brev))) (scenario \"To\" 11 (given) (expect (= y 2))))");
    /* A scenario without 'expect' is read (the checker refuses it), and
     * the next scenario is not taken for part of it. */
    assert_tree(HEADER
                "scenario \"Et\"\n"
                "  given\n"
                "    timer = 3\n"
                "scenario \"To\"\n"
                "  expect\n"
                "    y = 2\n",
                "(suite \"T\" \"regler.lov\" (scenario \"Et\" 2 (given (= timer 3)) (expect))"
                " (scenario \"To\" 5 (given) (expect (= y 2))))");
    /* The line in error is lost when the error shows only at its end. */
    assert_errors(HEADER
                  "scenario \"Et\"\n"
                  "  given\n"
                  "    dag = 2020-04-02\n"
                  "    timer = 3 4\n"
                  "scenario \"To\"\n"
                  "  expect\n"
                  "    y = 2\n",
                  "t.scn:5:15: error: a number cannot stand here\n",
                  "(suite \"T\" \"regler.lov\" (scenario \"Et\" 2 (given (= dag (date 2020-04-02))) (expect))"
                  " (scenario \"To\" 6 (given) (expect (= y 2))))");
}
END_TEST

START_TEST(test_scn_parse_value_errors)
{
    assert_errors(HEADER
                  "scenario \"Et\"\n"
                  "  given\n"
                  "    dag = 2021-02-29\n"
                  "    hjælp = 1.066 kr\n"
                  "    stor = 92 233 720 368 547 759 kr\n"
                  "    lang = 200 000 000 years\n"
                  "    tal = 9 223 372 036 854 775 808\n"
                  "    komma = 12,50 kr\n"
                  "  expect\n"
                  "    x = 1\n",
                  "t.scn:4:11: error: 2021-02-29 is not a date: that day does not exist in that month "
                  "(February 2021 has 28 days)\n"
                  "t.scn:5:13: error: an amount in kroner has at most two decimals (øre), for example 12.50 kr; "
                  "thousands are set apart with a space, as in 1 066 kr\n"
                  "t.scn:6:12: error: this amount is too large\n"
                  "t.scn:7:12: error: this duration is too long\n"
                  "t.scn:8:11: error: the number 9 223 372 036 854 775 808 is too large "
                  "(the largest is 9 223 372 036 854 775 807)\n"
                  "t.scn:9:15: error: ',' cannot stand here\n"
                  "t.scn:9:13: note: an amount is written with a space between the thousands and a point before the øre: 12.50 kr\n",
                  "(suite \"T\" \"regler.lov\" (scenario \"Et\" 2 (given (= dag (date 1970-01-01))"
                  " (= hjælp (kr 0)) (= stor (kr 0)) (= lang (dur 0m0d)) (= tal 0)) (expect (= x 1))))");
}
END_TEST

START_TEST(test_scn_parse_scanner_errors)
{
    assert_errors(HEADER
                  "scenario \"Et\\q\"\n"
                  "  given\n"
                  "    a = 1 \x01\n"
                  "    b = 1 €\n"
                  "    c = \xE2\x80\x9Cx\xE2\x80\x9D\n"
                  "  expect\n"
                  "    x = 1 # \xFF\n"
                  "scenario \"Uden slut\n",
                  "t.scn:2:13: error: unknown escape '\\q' in a quoted text: only \\\" and \\\\ are allowed\n"
                  "t.scn:4:11: error: unexpected control character (code 1) in the suite\n"
                  "t.scn:5:11: error: unexpected character '€'\n"
                  "t.scn:6:9: error: unexpected character '“': write quotes as straight quotes (\"), not as "
                  "the curly quotes of a word processor\n"
                  "t.scn:6:11: error: unexpected character '”': write quotes as straight quotes (\"), not as "
                  "the curly quotes of a word processor\n"
                  "t.scn:8:13: error: the file is not valid UTF-8 text here (byte 0xFF); save it as UTF-8\n"
                  "t.scn:9:10: error: this text has no closing quote (\") on its line\n"
                  "t.scn:9:20: error: expected 'given' or 'expect', but found the end of the file\n"
                  "t.scn:9:20: note: a scenario says what is 'given' and then what to 'expect'\n",
                  "(suite \"T\" \"regler.lov\" (scenario \"Etq\" 2 (given (= a 1) (= b 1) (= c x))"
                  " (expect (= x 1))))");
}
END_TEST

Suite *suite_scenario_parse(void)
{
    Suite *s = suite_create("scenario_parse");
    TCase *tc = tcase_create("scn_parse");
    tcase_add_test(tc, test_scn_parse_header);
    tcase_add_test(tc, test_scn_parse_given_value);
    tcase_add_test(tc, test_scn_parse_durations);
    tcase_add_test(tc, test_scn_parse_given_table);
    tcase_add_test(tc, test_scn_parse_given_call);
    tcase_add_test(tc, test_scn_parse_expectations);
    tcase_add_test(tc, test_scn_parse_background);
    tcase_add_test(tc, test_scn_parse_text_escapes);
    tcase_add_test(tc, test_scn_parse_locations);
    tcase_add_test(tc, test_scn_parse_recovery);
    tcase_add_test(tc, test_scn_parse_value_errors);
    tcase_add_test(tc, test_scn_parse_scanner_errors);
    suite_add_tcase(s, tc);
    return s;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for checking suites against a module's descriptor
 * (runtime/suites/scenario_check.c): values converted to the fields' types and
 * stored at their offsets, tables into arrays of records, answers of
 * external functions, values in words. The module here is a descriptor
 * written by hand, as a generated one looks. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/lov.h"
#include "scenario_helpers.h"
#include "suites.h"

typedef enum { SATS_FULD, SATS_HALV } sats;
typedef enum { FARVE_ROED, FARVE_HALV } farve;    /* shares the case 'halv' with Sats */

typedef struct rec {
    lov_date maaned;
    int64_t timer;
    lov_opt_bool ordinaert;
} rec;

typedef struct input {
    int64_t timer;
    lov_opt_money hjaelp;
    sats sats;
    lov_decimal andel;
    lov_duration frist;
    const rec *arbejde;
    size_t arbejde_count;
    rec seneste;
    const lov_date *dage;
    size_t dage_count;
    struct {
        bool timer, hjaelp, sats, andel, frist, arbejde, seneste, dage;
    } known;
} input;

typedef struct output {
    bool brev;
    lov_opt_date slut;
    struct {
        lov_status brev, slut;
    } status;
    struct {
        uint32_t brev;
    } held_back;
    uint64_t missing[1];
} output;

static const char *const sats_cases[] = {"fuld", "halv"};
static const lov_enum_desc sats_desc = {"Sats", sats_cases, 2};
static const char *const farve_cases[] = {"rød", "halv"};
static const lov_enum_desc farve_desc = {"Farve", farve_cases, 2};
static const lov_enum_desc *const enums[] = {&sats_desc, &farve_desc};

static const lov_field_desc rec_fields[] = {
    {.name = "måned", .type = LOV_T_DATE, .offset = offsetof(rec, maaned)},
    {.name = "timer", .type = LOV_T_INT, .offset = offsetof(rec, timer)},
    {.name = "ordinært", .type = LOV_T_BOOL, .optional = true, .offset = offsetof(rec, ordinaert)},
};
static const lov_record_desc rec_desc = {"Måned", sizeof(rec), rec_fields, 3};

static const lov_field_desc inputs[] = {
    {.name = "timer", .type = LOV_T_INT, .offset = offsetof(input, timer),
     .known_offset = offsetof(input, known.timer)},
    {.name = "hjælp", .type = LOV_T_MONEY, .optional = true, .offset = offsetof(input, hjaelp),
     .known_offset = offsetof(input, known.hjaelp)},
    {.name = "sats", .type = LOV_T_ENUM, .enum_desc = &sats_desc, .offset = offsetof(input, sats),
     .known_offset = offsetof(input, known.sats)},
    {.name = "andel", .type = LOV_T_DECIMAL, .offset = offsetof(input, andel),
     .known_offset = offsetof(input, known.andel)},
    {.name = "frist", .type = LOV_T_DURATION, .offset = offsetof(input, frist),
     .known_offset = offsetof(input, known.frist)},
    {.name = "arbejde", .type = LOV_T_LIST, .elem_type = LOV_T_RECORD, .record = &rec_desc,
     .offset = offsetof(input, arbejde), .count_offset = offsetof(input, arbejde_count),
     .known_offset = offsetof(input, known.arbejde)},
    {.name = "seneste", .type = LOV_T_RECORD, .record = &rec_desc, .offset = offsetof(input, seneste),
     .known_offset = offsetof(input, known.seneste)},
    {.name = "dage", .type = LOV_T_LIST, .elem_type = LOV_T_DATE, .offset = offsetof(input, dage),
     .count_offset = offsetof(input, dage_count), .known_offset = offsetof(input, known.dage)},
};

static const lov_field_desc outputs[] = {
    {.name = "brev", .type = LOV_T_BOOL, .offset = offsetof(output, brev),
     .status_offset = offsetof(output, status.brev), .held_offset = offsetof(output, held_back.brev),
     .adverse = true, .outcome = true, .provision = -1},
    {.name = "slut", .type = LOV_T_DATE, .optional = true, .offset = offsetof(output, slut),
     .status_offset = offsetof(output, status.slut), .provision = -1},
};

static const lov_type f_params[] = {LOV_T_ENUM, LOV_T_DECIMAL};
static const char *const f_names[] = {"s", "a"};
static const lov_enum_desc *const f_enums[] = {&sats_desc, NULL};
static const lov_external_desc externals[] = {
    {.name = "f", .c_name = "f", .result = LOV_T_MONEY, .params = f_params, .param_names = f_names,
     .nparams = 2, .param_enums = f_enums},
};

static const lov_module_desc hand = {
    .descriptor_version = LOV_DESCRIPTOR_VERSION,
    .name = "hånd",
    .input_size = sizeof(input),
    .output_size = sizeof(output),
    .inputs = inputs,
    .ninputs = 8,
    .outputs = outputs,
    .noutputs = 2,
    .externals = externals,
    .nexternals = 1,
    .enums = enums,
    .nenums = 2,
};

#define HEADER "suite \"T\" for hånd.lov\n"

/* Parses and checks 'text' against the module; compares the messages. */
static scn_suite *checked(const char *text, const char *messages, capture *c)
{
    capture_init(c);
    scn_suite *s = scn_test_parse(text, c);
    ck_assert_int_eq(c->diag.errors, 0);
    bool ok = scn_check(s, &hand, &c->diag);
    ck_assert_str_eq(capture_messages(c), messages);
    ck_assert(ok == (messages[0] == '\0'));
    return s;
}

static scn_given *given_of(scn_suite *s, int scenario, int k)
{
    return SCN_AT(((scn_scenario *)SCN_AT(s->scenarios, scenario))->givens, k);
}

static scn_expect *expect_of(scn_suite *s, int scenario, int k)
{
    return SCN_AT(((scn_scenario *)SCN_AT(s->scenarios, scenario))->expects, k);
}

START_TEST(test_scn_check_values)
{
    capture c;
    scn_suite *s = checked(HEADER
                           "scenario \"Et\"\n"
                           "  given\n"
                           "    timer = -12\n"
                           "    hjælp = 1 066.50 kr\n"
                           "    sats = Sats.halv\n"
                           "    andel = 25 %\n"
                           "    frist = 2 weeks\n"
                           "  expect\n"
                           "    brev = yes\n"
                           "    slut = absent\n"
                           "scenario \"To\"\n"
                           "  given\n"
                           "    hjælp = absent\n"
                           "    sats = fuld\n"
                           "    andel = 3\n"
                           "    frist = 1 year\n"
                           "  expect\n"
                           "    slut = 2020-02-29\n"
                           "    brev is held back\n",
                           "", &c);
    ck_assert_int_eq(given_of(s, 0, 0)->input, 0);
    ck_assert_int_eq(given_of(s, 0, 0)->converted.i, -12);
    ck_assert(given_of(s, 0, 1)->present);
    ck_assert_int_eq(given_of(s, 0, 1)->converted.money, 106650);
    ck_assert_int_eq(given_of(s, 0, 2)->converted.enum_case, SATS_HALV);
    ck_assert_int_eq(given_of(s, 0, 3)->converted.dec.coef, 25);
    ck_assert_int_eq(given_of(s, 0, 3)->converted.dec.scale, 2);
    ck_assert_int_eq(given_of(s, 0, 4)->converted.dur.days, 14);
    ck_assert_int_eq(given_of(s, 0, 4)->converted.dur.months, 0);
    ck_assert_int_eq(expect_of(s, 0, 0)->output, 0);
    ck_assert(expect_of(s, 0, 0)->converted.b);
    ck_assert(!expect_of(s, 0, 1)->present);
    ck_assert(!given_of(s, 1, 0)->present);
    ck_assert_int_eq(given_of(s, 1, 1)->converted.enum_case, SATS_FULD);
    ck_assert_int_eq(given_of(s, 1, 2)->converted.dec.coef, 3);       /* a whole number as a decimal */
    ck_assert_int_eq(given_of(s, 1, 2)->converted.dec.scale, 0);
    ck_assert_int_eq(given_of(s, 1, 3)->converted.dur.months, 12);
    char d[LOV_DATE_BUFSIZE];
    lov_date_format(expect_of(s, 1, 0)->converted.date, d);
    ck_assert_str_eq(d, "2020-02-29");
    ck_assert_int_eq(expect_of(s, 1, 1)->output, 0);
    scn_suite_free(s);
    capture_free(&c);
}
END_TEST

START_TEST(test_scn_check_tables)
{
    capture c;
    scn_suite *s = checked(HEADER
                           "scenario \"Et\"\n"
                           "  given\n"
                           "    arbejde =\n"
                           "      | timer | måned      |\n"
                           "      | 20    | 2020-01-01 |\n"
                           "      | 0     | 2020-02-01 |\n"
                           "    seneste =\n"
                           "      | måned      | timer | ordinært |\n"
                           "      | 2020-03-01 | 37    | no       |\n"
                           "    dage =\n"
                           "      | 2020-12-24 |\n"
                           "      | 2020-12-31 |\n"
                           "      | 2021-01-01 |\n"
                           "  expect\n"
                           "    brev = no\n",
                           "", &c);
    scn_given *g = given_of(s, 0, 0);
    ck_assert_int_eq(g->input, 5);
    ck_assert_uint_eq(g->nitems, 2);
    const rec *items = g->items;
    char d[LOV_DATE_BUFSIZE];
    lov_date_format(items[0].maaned, d);
    ck_assert_str_eq(d, "2020-01-01");
    ck_assert_int_eq(items[0].timer, 20);
    ck_assert(!items[0].ordinaert.present);           /* optional field left out: absent */
    lov_date_format(items[1].maaned, d);
    ck_assert_str_eq(d, "2020-02-01");
    ck_assert_int_eq(items[1].timer, 0);
    g = given_of(s, 0, 1);
    ck_assert_uint_eq(g->nitems, 1);
    const rec *one = g->items;
    ck_assert_int_eq(one->timer, 37);
    ck_assert(one->ordinaert.present);
    ck_assert(!one->ordinaert.value);
    g = given_of(s, 0, 2);
    ck_assert_uint_eq(g->nitems, 3);
    const lov_date *dates = g->items;
    lov_date_format(dates[2], d);
    ck_assert_str_eq(d, "2021-01-01");
    scn_suite_free(s);
    capture_free(&c);
}
END_TEST

START_TEST(test_scn_check_external_answers)
{
    capture c;
    scn_suite *s = checked(HEADER
                           "scenario \"Et\"\n"
                           "  given\n"
                           "    f(fuld, 0.5) = 10 kr\n"
                           "    f(Sats.halv, 0.5) = 20 kr\n"
                           "    f(halv, 2) = 30 kr\n"
                           "  expect\n"
                           "    brev = no\n",
                           "", &c);
    scn_given *g = given_of(s, 0, 0);
    ck_assert_int_eq(g->external, 0);
    ck_assert_int_eq(g->arg_values[0].enum_case, SATS_FULD);
    ck_assert_int_eq(g->arg_values[1].dec.coef, 5);
    ck_assert_int_eq(g->converted.money, 1000);
    ck_assert_int_eq(given_of(s, 0, 1)->arg_values[0].enum_case, SATS_HALV);
    /* 'halv' is a case of Farve too, but the parameter's enumeration (from
     * the descriptor) is Sats. */
    ck_assert_int_eq(given_of(s, 0, 2)->arg_values[0].enum_case, SATS_HALV);
    ck_assert_int_eq(given_of(s, 0, 2)->arg_values[1].dec.coef, 2);
    scn_suite_free(s);
    capture_free(&c);

    s = checked(HEADER
                "scenario \"Et\"\n"
                "  given\n"
                "    f(Farve.rød, 0.5) = 10 kr\n"
                "    f(7, 0.5) = 10 kr\n"
                "    f(fuld, 0.5) = 1 kr\n"
                "    f(Sats.fuld, 0.50) = 2 kr\n"
                "    f(grøn, 1) = 2 kr\n"
                "    f(Farver.rød, 1) = 2 kr\n"
                "  expect\n"
                "    brev = no\n",
                "t.scn:4:7: error: the value 's' of 'f' is a case of Sats, not of Farve\n"
                "t.scn:5:7: error: the value 's' of 'f' is one of fuld or halv, but this is a whole number\n"
                "t.scn:7:5: error: 'f' is answered twice for the same values in this scenario\n"
                "t.scn:6:5: note: it is first given here\n"
                "t.scn:8:7: error: 'grøn' is not a case of Sats: the value 's' of 'f' is one of fuld or halv\n"
                "t.scn:9:7: error: the value 's' of 'f' is a case of Sats, not of Farver\n",
                &c);
    scn_suite_free(s);
    capture_free(&c);
}
END_TEST

START_TEST(test_scn_store_load)
{
    input in;
    memset(&in, 0, sizeof in);
    lov_value v = {.money = 123456};
    scn_store(&in, offsetof(input, hjaelp), LOV_T_MONEY, true, true, v);
    ck_assert(in.hjaelp.present);
    ck_assert_int_eq(in.hjaelp.value, 123456);
    scn_store(&in, offsetof(input, hjaelp), LOV_T_MONEY, true, false, v);
    ck_assert(!in.hjaelp.present);
    v.enum_case = SATS_HALV;
    scn_store(&in, offsetof(input, sats), LOV_T_ENUM, false, true, v);
    ck_assert_int_eq(in.sats, SATS_HALV);
    v.dur = (lov_duration){3, 4};
    scn_store(&in, offsetof(input, frist), LOV_T_DURATION, false, true, v);
    ck_assert_int_eq(in.frist.months, 3);
    ck_assert_int_eq(in.frist.days, 4);

    output out;
    memset(&out, 0, sizeof out);
    out.slut.present = true;
    ck_assert_int_eq(lov_date_parse("2024-02-29", 10, &out.slut.value), LOV_DATE_PARSE_OK);
    bool present = false;
    lov_value got;
    scn_load(&out, offsetof(output, slut), LOV_T_DATE, true, &present, &got);
    ck_assert(present);
    ck_assert_int_eq(got.date, out.slut.value);
    out.brev = true;
    scn_load(&out, offsetof(output, brev), LOV_T_BOOL, false, &present, &got);
    ck_assert(present && got.b);
}
END_TEST

START_TEST(test_scn_format_value)
{
    char buf[64];
    lov_value v;
    memset(&v, 0, sizeof v);
    v.money = 106650;
    scn_format_value(buf, sizeof buf, LOV_T_MONEY, NULL, true, v);
    ck_assert_str_eq(buf, "1 066.50 kr");
    v.money = -100000;
    scn_format_value(buf, sizeof buf, LOV_T_MONEY, NULL, true, v);
    ck_assert_str_eq(buf, "-1 000 kr");
    scn_format_value(buf, sizeof buf, LOV_T_MONEY, NULL, false, v);
    ck_assert_str_eq(buf, "absent");
    v.dec = (lov_decimal){2500, 3};
    scn_format_value(buf, sizeof buf, LOV_T_DECIMAL, NULL, true, v);
    ck_assert_str_eq(buf, "2.5");
    v.i = -7;
    scn_format_value(buf, sizeof buf, LOV_T_INT, NULL, true, v);
    ck_assert_str_eq(buf, "-7");
    v.b = true;
    scn_format_value(buf, sizeof buf, LOV_T_BOOL, NULL, true, v);
    ck_assert_str_eq(buf, "yes");
    v.dur = (lov_duration){1, 0};
    scn_format_value(buf, sizeof buf, LOV_T_DURATION, NULL, true, v);
    ck_assert_str_eq(buf, "1 month");
    v.dur = (lov_duration){0, 1};
    scn_format_value(buf, sizeof buf, LOV_T_DURATION, NULL, true, v);
    ck_assert_str_eq(buf, "1 day");
    v.dur = (lov_duration){2, 3};
    scn_format_value(buf, sizeof buf, LOV_T_DURATION, NULL, true, v);
    ck_assert_str_eq(buf, "2 months and 3 days");
    v.enum_case = 1;
    scn_format_value(buf, sizeof buf, LOV_T_ENUM, &sats_desc, true, v);
    ck_assert_str_eq(buf, "halv");
    v.enum_case = 5;
    scn_format_value(buf, sizeof buf, LOV_T_ENUM, &sats_desc, true, v);
    ck_assert_str_eq(buf, "(case 5)");
}
END_TEST

Suite *suite_scenario_check(void)
{
    Suite *s = suite_create("scenario_check");
    TCase *tc = tcase_create("scn_check");
    tcase_add_test(tc, test_scn_check_values);
    tcase_add_test(tc, test_scn_check_tables);
    tcase_add_test(tc, test_scn_check_external_answers);
    tcase_add_test(tc, test_scn_store_load);
    tcase_add_test(tc, test_scn_format_value);
    suite_add_tcase(s, tc);
    return s;
}

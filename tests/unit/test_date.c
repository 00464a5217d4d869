/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for calendar dates, durations and the date literal
 * (runtime/core/lov_date.h, lov_duration.h, date_text.c). */
#include <stdint.h>
#include <string.h>

#include "core/lov.h"
#include "suites.h"

/* The day number of a date the test knows to exist. */
static lov_date ymd(int32_t y, int m, int d)
{
    lov_date r = 0;
    ck_assert_msg(lov_date_from_ymd(y, m, d, &r), "%04d-%02d-%02d should exist", (int)y, m, d);
    return r;
}

/* Asserts that date is y-m-d. */
static void assert_ymd(lov_date date, int32_t y, int m, int d)
{
    int32_t gy;
    int gm, gd;
    lov_date_to_ymd(date, &gy, &gm, &gd);
    ck_assert_msg(gy == y && gm == m && gd == d, "got %04d-%02d-%02d, expected %04d-%02d-%02d",
                  (int)gy, gm, gd, (int)y, m, d);
}

START_TEST(test_lov_is_leap_year)
{
    ck_assert(!lov_is_leap_year(1900));
    ck_assert(lov_is_leap_year(2000));
    ck_assert(lov_is_leap_year(2024));
    ck_assert(!lov_is_leap_year(2100));
    ck_assert(!lov_is_leap_year(2023));
    ck_assert(lov_is_leap_year(1600));
    ck_assert(lov_is_leap_year(4));
    ck_assert(!lov_is_leap_year(1));
}
END_TEST

START_TEST(test_lov_days_in_month)
{
    ck_assert_int_eq(lov_days_in_month(2024, 2), 29);
    ck_assert_int_eq(lov_days_in_month(2023, 2), 28);
    ck_assert_int_eq(lov_days_in_month(1900, 2), 28);
    ck_assert_int_eq(lov_days_in_month(2000, 2), 29);
    ck_assert_int_eq(lov_days_in_month(2021, 1), 31);
    ck_assert_int_eq(lov_days_in_month(2021, 4), 30);
    ck_assert_int_eq(lov_days_in_month(2021, 12), 31);
    ck_assert_int_eq(lov_days_in_month(2021, 0), 0);
    ck_assert_int_eq(lov_days_in_month(2021, 13), 0);
}
END_TEST

START_TEST(test_lov_date_from_ymd)
{
    lov_date d = 12345;
    ck_assert_int_eq(ymd(1970, 1, 1), 0);
    ck_assert_int_eq(ymd(1969, 12, 31), -1);
    ck_assert_int_eq(ymd(1, 1, 1), -719162);
    ck_assert_int_eq(ymd(1, 1, 1), LOV_DATE_MIN);
    ck_assert_int_eq(ymd(9999, 12, 31), 2932896);
    ck_assert_int_eq(ymd(9999, 12, 31), LOV_DATE_MAX);
    ck_assert_int_eq(ymd(2000, 3, 1), 11017);
    ck_assert_int_eq(ymd(2020, 4, 1), 18353);
    ck_assert(!lov_date_from_ymd(2021, 2, 29, &d));
    ck_assert(!lov_date_from_ymd(1900, 2, 29, &d));
    ck_assert(!lov_date_from_ymd(2021, 4, 31, &d));
    ck_assert(!lov_date_from_ymd(2020, 13, 1, &d));
    ck_assert(!lov_date_from_ymd(2020, 0, 10, &d));
    ck_assert(!lov_date_from_ymd(2020, 1, 0, &d));
    ck_assert(!lov_date_from_ymd(0, 12, 31, &d));
    ck_assert(!lov_date_from_ymd(10000, 1, 1, &d));
    ck_assert(!lov_date_from_ymd(INT32_MIN, 1, 1, &d));
    ck_assert_int_eq(d, 12345);  /* untouched on failure */
}
END_TEST

/* Every day of 1599-2401: ymd -> day number gives consecutive numbers, and
 * day number -> ymd gives the date back. Spans two 400-year cycles and the
 * non-leap centuries 1700, 1800, 1900, 2100, 2200, 2300. */
START_TEST(test_lov_date_to_ymd)
{
    lov_date expected = ymd(1599, 1, 1);
    ck_assert_int_eq(expected, -135505);
    for (int32_t y = 1599; y <= 2401; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= lov_days_in_month(y, m); d++) {
                lov_date n;
                ck_assert(lov_date_from_ymd(y, m, d, &n));
                ck_assert_int_eq(n, expected);
                int32_t gy;
                int gm, gd;
                lov_date_to_ymd(n, &gy, &gm, &gd);
                ck_assert(gy == y && gm == m && gd == d);
                expected++;
            }
    ck_assert_int_eq(expected - 1, 157784);  /* 2401-12-31 */
    assert_ymd(LOV_DATE_MIN, 1, 1, 1);
    assert_ymd(LOV_DATE_MAX, 9999, 12, 31);
    /* Outside the valid range the proleptic calendar still answers. */
    assert_ymd(LOV_DATE_MIN - 1, 0, 12, 31);
    assert_ymd(LOV_DATE_MAX + 1, 10000, 1, 1);
    assert_ymd(LOV_DATE_MIN - 366, 0, 1, 1);  /* year 0 is a leap year */
}
END_TEST

START_TEST(test_lov_date_year_month_day)
{
    lov_date d = ymd(2024, 2, 29);
    ck_assert_int_eq(lov_date_year(d), 2024);
    ck_assert_int_eq(lov_date_month(d), 2);
    ck_assert_int_eq(lov_date_day(d), 29);
}
END_TEST

START_TEST(test_lov_date_weekday)
{
    ck_assert_int_eq(lov_date_weekday(ymd(2020, 4, 1)), 3);   /* Wednesday */
    ck_assert_int_eq(lov_date_weekday(ymd(1970, 1, 1)), 4);   /* Thursday */
    ck_assert_int_eq(lov_date_weekday(ymd(2024, 12, 29)), 7); /* Sunday */
    ck_assert_int_eq(lov_date_weekday(ymd(2024, 12, 30)), 1); /* Monday */
    ck_assert_int_eq(lov_date_weekday(ymd(1, 1, 1)), 1);
    ck_assert_int_eq(lov_date_weekday(ymd(9999, 12, 31)), 5);
    ck_assert_int_eq(lov_date_weekday(ymd(1969, 12, 29)), 1);
}
END_TEST

START_TEST(test_lov_date_add_days)
{
    lov_date r = 777;
    ck_assert_int_eq(lov_date_add_days(ymd(2020, 2, 28), 1, &r), LOV_OK);
    assert_ymd(r, 2020, 2, 29);
    ck_assert_int_eq(lov_date_add_days(ymd(2021, 3, 1), -1, &r), LOV_OK);
    assert_ymd(r, 2021, 2, 28);
    ck_assert_int_eq(lov_date_add_days(ymd(2020, 1, 1), 366, &r), LOV_OK);
    assert_ymd(r, 2021, 1, 1);
    ck_assert_int_eq(lov_date_add_days(LOV_DATE_MIN, LOV_DATE_MAX - (int64_t)LOV_DATE_MIN, &r), LOV_OK);
    ck_assert_int_eq(r, LOV_DATE_MAX);

    r = 777;
    ck_assert_int_eq(lov_date_add_days(ymd(9999, 12, 31), 1, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_date_add_days(ymd(1, 1, 1), -1, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_date_add_days(0, INT64_MAX, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_date_add_days(0, INT64_MIN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_date_add_days(LOV_DATE_MAX + 1, -1, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(r, 777);
}
END_TEST

START_TEST(test_lov_date_add_months)
{
    lov_date r;
    /* Jan 31 + 1 month in a leap year and a non-leap year, both rules. */
    ck_assert_int_eq(lov_date_add_months(ymd(2020, 1, 31), 1, LOV_MONTH_END_CLAMP, &r), LOV_OK);
    assert_ymd(r, 2020, 2, 29);
    ck_assert_int_eq(lov_date_add_months(ymd(2020, 1, 31), 1, LOV_MONTH_END_OVERFLOW, &r), LOV_OK);
    assert_ymd(r, 2020, 3, 2);
    ck_assert_int_eq(lov_date_add_months(ymd(2021, 1, 31), 1, LOV_MONTH_END_CLAMP, &r), LOV_OK);
    assert_ymd(r, 2021, 2, 28);
    ck_assert_int_eq(lov_date_add_months(ymd(2021, 1, 31), 1, LOV_MONTH_END_OVERFLOW, &r), LOV_OK);
    assert_ymd(r, 2021, 3, 3);

    /* Feb 29 + 1 year (12 months). */
    ck_assert_int_eq(lov_date_add_months(ymd(2024, 2, 29), 12, LOV_MONTH_END_CLAMP, &r), LOV_OK);
    assert_ymd(r, 2025, 2, 28);
    ck_assert_int_eq(lov_date_add_months(ymd(2024, 2, 29), 12, LOV_MONTH_END_OVERFLOW, &r), LOV_OK);
    assert_ymd(r, 2025, 3, 1);
    ck_assert_int_eq(lov_date_add_months(ymd(2024, 2, 29), 48, LOV_MONTH_END_OVERFLOW, &r), LOV_OK);
    assert_ymd(r, 2028, 2, 29);

    /* Mar 31 - 1 month. */
    ck_assert_int_eq(lov_date_add_months(ymd(2021, 3, 31), -1, LOV_MONTH_END_CLAMP, &r), LOV_OK);
    assert_ymd(r, 2021, 2, 28);
    ck_assert_int_eq(lov_date_add_months(ymd(2021, 3, 31), -1, LOV_MONTH_END_OVERFLOW, &r), LOV_OK);
    assert_ymd(r, 2021, 3, 3);
    ck_assert_int_eq(lov_date_add_months(ymd(2020, 3, 31), -1, LOV_MONTH_END_CLAMP, &r), LOV_OK);
    assert_ymd(r, 2020, 2, 29);

    /* Across year boundaries, and days that exist everywhere. */
    ck_assert_int_eq(lov_date_add_months(ymd(2021, 1, 15), -1, LOV_MONTH_END_CLAMP, &r), LOV_OK);
    assert_ymd(r, 2020, 12, 15);
    ck_assert_int_eq(lov_date_add_months(ymd(2020, 11, 30), 3, LOV_MONTH_END_CLAMP, &r), LOV_OK);
    assert_ymd(r, 2021, 2, 28);
    ck_assert_int_eq(lov_date_add_months(ymd(2020, 5, 10), -125, LOV_MONTH_END_OVERFLOW, &r), LOV_OK);
    assert_ymd(r, 2009, 12, 10);
    ck_assert_int_eq(lov_date_add_months(ymd(2020, 5, 10), 0, LOV_MONTH_END_CLAMP, &r), LOV_OK);
    assert_ymd(r, 2020, 5, 10);
    ck_assert_int_eq(lov_date_add_months(ymd(1, 1, 31), 12 * 9998 + 11, LOV_MONTH_END_CLAMP, &r), LOV_OK);
    assert_ymd(r, 9999, 12, 31);
    ck_assert_int_eq(lov_date_add_months(ymd(9999, 10, 31), 1, LOV_MONTH_END_OVERFLOW, &r), LOV_OK);
    assert_ymd(r, 9999, 12, 1);

    r = 777;
    ck_assert_int_eq(lov_date_add_months(ymd(9999, 12, 1), 1, LOV_MONTH_END_CLAMP, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_date_add_months(ymd(1, 1, 31), -1, LOV_MONTH_END_CLAMP, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_date_add_months(0, INT64_MAX, LOV_MONTH_END_CLAMP, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_date_add_months(0, INT64_MIN, LOV_MONTH_END_CLAMP, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_date_add_months(LOV_DATE_MIN - 1, 1, LOV_MONTH_END_CLAMP, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(lov_date_add_months(0, 1, (lov_month_end)7, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(r, 777);
}
END_TEST

/* + 12 months is + 1 year, under both rules, for every day of 2019-2021. */
START_TEST(test_lov_date_add_months_year)
{
    lov_duration year;
    ck_assert_int_eq(lov_duration_years(1, &year), LOV_OK);
    for (lov_date d = ymd(2019, 1, 1); d <= ymd(2021, 12, 31); d++)
        for (int rule = LOV_MONTH_END_CLAMP; rule <= LOV_MONTH_END_OVERFLOW; rule++) {
            lov_date a, b;
            ck_assert_int_eq(lov_date_add_months(d, 12, (lov_month_end)rule, &a), LOV_OK);
            ck_assert_int_eq(lov_date_add_duration(d, year, (lov_month_end)rule, &b), LOV_OK);
            ck_assert_int_eq(a, b);
            ck_assert_int_eq(lov_date_day(a) == lov_date_day(d) || lov_date_month(d) == 2, 1);
        }
}
END_TEST

START_TEST(test_lov_date_days_between)
{
    ck_assert_int_eq(lov_date_days_between(ymd(2020, 1, 1), ymd(2021, 1, 1)), 366);
    ck_assert_int_eq(lov_date_days_between(ymd(2021, 1, 1), ymd(2020, 1, 1)), -366);
    ck_assert_int_eq(lov_date_days_between(ymd(2021, 1, 1), ymd(2021, 1, 1)), 0);
    ck_assert_int_eq(lov_date_days_between(LOV_DATE_MIN, LOV_DATE_MAX), 3652058);
}
END_TEST

START_TEST(test_lov_date_months_between)
{
    ck_assert_int_eq(lov_date_months_between(ymd(2020, 1, 31), ymd(2020, 2, 29)), 1);
    ck_assert_int_eq(lov_date_months_between(ymd(2020, 1, 31), ymd(2020, 2, 28)), 0);
    ck_assert_int_eq(lov_date_months_between(ymd(2020, 1, 15), ymd(2020, 2, 14)), 0);
    ck_assert_int_eq(lov_date_months_between(ymd(2020, 1, 15), ymd(2020, 2, 15)), 1);
    ck_assert_int_eq(lov_date_months_between(ymd(2020, 1, 15), ymd(2020, 1, 15)), 0);
    ck_assert_int_eq(lov_date_months_between(ymd(2020, 1, 31), ymd(2020, 4, 30)), 3);
    ck_assert_int_eq(lov_date_months_between(ymd(2021, 1, 31), ymd(2021, 2, 28)), 1);
    ck_assert_int_eq(lov_date_months_between(ymd(2020, 2, 29), ymd(2021, 2, 28)), 12);
    ck_assert_int_eq(lov_date_months_between(ymd(2019, 4, 2), ymd(2020, 4, 1)), 11);
    ck_assert_int_eq(lov_date_months_between(ymd(2019, 4, 2), ymd(2020, 4, 2)), 12);
    ck_assert_int_eq(lov_date_months_between(LOV_DATE_MIN, LOV_DATE_MAX), 119987);
    /* b before a: still the largest n with a + n months <= b, so it rounds
     * down (2022-06-01 - 1 month = 2022-05-01 <= 2022-05-31), not toward 0. */
    ck_assert_int_eq(lov_date_months_between(ymd(2022, 6, 1), ymd(2022, 5, 31)), -1);
    ck_assert_int_eq(lov_date_months_between(ymd(2020, 2, 29), ymd(2020, 1, 31)), -1);
    ck_assert_int_eq(lov_date_months_between(ymd(2020, 2, 14), ymd(2020, 1, 15)), -1);
    ck_assert_int_eq(lov_date_months_between(ymd(2020, 2, 14), ymd(2020, 1, 14)), -1);
    ck_assert_int_eq(lov_date_months_between(ymd(2020, 2, 14), ymd(2020, 1, 13)), -2);
    ck_assert_int_eq(lov_date_months_between(ymd(2021, 3, 15), ymd(2020, 3, 16)), -12);
    ck_assert_int_eq(lov_date_months_between(ymd(2021, 3, 15), ymd(2020, 3, 15)), -12);
    ck_assert_int_eq(lov_date_months_between(ymd(2021, 3, 15), ymd(2020, 3, 14)), -13);
}
END_TEST

/* The defining property, checked for all pairs in a window around a leap
 * February, either way round: a + n months <= b < a + (n + 1) months
 * (tests/unit/test_calendar.c checks every pair of days of 2019-2025). */
START_TEST(test_lov_date_months_between_definition)
{
    lov_date lo = ymd(2019, 11, 25), hi = ymd(2020, 5, 5);
    for (lov_date a = lo; a <= hi; a++)
        for (lov_date b = lo; b <= hi; b++) {
            int64_t n = lov_date_months_between(a, b);
            lov_date at, next;
            ck_assert(b < a ? n < 0 : n >= 0);
            ck_assert_int_eq(lov_date_add_months(a, n, LOV_MONTH_END_CLAMP, &at), LOV_OK);
            ck_assert_int_eq(lov_date_add_months(a, n + 1, LOV_MONTH_END_CLAMP, &next), LOV_OK);
            ck_assert(at <= b && b < next);
        }
}
END_TEST

START_TEST(test_lov_date_month_start)
{
    assert_ymd(lov_date_month_start(ymd(2024, 2, 15)), 2024, 2, 1);
    assert_ymd(lov_date_month_start(ymd(2024, 2, 1)), 2024, 2, 1);
    assert_ymd(lov_date_month_start(LOV_DATE_MIN), 1, 1, 1);
}
END_TEST

START_TEST(test_lov_date_month_end)
{
    assert_ymd(lov_date_month_end(ymd(2024, 2, 15)), 2024, 2, 29);
    assert_ymd(lov_date_month_end(ymd(2023, 2, 1)), 2023, 2, 28);
    assert_ymd(lov_date_month_end(ymd(2023, 12, 31)), 2023, 12, 31);
    assert_ymd(lov_date_month_end(ymd(9999, 12, 5)), 9999, 12, 31);
}
END_TEST

START_TEST(test_lov_date_next_month_start)
{
    lov_date r;
    ck_assert_int_eq(lov_date_next_month_start(ymd(2020, 12, 15), &r), LOV_OK);
    assert_ymd(r, 2021, 1, 1);
    ck_assert_int_eq(lov_date_next_month_start(ymd(2020, 1, 31), &r), LOV_OK);
    assert_ymd(r, 2020, 2, 1);
    ck_assert_int_eq(lov_date_next_month_start(ymd(2020, 2, 1), &r), LOV_OK);
    assert_ymd(r, 2020, 3, 1);
    ck_assert_int_eq(lov_date_next_month_start(ymd(9999, 12, 15), &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_date_next_month_start(LOV_DATE_MAX + 1, &r), LOV_INVALID_INPUT);
}
END_TEST

START_TEST(test_lov_date_year_start)
{
    assert_ymd(lov_date_year_start(ymd(2020, 12, 15)), 2020, 1, 1);
    assert_ymd(lov_date_year_start(ymd(2020, 1, 1)), 2020, 1, 1);
    assert_ymd(lov_date_year_end(ymd(2020, 2, 29)), 2020, 12, 31);
}
END_TEST

START_TEST(test_lov_duration_make)
{
    lov_duration d = { 5, 5 };
    ck_assert_int_eq(lov_duration_make(3, -4, &d), LOV_OK);
    ck_assert(d.months == 3 && d.days == -4);
    ck_assert_int_eq(lov_duration_weeks(2, &d), LOV_OK);
    ck_assert(d.months == 0 && d.days == 14);
    ck_assert_int_eq(lov_duration_years(2, &d), LOV_OK);
    ck_assert(d.months == 24 && d.days == 0);
    ck_assert_int_eq(lov_duration_months(-7, &d), LOV_OK);
    ck_assert(d.months == -7 && d.days == 0);
    ck_assert_int_eq(lov_duration_days(INT32_MIN, &d), LOV_OK);
    ck_assert(d.days == INT32_MIN);
    ck_assert_int_eq(lov_duration_days((int64_t)INT32_MAX + 1, &d), LOV_OVERFLOW);
    ck_assert_int_eq(lov_duration_weeks(INT32_MAX / 7 + 1, &d), LOV_OVERFLOW);
    ck_assert_int_eq(lov_duration_years(INT32_MIN / 12 - 1, &d), LOV_OVERFLOW);
    ck_assert(d.days == INT32_MIN);  /* untouched on failure */
}
END_TEST

START_TEST(test_lov_duration_arith)
{
    lov_duration a = { 1, 10 }, b = { 11, -3 }, r;
    ck_assert_int_eq(lov_duration_add(a, b, &r), LOV_OK);
    ck_assert(r.months == 12 && r.days == 7);
    ck_assert_int_eq(lov_duration_neg(b, &r), LOV_OK);
    ck_assert(r.months == -11 && r.days == 3);
    ck_assert_int_eq(lov_duration_mul(a, -3, &r), LOV_OK);
    ck_assert(r.months == -3 && r.days == -30);
    ck_assert(lov_duration_eq(a, a) && !lov_duration_eq(a, b));

    lov_duration big = { INT32_MAX, 0 }, low = { 0, INT32_MIN }, zero = { 0, 0 };
    ck_assert_int_eq(lov_duration_add(big, a, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_duration_neg(low, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_duration_mul(big, 2, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_duration_mul(a, INT64_MIN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_duration_mul(zero, INT64_MAX, &r), LOV_OK);
    ck_assert(r.months == 0 && r.days == 0);
}
END_TEST

START_TEST(test_lov_date_add_duration)
{
    lov_duration d = { 1, 1 }, two_weeks;
    lov_date r;
    ck_assert_int_eq(lov_date_add_duration(ymd(2021, 1, 31), d, LOV_MONTH_END_CLAMP, &r), LOV_OK);
    assert_ymd(r, 2021, 3, 1);
    ck_assert_int_eq(lov_date_add_duration(ymd(2021, 1, 31), d, LOV_MONTH_END_OVERFLOW, &r), LOV_OK);
    assert_ymd(r, 2021, 3, 4);
    ck_assert_int_eq(lov_duration_weeks(2, &two_weeks), LOV_OK);
    ck_assert_int_eq(lov_date_add_duration(ymd(2020, 12, 25), two_weeks, LOV_MONTH_END_CLAMP, &r), LOV_OK);
    assert_ymd(r, 2021, 1, 8);

    lov_duration back = { 1, -30 };
    /* The months step must stay in range even if the days would return. */
    ck_assert_int_eq(lov_date_add_duration(ymd(9999, 12, 15), back, LOV_MONTH_END_CLAMP, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_date_add_duration(ymd(9999, 12, 15), d, LOV_MONTH_END_CLAMP, &r), LOV_OVERFLOW);
}
END_TEST

START_TEST(test_lov_date_sub_duration)
{
    lov_duration d = { 1, 1 }, extreme = { INT32_MIN, INT32_MIN };
    lov_date r;
    ck_assert_int_eq(lov_date_sub_duration(ymd(2021, 3, 31), d, LOV_MONTH_END_CLAMP, &r), LOV_OK);
    assert_ymd(r, 2021, 2, 27);
    ck_assert_int_eq(lov_date_sub_duration(ymd(2021, 3, 31), d, LOV_MONTH_END_OVERFLOW, &r), LOV_OK);
    assert_ymd(r, 2021, 3, 2);
    ck_assert_int_eq(lov_date_sub_duration(ymd(2021, 1, 1), extreme, LOV_MONTH_END_CLAMP, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_date_sub_duration(ymd(1, 1, 1), d, LOV_MONTH_END_CLAMP, &r), LOV_OVERFLOW);
}
END_TEST

/* Parses the NUL-terminated s and returns the code. */
static int parse(const char *s, lov_date *out)
{
    return lov_date_parse(s, strlen(s), out);
}

/* The explained message for s, in a static buffer. */
static const char *explain(const char *s)
{
    static char buf[160];
    lov_date_parse_explain(s, strlen(s), buf, sizeof buf);
    return buf;
}

START_TEST(test_lov_date_parse)
{
    lov_date d = 777;
    ck_assert_int_eq(parse("2021-03-15", &d), LOV_DATE_PARSE_OK);
    assert_ymd(d, 2021, 3, 15);
    ck_assert_int_eq(parse("0001-01-01", &d), LOV_DATE_PARSE_OK);
    ck_assert_int_eq(d, LOV_DATE_MIN);
    ck_assert_int_eq(parse("9999-12-31", &d), LOV_DATE_PARSE_OK);
    ck_assert_int_eq(d, LOV_DATE_MAX);
    ck_assert_int_eq(parse("2024-02-29", &d), LOV_DATE_PARSE_OK);
    assert_ymd(d, 2024, 2, 29);
    /* Only len characters are read: no NUL needed after them. */
    ck_assert_int_eq(lov_date_parse("2020-04-01xyz", 10, &d), LOV_DATE_PARSE_OK);
    ck_assert_int_eq(d, 18353);
    ck_assert_str_eq(explain("2020-04-01"), "");

    d = 777;
    ck_assert_int_eq(parse("2021-02-29", &d), LOV_DATE_ERR_NO_SUCH_DAY);
    ck_assert_str_eq(lov_date_parse_error(LOV_DATE_ERR_NO_SUCH_DAY), "that day does not exist in that month");
    ck_assert_str_eq(explain("2021-02-29"),
                     "that day does not exist in that month (February 2021 has 28 days)");
    ck_assert_str_eq(explain("2021-04-31"),
                     "that day does not exist in that month (April 2021 has 30 days)");
    ck_assert_int_eq(parse("2020-13-01", &d), LOV_DATE_ERR_MONTH_RANGE);
    ck_assert_str_eq(explain("2020-13-01"), "the month must be from 01 to 12");
    ck_assert_int_eq(parse("2020-00-01", &d), LOV_DATE_ERR_MONTH_RANGE);
    ck_assert_int_eq(parse("2020-1-01", &d), LOV_DATE_ERR_MONTH_DIGITS);
    ck_assert_str_eq(explain("2020-1-01"), "the month must have two digits, for example 03 for March");
    ck_assert_int_eq(parse("", &d), LOV_DATE_ERR_EMPTY);
    ck_assert_str_eq(explain(""), "the date is empty; write it as YYYY-MM-DD, for example 2021-03-15");
    ck_assert_int_eq(parse("2021-03-15x", &d), LOV_DATE_ERR_TRAILING);
    ck_assert_int_eq(parse("2021-03-15 ", &d), LOV_DATE_ERR_TRAILING);
    ck_assert_int_eq(parse("2021-03-150", &d), LOV_DATE_ERR_DAY_DIGITS);
    ck_assert_str_eq(explain("2021-03-15 and more"), "there is extra text after the date");
    ck_assert_int_eq(parse("0000-01-01", &d), LOV_DATE_ERR_YEAR_RANGE);
    ck_assert_str_eq(explain("0000-01-01"), "the year must be from 0001 to 9999");
    ck_assert_int_eq(parse("2021-03-32", &d), LOV_DATE_ERR_DAY_RANGE);
    ck_assert_int_eq(parse("2021-03-00", &d), LOV_DATE_ERR_DAY_RANGE);
    ck_assert_str_eq(explain("2021-03-00"), "the day must be from 01 to 31");
    ck_assert_int_eq(parse("2021-03-5", &d), LOV_DATE_ERR_DAY_DIGITS);
    ck_assert_int_eq(parse("21-03-15", &d), LOV_DATE_ERR_YEAR_DIGITS);
    ck_assert_int_eq(parse("12021-03-15", &d), LOV_DATE_ERR_YEAR_DIGITS);
    ck_assert_int_eq(parse("-2021-03-15", &d), LOV_DATE_ERR_YEAR_DIGITS);
    ck_assert_int_eq(parse(" 2021-03-15", &d), LOV_DATE_ERR_YEAR_DIGITS);
    ck_assert_str_eq(explain("15.03.2021"),
                     "the year must have four digits; write the date as YYYY-MM-DD, for example 2021-03-15");
    ck_assert_int_eq(parse("2021/03/15", &d), LOV_DATE_ERR_SEPARATOR);
    ck_assert_int_eq(parse("2021", &d), LOV_DATE_ERR_SEPARATOR);
    ck_assert_int_eq(parse("2021-03", &d), LOV_DATE_ERR_SEPARATOR);
    ck_assert_int_eq(parse("2021-03-", &d), LOV_DATE_ERR_DAY_DIGITS);
    ck_assert_int_eq(d, 777);  /* untouched on every error */
    ck_assert_str_eq(lov_date_parse_error(999), "unknown date error");
}
END_TEST

START_TEST(test_lov_date_format)
{
    char buf[LOV_DATE_BUFSIZE];
    ck_assert_uint_eq(lov_date_format(ymd(2021, 3, 5), buf), 10);
    ck_assert_str_eq(buf, "2021-03-05");
    lov_date_format(LOV_DATE_MIN, buf);
    ck_assert_str_eq(buf, "0001-01-01");
    lov_date_format(LOV_DATE_MAX, buf);
    ck_assert_str_eq(buf, "9999-12-31");
    lov_date_format(0, buf);
    ck_assert_str_eq(buf, "1970-01-01");
    ck_assert_uint_eq(lov_date_format(LOV_DATE_MAX + 1, buf), 7);
    ck_assert_str_eq(buf, "invalid");
    /* Format then parse gives the same day, across four centuries. */
    for (lov_date d = ymd(1800, 1, 1); d <= ymd(2200, 12, 31); d += 13) {
        lov_date back;
        lov_date_format(d, buf);
        ck_assert_int_eq(lov_date_parse(buf, 10, &back), LOV_DATE_PARSE_OK);
        ck_assert_int_eq(back, d);
    }
}
END_TEST

Suite *suite_date(void)
{
    Suite *s = suite_create("date");
    struct {
        const char *name;
        const TTest *test;
    } cases[] = {
        { "lov_is_leap_year", test_lov_is_leap_year },
        { "lov_days_in_month", test_lov_days_in_month },
        { "lov_date_from_ymd", test_lov_date_from_ymd },
        { "lov_date_to_ymd", test_lov_date_to_ymd },
        { "lov_date_year_month_day", test_lov_date_year_month_day },
        { "lov_date_weekday", test_lov_date_weekday },
        { "lov_date_add_days", test_lov_date_add_days },
        { "lov_date_add_months", test_lov_date_add_months },
        { "lov_date_add_months_year", test_lov_date_add_months_year },
        { "lov_date_days_between", test_lov_date_days_between },
        { "lov_date_months_between", test_lov_date_months_between },
        { "lov_date_months_between_definition", test_lov_date_months_between_definition },
        { "lov_date_month_start", test_lov_date_month_start },
        { "lov_date_month_end", test_lov_date_month_end },
        { "lov_date_next_month_start", test_lov_date_next_month_start },
        { "lov_date_year_start", test_lov_date_year_start },
        { "lov_duration_make", test_lov_duration_make },
        { "lov_duration_arith", test_lov_duration_arith },
        { "lov_date_add_duration", test_lov_date_add_duration },
        { "lov_date_sub_duration", test_lov_date_sub_duration },
        { "lov_date_parse", test_lov_date_parse },
        { "lov_date_format", test_lov_date_format },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TCase *tc = tcase_create(cases[i].name);
        tcase_add_test(tc, cases[i].test);
        suite_add_tcase(s, tc);
    }
    return s;
}

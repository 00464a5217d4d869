/* SPDX-License-Identifier: Apache-2.0 */
/* The calendar functions of runtime/core (what generated C calls for the
 * language's dates: docs/language.md) checked against their documented
 * definitions, for every day of 2019-2025 and, for the functions of two
 * dates, every pair of such days.
 *
 * The reference is built here from first principles and shares nothing with
 * the runtime: a walk over the days from 2010-01-01 to 2032-12-31, one at a
 * time, counting day, month and year by the lengths of the months (February
 * 29 days in years divisible by 4 but not by 100, or by 400). */

#include "core/lov.h"
#include "suites.h"

#define FIRST_YEAR 2010
#define LAST_YEAR 2032
#define YEARS (LAST_YEAR - FIRST_YEAR + 1)
#define MAX_DAYS (YEARS * 366)

typedef struct day {
    int y, m, d;
    int weekday;             /* 1 Monday .. 7 Sunday */
} day;

/* The walk: days[i] is the i-th day from 2010-01-01; index[y][m][d] is i. */
static day days[MAX_DAYS];
static int ndays;
static int index_of[YEARS][13][32];
static lov_date base;        /* the runtime's number for 2010-01-01 */
static int first, last;      /* the indexes of 2019-01-01 and 2025-12-31 */

/* A check in the loops below: Check's own ck_assert records every passing
 * check too (for the report of a crash), which costs more than the millions
 * of checks themselves. */
#define expect(cond) \
    do { \
        if (!(cond)) \
            ck_abort_msg("failed: %s", #cond); \
    } while (0)

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_length(int y, int m)
{
    static const int len[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : len[m];
}

static void walk(void)
{
    if (ndays)
        return;
    int y = FIRST_YEAR, m = 1, d = 1, wd = 5;      /* 2010-01-01 was a Friday */
    while (y <= LAST_YEAR) {
        days[ndays] = (day){y, m, d, wd};
        index_of[y - FIRST_YEAR][m][d] = ndays;
        ndays++;
        wd = wd % 7 + 1;
        if (++d > month_length(y, m)) {
            d = 1;
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
    }
    ck_assert(lov_date_from_ymd(FIRST_YEAR, 1, 1, &base));
    first = index_of[2019 - FIRST_YEAR][1][1];
    last = index_of[2025 - FIRST_YEAR][12][31];
}

static lov_date date_at(int i)
{
    return (lov_date)(base + i);
}

static int at(int y, int m, int d)
{
    expect(y >= FIRST_YEAR && y <= LAST_YEAR);
    return index_of[y - FIRST_YEAR][m][d];
}

/* The reference of 'date + n months': the day of the month n months on, or,
 * when that month is shorter, its last day (clamp) or as many days into the
 * next month as are missing (overflow). */
static int months_on(int i, int n, bool clamp)
{
    int total = days[i].y * 12 + (days[i].m - 1) + n;
    int y = total / 12, m = total % 12 + 1, d = days[i].d;
    int len = month_length(y, m);
    if (d <= len)
        return at(y, m, d);
    return clamp ? at(y, m, len) : at(y, m, len) + (d - len);
}

/* Every day: its number, its parts, its weekday, the start and end of its
 * month and year, and the next month's start. */
START_TEST(test_calendar_every_day)
{
    walk();
    for (int i = first; i <= last; i++) {
        const day *x = &days[i];
        lov_date t = date_at(i), made = 0;
        expect(lov_date_from_ymd(x->y, x->m, x->d, &made));
        expect(made == t);
        int32_t y = 0;
        int m = 0, d = 0;
        lov_date_to_ymd(t, &y, &m, &d);
        expect(y == x->y && m == x->m && d == x->d);
        expect(lov_date_year_of(t) == x->y);
        expect(lov_date_month_of(t) == x->m);
        expect(lov_date_day_of(t) == x->d);
        expect(lov_date_weekday_of(t) == x->weekday);
        expect(lov_date_month_start(t) == date_at(at(x->y, x->m, 1)));
        expect(lov_date_month_end(t) == date_at(at(x->y, x->m, month_length(x->y, x->m))));
        lov_date next = 0;
        expect(lov_date_next_month_start(t, &next) == LOV_OK);
        expect(next == date_at(at(x->y, x->m, month_length(x->y, x->m)) + 1));
        expect(lov_date_year_start(t) == date_at(at(x->y, 1, 1)));
        expect(lov_date_year_end(t) == date_at(at(x->y, 12, 31)));
    }
}
END_TEST

/* Every day plus and minus 0 to 36 months, under both month end rules; and
 * plus and minus days and weeks. */
START_TEST(test_calendar_months_added)
{
    walk();
    for (int i = first; i <= last; i++) {
        for (int n = -36; n <= 36; n++) {
            lov_date r = 0;
            expect(lov_date_add_months(date_at(i), n, LOV_MONTH_END_CLAMP, &r) == LOV_OK);
            if (r != date_at(months_on(i, n, true)))
                ck_abort_msg("%d-%02d-%02d + %d months (clamp)", days[i].y, days[i].m, days[i].d, n);
            expect(lov_date_add_months(date_at(i), n, LOV_MONTH_END_OVERFLOW, &r) == LOV_OK);
            if (r != date_at(months_on(i, n, false)))
                ck_abort_msg("%d-%02d-%02d + %d months (overflow)", days[i].y, days[i].m, days[i].d, n);
        }
        for (int n = -400; n <= 400; n += 7) {
            lov_date r = 0;
            expect(lov_date_add_days(date_at(i), n, &r) == LOV_OK);
            expect(r == date_at(i + n));
        }
    }
}
END_TEST

/* Every pair of days: days_between is b - a in days; months_between is the
 * largest n with a + n months (clamped) <= b, negative when b is before a.
 * For each a the reference walks b upward with the n that a + n months
 * reaches (a + n months only grows with n). */
START_TEST(test_calendar_every_pair)
{
    walk();
    for (int a = first; a <= last; a++) {
        int n = -(7 * 12 + 1);                    /* a + n months is before 2019 */
        expect(months_on(a, n, true) < first);
        for (int b = first; b <= last; b++) {
            while (months_on(a, n + 1, true) <= b)
                n++;
            expect(lov_date_days_between(date_at(a), date_at(b)) == b - a);
            int64_t got = lov_date_months_between(date_at(a), date_at(b));
            if (got != n)
                ck_abort_msg("months_between(%d-%02d-%02d, %d-%02d-%02d) is %lld, by its definition %d",
                             days[a].y, days[a].m, days[a].d, days[b].y, days[b].m, days[b].d,
                             (long long)got, n);
        }
    }
}
END_TEST

Suite *suite_calendar(void)
{
    Suite *s = suite_create("calendar");
    TCase *tc = tcase_create("2019-2025");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_calendar_every_day);
    tcase_add_test(tc, test_calendar_months_added);
    tcase_add_test(tc, test_calendar_every_pair);
    suite_add_tcase(s, tc);
    return s;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Writes a module whose assertions hold exactly when the prover's calendar
 * (compiler/prove/smt_calendar.c) agrees with the runtime's (lov_date.h,
 * itself checked against the calendar's definition for every pair of days
 * of 2019-2025 by tests/unit/test_calendar.c), for a sample of dates: every
 * month end and leap day of 2019-2025 and the days beside them, and pairs
 * drawn from them. The dates are inputs, so that the prover works them out
 * with its encoding of the calendar, not from written-out dates.
 *
 *   calendar_sample clamp|overflow > FILE.lov
 *
 * tests/verify/run runs 'lovc verify' on it: every assertion must be proven. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lov.h"

static lov_date dates[400];
static int ndates;

static void add(int y, int m, int d)
{
    lov_date t;
    if (lov_date_from_ymd(y, m, d, &t))
        dates[ndates++] = t;
}

/* The sample: for every month of 2019-2025, its last day and the days on
 * either side of it. */
static void sample(void)
{
    for (int y = 2019; y <= 2025; y++)
        for (int m = 1; m <= 12; m++) {
            int last = lov_days_in_month(y, m);
            add(y, m, last - 1);
            add(y, m, last);
            add(y, m == 12 ? 1 : m, 1);
        }
}

static const char *text(lov_date t, char *buf)
{
    int32_t y = 0;
    int m = 0, d = 0;
    lov_date_to_ymd(t, &y, &m, &d);
    sprintf(buf, "%04d-%02d-%02d", (int)y, m, d);
    return buf;
}

static uint64_t rng = 0x9E3779B97F4A7C15u;

static int draw(int n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (int)(rng % (uint64_t)n);
}

int main(int argc, char **argv)
{
    if (argc != 2 || (strcmp(argv[1], "clamp") != 0 && strcmp(argv[1], "overflow") != 0)) {
        fprintf(stderr, "usage: calendar_sample clamp|overflow\n");
        return 2;
    }
    bool clamp = strcmp(argv[1], "clamp") == 0;
    lov_month_end rule = clamp ? LOV_MONTH_END_CLAMP : LOV_MONTH_END_OVERFLOW;
    sample();
    printf("# Written by tests/verify/calendar_sample: the prover's calendar against the runtime's.\n"
           "module kalender_%s\n  source k \"Kalenderen\"\n  month end rule %s\n\n"
           "input a: date\ninput b: date\ninput n: integer\n\n", argv[1], argv[1]);
    char x[16], y[16];
    int k = 0;
    /* date + n months, for month ends and their neighbours. */
    for (int i = 0; i < (clamp ? 3 : 2); i++) {
        lov_date a = dates[draw(ndates)], r;
        int n = draw(27) - 13;
        if (lov_date_add_months(a, n, rule, &r) != LOV_OK)
            continue;
        k++;
        printf("assert plus_måneder_%d according to k \"%d\"\n  always (a = %s and n = %d) implies a + n months = %s\n",
               k, k, text(a, x), n, text(r, y));
    }
    if (!clamp) {
        printf("\n");
        return 0;
    }
    /* months_between, either way round. */
    for (int i = 0; i < 4; i++) {
        lov_date a = dates[draw(ndates)], b = dates[draw(ndates)];
        if (i % 2 == 0)
            b = a + draw(5) - 2 + 31 * (draw(5) - 2);   /* near a month or two from a */
        k++;
        printf("assert måneder_imellem_%d according to k \"%d\"\n"
               "  always (a = %s and b = %s) implies months_between(a, b) = %lld\n",
               k, k, text(a, x), text(b, y), (long long)lov_date_months_between(a, b));
    }
    /* The parts of a date, its month and its year. */
    for (int i = 0; i < 1; i++) {
        lov_date a = dates[draw(ndates)];
        char s[16], e[16], ys[16], ye[16];
        k++;
        printf("assert dele_%d according to k \"%d\"\n  always a = %s implies year_of(a) = %d and month_of(a) = %d "
               "and day_of(a) = %d and weekday_of(a) = %d and month_start(a) = %s and month_end(a) = %s "
               "and year_start(a) = %s and year_end(a) = %s\n",
               k, k, text(a, x), lov_date_year(a), lov_date_month(a), lov_date_day(a), lov_date_weekday(a),
               text(lov_date_month_start(a), s), text(lov_date_month_end(a), e), text(lov_date_year_start(a), ys),
               text(lov_date_year_end(a), ye));
    }
    printf("\n");
    return 0;
}

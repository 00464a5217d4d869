/* SPDX-License-Identifier: Apache-2.0 */
/* Calendar dates: day numbers in the proleptic Gregorian calendar (the
 * Gregorian leap-year rule applied to every year, also before 1582).
 *
 * A lov_date is the number of days since 1970-01-01 (negative before it).
 * Valid dates run from 0001-01-01 (LOV_DATE_MIN) to 9999-12-31
 * (LOV_DATE_MAX); arithmetic that would leave that range returns
 * LOV_OVERFLOW, and operations given a date outside it return
 * LOV_INVALID_INPUT (or, where they return no status, state it as a
 * precondition). Day numbers make comparison and "days between" plain
 * integer operations. */
#ifndef LOV_DATE_H
#define LOV_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "lov_status.h"

typedef int32_t lov_date;

#define LOV_DATE_MIN ((lov_date)-719162)   /* 0001-01-01 */
#define LOV_DATE_MAX ((lov_date)2932896)   /* 9999-12-31 */
#define LOV_DATE_YEAR_MIN 1
#define LOV_DATE_YEAR_MAX 9999

/* Day arithmetic is done in int64 so that no intermediate can overflow. */
#define LOV_DAYS_0001_TO_1970 INT64_C(719162)  /* days from 0001-01-01 to 1970-01-01 */
#define LOV_DAYS_PER_400_YEARS INT64_C(146097)

/* How adding months treats a day that the target month lacks (the 29th-31st).
 *   CLAMP:    the day becomes the month's last day:
 *             2021-01-31 + 1 month = 2021-02-28, 2024-02-29 + 1 year = 2025-02-28.
 *   OVERFLOW: the surplus days roll over into the following month:
 *             2021-01-31 + 1 month = 2021-03-03, 2024-02-29 + 1 year = 2025-03-01.
 * Both agree whenever the day exists in the target month. */
typedef enum lov_month_end {
    LOV_MONTH_END_CLAMP,
    LOV_MONTH_END_OVERFLOW
} lov_month_end;

/* Floor division and its non-negative remainder, for b > 0: the calendar
 * cycles must count backwards correctly before year 1 as well. */
static inline int64_t lov_floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b < 0) ? q - 1 : q;
}

static inline int64_t lov_floor_mod(int64_t a, int64_t b)
{
    int64_t r = a % b;
    return r < 0 ? r + b : r;
}

/* True for Gregorian leap years: divisible by 4, except centuries that are
 * not divisible by 400 (1900 no, 2000 yes). */
static inline bool lov_is_leap_year(int32_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m (1-12) of year y; 0 when m is not a month. */
static inline int lov_days_in_month(int32_t y, int m)
{
    static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && lov_is_leap_year(y) ? 29 : days[m - 1];
}

/* Days in the year y before the first day of month m (1-12). */
static inline int lov_days_before_month(int32_t y, int m)
{
    static const short before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
    return before[m - 1] + (m > 2 && lov_is_leap_year(y));
}

/* True when d lies in 0001-01-01 .. 9999-12-31. */
static inline bool lov_date_valid(lov_date d)
{
    return d >= LOV_DATE_MIN && d <= LOV_DATE_MAX;
}

/* The day number of y-m-d into *out; false (and *out untouched) when the
 * date does not exist or lies outside 0001-01-01 .. 9999-12-31. */
static inline bool lov_date_from_ymd(int32_t y, int m, int d, lov_date *out)
{
    if (y < LOV_DATE_YEAR_MIN || y > LOV_DATE_YEAR_MAX || m < 1 || m > 12
        || d < 1 || d > lov_days_in_month(y, m))
        return false;
    int64_t prior = (int64_t)y - 1;  /* whole years before y, counted from year 1 */
    int64_t n = prior * 365 + prior / 4 - prior / 100 + prior / 400
              + lov_days_before_month(y, m) + (d - 1);
    *out = (lov_date)(n - LOV_DAYS_0001_TO_1970);
    return true;
}

/* Splits a day number into year, month (1-12) and day (1-31). Works for
 * every int32 value (the proleptic calendar extends both ways), so it also
 * describes dates outside the valid range without undefined behaviour. */
static inline void lov_date_to_ymd(lov_date date, int32_t *y, int *m, int *d)
{
    int64_t n = (int64_t)date + LOV_DAYS_0001_TO_1970;  /* days since 0001-01-01 */
    int64_t cycles = lov_floor_div(n, LOV_DAYS_PER_400_YEARS);
    int64_t rest = n - cycles * LOV_DAYS_PER_400_YEARS;  /* 0 .. 146096 */
    /* Centuries, 4-year groups and years within the cycle; the last one in
     * each may be one day longer, which the caps at 3 account for. */
    int64_t centuries = rest / 36524;
    if (centuries == 4)
        centuries = 3;
    rest -= centuries * 36524;
    int64_t quads = rest / 1461;
    rest -= quads * 1461;
    int64_t years = rest / 365;
    if (years == 4)
        years = 3;
    rest -= years * 365;  /* day of year, 0-based */
    int32_t year = (int32_t)(cycles * 400 + centuries * 100 + quads * 4 + years + 1);
    int month = 1;
    while (month < 12 && rest >= lov_days_before_month(year, month + 1))
        month++;
    *y = year;
    *m = month;
    *d = (int)(rest - lov_days_before_month(year, month)) + 1;
}

static inline int32_t lov_date_year(lov_date date)
{
    int32_t y = 0;
    int m = 0, d = 0;
    lov_date_to_ymd(date, &y, &m, &d);
    return y;
}

static inline int lov_date_month(lov_date date)
{
    int32_t y = 0;
    int m = 0, d = 0;
    lov_date_to_ymd(date, &y, &m, &d);
    return m;
}

static inline int lov_date_day(lov_date date)
{
    int32_t y = 0;
    int m = 0, d = 0;
    lov_date_to_ymd(date, &y, &m, &d);
    return d;
}

/* ISO weekday: 1 = Monday .. 7 = Sunday. 1970-01-01 was a Thursday. */
static inline int lov_date_weekday(lov_date date)
{
    return (int)lov_floor_mod((int64_t)date + 3, 7) + 1;
}

/* year_of, month_of, day_of and weekday_of of the language: lov integers.
 * Generated C compares them with 64-bit constants, which gcc's -Wtype-limits
 * would call always true if they were the narrower int. */
static inline int64_t lov_date_year_of(lov_date date) { return lov_date_year(date); }
static inline int64_t lov_date_month_of(lov_date date) { return lov_date_month(date); }
static inline int64_t lov_date_day_of(lov_date date) { return lov_date_day(date); }
static inline int64_t lov_date_weekday_of(lov_date date) { return lov_date_weekday(date); }

/* date + n days into *out. LOV_INVALID_INPUT when date is not valid,
 * LOV_OVERFLOW when the result would leave 0001-01-01 .. 9999-12-31. */
static inline lov_status lov_date_add_days(lov_date date, int64_t n, lov_date *out)
{
    const int64_t span = (int64_t)LOV_DATE_MAX - LOV_DATE_MIN;
    if (!lov_date_valid(date))
        return LOV_INVALID_INPUT;
    if (n > span || n < -span)  /* checked first so the sum below cannot overflow */
        return LOV_OVERFLOW;
    int64_t r = (int64_t)date + n;
    if (r < LOV_DATE_MIN || r > LOV_DATE_MAX)
        return LOV_OVERFLOW;
    *out = (lov_date)r;
    return LOV_OK;
}

/* date + n months (n may be negative; a year is 12 months) into *out, with
 * `rule` deciding what happens to a day the target month lacks (see
 * lov_month_end). LOV_INVALID_INPUT for an invalid date or rule,
 * LOV_OVERFLOW when the result leaves the valid range. */
static inline lov_status lov_date_add_months(lov_date date, int64_t n, lov_month_end rule, lov_date *out)
{
    if (!lov_date_valid(date) || (rule != LOV_MONTH_END_CLAMP && rule != LOV_MONTH_END_OVERFLOW))
        return LOV_INVALID_INPUT;
    if (n > INT64_C(12) * 10000 || n < INT64_C(-12) * 10000)
        return LOV_OVERFLOW;
    int32_t y = 0;
    int m = 0, d = 0;
    lov_date_to_ymd(date, &y, &m, &d);
    int64_t index = (int64_t)y * 12 + (m - 1) + n;  /* months since year 0 */
    int64_t ny = lov_floor_div(index, 12);
    int nm = (int)(index - ny * 12) + 1;
    if (ny < LOV_DATE_YEAR_MIN || ny > LOV_DATE_YEAR_MAX)
        return LOV_OVERFLOW;
    int last = lov_days_in_month((int32_t)ny, nm);
    lov_date r = 0;
    if (d <= last) {
        lov_date_from_ymd((int32_t)ny, nm, d, &r);
        *out = r;
        return LOV_OK;
    }
    lov_date_from_ymd((int32_t)ny, nm, last, &r);
    if (rule == LOV_MONTH_END_CLAMP) {
        *out = r;
        return LOV_OK;
    }
    return lov_date_add_days(r, d - last, out);
}

/* b - a in days: positive when b is later. */
static inline int64_t lov_date_days_between(lov_date a, lov_date b)
{
    return (int64_t)b - a;
}

/* Whole months from a to b: the largest n such that a + n months (CLAMP
 * rule) <= b, negative when b is before a. It rounds down, not toward zero:
 * 2022-06-01 -> 2022-05-31 is -1 (a - 1 month = 2022-05-01 <= b), not 0.
 * Examples: 2020-01-31 -> 2020-02-29 is 1 (Jan 31 + 1 month clamps to
 * Feb 29); 2020-01-15 -> 2020-02-14 is 0; 2020-02-29 -> 2020-01-31 is -1.
 * Dates must be valid. */
static inline int64_t lov_date_months_between(lov_date a, lov_date b)
{
    int32_t ya = 0, yb = 0;
    int ma = 0, mb = 0, da = 0, db = 0;
    lov_date_to_ymd(a, &ya, &ma, &da);
    lov_date_to_ymd(b, &yb, &mb, &db);
    int64_t n = ((int64_t)yb * 12 + mb) - ((int64_t)ya * 12 + ma);
    /* a + n months lands in b's month, on day min(da, last day of that
     * month); a + (n - 1) months lands in an earlier month, so it is <= b,
     * and a + (n + 1) months in a later one. a + k months grows with k. */
    int last = lov_days_in_month(yb, mb);
    int landed = da < last ? da : last;
    return landed <= db ? n : n - 1;
}

/* The first day of date's month. date must be valid. */
static inline lov_date lov_date_month_start(lov_date date)
{
    return (lov_date)((int64_t)date - (lov_date_day(date) - 1));
}

/* The last day of date's month. date must be valid. */
static inline lov_date lov_date_month_end(lov_date date)
{
    int32_t y = 0;
    int m = 0, d = 0;
    lov_date_to_ymd(date, &y, &m, &d);
    return (lov_date)((int64_t)date + (lov_days_in_month(y, m) - d));
}

/* The first day of the month after date's into *out; LOV_OVERFLOW for a
 * date in December 9999, LOV_INVALID_INPUT for an invalid date. */
static inline lov_status lov_date_next_month_start(lov_date date, lov_date *out)
{
    if (!lov_date_valid(date))
        return LOV_INVALID_INPUT;
    return lov_date_add_days(lov_date_month_end(date), 1, out);
}

/* January 1st of date's year. date must be valid. */
static inline lov_date lov_date_year_start(lov_date date)
{
    lov_date r = 0;
    lov_date_from_ymd(lov_date_year(date), 1, 1, &r);
    return r;
}

/* December 31st of date's year. date must be valid. */
static inline lov_date lov_date_year_end(lov_date date)
{
    lov_date r = 0;
    lov_date_from_ymd(lov_date_year(date), 12, 31, &r);
    return r;
}

#endif

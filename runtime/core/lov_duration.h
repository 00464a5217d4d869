/* SPDX-License-Identifier: Apache-2.0 */
/* Durations: a number of months and a number of days, kept apart because a
 * month has no fixed length. Weeks are 7 days and years 12 months, so every
 * duration of the language (days / weeks / months / years) is one of these.
 * Adding a duration to a date adds the months first, then the days. */
#ifndef LOV_DURATION_H
#define LOV_DURATION_H

#include <stdbool.h>
#include <stdint.h>

#include "lov_date.h"
#include "lov_status.h"

typedef struct lov_duration {
    int32_t months;  /* calendar months; a year is 12 */
    int32_t days;    /* days; a week is 7 */
} lov_duration;

/* The duration of `months` months and `days` days into *out; LOV_OVERFLOW
 * when either does not fit in int32. */
static inline lov_status lov_duration_make(int64_t months, int64_t days, lov_duration *out)
{
    if (months < INT32_MIN || months > INT32_MAX || days < INT32_MIN || days > INT32_MAX)
        return LOV_OVERFLOW;
    out->months = (int32_t)months;
    out->days = (int32_t)days;
    return LOV_OK;
}

/* n days, n weeks, n months, n years, each into *out, LOV_OVERFLOW when the
 * count of days or months does not fit in int32. */
static inline lov_status lov_duration_days(int64_t n, lov_duration *out)
{
    return lov_duration_make(0, n, out);
}

static inline lov_status lov_duration_weeks(int64_t n, lov_duration *out)
{
    if (n > INT32_MAX / 7 || n < INT32_MIN / 7)
        return LOV_OVERFLOW;
    return lov_duration_make(0, n * 7, out);
}

static inline lov_status lov_duration_months(int64_t n, lov_duration *out)
{
    return lov_duration_make(n, 0, out);
}

static inline lov_status lov_duration_years(int64_t n, lov_duration *out)
{
    if (n > INT32_MAX / 12 || n < INT32_MIN / 12)
        return LOV_OVERFLOW;
    return lov_duration_make(n * 12, 0, out);
}

/* True when both parts are equal. Durations are not ordered: 1 month and
 * 30 days compare differently depending on the date they are added to. */
static inline bool lov_duration_eq(lov_duration a, lov_duration b)
{
    return a.months == b.months && a.days == b.days;
}

/* a + b, part by part, into *out; LOV_OVERFLOW when a part leaves int32. */
static inline lov_status lov_duration_add(lov_duration a, lov_duration b, lov_duration *out)
{
    return lov_duration_make((int64_t)a.months + b.months, (int64_t)a.days + b.days, out);
}

/* -a into *out; LOV_OVERFLOW when a part is INT32_MIN. */
static inline lov_status lov_duration_neg(lov_duration a, lov_duration *out)
{
    return lov_duration_make(-(int64_t)a.months, -(int64_t)a.days, out);
}

/* a * k, part by part, into *out; LOV_OVERFLOW when a part leaves int32.
 * Each product is at most 2^31 * 2^63 in size, so k is bounded first. */
static inline lov_status lov_duration_mul(lov_duration a, int64_t k, lov_duration *out)
{
    if (k > INT32_MAX || k < -(int64_t)INT32_MAX) {
        if (a.months == 0 && a.days == 0) {
            out->months = 0;
            out->days = 0;
            return LOV_OK;
        }
        return LOV_OVERFLOW;
    }
    return lov_duration_make((int64_t)a.months * k, (int64_t)a.days * k, out);
}

/* Compares two durations into *out (-1, 0, 1). Durations counted in the
 * same unit (both only days, or both only months) compare by that count;
 * equal durations compare equal; any other pair (30 days against 1 month)
 * has no order, since a month has no fixed number of days:
 * LOV_INVALID_INPUT. */
static inline lov_status lov_duration_cmp(lov_duration a, lov_duration b, int *out)
{
    if (a.months == b.months && a.days == b.days) {
        *out = 0;
        return LOV_OK;
    }
    int32_t x, y;
    if (a.months == 0 && b.months == 0) {
        x = a.days;
        y = b.days;
    } else if (a.days == 0 && b.days == 0) {
        x = a.months;
        y = b.months;
    } else {
        return LOV_INVALID_INPUT;
    }
    *out = (x > y) - (x < y);
    return LOV_OK;
}

/* Is d outside 'at least lo' ('below' true) or 'at most hi' (false), as an
 * input's bound says? A duration that cannot be compared with the bound (30
 * days against a bound in months) is outside it too: invalid input. */
static inline bool lov_duration_outside(lov_duration d, lov_duration bound, bool below)
{
    int cmp = 0;
    if (lov_duration_cmp(d, bound, &cmp) != LOV_OK)
        return true;
    return below ? cmp < 0 : cmp > 0;
}

/* date + dur into *out: first dur.months by `rule`, then dur.days. The
 * date after the months must itself be valid. LOV_OVERFLOW when a step
 * leaves 0001-01-01 .. 9999-12-31, LOV_INVALID_INPUT for an invalid date
 * or rule. Example: 2021-01-31 + (1 month, 1 day) = 2021-03-01 under CLAMP. */
static inline lov_status lov_date_add_duration(lov_date date, lov_duration dur, lov_month_end rule,
                                               lov_date *out)
{
    lov_date mid = 0;
    lov_status st = lov_date_add_months(date, dur.months, rule, &mid);
    if (st != LOV_OK)
        return st;
    return lov_date_add_days(mid, dur.days, out);
}

/* date - dur into *out: adds the negated duration, so again the months
 * first, then the days: 2021-03-31 - (1 month, 1 day) = 2021-02-27 under
 * CLAMP. The parts are negated in int64, so INT32_MIN needs no care. */
static inline lov_status lov_date_sub_duration(lov_date date, lov_duration dur, lov_month_end rule,
                                               lov_date *out)
{
    lov_date mid = 0;
    lov_status st = lov_date_add_months(date, -(int64_t)dur.months, rule, &mid);
    if (st != LOV_OK)
        return st;
    return lov_date_add_days(mid, -(int64_t)dur.days, out);
}

#endif

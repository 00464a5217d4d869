/* SPDX-License-Identifier: Apache-2.0 */
/* Rounding modes. Every operation that cannot be exact (division, rounding
 * to a unit, money times a decimal) takes one explicitly: the language has
 * no default rounding, because the law always names one.
 *
 * The modes have the Java BigDecimal / IEEE 754 meanings. All four are
 * defined relative to zero, so they are symmetric: a negative value rounds
 * to the negation of what its magnitude rounds to.
 *
 *   mode        2.5   1.5   0.4   -0.4  -1.5  -2.5
 *   HALF_UP      3     2     0     0    -2    -3   nearest; ties away from zero
 *   HALF_EVEN    2     2     0     0    -2    -2   nearest; ties to the even neighbour
 *   DOWN         2     1     0     0    -1    -2   toward zero (truncation)
 *   UP           3     2     1    -1    -2    -3   away from zero
 */
#ifndef LOV_ROUNDING_H
#define LOV_ROUNDING_H

#include <stdbool.h>

#include "lov_u128.h"

typedef enum lov_rounding {
    LOV_ROUND_HALF_UP,    /* nearest, ties away from zero (commercial rounding) */
    LOV_ROUND_HALF_EVEN,  /* nearest, ties to even (banker's rounding) */
    LOV_ROUND_DOWN,       /* toward zero */
    LOV_ROUND_UP          /* away from zero */
} lov_rounding;

/* True when mode is one of the four enumerators. */
static inline bool lov_rounding_valid(lov_rounding mode)
{
    return mode == LOV_ROUND_HALF_UP || mode == LOV_ROUND_HALF_EVEN
        || mode == LOV_ROUND_DOWN || mode == LOV_ROUND_UP;
}

/* The name used in the language and in traces ("half up", ...). */
static inline const char *lov_rounding_name(lov_rounding mode)
{
    switch (mode) {
    case LOV_ROUND_HALF_UP:   return "half up";
    case LOV_ROUND_HALF_EVEN: return "half even";
    case LOV_ROUND_DOWN:      return "down";
    case LOV_ROUND_UP:        return "up";
    }
    return "unknown rounding";
}

/* Given a division of magnitudes n / d = q remainder r (0 <= r < d, d > 0),
 * true when the truncated quotient q must grow by one to round by `mode`.
 * Only magnitudes are involved because every mode is symmetric about zero;
 * `q_odd` is q's parity, which HALF_EVEN needs for ties. */
static inline bool lov_round_increments(lov_rounding mode, bool q_odd, lov_u128 r, lov_u128 d)
{
    if (lov_u128_is_zero(r))
        return false;
    /* Compare r with d - r rather than 2r with d: 2r may not fit. */
    int half = lov_u128_cmp(r, lov_u128_sub(d, r));
    switch (mode) {
    case LOV_ROUND_HALF_UP:   return half >= 0;
    case LOV_ROUND_HALF_EVEN: return half > 0 || (half == 0 && q_odd);
    case LOV_ROUND_DOWN:      return false;
    case LOV_ROUND_UP:        return true;
    }
    return false;
}

/* Rounds the quotient n / d (d != 0) of magnitudes by `mode` and gives the
 * signed result; false when it does not fit in int64. The single place where
 * money and decimal division round, so every caller rounds alike. */
static inline bool lov_div_round(bool neg, lov_u128 n, uint64_t d, lov_rounding mode, int64_t *out)
{
    lov_u128 q = { 0, 0 };
    uint64_t r = 0;
    lov_u128_divmod64(n, d, &q, &r);
    if (lov_round_increments(mode, (q.lo & 1u) != 0, lov_u128_from_u64(r), lov_u128_from_u64(d))
        && !lov_u128_add(q, lov_u128_from_u64(1), &q))
        return false;
    return lov_i64_from_magnitude(neg, q, out);
}

#endif

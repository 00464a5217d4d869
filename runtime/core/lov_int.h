/* SPDX-License-Identifier: Apache-2.0 */
/* Integers of the language: int64 arithmetic where overflow is a status,
 * never a wrapped value. gcc and clang get their overflow builtins; any
 * other C11 compiler (or -DLOV_PORTABLE_ARITH, which the tests use to
 * exercise it) gets the portable fallback, which computes the same. */
#ifndef LOV_INT_H
#define LOV_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "lov_rounding.h"
#include "lov_status.h"
#include "lov_u128.h"

#if (defined(__GNUC__) || defined(__clang__)) && !defined(LOV_PORTABLE_ARITH)
#define LOV_HAVE_OVERFLOW_BUILTINS 1
#else
#define LOV_HAVE_OVERFLOW_BUILTINS 0
#endif

/* a + b into *out; LOV_OVERFLOW (and *out untouched) when outside int64. */
static inline lov_status lov_int_add(int64_t a, int64_t b, int64_t *out)
{
#if LOV_HAVE_OVERFLOW_BUILTINS
    int64_t r = 0;
    if (__builtin_add_overflow(a, b, &r))
        return LOV_OVERFLOW;
    *out = r;
#else
    if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
        return LOV_OVERFLOW;
    *out = a + b;
#endif
    return LOV_OK;
}

/* a + b, with an overflow noted in *overflow instead of returned: for a sum
 * over a list that checks once, after the loop, rather than at every item
 * (a branch per item). The sum is then worthless and the caller reports
 * LOV_OVERFLOW. Wraps in unsigned arithmetic, so nothing is undefined. */
static inline int64_t lov_int_add_noting(int64_t a, int64_t b, bool *overflow)
{
#if LOV_HAVE_OVERFLOW_BUILTINS
    int64_t r = 0;
    *overflow |= __builtin_add_overflow(a, b, &r);
    return r;
#else
    uint64_t u = (uint64_t)a + (uint64_t)b;
    int64_t r = u <= (uint64_t)INT64_MAX ? (int64_t)u : -(int64_t)(~u) - 1;
    *overflow |= ((a ^ r) & (b ^ r)) < 0;    /* both operands differ in sign from the sum */
    return r;
#endif
}

/* a - b into *out; LOV_OVERFLOW (and *out untouched) when outside int64. */
static inline lov_status lov_int_sub(int64_t a, int64_t b, int64_t *out)
{
#if LOV_HAVE_OVERFLOW_BUILTINS
    int64_t r = 0;
    if (__builtin_sub_overflow(a, b, &r))
        return LOV_OVERFLOW;
    *out = r;
#else
    if ((b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b))
        return LOV_OVERFLOW;
    *out = a - b;
#endif
    return LOV_OK;
}

/* a * b into *out; LOV_OVERFLOW (and *out untouched) when outside int64. */
static inline lov_status lov_int_mul(int64_t a, int64_t b, int64_t *out)
{
#if LOV_HAVE_OVERFLOW_BUILTINS
    int64_t r = 0;
    if (__builtin_mul_overflow(a, b, &r))
        return LOV_OVERFLOW;
    *out = r;
    return LOV_OK;
#else
    lov_u128 mag = lov_u128_mul64(lov_i64_magnitude(a), lov_i64_magnitude(b));
    return lov_i64_from_magnitude((a < 0) != (b < 0), mag, out) ? LOV_OK : LOV_OVERFLOW;
#endif
}

/* -a into *out; LOV_OVERFLOW for INT64_MIN, whose negation does not fit. */
static inline lov_status lov_int_neg(int64_t a, int64_t *out)
{
    if (a == INT64_MIN)
        return LOV_OVERFLOW;
    *out = -a;
    return LOV_OK;
}

/* a / b rounded by `mode` into *out. LOV_OVERFLOW when b is 0 or the
 * quotient does not fit (INT64_MIN / -1); LOV_INVALID_INPUT for an unknown
 * mode. */
static inline lov_status lov_int_div(int64_t a, int64_t b, lov_rounding mode, int64_t *out)
{
    if (!lov_rounding_valid(mode))
        return LOV_INVALID_INPUT;
    if (b == 0)
        return LOV_OVERFLOW;
    int64_t r = 0;
    if (!lov_div_round((a < 0) != (b < 0), lov_u128_from_u64(lov_i64_magnitude(a)),
                       lov_i64_magnitude(b), mode, &r))
        return LOV_OVERFLOW;
    *out = r;
    return LOV_OK;
}

/* -1, 0 or 1 as a is less than, equal to or greater than b. */
static inline int lov_int_cmp(int64_t a, int64_t b)
{
    return (a > b) - (a < b);
}

#endif

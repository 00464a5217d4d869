/* SPDX-License-Identifier: Apache-2.0 */
/* Exact decimals: value = coef / 10^scale with 0 <= scale <= 18.
 *
 * Addition, subtraction, multiplication and comparison are exact: they
 * return the true value or LOV_OVERFLOW, never an approximation. The only
 * inexact operations (division, rounding, conversion to an integer) take
 * an explicit lov_rounding. Intermediates are computed in 128 bits
 * (lov_u128.h), so an operation fails only when its exact result has no
 * representation: a coefficient beyond int64, or more than 18 places. The
 * same value may be held at different scales (1.5 and 1.50); all
 * operations treat them as equal, and formatting shows the scale held. */
#ifndef LOV_DECIMAL_H
#define LOV_DECIMAL_H

#include <stdbool.h>
#include <stdint.h>

#include "lov_rounding.h"
#include "lov_status.h"
#include "lov_u128.h"

#define LOV_DEC_SCALE_MAX 18

typedef struct lov_decimal {
    int64_t coef;   /* the digits, as an integer */
    int32_t scale;  /* digits after the decimal point, 0..LOV_DEC_SCALE_MAX */
} lov_decimal;

/* True when a's scale is in 0..LOV_DEC_SCALE_MAX. */
static inline bool lov_dec_valid(lov_decimal a)
{
    return a.scale >= 0 && a.scale <= LOV_DEC_SCALE_MAX;
}

/* The integer v as a decimal of scale 0. */
static inline lov_decimal lov_dec_from_int(int64_t v)
{
    lov_decimal r = { v, 0 };
    return r;
}

/* coef / 10^scale into *out; LOV_INVALID_INPUT for a scale outside 0..18. */
static inline lov_status lov_dec_make(int64_t coef, int scale, lov_decimal *out)
{
    if (scale < 0 || scale > LOV_DEC_SCALE_MAX)
        return LOV_INVALID_INPUT;
    out->coef = coef;
    out->scale = scale;
    return LOV_OK;
}

/* Builds the decimal (neg ? -1 : 1) * mag / 10^scale (scale >= 0, up to 36
 * from a product). Keeps the scale when the coefficient fits; otherwise
 * drops trailing zeros only as far as needed to fit int64 and scale <= 18,
 * which leaves the value unchanged. LOV_OVERFLOW when no exact
 * representation exists. */
static inline lov_status lov_dec_pack(bool neg, lov_u128 mag, int scale, lov_decimal *out)
{
    int64_t coef = 0;
    while (scale > LOV_DEC_SCALE_MAX || !lov_i64_from_magnitude(neg, mag, &coef)) {
        lov_u128 q = { 0, 0 };
        uint64_t r = 0;
        if (scale == 0)
            return LOV_OVERFLOW;
        lov_u128_divmod64(mag, 10, &q, &r);
        if (r != 0)
            return LOV_OVERFLOW;
        mag = q;
        scale--;
    }
    out->coef = coef;
    out->scale = scale;
    return LOV_OK;
}

/* a with its trailing fractional zeros removed (1.500 -> 1.5, 2.00 -> 2);
 * the smallest scale that holds the value. a must be valid. */
static inline lov_decimal lov_dec_normalize(lov_decimal a)
{
    while (a.scale > 0 && a.coef % 10 == 0) {
        a.coef /= 10;
        a.scale--;
    }
    return a;
}

/* |a.coef| * 10^(scale - a.scale) for scale >= a.scale: a's magnitude at a
 * larger scale. At most (2^63) * 10^18 < 2^124, so it always fits. */
static inline lov_u128 lov_dec_magnitude_at(lov_decimal a, int scale)
{
    lov_u128 r = { 0, 0 };
    lov_u128_mul_pow10(lov_u128_from_u64(lov_i64_magnitude(a.coef)), scale - a.scale, &r);
    return r;
}

/* a + b, or a - b when subtract is true, exactly into *out. Shared by
 * lov_dec_add and lov_dec_sub so that b is never negated on its own (the
 * negation of INT64_MIN would not fit). */
static inline lov_status lov_dec_add_signed(lov_decimal a, lov_decimal b, bool subtract,
                                            lov_decimal *out)
{
    if (!lov_dec_valid(a) || !lov_dec_valid(b))
        return LOV_INVALID_INPUT;
    int scale = a.scale > b.scale ? a.scale : b.scale;
    lov_u128 ma = lov_dec_magnitude_at(a, scale);
    lov_u128 mb = lov_dec_magnitude_at(b, scale);
    bool na = a.coef < 0;
    bool nb = (b.coef < 0) != subtract;
    lov_u128 mag = { 0, 0 };
    bool neg;
    if (na == nb) {
        lov_u128_add(ma, mb, &mag);  /* both < 2^124: no carry out */
        neg = na;
    } else if (lov_u128_cmp(ma, mb) >= 0) {
        mag = lov_u128_sub(ma, mb);
        neg = na;
    } else {
        mag = lov_u128_sub(mb, ma);
        neg = nb;
    }
    return lov_dec_pack(neg, mag, scale, out);
}

/* a + b exactly into *out, at the larger of the two scales (0.1 + 0.25 =
 * 0.35). LOV_OVERFLOW when the sum has no representation, LOV_INVALID_INPUT
 * for an invalid operand. */
static inline lov_status lov_dec_add(lov_decimal a, lov_decimal b, lov_decimal *out)
{
    return lov_dec_add_signed(a, b, false, out);
}

/* a - b exactly into *out; as lov_dec_add. */
static inline lov_status lov_dec_sub(lov_decimal a, lov_decimal b, lov_decimal *out)
{
    return lov_dec_add_signed(a, b, true, out);
}

/* -a into *out; LOV_OVERFLOW when a.coef is INT64_MIN. */
static inline lov_status lov_dec_neg(lov_decimal a, lov_decimal *out)
{
    if (!lov_dec_valid(a))
        return LOV_INVALID_INPUT;
    if (a.coef == INT64_MIN)
        return LOV_OVERFLOW;
    out->coef = -a.coef;
    out->scale = a.scale;
    return LOV_OK;
}

/* a * b exactly into *out. The scale is the sum of the scales (1.5 * 0.25 =
 * 0.375); when the sum exceeds 18 or the coefficient does not fit, trailing
 * zeros are dropped first (0.5 * 2.0 may become 1.0). LOV_OVERFLOW when the
 * exact product has no representation. */
static inline lov_status lov_dec_mul(lov_decimal a, lov_decimal b, lov_decimal *out)
{
    if (!lov_dec_valid(a) || !lov_dec_valid(b))
        return LOV_INVALID_INPUT;
    lov_u128 mag = lov_u128_mul64(lov_i64_magnitude(a.coef), lov_i64_magnitude(b.coef));
    return lov_dec_pack((a.coef < 0) != (b.coef < 0), mag, a.scale + b.scale, out);
}

/* -1, 0 or 1 as a is less than, equal to or greater than b, exactly, at
 * any scales (1.5 == 1.50). Aligning is done in 128 bits, so values whose
 * aligned coefficients would not fit in int64 still compare right. Both
 * must be valid. */
static inline int lov_dec_cmp(lov_decimal a, lov_decimal b)
{
    int sa = (a.coef > 0) - (a.coef < 0);
    int sb = (b.coef > 0) - (b.coef < 0);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (sa == 0)
        return 0;
    int scale = a.scale > b.scale ? a.scale : b.scale;
    int c = lov_u128_cmp(lov_dec_magnitude_at(a, scale), lov_dec_magnitude_at(b, scale));
    return sa > 0 ? c : -c;
}

/* a / b, the exact quotient rounded by `mode` to exactly `scale` places
 * (0..18), into *out: 2 / 3 to 2 places HALF_UP = 0.67. LOV_OVERFLOW when
 * b is zero or the rounded quotient does not fit; LOV_INVALID_INPUT for an
 * invalid operand, scale or mode. */
static inline lov_status lov_dec_div(lov_decimal a, lov_decimal b, int scale, lov_rounding mode,
                                     lov_decimal *out)
{
    if (!lov_dec_valid(a) || !lov_dec_valid(b) || scale < 0 || scale > LOV_DEC_SCALE_MAX
        || !lov_rounding_valid(mode))
        return LOV_INVALID_INPUT;
    if (b.coef == 0)
        return LOV_OVERFLOW;
    /* a/b = (ca / 10^sa) / (cb / 10^sb), so the result's coefficient is
     * ca * 10^(sb + scale - sa) / cb, rounded. */
    bool neg = (a.coef < 0) != (b.coef < 0);
    uint64_t ma = lov_i64_magnitude(a.coef);
    uint64_t mb = lov_i64_magnitude(b.coef);
    int e = b.scale + scale - a.scale;  /* -18 .. 36 */
    int64_t coef = 0;
    if (e >= 0) {
        lov_u128 num = { 0, 0 };
        /* A numerator beyond 128 bits over a divisor below 2^64 gives a
         * quotient beyond 2^64: overflow either way. */
        if (!lov_u128_mul_pow10(lov_u128_from_u64(ma), e, &num)
            || !lov_div_round(neg, num, mb, mode, &coef))
            return LOV_OVERFLOW;
    } else {
        lov_u128 den = lov_u128_mul64(mb, lov_pow10(-e));
        if (den.hi == 0) {
            if (!lov_div_round(neg, lov_u128_from_u64(ma), den.lo, mode, &coef))
                return LOV_OVERFLOW;
        } else {
            /* The divisor exceeds every int64 numerator: the truncated
             * quotient is 0 and the remainder is the numerator itself. */
            bool up = lov_round_increments(mode, false, lov_u128_from_u64(ma), den);
            coef = up ? (neg ? -1 : 1) : 0;
        }
    }
    out->coef = coef;
    out->scale = scale;
    return LOV_OK;
}

/* a rounded by `mode` to at most `scale` places (0..18) into *out: 2.345
 * to 2 places HALF_EVEN = 2.34. A value that already has no more than
 * `scale` places is returned unchanged, at its own scale. LOV_INVALID_INPUT
 * for an invalid operand, scale or mode. */
static inline lov_status lov_dec_round(lov_decimal a, int scale, lov_rounding mode, lov_decimal *out)
{
    if (!lov_dec_valid(a) || scale < 0 || scale > LOV_DEC_SCALE_MAX || !lov_rounding_valid(mode))
        return LOV_INVALID_INPUT;
    if (a.scale <= scale) {
        *out = a;
        return LOV_OK;
    }
    int64_t coef = 0;
    /* Dividing by 10 or more shrinks the magnitude, so it always fits. */
    lov_div_round(a.coef < 0, lov_u128_from_u64(lov_i64_magnitude(a.coef)),
                  lov_pow10(a.scale - scale), mode, &coef);
    out->coef = coef;
    out->scale = scale;
    return LOV_OK;
}

/* a rounded by `mode` to an integer into *out: -2.5 HALF_EVEN = -2.
 * LOV_INVALID_INPUT for an invalid operand or mode. */
static inline lov_status lov_dec_to_int(lov_decimal a, lov_rounding mode, int64_t *out)
{
    lov_decimal r = { 0, 0 };
    lov_status st = lov_dec_round(a, 0, mode, &r);
    if (st == LOV_OK)
        *out = r.coef;
    return st;
}

#endif

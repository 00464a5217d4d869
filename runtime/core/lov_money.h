/* SPDX-License-Identifier: Apache-2.0 */
/* Money: an exact whole number of øre in int64 (100 øre = 1 krone). Never
 * floating point. Every operation that could leave int64 returns
 * LOV_OVERFLOW instead of a wrong amount, and every operation that cannot
 * be exact (division, scaling by a decimal, rounding to whole kroner)
 * takes an explicit lov_rounding. */
#ifndef LOV_MONEY_H
#define LOV_MONEY_H

#include <stdbool.h>
#include <stdint.h>

#include "lov_decimal.h"
#include "lov_int.h"
#include "lov_rounding.h"
#include "lov_status.h"
#include "lov_u128.h"

typedef int64_t lov_money;

#define LOV_MONEY_MIN INT64_MIN  /* -92 233 720 368 547 758.08 kr */
#define LOV_MONEY_MAX INT64_MAX  /*  92 233 720 368 547 758.07 kr */
#define LOV_ORE_PER_KRONE 100

/* `kroner` whole kroner as money into *out; LOV_OVERFLOW when too large. */
static inline lov_status lov_money_from_kroner(int64_t kroner, lov_money *out)
{
    return lov_int_mul(kroner, LOV_ORE_PER_KRONE, out);
}

/* a + b into *out; LOV_OVERFLOW when outside int64. */
static inline lov_status lov_money_add(lov_money a, lov_money b, lov_money *out)
{
    return lov_int_add(a, b, out);
}

/* a - b into *out; LOV_OVERFLOW when outside int64. */
static inline lov_status lov_money_sub(lov_money a, lov_money b, lov_money *out)
{
    return lov_int_sub(a, b, out);
}

/* -a into *out; LOV_OVERFLOW for LOV_MONEY_MIN. */
static inline lov_status lov_money_neg(lov_money a, lov_money *out)
{
    return lov_int_neg(a, out);
}

/* a * k into *out; LOV_OVERFLOW when outside int64. */
static inline lov_status lov_money_mul_int(lov_money a, int64_t k, lov_money *out)
{
    return lov_int_mul(a, k, out);
}

/* a / k rounded by `mode` to whole øre into *out: 1 kr / 3 = 0.33 kr
 * (HALF_UP), 0.34 kr (UP). LOV_OVERFLOW when k is 0 or the quotient does not
 * fit, LOV_INVALID_INPUT for an unknown mode. */
static inline lov_status lov_money_div_int(lov_money a, int64_t k, lov_rounding mode, lov_money *out)
{
    return lov_int_div(a, k, mode, out);
}

/* a rounded by `mode` to a multiple of unit_ore into *out: unit 100 gives
 * whole kroner (12.50 kr HALF_UP = 13 kr, HALF_EVEN = 12 kr). LOV_OVERFLOW
 * when the rounded amount does not fit, LOV_INVALID_INPUT when unit_ore is
 * not positive or the mode is unknown. */
static inline lov_status lov_money_round_to(lov_money a, int64_t unit_ore, lov_rounding mode,
                                            lov_money *out)
{
    if (unit_ore <= 0 || !lov_rounding_valid(mode))
        return LOV_INVALID_INPUT;
    int64_t units = 0;
    if (!lov_div_round(a < 0, lov_u128_from_u64(lov_i64_magnitude(a)), (uint64_t)unit_ore, mode,
                       &units))
        return LOV_OVERFLOW;
    return lov_int_mul(units, unit_ore, out);
}

/* a * x rounded by `mode` to whole øre into *out (a rate or a fraction
 * applied to an amount: 1 066 kr * 0.3 = 319.80 kr). The exact product is
 * formed in 128 bits and rounded once. LOV_OVERFLOW when the result does not
 * fit, LOV_INVALID_INPUT for an invalid decimal or unknown mode. */
static inline lov_status lov_money_mul_dec(lov_money a, lov_decimal x, lov_rounding mode,
                                           lov_money *out)
{
    if (!lov_dec_valid(x) || !lov_rounding_valid(mode))
        return LOV_INVALID_INPUT;
    lov_u128 mag = lov_u128_mul64(lov_i64_magnitude(a), lov_i64_magnitude(x.coef));
    int64_t r = 0;
    if (!lov_div_round((a < 0) != (x.coef < 0), mag, lov_pow10(x.scale), mode, &r))
        return LOV_OVERFLOW;
    *out = r;
    return LOV_OK;
}

/* -1, 0 or 1 as a is less than, equal to or greater than b. */
static inline int lov_money_cmp(lov_money a, lov_money b)
{
    return (a > b) - (a < b);
}

/* a as a decimal counting øre (scale 0): the bridge into exact decimal
 * arithmetic, e.g. to multiply by several rates before rounding once. */
static inline lov_decimal lov_money_to_dec(lov_money a)
{
    return lov_dec_from_int(a);
}

/* A decimal number of øre (typically an exact product money * decimal)
 * rounded by `mode` to whole øre into *out. LOV_INVALID_INPUT for an invalid
 * decimal or unknown mode. */
static inline lov_status lov_dec_to_money(lov_decimal in_ore, lov_rounding mode, lov_money *out)
{
    return lov_dec_to_int(in_ore, mode, out);
}

#endif

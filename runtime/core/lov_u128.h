/* SPDX-License-Identifier: Apache-2.0 */
/* Portable unsigned 128-bit arithmetic, just enough for exact decimal and
 * money operations: 64x64->128 multiplication, 128/64 division, compare,
 * add, subtract. `__int128` is not ISO C, so it is not used; the helpers
 * work on two 64-bit halves and are small enough to inline. */
#ifndef LOV_U128_H
#define LOV_U128_H

#include <stdbool.h>
#include <stdint.h>

typedef struct lov_u128 {
    uint64_t hi;  /* most significant 64 bits */
    uint64_t lo;  /* least significant 64 bits */
} lov_u128;

/* The 128-bit value of a 64-bit one. */
static inline lov_u128 lov_u128_from_u64(uint64_t v)
{
    lov_u128 r = { 0, v };
    return r;
}

static inline bool lov_u128_is_zero(lov_u128 a)
{
    return a.hi == 0 && a.lo == 0;
}

/* -1, 0 or 1 as a is less than, equal to or greater than b. */
static inline int lov_u128_cmp(lov_u128 a, lov_u128 b)
{
    if (a.hi != b.hi)
        return a.hi < b.hi ? -1 : 1;
    if (a.lo != b.lo)
        return a.lo < b.lo ? -1 : 1;
    return 0;
}

/* a + b; false (and *out unspecified) when the sum needs more than 128 bits. */
static inline bool lov_u128_add(lov_u128 a, lov_u128 b, lov_u128 *out)
{
    uint64_t lo = a.lo + b.lo;
    uint64_t carry = lo < a.lo;
    uint64_t hi = a.hi + b.hi;
    bool ok = hi >= a.hi;
    uint64_t hi2 = hi + carry;
    ok = ok && hi2 >= hi;
    out->hi = hi2;
    out->lo = lo;
    return ok;
}

/* a - b; the caller guarantees a >= b. */
static inline lov_u128 lov_u128_sub(lov_u128 a, lov_u128 b)
{
    lov_u128 r;
    r.lo = a.lo - b.lo;
    r.hi = a.hi - b.hi - (a.lo < b.lo);
    return r;
}

/* The exact 128-bit product of two 64-bit values. Split into 32-bit halves
 * so that each partial product fits in 64 bits. */
static inline lov_u128 lov_u128_mul64(uint64_t a, uint64_t b)
{
    const uint64_t mask = 0xFFFFFFFFu;
    uint64_t a_lo = a & mask, a_hi = a >> 32;
    uint64_t b_lo = b & mask, b_hi = b >> 32;
    uint64_t p0 = a_lo * b_lo;
    uint64_t p1 = a_lo * b_hi;
    uint64_t p2 = a_hi * b_lo;
    uint64_t p3 = a_hi * b_hi;
    /* At most 3 * (2^32 - 1): cannot overflow. */
    uint64_t mid = (p0 >> 32) + (p1 & mask) + (p2 & mask);
    lov_u128 r;
    r.lo = (mid << 32) | (p0 & mask);
    r.hi = p3 + (p1 >> 32) + (p2 >> 32) + (mid >> 32);
    return r;
}

/* a * b; false when the product needs more than 128 bits. */
static inline bool lov_u128_mul_u64(lov_u128 a, uint64_t b, lov_u128 *out)
{
    lov_u128 high = lov_u128_mul64(a.hi, b);
    lov_u128 low = lov_u128_mul64(a.lo, b);
    if (high.hi != 0)
        return false;
    out->lo = low.lo;
    out->hi = low.hi + high.lo;
    return out->hi >= low.hi;
}

/* Divides n by d (d != 0): *q = n / d, *r = n % d. The quotient may need
 * all 128 bits (d = 1). The high word divides natively; the low word is
 * divided natively too when no remainder is carried, else bit by bit. */
static inline void lov_u128_divmod64(lov_u128 n, uint64_t d, lov_u128 *q, uint64_t *r)
{
    uint64_t rem = n.hi % d;
    q->hi = n.hi / d;
    if (rem == 0) {
        q->lo = n.lo / d;
        *r = n.lo % d;
        return;
    }
    /* Long division of (rem:n.lo) by d, one bit at a time. rem < d holds
     * throughout; when shifting pushes a bit out of rem, the true value is
     * 2^64 + rem < 2d, and the wrapped subtraction below gives it exactly. */
    uint64_t quot = 0;
    for (int i = 63; i >= 0; i--) {
        uint64_t carry = rem >> 63;
        rem = (rem << 1) | ((n.lo >> i) & 1u);
        quot <<= 1;
        if (carry || rem >= d) {
            rem -= d;
            quot |= 1u;
        }
    }
    q->lo = quot;
    *r = rem;
}

/* 10^k for 0 <= k <= 19 (the powers that fit in 64 bits); 0 otherwise, so
 * that a caller's range error cannot read outside the table. */
static inline uint64_t lov_pow10(int k)
{
    static const uint64_t pow10[20] = {
        1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u,
        100000000u, 1000000000u, 10000000000u, 100000000000u,
        1000000000000u, 10000000000000u, 100000000000000u,
        1000000000000000u, 10000000000000000u, 100000000000000000u,
        1000000000000000000u, 10000000000000000000u,
    };
    return k >= 0 && k <= 19 ? pow10[k] : 0;
}

/* a * 10^k for 0 <= k <= 38; false when the result needs more than 128 bits. */
static inline bool lov_u128_mul_pow10(lov_u128 a, int k, lov_u128 *out)
{
    lov_u128 r = a;
    while (k > 0) {
        int step = k > 19 ? 19 : k;
        if (!lov_u128_mul_u64(r, lov_pow10(step), &r))
            return false;
        k -= step;
    }
    *out = r;
    return true;
}

/* |v| as an unsigned value; exact also for INT64_MIN. */
static inline uint64_t lov_i64_magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* The int64 with sign `neg` and magnitude `mag`; false when it does not fit
 * (mag > 2^63 - 1, or > 2^63 when negative). */
static inline bool lov_i64_from_magnitude(bool neg, lov_u128 mag, int64_t *out)
{
    const uint64_t limit = (uint64_t)INT64_MAX;
    if (mag.hi != 0)
        return false;
    if (!neg) {
        if (mag.lo > limit)
            return false;
        *out = (int64_t)mag.lo;
        return true;
    }
    if (mag.lo > limit + 1u)
        return false;
    /* -(mag - 1) - 1 stays inside int64 even for mag = 2^63. */
    *out = mag.lo == 0 ? 0 : -(int64_t)(mag.lo - 1u) - 1;
    return true;
}

#endif

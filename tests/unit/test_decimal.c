/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for exact decimals, the 128-bit helpers under them, and the
 * decimal literal (runtime/core/lov_decimal.h, lov_u128.h, decimal_text.c). */
#include <stdint.h>
#include <string.h>

#include "core/lov.h"
#include "suites.h"

/* A decimal literal in a test: coef / 10^scale. */
static lov_decimal dec(int64_t coef, int scale)
{
    lov_decimal d = { coef, scale };
    return d;
}

/* Asserts that st is LOV_OK and that d has exactly this coefficient and
 * scale (not merely the same value). */
#define assert_dec(st, d, c, s)                                                      \
    do {                                                                             \
        ck_assert_int_eq((st), LOV_OK);                                              \
        ck_assert_msg((d).coef == (c) && (d).scale == (s), "got {%lld, %d}, expected {%lld, %d}", \
                      (long long)(d).coef, (int)(d).scale, (long long)(c), (int)(s)); \
    } while (0)

static const lov_rounding modes[4] = {
    LOV_ROUND_HALF_UP, LOV_ROUND_HALF_EVEN, LOV_ROUND_DOWN, LOV_ROUND_UP,
};

START_TEST(test_lov_u128_mul64)
{
    lov_u128 p = lov_u128_mul64(UINT64_MAX, UINT64_MAX);  /* 2^128 - 2^65 + 1 */
    ck_assert(p.hi == UINT64_MAX - 1 && p.lo == 1);
    p = lov_u128_mul64(UINT64_C(1) << 32, UINT64_C(1) << 32);
    ck_assert(p.hi == 1 && p.lo == 0);
    p = lov_u128_mul64(UINT64_C(10000000000000000000), UINT64_C(10000000000000000000));  /* 10^38 */
    ck_assert(p.hi == UINT64_C(5421010862427522170) && p.lo == UINT64_C(687399551400673280));
    p = lov_u128_mul64(0, UINT64_MAX);
    ck_assert(lov_u128_is_zero(p));

    lov_u128 r;
    ck_assert(lov_u128_mul_pow10(lov_u128_from_u64(1), 38, &r));
    ck_assert(r.hi == UINT64_C(5421010862427522170) && r.lo == UINT64_C(687399551400673280));
    ck_assert(!lov_u128_mul_pow10(lov_u128_from_u64(4), 38, &r));  /* 4 * 10^38 > 2^128 */
    ck_assert(lov_u128_mul_pow10(lov_u128_from_u64(3), 38, &r));
}
END_TEST

/* (a * b + c) / b gives a remainder c, for many a, b and c < b from a
 * fixed pseudo-random sequence; covers the bit-by-bit path (a >= 2^64 / b
 * leaves a remainder in the high word). */
START_TEST(test_lov_u128_divmod64)
{
    lov_u128 q;
    uint64_t r;
    lov_u128 n = { UINT64_MAX - 1, 1 };  /* (2^64 - 1)^2 */
    lov_u128_divmod64(n, UINT64_MAX, &q, &r);
    ck_assert(q.hi == 0 && q.lo == UINT64_MAX && r == 0);
    lov_u128_divmod64(n, 1, &q, &r);
    ck_assert(q.hi == UINT64_MAX - 1 && q.lo == 1 && r == 0);
    lov_u128_divmod64(n, 10, &q, &r);  /* 340282366920938463426481119284349108225 */
    ck_assert(q.hi == UINT64_C(1844674407370955161) && q.lo == UINT64_C(7378697629483820646) && r == 5);

    uint64_t x = UINT64_C(0x9E3779B97F4A7C15);
    for (int i = 0; i < 20000; i++) {
        x = x * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
        uint64_t a = x;
        x = x * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
        uint64_t b = (i % 3 == 0) ? x >> (x % 63) : x;
        if (b == 0)
            b = 7;
        uint64_t c = a % b;
        lov_u128 m = lov_u128_mul64(a, b);
        ck_assert(lov_u128_add(m, lov_u128_from_u64(c), &m));
        lov_u128_divmod64(m, b, &q, &r);
        ck_assert(q.hi == 0 && q.lo == a && r == c);
    }
}
END_TEST

START_TEST(test_lov_dec_make)
{
    lov_decimal d = dec(1, 1);
    assert_dec(lov_dec_make(-125, 2, &d), d, -125, 2);
    assert_dec(lov_dec_make(7, 18, &d), d, 7, 18);
    ck_assert_int_eq(lov_dec_make(7, 19, &d), LOV_INVALID_INPUT);
    ck_assert_int_eq(lov_dec_make(7, -1, &d), LOV_INVALID_INPUT);
    d = lov_dec_from_int(INT64_MIN);
    ck_assert(d.coef == INT64_MIN && d.scale == 0);
}
END_TEST

START_TEST(test_lov_dec_normalize)
{
    lov_decimal d = lov_dec_normalize(dec(1500, 3));
    ck_assert(d.coef == 15 && d.scale == 1);
    d = lov_dec_normalize(dec(-200, 2));
    ck_assert(d.coef == -2 && d.scale == 0);
    d = lov_dec_normalize(dec(0, 5));
    ck_assert(d.coef == 0 && d.scale == 0);
    d = lov_dec_normalize(dec(1000, 0));
    ck_assert(d.coef == 1000 && d.scale == 0);
}
END_TEST

START_TEST(test_lov_dec_add)
{
    lov_decimal r;
    assert_dec(lov_dec_add(dec(1, 1), dec(2, 1), &r), r, 3, 1);  /* 0.1 + 0.2 = 0.3 exactly */
    ck_assert_int_eq(lov_dec_cmp(r, dec(3, 1)), 0);
    assert_dec(lov_dec_add(dec(15, 1), dec(25, 2), &r), r, 175, 2);     /* 1.5 + 0.25 */
    assert_dec(lov_dec_add(dec(-15, 1), dec(25, 2), &r), r, -125, 2);   /* -1.5 + 0.25 */
    assert_dec(lov_dec_add(dec(25, 2), dec(-15, 1), &r), r, -125, 2);
    assert_dec(lov_dec_add(dec(1, 0), dec(-1, 0), &r), r, 0, 0);
    assert_dec(lov_dec_add(dec(12, 0), dec(5, 3), &r), r, 12005, 3);    /* 12 + 0.005 */
    assert_dec(lov_dec_add(dec(INT64_MIN, 0), dec(0, 0), &r), r, INT64_MIN, 0);
    assert_dec(lov_dec_add(dec(INT64_MAX, 0), dec(INT64_MIN, 0), &r), r, -1, 0);
    /* 1.000000000000000000 + 10: aligning 10 to scale 18 needs 10^19, but
     * the sum is held exactly at scale 17. */
    assert_dec(lov_dec_add(dec(INT64_C(1000000000000000000), 18), dec(10, 0), &r), r,
               INT64_C(1100000000000000000), 17);

    r = dec(42, 0);
    ck_assert_int_eq(lov_dec_add(dec(INT64_MAX, 0), dec(1, 0), &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_dec_add(dec(INT64_MIN, 0), dec(-1, 0), &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_dec_add(dec(INT64_MAX, 0), dec(1, 1), &r), LOV_OVERFLOW);  /* needs scale 1 */
    ck_assert_int_eq(lov_dec_add(dec(1, 19), dec(1, 0), &r), LOV_INVALID_INPUT);
    ck_assert(r.coef == 42 && r.scale == 0);  /* untouched on failure */
}
END_TEST

START_TEST(test_lov_dec_sub)
{
    lov_decimal r;
    assert_dec(lov_dec_sub(dec(3, 1), dec(1, 1), &r), r, 2, 1);       /* 0.3 - 0.1 = 0.2 */
    assert_dec(lov_dec_sub(dec(1, 2), dec(1, 0), &r), r, -99, 2);     /* 0.01 - 1 */
    /* -1 - INT64_MIN = INT64_MAX: b is never negated on its own. */
    assert_dec(lov_dec_sub(dec(-1, 0), dec(INT64_MIN, 0), &r), r, INT64_MAX, 0);
    ck_assert_int_eq(lov_dec_sub(dec(0, 0), dec(INT64_MIN, 0), &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_dec_sub(dec(INT64_MIN, 0), dec(1, 0), &r), LOV_OVERFLOW);
}
END_TEST

START_TEST(test_lov_dec_neg)
{
    lov_decimal r;
    assert_dec(lov_dec_neg(dec(125, 2), &r), r, -125, 2);
    assert_dec(lov_dec_neg(dec(INT64_MAX, 3), &r), r, -INT64_MAX, 3);
    ck_assert_int_eq(lov_dec_neg(dec(INT64_MIN, 0), &r), LOV_OVERFLOW);
}
END_TEST

START_TEST(test_lov_dec_mul)
{
    lov_decimal r;
    assert_dec(lov_dec_mul(dec(15, 1), dec(25, 2), &r), r, 375, 3);   /* 1.5 * 0.25 = 0.375 */
    assert_dec(lov_dec_mul(dec(-15, 1), dec(2, 1), &r), r, -30, 2);   /* -1.5 * 0.2 = -0.30 */
    assert_dec(lov_dec_mul(dec(-15, 1), dec(-2, 0), &r), r, 30, 1);
    assert_dec(lov_dec_mul(dec(0, 9), dec(-5, 9), &r), r, 0, 18);
    /* Scale 20 -> 18 by dropping zeros: 10^-9 * 10^-9 = 10^-18. */
    assert_dec(lov_dec_mul(dec(10, 10), dec(10, 10), &r), r, 1, 18);
    /* A coefficient of 10^20 at scale 2 is held as 10^18 at scale 0. */
    assert_dec(lov_dec_mul(dec(INT64_C(10000000000), 1), dec(INT64_C(10000000000), 1), &r), r,
               INT64_C(1000000000000000000), 0);
    assert_dec(lov_dec_mul(dec(INT64_MIN, 0), dec(1, 0), &r), r, INT64_MIN, 0);

    r = dec(42, 0);
    /* 10^-10 * 10^-9 = 10^-19: more places than a decimal can hold. */
    ck_assert_int_eq(lov_dec_mul(dec(1, 10), dec(10, 10), &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_dec_mul(dec(INT64_MIN, 18), dec(-1, 18), &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_dec_mul(dec(INT64_MAX, 0), dec(2, 0), &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_dec_mul(dec(INT64_MIN, 0), dec(-1, 0), &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_dec_mul(dec(INT64_C(4294967296), 0), dec(INT64_C(4294967296), 0), &r),
                     LOV_OVERFLOW);  /* 2^64 */
    ck_assert_int_eq(lov_dec_mul(dec(1, 0), dec(1, -1), &r), LOV_INVALID_INPUT);
    ck_assert(r.coef == 42 && r.scale == 0);
}
END_TEST

START_TEST(test_lov_dec_cmp)
{
    ck_assert_int_eq(lov_dec_cmp(dec(15, 1), dec(150, 2)), 0);            /* 1.5 == 1.50 */
    ck_assert_int_eq(lov_dec_cmp(dec(1, 1), dec(9, 2)), 1);               /* 0.1 > 0.09 */
    ck_assert_int_eq(lov_dec_cmp(dec(-1, 1), dec(-9, 2)), -1);            /* -0.1 < -0.09 */
    ck_assert_int_eq(lov_dec_cmp(dec(0, 0), dec(0, 5)), 0);
    ck_assert_int_eq(lov_dec_cmp(dec(-1, 18), dec(0, 0)), -1);
    ck_assert_int_eq(lov_dec_cmp(dec(1, 18), dec(-INT64_MAX, 0)), 1);
    /* Aligning these to a common scale would overflow int64. */
    ck_assert_int_eq(lov_dec_cmp(dec(INT64_MAX, 0), dec(1, 18)), 1);
    ck_assert_int_eq(lov_dec_cmp(dec(INT64_MAX, 0), dec(INT64_MAX, 18)), 1);
    ck_assert_int_eq(lov_dec_cmp(dec(INT64_MAX, 1), dec(INT64_MAX, 0)), -1);
    /* 922337203685477581 > 922337203685477580.7, though 10 * the former
     * exceeds INT64_MAX. */
    ck_assert_int_eq(lov_dec_cmp(dec(INT64_C(922337203685477581), 0), dec(INT64_MAX, 1)), 1);
    ck_assert_int_eq(lov_dec_cmp(dec(INT64_MAX, 1), dec(INT64_C(922337203685477581), 0)), -1);
    /* -922337203685477581 < -922337203685477580.8 */
    ck_assert_int_eq(lov_dec_cmp(dec(INT64_C(-922337203685477581), 0), dec(INT64_MIN, 1)), -1);
    ck_assert_int_eq(lov_dec_cmp(dec(INT64_MIN, 18), dec(-10, 0)), 1);    /* -9.22... > -10 */
    ck_assert_int_eq(lov_dec_cmp(dec(INT64_C(1000000000000000000), 18), dec(1, 0)), 0);
    ck_assert_int_eq(lov_dec_cmp(dec(INT64_MIN, 0), dec(INT64_MIN, 0)), 0);
}
END_TEST

/* One division under each mode: a / b to `scale` places, expected
 * coefficients in the order HALF_UP, HALF_EVEN, DOWN, UP. */
typedef struct div_case {
    lov_decimal a, b;    /* dividend and divisor */
    int scale;           /* places in the result */
    int64_t expect[4];   /* coefficient per mode */
} div_case;

START_TEST(test_lov_dec_div)
{
    const div_case cases[] = {
        { { 1, 0 }, { 3, 0 }, 0, { 0, 0, 0, 1 } },            /* 1/3 */
        { { 2, 0 }, { 3, 0 }, 0, { 1, 1, 0, 1 } },            /* 2/3 */
        { { -2, 0 }, { 3, 0 }, 0, { -1, -1, 0, -1 } },        /* -2/3 */
        { { 2, 0 }, { -3, 0 }, 0, { -1, -1, 0, -1 } },        /* 2/-3 */
        { { 5, 0 }, { 2, 0 }, 0, { 3, 2, 2, 3 } },            /* 5/2 = 2.5 */
        { { -5, 0 }, { 2, 0 }, 0, { -3, -2, -2, -3 } },       /* -2.5 */
        { { 7, 0 }, { 2, 0 }, 0, { 4, 4, 3, 4 } },            /* 3.5 */
        { { -7, 0 }, { -2, 0 }, 0, { 4, 4, 3, 4 } },
        { { 6, 0 }, { 3, 0 }, 0, { 2, 2, 2, 2 } },            /* exact */
        { { 1, 0 }, { 3, 0 }, 4, { 3333, 3333, 3333, 3334 } },
        { { 2, 0 }, { 3, 0 }, 2, { 67, 67, 66, 67 } },
        { { -2, 0 }, { 3, 0 }, 2, { -67, -67, -66, -67 } },
        { { 1, 0 }, { 8, 0 }, 2, { 13, 12, 12, 13 } },        /* 0.125 */
        { { 15, 1 }, { 25, 2 }, 2, { 600, 600, 600, 600 } },  /* 1.5 / 0.25 = 6.00 */
        { { 1, 3 }, { 1000, 0 }, 6, { 1, 1, 1, 1 } },         /* 0.001 / 1000 */
        { { 1, 3 }, { 1000, 0 }, 5, { 0, 0, 0, 1 } },
        /* Divisor * 10^18 exceeds 2^64: quotient 0, remainder the dividend. */
        { { 5, 18 }, { INT64_MAX, 0 }, 0, { 0, 0, 0, 1 } },
        { { -5, 18 }, { INT64_MAX, 0 }, 0, { 0, 0, 0, -1 } },
        { { INT64_MAX, 18 }, { 1, 0 }, 0, { 9, 9, 9, 10 } },
        { { INT64_MIN, 0 }, { 1, 0 }, 0, { INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN } },
        { { INT64_MIN, 0 }, { 2, 0 }, 0, { INT64_MIN / 2, INT64_MIN / 2, INT64_MIN / 2, INT64_MIN / 2 } },
        /* A 128-bit numerator: INT64_MAX * 10^16 / (INT64_MAX - 2). */
        { { INT64_MAX, 2 }, { INT64_MAX - 2, 0 }, 18,
          { INT64_C(10000000000000000), INT64_C(10000000000000000),
            INT64_C(10000000000000000), INT64_C(10000000000000001) } },
        { { INT64_MAX, 18 }, { 3, 0 }, 18,
          { INT64_C(3074457345618258602), INT64_C(3074457345618258602),
            INT64_C(3074457345618258602), INT64_C(3074457345618258603) } },
        { { 1, 0 }, { 7, 0 }, 18,
          { INT64_C(142857142857142857), INT64_C(142857142857142857),
            INT64_C(142857142857142857), INT64_C(142857142857142858) } },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int m = 0; m < 4; m++) {
            lov_decimal r;
            lov_status st = lov_dec_div(cases[i].a, cases[i].b, cases[i].scale, modes[m], &r);
            ck_assert_msg(st == LOV_OK && r.coef == cases[i].expect[m] && r.scale == cases[i].scale,
                          "case %zu mode %s: status %s, got {%lld, %d}, expected {%lld, %d}", i,
                          lov_rounding_name(modes[m]), lov_status_name(st), (long long)r.coef,
                          (int)r.scale, (long long)cases[i].expect[m], cases[i].scale);
        }
}
END_TEST

START_TEST(test_lov_dec_div_errors)
{
    lov_decimal r = dec(42, 0);
    ck_assert_int_eq(lov_dec_div(dec(1, 0), dec(0, 0), 2, LOV_ROUND_HALF_UP, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_dec_div(dec(0, 0), dec(0, 3), 2, LOV_ROUND_HALF_UP, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_dec_div(dec(INT64_MAX, 0), dec(1, 1), 0, LOV_ROUND_DOWN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_dec_div(dec(INT64_MIN, 0), dec(-1, 0), 0, LOV_ROUND_DOWN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_dec_div(dec(INT64_MAX, 0), dec(INT64_MAX, 0), 18, LOV_ROUND_UP, &r), LOV_OK);
    ck_assert_int_eq(lov_dec_div(dec(1, 0), dec(1, 18), 18, LOV_ROUND_DOWN, &r), LOV_OVERFLOW);  /* 10^18 at scale 18 */
    /* The numerator INT64_MAX * 10^36 exceeds 128 bits. */
    ck_assert_int_eq(lov_dec_div(dec(INT64_MAX, 0), dec(1, 18), 18, LOV_ROUND_DOWN, &r), LOV_OVERFLOW);
    r = dec(42, 0);
    ck_assert_int_eq(lov_dec_div(dec(1, 0), dec(3, 0), 19, LOV_ROUND_DOWN, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(lov_dec_div(dec(1, 0), dec(3, 0), -1, LOV_ROUND_DOWN, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(lov_dec_div(dec(1, 0), dec(3, 0), 2, (lov_rounding)9, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(lov_dec_div(dec(1, 20), dec(3, 0), 2, LOV_ROUND_UP, &r), LOV_INVALID_INPUT);
    ck_assert(r.coef == 42 && r.scale == 0);
}
END_TEST

START_TEST(test_lov_dec_round)
{
    lov_decimal r;
    assert_dec(lov_dec_round(dec(2345, 3), 2, LOV_ROUND_HALF_EVEN, &r), r, 234, 2);
    assert_dec(lov_dec_round(dec(2345, 3), 2, LOV_ROUND_HALF_UP, &r), r, 235, 2);
    assert_dec(lov_dec_round(dec(2355, 3), 2, LOV_ROUND_HALF_EVEN, &r), r, 236, 2);
    assert_dec(lov_dec_round(dec(-2345, 3), 2, LOV_ROUND_HALF_UP, &r), r, -235, 2);
    assert_dec(lov_dec_round(dec(-2345, 3), 2, LOV_ROUND_HALF_EVEN, &r), r, -234, 2);
    assert_dec(lov_dec_round(dec(-2345, 3), 2, LOV_ROUND_DOWN, &r), r, -234, 2);
    assert_dec(lov_dec_round(dec(-2341, 3), 2, LOV_ROUND_UP, &r), r, -235, 2);
    assert_dec(lov_dec_round(dec(-2349, 3), 2, LOV_ROUND_DOWN, &r), r, -234, 2);
    assert_dec(lov_dec_round(dec(15, 1), 3, LOV_ROUND_UP, &r), r, 15, 1);  /* already within 3 places */
    assert_dec(lov_dec_round(dec(INT64_MIN, 18), 0, LOV_ROUND_HALF_UP, &r), r, -9, 0);
    assert_dec(lov_dec_round(dec(INT64_MAX, 1), 0, LOV_ROUND_UP, &r), r, INT64_C(922337203685477581), 0);
    assert_dec(lov_dec_round(dec(1, 18), 17, LOV_ROUND_UP, &r), r, 1, 17);
    assert_dec(lov_dec_round(dec(1, 18), 17, LOV_ROUND_HALF_UP, &r), r, 0, 17);
    ck_assert_int_eq(lov_dec_round(dec(1, 18), 19, LOV_ROUND_UP, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(lov_dec_round(dec(1, 18), -1, LOV_ROUND_UP, &r), LOV_INVALID_INPUT);
}
END_TEST

START_TEST(test_lov_dec_to_int)
{
    /* x.5 ties and near-ties under each mode, in the order of `modes`. */
    const struct {
        lov_decimal x;
        int64_t expect[4];
    } cases[] = {
        { { 25, 1 }, { 3, 2, 2, 3 } },
        { { -25, 1 }, { -3, -2, -2, -3 } },
        { { 15, 1 }, { 2, 2, 1, 2 } },
        { { -15, 1 }, { -2, -2, -1, -2 } },
        { { 5, 1 }, { 1, 0, 0, 1 } },
        { { -5, 1 }, { -1, 0, 0, -1 } },
        { { 4, 1 }, { 0, 0, 0, 1 } },
        { { -4, 1 }, { 0, 0, 0, -1 } },
        { { 26, 1 }, { 3, 3, 2, 3 } },
        { { -24, 1 }, { -2, -2, -2, -3 } },
        { { 7, 0 }, { 7, 7, 7, 7 } },
        { { INT64_C(5000000000000000001), 19 - 1 }, { 5, 5, 5, 6 } },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int m = 0; m < 4; m++) {
            int64_t r = 99;
            ck_assert_int_eq(lov_dec_to_int(cases[i].x, modes[m], &r), LOV_OK);
            ck_assert_msg(r == cases[i].expect[m], "case %zu mode %s: got %lld, expected %lld", i,
                          lov_rounding_name(modes[m]), (long long)r, (long long)cases[i].expect[m]);
        }
}
END_TEST

/* Parses the NUL-terminated s and returns the code. */
static int parse(const char *s, lov_decimal *out)
{
    return lov_dec_parse(s, strlen(s), out);
}

START_TEST(test_lov_dec_parse)
{
    lov_decimal d;
    assert_dec(parse("0.5", &d), d, 5, 1);
    assert_dec(parse("-12.125", &d), d, -12125, 3);
    assert_dec(parse("25", &d), d, 25, 0);
    assert_dec(parse("1.50", &d), d, 150, 2);
    assert_dec(parse("-0", &d), d, 0, 0);
    assert_dec(parse("007", &d), d, 7, 0);
    assert_dec(parse("0.000000000000000001", &d), d, 1, 18);
    assert_dec(parse("9223372036854775807", &d), d, INT64_MAX, 0);
    assert_dec(parse("-9223372036854775808", &d), d, INT64_MIN, 0);
    assert_dec(parse("-9.223372036854775808", &d), d, INT64_MIN, 18);
    assert_dec(lov_dec_parse("2.75x", 4, &d), d, 275, 2);  /* only len characters are read */

    d = dec(42, 0);
    ck_assert_int_eq(parse("", &d), LOV_DEC_ERR_EMPTY);
    ck_assert_int_eq(parse("-", &d), LOV_DEC_ERR_NO_DIGITS);
    ck_assert_int_eq(parse(".5", &d), LOV_DEC_ERR_NO_DIGITS);
    ck_assert_int_eq(parse("+1", &d), LOV_DEC_ERR_NO_DIGITS);
    ck_assert_int_eq(parse(" 1", &d), LOV_DEC_ERR_NO_DIGITS);
    ck_assert_int_eq(parse("1.", &d), LOV_DEC_ERR_NO_FRACTION);
    ck_assert_int_eq(parse("1.x", &d), LOV_DEC_ERR_NO_FRACTION);
    ck_assert_int_eq(parse("1.2.3", &d), LOV_DEC_ERR_TRAILING);
    ck_assert_int_eq(parse("1,5", &d), LOV_DEC_ERR_TRAILING);
    ck_assert_int_eq(parse("1e5", &d), LOV_DEC_ERR_TRAILING);
    ck_assert_int_eq(parse("1 ", &d), LOV_DEC_ERR_TRAILING);
    ck_assert_int_eq(parse("0.0000000000000000001", &d), LOV_DEC_ERR_TOO_MANY_PLACES);
    ck_assert_int_eq(parse("9223372036854775808", &d), LOV_DEC_ERR_RANGE);
    ck_assert_int_eq(parse("-9223372036854775809", &d), LOV_DEC_ERR_RANGE);
    ck_assert_int_eq(parse("99999999999999999999999", &d), LOV_DEC_ERR_RANGE);
    ck_assert_int_eq(parse("92233720368547758.08", &d), LOV_DEC_ERR_RANGE);
    ck_assert(d.coef == 42 && d.scale == 0);  /* untouched on every error */

    ck_assert_str_eq(lov_dec_parse_error(LOV_DEC_ERR_NO_FRACTION),
                     "the decimal point must be followed by digits, like 0.5");
    ck_assert_str_eq(lov_dec_parse_error(LOV_DEC_ERR_TRAILING),
                     "there is extra text after the number (the decimal point is written '.')");
    ck_assert_str_eq(lov_dec_parse_error(LOV_DEC_ERR_TOO_MANY_PLACES),
                     "a number can have at most 18 digits after the decimal point");
    ck_assert_str_eq(lov_dec_parse_error(-1), "unknown number error");
}
END_TEST

/* Formats d and returns the text, in a static buffer. */
static const char *format(lov_decimal d)
{
    static char buf[LOV_DEC_BUFSIZE];
    size_t n = lov_dec_format(d, buf, sizeof buf);
    ck_assert_uint_eq(n, strlen(buf));
    return buf;
}

START_TEST(test_lov_dec_format)
{
    ck_assert_str_eq(format(dec(5, 1)), "0.5");
    ck_assert_str_eq(format(dec(-12125, 3)), "-12.125");
    ck_assert_str_eq(format(dec(25, 0)), "25");
    ck_assert_str_eq(format(dec(150, 2)), "1.50");
    ck_assert_str_eq(format(dec(-5, 2)), "-0.05");
    ck_assert_str_eq(format(dec(0, 2)), "0.00");
    ck_assert_str_eq(format(dec(0, 0)), "0");
    ck_assert_str_eq(format(dec(1, 18)), "0.000000000000000001");
    ck_assert_str_eq(format(dec(INT64_MIN, 18)), "-9.223372036854775808");
    ck_assert_str_eq(format(dec(INT64_MIN, 0)), "-9223372036854775808");
    ck_assert_str_eq(format(dec(INT64_MAX, 0)), "9223372036854775807");
    ck_assert_str_eq(format(dec(-1, 18)), "-0.000000000000000001");
    ck_assert_str_eq(format(lov_dec_normalize(dec(1500, 3))), "1.5");
    ck_assert_str_eq(format(dec(1, 19)), "invalid");

    char small[5];
    ck_assert_uint_eq(lov_dec_format(dec(-12125, 3), small, sizeof small), 7);
    ck_assert_str_eq(small, "-12.");
    ck_assert_uint_eq(lov_dec_format(dec(-12125, 3), NULL, 0), 7);
}
END_TEST

/* Format then parse gives back the same coefficient and scale. */
START_TEST(test_lov_dec_format_parse)
{
    const int64_t coefs[] = { 0, 1, -1, 9, 10, -99, 12345, INT64_C(1000000000000000000), INT64_MAX, INT64_MIN };
    for (size_t i = 0; i < sizeof coefs / sizeof coefs[0]; i++)
        for (int scale = 0; scale <= LOV_DEC_SCALE_MAX; scale++) {
            char buf[LOV_DEC_BUFSIZE];
            lov_decimal back;
            size_t n = lov_dec_format(dec(coefs[i], scale), buf, sizeof buf);
            assert_dec(lov_dec_parse(buf, n, &back), back, coefs[i], scale);
        }
}
END_TEST

Suite *suite_decimal(void)
{
    Suite *s = suite_create("decimal");
    struct {
        const char *name;
        const TTest *test;
    } cases[] = {
        { "lov_u128_mul64", test_lov_u128_mul64 },
        { "lov_u128_divmod64", test_lov_u128_divmod64 },
        { "lov_dec_make", test_lov_dec_make },
        { "lov_dec_normalize", test_lov_dec_normalize },
        { "lov_dec_add", test_lov_dec_add },
        { "lov_dec_sub", test_lov_dec_sub },
        { "lov_dec_neg", test_lov_dec_neg },
        { "lov_dec_mul", test_lov_dec_mul },
        { "lov_dec_cmp", test_lov_dec_cmp },
        { "lov_dec_div", test_lov_dec_div },
        { "lov_dec_div_errors", test_lov_dec_div_errors },
        { "lov_dec_round", test_lov_dec_round },
        { "lov_dec_to_int", test_lov_dec_to_int },
        { "lov_dec_parse", test_lov_dec_parse },
        { "lov_dec_format", test_lov_dec_format },
        { "lov_dec_format_parse", test_lov_dec_format_parse },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TCase *tc = tcase_create(cases[i].name);
        tcase_add_test(tc, cases[i].test);
        suite_add_tcase(s, tc);
    }
    return s;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for money in øre, its rounding, the money literal
 * (runtime/core/lov_money.h, money_text.c), and the status names. */
#include <stdint.h>
#include <string.h>

#include "core/lov.h"
#include "suites.h"

/* Asserts that st is LOV_OK and v == expected. */
#define assert_ok_eq(st, v, expected)                                                   \
    do {                                                                                \
        ck_assert_int_eq((st), LOV_OK);                                                 \
        ck_assert_msg((v) == (expected), "got %lld, expected %lld", (long long)(v),     \
                      (long long)(expected));                                           \
    } while (0)

static const lov_rounding modes[4] = {
    LOV_ROUND_HALF_UP, LOV_ROUND_HALF_EVEN, LOV_ROUND_DOWN, LOV_ROUND_UP,
};

static lov_decimal dec(int64_t coef, int scale)
{
    lov_decimal d = { coef, scale };
    return d;
}

START_TEST(test_lov_status_name)
{
    ck_assert_str_eq(lov_status_name(LOV_OK), "ok");
    ck_assert_str_eq(lov_status_name(LOV_NOT_APPLICABLE), "not applicable");
    ck_assert_str_eq(lov_status_name(LOV_UNDETERMINED), "undetermined");
    ck_assert_str_eq(lov_status_name(LOV_CONFLICT), "conflict");
    ck_assert_str_eq(lov_status_name(LOV_OVERFLOW), "overflow");
    ck_assert_str_eq(lov_status_name(LOV_INVALID_INPUT), "invalid input");
    ck_assert_str_eq(lov_status_name((lov_status)42), "unknown status");
    ck_assert_int_eq(LOV_OK, 0);
    ck_assert_str_eq(lov_rounding_name(LOV_ROUND_HALF_EVEN), "half even");
}
END_TEST

START_TEST(test_lov_money_add)
{
    lov_money r = 77;
    assert_ok_eq(lov_money_add(106600, 1250, &r), r, 107850);
    assert_ok_eq(lov_money_add(-5, 5, &r), r, 0);
    assert_ok_eq(lov_money_add(INT64_MAX, INT64_MIN, &r), r, -1);
    assert_ok_eq(lov_money_add(INT64_MAX - 1, 1, &r), r, INT64_MAX);
    r = 77;
    ck_assert_int_eq(lov_money_add(INT64_MAX, 1, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_add(INT64_MIN, -1, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_add(INT64_MAX, INT64_MAX, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_add(INT64_MIN, INT64_MIN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(r, 77);  /* untouched on overflow */
}
END_TEST

START_TEST(test_lov_money_sub)
{
    lov_money r = 77;
    assert_ok_eq(lov_money_sub(106600, 106700, &r), r, -100);
    assert_ok_eq(lov_money_sub(-1, INT64_MIN, &r), r, INT64_MAX);
    assert_ok_eq(lov_money_sub(0, INT64_MAX, &r), r, -INT64_MAX);
    r = 77;
    ck_assert_int_eq(lov_money_sub(0, INT64_MIN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_sub(INT64_MIN, 1, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_sub(INT64_MAX, -1, &r), LOV_OVERFLOW);
    ck_assert_int_eq(r, 77);
}
END_TEST

START_TEST(test_lov_money_neg)
{
    lov_money r = 77;
    assert_ok_eq(lov_money_neg(1250, &r), r, -1250);
    assert_ok_eq(lov_money_neg(INT64_MAX, &r), r, -INT64_MAX);
    assert_ok_eq(lov_money_neg(0, &r), r, 0);
    r = 77;
    ck_assert_int_eq(lov_money_neg(INT64_MIN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(r, 77);
}
END_TEST

START_TEST(test_lov_money_mul_int)
{
    lov_money r = 77;
    assert_ok_eq(lov_money_mul_int(106600, 12, &r), r, 1279200);
    assert_ok_eq(lov_money_mul_int(-1250, -3, &r), r, 3750);
    assert_ok_eq(lov_money_mul_int(INT64_MIN, 1, &r), r, INT64_MIN);
    assert_ok_eq(lov_money_mul_int(INT64_MAX, -1, &r), r, -INT64_MAX);
    assert_ok_eq(lov_money_mul_int(INT64_C(-4611686018427387904), 2, &r), r, INT64_MIN);
    r = 77;
    ck_assert_int_eq(lov_money_mul_int(INT64_MIN, -1, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_mul_int(INT64_MAX, 2, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_mul_int(INT64_C(4611686018427387904), 2, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_mul_int(INT64_C(4294967296), INT64_C(4294967296), &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_mul_int(INT64_MIN, INT64_MIN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(r, 77);
    ck_assert_int_eq(lov_money_from_kroner(1066, &r), LOV_OK);
    ck_assert_int_eq(r, 106600);
    ck_assert_int_eq(lov_money_from_kroner(INT64_MAX / 100 + 1, &r), LOV_OVERFLOW);
}
END_TEST

/* One rounded operation, expected results in the order HALF_UP,
 * HALF_EVEN, DOWN, UP. */
typedef struct round_case {
    lov_money a;          /* the amount in øre */
    int64_t by;           /* divisor (div_int) or unit (round_to) */
    lov_money expect[4];  /* result per mode */
} round_case;

START_TEST(test_lov_money_div_int)
{
    const round_case cases[] = {
        { 100, 3, { 33, 33, 33, 34 } },          /* 1 kr / 3 */
        { -100, 3, { -33, -33, -33, -34 } },
        { 100, -3, { -33, -33, -33, -34 } },
        { 200, 3, { 67, 67, 66, 67 } },          /* 2 kr / 3 */
        { -200, 3, { -67, -67, -66, -67 } },
        { 1, 2, { 1, 0, 0, 1 } },                /* 0.5 øre */
        { -1, 2, { -1, 0, 0, -1 } },
        { 3, 2, { 2, 2, 1, 2 } },                /* 1.5 øre */
        { -3, 2, { -2, -2, -1, -2 } },
        { 5, 2, { 3, 2, 2, 3 } },                /* 2.5 øre */
        { -5, -2, { 3, 2, 2, 3 } },
        { -5, 2, { -3, -2, -2, -3 } },
        { 106600, 12, { 8883, 8883, 8883, 8884 } },
        { 700, 7, { 100, 100, 100, 100 } },
        { 0, 5, { 0, 0, 0, 0 } },
        { INT64_MIN, 1, { INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN } },
        { INT64_MAX, -1, { -INT64_MAX, -INT64_MAX, -INT64_MAX, -INT64_MAX } },
        { INT64_MAX, 2, { INT64_C(4611686018427387904), INT64_C(4611686018427387904),
                          INT64_C(4611686018427387903), INT64_C(4611686018427387904) } },
        { INT64_MIN, INT64_MAX, { -1, -1, -1, -2 } },
        { INT64_MAX, INT64_MIN, { -1, -1, 0, -1 } },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int m = 0; m < 4; m++) {
            lov_money r = 77;
            lov_status st = lov_money_div_int(cases[i].a, cases[i].by, modes[m], &r);
            ck_assert_msg(st == LOV_OK && r == cases[i].expect[m],
                          "%lld / %lld %s: status %s, got %lld, expected %lld", (long long)cases[i].a,
                          (long long)cases[i].by, lov_rounding_name(modes[m]), lov_status_name(st),
                          (long long)r, (long long)cases[i].expect[m]);
        }
    lov_money r = 77;
    ck_assert_int_eq(lov_money_div_int(100, 0, LOV_ROUND_HALF_UP, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_div_int(0, 0, LOV_ROUND_DOWN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_div_int(INT64_MIN, -1, LOV_ROUND_DOWN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_div_int(100, 3, (lov_rounding)-1, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(r, 77);
}
END_TEST

START_TEST(test_lov_money_round_to)
{
    const round_case cases[] = {
        { 1250, 100, { 1300, 1200, 1200, 1300 } },   /* 12.50 kr to whole kroner */
        { 1350, 100, { 1400, 1400, 1300, 1400 } },
        { -1250, 100, { -1300, -1200, -1200, -1300 } },
        { 1249, 100, { 1200, 1200, 1200, 1300 } },
        { 1251, 100, { 1300, 1300, 1200, 1300 } },
        { -1251, 100, { -1300, -1300, -1200, -1300 } },
        { 1200, 100, { 1200, 1200, 1200, 1200 } },
        { 1, 100, { 0, 0, 0, 100 } },
        { -1, 100, { 0, 0, 0, -100 } },
        { 106649, 1000, { 107000, 107000, 106000, 107000 } },  /* to tens of kroner */
        { 1237, 5, { 1235, 1235, 1235, 1240 } },
        { 1237, 1, { 1237, 1237, 1237, 1237 } },
        { INT64_MAX, 1, { INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX } },
        { INT64_MIN + 1, INT64_MAX, { INT64_MIN + 1, INT64_MIN + 1, INT64_MIN + 1, INT64_MIN + 1 } },
        { INT64_MIN, INT64_MAX, { INT64_MIN + 1, INT64_MIN + 1, INT64_MIN + 1, 0 } },  /* UP overflows */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int m = 0; m < 4; m++) {
            lov_money r = 77;
            lov_status st = lov_money_round_to(cases[i].a, cases[i].by, modes[m], &r);
            if (cases[i].a == INT64_MIN && modes[m] == LOV_ROUND_UP) {
                ck_assert_int_eq(st, LOV_OVERFLOW);
                continue;
            }
            ck_assert_msg(st == LOV_OK && r == cases[i].expect[m],
                          "%lld to %lld %s: status %s, got %lld, expected %lld", (long long)cases[i].a,
                          (long long)cases[i].by, lov_rounding_name(modes[m]), lov_status_name(st),
                          (long long)r, (long long)cases[i].expect[m]);
        }
    lov_money r = 77;
    /* The extremes round to whole kroner inward, but not outward. */
    assert_ok_eq(lov_money_round_to(INT64_MAX, 100, LOV_ROUND_HALF_UP, &r), r, INT64_C(9223372036854775800));
    assert_ok_eq(lov_money_round_to(INT64_MAX, 100, LOV_ROUND_DOWN, &r), r, INT64_C(9223372036854775800));
    assert_ok_eq(lov_money_round_to(INT64_MIN, 100, LOV_ROUND_HALF_EVEN, &r), r, INT64_C(-9223372036854775800));
    r = 77;
    ck_assert_int_eq(lov_money_round_to(INT64_MAX, 100, LOV_ROUND_UP, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_round_to(INT64_MIN, 100, LOV_ROUND_UP, &r), LOV_OVERFLOW);
    /* ...775 807 øre to whole tens of kroner is ...776 000: past the limit. */
    ck_assert_int_eq(lov_money_round_to(INT64_MAX, 1000, LOV_ROUND_HALF_UP, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_round_to(100, 0, LOV_ROUND_UP, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(lov_money_round_to(100, -100, LOV_ROUND_UP, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(lov_money_round_to(100, 100, (lov_rounding)4, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(r, 77);
}
END_TEST

/* money * decimal, expected results in the order HALF_UP, HALF_EVEN,
 * DOWN, UP. */
typedef struct mul_case {
    lov_money a;          /* the amount in øre */
    lov_decimal x;        /* the factor */
    lov_money expect[4];  /* result per mode */
} mul_case;

START_TEST(test_lov_money_mul_dec)
{
    const mul_case cases[] = {
        /* Exact ties: 0.5, 1.5 and 2.5 øre, both signs. */
        { 1, { 5, 1 }, { 1, 0, 0, 1 } },
        { -1, { 5, 1 }, { -1, 0, 0, -1 } },
        { 1, { -5, 1 }, { -1, 0, 0, -1 } },
        { 3, { 5, 1 }, { 2, 2, 1, 2 } },
        { -3, { 5, 1 }, { -2, -2, -1, -2 } },
        { 5, { 5, 1 }, { 3, 2, 2, 3 } },
        { -5, { 5, 1 }, { -3, -2, -2, -3 } },
        { 1, { 15, 1 }, { 2, 2, 1, 2 } },
        { -1, { 15, 1 }, { -2, -2, -1, -2 } },
        { 1, { 25, 1 }, { 3, 2, 2, 3 } },
        { 1, { -25, 1 }, { -3, -2, -2, -3 } },
        { -1, { -25, 1 }, { 3, 2, 2, 3 } },
        /* Everyday amounts. */
        { 106600, { 3, 1 }, { 31980, 31980, 31980, 31980 } },       /* 1 066 kr * 0.3 */
        { 100, { 333, 3 }, { 33, 33, 33, 34 } },                     /* 1 kr * 0.333 */
        { 100, { 1, 3 }, { 0, 0, 0, 1 } },
        { 1250, { 125, 3 }, { 156, 156, 156, 157 } },                /* 156.25 øre */
        { 1234, { 1, 0 }, { 1234, 1234, 1234, 1234 } },
        { 0, { -7, 18 }, { 0, 0, 0, 0 } },
        /* The product needs 128 bits before it is scaled back. */
        { INT64_MAX, { 10, 1 }, { INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX } },
        { INT64_MIN, { INT64_C(1000000000000000000), 18 }, { INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN } },
        { INT64_MAX, { 5, 1 }, { INT64_C(4611686018427387904), INT64_C(4611686018427387904),
                                 INT64_C(4611686018427387903), INT64_C(4611686018427387904) } },
        { INT64_MIN, { 5, 1 }, { INT64_C(-4611686018427387904), INT64_C(-4611686018427387904),
                                 INT64_C(-4611686018427387904), INT64_C(-4611686018427387904) } },
        { 1, { INT64_MAX, 18 }, { 9, 9, 9, 10 } },
        { INT64_MAX, { INT64_C(999999999999999999), 18 },   /* INT64_MAX - 9.22... */
          { INT64_C(9223372036854775798), INT64_C(9223372036854775798),
            INT64_C(9223372036854775797), INT64_C(9223372036854775798) } },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int m = 0; m < 4; m++) {
            lov_money r = 77;
            lov_status st = lov_money_mul_dec(cases[i].a, cases[i].x, modes[m], &r);
            ck_assert_msg(st == LOV_OK && r == cases[i].expect[m],
                          "case %zu %s: status %s, got %lld, expected %lld", i, lov_rounding_name(modes[m]),
                          lov_status_name(st), (long long)r, (long long)cases[i].expect[m]);
        }
    lov_money r = 77;
    ck_assert_int_eq(lov_money_mul_dec(INT64_MAX, dec(INT64_MAX, 18), LOV_ROUND_DOWN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_mul_dec(INT64_MAX, dec(2, 0), LOV_ROUND_DOWN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_mul_dec(INT64_MAX, dec(15, 1), LOV_ROUND_DOWN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_mul_dec(INT64_MIN, dec(-1, 0), LOV_ROUND_DOWN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_mul_dec(INT64_MIN, dec(-10, 1), LOV_ROUND_DOWN, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_mul_dec(INT64_MIN, dec(INT64_MIN, 0), LOV_ROUND_DOWN, &r), LOV_OVERFLOW);
    /* This product is INT64_MAX + 0.69 øre: only rounding down fits. */
    const lov_money a = INT64_C(2000000000000000042);
    const lov_decimal x = dec(INT64_C(4611686018427387807), 18);
    ck_assert_int_eq(lov_money_mul_dec(a, x, LOV_ROUND_UP, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_mul_dec(a, x, LOV_ROUND_HALF_UP, &r), LOV_OVERFLOW);
    ck_assert_int_eq(lov_money_mul_dec(a, x, LOV_ROUND_HALF_EVEN, &r), LOV_OVERFLOW);
    assert_ok_eq(lov_money_mul_dec(a, x, LOV_ROUND_DOWN, &r), r, INT64_MAX);
    assert_ok_eq(lov_money_mul_dec(-a, x, LOV_ROUND_HALF_UP, &r), r, INT64_MIN);
    r = 77;
    ck_assert_int_eq(lov_money_mul_dec(100, dec(1, 19), LOV_ROUND_DOWN, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(lov_money_mul_dec(100, dec(1, 1), (lov_rounding)4, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(r, 77);
}
END_TEST

START_TEST(test_lov_money_cmp)
{
    ck_assert_int_eq(lov_money_cmp(100, 200), -1);
    ck_assert_int_eq(lov_money_cmp(200, 100), 1);
    ck_assert_int_eq(lov_money_cmp(-5, -5), 0);
    ck_assert_int_eq(lov_money_cmp(INT64_MIN, INT64_MAX), -1);
    ck_assert_int_eq(lov_money_cmp(INT64_MAX, INT64_MIN), 1);
}
END_TEST

/* money -> decimal øre -> exact arithmetic -> money, rounded once. */
START_TEST(test_lov_dec_to_money)
{
    lov_decimal ore = lov_money_to_dec(106600), product;
    lov_money r = 77;
    ck_assert(ore.coef == 106600 && ore.scale == 0);
    /* 1 066 kr * 0.3 * 0.25 = 79.95 kr, exactly. */
    ck_assert_int_eq(lov_dec_mul(ore, dec(3, 1), &product), LOV_OK);
    ck_assert_int_eq(lov_dec_mul(product, dec(25, 2), &product), LOV_OK);
    assert_ok_eq(lov_dec_to_money(product, LOV_ROUND_HALF_UP, &r), r, 7995);
    const lov_decimal halves[] = { { 25, 1 }, { -25, 1 } };
    const lov_money expect[2][4] = { { 3, 2, 2, 3 }, { -3, -2, -2, -3 } };
    for (int i = 0; i < 2; i++)
        for (int m = 0; m < 4; m++)
            assert_ok_eq(lov_dec_to_money(halves[i], modes[m], &r), r, expect[i][m]);
    r = 77;
    ck_assert_int_eq(lov_dec_to_money(dec(1, 19), LOV_ROUND_UP, &r), LOV_INVALID_INPUT);
    ck_assert_int_eq(r, 77);
}
END_TEST

/* Formats an amount and returns the text, in a static buffer. */
static const char *format(lov_money m)
{
    static char buf[LOV_MONEY_BUFSIZE];
    size_t n = lov_money_format(m, buf, sizeof buf);
    ck_assert_uint_eq(n, strlen(buf));
    return buf;
}

START_TEST(test_lov_money_format)
{
    ck_assert_str_eq(format(106600), "1 066 kr");
    ck_assert_str_eq(format(1250), "12.50 kr");
    ck_assert_str_eq(format(-5), "-0.05 kr");
    ck_assert_str_eq(format(0), "0 kr");
    ck_assert_str_eq(format(5), "0.05 kr");
    ck_assert_str_eq(format(10), "0.10 kr");
    ck_assert_str_eq(format(100), "1 kr");
    ck_assert_str_eq(format(-106600), "-1 066 kr");
    ck_assert_str_eq(format(99999), "999.99 kr");
    ck_assert_str_eq(format(100000), "1 000 kr");
    ck_assert_str_eq(format(123456789), "1 234 567.89 kr");
    ck_assert_str_eq(format(100000000), "1 000 000 kr");
    ck_assert_str_eq(format(INT64_MAX), "92 233 720 368 547 758.07 kr");
    ck_assert_str_eq(format(INT64_MIN), "-92 233 720 368 547 758.08 kr");
    ck_assert_uint_eq(strlen(format(INT64_MIN)) + 1, LOV_MONEY_BUFSIZE - 2);

    char small[5] = "xxxx";
    ck_assert_uint_eq(lov_money_format(106600, small, sizeof small), 8);
    ck_assert_str_eq(small, "1 06");
    ck_assert_uint_eq(lov_money_format(106600, small, 0), 8);
    ck_assert_str_eq(small, "1 06");  /* nothing written for cap 0 */
    ck_assert_uint_eq(lov_money_format(106600, NULL, 0), 8);
}
END_TEST

/* Parses the NUL-terminated s and returns the code. */
static int parse(const char *s, lov_money *out)
{
    return lov_money_parse(s, strlen(s), out);
}

START_TEST(test_lov_money_parse)
{
    lov_money m = 77;
    assert_ok_eq(parse("1 066 kr", &m), m, 106600);
    assert_ok_eq(parse("1066 kr", &m), m, 106600);
    assert_ok_eq(parse("12.5 kr", &m), m, 1250);
    assert_ok_eq(parse("12.50 kr", &m), m, 1250);
    assert_ok_eq(parse("12.05 kr", &m), m, 1205);
    assert_ok_eq(parse("-3 kr", &m), m, -300);
    assert_ok_eq(parse("-0.05 kr", &m), m, -5);
    assert_ok_eq(parse("0 kr", &m), m, 0);
    assert_ok_eq(parse("-0 kr", &m), m, 0);
    assert_ok_eq(parse("1 000 000 kr", &m), m, 100000000);
    assert_ok_eq(parse("1 234 567.89 kr", &m), m, 123456789);
    assert_ok_eq(parse("92 233 720 368 547 758.07 kr", &m), m, INT64_MAX);
    assert_ok_eq(parse("-92 233 720 368 547 758.08 kr", &m), m, INT64_MIN);
    assert_ok_eq(parse("92233720368547758.07 kr", &m), m, INT64_MAX);
    assert_ok_eq(lov_money_parse("5 kr and more", 4, &m), m, 500);  /* only len characters are read */

    m = 77;
    ck_assert_int_eq(parse("12.505 kr", &m), LOV_MONEY_ERR_ORE_DIGITS);
    ck_assert_int_eq(parse("12.500 kr", &m), LOV_MONEY_ERR_ORE_DIGITS);
    ck_assert_int_eq(parse("92 233 720 368 547 758.08 kr", &m), LOV_MONEY_ERR_RANGE);
    ck_assert_int_eq(parse("-92 233 720 368 547 758.09 kr", &m), LOV_MONEY_ERR_RANGE);
    ck_assert_int_eq(parse("92 233 720 368 547 759 kr", &m), LOV_MONEY_ERR_RANGE);
    ck_assert_int_eq(parse("99999999999999999999999 kr", &m), LOV_MONEY_ERR_RANGE);
    ck_assert_int_eq(parse("", &m), LOV_MONEY_ERR_EMPTY);
    ck_assert_int_eq(parse("kr", &m), LOV_MONEY_ERR_NO_DIGITS);
    ck_assert_int_eq(parse("-kr", &m), LOV_MONEY_ERR_NO_DIGITS);
    ck_assert_int_eq(parse("+3 kr", &m), LOV_MONEY_ERR_NO_DIGITS);
    ck_assert_int_eq(parse(".50 kr", &m), LOV_MONEY_ERR_NO_DIGITS);
    ck_assert_int_eq(parse("1 06 kr", &m), LOV_MONEY_ERR_GROUPING);
    ck_assert_int_eq(parse("1 0666 kr", &m), LOV_MONEY_ERR_GROUPING);
    ck_assert_int_eq(parse("1066 000 kr", &m), LOV_MONEY_ERR_GROUPING);
    ck_assert_int_eq(parse("12. kr", &m), LOV_MONEY_ERR_NO_ORE);
    ck_assert_int_eq(parse("12", &m), LOV_MONEY_ERR_NO_KR);
    ck_assert_int_eq(parse("12kr", &m), LOV_MONEY_ERR_NO_KR);
    ck_assert_int_eq(parse("12  kr", &m), LOV_MONEY_ERR_NO_KR);
    ck_assert_int_eq(parse("12,50 kr", &m), LOV_MONEY_ERR_NO_KR);
    ck_assert_int_eq(parse("12 DKK", &m), LOV_MONEY_ERR_NO_KR);
    ck_assert_int_eq(parse("12 kroner", &m), LOV_MONEY_ERR_TRAILING);
    ck_assert_int_eq(parse("12 kr ", &m), LOV_MONEY_ERR_TRAILING);
    ck_assert_int_eq(m, 77);  /* untouched on every error */

    ck_assert_str_eq(lov_money_parse_error(LOV_MONEY_ERR_ORE_DIGITS),
                     "an amount can have at most two digits after the decimal point (whole øre), "
                     "like 12.50 kr");
    ck_assert_str_eq(lov_money_parse_error(LOV_MONEY_ERR_GROUPING),
                     "thousands must be separated by a single space in groups of three digits, "
                     "like 1 066 000 kr");
    ck_assert_str_eq(lov_money_parse_error(LOV_MONEY_ERR_NO_KR),
                     "an amount must end with a space and kr, like 12.50 kr");
    ck_assert_str_eq(lov_money_parse_error(LOV_MONEY_ERR_RANGE),
                     "the amount is too large to compute exactly; amounts must lie between "
                     "-92 233 720 368 547 758.08 kr and 92 233 720 368 547 758.07 kr");
    ck_assert_str_eq(lov_money_parse_error(1000), "unknown amount error");
}
END_TEST

/* Format then parse gives the same amount: the extremes, every amount in
 * -20 000.00 .. 20 000.00 kr in steps of 0.07 kr, and powers of ten. */
START_TEST(test_lov_money_format_parse)
{
    char buf[LOV_MONEY_BUFSIZE];
    lov_money back;
    const lov_money extremes[] = { INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1, 0, 1, -1, 99, -100 };
    for (size_t i = 0; i < sizeof extremes / sizeof extremes[0]; i++) {
        size_t n = lov_money_format(extremes[i], buf, sizeof buf);
        assert_ok_eq(lov_money_parse(buf, n, &back), back, extremes[i]);
    }
    for (lov_money m = -2000000; m <= 2000000; m += 7) {
        size_t n = lov_money_format(m, buf, sizeof buf);
        assert_ok_eq(lov_money_parse(buf, n, &back), back, m);
    }
    for (lov_money p = 1; p <= INT64_MAX / 10; p *= 10) {
        size_t n = lov_money_format(p, buf, sizeof buf);
        assert_ok_eq(lov_money_parse(buf, n, &back), back, p);
        n = lov_money_format(-p, buf, sizeof buf);
        assert_ok_eq(lov_money_parse(buf, n, &back), back, -p);
    }
}
END_TEST

Suite *suite_money(void)
{
    Suite *s = suite_create("money");
    struct {
        const char *name;
        const TTest *test;
    } cases[] = {
        { "lov_status_name", test_lov_status_name },
        { "lov_money_add", test_lov_money_add },
        { "lov_money_sub", test_lov_money_sub },
        { "lov_money_neg", test_lov_money_neg },
        { "lov_money_mul_int", test_lov_money_mul_int },
        { "lov_money_div_int", test_lov_money_div_int },
        { "lov_money_round_to", test_lov_money_round_to },
        { "lov_money_mul_dec", test_lov_money_mul_dec },
        { "lov_money_cmp", test_lov_money_cmp },
        { "lov_dec_to_money", test_lov_dec_to_money },
        { "lov_money_format", test_lov_money_format },
        { "lov_money_parse", test_lov_money_parse },
        { "lov_money_format_parse", test_lov_money_format_parse },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TCase *tc = tcase_create(cases[i].name);
        tcase_add_test(tc, cases[i].test);
        suite_add_tcase(s, tc);
    }
    return s;
}

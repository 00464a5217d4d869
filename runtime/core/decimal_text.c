/* SPDX-License-Identifier: Apache-2.0 */
/* Decimals as text: "0.5", "-12.125", "25". */
#include <string.h>

#include "lov_decimal_text.h"

int lov_dec_parse(const char *s, size_t len, lov_decimal *out)
{
    size_t pos = 0;
    uint64_t mag = 0;
    int too_big = 0, scale = 0;
    if (len == 0)
        return LOV_DEC_ERR_EMPTY;
    int neg = s[0] == '-';
    if (neg)
        pos++;
    if (pos >= len || s[pos] < '0' || s[pos] > '9')
        return LOV_DEC_ERR_NO_DIGITS;
    /* Integer and fraction digits go into one coefficient; the fraction's
     * length becomes the scale. */
    int in_fraction = 0;
    for (; pos < len; pos++) {
        char c = s[pos];
        if (c == '.' && !in_fraction) {
            in_fraction = 1;
            if (pos + 1 >= len || s[pos + 1] < '0' || s[pos + 1] > '9')
                return LOV_DEC_ERR_NO_FRACTION;
            continue;
        }
        if (c < '0' || c > '9')
            return LOV_DEC_ERR_TRAILING;
        if (in_fraction && ++scale > LOV_DEC_SCALE_MAX)
            return LOV_DEC_ERR_TOO_MANY_PLACES;
        unsigned digit = (unsigned)(c - '0');
        if (mag > (UINT64_MAX - digit) / 10)
            too_big = 1;
        else
            mag = mag * 10 + digit;
    }
    int64_t coef;
    if (too_big || !lov_i64_from_magnitude(neg, lov_u128_from_u64(mag), &coef))
        return LOV_DEC_ERR_RANGE;
    out->coef = coef;
    out->scale = scale;
    return LOV_DEC_PARSE_OK;
}

const char *lov_dec_parse_error(int code)
{
    switch (code) {
    case LOV_DEC_PARSE_OK:
        return "no error";
    case LOV_DEC_ERR_EMPTY:
        return "the number is empty; write it like 0.5 or 25";
    case LOV_DEC_ERR_NO_DIGITS:
        return "a number must start with a digit (or a minus sign and a digit), like 0.5 or -12.125";
    case LOV_DEC_ERR_NO_FRACTION:
        return "the decimal point must be followed by digits, like 0.5";
    case LOV_DEC_ERR_TOO_MANY_PLACES:
        return "a number can have at most 18 digits after the decimal point";
    case LOV_DEC_ERR_TRAILING:
        return "there is extra text after the number (the decimal point is written '.')";
    case LOV_DEC_ERR_RANGE:
        return "the number has too many digits to be computed exactly";
    default:
        return "unknown number error";
    }
}

size_t lov_dec_format(lov_decimal a, char *buf, size_t cap)
{
    char text[LOV_DEC_BUFSIZE];
    char *end = text + sizeof text;
    char *p = end;
    if (!lov_dec_valid(a)) {
        p -= 7;
        memcpy(p, "invalid", 7);
    } else {
        uint64_t mag = lov_i64_magnitude(a.coef);
        /* Right to left: the scale's digits, the point, then at least one
         * integer digit (the 0 of 0.05). */
        for (int i = 0; i < a.scale; i++) {
            *--p = (char)('0' + mag % 10);
            mag /= 10;
        }
        if (a.scale > 0)
            *--p = '.';
        do {
            *--p = (char)('0' + mag % 10);
            mag /= 10;
        } while (mag != 0);
        if (a.coef < 0)
            *--p = '-';
    }
    size_t n = (size_t)(end - p);
    if (cap > 0) {
        size_t copy = n < cap - 1 ? n : cap - 1;
        memcpy(buf, p, copy);
        buf[copy] = '\0';
    }
    return n;
}

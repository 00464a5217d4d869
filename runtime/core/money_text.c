/* SPDX-License-Identifier: Apache-2.0 */
/* Money as text: the literal form "1 066 kr", "12.50 kr", "-0.05 kr". */
#include <string.h>

#include "lov_money_text.h"

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Appends the digits of s[*pos..) to *kroner and returns how many there
 * were. Sets *too_big instead of overflowing; the caller still checks the
 * rest of the text so that a typo is reported before the size. */
static size_t read_group(const char *s, size_t len, size_t *pos, uint64_t *kroner, int *too_big)
{
    size_t start = *pos;
    while (*pos < len && is_digit(s[*pos])) {
        unsigned digit = (unsigned)(s[*pos] - '0');
        if (*kroner > (UINT64_MAX - digit) / 10)
            *too_big = 1;
        else
            *kroner = *kroner * 10 + digit;
        (*pos)++;
    }
    return *pos - start;
}

int lov_money_parse(const char *s, size_t len, lov_money *out)
{
    size_t pos = 0;
    uint64_t kroner = 0, ore = 0;
    int too_big = 0;
    if (len == 0)
        return LOV_MONEY_ERR_EMPTY;
    int neg = s[0] == '-';
    if (neg)
        pos++;
    if (pos >= len || !is_digit(s[pos]))
        return LOV_MONEY_ERR_NO_DIGITS;
    size_t first = read_group(s, len, &pos, &kroner, &too_big);
    /* A space followed by a digit continues the number in groups of three;
     * a space followed by anything else should start " kr". */
    while (pos + 1 < len && s[pos] == ' ' && is_digit(s[pos + 1])) {
        pos++;
        if (first > 3 || read_group(s, len, &pos, &kroner, &too_big) != 3)
            return LOV_MONEY_ERR_GROUPING;
    }
    if (pos < len && s[pos] == '.') {
        pos++;
        size_t start = pos;
        while (pos < len && is_digit(s[pos])) {
            ore = ore * 10 + (unsigned)(s[pos] - '0');
            pos++;
            if (pos - start > 2)
                return LOV_MONEY_ERR_ORE_DIGITS;
        }
        if (pos == start)
            return LOV_MONEY_ERR_NO_ORE;
        if (pos - start == 1)
            ore *= 10;  /* 12.5 kr is 12.50 kr */
    }
    if (len - pos < 3 || memcmp(s + pos, " kr", 3) != 0)
        return LOV_MONEY_ERR_NO_KR;
    pos += 3;
    if (pos != len)
        return LOV_MONEY_ERR_TRAILING;
    /* kroner * 100 + ore must not exceed 2^63 (negative) or 2^63 - 1. */
    uint64_t limit = (uint64_t)INT64_MAX + (neg ? 1u : 0u);
    if (too_big || kroner > (limit - ore) / LOV_ORE_PER_KRONE)
        return LOV_MONEY_ERR_RANGE;
    int64_t value = 0;
    lov_i64_from_magnitude(neg, lov_u128_from_u64(kroner * LOV_ORE_PER_KRONE + ore), &value);
    *out = value;
    return LOV_MONEY_PARSE_OK;
}

const char *lov_money_parse_error(int code)
{
    switch (code) {
    case LOV_MONEY_PARSE_OK:
        return "no error";
    case LOV_MONEY_ERR_EMPTY:
        return "the amount is empty; write it like 1 066 kr or 12.50 kr";
    case LOV_MONEY_ERR_NO_DIGITS:
        return "an amount must start with a digit (or a minus sign and a digit), like 1 066 kr";
    case LOV_MONEY_ERR_GROUPING:
        return "thousands must be separated by a single space in groups of three digits, "
               "like 1 066 000 kr";
    case LOV_MONEY_ERR_NO_ORE:
        return "the decimal point must be followed by the øre, like 12.50 kr";
    case LOV_MONEY_ERR_ORE_DIGITS:
        return "an amount can have at most two digits after the decimal point (whole øre), "
               "like 12.50 kr";
    case LOV_MONEY_ERR_NO_KR:
        return "an amount must end with a space and kr, like 12.50 kr";
    case LOV_MONEY_ERR_TRAILING:
        return "there is extra text after kr";
    case LOV_MONEY_ERR_RANGE:
        return "the amount is too large to compute exactly; amounts must lie between "
               "-92 233 720 368 547 758.08 kr and 92 233 720 368 547 758.07 kr";
    default:
        return "unknown amount error";
    }
}

size_t lov_money_format(lov_money amount, char *buf, size_t cap)
{
    char text[LOV_MONEY_BUFSIZE];
    char *end = text + sizeof text;
    char *p = end;
    uint64_t mag = lov_i64_magnitude(amount);
    uint64_t kroner = mag / LOV_ORE_PER_KRONE;
    unsigned ore = (unsigned)(mag % LOV_ORE_PER_KRONE);
    /* Built right to left: " kr", the øre, then the kroner in groups. */
    p -= 3;
    memcpy(p, " kr", 3);
    if (ore != 0) {
        *--p = (char)('0' + ore % 10);
        *--p = (char)('0' + ore / 10);
        *--p = '.';
    }
    int digits = 0;
    do {
        if (digits > 0 && digits % 3 == 0)
            *--p = ' ';
        *--p = (char)('0' + kroner % 10);
        kroner /= 10;
        digits++;
    } while (kroner != 0);
    if (amount < 0)
        *--p = '-';
    size_t n = (size_t)(end - p);
    if (cap > 0) {
        size_t copy = n < cap - 1 ? n : cap - 1;
        memcpy(buf, p, copy);
        buf[copy] = '\0';
    }
    return n;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Reading and writing exact decimals (0.5, -12.125, 25). These live in
 * liblov (runtime/core/decimal_text.c), not in the header-only core:
 * generated evaluators never parse text, the scenario runner and the
 * compiler do.
 *
 * The parser takes a pointer and a length (the text need not be
 * NUL-terminated), returns 0 on success or an error code, and leaves *out
 * untouched on error. Each error code has a plain-language message meant
 * for the person who wrote the text, not for a programmer. The formatter
 * follows snprintf: it writes at most cap - 1 characters and a NUL
 * (nothing when cap is 0) and returns the length of the full text. */
#ifndef LOV_DECIMAL_TEXT_H
#define LOV_DECIMAL_TEXT_H

#include <stddef.h>

#include "lov_decimal.h"

#define LOV_DEC_BUFSIZE 24  /* "-0.000000000000000001", "-9.223372036854775808" and the NUL */

enum lov_dec_parse_code {
    LOV_DEC_PARSE_OK = 0,
    LOV_DEC_ERR_EMPTY,          /* no text at all */
    LOV_DEC_ERR_NO_DIGITS,      /* does not start with a digit (after an optional '-') */
    LOV_DEC_ERR_NO_FRACTION,    /* a decimal point without digits after it */
    LOV_DEC_ERR_TOO_MANY_PLACES,/* more than 18 digits after the point */
    LOV_DEC_ERR_TRAILING,       /* text after the number */
    LOV_DEC_ERR_RANGE           /* the digits do not fit in the coefficient */
};

/* Reads an optional '-', digits, and optionally '.' and 1-18 digits from
 * s[0..len) into *out, keeping the scale written ("1.50" has scale 2). No
 * exponent, no '+', no spaces. Returns LOV_DEC_PARSE_OK or a
 * lov_dec_parse_code. */
int lov_dec_parse(const char *s, size_t len, lov_decimal *out);

/* The message for a lov_dec_parse code; never NULL. */
const char *lov_dec_parse_error(int code);

/* Writes a with exactly a.scale digits after the point (none and no point
 * for scale 0), a leading "0" before the point for |a| < 1, '-' for
 * negatives: {150, 2} -> "1.50", {-5, 2} -> "-0.05". Parsing the text gives
 * back the same coefficient and scale; apply lov_dec_normalize first for the
 * shortest form. An invalid decimal is written as "invalid". */
size_t lov_dec_format(lov_decimal a, char *buf, size_t cap);

#endif

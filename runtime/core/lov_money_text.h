/* SPDX-License-Identifier: Apache-2.0 */
/* Reading and writing amounts of money in the literal form (1 066 kr,
 * 12.50 kr). These live in liblov (runtime/core/money_text.c), not in the
 * header-only core: generated evaluators never parse text, the scenario
 * runner and the compiler do.
 *
 * The parser takes a pointer and a length (the text need not be
 * NUL-terminated), returns 0 on success or an error code, and leaves *out
 * untouched on error. Each error code has a plain-language message meant
 * for the person who wrote the text, not for a programmer. The formatter
 * follows snprintf: it writes at most cap - 1 characters and a NUL
 * (nothing when cap is 0) and returns the length of the full text. */
#ifndef LOV_MONEY_TEXT_H
#define LOV_MONEY_TEXT_H

#include <stddef.h>

#include "lov_money.h"

#define LOV_MONEY_BUFSIZE 32  /* "-92 233 720 368 547 758.08 kr" and the NUL */

enum lov_money_parse_code {
    LOV_MONEY_PARSE_OK = 0,
    LOV_MONEY_ERR_EMPTY,        /* no text at all */
    LOV_MONEY_ERR_NO_DIGITS,    /* does not start with a digit (after an optional '-') */
    LOV_MONEY_ERR_GROUPING,     /* digit groups after a space are not three digits */
    LOV_MONEY_ERR_NO_ORE,       /* a decimal point without digits after it */
    LOV_MONEY_ERR_ORE_DIGITS,   /* three or more digits after the point */
    LOV_MONEY_ERR_NO_KR,        /* not followed by " kr" */
    LOV_MONEY_ERR_TRAILING,     /* text after "kr" */
    LOV_MONEY_ERR_RANGE         /* outside LOV_MONEY_MIN .. LOV_MONEY_MAX */
};

/* Reads an amount in the literal form from s[0..len) into *out (in øre):
 * an optional '-', whole kroner either as plain digits (1066) or grouped in
 * threes by single spaces (1 066 000), optionally '.' and one or two øre
 * digits (12.5 = 12.50), then a space and "kr". Returns LOV_MONEY_PARSE_OK
 * or a lov_money_parse_code. */
int lov_money_parse(const char *s, size_t len, lov_money *out);

/* The message for a lov_money_parse code; never NULL. */
const char *lov_money_parse_error(int code);

/* Writes the amount in the literal form: thousands separated by a single
 * space, '.' before the øre, øre shown (always two digits) only when not
 * zero: "1 066 kr", "12.50 kr", "-0.05 kr", "0 kr". */
size_t lov_money_format(lov_money amount, char *buf, size_t cap);

#endif

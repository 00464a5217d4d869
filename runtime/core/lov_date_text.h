/* SPDX-License-Identifier: Apache-2.0 */
/* Reading and writing dates in the literal form YYYY-MM-DD. These live in
 * liblov (runtime/core/date_text.c), not in the header-only core:
 * generated evaluators never parse text, the scenario runner and the
 * compiler do.
 *
 * The parser takes a pointer and a length (the text need not be
 * NUL-terminated), returns 0 on success or an error code, and leaves *out
 * untouched on error. Each error code has a plain-language message meant
 * for the person who wrote the text, not for a programmer. */
#ifndef LOV_DATE_TEXT_H
#define LOV_DATE_TEXT_H

#include <stddef.h>

#include "lov_date.h"

#define LOV_DATE_BUFSIZE 11  /* "YYYY-MM-DD" and the NUL */

enum lov_date_parse_code {
    LOV_DATE_PARSE_OK = 0,
    LOV_DATE_ERR_EMPTY,         /* no text at all */
    LOV_DATE_ERR_YEAR_DIGITS,   /* the year is not four digits */
    LOV_DATE_ERR_SEPARATOR,     /* a '-' is missing between the parts */
    LOV_DATE_ERR_MONTH_DIGITS,  /* the month is not two digits */
    LOV_DATE_ERR_DAY_DIGITS,    /* the day is not two digits */
    LOV_DATE_ERR_TRAILING,      /* text after the day */
    LOV_DATE_ERR_YEAR_RANGE,    /* year 0000 */
    LOV_DATE_ERR_MONTH_RANGE,   /* month 00 or above 12 */
    LOV_DATE_ERR_DAY_RANGE,     /* day 00 or above 31 */
    LOV_DATE_ERR_NO_SUCH_DAY    /* e.g. 2021-02-29 or 2021-04-31 */
};

/* Reads exactly YYYY-MM-DD (year 0001-9999, zero-padded month and day,
 * nothing before or after) from s[0..len) into *out. Returns
 * LOV_DATE_PARSE_OK or a lov_date_parse_code. */
int lov_date_parse(const char *s, size_t len, lov_date *out);

/* The general message for a lov_date_parse code, e.g. "the month must be
 * from 01 to 12"; never NULL. */
const char *lov_date_parse_error(int code);

/* Writes the message for why s[0..len) is not a date, with the concrete
 * figures ("that day does not exist in that month (February 2021 has 28
 * days)"), into buf as snprintf does; an empty message when s is a date. */
size_t lov_date_parse_explain(const char *s, size_t len, char *buf, size_t cap);

/* Writes date as YYYY-MM-DD and a NUL into buf; returns 10. A date outside
 * 0001-01-01 .. 9999-12-31 is written as "invalid" (returns 7). */
size_t lov_date_format(lov_date date, char buf[LOV_DATE_BUFSIZE]);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* State shared by the scenario scanner and parser, and the helpers their
 * actions call. */
#ifndef LOV_SCN_PARSE_H
#define LOV_SCN_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "suites/scenario.h"

typedef struct scn_parse_state {
    scn_suite *suite;
    diag_ctx *diag;
    src_file *file;
    uint32_t offset;         /* scanner position, in bytes */
    bool most_negative;      /* the last number was 9 223 372 036 854 775 808: a number only after '-' */
    src_loc most_negative_at;
} scn_parse_state;

/* A decimal as the scanner reads it. */
typedef struct scn_decimal {
    int64_t coef;
    int32_t scale;
} scn_decimal;

int scn_lex_keyword(const char *text, size_t len);

/* After a number that is not negated: if it was 9 223 372 036 854 775 808,
 * reports it too large and returns true. */
bool scn_most_negative_refused(scn_parse_state *ps);
void scn_lex_error(scn_parse_state *ps, src_loc loc, const char *msg);
void scn_lex_bad(scn_parse_state *ps, src_loc loc, const char *text, size_t len);
void scn_lex_comment(scn_parse_state *ps, src_loc loc, const char *text, size_t len);
src_loc scn_lex_end(scn_parse_state *ps);
const char *scn_lex_copy(scn_parse_state *ps, const char *text, size_t len);
const char *scn_lex_string(scn_parse_state *ps, src_loc loc, const char *text, size_t len);
int32_t scn_lex_date(scn_parse_state *ps, src_loc loc, const char *text, size_t len);
int64_t scn_lex_integer(scn_parse_state *ps, src_loc loc, const char *text, size_t len);
void scn_lex_decimal(scn_parse_state *ps, src_loc loc, const char *text, size_t len, scn_decimal *out);

#endif

/* Helpers for the scanner's actions: keywords, literal values, and the
 * scanner's own error messages. */
#ifndef LOVC_LEX_SUPPORT_H
#define LOVC_LEX_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

#include "parse.h"

/* The token of a reserved word, or 0 when 'text' is an ordinary name. */
int lex_keyword(const char *text, size_t len);

/* True when 'text' (NUL-terminated) is a reserved word. */
bool lex_is_keyword(const char *text);

void lex_error(parse_state *ps, src_loc loc, const char *msg);

/* Where "the end of the file" is shown: just after the last character of
 * the last line that has any. */
src_loc lex_end_location(parse_state *ps);

/* A byte sequence that cannot start a token: an invalid UTF-8 sequence, a
 * control character, or a character the language does not use. */
void lex_bad_char(parse_state *ps, src_loc loc, const char *text, size_t len);

/* Reports the first invalid UTF-8 sequence in a comment, if any. */
void lex_check_utf8(parse_state *ps, src_loc loc, const char *text, size_t len);

/* Literal values; on error they report and return a harmless value. */
int32_t lex_date(parse_state *ps, src_loc loc, const char *text, size_t len);
int64_t lex_integer(parse_state *ps, src_loc loc, const char *text, size_t len);
void lex_decimal(parse_state *ps, src_loc loc, const char *text, size_t len,
                 int64_t *coef, int32_t *scale);

/* The contents of a quoted text with \" and \\ undone, copied into the
 * module's arena. Reports invalid UTF-8 and unknown escapes. */
const char *lex_string(parse_state *ps, src_loc loc, const char *text, size_t len);

#endif

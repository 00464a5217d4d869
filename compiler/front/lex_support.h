/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers for the scanner's actions: keywords, literal values, and the
 * scanner's own error messages. */
#ifndef LOVC_LEX_SUPPORT_H
#define LOVC_LEX_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

#include "front/parse.h"

/* The token of a reserved word, or 0 when 'text' is an ordinary name. */
int lex_keyword(const char *text, size_t len);

/* True when 'text' (NUL-terminated) is a reserved word. */
bool lex_is_keyword(const char *text);

void lex_error(parse_state *ps, src_loc loc, const char *msg);

/* Where "the end of the file" is shown: just after the last character of
 * the last line that has any. */
src_loc lex_end_location(parse_state *ps);

/* A byte that cannot start a token: a control character, or a byte that is
 * not UTF-8. */
void lex_bad_char(parse_state *ps, src_loc loc, const char *text, size_t len);

/* One character (text[0..len), a UTF-8 sequence or a single byte) that the
 * language does not use: reports it, with a hint where the slip is common
 * (€, typographic quotes, invisible spaces, a byte order mark in the middle
 * of the file). Returns the token the character stands for when it can
 * stand for one (€ after a number: 'kr'), else 0. A byte order mark at the
 * very start of the file is no error. */
int lex_other_char(parse_state *ps, src_loc loc, const char *text, size_t len);

/* Bytes in the character at text[0..len): its UTF-8 sequence, or 1. */
size_t lex_char_length(const char *text, size_t len);

/* The length of the name at the start of text[0..len), counting bytes that
 * are not UTF-8 as part of it ('bad' is set when there are any); 0 when
 * text starts with a valid character that cannot be in a name, or holds
 * no letter before such a character. */
size_t lex_name_length(const char *text, size_t len, bool *bad);

/* A name with bytes that are not UTF-8: reports the first one and returns
 * the name with each such byte replaced by U+FFFD, so that it is still one
 * name (and the same name wherever it is written the same way). */
const char *lex_mended_name(parse_state *ps, src_loc loc, const char *text, size_t len);

/* Reports the first invalid UTF-8 sequence in a comment, if any. */
void lex_check_utf8(parse_state *ps, src_loc loc, const char *text, size_t len);

/* Literal values; on error they report and return a harmless value (for
 * a date that does not exist, AST_DATE_INVALID). */
int32_t lex_date(parse_state *ps, src_loc loc, const char *text, size_t len);
int64_t lex_integer(parse_state *ps, src_loc loc, const char *text, size_t len);
void lex_decimal(parse_state *ps, src_loc loc, const char *text, size_t len,
                 int64_t *coef, int32_t *scale);

/* The contents of a quoted text with \" and \\ undone, copied into the
 * module's arena. 'text' starts 'open' bytes after loc.start (the opening
 * quote). Reports invalid UTF-8 and unknown escapes. */
const char *lex_string(parse_state *ps, src_loc loc, size_t open, const char *text, size_t len);

/* For a text that opens with " and has no closing " on its line: the
 * length up to and including a typographic closing quote, or 0. */
size_t lex_curly_close(const char *text, size_t len);

/* A text with typographic quotes at either end (or a typographic opening
 * quote and no closing one): reported once, read as if the quotes were ". */
const char *lex_curly_text(parse_state *ps, src_loc loc, const char *text, size_t len);

/* A provision written without quotes, '§ 13 f, stk. 3': how much of the
 * match text[0..len) belongs to it (up to a reserved word or the end of
 * the line, without trailing spaces). */
size_t lex_provision_length(const char *text, size_t len);

/* Reports the provision text[0..len) ('§ ...', maybe with a closing quote)
 * and returns it as the quoted text it should have been. */
const char *lex_bare_provision(parse_state *ps, src_loc loc, const char *text, size_t len);

#endif

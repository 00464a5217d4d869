/* SPDX-License-Identifier: Apache-2.0 */
/* The scenario scanner's helpers: keywords, literal values, messages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lov.h"
#include "suites/scn_parse.h"
#include "suites/scn_parser.h"
#include "support/util.h"

/* Sorted bytewise, for bsearch. */
static const keyword_entry keywords[] = {
    {"absent", ABSENT}, {"applicable", APPLICABLE}, {"back", BACK}, {"background", BACKGROUND},
    {"conflict", CONFLICT}, {"day", DAY}, {"days", DAYS}, {"expect", EXPECT}, {"false", NO},
    {"for", FOR}, {"given", GIVEN}, {"held", HELD}, {"input", INPUT}, {"invalid", INVALID},
    {"is", IS}, {"kr", KR}, {"missing", MISSING}, {"month", MONTH}, {"months", MONTHS}, {"no", NO},
    {"not", NOT}, {"ok", OK}, {"overflow", OVERFLOW}, {"scenario", SCENARIO}, {"suite", SUITE},
    {"true", YES}, {"undetermined", UNDETERMINED}, {"unknown", UNKNOWN}, {"week", WEEK},
    {"weeks", WEEKS}, {"year", YEAR}, {"years", YEARS}, {"yes", YES},
};

int scn_lex_keyword(const char *text, size_t len)
{
    return keyword_token(keywords, sizeof keywords / sizeof keywords[0], text, len);
}

void scn_lex_error(scn_parse_state *ps, src_loc loc, const char *msg)
{
    diag_error(ps->diag, loc, "%s", msg);
}

static size_t first_invalid_utf8(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k = utf8_seq_len((const unsigned char *)s + i, n - i);
        if (k == 0)
            return i;
        i += k;
    }
    return n;
}

void scn_lex_bad(scn_parse_state *ps, src_loc loc, const char *text, size_t len)
{
    unsigned char c = (unsigned char)text[0];
    if (c >= 0x80 && utf8_seq_len((const unsigned char *)text, len) != len)
        diag_error(ps->diag, loc, "the file is not valid UTF-8 text here (byte 0x%02X); save it as UTF-8", c);
    else if (len == 3 && c == 0xE2 && (unsigned char)text[1] == 0x80
             && ((unsigned char)text[2] == 0x9C || (unsigned char)text[2] == 0x9D || (unsigned char)text[2] == 0x9E))
        diag_error(ps->diag, loc, "unexpected character '%.*s': write quotes as straight quotes (\"), not as "
                   "the curly quotes of a word processor", (int)len, text);
    else if (c < 0x20 || c == 0x7F)
        diag_error(ps->diag, loc, "unexpected control character (code %u) in the suite", c);
    else
        diag_error(ps->diag, loc, "unexpected character '%.*s'", (int)len, text);
}

void scn_lex_comment(scn_parse_state *ps, src_loc loc, const char *text, size_t len)
{
    size_t bad = first_invalid_utf8(text, len);
    if (bad < len) {
        src_loc at = loc;
        at.start = loc.start + (uint32_t)bad;
        at.end = at.start + 1;
        diag_error(ps->diag, at, "the file is not valid UTF-8 text here (byte 0x%02X); save it as UTF-8",
                   (unsigned char)text[bad]);
    }
}

src_loc scn_lex_end(scn_parse_state *ps)
{
    const src_file *f = ps->file;
    uint32_t end = (uint32_t)f->len;
    while (end > 0 && strchr(" \t\r\n", f->text[end - 1]))
        end--;
    src_loc loc = {f, end, end};
    return loc;
}

const char *scn_lex_copy(scn_parse_state *ps, const char *text, size_t len)
{
    char *s = arena_alloc(&ps->suite->arena, len + 1);
    memcpy(s, text, len);
    s[len] = '\0';
    return s;
}

const char *scn_lex_string(scn_parse_state *ps, src_loc loc, const char *text, size_t len)
{
    size_t bad = first_invalid_utf8(text, len);
    if (bad < len) {
        src_loc at = loc;
        at.start = loc.start + 1 + (uint32_t)bad;
        at.end = at.start + 1;
        diag_error(ps->diag, at, "the file is not valid UTF-8 text here (byte 0x%02X); save it as UTF-8",
                   (unsigned char)text[bad]);
    }
    char *out = arena_alloc(&ps->suite->arena, len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\\' && i + 1 < len) {
            char c = text[++i];
            if (c != '"' && c != '\\') {
                src_loc at = loc;
                at.start = loc.start + 1 + (uint32_t)(i - 1);
                at.end = at.start + 2;
                diag_error(ps->diag, at, "unknown escape '\\%c' in a quoted text: only \\\" and \\\\ are allowed", c);
            }
            out[n++] = c;
            continue;
        }
        out[n++] = text[i];
    }
    out[n] = '\0';
    return out;
}

int32_t scn_lex_date(scn_parse_state *ps, src_loc loc, const char *text, size_t len)
{
    lov_date d;
    if (lov_date_parse(text, len, &d) == LOV_DATE_PARSE_OK)
        return d;
    char why[160];
    lov_date_parse_explain(text, len, why, sizeof why);
    diag_error(ps->diag, loc, "%.*s is not a date: %s", (int)len, text, why);
    return 0;
}

/* 2^63, the size of the most negative integer: written after '-' only. */
#define MOST_NEGATIVE_SIZE (UINT64_C(1) << 63)

int64_t scn_lex_integer(scn_parse_state *ps, src_loc loc, const char *text, size_t len)
{
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == ' ')
            continue;
        unsigned digit = (unsigned)(text[i] - '0');
        if (v > (MOST_NEGATIVE_SIZE - digit) / 10) {
            diag_error(ps->diag, loc, "the number %.*s is too large (the largest is 9 223 372 036 854 775 807)",
                       (int)len, text);
            return 0;
        }
        v = v * 10 + digit;
    }
    if (v == MOST_NEGATIVE_SIZE) {       /* the parser decides: after '-' it is INT64_MIN */
        ps->most_negative = true;
        ps->most_negative_at = loc;
        return INT64_MIN;
    }
    return (int64_t)v;
}

bool scn_most_negative_refused(scn_parse_state *ps)
{
    if (!ps->most_negative)
        return false;
    ps->most_negative = false;
    src_loc at = ps->most_negative_at;
    diag_error(ps->diag, at, "the number %.*s is too large (the largest is 9 223 372 036 854 775 807)",
               (int)(at.end - at.start), ps->file->text + at.start);
    return true;
}

void scn_lex_decimal(scn_parse_state *ps, src_loc loc, const char *text, size_t len, scn_decimal *out)
{
    int64_t v = 0;
    int32_t s = 0;
    bool after_point = false;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == ' ')
            continue;
        if (text[i] == '.') {
            after_point = true;
            continue;
        }
        int digit = text[i] - '0';
        if (v > (INT64_MAX - digit) / 10 || s >= 18) {
            diag_error(ps->diag, loc, "the number %.*s has too many digits (at most 18 in all, and 18 after the point)",
                       (int)len, text);
            out->coef = 0;
            out->scale = 0;
            return;
        }
        v = v * 10 + digit;
        if (after_point)
            s++;
    }
    out->coef = v;
    out->scale = s;
}

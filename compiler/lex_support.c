#include "lex_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lov.h"
#include "parser.h"
#include "util.h"

/* Sorted by text (bytewise) for bsearch. */
static const struct keyword {
    const char *text;
    int token;
} keywords[] = {
    {"absent", ABSENT}, {"according", ACCORDING}, {"adverse", ADVERSE},
    {"after", AFTER}, {"all", ALL}, {"always", ALWAYS}, {"and", AND},
    {"assert", ASSERT}, {"at", AT}, {"before", BEFORE}, {"between", BETWEEN},
    {"boolean", BOOLEAN}, {"case", CASE}, {"count", COUNT}, {"date", DATE_KW},
    {"day", DAY}, {"days", DAYS}, {"decimal", DECIMAL_KW}, {"decimals", DECIMALS},
    {"decision", DECISION},
    {"default", DEFAULT}, {"definition", DEFINITION}, {"down", DOWN},
    {"duration", DURATION}, {"else", ELSE}, {"end", END}, {"enum", ENUM},
    {"even", EVEN}, {"exception", EXCEPTION}, {"exists", EXISTS},
    {"external", EXTERNAL}, {"false", NO}, {"field", FIELD}, {"for", FOR},
    {"force", FORCE}, {"from", FROM}, {"half", HALF}, {"hearing", HEARING}, {"holds", HOLDS},
    {"if", IF},
    {"implies", IMPLIES}, {"in", IN}, {"input", INPUT}, {"integer", INTEGER_KW},
    {"is", IS}, {"kr", KR}, {"list", LIST}, {"match", MATCH},
    {"maximum", MAXIMUM}, {"minimum", MINIMUM}, {"module", MODULE},
    {"money", MONEY}, {"month", MONTH}, {"months", MONTHS}, {"no", NO},
    {"not", NOT}, {"of", OF}, {"optional", OPTIONAL}, {"or", OR},
    {"otherwise", OTHERWISE}, {"outcome", OUTCOME}, {"parameter", PARAMETER},
    {"present", PRESENT}, {"record", RECORD}, {"reference", REFERENCE},
    {"requires", REQUIRES}, {"rounded", ROUNDED}, {"rule", RULE},
    {"source", SOURCE}, {"sum", SUM}, {"text", TEXT}, {"then", THEN},
    {"title", TITLE}, {"to", TO}, {"true", YES}, {"until", UNTIL}, {"up", UP},
    {"use", USE}, {"version", VERSION}, {"week", WEEK}, {"weeks", WEEKS},
    {"when", WHEN}, {"where", WHERE}, {"within", WITHIN}, {"without", WITHOUT}, {"year", YEAR},
    {"years", YEARS}, {"yes", YES},
};

static int keyword_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const struct keyword *)elem)->text);
}

int lex_keyword(const char *text, size_t len)
{
    char buf[16];
    if (len >= sizeof buf)
        return 0;
    memcpy(buf, text, len);
    buf[len] = '\0';
    const struct keyword *k = bsearch(buf, keywords, sizeof keywords / sizeof keywords[0],
                                      sizeof keywords[0], keyword_cmp);
    return k ? k->token : 0;
}

bool lex_is_keyword(const char *text)
{
    return lex_keyword(text, strlen(text)) != 0;
}

void lex_error(parse_state *ps, src_loc loc, const char *msg)
{
    diag_error(ps->diag, loc, "%s", msg);
}

src_loc lex_end_location(parse_state *ps)
{
    const src_file *f = ps->file;
    uint32_t end = (uint32_t)f->len;
    while (end > 0 && (f->text[end - 1] == '\n' || f->text[end - 1] == '\r' || f->text[end - 1] == ' '
                       || f->text[end - 1] == '\t'))
        end--;
    src_loc loc = {f, end, end};
    return loc;
}

/* Offset of the first invalid UTF-8 sequence in s[0..n), or n. */
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

static void report_invalid_byte(parse_state *ps, src_loc loc, unsigned char byte)
{
    diag_error(ps->diag, loc,
               "the file is not valid UTF-8 text here (byte 0x%02X); save it as UTF-8", byte);
}

void lex_bad_char(parse_state *ps, src_loc loc, const char *text, size_t len)
{
    unsigned char c = (unsigned char)text[0];
    if (c >= 0x80 && utf8_seq_len((const unsigned char *)text, len) != len) {
        report_invalid_byte(ps, loc, c);
        return;
    }
    if (c < 0x20 || c == 0x7F) {
        diag_error(ps->diag, loc, "unexpected control character (code %u) in the rules", c);
        return;
    }
    if (len == 2 && c == 0xC2 && (unsigned char)text[1] == 0xA7) {
        diag_error(ps->diag, loc,
                   "unexpected '§': a provision is written in quotes, as in: according to "
                   "aktivloven \"§ 13 f, stk. 9\"");
        return;
    }
    diag_error(ps->diag, loc, "unexpected character '%.*s'", (int)len, text);
}

void lex_check_utf8(parse_state *ps, src_loc loc, const char *text, size_t len)
{
    size_t bad = first_invalid_utf8(text, len);
    if (bad < len) {
        src_loc at = loc;
        at.start = loc.start + (uint32_t)bad;
        at.end = at.start + 1;
        report_invalid_byte(ps, at, (unsigned char)text[bad]);
    }
}

int32_t lex_date(parse_state *ps, src_loc loc, const char *text, size_t len)
{
    lov_date d;
    if (lov_date_parse(text, len, &d) == LOV_DATE_PARSE_OK)
        return d;
    char why[160];
    lov_date_parse_explain(text, len, why, sizeof why);
    diag_error(ps->diag, loc, "%.*s is not a date: %s", (int)len, text, why);
    return 0;
}

int64_t lex_integer(parse_state *ps, src_loc loc, const char *text, size_t len)
{
    int64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == ' ')
            continue;
        int digit = text[i] - '0';
        if (v > (INT64_MAX - digit) / 10) {
            diag_error(ps->diag, loc,
                       "the number %.*s is too large (the largest is 9 223 372 036 854 775 807)",
                       (int)len, text);
            return 0;
        }
        v = v * 10 + digit;
    }
    return v;
}

void lex_decimal(parse_state *ps, src_loc loc, const char *text, size_t len,
                 int64_t *coef, int32_t *scale)
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
            diag_error(ps->diag, loc,
                       "the number %.*s has too many digits (at most 18 in all, and 18 after the point)",
                       (int)len, text);
            *coef = 0;
            *scale = 0;
            return;
        }
        v = v * 10 + digit;
        if (after_point)
            s++;
    }
    *coef = v;
    *scale = s;
}

const char *lex_string(parse_state *ps, src_loc loc, const char *text, size_t len)
{
    size_t bad = first_invalid_utf8(text, len);
    if (bad < len) {
        src_loc at = loc;
        at.start = loc.start + 1 + (uint32_t)bad;
        at.end = at.start + 1;
        report_invalid_byte(ps, at, (unsigned char)text[bad]);
    }
    char *out = arena_alloc(&ps->mod->arena, len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\\' && i + 1 < len) {
            char c = text[++i];
            if (c == '"' || c == '\\') {
                out[n++] = c;
                continue;
            }
            src_loc at = loc;
            at.start = loc.start + 1 + (uint32_t)(i - 1);
            at.end = at.start + 2;
            diag_error(ps->diag, at,
                       "unknown escape '\\%c' in a quoted text: only \\\" and \\\\ are allowed", c);
            out[n++] = c;
            continue;
        }
        out[n++] = text[i];
    }
    out[n] = '\0';
    return out;
}

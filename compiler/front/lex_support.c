/* SPDX-License-Identifier: Apache-2.0 */
#include "front/lex_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lov.h"
#include "front/parser.h"
#include "support/util.h"

/* Sorted by text (bytewise) for bsearch. */
static const keyword_entry keywords[] = {
    {"absent", ABSENT}, {"according", ACCORDING}, {"adverse", ADVERSE},
    {"after", AFTER}, {"all", ALL}, {"always", ALWAYS}, {"and", AND},
    {"assert", ASSERT}, {"at", AT}, {"before", BEFORE}, {"between", BETWEEN},
    {"boolean", BOOLEAN}, {"case", CASE}, {"count", COUNT}, {"date", DATE_KW},
    {"day", DAY}, {"days", DAYS}, {"decimal", DECIMAL_KW}, {"decimals", DECIMALS},
    {"decision", DECISION},
    {"default", DEFAULT}, {"definition", DEFINITION}, {"down", DOWN},
    {"duration", DURATION}, {"else", ELSE}, {"end", END}, {"enum", ENUM},
    {"even", EVEN}, {"event", EVENT}, {"every", EVERY}, {"except", EXCEPT}, {"exception", EXCEPTION}, {"exists", EXISTS},
    {"external", EXTERNAL}, {"false", NO}, {"field", FIELD}, {"for", FOR},
    {"force", FORCE}, {"from", FROM}, {"guidance", GUIDANCE}, {"half", HALF}, {"hearing", HEARING},
    {"holds", HOLDS},
    {"if", IF},
    {"implies", IMPLIES}, {"in", IN}, {"input", INPUT}, {"integer", INTEGER_KW},
    {"is", IS}, {"kr", KR}, {"least", LEAST}, {"list", LIST}, {"match", MATCH},
    {"maximum", MAXIMUM}, {"minimum", MINIMUM}, {"module", MODULE},
    {"money", MONEY}, {"month", MONTH}, {"months", MONTHS}, {"most", MOST}, {"no", NO},
    {"not", NOT}, {"of", OF}, {"optional", OPTIONAL}, {"or", OR},
    {"otherwise", OTHERWISE}, {"outcome", OUTCOME}, {"parameter", PARAMETER},
    {"planned", PLANNED}, {"present", PRESENT}, {"procedure", PROCEDURE}, {"record", RECORD}, {"reference", REFERENCE},
    {"requires", REQUIRES}, {"rounded", ROUNDED}, {"rule", RULE}, {"sanction", SANCTION},
    {"source", SOURCE}, {"sum", SUM}, {"text", TEXT}, {"then", THEN},
    {"title", TITLE}, {"to", TO}, {"true", YES}, {"until", UNTIL}, {"unverified", UNVERIFIED}, {"up", UP},
    {"use", USE}, {"version", VERSION}, {"week", WEEK}, {"weeks", WEEKS},
    {"when", WHEN}, {"where", WHERE}, {"within", WITHIN}, {"without", WITHOUT}, {"year", YEAR},
    {"years", YEARS}, {"yes", YES},
};

int lex_keyword(const char *text, size_t len)
{
    return keyword_token(keywords, sizeof keywords / sizeof keywords[0], text, len);
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

/* Reported once per file: bytes that are not UTF-8 mostly come from a file
 * saved in another encoding, which one fix mends everywhere. */
static void report_invalid_byte(parse_state *ps, src_loc loc, unsigned char byte)
{
    if (ps->utf8_reported)
        return;
    ps->utf8_reported = true;
    diag_error(ps->diag, loc,
               "the file is not valid UTF-8 text here (byte 0x%02X); save it as UTF-8", byte);
}

/* The code point of the valid UTF-8 sequence s[0..k). */
static unsigned code_point(const unsigned char *s, size_t k)
{
    if (k == 1)
        return s[0];
    unsigned c = s[0] & (0x7Fu >> k);
    for (size_t i = 1; i < k; i++)
        c = (c << 6) | (s[i] & 0x3Fu);
    return c;
}

/* Characters that show as nothing or as a plain space, so that a message
 * quoting them would show nothing. */
static const char *invisible_name(unsigned c)
{
    switch (c) {
    case 0xFEFF: return "a byte order mark (U+FEFF), which belongs only at the very start of a file";
    case 0x00A0: return "a no-break space (U+00A0)";
    case 0x202F: return "a narrow no-break space (U+202F)";
    case 0x00AD: return "a soft hyphen (U+00AD)";
    case 0x200B: return "a zero-width space (U+200B)";
    case 0x200C: case 0x200D: return "a zero-width joiner (U+200C or U+200D)";
    case 0x200E: case 0x200F: return "a mark of writing direction (U+200E or U+200F)";
    case 0x2028: return "a line separator (U+2028)";
    case 0x2029: return "a paragraph separator (U+2029)";
    case 0x2060: return "a word joiner (U+2060)";
    case 0x3000: return "an ideographic space (U+3000)";
    default: break;
    }
    if (c >= 0x2000 && c <= 0x200A)
        return "a typographic space (U+2000 to U+200A)";
    return NULL;
}

/* What to write instead of a character that word processors put in. */
static const char *char_hint(unsigned c)
{
    switch (c) {
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
    case 0x2018: case 0x2019:
        return "quoted text is written between straight quotes, as in \"...\"";
    case 0x20AC:
        return "amounts are in kroner, written as in 1 054 kr";
    case 0x2212: case 0x2013: case 0x2014:
        return "a minus is written '-'";
    case 0x00D7:
        return "to multiply, write '*'";
    case 0x00F7:
        return "to divide, write '/'";
    default:
        return NULL;
    }
}

/* Is the last character before 'offset' that is not a space a digit? */
static bool after_number(const parse_state *ps, uint32_t offset)
{
    const char *t = ps->file->text;
    while (offset > 0 && (t[offset - 1] == ' ' || t[offset - 1] == '\t'))
        offset--;
    return offset > 0 && t[offset - 1] >= '0' && t[offset - 1] <= '9';
}

int lex_other_char(parse_state *ps, src_loc loc, const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t k = utf8_seq_len(u, len);
    if (k == 0 || k != len) {
        report_invalid_byte(ps, loc, u[0]);
        return 0;
    }
    unsigned c = code_point(u, k);
    if (c < 0x20 || c == 0x7F) {
        diag_error(ps->diag, loc, "unexpected control character (code %u) in the rules", c);
        return 0;
    }
    if (c == 0xFEFF && loc.start == 0)
        return 0;                               /* the mark that may begin a file */
    const char *invisible = invisible_name(c);
    if (invisible) {
        diag_error(ps->diag, loc, "an invisible character stands here: %s; %s", invisible,
                   c == 0xFEFF || c == 0x00AD || (c >= 0x200B && c <= 0x200F) || c == 0x2060
                       ? "remove it"
                       : "write an ordinary space instead");
        return 0;
    }
    const char *hint = char_hint(c);
    diag_error(ps->diag, loc, "unexpected character '%.*s'%s%s", (int)len, text, hint ? ": " : "",
               hint ? hint : "");
    /* Read as what was meant, so that the rest is read as usual: '1 054 €'
     * as '1 054 kr', 'a − b' as 'a - b'. */
    if (c == 0x20AC && after_number(ps, loc.start))
        return KR;
    if (c == 0x2212 || c == 0x2013 || c == 0x2014)
        return '-';
    if (c == 0x00D7)
        return '*';
    if (c == 0x00F7)
        return '/';
    return 0;
}

void lex_bad_char(parse_state *ps, src_loc loc, const char *text, size_t len)
{
    lex_other_char(ps, loc, text, len);
}

size_t lex_char_length(const char *text, size_t len)
{
    size_t k = utf8_seq_len((const unsigned char *)text, len);
    return k ? k : 1;
}

/* Is s[0..k) (a valid UTF-8 sequence of 2 bytes or more) a letter that
 * names may hold? The same letters as MBLETTER in lexer.l. */
static bool is_name_letter(const unsigned char *s, size_t k)
{
    if (k != 2)
        return false;
    unsigned c = code_point(s, k);
    return (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7) || (c >= 0x100 && c <= 0x27F)
           || (c >= 0x386 && c <= 0x3FF) || (c >= 0x400 && c <= 0x4FF);
}

size_t lex_name_length(const char *text, size_t len, bool *bad)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t i = 0, letters = 0;
    *bad = false;
    while (i < len) {
        unsigned char c = u[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
            i++;
            letters++;
            continue;
        }
        if (c < 0x80)
            break;
        size_t k = utf8_seq_len(u + i, len - i);
        if (k == 0) {
            *bad = true;
            i++;
        } else if (is_name_letter(u + i, k)) {
            i += k;
            letters++;
        } else
            break;
    }
    return letters ? i : 0;
}

const char *lex_mended_name(parse_state *ps, src_loc loc, const char *text, size_t len)
{
    strbuf sb;
    sb_init(&sb);
    bool reported = false;
    for (size_t i = 0; i < len;) {
        size_t k = utf8_seq_len((const unsigned char *)text + i, len - i);
        if (k == 0) {
            if (!reported) {
                src_loc at = {loc.file, loc.start + (uint32_t)i, loc.start + (uint32_t)i + 1};
                report_invalid_byte(ps, at, (unsigned char)text[i]);
                reported = true;
            }
            sb_puts(&sb, "\xEF\xBF\xBD");
            i++;
        } else {
            sb_putn(&sb, text + i, k);
            i += k;
        }
    }
    const char *name = ast_strdup(&ps->mod->arena, sb.data, sb.len);
    sb_free(&sb);
    return name;
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
    return AST_DATE_INVALID;
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
                       "the number %.*s has too many digits: a decimal number has at most 18",
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

const char *lex_string(parse_state *ps, src_loc loc, size_t open, const char *text, size_t len)
{
    uint32_t first = loc.start + (uint32_t)open;      /* where text[0] is in the file */
    size_t bad = first_invalid_utf8(text, len);
    if (bad < len) {
        src_loc at = loc;
        at.start = first + (uint32_t)bad;
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
            /* The whole character after the backslash, also when it is
             * more than one byte (\§). */
            size_t k = lex_char_length(text + i, len - i);
            src_loc at = loc;
            at.start = first + (uint32_t)(i - 1);
            at.end = at.start + 1 + (uint32_t)k;
            diag_error(ps->diag, at,
                       "unknown escape '\\%.*s' in a quoted text: only \\\" and \\\\ are allowed",
                       (int)k, text + i);
            memcpy(out + n, text + i, k);
            n += k;
            i += k - 1;
            continue;
        }
        out[n++] = text[i];
    }
    out[n] = '\0';
    return out;
}

/* Bytes of the typographic quote (“ ” „ « ») at s[0..n), or 0. */
static size_t curly_quote(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x9C || u[2] == 0x9D || u[2] == 0x9E))
        return 3;
    if (n >= 2 && u[0] == 0xC2 && (u[1] == 0xAB || u[1] == 0xBB))
        return 2;
    return 0;
}

size_t lex_curly_close(const char *text, size_t len)
{
    for (size_t i = 1; i < len; i++) {
        if (text[i] == '\\') {
            i++;
            continue;
        }
        size_t k = curly_quote(text + i, len - i);
        if (k)
            return i + k;
    }
    return 0;
}

const char *lex_curly_text(parse_state *ps, src_loc loc, const char *text, size_t len)
{
    size_t open = text[0] == '"' ? 1 : curly_quote(text, len);
    size_t close = 0;
    if (len > open && text[len - 1] == '"')
        close = 1;
    for (size_t k = 2; k <= 3 && !close; k++)
        if (len >= open + k && curly_quote(text + len - k, k) == k)
            close = k;
    if (close)
        diag_error(ps->diag, loc, "this text is in typographic quotes: write straight quotes (\") "
                   "around it");
    else
        diag_error(ps->diag, loc, "this text opens with a typographic quote and has no closing quote "
                   "on its line: write straight quotes (\") around it");
    return lex_string(ps, loc, open, text + open, len - open - close);
}

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

size_t lex_provision_length(const char *text, size_t len)
{
    size_t i = 2, end = len;                        /* after the '§' */
    while (i < len) {
        if (word_byte((unsigned char)text[i])) {
            size_t w = i;
            while (w < len && word_byte((unsigned char)text[w]))
                w++;
            if (lex_keyword(text + i, w - i)) {
                end = i;                            /* 'text', 'when', '=' ... end it */
                break;
            }
            i = w;
            continue;
        }
        i++;
    }
    if (end == len && text[len - 1] == '"')
        return len;                                  /* '§ 13 f"': the opening quote is missing */
    while (end > 2 && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r'))
        end--;
    return end;
}

const char *lex_bare_provision(parse_state *ps, src_loc loc, const char *text, size_t len)
{
    if (len > 2 && text[len - 1] == '"')
        len--;
    lex_check_utf8(ps, loc, text, len);
    diag_error(ps->diag, loc, "unexpected '§': a provision is written in quotes, as in \"%.*s\"",
               (int)len, text);
    return ast_strdup(&ps->mod->arena, text, len);
}

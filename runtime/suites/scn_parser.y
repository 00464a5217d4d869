/* SPDX-License-Identifier: Apache-2.0 */
/* The grammar of scenario suites. Builds the tree of scenario.h and nothing
 * else; whether names and values fit the module is checked afterwards
 * (scenario_check.c). Errors are recovered at each scenario and each line
 * of facts or expectations. */
%require "3.8"
%define api.pure full
%define api.prefix {scnp_}
%define api.location.type {src_loc}
%define parse.error custom
%define parse.lac full
%locations
%header
%expect 0

%param {yyscan_t scanner}
%parse-param {scn_parse_state *ps}

%code requires {
#include "suites/scn_parse.h"
typedef void *yyscan_t;

#define YYLLOC_DEFAULT(Cur, Rhs, N)                              \
    do {                                                         \
        if (N) {                                                 \
            (Cur).file = YYRHSLOC(Rhs, 1).file;                  \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                \
            (Cur).end = YYRHSLOC(Rhs, N).end;                    \
        } else {                                                 \
            (Cur).file = YYRHSLOC(Rhs, 0).file;                  \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;      \
        }                                                        \
    } while (0)
}

%code provides {
int scnp_lex(SCNP_STYPE *yylval, src_loc *yylloc, yyscan_t scanner);
}

%code {
#include <stdlib.h>
#include <string.h>

#include "support/util.h"

#define YYSTYPE SCNP_STYPE
#define YYLTYPE SCNP_LTYPE
#include "suites/scn_lexer.h"

#define A (&ps->suite->arena)

static void scnp_error(src_loc *loc, yyscan_t scanner, scn_parse_state *ps, const char *msg);
static scn_value *value(scn_parse_state *ps, scn_value_kind kind, src_loc loc);
static scn_scenario *scenario(scn_parse_state *ps, const char *name, src_loc loc);
static scn_given *given(scn_parse_state *ps, scn_given_kind kind, scn_ident name, src_loc loc);
static scn_expect *expectation(scn_parse_state *ps, scn_expect_kind kind, src_loc loc);
static scn_value *money(scn_parse_state *ps, scn_decimal d, bool negative, src_loc loc);
static scn_value *duration(scn_parse_state *ps, int64_t n, int unit, src_loc loc);
}

%initial-action {
    @$.file = ps->file;
    @$.start = @$.end = 0;
}

%union {
    int64_t i;
    scn_decimal dec;
    int32_t date;
    const char *str;
    scn_ident id;
    scn_value *v;
    scn_given *g;
    scn_expect *x;
    scn_scenario *sc;
    scn_list list;
    lov_status status;
    int unit;
}

%token <i> INTEGER "a number"
%token <dec> DECIMAL "a decimal number"
%token <date> DATE "a date"
%token <str> STRING "a quoted text"
%token <str> PATH "a file name"
%token <id> IDENT "a name"
%token ROW_END "the end of the row"

%token SUITE "'suite'" FOR "'for'" BACKGROUND "'background'" SCENARIO "'scenario'"
%token GIVEN "'given'" EXPECT "'expect'" YES "'yes'" NO "'no'" ABSENT "'absent'"
%token UNKNOWN "'unknown'" IS "'is'" NOT "'not'" APPLICABLE "'applicable'"
%token UNDETERMINED "'undetermined'" CONFLICT "'conflict'" OK "'ok'" OVERFLOW "'overflow'"
%token INVALID "'invalid'" INPUT "'input'" HELD "'held'" BACK "'back'" MISSING "'missing'"
%token KR "'kr'" DAY "'day'" DAYS "'days'" WEEK "'week'" WEEKS "'weeks'" MONTH "'month'"
%token MONTHS "'months'" YEAR "'year'" YEARS "'years'"

/* A syntax error inside a scenario is recovered at the line (givens error,
 * expectations error) rather than by giving up the scenario (section:
 * error): a section ends below an error token. */
%precedence SECTION_END
%precedence error

%type <str> rules_file
%type <id> name
%type <v> value number_value
%type <g> given
%type <x> expectation
%type <sc> scenario
%type <list> givens expectations row cells rows names values
%type <status> status
%type <unit> unit

%%

file:
    header sections
  ;

header:
    SUITE STRING FOR rules_file
        { ps->suite->title = $2; ps->suite->rules = $4; ps->suite->rules_loc = @4; }
  | error
        { }
  ;

rules_file:
    PATH                         { $$ = $1; }
  | STRING                       { $$ = $1; }
  ;

sections:
    %empty
  | sections section
  ;

section:
    BACKGROUND givens %prec SECTION_END
        { for (int i = 0; i < $2.len; i++) arena_push(A, &ps->suite->background, SCN_AT($2, i)); }
  | scenario
        { arena_push(A, &ps->suite->scenarios, $1); }
  | error
        { }
  ;

/* scenario "name" given ... expect ...; a scenario that expects nothing is
 * read too, and refused by the checker (so that the next scenario is not
 * taken for part of it). */
scenario:
    SCENARIO STRING GIVEN givens EXPECT expectations %prec SECTION_END
        { $$ = scenario(ps, $2, @2); $$->givens = $4; $$->expects = $6; }
  | SCENARIO STRING GIVEN givens %prec SECTION_END
        { $$ = scenario(ps, $2, @2); $$->givens = $4; }
  | SCENARIO STRING EXPECT expectations %prec SECTION_END
        { $$ = scenario(ps, $2, @2); $$->expects = $4; }
  ;

givens:
    %empty                       { memset(&$$, 0, sizeof $$); }
  | givens given                 { $$ = $1; arena_push(A, &$$, $2); }
  | givens error                 { $$ = $1; }
  ;

given:
    name '=' value
        { $$ = given(ps, GIVEN_VALUE, $1, @$); $$->value = $3; }
  | name '=' UNKNOWN
        { $$ = given(ps, GIVEN_VALUE, $1, @$); $$->value = value(ps, SV_UNKNOWN, @3); }
  | name '=' rows
        { $$ = given(ps, GIVEN_TABLE, $1, @$); $$->rows = $3; }
  | name '(' values ')' '=' value
        { $$ = given(ps, GIVEN_CALL, $1, @$); $$->args = $3; $$->value = $6; }
  | name '(' ')' '=' value
        { $$ = given(ps, GIVEN_CALL, $1, @$); $$->value = $5; }
  ;

values:
    value                        { memset(&$$, 0, sizeof $$); arena_push(A, &$$, $1); }
  | values ',' value             { $$ = $1; arena_push(A, &$$, $3); }
  ;

/* A table: the first row names the columns, one row per item. */
rows:
    row                          { memset(&$$, 0, sizeof $$); scn_list *r = arena_alloc(A, sizeof *r); *r = $1; arena_push(A, &$$, r); }
  | rows row                     { $$ = $1; scn_list *r = arena_alloc(A, sizeof *r); *r = $2; arena_push(A, &$$, r); }
  ;

row:
    '|' cells '|' ROW_END        { $$ = $2; }
  ;

cells:
    value                        { memset(&$$, 0, sizeof $$); arena_push(A, &$$, $1); }
  | cells '|' value              { $$ = $1; arena_push(A, &$$, $3); }
  ;

expectations:
    %empty                       { memset(&$$, 0, sizeof $$); }
  | expectations expectation     { $$ = $1; arena_push(A, &$$, $2); }
  | expectations error           { $$ = $1; }
  ;

expectation:
    name '=' value
        { $$ = expectation(ps, EXPECT_VALUE, @$); $$->name = $1; $$->value = $3; }
  | name '=' UNKNOWN
        { $$ = expectation(ps, EXPECT_VALUE, @$); $$->name = $1; $$->value = value(ps, SV_UNKNOWN, @3); }
  | name IS status
        { $$ = expectation(ps, EXPECT_STATUS, @$); $$->name = $1; $$->status = $3; }
  | name IS HELD BACK
        { $$ = expectation(ps, EXPECT_HELD_BACK, @$); $$->name = $1; }
  | NO name
        { $$ = expectation(ps, EXPECT_NONE, @$); $$->name = $2; }
  | MISSING names
        { $$ = expectation(ps, EXPECT_MISSING, @$); $$->names = $2; }
  ;

names:
    name                         { memset(&$$, 0, sizeof $$); scn_ident *p = arena_alloc(A, sizeof *p); *p = $1; arena_push(A, &$$, p); }
  | names ',' name               { $$ = $1; scn_ident *p = arena_alloc(A, sizeof *p); *p = $3; arena_push(A, &$$, p); }
  ;

status:
    OK                           { $$ = LOV_OK; }
  | UNDETERMINED                 { $$ = LOV_UNDETERMINED; }
  | NOT APPLICABLE               { $$ = LOV_NOT_APPLICABLE; }
  | CONFLICT                     { $$ = LOV_CONFLICT; }
  | OVERFLOW                     { $$ = LOV_OVERFLOW; }
  | INVALID INPUT                { $$ = LOV_INVALID_INPUT; }
  ;

/* Values are written as in the rules. */
value:
    number_value                 { $$ = $1; if (scn_most_negative_refused(ps)) $$->i = 0; }
  | '-' number_value             { $$ = $2; $$->loc = @$;
                                   if (ps->most_negative) {
                                       ps->most_negative = false;       /* -9 223 372 036 854 775 808 */
                                   } else {
                                       $$->i = -$$->i; $$->dec.coef = -$$->dec.coef;
                                       $$->dur.months = -$$->dur.months; $$->dur.days = -$$->dur.days;
                                   } }
  | DATE                         { $$ = value(ps, SV_DATE, @$); $$->date = $1; }
  | YES                          { $$ = value(ps, SV_BOOL, @$); $$->b = true; }
  | NO                           { $$ = value(ps, SV_BOOL, @$); $$->b = false; }
  | ABSENT                       { $$ = value(ps, SV_ABSENT, @$); }
  | name                         { $$ = value(ps, SV_NAME, @$); $$->name = $1; }
  | name '.' name                { $$ = value(ps, SV_NAME, @$); $$->qualifier = $1; $$->name = $3; }
  ;

number_value:
    INTEGER                      { $$ = value(ps, SV_INT, @$); $$->i = $1; }
  | DECIMAL                      { $$ = value(ps, SV_DECIMAL, @$); $$->dec.coef = $1.coef; $$->dec.scale = $1.scale; }
  | INTEGER KR                   { scn_decimal d = {scn_most_negative_refused(ps) ? 0 : $1, 0};
                                   $$ = money(ps, d, false, @$); }
  | DECIMAL KR                   { $$ = money(ps, $1, false, @$); }
  | INTEGER '%'                  { $$ = value(ps, SV_PERCENT, @$);
                                   $$->dec.coef = scn_most_negative_refused(ps) ? 0 : $1; $$->dec.scale = 2; }
  | INTEGER unit                 { $$ = duration(ps, scn_most_negative_refused(ps) ? 0 : $1, $2, @$); }
  ;

unit:
    DAY { $$ = 1; } | DAYS { $$ = 1; } | WEEK { $$ = 7; } | WEEKS { $$ = 7; }
  | MONTH { $$ = -1; } | MONTHS { $$ = -1; } | YEAR { $$ = -12; } | YEARS { $$ = -12; }
  ;

name:
    IDENT                        { $$ = $1; }
  ;

%%

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static scn_value *value(scn_parse_state *ps, scn_value_kind kind, src_loc loc)
{
    scn_value *v = arena_alloc(A, sizeof *v);
    v->kind = kind;
    v->loc = loc;
    return v;
}

static scn_scenario *scenario(scn_parse_state *ps, const char *name, src_loc loc)
{
    scn_scenario *sc = arena_alloc(A, sizeof *sc);
    sc->name = name;
    sc->loc = loc;
    int col;
    src_line_col(ps->file, loc.start, &sc->line, &col);
    return sc;
}

static scn_given *given(scn_parse_state *ps, scn_given_kind kind, scn_ident name, src_loc loc)
{
    scn_given *g = arena_alloc(A, sizeof *g);
    g->kind = kind;
    g->name = name;
    g->loc = loc;
    g->input = g->external = -1;
    return g;
}

static scn_expect *expectation(scn_parse_state *ps, scn_expect_kind kind, src_loc loc)
{
    scn_expect *x = arena_alloc(A, sizeof *x);
    x->kind = kind;
    x->loc = loc;
    x->output = -1;
    return x;
}

/* '1 066 kr' or '12.50 kr': at most two decimals (øre). */
static scn_value *money(scn_parse_state *ps, scn_decimal d, bool negative, src_loc loc)
{
    scn_value *v = value(ps, SV_MONEY, loc);
    int64_t ore = d.coef;
    int32_t scale = d.scale;
    if (scale > 2) {
        diag_error(ps->diag, loc, "an amount in kroner has at most two decimals (øre), for example 12.50 kr; "
                   "thousands are set apart with a space, as in 1 066 kr");
        return v;
    }
    for (; scale < 2; scale++) {
        if (ore > INT64_MAX / 10) {
            diag_error(ps->diag, loc, "this amount is too large");
            return v;
        }
        ore *= 10;
    }
    v->i = negative ? -ore : ore;
    return v;
}

/* 'n days' (unit 1), 'n weeks' (7), 'n months' (-1), 'n years' (-12). */
static scn_value *duration(scn_parse_state *ps, int64_t n, int unit, src_loc loc)
{
    scn_value *v = value(ps, SV_DURATION, loc);
    int64_t k = unit < 0 ? -unit : unit;
    if (n > INT32_MAX / k) {
        diag_error(ps->diag, loc, "this duration is too long");
        return v;
    }
    if (unit < 0)
        v->dur.months = (int32_t)(n * k);
    else
        v->dur.days = (int32_t)(n * k);
    return v;
}

/* ---- Slips a tester makes, and what to write instead ---------------------- */

/* The value of the line "name = VALUE" that holds 'at' (or, when the error
 * is at the start of a line, of the line before: '14 dage' is only found
 * wrong on the next line): its span, without the blanks around it. */
static bool value_of_line(const src_file *f, uint32_t at, uint32_t *start, uint32_t *end)
{
    const char *t = f->text;
    uint32_t line = at;
    while (line > 0 && t[line - 1] != '\n')
        line--;
    uint32_t first = line;
    while (first < f->len && (t[first] == ' ' || t[first] == '\t'))
        first++;
    if (first >= at && line > 0) {            /* the error opens its line: look at the line before */
        uint32_t prev = line - 1;
        while (prev > 0 && t[prev - 1] != '\n')
            prev--;
        line = prev;
    }
    uint32_t eol = line;
    while (eol < f->len && t[eol] != '\n')
        eol++;
    uint32_t eq = line;
    while (eq < eol && t[eq] != '=')
        eq++;
    if (eq >= eol)
        return false;
    uint32_t a = eq + 1, b = eol;
    while (a < b && (t[a] == ' ' || t[a] == '\t'))
        a++;
    while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\r'))
        b--;
    const char *hash = memchr(t + a, '#', b - a);
    if (hash)
        for (b = (uint32_t)(hash - t); b > a && t[b - 1] == ' '; b--)
            ;
    *start = a;
    *end = b;
    return b > a;
}

/* Digits with a point between thousands and a comma before the øre, as in
 * Danish ("1.067,50"), written the way a suite reads them ("1 067.50"). */
static bool danish_number(const char *s, size_t n, char *out, size_t cap)
{
    char digits[64];
    size_t nd = 0, frac = 0;
    bool comma = false;
    for (size_t i = 0; i < n; i++) {
        if (is_digit(s[i]) && nd + 1 < sizeof digits) {
            digits[nd++] = s[i];
            frac += comma;
        } else if (s[i] == ',' && !comma) {
            comma = true;
        } else if (s[i] != '.' || comma) {
            return false;
        }
    }
    if (!comma || nd == 0 || frac == 0 || frac > 2 || nd == frac)
        return false;
    size_t whole = nd - frac, k = 0;
    for (size_t i = 0; i < whole && k + 2 < cap; i++) {
        if (i > 0 && (whole - i) % 3 == 0)
            out[k++] = ' ';
        out[k++] = digits[i];
    }
    if (k + frac + 2 >= cap)
        return false;
    out[k++] = '.';
    memcpy(out + k, digits + whole, frac);
    out[k + frac] = '\0';
    return true;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i]))
            return false;
    return n > 0;
}

/* After a syntax error: when the value on its line is a slip of a known
 * kind (an amount, a date or a period written the Danish way), a note says
 * what to write instead. True when it gave one. */
static bool slip_hint(scn_parse_state *ps, src_loc at)
{
    uint32_t a, b;
    if (!value_of_line(ps->file, at.start, &a, &b) || b - a > 60)
        return false;
    const char *v = ps->file->text + a;
    size_t n = b - a;
    src_loc loc = {ps->file, a, b};
    char want[96];
    /* '1067 kr.', '1.067,50 kr': an amount */
    size_t body = n;
    bool stop = n > 3 && memcmp(v + n - 3, "kr.", 3) == 0;
    if (stop)
        body = n - 1;
    if (body > 3 && memcmp(v + body - 3, " kr", 3) == 0) {
        const char *num = v;
        size_t nn = body - 3;
        char fixed[64];
        if (danish_number(num, nn, fixed, sizeof fixed)) {
            snprintf(want, sizeof want, "%s kr", fixed);
            diag_note(ps->diag, loc, "an amount is written with a space between the thousands and a point "
                                     "before the øre: %s", want);
            return true;
        }
        if (stop) {
            diag_note(ps->diag, loc, "write the amount without a full stop after 'kr': %.*s", (int)body, v);
            return true;
        }
    }
    /* 'kr 1067': the amount after the currency */
    if (n > 3 && memcmp(v, "kr ", 3) == 0) {
        const char *num = v + 3;
        size_t nn = n - 3;
        while (nn > 0 && *num == ' ') {
            num++;
            nn--;
        }
        diag_note(ps->diag, loc, "the amount comes first, then 'kr': %.*s kr", (int)nn, num);
        return true;
    }
    /* '06-05-2024': day-month-year */
    if (n == 10 && v[2] == '-' && v[5] == '-' && all_digits(v, 2) && all_digits(v + 3, 2) && all_digits(v + 6, 4)) {
        diag_note(ps->diag, loc, "a date is written year-month-day: %.4s-%.2s-%.2s", v + 6, v + 3, v);
        return true;
    }
    /* '14 dage': a period in Danish */
    static const struct { const char *da, *en; } units[] = {
        {"dag", "days"}, {"dage", "days"}, {"uge", "weeks"}, {"uger", "weeks"},
        {"måned", "months"}, {"måneder", "months"}, {"år", "years"},
    };
    const char *space = memchr(v, ' ', n);
    if (space && all_digits(v, (size_t)(space - v))) {
        const char *word = space + 1;
        size_t wn = n - (size_t)(word - v);
        for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
            if (strlen(units[i].da) == wn && memcmp(word, units[i].da, wn) == 0) {
                diag_note(ps->diag, loc, "a period is written with an English unit (days, weeks, months, "
                                         "years): %.*s %s", (int)(space - v), v, units[i].en);
                return true;
            }
    }
    return false;
}

static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner, scn_parse_state *ps)
{
    (void)scanner;
    enum { SHOW_AT_MOST = 5 };
    yysymbol_kind_t expected[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, expected, YYNTOKENS);
    if (n < 0)
        n = 0;
    yysymbol_kind_t got = yypcontext_token(ctx);
    src_loc loc = *yypcontext_location(ctx);
    strbuf sb;
    sb_init(&sb);
    bool section = false, expect_word = false;
    for (int i = 0; i < n; i++) {
        section |= expected[i] == YYSYMBOL_SCENARIO;
        expect_word |= expected[i] == YYSYMBOL_EXPECT;
    }
    const char *found = got == YYSYMBOL_YYEOF ? "the end of the file" : yysymbol_name(got);
    if (n > 0 && n <= SHOW_AT_MOST) {
        sb_puts(&sb, "expected ");
        for (int i = 0; i < n; i++) {
            if (i > 0)
                sb_puts(&sb, i == n - 1 ? " or " : ", ");
            sb_puts(&sb, yysymbol_name(expected[i]));
        }
        sb_printf(&sb, ", but found %s", found);
    } else if (section && !expect_word) {
        sb_printf(&sb, "expected a new 'scenario' (or 'background'), but found %s", found);
    } else {
        sb_printf(&sb, "%s cannot stand here", found);
    }
    diag_error(ps->diag, loc, "%s", sb.data);
    sb_free(&sb);
    if (expect_word && (got == YYSYMBOL_SCENARIO || got == YYSYMBOL_YYEOF))
        diag_note(ps->diag, loc, "a scenario says what is 'given' and then what to 'expect'");
    if (!slip_hint(ps, loc)) {
        const char *text = ps->file->text;
        if (loc.start > 0 && loc.start + 1 < ps->file->len && text[loc.start] == ','
            && is_digit(text[loc.start - 1]) && is_digit(text[loc.start + 1]))
            diag_note(ps->diag, loc, "a decimal number is written with a point: 12.50, not 12,50");
    }
    return 0;
}

static void scnp_error(src_loc *loc, yyscan_t scanner, scn_parse_state *ps, const char *msg)
{
    (void)scanner;
    diag_error(ps->diag, *loc, "%s", strstr(msg, "exhausted") ? "the suite is nested too deeply to read" : msg);
}

scn_suite *scn_parse(src_file *file, diag_ctx *diag)
{
    scn_parse_state ps;
    memset(&ps, 0, sizeof ps);
    ps.suite = xcalloc(1, sizeof *ps.suite);
    arena_init(&ps.suite->arena);
    ps.suite->file = file;
    ps.diag = diag;
    ps.file = file;
    yyscan_t scanner;
    if (scnp_lex_init_extra(&ps, &scanner) != 0) {
        diag_file_error(diag, file->path, "cannot start reading the file");
        return ps.suite;
    }
    YY_BUFFER_STATE buf = scnp__scan_bytes(file->text, (int)file->len, scanner);
    scnp_parse(scanner, &ps);
    scnp__delete_buffer(buf, scanner);
    scnp_lex_destroy(scanner);
    return ps.suite;
}

void scn_suite_free(scn_suite *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->scenarios.len; i++) {
        scn_scenario *sc = SCN_AT(s->scenarios, i);
        for (int k = 0; k < sc->givens.len; k++) {
            scn_given *g = SCN_AT(sc->givens, k);
            free(g->items);
            free(g->arg_values);
        }
        for (int k = 0; k < sc->expects.len; k++)
            free(((scn_expect *)SCN_AT(sc->expects, k))->inputs);
    }
    for (int k = 0; k < s->background.len; k++) {
        scn_given *g = SCN_AT(s->background, k);
        free(g->items);
        free(g->arg_values);
    }
    arena_free(&s->arena);
    src_free(s->file);
    free(s);
}

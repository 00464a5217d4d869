/* SPDX-License-Identifier: Apache-2.0 */
/* The lov grammar.
 *
 * Builds the syntax tree and nothing else: names, types and legal checks are
 * later passes. Conflicts are resolved by precedence, never by raising
 * %expect. Error recovery happens at declaration and header-clause
 * boundaries, so one slip does not hide the errors after it. */
%require "3.8"
%define api.pure full
%define api.prefix {lovp_}
%define api.location.type {src_loc}
%define parse.error custom
%define parse.lac full
%locations
%header
%expect 0

%param {yyscan_t scanner}
%parse-param {parse_state *ps}

%code requires {
#include "front/ast.h"
#include "front/parse.h"
typedef void *yyscan_t;

/* A span starts at its first symbol and ends at its last; an empty rule sits
 * at the end of the symbol before it. */
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
int lovp_lex(LOVP_STYPE *yylval, src_loc *yylloc, yyscan_t scanner);
}

%code {
#include <string.h>

#define YYSTYPE LOVP_STYPE
#define YYLTYPE LOVP_LTYPE
#include "front/lexer.h"
#include "front/parse_support.h"

#define A (&ps->mod->arena)

static void lovp_error(src_loc *loc, yyscan_t scanner, parse_state *ps, const char *msg);
}

%initial-action {
    @$.file = ps->file;
    @$.start = @$.end = 0;
}

%union {
    int64_t i;
    struct { int64_t coef; int32_t scale; } dec;
    int32_t date;
    const char *str;
    ident id;
    expr *e;
    texpr *t;
    decl *d;
    citation *cite;
    ast_rule *r;
    requirement *req;
    match_arm *arm;
    dated_value *dv;
    formal *f;
    nodelist list;
    int num;
    struct clauses cl;
    struct def_body body;
    struct round_spec round;
    struct period period;
    struct { expr *at_least, *at_most; } bounds;
}

%token <i> INTEGER "a number"
%token <dec> DECIMAL "a decimal number"
%token <date> DATE "a date"
%token <str> STRING "a quoted text"
%token <id> IDENT "a name"

%token MODULE "'module'" TITLE "'title'" SOURCE "'source'" VERSION "'version'"
%token IN "'in'" FORCE "'force'" FROM "'from'" UNTIL "'until'"
%token REFERENCE "'reference'" RULE "'rule'" USE "'use'"
%token ENUM "'enum'" CASE "'case'" RECORD "'record'" FIELD "'field'"
%token INPUT "'input'" PARAMETER "'parameter'" DEFINITION "'definition'"
%token OUTCOME "'outcome'" ADVERSE "'adverse'" REQUIRES "'requires'"
%token DEFAULT "'default'" EXCEPTION "'exception'" TO "'to'" WHEN "'when'"
%token HEARING "'hearing'" DECISION "'decision'" WITHOUT "'without'" GUIDANCE "'guidance'"
%token PROCEDURE "'procedure'" EVERY "'every'" EXCEPT "'except'" SANCTION "'sanction'"
%token ACCORDING "'according'" TEXT "'text'" UNVERIFIED "'unverified'" ASSERT "'assert'" ALWAYS "'always'"
%token EXTERNAL "'external'"
%token BOOLEAN "'boolean'" INTEGER_KW "'integer'" DECIMAL_KW "'decimal'"
%token MONEY "'money'" DATE_KW "'date'" DURATION "'duration'" LIST "'list'"
%token OF "'of'" OPTIONAL "'optional'" EVENT "'event'" PLANNED "'planned'"
%token IF "'if'" THEN "'then'" ELSE "'else'" MATCH "'match'" END "'end'"
%token AND "'and'" OR "'or'" NOT "'not'" IMPLIES "'implies'"
%token IS "'is'" PRESENT "'present'" ABSENT "'absent'" OTHERWISE "'otherwise'"
%token ROUNDED "'rounded'" HALF "'half'" UP "'up'" DOWN "'down'" EVEN "'even'"
%token KR "'kr'" DECIMALS "'decimals'"
%token WITHIN "'within'" BEFORE "'before'" AFTER "'after'" BETWEEN "'between'"
%token SUM "'sum'" COUNT "'count'" EXISTS "'exists'" FOR "'for'" ALL "'all'"
%token WHERE "'where'" HOLDS "'holds'" MINIMUM "'minimum'" MAXIMUM "'maximum'"
%token YES "'yes'" NO "'no'" AT "'at'" LEAST "'least'" MOST "'most'"
%token DAY "'day'" DAYS "'days'" WEEK "'week'" WEEKS "'weeks'"
%token MONTH "'month'" MONTHS "'months'" YEAR "'year'" YEARS "'years'"
%token LE "'<='" GE "'>='" NE "'!='"

/* An error right after the header's clauses is taken as a broken header
 * clause (so the clauses after it are still read), not as a broken item. */
%precedence HEADER_DONE
%precedence error

%type <str> strings opt_text opt_version
%type <id> name declared
%type <e> expr implies_e or_e and_e not_e cmp_e otherwise_e round_e add_e mul_e
%type <e> unary_e unit_e postfix_e primary_e if_e aggregate_e match_e opt_filter bound bound_number
%type <bounds> bounds
%type <t> type fact_type date_kind_type
%type <cite> citation
%type <cl> clauses law_clauses
%type <body> body
%type <r> exception default_rule
%type <req> requirement
%type <arm> arm
%type <dv> dated_value
%type <f> formal
%type <list> enum_cases record_fields requirements exceptions dated_values formals
%type <list> arms string_pieces case_names args
%type <num> unit round_mode procedure_step procedure_target
%type <list> procedure_excepts
%type <round> round_target
%type <period> opt_until

%%

file:
    header items
  ;

/* module NAME, then clauses in any order */
header:
    MODULE name header_clauses %prec HEADER_DONE
                                 { ps->mod->name = $2; ps->mod->has_header = true; }
  | header_clauses %prec HEADER_DONE
                                 { ps_missing_module(ps, @$); }
  ;

header_clauses:
    %empty
  | header_clauses header_clause
  ;

header_clause:
    TITLE strings                { ps_set_title(ps, $2, @$); }
  | SOURCE name strings opt_version
                                 { ps_add_source(ps, $2, $3, $4, @$); }
  | IN FORCE FROM DATE opt_until { ps_set_in_force(ps, $4, $5, @$); }
  | REFERENCE DATE_KW name       { ps_set_reference(ps, $3, @$); }
  | MONTH END RULE name          { ps_set_month_end(ps, $4, @$); }
  | error                        { }
  ;

opt_version:
    %empty                       { $$ = NULL; }
  | VERSION strings              { $$ = $2; }
  ;

opt_until:
    %empty                       { $$.has_until = false; $$.until = 0; }
  | UNTIL DATE                   { $$.has_until = true; $$.until = $2; }
  ;

items:
    %empty
  | items item
  ;

item:
    USE declared FROM STRING     { ps_add_use(ps, $2, $4, @$); }
  | enum_decl
  | record_decl
  | input_decl
  | parameter_decl
  | definition_decl
  | outcome_decl
  | assert_decl
  | external_decl
  | procedure_decl
  | error                        { ps_broken_declaration(ps); }
  ;

/* The name of a declaration. Once it is read, syntax errors are reported
 * again at once (after an earlier error, bison waits for three tokens), and
 * if the rest of the declaration is broken, its name is still known. */
declared:
    name                         { $$ = $1; yyerrok; ps_declaring(ps, $1); }
  ;

/* enum NAME [text] case A [text] case B ... */
enum_decl:
    ENUM declared clauses enum_cases
        { decl *d = ps_decl(ps, D_ENUM, $2, &$3, @$); d->u.enum_.cases = $4; ps_link_cases(d); }
  ;

enum_cases:
    %empty                       { memset(&$$, 0, sizeof $$); }
  | enum_cases CASE name opt_text
        { $$ = $1; enum_case *c = arena_alloc(A, sizeof *c); c->name = $3; c->text = $4;
          c->index = $$.len; arena_push(A, &$$, c); }
  ;

record_decl:
    RECORD declared clauses record_fields
        { decl *d = ps_decl(ps, D_RECORD, $2, &$3, @$); d->u.record.fields = $4; }
  ;

record_fields:
    %empty                       { memset(&$$, 0, sizeof $$); }
  | record_fields FIELD name ':' fact_type opt_text
        { $$ = $1; record_field *f = arena_alloc(A, sizeof *f); f->name = $3; f->type_expr = $5;
          f->text = $6; f->index = $$.len; arena_push(A, &$$, f); }
  ;

input_decl:
    INPUT declared ':' fact_type bounds clauses
        { decl *d = ps_decl(ps, D_INPUT, $2, &$6, @$); d->u.input.type_expr = $4;
          d->u.input.at_least = $5.at_least; d->u.input.at_most = $5.at_most; }
  ;

/* The values a fact may have: 'at least 0 kr', 'at most 744', or both. */
bounds:
    %empty                       { $$.at_least = NULL; $$.at_most = NULL; }
  | AT LEAST bound               { $$.at_least = $3; $$.at_most = NULL; }
  | AT MOST bound                { $$.at_least = NULL; $$.at_most = $3; }
  | AT LEAST bound AT MOST bound { $$.at_least = $3; $$.at_most = $6; }
  ;

/* A bound is written out: a number with its unit, '0 kr', '-5', '12 months'. */
bound:
    bound_number
  | bound_number unit            { $$ = ps_unit(ps, $1, (unit_kind)$2, @$); }
  | '-' bound                    { $$ = ps_unary(ps, U_NEG, $2, @$); }
  ;

bound_number:
    INTEGER                      { $$ = ast_expr(A, E_INT, @$); $$->u.i = $1; }
  | DECIMAL                      { $$ = ast_expr(A, E_DECIMAL, @$); $$->u.dec.coef = $1.coef; $$->u.dec.scale = $1.scale; }
  ;

/* The type of a fact the case system registers (an input or a field): a
 * date there may say what it is, 'event date' (something that happened)
 * or 'planned date' (entered in advance: an end date, a deadline). */
fact_type:
    type
  | date_kind_type
  | OPTIONAL date_kind_type      { $$ = ps_type(ps, TX_OPTIONAL, @$); $$->elem = $2; }
  ;

date_kind_type:
    EVENT DATE_KW                { $$ = ps_type(ps, TX_DATE, @$); $$->date = DATE_EVENT; }
  | PLANNED DATE_KW              { $$ = ps_type(ps, TX_DATE, @$); $$->date = DATE_PLANNED; }
  ;

/* parameter NAME: TYPE clauses, then '= VALUE' or dated values */
parameter_decl:
    PARAMETER declared ':' type clauses '=' expr
        { decl *d = ps_decl(ps, D_PARAMETER, $2, &$5, @$); d->u.param.type_expr = $4;
          d->u.param.constant = $7; }
  | PARAMETER declared ':' type clauses dated_values
        { decl *d = ps_decl(ps, D_PARAMETER, $2, &$5, @$); d->u.param.type_expr = $4;
          d->u.param.values = $6; }
  ;

dated_values:
    dated_value                  { memset(&$$, 0, sizeof $$); arena_push(A, &$$, $1); }
  | dated_values dated_value     { $$ = $1; arena_push(A, &$$, $2); }
  ;

dated_value:
    FROM DATE opt_until ':' expr
        { $$ = arena_alloc(A, sizeof *$$); $$->loc = @$; $$->from = $2;
          $$->has_until = $3.has_until; $$->until = $3.until; $$->value = $5; }
  | FROM DATE opt_until ':' expr UNVERIFIED strings
        { $$ = arena_alloc(A, sizeof *$$); $$->loc = @$; $$->from = $2;
          $$->has_until = $3.has_until; $$->until = $3.until; $$->value = $5;
          $$->unverified = ps_unverified(ps, $7, @6); }
  ;

/* definition NAME[(formals)]: TYPE clauses body */
definition_decl:
    DEFINITION declared ':' type clauses body
        { decl *d = ps_decl(ps, D_DEFINITION, $2, &$5, @$); ps_set_def(ps, d, $4, &$6); }
  | DEFINITION declared '(' formals ')' ':' type clauses body
        { decl *d = ps_decl(ps, D_DEFINITION, $2, &$8, @$); ps_set_def(ps, d, $7, &$9);
          d->u.def.has_params = true; d->u.def.params = $4; }
  ;

formals:
    formal                       { memset(&$$, 0, sizeof $$); $1->index = 0; arena_push(A, &$$, $1); }
  | formals ',' formal           { $$ = $1; $3->index = $$.len; arena_push(A, &$$, $3); }
  ;

formal:
    name ':' type                { $$ = arena_alloc(A, sizeof *$$); $$->name = $1; $$->type_expr = $3; }
  ;

/* [adverse] outcome NAME: TYPE clauses [requires ...] body */
outcome_decl:
    OUTCOME declared ':' type clauses requirements body
        { decl *d = ps_decl(ps, D_OUTCOME, $2, &$5, @$); ps_set_def(ps, d, $4, &$7);
          ps_set_requirements(ps, d, &$6); }
  | ADVERSE OUTCOME declared ':' type clauses requirements body
        { decl *d = ps_decl(ps, D_OUTCOME, $3, &$6, @$); ps_set_def(ps, d, $5, &$8);
          d->u.def.adverse = true; ps_set_requirements(ps, d, &$7); }
  | SANCTION declared ':' type clauses requirements body
        { decl *d = ps_decl(ps, D_OUTCOME, $2, &$5, @$); ps_set_def(ps, d, $4, &$7);
          d->u.def.adverse = true; d->u.def.sanction = true; ps_set_requirements(ps, d, &$6); }
  ;

/* procedure hearing|decision|guidance clauses before every adverse outcome|sanction
 *   except according to ... (each exception the law allows) */
procedure_decl:
    PROCEDURE procedure_step clauses BEFORE EVERY procedure_target procedure_excepts
        { decl *d = ps_procedure(ps, (requirement_kind)$2, @2, &$3, @$);
          d->u.procedure.sanctions_only = $6; d->u.procedure.excepts = $7; }
  ;

procedure_step:
    HEARING                      { $$ = REQ_HEARING; }
  | DECISION                     { $$ = REQ_DECISION; }
  | GUIDANCE                     { $$ = REQ_GUIDANCE; }
  ;

procedure_target:
    ADVERSE OUTCOME              { $$ = 0; }
  | SANCTION                     { $$ = 1; }
  ;

procedure_excepts:
    %empty                       { memset(&$$, 0, sizeof $$); }
  | procedure_excepts EXCEPT citation opt_text
        { $$ = $1; $3->text = $4; arena_push(A, &$$, $3); }
  ;

requirements:
    %empty                       { memset(&$$, 0, sizeof $$); }
  | requirements requirement     { $$ = $1; arena_push(A, &$$, $2); }
  ;

/* requires [hearing | decision] COND according to ...
 * without hearing | decision according to ... (citing the exception relied on) */
requirement:
    REQUIRES expr citation       { $$ = ps_requirement(ps, REQ_OTHER, $2, $3, @$); }
  | REQUIRES HEARING expr citation
                                 { $$ = ps_requirement(ps, REQ_HEARING, $3, $4, @$); }
  | REQUIRES DECISION expr citation
                                 { $$ = ps_requirement(ps, REQ_DECISION, $3, $4, @$); }
  | WITHOUT HEARING citation opt_text
                                 { $$ = ps_requirement(ps, REQ_HEARING, NULL, $3, @$); $3->text = $4; }
  | WITHOUT DECISION citation opt_text
                                 { $$ = ps_requirement(ps, REQ_DECISION, NULL, $3, @$); $3->text = $4; }
  | REQUIRES GUIDANCE expr citation
                                 { $$ = ps_requirement(ps, REQ_GUIDANCE, $3, $4, @$); }
  | WITHOUT GUIDANCE citation opt_text
                                 { $$ = ps_requirement(ps, REQ_GUIDANCE, NULL, $3, @$); $3->text = $4; }
  ;

/* '= EXPR', or [default EXPR] exception... */
body:
    '=' expr                     { memset(&$$, 0, sizeof $$); $$.simple = $2; $$.loc = @2; }
  | default_rule exceptions      { memset(&$$, 0, sizeof $$); $$.default_rule = $1; $$.exceptions = $2; }
  | exceptions                   { memset(&$$, 0, sizeof $$); $$.exceptions = $1; }
  ;

default_rule:
    DEFAULT expr
        { $$ = arena_alloc(A, sizeof *$$); $$->is_default = true; $$->value = $2; $$->loc = @$;
          $$->label.name = "default"; $$->label.loc = @1; }
  ;

exceptions:
    %empty                       { memset(&$$, 0, sizeof $$); }
  | exceptions exception         { $$ = $1; arena_push(A, &$$, $2); }
  ;

/* exception LABEL [to PARENT] [according to ...] [text ...] when COND then VALUE */
exception:
    EXCEPTION name clauses WHEN expr THEN expr
        { $$ = ps_exception(ps, $2, NULL, &$3, $5, $7, @$); }
  | EXCEPTION name TO name clauses WHEN expr THEN expr
        { $$ = ps_exception(ps, $2, &$4, &$5, $7, $9, @$); }
  ;

assert_decl:
    ASSERT declared clauses ALWAYS expr
        { decl *d = ps_decl(ps, D_ASSERT, $2, &$3, @$); d->u.assert_.cond = $5; }
  ;

external_decl:
    EXTERNAL declared '(' formals ')' ':' type clauses
        { decl *d = ps_decl(ps, D_EXTERNAL, $2, &$8, @$); d->u.external.params = $4;
          d->u.external.ret = $7; }
  | EXTERNAL declared '(' ')' ':' type clauses
        { decl *d = ps_decl(ps, D_EXTERNAL, $2, &$7, @$); d->u.external.ret = $6; }
  ;

/* Citation and quoted text, each at most once, in either order; then,
 * where the consultant could not verify the rule, 'unverified "why"'. */
clauses:
    law_clauses                  { $$ = $1; $$.unverified = NULL; }
  | law_clauses UNVERIFIED strings
                                 { $$ = $1; $$.unverified = $3; $$.unverified_loc = @2; }
  ;

law_clauses:
    %empty                       { $$.cite = NULL; $$.text = NULL; }
  | citation                     { $$.cite = $1; $$.text = NULL; }
  | TEXT strings                 { $$.cite = NULL; $$.text = $2; }
  | citation TEXT strings        { $$.cite = $1; $$.text = $3; }
  | TEXT strings citation        { $$.cite = $3; $$.text = $2; }
  ;

citation:
    ACCORDING TO name strings
        { $$ = arena_alloc(A, sizeof *$$); $$->source = $3; $$->provision = $4; $$->loc = @$; }
  ;

opt_text:
    %empty                       { $$ = NULL; }
  | TEXT strings                 { $$ = $2; }
  ;

/* Adjacent quoted texts join into one, so long law text can span lines. */
strings:
    string_pieces                { $$ = ps_join(ps, &$1); }
  ;

string_pieces:
    STRING                       { memset(&$$, 0, sizeof $$); arena_push(A, &$$, (void *)$1); }
  | string_pieces STRING         { $$ = $1; arena_push(A, &$$, (void *)$2); }
  ;

name:
    IDENT                        { $$ = $1; }
  ;

type:
    BOOLEAN                      { $$ = ps_type(ps, TX_BOOLEAN, @$); }
  | INTEGER_KW                   { $$ = ps_type(ps, TX_INTEGER, @$); }
  | DECIMAL_KW                   { $$ = ps_type(ps, TX_DECIMAL, @$); }
  | MONEY                        { $$ = ps_type(ps, TX_MONEY, @$); }
  | DATE_KW                      { $$ = ps_type(ps, TX_DATE, @$); }
  | DURATION                     { $$ = ps_type(ps, TX_DURATION, @$); }
  | name                         { $$ = ps_type(ps, TX_NAMED, @$); $$->name = $1; }
  | name '.' name                { $$ = ps_type(ps, TX_NAMED, @$); $$->module = $1; $$->name = $3; }
  | LIST OF type                 { $$ = ps_type(ps, TX_LIST, @$); $$->elem = $3; }
  | OPTIONAL type                { $$ = ps_type(ps, TX_OPTIONAL, @$); $$->elem = $2; }
  ;

/* ---- Expressions, loosest binding first ---- */

/* 'if' and the aggregates extend as far to the right as they can. */
expr:
    if_e
  | aggregate_e
  | implies_e
  ;

if_e:
    IF expr THEN expr ELSE expr  { $$ = ps_if(ps, $2, $4, $6, @$); }
  ;

aggregate_e:
    SUM OF expr FOR name IN postfix_e opt_filter
        { $$ = ps_aggregate(ps, AG_SUM, $5, $7, $8, $3, @$); }
  | COUNT name IN postfix_e opt_filter
        { $$ = ps_aggregate(ps, AG_COUNT, $2, $4, $5, NULL, @$); }
  | EXISTS name IN postfix_e opt_filter
        { $$ = ps_aggregate(ps, AG_EXISTS, $2, $4, $5, NULL, @$); }
  | FOR ALL name IN postfix_e opt_filter HOLDS expr
        { $$ = ps_aggregate(ps, AG_FORALL, $3, $5, $6, $8, @$); }
  | MINIMUM OF expr FOR name IN postfix_e opt_filter
        { $$ = ps_aggregate(ps, AG_MINIMUM, $5, $7, $8, $3, @$); }
  | MAXIMUM OF expr FOR name IN postfix_e opt_filter
        { $$ = ps_aggregate(ps, AG_MAXIMUM, $5, $7, $8, $3, @$); }
  ;

opt_filter:
    %empty                       { $$ = NULL; }
  | WHERE expr                   { $$ = $2; }
  ;

implies_e:
    or_e
  | or_e IMPLIES implies_e       { $$ = ps_binary(ps, B_IMPLIES, $1, $3, @2, @$); }
  ;

or_e:
    and_e
  | or_e OR and_e                { $$ = ps_binary(ps, B_OR, $1, $3, @2, @$); }
  ;

and_e:
    not_e
  | and_e AND not_e              { $$ = ps_binary(ps, B_AND, $1, $3, @2, @$); }
  ;

not_e:
    cmp_e
  | NOT not_e                    { $$ = ps_unary(ps, U_NOT, $2, @$); }
  ;

cmp_e:
    otherwise_e
  | otherwise_e '=' otherwise_e  { $$ = ps_binary(ps, B_EQ, $1, $3, @2, @$); }
  | otherwise_e NE otherwise_e   { $$ = ps_binary(ps, B_NE, $1, $3, @2, @$); }
  | otherwise_e '<' otherwise_e  { $$ = ps_binary(ps, B_LT, $1, $3, @2, @$); }
  | otherwise_e LE otherwise_e   { $$ = ps_binary(ps, B_LE, $1, $3, @2, @$); }
  | otherwise_e '>' otherwise_e  { $$ = ps_binary(ps, B_GT, $1, $3, @2, @$); }
  | otherwise_e GE otherwise_e   { $$ = ps_binary(ps, B_GE, $1, $3, @2, @$); }
  | otherwise_e IS PRESENT       { $$ = ps_presence(ps, $1, true, @$); }
  | otherwise_e IS ABSENT        { $$ = ps_presence(ps, $1, false, @$); }
  | otherwise_e WITHIN add_e BEFORE add_e
        { $$ = ps_within(ps, $1, $3, $5, false, @$); }
  | otherwise_e WITHIN add_e AFTER add_e
        { $$ = ps_within(ps, $1, $3, $5, true, @$); }
  | otherwise_e BETWEEN add_e AND add_e
        { $$ = ps_between(ps, $1, $3, $5, @$); }
  ;

otherwise_e:
    round_e
  | otherwise_e OTHERWISE round_e { $$ = ps_otherwise(ps, $1, $3, @$); }
  ;

round_e:
    add_e
  | add_e ROUNDED round_mode round_target
        { $$ = ps_rounded(ps, $1, $3, $4, @$); }
  ;

round_mode:
    HALF UP                      { $$ = RM_HALF_UP; }
  | HALF EVEN                    { $$ = RM_HALF_EVEN; }
  | DOWN                         { $$ = RM_DOWN; }
  | UP                           { $$ = RM_UP; }
  ;

round_target:
    %empty                       { $$.target = RT_DEFAULT; $$.decimals = 0; }
  | TO KR                        { $$.target = RT_KR; $$.decimals = 0; }
  | TO INTEGER DECIMALS          { $$.target = RT_DECIMALS; $$.decimals = ps_decimals(ps, $2, @2); }
  ;

add_e:
    mul_e
  | add_e '+' mul_e              { $$ = ps_binary(ps, B_ADD, $1, $3, @2, @$); }
  | add_e '-' mul_e              { $$ = ps_binary(ps, B_SUB, $1, $3, @2, @$); }
  ;

mul_e:
    unary_e
  | mul_e '*' unary_e            { $$ = ps_binary(ps, B_MUL, $1, $3, @2, @$); }
  | mul_e '/' unary_e            { $$ = ps_binary(ps, B_DIV, $1, $3, @2, @$); }
  ;

unary_e:
    unit_e
  | '-' unary_e                  { $$ = ps_unary(ps, U_NEG, $2, @$); }
  ;

/* '12 months', '1 066 kr', '50 %', 'sats at 2021-01-01' */
unit_e:
    postfix_e
  | postfix_e unit               { $$ = ps_unit(ps, $1, (unit_kind)$2, @$); }
  | postfix_e AT postfix_e       { $$ = ps_at(ps, $1, $3, @$); }
  ;

unit:
    DAY                          { $$ = UNIT_DAYS; }
  | DAYS                         { $$ = UNIT_DAYS; }
  | WEEK                         { $$ = UNIT_WEEKS; }
  | WEEKS                        { $$ = UNIT_WEEKS; }
  | MONTH                        { $$ = UNIT_MONTHS; }
  | MONTHS                       { $$ = UNIT_MONTHS; }
  | YEAR                         { $$ = UNIT_YEARS; }
  | YEARS                        { $$ = UNIT_YEARS; }
  | KR                           { $$ = UNIT_KR; }
  | '%'                          { $$ = UNIT_PERCENT; }
  ;

postfix_e:
    primary_e
  | postfix_e '.' name           { $$ = ps_field(ps, $1, $3, @$); }
  | postfix_e '(' args ')'       { $$ = ps_call(ps, $1, &$3, @$); }
  | postfix_e '(' ')'            { nodelist none = {0}; $$ = ps_call(ps, $1, &none, @$); }
  ;

args:
    expr                         { memset(&$$, 0, sizeof $$); arena_push(A, &$$, $1); }
  | args ',' expr                { $$ = $1; arena_push(A, &$$, $3); }
  ;

primary_e:
    INTEGER                      { $$ = ast_expr(A, E_INT, @$); $$->u.i = $1; }
  | DECIMAL                      { $$ = ast_expr(A, E_DECIMAL, @$); $$->u.dec.coef = $1.coef; $$->u.dec.scale = $1.scale; }
  | DATE                         { $$ = ast_expr(A, E_DATE, @$); $$->u.date = $1; }
  | YES                          { $$ = ast_expr(A, E_BOOL, @$); $$->u.b = true; }
  | NO                           { $$ = ast_expr(A, E_BOOL, @$); $$->u.b = false; }
  | name                         { $$ = ps_name(ps, $1); }
  | '(' expr ')'                 { $$ = $2; }
  | match_e
  ;

/* match E case A, B then X case C then Y [else Z] end */
match_e:
    MATCH expr arms END          { $$ = ps_match(ps, $2, &$3, NULL, @3, @$); }
  | MATCH expr arms ELSE expr END
                                 { $$ = ps_match(ps, $2, &$3, $5, @4, @$); }
  ;

arms:
    arm                          { memset(&$$, 0, sizeof $$); arena_push(A, &$$, $1); }
  | arms arm                     { $$ = $1; arena_push(A, &$$, $2); }
  ;

arm:
    CASE case_names THEN expr
        { $$ = arena_alloc(A, sizeof *$$); $$->cases = $2; $$->body = $4; $$->loc = @$; }
  ;

case_names:
    name                         { memset(&$$, 0, sizeof $$); ident *p = arena_alloc(A, sizeof *p); *p = $1; arena_push(A, &$$, p); }
  | case_names ',' name          { $$ = $1; ident *p = arena_alloc(A, sizeof *p); *p = $3; arena_push(A, &$$, p); }
  ;

%%

/* Syntax errors in plain words, with a hint where the cause is common. */
static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner, parse_state *ps)
{
    (void)scanner;
    enum { SHOW_AT_MOST = 5 };
    yysymbol_kind_t expected[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, expected, YYNTOKENS);
    if (n < 0)
        n = 0;
    yysymbol_kind_t got = yypcontext_token(ctx);
    struct syntax_error err = {
        .got = got == YYSYMBOL_YYEOF ? "the end of the file" : yysymbol_name(got),
        .got_keyword = got >= YYSYMBOL_MODULE && got <= YYSYMBOL_YEARS,
        .got_tail_start = got == YYSYMBOL_IF || got == YYSYMBOL_SUM || got == YYSYMBOL_COUNT
                          || got == YYSYMBOL_EXISTS || got == YYSYMBOL_FOR || got == YYSYMBOL_MINIMUM
                          || got == YYSYMBOL_MAXIMUM,
        .got_clause = got == YYSYMBOL_ACCORDING || got == YYSYMBOL_TEXT,
        .got_number = got == YYSYMBOL_INTEGER || got == YYSYMBOL_DECIMAL,
        .got_value = got == YYSYMBOL_INTEGER || got == YYSYMBOL_DECIMAL || got == YYSYMBOL_IDENT
                     || got == YYSYMBOL_DATE || got == YYSYMBOL_YES || got == YYSYMBOL_NO,
        .at_eof = got == YYSYMBOL_YYEOF,
        .got_name = got == YYSYMBOL_IDENT,
        .got_header = got == YYSYMBOL_TITLE || got == YYSYMBOL_SOURCE || got == YYSYMBOL_IN
                      || got == YYSYMBOL_REFERENCE || got == YYSYMBOL_MONTH,
        .got_to = got == YYSYMBOL_TO,
        .got_when = got == YYSYMBOL_WHEN,
        .got_comma = strcmp(yysymbol_name(got), "','") == 0,
    };
    for (int i = 0; i < n; i++) {
        switch (expected[i]) {
        case YYSYMBOL_IDENT: err.expects_name = true; break;
        case YYSYMBOL_END: err.expects_end = true; break;
        case YYSYMBOL_THEN: err.expects_then = true; break;
        case YYSYMBOL_ELSE: err.expects_else = true; break;
        case YYSYMBOL_DEFINITION: err.expects_declaration = true; break;
        case YYSYMBOL_INTEGER: err.expects_value = true; break;
        case YYSYMBOL_ACCORDING: err.expects_citation = true; break;
        case YYSYMBOL_DATE: err.expects_date = true; break;
        case YYSYMBOL_TEXT: err.expects_text = true; break;
        case YYSYMBOL_STRING: err.expects_string = true; break;
        case YYSYMBOL_UNTIL: err.expects_until = true; break;
        case YYSYMBOL_EXCEPTION: err.expects_exception = true; break;
        case YYSYMBOL_CASE: err.expects_case = true; break;
        case YYSYMBOL_AND: err.expects_operator = true; break;
        default:
            if (expected[i] == YYSYMBOL_YYUNDEF + 0 || yysymbol_name(expected[i])[0] == '\0')
                break;
            if (expected[i] == (yysymbol_kind_t)YYSYMBOL_YYerror)
                break;
            if (strcmp(yysymbol_name(expected[i]), "')'") == 0)
                err.expects_close = true;
            break;
        }
    }
    if (n <= SHOW_AT_MOST)
        for (int i = 0; i < n; i++)
            err.expected[err.nexpected++] = yysymbol_name(expected[i]);
    ps_syntax_error(ps, *yypcontext_location(ctx), &err);
    return 0;
}

static void lovp_error(src_loc *loc, yyscan_t scanner, parse_state *ps, const char *msg)
{
    (void)scanner;
    ps_parser_error(ps, *loc, msg);
}

module *parse_module(src_file *file, diag_ctx *diag)
{
    parse_state ps;
    memset(&ps, 0, sizeof ps);
    ps.mod = ast_module_new(file);
    ps.diag = diag;
    ps.file = file;
    yyscan_t scanner;
    if (lovp_lex_init_extra(&ps, &scanner) != 0) {
        diag_file_error(diag, file->path, "cannot start reading the file");
        return ps.mod;
    }
    YY_BUFFER_STATE buf = lovp__scan_bytes(file->text, (int)file->len, scanner);
    lovp_parse(scanner, &ps);
    lovp__delete_buffer(buf, scanner);
    lovp_lex_destroy(scanner);
    return ps.mod;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Builders the grammar's actions call: they assemble tree nodes, keep
 * expression depth in bounds, and word the syntax errors. */
#ifndef LOVC_PARSE_SUPPORT_H
#define LOVC_PARSE_SUPPORT_H

#include "front/parse.h"

/* The file does not begin with 'module NAME'. */
void ps_missing_module(parse_state *ps, src_loc loc);

void ps_set_title(parse_state *ps, const char *title, src_loc loc);
void ps_add_source(parse_state *ps, ident name, const char *title, const char *version, src_loc loc);
void ps_set_in_force(parse_state *ps, int32_t from, struct period until, src_loc loc);
void ps_set_reference(parse_state *ps, ident name, src_loc loc);
void ps_set_month_end(parse_state *ps, ident rule_name, src_loc loc);
void ps_add_use(parse_state *ps, ident alias, const char *path, src_loc loc);

/* The reason of an 'unverified "why"' at loc; an empty one is reported. */
const char *ps_unverified(parse_state *ps, const char *why, src_loc loc);
decl *ps_decl(parse_state *ps, decl_kind kind, ident name, const struct clauses *cl, src_loc loc);
void ps_link_cases(decl *d);
void ps_set_def(parse_state *ps, decl *d, texpr *type, const struct def_body *body);

/* A prerequisite; cond NULL: 'without hearing/decision', an exemption cited. */
requirement *ps_requirement(parse_state *ps, requirement_kind kind, expr *cond, citation *cite, src_loc loc);

/* Files the prerequisites of an outcome: the 'without' ones apart. */
void ps_set_requirements(parse_state *ps, decl *d, const nodelist *reqs);

/* 'procedure STEP clauses before every ...': a declaration named after its
 * step ("hearing", "decision", "guidance"). */
decl *ps_procedure(parse_state *ps, requirement_kind step, src_loc step_loc, const struct clauses *cl, src_loc loc);
ast_rule *ps_exception(parse_state *ps, ident label, const ident *parent, const struct clauses *cl,
                   expr *cond, expr *value, src_loc loc);
texpr *ps_type(parse_state *ps, texpr_kind kind, src_loc loc);
/* Joins adjacent quoted texts ('pieces' holds const char *) into one. */
const char *ps_join(parse_state *ps, const nodelist *pieces);

/* The name of the declaration being read; a broken one's name is kept. */
void ps_declaring(parse_state *ps, ident name);
void ps_broken_declaration(parse_state *ps);
int ps_decimals(parse_state *ps, int64_t n, src_loc loc);

expr *ps_name(parse_state *ps, ident id);
expr *ps_field(parse_state *ps, expr *base, ident id, src_loc loc);
expr *ps_call(parse_state *ps, expr *callee, const nodelist *args, src_loc loc);
expr *ps_unary(parse_state *ps, unop op, expr *operand, src_loc loc);
expr *ps_binary(parse_state *ps, binop op, expr *lhs, expr *rhs, src_loc op_loc, src_loc loc);
expr *ps_if(parse_state *ps, expr *cond, expr *then_e, expr *else_e, src_loc loc);
expr *ps_match(parse_state *ps, expr *scrutinee, const nodelist *arms, expr *else_e,
               src_loc else_loc, src_loc loc);
expr *ps_aggregate(parse_state *ps, aggr_kind kind, ident var, expr *list, expr *filter,
                   expr *body, src_loc loc);
expr *ps_within(parse_state *ps, expr *subject, expr *span, expr *anchor, bool after, src_loc loc);
expr *ps_between(parse_state *ps, expr *subject, expr *low, expr *high, src_loc loc);
expr *ps_presence(parse_state *ps, expr *subject, bool present, src_loc loc);
expr *ps_otherwise(parse_state *ps, expr *subject, expr *fallback, src_loc loc);
expr *ps_rounded(parse_state *ps, expr *subject, int mode, struct round_spec target, src_loc loc);
expr *ps_unit(parse_state *ps, expr *subject, unit_kind unit, src_loc loc);
expr *ps_at(parse_state *ps, expr *param, expr *date, src_loc loc);

/* A syntax error: what was found, what could have come instead. */
struct syntax_error {
    const char *got;            /* what was found, in words */
    bool got_keyword;           /* it is a reserved word */
    bool got_tail_start;        /* 'if' or an aggregate, inside a larger expression */
    bool got_clause;            /* 'according' or 'text' */
    bool got_number;
    bool got_value;             /* a name, number, date, yes or no */
    bool at_eof;
    bool got_name, got_to, got_when, got_comma;
    bool got_header;            /* a word that starts a clause of the module header */
    const char *expected[5];    /* what could have come, when few things could */
    int nexpected;
    bool expects_name, expects_end, expects_then, expects_else, expects_close;
    bool expects_value;         /* an expression could start here */
    bool expects_operator;      /* an expression could go on here ('and', '+', ...) */
    bool expects_citation;      /* 'according' could come here */
    bool expects_text;          /* 'text' could come here */
    bool expects_string;        /* a quoted text could come here */
    bool expects_date;
    bool expects_until;         /* the end of a period could come here */
    bool expects_exception;     /* 'exception' could come here */
    bool expects_case;          /* 'case' could come here */
    bool expects_declaration;   /* a new declaration could start here */
};

void ps_syntax_error(parse_state *ps, src_loc loc, const struct syntax_error *err);

/* Other parser failures (the parser's stack is exhausted). */
void ps_parser_error(parse_state *ps, src_loc loc, const char *msg);

#endif

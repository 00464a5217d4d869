/* SPDX-License-Identifier: Apache-2.0 */
/* Reading a lov file into a syntax tree (flex scanner + bison parser). */
#ifndef LOVC_PARSE_H
#define LOVC_PARSE_H

#include "front/ast.h"
#include "support/diag.h"

/* Deepest expression nesting accepted; deeper input gets an error, so that
 * no later pass can run out of stack. */
#define PARSE_MAX_DEPTH 256

/* Pieces the grammar assembles before it builds a declaration. */
struct clauses {
    citation *cite;          /* 'according to ...', or NULL */
    const char *text;        /* 'text "..."', or NULL */
    const char *unverified;  /* 'unverified "why"', or NULL */
    src_loc unverified_loc;
};

struct def_body {
    expr *simple;            /* '= EXPR', or NULL */
    src_loc loc;             /* of 'simple' */
    ast_rule *default_rule;      /* 'default EXPR', or NULL */
    nodelist exceptions;     /* rule* */
};

struct round_spec {
    round_target target;
    int decimals;
};

struct period {
    bool has_until;
    int32_t until;
};

/* State shared by the scanner and the parser of one file. */
typedef struct parse_state {
    module *mod;             /* the module being built */
    diag_ctx *diag;
    src_file *file;
    uint32_t offset;         /* scanner position, in bytes */
    bool depth_reported;     /* the nesting limit was reported in this declaration */
    ident declaring;         /* the declaration being read (name NULL between them) */
    bool utf8_reported;      /* a byte that is not UTF-8 was reported (once per file) */
} parse_state;

/* Parses one file. Always returns a module (possibly partial); syntax errors
 * go to 'diag'. The module takes ownership of 'file'. */
module *parse_module(src_file *file, diag_ctx *diag);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* For the typecheck_*.c files only: the state of the type checker and the
 * functions its files share. The rest of lovc includes check/typecheck.h;
 * typecheck_module (typecheck_decls.c) is the way in. */
#ifndef LOVC_TYPECHECK_INTERNAL_H
#define LOVC_TYPECHECK_INTERNAL_H

#include <stdbool.h>

#include "front/ast.h"
#include "support/diag.h"
#include "check/types.h"
#include "support/util.h"

typedef struct checker {
    module *mod;
    diag_ctx *diag;
    arena *a;
    decl *current;
    ptrvec present;          /* expr*: optional values known to be present here */
    bool month_rule_reported;
} checker;

/* ---- typecheck_needs.c: requirements on operands --------------------------- */

const char *tc_tname(checker *c, const type *t);
bool tc_is_err(const type *t);
void tc_need_exact(checker *c, expr *e);
void tc_need_not_optional(checker *c, expr *e, type *t);
void tc_need_month_rule(checker *c, src_loc loc, const type *dur);
bool tc_is_ordered(const type *t);
type *need_kind(checker *c, expr *e, type *t, type_kind kind, const char *what);

/* ---- typecheck_names.c: names, and narrowing of optional values ------------ */

int tc_assume(checker *c, const expr *cond, bool truth);
void tc_forget(checker *c, int n);
type *tc_narrow(checker *c, expr *e, type *t);
type *tc_unnarrowed(expr *x, type *t);
type *tc_decl_value_type(const decl *d);
type *tc_check_case(checker *c, expr *e, type *expected);
type *tc_check_name(checker *c, expr *e, type *expected);

/* ---- typecheck_arith.c: arithmetic and comparisons, given operand types ---- */

type *tc_check_add_sub(checker *c, expr *e, type *l, type *r);
type *tc_check_mul(checker *c, expr *e, type *l, type *r);
type *tc_check_div(checker *c, expr *e, type *l, type *r);
type *tc_check_compare(checker *c, expr *e, type *l, type *r);

/* ---- typecheck_expr.c: the typing of expressions --------------------------- */

type *tc_check(checker *c, expr *e, type *expected);

/* ---- typecheck_bounds.c: 'at least' and 'at most' on inputs ------------------ */

void tc_check_input_bounds(checker *c, decl *d);
type *check_bool(checker *c, expr *e, const char *what);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* Type checking: every expression gets a type, and every rule is checked
 * for what a legal consultant can get wrong with types: mixing dates and
 * money, money arithmetic that needs a rounding rule, months added to a date
 * without a month end rule, optional facts used without a test, enum cases
 * not covered by a match.
 *
 * The checker is in typecheck_*.c: typecheck_decls.c walks the module,
 * typecheck_expr.c types expressions; typecheck_internal.h is theirs alone. */
#ifndef LOVC_TYPECHECK_H
#define LOVC_TYPECHECK_H

#include "front/ast.h"
#include "support/diag.h"

/* How exact a money or decimal value is (expr.inexact). */
enum exactness {
    EXACT = 0,
    INEXACT_PRODUCT = 1,     /* money times a decimal: may have fractions of an øre */
    INEXACT_DIVISION = 2,    /* a quotient: may not end; must be rounded at once */
};

void typecheck_module(module *m, diag_ctx *diag);

#endif

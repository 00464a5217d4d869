/* SPDX-License-Identifier: Apache-2.0 */
/* Syntactic equality of resolved expressions: the same operators, the same
 * literals and the same things named, in the same shape. Two conditions
 * that are equal here always hold together. (Equal values that are written
 * differently, such as 'a and b' and 'b and a', are not found; that is the
 * prover's work.) */
#ifndef LOVC_EXPR_EQUAL_H
#define LOVC_EXPR_EQUAL_H

#include <stdbool.h>
#include <stdint.h>

#include "front/ast.h"

/* True when a and b are written the same, after name resolution: a name
 * is equal to a name of the same declaration, variable or case. An
 * aggregate's variable is equal to the other aggregate's variable in the
 * same place. Expressions with errors are never equal. */
bool expr_equal(const expr *a, const expr *b);

/* A hash that is the same for equal expressions. */
uint64_t expr_hash(const expr *e);

#endif

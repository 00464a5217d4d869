/* SPDX-License-Identifier: Apache-2.0 */
/* Which inputs each rule reads, directly or through the definitions and
 * functions of its module that it uses: the safety checks' fast filter.
 * A property is put to the prover only for an outcome and an input that
 * it reads; what the prover then finds is the judgement. */
#ifndef LOVC_SAFETY_READS_H
#define LOVC_SAFETY_READS_H

#include <stdbool.h>
#include <stdint.h>

#include "front/ast.h"

typedef struct reads reads;

/* The read sets of every definition, outcome and assertion of m. */
reads *reads_new(module *m);
void reads_free(reads *r);

/* Whether d (a definition, outcome or assertion of the module) reads the
 * input 'in' (directly, or through what it uses; its prerequisites count
 * when with_requires). */
bool reads_input(reads *r, decl *d, const decl *in, bool with_requires);

/* Whether the expression reads the input 'in', directly or through the
 * definitions of the module it uses. */
bool reads_expr_input(reads *r, expr *e, const decl *in);

/* Where d's rules read the input 'in' first: in its own rules, else in
 * the first definition it uses that reads it (and so on). NULL when d
 * does not read it. */
const expr *reads_first_use(reads *r, decl *d, const decl *in);

/* Whether d reads the definition 'what', directly or through others. */
bool reads_definition(reads *r, decl *d, const decl *what);

/* The longest chain of the module's definitions that d rests on, d itself
 * counted: 1 for a rule that reads only facts and parameters. */
int reads_depth(reads *r, const decl *d);

#endif

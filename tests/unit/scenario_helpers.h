/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers shared by the scenario suites (test_scenario_*.c): suites parsed
 * from a string, their trees printed as compact S-expressions, and rules
 * compiled to a shared module at test time. */
#ifndef LOV_TEST_SCENARIO_HELPERS_H
#define LOV_TEST_SCENARIO_HELPERS_H

#include <stddef.h>

#include "front_helpers.h"
#include "suites/scenario.h"

/* Parses 'text' as the suite "t.scn"; diagnostics go to 'c'. */
scn_suite *scn_test_parse(const char *text, capture *c);

/* The tree of a suite as an S-expression, malloc'ed:
 *   (suite "title" "rules.lov" (background G...) (scenario "name" L (given G...) (expect X...))...)
 * L is the line of 'scenario'. Facts G:
 *   (= name V)  (table name (row V...)...)  (call name (V...) V)
 * Expectations X:
 *   (= name V)  (is name STATUS)  (no name)  (held-back name)  (missing a b...)
 * Values V:
 *   225  (dec 5 1)  (kr 106600)  (pct 25 2)  (date 2020-04-02)  (dur 6m0d)
 *   yes  no  name  Enum.name  absent  unknown */
char *scn_test_sexp(const scn_suite *s);

/* Compiles the rules 'text' (written as DIR/FILE) with the compiler's own
 * functions into DIR/NAME.so; returns the .so's path (malloc'ed), or NULL
 * after printing why. */
char *scn_test_compile(const char *dir, const char *file, const char *text);

/* A fresh temporary folder (malloc'ed path); scn_test_rmdir removes it with
 * what is in it. */
char *scn_test_mkdtemp(void);
void scn_test_rmdir(const char *dir);

#endif

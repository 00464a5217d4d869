/* SPDX-License-Identifier: Apache-2.0 */
/* One Check suite per module under test; tests/unit/main.c runs them all. */
#ifndef LOV_TEST_SUITES_H
#define LOV_TEST_SUITES_H

#include <check.h>

Suite *suite_date(void);
Suite *suite_money(void);
Suite *suite_decimal(void);
Suite *suite_lexer(void);
Suite *suite_parser(void);
Suite *suite_typecheck(void);
Suite *suite_scenario_parse(void);
Suite *suite_scenario_check(void);
Suite *suite_scenario_run(void);
Suite *suite_scenario_report(void);
Suite *suite_cache(void);
Suite *suite_calendar(void);

#endif

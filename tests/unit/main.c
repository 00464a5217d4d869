/* SPDX-License-Identifier: Apache-2.0 */
/* Runs every unit suite. Fork mode is on (a crash is a reported failure);
 * set CK_FORK=no to debug a test under gdb, CK_TAP_LOG_FILE_NAME for TAP. */
#include <stdlib.h>

#include "suites.h"

int main(void)
{
    Suite *(*const suites[])(void) = {
        suite_date, suite_calendar, suite_money, suite_decimal,
        suite_lexer, suite_parser, suite_typecheck,
        suite_scenario_parse, suite_scenario_check, suite_scenario_run, suite_scenario_report, suite_cache,
    };
    SRunner *runner = srunner_create(NULL);
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++)
        srunner_add_suite(runner, suites[i]());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* SPDX-License-Identifier: Apache-2.0 */
#include "check/builtins.h"

#include <string.h>

static const builtin table[] = {
    {"month_start", BI_MONTH_START, 1, "month_start(date): date"},
    {"month_end", BI_MONTH_END, 1, "month_end(date): date"},
    {"next_month_start", BI_NEXT_MONTH_START, 1, "next_month_start(date): date"},
    {"year_start", BI_YEAR_START, 1, "year_start(date): date"},
    {"year_end", BI_YEAR_END, 1, "year_end(date): date"},
    {"days_between", BI_DAYS_BETWEEN, 2, "days_between(date, date): integer"},
    {"months_between", BI_MONTHS_BETWEEN, 2, "months_between(date, date): integer"},
    {"year_of", BI_YEAR_OF, 1, "year_of(date): integer"},
    {"month_of", BI_MONTH_OF, 1, "month_of(date): integer"},
    {"day_of", BI_DAY_OF, 1, "day_of(date): integer"},
    {"weekday_of", BI_WEEKDAY_OF, 1, "weekday_of(date): integer"},
    {"min", BI_MIN, 2, "min(a, b): the smaller of two values of the same type"},
    {"max", BI_MAX, 2, "max(a, b): the larger of two values of the same type"},
    {"abs", BI_ABS, 1, "abs(x): x without its sign (a number or an amount)"},
};

const builtin *builtin_find(const char *name)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

const builtin *builtin_all(int *count)
{
    *count = (int)(sizeof table / sizeof table[0]);
    return table;
}

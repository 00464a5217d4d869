/* SPDX-License-Identifier: Apache-2.0 */
/* Built-in functions of the language (calendar and arithmetic helpers). */
#ifndef LOVC_BUILTINS_H
#define LOVC_BUILTINS_H

typedef enum builtin_id {
    BI_MONTH_START,          /* month_start(date): the 1st of its month */
    BI_MONTH_END,            /* month_end(date): the last day of its month */
    BI_NEXT_MONTH_START,     /* next_month_start(date): the 1st of the next month */
    BI_YEAR_START,           /* year_start(date): 1 January of its year */
    BI_YEAR_END,             /* year_end(date): 31 December of its year */
    BI_DAYS_BETWEEN,         /* days_between(a, b): b - a in days */
    BI_MONTHS_BETWEEN,       /* months_between(a, b): whole months from a to b */
    BI_YEAR_OF,              /* year_of(date) */
    BI_MONTH_OF,             /* month_of(date): 1..12 */
    BI_DAY_OF,               /* day_of(date): 1..31 */
    BI_WEEKDAY_OF,           /* weekday_of(date): 1 Monday .. 7 Sunday */
    BI_MIN,                  /* min(a, b) */
    BI_MAX,                  /* max(a, b) */
    BI_ABS,                  /* abs(x) */
} builtin_id;

typedef struct builtin {
    const char *name;
    builtin_id id;
    int nargs;
    const char *signature;   /* for messages and docs: "month_start(date): date" */
} builtin;

/* The built-in called 'name', or NULL. */
const builtin *builtin_find(const char *name);

/* All built-ins, for suggestions; *count receives their number. */
const builtin *builtin_all(int *count);

#endif

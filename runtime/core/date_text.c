/* SPDX-License-Identifier: Apache-2.0 */
/* Dates as text: the YYYY-MM-DD literal, its parser and its messages. */
#include <stdio.h>
#include <string.h>

#include "lov_date_text.h"

/* The fields read from a date literal; filled as far as parsing got. */
typedef struct date_fields {
    int32_t year;  /* 0000-9999 as written */
    int month;     /* 00-99 as written; checked for 1-12 after the shape */
    int day;       /* 00-99 as written; checked against the month last */
} date_fields;

static const char *const month_names[12] = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
};

/* Reads a run of ASCII digits from s[*pos..len) as a number (at most 9
 * digits are accumulated, which the callers' width checks make moot) and
 * returns how many digits there were. */
static size_t read_digits(const char *s, size_t len, size_t *pos, int32_t *value)
{
    size_t start = *pos;
    int32_t v = 0;
    while (*pos < len && s[*pos] >= '0' && s[*pos] <= '9') {
        if (*pos - start < 9)
            v = v * 10 + (s[*pos] - '0');
        (*pos)++;
    }
    *value = v;
    return *pos - start;
}

/* Checks the shape YYYY-MM-DD first (so that a typo is reported as such),
 * then the ranges; returns a lov_date_parse_code. */
static int parse_fields(const char *s, size_t len, date_fields *f)
{
    size_t pos = 0;
    int32_t month = 0, day = 0;
    if (len == 0)
        return LOV_DATE_ERR_EMPTY;
    if (read_digits(s, len, &pos, &f->year) != 4)
        return LOV_DATE_ERR_YEAR_DIGITS;
    if (pos >= len || s[pos] != '-')
        return LOV_DATE_ERR_SEPARATOR;
    pos++;
    if (read_digits(s, len, &pos, &month) != 2)
        return LOV_DATE_ERR_MONTH_DIGITS;
    f->month = (int)month;
    if (pos >= len || s[pos] != '-')
        return LOV_DATE_ERR_SEPARATOR;
    pos++;
    if (read_digits(s, len, &pos, &day) != 2)
        return LOV_DATE_ERR_DAY_DIGITS;
    f->day = (int)day;
    if (pos != len)
        return LOV_DATE_ERR_TRAILING;
    if (f->year < LOV_DATE_YEAR_MIN)
        return LOV_DATE_ERR_YEAR_RANGE;
    if (f->month < 1 || f->month > 12)
        return LOV_DATE_ERR_MONTH_RANGE;
    if (f->day < 1 || f->day > 31)
        return LOV_DATE_ERR_DAY_RANGE;
    if (f->day > lov_days_in_month(f->year, f->month))
        return LOV_DATE_ERR_NO_SUCH_DAY;
    return LOV_DATE_PARSE_OK;
}

int lov_date_parse(const char *s, size_t len, lov_date *out)
{
    date_fields f = { 0, 0, 0 };
    int code = parse_fields(s, len, &f);
    if (code == LOV_DATE_PARSE_OK)
        lov_date_from_ymd(f.year, f.month, f.day, out);  /* cannot fail: checked above */
    return code;
}

const char *lov_date_parse_error(int code)
{
    switch (code) {
    case LOV_DATE_PARSE_OK:
        return "no error";
    case LOV_DATE_ERR_EMPTY:
        return "the date is empty; write it as YYYY-MM-DD, for example 2021-03-15";
    case LOV_DATE_ERR_YEAR_DIGITS:
        return "the year must have four digits; write the date as YYYY-MM-DD, for example 2021-03-15";
    case LOV_DATE_ERR_SEPARATOR:
        return "year, month and day must be separated by '-'; write the date as YYYY-MM-DD, "
               "for example 2021-03-15";
    case LOV_DATE_ERR_MONTH_DIGITS:
        return "the month must have two digits, for example 03 for March";
    case LOV_DATE_ERR_DAY_DIGITS:
        return "the day must have two digits, for example 05";
    case LOV_DATE_ERR_TRAILING:
        return "there is extra text after the date";
    case LOV_DATE_ERR_YEAR_RANGE:
        return "the year must be from 0001 to 9999";
    case LOV_DATE_ERR_MONTH_RANGE:
        return "the month must be from 01 to 12";
    case LOV_DATE_ERR_DAY_RANGE:
        return "the day must be from 01 to 31";
    case LOV_DATE_ERR_NO_SUCH_DAY:
        return "that day does not exist in that month";
    default:
        return "unknown date error";
    }
}

size_t lov_date_parse_explain(const char *s, size_t len, char *buf, size_t cap)
{
    date_fields f = { 0, 0, 0 };
    int code = parse_fields(s, len, &f);
    const char *msg = code == LOV_DATE_PARSE_OK ? "" : lov_date_parse_error(code);
    int n;
    if (code == LOV_DATE_ERR_NO_SUCH_DAY)
        n = snprintf(buf, cap, "%s (%s %04d has %d days)", msg, month_names[f.month - 1],
                     (int)f.year, lov_days_in_month(f.year, f.month));
    else
        n = snprintf(buf, cap, "%s", msg);
    return n < 0 ? 0 : (size_t)n;
}

/* Writes v (0 <= v < 10^width) as exactly `width` digits. */
static void put_digits(char *p, int width, int v)
{
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

size_t lov_date_format(lov_date date, char buf[LOV_DATE_BUFSIZE])
{
    int32_t y;
    int m, d;
    if (!lov_date_valid(date)) {
        memcpy(buf, "invalid", 8);
        return 7;
    }
    lov_date_to_ymd(date, &y, &m, &d);
    put_digits(buf, 4, (int)y);
    buf[4] = '-';
    put_digits(buf + 5, 2, m);
    buf[7] = '-';
    put_digits(buf + 8, 2, d);
    buf[10] = '\0';
    return 10;
}

/* SPDX-License-Identifier: Apache-2.0 */
#include "commands/value_text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

bool value_text_duration(const char *s, lov_duration *out)
{
    char *end;
    errno = 0;
    long long n = strtoll(s, &end, 10);
    if (end == s || *end != ' ' || errno)
        return false;
    const char *unit = end + 1;
    lov_status st;
    if (strcmp(unit, "day") == 0 || strcmp(unit, "days") == 0)
        st = lov_duration_days(n, out);
    else if (strcmp(unit, "week") == 0 || strcmp(unit, "weeks") == 0)
        st = lov_duration_weeks(n, out);
    else if (strcmp(unit, "month") == 0 || strcmp(unit, "months") == 0)
        st = lov_duration_months(n, out);
    else if (strcmp(unit, "year") == 0 || strcmp(unit, "years") == 0)
        st = lov_duration_years(n, out);
    else
        return false;
    return st == LOV_OK;
}

bool value_text_case(const lov_enum_desc *e, const char *s, int32_t *out)
{
    if (!e)
        return false;
    size_t n = strlen(e->name);
    if (strncmp(s, e->name, n) == 0 && s[n] == '.')
        s += n + 1;
    for (uint32_t i = 0; i < e->ncases; i++)
        if (strcmp(e->cases[i], s) == 0) {
            *out = (int32_t)i;
            return true;
        }
    return false;
}

size_t value_item_size(const lov_field_desc *f)
{
    if (f->record)
        return f->record->size;
    switch (f->elem_type) {
    case LOV_T_DECIMAL: return sizeof(lov_decimal);
    case LOV_T_DURATION: return sizeof(lov_duration);
    case LOV_T_INT: case LOV_T_MONEY: return 8;
    case LOV_T_BOOL: return sizeof(bool);
    default: return 4;
    }
}

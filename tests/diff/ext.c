/* SPDX-License-Identifier: Apache-2.0 */
/* The external functions of the generated modules, as a case system would
 * supply them (lovc eval --externals): deterministic, and without an answer
 * for some arguments, so that both engines meet the undetermined path. */
#include "lov.h"

lov_status helligdag(void *ctx, lov_date dag, bool *out);
lov_status takst(void *ctx, int64_t antal, lov_money *out);

/* Weekends are holidays; the 13th of a month has no answer. */
lov_status helligdag(void *ctx, lov_date dag, bool *out)
{
    (void)ctx;
    if (lov_date_day(dag) == 13)
        return LOV_UNDETERMINED;
    *out = lov_date_weekday(dag) >= 6;
    return LOV_OK;
}

/* 100 kr for each; no answer for a negative number, overflow past a million. */
lov_status takst(void *ctx, int64_t antal, lov_money *out)
{
    (void)ctx;
    if (antal < 0)
        return LOV_UNDETERMINED;
    if (antal > 1000000)
        return LOV_OVERFLOW;
    *out = antal * 10000;
    return LOV_OK;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Status codes returned by generated evaluators and by every runtime
 * operation that can fail. Part of the header-only core: no library needed. */
#ifndef LOV_STATUS_H
#define LOV_STATUS_H

/* The outcome of an evaluation or of one arithmetic step. LOV_OK is zero so
 * that `if (st != LOV_OK)` and `if (st)` both read naturally. */
typedef enum lov_status {
    LOV_OK = 0,          /* a result was computed */
    LOV_NOT_APPLICABLE,  /* the rules do not apply (e.g. date outside the period in force) */
    LOV_UNDETERMINED,    /* a fact is missing: a caseworker must assess the case */
    LOV_CONFLICT,        /* two applicable exceptions give different results */
    LOV_OVERFLOW,        /* the amount cannot be computed exactly (too large, division by zero) */
    LOV_INVALID_INPUT    /* an argument is outside its documented domain */
} lov_status;

/* The plain-language name of a status ("ok", "overflow", ...); never NULL,
 * "unknown status" for a value outside the enumeration. */
static inline const char *lov_status_name(lov_status st)
{
    switch (st) {
    case LOV_OK:             return "ok";
    case LOV_NOT_APPLICABLE: return "not applicable";
    case LOV_UNDETERMINED:   return "undetermined";
    case LOV_CONFLICT:       return "conflict";
    case LOV_OVERFLOW:       return "overflow";
    case LOV_INVALID_INPUT:  return "invalid input";
    }
    return "unknown status";
}

#endif

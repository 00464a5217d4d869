/* SPDX-License-Identifier: Apache-2.0 */
/* liblov: the runtime of the lov rule language. The one header that
 * generated evaluators include.
 *
 * Everything an evaluator computes with is static inline in the headers
 * below, so a generated module compiles with this header alone: no library,
 * no allocation, no global mutable state (thread-safe and reentrant). Only
 * the *_text.h functions (parsing and formatting literals, used by the
 * compiler and the scenario runner) need liblov.a.
 *
 *   lov_version.h       the version of lovc and of these headers
 *   lov_status.h        status codes (ok, not applicable, ..., overflow)
 *   lov_u128.h          portable 128-bit helpers behind exact arithmetic
 *   lov_rounding.h      the four rounding modes and the one place they apply
 *   lov_int.h           integers: int64 where overflow is a status
 *   lov_date.h          calendar dates and month arithmetic
 *   lov_duration.h      durations (months + days) and date + duration
 *   lov_decimal.h       exact decimals
 *   lov_money.h         money in øre
 *   lov_module.h        optional values, traces, module descriptors
 *   lov_date_text.h     YYYY-MM-DD                      (liblov.a)
 *   lov_decimal_text.h  0.5, -12.125                    (liblov.a)
 *   lov_money_text.h    1 066 kr, 12.50 kr              (liblov.a)
 */
#ifndef LOV_H
#define LOV_H

#include "lov_version.h"
#include "lov_status.h"
#include "lov_u128.h"
#include "lov_rounding.h"
#include "lov_int.h"
#include "lov_date.h"
#include "lov_duration.h"
#include "lov_decimal.h"
#include "lov_money.h"
#include "lov_module.h"
#include "lov_date_text.h"
#include "lov_decimal_text.h"
#include "lov_money_text.h"

#endif

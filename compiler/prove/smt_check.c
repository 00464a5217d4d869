/* SPDX-License-Identifier: Apache-2.0 */
/* One check of the solver within the question's time (smt_internal.h),
 * apart from smt.c so that the calendar's rounds (smt_refine.c), which
 * smt.c calls, can check too. */
#include "prove/smt_internal.h"

#include <stdio.h>
#include <time.h>

double smt_seconds_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

Z3_lbool smt_check(smt *s, unsigned nassumptions, const Z3_ast *assumptions)
{
    double left = s->question_end - smt_seconds_now();
    if (left < 0.001) {
        snprintf(s->why_unknown, sizeof s->why_unknown, "timeout");
        return Z3_L_UNDEF;
    }
    Z3_params p = Z3_mk_params(s->ctx);
    Z3_params_inc_ref(s->ctx, p);
    Z3_params_set_uint(s->ctx, p, Z3_mk_string_symbol(s->ctx, "timeout"), (unsigned)(left * 1000.0) + 1);
    Z3_solver_set_params(s->ctx, s->solver, p);
    Z3_params_dec_ref(s->ctx, p);
    return Z3_solver_check_assumptions(s->ctx, s->solver, nassumptions, assumptions);
}

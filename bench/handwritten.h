/* SPDX-License-Identifier: Apache-2.0 */
/* A careful hand-written C version of bench/timer225.lov: the yardstick the
 * generated evaluator is measured against. It uses the generated module's
 * input and output structs, so both read the same cases, and computes the
 * same values and statuses (a missing fact gives 'undetermined', never a
 * reduction). */
#ifndef BENCH_HANDWRITTEN_H
#define BENCH_HANDWRITTEN_H

#include "bench_225.h"

lov_status handwritten_evaluate(const bench_225_input *in, bench_225_output *out);

#endif

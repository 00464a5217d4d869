/* SPDX-License-Identifier: Apache-2.0 */
/* The two hand-written C versions of SPEC.md, over the structs that lovc
 * writes for regel.lov (so that all three read the same caseload). */
#ifndef BENCH_PEERS_H
#define BENCH_PEERS_H

#include "spec225.h"

/* A careful, straightforward version: three-valued where a fact may be
 * unknown, as a vendor's engineer would write it from the page. */
lov_status naive_evaluate(const spec225_input *in, spec225_output *out);

/* The same, with no branch on the case's data when every fact is known; a
 * case with an unknown fact takes naive_evaluate. */
lov_status branchfree_evaluate(const spec225_input *in, spec225_output *out);

#endif

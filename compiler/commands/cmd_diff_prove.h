/* SPDX-License-Identifier: Apache-2.0 */
/* 'lovc diff OLD.lov NEW.lov' without a caseload: the prover looks for a
 * case that the two rule sets decide differently, one for each output
 * they both have, confirms it on both compiled rule sets, and writes it
 * as a scenario that passes on the new rules and fails on the old; or it
 * says that they agree on every case the inputs' types allow. */
#ifndef LOVC_CMD_DIFF_PROVE_H
#define LOVC_CMD_DIFF_PROVE_H

#include <stdbool.h>

struct diff_prove_options {
    int list_bound;          /* lists have at most this many items (as lovc verify) */
    int timeout;             /* seconds per output */
    const char *scenario;    /* --emit-scenario FILE.scn, or NULL */
    const char *root;        /* --root DIR as a real path, or NULL */
    bool color;              /* colour the messages */
    bool werror;             /* -Werror */
};

/* 0 when the rule sets decide every output alike in every case; 1 when
 * an output differs, is not decided by the prover, or only one side has
 * it, or a file has errors; 2 when the scenario file cannot be written. */
int cmd_diff_prove(const char *old_path, const char *new_path, const struct diff_prove_options *opts);

#endif

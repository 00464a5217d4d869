/* SPDX-License-Identifier: Apache-2.0 */
/* 'lovc verify': proves each assertion of a module for every case the
 * inputs' types allow, or refutes it with a case that the compiled rules
 * confirm, written as a scenario a tester can run. */
#ifndef LOVC_CMD_VERIFY_H
#define LOVC_CMD_VERIFY_H

#include "support/diag.h"

/* Lists have at most this many items unless --list-bound says otherwise. */
#define VERIFY_DEFAULT_LIST_BOUND 3
/* Seconds the prover may spend on one assertion unless --timeout says otherwise. */
#define VERIFY_DEFAULT_TIMEOUT 10

typedef struct verify_options {
    const char *path;        /* the .lov file */
    int list_bound;
    int timeout;             /* seconds */
    const char *scenario;    /* --emit-scenario FILE.scn, or NULL */
    const char *cache;       /* --cache DIR, or NULL for the default */
    const char *root;        /* --root DIR as a real path, or NULL (see test_options) */
} verify_options;

/* 0 when every assertion is proven; 1 when one is refuted or not proven,
 * or the rules have errors; 2 when the scenario file cannot be written. */
int cmd_verify(const verify_options *o, diag_ctx *d);

#endif

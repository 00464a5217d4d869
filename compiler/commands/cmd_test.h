/* SPDX-License-Identifier: Apache-2.0 */
/* The commands that run scenario suites: 'lovc test' and 'lovc explain'. */
#ifndef LOVC_CMD_TEST_H
#define LOVC_CMD_TEST_H

#include <stdbool.h>

#include "support/diag.h"

typedef struct test_options {
    const char **files;      /* the suites */
    int nfiles;
    const char *junit;       /* --junit FILE */
    const char *html;        /* --html FILE */
    bool tap;                /* --tap: TAP on standard output instead of the usual report */
    const char *externals;   /* --externals LIB.so */
    const char *cache;       /* --cache DIR, or NULL for the default */
    const char *rules;       /* --rules FILE.lov: run against these rules instead of the suite's */
    const char *scenario;    /* --scenario NAME: explain it, or test only it (a name, its beginning or a number) */
    const char *root;        /* --root DIR as a real path: every 'for' and 'use' inside it; or NULL */
    bool interpreter;        /* --engine interpreter: the reference interpreter, no C compiler */
    bool color;
} test_options;

/* Runs every suite; 0 when all passed, 1 when a scenario failed, 2 when a
 * suite or its rules could not be read. */
int cmd_test(const test_options *o, diag_ctx *d);

/* The reasoned account of one scenario; 0 when it passes, 1 when it fails,
 * 2 when it cannot be run. */
int cmd_explain(const test_options *o, diag_ctx *d);

#endif

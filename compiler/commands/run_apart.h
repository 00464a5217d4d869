/* SPDX-License-Identifier: Apache-2.0 */
/* A piece of work in a child process with a time limit: for work that may
 * not stop by itself, such as a Z3 check that does not heed its timeout
 * (lovc verify). What the child prints on its standard output and writes to
 * a second channel is collected for the parent, which prints it. */
#ifndef LOVC_RUN_APART_H
#define LOVC_RUN_APART_H

#include <stdbool.h>

#include "support/util.h"

/* fn(ctx, side_fd) runs in a child; its return value (0-255) is its exit
 * status. Its standard output is collected into 'out' and what it writes to
 * side_fd into 'side'. After 'seconds' the child is killed. Returns fn's
 * value, or -1 when the child was killed or did not end normally (*killed
 * tells which). When no child can be made, fn runs here (no time limit). */
int run_apart(int (*fn)(void *ctx, int side_fd), void *ctx, double seconds, strbuf *out, strbuf *side,
              bool *killed);

#endif

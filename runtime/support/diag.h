/* SPDX-License-Identifier: Apache-2.0 */
/* The one funnel for the compiler's diagnostics.
 *
 * Every message prints as
 *
 *   file:line:col: error: message
 *      12 |   when arbejdsevn = meget_begrænset
 *         |        ^~~~~~~~~~
 *
 * in words a legal consultant understands. Errors do not stop a pass: the
 * caller goes on and reports the next one; the driver exits 1 if any error
 * was reported. */
#ifndef LOVC_DIAG_H
#define LOVC_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "support/source.h"

typedef enum diag_level { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } diag_level;

struct diag_held;

typedef struct diag_ctx {
    FILE *out;               /* where messages go (stderr in lovc) */
    int errors;              /* errors reported so far */
    int warnings;            /* warnings reported so far */
    bool werror;             /* warnings count as errors */
    bool color;              /* ANSI colours (a terminal without NO_COLOR) */
    int max_errors;          /* stop printing after this many; 0 = no limit */
    int shown;               /* errors and warnings that reached the output (or its limit) */
    bool suppressed;         /* the limit was hit: later messages are dropped */
    bool last_dropped;       /* the previous error/warning was dropped, so drop its notes */
    struct diag_held *held;  /* sorted mode: the messages held back, or NULL */
    /* When set, each message shown goes here instead of to 'out' (lovc lsp
     * sends them to an editor): its level (a warning under -Werror as an
     * error), warning class or NULL, place (file NULL: none) and text. */
    void (*sink)(void *ctx, diag_level level, const char *id, src_loc loc, const char *text);
    void *sink_ctx;
} diag_ctx;

void diag_init(diag_ctx *d, FILE *out);

/* Reports at a location. A note with loc.file == NULL prints without one.
 * 'id' names a warning class (shown as "[id]"); NULL for none. */
void diag_report(diag_ctx *d, diag_level level, const char *id, src_loc loc,
                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

#define diag_error(d, loc, ...) diag_report((d), DIAG_ERROR, NULL, (loc), __VA_ARGS__)
#define diag_note(d, loc, ...) diag_report((d), DIAG_NOTE, NULL, (loc), __VA_ARGS__)
#define diag_warning(d, id, loc, ...) diag_report((d), DIAG_WARNING, (id), (loc), __VA_ARGS__)

/* A message about a file as a whole (it cannot be read): "path: error: ...". */
void diag_file_error(diag_ctx *d, const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Would an error or warning reported now at 'loc' be printed? False once
 * the limit of messages is reached, so that a caller can skip costly work
 * (such as looking for a "did you mean") for a message nobody will see. */
bool diag_will_show(const diag_ctx *d, src_loc loc);

/* Sorted mode. Between diag_begin_sorted and diag_end_sorted, errors and
 * warnings (each with its notes) are held back, and diag_end_sorted prints
 * them in the order of their places in the files (messages at the same
 * place in the order they were reported). Passes that go over the rules
 * more than once (names, then types) so report in the order of the text.
 * They are counted at once. Past the limit of messages, only the earliest
 * places are kept. */
void diag_begin_sorted(diag_ctx *d);
void diag_end_sorted(diag_ctx *d);

/* True once an error has been reported (warnings too, under -Werror). */
bool diag_failed(const diag_ctx *d);

#endif

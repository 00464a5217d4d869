/* SPDX-License-Identifier: Apache-2.0 */
/* "Did you mean ...?": the closest known name to a misspelt one. */
#ifndef LOVC_SUGGEST_H
#define LOVC_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

typedef struct suggester {
    const char *target;      /* the misspelt name */
    const char *best;        /* closest candidate so far, or NULL */
    size_t best_distance;
    size_t limit;            /* farther candidates are not suggested */
    size_t target_len;       /* code points in target */
    bool off;                /* no search: the message it serves is not shown */
} suggester;

void suggest_init(suggester *s, const char *target);

/* Ends the search before it starts: every later suggest_consider does
 * nothing and suggest_result is NULL. */
void suggest_off(suggester *s);

/* Candidates whose length differs from the target's by more than the
 * limit are dismissed without computing an edit distance. */
void suggest_consider(suggester *s, const char *candidate);

/* The suggestion, or NULL when nothing is close enough. */
const char *suggest_result(const suggester *s);

#endif

/* "Did you mean ...?": the closest known name to a misspelt one. */
#ifndef LOVC_SUGGEST_H
#define LOVC_SUGGEST_H

#include <stddef.h>

typedef struct suggester {
    const char *target;      /* the misspelt name */
    const char *best;        /* closest candidate so far, or NULL */
    size_t best_distance;
    size_t limit;            /* farther candidates are not suggested */
} suggester;

void suggest_init(suggester *s, const char *target);
void suggest_consider(suggester *s, const char *candidate);

/* The suggestion, or NULL when nothing is close enough. */
const char *suggest_result(const suggester *s);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#include "support/suggest.h"

#include <string.h>

#include "support/util.h"

void suggest_init(suggester *s, const char *target)
{
    s->target = target;
    s->best = NULL;
    size_t len = utf8_count(target, strlen(target));
    s->target_len = len;
    s->limit = len <= 3 ? 1 : len <= 8 ? 2 : 3;
    s->best_distance = s->limit + 1;
    s->off = false;
}

void suggest_off(suggester *s)
{
    s->off = true;
    s->best = NULL;
}

void suggest_consider(suggester *s, const char *candidate)
{
    if (s->off || !candidate || strcmp(candidate, s->target) == 0)
        return;
    /* The distance is at least the difference in length. */
    size_t len = utf8_count(candidate, strlen(candidate));
    size_t gap = len > s->target_len ? len - s->target_len : s->target_len - len;
    if (gap >= s->best_distance)
        return;
    size_t d = edit_distance(s->target, candidate);
    if (d < s->best_distance) {
        s->best = candidate;
        s->best_distance = d;
    }
}

const char *suggest_result(const suggester *s)
{
    return !s->off && s->best_distance <= s->limit ? s->best : NULL;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* The calendar's exact facts (smt_calendar.c), asserted with a question only
 * where they bear on it: a fact about a term (the parts of a date, the value
 * of a month end) goes with a question that contains that term, directly or
 * through other such facts. Facts about the dates of other questions are
 * true too, but they cost Z3 dearly: a module's every date, taken apart
 * into years, months and days, for each question. */
#include "prove/smt_internal.h"

#include <stdlib.h>

void smt_exact_fact(smt *s, Z3_ast key, Z3_ast fact)
{
    pv_push(&s->exact, key);
    pv_push(&s->exact, fact);
}

/* A set of Z3 AST ids, open addressing. */
typedef struct id_set {
    unsigned *slots;         /* id + 1; 0 is empty */
    size_t cap, len;
} id_set;

static bool id_add(id_set *set, unsigned id);

static void id_grow(id_set *set)
{
    id_set bigger = {xcalloc(set->cap ? set->cap * 2 : 256, sizeof *bigger.slots), set->cap ? set->cap * 2 : 256, 0};
    for (size_t i = 0; i < set->cap; i++)
        if (set->slots[i])
            id_add(&bigger, set->slots[i] - 1);
    free(set->slots);
    *set = bigger;
}

/* Adds id; false when it was there already. */
static bool id_add(id_set *set, unsigned id)
{
    if (2 * (set->len + 1) > set->cap)
        id_grow(set);
    size_t i = (id * 2654435761u) & (set->cap - 1);
    while (set->slots[i]) {
        if (set->slots[i] == id + 1)
            return false;
        i = (i + 1) & (set->cap - 1);
    }
    set->slots[i] = id + 1;
    set->len++;
    return true;
}

static bool id_has(const id_set *set, unsigned id)
{
    if (!set->cap)
        return false;
    size_t i = (id * 2654435761u) & (set->cap - 1);
    while (set->slots[i]) {
        if (set->slots[i] == id + 1)
            return true;
        i = (i + 1) & (set->cap - 1);
    }
    return false;
}

void smt_assert_exact(smt *s, Z3_ast question)
{
    size_t nfacts = s->exact.len / 2;
    if (!nfacts)
        return;
    id_set keys = {0}, seen = {0}, asserted = {0};
    for (size_t k = 0; k < nfacts; k++)
        id_add(&keys, Z3_get_ast_id(s->ctx, s->exact.items[2 * k]));
    bool *taken = xcalloc(nfacts, sizeof *taken);
    ptrvec todo = {0};
    pv_push(&todo, question);   /* not the side facts: they hold the bounds of every term encoded */
    while (todo.len) {
        Z3_ast a = todo.items[--todo.len];
        unsigned id = Z3_get_ast_id(s->ctx, a);
        if (!id_add(&seen, id))
            continue;
        if (id_has(&keys, id))
            for (size_t k = 0; k < nfacts; k++)
                if (!taken[k] && Z3_is_eq_ast(s->ctx, s->exact.items[2 * k], a)) {
                    taken[k] = true;
                    Z3_ast fact = s->exact.items[2 * k + 1];
                    if (id_add(&asserted, Z3_get_ast_id(s->ctx, fact))) {
                        Z3_solver_assert(s->ctx, s->solver, fact);
                        pv_push(&todo, fact);
                    }
                }
        if (Z3_get_ast_kind(s->ctx, a) != Z3_APP_AST)
            continue;
        Z3_app app = Z3_to_app(s->ctx, a);
        unsigned n = Z3_get_app_num_args(s->ctx, app);
        for (unsigned i = 0; i < n; i++)
            pv_push(&todo, Z3_get_app_arg(s->ctx, app, i));
    }
    pv_free(&todo);
    free(taken);
    free(keys.slots);
    free(seen.slots);
    free(asserted.slots);
}

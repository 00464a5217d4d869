/* SPDX-License-Identifier: Apache-2.0 */
/* A bump allocator: many small allocations, freed all at once. */
#ifndef LOVC_ARENA_H
#define LOVC_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;       /* newest block first */
} arena;

void arena_init(arena *a);
void *arena_alloc(arena *a, size_t n);     /* zeroed, aligned for any type */
void arena_free(arena *a);

/* A list of pointers that grows in the arena (the old storage is left to
 * it): the parsers' lists of nodes. */
typedef struct arena_list {
    void **items;
    int len;
    int cap;
} arena_list;

void arena_push(arena *a, arena_list *l, void *item);

#endif

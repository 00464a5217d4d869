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

#endif

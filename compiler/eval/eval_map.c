/* SPDX-License-Identifier: Apache-2.0 */
/* A small map from tree nodes to numbers (open addressing on the pointer). */
#include <stdlib.h>

#include "eval/eval_internal.h"

static size_t hash_of(const void *key, size_t cap)
{
    uintptr_t k = (uintptr_t)key;
    k ^= k >> 17;
    k *= UINT64_C(0x9E3779B97F4A7C15) & UINTPTR_MAX;
    return (size_t)(k ^ (k >> 29)) & (cap - 1);
}

static void grow(ev_map *m)
{
    ev_map bigger = {0};
    bigger.cap = m->cap ? m->cap * 2 : 64;
    bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
    bigger.values = xcalloc(bigger.cap, sizeof *bigger.values);
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            ev_map_put(&bigger, m->keys[i], m->values[i]);
    ev_map_free(m);
    *m = bigger;
}

void ev_map_put(ev_map *m, const void *key, int value)
{
    if ((m->len + 1) * 2 > m->cap)
        grow(m);
    size_t i = hash_of(key, m->cap);
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i])
        m->len++;
    m->keys[i] = key;
    m->values[i] = value;
}

int ev_map_get(const ev_map *m, const void *key)
{
    if (m->cap == 0)
        return -1;
    for (size_t i = hash_of(key, m->cap); m->keys[i]; i = (i + 1) & (m->cap - 1))
        if (m->keys[i] == key)
            return m->values[i];
    return -1;
}

void ev_map_free(ev_map *m)
{
    free(m->keys);
    free(m->values);
    m->keys = NULL;
    m->values = NULL;
    m->cap = m->len = 0;
}

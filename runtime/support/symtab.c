/* SPDX-License-Identifier: Apache-2.0 */
#include "support/symtab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "support/util.h"

void symtab_init(symtab *t)
{
    t->slots = NULL;
    t->cap = t->len = 0;
}

void symtab_free(symtab *t)
{
    free(t->slots);
    symtab_init(t);
}

static uint64_t hash_name(const char *s)
{
    uint64_t h = 1469598103934665603u;          /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211u;
    }
    return h;
}

static symtab_entry *find_slot(symtab_entry *slots, size_t cap, const char *name)
{
    size_t i = (size_t)hash_name(name) & (cap - 1);
    while (slots[i].name && strcmp(slots[i].name, name) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static void grow(symtab *t)
{
    size_t cap = t->cap ? t->cap * 2 : 64;
    symtab_entry *slots = xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].name)
            *find_slot(slots, cap, t->slots[i].name) = t->slots[i];
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
}

bool symtab_put(symtab *t, const char *name, void *value)
{
    if ((t->len + 1) * 2 > t->cap)
        grow(t);
    symtab_entry *e = find_slot(t->slots, t->cap, name);
    if (e->name)
        return false;
    e->name = name;
    e->value = value;
    t->len++;
    return true;
}

void *symtab_get(const symtab *t, const char *name)
{
    if (t->cap == 0)
        return NULL;
    symtab_entry *e = find_slot(t->slots, t->cap, name);
    return e->name ? e->value : NULL;
}

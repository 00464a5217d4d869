/* SPDX-License-Identifier: Apache-2.0 */
/* A hash table from names to pointers, for module-level symbols. */
#ifndef LOVC_SYMTAB_H
#define LOVC_SYMTAB_H

#include <stdbool.h>
#include <stddef.h>

typedef struct symtab_entry {
    const char *name;        /* NULL: empty slot */
    void *value;
} symtab_entry;

typedef struct symtab {
    symtab_entry *slots;
    size_t cap;              /* a power of two, or 0 */
    size_t len;
} symtab;

void symtab_init(symtab *t);
void symtab_free(symtab *t);

/* Adds name -> value; returns false (and changes nothing) if name is there. */
bool symtab_put(symtab *t, const char *name, void *value);

void *symtab_get(const symtab *t, const char *name);

#endif

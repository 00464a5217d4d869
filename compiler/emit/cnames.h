/* SPDX-License-Identifier: Apache-2.0 */
/* C names for lov names.
 *
 * lov names are UTF-8; C names are ASCII. The mapping is documented in
 * docs/vendor-guide.md:
 *   - ASCII letters, digits and '_' stay as they are;
 *   - Danish and other common letters are spelt out: æ ae, ø oe, å aa,
 *     ä ae, ö oe, ü ue, ß ss, é e ... (capitals likewise: Æ Ae);
 *   - any other letter becomes u and its code point in hex (u03b1 for α);
 *   - a name that would be a C keyword, or start with '_', gets a '_' at the
 *     end or an 'x' in front;
 *   - when two names would map to the same C name in one scope, the later
 *     one (in source order) gets _2, _3, ... appended.
 * So the mapping is readable for the common case and never collides. */
#ifndef LOVC_CNAMES_H
#define LOVC_CNAMES_H

#include "support/arena.h"
#include "support/symtab.h"

/* The spelt-out ASCII form of a UTF-8 name (before collision handling). */
const char *cname_mangle(arena *a, const char *name);

/* One scope of C names (a struct's members, the file's global names). */
typedef struct cname_scope {
    symtab taken;            /* C name -> non-NULL */
    arena *a;
} cname_scope;

void cname_scope_init(cname_scope *s, arena *a);
void cname_scope_free(cname_scope *s);

/* Reserves a C name exactly as given (for names lovc itself generates). */
void cname_reserve(cname_scope *s, const char *c_name);

/* A unique C name in the scope for prefix + mangled(name). */
const char *cname_unique(cname_scope *s, const char *prefix, const char *name);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* The name resolver's way in: builds the module scope, checks the reference
 * date of the header, resolves each declaration, then finds circles and the
 * functions that call external ones. The steps are in the resolve_*.c files. */
#include "check/resolve.h"

#include <string.h>

#include "check/resolve_internal.h"
#include "support/util.h"

/* ---- Module ----------------------------------------------------------------- */

/* The longest module name: the C files are named after it (NAME.c, NAME.so),
 * a file name has at most 255 bytes, and a letter outside a-z can take up
 * to 2.5 times its bytes in C (ø as oe, α as u03b1). */
#define MAX_MODULE_NAME_BYTES 100

static void resolve_header(resolver *r)
{
    module *m = r->mod;
    size_t n = m->has_header && m->name.name ? strlen(m->name.name) : 0;
    if (n > MAX_MODULE_NAME_BYTES)
        diag_error(r->diag, m->name.loc,
                   "the module's name is %zu bytes long; the C files are named after it, and a file name has "
                   "at most 255 bytes: use a name of at most %d bytes (as many letters a-z, fewer with æ, ø "
                   "and å)", n, MAX_MODULE_NAME_BYTES);
    if (!m->reference_date.name)
        return;
    decl *d = symtab_get(&r->sc->decls, m->reference_date.name);
    if (!d || d->kind != D_INPUT) {
        if (d)
            diag_error(r->diag, m->reference_date.loc,
                       "the reference date must be an input, but '%s' is %s %s", d->name.name,
                       d->kind == D_OUTCOME || d->kind == D_ASSERT ? "an" : "a",
                       ast_decl_kind_word(d->kind));
        else
            diag_error(r->diag, m->reference_date.loc,
                       "the reference date '%s' is not an input of the module: declare it with "
                       "'input %s: date'", m->reference_date.name, m->reference_date.name);
        return;
    }
    d->used = true;
    m->reference_input = d;
}

void resolve_module(module *m, diag_ctx *diag)
{
    resolver rs;
    memset(&rs, 0, sizeof rs);
    resolver *r = &rs;
    r->mod = m;
    r->diag = diag;
    r->sc = xcalloc(1, sizeof *r->sc);
    m->scope = r->sc;
    resolve_build_tables(r);
    resolve_header(r);
    for (int i = 0; i < m->decls.len; i++)
        resolve_decl(r, NL_AT(m->decls, i));
    resolve_find_cycles(r);
    resolve_mark_external_calls(m);
}

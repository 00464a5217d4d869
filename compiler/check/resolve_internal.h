/* SPDX-License-Identifier: Apache-2.0 */
/* For the resolve_*.c files only: the state of the name resolver and the
 * functions its files share. The rest of lovc includes check/resolve.h;
 * resolve_module (resolve.c) is the way in. */
#ifndef LOVC_RESOLVE_INTERNAL_H
#define LOVC_RESOLVE_INTERNAL_H

#include <stdbool.h>

#include "check/resolve.h"
#include "front/ast.h"
#include "front/parse.h"
#include "support/diag.h"
#include "support/suggest.h"
#include "support/symtab.h"

typedef struct resolver {
    module *mod;
    diag_ctx *diag;
    module_scope *sc;
    decl *current;           /* the declaration whose expressions are resolved */
    aggr_var *vars[PARSE_MAX_DEPTH + 1];   /* aggregate variables in scope */
    int nvars;
    int var_count;           /* variables bound so far in 'current' */
} resolver;

#define A (&r->mod->arena)

/* ---- resolve_messages.c: messages that several steps give ------------------ */

void resolve_start_suggest(diag_ctx *diag, suggester *s, const char *name, src_loc loc);
void resolve_suggest_symtab(suggester *s, const symtab *t);
int resolve_line_of(src_loc loc);
void report_duplicate(resolver *r, const char *what, const char *done, ident name,
                      src_loc first);

/* ---- resolve_scope.c: the module's symbol tables --------------------------- */

void resolve_build_tables(resolver *r);
bool resolve_is_type_decl(const decl *d);

/* ---- resolve_cite_type.c: citations and types as written ------------------- */

void resolve_citation(resolver *r, citation *c, const char *what, ident name);
void resolve_texpr(resolver *r, texpr *t);

/* ---- resolve_expr.c: names in expressions ---------------------------------- */

void resolve_expr(resolver *r, expr *e);

/* ---- resolve_decl.c: declarations ------------------------------------------ */

void resolve_decl(resolver *r, decl *d);

/* ---- resolve_order.c: circles between definitions, calls of externals ------ */

void resolve_find_cycles(resolver *r);
void resolve_mark_external_calls(module *m);

#endif

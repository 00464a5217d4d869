/* SPDX-License-Identifier: Apache-2.0 */
/* Name resolution: ties every name in a module to what it means.
 *
 * Builds the module's symbol tables, resolves citations, types as written,
 * names in expressions (except record fields and enumeration cases whose
 * meaning depends on a type: the type checker finishes those), exception
 * labels and 'to' links, and finds definitions that depend on themselves. */
#ifndef LOVC_RESOLVE_H
#define LOVC_RESOLVE_H

#include "front/ast.h"
#include "support/diag.h"
#include "support/symtab.h"
#include "support/util.h"

/* The cases that share one name, across the module's enumerations. */
typedef struct case_set {
    nodelist cases;          /* enum_case* */
} case_set;

typedef struct module_scope {
    symtab decls;            /* name -> decl* */
    symtab cases;            /* name -> case_set* */
    symtab sources;          /* name -> source_decl* */
    symtab uses;             /* alias -> use_decl* */
    symtab imported_cases;   /* name -> case_set*: cases of the used modules' enums */
    symtab broken;           /* names of declarations that could not be read */
} module_scope;

void resolve_module(module *m, diag_ctx *diag);

/* After resolution without errors: the module's definitions and outcomes
 * without parameters, each after the ones it reads, otherwise in source
 * order; appended to 'order' (decl*). */
void resolve_evaluation_order(module *m, ptrvec *order);

/* Frees the symbol tables (the tree itself is freed with the module). */
void resolve_release(module *m);

/* The enumeration case 'name' of enum 'e', or NULL. */
enum_case *resolve_enum_case(decl *e, const char *name);

/* The field 'name' of record 'r', or NULL. */
record_field *resolve_record_field(decl *r, const char *name);

/* Reports "unknown X 'name'" with the closest of 'candidates' (NULL-ended). */
void resolve_report_unknown(diag_ctx *diag, src_loc loc, const char *what, const char *name,
                            const char *const *candidates, int ncandidates, const char *hint);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* What 'lovc lsp' knows of a checked program: the name under the cursor and
 * what it names, the text of a hover, the outline of a file and the names
 * that may be written at a place. */
#ifndef LOVC_LSP_INDEX_H
#define LOVC_LSP_INDEX_H

#include <jansson.h>
#include <stdint.h>

#include "check/program.h"

typedef enum lsp_target_kind {
    LT_NONE, LT_DECL, LT_CASE, LT_FIELD, LT_RULE, LT_SOURCE, LT_MODULE, LT_VAR, LT_FORMAL,
} lsp_target_kind;

/* What a name names. 'at' is the name under the cursor; 'where' is the
 * place it is declared (file NULL: none, as a built-in). */
typedef struct lsp_target {
    lsp_target_kind kind;
    src_loc at;
    src_loc where;
    const char *name;
    const decl *decl;            /* LT_DECL; the enum or record of LT_CASE, LT_FIELD; the definition of LT_RULE */
    const enum_case *ecase;      /* LT_CASE */
    const record_field *field;   /* LT_FIELD */
    const ast_rule *rule;        /* LT_RULE */
    const source_decl *source;   /* LT_SOURCE */
    const module *module;        /* LT_MODULE; and the module of every target */
    const aggr_var *var;         /* LT_VAR */
    const formal *formal;        /* LT_FORMAL */
} lsp_target;

/* The name at byte 'offset' of the program's root file, and what it names. */
lsp_target lsp_target_at(program *p, uint32_t offset);

/* Markdown for a hover: what the target is, its type, its citation and the
 * law's text quoted. */
char *lsp_hover_text(const lsp_target *t);

/* The outline of the root module: DocumentSymbol[]. */
json_t *lsp_symbols(program *p);

/* CompletionItem[] for the place at 'offset': after 'X.' the members of X
 * (a used module's names, an enumeration's cases, a record's fields),
 * otherwise the module's names, its enumerations' cases and the used
 * modules. */
json_t *lsp_completion(program *p, uint32_t offset);

#endif

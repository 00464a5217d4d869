/* SPDX-License-Identifier: Apache-2.0 */
/* Expressions written back as lov text: for the HTML rendering of the
 * rules (with names linked to their declarations) and for messages. */
#ifndef LOVC_EXPR_PRINT_H
#define LOVC_EXPR_PRINT_H

#include <stdbool.h>

#include "front/ast.h"
#include "support/util.h"

typedef struct expr_printer {
    bool html;               /* escape text, link names with <a href="#..."> */
    /* The anchor of a declaration (html only); NULL: no link. */
    const char *(*anchor)(const decl *d, void *ctx);
    void *ctx;
} expr_printer;

/* Appends e to out, with the parentheses its precedence needs. */
void expr_print(const expr_printer *p, const expr *e, strbuf *out);

/* Appends text to out, HTML-escaped when p->html. */
void expr_print_text(const expr_printer *p, const char *text, strbuf *out);

#endif

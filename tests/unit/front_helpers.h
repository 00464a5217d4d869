/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers shared by the front-end suites (lexer, parser, type checker):
 * diagnostics captured in memory, rule text parsed and checked from a
 * string, syntax trees printed as compact S-expressions, and temporary
 * folders for modules that 'use' each other. */
#ifndef LOV_TEST_FRONT_HELPERS_H
#define LOV_TEST_FRONT_HELPERS_H

#include <stdio.h>

#include "front/ast.h"
#include "support/diag.h"

/* The start of a module that most tests share, and a citation of its one
 * source. */
#define FRONT_HEADER "module t\n  source lov \"Lov\"\n"
#define CITE "according to lov \"§ 1\""

/* A diag_ctx whose output goes to memory. */
typedef struct capture {
    diag_ctx diag;
    FILE *out;               /* an open_memstream stream */
    char *buf;               /* what was written, after capture_text */
    size_t len;
    char *messages;          /* see capture_messages */
} capture;

void capture_init(capture *c);

/* Everything written so far: messages, source excerpts and carets. */
const char *capture_text(capture *c);

/* Only the message lines ("t.lov:3:5: error: ..."), each ending in '\n':
 * the source excerpts under them (lines that start with a space) are left
 * out. Valid until the next call or capture_free. */
const char *capture_messages(capture *c);

void capture_free(capture *c);

/* Parses 'text' (len bytes) as the file "t.lov". */
module *front_parse_n(const char *text, size_t len, capture *c);
module *front_parse(const char *text, capture *c);

/* Parses, resolves names and checks types of 'text' as "t.lov". */
module *front_check(const char *text, capture *c);

/* Frees a module from front_parse or front_check. */
void front_free(module *m);

/* The declaration called 'name', or NULL. */
decl *front_decl(module *m, const char *name);

/* The value of the default rule ('= EXPR' or 'default EXPR') of the
 * definition or outcome 'name'; the test fails when there is none. */
expr *front_value(module *m, const char *name);

/* Parses FRONT_HEADER + "definition x: integer CITE = " + text and returns
 * the S-expression of the value, in the module's arena (see front_sexp).
 * Diagnostics go to 'c'. The module is returned through 'out' for freeing. */
const char *front_expr_sexp(const char *text, capture *c, module **out);

/* The tree under 'e' as an S-expression, allocated in m's arena:
 *   a  225  yes  (dec 5 1)  (money 106600)  (date 2020-04-01)
 *   (dur 0m14d weeks)  (+ a b)  (not a)  (neg a)  (. r field)  (call f a b)
 *   (if c a b)  (match x (case a b -> 1) (else 2))
 *   (sum m in L where C : body)  (count m in L)  (forall m in L : P)
 *   (within d 12m before r)  (between x lo hi)  (present x)  (absent x)
 *   (otherwise x y)  (rounded half-up x)  (rounded down x to-kr)
 *   (rounded up x to-2-decimals)  (unit months x)  (at p d)  <error> */
const char *front_sexp(module *m, const expr *e);

/* Where 'loc' starts and ends, as "line:col-line:col" (1-based, columns in
 * code points; the end is the position just past the span). In m's arena. */
const char *front_span(module *m, src_loc loc);

/* A temporary folder for rule files; removed with everything written to it. */
typedef struct tmpdir {
    char path[64];
    char *files[16];
    int nfiles;
} tmpdir;

void tmpdir_make(tmpdir *t);

/* Writes 'text' to the file 'name' in the folder; returns its path (owned
 * by t). */
const char *tmpdir_write(tmpdir *t, const char *name, const char *text);

void tmpdir_remove(tmpdir *t);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* The writer of the rule functions of NAME.c, shared by its four files alone:
 * emit_gen.c (the function being written), emit_values.c (values and
 * conversions), emit_expr.c (expressions) and emit_rules.c (the functions of
 * the definitions and parameters). The rest of the emitter uses emit.h. */
#ifndef LOVC_EMIT_GEN_H
#define LOVC_EMIT_GEN_H

#include <stdbool.h>
#include <stddef.h>

#include "emit/emit.h"

typedef struct label {
    int id;
    bool used;               /* a goto names it: place it (an unused label is a warning) */
} label;

typedef struct gen {
    emitter *em;
    strbuf decls;            /* temporaries, declared at the top */
    strbuf body;
    int ntemps;
    int nlabels;
    int indent;
    label *fail;             /* where a failing step jumps */
    cname_scope locals;      /* names from the source: formals, variables */
    decl *owner;
    aggr_var *loop_var;      /* the variable of the innermost aggregate being written */
    strbuf *loop_resets;     /* its cached values, to reset before its loop starts */
    bool fast;               /* the fast path: every fact known, no trace, two-valued (emit_fast.c) */
    strbuf *loop_hoist;      /* fast path: work that does not change in the loop, done before it */
    int hoist_indent;
} gen;

/* ---- Writing (emit_gen.c) ----------------------------------------------------- */

/* printf-style text in the emitter's arena. */
const char *emit_fmt(gen *g, const char *f, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A line of the body at the current indentation. */
void emit_line(gen *g, const char *f, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

int emit_lov_line(src_loc loc);                 /* the line of loc in its .lov file */
const char *emit_temp(gen *g, const char *ctype, const char *zero);     /* "_tN", declared at the top */
const char *emit_temp_of(gen *g, const type *t);
label *emit_new_label(gen *g);
const char *emit_jump(gen *g, label *l);        /* "goto L;" */
void emit_place(gen *g, label *l);              /* "L:;", if a goto names it */
void emit_insert_at(gen *g, size_t mark, const char *text);
const char *emit_bare(gen *g, const char *c);   /* without redundant outer parentheses */
void emit_try_call(gen *g, const char *call);   /* a runtime call; on failure, jumps */

/* The start and the end of one function: emit_gen_finish writes it to em->c. */
void emit_gen_init(gen *g, emitter *em, decl *owner);
void emit_gen_finish(gen *g, const char *signature);

/* ---- Values (emit_values.c) --------------------------------------------------- */

const char *emit_month_rule(gen *g);
const char *emit_convert(gen *g, const char *x, const type *from, const type *to);
const char *emit_equal(gen *g, const char *a, const char *b, const type *t);
const char *emit_relation(gen *g, const char *a, const char *b, const type *t, const char *rel);
const type *emit_common(const type *a, const type *b);
const char *emit_lov_value_member(const type *t);
const char *emit_as_lov_value(gen *g, const char *x, const type *t);
const char *emit_lov_value_initializer(gen *g, const char *x, const type *t);
const char *emit_literal(gen *g, expr *e);      /* NULL: not a literal */
const char *emit_gen_add_sub(gen *g, expr *e, const char *a, const char *b);
const char *emit_gen_mul(gen *g, expr *e, const char *a, const char *b);
bool emit_uses_var(const expr *e, const aggr_var *v);
bool emit_worth_caching(const gen *g, const expr *e);
const char *emit_gen_cached(gen *g, expr *e, const type *t, const char *(*gen_fn)(gen *, expr *));

/* Fast path: what is written between these two goes before the innermost
 * loop (emit_gen.c). */
typedef struct hoist_state {
    strbuf body;
    int indent;
    aggr_var *loop_var;
} hoist_state;
void emit_hoist_begin(gen *g, hoist_state *h);
void emit_hoist_end(gen *g, hoist_state *h);

/* Fast path: writes the C that gen_fn writes for e before the innermost
 * loop (it does not change from one item to the next); returns its value. */
const char *emit_gen_hoisted(gen *g, expr *e, const char *(*gen_fn)(gen *, expr *));

/* Fast path: moves the text written since 'mark' under "if (cond) {" (one
 * indentation deeper), for work only some cases need. */
void emit_guard_since(gen *g, size_t mark, const char *cond);

/* Fast path: the names of its static functions, and what it needs, noted
 * while it is written (emit_gen.c). */
const char *emit_fast_name(gen *g, const char *slow_name);
void emit_fast_uses_lookup(gen *g, decl *param);     /* 'P at D': its branch-free look-up */
void emit_fast_uses_parameter(gen *g, decl *param);  /* read on the reference date */
void emit_fast_refuse(gen *g, const char *why);      /* no fast path for this module */
void emit_fast_uses_input(gen *g, decl *input);      /* must be known for the fast path */

/* ---- Expressions (emit_expr.c) ------------------------------------------------ */

/* Writes the statements for e; returns the C expression of its value. */
const char *emit_gen_expr(gen *g, expr *e);

#endif

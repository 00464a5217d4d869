/* SPDX-License-Identifier: Apache-2.0 */
/* The C emitter: a checked module to the C evaluator a vendor links.
 *
 * emit_c.c (emit_c_files) writes NAME.h and NAME.c from parts, one file each:
 *   emit_names.c       the C name of every lov name
 *   emit_collect.c     what the module's C needs: inputs, outputs, functions,
 *                      externals, provisions, static names, evaluation order
 *   emit_header.c      NAME.h: the types, the input, output and externals
 *                      structs, and the API
 *   emit_context.c     the top of NAME.c: the context and the static helpers
 *   emit_rules.c       one C function per definition, outcome, assertion and
 *                      dated parameter; with emit_gen.c (the function being
 *                      written), emit_values.c (values and conversions) and
 *                      emit_expr.c (expressions), which share emit_gen.h
 *   emit_needs.c       what each output reads, for NAME_evaluate_some
 *   emit_fast.c        the fast path: two-valued rules when every fact is known
 *   emit_entry.c       validation of the facts, evaluate_all, NAME_evaluate,
 *                      NAME_evaluate_some, NAME_evaluate_batch
 *   emit_descriptor.c  NAME_descriptor, the module's description of itself
 *   emit_ctext.c       C text and C types, for all of them
 * cnames.c turns lov names into unique C names; build.c ('lovc build') calls
 * emit_c_files.
 *
 * Code generation never reports a user error: everything it relies on was
 * checked before. */
#ifndef LOVC_EMIT_H
#define LOVC_EMIT_H

#include "front/ast.h"
#include "emit/cnames.h"
#include "check/program.h"
#include "support/sha256.h"
#include "check/types.h"
#include "support/util.h"

/* One entry of the provision table: something that carries a citation. */
typedef struct prov_entry {
    int kind;                /* a lov_provision_kind */
    decl *owner;             /* the definition, outcome, parameter or assertion */
    ast_rule *rule;          /* exceptions: the exception */
    requirement *req;        /* requirements: the prerequisite */
    citation *cite;
    src_loc loc;
    int nuses_inputs;        /* what its rule reads, for explanations */
    int nuses_outputs;
} prov_entry;

typedef struct emitter {
    program *prog;
    module *mod;             /* the module being emitted */
    arena *a;
    strbuf h;                /* the header */
    strbuf c;                /* the C file */
    const char *h_name;      /* "NAME.h", as included */
    const char *c_name;      /* "NAME.c", for #line directives back to it */
    const char *lov_path;    /* the source, for #line directives */
    char sha256[SHA256_HEX_SIZE];
    cname_scope statics;     /* names of the .c file's static functions */
    ptrvec inputs;           /* decl*: inputs, by slot */
    ptrvec outputs;          /* decl*: definitions without parameters and outcomes, by slot */
    ptrvec order;            /* decl*: the same, each after those it uses (evaluation order) */
    ptrvec functions;        /* decl*: definitions with parameters (own and used) */
    ptrvec params;           /* decl*: parameters */
    ptrvec externals;        /* decl*: external functions */
    ptrvec provisions;       /* prov_entry* */
    ptrvec enums;            /* decl*: enums this module's C refers to (own and used) */
    ptrvec records;          /* decl*: records likewise */
    int mask_words;          /* uint64_t words in a set of inputs */
    int output_words;        /* uint64_t words in a set of outputs (NAME_evaluate_some) */
    /* The fast path (emit_fast.c), found while it is written: */
    ptrvec fast_params;      /* decl*: parameters it reads on the reference date */
    ptrvec fast_lookups;     /* decl*: parameters it looks up on another day */
    ptrvec fast_inputs;      /* decl*: the inputs it reads, which must be known */
    const char *no_fast;     /* why the module has no fast path (NULL: it has one) */
    const char *cold;        /* "EXPLAINING " before the functions of the rules that
                              * explain in a large module (see emit_context.c), else "" */
} emitter;

/* Gives C names to everything in a module (deterministic, so a used module
 * gets the same names in every module that uses it). */
void emit_names(module *m);

/* C types and values (emit_ctext.c). */
const char *emit_ctype(emitter *em, const type *t);
const char *emit_zero(emitter *em, const type *t);
const char *emit_opt_ctype(const type *elem);
const char *emit_type_tag(const type *t);       /* "LOV_T_MONEY" */

/* The parts of NAME.h and NAME.c, in the order emit_c_files calls them. */

/* Finds what the module's C needs and numbers it (emit_collect.c). */
void emit_collect(emitter *em);

/* Writes NAME.h into em->h (emit_header.c). */
void emit_header(emitter *em);

/* The context struct of NAME.c (emit_context.c). */
void emit_context(emitter *em);

/* NAME_evaluate_some: what each output reads, needed() and needed_slot()
 * (emit_needs.c), after the context. */
void emit_needs(emitter *em);

/* output_status[]: where each output's status is and whether it counts;
 * status_at(), set_statuses() and counts() (emit_needs.c, by emit_needs). */
void emit_status_table(emitter *em);

/* Writes the static functions of every definition, outcome, parameter and
 * function (emit_rules.c). */
void emit_rule_functions(emitter *em);

/* validate(), then evaluate_all() and NAME_evaluate() (emit_entry.c). */
void emit_validate(emitter *em);
void emit_entry(emitter *em);

/* fast_facts_valid(): on the fast path, the facts the rules read are known,
 * and every fact is valid, as validate() and validate_events() have it, in
 * one walk without an early exit (emit_entry.c). */
void emit_fast_validate(emitter *em);

/* The fast path (emit_fast.c): the two-valued rule functions, the check
 * that the facts are valid, and fast_evaluate(); before emit_entry. */
void emit_fast_path(emitter *em);

/* The definitions and outcomes of em->order in pieces of at most this many,
 * one C function each, so that the C compiler's time grows with the module,
 * not with its square (emit_entry.c, emit_fast.c). */
enum { EMIT_PIECE = 64 };

/* A module with more definitions than this marks the functions of the rules
 * that explain as cold (emit_context.c). */
enum { EMIT_COLD_FROM = 256 };

/* One rule function for the fast path (emit_rules.c). */
void emit_fast_rules(emitter *em, decl *d);

/* Writes to c the static helpers that 'body' calls, before it (emit_context.c). */
void emit_helpers(strbuf *c, const char *body);

/* NAME_descriptor, at the end of NAME.c (emit_descriptor.c). */
void emit_descriptor(emitter *em);

/* An adverse outcome (assertions, which share the output struct, are not). */
static inline bool emit_is_adverse(const decl *d)
{
    return d->kind != D_ASSERT && d->u.def.adverse;
}

/* An adverse outcome with prerequisites: its output has a mask of those
 * not met (held_back). */
static inline bool emit_held_back(const decl *d)
{
    return emit_is_adverse(d) && d->u.def.requires.len > 0;
}

/* For the trace: the fixed parameters definition d reads, each noted once
 * per evaluation, as C at the given depth of indentation (4 spaces each)
 * (emit_entry.c). */
void emit_trace_constants(emitter *em, decl *d, strbuf *out, int depth);

/* Writes NAME.c and NAME.h for the program's root module into 'dir'.
 * Returns false (with a message on stderr) if a file cannot be written
 * (emit_c.c). */
bool emit_c_files(program *p, const char *dir, const char *base, char *why, size_t whylen);

/* Appends printf-style text (emit_ctext.c, as the three below). */
void emit_printf(strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A C string literal for UTF-8 text (quotes and backslashes escaped). */
const char *emit_cstring(emitter *em, const char *text);

/* A source path fit to ship: never an absolute path (emit_ctext.c). */
const char *emit_source_path(emitter *em, const char *path);

/* A C comment-safe copy of text ("*" "/" broken up, newlines removed). */
const char *emit_comment_text(emitter *em, const char *text);

/* "§ 13 f, stk. 9 (aktivloven)" for comments. */
const char *emit_citation_text(emitter *em, const citation *c);

#endif

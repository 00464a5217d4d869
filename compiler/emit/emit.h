/* The C emitter: a checked module to the C evaluator a vendor links.
 *
 * emit_c.c writes the module's header (types, input and output structs,
 * the entry point) and the module-level parts of the .c file (context,
 * validation of inputs, the entry point, the descriptor); emit_rules.c
 * writes one C function per definition, with the expressions inside;
 * emit_names.c gives every lov name its C name.
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
} emitter;

/* Gives C names to everything in a module (deterministic, so a used module
 * gets the same names in every module that uses it). */
void emit_names(module *m);

/* C types and values. */
const char *emit_ctype(emitter *em, const type *t);
const char *emit_zero(emitter *em, const type *t);
const char *emit_opt_ctype(const type *elem);
const char *emit_type_tag(const type *t);       /* "LOV_T_MONEY" */

/* Writes the static functions of every definition, outcome, parameter and
 * function (emit_rules.c). */
void emit_rule_functions(emitter *em);

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
 * per evaluation, as C at the given depth of indentation (4 spaces each). */
void emit_trace_constants(emitter *em, decl *d, strbuf *out, int depth);

/* Writes NAME.c and NAME.h for the program's root module into 'dir'.
 * Returns false (with a message on stderr) if a file cannot be written. */
bool emit_c_files(program *p, const char *dir, const char *base, char *why, size_t whylen);

/* Appends printf-style text. */
void emit_printf(strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A C string literal for UTF-8 text (quotes and backslashes escaped). */
const char *emit_cstring(emitter *em, const char *text);

/* A C comment-safe copy of text ("*" "/" broken up, newlines removed). */
const char *emit_comment_text(emitter *em, const char *text);

/* "§ 13 f, stk. 9 (aktivloven)" for comments. */
const char *emit_citation_text(emitter *em, const citation *c);

#endif

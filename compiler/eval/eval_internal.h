/* SPDX-License-Identifier: Apache-2.0 */
/* What the interpreter's files share: the prepared module (ev_engine), the
 * state of one evaluation (ev_ctx) and the values it works with (ev_val).
 * eval.h is the way in; nothing outside compiler/eval/ includes this. */
#ifndef LOVC_EVAL_INTERNAL_H
#define LOVC_EVAL_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "check/program.h"
#include "check/types.h"
#include "core/lov.h"
#include "eval/eval.h"
#include "support/util.h"

/* Every single value sits in a cell of this many bytes (a lov_opt_* struct
 * for an optional one), aligned for the widest of them. */
enum { EV_CELL = 24 };

/* A map from a node of the tree (decl, rule, requirement) to a number. */
typedef struct ev_map {
    const void **keys;
    int *values;
    size_t cap, len;
} ev_map;

void ev_map_put(ev_map *m, const void *key, int value);
int ev_map_get(const ev_map *m, const void *key);   /* -1 when absent */
void ev_map_free(ev_map *m);

/* One entry of the provision table. */
typedef struct ev_prov {
    lov_provision_kind kind;
    decl *owner;
    ast_rule *rule;          /* exceptions */
    requirement *req;        /* prerequisites */
    citation *cite;
    src_loc loc;
} ev_prov;

struct ev_engine {
    program *prog;
    module *mod;
    ptrvec inputs;           /* decl*, by input slot */
    ptrvec outputs;          /* decl*: definitions, outcomes, assertions, by output slot */
    ptrvec order;            /* decl*: the outputs in evaluation order */
    ptrvec functions;        /* decl*: definitions with parameters this module calls (own and used) */
    ptrvec params;           /* decl*: parameters, by memo slot */
    ptrvec externals;        /* decl*: external functions, by their index in the descriptor */
    ptrvec provisions;       /* ev_prov* */
    ptrvec enums, records;   /* decl*: every enumeration and record of the program */
    ev_map slot;             /* input, output, parameter and external decls: their index */
    ev_map prov;             /* decls, rules and requirements: their provision */
    ev_map rec_index;        /* record decls: index in 'records' */
    bool any_outcome;        /* outcomes decide; without them, the definitions */
    int mask_words;
    /* layout */
    uint32_t *in_off, *known_off, *out_off, *status_off, *held_off;
    uint32_t input_size, output_size, missing_off, info_off;
    /* the descriptor and what it points to */
    lov_module_desc desc;
    lov_enum_desc *enum_descs;
    lov_record_desc *record_descs;
    lov_field_desc **record_fields;
    lov_field_desc *in_fields, *out_fields;
    lov_provision_desc *prov_descs;
    int32_t **uses;          /* per provision: the inputs, then the outputs its rule reads */
    lov_param_desc *param_descs;
    lov_dated_value **param_values;
    lov_external_desc *ext_descs;
    lov_type **ext_params;
    const char ***ext_param_names;
    const lov_enum_desc ***ext_param_enums;
    const lov_enum_desc **enum_ptrs;
    const lov_record_desc **record_ptrs;
    char sha256[65];
};

/* A value at run time: a single value (with 'present' for an optional one;
 * always true otherwise), or a record (its bytes, laid out as its
 * descriptor says). */
typedef struct ev_val {
    bool present;
    lov_value v;
    const char *rec;
} ev_val;

/* What a value being worked out needed: the inputs found missing (in the
 * order noted; a set in the end) and the first reason. Notes are only ever
 * added, so going back to an earlier state is a truncation. */
typedef struct ev_why {
    int *missing;
    size_t len, cap;
    lov_result_info info;
} ev_why;

typedef struct ev_why_mark {
    size_t len;
    lov_result_info info;
} ev_why_mark;

/* The values an aggregate's loop works out once, for every item alike. */
typedef struct ev_frame {
    const aggr_var *var;
    const expr **keys;
    ev_val *vals;
    size_t len, cap;
} ev_frame;

/* A name bound during evaluation: an aggregate's variable or a formal
 * parameter of a definition with parameters. */
typedef struct ev_binding {
    const void *key;
    ev_val val;
} ev_binding;

typedef struct ev_param_memo {
    bool done;
    lov_status status;
    lov_value value;
} ev_param_memo;

typedef struct ev_ctx {
    const ev_engine *e;
    const char *in;
    char *out;
    lov_trace *trace;
    const ev_externals *ext;
    lov_date reference_date;
    ev_why why;
    ev_why *why_of;          /* per output slot */
    ev_param_memo *memo;     /* per parameter slot */
    uint8_t *marks;          /* per provision: a step noted (event + 1, status << 4) */
    ev_val *values;          /* per output slot: the value worked out */
    lov_status *statuses;
    decl *owner;             /* the definition being worked out (its module's month end rule) */
    ev_frame *frame;         /* the innermost aggregate's loop, or NULL */
    ev_binding *bindings;
    size_t nbindings, capbindings;
    size_t scope;            /* bindings below this index are out of sight (a caller's) */
} ev_ctx;

/* ---- eval_layout.c: numbering, layout and descriptor ---- */
void ev_layout(ev_engine *e);
void ev_describe(ev_engine *e);
uint32_t ev_record_size(const decl *record);
uint32_t ev_field_offset(int index);
lov_type ev_type_tag(const type *t);
size_t ev_item_size(const type *elem);

/* ---- eval_value.c: cells, conversions, comparisons, the why ---- */
ev_val ev_cell_load(const char *p, const type *t);
void ev_cell_store(char *p, const type *t, ev_val v);
ev_val ev_convert(ev_val x, const type *from, const type *to);
const type *ev_common(const type *a, const type *b);
bool ev_equal(ev_val a, ev_val b, const type *t);
/* a REL b for values of type t; rel is one of -2 '<', -1 '<=', 1 '>=', 2 '>' */
lov_status ev_relation(ev_val a, ev_val b, const type *t, int rel, bool *result);
lov_value ev_trace_value(ev_val v, const type *t);
ev_val ev_zero(const type *t);
ev_val ev_scalar(lov_value v);
ev_val ev_literal(const expr *x, const type *t);   /* a value written out (a parameter's) */

void ev_why_note(ev_why *w, lov_reason reason, int input, int provision, int other);
void ev_why_missing(ev_why *w, int input);
ev_why_mark ev_why_save(const ev_why *w);
void ev_why_restore(ev_why *w, ev_why_mark m);
void ev_why_clear(ev_why *w);
void ev_why_merge(ev_why *to, const ev_why *from);
void ev_why_copy(ev_why *to, const ev_why *from);
void ev_why_free(ev_why *w);
lov_status ev_worse(lov_status a, lov_status b);

/* ---- eval_expr.c: expressions ---- */
lov_status ev_expr(ev_ctx *c, expr *e, ev_val *out);
void ev_bind(ev_ctx *c, const void *key, ev_val v);
void ev_unbind(ev_ctx *c, size_t n);

/* ---- eval_arith.c: arithmetic and units ---- */
lov_status ev_arith(ev_ctx *c, expr *e, ev_val a, ev_val b, ev_val *out);
lov_status ev_negate(expr *e, ev_val a, ev_val *out);
lov_status ev_unit(expr *e, ev_val a, ev_val *out);
lov_month_end ev_month_rule(const ev_ctx *c);

/* ---- eval_expr.c: the rules of a definition, and definitions with parameters ---- */
lov_status ev_rule_node(ev_ctx *c, decl *d, ast_rule *node, ev_val *target);
lov_status ev_function(ev_ctx *c, decl *d, const ev_val *args, ev_val *result);

/* ---- eval_steps.c: trace steps, missing facts, parameters ---- */
void ev_note_step(ev_ctx *c, decl *owner, const void *node, lov_trace_event ev, lov_status st);
lov_status ev_parameter(ev_ctx *c, decl *d, ev_val *result);
lov_status ev_parameter_on(ev_ctx *c, decl *d, lov_date day, ev_val *result);
lov_status ev_missing_input(ev_ctx *c, int input);
void ev_trace_constants(ev_ctx *c, decl *d);
void ev_trace_add(ev_ctx *c, int provision, lov_trace_event ev, lov_status st, bool present, lov_value v);

/* ---- eval_external.c: the answers of external functions ---- */
lov_status ev_call_external(ev_ctx *c, decl *d, const ev_val *args, ev_val *result);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* The reference interpreter: a checked module evaluated straight from its
 * syntax tree, written from the language reference (docs/language.md) and
 * independent of the C emitter. It is the oracle the compiled C is tested
 * against ('lovc eval', 'lovc test --engine interpreter', tests/diff/).
 *
 * It answers through the same contract as a compiled module: a descriptor
 * (lov_module_desc: fields, offsets, provisions) and an entry point that
 * reads an input struct and fills an output struct and a trace, so the
 * scenario runner and its reports serve both alike. The struct layout is
 * the interpreter's own; everything the runner knows comes from the
 * descriptor. Only the arithmetic that is the definition of the language's
 * values (dates, durations, money, decimals, rounding) is shared, from
 * runtime/core. */
#ifndef LOVC_EVAL_H
#define LOVC_EVAL_H

#include "check/program.h"
#include "core/lov.h"

typedef struct ev_engine ev_engine;

/* The answers to the external functions a module calls: one call, its
 * arguments (in the types the descriptor gives) and the result. Returns
 * LOV_OK with *result set, or the status of no answer. */
typedef struct ev_externals {
    lov_status (*call)(void *ctx, int external, const lov_value *args, lov_value *result);
    void *ctx;
} ev_externals;

/* Prepares the program's root module (checked without errors) for
 * evaluation: numbers its inputs, outputs and provisions and lays out its
 * structs. The program must outlive the engine. */
ev_engine *ev_prepare(program *p);

void ev_free(ev_engine *e);

/* The module's description of itself, as a compiled module gives it. */
const lov_module_desc *ev_descriptor(const ev_engine *e);

/* Evaluates one case: 'in' laid out as the descriptor says, 'out' of
 * descriptor->output_size bytes; trace and ext may be NULL. Returns the
 * status of the decision, as NAME_evaluate does. */
lov_status ev_evaluate(const ev_engine *e, const void *in, void *out, lov_trace *trace, const ev_externals *ext);

#endif

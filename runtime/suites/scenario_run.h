/* SPDX-License-Identifier: Apache-2.0 */
/* Running scenario suites against a compiled module.
 *
 * The module is a shared object loaded with dlopen; everything the runner
 * knows about it comes from its descriptor (field names, types, offsets,
 * citations), and the entry point is called through libffi: no glue code
 * is generated or compiled per suite. External functions the module
 * declares are bound with libffi closures to the answers a scenario gives,
 * or to the functions of a host library. */
#ifndef LOV_SCENARIO_RUN_H
#define LOV_SCENARIO_RUN_H

#include <ffi.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/lov_module.h"
#include "suites/scenario.h"
#include "support/util.h"

struct scn_binding;

/* Another engine behind the same interface (the reference interpreter):
 * evaluates one case as NAME_evaluate does, with the module's own state. */
typedef lov_status (*scn_evaluate_fn)(void *engine, const void *in, void *out, lov_trace *trace,
                                      const void *externals);

typedef struct scn_module {
    void *handle;            /* dlopen */
    const lov_module_desc *desc;
    void (*entry)(void);     /* NAME_evaluate, called through 'cif' */
    ffi_cif cif;             /* lov_status (void *, void *, void *, void *) */
    ffi_type *arg_types[4];
    void *externals;         /* the externals struct handed to the module, or NULL */
    struct scn_binding *bindings;  /* one closure per external function */
    void *host;              /* --externals LIB.so, or NULL */
    const scn_suite *suite;  /* being run: the closures look up answers here */
    const scn_scenario *scenario;
    scn_evaluate_fn evaluate; /* set by scn_module_attach_engine: called instead of 'entry' */
    void *engine;
} scn_module;

/* Loads SO_PATH and finds the descriptor MODULE_descriptor and its entry
 * point. On failure writes why (with dlerror()). */
bool scn_module_load(scn_module *m, const char *so_path, const char *c_name, char *why, size_t whylen);

/* The same for a module linked into the program: its descriptor and entry
 * point (NAME_evaluate, cast to void (*)(void)); no dlopen. */
bool scn_module_attach(scn_module *m, const lov_module_desc *desc, void (*entry)(void), char *why, size_t whylen);

/* Runs the scenarios on another engine that describes the module with
 * 'desc' and evaluates it with 'evaluate' (NULL 'handle': nothing is
 * loaded). The reports cannot tell the engines apart. */
void scn_module_attach_engine(scn_module *m, const lov_module_desc *desc, scn_evaluate_fn evaluate, void *engine);

/* Binds the module's external functions: from the host library when one is
 * given (every external must be there), otherwise to the answers in the
 * scenarios. */
bool scn_module_bind(scn_module *m, const char *host_path, char *why, size_t whylen);

void scn_module_close(scn_module *m);

/* What one scenario did. */
typedef struct scn_result {
    const scn_scenario *scenario;
    bool passed;
    strbuf failures;         /* one line per expectation that did not hold */
    bool *expect_failed;     /* one per expectation of the scenario, in order: it did not hold */
    double seconds;          /* how long the evaluation took (for JUnit's 'time') */
    lov_status status;       /* what the entry point returned */
    void *output;            /* the output struct, kept for reports */
    lov_trace_entry *trace;  /* the decision trace, with its provisions */
    size_t ntrace;
} scn_result;

/* Runs one scenario (the suite's background first, then its own facts) and
 * compares the expectations. 'covered' (one flag per provision) is marked
 * with what the run exercised. */
void scn_run(scn_module *m, const scn_suite *s, const scn_scenario *sc, scn_result *r, bool *covered);

void scn_result_free(scn_result *r);

/* Was this trace entry an exercise of its provision (a definition worked
 * out, an exception applied, a prerequisite tested)? */
bool scn_exercises(const lov_trace_entry *e);

/* Provisions that count for coverage: not assertions (those are proven by
 * 'lovc verify', not run). */
bool scn_counts_for_coverage(const lov_provision_desc *p);

#endif

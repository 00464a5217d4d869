/* SPDX-License-Identifier: Apache-2.0 */
/* The compiled rules a caseload runs on: loaded as 'lovc test' loads them
 * (compiled once into the cache, dlopen, the descriptor), with the entry
 * points called directly, and what the runner needs of the checked rules
 * that the descriptor does not say (which dates are events). */
#ifndef LOVC_CASELOAD_MODULE_H
#define LOVC_CASELOAD_MODULE_H

#include "commands/caseload.h"
#include "support/diag.h"
#include "suites/scenario_run.h"
#include "support/sha256.h"

typedef lov_status (*cl_evaluate_fn)(const void *in, void *out, lov_trace *trace, const void *ext);
typedef lov_status (*cl_batch_fn)(const void *in, void *out, size_t n, const void *ext);

typedef struct cl_module {
    scn_module m;
    cl_events ev;
    char sha256[SHA256_HEX_SIZE];  /* of the compiled module's file */
    cl_evaluate_fn evaluate; /* NAME_evaluate */
    cl_batch_fn batch;       /* NAME_evaluate_batch, or NULL */
} cl_module;

/* Checks and compiles the rules (cached under 'cache', NULL: the default),
 * loads them and binds their external functions to 'externals' (NULL:
 * none). Reports what fails; false then. */
bool cl_module_open(cl_module *cm, const char *rules, const char *cache, const char *externals, const char *root,
                    diag_ctx *d);
void cl_module_close(cl_module *cm);

/* Decides n cases of in[] (input_size apart) into out[]: by the batch
 * entry when there is one, else case by case. */
void cl_module_decide(const cl_module *cm, const char *in, char *out, size_t n);

/* The reference date of a case read into the module's input struct in; 0 when the rules
 * have none or the case does not give it. */
lov_date cl_reference_date(const lov_module_desc *d, const char *in);

#endif

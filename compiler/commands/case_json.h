/* SPDX-License-Identifier: Apache-2.0 */
/* A case written as JSON, for 'lovc eval': the facts by the names of the
 * rules' inputs, read into the input struct a module's descriptor lays out
 * (compiled or interpreted alike); and the decision written back as JSON.
 * The format is in docs/eval.md. */
#ifndef LOVC_CASE_JSON_H
#define LOVC_CASE_JSON_H

#include <stdbool.h>
#include <stdio.h>

#include "core/lov_module.h"

typedef struct json_case {
    void *input;             /* descriptor->input_size bytes */
    void **lists;            /* the items of each list input, owned */
    size_t nlists;
} json_case;

/* Reads the case in 'path'. False with a reason (in words, naming the fact
 * and the file) when it cannot be read or does not fit the rules. */
bool json_case_read(json_case *c, const lov_module_desc *d, const char *path, char *why, size_t whylen);

void json_case_free(json_case *c);

/* The decision: its status and reason, the facts named as missing, every
 * output with its status and value, and (with a trace) its steps. False
 * when it cannot be written. */
bool json_decision_write(FILE *out, const lov_module_desc *d, const void *output, lov_status st,
                         const lov_trace *trace);

#endif

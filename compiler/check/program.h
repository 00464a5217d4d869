/* SPDX-License-Identifier: Apache-2.0 */
/* A program: a rule file and the modules it uses, loaded and checked.
 *
 * The driver sees the pipeline here: program_load reads and parses the file
 * and, recursively, every module named in 'use' (front/load.h);
 * program_check resolves names and checks types, module by module, used
 * modules first; program_check_safety (safety/safety.h) follows. */
#ifndef LOVC_PROGRAM_H
#define LOVC_PROGRAM_H

#include "front/ast.h"
#include "support/diag.h"
#include "support/util.h"

typedef struct program {
    module *root;            /* the file named on the command line */
    ptrvec modules;          /* module*, each used module before its users */
    ptrvec paths;            /* char*: real path of each module, same order */
    diag_ctx *diag;
    int errors_before;       /* diag->errors when loading began */
} program;

/* Loads 'path' and the modules it uses. Returns NULL when the file itself
 * cannot be read (the reason is reported); otherwise a program whose
 * modules may carry syntax errors (reported). */
program *program_load(const char *path, diag_ctx *diag);

/* The same, where every 'use' must stay inside the folder 'root' (the real
 * path given with --root; NULL: anywhere); 'named_at' (or NULL) is where
 * 'path' was named (a suite's 'for'), for the message if it cannot be read. */
program *program_load_in(const char *path, const char *root, const src_loc *named_at, diag_ctx *diag);

/* Resolves names and checks types in every module; true when the program
 * has no error at all, from loading (syntax) or from checking. */
bool program_check(program *p);

void program_free(program *p);

#endif

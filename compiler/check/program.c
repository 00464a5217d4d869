/* SPDX-License-Identifier: Apache-2.0 */
/* A program: loaded by the front end, then its names and types checked,
 * module by module, used modules first. */
#include "check/program.h"

#include <stdlib.h>

#include "front/load.h"
#include "check/resolve.h"
#include "check/typecheck.h"

program *program_load(const char *path, diag_ctx *diag)
{
    return program_load_in(path, NULL, NULL, diag);
}

program *program_load_in(const char *path, const char *root, const src_loc *named_at, diag_ctx *diag)
{
    program *p = xcalloc(1, sizeof *p);
    p->diag = diag;
    p->errors_before = diag->errors;
    p->root = load_modules(path, root, named_at, diag, &p->modules, &p->paths);
    if (!p->root) {
        program_free(p);
        return NULL;
    }
    return p;
}

bool program_check(program *p)
{
    for (size_t i = 0; i < p->modules.len; i++) {
        module *m = p->modules.items[i];
        /* Names and types are checked in two passes over the module; their
         * messages come out in the order of the text. */
        diag_begin_sorted(p->diag);
        resolve_module(m, p->diag);
        typecheck_module(m, p->diag);
        diag_end_sorted(p->diag);
    }
    return p->diag->errors == p->errors_before;
}

void program_free(program *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->modules.len; i++) {
        module *m = p->modules.items[i];
        resolve_release(m);
        ast_module_free(m);
        free(p->paths.items[i]);
    }
    pv_free(&p->modules);
    pv_free(&p->paths);
    free(p);
}

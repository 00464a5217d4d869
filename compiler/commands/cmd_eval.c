/* SPDX-License-Identifier: Apache-2.0 */
/* lovc eval FILE.lov --case CASE.json: the decision of the reference
 * interpreter for one case, as JSON. With --compiled MODULE.so the same
 * case runs on a module compiled from the same rules instead (the
 * differential tests compare the two); --externals LIB.so supplies the
 * external functions to either. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/case_json.h"
#include "commands/commands.h"
#include "commands/engine_interp.h"
#include "emit/emit.h"
#include "suites/scenario_run.h"

static int evaluate_case(scn_module *m, const options *opt, diag_ctx *d)
{
    char why[2048];
    json_case c;
    if (!json_case_read(&c, m->desc, opt->case_file, why, sizeof why)) {
        fprintf(stderr, "lovc: %s\n", why);
        return EXIT_ERRORS;
    }
    if (!scn_module_bind(m, opt->test.externals, why, sizeof why)) {
        diag_file_error(d, opt->test.externals ? opt->test.externals : opt->files[0], "%s", why);
        json_case_free(&c);
        return EXIT_ERRORS;
    }
    void *out = xcalloc(1, m->desc->output_size);
    size_t cap = 64;
    lov_trace trace = {NULL, 0, 0, 0};
    lov_status st;
    for (;;) {
        trace.entries = xrealloc(trace.entries, cap * sizeof *trace.entries);
        trace.capacity = cap;
        trace.count = trace.dropped = 0;
        lov_trace *tp = opt->trace ? &trace : NULL;
        if (m->evaluate) {
            st = m->evaluate(m->engine, c.input, out, tp, m->externals);
        } else {
            void *ext = m->externals;
            void *args[4] = {&c.input, &out, &tp, &ext};
            ffi_arg rc = 0;
            ffi_call(&m->cif, FFI_FN(m->entry), &rc, args);
            st = (lov_status)(int)rc;
        }
        if (trace.dropped == 0)
            break;
        cap = (trace.count + trace.dropped) * 2;
    }
    bool ok = json_decision_write(stdout, m->desc, out, st, opt->trace ? &trace : NULL);
    ok = fflush(stdout) == 0 && ok;
    free(trace.entries);
    free(out);
    json_case_free(&c);
    if (!ok) {
        fprintf(stderr, "lovc: cannot write the decision to standard output\n");
        return EXIT_ERRORS;
    }
    return EXIT_OK;
}

int run_eval(options *opt)
{
    if (opt->nfiles != 1 || !opt->case_file)
        return usage_error("%s", "eval needs one .lov file and --case CASE.json");
    diag_ctx d;
    setup_diag(&d, opt);
    program *p = program_load_in(opt->files[0], opt->root, NULL, &d);
    if (!p)
        return EXIT_ERRORS;
    if (!program_check(p)) {
        program_free(p);
        return EXIT_ERRORS;
    }
    scn_module m;
    int rc;
    if (opt->compiled) {
        /* The C names of the module, to find its descriptor. */
        for (size_t i = 0; i < p->modules.len; i++)
            emit_names(p->modules.items[i]);
        char why[2048], so[4096];
        /* dlopen searches the library path for a name without a '/' */
        snprintf(so, sizeof so, "%s%s", strchr(opt->compiled, '/') ? "" : "./", opt->compiled);
        if (!scn_module_load(&m, so, p->root->c_prefix, why, sizeof why)) {
            diag_file_error(&d, opt->compiled, "%s", why);
            scn_module_close(&m);
            program_free(p);
            return EXIT_ERRORS;
        }
        rc = evaluate_case(&m, opt, &d);
        scn_module_close(&m);
        program_free(p);
        return rc;
    }
    interp_attach(&m, p);
    rc = evaluate_case(&m, opt, &d);
    interp_close(&m);
    return rc;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* lovc build: the C evaluator of checked rules (and its shared module). */
#include <stdio.h>

#include "commands/case_runner.h"
#include "commands/commands.h"
#include "check/program.h"
#include "emit/build.h"
#include "safety/safety.h"

/* lovc build FILE -o DIR [--so]: check, then write the C (and the .so). */
int run_build(options *opt)
{
    if (opt->nfiles != 1)
        return usage_error("%s", "build needs exactly one .lov file");
    if (!opt->out_dir)
        return usage_error("%s", "build needs the output folder: -o DIR");
    diag_ctx d;
    setup_diag(&d, opt);
    program *p = program_load_in(opt->files[0], opt->root, NULL, &d);
    if (!p)
        return EXIT_ERRORS;
    int rc = EXIT_OK;
    if (program_check(p)) {
        case_runner runner;
        case_runner_init(&runner, p, opt->files[0]);
        case_confirmer confirm = case_runner_confirmer(&runner);
        program_check_safety(p, NULL, &confirm);
        case_runner_free(&runner);
    }
    if (diag_failed(&d)) {
        fprintf(stderr, "%d error%s; nothing was written\n", errors_shown(&d), errors_shown(&d) == 1 ? "" : "s");
        rc = EXIT_ERRORS;
    } else if (!build_module(p, opt->out_dir, opt->so, &d)) {
        rc = EXIT_ERRORS;
    }
    program_free(p);
    return rc;
}

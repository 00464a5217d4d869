/* SPDX-License-Identifier: Apache-2.0 */
/* lovc check: read the rules, check names and types, and run the
 * legal-safety checks; with --emit-scenario, write the findings' example
 * cases as a suite that 'lovc test' runs on the compiled rules. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "commands/case_runner.h"
#include "commands/commands.h"
#include "commands/suite_file.h"
#include "check/program.h"
#include "safety/safety.h"

/* The findings' cases as a suite for the rules at 'path'. */
static bool write_cases(const char *file, const char *path, const module *m, const strbuf *cases, diag_ctx *d)
{
    FILE *f = fopen(file, "w");
    if (!f) {
        diag_file_error(d, file, "cannot create the scenario file: %s", strerror(errno));
        return false;
    }
    strbuf comment, title;
    sb_init(&comment);
    sb_init(&title);
    sb_printf(&comment, "# Written by lovc check: the example case of each finding of the legal-safety checks in\n"
                        "# %s\n"
                        "# 'lovc test' runs them on the compiled rules: a case of harm fails until the rules are\n"
                        "# put right; a conflict or a case without a value passes while it is there.\n",
              path);
    sb_printf(&title, "Fundene i %s", m->name.name);
    bool ok = suite_file_write(f, file, path, comment.data, title.data, cases->data, d);
    sb_free(&comment);
    sb_free(&title);
    return ok;
}

/* lovc check FILE...: every file is loaded and checked, even after errors. */
int run_check(options *opt)
{
    if (opt->nfiles == 0)
        return usage_error("%s", "check needs at least one .lov file");
    const char *emit = opt->verify.scenario;
    if (emit && opt->nfiles != 1)
        return usage_error("%s", "check --emit-scenario needs exactly one .lov file");
    diag_ctx d;
    setup_diag(&d, opt);
    strbuf cases;
    sb_init(&cases);
    bool written = true;
    for (int i = 0; i < opt->nfiles; i++) {
        program *p = program_load_in(opt->files[i], opt->root, NULL, &d);
        if (!p)
            continue;
        /* The safety checks read a whole, well-typed module only. */
        if (program_check(p)) {
            case_runner runner;
            case_runner_init(&runner, p, opt->files[i]);
            case_confirmer confirm = case_runner_confirmer(&runner);
            program_check_safety(p, emit ? &cases : NULL, &confirm);
            case_runner_free(&runner);
            if (emit)
                written = write_cases(emit, opt->files[i], p->root, &cases, &d);
        }
        program_free(p);
    }
    sb_free(&cases);
    if (d.errors || d.warnings)
        fprintf(stderr, "%d error%s, %d warning%s\n", errors_shown(&d), errors_shown(&d) == 1 ? "" : "s",
                d.werror ? 0 : d.warnings, !d.werror && d.warnings == 1 ? "" : "s");
    if (!written)
        return EXIT_USAGE;
    return diag_failed(&d) ? EXIT_ERRORS : EXIT_OK;
}

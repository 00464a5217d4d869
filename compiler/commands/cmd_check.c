/* lovc check: read the rules, check names and types, and run the
 * legal-safety checks. */
#include <stdio.h>

#include "commands/commands.h"
#include "check/program.h"
#include "safety/safety.h"

/* lovc check FILE...: every file is loaded and checked, even after errors. */
int run_check(options *opt)
{
    if (opt->nfiles == 0)
        return usage_error("%s", "check needs at least one .lov file");
    diag_ctx d;
    setup_diag(&d, opt);
    for (int i = 0; i < opt->nfiles; i++) {
        program *p = program_load(opt->files[i], &d);
        if (!p)
            continue;
        /* The safety checks read a whole, well-typed module only. */
        if (program_check(p))
            program_check_safety(p);
        program_free(p);
    }
    if (d.errors || d.warnings)
        fprintf(stderr, "%d error%s, %d warning%s\n", errors_shown(&d), errors_shown(&d) == 1 ? "" : "s",
                d.werror ? 0 : d.warnings, !d.werror && d.warnings == 1 ? "" : "s");
    return diag_failed(&d) ? EXIT_ERRORS : EXIT_OK;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* lovc doc: the rules as a page for review. */
#include <stdio.h>

#include "commands/commands.h"
#include "check/program.h"
#include "render/doc_html.h"

/* lovc doc FILE -o PAGE: check, then render the rules for review. */
int run_doc(options *opt)
{
    if (opt->nfiles != 1)
        return usage_error("%s", "doc needs exactly one .lov file");
    if (!opt->out_dir)
        return usage_error("%s", "doc needs the page to write: -o FILE.html");
    diag_ctx d;
    setup_diag(&d, opt);
    program *p = program_load_in(opt->files[0], opt->root, NULL, &d);
    if (!p)
        return EXIT_ERRORS;
    int rc = EXIT_OK;
    char why[1024];
    if (!program_check(p) || diag_failed(&d)) {
        fprintf(stderr, "%d error%s; nothing was written\n", d.errors, d.errors == 1 ? "" : "s");
        rc = EXIT_ERRORS;
    } else if (!doc_write_html(p, opt->out_dir, why, sizeof why)) {
        diag_file_error(&d, opt->out_dir, "%s", why);
        rc = EXIT_ERRORS;
    }
    program_free(p);
    return rc;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* The C of a generated module, for the differential tests: the module read
 * and checked (names and types) as lovc build does, then written as
 * DIR/m.c and DIR/m.h. The legal-safety checks are left out: they ask the
 * prover questions that random rules make slow, and they judge the rules,
 * not the C the tests compare. A module with an error is refused (status 1):
 * the generator must write valid rules.
 *
 *   emit FILE.lov DIR */
#include <stdio.h>

#include "check/program.h"
#include "emit/emit.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: emit FILE.lov DIR\n");
        return 2;
    }
    diag_ctx d;
    diag_init(&d, stderr);
    program *p = program_load(argv[1], &d);
    if (!p)
        return 1;
    int rc = 0;
    char why[8192];
    if (!program_check(p)) {
        rc = 1;
    } else if (!emit_c_files(p, argv[2], "m", why, sizeof why)) {
        fprintf(stderr, "emit: %s\n", why);
        rc = 1;
    }
    program_free(p);
    return rc;
}

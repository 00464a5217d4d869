/* lovc: the driver. Reads top to bottom as the pipeline runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "parse.h"

int main(int argc, char **argv)
{
    diag_ctx d;
    diag_init(&d, stderr);
    for (int i = 2; i < argc; i++) {
        char why[256];
        src_file *f = src_read(argv[i], why, sizeof why);
        if (!f) {
            diag_file_error(&d, argv[i], "%s", why);
            continue;
        }
        module *m = parse_module(f, &d);
        ast_module_free(m);
    }
    return diag_failed(&d) ? 1 : 0;
}

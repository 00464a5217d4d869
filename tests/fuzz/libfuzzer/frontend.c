/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer harness: the rule front end, as 'lovc check' and 'lovc build'
 * run it, on any bytes: load (flex + bison), resolve names, check types,
 * the legal-safety checks (the prover with a short time limit), and, for a
 * module without errors, the C emitter and the HTML renderer.
 *
 * The input is written to a file in a work folder that also holds the
 * helper modules of the golden tests (modules/...), so that 'use' reaches
 * real modules; tests/fuzz/libfuzzer/run sets that folder up
 * ($LOV_FUZZ_DIR). Without it the harness makes a folder of its own, with
 * no helper modules.
 *
 * Any crash, sanitizer report, leak or hang is a defect: no input may crash
 * or hang lovc. */
#define _DEFAULT_SOURCE  /* mkdtemp */

#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/program.h"
#include "emit/build.h"
#include "render/doc_html.h"
#include "safety/safety.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Per question; lovc check allows 2 s, which would make one input of many
 * questions take minutes. An unanswered question is a finding, not an
 * error, so the paths are the same. */
#define FUZZ_PROVER_MS 100

static char work[PATH_MAX];
static char root[PATH_MAX];      /* its real path */
static char input[PATH_MAX + 32];
static char out_dir[PATH_MAX + 32];
static char html[PATH_MAX + 32];
static FILE *devnull;

/* Empties the folder the C files are written to: each input may name
 * another module, so another file. */
static void clear_out_dir(void)
{
    DIR *dir = opendir(out_dir);
    if (!dir)
        return;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[2 * PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", out_dir, e->d_name);
        unlink(path);
    }
    closedir(dir);
}

static void remove_files(void)
{
    unlink(input);
    unlink(html);
    clear_out_dir();
    rmdir(out_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = getenv("LOV_FUZZ_DIR");
    if (dir && *dir) {
        snprintf(work, sizeof work, "%s", dir);
    } else {
        const char *tmp = getenv("TMPDIR");
        snprintf(work, sizeof work, "%s/lov-fuzz-frontend.XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(work)) {
            perror("fuzz-frontend: mkdtemp");
            exit(2);
        }
    }
    if (!realpath(work, root)) {
        perror("fuzz-frontend: the work folder");
        exit(2);
    }
    /* One file per process: libFuzzer's -jobs and -fork run several. */
    snprintf(input, sizeof input, "%s/input-%ld.lov", work, (long)getpid());
    snprintf(out_dir, sizeof out_dir, "%s/c-%ld", work, (long)getpid());
    snprintf(html, sizeof html, "%s/doc-%ld.html", work, (long)getpid());
    devnull = fopen("/dev/null", "w");
    if (!devnull) {
        perror("fuzz-frontend: /dev/null");
        exit(2);
    }
    atexit(remove_files);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(input, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
        perror("fuzz-frontend: cannot write the input");
        abort();
    }
    diag_ctx d;
    diag_init(&d, devnull);
    /* as 'lovc check --root': every 'use' inside the work folder, so that no
     * input reads a file of the machine (a FIFO, a device, /etc/passwd) */
    program *p = program_load_in(input, root, NULL, &d);
    if (!p)
        return 0;
    if (program_check(p)) {
        safety_options o = {.list_bound = 2, .timeout_ms = FUZZ_PROVER_MS, .scenarios = NULL};
        strbuf cases;
        sb_init(&cases);
        o.scenarios = &cases;
        safety_check_module(p->root, p->diag, &o);
        sb_free(&cases);
        if (!diag_failed(&d)) {
            char why[512];
            build_module(p, out_dir, false, &d);
            clear_out_dir();
            doc_write_html(p, html, why, sizeof why);
        }
    }
    program_free(p);
    return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Example cases run on the compiled rules (case_runner.h). */
#define _XOPEN_SOURCE 700  /* open_memstream */

#include "commands/case_runner.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit/build.h"
#include "emit/emit.h"
#include "suites/scenario.h"

void case_runner_init(case_runner *r, program *prog, const char *path)
{
    memset(r, 0, sizeof *r);
    r->prog = prog;
    r->path = path;
}

/* Removes the private folder the rules were compiled in, and what is in it. */
static void remove_folder(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char path[PATH_MAX];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(dir);
}

void case_runner_free(case_runner *r)
{
    if (r->loaded)
        scn_module_close(&r->compiled);
    r->loaded = false;
    if (r->dir[0])
        remove_folder(r->dir);
    r->dir[0] = '\0';
}

/* Writes the C files. The emitter numbers the declarations (slot,
 * provision) as the generated C lays them out; the prover, which asks its
 * questions before and after, numbers its inputs by the same fields, so
 * they are kept as they were. */
static bool write_c(case_runner *r, const char *base)
{
    ptrvec *mods = &r->prog->modules;
    size_t n = 0;
    for (size_t i = 0; i < mods->len; i++)
        n += (size_t)((module *)mods->items[i])->decls.len;
    int *kept = xcalloc(2 * n + 1, sizeof *kept);
    size_t k = 0;
    for (size_t i = 0; i < mods->len; i++)
        for (int j = 0; j < ((module *)mods->items[i])->decls.len; j++, k += 2) {
            decl *d = NL_AT(((module *)mods->items[i])->decls, j);
            kept[k] = d->slot;
            kept[k + 1] = d->provision;
        }
    bool ok = emit_c_files(r->prog, r->dir, base, r->why_not, sizeof r->why_not);
    k = 0;
    for (size_t i = 0; i < mods->len; i++)
        for (int j = 0; j < ((module *)mods->items[i])->decls.len; j++, k += 2) {
            decl *d = NL_AT(((module *)mods->items[i])->decls, j);
            d->slot = kept[k];
            d->provision = kept[k + 1];
        }
    free(kept);
    return ok;
}

/* Compiles the rules once, when the first case needs them: into a private
 * folder (mkdtemp: mode 0700) that is removed afterwards, at -O0, which
 * compiles large rule sets in seconds and runs a few cases just as well. */
static bool load(case_runner *r)
{
    if (r->tried)
        return r->loaded;
    r->tried = true;
    const char *tmp = getenv("TMPDIR");
    snprintf(r->dir, sizeof r->dir, "%s/lovc-case-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(r->dir)) {
        snprintf(r->why_not, sizeof r->why_not, "cannot make a folder to compile them in: %s", strerror(errno));
        r->dir[0] = '\0';
        return false;
    }
    emit_names(r->prog->root);
    const char *base = r->prog->root->c_prefix;
    char c_path[PATH_MAX + 64], so[PATH_MAX + 64];
    snprintf(c_path, sizeof c_path, "%s/%s.c", r->dir, base);
    snprintf(so, sizeof so, "%s/%s.so", r->dir, base);
    r->loaded = write_c(r, base)
                && build_shared_at(c_path, so, "-O0", r->why_not, sizeof r->why_not)
                && scn_module_load(&r->compiled, so, base, r->why_not, sizeof r->why_not)
                && scn_module_bind(&r->compiled, NULL, r->why_not, sizeof r->why_not);
    return r->loaded;
}

bool case_runner_run(case_runner *r, const char *scenario, const char *output, case_outcome *out, char *why,
                     size_t whylen)
{
    memset(out, 0, sizeof *out);
    if (!load(r)) {
        snprintf(why, whylen, "the rules could not be compiled to run it: %s", r->why_not);
        return false;
    }
    strbuf text;
    sb_init(&text);
    sb_printf(&text, "suite \"lovc\" for \"%s\"\n%s", r->path, scenario);
    src_file *f = src_from_string("(the example case)", text.data, text.len);
    sb_free(&text);
    char *messages = NULL;
    size_t nmessages = 0;
    FILE *sink = open_memstream(&messages, &nmessages);
    diag_ctx quiet;
    diag_init(&quiet, sink);
    scn_suite *suite = scn_parse(f, &quiet);
    bool ok = !diag_failed(&quiet) && scn_check(suite, r->compiled.desc, &quiet) && suite->scenarios.len > 0;
    if (ok) {
        const lov_module_desc *d = r->compiled.desc;
        scn_result res;
        scn_run(&r->compiled, suite, SCN_AT(suite->scenarios, 0), &res, NULL);
        out->passed = res.passed;
        out->status = LOV_UNDETERMINED;
        for (uint32_t i = 0; i < d->noutputs; i++) {
            const lov_field_desc *o = &d->outputs[i];
            if (strcmp(o->name, output) != 0)
                continue;
            memcpy(&out->status, (const char *)res.output + o->status_offset, sizeof out->status);
            out->present = true;
            scn_load(res.output, o->offset, o->type, o->optional, &out->present, &out->value);
        }
        scn_result_free(&res);
    }
    fclose(sink);
    if (!ok) {
        char *end = messages ? strchr(messages, '\n') : NULL;
        if (end)
            *end = '\0';
        snprintf(why, whylen, "the case could not be run as a scenario (%s)", messages ? messages : "");
    }
    free(messages);
    scn_suite_free(suite);
    return ok;
}

static bool run_for_checks(void *ctx, const char *scenario, const char *output, case_outcome *out, char *why,
                           size_t whylen)
{
    return case_runner_run(ctx, scenario, output, out, why, whylen);
}

case_confirmer case_runner_confirmer(case_runner *r)
{
    case_confirmer c = {run_for_checks, r};
    return c;
}

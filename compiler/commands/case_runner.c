/* Example cases run on the compiled rules (case_runner.h). */
#define _XOPEN_SOURCE 700  /* open_memstream */

#include "commands/case_runner.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/build.h"
#include "suites/scenario.h"

void case_runner_init(case_runner *r, program *prog, const char *path, const char *cache)
{
    memset(r, 0, sizeof *r);
    r->prog = prog;
    r->path = path;
    r->cache = cache;
}

void case_runner_free(case_runner *r)
{
    if (r->loaded)
        scn_module_close(&r->compiled);
    r->loaded = false;
}

/* Compiles the rules (or finds them in the cache) and loads them, once. */
static bool load(case_runner *r)
{
    if (r->tried)
        return r->loaded;
    r->tried = true;
    char so[PATH_MAX], cache[PATH_MAX];
    const char *root = r->cache ? r->cache : build_cache_root(cache, sizeof cache);
    r->loaded = build_cached(r->prog, root, so, sizeof so, r->why_not, sizeof r->why_not)
                && scn_module_load(&r->compiled, so, r->prog->root->c_prefix, r->why_not, sizeof r->why_not)
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

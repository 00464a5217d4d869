#define _XOPEN_SOURCE 700  /* realpath */

#include "program.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "resolve.h"
#include "safety.h"
#include "typecheck.h"

/* How deep 'use' may nest before lovc stops following it. */
#define MAX_USE_DEPTH 64

typedef struct loader {
    program *prog;
    ptrvec loading;          /* char*: real paths of modules being loaded (a stack) */
    ptrvec loading_mods;     /* module*: same stack */
} loader;

/* The path of 'rel' taken from the folder of 'from'. */
static char *path_beside(const char *from, const char *rel)
{
    if (rel[0] == '/')
        return xstrdup(rel);
    const char *slash = strrchr(from, '/');
    if (!slash)
        return xstrdup(rel);
    size_t dir = (size_t)(slash - from) + 1;
    size_t n = strlen(rel);
    char *p = xmalloc(dir + n + 1);
    memcpy(p, from, dir);
    memcpy(p + dir, rel, n + 1);
    return p;
}

static module *find_loaded(loader *ld, const char *real)
{
    for (size_t i = 0; i < ld->prog->paths.len; i++)
        if (strcmp(ld->prog->paths.items[i], real) == 0)
            return ld->prog->modules.items[i];
    return NULL;
}

static module *load(loader *ld, const char *path, const use_decl *via);

static void load_uses(loader *ld, module *m)
{
    for (int i = 0; i < m->uses.len; i++) {
        use_decl *u = NL_AT(m->uses, i);
        char *path = path_beside(m->file->path, u->path);
        u->target = load(ld, path, u);
        free(path);
        if (u->target && u->target->has_header && strcmp(u->target->name.name, u->alias.name) != 0)
            diag_error(ld->prog->diag, u->alias.loc,
                       "the file \"%s\" holds the module '%s', not '%s'; write: use %s from \"%s\"",
                       u->path, u->target->name.name, u->alias.name, u->target->name.name, u->path);
    }
}

/* Loads one module (once per real path) and everything it uses. 'via' is
 * the 'use' that named it, NULL for the root. */
static module *load(loader *ld, const char *path, const use_decl *via)
{
    diag_ctx *d = ld->prog->diag;
    char real[PATH_MAX];
    if (!realpath(path, real)) {
        char why[256];
        src_file *probe = src_read(path, why, sizeof why);   /* for the reason, in words */
        src_free(probe);
        if (via)
            diag_error(d, via->loc, "cannot use \"%s\": %s", via->path, why);
        else
            diag_file_error(d, path, "%s", why);
        return NULL;
    }
    for (size_t i = 0; i < ld->loading.len; i++) {
        if (strcmp(ld->loading.items[i], real) == 0) {
            module *cyc = ld->loading_mods.items[i];
            diag_error(d, via->loc,
                       "modules use each other in a circle: '%s' is already being read here; a module "
                       "cannot use itself, directly or through others",
                       cyc->has_header ? cyc->name.name : via->alias.name);
            return NULL;
        }
    }
    module *done = find_loaded(ld, real);
    if (done)
        return done;
    if (ld->loading.len >= MAX_USE_DEPTH) {
        diag_error(d, via->loc, "modules use one another more than %d levels deep", MAX_USE_DEPTH);
        return NULL;
    }
    char why[256];
    src_file *f = src_read(path, why, sizeof why);
    if (!f) {
        if (via)
            diag_error(d, via->loc, "cannot use \"%s\": %s", via->path, why);
        else
            diag_file_error(d, path, "%s", why);
        return NULL;
    }
    module *m = parse_module(f, d);
    pv_push(&ld->loading, xstrdup(real));
    pv_push(&ld->loading_mods, m);
    load_uses(ld, m);
    free(ld->loading.items[--ld->loading.len]);
    ld->loading_mods.len--;
    pv_push(&ld->prog->modules, m);
    pv_push(&ld->prog->paths, xstrdup(real));
    return m;
}

program *program_load(const char *path, diag_ctx *diag)
{
    program *p = xcalloc(1, sizeof *p);
    p->diag = diag;
    p->errors_before = diag->errors;
    loader ld = {.prog = p};
    p->root = load(&ld, path, NULL);
    pv_free(&ld.loading);
    pv_free(&ld.loading_mods);
    if (!p->root) {
        program_free(p);
        return NULL;
    }
    return p;
}

bool program_check(program *p)
{
    for (size_t i = 0; i < p->modules.len; i++) {
        module *m = p->modules.items[i];
        /* Names and types are checked in two passes over the module; their
         * messages come out in the order of the text. */
        diag_begin_sorted(p->diag);
        resolve_module(m, p->diag);
        typecheck_module(m, p->diag);
        diag_end_sorted(p->diag);
    }
    return p->diag->errors == p->errors_before;
}

void program_check_safety(program *p)
{
    safety_options o = {.list_bound = 2, .timeout_ms = 2000};
    safety_check_module(p->root, p->diag, &o);
}

void program_free(program *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->modules.len; i++) {
        module *m = p->modules.items[i];
        resolve_release(m);
        ast_module_free(m);
        free(p->paths.items[i]);
    }
    pv_free(&p->modules);
    pv_free(&p->paths);
    free(p);
}

#define _XOPEN_SOURCE 700  /* realpath */

#include "front/load.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "front/parse.h"

/* How deep 'use' may nest before lovc stops following it. */
#define MAX_USE_DEPTH 64

typedef struct loader {
    diag_ctx *diag;
    ptrvec *modules;         /* module*: loaded, each used module before its users */
    ptrvec *paths;           /* char*: real path of each, same order */
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
    for (size_t i = 0; i < ld->paths->len; i++)
        if (strcmp(ld->paths->items[i], real) == 0)
            return ld->modules->items[i];
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
            diag_error(ld->diag, u->alias.loc,
                       "the file \"%s\" holds the module '%s', not '%s'; write: use %s from \"%s\"",
                       u->path, u->target->name.name, u->alias.name, u->target->name.name, u->path);
    }
}

/* Loads one module (once per real path) and everything it uses. 'via' is
 * the 'use' that named it, NULL for the root. */
static module *load(loader *ld, const char *path, const use_decl *via)
{
    diag_ctx *d = ld->diag;
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
    pv_push(ld->modules, m);
    pv_push(ld->paths, xstrdup(real));
    return m;
}

module *load_modules(const char *path, diag_ctx *diag, ptrvec *modules, ptrvec *paths)
{
    loader ld = {.diag = diag, .modules = modules, .paths = paths};
    module *root = load(&ld, path, NULL);
    pv_free(&ld.loading);
    pv_free(&ld.loading_mods);
    return root;
}

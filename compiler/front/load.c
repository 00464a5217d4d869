/* SPDX-License-Identifier: Apache-2.0 */
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
    const char *root;        /* real path of --root DIR, or NULL */
    const src_loc *named_at; /* where the first file was named (a suite's 'for'), or NULL */
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

bool load_inside_root(const char *root, const char *real)
{
    if (!root)
        return true;
    size_t n = strlen(root);
    if (n == 1 && root[0] == '/')
        return real[0] == '/';
    return strncmp(real, root, n) == 0 && (real[n] == '\0' || real[n] == '/');
}

/* A file is read as rules when its real name ends in .lov or it starts with
 * 'module'; of any other file (a password file named by 'use') lovc shows
 * nothing, not even its first line in a message. */
static bool is_rule_file(const char *real, const src_file *f)
{
    return src_name_ends_with(real, ".lov") || src_starts_with_word(f, "module");
}

static module *find_loaded(loader *ld, const char *real)
{
    for (size_t i = 0; i < ld->paths->len; i++)
        if (strcmp(ld->paths->items[i], real) == 0)
            return ld->modules->items[i];
    return NULL;
}

static module *load(loader *ld, const char *path, const use_decl *via);

/* The file 'path' cannot be read, for the reason 'why': said where it was
 * named ('use', a suite's 'for'), else of the file. */
static void cannot_read(loader *ld, const char *path, const use_decl *via, const char *why)
{
    if (via)
        diag_error(ld->diag, via->loc, "cannot use \"%s\": %s", via->path, why);
    else if (ld->named_at)
        diag_error(ld->diag, *ld->named_at, "cannot read the rules \"%s\": %s", path, why);
    else
        diag_file_error(ld->diag, path, "%s", why);
}

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

static load_text_fn editor_text;
static void *editor_ctx;

void load_set_editor_texts(load_text_fn text, void *ctx)
{
    editor_text = text;
    editor_ctx = ctx;
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
        cannot_read(ld, path, via, why);
        return NULL;
    }
    if (via && !load_inside_root(ld->root, real)) {
        diag_error(d, via->loc, "cannot use \"%s\": it is outside the folder given with --root",
                   via->path);
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
    src_file *f = editor_text ? editor_text(editor_ctx, real, path) : NULL;
    if (!f)
        f = src_read(path, why, sizeof why);
    if (!f) {
        cannot_read(ld, path, via, why);
        return NULL;
    }
    if (!is_rule_file(real, f)) {
        const char *what = "this is not a rule file: its name does not end in .lov and it does not "
                           "start with 'module' (lovc does not show what it holds)";
        cannot_read(ld, path, via, what);
        src_free(f);
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

module *load_modules(const char *path, const char *root, const src_loc *named_at, diag_ctx *diag,
                     ptrvec *modules, ptrvec *paths)
{
    loader ld = {.diag = diag, .root = root, .named_at = named_at, .modules = modules, .paths = paths};
    module *top = load(&ld, path, NULL);
    pv_free(&ld.loading);
    pv_free(&ld.loading_mods);
    return top;
}

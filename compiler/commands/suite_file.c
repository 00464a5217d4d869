/* SPDX-License-Identifier: Apache-2.0 */
/* Suites that lovc writes ('lovc verify --emit-scenario', 'lovc check
 * --emit-scenario'): how they name the rules they test. */
#define _XOPEN_SOURCE 700  /* realpath */

#include "commands/suite_file.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/util.h"

/* Splits an absolute path into its folder names (in place). */
static int components(char *path, char **parts, int max)
{
    int n = 0;
    for (char *p = strtok(path, "/"); p && n < max; p = strtok(NULL, "/"))
        parts[n++] = p;
    return n;
}

void suite_rules_path(const char *from, const char *file, char *buf, size_t cap)
{
    char dir[PATH_MAX], here[PATH_MAX], target[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", from);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    if (!realpath(dir, here) || !realpath(file, target)) {
        snprintf(buf, cap, "%s", file);
        return;
    }
    char *a[128], *b[128];
    int na = components(here, a, 128), nb = components(target, b, 128), common = 0;
    while (common < na && common < nb - 1 && strcmp(a[common], b[common]) == 0)
        common++;
    strbuf rel;
    sb_init(&rel);
    for (int i = common; i < na; i++)
        sb_puts(&rel, "../");
    for (int i = common; i < nb; i++)
        sb_printf(&rel, "%s%s", b[i], i + 1 < nb ? "/" : "");
    snprintf(buf, cap, "%s", rel.data);
    sb_free(&rel);
}

bool suite_file_write(FILE *f, const char *file, const char *rules, const char *comment, const char *title,
                      const char *scenarios, diag_ctx *d)
{
    char path[PATH_MAX];
    suite_rules_path(file, rules, path, sizeof path);
    /* The suite is a file, not a message: written through a buffer. */
    strbuf text;
    sb_init(&text);
    sb_printf(&text, "%ssuite \"%s\" for \"%s\"\n%s", comment, title, path, scenarios ? scenarios : "");
    fputs(text.data, f);
    sb_free(&text);
    bool ok = fclose(f) == 0;
    if (!ok)
        diag_file_error(d, file, "cannot create the scenario file: %s", strerror(errno));
    return ok;
}

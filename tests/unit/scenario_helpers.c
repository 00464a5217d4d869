/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers shared by the scenario suites; see scenario_helpers.h. */
#define _XOPEN_SOURCE 700  /* realpath, mkdtemp */

#include "scenario_helpers.h"

#include <check.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit/build.h"
#include "core/lov.h"
#include "check/program.h"
#include "support/util.h"

scn_suite *scn_test_parse(const char *text, capture *c)
{
    return scn_parse(src_from_string("t.scn", text, strlen(text)), &c->diag);
}

/* ---- Trees as S-expressions ------------------------------------------------ */

static void value_sexp(strbuf *sb, const scn_value *v)
{
    char buf[64];
    switch (v->kind) {
    case SV_INT: sb_printf(sb, "%lld", (long long)v->i); return;
    case SV_DECIMAL: sb_printf(sb, "(dec %lld %d)", (long long)v->dec.coef, (int)v->dec.scale); return;
    case SV_MONEY: sb_printf(sb, "(kr %lld)", (long long)v->i); return;
    case SV_PERCENT: sb_printf(sb, "(pct %lld %d)", (long long)v->dec.coef, (int)v->dec.scale); return;
    case SV_DATE:
        lov_date_format(v->date, buf);
        sb_printf(sb, "(date %s)", buf);
        return;
    case SV_DURATION: sb_printf(sb, "(dur %dm%dd)", (int)v->dur.months, (int)v->dur.days); return;
    case SV_BOOL: sb_puts(sb, v->b ? "yes" : "no"); return;
    case SV_NAME:
        if (v->qualifier.name)
            sb_printf(sb, "%s.", v->qualifier.name);
        sb_puts(sb, v->name.name);
        return;
    case SV_ABSENT: sb_puts(sb, "absent"); return;
    case SV_UNKNOWN: sb_puts(sb, "unknown"); return;
    }
    sb_puts(sb, "?");
}

static void given_sexp(strbuf *sb, const scn_given *g)
{
    switch (g->kind) {
    case GIVEN_VALUE:
        sb_printf(sb, " (= %s ", g->name.name);
        value_sexp(sb, g->value);
        sb_putc(sb, ')');
        return;
    case GIVEN_TABLE:
        sb_printf(sb, " (table %s", g->name.name);
        for (int r = 0; r < g->rows.len; r++) {
            const scn_list *row = SCN_AT(g->rows, r);
            sb_puts(sb, " (row");
            for (int k = 0; k < row->len; k++) {
                sb_putc(sb, ' ');
                value_sexp(sb, SCN_AT(*row, k));
            }
            sb_putc(sb, ')');
        }
        sb_putc(sb, ')');
        return;
    case GIVEN_CALL:
        sb_printf(sb, " (call %s (", g->name.name);
        for (int k = 0; k < g->args.len; k++) {
            if (k)
                sb_putc(sb, ' ');
            value_sexp(sb, SCN_AT(g->args, k));
        }
        sb_puts(sb, ") ");
        value_sexp(sb, g->value);
        sb_putc(sb, ')');
        return;
    }
}

static void expect_sexp(strbuf *sb, const scn_expect *x)
{
    switch (x->kind) {
    case EXPECT_VALUE:
        sb_printf(sb, " (= %s ", x->name.name);
        value_sexp(sb, x->value);
        sb_putc(sb, ')');
        return;
    case EXPECT_STATUS: sb_printf(sb, " (is %s %s)", x->name.name, lov_status_name(x->status)); return;
    case EXPECT_NONE: sb_printf(sb, " (no %s)", x->name.name); return;
    case EXPECT_HELD_BACK: sb_printf(sb, " (held-back %s)", x->name.name); return;
    case EXPECT_MISSING:
        sb_puts(sb, " (missing");
        for (int k = 0; k < x->names.len; k++)
            sb_printf(sb, " %s", ((const scn_ident *)SCN_AT(x->names, k))->name);
        sb_putc(sb, ')');
        return;
    }
}

char *scn_test_sexp(const scn_suite *s)
{
    strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "(suite \"%s\" \"%s\"", s->title ? s->title : "", s->rules ? s->rules : "");
    if (s->background.len) {
        sb_puts(&sb, " (background");
        for (int i = 0; i < s->background.len; i++)
            given_sexp(&sb, SCN_AT(s->background, i));
        sb_putc(&sb, ')');
    }
    for (int i = 0; i < s->scenarios.len; i++) {
        const scn_scenario *sc = SCN_AT(s->scenarios, i);
        sb_printf(&sb, " (scenario \"%s\" %d (given", sc->name, sc->line);
        for (int k = 0; k < sc->givens.len; k++)
            given_sexp(&sb, SCN_AT(sc->givens, k));
        sb_puts(&sb, ") (expect");
        for (int k = 0; k < sc->expects.len; k++)
            expect_sexp(&sb, SCN_AT(sc->expects, k));
        sb_puts(&sb, "))");
    }
    sb_putc(&sb, ')');
    return sb.data;
}

/* ---- Compiled rules ------------------------------------------------------------ */

/* Generated modules include lov.h; the source tree's runtime/core/ holds it when
 * the tests run from the top folder, as make runs them. */
static void find_runtime_headers(void)
{
    char dir[PATH_MAX];
    if (getenv("LOVC_INCLUDE") || access("runtime/core/lov.h", R_OK) != 0 || !realpath("runtime/core", dir))
        return;
    setenv("LOVC_INCLUDE", dir, 1);
}

char *scn_test_compile(const char *dir, const char *file, const char *text)
{
    find_runtime_headers();
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "scn_test_compile: cannot write %s\n", path);
        return NULL;
    }
    diag_ctx d;
    diag_init(&d, stderr);
    program *p = program_load(path, &d);
    char *so = NULL;
    if (p && program_check(p) && build_module(p, dir, true, &d)) {
        char out[PATH_MAX];
        snprintf(out, sizeof out, "%s/%s.so", dir, p->root->c_prefix);
        so = xstrdup(out);
    }
    program_free(p);
    return so;
}

char *scn_test_mkdtemp(void)
{
    char tmpl[] = "/tmp/lovc-unit-scn.XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(tmpl));
    return xstrdup(tmpl);
}

void scn_test_rmdir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

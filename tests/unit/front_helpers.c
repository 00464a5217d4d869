/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers shared by the front-end suites; see front_helpers.h. */
#include "front_helpers.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/lov.h"
#include "front/parse.h"
#include "check/resolve.h"
#include "check/typecheck.h"
#include "support/util.h"

/* ---- Diagnostics in memory ---------------------------------------------- */

void capture_init(capture *c)
{
    memset(c, 0, sizeof *c);
    c->out = open_memstream(&c->buf, &c->len);
    ck_assert_ptr_nonnull(c->out);
    diag_init(&c->diag, c->out);
}

const char *capture_text(capture *c)
{
    fflush(c->out);
    return c->buf ? c->buf : "";
}

const char *capture_messages(capture *c)
{
    const char *text = capture_text(c);
    free(c->messages);
    c->messages = xmalloc(strlen(text) + 1);
    size_t n = 0;
    for (const char *line = text; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) + 1 : strlen(line);
        if (line[0] != ' ') {
            memcpy(c->messages + n, line, len);
            n += len;
        }
        line += len;
    }
    c->messages[n] = '\0';
    return c->messages;
}

void capture_free(capture *c)
{
    fclose(c->out);
    free(c->buf);
    free(c->messages);
    memset(c, 0, sizeof *c);
}

/* ---- Parsing and checking ------------------------------------------------ */

module *front_parse_n(const char *text, size_t len, capture *c)
{
    return parse_module(src_from_string("t.lov", text, len), &c->diag);
}

module *front_parse(const char *text, capture *c)
{
    return front_parse_n(text, strlen(text), c);
}

module *front_check(const char *text, capture *c)
{
    module *m = front_parse(text, c);
    resolve_module(m, &c->diag);
    typecheck_module(m, &c->diag);
    return m;
}

void front_free(module *m)
{
    resolve_release(m);
    ast_module_free(m);
}

decl *front_decl(module *m, const char *name)
{
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->name.name && strcmp(d->name.name, name) == 0)
            return d;
    }
    return NULL;
}

expr *front_value(module *m, const char *name)
{
    decl *d = front_decl(m, name);
    ck_assert_msg(d != NULL, "no declaration '%s'", name);
    ck_assert_msg(d->kind == D_DEFINITION || d->kind == D_OUTCOME, "'%s' is no definition", name);
    ck_assert_msg(d->u.def.default_rule != NULL, "'%s' has no default rule", name);
    return d->u.def.default_rule->value;
}

const char *front_expr_sexp(const char *text, capture *c, module **out)
{
    strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%sdefinition x: integer %s = %s\n", FRONT_HEADER, CITE, text);
    module *m = front_parse(sb.data, c);
    sb_free(&sb);
    *out = m;
    return front_sexp(m, front_value(m, "x"));
}

/* ---- Trees as S-expressions ---------------------------------------------- */

static void sexp(strbuf *sb, const expr *e);

static void sexp_list(strbuf *sb, const char *head, const expr *const *parts, int n)
{
    sb_printf(sb, "(%s", head);
    for (int i = 0; i < n; i++) {
        sb_putc(sb, ' ');
        sexp(sb, parts[i]);
    }
    sb_putc(sb, ')');
}

static const char *round_mode_word(round_mode m)
{
    switch (m) {
    case RM_HALF_UP: return "half-up";
    case RM_HALF_EVEN: return "half-even";
    case RM_DOWN: return "down";
    case RM_UP: return "up";
    }
    return "?";
}

static const char *aggr_word(aggr_kind k)
{
    switch (k) {
    case AG_SUM: return "sum";
    case AG_COUNT: return "count";
    case AG_EXISTS: return "exists";
    case AG_FORALL: return "forall";
    case AG_MINIMUM: return "minimum";
    case AG_MAXIMUM: return "maximum";
    }
    return "?";
}

static void sexp(strbuf *sb, const expr *e)
{
    if (!e) {
        sb_puts(sb, "<null>");
        return;
    }
    switch (e->kind) {
    case E_BOOL:
        sb_puts(sb, e->u.b ? "yes" : "no");
        return;
    case E_INT:
        sb_printf(sb, "%lld", (long long)e->u.i);
        return;
    case E_DECIMAL:
        sb_printf(sb, "(dec %lld %d)", (long long)e->u.dec.coef, (int)e->u.dec.scale);
        return;
    case E_MONEY:
        sb_printf(sb, "(money %lld)", (long long)e->u.money);
        return;
    case E_DATE: {
        int32_t y;
        int mo, d;
        lov_date_to_ymd(e->u.date, &y, &mo, &d);
        sb_printf(sb, "(date %04d-%02d-%02d)", (int)y, mo, d);
        return;
    }
    case E_DURATION:
        sb_printf(sb, "(dur %dm%dd %s)", (int)e->u.dur.months, (int)e->u.dur.days,
                  ast_unit_word(e->u.dur.unit));
        return;
    case E_NAME:
        sb_puts(sb, e->u.name.id.name);
        return;
    case E_FIELD:
        sb_puts(sb, "(. ");
        sexp(sb, e->u.name.base);
        sb_printf(sb, " %s)", e->u.name.id.name);
        return;
    case E_CALL:
        sb_puts(sb, "(call ");
        sexp(sb, e->u.call.callee);
        for (int i = 0; i < e->u.call.args.len; i++) {
            sb_putc(sb, ' ');
            sexp(sb, NL_AT(e->u.call.args, i));
        }
        sb_putc(sb, ')');
        return;
    case E_UNARY:
        sexp_list(sb, e->u.unary.op == U_NOT ? "not" : "neg",
                  (const expr *const[]){e->u.unary.operand}, 1);
        return;
    case E_BINARY:
        sexp_list(sb, ast_binop_text(e->u.binary.op),
                  (const expr *const[]){e->u.binary.lhs, e->u.binary.rhs}, 2);
        return;
    case E_IF:
        sexp_list(sb, "if", (const expr *const[]){e->u.if_.cond, e->u.if_.then_e, e->u.if_.else_e},
                  3);
        return;
    case E_MATCH:
        sb_puts(sb, "(match ");
        sexp(sb, e->u.match.scrutinee);
        for (int i = 0; i < e->u.match.arms.len; i++) {
            const match_arm *arm = NL_AT(e->u.match.arms, i);
            sb_puts(sb, " (case");
            for (int k = 0; k < arm->cases.len; k++)
                sb_printf(sb, " %s", ((const ident *)NL_AT(arm->cases, k))->name);
            sb_puts(sb, " -> ");
            sexp(sb, arm->body);
            sb_putc(sb, ')');
        }
        if (e->u.match.else_e) {
            sb_puts(sb, " (else ");
            sexp(sb, e->u.match.else_e);
            sb_putc(sb, ')');
        }
        sb_putc(sb, ')');
        return;
    case E_AGGREGATE:
        sb_printf(sb, "(%s %s in ", aggr_word(e->u.aggr.kind), e->u.aggr.var.name);
        sexp(sb, e->u.aggr.list);
        if (e->u.aggr.filter) {
            sb_puts(sb, " where ");
            sexp(sb, e->u.aggr.filter);
        }
        if (e->u.aggr.body) {
            sb_puts(sb, " : ");
            sexp(sb, e->u.aggr.body);
        }
        sb_putc(sb, ')');
        return;
    case E_WITHIN:
        sb_puts(sb, "(within ");
        sexp(sb, e->u.within.subject);
        sb_putc(sb, ' ');
        sexp(sb, e->u.within.span);
        sb_puts(sb, e->u.within.after ? " after " : " before ");
        sexp(sb, e->u.within.anchor);
        sb_putc(sb, ')');
        return;
    case E_BETWEEN:
        sexp_list(sb, "between",
                  (const expr *const[]){e->u.between.subject, e->u.between.low, e->u.between.high},
                  3);
        return;
    case E_PRESENCE:
        sexp_list(sb, e->u.presence.present ? "present" : "absent",
                  (const expr *const[]){e->u.presence.subject}, 1);
        return;
    case E_OTHERWISE:
        sexp_list(sb, "otherwise",
                  (const expr *const[]){e->u.otherwise.subject, e->u.otherwise.fallback}, 2);
        return;
    case E_ROUNDED:
        sb_printf(sb, "(rounded %s ", round_mode_word(e->u.rounded.mode));
        sexp(sb, e->u.rounded.subject);
        if (e->u.rounded.target == RT_KR)
            sb_puts(sb, " to-kr");
        else if (e->u.rounded.target == RT_DECIMALS)
            sb_printf(sb, " to-%d-decimals", e->u.rounded.decimals);
        sb_putc(sb, ')');
        return;
    case E_UNIT:
        sb_printf(sb, "(unit %s ", ast_unit_word(e->u.unit.unit));
        sexp(sb, e->u.unit.subject);
        sb_putc(sb, ')');
        return;
    case E_AT:
        sexp_list(sb, "at", (const expr *const[]){e->u.at.param, e->u.at.date}, 2);
        return;
    case E_ERROR:
        sb_puts(sb, "<error>");
        return;
    }
    sb_puts(sb, "<?>");
}

const char *front_sexp(module *m, const expr *e)
{
    strbuf sb;
    sb_init(&sb);
    sexp(&sb, e);
    const char *s = ast_strdup(&m->arena, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return s;
}

const char *front_span(module *m, src_loc loc)
{
    int l1, c1, l2, c2;
    src_line_col((src_file *)loc.file, loc.start, &l1, &c1);
    src_line_col((src_file *)loc.file, loc.end, &l2, &c2);
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%d:%d-%d:%d", l1, c1, l2, c2);
    return ast_strdup(&m->arena, buf, (size_t)n);
}

/* ---- Temporary folders ---------------------------------------------------- */

void tmpdir_make(tmpdir *t)
{
    memset(t, 0, sizeof *t);
    const char *base = getenv("TMPDIR");
    snprintf(t->path, sizeof t->path, "%s/lovc-unit-XXXXXX",
             base && *base && strlen(base) < 40 ? base : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(t->path));
}

const char *tmpdir_write(tmpdir *t, const char *name, const char *text)
{
    ck_assert_int_lt(t->nfiles, (int)(sizeof t->files / sizeof t->files[0]));
    size_t n = strlen(t->path) + 1 + strlen(name) + 1;
    char *path = xmalloc(n);
    snprintf(path, n, "%s/%s", t->path, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, strlen(text), f), strlen(text));
    ck_assert_int_eq(fclose(f), 0);
    t->files[t->nfiles++] = path;
    return path;
}

void tmpdir_remove(tmpdir *t)
{
    for (int i = 0; i < t->nfiles; i++) {
        unlink(t->files[i]);
        free(t->files[i]);
    }
    rmdir(t->path);
    t->nfiles = 0;
}

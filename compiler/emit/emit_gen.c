/* SPDX-License-Identifier: Apache-2.0 */
/* Writing one C function of NAME.c: its lines, temporaries, labels and
 * jumps on failure, its start (emit_gen_init) and its finish (emit_gen_finish:
 * the signature with a #line directive, the temporaries, the body and the
 * failure exit). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/emit_gen.h"

/* ---- Writing ---------------------------------------------------------- */

const char *emit_fmt(gen *g, const char *f, ...)
{
    va_list ap, ap2;
    va_start(ap, f);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, f, ap);
    va_end(ap);
    char *s = arena_alloc(g->em->a, (size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, f, ap2);
    va_end(ap2);
    return s;
}

void emit_line(gen *g, const char *f, ...)
{
    for (int i = 0; i < g->indent; i++)
        sb_puts(&g->body, "    ");
    va_list ap;
    va_start(ap, f);
    int n = vsnprintf(NULL, 0, f, ap);
    va_end(ap);
    char *buf = xmalloc((size_t)n + 1);
    va_start(ap, f);
    vsnprintf(buf, (size_t)n + 1, f, ap);
    va_end(ap);
    sb_puts(&g->body, buf);
    sb_putc(&g->body, '\n');
    free(buf);
}

/* The line of loc in its .lov file, for comments and #line. */
int emit_lov_line(src_loc loc)
{
    int ln = 0, col = 0;
    if (loc.file)
        src_line_col((src_file *)loc.file, loc.start, &ln, &col);
    return ln;
}

const char *emit_temp(gen *g, const char *ctype, const char *zero)
{
    int n = ++g->ntemps;
    emit_printf(&g->decls, "    %s _t%d = %s;\n", ctype, n, zero);
    return emit_fmt(g, "_t%d", n);
}

const char *emit_temp_of(gen *g, const type *t)
{
    return emit_temp(g, emit_ctype(g->em, t), emit_zero(g->em, t));
}

label *emit_new_label(gen *g)
{
    label *l = arena_alloc(g->em->a, sizeof *l);
    l->id = ++g->nlabels;
    return l;
}

static const char *label_name(gen *g, const label *l)
{
    return l->id == 0 ? "_fail" : emit_fmt(g, "_L%d", l->id);
}

const char *emit_jump(gen *g, label *l)
{
    l->used = true;
    return emit_fmt(g, "goto %s;", label_name(g, l));
}

void emit_place(gen *g, label *l)
{
    if (!l->used)
        return;
    int saved = g->indent;
    g->indent = g->indent > 0 ? g->indent - 1 : 0;
    emit_line(g, "%s:;", label_name(g, l));
    g->indent = saved;
}

/* Inserts text at byte 'mark' of the body (for a line that must come
 * before code already written, once it is known to be needed). */
void emit_insert_at(gen *g, size_t mark, const char *text)
{
    char *rest = xstrndup(g->body.data + mark, g->body.len - mark);
    g->body.len = mark;
    sb_puts(&g->body, text);
    sb_puts(&g->body, rest);
    free(rest);
}

/* c without a redundant outer pair of parentheses, for 'if (...)' (clang
 * warns about 'if ((a == b))'); those around a comma expression are kept. */
const char *emit_bare(gen *g, const char *c)
{
    size_t n = strlen(c);
    if (n < 2 || c[0] != '(' || c[n - 1] != ')')
        return c;
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        depth += c[i] == '(' ? 1 : c[i] == ')' ? -1 : 0;
        if (depth == 0 && i < n - 1)
            return c;                   /* "(a) && (b)": the first ')' closes early */
        if (depth == 1 && c[i] == ',')
            return c;                   /* "((void)a, true)" */
    }
    return ast_strdup(g->em->a, c + 1, n - 2);
}

/* Runs a runtime call that returns a status; on failure, jumps. */
void emit_try_call(gen *g, const char *call)
{
    emit_line(g, "if ((_st = %s) != LOV_OK)", call);
    emit_line(g, "    %s", emit_jump(g, g->fail));
}

void emit_hoist_begin(gen *g, hoist_state *h)
{
    h->body = g->body;
    h->indent = g->indent;
    h->loop_var = g->loop_var;
    g->body = *g->loop_hoist;
    g->indent = g->hoist_indent;
    g->loop_var = NULL;
}

void emit_hoist_end(gen *g, hoist_state *h)
{
    *g->loop_hoist = g->body;
    g->body = h->body;
    g->indent = h->indent;
    g->loop_var = h->loop_var;
}

void emit_guard_since(gen *g, size_t mark, const char *cond)
{
    char *rest = xstrndup(g->body.data + mark, g->body.len - mark);
    g->body.len = mark;
    emit_line(g, "if (%s) {", emit_bare(g, cond));
    for (const char *p = rest; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > 0 && p[0] != '#')           /* #line directives stay at the margin */
            sb_puts(&g->body, "    ");
        sb_printf(&g->body, "%.*s\n", (int)n, p);
        p = nl ? nl + 1 : p + n;
    }
    free(rest);
}

/* ---- What the fast path needs, noted while it is written (emit_fast.c) --------- */

const char *emit_fast_name(gen *g, const char *slow_name)
{
    return emit_fmt(g, "fast_%s", slow_name);
}

static void push_once(ptrvec *v, void *item)
{
    for (size_t i = 0; i < v->len; i++)
        if (v->items[i] == item)
            return;
    pv_push(v, item);
}

void emit_fast_refuse(gen *g, const char *why)
{
    if (!g->em->no_fast)
        g->em->no_fast = why;
}

void emit_fast_uses_input(gen *g, decl *input)
{
    push_once(&g->em->fast_inputs, input);
}

void emit_fast_uses_parameter(gen *g, decl *param)
{
    if (param->module != g->em->mod || param->u.param.values.len == 0)
        emit_fast_refuse(g, "it reads a parameter of another module");
    push_once(&g->em->fast_params, param);
    push_once(&g->em->fast_lookups, param);
}

void emit_fast_uses_lookup(gen *g, decl *param)
{
    if (param->module != g->em->mod || param->u.param.values.len == 0)
        emit_fast_refuse(g, "it reads a parameter of another module");
    push_once(&g->em->fast_lookups, param);
}

/* ---- Start and finish ------------------------------------------------------- */

void emit_gen_init(gen *g, emitter *em, decl *owner)
{
    memset(g, 0, sizeof *g);
    g->em = em;
    g->owner = owner;
    sb_init(&g->decls);
    sb_init(&g->body);
    g->indent = 1;
    g->fail = arena_alloc(em->a, sizeof *g->fail);     /* id 0: "_fail" */
    cname_scope_init(&g->locals, em->a);
    cname_reserve(&g->locals, "ctx");
    cname_reserve(&g->locals, "result");
}

static bool ident_char(char ch)
{
    return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

/* Does C text name the identifier 'name' (not only contain it)? */
static bool mentions(const char *text, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = strstr(text, name); p; p = strstr(p + 1, name))
        if ((p == text || !ident_char(p[-1])) && !ident_char(p[n]))
            return true;
    return false;
}

/* Writes the function: signature (with a #line directive to the rule's
 * line in the .lov source, for debuggers), temporaries, body, failure exit. */
void emit_gen_finish(gen *g, const char *signature)
{
    strbuf *c = &g->em->c;
    const char *body = g->body.data ? g->body.data : "";
    src_loc at = g->owner->name.loc;
    emit_printf(c, "#line %d %s\n%s\n{\n#line @\n", emit_lov_line(at), emit_cstring(g->em, emit_source_path(g->em, at.file->path)), signature);
    if (mentions(body, "_st"))
        sb_puts(c, "    lov_status _st = LOV_OK;\n");
    if (!mentions(body, "ctx"))
        sb_puts(c, "    (void)ctx;\n");
    /* A definition with parameters need not read them all. */
    for (int i = 0; g->owner->kind == D_DEFINITION && g->owner->u.def.has_params && i < g->owner->u.def.params.len; i++) {
        const char *name = ((formal *)NL_AT(g->owner->u.def.params, i))->c_name;
        if (!mentions(body, name))
            emit_printf(c, "    (void)%s;\n", name);
    }
    if (g->decls.data)
        sb_puts(c, g->decls.data);
    sb_puts(c, body);
    sb_puts(c, "    return LOV_OK;\n");
    if (g->fail->used)
        sb_puts(c, "_fail:\n    return _st;\n");
    sb_puts(c, "}\n\n");
    sb_free(&g->decls);
    sb_free(&g->body);
    cname_scope_free(&g->locals);
}

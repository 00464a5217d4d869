/* SPDX-License-Identifier: Apache-2.0 */
/* C text and C types, for every part of the emitter: printf-style appending,
 * C string literals, comment-safe text and citations, and the C type, zero
 * value and type tag of a lov type. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit/emit.h"

/* ---- Small helpers ------------------------------------------------------------ */

void emit_printf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    char *buf = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_putn(sb, buf, (size_t)n);
    free(buf);
}

const char *emit_cstring(emitter *em, const char *text)
{
    if (!text)
        return "NULL";
    strbuf sb;
    sb_init(&sb);
    sb_putc(&sb, '"');
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\') {
            sb_putc(&sb, '\\');
            sb_putc(&sb, (char)*p);
        } else if (*p == '\n') {
            sb_puts(&sb, "\\n");
        } else if (*p < 0x20 || *p == 0x7F) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\%03o", *p);
            sb_puts(&sb, esc);
        } else if (*p == '?' && p[1] == '?') {
            sb_puts(&sb, "?\\");      /* no trigraphs */
        } else {
            sb_putc(&sb, (char)*p);
        }
    }
    sb_putc(&sb, '"');
    const char *s = ast_strdup(em->a, sb.data, sb.len);
    sb_free(&sb);
    return s;
}

const char *emit_comment_text(emitter *em, const char *text)
{
    if (!text)
        return "";
    strbuf sb;
    sb_init(&sb);
    for (const char *p = text; *p; p++) {
        if (*p == '*' && p[1] == '/')
            sb_puts(&sb, "* ");
        else if (*p == '/' && p[1] == '*')
            sb_puts(&sb, "/ ");
        else if (*p == '\n' || *p == '\r')
            sb_putc(&sb, ' ');
        else if (*p == '\\' && (p[1] == '\0' || p[1] == '\n'))
            sb_puts(&sb, "\\ ");   /* a trailing backslash would continue the line */
        else
            sb_putc(&sb, *p);
    }
    const char *s = ast_strdup(em->a, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return s;
}

const char *emit_citation_text(emitter *em, const citation *c)
{
    if (!c || !c->source.name)
        return "";
    strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s \"%s\"", c->source.name, c->provision ? c->provision : "");
    const char *s = emit_comment_text(em, sb.data);
    sb_free(&sb);
    return s;
}

/* ---- C types ------------------------------------------------------------------- */

const char *emit_opt_ctype(const type *elem)
{
    switch (elem->kind) {
    case T_BOOL: return "lov_opt_bool";
    case T_INT: return "lov_opt_int";
    case T_DEC: return "lov_opt_decimal";
    case T_MONEY: return "lov_opt_money";
    case T_DATE: return "lov_opt_date";
    case T_DURATION: return "lov_opt_duration";
    default: return "lov_opt_enum";
    }
}

const char *emit_ctype(emitter *em, const type *t)
{
    switch (t->kind) {
    case T_BOOL: return "bool";
    case T_INT: return "int64_t";
    case T_DEC: return "lov_decimal";
    case T_MONEY: return "lov_money";
    case T_DATE: return "lov_date";
    case T_DURATION: return "lov_duration";
    case T_ENUM: return t->decl->c_public;
    case T_RECORD: {
        size_t n = strlen(t->decl->c_public) + 16;
        char *s = arena_alloc(em->a, n);
        snprintf(s, n, "const %s *", t->decl->c_public);
        return s;
    }
    case T_OPTIONAL: return emit_opt_ctype(t->elem);
    default: return "int";
    }
}

const char *emit_zero(emitter *em, const type *t)
{
    switch (t->kind) {
    case T_BOOL: return "false";
    case T_DEC:
    case T_DURATION: return "{0, 0}";
    case T_ENUM: {
        size_t n = strlen(t->decl->c_public) + 8;
        char *s = arena_alloc(em->a, n);
        snprintf(s, n, "(%s)0", t->decl->c_public);
        return s;
    }
    case T_RECORD: return "NULL";
    case T_OPTIONAL:
        return t->elem->kind == T_DEC || t->elem->kind == T_DURATION ? "{false, {0, 0}}" : "{false, 0}";
    default: return "0";
    }
}

const char *emit_type_tag(const type *t)
{
    switch (t->kind) {
    case T_BOOL: return "LOV_T_BOOL";
    case T_INT: return "LOV_T_INT";
    case T_DEC: return "LOV_T_DECIMAL";
    case T_MONEY: return "LOV_T_MONEY";
    case T_DATE: return "LOV_T_DATE";
    case T_DURATION: return "LOV_T_DURATION";
    case T_ENUM: return "LOV_T_ENUM";
    case T_RECORD: return "LOV_T_RECORD";
    case T_LIST: return "LOV_T_LIST";
    case T_OPTIONAL: return emit_type_tag(t->elem);
    default: return "LOV_T_INT";
    }
}

/* The generated C names its sources as given, except an absolute path: that
 * is made relative to the current folder when the file lies inside it, else
 * cut to the file's name. So no folder of the build machine is shipped, and
 * the same rules give the same C wherever they are compiled. */
const char *emit_source_path(emitter *em, const char *path)
{
    if (!path || path[0] != '/')
        return path;
    char cwd[4096];
    size_t n = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
    if (n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/' && path[n + 1])
        return ast_strdup(em->a, path + n + 1, strlen(path + n + 1));
    const char *name = strrchr(path, '/') + 1;
    return ast_strdup(em->a, name, strlen(name));
}

/* SPDX-License-Identifier: Apache-2.0 */
#include "emit/cnames.h"

#include <stdio.h>
#include <string.h>

#include "front/ast.h"
#include "support/util.h"

/* Spelt-out forms of letters outside ASCII. */
static const struct spelling {
    unsigned code;
    const char *ascii;
} spellings[] = {
    {0xC0, "A"}, {0xC1, "A"}, {0xC2, "A"}, {0xC3, "A"}, {0xC4, "Ae"}, {0xC5, "Aa"}, {0xC6, "Ae"},
    {0xC7, "C"}, {0xC8, "E"}, {0xC9, "E"}, {0xCA, "E"}, {0xCB, "E"}, {0xCC, "I"}, {0xCD, "I"},
    {0xCE, "I"}, {0xCF, "I"}, {0xD1, "N"}, {0xD2, "O"}, {0xD3, "O"}, {0xD4, "O"}, {0xD5, "O"},
    {0xD6, "Oe"}, {0xD8, "Oe"}, {0xD9, "U"}, {0xDA, "U"}, {0xDB, "U"}, {0xDC, "Ue"}, {0xDD, "Y"},
    {0xDF, "ss"}, {0xE0, "a"}, {0xE1, "a"}, {0xE2, "a"}, {0xE3, "a"}, {0xE4, "ae"}, {0xE5, "aa"},
    {0xE6, "ae"}, {0xE7, "c"}, {0xE8, "e"}, {0xE9, "e"}, {0xEA, "e"}, {0xEB, "e"}, {0xEC, "i"},
    {0xED, "i"}, {0xEE, "i"}, {0xEF, "i"}, {0xF1, "n"}, {0xF2, "o"}, {0xF3, "o"}, {0xF4, "o"},
    {0xF5, "o"}, {0xF6, "oe"}, {0xF8, "oe"}, {0xF9, "u"}, {0xFA, "u"}, {0xFB, "u"}, {0xFC, "ue"},
    {0xFD, "y"}, {0xFF, "y"},
};

static const char *const c_keywords[] = {
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
    "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
    "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
    "union", "unsigned", "void", "volatile", "while", "bool", "true", "false", "alignas",
    "alignof", "noreturn", "static_assert", "thread_local", "main", "NULL",
};

const char *cname_mangle(arena *a, const char *name)
{
    strbuf sb;
    sb_init(&sb);
    const unsigned char *p = (const unsigned char *)name;
    while (*p) {
        unsigned c = *p;
        if (c < 0x80) {
            sb_putc(&sb, (char)c);
            p++;
            continue;
        }
        int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
        c &= 0x3Fu >> more;
        p++;
        while (more-- > 0 && (*p & 0xC0) == 0x80)
            c = (c << 6) | (*p++ & 0x3Fu);
        const char *ascii = NULL;
        for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++)
            if (spellings[i].code == c)
                ascii = spellings[i].ascii;
        if (ascii)
            sb_puts(&sb, ascii);
        else
            sb_printf(&sb, "u%04x", c);
    }
    if (sb.len == 0)
        sb_putc(&sb, 'x');
    for (size_t i = 0; i < sizeof c_keywords / sizeof c_keywords[0]; i++)
        if (strcmp(sb.data, c_keywords[i]) == 0)
            sb_putc(&sb, '_');
    const char *out;
    if (sb.data[0] == '_') {
        char *s = arena_alloc(a, sb.len + 2);
        s[0] = 'x';
        memcpy(s + 1, sb.data, sb.len + 1);
        out = s;
    } else {
        out = ast_strdup(a, sb.data, sb.len);
    }
    sb_free(&sb);
    return out;
}

void cname_scope_init(cname_scope *s, arena *a)
{
    symtab_init(&s->taken);
    s->a = a;
}

void cname_scope_free(cname_scope *s)
{
    symtab_free(&s->taken);
}

void cname_reserve(cname_scope *s, const char *c_name)
{
    symtab_put(&s->taken, c_name, (void *)c_name);
}

const char *cname_unique(cname_scope *s, const char *prefix, const char *name)
{
    const char *base = cname_mangle(s->a, name);
    size_t n = strlen(prefix) + strlen(base) + 16;
    char *buf = arena_alloc(s->a, n);
    snprintf(buf, n, "%s%s", prefix, base);
    for (int k = 2; symtab_get(&s->taken, buf); k++)
        snprintf(buf, n, "%s%s_%d", prefix, base, k);
    symtab_put(&s->taken, buf, buf);
    return buf;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* The wire of 'lovc lsp' (lsp_rpc.h). */
#include "commands/lsp_rpc.h"

#include <stdlib.h>
#include <string.h>

#include "support/util.h"

/* A body larger than this is refused (no editor sends a rule file that big). */
#define LSP_MAX_BODY (64u * 1024u * 1024u)

json_t *lsp_read(FILE *in)
{
    for (;;) {
        char line[256];
        size_t length = 0;
        bool have_length = false;
        /* Headers, up to the empty line. */
        for (;;) {
            if (!fgets(line, sizeof line, in))
                return NULL;
            if (strcmp(line, "\r\n") == 0 || strcmp(line, "\n") == 0)
                break;
            if (strncmp(line, "Content-Length:", 15) == 0) {
                char *end;
                unsigned long n = strtoul(line + 15, &end, 10);
                have_length = end != line + 15 && n <= LSP_MAX_BODY;
                length = n;
            }
        }
        if (!have_length)
            continue;                       /* no body we can read: wait for the next message */
        char *body = xmalloc(length + 1);
        size_t got = fread(body, 1, length, in);
        if (got != length) {
            free(body);
            return NULL;
        }
        json_error_t err;
        json_t *msg = json_loadb(body, length, 0, &err);
        free(body);
        return msg ? msg : json_null();
    }
}

void lsp_write(FILE *out, json_t *msg)
{
    char *text = json_dumps(msg, JSON_COMPACT);
    if (!text)
        return;
    fprintf(out, "Content-Length: %zu\r\n\r\n%s", strlen(text), text);
    fflush(out);
    free(text);
}

static int hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *lsp_uri_to_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = uri + 7;
    if (strncmp(p, "localhost/", 10) == 0)
        p += 9;
    if (*p != '/')
        return NULL;
    char *path = xmalloc(strlen(p) + 1), *o = path;
    for (; *p; p++) {
        if (*p == '%' && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
            char c = (char)(hex(p[1]) * 16 + hex(p[2]));
            if (c == '\0')
                break;
            *o++ = c;
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return path;
}

char *lsp_path_to_uri(const char *path)
{
    strbuf sb;
    sb_init(&sb);
    sb_puts(&sb, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
            || strchr("/-._~", *p))
            sb_putc(&sb, (char)*p);
        else
            sb_printf(&sb, "%%%02X", *p);
    }
    return sb.data;
}

/* The byte offset where line 'line' (from 0) starts, or the text's end. */
static uint32_t line_start(src_file *f, json_int_t line)
{
    size_t len;
    if (line < 0)
        return 0;
    int l = 0, c = 0;
    src_line_col(f, (uint32_t)f->len, &l, &c);
    if (line + 1 > l)
        return (uint32_t)f->len;
    const char *text = src_line_text(f, (int)line + 1, &len);
    return text ? (uint32_t)(text - f->text) : (uint32_t)f->len;
}

json_t *lsp_position(src_file *f, uint32_t offset)
{
    int line = 1, col = 1;
    if (offset > f->len)
        offset = (uint32_t)f->len;
    src_line_col(f, offset, &line, &col);
    uint32_t at = line_start(f, line - 1);
    json_int_t units = 0;
    for (uint32_t i = at; i < offset; i++) {
        unsigned char b = (unsigned char)f->text[i];
        if ((b & 0xC0) != 0x80)
            units += b >= 0xF0 ? 2 : 1;     /* beyond the BMP: two UTF-16 units */
    }
    return json_pack("{s:I,s:I}", "line", (json_int_t)(line - 1), "character", units);
}

json_t *lsp_range(src_loc loc)
{
    src_file *f = (src_file *)loc.file;
    return json_pack("{s:o,s:o}", "start", lsp_position(f, loc.start), "end", lsp_position(f, loc.end));
}

uint32_t lsp_offset(src_file *f, json_int_t line, json_int_t character)
{
    uint32_t i = line_start(f, line);
    json_int_t units = 0;
    while (i < f->len && f->text[i] != '\n' && units < character) {
        unsigned char b = (unsigned char)f->text[i];
        units += b >= 0xF0 ? 2 : 1;
        i++;
        while (i < f->len && ((unsigned char)f->text[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

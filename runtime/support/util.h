/* SPDX-License-Identifier: Apache-2.0 */
/* Small helpers: allocation that never returns NULL, growable buffers. */
#ifndef LOVC_UTIL_H
#define LOVC_UTIL_H

#include <stddef.h>
#include <stdbool.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable byte buffer, always NUL-terminated. */
typedef struct strbuf {
    char *data;
    size_t len;
    size_t cap;
} strbuf;

void sb_init(strbuf *sb);
void sb_free(strbuf *sb);
void sb_putn(strbuf *sb, const char *s, size_t n);
void sb_puts(strbuf *sb, const char *s);
void sb_putc(strbuf *sb, char c);
void sb_printf(strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Generic growable array of pointers. */
typedef struct ptrvec {
    void **items;
    size_t len;
    size_t cap;
} ptrvec;

void pv_push(ptrvec *v, void *item);
void pv_free(ptrvec *v);

/* A word of a language and its parser token; tables of them are sorted
 * bytewise by the word. */
typedef struct keyword_entry {
    const char *text;
    int token;
} keyword_entry;

/* The token of the word text[0..len) in a sorted table of n entries, or 0
 * when it is not one of them. */
int keyword_token(const keyword_entry *table, size_t n, const char *text, size_t len);

/* Length of the valid UTF-8 sequence at s[0..n) (1 to 4), or 0 if the
 * bytes there are not one. */
size_t utf8_seq_len(const unsigned char *s, size_t n);

/* Characters in s[0..n), as an editor shows them: each valid UTF-8
 * sequence and each stray byte counts one. */
size_t utf8_count(const char *s, size_t n);

/* Edit distance in code points (Damerau: a swap of two neighbours costs 1). */
size_t edit_distance(const char *a, const char *b);

#endif

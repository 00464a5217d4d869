/* SPDX-License-Identifier: Apache-2.0 */
#include "support/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/util.h"

src_file *src_from_string(const char *path, const char *text, size_t len)
{
    src_file *f = xcalloc(1, sizeof *f);
    f->path = xstrdup(path);
    f->text = xmalloc(len + 1);
    memcpy(f->text, text, len);
    f->text[len] = '\0';
    f->len = len;
    return f;
}

/* Opens path for reading if it is an ordinary file. O_NONBLOCK: opening a
 * pipe (FIFO) that nobody writes to would otherwise wait for ever; it is
 * refused right after, as are folders and devices. */
static FILE *open_ordinary(const char *path, char *why, size_t whylen)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(why, whylen, "cannot open the file: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        snprintf(why, whylen, "cannot read the file: %s", strerror(errno));
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(why, whylen, S_ISDIR(st.st_mode) ? "this is a folder, not a file"
                              : "this is not an ordinary file (it is a pipe, a socket or a device); "
                                "lovc reads only ordinary files");
        close(fd);
        return NULL;
    }
    if (st.st_size > (off_t)SRC_MAX_BYTES) {
        snprintf(why, whylen, "the file is larger than %u MiB; lovc reads rule files up to that size",
                 SRC_MAX_BYTES / (1024u * 1024u));
        close(fd);
        return NULL;
    }
    /* An ordinary file never blocks; reads go on as usual. */
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    FILE *fp = fdopen(fd, "rb");
    if (!fp) {
        snprintf(why, whylen, "cannot open the file: %s", strerror(errno));
        close(fd);
    }
    return fp;
}

src_file *src_read(const char *path, char *why, size_t whylen)
{
    FILE *fp = open_ordinary(path, why, whylen);
    if (!fp)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (len == cap) {
            if (cap > SRC_MAX_BYTES) {
                snprintf(why, whylen, "the file is larger than %u MiB; lovc reads rule files up to that size",
                         SRC_MAX_BYTES / (1024u * 1024u));
                free(buf);
                fclose(fp);
                return NULL;
            }
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        size_t n = fread(buf + len, 1, cap - len, fp);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(fp)) {
        snprintf(why, whylen, "cannot read the file: %s", strerror(errno));
        free(buf);
        fclose(fp);
        return NULL;
    }
    fclose(fp);
    if (len > SRC_MAX_BYTES) {
        snprintf(why, whylen, "the file is larger than %u MiB; lovc reads rule files up to that size",
                 SRC_MAX_BYTES / (1024u * 1024u));
        free(buf);
        return NULL;
    }
    src_file *f = src_from_string(path, buf, len);
    free(buf);
    return f;
}

bool src_starts_with_word(const src_file *f, const char *word)
{
    const char *p = f->text, *end = f->text + f->len;
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;                              /* a byte order mark */
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            p++;
        if (p < end && *p == '#') {
            while (p < end && *p != '\n')
                p++;
            continue;
        }
        break;
    }
    size_t n = strlen(word);
    if ((size_t)(end - p) < n || memcmp(p, word, n) != 0)
        return false;
    return p + n == end || p[n] == ' ' || p[n] == '\t' || p[n] == '\r' || p[n] == '\n' || p[n] == '#';
}

bool src_name_ends_with(const char *path, const char *ending)
{
    size_t n = strlen(path), k = strlen(ending);
    return n > k && strcmp(path + n - k, ending) == 0 && path[n - k - 1] != '/';
}

void src_free(src_file *f)
{
    if (!f)
        return;
    free(f->path);
    free(f->text);
    free(f->line_starts);
    free(f);
}

static void build_line_table(src_file *f)
{
    size_t n = 1;
    for (size_t i = 0; i < f->len; i++)
        if (f->text[i] == '\n')
            n++;
    f->line_starts = xmalloc(n * sizeof *f->line_starts);
    f->nlines = 0;
    f->line_starts[f->nlines++] = 0;
    for (size_t i = 0; i < f->len; i++)
        if (f->text[i] == '\n')
            f->line_starts[f->nlines++] = (uint32_t)(i + 1);
}

void src_line_col(src_file *f, uint32_t offset, int *line, int *col)
{
    if (!f->line_starts)
        build_line_table(f);
    if (offset > f->len)
        offset = (uint32_t)f->len;
    size_t lo = 0, hi = f->nlines;       /* last line start <= offset */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    uint32_t start = f->line_starts[lo];
    if (start == 0 && f->len >= 3 && memcmp(f->text, "\xEF\xBB\xBF", 3) == 0 && offset >= 3)
        start = 3;                                  /* a byte order mark takes no column */
    *line = (int)lo + 1;
    *col = 1 + (int)utf8_count(f->text + start, offset - start);
}

const char *src_line_text(src_file *f, int line, size_t *len)
{
    if (!f->line_starts)
        build_line_table(f);
    if (line < 1 || (size_t)line > f->nlines) {
        *len = 0;
        return "";
    }
    uint32_t start = f->line_starts[line - 1];
    if (start == 0 && f->len >= 3 && memcmp(f->text, "\xEF\xBB\xBF", 3) == 0)
        start = 3;                                  /* not shown */
    uint32_t end = start;
    while (end < f->len && f->text[end] != '\n')
        end++;
    if (end > start && f->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return f->text + start;
}

src_loc src_span(src_loc a, src_loc b)
{
    src_loc r = a;
    if (b.file == a.file) {
        if (b.start < r.start)
            r.start = b.start;
        if (b.end > r.end)
            r.end = b.end;
    }
    return r;
}

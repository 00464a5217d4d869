#include "diag.h"

#include <stdarg.h>
#include <string.h>

#include "util.h"

void diag_init(diag_ctx *d, FILE *out)
{
    memset(d, 0, sizeof *d);
    d->out = out;
    d->max_errors = 50;
}

bool diag_failed(const diag_ctx *d)
{
    return d->errors > 0 || (d->werror && d->warnings > 0);
}

bool diag_will_show(const diag_ctx *d, src_loc loc)
{
    (void)loc;
    return !d->suppressed && (d->max_errors <= 0 || d->errors + d->warnings < d->max_errors);
}

static const char *level_word(diag_level level)
{
    switch (level) {
    case DIAG_ERROR: return "error";
    case DIAG_WARNING: return "warning";
    case DIAG_NOTE: return "note";
    }
    return "error";
}

static const char *level_color(diag_level level)
{
    switch (level) {
    case DIAG_ERROR: return "\033[1;31m";
    case DIAG_WARNING: return "\033[1;35m";
    case DIAG_NOTE: return "\033[1;36m";
    }
    return "";
}

/* Source lines longer than this (in characters) are shown as a window of
 * this width around the caret, with "..." where the line goes on. */
enum { EXCERPT_WIDTH = 160, EXCERPT_LEAD = 70 };

/* The byte offset in text[0..len) after 'n' characters from 'from'. */
static size_t skip_chars(const char *text, size_t len, size_t from, size_t n)
{
    while (from < len && n > 0) {
        size_t k = utf8_seq_len((const unsigned char *)text + from, len - from);
        from += k ? k : 1;
        n--;
    }
    return from;
}

/* Prints the source line of 'loc' and a caret with '~' under the rest of the
 * span (clipped to the first line). Tabs are copied so the caret lines up.
 * A long line is cut to a window around the caret. */
static void print_excerpt(diag_ctx *d, src_loc loc)
{
    src_file *f = (src_file *)loc.file;
    int line, col;
    src_line_col(f, loc.start, &line, &col);
    size_t len;
    const char *text = src_line_text(f, line, &len);
    char gutter[32];
    int gw = snprintf(gutter, sizeof gutter, "%5d", line);

    size_t line_start = (size_t)(text - f->text);
    size_t start = loc.start > line_start ? loc.start - line_start : 0;
    size_t end = loc.end > loc.start && loc.end > line_start ? loc.end - line_start : start + 1;
    if (end > len)
        end = len > start ? len : start + 1;

    /* The window [from, to) of the line that is shown. */
    size_t from = 0, to = len;
    size_t nchars = utf8_count(text, len);
    if (nchars > EXCERPT_WIDTH) {
        size_t caret = utf8_count(text, start < len ? start : len);
        size_t first = caret > EXCERPT_LEAD ? caret - EXCERPT_LEAD : 0;
        if (first + EXCERPT_WIDTH > nchars)
            first = nchars - EXCERPT_WIDTH;
        from = skip_chars(text, len, 0, first);
        to = skip_chars(text, len, from, EXCERPT_WIDTH);
    }
    const char *before = from > 0 ? "..." : "", *after = to < len ? "..." : "";
    fprintf(d->out, "%s | %s%.*s%s\n", gutter, before, (int)(to - from), text + from, after);
    fprintf(d->out, "%*s | %s", gw, "", from > 0 ? "   " : "");

    strbuf sb;
    sb_init(&sb);
    for (size_t i = from; i < start && i < len;) {
        size_t k = utf8_seq_len((const unsigned char *)text + i, len - i);
        sb_putc(&sb, text[i] == '\t' ? '\t' : ' ');
        i += k ? k : 1;
    }
    if (d->color)
        sb_puts(&sb, "\033[1;32m");
    sb_putc(&sb, '^');
    if (end > to && to > start)
        end = to;                                   /* the span runs out of the window */
    size_t first = start < len ? utf8_seq_len((const unsigned char *)text + start, len - start) : 1;
    size_t width = end > start + (first ? first : 1) ? utf8_count(text + start, (end < len ? end : len) - start) : 1;
    for (size_t i = 1; i < width; i++)
        sb_putc(&sb, '~');
    if (d->color)
        sb_puts(&sb, "\033[0m");
    fprintf(d->out, "%s\n", sb.data);
    sb_free(&sb);
}

void diag_report(diag_ctx *d, diag_level level, const char *id, src_loc loc,
                 const char *fmt, ...)
{
    if (level == DIAG_ERROR || (level == DIAG_WARNING && d->werror))
        d->errors += level == DIAG_ERROR;
    if (level == DIAG_WARNING)
        d->warnings++;
    if (level == DIAG_NOTE && d->last_dropped)
        return;
    if (level != DIAG_NOTE) {
        d->last_dropped = d->suppressed;
        if (d->suppressed)
            return;
        if (d->max_errors > 0 && d->errors + d->warnings > d->max_errors) {
            d->suppressed = d->last_dropped = true;
            fprintf(d->out, "lovc: too many errors; the rest are not shown\n");
            return;
        }
    }

    const char *word = level_word(level);
    if (level == DIAG_WARNING && d->werror)
        word = "error";
    if (loc.file) {
        int line, col;
        src_line_col((src_file *)loc.file, loc.start, &line, &col);
        fprintf(d->out, "%s%s:%d:%d:%s ", d->color ? "\033[1m" : "", loc.file->path,
                line, col, d->color ? "\033[0m" : "");
    }
    fprintf(d->out, "%s%s:%s ", d->color ? level_color(level) : "", word,
            d->color ? "\033[0m" : "");
    va_list ap;
    va_start(ap, fmt);
    vfprintf(d->out, fmt, ap);
    va_end(ap);
    if (id)
        fprintf(d->out, " [%s]", id);
    fputc('\n', d->out);
    if (loc.file)
        print_excerpt(d, loc);
}

void diag_file_error(diag_ctx *d, const char *path, const char *fmt, ...)
{
    d->errors++;
    fprintf(d->out, "%s%s:%s %serror:%s ", d->color ? "\033[1m" : "", path,
            d->color ? "\033[0m" : "", d->color ? level_color(DIAG_ERROR) : "",
            d->color ? "\033[0m" : "");
    va_list ap;
    va_start(ap, fmt);
    vfprintf(d->out, fmt, ap);
    va_end(ap);
    fputc('\n', d->out);
}

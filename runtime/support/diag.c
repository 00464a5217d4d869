/* SPDX-License-Identifier: Apache-2.0 */
#include "support/diag.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "support/util.h"

/* ---- Sorted mode: messages held back ---------------------------------------- */

/* Where a message sorts: by file (in the order the files first appear),
 * by place in the file, then by the order of reporting. */
typedef struct diag_key {
    int file;
    uint32_t start;
    long seq;
} diag_key;

typedef struct held_note {
    src_loc loc;
    char *text;
} held_note;

/* An error or warning with its notes. */
typedef struct held_group {
    diag_key key;
    diag_level level;
    const char *id;
    src_loc loc;
    char *text;              /* NULL once the group is let go (past the limit) */
    held_note *notes;
    int nnotes, capnotes;
} held_group;

struct diag_held {
    held_group *groups;
    int ngroups, capgroups;
    int live;                /* groups still kept */
    int dropped;             /* errors and warnings let go: past the limit, never shown */
    bool drop_notes;         /* the last error or warning was let go */
    long seq;
    const src_file **files;  /* the files in the order they first appeared */
    int nfiles, capfiles;
};

static int file_rank(const struct diag_held *h, const src_file *f, bool add)
{
    if (!f)
        return INT_MAX;                          /* no place: after all the others */
    for (int i = 0; i < h->nfiles; i++)
        if (h->files[i] == f)
            return i;
    if (!add)
        return h->nfiles;
    struct diag_held *hm = (struct diag_held *)h;
    if (hm->nfiles == hm->capfiles) {
        hm->capfiles = hm->capfiles ? 2 * hm->capfiles : 4;
        hm->files = xrealloc(hm->files, (size_t)hm->capfiles * sizeof *hm->files);
    }
    hm->files[hm->nfiles] = f;
    return hm->nfiles++;
}

static int key_cmp(diag_key a, diag_key b)
{
    if (a.file != b.file)
        return a.file < b.file ? -1 : 1;
    if (a.start != b.start)
        return a.start < b.start ? -1 : 1;
    return a.seq < b.seq ? -1 : a.seq > b.seq;
}

/* How many errors and warnings can still be shown; INT_MAX: no limit. */
static int budget(const diag_ctx *d)
{
    if (d->max_errors <= 0)
        return INT_MAX;
    if (d->suppressed)
        return 0;
    return d->max_errors > d->shown ? d->max_errors - d->shown : 0;
}

/* The kept group that sorts last, or -1. */
static int last_kept(const struct diag_held *h)
{
    int last = -1;
    for (int i = 0; i < h->ngroups; i++)
        if (h->groups[i].text && (last < 0 || key_cmp(h->groups[i].key, h->groups[last].key) > 0))
            last = i;
    return last;
}

static void let_go(struct diag_held *h, held_group *g)
{
    free(g->text);
    g->text = NULL;
    for (int i = 0; i < g->nnotes; i++)
        free(g->notes[i].text);
    free(g->notes);
    g->notes = NULL;
    g->nnotes = g->capnotes = 0;
    h->live--;
    h->dropped++;
}

/* Would a message at 'loc' be among those shown, were it held now? */
static bool held_would_show(const diag_ctx *d, src_loc loc)
{
    const struct diag_held *h = d->held;
    int room = budget(d);
    if (room == INT_MAX)
        return true;
    if (h->live < room)
        return true;
    int last = last_kept(h);
    if (last < 0)
        return false;
    diag_key k = {file_rank(h, loc.file, false), loc.start, h->seq};
    return key_cmp(k, h->groups[last].key) < 0;
}

static void hold(diag_ctx *d, diag_level level, const char *id, src_loc loc, char *text)
{
    struct diag_held *h = d->held;
    if (level == DIAG_NOTE) {
        held_group *g = h->ngroups > 0 ? &h->groups[h->ngroups - 1] : NULL;
        if (h->drop_notes || !g || !g->text) {
            free(text);
            return;
        }
        if (g->nnotes == g->capnotes) {
            g->capnotes = g->capnotes ? 2 * g->capnotes : 2;
            g->notes = xrealloc(g->notes, (size_t)g->capnotes * sizeof *g->notes);
        }
        g->notes[g->nnotes].loc = loc;
        g->notes[g->nnotes++].text = text;
        return;
    }
    if (!held_would_show(d, loc)) {
        free(text);
        h->dropped++;
        h->drop_notes = true;
        return;
    }
    h->drop_notes = false;
    if (h->ngroups == h->capgroups) {
        h->capgroups = h->capgroups ? 2 * h->capgroups : 16;
        h->groups = xrealloc(h->groups, (size_t)h->capgroups * sizeof *h->groups);
    }
    held_group *g = &h->groups[h->ngroups++];
    memset(g, 0, sizeof *g);
    g->key.file = file_rank(h, loc.file, true);
    g->key.start = loc.start;
    g->key.seq = h->seq++;
    g->level = level;
    g->id = id;
    g->loc = loc;
    g->text = text;
    h->live++;
    if (h->live > budget(d))
        let_go(h, &h->groups[last_kept(h)]);      /* the latest place no longer fits */
}

/* ---- The funnel ------------------------------------------------------------------- */

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
    if (d->held)
        return held_would_show(d, loc);
    return budget(d) > 0;
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

/* Prints a message, or drops it past the limit of messages. */
static void show(diag_ctx *d, diag_level level, const char *id, src_loc loc, const char *text)
{
    if (level == DIAG_NOTE && d->last_dropped)
        return;
    if (level != DIAG_NOTE) {
        d->last_dropped = d->suppressed;
        if (d->suppressed)
            return;
        if (d->max_errors > 0 && ++d->shown > d->max_errors) {
            d->suppressed = d->last_dropped = true;
            fprintf(d->out, "lovc: too many errors; the rest are not shown\n");
            return;
        }
    }
    if (d->sink) {
        d->sink(d->sink_ctx, level == DIAG_WARNING && d->werror ? DIAG_ERROR : level, id, loc, text);
        return;
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
    fprintf(d->out, "%s%s:%s %s", d->color ? level_color(level) : "", word,
            d->color ? "\033[0m" : "", text);
    if (id)
        fprintf(d->out, " [%s]", id);
    fputc('\n', d->out);
    if (loc.file)
        print_excerpt(d, loc);
}

void diag_report(diag_ctx *d, diag_level level, const char *id, src_loc loc,
                 const char *fmt, ...)
{
    if (level == DIAG_ERROR)
        d->errors++;
    if (level == DIAG_WARNING)
        d->warnings++;
    strbuf sb;
    sb_init(&sb);
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof small) {
        sb_puts(&sb, small);
    } else if (n >= 0) {
        char *big = xmalloc((size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        sb_puts(&sb, big);
        free(big);
    }
    if (d->held) {
        hold(d, level, id, loc, sb.data ? sb.data : xstrdup(""));
        return;                                 /* the held message owns the text */
    }
    show(d, level, id, loc, sb.data ? sb.data : "");
    sb_free(&sb);
}

void diag_begin_sorted(diag_ctx *d)
{
    if (!d->held)
        d->held = xcalloc(1, sizeof *d->held);
}

static int group_cmp(const void *a, const void *b)
{
    return key_cmp(((const held_group *)a)->key, ((const held_group *)b)->key);
}

void diag_end_sorted(diag_ctx *d)
{
    struct diag_held *h = d->held;
    if (!h)
        return;
    d->held = NULL;
    if (h->ngroups > 1)
        qsort(h->groups, (size_t)h->ngroups, sizeof *h->groups, group_cmp);
    for (int i = 0; i < h->ngroups; i++) {
        held_group *g = &h->groups[i];
        if (!g->text)
            continue;
        show(d, g->level, g->id, g->loc, g->text);
        for (int k = 0; k < g->nnotes; k++)
            show(d, DIAG_NOTE, NULL, g->notes[k].loc, g->notes[k].text);
    }
    /* Messages let go were past the limit: say so, as if they had come. */
    if (h->dropped > 0 && !d->suppressed) {
        d->suppressed = d->last_dropped = true;
        fprintf(d->out, "lovc: too many errors; the rest are not shown\n");
    }
    for (int i = 0; i < h->ngroups; i++) {
        held_group *g = &h->groups[i];
        free(g->text);
        for (int k = 0; k < g->nnotes; k++)
            free(g->notes[k].text);
        free(g->notes);
    }
    free(h->groups);
    free(h->files);
    free(h);
}

void diag_file_error(diag_ctx *d, const char *path, const char *fmt, ...)
{
    d->errors++;
    d->shown++;
    if (d->sink) {
        strbuf sb;
        sb_init(&sb);
        va_list ap;
        va_start(ap, fmt);
        char text[1024];
        vsnprintf(text, sizeof text, fmt, ap);
        va_end(ap);
        sb_printf(&sb, "%s: %s", path, text);
        d->sink(d->sink_ctx, DIAG_ERROR, NULL, (src_loc){0}, sb.data);
        sb_free(&sb);
        return;
    }
    fprintf(d->out, "%s%s:%s %serror:%s ", d->color ? "\033[1m" : "", path,
            d->color ? "\033[0m" : "", d->color ? level_color(DIAG_ERROR) : "",
            d->color ? "\033[0m" : "");
    va_list ap;
    va_start(ap, fmt);
    vfprintf(d->out, fmt, ap);
    va_end(ap);
    fputc('\n', d->out);
}

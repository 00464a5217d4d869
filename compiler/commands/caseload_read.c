/* SPDX-License-Identifier: Apache-2.0 */
/* Reading a caseload in chunks (caseload.h): JSON Lines line by line, CSV
 * with libcsv's callbacks, and the list files of a CSV caseload joined on
 * the case key. The joins need the files in the order of their keys (the
 * cases and every list file alike); that order is checked, and a row out
 * of it is a bad row, never a case decided with a list left short. */
#define _XOPEN_SOURCE 700  /* getline */

#include "commands/caseload.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One CSV row being parsed or waiting to be used. */
typedef struct csv_row {
    char **fields;           /* into text; NULL for an empty cell (set when the row is complete) */
    size_t n, cap;
    char *text;              /* the cells, each NUL-terminated */
    size_t len, textcap;
    size_t *at;              /* where each cell starts in text; SIZE_MAX: empty */
    long line;
} csv_row;

/* A CSV file read row by row. */
typedef struct csv_in {
    const char *path;
    FILE *f;
    struct csv_parser p;
    char *buf;               /* getline's */
    size_t bufcap;
    long line;               /* physical lines read */
    csv_row cur;             /* the row being parsed */
    csv_row *ready;          /* complete rows not yet taken */
    size_t nready, capready, taken;
    csv_row head;            /* the first line */
    char **header;           /* its cells: the column names */
    size_t ncols;
    bool eof;
    int key;                 /* the key's column, or -1 */
    csv_row next;            /* list files: the row after the last taken (n == 0: none) */
    bool has_next;
    char *last_key;          /* the key of the last row taken (for the order check) */
} csv_in;

struct cl_reader {
    cl_format format;
    const run_options *o;
    FILE *f;                 /* JSON Lines */
    char *line;
    size_t linecap;
    long lineno;
    uint64_t bytes, total;
    csv_in main;
    csv_in lists[CL_MAX_LISTS];
    int nlists;
    char *last_key;          /* of the cases, for the join's order check */
    char failed[1024];
};

/* ---- CSV rows through libcsv ---- */

/* Frees a row's storage. */
static void row_clear(csv_row *r)
{
    free(r->text);
    free(r->at);
    free(r->fields);
    memset(r, 0, sizeof *r);
}

/* One cell, appended to the row's text: one buffer per row, not one
 * allocation per cell. */
static void on_field(void *s, size_t len, void *data)
{
    csv_in *in = data;
    csv_row *r = &in->cur;
    if (r->n == 0)
        r->line = in->line;
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 16;
        r->at = xrealloc(r->at, r->cap * sizeof *r->at);
    }
    if (!s || !len) {
        r->at[r->n++] = SIZE_MAX;
        return;
    }
    if (r->len + len + 1 > r->textcap) {
        r->textcap = 2 * (r->len + len + 1) + 64;
        r->text = xrealloc(r->text, r->textcap);
    }
    memcpy(r->text + r->len, s, len);
    r->text[r->len + len] = '\0';
    r->at[r->n++] = r->len;
    r->len += len + 1;
}

static void on_row(int c, void *data)
{
    (void)c;
    csv_in *in = data;
    csv_row *r = &in->cur;
    if (r->n == 0)
        return;
    r->fields = xcalloc(r->n, sizeof *r->fields);
    for (size_t i = 0; i < r->n; i++)
        r->fields[i] = r->at[i] == SIZE_MAX ? NULL : r->text + r->at[i];
    if (in->nready == in->capready) {
        in->capready = in->capready ? 2 * in->capready : 16;
        in->ready = xrealloc(in->ready, in->capready * sizeof *in->ready);
    }
    in->ready[in->nready++] = in->cur;
    memset(&in->cur, 0, sizeof in->cur);
}

/* The next complete row into *row (owned by the caller); false at the end. */
static bool csv_next_row(csv_in *in, csv_row *row, uint64_t *bytes)
{
    while (in->taken == in->nready) {
        in->taken = in->nready = 0;
        if (in->eof)
            return false;
        ssize_t n = getline(&in->buf, &in->bufcap, in->f);
        if (n < 0) {
            in->eof = true;
            csv_fini(&in->p, on_field, on_row, in);
            continue;
        }
        in->line++;
        if (bytes)
            *bytes += (uint64_t)n;
        csv_parse(&in->p, in->buf, (size_t)n, on_field, on_row, in);
    }
    *row = in->ready[in->taken++];
    return true;
}

static bool csv_open(csv_in *in, const char *path, const char *key, char *why, size_t whylen)
{
    memset(in, 0, sizeof *in);
    in->path = path;
    in->key = -1;
    in->f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!in->f) {
        snprintf(why, whylen, "%s: cannot open the file: %s", path, strerror(errno));
        return false;
    }
    csv_init(&in->p, CSV_APPEND_NULL);
    csv_row h;
    if (!csv_next_row(in, &h, NULL)) {
        snprintf(why, whylen, "%s: the file is empty: a CSV caseload starts with a line of column names", path);
        return false;
    }
    in->head = h;
    in->header = h.fields;
    in->ncols = h.n;
    for (size_t i = 0; i < h.n; i++) {
        if (!h.fields[i]) {
            snprintf(why, whylen, "%s:%ld: column %zu has no name in the first line", path, h.line, i + 1);
            return false;
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(h.fields[i], h.fields[j]) == 0) {
                snprintf(why, whylen, "%s:%ld: the column '%s' is named twice", path, h.line, h.fields[i]);
                return false;
            }
        if (key && strcmp(h.fields[i], key) == 0)
            in->key = (int)i;
    }
    return true;
}

static void csv_close(csv_in *in)
{
    if (in->f && in->f != stdin)
        fclose(in->f);
    csv_free(&in->p);
    free(in->buf);
    row_clear(&in->cur);
    for (size_t i = in->taken; i < in->nready; i++) {
        row_clear(&in->ready[i]);
    }
    free(in->ready);
    if (in->has_next) {
        row_clear(&in->next);
    }
    row_clear(&in->head);
    free(in->last_key);
}

/* Keys in order: whole numbers by value, other text bytewise. */
static int key_cmp(const char *a, const char *b)
{
    size_t na = strspn(a, "0123456789"), nb = strspn(b, "0123456789");
    if (na && nb && !a[na] && !b[nb]) {
        while (*a == '0' && a[1])
            a++, na--;
        while (*b == '0' && b[1])
            b++, nb--;
        if (na != nb)
            return na < nb ? -1 : 1;
    }
    return strcmp(a, b);
}

/* ---- Opening ---- */

static bool is_jsonl_name(const char *p)
{
    size_t n = strlen(p);
    return (n > 6 && strcmp(p + n - 6, ".jsonl") == 0) || (n > 7 && strcmp(p + n - 7, ".ndjson") == 0)
           || (n > 5 && strcmp(p + n - 5, ".json") == 0);
}

cl_reader *cl_reader_open(const run_options *o, char *why, size_t whylen)
{
    cl_reader *r = xcalloc(1, sizeof *r);
    r->o = o;
    const char *in = o->input;
    size_t n = strlen(in);
    if (o->format && strcmp(o->format, "jsonl") == 0)
        r->format = CL_JSONL;
    else if (o->format && strcmp(o->format, "csv") == 0)
        r->format = CL_CSV;
    else if (o->format) {
        snprintf(why, whylen, "--format needs 'jsonl' or 'csv', not '%s'", o->format);
        free(r);
        return NULL;
    } else if (is_jsonl_name(in))
        r->format = CL_JSONL;
    else if (n > 4 && strcmp(in + n - 4, ".csv") == 0)
        r->format = CL_CSV;
    else {
        snprintf(why, whylen, "%s: the format of the cases is not known from the name: it should end in .jsonl "
                 "or .csv, or give --format jsonl or --format csv", in);
        free(r);
        return NULL;
    }
    if (o->nlists && r->format != CL_CSV) {
        snprintf(why, whylen, "--list joins CSV files; in JSON Lines a list is an array in the case's line");
        free(r);
        return NULL;
    }
    if (o->nlists && !o->key) {
        snprintf(why, whylen, "--list needs --key COLUMN, the case key that joins the list files to the cases");
        free(r);
        return NULL;
    }
    struct stat st;
    if (strcmp(in, "-") != 0 && stat(in, &st) == 0 && S_ISREG(st.st_mode))
        r->total = (uint64_t)st.st_size;
    if (r->format == CL_JSONL) {
        r->f = strcmp(in, "-") == 0 ? stdin : fopen(in, "r");
        if (!r->f) {
            snprintf(why, whylen, "%s: cannot open the file: %s", in, strerror(errno));
            free(r);
            return NULL;
        }
        return r;
    }
    bool ok = csv_open(&r->main, in, o->key, why, whylen);
    if (ok && o->key && r->main.key < 0) {
        snprintf(why, whylen, "%s: there is no column '%s' (given with --key)", in, o->key);
        ok = false;
    }
    for (int i = 0; ok && i < o->nlists; i++) {
        ok = csv_open(&r->lists[i], o->list_file[i], o->key, why, whylen);
        r->nlists = i + 1;
        if (ok && r->lists[i].key < 0) {
            snprintf(why, whylen, "%s: there is no column '%s' (the case key, given with --key)", o->list_file[i],
                     o->key);
            ok = false;
        }
    }
    if (!ok) {
        cl_reader_close(r);
        return NULL;
    }
    return r;
}

const char *const *cl_reader_columns(const cl_reader *r, size_t *n)
{
    *n = r->format == CL_CSV ? r->main.ncols : 0;
    return r->format == CL_CSV ? (const char *const *)r->main.header : NULL;
}

const char *const *cl_reader_list_columns(const cl_reader *r, int list, size_t *n)
{
    *n = r->lists[list].ncols;
    return (const char *const *)r->lists[list].header;
}

cl_format cl_reader_format(const cl_reader *r)
{
    return r->format;
}

uint64_t cl_reader_bytes(const cl_reader *r, uint64_t *total)
{
    *total = r->total;
    return r->bytes;
}

const char *cl_reader_failed(const cl_reader *r)
{
    return r->failed[0] ? r->failed : NULL;
}

void cl_reader_close(cl_reader *r)
{
    if (!r)
        return;
    if (r->f && r->f != stdin)
        fclose(r->f);
    free(r->line);
    if (r->format == CL_CSV)
        csv_close(&r->main);
    for (int i = 0; i < r->nlists; i++)
        csv_close(&r->lists[i]);
    free(r->last_key);
    free(r);
}

/* ---- Records ---- */

static char *arena_text(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    return p;
}

static char *arena_printf_error(arena *a, const char *fmt, const char *x, const char *y)
{
    char buf[1024];
    snprintf(buf, sizeof buf, fmt, x, y);
    return arena_text(a, buf, strlen(buf));
}

/* The row's cells as the record keeps them: ncols cells (missing ones
 * empty), in the chunk's arena. */
static const char **arena_cells(arena *a, const csv_row *row, size_t ncols)
{
    const char **cells = arena_alloc(a, (ncols ? ncols : 1) * sizeof *cells);
    for (size_t i = 0; i < ncols && i < row->n; i++)
        cells[i] = row->fields[i] ? arena_text(a, row->fields[i], strlen(row->fields[i])) : NULL;
    return cells;
}

static cl_record *new_record(cl_chunk *c)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : CL_CHUNK;
        c->rec = xrealloc(c->rec, c->cap * sizeof *c->rec);
    }
    cl_record *rec = &c->rec[c->n++];
    memset(rec, 0, sizeof *rec);
    return rec;
}

static bool next_jsonl(cl_reader *r, cl_chunk *c)
{
    while (c->n < CL_CHUNK) {
        errno = 0;
        ssize_t n = getline(&r->line, &r->linecap, r->f);
        if (n < 0) {
            if (ferror(r->f))
                snprintf(r->failed, sizeof r->failed, "%s: the file could not be read to the end: %s", r->o->input,
                         strerror(errno ? errno : EIO));
            break;
        }
        r->lineno++;
        r->bytes += (uint64_t)n;
        size_t len = (size_t)n;
        while (len && (r->line[len - 1] == '\n' || r->line[len - 1] == '\r'))
            len--;
        size_t sp = strspn(r->line, " \t");
        if (sp >= len)
            continue;  /* a blank line is no case */
        cl_record *rec = new_record(c);
        rec->line = r->lineno;
        rec->json = arena_text(&c->text, r->line, len);
        rec->json_len = len;
    }
    return c->n > 0;
}

/* Takes the next row of a list file into in->next; checks its order. */
static void list_advance(cl_reader *r, csv_in *in)
{
    if (in->has_next) {
        row_clear(&in->next);
        in->has_next = false;
    }
    in->has_next = csv_next_row(in, &in->next, &r->bytes);
}

static const char *row_key(const csv_in *in, const csv_row *row)
{
    const char *k = (size_t)in->key < row->n ? row->fields[in->key] : NULL;
    return k ? k : "";
}

/* A list row no case takes: a bad row of its own. */
static void orphan_row(cl_reader *r, cl_chunk *c, int li, const char *why)
{
    csv_in *in = &r->lists[li];
    cl_record *rec = new_record(c);
    rec->line = in->next.line;
    rec->key = arena_text(&c->text, row_key(in, &in->next), strlen(row_key(in, &in->next)));
    rec->error = arena_printf_error(&c->text, why, r->o->list_name[li], r->o->key);
    rec->error_fact = r->o->list_name[li];
    rec->error_file = in->path;
    rec->error_line = in->next.line;
}

/* The rows of list li for the case with key k (in order: keys below k are
 * rows of no case, reported before the case). */
static void join_list(cl_reader *r, cl_chunk *c, int li, cl_record *rec, const char *k, bool key_in_order)
{
    csv_in *in = &r->lists[li];
    if (!in->last_key && !in->has_next)
        list_advance(r, in);
    size_t cap = 0;
    const char ***rows = NULL;
    long *lines = NULL;
    while (in->has_next) {
        const char *rk = row_key(in, &in->next);
        if (in->last_key && key_cmp(rk, in->last_key) < 0) {
            orphan_row(r, c, li, "a row of the list '%s' out of order: the list file must be sorted by '%s' "
                       "as the cases are");
            list_advance(r, in);
            continue;
        }
        int cmp = key_in_order ? key_cmp(rk, k) : 1;
        if (cmp > 0)
            break;
        free(in->last_key);
        in->last_key = xstrdup(rk);
        if (cmp < 0) {
            orphan_row(r, c, li, "a row of the list '%s' whose '%s' is the key of no case (or the cases are "
                       "not sorted by it)");
            list_advance(r, in);
            continue;
        }
        if (rec->lists[li].n == cap) {
            cap = cap ? 2 * cap : 16;
            const char ***nr = arena_alloc(&c->text, cap * sizeof *nr);
            long *nl = arena_alloc(&c->text, cap * sizeof *nl);
            if (rec->lists[li].n) {
                memcpy(nr, rows, rec->lists[li].n * sizeof *nr);
                memcpy(nl, lines, rec->lists[li].n * sizeof *nl);
            }
            rows = nr;
            lines = nl;
        }
        if (in->next.n != in->ncols && !rec->error) {
            rec->error = arena_printf_error(&c->text, "a row of the list '%s' has %s cells where the first line "
                                            "names its columns", r->o->list_name[li],
                                            in->next.n < in->ncols ? "fewer" : "more");
            rec->error_fact = r->o->list_name[li];
            rec->error_file = in->path;
            rec->error_line = in->next.line;
        }
        rows[rec->lists[li].n] = arena_cells(&c->text, &in->next, in->ncols);
        lines[rec->lists[li].n++] = in->next.line;
        list_advance(r, in);
    }
    rec->lists[li].fields = rows;
    rec->lists[li].lines = lines;
}

static bool next_csv(cl_reader *r, cl_chunk *c)
{
    csv_in *in = &r->main;
    while (c->n < CL_CHUNK) {
        csv_row row;
        if (!csv_next_row(in, &row, &r->bytes)) {
            /* The list rows after the last case belong to none. */
            for (int li = 0; li < r->nlists; li++) {
                csv_in *l = &r->lists[li];
                if (!l->last_key && !l->has_next)
                    list_advance(r, l);
                while (l->has_next) {
                    orphan_row(r, c, li, "a row of the list '%s' whose '%s' is the key of no case (or the cases "
                               "are not sorted by it)");
                    list_advance(r, l);
                }
            }
            break;
        }
        /* The case's record comes after the bad rows the join finds. */
        cl_record tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.line = row.line;
        tmp.fields = arena_cells(&c->text, &row, in->ncols);
        if (row.n != in->ncols) {
            char cells[64], cols[64];
            snprintf(cells, sizeof cells, "%zu", row.n);
            snprintf(cols, sizeof cols, "%zu", in->ncols);
            tmp.error = arena_printf_error(&c->text, "the row has %s cells where the first line names %s columns",
                                           cells, cols);
        }
        if (in->key >= 0) {
            const char *k = (size_t)in->key < row.n && row.fields[in->key] ? row.fields[in->key] : "";
            tmp.key = arena_text(&c->text, k, strlen(k));
            bool in_order = true;
            if (!*k && !tmp.error) {
                tmp.error = arena_printf_error(&c->text, "the case has no key: the column '%s' is empty%s", r->o->key,
                                               "");
                tmp.error_fact = r->o->key;
            }
            if (r->nlists && *k) {
                if (r->last_key && key_cmp(k, r->last_key) <= 0) {
                    in_order = false;
                    if (!tmp.error) {
                        tmp.error = arena_printf_error(&c->text, key_cmp(k, r->last_key) == 0
                                                       ? "the key '%s' is the key of the case before: the list "
                                                         "files cannot tell them apart%s"
                                                       : "the case comes after the case with key '%s': with --list, "
                                                         "the cases must be sorted by their key%s",
                                                       key_cmp(k, r->last_key) == 0 ? k : r->last_key, "");
                        tmp.error_fact = r->o->key;
                    }
                } else {
                    free(r->last_key);
                    r->last_key = xstrdup(k);
                }
                for (int li = 0; li < r->nlists; li++)
                    join_list(r, c, li, &tmp, k, in_order);
            }
        }
        row_clear(&row);
        *new_record(c) = tmp;
    }
    return c->n > 0;
}

bool cl_reader_next(cl_reader *r, cl_chunk *c)
{
    c->n = 0;
    arena_free(&c->text);
    arena_init(&c->text);
    if (r->failed[0])
        return false;
    return r->format == CL_JSONL ? next_jsonl(r, c) : next_csv(r, c);
}

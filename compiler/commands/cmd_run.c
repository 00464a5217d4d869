/* SPDX-License-Identifier: Apache-2.0 */
/* lovc run RULES.lov --input CASES --output DECISIONS: every case of a
 * caseload decided by the compiled rules. Reads top to bottom as it runs:
 * the rules compiled and loaded (caseload_module.c), the input opened
 * (caseload_read.c), the output written to a temporary name, the chunks
 * decided by N threads (caseload_pipeline.c), the summary, the rename. */
#define _XOPEN_SOURCE 700  /* mkstemp, fdopen */

#include "commands/cmd_run.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands/caseload_module.h"
#include "commands/commands.h"

enum { BATCH = 64 };
enum { N_CASES, N_DECISIONS, N_BAD, N_STATUS };  /* counts; N_STATUS + a lov_status */

/* One thread's buffers, reused from chunk to chunk. */
typedef struct run_worker {
    cl_case src;             /* the case as read (with --dates) */
    cl_case slot[BATCH];     /* the cases handed to the batch entry */
    char *in, *out;          /* BATCH input and output structs, contiguous */
    long line[BATCH];
    const char *key[BATCH];
    lov_date date[BATCH];
    size_t n;
    lov_trace trace;
} run_worker;

typedef struct run_ctx {
    const cl_module *cm;
    const cl_schema *schema;
    const cl_writer *writer;
    run_worker *workers;
    lov_date from, until;
    cl_every every;
} run_ctx;

/* Decides the cases gathered so far and writes them. */
static void flush(run_ctx *x, run_worker *w, cl_chunk *c)
{
    const lov_module_desc *d = x->cm->m.desc;
    if (!w->n)
        return;
    cl_module_decide(x->cm, w->in, w->out, w->n);
    for (size_t i = 0; i < w->n; i++) {
        const char *out = w->out + i * d->output_size;
        cl_write_decision(&c->out, x->writer, w->line[i], w->key[i], w->date[i], out, NULL);
        c->counts[N_DECISIONS]++;
        c->counts[N_STATUS + cl_case_status(d, out)]++;
    }
    w->n = 0;
}

/* --reasons: one case at a time, with its trace. */
static void decide_explained(run_ctx *x, run_worker *w, cl_chunk *c, const char *in, long line, const char *key,
                             lov_date date)
{
    const lov_module_desc *d = x->cm->m.desc;
    for (;;) {
        w->trace.count = w->trace.dropped = 0;
        x->cm->evaluate(in, w->out, &w->trace, x->cm->m.externals);
        if (!w->trace.dropped)
            break;
        w->trace.capacity = 2 * (w->trace.count + w->trace.dropped);
        w->trace.entries = xrealloc(w->trace.entries, w->trace.capacity * sizeof *w->trace.entries);
    }
    cl_write_decision(&c->out, x->writer, line, key, date, w->out, &w->trace);
    c->counts[N_DECISIONS]++;
    c->counts[N_STATUS + cl_case_status(d, w->out)]++;
}

/* Adds one case (on one date) to the batch. */
static void add(run_ctx *x, run_worker *w, cl_chunk *c, const cl_case *cs, long line, const char *key,
                lov_date date)
{
    const lov_module_desc *d = x->cm->m.desc;
    if (!date)
        date = cl_reference_date(d, cs->input);
    if (x->writer->reasons) {
        decide_explained(x, w, c, cs->input, line, key, date);
        return;
    }
    memcpy(w->in + w->n * d->input_size, cs->input, d->input_size);
    w->line[w->n] = line;
    w->key[w->n] = key;
    w->date[w->n] = date;
    w->n++;
}

/* The key read from the case's JSON, kept with the chunk. */
static const char *key_copy(cl_chunk *c, const char *key)
{
    size_t n = strlen(key);
    char *p = arena_alloc(&c->text, n + 1);
    memcpy(p, key, n);
    return p;
}

static void run_decide(void *ctx, int id, cl_chunk *c)
{
    run_ctx *x = ctx;
    run_worker *w = &x->workers[id];
    for (size_t r = 0; r < c->n; r++) {
        const cl_record *rec = &c->rec[r];
        bool range = x->from != 0;
        /* Without --dates each case is one batch slot; its lists live in it. */
        if (!range && w->n == BATCH)
            flush(x, w, c);
        cl_case *cs = range ? &w->src : &w->slot[w->n];
        cl_error e;
        bool ok = cl_decode(x->schema, rec, cs, &e);
        if (rec->fields || rec->json)
            c->counts[N_CASES]++;  /* a list row of no case is a bad row, no case */
        const char *key = rec->key ? rec->key : cs->key[0] ? key_copy(c, cs->key) : NULL;
        if (!ok) {
            flush(x, w, c);
            cl_write_error(&c->out, x->writer, rec->line, key, &e);
            c->counts[N_BAD]++;
            continue;
        }
        if (!range) {
            add(x, w, c, cs, rec->line, key, 0);
            continue;
        }
        lov_date day;
        for (long k = 0; cl_dates_next(x->from, x->every, k, x->until, &day); k++) {
            if (w->n == BATCH)
                flush(x, w, c);
            cl_case_on_date(x->schema, &w->src, day, &w->slot[w->n]);
            add(x, w, c, &w->slot[w->n], rec->line, key, day);
        }
    }
    flush(x, w, c);
}

static void workers_init(run_ctx *x, int jobs)
{
    const lov_module_desc *d = x->cm->m.desc;
    x->workers = xcalloc((size_t)jobs, sizeof *x->workers);
    for (int i = 0; i < jobs; i++) {
        run_worker *w = &x->workers[i];
        cl_case_init(&w->src, d);
        for (int k = 0; k < BATCH; k++)
            cl_case_init(&w->slot[k], d);
        w->in = xcalloc(BATCH, d->input_size);
        w->out = xcalloc(BATCH, d->output_size);
    }
}

static void workers_free(run_ctx *x, int jobs)
{
    for (int i = 0; i < jobs && x->workers; i++) {
        run_worker *w = &x->workers[i];
        cl_case_free(&w->src);
        for (int k = 0; k < BATCH; k++)
            cl_case_free(&w->slot[k]);
        free(w->in);
        free(w->out);
        free(w->trace.entries);
    }
    free(x->workers);
}

/* ---- The output file: a temporary name until it is complete ---- */

static char temp_path[4096];

static void on_signal(int sig)
{
    if (temp_path[0])
        unlink(temp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

FILE *cl_output_open(const char *path, char *why, size_t whylen)
{
    temp_path[0] = '\0';
    if (strcmp(path, "-") == 0)
        return stdout;
    snprintf(temp_path, sizeof temp_path, "%s.part-XXXXXX", path);
    int fd = mkstemp(temp_path);
    if (fd < 0) {
        snprintf(why, whylen, "%s: the output cannot be made there: %s", path, strerror(errno));
        temp_path[0] = '\0';
        return NULL;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    FILE *f = fdopen(fd, "w");
    if (f)
        setvbuf(f, NULL, _IOFBF, 1 << 20);
    return f;
}

bool cl_output_close(FILE *f, const char *path, bool keep, char *why, size_t whylen)
{
    if (f == stdout)
        return fflush(stdout) == 0 || (snprintf(why, whylen, "the output could not be written: %s",
                                                strerror(errno)), false);
    bool ok = !ferror(f);
    ok = fflush(f) == 0 && ok;
    int err = errno;
    ok = fclose(f) == 0 && ok;
    if (!ok)
        snprintf(why, whylen, "%s: the output could not be written: %s", path, strerror(err ? err : errno));
    if (ok && keep && rename(temp_path, path) != 0) {
        snprintf(why, whylen, "%s: cannot put the output in place: %s", path, strerror(errno));
        ok = false;
    }
    if (!ok || !keep)
        unlink(temp_path);
    temp_path[0] = '\0';
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    return ok;
}

cl_format cl_output_format(const char *path, cl_format input)
{
    size_t n = strlen(path);
    if (n > 4 && strcmp(path + n - 4, ".csv") == 0)
        return CL_CSV;
    if ((n > 6 && strcmp(path + n - 6, ".jsonl") == 0) || (n > 5 && strcmp(path + n - 5, ".json") == 0))
        return CL_JSONL;
    return input;
}

/* ---- lovc run ---- */

int run_run(options *opt)
{
    run_options *o = &opt->run;
    if (opt->nfiles != 1 || !o->input || !o->output)
        return usage_error("%s", "run needs one .lov file, --input CASES and --output DECISIONS (- for standard "
                                 "output)");
    char why[4096];
    lov_date from, until;
    cl_every every;
    if (!cl_dates_parse(o, &from, &until, &every, why, sizeof why))
        return usage_error("%s", why);
    diag_ctx d;
    setup_diag(&d, opt);
    cl_module cm;
    if (!cl_module_open(&cm, opt->files[0], opt->test.cache, opt->test.externals, opt->root, &d)) {
        cl_module_close(&cm);
        return EXIT_USAGE;
    }
    const lov_module_desc *desc = cm.m.desc;
    if (from && desc->reference_input < 0) {
        fprintf(stderr, "lovc: --dates needs rules with a reference date; %s has none\n", opt->files[0]);
        cl_module_close(&cm);
        return EXIT_USAGE;
    }
    cl_reader *r = cl_reader_open(o, why, sizeof why);
    cl_schema *s = r ? cl_schema_new(desc, &cm.ev, r, o, false, why, sizeof why) : NULL;
    if (!s) {
        fprintf(stderr, "lovc: %s\n", why);
        cl_reader_close(r);
        cl_module_close(&cm);
        return EXIT_USAGE;
    }
    cl_writer w;
    cl_writer_init(&w, desc, cl_output_format(o->output, cl_reader_format(r)), o);
    FILE *out = cl_output_open(o->output, why, sizeof why);
    int rc = EXIT_OK;
    if (!out) {
        fprintf(stderr, "lovc: %s\n", why);
        rc = EXIT_USAGE;
    } else {
        int jobs = o->jobs > 0 ? o->jobs : cl_default_jobs();
        run_ctx x = {&cm, s, &w, NULL, from, until, every};
        workers_init(&x, jobs);
        strbuf head;
        sb_init(&head);
        cl_write_header(&head, &w, cm.sha256);
        fputs(head.data, out);
        cl_work work = {run_decide, NULL, &x, jobs, isatty(fileno(stderr)) != 0};
        uint64_t n[16] = {0};
        bool ok = cl_pipeline_run(r, &work, out, n);
        const char *failed = cl_reader_failed(r);
        head.len = 0;
        cl_write_summary(&head, &w, n[N_CASES], n[N_DECISIONS], n[N_BAD], cm.sha256);
        fwrite(head.data ? head.data : "", 1, head.len, out);
        sb_free(&head);
        if (failed)
            fprintf(stderr, "lovc: %s\n", failed);
        if (!ok)
            fprintf(stderr, "lovc: %s: the output could not be written: %s\n", o->output, strerror(errno));
        if (!cl_output_close(out, o->output, ok && !failed, why, sizeof why)) {
            fprintf(stderr, "lovc: %s\n", why);
            ok = false;
        }
        fprintf(stderr, "lovc run: %llu cases, %llu decisions (ok %llu, not applicable %llu, undetermined %llu, "
                "conflict %llu, overflow %llu, invalid input %llu), %llu bad rows; rules %s, module SHA-256 %s\n",
                (unsigned long long)n[N_CASES], (unsigned long long)n[N_DECISIONS],
                (unsigned long long)n[N_STATUS + LOV_OK], (unsigned long long)n[N_STATUS + LOV_NOT_APPLICABLE],
                (unsigned long long)n[N_STATUS + LOV_UNDETERMINED], (unsigned long long)n[N_STATUS + LOV_CONFLICT],
                (unsigned long long)n[N_STATUS + LOV_OVERFLOW], (unsigned long long)n[N_STATUS + LOV_INVALID_INPUT],
                (unsigned long long)n[N_BAD], desc->name, cm.sha256);
        rc = !ok || failed ? EXIT_USAGE : n[N_BAD] ? EXIT_ERRORS : EXIT_OK;
        workers_free(&x, jobs);
    }
    cl_writer_free(&w);
    cl_schema_free(s);
    cl_reader_close(r);
    cl_module_close(&cm);
    return rc;
}

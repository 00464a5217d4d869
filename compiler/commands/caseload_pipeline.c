/* SPDX-License-Identifier: Apache-2.0 */
/* The chunks of a caseload worked on by N threads (caseload.h): the main
 * thread reads chunk after chunk and writes each one's output as soon as
 * it and every chunk before it are done, so the output keeps the input's
 * order and only a few chunks per thread are ever in memory. */
#define _XOPEN_SOURCE 700  /* clock_gettime */

#include "commands/caseload.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct slot {
    cl_chunk chunk;
    long seq;                /* the chunk's number in the input; -1 free */
    bool done;
} slot;

typedef struct pool {
    const cl_work *w;
    slot *slots;
    int nslots;
    long filled;             /* chunks handed out so far (seq < filled) */
    long claimed;            /* chunks taken by a worker */
    bool closing;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
} pool;

typedef struct worker_arg {
    pool *p;
    int id;
} worker_arg;

static void *worker_main(void *arg)
{
    worker_arg *a = arg;
    pool *p = a->p;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->claimed == p->filled && !p->closing)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->claimed == p->filled)
            break;
        slot *s = &p->slots[p->claimed % p->nslots];
        p->claimed++;
        pthread_mutex_unlock(&p->mu);
        p->w->decide(p->w->ctx, a->id, &s->chunk);
        pthread_mutex_lock(&p->mu);
        s->done = true;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    cl_json_memory_thread_end();
    return NULL;
}

int cl_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* "1 234 000 cases, 812 000 cases/s, 3 s left", over the line before. */
static void show_progress(cl_reader *r, uint64_t cases, double start, bool last)
{
    double t = now_seconds() - start;
    uint64_t total, bytes = cl_reader_bytes(r, &total);
    double rate = t > 0 ? (double)cases / t : 0;
    fprintf(stderr, "\r%llu cases, %.0f cases/s", (unsigned long long)cases, rate);
    if (!last && total && bytes && bytes < total)
        fprintf(stderr, ", %.0f s left  ", t * (double)(total - bytes) / (double)bytes);
    else
        fputs("            ", stderr);
    fputs(last ? "\n" : "", stderr);
    fflush(stderr);
}

/* Waits for the chunk in s, merges and writes it; false on a write error. */
static bool finish_slot(pool *p, slot *s, FILE *out, uint64_t counts[16], uint64_t *cases)
{
    pthread_mutex_lock(&p->mu);
    while (!s->done)
        pthread_cond_wait(&p->done, &p->mu);
    pthread_mutex_unlock(&p->mu);
    if (p->w->merge)
        p->w->merge(p->w->ctx, &s->chunk);
    for (int i = 0; i < 16; i++)
        counts[i] += s->chunk.counts[i];
    *cases += s->chunk.n;
    bool ok = fwrite(s->chunk.out.data ? s->chunk.out.data : "", 1, s->chunk.out.len, out) == s->chunk.out.len;
    s->seq = -1;
    return ok;
}

bool cl_pipeline_run(cl_reader *r, const cl_work *w, FILE *out, uint64_t counts[16])
{
    pool p;
    memset(&p, 0, sizeof p);
    p.w = w;
    int jobs = w->jobs > 0 ? w->jobs : 1;
    p.nslots = 2 * jobs + 1;
    p.slots = xcalloc((size_t)p.nslots, sizeof *p.slots);
    for (int i = 0; i < p.nslots; i++) {
        p.slots[i].seq = -1;
        arena_init(&p.slots[i].chunk.text);
        sb_init(&p.slots[i].chunk.out);
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    cl_json_memory_begin();
    pthread_t *threads = xcalloc((size_t)jobs, sizeof *threads);
    worker_arg *args = xcalloc((size_t)jobs, sizeof *args);
    for (int i = 0; i < jobs; i++) {
        args[i].p = &p;
        args[i].id = i;
        pthread_create(&threads[i], NULL, worker_main, &args[i]);
    }
    bool ok = true;
    uint64_t cases = 0;
    double start = now_seconds(), shown = start;
    for (long seq = 0;; seq++) {
        slot *s = &p.slots[seq % p.nslots];
        if (s->seq >= 0)
            ok = finish_slot(&p, s, out, counts, &cases) && ok;
        cl_chunk *c = &s->chunk;
        c->out.len = 0;
        if (c->out.data)
            c->out.data[0] = '\0';
        memset(c->counts, 0, sizeof c->counts);
        if (!cl_reader_next(r, c))
            break;
        pthread_mutex_lock(&p.mu);
        s->seq = seq;
        s->done = false;
        p.filled = seq + 1;
        pthread_cond_signal(&p.work);
        pthread_mutex_unlock(&p.mu);
        if (w->progress && now_seconds() - shown > 0.25) {
            shown = now_seconds();
            show_progress(r, cases, start, false);
        }
    }
    /* The chunks still being worked on, in order. */
    long first = p.filled - p.nslots < 0 ? 0 : p.filled - p.nslots;
    for (long seq = first; seq < p.filled; seq++) {
        slot *s = &p.slots[seq % p.nslots];
        if (s->seq == seq)
            ok = finish_slot(&p, s, out, counts, &cases) && ok;
    }
    pthread_mutex_lock(&p.mu);
    p.closing = true;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (int i = 0; i < jobs; i++)
        pthread_join(threads[i], NULL);
    cl_json_memory_end();
    if (w->progress)
        show_progress(r, cases, start, true);
    for (int i = 0; i < p.nslots; i++) {
        arena_free(&p.slots[i].chunk.text);
        sb_free(&p.slots[i].chunk.out);
        free(p.slots[i].chunk.rec);
        free(p.slots[i].chunk.extra);
    }
    free(p.slots);
    free(threads);
    free(args);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    return ok;
}

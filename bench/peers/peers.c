/* SPDX-License-Identifier: Apache-2.0 */
/* make bench: the rule of SPEC.md three ways (lovc's generated C, naive C,
 * branch-free C) over one synthetic caseload in memory, in one process.
 *
 *   peers [N]                 N cases (default 1,000,000), paired rounds
 *   peers --only IMPL N       one pass of one implementation (or "none"),
 *                             for counting instructions under callgrind
 *
 * First every case is worked out by each of them and compared, decision by
 * decision, and a checksum over all decisions printed per implementation (a
 * benchmark of programs that disagree would mean nothing). Then rounds: in
 * each, every implementation runs over the whole caseload, one after the
 * other, so a busy machine slows all of them alike; printed are the best
 * time per case of each and the median of the per-round ratios. */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "peers.h"

enum { MONTHS = 12, CHUNK = 256, ROUNDS = 7, TRACE_CAP = 64 };

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

/* One case: a day in 2017-2024, twelve months of work ending in the month
 * before (now and then a month earlier, so one falls outside the window),
 * 0-39 hours a month, and a fact left out in about 7 % of the cases. */
static void make_case(spec225_input *in, spec225_Maaned *months)
{
    memset(in, 0, sizeof *in);
    lov_date day = 0;
    lov_date_from_ymd(2017 + (int32_t)rnd(8), 1 + (int)rnd(12), 1 + (int)rnd(28), &day);
    in->dag = day;
    in->maaneder_med_hjaelp = rnd(37);
    in->arbejdsevne = (spec225_Arbejdsevne)(rnd(10) == 0 ? 2 : rnd(2));
    in->forrevalidering = rnd(25) == 0;
    in->sygemeldt = rnd(20) == 0;
    in->sats = (spec225_Sats)rnd(2);
    in->partshoering_afsluttet = rnd(3) != 0;
    memset(&in->known, 1, sizeof in->known);
    in->known.maaneder_med_hjaelp = rnd(100) != 0;
    in->known.arbejdsevne = rnd(50) != 0;
    in->known.sygemeldt = rnd(100) != 0;
    in->known.partshoering_afsluttet = rnd(34) != 0;
    lov_date first = 0;
    lov_date_add_months(lov_date_month_start(day), -(int64_t)(MONTHS + (rnd(4) == 0)), LOV_MONTH_END_CLAMP, &first);
    for (int i = 0; i < MONTHS; i++) {
        lov_date_add_months(first, i, LOV_MONTH_END_CLAMP, &months[i].maaned);
        months[i].timer = rnd(40);
        months[i].ordinaert = rnd(6) != 0;
    }
    in->arbejde = months;
    in->arbejde_count = MONTHS;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- The implementations, as the benchmark calls them ---------------------------- */

static spec225_output outs[CHUNK];
static lov_trace_entry trace_entries[TRACE_CAP];

static lov_status run_naive(const spec225_input *in, size_t n)
{
    lov_status worst = LOV_OK;
    for (size_t i = 0; i < n; i++)
        worst |= naive_evaluate(&in[i], &outs[i % CHUNK]);
    return worst;
}

static lov_status run_branchfree(const spec225_input *in, size_t n)
{
    lov_status worst = LOV_OK;
    for (size_t i = 0; i < n; i++)
        worst |= branchfree_evaluate(&in[i], &outs[i % CHUNK]);
    return worst;
}

static lov_status run_generated(const spec225_input *in, size_t n)
{
    lov_status worst = LOV_OK;
    for (size_t i = 0; i < n; i++)
        worst |= spec225_evaluate(&in[i], &outs[i % CHUNK], NULL, NULL);
    return worst;
}

static lov_status run_batch(const spec225_input *in, size_t n)
{
    lov_status worst = LOV_OK;
    for (size_t i = 0; i < n; i += CHUNK)
        worst |= spec225_evaluate_batch(&in[i], outs, n - i < CHUNK ? n - i : CHUNK, NULL);
    return worst;
}

static lov_status run_traced(const spec225_input *in, size_t n)
{
    lov_status worst = LOV_OK;
    for (size_t i = 0; i < n; i++) {
        lov_trace t = {trace_entries, TRACE_CAP, 0, 0};
        worst |= spec225_evaluate(&in[i], &outs[i % CHUNK], &t, NULL);
    }
    return worst;
}

typedef struct impl {
    const char *name, *label;
    lov_status (*run)(const spec225_input *, size_t);
} impl;

static const impl impls[] = {
    {"naive", "hand-written C, naive", run_naive},
    {"branchfree", "hand-written C, branch-free", run_branchfree},
    {"generated", "lovc generated", run_generated},
    {"batch", "lovc generated, batch entry", run_batch},
    {"traced", "lovc generated, trace on", run_traced},
};
enum { NIMPL = sizeof impls / sizeof impls[0] };

/* ---- Agreement ---------------------------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t v)
{
    return (h ^ v) * UINT64_C(0x100000001b3);
}

/* A checksum of one case's decisions: every status, every decided value,
 * the held-back bits and the missing facts. */
static uint64_t decisions(uint64_t h, const spec225_output *o)
{
#define D(f) h = mix(h, (uint64_t)o->status.f), h = mix(h, o->status.f == LOV_OK ? (uint64_t)o->f : 0)
    D(omfattet);
    D(timer);
    D(undtaget);
    D(krav_opfyldt);
    D(beloeb);
    D(nedsaettelse);
#undef D
    h = mix(h, o->held_back.nedsaettelse);
    return mix(h, o->missing[0]);
}

static int agree(const spec225_input *cases, size_t n)
{
    uint64_t sums[NIMPL];
    long reductions = 0, held = 0, undetermined = 0, exempt = 0;
    for (int k = 0; k < NIMPL; k++)
        sums[k] = UINT64_C(0xcbf29ce484222325);
    for (size_t i = 0; i < n; i++) {
        spec225_output o[NIMPL];
        naive_evaluate(&cases[i], &o[0]);
        branchfree_evaluate(&cases[i], &o[1]);
        spec225_evaluate(&cases[i], &o[2], NULL, NULL);
        spec225_evaluate_batch(&cases[i], &o[3], 1, NULL);
        lov_trace t = {trace_entries, TRACE_CAP, 0, 0};
        spec225_evaluate(&cases[i], &o[4], &t, NULL);
        uint64_t first = decisions(0, &o[0]);
        for (int k = 0; k < NIMPL; k++) {
            sums[k] = decisions(sums[k], &o[k]);
            if (decisions(0, &o[k]) != first) {
                fprintf(stderr, "peers: case %zu: %s and %s decide differently (reduction %s %lld, held %u, "
                                "missing %llx; against %s %lld, held %u, missing %llx)\n",
                        i, impls[k].label, impls[0].label, lov_status_name(o[k].status.nedsaettelse),
                        (long long)o[k].nedsaettelse, o[k].held_back.nedsaettelse,
                        (unsigned long long)o[k].missing[0], lov_status_name(o[0].status.nedsaettelse),
                        (long long)o[0].nedsaettelse, o[0].held_back.nedsaettelse,
                        (unsigned long long)o[0].missing[0]);
                return 0;
            }
        }
        reductions += o[0].status.nedsaettelse == LOV_OK && o[0].nedsaettelse > 0;
        held += o[0].held_back.nedsaettelse != 0;
        undetermined += o[0].status.nedsaettelse == LOV_UNDETERMINED;
        exempt += o[0].status.undtaget == LOV_OK && o[0].undtaget;
    }
    printf("peers: %zu cases in memory: %ld reductions, %ld held back for the hearing, %ld exempt, "
           "%ld undetermined\n", n, reductions, held, exempt, undetermined);
    printf("  the same decisions, case by case; checksums:");
    for (int k = 0; k < NIMPL; k++)
        printf(" %s %016llx", impls[k].name, (unsigned long long)sums[k]);
    printf("\n");
    return 1;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    const char *only = NULL;
    size_t n = 1000000;
    if (argc == 4 && strcmp(argv[1], "--only") == 0) {
        only = argv[2];
        n = strtoul(argv[3], NULL, 10);
    } else if (argc == 2) {
        n = strtoul(argv[1], NULL, 10);
    }
    spec225_input *cases = malloc(n * sizeof *cases);
    spec225_Maaned *months = malloc(n * MONTHS * sizeof *months);
    if (!cases || !months || n == 0)
        return 1;
    for (size_t i = 0; i < n; i++)
        make_case(&cases[i], &months[i * MONTHS]);

    if (only) {
        for (int k = 0; k < NIMPL; k++)
            if (strcmp(only, impls[k].name) == 0)
                return impls[k].run(cases, n) > LOV_INVALID_INPUT;
        return strcmp(only, "none") != 0;
    }
    if (!agree(cases, n))
        return 1;

    double best[NIMPL], ratio[NIMPL][ROUNDS];
    for (int k = 0; k < NIMPL; k++)
        best[k] = 1e30;
    for (int r = 0; r < ROUNDS; r++) {
        double t[NIMPL];
        for (int k = 0; k < NIMPL; k++) {
            double t0 = now();
            impls[k].run(cases, n);
            t[k] = now() - t0;
            if (t[k] < best[k])
                best[k] = t[k];
        }
        for (int k = 0; k < NIMPL; k++)
            ratio[k][r] = t[k] / t[0];
    }
    printf("  %d paired rounds over the %zu cases, -O2:\n", ROUNDS, n);
    printf("  %-34s %10s %14s %16s\n", "implementation", "ns/case", "x naive (best)", "x naive (median)");
    for (int k = 0; k < NIMPL; k++) {
        qsort(ratio[k], ROUNDS, sizeof ratio[k][0], by_value);
        printf("  %-34s %10.1f %14.2f %16.2f\n", impls[k].label, best[k] / (double)n * 1e9, best[k] / best[0],
               ratio[k][ROUNDS / 2]);
    }
    free(cases);
    free(months);
    return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* make bench: the generated 225-hour evaluator against a careful
 * hand-written C version of the same rules, over 1,000,000 synthetic cases
 * with a year or two of monthly work records each.
 *
 * Both are run over the same cases; the results are compared case by case
 * first (a benchmark of two programs that disagree would mean nothing),
 * then each is timed. Prints evaluations per second and the ratio. */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_225.h"
#include "handwritten.h"

#ifndef NCASES
#define NCASES 1000000
#endif
enum { POOL = 4096, MAX_MONTHS = 24 };

typedef struct bench_case {
    bench_225_input in;
    bench_225_Arbejdsmaaned months[MAX_MONTHS];
} bench_case;

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

/* A synthetic case: a reference day in force, mostly known facts, 12-24
 * months of work around the 225-hour line. */
static void make_case(bench_case *c)
{
    memset(c, 0, sizeof *c);
    bench_225_input *in = &c->in;
    lov_date ref = 0;
    lov_date_from_ymd(2017 + (int32_t)rnd(8), 1 + (int)rnd(12), 1 + (int)rnd(28), &ref);
    in->reference_dato = ref;
    in->known.reference_dato = true;
    in->arbejdsevne = (bench_225_Arbejdsevne)rnd(3);
    in->known.arbejdsevne = rnd(50) != 0;
    in->sats = (bench_225_Sats)rnd(2);
    in->known.sats = true;
    in->maaneder_med_hjaelp_seneste_3_aar = rnd(37);
    in->known.maaneder_med_hjaelp_seneste_3_aar = true;
    in->maaneder_med_dokumenteret_sygdom = rnd(4) == 0 ? rnd(6) : 0;
    in->known.maaneder_med_dokumenteret_sygdom = true;
    in->i_forrevalidering = rnd(20) == 0;
    in->known.i_forrevalidering = true;
    in->partshoering_afsluttet = rnd(2);
    in->known.partshoering_afsluttet = rnd(30) != 0;
    in->afgoerelse_truffet = rnd(2);
    in->known.afgoerelse_truffet = true;
    size_t n = 12 + rnd(MAX_MONTHS - 11);
    lov_date first = 0;
    lov_date_add_months(lov_date_month_start(ref), -(int64_t)n, LOV_MONTH_END_CLAMP, &first);
    for (size_t i = 0; i < n; i++) {
        lov_date_add_months(first, (int64_t)i, LOV_MONTH_END_CLAMP, &c->months[i].maaned);
        c->months[i].timer = rnd(40);
        c->months[i].ordinaert = rnd(6) != 0;
    }
    in->arbejde = c->months;
    in->arbejde_count = n;
    in->known.arbejde = true;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Do both give the same decisions: every value, status, held-back prerequisite
 * and missing fact? */
static int same(const bench_225_output *a, const bench_225_output *b)
{
#define SAME(field) (a->status.field == b->status.field && (a->status.field != LOV_OK || a->field == b->field))
    return SAME(omfattet) && SAME(opgoerelsesperiode) && SAME(timer_i_perioden) && SAME(undtaget)
           && SAME(krav_opfyldt) && SAME(sats_nedsaettelse) && SAME(nedsaettelse) && SAME(partshoeringsbrev)
           && a->held_back.nedsaettelse == b->held_back.nedsaettelse && a->missing[0] == b->missing[0];
#undef SAME
}

int main(void)
{
    bench_case *pool = malloc(POOL * sizeof *pool);
    if (!pool)
        return 1;
    for (int i = 0; i < POOL; i++)
        make_case(&pool[i]);

    /* The two must agree before they are compared. */
    long reductions = 0, undetermined = 0;
    for (int i = 0; i < POOL; i++) {
        bench_225_output g, h;
        bench_225_evaluate(&pool[i].in, &g, NULL, NULL);
        handwritten_evaluate(&pool[i].in, &h);
        if (!same(&g, &h)) {
            fprintf(stderr, "bench: case %d: the generated and the hand-written results differ\n"
                            "  generated:    %s %lld, letter %s %d, held %u, missing %llx\n"
                            "  hand-written: %s %lld, letter %s %d, held %u, missing %llx\n", i,
                    lov_status_name(g.status.nedsaettelse), (long long)g.nedsaettelse,
                    lov_status_name(g.status.partshoeringsbrev), g.partshoeringsbrev, g.held_back.nedsaettelse,
                    (unsigned long long)g.missing[0],
                    lov_status_name(h.status.nedsaettelse), (long long)h.nedsaettelse,
                    lov_status_name(h.status.partshoeringsbrev), h.partshoeringsbrev, h.held_back.nedsaettelse,
                    (unsigned long long)h.missing[0]);
            return 1;
        }
        reductions += g.status.nedsaettelse == LOV_OK && g.nedsaettelse > 0;
        undetermined += g.status.nedsaettelse == LOV_UNDETERMINED;
    }

    double best_gen = 1e9, best_hand = 1e9;
    volatile lov_money sink = 0;
    for (int round = 0; round < 3; round++) {
        bench_225_output out;
        double t0 = now();
        for (int i = 0; i < NCASES; i++) {
            bench_225_evaluate(&pool[i % POOL].in, &out, NULL, NULL);
            sink += out.nedsaettelse;
        }
        double t1 = now();
        for (int i = 0; i < NCASES; i++) {
            handwritten_evaluate(&pool[i % POOL].in, &out);
            sink += out.nedsaettelse;
        }
        double t2 = now();
        if (t1 - t0 < best_gen)
            best_gen = t1 - t0;
        if (t2 - t1 < best_hand)
            best_hand = t2 - t1;
    }
    printf("bench: %d cases (%d distinct: %ld reductions, %ld undetermined), best of 3 runs\n", NCASES, POOL,
           reductions, undetermined);
    printf("  generated    %10.0f evaluations/s\n", NCASES / best_gen);
    printf("  hand-written %10.0f evaluations/s\n", NCASES / best_hand);
    printf("  ratio generated/hand-written time: %.2fx (goal: at most 1.20x)\n", best_gen / best_hand);
    free(pool);
    return 0;
}

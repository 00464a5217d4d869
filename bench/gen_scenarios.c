/* SPDX-License-Identifier: Apache-2.0 */
/* make bench: a scenario suite of N synthetic cases of bench/timer225.lov,
 * for timing 'lovc test'.
 *
 *   gen_scenarios N RULES.lov > SUITE.scn
 *
 * Each scenario gives the facts of one case (a reference day in force, a
 * year or so of monthly work in a table, now and then a fact left out) and
 * expects what bench/handwritten.c decides for it: the reduction's amount,
 * or that it is held back or undetermined, the hearing letter, and the
 * hours counted. So the suite passes when the compiled rules agree with
 * the hand-written ones, case by case. */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_225.h"
#include "handwritten.h"

enum { MAX_MONTHS = 15 };

static uint64_t rng_state = 0x2545F4914F6CDD1Du;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

static const char *date_text(lov_date d)
{
    static char buf[4][40];
    static int k;
    int32_t y;
    int m, day;
    lov_date_to_ymd(d, &y, &m, &day);
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%04d-%02d-%02d", (int)y, m, day);
    return buf[k];
}

/* 105400 øre as "1054.00 kr": a form the suite's scanner reads. */
static const char *money_text(lov_money m)
{
    static char buf[32];
    snprintf(buf, sizeof buf, "%s%lld.%02lld kr", m < 0 ? "-" : "", (long long)(m < 0 ? -m : m) / 100,
             (long long)(m < 0 ? -m : m) % 100);
    return buf;
}

static const char *const abilities[] = {"normal", "begrænset", "meget_begrænset"};
static const char *const rates[] = {"fuld_voksensats", "anden_sats"};

/* What the hand-written evaluator decided for an output, as an expectation. */
static void expect(const char *name, lov_status st, const char *value)
{
    if (st == LOV_OK)
        printf("    %s = %s\n", name, value);
    else
        printf("    %s is %s\n", name, lov_status_name(st));
}

static void scenario(int number)
{
    bench_225_input in;
    bench_225_Arbejdsmaaned months[MAX_MONTHS];
    memset(&in, 0, sizeof in);
    lov_date ref = 0;
    lov_date_from_ymd(2017 + (int32_t)rnd(8), 1 + (int)rnd(12), 1 + (int)rnd(28), &ref);
    in.reference_dato = ref;
    in.known.reference_dato = true;
    in.arbejdsevne = (bench_225_Arbejdsevne)rnd(3);
    in.known.arbejdsevne = rnd(50) != 0;
    in.sats = (bench_225_Sats)rnd(2);
    in.known.sats = true;
    in.maaneder_med_hjaelp_seneste_3_aar = rnd(37);
    in.known.maaneder_med_hjaelp_seneste_3_aar = true;
    in.maaneder_med_dokumenteret_sygdom = rnd(4) == 0 ? rnd(6) : 0;
    in.known.maaneder_med_dokumenteret_sygdom = true;
    in.i_forrevalidering = rnd(20) == 0;
    in.known.i_forrevalidering = true;
    in.partshoering_afsluttet = rnd(2);
    in.known.partshoering_afsluttet = rnd(30) != 0;
    in.afgoerelse_truffet = rnd(2);
    in.known.afgoerelse_truffet = true;
    size_t n = 12 + rnd(MAX_MONTHS - 11);
    lov_date first = 0;
    lov_date_add_months(lov_date_month_start(ref), -(int64_t)n, LOV_MONTH_END_CLAMP, &first);
    for (size_t i = 0; i < n; i++) {
        lov_date_add_months(first, (int64_t)i, LOV_MONTH_END_CLAMP, &months[i].maaned);
        months[i].timer = rnd(40);
        months[i].ordinaert = rnd(6) != 0;
    }
    in.arbejde = months;
    in.arbejde_count = n;
    in.known.arbejde = true;

    bench_225_output out;
    handwritten_evaluate(&in, &out);

    printf("\nscenario \"Sag %d\"\n  given\n", number);
    printf("    reference_dato = %s\n", date_text(in.reference_dato));
    if (in.known.arbejdsevne)
        printf("    arbejdsevne = %s\n", abilities[in.arbejdsevne]);
    printf("    sats = %s\n", rates[in.sats]);
    printf("    måneder_med_hjælp_seneste_3_år = %lld\n", (long long)in.maaneder_med_hjaelp_seneste_3_aar);
    printf("    måneder_med_dokumenteret_sygdom = %lld\n", (long long)in.maaneder_med_dokumenteret_sygdom);
    printf("    i_forrevalidering = %s\n", in.i_forrevalidering ? "yes" : "no");
    if (in.known.partshoering_afsluttet)
        printf("    partshøring_afsluttet = %s\n", in.partshoering_afsluttet ? "yes" : "no");
    printf("    afgørelse_truffet = %s\n", in.afgoerelse_truffet ? "yes" : "no");
    printf("    arbejde =\n      | måned      | timer | ordinært |\n");
    for (size_t i = 0; i < n; i++)
        printf("      | %s | %-5lld | %-8s |\n", date_text(months[i].maaned), (long long)months[i].timer,
               months[i].ordinaert ? "yes" : "no");
    printf("  expect\n");
    char value[64];
    snprintf(value, sizeof value, "%lld", (long long)out.timer_i_perioden);
    expect("timer_i_perioden", out.status.timer_i_perioden, value);
    if (out.status.nedsaettelse == LOV_OK && out.held_back.nedsaettelse)
        printf("    nedsættelse is held back\n");
    else if (out.status.nedsaettelse == LOV_OK && out.nedsaettelse == 0)
        printf("    no nedsættelse\n");
    else
        expect("nedsættelse", out.status.nedsaettelse, money_text(out.nedsaettelse));
    expect("partshøringsbrev", out.status.partshoeringsbrev, out.partshoeringsbrev ? "yes" : "no");
    /* The facts named as missing, by their bit (the order of the inputs). */
    static const char *const inputs[] = {
        "reference_dato", "arbejdsevne", "sats", "måneder_med_hjælp_seneste_3_år",
        "måneder_med_dokumenteret_sygdom", "arbejde", "i_forrevalidering", "partshøring_afsluttet",
        "afgørelse_truffet",
    };
    for (int i = 0; i < (int)(sizeof inputs / sizeof inputs[0]); i++)
        if (out.missing[0] >> i & 1)
            printf("    missing %s\n", inputs[i]);
}

int main(int argc, char **argv)
{
    if (argc != 3 || atoi(argv[1]) <= 0) {
        fprintf(stderr, "usage: gen_scenarios N RULES.lov > SUITE.scn\n");
        return 2;
    }
    int count = atoi(argv[1]);
    printf("# Generated by bench/gen_scenarios for make bench: %d synthetic cases, each\n"
           "# expecting what bench/handwritten.c decides for it.\n"
           "suite \"225-timers-reglen: %d scenarier\" for %s\n", count, count, argv[2]);
    for (int i = 1; i <= count; i++)
        scenario(i);
    return ferror(stdout) ? 1 : 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
#include "handwritten.h"

#include <string.h>

/* Reduction amounts by year (§ 13 g, stk. 1), full rate and other rate. */
static const struct {
    lov_date from;           /* first day of the amount */
    lov_money full, other;
} amounts[] = {
    {17075, 100000, 50000},  /* 2016-10-01 */
    {18262, 105400, 52600},  /* 2020-01-01 */
    {18628, 106700, 53300},  /* 2021-01-01 */
    {18993, 106900, 53400},  /* 2022-01-01 */
    {19358, 109000, 54400},  /* 2023-01-01 */
};

/* Inputs, by their bit in the missing-facts mask (the order of the .lov). */
enum { REFERENCE_DATE, ABILITY, RATE, MONTHS_OF_HELP, MONTHS_OF_ILLNESS, WORK, PREREVALIDATION,
       HEARING, DECISION };

/* A truth value as the rules read it, with the facts it lacked when unknown. */
typedef struct {
    enum { NO, YES, UNKNOWN } value;
    uint64_t missing;
} truth;

static truth fact(bool known, bool value, int input)
{
    truth t = {known ? (value ? YES : NO) : UNKNOWN, known ? 0 : UINT64_C(1) << input};
    return t;
}

/* 'and': no as soon as one side is no, whatever the other lacks. */
static truth and3(truth a, truth b)
{
    if (a.value == NO)
        return a;
    if (b.value == NO)
        return b;
    truth t = {a.value == YES && b.value == YES ? YES : UNKNOWN, a.missing | b.missing};
    return t;
}

/* 'or': yes as soon as one side is yes. */
static truth or3(truth a, truth b)
{
    if (a.value == YES)
        return a;
    if (b.value == YES)
        return b;
    truth t = {a.value == NO && b.value == NO ? NO : UNKNOWN, a.missing | b.missing};
    return t;
}

static truth not3(truth a)
{
    if (a.value != UNKNOWN)
        a.value = a.value == YES ? NO : YES;
    return a;
}

static lov_status status_of(truth t)
{
    return t.value == UNKNOWN ? LOV_UNDETERMINED : LOV_OK;
}

static bool valid_date(lov_date d)
{
    return d >= LOV_DATE_MIN && d <= LOV_DATE_MAX;
}

/* The facts must be values of their types. */
static bool valid_input(const bench_225_input *in)
{
    if (in->known.reference_dato && !valid_date(in->reference_dato))
        return false;
    if (in->known.arbejdsevne && (unsigned)in->arbejdsevne > 2)
        return false;
    if (in->known.sats && (unsigned)in->sats > 1)
        return false;
    if (in->known.arbejde) {
        if (in->arbejde_count > 0 && !in->arbejde)
            return false;
        for (size_t i = 0; i < in->arbejde_count; i++)
            if (!valid_date(in->arbejde[i].maaned))
                return false;
    }
    return true;
}

static void set_all(bench_225_output *out, lov_status st)
{
    out->status.omfattet = out->status.opgoerelsesperiode = out->status.timer_i_perioden = st;
    out->status.undtaget = out->status.krav_opfyldt = out->status.sats_nedsaettelse = st;
    out->status.nedsaettelse = out->status.partshoeringsbrev = st;
}

lov_status handwritten_evaluate(const bench_225_input *in, bench_225_output *out)
{
    memset(out, 0, sizeof *out);
    if (!valid_input(in)) {
        set_all(out, LOV_INVALID_INPUT);
        return LOV_INVALID_INPUT;
    }
    if (!in->known.reference_dato) {
        set_all(out, LOV_UNDETERMINED);
        out->missing[0] = UINT64_C(1) << REFERENCE_DATE;
        return LOV_UNDETERMINED;
    }
    lov_date ref = in->reference_dato;
    if (ref < 17075 || ref > 20269) {                   /* in force 2016-10-01 .. 2025-06-30 */
        set_all(out, LOV_NOT_APPLICABLE);
        return LOV_NOT_APPLICABLE;
    }

    /* § 13 f, stk. 1: help for at least a year within the last three. */
    truth covered = fact(in->known.maaneder_med_hjaelp_seneste_3_aar, in->maaneder_med_hjaelp_seneste_3_aar >= 12,
                         MONTHS_OF_HELP);
    out->omfattet = covered.value == YES;
    out->status.omfattet = status_of(covered);

    /* § 13 f, stk. 12: the period, extended by documented illness (at most 12 months). */
    bool period_known = in->known.maaneder_med_dokumenteret_sygdom;
    int64_t period = 12 + (in->maaneder_med_dokumenteret_sygdom < 12 ? in->maaneder_med_dokumenteret_sygdom : 12);
    out->opgoerelsesperiode = period_known ? period : 0;
    out->status.opgoerelsesperiode = period_known ? LOV_OK : LOV_UNDETERMINED;

    /* § 13 f, stk. 3: ordinary hours in the period before the reference month. */
    truth met = {UNKNOWN, (in->known.arbejde ? 0 : UINT64_C(1) << WORK)
                          | (period_known ? 0 : UINT64_C(1) << MONTHS_OF_ILLNESS)};
    out->status.timer_i_perioden = LOV_UNDETERMINED;
    if (in->known.arbejde) {
        lov_date month_start = lov_date_month_start(ref), window = 0;
        int64_t hours = 0;
        bool window_known = false;
        for (size_t i = 0; i < in->arbejde_count; i++) {
            const bench_225_Arbejdsmaaned *m = &in->arbejde[i];
            if (!m->ordinaert)
                continue;
            if (!window_known) {                   /* needed only once an ordinary month is seen */
                if (!period_known)
                    goto hours_unknown;
                if (lov_date_add_months(month_start, -period, LOV_MONTH_END_CLAMP, &window) != LOV_OK)
                    return LOV_OVERFLOW;
                window_known = true;
            }
            if (window <= m->maaned && m->maaned < month_start && __builtin_add_overflow(hours, m->timer, &hours))
                return LOV_OVERFLOW;
        }
        out->timer_i_perioden = hours;
        out->status.timer_i_perioden = LOV_OK;
        met.value = hours >= 225 ? YES : NO;
        met.missing = 0;
    }
hours_unknown:
    out->krav_opfyldt = met.value == YES;
    out->status.krav_opfyldt = status_of(met);

    /* § 13 f, stk. 9 and 10: exempt; an exemption known to apply is enough. */
    truth exempt = or3(fact(in->known.arbejdsevne, in->arbejdsevne == bench_225_Arbejdsevne_meget_begraenset, ABILITY),
                       fact(in->known.i_forrevalidering, in->i_forrevalidering, PREREVALIDATION));
    out->undtaget = exempt.value == YES;
    out->status.undtaget = status_of(exempt);

    /* § 13 g, stk. 1: the amount by rate and year. */
    out->status.sats_nedsaettelse = in->known.sats ? LOV_OK : LOV_UNDETERMINED;
    if (in->known.sats) {
        int k = 0;
        for (int i = 0; i < (int)(sizeof amounts / sizeof amounts[0]); i++)
            if (amounts[i].from <= ref)
                k = i;
        out->sats_nedsaettelse = in->sats == bench_225_Sats_fuld_voksensats ? amounts[k].full : amounts[k].other;
    }

    /* The reduction, held back until the hearing and the decision. */
    truth applies = and3(and3(covered, not3(exempt)), not3(met));
    truth hearing = fact(in->known.partshoering_afsluttet, in->partshoering_afsluttet, HEARING);
    truth decision = fact(in->known.afgoerelse_truffet, in->afgoerelse_truffet, DECISION);
    uint64_t reduction_missing = 0;
    if (applies.value == UNKNOWN) {
        out->status.nedsaettelse = LOV_UNDETERMINED;
        reduction_missing = applies.missing;
    } else if (applies.value == YES && !in->known.sats) {
        out->status.nedsaettelse = LOV_UNDETERMINED;
        reduction_missing = UINT64_C(1) << RATE;
    } else if (applies.value == YES) {
        uint32_t held = (uint32_t)(hearing.value != YES) | (uint32_t)(decision.value != YES) << 1;
        out->held_back.nedsaettelse = held;
        out->nedsaettelse = held ? 0 : out->sats_nedsaettelse;
        if (held && hearing.value != NO && decision.value != NO) {
            out->status.nedsaettelse = LOV_UNDETERMINED;
            reduction_missing = hearing.missing | decision.missing;
        }
    }

    /* The hearing letter: the same conditions, and no hearing held yet. */
    truth letter = and3(applies, not3(hearing));
    out->partshoeringsbrev = letter.value == YES;
    out->status.partshoeringsbrev = status_of(letter);

    lov_status st = out->status.nedsaettelse;
    if (st == LOV_OK)
        st = out->status.partshoeringsbrev;
    out->missing[0] = reduction_missing | (letter.value == UNKNOWN ? letter.missing : 0);
    return st;
}

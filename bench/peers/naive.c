/* SPDX-License-Identifier: Apache-2.0 */
/* SPEC.md in C, as a vendor's engineer would first write it: three-valued
 * truth where a fact may be unknown, early exits, one pass per decision. */
#include "peers.h"

#include <string.h>

/* The facts, by their bit in the missing-facts mask (the order of the page). */
enum { DAY, MONTHS_OF_HELP, ABILITY, PREREHAB, SICK, RATE, HEARING, WORK };

typedef struct {
    enum { NO, YES, UNKNOWN } value;
    uint64_t missing;        /* when unknown: the facts it lacked */
} truth;

static truth fact(bool known, bool value, int input)
{
    truth t = {known ? (value ? YES : NO) : UNKNOWN, known ? 0 : UINT64_C(1) << input};
    return t;
}

/* 'and': no as soon as one side is no, whatever the other side lacks. */
static truth and3(truth a, truth b)
{
    if (a.value == NO)
        return a;
    if (b.value == NO)
        return b;
    truth t = {a.value == YES && b.value == YES ? YES : UNKNOWN, a.missing | b.missing};
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

static const struct {
    lov_date from;
    lov_money full, other;
} amounts[] = {
    {17075, 100000, 50000},  /* 2016-10-01 */
    {18262, 105400, 52600},  /* 2020-01-01 */
    {18628, 106700, 53300},  /* 2021-01-01 */
    {18993, 106900, 53400},  /* 2022-01-01 */
    {19358, 109000, 54400},  /* 2023-01-01 */
};

static void set_all(spec225_output *out, lov_status st)
{
    out->status.omfattet = out->status.timer = out->status.undtaget = st;
    out->status.krav_opfyldt = out->status.beloeb = out->status.nedsaettelse = st;
}

static bool valid(const spec225_input *in)
{
    if (in->known.dag && !lov_date_valid(in->dag))
        return false;
    if (in->known.arbejdsevne && (unsigned)in->arbejdsevne > 2)
        return false;
    if (in->known.sats && (unsigned)in->sats > 1)
        return false;
    if (in->known.arbejde) {
        if (in->arbejde_count > 0 && !in->arbejde)
            return false;
        for (size_t i = 0; i < in->arbejde_count; i++)
            if (!lov_date_valid(in->arbejde[i].maaned))
                return false;
    }
    return true;
}

lov_status naive_evaluate(const spec225_input *in, spec225_output *out)
{
    memset(out, 0, sizeof *out);
    if (!valid(in)) {
        set_all(out, LOV_INVALID_INPUT);
        return LOV_INVALID_INPUT;
    }
    if (!in->known.dag) {
        set_all(out, LOV_UNDETERMINED);
        out->missing[0] = UINT64_C(1) << DAY;
        return LOV_UNDETERMINED;
    }
    lov_date day = in->dag;
    if (day < 17075) {                                  /* in force from 2016-10-01 */
        set_all(out, LOV_NOT_APPLICABLE);
        return LOV_NOT_APPLICABLE;
    }

    truth covered = fact(in->known.maaneder_med_hjaelp, in->maaneder_med_hjaelp >= 12, MONTHS_OF_HELP);
    out->omfattet = covered.value == YES;
    out->status.omfattet = status_of(covered);

    /* Hours within the 12 months before the month of the day. */
    truth met = {UNKNOWN, UINT64_C(1) << WORK};
    out->status.timer = out->status.krav_opfyldt = LOV_UNDETERMINED;
    if (in->known.arbejde) {
        lov_date month = lov_date_month_start(day), from = 0;
        if (lov_date_add_months(month, -12, LOV_MONTH_END_CLAMP, &from) != LOV_OK) {
            out->status.timer = out->status.krav_opfyldt = LOV_OVERFLOW;
            met.missing = 0;
        } else {
            int64_t hours = 0;
            bool overflow = false;
            for (size_t i = 0; i < in->arbejde_count && !overflow; i++) {
                const spec225_Maaned *m = &in->arbejde[i];
                if (m->ordinaert && from <= m->maaned && m->maaned < month)
                    overflow = __builtin_add_overflow(hours, m->timer, &hours);
            }
            if (overflow) {
                out->status.timer = out->status.krav_opfyldt = LOV_OVERFLOW;
                met.missing = 0;
            } else {
                out->timer = hours;
                out->status.timer = out->status.krav_opfyldt = LOV_OK;
                out->krav_opfyldt = hours >= 225;
                met.value = hours >= 225 ? YES : NO;
                met.missing = 0;
            }
        }
    }

    /* Exempt: one exemption known to apply is enough. */
    truth very_limited = fact(in->known.arbejdsevne, in->arbejdsevne == spec225_Arbejdsevne_meget_begraenset, ABILITY);
    truth prerehab = fact(in->known.forrevalidering, in->forrevalidering, PREREHAB);
    truth sick = fact(in->known.sygemeldt, in->sygemeldt, SICK);
    truth exempt;
    if (very_limited.value == YES || prerehab.value == YES || sick.value == YES)
        exempt = (truth){YES, 0};
    else if (very_limited.value == NO && prerehab.value == NO && sick.value == NO)
        exempt = (truth){NO, 0};
    else
        exempt = (truth){UNKNOWN, very_limited.missing | prerehab.missing | sick.missing};
    out->undtaget = exempt.value == YES;
    out->status.undtaget = status_of(exempt);

    /* The amount, by rate and date. */
    out->status.beloeb = in->known.sats ? LOV_OK : LOV_UNDETERMINED;
    if (in->known.sats) {
        int k = 0;
        for (int i = 0; i < 5; i++)
            if (amounts[i].from <= day)
                k = i;
        out->beloeb = in->sats == spec225_Sats_fuld ? amounts[k].full : amounts[k].other;
    }

    /* The reduction, held back until the hearing. */
    if (met.value == UNKNOWN && met.missing == 0) {     /* the hours overflowed: no reduction can be worked out */
        truth before = and3(covered, not3(exempt));
        out->status.nedsaettelse = before.value == NO ? LOV_OK : LOV_OVERFLOW;
        return out->status.nedsaettelse;
    }
    truth applies = and3(and3(covered, not3(exempt)), not3(met));
    if (applies.value == UNKNOWN) {
        out->status.nedsaettelse = LOV_UNDETERMINED;
        out->missing[0] = applies.missing;
        return LOV_UNDETERMINED;
    }
    if (applies.value == NO) {
        out->status.nedsaettelse = LOV_OK;
        return LOV_OK;
    }
    if (!in->known.sats) {
        out->status.nedsaettelse = LOV_UNDETERMINED;
        out->missing[0] = UINT64_C(1) << RATE;
        return LOV_UNDETERMINED;
    }
    out->held_back.nedsaettelse = !in->known.partshoering_afsluttet || !in->partshoering_afsluttet;
    out->nedsaettelse = out->held_back.nedsaettelse ? 0 : out->beloeb;
    if (!in->known.partshoering_afsluttet) {
        out->status.nedsaettelse = LOV_UNDETERMINED;
        out->missing[0] = UINT64_C(1) << HEARING;
        return LOV_UNDETERMINED;
    }
    out->status.nedsaettelse = LOV_OK;
    return LOV_OK;
}

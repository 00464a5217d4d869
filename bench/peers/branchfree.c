/* SPDX-License-Identifier: Apache-2.0 */
/* SPEC.md in C, written for speed: when every fact is known (nearly every
 * case), straight-line code with no branch on the case's data (selects,
 * masks, a sum that notes an overflow and checks it once); a case with an
 * unknown or invalid fact takes the naive version, which explains it. */
#include "peers.h"

/* The amounts by period (§ 13 g, stk. 1): the first day of each. */
static const lov_date period_from[5] = {17075, 18262, 18628, 18993, 19358};
static const lov_money amount_full[5] = {100000, 105400, 106700, 106900, 109000};
static const lov_money amount_other[5] = {50000, 52600, 53300, 53400, 54400};

lov_status branchfree_evaluate(const spec225_input *in, spec225_output *out)
{
    const spec225_Maaned *work = in->arbejde;
    size_t n = in->arbejde_count;
    lov_date day = in->dag;

    /* Known and valid, checked in one go (the list's dates in the loop below). */
    bool all_known = in->known.dag & in->known.maaneder_med_hjaelp & in->known.arbejdsevne
                     & in->known.forrevalidering & in->known.sygemeldt & in->known.sats
                     & in->known.partshoering_afsluttet & in->known.arbejde;
    bool bad = !all_known | (day < 17075) | (day > LOV_DATE_MAX) | ((unsigned)in->arbejdsevne > 2)
               | ((unsigned)in->sats > 1) | (n > 0 && work == NULL);
    if (bad)
        return naive_evaluate(in, out);

    lov_date month = lov_date_month_start(day), from = 0;
    if (lov_date_add_months(month, -12, LOV_MONTH_END_CLAMP, &from) != LOV_OK)
        return naive_evaluate(in, out);
    int64_t hours = 0;
    bool overflow = false, bad_date = false;
    for (size_t i = 0; i < n; i++) {
        const spec225_Maaned *m = &work[i];
        bool counts = m->ordinaert & (from <= m->maaned) & (m->maaned < month);
        overflow |= __builtin_add_overflow(hours, counts ? m->timer : 0, &hours);
        bad_date |= !lov_date_valid(m->maaned);
    }
    if (overflow | bad_date)
        return naive_evaluate(in, out);

    size_t period = 0;
    for (size_t i = 1; i < 5; i++)
        period += period_from[i] <= day;
    lov_money amount = in->sats == spec225_Sats_fuld ? amount_full[period] : amount_other[period];
    bool covered = in->maaneder_med_hjaelp >= 12;
    bool exempt = (in->arbejdsevne == spec225_Arbejdsevne_meget_begraenset) | in->forrevalidering | in->sygemeldt;
    bool met = hours >= 225;
    bool applies = covered & !exempt & !met;
    bool held = applies & !in->partshoering_afsluttet;

    out->omfattet = covered;
    out->timer = hours;
    out->undtaget = exempt;
    out->krav_opfyldt = met;
    out->beloeb = amount;
    out->nedsaettelse = applies & !held ? amount : 0;
    out->status.omfattet = out->status.timer = out->status.undtaget = LOV_OK;
    out->status.krav_opfyldt = out->status.beloeb = out->status.nedsaettelse = LOV_OK;
    out->held_back.nedsaettelse = held;
    out->missing[0] = 0;
    out->info.reason = LOV_REASON_NONE;
    out->info.input = out->info.provision = out->info.other_provision = -1;
    return LOV_OK;
}

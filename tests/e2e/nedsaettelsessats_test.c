/* SPDX-License-Identifier: Apache-2.0 */
/* End-to-end cases for examples/nedsaettelsessats/nedsaettelsessats.lov:
 * how much the help is reduced under the 225-hour rule (aktivloven § 13 g,
 * stk. 1), by year and by the rate the person receives.
 *
 * The figures are the published amounts (1 000/500 kr at 2016 level,
 * 1 054/526 kr in 2020, 1 067/533 kr in 2021, 1 069/534 kr in 2022), in øre.
 * The module leaves 2017-2019 and 2023 out on purpose, and is in force from
 * 2016-10-01 until 2025-06-30. Inputs by index: 0 reference_dato,
 * 1 civilstand, 2 hjælpsniveau. */
#include "check.h"
#include "nedsaettelsessats.h"

static nedsaettelsessats_output out;

/* An unmarried person on the given rate, for the given day. */
static lov_status eval(lov_date day, nedsaettelsessats_Civilstand civ, nedsaettelsessats_Hjaelpsniveau niv)
{
    nedsaettelsessats_input in;
    memset(&in, 0, sizeof in);
    in.reference_dato = day;
    in.civilstand = civ;
    in.hjaelpsniveau = niv;
    in.known.reference_dato = in.known.civilstand = in.known.hjaelpsniveau = true;
    return nedsaettelsessats_evaluate(&in, &out, NULL, NULL);
}

#define UGIFT nedsaettelsessats_Civilstand_ugift
#define GIFT nedsaettelsessats_Civilstand_gift
#define FULD nedsaettelsessats_Hjaelpsniveau_fuld_voksensats
#define ANDEN nedsaettelsessats_Hjaelpsniveau_anden_sats
#define UDD_OVER nedsaettelsessats_Hjaelpsniveau_uddannelseshjaelp_over_su_niveau
#define UDD_SU nedsaettelsessats_Hjaelpsniveau_uddannelseshjaelp_paa_su_niveau

/* § 13 g, stk. 1: full adult rate in 2020 is reduced by 1 054 kr a month. The
 * rate's year is 2020 and it applies from 1 January to 31 December. Half of
 * 1 054 kr is 527.00 kr exactly, also in whole kroner. */
static void fuld_sats_2020(void)
{
    CHECK_STATUS(eval(D(2020, 6, 15), UGIFT, FULD), LOV_OK);
    CHECK_MONEY(out.maanedlig_nedsaettelse, 105400);
    CHECK_MONEY(out.sats_efter_hjaelpsniveau, 105400);
    CHECK_INT(out.satsaar, 2020);
    CHECK_DATE(out.satsen_gaelder_fra, D(2020, 1, 1));
    CHECK_DATE(out.satsen_gaelder_til, D(2020, 12, 31));
    CHECK_MONEY(out.halvdelen_af_fuld_sats, 52700);
    CHECK_MONEY(out.halvdelen_i_hele_kroner, 52700);
    CHECK_WHY(out, LOV_REASON_NONE, -1, 0);
}

/* 2021: another rate (e.g. youth rate) gives the half amount, 533 kr. Half
 * the full 1 067 kr is 533.50 kr to the øre, 534 kr rounded half up to
 * whole kroner: the published 533 kr lies 1 kr under it, as the
 * assertions allow. */
static void anden_sats_2021(void)
{
    CHECK_STATUS(eval(D(2021, 3, 1), UGIFT, ANDEN), LOV_OK);
    CHECK_MONEY(out.maanedlig_nedsaettelse, 53300);
    CHECK_MONEY(out.halvdelen_af_fuld_sats, 53350);
    CHECK_MONEY(out.halvdelen_i_hele_kroner, 53400);
    CHECK_INT(out.satsaar, 2021);
}

/* 2022: education help above SU level counts with the other rates (534 kr);
 * at SU level there is no reduction at all (0 kr). 1 069 kr / 2 = 534.50 kr,
 * 535 kr in whole kroner. */
static void uddannelseshjaelp_2022(void)
{
    CHECK_STATUS(eval(D(2022, 11, 30), UGIFT, UDD_OVER), LOV_OK);
    CHECK_MONEY(out.maanedlig_nedsaettelse, 53400);
    CHECK_MONEY(out.halvdelen_af_fuld_sats, 53450);
    CHECK_MONEY(out.halvdelen_i_hele_kroner, 53500);

    CHECK_STATUS(eval(D(2022, 11, 30), UGIFT, UDD_SU), LOV_OK);
    CHECK_MONEY(out.maanedlig_nedsaettelse, 0);
    CHECK_MONEY(out.sats_efter_hjaelpsniveau, 0);
}

/* The rule took effect for benefits from 1 October 2016, at 2016 level:
 * 1 000 kr. The period of the 2016 rate starts on 2016-10-01, not 1 January. */
static void niveau_2016(void)
{
    CHECK_STATUS(eval(D(2016, 10, 1), UGIFT, FULD), LOV_OK);
    CHECK_MONEY(out.maanedlig_nedsaettelse, 100000);
    CHECK_DATE(out.satsen_gaelder_fra, D(2016, 10, 1));
    CHECK_DATE(out.satsen_gaelder_til, D(2016, 12, 31));

    CHECK_STATUS(eval(D(2016, 12, 31), UGIFT, ANDEN), LOV_OK);
    CHECK_MONEY(out.maanedlig_nedsaettelse, 50000);
}

/* The amounts change on 1 January: 31 December 2020 still 1 054 kr,
 * 1 January 2021 already 1 067 kr. */
static void aarsskifte(void)
{
    CHECK_STATUS(eval(D(2020, 12, 31), UGIFT, FULD), LOV_OK);
    CHECK_MONEY(out.maanedlig_nedsaettelse, 105400);
    CHECK_STATUS(eval(D(2021, 1, 1), UGIFT, FULD), LOV_OK);
    CHECK_MONEY(out.maanedlig_nedsaettelse, 106700);
}

/* § 13 g covers unmarried persons only; for married couples § 26, stk. 5-8
 * applies, so this module gives 0 kr, whatever the rate. */
static void gift(void)
{
    CHECK_STATUS(eval(D(2021, 5, 1), GIFT, FULD), LOV_OK);
    CHECK_MONEY(out.maanedlig_nedsaettelse, 0);
    CHECK_MONEY(out.sats_efter_hjaelpsniveau, 106700);
}

/* 2018 is inside the period in force, but its amount is not read in an official source:
 * the module answers 'not applicable' (no dated value), never a guess. The
 * year and the period of the rate do not need the table and are decided. */
static void aar_uden_sats(void)
{
    CHECK_STATUS(eval(D(2018, 5, 1), UGIFT, FULD), LOV_NOT_APPLICABLE);
    CHECK_STATUS(out.status.maanedlig_nedsaettelse, LOV_NOT_APPLICABLE);
    CHECK_MONEY(out.maanedlig_nedsaettelse, 0);
    CHECK_STATUS(out.status.sats_efter_hjaelpsniveau, LOV_NOT_APPLICABLE);
    CHECK_STATUS(out.status.satsaar, LOV_OK);
    CHECK_INT(out.satsaar, 2018);
    CHECK_STATUS(out.status.satsen_gaelder_fra, LOV_OK);
    CHECK_DATE(out.satsen_gaelder_fra, D(2018, 1, 1));
    CHECK_WHY(out, LOV_REASON_NO_PARAMETER_VALUE, -1, 0);
    /* the parameter concerned: nedsættelse_fuld_sats */
    CHECK(out.info.provision >= 0);
    if (out.info.provision >= 0)
        CHECK_STR(nedsaettelsessats_descriptor.provisions[out.info.provision].name,
                  "nedsættelse_fuld_sats");

    /* The same for 2023 (only a secondary source gives "about 1 090 kr"). */
    CHECK_STATUS(eval(D(2023, 2, 1), UGIFT, ANDEN), LOV_NOT_APPLICABLE);
    CHECK_INT(out.info.reason, LOV_REASON_NO_PARAMETER_VALUE);

    /* The last day in force, 30 June 2025: in force, but no amount. The
     * rate's period ends with the rule, on 2025-06-30. */
    CHECK_STATUS(eval(D(2025, 6, 30), UGIFT, FULD), LOV_NOT_APPLICABLE);
    CHECK_INT(out.info.reason, LOV_REASON_NO_PARAMETER_VALUE);
    CHECK_STATUS(out.status.satsen_gaelder_til, LOV_OK);
    CHECK_DATE(out.satsen_gaelder_til, D(2025, 6, 30));
}

/* A married person's reduction needs no rate, so it is decided (0 kr) even in
 * a year without amounts; the rate itself is not. */
static void gift_i_aar_uden_sats(void)
{
    CHECK_STATUS(eval(D(2018, 5, 1), GIFT, FULD), LOV_OK);
    CHECK_STATUS(out.status.maanedlig_nedsaettelse, LOV_OK);
    CHECK_MONEY(out.maanedlig_nedsaettelse, 0);
    CHECK_STATUS(out.status.sats_efter_hjaelpsniveau, LOV_NOT_APPLICABLE);
}

/* Outside the period in force (before 2016-10-01, from 2025-07-01 when the
 * rule was abolished) every decision is 'not applicable'. */
static void uden_for_perioden(void)
{
    CHECK_STATUS(eval(D(2016, 9, 30), UGIFT, FULD), LOV_NOT_APPLICABLE);
    CHECK_STATUS(out.status.maanedlig_nedsaettelse, LOV_NOT_APPLICABLE);
    CHECK_STATUS(out.status.satsaar, LOV_NOT_APPLICABLE);
    CHECK_WHY(out, LOV_REASON_OUT_OF_FORCE, -1, 0);

    CHECK_STATUS(eval(D(2025, 7, 1), UGIFT, FULD), LOV_NOT_APPLICABLE);
    CHECK_STATUS(out.status.satsen_gaelder_til, LOV_NOT_APPLICABLE);
    CHECK_WHY(out, LOV_REASON_OUT_OF_FORCE, -1, 0);
}

/* Facts that are not supplied: without the rate the amount is undetermined
 * and names hjælpsniveau (input 2); without the marital status likewise
 * names civilstand (input 1). The year is decided all the same. */
static void manglende_fakta(void)
{
    nedsaettelsessats_input in;
    memset(&in, 0, sizeof in);
    in.reference_dato = D(2021, 4, 1);
    in.civilstand = UGIFT;
    in.known.reference_dato = in.known.civilstand = true;
    CHECK_STATUS(nedsaettelsessats_evaluate(&in, &out, NULL, NULL), LOV_UNDETERMINED);
    CHECK_STATUS(out.status.maanedlig_nedsaettelse, LOV_UNDETERMINED);
    CHECK_MONEY(out.maanedlig_nedsaettelse, 0);
    CHECK_STATUS(out.status.satsaar, LOV_OK);
    CHECK_INT(out.satsaar, 2021);
    CHECK_WHY(out, LOV_REASON_MISSING_FACT, 2, BIT(2));

    in.known.civilstand = false;
    in.hjaelpsniveau = FULD;
    in.known.hjaelpsniveau = true;
    CHECK_STATUS(nedsaettelsessats_evaluate(&in, &out, NULL, NULL), LOV_UNDETERMINED);
    CHECK_WHY(out, LOV_REASON_MISSING_FACT, 1, BIT(1));

    /* Married, rate unknown: the rate does not matter. */
    in.civilstand = GIFT;
    in.known.civilstand = true;
    in.known.hjaelpsniveau = false;
    CHECK_STATUS(nedsaettelsessats_evaluate(&in, &out, NULL, NULL), LOV_OK);
    CHECK_MONEY(out.maanedlig_nedsaettelse, 0);
    CHECK_WHY(out, LOV_REASON_NONE, -1, 0);
}

/* The trace of the 2021 full rate: each definition in dependency order, the
 * dated parameters as they are read, and the values they had. */
static void trace_2021(void)
{
    nedsaettelsessats_input in;
    memset(&in, 0, sizeof in);
    in.reference_dato = D(2021, 8, 10);
    in.civilstand = UGIFT;
    in.hjaelpsniveau = FULD;
    in.known.reference_dato = in.known.civilstand = in.known.hjaelpsniveau = true;
    lov_trace_entry entries[32];
    lov_trace t = { entries, 32, 0, 0 };
    CHECK_STATUS(nedsaettelsessats_evaluate(&in, &out, &t, NULL), LOV_OK);
    static const e2e_step want[] = {
        { "nedsættelse_fuld_sats", NULL, LOV_TRACE_VALUE },
        { "sats_efter_hjælpsniveau", NULL, LOV_TRACE_VALUE },
        { "månedlig_nedsættelse", NULL, LOV_TRACE_VALUE },
        { "satsår", NULL, LOV_TRACE_VALUE },
        { "satsen_gælder_fra", NULL, LOV_TRACE_VALUE },
        { "satsen_gælder_til", NULL, LOV_TRACE_VALUE },
        { "halvdelen_af_fuld_sats", NULL, LOV_TRACE_VALUE },
        { "halvdelen_i_hele_kroner", NULL, LOV_TRACE_VALUE },
        { "nedsættelse_halv_sats", NULL, LOV_TRACE_VALUE },   /* read first by an assertion */
        { "halv_sats_højst_1_kr_under_halvdelen", NULL, LOV_TRACE_VALUE },
        { "halv_sats_tæt_på_halvdelen", NULL, LOV_TRACE_VALUE },
        { "aldrig_mere_end_fuld_sats", NULL, LOV_TRACE_VALUE },
        { "fuld_sats_mindst_2016_niveau", NULL, LOV_TRACE_VALUE },
    };
    CHECK_TRACE(&nedsaettelsessats_descriptor, &t, want);
    if (t.count == 13) {
        CHECK_MONEY(entries[8].value.money, 53300);
        for (int i = 9; i < 13; i++)
            CHECK_BOOL(entries[i].value.b, true);   /* the assertions hold */
        CHECK_MONEY(entries[0].value.money, 106700);
        CHECK_MONEY(entries[2].value.money, 106700);
        CHECK_INT(entries[3].value.i, 2021);
        CHECK_DATE(entries[5].value.date, D(2021, 12, 31));
        CHECK_MONEY(entries[6].value.money, 53350);
        CHECK_MONEY(entries[7].value.money, 53400);
    }
}

int main(int argc, char **argv)
{
    e2e_init(argc, argv);
    RUN(fuld_sats_2020);
    RUN(anden_sats_2021);
    RUN(uddannelseshjaelp_2022);
    RUN(niveau_2016);
    RUN(aarsskifte);
    RUN(gift);
    RUN(aar_uden_sats);
    RUN(gift_i_aar_uden_sats);
    RUN(uden_for_perioden);
    RUN(manglende_fakta);
    RUN(trace_2021);
    return e2e_summary("nedsaettelsessats_test");
}

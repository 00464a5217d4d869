/* SPDX-License-Identifier: Apache-2.0 */
/* End-to-end cases for examples/sanktion/sanktion.lov: the deduction for a
 * missed job interview (aktivloven §§ 35 and 37).
 *
 * The rules (read from the .lov): days from the missed interview until
 * contact is restored, the day itself included and the day of contact not;
 * when contact is not restored, up to and including the day of the decision;
 * at least 1 day. Daily rate: monthly help x 12 / 365, rounded down to øre.
 * The deduction is an adverse outcome with five prerequisites, in this
 * order (bit i of held_back.fradrag):
 *   0  written, specific guidance was given             (§ 35, stk. 1)
 *   1  at most 3 whole calendar months since the month of the interview (§ 35, stk. 3)
 *   2  aktivitetsparat implies a personal contact attempt (§ 35)
 *   3  the hearing is done                               (fvl § 19, stk. 1)
 *   4  the decision is written and reasoned              (fvl § 22)
 * No deduction for a missed interview with a reasonable excuse (§ 35, stk. 3).
 *
 * Inputs by index: 0 afgørelsesdag (the reference date), 1 udeblivelsesdag,
 * 2 kontakt_genoprettet, 3 rimelig_grund, 4 skriftlig_vejledning,
 * 5 aktivitetsparat, 6 personlig_kontakt_forsøgt, 7 partshøring_gennemført,
 * 8 månedlig_hjælp, 9 begrundet_afgørelse.
 *
 * Monthly help 12 550 kr: daily rate 1 255 000 øre x 12 / 365 =
 * 15 060 000 / 365 = 41 260.27 øre, rounded down 412.60 kr. */
#include "check.h"
#include "sanktion.h"

#define HJAELP 1255000    /* 12 550 kr */
#define DAGSSATS 41260    /* 412.60 kr */

static sanktion_output out;

/* A case where every condition for a deduction holds: an aktivitetsparat
 * person missed the interview on Monday 6 March 2023, a personal contact was
 * attempted, contact was restored on Thursday 9 March, guidance was given,
 * the hearing is done, and the reasoned decision is made on 20 March. */
static sanktion_input base(void)
{
    sanktion_input in;
    memset(&in, 0, sizeof in);
    in.afgoerelsesdag = D(2023, 3, 20);
    in.udeblivelsesdag = D(2023, 3, 6);
    in.kontakt_genoprettet.present = true;
    in.kontakt_genoprettet.value = D(2023, 3, 9);
    in.rimelig_grund = false;
    in.skriftlig_vejledning = true;
    in.aktivitetsparat = true;
    in.personlig_kontakt_forsoegt = true;
    in.partshoering_gennemfoert = true;
    in.maanedlig_hjaelp = HJAELP;
    in.begrundet_afgoerelse = true;
    in.known.afgoerelsesdag = in.known.udeblivelsesdag = in.known.kontakt_genoprettet = true;
    in.known.rimelig_grund = in.known.skriftlig_vejledning = in.known.aktivitetsparat = true;
    in.known.personlig_kontakt_forsoegt = in.known.partshoering_gennemfoert = true;
    in.known.maanedlig_hjaelp = in.known.begrundet_afgoerelse = true;
    return in;
}

static lov_status eval(const sanktion_input *in)
{
    return sanktion_evaluate(in, &out, NULL, NULL);
}

/* § 37: 6, 7 and 8 March are deducted (contact on the 9th): 3 days at
 * 412.60 kr = 1 237.80 kr. Every prerequisite holds: nothing held back. */
static void fradrag_tre_dage(void)
{
    sanktion_input in = base();
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_INT(out.fradragsdage, 3);
    CHECK_MONEY(out.dagssats, DAGSSATS);
    CHECK_MONEY(out.fradragsbeloeb, 123780);
    CHECK_INT(out.kalendermaaneder_efter_udeblivelsen, 0);
    CHECK_STATUS(out.status.fradrag, LOV_OK);
    CHECK_MONEY(out.fradrag, 123780);
    CHECK_INT(out.held_back.fradrag, 0);
    CHECK_WHY(out, LOV_REASON_NONE, -1, 0);
}

/* Contact not restored (known to be absent): from 6 March up to and including
 * the decision on 20 March, 15 days = 6 189.00 kr. */
static void kontakt_ikke_genoprettet(void)
{
    sanktion_input in = base();
    in.kontakt_genoprettet.present = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_INT(out.fradragsdage, 15);
    CHECK_MONEY(out.fradrag, 618900);
}

/* Contact restored the day after: 1 day. Contact the same day: still at
 * least the day itself, 1 day. */
static void mindst_en_dag(void)
{
    sanktion_input in = base();
    in.kontakt_genoprettet.value = D(2023, 3, 7);
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_INT(out.fradragsdage, 1);
    CHECK_MONEY(out.fradrag, DAGSSATS);

    in.kontakt_genoprettet.value = D(2023, 3, 6);
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_INT(out.fradragsdage, 1);
    CHECK_MONEY(out.fradrag, DAGSSATS);
}

/* § 35, stk. 3: no sanction for a failure with a reasonable excuse; the
 * exception to 'udeblevet' gives 0 kr, and since 0 kr is the default no
 * prerequisite is looked at (nothing is held back). */
static void rimelig_grund(void)
{
    sanktion_input in = base();
    in.rimelig_grund = true;
    in.skriftlig_vejledning = false;   /* would hold back, but there is nothing to hold back */
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_INT(out.held_back.fradrag, 0);
}

/* § 35, stk. 1: without written, specific guidance no deduction may be made:
 * the deduction is held back (bit 0) and stays 0 kr; the amount it would have
 * been is still worked out. */
static void uden_skriftlig_vejledning(void)
{
    sanktion_input in = base();
    in.skriftlig_vejledning = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_INT(out.held_back.fradrag, 1);
    CHECK_MONEY(out.fradragsbeloeb, 123780);
}

/* § 35, stk. 3: the sanction must come within 3 whole calendar months. A
 * failure on 15 January 2023 (2 days until contact on the 17th: 825.20 kr)
 * decided on 28 April is 3 months on: deducted. Decided on 2 May it is 4:
 * held back (bit 1). Across a new year: 20 November 2022 to 10 February
 * 2023 is 12 + 2 - 11 = 3 months. */
static void tre_kalendermaaneder(void)
{
    sanktion_input in = base();
    in.udeblivelsesdag = D(2023, 1, 15);
    in.kontakt_genoprettet.value = D(2023, 1, 17);
    in.afgoerelsesdag = D(2023, 4, 28);
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_INT(out.kalendermaaneder_efter_udeblivelsen, 3);
    CHECK_MONEY(out.fradrag, 82520);
    CHECK_INT(out.held_back.fradrag, 0);

    in.afgoerelsesdag = D(2023, 5, 2);
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_INT(out.kalendermaaneder_efter_udeblivelsen, 4);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_INT(out.held_back.fradrag, 2);

    in.udeblivelsesdag = D(2022, 11, 20);
    in.kontakt_genoprettet.value = D(2022, 11, 23);
    in.afgoerelsesdag = D(2023, 2, 10);
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_INT(out.kalendermaaneder_efter_udeblivelsen, 3);
    CHECK_MONEY(out.fradrag, 3 * DAGSSATS);
}

/* For an aktivitetsparat person a personal contact must have been attempted
 * (bit 2); a jobparat person needs none. */
static void personlig_kontakt(void)
{
    sanktion_input in = base();
    in.personlig_kontakt_forsoegt = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_INT(out.held_back.fradrag, 4);

    in.aktivitetsparat = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.fradrag, 123780);
    CHECK_INT(out.held_back.fradrag, 0);
}

/* fvl § 19: no deduction before the hearing is done (bit 3). Several
 * prerequisites missing are all named: no guidance and no hearing = bits 0
 * and 3 = 9. */
static void partshoering(void)
{
    sanktion_input in = base();
    in.partshoering_gennemfoert = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_INT(out.held_back.fradrag, 8);

    in.skriftlig_vejledning = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_INT(out.held_back.fradrag, 9);
}

/* fvl § 22: no deduction without a written, reasoned decision (bit 4). */
static void begrundet_afgoerelse(void)
{
    sanktion_input in = base();
    in.begrundet_afgoerelse = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_INT(out.held_back.fradrag, 16);

    in.partshoering_gennemfoert = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_INT(out.held_back.fradrag, 24);
}

/* A missed interview dated after the decision day has not happened: the
 * day of an event after the reference date cannot be registered, so the
 * facts are invalid and nothing is deducted. */
static void ikke_udeblevet_endnu(void)
{
    sanktion_input in = base();
    in.udeblivelsesdag = D(2023, 3, 27);
    in.kontakt_genoprettet.present = false;
    CHECK_STATUS(eval(&in), LOV_INVALID_INPUT);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_INT(out.status.fradrag, LOV_INVALID_INPUT);
}

/* In force from 17 March 2020 with no end: the day before is not applicable;
 * a day in 2030 is in force. */
static void ikrafttraeden(void)
{
    sanktion_input in = base();
    in.afgoerelsesdag = D(2020, 3, 16);
    in.udeblivelsesdag = D(2020, 3, 2);
    in.kontakt_genoprettet.value = D(2020, 3, 4);
    CHECK_STATUS(eval(&in), LOV_NOT_APPLICABLE);
    CHECK_STATUS(out.status.fradrag, LOV_NOT_APPLICABLE);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_WHY(out, LOV_REASON_OUT_OF_FORCE, -1, 0);

    in.afgoerelsesdag = D(2020, 3, 17);
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.fradrag, 2 * DAGSSATS);

    in.afgoerelsesdag = D(2030, 1, 10);
    in.udeblivelsesdag = D(2030, 1, 2);
    in.kontakt_genoprettet.value = D(2030, 1, 3);
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.fradrag, DAGSSATS);
}

/* A reasonable excuse that is not known: the deduction may be 0 kr or
 * 1 237.80 kr, so it is undetermined (never the deduction) and names
 * rimelig_grund (input 3). */
static void rimelig_grund_ukendt(void)
{
    sanktion_input in = base();
    in.known.rimelig_grund = false;
    CHECK_STATUS(eval(&in), LOV_UNDETERMINED);
    CHECK_STATUS(out.status.fradrag, LOV_UNDETERMINED);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_WHY(out, LOV_REASON_MISSING_FACT, 3, BIT(3));
}

/* The monthly help not known: the amount is undetermined (input 8). With a
 * reasonable excuse the amount does not matter: 0 kr, decided, and nothing
 * is reported missing. */
static void hjaelp_ukendt(void)
{
    sanktion_input in = base();
    in.known.maanedlig_hjaelp = false;
    CHECK_STATUS(eval(&in), LOV_UNDETERMINED);
    CHECK_STATUS(out.status.dagssats, LOV_UNDETERMINED);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_WHY(out, LOV_REASON_MISSING_FACT, 8, BIT(8));

    in.rimelig_grund = true;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_STATUS(out.status.fradrag, LOV_OK);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_WHY(out, LOV_REASON_NONE, -1, 0);
}

/* Whether contact was restored is not known (not the same as known to be
 * absent): the number of days is undetermined (input 2). */
static void kontakt_ukendt(void)
{
    sanktion_input in = base();
    in.known.kontakt_genoprettet = false;
    CHECK_STATUS(eval(&in), LOV_UNDETERMINED);
    CHECK_STATUS(out.status.fradragsdage, LOV_UNDETERMINED);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_WHY(out, LOV_REASON_MISSING_FACT, 2, BIT(2));
}

/* A prerequisite that is not known while the others hold: the deduction is
 * undetermined, never made, and names the fact (partshøring, input 7). When
 * another prerequisite is certainly not met (no guidance), the deduction is
 * held back for certain and the unknown fact does not matter. */
static void forudsaetning_ukendt(void)
{
    sanktion_input in = base();
    in.known.partshoering_gennemfoert = false;
    CHECK_STATUS(eval(&in), LOV_UNDETERMINED);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_WHY(out, LOV_REASON_MISSING_FACT, 7, BIT(7));

    in.skriftlig_vejledning = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.fradrag, 0);
    CHECK(out.held_back.fradrag & 1);
    CHECK_WHY(out, LOV_REASON_NONE, -1, 0);
}

/* Overflow is a status, never a wrong amount: a monthly help so large that
 * x 12 does not fit in 64 bits gives no daily rate (overflow, in the rule
 * dagssats), and the deduction is 'overflow' and 0 kr. With a reasonable
 * excuse the amount is not needed: 0 kr, ok. */
static void overloeb(void)
{
    sanktion_input in = base();
    in.maanedlig_hjaelp = INT64_MAX / 4;
    CHECK_STATUS(eval(&in), LOV_OVERFLOW);
    CHECK_STATUS(out.status.dagssats, LOV_OVERFLOW);
    CHECK_STATUS(out.status.fradrag, LOV_OVERFLOW);
    CHECK_MONEY(out.fradrag, 0);
    CHECK_INT(out.info.reason, LOV_REASON_ARITHMETIC);
    CHECK(out.info.provision >= 0
          && strcmp(sanktion_descriptor.provisions[out.info.provision].name, "dagssats") == 0);
    CHECK_INT(out.missing[0], 0);

    in.rimelig_grund = true;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.fradrag, 0);
}

/* The trace of the first case: the definitions, then the outcome's
 * exceptions and prerequisites with their citations, then its value. */
static void trace_fradrag(void)
{
    sanktion_input in = base();
    lov_trace_entry entries[32];
    lov_trace t = { entries, 32, 0, 0 };
    CHECK_STATUS(sanktion_evaluate(&in, &out, &t, NULL), LOV_OK);
    static const e2e_step want[] = {
        { "fradragsdage", NULL, LOV_TRACE_VALUE },
        { "dagssats", NULL, LOV_TRACE_VALUE },
        { "fradragsbeløb", NULL, LOV_TRACE_VALUE },
        { "kalendermåneder_efter_udeblivelsen", NULL, LOV_TRACE_VALUE },
        { "fradrag", "udeblevet", LOV_TRACE_APPLIES },
        { "fradrag", "rimelig_grund", LOV_TRACE_DOES_NOT_APPLY },
        { "fradrag", "§ 35, stk. 1", LOV_TRACE_MET },
        { "fradrag", "§ 35, stk. 3", LOV_TRACE_MET },
        { "fradrag", "§ 35 [stk. ikke verificeret]", LOV_TRACE_MET },
        { "fradrag", "§ 19, stk. 1", LOV_TRACE_MET },
        { "fradrag", "§ 22", LOV_TRACE_MET },
        { "fradrag", NULL, LOV_TRACE_VALUE },
        { "intet_fradrag_ved_rimelig_grund", NULL, LOV_TRACE_VALUE },
        { "intet_fradrag_uden_vejledning", NULL, LOV_TRACE_VALUE },
        { "dagssatsen_taber_under_en_øre_pr_dag", NULL, LOV_TRACE_VALUE },
    };
    CHECK_TRACE(&sanktion_descriptor, &t, want);
    if (t.count == 15) {
        CHECK_BOOL(entries[12].value.b, true);       /* the assertions hold */
        CHECK_BOOL(entries[13].value.b, true);
        CHECK_BOOL(entries[14].value.b, true);
        CHECK_INT(entries[0].value.i, 3);
        CHECK_MONEY(entries[1].value.money, DAGSSATS);
        CHECK_MONEY(entries[11].value.money, 123780);
    }

    /* Without written guidance: that prerequisite is not met. */
    in.skriftlig_vejledning = false;
    t.count = t.dropped = 0;
    CHECK_STATUS(sanktion_evaluate(&in, &out, &t, NULL), LOV_OK);
    CHECK(t.count == 15 && entries[6].event == LOV_TRACE_NOT_MET);
    CHECK(t.count == 15 && entries[11].value.money == 0);
}

int main(int argc, char **argv)
{
    e2e_init(argc, argv);
    RUN(fradrag_tre_dage);
    RUN(kontakt_ikke_genoprettet);
    RUN(mindst_en_dag);
    RUN(rimelig_grund);
    RUN(uden_skriftlig_vejledning);
    RUN(tre_kalendermaaneder);
    RUN(personlig_kontakt);
    RUN(partshoering);
    RUN(begrundet_afgoerelse);
    RUN(ikke_udeblevet_endnu);
    RUN(ikrafttraeden);
    RUN(rimelig_grund_ukendt);
    RUN(hjaelp_ukendt);
    RUN(kontakt_ukendt);
    RUN(forudsaetning_ukendt);
    RUN(overloeb);
    RUN(trace_fradrag);
    return e2e_summary("sanktion_test");
}

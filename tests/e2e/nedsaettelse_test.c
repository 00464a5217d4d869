/* SPDX-License-Identifier: Apache-2.0 */
/* End-to-end cases for examples/partshoering/nedsaettelse.lov (which uses
 * partshoering.lov): the 225-hour reduction as an adverse outcome that needs
 * a hearing (forvaltningsloven § 19), a decision (§ 22) and notice
 * (bekendtgørelse 474/2020), written against the 2022 defect.
 *
 * The rules (read from the .lov files):
 *  - exempt (§ 13 f, stk. 9): very limited work capacity; no end date;
 *  - the requirement is not met: not exempt and the hours are not met;
 *  - duty to hear (§ 19, stk. 1): the party cannot be assumed to know the
 *    hour count and the requirement is not met, unless the caseworker chose
 *    an exception (§ 19, stk. 2, nr. 1, 2, 4, § 20, stk. 1);
 *  - a hearing is over when the party answered, or the day after its deadline;
 *    a deadline ending on a Saturday, Sunday or holiday (the case system's
 *    calendar, an external function) moves to the next working day;
 *  - hearing letter (adverse, requires the duty to hear): when the requirement
 *    is not met and no hearing is registered;
 *  - reduction (adverse, 0 kr by default): the rate, when the requirement is
 *    not met, held back (bit i of held_back.nedsaettelse) unless
 *      0  the hearing was over before the decision, or there is no duty to hear
 *      1  a reasoned decision was given by the end of the reference month (§ 22)
 *      2  notice was sent at least 1 month before the reduction begins (the 1st
 *         of the next month).
 *
 * Inputs by index: 0 reference_dato, 1 arbejdsevne, 2 slutdato_for_undtagelse,
 * 3 timekravet_opfyldt, 4 nedsættelsessats, 5 høringer, 6 undtagelse_fra_høring,
 * 7 parten_kender_oplysningerne, 8 varsel_sendt, 9 afgørelse_meddelt,
 * 10 afgørelse_begrundet.
 *
 * The rate is the 2022 full rate, 1 069 kr. */
#include "check.h"
#include "nedsaettelse.h"

#define SATS_2022 106900     /* 1 069 kr */

typedef partshoering_Hoering Hoering;

/* ---- the case system's holiday calendar (the external function) ------------ */

/* Danish public holidays in 2022. The calendar knows only 2022: for another
 * year it has no answer. It also records the days it was asked about. */
typedef struct calendar {
    bool weekdays_only;      /* answer only for Monday - Friday */
    int asked;               /* number of questions */
    lov_date days[64];       /* the days asked about */
} calendar;

static lov_status er_helligdag(void *ctx, lov_date day, bool *result)
{
    static const int holidays_2022[][2] = {
        { 1, 1 }, { 4, 14 }, { 4, 15 }, { 4, 17 }, { 4, 18 }, { 5, 13 }, { 5, 26 },
        { 6, 5 }, { 6, 6 }, { 12, 25 }, { 12, 26 },
    };
    calendar *cal = ctx;
    if (cal->asked < 64)
        cal->days[cal->asked] = day;
    cal->asked++;
    if (lov_date_year(day) != 2022)
        return LOV_UNDETERMINED;
    if (cal->weekdays_only && lov_date_weekday(day) > 5)
        return LOV_UNDETERMINED;
    *result = false;
    for (size_t i = 0; i < sizeof holidays_2022 / sizeof holidays_2022[0]; i++)
        if (day == D(2022, holidays_2022[i][0], holidays_2022[i][1]))
            *result = true;
    return LOV_OK;
}

static calendar cal;
static nedsaettelse_externals ext;
static nedsaettelse_output out;
static Hoering hearing[1];

/* ---- the cases ---------------------------------------------------------------- */

/* A reduction with every step of the procedure: the hours are not met (normal
 * work capacity); the hearing letter was sent Tuesday 5 April 2022 with 9 days
 * to answer, no answer came; notice was sent 1 April; the reasoned decision
 * was given 20 April; reference date 25 April, so the reduction begins 1 May.
 *
 * The 9 days end on 14 April, skærtorsdag; 15 April is langfredag, 16-17 April
 * a weekend (påskedag), 18 April 2. påskedag: the deadline moves to Tuesday
 * 19 April (9 + 5 = 14 days), and the hearing is over on the 20th. */
static nedsaettelse_input base(void)
{
    nedsaettelse_input in;
    memset(&in, 0, sizeof in);
    in.reference_dato = D(2022, 4, 25);
    in.arbejdsevne = nedsaettelse_Arbejdsevne_normal;
    in.slutdato_for_undtagelse.present = false;
    in.timekravet_opfyldt = false;
    in.nedsaettelsessats = SATS_2022;
    memset(hearing, 0, sizeof hearing);
    hearing[0].sendt = D(2022, 4, 5);
    hearing[0].frist.days = 9;
    hearing[0].svar_modtaget.present = false;
    in.hoeringer = hearing;
    in.hoeringer_count = 1;
    in.undtagelse_fra_hoering = partshoering_Undtagelse_ingen;
    in.parten_kender_oplysningerne = false;
    in.varsel_sendt.present = true;
    in.varsel_sendt.value = D(2022, 4, 1);
    in.afgoerelse_meddelt.present = true;
    in.afgoerelse_meddelt.value = D(2022, 4, 20);
    in.afgoerelse_begrundet = true;
    in.known.reference_dato = in.known.arbejdsevne = in.known.slutdato_for_undtagelse = true;
    in.known.timekravet_opfyldt = in.known.nedsaettelsessats = in.known.hoeringer = true;
    in.known.undtagelse_fra_hoering = in.known.parten_kender_oplysningerne = true;
    in.known.varsel_sendt = in.known.afgoerelse_meddelt = in.known.afgoerelse_begrundet = true;

    memset(&cal, 0, sizeof cal);
    ext.ctx = &cal;
    ext.er_helligdag = er_helligdag;
    return in;
}

/* Before any hearing: the requirement is not met and nothing is registered
 * yet; no notice, no decision. */
static nedsaettelse_input before_hearing(void)
{
    nedsaettelse_input in = base();
    in.hoeringer_count = 0;
    in.varsel_sendt.present = false;
    in.afgoerelse_meddelt.present = false;
    in.afgoerelse_begrundet = false;
    return in;
}

static lov_status eval(const nedsaettelse_input *in)
{
    return nedsaettelse_evaluate(in, &out, NULL, &ext);
}

/* § 13 g, stk. 1 with fvl §§ 19, 22 and the notice rule all met: the help is
 * reduced by 1 069 kr from 1 May 2022; no hearing letter (one was sent). */
static void nedsaettelse_efter_hoering_og_afgoerelse(void)
{
    nedsaettelse_input in = base();
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_BOOL(out.undtaget, false);
    CHECK_BOOL(out.krav_ikke_opfyldt, true);
    CHECK_DATE(out.nedsaettelse_fra, D(2022, 5, 1));
    CHECK_BOOL(out.hoeringspligt, true);
    CHECK_BOOL(out.partshoering_gennemfoert, true);
    CHECK_BOOL(out.afgoerelse_truffet, true);
    CHECK_BOOL(out.varslet_rettidigt, true);
    CHECK_BOOL(out.hoering_undladt_efter_undtagelse, false);
    CHECK_OPT_DATE(out.seneste_hoering_sluttede, D(2022, 4, 19));
    CHECK_BOOL(out.kort_svarfrist, true);          /* 9 days < 2 weeks */
    CHECK_STATUS(out.status.partshoeringsbrev, LOV_OK);
    CHECK_BOOL(out.partshoeringsbrev, false);
    CHECK_INT(out.held_back.partshoeringsbrev, 0);
    CHECK_STATUS(out.status.nedsaettelse, LOV_OK);
    CHECK_MONEY(out.nedsaettelse, SATS_2022);
    CHECK_INT(out.held_back.nedsaettelse, 0);
    CHECK_WHY(out, LOV_REASON_NONE, -1, 0);
}

/* "A decision made before the deadline has run out is defective": decided on
 * 19 April, the last day of the deadline moved by Easter, the hearing is not
 * over: held back (bit 0). Without the calendar's holidays the deadline
 * would have ended 14 April. */
static void afgoerelse_inden_fristens_udloeb(void)
{
    nedsaettelse_input in = base();
    in.afgoerelse_meddelt.value = D(2022, 4, 19);
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_BOOL(out.partshoering_gennemfoert, false);
    CHECK_BOOL(out.afgoerelse_truffet, true);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.held_back.nedsaettelse, 1);
}

/* The party answered on 8 April: the hearing is over then, and a decision on
 * 12 April is in order. The hearing ended on the day of the answer. */
static void svar_modtaget(void)
{
    nedsaettelse_input in = base();
    hearing[0].svar_modtaget.present = true;
    hearing[0].svar_modtaget.value = D(2022, 4, 8);
    in.afgoerelse_meddelt.value = D(2022, 4, 12);
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_BOOL(out.partshoering_gennemfoert, true);
    CHECK_OPT_DATE(out.seneste_hoering_sluttede, D(2022, 4, 8));
    CHECK_MONEY(out.nedsaettelse, SATS_2022);
    CHECK_INT(out.held_back.nedsaettelse, 0);
}

/* STAR 17.1.2023: a reduction is valid only if a decision was made. No
 * decision: the hearing cannot be "over before the decision" either (bits 0
 * and 1). A decision without reasons (§ 22): bit 1. A decision given 2 May,
 * after the reference month: bit 1. */
static void afgoerelse(void)
{
    nedsaettelse_input in = base();
    in.afgoerelse_meddelt.present = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.held_back.nedsaettelse, 3);

    in = base();
    in.afgoerelse_begrundet = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.held_back.nedsaettelse, 2);

    /* A decision notified after the reference date has not happened yet:
     * an event date after it cannot be registered, so the facts are
     * invalid, and nothing is decided. */
    in = base();
    in.afgoerelse_meddelt.value = D(2022, 5, 2);
    CHECK_STATUS(eval(&in), LOV_INVALID_INPUT);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.status.nedsaettelse, LOV_INVALID_INPUT);
}

/* Bekendtgørelse 474/2020: notice at least 1 month before the reduction
 * (1 May): 1 April is in time, 2 April is not (bit 2), none at all is not. */
static void varsel(void)
{
    nedsaettelse_input in = base();
    in.varsel_sendt.value = D(2022, 4, 2);
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_BOOL(out.varslet_rettidigt, false);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.held_back.nedsaettelse, 4);

    in.varsel_sendt.present = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.held_back.nedsaettelse, 4);
}

/* The first step: the requirement is not met and no hearing is registered,
 * so a hearing letter is to be sent (§ 19, stk. 1, the duty to hear holds).
 * The reduction itself is held back on all three counts (bits 0, 1, 2 = 7). */
static void partshoeringsbrev(void)
{
    nedsaettelse_input in = before_hearing();
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_BOOL(out.hoeringspligt, true);
    CHECK_STATUS(out.status.partshoeringsbrev, LOV_OK);
    CHECK_BOOL(out.partshoeringsbrev, true);
    CHECK_INT(out.held_back.partshoeringsbrev, 0);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.held_back.nedsaettelse, 7);
    CHECK(!out.seneste_hoering_sluttede.present);
    CHECK_BOOL(out.kort_svarfrist, false);
    CHECK_INT(cal.asked, 0);          /* no deadline, no calendar */
}

/* § 19, stk. 1 applies only to facts the party cannot be assumed to know: if
 * the party knows the hour count, there is no duty to hear, so the letter is
 * held back (its one prerequisite, bit 0), and the reduction needs no
 * hearing (the exception 'ingen_høringspligt'). */
static void parten_kender_oplysningerne(void)
{
    nedsaettelse_input in = before_hearing();
    in.parten_kender_oplysningerne = true;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_BOOL(out.hoeringspligt, false);
    CHECK_BOOL(out.partshoeringsbrev, false);
    CHECK_INT(out.held_back.partshoeringsbrev, 1);
    CHECK_BOOL(out.partshoering_gennemfoert, true);
    CHECK_BOOL(out.hoering_undladt_efter_undtagelse, false);

    in.varsel_sendt.present = true;
    in.varsel_sendt.value = D(2022, 4, 1);
    in.afgoerelse_meddelt.present = true;
    in.afgoerelse_meddelt.value = D(2022, 4, 20);
    in.afgoerelse_begrundet = true;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.nedsaettelse, SATS_2022);
    CHECK_INT(out.held_back.nedsaettelse, 0);
}

/* § 19, stk. 2, nr. 1: the caseworker found it safe to decide without a
 * hearing. No duty to hear, no letter, and the decision must say a hearing
 * was left out under an exception (§ 22). The same for § 20, stk. 1. */
static void undtagelse_fra_hoering(void)
{
    nedsaettelse_input in = before_hearing();
    in.undtagelse_fra_hoering = partshoering_Undtagelse_ubetaenkeligt;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_BOOL(out.hoeringspligt, false);
    CHECK_BOOL(out.partshoeringsbrev, false);
    CHECK_INT(out.held_back.partshoeringsbrev, 1);
    CHECK_BOOL(out.hoering_undladt_efter_undtagelse, true);

    in.undtagelse_fra_hoering = partshoering_Undtagelse_kan_genoptages;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_BOOL(out.hoeringspligt, false);
    CHECK_BOOL(out.hoering_undladt_efter_undtagelse, true);
}

/* The 2022 defect: a citizen with very limited work capacity is exempt
 * (§ 13 f, stk. 9); the case system held an end date for the exemption,
 * 31 March 2022, which has passed. The law knows no such end date: no
 * reduction, no hearing letter, nothing held back (there is nothing to hold
 * back), and no fact is missing. Also when the procedure steps are all on
 * file, and when the end date is not supplied at all. */
static void undtaget_borger_2022(void)
{
    nedsaettelse_input in = before_hearing();
    in.arbejdsevne = nedsaettelse_Arbejdsevne_meget_begraenset;
    in.slutdato_for_undtagelse.present = true;
    in.slutdato_for_undtagelse.value = D(2022, 3, 31);
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_BOOL(out.undtaget, true);
    CHECK_BOOL(out.krav_ikke_opfyldt, false);
    CHECK_BOOL(out.hoeringspligt, false);
    CHECK_STATUS(out.status.partshoeringsbrev, LOV_OK);
    CHECK_BOOL(out.partshoeringsbrev, false);
    CHECK_INT(out.held_back.partshoeringsbrev, 0);
    CHECK_STATUS(out.status.nedsaettelse, LOV_OK);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.held_back.nedsaettelse, 0);
    CHECK_BOOL(out.hoering_undladt_efter_undtagelse, false);
    CHECK_WHY(out, LOV_REASON_NONE, -1, 0);

    nedsaettelse_input full = base();
    full.arbejdsevne = nedsaettelse_Arbejdsevne_meget_begraenset;
    full.slutdato_for_undtagelse = in.slutdato_for_undtagelse;
    CHECK_STATUS(eval(&full), LOV_OK);
    CHECK_BOOL(out.partshoeringsbrev, false);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.held_back.nedsaettelse, 0);

    in.known.slutdato_for_undtagelse = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_BOOL(out.partshoeringsbrev, false);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_WHY(out, LOV_REASON_NONE, -1, 0);
}

/* The hours met: nothing to hear about and nothing to reduce. */
static void timekravet_opfyldt(void)
{
    nedsaettelse_input in = before_hearing();
    in.timekravet_opfyldt = true;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_BOOL(out.krav_ikke_opfyldt, false);
    CHECK_BOOL(out.partshoeringsbrev, false);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.held_back.nedsaettelse, 0);
}

/* Facts not supplied. The work capacity unknown while the hours are not met:
 * whether the person is exempt decides everything, so the letter and the
 * reduction are undetermined (never sent, never reduced) and name
 * arbejdsevne (input 1). The work capacity unknown while the hours are met,
 * or the hours unknown for an exempt person: the requirement is met either
 * way, and everything is decided. The hours unknown for a person who is not
 * exempt: undetermined, input 3. The rate unknown: the reduction is
 * undetermined, input 4. */
static void manglende_fakta(void)
{
    nedsaettelse_input in = before_hearing();
    in.known.arbejdsevne = false;
    CHECK_STATUS(eval(&in), LOV_UNDETERMINED);
    CHECK_STATUS(out.status.partshoeringsbrev, LOV_UNDETERMINED);
    CHECK_BOOL(out.partshoeringsbrev, false);
    CHECK_STATUS(out.status.nedsaettelse, LOV_UNDETERMINED);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_WHY(out, LOV_REASON_MISSING_FACT, 1, BIT(1));

    in.timekravet_opfyldt = true;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_BOOL(out.krav_ikke_opfyldt, false);
    CHECK_WHY(out, LOV_REASON_NONE, -1, 0);

    in = before_hearing();
    in.arbejdsevne = nedsaettelse_Arbejdsevne_meget_begraenset;
    in.known.timekravet_opfyldt = false;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_BOOL(out.krav_ikke_opfyldt, false);
    CHECK_BOOL(out.partshoeringsbrev, false);
    CHECK_MONEY(out.nedsaettelse, 0);

    in.arbejdsevne = nedsaettelse_Arbejdsevne_begraenset;
    CHECK_STATUS(eval(&in), LOV_UNDETERMINED);
    CHECK_BOOL(out.partshoeringsbrev, false);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_WHY(out, LOV_REASON_MISSING_FACT, 3, BIT(3));

    in = base();
    in.known.nedsaettelsessats = false;
    CHECK_STATUS(eval(&in), LOV_UNDETERMINED);
    CHECK_STATUS(out.status.nedsaettelse, LOV_UNDETERMINED);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_STATUS(out.status.partshoeringsbrev, LOV_OK);
    CHECK_WHY(out, LOV_REASON_MISSING_FACT, 4, BIT(4));
}

/* The holiday calendar not supplied: whether the deadline of 14 April was
 * moved cannot be known, so neither can whether the hearing was over on
 * 20 April. The reduction is undetermined (never made) because of the
 * external function, and no input is missing. A calendar that has no answer
 * (this one knows only 2022; the hearing is moved to 2023) gives the same. */
static void kalender_mangler(void)
{
    nedsaettelse_input in = base();
    CHECK_STATUS(nedsaettelse_evaluate(&in, &out, NULL, NULL), LOV_UNDETERMINED);
    CHECK_STATUS(out.status.partshoering_gennemfoert, LOV_UNDETERMINED);
    CHECK_STATUS(out.status.seneste_hoering_sluttede, LOV_UNDETERMINED);
    CHECK_STATUS(out.status.nedsaettelse, LOV_UNDETERMINED);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.info.reason, LOV_REASON_EXTERNAL);
    CHECK_INT(out.missing[0], 0);

    nedsaettelse_externals no_fn = { NULL, NULL };
    CHECK_STATUS(nedsaettelse_evaluate(&in, &out, NULL, &no_fn), LOV_UNDETERMINED);
    CHECK_INT(out.info.reason, LOV_REASON_EXTERNAL);

    in.reference_dato = D(2023, 4, 24);
    hearing[0].sendt = D(2023, 4, 4);            /* + 9 days = Thursday 13 April 2023 */
    in.varsel_sendt.value = D(2023, 4, 1);
    in.afgoerelse_meddelt.value = D(2023, 4, 20);
    CHECK_STATUS(eval(&in), LOV_UNDETERMINED);
    CHECK_STATUS(out.status.nedsaettelse, LOV_UNDETERMINED);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.info.reason, LOV_REASON_EXTERNAL);
    CHECK_INT(out.missing[0], 0);
}

/* A calendar that answers with a value that is no lov_status at all (a
 * vendor's bug): the generated code must not read past its tables, and the
 * reduction must not be made: not ok, 0 kr, because of the external
 * function, with a status that is one of lov_status. */
static lov_status calendar_out_of_range(void *ctx, lov_date day, bool *result)
{
    (void)ctx;
    (void)day;
    (void)result;
    return (lov_status)42;
}

static void kalender_ugyldig_status(void)
{
    nedsaettelse_input in = base();
    nedsaettelse_externals bad = { NULL, calendar_out_of_range };
    lov_status st = nedsaettelse_evaluate(&in, &out, NULL, &bad);
    CHECK(st != LOV_OK && st <= LOV_INVALID_INPUT);
    CHECK(out.status.nedsaettelse != LOV_OK && out.status.nedsaettelse <= LOV_INVALID_INPUT);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.info.reason, LOV_REASON_EXTERNAL);
}

/* Saturdays and Sundays are never working days, so the calendar is not
 * needed for them: a calendar that answers only for Monday - Friday decides
 * the Easter case all the same (14, 15 and 18 April are asked about). */
static void kalender_kun_hverdage(void)
{
    nedsaettelse_input in = base();
    cal.weekdays_only = true;
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.nedsaettelse, SATS_2022);
    CHECK_OPT_DATE(out.seneste_hoering_sluttede, D(2022, 4, 19));
    CHECK(cal.asked > 0);
    for (int i = 0; i < cal.asked && i < 64; i++)
        CHECK(cal.days[i] == D(2022, 4, 14) || cal.days[i] == D(2022, 4, 15)
              || cal.days[i] == D(2022, 4, 18));
}

/* An ordinary deadline: sent Monday 2 May 2022 with 14 days, the deadline is
 * Monday 16 May, a working day: not moved. Decided 17 May: over. */
static void frist_paa_hverdag(void)
{
    nedsaettelse_input in = base();
    in.reference_dato = D(2022, 5, 20);
    hearing[0].sendt = D(2022, 5, 2);
    hearing[0].frist.days = 14;
    in.varsel_sendt.value = D(2022, 5, 1);
    in.afgoerelse_meddelt.value = D(2022, 5, 17);
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_OPT_DATE(out.seneste_hoering_sluttede, D(2022, 5, 16));
    CHECK_BOOL(out.kort_svarfrist, false);
    CHECK_BOOL(out.partshoering_gennemfoert, true);
    CHECK_DATE(out.nedsaettelse_fra, D(2022, 6, 1));
    CHECK_MONEY(out.nedsaettelse, SATS_2022);

    in.afgoerelse_meddelt.value = D(2022, 5, 16);
    CHECK_STATUS(eval(&in), LOV_OK);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_INT(out.held_back.nedsaettelse, 1);
}

/* In force from 1 October 2016 until 30 June 2025 (the rule was abolished
 * from 1 July 2025): outside, nothing is decided and nothing is sent. */
static void uden_for_perioden(void)
{
    nedsaettelse_input in = base();
    in.reference_dato = D(2025, 7, 1);
    CHECK_STATUS(eval(&in), LOV_NOT_APPLICABLE);
    CHECK_STATUS(out.status.nedsaettelse, LOV_NOT_APPLICABLE);
    CHECK_STATUS(out.status.partshoeringsbrev, LOV_NOT_APPLICABLE);
    CHECK_MONEY(out.nedsaettelse, 0);
    CHECK_BOOL(out.partshoeringsbrev, false);
    CHECK_WHY(out, LOV_REASON_OUT_OF_FORCE, -1, 0);

    in.reference_dato = D(2016, 9, 30);
    CHECK_STATUS(eval(&in), LOV_NOT_APPLICABLE);
    CHECK_WHY(out, LOV_REASON_OUT_OF_FORCE, -1, 0);
}

/* The trace for the exempt citizen of 2022: the exemption applies, so the
 * requirement is not "not met"; the library's duty to hear (§ 19, stk. 1,
 * its rule høringspligt(...)) does not apply, so neither does this module's;
 * the letter's and the reduction's exceptions do not apply, and their
 * prerequisites are never looked at. */
static void trace_undtaget_borger(void)
{
    nedsaettelse_input in = before_hearing();
    in.arbejdsevne = nedsaettelse_Arbejdsevne_meget_begraenset;
    in.slutdato_for_undtagelse.present = true;
    in.slutdato_for_undtagelse.value = D(2022, 3, 31);
    lov_trace_entry entries[64];
    lov_trace t = { entries, 64, 0, 0 };
    CHECK_STATUS(nedsaettelse_evaluate(&in, &out, &t, &ext), LOV_OK);
    static const e2e_step want[] = {
        { "undtaget", "meget_begrænset_arbejdsevne", LOV_TRACE_APPLIES },
        { "undtaget", NULL, LOV_TRACE_VALUE },
        { "krav_ikke_opfyldt", NULL, LOV_TRACE_VALUE },
        { "nedsættelse_fra", NULL, LOV_TRACE_VALUE },
        { "høringspligt", "stk_1", LOV_TRACE_DOES_NOT_APPLY },
        { "høringspligt", NULL, LOV_TRACE_VALUE },          /* partshoering.høringspligt(...) */
        { "høringspligt", NULL, LOV_TRACE_VALUE },          /* this module's */
        { "partshøring_gennemført", "ingen_høringspligt", LOV_TRACE_APPLIES },
        { "partshøring_gennemført", "høring_afsluttet_før_afgørelsen", LOV_TRACE_DOES_NOT_APPLY },
        { "partshøring_gennemført", NULL, LOV_TRACE_VALUE },
        { "høring_undladt_efter_undtagelse", NULL, LOV_TRACE_VALUE },
        { "seneste_høring_sluttede", NULL, LOV_TRACE_VALUE },
        { "kort_svarfrist", NULL, LOV_TRACE_VALUE },
        { "afgørelse_truffet", NULL, LOV_TRACE_VALUE },
        { "varslet_rettidigt", NULL, LOV_TRACE_VALUE },
        { "partshøringsbrev", "nedsættelse_påtænkt", LOV_TRACE_DOES_NOT_APPLY },
        { "partshøringsbrev", NULL, LOV_TRACE_VALUE },
        { "nedsættelse", "timekrav_ikke_opfyldt", LOV_TRACE_DOES_NOT_APPLY },
        { "nedsættelse", NULL, LOV_TRACE_VALUE },
        { "undtagne_nedsættes_aldrig", NULL, LOV_TRACE_VALUE },
        { "slutdato_ophæver_ikke_undtagelse", NULL, LOV_TRACE_VALUE },
    };
    CHECK_TRACE(&nedsaettelse_descriptor, &t, want);
    if (t.count == sizeof want / sizeof want[0]) {
        CHECK_BOOL(entries[1].value.b, true);
        CHECK_DATE(entries[3].value.date, D(2022, 5, 1));
        CHECK(entries[11].present == 0);
        CHECK_BOOL(entries[16].value.b, false);
        CHECK_MONEY(entries[18].value.money, 0);
        CHECK_BOOL(entries[19].value.b, true);       /* the assertions hold */
        CHECK_BOOL(entries[20].value.b, true);
    }
}

/* The trace of the first hearing letter: the duty to hear holds, the
 * letter's exception applies and its prerequisite is met; the reduction's
 * exception applies and all three of its prerequisites are not met. */
static void trace_partshoeringsbrev(void)
{
    nedsaettelse_input in = before_hearing();
    lov_trace_entry entries[64];
    lov_trace t = { entries, 64, 0, 0 };
    CHECK_STATUS(nedsaettelse_evaluate(&in, &out, &t, &ext), LOV_OK);
    static const e2e_step want[] = {
        { "undtaget", "meget_begrænset_arbejdsevne", LOV_TRACE_DOES_NOT_APPLY },
        { "undtaget", NULL, LOV_TRACE_VALUE },
        { "krav_ikke_opfyldt", NULL, LOV_TRACE_VALUE },
        { "nedsættelse_fra", NULL, LOV_TRACE_VALUE },
        { "høringspligt", "stk_1", LOV_TRACE_APPLIES },
        { "høringspligt", "stk_2_nr_1", LOV_TRACE_DOES_NOT_APPLY },
        { "høringspligt", "stk_2_nr_2", LOV_TRACE_DOES_NOT_APPLY },
        { "høringspligt", "stk_2_nr_4", LOV_TRACE_DOES_NOT_APPLY },
        { "høringspligt", "genoptagelse", LOV_TRACE_DOES_NOT_APPLY },
        { "høringspligt", NULL, LOV_TRACE_VALUE },          /* partshoering.høringspligt(...) */
        { "høringspligt", NULL, LOV_TRACE_VALUE },          /* this module's */
        { "partshøring_gennemført", "ingen_høringspligt", LOV_TRACE_DOES_NOT_APPLY },
        { "partshøring_gennemført", "høring_afsluttet_før_afgørelsen", LOV_TRACE_DOES_NOT_APPLY },
        { "partshøring_gennemført", NULL, LOV_TRACE_VALUE },
        { "høring_undladt_efter_undtagelse", NULL, LOV_TRACE_VALUE },
        { "seneste_høring_sluttede", NULL, LOV_TRACE_VALUE },
        { "kort_svarfrist", NULL, LOV_TRACE_VALUE },
        { "afgørelse_truffet", NULL, LOV_TRACE_VALUE },
        { "varslet_rettidigt", NULL, LOV_TRACE_VALUE },
        { "partshøringsbrev", "nedsættelse_påtænkt", LOV_TRACE_APPLIES },
        { "partshøringsbrev", "§ 19, stk. 1", LOV_TRACE_MET },
        { "partshøringsbrev", NULL, LOV_TRACE_VALUE },
        { "nedsættelse", "timekrav_ikke_opfyldt", LOV_TRACE_APPLIES },
        { "nedsættelse", "§ 19, stk. 1", LOV_TRACE_NOT_MET },
        { "nedsættelse", "§ 22", LOV_TRACE_NOT_MET },
        { "nedsættelse", "varsling [§-nummer ikke verificeret]", LOV_TRACE_NOT_MET },
        { "nedsættelse", NULL, LOV_TRACE_VALUE },
        { "undtagne_nedsættes_aldrig", NULL, LOV_TRACE_VALUE },
        { "slutdato_ophæver_ikke_undtagelse", NULL, LOV_TRACE_VALUE },
    };
    CHECK_TRACE(&nedsaettelse_descriptor, &t, want);
}

int main(int argc, char **argv)
{
    e2e_init(argc, argv);
    RUN(nedsaettelse_efter_hoering_og_afgoerelse);
    RUN(afgoerelse_inden_fristens_udloeb);
    RUN(svar_modtaget);
    RUN(afgoerelse);
    RUN(varsel);
    RUN(partshoeringsbrev);
    RUN(parten_kender_oplysningerne);
    RUN(undtagelse_fra_hoering);
    RUN(undtaget_borger_2022);
    RUN(timekravet_opfyldt);
    RUN(manglende_fakta);
    RUN(kalender_mangler);
    RUN(kalender_ugyldig_status);
    RUN(kalender_kun_hverdage);
    RUN(frist_paa_hverdag);
    RUN(uden_for_perioden);
    RUN(trace_undtaget_borger);
    RUN(trace_partshoeringsbrev);
    return e2e_summary("nedsaettelse_test");
}

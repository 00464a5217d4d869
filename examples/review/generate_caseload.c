/* SPDX-License-Identifier: Apache-2.0 */
/* A synthetic caseload of one municipality for the review of the 225-hour
 * rule, 2018-2020, and the repayment list the law gives for it.
 *
 *   generate_caseload [CITIZENS] CASES.jsonl EXPECTED.csv
 *
 * Every citizen is unmarried and has received kontanthjælp since before the
 * review, at a full adult rate, another rate or SU level; their history is
 * drawn from a fixed seed, so every run writes the same files:
 *
 *   - works: 25 hours of ordinary work every month (the 225 hours are met);
 *   - reduced lawfully: warned, heard with 14 days to answer, and a written,
 *     reasoned decision 15 days after the hearing letter;
 *   - exempt, end date passed: very limited work capacity (aktivloven § 13 f,
 *     stk. 9), with the end date the case system demanded; when it passed, the
 *     system sent a hearing letter and reduced the help, with no decision;
 *   - reduced without a decision: warned and heard, then reduced by the
 *     system, with no decision;
 *   - exempt, end date to come: the end date lies after 2020.
 *
 * The case system of those years ran on the 1st of each month: it sent the
 * hearing letters and, on the run of the 1st of a month, reduced the help
 * for the month after. The caseload records what it did: the warning
 * (varslingsbrev), the hearing letter, the day the reduction began
 * (nedsat_fra) and the decision where one was made.
 *
 * EXPECTED.csv is the repayment list, worked out here from the law and not
 * by lovc: for each run of the 1st of a month from 2017-12-01 to
 * 2020-11-01, the reduction the case system made and the one the law
 * allows, and for each month where they differ a row
 * 'sag,måned,nedsat,lovligt,efterbetaling' (the month of the payment, the
 * amounts in øre). The law here: an unmarried recipient of help for a year
 * within three years who has not had 225 hours of ordinary work within the
 * 12 calendar months before the month (extended by the months of § 13 h), and
 * is not exempt under § 13 f, stk. 9, is reduced by the year's amount (§ 13 g,
 * stk. 1) from the 1st of the next month, only when warned 6 months before
 * (bek. nr. 474/2020, § 4), told 1 month before (§ 6), heard, the time to
 * answer passed before the decision (forvaltningsloven § 19) and a reasoned
 * decision made (§§ 22-24). The exemption has no end date. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Days, months ------------------------------------------------------- */

/* Days since 1970-01-01 of a date of the proleptic Gregorian calendar. */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A month as a count: year * 12 + month - 1. */
typedef int month;

static month month_of(int y, int m)
{
    return y * 12 + m - 1;
}

static long first_day(month k)
{
    return days_from_civil(k / 12, k % 12 + 1, 1);
}

static month month_of_day(long day)
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    return month_of(y, m);
}

static void write_day(FILE *f, long day)
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    fprintf(f, "\"%04d-%02d-%02d\"", y, m, d);
}

/* ---- The law's numbers --------------------------------------------------- */

enum rate { FULL, OTHER, SU };
static const char *const rate_names[] = {"fuld_voksensats", "anden_sats", "su_niveau"};

/* The reduction a month (aktivloven § 13 g, stk. 1, regulated by § 109), øre. */
static long reduction(enum rate r, month k)
{
    static const long full[] = {102900, 104000, 105400, 106700};   /* 2018, 2019, 2020, 2021 */
    static const long other[] = {51400, 52000, 52600, 53300};
    int i = k / 12 - 2018;
    if (r == SU || i < 0 || i > 3)
        return 0;
    return r == FULL ? full[i] : other[i];
}

/* Is month k one of § 13 h's (March-September 2020, November 2020 - June 2021)? */
static bool covid_month(month k)
{
    return (k >= month_of(2020, 3) && k <= month_of(2020, 9)) || (k >= month_of(2020, 11) && k <= month_of(2021, 6));
}

/* ---- The citizens ---------------------------------------------------------- */

enum kind { WORKS, LAWFUL, EXEMPT_PASSED, NO_DECISION, EXEMPT_TO_COME, NKINDS };

typedef struct citizen {
    long id;
    enum kind kind;
    enum rate rate;
    month help_from;         /* kontanthjælp from the 1st of this month, continuing */
    int hours;               /* of ordinary work every month */
    bool very_limited;       /* arbejdsevne = meget_begrænset */
    long end_date;           /* the entered end date of the exemption, or -1 */
    long warned;             /* varslingsbrev_sendt, or -1 */
    long heard;              /* the hearing letter, or -1 */
    long decided;            /* afgørelse_meddelt, or -1 */
    long reduced_from;       /* nedsat_fra, or -1 */
} citizen;

static uint64_t rng_state = UINT64_C(0x2018202022252250);

static uint64_t next(void)
{
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * UINT64_C(2685821657736338717);
}

static int between(int lo, int hi)
{
    return lo + (int)(next() % (uint64_t)(hi - lo + 1));
}

/* The 12 calendar months before month k, extended by the § 13 h months among them (in rounds,
 * as the months added may hold more). */
static int hours_in_period(const citizen *c, month k)
{
    int length = 12;
    for (int round = 0; round < 4; round++) {
        int covid = 0;
        for (month j = k - length; j < k; j++)
            covid += covid_month(j);
        length = 12 + covid;
    }
    int hours = 0;
    for (month j = k - length; j < k; j++)
        hours += j >= month_of(2016, 1) ? c->hours : 0;
    return hours;
}

/* Help for a year in all within the three years before month k. */
static bool covered(const citizen *c, month k)
{
    return k - c->help_from >= 12;
}

/* The case system's run on the 1st of month k: the reduction it makes for month k + 1. Its
 * exemption holds until the entered end date; it asks for no decision. */
static long system_reduces(const citizen *c, month k)
{
    long day = first_day(k);
    bool exempt = c->very_limited && c->end_date >= 0 && day <= c->end_date;
    if (!covered(c, k) || exempt || hours_in_period(c, k) >= 225 || c->heard < 0)
        return 0;
    if (!(day > c->heard + 14) || c->warned < 0 || c->warned > first_day(k + 1 - 6)
        || c->heard > first_day(k + 1 - 1))
        return 0;
    return reduction(c->rate, k + 1);
}

/* What the law allows on the 1st of month k, for month k + 1. */
static long law_reduces(const citizen *c, month k)
{
    long day = first_day(k);
    if (!covered(c, k) || c->very_limited || hours_in_period(c, k) >= 225)
        return 0;
    bool heard = c->heard >= 0 && c->heard <= day;
    bool decided = c->decided >= 0 && c->decided <= day;
    bool hearing_done = heard && decided && c->heard + 14 < c->decided;
    bool warned = c->warned >= 0 && c->warned <= first_day(k + 1 - 6);
    bool told = heard && c->heard <= first_day(k + 1 - 1);
    if (!(hearing_done && decided && warned && told))
        return 0;
    return reduction(c->rate, k + 1);
}

/* The history: the case system's letters and the day it began to reduce. */
static void draw(citizen *c, long id)
{
    memset(c, 0, sizeof *c);
    c->id = id;
    int roll = between(0, 99);
    c->kind = roll < 55 ? WORKS : roll < 78 ? LAWFUL : roll < 80 ? EXEMPT_PASSED : roll < 82 ? NO_DECISION
                                                                                            : EXEMPT_TO_COME;
    int r = between(0, 99);
    c->rate = r < 60 ? FULL : r < 95 ? OTHER : SU;
    c->help_from = month_of(2014, 1) + between(0, 41);      /* 2014-01 .. 2017-06 */
    c->hours = c->kind == WORKS ? 25 : 5 * between(0, 2);
    c->end_date = c->warned = c->heard = c->decided = c->reduced_from = -1;
    month first_run = c->help_from + 12;                     /* covered from then */
    switch (c->kind) {
    case WORKS:
        break;
    case EXEMPT_TO_COME:
        c->very_limited = true;
        c->end_date = days_from_civil(2021, 1, 1) + between(0, 3 * 365);
        break;
    case EXEMPT_PASSED: {
        c->very_limited = true;
        month m = month_of(2017, 6) + between(0, 36);        /* 2017-06 .. 2020-06 */
        if (m < first_run)
            m = first_run;
        c->end_date = first_day(m) + between(0, 27);
        month run = month_of_day(c->end_date) + 1;            /* the first run after the end date */
        c->heard = first_day(run);
        c->warned = first_day(run - between(1, 6));
        break;
    }
    case LAWFUL:
    case NO_DECISION: {
        month run = month_of(2017, 1) + between(0, 44);      /* 2017-01 .. 2020-09 */
        if (run < first_run)
            run = first_run;
        c->heard = first_day(run);
        c->warned = first_day(run - between(1, 6));
        if (c->kind == LAWFUL)
            c->decided = c->heard + 15;
        break;
    }
    default:
        break;
    }
    /* The day the system's reduction began: after its first run that reduced. */
    for (month k = month_of(2014, 1); k <= month_of(2020, 11) && c->reduced_from < 0; k++)
        if (system_reduces(c, k))
            c->reduced_from = first_day(k + 1);
}

static void write_optional_day(FILE *f, const char *name, long day)
{
    fprintf(f, ",\"%s\":", name);
    if (day < 0)
        fputs("null", f);
    else
        write_day(f, day);
}

/* One case as a line of JSON Lines: the facts by the rules' own input names. */
static void write_case(FILE *f, const citizen *c)
{
    fprintf(f, "{\"sag\":\"%ld\",\"ydelse\":\"kontanthjælp\",\"sats\":\"%s\",\"civilstand\":\"ugift\","
               "\"ægtefælle_modtager_hjælp\":false,\"ægtefælle_opfylder_kravet\":false,"
               "\"begge_på_voksensats\":false,\"parrets_hjælp\":\"0 kr\",\"parrets_hjælp_efter_voksensats\":\"0 kr\","
               "\"hjælpsperioder\":[{\"fra\":",
            c->id, rate_names[c->rate]);
    write_day(f, first_day(c->help_from));
    fputs(",\"til\":null}],\"arbejde\":[", f);
    if (c->hours > 0)
        for (month k = month_of(2016, 1); k <= month_of(2020, 12); k++) {
            fputs(k > month_of(2016, 1) ? ",{\"måned\":" : "{\"måned\":", f);
            write_day(f, first_day(k));
            fprintf(f, ",\"timer\":\"%d\",\"art\":\"ordinært\"}", c->hours);
        }
    fprintf(f, "],\"fravær\":[],\"arbejdsevne\":\"%s\",\"forberedende_del_påbegyndt\":false,"
               "\"i_forrevalidering\":false",
            c->very_limited ? "meget_begrænset" : "normal");
    write_optional_day(f, "slutdato_for_undtagelse", c->end_date);
    write_optional_day(f, "nedsat_fra", c->reduced_from);
    write_optional_day(f, "varslingsbrev_sendt", c->warned);
    fputs(",\"høringer\":[", f);
    if (c->heard >= 0) {
        fputs("{\"sendt\":", f);
        write_day(f, c->heard);
        fputs(",\"frist\":\"14 days\",\"svar_modtaget\":null}", f);
    }
    fputs("]", f);
    write_optional_day(f, "afgørelse_meddelt", c->decided);
    fprintf(f, ",\"afgørelse_begrundet\":%s,\"afgørelse_henviser_til_reglerne\":%s}\n",
            c->decided >= 0 ? "true" : "false", c->decided >= 0 ? "true" : "false");
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: generate_caseload [CITIZENS] CASES.jsonl EXPECTED.csv\n");
        return 2;
    }
    long n = argc == 4 ? strtol(argv[1], NULL, 10) : 3000;
    if (n < 1 || n > 1000000) {
        fprintf(stderr, "generate_caseload: CITIZENS must be from 1 to 1000000\n");
        return 2;
    }
    FILE *cases = fopen(argv[argc - 2], "w"), *expected = fopen(argv[argc - 1], "w");
    if (!cases || !expected) {
        perror("generate_caseload");
        return 1;
    }
    fputs("sag,måned,nedsat,lovligt,efterbetaling\n", expected);
    long kinds[NKINDS] = {0}, rows = 0, total = 0;
    for (long i = 0; i < n; i++) {
        citizen c;
        draw(&c, 100001 + i);
        kinds[c.kind]++;
        write_case(cases, &c);
        for (month k = month_of(2017, 12); k <= month_of(2020, 11); k++) {
            long made = system_reduces(&c, k), lawful = law_reduces(&c, k);
            if (made != lawful) {
                fprintf(expected, "%ld,%04d-%02d,%ld,%ld,%ld\n", c.id, (k + 1) / 12, (k + 1) % 12 + 1, made, lawful,
                        made - lawful);
                rows++;
                total += made - lawful;
            }
        }
    }
    bool failed = fclose(cases) != 0;
    failed = fclose(expected) != 0 || failed;
    if (failed) {
        perror("generate_caseload");
        return 1;
    }
    fprintf(stderr,
            "generate_caseload: %ld citizens (%ld work, %ld reduced lawfully, %ld exempt with an end date that "
            "passed, %ld reduced without a decision, %ld exempt with an end date to come); %ld payment months "
            "to repay, %ld.%02ld kr in all\n",
            n, kinds[WORKS], kinds[LAWFUL], kinds[EXEMPT_PASSED], kinds[NO_DECISION], kinds[EXEMPT_TO_COME], rows,
            total / 100, total % 100);
    return 0;
}

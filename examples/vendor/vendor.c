/* SPDX-License-Identifier: Apache-2.0 */
/* A case system's side of a lovc module, as a vendor would write it.
 *
 * The rules are examples/partshoering/nedsaettelse.lov: the 225-hour
 * reduction of kontanthjælp, an adverse outcome that may only be given after
 * a hearing, a reasoned decision and notice. This program
 *   - reads cases from a CSV file (one case a line),
 *   - fills the module's input struct through its header (nedsaettelse.h),
 *     marking each fact it has as known,
 *   - supplies the holiday calendar the rules ask for (an external function),
 *   - evaluates, and prints each outcome with its status; for an adverse
 *     outcome that is held back, the prerequisites that are not met, by their
 *     citations; for an undetermined case, the facts that are missing, by
 *     their names. The names and citations come from the module's
 *     descriptor, not from this program;
 *   - prints the decision trace of one case (--trace ID).
 *
 * Usage: vendor CASES.csv [--trace ID]
 *
 * The CSV file has a header line, then one case a line, fields separated by
 * commas, in the order of the header (see cases.csv). An empty field is a
 * fact the case system does not have (unknown); '-' is an optional fact known
 * to be absent (no end date, no answer, no notice, no decision), or for the
 * hearing date: no hearing registered. Dates are YYYY-MM-DD, amounts whole
 * kroner with up to two decimals, yes/no for booleans.
 *
 * liblov.a is linked only for lov_money_format and lov_date_format; the
 * evaluation itself needs nothing but the headers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lov.h"
#include "nedsaettelse.h"

#define MAX_FIELDS 16
#define MAX_LINE 1024

/* The columns of cases.csv. */
enum column {
    COL_ID,                  /* the case's id in the case system */
    COL_DATE,                /* reference_dato */
    COL_CAPACITY,            /* arbejdsevne: normal, begrænset, meget_begrænset */
    COL_END_DATE,            /* slutdato_for_undtagelse (the field the 2022 systems demanded) */
    COL_HOURS_MET,           /* timekravet_opfyldt */
    COL_RATE,                /* nedsættelsessats, kroner */
    COL_HEARING_SENT,        /* the hearing letter's date, '-' for none */
    COL_HEARING_DAYS,        /* its deadline in days */
    COL_ANSWER,              /* the day the answer came, '-' for none */
    COL_KNOWS,               /* parten_kender_oplysningerne */
    COL_NOTICE,              /* varsel_sendt */
    COL_DECISION,            /* afgørelse_meddelt */
    COL_REASONED,            /* afgørelse_begrundet */
    NCOLUMNS
};

/* ---- the case system's holiday calendar ------------------------------------ */

/* The calendar the rules call as er_helligdag(dag). A real case system asks
 * its own calendar; this one knows the Danish public holidays of 2022 and
 * has no answer for other years. */
static lov_status holiday_calendar(void *ctx, lov_date day, bool *result)
{
    static const int holidays_2022[][2] = {
        { 1, 1 }, { 4, 14 }, { 4, 15 }, { 4, 17 }, { 4, 18 }, { 5, 13 }, { 5, 26 },
        { 6, 5 }, { 6, 6 }, { 12, 25 }, { 12, 26 },
    };
    (void)ctx;
    if (lov_date_year(day) != 2022)
        return LOV_UNDETERMINED;
    *result = false;
    for (size_t i = 0; i < sizeof holidays_2022 / sizeof holidays_2022[0]; i++) {
        lov_date h = 0;
        if (lov_date_from_ymd(2022, holidays_2022[i][0], holidays_2022[i][1], &h) && h == day)
            *result = true;
    }
    return LOV_OK;
}

/* ---- reading the CSV ---------------------------------------------------------- */

/* Splits line at the commas, in place; empty fields stay empty strings. */
static int split(char *line, char *fields[MAX_FIELDS])
{
    int n = 0;
    line[strcspn(line, "\r\n")] = '\0';
    for (char *p = line; n < MAX_FIELDS; n++) {
        fields[n] = p;
        char *comma = strchr(p, ',');
        if (comma == NULL)
            return n + 1;
        *comma = '\0';
        p = comma + 1;
    }
    return n;
}

static bool parse_date(const char *s, lov_date *out)
{
    int y = 0, m = 0, d = 0;
    char rest = 0;
    return sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3 && lov_date_from_ymd(y, m, d, out);
}

/* A date field: true and *known set when the field is filled in; an optional
 * date may be '-' (known to be absent). */
static bool read_opt_date(const char *s, bool *known, lov_opt_date *out)
{
    *known = s[0] != '\0';
    out->present = false;
    if (!*known || strcmp(s, "-") == 0)
        return true;
    out->present = true;
    return parse_date(s, &out->value);
}

static bool read_bool(const char *s, bool *known, bool *out)
{
    *known = s[0] != '\0';
    *out = strcmp(s, "yes") == 0;
    return !*known || *out || strcmp(s, "no") == 0;
}

/* Kroner with up to two decimals, into øre. */
static bool read_money(const char *s, bool *known, lov_money *out)
{
    long long kr = 0;
    int ore = 0, n = 0;
    *known = s[0] != '\0';
    if (!*known)
        return true;
    if (sscanf(s, "%lld%n", &kr, &n) != 1 || kr < 0 || kr > 1000000000)
        return false;
    if (s[n] == '.') {
        int digits = 0;
        for (const char *p = s + n + 1; *p; p++, digits++) {
            if (*p < '0' || *p > '9' || digits == 2)
                return false;
            ore = ore * 10 + (*p - '0');
        }
        if (digits == 1)
            ore *= 10;
    } else if (s[n] != '\0') {
        return false;
    }
    *out = (lov_money)kr * 100 + ore;
    return true;
}

/* The case on one CSV line, into the module's input struct. 'hearing'
 * holds the one hearing a line can describe. */
static bool read_case(char **f, nedsaettelse_input *in, partshoering_Hoering *hearing)
{
    memset(in, 0, sizeof *in);
    memset(hearing, 0, sizeof *hearing);
    bool ok = true;

    in->known.reference_dato = f[COL_DATE][0] != '\0';
    if (in->known.reference_dato)
        ok &= parse_date(f[COL_DATE], &in->reference_dato);

    in->known.arbejdsevne = f[COL_CAPACITY][0] != '\0';
    if (strcmp(f[COL_CAPACITY], "normal") == 0)
        in->arbejdsevne = nedsaettelse_Arbejdsevne_normal;
    else if (strcmp(f[COL_CAPACITY], "begrænset") == 0)
        in->arbejdsevne = nedsaettelse_Arbejdsevne_begraenset;
    else if (strcmp(f[COL_CAPACITY], "meget_begrænset") == 0)
        in->arbejdsevne = nedsaettelse_Arbejdsevne_meget_begraenset;
    else
        ok &= !in->known.arbejdsevne;

    ok &= read_opt_date(f[COL_END_DATE], &in->known.slutdato_for_undtagelse,
                        &in->slutdato_for_undtagelse);
    ok &= read_bool(f[COL_HOURS_MET], &in->known.timekravet_opfyldt, &in->timekravet_opfyldt);
    ok &= read_money(f[COL_RATE], &in->known.nedsaettelsessats, &in->nedsaettelsessats);

    /* The hearings: none ('-'), one, or not known (empty). */
    in->known.hoeringer = f[COL_HEARING_SENT][0] != '\0';
    if (in->known.hoeringer && strcmp(f[COL_HEARING_SENT], "-") != 0) {
        bool known = false;
        ok &= parse_date(f[COL_HEARING_SENT], &hearing->sendt);
        hearing->frist.days = atoi(f[COL_HEARING_DAYS]);
        ok &= read_opt_date(f[COL_ANSWER], &known, &hearing->svar_modtaget) && known;
        in->hoeringer = hearing;
        in->hoeringer_count = 1;
    }

    /* This case system records no exception from the duty to hear. */
    in->undtagelse_fra_hoering = partshoering_Undtagelse_ingen;
    in->known.undtagelse_fra_hoering = true;

    ok &= read_bool(f[COL_KNOWS], &in->known.parten_kender_oplysningerne,
                    &in->parten_kender_oplysningerne);
    ok &= read_opt_date(f[COL_NOTICE], &in->known.varsel_sendt, &in->varsel_sendt);
    ok &= read_opt_date(f[COL_DECISION], &in->known.afgoerelse_meddelt, &in->afgoerelse_meddelt);
    ok &= read_bool(f[COL_REASONED], &in->known.afgoerelse_begrundet, &in->afgoerelse_begrundet);
    return ok;
}

/* ---- printing through the descriptor ------------------------------------------- */

static const lov_module_desc *const desc = &nedsaettelse_descriptor;

/* A value of the given type, as the rules write it. */
static void print_value(lov_type type, const lov_enum_desc *en, const void *p)
{
    char buf[LOV_MONEY_BUFSIZE];
    switch (type) {
    case LOV_T_BOOL:
        printf("%s", *(const bool *)p ? "yes" : "no");
        break;
    case LOV_T_MONEY:
        lov_money_format(*(const lov_money *)p, buf, sizeof buf);
        printf("%s", buf);
        break;
    case LOV_T_DATE:
        lov_date_format(*(const lov_date *)p, buf);
        printf("%s", buf);
        break;
    case LOV_T_INT:
        printf("%lld", (long long)*(const int64_t *)p);
        break;
    case LOV_T_DURATION: {
        const lov_duration *d = p;
        if (d->months != 0)
            printf("%ld %s%s", (long)d->months, d->months == 1 ? "month" : "months",
                   d->days != 0 ? " " : "");
        if (d->days != 0 || d->months == 0)
            printf("%ld %s", (long)d->days, d->days == 1 ? "day" : "days");
        break;
    }
    case LOV_T_ENUM: {
        int32_t c = *(const int32_t *)p;
        printf("%s", en != NULL && c >= 0 && (uint32_t)c < en->ncases ? en->cases[c] : "?");
        break;
    }
    default:
        printf("(a %d)", (int)type);
    }
}

/* Where the value of an optional (lov_opt_*) lies. */
static size_t opt_value_offset(lov_type type)
{
    switch (type) {
    case LOV_T_BOOL: return offsetof(lov_opt_bool, value);
    case LOV_T_INT: return offsetof(lov_opt_int, value);
    case LOV_T_MONEY: return offsetof(lov_opt_money, value);
    case LOV_T_DATE: return offsetof(lov_opt_date, value);
    case LOV_T_ENUM: return offsetof(lov_opt_enum, value);
    default: return 0;
    }
}

/* Prints a UTF-8 name and pads it with spaces to 'width' characters. */
static void print_padded(const char *name, int width)
{
    int chars = 0;
    for (const char *p = name; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;   /* not a continuation byte */
    printf("%s%*s", name, width > chars ? width - chars : 0, "");
}

/* The citation of a provision: "Forvaltningsloven § 19, stk. 1". */
static void print_citation(const lov_provision_desc *p)
{
    printf("%s %s", p->source_title, p->citation);
}

/* The i-th prerequisite ('requires', in source order) of the outcome 'name'. */
static const lov_provision_desc *prerequisite(const char *name, int i)
{
    for (uint32_t k = 0; k < desc->nprovisions; k++) {
        const lov_provision_desc *p = &desc->provisions[k];
        if (p->kind == LOV_PROV_REQUIREMENT && strcmp(p->name, name) == 0 && i-- == 0)
            return p;
    }
    return NULL;
}

static const char *reason_name(uint32_t reason)
{
    static const char *const names[] = {
        "none", "outside the period in force", "no value of a parameter for the day",
        "a fact is missing", "no rule gives a value", "two exceptions conflict",
        "overflow", "invalid input", "the case system's function gave no answer",
    };
    return reason < sizeof names / sizeof names[0] ? names[reason] : "?";
}

/* The outcomes of one evaluation. */
static void print_decisions(lov_status st, const nedsaettelse_output *out)
{
    const unsigned char *base = (const unsigned char *)out;
    for (uint32_t i = 0; i < desc->noutputs; i++) {
        const lov_field_desc *f = &desc->outputs[i];
        if (!f->outcome)
            continue;
        lov_status fst;
        memcpy(&fst, base + f->status_offset, sizeof fst);
        printf("  ");
        print_padded(f->name, 33);
        if (fst != LOV_OK) {
            printf("-  (%s)\n", lov_status_name(fst));
            continue;
        }
        if (f->optional && !*(const bool *)(base + f->offset))
            printf("absent");
        else
            print_value(f->type, f->enum_desc,
                        base + f->offset + (f->optional ? opt_value_offset(f->type) : 0));
        printf("%s\n", f->adverse ? "  (adverse)" : "");
        if (f->adverse) {
            uint32_t held;
            memcpy(&held, base + f->held_offset, sizeof held);
            for (int b = 0; b < 32; b++) {
                const lov_provision_desc *p = (held >> b) & 1 ? prerequisite(f->name, b) : NULL;
                if (p != NULL) {
                    printf("      held back, not met: ");
                    print_citation(p);
                    printf("\n");
                }
            }
        }
    }
    if (st != LOV_OK) {
        printf("  why: %s", reason_name(out->info.reason));
        if (out->info.reason == LOV_REASON_MISSING_FACT) {
            printf("; a caseworker must supply:");
            for (uint32_t i = 0; i < desc->ninputs; i++)
                if ((out->missing[i / 64] >> (i % 64)) & 1)
                    printf(" %s", desc->inputs[i].name);
        }
        printf("\n");
    }
}

static const char *const event_names[] = {
    "=", "applies", "does not apply", "met", "not met", "not decided:",
};

/* The steps of one evaluation, as the reasons of a decision letter. */
static void print_trace(const lov_trace *t)
{
    for (size_t i = 0; i < t->count; i++) {
        const lov_trace_entry *e = &t->entries[i];
        const lov_provision_desc *p = &desc->provisions[e->provision];
        printf("  %2zu  ", i + 1);
        if (p->kind == LOV_PROV_EXCEPTION)
            printf("%s, exception %s", p->name, p->label);
        else if (p->kind == LOV_PROV_REQUIREMENT)
            printf("%s requires", p->name);
        else
            printf("%s", p->name);
        printf(" (%s %s) %s", p->source, p->citation,
               e->event <= LOV_TRACE_FAILED ? event_names[e->event] : "?");
        if (e->event == LOV_TRACE_VALUE) {
            printf(" ");
            if (!e->present)
                printf("absent");
            else
                print_value(p->type, p->enum_desc, &e->value);
        } else if (e->event == LOV_TRACE_FAILED) {
            printf(" %s", lov_status_name((lov_status)e->status));
        }
        printf("\n");
    }
    if (t->dropped)
        printf("  (%zu more steps not kept)\n", t->dropped);
}

int main(int argc, char **argv)
{
    const char *trace_id = NULL;
    if (argc == 4 && strcmp(argv[2], "--trace") == 0)
        trace_id = argv[3];
    else if (argc != 2) {
        fprintf(stderr, "usage: vendor CASES.csv [--trace ID]\n");
        return 2;
    }
    FILE *fp = fopen(argv[1], "r");
    if (fp == NULL) {
        perror(argv[1]);
        return 1;
    }

    printf("%s: %s\n", desc->name, desc->title);
    nedsaettelse_externals ext = { NULL, holiday_calendar };
    char line[MAX_LINE];
    int lineno = 0, bad = 0;
    while (fgets(line, sizeof line, fp) != NULL) {
        char *f[MAX_FIELDS];
        nedsaettelse_input in;
        nedsaettelse_output out;
        partshoering_Hoering hearing;
        if (++lineno == 1 || line[0] == '#' || line[0] == '\n')
            continue;   /* the header line, comments, blank lines */
        if (split(line, f) != NCOLUMNS || !read_case(f, &in, &hearing)) {
            fprintf(stderr, "%s:%d: not a case this program can read\n", argv[1], lineno);
            bad++;
            continue;
        }

        lov_status st = nedsaettelse_evaluate(&in, &out, NULL, &ext);
        printf("\ncase %s (%s): %s\n", f[COL_ID], f[COL_DATE], lov_status_name(st));
        print_decisions(st, &out);

        if (trace_id != NULL && strcmp(f[COL_ID], trace_id) == 0) {
            lov_trace_entry steps[128];
            lov_trace trace = { steps, 128, 0, 0 };
            nedsaettelse_evaluate(&in, &out, &trace, &ext);
            printf("\ntrace of case %s:\n", f[COL_ID]);
            print_trace(&trace);
        }
    }
    fclose(fp);
    return bad == 0 ? 0 : 1;
}

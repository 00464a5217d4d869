/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for running scenarios (runtime/suites/scenario_run.c): rules
 * compiled at test time with the compiler's own functions, loaded with
 * dlopen and called through libffi using only their descriptor (no
 * header); external functions answered by libffi closures from a
 * scenario's lines, or by a host library; the loader's failures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/build.h"
#include "core/lov.h"
#include "scenario_helpers.h"
#include "suites/scenario_run.h"
#include "suites.h"

/* Every type of fact and decision, and external functions with date,
 * decimal, duration, enumeration, integer and money parameters. */
static const char rules[] =
    "module enhed\n"
    "  title \"Enhed\"\n"
    "  source lov \"Lov\"\n"
    "  source fvl \"Forvaltningsloven\"\n"
    "  in force from 2020-01-01\n"
    "  reference date dag\n"
    "  month end rule clamp\n"
    "enum Sats\n  case fuld\n  case halv\n"
    "record Måned\n  field måned: date\n  field timer: integer\n  field ordinært: boolean\n"
    "record Adresse\n  field postnummer: integer\n  field udlandet: boolean\n"
    "input dag: date\n"
    "input timer: integer\n"
    "input andel: decimal\n"
    "input hjælp: money\n"
    "input frist: duration\n"
    "input syg: boolean\n"
    "input sats: Sats\n"
    "input slutdato: optional date\n"
    "input arbejde: list of Måned\n"
    "input tal: list of integer\n"
    "input adresse: Adresse\n"
    "input høring: boolean\n"
    "input afgjort: boolean\n"
    "external er_helligdag(d: date): boolean according to lov \"§ 9\"\n"
    "external faktor(a: decimal, p: duration): decimal according to lov \"§ 9\"\n"
    "external beløb_for(s: Sats, n: integer, m: money): money according to lov \"§ 9\"\n"
    "definition timer_i_alt: integer according to lov \"§ 1\"\n"
    "  = timer + (sum of m.timer for m in arbejde where m.ordinært) + (sum of t for t in tal)\n"
    "definition halv_andel: decimal according to lov \"§ 2\" = andel * 0.5\n"
    "definition dobbelt_hjælp: money according to lov \"§ 3\" = hjælp * 2\n"
    "definition sidste_dag: date according to lov \"§ 4\" = dag + frist\n"
    "definition frist_dobbelt: duration according to lov \"§ 4\" = frist + frist\n"
    "definition rask: boolean according to lov \"§ 5\" = not syg\n"
    "definition anden_sats: Sats according to lov \"§ 6\"\n"
    "  = match sats case fuld then Sats.halv case halv then Sats.fuld end\n"
    "definition slut: optional date according to lov \"§ 7\" = slutdato\n"
    "definition postnummer: integer according to lov \"§ 8\" = adresse.postnummer\n"
    "definition helligdag: boolean according to lov \"§ 9\" = er_helligdag(dag)\n"
    "definition skaleret: decimal according to lov \"§ 9\" = faktor(andel, frist)\n"
    "definition opslag: money according to lov \"§ 9\" = beløb_for(sats, timer, hjælp)\n"
    "adverse outcome nedsættelse: money\n"
    "  according to lov \"§ 10\"\n"
    "  requires hearing høring according to fvl \"§ 19, stk. 1\"\n"
    "  requires decision afgjort according to fvl \"§ 22\"\n"
    "  default 0 kr\n"
    "  exception under_kravet\n"
    "    according to lov \"§ 10\"\n"
    "    when timer_i_alt < 225\n"
    "    then hjælp\n";

/* A host library of external functions (--externals): er_helligdag says
 * yes for the 1st of a month, beløb_for adds n kroner to m. 'faktor' is
 * left out on purpose in the second one. */
static const char host_c[] =
    "#include \"lov.h\"\n"
    "lov_status er_helligdag(void *ctx, lov_date d, bool *result);\n"
    "lov_status faktor(void *ctx, lov_decimal a, lov_duration p, lov_decimal *result);\n"
    "lov_status beloeb_for(void *ctx, int s, int64_t n, lov_money m, lov_money *result);\n"
    "lov_status er_helligdag(void *ctx, lov_date d, bool *result)\n"
    "{ (void)ctx; *result = lov_date_day(d) == 1; return LOV_OK; }\n"
    "#ifndef WITHOUT_FAKTOR\n"
    "lov_status faktor(void *ctx, lov_decimal a, lov_duration p, lov_decimal *result)\n"
    "{ (void)ctx; result->coef = a.coef * p.days; result->scale = a.scale; return LOV_OK; }\n"
    "#endif\n"
    "lov_status beloeb_for(void *ctx, int s, int64_t n, lov_money m, lov_money *result)\n"
    "{ (void)ctx; *result = m + n * 100 + s; return LOV_OK; }\n";

/* Descriptors that the loader must refuse. */
static const char fake_c[] =
    "#include \"lov.h\"\n"
    "const lov_module_desc old_descriptor = {.descriptor_version = 99, .entry = \"old_evaluate\"};\n"
    "const lov_module_desc lost_descriptor = {.descriptor_version = LOV_DESCRIPTOR_VERSION,\n"
    "                                          .entry = \"lost_evaluate\"};\n";

static char *dir;            /* the temporary folder of the compiled files */
static char *so;             /* the compiled rules */
static char host_so[256], host_partial_so[256], fake_so[256];

/* Compiles C text into DIR/NAME.so (with -D if define is set). */
static void compile_c(const char *name, const char *text, const char *define, char *so_path, size_t cap)
{
    char c_path[512], why[4096];
    snprintf(c_path, sizeof c_path, "%s/%s.c", dir, name);
    FILE *f = fopen(c_path, "w");
    ck_assert_ptr_nonnull(f);
    if (define)
        fprintf(f, "#define %s\n", define);
    fputs(text, f);
    fclose(f);
    snprintf(so_path, cap, "%s/%s.so", dir, name);
    if (!build_shared(c_path, so_path, why, sizeof why)) {
        fprintf(stderr, "%s\n", why);
        so_path[0] = '\0';
    }
}

/* Once, before the tests fork: compile the rules and the libraries. */
static void setup_modules(void)
{
    dir = scn_test_mkdtemp();
    so = scn_test_compile(dir, "enhed.lov", rules);
    compile_c("host", host_c, NULL, host_so, sizeof host_so);
    compile_c("host_partial", host_c, "WITHOUT_FAKTOR", host_partial_so, sizeof host_partial_so);
    compile_c("fake", fake_c, NULL, fake_so, sizeof fake_so);
}

static void teardown_modules(void)
{
    scn_test_rmdir(dir);
    free(dir);
    free(so);
}

/* ---- Reading values through the descriptor --------------------------------- */

static int field_index(const lov_field_desc *fields, uint32_t n, const char *name)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(fields[i].name, name) == 0)
            return (int)i;
    ck_abort_msg("no field %s", name);
    return -1;
}

/* The output 'name' of 'out' in words ("1 066 kr"), or its status. */
static const char *output_text(const lov_module_desc *d, const void *out, const char *name)
{
    static char buf[128];
    const lov_field_desc *f = &d->outputs[field_index(d->outputs, d->noutputs, name)];
    lov_status st;
    memcpy(&st, (const char *)out + f->status_offset, sizeof st);
    if (st != LOV_OK)
        return lov_status_name(st);
    bool present;
    lov_value v;
    scn_load(out, f->offset, f->type, f->optional, &present, &v);
    scn_format_value(buf, sizeof buf, f->type, f->enum_desc, present, v);
    return buf;
}

/* Sets the input 'name' of 'in' and marks it known. */
static void set_input(const lov_module_desc *d, void *in, const char *name, lov_value v, bool present)
{
    const lov_field_desc *f = &d->inputs[field_index(d->inputs, d->ninputs, name)];
    scn_store(in, f->offset, f->type, f->optional, present, v);
    *((bool *)((char *)in + f->known_offset)) = true;
}

/* ---- Loading and calling through the descriptor ------------------------------- */

START_TEST(test_scn_module_load_descriptor)
{
    ck_assert_ptr_nonnull(so);
    scn_module m;
    char why[1024] = "";
    ck_assert_msg(scn_module_load(&m, so, "enhed", why, sizeof why), "%s", why);
    const lov_module_desc *d = m.desc;
    ck_assert_uint_eq(d->descriptor_version, LOV_DESCRIPTOR_VERSION);
    ck_assert_str_eq(d->name, "enhed");
    ck_assert_str_eq(d->title, "Enhed");
    ck_assert_str_eq(d->entry, "enhed_evaluate");
    ck_assert_uint_eq(d->ninputs, 13);
    ck_assert_uint_eq(d->noutputs, 13);
    ck_assert_uint_eq(d->nexternals, 3);
    ck_assert_str_eq(d->externals[2].name, "beløb_for");
    ck_assert_str_eq(d->externals[2].c_name, "beloeb_for");
    ck_assert_int_eq(d->inputs[field_index(d->inputs, d->ninputs, "adresse")].type, LOV_T_RECORD);
    ck_assert_int_eq(d->inputs[field_index(d->inputs, d->ninputs, "tal")].elem_type, LOV_T_INT);
    ck_assert_uint_eq(strlen(d->source_sha256), 64);
    scn_module_close(&m);
}
END_TEST

/* The entry point called by hand, as the runner does: input struct built
 * from the descriptor's offsets, four pointers through the prepared cif. */
START_TEST(test_scn_module_call)
{
    scn_module m;
    char why[1024] = "";
    ck_assert_msg(scn_module_load(&m, so, "enhed", why, sizeof why), "%s", why);
    ck_assert_msg(scn_module_bind(&m, NULL, why, sizeof why), "%s", why);
    const lov_module_desc *d = m.desc;
    void *in = calloc(1, d->input_size), *out = calloc(1, d->output_size);
    lov_value v;
    memset(&v, 0, sizeof v);
    ck_assert_int_eq(lov_date_parse("2020-01-31", 10, &v.date), LOV_DATE_PARSE_OK);
    set_input(d, in, "dag", v, true);
    v.i = 200;
    set_input(d, in, "timer", v, true);
    v.dec = (lov_decimal){75, 2};
    set_input(d, in, "andel", v, true);
    v.money = 106650;
    set_input(d, in, "hjælp", v, true);
    v.dur = (lov_duration){1, 0};
    set_input(d, in, "frist", v, true);
    v.b = true;
    set_input(d, in, "syg", v, true);
    v.enum_case = 1;                                   /* halv */
    set_input(d, in, "sats", v, true);
    set_input(d, in, "slutdato", v, false);           /* absent */
    v.b = true;
    set_input(d, in, "høring", v, true);
    set_input(d, in, "afgjort", v, true);
    /* Lists and the record, by their offsets. */
    const lov_field_desc *arbejde = &d->inputs[field_index(d->inputs, d->ninputs, "arbejde")];
    const lov_record_desc *rec = arbejde->record;
    char *items = calloc(2, rec->size);
    for (int k = 0; k < 2; k++) {
        lov_value t = {.i = 10 + k};
        scn_store(items + (size_t)k * rec->size, rec->fields[1].offset, LOV_T_INT, false, true, t);
        lov_value o = {.b = k == 0};
        scn_store(items + (size_t)k * rec->size, rec->fields[2].offset, LOV_T_BOOL, false, true, o);
    }
    void *items_ptr = items;
    size_t count = 2;
    memcpy((char *)in + arbejde->offset, &items_ptr, sizeof items_ptr);
    memcpy((char *)in + arbejde->count_offset, &count, sizeof count);
    *((bool *)((char *)in + arbejde->known_offset)) = true;
    const lov_field_desc *tal = &d->inputs[field_index(d->inputs, d->ninputs, "tal")];
    int64_t numbers[3] = {1, 2, 3};
    void *numbers_ptr = numbers;
    count = 3;
    memcpy((char *)in + tal->offset, &numbers_ptr, sizeof numbers_ptr);
    memcpy((char *)in + tal->count_offset, &count, sizeof count);
    *((bool *)((char *)in + tal->known_offset)) = true;
    const lov_field_desc *adresse = &d->inputs[field_index(d->inputs, d->ninputs, "adresse")];
    lov_value pn = {.i = 8000};
    scn_store((char *)in + adresse->offset, adresse->record->fields[0].offset, LOV_T_INT, false, true, pn);
    *((bool *)((char *)in + adresse->known_offset)) = true;

    lov_trace_entry entries[64];
    lov_trace trace = {entries, 64, 0, 0};
    lov_trace *tp = &trace;
    void *ext = m.externals;
    void *args[4] = {&in, &out, &tp, &ext};
    ffi_arg rc = 0;
    ffi_call(&m.cif, FFI_FN(m.entry), &rc, args);

    /* No answers are bound in a scenario: the externals are undetermined. */
    ck_assert_int_eq((int)rc, LOV_OK);
    ck_assert_str_eq(output_text(d, out, "timer_i_alt"), "216");
    ck_assert_str_eq(output_text(d, out, "halv_andel"), "0.375");
    ck_assert_str_eq(output_text(d, out, "dobbelt_hjælp"), "2 133 kr");
    ck_assert_str_eq(output_text(d, out, "sidste_dag"), "2020-02-29");
    ck_assert_str_eq(output_text(d, out, "frist_dobbelt"), "2 months");
    ck_assert_str_eq(output_text(d, out, "rask"), "no");
    ck_assert_str_eq(output_text(d, out, "anden_sats"), "fuld");
    ck_assert_str_eq(output_text(d, out, "slut"), "absent");
    ck_assert_str_eq(output_text(d, out, "postnummer"), "8000");
    ck_assert_str_eq(output_text(d, out, "helligdag"), "undetermined");
    ck_assert_str_eq(output_text(d, out, "skaleret"), "undetermined");
    ck_assert_str_eq(output_text(d, out, "opslag"), "undetermined");
    ck_assert_str_eq(output_text(d, out, "nedsættelse"), "1 066.50 kr");
    ck_assert_uint_eq(trace.dropped, 0);
    ck_assert_uint_gt(trace.count, 10);
    free(items);
    free(in);
    free(out);
    scn_module_close(&m);
}
END_TEST

/* ---- Whole scenarios: parse, check against the descriptor, run ------------------ */

typedef struct ran {
    capture c;
    scn_suite *suite;
    scn_module m;
    scn_result results[8];
    int n;
    bool covered[64];
} ran;

/* Parses the suite text, checks it against the compiled rules, binds the
 * externals (from 'host' when given) and runs every scenario. */
static void run_suite(ran *r, const char *text, const char *host)
{
    memset(r, 0, sizeof *r);
    capture_init(&r->c);
    char why[1024] = "";
    ck_assert_msg(scn_module_load(&r->m, so, "enhed", why, sizeof why), "%s", why);
    r->suite = scn_test_parse(text, &r->c);
    ck_assert_msg(scn_check(r->suite, r->m.desc, &r->c.diag), "%s", capture_text(&r->c));
    ck_assert_msg(scn_module_bind(&r->m, host, why, sizeof why), "%s", why);
    ck_assert_int_le(r->suite->scenarios.len, 8);
    ck_assert_uint_le(r->m.desc->nprovisions, 64);
    for (int i = 0; i < r->suite->scenarios.len; i++)
        scn_run(&r->m, r->suite, SCN_AT(r->suite->scenarios, i), &r->results[r->n++], r->covered);
}

static void ran_free(ran *r)
{
    for (int i = 0; i < r->n; i++)
        scn_result_free(&r->results[i]);
    scn_module_close(&r->m);
    scn_suite_free(r->suite);
    capture_free(&r->c);
}

static const char *failures(const ran *r, int i)
{
    return r->results[i].failures.data ? r->results[i].failures.data : "";
}

#define BACKGROUND                         \
    "suite \"T\" for enhed.lov\n"          \
    "background\n"                         \
    "  dag = 2020-03-02\n"                 \
    "  timer = 200\n"                      \
    "  andel = 0.5\n"                      \
    "  hjælp = 1 000 kr\n"                 \
    "  frist = 14 days\n"                  \
    "  syg = no\n"                         \
    "  sats = fuld\n"                      \
    "  slutdato = 2020-12-31\n"            \
    "  tal =\n"                            \
    "    | 5 |\n"                          \
    "  arbejde =\n"                        \
    "    | måned | timer | ordinært |\n"    \
    "  adresse =\n"                        \
    "    | postnummer | udlandet |\n"      \
    "    | 2100       | no       |\n"      \
    "  høring = yes\n"                     \
    "  afgjort = yes\n"

START_TEST(test_scn_run_values)
{
    ran r;
    run_suite(&r, BACKGROUND
              "scenario \"Alt\"\n"
              "  given\n"
              "    arbejde =\n"
              "      | måned      | timer | ordinært |\n"
              "      | 2020-01-01 | 15    | yes      |\n"
              "      | 2020-02-01 | 99    | no       |\n"
              "  expect\n"
              "    timer_i_alt = 220\n"
              "    halv_andel = 0.25\n"
              "    dobbelt_hjælp = 2 000 kr\n"
              "    sidste_dag = 2020-03-16\n"
              "    frist_dobbelt = 28 days\n"
              "    rask = yes\n"
              "    anden_sats = halv\n"
              "    slut = 2020-12-31\n"
              "    postnummer = 2100\n"
              "    nedsættelse = 1 000 kr\n"
              "scenario \"Forkert\"\n"
              "  given\n"
              "    slutdato = absent\n"
              "    høring = no\n"
              "  expect\n"
              "    timer_i_alt = 205\n"
              "    slut = 2020-12-31\n"
              "    nedsættelse = 1 000 kr\n"
              "    no nedsættelse\n"
              "    nedsættelse is held back\n"
              "    helligdag = yes\n"
              "    missing dag\n",
              NULL);
    ck_assert_str_eq(failures(&r, 0), "");
    ck_assert(r.results[0].passed);
    /* The entry point's status is the outcomes' (nedsættelse is decided),
     * though the definitions that need an external have no answer. */
    ck_assert_int_eq(r.results[0].status, LOV_OK);
    ck_assert(!r.results[1].passed);
    ck_assert_str_eq(failures(&r, 1),
                     "slut: expected 2020-12-31, but the rules decided absent\n"
                     "nedsættelse: expected 1 000 kr, but the rules decided 0 kr\n"
                     "helligdag: expected yes, but the rules decided undetermined\n"
                     "missing dag: expected the rules to name 'dag' as a missing fact, but they do not\n");
    ran_free(&r);
}
END_TEST

START_TEST(test_scn_run_closures)
{
    ran r;
    run_suite(&r, BACKGROUND
              "  er_helligdag(2020-03-02) = yes\n"
              "scenario \"Svar fundet\"\n"
              "  given\n"
              "    faktor(0.5, 14 days) = 1.75\n"
              "    faktor(0.5, 15 days) = 9\n"
              "    beløb_for(fuld, 200, 1 000 kr) = 12.34 kr\n"
              "  expect\n"
              "    helligdag = yes\n"
              "    skaleret = 1.75\n"
              "    opslag = 12.34 kr\n"
              "scenario \"Scenariets svar afløser baggrundens\"\n"
              "  given\n"
              "    er_helligdag(2020-03-02) = no\n"
              "    faktor(0.50, 14 days) = -0.5\n"
              "  expect\n"
              "    helligdag = no\n"
              "    skaleret = -0.5\n"
              "scenario \"Intet svar for disse værdier\"\n"
              "  given\n"
              "    dag = 2020-03-03\n"
              "    faktor(0.5, 1 month) = 1\n"
              "    beløb_for(halv, 200, 1 000 kr) = 1 kr\n"
              "  expect\n"
              "    helligdag is undetermined\n"
              "    skaleret is undetermined\n"
              "    opslag is undetermined\n",
              NULL);
    for (int i = 0; i < 3; i++)
        ck_assert_msg(r.results[i].passed, "%s: %s", r.results[i].scenario->name, failures(&r, i));
    ran_free(&r);
}
END_TEST

/* The same values written differently (2 weeks, 14 days; 0.5, 0.50) are
 * the same question: answering it twice is an error. */
START_TEST(test_scn_check_answer_twice)
{
    capture c;
    capture_init(&c);
    scn_module m;
    char why[1024] = "";
    ck_assert_msg(scn_module_load(&m, so, "enhed", why, sizeof why), "%s", why);
    scn_suite *s = scn_test_parse("suite \"T\" for enhed.lov\n"
                                  "scenario \"To gange\"\n"
                                  "  given\n"
                                  "    faktor(0.5, 14 days) = 1.75\n"
                                  "    faktor(0.50, 2 weeks) = 9\n"
                                  "  expect\n"
                                  "    skaleret = 1.75\n",
                                  &c);
    ck_assert(!scn_check(s, m.desc, &c.diag));
    ck_assert_str_eq(capture_messages(&c),
                     "t.scn:5:5: error: 'faktor' is answered twice for the same values in this scenario\n"
                     "t.scn:4:5: note: it is first given here\n");
    scn_suite_free(s);
    scn_module_close(&m);
    capture_free(&c);
}
END_TEST

/* --externals: the case system's own functions, found by their C names. */
START_TEST(test_scn_module_bind_host)
{
    ck_assert_str_ne(host_so, "");
    ran r;
    run_suite(&r, BACKGROUND
              "scenario \"Værtens funktioner\"\n"
              "  given\n"
              "    dag = 2020-03-01\n"
              "    sats = halv\n"
              "    er_helligdag(2020-03-01) = no\n"
              "  expect\n"
              "    helligdag = yes\n"
              "    skaleret = 7.0\n"
              "    opslag = 1 200.01 kr\n",
              host_so);
    ck_assert_msg(r.results[0].passed, "%s", failures(&r, 0));
    ran_free(&r);

    scn_module m;
    char why[1024] = "";
    ck_assert(scn_module_load(&m, so, "enhed", why, sizeof why));
    ck_assert(!scn_module_bind(&m, host_partial_so, why, sizeof why));
    char expected[2048];
    snprintf(expected, sizeof expected, "%s has no function faktor (the external function 'faktor'): %s: "
             "undefined symbol: faktor", host_partial_so, host_partial_so);
    ck_assert_str_eq(why, expected);
    scn_module_close(&m);

    ck_assert(scn_module_load(&m, so, "enhed", why, sizeof why));
    ck_assert(!scn_module_bind(&m, "/nonexistent/host.so", why, sizeof why));
    ck_assert_str_eq(why, "cannot load the external functions: /nonexistent/host.so: cannot open shared "
                          "object file: No such file or directory");
    scn_module_close(&m);
}
END_TEST

START_TEST(test_scn_module_load_errors)
{
    scn_module m;
    char why[1024] = "", expected[2048];
    ck_assert(!scn_module_load(&m, "/nonexistent/rules.so", "enhed", why, sizeof why));
    ck_assert_str_eq(why, "cannot load the compiled rules: /nonexistent/rules.so: cannot open shared object "
                          "file: No such file or directory");
    scn_module_close(&m);

    ck_assert(!scn_module_load(&m, so, "andet", why, sizeof why));
    snprintf(expected, sizeof expected, "the compiled rules have no andet_descriptor: %s: undefined symbol: "
             "andet_descriptor", so);
    ck_assert_str_eq(why, expected);
    scn_module_close(&m);

    ck_assert_str_ne(fake_so, "");
    ck_assert(!scn_module_load(&m, fake_so, "old", why, sizeof why));
    ck_assert_str_eq(why, "the compiled rules describe themselves in version 99, this runner reads 2");
    scn_module_close(&m);

    ck_assert(!scn_module_load(&m, fake_so, "lost", why, sizeof why));
    snprintf(expected, sizeof expected, "the compiled rules have no lost_evaluate: %s: undefined symbol: "
             "lost_evaluate", fake_so);
    ck_assert_str_eq(why, expected);
    scn_module_close(&m);
}
END_TEST

/* A trace too small for the decision is not cut short: the runner
 * evaluates again with room for every step. */
START_TEST(test_scn_run_trace_and_coverage)
{
    ran r;
    run_suite(&r, BACKGROUND
              "scenario \"Et\"\n"
              "  expect\n"
              "    nedsættelse = 1 000 kr\n",
              NULL);
    ck_assert(r.results[0].passed);
    const lov_module_desc *d = r.m.desc;
    size_t values = 0;
    for (size_t i = 0; i < r.results[0].ntrace; i++)
        values += r.results[0].trace[i].event == LOV_TRACE_VALUE;
    /* 12 definitions and the outcome with a value; the externals' three
     * without (no answers); one exception, two prerequisites. */
    ck_assert_uint_eq(values, 10);
    ck_assert_uint_eq(r.results[0].ntrace, 16);
    int exercised = 0;
    for (uint32_t i = 0; i < d->nprovisions; i++)
        exercised += r.covered[i];
    ck_assert_int_eq(exercised, 13);
    ran_free(&r);
}
END_TEST

Suite *suite_scenario_run(void)
{
    Suite *s = suite_create("scenario_run");
    TCase *tc = tcase_create("scn_run");
    tcase_add_unchecked_fixture(tc, setup_modules, teardown_modules);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_scn_module_load_descriptor);
    tcase_add_test(tc, test_scn_module_call);
    tcase_add_test(tc, test_scn_run_values);
    tcase_add_test(tc, test_scn_run_closures);
    tcase_add_test(tc, test_scn_check_answer_twice);
    tcase_add_test(tc, test_scn_module_bind_host);
    tcase_add_test(tc, test_scn_module_load_errors);
    tcase_add_test(tc, test_scn_run_trace_and_coverage);
    suite_add_tcase(s, tc);
    return s;
}

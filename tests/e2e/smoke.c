/* SPDX-License-Identifier: Apache-2.0 */
/* The generic smoke driver of the end-to-end tests: links any generated
 * module and checks it through its descriptor alone.
 *
 * Compiled once per module by tests/e2e/run with
 *   -DMODULE=<C prefix>          sanktion          (names MODULE_evaluate, MODULE_descriptor)
 *   -DHEADER='"<prefix>.h"'      the generated header
 *   -DEXPECT_NAME='"..."'        the module name in the .lov source
 *   -DEXPECT_SOURCE='"..."'      the path given to lovc
 *   -DEXPECT_SHA256='"..."'      sha256sum of the .lov source
 *   -DEXPECT_VERSION='"..."'     lovc --version
 *   -DEXPECT_INPUTS=N, EXPECT_OUTPUTS=N, EXPECT_OUTCOMES=N, EXPECT_ADVERSE=N,
 *   EXPECT_PARAMS=N, EXPECT_EXTERNALS=N, EXPECT_ASSERTS_MIN=N, EXPECT_ASSERTS_MAX=N
 *                                counted by the script from the declarations in the source
 *
 * What it checks:
 *   1. the descriptor: version, names, SHA-256, compiler version, counts, and that
 *      every offset, index and table in it is consistent;
 *   2. an input with every fact unknown: no decision is ok with an adverse value,
 *      every decision is undetermined or not applicable (or ok, for a module with
 *      no reference date), and the missing mask and info agree with the status;
 *   3. an input with every fact known and zero, the reference date on each day
 *      where something changes (the ends of the period in force and of each
 *      dated parameter value, and the days next to them): no fact reported
 *      missing, adverse outcomes zero unless ok;
 *   4. for both: the same statuses, values, held-back and missing bits with and
 *      without a trace; a trace that is consistent with the provision table; a
 *      trace buffer too small (half, and none) counts 'dropped', stores the first
 *      steps only and writes nothing past its capacity;
 *   5. each date, enum and list input set to an impossible value: 'invalid input',
 *      naming that input;
 *   6. 3,000 cases of random facts (most with every fact known, values near the
 *      rules' limits and at the ends of int64): the same as 3 and 4, so the fast
 *      path (no trace, every fact known) and the rules that explain (with a
 *      trace) agree on every output; NAME_evaluate_batch the same as one case
 *      at a time; and NAME_evaluate_some, for random sets of outputs, the same as
 *      NAME_evaluate on the outputs asked for, with and without a trace.
 *
 * It reads and writes the input and output structs only through the
 * descriptor's offsets, as a runner without the header would. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include HEADER

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define STR_(x) #x
#define STR(x) STR_(x)

#define DESC CAT(MODULE, _descriptor)
#define EVALUATE CAT(MODULE, _evaluate)
typedef CAT(MODULE, _input) module_input;
typedef CAT(MODULE, _output) module_output;
typedef CAT(MODULE, _externals) module_externals;

#define BUF_SIZE 65536
#define TRACE_CAP 4096
#define GUARD 8                  /* guard entries after a short trace */

static int checks, failures;
static const char *phase = "descriptor";

#define CHECK(cond)                                                              \
    do {                                                                         \
        checks++;                                                                \
        if (!(cond)) {                                                           \
            failures++;                                                          \
            fprintf(stderr, "smoke %s: %s: line %d: expected %s\n", STR(MODULE), \
                    phase, __LINE__, #cond);                                     \
        }                                                                        \
    } while (0)

static const lov_module_desc *const d = &DESC;

/* ---- reading and writing through the descriptor --------------------------- */

static size_t type_size(lov_type t)
{
    switch (t) {
    case LOV_T_BOOL: return sizeof(bool);
    case LOV_T_INT: return sizeof(int64_t);
    case LOV_T_DECIMAL: return sizeof(lov_decimal);
    case LOV_T_MONEY: return sizeof(lov_money);
    case LOV_T_DATE: return sizeof(lov_date);
    case LOV_T_DURATION: return sizeof(lov_duration);
    case LOV_T_ENUM: return sizeof(int32_t);
    case LOV_T_RECORD: return 0;
    case LOV_T_LIST: return sizeof(void *);
    }
    return 0;
}

/* Where the value of an optional field lies: the lov_opt_* structs put the
 * value at the offset of 'value', which depends on the type's alignment. */
static size_t opt_value_offset(lov_type t)
{
    switch (t) {
    case LOV_T_BOOL: return offsetof(lov_opt_bool, value);
    case LOV_T_INT: return offsetof(lov_opt_int, value);
    case LOV_T_DECIMAL: return offsetof(lov_opt_decimal, value);
    case LOV_T_MONEY: return offsetof(lov_opt_money, value);
    case LOV_T_DATE: return offsetof(lov_opt_date, value);
    case LOV_T_DURATION: return offsetof(lov_opt_duration, value);
    case LOV_T_ENUM: return offsetof(lov_opt_enum, value);
    default: return 0;
    }
}

static size_t field_size(const lov_field_desc *f)
{
    if (f->type == LOV_T_RECORD)
        return f->record ? f->record->size : 0;
    return f->optional ? opt_value_offset(f->type) + type_size(f->type) : type_size(f->type);
}

static lov_status status_of(const unsigned char *out, size_t i)
{
    lov_status st;
    memcpy(&st, out + d->outputs[i].status_offset, sizeof st);
    return st;
}

/* Do two values of a scalar type hold the same value? Compares the members,
 * never padding (a lov_decimal has some, a lov_opt_* too). */
static int same_scalar(const unsigned char *a, const unsigned char *b, lov_type t)
{
    if (t == LOV_T_DECIMAL) {
        lov_decimal x, y;
        memcpy(&x, a, sizeof x);
        memcpy(&y, b, sizeof y);
        return x.coef == y.coef && x.scale == y.scale;
    }
    if (t == LOV_T_BOOL)
        return (a[0] != 0) == (b[0] != 0);
    return memcmp(a, b, type_size(t)) == 0;
}

/* The same value in two output structs (present and value, for optionals). */
static int same_value(const unsigned char *a, const unsigned char *b, const lov_field_desc *f)
{
    const unsigned char *pa = a + f->offset, *pb = b + f->offset;
    if (!f->optional)
        return same_scalar(pa, pb, f->type);
    if ((pa[0] != 0) != (pb[0] != 0))  /* 'present' is the first member of every lov_opt_* */
        return 0;
    return pa[0] == 0 || same_scalar(pa + opt_value_offset(f->type), pb + opt_value_offset(f->type), f->type);
}

/* Is this output's value the non-harming default (zero, no, absent)? */
static int value_is_zero(const unsigned char *out, size_t i)
{
    static const unsigned char zero[64];
    const lov_field_desc *f = &d->outputs[i];
    if (f->optional)
        return out[f->offset] == 0;
    return same_scalar(out + f->offset, zero, f->type);
}

static lov_result_info info_of(const unsigned char *out)
{
    lov_result_info info;
    memcpy(&info, out + d->info_offset, sizeof info);
    return info;
}

static uint64_t missing_word(const unsigned char *out, size_t w)
{
    uint64_t m;
    memcpy(&m, out + d->missing_offset + w * sizeof m, sizeof m);
    return m;
}

static int missing_bit(const unsigned char *out, size_t input)
{
    return (int)((missing_word(out, input / 64) >> (input % 64)) & 1);
}

static uint32_t held_of(const unsigned char *out, size_t i)
{
    uint32_t h;
    if (d->outputs[i].held_offset == 0)      /* no prerequisites: no mask (offset 0 is another field) */
        return 0;
    memcpy(&h, out + d->outputs[i].held_offset, sizeof h);
    return h;
}

static void set_known(unsigned char *in, size_t i, bool known)
{
    memcpy(in + d->inputs[i].known_offset, &known, sizeof known);
}

static lov_status evaluate(const unsigned char *in, unsigned char *out, lov_trace *trace)
{
    return EVALUATE((const module_input *)(const void *)in, (module_output *)(void *)out, trace,
                    NULL);
}

/* ---- 1. the descriptor ------------------------------------------------------ */

static int valid_type(lov_type t)
{
    return t >= LOV_T_BOOL && t <= LOV_T_LIST;
}

static void check_field(const lov_field_desc *f, size_t struct_size, int is_input)
{
    CHECK(f->name != NULL && f->name[0] != '\0');
    CHECK(f->c_name != NULL && f->c_name[0] != '\0');
    CHECK(valid_type(f->type));
    CHECK(f->offset < struct_size);
    if (f->type == LOV_T_LIST) {
        CHECK(valid_type(f->elem_type) && f->elem_type != LOV_T_LIST);
        CHECK(f->count_offset < struct_size);
        CHECK(f->elem_type != LOV_T_RECORD || f->record != NULL);
        CHECK(f->elem_type != LOV_T_ENUM || f->enum_desc != NULL);
    } else {
        CHECK(f->offset + field_size(f) <= struct_size);
    }
    if (f->type == LOV_T_ENUM)
        CHECK(f->enum_desc != NULL && f->enum_desc->ncases > 0);
    if (f->type == LOV_T_RECORD)
        CHECK(f->record != NULL);
    if (is_input) {
        CHECK(f->known_offset + sizeof(bool) <= struct_size);
    } else {
        CHECK(f->status_offset + sizeof(lov_status) <= struct_size);
        CHECK(f->provision >= 0 && (uint32_t)f->provision < d->nprovisions);
        if (f->provision >= 0 && (uint32_t)f->provision < d->nprovisions) {
            const lov_provision_desc *p = &d->provisions[f->provision];
            CHECK(p->kind == LOV_PROV_DEFINITION || p->kind == LOV_PROV_ASSERTION);
            CHECK(strcmp(p->name, f->name) == 0);
            if (p->kind == LOV_PROV_ASSERTION)
                CHECK(f->type == LOV_T_BOOL && !f->optional && !f->adverse && !f->outcome);
        }
        if (f->adverse) {
            CHECK(f->outcome);
            /* 0: no prerequisites (only 'without hearing' and 'without decision'), no mask. */
            CHECK(f->held_offset == 0 || f->held_offset + sizeof(uint32_t) <= struct_size);
        }
    }
}

/* A function, so that a bound of 0 draws no "always true" warning. */
static int in_range(uint32_t n, uint32_t lo, uint32_t hi)
{
    return lo <= n && n <= hi;
}

static void check_descriptor(void)
{
    phase = "descriptor";
    CHECK(d->descriptor_version == LOV_DESCRIPTOR_VERSION);
    CHECK(strcmp(d->name, EXPECT_NAME) == 0);
    CHECK(strcmp(d->c_name, STR(MODULE)) == 0);
    CHECK(strcmp(d->source_file, EXPECT_SOURCE) == 0);
    CHECK(strcmp(d->source_sha256, EXPECT_SHA256) == 0);
    CHECK(strcmp(d->compiler_version, EXPECT_VERSION) == 0);
    CHECK(strcmp(d->entry, STR(MODULE) "_evaluate") == 0);
    CHECK(d->title != NULL);
    CHECK(d->input_size == sizeof(module_input));
    CHECK(d->output_size == sizeof(module_output));
    CHECK(d->externals_size == (d->nexternals ? sizeof(module_externals) : 0));
    CHECK(d->input_size <= BUF_SIZE && d->output_size <= BUF_SIZE);

    CHECK(d->ninputs == EXPECT_INPUTS);
    CHECK(d->noutputs == EXPECT_OUTPUTS + EXPECT_ASSERTS_MIN);    /* the module's own assertions are outputs too */
    CHECK(d->nparams == EXPECT_PARAMS);
    CHECK(d->nexternals == EXPECT_EXTERNALS);
    uint32_t outcomes = 0, adverse = 0, asserts = 0;
    for (uint32_t i = 0; i < d->noutputs; i++) {
        outcomes += d->outputs[i].outcome;
        adverse += d->outputs[i].adverse;
    }
    CHECK(outcomes == EXPECT_OUTCOMES);
    CHECK(adverse == EXPECT_ADVERSE);

    CHECK(d->missing_words * 64 >= d->ninputs);
    CHECK(d->missing_offset + d->missing_words * sizeof(uint64_t) <= d->output_size);
    CHECK(d->info_offset + sizeof(lov_result_info) <= d->output_size);
    CHECK(d->reference_input >= -1 && d->reference_input < (int32_t)d->ninputs);
    if (d->reference_input >= 0) {
        CHECK(d->inputs[d->reference_input].type == LOV_T_DATE);
        CHECK(!d->inputs[d->reference_input].optional);
    }
    if (d->has_in_force) {
        CHECK(d->reference_input >= 0);
        CHECK(lov_date_valid(d->in_force_from) && lov_date_valid(d->in_force_until));
        CHECK(d->in_force_from <= d->in_force_until);
    }

    for (uint32_t i = 0; i < d->ninputs; i++)
        check_field(&d->inputs[i], d->input_size, 1);
    for (uint32_t i = 0; i < d->noutputs; i++)
        check_field(&d->outputs[i], d->output_size, 0);

    for (uint32_t i = 0; i < d->nprovisions; i++) {
        const lov_provision_desc *p = &d->provisions[i];
        CHECK(p->kind >= LOV_PROV_DEFINITION && p->kind <= LOV_PROV_ASSERTION);
        CHECK(p->name != NULL && p->name[0] != '\0');
        CHECK(p->source != NULL && p->source_title != NULL);
        CHECK(p->citation != NULL && p->citation[0] != '\0');
        CHECK(p->line > 0);
        CHECK((p->kind == LOV_PROV_EXCEPTION) == (p->label != NULL));
        CHECK(valid_type(p->type));
        asserts += p->kind == LOV_PROV_ASSERTION;
    }
    CHECK(in_range(asserts, EXPECT_ASSERTS_MIN, EXPECT_ASSERTS_MAX));

    for (uint32_t i = 0; i < d->nparams; i++) {
        const lov_param_desc *p = &d->params[i];
        CHECK(p->name != NULL);
        CHECK(p->provision < d->nprovisions && d->provisions[p->provision].kind == LOV_PROV_PARAMETER);
        CHECK(p->nvalues > 0);
        for (uint32_t k = 0; k < p->nvalues; k++) {
            CHECK(p->values[k].from <= p->values[k].until);
            if (k > 0)
                CHECK(p->values[k - 1].until < p->values[k].from);
        }
    }
    for (uint32_t i = 0; i < d->nexternals; i++) {
        const lov_external_desc *x = &d->externals[i];
        CHECK(x->name != NULL && x->c_name != NULL && x->citation != NULL);
        CHECK(x->offset >= sizeof(void *) && x->offset + sizeof(void (*)(void)) <= d->externals_size);
        CHECK(x->nparams == 0 || (x->params != NULL && x->param_names != NULL));
    }
    for (uint32_t i = 0; i < d->nenums; i++)
        CHECK(d->enums[i] != NULL && d->enums[i]->ncases > 0);
    for (uint32_t i = 0; i < d->nrecords; i++)
        CHECK(d->records[i] != NULL && d->records[i]->size > 0);
}

/* ---- 2-4. evaluations ------------------------------------------------------- */

static alignas(max_align_t) unsigned char in_buf[BUF_SIZE];
static alignas(max_align_t) unsigned char out_plain[BUF_SIZE];
static alignas(max_align_t) unsigned char out_traced[BUF_SIZE];
static alignas(max_align_t) unsigned char out_short[BUF_SIZE];
static lov_trace_entry full_entries[TRACE_CAP];
static lov_trace_entry short_entries[TRACE_CAP + GUARD];

/* The returned status against the outcomes' statuses, and the missing mask
 * and info against the returned status. */
static void check_consistent(lov_status st, const unsigned char *out, int all_known)
{
    int all_ok = 1, found = 0;
    for (uint32_t i = 0; i < d->noutputs; i++) {
        if (!d->outputs[i].outcome)
            continue;
        lov_status s = status_of(out, i);
        CHECK(s <= LOV_INVALID_INPUT);
        if (s != LOV_OK)
            all_ok = 0;
        if (s == st)
            found = 1;
    }
    if (all_ok)
        CHECK(st == LOV_OK);
    else
        CHECK(st != LOV_OK && found);

    /* Never harm on an unsure result: an adverse outcome that is not ok
     * holds its non-harming default. */
    for (uint32_t i = 0; i < d->noutputs; i++)
        if (d->outputs[i].adverse && status_of(out, i) != LOV_OK)
            CHECK(value_is_zero(out, i));

    lov_result_info info = info_of(out);
    int any_missing = 0;
    for (uint32_t w = 0; w < d->missing_words; w++) {
        uint64_t m = missing_word(out, w);
        any_missing |= m != 0;
        for (uint32_t b = 0; b < 64; b++)
            if ((m >> b) & 1) {
                CHECK(w * 64 + b < d->ninputs);
                if (all_known)
                    CHECK(!"an input is reported missing although every input is known");
            }
    }
    if (st == LOV_OK) {
        CHECK(!any_missing);
        CHECK(info.reason == LOV_REASON_NONE);
        CHECK(info.input == -1);
    } else {
        CHECK(info.reason != LOV_REASON_NONE && info.reason <= LOV_REASON_EXTERNAL);
    }
    if (info.reason == LOV_REASON_MISSING_FACT) {
        CHECK(info.input >= 0 && (uint32_t)info.input < d->ninputs);
        if (info.input >= 0 && (uint32_t)info.input < d->ninputs)
            CHECK(missing_bit(out, (size_t)info.input));
    }
    if (info.reason == LOV_REASON_NO_PARAMETER_VALUE || info.reason == LOV_REASON_NO_RULE
        || info.reason == LOV_REASON_CONFLICT)
        CHECK(info.provision >= 0 && (uint32_t)info.provision < d->nprovisions);
    if (info.reason == LOV_REASON_CONFLICT)
        CHECK(info.other_provision >= 0 && (uint32_t)info.other_provision < d->nprovisions);
    if (any_missing)
        CHECK(st != LOV_OK);
}

/* Same decisions: statuses, values of the decided outputs, held-back bits,
 * missing bits and info. */
static void check_same(const unsigned char *a, const unsigned char *b)
{
    for (uint32_t i = 0; i < d->noutputs; i++) {
        const lov_field_desc *f = &d->outputs[i];
        CHECK(status_of(a, i) == status_of(b, i));
        if (status_of(a, i) == LOV_OK && status_of(b, i) == LOV_OK)
            CHECK(same_value(a, b, f));
        if (f->adverse)
            CHECK(held_of(a, i) == held_of(b, i));
    }
    for (uint32_t w = 0; w < d->missing_words; w++)
        CHECK(missing_word(a, w) == missing_word(b, w));
    lov_result_info ia = info_of(a), ib = info_of(b);
    CHECK(memcmp(&ia, &ib, sizeof ia) == 0);
}

/* The trace against the provision table and the outputs. */
static void check_trace(const lov_trace *t, const unsigned char *out)
{
    CHECK(t->dropped == 0);
    CHECK(t->count <= t->capacity);
    for (size_t k = 0; k < t->count; k++) {
        const lov_trace_entry *e = &t->entries[k];
        CHECK(e->provision < d->nprovisions);
        CHECK(e->event <= LOV_TRACE_FAILED);
        CHECK(e->status <= LOV_INVALID_INPUT);
        if (e->provision >= d->nprovisions)
            continue;
        lov_provision_kind kind = d->provisions[e->provision].kind;
        switch (e->event) {
        case LOV_TRACE_VALUE:      /* a definition's or a parameter's value */
            CHECK((kind == LOV_PROV_DEFINITION || kind == LOV_PROV_PARAMETER || kind == LOV_PROV_ASSERTION)
                  && e->status == LOV_OK);
            break;
        case LOV_TRACE_APPLIES:
        case LOV_TRACE_DOES_NOT_APPLY:
            CHECK(kind == LOV_PROV_EXCEPTION);
            break;
        case LOV_TRACE_MET:
        case LOV_TRACE_NOT_MET:
            CHECK(kind == LOV_PROV_REQUIREMENT);
            break;
        default:
            CHECK(e->status != LOV_OK);
        }
    }
    /* Each output gets one VALUE or FAILED step for its own provision, when
     * the rules were evaluated at all (not before a missing reference date or
     * outside the period in force). */
    uint32_t stepped = 0;
    for (uint32_t i = 0; i < d->noutputs; i++) {
        int n = 0;
        for (size_t k = 0; k < t->count; k++) {
            const lov_trace_entry *e = &t->entries[k];
            if (e->provision != (uint32_t)d->outputs[i].provision
                || (e->event != LOV_TRACE_VALUE && e->event != LOV_TRACE_FAILED))
                continue;
            n++;
            if (e->event == LOV_TRACE_VALUE)
                CHECK(status_of(out, i) == LOV_OK);
            else
                CHECK(status_of(out, i) == (lov_status)e->status);
        }
        CHECK(n <= 1);
        stepped += n == 1;
    }
    CHECK(stepped == 0 || stepped == d->noutputs);
}

/* The same step: members compared one by one (an entry has padding), the
 * value only for a VALUE step that holds one, by the provision's type. */
static int same_entry(const lov_trace_entry *a, const lov_trace_entry *b)
{
    if (a->provision != b->provision || a->event != b->event || a->status != b->status
        || a->present != b->present)
        return 0;
    if (a->event != LOV_TRACE_VALUE || !a->present || a->provision >= d->nprovisions)
        return 1;
    return same_scalar((const unsigned char *)&a->value, (const unsigned char *)&b->value,
                       d->provisions[a->provision].type);
}

static void evaluate_and_compare(const char *what, int all_known)
{
    phase = what;
    memset(out_plain, 0x5a, sizeof out_plain);   /* evaluate must set every field it reports */
    lov_status st = evaluate(in_buf, out_plain, NULL);
    check_consistent(st, out_plain, all_known);

    lov_trace full = { full_entries, TRACE_CAP, 0, 0 };
    memset(out_traced, 0xa5, sizeof out_traced);
    lov_status st_traced = evaluate(in_buf, out_traced, &full);
    CHECK(st_traced == st);
    check_same(out_plain, out_traced);
    check_trace(&full, out_traced);

    /* Too small a buffer: half the steps, then none at all. */
    size_t caps[2] = { full.count / 2, 0 };
    for (int c = 0; c < 2; c++) {
        memset(short_entries, 0xee, sizeof short_entries);
        lov_trace part = { caps[c] ? short_entries : NULL, caps[c], 0, 0 };
        lov_status st_short = evaluate(in_buf, out_short, &part);
        CHECK(st_short == st);
        check_same(out_plain, out_short);
        CHECK(part.count == caps[c]);
        CHECK(part.dropped == full.count - caps[c]);
        for (size_t k = 0; k < caps[c]; k++)
            CHECK(same_entry(&short_entries[k], &full_entries[k]));
        for (size_t k = caps[c]; k < TRACE_CAP + GUARD; k++) {
            const unsigned char *g = (const unsigned char *)&short_entries[k];
            int untouched = 1;
            for (size_t b = 0; b < sizeof short_entries[k]; b++)
                untouched &= g[b] == 0xee;
            if (!untouched) {
                CHECK(!"a trace entry was written past the buffer's capacity");
                break;
            }
        }
    }
}

/* Every fact unknown. */
static void all_unknown(void)
{
    memset(in_buf, 0, sizeof in_buf);
    evaluate_and_compare("all unknown", 0);

    lov_status st = evaluate(in_buf, out_plain, NULL);
    for (uint32_t i = 0; i < d->noutputs; i++) {
        lov_status s = status_of(out_plain, i);
        if (d->reference_input >= 0)   /* nothing can be decided without the day */
            CHECK(s == LOV_UNDETERMINED);
        else
            CHECK(s == LOV_OK || s == LOV_UNDETERMINED || s == LOV_NOT_APPLICABLE);
        if (d->outputs[i].adverse)
            CHECK(value_is_zero(out_plain, i) && held_of(out_plain, i) == 0);
    }
    if (d->reference_input >= 0) {
        lov_result_info info = info_of(out_plain);
        CHECK(st == LOV_UNDETERMINED);
        CHECK(info.reason == LOV_REASON_MISSING_FACT);
        CHECK(info.input == d->reference_input);
        for (uint32_t w = 0; w < d->missing_words; w++)
            CHECK(missing_word(out_plain, w)
                  == (w == (uint32_t)d->reference_input / 64
                      ? UINT64_C(1) << (d->reference_input % 64) : 0));
    }
}

/* Every fact known, every value zero (no, 0, 1970-01-01, the first case,
 * absent, empty list), the reference date on 'day'. */
static void fill_known_zero_on(lov_date day)
{
    memset(in_buf, 0, sizeof in_buf);
    for (uint32_t i = 0; i < d->ninputs; i++)
        set_known(in_buf, i, true);
    if (d->reference_input >= 0)
        memcpy(in_buf + d->inputs[d->reference_input].offset, &day, sizeof day);
}

/* ... on the first day in force. */
static void fill_known_zero(void)
{
    fill_known_zero_on(d->has_in_force ? d->in_force_from : 0);
}

/* The same on the days where something changes: the first and last day in
 * force and the days around them, and the first and last day of each dated
 * parameter value and the days around them (where a parameter may have no
 * value). */
static void all_known_zero(void)
{
    static char what[96];
    lov_date days[2 + 4 * 64];
    size_t n = 0;
    days[n++] = d->has_in_force ? d->in_force_from : 0;
    if (d->has_in_force && d->in_force_until != LOV_DATE_MAX) {
        days[n++] = d->in_force_until;
        days[n++] = d->in_force_until + 1;
    }
    for (uint32_t i = 0; i < d->nparams; i++)
        for (uint32_t k = 0; k < d->params[i].nvalues && n + 4 <= sizeof days / sizeof days[0]; k++) {
            const lov_dated_value *v = &d->params[i].values[k];
            days[n++] = v->from;
            days[n++] = v->from - 1;
            if (v->until != LOV_DATE_MAX) {
                days[n++] = v->until;
                days[n++] = v->until + 1;
            }
        }
    for (size_t i = 0; i < n; i++) {
        if (d->reference_input < 0 && i > 0)
            break;              /* without a reference date, one evaluation says it all */
        if (!lov_date_valid(days[i]))
            continue;
        int32_t y = 0;
        int m = 0, dd = 0;
        lov_date_to_ymd(days[i], &y, &m, &dd);
        snprintf(what, sizeof what, "all known, zero, on %04d-%02d-%02d", (int)y, m, dd);
        fill_known_zero_on(days[i]);
        evaluate_and_compare(what, 1);
    }
}

/* ---- 5. impossible values --------------------------------------------------- */

static void expect_invalid(uint32_t input, const char *what)
{
    phase = what;
    lov_status st = evaluate(in_buf, out_plain, NULL);
    lov_result_info info = info_of(out_plain);
    CHECK(st == LOV_INVALID_INPUT);
    CHECK(info.reason == LOV_REASON_INVALID_INPUT);
    CHECK(info.input == (int32_t)input);
    for (uint32_t i = 0; i < d->noutputs; i++) {
        CHECK(status_of(out_plain, i) == LOV_INVALID_INPUT);
        if (d->outputs[i].adverse)
            CHECK(value_is_zero(out_plain, i));
    }
}

static void impossible_values(void)
{
    for (uint32_t i = 0; i < d->ninputs; i++) {
        const lov_field_desc *f = &d->inputs[i];
        size_t at = f->offset + (f->optional ? opt_value_offset(f->type) : 0);
        fill_known_zero();
        if (f->optional)
            in_buf[f->offset] = 1;   /* 'present' is the first member of every lov_opt_* */
        if (f->type == LOV_T_DATE) {
            lov_date bad = LOV_DATE_MAX + 1;
            memcpy(in_buf + at, &bad, sizeof bad);
            expect_invalid(i, "a date after 9999-12-31");
        } else if (f->type == LOV_T_ENUM) {
            int32_t bad = (int32_t)f->enum_desc->ncases;
            memcpy(in_buf + at, &bad, sizeof bad);
            expect_invalid(i, "an enum value past the last case");
        } else if (f->type == LOV_T_DECIMAL) {
            lov_decimal bad = { 1, LOV_DEC_SCALE_MAX + 1 };
            memcpy(in_buf + at, &bad, sizeof bad);
            expect_invalid(i, "a decimal with 19 places");
        } else if (f->type == LOV_T_LIST) {
            size_t one = 1;          /* one item, but no items pointer */
            memcpy(in_buf + f->count_offset, &one, sizeof one);
            expect_invalid(i, "a list of 1 item without items");
        }
    }
}


/* ---- 6. random facts: the fast path against the rules that explain ---------- */

/* Evaluating without a trace takes the fast path when every fact the rules
 * read is known; with a trace, the rules that explain (the reference). Many
 * random cases, most with every fact known, values near the rules' edges
 * and at the ends of int64 (overflow), so both paths are compared on every
 * output, and the batch entry point against one case at a time. */
static uint64_t rng = UINT64_C(0x853c49e6748fea9b);

static uint32_t rnd(uint32_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

static int64_t random_int(void)
{
    switch (rnd(8)) {
    case 0: return INT64_MAX - (int64_t)rnd(3);         /* sums and products overflow */
    case 1: return INT64_MIN + (int64_t)rnd(3);
    case 2: return (int64_t)rnd(2000) - 1000;
    default: return (int64_t)rnd(300);                 /* around the rules' limits (12, 225, ...) */
    }
}

static lov_date random_day(void)
{
    lov_date lo = d->has_in_force ? d->in_force_from - 400 : 16000;
    return lo + (lov_date)rnd(4500);
}

static void random_scalar(unsigned char *at, lov_type t, const lov_enum_desc *e)
{
    switch (t) {
    case LOV_T_BOOL: { bool b = rnd(2); memcpy(at, &b, sizeof b); break; }
    case LOV_T_INT: case LOV_T_MONEY: { int64_t v = random_int(); memcpy(at, &v, sizeof v); break; }
    case LOV_T_DECIMAL: { lov_decimal v = { random_int() % 100000, (uint8_t)rnd(3) }; memcpy(at, &v, sizeof v); break; }
    case LOV_T_DATE: { lov_date v = random_day(); memcpy(at, &v, sizeof v); break; }
    case LOV_T_DURATION: { lov_duration v = { (int32_t)rnd(30), (int32_t)rnd(60) }; memcpy(at, &v, sizeof v); break; }
    case LOV_T_ENUM: { int32_t v = (int32_t)rnd(e ? e->ncases : 1); memcpy(at, &v, sizeof v); break; }
    default: break;
    }
}

static void random_field(unsigned char *base, const lov_field_desc *f)
{
    unsigned char *at = base + f->offset;
    if (f->type == LOV_T_RECORD) {
        for (uint32_t k = 0; f->record && k < f->record->nfields; k++)
            random_field(at, &f->record->fields[k]);
        return;
    }
    if (f->optional) {
        bool present = rnd(4) != 0;
        memcpy(at, &present, sizeof present);   /* 'present' is the first member of every lov_opt_* */
        at += opt_value_offset(f->type);
    }
    random_scalar(at, f->type, f->enum_desc);
}

enum { MAX_ITEMS = 6, ITEMS_SIZE = 4096 };
static alignas(max_align_t) unsigned char items[64][ITEMS_SIZE];

static void random_case(int all_known)
{
    memset(in_buf, 0, sizeof in_buf);
    for (uint32_t i = 0; i < d->ninputs; i++) {
        const lov_field_desc *f = &d->inputs[i];
        set_known(in_buf, i, all_known || rnd(8) != 0);
        if (f->type != LOV_T_LIST) {
            random_field(in_buf, f);
            continue;
        }
        size_t size = f->elem_type == LOV_T_RECORD ? f->record->size : type_size(f->elem_type);
        size_t n = i < 64 && size * MAX_ITEMS <= ITEMS_SIZE ? rnd(MAX_ITEMS + 1) : 0;
        for (size_t k = 0; k < n; k++) {
            lov_field_desc item = *f;
            item.type = f->elem_type;
            item.offset = 0;
            item.optional = false;
            random_field(items[i] + k * size, &item);
        }
        const void *p = n ? items[i] : NULL;
        memcpy(in_buf + f->offset, &p, sizeof p);
        memcpy(in_buf + f->count_offset, &n, sizeof n);
    }
    if (d->reference_input >= 0 && rnd(10) != 0) {    /* mostly a day in force */
        lov_date day = d->has_in_force ? d->in_force_from + (lov_date)rnd(2500) : random_day();
        if (d->has_in_force && day > d->in_force_until)
            day = d->in_force_until;
        memcpy(in_buf + d->inputs[d->reference_input].offset, &day, sizeof day);
    }
}

#define EVALUATE_BATCH CAT(MODULE, _evaluate_batch)
enum { BATCH = 8 };
static module_input batch_in[BATCH];
static module_output batch_out[BATCH], one_out;

/* NAME_evaluate_some: an output asked for is decided as by NAME_evaluate; any
 * other is the same or left undetermined with value zero; the status is the
 * most serious of those asked for (assertions aside); the fast path and the
 * rules that explain (with a trace) agree here too. */
#define EVALUATE_SOME CAT(MODULE, _evaluate_some)
#define OUTPUT_WORDS CAT(MODULE, _OUTPUT_WORDS)
static alignas(max_align_t) unsigned char out_some[BUF_SIZE], out_some_traced[BUF_SIZE];

static void some_outputs(void)
{
    static const int rank[] = {0, 2, 1, 3, 4, 5};
    for (int r = 0; r < 1000; r++) {
        phase = "some outputs";
        random_case(rnd(3) != 0);
        uint64_t wanted[OUTPUT_WORDS] = {0};
        for (uint32_t i = 0; i < d->noutputs; i++)
            if (rnd(3) == 0)
                wanted[i / 64] |= UINT64_C(1) << (i % 64);
        lov_status all = evaluate(in_buf, out_plain, NULL);
        (void)all;
        memset(out_some, 0x5a, sizeof out_some);
        lov_status st = EVALUATE_SOME((const module_input *)(const void *)in_buf, (module_output *)(void *)out_some,
                                      NULL, NULL, wanted);
        lov_status expect = LOV_OK;
        for (uint32_t i = 0; i < d->noutputs; i++) {
            const lov_field_desc *f = &d->outputs[i];
            bool asked = (wanted[i / 64] >> (i % 64)) & 1;
            bool assertion = f->provision >= 0 && d->provisions[f->provision].kind == LOV_PROV_ASSERTION;
            lov_status s = status_of(out_some, i);
            if (asked || s != LOV_UNDETERMINED || !value_is_zero(out_some, i)) {
                CHECK(s == status_of(out_plain, i));
                if (s == LOV_OK && status_of(out_plain, i) == LOV_OK)
                    CHECK(same_value(out_some, out_plain, f));
                if (f->adverse && s == status_of(out_plain, i))
                    CHECK(held_of(out_some, i) == held_of(out_plain, i));
            }
            if (asked && !assertion)
                expect = rank[s] > rank[expect] ? s : expect;
        }
        /* Facts that are invalid, no reference date or a day out of force stop the
         * evaluation before any output: that status comes back whatever is asked. */
        bool stopped = st != LOV_OK;
        for (uint32_t i = 0; i < d->noutputs; i++)
            stopped &= status_of(out_some, i) == st;
        CHECK(st == expect || stopped);
        lov_trace full = { full_entries, TRACE_CAP, 0, 0 };
        memset(out_some_traced, 0xa5, sizeof out_some_traced);
        lov_status st_traced = EVALUATE_SOME((const module_input *)(const void *)in_buf,
                                             (module_output *)(void *)out_some_traced, &full, NULL, wanted);
        CHECK(st_traced == st);
        check_same(out_some, out_some_traced);
    }
}

static void random_facts(void)
{
    for (int r = 0; r < 3000; r++) {
        int all_known = rnd(3) != 0;
        random_case(all_known);
        evaluate_and_compare(all_known ? "random facts, all known" : "random facts, some unknown", all_known);
    }
    /* The batch: the same as one at a time, with reference dates repeated
     * (the parameters are looked up once per run of equal dates). */
    phase = "batch";
    for (int r = 0; r < 300; r++) {
        for (int k = 0; k < BATCH; k++) {
            random_case(rnd(3) != 0);
            if (k > 0 && d->reference_input >= 0 && rnd(2) == 0)
                memcpy(in_buf + d->inputs[d->reference_input].offset,
                       (const unsigned char *)&batch_in[k - 1] + d->inputs[d->reference_input].offset,
                       sizeof(lov_date));
            memcpy(&batch_in[k], in_buf, sizeof batch_in[k]);
        }
        lov_status worst = EVALUATE_BATCH(batch_in, batch_out, BATCH, NULL), expect = LOV_OK;
        for (int k = 0; k < BATCH; k++) {
            lov_status st = EVALUATE(&batch_in[k], &one_out, NULL, NULL);
            static const int rank[] = {0, 2, 1, 3, 4, 5};
            expect = rank[st] > rank[expect] ? st : expect;
            check_same((const unsigned char *)&batch_out[k], (const unsigned char *)&one_out);
        }
        CHECK(worst == expect);
    }
    some_outputs();
}

int main(void)
{
    check_descriptor();
    all_unknown();
    all_known_zero();
    impossible_values();
    random_facts();
    printf("smoke %s: %d checks, %d failed\n", STR(MODULE), checks, failures);
    return failures == 0 ? 0 : 1;
}

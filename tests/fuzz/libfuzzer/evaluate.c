/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer harness: a compiled rule set's evaluator under hostile input.
 *
 * The Makefile links this file with the generated C of one module under
 * rules/ (FUZZ_MODULE, FUZZ_HEADER). The fuzz bytes are decoded, through
 * the module's own descriptor, into its input struct: every fact known or
 * not, any value of its C type (enumeration values that are no case, dates
 * outside 0001..9999, decimals with any scale, money of any sign), optional
 * facts present or absent, lists of up to MAX_ITEMS items, each in a block
 * of its exact size (so that ASan sees a read past the end), or a count
 * with no items at all. The evaluator is called three times (with no trace,
 * a small trace buffer and a large one, over output structs filled with
 * different bytes; the externals NULL, then a struct of NULL functions), and
 * the contract of docs/vendor-guide.md is checked:
 *
 *   - the statuses are statuses, and the entry point returns the most
 *     serious status among the outcomes;
 *   - a fact outside its type's domain gives 'invalid input', naming it;
 *   - an adverse outcome that is not ok, or held back, holds its default
 *     (0 kr, no): an unsure result never harms the citizen;
 *   - an ok value is in its type's domain (a date in 0001..9999, a decimal's
 *     scale 0..18, an enumeration's case), and an ok adverse amount is
 *     never below 0 kr;
 *   - 'missing' names only facts that were not supplied, info.input names
 *     the missing one; an ok evaluation has no reason;
 *   - a valid case on a day outside the period in force is 'not applicable',
 *     and only such a case is;
 *   - a trace records provisions of the module, keeps at most 'capacity'
 *     entries and counts the rest, and changes no decision;
 *   - an assertion that 'lovc verify' proves holds in every ok evaluation;
 *   - the same input gives the same decisions, whatever the output struct
 *     held before.
 *
 * A broken rule is reported on stderr and the harness aborts, so libFuzzer
 * keeps the input as a crash. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lov.h"
#include "lov_date_text.h"
#include "lov_decimal_text.h"
#include "lov_money_text.h"

#include FUZZ_HEADER

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define MODULE_DESC CAT(FUZZ_MODULE, _descriptor)
#define MODULE_ENTRY CAT(FUZZ_MODULE, _evaluate)
typedef CAT(FUZZ_MODULE, _input) module_input;
typedef CAT(FUZZ_MODULE, _output) module_output;
typedef CAT(FUZZ_MODULE, _externals) module_externals;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Items per list. The contract sets no limit; more items only repeat what
 * fewer do, and slow every input down. */
#define MAX_ITEMS 48
/* Records nested in records, at most. */
#define MAX_DEPTH 4
/* The large trace buffer: enough for every rule set under rules/ with
 * MAX_ITEMS items per list (what does not fit is counted, not lost). */
#define TRACE_BIG 8192

static const lov_module_desc *const D = &MODULE_DESC;

static bool print_cases;  /* LOV_FUZZ_PRINT */

/* ---- Reading the fuzz bytes --------------------------------------------------- */

typedef struct reader {
    const uint8_t *p;
    size_t n;
} reader;

static uint8_t rd_u8(reader *r)
{
    if (r->n == 0)
        return 0;
    r->n--;
    return *r->p++;
}

static uint64_t rd_bits(reader *r, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)rd_u8(r) << (8 * i);
    return v;
}

/* a + b, wrapping around as the machine does (the harness makes hostile
 * values; it must not overflow itself). */
static int64_t add_wrap(int64_t a, int64_t b)
{
    return (int64_t)((uint64_t)a + (uint64_t)b);
}

/* An integer the way hostile or careless input looks: small, a boundary, near
 * a given value, or any 64 bits. */
/* A tame case (chosen by the first byte) has only values near the base day
 * and small numbers, in their domains: so that the fuzzer reaches the
 * decisions deep in the rules (a reduction needs a dozen facts that fit
 * together) as well as the checks of hostile facts. */
static bool tame;

static int64_t rd_int(reader *r, int64_t near, int64_t lo, int64_t hi)
{
    uint8_t mode = rd_u8(r) % 6;
    if (tame && (mode == 2 || mode == 5))
        mode = mode == 2 ? 1 : 3;
    switch (mode) {
    case 0: return (int8_t)rd_u8(r);
    case 1: return add_wrap(near, (int8_t)rd_u8(r));
    case 2: {
        const int64_t edge[] = {0, 1, -1, lo, hi, add_wrap(lo, 1), add_wrap(hi, -1), add_wrap(lo, -1),
                                add_wrap(hi, 1), INT64_MIN, INT64_MAX, INT32_MIN, INT32_MAX, 225, 100, 12};
        return edge[rd_u8(r) % (sizeof edge / sizeof edge[0])];
    }
    case 3: return add_wrap(near, (int16_t)rd_bits(r, 2));
    case 4: return (int64_t)(int16_t)rd_bits(r, 2) * 100;  /* whole kroner, hours in hundredths */
    default: return (int64_t)rd_bits(r, 8);
    }
}

/* The day the dates of a case cluster around (read first from the bytes): a
 * day in force, so that dates a few days or weeks apart, as in real cases
 * (a hearing, its deadline, the reference date), are common. */
static lov_date base_day;

static lov_date date_near(void)
{
    return base_day;
}

static void read_base_day(reader *r)
{
    lov_date from = D->has_in_force ? D->in_force_from : 18262;  /* else 2020-01-01 */
    int64_t span = D->has_in_force && D->in_force_until != LOV_DATE_MAX
                       ? (int64_t)D->in_force_until - from + 1 : 3653;
    if (span <= 0)
        span = 1;
    base_day = (lov_date)(from + (int64_t)(rd_bits(r, 2) % (uint64_t)span));
}

/* ---- Facts: decoding them, and knowing which are outside their domain ------------ */

typedef struct facts {
    void *blocks[256];       /* the lists' items, freed after the case */
    int nblocks;
    bool any_negative_money; /* some money fact is below 0 kr, for the statistics */
} facts;

static void *items_block(facts *f, size_t bytes)
{
    if (f->nblocks >= (int)(sizeof f->blocks / sizeof f->blocks[0]))
        return NULL;
    void *p = calloc(1, bytes ? bytes : 1);
    if (!p)
        abort();
    f->blocks[f->nblocks++] = p;
    return p;
}

/* A value of a scalar type at p; false when it is outside the type's domain. */
static bool decode_scalar(reader *r, facts *f, lov_type t, const lov_enum_desc *e, unsigned char *p)
{
    switch (t) {
    case LOV_T_BOOL: {
        bool b = rd_u8(r) & 1;
        memcpy(p, &b, sizeof b);
        return true;
    }
    case LOV_T_INT: {
        int64_t v = rd_int(r, 0, INT64_MIN, INT64_MAX);
        memcpy(p, &v, sizeof v);
        return true;
    }
    case LOV_T_MONEY: {
        lov_money v = rd_int(r, 100000, LOV_MONEY_MIN, LOV_MONEY_MAX);
        memcpy(p, &v, sizeof v);
        if (v < 0)
            f->any_negative_money = true;
        return true;
    }
    case LOV_T_DECIMAL: {
        lov_decimal v;
        v.coef = rd_int(r, 0, INT64_MIN, INT64_MAX);
        uint8_t s = rd_u8(r);
        v.scale = tame ? s % 3 : s < 200 ? s % 20 : (int32_t)rd_int(r, 0, INT32_MIN, INT32_MAX);
        memcpy(p, &v, sizeof v);
        return lov_dec_valid(v);
    }
    case LOV_T_DATE: {
        int64_t v = rd_int(r, date_near(), LOV_DATE_MIN, LOV_DATE_MAX);
        lov_date d = (lov_date)v;  /* the int32 the caller stores, whatever it meant */
        memcpy(p, &d, sizeof d);
        return lov_date_valid(d);
    }
    case LOV_T_DURATION: {
        lov_duration v;
        v.months = (int32_t)rd_int(r, 0, INT32_MIN, INT32_MAX);
        v.days = (int32_t)rd_int(r, 0, INT32_MIN, INT32_MAX);
        memcpy(p, &v, sizeof v);
        return true;
    }
    case LOV_T_ENUM: {
        int32_t v = tame && e && e->ncases ? (int32_t)(rd_u8(r) % e->ncases)
                                           : (int32_t)rd_int(r, 0, 0, e ? (int64_t)e->ncases - 1 : 0);
        int c = v;  /* C enums are ints */
        memcpy(p, &c, sizeof c);
        return e && v >= 0 && (uint32_t)v < e->ncases;
    }
    default:
        return true;
    }
}

/* Where an optional's value sits after its 'present' flag. */
static size_t opt_value_offset(lov_type t)
{
    switch (t) {
    case LOV_T_BOOL: return offsetof(lov_opt_bool, value);
    case LOV_T_INT: return offsetof(lov_opt_int, value);
    case LOV_T_DECIMAL: return offsetof(lov_opt_decimal, value);
    case LOV_T_MONEY: return offsetof(lov_opt_money, value);
    case LOV_T_DATE: return offsetof(lov_opt_date, value);
    case LOV_T_DURATION: return offsetof(lov_opt_duration, value);
    default: return offsetof(lov_opt_enum, value);
    }
}

static size_t scalar_size(lov_type t)
{
    switch (t) {
    case LOV_T_BOOL: return sizeof(bool);
    case LOV_T_INT: return sizeof(int64_t);
    case LOV_T_DECIMAL: return sizeof(lov_decimal);
    case LOV_T_MONEY: return sizeof(lov_money);
    case LOV_T_DATE: return sizeof(lov_date);
    case LOV_T_DURATION: return sizeof(lov_duration);
    default: return sizeof(int);
    }
}

static bool decode_record(reader *r, facts *f, const lov_record_desc *rec, unsigned char *base, int depth);

/* One field (of the input struct or of a record) at base; false when its
 * value, or an item of it, is outside its domain. */
static bool decode_field(reader *r, facts *f, const lov_field_desc *fd, unsigned char *base, int depth)
{
    unsigned char *p = base + fd->offset;
    if (fd->type == LOV_T_LIST) {
        uint8_t how = rd_u8(r);
        size_t count = how % (MAX_ITEMS + 1);
        bool is_record = fd->elem_type == LOV_T_RECORD && fd->record;
        size_t size = is_record ? fd->record->size : scalar_size(fd->elem_type);
        bool ok = true;
        unsigned char *items = NULL;
        if (how >= 250 && count > 0 && !tame) {
            ok = false;  /* items promised, none given */
        } else if (count > 0) {
            items = items_block(f, count * size);
            if (!items)
                count = 0;
        }
        for (size_t i = 0; items && i < count; i++)
            ok &= is_record ? decode_record(r, f, fd->record, items + i * size, depth + 1)
                            : decode_scalar(r, f, fd->elem_type, fd->enum_desc, items + i * size);
        memcpy(p, &items, sizeof items);
        memcpy(base + fd->count_offset, &count, sizeof count);
        return ok;
    }
    if (fd->type == LOV_T_RECORD)
        return fd->record ? decode_record(r, f, fd->record, p, depth + 1) : true;
    if (fd->optional) {
        bool present = rd_u8(r) & 1;
        memcpy(p, &present, sizeof present);
        bool ok = decode_scalar(r, f, fd->type, fd->enum_desc, p + opt_value_offset(fd->type));
        return ok || !present;
    }
    return decode_scalar(r, f, fd->type, fd->enum_desc, p);
}

static bool decode_record(reader *r, facts *f, const lov_record_desc *rec, unsigned char *base, int depth)
{
    if (depth > MAX_DEPTH)
        return true;
    bool ok = true;
    for (uint32_t i = 0; i < rec->nfields; i++)
        ok &= decode_field(r, f, &rec->fields[i], base, depth);
    return ok;
}

/* ---- Checking the decisions ---------------------------------------------------- */

static int failures;

#define EXPECT(cond, ...)                                                                    \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            fprintf(stderr, "fuzz-evaluate (%s): ", D->name);                               \
            fprintf(stderr, __VA_ARGS__);                                                    \
            fputc('\n', stderr);                                                             \
            failures++;                                                                      \
        }                                                                                    \
    } while (0)

static bool known(const module_input *in, const lov_field_desc *fd)
{
    bool k;
    memcpy(&k, (const unsigned char *)in + fd->known_offset, sizeof k);
    return k;
}

static lov_status status_of(const module_output *out, const lov_field_desc *fd)
{
    lov_status st;
    memcpy(&st, (const unsigned char *)out + fd->status_offset, sizeof st);
    return st;
}

static uint32_t held_of(const module_output *out, const lov_field_desc *fd)
{
    uint32_t h = 0;
    if (fd->held_offset)
        memcpy(&h, (const unsigned char *)out + fd->held_offset, sizeof h);
    return h;
}

/* Invalid input > overflow > conflict > not applicable > undetermined > ok. */
static int severity(lov_status st)
{
    switch (st) {
    case LOV_OK: return 0;
    case LOV_UNDETERMINED: return 1;
    case LOV_NOT_APPLICABLE: return 2;
    case LOV_CONFLICT: return 3;
    case LOV_OVERFLOW: return 4;
    case LOV_INVALID_INPUT: return 5;
    }
    return -1;
}

static bool is_missing(const module_output *out, uint32_t i)
{
    uint64_t w;
    memcpy(&w, (const unsigned char *)out + D->missing_offset + (i / 64) * sizeof w, sizeof w);
    return (w >> (i % 64)) & 1;
}

/* The value of an output field as bytes: where it sits and how long it is. */
static const unsigned char *value_at(const module_output *out, const lov_field_desc *fd, size_t *len,
                                     bool *present)
{
    const unsigned char *p = (const unsigned char *)out + fd->offset;
    *present = true;
    if (fd->optional) {
        uint8_t flag;
        memcpy(&flag, p, 1);
        *present = flag == 1;
        p += opt_value_offset(fd->type);
    }
    *len = scalar_size(fd->type);
    return p;
}

/* Is a decided value in its type's domain? */
static bool value_in_domain(const module_output *out, const lov_field_desc *fd)
{
    const unsigned char *p = (const unsigned char *)out + fd->offset;
    if (fd->optional) {
        uint8_t flag;
        memcpy(&flag, p, 1);
        if (flag > 1)
            return false;
        if (flag == 0)
            return true;
        p += opt_value_offset(fd->type);
    }
    switch (fd->type) {
    case LOV_T_BOOL: {
        uint8_t b;
        memcpy(&b, p, 1);
        return b <= 1;
    }
    case LOV_T_DECIMAL: {
        lov_decimal v;
        memcpy(&v, p, sizeof v);
        return lov_dec_valid(v);
    }
    case LOV_T_DATE: {
        lov_date v;
        memcpy(&v, p, sizeof v);
        return lov_date_valid(v);
    }
    case LOV_T_ENUM: {
        int v;
        memcpy(&v, p, sizeof v);
        return fd->enum_desc && v >= 0 && (uint32_t)v < fd->enum_desc->ncases;
    }
    default:
        return true;
    }
}

static bool value_is_zero(const module_output *out, const lov_field_desc *fd)
{
    size_t len;
    bool present;
    const unsigned char *p = value_at(out, fd, &len, &present);
    if (fd->optional && !present)
        return true;
    for (size_t i = 0; i < len; i++)
        if (p[i])
            return false;
    return true;
}

static lov_money money_of(const module_output *out, const lov_field_desc *fd)
{
    size_t len;
    bool present;
    const unsigned char *p = value_at(out, fd, &len, &present);
    lov_money v = 0;
    if (present)
        memcpy(&v, p, sizeof v);
    return v;
}

/* The contract for one evaluation. 'bad' is the index of a known input
 * outside its domain, or -1. */
static void check_decision(const module_input *in, const module_output *out, lov_status ret, int bad)
{
    const lov_result_info *info = (const lov_result_info *)((const unsigned char *)out + D->info_offset);
    EXPECT(severity(ret) >= 0, "the entry point returned %d, which is no status", (int)ret);
    int worst = -1;
    for (uint32_t i = 0; i < D->noutputs; i++) {
        const lov_field_desc *fd = &D->outputs[i];
        lov_status st = status_of(out, fd);
        EXPECT(severity(st) >= 0, "%s has the status %d, which is no status", fd->name, (int)st);
        if (fd->outcome && severity(st) > worst)
            worst = severity(st);
        if (st == LOV_OK && fd->type != LOV_T_LIST && fd->type != LOV_T_RECORD)
            EXPECT(value_in_domain(out, fd), "%s is ok with a value outside its type's domain", fd->name);
        if (fd->adverse && (st != LOV_OK || held_of(out, fd) != 0) &&
            (fd->type == LOV_T_BOOL || fd->type == LOV_T_MONEY))
            EXPECT(value_is_zero(out, fd), "the adverse outcome %s is %s (held back %#x) but not its default",
                   fd->name, lov_status_name(st), held_of(out, fd));
        /* Whatever the facts, negative amounts among them too: the rules
         * bound their inputs (issue 12, defect 7). */
        if (fd->adverse && fd->type == LOV_T_MONEY && st == LOV_OK)
            EXPECT(money_of(out, fd) >= 0, "the adverse outcome %s is ok at %lld øre, below 0 kr", fd->name,
                   (long long)money_of(out, fd));
        if (D->provisions && fd->provision >= 0 && (uint32_t)fd->provision < D->nprovisions &&
            D->provisions[fd->provision].kind == LOV_PROV_ASSERTION && ret == LOV_OK && st == LOV_OK &&
            fd->type == LOV_T_BOOL) {
            bool holds;
            memcpy(&holds, (const unsigned char *)out + fd->offset, sizeof holds);
            EXPECT(holds, "the assertion %s does not hold in an ok evaluation", fd->name);
        }
    }
    if (worst >= 0)
        EXPECT(severity(ret) == worst, "the entry point returned %s, but the most serious outcome's status has "
               "severity %d", lov_status_name(ret), worst);
    if (bad >= 0) {
        EXPECT(ret == LOV_INVALID_INPUT, "the fact %s is outside its domain, but the status is %s",
               D->inputs[bad].name, lov_status_name(ret));
    }
    if (ret == LOV_INVALID_INPUT) {
        EXPECT(info->reason == LOV_REASON_INVALID_INPUT, "invalid input with the reason %u", info->reason);
        EXPECT(info->input >= 0 && (uint32_t)info->input < D->ninputs, "invalid input names the input %d",
               info->input);
        if (info->input >= 0 && (uint32_t)info->input < D->ninputs)
            EXPECT(known(in, &D->inputs[info->input]), "invalid input names %s, a fact that was not supplied",
                   D->inputs[info->input].name);
    }
    if (ret == LOV_OK)
        EXPECT(info->reason == LOV_REASON_NONE, "ok, with the reason %u", info->reason);
    /* A valid case on a day outside the period in force is 'not applicable'. */
    if (D->has_in_force && D->reference_input >= 0 && (uint32_t)D->reference_input < D->ninputs &&
        bad < 0) {
        const lov_field_desc *rf = &D->inputs[D->reference_input];
        lov_date day;
        memcpy(&day, (const unsigned char *)in + rf->offset, sizeof day);
        bool outside = known(in, rf) && !rf->optional && rf->type == LOV_T_DATE && lov_date_valid(day) &&
                       (day < D->in_force_from || day > D->in_force_until);
        /* A number, amount or duration may lie outside an 'at least' / 'at
         * most' of the rules, which the descriptor does not describe: that
         * fact is invalid input whatever the day. */
        bool bounded = ret == LOV_INVALID_INPUT && info->input >= 0 && (uint32_t)info->input < D->ninputs
                       && (D->inputs[info->input].type == LOV_T_INT || D->inputs[info->input].type == LOV_T_MONEY
                           || D->inputs[info->input].type == LOV_T_DECIMAL
                           || D->inputs[info->input].type == LOV_T_DURATION);
        if (outside && !bounded)
            EXPECT(ret == LOV_NOT_APPLICABLE && info->reason == LOV_REASON_OUT_OF_FORCE,
                   "the day %d is outside the period in force, but the status is %s (reason %u)", (int)day,
                   lov_status_name(ret), info->reason);
        if (info->reason == LOV_REASON_OUT_OF_FORCE)
            EXPECT(outside, "out of force, on the day %d of the period in force", (int)day);
    }
    EXPECT(info->provision >= -1 && (info->provision < 0 || (uint32_t)info->provision < D->nprovisions),
           "info.provision is %d of %u", info->provision, D->nprovisions);
    EXPECT(info->other_provision >= -1 &&
           (info->other_provision < 0 || (uint32_t)info->other_provision < D->nprovisions),
           "info.other_provision is %d of %u", info->other_provision, D->nprovisions);
    for (uint32_t i = 0; i < D->missing_words * 64; i++) {
        if (!is_missing(out, i))
            continue;
        EXPECT(i < D->ninputs, "missing names input %u of %u", i, D->ninputs);
        if (i < D->ninputs)
            EXPECT(!known(in, &D->inputs[i]), "missing names %s, which was supplied", D->inputs[i].name);
    }
    if (ret == LOV_UNDETERMINED && info->reason == LOV_REASON_MISSING_FACT) {
        bool named = info->input >= 0 && (uint32_t)info->input < D->ninputs;
        EXPECT(named, "a missing fact, naming the input %d", info->input);
        if (named)
            EXPECT(!known(in, &D->inputs[info->input]), "the missing fact %s was supplied",
                   D->inputs[info->input].name);
    }
}

/* Two evaluations decided the same: every status, every ok value (and every
 * adverse outcome's value), held-back masks, missing facts and the reason. */
static void check_same(const module_output *a, const module_output *b, lov_status ra, lov_status rb,
                       const char *what)
{
    EXPECT(ra == rb, "%s: the entry point returned %s and %s", what, lov_status_name(ra), lov_status_name(rb));
    for (uint32_t i = 0; i < D->noutputs; i++) {
        const lov_field_desc *fd = &D->outputs[i];
        lov_status sa = status_of(a, fd), sb = status_of(b, fd);
        EXPECT(sa == sb, "%s: %s is %s and %s", what, fd->name, lov_status_name(sa), lov_status_name(sb));
        EXPECT(held_of(a, fd) == held_of(b, fd), "%s: %s is held back for different reasons", what, fd->name);
        if ((sa == LOV_OK && sb == LOV_OK) || fd->adverse) {
            size_t la, lb;
            bool pa, pb;
            const unsigned char *va = value_at(a, fd, &la, &pa), *vb = value_at(b, fd, &lb, &pb);
            EXPECT(pa == pb && (!pa || memcmp(va, vb, la) == 0), "%s: %s has two values", what, fd->name);
        }
    }
    EXPECT(memcmp((const unsigned char *)a + D->missing_offset, (const unsigned char *)b + D->missing_offset,
                  D->missing_words * sizeof(uint64_t)) == 0,
           "%s: different missing facts", what);
    EXPECT(memcmp((const unsigned char *)a + D->info_offset, (const unsigned char *)b + D->info_offset,
                  sizeof(lov_result_info)) == 0,
           "%s: different reasons", what);
}

static void check_trace(const lov_trace *t)
{
    EXPECT(t->count <= t->capacity, "the trace holds %zu entries in a buffer of %zu", t->count, t->capacity);
    for (size_t i = 0; i < t->count && i < t->capacity; i++) {
        const lov_trace_entry *e = &t->entries[i];
        EXPECT(e->provision < D->nprovisions, "trace entry %zu names provision %u of %u", i, e->provision,
               D->nprovisions);
        EXPECT(e->event <= LOV_TRACE_FAILED, "trace entry %zu has the event %u", i, e->event);
        EXPECT(severity((lov_status)e->status) >= 0, "trace entry %zu has the status %u", i, e->status);
    }
}

/* ---- The case in words (LOV_FUZZ_PRINT=1) ------------------------------------------ */

/* One value as a scenario writes it; false (and the raw value) when it is no
 * value of its type, which no scenario can write. */
static bool print_value(FILE *o, lov_type t, const lov_enum_desc *e, const unsigned char *p)
{
    char buf[64];
    switch (t) {
    case LOV_T_BOOL: {
        bool b;
        memcpy(&b, p, sizeof b);
        fputs(b ? "yes" : "no", o);
        return true;
    }
    case LOV_T_INT: {
        int64_t v;
        memcpy(&v, p, sizeof v);
        fprintf(o, "%lld", (long long)v);
        return true;
    }
    case LOV_T_MONEY: {
        lov_money v;
        memcpy(&v, p, sizeof v);
        lov_money_format(v, buf, sizeof buf);
        fputs(buf, o);
        return true;
    }
    case LOV_T_DECIMAL: {
        lov_decimal v;
        memcpy(&v, p, sizeof v);
        if (!lov_dec_valid(v)) {
            fprintf(o, "(coefficient %lld, scale %d)", (long long)v.coef, (int)v.scale);
            return false;
        }
        lov_dec_format(v, buf, sizeof buf);
        fputs(buf, o);
        return true;
    }
    case LOV_T_DATE: {
        lov_date v;
        memcpy(&v, p, sizeof v);
        if (!lov_date_valid(v)) {
            fprintf(o, "(day %d, outside 0001-01-01..9999-12-31)", (int)v);
            return false;
        }
        lov_date_format(v, buf);
        fputs(buf, o);
        return true;
    }
    case LOV_T_DURATION: {
        lov_duration v;
        memcpy(&v, p, sizeof v);
        if (v.days == 0)
            fprintf(o, "%d months", (int)v.months);
        else if (v.months == 0)
            fprintf(o, "%d days", (int)v.days);
        else {
            fprintf(o, "(%d months and %d days)", (int)v.months, (int)v.days);
            return false;
        }
        return true;
    }
    case LOV_T_ENUM: {
        int v;
        memcpy(&v, p, sizeof v);
        if (!e || v < 0 || (uint32_t)v >= e->ncases) {
            fprintf(o, "(%d, no case of the enumeration)", v);
            return false;
        }
        fputs(e->cases[v], o);
        return true;
    }
    default:
        fputs("(?)", o);
        return false;
    }
}

static void print_scalar_field(FILE *o, const lov_field_desc *fd, const unsigned char *base)
{
    const unsigned char *p = base + fd->offset;
    if (fd->optional) {
        bool present;
        memcpy(&present, p, sizeof present);
        if (!present) {
            fputs("absent", o);
            return;
        }
        p += opt_value_offset(fd->type);
    }
    print_value(o, fd->type, fd->enum_desc, p);
}

/* The facts as the 'given' lines of a scenario (a fact not supplied as a
 * comment), for turning a finding into a regression suite. */
static void print_case(FILE *o, const module_input *in)
{
    const unsigned char *base = (const unsigned char *)in;
    fprintf(o, "  given\n");
    for (uint32_t i = 0; i < D->ninputs; i++) {
        const lov_field_desc *fd = &D->inputs[i];
        if (!known(in, fd)) {
            fprintf(o, "    # %s: not supplied\n", fd->name);
            continue;
        }
        if (fd->type != LOV_T_LIST) {
            fprintf(o, "    %s = ", fd->name);
            print_scalar_field(o, fd, base);
            fputc('\n', o);
            continue;
        }
        const unsigned char *items;
        size_t count;
        memcpy(&items, base + fd->offset, sizeof items);
        memcpy(&count, base + fd->count_offset, sizeof count);
        if (count > 0 && !items) {
            fprintf(o, "    # %s: %zu items promised, none given\n", fd->name, count);
            continue;
        }
        if (fd->elem_type != LOV_T_RECORD || !fd->record) {
            fprintf(o, "    # %s: a list of %zu values\n", fd->name, count);
            continue;
        }
        const lov_record_desc *rec = fd->record;
        fprintf(o, "    %s =\n      |", fd->name);
        for (uint32_t k = 0; k < rec->nfields; k++)
            fprintf(o, " %s |", rec->fields[k].name);
        fputc('\n', o);
        for (size_t j = 0; j < count; j++) {
            fputs("      |", o);
            for (uint32_t k = 0; k < rec->nfields; k++) {
                fputc(' ', o);
                print_scalar_field(o, &rec->fields[k], items + j * rec->size);
                fputs(" |", o);
            }
            fputc('\n', o);
        }
    }
}

/* The decision: the status, and each outcome. */
static void print_decision(FILE *o, const module_output *out, lov_status ret)
{
    fprintf(o, "  # returned: %s\n", lov_status_name(ret));
    for (uint32_t i = 0; i < D->noutputs; i++) {
        const lov_field_desc *fd = &D->outputs[i];
        if (!fd->outcome)
            continue;
        lov_status st = status_of(out, fd);
        fprintf(o, "  # %s%s: ", fd->adverse ? "adverse outcome " : "", fd->name);
        if (st == LOV_OK)
            print_scalar_field(o, fd, (const unsigned char *)out);
        else
            fputs(lov_status_name(st), o);
        if (held_of(out, fd))
            fprintf(o, " (held back: %#x)", held_of(out, fd));
        fputc('\n', o);
    }
}

/* With LOV_FUZZ_STATS set, how many evaluations ended in each status is
 * printed at the end: a harness whose inputs are all 'invalid input' tests
 * little. */
static unsigned long returned[LOV_INVALID_INPUT + 2];

static unsigned long given[64];  /* per output (the first 64): an adverse outcome given, ok */
static unsigned long given_negative[64];  /* the same, with some money fact below 0 kr */

static void print_stats(void)
{
    fprintf(stderr, "fuzz-evaluate (%s): returned", D->name);
    for (int st = LOV_OK; st <= LOV_INVALID_INPUT; st++)
        fprintf(stderr, " %s %lu%s", lov_status_name((lov_status)st), returned[st],
                st < LOV_INVALID_INPUT ? "," : "\n");
    for (uint32_t i = 0; i < D->noutputs && i < 64; i++)
        if (D->outputs[i].adverse)
            fprintf(stderr, "fuzz-evaluate (%s): %s given (ok, not its default) %lu times, %lu of them with an "
                    "amount below 0 kr among the facts\n", D->name, D->outputs[i].name, given[i], given_negative[i]);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (getenv("LOV_FUZZ_STATS"))
        atexit(print_stats);
    if (getenv("LOV_FUZZ_PRINT"))
        print_cases = true;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader r = {data, size};
    tame = rd_u8(&r) & 1;
    read_base_day(&r);
    facts f;
    memset(&f, 0, sizeof f);
    module_input in;
    memset(&in, 0, sizeof in);
    unsigned char *base = (unsigned char *)&in;
    int bad = -1;
    for (uint32_t i = 0; i < D->ninputs; i++) {
        const lov_field_desc *fd = &D->inputs[i];
        bool k = rd_u8(&r) % (tame ? 32 : 8) != 0;  /* most facts supplied */
        memcpy(base + fd->known_offset, &k, sizeof k);
        bool ok = decode_field(&r, &f, fd, base, 0);
        if (k && !ok && bad < 0)
            bad = (int)i;
    }
    size_t small_cap = rd_u8(&r) % 16;

    static module_output out1, out2, out3;
    static lov_trace_entry small[16], big[TRACE_BIG];
    memset(&out1, 0x00, sizeof out1);
    memset(&out2, 0xa5, sizeof out2);
    memset(&out3, 0xff, sizeof out3);
    lov_trace t_small = {small, small_cap, 0, 0};
    lov_trace t_big = {big, TRACE_BIG, 0, 0};

    lov_status r1 = MODULE_ENTRY(&in, &out1, NULL, NULL);
    lov_status r2 = MODULE_ENTRY(&in, &out2, &t_small, NULL);
    /* An externals struct with no functions in it answers nothing, as NULL does. */
    module_externals none;
    memset(&none, 0, sizeof none);
    lov_status r3 = MODULE_ENTRY(&in, &out3, &t_big, &none);

    if (print_cases) {
        print_case(stderr, &in);
        print_decision(stderr, &out1, r1);
    }
    returned[severity(r1) >= 0 ? (int)r1 : LOV_INVALID_INPUT + 1]++;
    for (uint32_t i = 0; i < D->noutputs && i < 64; i++)
        if (D->outputs[i].adverse && status_of(&out1, &D->outputs[i]) == LOV_OK &&
            !value_is_zero(&out1, &D->outputs[i])) {
            given[i]++;
            given_negative[i] += f.any_negative_money;
        }
    check_decision(&in, &out1, r1, bad);
    check_same(&out1, &out2, r1, r2, "no trace and a small trace");
    check_same(&out1, &out3, r1, r3, "no trace and a large trace (and external functions that answer nothing)");
    check_trace(&t_small);
    check_trace(&t_big);
    EXPECT(t_small.count + t_small.dropped == t_big.count + t_big.dropped,
           "a small trace saw %zu steps, a large one %zu", t_small.count + t_small.dropped,
           t_big.count + t_big.dropped);

    for (int i = 0; i < f.nblocks; i++)
        free(f.blocks[i]);
    if (failures) {
        fprintf(stderr, "fuzz-evaluate: %d broken rule%s of the contract\n", failures, failures == 1 ? "" : "s");
        abort();
    }
    return 0;
}

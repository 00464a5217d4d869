/* SPDX-License-Identifier: Apache-2.0 */
#include "suites/scenario_run.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/lov.h"

/* One external function, bound with a libffi closure to a scenario's
 * answers: lov_status f(void *ctx, ARGS..., RESULT *out). */
typedef struct scn_binding {
    scn_module *m;
    int external;            /* index in the descriptor's externals */
    ffi_closure *closure;
    void *code;              /* the closure's address, stored in the externals struct */
    ffi_cif cif;
    ffi_type **arg_types;    /* ctx, the parameters, the result pointer */
    ffi_type *structs;       /* decimal and duration arguments, described for libffi */
    ffi_type *(*elements)[3];/* their members, one NULL-terminated array each */
    lov_value *values;       /* the arguments of a call, read back */
} scn_binding;

/* ---- Loading ---------------------------------------------------------------- */

bool scn_module_load(scn_module *m, const char *so_path, const char *c_name, char *why, size_t whylen)
{
    memset(m, 0, sizeof *m);
    m->handle = dlopen(so_path, RTLD_NOW | RTLD_LOCAL);
    if (!m->handle) {
        snprintf(why, whylen, "cannot load the compiled rules: %s", dlerror());
        return false;
    }
    char symbol[512];
    snprintf(symbol, sizeof symbol, "%s_descriptor", c_name);
    const lov_module_desc *desc = dlsym(m->handle, symbol);
    if (!desc) {
        snprintf(why, whylen, "the compiled rules have no %s: %s", symbol, dlerror());
        return false;
    }
    if (desc->descriptor_version != LOV_DESCRIPTOR_VERSION) {
        snprintf(why, whylen, "the compiled rules describe themselves in version %u, this runner reads %u",
                 desc->descriptor_version, LOV_DESCRIPTOR_VERSION);
        return false;
    }
    void *entry = dlsym(m->handle, desc->entry);
    if (!entry) {
        snprintf(why, whylen, "the compiled rules have no %s: %s", desc->entry, dlerror());
        return false;
    }
    void (*fn)(void);
    memcpy(&fn, &entry, sizeof entry);                /* object to function pointer, as POSIX allows */
    void *handle = m->handle;
    if (!scn_module_attach(m, desc, fn, why, whylen)) {
        m->handle = handle;                           /* for scn_module_close */
        return false;
    }
    m->handle = handle;
    return true;
}

bool scn_module_attach(scn_module *m, const lov_module_desc *desc, void (*entry)(void), char *why, size_t whylen)
{
    memset(m, 0, sizeof *m);
    m->desc = desc;
    m->entry = entry;
    for (int i = 0; i < 4; i++)
        m->arg_types[i] = &ffi_type_pointer;
    if (ffi_prep_cif(&m->cif, FFI_DEFAULT_ABI, 4, &ffi_type_sint, m->arg_types) != FFI_OK) {
        snprintf(why, whylen, "libffi cannot prepare the call of %s", m->desc->entry);
        return false;
    }
    return true;
}

void scn_module_attach_engine(scn_module *m, const lov_module_desc *desc, scn_evaluate_fn evaluate, void *engine)
{
    memset(m, 0, sizeof *m);
    m->desc = desc;
    m->evaluate = evaluate;
    m->engine = engine;
}

/* ---- External functions ------------------------------------------------------- */

static ffi_type *ffi_type_of(scn_binding *b, lov_type t, int *nstructs)
{
    switch (t) {
    case LOV_T_BOOL: return &ffi_type_uint8;
    case LOV_T_INT:
    case LOV_T_MONEY: return &ffi_type_sint64;
    case LOV_T_DATE: return &ffi_type_sint32;
    case LOV_T_ENUM: return &ffi_type_sint;
    case LOV_T_DECIMAL:
    case LOV_T_DURATION: {
        int k = (*nstructs)++;
        ffi_type *st = &b->structs[k];
        b->elements[k][0] = t == LOV_T_DECIMAL ? &ffi_type_sint64 : &ffi_type_sint32;
        b->elements[k][1] = &ffi_type_sint32;
        b->elements[k][2] = NULL;
        st->size = st->alignment = 0;
        st->type = FFI_TYPE_STRUCT;
        st->elements = b->elements[k];
        return st;
    }
    default: return &ffi_type_pointer;
    }
}

static void read_arg(const void *p, lov_type t, lov_value *v)
{
    memset(v, 0, sizeof *v);
    switch (t) {
    case LOV_T_BOOL: memcpy(&v->b, p, sizeof v->b); break;
    case LOV_T_INT: memcpy(&v->i, p, sizeof v->i); break;
    case LOV_T_MONEY: memcpy(&v->money, p, sizeof v->money); break;
    case LOV_T_DATE: memcpy(&v->date, p, sizeof v->date); break;
    case LOV_T_DECIMAL: memcpy(&v->dec, p, sizeof v->dec); break;
    case LOV_T_DURATION: memcpy(&v->dur, p, sizeof v->dur); break;
    case LOV_T_ENUM: {
        int e;
        memcpy(&e, p, sizeof e);
        v->enum_case = e;
        break;
    }
    default: break;
    }
}

static bool same_value(lov_type t, lov_value a, lov_value b)
{
    switch (t) {
    case LOV_T_BOOL: return a.b == b.b;
    case LOV_T_INT: return a.i == b.i;
    case LOV_T_MONEY: return a.money == b.money;
    case LOV_T_DATE: return a.date == b.date;
    case LOV_T_DECIMAL: return lov_dec_cmp(a.dec, b.dec) == 0;
    case LOV_T_DURATION: return lov_duration_eq(a.dur, b.dur);
    case LOV_T_ENUM: return a.enum_case == b.enum_case;
    default: return false;
    }
}

/* The answer the scenario (or its background) gives for these arguments. */
static const scn_given *find_answer(const scn_list *givens, int external, uint32_t nparams,
                                    const lov_type *types, const lov_value *args)
{
    for (int i = givens->len - 1; i >= 0; i--) {
        const scn_given *g = SCN_AT(*givens, i);
        if (g->kind != GIVEN_CALL || g->external != external || !g->arg_values)
            continue;
        bool same = true;
        for (uint32_t k = 0; k < nparams && same; k++)
            same = same_value(types[k], g->arg_values[k], args[k]);
        if (same)
            return g;
    }
    return NULL;
}

/* The closure: answers a call of an external function from the scenario,
 * or says it has no answer (undetermined). */
static void answer(ffi_cif *cif, void *ret, void **args, void *user_data)
{
    (void)cif;
    scn_binding *b = user_data;
    const lov_external_desc *ext = &b->m->desc->externals[b->external];
    lov_value *values = b->values;
    uint32_t n = ext->nparams;
    for (uint32_t k = 0; k < n; k++)
        read_arg(args[k + 1], ext->params[k], &values[k]);
    void *result;
    memcpy(&result, args[ext->nparams + 1], sizeof result);
    const scn_given *g = NULL;
    if (b->m->scenario)
        g = find_answer(&b->m->scenario->givens, b->external, n, ext->params, values);
    if (!g && b->m->suite)
        g = find_answer(&b->m->suite->background, b->external, n, ext->params, values);
    if (g) {
        scn_store(result, 0, ext->result, false, true, g->converted);
        *(ffi_arg *)ret = LOV_OK;
    } else {
        *(ffi_arg *)ret = LOV_UNDETERMINED;
    }
}

bool scn_module_bind(scn_module *m, const char *host_path, char *why, size_t whylen)
{
    const lov_module_desc *d = m->desc;
    if (host_path) {
        /* Loaded even for rules without external functions: a wrong path is
         * reported, not ignored. */
        m->host = dlopen(host_path, RTLD_NOW | RTLD_LOCAL);
        if (!m->host) {
            snprintf(why, whylen, "cannot load the external functions: %s", dlerror());
            return false;
        }
    }
    if (d->nexternals == 0)
        return true;
    m->externals = xcalloc(1, d->externals_size);
    if (host_path) {
        for (uint32_t i = 0; i < d->nexternals; i++) {
            void *fn = dlsym(m->host, d->externals[i].c_name);
            if (!fn) {
                snprintf(why, whylen, "%s has no function %s (the external function '%s'): %s", host_path,
                         d->externals[i].c_name, d->externals[i].name, dlerror());
                return false;
            }
            memcpy((char *)m->externals + d->externals[i].offset, &fn, sizeof fn);
        }
        return true;
    }
    m->bindings = xcalloc(d->nexternals, sizeof *m->bindings);
    for (uint32_t i = 0; i < d->nexternals; i++) {
        const lov_external_desc *ext = &d->externals[i];
        scn_binding *b = &m->bindings[i];
        b->m = m;
        b->external = (int)i;
        b->arg_types = xcalloc(ext->nparams + 2, sizeof *b->arg_types);
        b->structs = xcalloc(ext->nparams + 1, sizeof *b->structs);
        b->elements = xcalloc(ext->nparams + 1, sizeof *b->elements);
        b->values = xcalloc(ext->nparams + 1, sizeof *b->values);
        int nstructs = 0;
        b->arg_types[0] = &ffi_type_pointer;
        for (uint32_t k = 0; k < ext->nparams; k++)
            b->arg_types[k + 1] = ffi_type_of(b, ext->params[k], &nstructs);
        b->arg_types[ext->nparams + 1] = &ffi_type_pointer;
        if (ffi_prep_cif(&b->cif, FFI_DEFAULT_ABI, ext->nparams + 2, &ffi_type_sint, b->arg_types) != FFI_OK) {
            snprintf(why, whylen, "libffi cannot describe the external function '%s'", ext->name);
            return false;
        }
        b->closure = ffi_closure_alloc(sizeof(ffi_closure), &b->code);
        if (!b->closure || ffi_prep_closure_loc(b->closure, &b->cif, answer, b, b->code) != FFI_OK) {
            snprintf(why, whylen, "libffi cannot make a closure for the external function '%s'", ext->name);
            return false;
        }
        memcpy((char *)m->externals + ext->offset, &b->code, sizeof b->code);
    }
    return true;
}

void scn_module_close(scn_module *m)
{
    if (m->bindings) {
        for (uint32_t i = 0; i < m->desc->nexternals; i++) {
            if (m->bindings[i].closure)
                ffi_closure_free(m->bindings[i].closure);
            free(m->bindings[i].arg_types);
            free(m->bindings[i].structs);
            free(m->bindings[i].elements);
            free(m->bindings[i].values);
        }
        free(m->bindings);
    }
    free(m->externals);
    if (m->host)
        dlclose(m->host);
    if (m->handle)
        dlclose(m->handle);
    memset(m, 0, sizeof *m);
}

/* ---- Running ------------------------------------------------------------------------ */

static void apply_given(const lov_module_desc *d, void *in, const scn_given *g)
{
    if (g->kind == GIVEN_CALL || g->input < 0)
        return;
    const lov_field_desc *f = &d->inputs[g->input];
    bool *known = (bool *)((char *)in + f->known_offset);
    if (g->kind == GIVEN_VALUE && g->value->kind == SV_UNKNOWN) {
        *known = false;
        return;
    }
    *known = true;
    if (g->kind == GIVEN_TABLE && f->type == LOV_T_RECORD) {
        if (g->items && f->record)
            memcpy((char *)in + f->offset, g->items, f->record->size);
        return;
    }
    if (g->kind == GIVEN_TABLE) {
        void *items = g->items;
        size_t count = g->nitems;
        memcpy((char *)in + f->offset, &items, sizeof items);
        memcpy((char *)in + f->count_offset, &count, sizeof count);
        return;
    }
    scn_store(in, f->offset, f->type, f->optional, g->present, g->converted);
}

static lov_status status_of(const lov_module_desc *d, const void *out, int output)
{
    lov_status st;
    memcpy(&st, (const char *)out + d->outputs[output].status_offset, sizeof st);
    return st;
}

static bool is_missing(const lov_module_desc *d, const void *out, int input)
{
    uint64_t word;
    memcpy(&word, (const char *)out + d->missing_offset + (size_t)(input / 64) * sizeof word, sizeof word);
    return (word >> (input % 64)) & 1;
}

/* "undetermined (these facts are missing: arbejde, sats)" and the like. */
static void describe_status(const lov_module_desc *d, const void *out, lov_status st, strbuf *sb)
{
    sb_puts(sb, lov_status_name(st));
    if (st != LOV_UNDETERMINED)
        return;
    int n = 0;
    for (uint32_t i = 0; i < d->ninputs; i++)
        if (is_missing(d, out, (int)i))
            sb_printf(sb, "%s%s", n++ ? ", " : " (missing: ", d->inputs[i].name);
    if (n)
        sb_putc(sb, ')');
}

static void value_text(const lov_module_desc *d, const void *out, int output, char *buf, size_t cap)
{
    const lov_field_desc *f = &d->outputs[output];
    bool present;
    lov_value v;
    scn_load(out, f->offset, f->type, f->optional, &present, &v);
    scn_format_value(buf, cap, f->type, f->enum_desc, present, v);
}

static bool is_none(const lov_field_desc *f, lov_value v)
{
    switch (f->type) {
    case LOV_T_BOOL: return !v.b;
    case LOV_T_MONEY: return v.money == 0;
    case LOV_T_INT: return v.i == 0;
    case LOV_T_DECIMAL: return v.dec.coef == 0;
    default: return false;
    }
}

static void compare(const lov_module_desc *d, const void *out, const scn_expect *x, scn_result *r)
{
    char want[256], got[256];
    strbuf *sb = &r->failures;
    size_t before = sb->len;
    if (x->kind == EXPECT_MISSING) {
        for (int k = 0; k < x->names.len; k++) {
            if (x->inputs[k] >= 0 && !is_missing(d, out, x->inputs[k]))
                sb_printf(sb, "missing %s: expected the rules to name '%s' as a missing fact, but they do not\n",
                          ((scn_ident *)SCN_AT(x->names, k))->name, ((scn_ident *)SCN_AT(x->names, k))->name);
        }
        if (sb->len != before)
            r->passed = false;
        return;
    }
    if (x->output < 0)
        return;
    const lov_field_desc *f = &d->outputs[x->output];
    lov_status st = status_of(d, out, x->output);
    strbuf actual;
    sb_init(&actual);
    if (st == LOV_OK) {
        value_text(d, out, x->output, got, sizeof got);
        sb_puts(&actual, got);
    } else {
        describe_status(d, out, st, &actual);
    }
    switch (x->kind) {
    case EXPECT_VALUE: {
        bool present;
        lov_value v;
        scn_load(out, f->offset, f->type, f->optional, &present, &v);
        bool equal = st == LOV_OK && present == x->present && (!present || same_value(f->type, v, x->converted));
        if (!equal) {
            scn_format_value(want, sizeof want, f->type, f->enum_desc, x->present, x->converted);
            sb_printf(sb, "%s: expected %s, but the rules decided %s\n", f->name, want, actual.data);
        }
        break;
    }
    case EXPECT_STATUS:
        if (st != x->status)
            sb_printf(sb, "%s: expected it to be %s, but the rules decided %s\n", f->name,
                      lov_status_name(x->status), actual.data);
        break;
    case EXPECT_NONE: {
        /* What the tester means: nothing goes out to the citizen on its
         * own. That holds when the rules decide nothing of it, when they
         * hold it back (a prerequisite not met), and when they cannot
         * decide it (a caseworker must). */
        bool present;
        lov_value v;
        scn_load(out, f->offset, f->type, f->optional, &present, &v);
        uint32_t held = 0;
        if (f->held_offset)
            memcpy(&held, (const char *)out + f->held_offset, sizeof held);
        bool nothing = st == LOV_UNDETERMINED || (st == LOV_OK && (is_none(f, v) || held != 0));
        if (!nothing)
            sb_printf(sb, "no %s: expected no %s, but the rules decided %s\n", f->name, f->name, actual.data);
        break;
    }
    case EXPECT_HELD_BACK: {
        uint32_t held;
        memcpy(&held, (const char *)out + f->held_offset, sizeof held);
        if (st != LOV_OK || held == 0)
            sb_printf(sb, "%s: expected it to be held back (a prerequisite not met), but the rules decided %s%s\n",
                      f->name, actual.data, st == LOV_OK ? " with every prerequisite met" : "");
        break;
    }
    default:
        break;
    }
    sb_free(&actual);
    if (sb->len != before)
        r->passed = false;
}

/* The rules' own assertions hold in every scenario: one that the module
 * works out as 'no' fails it, unless the scenario states what it expects of
 * that assertion itself. */
static void check_assertions(const lov_module_desc *d, const void *out, const scn_scenario *sc, scn_result *r)
{
    for (uint32_t i = 0; i < d->noutputs; i++) {
        const lov_field_desc *f = &d->outputs[i];
        if (f->provision < 0 || (uint32_t)f->provision >= d->nprovisions
            || d->provisions[f->provision].kind != LOV_PROV_ASSERTION || status_of(d, out, (int)i) != LOV_OK)
            continue;
        bool present, expected = false;
        lov_value v;
        scn_load(out, f->offset, f->type, f->optional, &present, &v);
        for (int k = 0; k < sc->expects.len; k++)
            expected |= ((const scn_expect *)SCN_AT(sc->expects, k))->output == (int)i;
        if (v.b || expected)
            continue;
        const lov_provision_desc *p = &d->provisions[f->provision];
        sb_printf(&r->failures, "the rules' own assertion %s (%s %s) does not hold for this case\n", f->name,
                  p->source ? p->source : "", p->citation ? p->citation : "");
        r->passed = false;
    }
}

bool scn_exercises(const lov_trace_entry *e)
{
    return e->event == LOV_TRACE_VALUE || e->event == LOV_TRACE_APPLIES || e->event == LOV_TRACE_MET
           || e->event == LOV_TRACE_NOT_MET;
}

bool scn_counts_for_coverage(const lov_provision_desc *p)
{
    return p->kind != LOV_PROV_ASSERTION;
}

void scn_run(scn_module *m, const scn_suite *s, const scn_scenario *sc, scn_result *r, bool *covered)
{
    const lov_module_desc *d = m->desc;
    memset(r, 0, sizeof *r);
    r->scenario = sc;
    r->passed = true;
    sb_init(&r->failures);
    void *in = xcalloc(1, d->input_size);
    r->output = xcalloc(1, d->output_size);
    for (int i = 0; i < s->background.len; i++)
        apply_given(d, in, SCN_AT(s->background, i));
    for (int i = 0; i < sc->givens.len; i++)
        apply_given(d, in, SCN_AT(sc->givens, i));
    m->suite = s;
    m->scenario = sc;

    /* The evaluation is pure: with a trace too small, run it again. */
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    size_t cap = 64;
    lov_trace trace;
    for (;;) {
        r->trace = xrealloc(r->trace, cap * sizeof *r->trace);
        trace.entries = r->trace;
        trace.capacity = cap;
        trace.count = trace.dropped = 0;
        lov_trace *tp = &trace;
        void *ext = m->externals;
        if (m->evaluate) {
            r->status = m->evaluate(m->engine, in, r->output, tp, ext);
        } else {
            void *args[4] = {&in, &r->output, &tp, &ext};
            ffi_arg rc = 0;
            ffi_call(&m->cif, FFI_FN(m->entry), &rc, args);
            r->status = (lov_status)(int)rc;
        }
        if (trace.dropped == 0)
            break;
        cap = (trace.count + trace.dropped) * 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    r->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    r->ntrace = trace.count;
    m->scenario = NULL;
    r->expect_failed = xcalloc((size_t)sc->expects.len + 1, sizeof *r->expect_failed);
    for (int i = 0; i < sc->expects.len; i++) {
        size_t before = r->failures.len;
        compare(d, r->output, SCN_AT(sc->expects, i), r);
        r->expect_failed[i] = r->failures.len != before;
    }
    check_assertions(d, r->output, sc, r);
    if (covered)
        for (size_t i = 0; i < r->ntrace; i++)
            if (scn_exercises(&r->trace[i]) && r->trace[i].provision < d->nprovisions)
                covered[r->trace[i].provision] = true;
    free(in);
}

void scn_result_free(scn_result *r)
{
    sb_free(&r->failures);
    free(r->expect_failed);
    free(r->output);
    free(r->trace);
    memset(r, 0, sizeof *r);
}

/* SPDX-License-Identifier: Apache-2.0 */
/* The interpreter as an engine of the scenario runner: the runner fills the
 * input struct the interpreter's descriptor lays out, and binds external
 * functions into the externals struct as for a compiled module; the
 * interpreter asks those functions through libffi, as a compiled module
 * calls them. */
#include "commands/engine_interp.h"

#include <ffi.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval.h"
#include "support/util.h"

typedef struct interp {
    program *prog;
    ev_engine *engine;
} interp;

/* One evaluation's externals: the struct the runner bound. */
typedef struct bound_externals {
    const lov_module_desc *desc;
    const void *functions;
} bound_externals;

static ffi_type *ffi_type_of(lov_type t, ffi_type *st, ffi_type **elements)
{
    switch (t) {
    case LOV_T_BOOL: return &ffi_type_uint8;
    case LOV_T_INT:
    case LOV_T_MONEY: return &ffi_type_sint64;
    case LOV_T_DATE: return &ffi_type_sint32;
    case LOV_T_DECIMAL:
    case LOV_T_DURATION:
        elements[0] = t == LOV_T_DECIMAL ? &ffi_type_sint64 : &ffi_type_sint32;
        elements[1] = &ffi_type_sint32;
        elements[2] = NULL;
        st->size = st->alignment = 0;
        st->type = FFI_TYPE_STRUCT;
        st->elements = elements;
        return st;
    default: return &ffi_type_sint;
    }
}

/* lov_status fn(void *ctx, ARGS..., RESULT *out), from the externals struct. */
static lov_status call_bound(void *ctx, int external, const lov_value *args, lov_value *result)
{
    const bound_externals *b = ctx;
    const lov_external_desc *x = &b->desc->externals[external];
    void *fn = NULL, *fn_ctx = NULL;
    if (!b->functions)
        return LOV_UNDETERMINED;
    memcpy(&fn, (const char *)b->functions + x->offset, sizeof fn);
    memcpy(&fn_ctx, b->functions, sizeof fn_ctx);
    if (!fn)
        return LOV_UNDETERMINED;
    uint32_t n = x->nparams;
    ffi_type **types = xcalloc(n + 2, sizeof *types);
    ffi_type *structs = xcalloc(n + 1, sizeof *structs);
    ffi_type *(*elements)[3] = xcalloc(n + 1, sizeof *elements);
    void **values = xcalloc(n + 2, sizeof *values);
    lov_value *copies = xcalloc(n + 1, sizeof *copies);
    lov_status st = LOV_UNDETERMINED;
    void *out = result;
    types[0] = &ffi_type_pointer;
    values[0] = &fn_ctx;
    for (uint32_t k = 0; k < n; k++) {
        copies[k] = args[k];
        types[k + 1] = ffi_type_of(x->params[k], &structs[k], elements[k]);
        values[k + 1] = &copies[k];       /* every member of the union starts at its address */
    }
    types[n + 1] = &ffi_type_pointer;
    values[n + 1] = &out;
    ffi_cif cif;
    if (ffi_prep_cif(&cif, FFI_DEFAULT_ABI, n + 2, &ffi_type_sint, types) == FFI_OK) {
        ffi_arg rc = 0;
        memset(result, 0, sizeof *result);
        void (*entry)(void);
        memcpy(&entry, &fn, sizeof fn);
        ffi_call(&cif, entry, &rc, values);
        st = (lov_status)(int)rc;
    }
    free(types);
    free(structs);
    free(elements);
    free(values);
    free(copies);
    return st;
}

static lov_status evaluate(void *engine, const void *in, void *out, lov_trace *trace, const void *externals)
{
    interp *ip = engine;
    bound_externals b = {ev_descriptor(ip->engine), externals};
    ev_externals ext = {call_bound, &b};
    return ev_evaluate(ip->engine, in, out, trace, &ext);
}

void interp_attach(scn_module *m, program *p)
{
    interp *ip = xcalloc(1, sizeof *ip);
    ip->prog = p;
    ip->engine = ev_prepare(p);
    scn_module_attach_engine(m, ev_descriptor(ip->engine), evaluate, ip);
}

void interp_close(scn_module *m)
{
    interp *ip = m->evaluate == evaluate ? m->engine : NULL;
    scn_module_close(m);
    if (ip) {
        ev_free(ip->engine);
        program_free(ip->prog);
        free(ip);
    }
}

/* SPDX-License-Identifier: Apache-2.0 */
/* The interpreter's lov_module_desc: the same description of the module a
 * compiled one exports (names, types, provisions with what each rule reads,
 * dated parameters, external functions), with the offsets of the
 * interpreter's own layout. */
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"
#include "support/sha256.h"
#include "core/lov_version.h"


static const type *base_type(const type *t)
{
    return t->kind == T_OPTIONAL || t->kind == T_LIST ? t->elem : t;
}

static const lov_enum_desc *enum_of(const ev_engine *e, const type *t)
{
    const type *bt = base_type(t);
    if (bt->kind != T_ENUM)
        return NULL;
    for (size_t i = 0; i < e->enums.len; i++)
        if (e->enums.items[i] == bt->decl)
            return &e->enum_descs[i];
    return NULL;
}

static const lov_record_desc *record_of(const ev_engine *e, const type *t)
{
    const type *bt = base_type(t);
    if (bt->kind != T_RECORD)
        return NULL;
    int i = ev_map_get(&e->rec_index, bt->decl);
    return i < 0 ? NULL : &e->record_descs[i];
}

static void field_desc(const ev_engine *e, lov_field_desc *f, const char *name, const type *t)
{
    memset(f, 0, sizeof *f);
    f->name = name;
    f->c_name = name;
    f->type = t->kind == T_LIST ? LOV_T_LIST : ev_type_tag(t);
    f->elem_type = t->kind == T_LIST ? ev_type_tag(t->elem) : ev_type_tag(t);
    f->optional = t->kind == T_OPTIONAL;
    f->enum_desc = enum_of(e, t);
    f->record = record_of(e, t);
    f->provision = -1;
}

static void describe_types(ev_engine *e)
{
    e->enum_descs = xcalloc(e->enums.len + 1, sizeof *e->enum_descs);
    e->enum_ptrs = xcalloc(e->enums.len + 1, sizeof *e->enum_ptrs);
    for (size_t i = 0; i < e->enums.len; i++) {
        decl *d = e->enums.items[i];
        const char **cases = xcalloc((size_t)d->u.enum_.cases.len + 1, sizeof *cases);
        for (int k = 0; k < d->u.enum_.cases.len; k++)
            cases[k] = ((enum_case *)NL_AT(d->u.enum_.cases, k))->name.name;
        e->enum_descs[i] = (lov_enum_desc){d->name.name, cases, (uint32_t)d->u.enum_.cases.len};
        e->enum_ptrs[i] = &e->enum_descs[i];
    }
    e->record_descs = xcalloc(e->records.len + 1, sizeof *e->record_descs);
    e->record_fields = xcalloc(e->records.len + 1, sizeof *e->record_fields);
    e->record_ptrs = xcalloc(e->records.len + 1, sizeof *e->record_ptrs);
    for (size_t i = 0; i < e->records.len; i++) {
        decl *d = e->records.items[i];
        int n = d->u.record.fields.len;
        e->record_fields[i] = xcalloc((size_t)n + 1, sizeof **e->record_fields);
        for (int k = 0; k < n; k++) {
            record_field *rf = NL_AT(d->u.record.fields, k);
            field_desc(e, &e->record_fields[i][k], rf->name.name, rf->type);
            e->record_fields[i][k].offset = ev_field_offset(k);
        }
        e->record_descs[i] = (lov_record_desc){d->name.name, ev_record_size(d), e->record_fields[i], (uint32_t)n};
        e->record_ptrs[i] = &e->record_descs[i];
    }
}

/* The inputs and definitions an expression reads, for explanations. */
typedef struct uses {
    const ev_engine *e;
    bool *inputs, *outputs;
} uses;

static void visit_use(expr *x, void *ctx)
{
    uses *u = ctx;
    if (x->kind != E_NAME || x->u.name.ref != REF_DECL)
        return;
    decl *d = x->u.name.target;
    if (d->module != u->e->mod)
        return;
    if (d->kind == D_INPUT)
        u->inputs[ev_map_get(&u->e->slot, d)] = true;
    else if ((d->kind == D_DEFINITION || d->kind == D_OUTCOME) && !d->u.def.has_params)
        u->outputs[ev_map_get(&u->e->slot, d)] = true;
}

static void describe_uses(ev_engine *e, size_t i, lov_provision_desc *pd)
{
    ev_prov *p = e->provisions.items[i];
    if (p->owner->module != e->mod)
        return;
    size_t ni = e->inputs.len, no = e->outputs.len;
    uses u = {e, xcalloc(ni + 1, 1), xcalloc(no + 1, 1)};
    if (p->kind == LOV_PROV_DEFINITION) {
        for (int k = 0; k < p->owner->u.def.rules.len; k++) {
            ast_rule *r = NL_AT(p->owner->u.def.rules, k);
            ast_walk(r->cond, visit_use, &u);
            ast_walk(r->value, visit_use, &u);
        }
    } else if (p->kind == LOV_PROV_EXCEPTION) {
        ast_walk(p->rule->cond, visit_use, &u);
        ast_walk(p->rule->value, visit_use, &u);
    } else if (p->kind == LOV_PROV_REQUIREMENT) {
        ast_walk(p->req->cond, visit_use, &u);
    } else if (p->kind == LOV_PROV_ASSERTION) {
        ast_walk(p->owner->u.assert_.cond, visit_use, &u);
    }
    int32_t *list = xcalloc(ni + no + 2, sizeof *list);
    uint32_t n = 0, m = 0;
    for (size_t k = 0; k < ni; k++)
        if (u.inputs[k])
            list[n++] = (int32_t)k;
    for (size_t k = 0; k < no; k++)
        if (u.outputs[k])
            list[n + m++] = (int32_t)k;
    if (n + m > 0) {
        pd->uses_inputs = list;
        pd->nuses_inputs = n;
        pd->uses_outputs = list + n;
        pd->nuses_outputs = m;
        e->uses[i] = list;
    } else {
        free(list);
    }
    free(u.inputs);
    free(u.outputs);
}

static void describe_provisions(ev_engine *e)
{
    size_t n = e->provisions.len;
    e->prov_descs = xcalloc(n + 1, sizeof *e->prov_descs);
    e->uses = xcalloc(n + 1, sizeof *e->uses);
    for (size_t i = 0; i < n; i++) {
        ev_prov *p = e->provisions.items[i];
        lov_provision_desc *pd = &e->prov_descs[i];
        const source_decl *src = p->cite ? p->cite->resolved : NULL;
        int ln = 0, col = 0;
        if (p->loc.file)
            src_line_col((src_file *)p->loc.file, p->loc.start, &ln, &col);
        const type *vt = p->kind == LOV_PROV_DEFINITION || p->kind == LOV_PROV_PARAMETER ? p->owner->type
                                                                                        : type_bool();
        pd->kind = p->kind;
        pd->name = p->owner->name.name;
        pd->label = p->rule ? p->rule->label.name : NULL;
        pd->source = src ? src->name.name : NULL;
        pd->source_title = src ? src->title : NULL;
        pd->citation = p->cite ? p->cite->provision : NULL;
        pd->text = p->rule || p->req ? (p->cite ? p->cite->text : NULL) : ast_law_text(p->owner);
        pd->unverified = p->rule ? p->rule->unverified : p->req ? NULL : p->owner->unverified;
        pd->line = (uint32_t)ln;
        pd->type = ev_type_tag(vt);
        pd->enum_desc = enum_of(e, vt);
        describe_uses(e, i, pd);
    }
}

static void describe_params(ev_engine *e)
{
    e->param_descs = xcalloc(e->params.len + 1, sizeof *e->param_descs);
    e->param_values = xcalloc(e->params.len + 1, sizeof *e->param_values);
    uint32_t n = 0;
    for (size_t i = 0; i < e->params.len; i++) {
        decl *d = e->params.items[i];
        nodelist *vals = &d->u.param.values;
        lov_dated_value *dv = xcalloc((size_t)vals->len + 1, sizeof *dv);
        e->param_values[i] = dv;
        for (int k = 0; k < vals->len; k++) {
            dated_value *x = NL_AT(*vals, k);
            dv[k].from = x->from;
            dv[k].until = x->has_until ? x->until
                          : k + 1 < vals->len ? ((dated_value *)NL_AT(*vals, k + 1))->from - 1 : LOV_DATE_MAX;
            dv[k].value = ev_literal(x->value, d->type).v;
        }
        if (vals->len == 0)
            continue;
        const char **marks = NULL;
        for (int k = 0; k < vals->len; k++) {
            const char *why = ((dated_value *)NL_AT(*vals, k))->unverified;
            if (why && !marks)
                marks = xcalloc((size_t)vals->len, sizeof *marks);
            if (why)
                marks[k] = why;
        }
        e->param_descs[n++] = (lov_param_desc){d->name.name, ev_type_tag(d->type),
                                               (uint32_t)ev_map_get(&e->prov, d), dv, (uint32_t)vals->len,
                                               (const char *const *)marks};
    }
    e->desc.params = e->param_descs;
    e->desc.nparams = n;
}

static void describe_externals(ev_engine *e)
{
    size_t n = e->externals.len;
    e->ext_descs = xcalloc(n + 1, sizeof *e->ext_descs);
    e->ext_params = xcalloc(n + 1, sizeof *e->ext_params);
    e->ext_param_names = xcalloc(n + 1, sizeof *e->ext_param_names);
    e->ext_param_enums = xcalloc(n + 1, sizeof *e->ext_param_enums);
    for (size_t i = 0; i < n; i++) {
        decl *d = e->externals.items[i];
        int np = d->u.external.params.len;
        e->ext_params[i] = xcalloc((size_t)np + 1, sizeof **e->ext_params);
        e->ext_param_names[i] = xcalloc((size_t)np + 1, sizeof **e->ext_param_names);
        e->ext_param_enums[i] = xcalloc((size_t)np + 1, sizeof **e->ext_param_enums);
        for (int k = 0; k < np; k++) {
            formal *f = NL_AT(d->u.external.params, k);
            e->ext_params[i][k] = ev_type_tag(f->type);
            e->ext_param_names[i][k] = f->name.name;
            e->ext_param_enums[i][k] = enum_of(e, f->type);
        }
        lov_external_desc *x = &e->ext_descs[i];
        x->name = d->name.name;
        x->c_name = d->name.name;
        x->offset = (uint32_t)(sizeof(void *) * (i + 1));    /* after the caller's context pointer */
        x->result = ev_type_tag(d->type);
        x->result_enum = enum_of(e, d->type);
        x->params = e->ext_params[i];
        x->param_names = e->ext_param_names[i];
        x->nparams = (uint32_t)np;
        x->citation = d->cite && d->cite->provision ? d->cite->provision : "";
        x->param_enums = e->ext_param_enums[i];
    }
    e->desc.externals = e->ext_descs;
    e->desc.nexternals = (uint32_t)n;
    e->desc.externals_size = n ? (uint32_t)(sizeof(void *) * (n + 1)) : 0;
}

void ev_describe(ev_engine *e)
{
    module *m = e->mod;
    describe_types(e);
    size_t ni = e->inputs.len, no = e->outputs.len;
    e->in_fields = xcalloc(ni + 1, sizeof *e->in_fields);
    for (size_t i = 0; i < ni; i++) {
        decl *d = e->inputs.items[i];
        lov_field_desc *f = &e->in_fields[i];
        field_desc(e, f, d->name.name, d->type);
        f->offset = e->in_off[i];
        f->count_offset = d->type->kind == T_LIST ? e->in_off[i] + 8 : 0;
        f->known_offset = e->known_off[i];
    }
    e->out_fields = xcalloc(no + 1, sizeof *e->out_fields);
    for (size_t k = 0; k < no; k++) {
        decl *d = e->outputs.items[k];
        lov_field_desc *f = &e->out_fields[k];
        field_desc(e, f, d->name.name, d->type);
        f->offset = e->out_off[k];
        f->status_offset = e->status_off[k];
        bool adverse = d->kind != D_ASSERT && d->u.def.adverse;
        f->held_offset = adverse && d->u.def.requires.len > 0 ? e->held_off[k] : 0;
        f->provision = ev_map_get(&e->prov, d);
        f->adverse = adverse;
        f->outcome = d->kind == D_OUTCOME;
    }
    describe_provisions(e);
    describe_params(e);
    describe_externals(e);
    sha256_hex(m->file->text, m->file->len, e->sha256);
    lov_module_desc *x = &e->desc;
    x->descriptor_version = LOV_DESCRIPTOR_VERSION;
    x->name = m->name.name;
    x->c_name = m->name.name;
    x->title = m->title ? m->title : "";
    x->source_file = m->file->path;
    x->source_sha256 = e->sha256;
    x->compiler_version = LOV_VERSION;
    x->has_in_force = m->has_in_force;
    x->in_force_from = m->in_force_from;
    x->in_force_until = m->has_until ? m->in_force_until : LOV_DATE_MAX;
    x->reference_input = m->reference_input ? ev_map_get(&e->slot, m->reference_input) : -1;
    x->entry = "the reference interpreter";
    x->input_size = e->input_size;
    x->output_size = e->output_size;
    x->missing_offset = e->missing_off;
    x->missing_words = (uint32_t)e->mask_words;
    x->info_offset = e->info_off;
    x->inputs = e->in_fields;
    x->ninputs = (uint32_t)ni;
    x->outputs = e->out_fields;
    x->noutputs = (uint32_t)no;
    x->provisions = e->prov_descs;
    x->nprovisions = (uint32_t)e->provisions.len;
    x->enums = e->enum_ptrs;
    x->nenums = (uint32_t)e->enums.len;
    x->records = e->record_ptrs;
    x->nrecords = (uint32_t)e->records.len;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* NAME_descriptor, the module's description of itself at the end of NAME.c:
 * its enums, records, inputs and outputs, provisions (with what each rule
 * reads), dated parameters and external functions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/emit.h"
#include "core/lov.h"


/* ---- The descriptor -------------------------------------------------------------- */

static const type *base_type(const type *t)
{
    return t->kind == T_OPTIONAL || t->kind == T_LIST ? t->elem : t;
}

/* The inputs and definitions an expression reads, for explanations: each
 * slot marked once and listed, so that writing a provision's lists costs
 * what its rule reads, not the size of the module. */
typedef struct uses {
    module *mod;
    bool *inputs;            /* by slot */
    bool *outputs;
    ptrvec input_slots;      /* the marked slots + 1, as pointers */
    ptrvec output_slots;
} uses;

static void mark(bool *marks, ptrvec *slots, int slot)
{
    if (marks[slot])
        return;
    marks[slot] = true;
    pv_push(slots, (void *)(intptr_t)(slot + 1));
}

static void visit_use(expr *e, void *ctx)
{
    uses *u = ctx;
    if (e->kind != E_NAME || e->u.name.ref != REF_DECL)
        return;
    decl *d = e->u.name.target;
    if (d->module != u->mod)
        return;
    if (d->kind == D_INPUT)
        mark(u->inputs, &u->input_slots, d->slot);
    else if ((d->kind == D_DEFINITION || d->kind == D_OUTCOME) && !d->u.def.has_params)
        mark(u->outputs, &u->output_slots, d->slot);
}

static int by_slot(const void *a, const void *b)
{
    intptr_t x = (intptr_t)*(void *const *)a, y = (intptr_t)*(void *const *)b;
    return (x > y) - (x < y);
}

/* The marked slots in order, "-1" for none; the marks cleared for the next. */
static void emit_slots(strbuf *c, bool *marks, ptrvec *slots)
{
    if (slots->len > 1) /* qsort of no items may not be given a null array */
        qsort(slots->items, slots->len, sizeof slots->items[0], by_slot);
    for (size_t k = 0; k < slots->len; k++) {
        int slot = (int)(intptr_t)slots->items[k] - 1;
        emit_printf(c, "%s%d", k ? ", " : "", slot);
        marks[slot] = false;
    }
    if (slots->len == 0)
        sb_puts(c, "-1");
    slots->len = 0;
}

static void emit_field_desc(emitter *em, const char *container, const char *c_name, const char *name,
                            const type *t, bool input)
{
    strbuf *c = &em->c;
    const type *bt = base_type(t);
    char ebuf[256] = "NULL", rbuf[256] = "NULL";
    if (bt->kind == T_ENUM)
        snprintf(ebuf, sizeof ebuf, "&enum_%s", bt->decl->c_public);
    if (bt->kind == T_RECORD)
        snprintf(rbuf, sizeof rbuf, "&record_%s", bt->decl->c_public);
    emit_printf(c, "    {%s, \"%s\", %s, %s, %s, offsetof(%s, %s), ", emit_cstring(em, name), c_name,
                t->kind == T_LIST ? "LOV_T_LIST" : emit_type_tag(t),
                t->kind == T_LIST ? emit_type_tag(t->elem) : emit_type_tag(t),
                t->kind == T_OPTIONAL ? "true" : "false", container, c_name);
    if (t->kind == T_LIST)
        emit_printf(c, "offsetof(%s, %s_count), ", container, c_name);
    else
        sb_puts(c, "0, ");
    if (input)
        emit_printf(c, "offsetof(%s, known.%s), 0, 0, ", container, c_name);
    else
        sb_puts(c, "0, 0, 0, ");
    emit_printf(c, "%s, %s, -1, false, false},\n", ebuf, rbuf);
}

void emit_descriptor(emitter *em)
{
    strbuf *c = &em->c;
    module *m = em->mod;
    const char *p = m->c_prefix;
    sb_puts(c, "/* ---- Self-description ---- */\n\n");
    for (size_t i = 0; i < em->enums.len; i++) {
        decl *d = em->enums.items[i];
        emit_printf(c, "static const char *const cases_%s[] = {", d->c_public);
        for (int k = 0; k < d->u.enum_.cases.len; k++)
            emit_printf(c, "%s%s", k ? ", " : "", emit_cstring(em, ((enum_case *)NL_AT(d->u.enum_.cases, k))->name.name));
        emit_printf(c, "};\nstatic const lov_enum_desc enum_%s = {%s, cases_%s, %d};\n\n", d->c_public,
                    emit_cstring(em, d->name.name), d->c_public, d->u.enum_.cases.len);
    }
    for (size_t i = 0; i < em->records.len; i++) {
        decl *d = em->records.items[i];
        emit_printf(c, "static const lov_field_desc fields_%s[] = {\n", d->c_public);
        for (int k = 0; k < d->u.record.fields.len; k++) {
            record_field *f = NL_AT(d->u.record.fields, k);
            emit_field_desc(em, d->c_public, f->c_name, f->name.name, f->type, false);
        }
        emit_printf(c, "};\nstatic const lov_record_desc record_%s = {%s, sizeof(%s), fields_%s, %d};\n\n",
                    d->c_public, emit_cstring(em, d->name.name), d->c_public, d->c_public,
                    d->u.record.fields.len);
    }
    char container[256];
    snprintf(container, sizeof container, "%s_input", p);
    emit_printf(c, "static const lov_field_desc inputs[] = {\n");
    for (size_t i = 0; i < em->inputs.len; i++) {
        decl *d = em->inputs.items[i];
        emit_field_desc(em, container, d->c_name, d->name.name, d->type, true);
    }
    if (em->inputs.len == 0)
        sb_puts(c, "    {NULL, NULL, LOV_T_INT, LOV_T_INT, false, 0, 0, 0, 0, 0, NULL, NULL, -1, false, false},\n");
    sb_puts(c, "};\n\n");
    snprintf(container, sizeof container, "%s_output", p);
    sb_puts(c, "static const lov_field_desc outputs[] = {\n");
    for (size_t i = 0; i < em->outputs.len; i++) {
        decl *d = em->outputs.items[i];
        const type *bt = base_type(d->type);
        char ebuf[256] = "NULL";
        if (bt->kind == T_ENUM)
            snprintf(ebuf, sizeof ebuf, "&enum_%s", bt->decl->c_public);
        bool held = emit_held_back(d);
        emit_printf(c, "    {%s, \"%s\", %s, %s, %s, offsetof(%s, %s), 0, 0, offsetof(%s, status.%s), ",
                    emit_cstring(em, d->name.name), d->c_name, emit_type_tag(d->type), emit_type_tag(d->type),
                    d->type->kind == T_OPTIONAL ? "true" : "false", container, d->c_name, container, d->c_name);
        if (held)
            emit_printf(c, "offsetof(%s, held_back.%s), ", container, d->c_name);
        else
            sb_puts(c, "0, ");
        emit_printf(c, "%s, NULL, %d, %s, %s},\n", ebuf, d->provision, emit_is_adverse(d) ? "true" : "false",
                    d->kind == D_OUTCOME ? "true" : "false");
    }
    if (em->outputs.len == 0)
        sb_puts(c, "    {NULL, NULL, LOV_T_INT, LOV_T_INT, false, 0, 0, 0, 0, 0, NULL, NULL, -1, false, false},\n");
    sb_puts(c, "};\n\n");

    static const char *const kinds[] = {"LOV_PROV_DEFINITION", "LOV_PROV_EXCEPTION", "LOV_PROV_REQUIREMENT",
                                        "LOV_PROV_PARAMETER", "LOV_PROV_ASSERTION"};
    /* What each provision's rule reads. */
    uses u = {m, xcalloc(em->inputs.len + 1, 1), xcalloc(em->outputs.len + 1, 1), {0}, {0}};
    char **uses_names = xcalloc(em->provisions.len + 1, sizeof *uses_names);
    for (size_t i = 0; i < em->provisions.len; i++) {
        prov_entry *pv = em->provisions.items[i];
        if (pv->owner->module != m)
            continue;
        if (pv->kind == LOV_PROV_DEFINITION) {
            for (int k = 0; k < pv->owner->u.def.rules.len; k++) {
                ast_rule *r = NL_AT(pv->owner->u.def.rules, k);
                ast_walk(r->cond, visit_use, &u);
                ast_walk(r->value, visit_use, &u);
            }
        } else if (pv->kind == LOV_PROV_EXCEPTION) {
            ast_walk(pv->rule->cond, visit_use, &u);
            ast_walk(pv->rule->value, visit_use, &u);
        } else if (pv->kind == LOV_PROV_REQUIREMENT) {
            ast_walk(pv->req->cond, visit_use, &u);
        } else if (pv->kind == LOV_PROV_ASSERTION) {
            ast_walk(pv->owner->u.assert_.cond, visit_use, &u);
        }
        int ni = (int)u.input_slots.len, no = (int)u.output_slots.len;
        if (ni + no == 0)
            continue;
        char name[64];
        snprintf(name, sizeof name, "uses_%zu", i);
        uses_names[i] = xstrdup(name);
        emit_printf(c, "static const int32_t %s_inputs[] = {", name);
        emit_slots(c, u.inputs, &u.input_slots);
        emit_printf(c, "};\nstatic const int32_t %s_outputs[] = {", name);
        emit_slots(c, u.outputs, &u.output_slots);
        sb_puts(c, "};\n");
        ((prov_entry *)em->provisions.items[i])->nuses_inputs = ni;
        ((prov_entry *)em->provisions.items[i])->nuses_outputs = no;
    }
    pv_free(&u.input_slots);
    pv_free(&u.output_slots);
    free(u.inputs);
    free(u.outputs);
    sb_puts(c, "\nstatic const lov_provision_desc provisions[] = {\n");
    for (size_t i = 0; i < em->provisions.len; i++) {
        prov_entry *pv = em->provisions.items[i];
        const citation *ct = pv->cite;
        const source_decl *src = ct ? ct->resolved : NULL;
        int ln = 0, col = 0;
        if (pv->loc.file)
            src_line_col((src_file *)pv->loc.file, pv->loc.start, &ln, &col);
        const type *vt = pv->kind == LOV_PROV_DEFINITION || pv->kind == LOV_PROV_PARAMETER ? pv->owner->type
                                                                                          : type_bool();
        const type *bt = base_type(vt);
        const char *law = pv->rule || pv->req ? (ct ? ct->text : NULL) : ast_law_text(pv->owner);
        char ebuf[256] = "NULL";
        if (bt->kind == T_ENUM)
            snprintf(ebuf, sizeof ebuf, "&enum_%s", bt->decl->c_public);
        emit_printf(c, "    {%s, %s, %s, %s, %s, %s, %s, %d, %s, %s, ", kinds[pv->kind],
                    emit_cstring(em, pv->owner->name.name),
                    pv->rule ? emit_cstring(em, pv->rule->label.name) : "NULL",
                    src ? emit_cstring(em, src->name.name) : "NULL",
                    src ? emit_cstring(em, src->title) : "NULL",
                    ct ? emit_cstring(em, ct->provision) : "NULL",
                    law ? emit_cstring(em, law) : "NULL", ln, emit_type_tag(vt), ebuf);
        const char *unverified = pv->rule ? pv->rule->unverified : pv->req ? NULL : pv->owner->unverified;
        if (uses_names[i])
            emit_printf(c, "%s_inputs, %d, %s_outputs, %d, %s},\n", uses_names[i], pv->nuses_inputs, uses_names[i],
                        pv->nuses_outputs, unverified ? emit_cstring(em, unverified) : "NULL");
        else
            emit_printf(c, "NULL, 0, NULL, 0, %s},\n", unverified ? emit_cstring(em, unverified) : "NULL");
        free(uses_names[i]);
    }
    free(uses_names);
    if (em->provisions.len == 0)
        sb_puts(c, "    {LOV_PROV_DEFINITION, NULL, NULL, NULL, NULL, NULL, NULL, 0, LOV_T_BOOL, NULL, NULL, 0, NULL, 0, NULL},\n");
    sb_puts(c, "};\n\n");

    size_t nparams = 0;
    for (size_t i = 0; i < em->params.len; i++)
        nparams += ((decl *)em->params.items[i])->u.param.values.len > 0;
    /* Per dated value, why the consultant could not verify it (NULL: verified). */
    for (size_t i = 0; i < em->params.len; i++) {
        decl *d = em->params.items[i];
        nodelist *vals = &d->u.param.values;
        bool any = false;
        for (int k = 0; k < vals->len; k++)
            any |= ((dated_value *)NL_AT(*vals, k))->unverified != NULL;
        if (!any)
            continue;
        emit_printf(c, "static const char *const %s_unverified[] = {\n", d->c_table);
        for (int k = 0; k < vals->len; k++) {
            const char *why = ((dated_value *)NL_AT(*vals, k))->unverified;
            emit_printf(c, "    %s,\n", why ? emit_cstring(em, why) : "NULL");
        }
        sb_puts(c, "};\n\n");
    }
    sb_puts(c, "static const lov_param_desc params[] = {\n");
    for (size_t i = 0; i < em->params.len; i++) {
        decl *d = em->params.items[i];
        nodelist *vals = &d->u.param.values;
        if (vals->len == 0)
            continue;
        bool any = false;
        for (int k = 0; k < vals->len; k++)
            any |= ((dated_value *)NL_AT(*vals, k))->unverified != NULL;
        emit_printf(c, "    {%s, %s, %d, %s, %d, ", emit_cstring(em, d->name.name), emit_type_tag(d->type),
                    d->provision, d->c_table, vals->len);
        if (any)
            emit_printf(c, "%s_unverified},\n", d->c_table);
        else
            sb_puts(c, "NULL},\n");
    }
    if (nparams == 0)
        sb_puts(c, "    {NULL, LOV_T_INT, 0, NULL, 0, NULL},\n");
    sb_puts(c, "};\n\n");

    for (size_t i = 0; i < em->externals.len; i++) {
        decl *d = em->externals.items[i];
        emit_printf(c, "static const lov_type params_of_%s[] = {", d->c_static);
        for (int k = 0; k < d->u.external.params.len; k++)
            emit_printf(c, "%s%s", k ? ", " : "", emit_type_tag(((formal *)NL_AT(d->u.external.params, k))->type));
        if (d->u.external.params.len == 0)
            sb_puts(c, "LOV_T_INT");
        emit_printf(c, "};\nstatic const char *const names_of_%s[] = {", d->c_static);
        for (int k = 0; k < d->u.external.params.len; k++)
            emit_printf(c, "%s%s", k ? ", " : "", emit_cstring(em, ((formal *)NL_AT(d->u.external.params, k))->name.name));
        if (d->u.external.params.len == 0)
            sb_puts(c, "NULL");
        emit_printf(c, "};\nstatic const lov_enum_desc *const enums_of_%s[] = {", d->c_static);
        for (int k = 0; k < d->u.external.params.len; k++) {
            const type *t = ((formal *)NL_AT(d->u.external.params, k))->type;
            if (t->kind == T_ENUM)
                emit_printf(c, "%s&enum_%s", k ? ", " : "", t->decl->c_public);
            else
                emit_printf(c, "%sNULL", k ? ", " : "");
        }
        if (d->u.external.params.len == 0)
            sb_puts(c, "NULL");
        sb_puts(c, "};\n");
    }
    sb_puts(c, "static const lov_external_desc externals[] = {\n");
    for (size_t i = 0; i < em->externals.len; i++) {
        decl *d = em->externals.items[i];
        char ebuf[256] = "NULL";
        if (d->type->kind == T_ENUM)
            snprintf(ebuf, sizeof ebuf, "&enum_%s", d->type->decl->c_public);
        emit_printf(c, "    {%s, \"%s\", offsetof(%s_externals, %s), %s, %s, params_of_%s, names_of_%s, %d, %s,\n"
                       "     enums_of_%s},\n",
                    emit_cstring(em, d->name.name), d->c_static, p, d->c_static, emit_type_tag(d->type), ebuf,
                    d->c_static, d->c_static, d->u.external.params.len,
                    emit_cstring(em, d->cite && d->cite->provision ? d->cite->provision : ""), d->c_static);
    }
    if (em->externals.len == 0)
        sb_puts(c, "    {NULL, NULL, 0, LOV_T_INT, NULL, NULL, NULL, 0, NULL, NULL},\n");
    sb_puts(c, "};\n\n");

    sb_puts(c, "static const lov_enum_desc *const enums[] = {");
    for (size_t i = 0; i < em->enums.len; i++)
        emit_printf(c, "%s&enum_%s", i ? ", " : "", ((decl *)em->enums.items[i])->c_public);
    sb_puts(c, em->enums.len ? "};\n" : "NULL};\n");
    sb_puts(c, "static const lov_record_desc *const records[] = {");
    for (size_t i = 0; i < em->records.len; i++)
        emit_printf(c, "%s&record_%s", i ? ", " : "", ((decl *)em->records.items[i])->c_public);
    sb_puts(c, em->records.len ? "};\n\n" : "NULL};\n\n");

    char until[32];
    snprintf(until, sizeof until, "%d", (int)(m->has_until ? m->in_force_until : LOV_DATE_MAX));
    emit_printf(c, "const lov_module_desc %s_descriptor = {\n", p);
    emit_printf(c, "    LOV_DESCRIPTOR_VERSION,\n    %s,\n    \"%s\",\n    %s,\n    %s,\n    \"%s\",\n    \"%s\",\n",
                emit_cstring(em, m->name.name), p, emit_cstring(em, m->title ? m->title : ""),
                emit_cstring(em, em->lov_path), em->sha256, LOV_VERSION);
    emit_printf(c, "    %s, %d, %s,\n", m->has_in_force ? "true" : "false", (int)m->in_force_from, until);
    emit_printf(c, "    %d,\n    \"%s_evaluate\",\n", m->reference_input ? m->reference_input->slot : -1, p);
    emit_printf(c, "    sizeof(%s_input), sizeof(%s_output), %s%s%s,\n", p, p,
                em->externals.len ? "sizeof(" : "0", em->externals.len ? p : "",
                em->externals.len ? "_externals)" : "");
    emit_printf(c, "    offsetof(%s_output, missing), %d, offsetof(%s_output, info),\n", p, em->mask_words, p);
    emit_printf(c, "    inputs, %zu,\n    outputs, %zu,\n    provisions, %zu,\n    params, %zu,\n    externals, %zu,\n"
                   "    enums, %zu,\n    records, %zu,\n};\n",
                em->inputs.len, em->outputs.len, em->provisions.len, nparams, em->externals.len,
                em->enums.len, em->records.len);
}

/* SPDX-License-Identifier: Apache-2.0 */
/* The compiled rules of a caseload (caseload_module.h). */
#include "commands/caseload_module.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/program.h"
#include "check/types.h"
#include "emit/build.h"
#include "front/ast.h"

static bool is_event(const texpr *t)
{
    date_kind kind;
    return t && ast_fact_date_kind(t, &kind) && kind == DATE_EVENT;
}

/* Which inputs and record fields are event dates: the checked rules know,
 * the descriptor does not. */
static void find_events(cl_events *ev, program *p, const lov_module_desc *d)
{
    ev->ninputs = d->ninputs;
    ev->input = xcalloc(d->ninputs + 1, sizeof *ev->input);
    ev->field = xcalloc(d->ninputs + 1, sizeof *ev->field);
    module *m = p->root;
    uint32_t i = 0;
    for (int k = 0; k < m->decls.len && i < d->ninputs; k++) {
        decl *x = NL_AT(m->decls, k);
        if (x->kind != D_INPUT)
            continue;
        const lov_field_desc *f = &d->inputs[i];
        ev->input[i] = is_event(x->u.input.type_expr);
        const type *t = x->type;
        if (t && t->kind == T_LIST)
            t = t->elem;
        if (t && t->kind == T_RECORD && f->record) {
            ev->field[i] = xcalloc(f->record->nfields + 1, sizeof **ev->field);
            decl *rd = t->decl;
            for (uint32_t j = 0; j < f->record->nfields; j++)
                for (int q = 0; q < rd->u.record.fields.len; q++) {
                    record_field *rf = NL_AT(rd->u.record.fields, q);
                    if (strcmp(rf->name.name, f->record->fields[j].name) == 0)
                        ev->field[i][j] = is_event(rf->type_expr);
                }
        }
        i++;
    }
}

/* The SHA-256 of the module's file, to tie the decisions to it. */
static bool file_sha256(const char *path, char hex[SHA256_HEX_SIZE])
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    strbuf b;
    sb_init(&b);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_putn(&b, buf, n);
    bool ok = !ferror(f);
    fclose(f);
    sha256_hex(b.data ? b.data : "", b.len, hex);
    sb_free(&b);
    return ok;
}

bool cl_module_open(cl_module *cm, const char *rules, const char *cache, const char *externals, const char *root,
                    diag_ctx *d)
{
    memset(cm, 0, sizeof *cm);
    program *p = root ? program_load_in(rules, root, NULL, d) : program_load(rules, d);
    if (!p)
        return false;
    char why[8192], so[4096], cache_buf[4096];
    if (!program_check(p)) {
        program_free(p);
        return false;
    }
    if (!build_cached(p, cache ? cache : build_cache_root(cache_buf, sizeof cache_buf), so, sizeof so, why,
                      sizeof why)) {
        diag_file_error(d, rules, "%s", why);
        program_free(p);
        return false;
    }
    char c_name[256];
    snprintf(c_name, sizeof c_name, "%s", p->root->c_prefix);
    if (!scn_module_load(&cm->m, so, c_name, why, sizeof why)) {
        diag_file_error(d, so, "%s", why);
        program_free(p);
        return false;
    }
    find_events(&cm->ev, p, cm->m.desc);
    program_free(p);
    if (!scn_module_bind(&cm->m, externals, why, sizeof why)) {
        diag_file_error(d, externals ? externals : rules, "%s", why);
        return false;
    }
    if (!file_sha256(so, cm->sha256)) {
        diag_file_error(d, so, "cannot read the compiled module: %s", strerror(errno));
        return false;
    }
    /* The entry points by their names: the descriptor's entry, and the
     * batch entry beside it. */
    char sym[300];
    *(void **)&cm->evaluate = dlsym(cm->m.handle, cm->m.desc->entry);
    snprintf(sym, sizeof sym, "%s_batch", cm->m.desc->entry);
    *(void **)&cm->batch = dlsym(cm->m.handle, sym);
    if (!cm->evaluate) {
        diag_file_error(d, so, "the module has no entry point %s", cm->m.desc->entry);
        return false;
    }
    return true;
}

void cl_module_close(cl_module *cm)
{
    if (cm->m.handle)
        scn_module_close(&cm->m);
    for (uint32_t i = 0; i < cm->ev.ninputs; i++)
        free(cm->ev.field[i]);
    free(cm->ev.field);
    free(cm->ev.input);
    memset(cm, 0, sizeof *cm);
}

void cl_module_decide(const cl_module *cm, const char *in, char *out, size_t n)
{
    const lov_module_desc *d = cm->m.desc;
    if (cm->batch) {
        cm->batch(in, out, n, cm->m.externals);
        return;
    }
    for (size_t i = 0; i < n; i++)
        cm->evaluate(in + i * d->input_size, out + i * d->output_size, NULL, cm->m.externals);
}

lov_date cl_reference_date(const lov_module_desc *d, const char *in)
{
    if (d->reference_input < 0)
        return 0;
    const lov_field_desc *f = &d->inputs[d->reference_input];
    bool known;
    memcpy(&known, in + f->known_offset, sizeof known);
    lov_date v = 0;
    if (known)
        memcpy(&v, in + f->offset + (f->optional ? 4 : 0), sizeof v);
    return known ? v : 0;
}

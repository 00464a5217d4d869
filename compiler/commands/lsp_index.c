/* SPDX-License-Identifier: Apache-2.0 */
/* What 'lovc lsp' knows of a checked program (lsp_index.h). */
#include "commands/lsp_index.h"

#include <string.h>

#include "check/types.h"
#include "commands/lsp_rpc.h"

static bool inside(src_loc loc, const src_file *f, uint32_t offset)
{
    return loc.file == f && offset >= loc.start && offset <= loc.end && loc.end > loc.start;
}

static lsp_target of_decl(const decl *d, src_loc at)
{
    return (lsp_target){.kind = LT_DECL, .at = at, .where = d->name.loc, .name = d->name.name, .decl = d,
                        .module = d->module};
}

/* ---- the name at a place ---------------------------------------------------------- */

typedef struct finder {
    const src_file *file;
    uint32_t offset;
    lsp_target found;
} finder;

static void visit(expr *e, void *ctx)
{
    finder *fd = ctx;
    if (fd->found.kind != LT_NONE || (e->kind != E_NAME && e->kind != E_FIELD))
        return;
    const ident *id = &e->u.name.id;
    if (!inside(id->loc, fd->file, fd->offset))
        return;
    void *t = e->u.name.target;
    switch (e->u.name.ref) {
    case REF_DECL:
    case REF_FUNCTION:
    case REF_TYPE:
        if (t)
            fd->found = of_decl(t, id->loc);
        break;
    case REF_CASE:
        if (t) {
            const enum_case *c = t;
            fd->found = (lsp_target){.kind = LT_CASE, .at = id->loc, .where = c->name.loc, .name = c->name.name,
                                     .decl = c->owner, .ecase = c, .module = c->owner ? c->owner->module : NULL};
        }
        break;
    case REF_MODULE:
        if (t && ((const use_decl *)t)->target) {
            const module *m = ((const use_decl *)t)->target;
            fd->found = (lsp_target){.kind = LT_MODULE, .at = id->loc, .where = m->name.loc, .name = m->name.name,
                                     .module = m};
        }
        break;
    case REF_VAR:
        if (t)
            fd->found = (lsp_target){.kind = LT_VAR, .at = id->loc, .where = ((const aggr_var *)t)->name.loc,
                                     .name = id->name, .var = t};
        break;
    case REF_PARAM:
        if (t)
            fd->found = (lsp_target){.kind = LT_FORMAL, .at = id->loc, .where = ((const formal *)t)->name.loc,
                                     .name = id->name, .formal = t};
        break;
    case REF_NONE:
    case REF_BUILTIN:
        /* A record's field: base.field, the base's type says which record. */
        if (e->kind == E_FIELD && e->u.name.base && e->u.name.base->type) {
            const type *bt = e->u.name.base->type;
            while (bt && (bt->kind == T_LIST || bt->kind == T_OPTIONAL))
                bt = bt->elem;
            if (bt && bt->kind == T_RECORD && bt->decl) {
                const decl *r = bt->decl;
                for (int i = 0; i < r->u.record.fields.len; i++) {
                    const record_field *f = NL_AT(r->u.record.fields, i);
                    if (strcmp(f->name.name, id->name) == 0)
                        fd->found = (lsp_target){.kind = LT_FIELD, .at = id->loc, .where = f->name.loc,
                                                 .name = f->name.name, .decl = r, .field = f, .module = r->module};
                }
            }
        }
        break;
    }
}

static void walk(finder *fd, expr *e)
{
    if (e && fd->found.kind == LT_NONE)
        ast_walk(e, visit, fd);
}

static void find_texpr(finder *fd, const texpr *t)
{
    for (; t && fd->found.kind == LT_NONE; t = t->elem)
        if (t->kind == TX_NAMED && t->resolved && inside(t->name.loc, fd->file, fd->offset))
            fd->found = of_decl(t->resolved, t->name.loc);
}

static void find_cite(finder *fd, const citation *c)
{
    if (c && c->resolved && fd->found.kind == LT_NONE && inside(c->source.loc, fd->file, fd->offset))
        fd->found = (lsp_target){.kind = LT_SOURCE, .at = c->source.loc, .where = c->resolved->name.loc,
                                 .name = c->resolved->name.name, .source = c->resolved};
}

static void find_in_decl(finder *fd, const decl *d)
{
    if (inside(d->name.loc, fd->file, fd->offset)) {
        fd->found = of_decl(d, d->name.loc);
        return;
    }
    find_cite(fd, d->cite);
    switch (d->kind) {
    case D_ENUM:
        for (int i = 0; i < d->u.enum_.cases.len; i++) {
            const enum_case *c = NL_AT(d->u.enum_.cases, i);
            if (inside(c->name.loc, fd->file, fd->offset))
                fd->found = (lsp_target){.kind = LT_CASE, .at = c->name.loc, .where = c->name.loc,
                                         .name = c->name.name, .decl = d, .ecase = c, .module = d->module};
        }
        break;
    case D_RECORD:
        for (int i = 0; i < d->u.record.fields.len; i++) {
            const record_field *f = NL_AT(d->u.record.fields, i);
            if (inside(f->name.loc, fd->file, fd->offset))
                fd->found = (lsp_target){.kind = LT_FIELD, .at = f->name.loc, .where = f->name.loc,
                                         .name = f->name.name, .decl = d, .field = f, .module = d->module};
            find_texpr(fd, f->type_expr);
        }
        break;
    case D_INPUT:
        find_texpr(fd, d->u.input.type_expr);
        walk(fd, d->u.input.at_least);
        walk(fd, d->u.input.at_most);
        break;
    case D_PARAMETER:
        find_texpr(fd, d->u.param.type_expr);
        walk(fd, d->u.param.constant);
        for (int i = 0; i < d->u.param.values.len; i++)
            walk(fd, ((dated_value *)NL_AT(d->u.param.values, i))->value);
        break;
    case D_DEFINITION:
    case D_OUTCOME:
        find_texpr(fd, d->u.def.type_expr);
        for (int i = 0; i < d->u.def.params.len; i++) {
            const formal *f = NL_AT(d->u.def.params, i);
            if (inside(f->name.loc, fd->file, fd->offset))
                fd->found = (lsp_target){.kind = LT_FORMAL, .at = f->name.loc, .where = f->name.loc,
                                         .name = f->name.name, .formal = f};
            find_texpr(fd, f->type_expr);
        }
        for (int i = 0; i < d->u.def.requires.len; i++) {
            const requirement *r = NL_AT(d->u.def.requires, i);
            find_cite(fd, r->cite);
            walk(fd, r->cond);
        }
        for (int i = 0; i < d->u.def.rules.len; i++) {
            const ast_rule *r = NL_AT(d->u.def.rules, i);
            if (!r->is_default && inside(r->label.loc, fd->file, fd->offset))
                fd->found = (lsp_target){.kind = LT_RULE, .at = r->label.loc, .where = r->label.loc,
                                         .name = r->label.name, .decl = d, .rule = r, .module = d->module};
            if (r->parent.name && r->parent_rule && inside(r->parent.loc, fd->file, fd->offset))
                fd->found = (lsp_target){.kind = LT_RULE, .at = r->parent.loc, .where = r->parent_rule->label.loc,
                                         .name = r->parent.name, .decl = d, .rule = r->parent_rule,
                                         .module = d->module};
            find_cite(fd, r->cite);
            walk(fd, r->cond);
            walk(fd, r->value);
        }
        break;
    case D_ASSERT:
        walk(fd, d->u.assert_.cond);
        break;
    case D_EXTERNAL:
        find_texpr(fd, d->u.external.ret);
        break;
    case D_PROCEDURE:
        break;
    }
}

lsp_target lsp_target_at(program *p, uint32_t offset)
{
    finder fd = {.file = p->root->file, .offset = offset};
    module *m = p->root;
    for (int i = 0; i < m->uses.len && fd.found.kind == LT_NONE; i++) {
        const use_decl *u = NL_AT(m->uses, i);
        if (u->target && inside(u->alias.loc, fd.file, offset))
            fd.found = (lsp_target){.kind = LT_MODULE, .at = u->alias.loc, .where = u->target->name.loc,
                                    .name = u->alias.name, .module = u->target};
    }
    for (int i = 0; i < m->sources.len && fd.found.kind == LT_NONE; i++) {
        const source_decl *s = NL_AT(m->sources, i);
        if (inside(s->name.loc, fd.file, offset))
            fd.found = (lsp_target){.kind = LT_SOURCE, .at = s->name.loc, .where = s->name.loc,
                                    .name = s->name.name, .source = s};
    }
    for (int i = 0; i < m->decls.len && fd.found.kind == LT_NONE; i++)
        find_in_decl(&fd, NL_AT(m->decls, i));
    return fd.found;
}

/* ---- hover ------------------------------------------------------------------------- */

static void cite_text(strbuf *sb, const module *m, const citation *c)
{
    if (!c)
        return;
    const char *title = NULL;
    if (c->resolved)
        title = c->resolved->title;
    else if (m)
        for (int i = 0; i < m->sources.len; i++) {
            const source_decl *s = NL_AT(m->sources, i);
            if (c->source.name && strcmp(s->name.name, c->source.name) == 0)
                title = s->title;
        }
    sb_printf(sb, "\n\nAccording to %s %s", c->source.name ? c->source.name : "", c->provision ? c->provision : "");
    if (title)
        sb_printf(sb, " (%s)", title);
    if (c->text)
        sb_printf(sb, "\n\n> %s", c->text);
}

static const char *type_words(const module *m, const type *t)
{
    return t && m ? type_text((arena *)&m->arena, t) : NULL;
}

char *lsp_hover_text(const lsp_target *t)
{
    strbuf sb;
    sb_init(&sb);
    const module *m = t->module;
    switch (t->kind) {
    case LT_NONE:
        break;
    case LT_DECL: {
        const decl *d = t->decl;
        const char *ty = type_words(m, d->type);
        sb_printf(&sb, "**%s%s** `%s`%s%s", d->kind == D_OUTCOME && d->u.def.adverse ? "adverse " : "",
                  ast_decl_kind_word(d->kind), d->name.name, ty ? ": " : "", ty ? ty : "");
        if (m && m->name.name && m != NULL)
            sb_printf(&sb, " (module %s)", m->name.name);
        cite_text(&sb, m, d->cite);
        if (d->text && (!d->cite || d->cite->text != d->text))
            sb_printf(&sb, "\n\n%s", d->text);
        break;
    }
    case LT_CASE:
        sb_printf(&sb, "**case** `%s` of %s", t->ecase->name.name, t->decl ? t->decl->name.name : "an enumeration");
        if (t->ecase->text)
            sb_printf(&sb, "\n\n%s", t->ecase->text);
        break;
    case LT_FIELD: {
        const char *ty = type_words(m, t->field->type);
        sb_printf(&sb, "**field** `%s`%s%s of record %s", t->field->name.name, ty ? ": " : "", ty ? ty : "",
                  t->decl->name.name);
        if (t->field->text)
            sb_printf(&sb, "\n\n%s", t->field->text);
        break;
    }
    case LT_RULE:
        sb_printf(&sb, "**exception** `%s` of %s", t->rule->label.name, t->decl->name.name);
        cite_text(&sb, m, t->rule->cite ? t->rule->cite : t->decl->cite);
        break;
    case LT_SOURCE:
        sb_printf(&sb, "**source** `%s`: %s", t->source->name.name, t->source->title ? t->source->title : "");
        if (t->source->version)
            sb_printf(&sb, ", version %s", t->source->version);
        break;
    case LT_MODULE:
        sb_printf(&sb, "**module** `%s`%s%s", m->name.name, m->title ? ": " : "", m->title ? m->title : "");
        break;
    case LT_VAR:
        sb_printf(&sb, "**item** `%s` of the list it goes through", t->name);
        break;
    case LT_FORMAL:
        sb_printf(&sb, "**parameter** `%s` of the definition", t->name);
        break;
    }
    return sb.data;
}

/* ---- outline ------------------------------------------------------------------------ */

enum { SK_MODULE = 2, SK_FIELD = 8, SK_FUNCTION = 12, SK_VARIABLE = 13, SK_CONSTANT = 14, SK_BOOLEAN = 17,
       SK_ENUM = 10, SK_ENUM_MEMBER = 22, SK_STRUCT = 23, SK_EVENT = 24, SK_PROPERTY = 7, SK_KEY = 20 };

static int symbol_kind(const decl *d)
{
    switch (d->kind) {
    case D_ENUM: return SK_ENUM;
    case D_RECORD: return SK_STRUCT;
    case D_INPUT: return SK_VARIABLE;
    case D_PARAMETER: return SK_CONSTANT;
    case D_DEFINITION: return SK_FUNCTION;
    case D_OUTCOME: return d->u.def.adverse ? SK_EVENT : SK_PROPERTY;
    case D_ASSERT: return SK_BOOLEAN;
    case D_EXTERNAL: return SK_FUNCTION;
    case D_PROCEDURE: return SK_KEY;
    }
    return SK_VARIABLE;
}

static json_t *symbol(const char *name, const char *detail, int kind, src_loc whole, src_loc name_loc)
{
    if (!whole.file || whole.end < name_loc.end || whole.start > name_loc.start)
        whole = name_loc;
    json_t *s = json_pack("{s:s,s:i,s:o,s:o}", "name", name, "kind", kind, "range", lsp_range(whole),
                          "selectionRange", lsp_range(name_loc));
    if (detail)
        json_object_set_new(s, "detail", json_string(detail));
    return s;
}

json_t *lsp_symbols(program *p)
{
    module *m = p->root;
    json_t *all = json_array();
    for (int i = 0; i < m->decls.len; i++) {
        const decl *d = NL_AT(m->decls, i);
        if (!d->name.name || d->name.loc.file != m->file)
            continue;
        const char *ty = type_words(m, d->type);
        json_t *s = symbol(d->name.name, ty ? ty : ast_decl_kind_word(d->kind), symbol_kind(d), d->loc, d->name.loc);
        json_t *children = json_array();
        if (d->kind == D_ENUM)
            for (int k = 0; k < d->u.enum_.cases.len; k++) {
                const enum_case *c = NL_AT(d->u.enum_.cases, k);
                json_array_append_new(children, symbol(c->name.name, NULL, SK_ENUM_MEMBER, c->name.loc, c->name.loc));
            }
        if (d->kind == D_RECORD)
            for (int k = 0; k < d->u.record.fields.len; k++) {
                const record_field *f = NL_AT(d->u.record.fields, k);
                json_array_append_new(children, symbol(f->name.name, type_words(m, f->type), SK_FIELD, f->name.loc,
                                                       f->name.loc));
            }
        if (d->kind == D_DEFINITION || d->kind == D_OUTCOME)
            for (int k = 0; k < d->u.def.rules.len; k++) {
                const ast_rule *r = NL_AT(d->u.def.rules, k);
                if (!r->is_default && r->label.name && r->label.loc.file == m->file)
                    json_array_append_new(children, symbol(r->label.name, "exception", SK_KEY, r->loc, r->label.loc));
            }
        if (json_array_size(children))
            json_object_set_new(s, "children", children);
        else
            json_decref(children);
        json_array_append_new(all, s);
    }
    return all;
}

/* ---- completion --------------------------------------------------------------------- */

enum { CK_FIELD = 5, CK_FUNCTION = 3, CK_VARIABLE = 6, CK_MODULE = 9, CK_ENUM = 13, CK_CONSTANT = 21,
       CK_ENUM_MEMBER = 20, CK_STRUCT = 22 };

static int completion_kind(const decl *d)
{
    switch (d->kind) {
    case D_ENUM: return CK_ENUM;
    case D_RECORD: return CK_STRUCT;
    case D_PARAMETER: return CK_CONSTANT;
    case D_EXTERNAL: return CK_FUNCTION;
    case D_DEFINITION: return d->u.def.has_params ? CK_FUNCTION : CK_VARIABLE;
    default: return CK_VARIABLE;
    }
}

static void item(json_t *items, const char *label, int kind, const char *detail)
{
    json_t *it = json_pack("{s:s,s:i}", "label", label, "kind", kind);
    if (detail)
        json_object_set_new(it, "detail", json_string(detail));
    json_array_append_new(items, it);
}

static void decl_items(json_t *items, const module *m, bool foreign)
{
    for (int i = 0; i < m->decls.len; i++) {
        const decl *d = NL_AT(m->decls, i);
        if (!d->name.name || d->kind == D_ASSERT || d->kind == D_PROCEDURE)
            continue;
        /* Of a used module, its enumerations, records and definitions with parameters. */
        if (foreign && !(d->kind == D_ENUM || d->kind == D_RECORD || (d->kind == D_DEFINITION && d->u.def.has_params)))
            continue;
        const char *ty = type_words(m, d->type);
        item(items, d->name.name, completion_kind(d), ty ? ty : ast_decl_kind_word(d->kind));
    }
}

static void case_items(json_t *items, const decl *e)
{
    for (int k = 0; k < e->u.enum_.cases.len; k++) {
        const enum_case *c = NL_AT(e->u.enum_.cases, k);
        item(items, c->name.name, CK_ENUM_MEMBER, e->name.name);
    }
}

static const decl *decl_named(const module *m, const char *name, size_t len)
{
    for (int i = 0; i < m->decls.len; i++) {
        const decl *d = NL_AT(m->decls, i);
        if (d->name.name && strlen(d->name.name) == len && strncmp(d->name.name, name, len) == 0)
            return d;
    }
    return NULL;
}

static bool name_byte(unsigned char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

json_t *lsp_completion(program *p, uint32_t offset)
{
    const module *m = p->root;
    const char *text = m->file->text;
    if (offset > m->file->len)
        offset = (uint32_t)m->file->len;
    uint32_t start = offset;
    while (start > 0 && name_byte((unsigned char)text[start - 1]))
        start--;
    json_t *items = json_array();
    if (start > 0 && text[start - 1] == '.') {
        /* The qualifier: the name before the dot (and the one before that). */
        uint32_t qend = start - 1, q = qend;
        while (q > 0 && name_byte((unsigned char)text[q - 1]))
            q--;
        const module *scope = m;
        if (q > 1 && text[q - 1] == '.') {            /* module.Enum. */
            uint32_t mq = q - 1;
            while (mq > 0 && name_byte((unsigned char)text[mq - 1]))
                mq--;
            for (int i = 0; i < m->uses.len; i++) {
                const use_decl *u = NL_AT(m->uses, i);
                if (u->target && strlen(u->alias.name) == q - 1 - mq && strncmp(u->alias.name, text + mq, q - 1 - mq) == 0)
                    scope = u->target;
            }
        }
        for (int i = 0; i < m->uses.len; i++) {
            const use_decl *u = NL_AT(m->uses, i);
            if (u->target && strlen(u->alias.name) == qend - q && strncmp(u->alias.name, text + q, qend - q) == 0)
                decl_items(items, u->target, true);
        }
        const decl *d = decl_named(scope, text + q, qend - q);
        if (d && d->kind == D_ENUM)
            case_items(items, d);
        /* An input that is a record, or a list of them: its fields. */
        if (d && d->kind == D_INPUT)
            for (int k = 0; k < type_input_field_count(d); k++) {
                const record_field *f = type_input_field(d, k);
                item(items, f->name.name, CK_FIELD, type_words(m, f->type));
            }
        return items;
    }
    decl_items(items, m, false);
    for (int i = 0; i < m->decls.len; i++) {
        const decl *d = NL_AT(m->decls, i);
        if (d->kind == D_ENUM)
            case_items(items, d);
    }
    for (int i = 0; i < m->uses.len; i++) {
        const use_decl *u = NL_AT(m->uses, i);
        item(items, u->alias.name, CK_MODULE, u->target && u->target->title ? u->target->title : "module");
        if (u->target)
            for (int k = 0; k < u->target->decls.len; k++) {
                const decl *d = NL_AT(u->target->decls, k);
                if (d->kind == D_ENUM)
                    case_items(items, d);
            }
    }
    return items;
}

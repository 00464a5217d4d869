/* SPDX-License-Identifier: Apache-2.0 */
/* lovc doc: the rules rendered as law-like text for review. Provisions in
 * the order of the source, each with its citation and quoted law text, its
 * rules in readable form with every name linked to where it is declared,
 * parameter tables with their periods, and which rules use which. */
#include "render/doc_html.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/expr_print.h"
#include "core/lov.h"
#include "support/sha256.h"
#include "check/types.h"


typedef struct doc {
    module *mod;
    strbuf out;
    expr_printer printer;
    ptrvec *users;           /* by declaration position: the decl*s that use it, in the module's order */
} doc;

static const char style[] =
    "body{font-family:Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d1d1d;line-height:1.45}"
    "h1{font-size:1.7rem}h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:1px solid #bbb}"
    "h3{font-size:1.05rem;margin-bottom:.2rem}.cite{font-family:system-ui,sans-serif;color:#5a3d00;"
    "font-size:.95em}.kind{font-family:system-ui,sans-serif;color:#666;font-size:.85em;font-weight:normal}"
    "blockquote{margin:.3rem 0 .5rem 1rem;padding-left:.8rem;border-left:3px solid #d8c9a5;color:#333;"
    "font-style:italic}code{font-family:ui-monospace,monospace;font-size:.92em}"
    "section.rule{margin:1.2rem 0 1.6rem}section.adverse{border-left:4px solid #b3141a;padding-left:.8rem}"
    "table{border-collapse:collapse;margin:.4rem 0}td,th{padding:.2rem .7rem;text-align:left;"
    "border-bottom:1px solid #e4e4e4;vertical-align:top}.meta{font-family:system-ui,sans-serif;"
    "color:#555;font-size:.9em}nav li{margin:.1rem 0}a{color:#0b4a8b}"
    ".unverified{font-family:system-ui,sans-serif;background:#fff3c4;border:1px solid #d9a400;color:#5a3d00;"
    "padding:0 .3rem;font-size:.85em;font-style:normal}";

static void text(doc *d, const char *s)
{
    expr_print_text(&d->printer, s ? s : "", &d->out);
}

static void put(doc *d, const char *s)
{
    sb_puts(&d->out, s);
}

static const char *anchor(const decl *dl, void *ctx)
{
    doc *d = ctx;
    if (dl->module != d->mod)
        return NULL;
    char buf[512];
    int n = snprintf(buf, sizeof buf, "d-%s", dl->name.name);
    return ast_strdup(&d->mod->arena, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static void code(doc *d, const expr *e)
{
    put(d, "<code>");
    expr_print(&d->printer, e, &d->out);
    put(d, "</code>");
}

static void cite(doc *d, const citation *c)
{
    if (!c || !c->source.name)
        return;
    put(d, "<span class=\"cite\">");
    text(d, c->source.name);
    put(d, " ");
    text(d, c->provision);
    put(d, "</span>");
}

static void quote_text(doc *d, const char *law)
{
    if (!law)
        return;
    put(d, "<blockquote lang=\"da\">");
    text(d, law);
    put(d, "</blockquote>\n");
}

static void quote(doc *d, const citation *c)
{
    quote_text(d, c ? c->text : NULL);
}

/* The mark on what the consultant could not verify, wherever it is shown. */
static void unverified(doc *d, const char *why)
{
    if (!why)
        return;
    put(d, " <span class=\"unverified\">not verified: ");
    text(d, why);
    put(d, "</span>");
}

static void type_words(doc *d, const type *t)
{
    strbuf sb;
    sb_init(&sb);
    type_describe(t, &sb);
    put(d, "<code>");
    text(d, sb.data);
    put(d, "</code>");
    sb_free(&sb);
}

/* What a date the case system registers stands for, after its type. */
static void date_kind_words(doc *d, const texpr *t)
{
    date_kind kind;
    if (ast_fact_date_kind(t, &kind))
        put(d, kind == DATE_EVENT ? " an event: on or before the reference date"
                                  : " planned: entered in advance, no fact about the citizen");
}

static void link_to(doc *d, const decl *dl)
{
    const char *a = anchor(dl, d);
    if (a) {
        sb_printf(&d->out, "<a href=\"#%s\">", a);
        text(d, dl->name.name);
        put(d, "</a>");
    } else {
        text(d, dl->name.name);
    }
}

/* ---- The header ---------------------------------------------------------------- */

static void header(doc *d)
{
    module *m = d->mod;
    char sha[SHA256_HEX_SIZE], date[LOV_DATE_BUFSIZE];
    sha256_hex(m->file->text, m->file->len, sha);
    put(d, "<h1>");
    text(d, m->title ? m->title : m->name.name);
    put(d, "</h1>\n<p class=\"meta\">Module <code>");
    text(d, m->name.name);
    put(d, "</code>, from <code>");
    text(d, m->file->path);
    sb_printf(&d->out, "</code> (SHA-256 <code>%s</code>), rendered by lovc %s.</p>\n<table>\n", sha, LOV_VERSION);
    for (int i = 0; i < m->sources.len; i++) {
        source_decl *s = NL_AT(m->sources, i);
        put(d, i ? "<tr><td></td><td>" : "<tr><th>Sources</th><td>");
        put(d, "<code>");
        text(d, s->name.name);
        put(d, "</code>: ");
        text(d, s->title);
        if (s->version) {
            put(d, ", ");
            text(d, s->version);
        }
        put(d, "</td></tr>\n");
    }
    if (m->has_in_force) {
        lov_date_format(m->in_force_from, date);
        sb_printf(&d->out, "<tr><th>In force</th><td>from %s", date);
        if (m->has_until) {
            lov_date_format(m->in_force_until, date);
            sb_printf(&d->out, " until %s", date);
        }
        put(d, "; any other day is not applicable</td></tr>\n");
    }
    if (m->reference_input) {
        put(d, "<tr><th>Decides for the day</th><td>");
        link_to(d, m->reference_input);
        put(d, "</td></tr>\n");
    }
    if (m->month_end != ME_NONE)
        sb_printf(&d->out, "<tr><th>Month end rule</th><td>%s</td></tr>\n",
                  m->month_end == ME_CLAMP ? "clamp: 31 January + 1 month is the last day of February"
                                           : "overflow: 31 January + 1 month is 2 or 3 March");
    for (int i = 0; i < m->uses.len; i++) {
        use_decl *u = NL_AT(m->uses, i);
        put(d, i ? "<tr><td></td><td>" : "<tr><th>Uses</th><td>");
        put(d, "<code>");
        text(d, u->alias.name);
        put(d, "</code> from <code>");
        text(d, u->path);
        put(d, "</code></td></tr>\n");
    }
    put(d, "</table>\n");
}

static void contents(doc *d)
{
    module *m = d->mod;
    put(d, "<nav><h2>Contents</h2><ol>\n");
    for (int i = 0; i < m->decls.len; i++) {
        decl *dl = NL_AT(m->decls, i);
        if (dl->kind != D_DEFINITION && dl->kind != D_OUTCOME && dl->kind != D_PARAMETER)
            continue;
        put(d, "<li>");
        if (dl->cite) {
            cite(d, dl->cite);
            put(d, " ");
        }
        link_to(d, dl);
        unverified(d, dl->unverified);
        put(d, "</li>\n");
    }
    put(d, "</ol></nav>\n");
}

/* ---- Declarations ------------------------------------------------------------------ */

static void types(doc *d)
{
    module *m = d->mod;
    bool any = false;
    for (int i = 0; i < m->decls.len; i++) {
        decl *dl = NL_AT(m->decls, i);
        if (dl->kind != D_ENUM && dl->kind != D_RECORD)
            continue;
        if (!any)
            put(d, "<h2 id=\"types\">Kinds of values</h2>\n");
        any = true;
        sb_printf(&d->out, "<h3 id=\"d-%s\">", dl->name.name);
        text(d, dl->name.name);
        sb_printf(&d->out, " <span class=\"kind\">(%s)</span></h3>\n",
                  dl->kind == D_ENUM ? "one of these cases" : "a record with these fields");
        if (dl->text) {
            put(d, "<p>");
            text(d, dl->text);
            put(d, "</p>\n");
        }
        put(d, "<table>\n");
        nodelist *items = dl->kind == D_ENUM ? &dl->u.enum_.cases : &dl->u.record.fields;
        for (int k = 0; k < items->len; k++) {
            put(d, "<tr><td><code>");
            if (dl->kind == D_ENUM) {
                enum_case *c = NL_AT(*items, k);
                text(d, c->name.name);
                put(d, "</code></td><td>");
                text(d, c->text);
            } else {
                record_field *f = NL_AT(*items, k);
                text(d, f->name.name);
                put(d, "</code></td><td>");
                type_words(d, f->type);
                date_kind_words(d, f->type_expr);
                put(d, "</td><td>");
                text(d, f->text);
            }
            put(d, "</td></tr>\n");
        }
        put(d, "</table>\n");
    }
}

static void facts(doc *d)
{
    module *m = d->mod;
    bool any = false;
    for (int i = 0; i < m->decls.len; i++) {
        decl *dl = NL_AT(m->decls, i);
        if (dl->kind != D_INPUT)
            continue;
        if (!any)
            put(d, "<h2 id=\"facts\">The facts of a case</h2>\n<p>What the case system supplies. A fact that is "
                   "missing makes every decision that needs it undetermined.</p>\n<table>\n");
        any = true;
        sb_printf(&d->out, "<tr id=\"d-%s\"><td><code>", dl->name.name);
        text(d, dl->name.name);
        put(d, "</code></td><td>");
        type_words(d, dl->type);
        if (dl != m->reference_input)
            date_kind_words(d, dl->u.input.type_expr);
        put(d, "</td><td>");
        text(d, dl->text);
        if (dl->cite) {
            put(d, " ");
            cite(d, dl->cite);
        }
        put(d, "</td></tr>\n");
    }
    if (any)
        put(d, "</table>\n");
}

static void parameter(doc *d, decl *dl)
{
    sb_printf(&d->out, "<section class=\"rule\" id=\"d-%s\">\n<h3>", dl->name.name);
    cite(d, dl->cite);
    put(d, " ");
    text(d, dl->name.name);
    put(d, " <span class=\"kind\">(parameter, ");
    type_words(d, dl->type);
    put(d, ")</span>");
    unverified(d, dl->unverified);
    put(d, "</h3>\n");
    quote_text(d, ast_law_text(dl));
    if (dl->u.param.constant) {
        put(d, "<p>The value is ");
        code(d, dl->u.param.constant);
        put(d, ".</p>\n");
    } else {
        put(d, "<table><tr><th>From</th><th>Until</th><th>Value</th></tr>\n");
        nodelist *vals = &dl->u.param.values;
        for (int i = 0; i < vals->len; i++) {
            dated_value *dv = NL_AT(*vals, i);
            char from[LOV_DATE_BUFSIZE], until[LOV_DATE_BUFSIZE];
            lov_date_format(dv->from, from);
            lov_date until_day = dv->has_until ? dv->until
                                 : i + 1 < vals->len ? ((dated_value *)NL_AT(*vals, i + 1))->from - 1 : 0;
            if (dv->has_until || i + 1 < vals->len)
                lov_date_format(until_day, until);
            else
                snprintf(until, sizeof until, "(no end)");
            sb_printf(&d->out, "<tr><td>%s</td><td>%s</td><td>", from, until);
            code(d, dv->value);
            unverified(d, dv->unverified);
            put(d, "</td></tr>\n");
        }
        put(d, "</table>\n<p class=\"meta\">On a day no period covers, the rules are not applicable.</p>\n");
    }
    put(d, "</section>\n");
}

static const char *kind_words(const decl *dl)
{
    if (dl->kind == D_OUTCOME)
        return dl->u.def.adverse ? "adverse outcome" : "outcome";
    return dl->u.def.has_params ? "definition with parameters" : "definition";
}

/* The exceptions below 'parent' (NULL: below the general rule), nested. */
static void exceptions(doc *d, decl *dl, ast_rule *parent)
{
    nodelist *rules = &dl->u.def.rules;
    bool any = false;
    for (int i = 0; i < rules->len; i++) {
        ast_rule *r = NL_AT(*rules, i);
        if (r->is_default || r->parent_rule != parent)
            continue;
        if (!any)
            put(d, "<ol>\n");
        any = true;
        sb_printf(&d->out, "<li id=\"d-%s-%s\"><b>", dl->name.name, r->label.name);
        text(d, r->label.name);
        put(d, "</b> ");
        cite(d, r->cite);
        put(d, ": when ");
        code(d, r->cond);
        put(d, ", then ");
        code(d, r->value);
        put(d, ".");
        unverified(d, r->unverified);
        put(d, "\n");
        quote(d, r->cite);
        exceptions(d, dl, r);
        put(d, "</li>\n");
    }
    if (any)
        put(d, "</ol>\n");
}

/* Who uses each declaration, in one pass over the module's dependencies
 * (asking each declaration in turn who uses it was quadratic). */
static void index_users(doc *d)
{
    module *m = d->mod;
    d->users = xcalloc((size_t)m->decls.len + 1, sizeof *d->users);
    for (int i = 0; i < m->decls.len; i++) {
        decl *other = NL_AT(m->decls, i);
        for (int k = 0; k < other->deps.len; k++) {
            decl *to = ((dependency *)NL_AT(other->deps, k))->to;
            if (!to || to->module != m || to->position < 0 || to->position >= m->decls.len)
                continue;
            ptrvec *users = &d->users[to->position];
            if (users->len == 0 || users->items[users->len - 1] != other)
                pv_push(users, other);        /* once, however often 'other' reads it */
        }
    }
}

static void free_users(doc *d)
{
    for (int i = 0; i < d->mod->decls.len; i++)
        pv_free(&d->users[i]);
    free(d->users);
}

static void used_by(doc *d, decl *dl)
{
    const ptrvec *users = &d->users[dl->position];
    for (size_t i = 0; i < users->len; i++) {
        put(d, i ? ", " : "<p class=\"meta\">Used by ");
        link_to(d, users->items[i]);
    }
    if (users->len)
        put(d, ".</p>\n");
}

static void definition(doc *d, decl *dl)
{
    sb_printf(&d->out, "<section class=\"rule%s\" id=\"d-%s\">\n<h3>", dl->u.def.adverse ? " adverse" : "",
              dl->name.name);
    cite(d, dl->cite);
    put(d, " ");
    text(d, dl->name.name);
    if (dl->u.def.has_params) {
        put(d, "(");
        for (int i = 0; i < dl->u.def.params.len; i++) {
            formal *f = NL_AT(dl->u.def.params, i);
            put(d, i ? ", " : "");
            text(d, f->name.name);
        }
        put(d, ")");
    }
    sb_printf(&d->out, " <span class=\"kind\">(%s, ", kind_words(dl));
    type_words(d, dl->type);
    put(d, ")</span>");
    unverified(d, dl->unverified);
    put(d, "</h3>\n");
    quote_text(d, ast_law_text(dl));
    ast_rule *dflt = dl->u.def.default_rule;
    bool only_default = dflt && dl->u.def.rules.len == 1;
    if (only_default) {
        put(d, "<p>");
        code(d, dflt->value);
        put(d, "</p>\n");
    } else {
        if (dflt) {
            put(d, "<p>As a rule ");
            code(d, dflt->value);
            put(d, ", except:</p>\n");
        } else {
            put(d, "<p>The value is given by these rules; when none applies, there is none (undetermined):</p>\n");
        }
        exceptions(d, dl, NULL);
    }
    if (dl->u.def.requires.len > 0) {
        put(d, "<p>Before this outcome may be given, each prerequisite must hold; otherwise it is held back:</p><ul>\n");
        for (int i = 0; i < dl->u.def.requires.len; i++) {
            requirement *req = NL_AT(dl->u.def.requires, i);
            put(d, req->kind == REQ_HEARING    ? "<li>the hearing: "
                   : req->kind == REQ_DECISION ? "<li>the decision: "
                   : req->kind == REQ_GUIDANCE ? "<li>the written guidance: " : "<li>");
            code(d, req->cond);
            put(d, " ");
            cite(d, req->cite);
            quote(d, req->cite);
            put(d, "</li>\n");
        }
        put(d, "</ul>\n");
    }
    const citation *without[3] = {dl->u.def.without_hearing, dl->u.def.without_decision,
                                  dl->u.def.without_guidance};
    static const char *const without_words[3] = {"<p>Given without a prior hearing of the citizen, relying on ",
                                                  "<p>Given without a decision, relying on ",
                                                  "<p>Given without written guidance first, relying on "};
    for (int i = 0; i < 3; i++) {
        if (!without[i])
            continue;
        put(d, without_words[i]);
        cite(d, without[i]);
        put(d, "</p>\n");
        quote(d, without[i]);
    }
    used_by(d, dl);
    put(d, "</section>\n");
}

/* The steps of procedure the module declares, with the exceptions the law allows. */
static void procedures(doc *d)
{
    module *m = d->mod;
    bool any = false;
    for (int i = 0; i < m->decls.len; i++) {
        decl *dl = NL_AT(m->decls, i);
        if (dl->kind != D_PROCEDURE)
            continue;
        if (!any)
            put(d, "<h2 id=\"procedures\">Procedure</h2>\n<p>What the law requires before an outcome that "
                   "harms the citizen. Every such outcome of a rule set that uses this module must require "
                   "the step, or cite one of the exceptions listed.</p>\n");
        any = true;
        sb_printf(&d->out, "<section class=\"rule\" id=\"d-%s\">\n<h3>", dl->name.name);
        put(d, dl->u.procedure.step == REQ_HEARING    ? "The hearing"
               : dl->u.procedure.step == REQ_DECISION ? "The decision" : "Written guidance");
        put(d, dl->u.procedure.sanctions_only ? ", before every sanction " : ", before every adverse outcome ");
        cite(d, dl->cite);
        put(d, "</h3>\n");
        quote_text(d, ast_law_text(dl));
        const nodelist *ex = &dl->u.procedure.excepts;
        if (ex->len) {
            put(d, "<p>Except:</p><ul>\n");
            for (int k = 0; k < ex->len; k++) {
                const citation *c = NL_AT(*ex, k);
                put(d, "<li>");
                cite(d, c);
                quote(d, c);
                put(d, "</li>\n");
            }
            put(d, "</ul>\n");
        }
        put(d, "</section>\n");
    }
}

static void rules(doc *d)
{
    module *m = d->mod;
    put(d, "<h2 id=\"rules\">The rules</h2>\n");
    for (int i = 0; i < m->decls.len; i++) {
        decl *dl = NL_AT(m->decls, i);
        if (dl->kind == D_PARAMETER)
            parameter(d, dl);
        else if (dl->kind == D_DEFINITION || dl->kind == D_OUTCOME)
            definition(d, dl);
    }
}

static void assertions_and_externals(doc *d)
{
    module *m = d->mod;
    bool any = false;
    for (int i = 0; i < m->decls.len; i++) {
        decl *dl = NL_AT(m->decls, i);
        if (dl->kind != D_ASSERT)
            continue;
        if (!any)
            put(d, "<h2 id=\"assertions\">What must always hold</h2>\n");
        any = true;
        sb_printf(&d->out, "<section class=\"rule\" id=\"d-%s\"><h3>", dl->name.name);
        cite(d, dl->cite);
        put(d, " ");
        text(d, dl->name.name);
        put(d, "</h3>\n<p>Always ");
        code(d, dl->u.assert_.cond);
        put(d, ".</p>\n");
        quote_text(d, ast_law_text(dl));
        put(d, "</section>\n");
    }
    any = false;
    for (int i = 0; i < m->decls.len; i++) {
        decl *dl = NL_AT(m->decls, i);
        if (dl->kind != D_EXTERNAL)
            continue;
        if (!any)
            put(d, "<h2 id=\"externals\">Supplied by the case system</h2>\n<table>\n");
        any = true;
        sb_printf(&d->out, "<tr id=\"d-%s\"><td><code>", dl->name.name);
        text(d, dl->name.name);
        put(d, "(");
        for (int k = 0; k < dl->u.external.params.len; k++) {
            formal *f = NL_AT(dl->u.external.params, k);
            put(d, k ? ", " : "");
            text(d, f->name.name);
        }
        put(d, ")</code></td><td>");
        type_words(d, dl->type);
        put(d, "</td><td>");
        cite(d, dl->cite);
        put(d, " ");
        text(d, ast_law_text(dl));
        put(d, "</td></tr>\n");
    }
    if (any)
        put(d, "</table>\n");
}

bool doc_write_html(program *p, const char *path, char *why, size_t whylen)
{
    doc d;
    memset(&d, 0, sizeof d);
    d.mod = p->root;
    sb_init(&d.out);
    d.printer.html = true;
    d.printer.anchor = anchor;
    d.printer.ctx = &d;
    index_users(&d);
    /* The page's own words are English; the law it quotes is Danish, and says so. */
    put(&d, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    text(&d, d.mod->title ? d.mod->title : d.mod->name.name);
    sb_printf(&d.out, "</title>\n<style>%s</style>\n</head>\n<body>\n", style);
    header(&d);
    contents(&d);
    types(&d);
    facts(&d);
    procedures(&d);
    rules(&d);
    assertions_and_externals(&d);
    put(&d, "</body>\n</html>\n");

    FILE *f = fopen(path, "w");
    bool ok = f && fwrite(d.out.data, 1, d.out.len, f) == d.out.len;
    if (f)
        ok = fclose(f) == 0 && ok;
    if (!ok)
        snprintf(why, whylen, "cannot write %s: %s", path, strerror(errno));
    sb_free(&d.out);
    free_users(&d);
    return ok;
}

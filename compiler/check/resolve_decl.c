/* SPDX-License-Identifier: Apache-2.0 */
/* Declarations one by one: their citations, types and parameters, the
 * expressions they hold, and the rules of definitions and outcomes
 * (exception labels, 'to' links and circles of exceptions). */
#include "check/resolve.h"

#include <stdlib.h>
#include <string.h>

#include "check/resolve_internal.h"
#include "support/suggest.h"
#include "support/symtab.h"
#include "support/util.h"

/* ---- Declarations ---------------------------------------------------------- */

static void resolve_formals(resolver *r, nodelist *params)
{
    symtab seen;
    symtab_init(&seen);
    for (int i = 0; i < params->len; i++) {
        formal *f = NL_AT(*params, i);
        resolve_texpr(r, f->type_expr);
        formal *g = symtab_get(&seen, f->name.name);
        if (g)
            report_duplicate(r, "the parameter", "declared", f->name, g->name.loc);
        else
            symtab_put(&seen, f->name.name, f);
        if (symtab_get(&r->sc->decls, f->name.name))
            diag_error(r->diag, f->name.loc,
                       "the parameter '%s' has the name of a declaration of the module; choose "
                       "another name", f->name.name);
    }
    symtab_free(&seen);
}

/* Labels, 'to' links and citations of a definition's rules. */
static void resolve_rules(resolver *r, decl *d)
{
    nodelist *rules = &d->u.def.rules;
    symtab labels;
    symtab_init(&labels);
    for (int i = 0; i < rules->len; i++) {
        ast_rule *ru = NL_AT(*rules, i);
        if (ru->is_default)
            continue;
        if (strcmp(ru->label.name, "default") == 0) {
            diag_error(r->diag, ru->label.loc, "'default' names the general rule; give the exception "
                       "a name of its own");
            continue;
        }
        ast_rule *prev = symtab_get(&labels, ru->label.name);
        if (prev)
            report_duplicate(r, "the exception", "declared", ru->label, prev->label.loc);
        else
            symtab_put(&labels, ru->label.name, ru);
    }
    for (int i = 0; i < rules->len; i++) {
        ast_rule *ru = NL_AT(*rules, i);
        if (!ru->is_default)
            resolve_citation(r, ru->cite, "exception", ru->label);
        if (!ru->parent.name || strcmp(ru->parent.name, "default") == 0) {
            if (ru->parent.name && !d->u.def.default_rule)
                diag_error(r->diag, ru->parent.loc,
                           "the exception '%s' is an exception to 'default', but '%s' has no default",
                           ru->label.name, d->name.name);
            continue;
        }
        ast_rule *parent = symtab_get(&labels, ru->parent.name);
        if (!parent) {
            suggester s;
            resolve_start_suggest(r->diag, &s, ru->parent.name, ru->parent.loc);
            resolve_suggest_symtab(&s, &labels);
            if (s.best && strcmp(s.best, ru->label.name) == 0) {
                /* not itself: look again without it */
                resolve_start_suggest(r->diag, &s, ru->parent.name, ru->parent.loc);
                for (size_t k = 0; k < labels.cap && !s.off; k++)
                    if (labels.slots[k].name && strcmp(labels.slots[k].name, ru->label.name) != 0)
                        suggest_consider(&s, labels.slots[k].name);
            }
            const char *best = suggest_result(&s);
            if (best)
                diag_error(r->diag, ru->parent.loc,
                           "'%s' has no exception labelled '%s'; did you mean '%s'?", d->name.name,
                           ru->parent.name, best);
            else
                diag_error(r->diag, ru->parent.loc,
                           "'%s' has no exception labelled '%s': 'to' names another exception of "
                           "the same definition", d->name.name, ru->parent.name);
            continue;
        }
        if (parent == ru) {
            diag_error(r->diag, ru->parent.loc, "the exception '%s' cannot be an exception to itself",
                       ru->label.name);
            continue;
        }
        ru->parent_rule = parent;
    }
    /* A chain of 'to' links that comes back to where it started. Each rule
     * is walked once: 1 = on the chain being followed, 2 = known to end. */
    unsigned char *state = xcalloc((size_t)rules->len + 1, 1);
    for (int i = 0; i < rules->len; i++) {
        ast_rule *p = NL_AT(*rules, i);
        while (p && state[p->index] == 0) {
            state[p->index] = 1;
            if (p->parent_rule && state[p->parent_rule->index] == 1) {
                diag_error(r->diag, p->parent.loc,
                           "the exceptions of '%s' are exceptions to each other in a circle "
                           "('%s' is an exception to '%s'); one of them must be the general rule",
                           d->name.name, p->label.name, p->parent.name);
                p->parent_rule = NULL;
            }
            p = p->parent_rule;
        }
        for (p = NL_AT(*rules, i); p && state[p->index] == 1; p = p->parent_rule)
            state[p->index] = 2;
    }
    free(state);
    symtab_free(&labels);
    for (int i = 0; i < rules->len; i++) {
        ast_rule *ru = NL_AT(*rules, i);
        if (ru->cond)
            resolve_expr(r, ru->cond);
        resolve_expr(r, ru->value);
    }
}

static void resolve_definition(resolver *r, decl *d)
{
    bool outcome = d->kind == D_OUTCOME;
    resolve_citation(r, d->cite, outcome ? "outcome" : "definition", d->name);
    if (d->u.def.has_params)
        resolve_formals(r, &d->u.def.params);
    resolve_texpr(r, d->u.def.type_expr);
    for (int i = 0; i < d->u.def.requires.len; i++) {
        requirement *req = NL_AT(d->u.def.requires, i);
        resolve_citation(r, req->cite, NULL, d->name);
        resolve_expr(r, req->cond);
    }
    resolve_citation(r, d->u.def.without_hearing, NULL, d->name);
    resolve_citation(r, d->u.def.without_decision, NULL, d->name);
    resolve_citation(r, d->u.def.without_guidance, NULL, d->name);
    if (outcome && d->u.def.requires.len > 0 && !d->u.def.adverse)
        diag_error(r->diag, ((requirement *)NL_AT(d->u.def.requires, 0))->loc,
                   "only an adverse outcome has prerequisites; if '%s' can harm the citizen, "
                   "write 'adverse outcome %s'", d->name.name, d->name.name);
    if (d->u.def.adverse && !d->u.def.default_rule)
        diag_error(r->diag, d->name.loc,
                   "the adverse outcome '%s' needs a default: the value when no rule applies, "
                   "which must not harm the citizen (for example 'default 0 kr' or 'default no')",
                   d->name.name);
    if (d->u.def.rules.len == 0)
        diag_error(r->diag, d->name.loc,
                   "'%s' has no rule: give it a value with '= ...', or a 'default' and exceptions",
                   d->name.name);
    resolve_rules(r, d);
}

void resolve_decl(resolver *r, decl *d)
{
    r->current = d;
    r->nvars = 0;
    r->var_count = 0;
    switch (d->kind) {
    case D_ENUM:
        if (d->u.enum_.cases.len == 0)
            diag_error(r->diag, d->name.loc, "the enum '%s' has no cases: list them with 'case NAME'",
                       d->name.name);
        resolve_citation(r, d->cite, NULL, d->name);
        break;
    case D_RECORD:
        if (d->u.record.fields.len == 0)
            diag_error(r->diag, d->name.loc,
                       "the record '%s' has no fields: list them with 'field NAME: TYPE'", d->name.name);
        for (int i = 0; i < d->u.record.fields.len; i++)
            resolve_texpr(r, ((record_field *)NL_AT(d->u.record.fields, i))->type_expr);
        resolve_citation(r, d->cite, NULL, d->name);
        break;
    case D_INPUT:
        resolve_texpr(r, d->u.input.type_expr);
        resolve_citation(r, d->cite, NULL, d->name);
        break;
    case D_PARAMETER:
        resolve_citation(r, d->cite, "parameter", d->name);
        resolve_texpr(r, d->u.param.type_expr);
        if (d->u.param.constant)
            resolve_expr(r, d->u.param.constant);
        for (int i = 0; i < d->u.param.values.len; i++)
            resolve_expr(r, ((dated_value *)NL_AT(d->u.param.values, i))->value);
        break;
    case D_DEFINITION:
    case D_OUTCOME:
        resolve_definition(r, d);
        break;
    case D_ASSERT:
        resolve_citation(r, d->cite, "assertion", d->name);
        resolve_expr(r, d->u.assert_.cond);
        break;
    case D_EXTERNAL:
        resolve_citation(r, d->cite, "external function", d->name);
        resolve_formals(r, &d->u.external.params);
        resolve_texpr(r, d->u.external.ret);
        break;
    case D_PROCEDURE:
        resolve_citation(r, d->cite, "procedure", d->name);
        for (int i = 0; i < d->u.procedure.excepts.len; i++)
            resolve_citation(r, NL_AT(d->u.procedure.excepts, i), NULL, d->name);
        break;
    }
    if (d->kind == D_DEFINITION || d->kind == D_OUTCOME)
        d->u.def.nvars = r->var_count;
    r->current = NULL;
}

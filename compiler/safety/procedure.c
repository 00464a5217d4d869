/* SPDX-License-Identifier: Apache-2.0 */
/* The steps of procedure before an adverse outcome, as the law's modules
 * declare them (procedure.h). */
#include "safety/procedure.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "support/util.h"

struct procedures {
    ptrvec decls;            /* decl*: the D_PROCEDURE declarations found */
    const module *root;      /* the module checked */
};

static void collect(procedures *p, module *m, ptrvec *seen)
{
    for (size_t i = 0; i < seen->len; i++)
        if (seen->items[i] == m)
            return;
    pv_push(seen, m);
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->kind == D_PROCEDURE)
            pv_push(&p->decls, d);
    }
    for (int i = 0; i < m->uses.len; i++) {
        use_decl *u = NL_AT(m->uses, i);
        if (u->target)
            collect(p, u->target, seen);
    }
}

procedures *procedures_of(module *m)
{
    procedures *p = xcalloc(1, sizeof *p);
    p->root = m;
    ptrvec seen = {0};
    collect(p, m, &seen);
    pv_free(&seen);
    return p;
}

void procedures_free(procedures *p)
{
    if (!p)
        return;
    pv_free(&p->decls);
    free(p);
}

/* The declared procedure of this step, or NULL: the law's, where a rule set
 * declares the step again (see procedures_check). */
static const decl *declared(const procedures *p, requirement_kind step)
{
    const decl *found = NULL;
    for (size_t i = 0; i < p->decls.len; i++) {
        const decl *d = p->decls.items[i];
        if (d->u.procedure.step == step && (!found || (found->module == p->root && d->module != p->root)))
            found = d;
    }
    return found;
}

void procedures_check(const procedures *p, diag_ctx *diag)
{
    for (size_t i = 0; i < p->decls.len; i++) {
        const decl *d = p->decls.items[i];
        const decl *law = declared(p, d->u.procedure.step);
        if (d == law)
            continue;
        diag_warning(diag, "exception-not-in-law", d->name.loc,
                     "the %s is declared again here, but the procedure the rules follow is the one of module "
                     "'%s': the exceptions listed here are not the law's and are not checked as such; remove this "
                     "declaration (an exception the law allows belongs in the law's module)",
                     ast_step_word(d->u.procedure.step), law->module->name.name);
        diag_note(diag, law->name.loc, "the %s is declared here", ast_step_word(d->u.procedure.step));
    }
}

static bool has_requirement(const decl *d, requirement_kind kind)
{
    for (int i = 0; i < d->u.def.requires.len; i++)
        if (((requirement *)NL_AT(d->u.def.requires, i))->kind == kind)
            return true;
    return false;
}

/* The next word of a provision (a run of letters and digits, or the sign
 * §), skipping what separates words (spaces, commas, full stops): so that
 * "§ 19, stk. 2, nr. 1", "§19, stk. 2 nr. 1" and "§ 19 stk 2 nr 1" are the
 * same provision, and "§ 1, 2" and "§ 12" are not. Returns its length. */
static size_t next_word(const char **p)
{
    while (**p == ' ' || **p == ',' || **p == '.')
        (*p)++;
    if (strncmp(*p, "§", strlen("§")) == 0)
        return strlen("§");
    size_t n = 0;
    while ((*p)[n] && (*p)[n] != ' ' && (*p)[n] != ',' && (*p)[n] != '.' && strncmp(*p + n, "§", strlen("§")) != 0)
        n++;
    return n;
}

static bool same_words(const char *a, const char *b)
{
    for (;;) {
        size_t na = next_word(&a), nb = next_word(&b);
        if (na != nb || strncasecmp(a, b, na) != 0)   /* "Stk." is "stk." */
            return false;
        if (na == 0)
            return true;
        a += na;
        b += nb;
    }
}

/* The same provision of the same law: the provision's words, and the
 * source by its name or by its title (modules name their sources freely). */
static bool same_provision(const citation *a, const citation *b)
{
    if (!a->provision || !b->provision || !same_words(a->provision, b->provision))
        return false;
    if (a->source.name && b->source.name && strcmp(a->source.name, b->source.name) == 0)
        return true;
    return a->resolved && b->resolved && a->resolved->title && b->resolved->title
           && strcmp(a->resolved->title, b->resolved->title) == 0;
}

static citation *without_of(decl *d, requirement_kind step)
{
    return step == REQ_HEARING ? d->u.def.without_hearing
           : step == REQ_DECISION ? d->u.def.without_decision : d->u.def.without_guidance;
}

static void report_missing(diag_ctx *diag, decl *d, requirement_kind step, const decl *proc)
{
    const citation *c = proc ? proc->cite : NULL;
    const char *src = c && c->source.name ? c->source.name : "SOURCE";
    if (step == REQ_HEARING)
        diag_warning(diag, "adverse-without-hearing", d->name.loc,
                     "the adverse outcome '%s' can be given without hearing the citizen first: add 'requires "
                     "hearing CONDITION according to %s \"%s\"' (Forvaltningsloven § 19), or, where the law "
                     "allows no hearing, 'without hearing according to SOURCE \"...\"' citing the exception "
                     "relied on", d->name.name, src, c && c->provision ? c->provision : "§ 19, stk. 1");
    else if (step == REQ_DECISION)
        diag_warning(diag, "adverse-without-decision", d->name.loc,
                     "the adverse outcome '%s' can be given without a decision: add 'requires decision "
                     "CONDITION according to %s \"%s\"' (a decision with reasons, Forvaltningsloven §§ 22-24), "
                     "or, where the law needs none, 'without decision according to SOURCE \"...\"' citing why",
                     d->name.name, src, c && c->provision ? c->provision : "§ 22");
    else
        diag_warning(diag, "sanction-without-guidance", d->name.loc,
                     "the sanction '%s' can be given without the written guidance the law requires first "
                     "(%s %s): add 'requires guidance CONDITION according to %s \"%s\"', naming the fact that "
                     "the citizen was told in writing what the duty is and what follows from not meeting it",
                     d->name.name, src, c && c->provision ? c->provision : "", src,
                     c && c->provision ? c->provision : "");
}

/* 'without STEP' must cite one of the exceptions the law declares. */
static void check_exception(diag_ctx *diag, decl *d, requirement_kind step, const decl *proc, const citation *w)
{
    const nodelist *ex = &proc->u.procedure.excepts;
    for (int i = 0; i < ex->len; i++)
        if (same_provision(w, NL_AT(*ex, i)))
            return;
    strbuf allowed;
    sb_init(&allowed);
    for (int i = 0; i < ex->len; i++) {
        const citation *c = NL_AT(*ex, i);
        sb_printf(&allowed, "%s%s %s", i ? "; " : "", c->source.name ? c->source.name : "", c->provision);
    }
    diag_warning(diag, "exception-not-in-law", w->loc,
                 "'without %s' for '%s' cites %s \"%s\", which the law does not list as an exception to the "
                 "%s (%s %s); %s%s", ast_step_word(step), d->name.name, w->source.name ? w->source.name : "",
                 w->provision ? w->provision : "", ast_step_word(step),
                 proc->cite && proc->cite->source.name ? proc->cite->source.name : "",
                 proc->cite && proc->cite->provision ? proc->cite->provision : "",
                 ex->len ? "the exceptions it allows: " : "it allows no exception: require the ",
                 ex->len ? allowed.data : ast_step_word(step));
    sb_free(&allowed);
}

void procedure_check_outcome(const procedures *p, decl *outcome, diag_ctx *diag)
{
    static const requirement_kind steps[] = {REQ_HEARING, REQ_DECISION, REQ_GUIDANCE};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        requirement_kind step = steps[i];
        const decl *proc = declared(p, step);
        /* Without a declaration: the hearing and the decision before every
         * adverse outcome, and no exception that lovc can check. */
        if (!proc && step == REQ_GUIDANCE)
            continue;
        if (proc && proc->u.procedure.sanctions_only && !outcome->u.def.sanction)
            continue;
        const citation *w = without_of(outcome, step);
        if (has_requirement(outcome, step))
            continue;
        if (!w)
            report_missing(diag, outcome, step, proc);
        else if (proc)
            check_exception(diag, outcome, step, proc, w);
        else
            diag_warning(diag, "exception-not-in-law", w->loc,
                         "'without %s' for '%s' cites %s \"%s\", but no module these rules use declares the "
                         "exceptions the law allows to the %s: use the module that declares them (for the "
                         "hearing and the decision, rules/forvaltningsloven) or declare 'procedure %s', so that "
                         "lovc can check the exception relied on", ast_step_word(step), outcome->name.name,
                         w->source.name ? w->source.name : "", w->provision ? w->provision : "", ast_step_word(step),
                         ast_step_word(step));
    }
}

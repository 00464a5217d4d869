/* SPDX-License-Identifier: Apache-2.0 */
/* The checks of declarations and the walk over the module: the types of
 * declarations as written, the header (period in force, reference date),
 * parameters and their dated values, definitions and outcomes with their
 * rules, and exceptions that always apply together. */
#include "check/typecheck.h"

#include <stdio.h>
#include <stdlib.h>

#include "check/expr_equal.h"
#include "core/lov.h"
#include "check/typecheck_internal.h"
#include "check/types.h"

/* ---- Types as written ------------------------------------------------- */

static type *from_texpr(checker *c, texpr *t)
{
    if (!t)
        return type_error();
    switch (t->kind) {
    case TX_BOOLEAN: return type_bool();
    case TX_INTEGER: return type_int();
    case TX_DECIMAL: return type_dec();
    case TX_MONEY: return type_money();
    case TX_DATE: return type_date();
    case TX_DURATION: return type_duration(DU_ANY);
    case TX_NAMED:
        return t->resolved && t->resolved->type ? t->resolved->type : type_error();
    case TX_LIST:
        return type_list(c->a, from_texpr(c, t->elem));
    case TX_OPTIONAL:
        return type_optional(c->a, from_texpr(c, t->elem));
    }
    return type_error();
}

static bool is_value_type(const type *t)
{
    return t->kind == T_ERROR || type_is_scalar(t);
}

/* What a single value (definition, parameter, field) may be. 'optional_ok'
 * allows 'optional T'. Reports and returns false otherwise. */
static bool need_value_type(checker *c, const type *t, src_loc loc, const char *what,
                            bool optional_ok)
{
    if (is_value_type(t))
        return true;
    if (t->kind == T_OPTIONAL && optional_ok && is_value_type(t->elem))
        return true;
    diag_error(c->diag, loc,
               "%s must be a single value (boolean, integer, decimal, money, date, duration or an "
               "enum%s), not %s", what, optional_ok ? ", maybe optional" : "", tc_tname(c, t));
    return false;
}

/* ---- Declarations ---------------------------------------------------------- */

/* A value of type 'got' where 'want' is declared. */
static void need_assignable(checker *c, expr *e, type *got, type *want, const char *what)
{
    tc_need_exact(c, e);
    if (tc_is_err(got) || tc_is_err(want) || type_equal(got, want))
        return;
    if (want->kind == T_DEC && got->kind == T_INT)
        return;
    if (want->kind == T_OPTIONAL && (type_equal(want->elem, got)
                                     || (want->elem->kind == T_DEC && got->kind == T_INT)))
        return;
    if (got->kind == T_OPTIONAL && type_equal(got->elem, want)) {
        tc_need_not_optional(c, e, got);
        return;
    }
    diag_error(c->diag, e->loc, "%s is declared as %s, but this value is %s", what, tc_tname(c, want),
               tc_tname(c, got));
}

static bool is_literal(const expr *e)
{
    switch (e->kind) {
    case E_BOOL: case E_INT: case E_DECIMAL: case E_MONEY: case E_DATE: case E_DURATION:
        return true;
    case E_NAME:
    case E_FIELD:
        return e->u.name.ref == REF_CASE;
    case E_UNARY:
        return e->u.unary.op == U_NEG && is_literal(e->u.unary.operand);
    case E_UNIT:                        /* a number with a unit that did not fold: reported */
        return e->u.unit.subject->kind == E_INT
               || (e->u.unit.subject->kind == E_DECIMAL && e->u.unit.unit != UNIT_PERCENT);
    case E_ERROR:
        return true;
    default:
        return false;
    }
}

static void check_parameter(checker *c, decl *d)
{
    type *t = d->type;
    if (!need_value_type(c, t, d->u.param.type_expr->loc, "a parameter", false))
        t = type_error();               /* reported; its values are not held against it */
    char what[300];
    snprintf(what, sizeof what, "the parameter '%s'", d->name.name);
    if (d->u.param.constant) {
        expr *v = d->u.param.constant;
        need_assignable(c, v, tc_check(c, v, t), t, what);
        if (!is_literal(v))
            diag_error(c->diag, v->loc, "a parameter's value is written out (for example 1 054 kr), "
                       "not computed; use a definition for a computed value");
    }
    dated_value *prev = NULL;
    for (int i = 0; i < d->u.param.values.len; i++) {
        dated_value *dv = NL_AT(d->u.param.values, i);
        need_assignable(c, dv->value, tc_check(c, dv->value, t), t, what);
        if (!is_literal(dv->value))
            diag_error(c->diag, dv->value->loc, "a parameter's value is written out (for example "
                       "1 054 kr), not computed; use a definition for a computed value");
        bool valid = dv->from != AST_DATE_INVALID
                     && (!dv->has_until || dv->until != AST_DATE_INVALID);
        if (!valid)
            continue;                   /* an impossible date, reported */
        if (dv->has_until && dv->until < dv->from)
            diag_error(c->diag, dv->loc, "this period ends before it starts");
        if (prev && dv->from <= prev->from) {
            diag_error(c->diag, dv->loc, "the values of a parameter are listed in date order: "
                       "this one starts no later than the one before it");
        } else if (prev && prev->has_until && dv->from <= prev->until) {
            char until[LOV_DATE_BUFSIZE];
            lov_date_format(prev->until, until);
            diag_error(c->diag, dv->loc, "this period overlaps the one before it, which runs until %s: "
                       "a day can have only one value", until);
        }
        prev = dv;
    }
}

/* The default of an adverse outcome is what happens when no rule harms the
 * citizen: written out, and for yes/no and amounts, no and zero. */
static void check_harmless_default(checker *c, decl *d)
{
    expr *v = d->u.def.default_rule->value;
    if (!is_literal(v) || v->kind == E_ERROR) {
        if (v->kind != E_ERROR)
            diag_error(c->diag, v->loc, "the default of the adverse outcome '%s' is written out: it is "
                       "what happens when no rule harms the citizen (for example 'default 0 kr' or "
                       "'default no')", d->name.name);
        return;
    }
    const char *harmless = NULL;
    if (v->kind == E_BOOL && v->u.b)
        harmless = "no";
    else if (v->kind == E_MONEY && v->u.money != 0)
        harmless = "0 kr";
    else if ((v->kind == E_INT && v->u.i != 0) || (v->kind == E_DECIMAL && v->u.dec.coef != 0))
        harmless = "0";
    else if (v->kind == E_UNARY)
        harmless = d->type->kind == T_MONEY ? "0 kr" : "0";
    if (harmless)
        diag_error(c->diag, v->loc, "the default of the adverse outcome '%s' must not harm the citizen: "
                   "it applies when no rule says otherwise; write 'default %s'", d->name.name, harmless);
}

/* ---- Exceptions that always apply together ---------------------------------- */

typedef struct cond_entry {
    ast_rule *rule;
    uint64_t hash;
} cond_entry;

static int cond_entry_cmp(const void *pa, const void *pb)
{
    const cond_entry *a = pa, *b = pb;
    const ast_rule *pa_ = a->rule->parent_rule, *pb_ = b->rule->parent_rule;
    int ia = pa_ ? pa_->index : -1, ib = pb_ ? pb_->index : -1;
    if (ia != ib)
        return ia < ib ? -1 : 1;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return a->rule->index < b->rule->index ? -1 : a->rule->index > b->rule->index;
}

/* A number written out (maybe negated) as coefficient and decimals, with
 * no trailing zeros: 1, 1.0 and 1.00 are the same. False for others. */
static bool literal_number(const expr *e, int64_t *coef, int32_t *scale)
{
    bool neg = false;
    if (e->kind == E_UNARY && e->u.unary.op == U_NEG) {
        neg = true;
        e = e->u.unary.operand;
    }
    if (e->kind == E_INT) {
        *coef = e->u.i;
        *scale = 0;
    } else if (e->kind == E_DECIMAL) {
        *coef = e->u.dec.coef;
        *scale = e->u.dec.scale;
        while (*scale > 0 && *coef % 10 == 0) {
            *coef /= 10;
            (*scale)--;
        }
    } else
        return false;
    if (neg)
        *coef = -*coef;
    return true;
}

/* Do two values written out stand for the same value? */
static bool same_value(const expr *a, const expr *b)
{
    int64_t ca, cb;
    int32_t sa, sb;
    if (literal_number(a, &ca, &sa) && literal_number(b, &cb, &sb))
        return ca == cb && sa == sb;
    return expr_equal(a, b);
}

/* Two exceptions at the same level with the same condition (as written)
 * and different values written out always apply together, and then
 * conflict. Conditions are grouped by a hash, so that many exceptions cost
 * no more than sorting them; within a group each is compared with the
 * first of each different condition. */
static void check_same_conditions(checker *c, decl *d)
{
    nodelist *rules = &d->u.def.rules;
    cond_entry *es = xmalloc(((size_t)rules->len + 1) * sizeof *es);
    int n = 0;
    for (int i = 0; i < rules->len; i++) {
        ast_rule *r = NL_AT(*rules, i);
        if (r->is_default || !r->cond || (r->cond->kind == E_BOOL && !r->cond->u.b)
            || !is_literal(r->value) || r->value->kind == E_ERROR)
            continue;                   /* never applies, or its value is computed */
        if (r->parent.name && !r->parent_rule)
            continue;                   /* its 'to' is wrong (reported): its level is not known */
        es[n].rule = r;
        es[n].hash = expr_hash(r->cond);
        n++;
    }
    if (n > 1)
        qsort(es, (size_t)n, sizeof *es, cond_entry_cmp);
    ast_rule **firsts = xmalloc(((size_t)n + 1) * sizeof *firsts);
    for (int run = 0; run < n;) {
        int end = run + 1;
        while (end < n && es[end].hash == es[run].hash
               && es[end].rule->parent_rule == es[run].rule->parent_rule)
            end++;
        int nfirsts = 0;
        for (int k = run; k < end; k++) {
            ast_rule *r = es[k].rule, *same = NULL;
            for (int f = 0; f < nfirsts && !same; f++)
                if (expr_equal(firsts[f]->cond, r->cond))
                    same = firsts[f];
            if (!same) {
                firsts[nfirsts++] = r;
                continue;
            }
            if (same_value(same->value, r->value))
                continue;
            diag_error(c->diag, r->label.loc,
                       "the exceptions '%s' and '%s' of '%s' have the same condition and different "
                       "values: they always apply together, and then conflict; make one an exception "
                       "to the other ('exception %s to %s') or change a condition",
                       same->label.name, r->label.name, d->name.name, r->label.name, same->label.name);
            diag_note(c->diag, same->label.loc, "'%s' is here, with the same condition",
                      same->label.name);
        }
        run = end;
    }
    free(firsts);
    free(es);
}

static void check_definition(checker *c, decl *d)
{
    type *t = d->type;
    bool function = d->u.def.has_params;
    char what[300];
    snprintf(what, sizeof what, "'%s'", d->name.name);
    if (!need_value_type(c, t, d->u.def.type_expr->loc,
                         d->kind == D_OUTCOME ? "an outcome" : "a definition", true))
        t = type_error();               /* reported; its values are not held against it */
    if (function)
        for (int i = 0; i < d->u.def.params.len; i++) {
            formal *f = NL_AT(d->u.def.params, i);
            if (f->type->kind == T_LIST)
                diag_error(c->diag, f->type_expr->loc,
                           "a parameter cannot be a list; pass the list's items one at a time");
        }
    for (int i = 0; i < d->u.def.requires.len; i++) {
        requirement *req = NL_AT(d->u.def.requires, i);
        check_bool(c, req->cond, "a prerequisite");
    }
    if (d->u.def.adverse && d->u.def.default_rule)
        check_harmless_default(c, d);
    for (int i = 0; i < d->u.def.rules.len; i++) {
        ast_rule *r = NL_AT(d->u.def.rules, i);
        int n = 0;
        if (r->cond) {
            check_bool(c, r->cond, "the condition after 'when'");
            n = tc_assume(c, r->cond, true);
        }
        need_assignable(c, r->value, tc_check(c, r->value, t), t, what);
        tc_forget(c, n);
    }
    check_same_conditions(c, d);
}

static void check_header(checker *c)
{
    module *m = c->mod;
    if (m->has_in_force && m->has_until && m->in_force_until < m->in_force_from
        && m->in_force_from != AST_DATE_INVALID && m->in_force_until != AST_DATE_INVALID)
        diag_error(c->diag, m->in_force_loc, "the period in force ends before it starts");
    if (m->reference_input && m->reference_input->type
        && m->reference_input->type->kind != T_DATE && !tc_is_err(m->reference_input->type))
        diag_error(c->diag, m->reference_date.loc, "the reference date '%s' must be a date, but it "
                   "is %s", m->reference_date.name, tc_tname(c, m->reference_input->type));
    if (m->reference_date.name)
        return;                         /* named; if it is no date input, that is reported */
    if (m->has_in_force)
        diag_error(c->diag, m->in_force_loc,
                   "a module with a period in force must name the date it decides for: add "
                   "'reference date NAME' to the header, with NAME a date input");
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->kind == D_PARAMETER && d->u.param.values.len > 0) {
            diag_error(c->diag, d->name.loc,
                       "the dated parameter '%s' needs the date it is read for: add 'reference "
                       "date NAME' to the module header, with NAME a date input", d->name.name);
            break;
        }
    }
}

/* An input is a single value (maybe optional), a record, or a list of
 * records or single values. */
static void check_input_type(checker *c, const type *t, src_loc loc)
{
    if (is_value_type(t) || t->kind == T_RECORD)
        return;
    if (t->kind == T_LIST) {
        if (t->elem->kind == T_LIST || t->elem->kind == T_OPTIONAL)
            diag_error(c->diag, loc, "a list holds records or single values, not %s", tc_tname(c, t->elem));
        return;
    }
    if (t->kind == T_OPTIONAL && is_value_type(t->elem))
        return;
    if (t->kind == T_OPTIONAL && t->elem->kind == T_RECORD)
        diag_error(c->diag, loc, "a record input cannot be optional; make the fields that may be absent "
                   "optional instead");
    else if (t->kind == T_OPTIONAL && t->elem->kind == T_LIST)
        diag_error(c->diag, loc, "a list cannot be optional: an empty list says that there is nothing");
    else
        diag_error(c->diag, loc, "an input is a single value (boolean, integer, decimal, money, date, "
                   "duration or an enum, maybe optional), a record, or a list; not %s", tc_tname(c, t));
}

/* Types of declarations, before any expression is checked (any rule may use
 * any declaration, in any order). */
static void type_declarations(checker *c)
{
    module *m = c->mod;
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->kind == D_ENUM || d->kind == D_RECORD)
            d->type = type_named(c->a, d->kind == D_ENUM ? T_ENUM : T_RECORD, d);
    }
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        switch (d->kind) {
        case D_RECORD:
            for (int k = 0; k < d->u.record.fields.len; k++) {
                record_field *f = NL_AT(d->u.record.fields, k);
                f->type = from_texpr(c, f->type_expr);
                need_value_type(c, f->type, f->type_expr->loc, "a field of a record", true);
            }
            break;
        case D_INPUT:
            d->type = from_texpr(c, d->u.input.type_expr);
            check_input_type(c, d->type, d->u.input.type_expr->loc);
            break;
        case D_PARAMETER:
            d->type = from_texpr(c, d->u.param.type_expr);
            break;
        case D_DEFINITION:
        case D_OUTCOME:
            d->type = from_texpr(c, d->u.def.type_expr);
            for (int k = 0; k < d->u.def.params.len; k++) {
                formal *f = NL_AT(d->u.def.params, k);
                f->type = from_texpr(c, f->type_expr);
            }
            break;
        case D_EXTERNAL:
            d->type = from_texpr(c, d->u.external.ret);
            need_value_type(c, d->type, d->u.external.ret->loc, "what an external function gives",
                            false);
            for (int k = 0; k < d->u.external.params.len; k++) {
                formal *f = NL_AT(d->u.external.params, k);
                f->type = from_texpr(c, f->type_expr);
                need_value_type(c, f->type, f->type_expr->loc,
                                "a parameter of an external function", false);
            }
            break;
        default:
            break;
        }
    }
}

void typecheck_module(module *m, diag_ctx *diag)
{
    checker ck = {.mod = m, .diag = diag, .a = &m->arena};
    checker *c = &ck;
    type_declarations(c);
    check_header(c);
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        c->current = d;
        c->present.len = 0;
        switch (d->kind) {
        case D_PARAMETER:
            check_parameter(c, d);
            break;
        case D_DEFINITION:
        case D_OUTCOME:
            check_definition(c, d);
            break;
        case D_INPUT:
            tc_check_input_bounds(c, d);
            break;
        case D_ASSERT:
            check_bool(c, d->u.assert_.cond, "an assertion");
            d->type = type_bool();           /* its value, in the generated output */
            break;
        default:
            break;
        }
    }
    pv_free(&c->present);
}

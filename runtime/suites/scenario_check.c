/* SPDX-License-Identifier: Apache-2.0 */
/* Checking a suite against the module it tests, using only the module's
 * descriptor: every fact must be an input, every expectation a decision,
 * every value of the right type. The values are converted here, so a run
 * only copies them into place. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lov.h"
#include "suites/scenario.h"
#include "support/suggest.h"
#include "support/symtab.h"
#include "support/util.h"

typedef struct checker {
    scn_suite *suite;
    const lov_module_desc *m;
    diag_ctx *diag;
} checker;

/* ---- Finding names ------------------------------------------------------- */

static int find_field(const lov_field_desc *fields, uint32_t n, const char *name)
{
    for (uint32_t i = 0; i < n; i++)
        if (fields[i].name && strcmp(fields[i].name, name) == 0)
            return (int)i;
    return -1;
}

static int find_external(const lov_module_desc *m, const char *name)
{
    for (uint32_t i = 0; i < m->nexternals; i++)
        if (strcmp(m->externals[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* The field a misspelt name most likely means: the closest by spelling,
 * or else the only one that starts with it (a long name written short, as
 * måneder_med_hjælp for måneder_med_hjælp_seneste_3_år). */
static const char *closest_field(const lov_field_desc *fields, uint32_t n, const char *name)
{
    suggester s;
    suggest_init(&s, name);
    for (uint32_t i = 0; i < n; i++)
        suggest_consider(&s, fields[i].name);
    const char *best = suggest_result(&s);
    size_t len = strlen(name);
    for (uint32_t i = 0; !best && len >= 3 && i < n; i++) {
        if (!fields[i].name || strncmp(fields[i].name, name, len) != 0)
            continue;
        for (uint32_t k = i + 1; k < n; k++)
            if (fields[k].name && strncmp(fields[k].name, name, len) == 0)
                return NULL;                     /* more than one: no guess */
        best = fields[i].name;
    }
    return best;
}

/* ---- Types in words -------------------------------------------------------- */

static void describe_type(char *buf, size_t cap, lov_type t, const lov_enum_desc *e)
{
    switch (t) {
    case LOV_T_BOOL: snprintf(buf, cap, "yes or no"); return;
    case LOV_T_INT: snprintf(buf, cap, "a whole number"); return;
    case LOV_T_DECIMAL: snprintf(buf, cap, "a decimal number, such as 0.5"); return;
    case LOV_T_MONEY: snprintf(buf, cap, "an amount, such as 1 066 kr"); return;
    case LOV_T_DATE: snprintf(buf, cap, "a date, such as 2020-04-02"); return;
    case LOV_T_DURATION: snprintf(buf, cap, "a duration, such as 6 months"); return;
    case LOV_T_ENUM: {
        if (!e) {
            snprintf(buf, cap, "a case of an enumeration");
            return;
        }
        size_t n = (size_t)snprintf(buf, cap, "one of ");
        for (uint32_t i = 0; e && i < e->ncases && n < cap; i++)
            n += (size_t)snprintf(buf + n, cap - n, "%s%s", i ? (i + 1 == e->ncases ? " or " : ", ") : "",
                                  e->cases[i]);
        return;
    }
    case LOV_T_RECORD: snprintf(buf, cap, "a record"); return;
    case LOV_T_LIST: snprintf(buf, cap, "a list, written as a table"); return;
    }
}

static const char *value_words(scn_value_kind k)
{
    switch (k) {
    case SV_INT: return "a whole number";
    case SV_DECIMAL: return "a decimal number";
    case SV_MONEY: return "an amount";
    case SV_PERCENT: return "a percentage";
    case SV_DATE: return "a date";
    case SV_DURATION: return "a duration";
    case SV_BOOL: return "yes or no";
    case SV_NAME: return "a name";
    case SV_ABSENT: return "'absent'";
    case SV_UNKNOWN: return "'unknown'";
    }
    return "a value";
}

/* ---- Values ------------------------------------------------------------------ */

/* Converts v to a value of type t (maybe optional). 'what' names the place
 * for messages ("the fact 'timer'"). Returns false after reporting. */
static bool convert(checker *c, const scn_value *v, lov_type t, const lov_enum_desc *e, bool optional,
                    const char *what, lov_value *out, bool *present)
{
    *present = true;
    memset(out, 0, sizeof *out);
    if (v->kind == SV_ABSENT) {
        if (optional) {
            *present = false;
            return true;
        }
        diag_error(c->diag, v->loc, "%s is always there (it is not optional); 'absent' is for optional values",
                   what);
        return false;
    }
    switch (t) {
    case LOV_T_BOOL:
        if (v->kind == SV_BOOL) {
            out->b = v->b;
            return true;
        }
        if (v->kind == SV_NAME && !v->qualifier.name
            && (strcmp(v->name.name, "ja") == 0 || strcmp(v->name.name, "nej") == 0)) {
            diag_error(c->diag, v->loc, "%s is yes or no, written in English: %s, not %s", what,
                       v->name.name[0] == 'j' ? "yes" : "no", v->name.name);
            return false;
        }
        break;
    case LOV_T_INT:
        if (v->kind == SV_INT) {
            out->i = v->i;
            return true;
        }
        break;
    case LOV_T_DECIMAL:
        if (v->kind == SV_INT) {
            out->dec = lov_dec_from_int(v->i);
            return true;
        }
        if (v->kind == SV_DECIMAL || v->kind == SV_PERCENT) {
            out->dec = v->dec;
            return true;
        }
        break;
    case LOV_T_MONEY:
        if (v->kind == SV_MONEY) {
            out->money = v->i;
            return true;
        }
        if (v->kind == SV_INT || v->kind == SV_DECIMAL) {
            diag_error(c->diag, v->loc, "%s is an amount: write it with 'kr', for example %s kr", what,
                       v->kind == SV_INT ? "1 066" : "12.50");
            return false;
        }
        break;
    case LOV_T_DATE:
        if (v->kind == SV_DATE) {
            out->date = v->date;
            return true;
        }
        break;
    case LOV_T_DURATION:
        if (v->kind == SV_DURATION) {
            out->dur = v->dur;
            return true;
        }
        break;
    case LOV_T_ENUM:
        if (v->kind == SV_NAME && e) {
            if (v->qualifier.name && strcmp(v->qualifier.name, e->name) != 0) {
                diag_error(c->diag, v->qualifier.loc, "%s is a case of %s, not of %s", what, e->name,
                           v->qualifier.name);
                return false;
            }
            for (uint32_t i = 0; i < e->ncases; i++) {
                if (strcmp(e->cases[i], v->name.name) == 0) {
                    out->enum_case = (int32_t)i;
                    return true;
                }
            }
            suggester s;
            suggest_init(&s, v->name.name);
            for (uint32_t i = 0; i < e->ncases; i++)
                suggest_consider(&s, e->cases[i]);
            const char *best = suggest_result(&s);
            char words[512];
            describe_type(words, sizeof words, t, e);
            if (best)
                diag_error(c->diag, v->name.loc, "'%s' is not a case of %s; did you mean '%s'?", v->name.name,
                           e->name, best);
            else
                diag_error(c->diag, v->name.loc, "'%s' is not a case of %s: %s is %s", v->name.name, e->name,
                           what, words);
            return false;
        }
        break;
    default:
        break;
    }
    char words[512];
    describe_type(words, sizeof words, t, e);
    diag_error(c->diag, v->loc, "%s is %s, but this is %s", what, words, value_words(v->kind));
    return false;
}

/* Size and in-struct offset of the value of a field of type t (optional:
 * inside its lov_opt_* struct). */
static size_t value_offset(lov_type t, bool optional)
{
    if (!optional)
        return 0;
    switch (t) {
    case LOV_T_BOOL: return offsetof(lov_opt_bool, value);
    case LOV_T_INT: return offsetof(lov_opt_int, value);
    case LOV_T_DECIMAL: return offsetof(lov_opt_decimal, value);
    case LOV_T_MONEY: return offsetof(lov_opt_money, value);
    case LOV_T_DATE: return offsetof(lov_opt_date, value);
    case LOV_T_DURATION: return offsetof(lov_opt_duration, value);
    default: return offsetof(lov_opt_enum, value);
    }
}

void scn_store(void *base, uint32_t offset, lov_type t, bool optional, bool present, lov_value v)
{
    char *p = (char *)base + offset;
    if (optional) {
        bool flag = present;
        memcpy(p, &flag, sizeof flag);           /* 'present' is the first member */
        p += value_offset(t, true);
        if (!present)
            return;
    }
    switch (t) {
    case LOV_T_BOOL: memcpy(p, &v.b, sizeof v.b); break;
    case LOV_T_INT: memcpy(p, &v.i, sizeof v.i); break;
    case LOV_T_DECIMAL: memcpy(p, &v.dec, sizeof v.dec); break;
    case LOV_T_MONEY: memcpy(p, &v.money, sizeof v.money); break;
    case LOV_T_DATE: memcpy(p, &v.date, sizeof v.date); break;
    case LOV_T_DURATION: memcpy(p, &v.dur, sizeof v.dur); break;
    case LOV_T_ENUM: {
        int value = v.enum_case;                 /* C enums are ints */
        memcpy(p, &value, sizeof value);
        break;
    }
    default: break;
    }
}

void scn_load(const void *base, uint32_t offset, lov_type t, bool optional, bool *present, lov_value *v)
{
    const char *p = (const char *)base + offset;
    memset(v, 0, sizeof *v);
    *present = true;
    if (optional) {
        memcpy(present, p, sizeof *present);
        p += value_offset(t, true);
    }
    switch (t) {
    case LOV_T_BOOL: memcpy(&v->b, p, sizeof v->b); break;
    case LOV_T_INT: memcpy(&v->i, p, sizeof v->i); break;
    case LOV_T_DECIMAL: memcpy(&v->dec, p, sizeof v->dec); break;
    case LOV_T_MONEY: memcpy(&v->money, p, sizeof v->money); break;
    case LOV_T_DATE: memcpy(&v->date, p, sizeof v->date); break;
    case LOV_T_DURATION: memcpy(&v->dur, p, sizeof v->dur); break;
    case LOV_T_ENUM: {
        int value;
        memcpy(&value, p, sizeof value);
        v->enum_case = value;
        break;
    }
    default: break;
    }
}

/* ---- Facts ---------------------------------------------------------------------- */

/* Are two lists of argument values the same question (0.5 and 0.50,
 * 2 weeks and 14 days alike)? */
static bool same_arguments(const lov_external_desc *ext, const lov_value *a, const lov_value *b)
{
    for (uint32_t k = 0; k < ext->nparams; k++) {
        bool same;
        switch (ext->params[k]) {
        case LOV_T_BOOL: same = a[k].b == b[k].b; break;
        case LOV_T_DECIMAL: same = lov_dec_cmp(a[k].dec, b[k].dec) == 0; break;
        case LOV_T_MONEY: same = a[k].money == b[k].money; break;
        case LOV_T_DATE: same = a[k].date == b[k].date; break;
        case LOV_T_DURATION: same = lov_duration_eq(a[k].dur, b[k].dur); break;
        case LOV_T_ENUM: same = a[k].enum_case == b[k].enum_case; break;
        default: same = a[k].i == b[k].i; break;
        }
        if (!same)
            return false;
    }
    return true;
}

static void check_table(checker *c, scn_given *g, const lov_field_desc *f)
{
    char what[512];
    bool one_record = f->type == LOV_T_RECORD;    /* a record: a table of one row */
    if (f->type != LOV_T_LIST && !one_record) {
        snprintf(what, sizeof what, "the fact '%s'", g->name.name);
        char words[512];
        describe_type(words, sizeof words, f->type, f->enum_desc);
        diag_error(c->diag, g->loc, "%s is %s%s, not a list: write it as %s = VALUE", what,
                   f->optional ? "an optional value, " : "", words, g->name.name);
        return;
    }
    const lov_record_desc *rec = f->record;
    size_t item_size = rec ? rec->size : f->elem_type == LOV_T_DECIMAL ? sizeof(lov_decimal)
                       : f->elem_type == LOV_T_DURATION ? sizeof(lov_duration)
                       : f->elem_type == LOV_T_INT || f->elem_type == LOV_T_MONEY ? 8
                       : f->elem_type == LOV_T_BOOL ? sizeof(bool) : 4;
    /* Records: the first row names the columns. A list of single values has
     * one value per row and no header. */
    int first_data = rec ? 1 : 0;
    int ncols = rec ? ((scn_list *)SCN_AT(g->rows, 0))->len : 1;
    int *column_field = xcalloc((size_t)ncols, sizeof *column_field);
    bool *meant = xcalloc(rec ? rec->nfields + 1 : 1, sizeof *meant);   /* fields a misspelt column means */
    bool ok = true;
    if (rec) {
        scn_list *header = SCN_AT(g->rows, 0);
        for (int k = 0; k < header->len; k++)
            column_field[k] = -1;
        for (int k = 0; k < header->len; k++) {
            scn_value *h = SCN_AT(*header, k);
            if (h->kind != SV_NAME || h->qualifier.name) {
                /* Once for the table: a row of values where the names belong. */
                diag_error(c->diag, h->loc, "the first row of a table names its columns: the fields of %s",
                           rec->name);
                free(column_field);
                free(meant);
                return;
            }
            int fi = find_field(rec->fields, rec->nfields, h->name.name);
            if (fi < 0) {
                const char *best = closest_field(rec->fields, rec->nfields, h->name.name);
                if (best)
                    meant[find_field(rec->fields, rec->nfields, best)] = true;
                if (best)
                    diag_error(c->diag, h->loc, "%s has no field '%s'; did you mean '%s'?", rec->name,
                               h->name.name, best);
                else
                    diag_error(c->diag, h->loc, "%s has no field '%s'", rec->name, h->name.name);
                ok = false;
                continue;
            }
            for (int j = 0; j < k; j++)
                if (column_field[j] == fi) {
                    diag_error(c->diag, h->loc, "the column '%s' is there twice", h->name.name);
                    ok = false;
                }
            column_field[k] = fi;
        }
        for (uint32_t fi = 0; fi < rec->nfields; fi++) {
            bool found = meant[fi];              /* misspelt: said above */
            for (int k = 0; k < ncols; k++)
                found |= column_field[k] == (int)fi;
            if (!found && !rec->fields[fi].optional) {
                diag_error(c->diag, ((scn_value *)SCN_AT(*header, 0))->loc,
                           "the table has no column for '%s' (every item of %s has one)", rec->fields[fi].name,
                           rec->name);
                ok = false;
            }
        }
    }
    size_t nitems = (size_t)(g->rows.len - first_data);
    if (one_record && nitems != 1 && ok) {
        diag_error(c->diag, g->loc, "'%s' is a single %s: its table has one row of values under the row of "
                   "names, but here it has %zu", g->name.name, rec->name, nitems);
        ok = false;
    }
    g->items = xcalloc(nitems ? nitems : 1, item_size);
    g->nitems = nitems;
    for (int r = first_data; r < g->rows.len && ok; r++) {
        scn_list *row = SCN_AT(g->rows, r);
        if (row->len != ncols) {
            diag_error(c->diag, ((scn_value *)SCN_AT(*row, 0))->loc,
                       "this row has %d value%s, but the table has %d column%s", row->len,
                       row->len == 1 ? "" : "s", ncols, ncols == 1 ? "" : "s");
            continue;
        }
        char *item = (char *)g->items + (size_t)(r - first_data) * item_size;
        for (int k = 0; k < ncols; k++) {
            scn_value *v = SCN_AT(*row, k);
            const lov_field_desc *field = rec ? &rec->fields[column_field[k]] : NULL;
            lov_type t = field ? field->type : f->elem_type;
            const lov_enum_desc *e = field ? field->enum_desc : f->enum_desc;
            bool optional = field ? field->optional : false;
            if (field)
                snprintf(what, sizeof what, "the field '%s'", field->name);
            else
                snprintf(what, sizeof what, "an item of '%s'", g->name.name);
            lov_value value;
            bool present;
            if (convert(c, v, t, e, optional, what, &value, &present))
                scn_store(item, field ? field->offset : 0, t, optional, present, value);
        }
    }
    free(column_field);
    free(meant);
}

static void check_given(checker *c, scn_given *g)
{
    const lov_module_desc *m = c->m;
    char what[512];
    if (g->kind == GIVEN_CALL) {
        int x = find_external(m, g->name.name);
        if (x < 0) {
            suggester s;
            suggest_init(&s, g->name.name);
            for (uint32_t i = 0; i < m->nexternals; i++)
                suggest_consider(&s, m->externals[i].name);
            const char *best = suggest_result(&s);
            if (find_field(m->inputs, m->ninputs, g->name.name) >= 0)
                diag_error(c->diag, g->name.loc, "'%s' is a fact, not an external function: write %s = VALUE",
                           g->name.name, g->name.name);
            else if (best)
                diag_error(c->diag, g->name.loc, "the rules have no external function '%s'; did you mean '%s'?",
                           g->name.name, best);
            else
                diag_error(c->diag, g->name.loc, "the rules have no external function '%s'%s", g->name.name,
                           m->nexternals ? "" : " (they use none)");
            return;
        }
        const lov_external_desc *ext = &m->externals[x];
        g->external = x;
        if ((uint32_t)g->args.len != ext->nparams) {
            diag_error(c->diag, g->loc, "'%s' takes %u value%s, but %d %s given", ext->name, ext->nparams,
                       ext->nparams == 1 ? "" : "s", g->args.len, g->args.len == 1 ? "is" : "are");
            return;
        }
        g->arg_values = xcalloc(ext->nparams ? ext->nparams : 1, sizeof *g->arg_values);
        bool args_ok = true;
        for (uint32_t k = 0; k < ext->nparams; k++) {
            snprintf(what, sizeof what, "the value '%s' of '%s'", ext->param_names[k], ext->name);
            bool present;
            scn_value *arg = SCN_AT(g->args, k);
            const lov_enum_desc *e = ext->params[k] == LOV_T_ENUM ? ext->param_enums[k] : NULL;
            args_ok &= convert(c, arg, ext->params[k], e, false, what, &g->arg_values[k], &present);
        }
        if (!args_ok) {                  /* no question, so no answer and no twin */
            free(g->arg_values);
            g->arg_values = NULL;
        }
        snprintf(what, sizeof what, "the answer of '%s'", ext->name);
        convert(c, g->value, ext->result, ext->result_enum, false, what, &g->converted, &g->present);
        return;
    }
    int i = find_field(m->inputs, m->ninputs, g->name.name);
    if (i < 0) {
        if (find_field(m->outputs, m->noutputs, g->name.name) >= 0) {
            diag_error(c->diag, g->name.loc, "'%s' is a decision of the rules, not a fact: write it under "
                       "'expect'", g->name.name);
        } else if (find_external(m, g->name.name) >= 0) {
            diag_error(c->diag, g->name.loc, "'%s' is an external function: give its answers as %s(VALUES) = ANSWER",
                       g->name.name, g->name.name);
        } else {
            const char *best = closest_field(m->inputs, m->ninputs, g->name.name);
            if (best)
                diag_error(c->diag, g->name.loc, "the rules have no fact named '%s'; did you mean '%s'?",
                           g->name.name, best);
            else
                diag_error(c->diag, g->name.loc, "the rules have no fact named '%s'", g->name.name);
        }
        return;
    }
    g->input = i;
    const lov_field_desc *f = &m->inputs[i];
    if (g->kind == GIVEN_TABLE) {
        check_table(c, g, f);
        return;
    }
    if (g->value->kind == SV_UNKNOWN)
        return;
    if (f->type == LOV_T_LIST) {
        diag_error(c->diag, g->value->loc, "'%s' is a list: write its items as a table under it, a row each",
                   g->name.name);
        return;
    }
    if (f->type == LOV_T_RECORD) {
        diag_error(c->diag, g->value->loc, "'%s' is a record: write it as a table under it, a row with the "
                   "names of its fields and a row with their values", g->name.name);
        return;
    }
    snprintf(what, sizeof what, "the fact '%s'", g->name.name);
    convert(c, g->value, f->type, f->enum_desc, f->optional, what, &g->converted, &g->present);
}

/* Each fact once per scenario (the background's may be given again). */
static void check_givens(checker *c, scn_list *givens)
{
    for (int i = 0; i < givens->len; i++) {
        scn_given *g = SCN_AT(*givens, i);
        check_given(c, g);
        for (int k = 0; k < i; k++) {
            scn_given *h = SCN_AT(*givens, k);
            if (strcmp(g->name.name, h->name.name) != 0 || g->kind != h->kind)
                continue;
            if (g->kind == GIVEN_CALL) {
                bool same = g->external >= 0 && g->external == h->external && g->arg_values && h->arg_values
                            && same_arguments(&c->m->externals[g->external], g->arg_values, h->arg_values);
                if (!same)
                    continue;
            }
            if (g->kind == GIVEN_CALL)
                diag_error(c->diag, g->name.loc, "'%s' is answered twice for the same values in this scenario",
                           g->name.name);
            else
                diag_error(c->diag, g->name.loc, "'%s' is given twice in this scenario", g->name.name);
            diag_note(c->diag, h->name.loc, "it is first given here");
            break;
        }
    }
}

/* ---- Expectations ---------------------------------------------------------------- */

static int expect_output(checker *c, scn_ident name)
{
    const lov_module_desc *m = c->m;
    int i = find_field(m->outputs, m->noutputs, name.name);
    if (i >= 0)
        return i;
    if (find_field(m->inputs, m->ninputs, name.name) >= 0) {
        diag_error(c->diag, name.loc, "'%s' is a fact, not a decision of the rules: write it under 'given'",
                   name.name);
        return -1;
    }
    const char *best = closest_field(m->outputs, m->noutputs, name.name);
    if (best)
        diag_error(c->diag, name.loc, "the rules decide nothing named '%s'; did you mean '%s'?", name.name, best);
    else
        diag_error(c->diag, name.loc, "the rules decide nothing named '%s'", name.name);
    return -1;
}

static void check_expect(checker *c, scn_expect *x)
{
    const lov_module_desc *m = c->m;
    if (x->kind == EXPECT_MISSING) {
        x->inputs = xcalloc((size_t)x->names.len + 1, sizeof *x->inputs);
        for (int k = 0; k < x->names.len; k++) {
            scn_ident *id = SCN_AT(x->names, k);
            int i = find_field(m->inputs, m->ninputs, id->name);
            x->inputs[k] = i;
            if (i < 0) {
                const char *best = closest_field(m->inputs, m->ninputs, id->name);
                if (find_field(m->outputs, m->noutputs, id->name) >= 0)
                    diag_error(c->diag, id->loc, "'%s' is a decision of the rules: 'missing' names the facts that "
                               "the rules lack", id->name);
                else if (best)
                    diag_error(c->diag, id->loc, "the rules have no fact named '%s'; did you mean '%s'?",
                               id->name, best);
                else
                    diag_error(c->diag, id->loc, "the rules have no fact named '%s'", id->name);
            }
        }
        return;
    }
    x->output = expect_output(c, x->name);
    if (x->output < 0)
        return;
    const lov_field_desc *f = &m->outputs[x->output];
    char what[512];
    switch (x->kind) {
    case EXPECT_VALUE:
        if (x->value->kind == SV_UNKNOWN) {
            diag_error(c->diag, x->value->loc, "'unknown' is for facts; to expect that the rules cannot decide "
                       "%s, write: %s is undetermined", x->name.name, x->name.name);
            break;
        }
        snprintf(what, sizeof what, "'%s'", x->name.name);
        convert(c, x->value, f->type, f->enum_desc, f->optional, what, &x->converted, &x->present);
        break;
    case EXPECT_NONE:
        if (f->optional || (f->type != LOV_T_BOOL && f->type != LOV_T_MONEY && f->type != LOV_T_INT
                            && f->type != LOV_T_DECIMAL))
            diag_error(c->diag, x->loc, "'no %s' says that %s is not given at all: it is for a yes or no, an "
                       "amount or a number; write %s = VALUE instead", x->name.name, x->name.name, x->name.name);
        break;
    case EXPECT_HELD_BACK:
        if (!f->adverse || f->held_offset == 0)
            diag_error(c->diag, x->loc, "'%s' has no prerequisites, so it cannot be held back", x->name.name);
        break;
    default:
        break;
    }
}

/* ---- The suite --------------------------------------------------------------------- */

bool scn_check(scn_suite *s, const lov_module_desc *m, diag_ctx *diag)
{
    int before = diag->errors;
    checker ck = {s, m, diag};
    check_givens(&ck, &s->background);
    symtab names;
    symtab_init(&names);
    for (int i = 0; i < s->scenarios.len; i++) {
        scn_scenario *sc = SCN_AT(s->scenarios, i);
        scn_scenario *prev = symtab_get(&names, sc->name);
        if (prev) {
            diag_error(diag, sc->loc, "there is already a scenario named \"%s\"; give each its own name",
                       sc->name);
            diag_note(diag, prev->loc, "the first is here");
        } else {
            symtab_put(&names, sc->name, sc);
        }
        check_givens(&ck, &sc->givens);
        for (int k = 0; k < sc->expects.len; k++)
            check_expect(&ck, SCN_AT(sc->expects, k));
        if (sc->expects.len == 0)
            diag_error(diag, sc->loc, "the scenario \"%s\" expects nothing: say what the rules must decide "
                       "under 'expect'", sc->name);
    }
    symtab_free(&names);
    if (s->scenarios.len == 0 && s->title)
        diag_error(diag, s->rules_loc, "the suite has no scenarios: it would pass without testing anything");
    return diag->errors == before;
}

/* ---- Values in words ------------------------------------------------------------------- */

void scn_format_value(char *buf, size_t cap, lov_type type, const lov_enum_desc *e, bool present, lov_value v)
{
    if (!present) {
        snprintf(buf, cap, "absent");
        return;
    }
    switch (type) {
    case LOV_T_BOOL: snprintf(buf, cap, "%s", v.b ? "yes" : "no"); return;
    case LOV_T_INT: snprintf(buf, cap, "%lld", (long long)v.i); return;
    case LOV_T_DECIMAL: lov_dec_format(lov_dec_normalize(v.dec), buf, cap); return;
    case LOV_T_MONEY: lov_money_format(v.money, buf, cap); return;
    case LOV_T_DATE: {
        char d[LOV_DATE_BUFSIZE];
        lov_date_format(v.date, d);
        snprintf(buf, cap, "%s", d);
        return;
    }
    case LOV_T_DURATION:
        if (v.dur.months && v.dur.days)
            snprintf(buf, cap, "%d months and %d days", (int)v.dur.months, (int)v.dur.days);
        else if (v.dur.months)
            snprintf(buf, cap, "%d month%s", (int)v.dur.months, v.dur.months == 1 ? "" : "s");
        else
            snprintf(buf, cap, "%d day%s", (int)v.dur.days, v.dur.days == 1 ? "" : "s");
        return;
    case LOV_T_ENUM:
        if (e && v.enum_case >= 0 && (uint32_t)v.enum_case < e->ncases)
            snprintf(buf, cap, "%s", e->cases[v.enum_case]);
        else
            snprintf(buf, cap, "(case %d)", (int)v.enum_case);
        return;
    default:
        snprintf(buf, cap, "?");
        return;
    }
}

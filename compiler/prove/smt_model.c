/* SPDX-License-Identifier: Apache-2.0 */
/* The example case: the inputs, and the answers of external functions, as
 * the model of a satisfied question gives them, written as the facts of a
 * scenario (lists and records as tables). */
#include "prove/smt_internal.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/lov.h"
#include "support/util.h"

/* ---- The example case ------------------------------------------------------------------- */

static bool model_int(smt *s, Z3_model m, Z3_ast t, int64_t *out)
{
    Z3_ast v;
    return Z3_model_eval(s->ctx, m, t, true, &v) && Z3_get_numeral_int64(s->ctx, v, out);
}

static bool model_bool(smt *s, Z3_model m, Z3_ast t)
{
    Z3_ast v;
    return Z3_model_eval(s->ctx, m, t, true, &v) && Z3_get_bool_value(s->ctx, v) == Z3_L_TRUE;
}

/* A value of type t from the model, written as a tester writes it. */
void smt_model_value(smt *s, Z3_model m, const type *t, Z3_ast v, Z3_ast days, Z3_ast present, strbuf *out)
{
    if (t->kind == T_OPTIONAL) {
        if (present && !model_bool(s, m, present)) {
            sb_puts(out, "absent");
            return;
        }
        t = t->elem;
    }
    char buf[64];
    int64_t i = 0;
    switch (t->kind) {
    case T_BOOL:
        sb_puts(out, model_bool(s, m, v) ? "yes" : "no");
        return;
    case T_DEC: {
        Z3_ast r;
        if (Z3_model_eval(s->ctx, m, v, true, &r)) {
            /* Written as a decimal with up to 6 places. */
            Z3_string str = Z3_get_numeral_decimal_string(s->ctx, r, 6);
            sb_puts(out, str);
            size_t len = strlen(str);
            if (len && str[len - 1] == '?')
                out->data[--out->len] = '\0';
        }
        return;
    }
    case T_MONEY:
        model_int(s, m, v, &i);
        lov_money_format(i, buf, sizeof buf);
        sb_puts(out, buf);
        return;
    case T_DATE:
        model_int(s, m, v, &i);
        lov_date_format((lov_date)i, buf);
        sb_puts(out, buf);
        return;
    case T_DURATION: {
        int64_t d = 0;
        model_int(s, m, v, &i);
        if (days)
            model_int(s, m, days, &d);
        if (i)
            sb_printf(out, "%" PRId64 " months", i);
        else
            sb_printf(out, "%" PRId64 " days", d);
        return;
    }
    case T_ENUM:
        model_int(s, m, v, &i);
        if (i >= 0 && i < t->decl->u.enum_.cases.len)
            sb_puts(out, ((enum_case *)NL_AT(t->decl->u.enum_.cases, i))->name.name);
        return;
    default:
        model_int(s, m, v, &i);
        sb_printf(out, "%" PRId64, i);
        return;
    }
}

/* A table of cells, written with its columns lined up. */
static void write_table(strbuf *out, char **cells, int rows, int cols)
{
    size_t *width = xcalloc((size_t)cols + 1, sizeof *width);
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            size_t w = utf8_count(cells[r * cols + c], strlen(cells[r * cols + c]));
            if (w > width[c])
                width[c] = w;
        }
    for (int r = 0; r < rows; r++) {
        sb_puts(out, "      |");
        for (int c = 0; c < cols; c++) {
            const char *cell = cells[r * cols + c];
            sb_printf(out, " %s", cell);
            for (size_t w = utf8_count(cell, strlen(cell)); w < width[c]; w++)
                sb_putc(out, ' ');
            sb_puts(out, " |");
        }
        sb_putc(out, '\n');
    }
    free(width);
}

/* The inputs' values; with 'own_only', only those of inputs its peer
 * does not read. */
static void write_inputs(smt *s, Z3_model m, bool own_only, strbuf *out)
{
    for (int k = 0; k < s->ninputs; k++) {
        input_terms *in = &s->inputs[k];
        decl *d = in->d;
        if (own_only && in->in_both)
            continue;
        const type *t = d->type;
        if (t->kind != T_LIST && t->kind != T_RECORD) {
            sb_printf(out, "    %s = ", d->name.name);
            smt_model_value(s, m, t, in->value.v, in->value.days, in->value.present, out);
            sb_putc(out, '\n');
            continue;
        }
        int64_t n = 1;
        if (t->kind == T_LIST)
            model_int(s, m, in->len, &n);
        const type *elem = t->kind == T_LIST ? t->elem : t;
        bool records = elem->kind == T_RECORD;
        int cols = records ? elem->decl->u.record.fields.len : 1;
        int rows = (int)n + (records ? 1 : 0);
        char **cells = xcalloc((size_t)(rows * cols) + 1, sizeof *cells);
        for (int f = 0; records && f < cols; f++)
            cells[f] = xstrdup(((record_field *)NL_AT(elem->decl->u.record.fields, f))->name.name);
        for (int64_t e = 0; e < n; e++)
            for (int f = 0; f < cols; f++) {
                const type *ft = records ? ((record_field *)NL_AT(elem->decl->u.record.fields, f))->type : elem;
                strbuf cell;
                sb_init(&cell);
                smt_model_value(s, m, ft, in->fields[e][f], in->field_days[e][f], in->field_present[e][f], &cell);
                cells[(records ? 1 + e : e) * cols + f] = cell.data ? cell.data : xstrdup("");
            }
        sb_printf(out, "    %s =\n", d->name.name);
        write_table(out, cells, rows, cols);
        for (int i = 0; i < rows * cols; i++)
            free(cells[i]);
        free(cells);
    }
}

void smt_write_own_facts(smt *s, Z3_model m, strbuf *out)
{
    write_inputs(s, m, true, out);
}

void smt_write_example(smt *s, Z3_model m, strbuf *out)
{
    write_inputs(s, m, false, out);
    for (size_t i = 0; i < s->calls.len; i++) {
        ext_call *c = s->calls.items[i];
        strbuf line;
        sb_init(&line);
        sb_printf(&line, "    %s(", c->d->name.name);
        for (int a = 0; a < c->d->u.external.params.len; a++) {
            if (a)
                sb_puts(&line, ", ");
            smt_model_value(s, m, ((formal *)NL_AT(c->d->u.external.params, a))->type, c->args[a], NULL, NULL, &line);
        }
        sb_puts(&line, ") = ");
        smt_model_value(s, m, c->d->type, c->result, NULL, NULL, &line);
        sb_putc(&line, '\n');
        if (!out->data || !strstr(out->data, line.data))
            sb_puts(out, line.data);
        sb_free(&line);
    }
}

/* SPDX-License-Identifier: Apache-2.0 */
/* A caseload's record decoded into a module's input struct (caseload.h):
 * the names resolved once per module (cl_schema), the values written as in
 * suites ("1 067 kr", "2024-05-01", "6 months", "yes", "absent") or as
 * plain JSON where that is unambiguous, into a case whose buffers are
 * reused from record to record. Money and decimals are never read from a
 * binary fraction. */
#include "commands/caseload.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/lov_date_text.h"
#include "core/lov_decimal_text.h"
#include "core/lov_money_text.h"
#include "commands/value_text.h"
#include "suites/scenario.h"

/* A list file's columns mapped to the fields of its items. */
typedef struct list_map {
    int input;               /* the list input, or -1 when this module has none of that name */
    int *field_of_col;       /* column -> record field (or -1: not read) */
    size_t ncols;
} list_map;

struct cl_schema {
    const lov_module_desc *d;
    const cl_events *ev;
    bool lenient, money_ore;
    cl_format format;
    const char *key;         /* --key */
    int *input_of_col;       /* CSV: column -> input, -1 none */
    size_t ncols;
    list_map lists[CL_MAX_LISTS];
    int nlists;
    const char *const *list_names;
    const char *const *list_files;
};

static int input_named(const lov_module_desc *d, const char *name)
{
    for (uint32_t i = 0; i < d->ninputs; i++)
        if (strcmp(d->inputs[i].name, name) == 0)
            return (int)i;
    return -1;
}

cl_schema *cl_schema_new(const lov_module_desc *d, const cl_events *ev, const cl_reader *r, const run_options *o,
                         bool lenient, char *why, size_t whylen)
{
    cl_schema *s = xcalloc(1, sizeof *s);
    s->d = d;
    s->ev = ev;
    s->lenient = lenient;
    s->money_ore = o->money_ore;
    s->format = cl_reader_format(r);
    s->key = o->key;
    s->nlists = o->nlists;
    s->list_names = o->list_name;
    s->list_files = o->list_file;
    if (s->format != CL_CSV)
        return s;
    const char *const *cols = cl_reader_columns(r, &s->ncols);
    s->input_of_col = xcalloc(s->ncols + 1, sizeof *s->input_of_col);
    for (size_t j = 0; j < s->ncols; j++) {
        int i = input_named(d, cols[j]);
        s->input_of_col[j] = i;
        if (o->key && strcmp(cols[j], o->key) == 0 && i < 0)
            continue;
        if (i < 0 && !lenient) {
            snprintf(why, whylen, "%s: the column '%s' is no input of the rules %s (and not the key given with "
                     "--key)", o->input, cols[j], d->name);
            cl_schema_free(s);
            return NULL;
        }
        if (i >= 0 && (d->inputs[i].type == LOV_T_LIST || d->inputs[i].type == LOV_T_RECORD)) {
            snprintf(why, whylen, "%s: the column '%s' is %s: give its rows in a file of their own with --list "
                     "%s=FILE.csv", o->input, cols[j], d->inputs[i].type == LOV_T_LIST ? "a list" : "a record",
                     cols[j]);
            cl_schema_free(s);
            return NULL;
        }
    }
    for (int li = 0; li < o->nlists; li++) {
        list_map *m = &s->lists[li];
        m->input = input_named(d, o->list_name[li]);
        size_t n;
        const char *const *lc = cl_reader_list_columns(r, li, &n);
        m->field_of_col = xcalloc(n + 1, sizeof *m->field_of_col);
        m->ncols = n;
        for (size_t j = 0; j < n; j++)
            m->field_of_col[j] = -1;
        const lov_field_desc *f = m->input >= 0 ? &d->inputs[m->input] : NULL;
        if (!f && lenient)
            continue;
        if (!f || f->type != LOV_T_LIST) {
            snprintf(why, whylen, "--list %s: the rules %s have no list input of that name", o->list_name[li],
                     d->name);
            cl_schema_free(s);
            return NULL;
        }
        const lov_record_desc *rd = f->record;
        for (size_t j = 0; j < n; j++) {
            m->field_of_col[j] = -1;
            if (strcmp(lc[j], o->key) == 0)
                continue;
            if (!rd && strcmp(lc[j], f->name) == 0)
                m->field_of_col[j] = 0;
            for (uint32_t k = 0; rd && k < rd->nfields; k++)
                if (strcmp(rd->fields[k].name, lc[j]) == 0)
                    m->field_of_col[j] = (int)k;
            if (m->field_of_col[j] < 0 && !lenient) {
                snprintf(why, whylen, "%s: the column '%s' is no field of the items of '%s'%s%s", o->list_file[li],
                         lc[j], f->name, rd ? " (" : "", rd ? rd->name : "");
                if (rd)
                    snprintf(why + strlen(why), whylen - strlen(why), ")");
                cl_schema_free(s);
                return NULL;
            }
        }
        for (uint32_t k = 0; rd && k < rd->nfields; k++) {
            bool found = false;
            for (size_t j = 0; j < n; j++)
                found |= m->field_of_col[j] == (int)k;
            if (!found && !rd->fields[k].optional) {
                snprintf(why, whylen, "%s: there is no column '%s', a field every item of '%s' has", o->list_file[li],
                         rd->fields[k].name, f->name);
                cl_schema_free(s);
                return NULL;
            }
        }
    }
    return s;
}

void cl_schema_free(cl_schema *s)
{
    if (!s)
        return;
    free(s->input_of_col);
    for (int i = 0; i < s->nlists; i++)
        free(s->lists[i].field_of_col);
    free(s);
}

void cl_case_init(cl_case *c, const lov_module_desc *d)
{
    c->input = xcalloc(1, d->input_size ? d->input_size : 1);
    c->ninputs = d->ninputs;
    c->items = xcalloc(d->ninputs + 1, sizeof *c->items);
    c->cap = xcalloc(d->ninputs + 1, sizeof *c->cap);
    c->key[0] = '\0';
}

void cl_case_free(cl_case *c)
{
    for (uint32_t i = 0; i < c->ninputs; i++)
        free(c->items[i]);
    free(c->items);
    free(c->cap);
    free(c->input);
}

/* Room for n items of input i. */
static char *items_for(cl_case *c, const lov_field_desc *f, uint32_t i, size_t n)
{
    size_t size = value_item_size(f);
    if (n > c->cap[i]) {
        c->cap[i] = n > 2 * c->cap[i] ? n : 2 * c->cap[i];
        free(c->items[i]);
        c->items[i] = xcalloc(c->cap[i], size);
    }
    if (n)
        memset(c->items[i], 0, n * size);
    return c->items[i];
}

/* ---- Values ---- */

static const char *type_words(lov_type t, bool ore)
{
    switch (t) {
    case LOV_T_BOOL: return "yes or no";
    case LOV_T_INT: return "a whole number";
    case LOV_T_DECIMAL: return "an exact decimal number (\"0.5\")";
    case LOV_T_MONEY: return ore ? "an amount (\"1 067 kr\", or a whole number of øre)"
                                 : "an amount with its unit (\"1 067 kr\"; whole numbers of øre need --money-unit øre)";
    case LOV_T_DATE: return "a date (\"2020-04-02\")";
    case LOV_T_DURATION: return "a duration (\"6 months\", \"14 days\")";
    case LOV_T_ENUM: return "one of the cases of its enumeration";
    default: return "a value";
    }
}

static bool parse_whole(const char *s, int64_t *out)
{
    char *end;
    errno = 0;
    long long n = strtoll(s, &end, 10);
    *out = n;
    return *s && !*end && errno == 0 && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9'));
}

/* A value written as text. */
static bool parse_text(const char *s, lov_type t, const lov_enum_desc *e, bool ore, lov_value *v)
{
    memset(v, 0, sizeof *v);
    size_t n = strlen(s);
    switch (t) {
    case LOV_T_BOOL:
        if (strcmp(s, "yes") == 0 || strcmp(s, "true") == 0)
            return v->b = true;
        return strcmp(s, "no") == 0 || strcmp(s, "false") == 0;
    case LOV_T_INT:
        return parse_whole(s, &v->i);
    case LOV_T_DECIMAL:
        return lov_dec_parse(s, n, &v->dec) == 0;
    case LOV_T_MONEY:
        if (ore && parse_whole(s, &v->money))
            return true;
        return lov_money_parse(s, n, &v->money) == 0;
    case LOV_T_DATE:
        return lov_date_parse(s, n, &v->date) == 0;
    case LOV_T_DURATION:
        return value_text_duration(s, &v->dur);
    case LOV_T_ENUM:
        return value_text_case(e, s, &v->enum_case);
    default:
        return false;
    }
}

/* A value from JSON: text as above, and plain numbers and booleans where
 * they say one thing. */
static bool parse_json(json_t *j, lov_type t, const lov_enum_desc *e, bool ore, lov_value *v)
{
    if (json_is_string(j))
        return parse_text(json_string_value(j), t, e, ore, v);
    memset(v, 0, sizeof *v);
    if (t == LOV_T_BOOL && json_is_boolean(j))
        return v->b = json_is_true(j), true;
    if (!json_is_integer(j))
        return false;
    if (t == LOV_T_INT)
        return v->i = json_integer_value(j), true;
    if (t == LOV_T_DECIMAL)
        return v->dec = lov_dec_from_int(json_integer_value(j)), true;
    if (t == LOV_T_MONEY && ore)
        return v->money = json_integer_value(j), true;
    return false;
}

static bool fail(cl_error *e, const char *fact, const char *fmt, const char *a, const char *b)
{
    snprintf(e->fact, sizeof e->fact, "%s", fact ? fact : "");
    snprintf(e->why, sizeof e->why, fmt, a, b);
    return false;
}

static bool store_text(const char *s, const lov_field_desc *f, lov_type t, bool optional, char *base, bool ore,
                       const char *fact, cl_error *e)
{
    if (optional && strcmp(s, "absent") == 0) {
        scn_store(base, f->offset, t, true, false, (lov_value){.i = 0});
        return true;
    }
    lov_value v;
    if (!parse_text(s, t, f->enum_desc, ore, &v)) {
        fail(e, fact, "'%s' is not %s", s, type_words(t, ore));
        for (uint32_t k = 0; t == LOV_T_ENUM && f->enum_desc && k < f->enum_desc->ncases; k++)
            snprintf(e->why + strlen(e->why), sizeof e->why - strlen(e->why), "%s%s%s", k ? ", " : " (",
                     f->enum_desc->cases[k], k + 1 == f->enum_desc->ncases ? ")" : "");
        return false;
    }
    scn_store(base, f->offset, t, optional, true, v);
    return true;
}

static void set_known(char *in, const lov_field_desc *f)
{
    bool known = true;
    memcpy(in + f->known_offset, &known, sizeof known);
}

static void set_list(char *in, const lov_field_desc *f, const char *items, size_t n)
{
    memcpy(in + f->offset, &items, sizeof items);
    memcpy(in + f->count_offset, &n, sizeof n);
}

/* ---- CSV ---- */

static bool decode_csv(const cl_schema *s, const cl_record *rec, cl_case *c, cl_error *e)
{
    const lov_module_desc *d = s->d;
    for (size_t j = 0; j < s->ncols; j++) {
        int i = s->input_of_col[j];
        const char *cell = rec->fields[j];
        if (i < 0 || !cell)
            continue;  /* an empty cell: the fact is not supplied */
        const lov_field_desc *f = &d->inputs[i];
        set_known(c->input, f);
        if (!store_text(cell, f, f->type, f->optional, c->input, s->money_ore, f->name, e))
            return false;
    }
    for (int li = 0; li < s->nlists; li++) {
        const list_map *m = &s->lists[li];
        if (m->input < 0)
            continue;
        const lov_field_desc *f = &d->inputs[m->input];
        const cl_rows *rows = &rec->lists[li];
        char *items = items_for(c, f, (uint32_t)m->input, rows->n);
        size_t size = value_item_size(f);
        const lov_record_desc *rd = f->record;
        for (size_t r = 0; r < rows->n; r++) {
            char *item = items + r * size;
            const char **cells = rows->fields[r];
            e->line = rows->lines[r];
            e->file = s->list_files[li];
            for (uint32_t k = 0; rd && k < rd->nfields; k++)
                if (rd->fields[k].optional)
                    scn_store(item, rd->fields[k].offset, rd->fields[k].type, true, false, (lov_value){.i = 0});
            for (size_t j = 0; j < m->ncols; j++) {
                int k = m->field_of_col[j];
                if (k < 0)
                    continue;
                if (!rd) {
                    lov_field_desc one = *f;
                    one.offset = 0;
                    if (!cells[j])
                        return fail(e, f->name, "an item of '%s' is empty%s", f->name, "");
                    if (!store_text(cells[j], &one, f->elem_type, false, item, s->money_ore, f->name, e))
                        return false;
                    continue;
                }
                const lov_field_desc *x = &rd->fields[k];
                if (!cells[j]) {
                    if (x->optional)
                        continue;
                    fail(e, NULL, "the field '%s' of an item of '%s' is empty (only an optional field may be)",
                                x->name, f->name);
                    snprintf(e->fact, sizeof e->fact, "%s.%s", f->name, x->name);
                    return false;
                }
                /* The fact's name is made only for the message. */
                if (!store_text(cells[j], x, x->type, x->optional, item, s->money_ore, NULL, e)) {
                    snprintf(e->fact, sizeof e->fact, "%s.%s", f->name, x->name);
                    return false;
                }
            }
        }
        e->line = 0;
        e->file = NULL;
        set_known(c->input, f);
        set_list(c->input, f, items, rows->n);
    }
    return true;
}

/* ---- JSON Lines ---- */

/* jansson builds a tree of small blocks for every line; on the threads of a
 * run they come from the thread's own buffer, all given back at once when
 * the line is done (cl_json_memory_begin), instead of one malloc and free
 * each. A block the buffer cannot hold comes from malloc as before. */
enum { JSON_BUFFER = 1 << 20 };
static _Thread_local char *json_buf;
static _Thread_local size_t json_used;

static void *json_block(size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (!json_buf)
        json_buf = xmalloc(JSON_BUFFER);
    if (n <= JSON_BUFFER - json_used) {
        void *p = json_buf + json_used;
        json_used += n;
        return p;
    }
    return malloc(n);
}

static void json_unblock(void *p)
{
    char *c = p;
    if (!json_buf || c < json_buf || c >= json_buf + JSON_BUFFER)
        free(p);
}

void cl_json_memory_begin(void)
{
    json_set_alloc_funcs(json_block, json_unblock);
}

void cl_json_memory_end(void)
{
    json_set_alloc_funcs(malloc, free);
}

void cl_json_memory_thread_end(void)
{
    free(json_buf);
    json_buf = NULL;
    json_used = 0;
}

static bool json_field(json_t *j, const lov_field_desc *f, lov_type t, bool optional, char *base, bool ore,
                       const char *fact, cl_error *e)
{
    if (json_is_null(j)) {
        if (!optional)
            return fail(e, fact, "'%s' cannot be null: it is not optional (leave it out when it is not known)%s",
                        fact, "");
        scn_store(base, f->offset, t, true, false, (lov_value){.i = 0});
        return true;
    }
    if (json_is_string(j))
        return store_text(json_string_value(j), f, t, optional, base, ore, fact, e);
    lov_value v;
    if (!parse_json(j, t, f->enum_desc, ore, &v))
        return fail(e, fact, "this value is not %s%s", type_words(t, ore),
                    json_is_real(j) && (t == LOV_T_MONEY || t == LOV_T_DECIMAL)
                    ? " (a number with a fraction is not exact in JSON: write it as text)" : "");
    scn_store(base, f->offset, t, optional, true, v);
    return true;
}

static bool json_record(json_t *j, const lov_record_desc *rd, char *item, const char *list, bool ore, cl_error *e)
{
    char fact[512];
    if (!json_is_object(j))
        return fail(e, list, "an item of '%s' must be an object with the fields of %s", list, rd->name);
    const char *name;
    json_t *val;
    json_object_foreach(j, name, val) {
        const lov_field_desc *x = NULL;
        for (uint32_t k = 0; k < rd->nfields; k++)
            if (strcmp(rd->fields[k].name, name) == 0)
                x = &rd->fields[k];
        if (!x)
            return fail(e, list, "an item of '%s' has a field '%s' that its records do not have", list, name);
    }
    for (uint32_t k = 0; k < rd->nfields; k++) {
        const lov_field_desc *x = &rd->fields[k];
        json_t *v = json_object_get(j, x->name);
        if (!v && x->optional)
            v = json_null();
        bool ok = v ? json_field(v, x, x->type, x->optional, item, ore, x->name, e)
                    : fail(e, NULL, "an item of '%s' has no '%s'", list, x->name);
        if (!ok) {
            /* The fact's name is made only for the message. */
            snprintf(fact, sizeof fact, "%s.%s", list, x->name);
            snprintf(e->fact, sizeof e->fact, "%s", fact);
            return false;
        }
    }
    return true;
}

static bool json_fact(const cl_schema *s, cl_case *c, int i, json_t *j, cl_error *e)
{
    const lov_field_desc *f = &s->d->inputs[i];
    if (json_is_null(j) && !f->optional)
        return true;  /* null: not supplied */
    set_known(c->input, f);
    if (f->type == LOV_T_RECORD)
        return json_record(j, f->record, c->input + f->offset, f->name, s->money_ore, e);
    if (f->type != LOV_T_LIST)
        return json_field(j, f, f->type, f->optional, c->input, s->money_ore, f->name, e);
    if (!json_is_array(j))
        return fail(e, f->name, "'%s' is a list: write its items as a JSON array%s", f->name, "");
    size_t n = json_array_size(j), size = value_item_size(f);
    char *items = items_for(c, f, (uint32_t)i, n);
    for (size_t k = 0; k < n; k++) {
        json_t *x = json_array_get(j, k);
        if (f->record) {
            if (!json_record(x, f->record, items + k * size, f->name, s->money_ore, e))
                return false;
        } else {
            lov_field_desc one = *f;
            one.offset = 0;
            if (!json_field(x, &one, f->elem_type, false, items + k * size, s->money_ore, f->name, e))
                return false;
        }
    }
    set_list(c->input, f, items, n);
    return true;
}

static bool cl_decode_begin(const cl_schema *s, const cl_record *rec, cl_case *c, cl_error *e);

/* The line as a tree; NULL with the error. */
static json_t *parse_line(const cl_record *rec, cl_error *e)
{
    json_error_t err;
    json_t *root = json_loadb(rec->json, rec->json_len, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        char col[32];
        snprintf(col, sizeof col, "%d", err.column);
        json_used = 0;
        fail(e, NULL, "the line is not JSON (column %s: %s)", col, err.text);
        return NULL;
    }
    if (!json_is_object(root)) {
        json_decref(root);
        json_used = 0;
        fail(e, NULL, "a case is a JSON object: {\"fact\": value, ...}%s%s", "", "");
        return NULL;
    }
    return root;
}

static void done_line(json_t *root)
{
    json_decref(root);
    json_used = 0;  /* the line's tree is given back */
}

/* The facts of the tree into the case. */
static bool decode_tree(const cl_schema *s, json_t *root, cl_case *c, cl_error *e)
{
    const char *name;
    json_t *val;
    if (s->key) {
        json_t *k = json_object_get(root, s->key);
        if (json_is_string(k))
            snprintf(c->key, sizeof c->key, "%s", json_string_value(k));
        else if (json_is_integer(k))
            snprintf(c->key, sizeof c->key, "%lld", (long long)json_integer_value(k));
        else if (k)
            return fail(e, s->key, "the case key '%s' must be text or a whole number%s", s->key, "");
    }
    json_object_foreach(root, name, val) {
        if (s->key && strcmp(name, s->key) == 0 && input_named(s->d, name) < 0)
            continue;
        int i = input_named(s->d, name);
        if (i < 0) {
            if (s->lenient)
                continue;
            return fail(e, name, "the rules %s have no input '%s'", s->d->name, name);
        }
        if (!json_fact(s, c, i, val, e))
            return false;
    }
    return true;
}

static bool decode_json(const cl_schema *s, const cl_record *rec, cl_case *c, cl_error *e)
{
    json_t *root = parse_line(rec, e);
    if (!root)
        return false;
    bool ok = decode_tree(s, root, c, e);
    done_line(root);
    return ok;
}

bool cl_decode_both(const cl_schema *a, const cl_schema *b, const cl_record *rec, cl_case *ca, cl_case *cb,
                    cl_error *e)
{
    if (a->format != CL_JSONL || rec->error)
        return cl_decode(a, rec, ca, e) && cl_decode(b, rec, cb, e);
    if (!cl_decode_begin(a, rec, ca, e) || !cl_decode_begin(b, rec, cb, e))
        return false;
    json_t *root = parse_line(rec, e);
    if (!root)
        return false;
    bool ok = decode_tree(a, root, ca, e) && decode_tree(b, root, cb, e);
    /* A fact neither rule set reads is a mistake in the record, as in lovc run. */
    const char *name;
    json_t *val;
    if (ok)
        json_object_foreach(root, name, val)
            if (input_named(a->d, name) < 0 && input_named(b->d, name) < 0 && !(a->key && strcmp(name, a->key) == 0)) {
                ok = fail(e, name, "neither rule set has an input '%s'%s", name, "");
                break;
            }
    done_line(root);
    return ok;
}

/* The case emptied, and the reader's own verdict on the record. */
static bool cl_decode_begin(const cl_schema *s, const cl_record *rec, cl_case *c, cl_error *e)
{
    memset(c->input, 0, s->d->input_size);
    e->fact[0] = e->why[0] = '\0';
    e->line = 0;
    e->file = NULL;
    c->key[0] = '\0';
    if (rec->key)
        snprintf(c->key, sizeof c->key, "%s", rec->key);
    if (rec->error) {
        snprintf(e->fact, sizeof e->fact, "%s", rec->error_fact ? rec->error_fact : "");
        snprintf(e->why, sizeof e->why, "%s", rec->error);
        e->line = rec->error_line;
        e->file = rec->error_file;
        return false;
    }
    return true;
}

bool cl_decode(const cl_schema *s, const cl_record *rec, cl_case *c, cl_error *e)
{
    if (!cl_decode_begin(s, rec, c, e))
        return false;
    return s->format == CL_JSONL ? decode_json(s, rec, c, e) : decode_csv(s, rec, c, e);
}

/* ---- Reference dates ---- */

static bool date_after(const char *base, const lov_field_desc *f, lov_date date)
{
    bool present;
    lov_value v;
    scn_load(base, f->offset, LOV_T_DATE, f->optional, &present, &v);
    return present && v.date > date;
}

void cl_case_on_date(const cl_schema *s, const cl_case *src, lov_date date, cl_case *dst)
{
    const lov_module_desc *d = s->d;
    memcpy(dst->input, src->input, d->input_size);
    snprintf(dst->key, sizeof dst->key, "%s", src->key);
    if (d->reference_input >= 0) {
        const lov_field_desc *r = &d->inputs[d->reference_input];
        set_known(dst->input, r);
        scn_store(dst->input, r->offset, LOV_T_DATE, r->optional, true, (lov_value){.date = date});
    }
    const cl_events *ev = s->ev;
    for (uint32_t i = 0; ev && i < d->ninputs && i < ev->ninputs; i++) {
        const lov_field_desc *f = &d->inputs[i];
        bool known;
        memcpy(&known, src->input + f->known_offset, sizeof known);
        if (!known || (int32_t)i == d->reference_input)
            continue;
        if (f->type == LOV_T_DATE && ev->input[i] && date_after(src->input, f, date)) {
            if (f->optional)
                scn_store(dst->input, f->offset, LOV_T_DATE, true, false, (lov_value){.i = 0});
            else
                memset(dst->input + f->known_offset, 0, sizeof known);  /* not known yet on that day */
            continue;
        }
        if (f->type != LOV_T_LIST || (!ev->field[i] && !(ev->input[i] && f->elem_type == LOV_T_DATE)))
            continue;
        const char *items;
        size_t n;
        memcpy(&items, src->input + f->offset, sizeof items);
        memcpy(&n, src->input + f->count_offset, sizeof n);
        size_t size = value_item_size(f), kept = 0;
        char *out = items_for(dst, f, i, n);
        for (size_t k = 0; k < n; k++) {
            const char *item = items + k * size;
            bool later = false;
            if (f->record) {
                for (uint32_t x = 0; x < f->record->nfields && !later; x++)
                    later = ev->field[i][x] && f->record->fields[x].type == LOV_T_DATE
                            && date_after(item, &f->record->fields[x], date);
            } else {
                lov_date v;
                memcpy(&v, item, sizeof v);
                later = v > date;
            }
            if (!later)
                memcpy(out + kept++ * size, item, size);
        }
        set_list(dst->input, f, out, kept);
    }
}

bool cl_dates_parse(const run_options *o, lov_date *from, lov_date *until, cl_every *every, char *why,
                    size_t whylen)
{
    *from = *until = 0;
    *every = CL_EVERY_MONTH;
    if (!o->dates) {
        if (o->every)
            snprintf(why, whylen, "--every needs --dates FROM..UNTIL");
        return !o->every;
    }
    const char *dots = strstr(o->dates, "..");
    if (!dots || lov_date_parse(o->dates, (size_t)(dots - o->dates), from) != 0
        || lov_date_parse(dots + 2, strlen(dots + 2), until) != 0) {
        snprintf(why, whylen, "--dates needs two dates, FROM..UNTIL (2018-01-01..2020-12-01), not '%s'", o->dates);
        return false;
    }
    if (*until < *from) {
        snprintf(why, whylen, "--dates %s: the range ends before it starts", o->dates);
        return false;
    }
    const char *e = o->every ? o->every : "month";
    if (strcmp(e, "day") == 0)
        *every = CL_EVERY_DAY;
    else if (strcmp(e, "week") == 0)
        *every = CL_EVERY_WEEK;
    else if (strcmp(e, "month") == 0)
        *every = CL_EVERY_MONTH;
    else if (strcmp(e, "year") == 0)
        *every = CL_EVERY_YEAR;
    else {
        snprintf(why, whylen, "--every needs day, week, month or year, not '%s'", e);
        return false;
    }
    return true;
}

bool cl_dates_next(lov_date from, cl_every every, long k, lov_date until, lov_date *d)
{
    lov_status st;
    switch (every) {
    case CL_EVERY_DAY: st = lov_date_add_days(from, k, d); break;
    case CL_EVERY_WEEK: st = lov_date_add_days(from, 7 * (int64_t)k, d); break;
    case CL_EVERY_YEAR: st = lov_date_add_months(from, 12 * (int64_t)k, LOV_MONTH_END_CLAMP, d); break;
    default: st = lov_date_add_months(from, k, LOV_MONTH_END_CLAMP, d); break;
    }
    return st == LOV_OK && *d <= until;
}

/* ---- Status ---- */

lov_status cl_case_status(const lov_module_desc *d, const void *output)
{
    static const int rank[] = {0, 2, 1, 3, 4, 5};  /* as the generated C ranks them */
    lov_status worst = LOV_OK;
    for (uint32_t k = 0; k < d->noutputs; k++) {
        const lov_field_desc *f = &d->outputs[k];
        if (f->provision >= 0 && (uint32_t)f->provision < d->nprovisions
            && d->provisions[f->provision].kind == LOV_PROV_ASSERTION)
            continue;
        lov_status s;
        memcpy(&s, (const char *)output + f->status_offset, sizeof s);
        if ((unsigned)s <= LOV_INVALID_INPUT && rank[s] > rank[worst])
            worst = s;
    }
    return worst;
}

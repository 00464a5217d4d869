/* SPDX-License-Identifier: Apache-2.0 */
/* Cases and decisions as JSON (jansson). Values are written as in scenario
 * suites ("1 066 kr", "2020-04-02", "6 months", a case's name), and whole
 * numbers and yes/no may be plain JSON; money and decimals are never read
 * from JSON's binary fractions, only from exact text. */
#include "commands/case_json.h"

#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/lov_date_text.h"
#include "core/lov_decimal_text.h"
#include "core/lov_money_text.h"
#include "commands/value_text.h"
#include "suites/scenario.h"
#include "support/util.h"

/* ---- Reading ---- */

/* One value of type t from JSON; false when it is not one. */
static bool read_value(json_t *j, lov_type t, const lov_enum_desc *e, lov_value *v)
{
    memset(v, 0, sizeof *v);
    const char *s = json_is_string(j) ? json_string_value(j) : NULL;
    switch (t) {
    case LOV_T_BOOL:
        if (json_is_boolean(j)) {
            v->b = json_is_true(j);
            return true;
        }
        if (s && (strcmp(s, "yes") == 0 || strcmp(s, "no") == 0)) {
            v->b = strcmp(s, "yes") == 0;
            return true;
        }
        return false;
    case LOV_T_INT:
        if (json_is_integer(j)) {
            v->i = json_integer_value(j);
            return true;
        }
        if (s) {
            char *end;
            errno = 0;
            long long n = strtoll(s, &end, 10);
            v->i = n;
            return *s && !*end && errno == 0;
        }
        return false;
    case LOV_T_DECIMAL:
        if (json_is_integer(j)) {
            v->dec = lov_dec_from_int(json_integer_value(j));
            return true;
        }
        return s && lov_dec_parse(s, strlen(s), &v->dec) == 0;
    case LOV_T_MONEY:
        return s && lov_money_parse(s, strlen(s), &v->money) == 0;
    case LOV_T_DATE:
        return s && lov_date_parse(s, strlen(s), &v->date) == 0;
    case LOV_T_DURATION:
        return s && value_text_duration(s, &v->dur);
    case LOV_T_ENUM:
        return s && value_text_case(e, s, &v->enum_case);
    default:
        return false;
    }
}

static const char *type_words(lov_type t)
{
    switch (t) {
    case LOV_T_BOOL: return "yes or no (true or false)";
    case LOV_T_INT: return "a whole number";
    case LOV_T_DECIMAL: return "an exact decimal number, written as text (\"0.5\")";
    case LOV_T_MONEY: return "an amount, written as text (\"1 066 kr\", \"12.50 kr\")";
    case LOV_T_DATE: return "a date, written as text (\"2020-04-02\")";
    case LOV_T_DURATION: return "a duration, written as text (\"6 months\", \"14 days\")";
    case LOV_T_ENUM: return "one of the cases of its enumeration, written as text";
    default: return "a value";
    }
}

/* A single value (possibly optional: null is absent) into base + f->offset. */
static bool read_field(json_t *j, const lov_field_desc *f, char *base, const char *what, char *why, size_t whylen)
{
    if (json_is_null(j)) {
        if (!f->optional) {
            snprintf(why, whylen, "%s is not optional: it cannot be null (leave it out when it is not known)", what);
            return false;
        }
        scn_store(base, f->offset, f->type, true, false, (lov_value){.i = 0});
        return true;
    }
    lov_value v;
    if (!read_value(j, f->type, f->enum_desc, &v)) {
        snprintf(why, whylen, "%s must be %s", what, type_words(f->type));
        return false;
    }
    scn_store(base, f->offset, f->type, f->optional, true, v);
    return true;
}

static bool read_record(json_t *j, const lov_record_desc *r, char *item, const char *what, char *why, size_t whylen)
{
    if (!json_is_object(j)) {
        snprintf(why, whylen, "%s must be an object with the fields of %s", what, r->name);
        return false;
    }
    const char *key;
    json_t *val;
    json_object_foreach(j, key, val) {
        bool found = false;
        for (uint32_t k = 0; k < r->nfields; k++)
            found |= strcmp(r->fields[k].name, key) == 0;
        if (!found) {
            snprintf(why, whylen, "%s has no field '%s' (%s)", what, key, r->name);
            return false;
        }
    }
    for (uint32_t k = 0; k < r->nfields; k++) {
        const lov_field_desc *f = &r->fields[k];
        json_t *x = json_object_get(j, f->name);
        char fw[512];
        snprintf(fw, sizeof fw, "%s, field '%s',", what, f->name);
        if (!x && f->optional)
            x = json_null();
        if (!x) {
            snprintf(why, whylen, "%s has no '%s'", what, f->name);
            return false;
        }
        if (!read_field(x, f, item, fw, why, whylen))
            return false;
    }
    return true;
}

static bool read_fact(json_case *c, const lov_field_desc *f, json_t *j, char *why, size_t whylen)
{
    char what[512];
    snprintf(what, sizeof what, "the fact '%s'", f->name);
    char *in = c->input;
    bool known = true;
    memcpy(in + f->known_offset, &known, sizeof known);
    if (f->type == LOV_T_RECORD)
        return read_record(j, f->record, in + f->offset, what, why, whylen);
    if (f->type != LOV_T_LIST)
        return read_field(j, f, in, what, why, whylen);
    if (!json_is_array(j)) {
        snprintf(why, whylen, "%s is a list: write its items as a JSON array", what);
        return false;
    }
    size_t n = json_array_size(j), size = value_item_size(f);
    char *items = xcalloc(n ? n : 1, size);
    c->lists[c->nlists++] = items;
    for (size_t i = 0; i < n; i++) {
        char iw[600];
        snprintf(iw, sizeof iw, "item %zu of %s", i + 1, what);
        json_t *x = json_array_get(j, i);
        if (f->record) {
            if (!read_record(x, f->record, items + i * size, iw, why, whylen))
                return false;
        } else {
            lov_field_desc one = *f;
            one.type = f->elem_type;
            one.offset = 0;
            one.optional = false;
            if (!read_field(x, &one, items + i * size, iw, why, whylen))
                return false;
        }
    }
    memcpy(in + f->offset, &items, sizeof items);
    memcpy(in + f->count_offset, &n, sizeof n);
    return true;
}

bool json_case_read(json_case *c, const lov_module_desc *d, const char *path, char *why, size_t whylen)
{
    memset(c, 0, sizeof *c);
    json_error_t err;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        snprintf(why, whylen, "%s:%d:%d: not a JSON case: %s", path, err.line, err.column, err.text);
        return false;
    }
    c->input = xcalloc(1, d->input_size);
    c->lists = xcalloc(d->ninputs + 1, sizeof *c->lists);
    json_t *facts = json_object_get(root, "facts");
    bool ok = json_is_object(root) && json_is_object(facts);
    if (!ok)
        snprintf(why, whylen, "%s: a case is a JSON object with the facts in \"facts\": {\"name\": value, ...}",
                 path);
    const char *key;
    json_t *val;
    if (ok)
        json_object_foreach(root, key, val)
            if (ok && strcmp(key, "facts") != 0) {
                snprintf(why, whylen, "%s: a case has only \"facts\", not \"%s\"", path, key);
                ok = false;
            }
    if (ok)
        json_object_foreach(facts, key, val) {
            if (!ok)
                break;
            const lov_field_desc *f = NULL;
            for (uint32_t i = 0; i < d->ninputs; i++)
                if (strcmp(d->inputs[i].name, key) == 0)
                    f = &d->inputs[i];
            char reason[1024];
            if (!f) {
                snprintf(why, whylen, "%s: the rules have no input '%s'", path, key);
                ok = false;
            } else if (!read_fact(c, f, val, reason, sizeof reason)) {
                snprintf(why, whylen, "%s: %s", path, reason);
                ok = false;
            }
        }
    json_decref(root);
    if (!ok)
        json_case_free(c);
    return ok;
}

void json_case_free(json_case *c)
{
    for (size_t i = 0; i < c->nlists; i++)
        free(c->lists[i]);
    free(c->lists);
    free(c->input);
    memset(c, 0, sizeof *c);
}

/* ---- Writing ---- */

static json_t *value_json(lov_type t, const lov_enum_desc *e, bool present, lov_value v)
{
    if (!present)
        return json_null();
    if (t == LOV_T_BOOL)
        return json_boolean(v.b);
    if (t == LOV_T_INT)
        return json_integer(v.i);
    char buf[256];
    scn_format_value(buf, sizeof buf, t, e, present, v);
    return json_string(buf);
}

static const char *reason_name(uint32_t r)
{
    static const char *const names[] = {"none", "out of force", "no parameter value", "missing fact", "no rule",
                                        "conflict", "arithmetic", "invalid input", "external"};
    return r < sizeof names / sizeof names[0] ? names[r] : "unknown";
}

static const char *event_name(uint8_t ev)
{
    static const char *const names[] = {"value", "applies", "does not apply", "met", "not met", "failed"};
    return ev < sizeof names / sizeof names[0] ? names[ev] : "unknown";
}

static json_t *provision_json(const lov_module_desc *d, int32_t p)
{
    if (p < 0 || (uint32_t)p >= d->nprovisions)
        return json_null();
    const lov_provision_desc *x = &d->provisions[p];
    char buf[1024];
    snprintf(buf, sizeof buf, "%s%s%s (%s %s)", x->name, x->label ? ", exception " : "", x->label ? x->label : "",
             x->source ? x->source : "", x->citation ? x->citation : "");
    return json_string(buf);
}

bool json_decision_write(FILE *out, const lov_module_desc *d, const void *output, lov_status st,
                         const lov_trace *trace)
{
    const char *o = output;
    json_t *root = json_object();
    json_object_set_new(root, "module", json_string(d->name));
    json_object_set_new(root, "status", json_string(lov_status_name(st)));
    lov_result_info info;
    memcpy(&info, o + d->info_offset, sizeof info);
    if (st != LOV_OK) {
        json_t *r = json_object();
        json_object_set_new(r, "reason", json_string(reason_name(info.reason)));
        if (info.input >= 0 && info.reason == LOV_REASON_EXTERNAL && (uint32_t)info.input < d->nexternals)
            json_object_set_new(r, "external", json_string(d->externals[info.input].name));
        else if (info.input >= 0 && (uint32_t)info.input < d->ninputs)
            json_object_set_new(r, "input", json_string(d->inputs[info.input].name));
        if (info.provision >= 0)
            json_object_set_new(r, "provision", provision_json(d, info.provision));
        if (info.other_provision >= 0)
            json_object_set_new(r, "other provision", provision_json(d, info.other_provision));
        json_object_set_new(root, "reason", r);
    }
    json_t *missing = json_array();
    for (uint32_t i = 0; i < d->ninputs; i++) {
        uint64_t word;
        memcpy(&word, o + d->missing_offset + (size_t)(i / 64) * 8, sizeof word);
        if ((word >> (i % 64)) & 1)
            json_array_append_new(missing, json_string(d->inputs[i].name));
    }
    json_object_set_new(root, "missing", missing);
    json_t *outputs = json_object();
    for (uint32_t k = 0; k < d->noutputs; k++) {
        const lov_field_desc *f = &d->outputs[k];
        json_t *x = json_object();
        lov_status s;
        memcpy(&s, o + f->status_offset, sizeof s);
        const lov_provision_desc *p = f->provision >= 0 ? &d->provisions[f->provision] : NULL;
        json_object_set_new(x, "kind", json_string(p && p->kind == LOV_PROV_ASSERTION ? "assertion"
                                                   : f->adverse ? "adverse outcome" : f->outcome ? "outcome"
                                                   : "definition"));
        json_object_set_new(x, "status", json_string(lov_status_name(s)));
        bool present;
        lov_value v;
        scn_load(o, f->offset, f->type, f->optional, &present, &v);
        if (s == LOV_OK || f->adverse)
            json_object_set_new(x, "value", value_json(f->type, f->enum_desc, present, v));
        if (f->held_offset) {
            uint32_t held;
            memcpy(&held, o + f->held_offset, sizeof held);
            json_object_set_new(x, "held back", json_boolean(held != 0));
        }
        json_object_set_new(outputs, f->name, x);
    }
    json_object_set_new(root, "outputs", outputs);
    if (trace) {
        json_t *steps = json_array();
        for (size_t i = 0; i < trace->count; i++) {
            const lov_trace_entry *t = &trace->entries[i];
            json_t *x = json_object();
            json_object_set_new(x, "provision", provision_json(d, (int32_t)t->provision));
            json_object_set_new(x, "event", json_string(event_name(t->event)));
            if (t->event == LOV_TRACE_FAILED)
                json_object_set_new(x, "status", json_string(lov_status_name((lov_status)t->status)));
            if (t->event == LOV_TRACE_VALUE && t->provision < d->nprovisions) {
                const lov_provision_desc *p = &d->provisions[t->provision];
                json_object_set_new(x, "value", value_json(p->type, p->enum_desc, t->present, t->value));
            }
            json_array_append_new(steps, x);
        }
        json_object_set_new(root, "trace", steps);
    }
    int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    return rc == 0 && fputc('\n', out) != EOF;
}

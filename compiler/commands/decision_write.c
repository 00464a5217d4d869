/* SPDX-License-Identifier: Apache-2.0 */
/* The decisions of a caseload as JSON Lines or CSV (caseload.h). Each
 * record is written into the worker's buffer, so N threads format at once
 * and the output is still written in input order. Values are written as
 * in suites ("1 067 kr", "2020-04-02"), booleans and whole numbers as
 * plain JSON. */
#include "commands/caseload.h"

#include <csv.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/lov_date_text.h"
#include "suites/scenario.h"

void cl_writer_init(cl_writer *w, const lov_module_desc *d, cl_format format, const run_options *o)
{
    memset(w, 0, sizeof *w);
    w->format = format;
    w->d = d;
    w->reasons = o->reasons;
    w->money_ore = o->money_ore;
    w->outputs = xcalloc(d->noutputs + 1, sizeof *w->outputs);
    for (uint32_t k = 0; k < d->noutputs; k++) {
        const lov_field_desc *f = &d->outputs[k];
        bool assertion = f->provision >= 0 && (uint32_t)f->provision < d->nprovisions
                         && d->provisions[f->provision].kind == LOV_PROV_ASSERTION;
        if ((f->outcome || f->adverse) && !assertion)
            w->outputs[w->noutputs++] = k;
    }
}

void cl_writer_free(cl_writer *w)
{
    free(w->outputs);
}

/* ---- Pieces ---- */

void cl_json_string(strbuf *out, const char *s)
{
    sb_putc(out, '"');
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        sb_putn(out, run, (size_t)(s - run));
        run = s + 1;
        if (c == '"' || c == '\\') {
            sb_putc(out, '\\');
            sb_putc(out, (char)c);
        } else if (c == '\n')
            sb_puts(out, "\\n");
        else if (c == '\t')
            sb_puts(out, "\\t");
        else if (c == '\r')
            sb_puts(out, "\\r");
        else
            sb_printf(out, "\\u%04x", c);
    }
    sb_putn(out, run, (size_t)(s - run));
    sb_putc(out, '"');
}

void cl_csv_cell(strbuf *out, const char *s)
{
    if (!s[strcspn(s, ",\"\r\n")] && s[0] != ' ') {
        sb_puts(out, s);
        return;
    }
    size_t n = strlen(s), cap = 2 * n + 3;
    char stack[512];
    char *buf = cap <= sizeof stack ? stack : xmalloc(cap);
    sb_putn(out, buf, csv_write(buf, cap, s, n));
    if (buf != stack)
        free(buf);
}

void cl_value_text(char *buf, size_t cap, const lov_field_desc *f, bool present, lov_value v, bool ore)
{
    if (f->type == LOV_T_MONEY && ore && present) {
        snprintf(buf, cap, "%" PRId64, v.money);
        return;
    }
    if (!present) {
        snprintf(buf, cap, "absent");
        return;
    }
    scn_format_value(buf, cap, f->type, f->enum_desc, present, v);
}

void cl_value_json(strbuf *out, const lov_field_desc *f, bool present, lov_value v, bool ore)
{
    if (!present) {
        sb_puts(out, "null");
        return;
    }
    if (f->type == LOV_T_BOOL) {
        sb_puts(out, v.b ? "true" : "false");
        return;
    }
    if (f->type == LOV_T_INT || (f->type == LOV_T_MONEY && ore)) {
        sb_printf(out, "%" PRId64, f->type == LOV_T_INT ? v.i : v.money);
        return;
    }
    char buf[256];
    scn_format_value(buf, sizeof buf, f->type, f->enum_desc, present, v);
    cl_json_string(out, buf);
}

void cl_provision_text(char *buf, size_t cap, const lov_module_desc *d, int32_t p)
{
    if (p < 0 || (uint32_t)p >= d->nprovisions) {
        snprintf(buf, cap, "(no provision)");
        return;
    }
    const lov_provision_desc *x = &d->provisions[p];
    snprintf(buf, cap, "%s%s%s (%s %s)", x->name, x->label ? ", exception " : "", x->label ? x->label : "",
             x->source ? x->source : "", x->citation ? x->citation : "");
}

static const char *reason_words(uint32_t r)
{
    static const char *const names[] = {"none", "out of force", "no parameter value", "missing fact", "no rule",
                                        "conflict", "arithmetic", "invalid input", "external"};
    return r < sizeof names / sizeof names[0] ? names[r] : "unknown";
}

/* Why the decision is not ok, in words: "missing fact: arbejdsevne". */
static void reason_text(char *buf, size_t cap, const lov_module_desc *d, const void *output)
{
    lov_result_info info;
    memcpy(&info, (const char *)output + d->info_offset, sizeof info);
    int n = snprintf(buf, cap, "%s", reason_words(info.reason));
    if (info.reason == LOV_REASON_EXTERNAL && info.input >= 0 && (uint32_t)info.input < d->nexternals)
        n += snprintf(buf + n, cap - (size_t)n, ": %s", d->externals[info.input].name);
    else if (info.input >= 0 && (uint32_t)info.input < d->ninputs)
        n += snprintf(buf + n, cap - (size_t)n, ": %s", d->inputs[info.input].name);
    if (info.provision >= 0 && (size_t)n < cap) {
        char p[512];
        cl_provision_text(p, sizeof p, d, info.provision);
        n += snprintf(buf + n, cap - (size_t)n, ", %s", p);
    }
    if (info.other_provision >= 0 && (size_t)n < cap) {
        char p[512];
        cl_provision_text(p, sizeof p, d, info.other_provision);
        snprintf(buf + n, cap - (size_t)n, " and %s", p);
    }
}

static bool is_missing(const lov_module_desc *d, const void *output, uint32_t i)
{
    uint64_t word;
    memcpy(&word, (const char *)output + d->missing_offset + (size_t)(i / 64) * 8, sizeof word);
    return (word >> (i % 64)) & 1;
}

/* Did this step decide output f (its rule gave the value, an exception
 * applied, a prerequisite was or was not met)? */
static bool decides(const lov_module_desc *d, const lov_trace_entry *t, const lov_field_desc *f)
{
    if (t->provision >= d->nprovisions)
        return false;
    const lov_provision_desc *p = &d->provisions[t->provision];
    if (strcmp(p->name, f->name) != 0)
        return false;
    return t->event == LOV_TRACE_APPLIES || t->event == LOV_TRACE_MET || t->event == LOV_TRACE_NOT_MET
           || (t->event == LOV_TRACE_VALUE && p->kind == LOV_PROV_DEFINITION) || t->event == LOV_TRACE_FAILED;
}

/* The distinct provisions that decided output f, in the trace's order. */
static size_t reasons_of(const lov_module_desc *d, const lov_trace *trace, const lov_field_desc *f, uint32_t *out,
                         size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < trace->count && n < cap; i++) {
        const lov_trace_entry *t = &trace->entries[i];
        if (!decides(d, t, f))
            continue;
        bool seen = false;
        for (size_t k = 0; k < n; k++)
            seen |= out[k] == t->provision;
        if (!seen)
            out[n++] = t->provision;
    }
    return n;
}

void cl_reasons_json(strbuf *out, const lov_module_desc *d, const lov_trace *trace, const lov_field_desc *f)
{
    uint32_t ps[64];
    size_t n = reasons_of(d, trace, f, ps, 64);
    sb_putc(out, '[');
    for (size_t i = 0; i < n; i++) {
        char p[512];
        cl_provision_text(p, sizeof p, d, (int32_t)ps[i]);
        if (i)
            sb_putc(out, ',');
        cl_json_string(out, p);
    }
    sb_putc(out, ']');
}

void cl_reasons_text(strbuf *out, const lov_module_desc *d, const lov_trace *trace, const lov_field_desc *f)
{
    uint32_t ps[64];
    size_t n = reasons_of(d, trace, f, ps, 64);
    for (size_t i = 0; i < n; i++) {
        char p[512];
        cl_provision_text(p, sizeof p, d, (int32_t)ps[i]);
        sb_printf(out, "%s%s", i ? "; " : "", p);
    }
}

/* ---- Records ---- */

void cl_write_header(strbuf *out, const cl_writer *w, const char *module_sha256)
{
    const lov_module_desc *d = w->d;
    if (w->format == CL_JSONL) {
        sb_puts(out, "{\"rules\":{\"module\":");
        cl_json_string(out, d->name);
        sb_puts(out, ",\"source\":");
        cl_json_string(out, d->source_file ? d->source_file : "");
        sb_puts(out, ",\"source_sha256\":");
        cl_json_string(out, d->source_sha256 ? d->source_sha256 : "");
        sb_puts(out, ",\"module_sha256\":");
        cl_json_string(out, module_sha256);
        sb_puts(out, ",\"compiler\":");
        cl_json_string(out, d->compiler_version ? d->compiler_version : "");
        sb_puts(out, "}}\n");
        return;
    }
    sb_puts(out, "line,key,date,status");
    for (uint32_t k = 0; k < w->noutputs; k++) {
        sb_putc(out, ',');
        cl_csv_cell(out, d->outputs[w->outputs[k]].name);
    }
    sb_puts(out, ",missing,reason,error");
    if (w->reasons)
        sb_puts(out, ",reasons");
    sb_putc(out, '\n');
}

void cl_write_decision(strbuf *out, const cl_writer *w, long line, const char *key, lov_date date,
                       const void *output, const lov_trace *trace)
{
    const lov_module_desc *d = w->d;
    const char *o = output;
    lov_status st = cl_case_status(d, output);
    char datebuf[LOV_DATE_BUFSIZE];
    if (date)
        lov_date_format(date, datebuf);
    char reason[2048] = "";
    if (st != LOV_OK)
        reason_text(reason, sizeof reason, d, output);
    if (w->format == CL_JSONL) {
        sb_printf(out, "{\"line\":%ld,\"key\":", line);
        if (key && *key)
            cl_json_string(out, key);
        else
            sb_puts(out, "null");
        sb_puts(out, ",\"date\":");
        if (date)
            cl_json_string(out, datebuf);
        else
            sb_puts(out, "null");
        sb_puts(out, ",\"status\":");
        cl_json_string(out, lov_status_name(st));
        sb_puts(out, ",\"outputs\":{");
        for (uint32_t k = 0; k < w->noutputs; k++) {
            const lov_field_desc *f = &d->outputs[w->outputs[k]];
            if (k)
                sb_putc(out, ',');
            cl_json_string(out, f->name);
            sb_putc(out, ':');
            lov_status s;
            memcpy(&s, o + f->status_offset, sizeof s);
            bool present;
            lov_value v;
            scn_load(o, f->offset, f->type, f->optional, &present, &v);
            if (s == LOV_OK)
                cl_value_json(out, f, present, v, w->money_ore);
            else
                sb_puts(out, "null");
        }
        sb_putc(out, '}');
        if (st != LOV_OK) {
            sb_puts(out, ",\"reason\":");
            cl_json_string(out, reason);
        }
        if (st == LOV_UNDETERMINED) {
            sb_puts(out, ",\"missing\":[");
            bool first = true;
            for (uint32_t i = 0; i < d->ninputs; i++)
                if (is_missing(d, output, i)) {
                    if (!first)
                        sb_putc(out, ',');
                    first = false;
                    cl_json_string(out, d->inputs[i].name);
                }
            sb_putc(out, ']');
        }
        if (w->reasons && trace) {
            sb_puts(out, ",\"reasons\":{");
            for (uint32_t k = 0; k < w->noutputs; k++) {
                const lov_field_desc *f = &d->outputs[w->outputs[k]];
                uint32_t ps[64];
                size_t n = reasons_of(d, trace, f, ps, 64);
                if (k)
                    sb_putc(out, ',');
                cl_json_string(out, f->name);
                sb_puts(out, ":[");
                for (size_t i = 0; i < n; i++) {
                    char p[512];
                    cl_provision_text(p, sizeof p, d, (int32_t)ps[i]);
                    if (i)
                        sb_putc(out, ',');
                    cl_json_string(out, p);
                }
                sb_putc(out, ']');
            }
            sb_putc(out, '}');
        }
        sb_puts(out, "}\n");
        return;
    }
    sb_printf(out, "%ld,", line);
    cl_csv_cell(out, key ? key : "");
    sb_printf(out, ",%s,%s", date ? datebuf : "", lov_status_name(st));
    for (uint32_t k = 0; k < w->noutputs; k++) {
        const lov_field_desc *f = &d->outputs[w->outputs[k]];
        sb_putc(out, ',');
        lov_status s;
        memcpy(&s, o + f->status_offset, sizeof s);
        if (s != LOV_OK)
            continue;
        bool present;
        lov_value v;
        scn_load(o, f->offset, f->type, f->optional, &present, &v);
        char buf[256];
        cl_value_text(buf, sizeof buf, f, present, v, w->money_ore);
        cl_csv_cell(out, buf);
    }
    sb_putc(out, ',');
    if (st == LOV_UNDETERMINED) {
        strbuf m;
        sb_init(&m);
        for (uint32_t i = 0; i < d->ninputs; i++)
            if (is_missing(d, output, i)) {
                if (m.len)
                    sb_puts(&m, "; ");
                sb_puts(&m, d->inputs[i].name);
            }
        cl_csv_cell(out, m.data ? m.data : "");
        sb_free(&m);
    }
    sb_putc(out, ',');
    cl_csv_cell(out, reason);
    sb_putc(out, ',');
    if (w->reasons && trace) {
        strbuf r;
        sb_init(&r);
        for (uint32_t k = 0; k < w->noutputs; k++) {
            const lov_field_desc *f = &d->outputs[w->outputs[k]];
            uint32_t ps[64];
            size_t n = reasons_of(d, trace, f, ps, 64);
            if (!n)
                continue;
            if (r.len)
                sb_puts(&r, " | ");
            sb_printf(&r, "%s:", f->name);
            for (size_t i = 0; i < n; i++) {
                char p[512];
                cl_provision_text(p, sizeof p, d, (int32_t)ps[i]);
                sb_printf(&r, "%s %s", i ? ";" : "", p);
            }
        }
        sb_putc(out, ',');
        cl_csv_cell(out, r.data ? r.data : "");
        sb_free(&r);
    }
    sb_putc(out, '\n');
}

/* "arbejde.csv line 7: ..." or the reason alone. */
static void error_text(char *buf, size_t cap, const cl_error *e)
{
    if (e->file)
        snprintf(buf, cap, "%s:%ld: %s", e->file, e->line, e->why);
    else
        snprintf(buf, cap, "%s", e->why);
}

void cl_write_error(strbuf *out, const cl_writer *w, long line, const char *key, const cl_error *e)
{
    char why[2048];
    error_text(why, sizeof why, e);
    if (w->format == CL_JSONL) {
        sb_printf(out, "{\"line\":%ld,\"key\":", line);
        if (key && *key)
            cl_json_string(out, key);
        else
            sb_puts(out, "null");
        sb_puts(out, ",\"status\":\"error\",\"fact\":");
        if (e->fact[0])
            cl_json_string(out, e->fact);
        else
            sb_puts(out, "null");
        sb_puts(out, ",\"error\":");
        cl_json_string(out, why);
        sb_puts(out, "}\n");
        return;
    }
    sb_printf(out, "%ld,", line);
    cl_csv_cell(out, key ? key : "");
    sb_puts(out, ",,error");
    for (uint32_t k = 0; k < w->noutputs; k++)
        sb_putc(out, ',');
    sb_puts(out, ",,");
    char full[2700];
    snprintf(full, sizeof full, "%s%s%s", e->fact[0] ? e->fact : "", e->fact[0] ? ": " : "", why);
    sb_putc(out, ',');
    cl_csv_cell(out, full);
    if (w->reasons)
        sb_putc(out, ',');
    sb_putc(out, '\n');
}

void cl_write_summary(strbuf *out, const cl_writer *w, uint64_t cases, uint64_t decisions, uint64_t bad,
                      const char *module_sha256)
{
    if (w->format != CL_JSONL)
        return;
    sb_printf(out, "{\"summary\":{\"cases\":%" PRIu64 ",\"decisions\":%" PRIu64 ",\"bad_rows\":%" PRIu64
              ",\"module_sha256\":", cases, decisions, bad);
    cl_json_string(out, module_sha256);
    sb_puts(out, "}}\n");
}

/* SPDX-License-Identifier: Apache-2.0 */
/* lovc diff OLD.lov NEW.lov --input CASES: every case (and date) of a
 * caseload that the two rule sets decide differently. Both are loaded as
 * 'lovc run' loads one; each record is decoded for each (a fact only one
 * of them reads is left to it), both decide it, and the outputs they share
 * are compared: per output the cases that change and, for amounts, the
 * sum of the differences; then each case that changes. An output only one
 * of them has is named as such. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands/caseload_module.h"
#include "commands/cmd_run.h"
#include "commands/commands.h"
#include "core/lov_date_text.h"
#include "core/lov_money_text.h"
#include "suites/scenario.h"

enum { N_CASES, N_DECISIONS, N_BAD, N_CHANGED };

/* An output both rule sets have. */
typedef struct shared_output {
    const lov_field_desc *old, *new_;
} shared_output;

typedef struct diff_side {
    cl_module cm;
    cl_schema *schema;
} diff_side;

typedef struct diff_worker {
    cl_case src[2], day[2];
    char *out[2];
    lov_trace trace[2];      /* --reasons: each side's steps */
} diff_worker;

/* Per chunk: the changes of each shared output. */
typedef struct diff_tally {
    uint64_t changed;
    int64_t money;           /* new - old, øre */
    bool overflow;
} diff_tally;

typedef struct diff_ctx {
    diff_side side[2];
    shared_output *shared;
    size_t nshared;
    diff_tally *total;
    diff_worker *workers;
    cl_format format;
    bool ore;
    bool reasons;            /* --reasons: the provisions on each side that made the difference */
    lov_date from, until;
    cl_every every;
} diff_ctx;

static void value_of(const lov_field_desc *f, const char *out, lov_status *st, char *buf, size_t cap, bool ore,
                     bool *present, lov_value *v)
{
    memcpy(st, out + f->status_offset, sizeof *st);
    scn_load(out, f->offset, f->type, f->optional, present, v);
    if (*st == LOV_OK)
        cl_value_text(buf, cap, f, *present, *v, ore);
    else
        snprintf(buf, cap, "(%s)", lov_status_name(*st));
}

/* Compares the two decisions and writes the case when they differ. */
static void compare(diff_ctx *x, diff_worker *w, cl_chunk *c, const cl_record *rec, const char *key, lov_date date)
{
    diff_tally *t = c->extra;
    strbuf line;
    sb_init(&line);
    bool any = false;
    char datebuf[LOV_DATE_BUFSIZE] = "";
    if (date)
        lov_date_format(date, datebuf);
    for (size_t k = 0; k < x->nshared; k++) {
        const shared_output *s = &x->shared[k];
        lov_status so, sn;
        char vo[256], vn[256];
        bool po, pn;
        lov_value a, b;
        value_of(s->old, w->out[0], &so, vo, sizeof vo, x->ore, &po, &a);
        value_of(s->new_, w->out[1], &sn, vn, sizeof vn, x->ore, &pn, &b);
        if (strcmp(vo, vn) == 0)
            continue;
        t[k].changed++;
        if (s->old->type == LOV_T_MONEY && so == LOV_OK && sn == LOV_OK && po && pn) {
            int64_t dlt;
            if (__builtin_sub_overflow(b.money, a.money, &dlt) || __builtin_add_overflow(t[k].money, dlt, &t[k].money))
                t[k].overflow = true;
        }
        if (x->format == CL_JSONL) {
            sb_puts(&line, any ? "," : "");
            cl_json_string(&line, s->old->name);
            sb_puts(&line, ":{\"old\":");
            if (so == LOV_OK)
                cl_value_json(&line, s->old, po, a, x->ore);
            else
                cl_json_string(&line, vo);
            sb_puts(&line, ",\"new\":");
            if (sn == LOV_OK)
                cl_value_json(&line, s->new_, pn, b, x->ore);
            else
                cl_json_string(&line, vn);
            if (x->reasons) {
                sb_puts(&line, ",\"old_reasons\":");
                cl_reasons_json(&line, x->side[0].cm.m.desc, &w->trace[0], s->old);
                sb_puts(&line, ",\"new_reasons\":");
                cl_reasons_json(&line, x->side[1].cm.m.desc, &w->trace[1], s->new_);
            }
            sb_putc(&line, '}');
        } else {
            sb_printf(&line, "%ld,", rec->line);
            cl_csv_cell(&line, key ? key : "");
            sb_printf(&line, ",%s,", datebuf);
            cl_csv_cell(&line, s->old->name);
            sb_putc(&line, ',');
            cl_csv_cell(&line, vo);
            sb_putc(&line, ',');
            cl_csv_cell(&line, vn);
            if (x->reasons)
                for (int side = 0; side < 2; side++) {
                    strbuf r;
                    sb_init(&r);
                    cl_reasons_text(&r, x->side[side].cm.m.desc, &w->trace[side], side ? s->new_ : s->old);
                    sb_putc(&line, ',');
                    cl_csv_cell(&line, r.data ? r.data : "");
                    sb_free(&r);
                }
            sb_putc(&line, '\n');
        }
        any = true;
    }
    if (any) {
        c->counts[N_CHANGED]++;
        if (x->format == CL_JSONL) {
            sb_printf(&c->out, "{\"line\":%ld,\"key\":", rec->line);
            if (key && *key)
                cl_json_string(&c->out, key);
            else
                sb_puts(&c->out, "null");
            sb_puts(&c->out, ",\"date\":");
            if (date)
                cl_json_string(&c->out, datebuf);
            else
                sb_puts(&c->out, "null");
            sb_puts(&c->out, ",\"changes\":{");
            sb_putn(&c->out, line.data, line.len);
            sb_puts(&c->out, "}}\n");
        } else
            sb_putn(&c->out, line.data, line.len);
    }
    sb_free(&line);
}

static void write_bad(diff_ctx *x, cl_chunk *c, const cl_record *rec, const char *key, const cl_error *e)
{
    char why[2048];
    if (e->file)
        snprintf(why, sizeof why, "%s:%ld: %s", e->file, e->line, e->why);
    else
        snprintf(why, sizeof why, "%s", e->why);
    if (x->format == CL_JSONL) {
        sb_printf(&c->out, "{\"line\":%ld,\"key\":", rec->line);
        if (key && *key)
            cl_json_string(&c->out, key);
        else
            sb_puts(&c->out, "null");
        sb_puts(&c->out, ",\"status\":\"error\",\"fact\":");
        if (e->fact[0])
            cl_json_string(&c->out, e->fact);
        else
            sb_puts(&c->out, "null");
        sb_puts(&c->out, ",\"error\":");
        cl_json_string(&c->out, why);
        sb_puts(&c->out, "}\n");
        return;
    }
    sb_printf(&c->out, "%ld,", rec->line);
    cl_csv_cell(&c->out, key ? key : "");
    sb_puts(&c->out, ",,error,,");
    char full[2700];
    snprintf(full, sizeof full, "%s%s%s", e->fact[0] ? e->fact : "", e->fact[0] ? ": " : "", why);
    cl_csv_cell(&c->out, full);
    sb_putc(&c->out, '\n');
}

static void diff_decide(void *ctx, int id, cl_chunk *c)
{
    diff_ctx *x = ctx;
    diff_worker *w = &x->workers[id];
    if (!c->extra)
        c->extra = xcalloc(x->nshared + 1, sizeof(diff_tally));
    memset(c->extra, 0, (x->nshared + 1) * sizeof(diff_tally));
    for (size_t r = 0; r < c->n; r++) {
        const cl_record *rec = &c->rec[r];
        if (rec->fields || rec->json)
            c->counts[N_CASES]++;
        cl_error e;
        bool ok = cl_decode_both(x->side[0].schema, x->side[1].schema, rec, &w->src[0], &w->src[1], &e);
        const char *key = rec->key ? rec->key : w->src[0].key[0] ? w->src[0].key : NULL;
        if (!ok) {
            write_bad(x, c, rec, key, &e);
            c->counts[N_BAD]++;
            continue;
        }
        for (long k = 0;; k++) {
            lov_date day = 0;
            if (x->from && !cl_dates_next(x->from, x->every, k, x->until, &day))
                break;
            for (int s = 0; s < 2; s++) {
                const cl_module *cm = &x->side[s].cm;
                cl_case *cs = &w->src[s];
                if (x->from) {
                    cl_case_on_date(x->side[s].schema, &w->src[s], day, &w->day[s]);
                    cs = &w->day[s];
                }
                if (!x->reasons) {
                    cm->evaluate(cs->input, w->out[s], NULL, cm->m.externals);
                    continue;
                }
                lov_trace *t = &w->trace[s];
                for (;;) {  /* the trace, grown until every step fits */
                    t->count = t->dropped = 0;
                    cm->evaluate(cs->input, w->out[s], t, cm->m.externals);
                    if (!t->dropped)
                        break;
                    t->capacity = 2 * (t->count + t->dropped);
                    t->entries = xrealloc(t->entries, t->capacity * sizeof *t->entries);
                }
            }
            c->counts[N_DECISIONS]++;
            compare(x, w, c, rec, key, day ? day : cl_reference_date(x->side[1].cm.m.desc, w->src[1].input));
            if (!x->from)
                break;
        }
    }
}

static void diff_merge(void *ctx, cl_chunk *c)
{
    diff_ctx *x = ctx;
    const diff_tally *t = c->extra;
    for (size_t k = 0; t && k < x->nshared; k++) {
        x->total[k].changed += t[k].changed;
        x->total[k].overflow |= t[k].overflow || __builtin_add_overflow(x->total[k].money, t[k].money,
                                                                        &x->total[k].money);
    }
}

static bool is_outcome(const lov_module_desc *d, const lov_field_desc *f)
{
    bool assertion = f->provision >= 0 && (uint32_t)f->provision < d->nprovisions
                     && d->provisions[f->provision].kind == LOV_PROV_ASSERTION;
    return (f->outcome || f->adverse) && !assertion;
}

static const lov_field_desc *output_named(const lov_module_desc *d, const char *name)
{
    for (uint32_t k = 0; k < d->noutputs; k++)
        if (strcmp(d->outputs[k].name, name) == 0 && is_outcome(d, &d->outputs[k]))
            return &d->outputs[k];
    return NULL;
}

/* The report: per output, then (unless --output took them) each case. */
static void report(FILE *out, diff_ctx *x, const char *const files[2], const uint64_t n[16])
{
    const lov_module_desc *o = x->side[0].cm.m.desc, *nw = x->side[1].cm.m.desc;
    fprintf(out, "lovc diff: %s (module SHA-256 %s)\n       and %s (module SHA-256 %s)\n", files[0],
            x->side[0].cm.sha256, files[1], x->side[1].cm.sha256);
    fprintf(out, "%" PRIu64 " cases, %" PRIu64 " decisions on each side, %" PRIu64 " decided differently, %"
            PRIu64 " bad rows\n", n[N_CASES], n[N_DECISIONS], n[N_CHANGED], n[N_BAD]);
    for (size_t k = 0; k < x->nshared; k++) {
        const shared_output *s = &x->shared[k];
        fprintf(out, "  %s: %" PRIu64 " %s", s->old->name, x->total[k].changed,
                x->total[k].changed == 1 ? "decision changes" : "decisions change");
        if (s->old->type == LOV_T_MONEY) {
            char m[LOV_MONEY_BUFSIZE];
            if (x->total[k].overflow)
                fprintf(out, ", the sum of the differences is too large to give exactly");
            else {
                lov_money_format(x->total[k].money, m, sizeof m);
                fprintf(out, ", new minus old in all: %s", m);
            }
        }
        fputc('\n', out);
    }
    for (uint32_t k = 0; k < o->noutputs; k++)
        if (is_outcome(o, &o->outputs[k]) && !output_named(nw, o->outputs[k].name))
            fprintf(out, "  %s: only the old rules have it\n", o->outputs[k].name);
    for (uint32_t k = 0; k < nw->noutputs; k++)
        if (is_outcome(nw, &nw->outputs[k]) && !output_named(o, nw->outputs[k].name))
            fprintf(out, "  %s: only the new rules have it\n", nw->outputs[k].name);
}

int run_diff(options *opt)
{
    run_options *o = &opt->run;
    if (!o->input) {
        /* The caseload's own options say nothing to the prover. */
        if (o->output || o->format || o->key || o->nlists || o->money_ore || o->dates || o->every || o->jobs
            || o->reasons)
            return usage_error("%s", "diff without --input asks the prover; --output, --format, --key, --list, "
                                     "--money-unit, --dates, --every, --reasons and -j are for a caseload "
                                     "(--input CASES)");
        return run_diff_prove(opt);
    }
    if (opt->nfiles != 2)
        return usage_error("%s", "diff needs two .lov files, the old rules and the new");
    if (opt->verify.scenario)
        return usage_error("%s", "diff --input writes its cases with --output FILE; --emit-scenario is for "
                                 "the prover's cases (diff without --input)");
    char why[4096];
    diff_ctx x;
    memset(&x, 0, sizeof x);
    if (!cl_dates_parse(o, &x.from, &x.until, &x.every, why, sizeof why))
        return usage_error("%s", why);
    diag_ctx d;
    setup_diag(&d, opt);
    int rc = EXIT_USAGE;
    cl_reader *r = NULL;
    FILE *out = NULL, *cases = NULL;
    int jobs = o->jobs > 0 ? o->jobs : cl_default_jobs();
    for (int s = 0; s < 2; s++)
        if (!cl_module_open(&x.side[s].cm, opt->files[s], opt->test.cache, opt->test.externals, opt->root, &d))
            goto done;
    r = cl_reader_open(o, why, sizeof why);
    for (int s = 0; r && s < 2; s++)
        if (!(x.side[s].schema = cl_schema_new(x.side[s].cm.m.desc, &x.side[s].cm.ev, r, o, true, why, sizeof why)))
            break;
    if (!r || !x.side[0].schema || !x.side[1].schema) {
        fprintf(stderr, "lovc: %s\n", why);
        goto done;
    }
    size_t ncols;
    const char *const *cols = cl_reader_columns(r, &ncols);
    for (size_t j = 0; j < ncols; j++) {
        bool known = o->key && strcmp(cols[j], o->key) == 0;
        for (int s = 0; s < 2; s++)
            for (uint32_t i = 0; i < x.side[s].cm.m.desc->ninputs; i++)
                known |= strcmp(x.side[s].cm.m.desc->inputs[i].name, cols[j]) == 0;
        if (!known) {
            fprintf(stderr, "lovc: %s: the column '%s' is an input of neither rule set\n", o->input, cols[j]);
            goto done;
        }
    }
    const lov_module_desc *od = x.side[0].cm.m.desc, *nd = x.side[1].cm.m.desc;
    x.shared = xcalloc(od->noutputs + 1, sizeof *x.shared);
    for (uint32_t k = 0; k < od->noutputs; k++) {
        const lov_field_desc *a = &od->outputs[k], *b = output_named(nd, a->name);
        if (is_outcome(od, a) && b)
            x.shared[x.nshared++] = (shared_output){a, b};
    }
    x.total = xcalloc(x.nshared + 1, sizeof *x.total);
    x.ore = o->money_ore;
    x.reasons = o->reasons;
    x.format = o->output ? cl_output_format(o->output, cl_reader_format(r)) : CL_CSV;
    if (o->output && !(out = cl_output_open(o->output, why, sizeof why))) {
        fprintf(stderr, "lovc: %s\n", why);
        goto done;
    }
    if (!o->output && !(cases = tmpfile())) {
        fprintf(stderr, "lovc: cannot make a temporary file for the cases: %s\n", strerror(errno));
        goto done;
    }
    if (x.format == CL_CSV)
        fputs(x.reasons ? "line,key,date,output,old,new,old_reasons,new_reasons\n" : "line,key,date,output,old,new\n",
              out ? out : cases);
    x.workers = xcalloc((size_t)jobs, sizeof *x.workers);
    for (int i = 0; i < jobs; i++)
        for (int s = 0; s < 2; s++) {
            cl_case_init(&x.workers[i].src[s], x.side[s].cm.m.desc);
            cl_case_init(&x.workers[i].day[s], x.side[s].cm.m.desc);
            x.workers[i].out[s] = xcalloc(1, x.side[s].cm.m.desc->output_size);
        }
    cl_work work = {diff_decide, diff_merge, &x, jobs, isatty(fileno(stderr)) != 0};
    uint64_t n[16] = {0};
    bool ok = cl_pipeline_run(r, &work, out ? out : cases, n);
    const char *failed = cl_reader_failed(r);
    if (failed)
        fprintf(stderr, "lovc: %s\n", failed);
    if (out && !cl_output_close(out, o->output, ok && !failed, why, sizeof why)) {
        fprintf(stderr, "lovc: %s\n", why);
        ok = false;
    }
    out = NULL;
    const char *files[2] = {opt->files[0], opt->files[1]};
    report(stdout, &x, files, n);
    if (cases) {
        fputs(x.reasons ? "\nThe cases decided differently (line, key, date, output, old, new, and the provisions "
                          "that decided them on each side):\n"
                        : "\nThe cases decided differently (line, key, date, output, old, new):\n", stdout);
        rewind(cases);
        char buf[65536];
        size_t got;
        while ((got = fread(buf, 1, sizeof buf, cases)) > 0)
            fwrite(buf, 1, got, stdout);
    }
    rc = !ok || failed ? EXIT_USAGE : n[N_BAD] ? EXIT_ERRORS : EXIT_OK;
done:
    if (out)
        cl_output_close(out, o->output, false, why, sizeof why);
    if (cases)
        fclose(cases);
    for (int i = 0; x.workers && i < jobs; i++)
        for (int s = 0; s < 2; s++) {
            cl_case_free(&x.workers[i].src[s]);
            cl_case_free(&x.workers[i].day[s]);
            free(x.workers[i].out[s]);
            free(x.workers[i].trace[s].entries);
        }
    free(x.workers);
    free(x.shared);
    free(x.total);
    for (int s = 0; s < 2; s++) {
        cl_schema_free(x.side[s].schema);
        cl_module_close(&x.side[s].cm);
    }
    cl_reader_close(r);
    return rc;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Whole caseloads for 'lovc run' and 'lovc diff': the cases of a JSON Lines
 * or CSV file read in chunks (caseload_read.c), each case decoded into the
 * input struct a module's descriptor lays out (case_decode.c), the
 * decisions written as JSON Lines or CSV (decision_write.c), and the
 * chunks worked on by N threads with the output still in input order
 * (caseload_pipeline.c). docs/review-guide.md describes the formats. */
#ifndef LOVC_CASELOAD_H
#define LOVC_CASELOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/lov_module.h"
#include "support/arena.h"
#include "support/util.h"

typedef enum cl_format { CL_JSONL, CL_CSV } cl_format;
typedef enum cl_every { CL_EVERY_DAY, CL_EVERY_WEEK, CL_EVERY_MONTH, CL_EVERY_YEAR } cl_every;

enum { CL_MAX_LISTS = 16 };

/* The command line of 'run' and 'diff' (options.c fills it). */
typedef struct run_options {
    const char *input;       /* --input CASES */
    const char *output;      /* --output FILE, "-" for standard output; NULL: run needs one */
    const char *format;      /* --format jsonl|csv: of the input (else from its name) */
    const char *key;         /* --key COLUMN: the case key */
    const char *list_name[CL_MAX_LISTS];  /* --list NAME=FILE.csv */
    const char *list_file[CL_MAX_LISTS];
    int nlists;
    bool money_ore;          /* --money-unit øre: plain whole numbers are øre */
    const char *dates;       /* --dates A..B */
    const char *every;       /* --every day|week|month|year */
    bool reasons;            /* --reasons */
    int jobs;                /* -j N; 0: the machine's cores */
} run_options;

/* ---- The cases as read: raw text, decoded by the workers ---- */

/* The rows of one list file that belong to one case. */
typedef struct cl_rows {
    size_t n;
    const char ***fields;    /* fields[row][column], NUL-terminated; NULL for an empty cell */
    const long *lines;       /* the line of each row in its file */
} cl_rows;

typedef struct cl_record {
    long line;               /* where the case starts in the input (1-based) */
    const char *key;         /* the case key (text), or NULL */
    const char *json;        /* JSON Lines: the line */
    size_t json_len;
    const char **fields;     /* CSV: the row's cells by column; NULL for an empty cell */
    cl_rows lists[CL_MAX_LISTS];
    const char *error;       /* the reader found it bad: the reason */
    const char *error_fact;  /* and the fact concerned, or NULL */
    long error_line;         /* the line concerned (0: the case's line) */
    const char *error_file;  /* the file concerned (NULL: the input) */
} cl_record;

enum { CL_CHUNK = 512 };

/* A chunk of cases: filled by the reader, worked on by one thread, then
 * written in order. */
typedef struct cl_chunk {
    cl_record *rec;          /* CL_CHUNK cases, and the bad list rows among them */
    size_t n, cap;
    arena text;              /* the records' text */
    strbuf out;              /* what the worker wrote for them */
    uint64_t counts[16];     /* the worker's tallies (the command's own meaning) */
    void *extra;             /* the command's own per-chunk result, or NULL */
} cl_chunk;

/* How the reader sees the input: the columns of a CSV file and of its list
 * files, and where the key is. */
typedef struct cl_reader cl_reader;

/* Opens the input (and the list files). False with why (naming the file). */
cl_reader *cl_reader_open(const run_options *o, char *why, size_t whylen);

/* The CSV input's header: its column names (NULL for JSON Lines). */
const char *const *cl_reader_columns(const cl_reader *r, size_t *n);
/* A list file's header. */
const char *const *cl_reader_list_columns(const cl_reader *r, int list, size_t *n);
cl_format cl_reader_format(const cl_reader *r);
/* Bytes read so far, and the input's size (0 when unknown): for progress. */
uint64_t cl_reader_bytes(const cl_reader *r, uint64_t *total);

/* Fills the chunk with the next cases; false at the end of the input (then
 * the chunk is empty). A reading error of the file itself (not of a row)
 * is reported in why and ends the input: cl_reader_failed says so. */
bool cl_reader_next(cl_reader *r, cl_chunk *c);
const char *cl_reader_failed(const cl_reader *r);
/* Rows of the list files whose key no case had: they are reported once, at
 * the end (the file, line and key), as bad rows. */
void cl_reader_close(cl_reader *r);

/* ---- Decoding a record for one module ---- */

/* What the decoder knows of a module: its inputs by the input's column (or
 * JSON name), which dates are events, and the reference date's input. */
typedef struct cl_schema cl_schema;

/* Which of the module's facts are event dates (filled from the checked
 * rules): event[i] for input i; event_field[i][k] for field k of a record
 * (or list of records) input i. */
typedef struct cl_events {
    bool *input;
    bool **field;
    uint32_t ninputs;
} cl_events;

/* A schema of the module for the reader's columns. 'lenient': names the
 * module does not read are left for another module (lovc diff), not an
 * error. False with why when a column is no input. */
cl_schema *cl_schema_new(const lov_module_desc *d, const cl_events *ev, const cl_reader *r, const run_options *o,
                         bool lenient, char *why, size_t whylen);
void cl_schema_free(cl_schema *s);

/* A worker's case: the input struct and the storage of its lists, reused
 * from case to case. */
typedef struct cl_case {
    char *input;             /* input_size bytes */
    char **items;            /* per input: the list's items */
    size_t *cap;             /* per input: their capacity (items) */
    uint32_t ninputs;
    char key[256];           /* the case key as read (JSON Lines), or "" */
} cl_case;

void cl_case_init(cl_case *c, const lov_module_desc *d);
void cl_case_free(cl_case *c);

/* Why a record could not be decoded. */
typedef struct cl_error {
    char fact[600];          /* the fact, or "" */
    char why[1024];
    long line;               /* the line (in file, NULL: the input) */
    const char *file;
} cl_error;

/* jansson's memory on the threads of a run: each line's tree from the
 * thread's own buffer (set before the threads start, reset after them);
 * a thread gives its buffer back with cl_json_memory_thread_end. */
void cl_json_memory_begin(void);
void cl_json_memory_end(void);
void cl_json_memory_thread_end(void);

/* Decodes the record into the case. False with the error. */
bool cl_decode(const cl_schema *s, const cl_record *rec, cl_case *c, cl_error *e);

/* The record for two modules (lovc diff): a JSON line parsed once; a fact
 * neither reads is an error. */
bool cl_decode_both(const cl_schema *a, const cl_schema *b, const cl_record *rec, cl_case *ca, cl_case *cb,
                    cl_error *e);

/* The case as on 'date' (the reference date set, events after it left
 * out: a list's items and optional event dates; a non-optional event date
 * after it is not yet known) into 'dst', whose lists are dst's own. */
void cl_case_on_date(const cl_schema *s, const cl_case *src, lov_date date, cl_case *dst);

/* The reference dates of --dates A..B --every UNIT, or one date: 0 (no
 * range: each case's own). False with why. */
bool cl_dates_parse(const run_options *o, lov_date *from, lov_date *until, cl_every *every, char *why,
                    size_t whylen);
/* The next date of the range after d; false past 'until'. */
bool cl_dates_next(lov_date from, cl_every every, long k, lov_date until, lov_date *d);

/* ---- The status of a decision ---- */

/* The case's status as NAME_evaluate returns it: the most serious status
 * among the outputs, assertions aside. */
lov_status cl_case_status(const lov_module_desc *d, const void *output);

/* ---- Writing decisions (decision_write.c) ---- */

typedef struct cl_writer {
    cl_format format;        /* of the output */
    const lov_module_desc *d;
    bool reasons;            /* --reasons: the provisions that decided each output */
    bool money_ore;          /* --money-unit øre: amounts as whole numbers of øre */
    uint32_t *outputs;       /* the outputs written: the outcomes, in the module's order */
    uint32_t noutputs;
} cl_writer;

void cl_writer_init(cl_writer *w, const lov_module_desc *d, cl_format format, const run_options *o);
void cl_writer_free(cl_writer *w);

/* The output's first line: CSV's column names; JSON Lines' "rules" record
 * (module, source, SHA-256 of the source and of the compiled module). */
void cl_write_header(strbuf *out, const cl_writer *w, const char *module_sha256);

/* One decision: the line and key of the case, the reference date (0: none),
 * the status, the outputs, the missing facts when undetermined, and with a
 * trace the reasons. */
void cl_write_decision(strbuf *out, const cl_writer *w, long line, const char *key, lov_date date,
                       const void *output, const lov_trace *trace);

/* A bad row: its line, key, fact and reason. */
void cl_write_error(strbuf *out, const cl_writer *w, long line, const char *key, const cl_error *e);

/* The counts after the last case; JSON Lines only. */
void cl_write_summary(strbuf *out, const cl_writer *w, uint64_t cases, uint64_t decisions, uint64_t bad,
                      const char *module_sha256);

/* ---- Working on the chunks (caseload_pipeline.c) ---- */

typedef struct cl_work {
    /* Decides the chunk's cases into c->out and c->counts; 'worker' is the
     * thread's number (0 .. jobs-1), for its own buffers. */
    void (*decide)(void *ctx, int worker, cl_chunk *c);
    /* Called in input order, on the main thread, before c->out is written. */
    void (*merge)(void *ctx, cl_chunk *c);
    void *ctx;
    int jobs;
    bool progress;           /* a progress line on standard error */
} cl_work;

/* Reads every chunk, has the workers decide them, writes their output to
 * 'out' in input order and adds their counts into 'counts'. Memory stays
 * at a few chunks per thread whatever the caseload. False when the output
 * could not be written (errno says why). */
bool cl_pipeline_run(cl_reader *r, const cl_work *w, FILE *out, uint64_t counts[16]);

/* The number of threads for -j 0: the machine's cores. */
int cl_default_jobs(void);

/* Pieces the diff's writer shares. */
void cl_json_string(strbuf *out, const char *s);
void cl_csv_cell(strbuf *out, const char *s);
/* A value as the output writes it: JSON (true, 12, "1 067 kr") or text. */
void cl_value_json(strbuf *out, const lov_field_desc *f, bool present, lov_value v, bool ore);
void cl_value_text(char *buf, size_t cap, const lov_field_desc *f, bool present, lov_value v, bool ore);
/* The provisions that decided output f in the trace: a JSON array, or
 * text joined by "; ". */
void cl_reasons_json(strbuf *out, const lov_module_desc *d, const lov_trace *trace, const lov_field_desc *f);
void cl_reasons_text(strbuf *out, const lov_module_desc *d, const lov_trace *trace, const lov_field_desc *f);
/* "nedsættelse (aktivloven § 13 g, stk. 1)", with the exception's label. */
void cl_provision_text(char *buf, size_t cap, const lov_module_desc *d, int32_t p);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* What a generated module shares with the programs that call it: optional
 * values, decision traces and the module's self-description.
 *
 * Header-only, like the arithmetic core: a generated module needs nothing
 * else. Everything here is plain data, so a runner can call any module
 * through its descriptor alone (field offsets, types, citations) without
 * its generated header. */
#ifndef LOV_MODULE_H
#define LOV_MODULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lov_date.h"
#include "lov_decimal.h"
#include "lov_duration.h"
#include "lov_money.h"
#include "lov_status.h"

/* ---- Optional values ------------------------------------------------------ */

/* 'optional T': the value, and whether it is there at all. An optional
 * that is known to be absent (no end date was ever entered) is different
 * from a fact that was not supplied (the input's known flag). */
typedef struct lov_opt_bool { bool present; bool value; } lov_opt_bool;
typedef struct lov_opt_int { bool present; int64_t value; } lov_opt_int;
typedef struct lov_opt_decimal { bool present; lov_decimal value; } lov_opt_decimal;
typedef struct lov_opt_money { bool present; lov_money value; } lov_opt_money;
typedef struct lov_opt_date { bool present; lov_date value; } lov_opt_date;
typedef struct lov_opt_duration { bool present; lov_duration value; } lov_opt_duration;
typedef struct lov_opt_enum { bool present; int32_t value; } lov_opt_enum;

/* ---- Types, as the descriptor names them ---------------------------------- */

typedef enum lov_type {
    LOV_T_BOOL,              /* bool */
    LOV_T_INT,               /* int64_t */
    LOV_T_DECIMAL,           /* lov_decimal */
    LOV_T_MONEY,             /* lov_money (øre) */
    LOV_T_DATE,              /* lov_date */
    LOV_T_DURATION,          /* lov_duration */
    LOV_T_ENUM,              /* int32_t: the case's index */
    LOV_T_RECORD,            /* a struct described by a lov_record_desc */
    LOV_T_LIST,              /* pointer to the items, and their count */
} lov_type;

/* One value of any scalar type, for traces and runners. */
typedef union lov_value {
    bool b;
    int64_t i;
    lov_decimal dec;
    lov_money money;
    lov_date date;
    lov_duration dur;
    int32_t enum_case;
} lov_value;

/* ---- Decision traces ------------------------------------------------------- */

typedef enum lov_trace_event {
    LOV_TRACE_VALUE,         /* a definition, outcome or parameter got its value (a definition
                              * with parameters: once per call) */
    LOV_TRACE_APPLIES,       /* an exception's condition holds */
    LOV_TRACE_DOES_NOT_APPLY,/* an exception's condition does not hold */
    LOV_TRACE_MET,           /* a prerequisite of an adverse outcome holds */
    LOV_TRACE_NOT_MET,       /* a prerequisite does not hold: the outcome is held back */
    LOV_TRACE_FAILED,        /* no value: see the entry's status */
} lov_trace_event;

/* One step of a decision. 'provision' indexes the module's provision table
 * (lov_module_desc.provisions), which holds the citation and law text. */
typedef struct lov_trace_entry {
    uint32_t provision;
    uint8_t event;           /* a lov_trace_event */
    uint8_t status;          /* a lov_status; LOV_OK unless event is FAILED */
    uint8_t present;         /* for optional values: 0 when absent */
    uint16_t period;         /* a dated parameter's VALUE: 1 + the index of the dated value used
                              * (lov_param_desc.values); else 0 */
    lov_value value;         /* for VALUE: the value (type in the provision) */
} lov_trace_entry;

/* A caller-supplied buffer. Entries past 'capacity' are counted in
 * 'dropped' and not stored; the evaluation is the same either way. */
typedef struct lov_trace {
    lov_trace_entry *entries;
    size_t capacity;
    size_t count;
    size_t dropped;
} lov_trace;

static inline void lov_trace_add(lov_trace *t, uint32_t provision, lov_trace_event event,
                                 lov_status status, bool present, lov_value value)
{
    if (t->count >= t->capacity) {
        t->dropped++;
        return;
    }
    lov_trace_entry *e = &t->entries[t->count++];
    e->provision = provision;
    e->event = (uint8_t)event;
    e->status = (uint8_t)status;
    e->present = present;
    e->period = 0;
    e->value = value;
}

/* A dated parameter's value, with the dated value it came from (index in
 * its table), so that a reader sees the period and whether it is verified. */
static inline void lov_trace_add_period(lov_trace *t, uint32_t provision, size_t index, lov_value value)
{
    lov_trace_add(t, provision, LOV_TRACE_VALUE, LOV_OK, true, value);
    if (t->count > 0 && t->dropped == 0 && index < 0xFFFF)
        t->entries[t->count - 1].period = (uint16_t)(index + 1);
}

/* ---- Self-description ---------------------------------------------------- */

typedef struct lov_enum_desc {
    const char *name;        /* as in the source, UTF-8 */
    const char *const *cases;
    uint32_t ncases;
} lov_enum_desc;

struct lov_record_desc;

/* A field of the input struct, the output struct or a record. */
typedef struct lov_field_desc {
    const char *name;        /* as in the source, UTF-8 */
    const char *c_name;      /* the C member */
    lov_type type;           /* for lists: LOV_T_LIST, element in elem_type */
    lov_type elem_type;      /* LOV_T_LIST: the items' type */
    bool optional;           /* stored as a lov_opt_* struct */
    uint32_t offset;         /* of the value (for lists: of the items pointer) */
    uint32_t count_offset;   /* LOV_T_LIST: of the size_t count */
    uint32_t known_offset;   /* inputs: of the bool "supplied" flag */
    uint32_t status_offset;  /* outputs: of the lov_status */
    uint32_t held_offset;    /* adverse outcomes: of the uint32_t held-back mask; 0 without prerequisites */
    const lov_enum_desc *enum_desc;           /* LOV_T_ENUM (or list of) */
    const struct lov_record_desc *record;     /* LOV_T_RECORD (or list of) */
    int32_t provision;       /* outputs: the provision of the definition; -1 for none */
    bool adverse;            /* outputs: an adverse outcome */
    bool outcome;            /* outputs: an outcome (else an intermediate definition) */
} lov_field_desc;

typedef struct lov_record_desc {
    const char *name;
    uint32_t size;           /* sizeof the struct */
    const lov_field_desc *fields;
    uint32_t nfields;
} lov_record_desc;

typedef enum lov_provision_kind {
    LOV_PROV_DEFINITION,     /* a definition or outcome (its general rule) */
    LOV_PROV_EXCEPTION,      /* an exception of a definition or outcome */
    LOV_PROV_REQUIREMENT,    /* a prerequisite of an adverse outcome */
    LOV_PROV_PARAMETER,      /* a parameter */
    LOV_PROV_ASSERTION,      /* an assertion */
} lov_provision_kind;

/* Everything in the rules that carries a citation. */
typedef struct lov_provision_desc {
    lov_provision_kind kind;
    const char *name;        /* the definition, outcome or parameter */
    const char *label;       /* the exception's label, or NULL */
    const char *source;      /* the source's name in the header */
    const char *source_title;
    const char *citation;    /* "§ 13 f, stk. 9" */
    const char *text;        /* quoted law text, or NULL */
    uint32_t line;           /* in the .lov source */
    lov_type type;           /* of the value a VALUE trace entry holds */
    const lov_enum_desc *enum_desc;
    const int32_t *uses_inputs;   /* the inputs its rule reads (indexes), for explanations */
    uint32_t nuses_inputs;
    const int32_t *uses_outputs;  /* the definitions and outcomes it reads */
    uint32_t nuses_outputs;
    const char *unverified;  /* why the consultant could not verify it ('unverified "..."'), or NULL */
} lov_provision_desc;

/* One dated value of a parameter. */
typedef struct lov_dated_value {
    lov_date from;
    lov_date until;          /* inclusive; LOV_DATE_MAX when open */
    lov_value value;
} lov_dated_value;

typedef struct lov_param_desc {
    const char *name;
    lov_type type;
    uint32_t provision;
    const lov_dated_value *values;
    uint32_t nvalues;
    const char *const *unverified;  /* per dated value: why it is not verified, or NULL; NULL: all are */
} lov_param_desc;

/* An external function the caller supplies through the externals struct:
 * lov_status fn(void *ctx, ARGS..., RESULT *out). */
typedef struct lov_external_desc {
    const char *name;
    const char *c_name;
    uint32_t offset;         /* of the function pointer in the externals struct */
    lov_type result;
    const lov_enum_desc *result_enum;
    const lov_type *params;
    const char *const *param_names;
    uint32_t nparams;
    const char *citation;
    const lov_enum_desc *const *param_enums;  /* LOV_T_ENUM parameters: their enumeration; else NULL */
} lov_external_desc;

/* Reason codes, in lov_result_info.reason, for statuses other than ok. */
typedef enum lov_reason {
    LOV_REASON_NONE,
    LOV_REASON_OUT_OF_FORCE,     /* the reference date is outside the period in force */
    LOV_REASON_NO_PARAMETER_VALUE,/* a dated parameter has no value for the date */
    LOV_REASON_MISSING_FACT,     /* a needed input was not supplied */
    LOV_REASON_NO_RULE,          /* no rule gives the definition a value */
    LOV_REASON_CONFLICT,         /* two exceptions apply with different results */
    LOV_REASON_ARITHMETIC,       /* overflow or division by zero */
    LOV_REASON_INVALID_INPUT,    /* an input is outside its type's domain */
    LOV_REASON_EXTERNAL,         /* an external function gave no answer */
} lov_reason;

/* Why an evaluation did not end in LOV_OK, in the output struct. */
typedef struct lov_result_info {
    uint32_t reason;         /* a lov_reason */
    int32_t input;           /* MISSING_FACT / INVALID_INPUT: the input's index;
                              * EXTERNAL: the external's (descriptor.externals); else -1 */
    int32_t provision;       /* the provision concerned, else -1 */
    int32_t other_provision; /* CONFLICT: the second exception, else -1 */
} lov_result_info;

#define LOV_DESCRIPTOR_VERSION 2   /* 2: unverified marks, the period of a parameter's trace entry */

typedef struct lov_module_desc {
    uint32_t descriptor_version;   /* LOV_DESCRIPTOR_VERSION */
    const char *name;              /* module name, UTF-8 */
    const char *c_name;            /* prefix of the C names */
    const char *title;
    const char *source_file;       /* the .lov file as given to lovc */
    const char *source_sha256;     /* hex SHA-256 of the .lov text */
    const char *compiler_version;
    bool has_in_force;
    lov_date in_force_from;
    lov_date in_force_until;       /* LOV_DATE_MAX when open */
    int32_t reference_input;       /* index of the reference date input, or -1 */
    const char *entry;             /* symbol of the entry point */
    uint32_t input_size;           /* sizeof the input struct */
    uint32_t output_size;          /* sizeof the output struct */
    uint32_t externals_size;       /* sizeof the externals struct (0: none) */
    uint32_t missing_offset;       /* output: uint64_t[] mask of missing inputs */
    uint32_t missing_words;
    uint32_t info_offset;          /* output: lov_result_info */
    const lov_field_desc *inputs;
    uint32_t ninputs;
    const lov_field_desc *outputs;
    uint32_t noutputs;
    const lov_provision_desc *provisions;
    uint32_t nprovisions;
    const lov_param_desc *params;
    uint32_t nparams;
    const lov_external_desc *externals;
    uint32_t nexternals;
    const lov_enum_desc *const *enums;       /* every enumeration the module's structs use */
    uint32_t nenums;
    const lov_record_desc *const *records;   /* every record likewise */
    uint32_t nrecords;
} lov_module_desc;

/* Every entry point has this shape:
 *   lov_status NAME_evaluate(const NAME_input *in, NAME_output *out,
 *                            lov_trace *trace, const NAME_externals *ext);
 * 'trace' and 'ext' may be NULL. */

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* Scenario suites (*.scn): what an acceptance tester writes.
 *
 *   suite "225-timers-reglen: accepttest" for rules/kontanthjaelp/225_timer.lov
 *
 *   background
 *     reference_dato = 2020-04-02
 *
 *   scenario "Varigt meget begrænset arbejdsevne"
 *     given
 *       arbejdsevne = meget_begrænset
 *       arbejde =
 *         | måned      | timer | ordinært |
 *         | 2019-04-01 | 20    | yes      |
 *     expect
 *       nedsættelse = 0 kr
 *       no partshøringsbrev
 *
 * The parser (scn_parser.y, scn_lexer.l) builds the tree below; checking
 * it against a compiled module's descriptor (scenario_check.c) gives every
 * fact and expectation its place and type; scenario_run.c runs it. */
#ifndef LOV_SCENARIO_H
#define LOV_SCENARIO_H

#include <stdbool.h>
#include <stdint.h>

#include "support/arena.h"
#include "support/diag.h"
#include "core/lov_module.h"
#include "support/source.h"

typedef struct scn_ident {
    const char *name;
    src_loc loc;
} scn_ident;

typedef arena_list scn_list;
#define SCN_AT(l, i) ((l).items[(i)])

/* ---- Values as written ---------------------------------------------------- */

typedef enum scn_value_kind {
    SV_INT,                  /* 225 */
    SV_DECIMAL,              /* 0.5 */
    SV_MONEY,                /* 1 066 kr (in øre) */
    SV_PERCENT,              /* 25 % (as a decimal) */
    SV_DATE,                 /* 2020-04-02 */
    SV_DURATION,             /* 6 months */
    SV_BOOL,                 /* yes, no */
    SV_NAME,                 /* an enum case: meget_begrænset, or Arbejdsevne.meget_begrænset */
    SV_ABSENT,               /* an optional value that is not there */
    SV_UNKNOWN,              /* a fact that is not known (as if not given) */
} scn_value_kind;

typedef struct scn_value {
    scn_value_kind kind;
    src_loc loc;
    int64_t i;               /* SV_INT, SV_MONEY (øre) */
    lov_decimal dec;         /* SV_DECIMAL, SV_PERCENT */
    lov_date date;
    lov_duration dur;
    bool b;
    scn_ident qualifier;     /* SV_NAME: the enum, or name NULL */
    scn_ident name;          /* SV_NAME */
} scn_value;

/* ---- Facts and expectations ------------------------------------------------ */

typedef enum scn_given_kind {
    GIVEN_VALUE,             /* name = value */
    GIVEN_TABLE,             /* name = | ... | rows */
    GIVEN_CALL,              /* external(args) = value: an answer of an external function */
} scn_given_kind;

typedef struct scn_given {
    scn_given_kind kind;
    scn_ident name;
    src_loc loc;
    scn_value *value;        /* GIVEN_VALUE, GIVEN_CALL */
    scn_list rows;           /* GIVEN_TABLE: scn_list* of scn_value*, the first row names the columns */
    scn_list args;           /* GIVEN_CALL: scn_value* */
    /* (checked) */
    int input;               /* GIVEN_VALUE, GIVEN_TABLE: index in the descriptor's inputs */
    int external;            /* GIVEN_CALL: index in the descriptor's externals */
    lov_value converted;     /* GIVEN_VALUE, GIVEN_CALL: the value in the field's type */
    bool present;            /* optional inputs: not absent */
    void *items;             /* GIVEN_TABLE: the rows as an array of records (or values) */
    size_t nitems;
    lov_value *arg_values;   /* GIVEN_CALL */
} scn_given;

typedef enum scn_expect_kind {
    EXPECT_VALUE,            /* name = value */
    EXPECT_STATUS,           /* name is undetermined / not applicable / conflict / ... */
    EXPECT_NONE,             /* no name: the adverse outcome is not produced */
    EXPECT_HELD_BACK,        /* name is held back: a prerequisite is not met */
    EXPECT_MISSING,          /* missing a, b: these facts are named as missing */
} scn_expect_kind;

typedef struct scn_expect {
    scn_expect_kind kind;
    scn_ident name;
    src_loc loc;
    scn_value *value;        /* EXPECT_VALUE */
    lov_status status;       /* EXPECT_STATUS */
    scn_list names;          /* EXPECT_MISSING: scn_ident* */
    /* (checked) */
    int output;              /* index in the descriptor's outputs */
    lov_value converted;
    bool present;            /* optional outputs */
    int *inputs;             /* EXPECT_MISSING: indexes of the inputs */
} scn_expect;

typedef struct scn_scenario {
    const char *name;
    src_loc loc;             /* the name */
    scn_list givens;         /* scn_given* */
    scn_list expects;        /* scn_expect* */
    int line;                /* of 'scenario', for reports */
} scn_scenario;

typedef struct scn_suite {
    src_file *file;
    arena arena;
    const char *title;
    const char *rules;       /* the rules file as written */
    src_loc rules_loc;
    scn_list background;     /* scn_given* */
    scn_list scenarios;      /* scn_scenario* */
} scn_suite;

/* Parses a suite. Always returns one (possibly partial); syntax errors go to
 * diag. The suite takes ownership of 'file'. */
scn_suite *scn_parse(src_file *file, diag_ctx *diag);

void scn_suite_free(scn_suite *s);

/* Checks the suite against the module it tests: every fact an input of the
 * right type, every expectation a decision, every table column a field.
 * Converts the values. Returns true when there is no error. */
bool scn_check(scn_suite *s, const lov_module_desc *m, diag_ctx *diag);

/* Stores a converted value into a struct field at base + offset (an
 * optional one as its lov_opt_* struct). */
void scn_store(void *base, uint32_t offset, lov_type t, bool optional, bool present, lov_value v);

/* Reads it back. */
void scn_load(const void *base, uint32_t offset, lov_type t, bool optional, bool *present, lov_value *v);

/* A value in words, as a tester writes it: "1 066 kr", "2020-04-02", "yes",
 * "meget_begrænset". Writes into buf (cap bytes). */
void scn_format_value(char *buf, size_t cap, lov_type type, const lov_enum_desc *e, bool present,
                      lov_value v);

#endif

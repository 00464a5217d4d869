/* SPDX-License-Identifier: Apache-2.0 */
/* The syntax tree of a lov module.
 *
 * The parser only builds this tree; names, types and legal checks are later
 * passes that fill in the fields marked "(resolved)" or "(typed)". Every node
 * keeps the source span it came from, so any pass can report an error there.
 * All nodes live in one arena owned by the module and are freed with it. */
#ifndef LOVC_AST_H
#define LOVC_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "support/arena.h"
#include "support/source.h"

struct type;
struct decl;

/* The value of a date literal that is no date (2020-13-01): the scanner
 * reports it, and later checks that compare dates leave it alone. */
#define AST_DATE_INVALID INT32_MIN

typedef struct ident {
    const char *name;        /* UTF-8, NUL-terminated */
    src_loc loc;
} ident;

/* A list of nodes; items point into the arena. */
typedef arena_list nodelist;

/* ---- Citations --------------------------------------------------------- */

/* 'according to SOURCE "§ 13 f, stk. 9"' plus an optional 'text "..."'. */
typedef struct citation {
    ident source;            /* a source declared in the module header */
    const char *provision;   /* "§ 13 f, stk. 9" */
    src_loc loc;
    const char *text;        /* quoted law text, or NULL */
    struct source_decl *resolved;  /* (resolved) */
} citation;

/* ---- Types as written ------------------------------------------------- */

typedef enum texpr_kind {
    TX_BOOLEAN, TX_INTEGER, TX_DECIMAL, TX_MONEY, TX_DATE, TX_DURATION,
    TX_NAMED,                /* an enum or record, maybe 'module.Name' */
    TX_LIST,                 /* list of T */
    TX_OPTIONAL,             /* optional T */
} texpr_kind;

/* What a date that the case system registers stands for. A plain 'date'
 * is read as planned: the conservative reading, under which harm may not
 * follow from its passing. */
typedef enum date_kind {
    DATE_PLANNED,            /* entered in advance: an end date, a deadline, a planned review */
    DATE_EVENT,              /* something that happened; never after the reference date */
} date_kind;

typedef struct texpr {
    texpr_kind kind;
    src_loc loc;
    date_kind date;          /* TX_DATE of an input or a field: 'event date' or 'planned date' */
    ident module;            /* TX_NAMED: qualifier, name NULL if none */
    ident name;              /* TX_NAMED */
    struct texpr *elem;      /* TX_LIST, TX_OPTIONAL */
    struct decl *resolved;   /* (resolved) TX_NAMED: the enum or record */
} texpr;

/* ---- Expressions ------------------------------------------------------ */

typedef enum expr_kind {
    E_BOOL, E_INT, E_DECIMAL, E_MONEY, E_DATE, E_DURATION,
    E_NAME,                  /* a name: input, definition, parameter, variable, enum case */
    E_FIELD,                 /* base.name: a record field, or module.name / Enum.case */
    E_CALL,                  /* callee(args) */
    E_UNARY,
    E_BINARY,
    E_IF,
    E_MATCH,
    E_AGGREGATE,
    E_WITHIN,                /* x within D before/after R */
    E_BETWEEN,               /* x between A and B */
    E_PRESENCE,              /* x is present / x is absent */
    E_OTHERWISE,             /* optional otherwise default */
    E_ROUNDED,               /* x rounded MODE [to kr | to N decimals] */
    E_UNIT,                  /* x days/months/kr/% applied to a non-literal */
    E_AT,                    /* parameter at date */
    E_ERROR,                 /* stands in for input that could not be read */
} expr_kind;

typedef enum unop { U_NOT, U_NEG } unop;

typedef enum binop {
    B_ADD, B_SUB, B_MUL, B_DIV,
    B_AND, B_OR, B_IMPLIES,
    B_EQ, B_NE, B_LT, B_LE, B_GT, B_GE,
} binop;

typedef enum unit_kind {
    UNIT_DAYS, UNIT_WEEKS, UNIT_MONTHS, UNIT_YEARS, UNIT_KR, UNIT_PERCENT,
} unit_kind;

typedef enum aggr_kind {
    AG_SUM, AG_COUNT, AG_EXISTS, AG_FORALL, AG_MINIMUM, AG_MAXIMUM,
} aggr_kind;

typedef enum round_mode {
    RM_HALF_UP, RM_HALF_EVEN, RM_DOWN, RM_UP,
} round_mode;

typedef enum round_target {
    RT_DEFAULT,              /* øre for money, whole numbers otherwise */
    RT_KR,                   /* whole kroner */
    RT_DECIMALS,             /* N decimals */
} round_target;

/* What an E_NAME (or a resolved E_FIELD) refers to. */
typedef enum ref_kind {
    REF_NONE,
    REF_DECL,                /* input, parameter, definition, outcome */
    REF_VAR,                 /* a variable bound by an aggregate */
    REF_PARAM,               /* a parameter of a definition with parameters */
    REF_CASE,                /* an enum case */
    REF_FUNCTION,            /* a definition with parameters, or an external */
    REF_BUILTIN,             /* a built-in function such as month_start */
    REF_MODULE,              /* the alias of a used module (only as a qualifier) */
    REF_TYPE,                /* an enum type (only as a qualifier) */
} ref_kind;

struct match_arm;
struct aggr_var;

typedef struct expr {
    expr_kind kind;
    src_loc loc;
    int depth;               /* nesting depth of this subtree */
    struct type *type;       /* (typed) */
    unsigned char inexact;   /* (typed) an exactness, see typecheck.h */
    union {
        bool b;                                          /* E_BOOL */
        int64_t i;                                       /* E_INT */
        struct { int64_t coef; int32_t scale; } dec;     /* E_DECIMAL */
        int64_t money;                                   /* E_MONEY, in øre */
        int32_t date;                                    /* E_DATE, lov day number */
        struct { int32_t months, days; unit_kind unit; } dur; /* E_DURATION */
        struct {                                         /* E_NAME, E_FIELD */
            struct expr *base;                           /* E_FIELD only */
            ident id;
            ref_kind ref;                                /* (resolved) */
            void *target;                                /* (resolved) decl, var, case, ... */
            int field_index;                             /* (resolved) record field */
            bool narrowed;                               /* (typed) optional known present here */
        } name;
        struct { struct expr *callee; nodelist args; } call;
        struct { unop op; struct expr *operand; } unary;
        struct { binop op; struct expr *lhs, *rhs; src_loc op_loc; } binary;
        struct { struct expr *cond, *then_e, *else_e; } if_;
        struct { struct expr *scrutinee; nodelist arms; struct expr *else_e; src_loc else_loc; } match;
        struct {
            aggr_kind kind;
            ident var;
            struct expr *list;
            struct expr *filter;                         /* may be NULL */
            struct expr *body;                           /* value (sum/min/max) or condition (for all); NULL for count/exists */
            struct aggr_var *binding;                    /* (resolved) */
        } aggr;
        struct { struct expr *subject, *span, *anchor; bool after; } within;
        struct { struct expr *subject, *low, *high; } between;
        struct { struct expr *subject; bool present; } presence;
        struct { struct expr *subject, *fallback; } otherwise;
        struct { struct expr *subject; round_mode mode; round_target target; int decimals; } rounded;
        struct { struct expr *subject; unit_kind unit; } unit;
        struct { struct expr *param, *date; } at;
    } u;
} expr;

typedef struct match_arm {
    nodelist cases;          /* ident*; the enum cases this arm covers */
    struct expr *body;
    src_loc loc;
} match_arm;

/* The variable an aggregate binds, e.g. 'a' in 'sum of a.timer for a in arbejde'. */
typedef struct aggr_var {
    ident name;
    struct type *type;       /* (typed) the list's element type */
    int index;               /* (resolved) number of the variable within its rule */
    const char *c_name;      /* (emitted) the C variable */
} aggr_var;

/* ---- Declarations ----------------------------------------------------- */

typedef enum decl_kind {
    D_ENUM, D_RECORD, D_INPUT, D_PARAMETER, D_DEFINITION, D_OUTCOME,
    D_ASSERT, D_EXTERNAL,
    D_PROCEDURE,             /* a step of procedure the law requires before an adverse outcome (the last kind) */
} decl_kind;

typedef struct enum_case {
    ident name;
    const char *text;
    int index;
    struct decl *owner;
    const char *c_name;      /* (named) the C constant */
} enum_case;

typedef struct record_field {
    ident name;
    texpr *type_expr;
    const char *text;
    struct type *type;       /* (typed) */
    int index;
    const char *c_name;      /* (named) the C member */
} record_field;

/* One dated value of a parameter: 'from D [until D]: VALUE'. */
typedef struct dated_value {
    src_loc loc;
    int32_t from;
    bool has_until;
    int32_t until;
    expr *value;
    const char *unverified;  /* 'unverified "why"' after the value, or NULL */
} dated_value;

/* A formal parameter of a definition with parameters or of an external. */
typedef struct formal {
    ident name;
    texpr *type_expr;
    struct type *type;       /* (typed) */
    int index;
    const char *c_name;      /* (named) the C parameter */
} formal;

/* 'default V' or 'exception L [to P] ... when C then V'. */
typedef struct ast_rule {
    ident label;             /* "default" for the default */
    bool is_default;
    ident parent;            /* 'to P'; name NULL if none */
    citation *cite;          /* NULL: the definition's own citation applies */
    expr *cond;              /* NULL for the default */
    expr *value;
    src_loc loc;
    struct ast_rule *parent_rule;   /* (resolved) NULL: the definition's root */
    int index;               /* position in its definition */
    int provision;           /* (emitted) index in the provision table */
    const char *unverified;  /* 'unverified "why"', or NULL */
} ast_rule;

/* What a prerequisite of an adverse outcome is, for the safety checks. */
typedef enum requirement_kind {
    REQ_OTHER,               /* requires COND ... */
    REQ_HEARING,             /* requires hearing COND ...: the party was heard (fvl § 19) */
    REQ_DECISION,            /* requires decision COND ...: a decision was made (fvl § 22) */
    REQ_GUIDANCE,            /* requires guidance COND ...: written guidance was given (aktivloven § 35) */
} requirement_kind;

/* 'requires [hearing|decision] COND according to S "§"'. */
typedef struct requirement {
    requirement_kind kind;
    expr *cond;
    citation *cite;
    src_loc loc;
    int index;
    int provision;           /* (emitted) index in the provision table */
} requirement;

/* The value of an input's bound, as the type checker read it: a number
 * coef / 10^scale (an amount: coef øre, scale 0), or a duration. */
typedef struct input_bound {
    bool set;
    int64_t coef;
    int32_t scale;
    int32_t months, days;
} input_bound;

typedef struct decl {
    decl_kind kind;
    ident name;
    src_loc loc;             /* the whole declaration */
    citation *cite;          /* may be NULL where optional */
    const char *text;        /* 'text' of enums, records, inputs */
    const char *unverified;  /* 'unverified "why"': the consultant could not verify the rule, or NULL */
    struct module *module;   /* the module that declares it */
    int position;            /* position among all declarations of the module */
    int index;               /* position among declarations of its kind */
    bool used;               /* (resolved) referenced somewhere */
    nodelist deps;           /* (resolved) dependency*: definitions this one uses */
    bool calls_external;     /* (resolved) its rules call an external function */
    bool in_cycle;           /* (resolved) depends on itself; not evaluated further */
    struct symtab *members;  /* (resolved) enums: case name -> enum_case*; records: field name -> record_field* */
    union {
        struct { nodelist cases; } enum_;                 /* enum_case* */
        struct { nodelist fields; } record;               /* record_field* */
        struct {
            texpr *type_expr;
            expr *at_least, *at_most;    /* 'at least 0 kr', 'at most 744', or NULL */
            input_bound low, high;       /* their values, once type-checked */
        } input;
        struct { texpr *type_expr; nodelist values; expr *constant; } param; /* dated_value* */
        struct {                                          /* D_DEFINITION, D_OUTCOME */
            texpr *type_expr;
            bool has_params;                              /* definition with (parameters) */
            nodelist params;                              /* formal* */
            bool adverse;                                 /* 'adverse outcome' */
            nodelist requires;                            /* requirement* */
            citation *without_hearing;                    /* 'without hearing according to ...' */
            citation *without_decision;                   /* 'without decision according to ...' */
            citation *without_guidance;                   /* 'without guidance according to ...' */
            bool sanction;                                /* 'sanction NAME': an adverse outcome that is a sanction */
            nodelist rules;                               /* rule*: default first if any */
            ast_rule *default_rule;
            int nvars;                                    /* (resolved) aggregate variables */
        } def;
        struct { expr *cond; } assert_;
        struct { nodelist params; texpr *ret; } external;  /* formal* */
        struct {                                          /* D_PROCEDURE */
            requirement_kind step;                        /* REQ_HEARING, REQ_DECISION or REQ_GUIDANCE */
            bool sanctions_only;                          /* before every sanction (else every adverse outcome) */
            nodelist excepts;                             /* citation*: the exceptions the law allows */
        } procedure;
    } u;
    struct type *type;       /* (typed) value type (result type of a function) */
    const char *c_name;      /* (named) C name: member, or the base of static names */
    const char *c_public;    /* (named) enums and records: the public C type */
    const char *c_static;    /* (emitted) definitions and parameters: static function */
    const char *c_rules;     /* (emitted) outputs: the rules' function; parameters: look-up by day */
    const char *c_table;     /* (emitted) dated parameters: the table of values */
    int provision;           /* (emitted) index in the provision table, or -1 */
    int slot;                /* (emitted) inputs and outputs: their index */
    bool read_on_reference_date;  /* (emitted) a dated parameter read for the reference date */
} decl;

/* 'uses' edge between definitions, for cycles and evaluation order. */
typedef struct dependency {
    decl *to;
    src_loc loc;             /* where 'to' is named */
} dependency;

/* ---- Module ------------------------------------------------------------ */

typedef struct source_decl {
    ident name;
    const char *title;
    const char *version;     /* NULL if not given */
    src_loc loc;
    bool used;
} source_decl;

typedef struct use_decl {
    ident alias;
    const char *path;        /* as written, relative to the using file */
    src_loc loc;
    struct module *target;   /* (resolved) */
} use_decl;

typedef enum month_end_rule { ME_NONE, ME_CLAMP, ME_OVERFLOW } month_end_rule;

typedef struct module {
    ident name;
    src_file *file;
    arena arena;
    const char *title;
    src_loc title_loc;       /* the 'title' clause */
    nodelist sources;        /* source_decl* */
    bool has_in_force;
    int32_t in_force_from;
    bool has_until;
    int32_t in_force_until;
    src_loc in_force_loc;
    ident reference_date;    /* name NULL if not declared */
    src_loc reference_loc;   /* the 'reference date' clause */
    decl *reference_input;   /* (resolved) */
    month_end_rule month_end;     /* ME_NONE also when the rule named is unknown (reported) */
    src_loc month_end_loc;        /* the clause; file NULL when there is none */
    nodelist uses;           /* use_decl* */
    nodelist decls;          /* decl*, in source order */
    nodelist broken_names;   /* ident*: declarations that could not be read */
    bool has_header;
    struct module_scope *scope;   /* (resolved) symbol tables, see resolve.h */
    const char *c_prefix;    /* (named) prefix of the module's public C names */
} module;

/* ---- Building ---------------------------------------------------------- */

#define NL_AT(l, i) ((l).items[(i)])

module *ast_module_new(src_file *file);
void ast_module_free(module *m);

expr *ast_expr(arena *a, expr_kind kind, src_loc loc);
decl *ast_decl(arena *a, decl_kind kind, src_loc loc);
const char *ast_strdup(arena *a, const char *s, size_t n);

/* Calls visit on e and on every expression inside it, parents first. */
void ast_walk(expr *e, void (*visit)(expr *e, void *ctx), void *ctx);

const char *ast_decl_kind_word(decl_kind k);   /* "input", "definition", ... */
/* The quoted law text of a rule: its citation's, else the declaration's own. */
const char *ast_law_text(const decl *d);
const char *ast_step_word(requirement_kind k); /* "hearing", "decision", "guidance" */

/* Whether a fact's type as written ('optional event date') is a date, and
 * of which kind: false for anything but a date. */
bool ast_fact_date_kind(const texpr *t, date_kind *kind);
const char *ast_binop_text(binop op);          /* "+", "and", ... */
const char *ast_unit_word(unit_kind u);

#endif

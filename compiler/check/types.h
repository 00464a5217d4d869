/* SPDX-License-Identifier: Apache-2.0 */
/* The types of the language, as the type checker sees them. */
#ifndef LOVC_TYPES_H
#define LOVC_TYPES_H

#include <stdbool.h>

#include "support/arena.h"
#include "front/ast.h"
#include "support/util.h"

typedef enum type_kind {
    T_ERROR,                 /* after an error: accepted everywhere, reported nowhere */
    T_BOOL, T_INT, T_DEC, T_MONEY, T_DATE, T_DURATION,
    T_ENUM, T_RECORD, T_LIST, T_OPTIONAL,
} type_kind;

/* What a duration is counted in, as far as the checker can tell. Days and
 * months cannot be compared: a month has no fixed number of days. */
typedef enum dur_unit {
    DU_ANY = 0,              /* a declared 'duration': not known */
    DU_DAYS = 1,
    DU_MONTHS = 2,
    DU_MIXED = 3,            /* both months and days */
} dur_unit;

typedef struct type {
    type_kind kind;
    dur_unit unit;           /* T_DURATION */
    decl *decl;              /* T_ENUM, T_RECORD */
    struct type *elem;       /* T_LIST, T_OPTIONAL */
} type;

type *type_error(void);
type *type_bool(void);
type *type_int(void);
type *type_dec(void);
type *type_money(void);
type *type_date(void);
type *type_duration(dur_unit unit);
type *type_named(arena *a, type_kind kind, decl *d);   /* T_ENUM or T_RECORD */
type *type_list(arena *a, type *elem);
type *type_optional(arena *a, type *elem);

/* Same type (durations match whatever their unit). */
bool type_equal(const type *a, const type *b);

bool type_is_numeric(const type *t);        /* integer or decimal */
bool type_is_scalar(const type *t);         /* not a list, record or optional */

/* The type in words, as a legal consultant reads it: "money",
 * "list of Arbejdsmåned", "optional date". */
void type_describe(const type *t, strbuf *out);

/* type_describe into a string in the arena, for messages. */
const char *type_text(arena *a, const type *t);

/* The fields of an input that is a record or a list of records: how many
 * there are (0 for any other input), and field 'i' of them. */
int type_input_field_count(const decl *input);
record_field *type_input_field(const decl *input, int i);

#endif

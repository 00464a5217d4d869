/* SPDX-License-Identifier: Apache-2.0 */
#include "check/types.h"

#include <string.h>

static type t_error = {.kind = T_ERROR};
static type t_bool = {.kind = T_BOOL};
static type t_int = {.kind = T_INT};
static type t_dec = {.kind = T_DEC};
static type t_money = {.kind = T_MONEY};
static type t_date = {.kind = T_DATE};
static type t_dur[4] = {
    {.kind = T_DURATION, .unit = DU_ANY}, {.kind = T_DURATION, .unit = DU_DAYS},
    {.kind = T_DURATION, .unit = DU_MONTHS}, {.kind = T_DURATION, .unit = DU_MIXED},
};

type *type_error(void) { return &t_error; }
type *type_bool(void) { return &t_bool; }
type *type_int(void) { return &t_int; }
type *type_dec(void) { return &t_dec; }
type *type_money(void) { return &t_money; }
type *type_date(void) { return &t_date; }
type *type_duration(dur_unit unit) { return &t_dur[unit & 3]; }

type *type_named(arena *a, type_kind kind, decl *d)
{
    type *t = arena_alloc(a, sizeof *t);
    t->kind = kind;
    t->decl = d;
    return t;
}

type *type_list(arena *a, type *elem)
{
    type *t = arena_alloc(a, sizeof *t);
    t->kind = T_LIST;
    t->elem = elem;
    return t;
}

type *type_optional(arena *a, type *elem)
{
    type *t = arena_alloc(a, sizeof *t);
    t->kind = T_OPTIONAL;
    t->elem = elem;
    return t;
}

bool type_equal(const type *a, const type *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case T_ENUM:
    case T_RECORD:
        return a->decl == b->decl;
    case T_LIST:
    case T_OPTIONAL:
        return type_equal(a->elem, b->elem);
    default:
        return true;
    }
}

bool type_is_numeric(const type *t)
{
    return t->kind == T_INT || t->kind == T_DEC;
}

bool type_is_scalar(const type *t)
{
    return t->kind != T_LIST && t->kind != T_RECORD && t->kind != T_OPTIONAL;
}

void type_describe(const type *t, strbuf *out)
{
    switch (t->kind) {
    case T_ERROR: sb_puts(out, "(unknown)"); return;
    case T_BOOL: sb_puts(out, "boolean"); return;
    case T_INT: sb_puts(out, "integer"); return;
    case T_DEC: sb_puts(out, "decimal"); return;
    case T_MONEY: sb_puts(out, "money"); return;
    case T_DATE: sb_puts(out, "date"); return;
    case T_DURATION:
        sb_puts(out, t->unit == DU_DAYS ? "duration in days"
                     : t->unit == DU_MONTHS ? "duration in months" : "duration");
        return;
    case T_ENUM:
    case T_RECORD:
        sb_puts(out, t->decl->name.name);
        return;
    case T_LIST:
        sb_puts(out, "list of ");
        type_describe(t->elem, out);
        return;
    case T_OPTIONAL:
        sb_puts(out, "optional ");
        type_describe(t->elem, out);
        return;
    }
}

const char *type_text(arena *a, const type *t)
{
    strbuf sb;
    sb_init(&sb);
    type_describe(t, &sb);
    const char *text = ast_strdup(a, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return text;
}

/* The records of an input: the input itself, or the items of its list. */
static const type *input_records(const decl *input)
{
    const type *t = input->type;
    const type *elem = t && t->kind == T_LIST ? t->elem : t;
    return elem && elem->kind == T_RECORD ? elem : NULL;
}

int type_input_field_count(const decl *input)
{
    const type *r = input_records(input);
    return r ? r->decl->u.record.fields.len : 0;
}

record_field *type_input_field(const decl *input, int i)
{
    const type *r = input_records(input);
    return r && i >= 0 && i < r->decl->u.record.fields.len ? NL_AT(r->decl->u.record.fields, i) : NULL;
}

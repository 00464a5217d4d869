/* SPDX-License-Identifier: Apache-2.0 */
/* External functions: the case system's answers, asked through the
 * caller's ev_externals. No answer leaves the value undetermined, with the
 * function named as the reason. */
#include <stdlib.h>

#include "eval/eval_internal.h"

lov_status ev_call_external(ev_ctx *c, decl *d, const ev_val *args, ev_val *result)
{
    int slot = ev_map_get(&c->e->slot, d);
    if (!c->ext || !c->ext->call) {
        ev_why_note(&c->why, LOV_REASON_EXTERNAL, slot, -1, -1);
        return LOV_UNDETERMINED;
    }
    int n = d->u.external.params.len;
    lov_value *values = xcalloc((size_t)n + 1, sizeof *values);
    for (int i = 0; i < n; i++)
        values[i] = args[i].v;
    lov_value r = {.i = 0};
    lov_status st = c->ext->call(c->ext->ctx, slot, values, &r);
    free(values);
    if (st != LOV_OK) {
        ev_why_note(&c->why, LOV_REASON_EXTERNAL, slot, -1, -1);
        return st > LOV_OK && st <= LOV_INVALID_INPUT ? st : LOV_UNDETERMINED;
    }
    *result = ev_scalar(r);
    return LOV_OK;
}

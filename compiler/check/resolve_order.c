/* SPDX-License-Identifier: Apache-2.0 */
/* Walks over the dependencies between declarations found by resolution:
 * circles of definitions that depend on themselves, the evaluation order
 * (resolve_evaluation_order), and which functions call an external one. */
#include "check/resolve.h"

#include <stdlib.h>
#include <string.h>

#include "check/resolve_internal.h"
#include "support/util.h"

/* ---- Cycles --------------------------------------------------------------- */

/* How many links of a circle of definitions are shown. */
enum { CYCLE_SHOWN = 10 };

/* Reports the cycle that runs from stack[from] to the top and back: the
 * first CYCLE_SHOWN links, and how many more there are. */
static void report_cycle(resolver *r, decl **stack, int *edge, int from, int top)
{
    int links = top - from + 1;
    strbuf sb;
    sb_init(&sb);
    for (int i = from; i <= top && i < from + CYCLE_SHOWN; i++)
        sb_printf(&sb, "%s -> ", stack[i]->name.name);
    if (links > CYCLE_SHOWN)
        sb_printf(&sb, "... (%d more) -> ", links - CYCLE_SHOWN);
    sb_puts(&sb, stack[from]->name.name);
    decl *first = stack[from];
    diag_error(r->diag, first->name.loc, "'%s' depends on itself: %s", first->name.name, sb.data);
    sb_free(&sb);
    for (int i = from; i <= top; i++) {
        if (i < from + CYCLE_SHOWN) {
            dependency *dep = NL_AT(stack[i]->deps, edge[i]);
            diag_note(r->diag, dep->loc, "'%s' uses '%s' here", stack[i]->name.name,
                      dep->to->name.name);
        }
        stack[i]->in_cycle = true;
    }
    if (links > CYCLE_SHOWN) {
        src_loc nowhere = {0};
        diag_note(r->diag, nowhere, "... and %d more uses in the circle", links - CYCLE_SHOWN);
    }
}

/* Depth-first search over dependencies, with an explicit stack so that a
 * long chain of definitions cannot overflow the C stack. */
void resolve_find_cycles(resolver *r)
{
    module *m = r->mod;
    int n = m->decls.len;
    if (n == 0)
        return;
    unsigned char *state = xcalloc((size_t)n, 1);      /* 0 new, 1 on the path, 2 done */
    decl **stack = xmalloc((size_t)n * sizeof *stack);
    int *edge = xmalloc((size_t)n * sizeof *edge);
    for (int root = 0; root < n; root++) {
        if (state[root])
            continue;
        int top = 0;
        stack[0] = NL_AT(m->decls, root);
        edge[0] = 0;
        state[root] = 1;
        while (top >= 0) {
            decl *d = stack[top];
            if (edge[top] >= d->deps.len) {
                state[d->position] = 2;
                top--;
                if (top >= 0)
                    edge[top]++;
                continue;
            }
            dependency *dep = NL_AT(d->deps, edge[top]);
            decl *to = dep->to;
            if (to->module != m) {
                edge[top]++;
                continue;
            }
            if (state[to->position] == 1) {
                int from = top;
                while (from > 0 && stack[from] != to)
                    from--;
                report_cycle(r, stack, edge, from, top);
                edge[top]++;
                continue;
            }
            if (state[to->position] == 2) {
                edge[top]++;
                continue;
            }
            state[to->position] = 1;
            stack[++top] = to;
            edge[top] = 0;
        }
    }
    free(edge);
    free(stack);
    free(state);
}

static bool is_evaluated(const module *m, const decl *d)
{
    return d->module == m && (d->kind == D_DEFINITION || d->kind == D_OUTCOME) && !d->u.def.has_params;
}

/* Depth first over the dependencies, with an explicit stack (a long chain
 * of definitions must not exhaust the C stack). */
void resolve_evaluation_order(module *m, ptrvec *order)
{
    int n = m->decls.len;
    if (n == 0)
        return;
    unsigned char *state = xcalloc((size_t)n, 1);      /* 0 new, 1 on the path, 2 placed */
    decl **stack = xmalloc((size_t)n * sizeof *stack);
    int *edge = xmalloc((size_t)n * sizeof *edge);
    for (int root = 0; root < n; root++) {
        decl *first = NL_AT(m->decls, root);
        if (state[root] || !is_evaluated(m, first))
            continue;
        int top = 0;
        stack[0] = first;
        edge[0] = 0;
        state[root] = 1;
        while (top >= 0) {
            decl *d = stack[top];
            if (edge[top] >= d->deps.len) {
                state[d->position] = 2;
                pv_push(order, d);
                top--;
                continue;
            }
            decl *to = ((dependency *)NL_AT(d->deps, edge[top]++))->to;
            if (!is_evaluated(m, to) || state[to->position])
                continue;
            state[to->position] = 1;
            stack[++top] = to;
            edge[top] = 0;
        }
    }
    free(edge);
    free(stack);
    free(state);
}

/* Which functions call an external one, directly or through others: from
 * those that call one themselves, backwards over the uses, so that each
 * declaration and each use is visited once. */
void resolve_mark_external_calls(module *m)
{
    int n = m->decls.len;
    if (n == 0)
        return;
    /* users[first[k] .. first[k + 1]) are the declarations that use decl k. */
    int *first = xcalloc((size_t)n + 1, sizeof *first);
    int nuses = 0;
    for (int i = 0; i < n; i++) {
        decl *d = NL_AT(m->decls, i);
        for (int k = 0; k < d->deps.len; k++) {
            decl *to = ((dependency *)NL_AT(d->deps, k))->to;
            if (to->module == m) {
                first[to->position + 1]++;
                nuses++;
            }
        }
    }
    for (int k = 0; k < n; k++)
        first[k + 1] += first[k];
    int *fill = xmalloc(((size_t)n + 1) * sizeof *fill);
    memcpy(fill, first, ((size_t)n + 1) * sizeof *fill);
    decl **users = xmalloc(((size_t)nuses + 1) * sizeof *users);
    for (int i = 0; i < n; i++) {
        decl *d = NL_AT(m->decls, i);
        for (int k = 0; k < d->deps.len; k++) {
            decl *to = ((dependency *)NL_AT(d->deps, k))->to;
            if (to->module == m)
                users[fill[to->position]++] = d;
        }
    }
    decl **work = xmalloc((size_t)n * sizeof *work);
    int top = 0;
    for (int i = 0; i < n; i++) {
        decl *d = NL_AT(m->decls, i);
        if (d->calls_external)
            work[top++] = d;
    }
    while (top > 0) {
        decl *d = work[--top];
        for (int k = first[d->position]; k < first[d->position + 1]; k++) {
            decl *u = users[k];
            if (!u->calls_external) {
                u->calls_external = true;
                work[top++] = u;
            }
        }
    }
    free(work);
    free(users);
    free(fill);
    free(first);
}

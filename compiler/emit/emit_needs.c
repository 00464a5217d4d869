/* SPDX-License-Identifier: Apache-2.0 */
/* What each output needs, for NAME_evaluate_some: the outputs its rules read
 * (directly, or through the definitions with parameters they call), as a
 * table in NAME.c, and needed(), which closes a set of outputs asked for
 * under "needs" by one walk against the evaluation order. */
#include <string.h>

#include "emit/emit.h"

typedef struct reads_walk {
    emitter *em;
    ptrvec *slots;           /* int slot + 1, as pointers */
    ptrvec seen;             /* decl*: functions walked already */
} reads_walk;

static void walk_rules(reads_walk *w, decl *d);

static void visit_read(expr *e, void *ctx)
{
    reads_walk *w = ctx;
    if (e->kind == E_NAME && e->u.name.ref == REF_DECL) {
        decl *d = e->u.name.target;
        if ((d->kind == D_DEFINITION || d->kind == D_OUTCOME) && !d->u.def.has_params && d->module == w->em->mod) {
            void *slot = (void *)(intptr_t)(d->slot + 1);
            for (size_t i = 0; i < w->slots->len; i++)
                if (w->slots->items[i] == slot)
                    return;
            pv_push(w->slots, slot);
        }
    } else if (e->kind == E_CALL && e->u.call.callee->kind == E_NAME
               && e->u.call.callee->u.name.ref == REF_FUNCTION) {
        decl *f = e->u.call.callee->u.name.target;
        if (f->kind != D_DEFINITION)
            return;
        for (size_t i = 0; i < w->seen.len; i++)
            if (w->seen.items[i] == f)
                return;
        pv_push(&w->seen, f);
        walk_rules(w, f);
    }
}

static void walk_rules(reads_walk *w, decl *d)
{
    if (d->kind == D_ASSERT) {
        ast_walk(d->u.assert_.cond, visit_read, w);
        return;
    }
    for (int k = 0; k < d->u.def.rules.len; k++) {
        ast_rule *r = NL_AT(d->u.def.rules, k);
        if (r->cond)
            ast_walk(r->cond, visit_read, w);
        ast_walk(r->value, visit_read, w);
    }
    for (int k = 0; k < d->u.def.requires.len; k++)
        ast_walk(((requirement *)NL_AT(d->u.def.requires, k))->cond, visit_read, w);
}

void emit_needs(emitter *em)
{
    strbuf *c = &em->c;
    size_t n = em->outputs.len;
    strbuf reads, from;
    sb_init(&reads);
    sb_init(&from);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        decl *d = em->outputs.items[i];
        ptrvec slots = {0};
        reads_walk w = {em, &slots, {0}};
        walk_rules(&w, d);
        sb_printf(&from, "%s%zu", i ? ", " : "", total);
        for (size_t k = 0; k < slots.len; k++, total++)
            sb_printf(&reads, "%s%d", total ? ", " : "", (int)(intptr_t)slots.items[k] - 1);
        pv_free(&slots);
        pv_free(&w.seen);
    }
    sb_printf(&from, "%s%zu", n ? ", " : "", total);
    sb_puts(c, "/* NAME_evaluate_some: the outputs each output reads (directly, or through a\n"
               " * definition with parameters), reads[reads_from[i]] .. reads[reads_from[i + 1] - 1]\n"
               " * for output i; and the outputs in evaluation order. */\n");
    emit_printf(c, "static const uint32_t reads[] = {%s};%s\n", total ? reads.data : "0",
                total ? "" : "    /* none: a placeholder */");
    emit_printf(c, "static const uint32_t reads_from[] = {%s};\n", from.data);
    sb_puts(c, "static const uint32_t evaluation_order[] = {");
    for (size_t i = 0; i < em->order.len; i++)
        emit_printf(c, "%s%d", i ? ", " : "", ((decl *)em->order.items[i])->slot);
    sb_puts(c, em->order.len ? "};\n\n" : "0};\n\n");
    sb_free(&reads);
    sb_free(&from);
    sb_puts(c, "/* Is output 'slot' to be worked out? (NULL: every output is.) */\n"
               "static bool needed_slot(const uint64_t *need, uint32_t slot)\n{\n"
               "    return need == NULL || (need[slot / 64] >> (slot % 64) & 1) != 0;\n}\n\n");
    emit_printf(c, "/* The outputs asked for, and every output they need, into 'need': one walk\n"
                   " * back through the evaluation order, since each output comes after those it\n"
                   " * reads. */\n"
                   "static void needed(const uint64_t *wanted, uint64_t need[%d])\n{\n"
                   "    for (int i = 0; i < %d; i++)\n        need[i] = wanted[i];\n"
                   "    for (size_t k = %zu; k-- > 0;) {\n        uint32_t s = evaluation_order[k];\n"
                   "        if (!needed_slot(need, s))\n            continue;\n"
                   "        for (uint32_t r = reads_from[s]; r < reads_from[s + 1]; r++)\n"
                   "            need[reads[r] / 64] |= UINT64_C(1) << (reads[r] %% 64);\n    }\n}\n\n",
                em->output_words, em->output_words, em->order.len);
}

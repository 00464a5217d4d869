/* SPDX-License-Identifier: Apache-2.0 */
/* What each output needs, for NAME_evaluate_some: the outputs its rules read
 * (directly, or through the definitions with parameters they call), as a
 * table in NAME.c, and needed(), which closes a set of outputs asked for
 * under "needs" by one walk against the evaluation order. And where each
 * output's status is, so that what is done for every output is a loop over
 * a table, not a line per output in one C function (which would make the C
 * compiler's time grow faster than the module). */
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
    emit_status_table(em);
}

/* Does the output count for the evaluation's status? The outcomes do (or,
 * in rules without outcomes, the definitions), also when no output is asked
 * for; assertions never: whether an invariant holds is a question for the
 * tests, not for the decision. */
static int counting(const decl *d, bool any_outcome)
{
    if (d->kind == D_ASSERT)
        return 0;
    return d->kind == D_OUTCOME || (!any_outcome && d->kind == D_DEFINITION) ? 2 : 1;
}

void emit_status_table(emitter *em)
{
    strbuf *c = &em->c;
    const char *p = em->mod->c_prefix;
    size_t n = em->outputs.len;
    if (n == 0)
        return;
    bool any_outcome = false, any_counted = false;
    for (size_t i = 0; i < n; i++) {
        decl *d = em->outputs.items[i];
        any_outcome |= d->kind == D_OUTCOME;
        any_counted |= d->kind != D_ASSERT;
    }
    sb_puts(c, "/* Each output's status in the output struct, by slot, and whether it counts\n"
               " * for the evaluation's status: 2 also when no output is asked for (an\n"
               " * outcome), 1 when asked for, 0 never (an assertion). */\n"
               "static const struct output_status {\n    size_t at;\n    uint8_t counts;\n} output_status[] = {\n");
    for (size_t i = 0; i < n; i++) {
        decl *d = em->outputs.items[i];
        emit_printf(c, "    {offsetof(%s_output, status.%s), %d},\n", p, d->c_name, counting(d, any_outcome));
    }
    sb_puts(c, "};\n\n");
    emit_printf(c, "static lov_status *status_at(%s_output *out, size_t slot)\n{\n"
                   "    return (lov_status *)((char *)out + output_status[slot].at);\n}\n\n", p);
    emit_printf(c, "/* Every output's status. */\n"
                   "static void set_statuses(%s_output *out, lov_status st)\n{\n"
                   "    for (size_t i = 0; i < %zu; i++)\n        *status_at(out, i) = st;\n}\n\n", p, n);
    if (any_counted)
        sb_puts(c, "/* Does output 'slot' count for the evaluation's status? When outputs are\n"
                   " * asked for, those asked for; else the outcomes (the definitions, in rules\n"
                   " * without outcomes). */\n"
                   "static bool counts(const uint64_t *wanted, uint32_t slot)\n{\n"
                   "    if (output_status[slot].counts == 0)\n        return false;\n"
                   "    return wanted ? (wanted[slot / 64] >> (slot % 64) & 1) != 0 : output_status[slot].counts == 2;\n"
                   "}\n\n");
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Two rule sets as one question to the prover (diff_prove.h). The new
 * module's session asks; the old module's facts (its inputs' ranges and
 * bounds, the calendar's facts its rules need) are added to it for each
 * question and taken away after. */
#include "prove/diff_prove.h"

#include <stdlib.h>
#include <string.h>

#include "prove/smt_internal.h"
#include "support/util.h"

struct diff_prover {
    smt *old_side;           /* owns the Z3 context */
    smt *new_side;           /* in the same context; asks the questions */
};

diff_prover *diff_prover_new(module *old_mod, module *new_mod, int list_bound, unsigned timeout_ms)
{
    diff_prover *p = xcalloc(1, sizeof *p);
    p->old_side = smt_new(old_mod, list_bound, timeout_ms);
    p->new_side = smt_new_beside(new_mod, p->old_side, list_bound, timeout_ms);
    return p;
}

void diff_prover_free(diff_prover *p)
{
    if (!p)
        return;
    smt_free(p->new_side);                   /* before the context it borrows */
    smt_free(p->old_side);
    free(p);
}

decl *diff_input_clash(module *old_mod, module *new_mod, decl **old_input)
{
    for (int i = 0; i < new_mod->decls.len; i++) {
        decl *n = NL_AT(new_mod->decls, i);
        if (n->kind != D_INPUT)
            continue;
        for (int j = 0; j < old_mod->decls.len; j++) {
            decl *o = NL_AT(old_mod->decls, j);
            if (o->kind == D_INPUT && strcmp(o->name.name, n->name.name) == 0 && !smt_same_shape(o->type, n->type)) {
                *old_input = o;
                return n;
            }
        }
    }
    *old_input = NULL;
    return NULL;
}

/* For the example: the old rules' facts, from the same model. */
typedef struct old_facts {
    smt *old_side;
    strbuf *all, *own;
} old_facts;

static void write_old(smt *s, Z3_model m, void *ctx)
{
    (void)s;
    old_facts *w = ctx;
    if (w->all)
        smt_write_example(w->old_side, m, w->all);
    if (w->own)
        smt_write_own_facts(w->old_side, m, w->own);
}

smt_answer diff_output_can_differ(diff_prover *p, decl *old_out, decl *new_out, strbuf *new_facts,
                                  strbuf *old_facts_out, strbuf *old_only)
{
    smt *a = p->old_side, *b = p->new_side;
    a->incomplete = b->incomplete = false;
    a->incomplete_why = b->incomplete_why = NULL;
    sv va = smt_encode_definition(a, old_out);
    sv vb = smt_encode_definition(b, new_out);
    /* Decided on one side only, or on both with different values. */
    Z3_ast one_side = smt_not(b, smt_eq(b, va.ok, vb.ok));
    Z3_ast both_differ = smt_and(b, smt_and(b, va.ok, vb.ok), smt_not(b, smt_same_value(b, va, vb)));
    Z3_ast question = smt_or(b, one_side, both_differ);

    /* The old side's facts and calendar, with this question only. */
    size_t side_len = b->side.len, exact_len = b->exact.len;
    for (size_t i = 0; i < a->side.len; i++)
        pv_push(&b->side, a->side.items[i]);
    for (size_t i = 0; i < a->exact.len; i++)
        pv_push(&b->exact, a->exact.items[i]);
    if (a->incomplete) {
        b->incomplete = true;
        b->incomplete_why = a->incomplete_why;
    }
    old_facts w = {a, old_facts_out, old_only};
    smt_answer answer = smt_ask_with(b, question, new_facts, write_old, &w);
    b->side.len = side_len;
    b->exact.len = exact_len;
    return answer;
}

bool diff_exact_calendar(diff_prover *p, bool on)
{
    bool a = smt_exact_calendar(p->old_side, on);
    bool b = smt_exact_calendar(p->new_side, on);
    return a || b;
}

const char *diff_why_unknown(const diff_prover *p)
{
    return smt_why_unknown(p->new_side);
}

const char *diff_why_undecided(diff_prover *p)
{
    return smt_why_undecided(p->new_side);
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Read sets: for each rule of a module, the inputs and definitions it
 * reads, as bit sets by declaration position, worked out once in
 * dependence order (each rule after those it uses). */
#include "safety/reads.h"

#include <stdlib.h>
#include <string.h>

#include "support/util.h"

struct reads {
    module *mod;
    int words;               /* uint64_t words in one set */
    uint64_t *own;           /* by position: what its rules read (without prerequisites) */
    uint64_t *with_req;      /* by position: the same with its prerequisites */
    unsigned char *state;    /* by position: 0 not yet, 1 in progress, 2 done */
    int *depth;              /* by position: the longest chain of the module's rules it rests on */
};

static uint64_t *set_of(reads *r, uint64_t *base, int position)
{
    return base + (size_t)position * (size_t)r->words;
}

static void set_add(uint64_t *set, int position)
{
    set[position / 64] |= (uint64_t)1 << (position % 64);
}

static bool set_has(const uint64_t *set, int position)
{
    return (set[position / 64] >> (position % 64)) & 1;
}

static void set_union(reads *r, uint64_t *into, const uint64_t *from)
{
    for (int i = 0; i < r->words; i++)
        into[i] |= from[i];
}

static void compute(reads *r, decl *d);

typedef struct walk {
    reads *r;
    uint64_t *set;
    int deepest;             /* of the rules read so far */
} walk;

static bool is_rule_decl(const decl *d)
{
    return d->kind == D_DEFINITION || d->kind == D_OUTCOME || d->kind == D_ASSERT;
}

/* The declaration a name stands for (an input, parameter, definition or
 * function), or NULL. */
static decl *named_decl(const expr *e)
{
    if ((e->kind != E_NAME && e->kind != E_FIELD) || (e->u.name.ref != REF_DECL && e->u.name.ref != REF_FUNCTION))
        return NULL;
    return e->u.name.target;
}

static void visit(expr *e, void *ctx)
{
    walk *w = ctx;
    decl *d = named_decl(e);
    if (!d || d->module != w->r->mod)
        return;
    set_add(w->set, d->position);
    if (is_rule_decl(d)) {
        compute(w->r, d);
        set_union(w->r, w->set, set_of(w->r, w->r->own, d->position));
        if (w->r->depth[d->position] > w->deepest)
            w->deepest = w->r->depth[d->position];
    }
}

/* Adds what e reads to set; returns the depth of the deepest rule it reads. */
static int add_expr(reads *r, uint64_t *set, expr *e)
{
    walk w = {r, set, 0};
    if (e)
        ast_walk(e, visit, &w);
    return w.deepest;
}

static void deepen(reads *r, decl *d, int depth)
{
    if (depth + 1 > r->depth[d->position])
        r->depth[d->position] = depth + 1;
}

static void compute(reads *r, decl *d)
{
    if (r->state[d->position])
        return;                       /* done, or a circle (reported as an error before) */
    r->state[d->position] = 1;
    uint64_t *own = set_of(r, r->own, d->position);
    r->depth[d->position] = 1;
    if (d->kind == D_ASSERT) {
        deepen(r, d, add_expr(r, own, d->u.assert_.cond));
    } else {
        for (int k = 0; k < d->u.def.rules.len; k++) {
            ast_rule *rule = NL_AT(d->u.def.rules, k);
            deepen(r, d, add_expr(r, own, rule->cond));
            deepen(r, d, add_expr(r, own, rule->value));
        }
    }
    uint64_t *req = set_of(r, r->with_req, d->position);
    set_union(r, req, own);
    if (d->kind == D_OUTCOME)
        for (int k = 0; k < d->u.def.requires.len; k++)
            deepen(r, d, add_expr(r, req, ((requirement *)NL_AT(d->u.def.requires, k))->cond));
    r->state[d->position] = 2;
}

reads *reads_new(module *m)
{
    reads *r = xcalloc(1, sizeof *r);
    r->mod = m;
    r->words = m->decls.len / 64 + 1;
    size_t n = (size_t)(m->decls.len + 1) * (size_t)r->words;
    r->own = xcalloc(n, sizeof *r->own);
    r->with_req = xcalloc(n, sizeof *r->with_req);
    r->state = xcalloc((size_t)m->decls.len + 1, 1);
    r->depth = xcalloc((size_t)m->decls.len + 1, sizeof *r->depth);
    for (int i = 0; i < m->decls.len; i++) {
        decl *d = NL_AT(m->decls, i);
        if (is_rule_decl(d))
            compute(r, d);
    }
    return r;
}

void reads_free(reads *r)
{
    if (!r)
        return;
    free(r->own);
    free(r->with_req);
    free(r->state);
    free(r->depth);
    free(r);
}

bool reads_input(reads *r, decl *d, const decl *in, bool with_requires)
{
    if (d->module != r->mod || in->module != r->mod)
        return false;
    return set_has(set_of(r, with_requires ? r->with_req : r->own, d->position), in->position);
}

bool reads_definition(reads *r, decl *d, const decl *what)
{
    if (d->module != r->mod || what->module != r->mod)
        return false;
    return set_has(set_of(r, r->own, d->position), what->position);
}

typedef struct expr_reader {
    reads *r;
    const decl *in;
    bool found;
} expr_reader;

static void expr_reader_visit(expr *e, void *ctx)
{
    expr_reader *x = ctx;
    decl *d = named_decl(e);
    if (d == x->in || (d && is_rule_decl(d) && reads_input(x->r, d, x->in, false)))
        x->found = true;
}

bool reads_expr_input(reads *r, expr *e, const decl *in)
{
    expr_reader x = {r, in, false};
    if (e)
        ast_walk(e, expr_reader_visit, &x);
    return x.found;
}

typedef struct finder {
    reads *r;
    const decl *in;
    const expr *direct;      /* the first name of 'in' */
    decl *via;               /* the first definition that reads 'in' */
} finder;

static void find_visit(expr *e, void *ctx)
{
    finder *f = ctx;
    decl *d = named_decl(e);
    if (!d)
        return;
    if (d == f->in && !f->direct)
        f->direct = e;
    else if (d && is_rule_decl(d) && !f->via && reads_input(f->r, d, f->in, false))
        f->via = d;
}

const expr *reads_first_use(reads *r, decl *d, const decl *in)
{
    for (int depth = 0; d && depth <= r->mod->decls.len; depth++) {
        finder f = {r, in, NULL, NULL};
        if (d->kind == D_ASSERT) {
            ast_walk(d->u.assert_.cond, find_visit, &f);
        } else {
            for (int k = 0; k < d->u.def.rules.len && !f.direct; k++) {
                ast_rule *rule = NL_AT(d->u.def.rules, k);
                if (rule->cond)
                    ast_walk(rule->cond, find_visit, &f);
                if (!f.direct)
                    ast_walk(rule->value, find_visit, &f);
            }
        }
        if (f.direct)
            return f.direct;
        d = f.via;
    }
    return NULL;
}

int reads_depth(reads *r, const decl *d)
{
    return d->module == r->mod && is_rule_decl(d) ? r->depth[d->position] : 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* The generator of the differential tests: random valid lov modules and
 * random cases for them, deterministic by seed.
 *
 *   gen SEED DIR [--cases N] [--keep LIST] [--case K --drop LIST]
 *
 * writes DIR/m.lov and DIR/case_0.json .. case_{N-1}.json (default 24).
 * A module has a header with a period in force, a reference date and a
 * month end rule (clamp or overflow), an enumeration, a record with an
 * optional field, inputs of every type (some optional, some event dates),
 * a dated parameter with a gap and a fixed one, external functions, then
 * RULES declarations: definitions (with defaults, exceptions nested up to
 * three levels, or none), definitions with parameters, outcomes, adverse
 * outcomes with prerequisites, and assertions; some use a module of their
 * own (DIR/lib.lov, with another month end rule and a fixed parameter its
 * definitions with parameters read). Expressions use every
 * construct: law's and/or/implies, comparisons, between, within windows,
 * aggregates with filters (nested), if, match, otherwise, rounding of
 * products and quotients, units, dated parameters at a day, calendar
 * built-ins. Each declaration is drawn from its own stream (SEED, index),
 * so a reproducer can be shrunk: --keep 0,3,7 keeps only those
 * declarations (a reference to one left out becomes a literal), and
 * --case K --drop 2,5 writes only case K with those facts left out. Cases
 * draw boundary values: month ends, leap days, the ends of the calendar
 * and of the period in force, 0 and the ends of the 64-bit range, a
 * missing fact or an absent optional one. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Randomness: splitmix64 ---- */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t next(rng *r)
{
    uint64_t z = (r->s += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static int pick(rng *r, int n)
{
    return (int)(next(r) % (uint64_t)n);
}

static bool chance(rng *r, int percent)
{
    return pick(r, 100) < percent;
}

static rng stream(uint64_t seed, uint64_t k)
{
    rng r = {seed * UINT64_C(0x2545F4914F6CDD1D) + k * UINT64_C(0x9E3779B97F4A7C15) + 1};
    next(&r);
    return r;
}

/* ---- Text ---- */

typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

static void put(buf *b, const char *f, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, f);
        int n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, f, ap);
        va_end(ap);
        if (b->s && (size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        b->cap = (b->cap + (size_t)n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s)
            exit(2);
    }
}

/* ---- Types and what names exist ---- */

typedef enum ty { TB, TI, TM, TD, TX, TE, TOD, NTYPES } ty;
static const char *const ty_lov[] = {"boolean", "integer", "money", "date", "decimal", "Farve", "optional date"};

typedef struct input_name {
    const char *text;
    ty t;
} input_name;

static const input_name inputs[] = {
    {"b1", TB}, {"b2", TB}, {"n1", TI}, {"n2", TI}, {"m1", TM}, {"m2", TM},
    {"d1", TD}, {"dato", TD}, {"x1", TX}, {"f1", TE}, {"od", TOD},
};
enum { NINPUTS = sizeof inputs / sizeof inputs[0] };

enum { MAXDECLS = 64 };

typedef enum dkind { K_DEF, K_FUNC, K_OUTCOME, K_ADVERSE, K_ASSERT } dkind;

typedef struct gdecl {
    dkind kind;
    ty t;
    char name[16];
    bool kept;
} gdecl;

typedef struct gen {
    rng r;
    buf *out;
    gdecl *decls;
    int ndecls;              /* declared before the one being written */
    int depth;
    const char *var;         /* the innermost aggregate's variable, or NULL */
    const char *outer_var;
    bool in_function;        /* only the parameters a, b, c, fixed values and functions */
    bool overflow_rule;
    bool externals;
    bool uses;               /* the module uses difflib (lib.lov) */
} gen;

static void expr(gen *g, ty t);

static const char *const cases[] = {"rød", "grøn", "blå"};

static void literal(gen *g, ty t)
{
    rng *r = &g->r;
    switch (t) {
    case TB: put(g->out, chance(r, 50) ? "yes" : "no"); break;
    case TI: {
        static const int64_t pool[] = {0, 1, 2, 3, 7, 12, 224, 225, 226, 1000};
        int64_t v = pool[pick(r, 10)];
        put(g->out, chance(r, 15) ? "(-%" PRId64 ")" : "%" PRId64, v);
        break;
    }
    case TM: {
        static const int64_t pool[] = {0, 1, 50, 100, 1250, 105400, 106700, 99999};
        int64_t v = pool[pick(r, 8)];
        put(g->out, "%" PRId64 ".%02" PRId64 " kr", v / 100, v % 100);
        break;
    }
    case TD: {
        static const char *const pool[] = {"2019-01-01", "2020-02-29", "2020-03-31", "2021-01-31", "2022-06-30",
                                           "2022-07-01", "2023-12-31", "2024-02-29", "2019-12-31"};
        put(g->out, "%s", pool[pick(r, 9)]);
        break;
    }
    case TX: {
        static const char *const pool[] = {"0.5", "1.25", "0.1", "2.0", "0.333", "25 %", "1.005"};
        put(g->out, "%s", pool[pick(r, 7)]);
        break;
    }
    case TE: put(g->out, "%s", cases[pick(r, 3)]); break;
    case TOD: put(g->out, "od"); break;
    default: break;
    }
}

/* A literal that stands in for a declaration left out when shrinking. */
static void stand_in(gen *g, ty t)
{
    static const char *const fixed[] = {"no", "0", "0 kr", "2020-01-01", "0.5", "rød", "od"};
    put(g->out, "%s", fixed[t]);
}

/* An earlier declaration (definition or outcome) of type t, or -1. */
static int earlier(gen *g, ty t)
{
    int found[MAXDECLS], n = 0;
    for (int i = 0; i < g->ndecls; i++)
        if ((g->decls[i].kind == K_DEF || g->decls[i].kind == K_OUTCOME || g->decls[i].kind == K_ADVERSE)
            && g->decls[i].t == t)
            found[n++] = i;
    return n ? found[pick(&g->r, n)] : -1;
}

static int earlier_function(gen *g, ty t)
{
    int found[MAXDECLS], n = 0;
    for (int i = 0; i < g->ndecls; i++)
        if (g->decls[i].kind == K_FUNC && g->decls[i].t == t)
            found[n++] = i;
    return n ? found[pick(&g->r, n)] : -1;
}

static void leaf(gen *g, ty t)
{
    rng *r = &g->r;
    if (g->in_function) {
        if (t == TI && chance(r, 60)) { put(g->out, "a"); return; }
        if (t == TM && chance(r, 60)) { put(g->out, "b"); return; }
        if (t == TD && chance(r, 60)) { put(g->out, "c"); return; }
        if (t == TI && chance(r, 30)) { put(g->out, "grænse"); return; }
        literal(g, t);
        return;
    }
    if (g->var && chance(r, 45)) {
        const char *v = chance(r, 70) || !g->outer_var ? g->var : g->outer_var;
        switch (t) {
        case TI: put(g->out, "%s.timer", v); return;
        case TM: put(g->out, "%s.beløb", v); return;
        case TD: put(g->out, chance(r, 30) ? "(%s.slut otherwise %s.dag)" : "%s.dag", v, v); return;
        case TB: put(g->out, "%s.godkendt", v); return;
        case TE: put(g->out, "%s.farve", v); return;
        default: break;
        }
    }
    int k = chance(r, 40) ? earlier(g, t) : -1;
    if (k >= 0) {
        if (g->decls[k].kept)
            put(g->out, "%s", g->decls[k].name);
        else
            stand_in(g, t);
        return;
    }
    if (chance(r, 35)) {
        literal(g, t);
        return;
    }
    if (t == TM && chance(r, 25)) {
        put(g->out, chance(r, 50) ? "sats" : "(sats at %s)", chance(r, 50) ? "d1" : "dato");
        return;
    }
    if (t == TI && chance(r, 20)) {
        put(g->out, "grænse");
        return;
    }
    int n = 0, found[NINPUTS];
    for (int i = 0; i < NINPUTS; i++)
        if (inputs[i].t == t)
            found[n++] = i;
    if (n)
        put(g->out, "%s", inputs[found[pick(r, n)]].text);
    else
        literal(g, t);
}

static void aggregate(gen *g, ty t)
{
    rng *r = &g->r;
    const char *v = !g->var ? "p" : !g->outer_var ? "q" : NULL;
    if (!v) {
        leaf(g, t);
        return;
    }
    const char *saved_var = g->var, *saved_outer = g->outer_var;
    buf *o = g->out;
    bool filter = chance(r, 60), forall = false, optional = false;
    g->outer_var = g->var;
    g->var = v;
    if (t == TB) {
        forall = chance(r, 50);
        put(o, "(%s %s in poster", forall ? "for all" : "exists", v);
    } else if (t == TI && chance(r, 50)) {
        put(o, "(count %s in poster", v);
    } else if (t == TD || (t == TM && chance(r, 30))) {
        optional = true;
        put(o, "((%s of ", chance(r, 50) ? "minimum" : "maximum");
        expr(g, t);
        put(o, " for %s in poster", v);
    } else {
        put(o, "(sum of ");
        expr(g, t == TX ? TX : t);
        put(o, " for %s in poster", v);
    }
    if (filter) {
        put(o, " where ");
        expr(g, TB);
    }
    if (forall) {
        put(o, " holds ");
        expr(g, TB);
    }
    g->var = saved_var;
    g->outer_var = saved_outer;
    put(o, ")");
    if (optional) {
        put(o, " otherwise ");
        expr(g, t);
        put(o, ")");
    }
}

static void compare(gen *g, ty t)
{
    static const char *const ops[] = {"=", "!=", "<", "<=", ">", ">="};
    buf *o = g->out;
    put(o, "(");
    expr(g, t);
    const char *op = ops[t == TB || t == TE ? pick(&g->r, 2) : pick(&g->r, 6)];
    put(o, " %s ", op);
    expr(g, t);      /* the same expression on both sides too: lovc must write its C */
    put(o, ")");
}

static void bool_expr(gen *g)
{
    rng *r = &g->r;
    buf *o = g->out;
    switch (pick(r, g->in_function ? 5 : 13)) {
    case 0: compare(g, TI); break;
    case 1: compare(g, TM); break;
    case 2: compare(g, TD); break;
    case 3:
        put(o, "(");
        expr(g, TB);
        put(o, " %s ", chance(r, 40) ? "and" : chance(r, 60) ? "or" : "implies");
        expr(g, TB);
        put(o, ")");
        break;
    case 4:
        put(o, "(not ");
        expr(g, TB);
        put(o, ")");
        break;
    case 5: compare(g, TE); break;
    case 6:
        put(o, "(");
        expr(g, TD);
        put(o, " within %d %s %s ", pick(r, 14) + 1, chance(r, 50) ? "months" : "days",
            chance(r, 60) ? "before" : "after");
        expr(g, TD);
        put(o, ")");
        break;
    case 7:
        put(o, "(");
        expr(g, TI);
        put(o, " between ");
        expr(g, TI);
        put(o, " and ");
        expr(g, TI);
        put(o, ")");
        break;
    case 8:
        put(o, chance(r, 50) ? "(od is present and od < " : "(od is absent or od >= ");
        expr(g, TD);
        put(o, ")");
        break;
    case 9:
        if (g->var && chance(r, 50)) {
            put(o, "(%s.slut is present and %s.slut > ", g->var, g->var);
            expr(g, TD);
            put(o, ")");
        } else {
            aggregate(g, TB);
        }
        break;
    case 10:
        if (g->externals) {
            put(o, "helligdag(");
            expr(g, TD);
            put(o, ")");
        } else {
            leaf(g, TB);
        }
        break;
    case 11:
        compare(g, TX);
        break;
    default:
        leaf(g, TB);
        break;
    }
}

static void int_expr(gen *g)
{
    rng *r = &g->r;
    buf *o = g->out;
    static const char *const date_fns[] = {"year_of", "month_of", "day_of", "weekday_of"};
    switch (pick(r, g->in_function ? 8 : 15)) {
    case 0:
    case 1:
        put(o, "(");
        expr(g, TI);
        put(o, " %s ", chance(r, 40) ? "+" : chance(r, 50) ? "-" : "*");
        expr(g, TI);
        put(o, ")");
        break;
    case 2:
        put(o, "%s(", chance(r, 50) ? "days_between" : "months_between");
        expr(g, TD);
        put(o, ", ");
        expr(g, TD);
        put(o, ")");
        break;
    case 3:
        put(o, "%s(", date_fns[pick(r, 4)]);
        expr(g, TD);
        put(o, ")");
        break;
    case 4:
        if (chance(r, 25)) {
            put(o, "abs(");
            expr(g, TI);
            put(o, ")");
            break;
        }
        put(o, "%s(", chance(r, 50) ? "min" : "max");
        expr(g, TI);
        put(o, ", ");
        expr(g, TI);
        put(o, ")");
        break;
    case 5:
        put(o, "(if ");
        expr(g, TB);
        put(o, " then ");
        expr(g, TI);
        put(o, " else ");
        expr(g, TI);
        put(o, ")");
        break;
    case 6:
        put(o, "((");
        expr(g, TI);
        put(o, " / ");
        expr(g, TI);
        put(o, ") rounded %s)", chance(r, 50) ? "half up" : chance(r, 50) ? "down" : "half even");
        break;
    case 7:
        put(o, "((");
        expr(g, TX);
        put(o, ") rounded %s)", chance(r, 50) ? "half even" : "up");
        break;
    case 8:
    case 9:
        aggregate(g, TI);
        break;
    case 11:
        if (g->uses && !g->in_function) {
            put(o, "difflib.begrænset(");
            expr(g, TI);
            put(o, ")");
        } else {
            leaf(g, TI);
        }
        break;
    case 10:
        put(o, "(match ");
        expr(g, TE);
        put(o, " case rød then ");
        expr(g, TI);
        if (chance(r, 50)) {
            put(o, " case grøn, blå then ");
            expr(g, TI);
        } else {
            put(o, " else ");
            expr(g, TI);
        }
        put(o, " end)");
        break;
    default:
        leaf(g, TI);
        break;
    }
}

static void money_expr(gen *g)
{
    rng *r = &g->r;
    buf *o = g->out;
    static const char *const modes[] = {"half up", "half even", "down", "up"};
    switch (pick(r, g->in_function ? 7 : 13)) {
    case 0:
    case 1:
        put(o, "(");
        expr(g, TM);
        put(o, " %s ", chance(r, 50) ? "+" : "-");
        expr(g, TM);
        put(o, ")");
        break;
    case 2:
        put(o, "(");
        expr(g, TM);
        put(o, " * ");
        expr(g, TI);
        put(o, ")");
        break;
    case 3:
        put(o, "((");
        expr(g, TM);
        put(o, " * ");
        expr(g, TX);
        if (chance(r, 40)) {
            put(o, " + ");
            expr(g, TM);
        }
        put(o, ") rounded %s%s)", modes[pick(r, 4)], chance(r, 30) ? " to kr" : "");
        break;
    case 4:
        put(o, "((");
        expr(g, TM);
        put(o, " / ");
        expr(g, chance(r, 60) ? TI : TX);
        put(o, ") rounded %s%s)", modes[pick(r, 4)], chance(r, 30) ? " to kr" : "");
        break;
    case 5:
        put(o, "(if ");
        expr(g, TB);
        put(o, " then ");
        expr(g, TM);
        put(o, " else ");
        expr(g, TM);
        put(o, ")");
        break;
    case 6: {
        int f = earlier_function(g, TM);
        if (f >= 0 && g->decls[f].kept && !g->in_function) {
            put(o, "%s(", g->decls[f].name);
            expr(g, TI);
            put(o, ", ");
            expr(g, TM);
            put(o, ", ");
            expr(g, TD);
            put(o, ")");
        } else {
            put(o, "(");
            expr(g, TI);
            put(o, " kr)");
        }
        break;
    }
    case 7:
    case 8:
        aggregate(g, TM);
        break;
    case 9:
        put(o, "%s(", chance(r, 40) ? "min" : "max");
        expr(g, TM);
        put(o, ", ");
        expr(g, TM);
        put(o, ")");
        break;
    case 10:
        put(o, "abs(");
        expr(g, TM);
        put(o, ")");
        break;
    case 11:
        if (g->externals) {
            put(o, "takst(");
            expr(g, TI);
            put(o, ")");
        } else {
            leaf(g, TM);
        }
        break;
    default:
        leaf(g, TM);
        break;
    }
}

static void date_expr(gen *g)
{
    rng *r = &g->r;
    buf *o = g->out;
    static const char *const fns[] = {"month_start", "month_end", "next_month_start", "year_start", "year_end"};
    switch (pick(r, g->in_function ? 4 : 9)) {
    case 0:
    case 1:
        put(o, "(");
        expr(g, TD);
        if (chance(r, 50))
            put(o, " %s %d %s)", chance(r, 60) ? "+" : "-", pick(r, 25), chance(r, 50) ? "months" : "days");
        else {
            put(o, " %s (", chance(r, 60) ? "+" : "-");
            expr(g, TI);
            put(o, " %s))", chance(r, 50) ? "months" : "days");
        }
        break;
    case 2:
        put(o, "%s(", fns[pick(r, 5)]);
        expr(g, TD);
        put(o, ")");
        break;
    case 3:
        put(o, "(if ");
        expr(g, TB);
        put(o, " then ");
        expr(g, TD);
        put(o, " else ");
        expr(g, TD);
        put(o, ")");
        break;
    case 4:
        put(o, "(od otherwise ");
        expr(g, TD);
        put(o, ")");
        break;
    case 6:
        if (g->uses && !g->in_function) {
            put(o, "difflib.frist(");
            expr(g, TD);
            put(o, ", ");
            expr(g, TI);
            put(o, ")");
            break;
        }
        leaf(g, TD);
        break;
    case 5:
        aggregate(g, TD);
        break;
    default:
        leaf(g, TD);
        break;
    }
}

static void dec_expr(gen *g)
{
    rng *r = &g->r;
    buf *o = g->out;
    switch (pick(r, 6)) {
    case 0:
        put(o, "(");
        expr(g, TX);
        put(o, " %s ", chance(r, 40) ? "+" : chance(r, 50) ? "-" : "*");
        expr(g, chance(r, 70) ? TX : TI);
        put(o, ")");
        break;
    case 1:
        put(o, "((");
        expr(g, TX);
        put(o, " / ");
        expr(g, chance(r, 50) ? TX : TI);
        put(o, ") rounded %s to %d decimals)", chance(r, 50) ? "half up" : "down", pick(r, 4));
        break;
    case 2:
        if (!g->in_function) {
            aggregate(g, TX);
            break;
        }
        /* fall through */
    default:
        leaf(g, TX);
        break;
    }
}

static void enum_expr(gen *g)
{
    rng *r = &g->r;
    buf *o = g->out;
    if (chance(r, 30)) {
        put(o, "(if ");
        expr(g, TB);
        put(o, " then ");
        expr(g, TE);
        put(o, " else ");
        expr(g, TE);
        put(o, ")");
        return;
    }
    leaf(g, TE);
}

static void expr(gen *g, ty t)
{
    if (g->depth > 3 || (g->depth > 1 && chance(&g->r, 40))) {
        leaf(g, t);
        return;
    }
    g->depth++;
    switch (t) {
    case TB: bool_expr(g); break;
    case TI: int_expr(g); break;
    case TM: money_expr(g); break;
    case TD: date_expr(g); break;
    case TX: dec_expr(g); break;
    case TE: enum_expr(g); break;
    default: leaf(g, t); break;
    }
    g->depth--;
}

/* ---- Declarations ---- */

static void rules(gen *g, gdecl *d, int index, bool need_default)
{
    rng *r = &g->r;
    buf *o = g->out;
    ty t = d->t;
    int nexc = chance(r, 30) && !need_default ? 0 : pick(r, 4) + 1;
    bool dflt = need_default || nexc == 0 || chance(r, 80);
    if (nexc == 0) {
        put(o, "  = ");
        expr(g, t);
        put(o, "\n");
        return;
    }
    if (dflt) {
        put(o, "  default ");
        if (d->kind == K_ADVERSE)
            put(o, t == TB ? "no" : "0 kr");
        else
            expr(g, t);
        put(o, "\n");
    }
    for (int k = 0; k < nexc; k++) {
        put(o, "  exception %s_e%d", d->name, k);
        if (k > 0 && chance(r, 40))
            put(o, " to %s_e%d", d->name, pick(r, k));
        put(o, "\n    according to lov \"§ %d, stk. %d\"\n    when ", index + 1, k + 1);
        expr(g, TB);
        put(o, "\n    then ");
        expr(g, t);
        put(o, "\n");
    }
}

static void declaration(gen *g, gdecl *d, int index)
{
    buf *o = g->out;
    rng *r = &g->r;
    switch (d->kind) {
    case K_FUNC:
        put(o, "definition %s(a: integer, b: money, c: date): %s\n  according to lov \"§ %d\"\n", d->name,
            ty_lov[d->t], index + 1);
        g->in_function = true;
        rules(g, d, index, false);
        g->in_function = false;
        break;
    case K_DEF:
        put(o, "definition %s: %s\n  according to lov \"§ %d\"\n", d->name, ty_lov[d->t], index + 1);
        if (d->t == TOD) {
            put(o, "  = (minimum of p.dag for p in poster where ");
            g->var = "p";
            expr(g, TB);
            g->var = NULL;
            put(o, ")\n");
            break;
        }
        rules(g, d, index, false);
        break;
    case K_OUTCOME:
        put(o, "outcome %s: %s\n  according to lov \"§ %d\"\n", d->name, ty_lov[d->t], index + 1);
        rules(g, d, index, false);
        break;
    case K_ADVERSE:
        put(o, "adverse outcome %s: %s\n  according to lov \"§ %d\"\n", d->name, ty_lov[d->t], index + 1);
        put(o, "  requires hearing %s according to lov \"§ 19\"\n", chance(r, 70) ? "hørt" : "(hørt or b2)");
        put(o, "  requires decision afgjort according to lov \"§ 22\"\n");
        rules(g, d, index, true);
        break;
    case K_ASSERT:
        put(o, "assert %s\n  according to lov \"§ %d\"\n  always ", d->name, index + 1);
        expr(g, TB);
        put(o, "\n");
        break;
    }
    put(o, "\n");
}

static void header(buf *o, uint64_t seed, rng *r, bool *events, bool externals, bool overflow, bool uses)
{
    put(o, "module diff_%" PRIu64 "\n  title \"Differential test %" PRIu64 "\"\n", seed, seed);
    put(o, "  source lov \"Testloven\"\n");

    if (chance(r, 80))
        put(o, "  in force from 2019-01-01%s\n", chance(r, 70) ? " until 2027-12-31" : "");
    put(o, "  reference date dato\n  month end rule %s\n\n", overflow ? "overflow" : "clamp");
    if (uses)
        put(o, "use difflib from \"lib.lov\"\n\n");
    put(o, "enum Farve\n  case rød\n  case grøn\n  case blå\n\n");
    events[0] = chance(r, 25);
    events[1] = chance(r, 25);
    put(o, "record Post\n  field dag: %sdate\n  field timer: integer\n  field beløb: money\n"
           "  field godkendt: boolean\n  field farve: Farve\n  field slut: optional date\n\n",
        events[1] ? "event " : "");
    put(o, "input dato: date\ninput b1: boolean\ninput b2: boolean\ninput hørt: boolean\ninput afgjort: boolean\n"
           "input n1: integer\ninput n2: integer\ninput m1: money\ninput m2: money\ninput d1: %sdate\n"
           "input x1: decimal\ninput f1: Farve\ninput od: optional date\ninput poster: list of Post\n\n",
        events[0] ? "event " : "");
    put(o, "parameter sats: money\n  according to lov \"§ 100\"\n  from 2019-01-01: 1 000 kr\n"
           "  from 2021-01-01 until 2022-06-30: 1 054.50 kr\n  from 2023-01-01: 1 067 kr\n\n");
    put(o, "parameter grænse: integer according to lov \"§ 101\" = 225\n\n");
    if (externals)
        put(o, "external helligdag(dag: date): boolean\n  according to lov \"§ 102\"\n\n"
               "external takst(antal: integer): money\n  according to lov \"§ 103\"\n\n");
}

/* ---- Cases ---- */

static void date_text(char *out, size_t cap, int y, int m, int d)
{
    snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
}

static int days_in(int y, int m)
{
    static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : n[m - 1];
}

static void random_date(rng *r, char *out, size_t cap)
{
    switch (pick(r, 10)) {
    case 0: snprintf(out, cap, "%s", chance(r, 50) ? "0001-01-01" : "9999-12-31"); return;
    case 1: snprintf(out, cap, "%s", chance(r, 50) ? "2018-12-31" : "2028-01-01"); return;
    case 2: snprintf(out, cap, "%s", chance(r, 50) ? "2020-02-29" : "2024-02-29"); return;
    default: {
        int y = 2018 + pick(r, 9), m = 1 + pick(r, 12);
        int d = chance(r, 40) ? days_in(y, m) : chance(r, 30) ? 1 : 1 + pick(r, days_in(y, m));
        date_text(out, cap, y, m, d);
        return;
    }
    }
}

static void random_int(rng *r, buf *o)
{
    static const char *const edges[] = {"9223372036854775807", "-9223372036854775807", "0", "1", "-1", "224",
                                        "225", "226", "12", "4611686018427387904"};
    if (chance(r, 40))
        put(o, "%s", edges[pick(r, 10)]);
    else
        put(o, "%d", pick(r, 400) - 50);
}

static void random_money(rng *r, buf *o)
{
    static const char *const edges[] = {"\"0 kr\"", "\"0.01 kr\"", "\"-0.01 kr\"", "\"92233720368547758.07 kr\"",
                                        "\"-92233720368547758.07 kr\"", "\"1054.50 kr\"", "\"0.50 kr\""};
    if (chance(r, 30))
        put(o, "%s", edges[pick(r, 7)]);
    else
        put(o, "\"%d.%02d kr\"", pick(r, 5000) - 500, pick(r, 100));
}

static void random_decimal(rng *r, buf *o)
{
    static const char *const pool[] = {"\"0.5\"", "\"-1.25\"", "\"0.000000000000000001\"", "\"3\"", "\"0\"",
                                       "\"9223372036854775.807\"", "\"2.5\"", "\"0.125\""};
    put(o, "%s", pool[pick(r, 8)]);
}

static void random_fact(rng *r, buf *o, const char *name)
{
    char date[16];
    if (strcmp(name, "dato") == 0) {
        if (chance(r, 90)) {
            int y = 2019 + pick(r, 7), m = 1 + pick(r, 12);
            int d = chance(r, 40) ? days_in(y, m) : 1 + pick(r, days_in(y, m));
            date_text(date, sizeof date, y, m, d);
        } else {
            random_date(r, date, sizeof date);
        }
        put(o, "\"%s\"", date);
    } else if (name[0] == 'b' || strcmp(name, "hørt") == 0 || strcmp(name, "afgjort") == 0) {
        put(o, chance(r, 50) ? "true" : "false");
    } else if (name[0] == 'n') {
        random_int(r, o);
    } else if (name[0] == 'm') {
        random_money(r, o);
    } else if (name[0] == 'x') {
        random_decimal(r, o);
    } else if (name[0] == 'f') {
        put(o, "\"%s\"", cases[pick(r, 3)]);
    } else if (strcmp(name, "od") == 0) {
        random_date(r, date, sizeof date);
        if (chance(r, 35))
            put(o, "null");
        else
            put(o, "\"%s\"", date);
    } else if (name[0] == 'd') {
        random_date(r, date, sizeof date);
        put(o, "\"%s\"", date);
    } else {
        int n = pick(r, 5);
        put(o, "[");
        for (int i = 0; i < n; i++) {
            random_date(r, date, sizeof date);
            put(o, "%s{\"dag\": \"%s\", \"timer\": ", i ? ", " : "", date);
            random_int(r, o);
            put(o, ", \"beløb\": ");
            random_money(r, o);
            put(o, ", \"godkendt\": %s, \"farve\": \"%s\", \"slut\": ", chance(r, 60) ? "true" : "false", cases[pick(r, 3)]);
            if (chance(r, 50)) {
                put(o, "null");
            } else {
                random_date(r, date, sizeof date);
                put(o, "\"%s\"", date);
            }
            put(o, "}");
        }
        put(o, "]");
    }
}

static const char *const fact_names[] = {"dato", "b1", "b2", "hørt", "afgjort", "n1", "n2", "m1", "m2", "d1",
                                         "x1", "f1", "od", "poster"};
enum { NFACTS = sizeof fact_names / sizeof fact_names[0] };

static void write_case(const char *path, uint64_t seed, int k, const bool *drop)
{
    rng r = stream(seed ^ UINT64_C(0xC0FFEE), (uint64_t)k);
    buf o = {0};
    put(&o, "{\"facts\": {");
    int n = 0;
    for (int i = 0; i < NFACTS; i++) {
        buf v = {0};
        random_fact(&r, &v, fact_names[i]);
        bool missing = chance(&r, 8);
        if (missing || (drop && drop[i])) {
            free(v.s);
            continue;
        }
        put(&o, "%s\n  \"%s\": %s", n++ ? "," : "", fact_names[i], v.s);
        free(v.s);
    }
    put(&o, "\n}}\n");
    FILE *f = fopen(path, "w");
    if (!f || fputs(o.s, f) == EOF || fclose(f) != 0) {
        fprintf(stderr, "gen: cannot write %s\n", path);
        exit(2);
    }
    free(o.s);
}

/* ---- The module ---- */

static void parse_list(const char *s, bool *set, int n)
{
    for (int i = 0; i < n; i++)
        set[i] = false;
    while (*s) {
        int k = *s >= '0' && *s <= '9' ? atoi(s) : -1;    /* "none": an empty list */
        if (k >= 0 && k < n)
            set[k] = true;
        while (*s && *s != ',')
            s++;
        if (*s)
            s++;
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: gen SEED DIR [--cases N] [--keep LIST] [--case K --drop LIST]\n");
        return 2;
    }
    uint64_t seed = strtoull(argv[1], NULL, 10);
    const char *dir = argv[2];
    int ncases = 24, only_case = -1;
    const char *keep = NULL, *drop = NULL;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--cases") == 0)
            ncases = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--keep") == 0)
            keep = argv[i + 1];
        else if (strcmp(argv[i], "--case") == 0)
            only_case = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--drop") == 0)
            drop = argv[i + 1];
    }
    rng top = stream(seed, 0);
    int ndecls = 4 + pick(&top, 12);
    bool externals = chance(&top, 40), overflow = chance(&top, 40), events[2];
    bool uses = chance(&top, 30), lib_overflow = chance(&top, 50);
    gdecl decls[MAXDECLS];
    bool kept[MAXDECLS];
    for (int i = 0; i < MAXDECLS; i++)
        kept[i] = true;
    if (keep)
        parse_list(keep, kept, MAXDECLS);
    buf o = {0};
    header(&o, seed, &top, events, externals, overflow, uses);
    int counts[5] = {0};
    for (int i = 0; i < ndecls; i++) {
        gdecl *d = &decls[i];
        rng r = stream(seed, (uint64_t)i + 1);
        int k = pick(&r, 100);
        d->kind = k < 40 ? K_DEF : k < 52 ? K_FUNC : k < 72 ? K_OUTCOME : k < 86 ? K_ADVERSE : K_ASSERT;
        static const ty def_types[] = {TB, TI, TM, TD, TX, TE, TOD, TM, TI, TB};
        d->t = d->kind == K_ASSERT ? TB : d->kind == K_ADVERSE ? (chance(&r, 70) ? TM : TB)
               : d->kind == K_FUNC ? (chance(&r, 60) ? TM : TI) : d->kind == K_OUTCOME ? def_types[pick(&r, 6)]
               : def_types[pick(&r, 10)];
        static const char *const prefix[] = {"v", "fn", "o", "a", "s"};
        snprintf(d->name, sizeof d->name, "%s%d", prefix[d->kind], i);
        d->kept = kept[i];
        counts[d->kind]++;
        if (!d->kept)
            continue;
        gen g = {r, &o, decls, i, 0, NULL, NULL, false, overflow, externals, uses};
        declaration(&g, d, i);
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/m.lov", dir);
    FILE *f = fopen(path, "w");
    if (!f || fputs(o.s, f) == EOF || fclose(f) != 0) {
        fprintf(stderr, "gen: cannot write %s\n", path);
        return 2;
    }
    free(o.s);
    if (uses) {
        /* A used module with its own month end rule and a fixed parameter
         * read by its definitions with parameters. */
        snprintf(path, sizeof path, "%s/lib.lov", dir);
        f = fopen(path, "w");
        if (!f || fprintf(f, "module difflib\n  title \"Differential test: a used module\"\n"
                             "  source lov \"Testloven\"\n  month end rule %s\n\n"
                             "parameter loft: integer according to lov \"§ 1\" = 1000\n\n"
                             "definition begrænset(n: integer): integer\n  according to lov \"§ 2\"\n  default n\n"
                             "  exception over\n    according to lov \"§ 2, stk. 1\"\n    when n > loft\n    then loft\n\n"
                             "definition frist(d: date, m: integer): date\n  according to lov \"§ 3\"\n"
                             "  = d + (m months)\n",
                             lib_overflow ? "overflow" : "clamp") < 0 || fclose(f) != 0) {
            fprintf(stderr, "gen: cannot write %s\n", path);
            return 2;
        }
    }
    bool dropped[NFACTS];
    if (drop)
        parse_list(drop, dropped, NFACTS);
    for (int k = 0; k < ncases; k++) {
        if (only_case >= 0 && k != only_case)
            continue;
        snprintf(path, sizeof path, "%s/case_%d.json", dir, k);
        write_case(path, seed, k, drop ? dropped : NULL);
    }
    printf("%d\n", ndecls);
    return 0;
}

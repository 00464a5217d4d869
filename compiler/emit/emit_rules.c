/* SPDX-License-Identifier: Apache-2.0 */
/* The rule functions of NAME.c: one C function per definition, outcome,
 * assertion and function (a definition with parameters), with its rules,
 * exceptions, prerequisites and trace steps; and the table and look-ups of
 * each dated parameter. emit_rule_functions writes them all, in order. */
#include <string.h>

#include "emit/emit_gen.h"
#include "core/lov.h"

/* ---- Rules --------------------------------------------------------------------- */

/* Notes a step for the trace: inline in definitions with parameters (they
 * may run many times), as a mark in ctx->marks otherwise (written out by
 * write_trace after the evaluation, so an evaluation without a trace pays
 * one store). 'cond' picks event_yes or event_no. */
static void note_step(gen *g, int provision, const char *cond, const char *event_yes, const char *event_no)
{
    if (g->owner->kind == D_DEFINITION && g->owner->u.def.has_params) {
        emit_line(g, "if (ctx->trace)");
        emit_line(g, "    lov_trace_add(ctx->trace, %d, %s ? %s : %s, LOV_OK, false, (lov_value){.i = 0});", provision,
                  cond, event_yes, event_no);
    } else {
        emit_line(g, "ctx->marks[%d] = (uint8_t)(%s ? %s + 1 : %s + 1);", provision, cond, event_yes, event_no);
    }
}

static void note_failed_step(gen *g, int provision)
{
    if (g->owner->kind == D_DEFINITION && g->owner->u.def.has_params) {
        emit_line(g, "if (ctx->trace)");
        emit_line(g, "    lov_trace_add(ctx->trace, %d, LOV_TRACE_FAILED, _st, false, (lov_value){.i = 0});",
                  provision);
    } else {
        emit_line(g, "ctx->marks[%d] = (uint8_t)(LOV_TRACE_FAILED + 1 + (_st << 4));", provision);
    }
}

/* Writes the value of the rule 'node' (NULL: the definition's root) into
 * 'target': the value of the one applicable exception below it (after its
 * own exceptions), or its own value when none applies. Two exceptions at the
 * same level that apply with different values are a conflict.
 *
 * An exception whose condition cannot be worked out (a fact is missing)
 * leaves the value undetermined, unless it would not change it: when it
 * would give the same value as the rules that are known to apply (or as the
 * general rule, when none is known to apply), the value stands. */
static void gen_rule_node(gen *g, decl *d, ast_rule *node, const char *target)
{
    nodelist *rules = &d->u.def.rules;
    const type *t = d->type;
    const char *found = NULL, *first = NULL;
    const char *pending_st = NULL, *saved = NULL;
    ptrvec pending_values, pending_flags;
    memset(&pending_values, 0, sizeof pending_values);
    memset(&pending_flags, 0, sizeof pending_flags);
    size_t mark = g->body.len;
    label *outer = g->fail;
    for (int i = 0; i < rules->len; i++) {
        ast_rule *x = NL_AT(*rules, i);
        if (x->is_default || x->parent_rule != node)
            continue;
        if (!found) {
            found = emit_temp(g, "bool", "false");
            first = emit_temp(g, "int", "-1");
        }
        emit_line(g, "/* exception %s (line %d): %s */", emit_comment_text(g->em, x->label.name), emit_lov_line(x->loc),
                  emit_citation_text(g->em, x->cite));
        /* Whether it applies: 1 yes, 0 no, 2 unknown (a fact it needs is
         * missing). Its own exceptions are worked out once, after. */
        const char *applies = emit_temp(g, "int", "0");
        label *cond_failed = emit_new_label(g), *decided = emit_new_label(g);
        g->fail = cond_failed;
        const char *c = emit_gen_expr(g, x->cond);
        g->fail = outer;
        note_step(g, x->provision, c, "LOV_TRACE_APPLIES", "LOV_TRACE_DOES_NOT_APPLY");
        emit_line(g, "%s = %s ? 1 : 0;", applies, emit_bare(g, c));
        const char *pv = NULL, *flag = NULL;
        if (cond_failed->used) {
            if (!pending_st) {
                pending_st = emit_temp(g, "lov_status", "LOV_OK");
                saved = emit_temp(g, "why_state", "{0}");
            }
            pv = emit_temp_of(g, t);
            flag = emit_temp(g, "bool", "false");
            pv_push(&pending_values, (void *)pv);
            pv_push(&pending_flags, (void *)flag);
            emit_line(g, "%s", emit_jump(g, decided));
            emit_place(g, cond_failed);
            emit_line(g, "%s = worse(%s, _st);", pending_st, pending_st);
            note_failed_step(g, x->provision);
            emit_line(g, "%s = 2;", applies);
            emit_place(g, decided);
        }
        emit_line(g, "if (%s != 0) {", applies);
        g->indent++;
        const char *v = emit_temp_of(g, t);
        gen_rule_node(g, d, x, v);
        emit_line(g, "if (%s == 1) {", applies);
        g->indent++;
        emit_line(g, "if (!%s) {", found);
        emit_line(g, "    %s = %s;", target, v);
        emit_line(g, "    %s = true;", found);
        emit_line(g, "    %s = %d;", first, x->provision);
        emit_line(g, "} else if (!%s) {", emit_equal(g, target, v, t));
        emit_line(g, "    _st = conflict(ctx, %s, %d);", first, x->provision);
        emit_line(g, "    %s", emit_jump(g, g->fail));
        emit_line(g, "}");
        g->indent--;
        if (pv) {
            /* Unknown whether it applies: keep what it would give. */
            emit_line(g, "} else {");
            emit_line(g, "    %s = %s;", pv, v);
            emit_line(g, "    %s = true;", flag);
        }
        emit_line(g, "}");
        g->indent--;
        emit_line(g, "}");
    }
    if (pending_st) {
        strbuf init;
        sb_init(&init);
        sb_printf(&init, "%*sif (ctx->explain)\n%*s    %s = ctx->why;\n%*s%s = LOV_OK;\n", g->indent * 4, "",
                  g->indent * 4, "", saved, g->indent * 4, "", pending_st);
        for (size_t i = 0; i < pending_flags.len; i++)
            sb_printf(&init, "%*s%s = false;\n", g->indent * 4, "", (const char *)pending_flags.items[i]);
        emit_insert_at(g, mark, init.data);
        sb_free(&init);
    }
    if (found) {
        emit_line(g, "if (!%s) {", found);
        g->indent++;
    }
    if (node) {
        emit_line(g, "%s = %s;", target, emit_convert(g, emit_gen_expr(g, node->value), node->value->type, t));
    } else if (d->u.def.default_rule) {
        ast_rule *dr = d->u.def.default_rule;
        emit_line(g, "/* %s (line %d) */", d->u.def.rules.len > 1 ? "the default" : "the rule", emit_lov_line(dr->loc));
        emit_line(g, "%s = %s;", target, emit_convert(g, emit_gen_expr(g, dr->value), dr->value->type, t));
    } else {
        if (pending_st) {
            emit_line(g, "if (%s != LOV_OK) {", pending_st);
            emit_line(g, "    _st = %s;    /* an exception may apply: unknown */", pending_st);
            emit_line(g, "    %s", emit_jump(g, g->fail));
            emit_line(g, "}");
        }
        emit_line(g, "_st = no_rule(ctx, %d);", d->provision);
        emit_line(g, "%s", emit_jump(g, g->fail));
    }
    if (found) {
        g->indent--;
        emit_line(g, "}");
    }
    if (pending_st) {
        emit_line(g, "if (%s != LOV_OK) {", pending_st);
        g->indent++;
        emit_line(g, "/* decided all the same if the unsure exceptions would give the same value */");
        for (size_t i = 0; i < pending_values.len; i++) {
            const char *pv = pending_values.items[i], *flag = pending_flags.items[i];
            emit_line(g, "if (%s && !%s) {", flag, emit_equal(g, target, pv, t));
            emit_line(g, "    _st = %s;", pending_st);
            emit_line(g, "    %s", emit_jump(g, g->fail));
            emit_line(g, "}");
        }
        emit_line(g, "if (ctx->explain)");
        emit_line(g, "    ctx->why = %s;", saved);
        g->indent--;
        emit_line(g, "}");
    }
    pv_free(&pending_values);
    pv_free(&pending_flags);
}

/* The prerequisites of an adverse outcome: when the rules give it a value
 * other than its default, each must hold, or the outcome keeps its default
 * and is held back. A prerequisite that cannot be worked out holds it back
 * too, and then (unless another one is known not to hold) the outcome is
 * undetermined. */
static void gen_requirements(gen *g, decl *d)
{
    ast_rule *dr = d->u.def.default_rule;
    const char *dflt = emit_gen_expr(g, dr->value);
    emit_line(g, "if (!%s) {", emit_equal(g, "(*result)", dflt, d->type));
    g->indent++;
    const char *held = emit_temp(g, "uint32_t", "0");
    const char *refused = emit_temp(g, "bool", "false");
    const char *unknown = emit_temp(g, "lov_status", "LOV_OK");
    const char *saved = emit_temp(g, "why_state", "{0}");
    emit_line(g, "if (ctx->explain)");
    emit_line(g, "    %s = ctx->why;", saved);
    label *outer = g->fail;
    for (int i = 0; i < d->u.def.requires.len; i++) {
        requirement *req = NL_AT(d->u.def.requires, i);
        emit_line(g, "/* requires (line %d): %s */", emit_lov_line(req->loc), emit_citation_text(g->em, req->cite));
        label *failed = emit_new_label(g), *next = emit_new_label(g);
        g->fail = failed;
        const char *c = emit_gen_expr(g, req->cond);
        g->fail = outer;
        note_step(g, req->provision, c, "LOV_TRACE_MET", "LOV_TRACE_NOT_MET");
        emit_line(g, "if (!%s) {", c);
        emit_line(g, "    %s |= UINT32_C(1) << %d;", held, i);
        emit_line(g, "    %s = true;", refused);
        emit_line(g, "}");
        emit_line(g, "%s", emit_jump(g, next));
        emit_place(g, failed);
        if (failed->used) {
            note_failed_step(g, req->provision);
            emit_line(g, "%s = worse(%s, _st);", unknown, unknown);
            emit_line(g, "%s |= UINT32_C(1) << %d;", held, i);
        }
        emit_place(g, next);
    }
    emit_line(g, "ctx->out->held_back.%s = %s;", d->c_name, held);
    emit_line(g, "if (%s != 0)", held);
    emit_line(g, "    *result = %s;", dflt);
    emit_line(g, "if (%s != LOV_OK && !%s) {", unknown, refused);
    emit_line(g, "    _st = %s;", unknown);
    emit_line(g, "    %s", emit_jump(g, outer));
    emit_line(g, "}");
    emit_line(g, "if (ctx->explain)    /* held back for certain: what was unknown does not matter */");
    emit_line(g, "    ctx->why = %s;", saved);
    g->indent--;
    emit_line(g, "}");
}

/* ---- The fast path --------------------------------------------------------------- */

/* Does C text hold work that can fail (a step that sets _st)? */
static bool can_fail(const char *text)
{
    return strstr(text, "_st") != NULL;
}

/* The value of rule 'node' (NULL: the root) on the fast path, where every
 * condition is yes or no: its own value (or the default) first, then each
 * exception below it, in order, replaces it when it applies and no earlier
 * one did; two that apply with different values are a conflict, and leave
 * the fast path (the rules that explain report it). Selects, not branches,
 * wherever an exception's value is a plain value. */
static void gen_rule_node_fast(gen *g, decl *d, ast_rule *node, const char *target)
{
    nodelist *rules = &d->u.def.rules;
    const type *t = d->type;
    ast_rule *own = node ? node : d->u.def.default_rule;
    if (own) {
        if (!node)
            emit_line(g, "/* %s (line %d) */", rules->len > 1 ? "the default" : "the rule", emit_lov_line(own->loc));
        emit_line(g, "%s = %s;", target, emit_convert(g, emit_gen_expr(g, own->value), own->value->type, t));
    } else {
        bool aggregate = t->kind == T_DEC || t->kind == T_DURATION || t->kind == T_OPTIONAL;
        if (aggregate)                  /* a struct is assigned a compound literal */
            emit_line(g, "%s = (%s)%s;", target, emit_ctype(g->em, t), emit_zero(g->em, t));
        else
            emit_line(g, "%s = %s;", target, emit_zero(g->em, t));
    }
    const char *found = NULL, *conflict = NULL;
    for (int i = 0; i < rules->len; i++) {
        ast_rule *x = NL_AT(*rules, i);
        if (x->is_default || x->parent_rule != node)
            continue;
        if (!found) {
            found = emit_temp(g, "bool", "false");
            conflict = emit_temp(g, "bool", "false");
            emit_line(g, "%s = false;", found);
            emit_line(g, "%s = false;", conflict);
        }
        emit_line(g, "/* exception %s (line %d): %s */", emit_comment_text(g->em, x->label.name), emit_lov_line(x->loc),
                  emit_citation_text(g->em, x->cite));
        const char *applies = emit_temp(g, "bool", "false");
        emit_line(g, "%s = %s;", applies, emit_bare(g, emit_gen_expr(g, x->cond)));
        const char *v = emit_temp_of(g, t);
        size_t mark = g->body.len;
        gen_rule_node_fast(g, d, x, v);
        if (can_fail(g->body.data + mark)) {     /* work of its own: only when it applies */
            emit_guard_since(g, mark, applies);
            emit_line(g, "}");
        }
        emit_line(g, "%s |= %s && %s && !%s;", conflict, applies, found, emit_equal(g, target, v, t));
        emit_line(g, "%s = %s && !%s ? %s : %s;", target, applies, found, v, target);
        emit_line(g, "%s |= %s;", found, applies);
    }
    if (found) {
        emit_line(g, "if (%s) {", own ? conflict : emit_fmt(g, "%s || !%s", conflict, found));
        emit_line(g, "    _st = LOV_CONFLICT;    /* %s */", own ? "reported by the rules that explain"
                                                            : "or no rule: the rules that explain report it");
        emit_line(g, "    %s", emit_jump(g, g->fail));
        emit_line(g, "}");
    } else if (!own) {
        emit_line(g, "_st = LOV_UNDETERMINED;    /* no rule: the rules that explain report it */");
        emit_line(g, "%s", emit_jump(g, g->fail));
    }
}

/* The prerequisites on the fast path: each is yes or no, so the mask of
 * those not met is a plain value; it counts only when the rules give the
 * outcome a value other than its default. */
static void gen_requirements_fast(gen *g, decl *d)
{
    ast_rule *dr = d->u.def.default_rule;
    const char *dflt = emit_gen_expr(g, dr->value);
    const char *held = emit_temp(g, "uint32_t", "0");
    emit_line(g, "%s = 0;", held);
    for (int i = 0; i < d->u.def.requires.len; i++) {
        requirement *req = NL_AT(d->u.def.requires, i);
        emit_line(g, "/* requires (line %d): %s */", emit_lov_line(req->loc), emit_citation_text(g->em, req->cite));
        const char *c = emit_gen_expr(g, req->cond);
        emit_line(g, "%s |= (uint32_t)!%s << %d;", held, c, i);
    }
    emit_line(g, "if (%s)    /* the default: nothing to hold back */", emit_bare(g, emit_equal(g, "(*result)", dflt, d->type)));
    emit_line(g, "    %s = 0;", held);
    emit_line(g, "ctx->held.%s = %s;", d->c_name, held);
    emit_line(g, "*result = %s ? %s : *result;", held, dflt);
}

void emit_fast_rules(emitter *em, decl *d)
{
    gen g;
    emit_gen_init(&g, em, d);
    g.fast = true;
    bool function = d->kind == D_DEFINITION && d->u.def.has_params;
    for (int i = 0; function && i < d->u.def.params.len; i++)
        cname_reserve(&g.locals, ((formal *)NL_AT(d->u.def.params, i))->c_name);
    strbuf sig;
    sb_init(&sig);
    emit_printf(&sig, "static lov_status %s(fast_t *ctx", emit_fast_name(&g, d->c_static));
    for (int i = 0; function && i < d->u.def.params.len; i++) {
        formal *f = NL_AT(d->u.def.params, i);
        emit_printf(&sig, ", %s %s", emit_ctype(em, f->type), f->c_name);
    }
    emit_printf(&sig, ", %s *result)", d->kind == D_ASSERT ? "bool" : emit_ctype(em, d->type));
    if (d->kind == D_ASSERT) {
        emit_line(&g, "*result = %s;", emit_gen_expr(&g, d->u.assert_.cond));
    } else {
        gen_rule_node_fast(&g, d, NULL, "(*result)");
        if (emit_held_back(d))
            gen_requirements_fast(&g, d);
    }
    const char *signature = emit_fmt(&g, "%s", sig.data);
    sb_free(&sig);
    emit_gen_finish(&g, signature);
}

static void comment_block(emitter *em, decl *d, const char *what)
{
    strbuf *c = &em->c;
    emit_printf(c, "/* %s %s: %s\n", what, emit_comment_text(em, d->name.name), type_text(em->a, d->type));
    if (d->cite)
        emit_printf(c, " * according to %s\n", emit_citation_text(em, d->cite));
    if (ast_law_text(d))
        emit_printf(c, " * \"%s\"\n", emit_comment_text(em, ast_law_text(d)));
    if (d->unverified)
        emit_printf(c, " * NOT VERIFIED: %s\n", emit_comment_text(em, d->unverified));
    if (d->kind == D_OUTCOME) {
        /* The exceptions of procedure an adverse outcome relies on, with their law. */
        const citation *without[3] = {d->u.def.without_hearing, d->u.def.without_decision,
                                      d->u.def.without_guidance};
        for (int i = 0; i < 3; i++) {
            if (!without[i])
                continue;
            emit_printf(c, " * without %s, according to %s\n", ast_step_word((requirement_kind)(REQ_HEARING + i)),
                        emit_citation_text(em, without[i]));
            if (without[i]->text)
                emit_printf(c, " * \"%s\"\n", emit_comment_text(em, without[i]->text));
        }
    }
    sb_puts(c, " */\n");
}

/* An assertion: its condition, as a yes/no output of the evaluation. */
static void emit_assertion(emitter *em, decl *d)
{
    gen g;
    emit_gen_init(&g, em, d);
    comment_block(em, d, "assertion");
    const char *v = emit_gen_expr(&g, d->u.assert_.cond);
    emit_line(&g, "*result = %s;", v);
    emit_gen_finish(&g, emit_fmt(&g, "%sstatic lov_status %s(ctx_t *ctx, bool *result)", em->cold, d->c_static));
}

/* "static lov_status NAME(ctx_t *ctx[, T param...], T *result)". */
static void write_signature(emitter *em, decl *d, strbuf *out)
{
    emit_printf(out, "%sstatic lov_status %s(ctx_t *ctx", em->cold, d->c_static);
    for (int i = 0; d->u.def.has_params && i < d->u.def.params.len; i++) {
        formal *f = NL_AT(d->u.def.params, i);
        emit_printf(out, ", %s %s", emit_ctype(em, f->type), f->c_name);
    }
    emit_printf(out, ", %s *result)", emit_ctype(em, d->type));
}

static void emit_definition_rules(emitter *em, decl *d)
{
    if (d->kind == D_ASSERT) {
        emit_assertion(em, d);
        return;
    }
    gen g;
    emit_gen_init(&g, em, d);
    bool function = d->kind == D_DEFINITION && d->u.def.has_params;
    for (int i = 0; function && i < d->u.def.params.len; i++)
        cname_reserve(&g.locals, ((formal *)NL_AT(d->u.def.params, i))->c_name);
    strbuf sig;
    sb_init(&sig);
    write_signature(em, d, &sig);
    comment_block(em, d, d->kind == D_OUTCOME ? (d->u.def.adverse ? "adverse outcome" : "outcome")
                         : function ? "definition with parameters" : "definition");
    gen_rule_node(&g, d, NULL, "(*result)");
    if (emit_held_back(d))
        gen_requirements(&g, d);
    if (function) {
        emit_line(&g, "if (ctx->trace) {");
        emit_trace_constants(em, d, &g.body, 2);
        emit_line(&g, "    lov_trace_add(ctx->trace, %d, LOV_TRACE_VALUE, LOV_OK, %s, %s);", d->provision,
                  d->type->kind == T_OPTIONAL ? "result->present" : "true",
                  emit_as_lov_value(&g, "(*result)", d->type));
        emit_line(&g, "}");
    }
    const char *signature = emit_fmt(&g, "%s", sig.data);
    sb_free(&sig);
    emit_gen_finish(&g, signature);
}

/* Does C text call the function 'name'? */
static bool emit_calls_name(const char *text, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = text ? strstr(text, name) : NULL; p; p = strstr(p + 1, name))
        if (p[n] == '(' && (p == text || !(p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z')
                                          || (p[-1] >= '0' && p[-1] <= '9'))))
            return true;
    return false;
}

/* A dated parameter: its table (the descriptor lists it), and, when the
 * rules read it, the look-up for a day. */
static void emit_parameter(emitter *em, decl *d, bool read)
{
    strbuf *c = &em->c;
    comment_block(em, d, "parameter");
    emit_printf(c, "static const lov_dated_value %s[] = {\n", d->c_table);
    gen g;
    emit_gen_init(&g, em, d);
    nodelist *vals = &d->u.param.values;
    for (int i = 0; i < vals->len; i++) {
        dated_value *dv = NL_AT(*vals, i);
        lov_date until = dv->has_until ? dv->until
                         : i + 1 < vals->len ? ((dated_value *)NL_AT(*vals, i + 1))->from - 1
                                             : LOV_DATE_MAX;
        char from_s[LOV_DATE_BUFSIZE], until_s[LOV_DATE_BUFSIZE];
        lov_date_format(dv->from, from_s);
        lov_date_format(until, until_s);
        const char *v = emit_gen_expr(&g, dv->value);
        emit_printf(c, "    {%d, %d, %s},    /* %s to %s%s%s */\n", (int)dv->from, (int)until,
                    emit_lov_value_initializer(&g, v, d->type), from_s, until_s,
                    dv->unverified ? "; NOT VERIFIED: " : "", emit_comment_text(em, dv->unverified));
    }
    sb_puts(c, "};\n\n");
    if (!read) {
        sb_free(&g.decls);
        sb_free(&g.body);
        cname_scope_free(&g.locals);
        return;
    }
    const char *ct = emit_ctype(em, d->type);
    const char *member = emit_lov_value_member(d->type);
    emit_printf(c, "/* '%s' on a given day; not applicable when the law gives no value for it. */\n",
                emit_comment_text(em, d->name.name));
    emit_printf(c, "static lov_status %s(ctx_t *ctx, lov_date day, %s *result)\n{\n", d->c_rules, ct);
    emit_printf(c, "    for (size_t i = 0; i < sizeof %s / sizeof %s[0]; i++) {\n", d->c_table,
                d->c_table);
    emit_printf(c, "        const lov_dated_value *v = &%s[i];\n", d->c_table);
    sb_puts(c, "        if (v->from <= day && day <= v->until) {\n");
    if (d->type->kind == T_ENUM)
        emit_printf(c, "            *result = (%s)v->value.enum_case;\n", ct);
    else
        emit_printf(c, "            *result = v->value.%s;\n", member);
    sb_puts(c, "            if (ctx->trace)\n");
    emit_printf(c, "                lov_trace_add_period(ctx->trace, %d, i, v->value);\n", d->provision);
    sb_puts(c, "            return LOV_OK;\n        }\n    }\n");
    emit_printf(c, "    return no_parameter_value(ctx, %d);\n}\n\n", d->provision);
    if (!d->read_on_reference_date) {
        sb_free(&g.decls);
        sb_free(&g.body);
        cname_scope_free(&g.locals);
        return;
    }
    emit_printf(c, "/* '%s' on the reference date, looked up once per evaluation. */\n",
                emit_comment_text(em, d->name.name));
    emit_printf(c, "static lov_status %s(ctx_t *ctx, %s *result)\n{\n", d->c_static, ct);
    emit_printf(c, "    param_memo_t *m = &ctx->param_memo[%d];\n", d->slot);
    sb_puts(c, "    if (!m->done) {\n");
    emit_printf(c, "        m->status = %s(ctx, ctx->reference_date, result);\n", d->c_rules);
    emit_printf(c, "        m->value = %s;\n", emit_as_lov_value(&g, "(*result)", d->type));
    sb_puts(c, "        m->done = true;\n    }\n");
    /* Every reader notes why, not only the first. */
    emit_printf(c, "    if (m->status != LOV_OK)\n        return no_parameter_value(ctx, %d);\n", d->provision);
    if (d->type->kind == T_ENUM)
        emit_printf(c, "    *result = (%s)m->value.enum_case;\n", ct);
    else
        emit_printf(c, "    *result = m->value.%s;\n", member);
    sb_puts(c, "    return m->status;\n}\n\n");
    sb_free(&g.decls);
    sb_free(&g.body);
    cname_scope_free(&g.locals);
}

void emit_rule_functions(emitter *em)
{
    /* Definitions with parameters may call each other in any order. */
    strbuf *c = &em->c;
    for (size_t i = 0; i < em->functions.len; i++) {
        write_signature(em, em->functions.items[i], c);
        sb_puts(c, ";\n");
    }
    sb_puts(c, "\n");
    /* The rules first, into a buffer of their own: the parameter look-ups
     * they use come before them. */
    strbuf head = em->c;
    sb_init(&em->c);
    for (size_t i = 0; i < em->functions.len; i++)
        emit_definition_rules(em, em->functions.items[i]);
    for (size_t i = 0; i < em->order.len; i++)
        emit_definition_rules(em, em->order.items[i]);
    strbuf rules = em->c;
    em->c = head;
    for (size_t i = 0; i < em->params.len; i++) {
        decl *d = em->params.items[i];
        if (d->u.param.values.len > 0)
            emit_parameter(em, d, d->read_on_reference_date || emit_calls_name(rules.data, d->c_rules));
    }
    sb_puts(&em->c, rules.data ? rules.data : "");
    sb_free(&rules);
}

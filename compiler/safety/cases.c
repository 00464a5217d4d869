/* SPDX-License-Identifier: Apache-2.0 */
/* The findings' example cases as scenarios. */
#include "safety/cases.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/lov.h"
#include "check/types.h"

void cases_add(strbuf *out, const char *finding, const decl *d, const char *about, const char *facts,
               const char *expect, const char *comment)
{
    if (!out)
        return;
    int line = 0, col = 0;
    if (d->name.loc.file)
        src_line_col((src_file *)d->name.loc.file, d->name.loc.start, &line, &col);
    sb_printf(out, "\nscenario \"%s: %s%s%s (line %d)\"\n", finding, d->name.name, about ? ", " : "",
              about ? about : "", line);
    if (comment)
        sb_printf(out, "  # %s\n", comment);
    sb_puts(out, "  given\n");
    for (const char *p = facts ? facts : ""; *p;) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n > 8 && strncmp(p, "    and ", 8) == 0)
            sb_printf(out, "    # %.*s\n", (int)(n - 4), p + 4);
        else if (n > 0)
            sb_printf(out, "%.*s\n", (int)n, p);
        p += n + (end ? 1 : 0);
    }
    sb_printf(out, "  expect\n    %s\n", expect);
}

void cases_note_example(diag_ctx *diag, strbuf *example, const strbuf *also)
{
    src_loc nowhere = {0};
    while (example->len && example->data[example->len - 1] == '\n')
        example->data[--example->len] = '\0';
    diag_note(diag, nowhere, "for example, with these facts:\n%s%s%s", example->data ? example->data : "",
              also ? "\n" : "", also && also->data ? also->data : "");
}

const char *cases_harmless_value(const decl *outcome, char *buf, size_t cap)
{
    const ast_rule *dflt = outcome->u.def.default_rule;
    const expr *v = dflt ? dflt->value : NULL;
    if (!v)
        return NULL;
    char money[LOV_MONEY_BUFSIZE];
    switch (v->kind) {
    case E_BOOL: snprintf(buf, cap, "%s = %s", outcome->name.name, v->u.b ? "yes" : "no"); return buf;
    case E_INT: snprintf(buf, cap, "%s = %" PRId64, outcome->name.name, v->u.i); return buf;
    case E_MONEY:
        lov_money_format(v->u.money, money, sizeof money);
        snprintf(buf, cap, "%s = %s", outcome->name.name, money);
        return buf;
    default: return NULL;
    }
}

/* Whether the output's value is the harmless one: its default, or no / 0. */
static bool harmless(const decl *outcome, const case_outcome *o)
{
    const ast_rule *dflt = outcome->u.def.default_rule;
    const expr *v = dflt ? dflt->value : NULL;
    switch (outcome->type->kind) {
    case T_BOOL: return o->value.b == (v && v->kind == E_BOOL ? v->u.b : false);
    case T_INT: return o->value.i == (v && v->kind == E_INT ? v->u.i : 0);
    case T_MONEY: return o->value.money == (v && v->kind == E_MONEY ? v->u.money : 0);
    default: return false;
    }
}

case_verdict cases_confirm(const case_confirmer *c, const char *scenario, const decl *output, bool harm, char *why,
                           size_t whylen)
{
    if (!c || !scenario || !scenario[0])
        return CASE_NOT_RUN;
    case_outcome o;
    if (!c->run(c->ctx, scenario, output->name.name, &o, why, whylen))
        return CASE_NOT_RUN;
    if (harm ? o.status == LOV_OK && !harmless(output, &o) : o.passed)
        return CASE_BORNE_OUT;
    if (o.status != LOV_OK)
        snprintf(why, whylen, "the compiled rules, run on its case, give '%s' no value (%s)", output->name.name,
                 lov_status_name(o.status));
    else
        snprintf(why, whylen, "the compiled rules, run on its case, do not bear it out");
    return CASE_NOT_BORNE_OUT;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for the grammar (compiler/front/parser.y, parse_support.c): the tree
 * built for every kind of declaration and header clause, with its source
 * spans; operator precedence and associativity, as S-expressions (see
 * front_helpers.h); the nesting limit; error recovery; and the exact text
 * and place of syntax errors. */
#include <stdlib.h>
#include <string.h>

#include "front_helpers.h"
#include "core/lov.h"
#include "front/parse.h"
#include "suites.h"
#include "support/util.h"

static int32_t ymd(int y, int m, int d)
{
    lov_date date;
    ck_assert(lov_date_from_ymd(y, m, d, &date));
    return date;
}

/* Asserts that the value of 'definition x = TEXT' parses, without any
 * diagnostic, to the S-expression 'want'. */
#define assert_parses_to(text, want)                                                     \
    do {                                                                                 \
        capture c_;                                                                      \
        capture_init(&c_);                                                               \
        module *m_;                                                                      \
        const char *got_ = front_expr_sexp((text), &c_, &m_);                            \
        ck_assert_msg(strcmp(capture_text(&c_), "") == 0, "%s: %s", (text),              \
                      capture_text(&c_));                                                \
        ck_assert_msg(strcmp(got_, (want)) == 0, "%s\n  got      %s\n  expected %s",     \
                      (text), got_, (want));                                             \
        front_free(m_);                                                                  \
        capture_free(&c_);                                                               \
    } while (0)

/* Asserts the message lines that parsing 'text' reports. */
static void assert_syntax(const char *text, const char *want)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(text, &c);
    ck_assert_str_eq(capture_messages(&c), want);
    front_free(m);
    capture_free(&c);
}

static const char *type_sexp(const texpr *t, char *buf, size_t cap)
{
    static const char *const words[] = {"boolean", "integer", "decimal", "money", "date",
                                        "duration"};
    switch (t->kind) {
    case TX_NAMED:
        if (t->module.name)
            snprintf(buf, cap, "%s.%s", t->module.name, t->name.name);
        else
            snprintf(buf, cap, "%s", t->name.name);
        return buf;
    case TX_LIST:
    case TX_OPTIONAL: {
        char inner[128];
        snprintf(buf, cap, "(%s %s)", t->kind == TX_LIST ? "list" : "optional",
                 type_sexp(t->elem, inner, sizeof inner));
        return buf;
    }
    default:
        snprintf(buf, cap, "%s", words[t->kind]);
        return buf;
    }
}

#define assert_type(t, want)                                                             \
    do {                                                                                 \
        char buf_[256];                                                                  \
        ck_assert_str_eq(type_sexp((t), buf_, sizeof buf_), (want));                     \
    } while (0)

/* ---- Header -------------------------------------------------------------------- */

static const char full_header[] =
    "module kontanthjaelp_225\n"
    "  title \"Kontanthjælp: 225-timers-reglen\"\n"
    "  source aktivloven \"Lov om aktiv socialpolitik\" version \"LBK nr. 241 af 17/03/2020\"\n"
    "  source bek474 \"Bekendtgørelse nr. 474 af 2020\"\n"
    "  in force from 2016-10-01 until 2025-06-30\n"
    "  reference date reference_dato\n"
    "  month end rule clamp\n"
    "use forvaltningsloven from \"../forvaltningsloven/forvaltningsloven.lov\"\n"
    "use b from \"b.lov\"\n";

START_TEST(test_parse_module_header)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(full_header, &c);
    ck_assert_str_eq(capture_text(&c), "");
    ck_assert(m->has_header);
    ck_assert_str_eq(m->name.name, "kontanthjaelp_225");
    ck_assert_str_eq(front_span(m, m->name.loc), "1:8-1:25");
    ck_assert_str_eq(m->title, "Kontanthjælp: 225-timers-reglen");

    ck_assert_int_eq(m->sources.len, 2);
    source_decl *s0 = NL_AT(m->sources, 0), *s1 = NL_AT(m->sources, 1);
    ck_assert_str_eq(s0->name.name, "aktivloven");
    ck_assert_str_eq(s0->title, "Lov om aktiv socialpolitik");
    ck_assert_str_eq(s0->version, "LBK nr. 241 af 17/03/2020");
    ck_assert_str_eq(front_span(m, s0->loc), "3:3-3:85");
    ck_assert_str_eq(front_span(m, s0->name.loc), "3:10-3:20");
    ck_assert_str_eq(s1->name.name, "bek474");
    ck_assert_str_eq(s1->title, "Bekendtgørelse nr. 474 af 2020");
    ck_assert_ptr_null(s1->version);

    ck_assert(m->has_in_force);
    ck_assert_int_eq(m->in_force_from, ymd(2016, 10, 1));
    ck_assert(m->has_until);
    ck_assert_int_eq(m->in_force_until, ymd(2025, 6, 30));
    ck_assert_str_eq(front_span(m, m->in_force_loc), "5:3-5:44");
    ck_assert_str_eq(m->reference_date.name, "reference_dato");
    ck_assert_str_eq(front_span(m, m->reference_date.loc), "6:18-6:32");
    ck_assert_int_eq(m->month_end, ME_CLAMP);
    ck_assert_str_eq(front_span(m, m->month_end_loc), "7:3-7:23");

    ck_assert_int_eq(m->uses.len, 2);
    use_decl *u0 = NL_AT(m->uses, 0), *u1 = NL_AT(m->uses, 1);
    ck_assert_str_eq(u0->alias.name, "forvaltningsloven");
    ck_assert_str_eq(u0->path, "../forvaltningsloven/forvaltningsloven.lov");
    ck_assert_str_eq(front_span(m, u0->loc), "8:1-8:72");
    ck_assert_str_eq(u1->alias.name, "b");
    ck_assert_str_eq(u1->path, "b.lov");
    ck_assert_ptr_null(u0->target);
    ck_assert_int_eq(m->decls.len, 0);
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_header_minimal)
{
    capture c;
    capture_init(&c);
    /* Clauses in any order; 'overflow'; a period without an end. */
    module *m = front_parse("module m month end rule overflow in force from 2020-01-01 "
                            "title \"T\"",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    ck_assert_str_eq(m->name.name, "m");
    ck_assert_int_eq(m->month_end, ME_OVERFLOW);
    ck_assert(m->has_in_force);
    ck_assert(!m->has_until);
    ck_assert_int_eq(m->in_force_from, ymd(2020, 1, 1));
    ck_assert_str_eq(m->title, "T");
    ck_assert_ptr_null(m->reference_date.name);
    ck_assert_int_eq(m->sources.len, 0);
    front_free(m);

    m = front_parse("module m\n", &c);
    ck_assert_str_eq(capture_text(&c), "");
    ck_assert_int_eq(m->month_end, ME_NONE);
    ck_assert(!m->has_in_force);
    ck_assert_ptr_null(m->title);
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_header_errors)
{
    capture c;
    capture_init(&c);
    module *m = front_parse("module t\n"
                            "  title \"a\"\n"
                            "  title \"b\"\n"
                            "  month end rule clamped\n"
                            "  in force from 2020-01-01\n"
                            "  in force from 2021-01-01 until 2021-12-31\n"
                            "  reference date x\n"
                            "  reference date y\n"
                            "  month end rule clamp\n"
                            "  month end rule overflow\n"
                            "input x: date\n",
                            &c);
    ck_assert_str_eq(capture_messages(&c),
                     "t.lov:3:3: error: the module already has a title\n"
                     "t.lov:2:3: note: the first is here, on line 2\n"
                     "t.lov:4:18: error: unknown month end rule 'clamped': write 'clamp' (31 "
                     "January + 1 month is the last day of February) or 'overflow' (it is 2 or 3 "
                     "March)\n"
                     "t.lov:6:3: error: the module already has a period in force\n"
                     "t.lov:5:3: note: the first is here, on line 5\n"
                     "t.lov:8:3: error: the module already names its reference date\n"
                     "t.lov:7:3: note: the first is here, on line 7\n"
                     "t.lov:9:3: error: the module already has a month end rule\n"
                     "t.lov:4:3: note: the first is here, on line 4\n"
                     "t.lov:10:3: error: the module already has a month end rule\n"
                     "t.lov:4:3: note: the first is here, on line 4\n");
    /* The first of each clause holds, also an unknown month end rule. */
    ck_assert_str_eq(m->title, "a");
    ck_assert_int_eq(m->in_force_from, ymd(2020, 1, 1));
    ck_assert(!m->has_until);
    ck_assert_str_eq(m->reference_date.name, "x");
    ck_assert_int_eq(m->month_end, ME_NONE);
    ck_assert_int_eq(m->month_end_loc.start, 35);
    ck_assert_int_eq(m->decls.len, 1);
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_missing_module)
{
    capture c;
    capture_init(&c);
    module *m = front_parse("input x: integer\n", &c);
    ck_assert_str_eq(capture_text(&c),
                     "t.lov:1:1: error: a rule file begins with 'module NAME', naming the module\n"
                     "    1 | input x: integer\n"
                     "      | ^\n");
    ck_assert(!m->has_header);
    ck_assert_int_eq(m->decls.len, 1);         /* the rest is still read */
    front_free(m);
    capture_free(&c);

    assert_syntax("", "t.lov:1:1: error: a rule file begins with 'module NAME', naming the module\n");
}
END_TEST

/* ---- Declarations ------------------------------------------------------------------- */

START_TEST(test_parse_enum)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(FRONT_HEADER
                            "enum Arbejdsevne\n"
                            "  text \"Kommunens vurdering\"\n"
                            "  case normal\n"
                            "  case begrænset\n"
                            "  case meget_begrænset text \"arbejdsevnen er \" \"så begrænset\"\n"
                            "enum Tom according to lov \"§ 2\"\n",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    ck_assert_int_eq(m->decls.len, 2);
    decl *d = front_decl(m, "Arbejdsevne");
    ck_assert_int_eq(d->kind, D_ENUM);
    ck_assert_int_eq(d->position, 0);
    ck_assert_str_eq(d->text, "Kommunens vurdering");
    ck_assert_ptr_null(d->cite);
    ck_assert_ptr_eq(d->module, m);
    ck_assert_str_eq(front_span(m, d->loc), "3:1-7:62");
    ck_assert_str_eq(front_span(m, d->name.loc), "3:6-3:17");
    ck_assert_int_eq(d->u.enum_.cases.len, 3);
    static const char *const names[] = {"normal", "begrænset", "meget_begrænset"};
    for (int i = 0; i < 3; i++) {
        enum_case *ec = NL_AT(d->u.enum_.cases, i);
        ck_assert_str_eq(ec->name.name, names[i]);
        ck_assert_int_eq(ec->index, i);
        ck_assert_ptr_eq(ec->owner, d);
        if (i < 2)
            ck_assert_ptr_null(ec->text);
    }
    enum_case *last = NL_AT(d->u.enum_.cases, 2);
    ck_assert_str_eq(last->text, "arbejdsevnen er så begrænset");
    ck_assert_str_eq(front_span(m, last->name.loc), "7:8-7:23");

    decl *tom = front_decl(m, "Tom");
    ck_assert_int_eq(tom->position, 1);
    ck_assert_int_eq(tom->u.enum_.cases.len, 0);   /* an error for the resolver, not the parser */
    ck_assert_str_eq(tom->cite->source.name, "lov");
    ck_assert_str_eq(tom->cite->provision, "§ 2");
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_record)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(FRONT_HEADER
                            "record Arbejdsmåned\n"
                            "  field måned: date text \"den første dag i måneden\"\n"
                            "  field timer: integer\n"
                            "  field ordinært: boolean text \"ordinært, ustøttet arbejde\"\n"
                            "  field sluttede: optional date\n"
                            "  field art: b.Art\n",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    decl *d = front_decl(m, "Arbejdsmåned");
    ck_assert_int_eq(d->kind, D_RECORD);
    ck_assert_int_eq(d->u.record.fields.len, 5);
    static const char *const names[] = {"måned", "timer", "ordinært", "sluttede", "art"};
    static const char *const types[] = {"date", "integer", "boolean", "(optional date)", "b.Art"};
    static const char *const texts[] = {"den første dag i måneden", NULL,
                                        "ordinært, ustøttet arbejde", NULL, NULL};
    for (int i = 0; i < 5; i++) {
        record_field *f = NL_AT(d->u.record.fields, i);
        ck_assert_str_eq(f->name.name, names[i]);
        assert_type(f->type_expr, types[i]);
        ck_assert_int_eq(f->index, i);
        if (texts[i])
            ck_assert_str_eq(f->text, texts[i]);
        else
            ck_assert_ptr_null(f->text);
    }
    record_field *sl = NL_AT(d->u.record.fields, 3);
    ck_assert_str_eq(front_span(m, sl->type_expr->loc), "7:19-7:32");
    ck_assert_str_eq(front_span(m, sl->type_expr->elem->loc), "7:28-7:32");
    ck_assert_str_eq(front_span(m, d->loc), "3:1-8:19");
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_input)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(FRONT_HEADER
                            "input reference_dato: date text \"Den dag, afgørelsen gælder\"\n"
                            "input arbejdsevne: Arbejdsevne\n"
                            "  according to lov \"§ 13 f, stk. 9\"\n"
                            "  text \"Kommunens konkrete vurdering\"\n"
                            "input arbejde: list of Arbejdsmåned\n"
                            "input slut: optional date\n"
                            "input høring: fvl.Partshøring text \"t\" according to lov \"§ 19\"\n"
                            "input beløb: money\n",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    ck_assert_int_eq(m->decls.len, 6);
    static const char *const types[] = {"date", "Arbejdsevne", "(list Arbejdsmåned)",
                                        "(optional date)", "fvl.Partshøring", "money"};
    for (int i = 0; i < 6; i++) {
        decl *d = NL_AT(m->decls, i);
        ck_assert_int_eq(d->kind, D_INPUT);
        ck_assert_int_eq(d->position, i);
        assert_type(d->u.input.type_expr, types[i]);
    }
    decl *rd = NL_AT(m->decls, 0);
    ck_assert_str_eq(rd->text, "Den dag, afgørelsen gælder");
    ck_assert_ptr_null(rd->cite);
    decl *ae = front_decl(m, "arbejdsevne");
    ck_assert_str_eq(ae->cite->source.name, "lov");
    ck_assert_str_eq(ae->cite->provision, "§ 13 f, stk. 9");
    ck_assert_str_eq(front_span(m, ae->cite->loc), "5:3-5:36");
    ck_assert_str_eq(ae->text, "Kommunens konkrete vurdering");
    ck_assert_str_eq(front_span(m, ae->loc), "4:1-6:38");
    decl *h = front_decl(m, "høring");
    ck_assert_str_eq(h->text, "t");                       /* text before the citation */
    ck_assert_str_eq(h->cite->provision, "§ 19");
    ck_assert_str_eq(front_span(m, h->u.input.type_expr->module.loc), "9:15-9:18");
    ck_assert_str_eq(front_span(m, h->u.input.type_expr->name.loc), "9:19-9:30");
    decl *b = front_decl(m, "beløb");
    ck_assert_ptr_null(b->text);
    ck_assert_ptr_null(b->cite);
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_parameter)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(FRONT_HEADER
                            "parameter sats: money\n"
                            "  according to lov \"§ 13 g, stk. 1\"\n"
                            "  from 2016-10-01 until 2019-12-31: 1 000 kr\n"
                            "  from 2020-01-01: 1 054 kr\n"
                            "  from 2021-01-01: 1 067.50 kr\n"
                            "parameter timekrav: integer according to lov \"§ 13 f, stk. 3\" = 225\n",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    decl *p = front_decl(m, "sats");
    ck_assert_int_eq(p->kind, D_PARAMETER);
    assert_type(p->u.param.type_expr, "money");
    ck_assert_ptr_null(p->u.param.constant);
    ck_assert_str_eq(p->cite->provision, "§ 13 g, stk. 1");
    ck_assert_int_eq(p->u.param.values.len, 3);
    dated_value *v0 = NL_AT(p->u.param.values, 0), *v1 = NL_AT(p->u.param.values, 1),
                *v2 = NL_AT(p->u.param.values, 2);
    ck_assert_int_eq(v0->from, ymd(2016, 10, 1));
    ck_assert(v0->has_until);
    ck_assert_int_eq(v0->until, ymd(2019, 12, 31));
    ck_assert_str_eq(front_sexp(m, v0->value), "(money 100000)");
    ck_assert_str_eq(front_span(m, v0->loc), "5:3-5:45");
    ck_assert_int_eq(v1->from, ymd(2020, 1, 1));
    ck_assert(!v1->has_until);
    ck_assert_str_eq(front_sexp(m, v1->value), "(money 105400)");
    ck_assert_str_eq(front_sexp(m, v2->value), "(money 106750)");
    ck_assert_str_eq(front_span(m, p->loc), "3:1-7:31");

    decl *t = front_decl(m, "timekrav");
    ck_assert_int_eq(t->u.param.values.len, 0);
    ck_assert_str_eq(front_sexp(m, t->u.param.constant), "225");
    ck_assert_str_eq(front_span(m, t->u.param.constant->loc), "8:65-8:68");
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_definition)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(FRONT_HEADER
                            "definition timer: integer\n"
                            "  according to lov \"§ 13 f, stk. 3\"\n"
                            "  text \"... mindst 225 timers ...\"\n"
                            "  = sum of m.timer for m in arbejde where m.ordinært\n",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    decl *d = front_decl(m, "timer");
    ck_assert_int_eq(d->kind, D_DEFINITION);
    ck_assert(!d->u.def.has_params);
    ck_assert(!d->u.def.adverse);
    assert_type(d->u.def.type_expr, "integer");
    ck_assert_str_eq(d->cite->provision, "§ 13 f, stk. 3");
    ck_assert_str_eq(d->text, "... mindst 225 timers ...");
    ck_assert_int_eq(d->u.def.rules.len, 1);
    ast_rule *r = NL_AT(d->u.def.rules, 0);
    ck_assert_ptr_eq(r, d->u.def.default_rule);
    ck_assert(r->is_default);
    ck_assert_str_eq(r->label.name, "default");
    ck_assert_ptr_null(r->cond);
    ck_assert_ptr_null(r->cite);
    ck_assert_int_eq(r->index, 0);
    ck_assert_str_eq(front_sexp(m, r->value),
                     "(sum m in arbejde where (. m ordinært) : (. m timer))");
    ck_assert_str_eq(front_span(m, r->loc), "6:5-6:53");
    ck_assert_str_eq(front_span(m, d->loc), "3:1-6:53");
    ck_assert_int_eq(d->u.def.requires.len, 0);
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_definition_with_parameters)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(FRONT_HEADER
                            "definition frist_udløbet(sendt: date, frist: duration, dato: date): boolean\n"
                            "  according to lov \"§ 19, stk. 1\"\n"
                            "  = dato > sendt + frist\n"
                            "definition ét(x: optional Sats): integer " CITE " = f(x, g(), h(1, 2))\n",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    decl *d = front_decl(m, "frist_udløbet");
    ck_assert(d->u.def.has_params);
    ck_assert_int_eq(d->u.def.params.len, 3);
    static const char *const names[] = {"sendt", "frist", "dato"};
    static const char *const types[] = {"date", "duration", "date"};
    for (int i = 0; i < 3; i++) {
        formal *f = NL_AT(d->u.def.params, i);
        ck_assert_str_eq(f->name.name, names[i]);
        assert_type(f->type_expr, types[i]);
        ck_assert_int_eq(f->index, i);
    }
    formal *f1 = NL_AT(d->u.def.params, 1);
    ck_assert_str_eq(front_span(m, f1->name.loc), "3:39-3:44");
    assert_type(d->u.def.type_expr, "boolean");
    ck_assert_str_eq(front_sexp(m, front_value(m, "frist_udløbet")), "(> dato (+ sendt frist))");

    decl *e = front_decl(m, "ét");
    ck_assert_int_eq(e->u.def.params.len, 1);
    assert_type(((formal *)NL_AT(e->u.def.params, 0))->type_expr, "(optional Sats)");
    ck_assert_str_eq(front_sexp(m, front_value(m, "ét")), "(call f x (call g) (call h 1 2))");
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_default_and_exceptions)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(FRONT_HEADER
                            "definition undtaget: boolean\n"
                            "  according to lov \"§ 13 f, stk. 9\"\n"
                            "  default no\n"
                            "  exception meget_begrænset_arbejdsevne\n"
                            "    according to lov \"§ 13 f, stk. 9\"\n"
                            "    text \"Kravet gælder ikke ...\"\n"
                            "    when arbejdsevne = meget_begrænset\n"
                            "    then yes\n"
                            "  exception forrevalidering text \"t\"\n"
                            "    when i_forrevalidering\n"
                            "    then yes\n"
                            "  exception alligevel to forrevalidering according to lov \"§ 14\"\n"
                            "    when x\n"
                            "    then no\n"
                            "definition uden_default: integer " CITE "\n"
                            "  exception a " CITE " when x then 1\n",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    decl *d = front_decl(m, "undtaget");
    ck_assert_int_eq(d->u.def.rules.len, 4);
    ast_rule *dflt = NL_AT(d->u.def.rules, 0);
    ck_assert_ptr_eq(dflt, d->u.def.default_rule);
    ck_assert(dflt->is_default);
    ck_assert_str_eq(dflt->label.name, "default");
    ck_assert_str_eq(front_span(m, dflt->label.loc), "5:3-5:10");
    ck_assert_str_eq(front_span(m, dflt->loc), "5:3-5:13");
    ck_assert_str_eq(front_sexp(m, dflt->value), "no");

    ast_rule *e1 = NL_AT(d->u.def.rules, 1);
    ck_assert(!e1->is_default);
    ck_assert_int_eq(e1->index, 1);
    ck_assert_str_eq(e1->label.name, "meget_begrænset_arbejdsevne");
    ck_assert_ptr_null(e1->parent.name);
    ck_assert_str_eq(e1->cite->source.name, "lov");
    ck_assert_str_eq(e1->cite->provision, "§ 13 f, stk. 9");
    ck_assert_str_eq(e1->cite->text, "Kravet gælder ikke ...");
    ck_assert_str_eq(front_sexp(m, e1->cond), "(= arbejdsevne meget_begrænset)");
    ck_assert_str_eq(front_sexp(m, e1->value), "yes");
    ck_assert_str_eq(front_span(m, e1->loc), "6:3-10:13");

    /* Text without a citation: the rule has a citation with no source. */
    ast_rule *e2 = NL_AT(d->u.def.rules, 2);
    ck_assert_str_eq(e2->label.name, "forrevalidering");
    ck_assert_ptr_nonnull(e2->cite);
    ck_assert_ptr_null(e2->cite->source.name);
    ck_assert_str_eq(e2->cite->text, "t");
    ck_assert_str_eq(front_sexp(m, e2->cond), "i_forrevalidering");

    ast_rule *e3 = NL_AT(d->u.def.rules, 3);
    ck_assert_str_eq(e3->label.name, "alligevel");
    ck_assert_str_eq(e3->parent.name, "forrevalidering");
    ck_assert_str_eq(front_span(m, e3->parent.loc), "14:26-14:41");
    ck_assert_str_eq(e3->cite->provision, "§ 14");
    ck_assert_ptr_null(e3->cite->text);
    ck_assert_ptr_null(e3->parent_rule);                 /* linked by the resolver */
    ck_assert_int_eq(e3->index, 3);

    decl *u = front_decl(m, "uden_default");
    ck_assert_ptr_null(u->u.def.default_rule);
    ck_assert_int_eq(u->u.def.rules.len, 1);
    ck_assert_int_eq(((ast_rule *)NL_AT(u->u.def.rules, 0))->index, 0);
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_outcome)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(FRONT_HEADER
                            "adverse outcome nedsættelse: money\n"
                            "  according to lov \"§ 13 g, stk. 1\"\n"
                            "  requires partshøring_gennemført according to fvl \"§ 19, stk. 1\"\n"
                            "  requires afgørelse_truffet and x according to fvl \"§ 22\"\n"
                            "  default 0 kr\n"
                            "  exception krav_ikke_opfyldt\n"
                            "    according to lov \"§ 13 f, stk. 3\"\n"
                            "    when omfattet and not undtaget and timer < timekrav\n"
                            "    then nedsættelse_sats\n"
                            "outcome ret: boolean " CITE " = yes\n",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    decl *d = front_decl(m, "nedsættelse");
    ck_assert_int_eq(d->kind, D_OUTCOME);
    ck_assert(d->u.def.adverse);
    assert_type(d->u.def.type_expr, "money");
    ck_assert_int_eq(d->u.def.requires.len, 2);
    requirement *r0 = NL_AT(d->u.def.requires, 0), *r1 = NL_AT(d->u.def.requires, 1);
    ck_assert_int_eq(r0->index, 0);
    ck_assert_int_eq(r1->index, 1);
    ck_assert_str_eq(front_sexp(m, r0->cond), "partshøring_gennemført");
    ck_assert_str_eq(r0->cite->source.name, "fvl");
    ck_assert_str_eq(r0->cite->provision, "§ 19, stk. 1");
    ck_assert_str_eq(front_span(m, r0->loc), "5:3-5:66");
    ck_assert_str_eq(front_sexp(m, r1->cond), "(and afgørelse_truffet x)");
    ck_assert_str_eq(r1->cite->provision, "§ 22");
    ck_assert_int_eq(d->u.def.rules.len, 2);
    ck_assert_str_eq(front_sexp(m, d->u.def.default_rule->value), "(money 0)");
    ast_rule *e = NL_AT(d->u.def.rules, 1);
    ck_assert_str_eq(front_sexp(m, e->cond),
                     "(and (and omfattet (not undtaget)) (< timer timekrav))");
    ck_assert_str_eq(front_sexp(m, e->value), "nedsættelse_sats");
    ck_assert_str_eq(front_span(m, d->loc), "3:1-11:26");

    decl *o = front_decl(m, "ret");
    ck_assert_int_eq(o->kind, D_OUTCOME);
    ck_assert(!o->u.def.adverse);
    ck_assert_int_eq(o->u.def.requires.len, 0);
    ck_assert_str_eq(front_sexp(m, front_value(m, "ret")), "yes");
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_assert_and_external)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(FRONT_HEADER
                            "assert undtagne_nedsættes_aldrig\n"
                            "  according to lov \"§ 13 f, stk. 9\"\n"
                            "  always undtaget implies nedsættelse = 0 kr\n"
                            "external er_helligdag(dag: date): boolean\n"
                            "  according to helligdage \"Kalender\"\n"
                            "external i_dag(): date " CITE "\n"
                            "external opslag(cpr: integer, dato: date): optional money\n",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    decl *a = front_decl(m, "undtagne_nedsættes_aldrig");
    ck_assert_int_eq(a->kind, D_ASSERT);
    ck_assert_str_eq(a->cite->provision, "§ 13 f, stk. 9");
    ck_assert_str_eq(front_sexp(m, a->u.assert_.cond), "(implies undtaget (= nedsættelse (money 0)))");
    ck_assert_str_eq(front_span(m, a->loc), "3:1-5:45");

    decl *h = front_decl(m, "er_helligdag");
    ck_assert_int_eq(h->kind, D_EXTERNAL);
    ck_assert_int_eq(h->u.external.params.len, 1);
    formal *dag = NL_AT(h->u.external.params, 0);
    ck_assert_str_eq(dag->name.name, "dag");
    assert_type(dag->type_expr, "date");
    assert_type(h->u.external.ret, "boolean");
    ck_assert_str_eq(h->cite->source.name, "helligdage");
    ck_assert_str_eq(front_span(m, h->loc), "6:1-7:37");

    decl *i = front_decl(m, "i_dag");
    ck_assert_int_eq(i->u.external.params.len, 0);
    assert_type(i->u.external.ret, "date");

    decl *o = front_decl(m, "opslag");
    ck_assert_int_eq(o->u.external.params.len, 2);
    ck_assert_int_eq(((formal *)NL_AT(o->u.external.params, 1))->index, 1);
    assert_type(o->u.external.ret, "(optional money)");
    ck_assert_ptr_null(o->cite);
    front_free(m);
    capture_free(&c);
}
END_TEST

/* ---- Expressions ------------------------------------------------------------------ */

START_TEST(test_parse_precedence_boolean)
{
    assert_parses_to("a or b and c", "(or a (and b c))");
    assert_parses_to("a and b or c", "(or (and a b) c)");
    assert_parses_to("a or b or c", "(or (or a b) c)");
    assert_parses_to("a and b and c", "(and (and a b) c)");
    assert_parses_to("a implies b implies c", "(implies a (implies b c))");
    assert_parses_to("a or b implies c and d", "(implies (or a b) (and c d))");
    assert_parses_to("not a = b", "(not (= a b))");
    assert_parses_to("not a and b", "(and (not a) b)");
    assert_parses_to("not not a", "(not (not a))");
    assert_parses_to("a = b and c != d", "(and (= a b) (!= c d))");
    assert_parses_to("(a or b) and c", "(and (or a b) c)");
    assert_parses_to("yes and true or no and false", "(or (and yes yes) (and no no))");
}
END_TEST

START_TEST(test_parse_precedence_comparison)
{
    assert_parses_to("a < b", "(< a b)");
    assert_parses_to("a <= b", "(<= a b)");
    assert_parses_to("a ≤ b", "(<= a b)");
    assert_parses_to("a > b", "(> a b)");
    assert_parses_to("a >= b", "(>= a b)");
    assert_parses_to("a ≥ b", "(>= a b)");
    assert_parses_to("a <> b", "(!= a b)");
    assert_parses_to("a ≠ b", "(!= a b)");
    assert_parses_to("a + 1 < b * 2", "(< (+ a 1) (* b 2))");
    assert_parses_to("x otherwise y < z", "(< (otherwise x y) z)");
    assert_parses_to("x otherwise y otherwise z", "(otherwise (otherwise x y) z)");
    assert_parses_to("x otherwise 1 + 2", "(otherwise x (+ 1 2))");
    assert_parses_to("x is present and x < 2", "(and (present x) (< x 2))");
    assert_parses_to("x.y is absent or z", "(or (absent (. x y)) z)");
    assert_parses_to("x otherwise y is present", "(present (otherwise x y))");
    assert_parses_to("x between 1 and 2 and y", "(and (between x 1 2) y)");
    assert_parses_to("y and x between a + 1 and b - 1", "(and y (between x (+ a 1) (- b 1)))");
    assert_parses_to("not x between 1 and 2", "(not (between x 1 2))");
    assert_parses_to("d within 12 months before r", "(within d (dur 12m0d months) before r)");
    assert_parses_to("d within 14 days after r + 1 day",
                     "(within d (dur 0m14d days) after (+ r (dur 0m1d days)))");
    assert_parses_to("m.måned within n months before reference_dato and m.ok",
                     "(and (within (. m måned) (unit months n) before reference_dato) (. m ok))");
}
END_TEST

START_TEST(test_parse_precedence_arithmetic)
{
    assert_parses_to("a - b - c", "(- (- a b) c)");
    assert_parses_to("a - b + c", "(+ (- a b) c)");
    assert_parses_to("a / b / c", "(/ (/ a b) c)");
    assert_parses_to("a * b / c + d", "(+ (/ (* a b) c) d)");
    assert_parses_to("a + b * c", "(+ a (* b c))");
    assert_parses_to("-a * b", "(* (neg a) b)");
    assert_parses_to("- -a", "(neg (neg a))");
    assert_parses_to("a - -1", "(- a (neg 1))");
    assert_parses_to("-2 kr", "(neg (money 200))");
    assert_parses_to("a + b rounded half up", "(rounded half-up (+ a b))");
    assert_parses_to("a * 0.5 + b * 0.25 rounded half even",
                     "(rounded half-even (+ (* a (dec 5 1)) (* b (dec 25 2))))");
    assert_parses_to("beløb / 3 rounded down to kr", "(rounded down (/ beløb 3) to-kr)");
    assert_parses_to("x rounded up to 2 decimals", "(rounded up x to-2-decimals)");
    assert_parses_to("a rounded half up otherwise b", "(otherwise (rounded half-up a) b)");
    assert_parses_to("(a rounded down) + 1", "(+ (rounded down a) 1)");
    assert_parses_to("p at d + 1 month", "(+ (at p d) (dur 1m0d months))");
    assert_parses_to("p at r.d", "(at p (. r d))");
    assert_parses_to("x kr * 2", "(* (unit kr x) 2)");
    assert_parses_to("(antal * 7) days", "(unit days (* antal 7))");
    assert_parses_to("f(a, b).c", "(. (call f a b) c)");
    assert_parses_to("m.Enum.c", "(. (. m Enum) c)");
    assert_parses_to("fvl.frist(a)", "(call (. fvl frist) a)");
    assert_parses_to("2020-04-01 - 14 days", "(- (date 2020-04-01) (dur 0m14d days))");
}
END_TEST

START_TEST(test_parse_if_extends_right)
{
    assert_parses_to("if a then b else c + 1", "(if a b (+ c 1))");
    assert_parses_to("if a then b else c or d", "(if a b (or c d))");
    assert_parses_to("if a then if b then 1 else 2 else 3", "(if a (if b 1 2) 3)");
    assert_parses_to("if a then 1 else if b then 2 else 3", "(if a 1 (if b 2 3))");
    assert_parses_to("if a or b then x otherwise 1 else sum of y for y in l",
                     "(if (or a b) (otherwise x 1) (sum y in l : y))");
    assert_parses_to("(if a then 1 else 2) + 3", "(+ (if a 1 2) 3)");
}
END_TEST

START_TEST(test_parse_aggregates)
{
    assert_parses_to("sum of m.timer for m in arbejde",
                     "(sum m in arbejde : (. m timer))");
    assert_parses_to("sum of m.timer for m in arbejde where m.ordinært and m.timer > 0",
                     "(sum m in arbejde where (and (. m ordinært) (> (. m timer) 0)) : (. m timer))");
    assert_parses_to("count m in arbejde", "(count m in arbejde)");
    assert_parses_to("count m in x.liste where m.ok", "(count m in (. x liste) where (. m ok))");
    assert_parses_to("exists m in arbejde where m.timer > 100",
                     "(exists m in arbejde where (> (. m timer) 100))");
    assert_parses_to("for all m in arbejde holds m.ok", "(forall m in arbejde : (. m ok))");
    assert_parses_to("for all m in arbejde where m.timer > 0 holds m.ok or m.syg",
                     "(forall m in arbejde where (> (. m timer) 0) : (or (. m ok) (. m syg)))");
    assert_parses_to("minimum of m.måned for m in arbejde where m.ordinært",
                     "(minimum m in arbejde where (. m ordinært) : (. m måned))");
    assert_parses_to("maximum of m.timer * 2 for m in arbejde",
                     "(maximum m in arbejde : (* (. m timer) 2))");
    /* An aggregate takes everything to its right... */
    assert_parses_to("count m in l where m.ok + 1", "(count m in l where (+ (. m ok) 1))");
    assert_parses_to("sum of x for x in l where x > 0 and yes",
                     "(sum x in l where (and (> x 0) yes) : x)");
    /* ...but the body of 'sum of' ends at 'for'. */
    assert_parses_to("sum of (count y in x.l) for x in l",
                     "(sum x in l : (count y in (. x l)))");
    assert_parses_to("(sum of x for x in l) + 10", "(+ (sum x in l : x) 10)");
    assert_parses_to("sum of sum of y for y in x.l for x in l",
                     "(sum x in l : (sum y in (. x l) : y))");
}
END_TEST

START_TEST(test_parse_match)
{
    assert_parses_to("match civilstand case enlig then 1.0 case gift, samlevende then 0.5 end",
                     "(match civilstand (case enlig -> (dec 10 1)) (case gift samlevende -> (dec 5 1)))");
    assert_parses_to("match x case a then 1 case b then 2 else 3 end + 1",
                     "(+ (match x (case a -> 1) (case b -> 2) (else 3)) 1)");
    assert_parses_to("match x case a, b, c then if y then 1 else 2 end",
                     "(match x (case a b c -> (if y 1 2)))");
    assert_parses_to("match m.x case a then match y case b then 1 end else 2 end",
                     "(match (. m x) (case a -> (match y (case b -> 1))) (else 2))");

    capture c;
    capture_init(&c);
    module *m = front_parse(FRONT_HEADER "definition x: integer " CITE " =\n"
                            "  match x\n    case a, b then 1\n    case c then 2\n    else 3\n  end\n",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    expr *e = front_value(m, "x");
    ck_assert_int_eq(e->kind, E_MATCH);
    ck_assert_str_eq(front_span(m, e->loc), "4:3-8:6");
    match_arm *a0 = NL_AT(e->u.match.arms, 0);
    ck_assert_str_eq(front_span(m, a0->loc), "5:5-5:21");
    ck_assert_str_eq(front_span(m, ((ident *)NL_AT(a0->cases, 1))->loc), "5:13-5:14");
    ck_assert_str_eq(front_span(m, e->u.match.else_loc), "7:5-7:9");
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_expression_spans)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(FRONT_HEADER "definition x: integer " CITE " =\n"
                            "  (æble + 2) * f(ø, 1 066 kr) rounded half up\n",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    expr *r = front_value(m, "x");
    ck_assert_int_eq(r->kind, E_ROUNDED);
    ck_assert_str_eq(front_span(m, r->loc), "4:3-4:46");
    expr *mul = r->u.rounded.subject;
    ck_assert_str_eq(front_span(m, mul->loc), "4:3-4:30");
    ck_assert_str_eq(front_span(m, mul->u.binary.op_loc), "4:14-4:15");
    expr *paren = mul->u.binary.lhs;       /* parentheses are not part of the span */
    ck_assert_str_eq(front_span(m, paren->loc), "4:4-4:12");
    ck_assert_str_eq(front_span(m, paren->u.binary.lhs->loc), "4:4-4:8");
    expr *call = mul->u.binary.rhs;
    ck_assert_str_eq(front_span(m, call->loc), "4:16-4:30");
    ck_assert_str_eq(front_span(m, ((expr *)NL_AT(call->u.call.args, 1))->loc), "4:21-4:29");
    front_free(m);
    capture_free(&c);
}
END_TEST

/* ---- Limits ---------------------------------------------------------------------- */

static char *repeat(const char *piece, int n, const char *middle, const char *closing)
{
    strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%sdefinition x: integer %s = ", FRONT_HEADER, CITE);
    for (int i = 0; i < n; i++)
        sb_puts(&sb, piece);
    sb_puts(&sb, middle);
    for (int i = 0; i < n; i++)
        sb_puts(&sb, closing);
    sb_puts(&sb, "\ninput later: integer\n");
    return sb.data;
}

static const char depth_message[] =
    "error: this expression is nested more than 256 levels deep; split it into smaller "
    "definitions\n";

static const char run_message[] =
    "error: this expression has more than 256 terms joined by '+' or '-' in a row; split it "
    "into smaller definitions\n";

/* Parses text; asserts exactly one error, 'message' at 'where'
 * ("line:col"), and that the declaration after it was read. */
static void assert_too_deep_msg(char *text, const char *where, const char *message)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(text, &c);
    char want[256];
    snprintf(want, sizeof want, "t.lov:%s: %s", where, message);
    ck_assert_str_eq(capture_messages(&c), want);
    ck_assert_int_eq(c.diag.errors, 1);
    ck_assert_ptr_nonnull(front_decl(m, "later"));
    expr *v = front_value(m, "x");
    ck_assert(v->depth <= PARSE_MAX_DEPTH);
    front_free(m);
    capture_free(&c);
    free(text);
}

static void assert_too_deep(char *text, const char *where)
{
    assert_too_deep_msg(text, where, depth_message);
}

START_TEST(test_parse_depth_limit)
{
    /* 'x = (1 + (1 + ... 1))': each level is one node. */
    assert_too_deep(repeat("(1 + ", 300, "1", ")"), "3:264");
    /* 'x = 1 + 1 + ... + 1': a left-leaning chain 299 deep, which a reader
     * sees as long rather than deep. */
    strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%sdefinition x: integer %s = 1", FRONT_HEADER, CITE);
    for (int i = 0; i < 299; i++)
        sb_puts(&sb, " + 1");
    sb_puts(&sb, "\ninput later: integer\n");
    assert_too_deep_msg(sb.data, "3:48", run_message);
    assert_too_deep(repeat("-", 300, "1", ""), "3:91");
    assert_too_deep(repeat("not ", 300, "yes", ""), "3:220");

    /* 256 levels are fine. */
    char *ok = repeat("-", 255, "a", "");
    capture c;
    capture_init(&c);
    module *m = front_parse(ok, &c);
    ck_assert_str_eq(capture_text(&c), "");
    ck_assert_int_eq(front_value(m, "x")->depth, 256);
    front_free(m);
    capture_free(&c);
    free(ok);
}
END_TEST

START_TEST(test_parse_stack_limit)
{
    /* Far deeper than the parser's stack: one error, no crash. */
    char *text = repeat("(", 20000, "1", ")");
    capture c;
    capture_init(&c);
    module *m = front_parse(text, &c);
    ck_assert_str_eq(capture_messages(&c),
                     "t.lov:3:10038: error: the rules are nested too deeply to read here; split "
                     "them into smaller definitions\n");
    ck_assert_int_eq(c.diag.errors, 1);
    front_free(m);
    capture_free(&c);
    free(text);
}
END_TEST

/* ---- Errors and recovery -------------------------------------------------------------- */

START_TEST(test_parse_error_recovery)
{
    capture c;
    capture_init(&c);
    module *m = front_parse(FRONT_HEADER
                            "input a: integer\n"
                            "definition b: integer " CITE " = 1 +\n"
                            "input c: date\n"
                            "definition d: integer " CITE " = (a * 2\n"
                            "definition e: integer " CITE " = a\n"
                            "input f: integer\n",
                            &c);
    ck_assert_str_eq(capture_messages(&c),
                     "t.lov:5:1: error: expected a value, a name or '(', but found 'input'\n"
                     "t.lov:7:1: error: 'definition' cannot stand here\n"
                     "t.lov:7:1: note: a '(' before this point is not closed with ')'\n");
    ck_assert_int_eq(c.diag.errors, 2);
    ck_assert_int_eq(m->decls.len, 4);
    static const char *const names[] = {"a", "c", "e", "f"};
    for (int i = 0; i < 4; i++)
        ck_assert_str_eq(((decl *)NL_AT(m->decls, i))->name.name, names[i]);
    ck_assert_str_eq(front_sexp(m, front_value(m, "e")), "a");
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_error_recovery_header)
{
    capture c;
    capture_init(&c);
    module *m = front_parse("module t\n"
                            "  title\n"
                            "  source lov \"Lov\"\n"
                            "  in force 2020-01-01\n"
                            "  month end rule clamp\n"
                            "input x: date\n",
                            &c);
    ck_assert_str_eq(capture_messages(&c),
                     "t.lov:3:3: error: expected a quoted text, but found 'source'\n"
                     "t.lov:4:12: error: expected 'from', but found a date\n");
    ck_assert_int_eq(m->sources.len, 1);
    ck_assert_int_eq(m->month_end, ME_CLAMP);
    ck_assert_int_eq(m->decls.len, 1);
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_parse_adjacent_broken_declarations)
{
    /* Two broken declarations in a row are both reported. (Fails today:
     * bison stays silent until three tokens have been read after an error,
     * so the second mistake is swallowed.) */
    assert_syntax(FRONT_HEADER
                  "input sum: integer\n"
                  "input x integer\n"
                  "input z: integer\n",
                  "t.lov:3:7: error: expected a name, but found 'sum'\n"
                  "t.lov:3:7: note: 'sum' is a word of the language and cannot be used as a name\n"
                  "t.lov:4:9: error: expected ':', but found 'integer'\n");
}
END_TEST

START_TEST(test_parse_syntax_error_texts)
{
    assert_syntax(FRONT_HEADER "input sum: integer\ninput ok: integer\n",
                  "t.lov:3:7: error: expected a name, but found 'sum'\n"
                  "t.lov:3:7: note: 'sum' is a word of the language and cannot be used as a name\n");
    assert_syntax(FRONT_HEADER "input x integer\n",
                  "t.lov:3:9: error: expected ':', but found 'integer'\n");
    assert_syntax(FRONT_HEADER "definition w: integer " CITE " = if a then 1 else 2 end\n",
                  "t.lov:3:67: error: expected a declaration ('input', 'definition', 'outcome', "
                  "...), but found 'end'\n");
    assert_syntax(FRONT_HEADER "definition w: integer " CITE " = if a then 1\ninput z: integer\n",
                  "t.lov:4:1: error: 'input' cannot stand here\n"
                  "t.lov:4:1: note: an 'if' needs both 'then' and 'else'\n");
    assert_syntax(FRONT_HEADER "definition w: integer " CITE " = match x case a then 1\n"
                  "input z: integer\n",
                  "t.lov:4:1: error: 'input' cannot stand here\n"
                  "t.lov:4:1: note: a 'match' must be closed with 'end'\n");
    assert_syntax(FRONT_HEADER "definition v: integer " CITE " = f(1,)\n",
                  "t.lov:3:52: error: expected a value, a name or '(', but found ')'\n");
    assert_syntax(FRONT_HEADER "definition u: integer " CITE " = 1 rounded to kr\n",
                  "t.lov:3:58: error: expected 'half', 'up' or 'down', but found 'to'\n");
    assert_syntax(FRONT_HEADER "definition u: integer " CITE " = a or if b then c else d\n",
                  "t.lov:3:53: error: expected a value, a name or '(', but found 'if'\n"
                  "t.lov:3:53: note: an 'if' or an aggregate ('sum', 'count', 'exists', 'for all', "
                  "'minimum', 'maximum') inside a larger expression goes in parentheses: (sum of ...)\n");
    assert_syntax(FRONT_HEADER "definition u: integer " CITE " = 1 rounded up to 19 decimals\n",
                  "t.lov:3:64: error: a number can be rounded to at most 18 decimals\n");
    assert_syntax(FRONT_HEADER "definition u: integer " CITE " = 12,50\n",
                  "t.lov:3:50: error: ',' cannot come here: what is before it is complete\n"
                  "t.lov:3:50: note: decimals are written with a point: 12.50, not 12,50\n");
    assert_syntax(FRONT_HEADER "definition u: integer " CITE " = a b\n",
                  "t.lov:3:50: error: a name cannot come here: what is before it is complete\n"
                  "t.lov:3:50: note: is an operator such as 'and' or '+' missing before it?\n");
}
END_TEST

START_TEST(test_parse_error_at_end_of_file)
{
    /* At the end of the file, the caret sits where the file ends, after the
     * last token. (Fails today: the end of the file is placed at the start
     * of the last token: 1:10 and 2:30.) */
    assert_syntax("module m title",
                  "t.lov:1:15: error: expected a quoted text, but found the end of the file\n");
    capture c;
    capture_init(&c);
    module *m = front_parse("module t\ndefinition x: integer = (1 + 2", &c);
    ck_assert_str_eq(capture_text(&c),
                     "t.lov:2:31: error: the file ends too early\n"
                     "    2 | definition x: integer = (1 + 2\n"
                     "      |                               ^\n"
                     "t.lov:2:31: note: a '(' before this point is not closed with ')'\n"
                     "    2 | definition x: integer = (1 + 2\n"
                     "      |                               ^\n");
    front_free(m);
    capture_free(&c);
}
END_TEST

Suite *suite_parser(void)
{
    Suite *s = suite_create("parser");
    TCase *tc = tcase_create("declarations");
    tcase_add_test(tc, test_parse_module_header);
    tcase_add_test(tc, test_parse_header_minimal);
    tcase_add_test(tc, test_parse_header_errors);
    tcase_add_test(tc, test_parse_missing_module);
    tcase_add_test(tc, test_parse_enum);
    tcase_add_test(tc, test_parse_record);
    tcase_add_test(tc, test_parse_input);
    tcase_add_test(tc, test_parse_parameter);
    tcase_add_test(tc, test_parse_definition);
    tcase_add_test(tc, test_parse_definition_with_parameters);
    tcase_add_test(tc, test_parse_default_and_exceptions);
    tcase_add_test(tc, test_parse_outcome);
    tcase_add_test(tc, test_parse_assert_and_external);
    suite_add_tcase(s, tc);

    tc = tcase_create("expressions");
    tcase_add_test(tc, test_parse_precedence_boolean);
    tcase_add_test(tc, test_parse_precedence_comparison);
    tcase_add_test(tc, test_parse_precedence_arithmetic);
    tcase_add_test(tc, test_parse_if_extends_right);
    tcase_add_test(tc, test_parse_aggregates);
    tcase_add_test(tc, test_parse_match);
    tcase_add_test(tc, test_parse_expression_spans);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_test(tc, test_parse_depth_limit);
    tcase_add_test(tc, test_parse_stack_limit);
    tcase_add_test(tc, test_parse_error_recovery);
    tcase_add_test(tc, test_parse_error_recovery_header);
    tcase_add_test(tc, test_parse_adjacent_broken_declarations);
    tcase_add_test(tc, test_parse_syntax_error_texts);
    tcase_add_test(tc, test_parse_error_at_end_of_file);
    suite_add_tcase(s, tc);
    return s;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for name resolution and type checking (compiler/check/resolve_*.c,
 * typecheck_*.c, program.c): the type given to representative expressions,
 * and every class of error a legal consultant can make, with its exact
 * text and line:col. Single modules are checked from memory; modules that
 * 'use' each other are written to a temporary folder and loaded with
 * program_load. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "front_helpers.h"
#include "check/program.h"
#include "suites.h"
#include "check/types.h"
#include "support/util.h"

/* Declarations most tests share; the rules under test start on line 23. */
#define CONTEXT                                                                          \
    "module t\n"                                                                         \
    "  source lov \"Lov\"\n"                                                             \
    "  month end rule clamp\n"                                                           \
    "enum Civilstand\n"                                                                  \
    "  case enlig\n"                                                                     \
    "  case gift\n"                                                                      \
    "  case samlevende\n"                                                                \
    "record Måned\n"                                                                     \
    "  field timer: integer\n"                                                           \
    "  field d: date\n"                                                                  \
    "  field slut: optional date\n"                                                      \
    "  field løn: money\n"                                                               \
    "input dag: date\n"                                                                  \
    "input beløb: money\n"                                                               \
    "input sats: decimal\n"                                                              \
    "input n: integer\n"                                                                 \
    "input slut: optional date\n"                                                        \
    "input civil: Civilstand\n"                                                          \
    "input liste: list of Måned\n"                                                       \
    "input frist: duration\n"                                                            \
    "input arbejdsevne: integer\n"                                                       \
    "input nedsættelse: money\n"

/* The same context without a month end rule (one line shorter). */
#define CONTEXT_NO_MONTH_RULE                                                            \
    "module t\n"                                                                         \
    "  source lov \"Lov\"\n"                                                             \
    "input dag: date\n"                                                                  \
    "input slut: optional date\n"

/* Checks CONTEXT + "definition x: TYPE CITE = EXPR" and asserts that no
 * diagnostic is reported and that the value's type reads 'want'. */
static void assert_type_of(const char *declared, const char *text, const char *want)
{
    strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%sdefinition x: %s %s = %s\n", CONTEXT, declared, CITE, text);
    capture c;
    capture_init(&c);
    module *m = front_check(sb.data, &c);
    ck_assert_msg(strcmp(capture_text(&c), "") == 0, "%s: %s", text, capture_text(&c));
    expr *v = front_value(m, "x");
    ck_assert_ptr_nonnull(v->type);
    const char *got = type_text(&m->arena, v->type);
    ck_assert_msg(strcmp(got, want) == 0, "%s: got %s, expected %s", text, got, want);
    front_free(m);
    capture_free(&c);
    sb_free(&sb);
}

/* Checks 'text' and asserts the message lines it reports. */
static void assert_check(const char *text, const char *want)
{
    capture c;
    capture_init(&c);
    module *m = front_check(text, &c);
    const char *got = capture_messages(&c);
    ck_assert_msg(strcmp(got, want) == 0, "got:\n%sexpected:\n%sin full:\n%s", got, want,
                  capture_text(&c));
    front_free(m);
    capture_free(&c);
}

/* ---- Types of expressions ------------------------------------------------------- */

START_TEST(test_typecheck_arithmetic_types)
{
    assert_type_of("money", "beløb + 100 kr", "money");
    assert_type_of("money", "beløb - beløb - 0.50 kr", "money");
    assert_type_of("money", "beløb * 2", "money");
    assert_type_of("money", "3 * beløb", "money");
    assert_type_of("money", "-beløb", "money");
    assert_type_of("money", "n kr", "money");
    assert_type_of("integer", "n * 2 - 1", "integer");
    assert_type_of("decimal", "n * sats", "decimal");
    assert_type_of("decimal", "n + 0.5", "decimal");
    assert_type_of("decimal", "25 %", "decimal");
    assert_type_of("decimal", "n %", "decimal");
    assert_type_of("integer", "sats rounded down", "integer");
    assert_type_of("decimal", "sats rounded half even to 2 decimals", "decimal");
    assert_type_of("money", "beløb * sats rounded half up", "money");
    assert_type_of("money", "beløb * 0.5 rounded up to kr", "money");
    assert_type_of("money", "(beløb * 0.5 + beløb * 0.25) rounded half up", "money");
    assert_type_of("money", "(beløb / 3) rounded down", "money");
    assert_type_of("decimal", "(beløb / beløb) rounded half up to 4 decimals", "decimal");
    assert_type_of("integer", "(n / 7) rounded down", "integer");
}
END_TEST

START_TEST(test_typecheck_date_types)
{
    assert_type_of("duration", "dag - 2020-01-01", "duration in days");
    assert_type_of("date", "dag + 14 days", "date");
    assert_type_of("date", "dag - 2 weeks", "date");
    assert_type_of("date", "14 days + dag", "date");
    assert_type_of("date", "dag + 1 month", "date");
    assert_type_of("date", "dag - 1 year", "date");
    assert_type_of("date", "dag + frist", "date");
    assert_type_of("duration", "2 weeks + 3 days", "duration in days");
    assert_type_of("duration", "1 year - 1 month", "duration in months");
    assert_type_of("duration", "n months", "duration in months");
    assert_type_of("duration", "(n * 7) days", "duration in days");
    assert_type_of("duration", "2 * 1 month", "duration in months");
    assert_type_of("duration", "1 month + 1 day", "duration");
    assert_type_of("boolean", "dag - 2020-01-01 > 30 days", "boolean");
    assert_type_of("boolean", "dag within 12 months before 2020-04-01", "boolean");
    assert_type_of("boolean", "dag within 14 days after 2020-04-01", "boolean");
    assert_type_of("boolean", "dag between 2020-01-01 and 2020-12-31", "boolean");
    assert_type_of("boolean", "n between 1 and 2.5", "boolean");
    assert_type_of("integer", "days_between(dag, 2020-12-31)", "integer");
    assert_type_of("integer", "months_between(dag, dag) + year_of(dag)", "integer");
    assert_type_of("date", "next_month_start(month_end(dag))", "date");
    assert_type_of("money", "max(beløb, 0 kr)", "money");
    assert_type_of("decimal", "min(n, sats)", "decimal");
    assert_type_of("money", "abs(beløb)", "money");
    assert_type_of("duration", "min(14 days, 2 weeks)", "duration in days");
}
END_TEST

START_TEST(test_typecheck_aggregate_types)
{
    assert_type_of("optional integer", "minimum of m.timer for m in liste", "optional integer");
    assert_type_of("optional date", "maximum of m.d for m in liste where m.timer > 0",
                   "optional date");
    assert_type_of("integer", "(minimum of m.timer for m in liste) otherwise 0", "integer");
    assert_type_of("money", "sum of m.løn for m in liste", "money");
    assert_type_of("integer", "sum of m.timer for m in liste where m.d < dag", "integer");
    assert_type_of("duration", "sum of 1 day for m in liste", "duration in days");
    assert_type_of("integer", "count m in liste where m.timer > 0", "integer");
    assert_type_of("boolean", "exists m in liste", "boolean");
    assert_type_of("boolean", "for all m in liste where m.timer > 0 holds m.løn > 0 kr", "boolean");
    assert_type_of("integer", "match civil case enlig then 1 case gift, samlevende then 2 end",
                   "integer");
    assert_type_of("decimal", "match civil case enlig then 1 else 0.5 end", "decimal");
    assert_type_of("Civilstand", "enlig", "Civilstand");
    assert_type_of("boolean", "civil = Civilstand.gift", "boolean");
    assert_type_of("boolean", "samlevende != civil", "boolean");
}
END_TEST

START_TEST(test_typecheck_optional_narrowing)
{
    assert_type_of("optional date", "slut", "optional date");
    assert_type_of("date", "slut otherwise dag", "date");
    assert_type_of("boolean", "slut is present and slut < dag", "boolean");
    assert_type_of("boolean", "slut is absent or slut < dag", "boolean");
    assert_type_of("boolean", "not (slut is absent) and slut < dag", "boolean");
    assert_type_of("date", "if slut is present then slut else dag", "date");
    assert_type_of("date", "if slut is absent then dag else slut + 1 day", "date");
    assert_type_of("boolean", "slut = dag", "boolean");
    assert_type_of("integer", "count m in liste where m.slut is present and m.slut < dag",
                   "integer");
    assert_type_of("boolean",
                   "for all m in liste where m.slut is present holds m.slut > m.d", "boolean");

    /* The narrowed name has the inner type, and says so. */
    capture c;
    capture_init(&c);
    module *m = front_check(CONTEXT "definition x: boolean " CITE
                                    " = slut is present and slut < dag\n",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    expr *and = front_value(m, "x");
    expr *test = and->u.binary.lhs, *lt = and->u.binary.rhs;
    ck_assert_str_eq(type_text(&m->arena, test->u.presence.subject->type), "optional date");
    ck_assert(!test->u.presence.subject->u.name.narrowed);
    ck_assert_str_eq(type_text(&m->arena, lt->u.binary.lhs->type), "date");
    ck_assert(lt->u.binary.lhs->u.name.narrowed);
    front_free(m);
    capture_free(&c);

    /* An exception's condition narrows its value. */
    capture_init(&c);
    m = front_check(CONTEXT "definition x: date " CITE "\n"
                            "  default dag\n"
                            "  exception s " CITE " when slut is present then slut\n",
                    &c);
    ck_assert_str_eq(capture_text(&c), "");
    front_free(m);
    capture_free(&c);
}
END_TEST

START_TEST(test_typecheck_parameter_at)
{
    capture c;
    capture_init(&c);
    module *m = front_check("module t\n"
                            "  source lov \"Lov\"\n"
                            "  reference date dag\n"
                            "  month end rule clamp\n"
                            "input dag: date\n"
                            "parameter sats: money " CITE "\n"
                            "  from 2020-01-01: 1 054 kr\n"
                            "  from 2021-01-01 until 2021-12-31: 1 067 kr\n"
                            "parameter krav: integer " CITE " = 225\n"
                            "definition x: money " CITE " = sats at (dag - 1 year) + sats\n"
                            "definition y: integer " CITE " = krav * 2\n",
                            &c);
    ck_assert_str_eq(capture_text(&c), "");
    expr *x = front_value(m, "x");
    ck_assert_str_eq(type_text(&m->arena, x->type), "money");
    ck_assert_str_eq(type_text(&m->arena, x->u.binary.lhs->type), "money");
    ck_assert_str_eq(front_sexp(m, x), "(+ (at sats (- dag (dur 12m0d years))) sats)");
    ck_assert_ptr_eq(m->reference_input, front_decl(m, "dag"));
    front_free(m);
    capture_free(&c);
}
END_TEST

/* ---- Names --------------------------------------------------------------------- */

START_TEST(test_resolve_unknown_name)
{
    capture c;
    capture_init(&c);
    module *m = front_check(CONTEXT "definition x: boolean " CITE " =\n"
                                    "  arbejdsevn = 2\n",
                            &c);
    ck_assert_str_eq(capture_text(&c),
                     "t.lov:24:3: error: unknown name 'arbejdsevn'; did you mean 'arbejdsevne'?\n"
                     "   24 |   arbejdsevn = 2\n"
                     "      |   ^~~~~~~~~~\n");
    front_free(m);
    capture_free(&c);

    /* Columns count characters, and suggestions understand Danish letters. */
    assert_check(CONTEXT "definition x: money " CITE " = nedsætelse + nedsaettelse\n",
                 "t.lov:23:46: error: unknown name 'nedsætelse'; did you mean 'nedsættelse'?\n"
                 "t.lov:23:59: error: unknown name 'nedsaettelse'; did you mean 'nedsættelse'?\n");
    assert_check(CONTEXT "definition x: integer " CITE " = zzzzqqq\n",
                 "t.lov:23:48: error: unknown name 'zzzzqqq': no input, parameter, definition or "
                 "case of an enum has that name\n");
    assert_check(CONTEXT "definition x: date " CITE " = month_star(dag) + month_end\n",
                 "t.lov:23:45: error: unknown function 'month_star'; did you mean 'month_start'?\n"
                 "t.lov:23:63: error: 'month_end' is a built-in function: write month_end(...)\n");
    assert_check(CONTEXT "input y: Civilstnd\ninput z: Mned\n",
                 "t.lov:23:10: error: unknown type 'Civilstnd'; did you mean 'Civilstand'?\n"
                 "t.lov:24:10: error: unknown type 'Mned'; did you mean 'Måned'?\n");
    assert_check(CONTEXT "definition x: integer according to lvo \"§ 1\" = 1\n",
                 "t.lov:23:36: error: unknown source 'lvo'; did you mean 'lov'?\n");
    assert_check(CONTEXT "definition x: integer " CITE " = sum of m.time for m in liste\n",
                 "t.lov:23:57: error: unknown field of Måned 'time'; did you mean 'timer'?\n");
}
END_TEST

START_TEST(test_resolve_duplicates)
{
    assert_check(CONTEXT "definition dag: integer " CITE " = 1\n",
                 "t.lov:23:12: error: the name 'dag' is declared twice\n"
                 "t.lov:13:7: note: it is already the name of the input on line 13\n");
    assert_check("module t\n"
                 "  source lov \"Lov\"\n"
                 "  source lov \"Lov igen\"\n"
                 "enum E\n"
                 "  case a\n"
                 "  case a\n"
                 "record R\n"
                 "  field f: integer\n"
                 "  field f: date\n"
                 "definition g(p: integer, p: date): integer " CITE " = 1\n"
                 "definition h: integer " CITE "\n"
                 "  exception e " CITE " when yes then 1\n"
                 "  exception e " CITE " when no then 2\n",
                 "t.lov:3:10: error: the source 'lov' is declared twice\n"
                 "t.lov:2:10: note: the first 'lov' is here, on line 2\n"
                 "t.lov:6:8: error: the case 'a' is declared twice\n"
                 "t.lov:5:8: note: the first 'a' is here, on line 5\n"
                 "t.lov:9:9: error: the field 'f' is declared twice\n"
                 "t.lov:8:9: note: the first 'f' is here, on line 8\n"
                 "t.lov:10:26: error: the parameter 'p' is declared twice\n"
                 "t.lov:10:14: note: the first 'p' is here, on line 10\n"
                 "t.lov:13:13: error: the exception 'e' is declared twice\n"
                 "t.lov:12:13: note: the first 'e' is here, on line 12\n");
}
END_TEST

/* A definition with parameters calls an external function when it calls
 * one itself or through other definitions, in any order of declaration. */
START_TEST(test_resolve_external_calls)
{
    capture c;
    capture_init(&c);
    module *m = front_check(FRONT_HEADER
                            "definition f0(x: integer): integer " CITE " = f1(x)\n"
                            "definition f1(x: integer): integer " CITE " = f2(x) + g(x)\n"
                            "external e(x: integer): integer " CITE "\n"
                            "definition f2(x: integer): integer " CITE " = e(x)\n"
                            "definition g(x: integer): integer " CITE " = x\n"
                            "definition h(x: integer): integer " CITE " = g(x)\n",
                            &c);
    ck_assert_str_eq(capture_messages(&c), "");
    ck_assert(front_decl(m, "f0")->calls_external);
    ck_assert(front_decl(m, "f1")->calls_external);
    ck_assert(front_decl(m, "f2")->calls_external);
    ck_assert(!front_decl(m, "g")->calls_external);
    ck_assert(!front_decl(m, "h")->calls_external);
    front_free(m);
    capture_free(&c);
}
END_TEST

/* Exceptions at the same level with the same condition, as written, and
 * different values written out conflict whenever they apply. Variables of
 * aggregates are the same by place, not by name; values the same by value. */
START_TEST(test_typecheck_same_conditions)
{
    assert_check(CONTEXT "definition x: integer " CITE "\n"
                         "  default 0\n"
                         "  exception a " CITE " when exists m in liste where m.timer > 2 then 1\n"
                         "  exception b " CITE " when exists k in liste where k.timer > 2 then 2\n"
                         "  exception c " CITE " when exists k in liste where k.timer > 3 then 3\n"
                         "  exception d to a " CITE " when exists k in liste where k.timer > 2 then 4\n",
                 "t.lov:26:13: error: the exceptions 'a' and 'b' of 'x' have the same condition and "
                 "different values: they always apply together, and then conflict; make one an "
                 "exception to the other ('exception b to a') or change a condition\n"
                 "t.lov:25:13: note: 'a' is here, with the same condition\n");
    /* The same value, a computed value, or a condition that never holds: no conflict. */
    assert_check(CONTEXT "definition x: decimal " CITE "\n"
                         "  default 0\n"
                         "  exception a " CITE " when n > 1 then 1\n"
                         "  exception b " CITE " when n > 1 then 1.00\n"
                         "  exception c " CITE " when n > 1 then sats\n"
                         "  exception d " CITE " when no then 2\n"
                         "  exception e " CITE " when no then 3\n",
                 "");
}
END_TEST

START_TEST(test_resolve_cycle)
{
    capture c;
    capture_init(&c);
    module *m = front_check(FRONT_HEADER
                            "definition e3: integer " CITE " = e4 + 1\n"
                            "definition e4: integer " CITE " = e5 * 2\n"
                            "definition e5: integer " CITE " = e3\n"
                            "definition ok: integer " CITE " = e5\n",
                            &c);
    ck_assert_str_eq(capture_messages(&c),
                     "t.lov:3:12: error: 'e3' depends on itself: e3 -> e4 -> e5 -> e3\n"
                     "t.lov:3:49: note: 'e3' uses 'e4' here\n"
                     "t.lov:4:49: note: 'e4' uses 'e5' here\n"
                     "t.lov:5:49: note: 'e5' uses 'e3' here\n");
    ck_assert_int_eq(c.diag.errors, 1);
    ck_assert(front_decl(m, "e3")->in_cycle);
    ck_assert(front_decl(m, "e4")->in_cycle);
    ck_assert(front_decl(m, "e5")->in_cycle);
    ck_assert(!front_decl(m, "ok")->in_cycle);
    front_free(m);
    capture_free(&c);

    assert_check(FRONT_HEADER "definition g: integer " CITE " =\n  g + 1\n",
                 "t.lov:3:12: error: 'g' depends on itself: g -> g\n"
                 "t.lov:4:3: note: 'g' uses 'g' here\n");
    /* Through an exception's condition too. */
    assert_check(FRONT_HEADER
                 "definition a: boolean " CITE "\n"
                 "  default no\n"
                 "  exception x " CITE " when b then yes\n"
                 "definition b: boolean " CITE " = not a\n",
                 "t.lov:3:12: error: 'a' depends on itself: a -> b -> a\n"
                 "t.lov:5:43: note: 'a' uses 'b' here\n"
                 "t.lov:6:52: note: 'b' uses 'a' here\n");
}
END_TEST

START_TEST(test_resolve_exception_labels)
{
    assert_check(FRONT_HEADER
                 "input x: boolean\n"
                 "definition f: boolean " CITE "\n"
                 "  default no\n"
                 "  exception forrevalidering " CITE " when x then yes\n"
                 "  exception alligevel to forrevalidring " CITE " when x then no\n"
                 "  exception igen to ukendt " CITE " when x then no\n",
                 "t.lov:7:26: error: 'f' has no exception labelled 'forrevalidring'; did you mean "
                 "'forrevalidering'?\n"
                 "t.lov:8:21: error: 'f' has no exception labelled 'ukendt': 'to' names another "
                 "exception of the same definition\n");
    assert_check(FRONT_HEADER
                 "definition f: boolean " CITE "\n"
                 "  exception a to a " CITE " when yes then yes\n",
                 "t.lov:4:18: error: the exception 'a' cannot be an exception to itself\n");
    assert_check(FRONT_HEADER
                 "definition f: boolean " CITE "\n"
                 "  default no\n"
                 "  exception a to b " CITE " when yes then yes\n"
                 "  exception b to a " CITE " when yes then yes\n",
                 "t.lov:6:18: error: the exceptions of 'f' are exceptions to each other in a "
                 "circle ('b' is an exception to 'a'); one of them must be the general rule\n");
}
END_TEST

START_TEST(test_resolve_exception_label_not_itself)
{
    /* The only other label is the exception's own: suggesting it would make
     * it an exception to itself. (Fails today: "did you mean 'a'?".) */
    assert_check(FRONT_HEADER
                 "definition f: boolean " CITE "\n"
                 "  default no\n"
                 "  exception a to b " CITE " when yes then yes\n",
                 "t.lov:5:18: error: 'f' has no exception labelled 'b': 'to' names another "
                 "exception of the same definition\n");
}
END_TEST

START_TEST(test_resolve_missing_citation)
{
    assert_check(FRONT_HEADER
                 "input x: boolean\n"
                 "definition d: integer = 1\n"
                 "definition e: boolean text \"only a text\"\n"
                 "  default no\n"
                 "  exception u text \"no source\" when x then yes\n"
                 "parameter p: integer = 2\n"
                 "outcome o: boolean = yes\n"
                 "assert a always x\n"
                 "external f(dag: date): boolean\n",
                 "t.lov:4:12: error: the definition 'd' has no citation: add 'according to SOURCE "
                 "\"§ ...\"' naming the provision it carries out\n"
                 "t.lov:5:12: error: the definition 'e' has no citation: add 'according to SOURCE "
                 "\"§ ...\"' naming the provision it carries out\n"
                 "t.lov:7:13: error: the exception 'u' has no citation: add 'according to SOURCE "
                 "\"§ ...\"' naming the provision it carries out\n"
                 "t.lov:8:11: error: the parameter 'p' has no citation: add 'according to SOURCE "
                 "\"§ ...\"' naming the provision it carries out\n"
                 "t.lov:9:9: error: the outcome 'o' has no citation: add 'according to SOURCE "
                 "\"§ ...\"' naming the provision it carries out\n"
                 "t.lov:10:8: error: the assertion 'a' has no citation: add 'according to SOURCE "
                 "\"§ ...\"' naming the provision it carries out\n"
                 "t.lov:11:10: error: the external function 'f' has no citation: add 'according "
                 "to SOURCE \"§ ...\"' naming the provision it carries out\n");
    /* An exception without a citation of its own needs one, even under a
     * definition that has one; inputs, enums and records need none. */
    assert_check(FRONT_HEADER
                 "enum E\n  case a\n"
                 "record R\n  field f: integer\n"
                 "input x: E\n"
                 "definition d: boolean " CITE "\n"
                 "  exception u when x = a then yes\n",
                 "t.lov:9:13: error: the exception 'u' has no citation: add 'according to "
                 "SOURCE \"§ ...\"' naming the provision it carries out\n");
    assert_check(FRONT_HEADER "definition x: integer according to aktivlov \"§ 1\" = 1\n",
                 "t.lov:3:36: error: unknown source 'aktivlov': declare it in the module header, "
                 "as in: source aktivlov \"Full title of the law\" version \"...\"\n");
}
END_TEST

START_TEST(test_resolve_outcomes)
{
    assert_check(FRONT_HEADER
                 "input x: boolean\n"
                 "adverse outcome stop: boolean " CITE "\n"
                 "  exception e " CITE " when x then yes\n"
                 "outcome brev: boolean " CITE "\n"
                 "  requires x " CITE "\n"
                 "  = yes\n"
                 "definition tom: boolean " CITE "\n",
                 "t.lov:4:17: error: the adverse outcome 'stop' needs a default: the value when no "
                 "rule applies, which must not harm the citizen (for example 'default 0 kr' or "
                 "'default no')\n"
                 "t.lov:7:3: error: only an adverse outcome has prerequisites; if 'brev' can harm "
                 "the citizen, write 'adverse outcome brev'\n"
                 "t.lov:9:12: error: 'tom' has no rule: give it a value with '= ...', or a "
                 "'default' and exceptions\n");
}
END_TEST

/* ---- Types ----------------------------------------------------------------------- */

START_TEST(test_typecheck_mismatch)
{
    capture c;
    capture_init(&c);
    module *m = front_check(CONTEXT "definition x: date " CITE " = dag + beløb\n", &c);
    ck_assert_str_eq(capture_text(&c),
                     "t.lov:23:49: error: cannot add date and money: a date takes a duration added or "
                     "subtracted, as in d + 14 days or d - 1 month\n"
                     "   23 | definition x: date according to lov \"§ 1\" = dag + beløb\n"
                     "      |                                                 ^\n");
    front_free(m);
    capture_free(&c);

    assert_check(CONTEXT "definition x: money " CITE " = beløb + 5\n",
                 "t.lov:23:52: error: cannot add money and integer: write amounts with 'kr', for "
                 "example 100 kr\n");
    assert_check(CONTEXT "definition x: boolean " CITE " = beløb > 0\n",
                 "t.lov:23:54: error: cannot compare money and integer: write amounts with 'kr', "
                 "for example 0 kr\n");
    assert_check(CONTEXT "definition x: date " CITE " = dag + 14\n",
                 "t.lov:23:49: error: cannot add date and integer: write a duration, for example "
                 "14 days or 1 month\n");
    assert_check(CONTEXT "definition x: date " CITE " = dag + dag\n",
                 "t.lov:23:49: error: cannot add date and date: the days between two dates are "
                 "'later - earlier'\n");
    assert_check(CONTEXT "definition x: money " CITE " = beløb * beløb\n",
                 "t.lov:23:52: error: cannot multiply money and money: an amount can be "
                 "multiplied by a number, not by an amount\n");
    assert_check(CONTEXT "definition x: boolean " CITE " = civil < enlig\n",
                 "t.lov:23:54: error: cannot compare Civilstand and Civilstand: only numbers, "
                 "amounts, dates and durations have an order\n");
    assert_check(CONTEXT "definition x: integer " CITE " = beløb\n",
                 "t.lov:23:48: error: 'x' is declared as integer, but this value is money\n");
    assert_check(CONTEXT "definition x: boolean " CITE " = n and yes\n",
                 "t.lov:23:48: error: each side of 'and', 'or' and 'implies' must be yes or no (a "
                 "boolean), but this is integer\n");
    assert_check(CONTEXT "definition x: integer " CITE " = if n then 1 else beløb\n",
                 "t.lov:23:51: error: the condition of 'if' must be yes or no (a boolean), but "
                 "this is integer\n"
                 "t.lov:23:65: error: this is money, but the other possible values here are "
                 "integer\n");
    assert_check(CONTEXT "definition x: integer " CITE " = sum of m.d for m in liste\n",
                 "t.lov:23:55: error: 'sum' adds up numbers, amounts or durations, not date\n");
    assert_check(CONTEXT "definition x: integer " CITE " = count m in n\n",
                 "t.lov:23:59: error: 'count' goes through the items of a list, but this is "
                 "integer\n");
    assert_check(CONTEXT "definition x: integer " CITE " = 12.555 kr\n",
                 "t.lov:23:48: error: an amount in kroner has at most two decimals (øre), for "
                 "example 12.50 kr\n");
}
END_TEST

START_TEST(test_typecheck_functions)
{
    assert_check(CONTEXT
                 "definition udløbet(sendt: date, dage: integer): boolean " CITE "\n"
                 "  = sendt + dage days < dag\n"
                 "definition a: boolean " CITE " = udløbet(n, dag)\n"
                 "definition b: boolean " CITE " = udløbet(dag)\n"
                 "definition c: integer " CITE " = days_between(dag)\n"
                 "definition d: boolean " CITE " = udløbet\n"
                 "definition e: boolean " CITE " = dag(1)\n",
                 "t.lov:24:25: error: a definition with parameters can use only its parameters, "
                 "fixed parameters, enum cases and other definitions with parameters; 'dag' is an "
                 "input\n"
                 "t.lov:28:48: error: 'udløbet' takes parameters: write udløbet(...)\n"
                 "t.lov:29:48: error: 'dag' is not a function; only definitions with parameters, "
                 "external and built-in functions can be called; to multiply, write dag * (1)\n"
                 "t.lov:25:56: error: the parameter 'sendt' of 'udløbet' is date, but this is "
                 "integer\n"
                 "t.lov:25:59: error: the parameter 'dage' of 'udløbet' is integer, but this is "
                 "date\n"
                 "t.lov:26:48: error: 'udløbet' takes 2 values, but 1 is given\n"
                 "t.lov:27:48: error: 'days_between' takes 2 values, but 1 is given "
                 "(days_between(date, date): integer)\n");
}
END_TEST

START_TEST(test_typecheck_match_coverage)
{
    capture c;
    capture_init(&c);
    module *m = front_check(CONTEXT "definition x: integer " CITE " =\n"
                                    "  match civil case enlig then 1 case gift then 2 end\n",
                            &c);
    ck_assert_str_eq(capture_text(&c),
                     "t.lov:24:3: error: this match does not say what happens when the Civilstand "
                     "is 'samlevende'; add a 'case' for it or an 'else'\n"
                     "   24 |   match civil case enlig then 1 case gift then 2 end\n"
                     "      |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n");
    front_free(m);
    capture_free(&c);

    assert_check(CONTEXT "definition x: integer " CITE " = match civil case gift then 1 end\n",
                 "t.lov:23:48: error: this match does not say what happens when the Civilstand "
                 "is one of 'enlig', 'samlevende'; add a 'case' for them or an 'else'\n");
    assert_check(CONTEXT "definition x: integer " CITE
                         " = match civil case gift, enlig, gift then 1 case samlevnde then 2 end\n",
                 "t.lov:23:78: error: the case 'gift' is already handled in this match\n"
                 "t.lov:23:65: note: it is handled here\n"
                 "t.lov:23:95: error: unknown case of Civilstand 'samlevnde'; did you mean "
                 "'samlevende'?\n");
    assert_check(CONTEXT "definition x: integer " CITE
                         " = match civil case enlig, gift, samlevende then 1 else 2 end\n",
                 "t.lov:23:96: warning: this 'else' is never used: every case of Civilstand is "
                 "handled above [unreachable-else]\n");
    assert_check(CONTEXT "definition x: integer " CITE " = match n case enlig then 1 end\n",
                 "t.lov:23:54: error: 'match' chooses by the case of an enum, but this is "
                 "integer\n");
}
END_TEST

START_TEST(test_typecheck_rounding)
{
    capture c;
    capture_init(&c);
    module *m = front_check(CONTEXT "definition x: money " CITE " = beløb * sats\n", &c);
    ck_assert_str_eq(capture_text(&c),
                     "t.lov:23:46: error: this amount can have fractions of an øre: say how to round "
                     "it, for example '(...) rounded half up'\n"
                     "   23 | definition x: money according to lov \"§ 1\" = beløb * sats\n"
                     "      |                                              ^~~~~~~~~~~~\n");
    front_free(m);
    capture_free(&c);

    assert_check(CONTEXT "definition x: money " CITE " = 25 % * beløb + beløb\n",
                 "t.lov:23:46: error: this amount can have fractions of an øre: say how to round "
                 "it, for example '(...) rounded half up'\n");
    assert_check(CONTEXT "definition x: money " CITE " = beløb / 2\n",
                 "t.lov:23:46: error: a division may not come out even: say how to round it, for "
                 "example '(...) rounded half up'\n");
    assert_check(CONTEXT "definition x: decimal " CITE " = sats / 3\n",
                 "t.lov:23:48: error: a division may not come out even: say how to round it, for "
                 "example '(...) rounded half up' or '(...) rounded half up to 2 decimals'\n");
    /* A division is rounded at once, not after more arithmetic. */
    assert_check(CONTEXT "definition x: money " CITE " = (beløb / 3 + beløb) rounded down\n",
                 "t.lov:23:47: error: a division may not come out even: say how to round it, for "
                 "example '(...) rounded half up'\n");
    assert_check(CONTEXT "definition x: boolean " CITE " = beløb * 0.5 > 100 kr\n",
                 "t.lov:23:48: error: this amount can have fractions of an øre: say how to round "
                 "it, for example '(...) rounded half up'\n");
    assert_check(CONTEXT "definition x: money " CITE " = beløb rounded up to 2 decimals\n",
                 "t.lov:23:46: error: an amount is rounded to øre (the default) or 'to kr', not to "
                 "a number of decimals\n");
    assert_check(CONTEXT "definition x: integer " CITE " = n rounded down\n",
                 "t.lov:23:48: warning: this is a whole number already; rounding it changes "
                 "nothing [needless-rounding]\n");
}
END_TEST

START_TEST(test_typecheck_month_end_rule)
{
    capture c;
    capture_init(&c);
    module *m = front_check(CONTEXT_NO_MONTH_RULE "definition x: date " CITE " = dag + 1 month\n"
                            "definition y: date " CITE " = dag + 1 year\n",
                            &c);
    /* Reported once per module. */
    ck_assert_str_eq(capture_text(&c),
                     "t.lov:5:45: error: adding months to a date needs a month end rule: what is 31 "
                     "January + 1 month? Add 'month end rule clamp' (the last day of February) or "
                     "'month end rule overflow' (2 or 3 March) to the module header\n"
                     "    5 | definition x: date according to lov \"§ 1\" = dag + 1 month\n"
                     "      |                                             ^~~~~~~~~~~~~\n");
    front_free(m);
    capture_free(&c);

    assert_check(CONTEXT_NO_MONTH_RULE "definition x: boolean " CITE
                                       " = dag within 12 months before 2020-04-01\n",
                 "t.lov:5:48: error: adding months to a date needs a month end rule: what is 31 "
                 "January + 1 month? Add 'month end rule clamp' (the last day of February) or "
                 "'month end rule overflow' (2 or 3 March) to the module header\n");
    /* Days and weeks need no rule. */
    assert_check(CONTEXT_NO_MONTH_RULE "definition x: date " CITE " = dag + 2 weeks - 1 day\n", "");
}
END_TEST

START_TEST(test_typecheck_optional_errors)
{
    assert_check(CONTEXT "definition x: boolean " CITE " = slut < dag\n",
                 "t.lov:23:48: error: this value may be absent (it is optional date): test it "
                 "first with '... is present', or give a value for when it is absent with '... "
                 "otherwise ...'\n");
    assert_check(CONTEXT "definition x: date " CITE " = slut + 1 day\n",
                 "t.lov:23:45: error: this value may be absent (it is optional date): test it "
                 "first with '... is present', or give a value for when it is absent with '... "
                 "otherwise ...'\n");
    /* 'or' proves nothing about its left side being present. */
    assert_check(CONTEXT "definition x: boolean " CITE " = slut is present or slut < dag\n",
                 "t.lov:23:67: error: this value may be absent (it is optional date): test it "
                 "first with '... is present', or give a value for when it is absent with '... "
                 "otherwise ...'\n");
    /* The test holds only inside the 'if'. */
    assert_check(CONTEXT "definition x: date " CITE " = (if slut is present then slut else dag) "
                         "+ (slut - dag)\n",
                 "t.lov:23:88: error: this value may be absent (it is optional date): test it "
                 "first with '... is present', or give a value for when it is absent with '... "
                 "otherwise ...'\n");
    assert_check(CONTEXT "definition x: date " CITE " = slut\n",
                 "t.lov:23:45: error: this value may be absent (it is optional date): test it "
                 "first with '... is present', or give a value for when it is absent with '... "
                 "otherwise ...'\n");
    assert_check(CONTEXT "definition x: boolean " CITE " = dag is present\n",
                 "t.lov:23:48: error: this is always present (it is date, not optional); 'is "
                 "present' makes sense only for optional values\n");
    assert_check(CONTEXT "definition x: date " CITE " = dag otherwise slut\n",
                 "t.lov:23:45: error: this is always present (it is date, not optional); "
                 "'otherwise' gives a value for when an optional value is absent\n");
    assert_check(CONTEXT "definition x: integer " CITE " = minimum of m.timer for m in liste\n",
                 "t.lov:23:48: error: this value may be absent (it is optional integer): test it "
                 "first with '... is present', or give a value for when it is absent with '... "
                 "otherwise ...'\n");
}
END_TEST

START_TEST(test_typecheck_presence_after_narrowing)
{
    /* Testing an optional again where it is already known to be present is
     * redundant, not wrong, and 'slut' is optional. (Fails today: "this is
     * always present (it is date, not optional)"; check_presence clears the
     * name's 'narrowed' flag before it looks at it.) */
    assert_check(CONTEXT "definition x: boolean " CITE " = slut is present and slut is present\n",
                 "");
}
END_TEST

START_TEST(test_typecheck_duration_units)
{
    assert_check(CONTEXT "definition x: boolean " CITE " = 14 days < 1 month\n",
                 "t.lov:23:56: error: durations in days and in months cannot be compared: a month "
                 "has no fixed number of days\n");
    assert_check(CONTEXT "definition x: boolean " CITE " = dag - 2020-01-01 = 12 months\n",
                 "t.lov:23:65: error: durations in days and in months cannot be compared: a month "
                 "has no fixed number of days\n");
    assert_check(CONTEXT "definition x: duration " CITE " = max(2 weeks, 1 year)\n",
                 "t.lov:23:49: error: durations in days and in months cannot be compared: a month "
                 "has no fixed number of days\n");
    /* A declared duration may be either. */
    assert_check(CONTEXT "definition x: boolean " CITE " = frist > 1 month and frist < 30 days\n",
                 "");
}
END_TEST

START_TEST(test_typecheck_ambiguous_case)
{
    const char *ctx = FRONT_HEADER
        "enum Civilstand\n  case enlig\n  case gift\n"
        "enum Status\n  case enlig\n  case andet\n"
        "input civil: Civilstand\n"
        "input status: Status\n";
    strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%sdefinition x: boolean %s = enlig = enlig\n", ctx, CITE);
    assert_check(sb.data, "t.lov:11:56: error: 'enlig' is a case of both Civilstand and Status: "
                          "write Civilstand.enlig or Status.enlig\n");
    sb_free(&sb);

    /* The other side, or the declared type, tells which one is meant. */
    sb_init(&sb);
    sb_printf(&sb,
              "%sdefinition a: boolean %s = civil = enlig and enlig != status\n"
              "definition b: Status %s = enlig\n"
              "definition c: Civilstand %s = if civil = gift then enlig else civil\n"
              "definition d: boolean %s = Status.enlig = status\n",
              ctx, CITE, CITE, CITE, CITE);
    capture c;
    capture_init(&c);
    module *m = front_check(sb.data, &c);
    ck_assert_str_eq(capture_text(&c), "");
    expr *b = front_value(m, "b");
    ck_assert_ptr_eq(((enum_case *)b->u.name.target)->owner, front_decl(m, "Status"));
    expr *a = front_value(m, "a");
    expr *lhs_case = a->u.binary.lhs->u.binary.rhs;
    ck_assert_ptr_eq(((enum_case *)lhs_case->u.name.target)->owner, front_decl(m, "Civilstand"));
    expr *rhs_case = a->u.binary.rhs->u.binary.lhs;
    ck_assert_ptr_eq(((enum_case *)rhs_case->u.name.target)->owner, front_decl(m, "Status"));
    front_free(m);
    capture_free(&c);
    sb_free(&sb);

    sb_init(&sb);
    sb_printf(&sb, "%sdefinition x: boolean %s = Status.enlig = Civilstand.enlig\n", ctx, CITE);
    assert_check(sb.data, "t.lov:11:61: error: cannot compare Status and Civilstand\n");
    sb_free(&sb);
}
END_TEST

START_TEST(test_typecheck_header)
{
    assert_check("module t\n"
                 "  source lov \"Lov\"\n"
                 "  in force from 2021-01-01 until 2020-12-31\n"
                 "parameter p: integer " CITE "\n"
                 "  from 2020-01-01: 1\n",
                 "t.lov:3:3: error: the period in force ends before it starts\n"
                 "t.lov:3:3: error: a module with a period in force must name the date it decides "
                 "for: add 'reference date NAME' to the header, with NAME a date input\n"
                 "t.lov:4:11: error: the dated parameter 'p' needs the date it is read for: add "
                 "'reference date NAME' to the module header, with NAME a date input\n");
    assert_check("module t\n"
                 "  source lov \"Lov\"\n"
                 "  reference date n\n"
                 "input n: integer\n",
                 "t.lov:3:18: error: the reference date 'n' must be a date, but it is integer\n");
    assert_check("module t\n"
                 "  reference date d\n",
                 "t.lov:2:18: error: the reference date 'd' is not an input of the module: declare "
                 "it with 'input d: date'\n");
    assert_check("module t\n"
                 "  source lov \"Lov\"\n"
                 "  reference date d\n"
                 "input d: date\n"
                 "parameter p: integer " CITE "\n"
                 "  from 2020-01-01: 1\n"
                 "  from 2019-01-01 until 2018-12-31: 2\n"
                 "parameter q: integer " CITE " = 1 + 1\n",
                 "t.lov:7:3: error: this period ends before it starts\n"
                 "t.lov:7:3: error: the values of a parameter are listed in date order: this one "
                 "starts no later than the one before it\n"
                 "t.lov:8:47: error: a parameter's value is written out (for example 1 054 kr), "
                 "not computed; use a definition for a computed value\n");
}
END_TEST

/* ---- Modules that use each other ------------------------------------------------------- */

static const char fvl_text[] =
    "module fvl\n"
    "  source fvl \"Forvaltningsloven\"\n"
    "enum Partshøring\n"
    "  case gennemført\n"
    "  case undladt\n"
    "input intern: integer\n"
    "definition frist_udløbet(sendt: date, dage: integer): boolean\n"
    "  according to fvl \"§ 19\"\n"
    "  = sendt + dage days < 2020-01-01\n";

/* 'text' with every 'dir' replaced by "DIR"; free it. */
static char *with_dir(const char *text, const char *dir)
{
    strbuf sb;
    sb_init(&sb);
    sb_puts(&sb, "");
    size_t n = strlen(dir);
    while (*text) {
        if (strncmp(text, dir, n) == 0) {
            sb_puts(&sb, "DIR");
            text += n;
        } else
            sb_putc(&sb, *text++);
    }
    return sb.data;
}

/* Loads and checks 'main' (with fvl.lov beside it); asserts the message
 * lines, with the folder's path replaced by "DIR". */
static void assert_program(const char *main_text, const char *want)
{
    tmpdir t;
    tmpdir_make(&t);
    tmpdir_write(&t, "fvl.lov", fvl_text);
    const char *path = tmpdir_write(&t, "main.lov", main_text);
    capture c;
    capture_init(&c);
    program *p = program_load(path, &c.diag);
    ck_assert_ptr_nonnull(p);
    program_check(p);
    char *msgs = with_dir(capture_messages(&c), t.path);
    ck_assert_str_eq(msgs, want);
    free(msgs);
    program_free(p);
    capture_free(&c);
    tmpdir_remove(&t);
}

START_TEST(test_program_use)
{
    tmpdir t;
    tmpdir_make(&t);
    tmpdir_write(&t, "fvl.lov", fvl_text);
    const char *path = tmpdir_write(&t, "main.lov",
                                    "module hoved\n"
                                    "  source lov \"Lov\"\n"
                                    "use fvl from \"fvl.lov\"\n"
                                    "input h: fvl.Partshøring\n"
                                    "input d: date\n"
                                    "definition a: boolean " CITE " = fvl.frist_udløbet(d, 14)\n"
                                    "definition b: boolean " CITE " = h = fvl.Partshøring.undladt\n");
    capture c;
    capture_init(&c);
    program *p = program_load(path, &c.diag);
    ck_assert_ptr_nonnull(p);
    ck_assert(program_check(p));
    ck_assert_str_eq(capture_text(&c), "");
    ck_assert_uint_eq(p->modules.len, 2);
    module *fvl = p->modules.items[0], *main = p->modules.items[1];
    ck_assert_ptr_eq(p->root, main);
    ck_assert_str_eq(fvl->name.name, "fvl");
    ck_assert_ptr_eq(((use_decl *)NL_AT(main->uses, 0))->target, fvl);
    decl *h = front_decl(main, "h");
    ck_assert_ptr_eq(h->u.input.type_expr->resolved, front_decl(fvl, "Partshøring"));
    expr *b = front_value(main, "b");
    enum_case *undladt = b->u.binary.rhs->u.name.target;
    ck_assert_str_eq(undladt->name.name, "undladt");
    ck_assert_ptr_eq(undladt->owner, front_decl(fvl, "Partshøring"));
    ck_assert_str_eq(type_text(&main->arena, front_value(main, "a")->type), "boolean");
    program_free(p);
    capture_free(&c);
    tmpdir_remove(&t);
}
END_TEST

START_TEST(test_program_use_errors)
{
    assert_program("module hoved\n"
                   "  source lov \"Lov\"\n"
                   "use fvl from \"fvl.lov\"\n"
                   "definition e: integer " CITE " = fvl.intern\n"
                   "definition f: boolean " CITE " = fvl.frist_udlobet(2020-01-01, 14)\n"
                   "input k: fvl.Partshoring\n"
                   "definition g: boolean " CITE " = fvl.frist_udløbet(2020-01-01)\n",
                   "DIR/main.lov:4:52: error: 'intern' is an input of module 'fvl'; from another "
                   "module only its enums, records and definitions with parameters can be used\n"
                   "DIR/main.lov:5:52: error: module 'fvl' has no 'frist_udlobet'; did you mean "
                   "'frist_udløbet'?\n"
                   "DIR/main.lov:6:14: error: module 'fvl' has no type 'Partshoring'; did you "
                   "mean 'Partshøring'?\n"
                   "DIR/main.lov:7:48: error: 'frist_udløbet' takes 2 values, but 1 is given\n");
    assert_program("module hoved\n"
                   "use forvaltning from \"fvl.lov\"\n"
                   "use x from \"mangler.lov\"\n",
                   "DIR/main.lov:2:5: error: the file \"fvl.lov\" holds the module 'fvl', not "
                   "'forvaltning'; write: use fvl from \"fvl.lov\"\n"
                   "DIR/main.lov:3:1: error: cannot use \"mangler.lov\": cannot open the file: No "
                   "such file or directory\n");
}
END_TEST

START_TEST(test_program_use_cycle)
{
    tmpdir t;
    tmpdir_make(&t);
    tmpdir_write(&t, "b.lov", "module b\nuse a from \"a.lov\"\n");
    const char *a = tmpdir_write(&t, "a.lov", "module a\nuse b from \"b.lov\"\n");
    capture c;
    capture_init(&c);
    program *p = program_load(a, &c.diag);
    ck_assert_ptr_nonnull(p);
    program_check(p);
    char *msgs = with_dir(capture_messages(&c), t.path);
    ck_assert_str_eq(msgs, "DIR/b.lov:2:1: error: modules use each other in a circle: 'a' is "
                           "already being read here; a module cannot use itself, directly or "
                           "through others\n");
    free(msgs);
    ck_assert_int_eq(c.diag.errors, 1);
    program_free(p);
    capture_free(&c);
    tmpdir_remove(&t);

    /* A file that cannot be read at all. */
    capture_init(&c);
    ck_assert_ptr_null(program_load("/nonexistent/lovc/x.lov", &c.diag));
    ck_assert_str_eq(capture_text(&c), "/nonexistent/lovc/x.lov: error: cannot open the file: No "
                                       "such file or directory\n");
    capture_free(&c);
}
END_TEST

/* A pipe (FIFO) named as rules, by 'use' or on the command line, is refused
 * at once: opened to read, it would wait for ever for someone to write. The
 * test's time limit (Check's, a few seconds) fails a hang. */
START_TEST(test_program_use_fifo)
{
    tmpdir t;
    tmpdir_make(&t);
    const char *fifo = tmpdir_write(&t, "rør.lov", "");
    ck_assert_int_eq(unlink(fifo), 0);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    const char *path = tmpdir_write(&t, "main.lov", "module hoved\nuse rør from \"rør.lov\"\n");
    capture c;
    capture_init(&c);
    program *p = program_load(path, &c.diag);
    ck_assert_ptr_nonnull(p);
    char *msgs = with_dir(capture_messages(&c), t.path);
    ck_assert_str_eq(msgs, "DIR/main.lov:2:1: error: cannot use \"rør.lov\": this is not an ordinary "
                           "file (it is a pipe, a socket or a device); lovc reads only ordinary files\n");
    free(msgs);
    program_free(p);
    capture_free(&c);

    capture_init(&c);
    ck_assert_ptr_null(program_load(fifo, &c.diag));
    msgs = with_dir(capture_messages(&c), t.path);
    ck_assert_str_eq(msgs, "DIR/rør.lov: error: this is not an ordinary file (it is a pipe, a socket or a "
                           "device); lovc reads only ordinary files\n");
    free(msgs);
    capture_free(&c);

    char why[256];
    ck_assert_ptr_null(src_read(fifo, why, sizeof why));
    tmpdir_remove(&t);
}
END_TEST

Suite *suite_typecheck(void)
{
    Suite *s = suite_create("typecheck");
    TCase *tc = tcase_create("types");
    tcase_add_test(tc, test_typecheck_arithmetic_types);
    tcase_add_test(tc, test_typecheck_date_types);
    tcase_add_test(tc, test_typecheck_aggregate_types);
    tcase_add_test(tc, test_typecheck_optional_narrowing);
    tcase_add_test(tc, test_typecheck_parameter_at);
    suite_add_tcase(s, tc);

    tc = tcase_create("names");
    tcase_add_test(tc, test_resolve_unknown_name);
    tcase_add_test(tc, test_resolve_duplicates);
    tcase_add_test(tc, test_resolve_cycle);
    tcase_add_test(tc, test_resolve_external_calls);
    tcase_add_test(tc, test_resolve_exception_labels);
    tcase_add_test(tc, test_resolve_exception_label_not_itself);
    tcase_add_test(tc, test_resolve_missing_citation);
    tcase_add_test(tc, test_resolve_outcomes);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_test(tc, test_typecheck_mismatch);
    tcase_add_test(tc, test_typecheck_functions);
    tcase_add_test(tc, test_typecheck_match_coverage);
    tcase_add_test(tc, test_typecheck_rounding);
    tcase_add_test(tc, test_typecheck_month_end_rule);
    tcase_add_test(tc, test_typecheck_optional_errors);
    tcase_add_test(tc, test_typecheck_presence_after_narrowing);
    tcase_add_test(tc, test_typecheck_duration_units);
    tcase_add_test(tc, test_typecheck_ambiguous_case);
    tcase_add_test(tc, test_typecheck_same_conditions);
    tcase_add_test(tc, test_typecheck_header);
    suite_add_tcase(s, tc);

    tc = tcase_create("modules");
    tcase_add_test(tc, test_program_use);
    tcase_add_test(tc, test_program_use_errors);
    tcase_add_test(tc, test_program_use_cycle);
    tcase_add_test(tc, test_program_use_fifo);
    suite_add_tcase(s, tc);
    return s;
}

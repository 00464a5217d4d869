/* SPDX-License-Identifier: Apache-2.0 */
/* Small helpers for the end-to-end tests: exact checks that say what was
 * expected, what came out and where, and a case runner.
 *
 * A test file defines one function per case; its main(argc, argv) calls
 * e2e_init(argc, argv), then RUN(case) for each, then returns
 * e2e_summary("name"). Everything is static: each test program includes
 * this header once. */
#ifndef E2E_CHECK_H
#define E2E_CHECK_H

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lov.h"

static int e2e_checks;           /* checks made */
static int e2e_failed;           /* checks that failed */
static int e2e_cases;            /* cases run */
static int e2e_cases_failed;     /* cases with at least one failed check */
static const char *e2e_case = "";/* the case being run */

static inline void e2e_fail_head(const char *file, int line)
{
    e2e_failed++;
    fprintf(stderr, "%s:%d: %s: ", file, line, e2e_case);
}

/* A day as year, month, day; the tests only write dates that exist. */
static inline lov_date D(int y, int m, int d)
{
    lov_date r = 0;
    if (!lov_date_from_ymd(y, m, d, &r)) {
        fprintf(stderr, "test error: %04d-%02d-%02d is not a date\n", y, m, d);
        abort();
    }
    return r;
}

static inline void e2e_date_text(lov_date d, char buf[40])
{
    int32_t y = 0;
    int m = 0, dd = 0;
    lov_date_to_ymd(d, &y, &m, &dd);
    snprintf(buf, 40, "%04d-%02d-%02d", (int)y, m, dd);
}

#define CHECK(cond)                                                               \
    do {                                                                          \
        e2e_checks++;                                                             \
        if (!(cond)) {                                                            \
            e2e_fail_head(__FILE__, __LINE__);                                    \
            fprintf(stderr, "expected %s\n", #cond);                              \
        }                                                                         \
    } while (0)

#define CHECK_INT(actual, expected)                                               \
    do {                                                                          \
        int64_t a_ = (int64_t)(actual), e_ = (int64_t)(expected);                 \
        e2e_checks++;                                                             \
        if (a_ != e_) {                                                           \
            e2e_fail_head(__FILE__, __LINE__);                                    \
            fprintf(stderr, "%s: expected %" PRId64 ", got %" PRId64 "\n",        \
                    #actual, e_, a_);                                             \
        }                                                                         \
    } while (0)

#define CHECK_BOOL(actual, expected)                                              \
    do {                                                                          \
        bool a_ = (actual), e_ = (expected);                                      \
        e2e_checks++;                                                             \
        if (a_ != e_) {                                                           \
            e2e_fail_head(__FILE__, __LINE__);                                    \
            fprintf(stderr, "%s: expected %s, got %s\n", #actual,                 \
                    e_ ? "yes" : "no", a_ ? "yes" : "no");                        \
        }                                                                         \
    } while (0)

/* Money in øre: 1 054 kr is 105400. */
#define CHECK_MONEY(actual, expected_ore) CHECK_INT(actual, expected_ore)

#define CHECK_STATUS(actual, expected)                                            \
    do {                                                                          \
        lov_status a_ = (actual), e_ = (expected);                                \
        e2e_checks++;                                                             \
        if (a_ != e_) {                                                           \
            e2e_fail_head(__FILE__, __LINE__);                                    \
            fprintf(stderr, "%s: expected %s, got %s\n", #actual,                 \
                    lov_status_name(e_), lov_status_name(a_));                    \
        }                                                                         \
    } while (0)

#define CHECK_DATE(actual, expected)                                              \
    do {                                                                          \
        lov_date a_ = (actual), e_ = (expected);                                  \
        e2e_checks++;                                                             \
        if (a_ != e_) {                                                           \
            char ab_[40], eb_[40];                                                \
            e2e_date_text(a_, ab_);                                               \
            e2e_date_text(e_, eb_);                                               \
            e2e_fail_head(__FILE__, __LINE__);                                    \
            fprintf(stderr, "%s: expected %s, got %s\n", #actual, eb_, ab_);      \
        }                                                                         \
    } while (0)

/* An optional date that must be there, with this value. */
#define CHECK_OPT_DATE(actual, expected)                                          \
    do {                                                                          \
        lov_opt_date o_ = (actual);                                               \
        CHECK_BOOL(o_.present, true);                                             \
        if (o_.present)                                                           \
            CHECK_DATE(o_.value, expected);                                       \
    } while (0)

/* A decimal equal in value to coef / 10^scale (1.5 and 1.50 are equal). */
#define CHECK_DEC(actual, coef_, scale_)                                          \
    do {                                                                          \
        lov_decimal a_ = (actual), e_ = { (coef_), (scale_) };                    \
        e2e_checks++;                                                             \
        if (lov_dec_cmp(a_, e_) != 0) {                                           \
            e2e_fail_head(__FILE__, __LINE__);                                    \
            fprintf(stderr, "%s: expected %" PRId64 "e-%d, got %" PRId64 "e-%d\n",\
                    #actual, (int64_t)e_.coef, (int)e_.scale,                     \
                    (int64_t)a_.coef, (int)a_.scale);                             \
        }                                                                         \
    } while (0)

#define CHECK_STR(actual, expected)                                               \
    do {                                                                          \
        const char *a_ = (actual), *e_ = (expected);                              \
        e2e_checks++;                                                             \
        if (a_ == NULL || strcmp(a_, e_) != 0) {                                  \
            e2e_fail_head(__FILE__, __LINE__);                                    \
            fprintf(stderr, "%s: expected \"%s\", got \"%s\"\n", #actual, e_,     \
                    a_ ? a_ : "(null)");                                          \
        }                                                                         \
    } while (0)

/* The "why" of an evaluation that did not end in ok: reason, input index
 * (or -1) and the missing-inputs mask (one word is enough for the examples). */
#define CHECK_WHY(out, reason_, input_, missing_)                                 \
    do {                                                                          \
        CHECK_INT((out).info.reason, (reason_));                                  \
        CHECK_INT((out).info.input, (input_));                                    \
        CHECK_INT((int64_t)(out).missing[0], (int64_t)(missing_));                \
    } while (0)

/* Bit i of the missing mask: input i. */
#define BIT(i) (UINT64_C(1) << (i))

/* One expected step of a trace: the provision by name, then the exception's
 * label, or for a prerequisite ('requires') its citation, or NULL for
 * neither; and the event. */
typedef struct e2e_step {
    const char *name;
    const char *label;
    lov_trace_event event;
} e2e_step;

static inline const char *e2e_event_name(unsigned ev)
{
    static const char *const names[] = { "value", "applies", "does not apply",
                                         "met", "not met", "failed" };
    return ev < sizeof names / sizeof names[0] ? names[ev] : "?";
}

/* Checks that the trace holds exactly these steps, in this order, naming
 * the provisions through the module's descriptor. On a difference, prints
 * the whole trace. */
static inline void e2e_check_trace(const char *file, int line, const lov_module_desc *desc,
                            const lov_trace *t, const e2e_step *want, size_t n)
{
    bool same = t->count == n && t->dropped == 0;
    for (size_t i = 0; same && i < n; i++) {
        const lov_trace_entry *e = &t->entries[i];
        if (e->provision >= desc->nprovisions) {
            same = false;
            break;
        }
        const lov_provision_desc *p = &desc->provisions[e->provision];
        const char *label = p->kind == LOV_PROV_REQUIREMENT ? p->citation : p->label;
        bool label_same = want[i].label == NULL ? label == NULL
                        : label != NULL && strcmp(label, want[i].label) == 0;
        same = strcmp(p->name, want[i].name) == 0 && label_same && e->event == want[i].event;
    }
    e2e_checks++;
    if (same)
        return;
    e2e_fail_head(file, line);
    fprintf(stderr, "trace differs (%zu steps, %zu dropped; %zu expected)\n", t->count,
            t->dropped, n);
    size_t rows = t->count > n ? t->count : n;
    for (size_t i = 0; i < rows; i++) {
        fprintf(stderr, "    %2zu  want: ", i);
        if (i < n)
            fprintf(stderr, "%s%s%s %s", want[i].name, want[i].label ? "." : "",
                    want[i].label ? want[i].label : "", e2e_event_name(want[i].event));
        fprintf(stderr, "\n        got:  ");
        if (i < t->count && t->entries[i].provision < desc->nprovisions) {
            const lov_provision_desc *p = &desc->provisions[t->entries[i].provision];
            const char *label = p->kind == LOV_PROV_REQUIREMENT ? p->citation : p->label;
            fprintf(stderr, "%s%s%s %s", p->name, label ? "." : "", label ? label : "",
                    e2e_event_name(t->entries[i].event));
        }
        fprintf(stderr, "\n");
    }
}

#define CHECK_TRACE(desc, trace, steps)                                           \
    e2e_check_trace(__FILE__, __LINE__, (desc), (trace), (steps),                 \
                    sizeof(steps) / sizeof((steps)[0]))

/* Which cases to run. With a case name as the program's argument, only that
 * case; otherwise every case except those named in the environment variable
 * E2E_SKIP (space-separated): the run script lists there the cases of
 * tests/e2e/known-bugs, and runs each of them on its own, where a crash or a
 * sanitizer report cannot stop the other cases. */
static const char *e2e_only;     /* the one case to run, or NULL */

static inline void e2e_init(int argc, char **argv)
{
    e2e_only = argc > 1 ? argv[1] : NULL;
}

static inline bool e2e_selected(const char *name)
{
    if (e2e_only != NULL)
        return strcmp(name, e2e_only) == 0;
    const char *skip = getenv("E2E_SKIP");
    size_t n = strlen(name);
    for (const char *p = skip ? strstr(skip, name) : NULL; p != NULL; p = strstr(p + 1, name))
        if ((p == skip || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' ')) {
            printf("%s: not run here (tests/e2e/known-bugs)\n", name);
            return false;
        }
    return true;
}

#define RUN(fn)                                                                   \
    do {                                                                          \
        if (!e2e_selected(#fn))                                                   \
            break;                                                                \
        int before_ = e2e_failed;                                                 \
        e2e_case = #fn;                                                           \
        fn();                                                                     \
        e2e_cases++;                                                              \
        if (e2e_failed != before_)                                                \
            e2e_cases_failed++;                                                   \
    } while (0)

/* Prints "NAME: N cases (N failed), N checks, N failed" and gives the exit
 * status: 0 when every check passed, 1 when one failed, 2 when the case
 * asked for on the command line does not exist. */
static inline int e2e_summary(const char *name)
{
    if (e2e_only != NULL && e2e_cases == 0) {
        fprintf(stderr, "%s: no case '%s'\n", name, e2e_only);
        return 2;
    }
    printf("%s: %d cases (%d failed), %d checks, %d failed\n", name, e2e_cases,
           e2e_cases_failed, e2e_checks, e2e_failed);
    return e2e_failed == 0 ? 0 : 1;
}

#endif

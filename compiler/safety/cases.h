/* The example cases of the findings, written as scenarios of a suite
 * ('lovc check --emit-scenario FILE.scn'), so that 'lovc test' runs each
 * case on the compiled rules. */
#ifndef LOVC_SAFETY_CASES_H
#define LOVC_SAFETY_CASES_H

#include "front/ast.h"
#include "support/diag.h"
#include "support/util.h"

/* Appends one scenario to 'out' (nothing when out is NULL): named after
 * the finding and the rule, with the example's facts and the expectation
 * (e.g. "nedsættelse = 0 kr", "sats is conflict"). Lines of the example
 * that are no facts ("and 'f' used with ...") become comments. */
void cases_add(strbuf *out, const char *finding, const decl *d, const char *facts, const char *expect,
               const char *comment);

/* The note after a finding: "for example, with these facts:" and the
 * example (its trailing newlines dropped), then 'also' (the other case of
 * a comparison) when it is not NULL. */
void cases_note_example(diag_ctx *diag, strbuf *example, const strbuf *also);

/* The outcome's value when it does not harm, as a tester writes it: its
 * default ("0 kr", "no"), or NULL when the default is not a plain value. */
const char *cases_harmless_value(const decl *outcome, char *buf, size_t cap);

#endif

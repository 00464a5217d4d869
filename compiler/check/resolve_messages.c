/* SPDX-License-Identifier: Apache-2.0 */
/* Messages that several steps of the name resolver give: "did you mean"
 * searches, "unknown X 'name'" (also for the type checker) and "declared
 * twice". */
#include "check/resolve.h"

#include "check/resolve_internal.h"
#include "support/suggest.h"

/* ---- Messages ----------------------------------------------------------- */

/* Starts a "did you mean" search for a message at 'loc'. When that message
 * will not be shown (past the limit of errors), the search does nothing, so
 * that thousands of unknown names do not each go through every name. */
void resolve_start_suggest(diag_ctx *diag, suggester *s, const char *name, src_loc loc)
{
    suggest_init(s, name);
    if (!diag_will_show(diag, loc))
        suggest_off(s);
}

void resolve_suggest_symtab(suggester *s, const symtab *t)
{
    if (s->off)
        return;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].name)
            suggest_consider(s, t->slots[i].name);
}

void resolve_report_unknown(diag_ctx *diag, src_loc loc, const char *what, const char *name,
                            const char *const *candidates, int ncandidates, const char *hint)
{
    suggester s;
    resolve_start_suggest(diag, &s, name, loc);
    for (int i = 0; i < ncandidates && !s.off; i++)
        suggest_consider(&s, candidates[i]);
    const char *best = suggest_result(&s);
    if (best)
        diag_error(diag, loc, "unknown %s '%s'; did you mean '%s'?", what, name, best);
    else
        diag_error(diag, loc, "unknown %s '%s'%s%s", what, name, hint ? ": " : "", hint ? hint : "");
}

int resolve_line_of(src_loc loc)
{
    int line, col;
    src_line_col((src_file *)loc.file, loc.start, &line, &col);
    return line;
}

/* 'what' names the thing ("the field"), 'done' what was done twice
 * ("declared", "used"). */
void report_duplicate(resolver *r, const char *what, const char *done, ident name,
                      src_loc first)
{
    diag_error(r->diag, name.loc, "%s '%s' is %s twice", what, name.name, done);
    diag_note(r->diag, first, "the first '%s' is here, on line %d", name.name,
              resolve_line_of(first));
}

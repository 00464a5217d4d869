/* SPDX-License-Identifier: Apache-2.0 */
/* The question of the safety check adverse-amount-below-zero: can an
 * adverse outcome that is an amount come out below zero, with a status of
 * ok, for facts within their bounds? */
#include "prove/smt_internal.h"

smt_answer smt_amount_can_be_negative(smt *s, decl *outcome, strbuf *example)
{
    s->incomplete = false;
    s->incomplete_why = NULL;
    sv v = smt_encode_definition(s, outcome);
    Z3_ast below = smt_and(s, v.ok, smt_lt(s, v.v, smt_int(s, 0)));
    if (v.present)
        below = smt_and(s, v.present, below);
    return smt_ask_with(s, below, example, NULL, NULL);
}

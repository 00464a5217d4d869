/* SPDX-License-Identifier: Apache-2.0 */
/* End-to-end cases for tests/e2e/modules/dybe_undtagelser.lov: exceptions
 * nested 20 deep, exception i applying when niveau > i, even levels giving
 * yes and odd ones no. The deepest exception that applies decides; when a
 * level's fact is missing, the result is undetermined unless every level
 * that could apply would give the same value. */
#include <string.h>

#include "check.h"
#include "dybe_undtagelser.h"

static dybe_undtagelser_output out;

static lov_status eval(int64_t niveau, bool known)
{
    dybe_undtagelser_input in;
    memset(&in, 0, sizeof in);
    in.niveau = niveau;
    in.known.niveau = known;
    return dybe_undtagelser_evaluate(&in, &out, NULL, NULL);
}

/* No level applies: the default, no. */
static void ingen(void)
{
    CHECK_STATUS(eval(0, true), LOV_OK);
    CHECK_BOOL(out.svar, false);
}

/* niveau 1: level 0 applies (yes); niveau 2: level 1 (no); niveau 5: level 4 (yes). */
static void det_dybeste_bestemmer(void)
{
    CHECK_STATUS(eval(1, true), LOV_OK);
    CHECK_BOOL(out.svar, true);
    CHECK_STATUS(eval(2, true), LOV_OK);
    CHECK_BOOL(out.svar, false);
    CHECK_STATUS(eval(5, true), LOV_OK);
    CHECK_BOOL(out.svar, true);
}

/* niveau 20 and more: every level applies, the deepest (19) gives no. */
static void alle_niveauer(void)
{
    CHECK_STATUS(eval(20, true), LOV_OK);
    CHECK_BOOL(out.svar, false);
    CHECK_STATUS(eval(1000, true), LOV_OK);
    CHECK_BOOL(out.svar, false);
}

/* The fact missing: the levels give different values, so undetermined. */
static void ukendt(void)
{
    CHECK_STATUS(eval(0, false), LOV_UNDETERMINED);
    CHECK_INT(out.missing[0], BIT(0));
}

int main(int argc, char **argv)
{
    e2e_init(argc, argv);
    RUN(ingen);
    RUN(det_dybeste_bestemmer);
    RUN(alle_niveauer);
    RUN(ukendt);
    return e2e_summary("dybe_undtagelser_test");
}

/* SPDX-License-Identifier: Apache-2.0 */
/* The reference interpreter (eval/) behind the scenario runner's interface:
 * 'lovc test --engine interpreter' and 'lovc explain --engine interpreter'
 * run a suite with no C compiler at all, and report it with the same code
 * as a compiled run. */
#ifndef LOVC_ENGINE_INTERP_H
#define LOVC_ENGINE_INTERP_H

#include "check/program.h"
#include "suites/scenario_run.h"

/* Attaches the interpreter of program p (checked without errors) to m; m
 * then owns p. */
void interp_attach(scn_module *m, program *p);

/* Closes m (as scn_module_close) and frees the interpreter and its program. */
void interp_close(scn_module *m);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* Suites that lovc writes: how they name the rules they test. */
#ifndef LOVC_SUITE_FILE_H
#define LOVC_SUITE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "support/diag.h"

/* The path of the rules file 'file' as seen from the folder that will hold
 * the suite 'from', for its 'for' line (the path as given when it cannot
 * be worked out). */
void suite_rules_path(const char *from, const char *file, char *buf, size_t cap);

/* Writes a suite to f (opened for 'file') and closes it: the comment lines
 * 'comment' (each ending in a newline), the line 'suite "TITLE" for
 * "RULES"' with the rules at 'rules' as seen from the suite, and the
 * scenarios. False, with the reason reported, when it cannot be written. */
bool suite_file_write(FILE *f, const char *file, const char *rules, const char *comment, const char *title,
                      const char *scenarios, diag_ctx *d);

#endif

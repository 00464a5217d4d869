/* SPDX-License-Identifier: Apache-2.0 */
/* lovc run and lovc diff: whole caseloads (caseload.h), and the output
 * file they share: written under a temporary name, renamed when complete. */
#ifndef LOVC_CMD_RUN_H
#define LOVC_CMD_RUN_H

#include <stdio.h>

#include "commands/caseload.h"

/* Opens PATH.part-XXXXXX (removed if the run is interrupted), or standard
 * output for "-". NULL with why. */
FILE *cl_output_open(const char *path, char *why, size_t whylen);

/* Closes it and, with 'keep', renames it to PATH; else removes it. */
bool cl_output_close(FILE *f, const char *path, bool keep, char *why, size_t whylen);

/* The output's format: from its name, else the input's. */
cl_format cl_output_format(const char *path, cl_format input);

#endif

/* lovc build: the C files of a checked program, and optionally the shared
 * module compiled from them. */
#ifndef LOVC_BUILD_H
#define LOVC_BUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "program.h"

/* Writes DIR/NAME.c and DIR/NAME.h (NAME: the module's C name) and, with
 * 'so', compiles DIR/NAME.so. Reports failures; false if any. */
bool build_module(program *p, const char *dir, bool so, diag_ctx *d);

/* The folder holding lov.h, for compiling generated code: $LOVC_INCLUDE, or
 * found beside the lovc executable (build tree or installed). NULL if none. */
const char *build_include_dir(void);

/* Compiles c_path into a shared module so_path with $CC (default cc).
 * On failure writes the reason (with the compiler's output) to 'why'. */
bool build_shared(const char *c_path, const char *so_path, char *why, size_t whylen);

#endif

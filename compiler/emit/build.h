/* SPDX-License-Identifier: Apache-2.0 */
/* lovc build: the C files of a checked program, and optionally the shared
 * module compiled from them. */
#ifndef LOVC_BUILD_H
#define LOVC_BUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "support/diag.h"
#include "check/program.h"

/* Writes DIR/NAME.c and DIR/NAME.h (NAME: the module's C name) and, with
 * 'so', compiles DIR/NAME.so. Reports failures; false if any. */
bool build_module(program *p, const char *dir, bool so, diag_ctx *d);

/* The folder holding lov.h, for compiling generated code: $LOVC_INCLUDE, or
 * found beside the lovc executable (build tree or installed). NULL if none. */
const char *build_include_dir(void);

/* Compiles c_path into a shared module so_path with $CC (default cc).
 * On failure writes the reason (with the compiler's output) to 'why'. */
bool build_shared(const char *c_path, const char *so_path, char *why, size_t whylen);

/* The same at the optimization level given ("-O0": compiled fast, to run a
 * few cases; build_shared is "-O2"). */
bool build_shared_at(const char *c_path, const char *so_path, const char *level, char *why, size_t whylen);

/* The shared module of a checked program, compiled once and kept in a
 * cache under 'cache_root' (made if missing), keyed by the SHA-256 of the
 * compiler version and the text of every module the program reads: a
 * changed source is compiled again. Writes the .so path into so_path. */
bool build_cached(program *p, const char *cache_root, char *so_path, size_t cap, char *why, size_t whylen);

/* The cache folder: $LOVC_CACHE, else $XDG_CACHE_HOME/lovc, else
 * $HOME/.cache/lovc, else the same in the user's home folder from the
 * password database, else $TMPDIR/lovc-cache-UID (TMPDIR: /tmp).
 * build_cached makes it private (0700) and refuses one that is not the
 * user's own or that others can write to; and it loads no cached module
 * that does not carry the SHA-256 of the rules and this lovc's version. */
const char *build_cache_root(char *buf, size_t cap);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* Loading: a rule file and, recursively, every module it names in 'use',
 * scanned and parsed, each used module before its users.
 *
 * The front end's last step: it reads files and builds their syntax trees,
 * and knows nothing of names, types or what follows them. */
#ifndef LOVC_LOAD_H
#define LOVC_LOAD_H

#include "front/ast.h"
#include "support/diag.h"
#include "support/util.h"

/* Loads 'path' and the modules it uses; with a 'root' (the real path of
 * --root DIR), every 'use' must name a file whose real path, symbolic links
 * followed, is inside it; 'named_at' (or NULL) is where 'path' was named,
 * for the message when it cannot be read. Appends each module (module*) to
 * 'modules' and its real path (char*, to free) to 'paths', used modules
 * first. Returns the module of 'path', or NULL when that file cannot be
 * read (the reason is reported). The modules may carry syntax errors
 * (reported). */
module *load_modules(const char *path, const char *root, const src_loc *named_at, diag_ctx *diag,
                     ptrvec *modules, ptrvec *paths);

/* The texts an editor holds (lovc lsp): when set, 'text' is asked first for
 * each file to load, by its real path, and returns the editor's text as a
 * new src_file named 'path' (or NULL: read the file on disk). */
typedef src_file *(*load_text_fn)(void *ctx, const char *real, const char *path);
void load_set_editor_texts(load_text_fn text, void *ctx);

/* Is the real path 'real' inside the folder 'root' (a real path)? Always
 * true without a root. */
bool load_inside_root(const char *root, const char *real);

#endif

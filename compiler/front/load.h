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

/* Loads 'path' and the modules it uses; appends each module (module*) to
 * 'modules' and its real path (char*, to free) to 'paths', used modules
 * first. Returns the module of 'path', or NULL when that file cannot be
 * read (the reason is reported). The modules may carry syntax errors
 * (reported). */
module *load_modules(const char *path, diag_ctx *diag, ptrvec *modules, ptrvec *paths);

#endif

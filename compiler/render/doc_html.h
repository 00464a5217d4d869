/* SPDX-License-Identifier: Apache-2.0 */
/* lovc doc: a checked module rendered as a self-contained HTML page that
 * reads like law, for review. */
#ifndef LOVC_DOC_HTML_H
#define LOVC_DOC_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "check/program.h"

/* Writes the page for the program's root module to 'path'. */
bool doc_write_html(program *p, const char *path, char *why, size_t whylen);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* The wire of 'lovc lsp': JSON-RPC messages framed by Content-Length headers
 * (the Language Server Protocol's base protocol), file URIs and positions
 * (lines from 0, columns in UTF-16 code units, as the protocol counts). */
#ifndef LOVC_LSP_RPC_H
#define LOVC_LSP_RPC_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>

#include "support/source.h"

/* The next message, or NULL at the end of the input. A body that is not
 * JSON gives a JSON null (the caller answers with a parse error). */
json_t *lsp_read(FILE *in);

/* Writes one message (and keeps the reference). */
void lsp_write(FILE *out, json_t *msg);

/* file:///a/b%20c.lov <-> /a/b c.lov; NULL when the URI is not a file's. */
char *lsp_uri_to_path(const char *uri);
char *lsp_path_to_uri(const char *path);

/* {line, character} of a byte offset, and a byte offset of one. */
json_t *lsp_position(src_file *f, uint32_t offset);
json_t *lsp_range(src_loc loc);
uint32_t lsp_offset(src_file *f, json_int_t line, json_int_t character);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* lovc lsp: a language server for editors, over standard input and output
 * (JSON-RPC, the Language Server Protocol). An open document is checked as
 * 'lovc check' checks it, safety checks included, on every change, and its
 * messages are sent as diagnostics; hover, go to definition, completion and
 * the outline read the checked program (lsp_index.c). */
#define _XOPEN_SOURCE 700  /* realpath */

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "commands/case_runner.h"
#include "commands/commands.h"
#include "commands/lsp_index.h"
#include "commands/lsp_rpc.h"
#include "check/program.h"
#include "front/load.h"
#include "safety/safety.h"
#include "core/lov_version.h"

/* JSON-RPC's error codes. */
enum { RPC_PARSE_ERROR = -32700, RPC_INVALID_REQUEST = -32600, RPC_METHOD_NOT_FOUND = -32601,
       RPC_INVALID_PARAMS = -32602, RPC_NOT_INITIALIZED = -32002 };

typedef struct document {
    char *uri;
    char *path;              /* the file the URI names */
    char *real;              /* its real path, or NULL while it is not on disk */
    char *text;
    size_t len;
    program *prog;           /* the text as last checked, or NULL */
} document;

typedef struct server {
    FILE *out;
    document *docs;
    size_t ndocs, cap;
    bool initialized, shut_down;
} server;

static document *find_doc(server *s, const char *uri)
{
    for (size_t i = 0; i < s->ndocs; i++)
        if (strcmp(s->docs[i].uri, uri) == 0)
            return &s->docs[i];
    return NULL;
}

/* The loader asks here first: an open document is read as the editor holds it. */
static src_file *editor_text(void *ctx, const char *real, const char *path)
{
    server *s = ctx;
    for (size_t i = 0; i < s->ndocs; i++)
        if (s->docs[i].real && strcmp(s->docs[i].real, real) == 0)
            return src_from_string(path, s->docs[i].text, s->docs[i].len);
    return NULL;
}

/* ---- diagnostics -------------------------------------------------------------------- */

typedef struct collected {
    document *doc;
    json_t *list;
    json_t *last;            /* the last error or warning, which notes add to */
} collected;

static void collect(void *ctx, diag_level level, const char *id, src_loc loc, const char *text)
{
    collected *c = ctx;
    const src_file *root = c->doc->prog ? c->doc->prog->root->file : NULL;
    bool here = loc.file && (loc.file == root || (c->doc->path && strcmp(loc.file->path, c->doc->path) == 0));
    if (level == DIAG_NOTE && c->last) {
        /* A note belongs to the message before it. */
        json_t *msg = json_object_get(c->last, "message");
        strbuf sb;
        sb_init(&sb);
        sb_puts(&sb, json_string_value(msg));
        if (loc.file && !here) {
            int line, col;
            src_line_col((src_file *)loc.file, loc.start, &line, &col);
            sb_printf(&sb, "\nnote: %s:%d:%d: %s", loc.file->path, line, col, text);
        } else {
            sb_printf(&sb, "\nnote: %s", text);
        }
        json_object_set_new(c->last, "message", json_string(sb.data));
        sb_free(&sb);
        return;
    }
    strbuf sb;
    sb_init(&sb);
    if (loc.file && !here) {
        /* In a used module: shown at the top, with its place. */
        int line, col;
        src_line_col((src_file *)loc.file, loc.start, &line, &col);
        sb_printf(&sb, "%s:%d:%d: ", loc.file->path, line, col);
    }
    sb_puts(&sb, text);
    json_t *range = here ? lsp_range(loc)
                         : json_pack("{s:{s:i,s:i},s:{s:i,s:i}}", "start", "line", 0, "character", 0, "end", "line", 0,
                                     "character", 0);
    json_t *d = json_pack("{s:o,s:i,s:s,s:s}", "range", range, "severity", level == DIAG_ERROR ? 1 : 2,
                          "source", "lovc", "message", sb.data);
    sb_free(&sb);
    if (id)
        json_object_set_new(d, "code", json_string(id));
    json_array_append_new(c->list, d);
    c->last = d;
}

/* Checks the document as 'lovc check' would and sends its messages. */
static void check_and_publish(server *s, document *doc)
{
    if (doc->prog)
        program_free(doc->prog);
    doc->prog = NULL;
    collected c = {.doc = doc, .list = json_array()};
    diag_ctx d;
    diag_init(&d, stderr);
    d.sink = collect;
    d.sink_ctx = &c;
    d.max_errors = 200;
    if (!doc->real) {
        char real[PATH_MAX];
        if (realpath(doc->path, real))
            doc->real = xstrdup(real);
    }
    /* The loader reports into 'c', which needs the program to tell the
     * document's own messages: they are matched by path until it exists. */
    program *p = program_load_in(doc->path, NULL, NULL, &d);
    doc->prog = p;
    if (p && program_check(p)) {
        case_runner runner;
        case_runner_init(&runner, p, doc->path);
        case_confirmer confirm = case_runner_confirmer(&runner);
        program_check_safety(p, NULL, &confirm);
        case_runner_free(&runner);
    }
    json_t *note = json_pack("{s:s,s:s,s:{s:s,s:o}}", "jsonrpc", "2.0", "method", "textDocument/publishDiagnostics",
                             "params", "uri", doc->uri, "diagnostics", c.list);
    lsp_write(s->out, note);
    json_decref(note);
}

/* ---- requests ------------------------------------------------------------------------ */

static void reply(server *s, json_t *id, json_t *result)
{
    json_t *msg = json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id, "result", result ? result : json_null());
    lsp_write(s->out, msg);
    json_decref(msg);
}

static void reply_error(server *s, json_t *id, int code, const char *message)
{
    json_t *msg = json_pack("{s:s,s:O,s:{s:i,s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(), "error", "code",
                            code, "message", message);
    lsp_write(s->out, msg);
    json_decref(msg);
}

static json_t *capabilities(void)
{
    return json_pack("{s:{s:{s:b,s:i},s:b,s:b,s:b,s:{s:[s]}},s:{s:s,s:s}}", "capabilities", "textDocumentSync",
                     "openClose", 1, "change", 1, "hoverProvider", 1, "definitionProvider", 1,
                     "documentSymbolProvider", 1, "completionProvider", "triggerCharacters", ".", "serverInfo",
                     "name", "lovc", "version", LOV_VERSION);
}

/* The document and the byte offset a position request names, or NULL. */
static document *at_position(server *s, json_t *params, uint32_t *offset)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    json_t *pos = json_object_get(params, "position");
    document *doc = uri ? find_doc(s, uri) : NULL;
    if (!doc || !doc->prog || !json_is_object(pos))
        return NULL;
    *offset = lsp_offset(doc->prog->root->file, json_integer_value(json_object_get(pos, "line")),
                         json_integer_value(json_object_get(pos, "character")));
    return doc;
}

static json_t *hover(server *s, json_t *params)
{
    uint32_t offset;
    document *doc = at_position(s, params, &offset);
    if (!doc)
        return NULL;
    lsp_target t = lsp_target_at(doc->prog, offset);
    if (t.kind == LT_NONE)
        return NULL;
    char *text = lsp_hover_text(&t);
    json_t *h = json_pack("{s:{s:s,s:s},s:o}", "contents", "kind", "markdown", "value", text ? text : "", "range",
                          lsp_range(t.at));
    free(text);
    return h;
}

static json_t *definition(server *s, json_t *params)
{
    uint32_t offset;
    document *doc = at_position(s, params, &offset);
    if (!doc)
        return NULL;
    lsp_target t = lsp_target_at(doc->prog, offset);
    if (t.kind == LT_NONE || !t.where.file)
        return NULL;
    char real[PATH_MAX];
    const char *path = t.where.file == doc->prog->root->file ? doc->path
                       : realpath(t.where.file->path, real) ? real : t.where.file->path;
    char *uri = lsp_path_to_uri(path);
    json_t *loc = json_pack("{s:s,s:o}", "uri", uri, "range", lsp_range(t.where));
    free(uri);
    return loc;
}

static void open_doc(server *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(td, "uri"));
    const char *text = json_string_value(json_object_get(td, "text"));
    char *path = uri ? lsp_uri_to_path(uri) : NULL;
    if (!path || !text) {
        free(path);
        return;
    }
    document *doc = find_doc(s, uri);
    if (!doc) {
        if (s->ndocs == s->cap) {
            s->cap = s->cap ? 2 * s->cap : 4;
            s->docs = xrealloc(s->docs, s->cap * sizeof *s->docs);
        }
        doc = &s->docs[s->ndocs++];
        memset(doc, 0, sizeof *doc);
        doc->uri = xstrdup(uri);
        doc->path = path;
    } else {
        free(path);
        free(doc->text);
    }
    doc->len = json_string_length(json_object_get(td, "text"));
    doc->text = xmalloc(doc->len + 1);
    memcpy(doc->text, text, doc->len + 1);
    check_and_publish(s, doc);
}

static void change_doc(server *s, json_t *params)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    json_t *changes = json_object_get(params, "contentChanges");
    document *doc = uri ? find_doc(s, uri) : NULL;
    size_t n = json_array_size(changes);
    if (!doc || n == 0)
        return;
    /* Full sync: the last change holds the whole text. */
    json_t *text = json_object_get(json_array_get(changes, n - 1), "text");
    if (!json_is_string(text))
        return;
    free(doc->text);
    doc->len = json_string_length(text);
    doc->text = xmalloc(doc->len + 1);
    memcpy(doc->text, json_string_value(text), doc->len + 1);
    check_and_publish(s, doc);
}

static void close_doc(server *s, json_t *params)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    document *doc = uri ? find_doc(s, uri) : NULL;
    if (!doc)
        return;
    json_t *note = json_pack("{s:s,s:s,s:{s:s,s:[]}}", "jsonrpc", "2.0", "method", "textDocument/publishDiagnostics",
                             "params", "uri", doc->uri, "diagnostics");
    lsp_write(s->out, note);
    json_decref(note);
    if (doc->prog)
        program_free(doc->prog);
    free(doc->uri);
    free(doc->path);
    free(doc->real);
    free(doc->text);
    *doc = s->docs[--s->ndocs];
}

/* One message; false when the server is to stop ('exit'). */
static bool handle(server *s, json_t *msg, int *rc)
{
    if (!json_is_object(msg)) {
        reply_error(s, NULL, json_is_null(msg) ? RPC_PARSE_ERROR : RPC_INVALID_REQUEST,
                    json_is_null(msg) ? "the message is not JSON" : "the message is not a JSON-RPC request");
        return true;
    }
    const char *method = json_string_value(json_object_get(msg, "method"));
    json_t *id = json_object_get(msg, "id");
    json_t *params = json_object_get(msg, "params");
    if (!method) {
        if (id)
            reply_error(s, id, RPC_INVALID_REQUEST, "the request names no method");
        return true;                        /* a response from the editor: nothing asked */
    }
    if (strcmp(method, "exit") == 0) {
        *rc = s->shut_down ? EXIT_OK : EXIT_ERRORS;
        return false;
    }
    if (strcmp(method, "initialize") == 0) {
        s->initialized = true;
        reply(s, id, capabilities());
        return true;
    }
    if (!s->initialized) {
        if (id)
            reply_error(s, id, RPC_NOT_INITIALIZED, "the server has not been initialized");
        return true;
    }
    if (strcmp(method, "shutdown") == 0) {
        s->shut_down = true;
        reply(s, id, NULL);
    } else if (strcmp(method, "textDocument/didOpen") == 0) {
        open_doc(s, params);
    } else if (strcmp(method, "textDocument/didChange") == 0) {
        change_doc(s, params);
    } else if (strcmp(method, "textDocument/didClose") == 0) {
        close_doc(s, params);
    } else if (strcmp(method, "textDocument/hover") == 0) {
        reply(s, id, hover(s, params));
    } else if (strcmp(method, "textDocument/definition") == 0) {
        reply(s, id, definition(s, params));
    } else if (strcmp(method, "textDocument/documentSymbol") == 0) {
        const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
        document *doc = uri ? find_doc(s, uri) : NULL;
        reply(s, id, doc && doc->prog ? lsp_symbols(doc->prog) : json_array());
    } else if (strcmp(method, "textDocument/completion") == 0) {
        uint32_t offset;
        document *doc = at_position(s, params, &offset);
        reply(s, id, doc ? lsp_completion(doc->prog, offset) : json_array());
    } else if (id) {
        reply_error(s, id, RPC_METHOD_NOT_FOUND, "lovc lsp does not answer this request");
    }
    return true;
}

int run_lsp(options *opt)
{
    if (opt->nfiles != 0)
        return usage_error("%s", "lsp takes no files: the editor sends them");
    server s = {.out = stdout};
    load_set_editor_texts(editor_text, &s);
    int rc = EXIT_ERRORS;                   /* the input ended without 'exit' */
    json_t *msg;
    while ((msg = lsp_read(stdin))) {
        bool go_on = handle(&s, msg, &rc);
        json_decref(msg);
        if (!go_on)
            break;
    }
    load_set_editor_texts(NULL, NULL);
    for (size_t i = 0; i < s.ndocs; i++) {
        if (s.docs[i].prog)
            program_free(s.docs[i].prog);
        free(s.docs[i].uri);
        free(s.docs[i].path);
        free(s.docs[i].real);
        free(s.docs[i].text);
    }
    free(s.docs);
    return rc;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Source files and locations.
 *
 * A location is a byte span in one source file. Line and column are worked
 * out only when a diagnostic needs them: columns count characters (UTF-8
 * code points), so a caret lands under the right letter of 'nedsættelse'. */
#ifndef LOVC_SOURCE_H
#define LOVC_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct src_file {
    char *path;              /* as given on the command line or in 'use' */
    char *text;              /* whole file, NUL-terminated */
    size_t len;              /* bytes in text, without the NUL */
    uint32_t *line_starts;   /* byte offset of each line, built on demand */
    size_t nlines;
} src_file;

typedef struct src_loc {
    const src_file *file;
    uint32_t start;          /* first byte of the span */
    uint32_t end;            /* one past the last byte */
} src_loc;

/* Largest source file lovc reads; larger files are refused with an error. */
#define SRC_MAX_BYTES (256u * 1024u * 1024u)

/* Reads a whole ordinary file (a folder, pipe or device is refused, and
 * never waited for). On failure returns NULL and writes a plain-language
 * reason to 'why' (at most whylen bytes). */
src_file *src_read(const char *path, char *why, size_t whylen);

/* Wraps a text in memory (used by unit tests). The text is copied. */
src_file *src_from_string(const char *path, const char *text, size_t len);

/* Does the text start with 'word' (after a byte order mark, blank space
 * and '#' comments)? How a rule file ("module") or a suite ("suite") is
 * told from a file that is neither, whose contents lovc must not show. */
bool src_starts_with_word(const src_file *f, const char *word);

/* Does the file name end in 'ending' (".lov"), with a name before it? */
bool src_name_ends_with(const char *path, const char *ending);

void src_free(src_file *f);

/* 1-based line and column (in code points) of a byte offset. */
void src_line_col(src_file *f, uint32_t offset, int *line, int *col);

/* The bytes of line 'line' (1-based), without its newline. */
const char *src_line_text(src_file *f, int line, size_t *len);

src_loc src_span(src_loc a, src_loc b);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 (FIPS 180-4, computed by nettle), to tie a compiled module to the
 * exact text of its .lov source. */
#ifndef LOVC_SHA256_H
#define LOVC_SHA256_H

#include <stddef.h>

#define SHA256_HEX_SIZE 65   /* 64 hex digits and a NUL */

/* Writes the lowercase hex digest of data[0..len) into hex. */
void sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_SIZE]);

#endif

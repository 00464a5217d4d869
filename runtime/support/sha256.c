/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 from nettle (Debian's libnettle), written as lowercase hex. */
#include "support/sha256.h"

#include <nettle/sha2.h>

void sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_SIZE])
{
    static const char digits[] = "0123456789abcdef";
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

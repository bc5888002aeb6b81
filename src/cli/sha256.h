/* sha256.h -- SHA-256 (FIPS 180-4), for the content keys of the report
 * cache (--cache): well defined, collision resistant, and written here
 * from the standard so that no new dependency is needed. */
#ifndef AIR_CLI_SHA256_H
#define AIR_CLI_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct sha256_ctx {
    uint32_t h[8];
    uint64_t len;          /* bytes hashed so far */
    unsigned char blk[64]; /* a partial block */
    size_t nblk;
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t n);
void sha256_final(sha256_ctx *c, unsigned char out[32]);

/* The digest of data[0..n) as 64 lower-case hex digits and a NUL. */
void sha256_hex(char out[65], const void *data, size_t n);

#endif

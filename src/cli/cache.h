/* cache.h -- results of unchanged files kept between runs (--cache DIR).
 *
 * An entry is the jsonl line of one file's result, stored under a key
 * that is the SHA-256 of everything the result depends on: the file's
 * content (its own SHA-256), the airead version and the effective
 * configuration (air_config_fingerprint), the message language and the
 * reading limits. A change of any of them is a different key, so a stale
 * entry is never used; it simply ages out.
 *
 *   DIR/CACHEDIR.TAG         marks the folder as a cache for backup tools
 *   DIR/v1/ab/cdef...        one entry (key = "abcdef...")
 *
 * Entries are written to a temporary file in their folder and renamed into
 * place, so runs sharing a cache (even on several machines over NFS) see
 * whole entries or none; a damaged entry is a miss. The folder is bounded:
 * after a run that added entries, the least recently used ones (the
 * modification time is refreshed on each hit) are removed until the total
 * is below 90% of the bound. */
#ifndef AIR_CLI_CACHE_H
#define AIR_CLI_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cache {
    char *dir;          /* DIR/v1 */
    uint64_t max_bytes;
} cache;

/* Prepares folder 'dir' (created when missing). -1 with errno on
 * failure. */
int cache_open(cache *c, const char *dir, uint64_t max_bytes);
void cache_close(cache *c);

/* The key for content digest 'content' (64 hex digits) in 'context'
 * (version, configuration, language, limits). */
void cache_key(char out[65], const char *content, const char *context);

/* The entry for 'key' as a malloc'd string (free() it), or NULL. */
char *cache_get(const cache *c, const char *key, size_t *len);

/* Stores an entry; false when it could not be written (the run goes on
 * without it). */
bool cache_put(const cache *c, const char *key, const char *data,
               size_t len);

/* Removes the least recently used entries while the folder holds more
 * than max_bytes, and temporary files left by killed writers. */
void cache_prune(const cache *c);

#endif

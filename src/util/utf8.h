/* utf8.h -- UTF-8 encoding and decoding; libc only.
 *
 * Text in the model is always valid UTF-8: readers pass what they take from
 * the input through air_utf8_sanitize() rules (invalid sequences become
 * U+FFFD), so rules and emitters may decode without error checks. */
#ifndef AIR_UTF8_H
#define AIR_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define AIR_UTF8_REPLACEMENT 0xFFFDu

/* Writes cp (U+0000..U+10FFFF, not a surrogate; anything else becomes
 * U+FFFD) to out[0..4) and returns the number of bytes written (1..4). */
size_t air_utf8_encode(char out[4], uint32_t cp);

/* Decodes one code point from s[0..n) (n > 0). Stores the code point in
 * *cp (U+FFFD for an invalid or truncated sequence) and returns the number
 * of bytes consumed (at least 1). */
size_t air_utf8_decode(uint32_t *cp, const char *s, size_t n);

/* True when s[0..n) is valid UTF-8 without surrogates or overlongs. */
int air_utf8_is_valid(const char *s, size_t n);

/* The number of code points in s[0..n). */
size_t air_utf8_count(const char *s, size_t n);

/* Byte length of the longest prefix of s[0..n) holding at most 'chars'
 * code points and not splitting one. */
size_t air_utf8_prefix(const char *s, size_t n, size_t chars);

/* Byte offset where the last 'chars' code points of s[0..n) begin. */
size_t air_utf8_suffix(const char *s, size_t n, size_t chars);

/* Decodes the code point that ends at s[n) (n > 0) into *cp and returns
 * its byte length. */
size_t air_utf8_decode_back(uint32_t *cp, const char *s, size_t n);

#endif

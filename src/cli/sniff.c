/* sniff.c -- see sniff.h. */
#include "config.h"

#include "cli/sniff.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static unsigned le16(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static bool prefix(const unsigned char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s, p, k) == 0;
}

static bool within(const unsigned char *h, size_t n, size_t lim,
                   const char *needle)
{
    size_t k = strlen(needle);
    if (n > lim)
        n = lim;
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(h + i, needle, k) == 0)
            return true;
    return false;
}

/* The local headers of a ZIP package that fit in the buffer (APPNOTE
 * 4.3.7: signature, ..., flags at 6, compressed size at 18, name length
 * at 26, extra length at 28, name at 30). */
static bool zip_candidate(const unsigned char *h, size_t n)
{
    size_t at = 0;
    for (int entry = 0; at + 30 <= n; entry++) {
        if (le32(h + at) != 0x04034b50u)
            break;
        unsigned flags = le16(h + at + 6);
        uint32_t csize = le32(h + at + 18);
        size_t nlen = le16(h + at + 26), xlen = le16(h + at + 28);
        const unsigned char *name = h + at + 30;
        if (at + 30 + nlen > n)
            break;
        size_t data = at + 30 + nlen + xlen;
        if (entry == 0 && nlen == 8 && memcmp(name, "mimetype", 8) == 0 &&
            data < n) {
            const unsigned char *m = h + data;
            size_t mn = n - data < csize ? n - data : csize;
            if (prefix(m, mn, "application/hwp+zip") ||
                prefix(m, mn, "application/haansofthwpx"))
                return true;
            if (prefix(m, mn, "application/vnd.oasis.opendocument"))
                return false;
        }
        if (prefix(name, nlen, "word/") || prefix(name, nlen, "Contents/"))
            return true;
        if (prefix(name, nlen, "xl/") || prefix(name, nlen, "ppt/"))
            return false;
        if (flags & 8)
            break; /* sizes in a data descriptor: cannot go further */
        at = data + csize;
    }
    return true; /* nothing decisive: the package decides */
}

bool sniff_candidate(const unsigned char *h, size_t n)
{
    static const unsigned char ole[8] = { 0xD0, 0xCF, 0x11, 0xE0,
                                          0xA1, 0xB1, 0x1A, 0xE1 };
    if (n >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4)
        return zip_candidate(h, n);
    if (n >= 4 && h[0] == 'P' && h[1] == 'K' &&
        ((h[2] == 5 && h[3] == 6) || (h[2] == 7 && h[3] == 8)))
        return true;
    if (n >= 8 && memcmp(h, ole, 8) == 0)
        return true;
    if (prefix(h, n, "HWP Document File"))
        return true; /* HWP 3.0: a document airead cannot read yet */
    /* DRM wrappers of Korean document security products */
    return within(h, n, 64, "MARKANY") || within(h, n, 64, "DOCUMENTSAFER") ||
           within(h, n, 64, "FASOO") || within(h, n, 64, "DRMONE") ||
           prefix(h, n, "SCDSA");
}

bool sniff_path(const char *path, bool *readable)
{
    unsigned char head[SNIFF_BYTES];
    *readable = false;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return false;
    size_t n = 0;
    while (n < sizeof head) {
        ssize_t got = read(fd, head + n, sizeof head - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    close(fd);
    *readable = true;
    return sniff_candidate(head, n);
}

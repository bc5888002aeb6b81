/* error.c -- see error.h and airead.h. */
#include "config.h"

#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "version.h"

/* One line; longer messages are cut (they quote input, which may be long). */
static _Thread_local char last[512];

air_status air_error(air_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last, sizeof last, fmt, ap);
    va_end(ap);
    for (char *p = last; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    return st;
}

void air_error_prefix(const char *prefix)
{
    char tmp[sizeof last];
    size_t n = strlen(prefix);
    if (n > sizeof tmp - 3)
        n = sizeof tmp - 3;
    memcpy(tmp, prefix, n);
    tmp[n++] = ':';
    tmp[n++] = ' ';
    size_t rest = strlen(last);
    if (rest > sizeof tmp - 1 - n)
        rest = sizeof tmp - 1 - n;
    memcpy(tmp + n, last, rest);
    tmp[n + rest] = '\0';
    memcpy(last, tmp, sizeof last);
}

void air_error_clear(void)
{
    last[0] = '\0';
}

const char *air_last_error(void)
{
    return last;
}

const char *air_status_key(air_status st)
{
    switch (st) {
    case AIR_OK: return "ok";
    case AIR_ENOMEM: return "out-of-memory";
    case AIR_EIO: return "io-error";
    case AIR_ENOTDOC: return "not-a-document";
    case AIR_EFORMAT: return "corrupt";
    case AIR_EUNSUPPORTED: return "unsupported-format";
    case AIR_EENCRYPTED: return "encrypted";
    case AIR_ELIMIT: return "over-limit";
    case AIR_EUSAGE: return "usage";
    case AIR_ECONFIG: return "config";
    case AIR_ETIMEOUT: return "timeout";
    default: return "internal-error";
    }
}

const char *air_version(void)
{
    return AIR_VERSION_STRING;
}

/* fuzz_pkg.c -- the package layer: air_pkg_open_mem() on any bytes, then
 * every entry read to its end (in odd-sized chunks, so stream boundaries
 * move), looked up by name and read whole. Seeds: samples and fixtures. */
#include "config.h"

#include "fuzz.h"
#include "pkg/pkg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    air_open_opts oo = fuzz_open_opts();
    air_pkg *pkg = NULL;
    if (air_pkg_open_mem(&pkg, data, size, "fuzz", &oo.limits) != AIR_OK)
        return 0;
    (void)air_pkg_format(pkg);
    size_t n = air_pkg_count(pkg);
    for (size_t i = 0; i < n; i++) {
        const char *name = air_pkg_entry(pkg, i);
        if (air_pkg_find(pkg, name) == NULL)
            __builtin_trap(); /* every listed entry can be found */
        air_stream *s = NULL;
        if (air_pkg_stream_open(&s, pkg, name) == AIR_OK) {
            char buf[4093];
            size_t got = 0;
            while (air_stream_read(s, buf, 1 + i % sizeof buf, &got) ==
                       AIR_OK &&
                   got > 0)
                ;
            air_stream_close(s);
        }
        air_buf b = AIR_BUF_INIT;
        (void)air_pkg_read_all(pkg, name, &b, 0);
        air_buf_free(&b);
    }
    air_pkg_close(pkg);
    return 0;
}

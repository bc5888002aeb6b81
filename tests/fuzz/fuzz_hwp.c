/* fuzz_hwp.c -- libFuzzer target for the HWP 5.0 boundary: the OLE
 * container (src/pkg through libgsf), the record streams and the reader
 * (src/read/hwp*.c), then the rules and the Markdown emitter on whatever
 * model comes out. Seeds: the fixtures tests/tools/mkhwp.py writes. Any
 * input must give a document or one error line; never a crash, a leak or
 * a hang. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "airead.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    air_open_opts o = AIR_OPEN_OPTS_INIT;
    /* small limits keep each run fast; the checks are the same */
    o.limits.max_part_bytes = 8u << 20;
    o.limits.max_total_bytes = 32u << 20;
    o.limits.max_nodes = 200000;
    o.display_name = "fuzz.hwp";
    air_doc *doc = NULL;
    if (air_doc_open_mem(&doc, data, size, &o) != AIR_OK) {
        const char *msg = air_last_error();
        if (strchr(msg, '\n') != NULL)
            __builtin_trap(); /* one line per bad input */
        return 0;
    }
    FILE *sink = fopen("/dev/null", "w");
    if (sink != NULL) {
        air_dump_json(doc, sink);
        fclose(sink);
    }
    air_doc_free(doc);
    return 0;
}

/* fuzz_doc.c -- a reader through the public API: air_doc_open_mem() on any
 * bytes (the format sniffed from them), then the model dumped. Built as
 * the 'hwpx' and 'docx' targets, which differ in their seeds only: the
 * sniffing sends each mutation to whichever reader it now looks like. */
#include "config.h"

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    air_open_opts oo = fuzz_open_opts();
    air_doc *doc = NULL;
    if (air_doc_open_mem(&doc, data, size, &oo) == AIR_OK)
        air_dump_json(doc, fuzz_null());
    air_doc_free(doc);
    return 0;
}

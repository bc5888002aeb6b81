/* fuzz_check.c -- the whole path of `airead check` and `airead convert`
 * for one document from outside: read, check, report (text, SARIF),
 * dump, Markdown (HTML and expanded tables). Seeds: samples, fixtures. */
#include "config.h"

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_document(data, size);
    return 0;
}

/* fuzz.h -- what the fuzz targets share.
 *
 * Every target is one file tests/fuzz/fuzz_<name>.c defining
 * LLVMFuzzerTestOneInput(); the set-up, LLVMFuzzerInitialize(), is shared.
 * It is linked twice: with libFuzzer (-DAIR_BUILD_FUZZERS=ON, clang) as
 * fuzz_<name>, and with replay.c as replay_<name>, a plain program built
 * in every build that runs the seeds and the past crashes as a ctest case.
 * See tests/fuzz/README.md. */
#ifndef AIR_FUZZ_H
#define AIR_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "airead.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The set-up every target shares, defined once in fuzz_util.c (so no
 * target defines its own): loads fuzz_config() and fuzz_symbols() before
 * the first input, so that no input is timed or measured with their
 * loading. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Open options for fuzzing: the shipped limits, with the byte limits
 * lowered (16 MiB per part, 64 MiB in all) so that a bomb found by the
 * fuzzer hits the same code paths without exhausting libFuzzer's memory
 * budget. */
air_open_opts fuzz_open_opts(void);

/* A stream that discards what is written (opened once, never closed). */
FILE *fuzz_null(void);

/* The shipped configuration and symbol tables, loaded once; abort() when
 * they cannot be (a broken build, not a finding). */
const air_config *fuzz_config(void);
const air_symmaps *fuzz_symbols(void);

/* ---- packages made in memory -------------------------------------------
 *
 * A target that fuzzes XML builds a fixed package around the fuzzed part,
 * so that the mutations reach the XML readers instead of breaking the ZIP
 * structure (CRC, sizes). */

typedef struct fuzz_part {
    const char *name;
    const void *data;
    size_t len;
} fuzz_part;

/* Writes a ZIP archive of 'parts' (stored, correct CRC-32) into 'out'. */
void fuzz_zip(air_buf *out, const fuzz_part *parts, size_t n);

/* The separator between parts in the input of a multi-part XML target:
 * "part0 SEP part1 SEP part2". A missing part gets its default. */
#define FUZZ_PART_SEP "\n<!--airead-fuzz-part-->\n"

/* Splits 'data' at FUZZ_PART_SEP into at most 'n' pieces, filling
 * parts[i].data/len for each piece found (the others are left alone, so
 * the caller sets defaults first). Returns the number of pieces found. */
size_t fuzz_split(const uint8_t *data, size_t size, fuzz_part *parts,
                  size_t n);

/* Builds a package of the 'fixed' parts and the 'fuzzed' ones, whose
 * contents come from the input split by fuzz_split() (a missing or empty
 * piece keeps the part's own data, its default), and runs it through
 * fuzz_document(). */
void fuzz_xml_package(const uint8_t *data, size_t size, const fuzz_part *fixed,
                      size_t nfixed, const fuzz_part *fuzzed, size_t nfuzzed);

/* Reads the package in 'data' and, when it is a document, checks it,
 * writes its report (text and SARIF), its dump and its Markdown to
 * fuzz_null(): every stage a document from outside goes through. */
void fuzz_document(const uint8_t *data, size_t size);

#endif

#!/bin/sh
# run-fuzzer.sh -- runs one libFuzzer program for a bounded time (ctest -L
# fuzzrun in a -DAIR_BUILD_FUZZERS=ON build).
#
#   run-fuzzer.sh FUZZER WORKDIR SECONDS [LIBFUZZER-OPTION...] -- DIR...
#
# New inputs go to WORKDIR/corpus (kept between runs, so local runs build
# on earlier ones); the DIRs (seeds, past crashes) are read, never written.
# A crash, a leak, a timeout (10 s per input) or running out of memory
# (2.5 GB) fails, leaving the input in WORKDIR/artifacts/.
set -eu
fuzzer=$1 work=$2 seconds=$3
shift 3
opts=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    opts="$opts $1"
    shift
done
[ $# -gt 0 ] && shift
dirs=""
for d in "$@"; do
    [ -d "$d" ] && dirs="$dirs $d"
done
mkdir -p "$work/corpus" "$work/artifacts"
status=0
# shellcheck disable=SC2086
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" $opts \
    "$work/corpus" $dirs 2>"$work/log" || status=$?
grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|Done )' \
    "$work/log" || true
if [ "$status" -ne 0 ]; then
    tail -n 60 "$work/log"
    name=$(basename "$fuzzer" | sed 's/^fuzz_//')
    echo "$(basename "$fuzzer") failed (status $status). Inputs in" \
        "$work/artifacts/:" >&2
    ls -l "$work/artifacts/" >&2
    echo "Add the smallest one as tests/fuzz/crashes/$name/<what-it-is>" \
        "with the fix (minimise: $fuzzer -minimize_crash=1 -runs=10000 FILE)." >&2
    exit 1
fi

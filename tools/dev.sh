#!/bin/sh
# tools/dev.sh -- set up, build and run airead on a fresh Debian 12 machine.
#
#   tools/dev.sh samples   install what is missing, build, check samples/
#   tools/dev.sh test      install what is missing, build and run every
#                          test: a normal build (warnings as errors), an
#                          AddressSanitizer + UBSan build, then each fuzz
#                          target for a minute (skipped without clang)
#   tools/dev.sh fuzz [S]  only the fuzzing, S seconds per target (60)
#   tools/dev.sh deps      only install what is missing
#   tools/dev.sh build     only build (into build/)
#   tools/dev.sh bench [ARGS]  install what the benchmark compares with
#                          (GNU time, Node.js and kordoc under bench/node/),
#                          then run bench/run ARGS (see bench/README.md)
#
# Needs root (or sudo) only when packages are missing.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

# Build and test dependencies, all from Debian 12.
PACKAGES="build-essential cmake pkg-config python3 zip unzip
libxml2-dev libzip-dev libpcre2-dev libyaml-dev libgsf-1-dev zlib1g-dev
libcmocka-dev clang libclang-rt-14-dev valgrind parallel git
pandoc cmark-gfm hyperfine python3-jsonschema"

# Installs the Debian packages of $1 (a list) that are missing, and the
# words of $2 (extra names to install) as they are.
install_missing() {
    missing="${2:-}"
    for p in $1; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
            grep -q "install ok installed" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "installing:$missing" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends $missing >/dev/null
}

deps() {
    install_missing "$PACKAGES"
}

# The benchmark's extra packages. kordoc is an npm package, pinned, and
# installed under bench/node/ (git-ignored), never system-wide.
BENCH_PACKAGES="time"
KORDOC_VERSION=4.14.1

bench_deps() {
    # Any Node.js 18 or later will do; Debian 12's own is 18.
    node=""
    command -v node >/dev/null && command -v npm >/dev/null ||
        node="nodejs npm"
    install_missing "$BENCH_PACKAGES" "$node"
    if [ ! -x bench/node/node_modules/.bin/kordoc ] ||
        ! grep -q "\"version\": \"$KORDOC_VERSION\"" \
            bench/node/node_modules/kordoc/package.json; then
        echo "installing kordoc $KORDOC_VERSION under bench/node/" >&2
        mkdir -p bench/node
        npm install --prefix bench/node --no-audit --no-fund \
            --no-package-lock --loglevel=error "kordoc@$KORDOC_VERSION" \
            >/dev/null
    fi
}

jobs() {
    nproc 2>/dev/null || echo 2
}

build() {
    dir=$1
    shift
    cmake -S . -B "$dir" -DAIR_WERROR=ON "$@" >/dev/null
    cmake --build "$dir" -j "$(jobs)"
}

# libFuzzer needs clang and its runtime (libclang-rt-14-dev); without
# them fuzzing is skipped with a note, the rest of the tests still count.
have_libfuzzer() {
    command -v clang >/dev/null 2>&1 || return 1
    t=$(mktemp -d)
    echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)
          { (void)d; (void)n; return 0; }' >"$t/f.c"
    ok=1
    clang -fsanitize=fuzzer "$t/f.c" -o "$t/f" >/dev/null 2>&1 && ok=0
    rm -rf "$t"
    return $ok
}

fuzz() {
    if ! have_libfuzzer; then
        echo "clang with libFuzzer not found: fuzzing skipped" >&2
        return 0
    fi
    # Only the fuzz programs are built here (the tests ran above).
    CC=clang cmake -S . -B build-fuzz -DAIR_WERROR=ON -DAIR_BUILD_FUZZERS=ON \
        -DAIR_FUZZ_SECONDS="${1:-60}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        >/dev/null
    cmake --build build-fuzz -j "$(jobs)" --target fuzzers
    (cd build-fuzz && ctest --output-on-failure -L fuzzrun -j "$(jobs)")
}

case "${1:-}" in
deps)
    deps
    ;;
build)
    deps
    build build
    ;;
samples)
    deps
    build build
    status=0
    ./build/src/airead check samples/ || status=$?
    echo "airead check samples/: exit status $status" >&2
    # 0 and 1 are both answers (1: the samples that break a principle).
    [ "$status" -le 1 ]
    ;;
test)
    deps
    build build
    (cd build && ctest --output-on-failure -j "$(jobs)")
    build build-asan -DAIR_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
    (cd build-asan && ASAN_OPTIONS=detect_leaks=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --output-on-failure -j "$(jobs)")
    fuzz 60
    ;;
fuzz)
    deps
    fuzz "${2:-}"
    ;;
bench)
    shift
    deps
    bench_deps
    exec bench/run "$@"
    ;;
*)
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

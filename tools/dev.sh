#!/bin/sh
# tools/dev.sh -- set up, build and run airead on a fresh Debian 12 machine.
#
#   tools/dev.sh samples   install what is missing, build, check samples/
#   tools/dev.sh test      install what is missing, build and run every
#                          test: a normal build (warnings as errors) and
#                          an AddressSanitizer + UBSan build
#   tools/dev.sh deps      only install what is missing
#   tools/dev.sh build     only build (into build/)
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

deps() {
    missing=""
    for p in $PACKAGES; do
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

jobs() {
    nproc 2>/dev/null || echo 2
}

build() {
    dir=$1
    shift
    cmake -S . -B "$dir" -DAIR_WERROR=ON "$@" >/dev/null
    cmake --build "$dir" -j "$(jobs)"
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
    ;;
*)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

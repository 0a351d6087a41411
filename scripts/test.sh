#!/usr/bin/env bash
# Builds the project three times and runs the whole test suite:
#   build/       optimised (what the README's programs are), every test
#   build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer, every test
#                except those labelled "slow" (they run in build/ above)
#   build-fuzz/  clang with libFuzzer: the library and the fuzz targets of
#                tests/fuzz only, each fuzzed for a bounded time (label fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

echo "== optimised build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCOOP_BUILD_TESTS=ON -DSCOOP_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== sanitizer build (address, undefined)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSCOOP_SANITIZE=address,undefined \
      -DSCOOP_BUILD_TESTS=ON -DSCOOP_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -LE slow

echo "== fuzzing (clang, libFuzzer; each target for SCOOP_FUZZ_SECONDS)"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
      -DCMAKE_BUILD_TYPE=Debug -DSCOOP_BUILD_FUZZERS=ON -DSCOOP_BUILD_TESTS=OFF \
      -DSCOOP_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-fuzz -j "$jobs" --target fuzzers
UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir build-fuzz --output-on-failure -j "$jobs" -L '^fuzz$'

echo "== all tests passed"

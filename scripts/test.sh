#!/usr/bin/env bash
# Builds the project twice and runs the whole test suite in both builds:
#   build/       optimised (what the README's programs are), every test
#   build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer, every test
#                except those labelled "slow" (they run in build/ above)
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

echo "== all tests passed"

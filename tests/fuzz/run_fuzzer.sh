#!/usr/bin/env bash
# Runs one fuzz target for a bounded time: the suite's "fuzz" tests.
#   run_fuzzer.sh FUZZER SECONDS FINDINGS_DIR [--generate PROGRAM] CORPUS_DIR... -- OPTION...
# The committed corpus folders are copied to a scratch folder first, so
# the run adds nothing to them; PROGRAM, when given, writes more seeds
# there (the index target's, matching the current index format). A crash,
# a hang, a leak or a broken invariant fails the test and leaves the input
# in FINDINGS_DIR.
set -euo pipefail

fuzzer=$1 seconds=$2 findings=$3
shift 3
generate=
if [ "${1:-}" = "--generate" ]; then
  generate=$2
  shift 2
fi
corpora=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  corpora+=("$1")
  shift
done
[ $# -gt 0 ] && shift  # the "--"; libFuzzer options follow

scratch=$(mktemp -d "${TMPDIR:-/tmp}/scoop-fuzz-run-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/new" "$findings"
seeds=()
for i in "${!corpora[@]}"; do
  # A target without regression inputs yet has no folder for them.
  if [ -d "${corpora[$i]}" ]; then
    cp -R "${corpora[$i]}" "$scratch/seeds-$i"
    seeds+=("$scratch/seeds-$i")
  fi
done
if [ -n "$generate" ]; then
  "$generate" "$scratch/generated"
  seeds+=("$scratch/generated")
fi

# New inputs go to the first folder (scratch/new), the seeds are read.
# -timeout: one input taking this long is a hang. -rss_limit_mb also caps
# single allocations (libFuzzer's malloc limit), so a damaged size field
# that makes a reader allocate gigabytes is a finding.
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$findings/" "$@" "$scratch/new" "${seeds[@]}" || status=$?
if [ "$status" -ne 0 ]; then
  echo "run_fuzzer: $(basename "$fuzzer") failed (status $status); the input is in $findings/" >&2
  echo "run_fuzzer: replay it with: $fuzzer $findings/<file>" >&2
fi
exit "$status"

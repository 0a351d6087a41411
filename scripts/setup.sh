#!/usr/bin/env bash
# Installs the Debian 12 packages the build, the tests and the benchmarks need.
# Does nothing (and needs no network) when they are all present already.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libxapian-dev xapian-tools       # Snowball stemmers, reference engine
  libicu-dev                       # decoding, normalisation, word breaks
  libcli11-dev                     # command-line options
  libgtest-dev libgmock-dev        # unit tests
  libbenchmark-dev                 # micro-benchmarks
  libzstd-dev                      # stored-field compression
  libroaring-dev                   # deletion bitmaps
  libxxhash-dev                    # file and block checksums
  libsimdjson-dev                  # JSON Lines input
  nlohmann-json3-dev               # JSON output
  libfmt-dev                       # formatting
  libgumbo-dev                     # HTML5 parsing (the WHATWG algorithm) for HTML articles
  w3m                              # scraped-text renderings of the extraction evaluation pages
  libsqlite3-dev sqlite3           # FTS5, the second reference engine
  python3 python3-matplotlib time  # benchmark charts, peak memory
  # Fuzzing (tests/fuzz): clang 14 with libFuzzer and the sanitizer
  # runtimes (libclang-rt-14-dev, not pulled in by clang itself), and
  # llvm for llvm-symbolizer, which turns sanitizer reports into file:line.
  clang libclang-rt-14-dev llvm
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages: ${missing[*]}" >&2
  echo "setup: run this script as root (or with sudo) to install them" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"

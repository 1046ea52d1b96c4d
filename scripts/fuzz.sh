#!/usr/bin/env bash
# Builds the libFuzzer target for the bootstrap parsers with clang (build-fuzz/) and runs it
# for a bounded time with the shared fixtures as seeds. Usage: scripts/fuzz.sh [SECONDS].
# Exit status non-zero when the fuzzer finds a crash, leak, hang or UB (artifact in build-fuzz/).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
shared=${NYDUS_SHARED_DIR:-../shared}
cc=$(command -v clang-14 || command -v clang || true)
cxx=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$cc" ] || [ -z "$cxx" ]; then
  echo "fuzz: clang not found (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 1
fi
cmake -S . -B build-fuzz -DNYDUS_FUZZ=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" >build-fuzz.log 2>&1 || { cat build-fuzz.log; exit 1; }
cmake --build build-fuzz -j2 --target bootstrap_fuzz >>build-fuzz.log 2>&1 || { tail -40 build-fuzz.log; exit 1; }
corpus=build-fuzz/corpus
mkdir -p "$corpus"
cp "$shared/fixtures/v5-sha256-nocompress/bootstrap" "$corpus/v5-sha256-nocompress.boot"
cp "$shared/fixtures/v6-zstd/bootstrap" "$corpus/v6-zstd.boot"
cp "$shared/fixtures/v6-toc/"2fa78cad554b75ac91a4a125ed148d0ddeb25efa4aaa8bd80e5dc292690a4dca "$corpus/v6-toc.blob"
echo "fuzz: running bootstrap_fuzz for ${secs}s"
build-fuzz/native/core/fuzz/bootstrap_fuzz "$corpus" -max_total_time="$secs" -max_len=65536 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=build-fuzz/ 2>build-fuzz/fuzz.log \
  || { tail -60 build-fuzz/fuzz.log; echo "fuzz: FAILED (artifact in build-fuzz/)"; exit 1; }
grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+\s+DONE)" build-fuzz/fuzz.log || true
echo "fuzz: no crash in ${secs}s"

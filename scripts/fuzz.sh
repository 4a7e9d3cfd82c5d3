#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (in build-fuzz/) and runs each for SECONDS seconds
# (default 30) on a copy of its seed corpus. A crash, a leak, a timeout or a sanitizer report
# fails the run; the reproducer is left in build-fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
scripts/setup.sh
mkdir -p build-fuzz
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCAUCUS_BUILD_FUZZERS=ON -DCAUCUS_BUILD_TESTS=OFF -DCAUCUS_BUILD_EXAMPLES=OFF > build-fuzz/cmake.log 2>&1 \
  || { cat build-fuzz/cmake.log; exit 1; }
cmake --build build-fuzz -j "$(nproc)" --target fuzz_rules fuzz_reader fuzz_pipeline fuzz_json fuzz_lexicon fuzz_sentences fuzz_shared_groups fuzz_pattern_cache
mkdir -p build-fuzz/findings
export ASAN_OPTIONS=detect_leaks=1
for target in rules reader pipeline json lexicon sentences shared_groups pattern_cache; do
  work="build-fuzz/corpus/$target"
  mkdir -p "$work"
  echo "fuzz: $target for ${seconds}s"
  "build-fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="build-fuzz/findings/$target-" -print_final_stats=1 "$work" "tests/fuzz/seeds/$target" 2>&1 | tail -5
done
echo "fuzz: no findings"

#!/usr/bin/env bash
# Configures and builds caucus into build/ (Release with debug info). Extra arguments go to
# CMake, e.g. scripts/build.sh -DCAUCUS_SANITIZE=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${CAUCUS_BUILD_DIR:-build}"
mkdir -p "$build_dir"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" > "$build_dir/cmake.log" 2>&1 \
  || { cat "$build_dir/cmake.log"; exit 1; }
cmake --build "$build_dir" -j "$(nproc)"

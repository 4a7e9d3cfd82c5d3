#!/usr/bin/env bash
# Installs what caucus needs, builds it and runs the whole test suite (CTest + GoogleTest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
ctest --test-dir "${CAUCUS_BUILD_DIR:-build}" --output-on-failure -j "$(nproc)"

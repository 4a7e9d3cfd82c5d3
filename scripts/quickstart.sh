#!/usr/bin/env bash
# Quick start: installs what caucus needs, builds it, and annotates the bundled example corpus
# into out/ (annotations as JSON Lines), printing a summary of what it found.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
mkdir -p out
./build/caucus annotate examples/corpus -o out/annotations.jsonl
echo "quickstart: wrote out/annotations.jsonl"

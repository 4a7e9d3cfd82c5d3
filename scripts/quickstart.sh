#!/usr/bin/env bash
# Quick start: installs what caucus needs, builds it, and runs the main job on the bundled
# example corpus: annotations (JSON Lines) and the alignment network (GraphML and SVG) in out/,
# with a summary of what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
mkdir -p out
./build/caucus annotate examples/corpus -o out/annotations.jsonl
./build/caucus graph out/annotations.jsonl -o out/alignments.graphml --stats
./build/caucus graph out/annotations.jsonl -o out/alignments.svg -q
echo "quickstart: wrote out/annotations.jsonl, out/alignments.graphml and out/alignments.svg"

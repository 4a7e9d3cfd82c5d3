#!/usr/bin/env bash
# Annotating a corpus in several processes with GNU parallel, then merging the partial
# networks: the map step writes JSON Lines per chunk of documents, the reduce step is
# `caucus graph` over them (merging is associative, so any split gives the same network).
#
#   examples/distributed/gnu_parallel.sh CORPUS_DIR OUT_DIR [PROCESSES]
#
# The same commands run over SSH with `parallel --sshlogin ...` (see docs/distributed.md).
set -euo pipefail
corpus="$1"
out="$2"
processes="${3:-4}"
caucus="${CAUCUS:-$(dirname "$0")/../../build/caucus}"
mkdir -p "$out/parts"
# Map: one caucus per chunk of 2 documents, each writing its own JSON Lines file.
find "$corpus" -name '*.txt' | sort | parallel --will-cite -j "$processes" -N 2 \
  "$caucus annotate -q -j 1 {} -o $out/parts/part-{#}.jsonl"
# Reduce: one network from all the parts.
"$caucus" graph -q "$out"/parts/*.jsonl -o "$out/network.graphml"
echo "gnu_parallel: $(ls "$out/parts" | wc -l) parts merged into $out/network.graphml"

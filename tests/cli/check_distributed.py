#!/usr/bin/env python3
"""The map-reduce example: GNU parallel annotates the corpus in several processes, caucus graph
merges the parts, and the network equals the one a single process builds (and the JSON Lines
of the parts equal the single-process annotations, document for document)."""
import json
import os
import subprocess
import sys
import tempfile

caucus, corpus, script = sys.argv[1], sys.argv[2], sys.argv[3]
with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, CAUCUS=caucus)
    r = subprocess.run(["bash", script, corpus, os.path.join(tmp, "out"), "3"], env=env, capture_output=True, check=False)
    assert r.returncode == 0, r.stderr.decode()
    single = os.path.join(tmp, "single.graphml")
    r = subprocess.run([caucus, "graph", "-q", corpus, "-o", single], capture_output=True, check=False)
    assert r.returncode == 0, r.stderr.decode()
    with open(single, encoding="utf-8") as a, open(os.path.join(tmp, "out", "network.graphml"), encoding="utf-8") as b:
        assert a.read() == b.read(), "the merged network differs from the single-process one"

    whole = subprocess.run([caucus, "annotate", "-q", corpus], capture_output=True, check=True).stdout.decode().splitlines()
    parts = []
    for name in sorted(os.listdir(os.path.join(tmp, "out", "parts"))):
        with open(os.path.join(tmp, "out", "parts", name), encoding="utf-8") as f:
            parts.extend(f.read().splitlines())
    by_doc = lambda lines: {json.loads(l)["doc"]: l for l in lines}
    assert by_doc(parts) == by_doc(whole)
    # Partial GraphML networks merge too (the reduce step of other engines).
    halves = []
    docs = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".txt"))
    for i, chunk in enumerate((docs[:2], docs[2:])):
        path = os.path.join(tmp, f"half{i}.graphml")
        subprocess.run([caucus, "graph", "-q", *chunk, "-o", path], check=True)
        halves.append(path)
    merged = os.path.join(tmp, "merged.graphml")
    subprocess.run([caucus, "graph", "-q", *halves, "-o", merged], check=True)
    with open(single, encoding="utf-8") as a, open(merged, encoding="utf-8") as b:
        assert a.read() == b.read(), "merging partial GraphML networks changed the network"
print("map-reduce example checked")

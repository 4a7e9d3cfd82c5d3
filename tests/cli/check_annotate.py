#!/usr/bin/env python3
"""End-to-end check of `caucus annotate` on the example corpus, read back by Python.

Every input document gives exactly one JSON line, in input order, and every annotation's
offsets give back its text with Python's str slicing (code points into the text as read).
"""
import json
import os
import subprocess
import sys

caucus, corpus = sys.argv[1], sys.argv[2]
result = subprocess.run([caucus, "annotate", corpus], capture_output=True, check=False)
if result.returncode != 0:
    sys.exit(f"caucus annotate exited {result.returncode}: {result.stderr.decode()}")
lines = result.stdout.decode("utf-8").splitlines()
expected = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".txt"))
assert [json.loads(l)["doc"] for l in lines] == expected, "one line per document, in input order"

for line in lines:
    record = json.loads(line)
    with open(record["doc"], encoding="utf-8-sig", newline="") as f:
        text = f.read()
    types = {a["type"] for a in record["annotations"]}
    assert {"paragraph", "sentence"} <= types, f"{record['doc']}: missing segmentation ({types})"
    for a in record["annotations"]:
        assert text[a["start"]:a["end"]] == a["text"], f"{record['doc']}: offsets of {a} do not give its text"
        assert a["start"] < a["end"], a
    starts = [(a["start"], -a["end"]) for a in record["annotations"]]
    assert starts == sorted(starts), "annotations sorted by offset"
print(f"{len(lines)} documents checked")

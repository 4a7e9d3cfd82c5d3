#!/usr/bin/env python3
"""End-to-end check of `caucus annotate` on the example corpus, read back by Python.

Every input document gives exactly one JSON line, in input order, and every annotation's
offsets give back its text with Python's str slicing (code points into the text as read).
The corpus is copied with one long document added among the others (over 1 MB: its record
is streamed by the writer, not built by a worker), and run on two threads.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

caucus, seeds = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="caucus_annotate_")
corpus = os.path.join(work, "corpus")
shutil.copytree(seeds, corpus)
names = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))
with open(os.path.join(corpus, names[1][:-4] + "_long.txt"), "w", encoding="utf-8") as long_doc:
    for _ in range(3):
        for name in names:
            with open(os.path.join(corpus, name), encoding="utf-8-sig") as f:
                long_doc.write(f.read() + "\n")
result = subprocess.run([caucus, "annotate", "-j", "2", corpus], capture_output=True, check=False)
if result.returncode != 0:
    sys.exit(f"caucus annotate exited {result.returncode}: {result.stderr.decode()}")
lines = result.stdout.decode("utf-8").splitlines()
expected = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".txt"))
assert [json.loads(l)["doc"] for l in lines] == expected, "one line per document, in input order"
assert max(os.path.getsize(p) for p in expected) > (1 << 20), "the long document is over 1 MB"

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
shutil.rmtree(work)
print(f"{len(lines)} documents checked")

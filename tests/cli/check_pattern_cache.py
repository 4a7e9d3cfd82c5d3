#!/usr/bin/env python3
"""The command's cache of compiled patterns (docs/cli.md): the output is the same without it,
with it cold (written), warm (read), and with its file damaged (ignored and written again).
"""
import os
import shutil
import subprocess
import sys
import tempfile

caucus, corpus = sys.argv[1], sys.argv[2]
cache = tempfile.mkdtemp(prefix="caucus_cache_")
cache_file = os.path.join(cache, "patterns.bin")


def annotate(cache_dir):
    env = dict(os.environ, CAUCUS_CACHE_DIR=cache_dir)
    result = subprocess.run([caucus, "annotate", "-j", "1", "--no-text", corpus], capture_output=True, env=env, check=False)
    if result.returncode != 0:
        sys.exit(f"caucus annotate exited {result.returncode}: {result.stderr.decode()}")
    return result.stdout


without = annotate("")
assert not os.listdir(cache), "no cache when CAUCUS_CACHE_DIR is set and empty"
cold = annotate(cache)
assert os.path.getsize(cache_file) > 1000, "a cold run writes the cache"
written = os.path.getmtime(cache_file)
warm = annotate(cache)
assert os.path.getmtime(cache_file) == written, "a warm run that compiled nothing does not write it"
with open(cache_file, "r+b") as f:
    f.seek(os.path.getsize(cache_file) // 2)
    f.write(b"\xff" * 64)
damaged = annotate(cache)
assert without == cold == warm == damaged, "the same annotations with and without the cache"
with open(cache_file, "rb") as f:
    data = f.read()
assert b"\xff" * 64 not in data, "a damaged cache is written again"
shutil.rmtree(cache)
print("pattern cache: same output without, cold, warm and damaged")

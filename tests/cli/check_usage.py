#!/usr/bin/env python3
"""The command's contract: --help for every subcommand, exit codes 0/1/2, errors on stderr."""
import os
import subprocess
import sys
import tempfile

caucus = sys.argv[1]


def run(*args, stdin=None):
    return subprocess.run([caucus, *args], capture_output=True, input=stdin, check=False)


for command in ["annotate", "graph", "rules", "explain", "eval", "annotators"]:
    r = run(command, "--help")
    assert r.returncode == 0 and r.stdout.startswith(f"caucus {command}".encode()), (command, r)

assert run("--version").stdout.startswith(b"caucus ")
assert run().returncode == 2
assert run("frobnicate").returncode == 2
r = run("annotate", "--no-such-option", "x")
assert r.returncode == 2 and b"unknown option '--no-such-option'" in r.stderr, r
assert run("annotate").returncode == 2  # no input

with tempfile.TemporaryDirectory() as tmp:
    good = os.path.join(tmp, "good.txt")
    bad = os.path.join(tmp, "bad.txt")
    with open(good, "w", encoding="utf-8") as f:
        f.write("Mr. Flynn (Ireland): Ireland aligns itself with the statement.")
    with open(bad, "wb") as f:
        f.write(b"caf\xe9")
    # One bad document: reported with its name, the good one is still written, exit 1.
    out = os.path.join(tmp, "out.jsonl")
    r = run("annotate", good, bad, "-o", out)
    assert r.returncode == 1, r
    assert b"bad.txt: error[D002]" in r.stderr, r.stderr
    with open(out, encoding="utf-8") as f:
        assert len(f.read().splitlines()) == 1
    # A bad pipeline is a configuration error: exit 2 before any document is read.
    pipeline = os.path.join(tmp, "p.toml")
    with open(pipeline, "w", encoding="utf-8") as f:
        f.write('[[step]]\nannotator = "nope"\n')
    r = run("annotate", "--pipeline", pipeline, good)
    assert r.returncode == 2 and b"error[P003]" in r.stderr, r
    # rules test with that pipeline: its errors are shown, R042 says the examples lack context,
    # and an example that needs sentences says why it found nothing.
    welcome = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "rules", "welcome.toml")
    r = run("rules", "test", "--pipeline", pipeline, welcome)
    assert r.returncode == 1, r
    assert b"error[P003]" in r.stderr and b"warning[R042]" in r.stderr, r.stderr
    assert b"no sentence to match in" in r.stderr, r.stderr
    # Standard input.
    r = run("annotate", "-", stdin=b"One. Two.")
    assert r.returncode == 0 and b'"doc":"<stdin>"' in r.stdout, r
# explain --trace: rules scoped to paragraphs are traced per paragraph, not lost between sentences.
r = run("explain", "--trace", "Mr. Flynn (Ireland): I thank the President. Ireland aligns itself with the EU.")
assert r.returncode == 0, r
trace = r.stdout.decode()
assert "(paragraph or larger)" in trace, trace
paragraph_part = trace.split("(paragraph or larger)", 1)[1]
assert "speaker.damaged: matched, but dropped by overlap resolution" in paragraph_part, paragraph_part
print("usage contract checked")

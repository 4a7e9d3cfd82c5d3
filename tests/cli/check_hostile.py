#!/usr/bin/env python3
"""Hostile input and faults: every bad document is reported by name and the good ones are
written exactly as without the bad ones; broken pipes, full disks, interrupts and unwritable
outputs end with a clear message, a non-zero exit and no half-written file; huge lines and
records with thousands of speeches go through.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

caucus, corpus = sys.argv[1], sys.argv[2]
seeds = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".txt"))


def run(*args, **kwargs):
    return subprocess.run([caucus, *args], capture_output=True, check=False, **kwargs)


def records(text, prefix):
    """JSON lines keyed by file name (the directory prefix differs between runs)."""
    out = {}
    for line in text.splitlines():
        r = json.loads(line)
        name = os.path.relpath(r["doc"], prefix)
        r["doc"] = name
        out[name] = r
    return out


with tempfile.TemporaryDirectory() as tmp:
    good = os.path.join(tmp, "good")
    mixed = os.path.join(tmp, "mixed")
    os.makedirs(good)
    os.makedirs(mixed)
    for path in seeds[:2] + seeds[3:4]:
        shutil.copy(path, good)
        shutil.copy(path, mixed)
    bad = {
        "invalid_utf8.txt": b"Mr. Flynn (Ireland): caf\xe9 \xff",
        "binary.txt": b"PK\x03\x04\x00\x00binary\x00data",
        "utf16_nobom.txt": "Mr. Flynn (Ireland): hello".encode("utf-16-le"),
        "windows1252.txt": b"\x93Quoted\x94 text from Windows",
    }
    for name, data in bad.items():
        with open(os.path.join(mixed, name), "wb") as f:
            f.write(data)
    with open(os.path.join(mixed, "empty.txt"), "wb"):
        pass
    with open(os.path.join(mixed, "utf16_bom.txt"), "wb") as f:
        f.write("\ufeffMr. Flynn (Ireland): Ireland aligns itself.".encode("utf-16-le"))
    os.symlink(os.path.join(tmp, "gone.txt"), os.path.join(mixed, "vanished.txt"))  # a file that disappeared
    os.makedirs(os.path.join(mixed, "folder.txt"))  # a directory named like a document, with nothing in it

    r_good = run("annotate", good, "-j", "2")
    r_mixed = run("annotate", mixed, "-j", "2")
    assert r_good.returncode == 0, r_good.stderr
    assert r_mixed.returncode == 1, (r_mixed.returncode, r_mixed.stderr)
    err = r_mixed.stderr.decode()
    for name, code in [("invalid_utf8.txt", "D002"), ("binary.txt", "D004"), ("utf16_nobom.txt", "D004"),
                       ("windows1252.txt", "D002"), ("vanished.txt", "D001")]:
        assert f"{name}: error[{code}]" in err, (name, code, err)
    assert "empty.txt: warning[D005]" in err and "utf16_bom.txt: warning[D003]" in err, err
    assert "windows-1252" in err and "utf-16le" in err, "the messages say what to do"
    good_records = records(r_good.stdout.decode(), good)
    mixed_records = records(r_mixed.stdout.decode(), mixed)
    for name, record in good_records.items():
        assert mixed_records[name] == record, f"{name} differs when bad documents are around"
    assert set(mixed_records) == set(good_records) | {"empty.txt", "utf16_bom.txt"}

    # Decoding on request.
    r = run("annotate", os.path.join(mixed, "windows1252.txt"), "--encoding", "windows-1252")
    assert r.returncode == 0 and "\u201cQuoted\u201d" in json.loads(r.stdout)["annotations"][0]["text"], r
    r = run("annotate", os.path.join(mixed, "invalid_utf8.txt"), "--encoding-errors=replace")
    assert r.returncode == 0 and "\ufffd" in r.stdout.decode(), r

    # A closed pipe: a clear error and a non-zero exit, not a crash.
    p = subprocess.Popen([caucus, "annotate", corpus, "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.read(10)
    p.stdout.close()
    p.wait(timeout=120)
    assert p.returncode == 2, p.returncode
    assert b"Broken pipe" in p.stderr.read()

    # A full disk.
    with open("/dev/full", "wb") as full:
        r = subprocess.run([caucus, "annotate", corpus, "-q"], stdout=full, stderr=subprocess.PIPE, check=False)
    assert r.returncode == 2 and b"No space left" in r.stderr, r

    # An output that cannot be written, and outputs replaced only when complete.
    r = run("annotate", seeds[0], "-o", os.path.join(tmp, "no", "such", "dir", "out.jsonl"))
    assert r.returncode == 2 and b"cannot write" in r.stderr, r
    out = os.path.join(tmp, "out.jsonl")
    with open(out, "w") as f:
        f.write("previous\n")
    bad_pipeline = os.path.join(tmp, "bad.toml")
    with open(bad_pipeline, "w") as f:
        f.write('[[step]]\nannotator = "nope"\n')
    assert run("annotate", seeds[0], "-o", out, "--pipeline", bad_pipeline).returncode == 2
    assert open(out).read() == "previous\n"

    # Interrupted: the previous output stays, no temporary file is left.
    big = os.path.join(tmp, "big")
    os.makedirs(big)
    # About 100 MB: many seconds of work, so the interrupt always comes before the end.
    for i in range(1500):
        shutil.copy(seeds[2], os.path.join(big, f"{i:04}.txt"))
    p = subprocess.Popen([caucus, "annotate", big, "-o", out, "-q"], stderr=subprocess.PIPE)
    # The interrupt comes once the run is writing its temporary output (the handler is in place
    # by then): a fixed delay raced a slow start, under the sanitizers on a busy machine.
    deadline = time.monotonic() + 60
    while not [f for f in os.listdir(tmp) if ".tmp." in f] and p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    p.send_signal(signal.SIGINT)
    p.wait(timeout=120)
    assert p.returncode == 130, p.returncode
    assert open(out).read() == "previous\n"
    assert not [f for f in os.listdir(tmp) if ".tmp." in f], os.listdir(tmp)

    # A 10 MB document on one line, and a record of 10,000 speeches with mixed line endings.
    line = os.path.join(tmp, "line.txt")
    sentence = "Ireland aligns itself fully with the statement to be delivered by the observer of the European Union. "
    with open(line, "w") as f:
        f.write(sentence * (10_000_000 // len(sentence)))
    r = run("annotate", line, "--types", "alignment,sentence", "--no-text", "-q")
    assert r.returncode == 0, r.stderr
    annotations = json.loads(r.stdout)["annotations"]
    # Every sentence is found; the same relation stated again in one speech is one relation.
    assert sum(a["type"] == "sentence" for a in annotations) == 10_000_000 // len(sentence)
    assert sum(a["type"] == "alignment" for a in annotations) == 1

    many = os.path.join(tmp, "many.txt")
    endings = ["\n", "\r\n", "\r"]
    with open(many, "w", newline="") as f:
        f.write("Security Council\n\n8000th meeting\n\n")
        for i in range(10_000):
            name = "".join(chr(ord("a") + (i // 26 ** k) % 26) for k in range(3))
            f.write(f"Mr. Speak{name} (Ireland): We thank you. Ireland aligns itself with the statement"
                    f" delivered by the observer of the European Union.{endings[i % 3]}{endings[(i + 1) % 3]}")
    r = run("annotate", many, "--types", "alignment", "-q")
    assert r.returncode == 0, r.stderr
    record = json.loads(r.stdout)
    assert len(record["speeches"]) == 10_000, len(record["speeches"])
    with open(many, encoding="utf-8", newline="") as f:
        text = f.read()
    for a in record["annotations"]:
        assert text[a["start"]:a["end"]] == a["text"]
    assert len(record["annotations"]) == 10_000
print("hostile inputs and faults checked")

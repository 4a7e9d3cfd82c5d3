#!/usr/bin/env python3
"""caucus eval compares speaker names without case, a leading "the" or the honorifics gold
files differ on ("H.E.", "Ambassador", "Mr", a military rank), nor typographic apostrophes and hyphens against
the ASCII ones, nor two names the document gives one actor ("EU", "European Union"), takes any
name for a gold name "*" (a speaker the text does not name), and still counts another name as an
error."""
import os
import subprocess
import sys
import tempfile

caucus = sys.argv[1]
HEADING = "Statement by H.E. Ambassador Jerry Matjila, Permanent Representative of South Africa to the United Nations\n\nMr President,\n\nThank you.\n"
with tempfile.TemporaryDirectory() as tmp:
    for name in ("a.txt", "b.txt", "c.txt", "e.txt", "i.txt"):
        with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
            f.write(HEADING)
    with open(os.path.join(tmp, "d.txt"), "w", encoding="utf-8") as f:
        f.write(HEADING.replace("Jerry Matjila", "Jerry O\u2019Brien"))
    with open(os.path.join(tmp, "g.txt"), "w", encoding="utf-8") as f:
        f.write("EU Statement \u2013 UN Security Council: Ukraine\n\nI speak on behalf of the European Union.\n")
    with open(os.path.join(tmp, "f.txt"), "w", encoding="utf-8") as f:
        f.write(HEADING.replace("Jerry Matjila", "Jerry Smith\u2011Jones"))
    with open(os.path.join(tmp, "h.txt"), "w", encoding="utf-8") as f:
        f.write("Statement by Colonel Nopadon Mungkalaton, Minister Counsellor of the Permanent Mission of Thailand\n\n"
                "Mr. Chairman,\n\nThank you.\n")
    with open(os.path.join(tmp, "speakers.tsv"), "w", encoding="utf-8") as f:
        f.write("doc\tturn\tspeaker\tactor\n")
        f.write("a.txt\t1\tH.E.  AMBASSADOR Jerry Matjila\tZAF\n")  # the same turn, written otherwise
        f.write("b.txt\t1\tMr. Someone Else\tZAF\n")                # another name: an error
        f.write("c.txt\t1\tMr Jerry Matjila\tZAF\n")                # the same turn, with another honorific
        f.write("d.txt\t1\tJerry O'Brien\tZAF\n")                   # the same turn, the ASCII apostrophe
        f.write("e.txt\t1\tJudge Jerry Matjila\tZAF\n")             # the same turn, a judge's title
        f.write("f.txt\t1\tJerry Smith-Jones\tZAF\n")               # the same turn, the ASCII hyphen
        f.write("g.txt\t1\tEuropean Union\tEU\n")                    # the same group, by the name the text also gives it
        f.write("h.txt\t1\tNopadon Mungkalaton\tTHA\n")              # the same turn, without the military rank
        f.write("i.txt\t1\t*\tZAF\n")                                # any name, the actor still compared
    r = subprocess.run([caucus, "eval", "--gold", tmp, os.path.join(tmp, "a.txt"), os.path.join(tmp, "b.txt"),
                        os.path.join(tmp, "c.txt"), os.path.join(tmp, "d.txt"),
                        os.path.join(tmp, "e.txt"), os.path.join(tmp, "f.txt"), os.path.join(tmp, "g.txt"),
                        os.path.join(tmp, "h.txt"), os.path.join(tmp, "i.txt")],
                       capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stdout + r.stderr
    row = next(line.split() for line in r.stdout.splitlines() if line.startswith("speakers"))
    assert row[1:4] == ["8", "1", "1"], r.stdout  # tp, fp, fn
    assert "FN speaker  b.txt  turn 1 Mr. Someone Else (ZAF)" in r.stdout, r.stdout
print("speaker names compared as documented")

#!/usr/bin/env python3
"""`caucus bench` reports every stage the issue names, with figures that add up.

Runs a small bench (1 MB, best of 2, JSON and the rule list on) and checks the report: the
reading, the scans the rule steps share (right before the first of them), every step of the
default pipeline, the JSON output, the alignment graph, the whole pipeline and the ICU floor
each have a positive time and MB/s, and the stages a peak memory; the whole pipeline is at
least the sum of its stages; the slowest rules are listed; the run's peak memory is given;
with -j 2 the whole pipeline is run again untimed on one thread and on two, with the ratio;
without the prefilter the shared scans are not reported, and with -j 1 no scaling run.
No timing thresholds: only the shape and consistency of the report.
"""
import re
import subprocess
import sys

caucus, corpus = sys.argv[1], sys.argv[2]
out = subprocess.run([caucus, "bench", "--size", "1", "--repeat", "2", "--json", "--rules", "3", "-j", "2", corpus],
                     capture_output=True, text=True, check=True).stdout
lines, peaks = {}, {}
for line in out.splitlines():
    m = re.match(r"^\s*(\S.*?)\s+(\d+\.\d+)\s+(\d+\.\d+)(?:\s+(\d+\.\d+))?", line)
    if m:
        lines[m.group(1)] = (float(m.group(2)), float(m.group(3)))
        if m.group(4):
            peaks[m.group(1)] = float(m.group(4))
steps = ["segmenter", "actors", "speakers", "speeches", "alignments", "relations", "citation_rules", "citations",
         "statements", "agents"]
for stage in ["reading (files, UTF-8)", "(shared rule scans)", *steps, "(json output)", "(alignment graph)",
              "whole pipeline with JSON", "ICU sentences alone"]:
    assert stage in lines, f"no line for {stage!r} in:\n{out}"
    seconds, mb_per_s = lines[stage]
    assert seconds >= 0 and mb_per_s > 0, f"{stage}: {lines[stage]}"
whole = lines["whole pipeline with JSON"][0]
# The best whole run is at least the sum of the stages' best runs; the printed seconds are
# rounded to the millisecond, each of the thirteen figures by up to half of one.
parts = [lines[s][0] for s in steps] + [lines["(shared rule scans)"][0], lines["(json output)"][0]]
assert whole + 0.0005 * (len(parts) + 1) >= 0.99 * sum(parts), out
rows = out.splitlines()
names = [row.split("  ")[0] for row in rows]
assert names.index("(shared rule scans)") + 1 == names.index("actors"), out  # timed apart, just before
assert "best of 2 runs" in out, out
assert re.search(r"^load and compile the pipeline: \d+\.\d ms \(\d+ patterns from the cache of compiled patterns\)$", out, re.M), out
assert re.search(r"^peak memory of the whole run: \d+\.\d MB", out, re.M), out
# Peak memory per stage, where the system lets the high-water mark be reset (Linux): every
# stage but the ICU floor has one; none is more than ten times the run's (a wrong unit would).
assert re.search(r"^stage\s+seconds\s+MB/s\s+peak MB$", out, re.M), out
if "each stage's" in out:
    run_peak = float(re.search(r"^peak memory of the whole run: (\d+\.\d) MB", out, re.M).group(1))
    for stage in ["reading (files, UTF-8)", "(shared rule scans)", *steps, "(json output)", "(alignment graph)"]:
        assert stage in peaks and 0 < peaks[stage] < 10 * run_peak, f"{stage}: no peak memory in\n{out}"
    # The whole run's peak is on a line of its own, not a stage's; the floor is not a stage.
    assert "whole pipeline with JSON" not in peaks and "ICU sentences alone" not in peaks, out
# The scaling run: the whole pipeline untimed on one thread and on two, right after the timed
# figure, the ratio of the two times given.
for stage in ["untimed, 1 thread", "untimed, 2 threads"]:
    assert stage in lines and lines[stage][0] > 0 and lines[stage][1] > 0, f"{stage}: {out}"
    assert stage not in peaks, out
whole_row = next(i for i, row in enumerate(rows) if row.startswith("whole pipeline with JSON"))
assert rows[whole_row + 1].startswith("  untimed, 1 thread ") and rows[whole_row + 2].startswith("  untimed, 2 threads "), out
ratio = re.search(r"^\s+untimed, 2 threads\s.*\((\d+\.\d\d)x one thread\)$", out, re.M)
assert ratio, out
# The printed ratio lies within what the printed MB/s (rounded to 0.1) allow, itself rounded
# to 0.01: at a few MB/s (a sanitizer build) that range is wide, at tens of MB/s narrow.
one, two = lines["untimed, 1 thread"][1], lines["untimed, 2 threads"][1]
low, high = (two - 0.05) / (one + 0.05), (two + 0.05) / max(one - 0.05, 1e-9)
assert low - 0.005 <= float(ratio.group(1)) <= high + 0.005, (low, high, out)
assert len(re.findall(r"^\s+\d+\.\d+ s\s+\d+\.\d+ MB/s\s+\S+: \S+", out, re.M)) == 3, out
# Without the prefilter no rule uses the shared scans: they are neither run nor reported.
plain = subprocess.run([caucus, "bench", "--size", "0.2", "--no-prefilter", "-j", "1", corpus],
                       capture_output=True, text=True, check=True).stdout
assert "(shared rule scans)" not in plain and "actors" in plain, plain
assert "untimed" not in plain, plain
print("bench report checked")

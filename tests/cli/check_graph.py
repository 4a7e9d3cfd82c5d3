#!/usr/bin/env python3
"""`caucus graph` read by real clients: networkx and igraph load the GraphML and the node-link JSON with
the right types, and the network of the example corpus matches the seed gold edge for edge.

Edges are (source, target, relation). Every edge of a required gold row must be in the graph;
every edge of the graph must be in the gold (required or optional rows) or in KNOWN_EXTRAS,
statements the gold does not list, each checked by hand against the text.
"""
import json
import os
import subprocess
import sys
import tempfile

import igraph
import networkx as nx

caucus, corpus, gold_file = sys.argv[1], sys.argv[2], sys.argv[3]

# True relations the seed gold leaves out (checked against the documents):
KNOWN_EXTRAS = {
    # 002: "As a member of the Accountability, Coherence and Transparency group, Hungary is committed ..."
    ("HUN", "ACT", "member_of"),
}

with tempfile.TemporaryDirectory() as tmp:
    graphml = os.path.join(tmp, "net.graphml")
    node_link = os.path.join(tmp, "net.json")
    evidence = os.path.join(tmp, "evidence.jsonl")
    for args in (["-o", graphml, "--evidence", evidence], ["-o", node_link]):
        r = subprocess.run([caucus, "graph", corpus, "-q", *args], capture_output=True, check=False)
        assert r.returncode == 0, r.stderr.decode()

    g = nx.read_graphml(graphml)
    assert g.is_directed()
    edges = {}
    for s, t, data in g.edges(data=True):
        assert isinstance(data["weight"], int) and data["weight"] >= 1, data
        assert isinstance(data["documents"], int) and 1 <= data["documents"] <= data["weight"], data
        assert isinstance(data["relation"], str)
        edges[(s, t, data["relation"])] = data["weight"]
    for node, data in g.nodes(data=True):
        assert isinstance(data["label"], str) and data["label"], (node, data)
        assert data["type"] in ("state", "group", "organization"), (node, data)
    assert g.nodes["IRL"]["label"] == "Ireland" and g.nodes["IRL"]["region"] == "WEOG"
    assert g.nodes["NON_ALIGNED"]["type"] == "group"
    assert "NAM" not in g.nodes, "NAM is Namibia; the Non-Aligned Movement is NON_ALIGNED"

    required, allowed = set(), set()
    with open(gold_file, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")][1:]
    for doc, relation, source, target, req, *_ in rows:
        allowed.add((source, target, relation))
        if req == "yes":
            required.add((source, target, relation))
    missing = required - set(edges)
    unexpected = set(edges) - allowed - KNOWN_EXTRAS
    assert not missing, f"gold edges missing from the graph: {sorted(missing)}"
    assert not unexpected, f"graph edges the gold does not have: {sorted(unexpected)}"

    # igraph reads the same file, with the actor ids as node ids.
    ig = igraph.Graph.Read_GraphML(graphml)
    assert ig.is_directed() and ig.vcount() == g.number_of_nodes() and ig.ecount() == g.number_of_edges()
    assert set(ig.vs["id"]) == set(g.nodes), "igraph sees the actor ids"
    assert set(ig.es["weight"]) <= {float(w) for w in edges.values()} | set(edges.values())

    # The node-link JSON loads too, with the same edges.
    with open(node_link, encoding="utf-8") as f:
        data = json.load(f)
    h = nx.node_link_graph(data, edges="links") if "edges" in nx.node_link_graph.__code__.co_varnames else nx.node_link_graph(data)
    assert h.number_of_nodes() == g.number_of_nodes()
    assert h.number_of_edges() == g.number_of_edges()

    # Evidence: every edge is traced to statements whose offsets give back their text.
    texts = {}
    traced = 0
    with open(evidence, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            assert len(e["statements"]) == e["weight"], e
            for s in e["statements"]:
                if s["doc"] not in texts:
                    with open(s["doc"], encoding="utf-8-sig", newline="") as d:
                        texts[s["doc"]] = d.read()
                assert texts[s["doc"]][s["start"]:s["end"]] == s["text"], s
            traced += 1
    assert traced == len(edges)

    # Inputs are read on -j threads and merged in input order: one thread and two give the same
    # bytes, for documents, an annotation stream and a GraphML network mixed.
    annotations = os.path.join(tmp, "part.jsonl")
    docs = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".txt"))
    subprocess.run([caucus, "annotate", "-q", "-o", annotations, *docs[:2]], check=True)
    outputs = []
    for jobs in ("1", "2"):
        out = os.path.join(tmp, f"j{jobs}.graphml")
        ev = os.path.join(tmp, f"j{jobs}.evidence.jsonl")
        r = subprocess.run([caucus, "graph", "-j", jobs, "-o", out, "--evidence", ev, annotations, *docs[2:], graphml],
                           capture_output=True, text=True, check=True)
        summary = r.stderr.strip().splitlines()[-1]
        assert summary.startswith("caucus graph: 5 documents, ") and f" MB/s, {jobs} job{'s' if jobs != '1' else ''})" in summary, summary
        with open(out, "rb") as a, open(ev, "rb") as b:
            outputs.append((a.read(), b.read()))
    assert outputs[0] == outputs[1], "-j 1 and -j 2 give the same network and evidence"
    r = subprocess.run([caucus, "graph", "-j", "0", corpus], capture_output=True, text=True, check=False)
    assert r.returncode == 2 and "--jobs" in r.stderr, r.stderr
print(f"{len(edges)} edges checked against {len(required)} required gold edges")

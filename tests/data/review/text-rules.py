#!/usr/bin/env python3
"""Precision of text/invisible and text/mixed-script from the reviewed findings in
text-rules.tsv (written after scripts/eval-text-rules; no corpus text is kept here)."""
import collections, os
here = os.path.dirname(os.path.abspath(__file__))
verdicts = collections.defaultdict(collections.Counter)
for line in open(os.path.join(here, "text-rules.tsv"), encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    rule, corpus, _, _, verdict, _ = line.rstrip("\n").split("\t")
    key = (rule, "srp-Cyrl sample" if "srp" in corpus else "other corpora")
    verdicts[key][verdict] += 1
for (rule, part), c in sorted(verdicts.items()):
    n = sum(c.values())
    print(f"{rule:18} {part:16} reviewed {n:3}: real {c['real']}, unclear {c['unclear']}, "
          f"false {c['false']}; precision {c['real'] / n:.2f} (at least)")

#!/usr/bin/env python3
"""Builds a corpus of articles from NTREX-128 (every language, one file per document, named
DOC.LANG.txt), replicated into folders r000, r001, ... until it reaches the size asked.

usage: scripts/ntrex-corpus.py [--mixed] [--jsonl] [--lang=TAG] NTREX_DIR OUT_DIR MB

Documents come language by language; with --mixed, article by article (every language of the
first article, then of the second...), so that a corpus smaller than one copy has every
language. With --jsonl, OUT_DIR/documents.jsonl holds the documents as JSON Lines records
({"path", "text"}) instead of files. With --lang=en, only the documents in that language
(its regional variants included). Prints the size and the number of documents.
"""
import collections
import json
import os
import shutil
import sys

# NTREX file stem -> BCP 47 tag (ISO 639-3 stems map to 639-1 where one exists).
ISO = {"afr": "af", "amh": "am", "arb": "ar", "ben": "bn", "bul": "bg", "cat": "ca", "ces": "cs",
       "dan": "da", "deu": "de", "ell": "el", "eng": "en", "est": "et", "fas": "fa", "fin": "fi",
       "fra": "fr", "heb": "he", "hin": "hi", "hrv": "hr", "hun": "hu", "hye": "hy", "ind": "id",
       "ita": "it", "jpn": "ja", "kat": "ka", "kor": "ko", "lav": "lv", "lit": "lt", "nld": "nl",
       "nob": "nb", "pol": "pl", "por": "pt", "ron": "ro", "rus": "ru", "slk": "sk", "slv": "sl",
       "spa": "es", "swe": "sv", "tam": "ta", "tha": "th", "tur": "tr", "ukr": "uk", "vie": "vi",
       "zho": "zh", "srp": "sr"}


def documents(src):
    """(article number, file name, text) of every NTREX document in every language, language
    by language."""
    ids = [l.strip() for l in open(os.path.join(src, "DOCUMENT_IDS.tsv"), encoding="utf-8")]
    docs = []
    for name in sorted(os.listdir(src)):
        if not name.endswith(".txt"):
            continue
        base, _, variant = name[:-4].partition("-")
        if base not in ISO:
            continue
        tag = ISO[base] + ("-" + variant if variant else "")
        lines = open(os.path.join(src, name), encoding="utf-8").read().split("\n")[:len(ids)]
        by_doc = collections.OrderedDict()
        for i, l in zip(ids, lines):
            by_doc.setdefault(i, []).append(l)
        for n, (d, ls) in enumerate(by_doc.items()):
            docs.append((n, f"{d}.{tag}.txt", "\n\n".join(ls) + "\n"))
    return docs


def build(docs, path, limit, jsonl):
    if os.path.isdir(path):
        shutil.rmtree(path)
    os.makedirs(path)
    size, rep, count = 0, 0, 0
    out = open(os.path.join(path, "documents.jsonl"), "w", encoding="utf-8") if jsonl else None
    while size < limit:
        sub = f"r{rep:03}"
        if not jsonl:
            os.makedirs(os.path.join(path, sub))
        for _, fname, text in docs:
            b = text.encode("utf-8")
            if jsonl:
                record = {"path": f"{sub}/{fname}", "text": text}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                open(os.path.join(path, sub, fname), "wb").write(b)
            size += len(b)
            count += 1
            if size >= limit:
                break
        rep += 1
    if out:
        out.close()
    return size, count


def main():
    flags = {a for a in sys.argv[1:] if a.startswith("--")}
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    langs = {f[len("--lang="):] for f in flags if f.startswith("--lang=")}
    if len(args) != 3 or {f for f in flags if not f.startswith("--lang=")} - {"--jsonl", "--mixed"}:
        sys.exit(__doc__)
    src, out, mb = args[0], args[1], float(args[2])
    docs = documents(src)
    if langs:
        docs = [d for d in docs if d[1].split(".")[-2].split("-")[0] in langs]
    if "--mixed" in flags:
        # The article, then the language: every language of one article together.
        docs.sort(key=lambda d: (d[0], d[1]))
    size, count = build(docs, out, mb * 1e6, "--jsonl" in sys.argv)
    print(f"corpus {size / 1e6:.1f} MB in {count} documents ({len(docs)} per copy)")


if __name__ == "__main__":
    main()

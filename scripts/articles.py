"""The real articles in ../shared/corpora, one document at a time, for the evaluation scripts.

NTREX-128 (the English source and its 49 translations, split at its document ids), WMT21
newstest2021 (sources and every reference, split at the recovered document ids) and WMT22
general test (the "general" collection: source and references, by document). Each article is
(corpus, document id, BCP 47 language tag, list of segments). Nothing here is copied into the
repository: scripts write articles under target/ and keep only line numbers and verdicts.
"""
import collections
import os
import re
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(HERE, "..", "shared", "corpora"))
NTREX = os.path.join(SHARED, "ntrex")

# NTREX file names (ISO 639-3, with script or region) as BCP 47 tags.
NTREX_TAGS = {
    "amh": "am", "arb": "ar", "ben": "bn", "bul": "bg", "cat": "ca", "ces": "cs", "dan": "da",
    "deu": "de", "ell": "el", "eng": "en", "eng-GB": "en-GB", "eng-US": "en-US", "est": "et",
    "fas": "fa", "fin": "fi", "fra": "fr", "fra-CA": "fr-CA", "heb": "he", "hin": "hi", "hrv": "hr",
    "hun": "hu", "hye": "hy", "ind": "id", "ita": "it", "jpn": "ja", "kat": "ka", "kor": "ko",
    "lav": "lv", "lit": "lt", "nld": "nl", "nob": "nb", "pol": "pl", "por": "pt", "por-BR": "pt-BR",
    "ron": "ro", "rus": "ru", "slk": "sk", "slv": "sl", "spa": "es", "spa-MX": "es-MX",
    "srp-Cyrl": "sr-Cyrl", "srp-Latn": "sr-Latn", "swe": "sv", "tam": "ta", "tha": "th", "tur": "tr",
    "ukr": "uk", "vie": "vi", "zho-CN": "zh-CN", "zho-TW": "zh-TW",
}


def available():
    return os.path.isdir(NTREX)


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


def ntrex_ids():
    return [l.strip() for l in read_lines(os.path.join(NTREX, "DOCUMENT_IDS.tsv")) if l.strip()]


def by_document(ids, lines):
    """Segments grouped by document id, in first-seen order, with their 1-based line numbers."""
    docs = collections.OrderedDict()
    for n, (doc, line) in enumerate(zip(ids, lines), 1):
        docs.setdefault(doc, []).append((n, line))
    return docs


def ntrex(codes=None):
    """NTREX articles: (corpus, doc id, tag, [(line number, segment)])."""
    ids = ntrex_ids()
    for code, tag in NTREX_TAGS.items():
        if codes is not None and code not in codes:
            continue
        lines = read_lines(os.path.join(NTREX, f"{code}.txt"))[: len(ids)]
        for doc, segs in by_document(ids, lines).items():
            yield ("ntrex-" + code, doc, tag, segs)


def wmt21():
    base = os.path.join(SHARED, "wmt21-newstest2021")
    for pair in ("en-cs", "en-de", "en-ru", "en-zh"):
        ids = [l.strip() for l in read_lines(os.path.join(base, f"recovered_docids.{pair}.txt")) if l.strip()]
        files = sorted(f for f in os.listdir(base) if f.startswith(f"newstest2021.{pair}.ref."))
        if pair == "en-de":
            files.insert(0, f"newstest2021.{pair}.src.en")  # the English source once
        for name in files:
            tag = name.rsplit(".", 1)[1]
            lines = read_lines(os.path.join(base, name))[: len(ids)]
            for doc, segs in by_document(ids, lines).items():
                yield ("wmt21-" + name.split(".", 2)[2], doc, tag, segs)


def wmt22():
    base = os.path.join(SHARED, "wmt22-generaltest")
    for name in sorted(os.listdir(base)):
        if not name.endswith(".xml"):
            continue
        pair = name.split(".")[1]
        root = ET.parse(os.path.join(base, name)).getroot()
        for coll in root.iter("collection"):
            if coll.get("id") != "general":
                continue
            for doc in coll.iter("doc"):
                if doc.get("testsuite"):
                    continue
                sides = [doc.find("src")] if pair == "en-cs" else []
                sides += doc.findall("ref")
                for side in sides:
                    if side is None:
                        continue
                    segs = [(int(s.get("id")), (s.text or "").strip()) for s in side.iter("seg")]
                    who = side.get("translator") or "src"
                    yield (f"wmt22-{pair}-{side.get('lang')}-{who}", doc.get("id"), side.get("lang"), segs)


def write_article(directory, name, tag, segs):
    """Writes an article as paragraphs; returns its path and a map from its line numbers to the
    corpus line (or segment id) each paragraph came from."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
    path = os.path.join(directory, f"{safe}.{tag}.txt")
    lines = {}
    with open(path, "w", encoding="utf-8") as f:
        for k, (n, seg) in enumerate(segs):
            lines[2 * k + 1] = n
            f.write(seg.replace("\n", " ") + "\n\n")
    return path, lines

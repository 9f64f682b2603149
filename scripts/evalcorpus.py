"""The real corpora the evaluation scripts run concord on, and how they run it.

Used by every evaluation script: where ../shared is, reading NTREX-128 (line-aligned
professional translations of 1,997 English news sentences, with article ids), WMT21 newstest2021
and the WMT22 general test set (XML, with references), as segment pairs or one article at a
time, writing what concord checks (bilingual JSON Lines, or articles as paragraphs), and running
concord on it. Nothing read here is copied into the repository: scripts write under target/ and
keep only line numbers and verdicts.
"""
import collections
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(HERE, "..", "shared"))
NTREX = os.path.join(SHARED, "corpora", "ntrex")
WMT22 = os.path.join(SHARED, "corpora", "wmt22-generaltest")
CONCORD = os.path.join(HERE, "target", "release", "concord")

# NTREX file stems by language tag (BCP 47 as concord reads it).
NTREX_FILES = {
    "en": "eng", "es": "spa", "es-MX": "spa-MX", "fr": "fra", "fr-CA": "fra-CA", "de": "deu",
    "ru": "rus", "it": "ita", "pt": "por", "pt-BR": "por-BR", "nl": "nld", "pl": "pol",
    "cs": "ces", "uk": "ukr", "sv": "swe", "tr": "tur", "zh": "zho-CN", "zh-TW": "zho-TW",
    "ja": "jpn", "ar": "arb", "fa": "fas", "da": "dan", "nb": "nob", "fi": "fin", "hu": "hun",
    "ro": "ron", "sk": "slk", "sl": "slv", "hr": "hrv", "bg": "bul", "el": "ell", "id": "ind",
    "ko": "kor", "he": "heb", "lt": "lit", "lv": "lav", "et": "est", "ca": "cat", "vi": "vie",
}


def available():
    """Whether NTREX-128 is beside the repository."""
    return os.path.isdir(NTREX)


def require(path, what, script):
    """Exits with status 2 and a plain message when a corpus is not beside the repository."""
    if not os.path.exists(path):
        print(f"{script}: {path} not found: {what} needs ../shared beside the repository",
              file=sys.stderr)
        sys.exit(2)


def build():
    """The concord binary: $CONCORD when set, else concord built in release mode."""
    if os.environ.get("CONCORD"):
        return os.environ["CONCORD"]
    subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path",
                    os.path.join(HERE, "Cargo.toml")], check=True)
    return CONCORD


def ntrex_ids():
    """The article id of each NTREX line."""
    with open(os.path.join(NTREX, "DOCUMENT_IDS.tsv"), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip()]


def ntrex_lines(tag, count):
    """The first `count` lines of a language's NTREX file."""
    with open(os.path.join(NTREX, NTREX_FILES[tag] + ".txt"), encoding="utf-8") as f:
        return f.read().split("\n")[:count]


def ntrex_pairs(tag):
    """NTREX as (article id, English source, translation) per line."""
    ids = ntrex_ids()
    return list(zip(ids, ntrex_lines("en", len(ids)), ntrex_lines(tag, len(ids))))


def wmt22_pairs(pair, translator="A", collection="general"):
    """WMT22 test set segments of one pair ("en-zh") as (document id, source, reference), for
    the documents with a reference (test-suite items have none)."""
    root = ET.parse(os.path.join(WMT22, f"wmttest2022.{pair}.xml")).getroot()
    out = []
    for coll in root.iter("collection"):
        if coll.get("id") != collection:
            continue
        for doc in coll.iter("doc"):
            src = {s.get("id"): s.text or "" for s in doc.find("src").iter("seg")}
            ref = next((r for r in doc.findall("ref") if r.get("translator") == translator), None)
            if ref is None:
                ref = doc.find("ref")
            if ref is None:
                continue
            refs = {s.get("id"): s.text or "" for s in ref.iter("seg")}
            for sid, text in src.items():
                if sid in refs:
                    out.append((doc.get("id"), text, refs[sid]))
    return out


def write_jsonl(path, pairs, source_lang, target_lang):
    """One JSON Lines record per segment (doc = the article id): line n is segment n."""
    with open(path, "w", encoding="utf-8") as f:
        for n, (doc, src, tgt) in enumerate(pairs, 1):
            f.write(json.dumps({"id": str(n), "doc": doc, "source": src, "target": tgt,
                                "source_lang": source_lang, "target_lang": target_lang},
                               ensure_ascii=False) + "\n")


def check(concord, paths, *args):
    """Runs `concord check` with a JSON report; returns its findings."""
    run = subprocess.run([concord, "check", "--format", "json", "--fail-on", "never", *args, *paths],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr, file=sys.stderr)
        sys.exit(1)
    return json.loads(run.stdout)["findings"]


# One article at a time, for the name and quotation evaluations.

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


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


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
    base = os.path.join(SHARED, "corpora", "wmt21-newstest2021")
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
    base = WMT22
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

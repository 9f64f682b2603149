"""The real corpora the evaluation scripts run concord on, and how they run it.

Used by scripts/eval-ntrex and scripts/eval-inject (and meant for any other evaluation): where
../shared is, reading NTREX-128 (line-aligned professional translations of 1,997 English news
sentences, with article ids) and the WMT22 general test set (XML, with references), writing a
bilingual JSON Lines file concord checks, and running concord on it.
"""
import json
import os
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

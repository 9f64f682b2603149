#!/usr/bin/env python3
"""Writes a synthetic concord-glossary/1 file of N entries, the shape of a house termbase:
people and places (exact match, two or three words) and terms (stem match, one or two
words), each with a preferred and a deprecated form in three of ten languages (Latin or
Cyrillic script). Deterministic: the first K entries of an N-entry file are the K-entry file.

usage: scripts/gen-glossary.py N OUT.json
"""
import json
import sys

LANGS = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "tr"]
LATIN = (["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "st", "tr", "sh"],
         ["a", "e", "i", "o", "u", "ia", "ou", "ei"])
CYRILLIC = (["б", "д", "г", "к", "л", "м", "н", "п", "р", "с", "т", "в", "з", "бр", "др", "ст", "тр", "ш"],
            ["а", "е", "и", "о", "у", "я", "ю", "ей"])


class Rng:
    """xorshift64: the same file on every machine and Python version."""

    def __init__(self, seed):
        self.s = seed

    def next(self):
        s = self.s
        s ^= (s << 13) & 0xFFFFFFFFFFFFFFFF
        s ^= s >> 7
        s ^= (s << 17) & 0xFFFFFFFFFFFFFFFF
        self.s = s
        return s

    def pick(self, items):
        return items[self.next() % len(items)]


def word(rng, lang, capital):
    onsets, vowels = CYRILLIC if lang == "ru" else LATIN
    w = "".join(rng.pick(onsets) + rng.pick(vowels) for _ in range(2 + rng.next() % 3))
    return w[0].upper() + w[1:] if capital else w


def entry(i):
    rng = Rng(0x9E3779B97F4A7C15 ^ (i * 0x100000001B3 + 1))
    kind = ["person", "place", "organization", "term", "term"][rng.next() % 5]
    name = kind != "term"
    first = rng.next() % len(LANGS)
    terms = {}
    for k in range(3):
        lang = LANGS[(first + 3 * k) % len(LANGS)]
        n = (2 + rng.next() % 2) if name else (1 + rng.next() % 2)
        words = [word(rng, lang, name) for _ in range(n)]
        wrong = list(words)
        j = rng.next() % n
        wrong[j] = wrong[j][:-1] + word(rng, lang, False)[:2]
        terms[lang] = {"preferred": " ".join(words), "deprecated": [" ".join(wrong)]}
    return {"id": f"gen-{i:06}", "kind": kind, "terms": dict(sorted(terms.items()))}


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit("usage: gen-glossary.py N OUT.json")
    n = int(sys.argv[1])
    glossary = {
        "format": "concord-glossary/1",
        "name": f"generated-{n}",
        "description": f"{n} synthetic entries (scripts/gen-glossary.py)",
        "entries": [entry(i) for i in range(n)],
    }
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(glossary, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()

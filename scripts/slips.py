"""Realistic name slips for the injection evaluations: one letter dropped, a letter doubled,
two neighbours swapped, or a letter replaced by its neighbour on the keyboard (QWERTY, ЙЦУКЕН).
"""
import collections
import re

QWERTY = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
JCUKEN = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"]


def neighbours(rows):
    out = collections.defaultdict(set)
    for r, row in enumerate(rows):
        for c, ch in enumerate(row):
            for dr, dc in ((0, -1), (0, 1), (-1, 0), (-1, 1), (1, 0), (1, -1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < len(rows) and 0 <= cc < len(rows[rr]):
                    out[ch].add(rows[rr][cc])
    return {k: sorted(v) for k, v in out.items()}


KEYS = {**neighbours(QWERTY), **neighbours(JCUKEN)}
KINDS = ["drop", "double", "swap", "neighbour"]


def slip(word, kind, rng):
    """The word with one slip of `kind` after its first letter, or None."""
    n = len(word)
    spots = list(range(1, n))
    rng.shuffle(spots)
    for i in spots:
        if kind == "drop" and n > 3:
            w = word[:i] + word[i + 1:]
        elif kind == "double" and (i + 1 >= n or word[i + 1] != word[i]) and word[i - 1] != word[i]:
            w = word[:i + 1] + word[i] + word[i + 1:]
        elif kind == "swap" and i + 1 < n and word[i] != word[i + 1]:
            w = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        elif kind == "neighbour" and word[i] in KEYS:
            w = word[:i] + rng.choice(KEYS[word[i]]) + word[i + 1:]
        else:
            continue
        if w != word:
            return w
    return None


def sentence_start(text, at):
    before = text[:at].rstrip(" \"'“„«»(")
    return not before or before[-1] in ".!?:…"

# A word: letters only.
WORD = re.compile(r"[^\W\d_]+")

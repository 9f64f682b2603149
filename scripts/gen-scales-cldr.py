#!/usr/bin/env python3
"""Print the scale words after a number (thousand, million, billion, trillion) of the languages
that data/numbers/scales.tsv lists by hand for none, from CLDR's compact decimal formats: the long
forms ("{0} millioner", "{0} de milioane") and the short ones ("{0} mio.", "{0} mld."), through
the Python package Babel (tested with babel==2.19.0; `pip install babel==2.19.0`).

Left out, as for the languages listed by hand: short forms of one letter ("t", "K", "M", "E",
"B", "T"), which after a number are as often a unit (tonnes, kelvin, metres) or a letter.

usage: python3 scripts/gen-scales-cldr.py LANG...   (rows to paste into data/numbers/scales.tsv)
"""
import sys

from babel import Locale

FACTORS = ("1000", "1000000", "1000000000", "1000000000000")


def words(lang):
    loc = Locale.parse(lang)
    out = set()
    for style in ("long", "short"):
        for forms in loc._data["compact_decimal_formats"].get(style, {}).values():
            for factor, pattern in forms.items():
                if factor not in FACTORS:
                    continue
                text = pattern.pattern.replace("'", "").replace("¤", "").replace("0", "").strip()
                word = text.rstrip(".").lower()
                if len(word) < 2 or not word.replace(" ", "").isalpha():
                    continue
                out.add((word, int(factor)))
    return sorted(out, key=lambda x: (x[1], x[0]))


def main(langs):
    for lang in langs:
        for word, factor in words(lang):
            print(f"{lang}\t{word}\t{factor}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

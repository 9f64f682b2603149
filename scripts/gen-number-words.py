#!/usr/bin/env python3
"""Generate data/numbers/<lang>.tsv (cardinal number words with value and role) for the
languages whose number words inflect or compound heavily: ru, uk, pl, cs, sv, tr (from CLDR), and
for Indonesian, Romanian and Danish (from num2words, whose tables CLDR in ../shared lacks).

Reads the CLDR/ICU spellout tables (numbers 0..1000 in every case and gender, generated under the
Unicode License) from ../shared/reference/rbnf-spellout/<lang>.tsv: the one-word spellouts of
0-19, the tens and the hundreds, in every rule set but the year style, give the lexicon; the
scale words (thousands, millions, billions) in their inflected forms, and the oblique cases of the
Ukrainian and Czech number words (which CLDR lacks), are listed below by hand.

The num2words languages read the package's spellouts of 0-19, the tens and the hundreds: a
one-word spelling is a number word; in a two-word one ("dua belas", "dua puluh", "două sute") the
first word is a unit and the second adds ten, multiplies by ten (role "tens": only the unit before
it) or by a hundred. Scale words and the forms the package does not write are listed below.

usage: python3 scripts/gen-number-words.py [--check]  (prints what it wrote; exits 2 without
../shared; with --check writes nothing and exits 1 when a data file differs from what it makes;
the num2words languages are skipped, with a message, when num2words 0.5.14 is not installed)
"""
import os
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.normpath(os.path.join(HERE, "..", "shared", "reference", "rbnf-spellout"))
SCALES = {
    "ru": {1000: "тысяча тысячи тысяч тысячу тысячей тысячам тысячами тысячах тысяче",
           10**6: "миллион миллиона миллионов миллиону миллионом миллионе миллионам миллионами миллионах",
           10**9: "миллиард миллиарда миллиардов миллиарду миллиардом миллиарде миллиардам миллиардами миллиардах"},
    "uk": {1000: "тисяча тисячі тисяч тисячу тисячею тисячам тисячами тисячах",
           10**6: "мільйон мільйона мільйони мільйонів мільйону мільйоном мільйоні мільйонам мільйонами мільйонах",
           10**9: "мільярд мільярда мільярди мільярдів мільярду мільярдом мільярді мільярдам мільярдами мільярдах"},
    "pl": {1000: "tysiąc tysiąca tysiące tysięcy tysiącowi tysiącem tysiącu tysiącom tysiącami tysiącach",
           10**6: "milion miliona miliony milionów milionowi milionem milionie milionom milionami milionach",
           10**9: "miliard miliarda miliardy miliardów miliardowi miliardem miliardzie miliardom miliardami miliardach"},
    "cs": {1000: "tisíc tisíce tisícům tisících tisíci tisícem",
           10**6: "milion miliony milionů milionu milionem milionech milionům "
                  "milión milióny miliónů miliónu miliónem miliónech miliónům",
           10**9: "miliarda miliardy miliard miliardě miliardu miliardou miliardách miliardám"},
    "sv": {1000: "tusen ettusen", 10**6: "miljon miljoner", 10**9: "miljard miljarder"},
    "tr": {1000: "bin", 10**6: "milyon", 10**9: "milyar"},
}
# The CLDR tables for uk and cs give only the nominative (and accusative) of each number: the
# genitive, dative, instrumental and locative forms (all genders; for uk both the short and the
# "-ьох/-ьом/-ьома" forms) of 2..19, the tens and (uk) the one-word hundreds are listed here by
# hand (6, 7 and 8 change their stem: "шести", "семи", "восьми"). Ukrainian is written with the modifier-letter apostrophe U+02BC as CLDR and the existing
# data write it; src/numbers/words.rs folds every apostrophe (' ’ ʼ ‘ ´ ` ʹ) to ASCII in the
# lexicon and in text alike, so one spelling covers "пʼяти", "п’яти" and "п'яти".
# Left out on purpose:
#   uk 7 "сьома" (instrumental, beside "сімома"): the ordinal "seventh" (feminine), an ordinary
#      word ("сьома година"); 8 "восьма" is likewise only listed as "вісьма"/"вісьмома".
#   uk 40 "сорока" is kept as in ru.tsv (also "magpie" and a surname, both rare in news), since
#      without it "сорока пʼяти" would read as 5.
#   cs colloquial instrumentals "dvouma", "třema", "čtyřma" (obecná čeština, not news writing).
#   the case forms of 1 ("одного", "jednoho", "jednou" = "once") are out of this table's scope.
A = "\u02bc"
_UK_FIVE_PLUS = {5: f"п{A}ят", 9: f"дев{A}ят", 10: "десят", 11: "одинадцят", 12: "дванадцят",
                 13: "тринадцят", 14: "чотирнадцят", 15: f"п{A}ятнадцят", 16: "шістнадцят",
                 17: "сімнадцят", 18: "вісімнадцят", 19: f"дев{A}ятнадцят", 20: "двадцят",
                 30: "тридцят", 50: f"п{A}ятдесят", 60: "шістдесят", 70: "сімдесят", 80: "вісімдесят"}
OBLIQUE = {
    "uk": {
        2: "двох двом двома",
        3: "трьох трьом трьома",
        4: "чотирьох чотирьом чотирма",
        **{n: " ".join(stem + end for end in ("и", "ьох", "ьом", "ьма", "ьома"))
           for n, stem in _UK_FIVE_PLUS.items()},
        6: "шести шістьох шістьом шістьма шістьома",
        7: "семи сімох сімом сімома",
        8: "восьми вісьмох вісьмом вісьма вісьмома",
        40: "сорока",
        90: f"дев{A}яноста",
        100: "ста",
        200: "двохсот двомстам двомастами двохстах",
        300: "трьохсот трьомстам трьомастами трьохстах",
        400: "чотирьохсот чотирьомстам чотирмастами чотирьохстах",
        500: f"п{A}ятисот п{A}ятистам п{A}ятьмастами п{A}ятьомастами п{A}ятистах",
        600: "шестисот шестистам шістьмастами шістьомастами шестистах",
        700: "семисот семистам сьомастами сімомастами семистах",
        800: "восьмисот восьмистам вісьмастами вісьмомастами восьмистах",
        900: f"дев{A}ятисот дев{A}ятистам дев{A}ятьмастами дев{A}ятьомастами дев{A}ятистах",
    },
    "cs": {
        2: "dvou dvěma",
        3: "tří třem třemi třech",
        4: "čtyř čtyřem čtyřmi čtyřech",
        5: "pěti", 6: "šesti", 7: "sedmi", 8: "osmi", 9: "devíti", 10: "deseti",
        11: "jedenácti", 12: "dvanácti", 13: "třinácti", 14: "čtrnácti", 15: "patnácti",
        16: "šestnácti", 17: "sedmnácti", 18: "osmnácti", 19: "devatenácti",
        20: "dvaceti", 30: "třiceti", 40: "čtyřiceti", 50: "padesáti", 60: "šedesáti",
        70: "sedmdesáti", 80: "osmdesáti", 90: "devadesáti",
    },
}
# Czech writes the hundreds as two words ("dvě stě", "pět set", "dvou set"): the second word
# multiplies (role "hundred", like "sta", "set", "stě" from CLDR). Its other case forms, singular
# "stu" (dative, locative), "stem" (instrumental) and plural "stům", "sty", "stech" ("dvěma
# stům", "pěti sty", "dvou stech"), take the same role; alone they count one hundred. Swedish
# "hundra" alone ("de senaste hundra åren") is a hundred too; CLDR only writes "etthundra".
OBLIQUE_HUNDRED = {"cs": "stu stem stům sty stech", "sv": "hundra"}
# Collective numerals, which CLDR leaves out, in every case: Polish "pięcioro dzieci", Russian
# "трое мужчин", Ukrainian "п'ятеро загиблих". Polish "dwu" is the combining form of two
# ("dwuletni").
COLLECTIVE = {
    "pl": {2: "dwoje dwojga dwojgu dwojgiem dwu", 3: "troje trojga trojgu trojgiem",
           4: "czworo czworga czworgu czworgiem",
           **{n: " ".join(stem + end for end in ("oro", "orga", "orgu", "orgiem"))
              for n, stem in {5: "pięci", 6: "sześci", 7: "siedmi", 8: "ośmi", 9: "dziewięci",
                              10: "dziesięci"}.items()}},
    "ru": {2: "двое двоих двоим двоими", 3: "трое троих троим троими",
           **{n: " ".join(stem + end for end in ("о", "ых", "ым", "ыми"))
              for n, stem in {4: "четвер", 5: "пятер", 6: "шестер", 7: "семер", 8: "восьмер",
                              9: "девятер", 10: "десятер"}.items()}},
    "uk": {2: "двоє", 3: "троє", 4: "четверо", 5: f"п{A}ятеро", 6: "шестеро", 7: "семеро",
           8: "восьмеро", 9: f"дев{A}ятеро", 10: "десятеро"},
}
# Scale words and the forms num2words does not write, for the languages it supplies.
NUM2WORDS = {
    "id": {
        "scales": {1000: "ribu seribu", 10**6: "juta sejuta", 10**9: "miliar milyar semiliar",
                   10**12: "triliun"},
        # "seratus", "seribu": "se-" is one, glued; "belas" alone is no number.
        "extra": {},
    },
    "ro": {
        "scales": {1000: "mie mii", 10**6: "milion milioane", 10**9: "miliard miliarde",
                   10**12: "trilion trilioane"},
        # Feminine forms ("două" is taken from "două sute"), "și" joins tens and units
        # ("douăzeci și unu"), "de" joins twenty and more to a scale ("douăzeci de mii").
        "extra": {1: "una un", 12: "douăsprezece", 14: "patrusprezece", 16: "șasesprezece"},
        "and": "și de",
    },
    "da": {
        "scales": {1000: "tusind tusinde", 10**6: "million millioner mio",
                   10**9: "milliard milliarder mia"},
        # "en" is the common gender of one (num2words writes only "et"); "tres" is 60 as news
        # writes it (num2words: "treds"); "og" joins units to tens ("enogtyve").
        "extra": {1: "en", 60: "tres"},
        "hundred": "hundrede",
        "and": "og",
    },
}
# Romanian is also written with the cedilla letters ş ţ and, in haste, without diacritics
# ("doua", "sase"): every form is listed in all three spellings.
RO_SPELLINGS = [str.maketrans("\u0219\u021b", "\u015f\u0163"), str.maketrans("ășțâî", "astai")]

BASE = set(range(0, 20)) | set(range(20, 100, 10)) | set(range(100, 1000, 100))


def num2words_table(lang, spec):
    """The number words of a language num2words spells: {word: (value, role)}."""
    from num2words import num2words

    words = {}

    def put(w, entry):
        old = words.get(w)
        if old is not None and old != entry:
            print(f"{lang}: {w!r} is both {old} and {entry}; keeping {old}", file=sys.stderr)
            return
        words[w] = entry

    for n in sorted(BASE):
        parts = num2words(n, lang=lang).lower().split()
        if len(parts) == 1:
            put(parts[0], (n, "add"))
            continue
        if len(parts) != 2:
            continue
        unit, second = parts
        if unit not in words:
            # The form a unit takes before "hundred" ("două sute", "o sută").
            put(unit, (n // 100 if n % 100 == 0 else n % 10, "add"))
        u = words[unit][0] or 1
        if n == u * 100:
            put(second, (100, "hundred"))
        elif n == u * 10:
            put(second, (10, "tens"))
        elif n == u + 10:
            put(second, (10, "add"))
    for n, forms in spec.get("extra", {}).items():
        for w in forms.split():
            put(w, (n, "add"))
    for w in spec.get("hundred", "").split():
        put(w, (100, "hundred"))
    for w in spec.get("and", "").split():
        put(w, (0, "and"))
    for value, forms in spec["scales"].items():
        for w in forms.split():
            put(w, (value, "scale"))
    if lang == "ro":
        for w, entry in list(words.items()):
            for spelling in RO_SPELLINGS:
                if w.translate(spelling) not in words:
                    words[w.translate(spelling)] = entry
    return words


def write(lang, words, source, check, stale):
    path = os.path.join(HERE, "data", "numbers", f"{lang}.tsv")
    text = (f"# Cardinal number words ({lang}): word, value, role. Generated by scripts/gen-number-words.py\n"
            f"# from {source} and hand-listed scale words.\n"
            + "".join(f"{w}\t{words[w][0]}\t{words[w][1]}\n" for w in sorted(words)))
    if check:
        with open(path, encoding="utf-8") as f:
            if f.read() != text:
                stale.append(path)
        return
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
    print(f"wrote {path} ({len(words)} words)")


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    try:
        from importlib.metadata import PackageNotFoundError, version
        if version("num2words") != "0.5.14":
            raise ImportError(version("num2words"))
        for lang, spec in NUM2WORDS.items():
            write(lang, num2words_table(lang, spec), "the num2words 0.5.14 spellouts", check, stale)
    except (ImportError, PackageNotFoundError):
        print("SKIPPED: num2words 0.5.14 is not installed (pip install num2words==0.5.14), so "
              + ", ".join(NUM2WORDS) + " were not regenerated", file=sys.stderr)
    if not os.path.isdir(SRC):
        print(f"gen-number-words: {SRC} not found: the CLDR spellout tables in ../shared are needed", file=sys.stderr)
        return 2
    for lang, scales in SCALES.items():
        words = {}
        with open(os.path.join(SRC, f"{lang}.tsv"), encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            for line in f:
                cols = line.rstrip("\n").split("\t")
                n = int(cols[0])
                if n not in BASE:
                    continue
                for name, text in zip(header[1:], cols[1:]):
                    if "year" in name or not text:
                        continue
                    parts = text.strip().lower().split()
                    if len(parts) == 2 and n % 100 == 0 and n >= 200:
                        # "dvě stě", "tři sta": the second word multiplies by a hundred.
                        words[parts[1]] = (100, "hundred")
                        continue
                    if len(parts) != 1:
                        continue
                    w = parts[0]
                    old = words.get(w)
                    if old is not None and old[0] != n:
                        print(f"{lang}: {w!r} is both {old[0]} and {n}; keeping {old[0]}", file=sys.stderr)
                        continue
                    words[w] = (n, "add")
        oblique = [(n, w, "add") for n, forms in OBLIQUE.get(lang, {}).items() for w in forms.split()]
        oblique += [(n, w, "add") for n, forms in COLLECTIVE.get(lang, {}).items() for w in forms.split()]
        oblique += [(100, w, "hundred") for w in OBLIQUE_HUNDRED.get(lang, "").split()]
        for n, w, role in oblique:
            old = words.get(w)
            if old is not None and old != (n, role):
                print(f"{lang}: {w!r} is both {old} and {(n, role)}; keeping {old}", file=sys.stderr)
                continue
            words[w] = (n, role)
        for value, forms in scales.items():
            for w in forms.split():
                words[w] = (value, "scale")
        write(lang, words, "the CLDR/ICU spellout tables (Unicode License v3)", check, stale)
    if check:
        for path in stale:
            print(f"gen-number-words: {path} differs from what the generator makes: run it", file=sys.stderr)
        print("number word tables: " + ("stale" if stale else "up to date"))
        return 1 if stale else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Generate glossaries/countries.json, the concord glossary of ISO 3166-1 country names.

Reads:
  * CLDR territory names through the Python package Babel (tested with babel==2.19.0;
    install it with `pip install babel==2.19.0`);
  * Debian's iso-codes package (`apt-get install iso-codes`, tested with 4.15.0):
    /usr/share/iso-codes/json/iso_3166-1.json for the list of countries and their English
    name, common_name and official_name, and
    /usr/share/locale/<lang>/LC_MESSAGES/iso_3166-1.mo for their translations (gettext);
  * scripts/countries-overrides.json, the hand-kept exceptions: news forms that replace a
    CLDR disambiguation label or follow English wire style, extra admitted forms, outdated
    or wrong forms to deprecate, and iso-codes translations to leave out.

Writes:
  glossaries/countries.json (format concord-glossary/1, name "countries"): one entry per
  ISO 3166-1 code, id "country-xx", kind "place", with sections for the languages in LANGS.
  Per language the preferred form is the CLDR name unless the overrides replace it; the
  admitted forms are the CLDR name (when replaced), the iso-codes name, common_name and
  official_name in that language, and the overrides' additions; deprecated forms come only
  from the overrides.

Run from anywhere:  python3 scripts/gen-countries.py [--output PATH] [--check]
  --check  regenerates in memory and exits 1 if the file on disk differs (for CI).
The output is deterministic: entries sorted by id, fixed key order, 2-space indent,
UTF-8 (ensure_ascii=False), trailing newline.
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
import unicodedata
from pathlib import Path

BABEL_PIN = "2.19.0"
LANGS = ["en", "es", "fr", "de", "it", "pt", "ru", "nl", "pl", "tr", "uk", "sv"]
ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
LOCALE_DIR = Path("/usr/share/locale")
REPO = Path(__file__).resolve().parent.parent
OVERRIDES = REPO / "scripts" / "countries-overrides.json"
OUTPUT = REPO / "glossaries" / "countries.json"

# Conjunctions that make "A, B and C" a list (a real name), not an inverted catalogue form
# such as "Korea, Republic of" or "Åland, Îles".
CONJUNCTIONS = {"and", "y", "e", "ed", "et", "und", "en", "i", "ve", "och", "и", "і", "та"}
# Disambiguation labels CLDR uses instead of names: "Congo - Kinshasa", "Myanmar (Burma)",
# "Hong Kong SAR China" and its translations.
LABEL = re.compile(
    r" [-–] |[()]|\bSAR\b|\bRAE\b|\bRAS\b|R\.A\.S\.|\bSRA\b|\bÖİB\b|\bОАР\b|\bСАР\b"
)
APOSTROPHES = "'\u2019\u02bc\u2018\u00b4`\u02b9"
SECTION_KEYS = {"preferred", "admitted", "deprecated", "exclude"}


def die(msg: str) -> None:
    print(f"gen-countries: error: {msg}", file=sys.stderr)
    sys.exit(1)


try:
    from babel import Locale
    from babel.core import get_cldr_version
except ImportError:
    die(f"the Python package Babel is missing; install it with `pip install babel=={BABEL_PIN}`")


def clean(s: str) -> str:
    """NFC, no stress marks, single spaces, no outer spaces."""
    # Drop the stress accents iso-codes puts on some Russian words ("Респу́блика"), and
    # only those: an acute on a Latin letter is part of the spelling.
    chars = unicodedata.normalize("NFD", s)
    s = "".join(
        c for i, c in enumerate(chars)
        if not (c == "\u0301" and i and "CYRILLIC" in unicodedata.name(chars[i - 1], ""))
    )
    s = unicodedata.normalize("NFC", s)
    return re.sub(r"\s+", " ", s).strip()


def key(s: str) -> str:
    """How concord compares forms: case-folded, every apostrophe the same."""
    s = unicodedata.normalize("NFC", s).casefold()
    return "".join("'" if c in APOSTROPHES else c for c in s)


def expand_ru(s: str) -> str:
    """CLDR Russian abbreviates islands: 'о-ва' = 'острова', 'о-в' = 'остров'."""
    s = re.sub(r"(?<!\w)о-ва(?!\w)", "острова", s)
    s = re.sub(r"(?<!\w)о-в(?!\w)", "остров", s)
    return s[:1].upper() + s[1:] if s.startswith("остров") else s


def uninvert_en(s: str) -> str | None:
    """'Korea, Republic of' -> 'Republic of Korea'; other inverted forms -> None."""
    head, _, tail = s.partition(", ")
    if tail.endswith(" of") or tail.endswith(" of the"):
        out = f"{tail} {head}"
        return out[4:] if out.startswith("The ") else out
    return None


def iso_forms(lang: str, country: dict, tr) -> list[str]:
    """The iso-codes name, common_name and official_name in `lang`, usable as text forms."""
    out = []
    for field in ("name", "common_name", "official_name"):
        if field not in country:
            continue
        src = country[field]
        form = src if lang == "en" else tr.gettext(src)
        if lang != "en" and form == src:
            out.append(("untranslated", form))
            continue
        form = clean(form)
        if lang == "en" and form.startswith("the "):
            form = form[4:]
        if lang == "fr" and form.startswith("l'") and form[2:3].isupper():
            form = form[2:]
        if ", " in form:
            tail = form.split(", ", 1)[1]
            if not (set(tail.split()) & CONJUNCTIONS):  # inverted catalogue form
                form = uninvert_en(form) if lang == "en" else None
                if form is None:
                    continue
        if LABEL.search(form):
            continue
        out.append(("ok", form))
    return out


def load_overrides() -> tuple[dict, set]:
    data = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    countries = data.get("countries", {})
    for code, langs in countries.items():
        for lang, section in langs.items():
            if lang.startswith("_"):
                continue
            if lang not in LANGS:
                die(f"{OVERRIDES.name}: {code}: unknown language {lang!r}")
            bad = set(section) - SECTION_KEYS
            if bad:
                die(f"{OVERRIDES.name}: {code}.{lang}: unknown keys {sorted(bad)}")
    return countries, set(data.get("case_sensitive", []))


def build() -> dict:
    if not ISO_JSON.exists():
        die(f"{ISO_JSON} not found; install Debian's iso-codes (`apt-get install iso-codes`)")
    countries = json.loads(ISO_JSON.read_text(encoding="utf-8"))["3166-1"]
    overrides, case_sensitive = load_overrides()
    known = {c["alpha_2"] for c in countries}
    for code in list(overrides) + sorted(case_sensitive):
        if code not in known:
            die(f"{OVERRIDES.name}: {code} is not an ISO 3166-1 alpha-2 code")

    cldr = {lang: Locale.parse(lang).territories for lang in LANGS}
    trans = {}
    for lang in LANGS[1:]:
        try:
            trans[lang] = gettext.translation("iso_3166-1", localedir=str(LOCALE_DIR), languages=[lang])
        except FileNotFoundError:
            die(f"no iso_3166-1 translation for {lang!r} under {LOCALE_DIR}; install iso-codes")

    entries = []
    for country in countries:
        code = country["alpha_2"]
        terms = {}
        for lang in LANGS:
            ov = overrides.get(code, {}).get(lang, {})
            name = cldr[lang].get(code)
            if name is None:
                die(f"CLDR has no {lang} name for {code}")
            name = clean(name)
            if lang == "ru":
                name = expand_ru(name)
            if lang == "en":
                name = name.replace(" & ", " and ")
            preferred = clean(ov.get("preferred", name))
            if LABEL.search(preferred) and "preferred" not in ov:
                die(f"CLDR {lang} name for {code} looks like a label ({preferred!r}); "
                    f"add a preferred form to {OVERRIDES.name}")

            candidates = []
            if cldr[lang][code] != preferred:
                # the raw CLDR name: the '&' or 'о-ва' form, or the one an override replaced
                candidates.append(clean(cldr[lang][code]))
            for status, form in iso_forms(lang, country, trans.get(lang)):
                if status == "untranslated" and key(form) != key(preferred):
                    continue  # English text left in a translation file
                candidates.append(form)
            excluded = {key(x) for x in ov.get("exclude", [])}
            seen = {key(preferred)}
            admitted = []
            for form in candidates:
                if LABEL.search(form) or key(form) in excluded or key(form) in seen:
                    continue
                seen.add(key(form))
                admitted.append(form)
            for form in ov.get("admitted", []):  # hand-kept: trusted as written
                form = clean(form)
                if key(form) not in seen:
                    seen.add(key(form))
                    admitted.append(form)
            deprecated = []
            for form in ov.get("deprecated", []):
                form = clean(form)
                if key(form) in seen:
                    die(f"{code}.{lang}: deprecated {form!r} repeats a form of this section")
                seen.add(key(form))
                deprecated.append(form)

            section = {"preferred": preferred}
            if admitted:
                section["admitted"] = admitted
            if deprecated:
                section["deprecated"] = deprecated
            terms[lang] = section

        entry = {
            "id": f"country-{code.lower()}",
            "kind": "place",
            "note": f"ISO 3166-1 alpha-2 {code}, alpha-3 {country['alpha_3']}",
        }
        if code in case_sensitive:
            entry["case"] = "sensitive"
        entry["terms"] = terms
        entries.append(entry)

    entries.sort(key=lambda e: e["id"])
    check_cross_entry(entries)
    return {
        "format": "concord-glossary/1",
        "name": "countries",
        # The data's version is the CLDR release the names come from.
        "version": f"cldr-{get_cldr_version()}",
        "description": "ISO 3166-1 countries and territories: CLDR and iso-codes names, news forms "
                       "and outdated names (generated by scripts/gen-countries.py)",
        "entries": entries,
    }


def check_cross_entry(entries: list[dict]) -> None:
    """No deprecated form may be a correct form of any entry in the same language."""
    correct = {}
    for e in entries:
        for lang, sec in e["terms"].items():
            for form in [sec["preferred"], *sec.get("admitted", [])]:
                correct.setdefault((lang, key(form)), e["id"])
    for e in entries:
        for lang, sec in e["terms"].items():
            for form in sec.get("deprecated", []):
                other = correct.get((lang, key(form)))
                if other:
                    die(f"{e['id']}.{lang}: deprecated {form!r} is a correct form of {other}")


def render(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--output", type=Path, default=OUTPUT)
    ap.add_argument("--check", action="store_true", help="exit 1 if the output file is stale")
    args = ap.parse_args()
    text = render(build())
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            die(f"{args.output} is out of date; run scripts/gen-countries.py")
        print(f"{args.output}: up to date")
        return
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(json.loads(text)['entries'])} entries)")


if __name__ == "__main__":
    main()

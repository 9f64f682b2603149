//! Ordinals: the suffixes that turn digits into an ordinal ("1st", "1.º", "1er", "3e", "1-й")
//! and the ordinal words news text writes ("first", "primera", "dritten", "первый"), from
//! `data/numbers/ordinals.tsv`.

// Looked up for every word of every text: foldhash, not SipHash.
use foldhash::HashMap;
use std::sync::OnceLock;

use super::digits::{Digits, writes_dotted};
use super::quantity::Quantity;
use super::words::apostrophes;

/// An ordinal word's value, and whether it only counts after a determiner.
#[derive(Debug, Clone, Copy)]
pub(super) struct OrdinalWord {
    pub value: u64,
    pub needs_determiner: bool,
}

fn table() -> &'static HashMap<(&'static str, &'static str), OrdinalWord> {
    static T: OnceLock<HashMap<(&'static str, &'static str), OrdinalWord>> = OnceLock::new();
    T.get_or_init(|| {
        include_str!("../../data/numbers/ordinals.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                let value = cols.get(2)?.parse().ok()?;
                Some((
                    (cols[0], cols[1]),
                    OrdinalWord {
                        value,
                        needs_determiner: cols.get(3) == Some(&"det"),
                    },
                ))
            })
            .collect()
    })
}

/// The ordinal a lowercase word spells in `lang`, if any: a word of the table, or a declined
/// one (a stem and an adjective ending, in the languages whose ordinals decline).
pub(super) fn ordinal_word(lang: &str, key: &str) -> Option<OrdinalWord> {
    table()
        .get(&(lang, key))
        .copied()
        .or_else(|| declined_ordinal(lang, key))
}

/// Ordinal stems by language, and each language's adjective endings, longest first.
struct Declined {
    /// Per language, so that a stem is looked up without building a key.
    stems: HashMap<&'static str, HashMap<String, u64>>,
    endings: HashMap<&'static str, Vec<&'static str>>,
}

fn declined() -> &'static Declined {
    static T: OnceLock<Declined> = OnceLock::new();
    T.get_or_init(|| {
        let rows = |text: &'static str| {
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(|l| l.split('\t').collect::<Vec<_>>())
        };
        let mut stems: HashMap<&'static str, HashMap<String, u64>> = HashMap::default();
        for c in rows(include_str!("../../data/numbers/ordinal-stems.tsv")) {
            if let (Some(stem), Some(Ok(value))) = (c.get(1), c.get(2).map(|v| v.parse())) {
                stems
                    .entry(c[0])
                    .or_default()
                    .insert(apostrophes(stem), value);
            }
        }
        let endings = rows(include_str!("../../data/numbers/adjective-endings.tsv"))
            .filter_map(|c| {
                let mut e: Vec<&str> = c.get(1)?.split(' ').filter(|e| !e.is_empty()).collect();
                e.sort_by_key(|e| std::cmp::Reverse(e.len()));
                Some((c[0], e))
            })
            .collect();
        Declined { stems, endings }
    })
}

/// The endings an adjective of `lang` takes (`data/numbers/adjective-endings.tsv`), longest
/// first.
pub(super) fn adjective_endings(lang: &str) -> &'static [&'static str] {
    declined().endings.get(lang).map_or(&[], Vec::as_slice)
}

/// "szóstą", "trzydziestych", "п’ятого": a stem of `ordinal-stems.tsv` and an ending.
fn declined_ordinal(lang: &str, key: &str) -> Option<OrdinalWord> {
    let d = declined();
    let endings = d.endings.get(lang)?;
    let stems = d.stems.get(lang)?;
    let key = if key.chars().any(crate::normalize::is_apostrophe) {
        std::borrow::Cow::Owned(apostrophes(key))
    } else {
        std::borrow::Cow::Borrowed(key)
    };
    endings.iter().find_map(|e| {
        let stem = key.strip_suffix(e)?;
        let value = *stems.get(stem)?;
        Some(OrdinalWord {
            value,
            needs_determiner: false,
        })
    })
}

/// A table of `language<TAB>word<TAB>value` rows (comments start with `#`), keyed by language
/// and word.
pub(super) fn valued_words(text: &'static str) -> HashMap<(&'static str, &'static str), f64> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            Some(((*cols.first()?, *cols.get(1)?), cols.get(2)?.parse().ok()?))
        })
        .collect()
}

/// The number a word implies ("decade" 10, "quintuple" 5, "une quarantaine" 40), from
/// `data/numbers/implied.tsv`.
pub(super) fn implied_number(lang: &str, key: &str) -> Option<f64> {
    static T: OnceLock<HashMap<(&'static str, &'static str), f64>> = OnceLock::new();
    T.get_or_init(|| valued_words(include_str!("../../data/numbers/implied.tsv")))
        .get(&(lang, key))
        .copied()
}

/// Determiners after which an ambiguous ordinal ("second", "segundo", "quarto") is one.
pub(super) fn is_determiner(lang: &str, key: &str) -> bool {
    let list: &[&str] = match lang {
        "en" => &["the", "its", "his", "her", "their", "our", "my", "your"],
        "es" => &["el", "la", "los", "las", "del", "al", "su", "sus"],
        "fr" => &["le", "la", "les", "du", "au", "sa", "son", "ses", "leur"],
        "it" => &[
            "il", "lo", "la", "i", "gli", "le", "del", "della", "al", "alla", "nel", "nella",
            "suo", "sua",
        ],
        "pt" => &[
            "o", "a", "os", "as", "do", "da", "no", "na", "ao", "seu", "sua",
        ],
        _ => &[],
    };
    list.contains(&key)
}

/// Words after which an ordinal is part of a title, not a count: "premier ministre",
/// "primer ministro" (the English "prime minister" has no number in it).
pub(super) fn is_title_after_ordinal(key: &str) -> bool {
    matches!(
        key,
        "ministre" | "ministro" | "ministra" | "minister" | "ministerin" | "министр"
    )
}

/// Words that open a German sentence: after "… 30." they mean the full stop ended it.
const DE_STARTERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "er", "sie", "es", "ich", "wir",
    "ihr", "man", "und", "aber", "doch", "dann", "so", "im", "in", "am", "an", "auf", "bei", "mit",
    "nach", "seit", "vor", "für", "zum", "zur", "auch", "nun", "damit", "dabei", "dies", "diese",
    "dieser", "als", "wie", "wenn", "da", "laut", "nur", "noch", "zudem",
];

/// A full stop that makes the digits before it an ordinal (its length, 1), in the languages
/// that write ordinals so: a word follows on the same line, lowercase ("3. miejsce") or, in
/// German, a noun that does not open a sentence ("1. Platz", not "… 30. Dann").
pub(super) fn dotted_ordinal(lang: &str, digits: &str, after: &str) -> Option<usize> {
    if !writes_dotted(lang) || digits.len() > 3 || !after.starts_with('.') {
        return None;
    }
    let rest = after[1..].strip_prefix([' ', '\u{a0}'])?;
    let word: String = rest
        .chars()
        .take_while(|c| crate::chars::is_alphabetic(*c))
        .collect();
    let first = word.chars().next()?;
    let ordinal = first.is_lowercase()
        || (lang == "de" && !DE_STARTERS.contains(&word.to_lowercase().as_str()));
    ordinal.then_some(1)
}

/// The length in bytes of an ordinal suffix at the start of `after` (the text right after a
/// number's digits), if there is one and nothing alphanumeric follows it.
pub(super) fn digit_suffix(lang: &str, after: &str) -> Option<usize> {
    let suffixes: &[&str] = match lang {
        "en" => &["st", "nd", "rd", "th"],
        "es" | "pt" | "it" | "gl" | "ca" => &[".º", ".ª", "º", "ª"],
        "fr" => &["ème", "eme", "ᵉʳ", "ᵉ", "er", "re", "e"],
        "nl" => &["ste", "de", "e"],
        "ru" | "uk" => &[
            "-й", "-я", "-е", "-го", "-му", "-м", "-ю", "-х", "-ый", "-ой", "-ая", "-ое", "-ий",
        ],
        _ => &[],
    };
    suffixes.iter().find_map(|s| {
        let rest = after.get(s.len()..)?;
        let matches = after[..s.len()].to_lowercase() == *s;
        (matches && !rest.starts_with(|c: char| crate::chars::is_alphanumeric(c)))
            .then_some(s.len())
    })
}

/// An ordinal suffix after digits ("1st", "1.º", "1er", "1-й", "3. Platz") ends the quantity:
/// whether there was one.
pub(super) fn ordinal_after_digits(text: &str, lang: &str, d: &Digits, q: &mut Quantity) -> bool {
    let after = &text[q.span.end..];
    let Some(n) =
        digit_suffix(lang, after).or_else(|| dotted_ordinal(lang, &text[d.span.clone()], after))
    else {
        return false;
    };
    q.span.end += n;
    q.ordinal = true;
    q.as_written = q.value;
    true
}

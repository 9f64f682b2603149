//! Normal forms used for matching: NFC, case folding, apostrophes, and an ASCII transliteration
//! for comparing names across scripts and diacritics.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Characters writers use as an apostrophe: straight, typographic, modifier letter, accents.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}' | '\u{00B4}' | '`' | '\u{02B9}'
    )
}

/// Hyphens that join the parts of a compound name (not dashes, which are punctuation).
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Appends the matching key of `word` to `out`: NFC, then lowercase, with Russian "ё"
/// written as "е" (as most Russian text does).
pub fn push_folded(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    } else if is_nfc_quick(word.chars()) == IsNormalized::Yes {
        out.extend(word.chars().flat_map(char::to_lowercase).map(fold_yo));
    } else {
        out.extend(word.nfc().flat_map(char::to_lowercase).map(fold_yo));
    }
}

fn fold_yo(c: char) -> char {
    if c == 'ё' { 'е' } else { c }
}

pub fn folded(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    push_folded(word, &mut s);
    s
}

/// Appends `word` in NFC (case kept), for case-sensitive comparisons.
pub fn push_nfc(word: &str, out: &mut String) {
    if word.is_ascii() || is_nfc_quick(word.chars()) == IsNormalized::Yes {
        out.push_str(word);
    } else {
        out.extend(word.nfc());
    }
}

pub fn nfc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_nfc(s, &mut out);
    out
}

/// Lowercase ASCII letters and digits of a transliteration: "Тихановская" → "tikhanovskaia",
/// "Garibachvili" → "garibachvili", "Erdoğan" → "erdogan".
pub fn ascii_key(word: &str) -> String {
    let word: String = word
        .chars()
        .map(|c| match c {
            'ё' => 'е',
            'Ё' => 'Е',
            c => c,
        })
        .collect();
    deunicode::deunicode(&word)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_is_nfc_and_lowercase() {
        assert_eq!(folded("KYIV"), "kyiv");
        assert_eq!(folded("Mosc\u{0075}\u{0301}"), "moscú");
        assert_eq!(folded("ÉMIRATS"), "émirats");
        assert_eq!(folded("Тихановская"), "тихановская");
    }

    #[test]
    fn russian_yo_folds_to_ye() {
        assert_eq!(folded("Объединённых"), folded("Объединенных"));
        assert_eq!(ascii_key("Объединённых"), ascii_key("Объединенных"));
    }

    #[test]
    fn ascii_key_transliterates() {
        assert_eq!(ascii_key("Erdoğan"), "erdogan");
        assert_eq!(ascii_key("Гарибашвили"), "garibashvili");
        assert_eq!(ascii_key("O’Brien"), "obrien");
    }
}

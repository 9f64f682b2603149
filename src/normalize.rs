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
/// written as "е" (as most Russian text does). Invisible characters are left out and a word
/// that mixes Latin, Greek and Cyrillic look-alikes is read in its main script, so that "Ki­ev"
/// with a soft hyphen and "Kiеv" with a Cyrillic "е" are both the word "kiev".
pub fn push_folded(word: &str, out: &mut String) {
    push_folded_repairing(word, out);
}

/// [`push_folded`], and whether the word mixed look-alike letters of several scripts (and was
/// read in its main one): what [`homoglyphs`] finds, found once.
pub fn push_folded_repairing(word: &str, out: &mut String) -> bool {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return false;
    }
    let repaired;
    let mixed;
    let word = match homoglyphs(word) {
        Some(m) => {
            repaired = m.repaired;
            mixed = true;
            repaired.as_str()
        }
        None => {
            mixed = false;
            word
        }
    };
    let visible = word.chars().filter(|&c| !is_invisible(c));
    let mut push = |c: char| crate::chars::lowercase(c, |l| out.push(fold_yo(l)));
    if word.chars().all(crate::chars::is_nfc_stable)
        || is_nfc_quick(word.chars()) == IsNormalized::Yes
    {
        visible.for_each(&mut push);
    } else {
        visible.nfc().for_each(&mut push);
    }
    mixed
}

/// Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties): characters that show
/// nothing, such as the zero-width space and joiners, the soft hyphen, directional marks,
/// variation selectors and tags. Checked against the UTS #39 tables of `unicode-security`
/// (whose skeletons drop exactly these) by a test over every code point.
const DEFAULT_IGNORABLE: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
];

/// Whether `c` is an invisible (default-ignorable) character.
pub fn is_invisible(c: char) -> bool {
    let c = c as u32;
    // Below the Hangul fillers (Latin to Georgian: Greek, Cyrillic, Hebrew, Arabic, the Indic
    // scripts, Thai) only three characters are invisible: asked of every character of every
    // word, so answered without the search.
    if c < 0x115F {
        return c == 0xAD || c == 0x34F || c == 0x61C;
    }
    let i = DEFAULT_IGNORABLE.partition_point(|&(_, hi)| hi < c);
    DEFAULT_IGNORABLE.get(i).is_some_and(|&(lo, _)| lo <= c)
}

/// The scripts whose letters are confused with one another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LookAlike {
    Latin,
    Cyrillic,
    Greek,
}

impl LookAlike {
    pub fn of(c: char) -> Option<LookAlike> {
        // Every letter of every document comes here: the memoised look-up, not the script
        // table's binary search (the same answers).
        crate::chars::alphabet(c).map(|a| match a {
            crate::chars::Alphabet::Latin => LookAlike::Latin,
            crate::chars::Alphabet::Cyrillic => LookAlike::Cyrillic,
            crate::chars::Alphabet::Greek => LookAlike::Greek,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            LookAlike::Latin => "Latin",
            LookAlike::Cyrillic => "Cyrillic",
            LookAlike::Greek => "Greek",
        }
    }
}

/// A word written in two of Latin, Cyrillic and Greek, with look-alike letters of the other
/// script(s) replaced by their counterparts in its main script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Homoglyphs {
    pub main: LookAlike,
    pub repaired: String,
    /// The replaced letters: (byte offset in the word, the letter, its script).
    pub replaced: Vec<(usize, char, LookAlike)>,
}

/// The word read in its main script, when it mixes scripts and some letter of another script
/// is a look-alike (same UTS #39 skeleton) of a letter of the main one: "Kiеv" → "Kiev",
/// "Москвa" → "Москва". Words that mix scripts without look-alikes ("μg") are not repaired.
pub fn homoglyphs(word: &str) -> Option<Homoglyphs> {
    let mut counts = [0usize; 3];
    for c in word.chars() {
        if let Some(s) = LookAlike::of(c) {
            counts[s as usize] += 1;
        }
    }
    if counts.iter().filter(|&&n| n > 0).count() < 2 {
        return None;
    }
    let main = [LookAlike::Latin, LookAlike::Cyrillic, LookAlike::Greek]
        .into_iter()
        .max_by_key(|s| (counts[*s as usize], std::cmp::Reverse(*s as usize)))?;
    let mut repaired = String::with_capacity(word.len());
    let mut replaced = Vec::new();
    for (i, c) in word.char_indices() {
        match LookAlike::of(c)
            .filter(|&s| s != main)
            .and_then(|s| counterpart(c, main).map(|r| (s, r)))
        {
            Some((script, r)) => {
                repaired.push(r);
                replaced.push((i, c, script));
            }
            None => repaired.push(c),
        }
    }
    (!replaced.is_empty()).then_some(Homoglyphs {
        main,
        repaired,
        replaced,
    })
}

/// The letter of `script` that looks like `c` (the same skeleton), of the same case.
fn counterpart(c: char, script: LookAlike) -> Option<char> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    type Table = HashMap<(String, LookAlike), Vec<char>>;
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: Table = HashMap::new();
        let blocks = [
            (0x41, 0x24F),
            (0x370, 0x3FF),
            (0x400, 0x52F),
            (0x1E00, 0x1FFF),
        ];
        for (lo, hi) in blocks {
            for c in (lo..=hi).filter_map(char::from_u32) {
                if let Some(s) = LookAlike::of(c) {
                    t.entry((skeleton(c), s)).or_default().push(c);
                }
            }
        }
        t
    });
    let found = table.get(&(skeleton(c), script))?;
    found
        .iter()
        .copied()
        .find(|r| crate::chars::is_uppercase(*r) == crate::chars::is_uppercase(c))
}

fn skeleton(c: char) -> String {
    unicode_security::skeleton(c.encode_utf8(&mut [0; 4])).collect()
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
    fn the_invisible_table_is_unicodes_default_ignorable_set() {
        // UTS #39 skeletons drop exactly the default-ignorable code points.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let empty = unicode_security::skeleton(c.encode_utf8(&mut [0; 4]))
                .next()
                .is_none();
            assert_eq!(is_invisible(c), empty, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn invisible_characters_and_look_alikes_do_not_change_the_key() {
        for hidden in [
            "Ki\u{AD}ev",
            "Ki\u{200D}ev",
            "\u{200E}Kiev",
            "KI\u{0415}V",
            "Ki\u{0435}v",
        ] {
            assert_eq!(folded(hidden), "kiev", "{hidden:?}");
        }
        assert_eq!(folded("Москв\u{61}"), "москва");
        assert_eq!(folded("μg"), "μg");
        assert_eq!(folded("Ελλάδα"), "ελλάδα");
        let h = homoglyphs("Ki\u{0435}v").unwrap();
        assert_eq!((h.main, h.repaired.as_str()), (LookAlike::Latin, "Kiev"));
        assert_eq!(h.replaced, [(2, '\u{0435}', LookAlike::Cyrillic)]);
        assert_eq!(homoglyphs("Kiev"), None);
        assert_eq!(homoglyphs("Київ"), None);
    }

    #[test]
    fn ascii_key_transliterates() {
        assert_eq!(ascii_key("Erdoğan"), "erdogan");
        assert_eq!(ascii_key("Гарибашвили"), "garibashvili");
        assert_eq!(ascii_key("O’Brien"), "obrien");
    }
}

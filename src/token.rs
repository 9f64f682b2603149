//! Words of a document's prose with their byte spans, matching keys and the separator before
//! each, so that multiword matching can tell "Nagorno Karabakh" from "Nagorno-Karabakh".

use std::ops::Range;

use crate::chars;
use crate::markup::BLANK;
use crate::normalize::{is_apostrophe, is_hyphen, push_folded_repairing};

/// What separates a word from the word before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gap {
    /// Whitespace within a paragraph (line breaks included).
    Space,
    /// A hyphen with no space around it, as in "Nagorno-Karabakh".
    Hyphen,
    /// An apostrophe inside a word: "Blinken's", "l'ONU", "O'Brien".
    Apostrophe,
    /// Anything else: punctuation, a paragraph boundary, the start of the text.
    Break,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    key: (u32, u32),
    /// The separator between the previous token and this one.
    pub gap: Gap,
    /// The first character is an uppercase (or titlecase) letter.
    pub capitalized: bool,
    /// Every letter is uppercase and there are at least two: an acronym such as "NATO".
    pub all_caps: bool,
    /// The token starts a sentence (or a paragraph, heading or list item).
    pub sentence_initial: bool,
    /// Every character is a letter.
    pub alphabetic: bool,
    /// Letters of several of Latin, Cyrillic and Greek that look alike ("Kiеv" with a
    /// Cyrillic "е"): the key is the word read in its main script.
    pub lookalikes: bool,
}

impl Token {
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// The tokens of a text, with their folded (NFC, lowercase) keys.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    pub list: Vec<Token>,
    keys: String,
}

impl Tokens {
    pub fn key(&self, i: usize) -> &str {
        let (s, e) = self.list[i].key;
        &self.keys[s as usize..e as usize]
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// Abbreviations after which a full stop does not end a sentence ("Mr. Blinken").
fn is_abbreviation(word: &str) -> bool {
    use std::collections::HashSet;
    use std::sync::OnceLock;
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| crate::data::words(crate::data::ABBREVIATIONS).collect());
    let mut chars = word.chars();
    // A single letter is an initial: "J. K. Rowling".
    if chars.next().is_some_and(crate::chars::is_alphabetic) && chars.next().is_none() {
        return true;
    }
    let lower = word.to_lowercase();
    set.contains(lower.as_str())
}

/// Splits `text` (a prose view: non-prose bytes blanked) into tokens, segment by segment.
pub fn tokenize(text: &str, segments: &[Range<usize>]) -> Tokens {
    let mut out = Tokens {
        list: Vec::with_capacity(text.len() / 6),
        keys: String::with_capacity(text.len()),
    };
    for seg in segments {
        tokenize_segment(text, seg.clone(), &mut out);
    }
    out
}

/// Tokens of a short standalone text, such as a glossary form.
pub fn tokenize_str(text: &str) -> Tokens {
    if let Some(tokens) = tokenize_plain(text) {
        return tokens;
    }
    let whole = 0..text.len();
    tokenize(text, std::slice::from_ref(&whole))
}

/// How many tokens `text` has, with the key of the first pushed onto `key`: what
/// [`tokenize_str`] says, without building the tokens of a plain form. 0 (and nothing pushed)
/// for a text without tokens.
pub fn first_word_key(text: &str, key: &mut String) -> usize {
    let mut words = 0;
    let mut first = "";
    let plain = text.split([' ', '-']).all(|word| {
        words += 1;
        if words == 1 {
            first = word;
        }
        !word.is_empty() && word.chars().all(is_plain_letter)
    });
    if plain {
        push_folded_repairing(first, key);
        return words;
    }
    let tokens = tokenize_str(text);
    if !tokens.is_empty() {
        key.push_str(tokens.key(0));
    }
    tokens.len()
}

/// A letter that word segmentation never separates from the letters beside it (UAX 29 ALetter
/// of the Latin, Greek and Cyrillic blocks, none of them an apostrophe or a mark).
fn is_plain_letter(c: char) -> bool {
    // The memoised table: a termbase's forms ask this of every letter, and the standard
    // library's search per Cyrillic or accented letter cost more than the rest of a form.
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{0370}'..='\u{03FF}' | '\u{0400}'..='\u{04FF}')
            && chars::is_alphabetic(c))
}

/// [`tokenize_str`] of a text of plain letters in words joined by single spaces or hyphens,
/// as most glossary forms are ("Nagorno-Karabakh", "Antony Blinken"), without segmenting it:
/// a 100,000-entry glossary tokenizes a million forms. `None` for any other text.
fn tokenize_plain(text: &str) -> Option<Tokens> {
    let mut out = Tokens {
        list: Vec::with_capacity(4),
        keys: String::with_capacity(text.len()),
    };
    let mut gap = GapBuilder::new();
    gap.other = true;
    let mut start = 0;
    loop {
        let rest = &text[start..];
        let len = rest.find([' ', '-']).unwrap_or(rest.len());
        let word = &rest[..len];
        if word.is_empty() || !word.chars().all(is_plain_letter) {
            return None;
        }
        let k0 = out.keys.len() as u32;
        let lookalikes = push_folded_repairing(word, &mut out.keys);
        let k1 = out.keys.len() as u32;
        let shape = Shape::of(word);
        out.list.push(Token {
            start,
            end: start + len,
            key: (k0, k1),
            gap: gap.finish(),
            capitalized: shape.capitalized,
            all_caps: shape.letters >= 2 && shape.upper == shape.letters,
            sentence_initial: out.list.is_empty(),
            alphabetic: shape.letters == shape.chars,
            lookalikes,
        });
        if len == rest.len() {
            return Some(out);
        }
        // The separator is one ASCII byte.
        gap = GapBuilder::new();
        gap.add(&rest[len..len + 1]);
        start += len + 1;
    }
}

fn tokenize_segment(text: &str, seg: Range<usize>, out: &mut Tokens) {
    let base = seg.start;
    let mut gap = GapBuilder::new();
    gap.other = true; // nothing joins the first word of a segment to what came before
    let mut sentence_start = true;
    let mut prev_word: Option<Range<usize>> = None;
    for (off, piece) in words_across_invisibles(&text[seg]) {
        let start = base + off;
        if !is_word(piece) {
            gap.add(piece);
            if piece.contains(['.', '!', '?', '…', '。', '！', '？']) {
                let after_abbrev = piece.starts_with('.')
                    && prev_word
                        .as_ref()
                        .is_some_and(|r| is_abbreviation(&text[r.clone()]));
                if !after_abbrev {
                    sentence_start = true;
                }
            }
            continue;
        }
        // Split at apostrophes inside the word: "Blinken's" → "Blinken" ' "s".
        let mut first = true;
        for (sub_off, sub) in split_apostrophes(piece) {
            let s = start + sub_off;
            let g = if first { gap.finish() } else { Gap::Apostrophe };
            let k0 = out.keys.len() as u32;
            let lookalikes = push_folded_repairing(sub, &mut out.keys);
            let k1 = out.keys.len() as u32;
            let shape = Shape::of(sub);
            out.list.push(Token {
                start: s,
                end: s + sub.len(),
                key: (k0, k1),
                gap: g,
                capitalized: shape.capitalized,
                all_caps: shape.letters >= 2 && shape.upper == shape.letters,
                sentence_initial: first && sentence_start,
                alphabetic: shape.letters == shape.chars,
                lookalikes,
            });
            first = false;
        }
        sentence_start = false;
        prev_word = Some(start..start + piece.len());
        gap = GapBuilder::new();
    }
}

/// UAX 29 word pieces, with words that only an invisible character separates ("Ki\u{200B}ev",
/// a zero-width space inside a word) joined again: the character hides nothing from matching.
fn words_across_invisibles(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pieces = crate::wordbreak::pieces(text);
    std::iter::from_fn(move || {
        let (start, first) = pieces.next()?;
        let mut end = start + first.len();
        if !is_word(first) {
            return Some((start, first));
        }
        // Looking ahead costs a second pass over the next piece: only where one can join.
        while text[end..]
            .chars()
            .next()
            .is_some_and(crate::normalize::is_invisible)
        {
            let mut ahead = pieces.clone();
            let Some((_, gap)) = ahead.next() else { break };
            if !gap.chars().all(crate::normalize::is_invisible) {
                break;
            }
            match ahead.next() {
                Some((o, w)) if is_word(w) => {
                    end = o + w.len();
                    pieces = ahead;
                }
                _ => break,
            }
        }
        Some((start, &text[start..end]))
    })
}

/// Whether a UAX 29 piece is a word (has a letter or digit) rather than space or punctuation.
fn is_word(piece: &str) -> bool {
    if piece.is_ascii() {
        piece.bytes().any(|b| b.is_ascii_alphanumeric())
    } else {
        piece.chars().any(chars::is_alphanumeric)
    }
}

/// Letter counts of a word, in one pass (Unicode property look-ups are the tokenizer's cost).
struct Shape {
    chars: usize,
    letters: usize,
    upper: usize,
    capitalized: bool,
}

impl Shape {
    fn of(word: &str) -> Shape {
        let mut s = Shape {
            chars: 0,
            letters: 0,
            upper: 0,
            capitalized: false,
        };
        if word.is_ascii() {
            for (i, b) in word.bytes().enumerate() {
                s.chars += 1;
                if b.is_ascii_alphabetic() {
                    s.letters += 1;
                    if b.is_ascii_uppercase() {
                        s.upper += 1;
                        s.capitalized |= i == 0;
                    }
                }
            }
            return s;
        }
        let visible = word.chars().filter(|&c| !crate::normalize::is_invisible(c));
        for (i, c) in visible.enumerate() {
            s.chars += 1;
            if chars::is_alphabetic(c) {
                s.letters += 1;
                if chars::is_uppercase(c) {
                    s.upper += 1;
                    s.capitalized |= i == 0;
                }
            }
        }
        s
    }
}

fn split_apostrophes(word: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest_start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let rest = &word[rest_start..];
        match rest.char_indices().find(|&(_, c)| is_apostrophe(c)) {
            Some((i, c)) => {
                let item = (rest_start, &rest[..i]);
                rest_start += i + c.len_utf8();
                Some(item)
            }
            None => {
                done = true;
                Some((rest_start, rest))
            }
        }
    })
    .filter(|(_, s)| !s.is_empty())
}

/// Classifies the characters between two words.
struct GapBuilder {
    space: bool,
    hyphen: bool,
    apostrophe: bool,
    other: bool,
    newlines: usize,
}

impl GapBuilder {
    fn new() -> Self {
        GapBuilder {
            space: false,
            hyphen: false,
            apostrophe: false,
            other: false,
            newlines: 0,
        }
    }

    fn add(&mut self, piece: &str) {
        for c in piece.chars() {
            if c as u32 == BLANK as u32 || crate::normalize::is_invisible(c) {
                continue; // blanked markup separates like a space; an invisible character hides
            }
            if c == '\n' {
                self.newlines += 1;
                self.space = true;
            } else if c.is_whitespace() {
                self.space = true;
            } else if is_hyphen(c) {
                self.hyphen = true;
            } else if is_apostrophe(c) {
                self.apostrophe = true;
            } else {
                self.other = true;
            }
        }
    }

    fn finish(&self) -> Gap {
        if self.other || self.newlines > 1 {
            return Gap::Break;
        }
        match (self.space, self.hyphen, self.apostrophe) {
            (_, false, false) => Gap::Space,
            (false, true, false) => Gap::Hyphen,
            (false, false, true) => Gap::Apostrophe,
            _ => Gap::Break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn segmented(text: &str) -> Tokens {
        tokenize(text, std::slice::from_ref(&(0..text.len())))
    }

    proptest! {
        /// Forms tokenized without segmentation are tokenized as segmentation would.
        #[test]
        fn plain_forms_tokenize_as_segmented(
            chars in proptest::collection::vec(prop_oneof![
                Just('a'), Just('Z'), Just('é'), Just('ß'), Just('İ'), Just('ı'), Just('Ł'),
                Just('Σ'), Just('ς'), Just('ά'), Just('Ж'), Just('ё'), Just('Ё'), Just('ǅ'),
                Just('ʼ'), Just('\u{0301}'), Just(' '), Just('-'), Just('\''), Just('.'),
                Just('1'), Just('а'), Just('o'), Just('ª'),
            ], 0..14)
        ) {
            let text: String = chars.into_iter().collect();
            if let Some(plain) = tokenize_plain(&text) {
                let full = segmented(&text);
                prop_assert_eq!(&plain.list, &full.list);
                prop_assert_eq!(&plain.keys, &full.keys);
            }
            // The first word's key and the count, with or without the short way.
            let mut key = String::from("~");
            let words = first_word_key(&text, &mut key);
            let full = tokenize_str(&text);
            prop_assert_eq!(words, full.len());
            let expected = if full.is_empty() { "~".to_string() } else { format!("~{}", full.key(0)) };
            prop_assert_eq!(key, expected);
        }
    }

    fn letter() -> impl Strategy<Value = char> {
        prop_oneof![
            Just('a'),
            Just('Z'),
            Just('é'),
            Just('ß'),
            Just('İ'),
            Just('ı'),
            Just('Ł'),
            Just('Σ'),
            Just('ς'),
            Just('ά'),
            Just('Ж'),
            Just('ё'),
            Just('Ё'),
            Just('ǅ'),
            Just('а'),
            Just('o'),
            Just('Ǆ'),
            Just('ÿ'),
            Just('Ω'),
            Just('ґ'),
        ]
    }

    proptest! {
        /// Words of plain letters joined by spaces and hyphens: always the short way, always
        /// the same tokens.
        #[test]
        fn plain_words_tokenize_as_segmented(
            words in proptest::collection::vec(proptest::collection::vec(letter(), 1..6), 1..5),
            hyphens in proptest::collection::vec(any::<bool>(), 4),
        ) {
            let mut text = String::new();
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    text.push(if hyphens[i - 1] { '-' } else { ' ' });
                }
                text.extend(w);
            }
            let plain = tokenize_plain(&text);
            prop_assert!(plain.is_some(), "{:?}", text);
            let (plain, full) = (plain.unwrap(), segmented(&text));
            prop_assert_eq!(&plain.list, &full.list);
            prop_assert_eq!(&plain.keys, &full.keys);
        }
    }

    #[test]
    fn plain_letters_are_the_alphabetic_ones_of_their_blocks() {
        for c in ('\0'..='\u{0600}').chain(['\u{1E00}', 'ａ', '\u{10400}']) {
            let expected = c.is_ascii_alphabetic()
                || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{0370}'..='\u{03FF}' | '\u{0400}'..='\u{04FF}')
                    && c.is_alphabetic());
            assert_eq!(is_plain_letter(c), expected, "{c:?}");
        }
    }

    #[test]
    fn plain_forms_take_the_short_way() {
        for form in [
            "Antony Blinken",
            "Nagorno-Karabakh",
            "Зеленский",
            "Ελλάδα",
            "É",
        ] {
            assert!(tokenize_plain(form).is_some(), "{form}");
        }
        for form in [
            "", " a", "a ", "a  b", "a--b", "O'Brien", "U.S.", "G7", "東京",
        ] {
            assert!(tokenize_plain(form).is_none(), "{form}");
        }
    }

    fn keys(t: &Tokens) -> Vec<(&str, Gap)> {
        (0..t.len()).map(|i| (t.key(i), t.list[i].gap)).collect()
    }

    #[test]
    fn hyphen_space_and_apostrophe_gaps() {
        let t = tokenize_str("Nagorno-Karabakh, Antony Blinken’s visit");
        assert_eq!(
            keys(&t),
            [
                ("nagorno", Gap::Break),
                ("karabakh", Gap::Hyphen),
                ("antony", Gap::Break),
                ("blinken", Gap::Space),
                ("s", Gap::Apostrophe),
                ("visit", Gap::Space),
            ]
        );
    }

    #[test]
    fn elision_splits_french_articles() {
        let t = tokenize_str("l'ONU et d’Ivoire");
        let k: Vec<&str> = (0..t.len()).map(|i| t.key(i)).collect();
        assert_eq!(k, ["l", "onu", "et", "d", "ivoire"]);
        assert!(t.list[1].all_caps);
    }

    #[test]
    fn sentence_starts_skip_abbreviations_and_initials() {
        let text = "The talks ended. Mr. Blinken left. J. K. Rowling wrote.";
        let t = tokenize_str(text);
        let initial: Vec<&str> = t
            .list
            .iter()
            .filter(|x| x.sentence_initial)
            .map(|x| &text[x.span()])
            .collect();
        assert_eq!(initial, ["The", "Mr", "J"]);
    }

    #[test]
    fn invisible_characters_neither_split_nor_join_words() {
        let t = tokenize_str("in Ki\u{200B}ev and Nagorno\u{200B}-Karabakh \u{200B}today");
        assert_eq!(
            keys(&t),
            [
                ("in", Gap::Break),
                ("kiev", Gap::Space),
                ("and", Gap::Space),
                ("nagorno", Gap::Space),
                ("karabakh", Gap::Hyphen),
                ("today", Gap::Space),
            ]
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "Moscú y Kyiv";
        let t = tokenize_str(text);
        assert_eq!(&text[t.list[0].span()], "Moscú");
        assert_eq!(&text[t.list[2].span()], "Kyiv");
        assert!(t.list[2].capitalized);
    }
}

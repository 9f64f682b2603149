//! UAX 29 word boundaries, as `unicode-segmentation` finds them, with a fast path for ASCII.
//!
//! The text is cut after each run of ASCII spaces that an ASCII character other than a space,
//! or a plain letter (below), follows: a boundary is certain there (no rule joins a space to a letter, digit or
//! punctuation, and no rule looks back past a space), so each piece can be segmented alone. A
//! piece of ASCII characters and plain letters is segmented here with the rules restricted to
//! those (a table of 128 ASCII categories; a plain letter is any character the crate treats as
//! ALetter, as probed once per block of 64 code points); any other piece goes to
//! `unicode-segmentation`. Most words of alphabetic scripts take the fast path; the answers are
//! the same either way (a property test compares them).

use std::sync::atomic::{AtomicU64, Ordering};

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

const BLOCKS: usize = 0x10000 / 64;
static PLAIN: [AtomicU64; BLOCKS] = [const { AtomicU64::new(0) }; BLOCKS];
static DONE: [AtomicU64; BLOCKS / 64] = [const { AtomicU64::new(0) }; BLOCKS / 64];

/// Whether `unicode-segmentation` treats `c` (not ASCII) as a letter of the ALetter class: it
/// joins a letter before it, is not a mark or format character (which a space before it would
/// keep), not a digit ("1.c"), not a Hebrew letter (which keeps a quote after it) and not a
/// connector ("a.c" is one word). Memoised per block; characters beyond the BMP are not.
fn plain_letter(c: char) -> bool {
    let b = (c as u32 / 64) as usize;
    if b >= BLOCKS {
        return false;
    }
    let done = &DONE[b / 64];
    if done.load(Ordering::Acquire) >> (b % 64) & 1 == 0 {
        let mut bits = 0u64;
        for i in 0..64u32 {
            if let Some(c) = char::from_u32(b as u32 * 64 + i) {
                bits |= u64::from(!c.is_ascii() && probe(c)) << i;
            }
        }
        // Racing threads compute the same bits: storing them twice is harmless.
        PLAIN[b].store(bits, Ordering::Relaxed);
        done.fetch_or(1 << (b % 64), Ordering::Release);
    }
    PLAIN[b].load(Ordering::Relaxed) >> (c as u32 % 64) & 1 == 1
}

fn probe(c: char) -> bool {
    let one = |s: String| s.split_word_bounds().nth(1).is_none();
    one(format!("a{c}"))
        && one(format!("a.{c}"))
        && one(format!("{c}.a"))
        && !one(format!(" {c}"))
        && !one(format!("1.{c}"))
        && !one(format!("{c}'"))
}

/// The word-break category of an ASCII byte (UAX 29, table 3), as far as the rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Cr,
    Lf,
    Newline,
    Space,
    Letter,
    Numeric,
    /// ":"
    MidLetter,
    /// "." and "'" (MidNumLet and Single_Quote are one class for these rules)
    MidNumLetQ,
    /// "," and ";"
    MidNum,
    /// "_"
    ExtendNumLet,
    Other,
}

fn cat(b: u8) -> Cat {
    match b {
        b'\r' => Cat::Cr,
        b'\n' => Cat::Lf,
        0x0B | 0x0C => Cat::Newline,
        b' ' => Cat::Space,
        b'a'..=b'z' | b'A'..=b'Z' => Cat::Letter,
        b'0'..=b'9' => Cat::Numeric,
        b':' => Cat::MidLetter,
        b'.' | b'\'' => Cat::MidNumLetQ,
        b',' | b';' => Cat::MidNum,
        b'_' => Cat::ExtendNumLet,
        _ => Cat::Other,
    }
}

/// Whether there is no boundary before `cats[i]` (`0 < i < len`).
fn joined(cats: &[(usize, Cat)], i: usize) -> bool {
    use Cat::*;
    let (a, b) = (cats[i - 1].1, cats[i].1);
    let before = (i >= 2).then(|| cats[i - 2].1);
    let after = cats.get(i + 1).map(|&(_, c)| c);
    match (a, b) {
        (Cr, Lf) => true,
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => false,
        (Space, Space) => true,
        (Letter, Letter) | (Numeric, Numeric) | (Letter, Numeric) | (Numeric, Letter) => true,
        (Letter, MidLetter | MidNumLetQ) => after == Some(Letter),
        (MidLetter | MidNumLetQ, Letter) => before == Some(Letter),
        (Numeric, MidNum | MidNumLetQ) => after == Some(Numeric),
        (MidNum | MidNumLetQ, Numeric) => before == Some(Numeric),
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) => true,
        (ExtendNumLet, Letter | Numeric) => true,
        _ => false,
    }
}

/// The pieces between word boundaries of `text`, with their byte offsets: the same items as
/// `text.split_word_bound_indices()`.
pub fn pieces(text: &str) -> Pieces<'_> {
    Pieces {
        text,
        cats: Vec::new(),
        at: 0,
        chunk_end: 0,
        slow: None,
    }
}

#[derive(Clone)]
pub struct Pieces<'a> {
    text: &'a str,
    /// The current chunk's characters (offset, category), in the fast path.
    cats: Vec<(usize, Cat)>,
    /// The index in `cats` where the next piece starts.
    at: usize,
    /// The end of the current chunk.
    chunk_end: usize,
    /// The current chunk's pieces in the slow path, with the chunk's offset.
    slow: Option<(usize, UWordBoundIndices<'a>)>,
}

impl<'a> Pieces<'a> {
    /// Moves to the chunk that starts at `self.chunk_end`; false at the end of the text.
    fn next_chunk(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        let start = self.chunk_end;
        if start >= bytes.len() {
            return false;
        }
        let mut end = start;
        loop {
            // To the next space, then past the run of spaces.
            while end < bytes.len() && bytes[end] != b' ' {
                end += 1;
            }
            while end < bytes.len() && bytes[end] == b' ' {
                end += 1;
            }
            // A cut only before an ASCII character or a plain letter: a combining mark or
            // another kind of space after the run would join it.
            if end >= bytes.len()
                || bytes[end].is_ascii()
                || self.text[end..].chars().next().is_some_and(plain_letter)
            {
                break;
            }
        }
        self.chunk_end = end;
        self.at = 0;
        self.cats.clear();
        let chunk = &self.text[start..end];
        let mut simple = true;
        for (i, c) in chunk.char_indices() {
            let cat = if c.is_ascii() {
                cat(c as u8)
            } else if plain_letter(c) {
                Cat::Letter
            } else {
                simple = false;
                break;
            };
            self.cats.push((start + i, cat));
        }
        if !simple {
            self.cats.clear();
            self.slow = Some((start, chunk.split_word_bound_indices()));
        }
        true
    }
}

impl<'a> Iterator for Pieces<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        loop {
            if let Some((base, slow)) = &mut self.slow {
                if let Some((o, piece)) = slow.next() {
                    return Some((*base + o, piece));
                }
                self.slow = None;
            }
            if self.at < self.cats.len() {
                let first = self.at;
                let cats = &self.cats;
                let mut next = first + 1;
                loop {
                    // Letters after letters, most of every word, need no other rule.
                    while next < cats.len()
                        && cats[next].1 == Cat::Letter
                        && cats[next - 1].1 == Cat::Letter
                    {
                        next += 1;
                    }
                    if next < cats.len() && joined(cats, next) {
                        next += 1;
                    } else {
                        break;
                    }
                }
                self.at = next;
                let start = self.cats[first].0;
                let end = self.cats.get(next).map_or(self.chunk_end, |&(o, _)| o);
                return Some((start, &self.text[start..end]));
            }
            if !self.next_chunk() {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Split<'a> = Vec<(usize, &'a str)>;

    fn both(text: &str) -> (Split<'_>, Split<'_>) {
        (
            pieces(text).collect(),
            text.split_word_bound_indices().collect(),
        )
    }

    #[test]
    fn ascii_rules() {
        for text in [
            "U.S. officials can't say 3.5 or 1,000,000; a:b x_1 _y",
            "end.",
            "a.",
            "\r\n\r\n  \n x",
            "1.a a.1 1,a a,1 1'2 a'b '",
            "  leading and trailing  ",
            "",
        ] {
            let (fast, slow) = both(text);
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn mixed_text() {
        for text in [
            "Café in Zürich, l’ONU a\u{301} b \u{301}x",
            "Ki\u{200B}ev \u{200D}x 🇫🇷🇩🇪 a 東京 と 大阪",
            "a \u{3000}b x\u{a0}y שלום\"ם",
            "Зеленський сказав. Αθήνα, 3.5 млн; عبد الله ٣ ชาติ Straße l·l",
        ] {
            let (fast, slow) = both(text);
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn every_character_in_context() {
        // The memo covers the BMP; beyond it every character takes the slow path.
        for c in (0x80..=0xFFFFu32).filter_map(char::from_u32) {
            for text in [
                format!("a{c}b {c}. x{c}'y 1.{c} {c}:a"),
                format!("{c}{c} a.{c}.a {c}1, 2{c}_ "),
            ] {
                let (fast, slow) = both(&text);
                assert_eq!(fast, slow, "{c:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn agrees_with_unicode_segmentation(
            chars in proptest::collection::vec(prop_oneof![
                8 => proptest::char::range(' ', '~'),
                1 => Just('\n'), 1 => Just('\r'), 1 => Just('\t'),
                1 => Just('é'), 1 => Just('\u{301}'), 1 => Just('\u{200B}'),
                1 => Just('\u{200D}'), 1 => Just('\u{a0}'), 1 => Just('\u{2019}'),
                1 => Just('ж'), 1 => Just('東'), 1 => Just('ש'), 1 => Just('🇫'),
                1 => Just('\u{3000}'), 1 => Just('\u{2009}'), 1 => Just('ア'),
                1 => Just('Ж'), 1 => Just('λ'), 1 => Just('ب'), 1 => Just('\u{64E}'),
                1 => Just('٣'), 1 => Just('ก'), 1 => Just('Ⓜ'), 1 => Just('ß'),
                1 => Just('\u{2028}'), 1 => Just('\u{85}'), 1 => Just('·'), 1 => Just('״'),
                1 => Just('한'), 1 => Just('\u{FE0F}'), 1 => Just('😀'), 1 => Just('\u{AD}'),
            ], 0..40)
        ) {
            let text: String = chars.into_iter().collect();
            let (fast, slow) = both(&text);
            prop_assert_eq!(fast, slow, "{:?}", text);
        }
    }
}

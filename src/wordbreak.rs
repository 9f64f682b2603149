//! UAX 29 word boundaries, as `unicode-segmentation` finds them, with a fast path for ASCII.
//!
//! The text is cut after each run of ASCII spaces that an ASCII character other than a space
//! follows: a boundary is certain there (no rule joins a space to a letter, digit or
//! punctuation, and no rule looks back past a space), so each piece can be segmented alone. A
//! piece that is all ASCII is segmented here with the rules restricted to ASCII (a table of
//! 128 categories); any other piece goes to `unicode-segmentation`. Most words of Latin-script
//! text take the fast path; the answers are the same either way (a property test compares them).

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

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

/// Whether there is no boundary between `s[i - 1]` and `s[i]` (ASCII `s`, `0 < i < len`).
fn joined(s: &[u8], i: usize) -> bool {
    use Cat::*;
    let (a, b) = (cat(s[i - 1]), cat(s[i]));
    let before = (i >= 2).then(|| cat(s[i - 2]));
    let after = s.get(i + 1).map(|&c| cat(c));
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
        at: 0,
        chunk_end: 0,
        ascii: true,
        slow: None,
    }
}

#[derive(Clone)]
pub struct Pieces<'a> {
    text: &'a str,
    /// Where the next piece starts (in the fast path).
    at: usize,
    /// The end of the current chunk.
    chunk_end: usize,
    ascii: bool,
    /// The current chunk's pieces when it is not all ASCII, with the chunk's offset.
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
        let mut ascii = true;
        loop {
            // To the next space, then past the run of spaces.
            while end < bytes.len() && bytes[end] != b' ' {
                ascii &= bytes[end].is_ascii();
                end += 1;
            }
            while end < bytes.len() && bytes[end] == b' ' {
                end += 1;
            }
            // A cut only before an ASCII character: a combining mark or another kind of
            // space after the run would join it.
            if end >= bytes.len() || bytes[end].is_ascii() {
                break;
            }
        }
        self.at = start;
        self.chunk_end = end;
        self.ascii = ascii;
        self.slow = (!ascii).then(|| (start, self.text[start..end].split_word_bound_indices()));
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
                self.at = self.chunk_end;
            }
            if self.ascii && self.at < self.chunk_end {
                let chunk = &self.text.as_bytes()[..self.chunk_end];
                let start = self.at;
                let mut end = start + 1;
                while end < chunk.len() && joined(chunk, end) {
                    end += 1;
                }
                self.at = end;
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
        ] {
            let (fast, slow) = both(text);
            assert_eq!(fast, slow, "{text:?}");
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
            ], 0..40)
        ) {
            let text: String = chars.into_iter().collect();
            let (fast, slow) = both(&text);
            prop_assert_eq!(fast, slow, "{:?}", text);
        }
    }
}

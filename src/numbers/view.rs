//! A text with its tokens, as the reading stages look at it: tokens found by offset with a
//! binary search, so that reading a number costs the same wherever it is in a long document.

use crate::lang::LangTag;
use crate::token::{Gap, Tokens};

pub(super) struct View<'a> {
    pub text: &'a str,
    pub toks: &'a Tokens,
    pub lang: &'a LangTag,
}

impl<'a> View<'a> {
    /// The first token starting at or after `offset`.
    pub fn token_at(&self, offset: usize) -> Option<usize> {
        let i = self.toks.list.partition_point(|t| t.start < offset);
        (i < self.toks.len()).then_some(i)
    }

    /// The keys of the `n` tokens from `i` on when they are one space apart, and where the
    /// last one ends.
    pub fn words_from(&self, i: usize, n: usize) -> Option<(Vec<&'a str>, usize)> {
        let end = i + n;
        if n == 0
            || end > self.toks.len()
            || (i + 1..end).any(|k| self.toks.list[k].gap != Gap::Space)
        {
            return None;
        }
        Some((
            (i..end).map(|k| self.toks.key(k)).collect(),
            self.toks.list[end - 1].end,
        ))
    }

    /// Whether the `words` follow from token `i` on, one space apart: where they end.
    pub fn words_at(&self, i: usize, words: &[&str]) -> Option<usize> {
        self.words_from(i, words.len())
            .filter(|(keys, _)| keys == words)
            .map(|(_, end)| end)
    }

    pub fn key(&self, i: usize) -> &'a str {
        self.toks.key(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize_str;

    #[test]
    fn tokens_are_found_by_offset() {
        let text = "about 12 per cent";
        let toks = tokenize_str(text);
        let lang: LangTag = "en".parse().unwrap();
        let v = View {
            text,
            toks: &toks,
            lang: &lang,
        };
        assert_eq!(v.token_at(0), Some(0));
        assert_eq!(v.token_at(6), Some(1));
        assert_eq!(v.token_at(7), Some(2));
        assert_eq!(v.token_at(17), None);
        assert_eq!(v.words_at(2, &["per", "cent"]), Some(17));
        assert_eq!(v.words_at(2, &["per"]), Some(12));
        assert_eq!(v.words_at(3, &["cent", "more"]), None);
    }
}

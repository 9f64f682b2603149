//! Snowball stemming (rust-stemmers) for every language it has.

use std::rc::Rc;

use rust_stemmers::{Algorithm, Stemmer};

use crate::lang::LangTag;

/// The Snowball stemmer for a language, if rust-stemmers has one.
pub fn stemmer(lang: &LangTag) -> Option<Stemmer> {
    algorithm(lang).map(Stemmer::create)
}

fn algorithm(lang: &LangTag) -> Option<Algorithm> {
    let algorithm = match lang.primary() {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    };
    Some(algorithm)
}

/// A stemmer that remembers, on each thread, the words it has stemmed: news repeats its words,
/// and looking a stem up costs a fraction of computing it again. Stems are a function of the
/// word alone, so what is remembered never changes a result.
pub struct Memo {
    stemmer: Stemmer,
    /// The algorithm's place in the per-thread memory.
    slot: usize,
}

/// Words remembered per thread and algorithm before the memory starts again.
const MEMO_WORDS: usize = 1 << 16;

thread_local! {
    static STEMS: std::cell::RefCell<Vec<foldhash::HashMap<Box<str>, Rc<str>>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

impl Memo {
    pub fn new(lang: &LangTag) -> Option<Memo> {
        let algorithm = algorithm(lang)?;
        Some(Memo {
            stemmer: Stemmer::create(algorithm),
            slot: algorithm as usize,
        })
    }

    pub fn stem(&self, word: &str) -> String {
        self.stem_shared(word).to_string()
    }

    /// The stem of a word met once (a glossary form's): not remembered, so that a termbase's
    /// words do not push a corpus's out of the memory.
    pub fn stem_once(&self, word: &str) -> String {
        self.stemmer.stem(word).into_owned()
    }

    /// The stem, shared with the memory (no copy of it is made).
    pub fn stem_shared(&self, word: &str) -> Rc<str> {
        STEMS.with(|memo| {
            let mut memo = memo.borrow_mut();
            if memo.len() <= self.slot {
                memo.resize_with(self.slot + 1, Default::default);
            }
            let words = &mut memo[self.slot];
            if let Some(stem) = words.get(word) {
                return stem.clone();
            }
            let stem: Rc<str> = self.stemmer.stem(word).into();
            if words.len() >= MEMO_WORDS {
                words.clear();
            }
            words.insert(word.into(), stem.clone());
            stem
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_stems_are_the_stems() {
        let tag: LangTag = "en".parse().unwrap();
        let (memo, plain) = (Memo::new(&tag).unwrap(), stemmer(&tag).unwrap());
        for word in ["solutions", "running", "solutions", "ran", "running"] {
            assert_eq!(memo.stem(word), plain.stem(word));
        }
        assert!(Memo::new(&"ja".parse().unwrap()).is_none());
    }

    #[test]
    fn inflections_share_a_stem() {
        let en = stemmer(&"en".parse().unwrap()).unwrap();
        assert_eq!(en.stem("solutions"), en.stem("solution"));
        let ru = stemmer(&"ru".parse().unwrap()).unwrap();
        assert_eq!(ru.stem("блинкена"), ru.stem("блинкен"));
        assert!(stemmer(&"pl".parse().unwrap()).is_none());
    }
}

//! Snowball stemming (rust-stemmers) for every language it has.

use rust_stemmers::{Algorithm, Stemmer};

use crate::lang::LangTag;

/// The Snowball stemmer for a language, if rust-stemmers has one.
pub fn stemmer(lang: &LangTag) -> Option<Stemmer> {
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
    Some(Stemmer::create(algorithm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem() {
        let en = stemmer(&"en".parse().unwrap()).unwrap();
        assert_eq!(en.stem("solutions"), en.stem("solution"));
        let ru = stemmer(&"ru".parse().unwrap()).unwrap();
        assert_eq!(ru.stem("блинкена"), ru.stem("блинкен"));
        assert!(stemmer(&"pl".parse().unwrap()).is_none());
    }
}

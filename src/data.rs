//! Small language tables the checks use, kept as text files under `data/` and compiled in.

/// Abbreviations after which a full stop does not end a sentence, lowercase, without the stop.
pub const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
/// Lowercase words that may sit inside a name ("Charles de Gaulle", "Ursula von der Leyen").
pub const NAME_PARTICLES: &str = include_str!("../data/name-particles.txt");
/// Per language: endings that derive one word from another (Armenia → Armenian → Armenians).
pub const DERIVATION_SUFFIXES: &str = include_str!("../data/derivation-suffixes.tsv");
/// Per language: the case, number and possessive endings of nouns and adjectives.
pub const CASE_ENDINGS: &str = include_str!("../data/case-endings.tsv");
/// Titles and institutional words that are translated inside names ("President" / "Präsident").
pub const TITLE_WORDS: &str = include_str!("../data/title-words.txt");
/// Per language: function words that are capitalised only because they start a sentence.
pub const FUNCTION_WORDS: &str = include_str!("../data/function-words.tsv");

/// The words of a one-word-per-line table, skipping blank lines and `#` comments.
pub fn words(table: &'static str) -> impl Iterator<Item = &'static str> {
    table
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The rows of a `language<TAB>word word word` table.
pub fn by_language(table: &'static str) -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    words(table).filter_map(|line| {
        let (lang, rest) = line.split_once('\t')?;
        Some((lang.trim(), rest.split_whitespace().collect()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_sorted_unique(name: &str, items: &[&str]) {
        let mut sorted = items.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            items,
            sorted.as_slice(),
            "{name}: keep entries sorted and unique"
        );
    }

    #[test]
    fn word_lists_are_sorted_lowercase_and_unique() {
        for (name, table) in [
            ("abbreviations", ABBREVIATIONS),
            ("name-particles", NAME_PARTICLES),
            ("title-words", TITLE_WORDS),
        ] {
            let items: Vec<&str> = words(table).collect();
            assert!(!items.is_empty());
            for w in &items {
                assert_eq!(*w, w.to_lowercase(), "{name}: {w} must be lowercase");
            }
            check_sorted_unique(name, &items);
        }
    }

    #[test]
    fn language_tables_have_valid_tags_and_sorted_rows() {
        for (name, table) in [
            ("derivation-suffixes", DERIVATION_SUFFIXES),
            ("function-words", FUNCTION_WORDS),
            ("case-endings", CASE_ENDINGS),
        ] {
            let rows: Vec<_> = by_language(table).collect();
            assert!(rows.len() >= 7, "{name}: one row per supported language");
            for (lang, items) in &rows {
                assert!(
                    crate::lang::LangTag::parse(lang).is_ok(),
                    "{name}: bad tag {lang}"
                );
                for w in items {
                    assert_eq!(*w, w.to_lowercase(), "{name}/{lang}: {w} must be lowercase");
                }
                check_sorted_unique(&format!("{name}/{lang}"), items);
            }
        }
    }
}

//! Vague quantities ("dozens", "decenas de miles", "Zehntausende", "десятки тысяч") as the
//! power of ten they stand for, from `data/numbers/magnitudes.tsv`.

// Looked up for every word of every text: foldhash, not SipHash.
use foldhash::HashMap;
use std::sync::OnceLock;

/// A vague quantity's words and its power of ten.
type Magnitude = (Vec<&'static str>, i32);

/// Each language's vague quantities as word lists with their power of ten, longest first.
/// Per language and first word, longest first: asked of every word of every text.
fn table() -> &'static HashMap<(&'static str, &'static str), Vec<Magnitude>> {
    static T: OnceLock<HashMap<(&'static str, &'static str), Vec<Magnitude>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m: HashMap<(&'static str, &'static str), Vec<Magnitude>> = HashMap::default();
        for line in include_str!("../../data/numbers/magnitudes.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            if let (Some(lang), Some(words), Some(Ok(power))) =
                (cols.first(), cols.get(1), cols.get(2).map(|p| p.parse()))
            {
                let words: Vec<&str> = words.split(' ').collect();
                m.entry((*lang, words[0])).or_default().push((words, power));
            }
        }
        for v in m.values_mut() {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        m
    })
}

/// The longest vague quantity that `keys` (lowercase words in a row) starts with: how many
/// words it takes and its power of ten.
pub(super) fn magnitude<'a>(
    lang: &str,
    keys: impl Fn(usize) -> Option<&'a str>,
) -> Option<(usize, i32)> {
    table()
        .get(&(lang, keys(0)?))?
        .iter()
        .find_map(|(words, power)| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| keys(k) == Some(*w))
                .then_some((words.len(), *power))
        })
}

/// Each language's words for "about" before a number, from `data/numbers/approximately.tsv`.
fn hedges() -> &'static HashMap<&'static str, Vec<&'static str>> {
    static T: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
        for line in include_str!("../../data/numbers/approximately.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            if let Some((lang, words)) = line.split_once('\t') {
                m.entry(lang).or_default().push(words);
            }
        }
        m
    })
}

/// How many bytes at the end of `before` say "about" ("(cerca de ", "(around "), spaces
/// after the words included; 0 when they do not.
pub fn hedge_before(before: &str, lang: &str) -> usize {
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    let Some(words) = hedges().get(lang) else {
        return 0;
    };
    let lower = trimmed.to_lowercase();
    // Lowercasing keeps the length of the scripts listed; a text it would change is left alone.
    if lower.len() != trimmed.len() {
        return 0;
    }
    words
        .iter()
        .find(|w| {
            lower.ends_with(*w)
                && !lower[..lower.len() - w.len()]
                    .ends_with(|c: char| crate::chars::is_alphanumeric(c))
        })
        .map_or(0, |w| before.len() - trimmed.len() + w.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_about_before_a_number() {
        assert_eq!(hedge_before("(cerca de ", "pt"), "cerca de ".len());
        assert_eq!(hedge_before("it cost (about ", "en"), "about ".len());
        assert_eq!(hedge_before("(runabout ", "en"), 0);
        assert_eq!(hedge_before("(", "en"), 0);
        assert_eq!(hedge_before("(about ", "xx"), 0);
    }
}

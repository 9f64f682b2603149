//! Finds glossary forms in a token stream: word-boundary aware, multiword, longest match first,
//! case-insensitive unless an entry says otherwise, on Snowball stems for terms.

use std::collections::HashMap;

// Every token of every document is looked up here: foldhash, not SipHash (the maps are
// seeded per process, and nothing depends on their order).
use foldhash::{HashMap as FastMap, HashSet as FastSet};
use std::ops::Range;

use crate::lang::LangTag;
use crate::normalize::nfc;
use crate::token::{Gap, Tokens, tokenize_str};

use super::{CaseMode, GlossarySet, MatchMode, Status};

/// Which form of which entry a match is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormRef {
    pub glossary: usize,
    pub entry: usize,
    pub status: Status,
    /// The form as the glossary writes it (shared by every match of it).
    pub form: std::sync::Arc<str>,
}

/// A glossary form found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Token indices covered.
    pub tokens: Range<usize>,
    /// Byte span in the text.
    pub span: Range<usize>,
    pub form: FormRef,
}

#[derive(Debug)]
struct Pattern {
    /// Folded words (or their stems, when `stemmed`).
    words: Vec<String>,
    /// `gaps[i]` separates `words[i]` from `words[i + 1]`.
    gaps: Vec<Gap>,
    /// Words in NFC with their case, for case-sensitive entries.
    cased: Option<Vec<String>>,
    stemmed: bool,
    /// Length in characters of each word as written, to keep stems honest.
    lens: Vec<usize>,
    target: FormRef,
}

/// A stem match also needs the word's length within this share of the form word's: Snowball
/// folds "fatal" and "fatalities" to one stem, which are not one term.
const STEM_LENGTH_SLACK: usize = 4;

fn lengths_agree(a: usize, b: usize) -> bool {
    a.abs_diff(b) <= 2.max(a.max(b) / STEM_LENGTH_SLACK)
}

/// The entries of a set by the primary language subtag of each of their sections ("pt" for
/// "pt-BR"), in set order: every entry that can have a section for a language is listed under
/// that language's primary subtag.
#[derive(Debug, Default)]
pub struct LanguageIndex {
    entries: HashMap<String, Vec<(u32, u32)>>,
    /// The primary subtags some section is written for with more than the subtag ("pt-BR").
    regional: FastSet<String>,
}

impl LanguageIndex {
    pub fn new(set: &GlossarySet) -> LanguageIndex {
        let mut index: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
        let mut regional = FastSet::default();
        for (gi, (_, glossary)) in set.glossaries.iter().enumerate() {
            for (ei, entry) in glossary.entries.iter().enumerate() {
                let mut last = None;
                for tag in entry.terms.keys() {
                    let primary = tag.primary();
                    if tag.as_str() != primary && !regional.contains(primary) {
                        regional.insert(primary.to_string());
                    }
                    // Tags are sorted, so one primary subtag's tags are together.
                    if last == Some(primary) {
                        continue;
                    }
                    last = Some(primary);
                    let list = index.entry(primary.to_string()).or_default();
                    if list.last() != Some(&(gi as u32, ei as u32)) {
                        list.push((gi as u32, ei as u32));
                    }
                }
            }
        }
        LanguageIndex {
            entries: index,
            regional,
        }
    }

    /// The tag whose matcher is `lang`'s: its primary subtag when every section of that
    /// language is written for the bare subtag (an "en-GB" document then reads the "en"
    /// sections, as an "en" one does), else `lang` itself.
    pub fn matcher_tag(&self, lang: &LangTag) -> LangTag {
        let primary = lang.primary();
        if primary == lang.as_str() || self.regional.contains(primary) {
            return lang.clone();
        }
        LangTag::parse(primary).unwrap_or_else(|_| lang.clone())
    }
}

/// Entries compiled together on one thread.
const COMPILE_CHUNK: usize = 2048;

/// The patterns of the forms entry `ei` of glossary `gi` has for `lang`.
fn entry_patterns(
    set: &GlossarySet,
    lang: &LangTag,
    stemmer: Option<&crate::stem::Memo>,
    gi: usize,
    ei: usize,
    out: &mut Vec<Pattern>,
) {
    let entry = &set.glossaries[gi].1.entries[ei];
    let Some(section) = entry.section(lang) else {
        return;
    };
    let stemmed = entry.match_mode() == MatchMode::Stem && stemmer.is_some();
    let forms = std::iter::once((Status::Preferred, &section.preferred))
        .chain(section.admitted.iter().map(|f| (Status::Admitted, f)))
        .chain(section.deprecated.iter().map(|f| (Status::Deprecated, f)));
    for (status, form) in forms {
        let toks = tokenize_str(form.as_str());
        if toks.is_empty() {
            continue;
        }
        let words = (0..toks.len())
            .map(|i| match (stemmer, stemmed) {
                (Some(s), true) => s.stem(toks.key(i)),
                _ => toks.key(i).to_string(),
            })
            .collect();
        let gaps = toks.list.iter().skip(1).map(|t| t.gap).collect();
        let lens = (0..toks.len())
            .map(|i| toks.key(i).chars().count())
            .collect();
        let cased = (entry.case == CaseMode::Sensitive).then(|| {
            toks.list
                .iter()
                .map(|t| nfc(&form.as_str()[t.span()]))
                .collect()
        });
        out.push(Pattern {
            words,
            gaps,
            cased,
            stemmed,
            lens,
            target: FormRef {
                glossary: gi,
                entry: ei,
                status,
                form: form.as_str().into(),
            },
        });
    }
}

/// All forms of one language, indexed by their first word.
pub struct Matcher {
    patterns: Vec<Pattern>,
    by_word: FastMap<String, Vec<u32>>,
    by_stem: FastMap<String, Vec<u32>>,
    stemmer: Option<crate::stem::Memo>,
    /// First two characters of every stemmed first word: tokens that start otherwise are not
    /// stemmed at all. `None` when some stem does not begin like its word.
    stem_prefixes: Option<FastSet<String>>,
}

fn prefix2(s: &str) -> &str {
    let end = s.char_indices().nth(2).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

impl Matcher {
    /// Compiles the forms every entry has for `lang` (with BCP 47 fallback).
    pub fn compile(set: &GlossarySet, lang: &LangTag) -> Matcher {
        let all =
            set.glossaries.iter().enumerate().flat_map(|(gi, (_, g))| {
                (0..g.entries.len()).map(move |ei| (gi as u32, ei as u32))
            });
        Matcher::compile_entries(set, lang, all)
    }

    /// [`Matcher::compile`] from the entries of `index` that have a section in `lang`'s
    /// language: a run in fifty languages walks each entry once, not fifty times.
    pub fn compile_indexed(set: &GlossarySet, lang: &LangTag, index: &LanguageIndex) -> Matcher {
        let entries = index
            .entries
            .get(lang.primary())
            .map(Vec::as_slice)
            .unwrap_or_default();
        Matcher::compile_entries(set, lang, entries.iter().copied())
    }

    /// Compiles the forms that `entries` (glossary and entry numbers, in set order) have
    /// for `lang`.
    fn compile_entries(
        set: &GlossarySet,
        lang: &LangTag,
        entries: impl Iterator<Item = (u32, u32)>,
    ) -> Matcher {
        let stemmer = crate::stem::Memo::new(lang);
        // The entries' patterns on every core, in chunks put back in entry order: a 100,000
        // entry glossary has a million forms to tokenize and stem.
        let entries: Vec<(u32, u32)> = entries.collect();
        let patterns: Vec<Pattern> = {
            use rayon::prelude::*;
            let chunks: Vec<Vec<Pattern>> = entries
                .par_chunks(COMPILE_CHUNK)
                .map(|chunk| {
                    let mut out = Vec::new();
                    for &(gi, ei) in chunk {
                        entry_patterns(
                            set,
                            lang,
                            stemmer.as_ref(),
                            gi as usize,
                            ei as usize,
                            &mut out,
                        );
                    }
                    out
                })
                .collect();
            chunks.into_iter().flatten().collect()
        };
        // Longest first; on equal length a correct form wins over a deprecated one, so a form
        // that one entry deprecates and another approves is never flagged. A stable sort by
        // buckets: there are a few dozen keys for any number of patterns.
        let mut buckets: std::collections::BTreeMap<_, Vec<Pattern>> = Default::default();
        for p in patterns {
            let key = (std::cmp::Reverse(p.words.len()), p.target.status);
            buckets.entry(key).or_default().push(p);
        }
        let total = buckets.values().map(Vec::len).sum();
        let mut patterns: Vec<Pattern> = Vec::with_capacity(total);
        for bucket in buckets.into_values() {
            patterns.extend(bucket);
        }
        let mut by_word: FastMap<String, Vec<u32>> = FastMap::default();
        let mut by_stem: FastMap<String, Vec<u32>> = FastMap::default();
        let mut prefixes = Some(FastSet::default());
        for (i, p) in patterns.iter().enumerate() {
            let index = if p.stemmed {
                &mut by_stem
            } else {
                &mut by_word
            };
            match index.get_mut(&p.words[0]) {
                Some(list) => list.push(i as u32),
                None => {
                    index.insert(p.words[0].clone(), vec![i as u32]);
                }
            }
            if p.stemmed {
                let word =
                    crate::normalize::folded(p.target.form.split_whitespace().next().unwrap_or(""));
                let stem_prefix = prefix2(&p.words[0]);
                if word.starts_with(stem_prefix) && stem_prefix.chars().count() == 2 {
                    if let Some(set) = prefixes.as_mut() {
                        set.insert(stem_prefix.to_string());
                    }
                } else {
                    prefixes = None;
                }
            }
        }
        Matcher {
            patterns,
            by_word,
            by_stem,
            stemmer,
            stem_prefixes: prefixes,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Every non-overlapping match in `tokens` (of `text`), leftmost-longest.
    pub fn find(&self, text: &str, tokens: &Tokens) -> Vec<Match> {
        let mut stems: Vec<Option<std::rc::Rc<str>>> = Vec::new();
        if !self.by_stem.is_empty() {
            stems.resize(tokens.len(), None);
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(text, tokens, i, &mut stems) {
                Some((len, p)) => {
                    let last = i + len - 1;
                    out.push(Match {
                        tokens: i..i + len,
                        span: tokens.list[i].start..tokens.list[last].end,
                        form: self.patterns[p].target.clone(),
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The stem of token `i`, cached. A first word (`first`) whose start no pattern's first
    /// stem shares is not stemmed at all.
    fn stem_of<'a>(
        &self,
        tokens: &Tokens,
        i: usize,
        first: bool,
        stems: &'a mut [Option<std::rc::Rc<str>>],
    ) -> Option<&'a str> {
        let stemmer = self.stemmer.as_ref()?;
        let key = tokens.key(i);
        if first
            && let Some(set) = &self.stem_prefixes
            && !set.contains(prefix2(key))
        {
            return None;
        }
        Some(stems[i].get_or_insert_with(|| stemmer.stem_shared(key)))
    }

    fn longest_at(
        &self,
        text: &str,
        tokens: &Tokens,
        i: usize,
        stems: &mut [Option<std::rc::Rc<str>>],
    ) -> Option<(usize, usize)> {
        let by_word = self
            .by_word
            .get(tokens.key(i))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let by_stem = if self.by_stem.is_empty() {
            &[][..]
        } else {
            self.stem_of(tokens, i, true, stems)
                .and_then(|s| self.by_stem.get(s))
                .map(Vec::as_slice)
                .unwrap_or_default()
        };
        if by_word.is_empty() && by_stem.is_empty() {
            return None;
        }
        // Both lists are in pattern order (longest first, correct forms first): merge them.
        let mut best: Option<usize> = None;
        for &p in by_word.iter().chain(by_stem) {
            let p = p as usize;
            if best.is_some_and(|b| b <= p) {
                continue;
            }
            if self.matches_at(text, tokens, i, &self.patterns[p], stems) {
                best = Some(p);
            }
        }
        best.map(|p| (self.patterns[p].words.len(), p))
    }

    fn matches_at(
        &self,
        text: &str,
        tokens: &Tokens,
        i: usize,
        p: &Pattern,
        stems: &mut [Option<std::rc::Rc<str>>],
    ) -> bool {
        let n = p.words.len();
        if i + n > tokens.len() {
            return false;
        }
        for j in 0..n {
            let t = i + j;
            if p.stemmed && !lengths_agree(tokens.key(t).chars().count(), p.lens[j]) {
                return false;
            }
            if j > 0 {
                if tokens.list[t].gap != p.gaps[j - 1] {
                    return false;
                }
                let same = if p.stemmed {
                    self.stem_of(tokens, t, false, stems) == Some(p.words[j].as_str())
                } else {
                    tokens.key(t) == p.words[j]
                };
                if !same {
                    return false;
                }
            }
            if let Some(cased) = &p.cased {
                let word = &text[tokens.list[t].span()];
                let ok = if p.stemmed {
                    word.chars().next().map(crate::chars::is_uppercase)
                        == cased[j].chars().next().map(crate::chars::is_uppercase)
                } else {
                    nfc(word) == cased[j]
                };
                if !ok {
                    return false;
                }
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_index_compiles_the_same_patterns() {
        let mut set = GlossarySet::default();
        for (origin, g) in crate::glossary::builtin().unwrap() {
            set.push(origin, g);
        }
        let index = LanguageIndex::new(&set);
        for tag in ["en", "pt-BR", "pt", "de-CH", "zh-Hant", "sr-Latn", "haw"] {
            let lang: LangTag = tag.parse().unwrap();
            let (a, b) = (
                Matcher::compile(&set, &lang),
                Matcher::compile_indexed(&set, &lang, &index),
            );
            assert_eq!(
                format!("{:?}", a.patterns),
                format!("{:?}", b.patterns),
                "{tag}"
            );
        }
    }
    use crate::glossary::parse;
    use crate::token::tokenize_str;

    fn set(json: &str) -> GlossarySet {
        let mut s = GlossarySet::default();
        s.push("t", parse(std::path::Path::new("t.json"), json).unwrap());
        s
    }

    fn found(set: &GlossarySet, lang: &str, text: &str) -> Vec<(String, Status, String)> {
        let m = Matcher::compile(set, &lang.parse().unwrap());
        let toks = tokenize_str(text);
        m.find(text, &toks)
            .into_iter()
            .map(|x| {
                (
                    text[x.span].to_string(),
                    x.form.status,
                    x.form.form.to_string(),
                )
            })
            .collect()
    }

    const NAMES: &str = r#"{"format": "concord-glossary/1", "name": "n", "entries": [
      {"id": "blinken", "kind": "person", "terms": {"en": {"preferred": "Antony Blinken", "admitted": ["Blinken"], "deprecated": ["Anthony Blinken"]}}},
      {"id": "nk", "kind": "place", "terms": {"en": {"preferred": "Nagorno-Karabakh", "deprecated": ["Nagorno Karabakh"]},
                                             "pt": {"preferred": "Nagorno-Karabakh", "deprecated": ["Nagorno Carabaque"]}}},
      {"id": "who", "kind": "organization", "case": "sensitive", "terms": {"en": {"preferred": "WHO", "deprecated": ["W.H.O."]}}},
      {"id": "sol", "kind": "term", "terms": {"en": {"preferred": "comprehensive political solution", "deprecated": ["global political solution"]}}}
    ]}"#;

    #[test]
    fn longest_match_possessives_and_apostrophes() {
        let s = set(NAMES);
        let f = found(
            &s,
            "en",
            "Anthony Blinken’s aide met Antony Blinken's team and Blinken.",
        );
        assert_eq!(
            f.iter()
                .map(|(t, st, _)| (t.as_str(), *st))
                .collect::<Vec<_>>(),
            [
                ("Anthony Blinken", Status::Deprecated),
                ("Antony Blinken", Status::Preferred),
                ("Blinken", Status::Admitted)
            ]
        );
    }

    #[test]
    fn hyphen_is_not_a_space() {
        let s = set(NAMES);
        let f = found(
            &s,
            "en",
            "in Nagorno Karabakh and Nagorno-Karabakh; NAGORNO KARABAKH",
        );
        let st: Vec<_> = f.iter().map(|x| x.1).collect();
        assert_eq!(
            st,
            [Status::Deprecated, Status::Preferred, Status::Deprecated]
        );
    }

    #[test]
    fn word_boundaries_hold() {
        let s = set(NAMES);
        assert!(found(&s, "en", "Blinkenson and Antony Blinkens").is_empty());
    }

    #[test]
    fn case_sensitive_entries() {
        let s = set(NAMES);
        let f = found(&s, "en", "The WHO said who knows.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "WHO");
    }

    #[test]
    fn terms_match_inflected_forms() {
        let s = set(NAMES);

        let f = found(&s, "en", "They sought Global Political Solutions to it.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "Global Political Solutions");
        assert_eq!(f[0].1, Status::Deprecated);
    }

    #[test]
    fn stems_do_not_join_words_of_very_different_length() {
        let json = r#"{"format": "concord-glossary/1", "name": "n", "entries": [
          {"id": "f", "kind": "term", "terms": {"en": {"preferred": "fatalities"}}}]}"#;
        let s = set(json);
        assert!(found(&s, "en", "a fatal crash").is_empty());
        assert_eq!(found(&s, "en", "two fatality reports").len(), 1);
    }

    #[test]
    fn region_tags_fall_back() {
        let s = set(NAMES);
        let f = found(&s, "pt-BR", "em Nagorno Carabaque");
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn unicode_normalisation_does_not_matter() {
        let json = r#"{"format": "concord-glossary/1", "name": "n", "entries": [
          {"id": "m", "kind": "place", "terms": {"es": {"preferred": "Moscú", "deprecated": ["Moscu"]}}}]}"#;
        let s = set(json);
        let f = found(&s, "es", "Moscu\u{0301} y Moscu");
        assert_eq!(
            f.iter().map(|x| x.1).collect::<Vec<_>>(),
            [Status::Preferred, Status::Deprecated]
        );
    }
}

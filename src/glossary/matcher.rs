//! Finds glossary forms in a token stream: word-boundary aware, multiword, longest match first,
//! case-insensitive unless an entry says otherwise, on Snowball stems for terms.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

// Every token of every document is looked up here: foldhash, not SipHash (the maps are
// seeded per process, and nothing depends on their order).
use foldhash::HashSet as FastSet;
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

/// Entries indexed together on one thread.
const COMPILE_CHUNK: usize = 2048;

/// One form of one entry as the index knows it before the form is first met: enough to order
/// it among the others and to find it by its first word. The rest of its pattern is built the
/// first time a text has that word: a 100,000-entry termbase has hundreds of thousands of
/// forms, and a corpus meets a few of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Candidate {
    glossary: u32,
    entry: u32,
    /// Place among the section's forms: preferred, then admitted, then deprecated.
    form: u32,
    words: u32,
    status: Status,
    stemmed: bool,
}

/// A candidate with the key it is indexed by, as the parallel pass hands it over.
struct Head {
    candidate: Candidate,
    /// The folded first word, or its stem: a range of the pass's string of keys.
    key: (u32, u32),
    /// For a stemmed form: whether its stem starts with the word's first two characters.
    stem_keeps_prefix: bool,
}

/// The distinct first words (or first stems) of a language's forms, each with the chain of
/// candidates that begin with it, in candidate order: ranges of the matcher's one string of
/// words in a table, rather than a string and a vector for each word.
#[derive(Default)]
struct FirstWords {
    /// (start, end) of the word, first and last candidate of its chain.
    table: hashbrown::HashTable<(u32, u32, u32, u32)>,
    hasher: foldhash::fast::RandomState,
}

/// The end of a chain of candidates.
const NO_NEXT: u32 = u32::MAX;

impl FirstWords {
    /// Room for `forms` first words: the table is not rebuilt as it fills.
    fn with_capacity(forms: usize) -> FirstWords {
        FirstWords {
            table: hashbrown::HashTable::with_capacity(forms),
            hasher: Default::default(),
        }
    }

    fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// The first candidate whose first word is `word`.
    fn head(&self, words: &str, word: &str) -> Option<u32> {
        use std::hash::BuildHasher;
        let hash = self.hasher.hash_one(word);
        self.table
            .find(hash, |&(s, e, _, _)| &words[s as usize..e as usize] == word)
            .map(|&(_, _, head, _)| head)
    }

    /// Adds `candidate` (each later one than the last) for the word at `start..end` of
    /// `words`.
    fn add(&mut self, words: &str, (start, end): (u32, u32), candidate: u32, next: &mut [u32]) {
        use std::hash::BuildHasher;
        let FirstWords { table, hasher } = self;
        let word = &words[start as usize..end as usize];
        let hash = hasher.hash_one(word);
        let found = table.find_mut(hash, |&(s, e, _, _)| &words[s as usize..e as usize] == word);
        match found {
            Some(chain) => {
                next[chain.3 as usize] = candidate;
                chain.3 = candidate;
            }
            None => {
                table.insert_unique(hash, (start, end, candidate, candidate), |&(s, e, _, _)| {
                    hasher.hash_one(&words[s as usize..e as usize])
                });
            }
        }
    }
}

/// The forms of a section in candidate order.
fn section_forms(section: &super::LangSection) -> impl Iterator<Item = (Status, &super::Form)> {
    std::iter::once((Status::Preferred, &section.preferred))
        .chain(section.admitted.iter().map(|f| (Status::Admitted, f)))
        .chain(section.deprecated.iter().map(|f| (Status::Deprecated, f)))
}

/// The candidates of the forms entry `ei` of glossary `gi` has for `lang`, their keys
/// written to `keys`.
fn entry_heads(
    set: &GlossarySet,
    lang: &LangTag,
    stemmer: Option<&crate::stem::Memo>,
    (gi, ei): (u32, u32),
    out: &mut Vec<Head>,
    keys: &mut String,
) {
    let entry = &set.glossaries[gi as usize].1.entries[ei as usize];
    let Some(section) = entry.section(lang) else {
        return;
    };
    let stemmed = entry.match_mode() == MatchMode::Stem && stemmer.is_some();
    for (fi, (status, form)) in section_forms(section).enumerate() {
        let start = keys.len();
        let words = crate::token::first_word_key(form.as_str(), keys);
        if words == 0 {
            continue;
        }
        let mut stem_keeps_prefix = false;
        if let (Some(s), true) = (stemmer, stemmed) {
            let stem = s.stem_once(&keys[start..]);
            let word =
                crate::normalize::folded(form.as_str().split_whitespace().next().unwrap_or(""));
            let prefix = prefix2(&stem);
            stem_keeps_prefix = word.starts_with(prefix) && prefix.chars().count() == 2;
            keys.truncate(start);
            keys.push_str(&stem);
        }
        out.push(Head {
            candidate: Candidate {
                glossary: gi,
                entry: ei,
                form: fi as u32,
                words: words as u32,
                status,
                stemmed,
            },
            key: (start as u32, keys.len() as u32),
            stem_keeps_prefix,
        });
    }
}

/// The whole pattern of a candidate.
fn build_pattern(
    set: &GlossarySet,
    lang: &LangTag,
    stemmer: Option<&crate::stem::Memo>,
    c: Candidate,
) -> Pattern {
    let entry = &set.glossaries[c.glossary as usize].1.entries[c.entry as usize];
    let section = entry.section(lang).expect("a candidate's section");
    let form = section_forms(section)
        .nth(c.form as usize)
        .map(|(_, f)| f)
        .expect("a candidate's form");
    let toks = tokenize_str(form.as_str());
    let words = (0..toks.len())
        .map(|i| match (stemmer, c.stemmed) {
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
    Pattern {
        words,
        gaps,
        cased,
        stemmed: c.stemmed,
        lens,
        target: FormRef {
            glossary: c.glossary as usize,
            entry: c.entry as usize,
            status: c.status,
            form: form.as_str().into(),
        },
    }
}

/// All forms of one language, indexed by their first word; each form's whole pattern is built
/// when a text first has that word.
pub struct Matcher {
    set: Arc<GlossarySet>,
    lang: LangTag,
    /// In pattern order: longest first, correct forms before deprecated ones.
    candidates: Vec<Candidate>,
    patterns: Box<[OnceLock<Box<Pattern>>]>,
    /// Every first word and stem the tables index, end to end.
    words: String,
    by_word: FirstWords,
    by_stem: FirstWords,
    /// The next candidate with the same first word, or [`NO_NEXT`].
    next: Box<[u32]>,
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
    /// Indexes the forms every entry has for `lang` (with BCP 47 fallback).
    pub fn compile(set: Arc<GlossarySet>, lang: &LangTag) -> Matcher {
        let all: Vec<(u32, u32)> = set
            .glossaries
            .iter()
            .enumerate()
            .flat_map(|(gi, (_, g))| (0..g.entries.len()).map(move |ei| (gi as u32, ei as u32)))
            .collect();
        Matcher::compile_entries(set, lang, &all)
    }

    /// [`Matcher::compile`] from the entries of `index` that have a section in `lang`'s
    /// language: a run in fifty languages walks each entry once, not fifty times.
    pub fn compile_indexed(
        set: Arc<GlossarySet>,
        lang: &LangTag,
        index: &LanguageIndex,
    ) -> Matcher {
        let entries = index
            .entries
            .get(lang.primary())
            .map(Vec::as_slice)
            .unwrap_or_default();
        Matcher::compile_entries(set, lang, entries)
    }

    /// Indexes the forms that `entries` (glossary and entry numbers, in set order) have for
    /// `lang`.
    fn compile_entries(set: Arc<GlossarySet>, lang: &LangTag, entries: &[(u32, u32)]) -> Matcher {
        let stemmer = crate::stem::Memo::new(lang);
        // The first words on every core, in chunks put back in entry order: a 100,000 entry
        // glossary has hundreds of thousands of forms to tokenize and stem.
        let chunks: Vec<(Vec<Head>, String)> = {
            use rayon::prelude::*;
            entries
                .par_chunks(COMPILE_CHUNK)
                .map(|chunk| {
                    // Room for two forms of a dozen bytes each per entry: growing the lists
                    // would touch fresh memory several times over.
                    let mut heads = Vec::with_capacity(chunk.len() * 2);
                    let mut keys = String::with_capacity(chunk.len() * 24);
                    for &e in chunk {
                        entry_heads(&set, lang, stemmer.as_ref(), e, &mut heads, &mut keys);
                    }
                    (heads, keys)
                })
                .collect()
        };
        // One string of keys for the two tables; each chunk's ranges move by its base.
        let mut keys = String::with_capacity(chunks.iter().map(|(_, k)| k.len()).sum());
        let mut bases = Vec::with_capacity(chunks.len());
        for (_, chunk_keys) in &chunks {
            bases.push(keys.len() as u32);
            keys.push_str(chunk_keys);
        }
        // Longest first; on equal length a correct form wins over a deprecated one, so a form
        // that one entry deprecates and another approves is never flagged. Entries keep their
        // order within a length and status: the heads are counted into their places.
        let rank = |h: &Head| (std::cmp::Reverse(h.candidate.words), h.candidate.status);
        let mut places: std::collections::BTreeMap<_, usize> = Default::default();
        for h in chunks.iter().flat_map(|(heads, _)| heads) {
            *places.entry(rank(h)).or_default() += 1;
        }
        let total: usize = places.values().sum();
        let mut start = 0;
        for place in places.values_mut() {
            (*place, start) = (start, start + *place);
        }
        let mut order = vec![(0u32, 0u32); total];
        for (c, (heads, _)) in chunks.iter().enumerate() {
            for (i, h) in heads.iter().enumerate() {
                let place = places.get_mut(&rank(h)).expect("a counted rank");
                order[*place] = (c as u32, i as u32);
                *place += 1;
            }
        }
        let stemmed = chunks
            .iter()
            .flat_map(|(heads, _)| heads)
            .filter(|h| h.candidate.stemmed)
            .count();
        let mut by_word = FirstWords::with_capacity(total - stemmed);
        let mut by_stem = FirstWords::with_capacity(stemmed);
        let mut next = vec![NO_NEXT; total].into_boxed_slice();
        let mut prefixes = Some(FastSet::default());
        let mut candidates = Vec::with_capacity(total);
        for (i, &(c, at)) in order.iter().enumerate() {
            let h = &chunks[c as usize].0[at as usize];
            let base = bases[c as usize];
            let key = (h.key.0 + base, h.key.1 + base);
            let index = if h.candidate.stemmed {
                &mut by_stem
            } else {
                &mut by_word
            };
            if h.candidate.stemmed {
                match (h.stem_keeps_prefix, prefixes.as_mut()) {
                    (true, Some(set)) => {
                        set.insert(prefix2(&keys[key.0 as usize..key.1 as usize]).to_string());
                    }
                    (true, None) => {}
                    (false, _) => prefixes = None,
                }
            }
            index.add(&keys, key, i as u32, &mut next);
            candidates.push(h.candidate);
        }
        let patterns = (0..candidates.len()).map(|_| OnceLock::new()).collect();
        Matcher {
            set,
            lang: lang.clone(),
            candidates,
            patterns,
            words: keys,
            by_word,
            by_stem,
            next,
            stemmer,
            stem_prefixes: prefixes,
        }
    }

    /// The whole pattern of candidate `i`, built on first use.
    fn pattern(&self, i: usize) -> &Pattern {
        self.patterns[i].get_or_init(|| {
            Box::new(build_pattern(
                &self.set,
                &self.lang,
                self.stemmer.as_ref(),
                self.candidates[i],
            ))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
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
                        form: self.pattern(p).target.clone(),
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
        let by_word = self.by_word.head(&self.words, tokens.key(i));
        let by_stem = if self.by_stem.is_empty() {
            None
        } else {
            self.stem_of(tokens, i, true, stems)
                .and_then(|s| self.by_stem.head(&self.words, s))
        };
        // Each chain is in pattern order (longest first, correct forms first): the first
        // candidate of a chain that matches is its best, and the better of the two wins.
        let mut best: Option<usize> = None;
        for head in [by_word, by_stem].into_iter().flatten() {
            let mut p = head;
            while p != NO_NEXT && best.is_none_or(|b| (p as usize) < b) {
                let at = p as usize;
                if i + self.candidates[at].words as usize <= tokens.len()
                    && self.matches_at(text, tokens, i, self.pattern(at), stems)
                {
                    best = Some(at);
                    break;
                }
                p = self.next[at];
            }
        }
        best.map(|p| (self.candidates[p].words as usize, p))
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
        let set = Arc::new(set);
        for tag in ["en", "pt-BR", "pt", "de-CH", "zh-Hant", "sr-Latn", "haw"] {
            let lang: LangTag = tag.parse().unwrap();
            let (a, b) = (
                Matcher::compile(set.clone(), &lang),
                Matcher::compile_indexed(set.clone(), &lang, &index),
            );
            let every = |m: &Matcher| {
                (0..m.candidates.len())
                    .map(|i| format!("{:?}", m.pattern(i)))
                    .collect::<Vec<_>>()
            };
            assert_eq!(a.candidates, b.candidates, "{tag}");
            assert_eq!(every(&a), every(&b), "{tag}");
        }
    }
    use crate::glossary::parse;
    use crate::token::tokenize_str;

    fn set(json: &str) -> Arc<GlossarySet> {
        let mut s = GlossarySet::default();
        s.push("t", parse(std::path::Path::new("t.json"), json).unwrap());
        Arc::new(s)
    }

    fn found(set: &Arc<GlossarySet>, lang: &str, text: &str) -> Vec<(String, Status, String)> {
        let m = Matcher::compile(set.clone(), &lang.parse().unwrap());
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

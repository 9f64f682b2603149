//! The register's counts before clustering, built document by document or merged from parts.
//! Every field is a sum or the smallest few of something in a fixed order, so adding documents
//! in any order, or merging tallies of any split, gives the same tally.

use std::collections::{BTreeMap, HashSet};

use super::spelling::{Spelling, WORD_SEPARATOR};
use super::strings::{Strings, Sym};
use super::{DocNames, ReportedNames, small};
use crate::glossary::GlossarySet;

/// One language's spellings by the symbol of their folded key: a hash map (every name use of
/// every document is looked up here), boxed so that a table's free slots cost a pointer each.
/// In key order only where order shows: clustering and register files sort them.
pub(super) type Spellings = foldhash::HashMap<Sym, Box<Spelling>>;

/// Spellings by language and folded key, with the number of documents read, and the strings
/// they are written with.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub(super) langs: BTreeMap<String, Spellings>,
    pub(super) strings: Strings,
    pub documents: usize,
    /// The glossaries the names were read with (see [`glossary_stamp`]): they decide which
    /// spellings are correct glossary forms, so parts made with others cannot be merged.
    pub glossaries: Vec<String>,
}

/// The glossaries of a set as a register records them: name, version and size of each.
pub fn glossary_stamp(set: &GlossarySet) -> Vec<String> {
    set.glossaries
        .iter()
        .map(|(_, g)| match &g.version {
            Some(v) => format!("{} {v} ({} entries)", g.name, g.entries.len()),
            None => format!("{} ({} entries)", g.name, g.entries.len()),
        })
        .collect()
}

impl Tally {
    /// An empty tally for names read with these glossaries.
    pub fn new(glossaries: Vec<String>) -> Tally {
        Tally {
            glossaries,
            ..Tally::default()
        }
    }

    /// Adds one document's names.
    pub fn add(&mut self, path: &str, doc: &DocNames) {
        self.documents += 1;
        let Some(lang) = &doc.lang else { return };
        let Tally { langs, strings, .. } = self;
        if !langs.contains_key(lang.as_str()) {
            langs.insert(lang.to_string(), Spellings::default());
        }
        let Some(by_key) = langs.get_mut(lang.as_str()) else {
            return;
        };
        let path = strings.intern(path);
        let mut seen: HashSet<Sym> = HashSet::new();
        let mut words = String::new();
        for u in &doc.uses {
            let word = &u.words[u.pos];
            let key = strings.intern(word);
            let s = by_key
                .entry(key)
                .or_insert_with(|| Box::new(Spelling::new(key)));
            if seen.insert(key) {
                s.count_uses(1, small(doc.counts.get(word).copied().unwrap_or(1)));
                s.add_first_document(strings, path);
            }
            s.add_display(strings, &u.text, 1);
            s.add_full(strings, &u.mention, 1);
            if let Some(known) = &u.known {
                s.add_known(strings, known);
            }
            words.clear();
            for (i, w) in u.words.iter().enumerate() {
                if i > 0 {
                    words.push(WORD_SEPARATOR);
                }
                words.push_str(w);
            }
            s.add_context(strings, &words, small(u.pos));
            s.add_place(strings, path, small(u.line), small(u.column), &u.text);
        }
        for (a, b) in &doc.links {
            for (x, y) in [(a, b), (b, a)] {
                if let Some(x) = strings.find(x)
                    && let Some(s) = by_key.get_mut(&x)
                {
                    s.add_link(strings, y);
                }
            }
        }
    }

    /// A document's names as `name/corpus` reports them once this tally is a register.
    pub fn report(&mut self, doc: &DocNames) -> ReportedNames {
        ReportedNames::interned(doc, &mut self.strings)
    }

    /// Adds another part's tally. Both must have been read with the same glossaries.
    pub fn merge(&mut self, other: Tally) -> Result<(), String> {
        if self.documents == 0 && self.langs.is_empty() && self.glossaries.is_empty() {
            self.glossaries = other.glossaries.clone();
        } else if other.glossaries != self.glossaries {
            return Err(format!(
                "made with other glossaries ({}) than the first ({})",
                describe(&other.glossaries),
                describe(&self.glossaries)
            ));
        }
        self.documents += other.documents;
        for (lang, spellings) in other.langs {
            let into = self.langs.entry(lang).or_default();
            for s in spellings.into_values() {
                let key = self.strings.intern(other.strings.get(s.key));
                match into.get_mut(&key) {
                    Some(mine) => mine.absorb(&mut self.strings, &s, &other.strings),
                    None => {
                        let mut mine = Box::new(Spelling::new(key));
                        mine.absorb(&mut self.strings, &s, &other.strings);
                        into.insert(key, mine);
                    }
                }
            }
        }
        Ok(())
    }

    /// How many spellings it holds.
    pub fn spellings(&self) -> usize {
        self.langs.values().map(|s| s.len()).sum()
    }
}

/// Glossary stamps for a message.
pub(super) fn describe(stamps: &[String]) -> String {
    if stamps.is_empty() {
        "no glossary".to_string()
    } else {
        stamps.join(", ")
    }
}

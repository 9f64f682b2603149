//! The register's counts before clustering, built document by document or merged from parts.
//! Every field is a sum or the smallest few of something in a fixed order, so adding documents
//! in any order, or merging tallies of any split, gives the same tally.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use super::{Context, DocNames, DocPath, FIRST_DOCS, KEEP, PLACES, Place, Spelling};
use crate::glossary::GlossarySet;

/// One language's spellings by folded key: a hash map (every name use of every document is
/// looked up here), boxed so that a table's free slots cost a pointer each. In key order only
/// where order shows: clustering and register files sort them.
pub(super) type Spellings = foldhash::HashMap<String, Box<Spelling>>;

/// Spellings by language and folded key, with the number of documents read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub(super) langs: BTreeMap<String, Spellings>,
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

/// Offers an item to a sorted list of the `n` smallest: kept if it is among them.
pub(super) fn offer<T: Ord>(list: &mut Vec<T>, item: T, n: usize) {
    if list.len() >= n && list.last().is_some_and(|last| item >= *last) {
        return;
    }
    if let Err(at) = list.binary_search(&item) {
        // Grown one at a time: most lists stay far below `n`, and one past it is all the
        // room a full list needs.
        if list.len() == list.capacity() {
            list.reserve_exact(1);
        }
        list.insert(at, item);
        list.truncate(n);
    }
}

/// Room for one item in a list that has none: most spellings are used once, and a first
/// insert would otherwise reserve room for four.
fn first_room<T>(list: &mut Vec<T>) {
    if list.capacity() == 0 {
        list.reserve_exact(1);
    }
}

/// Adds a key to a sorted set of keys.
fn link(keys: &mut Vec<String>, key: String) {
    if let Err(at) = keys.binary_search(&key) {
        first_room(keys);
        keys.insert(at, key);
    }
}

/// Adds `n` to the count of `key` in a sorted list of counts.
pub(super) fn bump(counts: &mut Vec<(Box<str>, usize)>, key: &str, n: usize) {
    match counts.binary_search_by(|(k, _)| (**k).cmp(key)) {
        Ok(at) => counts[at].1 += n,
        Err(at) => {
            first_room(counts);
            counts.insert(at, (key.into(), n))
        }
    }
}

impl Spelling {
    pub(super) fn new(key: String) -> Spelling {
        Spelling {
            key,
            mentions: 0,
            documents: 0,
            display: Vec::new(),
            full: Vec::new(),
            contexts: Vec::new(),
            known: None,
            first_documents: Vec::new(),
            places: Vec::new(),
            linked: Vec::new(),
        }
    }

    /// Adds another part's counts of the same spelling.
    pub(super) fn absorb(&mut self, other: Spelling) {
        self.mentions += other.mentions;
        self.documents += other.documents;
        for (k, n) in other.display {
            bump(&mut self.display, &k, n);
        }
        for (k, n) in other.full {
            bump(&mut self.full, &k, n);
        }
        for c in other.contexts {
            offer(&mut self.contexts, c, KEEP);
        }
        self.known = match (self.known.take(), other.known) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        for d in other.first_documents {
            offer(&mut self.first_documents, d, FIRST_DOCS);
        }
        for p in other.places {
            offer(&mut self.places, p, PLACES);
        }
        for k in other.linked {
            link(&mut self.linked, k);
        }
    }
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
        let by_key = self.langs.entry(lang.to_string()).or_default();
        let path = DocPath(Arc::from(path));
        let mut seen: HashSet<&str> = HashSet::new();
        for u in &doc.uses {
            let key = &u.words[u.pos];
            if !by_key.contains_key(key) {
                by_key.insert(key.clone(), Box::new(Spelling::new(key.clone())));
            }
            let Some(s) = by_key.get_mut(key) else {
                continue;
            };
            if seen.insert(key) {
                s.documents += 1;
                s.mentions += doc.counts.get(key).copied().unwrap_or(1);
                offer(&mut s.first_documents, path.clone(), FIRST_DOCS);
            }
            bump(&mut s.display, &u.text, 1);
            bump(&mut s.full, &u.mention, 1);
            if let Some(known) = &u.known
                && s.known.as_ref().is_none_or(|k| known < k)
            {
                s.known = Some(known.clone());
            }
            let context = Context {
                words: u.words.clone(),
                pos: u.pos,
            };
            offer(&mut s.contexts, context, KEEP);
            let place = Place {
                path: path.clone(),
                line: super::small(u.line),
                column: super::small(u.column),
                text: u.text.as_str().into(),
            };
            offer(&mut s.places, place, PLACES);
        }
        for (a, b) in &doc.links {
            for (x, y) in [(a, b), (b, a)] {
                if let Some(s) = by_key.get_mut(x) {
                    link(&mut s.linked, y.clone());
                }
            }
        }
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
            merge_spellings(self.langs.entry(lang).or_default(), spellings);
        }
        Ok(())
    }

    /// How many spellings it holds.
    pub fn spellings(&self) -> usize {
        self.langs.values().map(|s| s.len()).sum()
    }
}

/// Adds one language's spellings of another part to this part's.
pub(super) fn merge_spellings(into: &mut Spellings, from: Spellings) {
    for (key, s) in from {
        match into.get_mut(&key) {
            Some(mine) => mine.absorb(*s),
            None => {
                into.insert(key, s);
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offering_keeps_the_smallest_few_sorted_and_distinct() {
        let mut list = Vec::new();
        for x in [5, 3, 9, 3, 1, 7, 2] {
            offer(&mut list, x, 3);
        }
        assert_eq!(list, vec![1, 2, 3]);
    }

    #[test]
    fn counts_stay_sorted() {
        let mut counts = Vec::new();
        for k in ["b", "a", "b", "c"] {
            bump(&mut counts, k, 1);
        }
        assert_eq!(
            counts,
            vec![("a".into(), 1), ("b".into(), 2), ("c".into(), 1)]
        );
    }
}

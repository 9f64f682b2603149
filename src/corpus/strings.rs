//! The register's strings, each held once: spellings, written forms, full names, contexts and
//! document paths are numbers into one text. A corpus's register holds hundreds of thousands
//! of short strings, most of them repeated (a word's written form is its place's text, a full
//! name is shared by each of its words): a heap allocation each cost more than the text.

use std::hash::BuildHasher;

/// A string of a [`Strings`]: equal strings of one table have equal symbols. Symbols of two
/// tables are not comparable; order is the strings' order, never the symbols'.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Sym(pub(super) u32);

/// Interned strings: one text, the end of each string in it, and a table from text to symbol.
#[derive(Debug, Clone, Default)]
pub(crate) struct Strings {
    text: String,
    ends: Vec<usize>,
    table: hashbrown::HashTable<u32>,
    hasher: foldhash::fast::RandomState,
}

impl Strings {
    /// The string of a symbol of this table.
    pub(crate) fn get(&self, sym: Sym) -> &str {
        string(&self.text, &self.ends, sym.0)
    }

    /// The symbol of `s`, if the table holds it.
    pub(crate) fn find(&self, s: &str) -> Option<Sym> {
        let hash = self.hasher.hash_one(s);
        self.table
            .find(hash, |&i| self.get(Sym(i)) == s)
            .map(|&i| Sym(i))
    }

    /// The symbol of `s`, added if new.
    pub(crate) fn intern(&mut self, s: &str) -> Sym {
        let hash = self.hasher.hash_one(s);
        let Strings {
            text,
            ends,
            table,
            hasher,
        } = self;
        if let Some(&i) = table.find(hash, |&i| string(text, ends, i) == s) {
            return Sym(i);
        }
        // A table past four billion strings would not fit in memory long before.
        let id = u32::try_from(ends.len()).expect("fewer than 2^32 strings");
        table.insert_unique(hash, id, |&i| hasher.hash_one(string(text, ends, i)));
        text.push_str(s);
        ends.push(text.len());
        Sym(id)
    }

    /// How many strings it holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }
}

/// String `i` of a table's text and ends.
fn string<'t>(text: &'t str, ends: &[usize], i: u32) -> &'t str {
    let i = i as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] };
    &text[start..ends[i]]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_string_is_held_once_and_read_back(words in prop::collection::vec(".{0,6}", 0..40)) {
            let mut strings = Strings::default();
            let syms: Vec<Sym> = words.iter().map(|w| strings.intern(w)).collect();
            for (w, &s) in words.iter().zip(&syms) {
                prop_assert_eq!(strings.get(s), w.as_str());
                prop_assert_eq!(strings.find(w), Some(s));
                prop_assert_eq!(strings.intern(w), s);
            }
            let distinct: std::collections::HashSet<&String> = words.iter().collect();
            prop_assert_eq!(strings.len(), distinct.len());
        }
    }

    #[test]
    fn a_string_never_added_is_not_found() {
        let mut strings = Strings::default();
        strings.intern("Kyiv");
        assert_eq!(strings.find("Kiev"), None);
        assert_eq!(strings.find(""), None);
        let empty = strings.intern("");
        assert_eq!(strings.get(empty), "");
    }
}

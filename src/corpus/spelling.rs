//! One spelling of a name word in one language: its counts and bounded samples of its uses,
//! every string a symbol of the register's [`Strings`]. Each list is kept sorted by the
//! strings it stands for (never by symbol), so adding uses in any order, or merging parts,
//! gives the same lists.

use std::cmp::Ordering;
use std::path::Path;

use super::strings::{Strings, Sym};
use super::{FIRST_DOCS, KEEP, PLACES};

/// A short list held in exactly its length: most of a register's lists hold one item, and a
/// growable vector's capacity would cost a word per list for nothing.
#[derive(Debug, Clone)]
pub(crate) struct List<T>(Box<[T]>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Box::default())
    }
}

impl<T> std::ops::Deref for List<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T> List<T> {
    /// Puts `item` at `at`, dropping the last item if the list would grow past `most`.
    fn put(&mut self, at: usize, item: T, most: usize) {
        let mut items = std::mem::take(&mut self.0).into_vec();
        if items.len() >= most {
            items.pop();
        } else {
            items.reserve_exact(1);
        }
        items.insert(at, item);
        self.0 = items.into_boxed_slice();
    }

    /// Where an item that `order` places among the `most` smallest goes: `None` if it is
    /// already there or would fall off the end.
    fn place(&self, most: usize, order: impl FnMut(&T) -> Ordering) -> Option<usize> {
        match self.0.binary_search_by(order) {
            Ok(_) => None,
            Err(at) => (at < most).then_some(at),
        }
    }
}

/// The words of a mention a spelling is used in (folded, joined by NUL, which sorts before
/// every letter, so the joined text sorts as the list of words does), and the spelling's
/// place among them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context {
    pub(crate) words: Sym,
    pub(crate) pos: u32,
}

/// What joins a context's words.
pub(crate) const WORD_SEPARATOR: char = '\0';

/// Where a spelling is used, as a finding's related place shows it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    pub(crate) path: Sym,
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) text: Sym,
}

/// Every spelling of a name word in one language.
#[derive(Debug, Clone)]
pub(crate) struct Spelling {
    /// The folded word.
    pub(crate) key: Sym,
    pub(crate) mentions: u32,
    pub(crate) documents: u32,
    /// The glossary entry it is a correct form of (the smallest id, if several).
    pub(crate) known: Option<Sym>,
    /// How the word is written, and the full names it is part of, with their counts.
    pub(crate) display: List<(Sym, u32)>,
    pub(crate) full: List<(Sym, u32)>,
    /// The smallest [`KEEP`] contexts it is used in.
    pub(crate) contexts: List<Context>,
    /// The first [`FIRST_DOCS`] documents using it, in path order.
    pub(crate) first_documents: List<Sym>,
    /// Its first [`PLACES`] uses, in path order.
    pub(crate) places: List<Place>,
    /// The spellings (keys) `name/inconsistent` reported as the same name in some document.
    pub(crate) linked: List<Sym>,
}

/// Paths as reports order them: component by component.
pub(crate) fn path_order(strings: &Strings, a: Sym, b: Sym) -> Ordering {
    // One document's uses share its symbol: no need to compare it component by component.
    if a == b {
        return Ordering::Equal;
    }
    Path::new(strings.get(a)).cmp(Path::new(strings.get(b)))
}

/// A count that stops at the largest a register records.
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Spelling {
    pub(crate) fn new(key: Sym) -> Spelling {
        Spelling {
            key,
            mentions: 0,
            documents: 0,
            known: None,
            display: List::default(),
            full: List::default(),
            contexts: List::default(),
            first_documents: List::default(),
            places: List::default(),
            linked: List::default(),
        }
    }

    /// Counts uses in documents of their own (`documents` of them, `mentions` uses in all).
    pub(crate) fn count_uses(&mut self, documents: u32, mentions: u32) {
        self.documents = self.documents.saturating_add(documents);
        self.mentions = self.mentions.saturating_add(mentions);
    }

    /// Adds `n` uses written `text`.
    pub(crate) fn add_display(&mut self, strings: &mut Strings, text: &str, n: u32) {
        bump(&mut self.display, strings, text, n);
    }

    /// Adds `n` uses in the full name `text`.
    pub(crate) fn add_full(&mut self, strings: &mut Strings, text: &str, n: u32) {
        bump(&mut self.full, strings, text, n);
    }

    /// Notes that it is a correct form of the glossary entry `id`.
    pub(crate) fn add_known(&mut self, strings: &mut Strings, id: &str) {
        if self.known.is_none_or(|k| id < strings.get(k)) {
            self.known = Some(strings.intern(id));
        }
    }

    /// Offers a context (`words` joined by [`WORD_SEPARATOR`]); its text is kept only if the
    /// context is.
    pub(crate) fn add_context(&mut self, strings: &mut Strings, words: &str, pos: u32) {
        let at = self.contexts.place(KEEP, |c| {
            strings.get(c.words).cmp(words).then(c.pos.cmp(&pos))
        });
        if let Some(at) = at {
            let words = strings.intern(words);
            self.contexts.put(at, Context { words, pos }, KEEP);
        }
    }

    /// Offers a document that uses it.
    pub(crate) fn add_first_document(&mut self, strings: &Strings, path: Sym) {
        if let Some(at) = self
            .first_documents
            .place(FIRST_DOCS, |&d| path_order(strings, d, path))
        {
            self.first_documents.put(at, path, FIRST_DOCS);
        }
    }

    /// Offers a place where it is used.
    pub(crate) fn add_place(
        &mut self,
        strings: &mut Strings,
        path: Sym,
        line: u32,
        column: u32,
        text: &str,
    ) {
        let at = self.places.place(PLACES, |p| {
            path_order(strings, p.path, path)
                .then(p.line.cmp(&line))
                .then(p.column.cmp(&column))
                .then_with(|| strings.get(p.text).cmp(text))
        });
        if let Some(at) = at {
            let text = strings.intern(text);
            let place = Place {
                path,
                line,
                column,
                text,
            };
            self.places.put(at, place, PLACES);
        }
    }

    /// Notes that a document's check reported `key` as the same name.
    pub(crate) fn add_link(&mut self, strings: &mut Strings, key: &str) {
        if let Some(at) = self.linked.place(usize::MAX, |&k| strings.get(k).cmp(key)) {
            let key = strings.intern(key);
            self.linked.put(at, key, usize::MAX);
        }
    }

    /// Adds another part's counts of the same spelling (`theirs` holds its strings).
    pub(crate) fn absorb(&mut self, strings: &mut Strings, other: &Spelling, theirs: &Strings) {
        self.count_uses(other.documents, other.mentions);
        for &(k, n) in other.display.iter() {
            self.add_display(strings, theirs.get(k), n);
        }
        for &(k, n) in other.full.iter() {
            self.add_full(strings, theirs.get(k), n);
        }
        for c in other.contexts.iter() {
            self.add_context(strings, theirs.get(c.words), c.pos);
        }
        if let Some(k) = other.known {
            self.add_known(strings, theirs.get(k));
        }
        for &d in other.first_documents.iter() {
            let d = strings.intern(theirs.get(d));
            self.add_first_document(strings, d);
        }
        for p in other.places.iter() {
            let path = strings.intern(theirs.get(p.path));
            self.add_place(strings, path, p.line, p.column, theirs.get(p.text));
        }
        for &k in other.linked.iter() {
            self.add_link(strings, theirs.get(k));
        }
    }
}

/// Adds `n` to the count of `text` in a list of counts sorted by text.
fn bump(counts: &mut List<(Sym, u32)>, strings: &mut Strings, text: &str, n: u32) {
    match counts
        .0
        .binary_search_by(|&(k, _)| strings.get(k).cmp(text))
    {
        Ok(at) => counts.0[at].1 = counts.0[at].1.saturating_add(n),
        Err(at) => {
            let k = strings.intern(text);
            counts.put(at, (k, n), usize::MAX);
        }
    }
}

/// The most used of some written forms (ties: the smallest).
pub(crate) fn most_used<'s>(strings: &'s Strings, counts: &[(Sym, u32)]) -> Option<&'s str> {
    counts
        .iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then_with(|| strings.get(b.0).cmp(strings.get(a.0)))
        })
        .map(|&(k, _)| strings.get(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(strings: &Strings, list: &[(Sym, u32)]) -> Vec<(String, u32)> {
        list.iter()
            .map(|&(k, n)| (strings.get(k).to_string(), n))
            .collect()
    }

    #[test]
    fn counts_stay_sorted_by_text() {
        let mut strings = Strings::default();
        let key = strings.intern("x");
        let mut s = Spelling::new(key);
        for k in ["b", "a", "b", "c"] {
            s.add_display(&mut strings, k, 1);
        }
        assert_eq!(
            texts(&strings, &s.display),
            [("a".into(), 1), ("b".into(), 2), ("c".into(), 1)]
        );
    }

    #[test]
    fn places_keep_the_first_few_by_path_and_drop_the_rest() {
        let mut strings = Strings::default();
        let key = strings.intern("x");
        let mut s = Spelling::new(key);
        for (path, line) in [
            ("b/x.txt", 3),
            ("a/z.txt", 9),
            ("a/z.txt", 2),
            ("c", 1),
            ("a", 7),
        ] {
            let path = strings.intern(path);
            s.add_place(&mut strings, path, line, 1, "X");
            s.add_place(&mut strings, path, line, 1, "X");
        }
        let got: Vec<(&str, u32)> = s
            .places
            .iter()
            .map(|p| (strings.get(p.path), p.line))
            .collect();
        assert_eq!(got, [("a", 7), ("a/z.txt", 2), ("a/z.txt", 9)]);
    }

    #[test]
    fn a_context_that_is_not_kept_leaves_no_string() {
        let mut strings = Strings::default();
        let key = strings.intern("x");
        let mut s = Spelling::new(key);
        for i in 0..KEEP {
            s.add_context(&mut strings, &format!("a{i:03}\0x"), 1);
        }
        s.add_context(&mut strings, "zz\0x", 1);
        assert_eq!(s.contexts.len(), KEEP);
        assert_eq!(strings.find("zz\0x"), None);
    }

    #[test]
    fn joined_words_sort_as_lists_of_words() {
        let lists: [&[&str]; 5] = [
            &["a", "bc"],
            &["ab", "c"],
            &["a"],
            &["a", "b", "c"],
            &["ab"],
        ];
        let mut by_list = lists.to_vec();
        by_list.sort();
        let mut by_text = lists.to_vec();
        by_text.sort_by_key(|l| l.join(&WORD_SEPARATOR.to_string()));
        assert_eq!(by_list, by_text);
    }
}

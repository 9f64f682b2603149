//! One spelling of a name word in one language: its counts and bounded samples of its uses,
//! every string a symbol of the register's [`Strings`]. Each list is kept sorted by the
//! strings it stands for (never by symbol), so adding uses in any order, or merging parts,
//! gives the same lists.

use std::cmp::Ordering;
use std::path::Path;

use super::strings::{Strings, Sym};
use super::{FIRST_DOCS, KEEP, PLACES};

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

/// Every spelling of a name word in one language. Its lists (see [`Section`]) are held one
/// after another in one allocation of exactly their length: most spellings are used once,
/// and a list each would cost more in pointers and allocations than the items they hold.
#[derive(Debug, Clone)]
pub(crate) struct Spelling {
    /// The folded word.
    pub(crate) key: Sym,
    pub(crate) mentions: u32,
    pub(crate) documents: u32,
    /// Items per section.
    lens: Lens,
    /// The sections' items, one after another, as 32-bit words.
    items: Box<[u32]>,
}

/// A spelling's lists, each sorted by the strings its items stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// How the word is written, with counts.
    Display,
    /// The full names it is part of, with counts.
    Full,
    /// The smallest [`KEEP`] contexts it is used in.
    Contexts,
    /// The first [`FIRST_DOCS`] documents using it, in path order.
    FirstDocuments,
    /// Its first [`PLACES`] uses, in path order.
    Places,
    /// The spellings (keys) `name/inconsistent` reported as the same name in some document.
    Linked,
    /// The glossary entry it is a correct form of (the smallest id, if several).
    Known,
}

const SECTIONS: usize = 7;

/// Words per item of each section, in section order.
const WIDTHS: [usize; SECTIONS] = [2, 2, 2, 1, 4, 1, 1];

/// Items per section: the sections kept short count in a byte.
#[derive(Debug, Clone, Copy, Default)]
struct Lens {
    display: u32,
    full: u32,
    linked: u32,
    contexts: u8,
    first_documents: u8,
    places: u8,
    known: u8,
}

// The short sections' most items fit their counters.
const _: () = assert!(KEEP <= u8::MAX as usize);
const _: () = assert!(FIRST_DOCS <= u8::MAX as usize);
const _: () = assert!(PLACES <= u8::MAX as usize);

impl Lens {
    fn get(&self, section: Section) -> usize {
        match section {
            Section::Display => self.display as usize,
            Section::Full => self.full as usize,
            Section::Contexts => self.contexts as usize,
            Section::FirstDocuments => self.first_documents as usize,
            Section::Places => self.places as usize,
            Section::Linked => self.linked as usize,
            Section::Known => self.known as usize,
        }
    }

    /// One more item in a section (below its most, which fits its counter).
    fn grow(&mut self, section: Section) {
        match section {
            Section::Display => self.display += 1,
            Section::Full => self.full += 1,
            Section::Contexts => self.contexts += 1,
            Section::FirstDocuments => self.first_documents += 1,
            Section::Places => self.places += 1,
            Section::Linked => self.linked += 1,
            Section::Known => self.known += 1,
        }
    }
}

const ALL: [Section; SECTIONS] = [
    Section::Display,
    Section::Full,
    Section::Contexts,
    Section::FirstDocuments,
    Section::Places,
    Section::Linked,
    Section::Known,
];

impl Section {
    /// Words per item.
    const fn width(self) -> usize {
        WIDTHS[self as usize]
    }

    /// The most items it keeps.
    const fn most(self) -> usize {
        match self {
            Section::Display | Section::Full | Section::Linked => u32::MAX as usize,
            Section::Known => 1,
            Section::Contexts => KEEP,
            Section::FirstDocuments => FIRST_DOCS,
            Section::Places => PLACES,
        }
    }
}

/// Paths as reports order them: component by component.
pub(crate) fn path_order(strings: &Strings, a: Sym, b: Sym) -> Ordering {
    // One document's uses share its symbol: no need to compare it component by component.
    if a == b {
        return Ordering::Equal;
    }
    Path::new(strings.get(a)).cmp(Path::new(strings.get(b)))
}

impl Spelling {
    pub(crate) fn new(key: Sym) -> Spelling {
        Spelling {
            key,
            mentions: 0,
            documents: 0,
            lens: Lens::default(),
            items: Box::default(),
        }
    }

    /// Where a section's words start.
    fn start(&self, section: Section) -> usize {
        ALL[..section as usize]
            .iter()
            .map(|&s| self.lens.get(s) * s.width())
            .sum()
    }

    /// The words of a section's items.
    fn words(&self, section: Section) -> &[u32] {
        let start = self.start(section);
        &self.items[start..start + self.lens.get(section) * section.width()]
    }

    /// Where an item that `order` places among a section's items goes: `Err` with the index
    /// of an equal item, `Ok(None)` if it would fall off the end.
    fn place(
        &self,
        section: Section,
        mut order: impl FnMut(&[u32]) -> Ordering,
    ) -> Result<Option<usize>, usize> {
        let width = section.width();
        let words = self.words(section);
        let (mut low, mut high) = (0, words.len() / width);
        while low < high {
            let mid = low + (high - low) / 2;
            match order(&words[mid * width..(mid + 1) * width]) {
                Ordering::Less => low = mid + 1,
                Ordering::Greater => high = mid,
                Ordering::Equal => return Err(mid),
            }
        }
        Ok((low < section.most()).then_some(low))
    }

    /// Puts an item at `at` in a section, dropping the section's last item if it would grow
    /// past its most.
    fn put(&mut self, section: Section, at: usize, item: &[u32]) {
        debug_assert_eq!(item.len(), section.width());
        let (start, width, len) = (self.start(section), section.width(), self.lens.get(section));
        let mut items = std::mem::take(&mut self.items).into_vec();
        if len >= section.most() {
            let last = start + (len - 1) * width;
            items.drain(last..last + width);
        } else {
            items.reserve_exact(width);
            self.lens.grow(section);
        }
        let at = start + at * width;
        items.splice(at..at, item.iter().copied());
        self.items = items.into_boxed_slice();
    }

    /// Counts uses in documents of their own (`documents` of them, `mentions` uses in all).
    pub(crate) fn count_uses(&mut self, documents: u32, mentions: u32) {
        self.documents = self.documents.saturating_add(documents);
        self.mentions = self.mentions.saturating_add(mentions);
    }

    /// How the word is written, with counts, in text order.
    pub(crate) fn display(&self) -> impl Iterator<Item = (Sym, u32)> + '_ {
        counts(self.words(Section::Display))
    }

    /// The full names it is part of, with counts, in text order.
    pub(crate) fn full(&self) -> impl Iterator<Item = (Sym, u32)> + '_ {
        counts(self.words(Section::Full))
    }

    /// Its contexts, smallest first.
    pub(crate) fn contexts(&self) -> impl Iterator<Item = Context> + '_ {
        self.words(Section::Contexts)
            .chunks_exact(2)
            .map(|c| Context {
                words: Sym(c[0]),
                pos: c[1],
            })
    }

    /// The first documents using it, in path order.
    pub(crate) fn first_documents(&self) -> impl Iterator<Item = Sym> + '_ {
        self.words(Section::FirstDocuments).iter().map(|&w| Sym(w))
    }

    /// Its first places, in path order.
    pub(crate) fn places(&self) -> impl Iterator<Item = Place> + '_ {
        self.words(Section::Places).chunks_exact(4).map(|c| Place {
            path: Sym(c[0]),
            line: c[1],
            column: c[2],
            text: Sym(c[3]),
        })
    }

    /// The spellings a document's check reported as the same name, in key order.
    pub(crate) fn linked(&self) -> impl Iterator<Item = Sym> + '_ {
        self.words(Section::Linked).iter().map(|&w| Sym(w))
    }

    /// Adds `n` uses written `text`.
    pub(crate) fn add_display(&mut self, strings: &mut Strings, text: &str, n: u32) {
        self.bump(Section::Display, strings, text, n);
    }

    /// Adds `n` uses in the full name `text`.
    pub(crate) fn add_full(&mut self, strings: &mut Strings, text: &str, n: u32) {
        self.bump(Section::Full, strings, text, n);
    }

    /// Adds `n` to the count of `text` in a section of counts.
    fn bump(&mut self, section: Section, strings: &mut Strings, text: &str, n: u32) {
        match self.place(section, |c| strings.get(Sym(c[0])).cmp(text)) {
            Err(at) => {
                let i = self.start(section) + at * 2 + 1;
                self.items[i] = self.items[i].saturating_add(n);
            }
            Ok(Some(at)) => {
                let k = strings.intern(text);
                self.put(section, at, &[k.0, n]);
            }
            Ok(None) => {}
        }
    }

    /// Notes that it is a correct form of the glossary entry `id`.
    pub(crate) fn add_known(&mut self, strings: &mut Strings, id: &str) {
        let at = self.place(Section::Known, |k| strings.get(Sym(k[0])).cmp(id));
        if let Ok(Some(at)) = at {
            let id = strings.intern(id);
            self.put(Section::Known, at, &[id.0]);
        }
    }

    /// The glossary entry it is a correct form of (the smallest id, if several).
    pub(crate) fn known(&self) -> Option<Sym> {
        self.words(Section::Known).first().map(|&w| Sym(w))
    }

    /// Offers a context (`words` joined by [`WORD_SEPARATOR`]); its text is kept only if the
    /// context is.
    pub(crate) fn add_context(&mut self, strings: &mut Strings, words: &str, pos: u32) {
        let at = self.place(Section::Contexts, |c| {
            strings.get(Sym(c[0])).cmp(words).then(c[1].cmp(&pos))
        });
        if let Ok(Some(at)) = at {
            let words = strings.intern(words);
            self.put(Section::Contexts, at, &[words.0, pos]);
        }
    }

    /// Offers a document that uses it.
    pub(crate) fn add_first_document(&mut self, strings: &Strings, path: Sym) {
        let at = self.place(Section::FirstDocuments, |d| {
            path_order(strings, Sym(d[0]), path)
        });
        if let Ok(Some(at)) = at {
            self.put(Section::FirstDocuments, at, &[path.0]);
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
        let at = self.place(Section::Places, |p| {
            path_order(strings, Sym(p[0]), path)
                .then(p[1].cmp(&line))
                .then(p[2].cmp(&column))
                .then_with(|| strings.get(Sym(p[3])).cmp(text))
        });
        if let Ok(Some(at)) = at {
            let text = strings.intern(text);
            self.put(Section::Places, at, &[path.0, line, column, text.0]);
        }
    }

    /// Notes that a document's check reported `key` as the same name.
    pub(crate) fn add_link(&mut self, strings: &mut Strings, key: &str) {
        let at = self.place(Section::Linked, |k| strings.get(Sym(k[0])).cmp(key));
        if let Ok(Some(at)) = at {
            let key = strings.intern(key);
            self.put(Section::Linked, at, &[key.0]);
        }
    }

    /// Adds another part's counts of the same spelling (`theirs` holds its strings).
    pub(crate) fn absorb(&mut self, strings: &mut Strings, other: &Spelling, theirs: &Strings) {
        self.count_uses(other.documents, other.mentions);
        for (k, n) in other.display() {
            self.add_display(strings, theirs.get(k), n);
        }
        for (k, n) in other.full() {
            self.add_full(strings, theirs.get(k), n);
        }
        for c in other.contexts() {
            self.add_context(strings, theirs.get(c.words), c.pos);
        }
        if let Some(k) = other.known() {
            self.add_known(strings, theirs.get(k));
        }
        for d in other.first_documents() {
            let d = strings.intern(theirs.get(d));
            self.add_first_document(strings, d);
        }
        for p in other.places() {
            let path = strings.intern(theirs.get(p.path));
            self.add_place(strings, path, p.line, p.column, theirs.get(p.text));
        }
        for k in other.linked() {
            self.add_link(strings, theirs.get(k));
        }
    }
}

/// A section of (string, count) items.
fn counts(words: &[u32]) -> impl Iterator<Item = (Sym, u32)> + '_ {
    words.chunks_exact(2).map(|c| (Sym(c[0]), c[1]))
}

/// The most used of some written forms (ties: the smallest).
pub(crate) fn most_used(
    strings: &Strings,
    counts: impl Iterator<Item = (Sym, u32)>,
) -> Option<&str> {
    counts
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then_with(|| strings.get(b.0).cmp(strings.get(a.0)))
        })
        .map(|(k, _)| strings.get(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(strings: &Strings, list: impl Iterator<Item = (Sym, u32)>) -> Vec<(String, u32)> {
        list.map(|(k, n)| (strings.get(k).to_string(), n)).collect()
    }

    #[test]
    fn a_spelling_is_a_few_words_and_one_allocation() {
        // Seventy thousand spellings in a day's output: every word here is 0.3 MB.
        assert!(std::mem::size_of::<Spelling>() <= 48);
    }

    #[test]
    fn the_smallest_glossary_id_is_kept() {
        let mut strings = Strings::default();
        let key = strings.intern("x");
        let mut s = Spelling::new(key);
        for id in ["people-b", "people-a", "people-c"] {
            s.add_known(&mut strings, id);
        }
        assert_eq!(s.known().map(|k| strings.get(k)), Some("people-a"));
        s.add_display(&mut strings, "X", 2);
        assert_eq!(s.known().map(|k| strings.get(k)), Some("people-a"));
        assert_eq!(texts(&strings, s.display()), [("X".into(), 2)]);
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
            texts(&strings, s.display()),
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
        let got: Vec<(&str, u32)> = s.places().map(|p| (strings.get(p.path), p.line)).collect();
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
        assert_eq!(s.contexts().count(), KEEP);
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

//! Names across the documents of a run: a register of every spelling of every name, grouped
//! into clusters of variants (found by blocking, not by comparing every pair), and the
//! `name/corpus` findings for documents that spell a name unlike the rest of the corpus.
//!
//! The register holds counts, never the documents: per spelling, how often and in how many
//! documents it is used, and bounded samples (contexts, first documents, a few places). Each
//! sample is the smallest few in a fixed order, so a register can be built in parts and merged
//! ([`Tally`]), written and read as JSON Lines ([`file`]), and the merge of any split equals the
//! register of the whole. `name/corpus` is reported per document against a finished register.

mod file;
mod spelling;
mod strings;
mod tally;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

pub use file::{FORMAT, read, write};
pub use tally::{Tally, glossary_stamp};

use serde::Serialize;

use spelling::{Spelling, WORD_SEPARATOR, most_used};
use strings::{Strings, Sym};

use crate::checks::{Example, Rule};
use crate::document::Document;
use crate::finding::{Finding, Related, Severity};
use crate::glossary::{GlossarySet, Match, Status};
use crate::lang::LangTag;
use crate::names::{Groups, Mention, VariantRules, is_title_word, skeleton};

use crate::normalize::ascii_key;

/// `name/corpus`, reported once every document of a run has been read.
pub const RULE: Rule = Rule {
    id: "name/corpus",
    severity: Severity::Warning,
    summary: "a document spelling a name unlike the other documents of the run",
    explanation: "Batch: a document that writes a name unlike the rest of the run (one story \
        with \"Tsikhanovskaya\" where others have \"Tsikhanouskaya\"), at each deviating use, \
        with the majority (or the glossary's) spelling and how many documents use each. Full \
        names must agree apart from the variant word, so two people who share a surname are \
        not confused. Settle on the spelling the desk uses.",
    example: Example {
        lang: "en",
        text: "Opposition leader Sviatlana Tsikhanovskaya spoke in Vilnius on Monday.",
        source: None,
        others: &[
            "Sviatlana Tsikhanouskaya met the foreign ministers in Brussels.",
            "Belarusian opposition leader Sviatlana Tsikhanouskaya called for new elections.",
        ],
    },
};

/// How many following spellings of a block each spelling is compared with.
const NEIGHBOURS: usize = 8;
/// Contexts kept per spelling for judging variants; counts go on beyond it.
const KEEP: usize = 64;
/// A first document list in the register stops here.
const FIRST_DOCS: usize = 5;
/// Places kept per spelling, shown as related places of a finding.
const PLACES: usize = 3;

/// One use of a name word in a document, with enough to report it and to judge its context.
#[derive(Debug, Clone)]
pub struct NameUse {
    /// Folded keys of the mention's words (shared by its words); `pos` is this word's place.
    pub words: Arc<[String]>,
    pub pos: usize,
    /// The word as written, and the whole mention as written.
    pub text: String,
    pub mention: Arc<str>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    /// The glossary entry this word belongs to (a correct form), if any.
    pub known: Option<String>,
}

/// The names of one document, collected while it is checked: every spelling's count, and a
/// few of its uses (enough to judge context and to report it).
#[derive(Debug, Clone, Default)]
pub struct DocNames {
    pub lang: Option<LangTag>,
    pub uses: Vec<NameUse>,
    pub counts: HashMap<String, usize>,
    /// Pairs of spellings (folded keys) that `name/inconsistent` reported as one name in this
    /// document: the register joins them, so that it lists every variant `check` reports.
    pub links: Vec<(String, String)>,
}

/// A place, length or count in 32 bits (a text past 4 GiB is refused long before; a count
/// stops at the largest a register records).
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A document's names as `name/corpus` reports them: a few uses of each spelling, kept for
/// every document of a run until its register is complete (so kept small: the strings are the
/// register's, places in 32 bits, as an input is at most [`crate::limits::MAX_INPUT_BYTES`],
/// and where a use ends is kept only when it does not follow from its text).
#[derive(Debug, Clone, Default)]
pub struct ReportedNames {
    lang: Option<Box<str>>,
    uses: Box<[KeptUse]>,
    /// The ends of the uses that do not end where their text does on their line (a word whose
    /// source is longer than its text, as an HTML entity makes it), by use, in use order.
    ends: Box<[(u32, Ends)]>,
}

/// A use of a name word as a held document keeps it.
#[derive(Debug, Clone, Copy)]
struct KeptUse {
    key: Sym,
    text: Sym,
    line: u32,
    column: u32,
    byte_start: u32,
}

/// Where a use ends: line, column and byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ends {
    line: u32,
    column: u32,
    byte: u32,
}

impl Ends {
    /// Where a word written `text` ends if its source is its text, on one line (columns
    /// count characters).
    fn of_text(text: &str, line: u32, column: u32, byte_start: u32) -> Ends {
        Ends {
            line,
            column: column.saturating_add(small(text.chars().count())),
            byte: byte_start.saturating_add(small(text.len())),
        }
    }
}

impl ReportedNames {
    /// A document's names, its strings interned in `strings`.
    pub(crate) fn interned(doc: &DocNames, strings: &mut Strings) -> ReportedNames {
        let mut ends = Vec::new();
        let uses = doc
            .uses
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let kept = KeptUse {
                    key: strings.intern(&u.words[u.pos]),
                    text: strings.intern(&u.text),
                    line: small(u.line),
                    column: small(u.column),
                    byte_start: small(u.byte_start),
                };
                let end = Ends {
                    line: small(u.end_line),
                    column: small(u.end_column),
                    byte: small(u.byte_end),
                };
                if end != Ends::of_text(&u.text, kept.line, kept.column, kept.byte_start) {
                    ends.push((small(i), end));
                }
                kept
            })
            .collect();
        ReportedNames {
            lang: doc.lang.as_ref().map(|l| l.as_str().into()),
            uses,
            ends: ends.into_boxed_slice(),
        }
    }

    /// Its uses with their texts and ends.
    fn uses<'s>(&self, strings: &'s Strings) -> Vec<ReportedUse<'s>> {
        let mut ends = self.ends.iter().peekable();
        self.uses
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let text = strings.get(u.text);
                let end = match ends.next_if(|(at, _)| *at as usize == i) {
                    Some(&(_, end)) => end,
                    None => Ends::of_text(text, u.line, u.column, u.byte_start),
                };
                ReportedUse {
                    key: u.key,
                    text,
                    line: u.line,
                    column: u.column,
                    end_line: end.line,
                    end_column: end.column,
                    byte_start: u.byte_start,
                    byte_end: end.byte,
                }
            })
            .collect()
    }
}

/// A use of a name word as `name/corpus` reports it: its key a symbol of the register's.
#[derive(Debug, Clone, Copy)]
struct ReportedUse<'a> {
    key: Sym,
    text: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    byte_start: u32,
    byte_end: u32,
}

impl<'a> ReportedUse<'a> {
    fn of(key: Sym, text: &'a str, u: &NameUse) -> ReportedUse<'a> {
        ReportedUse {
            key,
            text,
            line: small(u.line),
            column: small(u.column),
            end_line: small(u.end_line),
            end_column: small(u.end_column),
            byte_start: small(u.byte_start),
            byte_end: small(u.byte_end),
        }
    }
}

/// Uses kept per spelling and document.
const USES_PER_DOC: usize = 3;

/// Collects the name words of a document (confirmed names, and sentence openers that the
/// document's `findings` link to a name; titles and deprecated glossary forms left out: other
/// rules deal with those).
pub fn collect(
    doc: &Document,
    matches: &[Match],
    glossaries: &GlossarySet,
    findings: &[Finding],
) -> DocNames {
    let links = linked_spellings(findings);
    let linked: std::collections::HashSet<&str> = links
        .iter()
        .flat_map(|(a, b)| [a.as_str(), b.as_str()])
        .collect();
    let tokens = &doc.tokens;
    let mut status: HashMap<usize, (Status, String)> = HashMap::new();
    for m in matches {
        let id = glossaries.entry(m.form.glossary, m.form.entry).id.clone();
        for t in m.tokens.clone() {
            status.insert(t, (m.form.status, id.clone()));
        }
    }
    let mut uses = Vec::new();
    let mut counts: HashMap<String, usize> = HashMap::new();
    let wanted = |m: &&Mention| !m.weak || m.words.iter().any(|&w| linked.contains(tokens.key(w)));
    for m in doc.mentions().iter().filter(wanted) {
        let words: Arc<[String]> = m.words.iter().map(|&w| tokens.key(w).to_string()).collect();
        let mention: Arc<str> = doc.text[m.span.clone()].into();
        for (pos, &w) in m.words.iter().enumerate() {
            let key = tokens.key(w);
            if is_title_word(key) || ascii_key(key).len() < 3 {
                continue;
            }
            let known = match status.get(&w) {
                Some((Status::Deprecated, _)) => continue,
                Some((_, id)) => Some(id.clone()),
                None => None,
            };
            let count = counts.entry(key.to_string()).or_default();
            *count += 1;
            if *count > USES_PER_DOC {
                continue;
            }
            let span = tokens.list[w].span();
            let (bytes, start, end) = doc.locate(span.clone());
            uses.push(NameUse {
                words: words.clone(),
                pos,
                text: doc.text[span].to_string(),
                mention: mention.clone(),
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                byte_start: bytes.start,
                byte_end: bytes.end,
                known,
            });
        }
    }
    DocNames {
        lang: Some(doc.lang.clone()),
        uses,
        counts,
        links,
    }
}

/// The spellings `name/inconsistent` reported as one name: each finding's words against those
/// of its first related place (the occurrence it was compared with, the same words but one).
fn linked_spellings(findings: &[Finding]) -> Vec<(String, String)> {
    let words = |text: &str| {
        let t = crate::token::tokenize_str(text);
        (0..t.len())
            .filter(|&i| t.list[i].capitalized)
            .map(|i| t.key(i).to_string())
            .collect::<Vec<String>>()
    };
    let mut out = Vec::new();
    for f in findings.iter().filter(|f| f.rule == "name/inconsistent") {
        let Some(r) = f.related.first() else { continue };
        let (here, there) = (words(&f.text), words(&r.text));
        if here.len() != there.len() {
            continue;
        }
        out.extend(here.into_iter().zip(there).filter(|(a, b)| a != b));
    }
    out.sort();
    out.dedup();
    out
}

/// A spelling as the register shows it.
#[derive(Debug, Clone, Serialize)]
pub struct SpellingEntry {
    pub text: String,
    /// The full name this spelling is most often part of.
    pub name: String,
    pub mentions: usize,
    pub documents: usize,
    pub first_documents: Vec<String>,
    pub glossary: Option<String>,
}

/// One name and its spellings across the corpus.
#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    pub language: String,
    /// The name as most often written in full.
    pub name: String,
    pub spellings: Vec<SpellingEntry>,
    /// The glossary entry the name belongs to, if any.
    pub glossary: Option<String>,
}

/// How much work clustering did, for measuring how it scales.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Effort {
    pub spellings: usize,
    pub compared: usize,
}

/// The corpus's names, clustered: what `concord names` lists and `name/corpus` reports against.
pub struct Register {
    /// Boxed as the tally holds them: moving 70,000 spellings into one list would hold them
    /// twice at the peak of a run.
    #[allow(clippy::vec_box)]
    langs: BTreeMap<String, Vec<Box<Spelling>>>,
    /// The strings the spellings are written with.
    strings: Strings,
    /// Clusters per language: indices into that language's spellings, reference first.
    clusters: BTreeMap<String, Vec<Vec<usize>>>,
    /// Per language and spelling key, for each spelling that deviates from its cluster's
    /// reference: (the spelling, the reference), as indices into that language's spellings.
    deviating: HashMap<String, HashMap<Sym, (usize, usize)>>,
    pub documents: usize,
    pub effort: Effort,
}

impl Register {
    /// Builds the register from every document's names (`docs[i]` is the document at
    /// `paths[i]`).
    pub fn build(paths: &[String], docs: &[DocNames]) -> Register {
        let mut tally = Tally::default();
        for (path, d) in paths.iter().zip(docs) {
            tally.add(path, d);
        }
        Register::new(tally)
    }

    /// Clusters a tally's spellings.
    pub fn new(tally: Tally) -> Register {
        Register::clustered(tally, 1)
    }

    /// [`Register::new`] on `threads` threads: each language is clustered on its own, and the
    /// languages are put back in order, so the register does not depend on the count.
    pub fn clustered(tally: Tally, threads: usize) -> Register {
        let mut register = Register {
            langs: BTreeMap::new(),
            strings: tally.strings,
            clusters: BTreeMap::new(),
            deviating: HashMap::new(),
            documents: tally.documents,
            effort: Effort::default(),
        };
        let strings = &register.strings;
        let one = |_, (lang, by_key): (String, tally::Spellings)| {
            let (list, groups, effort) = cluster_language(strings, &lang, by_key);
            (lang, list, groups, effort)
        };
        let add =
            |_, (lang, list, groups, e): (String, Vec<Box<Spelling>>, Vec<Vec<usize>>, Effort)| {
                register.effort.spellings += e.spellings;
                register.effort.compared += e.compared;
                let by_key: &mut HashMap<Sym, (usize, usize)> =
                    register.deviating.entry(lang.clone()).or_default();
                for g in groups.iter().filter(|g| g.len() > 1) {
                    for &i in &g[1..] {
                        by_key.insert(list[i].key, (i, g[0]));
                    }
                }
                register.clusters.insert(lang.clone(), groups);
                register.langs.insert(lang, list);
                true
            };
        crate::stream::map(
            tally.langs.into_iter(),
            threads,
            crate::stream::Order::Input,
            one,
            add,
        );
        register
    }

    /// Every cluster, largest first (ties by language and name).
    pub fn clusters(&self) -> Vec<Cluster> {
        let mut out = Vec::new();
        let strings = &self.strings;
        for (lang, groups) in &self.clusters {
            let list = &self.langs[lang];
            for g in groups {
                let reference = &list[g[0]];
                let name = most_used(strings, reference.full())
                    .map(without_titles)
                    .unwrap_or_default();
                let spellings = g
                    .iter()
                    .map(|&i| {
                        let s = &list[i];
                        SpellingEntry {
                            text: most_used(strings, s.display())
                                .unwrap_or_default()
                                .to_string(),
                            name: most_used(strings, s.full())
                                .map(without_titles)
                                .unwrap_or_default(),
                            mentions: s.mentions as usize,
                            documents: s.documents as usize,
                            first_documents: s
                                .first_documents()
                                .map(|d| strings.get(d).to_string())
                                .collect(),
                            glossary: s.known().map(|k| strings.get(k).to_string()),
                        }
                    })
                    .collect();
                let glossary = g
                    .iter()
                    .find_map(|&i| list[i].known().map(|k| strings.get(k).to_string()));
                out.push(Cluster {
                    language: lang.clone(),
                    name,
                    spellings,
                    glossary,
                });
            }
        }
        out.sort_by(|a, b| {
            let total = |c: &Cluster| c.spellings.iter().map(|s| s.mentions).sum::<usize>();
            total(b)
                .cmp(&total(a))
                .then(a.language.cmp(&b.language))
                .then(a.name.cmp(&b.name))
        });
        out
    }

    /// `name/corpus` findings of one document whose names were counted into this register.
    pub fn findings(&self, path: &str, doc: &ReportedNames) -> Vec<Finding> {
        let uses = doc.uses(&self.strings);
        self.report(path, doc.lang.as_deref(), &uses)
    }

    /// `name/corpus` findings of a document against a register that did not count it (one
    /// read from a file): a spelling the register does not hold deviates from nothing.
    pub fn findings_of(&self, path: &str, doc: &DocNames) -> Vec<Finding> {
        let uses: Vec<ReportedUse> = doc
            .uses
            .iter()
            .filter_map(|u| {
                let key = self.strings.find(&u.words[u.pos])?;
                Some(ReportedUse::of(key, u.text.as_str(), u))
            })
            .collect();
        self.report(path, doc.lang.as_ref().map(|l| l.as_str()), &uses)
    }

    /// Each use of a spelling that deviates from its cluster's reference, unless the document
    /// also uses the reference (that is the in-document check's).
    fn report(&self, path: &str, lang: Option<&str>, uses: &[ReportedUse]) -> Vec<Finding> {
        let Some(lang) = lang else {
            return Vec::new();
        };
        let (Some(deviating), Some(list)) = (self.deviating.get(lang), self.langs.get(lang)) else {
            return Vec::new();
        };
        let strings = &self.strings;
        let mut out = Vec::new();
        for u in uses {
            let Some(&(i, r)) = deviating.get(&u.key) else {
                continue;
            };
            let (s, reference) = (&list[i], &list[r]);
            if uses.iter().any(|v| v.key == reference.key) {
                continue;
            }
            let ref_text = most_used(strings, reference.display())
                .unwrap_or_default()
                .to_string();
            let glossary = if reference.known().is_some() {
                ", the glossary's form,"
            } else {
                ""
            };
            let message = format!(
                "“{}” is written “{ref_text}”{glossary} in {} other document{} ({} use{} this spelling)",
                u.text,
                reference.documents,
                if reference.documents == 1 { "" } else { "s" },
                s.documents,
                if s.documents == 1 { "s" } else { "" }
            );
            let related = reference
                .places()
                .map(|p| Related {
                    path: strings.get(p.path).to_string(),
                    line: p.line as usize,
                    column: p.column as usize,
                    text: strings.get(p.text).to_string(),
                })
                .collect();
            out.push(Finding {
                rule: RULE.id,
                severity: RULE.severity,
                path: path.to_string(),
                line: u.line as usize,
                column: u.column as usize,
                end_line: u.end_line as usize,
                end_column: u.end_column as usize,
                byte_start: u.byte_start as usize,
                byte_end: u.byte_end as usize,
                text: u.text.to_string(),
                message,
                suggestions: vec![ref_text],
                related,
                fix: None,
            });
        }
        crate::finding::sort(&mut out);
        out
    }
}

/// One language's spellings in key order (so that the clustering's tie-breaks are fixed),
/// boxed as the tally holds them, their clusters, and the work it took.
#[allow(clippy::vec_box)]
fn cluster_language(
    strings: &Strings,
    lang: &str,
    by_key: tally::Spellings,
) -> (Vec<Box<Spelling>>, Vec<Vec<usize>>, Effort) {
    let mut list: Vec<Box<Spelling>> = by_key.into_values().collect();
    list.sort_unstable_by(|a, b| strings.get(a.key).cmp(strings.get(b.key)));
    let tag = LangTag::parse(lang).unwrap_or_else(|_| LangTag::parse("en").expect("en is a tag"));
    let find = |k| {
        list.binary_search_by(|s| strings.get(s.key).cmp(strings.get(k)))
            .ok()
    };
    let pairs: Vec<(usize, usize)> = list
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.linked().filter_map(move |k| Some((i, find(k)?))))
        .collect();
    let (groups, effort) = cluster(strings, &list, &VariantRules::new(&tag), &pairs);
    (list, groups, effort)
}

/// A name without the titles and descriptors written before it ("Mayor Tomasz Wierzbicki" →
/// "Tomasz Wierzbicki", "European Council President Charles Michel" → "Charles Michel"), on
/// one line: everything up to the last title word, when a name of two words or more follows
/// it (not "of England" after "Bank"), else the leading titles.
fn without_titles(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let title = |w: &&str| is_title_word(&crate::normalize::folded(w));
    let lead = words.iter().position(|w| !title(w)).unwrap_or(0);
    let start = match words.iter().rposition(title) {
        Some(last) if last >= lead && words.len() - last > 2 => {
            let next = crate::normalize::folded(words[last + 1]);
            let capitalised = words[last + 1]
                .chars()
                .next()
                .is_some_and(crate::chars::is_uppercase);
            if capitalised && !crate::data::words(crate::data::NAME_PARTICLES).any(|p| p == next) {
                last + 1
            } else {
                lead
            }
        }
        _ => lead,
    };
    words[start..].join(" ")
}

/// Blocking keys: the consonant skeleton and every form of it with one letter deleted (a
/// deletion neighbourhood). Two spellings whose skeletons differ by one edit share a key;
/// vowel and transliteration differences do not change the skeleton at all (Tsikhanouskaya /
/// Tsikhanovskaya, Anthony / Antony, Garibashvili / Garibachvili).
/// Keys also carry the spelling's first letter (variants keep it, as the variant rules
/// require), and a key shorter than three letters is not used.
fn blocks(ascii: &str) -> Vec<String> {
    let initial = match ascii.as_bytes().first() {
        Some(b'e' | b'i' | b'j' | b'y') => 'e',
        Some(&c) => c as char,
        None => return Vec::new(),
    };
    let s: Vec<char> = skeleton(ascii).chars().collect();
    let mut keys = vec![format!("{initial}:{}", s.iter().collect::<String>())];
    if s.len() > 3 {
        for i in 0..s.len() {
            keys.push(format!(
                "{initial}:{}",
                s[..i].iter().chain(&s[i + 1..]).collect::<String>()
            ));
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Clusters spellings that are variants in compatible contexts, or that a document's check
/// linked (`links`). Returns groups with the reference spelling (glossary form, else most
/// documents, else most mentions) first, and the work done. Singletons are groups too: every
/// spelling is in the register.
fn cluster(
    strings: &Strings,
    list: &[Box<Spelling>],
    rules: &VariantRules,
    links: &[(usize, usize)],
) -> (Vec<Vec<usize>>, Effort) {
    let n = list.len();
    // Spellings are compared by their ASCII transliterations.
    let ascii: Vec<String> = list.iter().map(|s| ascii_key(strings.get(s.key))).collect();
    let mut groups = Groups::new(n);
    for &(a, b) in links {
        groups.join(a, b);
    }
    let linked: std::collections::HashSet<usize> =
        links.iter().flat_map(|&(a, b)| [a, b]).collect();
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in ascii.iter().enumerate() {
        for key in blocks(a) {
            index.entry(key).or_default().push(i);
        }
    }
    let mut compared = 0;
    let mut seen: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    let mut keys: Vec<&String> = index.keys().collect();
    keys.sort();
    for k in keys {
        // Sorted neighbourhood: in a block sorted by spelling, each spelling meets only its next
        // few neighbours, which bounds the work whatever the block's size; variants share a key
        // and sort next to each other in it.
        let mut members = index[k].clone();
        members.sort_by(|&x, &y| ascii[x].cmp(&ascii[y]).then(x.cmp(&y)));
        for (x, &a) in members.iter().enumerate() {
            for &b in members[x + 1..].iter().take(NEIGHBOURS) {
                if ascii[b].len().abs_diff(ascii[a].len()) > 3 {
                    continue;
                }
                if !seen.insert((a.min(b), a.max(b))) {
                    continue;
                }
                compared += 1;
                let (sa, sb) = (&list[a], &list[b]);
                if sa.known().is_some() && sb.known().is_some() {
                    continue;
                }
                if !rules.is_variant(
                    strings.get(sa.key),
                    strings.get(sb.key),
                    &ascii[a],
                    &ascii[b],
                ) || !context_match(strings, sa, sb)
                {
                    continue;
                }
                groups.join(a, b);
            }
        }
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    for mut g in groups.into_groups() {
        g.sort_by_key(|&i| {
            (
                list[i].known().is_none(),
                std::cmp::Reverse(list[i].documents),
                std::cmp::Reverse(list[i].mentions),
                i,
            )
        });
        // Keep only direct variants of the reference, and what a document linked: a chain can
        // join a name, a typo and the typo's inflection. The others stand alone.
        let reference = g[0];
        let (keep, alone): (Vec<usize>, Vec<usize>) = g.into_iter().partition(|&i| {
            i == reference
                || linked.contains(&i)
                || rules.is_variant(
                    strings.get(list[i].key),
                    strings.get(list[reference].key),
                    &ascii[i],
                    &ascii[reference],
                )
        });
        out.push(keep);
        out.extend(alone.into_iter().map(|i| vec![i]));
    }
    (
        out,
        Effort {
            spellings: n,
            compared,
        },
    )
}

/// Whether two spellings are used for the same name somewhere: as the same word of otherwise
/// equal full names ("Sviatlana Tsikhanouskaya" / "Sviatlana Tsikhanovskaya"). Across
/// documents a surname alone is not enough: Davis in one story and Davies in another are
/// likely two people.
fn context_match(strings: &Strings, a: &Spelling, b: &Spelling) -> bool {
    // A context's words from the last: the variant word is counted from the end, as a name's
    // given names and titles come first.
    let words = |c: spelling::Context| {
        let text = strings.get(c.words);
        let len = text.matches(WORD_SEPARATOR).count() + 1;
        Some((text, len, (len - 1).checked_sub(c.pos as usize)?))
    };
    a.contexts().filter_map(words).any(|(xw, xn, ra)| {
        b.contexts().filter_map(words).any(|(yw, yn, rb)| {
            if ra != rb || xn.min(yn) < 2 {
                return false;
            }
            xw.rsplit(WORD_SEPARATOR)
                .zip(yw.rsplit(WORD_SEPARATOR))
                .enumerate()
                .all(|(k, (p, q))| k == ra || p == q)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn name_use(
        text: String,
        at: (usize, usize, usize),
        end: Option<(usize, usize, usize)>,
    ) -> NameUse {
        let (line, column, byte_start) = at;
        let (end_line, end_column, byte_end) =
            end.unwrap_or((line, column + text.chars().count(), byte_start + text.len()));
        NameUse {
            words: Arc::from(vec![text.to_lowercase()]),
            pos: 0,
            mention: text.as_str().into(),
            text,
            line,
            column,
            end_line,
            end_column,
            byte_start,
            byte_end,
            known: None,
        }
    }

    proptest! {
        /// A held document's uses read back as they were collected, whether or not their ends
        /// follow from their text.
        #[test]
        fn held_uses_read_back_whole(
            uses in prop::collection::vec(
                ("\\PC{1,8}", (1usize..50, 1usize..80, 0usize..5000),
                 prop::option::of((1usize..60, 1usize..90, 0usize..6000))),
                0..12,
            )
        ) {
            let doc = DocNames {
                lang: Some(LangTag::parse("en").unwrap()),
                uses: uses.into_iter().map(|(t, at, end)| name_use(t, at, end)).collect(),
                ..DocNames::default()
            };
            let mut strings = Strings::default();
            let held = ReportedNames::interned(&doc, &mut strings);
            let back = held.uses(&strings);
            prop_assert_eq!(back.len(), doc.uses.len());
            for (b, u) in back.iter().zip(&doc.uses) {
                let want = ReportedUse::of(strings.find(&u.words[0]).unwrap(), &u.text, u);
                prop_assert_eq!(format!("{b:?}"), format!("{want:?}"));
            }
        }
    }
}

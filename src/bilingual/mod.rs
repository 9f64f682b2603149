//! A translation and its source, read together: two documents and the units (segments or
//! aligned paragraph groups) that translate each other.

pub mod align;
pub mod quotes;

use std::ops::Range;

use crate::document::Document;
use crate::normalize::ascii_key;

/// A source stretch and the target stretch that translates it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitPair {
    /// Byte ranges in the source and target documents' text.
    pub source: Range<usize>,
    pub target: Range<usize>,
    /// The unit's id in a container file.
    pub id: Option<String>,
    /// False when the aligner could not match this stretch with confidence: cross-language
    /// checks leave it alone and `align/uncertain` reports it.
    pub aligned: bool,
}

/// How far (in bytes either way) from its proportional place the counterpart of a source word
/// is looked for in a unit too long to compare every word with every other. Far more than a
/// real segment or paragraph holds, so only a hostile unit (a whole book in one segment) is
/// narrowed, and a check over it stays linear.
const REACH: usize = 4096;

impl UnitPair {
    /// The stretch of the target where the counterpart of the source text at byte `at` can be:
    /// the whole target, unless the unit is longer than a real one can be.
    pub fn near_target(&self, at: usize) -> Range<usize> {
        let (s, t) = (&self.source, &self.target);
        if t.len() <= 2 * REACH {
            return t.clone();
        }
        let done = at.saturating_sub(s.start).min(s.len()) as f64 / s.len().max(1) as f64;
        let centre = t.start + (done * t.len() as f64) as usize;
        centre.saturating_sub(REACH).max(t.start)..(centre + REACH).min(t.end)
    }
}

#[derive(Debug)]
pub struct Pair {
    pub source: Document,
    pub target: Document,
    pub units: Vec<UnitPair>,
}

impl Pair {
    /// Units that are already paired, as in XLIFF, TMX and JSON Lines.
    pub fn from_units(source: Document, target: Document, units: Vec<UnitPair>) -> Pair {
        Pair {
            source,
            target,
            units,
        }
    }

    /// Two article files: their paragraphs aligned by length and anchors.
    pub fn align(source: Document, target: Document) -> Pair {
        // Names are anchors only when both scripts write capitals to find them by: from an
        // Arabic, Hebrew or Chinese side none would be found, and every paragraph of the
        // other side would seem to disagree on all of its names.
        let names = writes_capitals(&source) && writes_capitals(&target);
        let s = paragraphs(&source, names);
        let t = paragraphs(&target, names);
        let beads = align::align(&s, &t);
        let span = |doc: &Document, r: Range<usize>, fallback: usize| {
            if r.is_empty() {
                // Nothing on this side: an empty range where the text would be.
                let at = doc.segments.get(r.start).map_or(fallback, |s| s.start);
                at..at
            } else {
                doc.segments[r.start].start..doc.segments[r.end - 1].end
            }
        };
        let units = beads
            .into_iter()
            .map(|b| UnitPair {
                source: span(&source, b.source.clone(), source.text.len()),
                target: span(&target, b.target.clone(), target.text.len()),
                id: None,
                aligned: b.confident,
            })
            .collect();
        Pair {
            source,
            target,
            units,
        }
    }
}

/// Whether most words of the document are in a script with capital letters (Latin, Cyrillic,
/// Greek, Armenian): the others have no capitals to find names by.
fn writes_capitals(doc: &Document) -> bool {
    let (mut words, mut cased) = (0usize, 0usize);
    for t in doc.tokens.list.iter().filter(|t| t.alphabetic) {
        words += 1;
        let first = doc.text[t.span()].chars().next();
        cased += usize::from(first.is_some_and(|c| c.is_lowercase() || c.is_uppercase()));
    }
    2 * cased >= words
}

/// Each segment's length and anchors: numbers and the ASCII keys of names, which survive
/// translation ("1.500" and "1,500" both give "1500"; "Блинкен" and "Blinken" give "blin").
fn paragraphs(doc: &Document, with_names: bool) -> Vec<align::Para> {
    let names = if with_names { doc.mentions() } else { &[] };
    doc.segments
        .iter()
        .map(|seg| {
            let text = &doc.text[seg.clone()];
            let mut anchors: Vec<String> = Vec::new();
            let mut digits = String::new();
            for c in text.chars().chain(std::iter::once(' ')) {
                if c.is_ascii_digit() {
                    digits.push(c);
                } else if !matches!(c, '.' | ',' | '\u{a0}' | '\u{202f}' | '\'')
                    && !digits.is_empty()
                {
                    // A separator inside a number ("1.500", "1 500") does not end it.
                    anchors.push(std::mem::take(&mut digits));
                }
            }
            let first = names.partition_point(|m| m.span.start < seg.start);
            let in_seg = names[first..].iter().take_while(|m| m.span.start < seg.end);
            for m in in_seg.filter(|m| !m.weak) {
                for &w in &m.words {
                    let key = ascii_key(&doc.text[doc.tokens.list[w].span()]);
                    if key.len() >= 4 {
                        anchors.push(key[..4].to_string());
                    }
                }
            }
            anchors.sort();
            anchors.dedup();
            align::Para {
                len: text.chars().count(),
                anchors,
            }
        })
        .collect()
}

/// The tokens of `doc` that start inside `range`, as an index range.
pub fn tokens_in(doc: &Document, range: &Range<usize>) -> Range<usize> {
    let list = &doc.tokens.list;
    let a = list.partition_point(|t| t.start < range.start);
    let b = list.partition_point(|t| t.start < range.end);
    a..b.max(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(source: Range<usize>, target: Range<usize>) -> UnitPair {
        UnitPair {
            source,
            target,
            id: None,
            aligned: true,
        }
    }

    fn doc(lang: &str, text: &str) -> Document {
        let tag: crate::lang::LangTag = lang.parse().unwrap();
        Document::new(
            "t",
            text.to_string(),
            crate::text::Encoding::Utf8,
            crate::markup::Format::Plain,
            |_| (tag, crate::document::LangSource::Given),
        )
    }

    #[test]
    fn a_source_without_capitals_is_aligned_by_length_and_numbers() {
        // No name can be found in the Arabic: the English names are no evidence against a
        // paragraph of plausible length (they made every paragraph with a name doubtful).
        let source = doc(
            "ar",
            "التقى الرئيس بنظيره في القاهرة يوم الاثنين.\n\n\
             وقال المتحدث إن المحادثات استمرت ثلاث ساعات.\n\n\
             وتعهد الطرفان بمواصلة الحوار في 2025.",
        );
        let target = doc(
            "en",
            "President Ruto met his counterpart in Cairo on Monday.\n\n\
             Spokesman Hussein Mohamed said the talks lasted three hours.\n\n\
             Both sides pledged to keep talking in 2025.",
        );
        assert!(!writes_capitals(&source) && writes_capitals(&target));
        let pair = Pair::align(source, target);
        assert_eq!(pair.units.len(), 3);
        assert!(pair.units.iter().all(|u| u.aligned));
    }

    #[test]
    fn a_real_unit_is_searched_whole() {
        let u = unit(0..900, 1000..3000);
        assert_eq!(u.near_target(850), 1000..3000);
    }

    #[test]
    fn a_hostile_unit_is_searched_near_the_proportional_place() {
        let u = unit(0..1_000_000, 0..2_000_000);
        assert_eq!(u.near_target(500_000), 1_000_000 - REACH..1_000_000 + REACH);
        assert_eq!(u.near_target(0), 0..REACH);
        assert_eq!(u.near_target(1_000_000), 2_000_000 - REACH..2_000_000);
        // A place outside the source (never given by a check) stays inside the target.
        assert_eq!(u.near_target(5_000_000), 2_000_000 - REACH..2_000_000);
    }
}

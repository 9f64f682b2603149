//! `number/mismatch`: a quantity in a source segment needs an equal quantity in the aligned
//! target segment, and the reverse, after reading notation, words, scales, units, times and
//! decades. Conversions ("30 yards" → "27 metros") match within a tolerance; vague
//! quantities match each other by magnitude; number words below three and ordinals in words
//! ("the first time" → "por primera vez") are matched when present but never reported alone,
//! since a translation rightly drops or rephrases them.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;

use super::{Example, PairCheck, PairContext, Rule, q};
use crate::bilingual::tokens_in;
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::numbers::{
    Dimension, Quantity, Unit, Written, compound_values, hedge_before, is_range_join, quantities,
    reads_number_words,
};
use crate::token::Gap;

pub struct NumberMismatch;

/// Relative tolerance for a unit conversion ("5 miles" is 8.05 km, written "8 km").
const CONVERSION_TOLERANCE: f64 = 0.1;

const RULES: &[Rule] = &[Rule {
    id: "number/mismatch",
    severity: Severity::Error,
    summary: "a quantity of the source with no equal quantity in the translation, or the reverse",
    explanation: "Bilingual: every quantity of a source segment (digits in the language's \
        notation, number words, scales with the long-scale trap, units, times, dates, decades) \
        needs an equal one in the aligned target segment, and the reverse. Conversions match \
        within 10 % (\"30 yards\" = \"27 metros\"), and what translations often rephrase \
        (\"one\", small number words, ordinals, vague quantities) is never reported alone.",
    example: Example::pair(
        "es",
        "MADRID, 4 de marzo. El Gobierno presentó el martes el plan de obras para la nueva \
         línea 12 del metro de Madrid.\n\n\
         El proyecto costará 2.300 millones de euros y creará 1.200 empleos, según el ministro.",
        "en",
        "MADRID, March 4. The government presented on Tuesday the works plan for the new line \
         12 of the Madrid metro.\n\n\
         The project will cost 2.3 million euros and create 1,200 jobs, according to the \
         minister.",
    ),
}];

impl PairCheck for NumberMismatch {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn run(&self, cx: &PairContext<'_>) -> Vec<Finding> {
        let (source, target) = (&cx.pair.source, &cx.pair.target);
        let source_q = quantities(&source.text, &source.lang);
        let target_q = quantities(&target.text, &target.lang);
        let mut out = Vec::new();
        // Per aligned unit: the target's range and the numbers left unmatched on each side.
        let mut left: Vec<Left<'_>> = Vec::new();
        for unit in cx.aligned_units() {
            let src = in_range(&source_q, &unit.source);
            let tgt = in_range(&target_q, &unit.target);
            let src_side = Side::new(source, &unit.source);
            let tgt_side = Side::new(target, &unit.target);
            // The same characters on both sides are the same number, whatever each language's
            // notation makes of them ("5.1" as a section number in a Czech text).
            let equal = |a: &Quantity, b: &Quantity| {
                same(a, b) || source.text[a.span.clone()] == target.text[b.span.clone()]
            };
            // A score on both sides ("2-1" ↔ "2:0") makes its ones and zeros count.
            let scores =
                src.iter().any(|x| in_score(x, source)) && tgt.iter().any(|x| in_score(x, target));
            // A number in words is reported only where the other language's words are read:
            // "three" may be rendered "tre" in a language the tables lack.
            let (src_words, tgt_words) = (
                reads_number_words(&target.lang),
                reads_number_words(&source.lang),
            );
            // Numbers match one to one: a changed number equal to another one in the segment
            // ("10-6" given as "10-5" beside a "5-3") is still found. The identical first (so
            // that "six meters (18 feet)" gives its "6 metrów" to the six metres, not to the
            // converted 18 feet), then alike (an ordinal with an ordinal, digits with digits),
            // then any equal one; before those, a measure, money or time with one of its kind,
            // however written: "a mile" is "1,5 km", not the article "en" of "en cyklist".
            let alike = |a: &Quantity, b: &Quantity| {
                a.ordinal == b.ordinal
                    && matches!(a.written, Written::Digits(_))
                        == matches!(b.written, Written::Digits(_))
            };
            let mut tgt_used = vec![false; tgt.len()];
            let mut src_match: Vec<Option<usize>> = vec![None; src.len()];
            for (identical, strict, kind) in [
                (true, true, false),
                (true, false, false),
                (false, true, true),
                (false, false, true),
                (false, true, false),
                (false, false, false),
            ] {
                for (i, s) in src.iter().enumerate() {
                    if src_match[i].is_some() {
                        continue;
                    }
                    let found = window(i, src.len(), tgt.len()).find(|&k| {
                        let t = &tgt[k];
                        !tgt_used[k]
                            && (!strict || alike(s, t))
                            && (!kind || (s.unit == t.unit && s.unit != Unit::Count))
                            && (!identical || (s.unit == t.unit && close(s.value, t.value, 1e-9)))
                            && equal(s, t)
                    });
                    if let Some(k) = found {
                        tgt_used[k] = true;
                        src_match[i] = Some(k);
                    }
                }
            }
            // A game clock ("on 3:35") said as minutes and seconds ("3 minutos y 35 segundos").
            for (i, s) in src.iter().enumerate() {
                if src_match[i].is_none()
                    && let Some(k) = minutes_and_seconds(s, tgt, &tgt_used)
                {
                    tgt_used[k] = true;
                    tgt_used[k + 1] = true;
                    src_match[i] = Some(k);
                }
            }
            for (k, t) in tgt.iter().enumerate() {
                if tgt_used[k] {
                    continue;
                }
                let taken: Vec<bool> = src_match.iter().map(Option::is_some).collect();
                if let Some(i) = minutes_and_seconds(t, src, &taken) {
                    tgt_used[k] = true;
                    src_match[i] = Some(k);
                    src_match[i + 1] = Some(k);
                }
            }
            let mut tgt_match: Vec<Option<usize>> = vec![None; tgt.len()];
            for (i, k) in src_match.iter().enumerate() {
                if let Some(k) = k {
                    tgt_match[*k] = Some(i);
                }
            }
            let src_ranges = Ranged {
                qs: src,
                doc: source,
                matched: &src_match,
            };
            let tgt_ranges = Ranged {
                qs: tgt,
                doc: target,
                matched: &tgt_match,
            };
            // A quantity whose conversion in brackets found its equal is there too: "45 miles
            // (72 kilometers)" given as "72 kilómetros". Not when that equal is itself a
            // conversion in brackets: then the other side kept both and its first number is
            // this one's counterpart ("$200bn (£150bn)" given as "$20m (£150bn)").
            let src_conversion = |i: usize| is_conversion(&src[i], source, src);
            let tgt_conversion = |k: usize| is_conversion(&tgt[k], target, tgt);
            let src_converted = |i: usize| {
                src_match
                    .get(i + 1)
                    .copied()
                    .flatten()
                    .is_some_and(|k| src_conversion(i + 1) && !tgt_conversion(k))
            };
            let tgt_converted = |k: usize| {
                tgt_match
                    .get(k + 1)
                    .copied()
                    .flatten()
                    .is_some_and(|i| tgt_conversion(k + 1) && !src_conversion(i))
            };
            let src_conversions: Vec<&Quantity> = (0..src.len())
                .filter(|&i| src_match[i].is_none() && src_conversion(i))
                .map(|i| &src[i])
                .collect();
            let tgt_conversions: Vec<&Quantity> = (0..tgt.len())
                .filter(|&k| !tgt_used[k] && tgt_conversion(k))
                .map(|k| &tgt[k])
                .collect();
            // A conversion in brackets may be left out, so one is reported only when the other
            // side has one too that found no equal ("€3.1bn ($3.6bn)" given as "($3.9bn)"),
            // and not when that one is money in another currency: the translation converted
            // afresh ("(£150bn)" given as "(175 miliardi di euro)").
            let reportable = |x: &Quantity, doc: &Document, around: &[Quantity]| {
                let in_source = std::ptr::eq(doc, source);
                let words_seen = if in_source { src_words } else { tgt_words };
                let others = if in_source {
                    &tgt_conversions
                } else {
                    &src_conversions
                };
                let compared = || others.iter().any(|o| !reconverted(x, o));
                (reportable(x, doc, around)
                    && (x.written != Written::Words || words_seen)
                    && (!is_conversion(x, doc, around) || compared()))
                    || (scores && in_score(x, doc))
            };
            // A number said again in words on one side ("10 per cent ... the ten per cent
            // rate", "four of the four") is there once the other side has it once. Not in
            // digits: "2,6 2,6" for "2.6 and 2.9" or "5-3 ... 10-5" for "10-6" are slips.
            // Nor is a score said again as a count: "trois partenaires" beside a "4-3".
            let repeated =
                |x: &Quantity, qs: &[Quantity], doc: &Document, matched: &dyn Fn(usize) -> bool| {
                    !matches!(x.written, Written::Digits(_))
                        && qs.iter().enumerate().any(|(k, o)| {
                            matched(k)
                                && o.unit == x.unit
                                && o.ordinal == x.ordinal
                                && close(o.value, x.value, 1e-9)
                                && !in_score(o, doc)
                        })
                };
            // Only when the other side has every number matched: else the repetition may be
            // the changed number ("three points from four" given as "four from four").
            let src_all = src_match.iter().all(Option::is_some);
            let tgt_all = tgt_used.iter().all(|u| *u);
            let mut src_left = Vec::new();
            for (i, s) in src.iter().enumerate() {
                match src_match[i] {
                    Some(_) => {}
                    None if src_converted(i) => {}
                    None if tgt_all && repeated(s, src, source, &|k| src_match[k].is_some()) => {}
                    None if reportable(s, source, src)
                        && !tgt_side.holds_word(s, source)
                        && !tgt_side.holds_compound(s)
                        && !tgt_side.holds_glued(s)
                        && !list_marker(s, source, &unit.source)
                        && !src_ranges.accounts_for(i, &tgt_ranges) =>
                    {
                        src_left.push(s)
                    }
                    None => {}
                }
            }
            // The target gives the source's figure back in brackets, changed.
            let misquoted = |k: usize| {
                !tgt_used[k]
                    && tgt_conversion(k)
                    && k > 0
                    && tgt_match[k - 1]
                        .is_some_and(|i| restated_wrongly(&tgt[k], &tgt[k - 1], &src[i]))
            };
            let tgt_left: Vec<&Quantity> = tgt
                .iter()
                .enumerate()
                .filter(|&(k, t)| {
                    if misquoted(k) {
                        return true;
                    }
                    let said_again = src_all && repeated(t, tgt, target, &|j| tgt_used[j]);
                    !tgt_used[k]
                        && !tgt_converted(k)
                        && !said_again
                        && reportable(t, target, tgt)
                        && !src_side.holds_word(t, target)
                        && !src_side.holds_compound(t)
                        && !src_side.holds_glued(t)
                        && !list_marker(t, target, &unit.target)
                        && !tgt_ranges.accounts_for(k, &src_ranges)
                })
                .map(|(_, t)| t)
                .collect();
            left.push((unit.target.clone(), src_left, tgt_left));
        }
        moved_across(&mut left);
        for (unit_target, src_left, tgt_left) in left {
            // A number that names (after a capitalised word, or with a plus sign: "Livi 11",
            // "+44") is reported when the other side changed a number too, not when it only
            // dropped it.
            let (src_none, tgt_none) = (src_left.is_empty(), tgt_left.is_empty());
            let src_left = keep_labels_if(src_left, tgt_none, source);
            let tgt_left = keep_labels_if(tgt_left, src_none, target);
            // Pair what is left in order: the usual error is one number changed into another.
            let mut report = |span: Range<usize>, message: String| {
                out.push(cx.target.finding(
                    "number/mismatch",
                    Severity::Error,
                    span,
                    message,
                    Vec::new(),
                ))
            };
            let pairs = src_left.len().min(tgt_left.len());
            for (s, t) in src_left.iter().zip(&tgt_left) {
                let message = format!(
                    "source {} ≠ target {}",
                    described(s, source),
                    described(t, target)
                );
                report(t.span.clone(), message);
            }
            for s in &src_left[pairs..] {
                let message = format!(
                    "source {} has no equal number in the target segment",
                    described(s, source)
                );
                report(unit_target.clone(), message);
            }
            for t in &tgt_left[pairs..] {
                let message = format!(
                    "target {} has no equal number in the source segment",
                    described(t, target)
                );
                report(t.span.clone(), message);
            }
        }
        out
    }
}

/// An aligned unit's target range and the numbers of each side left without an equal.
type Left<'q> = (Range<usize>, Vec<&'q Quantity>, Vec<&'q Quantity>);

/// A sentence the translation moved across a segment boundary takes its number with it: a
/// number left over in one unit's source that is left over in the next or the previous unit's
/// target is the same number, moved, not a mismatch on both sides.
fn moved_across(left: &mut [Left<'_>]) {
    for u in 1..left.len() {
        let (before, after) = left.split_at_mut(u);
        let (a, b) = (&mut before[u - 1], &mut after[0]);
        // Only where each of the two units has numbers left on one side alone: a unit with a
        // number changed keeps its own.
        let one_sided = |x: &Left<'_>| x.1.is_empty() || x.2.is_empty();
        if !one_sided(a) || !one_sided(b) {
            continue;
        }
        for (from, to) in [(&mut a.1, &mut b.2), (&mut b.1, &mut a.2)] {
            from.retain(|s| match to.iter().position(|t| same(s, t)) {
                Some(k) => {
                    to.remove(k);
                    false
                }
                None => true,
            });
        }
    }
}

/// The quantities (in order) that start inside `range`: a binary search.
fn in_range<'q>(qs: &'q [Quantity], range: &Range<usize>) -> &'q [Quantity] {
    super::starting_in(qs, range, |x| x.span.start)
}

/// How many numbers of the other side one number is compared with, around where it stands in
/// the segment: every one in any real segment, a bounded number in a hostile one.
const REACH: usize = 512;

/// The indices on the other side (of `other` numbers) that number `i` of `n` is compared with.
fn window(i: usize, n: usize, other: usize) -> Range<usize> {
    if n + other <= 2 * REACH {
        return 0..other;
    }
    let centre = i * other / n.max(1);
    centre.saturating_sub(REACH)..(centre + REACH).min(other)
}

/// One side's quantities in an aligned unit, with the other side's match of each.
struct Ranged<'q> {
    qs: &'q [Quantity],
    doc: &'q Document,
    matched: &'q [Option<usize>],
}

impl Ranged<'_> {
    /// Whether quantities `i` and `i + 1` are the two ends of a range ("17 to 20", "od 26 do
    /// 32").
    fn range_at(&self, i: usize) -> bool {
        let (Some(a), Some(b)) = (self.qs.get(i), self.qs.get(i + 1)) else {
            return false;
        };
        a.span.end <= b.span.start && is_range_join(self.doc.text[a.span.end..b.span.start].trim())
    }

    /// Whether quantity `k` is one end of a range.
    fn in_range(&self, k: usize) -> bool {
        self.range_at(k) || k.checked_sub(1).is_some_and(|j| self.range_at(j))
    }

    /// Whether a range accounts for unmatched quantity `i`: it is one end of a range whose
    /// other end's counterpart equals it too (the 80s, Fahrenheit, given as "26 to 32
    /// degrees"), or it stands between the counterparts of a range's two ends on the other
    /// side, with a value between theirs ("a 17-year-old, two 18-year-olds and a 20-year-old"
    /// given as "aged 17 to 20").
    fn accounts_for(&self, i: usize, other: &Ranged<'_>) -> bool {
        let x = &self.qs[i];
        let ends = [
            i.checked_sub(1).filter(|&j| self.range_at(j)),
            Some(i + 1).filter(|_| self.range_at(i)),
        ];
        // The counterpart stands for the whole range only when it is no range itself ("1 to 4
        // inches" given as "2,5 a 10 mm" is two numbers changed).
        let collapsed = ends.iter().flatten().any(|&j| {
            self.matched[j].is_some_and(|k| {
                !other.in_range(k) && (same(&other.qs[k], x) || same(x, &other.qs[k]))
            })
        });
        collapsed
            || window(i, self.qs.len(), other.qs.len()).any(|k| {
                let (Some(a), Some(b)) = (
                    other.matched[k],
                    other.matched.get(k + 1).copied().flatten(),
                ) else {
                    return false;
                };
                let (lo, hi) = (&other.qs[k], &other.qs[k + 1]);
                other.range_at(k)
                    && !self.in_range(a)
                    && !self.in_range(b)
                    && self.qs[a].span.end <= x.span.start
                    && x.span.end <= self.qs[b].span.start
                    && lo.unit == hi.unit
                    && (lo.value..=hi.value).contains(&x.value)
            })
    }
}

/// One side of an aligned unit, with what some tests need from all its words, worked out the
/// first time (once per unit, not once per number).
struct Side<'d> {
    doc: &'d Document,
    range: &'d Range<usize>,
    compounds: OnceCell<HashSet<u64>>,
    codes: OnceCell<HashSet<&'d str>>,
}

impl<'d> Side<'d> {
    fn new(doc: &'d Document, range: &'d Range<usize>) -> Self {
        Side {
            doc,
            range,
            compounds: OnceCell::new(),
            codes: OnceCell::new(),
        }
    }

    /// A number word of the other text found at the start of a longer word on this side:
    /// "three times" → "dreimal", "a four-day week" → "четырехдневную", "fourballs" → "четыре".
    fn holds_compound(&self, x: &Quantity) -> bool {
        // A measure too, by the number it was written with ("six meters" → "šestimetrové") or
        // converted ("6-foot-6", 1.98 m, → "dvoumetrový").
        let n = match x.unit {
            Unit::Count => x.value,
            Unit::Measure(_) => x.as_written,
            _ => return false,
        };
        let small = |v: f64| (2.0..=99.0).contains(&v) && v.fract() == 0.0;
        let held = self.compound_numbers();
        if let Unit::Measure(d) = x.unit
            && held
                .iter()
                .any(|&c| small(c as f64) && bare_measure(x.value, x.as_written, d, c as f64))
        {
            return true;
        }
        small(n) && held.contains(&(n as u64))
    }

    /// The numbers at the start of this side's longer words.
    fn compound_numbers(&self) -> &HashSet<u64> {
        self.compounds.get_or_init(|| {
            let toks = &self.doc.tokens;
            tokens_in(self.doc, self.range)
                .flat_map(|i| {
                    // "п’ятиразовий" is two tokens on either side of the apostrophe.
                    let glued = toks
                        .list
                        .get(i + 1)
                        .is_some_and(|t| t.gap == Gap::Apostrophe);
                    let mut v = compound_values(toks.key(i), &self.doc.lang);
                    if glued {
                        let (a, b) = (toks.list[i].start, toks.list[i + 1].end);
                        let word = crate::normalize::folded(&self.doc.text[a..b]);
                        v.extend(compound_values(&word, &self.doc.lang));
                    }
                    v
                })
                .collect()
        })
    }

    /// A number word of the other text left untranslated on this side ("the back nine" kept
    /// in English in a Dutch text).
    fn holds_word(&self, x: &Quantity, other: &Document) -> bool {
        if x.written != Written::Words {
            return false;
        }
        let word = crate::normalize::folded(&other.text[x.span.clone()]);
        tokens_in(self.doc, self.range).any(|i| self.doc.tokens.key(i) == word)
    }

    /// A number this side writes glued to letters: a year inside a code ("SS19", spring/summer
    /// 2019; "FY2021"), or digits a missing space joined to a word ("v15 hodin", "på100",
    /// "PAR3", "до10,16 см"). Digits glued to letters are not read as numbers, so it would
    /// look missing: a count, money or a percentage by its value, a clock time by its hour, a
    /// measure by its number as written or converted.
    fn holds_glued(&self, x: &Quantity) -> bool {
        let codes = || {
            self.codes
                .get_or_init(|| glued_digits(&self.doc.text[self.range.clone()]))
        };
        let whole = |v: f64| v.fract() == 0.0 && (0.0..1e6).contains(&v);
        match x.unit {
            Unit::Count | Unit::Money(_) | Unit::Percent if whole(x.value) => {
                let n = (x.value as u32).to_string();
                let year = x.unit == Unit::Count && (1900.0..=2100.0).contains(&x.value);
                codes().contains(n.as_str()) || (year && codes().contains(&n[2..]))
            }
            // "på100 miljoner euro": the glued digits before the scale word.
            Unit::Count | Unit::Money(_) => [1e3, 1e6, 1e9].iter().any(|f| {
                let n = x.value / f;
                n >= 1.0 && whole(n) && codes().contains((n as u32).to_string().as_str())
            }),
            Unit::Time if x.value % 60.0 == 0.0 => {
                let hour = x.value / 60.0;
                [hour, hour - 12.0]
                    .iter()
                    .filter(|h| **h > 0.0)
                    .any(|h| codes().contains((*h as u32).to_string().as_str()))
            }
            Unit::Measure(d) => codes().iter().any(|c| {
                c.replace(',', ".").parse::<f64>().is_ok_and(|n| {
                    close(n, x.as_written, 1e-9) || bare_measure(x.value, x.as_written, d, n)
                })
            }),
            _ => false,
        }
    }
}

/// Every run of digits glued after a letter or an apostrophe ("SS19", "FY2021", "’19"), or
/// before a letter; a run with a decimal part ("до10,16") is there whole and as its integer.
fn glued_digits(text: &str) -> HashSet<&str> {
    let mut out = HashSet::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let int_end = i;
        while i + 1 < b.len() && matches!(b[i], b'.' | b',') && b[i + 1].is_ascii_digit() {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        let after_letter = text[..start]
            .ends_with(|c: char| crate::chars::is_alphabetic(c) || c == '\'' || c == '’');
        if after_letter || text[int_end..].starts_with(crate::chars::is_alphabetic) {
            out.insert(&text[start..int_end]);
        }
        if i > int_end && (after_letter || text[i..].starts_with(crate::chars::is_alphabetic)) {
            out.insert(&text[start..i]);
        }
    }
    out
}

/// `left` without its labels when the other side has no number left.
fn keep_labels_if<'q>(
    left: Vec<&'q Quantity>,
    other_none: bool,
    doc: &Document,
) -> Vec<&'q Quantity> {
    if !other_none {
        return left;
    }
    left.into_iter().filter(|x| !is_label(x, doc)).collect()
}

/// A number that names rather than counts: digits after a capitalised word inside a sentence
/// ("the same Livi 11", "Nord Stream 2"), with a plus sign ("+44"), an ordinal, or a decade
/// that may be a century.
fn is_label(x: &Quantity, doc: &Document) -> bool {
    // "The 1900s" or "the 2000s" may be a decade or the whole century (or millennium): a
    // translation may say it without a number.
    if x.unit == Unit::Decade && x.value >= 1000.0 && x.value % 100.0 == 0.0 {
        return true;
    }
    if !matches!(x.written, Written::Digits(_)) || x.unit != Unit::Count {
        return false;
    }
    // An ordinal in digits the other side says in words the tables may lack ("36th" →
    // "trigésimo sexta") counts when it was changed into another number ("89th" → "80.").
    if x.ordinal {
        return true;
    }
    let text = &doc.text;
    if text[x.span.clone()].starts_with('+') {
        return true;
    }
    let before = text[..x.span.start].trim_end_matches([' ', '\u{a0}']);
    let word_start = before
        .rfind(|c: char| !crate::chars::is_alphanumeric(c) && c != '-')
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    let opens = before[..word_start].trim_end().is_empty()
        || before[..word_start]
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '“', '«']);
    before.len() < x.span.start && word.starts_with(crate::chars::is_uppercase) && !opens
}

/// A quantity whose absence in the other language is worth an error: numbers in digits,
/// and number words from three on. Small number words, ordinals in words and vague
/// quantities are often rephrased ("one of" → "uno de", "both", "for the first time",
/// "dozens" → "many").
fn reportable(x: &Quantity, doc: &Document, around: &[Quantity]) -> bool {
    // "1" is as often "a", "un", "ein", "0" a score rephrased; "100 percent certain" is
    // "totally sure".
    let trivial = (x.unit == Unit::Count && (x.value == 1.0 || x.value == 0.0))
        || (x.unit == Unit::Percent && x.value == 100.0);
    if trivial || in_title(x, doc) {
        return false;
    }
    // Ordinals in words are often rephrased ("in second" → "en 2e position", "for the first
    // time" → "por primera vez"), as are first and second in digits; "89th minute" → "80.
    // Minute" is a changed number. A decade without its century is usually an age ("in his
    // 40s").
    let rephrased_ordinal =
        x.ordinal && (!matches!(x.written, Written::Digits(_)) || x.value < 3.0);
    if rephrased_ordinal
        || x.unit == Unit::Magnitude
        || (x.unit == Unit::Decade && x.value < 100.0)
        || is_gloss(x, doc, around)
    {
        return false;
    }
    match x.written {
        Written::Digits(_) => true,
        Written::Words => x.value >= 3.0,
        Written::Implied => false,
    }
}

/// A number in digits joined to another by a dash, a colon or an ampersand: a score ("2-1",
/// "1:0", "3–0", match play "4&3"), or a range.
fn in_score(x: &Quantity, doc: &Document) -> bool {
    let text = &doc.text;
    let joiner = |c: char| matches!(c, '-' | '–' | ':' | '&');
    let before = text[..x.span.start].trim_end_matches(' ');
    let after = text[x.span.end..].trim_start_matches(' ');
    let digits = matches!(x.written, Written::Digits(_)) && x.unit == Unit::Count;
    let joined_before = before.strip_suffix(joiner).is_some_and(|b| {
        b.trim_end_matches(' ')
            .ends_with(|c: char| c.is_ascii_digit())
    });
    let joined_after = after.strip_prefix(joiner).is_some_and(|a| {
        a.trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit())
    });
    digits && (joined_before || joined_after)
}

/// A capitalised number word inside a sentence is part of a name or title ("the Four
/// Corners", "Century in Five Lives"), which a translation may keep in the original. The
/// first word of a line opens a sentence even when the line before has no full stop: a
/// headline ends where its line does.
fn in_title(x: &Quantity, doc: &Document) -> bool {
    let capital = doc.text[x.span.clone()]
        .chars()
        .next()
        .is_some_and(crate::chars::is_uppercase);
    let before = doc.text[..x.span.start].trim_end();
    let opens_line = doc.text[before.len()..x.span.start].contains(['\n', '\r', '\u{2028}']);
    !matches!(x.written, Written::Digits(_))
        && capital
        && !before.is_empty()
        && !opens_line
        && !before.ends_with(['.', '!', '?', ':', '"', '“', '«', '—', '–', '(', '‘', '\''])
}

/// Two amounts of money in different currencies: one of them converted from the other at a
/// rate the check cannot know.
fn reconverted(a: &Quantity, b: &Quantity) -> bool {
    matches!((a.unit, b.unit), (Unit::Money(x), Unit::Money(y)) if x != y)
}

/// A quantity in brackets right after another of the same kind is a conversion ("€3.1bn
/// ($3.6bn)", "85 mph (137 km/h)"), which a translation may leave out.
fn is_conversion(x: &Quantity, doc: &Document, around: &[Quantity]) -> bool {
    // It may say it is rounded: "(cerca de R$ 764 bilhões)", "(about 72 km)".
    let before = &doc.text[..x.span.start];
    let before = &before[..before.len() - hedge_before(before, doc.lang.primary())];
    let Some(before) = before.trim_end().strip_suffix('(') else {
        return false;
    };
    let end = before.trim_end().len();
    // In order and apart: the quantity ending at `end` starts last before it. A bare number
    // is a conversion too when its unit is one the tables lack ("209 km (130 miles)" in French).
    let i = around.partition_point(|o| o.span.start < end);
    i.checked_sub(1).map(|k| &around[k]).is_some_and(|o| {
        o.span.end == end
            && matches!(
                (o.unit, x.unit),
                (Unit::Money(_), Unit::Money(_) | Unit::Count)
                    | (Unit::Measure(_), Unit::Measure(_) | Unit::Count)
            )
    })
}

/// How far before its bracket a quantity a gloss repeats may end, in bytes.
const GLOSS_REACH: usize = 48;

/// A quantity in brackets that repeats the one just before them: a title or term given in the
/// original and then translated ("“60 Minutes” (60 minut)"), which the other side has once.
fn is_gloss(x: &Quantity, doc: &Document, around: &[Quantity]) -> bool {
    let Some(before) = doc.text[..x.span.start].trim_end().strip_suffix('(') else {
        return false;
    };
    let end = before.trim_end().len();
    let i = around.partition_point(|o| o.span.start < x.span.start);
    i.checked_sub(1)
        .map(|k| &around[k])
        .filter(|o| o.span.end <= end && end - o.span.end <= GLOSS_REACH)
        .is_some_and(|o| {
            let between = &doc.text[o.span.end..end];
            // The same figure in the same unit: a conversion ("800 km/h (497 mph)") is none.
            let restated = !matches!(o.unit, Unit::Measure(_))
                || close(written_unit(o), written_unit(x), 1e-9);
            !between.contains(['.', '!', '?', ';', '(', ')', '\n']) && same(o, x) && restated
        })
}

/// The number of a list item or clause opening a segment ("8. Description", "4.6 The Lessee",
/// "3) Koszty"): documents are renumbered in translation, and a changed clause number is a
/// matter for the document's structure, not for the sentence.
fn list_marker(x: &Quantity, doc: &Document, range: &Range<usize>) -> bool {
    let text = &doc.text;
    let opens = text[range.start..x.span.start].trim().is_empty();
    let written = &text[x.span.clone()];
    let after = &text[x.span.end..range.end.max(x.span.end)];
    let marked = after.starts_with(['.', ')']) || written.contains('.');
    let then_word = after
        .trim_start_matches(['.', ')'])
        .strip_prefix([' ', '\t', '\u{a0}'])
        .is_some_and(|r| {
            r.trim_start()
                .starts_with(|c: char| crate::chars::is_alphabetic(c))
        });
    // Only the number itself: "4.6 million people" opens a sentence, not a clause.
    let bare = written.chars().all(|c| c.is_ascii_digit() || c == '.') && x.unit == Unit::Count;
    opens && marked && then_word && bare && matches!(x.written, Written::Digits(_))
}

/// A converted measure whose unit the other side leaves to the context: "4 inches" and "los
/// 10" (centimetres), "2 miles" and "3" (kilometres). `value` is in the dimension's base unit.
fn bare_measure(value: f64, as_written: f64, dimension: Dimension, n: f64) -> bool {
    let scales: &[f64] = match dimension {
        // metres, centimetres, millimetres, kilometres
        Dimension::Length => &[1.0, 100.0, 1000.0, 0.001],
        // kilograms, grams, tonnes
        Dimension::Mass => &[1.0, 1000.0, 0.001],
        // square metres, hectares, square kilometres
        Dimension::Area => &[1.0, 0.0001, 0.000001],
        // litres, millilitres
        Dimension::Volume => &[1.0, 1000.0],
        _ => &[1.0],
    };
    // The unit it was written in is no conversion: "76,000 hectares" is not "76 001".
    scales
        .iter()
        .filter(|s| !close(value * *s, as_written, 1e-9))
        .any(|s| close(value * s, n, CONVERSION_TOLERANCE))
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * a.abs().max(b.abs()).max(f64::MIN_POSITIVE)
}

/// Whether two quantities say the same thing.
fn same(a: &Quantity, b: &Quantity) -> bool {
    let exact = |x: f64, y: f64| close(x, y, 1e-9);
    match (a.unit, b.unit) {
        // Degrees with no scale said may be Fahrenheit on one side and Celsius on the other.
        (
            Unit::Measure(Dimension::Degrees),
            Unit::Measure(Dimension::Degrees | Dimension::Temperature) | Unit::Count,
        ) => degrees_match(a.as_written, b.value),
        (
            Unit::Measure(Dimension::Temperature) | Unit::Count,
            Unit::Measure(Dimension::Degrees),
        ) => degrees_match(b.as_written, a.value),
        // A rate per hour whose "per hour" the other side puts apart ("3 inches per hour" and
        // "7,5 cm regn per timme"): the length of an hour, converted.
        (Unit::Measure(Dimension::Speed), Unit::Measure(Dimension::Length)) => {
            close(a.value * 1000.0, b.value, CONVERSION_TOLERANCE)
        }
        (Unit::Measure(Dimension::Length), Unit::Measure(Dimension::Speed)) => same(b, a),
        // "Pound" is a weight and a currency in many languages ("550 libras", "550 Pfund"):
        // the same number of pounds of weight is the same.
        (Unit::Money("GBP"), Unit::Measure(Dimension::Mass)) => {
            in_pounds(b) && exact(a.value, b.as_written)
        }
        (Unit::Measure(Dimension::Mass), Unit::Money("GBP")) => same(b, a),
        (Unit::Measure(da), Unit::Measure(db)) => {
            // Within the tolerance, or within one of the coarser side's written units
            // ("1 inch" is 2.54 cm, written "2 centímetros").
            let unit = written_unit;
            // Written in the same unit, nothing was converted: no tolerance ("300 km" and
            // "301 km" differ).
            let same_unit = close(unit(a), unit(b), 1e-9);
            da == db
                && if same_unit {
                    exact(a.as_written, b.as_written)
                } else {
                    close(a.value, b.value, CONVERSION_TOLERANCE)
                        || (a.value - b.value).abs() <= unit(a).max(unit(b))
                }
        }
        // One side's unit was not recognised: compare the numbers as written.
        // or converted, with the unit in a form the tables lack.
        (Unit::Measure(d), Unit::Count) => {
            exact(a.as_written, b.value) || bare_measure(a.value, a.as_written, d, b.value)
        }
        (Unit::Count, Unit::Measure(d)) => {
            exact(a.value, b.as_written) || bare_measure(b.value, b.as_written, d, a.value)
        }
        (Unit::Time, Unit::Time) => exact(a.value, b.value),
        // "7 a.m." and "las 7": a whole hour may be written as a bare number.
        (Unit::Time, Unit::Count) => hour_matches(a.value, b.value),
        (Unit::Count, Unit::Time) => hour_matches(b.value, a.value),
        // "the 1930s", "los años 30", "la década de 1930", "the thirties".
        // "Widespread 80s" (Fahrenheit) and "26 grados".
        (Unit::Decade, Unit::Measure(Dimension::Temperature)) => {
            ((a.value - 32.0) * 5.0 / 9.0 - 1.0..(a.value - 22.0) * 5.0 / 9.0 + 1.0)
                .contains(&b.value)
        }
        (Unit::Measure(Dimension::Temperature), Unit::Decade) => same(b, a),
        (Unit::Decade, Unit::Measure(Dimension::Degrees)) => {
            (a.value..a.value + 10.0).contains(&b.as_written)
                || ((a.value - 32.0) * 5.0 / 9.0 - 1.0..(a.value - 22.0) * 5.0 / 9.0 + 1.0)
                    .contains(&b.as_written)
        }
        (Unit::Measure(Dimension::Degrees), Unit::Decade) => same(b, a),
        (Unit::Decade, Unit::Decade) => exact(a.value % 100.0, b.value % 100.0),
        (Unit::Decade, Unit::Count) => decade_matches(a.value, b.value) || century_of(a, b),
        (Unit::Count, Unit::Decade) => decade_matches(b.value, a.value) || century_of(b, a),
        (Unit::Date, Unit::Date) => {
            exact(a.value, b.value) || exact(a.as_written, b.value) || exact(a.value, b.as_written)
        }
        // A date the other language writes with a month the tables lack: its day.
        (Unit::Date, Unit::Count) => exact(a.value % 100.0, b.value),
        (Unit::Count, Unit::Date) => exact(b.value % 100.0, a.value),
        (Unit::Magnitude, Unit::Magnitude) => (a.value - b.value).abs() <= 1.0,
        (Unit::Magnitude, _) => magnitude_matches(a.value, b.value),
        (_, Unit::Magnitude) => magnitude_matches(b.value, a.value),
        // "A couple of decades" is twenty years, or "2 décennies": an implied count matches
        // the number it was said with too.
        (Unit::Count, Unit::Count) => {
            let factor =
                |x: &Quantity, n: f64| x.written == Written::Implied && exact(x.as_written, n);
            exact(a.value, b.value) || factor(a, b.value) || factor(b, a.value)
        }
        // Money, percentages and counts compare by value: a translation may drop "euros" or
        // the percent sign when the context says it.
        _ => exact(a.value, b.value),
    }
}

/// The other side's minutes and seconds that a clock time in digits ("3:35", "13:10") may
/// be, as a game clock: a number of minutes right before a number of seconds, both free.
fn minutes_and_seconds(x: &Quantity, other: &[Quantity], used: &[bool]) -> Option<usize> {
    if x.unit != Unit::Time || !matches!(x.written, Written::Digits(_)) {
        return None;
    }
    let (minutes, seconds) = ((x.value / 60.0).floor(), x.value % 60.0);
    (0..other.len().saturating_sub(1)).find(|&k| {
        let (m, s) = (&other[k], &other[k + 1]);
        !used[k]
            && !used[k + 1]
            && m.unit == Unit::Count
            && m.value == minutes
            && s.unit == Unit::Measure(Dimension::Duration)
            && close(s.value, seconds, 1e-9)
    })
}

/// The size of the unit a measure is written in (1609.344 for miles, 1000 for km), from its
/// value and the number as written; 0 when that number is 0.
fn written_unit(x: &Quantity) -> f64 {
    if x.as_written != 0.0 {
        (x.value / x.as_written).abs()
    } else {
        0.0
    }
}

/// A conversion in brackets that gives back the other side's figure in its own unit, changed:
/// "209 km (131 miles)" for "130 miles". `main` is the number before the brackets, matched to
/// `other` (converted, so written in another unit); the bracket is in `other`'s unit, or in a
/// unit the tables lack ("(11 milles)"), and says another number.
fn restated_wrongly(bracket: &Quantity, main: &Quantity, other: &Quantity) -> bool {
    let Unit::Measure(dim) = other.unit else {
        return false;
    };
    let converted =
        main.unit == other.unit && !close(written_unit(main), written_unit(other), 1e-9);
    let in_other_unit = bracket.unit == Unit::Count
        || (bracket.unit == Unit::Measure(dim)
            && close(written_unit(bracket), written_unit(other), 1e-9));
    converted && in_other_unit && !close(bracket.as_written, other.as_written, 1e-9)
}

/// A mass written in pounds (0.45359237 kg each).
fn in_pounds(x: &Quantity) -> bool {
    x.as_written != 0.0 && close(x.value / x.as_written, 0.453_592_37, 1e-6)
}

/// Degrees of unknown scale: the same number, or one converted between Fahrenheit and
/// Celsius (as a temperature or as a difference), to the nearest degree.
fn degrees_match(a: f64, b: f64) -> bool {
    let near = |x: f64, y: f64| (x - y).abs() <= 1.0;
    // A converted figure is rounded as any conversion is ("a 20-degree difference", 11 °C,
    // given as "nearly 10 degrees").
    let converted = |x: f64, y: f64| near(x, y) || close(x, y, CONVERSION_TOLERANCE);
    // Unconverted, the same figure, or one rounded to a whole degree: "7,6 grade" for a
    // magnitude 7.5 is another number.
    let rounded = |x: f64, y: f64| x.fract() == 0.0 && (x - y).abs() <= 0.5;
    (a - b).abs() < 1e-9
        || rounded(a, b)
        || rounded(b, a)
        || converted((a - 32.0) * 5.0 / 9.0, b)
        || converted((b - 32.0) * 5.0 / 9.0, a)
        || converted(a * 5.0 / 9.0, b)
        || converted(b * 5.0 / 9.0, a)
}

fn hour_matches(minutes: f64, n: f64) -> bool {
    minutes % 60.0 == 0.0 && {
        let hour = minutes / 60.0;
        n == hour || n == hour - 12.0 || (hour == 0.0 && n == 12.0)
    }
}

fn decade_matches(decade: f64, n: f64) -> bool {
    n == decade || n == decade % 100.0 || (decade < 100.0 && n % 100.0 == decade && n >= 1000.0)
}

/// "the 1800s" ("1800-talet") is the 19th century.
fn century_of(hundreds: &Quantity, ordinal: &Quantity) -> bool {
    ordinal.ordinal
        && hundreds.value % 100.0 == 0.0
        && hundreds.value >= 1000.0
        && ordinal.value == hundreds.value / 100.0 + 1.0
}

fn magnitude_matches(power: f64, n: f64) -> bool {
    n > 0.0 && (n.log10() - power).abs() <= 1.0
}

/// How far a score reaches on either side of one of its numbers, in characters.
const SCORE: usize = 24;

/// The whole score a number is part of ("2-1"), if it is part of one.
fn score_around(x: &Quantity, doc: &Document) -> Option<String> {
    let text = &doc.text;
    if !in_score(x, doc) {
        return None;
    }
    let part = |c: char| c.is_ascii_digit() || matches!(c, '-' | '–' | ':' | ' ');
    // A score is short: a long run of digits and dashes is shown only in part.
    let start = text[..x.span.start]
        .char_indices()
        .rev()
        .take(SCORE)
        .take_while(|&(_, c)| part(c))
        .last()
        .map_or(x.span.start, |(i, _)| i);
    let end = x.span.end
        + text[x.span.end..]
            .char_indices()
            .take(SCORE)
            .take_while(|&(_, c)| part(c))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
    Some(text[start..end].trim().to_string())
}

/// A quantity for a message: its value, and the text as written when that says more
/// (“2.300 millones de euros”, but not “1993” twice), or the score it is part of.
fn described(x: &Quantity, doc: &Document) -> String {
    let value = show(x);
    if let Some(score) = score_around(x, doc) {
        return format!("{value} (in {})", q(&score));
    }
    let written = &doc.text[x.span.clone()];
    if value == written {
        value
    } else {
        format!("{value} ({})", q(written))
    }
}

/// A quantity's value for a message: English notation, and its unit.
fn show(x: &Quantity) -> String {
    let n = plain(x.value);
    match x.unit {
        Unit::Count => n,
        Unit::Percent => format!("{n}%"),
        Unit::Money(code) => format!("{n} {code}"),
        Unit::Measure(d) => format!("{n} {}", crate::numbers::base_unit(d)),
        Unit::Time => format!(
            "{:02}:{:02}",
            (x.value / 60.0).floor() as u32,
            (x.value % 60.0) as u32
        ),
        Unit::Decade => format!("the {n}s"),
        Unit::Magnitude => format!("about 10^{n}"),
        Unit::Date => {
            let month = (x.value / 100.0) as usize;
            let name = crate::numbers::MONTHS
                .get(month.wrapping_sub(1))
                .unwrap_or(&"");
            format!("{} {name}", x.value as u32 % 100)
        }
    }
}

/// A number in English notation: grouped thousands, up to three decimals.
fn plain(v: f64) -> String {
    let rounded = (v * 1000.0).round() / 1000.0;
    let sign = if rounded < 0.0 { "-" } else { "" };
    let abs = rounded.abs();
    let int = abs.trunc() as u128;
    let digits = int.to_string();
    // A year reads better without a separator: "1993", not "1,993".
    let year = (1000.0..2100.0).contains(&abs) && abs.fract() == 0.0;
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && !year {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let frac = abs - abs.trunc();
    if frac > 0.0 {
        let f = format!("{frac:.3}");
        grouped.push_str(f.trim_start_matches('0').trim_end_matches('0'));
    }
    format!("{sign}{grouped}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers() {
        assert_eq!(plain(2_300_000_000.0), "2,300,000,000");
        assert_eq!(plain(3.5), "3.5");
        assert_eq!(plain(-1500.25), "-1,500.25");
        assert_eq!(plain(0.75), "0.75");
        assert_eq!(plain(1993.0), "1993");
        assert_eq!(plain(12_500.0), "12,500");
        assert_eq!(plain(27.432), "27.432");
    }

    #[test]
    fn loose_matches() {
        assert!(hour_matches(19.0 * 60.0, 7.0));
        assert!(hour_matches(7.0 * 60.0, 7.0));
        assert!(!hour_matches(7.5 * 60.0, 7.0));
        assert!(decade_matches(1930.0, 30.0));
        assert!(decade_matches(30.0, 1930.0));
        assert!(!decade_matches(1930.0, 40.0));
        assert!(magnitude_matches(4.0, 20_000.0));
        assert!(!magnitude_matches(4.0, 20.0));
        // "4 inches" (0.1016 m) said as "10" (centimetres); "2 miles" as "3" (kilometres).
        assert!(bare_measure(0.1016, 4.0, Dimension::Length, 10.0));
        assert!(bare_measure(3218.688, 2.0, Dimension::Length, 3.2));
        assert!(!bare_measure(0.1016, 4.0, Dimension::Length, 4.0));
        assert!(bare_measure(2000.0, 2000.0, Dimension::Mass, 2.0));
        // No tolerance in the unit it was written in: 76,000 hectares are not 76,001.
        assert!(!bare_measure(7.6e8, 76_000.0, Dimension::Area, 76_001.0));
    }

    #[test]
    fn years_written_inside_codes() {
        let doc = |text: &str| {
            Document::new(
                "t.en.txt",
                text.to_string(),
                crate::text::Encoding::Utf8,
                crate::markup::Format::Plain,
                |_| ("en".parse().unwrap(), crate::document::LangSource::Given),
            )
        };
        let year = |v: f64| Quantity {
            span: 0..4,
            value: v,
            as_written: v,
            unit: Unit::Count,
            written: Written::Digits(crate::numbers::Notation {
                decimal: None,
                grouping: None,
            }),
            ordinal: false,
        };
        let d = doc("the SS19 collection and the FY2021 accounts");
        let all = 0..d.text.len();
        let side = Side::new(&d, &all);
        assert!(side.holds_glued(&year(2019.0)));
        assert!(side.holds_glued(&year(2021.0)));
        assert!(!side.holds_glued(&year(2020.0)));
        let d = doc("the collection of 2019, 19 pieces");
        let all = 0..d.text.len();
        assert!(!Side::new(&d, &all).holds_glued(&year(2019.0)));
    }

    /// The messages of number/mismatch on a source and its translation.
    fn mismatches(source: (&str, &str), target: (&str, &str)) -> Vec<String> {
        let engine = crate::Engine::new(
            crate::glossary::GlossarySet::default(),
            crate::Options::default(),
        );
        let doc = |name: &str, (lang, text): (&str, &str)| {
            engine
                .document(
                    &format!("{name}.{lang}.txt"),
                    text.as_bytes(),
                    crate::markup::Format::Plain,
                )
                .unwrap()
        };
        let pair = crate::bilingual::Pair::align(doc("s", source), doc("t", target));
        engine
            .check_pair(&pair)
            .into_iter()
            .filter(|f| f.rule == "number/mismatch")
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn converted_degrees_are_rounded_as_conversions_are() {
        // A difference of 45 °F is 25 °C: "nearly 23" is a rounding, 30 a changed number.
        assert!(degrees_match(45.0, 23.0));
        assert!(!degrees_match(45.0, 30.0));
        assert!(!degrees_match(10.0, 12.0));
        // Unconverted: the same figure or one rounded to whole degrees, not a changed decimal.
        assert!(degrees_match(7.5, 7.5));
        assert!(degrees_match(7.5, 8.0));
        assert!(!degrees_match(7.5, 7.6));
    }

    #[test]
    fn compounds_that_carry_a_number() {
        let none = |s: &str, lang: &str, t: &str| {
            let got = mismatches(("en", s), (lang, t));
            assert!(got.is_empty(), "{s} / {t}: {got:?}");
        };
        none(
            "A 30,000-strong march filled the square.",
            "pl",
            "30-tysięczny marsz wypełnił plac.",
        );
        none(
            "They took a $40 billion loan.",
            "cs",
            "Vzali si 40 miliardový úvěr.",
        );
        none(
            "The 7-foot centre signed on Monday.",
            "cs",
            "Dvoumetrový pivot podepsal v pondělí.",
        );
        none(
            "It is a total lie.",
            "pl",
            "To jest stu-procentowe kłamstwo.",
        );
        // A changed number in the same compound is still found.
        assert_eq!(
            mismatches(
                ("en", "A 30,000-strong march filled the square."),
                ("pl", "40-tysięczny marsz wypełnił plac.")
            )
            .len(),
            1
        );
    }

    #[test]
    fn paraphrased_and_loose_quantities_are_not_reported() {
        let none = |s: &str, lang: &str, t: &str| {
            let got = mismatches(("en", s), (lang, t));
            assert!(got.is_empty(), "{s} / {t}: {got:?}");
        };
        none(
            "Sales saw a double-digit rise.",
            "nl",
            "De verkoop steeg met meer dan 10 procent.",
        );
        none(
            "The party made a U-turn on taxes.",
            "cs",
            "Strana se v daních otočila o 180 stupňů.",
        );
        none(
            "He scored on the quarter-hour.",
            "pl",
            "Strzelił gola po piętnastu minutach.",
        );
        none(
            "About 1,000 fans came.",
            "cs",
            "Přišla asi tisícovka fanoušků.",
        );
        none(
            "Eight million voters stayed home.",
            "cs",
            "Osm miliónů voličů zůstalo doma.",
        );
        none(
            "The mill was built in the 1800s.",
            "pl",
            "Młyn zbudowano dawno temu.",
        );
        // Against another number it is still a change.
        assert_eq!(
            mismatches(
                ("en", "The mill was built in the 1800s."),
                ("pl", "Młyn zbudowano w 1700 roku.")
            )
            .len(),
            1
        );
        none(
            "The show \"48 Hours\" is back.",
            "uk",
            "Шоу 48 Hours (48 годин) повертається.",
        );
    }

    #[test]
    fn numbers_glued_to_a_word_are_there() {
        let none = |s: &str, lang: &str, t: &str| {
            let got = mismatches(("en", s), (lang, t));
            assert!(got.is_empty(), "{s} / {t}: {got:?}");
        };
        none(
            "The talks start at 4 p.m. on Monday.",
            "cs",
            "Jednání začne v pondělí v16 hodin.",
        );
        none(
            "They paid her $200 a week.",
            "uk",
            "Їй платили200 доларів на тиждень.",
        );
        none(
            "Up to 3 inches of rain fell.",
            "uk",
            "Випало до7,62 см дощу.",
        );
    }

    #[test]
    fn a_range_accounts_for_what_it_spans() {
        let none = |s: &str, lang: &str, t: &str| {
            let got = mismatches(("en", s), (lang, t));
            assert!(got.is_empty(), "{s} / {t}: {got:?}");
        };
        none(
            "A 30-year-old, a 31-year-old and a 35-year-old were held.",
            "cs",
            "Zadrženi byli muži ve věku od 30 do 35 let.",
        );
        none(
            "Highs in the 70s are expected.",
            "pl",
            "Oczekuje się od 22 do 26 stopni.",
        );
        // A range given as another range with changed ends is still reported.
        assert_eq!(
            mismatches(
                ("en", "Expect 1 to 4 inches of rain."),
                ("pt", "Esperam-se 2,5 a 10 mm de chuva.")
            )
            .len(),
            1
        );
        // A number outside the range is still reported.
        assert_eq!(
            mismatches(
                (
                    "en",
                    "A 30-year-old, a 38-year-old and a 35-year-old were held."
                ),
                ("cs", "Zadrženi byli muži ve věku od 30 do 35 let.")
            )
            .len(),
            1
        );
    }

    #[test]
    fn clause_numbers_opening_a_segment_are_left_to_the_structure() {
        let marker = |text: &str| {
            let d = Document::new(
                "t.en.txt",
                text.to_string(),
                crate::text::Encoding::Utf8,
                crate::markup::Format::Plain,
                |_| ("en".parse().unwrap(), crate::document::LangSource::Given),
            );
            let x = crate::numbers::quantities(&d.text, &d.lang)[0].clone();
            list_marker(&x, &d, &(0..d.text.len()))
        };
        assert!(marker("8. Description of the parameters"));
        assert!(marker("4.6 The Lessee is entitled"));
        assert!(marker("3) Costs"));
        assert!(!marker("4.6 million people voted"));
        assert!(!marker("15 people died"));
        assert!(!marker("It rose 4.6 percent"));
    }

    fn read(lang: &str, text: &str) -> Vec<Quantity> {
        crate::numbers::quantities(text, &lang.parse().unwrap())
    }

    #[test]
    fn pounds_of_weight_where_pounds_are_also_money() {
        let hog = read("en", "a 550 pound hog");
        assert!(same(&hog[0], &read("es", "un cerdo de 550 libras")[0]));
        assert!(!same(&hog[0], &read("es", "un cerdo de 560 libras")[0]));
        // Kilograms are no pounds.
        let kilos = read("en", "a 550 kg hog");
        assert!(!same(&kilos[0], &read("es", "un cerdo de 550 libras")[0]));
    }

    #[test]
    fn a_couple_of_decades_is_twenty_years_or_two_decades() {
        let couple = read("en", "a couple of decades");
        assert!(same(&couple[0], &read("tr", "yirmi yıl")[0]));
        assert!(same(&couple[0], &read("fr", "2 décennies")[0]));
        assert!(!same(&couple[0], &read("fr", "3 décennies")[0]));
    }

    #[test]
    fn a_game_clock_given_in_minutes_and_seconds() {
        let clock = read("en", "He scored on 3:35.");
        let said = read("es", "Marcó a los 3 minutos y 35 segundos.");
        assert_eq!(
            minutes_and_seconds(&clock[0], &said, &[false, false]),
            Some(0)
        );
        assert_eq!(minutes_and_seconds(&clock[0], &said, &[true, false]), None);
        let other = read("es", "Marcó a los 3 minutos y 36 segundos.");
        assert_eq!(
            minutes_and_seconds(&clock[0], &other, &[false, false]),
            None
        );
    }

    #[test]
    fn a_number_moved_into_the_next_segment() {
        let (five, fem, sju) = (
            read("en", "five times"),
            read("sv", "fem gånger"),
            read("sv", "sju"),
        );
        let mut left: Vec<Left<'_>> = vec![
            (0..1, vec![], vec![&fem[0]]),
            (1..2, vec![&five[0]], vec![]),
        ];
        moved_across(&mut left);
        assert!(left.iter().all(|(_, s, t)| s.is_empty() && t.is_empty()));
        let mut left: Vec<Left<'_>> = vec![
            (0..1, vec![], vec![&sju[0]]),
            (1..2, vec![&five[0]], vec![]),
        ];
        moved_across(&mut left);
        assert_eq!(
            (left[0].2.len(), left[1].1.len()),
            (1, 1),
            "seven is not five"
        );
        // A unit whose own number changed keeps its findings.
        let mut left: Vec<Left<'_>> = vec![
            (0..1, vec![&five[0]], vec![]),
            (1..2, vec![&sju[0]], vec![&fem[0]]),
        ];
        moved_across(&mut left);
        assert_eq!((left[0].1.len(), left[1].2.len()), (1, 1));
    }

    #[test]
    fn a_rounded_conversion_in_brackets() {
        let d = Document::new(
            "t.pt.txt",
            "custou € 2 bilhões (cerca de R$ 12 bilhões)".to_string(),
            crate::text::Encoding::Utf8,
            crate::markup::Format::Plain,
            |_| ("pt".parse().unwrap(), crate::document::LangSource::Given),
        );
        let qs = crate::numbers::quantities(&d.text, &d.lang);
        assert_eq!(qs[1].unit, Unit::Money("BRL"));
        assert!(is_conversion(&qs[1], &d, &qs));
        assert!(!is_conversion(&qs[0], &d, &qs));
    }

    #[test]
    fn a_count_equal_to_a_score_is_no_repetition() {
        // "four of the four" restates a number; a count beside a score does not.
        let got = mismatches(
            ("en", "He won 4-3 with his partner."),
            ("fr", "Il a gagné 4-3 avec trois partenaires."),
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let got = mismatches(
            ("en", "They won 4&3 in the foursomes."),
            ("zh", "他们在四球三人赛中以4&3获胜。"),
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let got = mismatches(
            ("en", "Woods lost all four of his four matches."),
            ("fr", "Woods a perdu quatre de ses quatre matchs."),
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_figure_given_back_in_brackets_must_be_the_sources() {
        // The translation converts and keeps the source's figure in brackets: changed, it is
        // found; right, or in a unit the tables lack, it is not.
        let got = mismatches(
            (
                "en",
                "A bloom extends approximately 130 miles of coastline.",
            ),
            ("fr", "La marée couvre environ 209 km (131 miles) de côtes."),
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let got = mismatches(
            ("en", "Patches are found about 10 miles offshore."),
            (
                "fr",
                "On trouve des îlots à environ 16 km (11 milles) au large.",
            ),
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let got = mismatches(
            ("en", "Patches are found about 10 miles offshore."),
            (
                "fr",
                "On trouve des îlots à environ 16 km (10 milles) au large.",
            ),
        );
        assert!(got.is_empty(), "{got:?}");
        // Both sides convert: the two conversions are compared, not taken as glosses.
        let got = mismatches(
            ("en", "It traveled at speeds of 800 kph (497 mph)."),
            ("fr", "Il a voyagé à 800 km/h (498 mph)."),
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let got = mismatches(
            ("en", "It traveled at speeds of 800 kph (497 mph)."),
            ("fr", "Il a voyagé à 800 km/h."),
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn digits_glued_before_a_scale_word_are_present() {
        // A missing space ("på100 miljoner") hides the number from the reader, not the figure.
        let got = mismatches(
            ("en", "He moved to Juve in a deal worth €100 million."),
            (
                "sv",
                "Han flyttade till Juve i en överenskommelse på100 miljoner euro.",
            ),
        );
        assert!(got.is_empty(), "{got:?}");
        let got = mismatches(
            ("en", "He moved to Juve in a deal worth €100 million."),
            (
                "sv",
                "Han flyttade till Juve i en överenskommelse på200 miljoner euro.",
            ),
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }
}

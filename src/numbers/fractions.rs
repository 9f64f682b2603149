//! Stages that join number words already read: fractions in words ("two-thirds", "un
//! tercio", "trois quarts", "die Hälfte", "две трети") and compound ordinals ("twenty-first",
//! "сорок пятой"). Both take quantities in order and apart, and leave them so.

// Looked up for every word of every text: foldhash, not SipHash.
use foldhash::HashMap;
use std::sync::OnceLock;

use super::quantity::{Quantity, Unit, Written, between};
use super::view::View;
use super::words::ARTICLES;

/// A fraction word's denominator and whether it stands without a number ("half").
fn fraction_word(lang: &str, key: &str) -> Option<(f64, bool)> {
    type Table = HashMap<(&'static str, &'static str), (f64, bool)>;
    static ALL: OnceLock<Table> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut m = HashMap::default();
        for line in include_str!("../../data/numbers/fractions.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let cols: Vec<&'static str> = line.split('\t').collect();
            if let [l, d, words, rest @ ..] = cols.as_slice() {
                let alone = rest.first() == Some(&"alone");
                for w in words.split(' ') {
                    m.insert((*l, w), (d.parse().unwrap_or(1.0), alone));
                }
            }
        }
        m
    })
    .get(&(lang, key))
    .copied()
}

/// The quantity in `sorted` that ends exactly at `end`, if any.
fn ending_at(sorted: &[Quantity], end: usize) -> Option<usize> {
    let i = sorted.partition_point(|q| q.span.start < end);
    i.checked_sub(1).filter(|&k| sorted[k].span.end == end)
}

/// The quantity in `sorted` that ends last at or before `offset`.
fn last_before(sorted: &[Quantity], offset: usize) -> Option<usize> {
    let i = sorted.partition_point(|q| q.span.start < offset);
    i.checked_sub(1).filter(|&k| sorted[k].span.end <= offset)
}

/// Fractions in words: the number before the fraction word divided by it, or one part when an
/// article or nothing comes before. Loose in news ("half the country"), so matched, never
/// reported alone.
pub(super) fn word_fractions(v: &View<'_>, sorted: Vec<Quantity>) -> Vec<Quantity> {
    let mut out = sorted;
    let mut dropped = vec![false; out.len()];
    let mut added = Vec::new();
    for k in 0..v.toks.len() {
        let Some((denominator, alone)) = fraction_word(v.lang.primary(), v.key(k)) else {
            continue;
        };
        let tok = &v.toks.list[k];
        // An ordinal read from the same word ("a third") gives way.
        let ordinal_here = ending_at(&out, tok.end)
            .filter(|&o| out[o].ordinal && out[o].span.start == tok.start && !dropped[o]);
        // "Seven halves" are seven tied matches, not three and a half.
        let before = last_before(&out, tok.start).filter(|&b| {
            let q = &out[b];
            denominator > 2.0
                && !dropped[b]
                && between(v.text, &q.span, &(tok.start..tok.start))
                    .chars()
                    .all(|c| matches!(c, ' ' | '-' | '\u{a0}'))
                && q.unit == Unit::Count
                && !q.ordinal
                && q.written == Written::Words
        });
        let prev_key = k.checked_sub(1).map(|p| v.key(p));
        let after_ordinal =
            k > 0 && ending_at(&out, v.toks.list[k - 1].end).is_some_and(|o| out[o].ordinal);
        if let Some(b) = before {
            let q = &mut out[b];
            q.value /= denominator;
            q.as_written = q.value;
            q.span.end = tok.end;
            q.written = Written::Implied;
        } else if !after_ordinal && (alone || prev_key.is_some_and(|p| ARTICLES.contains(&p))) {
            let start = if !alone && k > 0 {
                v.toks.list[k - 1].start
            } else {
                tok.start
            };
            added.push(Quantity::new(
                start..tok.end,
                1.0 / denominator,
                Unit::Count,
                Written::Implied,
            ));
        } else {
            continue;
        }
        if let Some(o) = ordinal_here {
            dropped[o] = true;
        }
    }
    let mut keep = dropped.iter().map(|d| !d);
    out.retain(|_| keep.next().unwrap_or(true));
    out.extend(added);
    out
}

/// Turkish says a fraction as its denominator in the locative and its numerator: "üçte iki"
/// (two in three, two-thirds), "dörtte bir" (a quarter). Loose like other fractions in words.
pub(super) fn locative_fractions(
    text: &str,
    lang: &crate::lang::LangTag,
    sorted: Vec<Quantity>,
) -> Vec<Quantity> {
    if lang.primary() != "tr" {
        return sorted;
    }
    let words = |q: &Quantity| q.written == Written::Words && q.unit == Unit::Count && !q.ordinal;
    let mut out: Vec<Quantity> = Vec::with_capacity(sorted.len());
    let mut it = sorted.into_iter().peekable();
    while let Some(mut a) = it.next() {
        if let Some(b) = it.peek() {
            let written = &text[a.span.clone()];
            let locative = ["de", "da", "te", "ta"].iter().any(|s| {
                written.strip_suffix(s).is_some_and(|d| {
                    super::words::parse_cardinal(d, lang).is_some_and(|n| n as f64 == a.value)
                })
            });
            let gap = between(text, &a.span, &b.span);
            let apart = !gap.is_empty() && gap.chars().all(|c| matches!(c, ' ' | '\u{a0}'));
            if locative && apart && words(&a) && words(b) && a.value > b.value && b.value > 0.0 {
                a.value = b.value / a.value;
                a.as_written = a.value;
                a.span.end = b.span.end;
                a.written = Written::Implied;
                it.next();
            }
        }
        out.push(a);
    }
    out
}

/// Tens in words before an ordinal unit word make one ordinal: "сорок пятой" (45th),
/// "twenty-first".
pub(super) fn compound_ordinals(text: &str, sorted: Vec<Quantity>) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::with_capacity(sorted.len());
    let mut it = sorted.into_iter().peekable();
    while let Some(mut a) = it.next() {
        if let Some(b) = it.peek() {
            let gap = between(text, &a.span, &b.span);
            let joined = !gap.is_empty() && gap.chars().all(|c| matches!(c, ' ' | '-' | '\u{a0}'));
            let tens = a.written == Written::Words
                && !a.ordinal
                && a.unit == Unit::Count
                && a.value >= 20.0
                && a.value < 100.0
                && a.value % 10.0 == 0.0;
            if joined && tens && b.ordinal && b.written == Written::Words && b.value < 10.0 {
                a.value += b.value;
                a.as_written = a.value;
                a.ordinal = true;
                a.span.end = b.span.end;
                it.next();
            }
        }
        out.push(a);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(value: f64, span: std::ops::Range<usize>, ordinal: bool) -> Quantity {
        let mut q = Quantity::new(span, value, Unit::Count, Written::Words);
        q.ordinal = ordinal;
        q
    }

    #[test]
    fn tens_and_an_ordinal_join() {
        let text = "twenty-first and thirty two";
        let joined = compound_ordinals(
            text,
            vec![words(20.0, 0..6, false), words(1.0, 7..12, true)],
        );
        assert_eq!(
            (joined.len(), joined[0].value, joined[0].ordinal),
            (1, 21.0, true)
        );
        assert_eq!(joined[0].span, 0..12);
        let apart = compound_ordinals(
            text,
            vec![words(30.0, 17..23, false), words(2.0, 24..27, false)],
        );
        assert_eq!(apart.len(), 2);
    }

    #[test]
    fn quantities_are_found_by_where_they_end() {
        let qs = [words(1.0, 0..3, false), words(2.0, 5..9, false)];
        assert_eq!(ending_at(&qs, 9), Some(1));
        assert_eq!(ending_at(&qs, 8), None);
        assert_eq!(last_before(&qs, 5), Some(0));
        assert_eq!(last_before(&qs, 12), Some(1));
        assert_eq!(last_before(&qs, 0), None);
    }
}

//! Quantities in running text: numbers in digits (with a scale word after them: "2,3 millones",
//! "1.5bn"), numbers in words, and percentages.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::{Notation, digits, parse_cardinal};
use crate::lang::LangTag;
use crate::token::{Gap, tokenize_str};

/// What a quantity counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    Percent,
}

/// How a quantity was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Digits(Notation),
    Words,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub span: Range<usize>,
    pub value: f64,
    pub unit: Unit,
    pub written: Written,
}

/// A scale written after a number: its words and its factor.
type Scale = (Vec<&'static str>, f64);

fn scales(lang: &str) -> Vec<Scale> {
    static ALL: OnceLock<HashMap<&'static str, Vec<Scale>>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<Scale>> = HashMap::new();
        for line in include_str!("../../data/numbers/scales.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let mut cols = line.split('\t');
            let (Some(l), Some(w), Some(f)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            m.entry(l)
                .or_default()
                .push((w.split(' ').collect(), f.parse().unwrap_or(1.0)));
        }
        // Longest first, so "mil millones" wins over "mil".
        for v in m.values_mut() {
            v.sort_by_key(|s| std::cmp::Reverse(s.0.len()));
        }
        m
    });
    all.get(lang).cloned().unwrap_or_default()
}

/// Words that say "per cent" after a number.
const PERCENT: &[&[&str]] = &[
    &["per", "cent"],
    &["percent"],
    &["por", "ciento"],
    &["pour", "cent"],
    &["prozent"],
    &["per", "cento"],
    &["por", "cento"],
    &["procent"],
    &["procentów"],
    &["procenta"],
    &["процент"],
    &["процента"],
    &["процентов"],
];

/// Articles that are also the number one: alone they are not a quantity.
const ARTICLES: &[&str] = &[
    "a", "an", "un", "une", "uno", "una", "ein", "eine", "einen", "einem", "einer", "eines", "um",
    "uma", "een",
];

/// Every quantity in `text`, in text order.
pub fn quantities(text: &str, lang: &LangTag) -> Vec<Quantity> {
    let toks = tokenize_str(text);
    let starts: Vec<usize> = toks.list.iter().map(|t| t.start).collect();
    let token_at = |offset: usize| starts.iter().position(|&s| s >= offset);
    let scale_words = scales(lang.primary());
    // The words after position `i` (tokens), joined by spaces, as keys.
    let words_from = |i: usize, n: usize| -> Option<(Vec<&str>, usize)> {
        let end = i + n;
        if end > toks.len() || (i..end).skip(1).any(|k| toks.list[k].gap != Gap::Space) {
            return None;
        }
        Some((
            (i..end).map(|k| toks.key(k)).collect(),
            toks.list[end - 1].end,
        ))
    };
    let mut out = Vec::new();
    let mut used_tokens = vec![false; toks.len()];
    for d in digits(text, lang) {
        let mut q = Quantity {
            span: d.span.clone(),
            value: d.value,
            unit: Unit::Count,
            written: Written::Digits(d.notation),
        };
        // A scale glued to the number ("1.5bn", "20k").
        let after = &text[d.span.end..];
        let glued = scale_words.iter().find(|(words, _)| {
            words.len() == 1
                && after
                    .get(..words[0].len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(words[0]))
                && !after[words[0].len()..].starts_with(|c: char| c.is_alphanumeric())
        });
        if let Some((words, factor)) = glued {
            q.value *= factor;
            q.span.end += words[0].len();
        } else if let Some(next) = token_at(d.span.end) {
            // The first token after the number.
            let glued = toks.list[next].start == d.span.end;
            let spaced = text[d.span.end..toks.list[next].start]
                .chars()
                .all(|c| c == ' ' || c == '\u{a0}' || c == '\u{202f}');
            if glued || spaced {
                for (words, factor) in &scale_words {
                    if let Some((keys, end)) = words_from(next, words.len())
                        && keys == *words
                    {
                        q.value *= factor;
                        q.span.end = end;
                        break;
                    }
                }
            }
        }
        // Percent: a sign or words.
        let rest = &text[q.span.end..];
        let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        if trimmed.starts_with('%') {
            q.unit = Unit::Percent;
            q.span.end += rest.len() - trimmed.len() + 1;
        } else if let Some(next) = token_at(q.span.end) {
            for words in PERCENT {
                if let Some((keys, end)) = words_from(next, words.len())
                    && keys == *words
                {
                    q.unit = Unit::Percent;
                    q.span.end = end;
                    break;
                }
            }
        }
        for (k, t) in toks.list.iter().enumerate() {
            if t.start < q.span.end && t.end > q.span.start {
                used_tokens[k] = true;
            }
        }
        out.push(q);
    }
    // Numbers in words: maximal runs of tokens that parse together.
    let mut i = 0;
    while i < toks.len() {
        if used_tokens[i] || parse_cardinal(toks.key(i), lang).is_none() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut best = (i + 1, parse_cardinal(toks.key(i), lang));
        while j < toks.len()
            && !used_tokens[j]
            && matches!(toks.list[j].gap, Gap::Space | Gap::Hyphen)
        {
            let run = &text[toks.list[i].start..toks.list[j].end];
            match parse_cardinal(run, lang) {
                Some(v) => {
                    best = (j + 1, Some(v));
                    j += 1;
                }
                // A connector ("and", "y", "et") only counts when a number follows it.
                None if j + 1 < toks.len()
                    && parse_cardinal(&text[toks.list[i].start..toks.list[j + 1].end], lang)
                        .is_some() =>
                {
                    j += 1
                }
                None => break,
            }
        }
        let (end, value) = best;
        let lone_article = end == i + 1 && ARTICLES.contains(&toks.key(i));
        if let (Some(v), false) = (value, lone_article) {
            let span = toks.list[i].start..toks.list[end - 1].end;
            out.push(Quantity {
                span,
                value: v as f64,
                unit: Unit::Count,
                written: Written::Words,
            });
        }
        i = end;
    }
    out.sort_by_key(|q| q.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(lang: &str, text: &str) -> Vec<(String, f64, Unit)> {
        quantities(text, &lang.parse().unwrap())
            .into_iter()
            .map(|x| (text[x.span].to_string(), x.value, x.unit))
            .collect()
    }

    #[test]
    fn scales_and_percentages() {
        assert_eq!(
            q("es", "2.300 millones de euros"),
            [("2.300 millones".into(), 2.3e9, Unit::Count)]
        );
        assert_eq!(
            q("en", "2.3 million people, $1.5bn"),
            [
                ("2.3 million".into(), 2.3e6, Unit::Count),
                ("1.5bn".into(), 1.5e9, Unit::Count)
            ]
        );
        assert_eq!(
            q("es", "dos mil millones"),
            [("dos mil millones".into(), 2e9, Unit::Count)]
        );
        assert_eq!(
            q("es", "1,5 mil millones"),
            [("1,5 mil millones".into(), 1.5e9, Unit::Count)]
        );
        assert_eq!(
            q("de", "1 Billion Euro"),
            [("1 Billion".into(), 1e12, Unit::Count)]
        );
        assert_eq!(
            q("en", "1 billion dollars"),
            [("1 billion".into(), 1e9, Unit::Count)]
        );
        assert_eq!(
            q("de", "3,5 % mehr"),
            [("3,5 %".into(), 3.5, Unit::Percent)]
        );
        assert_eq!(
            q("fr", "12 pour cent"),
            [("12 pour cent".into(), 12.0, Unit::Percent)]
        );
        assert_eq!(
            q("ru", "2,5 млрд рублей"),
            [("2,5 млрд".into(), 2.5e9, Unit::Count)]
        );
    }

    #[test]
    fn words_in_text() {
        assert_eq!(
            q("es", "Hubo quince detenidos y un herido."),
            [("quince".into(), 15.0, Unit::Count)]
        );
        assert_eq!(
            q("en", "fifteen prisoners and twenty-one guards"),
            [
                ("fifteen".into(), 15.0, Unit::Count),
                ("twenty-one".into(), 21.0, Unit::Count)
            ]
        );
        assert_eq!(
            q("fr", "vingt et un ans"),
            [("vingt et un".into(), 21.0, Unit::Count)]
        );
        assert_eq!(
            q("de", "Eine Frage an einundzwanzig Leute"),
            [("einundzwanzig".into(), 21.0, Unit::Count)]
        );
        assert_eq!(
            q("en", "one hundred and five days and a year"),
            [("one hundred and five".into(), 105.0, Unit::Count)]
        );
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn metres_are_not_millions() {
        let found = quantities("a 20 m wall and a 5k run", &"en".parse().unwrap());
        assert_eq!(
            found.iter().map(|q| q.value).collect::<Vec<_>>(),
            [20.0, 5.0]
        );
    }
}

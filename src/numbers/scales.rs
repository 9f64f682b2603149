//! Scale words after a number in digits: glued ("1.5bn", "20k", "€3m") or spaced ("2,3
//! millones", "3,5 Mio.", "1,5 mil millones", "2,5 млрд"), from `data/numbers/scales.tsv` and
//! every scale word of the language's number lexicon in any case form ("milionů").

use std::collections::HashMap;
use std::sync::OnceLock;

use super::digits::Digits;
use super::ordinals::adjective_endings;
use super::quantity::{Quantity, Unit};
use super::view::View;
use super::words::{AGGLUTINATIVE, scale_word};
use crate::lang::LangTag;

/// A scale written after a number: its words and its factor.
pub(super) type Scale = (Vec<&'static str>, f64);

/// The language's scale words and abbreviations, longest first ("mil millones" before "mil").
pub(super) fn scales(lang: &str) -> &'static [Scale] {
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
        for v in m.values_mut() {
            v.sort_by_key(|s| std::cmp::Reverse(s.0.len()));
        }
        m
    });
    all.get(lang).map_or(&[], Vec::as_slice)
}

/// Whether `key` (a folded word) is a scale word or abbreviation of `lang`: "million",
/// "millones", "Mio", "млрд".
pub fn is_scale_word(key: &str, lang: &LangTag) -> bool {
    scale_word(key, lang).is_some()
        || scales(lang.primary())
            .iter()
            .any(|(words, _)| words.len() == 1 && words[0] == key)
}

/// Multiplies `q` by a scale after the digits `d`, and takes it into the span. After a
/// currency sign a glued "m" is millions ("€3m"); elsewhere it is metres.
pub(super) fn scale_after(v: &View<'_>, d: &Digits, q: &mut Quantity) {
    let after = &v.text[q.span.end..];
    let million = matches!(q.unit, Unit::Money(_))
        && after.starts_with('m')
        && !after[1..].starts_with(|c: char| crate::chars::is_alphanumeric(c));
    if million {
        q.value *= 1e6;
        q.span.end += 1;
        return;
    }
    let scales = scales(v.lang.primary());
    if let Some((words, factor)) = glued(scales, after) {
        q.value *= factor;
        q.span.end += words[0].len();
        return;
    }
    if let Some((factor, end)) = spaced(v, scales, d) {
        q.value *= factor;
        q.span.end = end.max(q.span.end);
    }
}

/// A scale after the currency sign that follows a number: "120 £ millioner", "9 € mia.".
pub(super) fn scale_after_sign(v: &View<'_>, d: &Digits, q: &mut Quantity) {
    if !matches!(q.unit, Unit::Money(_)) || q.value.abs() != d.value.abs() {
        return;
    }
    let sign = v.text[d.span.end..q.span.end].trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    if sign.is_empty() || sign.chars().any(crate::chars::is_alphanumeric) {
        return;
    }
    let after_sign = Digits {
        span: d.span.start..q.span.end,
        ..d.clone()
    };
    if let Some((factor, end)) = spaced(v, scales(v.lang.primary()), &after_sign) {
        q.value *= factor;
        q.span.end = end.max(q.span.end);
    }
}

/// A one-word scale glued to the number ("1.5bn", "20k").
fn glued<'s>(scales: &'s [Scale], after: &str) -> Option<&'s Scale> {
    scales.iter().find(|(words, _)| {
        words.len() == 1
            && after
                .get(..words[0].len())
                .is_some_and(|s| s.eq_ignore_ascii_case(words[0]))
            && !after[words[0].len()..]
                .starts_with(|c: char| crate::chars::is_alphanumeric(c) && !super::cjk::unspaced(c))
    })
}

/// A scale in the first token after the digits, glued or one space away: its factor and
/// where it ends.
fn spaced(v: &View<'_>, scales: &[Scale], d: &Digits) -> Option<(f64, usize)> {
    let next = v.token_at(d.span.end)?;
    let start = v.toks.list[next].start;
    let glued = start == d.span.end;
    let spaced = v.text[d.span.end..start]
        .chars()
        .all(|c| c == ' ' || c == '\u{a0}' || c == '\u{202f}');
    let hyphen = &v.text[d.span.end..start] == "-";
    if (spaced || hyphen)
        && let Some(factor) = scale_adjective(v.lang.primary(), v.key(next))
    {
        return Some((factor, v.toks.list[next].end));
    }
    if !glued && !spaced {
        return None;
    }
    let from_table = scales
        .iter()
        .find_map(|(words, factor)| v.words_at(next, words).map(|end| (*factor, end)));
    // Else any scale word of the language's number lexicon, in any case form.
    let end = v.toks.list[next].end;
    from_table
        .or_else(|| {
            scale_word(v.key(next), v.lang)
                .filter(|_| spaced)
                .map(|f| (f, end))
        })
        .or_else(|| with_case_ending(scales, v.lang.primary(), v.key(next)).map(|f| (f, end)))
}

/// The factor of a scale said as an adjective ("tysięczny", "miliardového", "тисячний"): a
/// stem of `data/numbers/scale-adjectives.tsv` and an adjective ending.
fn scale_adjective(lang: &str, key: &str) -> Option<f64> {
    static T: OnceLock<foldhash::HashMap<(&'static str, &'static str), f64>> = OnceLock::new();
    let stems = T.get_or_init(|| {
        super::ordinals::valued_words(include_str!("../../data/numbers/scale-adjectives.tsv"))
    });
    adjective_endings(lang).iter().find_map(|e| {
        let stem = key.strip_suffix(e)?;
        stems.get(&(lang, stem)).copied()
    })
}

/// A one-word scale with a case ending of at most five letters glued to it, in the languages
/// that write them.
fn with_case_ending(scales: &[Scale], lang: &str, key: &str) -> Option<f64> {
    if !AGGLUTINATIVE.contains(&lang) {
        return None;
    }
    scales
        .iter()
        .filter(|(words, _)| words.len() == 1)
        .filter(|(words, _)| {
            key.strip_prefix(words[0]).is_some_and(|rest| {
                rest.chars().count() <= 5 && rest.chars().all(crate::chars::is_alphabetic)
            })
        })
        .max_by_key(|(words, _)| words[0].len())
        .map(|(_, f)| *f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::{Written, digits};
    use crate::token::tokenize_str;

    fn scaled(lang: &str, text: &str, money: bool) -> (f64, String) {
        let lang: LangTag = lang.parse().unwrap();
        let toks = tokenize_str(text);
        let v = View {
            text,
            toks: &toks,
            lang: &lang,
        };
        let d = digits(text, &lang).remove(0);
        let unit = if money {
            Unit::Money("EUR")
        } else {
            Unit::Count
        };
        let mut q = Quantity::new(d.span.clone(), d.value, unit, Written::Words);
        scale_after(&v, &d, &mut q);
        (q.value, text[q.span].to_string())
    }

    #[test]
    fn glued_and_spaced_scales() {
        assert_eq!(scaled("en", "1.5bn more", false), (1.5e9, "1.5bn".into()));
        assert_eq!(scaled("en", "5k run", false), (5.0, "5".into()));
        assert_eq!(scaled("en", "3m more", true), (3e6, "3m".into()));
        assert_eq!(scaled("en", "3m wall", false), (3.0, "3".into()));
        assert_eq!(
            scaled("es", "1,5 mil millones de", false),
            (1.5e9, "1,5 mil millones".into())
        );
        assert_eq!(
            scaled("cs", "3 milionů lidí", false),
            (3e6, "3 milionů".into())
        );
        assert_eq!(
            scaled("de", "3,5 Mio. Euro", false),
            (3.5e6, "3,5 Mio".into())
        );
    }

    #[test]
    fn scales_from_cldr_compact_forms() {
        assert_eq!(
            scaled("da", "2,8 milliarder kroner", false),
            (2.8e9, "2,8 milliarder".into())
        );
        assert_eq!(scaled("da", "5 mio. seere", false), (5e6, "5 mio".into()));
        assert_eq!(
            scaled("ro", "20 de milioane de oameni", false),
            (2e7, "20 de milioane".into())
        );
        assert_eq!(
            scaled("ro", "3,5 miliarde lei", false),
            (3.5e9, "3,5 miliarde".into())
        );
        assert_eq!(scaled("id", "7 juta orang", false), (7e6, "7 juta".into()));
        assert_eq!(
            scaled("fi", "4 miljoonaa euroa", false),
            (4e6, "4 miljoonaa".into())
        );
        // A single letter is left out: "5 t" is five tonnes in Danish.
        assert_eq!(scaled("da", "5 t kul", false), (5.0, "5".into()));
    }

    #[test]
    fn scales_said_as_adjectives() {
        assert_eq!(
            scaled("pl", "30-tysięczny marsz", false),
            (3e4, "30-tysięczny".into())
        );
        assert_eq!(
            scaled("cs", "za 40 miliardového úvěru", false),
            (4e10, "40 miliardového".into())
        );
        assert_eq!(
            scaled("uk", "5-тисячний натовп", false),
            (5e3, "5-тисячний".into())
        );
        // Not a scale: an ordinary adjective, or a scale stem without an adjective ending.
        assert_eq!(scaled("pl", "30-letni", false), (30.0, "30".into()));
        assert_eq!(scaled("cs", "40 miliardovka", false), (40.0, "40".into()));
    }
}

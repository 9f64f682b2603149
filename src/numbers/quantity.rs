//! Quantities in running text: numbers in digits (with a sign, a fraction sign or a scale word:
//! "−3", "2½", "2,3 millones", "1.5bn"), numbers in words, percentages, clock times, decades and
//! fractions. A range ("10–12") is two quantities.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::ordinals::{
    digit_suffix, dotted_ordinal, implied_number, is_determiner, is_title_after_ordinal,
    ordinal_word,
};
use super::shapes::{shaped, vulgar};
use super::units::{Dimension, Kind, currency_before, starts_with_word, unit_after};
use super::vague::magnitude;
use super::words::{is_hundred_word, scale_word};
use super::{Notation, digits, parse_cardinal};
use crate::lang::LangTag;
use crate::token::{Gap, tokenize_str};

/// What a quantity counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    Percent,
    /// A clock time, as minutes after midnight.
    Time,
    /// A decade, as written: 1930 for "the 1930s", 30 for "los años 30".
    Decade,
    /// A vague quantity ("dozens", "des milliers", "Zehntausende"), as its power of ten.
    Magnitude,
    /// A measure, in the dimension's base unit (metres, kilograms, square metres, litres, km/h,
    /// degrees Celsius).
    Measure(Dimension),
    /// Money in a currency (ISO 4217 code); no exchange rates.
    Money(&'static str),
    /// A day of a month, as month × 100 + day: 303 for "3 March". An all-digit date that reads
    /// both ways keeps the other reading in `as_written`.
    Date,
}

/// How a quantity was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Digits(Notation),
    Words,
    /// A word that implies a number: "decade", "dozen", "quintuple", "une quarantaine".
    Implied,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub span: Range<usize>,
    pub value: f64,
    /// The number as written, scale included but before a unit conversion: 30 for
    /// "30 yards" (whose value is 27.432 metres).
    pub as_written: f64,
    pub unit: Unit,
    pub written: Written,
    /// An ordinal ("3rd", "1.º", "tercera") rather than a cardinal; the value is the same.
    pub ordinal: bool,
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

/// Whether `key` (a folded word) is a scale word or abbreviation of `lang`: "million",
/// "millones", "Mio", "млрд".
pub fn is_scale_word(key: &str, lang: &LangTag) -> bool {
    scale_word(key, lang).is_some()
        || scales(lang.primary())
            .iter()
            .any(|(words, _)| words.len() == 1 && words[0] == key)
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
pub(super) const ARTICLES: &[&str] = &[
    "a", "an", "un", "une", "uno", "una", "ein", "eine", "einen", "einem", "einer", "eines", "um",
    "uma", "een",
];

/// Number words that are more often another word.
const HOMOGRAPHS: &[(&str, &str)] = &[("ru", "семью")];

/// Every quantity in `text`, in text order.
pub fn quantities(text: &str, lang: &LangTag) -> Vec<Quantity> {
    quantities_in(text, &tokenize_str(text), lang)
}

/// [`quantities`] with `text` already tokenized (a document's tokens: words in two paragraphs
/// never join).
pub fn quantities_in(text: &str, toks: &crate::token::Tokens, lang: &LangTag) -> Vec<Quantity> {
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
    let mut out = shaped(text, lang);
    let mut used_tokens = vec![false; toks.len()];
    let shaped_count = out.len();
    for d in digits(text, lang) {
        let overlaps = |o: &Quantity| o.span.start < d.span.end && d.span.start < o.span.end;
        if out[..shaped_count].iter().any(overlaps) {
            continue;
        }
        let mut q = Quantity {
            span: d.span.clone(),
            value: d.value,
            as_written: d.value,
            unit: Unit::Count,
            ordinal: false,
            written: Written::Digits(d.notation),
        };
        // A sign right before the number, not a hyphen after a word or a range's dash.
        let before = &text[..d.span.start];
        if let Some(sign) = before
            .chars()
            .next_back()
            .filter(|c| matches!(c, '-' | '−' | '+'))
        {
            let prev = before[..before.len() - sign.len_utf8()].chars().next_back();
            if prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '«'))
            {
                q.span.start -= sign.len_utf8();
                if sign != '+' {
                    q.value = -q.value;
                }
            }
        }
        // A fraction sign glued to the number ("2½").
        if let Some(f) = text[q.span.end..].chars().next().and_then(vulgar) {
            q.value += f.copysign(q.value);
            q.span.end += text[q.span.end..].chars().next().map_or(0, char::len_utf8);
        }
        // An ordinal suffix ("1st", "1.º", "1er", "1-й") ends the quantity.
        let suffix = digit_suffix(lang.primary(), &text[q.span.end..])
            .or_else(|| dotted_ordinal(lang.primary(), &text[d.span.clone()], &text[q.span.end..]));
        if let Some(n) = suffix {
            q.span.end += n;
            q.ordinal = true;
            q.as_written = q.value;
            out.push(q);
            continue;
        }
        // A currency sign before the number ("€5", "US$ 5").
        if let Some((n, code)) = currency_before(&text[..q.span.start]) {
            q.span.start -= n;
            q.unit = Unit::Money(code);
        }
        let before_scale = q.span.end;
        // A scale glued to the number ("1.5bn", "20k"); after a currency sign "m" is millions.
        let after = &text[q.span.end..];
        let million = matches!(q.unit, Unit::Money(_))
            && after.starts_with('m')
            && !after[1..].starts_with(|c: char| c.is_alphanumeric());
        if million {
            q.value *= 1e6;
            q.span.end += 1;
        }
        let glued = scale_words.iter().find(|(words, _)| {
            words.len() == 1
                && after
                    .get(..words[0].len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(words[0]))
                && !after[words[0].len()..].starts_with(|c: char| c.is_alphanumeric())
        });
        if million {
        } else if let Some((words, factor)) = glued {
            q.value *= factor;
            q.span.end += words[0].len();
        } else if let Some(next) = token_at(d.span.end) {
            // The first token after the number.
            let glued = toks.list[next].start == d.span.end;
            let spaced = text[d.span.end..toks.list[next].start]
                .chars()
                .all(|c| c == ' ' || c == '\u{a0}' || c == '\u{202f}');
            if glued || spaced {
                let from_table = scale_words.iter().find_map(|(words, factor)| {
                    words_from(next, words.len())
                        .filter(|(keys, _)| keys == words)
                        .map(|(_, end)| (*factor, end))
                });
                // Else any scale word of the language's number lexicon, in any case form.
                let from_lexicon = || {
                    scale_word(toks.key(next), lang)
                        .filter(|_| spaced)
                        .map(|f| (f, toks.list[next].end))
                };
                if let Some((factor, end)) = from_table.or_else(from_lexicon) {
                    q.value *= factor;
                    q.span.end = end;
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
        // A unit or currency after the number, past "of"/"de" after a scale ("2 millions
        // d'euros", "2,3 millones de dólares").
        if q.unit == Unit::Count || matches!(q.unit, Unit::Money(_)) {
            let mut from = q.span.end;
            if q.span.end > before_scale {
                // An abbreviated scale's full stop ("3,5 Mio. Euro").
                if text[from..].starts_with(". ") {
                    from += 1;
                }
                let rest = &text[from..];
                for connector in [" of ", " de ", " d'", " d’", " di "] {
                    if rest.starts_with(connector) {
                        from += connector.len();
                        break;
                    }
                }
            }
            if let Some((n, u)) = unit_after(lang.primary(), &text[from..]) {
                match (q.unit, u.kind) {
                    (Unit::Count, Kind::Measure(dim)) => {
                        q.as_written = q.value;
                        q.value = q.value * u.factor + u.offset;
                        q.unit = Unit::Measure(dim);
                        q.span.end = from + n;
                    }
                    (Unit::Count, Kind::Money(code)) => {
                        q.unit = Unit::Money(code);
                        q.span.end = from + n;
                    }
                    _ => {}
                }
            }
        }
        if !matches!(q.unit, Unit::Measure(_)) {
            q.as_written = q.value;
        }
        // A capitalised name, a hyphen and digits are a name too: "Covid-19", "F-16", "Su-27"
        // ("mid-2020" is a year).
        let before = &text[..d.span.start];
        if let Some(word) = before.strip_suffix('-') {
            let name: String = word
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            if name.chars().last().is_some_and(char::is_uppercase) && q.unit == Unit::Count {
                q.written = Written::Implied;
            }
        }
        // Digits glued to letters are a name or a unit the tables lack ("247sports", "5G",
        // "35GB"): matched when the other side has them, never reported alone. "16x9" is two
        // numbers.
        let rest = &text[q.span.end..];
        let times = rest.starts_with(['x', 'х', '×'])
            && rest[rest.chars().next().map_or(0, char::len_utf8)..]
                .starts_with(|c: char| c.is_ascii_digit());
        if q.unit == Unit::Count && rest.starts_with(char::is_alphabetic) && !times {
            q.written = Written::Implied;
        }
        out.push(q);
    }
    for q in &out {
        for (k, t) in toks.list.iter().enumerate() {
            if t.start < q.span.end && t.end > q.span.start {
                used_tokens[k] = true;
            }
        }
    }
    // Numbers in words: maximal runs of tokens that parse together.
    let mut i = 0;
    while i < toks.len() {
        if used_tokens[i] {
            i += 1;
            continue;
        }
        // The words from `i` on, while they are free and one space apart.
        let key_at = |k: usize| {
            let t = i + k;
            (t < toks.len() && !used_tokens[t] && (k == 0 || toks.list[t].gap == Gap::Space))
                .then(|| toks.key(t))
        };
        if let Some((n, power)) = magnitude(lang.primary(), key_at) {
            out.push(Quantity {
                span: toks.list[i].start..toks.list[i + n - 1].end,
                value: f64::from(power),
                as_written: f64::from(power),
                unit: Unit::Magnitude,
                written: Written::Words,
                ordinal: false,
            });
            i += n;
            continue;
        }
        if let Some(v) = implied_number(lang.primary(), toks.key(i)) {
            out.push(Quantity {
                span: toks.list[i].start..toks.list[i].end,
                value: v as f64,
                as_written: v as f64,
                unit: Unit::Count,
                written: Written::Implied,
                ordinal: false,
            });
            i += 1;
            continue;
        }
        if let Some(o) = ordinal_word(lang.primary(), toks.key(i)) {
            let prev = i.checked_sub(1).map(|p| toks.key(p));
            let next_is_title = toks.list.get(i + 1).is_some_and(|t| {
                matches!(t.gap, Gap::Space | Gap::Hyphen) && is_title_after_ordinal(toks.key(i + 1))
            });
            let in_compound = toks.list.get(i + 1).is_some_and(|t| t.gap == Gap::Hyphen);
            let determined = prev.is_some_and(|p| is_determiner(lang.primary(), p));
            if !next_is_title && (!o.needs_determiner || (determined && !in_compound)) {
                out.push(Quantity {
                    span: toks.list[i].start..toks.list[i].end,
                    value: o.value as f64,
                    as_written: o.value as f64,
                    unit: Unit::Count,
                    written: Written::Words,
                    ordinal: true,
                });
            }
            i += 1;
            continue;
        }
        // "a mile", "un kilómetro": an article with a unit is one of it.
        if ARTICLES.contains(&toks.key(i))
            && let Some((n, u)) = unit_after(lang.primary(), &text[toks.list[i].end..])
            && let Kind::Measure(dim) = u.kind
            && n > 1
        {
            let end = toks.list[i].end + n;
            out.push(Quantity {
                span: toks.list[i].start..end,
                value: u.factor + u.offset,
                as_written: 1.0,
                unit: Unit::Measure(dim),
                // Often loose ("a ton of work"): matched, never reported alone.
                written: Written::Implied,
                ordinal: false,
            });
            i = toks.list[i..]
                .iter()
                .position(|t| t.start >= end)
                .map_or(toks.len(), |k| i + k);
            continue;
        }
        // Ukrainian writes an apostrophe inside number words ("п'ять", "дев'ятьох"): the word
        // is the tokens on both sides of it, and "сім'я" (family) is not "сім".
        let glued = usize::from(
            toks.list
                .get(i + 1)
                .is_some_and(|t| t.gap == Gap::Apostrophe && !used_tokens[i + 1]),
        );
        let first = &text[toks.list[i].start..toks.list[i + glued].end];
        let first_value = parse_cardinal(first, lang);
        // Words that are also a number's case form: Russian "семью" is "family" as often
        // as "seven".
        if first_value.is_none() || HOMOGRAPHS.contains(&(lang.primary(), toks.key(i))) {
            i += 1 + glued;
            continue;
        }
        let mut j = i + 1 + glued;
        let mut best = (j, first_value);
        while j < toks.len()
            && !used_tokens[j]
            && matches!(toks.list[j].gap, Gap::Space | Gap::Hyphen)
        {
            // The next word, with what an apostrophe glues to it ("двадцять п'ять").
            let last = if toks
                .list
                .get(j + 1)
                .is_some_and(|t| t.gap == Gap::Apostrophe)
            {
                j + 1
            } else {
                j
            };
            let run = &text[toks.list[i].start..toks.list[last].end];
            match parse_cardinal(run, lang) {
                Some(v) => {
                    best = (last + 1, Some(v));
                    j = last + 1;
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
        if let Some(v) = value {
            // A scale word alone ("millions of dollars", "milionů dolarů", Czech "několik set",
            // several hundred) is loose: matched, never reported alone.
            let lone_scale = end == i + 1 + glued
                && (scale_word(toks.key(i), lang).is_some() || is_hundred_word(toks.key(i), lang));
            let mut q = Quantity {
                span: toks.list[i].start..toks.list[end - 1].end,
                value: v as f64,
                as_written: v as f64,
                unit: Unit::Count,
                ordinal: false,
                written: if lone_scale {
                    Written::Implied
                } else {
                    Written::Words
                },
            };
            unit_after_words(text, lang, &mut q);
            // An article alone is a number only with a unit: "un kilómetro", "uno por ciento".
            let lone_article = end == i + 1 && ARTICLES.contains(&toks.key(i));
            if !lone_article || q.unit != Unit::Count {
                i = toks.list[i..]
                    .iter()
                    .position(|t| t.start >= q.span.end)
                    .map_or(toks.len(), |k| i + k);
                out.push(q);
                continue;
            }
        }
        i = end;
    }
    out.sort_by_key(|q| q.span.start);
    word_fractions(text, toks, lang, &mut out);
    compound_ordinals(text, &mut out);
    join_feet_and_inches(text, &mut out);
    expand_year_ranges(text, &mut out);
    share_range_units(text, &mut out);
    out
}

/// Tens in words before an ordinal unit word make one ordinal: "сорок пятой" (45th),
/// "twenty-first".
fn compound_ordinals(text: &str, out: &mut Vec<Quantity>) {
    let mut k = 0;
    while k + 1 < out.len() {
        let (a, b) = (&out[k], &out[k + 1]);
        // Overlapping quantities ("0\u{a0}$0") are never joined; test that before slicing.
        let joined = b.span.start > a.span.end
            && text[a.span.end..b.span.start]
                .chars()
                .all(|c| matches!(c, ' ' | '-' | '\u{a0}'));
        let tens = a.written == Written::Words
            && !a.ordinal
            && a.unit == Unit::Count
            && a.value >= 20.0
            && a.value < 100.0
            && a.value % 10.0 == 0.0;
        if joined && tens && b.ordinal && b.written == Written::Words && b.value < 10.0 {
            let value = a.value + b.value;
            let end = b.span.end;
            let q = &mut out[k];
            q.value = value;
            q.as_written = value;
            q.ordinal = true;
            q.span.end = end;
            out.remove(k + 1);
        }
        k += 1;
    }
}

/// A fraction word's denominator and whether it stands without a number ("half").
fn fraction_word(lang: &str, key: &str) -> Option<(f64, bool)> {
    type Table = HashMap<(&'static str, &'static str), (f64, bool)>;
    static ALL: OnceLock<Table> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut m = HashMap::new();
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

/// Fractions in words ("two-thirds", "un tercio", "trois quarts", "die Hälfte", "две трети"):
/// the number before the fraction word divided by it, or one part when an article or nothing
/// comes before. Loose in news ("half the country"), so matched, never reported alone.
fn word_fractions(
    text: &str,
    toks: &crate::token::Tokens,
    lang: &LangTag,
    out: &mut Vec<Quantity>,
) {
    for k in 0..toks.len() {
        let Some((denominator, alone)) = fraction_word(lang.primary(), toks.key(k)) else {
            continue;
        };
        let tok = &toks.list[k];
        // Drop an ordinal read from the same word ("a third").
        let ordinal_here = out
            .iter()
            .position(|q| q.ordinal && q.span.start == tok.start && q.span.end == tok.end);
        // "Seven halves" are seven tied matches, not three and a half.
        let before = out.iter().position(|q| {
            denominator > 2.0
                && q.span.end <= tok.start
                && text[q.span.end..tok.start]
                    .chars()
                    .all(|c| matches!(c, ' ' | '-' | '\u{a0}'))
                && q.unit == Unit::Count
                && !q.ordinal
                && q.written == Written::Words
        });
        let prev_key = k.checked_sub(1).map(|p| toks.key(p));
        let after_ordinal = k > 0
            && out
                .iter()
                .any(|q| q.ordinal && q.span.end == toks.list[k - 1].end);
        if let Some(b) = before {
            let q = &mut out[b];
            q.value /= denominator;
            q.as_written = q.value;
            q.span.end = tok.end;
            q.written = Written::Implied;
        } else if !after_ordinal && (alone || prev_key.is_some_and(|p| ARTICLES.contains(&p))) {
            let start = if !alone && k > 0 {
                toks.list[k - 1].start
            } else {
                tok.start
            };
            out.push(Quantity {
                span: start..tok.end,
                value: 1.0 / denominator,
                as_written: 1.0 / denominator,
                unit: Unit::Count,
                written: Written::Implied,
                ordinal: false,
            });
        } else {
            continue;
        }
        if let Some(o) = ordinal_here {
            out.remove(o);
        }
    }
    out.sort_by_key(|q| q.span.start);
}

/// A percent or a unit after a number in words: "diez por ciento", "seis metros".
fn unit_after_words(text: &str, lang: &LangTag, q: &mut Quantity) {
    let after = &text[q.span.end..];
    let trimmed = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let space = after.len() - trimmed.len();
    if space > 0 || trimmed.starts_with('%') {
        if trimmed.starts_with('%') {
            q.unit = Unit::Percent;
            q.span.end += space + 1;
            return;
        }
        for words in PERCENT {
            if let Some(n) = starts_with_word(trimmed, &words.join(" ")) {
                q.unit = Unit::Percent;
                q.span.end += space + n;
                return;
            }
        }
    }
    if let Some((n, u)) = unit_after(lang.primary(), after) {
        match u.kind {
            Kind::Measure(dim) => {
                q.value = q.value * u.factor + u.offset;
                q.unit = Unit::Measure(dim);
            }
            Kind::Money(code) => q.unit = Unit::Money(code),
        }
        q.span.end += n;
    }
}

/// "6-foot-6", "6 ft 6": a height in feet and inches is one length.
fn join_feet_and_inches(text: &str, out: &mut Vec<Quantity>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let feet = a.unit == Unit::Measure(Dimension::Length)
            && (a.value - a.as_written * 0.3048).abs() < 1e-9;
        let between = &text[a.span.end..b.span.start.max(a.span.end)];
        if feet && b.unit == Unit::Count && b.value < 12.0 && matches!(between, "-" | " ") {
            let inches = b.value * 0.0254;
            let end = b.span.end;
            out[i].value += inches;
            out[i].span.end = end;
            out.remove(i + 1);
        }
        i += 1;
    }
}

/// A four-digit year range written short: "1950-53" is 1950 to 1953.
fn expand_year_ranges(text: &str, out: &mut [Quantity]) {
    for i in 0..out.len().saturating_sub(1) {
        let (a, b) = (&out[i], &out[i + 1]);
        let year =
            a.unit == Unit::Count && (1000.0..2100.0).contains(&a.value) && a.value.fract() == 0.0;
        let short = b.unit == Unit::Count && b.value < 100.0 && b.value.fract() == 0.0;
        let dash = matches!(
            &text[a.span.end..b.span.start.max(a.span.end)],
            "-" | "–" | "—" | "/"
        );
        if year && short && dash && b.value > a.value % 100.0 {
            let full = (a.value / 100.0).floor() * 100.0 + b.value;
            out[i + 1].value = full;
            out[i + 1].as_written = full;
        }
    }
}

/// Words and signs that join the two ends of a range: "2 to 4 inches", "entre 5 y 10 cm".
const RANGE_JOINS: &[&str] = &[
    "-", "–", "—", "to", "a", "al", "au", "y", "and", "et", "à", "bis", "und", "e", "до", "и",
    "tot", "en", "do", "i", "or", "o", "ou", "oder", "или", "lub",
];

/// The first end of a range takes the unit of the second: in "2 to 4 inches" both are inches.
fn share_range_units(text: &str, out: &mut [Quantity]) {
    for i in (0..out.len().saturating_sub(1)).rev() {
        let (a, b) = (&out[i], &out[i + 1]);
        if a.unit != Unit::Count || a.ordinal || a.span.end > b.span.start {
            continue;
        }
        let between = text[a.span.end..b.span.start].trim();
        if !RANGE_JOINS.iter().any(|j| j.eq_ignore_ascii_case(between)) {
            continue;
        }
        let (unit, factor) = match b.unit {
            Unit::Measure(Dimension::Temperature) => continue,
            Unit::Measure(_) if b.as_written != 0.0 => (b.unit, b.value / b.as_written),
            Unit::Money(_) | Unit::Percent => (b.unit, 1.0),
            _ => continue,
        };
        let a = &mut out[i];
        a.unit = unit;
        a.as_written = a.value;
        a.value *= factor;
    }
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
            [("2.300 millones de euros".into(), 2.3e9, Unit::Money("EUR"))]
        );
        assert_eq!(
            q("en", "2.3 million people, $1.5bn"),
            [
                ("2.3 million".into(), 2.3e6, Unit::Count),
                ("$1.5bn".into(), 1.5e9, Unit::Money("USD"))
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
            [("1 Billion Euro".into(), 1e12, Unit::Money("EUR"))]
        );
        assert_eq!(
            q("en", "1 billion dollars"),
            [("1 billion dollars".into(), 1e9, Unit::Money("USD"))]
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
            [("2,5 млрд рублей".into(), 2.5e9, Unit::Money("RUB"))]
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

#[cfg(test)]
mod shape_tests {
    use super::*;

    fn q(lang: &str, text: &str) -> Vec<(String, f64, Unit)> {
        quantities(text, &lang.parse().unwrap())
            .into_iter()
            .map(|x| (text[x.span].to_string(), x.value, x.unit))
            .collect()
    }

    #[test]
    fn signs_and_ranges() {
        assert_eq!(
            q("en", "from -3 to +5 degrees"),
            [
                ("-3".into(), -3.0, Unit::Measure(Dimension::Degrees)),
                ("+5 degrees".into(), 5.0, Unit::Measure(Dimension::Degrees))
            ]
        );
        assert_eq!(
            q("de", "−2,5 Grad"),
            [("−2,5 Grad".into(), -2.5, Unit::Measure(Dimension::Degrees))]
        );
        // A range is two quantities; a hyphen after a word is not a minus.
        assert_eq!(
            q("en", "10–12 people, 10-12 days, COVID-19"),
            [
                ("10".into(), 10.0, Unit::Count),
                ("12".into(), 12.0, Unit::Count),
                ("10".into(), 10.0, Unit::Count),
                ("12".into(), 12.0, Unit::Count),
                ("19".into(), 19.0, Unit::Count)
            ]
        );
    }

    /// One news sentence per language the number rules must cover: a date, a measure in the
    /// language's notation, a number in words, a percentage and money with a scale.
    #[test]
    fn each_required_language_reads_a_news_sentence() {
        let sentences = [
            (
                "en",
                "On 3 March, 1,500.5 tonnes and twenty-one trucks arrived; prices rose 3.5 percent to $2.3 billion.",
            ),
            (
                "es",
                "El 3 de marzo llegaron 1.500,5 toneladas y veintiún camiones; los precios subieron un 3,5 por ciento, hasta 2.300 millones de dólares.",
            ),
            (
                "fr",
                "Le 3 mars, 1 500,5 tonnes et vingt et un camions sont arrivés ; les prix ont augmenté de 3,5 %, à 2,3 milliards de dollars.",
            ),
            (
                "de",
                "Am 3. März kamen 1.500,5 Tonnen und einundzwanzig Lastwagen an; die Preise stiegen um 3,5 Prozent auf 2,3 Mrd. Dollar.",
            ),
            (
                "it",
                "Il 3 marzo sono arrivate 1.500,5 tonnellate e ventuno camion; i prezzi sono saliti del 3,5 per cento, a 2,3 miliardi di dollari.",
            ),
            (
                "pt",
                "Em 3 de março chegaram 1.500,5 toneladas e vinte e um camiões; os preços subiram 3,5 por cento, para 2,3 mil milhões de dólares.",
            ),
            (
                "nl",
                "Op 3 maart kwamen 1.500,5 ton en eenentwintig vrachtwagens aan; de prijzen stegen met 3,5 procent tot 2,3 miljard dollar.",
            ),
            (
                "ru",
                "3 марта прибыли 1 500,5 тонны и двадцать один грузовик; цены выросли на 3,5 процента, до 2,3 млрд долларов.",
            ),
            (
                "pl",
                "3 marca przybyło 1 500,5 tony i dwadzieścia jeden ciężarówek; ceny wzrosły o 3,5 procent, do 2,3 mld dolarów.",
            ),
        ];
        for (lang, text) in sentences {
            let got: Vec<(f64, Unit)> = quantities(text, &lang.parse().unwrap())
                .into_iter()
                .map(|x| (x.value, x.unit))
                .collect();
            assert_eq!(
                got,
                [
                    (303.0, Unit::Date),
                    (1_500_500.0, Unit::Measure(Dimension::Mass)),
                    (21.0, Unit::Count),
                    (3.5, Unit::Percent),
                    (2.3e9, Unit::Money("USD")),
                ],
                "{lang}: {text}"
            );
        }
    }

    #[test]
    fn words_with_an_apostrophe_inside() {
        let rows = |lang: &str, text: &str| -> Vec<(String, f64)> {
            quantities(text, &lang.parse().unwrap())
                .into_iter()
                .map(|x| (text[x.span].to_string(), x.value))
                .collect()
        };
        assert_eq!(
            rows(
                "uk",
                "сім'ї ставлять дві ялинки протягом п'яти років, двадцять п’ять"
            ),
            [
                ("дві".into(), 2.0),
                ("п'яти".into(), 5.0),
                ("двадцять п’ять".into(), 25.0)
            ]
        );
        assert_eq!(rows("fr", "l'un des deux"), [("deux".into(), 2.0)]);
    }

    #[test]
    fn fractions_in_words() {
        let third = 1.0 / 3.0;
        let rows = |lang: &str, text: &str| -> Vec<(String, f64)> {
            quantities(text, &lang.parse().unwrap())
                .into_iter()
                .map(|x| {
                    (
                        text[x.span].to_string(),
                        (x.value * 1000.0).round() / 1000.0,
                    )
                })
                .collect()
        };
        let r = |v: f64| (v * 1000.0).round() / 1000.0;
        assert_eq!(
            rows("en", "two-thirds of voters"),
            [("two-thirds".into(), r(2.0 * third))]
        );
        assert_eq!(
            rows("en", "a third of them"),
            [("a third".into(), r(third))]
        );
        assert_eq!(rows("en", "half the country"), [("half".into(), 0.5)]);
        assert_eq!(
            rows("en", "and seven halves"),
            [("seven".into(), 7.0), ("halves".into(), 0.5)]
        );
        assert_eq!(rows("en", "in the third quarter"), [("third".into(), 3.0)]);
        assert_eq!(
            rows("es", "dos tercios de los votos"),
            [("dos tercios".into(), r(2.0 * third))]
        );
        assert_eq!(
            rows("fr", "les deux tiers des électeurs"),
            [("deux tiers".into(), r(2.0 * third))]
        );
        assert_eq!(rows("fr", "trois quarts"), [("trois quarts".into(), 0.75)]);
        assert_eq!(
            rows("de", "zwei Drittel der Stimmen"),
            [("zwei Drittel".into(), r(2.0 * third))]
        );
        assert_eq!(
            rows("ru", "две трети голосов"),
            [("две трети".into(), r(2.0 * third))]
        );
        assert_eq!(rows("ru", "треть голосов"), [("треть".into(), r(third))]);
        let x = &quantities("two-thirds", &"en".parse().unwrap())[0];
        assert_eq!(x.written, Written::Implied);
    }

    #[test]
    fn fractions() {
        assert_eq!(
            q("en", "2½ hours, ½ cup, 3/4 of them, on 3/4/2021"),
            [
                ("2½".into(), 2.5, Unit::Count),
                ("½".into(), 0.5, Unit::Count),
                ("3/4".into(), 0.75, Unit::Count),
                ("3/4/2021".into(), 304.0, Unit::Date)
            ]
        );
    }

    #[test]
    fn clock_times() {
        let t = |lang: &str, text: &str| {
            q(lang, text)
                .into_iter()
                .filter(|x| x.2 == Unit::Time)
                .map(|x| (x.0, x.1))
                .collect::<Vec<_>>()
        };
        assert_eq!(t("en", "at 3 p.m."), [("3 p.m.".into(), 900.0)]);
        assert_eq!(t("en", "at 9:30 pm"), [("9:30 pm".into(), 1290.0)]);
        assert_eq!(t("en", "12 a.m."), [("12 a.m.".into(), 0.0)]);
        assert_eq!(t("es", "a las 15:00"), [("15:00".into(), 900.0)]);
        assert_eq!(t("de", "um 15 Uhr"), [("15 Uhr".into(), 900.0)]);
        assert_eq!(t("de", "um 15.30 Uhr"), [("15.30 Uhr".into(), 930.0)]);
        assert_eq!(t("fr", "à 15 h"), [("15 h".into(), 900.0)]);
        assert_eq!(t("fr", "à 15h30"), [("15h30".into(), 930.0)]);
        assert_eq!(
            t("es", "las 7 de la mañana"),
            [("7 de la mañana".into(), 420.0)]
        );
        assert_eq!(
            t("es", "las 11 de la noche"),
            [("11 de la noche".into(), 1380.0)]
        );
        assert_eq!(t("fr", "3 h du matin"), [("3 h du matin".into(), 180.0)]);
        assert_eq!(
            t("de", "um 7 Uhr abends"),
            [("7 Uhr abends".into(), 1140.0)]
        );
        assert_eq!(t("ru", "около 7 утра"), [("7 утра".into(), 420.0)]);
        assert_eq!(t("ru", "за 3 дня"), []);
        assert_eq!(
            t("es", "a la una de la tarde"),
            [("una de la tarde".into(), 780.0)]
        );
        assert_eq!(
            t("en", "at eight in the evening"),
            [("eight in the evening".into(), 1200.0)]
        );
        // Not times: a decimal, a duration outside French, a German "am", a score.
        assert_eq!(t("en", "15.30 dollars"), []);
        assert_eq!(t("es", "durante 24 h"), []);
        assert_eq!(t("de", "die 3 am Start"), []);
        assert_eq!(t("en", "won 2:1"), []);
        assert_eq!(t("en", "at 13 p.m."), []);
    }

    #[test]
    fn decades() {
        let d = |lang: &str, text: &str| {
            q(lang, text)
                .into_iter()
                .filter(|x| x.2 == Unit::Decade)
                .map(|x| (x.0, x.1))
                .collect::<Vec<_>>()
        };
        assert_eq!(d("en", "in the 1930s"), [("1930s".into(), 1930.0)]);
        assert_eq!(d("en", "the ’60s"), [("’60s".into(), 60.0)]);
        assert_eq!(d("es", "los años 30"), [("años 30".into(), 30.0)]);
        assert_eq!(d("fr", "les années 1930"), [("années 1930".into(), 1930.0)]);
        assert_eq!(d("de", "die 1930er Jahre"), [("1930er".into(), 1930.0)]);
        assert_eq!(d("ru", "в 30-е годы"), [("30-е".into(), 30.0)]);
        assert_eq!(d("pl", "w latach 30."), [("latach 30".into(), 30.0)]);
        assert_eq!(d("en", "the 300s"), []);
    }
}

#[cfg(test)]
mod ordinal_tests {
    use super::*;

    fn ords(lang: &str, text: &str) -> Vec<(String, f64)> {
        quantities(text, &lang.parse().unwrap())
            .into_iter()
            .filter(|x| x.ordinal)
            .map(|x| (text[x.span].to_string(), x.value))
            .collect()
    }

    #[test]
    fn ordinals_in_digits() {
        // A full stop makes an ordinal where the language writes them so, not at a sentence end.
        assert_eq!(
            ords(
                "de",
                "den 1. Platz, zum 12. Mal. Er wurde 30. Dann kam 2019. Ende"
            ),
            [("1.".into(), 1.0), ("12.".into(), 12.0)]
        );
        assert_eq!(
            ords("pl", "zajął 3. miejsce. Wygrał 3. Potem"),
            [("3.".into(), 3.0)]
        );
        assert_eq!(
            ords("en", "the 1st and 22nd of them, 3rd, 4th"),
            [
                ("1st".into(), 1.0),
                ("22nd".into(), 22.0),
                ("3rd".into(), 3.0),
                ("4th".into(), 4.0)
            ]
        );
        assert_eq!(
            ords("es", "el 1.º y la 2.ª"),
            [("1.º".into(), 1.0), ("2.ª".into(), 2.0)]
        );
        assert_eq!(
            ords("fr", "le 1er et le 3e"),
            [("1er".into(), 1.0), ("3e".into(), 3.0)]
        );
        assert_eq!(
            ords("ru", "1-й и 2-го"),
            [("1-й".into(), 1.0), ("2-го".into(), 2.0)]
        );
        assert_eq!(
            ords("nl", "de 2de en 8ste"),
            [("2de".into(), 2.0), ("8ste".into(), 8.0)]
        );
        // A temperature is not an ordinal.
        assert_eq!(ords("es", "a 20° C"), []);
    }

    #[test]
    fn ordinals_in_words() {
        assert_eq!(
            ords("en", "for the twenty-first time"),
            [("twenty-first".into(), 21.0)]
        );
        assert_eq!(
            ords("ru", "на сорок пятой минуте"),
            [("сорок пятой".into(), 45.0)]
        );
        assert_eq!(
            ords("en", "the first time, the second round, wait a second"),
            [("first".into(), 1.0), ("second".into(), 2.0)]
        );
        assert_eq!(ords("es", "la primera vez"), [("primera".into(), 1.0)]);
        assert_eq!(ords("de", "zum dritten Mal"), [("dritten".into(), 3.0)]);
        assert_eq!(ords("ru", "первый раз"), [("первый".into(), 1.0)]);
        assert_eq!(ords("pl", "pierwsza tura"), [("pierwsza".into(), 1.0)]);
        // "Premier ministre" is a title, "secondo il ministro" means "according to", "segunda-feira"
        // is Monday.
        assert_eq!(ords("fr", "le Premier ministre"), []);
        assert_eq!(ords("es", "el primer ministro"), []);
        assert_eq!(ords("it", "secondo il ministro"), []);
        assert_eq!(ords("it", "il secondo turno"), [("secondo".into(), 2.0)]);
        assert_eq!(ords("pt", "na segunda-feira"), []);
    }
}

#[cfg(test)]
mod vague_tests {
    use super::*;

    fn mags(lang: &str, text: &str) -> Vec<(String, f64)> {
        quantities(text, &lang.parse().unwrap())
            .into_iter()
            .filter(|x| x.unit == Unit::Magnitude)
            .map(|x| (text[x.span].to_string(), x.value))
            .collect()
    }

    #[test]
    fn vague_quantities_are_magnitudes() {
        assert_eq!(
            mags("en", "tens of thousands of people"),
            [("tens of thousands".into(), 4.0)]
        );
        assert_eq!(
            mags("es", "decenas de miles de personas"),
            [("decenas de miles".into(), 4.0)]
        );
        assert_eq!(
            mags("fr", "des dizaines de milliers"),
            [("dizaines de milliers".into(), 4.0)]
        );
        assert_eq!(
            mags("de", "Zehntausende Menschen"),
            [("Zehntausende".into(), 4.0)]
        );
        assert_eq!(
            mags("ru", "десятки тысяч людей"),
            [("десятки тысяч".into(), 4.0)]
        );
        assert_eq!(mags("en", "dozens were hurt"), [("dozens".into(), 1.0)]);
        // A scale after a number is part of the number, and "две тысячи" is 2,000.
        assert_eq!(mags("es", "2 millones"), []);
        assert_eq!(mags("ru", "две тысячи"), []);
        assert_eq!(mags("ru", "тысячи людей"), [("тысячи".into(), 3.0)]);
    }
}

#[cfg(test)]
mod unit_tests {
    use super::*;

    fn u(lang: &str, text: &str) -> Vec<(String, f64, Unit)> {
        quantities(text, &lang.parse().unwrap())
            .into_iter()
            .map(|x| {
                (
                    text[x.span].to_string(),
                    (x.value * 1000.0).round() / 1000.0,
                    x.unit,
                )
            })
            .collect()
    }

    #[test]
    fn money() {
        assert_eq!(
            u("en", "$1.5bn"),
            [("$1.5bn".into(), 1.5e9, Unit::Money("USD"))]
        );
        assert_eq!(u("en", "£20m"), [("£20m".into(), 2e7, Unit::Money("GBP"))]);
        assert_eq!(
            u("de", "5 € und 3,5 Mio. Euro"),
            [
                ("5 €".into(), 5.0, Unit::Money("EUR")),
                ("3,5 Mio. Euro".into(), 3.5e6, Unit::Money("EUR"))
            ]
        );
        assert_eq!(
            u("es", "2.300 millones de euros"),
            [("2.300 millones de euros".into(), 2.3e9, Unit::Money("EUR"))]
        );
        assert_eq!(
            u("fr", "2 millions d'euros"),
            [("2 millions d'euros".into(), 2e6, Unit::Money("EUR"))]
        );
        assert_eq!(
            u("ru", "100 рублей"),
            [("100 рублей".into(), 100.0, Unit::Money("RUB"))]
        );
    }

    #[test]
    fn measures_convert() {
        let len = Unit::Measure(Dimension::Length);
        assert_eq!(u("en", "30 yards"), [("30 yards".into(), 27.432, len)]);
        assert_eq!(u("es", "27 metros"), [("27 metros".into(), 27.0, len)]);
        assert_eq!(u("en", "a 20 m wall"), [("20 m".into(), 20.0, len)]);
        assert_eq!(
            u("de", "120 km/h"),
            [("120 km/h".into(), 120.0, Unit::Measure(Dimension::Speed))]
        );
        assert_eq!(
            u("en", "75 mph"),
            [("75 mph".into(), 120.701, Unit::Measure(Dimension::Speed))]
        );
        assert_eq!(
            u("en", "100 °F"),
            [(
                "100 °F".into(),
                37.778,
                Unit::Measure(Dimension::Temperature)
            )]
        );
        assert_eq!(u("ru", "5 км"), [("5 км".into(), 5000.0, len)]);
        // A glued one-letter symbol is not read: "20m" may be millions or metres, so it is
        // kept only as a number to match, never reported alone.
        let glued = quantities("20m", &"en".parse().unwrap());
        assert_eq!(glued.len(), 1);
        assert_eq!((glued[0].value, glued[0].written), (20.0, Written::Implied));
    }
}

//! Units and currencies written next to a number ("30 yards", "27 metros", "€5", "5 €",
//! "2 millions d'euros"), from `data/numbers/units.tsv`. Measures convert to one base unit per
//! dimension so that a conversion in translation compares equal within a tolerance.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::quantity::{Dimension, Quantity, Unit};
use super::view::View;
use crate::lang::LangTag;

/// What a unit after a number makes of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Measure(Dimension),
    Money(&'static str),
    /// "per hour" after a length: makes it a speed.
    PerHour,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct UnitWord {
    pub kind: Kind,
    pub factor: f64,
    pub offset: f64,
}

type Table = HashMap<&'static str, Vec<(&'static str, UnitWord)>>;

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut m: Table = HashMap::new();
        for line in include_str!("../../data/numbers/units.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&'static str> = line.split('\t').collect();
            let (Some(lang), Some(word), Some(kind), Some(Ok(factor))) = (
                cols.first(),
                cols.get(1),
                cols.get(2),
                cols.get(3).map(|f| f.parse::<f64>()),
            ) else {
                continue;
            };
            let kind = match *kind {
                "length" => Kind::Measure(Dimension::Length),
                "mass" => Kind::Measure(Dimension::Mass),
                "area" => Kind::Measure(Dimension::Area),
                "volume" => Kind::Measure(Dimension::Volume),
                "speed" => Kind::Measure(Dimension::Speed),
                "temperature" => Kind::Measure(Dimension::Temperature),
                "degrees" => Kind::Measure(Dimension::Degrees),
                "duration" => Kind::Measure(Dimension::Duration),
                // Said after a length ("km per uur", "miglia all'ora"): kept apart.
                "per-hour" => Kind::PerHour,
                code => Kind::Money(code),
            };
            let offset = cols.get(4).and_then(|o| o.parse().ok()).unwrap_or(0.0);
            m.entry(lang).or_default().push((
                word,
                UnitWord {
                    kind,
                    factor,
                    offset,
                },
            ));
        }
        // Longest first: "km/h" before "km", "square miles" before nothing shorter.
        for v in m.values_mut() {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        }
        m
    })
}

/// `text` starts with `word` (lowercase), ignoring case, and no letter or digit follows:
/// the byte length matched.
pub(super) fn starts_with_word(text: &str, word: &str) -> Option<usize> {
    // Most units do not start like the text: an ASCII first letter lowercases to itself or
    // its ASCII lowercase whatever follows, so a different first byte settles it.
    if let (Some(&t), Some(&w)) = (text.as_bytes().first(), word.as_bytes().first())
        && t.is_ascii()
        && t.to_ascii_lowercase() != w
    {
        return None;
    }
    let n = word.chars().count();
    let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let same = if head.is_ascii() {
        // What lowercasing would give, without building it: a lowercase word equal but for
        // ASCII case.
        !word.bytes().any(|b| b.is_ascii_uppercase()) && head.eq_ignore_ascii_case(word)
    } else {
        // The first letter lowercases alone (nothing before it can make it a final sigma):
        // most units differ from the text there.
        let mut w = word.chars();
        head.chars()
            .next()
            .is_some_and(|c| c.to_lowercase().all(|l| w.next() == Some(l)))
            && head.chars().count() == n
            && head.to_lowercase() == word
    };
    if !same {
        return None;
    }
    // Chinese and Japanese words end without a boundary ("公里的").
    let last_alnum = word
        .chars()
        .last()
        .is_some_and(|c| crate::chars::is_alphanumeric(c) && !super::cjk::unspaced(c));
    let next_alnum = text[end..].starts_with(|c: char| crate::chars::is_alphanumeric(c));
    (!(last_alnum && next_alnum)).then_some(end)
}

/// A unit right after a number (`after` is the text that follows its digits): the bytes it
/// takes, space included, and the unit. A one-letter symbol counts only after a space ("20 m",
/// not "20m", which is as often millions).
pub(super) fn unit_after(lang: &str, after: &str) -> Option<(usize, UnitWord)> {
    let mut trimmed = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    // A compound adjective: "a 550-pound hog", "a 20-degree difference".
    let hyphen = trimmed.len() == after.len() && after.starts_with('-');
    if hyphen {
        trimmed = &after[1..];
    }
    let space = after.len() - trimmed.len();
    if space > 3 {
        return None;
    }
    // The longest unit of the language's and the shared table: "km/h" before "km".
    let (len, unit) = [lang, "*"]
        .iter()
        .filter_map(|l| table().get(l))
        .flat_map(|units| {
            units.iter().find_map(|(word, unit)| {
                let len = starts_with_word(trimmed, word)?;
                let short = word.chars().count() == 1
                    && word
                        .chars()
                        .all(|c| crate::chars::is_alphabetic(c) && !super::cjk::unspaced(c));
                let symbol = !word.chars().all(crate::chars::is_alphabetic);
                let ok = if hyphen {
                    !short && !symbol
                } else {
                    !short || space > 0
                };
                (ok && unit.kind != Kind::PerHour).then_some((len, *unit))
            })
        })
        .max_by_key(|(len, _)| *len)?;
    // A length per hour is a speed: "85 miglia all'ora", "140 km per uur", "800 km/ora".
    if unit.kind == Kind::Measure(Dimension::Length)
        && let Some(n) = per_hour(lang, &trimmed[len..])
    {
        let speed = UnitWord {
            kind: Kind::Measure(Dimension::Speed),
            factor: unit.factor / 1000.0,
            offset: 0.0,
        };
        return Some((space + len + n, speed));
    }
    Some((space + len, unit))
}

/// A "per hour" after a length ("/h", " per uur", " all'ora"): the bytes it takes.
fn per_hour(lang: &str, rest: &str) -> Option<usize> {
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let space = rest.len() - trimmed.len();
    [lang, "*"]
        .iter()
        .filter_map(|l| table().get(l))
        .flatten()
        .filter(|(_, u)| u.kind == Kind::PerHour)
        .find_map(|(word, _)| {
            let glued = word.starts_with('/');
            if glued != (space == 0) {
                return None;
            }
            starts_with_word(trimmed, word).map(|n| space + n)
        })
}

/// A currency sign right before a number ("€5", "US$ 5", "£5"): the bytes it takes and the
/// currency.
pub(super) fn currency_before(before: &str) -> Option<(usize, &'static str)> {
    let trimmed = before.trim_end_matches([' ', '\u{a0}', '\u{202f}']);
    let space = before.len() - trimmed.len();
    if space > 1 {
        return None;
    }
    const SIGNS: &[(&str, &str)] = &[
        ("US$", "USD"),
        ("R$", "BRL"),
        ("€", "EUR"),
        ("$", "USD"),
        ("£", "GBP"),
        ("₽", "RUB"),
        ("¥", "JPY"),
    ];
    SIGNS.iter().find_map(|(sign, code)| {
        let rest = trimmed.strip_suffix(sign)?;
        // "US$" is not "$" after a word; "€" after a letter ("A€") is not a sign.
        (!rest.ends_with(|c: char| crate::chars::is_alphanumeric(c)))
            .then_some((space + sign.len(), *code))
    })
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

/// A percent word opening an adjective after a hyphen ("stu-procentowe", "100-procentowy",
/// "100-percent"): how far the adjective reaches from the hyphen on.
fn percent_adjective(after: &str) -> Option<usize> {
    let rest = after.strip_prefix('-')?;
    let len = rest
        .find(|c: char| !crate::chars::is_alphabetic(c))
        .unwrap_or(rest.len());
    let word = rest[..len].to_lowercase();
    PERCENT
        .iter()
        .any(|w| w.len() == 1 && word.starts_with(w[0]))
        .then_some(1 + len)
}

/// Words that say "per cent" before a number ("yüzde 58", "yüzde elli sekizi").
const PERCENT_BEFORE: &[(&str, &str)] = &[("tr", "yüzde"), ("zh", "百分之"), ("ja", "百分之")];

/// A percent word before a count makes it a percentage, and takes it into the span.
pub(super) fn percent_before(text: &str, lang: &str, q: &mut Quantity) {
    if q.unit != Unit::Count {
        return;
    }
    let before = text[..q.span.start].trim_end_matches([' ', '\u{a0}']);
    if before.len() == q.span.start {
        return;
    }
    for (l, word) in PERCENT_BEFORE {
        let Some(start) = before.len().checked_sub(word.len()) else {
            continue;
        };
        let said = before
            .get(start..)
            .is_some_and(|w| w.to_lowercase() == *word)
            && !before[..start]
                .ends_with(|c: char| crate::chars::is_alphanumeric(c) && !super::cjk::unspaced(c));
        if *l == lang && said {
            q.unit = Unit::Percent;
            q.span.start = start;
            return;
        }
    }
}

/// A currency sign before a number in digits ("€5", "US$ 5") makes it money.
pub(super) fn currency_before_number(text: &str, q: &mut Quantity) {
    if let Some((n, code)) = currency_before(&text[..q.span.start]) {
        q.span.start -= n;
        q.unit = Unit::Money(code);
    }
}

/// A percent sign or "per cent" in words after a number in digits.
pub(super) fn percent_after(v: &View<'_>, q: &mut Quantity) {
    let rest = &v.text[q.span.end..];
    if let Some(n) = percent_adjective(rest) {
        q.unit = Unit::Percent;
        q.span.end += n;
        return;
    }
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    if let Some(sign) = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '%' | '％' | '٪'))
    {
        q.unit = Unit::Percent;
        q.span.end += rest.len() - trimmed.len() + sign.len_utf8();
        return;
    }
    // The next word, one space away: not a word further on past a code ("1m3.5 Prozent").
    let Some(next) = v.token_at(q.span.end).filter(|&n| {
        v.text[q.span.end..v.toks.list[n].start]
            .chars()
            .all(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
    }) else {
        return;
    };
    if let Some(end) = PERCENT.iter().find_map(|words| v.words_at(next, words)) {
        q.unit = Unit::Percent;
        q.span.end = end;
    }
}

/// A unit or currency after a number in digits, past "of"/"de" after a scale ("2 millions
/// d'euros", "2,3 millones de dólares"). `before_scale` is where the number ended before its
/// scale word.
pub(super) fn unit_after_number(v: &View<'_>, before_scale: usize, q: &mut Quantity) {
    if q.unit != Unit::Count && !matches!(q.unit, Unit::Money(_)) {
        return;
    }
    let text = v.text;
    let mut from = q.span.end;
    if q.span.end > before_scale {
        // An abbreviated scale's full stop ("3,5 Mio. Euro").
        if text[from..].starts_with(". ") {
            from += 1;
        }
        let rest = &text[from..];
        if let Some(c) = [" of ", " de ", " d'", " d’", " di "]
            .iter()
            .find(|c| rest.starts_with(*c))
        {
            from += c.len();
        }
    }
    let Some((n, u)) = unit_after(v.lang.primary(), &text[from..]) else {
        return;
    };
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

/// A percent or a unit after a number in words: "diez por ciento", "seis metros".
pub(super) fn unit_after_words(text: &str, lang: &LangTag, q: &mut Quantity) {
    let after = &text[q.span.end..];
    if let Some(n) = percent_adjective(after) {
        q.unit = Unit::Percent;
        q.span.end += n;
        return;
    }
    let trimmed = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let space = after.len() - trimmed.len();
    if trimmed.starts_with('%') {
        q.unit = Unit::Percent;
        q.span.end += space + 1;
        return;
    }
    if space > 0
        && let Some(n) = PERCENT
            .iter()
            .find_map(|words| starts_with_word(trimmed, &words.join(" ")))
    {
        q.unit = Unit::Percent;
        q.span.end += space + n;
        return;
    }
    if let Some((n, u)) = unit_after(lang.primary(), after) {
        match u.kind {
            Kind::Measure(dim) => {
                q.value = q.value * u.factor + u.offset;
                q.unit = Unit::Measure(dim);
            }
            Kind::Money(code) => q.unit = Unit::Money(code),
            Kind::PerHour => return,
        }
        q.span.end += n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::Written;
    use crate::token::tokenize_str;
    use proptest::prelude::*;

    /// What `starts_with_word` decides, the long way: lowercase the text's first characters.
    fn starts_naively(text: &str, word: &str) -> Option<usize> {
        let n = word.chars().count();
        let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
        if text[..end].chars().count() != n || text[..end].to_lowercase() != word {
            return None;
        }
        let last_alnum = word
            .chars()
            .last()
            .is_some_and(|c| crate::chars::is_alphanumeric(c) && !crate::numbers::cjk::unspaced(c));
        let next_alnum = text[end..].starts_with(|c: char| crate::chars::is_alphanumeric(c));
        (!(last_alnum && next_alnum)).then_some(end)
    }

    proptest! {
        #[test]
        fn unit_words_match_as_lowercasing_would(
            text in proptest::collection::vec(prop_oneof![
                Just('k'), Just('K'), Just('m'), Just('M'), Just('Σ'), Just('σ'), Just('ς'),
                Just('İ'), Just('i'), Just('\u{307}'), Just('К'), Just('к'), Just('м'), Just(' '),
                Just('2'),
            ], 0..6),
            word in proptest::sample::select(vec![
                "km", "k", "Km", "σς", "σσ", "ς", "i\u{307}", "км", "к", "m2", "",
            ]),
        ) {
            let text: String = text.into_iter().collect();
            prop_assert_eq!(starts_with_word(&text, word), starts_naively(&text, word));
        }
    }

    /// What the unit stages make of the number at the start of `text`.
    fn attach(lang: &str, text: &str) -> (f64, Unit, String) {
        let lang: LangTag = lang.parse().unwrap();
        let toks = tokenize_str(text);
        let v = View {
            text,
            toks: &toks,
            lang: &lang,
        };
        let d = crate::numbers::digits(text, &lang).remove(0);
        let mut q = Quantity::new(d.span.clone(), d.value, Unit::Count, Written::Words);
        currency_before_number(text, &mut q);
        percent_after(&v, &mut q);
        unit_after_number(&v, q.span.end, &mut q);
        (q.value, q.unit, text[q.span].to_string())
    }

    #[test]
    fn currency_percent_and_units_after_digits() {
        assert_eq!(
            attach("en", "$5 more"),
            (5.0, Unit::Money("USD"), "$5".into())
        );
        assert_eq!(
            attach("en", "12 per cent"),
            (12.0, Unit::Percent, "12 per cent".into())
        );
        assert_eq!(
            attach("de", "3,5 % mehr"),
            (3.5, Unit::Percent, "3,5 %".into())
        );
        assert_eq!(
            attach("en", "30 yards away").1,
            Unit::Measure(Dimension::Length)
        );
        assert_eq!(
            attach("es", "5 euros"),
            (5.0, Unit::Money("EUR"), "5 euros".into())
        );
        assert_eq!(attach("en", "5 people"), (5.0, Unit::Count, "5".into()));
    }

    #[test]
    fn units_after_words() {
        let mut q = Quantity::new(0..4, 10.0, Unit::Count, Written::Words);
        unit_after_words("diez por ciento", &"es".parse().unwrap(), &mut q);
        assert_eq!((q.unit, q.span), (Unit::Percent, 0..15));
    }

    #[test]
    fn a_percent_adjective_after_a_hyphen_is_a_percentage() {
        let mut q = Quantity::new(0..3, 100.0, Unit::Count, Written::Words);
        unit_after_words("sto-procentowy sukces", &"pl".parse().unwrap(), &mut q);
        assert_eq!((q.unit, q.span), (Unit::Percent, 0..14));
        assert_eq!(
            attach("pl", "50-procentowa zniżka"),
            (50.0, Unit::Percent, "50-procentowa".into())
        );
        // A hyphen before any other word leaves the count alone.
        assert_eq!(attach("pl", "50-letni"), (50.0, Unit::Count, "50".into()));
    }
}

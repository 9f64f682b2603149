//! Units and currencies written next to a number ("30 yards", "27 metros", "€5", "5 €",
//! "2 millions d'euros"), from `data/numbers/units.tsv`. Measures convert to one base unit per
//! dimension so that a conversion in translation compares equal within a tolerance.

use std::collections::HashMap;
use std::sync::OnceLock;

/// What a measure measures. Values are in metres, kilograms, square metres, litres, km/h and
/// degrees Celsius.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Length,
    Mass,
    Area,
    Volume,
    Speed,
    Temperature,
    /// "Degrees" with no scale said: Celsius or Fahrenheit, or an angle.
    Degrees,
}

/// The symbol of a dimension's base unit, for messages.
pub fn base_unit(d: Dimension) -> &'static str {
    match d {
        Dimension::Length => "m",
        Dimension::Mass => "kg",
        Dimension::Area => "m²",
        Dimension::Volume => "l",
        Dimension::Speed => "km/h",
        Dimension::Temperature => "°C",
        Dimension::Degrees => "°",
    }
}

/// What a unit after a number makes of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Measure(Dimension),
    Money(&'static str),
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
    let n = word.chars().count();
    let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    if text[..end].chars().count() != n || text[..end].to_lowercase() != word {
        return None;
    }
    let last_alnum = word.chars().last().is_some_and(char::is_alphanumeric);
    let next_alnum = text[end..].starts_with(|c: char| c.is_alphanumeric());
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
    [lang, "*"]
        .iter()
        .filter_map(|l| table().get(l))
        .flatten()
        .find_map(|(word, unit)| {
            let len = starts_with_word(trimmed, word)?;
            let short = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
            let symbol = !word.chars().all(char::is_alphabetic);
            let ok = if hyphen {
                !short && !symbol
            } else {
                !short || space > 0
            };
            ok.then_some((space + len, *unit))
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
        ("€", "EUR"),
        ("$", "USD"),
        ("£", "GBP"),
        ("₽", "RUB"),
        ("¥", "JPY"),
    ];
    SIGNS.iter().find_map(|(sign, code)| {
        let rest = trimmed.strip_suffix(sign)?;
        // "US$" is not "$" after a word; "€" after a letter ("A€") is not a sign.
        (!rest.ends_with(|c: char| c.is_alphanumeric())).then_some((space + sign.len(), *code))
    })
}

//! Dates: a day and a month, written with the month's name ("3 March", "March 3rd", "3 de
//! marzo", "1er mars", "3. März", "3 марта") or in digits ("03/03/2021", "3.3.2021",
//! "2021-03-03"). The year, when written with a month name, stays a number of its own.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

use super::quantity::{Quantity, Unit};
use crate::lang::LangTag;

/// English month names, for messages.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

struct Patterns {
    /// Every form of every month, to its number.
    names: HashMap<String, u32>,
    /// The names as one alternation, longest first (so "sept" is not read as "sep").
    alt: String,
    /// Any month name, without word boundaries: fast, to find where dates can be.
    anchor: OnceLock<Regex>,
    /// The date patterns proper, compiled only once a month name has been seen: most runs
    /// need one or two languages, and these are costly to build.
    dated: OnceLock<Dated>,
}

struct Dated {
    /// Day then month: "3 March", "3rd of March", "3 de marzo", "3. März".
    day_month: Regex,
    /// Month then day: "March 3", "March 3rd".
    month_day: Regex,
    /// A day in words, then the month: "the first of May", "uno de octubre", "premier mars".
    word_day: Regex,
}

impl Patterns {
    fn anchor(&self) -> &Regex {
        self.anchor
            .get_or_init(|| Regex::new(&format!("(?i){}", self.alt)).expect("month pattern"))
    }

    fn dated(&self) -> &Dated {
        let alt = &self.alt;
        self.dated.get_or_init(|| Dated {
            day_month: Regex::new(&format!(
                r"(?i)\b([0-9]{{1,2}})(?:st|nd|rd|th|er|e|\.º|º|\.)?(?:[\s\u{{a0}}]+(?:of|de|del|du))?[\s\u{{a0}}]+({alt})\b"
            ))
            .expect("date pattern"),
            month_day: Regex::new(&format!(
                r"(?i)\b({alt})\.?[\s\u{{a0}}]+([0-9]{{1,2}})(?:st|nd|rd|th)?\b"
            ))
            .expect("date pattern"),
            // Case-insensitive around the words only: \p{L} has every case already.
            word_day: Regex::new(&format!(
                r"\b(\p{{L}}+)(?:[\s\u{{a0}}]+(?i:of|de|del|du))?[\s\u{{a0}}]+((?i:{alt}))\b"
            ))
            .expect("date pattern"),
        })
    }
}

/// Where a month name of `lang` may be written (a superset: no word boundaries).
pub(super) fn month_anchor(lang: &str) -> Option<&'static Regex> {
    patterns(lang).map(Patterns::anchor)
}

/// The month table of `lang`; its regexes are compiled on first use, per language.
fn patterns(lang: &str) -> Option<&'static Patterns> {
    static ALL: OnceLock<HashMap<&'static str, Patterns>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut forms: HashMap<&'static str, HashMap<String, u32>> = HashMap::new();
        for line in include_str!("../../data/numbers/months.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let mut cols = line.split('\t');
            let (Some(l), Some(m), Some(names)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let month: u32 = m.parse().unwrap_or(0);
            for name in names.split(' ') {
                forms.entry(l).or_default().insert(name.to_string(), month);
            }
        }
        forms
            .into_iter()
            .map(|(l, names)| {
                let mut alts: Vec<&str> = names.keys().map(String::as_str).collect();
                // Longest first, so "sept" is not read as "sep".
                alts.sort_by_key(|a| std::cmp::Reverse(a.chars().count()));
                let alt = alts
                    .iter()
                    .map(|a| regex::escape(a))
                    .collect::<Vec<_>>()
                    .join("|");
                (
                    l,
                    Patterns {
                        names,
                        alt,
                        anchor: OnceLock::new(),
                        dated: OnceLock::new(),
                    },
                )
            })
            .collect()
    })
    .get(lang)
}

/// Compiles the digit date patterns and, for `lang`, the month patterns.
pub(super) fn warm_up(lang: Option<&str>) {
    numeric();
    if let Some(p) = lang.and_then(patterns) {
        p.anchor();
        p.dated();
    }
}

fn numeric() -> &'static (Regex, Regex) {
    static P: OnceLock<(Regex, Regex)> = OnceLock::new();
    P.get_or_init(|| {
        (
            // "03/03/2021", "3.3.21", and "03/03" with both parts in two digits ("24/7" is not
            // a date, "1/2" is a fraction, "3.03" a decimal).
            Regex::new(r"\b([0-9]{1,2})([./])([0-9]{1,2})(?:([./])([0-9]{4}|[0-9]{2}))?\b")
                .expect("date pattern"),
            Regex::new(r"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b").expect("date pattern"),
        )
    })
}

fn date(span: std::ops::Range<usize>, day: u32, month: u32, other: Option<(u32, u32)>) -> Quantity {
    let value = f64::from(month * 100 + day);
    let mut q = Quantity::shape(span, value, Unit::Date);
    // The other reading of an all-digit date ("03/04": 3 April or March 4).
    q.as_written = other.map_or(value, |(d, m)| f64::from(m * 100 + d));
    q
}

fn valid(day: u32, month: u32) -> bool {
    (1..=31).contains(&day) && (1..=12).contains(&month)
}

/// Every date in `text`, in text order, without overlaps.
pub(super) fn dates(text: &str, lang: &LangTag) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    if let Some(p) = patterns(lang.primary()).filter(|p| p.anchor().is_match(text)) {
        let d = p.dated();
        // English and German capitalise months: "5 may" and "March on" are not dates.
        let capitalised = matches!(lang.primary(), "en" | "de");
        let month_of = |s: &str| {
            if capitalised && !s.starts_with(crate::chars::is_uppercase) {
                return None;
            }
            p.names.get(&s.to_lowercase()).copied()
        };
        for c in d.day_month.captures_iter(text) {
            let day: u32 = c[1].parse().unwrap_or(0);
            if let Some(month) = month_of(&c[2]).filter(|&m| valid(day, m)) {
                out.push(date(c.get(0).expect("match").range(), day, month, None));
            }
        }
        for c in d.word_day.captures_iter(text) {
            let key = crate::normalize::folded(&c[1]);
            // English days in words are ordinals ("the first of May"); "one of May's" is not a
            // date.
            let ordinal = super::ordinals::ordinal_word(lang.primary(), &key).map(|o| o.value);
            // Nor is an article that is also "one" ("einer November", "un mai"); Spanish
            // "uno de octubre" is a date.
            let article = key != "uno" && super::words::ARTICLES.contains(&key.as_str());
            let cardinal = || {
                (lang.primary() != "en" && !article)
                    .then(|| super::parse_cardinal(&key, lang))
                    .flatten()
            };
            let day = ordinal
                .or_else(cardinal)
                .and_then(|d| u32::try_from(d).ok());
            if let Some((day, month)) = day.zip(month_of(&c[2])).filter(|&(d, m)| valid(d, m)) {
                out.push(date(c.get(0).expect("match").range(), day, month, None));
            }
        }
        if lang.primary() == "en" {
            for c in d.month_day.captures_iter(text) {
                let whole = c.get(0).expect("match");
                let day: u32 = c[2].parse().unwrap_or(0);
                // "May 2, 3 and 4" is fine; "March 3.5" is not a date.
                let decimal = text[whole.end()..].starts_with(['.', ','])
                    && text[whole.end() + 1..].starts_with(|ch: char| ch.is_ascii_digit());
                if let Some(month) = month_of(&c[1]).filter(|&m| valid(day, m) && !decimal) {
                    out.push(date(whole.range(), day, month, None));
                }
            }
        }
    }
    let (dmy, iso) = numeric();
    let month_first = lang.primary() == "en" && lang.region() != Some("GB");
    let digits = text.bytes().any(|b| b.is_ascii_digit());
    for c in dmy.captures_iter(if digits { text } else { "" }) {
        let whole = c.get(0).expect("match");
        let year_given = c.get(4).is_some();
        if year_given && c[2] != c[4] {
            continue;
        }
        let two_digit_pair = &c[2] == "/" && c[1].len() == 2 && c[3].len() == 2;
        let glued = text[whole.end()..].starts_with(['/', '.']) && !year_given;
        if !year_given && (!two_digit_pair || glued || text[..whole.start()].ends_with('/')) {
            continue;
        }
        let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        let (day, month) = if month_first { (b, a) } else { (a, b) };
        let other = valid(month, day).then_some((month, day));
        if valid(day, month) {
            out.push(date(c.get(0).expect("match").range(), day, month, other));
        } else if let Some((d, m)) = other {
            out.push(date(c.get(0).expect("match").range(), d, m, None));
        }
    }
    for c in iso.captures_iter(if digits { text } else { "" }) {
        let (month, day): (u32, u32) = (c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        if valid(day, month) {
            out.push(date(c.get(0).expect("match").range(), day, month, None));
        }
    }
    out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    let mut kept: Vec<Quantity> = Vec::new();
    for q in out {
        if kept.last().is_none_or(|k| k.span.end <= q.span.start) {
            kept.push(q);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(lang: &str, text: &str) -> Vec<(String, f64)> {
        dates(text, &lang.parse().unwrap())
            .into_iter()
            .map(|q| (text[q.span].to_string(), q.value))
            .collect()
    }

    #[test]
    fn dates_with_month_names_in_each_language() {
        assert_eq!(
            read("en", "on 3 March and on March 4th"),
            [("3 March".into(), 303.0), ("March 4th".into(), 304.0)]
        );
        assert_eq!(read("en", "you 5 may go; March on"), []);
        assert_eq!(read("es", "el 3 de marzo"), [("3 de marzo".into(), 303.0)]);
        assert_eq!(read("fr", "le 1er mars"), [("1er mars".into(), 301.0)]);
        assert_eq!(read("de", "am 3. März"), [("3. März".into(), 303.0)]);
        assert_eq!(read("ru", "3 марта"), [("3 марта".into(), 303.0)]);
        assert_eq!(read("pl", "3 marca"), [("3 marca".into(), 303.0)]);
        assert_eq!(read("cs", "3. března"), [("3. března".into(), 303.0)]);
        assert_eq!(read("uk", "3 березня"), [("3 березня".into(), 303.0)]);
        assert_eq!(read("it", "il 25 aprile"), [("25 aprile".into(), 425.0)]);
        assert_eq!(read("pt", "1.º de maio"), [("1.º de maio".into(), 501.0)]);
        assert_eq!(read("nl", "3 maart"), [("3 maart".into(), 303.0)]);
        assert_eq!(read("en", "March 3.5 percent"), []);
        assert_eq!(read("es", "32 de marzo"), []);
        assert_eq!(
            read("es", "para el uno de octubre"),
            [("uno de octubre".into(), 1001.0)]
        );
        assert_eq!(
            read("en", "on the first of May; one of May's aides"),
            [("first of May".into(), 501.0)]
        );
        assert_eq!(
            read("fr", "le premier mars"),
            [("premier mars".into(), 301.0)]
        );
        assert_eq!(read("de", "an einer November-Nacht"), []);
    }

    #[test]
    fn numeric_dates_keep_the_other_reading() {
        let d = dates("on 03/04/2021", &"en-US".parse().unwrap());
        assert_eq!((d[0].value, d[0].as_written), (304.0, 403.0));
        let d = dates("am 13.04.2021", &"de".parse().unwrap());
        assert_eq!((d[0].value, d[0].as_written), (413.0, 413.0));
        assert_eq!(read("fr", "le 2021-03-04"), [("2021-03-04".into(), 304.0)]);
        assert_eq!(read("en", "3.5 and 1/2"), []);
        assert_eq!(
            read("es", "el 03/03, 24/7, 3.03 y 1/2"),
            [("03/03".into(), 303.0)]
        );
        assert_eq!(read("fr", "le 25/12"), [("25/12".into(), 1225.0)]);
    }
}

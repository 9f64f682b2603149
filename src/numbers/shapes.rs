//! Numbers with a fixed shape that the plain digit reader would misread: clock times ("15:00",
//! "3 p.m.", "15 Uhr", "15h30"), decades ("the 1930s", "los años 30", "30-е годы") and fractions
//! ("½", "2½", "3/4").

use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use std::collections::{BTreeMap, HashMap};

use super::quantity::{Quantity, Unit, Written};
use crate::lang::LangTag;

/// The vulgar fractions Unicode encodes, with their values.
const VULGAR: &[(char, f64)] = &[
    ('½', 0.5),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 0.25),
    ('¾', 0.75),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
];

fn digits_shape(span: std::ops::Range<usize>, value: f64, unit: Unit) -> Quantity {
    Quantity::shape(span, value, unit)
}

/// The value of a Roman numeral up to 89 (centuries), if it is well formed.
fn roman(s: &str) -> Option<u32> {
    let digit = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= *v as i32,
            _ => total += *v as i32,
        }
    }
    let total = u32::try_from(total).ok()?;
    // Well formed only if writing the value back gives the same letters.
    (to_roman(total) == s).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, s) in [
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// The value of a vulgar fraction character.
pub(super) fn vulgar(c: char) -> Option<f64> {
    // Asked of every character of every text: the two blocks the signs are in, first.
    if !matches!(c, '\u{BC}'..='\u{BE}' | '\u{2150}'..='\u{215E}') {
        return None;
    }
    VULGAR.iter().find(|(v, _)| *v == c).map(|(_, x)| *x)
}

struct Patterns {
    /// "15:00", "9:30 a.m.", "3 p.m.", "15.30 Uhr", "15 Uhr", "15h30", "15 h".
    time: LazyLock<Regex>,
    /// "7 de la mañana", "3 du matin", "7 утра", "8 in the evening": an hour and a part of the
    /// day.
    part_of_day: LazyLock<Regex>,
    /// "1930s", "'30s", "1930er", "30-е", "1930-х", "1930-talet", "1930'erne", "1930-luvulla"
    /// (and "1800-talet", the 1800s).
    decade_suffix: LazyLock<Regex>,
    /// A decade after a word for "years": "años 30", "années 1930", "anni '30", "jaren 30",
    /// "lata 30.".
    decade_word: LazyLock<Regex>,
    /// A century in Roman numerals: "siglo XIX", "XIXe siècle", "XIX век", "XIX wieku".
    roman_century: LazyLock<Regex>,
    /// "3/4": a fraction when small, else left to the digit reader (it may be a date).
    slash: LazyLock<Regex>,
    /// "18.30", a clock time when a clock word is next to it (`data/numbers/clock.tsv`).
    dotted_time: LazyLock<Regex>,
}

fn patterns() -> &'static Patterns {
    // Each pattern is compiled the first time a text needs it: most texts need few.
    static P: Patterns = Patterns {
        time: LazyLock::new(|| {
            Regex::new(
            r"(?i)\b(?P<h>[01]?[0-9]|2[0-3])(?::(?P<m1>[0-5][0-9])(?:[\s\u{a0}\u{202f}]*(?P<s1>a\.\s?m\.|p\.\s?m\.|am\b|pm\b|uhr\b|h\b))?|[\s\u{a0}\u{202f}]?h:?[\s\u{a0}\u{202f}]?(?P<m3>[0-5][0-9])\b|(?:[.h](?P<m2>[0-5][0-9]))?[\s\u{a0}\u{202f}]*(?P<s2>a\.\s?m\.|p\.\s?m\.|am\b|pm\b|uhr\b|h\b))",
        )
        .expect("time pattern")
        }),
        part_of_day: LazyLock::new(|| {
            Regex::new(
            r"\b([01]?[0-9]|2[0-3]|\p{L}+)(?i:(?:[:.h]([0-5][0-9]))?(?:[\s\u{a0}]?(?:h|uhr))?[\s\u{a0}]+(de la mañana|de la madrugada|de la tarde|de la noche|da manhã|da madrugada|da tarde|da noite|del mattino|di mattina|del pomeriggio|di sera|della sera|du matin|de l'après-midi|du soir|in the morning|in the afternoon|in the evening|at night|morgens|abends|утра|вечера|pagi|siang|sore|malam|dimineața|dimineaţa|dimineata|după-amiaza|după-amiază|dupa-amiaza|seara|noaptea|om morgenen|om formiddagen|om eftermiddagen|om aftenen|om natten))\b",
        )
        .expect("part of day pattern")
        }),
        decade_suffix: LazyLock::new(|| {
            Regex::new(
                r"(?:\b|['’])([0-9]{1,3}0)(?:s\b|er\b|-[еxх]\b|-tal(?:l?ets?|s)?\b|['’]erne\b|-luvu\w*|-luku\w*)",
            )
            .expect("decade pattern")
        }),
        decade_word: LazyLock::new(|| {
            Regex::new(
            r"(?i)\b(?:años|anos|années|anni|jaren|lata|latach|lat)[\s\u{a0}]+['’]?([0-9]{1,3}0)\b",
        )
        .expect("decade pattern")
        }),
        roman_century: LazyLock::new(|| {
            Regex::new(
            r"\b(?:[Ss]iglos?|[Ss]ecol[oi]|[Ss]éculos?)\s+([IVXL]+)\b|\b([IVXL]+)(?:e|ᵉ|ème)?\s+(?:siècles?|secol[oi]|siglos?|séculos?|eeuw|век[аеу]?|wiek[uów]*|století|Jahrhunderts?)\b",
        )
        .expect("century pattern")
        }),
        slash: LazyLock::new(|| {
            Regex::new(r"\b([0-9]{1,2})/([0-9]{1,2})\b").expect("fraction pattern")
        }),
        dotted_time: LazyLock::new(|| {
            Regex::new(r"\b([01]?[0-9]|2[0-3])\.([0-5][0-9])\b").expect("time pattern")
        }),
    };
    &P
}

/// Words some shapes need, found without word boundaries (fast): a century's, a part of the
/// day's, and "years" before a decade.
struct Anchors {
    century: LazyLock<Regex>,
    part_of_day: LazyLock<Regex>,
    years: LazyLock<Regex>,
}

fn anchors() -> &'static Anchors {
    static A: Anchors = Anchors {
        century: LazyLock::new(|| {
            Regex::new(r"(?i)siglo|secol|sécul|siècle|eeuw|век|wiek|století|jahrhundert")
                .expect("anchor pattern")
        }),
        part_of_day: LazyLock::new(|| {
            Regex::new(
            r"(?i)mañana|madrugada|tarde|noche|manhã|noite|mattin|pomeriggio|sera|matin|après-midi|soir|morning|afternoon|evening|night|morgens|abends|утра|вечера|pagi|siang|sore|malam|diminea|amiaz|seara|noaptea|morgenen|middagen|aftenen|natten",
        )
        .expect("anchor pattern")
        }),
        years: LazyLock::new(|| {
            Regex::new(r"(?i)años|anos|années|anni|jaren|lat").expect("anchor pattern")
        }),
    };
    &A
}

/// Compiles the patterns nearly every text with digits needs (times, decades, fractions and
/// the anchors of the windows), so that a caller can have them built beforehand.
pub(super) fn warm_up() {
    let (p, a) = (patterns(), anchors());
    for re in [
        &p.time,
        &p.decade_suffix,
        &p.slash,
        &p.dotted_time,
        &a.century,
        &a.part_of_day,
        &a.years,
    ] {
        LazyLock::force(re);
    }
}

/// How far around an anchor a shape can reach, in bytes ("12:30 h de la madrugada").
const REACH: usize = 64;

/// The parts of `text` where a shape can be: around digits, month names and the words above,
/// widened to whitespace and merged. The patterns need Unicode word boundaries, which the
/// regex crate's fast engines cannot give on non-ASCII text, so they run on these windows only.
fn windows(text: &str, lang: &LangTag) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut anchors: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            anchors.push(start..i);
        } else {
            i += 1;
        }
    }
    let a = self::anchors();
    anchors.extend(a.century.find_iter(text).map(|m| m.range()));
    anchors.extend(a.part_of_day.find_iter(text).map(|m| m.range()));
    if let Some(months) = super::dates::month_anchor(lang.primary()) {
        anchors.extend(months.find_iter(text).map(|m| m.range()));
    }
    anchors.sort_by_key(|r| r.start);
    let widen_back = |mut at: usize| {
        let floor = at.saturating_sub(REACH);
        at = at.saturating_sub(REACH);
        while at > 0 && !text.is_char_boundary(at) {
            at -= 1;
        }
        // Out to whitespace, so that no word is cut (a cut word has a false boundary); no
        // further than another reach, so that a text without spaces costs no more.
        let mut low = at.saturating_sub(REACH + 4);
        while !text.is_char_boundary(low) {
            low -= 1;
        }
        let stop = text[low..at]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map(|(k, c)| low + k + c.len_utf8());
        match stop {
            Some(stop) if at - stop <= REACH => stop,
            _ if floor == 0 => text[..at]
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(k, c)| k + c.len_utf8()),
            _ => at,
        }
    };
    let widen_forward = |mut at: usize| {
        at = (at + REACH).min(text.len());
        while at < text.len() && !text.is_char_boundary(at) {
            at += 1;
        }
        let mut high = (at + REACH + 4).min(text.len());
        while !text.is_char_boundary(high) {
            high += 1;
        }
        match text[at..high].find(char::is_whitespace) {
            Some(k) if k <= REACH => at + k,
            _ if high == text.len() && text.len() - at <= REACH => text.len(),
            _ => at,
        }
    };
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for a in anchors {
        let w = widen_back(a.start)..widen_forward(a.end);
        match out.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => out.push(w),
        }
    }
    out
}

/// Every time, date, decade and fraction in `text`, in text order, without overlaps.
pub(super) fn shaped(text: &str, lang: &LangTag) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    for w in windows(text, lang) {
        out.extend(shaped_in(&text[w.clone()], lang).into_iter().map(|mut q| {
            q.span = q.span.start + w.start..q.span.end + w.start;
            q
        }));
    }
    lone_fractions(text, &mut out);
    out
}

/// A fraction sign on its own ("½ cup"); after digits ("2½") the digit reader takes it.
/// `out` holds the shapes found so far, in order and apart.
fn lone_fractions(text: &str, out: &mut Vec<Quantity>) {
    let found = out.len();
    // The signs are written with lead byte C2 or E2 (never a continuation byte, so where one
    // is a character starts): every other byte is passed over undecoded.
    let starts = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == 0xC2 || b == 0xE2)
        .map(|(i, _)| i);
    for i in starts {
        let Some(ch) = text[i..].chars().next() else {
            continue;
        };
        if let Some(v) = vulgar(ch)
            && !text[..i].ends_with(|c: char| c.is_ascii_digit())
            && !super::quantity::overlaps_any(&out[..found], &(i..i + 1))
        {
            out.push(digits_shape(i..i + ch.len_utf8(), v, Unit::Count));
        }
    }
    out.sort_by_key(|q| q.span.start);
}

/// Spans taken so far, by start: a new one is kept only if it overlaps none (a log-time look
/// at the one before where it ends).
#[derive(Default)]
struct Taken(BTreeMap<usize, usize>);

impl Taken {
    fn take(&mut self, span: &std::ops::Range<usize>) -> bool {
        let clash = self
            .0
            .range(..span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > span.start);
        if !clash {
            self.0.insert(span.start, span.end);
        }
        !clash
    }
}

/// The clock words of a language that stand before or after a time (`data/numbers/clock.tsv`).
fn clock_words(lang: &str, after: bool) -> &'static [&'static str] {
    type Table = HashMap<(&'static str, bool), Vec<&'static str>>;
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut m: Table = HashMap::new();
        for line in include_str!("../../data/numbers/clock.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&'static str> = line.split('\t').collect();
            if let [l, side, words] = cols.as_slice() {
                m.entry((*l, *side == "after"))
                    .or_default()
                    .extend(words.split(' '));
            }
        }
        m
    })
    .iter()
    .find(|((l, a), _)| *l == lang && *a == after)
    .map_or(&[], |(_, words)| words.as_slice())
}

/// Whether a clock word of `lang` is the word right before or right after a number.
fn clock_word_around(lang: &str, before: &str, after: &str) -> bool {
    let word = |s: &str| s.to_lowercase();
    let prev: String = before
        .trim_end_matches([' ', '\u{a0}'])
        .chars()
        .rev()
        .take_while(|c| crate::chars::is_alphabetic(*c) || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let next: String = after
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .take_while(|c| crate::chars::is_alphabetic(*c) || *c == '.')
        .collect();
    let next = next.trim_end_matches('.');
    let listed = |words: &[&str], w: &str| {
        !w.is_empty()
            && words
                .iter()
                .any(|x| *x == w || x.trim_end_matches('.') == w)
    };
    listed(clock_words(lang, false), &word(&prev))
        || listed(clock_words(lang, false), word(&prev).trim_end_matches('.'))
        || listed(clock_words(lang, true), &word(next))
        || listed(clock_words("*", true), &word(next))
}

/// The shapes in one window of text. The slow patterns run only where their words are.
fn shaped_in(text: &str, lang: &LangTag) -> Vec<Quantity> {
    let p = patterns();
    let a = anchors();
    let digits = text.bytes().any(|b| b.is_ascii_digit());
    // A pattern's matches when its anchor is there, else none (and it is not compiled).
    let gated = |re: &'static LazyLock<Regex>, needed: bool| {
        needed.then(|| re.captures_iter(text)).into_iter().flatten()
    };
    let mut out: Vec<Quantity> = super::dates::dates(text, lang);
    let mut taken = Taken::default();
    for q in &out {
        taken.take(&q.span);
    }
    let mut push = |q: Quantity| {
        if taken.take(&q.span) {
            out.push(q);
        }
    };
    for c in gated(&p.part_of_day, a.part_of_day.is_match(text)) {
        // The hour in digits or in words ("a la una de la tarde", "at eight in the morning").
        let Some(mut hour) = c[1].parse::<u32>().ok().or_else(|| {
            super::parse_cardinal(&c[1], lang)
                .and_then(|v| u32::try_from(v).ok())
                .filter(|v| (1..=12).contains(v))
        }) else {
            continue;
        };
        let minute: u32 = c.get(2).and_then(|m| m.as_str().parse().ok()).unwrap_or(0);
        let part = c[3].to_lowercase();
        // Afternoon and evening add twelve hours; night does from seven on ("11 de la noche"
        // is 23:00, "2 de la noche" is 2:00). Russian "дня" and "ночи" are left out: "3 дня" is
        // as often three days.
        let afternoon = [
            "tarde",
            "pomeriggio",
            "sera",
            "après-midi",
            "soir",
            "afternoon",
        ]
        .iter()
        .chain(&["evening", "abends", "вечера", "amiaza", "amiază", "seara"])
        .chain(&["eftermiddagen", "aftenen"])
        .any(|w| part.ends_with(w));
        // Indonesian names four parts of the day: "pukul 2 siang" is 14:00, "jam 2 malam" 2:00.
        let indonesian = ["pagi", "siang", "sore", "malam"].contains(&part.as_str());
        if indonesian && lang.primary() != "id" {
            continue;
        }
        let afternoon = afternoon || part == "sore";
        let night = ["noche", "noite", "night", "malam", "noaptea", "natten"]
            .iter()
            .any(|w| part.ends_with(w));
        // Midday runs from about ten to three: "11 siang" stays 11:00, "1 siang" is 13:00.
        let midday = part == "siang";
        if hour > 12 && (afternoon || night || midday) {
            continue;
        }
        if (afternoon && hour < 12)
            || (night && (7..12).contains(&hour))
            || (midday && (1..7).contains(&hour))
        {
            hour += 12;
        }
        push(digits_shape(
            c.get(0).expect("match").range(),
            f64::from(hour * 60 + minute),
            Unit::Time,
        ));
    }
    for c in gated(&p.time, digits) {
        let whole = c.get(0).expect("match");
        let mut hour: u32 = c["h"].parse().unwrap_or(0);
        let minutes = c.name("m1").or(c.name("m2")).or(c.name("m3"));
        let minute: u32 = minutes.and_then(|m| m.as_str().parse().ok()).unwrap_or(0);
        let suffix = c
            .name("s1")
            .or(c.name("s2"))
            .map(|m| m.as_str().to_lowercase());
        let has_minutes = minutes.is_some();
        // "am" is a German word and "3 h" is as often three hours as three o'clock: the
        // suffixes that are only clock times in one language count only there.
        match suffix.as_deref() {
            Some("am" | "pm") if lang.primary() != "en" => continue,
            Some("h") if !has_minutes && lang.primary() != "fr" => continue,
            _ => {}
        }
        if let Some(s) = &suffix {
            let twelve = s.starts_with('a') || s.starts_with('p');
            if twelve && !(1..=12).contains(&hour) {
                continue;
            }
            if s.starts_with('p') && hour != 12 {
                hour += 12;
            } else if s.starts_with('a') && hour == 12 {
                hour = 0;
            }
        }
        // A time glued to more digits ("12:30:15" is fine, "1:2345" is not a time), or the end
        // of a decimal ("16,5:10,5" is a score).
        let before = &text[..whole.start()];
        let after_decimal = before
            .strip_suffix([',', '.'])
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
        if text[whole.end()..].starts_with(|c: char| c.is_ascii_digit()) || after_decimal {
            continue;
        }
        push(digits_shape(
            whole.range(),
            f64::from(hour * 60 + minute),
            Unit::Time,
        ));
    }
    // The end of the last dotted time: "pukul 12.00 dan 13.00", the second end of a range of
    // times needs no clock word of its own.
    let mut last_time: Option<usize> = None;
    for c in gated(&p.dotted_time, digits && text.contains('.')) {
        let whole = c.get(0).expect("match");
        let glued = text[whole.end()..].starts_with(|c: char| c.is_ascii_digit() || c == '.')
            && text[whole.end() + 1..].starts_with(|c: char| c.is_ascii_digit());
        let range_end = last_time.is_some_and(|end| {
            super::ranges::is_range_join(text[end..whole.start()].trim_matches([' ', '\u{a0}']))
        });
        if glued
            || !(range_end
                || clock_word_around(lang.primary(), &text[..whole.start()], &text[whole.end()..]))
        {
            continue;
        }
        last_time = Some(whole.end());
        let (hour, minute): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        push(digits_shape(
            whole.range(),
            f64::from(hour * 60 + minute),
            Unit::Time,
        ));
    }
    for re in [&p.decade_suffix, &p.decade_word] {
        let needed = digits && (std::ptr::eq(re, &p.decade_suffix) || a.years.is_match(text));
        for c in gated(re, needed) {
            let n = c.get(1).expect("group");
            let value: f64 = n.as_str().parse().unwrap_or(0.0);
            // Decades are two digits ("30s") or a year ("1930s"); "300s" is not one.
            if !(n.as_str().len() == 2 || (1000.0..=2100.0).contains(&value)) {
                continue;
            }
            push(digits_shape(
                c.get(0).expect("match").range(),
                value,
                Unit::Decade,
            ));
        }
    }
    for c in gated(&p.roman_century, a.century.is_match(text)) {
        let numeral = c.get(1).or(c.get(2)).expect("group");
        if let Some(v) = roman(numeral.as_str()) {
            // Roman numerals are letters: matched when present, like ordinal words.
            let mut q = Quantity::new(numeral.range(), f64::from(v), Unit::Count, Written::Words);
            q.ordinal = true;
            push(q);
        }
    }
    for c in gated(&p.slash, text.contains('/')) {
        let whole = c.get(0).expect("match");
        let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        // "1/2", "3/4": a proper fraction with a small denominator, not part of a date.
        let in_date = text[..whole.start()].ends_with('/') || text[whole.end()..].starts_with('/');
        if in_date || a == 0 || a >= b || b > 10 {
            continue;
        }
        push(digits_shape(
            whole.range(),
            f64::from(a) / f64::from(b),
            Unit::Count,
        ));
    }
    out.sort_by_key(|q| q.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `shaped` finds when the patterns run over the whole text at once.
    fn whole(text: &str, lang: &LangTag) -> Vec<Quantity> {
        let mut out = shaped_in(text, lang);
        lone_fractions(text, &mut out);
        out
    }

    const WORDS: &[&str] = &[
        "3",
        "15",
        "2021",
        "1930s",
        "30",
        "15:30",
        "3.30",
        "10/12/2021",
        "2/3",
        "½",
        "March",
        "5",
        "de",
        "marzo",
        "mars",
        "1er",
        "März",
        "марта",
        "Uhr",
        "a.m.",
        "pm",
        "la",
        "tarde",
        "mañana",
        "siglo",
        "XIX",
        "век",
        "años",
        "uno",
        "октября",
        "the",
        "first",
        "of",
        "May",
        "zwölf",
        "—",
        "«",
        "»",
        "\u{a0}",
        "\n\n",
        "pneumonoultramicroscopicsilicovolcanoconiosis",
    ];

    proptest! {
        /// Running the patterns in windows finds exactly what running them everywhere does.
        #[test]
        fn windows_find_what_the_whole_text_holds(
            picks in proptest::collection::vec(0..WORDS.len(), 0..40),
            lang in proptest::sample::select(vec!["en", "es", "fr", "de", "ru"]),
        ) {
            let text = picks.iter().map(|&k| WORDS[k]).collect::<Vec<_>>().join(" ");
            let lang: LangTag = lang.parse().unwrap();
            prop_assert_eq!(shaped(&text, &lang), whole(&text, &lang));
        }
    }
}

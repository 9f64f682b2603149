//! Numbers written with digits, read in a language's notation: decimal comma or point,
//! grouping by point, comma, space, no-break space, narrow no-break space or apostrophe.

use std::ops::Range;

use crate::lang::LangTag;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notation {
    /// The character between the integer and the fraction, if any.
    pub decimal: Option<char>,
    /// The character between groups of three digits, if any.
    pub grouping: Option<char>,
}

impl Notation {
    /// Digits with neither a decimal mark nor grouping ("15", and the parts of "15:30").
    pub const PLAIN: Notation = Notation {
        decimal: None,
        grouping: None,
    };
}

/// A number written with digits.
#[derive(Debug, Clone, PartialEq)]
pub struct Digits {
    pub span: Range<usize>,
    pub value: f64,
    pub notation: Notation,
}

fn is_group_sep(c: char) -> bool {
    matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’')
}

/// How many runs of digits one number can join ("1.234.567.890,5" has five): a longer chain
/// is a list or a code, read a number at a time.
const MAX_RUNS: usize = 12;

/// Runs of digits from `i` joined by single separators, at most [`MAX_RUNS`] of them, and
/// whether the chain goes on past them.
fn chain(text: &str, i: usize) -> (Vec<(usize, usize)>, Vec<char>, bool) {
    let b = text.as_bytes();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut seps: Vec<char> = Vec::new();
    let mut j = i;
    loop {
        let run_start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        runs.push((run_start, j));
        let Some(c) = text[j..].chars().next() else {
            return (runs, seps, false);
        };
        let after = j + c.len_utf8();
        if !(is_group_sep(c) && after < b.len() && b[after].is_ascii_digit()) {
            return (runs, seps, false);
        }
        if runs.len() == MAX_RUNS {
            return (runs, seps, true);
        }
        seps.push(c);
        j = after;
    }
}

/// The zero of each set of decimal digits read besides ASCII: Arabic-Indic (Arabic),
/// Extended Arabic-Indic (Persian, Urdu), Devanagari, Bengali and full-width (Chinese,
/// Japanese). Unicode encodes every set as ten code points in a row, from zero.
const ZEROS: &[u32] = &[0x660, 0x6F0, 0x966, 0x9E6, 0xFF10];

/// A character's value as a decimal digit of any set read.
fn digit_value(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| {
        let c = u32::from(c);
        ZEROS
            .iter()
            .find(|&&z| (z..z + 10).contains(&c))
            .map(|z| c - z)
    })
}

/// `text` with every digit of another set as an ASCII digit, the Arabic decimal and thousands
/// separators as "." and ",", and for each byte of the result the offset it comes from.
fn folded(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        let ascii = match c {
            '\u{66B}' => Some('.'),
            '\u{66C}' => Some(','),
            _ if !c.is_ascii() => digit_value(c).and_then(|d| char::from_digit(d, 10)),
            _ => None,
        };
        match ascii {
            Some(a) => {
                out.push(a);
                from.push(i);
            }
            None => {
                out.push(c);
                from.extend(i..i + c.len_utf8());
            }
        }
    }
    from.push(text.len());
    (out, from)
}

/// Every number written with digits in `text`, read as `lang` writes numbers. Digits of other
/// sets ("٣٥", "۳۵", "３５") are read as their values, with spans in `text`.
pub fn digits(text: &str, lang: &LangTag) -> Vec<Digits> {
    if text.is_ascii()
        || !text
            .chars()
            .any(|c| !c.is_ascii() && digit_value(c).is_some())
    {
        return ascii_digits(text, lang);
    }
    let (ascii, from) = folded(text);
    ascii_digits(&ascii, lang)
        .into_iter()
        .map(|mut d| {
            d.span = from[d.span.start]..from[d.span.end];
            d
        })
        .collect()
}

fn ascii_digits(text: &str, lang: &LangTag) -> Vec<Digits> {
    let dec = super::conventions(lang).decimal;
    // "5.1." is a date where dates are written so; elsewhere "7.5." ends a sentence.
    let dotted_dates = writes_dotted(lang.primary());
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let (runs, seps, more) = chain(text, i);
        let full_end = runs.last().map_or(i + 1, |r| r.1);
        // Digits after a letter of any script are part of a name, with all that joins them:
        // "G7", "ВПЧ16", "А5", "m3.5". (An ASCII digit is always at a character boundary, so
        // the slice is safe.)
        if text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| crate::chars::is_alphanumeric(c) && !super::cjk::unspaced(c))
        {
            i = full_end;
            continue;
        }
        let start = i;
        let (value, notation, end) = read(text, &runs, &seps, dec, more, dotted_dates);
        // Three or more groups joined by full stops that are not grouping are a section
        // number, a version or a date ("9.2.1", "27.6.10", "5.1.2021"): not a quantity.
        if seps.len() >= 2 && seps.iter().all(|&c| c == '.') && end < full_end {
            i = full_end;
            continue;
        }
        out.push(Digits {
            span: start..end,
            value,
            notation,
        });
        i = end.max(start + 1);
    }
    out
}

/// Reads runs of digits and their separators: groups of three after a first group of one to
/// three digits are grouping; the language's decimal mark before the last run is decimal. A
/// separator that fits neither ends the number.
fn read(
    text: &str,
    runs: &[(usize, usize)],
    seps: &[char],
    dec: char,
    more: bool,
    dotted_dates: bool,
) -> (f64, Notation, usize) {
    // The last run read, when the chain ends there.
    let last_run = |k: usize| k == runs.len() - 1 && !more;
    let len = |k: usize| runs[k].1 - runs[k].0;
    let digits_of = |k: usize| &text[runs[k].0..runs[k].1];
    let mut grouping: Option<char> = None;
    let mut int = digits_of(0).to_string();
    let mut k = 1;
    while k < runs.len() {
        let sep = seps[k - 1];
        let is_decimal = sep == dec && last_run(k);
        let groups_ok =
            len(0) <= 3 && len(k) == 3 && grouping.is_none_or(|g| g == sep) && sep != dec;
        // A plain space groups digits only where no other reading is possible (68 000).
        if groups_ok && !(sep == ' ' && len(0) > 3) {
            grouping = Some(sep);
            int.push_str(digits_of(k));
            k += 1;
            continue;
        }
        // The other language's decimal mark where it cannot be grouping: "5.1" in a Czech
        // text is a section number or a decimal written the English way, not 5 and 1. Not
        // before another full stop where dates are written so: "5.1." is a date in German and
        // Czech, but "magnitudo 7.5." ends an Italian sentence.
        let last = last_run(k);
        let foreign_decimal = last
            && grouping.is_none()
            && len(k) != 3
            && matches!(sep, '.' | ',')
            && sep != dec
            && !(dotted_dates && text[runs[k].1..].starts_with('.') && len(0) <= 2 && len(k) <= 2);
        if is_decimal || foreign_decimal || (sep == dec && grouping.is_none_or(|g| g != sep)) {
            let frac = digits_of(k);
            let value = format!("{int}.{frac}").parse().unwrap_or(0.0);
            return (
                value,
                Notation {
                    decimal: Some(sep),
                    grouping,
                },
                runs[k].1,
            );
        }
        break;
    }
    let value = int.parse().unwrap_or(0.0);
    (
        value,
        Notation {
            decimal: None,
            grouping,
        },
        runs[k - 1].1,
    )
}

/// Languages that write an ordinal as digits and a full stop: "1. Platz", "3. miejsce".
const DOTTED: &[&str] = &[
    "de", "pl", "cs", "sk", "sl", "hr", "sr", "da", "nb", "no", "fi", "hu", "tr", "lv", "et",
];

/// Whether a language writes ordinals, and so days and months, with a full stop ("3. März",
/// "5.1.").
pub(super) fn writes_dotted(lang: &str) -> bool {
    DOTTED.contains(&lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(lang: &str, text: &str) -> Vec<(String, f64)> {
        digits(text, &lang.parse().unwrap())
            .into_iter()
            .map(|d| (text[d.span].to_string(), d.value))
            .collect()
    }

    #[test]
    fn each_language_reads_its_own_notation() {
        assert_eq!(
            read_all("en", "1,500.5 and 2.3 million"),
            [("1,500.5".into(), 1500.5), ("2.3".into(), 2.3)]
        );
        assert_eq!(
            read_all("es", "1.500,5 y 2.300 millones"),
            [("1.500,5".into(), 1500.5), ("2.300".into(), 2300.0)]
        );
        assert_eq!(
            read_all("fr", "68\u{202f}000 et 1\u{a0}500,5"),
            [
                ("68\u{202f}000".into(), 68000.0),
                ("1\u{a0}500,5".into(), 1500.5)
            ]
        );
        assert_eq!(
            read_all("fr", "68 000 personnes"),
            [("68 000".into(), 68000.0)]
        );
        assert_eq!(
            read_all("de", "3,5 % von 1.500"),
            [("3,5".into(), 3.5), ("1.500".into(), 1500.0)]
        );
        assert_eq!(
            read_all("de", "1'500.5"),
            [("1'500".into(), 1500.0), ("5".into(), 5.0)]
        );
    }

    #[test]
    fn the_foreign_notation_is_read_as_written_here() {
        // "1,500" is fifteen hundred in English and one and a half in Spanish.
        assert_eq!(read_all("en", "1,500"), [("1,500".into(), 1500.0)]);
        assert_eq!(read_all("es", "1,500"), [("1,500".into(), 1.5)]);
        let d = &digits("en", &"en".parse().unwrap());
        assert!(d.is_empty());
    }

    #[test]
    fn years_and_lists_are_not_glued() {
        assert_eq!(
            read_all("en", "in 2019, 2020 and 2021"),
            [
                ("2019".into(), 2019.0),
                ("2020".into(), 2020.0),
                ("2021".into(), 2021.0)
            ]
        );
        assert_eq!(
            read_all("fr", "en 2019 2020"),
            [("2019".into(), 2019.0), ("2020".into(), 2020.0)]
        );
    }
}

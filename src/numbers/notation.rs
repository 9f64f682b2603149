//! Which notation a language (and region) writes numbers in, and how a run of digits and
//! separators reads under a notation. The tables follow CLDR's number symbols for the
//! languages the number rules cover.

use super::cjk::unspaced;
use crate::lang::LangTag;

const SPACES: &[char] = &[' ', '\u{a0}', '\u{202f}'];
const APOSTROPHES: &[char] = &['\'', '’'];

/// A language's way of writing numbers with digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conventions {
    /// The decimal mark.
    pub decimal: char,
    /// The characters that may group thousands besides the spaces (point, comma or
    /// apostrophe); spaces are always accepted, as SI and ISO 80000 write them.
    pub grouping: Option<char>,
    /// Whether the table is known for this language, so that other notations are errors.
    pub known: bool,
    /// Whether the region also groups with an apostrophe (Switzerland, Liechtenstein).
    pub apostrophe: bool,
}

/// Spanish-speaking regions that write a decimal point (CLDR).
const ES_POINT: &[&str] = &[
    "MX", "US", "419", "GT", "HN", "NI", "SV", "PA", "DO", "PR", "CU", "PE", "PH",
];

/// The notation of `lang`, from its primary language and region.
pub fn conventions(lang: &LangTag) -> Conventions {
    let region = lang.region();
    let swiss = matches!(region, Some("CH" | "LI"));
    let (decimal, grouping, known) = match lang.primary() {
        "en" if region == Some("ZA") => (',', None, true),
        "en" => ('.', Some(','), true),
        "es" if region.is_some_and(|r| ES_POINT.contains(&r)) => ('.', Some(','), true),
        "de" | "it" if swiss => ('.', None, true),
        "es" | "de" | "it" | "pt" | "nl" | "da" | "id" | "tr" | "el" | "ro" | "hr" | "sl"
        | "sr" => (',', Some('.'), true),
        "fr" | "ru" | "uk" | "pl" | "cs" | "sk" | "bg" | "be" | "fi" | "sv" | "nb" | "no"
        | "et" | "lv" | "lt" | "hu" => (',', None, true),
        "zh" | "ja" | "ko" => ('.', Some(','), true),
        "he" | "hi" | "th" => ('.', Some(','), false),
        _ => (',', None, false),
    };
    Conventions {
        decimal,
        grouping,
        known,
        apostrophe: swiss,
    }
}

impl Conventions {
    fn groups_with(&self, c: char) -> bool {
        SPACES.contains(&c)
            || Some(c) == self.grouping
            || (self.apostrophe && APOSTROPHES.contains(&c))
    }

    /// The other notation a text in this language is likely to be written in by mistake:
    /// a decimal point and comma grouping, or the reverse.
    pub fn foreign(&self) -> Conventions {
        let (decimal, grouping) = if self.decimal == '.' {
            (',', Some('.'))
        } else {
            ('.', Some(','))
        };
        Conventions {
            decimal,
            grouping,
            known: true,
            apostrophe: false,
        }
    }

    /// Writes `integer` and `fraction` (digits) in this notation, grouping from four digits.
    pub fn format(&self, integer: &str, fraction: Option<&str>) -> String {
        let sep = self.grouping.unwrap_or('\u{a0}');
        let mut out = String::new();
        for (i, c) in integer.chars().enumerate() {
            if i > 0 && integer.len() > 3 && (integer.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        if let Some(f) = fraction {
            out.push(self.decimal);
            out.push_str(f);
        }
        out
    }
}

/// A run of digit groups and the single separators between them, as written: "1,500.5" is
/// groups ["1", "500", "5"] and separators [',', '.'].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run<'a> {
    pub groups: Vec<&'a str>,
    pub seps: Vec<char>,
}

/// How a run reads under one notation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The integer digits, grouping removed.
    pub integer: String,
    pub fraction: Option<String>,
    pub grouped: bool,
}

impl Run<'_> {
    /// The run read under `c`, if every separator fits it: groups of three after a first
    /// group of one to three digits, and at most one decimal mark, last.
    pub fn read(&self, c: &Conventions) -> Option<Reading> {
        let n = self.seps.len();
        let decimal = n > 0 && self.seps[n - 1] == c.decimal;
        let grouping_seps = if decimal {
            &self.seps[..n - 1]
        } else {
            &self.seps[..]
        };
        let int_groups = &self.groups[..=grouping_seps.len()];
        if let Some(&first) = grouping_seps.first() {
            let same = grouping_seps.iter().all(|&s| s == first);
            let sized = int_groups[0].len() <= 3 && int_groups[1..].iter().all(|g| g.len() == 3);
            if !same || !sized || !c.groups_with(first) {
                return None;
            }
        }
        Some(Reading {
            integer: int_groups.concat(),
            fraction: decimal.then(|| self.groups[n].to_string()),
            grouped: !grouping_seps.is_empty(),
        })
    }
}

/// Every run of digits in `text` that another number reading could have split: maximal
/// sequences of digit groups joined by single separators (point, comma, apostrophe, or a space
/// before exactly three digits), not glued to letters. Han and kana do not glue: those scripts
/// put no space between a number and the word it counts ("3,5百万"). Returns each run's byte
/// range.
pub fn runs(text: &str) -> Vec<(std::ops::Range<usize>, Run<'_>)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit()
            || text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| (crate::chars::is_alphanumeric(c) && !unspaced(c)) || c == '_')
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut run = Run {
            groups: Vec::new(),
            seps: Vec::new(),
        };
        let mut j = i;
        let mut longest = 0;
        loop {
            let g = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            run.groups.push(&text[g..j]);
            longest = longest.max(j - g);
            let Some(c) = text[j..].chars().next() else {
                break;
            };
            let after = j + c.len_utf8();
            let digits_after = b[after.min(b.len())..]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .count();
            let joins = match c {
                '.' | ',' | '\'' | '’' => digits_after > 0,
                // A space joins only a thousands group: "68 000", not "2019 2020".
                _ if SPACES.contains(&c) => {
                    digits_after == 3
                        && longest <= 3
                        && !text[after + 3..]
                            .starts_with(|d: char| crate::chars::is_alphanumeric(d))
                }
                _ => false,
            };
            if !joins {
                break;
            }
            run.seps.push(c);
            j = after;
        }
        let glued = text[j..].starts_with(|c: char| crate::chars::is_alphabetic(c) && !unspaced(c));
        if !glued {
            out.push((start..j, run));
        }
        i = j.max(start + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(tag: &str) -> Conventions {
        conventions(&tag.parse().unwrap())
    }

    fn read(text: &str, tag: &str) -> Option<(String, Option<String>)> {
        let rs = runs(text);
        rs[0].1.read(&conv(tag)).map(|r| (r.integer, r.fraction))
    }

    #[test]
    fn each_language_reads_its_notation_and_not_the_other() {
        assert_eq!(
            read("1,500.5", "en"),
            Some(("1500".into(), Some("5".into())))
        );
        assert_eq!(read("1,500.5", "es"), None);
        assert_eq!(
            read("1,500.5", "es-MX"),
            Some(("1500".into(), Some("5".into())))
        );
        assert_eq!(
            read("1.500,5", "de"),
            Some(("1500".into(), Some("5".into())))
        );
        assert_eq!(read("1.500,5", "en"), None);
        assert_eq!(read("1.500", "fr"), None);
        assert_eq!(
            read("1\u{202f}500,5", "fr"),
            Some(("1500".into(), Some("5".into())))
        );
        assert_eq!(
            read("1'500.5", "de-CH"),
            Some(("1500".into(), Some("5".into())))
        );
        assert_eq!(read("1'500.5", "de"), None);
        assert_eq!(read("3,5", "en"), None);
        assert_eq!(read("3,5", "ru"), Some(("3".into(), Some("5".into()))));
        // Ambiguous shapes read both ways.
        assert_eq!(read("1,500", "es"), Some(("1".into(), Some("500".into()))));
        assert_eq!(read("1,500", "en"), Some(("1500".into(), None)));
    }

    #[test]
    fn runs_stop_where_a_number_ends() {
        let texts: Vec<&str> = runs("in 2019 2020, 68 000 people; 9.2.1 and G7 1,5x")
            .into_iter()
            .map(|(r, _)| &"in 2019 2020, 68 000 people; 9.2.1 and G7 1,5x"[r])
            .collect();
        assert_eq!(texts, ["2019", "2020", "68 000", "9.2.1"]);
    }

    #[test]
    fn runs_beside_han_and_kana_are_numbers() {
        let text = "损失了3,5百万美元和2019年、約1.500円";
        let texts: Vec<&str> = runs(text).into_iter().map(|(r, _)| &text[r]).collect();
        assert_eq!(texts, ["3,5", "2019", "1.500"]);
    }

    #[test]
    fn formats_in_the_language_notation() {
        assert_eq!(conv("es").format("1500", Some("5")), "1.500,5");
        assert_eq!(conv("en").format("2300000", None), "2,300,000");
        assert_eq!(conv("fr").format("68000", Some("25")), "68\u{a0}000,25");
        assert_eq!(conv("de").format("150", Some("5")), "150,5");
    }
}

//! `number/style`: how a document writes its numbers. With a house style for the language
//! (`--spell-out LANG=N`), a number up to N in digits or above it in words; without one, the same
//! number written both ways in one document ("fifteen prisoners" … "15 detainees").
//!
//! Only plain counts in running sentences are judged: money, measures, percentages, times,
//! dates, ages, years, ordinals, ranges and scores, numbers that are part of a name ("Apollo 11",
//! "No. 5"), headlines and sentence starts follow their own conventions.

use std::collections::BTreeMap;
use std::ops::Range;

use super::{Check, Context, Example, Rule, q};
use crate::finding::{Finding, Severity};
use crate::lang::LangTag;
use crate::numbers::{Quantity, Unit, Written, number_word_forms};

/// Per language, the highest number house style spells out; 0 turns the house rule off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpellOut {
    by_lang: BTreeMap<String, u32>,
}

impl Default for SpellOut {
    /// What the main wire and newsroom styles do: AP and Reuters spell out one to nine in
    /// English, Spanish newsrooms and Russian editorial practice likewise; German press
    /// convention (and DIN 5008) spells out to twelve. Elsewhere only consistency is checked.
    fn default() -> Self {
        SpellOut {
            by_lang: [("en", 9), ("es", 9), ("ru", 9), ("de", 12)]
                .into_iter()
                .map(|(l, n)| (l.to_string(), n))
                .collect(),
        }
    }
}

impl SpellOut {
    /// Sets a language's house style from `LANG=N` (`N` = 0 or `off`: none).
    pub fn set(&mut self, arg: &str) -> Result<(), String> {
        let (lang, n) = arg
            .split_once('=')
            .ok_or_else(|| format!("expected LANG=N (as in en=9), found {arg:?}"))?;
        let lang = LangTag::parse(lang.trim()).map_err(|e| e.to_string())?;
        let n: u32 = match n.trim() {
            "off" | "none" => 0,
            n => n
                .parse()
                .map_err(|_| format!("expected a number or \"off\" after {lang}=, found {n:?}"))?,
        };
        self.by_lang.insert(lang.primary().to_string(), n);
        Ok(())
    }

    /// Every language's setting, as `LANG=N` (`N` = 0: none).
    pub fn settings(&self) -> impl Iterator<Item = String> + '_ {
        self.by_lang.iter().map(|(l, n)| format!("{l}={n}"))
    }

    /// The highest number `lang`'s house style spells out, if it has one.
    pub fn up_to(&self, lang: &LangTag) -> Option<u32> {
        self.by_lang.get(lang.primary()).copied().filter(|&n| n > 0)
    }
}

pub struct NumberStyle;

const RULES: &[Rule] = &[Rule {
    id: "number/style",
    severity: Severity::Warning,
    summary: "a number against the house style, or written both in digits and in words",
    explanation: "With a house style for the language (`--spell-out LANG=N`; by default en=9, \
        es=9, ru=9, de=12, as AP, Reuters and DIN 5008 have it), a plain count up to N written \
        in digits or above N in words; without one, the same number written both ways in one \
        document. Money, measures, percentages, times, dates, ages, years, ordinals, ranges, \
        scores, numbers in names (\"Apollo 11\"), headlines and sentence starts follow \
        conventions of their own and are not judged.",
    example: Example::text(
        "en",
        "More than forty heads of state and government attended the summit in London.",
    ),
}];

impl Check for NumberStyle {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn run(&self, cx: &Context<'_>) -> Vec<Finding> {
        let doc = cx.doc;
        let text = &doc.prose;
        let up_to = cx.options.spell_out.up_to(&doc.lang);
        let counts: Vec<(&Quantity, bool)> = cx
            .quantities()
            .iter()
            .filter_map(|x| {
                let words = match x.written {
                    Written::Words => true,
                    Written::Digits(n) if n.decimal.is_none() => false,
                    _ => return None,
                };
                let judged = x.unit == Unit::Count
                    && !x.ordinal
                    && x.value >= 2.0
                    && x.value.fract() == 0.0
                    && in_sentence(doc, &x.span)
                    && !sentence_start(doc, &x.span)
                    && !exempt(text, x, cx.quantities())
                    && !(words && capitalised(text, x))
                    && (words || !own_convention(text, x, &doc.lang));
                judged.then_some((x, words))
            })
            .collect();
        let mut out = Vec::new();
        let house = |x: &Quantity| up_to.is_some() && x.value < 1000.0;
        if let Some(n) = up_to {
            for &(x, words) in &counts {
                if !house(x) {
                    continue;
                }
                let small = x.value <= f64::from(n);
                let written = &text[x.span.clone()];
                let lang = super::number_format::language_name(&doc.lang);
                if small && !words {
                    let v = x.value as u64;
                    let forms = number_word_forms(v, &doc.lang);
                    let suggestion: Vec<String> = match forms.as_slice() {
                        [one] => vec![(*one).to_string()],
                        _ => Vec::new(),
                    };
                    let write = suggestion
                        .first()
                        .map_or_else(|| "in words".to_string(), |w| format!("“{w}”"));
                    out.push(cx.finding(
                        "number/style",
                        Severity::Warning,
                        x.span.clone(),
                        format!(
                            "{} is in digits; {lang} house style spells out numbers up to {n}: write {write}",
                            q(written)
                        ),
                        suggestion,
                    ));
                } else if !small && words && !in_compound(text, &x.span) {
                    let digits = (x.value as u64).to_string();
                    out.push(cx.finding(
                        "number/style",
                        Severity::Warning,
                        x.span.clone(),
                        format!(
                            "{} is in words; {lang} house style writes numbers above {n} in digits: write {}",
                            q(written),
                            q(&digits)
                        ),
                        vec![digits],
                    ));
                }
            }
        }
        // The same number both ways, where no house style decides.
        let mut by_value: BTreeMap<u64, Vec<(&Quantity, bool)>> = BTreeMap::new();
        for &(x, words) in &counts {
            if !house(x) {
                by_value.entry(x.value as u64).or_default().push((x, words));
            }
        }
        for uses in by_value.values() {
            let in_words = uses.iter().filter(|u| u.1).count();
            let in_digits = uses.len() - in_words;
            if in_words == 0 || in_digits == 0 {
                continue;
            }
            // The less used form is the slip; on a tie, the form the document starts with wins.
            let majority_words = in_words > in_digits || (in_words == in_digits && uses[0].1);
            let first = uses
                .iter()
                .find(|u| u.1 == majority_words)
                .expect("both forms");
            let first_text = &text[first.0.span.clone()];
            let p = doc.position(first.0.span.start);
            for &(x, _) in uses.iter().filter(|u| u.1 != majority_words) {
                let written = &text[x.span.clone()];
                let mut f = cx.finding(
                    "number/style",
                    Severity::Warning,
                    x.span.clone(),
                    format!(
                        "{} is written {} at {}:{}{}: write it one way",
                        q(written),
                        q(first_text),
                        p.line,
                        p.column,
                        match uses.len() - 1 {
                            1 => String::new(),
                            n => format!(" ({n} times elsewhere)"),
                        }
                    ),
                    if majority_words {
                        Vec::new()
                    } else {
                        vec![first_text.to_string()]
                    },
                );
                f.related.push(cx.related(first.0.span.clone()));
                out.push(f);
            }
        }
        out
    }
}

/// The segment (paragraph, list item, heading) holding `offset`.
fn segment(doc: &crate::document::Document, offset: usize) -> Option<&Range<usize>> {
    let i = doc.segments.partition_point(|s| s.end <= offset);
    doc.segments.get(i).filter(|s| s.start <= offset)
}

/// Whether the number is in running text: a segment that ends like a sentence, not a
/// headline, a caption or a list of figures.
fn in_sentence(doc: &crate::document::Document, span: &Range<usize>) -> bool {
    segment(doc, span.start).is_some_and(|s| {
        doc.prose[s.clone()]
            .trim_end()
            .ends_with(['.', '!', '?', '…', '"', '”', '»', ')', '’', '\''])
    })
}

/// Whether the number opens a sentence, where style guides spell it out whatever it is.
fn sentence_start(doc: &crate::document::Document, span: &Range<usize>) -> bool {
    let Some(seg) = segment(doc, span.start) else {
        return true;
    };
    let before = doc.prose[seg.start..span.start].trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '“' | '”' | '«' | '„' | '‘' | '\'' | '—' | '–' | '-' | '('
            )
    });
    before.is_empty() || before.ends_with(['.', '!', '?', '…', ':'])
}

/// Whether a number follows a convention of its own whichever way it is written: an age or a
/// duration in years, an hour, the first word of a compound ordinal ("сорок пятой"), or, in
/// digits, part of a series or score ("18 wins and 7 losses", "un 5 et un 4").
fn exempt(text: &str, x: &Quantity, all: &[Quantity]) -> bool {
    let after = &text[x.span.end..];
    let before = &text[..x.span.start];
    // The quantities are in order and apart: only the neighbours can follow or precede `x`
    // directly.
    let at = all.partition_point(|o| o.span.start < x.span.start);
    let next = all[at..].iter().find(|o| o.span.start >= x.span.end);
    let prev = all[..at].last().filter(|o| o.span.end <= x.span.start);
    let gap = |a: &Quantity, b: &Quantity| text.get(a.span.end..b.span.start).unwrap_or("x");
    let next_is_ordinal = next.is_some_and(|o| o.ordinal && gap(x, o).trim().is_empty());
    // "8 (osmi)", "thirty (30)": written both ways on purpose, as contracts do.
    let in_brackets = |a: &Quantity, b: &Quantity| {
        gap(a, b)
            .trim()
            .strip_prefix('(')
            .is_some_and(|r| r.trim().is_empty())
    };
    let restated = next.is_some_and(|o| o.value == x.value && in_brackets(x, o))
        || prev.is_some_and(|o| o.value == x.value && in_brackets(o, x));
    let digits = matches!(x.written, Written::Digits(_));
    word_after_in(after, YEARS)
        || word_after_in(after, HOURS)
        || (digits && series(tail(before, SENTENCE), head(after, SENTENCE)))
        || next_is_ordinal
        || restated
}

/// How far a sentence reaches on either side of a number, in bytes: news sentences are
/// shorter, and a text without full stops costs no more per number.
const SENTENCE: usize = 600;

/// The last `n` bytes of `s` (or a little more, to a character boundary).
fn tail(s: &str, n: usize) -> &str {
    let mut at = s.len().saturating_sub(n);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    &s[at..]
}

/// The first `n` bytes of `s` (or a little more, to a character boundary).
fn head(s: &str, n: usize) -> &str {
    let mut at = n.min(s.len());
    while !s.is_char_boundary(at) {
        at += 1;
    }
    &s[..at]
}

/// A number word written with a capital inside a sentence is a name ("les Vingt-Sept", the
/// EU's member states; "the Big Four"), which no house style rewrites.
fn capitalised(text: &str, x: &Quantity) -> bool {
    text[x.span.clone()].starts_with(crate::chars::is_uppercase)
}

/// A number in words inside a compound ("fifteen-year-old", "zwölfjährig" is one word anyway).
fn in_compound(text: &str, span: &Range<usize>) -> bool {
    text[span.end..].starts_with(['-', '‑']) || text[..span.start].ends_with(['-', '‑'])
}

/// Whether a number in digits follows a convention of its own: a year, part of a name or a
/// list marker, a range, score or series, an age or a hyphenated compound ("a 5-year plan").
fn own_convention(text: &str, x: &Quantity, lang: &LangTag) -> bool {
    let span = &x.span;
    let written = &text[span.clone()];
    let year = written.len() == 4 && (1000.0..=2100.0).contains(&x.value);
    let before = text[..span.start].trim_end_matches([' ', '\u{a0}']);
    let after = &text[span.end..];
    let prev_word: &str = before
        .rsplit(|c: char| {
            !(crate::chars::is_alphanumeric(c)
                || c == '.'
                || c == '#'
                || c == '№'
                || c == 'º'
                || c == '°')
        })
        .next()
        .unwrap_or("");
    // "Apollo 11", "Chapter 5", "No. 5", "#5": a name or a number of something.
    let named = before.len() < span.start
        && (prev_word.starts_with(|c: char| crate::chars::is_uppercase(c))
            && !before.ends_with(['.', '!', '?'])
            || matches!(
                prev_word.to_lowercase().as_str(),
                "no." | "nr." | "nº" | "n°" | "#" | "№" | "núm." | "n." | "no"
            ));
    let lowered = prev_word.to_lowercase();
    let aged = matches!(lowered.as_str(), "aged" | "age" | "ages");
    let glued = after.starts_with(['-', '‑', '/', ':', '–', '&'])
        || before.ends_with(['-', '/', ':', '–', '(']);
    // "007", "09": a code or a time, not a count.
    let padded = written.starts_with('0');
    // A count comes before what it counts; digits that end a phrase are a label ("Nord Stream
    // 2,", "в ряду 7»", "season 2?").
    let label = !after
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(crate::chars::is_alphabetic);
    // Ordinals with a full stop ("zum 7. Mal", "7. listopadu"), in the languages that write them.
    let dotted = after.starts_with('.')
        && matches!(
            lang.primary(),
            "de" | "cs"
                | "pl"
                | "sk"
                | "sl"
                | "hr"
                | "sr"
                | "da"
                | "no"
                | "nb"
                | "fi"
                | "hu"
                | "tr"
                | "lv"
                | "et"
        );
    year || named || aged || glued || padded || dotted || label
}

/// "5 to 12", "3 of 10", "5 anstatt 6", "un 5 et un 4" and the reverse: another number in
/// digits within three words, or a bigger one in the same sentence ("13 fights, including 6").
fn series(before: &str, after: &str) -> bool {
    // A number in digits that is not a year ("5-4", "6", "12,"; not "2028").
    let digit = |s: &str| {
        s.split(|c: char| !c.is_ascii_digit())
            .any(|d| !(d.is_empty() || d.len() == 4 && ("1000"..="2100").contains(&d)))
    };
    let sentence_after = after.split(['.', '!', '?', ';']).next().unwrap_or("");
    let sentence_before = before.rsplit(['.', '!', '?', ';']).next().unwrap_or("");
    let near = |words: &mut dyn Iterator<Item = &str>| words.take(3).any(digit);
    // A year is not part of a series.
    let bigger = |s: &str| {
        s.split(|c: char| !c.is_ascii_digit())
            .any(|d| (2..=3).contains(&d.len()) && !d.starts_with('0') || d.len() > 4)
    };
    near(&mut sentence_after.split_whitespace())
        || near(&mut sentence_before.split_whitespace().rev())
        || bigger(sentence_after)
        || bigger(sentence_before)
}

/// Whether the word after a number is one of `words` (folded).
fn word_after_in(after: &str, words: &[&str]) -> bool {
    let word: String = after
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .take_while(|c| crate::chars::is_alphabetic(*c) || *c == '\'')
        .collect::<String>()
        .to_lowercase();
    words.contains(&word.as_str())
}

/// Hours of the day, which newsrooms write in digits: "a las 6 h", "à 6 heures", "в 5 часов".
const HOURS: &[&str] = &[
    "h",
    "uhr",
    "heure",
    "heures",
    "hora",
    "horas",
    "ore",
    "o'clock",
    "час",
    "часа",
    "часов",
    "godz",
    "godzina",
    "godzinie",
    "hodin",
    "hodiny",
    "години",
    "годин",
];

const YEARS: &[&str] = &[
    "year",
    "years",
    "año",
    "años",
    "an",
    "ans",
    "jahr",
    "jahre",
    "jahren",
    "anno",
    "anni",
    "ano",
    "anos",
    "jaar",
    "jaren",
    "год",
    "года",
    "лет",
    "rok",
    "lata",
    "lat",
    "let",
    "roky",
    "рік",
    "роки",
    "років",
    "month",
    "months",
    "meses",
    "mois",
    "monate",
    "monaten",
    "mesi",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn house_style_is_set_per_language() {
        let mut s = SpellOut::default();
        assert_eq!(s.up_to(&"en-GB".parse().unwrap()), Some(9));
        assert_eq!(s.up_to(&"de".parse().unwrap()), Some(12));
        assert_eq!(s.up_to(&"fr".parse().unwrap()), None);
        s.set("fr=10").unwrap();
        s.set("en = off").unwrap();
        assert_eq!(s.up_to(&"fr-CA".parse().unwrap()), Some(10));
        assert_eq!(s.up_to(&"en".parse().unwrap()), None);
        assert!(s.set("fr").is_err());
        assert!(s.set("fr=ten").is_err());
        assert!(s.set("zz=3").is_err());
    }

    #[test]
    fn a_capitalised_number_word_is_a_name() {
        let fr: LangTag = "fr".parse().unwrap();
        let text = "Les dirigeants des Vingt-Sept se sont réunis.";
        let x = &crate::numbers::quantities(text, &fr)[0];
        assert_eq!((x.value, capitalised(text, x)), (27.0, true));
    }

    #[test]
    fn a_number_restated_in_brackets_is_exempt() {
        let cs: LangTag = "cs".parse().unwrap();
        let text = "po dobu 8 (osmi) pracovních hodin a 5 dní";
        let all = crate::numbers::quantities(text, &cs);
        let judged: Vec<&str> = all
            .iter()
            .filter(|x| !exempt(text, x, &all))
            .map(|x| &text[x.span.clone()])
            .collect();
        assert_eq!(judged, ["5"]);
    }

    #[test]
    fn series_and_scores_are_found_around_a_number() {
        // (text before the number, text after it)
        assert!(series("a record of 18 wins and ", " losses"));
        assert!(series("on ", " instead of 6 fights"));
        assert!(series("un ", " et un 4 encore"));
        assert!(series("13 fights, including ", " on the main card"));
        // A year in the sentence is not a series; another sentence does not count.
        assert!(!series("renovating ", " gyms by 2028"));
        assert!(!series("It had 40 boats. Now ", " remain"));
    }

    #[test]
    fn digits_with_a_convention_of_their_own() {
        let lang: LangTag = "en".parse().unwrap();
        let own = |text: &str, number: &str| {
            let start = text.find(number).unwrap();
            let x = Quantity {
                span: start..start + number.len(),
                value: number.parse().unwrap(),
                as_written: number.parse().unwrap(),
                unit: Unit::Count,
                written: Written::Digits(crate::numbers::Notation {
                    decimal: None,
                    grouping: None,
                }),
                ordinal: false,
            };
            own_convention(text, &x, &lang)
        };
        assert!(own("the Apollo 11 crew", "11"));
        assert!(own("at pier No. 5 today", "5"));
        assert!(own("a 6-year-old boy", "6"));
        assert!(own("children aged 7 and over", "7"));
        assert!(own("agent 007 returns", "007"));
        assert!(own("built in 1993 and", "1993"));
        assert!(!own("it hired 4 divers", "4"));
        assert!(own("the Nord Stream 2, which", "2"));
        // Digits before a full stop in German: an ordinal the reader already marks, or a
        // sentence end, never a count to judge.
        let de: LangTag = "de".parse().unwrap();
        assert!(crate::numbers::quantities("zum 7. Mal", &de)[0].ordinal);
        let x = crate::numbers::quantities("Er wurde 7. Dann", &de)[0].clone();
        assert!(own_convention("Er wurde 7. Dann", &x, &de));
    }
}

//! `number/format`: a number written in another language's notation ("3,5%" in English,
//! "1,500.5" in Spanish). Only shapes that cannot be read in the document's own notation are
//! reported, plus the one ambiguous shape that is almost always a slip: a thousands group
//! read as three decimals before a scale word ("1.500 million").

use std::ops::Range;

use super::{Check, Context, Example, Rule, q};
use crate::finding::{Finding, Fix, Severity};
use crate::lang::LangTag;
use crate::numbers::{Conventions, Quantity, Run, Unit, conventions, runs};

pub struct NumberFormat;

const RULES: &[Rule] = &[Rule {
    id: "number/format",
    severity: Severity::Error,
    summary: "a number written in another language's notation, with the rewrite",
    explanation: "A number that cannot be read in the notation of the document's language and \
        region, as CLDR gives it: \"3,5%\" in English, \"1,500.5\" in Spanish, \"1.500.000\" in \
        English. A lone foreign decimal mark is reported only on a measured quantity (a \
        percentage, a scale word, a unit), so versions and clause numbers are left alone; the \
        one ambiguous shape reported is three decimals ending in zeros before a scale word \
        (\"€1.500 million\"). `--fix` applies the rewrite where the reading is unambiguous.",
    example: Example::text("en", "Inflation rose to 3,5% in March."),
}];

impl Check for NumberFormat {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn run(&self, cx: &Context<'_>) -> Vec<Finding> {
        let own = conventions(&cx.doc.lang);
        if !own.known {
            return Vec::new();
        }
        let text = &cx.doc.prose;
        let mut out = Vec::new();
        for (span, run) in runs(text) {
            if run.seps.is_empty() {
                continue;
            }
            let Some(problem) = problem(&run, &own, &span, text, cx) else {
                continue;
            };
            let written = &text[span.clone()];
            let lang = language_name(&cx.doc.lang);
            let (message, suggestions, fix) = match problem {
                Problem::Foreign(rewritten) => (
                    format!(
                        "{} is not written in {lang} notation: {lang} writes {}",
                        q(written),
                        q(&rewritten)
                    ),
                    vec![rewritten.clone()],
                    Some(rewritten),
                ),
                Problem::Unclear {
                    as_decimal,
                    as_grouped,
                } => (
                    format!(
                        "{} is not written in {lang} notation: {lang} writes {}, or {} for {}",
                        q(written),
                        q(&as_decimal),
                        q(&as_grouped),
                        plain(&as_grouped)
                    ),
                    vec![as_decimal, as_grouped],
                    None,
                ),
                Problem::Misleading {
                    as_decimal,
                    as_grouped,
                } => (
                    format!(
                        "{} reads as {} in {lang}; {lang} writes {} for {}",
                        q(written),
                        q(&as_decimal),
                        q(&as_grouped),
                        plain(&as_grouped)
                    ),
                    vec![as_grouped],
                    None,
                ),
            };
            let mut finding =
                cx.finding("number/format", Severity::Error, span, message, suggestions);
            finding.fix = fix.map(|replacement| Fix {
                byte_start: finding.byte_start,
                byte_end: finding.byte_end,
                replacement,
            });
            out.push(finding);
        }
        out
    }
}

enum Problem {
    /// Readable only in the other notation: the rewrite in the document's notation.
    Foreign(String),
    /// Readable in neither notation of the language, and two ways in the other ("1.500" in
    /// French): both rewrites.
    Unclear {
        as_decimal: String,
        as_grouped: String,
    },
    /// Readable in the language's notation, most likely meant in the other one.
    Misleading {
        as_decimal: String,
        as_grouped: String,
    },
}

fn problem(
    run: &Run<'_>,
    own: &Conventions,
    span: &Range<usize>,
    text: &str,
    cx: &Context<'_>,
) -> Option<Problem> {
    let foreign = own.foreign();
    let theirs = run.read(&foreign);
    match run.read(own) {
        None => {
            let r = theirs?;
            // A lone decimal mark is also how versions, sections and scores are written
            // ("Windows 8.1", "Artikel 3.5"): a measured quantity, or a plain count that no
            // name or label comes before ("una magnitud de 7.5"), is a number.
            if !r.grouped
                && !measured(cx.quantities(), span)
                && !plain_count(cx.quantities(), span, text)
            {
                return None;
            }
            // "1.500" in French or Russian: grouping the wrong way, or a decimal point.
            if !r.grouped
                && r.fraction.as_ref().is_some_and(|f| f.len() == 3)
                && own.grouping.is_none()
            {
                let frac = r.fraction.as_deref().map(|f| f.trim_end_matches('0'));
                return Some(Problem::Unclear {
                    as_decimal: own.format(&r.integer, frac.filter(|f| !f.is_empty())),
                    as_grouped: own.format(
                        &format!("{}{}", r.integer, r.fraction.as_deref().unwrap_or("")),
                        None,
                    ),
                });
            }
            Some(Problem::Foreign(
                own.format(&r.integer, r.fraction.as_deref()),
            ))
        }
        Some(mine) => {
            // "1.500 million" in English, "1,500 millones" in Spanish: three decimals ending
            // in zeros before a scale word is a thousands group in the other notation.
            let r = theirs?;
            let frac = mine.fraction.as_deref()?;
            // So is a comma and exactly three digits on a count ("más de 820,000 personas"):
            // a decimal that precise is written with a unit.
            let three = !mine.grouped && r.grouped && frac.len() == 3 && mine.integer != "0";
            let tell = three
                && ((frac.ends_with("00") && scale_follows(&text[span.end..]))
                    || plain_count(cx.quantities(), span, text));
            tell.then(|| Problem::Misleading {
                as_decimal: own.format(&mine.integer, Some(frac.trim_end_matches('0'))),
                as_grouped: own.format(&r.integer, None),
            })
        }
    }
}

/// Whether the number at `span` is a percentage, money, a measure or carries a scale word.
fn measured(quantities: &[Quantity], span: &Range<usize>) -> bool {
    // In order and apart: the only quantity that can hold `span` starts last at or before it.
    let i = quantities.partition_point(|q| q.span.start <= span.start);
    i.checked_sub(1)
        .map(|k| &quantities[k])
        .filter(|q| span.end <= q.span.end)
        .is_some_and(|q| {
            matches!(q.unit, Unit::Percent | Unit::Money(_) | Unit::Measure(_))
                || (q.unit == Unit::Count && q.span.end > span.end && !q.ordinal)
        })
}

/// Whether the number at `span` is a plain count in running text: not a time, a date, an
/// ordinal or a measure, and not after a capitalised word inside a sentence ("Windows 8.1",
/// "Artikel 3.5", "Boeing 737") nor after a section sign.
fn plain_count(quantities: &[Quantity], span: &Range<usize>, text: &str) -> bool {
    let i = quantities.partition_point(|q| q.span.start <= span.start);
    let Some(q) = i.checked_sub(1).map(|k| &quantities[k]) else {
        return false;
    };
    if span.end > q.span.end || q.unit != Unit::Count || q.ordinal {
        return false;
    }
    let before = text[..span.start].trim_end_matches([' ', '\u{a0}']);
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| crate::chars::is_alphanumeric(*c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let rest = before[..before.len() - word.len()].trim_end();
    let opens = rest.is_empty() || rest.ends_with(['.', '!', '?', ':', '"', '“', '«']);
    let label = word.starts_with(crate::chars::is_uppercase) && !opens;
    !label && !before.ends_with(['§', '#', '№'])
}

/// Whether a scale word of any language the number rules read follows: a number copied from
/// another language keeps that language's scale word ("1.500 millones").
fn scale_follows(rest: &str) -> bool {
    let word: String = rest
        .trim_start_matches([' ', '\u{a0}', '\u{202f}'])
        .chars()
        .take_while(|c| crate::chars::is_alphabetic(*c))
        .collect();
    if word.is_empty() || !rest.starts_with([' ', '\u{a0}', '\u{202f}']) {
        return false;
    }
    let key = word.to_lowercase();
    [
        "en", "es", "fr", "de", "it", "pt", "nl", "ru", "pl", "uk", "cs",
    ]
    .iter()
    .filter_map(|l| LangTag::parse(l).ok())
    .any(|l| crate::numbers::is_scale_word(&key, &l))
}

/// A number without grouping, for prose: "1500".
fn plain(formatted: &str) -> String {
    formatted.chars().filter(char::is_ascii_digit).collect()
}

/// The language's English name for messages ("Spanish"), or its tag.
pub(super) fn language_name(lang: &LangTag) -> String {
    let p = lang.primary();
    let name = match p.len() {
        2 => isolang::Language::from_639_1(p),
        _ => isolang::Language::from_639_3(p),
    };
    match (name, lang.region()) {
        (Some(l), None) => l.to_name().to_string(),
        (Some(l), Some(_)) => format!("{} ({lang})", l.to_name()),
        (None, _) => lang.to_string(),
    }
}

//! Numbers in words, read from the tokens the digit stages left free: vague quantities
//! ("dozens"), words that imply a number ("decade"), ordinal words, an article with a unit
//! ("a mile"), and maximal runs of tokens that parse as one cardinal ("twenty-one", "dos mil
//! millones", "двадцять п'ять").

use std::collections::HashSet;
use std::sync::OnceLock;

use super::ordinals::{implied_number, is_determiner, is_title_after_ordinal, ordinal_word};
use super::quantity::{Quantity, Unit, Written};
use super::units::{Kind, percent_before, unit_after, unit_after_words};
use super::vague::magnitude;
use super::view::View;
use super::words::{
    ARTICLES, is_hundred_word, parse_cardinal, parse_cardinal_loose, possessive_ending, scale_word,
};
use crate::token::Gap;

/// Twenty, thirty... ninety: the tens a decade is named by.
fn is_tens(value: u64) -> bool {
    value.is_multiple_of(10) && (20..=90).contains(&value)
}

/// Whether token `j`, one space from the number word at `i`, is a plural word for years that
/// names a decade (`data/numbers/decade-years.tsv`).
fn years_beside(v: &View<'_>, i: usize, j: usize) -> bool {
    static T: OnceLock<HashSet<(&'static str, &'static str)>> = OnceLock::new();
    let words = T.get_or_init(|| {
        include_str!("../../data/numbers/decade-years.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .collect()
    });
    let list = &v.toks.list;
    // The gap of the later of the two tokens is the one between them.
    j < list.len()
        && list[i.max(j)].gap == Gap::Space
        && words.contains(&(v.lang.primary(), v.key(j)))
}

/// What a reader made of the words at a token: maybe a quantity, and the token to go on from.
struct Step {
    quantity: Option<Quantity>,
    next: usize,
}

/// Every number in words among the tokens not `used` by a number in digits.
pub(super) fn numbers_in_words(v: &View<'_>, used: &[bool], out: &mut Vec<Quantity>) {
    let mut i = 0;
    while i < v.toks.len() {
        if used[i] {
            i += 1;
            continue;
        }
        let step = vague(v, used, i)
            .or_else(|| implied(v, i))
            .or_else(|| ordinal(v, i))
            .or_else(|| article_with_unit(v, i))
            .unwrap_or_else(|| cardinal(v, used, i));
        out.extend(step.quantity);
        i = step.next.max(i + 1);
    }
}

/// The first token from `i` on that starts at or after `offset`.
fn token_after(v: &View<'_>, i: usize, offset: usize) -> usize {
    i + v.toks.list[i..].partition_point(|t| t.start < offset)
}

/// "dozens", "decenas de miles", "Zehntausende": a magnitude.
fn vague(v: &View<'_>, used: &[bool], i: usize) -> Option<Step> {
    // The words from `i` on, while they are free and one space or a hyphen apart
    // ("double-digit").
    let key_at = |k: usize| {
        let t = i + k;
        (t < v.toks.len()
            && !used[t]
            && (k == 0 || matches!(v.toks.list[t].gap, Gap::Space | Gap::Hyphen)))
        .then(|| v.key(t))
    };
    let (n, power) = magnitude(v.lang.primary(), key_at)?;
    let span = v.toks.list[i].start..v.toks.list[i + n - 1].end;
    Some(Step {
        quantity: Some(Quantity::new(
            span,
            f64::from(power),
            Unit::Magnitude,
            Written::Words,
        )),
        next: i + n,
    })
}

/// "decade", "dozen", "quintuple", "une quarantaine", "anderhalf" (one and a half), with a
/// scale word after it ("anderhalf miljoen", 1.5 million).
fn implied(v: &View<'_>, i: usize) -> Option<Step> {
    // A word joined by a hyphen may be listed whole: "quarter-hour", "half-hour".
    let hyphened = v
        .toks
        .list
        .get(i + 1)
        .filter(|t| t.gap == Gap::Hyphen)
        .and_then(|_| {
            let word = format!("{}-{}", v.key(i), v.key(i + 1));
            implied_number(v.lang.primary(), &word)
        });
    let skip = usize::from(hyphened.is_some());
    let mut n = match hyphened {
        Some(n) => n,
        None => implied_number(v.lang.primary(), v.key(i))?,
    };
    let t = &v.toks.list[i];
    let mut end = v.toks.list[i + skip].end;
    let mut i = i + skip;
    // "a couple of decades", "un par de décadas": twenty years, written as two (of them).
    let list = &v.toks.list;
    let mut factor_written = None;
    if let Some(per) = list
        .get(i + 2)
        .filter(|t| t.gap == Gap::Space && list[i + 1].gap == Gap::Space)
        .filter(|_| IMPLIED_OF.contains(&(v.lang.primary(), v.key(i + 1))))
        .and_then(|_| implied_number(v.lang.primary(), v.key(i + 2)))
        .filter(|p| *p >= 10.0 && n < 10.0)
    {
        factor_written = Some(n);
        n *= per;
        end = list[i + 2].end;
        i += 2;
    }
    let mut next = i + 1;
    if let Some(factor) = v
        .toks
        .list
        .get(i + 1)
        .filter(|t| t.gap == Gap::Space)
        .and_then(|_| scale_word(v.key(i + 1), v.lang))
    {
        n *= factor;
        end = v.toks.list[i + 1].end;
        next = i + 2;
    }
    let mut q = Quantity::new(t.start..end, n, Unit::Count, Written::Implied);
    if let Some(f) = factor_written {
        q.as_written = f;
    }
    if next == i + 2 {
        unit_after_words(v.text, v.lang, &mut q);
    }
    let next = token_after(v, i, q.span.end).max(next);
    Some(Step {
        quantity: Some(q),
        next,
    })
}

/// The word that joins a small implied number to a larger one ("a couple of decades").
const IMPLIED_OF: &[(&str, &str)] = &[("en", "of"), ("es", "de"), ("pt", "de")];

/// An ordinal word, when it is one here: not before a title ("premier ministre"), and the
/// ambiguous ones ("second", "segundo") only after a determiner and outside a compound.
fn ordinal(v: &View<'_>, i: usize) -> Option<Step> {
    let lang = v.lang.primary();
    let list = &v.toks.list;
    // "п’ятий": a word with an apostrophe inside is two tokens.
    let glued = usize::from(glued_by_apostrophe(v, i));
    let o = if glued == 1 {
        let word = crate::normalize::folded(&v.text[list[i].start..list[i + 1].end]);
        ordinal_word(lang, &word)?
    } else {
        ordinal_word(lang, v.key(i))?
    };
    let (start, i) = (i, i + glued);
    let next_is_title = list.get(i + 1).is_some_and(|t| {
        matches!(t.gap, Gap::Space | Gap::Hyphen) && is_title_after_ordinal(v.key(i + 1))
    });
    let in_compound = list.get(i + 1).is_some_and(|t| t.gap == Gap::Hyphen);
    let determined = start
        .checked_sub(1)
        .is_some_and(|p| is_determiner(lang, v.key(p)));
    let counts = !next_is_title && (!o.needs_determiner || (determined && !in_compound));
    let quantity = counts.then(|| {
        let span = list[start].start..list[i].end;
        let years = years_beside(v, start, start.wrapping_sub(1)) || years_beside(v, i, i + 1);
        if is_tens(o.value) && years {
            return Quantity::new(span, o.value as f64, Unit::Decade, Written::Words);
        }
        let mut q = Quantity::new(span, o.value as f64, Unit::Count, Written::Words);
        q.ordinal = true;
        q
    });
    Some(Step {
        quantity,
        next: i + 1,
    })
}

/// "a mile", "un kilómetro": an article with a unit is one of it. Often loose ("a ton of
/// work"): matched, never reported alone.
fn article_with_unit(v: &View<'_>, i: usize) -> Option<Step> {
    if !ARTICLES.contains(&v.key(i)) {
        return None;
    }
    let t = &v.toks.list[i];
    let (n, u) = unit_after(v.lang.primary(), &v.text[t.end..])?;
    let Kind::Measure(dim) = u.kind else {
        return None;
    };
    if n <= 1 {
        return None;
    }
    let end = t.end + n;
    let mut q = Quantity::new(
        t.start..end,
        u.factor + u.offset,
        Unit::Measure(dim),
        Written::Implied,
    );
    q.as_written = 1.0;
    Some(Step {
        quantity: Some(q),
        next: token_after(v, i, end),
    })
}

/// What the words of `data/numbers/number-contexts.tsv` say the number after them is.
#[derive(Clone, Copy, PartialEq)]
enum Context {
    Percent,
    Hour,
    Evening,
}

fn number_context(lang: &str, key: &str) -> Option<Context> {
    // Asked of the word before every word of every text: a map, not a scan of the rows.
    type Table = foldhash::HashMap<(&'static str, &'static str), Context>;
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut table = Table::default();
        let rows = include_str!("../../data/numbers/number-contexts.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                let context = match *cols.get(2)? {
                    "percent" => Context::Percent,
                    "hour" => Context::Hour,
                    "evening" => Context::Evening,
                    _ => return None,
                };
                Some(((*cols.first()?, *cols.get(1)?), context))
            });
        for (key, context) in rows {
            // The first row of a word decides, as the file is read.
            table.entry(key).or_insert(context);
        }
        table
    })
    .get(&(lang, key))
    .copied()
}

/// A number word with an ending, or a homograph, right after a word after which only a number
/// stands: "yüzde ona" (to ten per cent), "sabahın altısı" (six in the morning), "saat on
/// ikide" (at twelve o'clock). One or two words.
fn in_number_context(v: &View<'_>, used: &[bool], i: usize) -> Option<Step> {
    let list = &v.toks.list;
    let context = number_context(v.lang.primary(), v.key(i.checked_sub(1)?))?;
    if list[i].gap != Gap::Space {
        return None;
    }
    let two = list
        .get(i + 1)
        .is_some_and(|t| t.gap == Gap::Space && !used[i + 1]);
    let (end, value) = [two.then_some(i + 1), Some(i)]
        .into_iter()
        .flatten()
        .find_map(|last| {
            let n = parse_cardinal_loose(&v.text[list[i].start..list[last].end], v.lang)?;
            Some((last, n))
        })?;
    let span = list[i].start..list[end].end;
    let q = match context {
        Context::Percent => {
            let start = list[i - 1].start;
            Quantity::new(start..span.end, value as f64, Unit::Percent, Written::Words)
        }
        Context::Hour | Context::Evening if (1..=24).contains(&value) => {
            let hour = if context == Context::Evening && value < 12 {
                value + 12
            } else {
                value
            };
            Quantity::new(span, (hour % 24 * 60) as f64, Unit::Time, Written::Words)
        }
        _ => return None,
    };
    Some(Step {
        quantity: Some(q),
        next: end + 1,
    })
}

/// Plural articles after which tens in the plural name a decade: Mexican Spanish "los
/// ochentas" (the eighties).
const DECADE_ARTICLES: &[(&str, &str)] = &[("es", "los")];

/// Tens in the plural after a plural article ("los ochentas"): a decade.
fn plural_decade(v: &View<'_>, i: usize) -> Option<Quantity> {
    let lang = v.lang.primary();
    let article = i.checked_sub(1).map(|p| v.key(p))?;
    if !DECADE_ARTICLES.contains(&(lang, article)) || v.toks.list[i].gap != Gap::Space {
        return None;
    }
    let tens = parse_cardinal(v.key(i).strip_suffix('s')?, v.lang).filter(|&n| is_tens(n))?;
    let t = &v.toks.list[i];
    Some(Quantity::new(
        t.start..t.end,
        tens as f64,
        Unit::Decade,
        Written::Words,
    ))
}

/// The token after `j` when an apostrophe glues it to `j`: Ukrainian writes one inside number
/// words ("п'ять", "дев'ятьох").
fn glued_by_apostrophe(v: &View<'_>, j: usize) -> bool {
    v.toks
        .list
        .get(j + 1)
        .is_some_and(|t| t.gap == Gap::Apostrophe)
}

/// The longest run of words from `i` that parses as one cardinal, with its unit.
fn cardinal(v: &View<'_>, used: &[bool], i: usize) -> Step {
    let (text, lang, list) = (v.text, v.lang, &v.toks.list);
    // "сім'я" (family) is not "сім": the word is the tokens on both sides of an apostrophe.
    let glued = usize::from(glued_by_apostrophe(v, i) && !used[i + 1]);
    let first_value = parse_cardinal(&text[list[i].start..list[i + glued].end], lang);
    if first_value.is_none() {
        if let Some(step) = in_number_context(v, used, i) {
            return step;
        }
        if let Some(q) = plural_decade(v, i) {
            return Step {
                quantity: Some(q),
                next: i + 1,
            };
        }
        return Step {
            quantity: None,
            next: i + 1 + glued,
        };
    }
    let (end, value) = longest_run(v, used, i, i + 1 + glued, first_value);
    let Some(value) = value else {
        return Step {
            quantity: None,
            next: end,
        };
    };
    // A scale word alone ("millions of dollars", "milionů dolarů", Czech "několik set", several
    // hundred) is loose: matched, never reported alone.
    let lone_scale = end == i + 1 + glued
        && (scale_word(v.key(i), lang).is_some() || is_hundred_word(v.key(i), lang));
    // A word that is as often another word ("venti", winds; "sei", you are) counts when the
    // other text has its number, and is never reported alone.
    let homograph = end == i + 1 + glued && super::words::is_homograph(lang.primary(), v.key(i));
    let written = if lone_scale || homograph {
        Written::Implied
    } else {
        Written::Words
    };
    let mut q = Quantity::new(
        list[i].start..list[end - 1].end,
        value as f64,
        Unit::Count,
        written,
    );
    // "two decades", "drei Dutzend": a number of a word that implies one is their product.
    if let Some(t) = list.get(end).filter(|t| t.gap == Gap::Space)
        && let Some(per) = implied_number(lang.primary(), v.key(end)).filter(|p| *p >= 10.0)
    {
        q.value *= per;
        q.as_written = q.value;
        q.span.end = t.end;
        q.written = Written::Implied;
    }
    // "los años ochenta": tens after a word for years name a decade.
    if is_tens(value) && written == Written::Words && years_beside(v, i, i.wrapping_sub(1)) {
        q.unit = Unit::Decade;
        return Step {
            quantity: Some(q),
            next: end,
        };
    }
    unit_after_words(text, lang, &mut q);
    percent_before(text, lang.primary(), &mut q);
    // "ikisi" (two of them), "dördünü" (the four of them): a number as a noun is matched,
    // never reported alone; "yüzde elli sekizi" (58 per cent of it) is still a percentage.
    if q.unit == Unit::Count
        && q.written == Written::Words
        && possessive_ending(&text[q.span.clone()], lang)
    {
        q.written = Written::Implied;
    }
    // An article alone is a number only with a unit: "un kilómetro", "uno por ciento".
    let lone_article = end == i + 1 && ARTICLES.contains(&v.key(i));
    if lone_article && q.unit == Unit::Count {
        return Step {
            quantity: None,
            next: end,
        };
    }
    let next = token_after(v, i, q.span.end);
    Step {
        quantity: Some(q),
        next,
    }
}

/// The most words one cardinal takes ("one million two hundred and thirty-four thousand five
/// hundred and sixty-seven" is 14): a longer run of number words is several numbers.
const LONGEST_RUN: usize = 24;

/// Extends a cardinal from token `i` while the words still parse together; a connector
/// ("and", "y", "et") only counts when a number follows it. The token after the run and the
/// run's value.
fn longest_run(
    v: &View<'_>,
    used: &[bool],
    i: usize,
    mut j: usize,
    first: Option<u64>,
) -> (usize, Option<u64>) {
    let (text, lang, list) = (v.text, v.lang, &v.toks.list);
    let mut best = (j, first);
    while j < list.len()
        && j - i < LONGEST_RUN
        && !used[j]
        && matches!(list[j].gap, Gap::Space | Gap::Hyphen)
    {
        // The next word, with what an apostrophe glues to it ("двадцять п'ять").
        let last = if glued_by_apostrophe(v, j) { j + 1 } else { j };
        match parse_cardinal(&text[list[i].start..list[last].end], lang) {
            Some(value) => {
                best = (last + 1, Some(value));
                j = last + 1;
            }
            None if j + 1 < list.len()
                && parse_cardinal(&text[list[i].start..list[j + 1].end], lang).is_some() =>
            {
                j += 1
            }
            None => break,
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::LangTag;
    use crate::token::tokenize_str;

    fn words(lang: &str, text: &str) -> Vec<(String, f64, bool)> {
        let lang: LangTag = lang.parse().unwrap();
        let toks = tokenize_str(text);
        let v = View {
            text,
            toks: &toks,
            lang: &lang,
        };
        let mut out = Vec::new();
        numbers_in_words(&v, &vec![false; toks.len()], &mut out);
        out.into_iter()
            .map(|q| {
                (
                    text[q.span].to_string(),
                    q.value,
                    q.written == Written::Implied,
                )
            })
            .collect()
    }

    #[test]
    fn each_reader_in_turn() {
        assert_eq!(words("en", "dozens of"), [("dozens".into(), 1.0, false)]);
        assert_eq!(words("en", "a decade"), [("decade".into(), 10.0, true)]);
        assert_eq!(
            words("en", "the second time"),
            [("second".into(), 2.0, false)]
        );
        assert_eq!(words("en", "wait a second"), []);
        assert_eq!(words("en", "a mile away")[0].0, "a mile");
        assert_eq!(
            words("en", "twenty-one and a half"),
            [("twenty-one".into(), 21.0, false)]
        );
        assert_eq!(
            words("en", "millions of"),
            [("millions".into(), 6.0, false)]
        );
        assert_eq!(words("es", "dos mil"), [("dos mil".into(), 2000.0, false)]);
        assert_eq!(
            words("uk", "двадцять п'ять"),
            [("двадцять п'ять".into(), 25.0, false)]
        );
        assert_eq!(words("uk", "сім'я"), []);
        assert_eq!(words("ru", "семью"), [("семью".into(), 7.0, true)]);
        assert_eq!(words("it", "i venti forti"), [("venti".into(), 20.0, true)]);
        assert_eq!(words("it", "ventidue"), [("ventidue".into(), 22.0, false)]);
    }

    #[test]
    fn words_written_with_a_hyphen() {
        // A magnitude and an implied number across a hyphen.
        assert_eq!(
            words("en", "a double-digit rise"),
            [("double-digit".into(), 1.0, false)]
        );
        assert_eq!(
            words("en", "the party made a U-turn"),
            [("U-turn".into(), 180.0, true)]
        );
        assert_eq!(
            words("en", "the quarter-hour mark"),
            [("quarter-hour".into(), 15.0, true)]
        );
        assert_eq!(
            words("cs", "přes tisícovku diváků"),
            [("tisícovku".into(), 1000.0, true)]
        );
        assert_eq!(
            words("cs", "osm miliónů voličů"),
            [("osm miliónů".into(), 8e6, false)]
        );
    }
}

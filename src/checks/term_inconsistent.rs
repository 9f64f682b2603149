//! `term/inconsistent`: one source expression translated two ways in one target document:
//! a glossary term rendered with different approved forms, or a repeated source sentence or
//! quotation (the same quote given twice) translated differently each time.

use std::collections::BTreeMap;
use std::ops::Range;

use super::{Example, PairCheck, PairContext, Rule, q};
use crate::bilingual::UnitPair;
use crate::bilingual::quotes::quotations;
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::glossary::{Kind, Status};
use crate::normalize::folded;

pub struct TermInconsistent;

/// A repeated source expression must have at least this many words to count.
const MIN_QUOTE_WORDS: usize = 3;
const MIN_SENTENCE_WORDS: usize = 5;

/// Where a rendering is, how it reads once normalised, and its words' spans.
struct Rendering {
    span: Range<usize>,
    key: String,
    words: Vec<Range<usize>>,
}

impl Rendering {
    fn of(doc: &Document, span: Range<usize>, key: Option<String>) -> Rendering {
        let toks: Vec<usize> = crate::bilingual::tokens_in(doc, &span)
            .filter(|&i| doc.tokens.list[i].end <= span.end)
            .collect();
        let words = toks.iter().map(|&i| doc.tokens.list[i].span()).collect();
        let key = key.unwrap_or_else(|| {
            toks.iter()
                .map(|&i| doc.tokens.key(i))
                .collect::<Vec<_>>()
                .join(" ")
        });
        Rendering { span, key, words }
    }
}

const RULES: &[Rule] = &[Rule {
    id: "term/inconsistent",
    severity: Severity::Warning,
    summary: "one source term, sentence or quotation translated two ways in one document",
    explanation: "Bilingual: the same source expression rendered differently in one \
        translation: a glossary term given with two different approved forms, or a repeated \
        source sentence or quotation (a quote given twice) translated differently each time. \
        A reader sees two wordings of one thing; pick one. Short quotations and sentences are \
        not compared.",
    example: Example::pair(
        "es",
        "La ministra dijo: \"Europa no puede permitirse otro invierno de dependencia\".\n\n\
         Al cierre de la cumbre repitió: \"Europa no puede permitirse otro invierno de dependencia\".",
        "en",
        "The minister said: \"Europe cannot afford another winter of dependence.\"\n\n\
         At the close of the summit she repeated: \"Europe can't allow itself another winter of reliance.\"",
    ),
}];

impl PairCheck for TermInconsistent {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn run(&self, cx: &PairContext<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        // Glossary terms: which approved form each occurrence uses.
        let mut by_entry: BTreeMap<(usize, usize), Vec<Rendering>> = BTreeMap::new();
        for unit in cx.aligned_units() {
            let source = PairContext::matches_in(cx.source_matches, &unit.source);
            for t in PairContext::matches_in(cx.target.matches, &unit.target) {
                let key = (t.form.glossary, t.form.entry);
                let entry = cx.target.glossaries.entry(key.0, key.1);
                let in_source = source
                    .iter()
                    .any(|s| (s.form.glossary, s.form.entry) == key);
                if entry.kind == Kind::Term && t.form.status != Status::Deprecated && in_source {
                    by_entry.entry(key).or_default().push(Rendering::of(
                        &cx.pair.target,
                        t.span.clone(),
                        Some(folded(&t.form.form)),
                    ));
                }
            }
        }
        for (key, renderings) in by_entry {
            let entry = cx.target.glossaries.entry(key.0, key.1);
            let what = format!("the glossary term {}", entry.id);
            report(cx, &what, &renderings, false, &mut out);
        }
        // Repeated source sentences and quotations.
        let mut repeated: BTreeMap<String, Vec<Rendering>> = BTreeMap::new();
        for unit in cx.aligned_units() {
            for (source_key, target_span) in repeats(cx, unit) {
                repeated.entry(source_key).or_default().push(Rendering::of(
                    &cx.pair.target,
                    target_span,
                    None,
                ));
            }
        }
        for (source_key, renderings) in repeated {
            let quoted = source_key.starts_with('q');
            let what = if quoted {
                "the same source quotation"
            } else {
                "the same source sentence"
            };
            report(cx, what, &renderings, quoted, &mut out);
        }
        out
    }
}

/// The source expressions of a unit that may repeat, each with its target counterpart: the
/// whole segment, and each quotation matched with the target quotation in the same place.
fn repeats(cx: &PairContext<'_>, unit: &UnitPair) -> Vec<(String, Range<usize>)> {
    let (s, t) = (&cx.pair.source, &cx.pair.target);
    let mut out = Vec::new();
    let whole = words(s, &unit.source);
    if whole.split(' ').count() >= MIN_SENTENCE_WORDS {
        out.push((format!("s{whole}"), unit.target.clone()));
    }
    let sq = quotations(&s.text, unit.source.clone());
    let tq = quotations(&t.text, unit.target.clone());
    for (i, r) in sq.iter().enumerate() {
        let key = words(s, r);
        if key.split(' ').count() < MIN_QUOTE_WORDS {
            continue;
        }
        // Same count: the i-th; otherwise the quotation at the nearest relative position.
        let counterpart = if sq.len() == tq.len() {
            tq.get(i).cloned()
        } else {
            let rel = |r: &Range<usize>, u: &Range<usize>| {
                (r.start - u.start) as f64 / (u.len().max(1)) as f64
            };
            let want = rel(r, &unit.source);
            tq.iter()
                .min_by(|a, b| {
                    (rel(a, &unit.target) - want)
                        .abs()
                        .total_cmp(&(rel(b, &unit.target) - want).abs())
                })
                .cloned()
        };
        if let Some(c) = counterpart {
            out.push((format!("q{key}"), c));
        }
    }
    out
}

/// The folded words of a span, space-separated: case and punctuation do not count.
fn words(doc: &Document, span: &Range<usize>) -> String {
    Rendering::of(doc, span.clone(), None).key
}

/// Reports every rendering that differs from the most frequent one (the first, on a tie).
fn report(
    cx: &PairContext<'_>,
    what: &str,
    renderings: &[Rendering],
    quoted: bool,
    out: &mut Vec<Finding>,
) {
    if renderings.len() < 2 {
        return;
    }
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new(); // key -> (count, first index)
    for (i, r) in renderings.iter().enumerate() {
        let e = counts.entry(&r.key).or_insert((0, i));
        e.0 += 1;
    }
    if counts.len() < 2 {
        return;
    }
    let (reference_key, _) = counts
        .iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
        .map(|(k, v)| (*k, *v))
        .unwrap_or(("", (0, 0)));
    let reference: Vec<&Rendering> = renderings
        .iter()
        .filter(|r| r.key == reference_key)
        .collect();
    let text = &cx.pair.target.text;
    // A quotation the monolingual rule already reports as reworded is not reported twice.
    let by_quote_rule = |r: &Rendering| {
        let (a, b) = if r.span.start < reference[0].span.start {
            (&r.span, &reference[0].span)
        } else {
            (&reference[0].span, &r.span)
        };
        quoted
            && !cx
                .target
                .options
                .disabled_rules
                .contains("quote/inconsistent")
            && super::quote_inconsistent::reworded(&cx.target, a, b)
    };
    for r in renderings
        .iter()
        .filter(|r| r.key != reference_key && !by_quote_rule(r))
    {
        let (here, there) = difference(text, r, reference[0]);
        let at = cx.pair.target.position(reference[0].span.start);
        let message = format!(
            "{what} is translated differently here ({}) than at {}:{} ({})",
            q(&here),
            at.line,
            at.column,
            q(&there)
        );
        let mut f = cx.target.finding(
            "term/inconsistent",
            Severity::Warning,
            r.span.clone(),
            message,
            vec![text[reference[0].span.clone()].to_string()],
        );
        f.related = reference
            .iter()
            .take(5)
            .map(|x| cx.target.related(x.span.clone()))
            .collect();
        out.push(f);
    }
}

/// The words where two renderings differ, as written, their shared beginning and end left
/// out.
fn difference(text: &str, a: &Rendering, b: &Rendering) -> (String, String) {
    let (ka, kb): (Vec<&str>, Vec<&str>) = (a.key.split(' ').collect(), b.key.split(' ').collect());
    if ka.len() != a.words.len() || kb.len() != b.words.len() {
        // A glossary rendering: its key is the glossary form, not the words.
        return (
            text[a.span.clone()].to_string(),
            text[b.span.clone()].to_string(),
        );
    }
    let pre = ka.iter().zip(&kb).take_while(|(x, y)| x == y).count();
    let suf = ka[pre..]
        .iter()
        .rev()
        .zip(kb[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let part = |words: &[Range<usize>], from: usize, to: usize| {
        if from >= to {
            "…".to_string()
        } else {
            text[words[from].start..words[to - 1].end].to_string()
        }
    };
    (
        part(&a.words, pre, ka.len() - suf),
        part(&b.words, pre, kb.len() - suf),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_leave_out_the_shared_words() {
        let text = "a global political solution. a comprehensive political solution. We can't win. We cannot win.";
        let doc = Document::new(
            "t",
            text.to_string(),
            crate::text::Encoding::Utf8,
            crate::markup::Format::Plain,
            |_| ("en".parse().unwrap(), crate::document::LangSource::Given),
        );
        let r = |s: &str| {
            let a = text.find(s).unwrap();
            Rendering::of(&doc, a..a + s.len(), None)
        };
        let (g, c) = (
            r("a global political solution"),
            r("a comprehensive political solution"),
        );
        assert_eq!(
            difference(text, &g, &c),
            ("global".to_string(), "comprehensive".to_string())
        );
        let (x, y) = (r("We can't win"), r("We cannot win"));
        assert_eq!(
            difference(text, &x, &y),
            ("can't".to_string(), "cannot".to_string())
        );
    }
}

//! `quote/inconsistent`: one quotation given twice in an article with different words. A wire
//! story often opens with part of a statement and quotes it in full further down; a translator
//! who translated both places separately leaves two wordings of what was said once.
//!
//! Two quotations are taken for one when most of the shorter one's words (at least four, two of
//! them content words) occur in the longer one in order, packed into a stretch not much longer than
//! the shorter quotation. A shorter quotation found word for word inside the longer one is a
//! partial quote that agrees; an ellipsis stands for any words.

use std::collections::HashMap;
use std::ops::Range;

use super::{Check, Context, Example, Rule, q};
use crate::bilingual::quotes::quotations;
use crate::bilingual::tokens_in;
use crate::finding::{Finding, Severity};
use crate::token::Gap;

pub struct QuoteInconsistent;

const RULES: &[Rule] = &[Rule {
    id: "quote/inconsistent",
    severity: Severity::Warning,
    summary: "one quotation given twice in an article with different words",
    explanation: "The same quotation given twice in one article (a partial quote early, the \
        full statement later) with different words, as when a translator translated both \
        places separately. The later one is reported with the differing words, the earlier one \
        as related. Two different quotations, a partial quote that agrees, words left out at an \
        ellipsis, paraphrase outside quotation marks and differences of punctuation, case, \
        quotation marks, short words or grammatical endings are left alone. Give the statement \
        in one wording.",
    example: Example::text(
        "en",
        "The union said the port had left them \"no choice but to stand together\".\n\n\
         \"The port has left us no option but to stand together,\" the organiser said.",
    ),
}];

/// A quotation needs this many words to be recognised again.
const MIN_WORDS: usize = 5;
/// Words shorter than this carry little of a quotation's meaning ("we", "the", "не").
const CONTENT_LETTERS: usize = 4;
/// Words, and content words among them, two quotations must share.
const MIN_MATCHED: usize = 4;
const MIN_CONTENT: usize = 2;
/// Share of the shorter quotation's words, in tenths, that must be found in the longer.
const MIN_SHARE: usize = 7;
/// The same, in tenths, when the two differ only at one end of the shared words.
const EDGE_SHARE: usize = 9;
/// Two words are one word in two grammatical forms when they share this many letters at the
/// start and differ only in the last three: a partial quote takes the case or person of the
/// sentence around it ("jedrsko" / "jedrska", "наносит" / "наносящих"); a short word may
/// change its last letter only ("legt" / "legen").
const STEM_LETTERS: usize = 4;
const ENDING_LETTERS: usize = 3;
/// Quotations compared per document and words per quotation: beyond that the cost of aligning
/// would grow with the square of a hostile input.
const MAX_QUOTES: usize = 400;
const MAX_WORDS: usize = 200;
/// Earlier quotations a quotation is compared with, those sharing most content words first.
const CANDIDATES: usize = 8;

struct Quote {
    span: Range<usize>,
    /// Folded words, and their spans in the text.
    words: Vec<String>,
    spans: Vec<Range<usize>>,
    /// Word positions followed by an ellipsis: words may be left out there.
    elided: Vec<bool>,
}

impl Check for QuoteInconsistent {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn run(&self, cx: &Context<'_>) -> Vec<Finding> {
        let quotes = collect(cx);
        // Content word → the quotations holding it, to find candidates without comparing all.
        let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut out = Vec::new();
        for (j, b) in quotes.iter().enumerate() {
            let mut shared: HashMap<usize, usize> = HashMap::new();
            let mut seen: Vec<&str> = Vec::new();
            for w in b.words.iter().filter(|w| is_content(w)) {
                if seen.contains(&w.as_str()) {
                    continue;
                }
                seen.push(w);
                for &i in index.get(w.as_str()).into_iter().flatten() {
                    *shared.entry(i).or_default() += 1;
                }
            }
            let mut candidates: Vec<(usize, usize)> = shared
                .into_iter()
                .filter(|&(_, n)| n >= MIN_CONTENT)
                .collect();
            candidates.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            let found = candidates
                .iter()
                .take(CANDIDATES)
                .find_map(|&(i, _)| compare(&quotes[i], b).map(|d| (i, d)));
            if let Some((i, diff)) = found {
                out.push(report(cx, &quotes[i], b, &diff));
            }
            for w in seen {
                index.entry(w).or_default().push(j);
            }
        }
        out
    }
}

/// Whether this rule reports the quotation at `later` as a rewording of the one at `earlier`
/// (both inner spans of quotations in `doc`).
pub(super) fn reworded(cx: &Context<'_>, earlier: &Range<usize>, later: &Range<usize>) -> bool {
    let quotes = collect(cx);
    let find = |r: &Range<usize>| quotes.iter().find(|q| q.span == *r);
    match (find(earlier), find(later)) {
        (Some(a), Some(b)) => compare(a, b).is_some(),
        _ => false,
    }
}

fn is_content(w: &str) -> bool {
    w.chars()
        .filter(|c| crate::chars::is_alphanumeric(*c))
        .count()
        >= CONTENT_LETTERS
        || w.chars().any(|c| c.is_ascii_digit())
}

/// The document's quotations, paragraph by paragraph, with their words.
fn collect(cx: &Context<'_>) -> Vec<Quote> {
    let doc = cx.doc;
    let mut out = Vec::new();
    for seg in &doc.segments {
        for span in quotations(&doc.prose, seg.clone()) {
            let toks: Vec<usize> = tokens_in(doc, &span)
                .filter(|&i| doc.tokens.list[i].end <= span.end)
                .collect();
            if toks.len() < MIN_WORDS || toks.len() > MAX_WORDS {
                continue;
            }
            // Words joined by an apostrophe ("can't", "l'Europe") are one word here.
            let mut words: Vec<String> = Vec::new();
            let mut spans: Vec<Range<usize>> = Vec::new();
            for &t in &toks {
                let tok = &doc.tokens.list[t];
                match (tok.gap, words.last_mut(), spans.last_mut()) {
                    (Gap::Apostrophe, Some(w), Some(s)) => {
                        w.push('\'');
                        w.push_str(doc.tokens.key(t));
                        s.end = tok.end;
                    }
                    _ => {
                        words.push(doc.tokens.key(t).to_string());
                        spans.push(tok.span());
                    }
                }
            }
            let elided = (0..spans.len())
                .map(|k| {
                    let next = spans.get(k + 1).map_or(span.end, |n| n.start);
                    let between = &doc.prose[spans[k].end..next];
                    between.contains('…') || between.contains("...")
                })
                .collect();
            out.push(Quote {
                span,
                words,
                spans,
                elided,
            });
            if out.len() == MAX_QUOTES {
                return out;
            }
        }
    }
    out
}

/// Where two renderings differ: word ranges in the earlier and in the later quotation.
struct Difference {
    earlier: Vec<Range<usize>>,
    later: Vec<Range<usize>>,
}

/// Whether `b` gives the quotation `a` again with other words, and where they differ.
fn compare(a: &Quote, b: &Quote) -> Option<Difference> {
    if a.words.len() == b.words.len() && a.words.iter().zip(&b.words).all(|(x, y)| same_word(x, y))
    {
        return None;
    }
    let a_short = a.words.len() <= b.words.len();
    let (short, long) = if a_short { (a, b) } else { (b, a) };
    if contains(&long.words, &short.words) {
        return None; // a partial quote that agrees
    }
    let pairs = lcs(&short.words, &long.words);
    let matched = pairs.len();
    let content = pairs
        .iter()
        .filter(|&&(s, _)| is_content(&short.words[s]))
        .count();
    if short.words.len() < MIN_WORDS
        || matched * 10 < short.words.len() * MIN_SHARE
        || matched < MIN_MATCHED
        || content < MIN_CONTENT
    {
        return None;
    }
    let (first, last) = (pairs[0].1, pairs[matched - 1].1);
    // The matched words must sit together in the longer quotation, not be scattered over it.
    if last + 1 - first > short.words.len() + short.words.len() / 2 + 2 {
        return None;
    }
    // Gaps of the alignment; the words before the first and after the last match pair up only
    // as far as both quotations have words there.
    let mut diff_short = Vec::new();
    let mut diff_long = Vec::new();
    let lead = pairs[0].0.min(first);
    if lead > 0 {
        diff_short.push(pairs[0].0 - lead..pairs[0].0);
        diff_long.push(first - lead..first);
    }
    let mut middle = false;
    for w in pairs.windows(2) {
        let ((s0, l0), (s1, l1)) = (w[0], w[1]);
        let (gs, gl) = (s0 + 1..s1, l0 + 1..l1);
        if gs.is_empty() && gl.is_empty() {
            continue;
        }
        // Words left out at an ellipsis of the shorter quotation.
        if gs.is_empty() && short.elided[s0] {
            continue;
        }
        diff_short.push(gs);
        diff_long.push(gl);
        middle = true;
    }
    let (s_end, l_end) = (pairs[matched - 1].0 + 1, last + 1);
    let trail = (short.words.len() - s_end).min(long.words.len() - l_end);
    if trail > 0 {
        diff_short.push(s_end..s_end + trail);
        diff_long.push(l_end..l_end + trail);
    }
    // Differences in short words alone ("el" / "al", an "and" added) are the grammar of the
    // sentence around a partial quote, not another wording.
    let has_content = |q: &Quote, ranges: &[Range<usize>]| {
        ranges
            .iter()
            .any(|r| q.words[r.clone()].iter().any(|w| is_content(w)))
    };
    if !(has_content(short, &diff_short) || has_content(long, &diff_long)) {
        return None;
    }
    // Two statements can share a clause ("… economic relations with another country"): when the
    // words differ only before or after one shared stretch, that stretch must be most of the
    // quotation.
    if !middle && matched * 10 < short.words.len() * EDGE_SHARE {
        return None;
    }
    let (earlier, later) = if a_short {
        (diff_short, diff_long)
    } else {
        (diff_long, diff_short)
    };
    Some(Difference { earlier, later })
}

/// Whether `needle` occurs as a contiguous run of words in `hay`.
fn contains(hay: &[String], needle: &[String]) -> bool {
    needle.is_empty()
        || hay
            .windows(needle.len())
            .any(|w| w.iter().zip(needle).all(|(x, y)| same_word(x, y)))
}

/// The same word, or one word in two grammatical forms (see [`STEM_LETTERS`]).
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    (common >= STEM_LETTERS && common + ENDING_LETTERS >= shorter)
        || (common + 1 >= STEM_LETTERS && common + 1 >= shorter)
}

/// A longest common subsequence of two word lists, as index pairs in order.
fn lcs(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut table = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if same_word(&a[i], &b[j]) {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        if same_word(&a[i], &b[j]) {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The words of `ranges` as written, each stretch in full, stretches joined by " … "; a side
/// whose stretches are all empty (words only the other side has) shows as "…".
fn shown(text: &str, quote: &Quote, ranges: &[Range<usize>]) -> String {
    let parts: Vec<&str> = ranges
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| &text[quote.spans[r.start].start..quote.spans[r.end - 1].end])
        .collect();
    if parts.is_empty() {
        "…".to_string()
    } else {
        parts.join(" … ")
    }
}

fn report(cx: &Context<'_>, earlier: &Quote, later: &Quote, diff: &Difference) -> Finding {
    let text = &cx.doc.text;
    let at = cx.doc.position(earlier.span.start);
    let message = format!(
        "the quotation given at {}:{} is worded differently here: {} where it had {}",
        at.line,
        at.column,
        q(&shown(text, later, &diff.later)),
        q(&shown(text, earlier, &diff.earlier)),
    );
    let mut f = cx.finding(
        "quote/inconsistent",
        Severity::Warning,
        later.span.clone(),
        message,
        Vec::new(),
    );
    f.related = vec![cx.related(earlier.span.clone())];
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str) -> Quote {
        let words: Vec<String> = text
            .split(' ')
            .map(|w| w.trim_end_matches('…').to_string())
            .collect();
        let elided = text.split(' ').map(|w| w.ends_with('…')).collect();
        let spans = (0..words.len()).map(|i| i..i + 1).collect();
        Quote {
            span: 0..1,
            words,
            spans,
            elided,
        }
    }

    /// The differing word ranges, earlier and later, as "start-end" lists.
    fn differs(a: &str, b: &str) -> Option<(String, String)> {
        let list = |v: &[Range<usize>]| {
            v.iter()
                .map(|r| format!("{}-{}", r.start, r.end))
                .collect::<Vec<_>>()
                .join(",")
        };
        compare(&quote(a), &quote(b)).map(|d| (list(&d.earlier), list(&d.later)))
    }

    #[test]
    fn the_same_words_or_a_part_of_them_agree() {
        assert!(differs("we will rebuild every town", "we will rebuild every town").is_none());
        assert!(differs("rebuild every town", "we will rebuild every town together").is_none());
        assert!(
            differs(
                "we will… every town together",
                "we will rebuild every town together"
            )
            .is_none()
        );
    }

    #[test]
    fn a_word_translated_twice_is_found() {
        let d = differs(
            "europe cannot afford another winter of dependence",
            "europe cannot allow another winter of dependence",
        );
        assert_eq!(d, Some(("2-3".to_string(), "2-3".to_string())));
        // A partial quote with one word changed, inside a longer one.
        let d = differs(
            "the ceasefire must hold in every village",
            "he said the ceasefire has to hold in every village of the north",
        );
        assert_eq!(d, Some(("2-3".to_string(), "4-6".to_string())));
    }

    #[test]
    fn different_quotations_stay_apart() {
        assert!(
            differs(
                "we will not give up our land",
                "the talks were long and very difficult"
            )
            .is_none()
        );
        // Scattered shared words are not one quotation.
        assert!(
            differs(
                "people want peace and people want bread",
                "people in the east told us they want an end to shelling and they want peace"
            )
            .is_none()
        );
    }
}

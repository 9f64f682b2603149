//! `name/inconsistent`: one name spelled two ways in one document (Antony / Anthony Blinken),
//! found without a glossary. Reported at the minority spelling, with the majority (or the
//! glossary's) spelling as the suggestion and its places as related.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::{Check, Context, Example, Rule, q};
use crate::finding::{Finding, Severity};
use crate::glossary::Status;
use crate::names::{Groups, Mention, VariantRules, mentions};
use crate::normalize::ascii_key;
use crate::token::Tokens;

pub struct NameInconsistent;

/// One place a spelling occurs: word `pos` of mention `mention`.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    mention: usize,
    pos: usize,
}

#[derive(Debug)]
struct Spelling {
    ascii: String,
    /// Some occurrence is certainly a name (not only a capitalised sentence opener).
    confirmed: bool,
    occurrences: Vec<Occurrence>,
    /// The glossary entry this spelling is a correct form of, if any.
    known: Option<(usize, usize)>,
}

/// How many occurrences of a spelling are compared for context; enough for any article.
const CONTEXT_SAMPLE: usize = 64;
/// Each spelling is compared with at most this many of the next spellings sharing its initial
/// (by length): a real article has a few dozen, so all pairs are compared there, while a text of
/// many thousands of distinct capitalised words costs linear time, not quadratic.
const MAX_COMPARED: usize = 256;
/// Related places listed with a finding.
const MAX_RELATED: usize = 5;

const RULES: &[Rule] = &[Rule {
    id: "name/inconsistent",
    severity: Severity::Warning,
    summary: "one name spelled two ways in one document",
    explanation: "The same name written two ways in one document, found without a glossary: \
        capitalised words whose transliterations are close are compared, and the minority \
        spelling is reported with the majority (or the glossary's) spelling and its places. \
        Derived forms (Armenia / Armenian), plurals, possessives and case endings, different \
        people who share a name and words that are merely close (Iran / Iraq) are left alone. \
        Settle on one spelling.",
    example: Example::text(
        "en",
        "Giorgi Tsertsvadze led the march through Tbilisi.\n\n\
         Tsertsvadze told the crowd that the country had made its choice. Later Tsertvadze \
         thanked the organisers.",
    ),
}];

impl Check for NameInconsistent {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn run(&self, cx: &Context<'_>) -> Vec<Finding> {
        let doc = cx.doc;
        let tokens = &doc.tokens;
        let mentions = mentions(tokens, &doc.lang);
        if mentions.len() < 2 {
            return Vec::new();
        }
        // Glossary knowledge per token: deprecated forms are the glossary check's business.
        let mut known: HashMap<usize, (usize, usize, Status)> = HashMap::new();
        for m in cx.matches {
            for t in m.tokens.clone() {
                known.insert(t, (m.form.glossary, m.form.entry, m.form.status));
            }
        }
        let mut spellings: BTreeMap<&str, Spelling> = BTreeMap::new();
        for (mi, mention) in mentions.iter().enumerate() {
            for (pos, &t) in mention.words.iter().enumerate() {
                let status = known.get(&t);
                if status.is_some_and(|k| k.2 == Status::Deprecated) {
                    continue;
                }
                let key = tokens.key(t);
                let s = spellings.entry(key).or_insert_with(|| Spelling {
                    ascii: ascii_key(key),
                    confirmed: false,
                    occurrences: Vec::new(),
                    known: None,
                });
                s.occurrences.push(Occurrence { mention: mi, pos });
                s.confirmed |= !mention.weak;
                if let Some(&(g, e, _)) = status {
                    s.known.get_or_insert((g, e));
                }
            }
        }
        let list: Vec<(&str, Spelling)> = spellings.into_iter().collect();
        let rules = VariantRules::new(&doc.lang);
        let clusters = cluster(&list, &mentions, tokens, &rules);
        let mut out = Vec::new();
        for members in clusters {
            report_cluster(cx, &list, &members, &mentions, &rules, &mut out);
        }
        out
    }
}

/// Groups spellings that are variants of each other and occur in compatible contexts.
fn cluster(
    list: &[(&str, Spelling)],
    mentions: &[Mention],
    tokens: &Tokens,
    rules: &VariantRules,
) -> Vec<Vec<usize>> {
    let n = list.len();
    let mut groups = Groups::new(n);
    // Block on the first letter class and compare only spellings of similar length.
    let mut order: Vec<usize> = (0..n).filter(|&i| !list[i].1.ascii.is_empty()).collect();
    let initial = |i: usize| {
        let c = list[i].1.ascii.as_bytes()[0];
        if b"eijy".contains(&c) { b'e' } else { c }
    };
    order.sort_by_key(|&i| (initial(i), list[i].1.ascii.len(), i));
    for (oi, &a) in order.iter().enumerate() {
        for &b in order[oi + 1..].iter().take(MAX_COMPARED) {
            if initial(b) != initial(a) || list[b].1.ascii.len() > list[a].1.ascii.len() + 3 {
                break;
            }
            let (ka, sa) = (&list[a].0, &list[a].1);
            let (kb, sb) = (&list[b].0, &list[b].1);
            // Two correct glossary forms are never a problem, whether of one entry or two; two
            // sentence openers may be any two words.
            if (sa.known.is_some() && sb.known.is_some()) || !(sa.confirmed || sb.confirmed) {
                continue;
            }
            if !rules.is_variant(ka, kb, &sa.ascii, &sb.ascii) {
                continue;
            }
            // Accents alone tell many common words apart (porque / porquê, Mutter / Mütter):
            // such a pair is a name variant only when both spellings are certainly names.
            if sa.ascii == sb.ascii && !(sa.confirmed && sb.confirmed) {
                continue;
            }
            if context_match(sa, sb, mentions, tokens).is_some() {
                groups.join(a, b);
            }
        }
    }
    groups
        .into_groups()
        .into_iter()
        .filter(|g| g.len() > 1)
        .collect()
}

/// Whether occurrence `a` (of one spelling) and `b` (of another) can name the same thing:
/// aligned from the end of their mentions, every other word is the same ("Anthony Blinken" /
/// "Antony Blinken"), or one of them is a lone surname. Returns the number of aligned words.
fn compatible(
    a: Occurrence,
    b: Occurrence,
    mentions: &[Mention],
    tokens: &Tokens,
) -> Option<usize> {
    let (ma, mb) = (&mentions[a.mention].words, &mentions[b.mention].words);
    let (ra, rb) = (ma.len() - 1 - a.pos, mb.len() - 1 - b.pos);
    if ra != rb {
        return None;
    }
    let shared = ma.len().min(mb.len());
    for k in 0..shared {
        if k == ra {
            continue;
        }
        if tokens.key(ma[ma.len() - 1 - k]) != tokens.key(mb[mb.len() - 1 - k]) {
            return None;
        }
    }
    // A first name alone says nothing: "Michel" and "Mitchell" may be anyone. Names must share
    // a word, or the variant must be a surname (the last word) or a one-word name.
    if shared == 1 && ra != 0 {
        return None;
    }
    Some(shared)
}

fn context_match(
    a: &Spelling,
    b: &Spelling,
    mentions: &[Mention],
    tokens: &Tokens,
) -> Option<(Occurrence, Occurrence, usize)> {
    for &oa in a.occurrences.iter().take(CONTEXT_SAMPLE) {
        for &ob in b.occurrences.iter().take(CONTEXT_SAMPLE) {
            if let Some(n) = compatible(oa, ob, mentions, tokens) {
                return Some((oa, ob, n));
            }
        }
    }
    None
}

/// The span of an occurrence's word with up to `before` and `after` words of its mention
/// around it.
fn window(
    occ: Occurrence,
    before: usize,
    after: usize,
    mentions: &[Mention],
    tokens: &Tokens,
) -> Range<usize> {
    let words = &mentions[occ.mention].words;
    let first = words[occ.pos - before.min(occ.pos)];
    let last = words[(occ.pos + after).min(words.len() - 1)];
    tokens.list[first].start..tokens.list[last].end
}

fn report_cluster(
    cx: &Context<'_>,
    list: &[(&str, Spelling)],
    members: &[usize],
    mentions: &[Mention],
    rules: &VariantRules,
    out: &mut Vec<Finding>,
) {
    let tokens = &cx.doc.tokens;
    let text = &cx.doc.text;
    let first_seen = |i: usize| {
        list[i]
            .1
            .occurrences
            .first()
            .map_or(usize::MAX, |o| mentions[o.mention].span.start)
    };
    // The reference spelling: a glossary form if there is one, else the most frequent, else
    // the one written first.
    let target = *members
        .iter()
        .min_by_key(|&&i| {
            (
                list[i].1.known.is_none(),
                std::cmp::Reverse(list[i].1.occurrences.len()),
                first_seen(i),
            )
        })
        .unwrap_or(&members[0]);
    let reference = &list[target].1;
    let (target_key, target_spelling) = (&list[target].0, &list[target].1);
    for &i in members.iter().filter(|&&i| i != target) {
        // A cluster grows through chains (a typo close to both a name and its inflected form):
        // report only the spellings that are themselves variants of the reference.
        let (key, spelling) = (&list[i].0, &list[i].1);
        if !rules.is_variant(key, target_key, &spelling.ascii, &target_spelling.ascii) {
            continue;
        }
        for &occ in &list[i].1.occurrences {
            // Compare with the reference occurrence that shares the most words; a spelling
            // linked to the cluster only through a third one is compared word for word.
            let best = reference
                .occurrences
                .iter()
                .filter_map(|&r| compatible(occ, r, mentions, tokens).map(|n| (r, n)))
                .max_by_key(|&(r, n)| (n, std::cmp::Reverse(mentions[r.mention].span.start)));
            let Some(&first_ref) = reference.occurrences.first() else {
                continue;
            };
            let (ref_occ, before, after) = match best {
                Some((r, _)) => {
                    let (m, rm) = (&mentions[occ.mention].words, &mentions[r.mention].words);
                    (
                        r,
                        occ.pos.min(r.pos),
                        (m.len() - 1 - occ.pos).min(rm.len() - 1 - r.pos),
                    )
                }
                None => (first_ref, 0, 0),
            };
            let span = window(occ, before, after, mentions, tokens);
            let word = tokens.list[mentions[occ.mention].words[occ.pos]].span();
            let replacement =
                &text[tokens.list[mentions[ref_occ.mention].words[ref_occ.pos]].span()];
            let suggestion = format!(
                "{}{}{}",
                &text[span.start..word.start],
                replacement,
                &text[word.end..span.end]
            );
            let count = reference.occurrences.len();
            let times = if count == 1 {
                String::new()
            } else {
                format!(" {count} times")
            };
            let glossary = if reference.known.is_some() {
                " (the glossary's form)"
            } else {
                ""
            };
            let message = format!(
                "{} is written {}{}{} elsewhere in this document",
                q(&text[span.clone()]),
                q(&suggestion),
                glossary,
                times
            );
            let mut finding = cx.finding(
                "name/inconsistent",
                Severity::Warning,
                span,
                message,
                vec![suggestion],
            );
            finding.related = reference
                .occurrences
                .iter()
                .take(MAX_RELATED)
                .map(|&r| cx.related(window(r, before, after, mentions, tokens)))
                .collect();
            out.push(finding);
        }
    }
}

//! `name/inconsistent`: one name spelled two ways in one document (Antony / Anthony Blinken),
//! found without a glossary. Reported at the minority spelling, with the majority (or the
//! glossary's) spelling as the suggestion and its places as related.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::{Check, Context, Example, Rule, q};
use crate::finding::{Finding, Severity};
use crate::glossary::Status;
use crate::lang::LangTag;
use crate::names::{
    Groups, Mention, VariantRules, german_ascii, inside_compound, is_title_word, romanise,
    typing_slip,
};
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
        let mentions = doc.mentions();
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
        // In bilingual mode a word the source capitalises too is a name, not a sentence opener
        // or a German noun.
        if let Some(source) = cx.source {
            let st = &source.tokens;
            let capitalised: std::collections::HashSet<&str> = (0..st.len())
                .filter(|&i| st.list[i].capitalized && !st.list[i].sentence_initial)
                .map(|i| st.key(i))
                .collect();
            for (key, s) in spellings.iter_mut() {
                s.confirmed |= capitalised.contains(key);
            }
        }
        let list: Vec<(&str, Spelling)> = spellings.into_iter().collect();
        let rules = VariantRules::new(&doc.lang);
        // A spelling that is a glossary place: the other spelling's uses inside a longer name
        // ("BBC Scotland" beside "Schotland") are not mentions of that place.
        // When the source writes the place as the translation does, that holds only for a
        // spelling the source writes too (an original kept inside a name): a spelling of
        // neither text is a slip ("Washignton Examiner" beside "Washington").
        let source_keys: Option<std::collections::HashSet<&str>> = cx
            .source
            .map(|d| (0..d.tokens.len()).map(|i| d.tokens.key(i)).collect());
        let mut list = list;
        for i in 0..list.len() {
            let place = list[i].1.known.is_some_and(|(g, e)| {
                cx.glossaries.entry(g, e).kind == crate::glossary::Kind::Place
            });
            if !place {
                continue;
            }
            let (key, ascii) = (list[i].0, list[i].1.ascii.clone());
            for (j, (other_key, other)) in list.iter_mut().enumerate() {
                let close = rules.is_variant(key, other_key, &ascii, &other.ascii)
                    || rules.is_short_variant(key, other_key, &ascii, &other.ascii);
                let slip = source_keys
                    .as_ref()
                    .is_some_and(|k| k.contains(key) && !k.contains(*other_key));
                if j == i || other.known.is_some() || !close || slip {
                    continue;
                }
                other.occurrences.retain(|o| {
                    let t = mentions[o.mention].words[o.pos];
                    !(mentions[o.mention].words.len() > 1 || inside_compound(tokens, t..t + 1))
                });
            }
        }
        let list: Vec<(&str, Spelling)> = list
            .into_iter()
            .filter(|(_, s)| !s.occurrences.is_empty())
            .collect();
        let clusters = cluster(&list, mentions, tokens, &rules, cx.source);
        let romanised = Romanised::new(cx.source, &doc.lang);
        let mut out = Vec::new();
        for members in clusters {
            report_cluster(cx, &list, &members, mentions, &rules, &romanised, &mut out);
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
    source: Option<&crate::document::Document>,
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
            // Two titles or institutional words are a translation and the original
            // ("Foundation" / "Fondation") or two words ("Senador" / "Senado"), not a slip.
            if is_title_word(ka) && is_title_word(kb) {
                continue;
            }
            let full = rules.is_variant(ka, kb, &sa.ascii, &sb.ascii);
            if !full && !rules.is_short_variant(ka, kb, &sa.ascii, &sb.ascii) {
                continue;
            }
            // Accents alone tell many common words apart (porque / porquê, Mutter / Mütter):
            // such a pair is a name variant only when both spellings are certainly names.
            if sa.ascii == sb.ascii && !(sa.confirmed && sb.confirmed) {
                continue;
            }
            let Some((_, _, shared)) = context_match(sa, sb, mentions, tokens, full, rules) else {
                continue;
            };
            // A short name one letter off needs an anchor: a word of the name it shares ("Theresa
            // May" / "Theresa Mya"), or the source writing one spelling and not the other.
            let by_source = source
                .and_then(|d| source_choice(d, list, &[a, b], None, None))
                .is_some_and(|i| {
                    let other = if i == a { b } else { a };
                    list[i].1.occurrences.len() >= list[other].1.occurrences.len()
                });
            let anchored = full || shared >= 2 || by_source;
            if anchored {
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
/// "Antony Blinken"), or one of them is a lone surname. With `loose`, for spellings close
/// enough to be variants on their own, a lone word may also match a word anywhere in a longer
/// name ("Massachusetts" / "Parlament von Massachuestts Geoff Diehl"). Returns the number of
/// aligned words.
fn compatible(
    a: Occurrence,
    b: Occurrence,
    mentions: &[Mention],
    tokens: &Tokens,
    loose: bool,
    rules: &VariantRules,
) -> Option<usize> {
    // Titles before the name ("Richter", "пан", "Bay") are not part of it.
    let untitled = |o: Occurrence| {
        let words = &mentions[o.mention].words;
        let skip = words[..o.pos]
            .iter()
            .take_while(|&&w| is_title_word(tokens.key(w)))
            .count();
        (&words[skip..], o.pos - skip)
    };
    let ((ma, pa), (mb, pb)) = (untitled(a), untitled(b));
    if loose && (ma.len() == 1) != (mb.len() == 1) {
        return Some(1);
    }
    let (ra, rb) = (ma.len() - 1 - pa, mb.len() - 1 - pb);
    if ra != rb {
        return shared_neighbour(ma, pa, mb, pb, tokens, rules).then_some(2);
    }
    let shared = ma.len().min(mb.len());
    for k in 0..shared {
        if k == ra {
            continue;
        }
        let (x, y) = (
            tokens.key(ma[ma.len() - 1 - k]),
            tokens.key(mb[mb.len() - 1 - k]),
        );
        // The same word, or in another case ("Западной Вирджинии" / "Западная Вирджиния").
        if x != y && !rules.same_word(x, y, &ascii_key(x), &ascii_key(y)) {
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

/// Whether the variant words of two mentions not aligned from the end have the same word
/// beside them, on the same side: "New Yoork Times" / "New York", "Joint Artificial
/// Intelligence Center" / "Artificial Itelligence", "Rydder Kupası Komitesi" / "Ryder Kupası".
/// A title or a lone initial beside the word anchors nothing.
fn shared_neighbour(
    ma: &[usize],
    pa: usize,
    mb: &[usize],
    pb: usize,
    tokens: &Tokens,
    rules: &VariantRules,
) -> bool {
    let same = |x: usize, y: usize| {
        let (x, y) = (tokens.key(x), tokens.key(y));
        x.chars().count() >= 2
            && !is_title_word(x)
            && (x == y || rules.same_word(x, y, &ascii_key(x), &ascii_key(y)))
    };
    let before = pa > 0 && pb > 0 && same(ma[pa - 1], mb[pb - 1]);
    let after = pa + 1 < ma.len() && pb + 1 < mb.len() && same(ma[pa + 1], mb[pb + 1]);
    before || after
}

fn context_match(
    a: &Spelling,
    b: &Spelling,
    mentions: &[Mention],
    tokens: &Tokens,
    loose: bool,
    rules: &VariantRules,
) -> Option<(Occurrence, Occurrence, usize)> {
    let mut found = None;
    for &oa in a.occurrences.iter().take(CONTEXT_SAMPLE) {
        for &ob in b.occurrences.iter().take(CONTEXT_SAMPLE) {
            // The strict reading first: it tells how many words the two share.
            if let Some(n) = compatible(oa, ob, mentions, tokens, false, rules) {
                return Some((oa, ob, n));
            }
            if found.is_none() && compatible(oa, ob, mentions, tokens, loose, rules).is_some() {
                found = Some((oa, ob, 1));
            }
        }
    }
    found
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
    romanised: &Romanised<'_>,
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
    // The reference spelling, from evidence: a glossary form, else the one the source writes,
    // else the most frequent. Without evidence the first written is compared with the others,
    // and neither is preferred.
    // The cluster's spellings with the other forms of their words that the document writes
    // ("Эрдогана" beside "Эрдоган" and its slip "Эрдоганс", when the slip's context joined it
    // to one form only): a word's uses count together.
    let mut all = members.to_vec();
    for (j, (key, s)) in list.iter().enumerate() {
        if !s.confirmed || members.contains(&j) {
            continue;
        }
        let kin = members.iter().any(|&m| {
            let (mk, ms) = (list[m].0, &list[m].1);
            ms.ascii != s.ascii
                && ms.ascii.as_bytes().first() == s.ascii.as_bytes().first()
                && rules.same_word(mk, key, &ms.ascii, &s.ascii)
        });
        if kin {
            all.push(j);
        }
    }
    let family = families(list, &all, rules);
    let (target, evidence) = reference(cx, list, &all, &first_seen, &family, romanised);
    if evidence == Evidence::Conflict {
        return;
    }
    for &i in members.iter().filter(|&&i| family[&i] != family[&target]) {
        // A cluster grows through chains (a typo close to both a name and its inflected form):
        // report only the spellings that are themselves variants of the reference's forms, each
        // against the form it is closest to ("Эрдоганс" against "Эрдогана", not "Эрдоган").
        let (key, spelling) = (&list[i].0, &list[i].1);
        let close = |t: usize| {
            let (tk, ts) = (&list[t].0, &list[t].1);
            rules.is_variant(key, tk, &spelling.ascii, &ts.ascii)
                || rules.is_short_variant(key, tk, &spelling.ascii, &ts.ascii)
        };
        let Some(form) = all
            .iter()
            .copied()
            .filter(|&t| family[&t] == family[&target] && close(t))
            .max_by(|&x, &y| {
                let rank = |t: usize| {
                    (
                        typing_slip(list[t].0, key),
                        crate::names::similarity(&list[t].1.ascii, &spelling.ascii),
                    )
                };
                let (rx, ry) = (rank(x), rank(y));
                rx.0.cmp(&ry.0).then(rx.1.total_cmp(&ry.1)).then(y.cmp(&x))
            })
        else {
            continue;
        };
        // Evidence that counts a word's forms together only shows a slip of one of them: two
        // case forms the endings do not cover ("Republikanom" / "Republikanin") are no slip.
        let forms = all
            .iter()
            .filter(|&&t| family[&t] == family[&target])
            .count();
        if forms > 1 && evidence != Evidence::Glossary && !typing_slip(list[form].0, key) {
            continue;
        }
        let reference = &list[form].1;
        let occurrences = &list[i].1.occurrences;
        // Without evidence the pair is reported once, at the later spelling's first use.
        let take = if evidence == Evidence::None {
            1
        } else {
            occurrences.len()
        };
        for &occ in occurrences.iter().take(take) {
            // Compare with the reference occurrence that shares the most words; a spelling
            // linked to the cluster only through a third one is compared word for word.
            let best = reference
                .occurrences
                .iter()
                .filter_map(|&r| compatible(occ, r, mentions, tokens, false, rules).map(|n| (r, n)))
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
            let here = q(&text[span.clone()]);
            let (message, suggestions) = match evidence {
                Evidence::None => {
                    // Where the other spelling's word is, not its mention: a title before it
                    // ("President") is part of the mention.
                    let other = tokens.list[mentions[ref_occ.mention].words[ref_occ.pos]].span();
                    let at = cx.doc.position(other.start);
                    (
                        format!(
                            "{here} and {} (at {}:{}) are two spellings of one name; nothing in the document shows which is right",
                            q(&suggestion),
                            at.line,
                            at.column
                        ),
                        Vec::new(),
                    )
                }
                e => {
                    let why = match e {
                        Evidence::Glossary => " (the glossary's form)",
                        Evidence::Source => " (as in the source)",
                        _ => "",
                    };
                    (
                        format!(
                            "{here} is written {}{why}{times} elsewhere in this document",
                            q(&suggestion)
                        ),
                        vec![suggestion],
                    )
                }
            };
            let mut finding = cx.finding(
                "name/inconsistent",
                Severity::Warning,
                span,
                message,
                suggestions,
            );
            // The place compared comes first: word for word, it is the other spelling (the
            // register reads the pair from it).
            let others = reference
                .occurrences
                .iter()
                .filter(|r| (r.mention, r.pos) != (ref_occ.mention, ref_occ.pos));
            finding.related = std::iter::once(&ref_occ)
                .chain(others)
                .take(MAX_RELATED)
                .map(|&r| cx.related(window(r, before, after, mentions, tokens)))
                .collect();
            out.push(finding);
        }
    }
}

/// What shows which spelling of a name is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// A correct form of a glossary entry.
    Glossary,
    /// The only one of the spellings that the source text writes (or, across scripts, the one
    /// whose transliteration is clearly closest to a source word).
    Source,
    /// Used more often than any other.
    Majority,
    /// The evidence disagrees (the source writes a spelling the translation uses less often,
    /// or the others are not slips of it), or without evidence the spellings are not a slip
    /// apart: nothing is reported.
    Conflict,
    None,
}

/// Cross-script source evidence needs the best spelling this close to a source word, and this
/// much closer than the next ("Trampa" / "Tampa" against "Trump": 0.67 and 0.40).
const SOURCE_CLOSE: f64 = 0.6;
const SOURCE_MARGIN: f64 = 0.15;

/// The reference spelling of a cluster and the evidence for it.
/// Which members of a cluster are forms of one word ("Эрдоган", "Эрдогана"): each member's
/// family, told by its smallest member. A family's uses count together as evidence.
fn families(
    list: &[(&str, Spelling)],
    members: &[usize],
    rules: &VariantRules,
) -> HashMap<usize, usize> {
    let mut groups = Groups::new(members.len());
    for (x, &a) in members.iter().enumerate() {
        for (y, &b) in members.iter().enumerate().skip(x + 1) {
            let (sa, sb) = (&list[a].1, &list[b].1);
            if sa.ascii != sb.ascii && rules.same_word(list[a].0, list[b].0, &sa.ascii, &sb.ascii) {
                groups.join(x, y);
            }
        }
    }
    let mut family = HashMap::new();
    for g in groups.into_groups() {
        let head = g.iter().map(|&x| members[x]).min().unwrap_or(members[g[0]]);
        for x in g {
            family.insert(members[x], head);
        }
    }
    family
}

fn reference(
    cx: &Context<'_>,
    list: &[(&str, Spelling)],
    members: &[usize],
    first_seen: &dyn Fn(usize) -> usize,
    family: &HashMap<usize, usize>,
    romanised: &Romanised<'_>,
) -> (usize, Evidence) {
    let kin = |i: usize, j: usize| family.get(&i) == family.get(&j);
    // A spelling's uses with those of the other forms of its word.
    let count = |i: usize| {
        members
            .iter()
            .filter(|&&j| kin(i, j))
            .map(|&j| list[j].1.occurrences.len())
            .sum::<usize>()
    };
    let earliest = *members
        .iter()
        .min_by_key(|&&i| first_seen(i))
        .unwrap_or(&members[0]);
    let most_used = |among: &[usize]| {
        *among
            .iter()
            .min_by_key(|&&i| {
                (
                    std::cmp::Reverse(count(i)),
                    std::cmp::Reverse(list[i].1.occurrences.len()),
                    first_seen(i),
                )
            })
            .unwrap_or(&among[0])
    };
    let known: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| list[i].1.known.is_some())
        .collect();
    if !known.is_empty() {
        // A glossary form the source does not write, beside one it does, is another place or
        // person of a similar name ("Palau" beside the source's "Palu").
        let source_pick = cx
            .source
            .and_then(|s| source_choice(s, list, members, Some(family), Some(romanised)));
        if source_pick.is_some_and(|i| list[i].1.known.is_none()) {
            return (earliest, Evidence::Conflict);
        }
        return (most_used(&known), Evidence::Glossary);
    }
    let top = most_used(members);
    // The source breaks a tie or confirms the majority; a source spelling the translation
    // uses less often is a name kept in the source language ("BBC Scotland" beside
    // "Schotland"), not evidence against the translation's own form.
    // When the source only breaks a tie, the other spellings must look like slips of the
    // source's: one that differs as a respelling does ("Londen" beside "London") is the
    // translation's own form.
    let slip_of = |i: usize, j: usize| {
        kin(i, j)
            || list[i].1.ascii == list[j].1.ascii
            || german_ascii(list[i].0).is_some_and(|g| g == list[j].1.ascii)
            || german_ascii(list[j].0).is_some_and(|g| g == list[i].1.ascii)
            || typing_slip(list[i].0, list[j].0)
    };
    if let Some(i) = cx
        .source
        .and_then(|s| source_choice(s, list, members, Some(family), Some(romanised)))
    {
        let majority = members.iter().all(|&j| kin(i, j) || count(j) < count(i));
        let tied = members.iter().all(|&j| count(j) <= count(i));
        if majority || (tied && members.iter().all(|&j| slip_of(i, j))) {
            return (i, Evidence::Source);
        }
        return (i, Evidence::Conflict);
    }
    if members
        .iter()
        .all(|&i| kin(i, top) || count(i) < count(top))
    {
        return (top, Evidence::Majority);
    }
    // No evidence: a pair is worth a person's look only when one spelling is a slip of the
    // other or they differ in accents alone; grammatical forms and respellings are not.
    let plausible = members.iter().all(|&j| {
        kin(j, earliest)
            || list[j].1.ascii == list[earliest].1.ascii
            || typing_slip(list[earliest].0, list[j].0)
            || typing_slip(list[j].0, list[earliest].0)
    });
    if !plausible {
        return (earliest, Evidence::Conflict);
    }
    (earliest, Evidence::None)
}

/// The one spelling of `members` the source supports: written there (same script), or, across
/// scripts, with `romanised` the only romanisation of a source word, else clearly the closest
/// to a capitalised source word once both are in ASCII. With
/// `family`, forms of one word count as one: the source supports the word, and its form
/// closest to the source's is the one returned.
fn source_choice(
    source: &crate::document::Document,
    list: &[(&str, Spelling)],
    members: &[usize],
    family: Option<&HashMap<usize, usize>>,
    romanised: Option<&Romanised<'_>>,
) -> Option<usize> {
    let kin = |i: usize, j: usize| i == j || family.is_some_and(|f| f.get(&i) == f.get(&j));
    let tokens = &source.tokens;
    let words: Vec<(&str, String)> = (0..tokens.len())
        .filter(|&i| tokens.list[i].capitalized && tokens.list[i].alphabetic)
        .map(|i| (tokens.key(i), ascii_key(tokens.key(i))))
        .filter(|(k, _)| k.chars().count() <= crate::names::MAX_NAME_WORD)
        .collect();
    let first = list[members[0]].0;
    let same_script = words
        .iter()
        .any(|(k, _)| crate::names::script(k) == crate::names::script(first));
    if same_script {
        let supported: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| {
                words
                    .iter()
                    .any(|(k, a)| *k == list[i].0 || *a == list[i].1.ascii)
            })
            .collect();
        let one_word = supported.iter().all(|&j| kin(j, supported[0]));
        return (!supported.is_empty() && one_word).then(|| {
            *supported
                .iter()
                .max_by_key(|&&j| (list[j].1.occurrences.len(), std::cmp::Reverse(j)))
                .unwrap_or(&supported[0])
        });
    }
    // A romanisation decides between spellings already taken for one name; it does not make
    // two names one: most source names are no romanisation of their English spelling
    // ("Wayde" and the coach "Wade" stay two people).
    if let Some(i) = romanised.and_then(|r| r.choice(list, members, &kin)) {
        return Some(i);
    }
    let mut scored: Vec<(f64, usize)> = members
        .iter()
        .map(|&i| {
            let a = &list[i].1.ascii;
            let best = words
                .iter()
                .filter(|(_, w)| w.len() >= 3 && w.as_bytes()[0] == a.as_bytes()[0])
                .map(|(_, w)| crate::names::similarity(w, a))
                .fold(0.0, f64::max);
            (best, i)
        })
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0));
    let (best, i) = *scored.first()?;
    let next = scored
        .iter()
        .find(|(_, j)| !kin(i, *j))
        .map_or(0.0, |s| s.0);
    (best >= SOURCE_CLOSE && best - next >= SOURCE_MARGIN && next < best).then_some(i)
}

/// Comparisons of a spelling with a source word one document may spend on romanisations: an
/// article's names in doubt take a few thousand, and a hostile one stops here.
const ROMANISED_COMPARISONS: usize = 100_000;

/// Across scripts, the spellings that are romanisations of a source word under the standards
/// the tables list ("Blinken" of "بلينكن", "Zelensky" of "Зеленский"). The source's words
/// (its capitalised ones, or every word of an Arabic or Hebrew source; Chinese runs are not
/// read here) are gathered once per document, when first asked.
struct Romanised<'a> {
    source: Option<(&'a crate::document::Document, &'static romanise::Romaniser)>,
    words: std::cell::OnceCell<Vec<String>>,
    budget: std::cell::Cell<usize>,
}

impl<'a> Romanised<'a> {
    fn new(source: Option<&'a crate::document::Document>, target: &LangTag) -> Self {
        let source = source.and_then(|s| {
            romanise::romaniser(&s.lang, target)
                .filter(|r| !r.own_is_han())
                .map(|r| (s, r))
        });
        Romanised {
            source,
            words: std::cell::OnceCell::new(),
            budget: std::cell::Cell::new(ROMANISED_COMPARISONS),
        }
    }

    fn words(&self, source: &crate::document::Document, scheme: &romanise::Romaniser) -> &[String] {
        self.words.get_or_init(|| {
            let tokens = &source.tokens;
            let mut words: Vec<String> = if scheme.caseless {
                romanise::abjad_words(&source.text)
                    .map(|w| crate::normalize::folded(&w))
                    .collect()
            } else {
                (0..tokens.len())
                    .filter(|&i| tokens.list[i].capitalized && tokens.list[i].alphabetic)
                    .map(|i| tokens.key(i).to_string())
                    .collect()
            };
            words.retain(|w| w.chars().count() <= crate::names::MAX_NAME_WORD);
            words.sort_unstable();
            words.dedup();
            words
        })
    }

    /// The one spelling of `members` (or forms of one word) that is a romanisation of a source
    /// word when the others are not and are typing slips of it: the source decides.
    fn choice(
        &self,
        list: &[(&str, Spelling)],
        members: &[usize],
        kin: &dyn Fn(usize, usize) -> bool,
    ) -> Option<usize> {
        let (source, scheme) = self.source?;
        let words = self.words(source, scheme);
        let cost = words.len() * members.len();
        if cost > self.budget.get() {
            return None;
        }
        self.budget.set(self.budget.get() - cost);
        let supported: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| {
                let a = &list[i].1.ascii;
                !a.is_empty() && words.iter().any(|w| scheme.accepts(w, a))
            })
            .collect();
        let &first = supported.first()?;
        if !supported.iter().all(|&j| kin(j, first)) {
            return None;
        }
        let chosen = supported
            .iter()
            .copied()
            .max_by_key(|&j| (list[j].1.occurrences.len(), std::cmp::Reverse(j)))?;
        // Evidence only against a typing slip of it: a spelling that differs otherwise
        // ("Kavardarkov" beside the source's "Kavadarkov") may be the desk's transcription.
        members
            .iter()
            .all(|&j| kin(j, chosen) || typing_slip(list[chosen].0, list[j].0))
            .then_some(chosen)
    }
}

#[cfg(test)]
mod tests {
    use crate::bilingual::Pair;
    use crate::engine::{Engine, Options};
    use crate::glossary::GlossarySet;
    use crate::markup::Format;

    fn engine() -> Engine {
        let mut set = GlossarySet::default();
        for (origin, g) in crate::glossary::builtin().expect("the shipped glossaries load") {
            set.push(origin, g);
        }
        Engine::new(set, Options::default())
    }

    /// The name/inconsistent findings on a translation checked against its source, as
    /// (text reported, suggestion).
    fn found(source: (&str, &str), target: (&str, &str)) -> Vec<(String, String)> {
        let e = engine();
        let s = e
            .document(
                &format!("a.{}.txt", source.0),
                source.1.as_bytes(),
                Format::Plain,
            )
            .unwrap();
        let t = e
            .document(
                &format!("a.{}.txt", target.0),
                target.1.as_bytes(),
                Format::Plain,
            )
            .unwrap();
        e.check_pair(&Pair::align(s, t))
            .into_iter()
            .filter(|f| f.rule == "name/inconsistent")
            .map(|f| {
                (
                    f.text.clone(),
                    f.suggestions.first().cloned().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_slip_of_one_case_form_is_found_among_the_others() {
        // Three case forms of one surname and a slip of one of them: the forms count together,
        // and the slip is compared with the form it misspells.
        let f = found(
            (
                "en",
                "Erdogan spoke on Monday.\n\nThe visit of Erdogan ended.\n\nAides of Erdogan left. Critics of Erdogan stayed.\n",
            ),
            (
                "ru",
                "Эрдоган выступил в понедельник.\n\nВизит Эрдогана закончился.\n\nПомощники Эрдоганс уехали. Критики Эрдогана остались.\n",
            ),
        );
        assert_eq!(f, [("Эрдоганс".to_string(), "Эрдогана".to_string())]);
        // The forms alone are one name inflected.
        let f = found(
            (
                "en",
                "Erdogan spoke on Monday.\n\nThe visit of Erdogan ended.\n\nAides of Erdogan left.\n",
            ),
            (
                "ru",
                "Эрдоган выступил в понедельник.\n\nВизит Эрдогана закончился.\n\nПомощники Эрдогана уехали.\n",
            ),
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn the_other_words_of_a_name_may_be_in_another_case() {
        // The place is written in the genitive twice and its slip in the nominative: the
        // adjective before it is one word in two cases, so both name one place.
        let f = found(
            (
                "en",
                "The governor of West Virginia spoke.\n\nRain fell in West Virginia.\n\nWest Virginia voted.\n",
            ),
            (
                "ru",
                "Губернатор Западной Вирджинии выступил.\n\nДожди прошли в Западной Вирджинии.\n\nГолосовала и Западная Витджиния.\n",
            ),
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Западная Витджиния");
    }

    #[test]
    fn a_german_noun_or_title_before_a_name_does_not_hide_its_slip() {
        // "Richter" and "Teil" stand beside the names; the slips are compared with the names alone.
        let f = found(
            (
                "en",
                "Judge Brett Kavanaugh spoke in Arizona.\n\nHe said that Kavanaugh would stay.\n\nRain fell over much of Arizona, and Kavanuagh left.\n",
            ),
            (
                "de",
                "Richter Brett Kavanaugh sprach in Arizona.\n\nEr sagte, dass Kavanaugh bleiben werde.\n\nRegen fiel in einem großen Teil von Arrizona, und Richter Kavanuagh ging.\n",
            ),
        );
        assert_eq!(
            f,
            [
                ("Arrizona".to_string(), "Arizona".to_string()),
                ("Kavanuagh".to_string(), "Kavanaugh".to_string())
            ]
        );
    }

    #[test]
    fn a_slip_inside_a_longer_name_is_found_through_the_word_beside_it() {
        // The slip and the right spelling stand in names of different lengths; the word before
        // them is the same, so both name one thing.
        let f = found(
            (
                "en",
                "The New York office opened.\n\nIn New York the rain stopped.\n\nThe New York Herald wrote about it.\n",
            ),
            (
                "es",
                "Abrió la oficina de New York.\n\nEn New York paró la lluvia.\n\nEl New Yorrk Herald escribió sobre ello.\n",
            ),
        );
        assert_eq!(f, [("New Yorrk".to_string(), "New York".to_string())]);
        // Two names that share a word but differ in another are different names.
        let f = found(
            (
                "en",
                "Nottingham East voted.\n\nNottingham East and Nottingham West met.\n",
            ),
            (
                "es",
                "Votó Nottingham East.\n\nSe reunieron Nottingham East y Nottingham West.\n",
            ),
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_slip_of_a_place_inside_a_longer_name_is_found_when_the_source_writes_the_place() {
        // The place is written as in the source; the slip inside the newspaper's name is in
        // neither text.
        let f = found(
            (
                "en",
                "Washington said no.\n\nThe Washington Tribune agreed.\n\nWashington waited.\n",
            ),
            (
                "es",
                "Washington dijo que no.\n\nEl Washignton Tribune estuvo de acuerdo.\n\nWashington esperó.\n",
            ),
        );
        assert_eq!(f, [("Washignton".to_string(), "Washington".to_string())]);
    }
}

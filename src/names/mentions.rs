//! Candidate names: runs of capitalised words, with particles ("de", "von der") inside.
//! A capitalised word that only opens a sentence is not a name unless the document also
//! capitalises it mid-sentence.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use crate::data;
use crate::lang::LangTag;
use crate::token::{Gap, Tokens};

/// The longest word that can be part of a name, in characters. The longest place names in use
/// run to 58 letters (Llanfairpwllgwyngyll…gogogoch); anything longer is not a name but a run
/// of letters (an encoded blob, a hashtag wall), and comparing such runs costs quadratic time.
pub const MAX_NAME_WORD: usize = 64;
/// The most words a name can have; a longer capitalised run (a headline in title case, a list of
/// names without commas) is cut into names of this many words.
pub const MAX_NAME_WORDS: usize = 12;

/// A name as written: its word tokens (particles excluded) and its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub words: Vec<usize>,
    pub span: Range<usize>,
    /// A lone capitalised word opening a sentence, never written in lowercase: it may be a name
    /// ("Pivovarenko said…") or just a first word ("Officials said…"). It only counts as a
    /// variant of a name that is confirmed elsewhere.
    pub weak: bool,
}

fn particles() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data::words(data::NAME_PARTICLES).collect())
}

fn function_words(lang: &LangTag) -> &'static HashSet<&'static str> {
    static TABLE: OnceLock<Vec<(&'static str, HashSet<&'static str>)>> = OnceLock::new();
    static EMPTY: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        data::by_language(data::FUNCTION_WORDS)
            .map(|(l, w)| (l, w.into_iter().collect()))
            .collect()
    });
    table
        .iter()
        .find(|(l, _)| *l == lang.primary())
        .map(|(_, s)| s)
        .unwrap_or_else(|| EMPTY.get_or_init(HashSet::new))
}

/// Languages that capitalise every noun: there a lone capitalised word is no evidence of a name.
const NOUN_CAPITALISING: &[&str] = &["de", "lb"];

/// German articles and determiners: before a lone capitalised word they make it a common noun.
/// Conjunctions and prepositions do not ("Ford und Kavanaugh", "Teil von Arizona").
const DETERMINERS: &[&str] = &[
    "alle", "allen", "aller", "alles", "beide", "beiden", "das", "dein", "deine", "dem", "den",
    "der", "des", "die", "diese", "diesem", "diesen", "dieser", "dieses", "ein", "eine", "einem",
    "einen", "einer", "eines", "euer", "eure", "ihr", "ihre", "ihrem", "ihren", "ihrer", "jede",
    "jedem", "jeden", "jeder", "jedes", "kein", "keine", "keinem", "keinen", "keiner", "mein",
    "meine", "sein", "seine", "seinem", "seinen", "seiner", "unser", "unsere", "viele", "vieler",
    "zum", "zur", "im", "am", "vom", "beim",
];

/// In a noun-capitalising language, the word before a lone capitalised word shows it to be a
/// common noun: an article or determiner ("eine Frage"), or an inflected adjective
/// ("künstliche Intelligenz"; past-tense verbs in -te, as in "sagte Obermaier", are not).
fn before_common_noun(prev: &str, function: &HashSet<&str>) -> bool {
    if DETERMINERS.contains(&prev) {
        return true;
    }
    if function.contains(prev) {
        return false;
    }
    prev.chars().count() >= 3
        && !prev.ends_with("te")
        && ["e", "en", "er", "es", "em"]
            .iter()
            .any(|e| prev.ends_with(e))
}

/// What a noun-capitalising document shows of its capitalised words (written mid-sentence):
/// the ones it writes after an article or determiner, or after an article and an inflected
/// adjective ("des Südens", "einem großen Teil"), which are common nouns; and the ones it writes
/// after a lowercase word that marks no noun ("und Arizona", "sagte Obermaier"), where a name
/// can stand. Nouns are told by their stems ("des Südens" makes "Süden" a noun too).
fn noun_evidence<'t>(
    tokens: &'t Tokens,
    function: &HashSet<&str>,
    stem: &dyn Fn(&str) -> String,
) -> (foldhash::HashSet<String>, foldhash::HashSet<&'t str>) {
    let list = &tokens.list;
    let mut marked = foldhash::HashSet::default();
    let mut free = foldhash::HashSet::default();
    let lower_before = |i: usize| {
        (i > 0 && list[i].gap == Gap::Space && !list[i - 1].capitalized).then(|| tokens.key(i - 1))
    };
    for (i, t) in list.iter().enumerate().skip(1) {
        if !t.capitalized || t.sentence_initial || !t.alphabetic {
            continue;
        }
        let Some(prev) = lower_before(i) else {
            continue;
        };
        let adjective_after_determiner = before_common_noun(prev, function)
            && lower_before(i - 1).is_some_and(|p| DETERMINERS.contains(&p));
        if DETERMINERS.contains(&prev) || adjective_after_determiner {
            marked.insert(stem(tokens.key(i)));
        } else if !before_common_noun(prev, function) {
            free.insert(tokens.key(i));
        }
    }
    (marked, free)
}

/// The names mentioned in a document, in text order.
pub fn mentions(tokens: &Tokens, lang: &LangTag) -> Vec<Mention> {
    let nouns_capitalised = NOUN_CAPITALISING.contains(&lang.primary());
    let list = &tokens.list;
    let mut lower_seen: foldhash::HashSet<&str> =
        foldhash::HashSet::with_capacity_and_hasher(list.len(), Default::default());
    let mut capital_mid: foldhash::HashSet<&str> = foldhash::HashSet::default();
    for (i, t) in list.iter().enumerate() {
        if !t.capitalized {
            lower_seen.insert(tokens.key(i));
        } else if !t.sentence_initial {
            capital_mid.insert(tokens.key(i));
        }
    }
    let function = function_words(lang);
    let stemmer = nouns_capitalised
        .then(|| crate::stem::Memo::new(lang))
        .flatten();
    let stem = |key: &str| -> String {
        stemmer
            .as_ref()
            .map_or_else(|| key.to_string(), |s| s.stem(key))
    };
    let (noun_marked, free) = if nouns_capitalised {
        noun_evidence(tokens, function, &stem)
    } else {
        Default::default()
    };
    // In a noun-capitalising language a word the document shows to be a common noun, or a
    // title, is not part of a longer name: "Teil von Arizona", "Richter Kavanaugh",
    // "Brighton-Abwehr" are a noun beside a name, each a mention of its own.
    let noun = |i: usize| {
        nouns_capitalised && {
            let key = tokens.key(i);
            crate::names::is_title_word(key) || noun_marked.contains(&stem(key))
        }
    };
    let shape_ok = |i: usize| {
        let t = &list[i];
        let len = t.end - t.start;
        t.capitalized
            && t.alphabetic
            && !t.all_caps
            && len <= 4 * MAX_NAME_WORD
            && (2..=MAX_NAME_WORD).contains(&tokens.key(i).chars().count())
    };
    let is_name_word = |i: usize| -> bool {
        if !shape_ok(i) {
            return false;
        }
        let t = &list[i];
        if !t.sentence_initial {
            return true;
        }
        let key = tokens.key(i);
        if function.contains(key) {
            return false;
        }
        if capital_mid.contains(key) {
            return true;
        }
        // "Antony Blinken said…" at the start of a sentence: a capitalised word followed by a
        // name, never seen in lowercase.
        let next_is_name = list.get(i + 1).is_some_and(|n| {
            matches!(n.gap, Gap::Space | Gap::Hyphen) && shape_ok(i + 1) && !n.sentence_initial
        });
        next_is_name && !lower_seen.contains(key)
    };

    let mut out = Vec::new();
    let mut i = 0;
    while i < list.len() {
        if !is_name_word(i) {
            let t = &list[i];
            let key = tokens.key(i);
            if shape_ok(i)
                && t.sentence_initial
                && !function.contains(key)
                && !lower_seen.contains(key)
            {
                out.push(Mention {
                    words: vec![i],
                    span: t.span(),
                    weak: true,
                });
            }
            i += 1;
            continue;
        }
        let mut words = vec![i];
        let mut j = i + 1;
        while j < list.len() && words.len() < MAX_NAME_WORDS {
            let joined = matches!(list[j].gap, Gap::Space | Gap::Hyphen | Gap::Apostrophe);
            let last = *words.last().unwrap_or(&i);
            if noun(last) {
                break;
            }
            if joined && is_name_word(j) && !list[j].sentence_initial && !noun(j) {
                words.push(j);
                j += 1;
                continue;
            }
            // Particles: "de", "von der", only when a name word follows.
            let mut k = j;
            while k < list.len()
                && list[k].gap == Gap::Space
                && !list[k].capitalized
                && particles().contains(tokens.key(k))
            {
                k += 1;
            }
            if k > j && k < list.len() && list[k].gap == Gap::Space && is_name_word(k) && !noun(k) {
                words.push(k);
                j = k + 1;
                continue;
            }
            break;
        }
        let last = *words.last().unwrap_or(&i);
        let mut weak = false;
        if nouns_capitalised && words.len() == 1 {
            let prev_lower = (i > 0 && list[i].gap == Gap::Space && !list[i - 1].capitalized)
                .then(|| tokens.key(i - 1));
            // After an adjective-shaped word ("künstliche Intelligenz") the word is a noun,
            // unless the document also writes it where only a name stands ("erreichen
            // Arizona" beside "Nevada und Arizona"): then it is kept, as a weak mention.
            let key = tokens.key(i);
            if prev_lower.is_some_and(|p| {
                DETERMINERS.contains(&p) || (before_common_noun(p, function) && !free.contains(key))
            }) {
                i = last + 1;
                continue;
            }
            weak = true;
        }
        out.push(Mention {
            span: list[i].start..list[last].end,
            words,
            weak,
        });
        i = last + 1;
    }
    out
}

/// Whether the words `words` (token indices of a name) stand inside a longer name: another
/// capitalised word or an acronym written right beside them ("BBC Scotland", "Baja California",
/// "Air Navigation Indonesia", "Scotland Yard"), other than a title ("Präsident Putin"). Such a
/// place is part of an organisation's or another place's name, not a mention of the place.
pub fn inside_compound(tokens: &Tokens, words: std::ops::Range<usize>) -> bool {
    let list = &tokens.list;
    let joined = |i: usize| matches!(list[i].gap, Gap::Space | Gap::Hyphen);
    let name_like = |i: usize| {
        let t = &list[i];
        (t.capitalized || t.all_caps) && t.alphabetic && !crate::names::is_title_word(tokens.key(i))
    };
    let before = words.start > 0
        && joined(words.start)
        && !list[words.start].sentence_initial
        && name_like(words.start - 1);
    let after = words.end < list.len() && joined(words.end) && name_like(words.end);
    before || after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize_str;

    fn names(text: &str, lang: &str) -> Vec<String> {
        let t = tokenize_str(text);
        mentions(&t, &lang.parse().unwrap())
            .into_iter()
            .filter(|m| !m.weak)
            .map(|m| text[m.span].to_string())
            .collect()
    }

    #[test]
    fn capitalised_runs_with_particles() {
        assert_eq!(
            names(
                "He met Ursula von der Leyen and Charles de Gaulle in Nagorno-Karabakh.",
                "en"
            ),
            [
                "Ursula von der Leyen",
                "Charles de Gaulle",
                "Nagorno-Karabakh"
            ]
        );
    }

    #[test]
    fn sentence_initial_words_need_evidence() {
        // "Officials" opens a sentence and is never a name; "Antony" opens a name.
        assert_eq!(
            names(
                "Officials said so. Antony Blinken left. Later he spoke.",
                "en"
            ),
            ["Antony Blinken"]
        );
        // "The" is a function word even before a name.
        assert_eq!(names("The Kremlin denied it.", "en"), ["Kremlin"]);
        // A word capitalised mid-sentence counts at the start of one too.
        assert_eq!(
            names("Blinken spoke. Then Blinken left.", "en"),
            ["Blinken", "Blinken"]
        );
    }

    #[test]
    fn lone_sentence_openers_are_weak() {
        let text = "Officials said so. Pivovarenko left. He met Pyvovarenko.";
        let t = tokenize_str(text);
        let weak: Vec<&str> = mentions(&t, &"en".parse().unwrap())
            .into_iter()
            .filter(|m| m.weak)
            .map(|m| &text[m.span])
            .collect();
        assert_eq!(weak, ["Officials", "Pivovarenko"]);
    }

    #[test]
    fn german_nouns_are_not_names() {
        let text =
            "Das ist eine Frage, sagte Obermaier zu Nigel Farage über künstliche Intelligenz.";
        let t = tokenize_str(text);
        let found: Vec<(&str, bool)> = mentions(&t, &"de".parse().unwrap())
            .into_iter()
            .map(|m| (&text[m.span], m.weak))
            .collect();
        assert_eq!(found, [("Obermaier", true), ("Nigel Farage", false)]);
    }

    #[test]
    fn german_nouns_and_titles_are_not_part_of_a_name() {
        // "Teil" follows an article and an adjective, "Südens" an article: nouns, not part of
        // the place after them; "Richter" is a title. "Arizona" after the verb "erreichen"
        // stays, weak, because the text also writes it after "und".
        let text = "Das Gewitter traf den Norden des Südens. Es erreichen Arizona zwei Fronten, \
            in einem großen Teil von Arizona regnet es. Im Süden von Nevada und Arizona auch. \
            Es sprach Richter Brett Kavanaugh.";
        let t = tokenize_str(text);
        let found: Vec<(&str, bool)> = mentions(&t, &"de".parse().unwrap())
            .into_iter()
            .map(|m| (&text[m.span], m.weak))
            .collect();
        assert_eq!(
            found,
            [
                ("Gewitter", true),
                ("Arizona", true),
                ("Fronten", true),
                ("Arizona", true),
                ("Süden", true),
                ("Nevada", true),
                ("Arizona", true),
                ("Richter", true),
                ("Brett Kavanaugh", false),
            ]
        );
    }

    #[test]
    fn overlong_words_and_runs_are_capped() {
        let blob = format!("X{}", "a".repeat(MAX_NAME_WORD));
        assert!(names(&format!("He met {blob} and Anna Lind."), "en") == ["Anna Lind"]);
        let run = vec!["Word"; MAX_NAME_WORDS + 3].join(" ");
        let t = tokenize_str(&format!("a {run}"));
        let found = mentions(&t, &"en".parse().unwrap());
        assert_eq!(found[0].words.len(), MAX_NAME_WORDS);
        assert_eq!(found[1].words.len(), 3);
    }

    #[test]
    fn possessives_and_acronyms() {
        assert_eq!(
            names("a visit by Antony Blinken’s team to NATO", "en"),
            ["Antony Blinken"]
        );
        assert_eq!(names("selon l'Iran et l’ONU", "fr"), ["Iran"]);
    }
}

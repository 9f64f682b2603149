//! Cardinal number words in English, Spanish, French, German, Italian, Portuguese, Dutch,
//! Russian, Ukrainian, Polish, Czech, Swedish, Turkish, Danish, Romanian and Indonesian, in
//! every case and gender, from
//! lexicons in `data/numbers/` (word, value, role). Compound words ("einundzwanzig",
//! "ventuno", "tweeëntwintig", "duecento") are split into lexicon words first.

// Looked up for every word of every text: foldhash, not SipHash.
use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lang::LangTag;

/// Articles that are also the number one: alone they are not a quantity.
pub(super) const ARTICLES: &[&str] = &[
    "a", "an", "un", "une", "uno", "una", "ein", "eine", "einen", "einem", "einer", "eines", "um",
    "uma", "een",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Units, teens, tens and whole hundreds written as one word: added.
    Add,
    /// "hundred", "cent", "hundert": multiplies what came before.
    Hundred,
    /// Indonesian "puluh": multiplies the unit right before it ("tiga ratus dua puluh" 320).
    Tens,
    /// "thousand", "million": closes a group.
    Scale,
    /// "and", "et", "und", "y": no value.
    And,
}

struct Lexicon {
    words: HashMap<String, (u64, Role)>,
    /// Every prefix of every word (the words too): a split stops looking further along a word
    /// as soon as what it has read begins no lexicon word.
    prefixes: HashSet<String>,
    longest: usize,
    /// The first character of every word, sorted: a word starting otherwise is no number.
    initials: Vec<char>,
}

const TABLES: &[(&str, &str)] = &[
    ("de", include_str!("../../data/numbers/de.tsv")),
    ("en", include_str!("../../data/numbers/en.tsv")),
    ("es", include_str!("../../data/numbers/es.tsv")),
    ("fr", include_str!("../../data/numbers/fr.tsv")),
    ("it", include_str!("../../data/numbers/it.tsv")),
    ("nl", include_str!("../../data/numbers/nl.tsv")),
    ("pt", include_str!("../../data/numbers/pt.tsv")),
    ("ru", include_str!("../../data/numbers/ru.tsv")),
    ("uk", include_str!("../../data/numbers/uk.tsv")),
    ("pl", include_str!("../../data/numbers/pl.tsv")),
    ("cs", include_str!("../../data/numbers/cs.tsv")),
    ("sv", include_str!("../../data/numbers/sv.tsv")),
    ("tr", include_str!("../../data/numbers/tr.tsv")),
    ("da", include_str!("../../data/numbers/da.tsv")),
    ("ro", include_str!("../../data/numbers/ro.tsv")),
    ("id", include_str!("../../data/numbers/id.tsv")),
];

fn lexicon(lang: &str) -> Option<&'static Lexicon> {
    static ALL: OnceLock<HashMap<&'static str, Lexicon>> = OnceLock::new();
    ALL.get_or_init(|| {
        TABLES
            .iter()
            .map(|(lang, table)| {
                let mut words = HashMap::default();
                for line in table
                    .lines()
                    .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                {
                    let mut cols = line.split('\t');
                    let (Some(w), Some(v), Some(r)) = (cols.next(), cols.next(), cols.next())
                    else {
                        continue;
                    };
                    let role = match r {
                        "hundred" => Role::Hundred,
                        "tens" => Role::Tens,
                        "scale" => Role::Scale,
                        "and" => Role::And,
                        _ => Role::Add,
                    };
                    words.insert(apostrophes(w), (v.parse().unwrap_or(0), role));
                }
                let longest = words.keys().map(|w| w.chars().count()).max().unwrap_or(0);
                let prefixes = words
                    .keys()
                    .flat_map(|w| {
                        w.char_indices()
                            .map(|(i, c)| w[..i + c.len_utf8()].to_string())
                    })
                    .collect();
                let mut initials: Vec<char> =
                    words.keys().filter_map(|w| w.chars().next()).collect();
                initials.sort_unstable();
                initials.dedup();
                (
                    *lang,
                    Lexicon {
                        words,
                        prefixes,
                        longest,
                        initials,
                    },
                )
            })
            .collect()
    })
    .get(lang)
}

/// The longest word that can be a number ("neunhundertneunundneunzigtausend…" is 57
/// letters): a longer one is not read, whatever it holds.
const LONGEST_WORD: usize = 96;

/// Whether numbers written in words are read in this language.
pub fn reads_number_words(lang: &LangTag) -> bool {
    lexicon(lang.primary()).is_some() || super::cjk::reads(lang.primary())
}

/// Splits a word into lexicon words, longest first with backtracking ("einundzwanzig" →
/// "ein", "und", "zwanzig"). A rest that failed to split once is not tried again, so the cost
/// is bounded by the word's length times the longest lexicon word.
fn split(word: &str, lex: &Lexicon, out: &mut Vec<(u64, Role)>) -> bool {
    if word.len() > LONGEST_WORD {
        return false;
    }
    let mut failed = vec![false; word.len() + 1];
    split_from(word, 0, lex, out, &mut failed)
}

fn split_from(
    word: &str,
    at: usize,
    lex: &Lexicon,
    out: &mut Vec<(u64, Role)>,
    failed: &mut [bool],
) -> bool {
    if at == word.len() {
        return true;
    }
    if failed[at] {
        return false;
    }
    let rest = &word[at..];
    // Where a lexicon word could end: after each character while what is read so far begins
    // some lexicon word (most words fail on their second or third letter).
    let bounds: Vec<usize> = rest
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take(lex.longest)
        .take_while(|&end| lex.prefixes.contains(&rest[..end]))
        .collect();
    for &end in bounds.iter().rev() {
        if let Some(&entry) = lex.words.get(&rest[..end]) {
            out.push(entry);
            if split_from(word, at + end, lex, out, failed) {
                return true;
            }
            out.pop();
        }
    }
    failed[at] = true;
    false
}

/// The factor of a scale word in the language's number lexicon ("milionů", "мільйонів",
/// "тысячи"): every case form the language writes after a number in digits.
pub(super) fn scale_word(key: &str, lang: &LangTag) -> Option<f64> {
    let lex = lexicon(lang.primary())?;
    match lex.words.get(key) {
        Some((v, Role::Scale)) => Some(*v as f64),
        _ => None,
    }
}

/// Whether `key` is a word for "hundred" in the language's lexicon ("set", "sta", "hundred").
pub(super) fn is_hundred_word(key: &str, lang: &LangTag) -> bool {
    lexicon(lang.primary())
        .is_some_and(|lex| matches!(lex.words.get(key), Some((_, Role::Hundred))))
}

/// Every word a language writes for the number `value` (1 to 99) on its own, in every case
/// and gender: for finding a number inside a compound ("dreimal", "трехдневный").
pub fn number_word_forms(value: u64, lang: &LangTag) -> Vec<&'static str> {
    let Some(lex) = lexicon(lang.primary()) else {
        return Vec::new();
    };
    let mut forms: Vec<&'static str> = lex
        .words
        .iter()
        .filter(|(_, (v, role))| *v == value && *role == Role::Add)
        .map(|(w, _)| w.as_str())
        .collect();
    forms.sort_unstable();
    forms
}

/// Vowels a compound drops or adds between number words: Italian "tredic-enne", Polish
/// "czter-o-dniowy", "dwudziest-o-letni".
const VOWELS: &str = "aeiouyàèéìíòóùúěůąęаеиоуыэюяёіїє";

/// Number words and stems, to their value and role.
type Stems = HashMap<String, (u64, Role)>;

/// Each number word of a lexicon and its stem without a last vowel (three letters or more):
/// the pieces compounds are made of.
fn stems(lang: &str, lex: &Lexicon) -> Stems {
    let mut out = HashMap::default();
    // The forms a number takes only inside compounds ("troj-násobný", "trój-ka").
    for line in include_str!("../../data/numbers/combining.tsv").lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if let [l, form, value] = cols[..]
            && l == lang
            && let Ok(value) = value.parse()
        {
            out.insert(form.to_string(), (value, Role::Add));
        }
    }
    for (w, &entry) in &lex.words {
        if entry.1 == Role::Scale {
            continue;
        }
        out.insert(w.clone(), entry);
        if entry.1 == Role::And {
            continue;
        }
        if let Some(stem) = w.strip_suffix(|c: char| VOWELS.contains(c))
            && stem.chars().count() >= 3
        {
            out.entry(stem.to_string()).or_insert(entry);
        }
    }
    out
}

/// The numbers a compound word starts with ("dreimal" 3, "tredicenne" 13, "czterdziestoletni"
/// 40, "трехдневный" 3): number words or their stems, joined by at most a vowel, then more
/// letters. A word that is a number itself is not a compound. Bounded work per word.
pub fn compound_values(word: &str, lang: &LangTag) -> Vec<u64> {
    static STEMS: OnceLock<HashMap<&'static str, (Stems, usize)>> = OnceLock::new();
    let Some(lex) = lexicon(lang.primary()) else {
        return Vec::new();
    };
    let all = STEMS.get_or_init(|| {
        TABLES
            .iter()
            .filter_map(|(l, _)| {
                let stems = stems(l, lexicon(l)?);
                let longest = stems.keys().map(|k| k.len()).max().unwrap_or(0);
                Some((*l, (stems, longest)))
            })
            .collect()
    });
    let Some((stems, longest)) = all.get(lang.primary()) else {
        return Vec::new();
    };
    if word.len() > 48 || !lex.initials.contains(&word.chars().next().unwrap_or(' ')) {
        return Vec::new();
    }
    let word = &apostrophes(word);
    let mut out = Vec::new();
    let mut parts = Vec::new();
    compound_from(
        word,
        0,
        stems,
        *longest,
        lang.primary() == "fr",
        &mut parts,
        &mut out,
    );
    out.sort_unstable();
    out.dedup();
    out
}

fn compound_from(
    word: &str,
    at: usize,
    stems: &Stems,
    longest: usize,
    vigesimal: bool,
    parts: &mut Vec<(u64, Role)>,
    out: &mut Vec<u64>,
) {
    if parts.len() >= 4 {
        return;
    }
    let rest = &word[at..];
    let ends: Vec<usize> = rest
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take_while(|&e| e <= longest)
        .collect();
    for &end in ends.iter().rev() {
        let Some(&entry) = stems.get(&rest[..end]) else {
            continue;
        };
        // A connector joins two number words ("vier-en-twintig"), never opens a compound.
        if entry.1 == Role::And && parts.is_empty() {
            continue;
        }
        parts.push(entry);
        let mut after = at + end;
        for skip_vowel in [false, true] {
            if skip_vowel {
                match word[after..].chars().next() {
                    Some(c) if VOWELS.contains(c) => after += c.len_utf8(),
                    _ => break,
                }
            }
            // Something after the number: a suffix or an ending ("neufs", "tredicenne").
            if !word[after..].is_empty()
                && let Some(v) = evaluate(parts, vigesimal).filter(|v| (2..=999).contains(v))
            {
                out.push(v);
            }
            compound_from(word, after, stems, longest, vigesimal, parts, out);
        }
        parts.pop();
    }
}

/// The value of a cardinal number written in words ("vingt et un", "einundzwanzig",
/// "two thousand and five"), or `None` when the text is not entirely a number.
pub fn parse_cardinal(text: &str, lang: &LangTag) -> Option<u64> {
    let lex = lexicon(lang.primary())?;
    // Most words are not numbers: their first letter says so before any allocation.
    let first = text.chars().next()?;
    let initial = first.to_lowercase().next().unwrap_or(first);
    if lex.initials.binary_search(&initial).is_err() {
        return None;
    }
    // Words are split at spaces and hyphens only: an apostrophe belongs to the word in
    // Ukrainian ("пʼять").
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2010}' || c == '\u{2011}')
        .filter(|w| !w.is_empty())
        .map(|w| apostrophes(&crate::normalize::folded(w)))
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    let last = words.len() - 1;
    for (k, w) in words.iter().enumerate() {
        let from = parts.len();
        // Where case endings are glued to numbers, the last word may carry one ("dörde",
        // "sekizi": to four, the eight of), unless the word is as often another word ("onu").
        let ok = split(w, lex, &mut parts)
            || (k == last && AGGLUTINATIVE.contains(&lang.primary()) && {
                parts.truncate(from);
                with_ending(w, lex, Some(lang.primary()), &mut parts).is_some()
            });
        if !ok {
            return None;
        }
        // A connector joins number words inside a word ("einundzwanzig"), never opens or
        // closes one: Italian "eventi" (events) is not "e" + "venti".
        let inside = &parts[from..];
        let loose = |p: Option<&(u64, Role)>| p.is_some_and(|p| p.1 == Role::And);
        if inside.len() > 1 && (loose(inside.first()) || loose(inside.last())) {
            return None;
        }
    }
    evaluate(&parts, lang.primary() == "fr")
}

/// Languages that glue case endings to number words (Turkish "dörde", Finnish "viidessä").
pub(super) const AGGLUTINATIVE: &[&str] = &["tr", "fi", "hu", "et"];

/// A number word with a case ending of at most five letters, the shortest ending first: where
/// the ending starts. Never a word that is as often another word ("on" in "onu", him) unless
/// `homographs_of` is `None` (where only a number can stand).
fn with_ending(
    word: &str,
    lex: &Lexicon,
    homographs_of: Option<&str>,
    out: &mut Vec<(u64, Role)>,
) -> Option<usize> {
    let ends: Vec<usize> = word.char_indices().map(|(i, _)| i).skip(2).collect();
    ends.iter().rev().take(5).copied().find(|&end| {
        let base = &word[..end];
        // An ordinal ("üçüncü") or a derived word ("üçlü", trio; "yüzler") is not a case form.
        let ending = &word[end..];
        if ["nc", "ınc", "inc", "unc", "ünc", "l"]
            .iter()
            .any(|d| ending.starts_with(d))
        {
            return false;
        }
        // Turkish softens a final consonant before a vowel ending: "dört" → "dörde".
        let hard = base.strip_suffix('d').map(|b| format!("{b}t"));
        [Some(base.to_string()), hard]
            .into_iter()
            .flatten()
            .any(|base| {
                if homographs_of.is_some_and(|lang| is_homograph(lang, &base)) {
                    return false;
                }
                let from = out.len();
                split(&base, lex, out) || {
                    out.truncate(from);
                    false
                }
            })
    })
}

/// Turkish possessive endings, alone or before a case ("biri", one of them; "dördünü", the
/// four of them; "on birinden", from the eleven): they make a number a noun standing for
/// something the sentence names elsewhere.
const POSSESSIVE: &[&str] = &["ı", "i", "u", "ü", "sı", "si", "su", "sü"];

/// Whether the last word of a number in words takes a possessive ending ("ikisi", "dördünü"):
/// a number used as a noun, which a translation says its own way.
pub(super) fn possessive_ending(text: &str, lang: &LangTag) -> bool {
    let Some(lex) = lexicon(lang.primary()).filter(|_| lang.primary() == "tr") else {
        return false;
    };
    let Some(last) = text.split_whitespace().last() else {
        return false;
    };
    let word = apostrophes(&crate::normalize::folded(last));
    let mut parts = Vec::new();
    if split(&word, lex, &mut parts) {
        return false;
    }
    parts.clear();
    with_ending(&word, lex, None, &mut parts)
        .is_some_and(|end| POSSESSIVE.iter().any(|p| word[end..].starts_with(p)))
}

/// A number in words where only a number can stand ("yüzde ona", to ten per cent; "sabahın
/// altısı", six in the morning): any case ending, a homograph too, and the adjective ending
/// "-lik" ("yüzde beşlik", of five per cent). Languages that glue endings only.
pub(super) fn parse_cardinal_loose(text: &str, lang: &LangTag) -> Option<u64> {
    if let Some(n) = parse_cardinal(text, lang) {
        return Some(n);
    }
    let lex = lexicon(lang.primary()).filter(|_| AGGLUTINATIVE.contains(&lang.primary()))?;
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| apostrophes(&crate::normalize::folded(w)))
        .collect();
    let (last, firsts) = words.split_last()?;
    let mut parts = Vec::new();
    for w in firsts {
        if !split(w, lex, &mut parts) {
            return None;
        }
    }
    let from = parts.len();
    // "beşlik", "beşlikten": the number before its adjective ending and any case after it.
    let bare = ["lik", "lık", "luk", "lük"]
        .iter()
        .find_map(|s| last.find(s).filter(|&at| at > 0).map(|at| &last[..at]))
        .unwrap_or(last);
    let ok = split(bare, lex, &mut parts) || {
        parts.truncate(from);
        with_ending(bare, lex, None, &mut parts).is_some()
    };
    if !ok {
        return None;
    }
    evaluate(&parts, false)
}

/// Every apostrophe written as the ASCII one, in lexicons and in text alike.
pub(super) fn apostrophes(w: &str) -> String {
    w.chars()
        .map(|c| {
            if crate::normalize::is_apostrophe(c) {
                '\''
            } else {
                c
            }
        })
        .collect()
}

fn evaluate(parts: &[(u64, Role)], vigesimal: bool) -> Option<u64> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut last: Option<(u64, Role)> = None;
    let mut largest_scale = 0;
    let mut any = false;
    for &(value, role) in parts {
        match role {
            Role::And => continue,
            Role::Add => {
                // A unit right after a unit is two numbers, not one ("three one-sided",
                // "one and three").
                if value < 10 && matches!(last, Some((v, Role::Add)) if v < 10) {
                    return None;
                }
                // French counts by twenties: "quatre-vingts" is four twenties.
                if vigesimal && value == 20 && matches!(last, Some((4, Role::Add))) {
                    current = current - 4 + 80;
                } else {
                    current += value;
                }
            }
            Role::Hundred => current = current.max(1) * value,
            Role::Tens => match last {
                Some((unit, Role::Add)) if unit < 10 && unit > 0 => {
                    current = current - unit + unit * value;
                }
                _ => return None,
            },
            Role::Scale => {
                if value > largest_scale {
                    // "dos mil millones": the whole count so far is multiplied.
                    total = (total + current).max(1).checked_mul(value)?;
                    largest_scale = value;
                } else {
                    total += current.max(1).checked_mul(value)?;
                }
                current = 0;
            }
        }
        any = true;
        last = Some((value, role));
    }
    // "ciento y" is a number and a conjunction.
    if matches!(last, Some((_, Role::And))) || parts.last().is_some_and(|p| p.1 == Role::And) {
        return None;
    }
    any.then_some(total + current)
}

/// Whether a number word is as often another word (`data/numbers/homographs.tsv`).
pub(super) fn is_homograph(lang: &str, key: &str) -> bool {
    static T: OnceLock<std::collections::HashSet<(&'static str, &'static str)>> = OnceLock::new();
    T.get_or_init(|| {
        include_str!("../../data/numbers/homographs.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                Some((cols.next()?, cols.next()?))
            })
            .collect()
    })
    .contains(&(lang, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lang: &str, text: &str) -> Option<u64> {
        parse_cardinal(text, &lang.parse().unwrap())
    }

    #[test]
    fn cardinals_in_each_language() {
        assert_eq!(p("en", "two thousand and five"), Some(2005));
        assert_eq!(p("en", "one million two hundred thousand"), Some(1_200_000));
        assert_eq!(p("es", "quince"), Some(15));
        assert_eq!(p("es", "dos mil millones"), Some(2_000_000_000));
        assert_eq!(p("es", "veintiún"), Some(21));
        assert_eq!(p("fr", "vingt-et-un"), Some(21));
        assert_eq!(p("fr", "vingt et un"), Some(21));
        assert_eq!(p("fr", "quatre-vingt-dix-neuf"), Some(99));
        assert_eq!(p("fr", "deux cents"), Some(200));
        assert_eq!(p("de", "einundzwanzig"), Some(21));
        assert_eq!(p("de", "zweihundertdreiundvierzig"), Some(243));
        assert_eq!(p("it", "ventuno"), Some(21));
        assert_eq!(p("it", "centottanta"), Some(180));
        assert_eq!(p("pt", "cento e um"), Some(101));
        assert_eq!(p("nl", "tweeëntwintig"), Some(22));
        assert_eq!(p("en", "twenty apples"), None);
        assert_eq!(p("en", "three one"), None);
        assert_eq!(p("en", "one and three"), None);
        assert_eq!(p("ru", "двадцати одного"), Some(21));
        assert_eq!(p("pl", "dwadzieścia jeden"), Some(21));
        assert_eq!(p("ru", "две тысячи триста"), Some(2300));
        assert_eq!(p("sv", "tjugoett"), Some(21));
        // Indonesian "puluh" multiplies only the unit before it; "se-" is one, glued.
        assert_eq!(p("id", "tiga ratus dua puluh lima"), Some(325));
        assert_eq!(p("id", "dua belas"), Some(12));
        assert_eq!(p("id", "seribu dua ratus"), Some(1200));
        assert_eq!(p("id", "dua ratus lima puluh ribu"), Some(250_000));
        assert_eq!(p("id", "puluh"), None);
        assert_eq!(p("id", "seratus puluh"), None);
        assert_eq!(p("ro", "douăzeci și unu"), Some(21));
        assert_eq!(p("ro", "două sute"), Some(200));
        assert_eq!(p("ro", "douăzeci de mii"), Some(20_000));
        assert_eq!(p("ro", "sase"), Some(6));
        assert_eq!(p("ro", "şapte"), Some(7));
        assert_eq!(p("ro", "cinci de"), None);
        assert_eq!(p("da", "enogtyve"), Some(21));
        assert_eq!(p("da", "to hundrede og tre"), Some(203));
        assert_eq!(p("da", "halvfems"), Some(90));
        assert_eq!(p("ja", "ichi"), None, "no lexicon");
        assert_eq!(p("it", "eventi"), None, "a connector does not open a word");
        assert_eq!(p("it", "trentatré"), Some(33));
        assert_eq!(p("tr", "dörde"), Some(4));
        assert_eq!(p("tr", "elli sekizi"), Some(58));
        assert_eq!(p("tr", "onu"), None, "him, not ten");
        assert_eq!(p("tr", "yüzden"), None, "therefore, not from a hundred");
        assert_eq!(p("tr", "üçüncü"), None, "the ordinal");
    }

    #[test]
    fn turkish_numbers_as_nouns_and_where_only_a_number_stands() {
        let tr: LangTag = "tr".parse().unwrap();
        assert!(possessive_ending("ikisi", &tr), "two of them");
        assert!(possessive_ending("on birinden", &tr), "from the eleven");
        assert!(possessive_ending("dördünü", &tr));
        assert!(
            !possessive_ending("dörde", &tr),
            "to four: a case, no possessive"
        );
        assert!(!possessive_ending("dört", &tr));
        assert!(!possessive_ending("ikisi", &"sv".parse().unwrap()));
        let loose = |t: &str| parse_cardinal_loose(t, &tr);
        assert_eq!(loose("ona"), Some(10), "to ten, where only a number stands");
        assert_eq!(loose("beşlik"), Some(5));
        assert_eq!(loose("altısı"), Some(6));
        assert_eq!(loose("on ikiye"), Some(12));
        assert_eq!(loose("masa"), None);
        assert_eq!(parse_cardinal_loose("ona", &"en".parse().unwrap()), None);
        let en: LangTag = "en".parse().unwrap();
        assert_eq!(compound_values("fourballs", &en), [4]);
        assert_eq!(compound_values("four", &en), [] as [u64; 0]);
        assert_eq!(compound_values("dreimal", &"de".parse().unwrap()), [3]);
        let c = |w: &str, l: &str| compound_values(w, &l.parse().unwrap());
        assert!(c("tredicenne", "it").contains(&13));
        assert!(c("ventinovenne", "it").contains(&29));
        assert!(c("czterdziestoletni", "pl").contains(&40));
        assert!(c("dwudziestoletni", "pl").contains(&20));
        assert!(c("czterodniowy", "pl").contains(&4));
        assert!(c("pięcioro", "pl").contains(&5));
        assert!(c("vierentwintigjarige", "nl").contains(&24));
        assert!(c("sedmatřicetiletá", "cs").contains(&37));
        assert!(c("трехдневный", "ru").contains(&3));
    }

    #[test]
    fn ukrainian_and_czech_oblique_cases() {
        assert_eq!(p("uk", "двохсот"), Some(200));
        assert_eq!(p("uk", "п'ятьом"), Some(5));
        assert_eq!(p("uk", "пʼятьом"), Some(5));
        assert_eq!(p("uk", "п’яти"), Some(5));
        assert_eq!(p("uk", "двадцятьма"), Some(20));
        assert_eq!(p("uk", "трьох тисяч"), Some(3000));
        assert_eq!(p("uk", "сорока п'яти"), Some(45));
        assert_eq!(p("uk", "п'ятистах двадцятьох"), Some(520));
        assert_eq!(p("uk", "сьома"), None, "the ordinal, not a case form");
        assert_eq!(p("cs", "pěti"), Some(5));
        assert_eq!(p("cs", "dvaceti"), Some(20));
        assert_eq!(p("cs", "třiceti pěti"), Some(35));
        assert_eq!(p("cs", "dvěma tisíci"), Some(2000));
        assert_eq!(p("cs", "dvou set"), Some(200));
        assert_eq!(p("cs", "pěti stech"), Some(500));
        assert_eq!(p("cs", "dvěma sty třiceti"), Some(230));
        assert_eq!(p("cs", "stu"), Some(100));
    }
}

#[cfg(test)]
mod data_tests {
    use super::TABLES;

    #[test]
    fn lexicons_are_sorted_with_known_roles_and_values() {
        for (lang, table) in TABLES {
            let rows: Vec<Vec<&str>> = table
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(|l| l.split('\t').collect())
                .collect();
            assert!(rows.len() >= 20, "{lang}");
            for r in &rows {
                assert_eq!(r.len(), 3, "{lang}: {r:?}");
                assert!(r[1].parse::<u64>().is_ok(), "{lang}: {r:?}");
                assert!(
                    ["add", "hundred", "tens", "scale", "and"].contains(&r[2]),
                    "{lang}: {r:?}"
                );
            }
            let words: Vec<&str> = rows.iter().map(|r| r[0]).collect();
            let mut sorted = words.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(words, sorted, "{lang}: keep the lexicon sorted and unique");
        }
    }
}

#[cfg(test)]
mod homograph_tests {
    use super::*;

    #[test]
    fn every_homograph_is_a_number_word_of_its_language() {
        for line in include_str!("../../data/numbers/homographs.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "{line}");
            let lang: LangTag = cols[0].parse().unwrap();
            assert!(parse_cardinal(cols[1], &lang).is_some(), "{line}");
        }
    }
}

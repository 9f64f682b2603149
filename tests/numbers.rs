//! Number words checked against CLDR: every spellout of 0 to 1000 that ICU writes (every rule
//! set but the year style) parses back to its value. Tables in tests/data/rbnf (Unicode data,
//! see NOTICE.md there).

use concord::lang::LangTag;
use concord::numbers::{digits, parse_cardinal, quantities};
use proptest::prelude::*;

#[test]
fn every_cldr_spellout_parses_back() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for lang in [
        "en", "es", "fr", "de", "it", "pt", "nl", "ru", "uk", "pl", "cs", "sv", "tr",
    ] {
        let tag: LangTag = lang.parse().unwrap();
        let table = std::fs::read_to_string(format!(
            "{}/tests/data/rbnf/{lang}.tsv",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let mut lines = table.lines();
        let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
        for line in lines {
            let cols: Vec<&str> = line.split('\t').collect();
            let n: u64 = cols[0].parse().unwrap();
            for (name, text) in header.iter().zip(&cols).skip(1) {
                if name.contains("year") {
                    continue;
                }
                checked += 1;
                if parse_cardinal(text, &tag) != Some(n) {
                    failures.push(format!(
                        "{lang} {name} {n}: {text:?} -> {:?}",
                        parse_cardinal(text, &tag)
                    ));
                }
            }
        }
    }
    assert!(checked > 60_000, "{checked} spellouts");
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Writes a value the way a language writes numbers: grouping every three digits.
fn format(value: u64, frac: Option<u32>, group: char, dec: char) -> String {
    let s = value.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(dec);
        out.push_str(&format!("{f:02}"));
    }
    out
}

proptest! {
    #[test]
    fn formatting_in_a_language_style_and_parsing_back_gives_the_value(value in 0u64..1_000_000_000, frac in prop::option::of(0u32..100), style in 0usize..5) {
        let (lang, group, dec) = [("en", ',', '.'), ("es", '.', ','), ("fr", '\u{202f}', ','), ("de", '.', ','), ("ru", '\u{a0}', ',')][style];
        let text = format!("total: {} units", format(value, frac, group, dec));
        let found = digits(&text, &lang.parse().unwrap());
        prop_assert_eq!(found.len(), 1, "{}", text);
        let expected = value as f64 + frac.map_or(0.0, |f| f as f64 / 100.0);
        prop_assert!((found[0].value - expected).abs() < 1e-6, "{} read as {}", text, found[0].value);
    }
}

/// Pieces of text the number reader has to tell apart, in many languages and scripts.
const PIECES: &[&str] = &[
    "1",
    "3.5",
    "1,5",
    "2.300",
    "1.500.000",
    "½",
    "2½",
    "3/4",
    "15:30",
    "18.30",
    "Uhr",
    "h",
    "%",
    "Prozent",
    "per",
    "cent",
    "m",
    "km",
    "mph",
    "bn",
    "Mio.",
    "millones",
    "de",
    "dos",
    "mil",
    "twenty",
    "-",
    "one",
    "a",
    "mile",
    "third",
    "the",
    "second",
    "1st",
    "3.",
    "März",
    "March",
    "1930s",
    "años",
    "siglo",
    "XIX",
    "€",
    "$",
    "US$",
    "(",
    ")",
    "—",
    "'",
    "п'ять",
    "сім'я",
    "семью",
    "два",
    "тысячи",
    "млрд",
    "2019年",
    "2月10日",
    "三百万",
    "千亿",
    "两",
    "的45%",
    "到",
    "٣٥",
    "۳۵",
    "٫",
    "x",
    "×",
    "feet",
    "foot",
    "inches",
    "6-foot-6",
    "1950-53",
    "to",
    "and",
    "\u{a0}",
    "\u{202f}",
    " ",
    "\n\n",
    "m3.5",
    "1m3.5",
    "G7",
    "Covid-19",
    "vingt-et-un",
    "quatre-vingt-dix",
    "einundzwanzig",
    "zweieinhalb",
    "dwudziestoletni",
    "venti",
    "sei",
];

fn pieces() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "\\PC{0,6}",
    ];
    proptest::collection::vec(
        (piece, proptest::sample::select(vec!["", " ", "-", "."])),
        0..30,
    )
    .prop_map(|parts| parts.into_iter().map(|(p, s)| p + s).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    /// Whatever the text, reading it never panics and gives spans in order, apart, inside the
    /// text and on character boundaries.
    #[test]
    fn the_number_reader_returns_ordered_spans_on_any_text(
        text in pieces(),
        lang in proptest::sample::select(vec!["en", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "uk", "cs", "sv", "tr", "zh", "ja", "ar", "fa", "en-US"]),
    ) {
        let lang: LangTag = lang.parse().unwrap();
        let found = quantities(&text, &lang);
        let mut end = 0;
        for q in &found {
            prop_assert!(q.span.start >= end && q.span.start < q.span.end, "{:?} in {:?}", found, text);
            prop_assert!(q.span.end <= text.len());
            prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            prop_assert!(!q.value.is_nan(), "{:?}", q);
            end = q.span.end;
        }
    }
}

/// A German text holding "1m3.5 Prozent" made the reader slice backwards: a percent sign found
/// past a code gave two quantities over the same words.
#[test]
fn regression_a_code_before_a_percent_word_is_not_read_through() {
    let text = "1m3.5 Prozent";
    let found = quantities(text, &"de".parse().unwrap());
    let spans: Vec<&str> = found.iter().map(|q| &text[q.span.clone()]).collect();
    // "1m3" is a cubic metre written without a space; the rest is a code, not "3.5 %".
    assert_eq!(spans, ["1m3"]);
}

//! Number words checked against CLDR: every spellout of 0 to 1000 that ICU writes (every rule
//! set but the year style) parses back to its value. Tables in tests/data/rbnf (Unicode data,
//! see NOTICE.md there).

use concord::lang::LangTag;
use concord::numbers::{digits, parse_cardinal};
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

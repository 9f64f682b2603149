//! Invariants that hold for any input, checked on generated text.

use std::path::Path;

use concord::engine::{Input, Kind, Options};
use concord::glossary::{GlossarySet, Matcher, Status, parse};
use concord::markup::Format;
use concord::normalize::folded;
use concord::token::tokenize_str;
use concord::{Engine, text};
use proptest::prelude::*;

const GLOSSARY: &str = r#"{"format": "concord-glossary/1", "name": "p", "entries": [
  {"id": "nk", "kind": "place", "terms": {"en": {"preferred": "Nagorno-Karabakh", "deprecated": ["Nagorno Karabakh"]}}},
  {"id": "kyiv", "kind": "place", "terms": {"en": {"preferred": "Kyiv", "deprecated": ["Kiev"]}}}
]}"#;

fn glossary() -> GlossarySet {
    let mut set = GlossarySet::default();
    set.push("p", parse(Path::new("p.json"), GLOSSARY).unwrap());
    set
}

proptest! {
    #[test]
    fn token_spans_are_ordered_words_with_folded_keys(text in "\\PC{0,200}") {
        let toks = tokenize_str(&text);
        let mut last_end = 0;
        for (i, t) in toks.list.iter().enumerate() {
            prop_assert!(t.start >= last_end && t.start < t.end && t.end <= text.len());
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert_eq!(toks.key(i), folded(&text[t.span()]));
            last_end = t.end;
        }
    }

    #[test]
    fn an_inserted_deprecated_form_is_found_exactly_where_it_is(
        before in prop::collection::vec("[a-z]{1,8}", 0..12),
        after in prop::collection::vec("[a-z]{1,8}", 0..12),
        upper in any::<bool>(),
        possessive in any::<bool>(),
    ) {
        let form = if upper { "NAGORNO KARABAKH" } else { "Nagorno Karabakh" };
        let head = before.join(" ");
        let sep = if head.is_empty() { "" } else { " " };
        let text = format!("{head}{sep}{form}{} {}", if possessive { "’s" } else { "" }, after.join(" "));
        let start = head.len() + sep.len();
        let m = Matcher::compile(std::sync::Arc::new(glossary()), &"en".parse().unwrap());
        let found = m.find(&text, &tokenize_str(&text));
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(found[0].form.status, Status::Deprecated);
        prop_assert_eq!(found[0].span.clone(), start..start + form.len());
    }

    #[test]
    fn utf16_decoding_round_trips(text in "\\PC{0,100}") {
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let (decoded, _) = text::decode(&bytes).unwrap();
        prop_assert_eq!(decoded, text);
    }
}

/// Random documents from a vocabulary of names, their variants and look-alikes.
fn documents() -> impl Strategy<Value = Vec<String>> {
    let words = prop::sample::select(vec![
        "Antony Blinken",
        "Anthony Blinken",
        "Blinken",
        "Garibashvili",
        "Garibachvili",
        "Kiev",
        "Kyiv",
        "Nagorno Karabakh",
        "Armenia",
        "Armenian",
        "Iran",
        "Iraq",
        "said",
        "on",
        "Tuesday",
        "the",
        "talks",
        ".",
    ]);
    prop::collection::vec(
        prop::collection::vec(words, 0..40).prop_map(|w| w.join(" ")),
        1..12,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn findings_do_not_depend_on_the_thread_count(docs in documents()) {
        let engine = Engine::new(glossary(), Options::default());
        let inputs = || docs.iter().enumerate().map(|(i, d)| Input::Bytes {
            name: format!("doc{i}.en.txt"), bytes: d.clone().into_bytes(), kind: Kind::Text(Format::Plain),
        }).collect::<Vec<_>>();
        let run = |threads| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| engine.run(inputs())).findings
        };
        let one = run(1);
        prop_assert_eq!(&one, &run(4));
        let mut sorted = one.clone();
        sorted.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        prop_assert_eq!(one, sorted);
    }
}

/// Arbitrary bytes in every input format: a finding or an input error, never a panic (the
/// engine turns a panic into an input error that names it, so none may appear).
fn formats() -> impl Strategy<Value = Kind> {
    use concord::formats::Container;
    prop::sample::select(vec![
        Kind::Text(Format::Plain),
        Kind::Text(Format::Markdown),
        Kind::Container(Container::Xliff),
        Kind::Container(Container::Tmx),
        Kind::Container(Container::Jsonl),
    ])
}

fn messy_text() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "Kiev",
        "Anthony Blinken",
        " ",
        "\n",
        "\n\n",
        "’s",
        "\"",
        "“",
        "«",
        "&amp;",
        "&nbsp;",
        "<",
        ">",
        "<source>",
        "</source>",
        "<target>",
        "</target>",
        "<seg>",
        "</seg>",
        "<tu>",
        "<tuv xml:lang=\"es\">",
        "<xliff version=\"1.2\">",
        "<tmx>",
        "{\"source\": \"",
        "\", \"target\": \"",
        "\"}",
        "\\u00e9",
        "\\",
        "# ",
        "```",
        "[a](http://x/Kiev)",
        "https://k.example/Kiev",
        "Мэй",
        "Rīgā",
        "Đại",
        "\u{301}",
        "-",
        "'",
        ".",
        "Mr.",
        "1,500",
        "\t",
        "\r\n",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|p| p.concat().into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_input_makes_the_engine_panic(bytes in messy_text(), kind in formats(), raw in prop::collection::vec(any::<u8>(), 0..64)) {
        let engine = Engine::new(glossary(), Options::default());
        for b in [bytes.clone(), raw.clone(), [bytes, raw].concat()] {
            let report = engine.run(vec![Input::Bytes { name: "x".into(), bytes: b, kind }]);
            for e in &report.input_errors {
                prop_assert!(!e.message.contains("internal error"), "{}", e.message);
            }
        }
    }
}

proptest! {
    /// Any text in any supported language: reading quantities never panics, and every span is
    /// inside the text, on character boundaries, in text order.
    #[test]
    fn quantities_never_panic_and_spans_are_sound(
        text in "([0-9.,'’ \u{a0}\u{202f}%€$£½xх×:/-]|[a-zA-Zа-яА-ЯёéèàçñßÀ-ÿʼ]{1,8}|\\PC){0,40}",
        lang in prop::sample::select(vec!["en", "es", "fr", "de", "it", "pt", "nl", "ru", "uk", "pl", "cs", "sv", "tr"]),
    ) {
        let found = concord::numbers::quantities(&text, &lang.parse().unwrap());
        let mut last = 0;
        for q in &found {
            prop_assert!(q.span.start <= q.span.end && q.span.end <= text.len());
            prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            prop_assert!(q.span.start >= last);
            last = q.span.start;
        }
    }
}

proptest! {
    /// Whatever the markup, an HTML page is read without failing, and every finding points
    /// at a place in the file that holds the text it reports (or a reference to it).
    #[test]
    fn html_findings_point_into_the_page(
        parts in prop::collection::vec(
            prop_oneof![
                Just("<p>".to_string()), Just("</p>".to_string()), Just("<b>".to_string()),
                Just("</b>".to_string()), Just("<br>".to_string()), Just("<script>".to_string()),
                Just("</script>".to_string()), Just("<!-- c -->".to_string()),
                Just("&amp;".to_string()), Just("&nbsp;".to_string()), Just("&eacute".to_string()),
                Just("<".to_string()), Just("&".to_string()), Just("\r\n".to_string()),
                Just("Kiev".to_string()), Just(" Nagorno Karabakh ".to_string()),
                "[a-z ]{0,6}",
            ],
            0..40,
        )
    ) {
        let page = parts.concat();
        let engine = Engine::new(glossary(), Options { lang: Some("en".parse().unwrap()), ..Options::default() });
        let report = engine.run(vec![Input::Bytes { name: "p.html".into(), bytes: page.clone().into_bytes(), kind: Kind::Text(Format::Html) }]);
        prop_assert!(report.input_errors.is_empty());
        for f in &report.findings {
            prop_assert!(f.byte_start <= f.byte_end && f.byte_end <= page.len());
            let file = &page[f.byte_start..f.byte_end];
            prop_assert!(file.starts_with(&f.text[..1]) || file.starts_with('&') || file.starts_with('<'), "{:?} at {:?}", f.text, file);
            if let Some(fix) = &f.fix {
                prop_assert_eq!(&page[fix.byte_start..fix.byte_end], f.text.as_str());
            }
        }
    }
}

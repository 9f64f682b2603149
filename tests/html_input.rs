//! HTML articles: what is prose, where findings point, and how `--fix` rewrites text nodes.

mod common;

use common::{assert_matches_file, root, run, run_in, stderr, stdout};

const PAGE: &str = "tests/data/html/caucasus-talks.en.html";

#[test]
fn findings_point_at_the_html_file() {
    let out = run(&["check", "--format", "brief", PAGE]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // The title, meta description, script, style, navigation, image text, <pre>, comments
    // and footer all say "Kiev" or "Anthony Blinken": none of them is reported.
    assert_matches_file(
        &stdout(&out),
        &root().join("tests/data/html/caucasus-talks.en.expected"),
    );
}

#[test]
fn standard_input_reads_html_when_told() {
    let page = std::fs::read(root().join(PAGE)).unwrap();
    let out = run_in(
        &root(),
        &[
            "check",
            "--format",
            "brief",
            "--lang",
            "en",
            "--input-format",
            "html",
            "-",
        ],
        Some(&page),
    );
    let expected =
        std::fs::read_to_string(root().join("tests/data/html/caucasus-talks.en.expected"))
            .unwrap()
            .replace(PAGE, "<stdin>");
    assert_eq!(stdout(&out), expected);
}

#[test]
fn human_report_quotes_the_html_line() {
    let out = run(&["check", PAGE]);
    let text = stdout(&out);
    assert!(
        text.contains(
            "20 |     <figcaption>US Secretary of State <strong>Anthony Blinken</strong> (centre)"
        ),
        "{text}"
    );
}

#[test]
fn fix_rewrites_text_nodes_only() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("talks.en.html");
    std::fs::copy(root().join(PAGE), &page).unwrap();
    let out = run_in(
        dir.path(),
        &["check", "--fix", "--format", "brief", "talks.en.html"],
        None,
    );
    let after = std::fs::read_to_string(&page).unwrap();
    // The five forms written as plain text inside an element are rewritten…
    assert!(after.contains("<strong>Antony Blinken</strong>"), "{after}");
    assert!(after.contains("<a href=\"/tag/nk\">Nagorno-Karabakh</a>"));
    assert!(after.contains("<em>Kyiv</em> or Vienna"));
    assert!(after.contains("<i>to Nagorno-Karabakh<p>"));
    // …attributes, scripts, code and the title are not…
    assert!(after.contains("alt=\"Anthony Blinken with the ministers\""));
    assert!(after.contains("tags: [\"Kiev\", \"Anthony Blinken\"]"));
    assert!(after.contains("<code>embargo: Kiev 18:00</code>"));
    assert!(after.contains("<title>Kiev and Nagorno Karabakh"));
    // …and a form written with a character reference is left to a person, and reported.
    assert!(after.contains("Anthony&nbsp;Blinken told reporters"));
    assert_eq!(
        stdout(&out),
        "talks.en.html:24:8: error[name/glossary] “Anthony\u{a0}Blinken” is deprecated (as “Anthony Blinken”): use “Antony Blinken” (news-names: antony-blinken)\n"
    );
    assert_eq!(stderr(&out), "fixed 5 findings in 1 file\n");
}

#[test]
fn fix_escapes_what_html_text_cannot_hold() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("brands.en.html");
    std::fs::write(
        &page,
        "<p>Shares in <b>Proctor and Gamble</b> rose &amp; fell.</p>\n",
    )
    .unwrap();
    let glossary = root().join("tests/data/html/house.json");
    let fix = || {
        run_in(
            dir.path(),
            &[
                "check",
                "--no-default-glossaries",
                "-g",
                glossary.to_str().unwrap(),
                "--fix",
                "brands.en.html",
            ],
            None,
        )
    };
    let out = fix();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&page).unwrap(),
        "<p>Shares in <b>Procter &amp; Gamble</b> rose &amp; fell.</p>\n"
    );
    // Running it again changes nothing and finds nothing.
    let again = fix();
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(stderr(&again), "fixed 0 findings in 0 files\n");
}

#[test]
fn directories_are_walked_for_html_pages() {
    let out = run(&["check", "--format", "brief", "tests/data/html"]);
    assert!(
        stdout(&out).contains("caucasus-talks.en.html:20:47"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_name_written_with_a_character_reference_is_placed_on_its_source() {
    // Three pages spell the name one way, the fourth another, with one of its letters written
    // as a character reference: the name/corpus finding spans the fourteen letters of the
    // text, and the eighteen bytes and columns they take in the file.
    let dir = tempfile::tempdir().unwrap();
    let page = |text: &str| format!("<html lang=\"en\"><body><p>{text}</p></body></html>\n");
    for day in 1..=3 {
        let text =
            format!("Opposition leader Sviatlana Tsikhanouskaya met ministers on day {day}.");
        std::fs::write(dir.path().join(format!("a{day}.html")), page(&text)).unwrap();
    }
    let text = "Opposition leader Sviatlana Tsikhanovsk&#97;ya spoke in Vilnius.";
    std::fs::write(dir.path().join("b.html"), page(text)).unwrap();
    let out = run_in(
        dir.path(),
        &["check", "--format", "json", "--no-default-glossaries", "."],
        None,
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let corpus: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f["rule"] == "name/corpus")
        .collect();
    assert_eq!(corpus.len(), 1, "{findings:?}");
    let f = corpus[0];
    assert_eq!(f["path"], "./b.html");
    assert_eq!(f["text"], "Tsikhanovskaya");
    let at = |k: &str| f[k].as_u64().unwrap();
    assert_eq!(
        [at("line"), at("column"), at("end_line"), at("end_column")],
        [1, 54, 1, 72]
    );
    assert_eq!([at("byte_start"), at("byte_end")], [53, 71]);
    assert_eq!(f["related"].as_array().unwrap().len(), 3);
}

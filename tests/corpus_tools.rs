//! Batch runs: names across documents (`name/corpus`), the name register (`concord names`),
//! and the glossary tools that read a corpus (`stats`, `suggest`).

mod common;

use common::{assert_matches_file, root, run, stdout};

#[test]
fn a_name_spelled_differently_in_one_document_of_the_corpus() {
    let out = run(&["check", "--format", "brief", "tests/data/corpus"]);
    assert_matches_file(
        &stdout(&out),
        &root().join("tests/data/corpus/check.expected"),
    );
    // "Anna Davis" and "Ms Davies" in two stories are not taken for one person.
    assert!(!stdout(&out).contains("Davies"));
    // The rule can be turned off like any other.
    let off = run(&[
        "check",
        "--format",
        "brief",
        "--disable",
        "name/corpus",
        "tests/data/corpus",
    ]);
    assert_eq!(stdout(&off), "");
}

#[test]
fn the_register_lists_names_with_their_spellings() {
    let out = run(&["names", "--variants", "tests/data/corpus"]);
    assert_matches_file(
        &stdout(&out),
        &root().join("tests/data/corpus/names.expected"),
    );
    let json = run(&["names", "--format", "json", "tests/data/corpus"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["documents"], 4);
    let blinken = v["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Antony Blinken")
        .expect("Blinken is listed");
    assert_eq!(blinken["glossary"], "antony-blinken");
}

#[test]
fn stats_count_each_form_most_violated_first() {
    let out = run(&[
        "glossary",
        "stats",
        "tests/data/cli/desk.json",
        "--corpus",
        "tests/data/cli",
        "corpora",
    ]);
    assert_matches_file(
        &stdout(&out),
        &root().join("tests/data/corpus/stats.expected"),
    );
}

#[test]
fn suggest_drafts_entries_that_lint_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.json");
    let out = run(&[
        "glossary",
        "suggest",
        "--corpus",
        "tests/data/corpus",
        "-o",
        draft.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&draft).unwrap();
    assert_matches_file(
        &text,
        &root().join("tests/data/corpus/suggest.expected.json"),
    );
    let lint = run(&["glossary", "lint", draft.to_str().unwrap()]);
    assert_eq!(lint.status.code(), Some(0), "{}", stdout(&lint));
}

#[test]
fn human_output_shows_the_other_documents() {
    let out = run(&["check", "tests/data/corpus"]);
    let text = stdout(&out);
    assert!(
        text.contains("3 | ...urbs to the centre to 20 minutes. Mayor Tomasz Wierzbiki rode"),
        "{text}"
    );
    assert!(
        text.contains("note: see “Wierzbicki” in tests/data/corpus/budget.en.txt:3:"),
        "{text}"
    );
}

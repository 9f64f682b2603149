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

/// The words in which a finding's text and its first related place differ: the two spellings
/// `check` reported.
fn reported_pair(f: &serde_json::Value) -> Vec<(String, String)> {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_string)
            .collect()
    };
    let here = words(f["text"].as_str().unwrap());
    let there = f["related"][0]["text"]
        .as_str()
        .map(words)
        .unwrap_or_default();
    // name/corpus names the other documents' spelling as its suggestion.
    let there = if f["rule"] == "name/corpus" {
        words(f["suggestions"][0].as_str().unwrap())
    } else {
        there
    };
    here.into_iter()
        .zip(there)
        .filter(|(a, b)| a != b)
        .collect()
}

#[test]
fn the_register_lists_every_variant_check_reports() {
    let dir = "tests/data/register";
    let check = run(&["check", "--format", "json", "--fail-on", "never", dir]);
    let findings: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let names = run(&["names", "--variants", "--format", "json", dir]);
    let register: serde_json::Value = serde_json::from_slice(&names.stdout).unwrap();
    let clusters = register["clusters"].as_array().unwrap();
    let mut reported = 0;
    for f in findings["findings"].as_array().unwrap() {
        if !["name/inconsistent", "name/corpus"].contains(&f["rule"].as_str().unwrap()) {
            continue;
        }
        let pairs = reported_pair(f);
        assert_eq!(pairs.len(), 1, "one word differs in {f}");
        let (a, b) = &pairs[0];
        let listed = clusters.iter().any(|c| {
            let has = |w: &str| {
                c["spellings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s["text"] == w)
            };
            has(a) && has(b)
        });
        assert!(
            listed,
            "{a} / {b} reported by check but not in the register"
        );
        reported += 1;
    }
    // Within one document (a surname alone against the full name, in English and French) and
    // across documents.
    assert_eq!(reported, 4);
    assert_matches_file(
        &stdout(&run(&["names", "--variants", dir])),
        &root().join("tests/data/register/names.expected"),
    );
}

#[test]
fn the_register_names_people_without_their_titles() {
    let json = run(&["names", "--format", "json", "tests/data/register"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let names: Vec<&str> = v["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Charles Michel"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("President")), "{names:?}");
}

#[test]
fn stats_count_a_form_in_the_documents_of_its_own_language() {
    // "Micronesia" is the English and the Dutch form: each language counts its own documents.
    let out = run(&[
        "glossary",
        "stats",
        "glossaries/countries.json",
        "--format",
        "json",
        "--corpus",
        "tests/data/stats-languages",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fm = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "country-fm")
        .expect("Micronesia is counted");
    let forms: Vec<(String, String, u64)> = fm["forms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["language"].as_str().unwrap().to_string(),
                f["form"].as_str().unwrap().to_string(),
                f["documents"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        forms,
        [
            ("en".into(), "Micronesia".into(), 2),
            ("nl".into(), "Micronesia".into(), 1),
        ]
    );
}

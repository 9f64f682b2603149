//! `concord glossary …` on files: lint, forms, TBX and CSV import and export, round trips.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::{assert_matches_file, root, run, stderr, stdout};
use concord::glossary::{self, CaseMode, Glossary, csv, tbx};
use proptest::prelude::*;
use quick_xml::Reader;
use quick_xml::events::Event;

#[test]
fn lint_reports_every_problem_with_its_place() {
    let mut files: Vec<String> = std::fs::read_dir(root().join("tests/data/glossary"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("lint-")
        })
        .map(|p| p.strip_prefix(root()).unwrap().display().to_string())
        .collect();
    files.sort();
    let mut args = vec!["glossary", "lint", "--format", "brief"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    assert_eq!(out.status.code(), Some(1));
    assert_matches_file(
        &stdout(&out),
        &root().join("tests/data/glossary/lint.expected"),
    );
    let clean = run(&[
        "glossary",
        "lint",
        "tests/data/glossary/lint-clean.json",
        "glossaries/news-names.json",
        "glossaries/countries.json",
        "glossaries/news-terms.json",
    ]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
}

#[test]
fn forms_shows_how_a_term_is_read() {
    let out = run(&[
        "glossary",
        "forms",
        "Global Political Solutions",
        "--lang",
        "en",
    ]);
    assert_matches_file(
        &stdout(&out),
        &root().join("tests/data/glossary/forms.expected"),
    );
}

#[test]
fn imports_tbx_and_csv() {
    for (input, expected) in [
        (
            "tests/data/glossary/desk.tbx",
            "tests/data/glossary/desk.tbx.expected.json",
        ),
        (
            "tests/data/glossary/cat-export.tbx",
            "tests/data/glossary/cat-export.tbx.expected.json",
        ),
        (
            "tests/data/glossary/desk.csv",
            "tests/data/glossary/desk.csv.expected.json",
        ),
    ] {
        let out = run(&["glossary", "import", input]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_matches_file(&stdout(&out), &root().join(expected));
        // What was imported is a valid glossary.
        glossary::parse(Path::new(input), &stdout(&out)).unwrap();
    }
    // The CAT tool's extra fields are ignored, and said to be.
    let out = run(&["glossary", "import", "tests/data/glossary/cat-export.tbx"]);
    let notes = stderr(&out);
    assert!(
        notes.contains("note: ignored 4 × descrip:definition"),
        "{notes}"
    );
    assert!(
        notes.contains("note: ignored 5 × transac:origination"),
        "{notes}"
    );
}

#[test]
fn import_rejects_what_is_not_tbx() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.tbx");
    std::fs::write(&p, "<html><body/></html>").unwrap();
    let out = common::run_in(dir.path(), &["glossary", "import", "x.tbx"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("x.tbx: 1:1: not a TBX file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn export_writes_atomically_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&[
        "glossary",
        "export",
        "tests/data/cli/desk.json",
        "--to",
        "csv",
        "-o",
        dir.path().join("d.csv").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_matches_file(
        &std::fs::read_to_string(dir.path().join("d.csv")).unwrap(),
        &root().join("tests/data/glossary/desk-export.csv.expected"),
    );
}

/// Checks a TBX document against the TBX-Basic structure (ISO 30042:2019 DCA style): allowed
/// elements under each parent, the data categories TBX-Basic defines, required attributes.
fn assert_tbx_basic(text: &str) {
    let allowed: HashMap<&str, &[&str]> = HashMap::from([
        ("tbx", &["tbxHeader", "text"][..]),
        ("tbxHeader", &["fileDesc", "encodingDesc"][..]),
        (
            "fileDesc",
            &["titleStmt", "sourceDesc", "publicationStmt"][..],
        ),
        ("titleStmt", &["title"][..]),
        ("publicationStmt", &["p"][..]),
        ("sourceDesc", &["p"][..]),
        ("encodingDesc", &["p"][..]),
        ("text", &["body", "back"][..]),
        ("body", &["conceptEntry"][..]),
        (
            "conceptEntry",
            &[
                "descrip",
                "descripGrp",
                "note",
                "admin",
                "transac",
                "transacGrp",
                "ref",
                "xref",
                "langSec",
            ][..],
        ),
        (
            "langSec",
            &[
                "descrip",
                "descripGrp",
                "note",
                "admin",
                "transac",
                "transacGrp",
                "termSec",
            ][..],
        ),
        (
            "termSec",
            &[
                "term",
                "termNote",
                "descrip",
                "descripGrp",
                "note",
                "admin",
                "transac",
                "transacGrp",
                "ref",
                "xref",
            ][..],
        ),
    ]);
    let leaves = [
        "title", "p", "descrip", "note", "term", "termNote", "admin", "transac", "ref", "xref",
    ];
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<String> = Vec::new();
    let mut terms_in_sec = 0;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_string();
                let attr = |k: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == k)
                        .map(|a| a.value.to_string())
                };
                match stack.last() {
                    None => {
                        assert_eq!(name, "tbx");
                        assert_eq!(attr("type").as_deref(), Some("TBX-Basic"));
                        assert_eq!(attr("style").as_deref(), Some("dca"));
                        assert_eq!(attr("xmlns").as_deref(), Some("urn:iso:std:iso:30042:ed-2"));
                        assert!(attr("xml:lang").is_some());
                    }
                    Some(parent) => {
                        let ok = allowed
                            .get(parent.as_str())
                            .is_some_and(|c| c.contains(&name.as_str()));
                        assert!(ok, "<{name}> is not allowed in <{parent}>");
                    }
                }
                match name.as_str() {
                    "conceptEntry" => assert!(
                        attr("id").is_some_and(|i| !i.is_empty()),
                        "conceptEntry needs an id"
                    ),
                    "langSec" => assert!(attr("xml:lang").is_some(), "langSec needs xml:lang"),
                    "termSec" => terms_in_sec = 0,
                    "term" => terms_in_sec += 1,
                    "descrip" => assert!(matches!(
                        attr("type").as_deref(),
                        Some("definition" | "subjectField" | "context")
                    )),
                    "termNote" => assert!(matches!(
                        attr("type").as_deref(),
                        Some(
                            "administrativeStatus"
                                | "partOfSpeech"
                                | "termType"
                                | "grammaticalGender"
                                | "geographicalUsage"
                                | "termLocation"
                        )
                    )),
                    _ => {}
                }
                stack.push(name);
            }
            Event::Text(t) if stack.last().is_some_and(|p| !leaves.contains(&p.as_str())) => {
                assert!(t.trim().is_empty(), "text in <{}>", stack.last().unwrap());
            }
            Event::End(_) => {
                let name = stack.pop().unwrap();
                if name == "termSec" {
                    assert_eq!(terms_in_sec, 1, "a termSec holds exactly one term");
                }
            }
            Event::Empty(e) => panic!("unexpected empty element <{}>", e.local_name().as_ref()),
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(text.contains("preferredTerm-admn-sts"));
}

/// What a TBX round trip must keep: everything but case and match mode, which TBX-Basic
/// cannot hold (and export says so).
fn without_match_settings(g: &Glossary) -> Glossary {
    let mut g = g.clone();
    for e in &mut g.entries {
        e.case = CaseMode::default();
        e.match_mode = None;
    }
    g
}

#[test]
fn shipped_glossaries_survive_tbx_and_csv_round_trips() {
    for (origin, g) in glossary::builtin().unwrap() {
        let (tbx_text, losses) = tbx::export(&g);
        assert_tbx_basic(&tbx_text);
        let held_back = g
            .entries
            .iter()
            .filter(|e| e.case == CaseMode::Sensitive || e.match_mode.is_some())
            .count();
        assert_eq!(
            losses.len(),
            g.entries
                .iter()
                .map(|e| usize::from(e.case == CaseMode::Sensitive)
                    + usize::from(e.match_mode.is_some()))
                .sum::<usize>(),
            "{origin}"
        );
        assert!(held_back == 0 || !losses.is_empty());
        let (back, _) = tbx::import(&tbx_text, "x").unwrap();
        assert_eq!(back, without_match_settings(&g), "{origin}: TBX round trip");
        let (csv_text, losses) = csv::export(&g);
        let (back, _) = csv::import(&csv_text, &g.name).unwrap();
        let mut expected = g.clone();
        expected.description = None;
        expected.version = None;
        for e in &mut expected.entries {
            for s in e.terms.values_mut() {
                s.note = None;
            }
        }
        assert_eq!(back, expected, "{origin}: CSV round trip");
        assert!(losses.iter().all(|l| l.message.contains("language note")));
    }
}

/// Random lint-clean glossaries: distinct ids, distinct forms, valid tags.
fn glossaries() -> impl Strategy<Value = Glossary> {
    let form = "[A-Za-zÀ-ÿ]{2,8}( [A-Za-zÀ-ÿ]{2,8}){0,2}";
    let note = "[a-z][a-z ,\"&<>]{0,18}[a-z]";
    let section = (
        form,
        prop::collection::vec(form, 0..2),
        prop::collection::vec(form, 0..2),
        prop::option::of(note),
    );
    let entry = (
        prop::sample::select(vec!["person", "place", "organization", "term"]),
        prop::option::of(note),
        any::<bool>(),
        prop::collection::btree_map(
            prop::sample::select(vec!["en", "es", "fr", "de", "pt-BR", "ru"]),
            section,
            1..4,
        ),
    );
    prop::collection::vec(entry, 1..5).prop_map(|entries| {
        let mut used = std::collections::HashSet::new();
        let mut uniq = |f: String| {
            let mut f = f.trim().to_string();
            while !used.insert(f.to_lowercase()) {
                f.push('x');
            }
            f
        };
        let entries: Vec<serde_json::Value> = entries
            .into_iter()
            .enumerate()
            .map(|(i, (kind, note, sensitive, terms))| {
                let terms: serde_json::Map<String, serde_json::Value> = terms
                    .into_iter()
                    .map(|(l, (p, a, d, n))| {
                        let mut s = serde_json::json!({"preferred": uniq(p)});
                        let a: Vec<String> = a.into_iter().map(&mut uniq).collect();
                        let d: Vec<String> = d.into_iter().map(&mut uniq).collect();
                        if !a.is_empty() {
                            s["admitted"] = a.into();
                        }
                        if !d.is_empty() {
                            s["deprecated"] = d.into();
                        }
                        if let Some(n) = n {
                            s["note"] = n.into();
                        }
                        (l.to_string(), s)
                    })
                    .collect();
                let mut e =
                    serde_json::json!({"id": format!("e{i}"), "kind": kind, "terms": terms});
                if let Some(n) = note {
                    e["note"] = n.into();
                }
                if sensitive {
                    e["case"] = "sensitive".into();
                }
                e
            })
            .collect();
        let json =
            serde_json::json!({"format": "concord-glossary/1", "name": "g", "entries": entries});
        glossary::parse(Path::new("g.json"), &json.to_string()).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn lint_clean_glossaries_survive_round_trips(g in glossaries()) {
        let (tbx_text, _) = tbx::export(&g);
        assert_tbx_basic(&tbx_text);
        let (back, _) = tbx::import(&tbx_text, "g").unwrap();
        prop_assert_eq!(back, without_match_settings(&g));
        let (csv_text, _) = csv::export(&g);
        let (back, _) = csv::import(&csv_text, "g").unwrap();
        let mut expected = g.clone();
        for e in &mut expected.entries {
            for s in e.terms.values_mut() {
                s.note = None;
            }
        }
        prop_assert_eq!(back, expected);
    }
}

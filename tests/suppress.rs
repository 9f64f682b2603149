//! Noise control: suppression directives in every format, and a baseline that survives edits
//! elsewhere in a file.

mod common;

use common::{assert_matches_file, root, run, run_in, stderr, stdout};

#[test]
fn every_suppression_form() {
    // Markdown and HTML comments (a stretch, the next line, one rule or all), an XLIFF 1.2
    // note, XLIFF 2.0 notes, a TMX note and a JSON Lines field: each file's first unit or
    // paragraph is silenced, the second is reported.
    let out = run(&["check", "--format", "brief", "tests/data/suppress"]);
    assert_matches_file(&stdout(&out), &root().join("tests/data/suppress.expected"));
}

#[test]
fn a_directive_naming_an_unknown_rule_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.en.md"),
        "Talks in Kiev.\n\n<!-- concord-disable-next-line name/glosary -->\nMore.\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "--format", "brief", "a.en.md"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(
            "error: a.en.md: 3:1: concord-disable-next-line: unknown rule \"name/glosary\" (known: "
        ),
        "{}",
        stderr(&out)
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("s.jsonl"),
        "{\"source\": \"Talks\", \"target\": \"Charlas\", \"concord-disable\": \"number/styles\"}\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "--format", "brief", "s.jsonl"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(
            "error: s.jsonl: 1:32: unit 1: concord-disable: unknown rule \"number/styles\""
        ),
        "{}",
        stderr(&out)
    );
}

const ARTICLE: &str = "LONDON — Ministers met in Kiev on Monday.\n\nThe talks covered grain exports and energy.\n\nAnthony Blinken joined by video link.\n";

fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::write(dir.path().join("archive/talks.en.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("archive/other.en.txt"), "Kiev again.\n").unwrap();
    dir
}

fn check(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check", "--format", "brief"];
    args.extend(extra);
    args.push("archive");
    run_in(dir, &args, None)
}

#[test]
fn a_baseline_hides_what_it_recorded() {
    let dir = desk();
    let out = check(dir.path(), &["--write-baseline", "baseline.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "note: wrote 3 findings to baseline.json\n");
    let written = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    assert!(
        written.contains("\"format\": \"concord-baseline/1\""),
        "{written}"
    );
    assert!(
        written.contains("\"path\": \"archive/talks.en.txt\""),
        "{written}"
    );
    let out = check(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "note: 3 findings in the baseline baseline.json not shown\n"
    );
    // From another folder, with the paths written differently, it is the same baseline.
    let archive = dir.path().join("archive");
    let out = run_in(
        &archive,
        &[
            "check",
            "--format",
            "brief",
            "--baseline",
            "../baseline.json",
            "talks.en.txt",
            "other.en.txt",
        ],
        None,
    );
    assert_eq!(stdout(&out), "", "{}", stderr(&out));
}

#[test]
fn a_baseline_survives_edits_elsewhere() {
    let dir = desk();
    check(dir.path(), &["--write-baseline", "baseline.json"]);
    // A new first paragraph, a rewritten middle paragraph, wider spacing: every finding moves
    // to another line and column, and none is new.
    let edited = ARTICLE
        .replace("LONDON — ", "Updated at 18:00.\n\nLONDON —  ")
        .replace(
            "grain exports and energy",
            "fertiliser, grain exports, shipping insurance and energy prices",
        );
    std::fs::write(dir.path().join("archive/talks.en.txt"), &edited).unwrap();
    let out = check(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(stdout(&out), "", "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_baseline_lets_changed_and_new_findings_through() {
    let dir = desk();
    check(dir.path(), &["--write-baseline", "baseline.json"]);
    // The baselined sentence changes around "Kiev", and a second "Anthony Blinken" appears.
    let edited = ARTICLE
        .replace(
            "Ministers met in Kiev on Monday",
            "Foreign ministers gathered in Kiev on Monday",
        )
        .replace(
            "by video link.",
            "by video link. Anthony Blinken spoke first.",
        );
    std::fs::write(dir.path().join("archive/talks.en.txt"), edited).unwrap();
    let out = check(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "archive/talks.en.txt:1:40: error[name/glossary] “Kiev” is deprecated: use “Kyiv” (news-names: kyiv)\n\
         archive/talks.en.txt:5:39: error[name/glossary] “Anthony Blinken” is deprecated: use “Antony Blinken” (news-names: antony-blinken)\n"
    );
}

#[test]
fn a_broken_baseline_is_an_error_at_its_place() {
    let dir = desk();
    std::fs::write(
        dir.path().join("baseline.json"),
        "{\"format\": \"concord-baseline/1\",\n \"findings\": [{\"rule\": 3}]}\n",
    )
    .unwrap();
    let out = check(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: baseline.json:2:"),
        "{}",
        stderr(&out)
    );
}

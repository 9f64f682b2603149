//! Regressions, each named after what a new user ran into.

mod common;

use common::{root, run, run_in, stderr, stdout};

const DESK: [&str; 3] = ["--no-default-glossaries", "-g", "tests/data/cli/desk.json"];

fn check(extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check"];
    args.extend(DESK);
    args.extend(extra);
    run(&args)
}

#[test]
fn diff_exits_like_a_run_without_diff() {
    // talks.en.txt has errors: exit 1 with or without --diff.
    let plain = check(&["--format", "brief", "tests/data/cli/talks.en.txt"]);
    let diff = check(&["--diff", "tests/data/cli/talks.en.txt"]);
    assert_eq!(plain.status.code(), Some(1));
    assert_eq!(diff.status.code(), Some(1), "{}", stderr(&diff));
    assert!(stdout(&diff).starts_with("--- a/tests/data/cli/talks.en.txt\n"));
    // With --fail-on never, both exit 0.
    let diff = check(&[
        "--diff",
        "--fail-on",
        "never",
        "tests/data/cli/talks.en.txt",
    ]);
    assert_eq!(diff.status.code(), Some(0));
}

#[test]
fn diff_reports_input_errors() {
    let out = check(&["--diff", "tests/data/cli/talks.en.txt", "missing.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: missing.txt: no such file or directory\n"
    );
}

#[test]
fn check_without_a_path_says_what_it_checks() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.en.txt"), "Talks in Kiev.\n").unwrap();
    let out = run_in(dir.path(), &["check", "--format", "brief"], None);
    assert_eq!(
        stderr(&out),
        "note: no path given: checking the current directory\n"
    );
    assert!(stdout(&out).starts_with("./a.en.txt:1:10: error[name/glossary]"));
}

#[test]
fn no_default_glossaries_keeps_language_identification() {
    // No glossary at all: the Spanish article is still identified as Spanish.
    let out = run(&[
        "check",
        "--no-default-glossaries",
        "-v",
        "tests/data/cli/visita.txt",
    ]);
    assert!(
        stderr(&out).contains("note: tests/data/cli/visita.txt: language es detected"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    let out = run_in(
        &root(),
        &["check", "--lang", "en", "--format", "brief", "--fix", "-"],
        Some(b"Talks in Kiev with Anthony Blinken and a 3,5% rise.\n"),
    );
    assert_eq!(
        stdout(&out),
        "Talks in Kyiv with Antony Blinken and a 3.5% rise.\n"
    );
    // What is left goes to standard error, after the count.
    assert_eq!(stderr(&out), "fixed 3 findings in 1 file\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn diff_on_standard_input_prints_the_diff() {
    let out = run_in(
        &root(),
        &["check", "--lang", "en", "--diff", "-"],
        Some(b"Talks in Kiev.\n"),
    );
    assert_eq!(
        stdout(&out),
        "--- a/<stdin>\n+++ b/<stdin>\n@@ -1 +1 @@\n-Talks in Kiev.\n+Talks in Kyiv.\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn source_lang_without_source_files_says_so() {
    let out = check(&["--source-lang", "es", "tests/data/cli/talks.en.txt"]);
    assert!(
        stderr(&out).starts_with(
            "warning: source language es: no source beside the 1 file checked (the source of NAME.en.txt is NAME.es.txt in the same folder); each was checked on its own\n"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn verbose_says_when_the_language_came_from_the_file_name_or_lang() {
    let out = check(&["-v", "--format", "brief", "tests/data/cli/talks.en.txt"]);
    assert!(
        stderr(&out)
            .contains("note: tests/data/cli/talks.en.txt: language en from the file name\n"),
        "{}",
        stderr(&out)
    );
    let out = check(&[
        "-v",
        "--lang",
        "de",
        "--format",
        "brief",
        "tests/data/cli/talks.en.txt",
    ]);
    assert!(
        stderr(&out).contains("note: tests/data/cli/talks.en.txt: language de given"),
        "{}",
        stderr(&out)
    );
    // A pair says it of both documents.
    let out = run(&[
        "check",
        "-v",
        "--format",
        "brief",
        "--source",
        "tests/data/bilingual/pair/summit.es.txt",
        "tests/data/bilingual/pair/summit.en.txt",
    ]);
    let err = stderr(&out);
    assert!(err.contains("note: tests/data/bilingual/pair/summit.en.txt: language en from the file name, its source tests/data/bilingual/pair/summit.es.txt\n"), "{err}");
    assert!(
        err.contains(
            "note: tests/data/bilingual/pair/summit.es.txt: language es from the file name\n"
        ),
        "{err}"
    );
}

#[test]
fn fix_help_says_it_rewrites_number_notation() {
    let out = run(&["check", "--help"]);
    let help = stdout(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        help.contains("numbers in another language's notation (\"3,5%\" in English, number/format) are rewritten"),
        "{help}"
    );
}

#[test]
fn paragraph_findings_show_the_paragraph_and_name_its_language() {
    let out = run(&[
        "check",
        "--source",
        "tests/data/bilingual/pair/summit.es.txt",
        "tests/data/bilingual/pair/summit.en.txt",
    ]);
    let text = stdout(&out);
    let at = text.find("error[lang/untranslated]").expect("reported");
    let finding: Vec<&str> = text[at..].lines().take(5).collect();
    assert_eq!(
        finding[0],
        "error[lang/untranslated]: this paragraph is in Spanish, the source language, not English: was it left untranslated?"
    );
    // The underline runs from the paragraph's first word to its last.
    let line = finding[3];
    let marks = finding[4];
    assert!(
        line.ends_with("la policía dio por terminada al anochecer."),
        "{line}"
    );
    assert!(marks.ends_with("^ this paragraph"), "{marks}");
    assert_eq!(
        marks.matches('^').count(),
        line.split_once("| ").unwrap().1.chars().count()
    );
}

#[test]
fn counts_agree_with_their_nouns() {
    let out = run(&["names", "--variants", "tests/data/corpus"]);
    assert!(
        stdout(&out).ends_with("\n1 name in 4 documents\n"),
        "{}",
        stdout(&out)
    );
    let out = run(&["glossary", "suggest", "--corpus", "tests/data/corpus"]);
    assert_eq!(stderr(&out), "note: 1 proposed entry from 4 documents\n");
}

#[test]
fn a_missing_glossary_is_reported_once() {
    let out = run(&["check", "-g", "missing.json", "tests/data/cli/talks.en.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
    assert!(
        err.starts_with("error: missing.json: cannot read: "),
        "{err}"
    );
}

#[test]
fn tbx_export_summarises_a_loss_shared_by_many_entries() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("names.tbx");
    let out = run(&[
        "glossary",
        "export",
        "glossaries/news-names.json",
        "--to",
        "tbx",
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(
            "note: TBX-Basic has no field for case-sensitive matching (\"case\": \"sensitive\"): "
        ),
        "{err}"
    );
    assert!(err.trim_end().ends_with(", …)"), "{err}");
}

#[test]
fn a_number_word_opening_the_sentence_after_a_headline_is_compared() {
    // The headline line has no full stop: the capital of "Seven" on the next line opens a
    // sentence, it is no title. "Seven" rendered "Cuatro" is found, "Siete" agrees, and a
    // capitalised number word inside a sentence ("Seven Seas") is still a title.
    let out = run(&[
        "check",
        "--format",
        "brief",
        "tests/data/bilingual/numbers/headline.jsonl",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "tests/data/bilingual/numbers/headline.jsonl:1:164: error[number/mismatch] source 7 \
         (“Seven”) ≠ target 4 (“Cuatro”)\n"
    );
}

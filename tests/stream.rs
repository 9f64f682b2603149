//! Streamed runs: output in input order whatever the thread count, `--sort`, documents given as
//! JSON Lines records, and the register stages (`names --emit-partial`, `names --merge`,
//! `check --register`) that let a corpus split over several runs be checked as one.

mod common;

use common::{assert_matches_file, root, run, run_in, stderr, stdout};

const DIR: &str = "tests/data/stream";

fn expected(name: &str) -> std::path::PathBuf {
    root().join(DIR).join(name)
}

/// The fixture's articles as JSON Lines records, each under its file's path.
fn records(files: &[&str]) -> String {
    files
        .iter()
        .map(|f| {
            let path = format!("{DIR}/{f}");
            let text = std::fs::read_to_string(root().join(&path)).expect("fixture");
            serde_json::json!({"path": path, "text": text}).to_string() + "\n"
        })
        .collect()
}

const FILES: &[&str] = &[
    "a-harbour.en.txt",
    "b-budget.en.txt",
    "c-rail.en.txt",
    "d-schools.en.md",
    "e-visita.es.txt",
    "sub/f-hafen.de.txt",
];

fn check(args: &[&str]) -> std::process::Output {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    run(&all)
}

#[test]
fn human_and_brief_output_is_the_same_whatever_the_thread_count() {
    for (format, file) in [
        ("human", "check.human.expected"),
        ("brief", "check.brief.expected"),
    ] {
        let one = check(&["--format", format, "-j1", DIR]);
        assert_eq!(one.status.code(), Some(1));
        assert_matches_file(&stdout(&one), &expected(file));
        for j in ["-j2", "-j8"] {
            let other = check(&["--format", format, j, DIR]);
            assert_eq!(stdout(&other), stdout(&one), "{format} {j}");
            assert_eq!(other.status.code(), Some(1));
        }
    }
}

#[test]
fn streamed_findings_come_in_report_order() {
    // What the brief format prints as documents finish is the JSON report's order.
    let brief = stdout(&check(&["--format", "brief", "-j8", DIR]));
    let json: serde_json::Value =
        serde_json::from_slice(&check(&["--format", "json", DIR]).stdout).expect("JSON");
    let from_json: Vec<String> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{}: {}[{}] {}",
                f["path"].as_str().unwrap(),
                f["line"],
                f["column"],
                f["severity"].as_str().unwrap(),
                f["rule"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(brief.lines().collect::<Vec<_>>(), from_json);
}

#[test]
fn sorted_json_lines_are_the_whole_report_in_order() {
    let sorted = check(&["--format", "jsonl", "--sort", "-j8", DIR]);
    assert_eq!(sorted.status.code(), Some(1));
    let sorted = stdout(&sorted);
    assert_matches_file(&sorted, &expected("check.sorted.jsonl.expected"));
    assert_eq!(
        stdout(&check(&["--format", "jsonl", "--sort", "-j1", DIR])),
        sorted
    );
    let mut expected_lines: Vec<&str> = sorted.lines().collect();
    expected_lines.sort();
    // Unsorted, the same lines come as documents finish: each document's together, the
    // summary last.
    for j in ["-j1", "-j2", "-j8"] {
        let streamed = stdout(&check(&["--format", "jsonl", j, DIR]));
        let mut lines: Vec<&str> = streamed.lines().collect();
        assert!(lines.last().unwrap().starts_with(r#"{"type":"summary""#));
        lines.sort();
        assert_eq!(lines, expected_lines, "{j}");
    }
}

#[test]
fn documents_as_json_lines_records_are_checked_as_the_files_are() {
    let input = records(FILES);
    let out = run_in(
        &root(),
        &["check", "--format", "brief", "--input-format", "jsonl", "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // The same findings, name/corpus included, under the records' paths (the Markdown one
    // read as Markdown, as its path's extension says).
    assert_eq!(stdout(&out), stdout(&check(&["--format", "brief", DIR])));
}

#[test]
fn a_bad_record_is_an_input_error_and_the_others_are_still_checked() {
    let mut input = records(&["c-rail.en.txt"]);
    input.push_str("{\"path\": \"x.txt\", \"text\": 12}\n");
    input.push_str("{\"text\": \"Kiev is the capital.\", \"lang\": \"en\"}\n");
    let out = run_in(
        &root(),
        &["check", "--format", "brief", "--input-format", "jsonl", "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("error: <stdin>: 2:") && err.contains("line 2 is not a document"),
        "{err}"
    );
    let text = stdout(&out);
    assert!(
        text.contains("tests/data/stream/c-rail.en.txt:5:112:"),
        "{text}"
    );
    // A record without a path is reported as the stream's line.
    assert!(
        text.contains("<stdin>:3:1:1: error[name/glossary]"),
        "{text}"
    );
}

/// `concord names --emit-partial` of some of the fixture's articles, as records on stdin.
fn partial(files: &[&str]) -> String {
    let out = run_in(
        &root(),
        &["names", "--emit-partial", "--input-format", "jsonl", "-"],
        Some(records(files).as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn merged_partial_registers_are_the_register_of_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    };
    let whole = partial(FILES);
    assert!(whole.starts_with(r#"{"format":"concord-register/1","documents":6,"#));
    let a = write("a.jsonl", &partial(&FILES[..2]));
    let b = write("b.jsonl", &partial(&FILES[2..5]));
    let c = write("c.jsonl", &partial(&FILES[5..]));
    let merged = run(&["names", "--merge", &a, &b, &c]);
    assert!(merged.status.success(), "{}", stderr(&merged));
    assert_eq!(stdout(&merged), whole);
    // In any order, and from a concatenation on standard input (as a pipe stage gives it).
    let reversed = run(&["names", "--merge", &c, &b, &a]);
    assert_eq!(stdout(&reversed), whole);
    let concatenated = [&c, &a, &b]
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<String>();
    let piped = run_in(
        &root(),
        &["names", "--merge", "-"],
        Some(concatenated.as_bytes()),
    );
    assert_eq!(stdout(&piped), whole);
    // The register lists the same names as the documents do.
    let register = write("whole.jsonl", &whole);
    assert_eq!(
        stdout(&run(&["names", "--register", &register, "--variants"])),
        stdout(&run(&["names", "--variants", DIR]))
    );
}

#[test]
fn a_run_given_the_register_reports_name_corpus_on_its_own_part() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("register.jsonl");
    std::fs::write(&register, partial(FILES)).unwrap();
    let register = register.display().to_string();
    // Only the document with the deviating spelling, checked alone, against the whole's
    // register: the finding is the whole run's.
    let alone = check(&[
        "--format",
        "brief",
        "--register",
        &register,
        "tests/data/stream/c-rail.en.txt",
    ]);
    let whole = stdout(&check(&["--format", "brief", DIR]));
    let expected: String = whole
        .lines()
        .filter(|l| l.starts_with("tests/data/stream/c-rail.en.txt:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(expected.contains("name/corpus"));
    assert_eq!(stdout(&alone), expected);
    // Without it, one document alone has nothing to be compared with.
    let plain = stdout(&check(&[
        "--format",
        "brief",
        "tests/data/stream/c-rail.en.txt",
    ]));
    assert!(!plain.contains("name/corpus"), "{plain}");
}

#[test]
fn a_register_that_cannot_be_used_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    let whole = partial(FILES);
    let mut lines: Vec<&str> = whole.lines().collect();
    lines[2] = r#"{"lang":"en","key":"x","mentions":0,"documents":1,"written":{},"names":{},"contexts":[],"first_documents":[],"places":[]}"#;
    std::fs::write(&bad, lines.join("\n")).unwrap();
    let out = check(&["--register", &bad.display().to_string(), DIR]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("bad.jsonl:3:1: 0 mentions in 1 documents"),
        "{}",
        stderr(&out)
    );
    // Made with other glossaries: the glossary forms it knows would be wrong.
    let other = dir.path().join("other.jsonl");
    let out = run_in(
        &root(),
        &[
            "names",
            "--emit-partial",
            "--no-default-glossaries",
            "--input-format",
            "jsonl",
            "-",
        ],
        Some(records(FILES).as_bytes()),
    );
    std::fs::write(&other, &out.stdout).unwrap();
    let out = check(&["--register", &other.display().to_string(), DIR]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("made with the glossaries (none), but this run loads news-names"),
        "{}",
        stderr(&out)
    );
    let good = dir.path().join("good.jsonl");
    std::fs::write(&good, &whole).unwrap();
    let merged = run(&[
        "names",
        "--merge",
        &good.display().to_string(),
        &other.display().to_string(),
    ]);
    assert_eq!(merged.status.code(), Some(2));
    assert!(
        stderr(&merged).contains("other glossaries"),
        "{}",
        stderr(&merged)
    );
    // Not a register at all.
    let text = dir.path().join("text.jsonl");
    std::fs::write(&text, "{\"text\": \"hello\"}\n").unwrap();
    let out = run(&["names", "--merge", &text.display().to_string()]);
    assert!(
        stderr(&out).contains("text.jsonl:1:1: not a register line"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_to_a_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("report.txt");
    let out = check(&[
        "--format",
        "brief",
        "-o",
        &out_file.display().to_string(),
        DIR,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        std::fs::read_to_string(&out_file).unwrap(),
        std::fs::read_to_string(expected("check.brief.expected")).unwrap()
    );
    // Nothing is left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

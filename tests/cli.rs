//! The `concord` binary on real files: whole outputs, exit codes, inputs that go wrong.

mod common;

use common::{assert_matches_file, root, run, run_in, stderr, stdout};

const DESK: [&str; 3] = ["--no-default-glossaries", "-g", "tests/data/cli/desk.json"];

fn check(extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check"];
    args.extend(DESK);
    args.extend(extra);
    run(&args)
}

#[test]
fn json_report_is_the_documented_contract() {
    let out = check(&["--format", "json", "tests/data/cli/talks.en.txt"]);
    assert_eq!(out.status.code(), Some(1), "errors found: exit 1");
    assert_matches_file(&stdout(&out), &root().join("tests/data/cli/talks.en.json"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
    let f = &v["findings"][0];
    for key in [
        "rule",
        "severity",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
        "text",
        "message",
        "suggestions",
        "related",
    ] {
        assert!(f.get(key).is_some(), "finding has {key}");
    }
    assert_eq!(v["summary"]["files"], 1);
}

#[test]
fn human_report_shows_the_line_and_the_suggestion() {
    let out = check(&["tests/data/cli/talks.en.txt"]);
    assert_matches_file(&stdout(&out), &root().join("tests/data/cli/talks.en.human"));
}

#[test]
fn brief_report_of_a_directory() {
    let out = check(&["--format", "brief", "tests/data/cli"]);
    assert_matches_file(&stdout(&out), &root().join("tests/data/cli/all.brief"));
}

#[test]
fn markdown_code_links_and_urls_are_not_checked() {
    let out = check(&["--format", "brief", "tests/data/cli/notes.en.md"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    // The heading, the link text and the list item are prose; the link target, the inline
    // code, the bare URL and the fenced block are not.
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("tests/data/cli/notes.en.md:1:14: error[name/glossary] “Kiev”"),
        "{text}"
    );
    assert!(
        lines[1]
            .starts_with("tests/data/cli/notes.en.md:3:17: error[name/glossary] “Anthony Blinken”"),
        "{text}"
    );
    assert!(
        lines[2].starts_with(
            "tests/data/cli/notes.en.md:11:3: error[name/glossary] “Nagorno Karabakh”"
        ),
        "{text}"
    );
}

#[test]
fn language_comes_from_flag_file_name_or_detection() {
    // visita.txt has no language in its name: detected as Spanish, so "Kiev" is right there.
    let out = check(&["--format", "brief", "-v", "tests/data/cli/visita.txt"]);
    let text = stdout(&out);
    assert!(!text.contains("“Kiev”"), "{text}");
    assert!(
        text.contains("“Nagorno-Karabaj” is deprecated: use “Nagorno Karabaj”"),
        "{text}"
    );
    assert!(
        stderr(&out).contains("note: tests/data/cli/visita.txt: language es detected"),
        "{}",
        stderr(&out)
    );
    // --lang overrides: read as German, "Kiev" is deprecated for "Kiew".
    let out = check(&[
        "--format",
        "brief",
        "--lang",
        "de",
        "tests/data/cli/visita.txt",
    ]);
    assert!(
        stdout(&out).contains("“Kiev” is deprecated: use “Kiew”"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn unreliable_detection_falls_back_to_the_default_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("short.txt"), "Kiev 2024\n").unwrap();
    let out = desk_in(
        dir.path(),
        &[
            "--format",
            "brief",
            "-v",
            "--default-lang",
            "de",
            "short.txt",
        ],
        None,
    );
    assert!(
        stdout(&out).contains("“Kiev” is deprecated: use “Kiew”"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("using the default de"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn stdin_is_checked_with_the_given_language() {
    let out = desk_in(
        &root(),
        &["--format", "brief", "--lang", "en", "-"],
        Some("Talks in Kiev resumed.\n".as_bytes()),
    );
    assert_eq!(
        stdout(&out),
        "<stdin>:1:10: error[name/glossary] “Kiev” is deprecated: use “Kyiv” (desk: kyiv)\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn exit_codes_follow_fail_on() {
    let clean = check(&["--lang", "en", "-"]);
    assert_eq!(
        clean.status.code(),
        Some(0),
        "no input on stdin: nothing to report"
    );
    // talks.en.txt has errors and a warning.
    assert_eq!(
        check(&["tests/data/cli/talks.en.txt"]).status.code(),
        Some(1)
    );
    assert_eq!(
        check(&["--fail-on", "never", "tests/data/cli/talks.en.txt"])
            .status
            .code(),
        Some(0)
    );
    let warn_only = [
        "--disable",
        "name/glossary",
        "--disable",
        "term/glossary",
        "tests/data/cli/talks.en.txt",
    ];
    assert_eq!(
        check(&warn_only).status.code(),
        Some(0),
        "warnings do not fail by default"
    );
    let mut strict = vec!["--fail-on", "warning"];
    strict.extend(warn_only);
    assert_eq!(check(&strict).status.code(), Some(1));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["check", "--format", "xml"]).status.code(), Some(2));
    let out = check(&["--lang", "english", "tests/data/cli/talks.en.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--lang"), "{}", stderr(&out));
    let out = check(&["--disable", "name/nonsense"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown rule"));
}

#[test]
fn a_bad_glossary_is_an_error_with_its_position() {
    let out = run(&[
        "check",
        "-g",
        "tests/data/cli/bad-glossary.json",
        "tests/data/cli/talks.en.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: tests/data/cli/bad-glossary.json:7:7: unknown field `colour`, expected one of `id`, `kind`, `note`, `case`, `match`, `terms`\n"
    );
}

#[test]
fn one_bad_file_does_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.en.txt"), "Talks in Kiev.\n").unwrap();
    std::fs::write(dir.path().join("b.en.txt"), b"Talks in \xFF Kiev.\n").unwrap();
    std::fs::write(dir.path().join("c.en.txt"), "More talks in Kiev.\n").unwrap();
    let out = desk_in(dir.path(), &["--format", "brief", "."], None);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unreadable input makes the run exit 2"
    );
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.contains("a.en.txt:1:10:") && text.contains("c.en.txt:1:15:"),
        "{text}"
    );
    assert!(
        stderr(&out).contains("b.en.txt: 1:10: invalid UTF-8 (byte 0xFF at offset 9)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn utf16_and_bom_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Talks in Kiev.\r\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(dir.path().join("u16.en.txt"), utf16).unwrap();
    std::fs::write(
        dir.path().join("bom.en.txt"),
        b"\xEF\xBB\xBFTalks in Kiev.\n",
    )
    .unwrap();
    let out = desk_in(dir.path(), &["--format", "brief", "."], None);
    assert_eq!(
        stdout(&out),
        "./bom.en.txt:1:10: error[name/glossary] “Kiev” is deprecated: use “Kyiv” (desk: kyiv)\n\
         ./u16.en.txt:1:10: error[name/glossary] “Kiev” is deprecated: use “Kyiv” (desk: kyiv)\n"
    );
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let one = run(&[
        "check",
        "--format",
        "json",
        "-j",
        "1",
        "corpora",
        "tests/data/cli",
    ]);
    for threads in ["2", "4", "7"] {
        let many = run(&[
            "check",
            "--format",
            "json",
            "-j",
            threads,
            "corpora",
            "tests/data/cli",
        ]);
        assert_eq!(stdout(&one), stdout(&many), "-j {threads}");
    }
}

#[test]
fn jsonl_has_one_tagged_object_per_line() {
    let out = check(&["--format", "jsonl", "tests/data/cli/talks.en.txt"]);
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 2);
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .all(|l| l["type"] == "finding")
    );
    assert_eq!(lines.last().unwrap()["type"], "summary");
}

#[test]
fn rules_are_listed() {
    let out = run(&["rules", "--ids"]);
    assert_eq!(
        stdout(&out),
        "align/uncertain\nlang/untranslated\nname/corpus\nname/glossary\nname/inconsistent\nname/mismatch\n\
         name/missing\nnumber/format\nnumber/mismatch\nnumber/style\nquote/inconsistent\nterm/glossary\nterm/inconsistent\nterm/missing\n\
         text/invisible\ntext/mixed-script\n"
    );
}

#[test]
fn rules_show_severity_summary_and_explanation() {
    let out = run(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with(
        "align/uncertain (warning): paragraphs that could not be aligned with the source with confidence\n  Bilingual: "
    ));
    assert!(text.contains("\n\nname/missing (info): "));
    assert_eq!(
        text.matches("\n\n").count(),
        15,
        "16 rules, one paragraph each"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["rules", "--format", "json"]).stdout).unwrap();
    let rules = json["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 16);
    assert_eq!(rules[3]["id"], "name/glossary");
    assert_eq!(rules[3]["severity"], "error");
    assert_eq!(rules[3]["example"]["lang"], "en");
}

#[test]
fn explain_shows_the_example_and_what_concord_reports() {
    let out = run(&["explain", "name/glossary"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "name/glossary (error): a deprecated form of a person, place or organisation, with the preferred form\n\n\
         A name a glossary lists as deprecated in the document's language: a\n\
         transliteration variant, a dropped or doubled letter, a missing hyphen, another\n\
         language's spelling. Only the forms of the document's own language are looked\n\
         for, so \"Kiev\" is reported in German but not in Spanish, where it is the usual\n\
         form. Matching ignores case (unless the entry says otherwise), possessives and\n\
         the kind of apostrophe. Write the preferred form; `--fix` does it when the text\n\
         matches the deprecated form exactly.\n\n\
         Example (en)\n\n    US Secretary of State Anthony Blinken arrived in Baku on Monday.\n\n\
         concord reports\n\n\
         \x20   1:23: error[name/glossary] “Anthony Blinken” is deprecated: use “Antony Blinken” (news-names: antony-blinken)\n"
    );
    let pair = stdout(&run(&["explain", "number/mismatch"]));
    assert!(pair.contains("Example: a source (es)\n\n    MADRID"));
    assert!(pair.contains("and its translation (en)\n\n    MADRID"));
    assert!(pair.contains("error[number/mismatch] source 2,300,000,000 EUR"));
    let corpus = stdout(&run(&["explain", "name/corpus"]));
    assert!(
        corpus.contains("with another document of the run\n\n    Sviatlana Tsikhanouskaya met")
    );
}

#[test]
fn explain_rejects_an_unknown_rule() {
    let out = run(&["explain", "name/glosary"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: unknown rule \"name/glosary\" (known: align/uncertain, ")
    );
}

#[test]
fn debug_views_show_each_stage() {
    let names = check_debug("names");
    assert_eq!(
        names,
        "# tests/data/cli/talks.en.txt (plain text, language en from FileName)\n\
         1:1\tBlinken\n1:18\tKiev\n1:36\tNagorno Karabakh\n3:7\tMarch\n3:20\tSecretary\n\
         3:33\tState Anthony Blinken\n3:66\tKyiv\n4:1\tTuesday\n4:10\tBlinken\n4:47\tGeneva\n\
         4:63\tArmenian\n5:19\tArarat Mirzoyan\n5:55\tArmenia\n5:67\tGeorgia\n7:1\tMirzoian\tweak\n\
         8:36\tAntony Blinken\n9:1\tNagorno-Karabakh\n9:37\tMirzoyan\n9:59\tIran\n9:68\tIraq\n"
    );
    let matches = check_debug("matches");
    assert!(
        matches
            .contains("3:39\tDEPRECATED\tdesk:antony-blinken\tAnthony Blinken = Anthony Blinken\n"),
        "{matches}"
    );
    assert!(
        matches.contains("8:36\tpreferred\tdesk:antony-blinken\tAntony Blinken = Antony Blinken\n"),
        "{matches}"
    );
    let tokens = check_debug("tokens");
    assert!(
        tokens.contains("9:1\tSpace\tnagorno\tcapitalised\n9:9\tHyphen\tkarabakh\tcapitalised\n"),
        "{tokens}"
    );
}

#[test]
fn debug_numbers_reads_every_quantity() {
    let out = run(&["debug", "numbers", "tests/data/cli/cifras.es.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "# tests/data/cli/cifras.es.txt (plain text, language es from FileName)\n\
         1:23\t2.300 millones de euros\t2300000000\tEUR, digits\n\
         1:64\t3,5 %\t3.5\tpercent, digits\n\
         1:81\t2025\t2025\tcount, digits\n\
         2:1\tQuince\t15\tcount, words\n\
         2:52\tprimera\t1\tcount, words, ordinal\n\
         2:77\t9:30\t570\ttime (minutes after midnight), digits\n\
         3:29\t120 km/h\t120\tspeed, digits\n\
         3:40\tdecenas de miles\t4\tmagnitude (power of ten), words\n\
         3:86\t7 de la mañana\t420\ttime (minutes after midnight), digits\n\
         4:8\taños 80\t80\tdecade, digits\n\
         4:38\t1,5 millones\t1500000\tcount, digits\n"
    );
}

fn check_debug(stage: &str) -> String {
    let mut args = vec!["debug", stage];
    args.extend(DESK);
    args.push("tests/data/cli/talks.en.txt");
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

/// Runs `concord check` with only the test glossary, in `dir`.
fn desk_in(dir: &std::path::Path, extra: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
    let desk = root().join("tests/data/cli/desk.json");
    let mut args = vec![
        "check",
        "--no-default-glossaries",
        "-g",
        desk.to_str().unwrap(),
    ];
    args.extend(extra);
    run_in(dir, &args, stdin)
}

#[test]
fn output_file_holds_the_report_for_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["human", "brief", "json", "jsonl", "sarif"] {
        let printed = run(&["check", "--format", format, "tests/data/cli/talks.en.txt"]);
        let file = dir.path().join(format!("report.{format}"));
        let written = run(&[
            "check",
            "--format",
            format,
            "-o",
            file.to_str().unwrap(),
            "tests/data/cli/talks.en.txt",
        ]);
        assert_eq!(written.status.code(), printed.status.code(), "{format}");
        assert_eq!(stdout(&written), "", "{format}");
        assert_eq!(std::fs::read(&file).unwrap(), printed.stdout, "{format}");
    }
    let diff = dir.path().join("fixes.diff");
    let out = run(&[
        "check",
        "--diff",
        "-o",
        diff.to_str().unwrap(),
        "tests/data/cli/talks.en.txt",
    ]);
    assert_eq!(stdout(&out), "");
    assert!(
        std::fs::read_to_string(&diff)
            .unwrap()
            .contains("+Blinken lands in Kyiv")
    );
}

#[test]
fn output_file_in_a_missing_folder_is_an_error() {
    let out = run(&[
        "check",
        "-o",
        "no/such/folder/r.txt",
        "tests/data/cli/talks.en.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: writing the report to no/such/folder/r.txt: "));
}

#[test]
fn quiet_prints_only_errors_and_keeps_the_exit_code() {
    let out = run(&["check", "-q", "tests/data/cli/talks.en.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!((stdout(&out), stderr(&out)), (String::new(), String::new()));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.en.txt"), b"\xFF").unwrap();
    let out = run_in(dir.path(), &["check", "-q", "bad.en.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).starts_with("error: bad.en.txt: 1:1: invalid UTF-8"));
}

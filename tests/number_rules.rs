//! The monolingual number rules on articles written for them (tests/data/numbers): notation
//! (`number/format`) and house style (`number/style`), with their exact findings.

mod common;

use common::{assert_matches_file, root, run, run_in, stderr, stdout};

#[test]
fn articles_in_six_languages_get_exactly_these_findings() {
    let out = run(&["check", "--format", "brief", "tests/data/numbers"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_matches_file(
        &stdout(&out),
        &root().join("tests/data/numbers/check.expected"),
    );
}

#[test]
fn without_a_house_style_a_number_written_both_ways_is_reported() {
    let out = run(&[
        "check",
        "--format",
        "brief",
        "--disable",
        "number/format",
        "--spell-out",
        "en=off",
        "tests/data/numbers/ferry.en.txt",
    ]);
    assert_eq!(
        stdout(&out),
        "tests/data/numbers/ferry.en.txt:5:195: warning[number/style] “15” is written “fifteen” \
         at 5:138: write it one way\n"
    );
    // A house style of one to twelve makes "fifteen", "12" and "4" house-style slips instead,
    // and leaves "15" alone.
    let out = run(&[
        "check",
        "--format",
        "brief",
        "--disable",
        "number/format",
        "--spell-out",
        "en=12",
        "tests/data/numbers/ferry.en.txt",
    ]);
    assert_eq!(
        stdout(&out),
        "tests/data/numbers/ferry.en.txt:5:138: warning[number/style] “fifteen” is in words; \
         English house style writes numbers above 12 in digits: write “15”\n\
         tests/data/numbers/ferry.en.txt:7:14: warning[number/style] “12” is in digits; English \
         house style spells out numbers up to 12: write “twelve”\n\
         tests/data/numbers/ferry.en.txt:7:62: warning[number/style] “4” is in digits; English \
         house style spells out numbers up to 12: write “four”\n"
    );
}

#[test]
fn a_malformed_house_style_is_a_usage_error() {
    let out = run(&["check", "--spell-out", "en", "tests/data/numbers"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--spell-out en: expected LANG=N (as in en=9)"),
        "{}",
        stderr(&out)
    );
    let out = run(&["check", "--spell-out", "xx=nine", "tests/data/numbers"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn notation_fixes_rewrite_only_unambiguous_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let original =
        std::fs::read_to_string(root().join("tests/data/numbers/presupuesto.es.txt")).unwrap();
    std::fs::write(dir.path().join("presupuesto.es.txt"), &original).unwrap();
    let args = [
        "check",
        "--fix",
        "--no-default-glossaries",
        "--fail-on",
        "never",
        "presupuesto.es.txt",
    ];
    let out = run_in(dir.path(), &args, None);
    assert_eq!(stderr(&out), "fixed 2 findings in 1 file\n");
    let fixed = std::fs::read_to_string(dir.path().join("presupuesto.es.txt")).unwrap();
    let expected = original
        .replace("1,500.5 millones", "1.500,5 millones")
        .replace("un 3.5%", "un 3,5%");
    assert_eq!(fixed, expected);
    // "1,500 millones de dólares" may be meant as 1.5 billion: left to a person.
    assert!(fixed.contains("1,500 millones de dólares"));
    let again = run_in(dir.path(), &args, None);
    assert_eq!(stderr(&again), "fixed 0 findings in 0 files\n");
}

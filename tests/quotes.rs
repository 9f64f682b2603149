//! `quote/inconsistent` on articles written for it (tests/data/quotes, seven languages): each
//! article's exact findings, true cases (a quotation given again with other words) and false
//! ones (two quotations by one speaker, a partial quote that agrees, an ellipsis, paraphrase
//! outside quotation marks, a difference in punctuation or quotation marks only).

mod common;

#[test]
fn every_quotation_article_reports_exactly_its_expected_findings() {
    let root = common::root();
    let dir = root.join("tests/data/quotes");
    let out = common::run(&[
        "check",
        "--format",
        "brief",
        "--disable",
        "number/style",
        "--disable",
        "name/corpus",
        "tests/data/quotes",
    ]);
    common::assert_matches_file(&common::stdout(&out), &dir.join("check.expected"));
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let articles = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "txt")
        })
        .count();
    assert!(articles >= 10);
}

#[test]
fn the_finding_shows_the_differing_words_and_the_earlier_quotation() {
    let out = common::run(&[
        "check",
        "--format",
        "json",
        "tests/data/quotes/harbour-strike.en.txt",
    ]);
    let report: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    let f = &report["findings"][0];
    assert_eq!(f["rule"], "quote/inconsistent");
    assert_eq!(f["line"], 9);
    assert_eq!(f["related"][0]["line"], 3);
    assert_eq!(f["related"][0]["text"], "no choice but to stand together");
}

//! `--format html`: the page holds every finding once, every link has its target, the markup
//! nests (it parses as XML once the script and style are set aside), document text is escaped,
//! and ten thousand findings make a page of reasonable size. The browser test
//! (scripts/browser-test) opens it in chromium.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{root, run_in};
use regex::Regex;

fn html(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["check", "--format", "html"];
    all.extend_from_slice(args);
    let out = run_in(dir, &all, None);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    String::from_utf8(out.stdout).expect("the page is UTF-8")
}

/// The page without its style and script, which parses as XML if the markup nests.
fn assert_well_formed(page: &str) {
    let cut = Regex::new(r"(?s)<(style|script)[^>]*>.*?</(style|script)>").unwrap();
    let body = cut.replace_all(page, "");
    let mut reader = quick_xml::Reader::from_str(&body);
    let mut depth = 0i64;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "not well formed at {}: {e} near {:?}",
                reader.buffer_position(),
                &body[reader.buffer_position() as usize..]
                    [..80.min(body.len() - reader.buffer_position() as usize)]
            ),
        }
    }
    assert_eq!(depth, 0);
}

fn ids(page: &str) -> Vec<String> {
    Regex::new(r#" id="([^"]+)""#)
        .unwrap()
        .captures_iter(page)
        .map(|c| c[1].to_string())
        .collect()
}

#[test]
fn every_finding_once_and_every_link_has_its_target() {
    let args = [
        "--source-lang",
        "es",
        "corpora",
        "tests/data/bilingual/pair",
        "tests/data/bilingual/xliff12.xlf",
    ];
    let page = html(&root(), &args);
    let json: serde_json::Value = serde_json::from_slice(
        &run_in(
            &root(),
            &[&["check", "--format", "json"][..], &args].concat(),
            None,
        )
        .stdout,
    )
    .unwrap();
    let total = json["findings"].as_array().unwrap().len();
    assert!(total > 30);
    assert_eq!(page.matches("<li class=\"f ").count(), total);
    assert_eq!(
        Regex::new(r#"<mark [^>]* id="f\d+""#)
            .unwrap()
            .find_iter(&page)
            .count(),
        total
    );
    assert!(page.contains(&format!("<span id=\"total\">{total}</span>")));
    let ids = ids(&page);
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    let hrefs: Vec<String> = Regex::new(r##"href="#([^"]+)""##)
        .unwrap()
        .captures_iter(&page)
        .map(|c| c[1].to_string())
        .collect();
    assert!(
        hrefs.iter().any(|h| h.starts_with('d')),
        "links to related places"
    );
    for h in &hrefs {
        assert!(
            unique.contains(h),
            "a link to #{h}, which is not on the page"
        );
    }
    assert!(page.contains(
        "<table class=\"sbs\">\n<tr><th>source: tests/data/bilingual/pair/summit.es.txt</th>"
    ));
    assert!(page.contains("<th>source: tests/data/bilingual/xliff12.xlf</th>"));
    for loads in ["src=\"", "href=\"http", "<link", "url("] {
        assert!(!page.contains(loads), "nothing from the network: {loads}");
    }
    assert_well_formed(&page);
}

#[test]
fn document_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("code.en.txt"),
        "The page ran <script>alert('Kiev')</script> & <img src=x onerror=alert(1)> in Kiev.\n",
    )
    .unwrap();
    let page = html(dir.path(), &["code.en.txt"]);
    assert!(page.contains("&lt;script&gt;alert(&apos;<mark "));
    assert!(page.contains("&amp; &lt;img src=x onerror=alert(1)&gt; in <mark "));
    assert_eq!(
        page.matches("<script").count(),
        2,
        "the counts and the page's own script"
    );
    assert!(!page.contains("<img"));
    assert_well_formed(&page);
}

#[test]
fn ten_thousand_findings_make_a_page_of_reasonable_size() {
    let dir = tempfile::tempdir().unwrap();
    let line = "Kiev, Kiev, Kiev, Kiev and Kiev.\n";
    std::fs::write(dir.path().join("big.en.txt"), line.repeat(2000)).unwrap();
    let page = html(dir.path(), &["big.en.txt"]);
    assert_eq!(page.matches("<li class=\"f ").count(), 10_000);
    assert!(page.contains("<span id=\"shown\">10000</span>"));
    assert!(page.len() < 6_000_000, "{} bytes", page.len());
    // Filtering sums this table, one entry per (file, rule, severity), not per finding.
    assert!(page.contains(
        "<script type=\"application/json\" id=\"counts\">[[0,3,\"error\",10000]]</script>"
    ));
    assert_well_formed(&page);
}

#[test]
fn the_page_does_not_depend_on_the_thread_count() {
    let one = html(&root(), &["-j", "1", "corpora"]);
    let four = html(&root(), &["-j", "4", "corpora"]);
    assert_eq!(one, four);
}

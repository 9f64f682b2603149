//! Every sample article under `corpora/` has its exact expected findings beside it
//! (`X.en.txt` → `X.en.expected`, in `--format brief`): no more and no fewer.

mod common;

use std::path::{Path, PathBuf};

fn articles(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("corpora/ is readable")
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            articles(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt" || e == "md")
            && p.file_name().is_some_and(|n| n != "README.md")
        {
            out.push(p);
        }
    }
}

#[test]
fn every_article_reports_exactly_its_expected_findings() {
    let root = common::root();
    let mut list = Vec::new();
    articles(&root.join("corpora"), &mut list);
    assert!(list.len() >= 12, "at least 12 sample articles");
    let mut failures = Vec::new();
    for article in &list {
        let rel = article
            .strip_prefix(&root)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let out = common::run(&["check", "--format", "brief", &rel]);
        let expected_path = article.with_extension("expected");
        let actual = common::stdout(&out);
        let code = out.status.code();
        let want_code = if actual.contains(": error[") {
            Some(1)
        } else {
            Some(0)
        };
        if code != want_code {
            failures.push(format!(
                "{rel}: exit {code:?}, expected {want_code:?}; stderr: {}",
                common::stderr(&out)
            ));
        }
        if std::env::var_os("CONCORD_BLESS").is_some() {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "{rel}\n--- expected\n{expected}--- actual\n{actual}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_readme_command_checks_the_whole_corpus() {
    // `concord check corpora/` finds exactly the union of the per-article expectations.
    let root = common::root();
    let mut list = Vec::new();
    articles(&root.join("corpora"), &mut list);
    let mut expected = String::new();
    for a in &list {
        expected
            .push_str(&std::fs::read_to_string(a.with_extension("expected")).unwrap_or_default());
    }
    let out = common::run(&["check", "--format", "brief", "corpora/"]);
    let stdout = common::stdout(&out);
    let mut got: Vec<&str> = stdout.lines().collect();
    let mut want: Vec<&str> = expected.lines().collect();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
}

//! What fits concord into a desk's tools: the version with its glossaries, shell completions
//! and manual pages generated from the CLI definition, the pre-commit hook, the licences.

mod common;

use common::{root, run, stderr, stdout};

const SUBCOMMANDS: [&str; 8] = [
    "check",
    "rules",
    "explain",
    "debug",
    "glossary",
    "names",
    "completions",
    "man",
];

#[test]
fn version_names_each_shipped_glossary_with_its_version() {
    let out = run(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    let mut expected = format!("concord {}\nglossaries:\n", env!("CARGO_PKG_VERSION"));
    for file in ["news-names", "countries", "news-terms"] {
        let text = std::fs::read_to_string(root().join(format!("glossaries/{file}.json"))).unwrap();
        let g: serde_json::Value = serde_json::from_str(&text).unwrap();
        let version = g["version"]
            .as_str()
            .expect("a shipped glossary has a version");
        let entries = g["entries"].as_array().unwrap().len();
        expected.push_str(&format!("  {file} {version} ({entries} entries)\n"));
    }
    assert_eq!(stdout(&out), expected);
    assert_eq!(
        stdout(&run(&["-V"])),
        format!("concord {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_know_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completion lacks {sub}");
        }
        assert!(script.contains("format"), "{shell}");
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(
                script.contains("sarif"),
                "{shell} completes the format's values"
            );
        }
    }
    let bash = run(&["completions", "bash"]).stdout;
    if let Ok(mut child) = std::process::Command::new("bash")
        .arg("-n")
        .stdin(std::process::Stdio::piped())
        .spawn()
    {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&bash).unwrap();
        assert!(
            child.wait().unwrap().success(),
            "bash -n rejects the script"
        );
    }
    let bad = run(&["completions", "tcsh"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("invalid value 'tcsh'"));
}

#[test]
fn man_pages_are_generated_for_concord_and_each_subcommand() {
    let page = stdout(&run(&["man"]));
    assert!(page.contains(".TH concord 1"));
    assert!(page.contains(".SH SUBCOMMANDS"));
    for sub in SUBCOMMANDS {
        assert!(page.contains(&format!("concord\\-{sub}(1)")), "{sub}");
    }
    let check = stdout(&run(&["man", "check"]));
    assert!(check.contains(".TH concord-check 1"));
    for flag in [
        "\\-\\-format",
        "\\-\\-output",
        "\\-\\-quiet",
        "\\-\\-fail\\-on",
    ] {
        assert!(check.contains(flag), "{flag}");
    }
    assert!(check.contains("sarif") && check.contains("html"));
    let bad = run(&["man", "chek"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).starts_with("error: no subcommand \"chek\" (known: check, "));
}

#[test]
fn the_pre_commit_hook_runs_concord_check_on_the_files_it_reads() {
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    assert!(hooks.contains("- id: concord\n"));
    assert!(hooks.contains("  entry: concord check\n"));
    assert!(hooks.contains("  language: rust\n"));
    // pre-commit passes the staged files as arguments: each named file is checked.
    let out = run(&[
        "check",
        "corpora/en/blinken-caucasus-talks.en.txt",
        "tests/data/bilingual/xliff12.xlf",
    ]);
    assert_eq!(out.status.code(), Some(1));
    for ext in ["txt", "md", "markdown", "xlf", "xliff", "tmx", "jsonl"] {
        assert!(hooks.contains(ext), "the hook's files pattern lacks .{ext}");
    }
}

#[test]
fn licence_files_match_the_manifest() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    assert!(manifest.contains("license = \"MIT OR Apache-2.0\""));
    let mit = std::fs::read_to_string(root().join("LICENSE-MIT")).unwrap();
    assert!(mit.starts_with("MIT License\n"));
    assert!(mit.contains("Permission is hereby granted, free of charge"));
    let apache = std::fs::read_to_string(root().join("LICENSE-APACHE")).unwrap();
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0, January 2004"));
    assert!(apache.contains("END OF TERMS AND CONDITIONS"));
}

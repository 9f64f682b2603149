//! `--format sarif`: every log validates against the official SARIF 2.1.0 schema (vendored in
//! tests/data/sarif), and says what the JSON report says.

mod common;

use std::path::Path;

use common::{root, run, run_in};
use serde_json::Value;

/// Validates `log` against the SARIF 2.1.0 schema, with format assertions on.
fn validate(log: &Value) -> Result<(), String> {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler
        .add_resource("file:///sarif-schema-2.1.0.json", schema)
        .unwrap();
    let index = compiler
        .compile("file:///sarif-schema-2.1.0.json", &mut schemas)
        .unwrap();
    schemas.validate(log, index).map_err(|e| format!("{e:#}"))
}

fn sarif_in(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend_from_slice(args);
    let out = run_in(dir, &all, None);
    assert!(out.status.code().is_some_and(|c| c <= 2), "{out:?}");
    let log: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    if let Err(e) = validate(&log) {
        panic!("{args:?}: the log is not valid SARIF 2.1.0: {e}");
    }
    log
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().unwrap()
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let log = sarif_in(&root(), &["tests/data/cli/talks.en.txt"]);
    let mut bad = log.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(validate(&bad).is_err());
    let mut bad = log.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(validate(&bad).is_err());
    let mut bad = log;
    bad["runs"][0]["tool"]["driver"]["colour"] = "red".into();
    assert!(validate(&bad).is_err());
}

#[test]
fn sarif_says_what_the_json_report_says() {
    let args = ["corpora", "tests/data/bilingual"];
    let log = sarif_in(&root(), &args);
    let json: Value = serde_json::from_slice(
        &run(&[
            "check",
            "--format",
            "json",
            "corpora",
            "tests/data/bilingual",
        ])
        .stdout,
    )
    .unwrap();
    let findings = json["findings"].as_array().unwrap();
    let results = results(&log);
    assert_eq!(results.len(), findings.len());
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), concord::checks::rule_ids().len());
    for (r, f) in results.iter().zip(findings) {
        assert_eq!(r["ruleId"], f["rule"]);
        assert_eq!(
            rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
            f["rule"]
        );
        assert_eq!(r["message"]["text"], f["message"]);
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], f["path"]);
        let region = &loc["region"];
        for (s, j) in [
            ("startLine", "line"),
            ("startColumn", "column"),
            ("endLine", "end_line"),
            ("endColumn", "end_column"),
        ] {
            assert_eq!(region[s], f[j], "{s} of {f}");
        }
        let level = match f["severity"].as_str().unwrap() {
            "info" => "note",
            other => other,
        };
        assert_eq!(r["level"], level);
        let related = f["related"].as_array().unwrap();
        assert_eq!(
            r["relatedLocations"].as_array().map_or(0, |a| a.len()),
            related.len()
        );
        assert_eq!(r["fixes"].is_array(), f["fix"].is_object());
    }
    assert!(results.iter().any(|r| r["relatedLocations"].is_array()));
    assert!(results.iter().any(|r| r["fixes"].is_array()));
    let glossary = &rules[3];
    assert_eq!(glossary["id"], "name/glossary");
    assert_eq!(glossary["defaultConfiguration"]["level"], "error");
    assert!(
        glossary["help"]["text"]
            .as_str()
            .unwrap()
            .contains("Example (en):\n\n    US Secretary of State Anthony Blinken")
    );
}

#[test]
fn byte_offsets_are_into_the_files_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let text = "In Kiev, the minister spoke.\n";
    std::fs::write(dir.path().join("plain.en.txt"), text).unwrap();
    std::fs::write(
        dir.path().join("bom.en.txt"),
        [b"\xEF\xBB\xBF", text.as_bytes()].concat(),
    )
    .unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(dir.path().join("wide.en.txt"), utf16).unwrap();
    let log = sarif_in(dir.path(), &["."]);
    let regions: Vec<(String, &Value)> = results(&log)
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            (
                loc["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                &loc["region"],
            )
        })
        .collect();
    assert_eq!(regions.len(), 3);
    for (uri, region) in &regions {
        assert_eq!(
            (&region["startLine"], &region["startColumn"]),
            (&1.into(), &4.into())
        );
        let expected = match uri.as_str() {
            "./bom.en.txt" => Some(6),
            "./plain.en.txt" => Some(3),
            "./wide.en.txt" => None,
            other => panic!("{other}"),
        };
        assert_eq!(region["byteOffset"].as_u64(), expected, "{uri}");
    }
    let fix = &results(&log)[0]["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(fix["insertedContent"]["text"], "Kyiv");
    assert_eq!(fix["deletedRegion"]["byteOffset"], 6);
}

#[test]
fn unreadable_inputs_are_notifications() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.en.txt"), b"ok \xFF\n").unwrap();
    let log = sarif_in(dir.path(), &["broken.en.txt"]);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert!(
        note["message"]["text"]
            .as_str()
            .unwrap()
            .contains("invalid UTF-8")
    );
}

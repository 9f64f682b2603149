//! SARIF 2.1.0 (`--format sarif`), the format code-scanning services read: one run whose
//! driver lists every rule from the rule table, and one result per finding with its place,
//! related places and fix.

use std::collections::BTreeMap;
use std::io::{self, Write};

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_json::{Value, json};

use crate::checks::{Rule, rules};
use crate::engine::Report;
use crate::finding::{Finding, Related, Severity};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Characters a path keeps escaped in a URI reference: all but unreserved ones and `/`.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a SARIF artifact URI: relative paths stay relative (to the directory concord ran
/// in), absolute ones become `file://` URIs.
fn uri(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let encoded = utf8_percent_encode(&slashed, PATH).to_string();
    if slashed.starts_with('/') {
        format!("file://{encoded}")
    } else {
        encoded
    }
}

/// Where a file's decoded text starts in its bytes: after a UTF-8 byte order mark. `None` for
/// UTF-16, whose byte offsets are not the text's; such results carry lines and columns only.
fn byte_base(path: &str) -> Option<usize> {
    use std::io::Read;
    let mut head = [0u8; 3];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    match &head[..n] {
        [0xEF, 0xBB, 0xBF] => Some(3),
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => None,
        _ => Some(0),
    }
}

fn rule_descriptor(r: &Rule) -> Value {
    json!({
        "id": r.id,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.explanation},
        "help": {"text": r.help_text()},
        "defaultConfiguration": {"level": level(r.severity)},
    })
}

fn region(f: &Finding, base: Option<usize>) -> Value {
    let mut region = json!({
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "snippet": {"text": f.text},
    });
    if let Some(base) = base {
        region["byteOffset"] = json!(base + f.byte_start);
        region["byteLength"] = json!(f.byte_end - f.byte_start);
    }
    region
}

fn related_location(id: usize, r: &Related) -> Value {
    let mut region = json!({"startLine": r.line, "startColumn": r.column});
    if !r.text.contains('\n') {
        region["endColumn"] = json!(r.column + r.text.chars().count());
        region["snippet"] = json!({"text": r.text});
    }
    json!({
        "id": id,
        "physicalLocation": {"artifactLocation": {"uri": uri(&r.path)}, "region": region},
        "message": {"text": format!("“{}”", r.text)},
    })
}

/// The finding's fix as a SARIF fix: the replaced region given by line and column (the fix
/// replaces the finding's own span) and by bytes where they are the file's.
fn fix(f: &Finding, base: Option<usize>) -> Option<Value> {
    let fix = f.fix.as_ref()?;
    let own_span = fix.byte_start == f.byte_start && fix.byte_end == f.byte_end;
    let mut deleted = serde_json::Map::new();
    if own_span {
        deleted.insert("startLine".into(), json!(f.line));
        deleted.insert("startColumn".into(), json!(f.column));
        deleted.insert("endLine".into(), json!(f.end_line));
        deleted.insert("endColumn".into(), json!(f.end_column));
    }
    if let Some(base) = base {
        deleted.insert("byteOffset".into(), json!(base + fix.byte_start));
        deleted.insert("byteLength".into(), json!(fix.byte_end - fix.byte_start));
    }
    if deleted.is_empty() {
        return None;
    }
    Some(json!({
        "description": {"text": format!("Replace with “{}”", fix.replacement)},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri(&f.path)},
            "replacements": [{
                "deletedRegion": deleted,
                "insertedContent": {"text": fix.replacement},
            }],
        }],
    }))
}

fn result(f: &Finding, rule_index: usize, base: Option<usize>) -> Value {
    let mut result = json!({
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": {"text": f.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri(&f.path)},
                "region": region(f, base),
            },
        }],
    });
    if !f.related.is_empty() {
        result["relatedLocations"] = f
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| related_location(i + 1, r))
            .collect();
    }
    if let Some(fix) = fix(f, base) {
        result["fixes"] = json!([fix]);
    }
    result
}

/// Writes the report as one SARIF log. Byte offsets are into each file's bytes, so the files
/// are looked at (their first bytes) for a byte order mark.
pub fn write_sarif(w: &mut dyn Write, report: &Report) -> io::Result<()> {
    let table = rules();
    let index: BTreeMap<&str, usize> = table.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut bases: BTreeMap<&str, Option<usize>> = BTreeMap::new();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let base = *bases.entry(&f.path).or_insert_with(|| byte_base(&f.path));
            result(f, index.get(f.rule).copied().unwrap_or(0), base)
        })
        .collect();
    let notifications: Vec<Value> = report
        .input_errors
        .iter()
        .map(|e| {
            json!({
                "level": "error",
                "message": {"text": e.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&e.path)}}}],
            })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "concord",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": table.iter().map(|r| rule_descriptor(r)).collect::<Vec<_>>(),
            }},
            "invocations": [{
                "executionSuccessful": report.input_errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *w, &log)?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("corpora/en/a b.en.txt"), "corpora/en/a%20b.en.txt");
        assert_eq!(uri("/tmp/x#1.txt"), "file:///tmp/x%231.txt");
        assert_eq!(uri("desk\\día.txt"), "desk/d%C3%ADa.txt");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }

    #[test]
    fn levels_follow_sarif() {
        assert_eq!(level(Severity::Info), "note");
        assert_eq!(level(Severity::Warning), "warning");
        assert_eq!(level(Severity::Error), "error");
    }
}

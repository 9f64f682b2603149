//! Packs the shipped glossaries (`glossaries/*.json`) into a compact binary form that the
//! binary carries and reads at start-up without parsing JSON (`src/glossary/packed.rs` reads
//! it; a test checks that both readings of every shipped glossary agree). The checks that need
//! no library code (fields, empty ids and forms, duplicate ids) fail the build here, so a
//! broken shipped glossary is never compiled in.

use std::collections::HashSet;
use std::path::Path;

use serde_json::{Map, Value};

/// File names, in the order `concord --version` lists them.
const SHIPPED: &[&str] = &["news-names.json", "countries.json", "news-terms.json"];

fn main() {
    let mut out = Vec::new();
    put_u32(&mut out, SHIPPED.len());
    for name in SHIPPED {
        let path = Path::new("glossaries").join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| fail(&path, &format!("cannot be read: {e}")));
        let value: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| fail(&path, &format!("is not valid JSON: {e}")));
        put_str(&mut out, name);
        pack_glossary(&path, &value, &mut out);
    }
    let dest =
        Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("glossaries.bin");
    std::fs::write(&dest, out).unwrap_or_else(|e| fail(&dest, &format!("cannot be written: {e}")));
}

fn fail(path: &Path, message: &str) -> ! {
    panic!(
        "{} {message} (run `concord glossary lint` on it for every problem)",
        path.display()
    )
}

fn pack_glossary(path: &Path, value: &Value, out: &mut Vec<u8>) {
    let g = object(
        path,
        value,
        "the glossary",
        &["format", "name", "version", "description", "entries"],
    );
    put_str(out, string(path, g, "format", "the glossary"));
    put_str(out, string(path, g, "name", "the glossary"));
    put_opt(out, opt_string(path, g, "version", "the glossary"));
    put_opt(out, opt_string(path, g, "description", "the glossary"));
    let entries = array(path, g.get("entries"), "entries");
    put_u32(out, entries.len());
    let mut ids = HashSet::new();
    for (n, e) in entries.iter().enumerate() {
        let at = format!("entry {}", n + 1);
        let e = object(
            path,
            e,
            &at,
            &["id", "kind", "note", "case", "match", "terms"],
        );
        let id = string(path, e, "id", &at);
        if id.is_empty() || !ids.insert(id) {
            fail(path, &format!("has an empty or duplicate id in {at}"));
        }
        put_str(out, id);
        put_str(out, string(path, e, "kind", &at));
        put_opt(out, opt_string(path, e, "note", &at));
        put_opt(out, opt_string(path, e, "case", &at));
        put_opt(out, opt_string(path, e, "match", &at));
        let terms = match e.get("terms") {
            Some(Value::Object(t)) if !t.is_empty() => t,
            _ => fail(path, &format!("has no language sections in {at}")),
        };
        put_u32(out, terms.len());
        for (lang, section) in terms {
            let at = format!("{at}, section {lang}");
            let s = object(
                path,
                section,
                &at,
                &["preferred", "admitted", "deprecated", "note"],
            );
            put_str(out, lang);
            put_str(out, form(path, s.get("preferred"), &at));
            for list in ["admitted", "deprecated"] {
                let forms = match s.get(list) {
                    None => &[][..],
                    Some(v) => array(path, Some(v), &at).as_slice(),
                };
                put_u32(out, forms.len());
                for f in forms {
                    put_str(out, form(path, Some(f), &at));
                }
            }
            put_opt(out, opt_string(path, s, "note", &at));
        }
    }
}

fn object<'a>(path: &Path, v: &'a Value, at: &str, fields: &[&str]) -> &'a Map<String, Value> {
    let Value::Object(m) = v else {
        fail(path, &format!("has a non-object {at}"));
    };
    if let Some(k) = m.keys().find(|k| !fields.contains(&k.as_str())) {
        fail(path, &format!("has an unknown field `{k}` in {at}"));
    }
    m
}

fn array<'a>(path: &Path, v: Option<&'a Value>, at: &str) -> &'a Vec<Value> {
    match v {
        Some(Value::Array(a)) => a,
        _ => fail(path, &format!("expects a list in {at}")),
    }
}

fn string<'a>(path: &Path, m: &'a Map<String, Value>, key: &str, at: &str) -> &'a str {
    opt_string(path, m, key, at).unwrap_or_else(|| fail(path, &format!("lacks `{key}` in {at}")))
}

fn opt_string<'a>(path: &Path, m: &'a Map<String, Value>, key: &str, at: &str) -> Option<&'a str> {
    match m.get(key) {
        None => None,
        Some(Value::String(s)) => Some(s),
        Some(_) => fail(path, &format!("expects a string for `{key}` in {at}")),
    }
}

/// A form: the rules of `Form::try_from` (non-empty, no control characters).
fn form<'a>(path: &Path, v: Option<&'a Value>, at: &str) -> &'a str {
    match v {
        Some(Value::String(s)) if !s.trim().is_empty() && !s.chars().any(char::is_control) => s,
        _ => fail(
            path,
            &format!("has an empty form or one with a control character in {at}"),
        ),
    }
}

fn put_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).expect("fits in 32 bits").to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn put_opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => out.push(0),
        Some(s) => {
            out.push(1);
            put_str(out, s);
        }
    }
}

//! JSON Lines: one segment per line, `{"id", "doc", "source", "target", "source_lang",
//! "target_lang"}`. Only `source` is required; other fields are ignored, so pipelines may
//! carry their own metadata. Positions point into the line, through JSON escapes.

use super::{FormatError, Parsed, Unit, lang_attr};
use crate::origin::Piece;

/// The fields concord reads, and what each must hold.
const FIELDS: &[(&str, &str)] = &[
    ("id", "a string or a number"),
    ("doc", "a string"),
    ("source", "a string"),
    ("target", "a string or null"),
    ("source_lang", "a language tag (string)"),
    ("target_lang", "a language tag (string)"),
    // Rules not to report on this segment: "name/glossary number/style", a list, or "" for all.
    ("concord-disable", "a string or a list of strings"),
];

/// Every segment of a JSON Lines text. A line that is not a segment is an error for that
/// line; the other lines are still read.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut offset = 0;
    for (n, raw_line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        match segment(line, n + 1, start) {
            Ok(unit) => parsed.units.push(unit),
            Err(e) => parsed.errors.push(e),
        }
    }
    parsed
}

/// One line read as a segment.
fn segment(line: &str, number: usize, start: usize) -> Result<Unit, FormatError> {
    let bad = |at: usize, what: String| {
        FormatError::at(
            start + at,
            format!("line {number} is not a segment: {what}"),
        )
    };
    if line.len() > crate::limits::MAX_LINE_BYTES {
        return Err(bad(0, crate::limits::too_long(line.len())));
    }
    let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
        let col = line
            .char_indices()
            .nth(e.column().saturating_sub(1))
            .map_or(line.len(), |(i, _)| i);
        let msg = e.to_string();
        let msg = msg
            .rfind(" at line ")
            .map_or(msg.clone(), |i| msg[..i].to_string());
        bad(col, msg)
    })?;
    let serde_json::Value::Object(object) = &value else {
        return Err(bad(
            0,
            format!(
                "expected a JSON object such as {{\"source\": \"…\"}}, found {}",
                kind(&value)
            ),
        ));
    };
    let fields = raw_fields(line);
    let at = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| k == key)
            .map_or(0, |(_, at)| *at)
    };
    for (i, (key, _)) in fields.iter().enumerate() {
        if fields[..i].iter().any(|(k, _)| k == key) {
            let dup = fields[i].1;
            return Err(bad(dup, format!("field \"{key}\" is given twice")));
        }
    }
    for &(key, expected) in FIELDS {
        let ok = match object.get(key) {
            None => key != "source",
            Some(v) => match key {
                "id" => v.is_string() || v.is_number(),
                "target" => v.is_string() || v.is_null(),
                "concord-disable" => {
                    v.is_string()
                        || v.as_array()
                            .is_some_and(|a| a.iter().all(|x| x.is_string()))
                }
                _ => v.is_string(),
            },
        };
        if !ok {
            let found = object.get(key).map_or("nothing".to_string(), kind);
            return Err(bad(
                at(key),
                format!("field \"{key}\" must be {expected}, found {found}"),
            ));
        }
    }
    let piece = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, at)| decode_string(line, *at, start))
    };
    let source = piece("source")
        .ok_or_else(|| bad(at("source"), "field \"source\" could not be read".into()))?;
    let target = object
        .get("target")
        .filter(|t| t.is_string())
        .and_then(|_| piece("target"));
    let string = |key: &str| object.get(key).and_then(|v| v.as_str()).unwrap_or("");
    let id = match object.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => number.to_string(),
    };
    let lang = |key: &str| {
        lang_attr(string(key), start + at(key))
            .map_err(|e| bad(at(key), format!("field \"{key}\": {}", e.message)))
    };
    Ok(Unit {
        id,
        doc: string("doc").to_string(),
        source_lang: lang("source_lang")?,
        target_lang: lang("target_lang")?,
        source,
        target,
        notes: object
            .get("concord-disable")
            .map(|d| match d {
                serde_json::Value::Array(rules) => {
                    let rules: Vec<&str> = rules.iter().filter_map(|r| r.as_str()).collect();
                    format!("concord-disable {}", rules.join(" "))
                }
                rule => format!("concord-disable {}", rule.as_str().unwrap_or("")),
            })
            .into_iter()
            .collect(),
    })
}

/// What a JSON value is, for messages.
fn kind(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "null".into(),
        serde_json::Value::Bool(b) => format!("{b}"),
        serde_json::Value::Number(n) => format!("the number {n}"),
        serde_json::Value::String(_) => "a string".into(),
        serde_json::Value::Array(_) => "an array".into(),
        serde_json::Value::Object(_) => "an object".into(),
    }
}

/// The top-level keys of a JSON object line and the byte offset of each value.
fn raw_fields(line: &str) -> Vec<(String, usize)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = line.find('{').map_or(b.len(), |i| i + 1);
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
            i += 1;
        }
        if i >= b.len() || b[i] != b'"' {
            return out;
        }
        let key_end = skip_string(b, i);
        let key: String = serde_json::from_str(&line[i..key_end]).unwrap_or_default();
        i = key_end;
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b':') {
            i += 1;
        }
        out.push((key, i));
        i = skip_value(b, i);
    }
}

fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

fn skip_value(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = skip_string(b, i);
                if depth == 0 {
                    return i;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b',' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

/// Decodes the JSON string literal at `at` in `line` into a piece whose runs point into the
/// file (`base` is the line's offset).
fn decode_string(line: &str, at: usize, base: usize) -> Option<Piece> {
    let b = line.as_bytes();
    if b.get(at) != Some(&b'"') {
        return None;
    }
    let mut piece = Piece::default();
    let mut i = at + 1;
    let mut lit = i;
    while i < b.len() {
        match b[i] {
            b'"' => {
                piece.push_literal(&line[lit..i], base + lit);
                return Some(piece);
            }
            b'\\' => {
                piece.push_literal(&line[lit..i], base + lit);
                let (c, len) = escape(line, i)?;
                piece.push_escaped(c.encode_utf8(&mut [0; 4]), base + i, len);
                i += len;
                lit = i;
            }
            _ => i += 1,
        }
    }
    None
}

/// The character of the escape at `i` and the escape's length, surrogate pairs included.
fn escape(line: &str, i: usize) -> Option<(char, usize)> {
    let b = line.as_bytes();
    let simple = match *b.get(i + 1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let hex = |at: usize| {
                line.get(at..at + 4)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
            };
            let hi = hex(i + 2)?;
            if (0xD800..0xDC00).contains(&hi) && line.get(i + 6..i + 8) == Some("\\u") {
                let lo = hex(i + 8)?;
                let c = char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?;
                return Some((c, 12));
            }
            return Some((char::from_u32(hi)?, 6));
        }
        _ => return None,
    };
    Some((simple, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_with_escapes_keep_their_places() {
        let text = "{\"id\": 1, \"doc\": \"a\", \"source\": \"Kyiv\", \"target\": \"Caf\\u00e9 \\\"Kiev\\\"\", \"meta\": {\"x\": [1, \"}\"]}}\n\n{\"source\": \"only\"}\n";
        let units = parse(text).units;
        assert_eq!(units.len(), 2);
        let t = units[0].target.as_ref().unwrap();
        assert_eq!(t.text, "Café \"Kiev\"");
        let o = crate::origin::Origin::new(
            text.into(),
            std::sync::Arc::new(crate::text::LineIndex::new(text)),
            t.runs.clone(),
        );
        let at = t.text.find("Kiev").unwrap();
        assert_eq!(&text[o.span(at..at + 4)], "Kiev");
        assert_eq!(units[0].id, "1");
        assert_eq!(units[1].id, "3");
        assert!(units[1].target.is_none());
    }

    #[test]
    fn a_bad_line_is_an_error_at_that_line_and_the_others_are_read() {
        let text = "{\"source\": \"a\"}\n{\"source\": 5}\n[1]\n{\"source\": \"b\", \"source\": \"c\"}\n{\"id\": 3, \"source\": \"d\", \"target_lang\": \"x y\"}\n{\"source\": \"e\"\n{\"source\": \"f\"}\n";
        let parsed = parse(text);
        let ids: Vec<&str> = parsed
            .units
            .iter()
            .map(|u| u.source.text.as_str())
            .collect();
        assert_eq!(ids, ["a", "f"]);
        let lines = crate::text::LineIndex::new(text);
        let errors: Vec<String> = parsed
            .errors
            .iter()
            .map(|e| e.describe_with(text, &lines))
            .collect();
        assert_eq!(errors.len(), 5, "{errors:?}");
        assert!(errors[0].starts_with("2:12: line 2 is not a segment: field \"source\" must be a string, found the number 5"), "{}", errors[0]);
        assert!(
            errors[1].contains("expected a JSON object"),
            "{}",
            errors[1]
        );
        assert!(
            errors[2].contains("field \"source\" is given twice"),
            "{}",
            errors[2]
        );
        assert!(
            errors[3].starts_with("5:") && errors[3].contains("\"target_lang\""),
            "{}",
            errors[3]
        );
        assert!(errors[4].starts_with("6:"), "{}", errors[4]);
    }
}

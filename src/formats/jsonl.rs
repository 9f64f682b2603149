//! JSON Lines: one segment per line, `{"id", "doc", "source", "target", "source_lang",
//! "target_lang"}`. Only `source` is required; other fields are ignored, so pipelines may
//! carry their own metadata. Positions point into the line, through JSON escapes.

use serde::Deserialize;

use super::{FormatError, Unit, lang_attr};
use crate::origin::Piece;

#[derive(Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    doc: Option<String>,
    source: String,
    target: Option<String>,
    source_lang: Option<String>,
    target_lang: Option<String>,
    /// Rules not to report on this segment: a string ("name/glossary number/style"), a list,
    /// or "" for all.
    #[serde(rename = "concord-disable")]
    disable: Option<Disable>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Disable {
    One(String),
    Many(Vec<String>),
}

pub fn parse(text: &str) -> Result<Vec<Unit>, FormatError> {
    let mut units = Vec::new();
    let mut offset = 0;
    for (n, raw_line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = serde_json::from_str(line).map_err(|e| {
            let col = line
                .char_indices()
                .nth(e.column().saturating_sub(1))
                .map_or(line.len(), |(i, _)| i);
            let msg = e.to_string();
            let msg = msg
                .rfind(" at line ")
                .map_or(msg.clone(), |i| msg[..i].to_string());
            FormatError::at(
                start + col,
                format!("line {} is not a segment: {msg}", n + 1),
            )
        })?;
        let fields = raw_fields(line);
        let piece = |key: &str| {
            fields
                .iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, at)| decode_string(line, *at, start))
        };
        let source =
            piece("source").ok_or_else(|| FormatError::at(start, "\"source\" must be a string"))?;
        let target = parsed.target.as_ref().and_then(|_| piece("target"));
        let id = match parsed.id {
            Some(serde_json::Value::String(s)) => s,
            Some(v) => v.to_string(),
            None => (n + 1).to_string(),
        };
        units.push(Unit {
            id,
            doc: parsed.doc.unwrap_or_default(),
            source_lang: lang_attr(parsed.source_lang.as_deref().unwrap_or(""), start)?,
            target_lang: lang_attr(parsed.target_lang.as_deref().unwrap_or(""), start)?,
            source,
            target,
            notes: parsed
                .disable
                .map(|d| match d {
                    Disable::One(s) => format!("concord-disable {s}"),
                    Disable::Many(v) => format!("concord-disable {}", v.join(" ")),
                })
                .into_iter()
                .collect(),
        });
        let _ = parsed.source;
    }
    Ok(units)
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
        let units = parse(text).unwrap();
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
    fn a_bad_line_is_an_error_at_that_line() {
        let text = "{\"source\": \"a\"}\n{\"source\": 5}\n";
        let err = parse(text).unwrap_err();
        assert!(
            err.message.starts_with("line 2 is not a segment"),
            "{}",
            err.message
        );
        assert!(
            err.describe(text).starts_with("2:"),
            "{}",
            err.describe(text)
        );
    }
}

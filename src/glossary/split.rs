//! Finding a glossary file's entries without parsing it: the top-level `"entries"` array and
//! the byte range of each of its objects, so that the objects are parsed (and validated) on
//! every core while the rest of the file is parsed on its own. Anything not shaped as
//! expected gives `None`, and the whole file is then parsed as one, with its exact errors.

use std::ops::Range;

/// The array's range (from `[` to `]` inclusive) and each element's range.
pub(super) struct Split {
    pub array: Range<usize>,
    pub entries: Vec<Range<usize>>,
}

/// JSON whitespace.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    i
}

/// The index just past the string that opens at `b[i] == b'"'`.
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', b.get(i..)?)?;
        if b[i] == b'"' {
            return Some(i + 1);
        }
        // An escape: the byte after the backslash is never the string's end.
        i += 2;
    }
}

/// The index just past the object or array that opens at `b[i]`, brackets counted outside
/// strings (their kinds are checked by the parse that follows).
fn skip_nested(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = skip_string(b, i)?;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Finds the entries of a glossary file: the first key `"entries"` of the top-level object
/// (written without escapes) whose value is an array of objects.
pub(super) fn split_entries(text: &str) -> Option<Split> {
    let b = text.as_bytes();
    let mut i = skip_space(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    // The top level's keys and values, in turn, until the entries.
    loop {
        i = skip_space(b, i);
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let key_end = skip_string(b, i)?;
        let is_entries = &b[i..key_end] == b"\"entries\"";
        i = skip_space(b, key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_space(b, i + 1);
        if is_entries {
            return entries_at(b, i);
        }
        i = match b.get(i)? {
            b'"' => skip_string(b, i)?,
            b'{' | b'[' => skip_nested(b, i)?,
            _ => i + b[i..].iter().position(|&c| c == b',' || c == b'}')?,
        };
        i = skip_space(b, i);
        if b.get(i) != Some(&b',') {
            return None;
        }
        i += 1;
    }
}

/// The array of objects that opens at `b[start]`.
fn entries_at(b: &[u8], start: usize) -> Option<Split> {
    if b.get(start) != Some(&b'[') {
        return None;
    }
    let mut entries = Vec::new();
    let mut i = skip_space(b, start + 1);
    if b.get(i) == Some(&b']') {
        return Some(Split {
            array: start..i + 1,
            entries,
        });
    }
    loop {
        if b.get(i) != Some(&b'{') {
            return None;
        }
        let end = skip_nested(b, i)?;
        entries.push(i..end);
        i = skip_space(b, end);
        match b.get(i)? {
            b',' => i = skip_space(b, i + 1),
            b']' => {
                return Some(Split {
                    array: start..i + 1,
                    entries,
                });
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(String, Vec<String>)> {
        let s = split_entries(text)?;
        Some((
            text[s.array].to_string(),
            s.entries
                .iter()
                .map(|r| text[r.clone()].to_string())
                .collect(),
        ))
    }

    #[test]
    fn finds_the_entries_past_other_keys() {
        let text = r#" {"format": "concord-glossary/1", "name": "a \"q\" ]}", "x": {"entries": [1]},
          "entries" : [ {"id": "a", "t": {"b": "}"}} ,{"id": "b\\"} ] , "version": "1"}"#;
        let (array, entries) = parts(text).unwrap();
        assert!(array.starts_with('[') && array.ends_with(']'));
        assert_eq!(
            entries,
            [r#"{"id": "a", "t": {"b": "}"}}"#, r#"{"id": "b\\"}"#]
        );
    }

    #[test]
    fn empty_and_odd_shapes() {
        assert_eq!(parts(r#"{"entries": []}"#).unwrap().1.len(), 0);
        for odd in [
            r#"{"entries": [{"a": "\"#,
            r#"["entries"]"#,
            r#"{"entries": [1, 2]}"#,
            r#"{"entries": [{"a": 1},]}"#,
            r#"{"entries": [{"a": 1} {"b": 2}]}"#,
            r#"{"entries": [{"a": "unterminated}]}"#,
            r#"{"name": "x" "entries": []}"#,
            r#"{"entr\u0069es": []}"#,
            r#"{"entries": {"a": 1}}"#,
            "",
        ] {
            assert!(split_entries(odd).is_none(), "{odd}");
        }
    }
}

//! Raw bytes to text: decoding (UTF-8 with or without BOM, UTF-16 with BOM; UTF-32 refused) and the line index
//! that turns byte offsets into 1-based lines and character columns.

use crate::error::Position;

/// The encoding a text was stored in, kept so that a rewrite can store it the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

/// Why bytes could not be decoded, with the position of the first bad byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub position: Position,
    pub message: String,
}

/// Decodes bytes to a string, recognising byte order marks.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    // UTF-32's little-endian mark starts like UTF-16's: tell them apart first.
    if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
        return Err(DecodeError {
            position: Position { line: 1, column: 1 },
            message:
                "UTF-32 (its byte order mark says so) is not supported; save the file as UTF-8"
                    .to_string(),
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest).map(|s| (s, Encoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes).map(|s| (s, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes).map(|s| (s, Encoding::Utf16Be));
    }
    if bytes.contains(&0) {
        let at = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        let prefix = String::from_utf8_lossy(&bytes[..at]);
        return Err(DecodeError {
            position: LineIndex::new(&prefix).position(&prefix, prefix.len()),
            message: "NUL byte: this looks like a binary file or UTF-16 without a byte order mark"
                .to_string(),
        });
    }
    utf8(bytes).map(|s| (s, Encoding::Utf8))
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    // The SIMD check first (every input byte passes through it); the standard library's
    // only for where an invalid file goes wrong.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // Valid by construction: from_utf8 said so up to here.
            let prefix = std::str::from_utf8(good).unwrap_or_default();
            Err(DecodeError {
                position: LineIndex::new(prefix).position(prefix, prefix.len()),
                message: format!(
                    "invalid UTF-8 (byte 0x{:02X} at offset {}); save the file as UTF-8",
                    bytes[e.valid_up_to()],
                    e.valid_up_to()
                ),
            })
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    let mut out = String::with_capacity(units.len());
    for r in char::decode_utf16(units.iter().copied()) {
        match r {
            Ok(c) => out.push(c),
            Err(e) => {
                return Err(DecodeError {
                    position: LineIndex::new(&out).position(&out, out.len()),
                    message: format!(
                        "invalid UTF-16 (unpaired surrogate 0x{:04X})",
                        e.unpaired_surrogate()
                    ),
                });
            }
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(DecodeError {
            position: LineIndex::new(&out).position(&out, out.len()),
            message: "invalid UTF-16 (odd number of bytes)".to_string(),
        });
    }
    Ok(out)
}

/// Encodes text the way it was stored.
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Encoding::Utf16Le => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        Encoding::Utf16Be => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
    }
}

/// Byte offsets of line starts, for turning offsets into positions.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// In lines longer than [`STRIDE`] bytes, every STRIDE bytes: (byte offset, characters
    /// from its line's start). A column is then counted from the nearest one, so positions on
    /// a long line cost the same as on a short one.
    marks: Vec<(usize, usize)>,
}

/// Bytes between two column marks on a long line.
const STRIDE: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut marks = Vec::new();
        let ends = starts.iter().skip(1).copied().chain([text.len()]);
        for (&start, end) in starts.iter().zip(ends) {
            let mut at = start;
            let mut column = 0;
            while end - at > STRIDE {
                let mut next = at + STRIDE;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                column += text[at..next].chars().count();
                marks.push((next, column));
                at = next;
            }
        }
        LineIndex { starts, marks }
    }

    /// The byte offset of a 1-based line and column (in characters), if the text has it.
    pub fn offset(&self, text: &str, line: usize, column: usize) -> Option<usize> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let rest = &text[start..];
        let end = rest.find('\n').unwrap_or(rest.len());
        match column.checked_sub(1)? {
            0 => Some(start),
            n => rest[..end]
                .char_indices()
                .nth(n)
                .map(|(i, _)| start + i)
                .or_else(|| (rest[..end].chars().count() == n).then_some(start + end)),
        }
    }

    /// The 1-based line and column (in Unicode scalar values) of byte `offset` in `text`.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let (from, before) = match self.marks.partition_point(|&(o, _)| o <= offset) {
            0 => (start, 0),
            k if self.marks[k - 1].0 > start => self.marks[k - 1],
            _ => (start, 0),
        };
        let column = before + text[from..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The text of the line holding byte `offset`, without its line ending, and its start offset.
    pub fn line_at<'t>(&self, text: &'t str, offset: usize) -> (&'t str, usize) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let end = self.starts.get(line + 1).map_or(text.len(), |&e| e - 1);
        let s = &text[start..end];
        (s.strip_suffix('\r').unwrap_or(s), start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_from_one() {
        let text = "Kyiv\nMoscú y Kyiv\r\nend";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        let at = text.find("y Kyiv").unwrap();
        assert_eq!(idx.position(text, at), Position { line: 2, column: 7 });
        assert_eq!(idx.line_at(text, at), ("Moscú y Kyiv", 5));
        assert_eq!(
            idx.position(text, text.len()),
            Position { line: 3, column: 4 }
        );
    }

    #[test]
    fn offsets_invert_positions() {
        let text = "Kyiv\nMoscú y Kyiv\r\nend";
        let idx = LineIndex::new(text);
        for offset in text.char_indices().map(|(i, _)| i).chain([text.len()]) {
            let p = idx.position(text, offset);
            assert_eq!(idx.offset(text, p.line, p.column), Some(offset), "{p:?}");
        }
        assert_eq!(idx.offset(text, 4, 1), None);
        assert_eq!(idx.offset(text, 1, 7), None);
        assert_eq!(idx.offset(text, 0, 1), None);
    }

    #[test]
    fn columns_on_long_lines_count_every_character() {
        let line: String = "aé€𝄞 ".repeat(3000);
        let text = format!("short\n{line}\n{line}");
        let idx = LineIndex::new(&text);
        for (i, (o, _)) in text.char_indices().enumerate().step_by(997) {
            let start = text[..o].rfind('\n').map_or(0, |n| n + 1);
            let want = text[start..o].chars().count() + 1;
            assert_eq!(idx.position(&text, o).column, want, "char {i}");
        }
    }

    #[test]
    fn encode_reverses_decode() {
        for bytes in [
            &b"plain"[..],
            b"\xEF\xBB\xBFbom",
            b"\xFF\xFEh\x00i\x00",
            b"\xFE\xFF\x00h\x00i",
        ] {
            let (text, enc) = decode(bytes).unwrap();
            assert_eq!(encode(&text, enc), bytes);
        }
    }

    #[test]
    fn decodes_boms_and_reports_bad_bytes() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFhi").unwrap(),
            ("hi".to_string(), Encoding::Utf8Bom)
        );
        assert_eq!(
            decode(b"\xFF\xFEh\x00i\x00").unwrap(),
            ("hi".to_string(), Encoding::Utf16Le)
        );
        assert_eq!(
            decode(b"\xFE\xFF\x00h\x00i").unwrap(),
            ("hi".to_string(), Encoding::Utf16Be)
        );
        let err = decode(b"ok\nbad \xFF here").unwrap_err();
        assert_eq!(err.position, Position { line: 2, column: 5 });
        assert!(err.message.contains("0xFF"));
        assert!(decode(b"a\x00b").is_err());
        for utf32 in [
            &b"\xFF\xFE\x00\x00h\x00\x00\x00"[..],
            b"\x00\x00\xFE\xFF\x00\x00\x00h",
        ] {
            let err = decode(utf32).unwrap_err();
            assert!(err.message.starts_with("UTF-32"), "{}", err.message);
        }
    }
}

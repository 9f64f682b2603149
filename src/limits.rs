//! The largest inputs concord checks. Past them an input is reported as an input error rather
//! than checked: no news article or translation file comes near them, and staying under them
//! keeps every run's time and memory bounded (about 40 bytes of memory per byte of text).

use std::io::Read;
use std::path::Path;

/// The largest file (document or container) checked: 64 MiB.
pub const MAX_INPUT_BYTES: usize = 64 << 20;

/// The longest line of an article, JSON Lines line, or XLIFF/TMX segment checked: 4 MiB.
pub const MAX_LINE_BYTES: usize = 4 << 20;

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1 << 20) as f64)
}

/// The message for a line or segment past [`MAX_LINE_BYTES`].
pub fn too_long(bytes: usize) -> String {
    format!(
        "it is {} long; concord checks lines and segments of up to {} (split it into paragraphs)",
        mib(bytes),
        mib(MAX_LINE_BYTES)
    )
}

/// Reads an input file: a regular file of at most [`MAX_INPUT_BYTES`]. A named pipe or a
/// device is refused before it is opened (reading one may never end).
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if let Some(kind) = crate::atomic::special_kind(&meta) {
        return Err(format!("{kind}, not a file: concord reads regular files"));
    }
    if meta.len() > MAX_INPUT_BYTES as u64 {
        return Err(too_big(meta.len() as usize));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_INPUT_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(too_big(bytes.len()));
    }
    Ok(bytes)
}

/// The message for an input past [`MAX_INPUT_BYTES`].
pub fn too_big(bytes: usize) -> String {
    format!(
        "{} is larger than the {} concord checks in one file; split it",
        mib(bytes),
        mib(MAX_INPUT_BYTES)
    )
}

/// The first line of `text` past [`MAX_LINE_BYTES`]: its byte offset and length.
pub fn long_line(text: &str) -> Option<(usize, usize)> {
    if text.len() <= MAX_LINE_BYTES {
        return None;
    }
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']).len();
        if content > MAX_LINE_BYTES {
            return Some((start, content));
        }
        start += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_found_where_it_starts() {
        assert_eq!(long_line("short\nlines\n"), None);
        let text = format!("ok\n{}\nok", "x".repeat(MAX_LINE_BYTES + 1));
        assert_eq!(long_line(&text), Some((3, MAX_LINE_BYTES + 1)));
        let fits = format!("{}\n{}", "x".repeat(MAX_LINE_BYTES), "y".repeat(10));
        assert_eq!(long_line(&fits), None);
    }

    #[test]
    fn messages_say_the_size_and_the_limit() {
        assert_eq!(
            too_long(5 << 20),
            "it is 5.0 MiB long; concord checks lines and segments of up to 4.0 MiB (split it into paragraphs)"
        );
        assert!(too_big(100 << 20).starts_with("100.0 MiB is larger than the 64.0 MiB"));
    }
}

//! What a run reads: files, text from elsewhere, article pairs, and documents given as JSON
//! Lines records (`{"path": …, "text": …}`, one per line), which a pipeline can send on
//! standard input. Sequences of inputs are lazy, so that a run over an archive or an endless
//! stream holds only the inputs being checked.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::engine::InputError;
use crate::formats::Container;
use crate::lang::LangTag;
use crate::markup::Format;
use crate::walk::WalkError;

/// Something to check.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file: an article (plain text or Markdown) or a container (XLIFF, TMX, JSON Lines),
    /// told by its extension.
    File(PathBuf),
    /// Text read elsewhere (standard input), shown under `name`.
    Bytes {
        name: String,
        bytes: Vec<u8>,
        kind: Kind,
    },
    /// A translated article and its source article.
    Pair { source: PathBuf, target: PathBuf },
    /// An article held in memory (a request to a service).
    Text(Text),
    /// A translation and its source, both held in memory; reported under the target's name.
    TextPair { source: Text, target: Text },
    /// One document of a JSON Lines stream: the line numbered `line` of `stream`.
    Record {
        stream: String,
        line: usize,
        bytes: Vec<u8>,
    },
    /// An input that failed before it could be read (a folder that could not be walked, a
    /// stream that broke off).
    Failed(InputError),
}

/// What an input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One article.
    Text(Format),
    /// Translation units with source and target.
    Container(Container),
}

impl Kind {
    pub fn from_path(path: &Path) -> Kind {
        Container::from_path(path)
            .map_or_else(|| Kind::Text(Format::from_path(path)), Kind::Container)
    }
}

impl Input {
    /// The name this input is reported under.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) | Input::Pair { target: p, .. } => crate::walk::shown(p),
            Input::Bytes { name, .. } | Input::Text(Text { name, .. }) => name.clone(),
            Input::TextPair { target, .. } => target.name.clone(),
            Input::Record { stream, line, .. } => format!("{stream}:{line}"),
            Input::Failed(e) => e.path.clone(),
        }
    }
}

/// An article held in memory (a service's request, a JSON Lines record), in the language its
/// sender declares (else the name's, else the identified one).
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The name its findings are reported under.
    pub name: String,
    pub text: String,
    pub format: Format,
    pub lang: Option<LangTag>,
}

#[derive(Deserialize)]
struct RawRecord {
    path: Option<String>,
    text: String,
    lang: Option<String>,
    format: Option<String>,
}

/// Whether a JSON line is a document record: an object with a `text` string and no `source`
/// (a line with `source` is a segment of a bilingual file), and not a line of concord's own
/// JSON Lines report (a finding has a `text` too).
pub fn is_record(line: &[u8]) -> bool {
    match serde_json::from_slice::<serde_json::Value>(line) {
        Ok(serde_json::Value::Object(o)) => {
            let report_line = o
                .get("type")
                .and_then(serde_json::Value::as_str)
                .is_some_and(|t| matches!(t, "finding" | "input_error" | "summary"));
            o.get("text").is_some_and(serde_json::Value::is_string)
                && !o.contains_key("source")
                && !report_line
        }
        _ => false,
    }
}

/// Reads the record at line `line` of `stream`. Without a `path`, the document is reported as
/// `STREAM:LINE`; without a `format`, the path's extension tells it (plain text otherwise).
pub fn parse_record(stream: &str, line: usize, bytes: &[u8]) -> Result<Text, InputError> {
    let fail = |column: usize, message: String| InputError {
        path: stream.to_string(),
        message: format!("{line}:{column}: line {line} is not a document: {message}"),
    };
    let raw: RawRecord = serde_json::from_slice(bytes).map_err(|e| {
        let msg = e.to_string();
        let msg = msg
            .rfind(" at line ")
            .map_or(msg.clone(), |i| msg[..i].to_string());
        fail(e.column().max(1), msg)
    })?;
    let path = raw.path.unwrap_or_else(|| format!("{stream}:{line}"));
    let lang = raw
        .lang
        .filter(|l| !l.is_empty())
        .map(|l| LangTag::parse(&l).map_err(|e| fail(1, format!("\"lang\": {e}"))))
        .transpose()?;
    let format = match raw.format.as_deref() {
        None => Format::from_path(Path::new(&path)),
        Some("plain" | "text") => Format::Plain,
        Some("markdown") => Format::Markdown,
        Some("html") => Format::Html,
        Some(other) => {
            return Err(fail(
                1,
                format!("\"format\": {other:?} is not one of \"plain\", \"markdown\", \"html\""),
            ));
        }
    };
    Ok(Text {
        name: path,
        text: raw.text,
        lang,
        format,
    })
}

/// The records of a JSON Lines stream, one input per non-blank line, read as they are taken.
/// A stream that fails to read gives one [`Input::Failed`] and ends.
pub struct Records<R> {
    stream: String,
    reader: R,
    line: usize,
    over: bool,
}

impl<R: BufRead> Records<R> {
    pub fn new(stream: impl Into<String>, reader: R) -> Records<R> {
        Records {
            stream: stream.into(),
            reader,
            line: 0,
            over: false,
        }
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        while !self.over {
            let mut bytes = Vec::new();
            // A record is a document: a line past the largest document is skipped, not held.
            let limit = crate::limits::MAX_INPUT_BYTES as u64 + 1;
            match (&mut self.reader).take(limit).read_until(b'\n', &mut bytes) {
                Ok(0) => self.over = true,
                Ok(_) => {
                    self.line += 1;
                    if bytes.last() != Some(&b'\n') && bytes.len() as u64 == limit {
                        return Some(match skip_line(&mut self.reader) {
                            Ok(rest) => Input::Failed(InputError {
                                path: self.stream.clone(),
                                message: format!(
                                    "{}:1: line {} is not a document: {}",
                                    self.line,
                                    self.line,
                                    crate::limits::too_big(bytes.len() + rest)
                                ),
                            }),
                            Err(e) => self.broken(e),
                        });
                    }
                    while bytes.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                        bytes.pop();
                    }
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Input::Record {
                        stream: self.stream.clone(),
                        line: self.line,
                        bytes,
                    });
                }
                Err(e) => return Some(self.broken(e)),
            }
        }
        None
    }
}

impl<R: BufRead> Records<R> {
    /// The stream broke off: one failed input, and the end.
    fn broken(&mut self, e: std::io::Error) -> Input {
        self.over = true;
        Input::Failed(InputError {
            path: self.stream.clone(),
            message: format!("after line {}: {e}", self.line),
        })
    }
}

/// Reads past the rest of a line without keeping it; returns how many bytes it had.
fn skip_line(reader: &mut impl BufRead) -> std::io::Result<usize> {
    let mut skipped = 0;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(skipped + i);
            }
            None => {
                let n = buf.len();
                skipped += n;
                reader.consume(n);
            }
        }
    }
}

/// Reads the first non-blank line of a JSON Lines stream to tell whether it holds document
/// records; returns the answer and a reader that still yields every byte.
pub fn sniff<R: BufRead>(mut reader: R) -> std::io::Result<(bool, impl BufRead)> {
    let mut head = Vec::new();
    let records = loop {
        let start = head.len();
        // Bounded as a record is (a longer first line is no record).
        let limit = crate::limits::MAX_INPUT_BYTES as u64 + 1;
        if (&mut reader).take(limit).read_until(b'\n', &mut head)? == 0 {
            break false;
        }
        let line = &head[start..];
        if !line.iter().all(u8::is_ascii_whitespace) {
            break is_record(line);
        }
    };
    Ok((records, std::io::Cursor::new(head).chain(reader)))
}

/// The inputs of a sequence of files: one per file, except a JSON Lines file of document
/// records, which gives one per record. Files that failed to be walked become failed inputs.
pub fn of_files(
    files: impl Iterator<Item = Result<PathBuf, WalkError>> + Send,
) -> impl Iterator<Item = Input> + Send {
    files.flat_map(|f| -> Box<dyn Iterator<Item = Input> + Send> {
        match f {
            Err(e) => Box::new(std::iter::once(Input::Failed(InputError {
                path: e.path,
                message: e.message,
            }))),
            Ok(path) if Container::from_path(&path) == Some(Container::Jsonl) => {
                match std::fs::File::open(&path)
                    .and_then(|file| sniff(std::io::BufReader::new(file)))
                {
                    Ok((true, reader)) => Box::new(Records::new(crate::walk::shown(&path), reader)),
                    // A bilingual file, or one that cannot be read: the check says which.
                    _ => Box::new(std::iter::once(Input::File(path))),
                }
            }
            Ok(path) => Box::new(std::iter::once(Input::File(path))),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_with_text_is_a_record_and_one_with_source_a_segment() {
        assert!(is_record(br#"{"path": "a.en.txt", "text": "Hello."}"#));
        assert!(!is_record(br#"{"source": "Hola.", "target": "Hello."}"#));
        assert!(!is_record(br#"{"text": "Hello.", "source": "Hola."}"#));
        assert!(!is_record(br#"{"text": 3}"#));
        assert!(!is_record(b"not json"));
        assert!(!is_record(
            br#"{"type": "finding", "path": "a.txt", "text": "Kiev"}"#
        ));
        assert!(is_record(br#"{"type": "article", "text": "Kiev"}"#));
    }

    #[test]
    fn records_skip_blank_lines_and_keep_line_numbers() {
        let data = b"{\"text\": \"a\"}\n\n  \r\n{\"text\": \"b\"}\r\n{\"text\": \"c\"}";
        let lines: Vec<(usize, Vec<u8>)> = Records::new("s", &data[..])
            .map(|i| match i {
                Input::Record { line, bytes, .. } => (line, bytes),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            lines,
            vec![
                (1, b"{\"text\": \"a\"}".to_vec()),
                (4, b"{\"text\": \"b\"}".to_vec()),
                (5, b"{\"text\": \"c\"}".to_vec()),
            ]
        );
    }

    #[test]
    fn a_record_past_the_largest_document_is_skipped_and_the_stream_goes_on() {
        let mut data = b"{\"text\": \"".to_vec();
        data.resize(crate::limits::MAX_INPUT_BYTES + 10, b'a');
        data.extend_from_slice(b"\"}\n{\"text\": \"b\"}\n");
        let inputs: Vec<Input> = Records::new("s", &data[..]).collect();
        assert_eq!(inputs.len(), 2, "{:?}", inputs.len());
        match &inputs[0] {
            Input::Failed(e) => assert!(e.message.starts_with("1:1: line 1"), "{}", e.message),
            other => panic!("{:?}", other.name()),
        }
        assert!(matches!(&inputs[1], Input::Record { line: 2, .. }));
    }

    #[test]
    fn sniffing_gives_back_every_byte() {
        let data = b"\n{\"text\": \"a\"}\nrest";
        let (records, mut reader) = sniff(&data[..]).expect("reads");
        assert!(records);
        let mut all = Vec::new();
        reader.read_to_end(&mut all).expect("reads");
        assert_eq!(all, data);
    }

    #[test]
    fn a_record_names_its_document_and_says_what_is_wrong() {
        let r = parse_record(
            "<stdin>",
            3,
            br#"{"path": "x/a.md", "text": "T", "lang": "pt-BR"}"#,
        )
        .expect("a record");
        assert_eq!(r.name, "x/a.md");
        assert_eq!(r.format, Format::Markdown);
        assert_eq!(r.lang.map(|l| l.to_string()).as_deref(), Some("pt-BR"));
        let r = parse_record("<stdin>", 3, br#"{"text": "T"}"#).expect("a record");
        assert_eq!(r.name, "<stdin>:3");
        let e = parse_record("s.jsonl", 7, br#"{"path": "a", "text": 5}"#).unwrap_err();
        assert_eq!(e.path, "s.jsonl");
        assert!(e.message.starts_with("7:"), "{}", e.message);
        assert!(e.message.contains("invalid type"), "{}", e.message);
        let e = parse_record("s", 2, br#"{"text": "T", "format": "docx"}"#).unwrap_err();
        assert!(e.message.contains("\"docx\""), "{}", e.message);
    }
}

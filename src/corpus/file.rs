//! The register as JSON Lines (`concord-register/1`), so that parts of a corpus can be read on
//! different machines and merged: a header line, then one line per spelling.
//!
//! ```text
//! {"format":"concord-register/1","documents":2,"glossaries":["news-names 2026.11.26 (1003 entries)"]}
//! {"lang":"en","key":"wierzbicki","mentions":3,"documents":2,"written":{"Wierzbicki":3},…}
//! ```
//!
//! Lines may come in any order and a stream may hold several parts one after another (as a
//! pipe stage's outputs are concatenated): header counts are added and spellings merged.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::spelling::{Spelling, WORD_SEPARATOR};
use super::strings::{Strings, Sym};
use super::tally::describe;
use super::{Tally, small};
use crate::error::{Error, Position};
use crate::lang::LangTag;

/// The format's name and version, on every header line. A change that an older reader would
/// misread gets a new version.
pub const FORMAT: &str = "concord-register/1";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    format: String,
    documents: usize,
    glossaries: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    lang: String,
    key: String,
    mentions: usize,
    documents: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    glossary: Option<String>,
    /// How the word is written, with counts.
    written: BTreeMap<String, usize>,
    /// The full names it is part of, with counts.
    names: BTreeMap<String, usize>,
    contexts: Vec<ContextLine>,
    first_documents: Vec<String>,
    /// The spellings a document's check reported as the same name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    linked: Vec<String>,
    places: Vec<PlaceLine>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextLine {
    words: Vec<String>,
    pos: usize,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceLine {
    path: String,
    line: u32,
    column: u32,
    text: String,
}

/// Writes a tally: its header, then its spellings by language and key.
pub fn write(w: &mut dyn Write, tally: &Tally) -> std::io::Result<()> {
    let header = Header {
        format: FORMAT.to_string(),
        documents: tally.documents,
        glossaries: tally.glossaries.clone(),
    };
    serde_json::to_writer(&mut *w, &header)?;
    writeln!(w)?;
    let strings = &tally.strings;
    for (lang, spellings) in &tally.langs {
        let mut sorted: Vec<&Spelling> = spellings.values().map(|s| &**s).collect();
        sorted.sort_unstable_by(|a, b| strings.get(a.key).cmp(strings.get(b.key)));
        for s in sorted {
            serde_json::to_writer(&mut *w, &line_of(strings, lang, s))?;
            writeln!(w)?;
        }
    }
    Ok(())
}

fn line_of(strings: &Strings, lang: &str, s: &Spelling) -> Line {
    let text = |k| strings.get(k).to_string();
    let counts = |list: &mut dyn Iterator<Item = (Sym, u32)>| {
        list.map(|(k, n)| (text(k), n as usize)).collect()
    };
    Line {
        lang: lang.to_string(),
        key: text(s.key),
        mentions: s.mentions as usize,
        documents: s.documents as usize,
        glossary: s.known().map(text),
        written: counts(&mut s.display()),
        names: counts(&mut s.full()),
        contexts: s
            .contexts()
            .map(|c| ContextLine {
                words: strings
                    .get(c.words)
                    .split(WORD_SEPARATOR)
                    .map(str::to_string)
                    .collect(),
                pos: c.pos as usize,
            })
            .collect(),
        first_documents: s.first_documents().map(text).collect(),
        linked: s.linked().map(text).collect(),
        places: s
            .places()
            .map(|p| PlaceLine {
                path: text(p.path),
                line: p.line,
                column: p.column,
                text: text(p.text),
            })
            .collect(),
    }
}

/// Reads one or more concatenated registers into one tally; `origin` names the input in
/// errors.
pub fn read(r: impl BufRead, origin: &str) -> Result<Tally, Error> {
    let mut tally = Tally::default();
    let mut headers = 0;
    let mut first_spelling: Option<usize> = None;
    for (n, line) in r.lines().enumerate() {
        let line = line.map_err(|source| Error::Io {
            path: PathBuf::from(origin),
            source,
        })?;
        let number = n + 1;
        let fail = |column: usize, message: String| Error::Register {
            path: PathBuf::from(origin),
            position: Position {
                line: number,
                column,
            },
            message,
        };
        let text = line.trim_end_matches('\r');
        if text.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| fail(e.column().max(1), format!("not JSON: {}", bare(&e))))?;
        if value.get("format").is_some() {
            let header: Header = serde_json::from_value(value)
                .map_err(|e| fail(1, format!("not a register header: {}", bare(&e))))?;
            if header.format != FORMAT {
                return Err(fail(
                    1,
                    format!(
                        "format {:?}: this concord reads {FORMAT:?} (write the register with the same version of concord)",
                        header.format
                    ),
                ));
            }
            let part = Tally::new(header.glossaries);
            if headers == 0 {
                tally.glossaries = part.glossaries;
            } else if part.glossaries != tally.glossaries {
                return Err(fail(
                    1,
                    format!(
                        "this part was made with other glossaries ({}) than the first ({}); read every part with the same glossaries",
                        describe(&part.glossaries),
                        describe(&tally.glossaries)
                    ),
                ));
            }
            tally.documents += header.documents;
            headers += 1;
            continue;
        }
        first_spelling.get_or_insert(number);
        let parsed: Line = serde_json::from_value(value)
            .map_err(|e| fail(1, format!("not a register line: {}", bare(&e))))?;
        add_line(&mut tally, parsed).map_err(|m| fail(1, m))?;
    }
    if headers == 0 {
        let (line, message) = match first_spelling {
            Some(l) => (
                l,
                "no header line: this is not a whole register".to_string(),
            ),
            None => (1, "empty: a register starts with a header line".to_string()),
        };
        return Err(Error::Register {
            path: PathBuf::from(origin),
            position: Position { line, column: 1 },
            message: format!("{message} ({{\"format\":\"{FORMAT}\",…}})"),
        });
    }
    Ok(tally)
}

/// A serde message without its own "at line 1 column N" (the error says where).
fn bare(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    msg.rfind(" at line ")
        .map_or(msg.clone(), |i| msg[..i].to_string())
}

/// Adds a line's spelling, checked: what clustering relies on must hold.
fn add_line(tally: &mut Tally, line: Line) -> Result<(), String> {
    let lang = LangTag::parse(&line.lang)
        .map_err(|e| format!("lang {:?}: {e}", line.lang))?
        .to_string();
    if line.key.is_empty() {
        return Err("key is empty".into());
    }
    if line.documents == 0 || line.mentions < line.documents {
        return Err(format!(
            "{} mentions in {} documents: a spelling is used at least once in each of at least one document",
            line.mentions, line.documents
        ));
    }
    for c in &line.contexts {
        if c.pos >= c.words.len() {
            return Err(format!(
                "a context of {} words cannot have the spelling at position {}",
                c.words.len(),
                c.pos
            ));
        }
        if c.words.iter().any(|w| w.contains(WORD_SEPARATOR)) {
            return Err("a context's words hold no NUL character".into());
        }
    }
    if line.places.iter().any(|p| p.line == 0 || p.column == 0) {
        return Err("places count lines and columns from 1".into());
    }
    let Tally { langs, strings, .. } = tally;
    let key = strings.intern(&line.key);
    let s = langs
        .entry(lang)
        .or_default()
        .entry(key)
        .or_insert_with(|| Box::new(Spelling::new(key)));
    s.count_uses(small(line.documents), small(line.mentions));
    if let Some(id) = &line.glossary {
        s.add_known(strings, id);
    }
    for k in &line.linked {
        s.add_link(strings, k);
    }
    for (k, n) in &line.written {
        s.add_display(strings, k, small(*n));
    }
    for (k, n) in &line.names {
        s.add_full(strings, k, small(*n));
    }
    // A longer list than this concord keeps is cut as it would have cut it.
    let separator = WORD_SEPARATOR.to_string();
    for c in &line.contexts {
        s.add_context(strings, &c.words.join(&separator), small(c.pos));
    }
    for d in &line.first_documents {
        let d = strings.intern(d);
        s.add_first_document(strings, d);
    }
    for p in &line.places {
        let path = strings.intern(&p.path);
        s.add_place(strings, path, p.line, p.column, &p.text);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = r#"{"format":"concord-register/1","documents":1,"glossaries":[]}"#;

    fn line(contexts: &str) -> String {
        format!(
            r#"{{"lang":"en","key":"wierzbicki","mentions":1,"documents":1,"written":{{"Wierzbicki":1}},"names":{{"Tomasz Wierzbicki":1}},"contexts":{contexts},"first_documents":["a.txt"],"places":[{{"path":"a.txt","line":1,"column":7,"text":"Wierzbicki"}}]}}"#
        )
    }

    fn message(text: &str) -> String {
        match read(text.as_bytes(), "part.jsonl") {
            Ok(_) => "read".to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_register_reads_back_as_it_was_written() {
        let text = format!(
            "{HEADER}\n{}\n",
            line(r#"[{"words":["tomasz","wierzbicki"],"pos":1}]"#)
        );
        let tally = read(text.as_bytes(), "part.jsonl").unwrap();
        let mut out = Vec::new();
        write(&mut out, &tally).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), text);
    }

    #[test]
    fn a_context_word_with_a_nul_is_refused_on_its_line() {
        let text = format!(
            "{HEADER}\n{}\n",
            line(r#"[{"words":["tomasz\u0000x","wierzbicki"],"pos":1}]"#)
        );
        let m = message(&text);
        assert!(m.contains("part.jsonl:2:1"), "{m}");
        assert!(m.contains("no NUL character"), "{m}");
    }

    #[test]
    fn a_context_position_past_its_words_is_refused() {
        let text = format!(
            "{HEADER}\n{}\n",
            line(r#"[{"words":["wierzbicki"],"pos":1}]"#)
        );
        let m = message(&text);
        assert!(m.contains("cannot have the spelling at position 1"), "{m}");
    }
}

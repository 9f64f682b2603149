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

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::tally::{bump, describe, offer};
use super::{Context, DocPath, FIRST_DOCS, KEEP, PLACES, Place, Spelling, Tally};
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
    for (lang, spellings) in &tally.langs {
        let mut sorted: Vec<&Spelling> = spellings.values().map(|s| &**s).collect();
        sorted.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        for s in sorted {
            serde_json::to_writer(&mut *w, &line_of(lang, s))?;
            writeln!(w)?;
        }
    }
    Ok(())
}

fn line_of(lang: &str, s: &Spelling) -> Line {
    Line {
        lang: lang.to_string(),
        key: s.key.clone(),
        mentions: s.mentions,
        documents: s.documents,
        glossary: s.known.clone(),
        written: s.display.iter().map(|(k, n)| (k.to_string(), *n)).collect(),
        names: s.full.iter().map(|(k, n)| (k.to_string(), *n)).collect(),
        contexts: s
            .contexts
            .iter()
            .map(|c| ContextLine {
                words: c.words.to_vec(),
                pos: c.pos,
            })
            .collect(),
        first_documents: s.first_documents.iter().map(|d| d.0.to_string()).collect(),
        linked: s.linked.clone(),
        places: s
            .places
            .iter()
            .map(|p| PlaceLine {
                path: p.path.0.to_string(),
                line: p.line,
                column: p.column,
                text: p.text.to_string(),
            })
            .collect(),
    }
}

/// Reads one or more concatenated registers into one tally; `origin` names the input in
/// errors.
pub fn read(r: impl BufRead, origin: &str) -> Result<Tally, Error> {
    let mut tally = Tally::default();
    let mut paths: HashMap<String, Arc<str>> = HashMap::new();
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
        let (lang, spelling) = spelling_of(parsed, &mut paths).map_err(|m| fail(1, m))?;
        let by_key = tally.langs.entry(lang).or_default();
        match by_key.get_mut(&spelling.key) {
            Some(s) => s.absorb(spelling),
            None => {
                by_key.insert(spelling.key.clone(), Box::new(spelling));
            }
        }
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

/// A line's spelling, checked: what clustering relies on must hold. Paths are shared through
/// `paths`.
fn spelling_of(
    line: Line,
    paths: &mut HashMap<String, Arc<str>>,
) -> Result<(String, Spelling), String> {
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
    let mut path = |p: String| {
        DocPath(
            paths
                .entry(p)
                .or_insert_with_key(|p| Arc::from(p.as_str()))
                .clone(),
        )
    };
    let mut s = Spelling::new(line.key);
    s.mentions = line.mentions;
    s.documents = line.documents;
    s.known = line.glossary;
    s.linked = line.linked;
    s.linked.sort();
    s.linked.dedup();
    for (k, n) in line.written {
        bump(&mut s.display, &k, n);
    }
    for (k, n) in line.names {
        bump(&mut s.full, &k, n);
    }
    // A longer list than this concord keeps is cut as it would have cut it.
    for c in line.contexts {
        if c.pos >= c.words.len() {
            return Err(format!(
                "a context of {} words cannot have the spelling at position {}",
                c.words.len(),
                c.pos
            ));
        }
        let context = Context {
            words: Arc::from(c.words),
            pos: c.pos,
        };
        offer(&mut s.contexts, context, KEEP);
    }
    for d in line.first_documents {
        offer(&mut s.first_documents, path(d), FIRST_DOCS);
    }
    for p in line.places {
        if p.line == 0 || p.column == 0 {
            return Err("places count lines and columns from 1".into());
        }
        let place = Place {
            path: path(p.path),
            line: p.line,
            column: p.column,
            text: p.text.into(),
        };
        offer(&mut s.places, place, PLACES);
    }
    Ok((lang, s))
}

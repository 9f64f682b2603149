//! Reading glossary files, with positions in every error.

use std::path::Path;

use crate::error::{Error, Position};
use crate::text::LineIndex;

use super::Glossary;

/// Files from this size on are mapped rather than read.
const MAP_FROM_BYTES: u64 = 1 << 20;

pub fn load_file(path: &Path) -> Result<Glossary, Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len >= MAP_FROM_BYTES {
        // SAFETY: the map is only read, and dropped before this returns. A file truncated by
        // another process while it is parsed would end the process (as it does ripgrep's);
        // files replaced by renaming, as editors and concord itself write them, are not
        // affected.
        if let Ok(map) = unsafe { memmap2::Mmap::map(&file) } {
            return parse_bytes(path, &map);
        }
    }
    let mut bytes = Vec::with_capacity(len as usize);
    std::io::Read::read_to_end(&mut &file, &mut bytes).map_err(io)?;
    parse_bytes(path, &bytes)
}

fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Glossary, Error> {
    // Plain UTF-8 (no byte order mark, no NUL) is parsed as it stands, without a copy: a large
    // termbase is tens of megabytes. Everything else goes through `decode`.
    let plain = !matches!(bytes.first(), Some(0x00 | 0xEF | 0xFE | 0xFF)) && !bytes.contains(&0);
    if plain && let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return parse(path, text);
    }
    parse(path, &decode(path, bytes)?)
}

fn decode(path: &Path, bytes: &[u8]) -> Result<String, Error> {
    let (text, _) = crate::text::decode(bytes).map_err(|e| Error::Glossary {
        path: path.to_path_buf(),
        position: e.position,
        message: e.message,
    })?;
    Ok(text)
}

/// An entry's `terms`, refusing a language given twice ("en" and "en", or "pt-br" and "pt-BR"):
/// a JSON map would otherwise keep the last one and silently drop the other.
pub(super) fn unique_languages<'de, D>(deserializer: D) -> Result<super::Terms, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Languages;
    impl<'de> serde::de::Visitor<'de> for Languages {
        type Value = super::Terms;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of language tags")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = super::Terms::new();
            while let Some(lang) = map.next_key::<super::LangTag>()? {
                if out.contains_key(&lang) {
                    return Err(serde::de::Error::custom(format!(
                        "language {lang} is given twice in this entry; merge its forms into one section"
                    )));
                }
                let section = map.next_value()?;
                out.insert(lang, section);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(Languages)
}

/// Parses glossary JSON; `path` is only used in error messages.
pub fn parse(path: &Path, text: &str) -> Result<Glossary, Error> {
    let glossary = parse_structure(path, text)?;
    // foldhash: a house termbase's ids are hundreds of thousands of short keys.
    let mut seen: foldhash::HashMap<&str, usize> =
        foldhash::HashMap::with_capacity_and_hasher(glossary.entries.len(), Default::default());
    for entry in &glossary.entries {
        let nth = seen.entry(entry.id.as_str()).or_insert(0);
        let problem = if entry.id.is_empty() {
            Some("an entry id must not be empty".to_string())
        } else if *nth > 0 {
            Some(format!("duplicate entry id {:?}", entry.id))
        } else if entry.terms.is_empty() {
            Some(format!("entry {:?} has no language sections", entry.id))
        } else {
            None
        };
        if let Some(message) = problem {
            return Err(Error::Glossary {
                path: path.to_path_buf(),
                position: locate_id(text, &entry.id, *nth),
                message,
            });
        }
        *nth += 1;
    }
    Ok(glossary)
}

/// A glossary file with its entries not yet read: the JSON of each, where the file has it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Shell<'a> {
    format: super::FormatVersion,
    name: String,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(borrow)]
    entries: Vec<&'a serde_json::value::RawValue>,
}

/// Parses the JSON structure only (fields, kinds, tags), without checking ids: what `lint`
/// reads so that it can report every problem, not just the first. The file is read once for
/// its shape, then its entries on every core (a house termbase holds tens of thousands); the
/// first entry in file order that fails is the one reported.
pub fn parse_structure(path: &Path, text: &str) -> Result<Glossary, Error> {
    match parse_split(text) {
        Some(glossary) => Ok(glossary),
        None => parse_whole(path, text),
    }
}

/// [`parse_structure`] reading the file's shape in one pass, then its entries on every core.
fn parse_whole(path: &Path, text: &str) -> Result<Glossary, Error> {
    use rayon::prelude::*;
    let shell: Shell = serde_json::from_str(text).map_err(|e| json_error(path, text, &e, 0))?;
    let entry = |raw: &&serde_json::value::RawValue| parse_entry(raw.get());
    // Straight into one vector; when some entry fails (rayon names any one), the first in
    // file order is found again on one thread.
    let entries = match shell.entries.par_iter().map(entry).collect() {
        Ok(entries) => entries,
        Err(any) => {
            let first = shell
                .entries
                .iter()
                .find_map(|raw| entry(raw).err().map(|e| (raw, e)));
            return Err(match first {
                // Where the entry starts in the file: its errors count from there.
                Some((raw, e)) => {
                    let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                    json_error(path, text, &e, offset)
                }
                None => json_error(path, text, &any, 0),
            });
        }
    };
    Ok(Glossary {
        format: shell.format,
        name: shell.name,
        version: shell.version,
        description: shell.description,
        entries,
    })
}

fn parse_entry(json: &str) -> Result<super::Entry, serde_json::Error> {
    serde_json::from_str(json).map(|mut entry: super::Entry| {
        entry.terms.shrink_to_fit();
        entry
    })
}

/// [`parse_structure`] without reading the whole file on one thread first: the entries are
/// found by a scan (`split`), the rest of the file is parsed with an empty array in their
/// place, and the entries are parsed on every core. `None` when anything fails: the file is
/// then parsed as one, and its first error reported where it is.
fn parse_split(text: &str) -> Option<Glossary> {
    use rayon::prelude::*;
    let split = super::split::split_entries(text)?;
    let rest = [&text[..split.array.start], "[]", &text[split.array.end..]].concat();
    let shell: Shell = serde_json::from_str(&rest).ok()?;
    let entries = split
        .entries
        .par_iter()
        .map(|range| parse_entry(&text[range.clone()]))
        .collect::<Result<Vec<_>, _>>()
        .ok()?;
    Some(Glossary {
        format: shell.format,
        name: shell.name,
        version: shell.version,
        description: shell.description,
        entries,
    })
}

/// Where the `nth` (0-based) `"id": "<id>"` of the file is written.
fn locate_id(text: &str, id: &str, nth: usize) -> Position {
    LineIndex::new(text).position(text, id_offset(text, id, nth))
}

/// The byte offset of the `nth` (0-based) `"id": "<id>"` of the file.
pub fn id_offset(text: &str, id: &str, nth: usize) -> usize {
    let quoted = serde_json::to_string(id).unwrap_or_default();
    text.match_indices(&quoted)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = text[..i].trim_end();
            before.ends_with(':') && before[..before.len() - 1].trim_end().ends_with("\"id\"")
        })
        .nth(nth)
        .unwrap_or(0)
}

/// An error of serde_json reading the part of `text` that starts at byte `offset`.
fn json_error(path: &Path, text: &str, e: &serde_json::Error, offset: usize) -> Error {
    // serde_json counts lines and columns in the part it read, columns in bytes; report them
    // in the file, columns in characters like everything else.
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = e.line().max(1) + before.matches('\n').count();
    let column = if e.line() <= 1 {
        e.column() + (offset - line_start)
    } else {
        e.column()
    };
    let line_text = text.lines().nth(line - 1).unwrap_or("");
    let mut byte_col = column.min(line_text.len());
    while !line_text.is_char_boundary(byte_col) {
        byte_col -= 1;
    }
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    // serde_json stops after an unknown key: point at the key itself.
    if let Some(key) = message
        .strip_prefix("unknown field `")
        .and_then(|m| m.split('`').next())
        && let Some(at) = line_text[..byte_col].rfind(&format!("\"{key}\""))
    {
        byte_col = at;
    }
    let column = line_text[..byte_col].chars().count() + 1;
    let message = message.replace("unknown variant `concord", "unsupported format `concord");
    Error::Glossary {
        path: path.to_path_buf(),
        position: Position { line, column },
        message: if e.is_eof() {
            format!("unexpected end of file: {message}")
        } else {
            message
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(Path::new("g.json"), text).unwrap_err().to_string()
    }

    const OK: &str = r#"{"format": "concord-glossary/1", "name": "t", "entries": [
  {"id": "kyiv", "kind": "place", "terms": {"en": {"preferred": "Kyiv", "deprecated": ["Kiev"]}}}
]}"#;

    proptest::proptest! {
        /// Found by a scan or parsed as a whole, a file reads the same; what the scan cannot
        /// read, the whole parse reports.
        #[test]
        fn the_split_reads_as_the_whole(
            cuts in proptest::collection::vec((0usize..400, proptest::sample::select(
                vec!["", "\"", "\\", "{", "}", "[", "]", ",", ":", " ", "\"entries\": []"])), 0..3),
        ) {
            let mut text = r#"{"format": "concord-glossary/1", "name": "t \"{[", "entries": [
  {"id": "kyiv", "kind": "place", "terms": {"en": {"preferred": "Kyiv", "deprecated": ["Kiev"]}}},
  {"id": "b", "kind": "term", "note": "]}\\", "terms": {"en": {"preferred": "x"}}}
], "version": "1"}"#.to_string();
            for (at, what) in cuts {
                let mut at = at.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                if what.is_empty() {
                    let end = (at + 1).min(text.len());
                    text.replace_range(at..end, "");
                } else {
                    text.insert_str(at, what);
                }
            }
            let whole = parse_whole(Path::new("g.json"), &text);
            if let Some(g) = parse_split(&text) {
                proptest::prop_assert_eq!(Ok(g), whole.map_err(|e| e.to_string()));
            }
        }
    }

    #[test]
    fn a_well_formed_file_takes_the_split() {
        let g = parse_split(OK).expect("the documented format splits");
        assert_eq!(
            Ok(g),
            parse_whole(Path::new("g.json"), OK).map_err(|e| e.to_string())
        );
    }

    #[test]
    fn a_mapped_file_reads_as_a_parsed_one() {
        let entries: Vec<String> = (0..12_000)
            .map(|i| {
                format!(
                    r#"{{"id": "e{i}", "kind": "place", "terms": {{"en": {{"preferred": "Place {i}", "deprecated": ["Plaice {i}"]}}}}}}"#
                )
            })
            .collect();
        let text = format!(
            r#"{{"format": "concord-glossary/1", "name": "big", "entries": [{}]}}"#,
            entries.join(",\n")
        );
        assert!(text.len() as u64 >= MAP_FROM_BYTES);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        std::fs::write(&path, &text).unwrap();
        assert_eq!(load_file(&path).unwrap(), parse(&path, &text).unwrap());
        // A broken entry deep in a mapped file is placed as in a read one.
        let broken = text.replacen(
            r#""id": "e11000", "kind": "place""#,
            r#""id": "e11000", "kind": "planet""#,
            1,
        );
        std::fs::write(&path, &broken).unwrap();
        let e = load_file(&path).unwrap_err().to_string();
        assert!(e.contains(":11001:"), "{e}");
        assert!(e.contains("unknown variant `planet`"), "{e}");
    }

    #[test]
    fn parses_the_documented_format() {
        let g = parse(Path::new("g.json"), OK).unwrap();
        assert_eq!(g.entries[0].terms.len(), 1);
    }

    /// Entries read apart report their errors where reading the whole file at once would.
    #[test]
    fn entry_errors_are_placed_as_in_one_pass() {
        let two = OK.replace(
            "\n]}",
            ",\n  {\"id\": \"b\", \"kind\": \"term\", \"terms\": {\"fr\": {\"preferred\": \"B\"}}}\n]}",
        );
        let broken = [
            two.replace(r#""kind": "term""#, r#""kind": "term", "x": 1"#),
            two.replace(r#""fr":"#, r#""french":"#),
            two.replace(r#""term""#, r#""word""#),
            two.replace(r#""B""#, "7"),
            two.replace(
                r#"{"preferred": "B"}"#,
                r#"{"preferred": "B", "preferred": "C"}"#,
            ),
            OK.replace(r#""kind": "place","#, r#""kind": "place", "colour": 1,"#),
        ];
        for text in broken {
            let path = Path::new("g.json");
            let whole = serde_json::from_str::<Glossary>(&text).unwrap_err();
            let expected = json_error(path, &text, &whole, 0).to_string();
            assert_eq!(
                parse(path, &text).unwrap_err().to_string(),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn unknown_fields_have_positions() {
        let text = OK.replace(r#""kind": "place","#, r#""kind": "place", "colour": 1,"#);
        let e = err(&text);
        assert!(e.starts_with("g.json:2:"), "{e}");
        assert!(e.contains("unknown field `colour`"), "{e}");
    }

    #[test]
    fn bad_language_tags_and_kinds_have_positions() {
        let e = err(&OK.replace(r#""en":"#, r#""english":"#));
        assert!(e.starts_with("g.json:2:"), "{e}");
        assert!(e.contains("invalid language tag"), "{e}");
        let e = err(&OK.replace(r#""place""#, r#""city""#));
        assert!(e.contains("unknown variant `city`"), "{e}");
    }

    #[test]
    fn wrong_format_empty_forms_and_duplicates() {
        assert!(err(&OK.replace("glossary/1", "glossary/9")).contains("unsupported format"));
        assert!(err(&OK.replace(r#""Kiev""#, r#""  ""#)).contains("must not be empty"));
        let dup = OK.replace(
            "\n]}",
            r#", {"id": "kyiv", "kind": "place", "terms": {"en": {"preferred": "K"}}}]}"#,
        );
        let e = err(&dup);
        assert!(e.starts_with("g.json:2:"), "{e}");
        assert!(e.contains("duplicate entry id"), "{e}");
        assert!(err("{\"format\": ").contains("unexpected end of file"));
    }

    /// The packed form `build.rs` writes reads back as the JSON files do, field for field.
    #[test]
    fn shipped_glossaries_read_as_their_json() {
        let packed = crate::glossary::builtin().unwrap();
        let names: Vec<&str> = packed.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(
            names,
            [
                "builtin:news-names.json",
                "builtin:countries.json",
                "builtin:news-terms.json"
            ]
        );
        for (origin, g) in &packed {
            let file = origin.trim_start_matches("builtin:");
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("glossaries")
                .join(file);
            assert_eq!(&load_file(&path).unwrap(), g, "{file}");
        }
    }
}

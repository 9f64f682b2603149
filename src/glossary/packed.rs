//! The shipped glossaries as `build.rs` packs them: length-prefixed strings in the order of
//! the JSON format's fields, read at start-up without a JSON parser. Every language tag is
//! parsed once however many entries use it.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Deserialize;
use serde::de::value::{Error as ValueError, StrDeserializer};

use crate::error::{Error, Position};
use crate::lang::LangTag;

use super::{Entry, Form, Glossary, LangSection};

static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/glossaries.bin"));

/// The shipped glossaries, each with its origin ("builtin:news-names.json").
pub fn builtin() -> Result<Vec<(String, Glossary)>, Error> {
    let mut r = Reader {
        bytes: PACKED,
        tags: HashMap::new(),
        origin: String::from("builtin:"),
    };
    let n = r.u32()?;
    (0..n)
        .map(|_| {
            r.origin = format!("builtin:{}", r.str()?);
            let g = r.glossary()?;
            Ok((r.origin.clone(), g))
        })
        .collect()
}

struct Reader<'a> {
    bytes: &'a [u8],
    tags: HashMap<&'a str, LangTag>,
    origin: String,
}

impl<'a> Reader<'a> {
    fn error(&self, message: String) -> Error {
        Error::Glossary {
            path: PathBuf::from(&self.origin),
            position: Position { line: 1, column: 1 },
            message,
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if self.bytes.len() < n {
            return Err(self.error("the packed glossary ends early".into()));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn u32(&mut self) -> Result<usize, Error> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    fn str(&mut self) -> Result<&'a str, Error> {
        let n = self.u32()?;
        let b = self.take(n)?;
        std::str::from_utf8(b).map_err(|e| self.error(format!("packed glossary: {e}")))
    }

    fn opt_str(&mut self) -> Result<Option<&'a str>, Error> {
        Ok(match self.take(1)?[0] {
            0 => None,
            _ => Some(self.str()?),
        })
    }

    fn opt(&mut self) -> Result<Option<String>, Error> {
        Ok(self.opt_str()?.map(str::to_string))
    }

    /// A value of one of the format's enums, named as the JSON format names it.
    fn named<T: Deserialize<'a>>(&self, s: &'a str) -> Result<T, Error> {
        T::deserialize(StrDeserializer::<ValueError>::new(s))
            .map_err(|e| self.error(format!("packed glossary: {e}")))
    }

    fn tag(&mut self) -> Result<LangTag, Error> {
        let s = self.str()?;
        if let Some(t) = self.tags.get(s) {
            return Ok(t.clone());
        }
        let tag = LangTag::parse(s)?;
        self.tags.insert(s, tag.clone());
        Ok(tag)
    }

    fn forms(&mut self) -> Result<Vec<Form>, Error> {
        let n = self.u32()?;
        (0..n).map(|_| Ok(Form(self.str()?.into()))).collect()
    }

    fn glossary(&mut self) -> Result<Glossary, Error> {
        let format = self.str()?;
        let format = self.named(format)?;
        let name = self.str()?.to_string();
        let version = self.opt()?;
        let description = self.opt()?;
        let n = self.u32()?;
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            entries.push(self.entry()?);
        }
        Ok(Glossary {
            format,
            name,
            version,
            description,
            entries,
        })
    }

    fn entry(&mut self) -> Result<Entry, Error> {
        let id = self.str()?.to_string();
        let kind = self.str()?;
        let kind = self.named(kind)?;
        let note = self.opt()?;
        let case = match self.opt_str()? {
            Some(c) => self.named(c)?,
            None => Default::default(),
        };
        let match_mode = match self.opt_str()? {
            Some(m) => Some(self.named(m)?),
            None => None,
        };
        let mut terms = super::Terms::new();
        for _ in 0..self.u32()? {
            let lang = self.tag()?;
            let preferred = Form(self.str()?.into());
            let admitted = self.forms()?;
            let deprecated = self.forms()?;
            let note = self.opt()?;
            terms.insert(
                lang,
                LangSection {
                    preferred,
                    admitted: admitted.into(),
                    deprecated: deprecated.into(),
                    note: note.map(String::into_boxed_str),
                },
            );
        }
        Ok(Entry {
            id,
            kind,
            note,
            case,
            match_mode,
            terms,
        })
    }
}

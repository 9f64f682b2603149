//! XLIFF 1.2 (`<file>` / `<trans-unit>`) and 2.0 (`<file>` / `<unit>` / `<segment>`), read
//! with quick-xml. Alternative translations, notes and original data are not checked.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::xml::{attr, local_name, next_event, read_inline};
use super::{FormatError, Unit, lang_attr};
use crate::lang::LangTag;

/// Subtrees that hold no translation to check.
const SKIPPED: &[&str] = &[
    "alt-trans",
    "note",
    "notes",
    "originalData",
    "seg-source",
    "header",
    "skeleton",
    "metadata",
];

pub fn parse(text: &str) -> Result<Vec<Unit>, FormatError> {
    let mut reader = Reader::from_str(text);
    let mut units = Vec::new();
    let mut version: Option<String> = None;
    // Languages and document name in force: from <xliff> (2.0) or <file> (1.2).
    let mut root_langs: (Option<LangTag>, Option<LangTag>) = (None, None);
    let mut file_langs = root_langs.clone();
    let mut file_name = String::new();
    let mut unit_id: Option<String> = None;
    let mut source: Option<crate::origin::Piece> = None;
    let mut target: Option<crate::origin::Piece> = None;
    let mut unit_kind = "";
    let mut segment_no = 0usize;
    let mut notes: Vec<String> = Vec::new();
    loop {
        let (pos, event) = next_event(&mut reader)?;
        match event {
            Event::Start(e) | Event::Empty(e) if version.is_none() => {
                if local_name(&e) != "xliff" {
                    return Err(FormatError::at(
                        pos,
                        "not an XLIFF file: the root element is not <xliff>",
                    ));
                }
                let v = attr(&e, "version").unwrap_or_default();
                if !matches!(v.as_str(), "1.2" | "2.0" | "2.1" | "2.2") {
                    return Err(FormatError::at(
                        pos,
                        format!("unsupported XLIFF version {v:?} (1.2 and 2.x are read)"),
                    ));
                }
                root_langs = (
                    lang_attr(&attr(&e, "srcLang").unwrap_or_default(), pos)?,
                    lang_attr(&attr(&e, "trgLang").unwrap_or_default(), pos)?,
                );
                version = Some(v);
            }
            Event::Start(e) => {
                let name = local_name(&e);
                match name.as_str() {
                    // A unit's notes may carry a suppression directive.
                    "notes" if unit_id.is_some() => {}
                    "note" if unit_id.is_some() => {
                        let note = reader
                            .read_text(e.name())
                            .map_err(|err| FormatError::at(pos, err.to_string()))?;
                        notes.push(note.to_string());
                    }
                    n if SKIPPED.contains(&n) => {
                        reader
                            .read_to_end(e.name())
                            .map_err(|err| FormatError::at(pos, err.to_string()))?;
                    }
                    "file" => {
                        file_name = attr(&e, "original")
                            .or_else(|| attr(&e, "id"))
                            .unwrap_or_default();
                        file_langs = (
                            lang_attr(&attr(&e, "source-language").unwrap_or_default(), pos)?
                                .or(root_langs.0.clone()),
                            lang_attr(&attr(&e, "target-language").unwrap_or_default(), pos)?
                                .or(root_langs.1.clone()),
                        );
                    }
                    "trans-unit" | "unit" => {
                        unit_id =
                            Some(attr(&e, "id").unwrap_or_else(|| format!("{}", units.len() + 1)));
                        unit_kind = if name == "unit" { "unit" } else { "trans-unit" };
                        segment_no = 0;
                        notes.clear();
                    }
                    "segment" | "ignorable" => {
                        source = None;
                        target = None;
                        segment_no += usize::from(name == "segment");
                    }
                    "source" if unit_id.is_some() => {
                        source = Some(read_inline(&mut reader, text, "source")?)
                    }
                    "target" if unit_id.is_some() => {
                        target = Some(read_inline(&mut reader, text, "target")?)
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_string();
                // Ignorable parts of a 2.0 unit (whitespace between segments) are not checked.
                if name == "ignorable" {
                    source = None;
                    target = None;
                }
                let closes_segment = match name.as_str() {
                    "segment" => unit_kind == "unit",
                    "trans-unit" => unit_kind == "trans-unit",
                    _ => false,
                };
                if closes_segment && let Some(src) = source.take() {
                    let id = unit_id.clone().unwrap_or_default();
                    units.push(Unit {
                        id: if segment_no > 1 {
                            format!("{id}#{segment_no}")
                        } else {
                            id
                        },
                        doc: file_name.clone(),
                        source_lang: file_langs.0.clone(),
                        target_lang: file_langs.1.clone(),
                        source: src,
                        target: target.take(),
                        notes: notes.clone(),
                    });
                }
                if matches!(name.as_str(), "trans-unit" | "unit") {
                    unit_id = None;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if version.is_none() {
        return Err(FormatError::at(0, "not an XLIFF file: no <xliff> element"));
    }
    super::xml::unclosed(text)?;
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xliff_12_units_with_inline_tags() {
        let xml = r#"<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="story.html" source-language="en" target-language="fr" datatype="html">
  <body>
   <trans-unit id="1"><source>Talks in <g id="1">Kyiv</g></source><target>Pourparlers à <g id="1">Kyiv</g></target>
    <alt-trans><target>Ignore me</target></alt-trans></trans-unit>
   <trans-unit id="2"><source>Untranslated</source></trans-unit>
  </body>
 </file>
</xliff>"#;
        let units = parse(xml).unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].source.text, "Talks in Kyiv");
        assert_eq!(units[0].target.as_ref().unwrap().text, "Pourparlers à Kyiv");
        assert_eq!(units[0].doc, "story.html");
        assert_eq!(units[0].target_lang.as_ref().unwrap().as_str(), "fr");
        assert!(units[1].target.is_none());
    }

    #[test]
    fn xliff_20_segments() {
        let xml = r#"<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="de">
 <file id="f1"><group id="g"><unit id="u1"><notes><note>n</note></notes>
  <segment><source>Hello <pc id="1">world</pc><ph id="2"/>.</source><target>Hallo <pc id="1">Welt</pc><ph id="2"/>.</target></segment>
  <segment><source>Second</source><target>Zweite</target></segment>
 </unit></group></file></xliff>"#;
        let units = parse(xml).unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].id, "u1");
        assert_eq!(units[1].id, "u1#2");
        assert_eq!(units[0].target.as_ref().unwrap().text, "Hallo Welt.");
        assert_eq!(units[1].source_lang.as_ref().unwrap().as_str(), "en");
    }

    #[test]
    fn malformed_xliff_is_an_error_with_a_place() {
        let err =
            parse("<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>a</target>")
                .unwrap_err();
        assert!(
            err.message.contains("</target>") || err.message.contains("expected"),
            "{}",
            err.message
        );
        assert!(
            parse("<html/>")
                .unwrap_err()
                .message
                .contains("not an XLIFF file")
        );
        assert!(
            parse("<xliff version=\"3.0\"/>")
                .unwrap_err()
                .message
                .contains("unsupported XLIFF version")
        );
    }
}

//! TMX 1.4: `<tu>` translation units with one `<tuv xml:lang>` per language. The source
//! language is the header's `srclang`; every other language of a unit is a target, and each
//! target language forms its own document.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::xml::{attr, local_name, next_event, read_inline};
use super::{FormatError, Unit, lang_attr};
use crate::lang::LangTag;
use crate::origin::Piece;

pub fn parse(text: &str) -> Result<Vec<Unit>, FormatError> {
    let mut reader = Reader::from_str(text);
    let mut units = Vec::new();
    let mut seen_root = false;
    let mut srclang: Option<LangTag> = None;
    let mut tu: Option<(String, Vec<(LangTag, Piece)>)> = None;
    let mut notes: Vec<String> = Vec::new();
    let mut tuv_lang: Option<LangTag> = None;
    loop {
        let (pos, event) = next_event(&mut reader)?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = local_name(&e);
                if !seen_root {
                    if name != "tmx" {
                        return Err(FormatError::at(
                            pos,
                            "not a TMX file: the root element is not <tmx>",
                        ));
                    }
                    seen_root = true;
                    continue;
                }
                match name.as_str() {
                    "header" => srclang = lang_attr(&attr(&e, "srclang").unwrap_or_default(), pos)?,
                    "tu" => {
                        notes.clear();
                        tu = Some((
                            attr(&e, "tuid").unwrap_or_else(|| format!("{}", units.len() + 1)),
                            Vec::new(),
                        ))
                    }
                    "tuv" => {
                        let lang = attr(&e, "xml:lang")
                            .or_else(|| attr(&e, "lang"))
                            .unwrap_or_default();
                        tuv_lang = lang_attr(&lang, pos)?;
                        if tuv_lang.is_none() {
                            return Err(FormatError::at(pos, "<tuv> without xml:lang"));
                        }
                    }
                    "seg" => {
                        let piece = read_inline(&mut reader, text, "seg")?;
                        if let (Some((_, variants)), Some(lang)) = (tu.as_mut(), tuv_lang.clone()) {
                            variants.push((lang, piece));
                        }
                    }
                    // A unit's notes may carry a suppression directive.
                    "note" if tu.is_some() => {
                        let note = reader
                            .read_text(e.name())
                            .map_err(|err| FormatError::at(pos, err.to_string()))?;
                        notes.push(note.to_string());
                    }
                    "note" | "prop" => {
                        reader
                            .read_to_end(e.name())
                            .map_err(|err| FormatError::at(pos, err.to_string()))?;
                    }
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().as_ref() == "tu" => {
                if let Some((id, variants)) = tu.take() {
                    push_unit(&mut units, &srclang, (id, variants, &notes), pos)?;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(FormatError::at(0, "not a TMX file: no <tmx> element"));
    }
    super::xml::unclosed(text)?;
    Ok(units)
}

fn push_unit(
    units: &mut Vec<Unit>,
    srclang: &Option<LangTag>,
    (id, variants, notes): (String, Vec<(LangTag, Piece)>, &[String]),
    pos: usize,
) -> Result<(), FormatError> {
    // With srclang="*all*" the first variant is the source.
    let src_index = match srclang {
        Some(s) => variants
            .iter()
            .position(|(l, _)| l == s || l.primary() == s.primary() && s.as_str() == s.primary()),
        None => (!variants.is_empty()).then_some(0),
    };
    let Some(si) = src_index else {
        return Err(FormatError::at(
            pos,
            format!("translation unit {id} has no variant in the source language"),
        ));
    };
    let (source_lang, source) = variants[si].clone();
    for (i, (lang, piece)) in variants.into_iter().enumerate() {
        if i == si {
            continue;
        }
        units.push(Unit {
            id: id.clone(),
            doc: lang.to_string(),
            source_lang: Some(source_lang.clone()),
            target_lang: Some(lang),
            source: source.clone(),
            target: Some(piece),
            notes: notes.to_vec(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_per_target_language() {
        let xml = r#"<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>
<body><tu tuid="7"><tuv xml:lang="en"><seg>Kyiv <ph>{1}</ph>talks</seg></tuv><tuv xml:lang="es"><seg>Conversaciones en Kiev</seg></tuv><tuv xml:lang="fr-FR"><seg>Pourparlers</seg></tuv></tu></body></tmx>"#;
        let units = parse(xml).unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].source.text, "Kyiv talks");
        assert_eq!(units[0].doc, "es");
        assert_eq!(units[1].target_lang.as_ref().unwrap().as_str(), "fr-FR");
        assert_eq!(units[1].id, "7");
    }
}

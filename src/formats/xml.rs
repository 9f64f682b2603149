//! What XLIFF and TMX share: reading inline content (text, escapes, formatting tags, native
//! codes) into a [`Piece`] that keeps every character's place in the file.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::FormatError;
use crate::origin::Piece;

/// Elements whose content is translatable text inside a segment (formatting and markers);
/// the content of any other inline element is native code ("<br/>" inside a `<ph>`).
const TEXT_ELEMENTS: &[&str] = &["g", "mrk", "pc", "hi"];

/// The local name of an element, as text.
pub fn local_name(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

/// An attribute's value (by qualified name, e.g. "xml:lang", or local name), unescaped.
pub fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.as_ref().to_string();
        let local = key.rsplit(':').next().unwrap_or(&key).to_string();
        (key == name || (!name.contains(':') && local == name)).then(|| unescape_attr(&a.value))
    })
}

fn unescape_attr(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The character an entity reference names: the five XML ones or a character reference.
/// Anything else would need a DTD, which is never read.
fn entity(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// The next event and the file offset where it starts.
pub fn next_event<'a>(reader: &mut Reader<&'a [u8]>) -> Result<(usize, Event<'a>), FormatError> {
    let pos = reader.buffer_position() as usize;
    let event = reader
        .read_event()
        .map_err(|e| FormatError::at(reader.error_position() as usize, e.to_string()))?;
    Ok((pos, event))
}

/// Reads the content of the element just opened (named `end`) up to its end tag.
pub fn read_inline(
    reader: &mut Reader<&[u8]>,
    text: &str,
    end: &str,
) -> Result<Piece, FormatError> {
    let mut piece = Piece::default();
    let mut depth = 0usize;
    let mut skip: Option<(String, usize)> = None; // inside native code: (element, depth)
    loop {
        let (pos, event) = next_event(reader)?;
        match event {
            Event::Start(e) => {
                let name = local_name(&e);
                depth += 1;
                if skip.is_none() && !TEXT_ELEMENTS.contains(&name.as_str()) {
                    skip = Some((name, depth));
                }
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_string();
                if depth == 0 {
                    if name == end {
                        return Ok(piece);
                    }
                    return Err(FormatError::at(
                        pos,
                        format!("expected </{end}>, found </{name}>"),
                    ));
                }
                if skip.as_ref().is_some_and(|(_, d)| *d == depth) {
                    skip = None;
                }
                depth -= 1;
            }
            // <cp hex="..."/> (XLIFF 2.0) stands for a character XML cannot carry.
            Event::Empty(e) if skip.is_none() && local_name(&e) == "cp" => {
                let c = attr(&e, "hex")
                    .and_then(|h| u32::from_str_radix(&h, 16).ok())
                    .and_then(char::from_u32);
                if let Some(c) = c {
                    let len = reader.buffer_position() as usize - pos;
                    piece.push_escaped(c.encode_utf8(&mut [0; 4]), pos, len);
                }
            }
            Event::Text(t) if skip.is_none() => {
                piece.push_literal(&t, pos);
            }
            Event::CData(c) if skip.is_none() => {
                piece.push_literal(&c, pos + "<![CDATA[".len());
            }
            Event::GeneralRef(r) if skip.is_none() => {
                let c = entity(&r)
                    .ok_or_else(|| FormatError::at(pos, format!("unknown entity &{};", &*r)))?;
                let len = reader.buffer_position() as usize - pos;
                piece.push_escaped(c.encode_utf8(&mut [0; 4]), pos, len);
            }
            Event::Eof => {
                return Err(FormatError::at(
                    text.len(),
                    format!("the file ends inside <{end}>"),
                ));
            }
            _ => {}
        }
    }
}

/// An element left open when the file ends (a truncated file): an error at its start tag.
/// Other syntax errors are left to the format's own reader, which says more.
pub(crate) fn unclosed(text: &str) -> Result<(), FormatError> {
    let mut reader = Reader::from_str(text);
    let mut open: Vec<(String, usize)> = Vec::new();
    loop {
        let pos = reader.buffer_position() as usize;
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                open.push((e.name().as_ref().to_string(), pos));
            }
            Ok(Event::End(_)) => {
                open.pop();
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(_) => return Ok(()),
        }
    }
    match open.last() {
        Some((name, at)) => Err(FormatError::at(
            *at,
            format!("<{name}> is never closed: the file ends inside it (truncated?)"),
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(xml: &str) -> Piece {
        let mut r = Reader::from_str(xml);
        loop {
            if let Event::Start(e) = r.read_event().unwrap() {
                let name = local_name(&e);
                return read_inline(&mut r, xml, &name).unwrap();
            }
        }
    }

    #[test]
    fn text_tags_kept_code_skipped_entities_decoded() {
        let xml = "<seg>Antony <g id=\"1\">Blinken</g><ph>&lt;br/&gt;</ph> &amp; <x id=\"2\"/>Kyiv&#233;</seg>";
        let p = inline(xml);
        assert_eq!(p.text, "Antony Blinken & Kyivé");
        let o = crate::origin::Origin::new(
            xml.into(),
            std::sync::Arc::new(crate::text::LineIndex::new(xml)),
            p.runs,
        );
        let at = p.text.find("Blinken").unwrap();
        assert_eq!(&xml[o.span(at..at + 7)], "Blinken");
        let amp = p.text.find('&').unwrap();
        assert_eq!(&xml[o.span(amp..amp + 1)], "&amp;");
    }

    #[test]
    fn unknown_entities_are_errors() {
        let xml = "<seg>A &nbsp; B</seg>";
        let mut r = Reader::from_str(xml);
        r.read_event().unwrap();
        let err = read_inline(&mut r, xml, "seg").unwrap_err();
        assert_eq!(err.offset, 7);
        assert!(err.message.contains("unknown entity &nbsp;"));
    }
}

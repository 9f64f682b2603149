//! TBX (ISO 30042:2019), TBX-Basic dialect: concept entries, language sections and terms with
//! administrative status (preferred, admitted, deprecated), plus notes. Export writes the 2019
//! "DCA" style; import also reads the older `<martif>` style that CAT tools export, ignoring the
//! fields concord has no use for (and saying which).

use std::collections::BTreeMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::exchange::Loss;
use super::{CaseMode, Entry, Form, FormatVersion, Glossary, Kind, LangSection};
use crate::formats::xml::{attr, local_name, next_event};
use crate::lang::LangTag;

/// Where concord keeps an entry's kind in TBX-Basic: the subject field is the one free-text
/// descriptor at concept level.
const KIND_FIELD: &str = "subjectField";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes a glossary as TBX-Basic, with what TBX-Basic cannot hold.
pub fn export(g: &Glossary) -> (String, Vec<Loss>) {
    let mut losses = Vec::new();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<tbx style=\"dca\" type=\"TBX-Basic\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n");
    out.push_str("  <tbxHeader>\n    <fileDesc>\n");
    out.push_str(&format!(
        "      <titleStmt><title>{}</title></titleStmt>\n",
        esc(&g.name)
    ));
    if let Some(version) = &g.version {
        out.push_str(&format!(
            "      <publicationStmt><p>{}</p></publicationStmt>\n",
            esc(version)
        ));
    }
    let desc = g.description.as_deref().unwrap_or("");
    out.push_str(&format!(
        "      <sourceDesc><p>{}</p></sourceDesc>\n",
        esc(desc)
    ));
    out.push_str("    </fileDesc>\n    <encodingDesc><p type=\"XCSURI\">TBXBasicXCSV02.xcs</p></encodingDesc>\n  </tbxHeader>\n");
    out.push_str("  <text>\n    <body>\n");
    for e in &g.entries {
        out.push_str(&format!("      <conceptEntry id=\"{}\">\n", esc(&e.id)));
        out.push_str(&format!(
            "        <descrip type=\"{KIND_FIELD}\">{}</descrip>\n",
            e.kind.as_str()
        ));
        if let Some(n) = &e.note {
            out.push_str(&format!("        <note>{}</note>\n", esc(n)));
        }
        if e.case != CaseMode::default() {
            losses.push(Loss::new(
                Some(&e.id),
                "TBX-Basic has no field for case-sensitive matching (\"case\": \"sensitive\")",
            ));
        }
        if e.match_mode.is_some() {
            losses.push(Loss::new(
                Some(&e.id),
                "TBX-Basic has no field for the match mode (\"match\")",
            ));
        }
        for (lang, s) in &e.terms {
            out.push_str(&format!(
                "        <langSec xml:lang=\"{}\">\n",
                esc(lang.as_str())
            ));
            if let Some(n) = &s.note {
                out.push_str(&format!("          <note>{}</note>\n", esc(n)));
            }
            let forms = std::iter::once((&s.preferred, "preferredTerm-admn-sts"))
                .chain(s.admitted.iter().map(|f| (f, "admittedTerm-admn-sts")))
                .chain(s.deprecated.iter().map(|f| (f, "deprecatedTerm-admn-sts")));
            for (form, status) in forms {
                out.push_str("          <termSec>\n");
                out.push_str(&format!(
                    "            <term>{}</term>\n",
                    esc(form.as_str())
                ));
                out.push_str(&format!(
                    "            <termNote type=\"administrativeStatus\">{status}</termNote>\n"
                ));
                if e.kind.is_name() {
                    out.push_str(
                        "            <termNote type=\"partOfSpeech\">properNoun</termNote>\n",
                    );
                }
                out.push_str("          </termSec>\n");
            }
            out.push_str("        </langSec>\n");
        }
        out.push_str("      </conceptEntry>\n");
    }
    out.push_str("    </body>\n  </text>\n</tbx>\n");
    (out, losses)
}

#[derive(Default)]
struct Concept {
    id: Option<String>,
    kind: Option<Kind>,
    /// Some term is marked as a proper noun: a name, matched exactly.
    proper: bool,
    note: Option<String>,
    langs: BTreeMap<String, LangData>,
    /// Byte offset of the entry's start tag, for messages.
    at: usize,
}

#[derive(Default)]
struct LangData {
    note: Option<String>,
    terms: Vec<(String, Option<String>)>, // form, administrative status
}

/// Reads TBX (2019 `<tbx>` or older `<martif>`), with what was ignored or could not be used.
pub fn import(text: &str, name: &str) -> Result<(Glossary, Vec<Loss>), String> {
    let mut reader = Reader::from_str(text);
    let mut losses = Vec::new();
    let mut ignored: BTreeMap<String, usize> = BTreeMap::new();
    let mut concepts: Vec<Concept> = Vec::new();
    let mut title: Option<String> = None;
    let mut description: Option<String> = None;
    let mut version: Option<String> = None;
    let mut stack: Vec<String> = Vec::new();
    let mut concept: Option<Concept> = None;
    let mut lang: Option<String> = None;
    let mut term: Option<(String, Option<String>)> = None;
    let mut field: Option<(String, String)> = None; // (element/type, text so far)
    let mut root_seen = false;
    loop {
        let (pos, event) =
            next_event(&mut reader).map_err(|e| describe(text, e.offset, &e.message))?;
        match event {
            Event::Start(e) => {
                let n = local_name(&e);
                if !root_seen {
                    if n != "tbx" && n != "martif" {
                        return Err(describe(
                            text,
                            pos,
                            "not a TBX file: the root element is neither <tbx> nor <martif>",
                        ));
                    }
                    root_seen = true;
                }
                match n.as_str() {
                    "conceptEntry" | "termEntry" => {
                        concept = Some(Concept {
                            id: attr(&e, "id"),
                            at: pos,
                            ..Concept::default()
                        })
                    }
                    "langSec" | "langSet" => {
                        lang = attr(&e, "xml:lang").or_else(|| attr(&e, "lang"))
                    }
                    "termSec" | "tig" | "ntig" => term = Some((String::new(), None)),
                    "term" | "note" | "title" => field = Some((n.clone(), String::new())),
                    "p" if stack
                        .last()
                        .is_some_and(|s| s == "sourceDesc" || s == "publicationStmt") =>
                    {
                        field = Some((n.clone(), String::new()))
                    }
                    "descrip" | "termNote" | "admin" | "transac" | "xref" | "ref" | "date"
                    | "descripGrp" | "transacGrp" | "adminGrp" => {
                        let t = attr(&e, "type").unwrap_or_default();
                        field = Some((format!("{n}:{t}"), String::new()));
                    }
                    _ => {}
                }
                stack.push(n);
            }
            Event::Empty(e) if concept.is_some() => {
                *ignored.entry(local_name(&e)).or_default() += 1;
            }
            Event::Text(t) => {
                if let Some((_, buf)) = field.as_mut() {
                    buf.push_str(&t);
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, buf)) = field.as_mut() {
                    let c = match &*r {
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "amp" => Some('&'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        other => other
                            .strip_prefix("#x")
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .or_else(|| other.strip_prefix('#').and_then(|d| d.parse().ok()))
                            .and_then(char::from_u32),
                    };
                    match c {
                        Some(c) => buf.push(c),
                        None => {
                            return Err(describe(text, pos, &format!("unknown entity &{};", &*r)));
                        }
                    }
                }
            }
            Event::CData(c) => {
                if let Some((_, buf)) = field.as_mut() {
                    buf.push_str(&c);
                }
            }
            Event::End(_) => {
                let n = stack.pop().unwrap_or_default();
                let parent = stack.last().map(String::as_str).unwrap_or("");
                match n.as_str() {
                    "term" | "note" | "title" | "p" | "descrip" | "termNote" | "admin"
                    | "transac" | "xref" | "ref" | "date" => {
                        let Some((key, value)) = field.take() else {
                            continue;
                        };
                        let value = value.trim().to_string();
                        match (key.as_str(), concept.as_mut()) {
                            ("title", _) => title = Some(value),
                            ("p", None) if parent == "sourceDesc" => {
                                description = Some(value).filter(|v| !v.is_empty())
                            }
                            ("p", None) if parent == "publicationStmt" => {
                                version = Some(value).filter(|v| !v.is_empty())
                            }
                            ("term", Some(_)) => {
                                if let Some(t) = term.as_mut() {
                                    t.0 = value;
                                }
                            }
                            ("termNote:administrativeStatus", Some(_)) => {
                                if let Some(t) = term.as_mut() {
                                    t.1 = Some(value);
                                }
                            }
                            ("termNote:partOfSpeech", Some(c)) => c.proper |= value == "properNoun",
                            ("note", Some(c)) if matches!(parent, "conceptEntry" | "termEntry") => {
                                c.note = Some(value)
                            }
                            ("note", Some(c)) if matches!(parent, "langSec" | "langSet") => {
                                if let Some(l) = &lang {
                                    c.langs.entry(l.clone()).or_default().note = Some(value);
                                }
                            }
                            (k, Some(c)) if k == format!("descrip:{KIND_FIELD}") => {
                                match value.as_str() {
                                    "person" => c.kind = Some(Kind::Person),
                                    "place" => c.kind = Some(Kind::Place),
                                    "organization" => c.kind = Some(Kind::Organization),
                                    "term" => c.kind = Some(Kind::Term),
                                    _ => {
                                        *ignored
                                            .entry(format!("subjectField \"{value}\""))
                                            .or_default() += 1
                                    }
                                }
                            }
                            (k, Some(_)) => {
                                *ignored
                                    .entry(k.trim_end_matches(':').to_string())
                                    .or_default() += 1
                            }
                            _ => {}
                        }
                    }
                    "termSec" | "tig" | "ntig" => {
                        if let (Some(t), Some(l), Some(c)) = (term.take(), &lang, concept.as_mut())
                            && !t.0.is_empty()
                        {
                            c.langs.entry(l.clone()).or_default().terms.push(t);
                        }
                    }
                    "langSec" | "langSet" => lang = None,
                    "conceptEntry" | "termEntry" => concepts.extend(concept.take()),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        return Err("not a TBX file: no root element".to_string());
    }
    for (what, n) in &ignored {
        losses.push(Loss::new(None, format!("ignored {n} × {what}")));
    }
    let mut entries = Vec::new();
    let mut first_at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, c) in concepts.into_iter().enumerate() {
        let id = c.id.clone().unwrap_or_else(|| format!("entry-{}", i + 1));
        if let Some(&first) = first_at.get(&id) {
            let first = describe(text, first, "");
            return Err(describe(
                text,
                c.at,
                &format!(
                    "entry id {id:?} is used twice (first at {})",
                    first.trim_end_matches(": ")
                ),
            ));
        }
        first_at.insert(id.clone(), c.at);
        // Two sections of one language ("en" and "EN"): one section, nothing lost.
        let mut by_lang: BTreeMap<LangTag, LangData> = BTreeMap::new();
        for (tag, data) in c.langs {
            let Ok(lang) = LangTag::parse(&tag) else {
                losses.push(Loss::new(
                    Some(&id),
                    format!("skipped language {tag:?}: not a BCP 47 language tag"),
                ));
                continue;
            };
            match by_lang.get_mut(&lang) {
                Some(first) => {
                    losses.push(Loss::new(
                        Some(&id),
                        format!("language {lang} is given twice (as {tag:?} too): its terms were merged into one section"),
                    ));
                    first.terms.extend(data.terms);
                    first.note = first.note.take().or(data.note);
                }
                None => {
                    by_lang.insert(lang, data);
                }
            }
        }
        let mut terms = super::Terms::new();
        for (lang, data) in by_lang {
            if let Some(section) = section(&id, &lang, data, &mut losses) {
                terms.insert(lang, section);
            }
        }
        if terms.is_empty() {
            losses.push(Loss::new(Some(&id), "skipped: no usable term"));
            continue;
        }
        // A name of unknown kind (another tool's export) is kept as a term matched exactly,
        // since names are not stemmed.
        let match_mode = (c.kind.is_none() && c.proper).then_some(super::MatchMode::Exact);
        if match_mode.is_some() {
            losses.push(Loss::new(
                Some(&id),
                "a proper noun of unknown kind: imported as a term matched exactly",
            ));
        }
        entries.push(Entry {
            id,
            kind: c.kind.unwrap_or(Kind::Term),
            note: c.note,
            case: CaseMode::default(),
            match_mode,
            terms,
        });
    }
    let glossary = Glossary {
        format: FormatVersion::V1,
        name: title
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| name.to_string()),
        version,
        description,
        entries,
    };
    Ok((glossary, losses))
}

/// One language's terms by status: the first preferred term is preferred; a language without
/// one takes its first term without status (or its first admitted term).
fn section(
    id: &str,
    lang: &LangTag,
    data: LangData,
    losses: &mut Vec<Loss>,
) -> Option<LangSection> {
    let mut preferred: Option<String> = None;
    let mut admitted = Vec::new();
    let mut deprecated = Vec::new();
    let mut unmarked = Vec::new();
    for (form, status) in data.terms {
        match status.as_deref() {
            Some("preferredTerm-admn-sts") if preferred.is_none() => preferred = Some(form),
            Some("preferredTerm-admn-sts") => {
                losses.push(Loss::new(
                    Some(id),
                    format!("{lang}: a second preferred term {form:?} was imported as admitted"),
                ));
                admitted.push(form);
            }
            Some("admittedTerm-admn-sts" | "legalTerm-admn-sts") => admitted.push(form),
            Some("deprecatedTerm-admn-sts" | "supersededTerm-admn-sts") => deprecated.push(form),
            Some(other) => {
                losses.push(Loss::new(Some(id), format!("{lang}: unknown administrative status {other:?} for {form:?}, imported as admitted")));
                admitted.push(form);
            }
            None => unmarked.push(form),
        }
    }
    if preferred.is_none() && !unmarked.is_empty() {
        preferred = Some(unmarked.remove(0));
    }
    admitted.extend(unmarked);
    if preferred.is_none() && !admitted.is_empty() {
        preferred = Some(admitted.remove(0));
    }
    let Some(preferred) = preferred else {
        if !deprecated.is_empty() {
            losses.push(Loss::new(
                Some(id),
                format!("{lang}: only deprecated terms, skipped"),
            ));
        }
        return None;
    };
    let form = |s: String| Form::try_from(s).ok();
    Some(LangSection {
        preferred: form(preferred)?,
        admitted: admitted.into_iter().filter_map(form).collect(),
        deprecated: deprecated.into_iter().filter_map(form).collect(),
        note: data.note.map(String::into_boxed_str),
    })
}

fn describe(text: &str, offset: usize, message: &str) -> String {
    crate::formats::FormatError::at(offset, message).describe(text)
}

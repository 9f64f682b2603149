//! CSV as termbase tools export it: one row per concept, one column per language. Optional
//! columns `id`, `kind`, `note`, `case` and `match` come first. A language cell holds the
//! preferred form, then `|` and more forms: `!` marks a deprecated one, any other is admitted
//! ("Kyiv|!Kiev"). Language notes have no place and are reported.

use super::exchange::Loss;
use super::{CaseMode, Entry, Form, FormatVersion, Glossary, Kind, LangSection, MatchMode};
use crate::lang::LangTag;

const META: &[&str] = &["id", "kind", "note", "case", "match"];

/// Writes the glossary as CSV, with what CSV cannot hold.
pub fn export(g: &Glossary) -> (String, Vec<Loss>) {
    let mut losses = Vec::new();
    let mut langs: Vec<&LangTag> = g.entries.iter().flat_map(|e| e.terms.keys()).collect();
    langs.sort();
    langs.dedup();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let header: Vec<&str> = META
        .iter()
        .copied()
        .chain(langs.iter().map(|l| l.as_str()))
        .collect();
    let _ = w.write_record(&header);
    for e in &g.entries {
        let mut row = vec![
            e.id.clone(),
            e.kind.as_str().to_string(),
            e.note.clone().unwrap_or_default(),
            if e.case == CaseMode::Sensitive {
                "sensitive".to_string()
            } else {
                String::new()
            },
            match e.match_mode {
                Some(MatchMode::Exact) => "exact".to_string(),
                Some(MatchMode::Stem) => "stem".to_string(),
                None => String::new(),
            },
        ];
        for lang in &langs {
            let cell = match e.terms.get(lang) {
                Some(s) => {
                    if s.note.is_some() {
                        losses.push(Loss::new(
                            Some(&e.id),
                            format!("{lang}: CSV has no place for a language note"),
                        ));
                    }
                    let mut forms = vec![s.preferred.to_string()];
                    forms.extend(s.admitted.iter().map(|f| f.to_string()));
                    forms.extend(s.deprecated.iter().map(|f| format!("!{f}")));
                    for f in &forms {
                        if f.trim_start_matches('!').contains('|') {
                            losses.push(Loss::new(Some(&e.id), format!("{lang}: the form {f:?} contains \"|\", which CSV cells use to separate forms")));
                        }
                    }
                    forms.join("|")
                }
                None => String::new(),
            };
            row.push(cell);
        }
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    (String::from_utf8(bytes).unwrap_or_default(), losses)
}

/// Reads a CSV termbase. Errors name the row and column.
pub fn import(text: &str, name: &str) -> Result<(Glossary, Vec<Loss>), String> {
    let mut losses = Vec::new();
    let mut r = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = r
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut langs: Vec<(usize, LangTag)> = Vec::new();
    let mut meta: Vec<(usize, String)> = Vec::new();
    let repeated = |i: usize, h: &str, first: usize| {
        format!(
            "header: column {} ({h:?}) repeats column {}; each column may appear once, or one of them would be lost",
            i + 1,
            first + 1
        )
    };
    for (i, h) in header.iter().enumerate() {
        let lower = h.to_ascii_lowercase();
        if META.contains(&lower.as_str()) {
            if let Some((first, _)) = meta.iter().find(|(_, m)| *m == lower) {
                return Err(repeated(i, h, *first));
            }
            meta.push((i, lower));
            continue;
        }
        match LangTag::parse(h) {
            Ok(t) => {
                if let Some((first, _)) = langs.iter().find(|(_, l)| *l == t) {
                    return Err(repeated(i, h, *first));
                }
                langs.push((i, t))
            }
            Err(_) => losses.push(Loss::new(
                None,
                format!("ignored column {} ({h:?}): not a language tag", i + 1),
            )),
        }
    }
    let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let mut entries = Vec::new();
    let mut id_rows: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (n, record) in r.records().enumerate() {
        let row = n + 2;
        let record = record.map_err(|e| format!("row {row}: {e}"))?;
        let get = |c: Option<usize>| {
            c.and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let id = get(col("id"))
            .map(str::to_string)
            .unwrap_or_else(|| format!("row-{row}"));
        if let Some(first) = id_rows.insert(id.clone(), row) {
            return Err(format!(
                "row {row}: id {id:?} is also the id of row {first}"
            ));
        }
        let kind = match get(col("kind")) {
            None | Some("term") => Kind::Term,
            Some("person") => Kind::Person,
            Some("place") => Kind::Place,
            Some("organization") => Kind::Organization,
            Some(other) => {
                return Err(format!(
                    "row {row}: unknown kind {other:?} (person, place, organization or term)"
                ));
            }
        };
        let case = match get(col("case")) {
            Some("sensitive") => CaseMode::Sensitive,
            None | Some("insensitive") => CaseMode::Insensitive,
            Some(other) => return Err(format!("row {row}: unknown case {other:?}")),
        };
        let match_mode = match get(col("match")) {
            None => None,
            Some("exact") => Some(MatchMode::Exact),
            Some("stem") => Some(MatchMode::Stem),
            Some(other) => return Err(format!("row {row}: unknown match mode {other:?}")),
        };
        let mut terms = super::Terms::new();
        for (c, lang) in &langs {
            let Some(cell) = get(Some(*c)) else { continue };
            let mut forms = cell.split('|').map(str::trim).filter(|f| !f.is_empty());
            let Some(first) = forms.next() else { continue };
            if first.starts_with('!') {
                return Err(format!(
                    "row {row}, column {} ({lang}): the first form must be the preferred one, not deprecated",
                    c + 1
                ));
            }
            let to_form = |s: &str| {
                Form::try_from(s.to_string())
                    .map_err(|e| format!("row {row}, column {}: {e}", c + 1))
            };
            let preferred = to_form(first)?;
            let (mut admitted, mut deprecated) = (Vec::new(), Vec::new());
            for f in forms {
                match f.strip_prefix('!') {
                    Some(d) => deprecated.push(to_form(d.trim())?),
                    None => admitted.push(to_form(f)?),
                }
            }
            let section = LangSection {
                preferred,
                admitted: admitted.into(),
                deprecated: deprecated.into(),
                note: None,
            };
            terms.insert(lang.clone(), section);
        }
        if terms.is_empty() {
            losses.push(Loss::new(
                Some(&id),
                format!("row {row} has no forms, skipped"),
            ));
            continue;
        }
        let note = get(col("note")).map(str::to_string);
        entries.push(Entry {
            id,
            kind,
            note,
            case,
            match_mode,
            terms,
        });
    }
    Ok((
        Glossary {
            format: FormatVersion::V1,
            name: name.to_string(),
            version: None,
            description: None,
            entries,
        },
        losses,
    ))
}

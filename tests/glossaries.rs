//! The shipped glossaries are data the product stands on: they must load, cover what the
//! README promises, and never contradict themselves.

use std::collections::HashMap;

use concord::glossary::{self, GlossarySet, Matcher, Status};
use concord::lang::LangTag;
use concord::normalize::{folded, nfc};
use concord::token::tokenize_str;

fn shipped() -> GlossarySet {
    let mut set = GlossarySet::default();
    for (origin, g) in glossary::builtin().expect("shipped glossaries load") {
        set.push(origin, g);
    }
    set
}

/// The matching key of a form: folded words joined by their separators.
fn key(form: &str) -> String {
    let t = tokenize_str(form);
    (0..t.len())
        .map(|i| format!("{:?}{}", t.list[i].gap, t.key(i)))
        .collect::<Vec<_>>()
        .join("")
}

#[test]
fn news_names_cover_at_least_300_entities_in_seven_languages() {
    let set = shipped();
    let (_, names) = set
        .glossaries
        .iter()
        .find(|(_, g)| g.name == "news-names")
        .expect("news-names ships");
    assert!(
        names.entries.len() >= 300,
        "{} entries",
        names.entries.len()
    );
    for e in &names.entries {
        for lang in ["en", "es", "fr", "de", "it", "pt", "ru"] {
            let tag: LangTag = lang.parse().unwrap();
            assert!(e.terms.contains_key(&tag), "{} has no {lang} form", e.id);
        }
    }
    let deprecated: usize = names
        .entries
        .iter()
        .flat_map(|e| e.terms.values())
        .map(|s| s.deprecated.len())
        .sum();
    assert!(deprecated >= 300, "{deprecated} deprecated variants");
}

#[test]
fn countries_cover_every_country_in_ten_languages() {
    let set = shipped();
    let (_, countries) = set
        .glossaries
        .iter()
        .find(|(_, g)| g.name == "countries")
        .expect("countries ships");
    assert!(
        countries.entries.len() >= 249,
        "one entry per ISO 3166-1 country"
    );
    for e in &countries.entries {
        assert!(
            e.terms.len() >= 10,
            "{} has {} languages",
            e.id,
            e.terms.len()
        );
    }
}

#[test]
fn forms_are_clean_text() {
    for (origin, g) in &shipped().glossaries {
        for e in &g.entries {
            for (lang, s) in &e.terms {
                let forms = std::iter::once(&s.preferred)
                    .chain(&s.admitted)
                    .chain(&s.deprecated);
                for f in forms {
                    let f = f.as_str();
                    assert_eq!(f, nfc(f), "{origin} {} {lang}: {f:?} is not NFC", e.id);
                    assert_eq!(
                        f,
                        f.trim(),
                        "{origin} {} {lang}: {f:?} has outer spaces",
                        e.id
                    );
                    assert!(
                        !f.contains("  "),
                        "{origin} {} {lang}: {f:?} has a double space",
                        e.id
                    );
                }
            }
        }
    }
}

#[test]
fn no_form_is_both_deprecated_and_approved() {
    // Across all shipped glossaries, per language: a deprecated form must never match a form
    // some entry approves, or the checker would flag correct text.
    let set = shipped();
    let mut approved: HashMap<(String, String), String> = HashMap::new();
    for (_, g) in &set.glossaries {
        for e in &g.entries {
            for (lang, s) in &e.terms {
                for f in std::iter::once(&s.preferred).chain(&s.admitted) {
                    approved.insert((lang.to_string(), key(f.as_str())), e.id.clone());
                }
            }
        }
    }
    let mut problems = Vec::new();
    for (_, g) in &set.glossaries {
        for e in &g.entries {
            for (lang, s) in &e.terms {
                for d in &s.deprecated {
                    if let Some(owner) = approved.get(&(lang.to_string(), key(d.as_str()))) {
                        problems.push(format!(
                            "{lang}: {:?} deprecated by {} but approved by {owner}",
                            d.as_str(),
                            e.id
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_deprecated_form_is_found_by_the_matcher() {
    // A deprecated form that the matcher cannot find as deprecated (because it normalises or
    // stems to an approved form) is dead data.
    let set = std::sync::Arc::new(shipped());
    let mut dead = Vec::new();
    let mut matchers: HashMap<LangTag, Matcher> = HashMap::new();
    for (gi, (_, g)) in set.glossaries.iter().enumerate() {
        for e in &g.entries {
            for (lang, s) in &e.terms {
                let m = matchers
                    .entry(lang.clone())
                    .or_insert_with(|| Matcher::compile(set.clone(), lang));
                for d in &s.deprecated {
                    let text = d.as_str();
                    let toks = tokenize_str(text);
                    let found = m.find(text, &toks);
                    let whole = toks.list.first().map_or(0, |t| t.start)
                        ..toks.list.last().map_or(0, |t| t.end);
                    let ok = found.len() == 1
                        && found[0].form.status == Status::Deprecated
                        && found[0].form.glossary == gi
                        && found[0].span == whole;
                    if !ok {
                        dead.push(format!(
                            "{} {lang}: {text:?} -> {:?}",
                            e.id,
                            found
                                .iter()
                                .map(|f| (&f.form.form, f.form.status))
                                .collect::<Vec<_>>()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        dead.is_empty(),
        "{} dead deprecated forms:\n{}",
        dead.len(),
        dead.join("\n")
    );
}

#[test]
fn case_folding_never_merges_a_preferred_form_with_its_own_deprecated_one() {
    for (origin, g) in &shipped().glossaries {
        for e in &g.entries {
            for (lang, s) in &e.terms {
                for d in &s.deprecated {
                    assert_ne!(
                        folded(d.as_str()),
                        folded(s.preferred.as_str()),
                        "{origin} {} {lang}",
                        e.id
                    );
                }
            }
        }
    }
}

#[test]
fn a_glossary_may_carry_a_version_and_tbx_keeps_it() {
    use concord::glossary::{parse, tbx};
    use std::path::Path;
    let text = r#"{"format": "concord-glossary/1", "name": "house", "version": "2026.3",
        "entries": [{"id": "kyiv", "kind": "place", "terms": {"en": {"preferred": "Kyiv"}}}]}"#;
    let g = parse(Path::new("house.json"), text).unwrap();
    assert_eq!(g.version.as_deref(), Some("2026.3"));
    let (exported, _) = tbx::export(&g);
    assert!(exported.contains("<publicationStmt><p>2026.3</p></publicationStmt>"));
    assert_eq!(tbx::import(&exported, "house").unwrap().0, g);
    let unversioned = parse(
        Path::new("h.json"),
        &text.replace(r#""version": "2026.3","#, ""),
    )
    .unwrap();
    assert_eq!(unversioned.version, None);
    let err = parse(Path::new("h.json"), &text.replace(r#""2026.3""#, "3")).unwrap_err();
    assert!(err.to_string().starts_with("h.json:1:"), "{err}");
    assert!(err.to_string().contains("expected a string"), "{err}");
}

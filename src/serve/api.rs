//! Requests to the checking endpoints: parsed strictly, checked against the limits and
//! turned into the engine's inputs, with the glossaries and rule overrides they ask for.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::error::ApiError;
use super::limits::Limits;
use crate::engine::{Input, Report, Text};
use crate::finding::Severity;
use crate::lang::LangTag;
use crate::markup::Format;

/// One document: a text, or a source and its translation. On `/v1/check` it also carries the
/// glossaries and rule overrides; in a batch those are given once, beside the documents.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    id: Option<String>,
    text: Option<String>,
    source: Option<String>,
    target: Option<String>,
    lang: Option<String>,
    source_lang: Option<String>,
    target_lang: Option<String>,
    format: Option<String>,
    glossaries: Option<Vec<String>>,
    rules: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Batch {
    documents: Vec<Doc>,
    glossaries: Option<Vec<String>>,
    rules: Option<BTreeMap<String, String>>,
}

/// What a request asks to be checked, and how.
#[derive(Debug)]
pub struct Checking {
    pub inputs: Vec<Input>,
    /// Glossary names; `None` for every loaded glossary.
    pub glossaries: Option<Vec<String>>,
    pub overrides: Overrides,
}

/// The body of `POST /v1/check`.
pub fn check(body: &[u8], limits: &Limits) -> Result<Checking, ApiError> {
    let mut doc: Doc = from_json(body)?;
    let glossaries = doc.glossaries.take();
    let overrides = Overrides::parse(doc.rules.take())?;
    Ok(Checking {
        inputs: vec![input(doc, "document".into(), "", limits)?],
        glossaries,
        overrides,
    })
}

/// The body of `POST /v1/check/batch`.
pub fn batch(body: &[u8], limits: &Limits) -> Result<Checking, ApiError> {
    let batch: Batch = from_json(body)?;
    if batch.documents.len() > limits.max_documents {
        return Err(ApiError::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "too_many_documents",
            format!(
                "documents: {} documents, more than the limit of {} per batch",
                batch.documents.len(),
                limits.max_documents
            ),
        ));
    }
    let mut seen = HashSet::new();
    let mut inputs = Vec::with_capacity(batch.documents.len());
    for (i, doc) in batch.documents.into_iter().enumerate() {
        let at = format!("documents[{i}]: ");
        if doc.glossaries.is_some() || doc.rules.is_some() {
            return Err(ApiError::invalid(
                "invalid_request",
                format!(
                    "{at}glossaries and rules apply to the whole batch: give them beside documents"
                ),
            ));
        }
        let input = input(doc, format!("documents[{i}]"), &at, limits)?;
        if !seen.insert(input.name()) {
            return Err(ApiError::invalid(
                "duplicate_id",
                format!(
                    "{at}the id {:?} is used by an earlier document",
                    input.name()
                ),
            ));
        }
        inputs.push(input);
    }
    Ok(Checking {
        inputs,
        glossaries: batch.glossaries,
        overrides: Overrides::parse(batch.rules)?,
    })
}

/// JSON that does not parse is a 400; JSON that is not a valid request a 422. Both say where.
fn from_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ApiError::invalid("invalid_request", e.to_string()),
        _ => ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "invalid_json",
            format!("the body is not JSON: {e}"),
        ),
    })
}

fn input(doc: Doc, default_name: String, at: &str, limits: &Limits) -> Result<Input, ApiError> {
    let name = doc.id.unwrap_or(default_name);
    if name.is_empty() {
        return Err(ApiError::invalid(
            "invalid_request",
            format!("{at}id: must not be empty"),
        ));
    }
    let format = format(doc.format.as_deref(), at)?;
    let text = |text: String, field: &str, lang: Option<String>, name: String| {
        if text.len() > limits.max_document {
            return Err(ApiError::new(
                axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                "document_too_large",
                format!(
                    "{at}{field}: {} bytes, more than the limit of {} per document",
                    text.len(),
                    limits.max_document
                ),
            ));
        }
        let lang = match lang {
            Some(tag) => Some(LangTag::parse(&tag).map_err(|e| {
                let field = if field == "text" {
                    "lang"
                } else {
                    &format!("{field}_lang")
                };
                ApiError::invalid("unknown_language", format!("{at}{field}: {e}"))
            })?),
            None => None,
        };
        Ok(Text {
            name,
            text,
            format,
            lang,
        })
    };
    match (doc.text, doc.source, doc.target) {
        (Some(t), None, None) => {
            if doc.source_lang.is_some() || doc.target_lang.is_some() {
                return Err(ApiError::invalid(
                    "invalid_request",
                    format!(
                        "{at}source_lang and target_lang go with source and target; a text's language is lang"
                    ),
                ));
            }
            Ok(Input::Text(text(t, "text", doc.lang, name)?))
        }
        (None, Some(s), Some(t)) => {
            if doc.lang.is_some() {
                return Err(ApiError::invalid(
                    "invalid_request",
                    format!(
                        "{at}lang goes with text; a source and target have source_lang and target_lang"
                    ),
                ));
            }
            Ok(Input::TextPair {
                source: text(s, "source", doc.source_lang, format!("{name} (source)"))?,
                target: text(t, "target", doc.target_lang, name)?,
            })
        }
        (None, None, None) => Err(ApiError::invalid(
            "invalid_request",
            format!("{at}expected \"text\", or \"source\" and \"target\""),
        )),
        _ => Err(ApiError::invalid(
            "invalid_request",
            format!("{at}give either \"text\" or both \"source\" and \"target\""),
        )),
    }
}

fn format(name: Option<&str>, at: &str) -> Result<Format, ApiError> {
    match name.unwrap_or("plain") {
        "plain" => Ok(Format::Plain),
        "markdown" => Ok(Format::Markdown),
        "html" => Ok(Format::Html),
        other => Err(ApiError::invalid(
            "unknown_format",
            format!("{at}format: unknown format {other:?} (expected plain, markdown or html)"),
        )),
    }
}

/// A request's rule overrides: rule id → a severity, or `None` for off.
#[derive(Debug, Default)]
pub struct Overrides(BTreeMap<&'static str, Option<Severity>>);

impl Overrides {
    fn parse(rules: Option<BTreeMap<String, String>>) -> Result<Overrides, ApiError> {
        let known = crate::checks::rule_ids();
        let mut out = BTreeMap::new();
        for (rule, level) in rules.unwrap_or_default() {
            let Some(&id) = known.iter().find(|k| **k == rule) else {
                return Err(ApiError::invalid(
                    "unknown_rule",
                    format!("rules: unknown rule {rule:?} (known: {})", known.join(", ")),
                ));
            };
            let severity = match level.as_str() {
                "off" => None,
                other => Some(other.parse::<Severity>().map_err(|_| {
                    ApiError::invalid(
                        "unknown_severity",
                        format!(
                            "rules.{rule}: expected error, warning, info or off, got {other:?}"
                        ),
                    )
                })?),
            };
            out.insert(id, severity);
        }
        Ok(Overrides(out))
    }

    /// Drops the findings of rules turned off and gives the others their new severity.
    pub fn apply(&self, report: &mut Report) {
        if self.0.is_empty() {
            return;
        }
        report.findings.retain_mut(|f| match self.0.get(f.rule) {
            Some(None) => false,
            Some(Some(severity)) => {
                f.severity = *severity;
                true
            }
            None => true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(r: Result<Checking, ApiError>) -> &'static str {
        r.map(|_| "ok").unwrap_or_else(|e| e.code)
    }

    #[test]
    fn bodies_are_parsed_strictly_and_say_what_is_wrong() {
        let l = Limits::default();
        assert_eq!(code(check(br#"{"text": "Hola", "lang": "es"}"#, &l)), "ok");
        assert_eq!(code(check(br#"{"text": "x""#, &l)), "invalid_json");
        assert_eq!(code(check(b"", &l)), "invalid_json");
        assert_eq!(code(check(br#"{"txt": "x"}"#, &l)), "invalid_request");
        assert_eq!(code(check(br#"{"text": 5}"#, &l)), "invalid_request");
        assert_eq!(code(check(br#"{}"#, &l)), "invalid_request");
        assert_eq!(
            code(check(br#"{"text": "a", "source": "b", "target": "c"}"#, &l)),
            "invalid_request"
        );
        assert_eq!(code(check(br#"{"source": "b"}"#, &l)), "invalid_request");
        assert_eq!(
            code(check(br#"{"text": "a", "lang": "xx"}"#, &l)),
            "unknown_language"
        );
        assert_eq!(
            code(check(br#"{"text": "a", "format": "rtf"}"#, &l)),
            "unknown_format"
        );
        assert_eq!(
            code(check(br#"{"text": "a", "rules": {"no/such": "off"}}"#, &l)),
            "unknown_rule"
        );
        assert_eq!(
            code(check(
                br#"{"text": "a", "rules": {"name/glossary": "fatal"}}"#,
                &l
            )),
            "unknown_severity"
        );
        assert_eq!(
            code(check(br#"{"text": "a", "id": ""}"#, &l)),
            "invalid_request"
        );
        let e = check(
            br#"{"text": "a", "lang": "en",
            "langauge": "en"}"#,
            &l,
        )
        .unwrap_err();
        assert!(
            e.message.contains("unknown field `langauge`") && e.message.contains("line 2"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_batch_is_bounded_and_its_ids_unique() {
        let l = Limits {
            max_documents: 2,
            max_document: 10,
            ..Limits::default()
        };
        assert_eq!(
            code(batch(
                br#"{"documents": [{"text": "a"}, {"text": "b"}]}"#,
                &l
            )),
            "ok"
        );
        assert_eq!(
            code(batch(
                br#"{"documents": [{"text": "a"}, {"text": "b"}, {"text": "c"}]}"#,
                &l
            )),
            "too_many_documents"
        );
        assert_eq!(
            code(batch(
                br#"{"documents": [{"text": "a", "id": "x"}, {"text": "b", "id": "x"}]}"#,
                &l
            )),
            "duplicate_id"
        );
        assert_eq!(
            code(batch(br#"{"documents": [{"text": "a", "rules": {}}]}"#, &l)),
            "invalid_request"
        );
        assert_eq!(
            code(batch(br#"{"documents": [{"text": "12345678901"}]}"#, &l)),
            "document_too_large"
        );
        let e = batch(br#"{"documents": [{"text": "a"}, {"source": "a", "target": "b", "source_lang": "qq"}]}"#, &l).unwrap_err();
        assert_eq!(
            e.message,
            "documents[1]: source_lang: invalid language tag \"qq\": the primary subtag is not an ISO 639 language code"
        );
    }

    #[test]
    fn overrides_drop_and_reclassify() {
        let mut rules = BTreeMap::new();
        rules.insert("name/glossary".to_string(), "off".to_string());
        rules.insert("number/style".to_string(), "error".to_string());
        let o = Overrides::parse(Some(rules)).unwrap();
        let finding = |rule: &'static str, severity| crate::finding::Finding {
            rule,
            severity,
            path: "a".into(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 2,
            byte_start: 0,
            byte_end: 1,
            text: "x".into(),
            message: String::new(),
            suggestions: Vec::new(),
            related: Vec::new(),
            fix: None,
        };
        let mut report = Report {
            findings: vec![
                finding("name/glossary", Severity::Error),
                finding("number/style", Severity::Warning),
                finding("name/inconsistent", Severity::Warning),
            ],
            ..Report::default()
        };
        o.apply(&mut report);
        let got: Vec<_> = report
            .findings
            .iter()
            .map(|f| (f.rule, f.severity))
            .collect();
        assert_eq!(
            got,
            [
                ("number/style", Severity::Error),
                ("name/inconsistent", Severity::Warning)
            ]
        );
    }

    proptest::proptest! {
        /// Whatever the body, the answer is a request or a client error, never a panic.
        #[test]
        fn any_body_is_a_request_or_a_client_error(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
                                                   json in "\\{(\"(text|lang|format|rules|documents|id)\": ?(\"[a-z/]{0,6}\"|\\[\\]|\\{\\}|1),? ?){0,4}\\}") {
            let l = Limits::default();
            for b in [&body[..], json.as_bytes()] {
                for r in [check(b, &l), batch(b, &l)] {
                    if let Err(e) = r {
                        proptest::prop_assert!(e.status.is_client_error(), "{e:?}");
                    }
                }
            }
        }
    }
}

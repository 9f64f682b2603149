//! A rule's example run through the engine, so that `concord explain` shows what concord
//! really says about it and a test keeps every example true.

use crate::bilingual::Pair;
use crate::checks::Example;
use crate::engine::{Engine, Input, InputError, Kind};
use crate::finding::Finding;
use crate::markup::Format;

/// The name an example document is reported under: its language is in the name.
pub fn example_path(lang: &str) -> String {
    format!("example.{lang}.txt")
}

/// Every finding the engine reports on `example`, in report order. The engine's own options
/// apply, except that each document's language is the example's.
pub fn run_example(engine: &Engine, example: &Example) -> Result<Vec<Finding>, InputError> {
    let path = example_path(example.lang);
    match example.source {
        Some((source_lang, source)) => {
            let source = engine.document(
                &format!("example-source.{source_lang}.txt"),
                source.as_bytes(),
                Format::Plain,
            )?;
            let target = engine.document(&path, example.text.as_bytes(), Format::Plain)?;
            Ok(engine.check_pair(&Pair::align(source, target)))
        }
        None => {
            let document = |name: String, text: &str| Input::Bytes {
                name,
                bytes: text.as_bytes().to_vec(),
                kind: Kind::Text(Format::Plain),
            };
            let mut inputs = vec![document(path, example.text)];
            for (i, other) in example.others.iter().enumerate() {
                inputs.push(document(
                    format!("other-{}.{}.txt", i + 1, example.lang),
                    other,
                ));
            }
            let mut report = engine.run(inputs);
            match report.input_errors.pop() {
                Some(e) => Err(e),
                None => Ok(report.findings),
            }
        }
    }
}

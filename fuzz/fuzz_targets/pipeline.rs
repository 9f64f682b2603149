//! The whole pipeline on one article (plain text, Markdown or HTML, in a language the first
//! byte picks): every report format, then the fixes applied to the text.
#![no_main]
use std::sync::OnceLock;

use concord::engine::{Input, Kind};
use concord::markup::Format;
use concord::{Engine, Options};
use libfuzzer_sys::fuzz_target;

const LANGS: &[&str] = &["en", "es", "fr", "de", "ru", "pt"];

fn engines() -> &'static Vec<Engine> {
    static E: OnceLock<Vec<Engine>> = OnceLock::new();
    E.get_or_init(|| {
        LANGS
            .iter()
            .map(|l| {
                let mut set = concord::glossary::GlossarySet::default();
                for (origin, g) in concord::glossary::builtin().unwrap() {
                    set.push(origin, g);
                }
                let options = Options {
                    lang: Some(concord::lang::LangTag::parse(l).unwrap()),
                    keep_sources: true,
                    ..Options::default()
                };
                Engine::new(set, options)
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let engine = &engines()[which as usize % LANGS.len()];
    let (format, name) = [
        (Format::Plain, "fuzz.txt"),
        (Format::Markdown, "fuzz.md"),
        (Format::Html, "fuzz.html"),
    ][(which >> 6) as usize % 3];
    let report = engine.run(vec![Input::Bytes {
        name: name.into(),
        bytes: rest.to_vec(),
        kind: Kind::Text(format),
    }]);
    let mut out = Vec::new();
    concord::report::write_human(&mut out, &report, false).unwrap();
    concord::report::write_brief(&mut out, &report).unwrap();
    concord::report::write_json(&mut out, &report).unwrap();
    concord::report::write_jsonl(&mut out, &report).unwrap();
    concord::report::write_sarif(&mut out, &report).unwrap();
    concord::report::write_html(&mut out, &report).unwrap();
    for (_, edits) in concord::fix::plan(&report.findings) {
        if let Ok(r) = concord::fix::rewrite(std::path::Path::new(name), rest, &edits, which & 1 == 1) {
            let _ = concord::fix::diff(name, &r.old, &r.new);
        }
    }
});

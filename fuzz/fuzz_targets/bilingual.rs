//! The bilingual pipeline: the input split at its first NUL into a source and a translation
//! article, aligned and checked; and the same text as a JSON Lines container.
#![no_main]
use std::sync::OnceLock;

use concord::bilingual::Pair;
use concord::document::{Document, LangSource};
use concord::engine::{Input, Kind};
use concord::formats::Container;
use concord::lang::LangTag;
use concord::markup::Format;
use concord::text::Encoding;
use concord::{Engine, Options};
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let mut set = concord::glossary::GlossarySet::default();
        for (origin, g) in concord::glossary::builtin().unwrap() {
            set.push(origin, g);
        }
        Engine::new(set, Options::default())
    })
}

fn doc(name: &str, text: &str, lang: &str) -> Document {
    let lang = LangTag::parse(lang).unwrap();
    Document::new(name, text.to_string(), Encoding::Utf8, Format::Plain, |_| {
        (lang, LangSource::Given)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (source, target) = text.split_once('\0').unwrap_or((text, text));
    let pair = Pair::align(doc("s.es.txt", source, "es"), doc("t.en.txt", target, "en"));
    let _ = engine().check_pair(&pair);
    let _ = engine().run(vec![Input::Bytes {
        name: "fuzz.jsonl".into(),
        bytes: data.to_vec(),
        kind: Kind::Container(Container::Jsonl),
    }]);
});

//! The number reader, through its public API, in the languages it knows.
#![no_main]
use libfuzzer_sys::fuzz_target;

const LANGS: &[&str] = &["en", "es", "fr", "de", "it", "pt", "nl", "ru", "uk", "pl", "cs", "sv", "tr", "ja"];

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let lang = concord::lang::LangTag::parse(LANGS[which as usize % LANGS.len()]).unwrap();
    for q in concord::numbers::quantities(text, &lang) {
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
    }
});

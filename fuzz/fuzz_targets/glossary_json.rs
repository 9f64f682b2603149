//! Glossary JSON: loaded or refused with a place; lint reports without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(g) = concord::glossary::parse(std::path::Path::new("fuzz.json"), text) {
        let mut set = concord::glossary::GlossarySet::default();
        set.push("fuzz.json", g);
        let set = std::sync::Arc::new(set);
        for lang in set.languages() {
            let m = concord::glossary::Matcher::compile(set.clone(), &lang);
            let toks = concord::token::tokenize_str(text);
            let _ = m.find(text, &toks);
        }
    }
    let _ = concord::glossary::lint::lint(&[("fuzz.json".to_string(), text.to_string())], &[]);
});

//! Markdown and plain text: the prose view keeps every offset, and tokens stay inside it.
#![no_main]
use concord::markup::{Format, prose};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for format in [Format::Markdown, Format::Plain] {
        let p = prose(text, format);
        assert_eq!(p.masked.len(), text.len());
        let toks = concord::token::tokenize(&p.masked, &p.segments);
        for t in &toks.list {
            assert!(t.start < t.end && t.end <= text.len());
        }
    }
});

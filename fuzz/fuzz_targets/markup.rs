//! Plain text, Markdown and HTML: the prose view keeps every offset, its segments are in order
//! inside it, and tokens stay inside the text.
#![no_main]
use concord::markup::{Format, prose};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for format in [Format::Plain, Format::Markdown, Format::Html] {
        let p = prose(text, format);
        assert_eq!(p.masked.len(), text.len(), "{format:?}");
        let mut end = 0;
        for s in &p.segments {
            assert!(end <= s.start && s.start <= s.end && s.end <= text.len(), "{format:?}");
            end = s.end;
        }
        for (at, _) in &p.comments {
            assert!(at.start <= at.end && at.end <= text.len(), "{format:?}");
        }
        let toks = concord::token::tokenize(&p.masked, &p.segments);
        for t in &toks.list {
            assert!(t.start < t.end && t.end <= text.len(), "{format:?}");
        }
    }
});

//! Any bytes: decoded or refused with a position, never a panic; what decodes re-encodes to
//! the same bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((text, encoding)) = concord::text::decode(data) {
        assert_eq!(concord::text::encode(&text, encoding), data);
        let lines = concord::text::LineIndex::new(&text);
        let mut at = 0;
        while at <= text.len() {
            let _ = lines.position(&text, at);
            at += 1 + at / 3;
            while at < text.len() && !text.is_char_boundary(at) {
                at += 1;
            }
        }
    }
});

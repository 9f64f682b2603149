//! XLIFF, TMX and JSON Lines (the first byte picks the format): units or errors with a
//! place, and every unit's runs inside the file.
#![no_main]
use concord::formats::Container;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let container = [Container::Xliff, Container::Tmx, Container::Jsonl][which as usize % 3];
    match container.parse(text) {
        Ok(parsed) => {
            let lines = concord::text::LineIndex::new(text);
            for e in &parsed.errors {
                let _ = e.describe_with(text, &lines);
            }
            for u in &parsed.units {
                for p in std::iter::once(&u.source).chain(u.target.as_ref()) {
                    for r in &p.runs {
                        assert!(r.file + r.file_len <= text.len());
                    }
                }
            }
        }
        Err(e) => {
            let _ = e.describe(text);
        }
    }
});

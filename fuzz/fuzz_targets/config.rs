//! concord.toml: read or refused with a place; what it says about paths answers without
//! panicking.
#![no_main]
use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let rules = concord::checks::rule_ids();
    match concord::config::Config::parse(Path::new("desk/concord.toml"), text, &rules) {
        Ok(config) => {
            for p in ["desk/es/a.txt", "desk/a.md", "desk/x/y/z.html", "other/a.txt"] {
                let _ = config.language_of(Path::new(p));
                let _ = config.selects(Path::new(p));
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});

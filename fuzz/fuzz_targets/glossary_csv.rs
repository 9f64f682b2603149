//! CSV termbase import, then export and import again.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok((g, _)) = concord::glossary::csv::import(text, "fuzz") {
        let (csv, _) = concord::glossary::csv::export(&g);
        let _ = concord::glossary::csv::import(&csv, "fuzz");
        let (tbx, _) = concord::glossary::tbx::export(&g);
        let _ = concord::glossary::tbx::import(&tbx, "fuzz");
    }
});

//! Bilingual mode on real-looking files: an article pair with a split paragraph, a pair that
//! cannot be aligned, XLIFF 1.2 and 2.0 with inline tags, TMX in UTF-8 and UTF-16, and a
//! JSON Lines stream with several documents. Each run's whole output is compared with the
//! `.expected` file beside the input (CONCORD_BLESS=1 rewrites them for review).

mod common;

use common::{assert_matches_file, root, run, run_in, stdout};

fn brief(args: &[&str], expected: &str) -> std::process::Output {
    let mut all = vec!["check", "--format", "brief"];
    all.extend(args);
    let out = run(&all);
    assert_matches_file(&stdout(&out), &root().join(expected));
    out
}

#[test]
fn article_pair_with_a_split_paragraph() {
    let out = brief(
        &[
            "--source",
            "tests/data/bilingual/pair/summit.es.txt",
            "tests/data/bilingual/pair/summit.en.txt",
        ],
        "tests/data/bilingual/pair/summit.expected",
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn numbers_changed_in_translation() {
    // Four numbers changed (a scale, two swapped digits, a year, a day), and a paragraph whose
    // every number changed (still aligned, not set aside as uncertain); conversions, a clock
    // time, a decade, a range, a vague quantity, a number in words and dates written the
    // other way round (02/03 and 03/02) rendered idiomatically.
    let out = brief(
        &[
            "--source",
            "tests/data/bilingual/numbers/presa.es.txt",
            "tests/data/bilingual/numbers/presa.en.txt",
        ],
        "tests/data/bilingual/numbers/presa.expected",
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn scores_are_compared_with_their_ones_and_zeros() {
    // "1-0" ↔ "1:0" and "3–1" ↔ "3 a 1" agree; "2-1" ↔ "2:0" does not; a draw left out
    // ("drew 1-1" ↔ "empató") is a rephrasing, not an error.
    let out = brief(
        &["tests/data/bilingual/numbers/scores.jsonl"],
        "tests/data/bilingual/numbers/scores.expected",
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn numbers_said_another_way_are_no_mismatch() {
    // A mile as 1,5 km beside an article "en", pounds of weight as "libras", a game clock in
    // minutes and seconds, a rounded conversion added in brackets, a quarter-hour, "2h:30",
    // "los ochentas", a century as "1800-talets", "hundra", Turkish endings after "yüzde" and
    // "sabahın", a number used as a noun, "üçte iki", a couple of decades, and a sentence
    // moved into the segment before; only the changed price is reported.
    let out = brief(
        &["tests/data/bilingual/numbers/paraphrases.jsonl"],
        "tests/data/bilingual/numbers/paraphrases.expected",
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn numbers_read_the_way_each_language_writes_them() {
    // A conversion in brackets left out whichever of the two the translation kept, decades in
    // Polish words and a century as Swedish "1700-talet", feet and inches in Spanish, a
    // declined Czech ordinal, a rate per hour given as a length "za hodinu", Czech compounds
    // ("trojnásobně", "pětinásobný") and digits glued to a word by a missing space: all agree;
    // only the changed passenger count is reported.
    let out = brief(
        &["tests/data/bilingual/numbers/languages.jsonl"],
        "tests/data/bilingual/numbers/languages.expected",
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn numbers_in_romanian_danish_and_indonesian_words() {
    // Number words of the three languages ("douăzeci și una", "enogtyve", "tiga ratus dua
    // puluh lima"), a Romanian date and evening hour, wind in m/s, a scale after a pound sign,
    // Danish clock times with a time zone, an Indonesian range of clock times, ordinals and a
    // fraction all agree; "Tyve" (thieves) is no number; the three changed counts are found.
    let out = brief(
        &["tests/data/bilingual/numbers/untuned.jsonl"],
        "tests/data/bilingual/numbers/untuned.expected",
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn conversions_in_brackets_are_numbers_of_their_own() {
    // Kept on both sides, the first amount and its conversion are each compared: a changed
    // first amount is found although its conversion agrees (in Spanish and in Chinese, digits
    // beside Han), and so is a changed conversion, but not one into another currency (the
    // translation converted afresh). Left out on one side, a conversion is not missed,
    // whichever of the two the translation kept.
    let out = brief(
        &["tests/data/bilingual/numbers/conversions.jsonl"],
        "tests/data/bilingual/numbers/conversions.expected",
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn pairs_found_by_file_name_in_a_directory() {
    // --source-lang es: summit.es.txt is the source of summit.en.txt; same findings.
    let out = run(&[
        "check",
        "--format",
        "brief",
        "--source-lang",
        "es",
        "tests/data/bilingual/pair",
    ]);
    let expected =
        std::fs::read_to_string(root().join("tests/data/bilingual/pair/summit.expected")).unwrap();
    assert_eq!(stdout(&out), expected);
}

#[test]
fn unalignable_pair_is_reported_not_guessed() {
    brief(
        &["--source-lang", "fr", "tests/data/bilingual/misaligned"],
        "tests/data/bilingual/misaligned/notes.expected",
    );
}

#[test]
fn xliff_12_with_inline_tags() {
    brief(
        &["tests/data/bilingual/xliff12.xlf"],
        "tests/data/bilingual/xliff12.expected",
    );
}

#[test]
fn xliff_20_with_inline_tags() {
    brief(
        &["tests/data/bilingual/xliff20.xlf"],
        "tests/data/bilingual/xliff20.expected",
    );
}

#[test]
fn tmx_in_utf8_and_utf16_give_the_same_findings() {
    brief(
        &["tests/data/bilingual/memory.tmx"],
        "tests/data/bilingual/memory.expected",
    );
    let utf16 = run(&[
        "check",
        "--format",
        "brief",
        "tests/data/bilingual/memory-utf16.tmx",
    ]);
    let utf8 =
        std::fs::read_to_string(root().join("tests/data/bilingual/memory.expected")).unwrap();
    assert_eq!(
        stdout(&utf16),
        utf8.replace("memory.tmx", "memory-utf16.tmx")
    );
}

#[test]
fn jsonl_stream_with_several_documents() {
    brief(
        &["tests/data/bilingual/stream.jsonl"],
        "tests/data/bilingual/stream.expected",
    );
}

#[test]
fn jsonl_on_standard_input() {
    let text = std::fs::read(root().join("tests/data/bilingual/stream.jsonl")).unwrap();
    let out = run_in(
        &root(),
        &["check", "--format", "brief", "--input-format", "jsonl", "-"],
        Some(&text),
    );
    let expected =
        std::fs::read_to_string(root().join("tests/data/bilingual/stream.expected")).unwrap();
    assert_eq!(
        stdout(&out),
        expected.replace("tests/data/bilingual/stream.jsonl", "<stdin>")
    );
}

#[test]
fn findings_in_containers_point_into_the_file() {
    // The JSON report's byte offsets and columns locate the finding's text in the file itself,
    // through XML entities and JSON escapes.
    for file in [
        "tests/data/bilingual/xliff12.xlf",
        "tests/data/bilingual/stream.jsonl",
        "tests/data/bilingual/memory.tmx",
    ] {
        let out = run(&["check", "--format", "json", file]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        for f in v["findings"].as_array().unwrap() {
            let (s, e) = (
                f["byte_start"].as_u64().unwrap() as usize,
                f["byte_end"].as_u64().unwrap() as usize,
            );
            let line = text
                .lines()
                .nth(f["line"].as_u64().unwrap() as usize - 1)
                .unwrap();
            let col = f["column"].as_u64().unwrap() as usize;
            let from_col: String = line.chars().skip(col - 1).take(5).collect();
            assert!(
                text[s..e].starts_with(&from_col),
                "{file}: {} at {s}..{e} vs column text {from_col:?}",
                f["rule"]
            );
            if f["rule"] == "name/mismatch" || f["rule"] == "name/glossary" {
                assert_eq!(&text[s..e], f["text"].as_str().unwrap(), "{file}");
            }
        }
    }
}

#[test]
fn malformed_containers_are_input_errors_with_a_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.xlf"), "<xliff version=\"1.2\"><file><body>\n<trans-unit id=\"1\"><source>a &nbsp; b</source></trans-unit></body></file></xliff>").unwrap();
    std::fs::write(
        dir.path().join("bad.jsonl"),
        "{\"source\": \"a\", \"target\": \"b\"}\n{\"source\": 3}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("ok.jsonl"), "{\"source\": \"Talks in Kyiv.\", \"target\": \"Talks in Kiev.\", \"source_lang\": \"en\", \"target_lang\": \"en\"}\n").unwrap();
    let out = run_in(dir.path(), &["check", "--format", "brief", "."], None);
    assert_eq!(out.status.code(), Some(2));
    let err = common::stderr(&out);
    assert!(
        err.contains(
            "bad.jsonl: 2:12: line 2 is not a segment: field \"source\" must be a string, found the number 3"
        ),
        "{err}"
    );
    assert!(
        err.contains("bad.xlf: 2:30: unknown entity &nbsp;"),
        "{err}"
    );
    assert!(
        stdout(&out).contains("ok.jsonl:1:"),
        "the good file is still checked"
    );
}

#[test]
fn names_across_scripts_are_compared_with_their_romanisations() {
    // A transposed "Zelenksy" and a swapped "Shmyhla" (its source in the instrumental case)
    // are one slip from a romanisation; "Britain" for a genitive "Британії" and "Balkans" for
    // an adjective "Балканского" differ only where the source's ending is, and are left alone.
    // From Arabic and Hebrew, a dropped k ("Blinen") and a neighbouring key ("Netamyahu") are
    // slips in consonants the source writes; "Washington", the nisba "الروسي" for "Russian",
    // "ג'ונס" with its geresh written as an apostrophe or a quotation mark for "Jones", and
    // the plural adjective "הבריטיים" for "British" are not. "Blinen" written before "Blinken"
    // is the one name/inconsistent reports, as the source's word romanises to "Blinken".
    let out = brief(
        &[
            "--no-default-glossaries",
            "tests/data/bilingual/names/cross-script.jsonl",
        ],
        "tests/data/bilingual/names/cross-script.expected",
    );
    assert_eq!(out.status.code(), Some(0));
}

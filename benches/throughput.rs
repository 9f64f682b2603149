//! Bytes per second of the stages a check pays for, at three sizes: one token, one article
//! (a sample article of `corpora/`) and a real corpus (the English NTREX-128 text in
//! `../shared`, skipped with a note when it is not there). Stages: tokenizing, reading numbers
//! (`number/style`'s cost), glossary matching with the shipped glossaries, and the whole
//! check. Run: `cargo bench --bench throughput`; `scripts/bench.sh` measures whole runs.

use std::sync::LazyLock;

use concord::engine::Engine;
use concord::glossary::{GlossarySet, builtin};
use concord::markup::Format;
use concord::options::Options;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const INPUTS: &[&str] = &["token", "article", "corpus"];

fn input(name: &str) -> &'static str {
    static ARTICLE: &str = include_str!("../corpora/en/blinken-caucasus-talks.en.txt");
    static CORPUS: LazyLock<String> = LazyLock::new(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpora/ntrex/eng.txt"
        );
        std::fs::read_to_string(path).unwrap_or_else(|_| {
            eprintln!("{path} not found: the corpus input measures the sample article instead");
            ARTICLE.to_string()
        })
    });
    match name {
        "token" => "Blinken",
        "article" => ARTICLE,
        _ => CORPUS.as_str(),
    }
}

fn engine() -> &'static Engine {
    static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
        let mut set = GlossarySet::default();
        for (origin, g) in builtin().expect("the shipped glossaries load") {
            set.push(origin, g);
        }
        Engine::new(set, Options::default())
    });
    &ENGINE
}

fn document(text: &str) -> concord::document::Document {
    engine()
        .document("bench.en.txt", text.as_bytes(), Format::Plain)
        .expect("a UTF-8 text")
}

/// Document building: decoding, prose view, segmentation and tokens.
#[divan::bench(args = INPUTS)]
fn tokenize(bencher: Bencher, name: &str) {
    let text = input(name);
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| document(black_box(text)).tokens.len());
}

/// Glossary matching on the tokens, the shipped glossaries compiled for English.
#[divan::bench(args = INPUTS)]
fn glossary_match(bencher: Bencher, name: &str) {
    let text = input(name);
    let doc = document(text);
    let matcher = engine().matcher(&doc.lang);
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| matcher.find(black_box(&doc.prose), &doc.tokens).len());
}

/// Reading the numbers of a document: what `number/style` and `number/mismatch` pay for.
#[divan::bench(args = INPUTS)]
fn numbers(bencher: Bencher, name: &str) {
    let text = input(name);
    let doc = document(text);
    bencher.counter(BytesCount::of_str(text)).bench(|| {
        concord::numbers::quantities_in(black_box(&doc.prose), &doc.tokens, &doc.lang).len()
    });
}

/// Every rule on one document (numbers, names, terms, quotes).
#[divan::bench(args = INPUTS)]
fn check(bencher: Bencher, name: &str) {
    let text = input(name);
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| engine().check(&document(black_box(text))).len());
}

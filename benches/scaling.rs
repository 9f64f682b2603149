//! Whether the cost of checking grows linearly with the input, for each hostile shape: many
//! short lines, one long line, a huge JSON Lines segment, many JSON Lines segments, a long
//! source against a short translation, a giant capitalised word, and two similar long names.
//! Each shape is grown 1×, 4× and 16×; the time of each (best of three, in this process) is
//! divided by the 1× time and by the growth. A shape fails when that cost per unit grows past
//! 2.5× (quadratic growth gives 4× and 16×). Exits 1 when a shape fails, unless it is named in
//! SCALING_ALLOW (comma-separated). Run: `cargo bench --bench scaling [SHAPE...]`.

use std::time::{Duration, Instant};

use concord::engine::{Input, Kind};
use concord::formats::Container;
use concord::markup::Format;
use concord::{Engine, Options};

/// How much more a unit of input may cost at 16× than at 1× (noise on a shared machine).
const TOLERANCE: f64 = 2.5;

const WORDS: &[&str] = &[
    "the",
    "talks",
    "in",
    "Geneva",
    "ended",
    "on",
    "Thursday",
    "with",
    "a",
    "pledge",
    "by",
    "ministers",
    "to",
    "meet",
    "again",
    "next",
    "year",
    "officials",
    "said",
    "and",
    "12",
    "percent",
    "of",
    "voters",
    "Antony",
    "Blinken",
    "Kiev",
    "2.5",
    "million",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
    fn sentence(&mut self) -> String {
        let mut s: Vec<&str> = (0..10).map(|_| WORDS[self.next() % WORDS.len()]).collect();
        s.push("end.");
        s.join(" ")
    }
}

/// One input shape at a growth factor: the inputs of a run (files are written to `dir`).
type Shape = fn(usize, &std::path::Path) -> Vec<Input>;

fn text(name: &str, text: String) -> Input {
    Input::Bytes {
        name: name.into(),
        bytes: text.into_bytes(),
        kind: Kind::Text(Format::Plain),
    }
}

fn jsonl(name: &str, text: String) -> Input {
    Input::Bytes {
        name: name.into(),
        bytes: text.into_bytes(),
        kind: Kind::Container(Container::Jsonl),
    }
}

fn segment(source: &str, target: &str) -> String {
    serde_json::json!({"source": source, "target": target, "source_lang": "en", "target_lang": "en"})
        .to_string()
}

fn many_lines(k: usize, _: &std::path::Path) -> Vec<Input> {
    let mut r = Rng(7);
    let lines: Vec<String> = (0..500 * k).map(|_| r.sentence()).collect();
    vec![text("lines.en.txt", lines.join("\n"))]
}

fn long_line(k: usize, _: &std::path::Path) -> Vec<Input> {
    let mut r = Rng(8);
    let line: Vec<String> = (0..500 * k).map(|_| r.sentence()).collect();
    vec![text("line.en.txt", line.join(" "))]
}

fn huge_segment(k: usize, _: &std::path::Path) -> Vec<Input> {
    let mut r = Rng(9);
    let side = |r: &mut Rng| {
        (0..250 * k)
            .map(|_| r.sentence())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (s, t) = (side(&mut r), side(&mut r));
    vec![jsonl("segment.jsonl", segment(&s, &t))]
}

fn many_segments(k: usize, _: &std::path::Path) -> Vec<Input> {
    let mut r = Rng(10);
    let lines: Vec<String> = (0..250 * k)
        .map(|_| segment(&r.sentence(), &r.sentence()))
        .collect();
    vec![jsonl("segments.jsonl", lines.join("\n"))]
}

fn long_source(k: usize, dir: &std::path::Path) -> Vec<Input> {
    let mut r = Rng(11);
    let source: Vec<String> = (0..250 * k).map(|_| r.sentence()).collect();
    let target: Vec<String> = (0..10).map(|_| r.sentence()).collect();
    let (s, t) = (
        dir.join(format!("s{k}.es.txt")),
        dir.join(format!("s{k}.en.txt")),
    );
    std::fs::write(&s, source.join("\n\n")).unwrap();
    std::fs::write(&t, target.join("\n\n")).unwrap();
    vec![Input::Pair {
        source: s,
        target: t,
    }]
}

fn giant_word(k: usize, _: &std::path::Path) -> Vec<Input> {
    let word: String = "Ab".repeat(2000 * k);
    vec![text(
        "word.en.txt",
        format!("Officials met {word} today. {word} left."),
    )]
}

fn similar_names(k: usize, _: &std::path::Path) -> Vec<Input> {
    let a: String = "Kowalski".repeat(150 * k);
    let b = format!("{}Kowalsky", &a[..a.len() - 8]);
    vec![text(
        "names.en.txt",
        format!("Talks with {a} ended. Later {b} spoke. {a} agreed."),
    )]
}

const SHAPES: &[(&str, Shape)] = &[
    ("many-short-lines", many_lines),
    ("one-long-line", long_line),
    ("huge-jsonl-segment", huge_segment),
    ("many-jsonl-segments", many_segments),
    ("long-source-short-target", long_source),
    ("giant-capitalised-word", giant_word),
    ("two-similar-long-names", similar_names),
];

fn time(engine: &Engine, inputs: &[Input]) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let report = engine.run(inputs.to_vec());
            std::hint::black_box(report.findings.len());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let allowed: Vec<String> = std::env::var("SCALING_ALLOW")
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .collect();
    let mut set = concord::glossary::GlossarySet::default();
    for (origin, g) in concord::glossary::builtin().expect("shipped glossaries load") {
        set.push(origin, g);
    }
    let engine = Engine::new(set, Options::default());
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut failed = Vec::new();
    println!(
        "{:26} {:>9} {:>9} {:>9}  cost per unit at 4×, 16×",
        "shape", "1×", "4×", "16×"
    );
    for &(name, shape) in SHAPES {
        if !wanted.is_empty() && !wanted.iter().any(|w| w == name) {
            continue;
        }
        let base = time(&engine, &shape(1, dir.path())).as_secs_f64().max(1e-4);
        let t4 = time(&engine, &shape(4, dir.path())).as_secs_f64();
        let r4 = t4 / base / 4.0;
        // Already superlinear at 4×: 16× would only take long to say so.
        let (t16, r16) = if r4 > TOLERANCE * 2.0 {
            (f64::NAN, f64::NAN)
        } else {
            let t16 = time(&engine, &shape(16, dir.path())).as_secs_f64();
            (t16, t16 / base / 16.0)
        };
        let ok = r4 <= TOLERANCE * 2.0 && r16 <= TOLERANCE;
        let verdict = match (ok, allowed.iter().any(|a| a == name)) {
            (true, _) => "linear",
            (false, true) => "SUPERLINEAR (allowed by SCALING_ALLOW)",
            (false, false) => "SUPERLINEAR",
        };
        println!("{name:26} {base:8.3}s {t4:8.3}s {t16:8.3}s  {r4:.2}, {r16:.2}  {verdict}");
        if !ok && !allowed.iter().any(|a| a == name) {
            failed.push(name);
        }
    }
    if !failed.is_empty() {
        eprintln!("superlinear: {}", failed.join(", "));
        std::process::exit(1);
    }
}

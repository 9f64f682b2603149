//! How clustering the corpus's names scales: synthetic name uses for 10 thousand to 1 million
//! documents (four name words each, one surname in a hundred misspelt), clustered by the
//! register as a run would. Prints the time, the pairs actually compared against the pairs a
//! naive all-against-all comparison would need, and the cost per name use relative to the
//! smallest corpus, measured in this same process. Run: `cargo bench --bench names`.

use std::time::Instant;

use concord::corpus::{DocNames, NameUse, Register};
use concord::lang::LangTag;

const FIRST: &[&str] = &[
    "Anna", "Tomasz", "Olena", "Ivan", "Maria", "Pedro", "Sofia", "Omar", "Lena", "Karim", "Ines",
    "Jonas",
];
const ONSET: &[&str] = &[
    "b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "ch", "kh", "br", "dr",
    "st", "tr",
];
const VOWEL: &[&str] = &["a", "e", "i", "o", "u", "ia", "ie"];
const CODA: &[&str] = &[
    "enko", "ski", "ov", "ev", "ich", "yan", "dze", "escu", "oglu", "ez", "son", "ian",
];

/// A small deterministic generator (xorshift), so every run measures the same corpus.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

fn surname(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..(2 + rng.next() % 2) {
        s.push_str(rng.pick(ONSET));
        s.push_str(rng.pick(VOWEL));
    }
    s.push_str(rng.pick(CODA));
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn misspell(s: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = s.chars().collect();
    let i = 1 + (rng.next() as usize) % (chars.len() - 1);
    let mut out: String = chars[..i].iter().collect();
    out.push(chars[i]);
    out.extend(&chars[i..]);
    out
}

fn corpus(docs: usize) -> Vec<DocNames> {
    let mut rng = Rng(0x5eed + docs as u64);
    let names: Vec<(String, String)> = (0..(docs / 5).max(100))
        .map(|_| (rng.pick(FIRST).to_string(), surname(&mut rng)))
        .collect();
    let lang = LangTag::parse("en").expect("en is a tag");
    (0..docs)
        .map(|_| {
            let mut uses = Vec::new();
            for _ in 0..2 {
                let (first, last) = &names[(rng.next() as usize) % names.len()];
                let last = if rng.next().is_multiple_of(100) {
                    misspell(last, &mut rng)
                } else {
                    last.clone()
                };
                let words: std::sync::Arc<[String]> =
                    vec![first.to_lowercase(), last.to_lowercase()].into();
                for (pos, text) in [first.clone(), last.clone()].into_iter().enumerate() {
                    uses.push(NameUse {
                        words: words.clone(),
                        pos,
                        text,
                        mention: format!("{first} {last}").into(),
                        line: 1,
                        column: 1,
                        end_line: 1,
                        end_column: 1,
                        byte_start: 0,
                        byte_end: 0,
                        known: None,
                    });
                }
            }
            let mut counts = std::collections::HashMap::new();
            for u in &uses {
                *counts.entry(u.words[u.pos].clone()).or_insert(0) += 1;
            }
            DocNames {
                lang: Some(lang.clone()),
                uses,
                counts,
                links: Vec::new(),
            }
        })
        .collect()
}

fn main() {
    println!(
        "{:>10} {:>10} {:>10} {:>14} {:>18} {:>9} {:>12} {:>8}",
        "documents",
        "uses",
        "spellings",
        "compared",
        "naive pairs",
        "seconds",
        "µs per use",
        "ratio"
    );
    let mut base: Option<f64> = None;
    for docs in [10_000, 100_000, 1_000_000] {
        let data = corpus(docs);
        let paths: Vec<String> = (0..docs).map(|d| format!("doc{d:07}.txt")).collect();
        let uses: usize = data.iter().map(|d| d.uses.len()).sum();
        let start = Instant::now();
        let register = Register::build(&paths, &data);
        let secs = start.elapsed().as_secs_f64();
        let per_use = secs * 1e6 / uses as f64;
        let ratio = per_use / *base.get_or_insert(per_use);
        let n = register.effort.spellings as f64;
        println!(
            "{:>10} {:>10} {:>10} {:>14} {:>18.0} {:>9.2} {:>12.3} {:>8.2}",
            docs,
            uses,
            register.effort.spellings,
            register.effort.compared,
            n * (n - 1.0) / 2.0,
            secs,
            per_use,
            ratio
        );
    }
}

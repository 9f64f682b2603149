//! The name register built in parts: for any split of a corpus, the parts' registers, written
//! as JSON Lines, read back and merged in any order, are the register of the whole, byte for
//! byte, and report the same `name/corpus` findings.

use std::sync::OnceLock;

use proptest::prelude::*;

use concord::corpus::{self, Register, Tally};
use concord::engine::{Input, Kind, Run};
use concord::markup::Format;
use concord::{Engine, Options};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut set = concord::glossary::GlossarySet::default();
        for (origin, g) in concord::glossary::builtin().expect("shipped glossaries") {
            set.push(origin, g);
        }
        Engine::new(set, Options::default())
    })
}

const FIRST: &[&str] = &["Rafael", "Olena", "Tomasz", "Amina"];
/// Surnames and a misspelling of each.
const LAST: &[[&str; 2]] = &[
    ["Quintanilla", "Quintanila"],
    ["Kovalenko", "Kowalenko"],
    ["Wierzbicki", "Wierzbiki"],
    ["Haddad", "Hadad"],
];
const ROLE: &[&str] = &["Harbour master", "Mayor", "Minister", "Professor"];

/// An article naming people: (first name, surname, misspelt) for each sentence.
fn article(people: &[(usize, usize, bool)]) -> String {
    let mut text = String::from("Port news of the week\n\n");
    for (i, &(f, l, typo)) in people.iter().enumerate() {
        let last = LAST[l][usize::from(typo)];
        text.push_str(&format!(
            "{} {} {last} said on Monday that the quay would reopen in {} weeks.\n\n",
            ROLE[(f + l) % ROLE.len()],
            FIRST[f],
            i + 2
        ));
    }
    text
}

fn inputs(docs: &[String], which: impl Fn(usize) -> bool) -> Vec<Input> {
    docs.iter()
        .enumerate()
        .filter(|(i, _)| which(*i))
        .map(|(i, text)| Input::Bytes {
            name: format!("desk/story-{i:02}.en.txt"),
            bytes: text.clone().into_bytes(),
            kind: Kind::Text(Format::Plain),
        })
        .collect()
}

fn tally(inputs: Vec<Input>) -> Tally {
    let run = Run {
        threads: 2,
        ..Run::default()
    };
    let (tally, errors) = engine().tally(inputs.into_iter(), run);
    assert!(errors.is_empty(), "{errors:?}");
    tally
}

fn written(tally: &Tally) -> Vec<u8> {
    let mut out = Vec::new();
    corpus::write(&mut out, tally).expect("written to memory");
    out
}

fn person() -> impl Strategy<Value = (usize, usize, bool)> {
    (0..FIRST.len(), 0..LAST.len(), prop::bool::weighted(0.15))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn merged_parts_are_the_register_of_the_whole(
        docs in prop::collection::vec(prop::collection::vec(person(), 1..4), 2..10),
        split in prop::collection::vec(0..4usize, 10),
        reverse in any::<bool>(),
    ) {
        let docs: Vec<String> = docs.iter().map(|p| article(p)).collect();
        let whole = tally(inputs(&docs, |_| true));
        let mut parts: Vec<Vec<u8>> = (0..4)
            .map(|k| written(&tally(inputs(&docs, |i| split[i] == k))))
            .collect();
        if reverse {
            parts.reverse();
        }
        let mut merged: Option<Tally> = None;
        for p in &parts {
            let part = corpus::read(&p[..], "part").expect("a part reads back");
            match &mut merged {
                None => merged = Some(part),
                Some(m) => m.merge(part).expect("same glossaries"),
            }
        }
        let merged = merged.expect("four parts");
        prop_assert_eq!(
            String::from_utf8(written(&merged)).unwrap(),
            String::from_utf8(written(&whole)).unwrap()
        );
        // And the findings: each document checked against the merged register is what the
        // whole run reports.
        let run = Run::default();
        let from_parts =
            engine().collect(inputs(&docs, |_| true).into_iter(), Some(&Register::new(merged)), run);
        let direct = engine().run(inputs(&docs, |_| true));
        prop_assert_eq!(from_parts.findings, direct.findings);
    }
}

#[test]
fn a_misspelt_surname_is_reported_across_the_split() {
    // Three stories spell it one way, one another: the finding does not depend on which part
    // the stories were read in.
    let docs: Vec<String> = [false, false, true, false]
        .iter()
        .map(|&typo| article(&[(0, 0, typo)]))
        .collect();
    let mut merged = tally(inputs(&docs, |i| i < 2));
    merged.merge(tally(inputs(&docs, |i| i >= 2))).unwrap();
    let report = engine().collect(
        inputs(&docs, |_| true).into_iter(),
        Some(&Register::new(merged)),
        Run::default(),
    );
    let corpus: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "name/corpus")
        .collect();
    assert_eq!(corpus.len(), 1, "{:?}", report.findings);
    assert_eq!(corpus[0].path, "desk/story-02.en.txt");
    assert_eq!(corpus[0].text, "Quintanila");
}

#[test]
fn one_pass_and_two_passes_agree_where_a_directive_hides_a_name_finding() {
    // The first story spells the surname two ways and hides that finding: the register counts
    // its names without the link that finding makes, in one pass as in two.
    let hidden = "Port news\n\nMayor Rafael Quintanilla opened the quay.\n\n\
                  <!-- concord-disable-next-line name/inconsistent -->\n\
                  Rafael Quintanila said it would stay open.\n";
    let docs: Vec<(String, String)> = vec![
        ("desk/a.en.md".into(), hidden.into()),
        (
            "desk/b.en.md".into(),
            article(&[(0, 0, false), (1, 1, true)]),
        ),
        (
            "desk/c.en.md".into(),
            article(&[(0, 0, true), (1, 1, false)]),
        ),
        ("desk/d.en.md".into(), article(&[(1, 1, false)])),
    ];
    let inputs = || {
        docs.iter()
            .map(|(name, text)| Input::Bytes {
                name: name.clone(),
                bytes: text.clone().into_bytes(),
                kind: Kind::Text(Format::Markdown),
            })
            .collect::<Vec<_>>()
    };
    let two = engine().collect(
        inputs().into_iter(),
        Some(&Register::new(tally(inputs()))),
        Run::default(),
    );
    let one = engine().run(inputs());
    assert_eq!(one.findings, two.findings);
    assert!(
        one.findings.iter().any(|f| f.rule == "name/corpus"),
        "{:?}",
        one.findings
    );
    assert!(
        !one.findings
            .iter()
            .any(|f| f.path == "desk/a.en.md" && f.rule == "name/inconsistent")
    );
}

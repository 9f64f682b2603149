//! Paragraph alignment of a translation with its source: Gale and Church's length-based
//! dynamic programme (1993), with anchors that survive translation (numbers and names) to
//! break ties, and a confidence for each aligned group so that doubtful ones are reported
//! instead of guessed.

/// What one side of a paragraph tells the aligner: its length and its anchors.
#[derive(Debug, Clone, Default)]
pub struct Para {
    /// Length in characters.
    pub len: usize,
    /// Numbers and name keys, sorted and unique.
    pub anchors: Vec<String>,
}

/// A group of consecutive source paragraphs aligned with consecutive target paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub source: std::ops::Range<usize>,
    pub target: std::ops::Range<usize>,
    /// Whether the group can be trusted: not an insertion or deletion, and either of
    /// plausible length ratio or confirmed by shared anchors.
    pub confident: bool,
}

/// Moves and their prior probabilities (Gale and Church's estimates).
const MOVES: &[(usize, usize, f64)] = &[
    (1, 1, 0.89),
    (1, 0, 0.0099),
    (0, 1, 0.0099),
    (2, 1, 0.089),
    (1, 2, 0.089),
    (2, 2, 0.011),
    (3, 1, 0.005),
    (1, 3, 0.005),
];
/// Variance of the length ratio per character.
const VARIANCE: f64 = 6.8;
/// Weight of anchor agreement against length evidence.
const ANCHOR_WEIGHT: f64 = 4.0;

/// Two-sided tail probability of the standard normal distribution.
fn tail(z: f64) -> f64 {
    // Abramowitz and Stegun 7.1.26, precise to 1e-7: enough to rank alignments.
    let t = 1.0 / (1.0 + 0.3275911 * z.abs() / std::f64::consts::SQRT_2);
    let poly = t
        * (0.254829592
            + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    (poly * (-(z * z) / 2.0).exp()).clamp(1e-12, 1.0)
}

/// Probability that lengths `ls` and `lt` translate each other, given the ratio `c`.
fn length_probability(ls: usize, lt: usize, c: f64) -> f64 {
    let (ls, lt) = (ls as f64, lt as f64);
    let mean = (ls + lt / c) / 2.0;
    if mean == 0.0 {
        return 1.0;
    }
    let delta = (lt - ls * c) / (mean * VARIANCE).sqrt();
    tail(delta)
}

/// Agreement of anchors: shared over all, in [0, 1]; `None` when neither side has any.
fn anchor_agreement(a: &[&String], b: &[&String]) -> Option<f64> {
    if a.is_empty() && b.is_empty() {
        return None;
    }
    let shared = a.iter().filter(|x| b.contains(x)).count() as f64;
    Some(2.0 * shared / (a.len() + b.len()) as f64)
}

fn anchors(paras: &[Para]) -> Vec<&String> {
    let mut v: Vec<&String> = paras.iter().flat_map(|p| &p.anchors).collect();
    v.sort();
    v.dedup();
    v
}

/// Aligns `source` with `target` paragraphs.
pub fn align(source: &[Para], target: &[Para]) -> Vec<Bead> {
    let (n, m) = (source.len(), target.len());
    let total_s: usize = source.iter().map(|p| p.len).sum();
    let total_t: usize = target.iter().map(|p| p.len).sum();
    // The expected length ratio of this language pair, from the two texts themselves.
    let c = if total_s == 0 || total_t == 0 {
        1.0
    } else {
        total_t as f64 / total_s as f64
    };
    let mut cost = vec![vec![f64::INFINITY; m + 1]; n + 1];
    let mut back = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    cost[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if cost[i][j].is_infinite() {
                continue;
            }
            for &(di, dj, prior) in MOVES {
                let (ni, nj) = (i + di, j + dj);
                if ni > n || nj > m {
                    continue;
                }
                let c_move = move_cost(&source[i..ni], &target[j..nj], c, prior);
                if cost[i][j] + c_move < cost[ni][nj] {
                    cost[ni][nj] = cost[i][j] + c_move;
                    back[ni][nj] = (i, j);
                }
            }
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (pi, pj) = back[i][j];
        let (s, t) = (&source[pi..i], &target[pj..j]);
        beads.push(Bead {
            source: pi..i,
            target: pj..j,
            confident: confident(s, t, c),
        });
        (i, j) = (pi, pj);
    }
    beads.reverse();
    beads
}

fn move_cost(s: &[Para], t: &[Para], c: f64, prior: f64) -> f64 {
    let ls: usize = s.iter().map(|p| p.len).sum();
    let lt: usize = t.iter().map(|p| p.len).sum();
    let mut cost = -(prior.ln());
    if !s.is_empty() && !t.is_empty() {
        cost -= length_probability(ls, lt, c).ln();
        if let Some(agree) = anchor_agreement(&anchors(s), &anchors(t)) {
            cost += ANCHOR_WEIGHT * (1.0 - agree);
        }
    }
    cost
}

fn confident(s: &[Para], t: &[Para], c: f64) -> bool {
    if s.is_empty() || t.is_empty() {
        return false;
    }
    let ls: usize = s.iter().map(|p| p.len).sum();
    let lt: usize = t.iter().map(|p| p.len).sum();
    let plausible = length_probability(ls, lt, c) >= 0.05;
    // Numbers that all changed are what the number check is for: only names that all differ
    // overrule a plausible length.
    fn names(p: &[Para]) -> Vec<&String> {
        anchors(p)
            .into_iter()
            .filter(|a| !a.starts_with(|c: char| c.is_ascii_digit()))
            .collect()
    }
    match (
        anchor_agreement(&anchors(s), &anchors(t)),
        anchor_agreement(&names(s), &names(t)),
    ) {
        (Some(a), _) if a >= 0.5 => true,
        (_, Some(0.0)) => false,
        _ => plausible,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(len: usize, anchors: &[&str]) -> Para {
        Para {
            len,
            anchors: anchors.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn one_to_one_when_lengths_agree() {
        let s = [p(100, &["2023"]), p(200, &["blinken"]), p(50, &[])];
        let t = [p(110, &["2023"]), p(230, &["blinken"]), p(55, &[])];
        let beads = align(&s, &t);
        assert_eq!(
            beads
                .iter()
                .map(|b| (b.source.clone(), b.target.clone()))
                .collect::<Vec<_>>(),
            [(0..1, 0..1), (1..2, 1..2), (2..3, 2..3)]
        );
        assert!(beads.iter().all(|b| b.confident));
    }

    #[test]
    fn a_split_paragraph_aligns_one_to_two() {
        let s = [
            p(100, &["kyiv"]),
            p(400, &["1500", "lavrov", "moscow"]),
            p(120, &["geneva"]),
        ];
        let t = [
            p(105, &["kyiv"]),
            p(190, &["1500", "lavrov"]),
            p(220, &["moscow"]),
            p(125, &["geneva"]),
        ];
        let beads = align(&s, &t);
        let pairs: Vec<_> = beads
            .iter()
            .map(|b| (b.source.clone(), b.target.clone()))
            .collect();
        assert_eq!(pairs, [(0..1, 0..1), (1..2, 1..3), (2..3, 3..4)]);
        assert!(beads.iter().all(|b| b.confident));
    }

    #[test]
    fn changed_numbers_do_not_make_a_paragraph_doubtful() {
        // One paragraph each, of plausible lengths: every number changed, the names agree or
        // are absent; a changed name alone still makes it doubtful.
        let beads = align(&[p(100, &["1993", "68"])], &[p(104, &["1983", "86"])]);
        assert!(beads[0].confident);
        let beads = align(&[p(100, &["1993", "sanc"])], &[p(104, &["1983", "sanc"])]);
        assert!(beads[0].confident);
        let beads = align(&[p(100, &["sanc"])], &[p(104, &["merk"])]);
        assert!(!beads[0].confident);
    }

    #[test]
    fn unrelated_texts_are_not_confident() {
        let s = [p(300, &["paris", "2019"]), p(80, &["macron"])];
        let t = [p(40, &["tokyo"]), p(500, &["kishida", "1998"]), p(60, &[])];
        let beads = align(&s, &t);
        assert!(beads.iter().any(|b| !b.confident));
    }
}

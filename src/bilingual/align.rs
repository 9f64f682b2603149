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
    // Both sorted: count the shared ones in one merge, not a search per anchor.
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, shared) = (i + 1, j + 1, shared + 1),
        }
    }
    let shared = shared as f64;
    Some(2.0 * shared / (a.len() + b.len()) as f64)
}

fn anchors(paras: &[Para]) -> Vec<&String> {
    let mut v: Vec<&String> = paras.iter().flat_map(|p| &p.anchors).collect();
    v.sort();
    v.dedup();
    v
}

/// How far (in paragraphs, on the longer side) an alignment may stray from the diagonal: the
/// dynamic programme only visits this band, so its cost grows with the longer text, not with
/// the product of the two lengths. Translators split and merge a few paragraphs, not dozens.
const BAND: usize = 64;

/// The cells of the dynamic programme a band allows: for each source row, the first target
/// column and the costs and back-pointers of the columns from there.
struct Banded {
    n: usize,
    m: usize,
    width: usize,
    lo: Vec<usize>,
    hi: Vec<usize>,
    cost: Vec<Vec<f64>>,
    back: Vec<Vec<(usize, usize)>>,
}

impl Banded {
    /// Cell (i, j) is in the band when |i·m − j·n| ≤ BAND·max(n, m).
    fn new(n: usize, m: usize) -> Banded {
        let width = BAND * n.max(m).max(1);
        let (mut lo, mut hi) = (Vec::with_capacity(n + 1), Vec::with_capacity(n + 1));
        for i in 0..=n {
            let (diag, nn) = (i * m, n.max(1));
            lo.push(diag.saturating_sub(width).div_ceil(nn).min(m));
            hi.push(((diag + width) / nn).min(m));
        }
        let cost = (0..=n)
            .map(|i| vec![f64::INFINITY; hi[i] + 1 - lo[i]])
            .collect();
        let back = (0..=n).map(|i| vec![(0, 0); hi[i] + 1 - lo[i]]).collect();
        Banded {
            n,
            m,
            width,
            lo,
            hi,
            cost,
            back,
        }
    }

    fn contains(&self, i: usize, j: usize) -> bool {
        i <= self.n && j <= self.m && (i * self.m).abs_diff(j * self.n) <= self.width
    }

    fn cost(&self, i: usize, j: usize) -> f64 {
        self.cost[i][j - self.lo[i]]
    }
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
    let mut dp = Banded::new(n, m);
    dp.cost[0][0] = 0.0;
    for i in 0..=n {
        for j in dp.lo[i]..=dp.hi[i] {
            let here = dp.cost(i, j);
            if here.is_infinite() {
                continue;
            }
            for &(di, dj, prior) in MOVES {
                let (ni, nj) = (i + di, j + dj);
                if !dp.contains(ni, nj) {
                    continue;
                }
                let c_move = move_cost(&source[i..ni], &target[j..nj], c, prior);
                let at = nj - dp.lo[ni];
                if here + c_move < dp.cost[ni][at] {
                    dp.cost[ni][at] = here + c_move;
                    dp.back[ni][at] = (i, j);
                }
            }
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (pi, pj) = dp.back[i][j - dp.lo[i]];
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
    fn the_band_grows_with_the_longer_side_only() {
        for (n, m) in [(10, 10), (1000, 20), (20, 1000), (5000, 5000), (100_000, 3)] {
            let dp = Banded::new(n, m);
            let cells: usize = (0..=n).map(|i| dp.hi[i] + 1 - dp.lo[i]).sum();
            assert!(
                cells <= (2 * BAND + 2) * (n.max(m) + 1),
                "{n}×{m}: {cells} cells"
            );
            assert!(dp.contains(0, 0) && dp.contains(n, m));
        }
        // Short texts are aligned over the whole table, as before the band.
        let dp = Banded::new(BAND, 3 * BAND);
        assert!((0..=BAND).all(|i| dp.lo[i] == 0 && dp.hi[i] == 3 * BAND));
    }

    #[test]
    fn a_long_source_against_a_short_target_ends_at_both_ends() {
        let s: Vec<Para> = (0..3000).map(|i| p(50 + i % 7, &[])).collect();
        let t: Vec<Para> = (0..5).map(|_| p(52, &[])).collect();
        let beads = align(&s, &t);
        assert_eq!(
            beads.first().map(|b| (b.source.start, b.target.start)),
            Some((0, 0))
        );
        assert_eq!(
            beads.last().map(|b| (b.source.end, b.target.end)),
            Some((3000, 5))
        );
        assert!(
            beads
                .windows(2)
                .all(|w| w[0].source.end == w[1].source.start
                    && w[0].target.end == w[1].target.start)
        );
    }

    #[test]
    fn unrelated_texts_are_not_confident() {
        let s = [p(300, &["paris", "2019"]), p(80, &["macron"])];
        let t = [p(40, &["tokyo"]), p(500, &["kishida", "1998"]), p(60, &[])];
        let beads = align(&s, &t);
        assert!(beads.iter().any(|b| !b.confident));
    }
}

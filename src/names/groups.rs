//! Disjoint sets for grouping spellings into names: joined pairwise, read out as groups in
//! a deterministic order (by smallest member).

pub struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    pub fn new(n: usize) -> Groups {
        Groups {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    pub fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        self.parent[ra.max(rb)] = ra.min(rb);
    }

    /// Every group, singletons included, ordered by their smallest member.
    pub fn into_groups(mut self) -> Vec<Vec<usize>> {
        let mut groups: std::collections::BTreeMap<usize, Vec<usize>> =
            std::collections::BTreeMap::new();
        for i in 0..self.parent.len() {
            let r = self.find(i);
            groups.entry(r).or_default().push(i);
        }
        groups.into_values().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Groups;

    #[test]
    fn joins_are_transitive_and_ordered() {
        let mut g = Groups::new(5);
        g.join(3, 1);
        g.join(4, 3);
        assert_eq!(g.into_groups(), [vec![0], vec![1, 3, 4], vec![2]]);
    }
}

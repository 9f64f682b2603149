//! Quotations in running text: the spans between matching quotation marks, in the styles
//! news languages use: “…” (English, Spanish), „…“ and »…« (German, Czech, Danish), „…” (Polish,
//! Hungarian), ”…” and »…» (Swedish, Finnish), «…» (French, Russian), ‹…› and ›…‹, 「…」 and
//! 『…』 (Japanese, Chinese), and straight "…".

use std::ops::Range;

/// Opening marks and the closing marks that end them.
const PAIRS: &[(char, &[char])] = &[
    ('“', &['”']),
    ('„', &['“', '”']),
    ('”', &['”']),
    ('«', &['»']),
    ('»', &['«', '»']),
    ('‹', &['›']),
    ('›', &['‹']),
    ('「', &['」']),
    ('『', &['』']),
    ('"', &['"']),
];

/// The inner spans of the quotations in `text[range]`, outermost only.
pub fn quotations(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &[char])> = None;
    let mut nested = 0usize;
    // Every other character is passed over before the table is read: this runs over every
    // paragraph of every document.
    let mark = |c: char| {
        matches!(
            c,
            '"' | '«' | '»' | '“' | '”' | '„' | '‹' | '›' | '「' | '」' | '『' | '』'
        )
    };
    for (i, c) in text[range.clone()].char_indices().filter(|&(_, c)| mark(c)) {
        let at = range.start + i;
        match open {
            Some((start, closers)) if closers.contains(&c) => {
                // A mark that both opens and closes ("…", ”…”, »…») never nests.
                if nested > 0 && !PAIRS.iter().any(|(o, cl)| *o == c && cl.contains(&c)) {
                    nested -= 1;
                } else {
                    out.push(start..at);
                    open = None;
                    nested = 0;
                }
            }
            Some(_) => {
                if PAIRS.iter().any(|(o, cl)| *o == c && !cl.contains(&c)) {
                    nested += 1;
                }
            }
            None => {
                if let Some((_, closers)) = PAIRS.iter().find(|(o, _)| *o == c) {
                    open = Some((at + c.len_utf8(), closers));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_of_the_table_is_looked_at() {
        let marks: Vec<char> = PAIRS
            .iter()
            .flat_map(|(o, cl)| std::iter::once(*o).chain(cl.iter().copied()))
            .collect();
        for c in marks {
            let text = format!("{c}x{c}");
            let expected = PAIRS
                .iter()
                .find(|(o, _)| *o == c)
                .map(|(_, cl)| cl.contains(&c));
            // A mark that opens and closes itself quotes the x between two of them.
            if expected == Some(true) {
                assert_eq!(quotations(&text, 0..text.len()).len(), 1, "{c}");
            }
        }
        for (o, cl) in PAIRS {
            for c in cl.iter() {
                let text = format!("{o}x{c}");
                assert_eq!(quotations(&text, 0..text.len()).len(), 1, "{o}{c}");
            }
        }
    }

    #[test]
    fn quotation_styles() {
        let text =
            "He said “a global solution” and «une solution» then „eine Lösung“ and \"plain\".";
        let q: Vec<&str> = quotations(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            q,
            ["a global solution", "une solution", "eine Lösung", "plain"]
        );
    }

    #[test]
    fn every_language_marks() {
        let text = "„a“ „b” ”c” »d« »e» ‹f› ›g‹ 「h」 『i』 «j „k“ l»";
        let q: Vec<&str> = quotations(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(q, ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j „k“ l"]);
    }

    #[test]
    fn unclosed_quotes_yield_nothing() {
        let text = "He said “a global solution and left.";
        assert!(quotations(text, 0..text.len()).is_empty());
    }
}

//! `text/invisible`: invisible characters (zero-width spaces and joiners, soft hyphens,
//! directional marks, variation selectors, tags…) where the script around them has no use for
//! them. A CMS leaves them behind, and they hide words from readers' searches and from
//! editors; concord still matches through them, and reports them so that they are removed.

use std::ops::Range;

use super::{Check, Context, Example, Rule};
use crate::finding::{Finding, Fix, Severity};
use crate::normalize::is_invisible;

pub struct TextInvisible;

const RULES: &[Rule] = &[Rule {
    id: "text/invisible",
    severity: Severity::Warning,
    summary: "an invisible character inside or beside a word, where its script has no use for it",
    explanation: "A zero-width space or joiner, a soft hyphen, a directional mark, a variation \
        selector, a tag or another invisible formatting character, as a CMS or a copy from a \
        web page leaves it. Glossary rules still match through it, but readers' searches and \
        spelling checkers do not. Left alone: one beside a letter of a script that shapes \
        letters with joiners or writes words without spaces (Arabic, Persian, the Indic \
        scripts, Thai, Japanese…) or inside an emoji sequence, and directional marks in a \
        paragraph with right-to-left text. `--fix` removes it in articles; in XLIFF, TMX and JSON Lines it \
        may be written as an escape and is for a person to remove.",
    example: Example::text("en", "The delegation met the minister on Mon\u{200B}day."),
}];

impl Check for TextInvisible {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn run(&self, cx: &Context<'_>) -> Vec<Finding> {
        let doc = cx.doc;
        let mut out = Vec::new();
        for seg in &doc.segments {
            let text = &doc.prose[seg.clone()];
            // Directional marks belong in a paragraph with right-to-left text.
            let mut rtl: Option<bool> = None;
            let mut runs: Vec<Range<usize>> = Vec::new();
            for (i, c) in text.char_indices().filter(|&(_, c)| is_invisible(c)) {
                let at = seg.start + i;
                match runs.last_mut() {
                    Some(r) if r.end == at => r.end = at + c.len_utf8(),
                    _ => runs.push(at..at + c.len_utf8()),
                }
            }
            for run in runs {
                let before = doc.prose[..run.start].chars().next_back();
                let after = doc.prose[run.end..].chars().next();
                let hidden = &doc.prose[run.clone()];
                let is_rtl = || *rtl.get_or_insert_with(|| text.chars().any(right_to_left));
                if legitimate(hidden, before, after, is_rtl) {
                    continue;
                }
                out.push(finding(cx, run, hidden));
            }
        }
        out
    }
}

fn finding(cx: &Context<'_>, run: Range<usize>, hidden: &str) -> Finding {
    let doc = cx.doc;
    let names: Vec<String> = hidden.chars().map(describe).collect();
    let word = word_around(&doc.text, run.clone());
    let message = format!(
        "invisible {} {} in {}: remove {}",
        if names.len() == 1 {
            "character"
        } else {
            "characters"
        },
        names.join(", "),
        super::q(&word.replace(|c: char| is_invisible(c), "")),
        if names.len() == 1 { "it" } else { "them" },
    );
    let mut f = cx.finding(
        "text/invisible",
        Severity::Warning,
        run,
        message,
        Vec::new(),
    );
    // In a container the character may be written as an escape: a person removes it there.
    if doc.origin.is_none() {
        f.fix = Some(Fix {
            byte_start: f.byte_start,
            byte_end: f.byte_end,
            replacement: String::new(),
        });
    }
    f
}

/// The word around an invisible run (at most 40 characters each side), for the message.
fn word_around(text: &str, run: Range<usize>) -> String {
    const REACH: usize = 40;
    let start = text[..run.start]
        .char_indices()
        .rev()
        .take(REACH)
        .take_while(|&(_, c)| !c.is_whitespace())
        .last()
        .map_or(run.start, |(i, _)| i);
    let end = run.end
        + text[run.end..]
            .char_indices()
            .take(REACH)
            .take_while(|&(_, c)| !c.is_whitespace())
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
    text[start..end].to_string()
}

/// "U+200B (zero-width space)" for the common ones, "U+XXXX" for the rest.
fn describe(c: char) -> String {
    let name = match c {
        '\u{AD}' => " (soft hyphen)",
        '\u{200B}' => " (zero-width space)",
        '\u{200C}' => " (zero-width non-joiner)",
        '\u{200D}' => " (zero-width joiner)",
        '\u{200E}' => " (left-to-right mark)",
        '\u{200F}' => " (right-to-left mark)",
        '\u{2060}' => " (word joiner)",
        '\u{FEFF}' => " (zero-width no-break space)",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{61C}' => {
            " (directional formatting)"
        }
        '\u{FE00}'..='\u{FE0F}' => " (variation selector)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// Whether invisible characters are doing their job here: joiners and separators between
/// letters of scripts that need them (Persian, Hindi, Tamil, Thai, Japanese, Mongolian…),
/// emoji sequences, and directional marks in a paragraph with right-to-left text.
fn legitimate(
    hidden: &str,
    before: Option<char>,
    after: Option<char>,
    rtl: impl FnOnce() -> bool,
) -> bool {
    let needs = |c: Option<char>| c.is_some_and(complex_script);
    let emoji = |c: Option<char>| c.is_some_and(is_emoji);
    let bidi = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{61C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if hidden.chars().all(bidi) {
        return rtl();
    }
    needs(before) || needs(after) || emoji(before) || emoji(after)
}

/// A letter or mark of a script other than Latin, Greek, Cyrillic, Armenian and Georgian: the
/// scripts that shape letters with joiners or write words without spaces.
fn complex_script(c: char) -> bool {
    use unicode_script::{Script, UnicodeScript};
    if c.is_ascii() || !(crate::chars::is_alphanumeric(c) || is_mark(c)) {
        return false;
    }
    !matches!(
        c.script(),
        Script::Latin
            | Script::Greek
            | Script::Cyrillic
            | Script::Armenian
            | Script::Georgian
            | Script::Common
            | Script::Inherited
    )
}

fn is_mark(c: char) -> bool {
    use unicode_script::{Script, UnicodeScript};
    !crate::chars::is_alphanumeric(c) && !c.is_whitespace() && c.script() == Script::Inherited
}

/// Pictographs, and the modifiers and keycap marks emoji sequences join.
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x20E3 | 0xE0020..=0xE007F)
        || c == '\u{FE0F}'
        || c == '\u{200D}'
}

/// A letter of a script written right to left.
fn right_to_left(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFE | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joiners_are_legitimate_where_the_script_needs_them() {
        let no_rtl = || false;
        // Persian ZWNJ, Hindi ZWJ, Thai ZWSP, an emoji sequence.
        assert!(legitimate("\u{200C}", Some('ی'), Some('ه'), no_rtl));
        assert!(legitimate("\u{200D}", Some('्'), Some('ष'), no_rtl));
        assert!(legitimate("\u{200B}", Some('ย'), Some('ก'), no_rtl));
        assert!(legitimate("\u{200D}", Some('👩'), Some('💻'), no_rtl));
        // In Latin or Cyrillic words they only hide.
        assert!(!legitimate("\u{200B}", Some('i'), Some('e'), no_rtl));
        assert!(!legitimate("\u{AD}", Some('К'), Some('и'), no_rtl));
        // Directional marks: in right-to-left paragraphs only.
        assert!(legitimate("\u{200F}", Some('a'), Some(' '), || true));
        assert!(!legitimate("\u{200E}", Some('a'), Some(' '), no_rtl));
    }

    #[test]
    fn messages_name_the_character_and_the_word() {
        assert_eq!(describe('\u{200B}'), "U+200B (zero-width space)");
        assert_eq!(word_around("in Ki\u{200B}ev today", 5..8), "Ki\u{200B}ev");
    }
}

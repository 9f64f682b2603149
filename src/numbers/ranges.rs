//! The last stages: what two neighbouring quantities say together. A height in feet and inches
//! is one length ("6-foot-6"), a year range written short is two years ("1950-53"), and the
//! first end of a range takes the unit of the second ("2 to 4 inches", "entre 5 y 10 cm").
//! Each takes quantities in order and apart, and leaves them so.

use super::quantity::{Dimension, Quantity, Unit, between};

/// "6-foot-6", "6 ft 6", "6 pies, 6 pulgadas", "6 футів і 6 дюймів": a height in feet and
/// inches is one length.
pub(super) fn join_feet_and_inches(text: &str, sorted: Vec<Quantity>) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::with_capacity(sorted.len());
    let mut it = sorted.into_iter().peekable();
    let in_unit = |q: &Quantity, factor: f64| {
        q.unit == Unit::Measure(Dimension::Length) && (q.value - q.as_written * factor).abs() < 1e-9
    };
    while let Some(mut a) = it.next() {
        if let Some(b) = it.peek() {
            let gap = between(text, &a.span, &b.span);
            let inches = b.as_written < 12.0 && (b.unit == Unit::Count || in_unit(b, 0.0254));
            let joined = matches!(gap, "-" | " " | "")
                || (in_unit(b, 0.0254) && is_conjunction(gap.trim_matches([' ', ','])));
            if in_unit(&a, 0.3048) && inches && joined {
                a.value += b.as_written * 0.0254;
                // Written in feet: "6-foot-6" is 6.5 feet, so that "6.6 feet" differs from it
                // exactly rather than within a conversion's tolerance.
                a.as_written = a.value / 0.3048;
                a.span.end = b.span.end;
                it.next();
            }
        }
        out.push(a);
    }
    out
}

/// Nothing, or one short word ("and", "y", "i", "ve", "och"): what joins feet to inches.
fn is_conjunction(gap: &str) -> bool {
    gap.chars().count() <= 3 && gap.chars().all(crate::chars::is_alphabetic)
}

/// A four-digit year range written short: "1950-53" is 1950 to 1953.
pub(super) fn expand_year_ranges(text: &str, out: &mut [Quantity]) {
    for i in 1..out.len() {
        let (a, b) = (&out[i - 1], &out[i]);
        let year =
            a.unit == Unit::Count && (1000.0..2100.0).contains(&a.value) && a.value.fract() == 0.0;
        let short = b.unit == Unit::Count && b.value < 100.0 && b.value.fract() == 0.0;
        let dash = matches!(between(text, &a.span, &b.span), "-" | "–" | "—" | "/");
        if year && short && dash && b.value > a.value % 100.0 {
            let full = (a.value / 100.0).floor() * 100.0 + b.value;
            out[i].value = full;
            out[i].as_written = full;
        }
    }
}

/// Words and signs that join the two ends of a range: "2 to 4 inches", "entre 5 y 10 cm".
const RANGE_JOINS: &[&str] = &[
    "-", "–", "—", "to", "a", "al", "au", "y", "and", "et", "à", "bis", "und", "e", "до", "и",
    "tot", "en", "do", "i", "or", "o", "ou", "oder", "или", "lub", "ai", "až", "ila", "till",
    "och", "або", "і", "та", "到", "至", "～", "〜", "și", "şi", "la", "sau", "til", "og", "eller",
    "ja", "tai", "és", "vagy", "hingga", "sampai", "dan", "atau",
];

/// Whether `joint` (the text between two numbers, spaces trimmed) joins the ends of a range.
pub fn is_range_join(joint: &str) -> bool {
    RANGE_JOINS.iter().any(|j| j.eq_ignore_ascii_case(joint))
}

/// The first end of a range takes the unit of the second: in "2 to 4 inches" both are inches.
pub(super) fn share_range_units(text: &str, out: &mut [Quantity]) {
    for i in (1..out.len()).rev() {
        let (a, b) = (&out[i - 1], &out[i]);
        if a.unit != Unit::Count || a.ordinal || a.span.end > b.span.start {
            continue;
        }
        let joint = between(text, &a.span, &b.span).trim();
        if !is_range_join(joint) {
            continue;
        }
        let (unit, factor) = match b.unit {
            Unit::Measure(Dimension::Temperature) => continue,
            Unit::Measure(_) if b.as_written != 0.0 => (b.unit, b.value / b.as_written),
            Unit::Money(_) | Unit::Percent => (b.unit, 1.0),
            _ => continue,
        };
        let a = &mut out[i - 1];
        a.unit = unit;
        a.as_written = a.value;
        a.value *= factor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::Written;

    fn count(value: f64, span: std::ops::Range<usize>) -> Quantity {
        Quantity::new(span, value, Unit::Count, Written::Words)
    }

    #[test]
    fn short_year_ranges_and_shared_units() {
        let text = "1950-53";
        let mut qs = vec![count(1950.0, 0..4), count(53.0, 5..7)];
        expand_year_ranges(text, &mut qs);
        assert_eq!(qs[1].value, 1953.0);
        let text = "2 to 4 in";
        let mut inches = Quantity::new(
            5..9,
            0.1016,
            Unit::Measure(Dimension::Length),
            Written::Words,
        );
        inches.as_written = 4.0;
        let mut qs = vec![count(2.0, 0..1), inches];
        share_range_units(text, &mut qs);
        assert_eq!(qs[0].unit, Unit::Measure(Dimension::Length));
        assert!((qs[0].value - 0.0508).abs() < 1e-9);
        // Romanian, Danish and Indonesian join the ends with their own words.
        for text in ["5 și 10 cm", "5 til 10 cm", "5 hingga 10 cm"] {
            let end = text.len();
            let mut cm = Quantity::new(
                end - 5..end,
                0.1,
                Unit::Measure(Dimension::Length),
                Written::Words,
            );
            cm.as_written = 10.0;
            let mut qs = vec![count(5.0, 0..1), cm];
            share_range_units(text, &mut qs);
            assert_eq!(qs[0].unit, Unit::Measure(Dimension::Length), "{text}");
        }
    }

    #[test]
    fn feet_and_inches_are_one_length() {
        let text = "6-foot-6";
        let mut feet = Quantity::new(
            0..6,
            6.0 * 0.3048,
            Unit::Measure(Dimension::Length),
            Written::Words,
        );
        feet.as_written = 6.0;
        let joined = join_feet_and_inches(text, vec![feet, count(6.0, 7..8)]);
        assert_eq!(joined.len(), 1);
        assert!((joined[0].value - 1.9812).abs() < 1e-9);
        // Still written in feet: six and a half of them.
        assert!((joined[0].as_written - 6.5).abs() < 1e-9);
        // Chinese and Japanese write the two units against each other: "6英尺6英寸".
        let text = "6英尺6英寸";
        let mut feet = Quantity::new(
            0..7,
            6.0 * 0.3048,
            Unit::Measure(Dimension::Length),
            Written::Words,
        );
        feet.as_written = 6.0;
        let mut inches = Quantity::new(
            7..14,
            6.0 * 0.0254,
            Unit::Measure(Dimension::Length),
            Written::Words,
        );
        inches.as_written = 6.0;
        assert_eq!(join_feet_and_inches(text, vec![feet, inches]).len(), 1);
    }
}

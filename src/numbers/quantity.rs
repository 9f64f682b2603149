//! What the number reader finds: a quantity, what it counts and how it was written. The readers
//! (`read` and the stages it runs, `shapes`, `dates`) all produce this type and nothing else.

use std::ops::Range;

use super::Notation;

/// What a quantity counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    Percent,
    /// A clock time, as minutes after midnight.
    Time,
    /// A decade, as written: 1930 for "the 1930s", 30 for "los años 30".
    Decade,
    /// A vague quantity ("dozens", "des milliers", "Zehntausende"), as its power of ten.
    Magnitude,
    /// A measure, in the dimension's base unit (metres, kilograms, square metres, litres, km/h,
    /// degrees Celsius, seconds).
    Measure(Dimension),
    /// Money in a currency (ISO 4217 code); no exchange rates.
    Money(&'static str),
    /// A day of a month, as month × 100 + day: 303 for "3 March". An all-digit date that reads
    /// both ways keeps the other reading in `as_written`.
    Date,
}

/// What a measure measures. Values are in metres, kilograms, square metres, litres, km/h,
/// degrees Celsius and seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Length,
    Mass,
    Area,
    Volume,
    Speed,
    Temperature,
    /// "Degrees" with no scale said: Celsius or Fahrenheit, or an angle.
    Degrees,
    /// A span of time, in seconds ("30 nanoseconds", "2 Sekunden").
    Duration,
}

/// The symbol of a dimension's base unit, for messages.
pub fn base_unit(d: Dimension) -> &'static str {
    match d {
        Dimension::Length => "m",
        Dimension::Mass => "kg",
        Dimension::Area => "m²",
        Dimension::Volume => "l",
        Dimension::Speed => "km/h",
        Dimension::Temperature => "°C",
        Dimension::Degrees => "°",
        Dimension::Duration => "s",
    }
}

/// How a quantity was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Digits(Notation),
    Words,
    /// A word that implies a number: "decade", "dozen", "quintuple", "une quarantaine".
    Implied,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub span: Range<usize>,
    pub value: f64,
    /// The number as written, scale included but before a unit conversion: 30 for
    /// "30 yards" (whose value is 27.432 metres).
    pub as_written: f64,
    pub unit: Unit,
    pub written: Written,
    /// An ordinal ("3rd", "1.º", "tercera") rather than a cardinal; the value is the same.
    pub ordinal: bool,
}

impl Quantity {
    /// A cardinal read as written, with no conversion.
    pub(super) fn new(span: Range<usize>, value: f64, unit: Unit, written: Written) -> Self {
        Quantity {
            span,
            value,
            as_written: value,
            unit,
            written,
            ordinal: false,
        }
    }

    /// A quantity in a fixed shape of digits ("15:30", "3/4"), with no notation of its own.
    pub(super) fn shape(span: Range<usize>, value: f64, unit: Unit) -> Self {
        Quantity::new(span, value, unit, Written::Digits(Notation::PLAIN))
    }
}

/// The text between two spans in text order; empty when they touch, overlap or are out of
/// order, so that no reader slices backwards.
pub(super) fn between<'t>(text: &'t str, a: &Range<usize>, b: &Range<usize>) -> &'t str {
    text.get(a.end..b.start).unwrap_or("")
}

/// Sorts quantities by where they start and drops any that overlaps one kept before it (the
/// longer of two starting together is kept): every later stage and every check may rely on
/// spans in order and apart.
pub(super) fn in_order(mut qs: Vec<Quantity>) -> Vec<Quantity> {
    qs.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    let mut kept: Vec<Quantity> = Vec::with_capacity(qs.len());
    for q in qs {
        if q.span.start < q.span.end && kept.last().is_none_or(|k| k.span.end <= q.span.start) {
            kept.push(q);
        }
    }
    kept
}

/// Whether `span` overlaps a quantity in `sorted` (in order and apart): a binary search.
pub(super) fn overlaps_any(sorted: &[Quantity], span: &Range<usize>) -> bool {
    let i = sorted.partition_point(|q| q.span.end <= span.start);
    sorted.get(i).is_some_and(|q| q.span.start < span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(span: Range<usize>) -> Quantity {
        Quantity::new(span, 1.0, Unit::Count, Written::Words)
    }

    #[test]
    fn overlapping_quantities_keep_the_first_and_longest() {
        let kept = in_order(vec![
            count(5..9),
            count(0..3),
            count(2..4),
            count(5..7),
            count(9..9),
        ]);
        let spans: Vec<_> = kept.iter().map(|q| q.span.clone()).collect();
        assert_eq!(spans, [0..3, 5..9]);
        assert!(overlaps_any(&kept, &(8..10)));
        assert!(overlaps_any(&kept, &(1..2)));
        assert!(!overlaps_any(&kept, &(3..5)));
        assert!(!overlaps_any(&kept, &(9..12)));
    }

    #[test]
    fn text_between_spans_out_of_order_is_empty() {
        assert_eq!(between("ab cd", &(0..2), &(3..5)), " ");
        assert_eq!(between("ab cd", &(0..4), &(3..5)), "");
    }
}

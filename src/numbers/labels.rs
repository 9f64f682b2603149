//! The last stage for digits: numbers that name rather than count. A capitalised name, a
//! hyphen and digits ("Covid-19", "F-16", "Su-27"), and digits glued to letters ("247sports",
//! "5G", "35GB"), and a time zone's offset ("GMT+0100"), are matched when the other side has them and never reported alone.

use super::digits::Digits;
use super::quantity::{Quantity, Unit, Written};

pub(super) fn mark_labels(text: &str, d: &Digits, q: &mut Quantity) {
    // "mid-2020" is a year: only a capitalised word before the hyphen makes a name.
    if let Some(word) = text[..d.span.start].strip_suffix('-') {
        let name: String = word
            .chars()
            .rev()
            .take_while(|c| crate::chars::is_alphanumeric(*c))
            .collect();
        if name.chars().last().is_some_and(crate::chars::is_uppercase) && q.unit == Unit::Count {
            q.written = Written::Implied;
        }
    }
    // "GMT+0100", "UTC-5": a time zone's offset names the zone, it counts nothing.
    let zone = text[..d.span.start]
        .strip_suffix(['+', '-', '\u{2212}'])
        .is_some_and(|z| z.ends_with("GMT") || z.ends_with("UTC"));
    if zone {
        q.written = Written::Implied;
    }
    // "16x9" is two numbers.
    let rest = &text[q.span.end..];
    let times = rest.starts_with(['x', 'х', '×'])
        && rest[rest.chars().next().map_or(0, char::len_utf8)..]
            .starts_with(|c: char| c.is_ascii_digit());
    // Chinese and Japanese write every word against its number ("45人", "2019年").
    let unspaced = rest.starts_with(super::cjk::unspaced);
    if q.unit == Unit::Count && rest.starts_with(crate::chars::is_alphabetic) && !times && !unspaced
    {
        q.written = Written::Implied;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn implied(text: &str) -> Vec<bool> {
        super::super::digits(text, &"en".parse().unwrap())
            .iter()
            .map(|d| {
                let mut q = Quantity::new(d.span.clone(), d.value, Unit::Count, Written::Words);
                mark_labels(text, d, &mut q);
                q.written == Written::Implied
            })
            .collect()
    }

    #[test]
    fn names_and_codes_are_labels() {
        assert_eq!(implied("Covid-19 and mid-2020"), [true, false]);
        assert_eq!(implied("5G, 35GB and 16x9"), [true, true, false]);
        assert_eq!(
            implied("09:30 BST (GMT+0100) or UTC-5"),
            [false, false, true, true]
        );
    }
}

//! The first stage after the digits: a sign before the number ("−3", "+5", not the hyphen of
//! "COVID-19" nor a range's dash) and a fraction sign glued after it ("2½").

use super::digits::Digits;
use super::quantity::{Quantity, Unit, Written};
use super::shapes::vulgar;

/// The digits `d` as a quantity, with their sign and a glued fraction sign.
pub(super) fn signed(text: &str, d: &Digits) -> Quantity {
    let mut q = Quantity::new(
        d.span.clone(),
        d.value,
        Unit::Count,
        Written::Digits(d.notation),
    );
    let before = &text[..d.span.start];
    if let Some(sign) = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, '-' | '−' | '+'))
    {
        let prev = before[..before.len() - sign.len_utf8()].chars().next_back();
        if prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '«')) {
            q.span.start -= sign.len_utf8();
            if sign != '+' {
                q.value = -q.value;
            }
        }
    }
    if let Some(c) = text[q.span.end..].chars().next()
        && let Some(f) = vulgar(c)
    {
        q.value += f.copysign(q.value);
        q.span.end += c.len_utf8();
    }
    q.as_written = q.value;
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (f64, String) {
        let d = super::super::digits(text, &"en".parse().unwrap()).remove(0);
        let q = signed(text, &d);
        (q.value, text[q.span].to_string())
    }

    #[test]
    fn signs_and_glued_fractions() {
        assert_eq!(read("from -3 to"), (-3.0, "-3".into()));
        assert_eq!(read("(+5)"), (5.0, "+5".into()));
        assert_eq!(read("−2½ points"), (-2.5, "−2½".into()));
        assert_eq!(read("COVID-19"), (19.0, "19".into()));
        assert_eq!(read("10-12"), (10.0, "10".into()));
    }
}

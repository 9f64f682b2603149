//! Chinese and Japanese numbers, read from the characters themselves (these languages put no
//! spaces between words, so tokens cannot find them): numerals and their myriads ("三百万",
//! "千亿", "两", "二〇一九"), the ordinal prefix "第", dates ("2月10日") and what a range is
//! joined by ("3.5到4").

use super::quantity::{Quantity, Unit, Written};

/// Whether a character belongs to a script written without spaces between words (Han, kana),
/// where digits and numerals sit right beside the words they count.
pub(super) fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{f900}'..='\u{faff}' // compatibility ideographs
        | '\u{ff66}'..='\u{ff9f}' // half-width katakana
        | '\u{20000}'..='\u{2ffff}')
}

/// Whether a language is read with this module.
pub(super) fn reads(lang: &str) -> bool {
    matches!(lang, "zh" | "ja")
}

fn digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Ten, hundred, thousand: multiply the digit before them.
fn small_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// The myriads: 万 (10^4), 亿/億 (10^8), 兆 (10^12).
fn myriad(c: char) -> Option<f64> {
    Some(match c {
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        '兆' => 1e12,
        _ => return None,
    })
}

fn numeral(c: char) -> bool {
    digit(c).is_some() || small_unit(c).is_some() || myriad(c).is_some()
}

/// The value of a run of numeral characters: "三百万" 3,000,000, "一亿五千万" 150,000,000,
/// "十五" 15, "二〇一九" 2019 (digit by digit, as years are written).
pub(super) fn value(run: &str) -> Option<f64> {
    let chars: Vec<char> = run.chars().collect();
    if chars.is_empty() {
        return None;
    }
    if chars.len() > 1 && chars.iter().all(|&c| digit(c).is_some()) {
        let digits: String = chars
            .iter()
            .map(|&c| char::from(b'0' + digit(c).unwrap_or(0) as u8))
            .collect();
        return digits.parse().ok();
    }
    let (mut total, mut section, mut pending) = (0f64, 0f64, None::<u64>);
    let mut largest = 0f64;
    for &c in &chars {
        if let Some(d) = digit(c) {
            pending = Some(d);
        } else if let Some(u) = small_unit(c) {
            section += pending.unwrap_or(1) as f64 * u as f64;
            pending = None;
        } else if let Some(m) = myriad(c) {
            section += pending.take().unwrap_or(0) as f64;
            let part = if section == 0.0 { 1.0 } else { section };
            if m > largest {
                total = (total + part) * m;
                largest = m;
            } else {
                total += part * m;
            }
            section = 0.0;
        } else {
            return None;
        }
    }
    Some(total + section + pending.unwrap_or(0) as f64)
}

/// Every Chinese or Japanese numeral in `text`. A single character ("三", "十分" very, "万一"
/// in case) and a myriad without a digit before it ("千万" by all means) are as often part of a
/// word: matched when the other text has their number, never reported alone.
pub(super) fn numerals(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !numeral(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut count = 1;
        while let Some(&(i, n)) = chars.peek() {
            if !numeral(n) {
                break;
            }
            end = i + n.len_utf8();
            count += 1;
            chars.next();
        }
        // Digits in ASCII glued before ("3千") are the digit reader's, with a scale.
        if text[..start].ends_with(|d: char| d.is_ascii_digit()) {
            continue;
        }
        let Some(v) = value(&text[start..end]) else {
            continue;
        };
        let leading_myriad = myriad(c).is_some() || (c == '千' && count > 1);
        let loose = count == 1 || leading_myriad;
        let written = if loose {
            Written::Implied
        } else {
            Written::Words
        };
        out.push(Quantity::new(start..end, v, Unit::Count, written));
    }
    out
}

/// A date written "2月10日" (month, day): as month × 100 + day.
pub(super) fn dates(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('月') {
        let before = &text[..at];
        let month_digits: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let after = &text[at + '月'.len_utf8()..];
        let day_digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
        let rest = &after[day_digits.len()..];
        let (Ok(month), Ok(day)) = (
            month_digits
                .chars()
                .rev()
                .collect::<String>()
                .parse::<u32>(),
            day_digits.parse::<u32>(),
        ) else {
            continue;
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !rest.starts_with(['日', '号'])
        {
            continue;
        }
        let start = at - month_digits.len();
        let end =
            at + '月'.len_utf8() + day_digits.len() + rest.chars().next().map_or(0, char::len_utf8);
        out.push(Quantity::shape(
            start..end,
            f64::from(month * 100 + day),
            Unit::Date,
        ));
    }
    out
}

/// "第三", "第5": the ordinal prefix makes the quantity after it an ordinal, in its span.
pub(super) fn ordinal_prefixes(text: &str, out: &mut [Quantity]) {
    for q in out.iter_mut() {
        if q.unit == Unit::Count && text[..q.span.start].ends_with('第') {
            q.span.start -= '第'.len_utf8();
            q.ordinal = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_and_myriads() {
        assert_eq!(value("三百万"), Some(3e6));
        assert_eq!(value("千亿"), Some(1e11));
        assert_eq!(value("一亿五千万"), Some(1.5e8));
        assert_eq!(value("十五"), Some(15.0));
        assert_eq!(value("二十一"), Some(21.0));
        assert_eq!(value("一百零五"), Some(105.0));
        assert_eq!(value("两"), Some(2.0));
        assert_eq!(value("二〇一九"), Some(2019.0));
        assert_eq!(value("三千五百"), Some(3500.0));
    }

    #[test]
    fn numerals_in_running_text() {
        let text = "有三百万人，十分重要，第五次";
        let found: Vec<(&str, f64, bool)> = numerals(text)
            .iter()
            .map(|q| {
                (
                    &text[q.span.clone()],
                    q.value,
                    q.written == Written::Implied,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("三百万", 3e6, false),
                ("十", 10.0, true),
                ("五", 5.0, true)
            ]
        );
        let d = dates("在2月10日发布");
        assert_eq!((d.len(), d[0].value), (1, 210.0));
    }
}

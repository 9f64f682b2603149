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
    // Two numerals side by side are a pair of numbers ("一两周", a week or two; "唯一一",
    // the only one), not one: digit by digit reads years ("二〇一九") and codes of three or more.
    if chars.len() == 2 && chars.iter().all(|&c| digit(c).is_some()) {
        return None;
    }
    if chars.len() > 2 && chars.iter().all(|&c| digit(c).is_some()) {
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
/// word: matched when the other text has their number, never reported alone. After "周" or
/// "星期" a digit names a weekday ("周五", Friday).
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
        // "周五", "星期五": Friday, not five.
        if count == 1 && weekday(&text[..start]) {
            continue;
        }
        let Some(v) = value(&text[start..end]) else {
            continue;
        };
        let leading_myriad = myriad(c).is_some() || (c == '千' && count > 1);
        let counted = count == 1 && before_counter(c, &text[end..]);
        let loose = (count == 1 && !counted) || leading_myriad;
        let written = if loose {
            Written::Implied
        } else {
            Written::Words
        };
        out.push(Quantity::new(start..end, v, Unit::Count, written));
    }
    out
}

/// Whether a single numeral from two to nine stands before a counter or a measure word, which
/// makes it a count ("三人" three people, "两个" two, "五年" five years) rather than part of a word
/// ("三振" strikeout, "二次" secondary). One and ten are left loose: "一人", "一度", "十分" are as often
/// words ("alone", "once", "very"), and "六月" is June.
fn before_counter(c: char, after: &str) -> bool {
    const COUNTERS: &str = "人つ个個名位件回度年天日岁歳歲倍割点場场家座条條项項只隻本张張台辆輛架艘枚頭头匹轮輪局届屆場かカヶ週周国社軒秒";
    matches!(digit(c), Some(2..=9)) && after.chars().next().is_some_and(|n| COUNTERS.contains(n))
}

/// Whether `before` ends with a word that makes the numeral after it a day of the week.
fn weekday(before: &str) -> bool {
    ["星期", "礼拜", "禮拜", "周", "週"]
        .iter()
        .any(|w| before.ends_with(w))
}

/// Spaces a text may put between digits and the characters after them ("12 月 24 日").
fn skip_spaces(s: &str) -> &str {
    s.trim_start_matches([' ', '\u{a0}', '\u{202f}', '\u{3000}'])
}

/// The ASCII digits at the start of `s` and their value (at most 4 digits).
fn leading_number(s: &str) -> Option<(u32, usize)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 4 {
        return None;
    }
    Some((s[..n].parse().ok()?, n))
}

/// What follows a number in `rest` (after optional spaces): one of `words`, and the offset
/// just past it.
fn then<'w>(rest: &str, words: &[&'w str]) -> Option<(&'w str, usize)> {
    let spaced = skip_spaces(rest);
    let skipped = rest.len() - spaced.len();
    words
        .iter()
        .find(|w| spaced.starts_with(**w))
        .map(|w| (*w, skipped + w.len()))
}

/// Dates, months, clock times, decades and centuries written with the characters after the
/// digits, with or without spaces between: "12 月 24 日" (month × 100 + day), "2 月" (a month
/// alone, matched but never reported), "10 点 50 分", "18時30分", "下午 5 点半" (17:30),
/// "80 年代", "19 世纪 80 年代" (the 1880s), "19 世纪" (the 19th century).
pub(super) fn shapes(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let glued_digit =
            text[..at].ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        let Some((n, len)) = leading_number(rest).filter(|_| !glued_digit) else {
            at += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        match shape_at(text, at, n, len) {
            Some(q) => {
                at = q.span.end;
                out.push(q);
            }
            None => at += len,
        }
    }
    out
}

/// The shape that starts with the number `n` (of `len` digits) at `at`, if any.
fn shape_at(text: &str, at: usize, n: u32, len: usize) -> Option<Quantity> {
    let after = &text[at + len..];
    let end_of = |used: usize| at + len + used;
    let (word, used) = then(after, &["月", "点", "时", "時", "年代", "世纪", "世紀"])?;
    match word {
        "月" if (1..=12).contains(&n) => {
            let day = leading_number(skip_spaces(&after[used..])).and_then(|(d, dlen)| {
                let gap = after[used..].len() - skip_spaces(&after[used..]).len();
                let (_, close) = then(&after[used + gap + dlen..], &["日", "号"])?;
                (1..=31)
                    .contains(&d)
                    .then_some((d, used + gap + dlen + close))
            });
            Some(match day {
                Some((d, used)) => {
                    Quantity::shape(at..end_of(used), f64::from(n * 100 + d), Unit::Date)
                }
                None => Quantity::new(
                    at..end_of(used),
                    f64::from(n),
                    Unit::Count,
                    Written::Implied,
                ),
            })
        }
        "点" | "时" | "時" if n <= 24 && !after[used..].starts_with(['间', '間', '钟', '鐘']) =>
        {
            let rest = &after[used..];
            let minutes = if let Some((_, half)) = then(rest, &["半"]) {
                Some((30, half))
            } else {
                let spaced = skip_spaces(rest);
                leading_number(spaced)
                    .filter(|(m, _)| *m < 60)
                    .and_then(|(m, mlen)| {
                        let gap = rest.len() - spaced.len();
                        let (_, close) = then(&spaced[mlen..], &["分"])?;
                        Some((m, gap + mlen + close))
                    })
            };
            let (m, more) = minutes.unwrap_or((0, 0));
            let before = text[..at].trim_end_matches([' ', '\u{a0}', '\u{3000}']);
            let afternoon = ["下午", "晚上", "傍晚", "午後", "夜"]
                .iter()
                .any(|w| before.ends_with(w));
            let hour = if afternoon && n < 12 { n + 12 } else { n };
            Some(Quantity::shape(
                at..end_of(used + more),
                f64::from(hour * 60 + m),
                Unit::Time,
            ))
        }
        "年代" if n.is_multiple_of(10) => {
            let mut q = Quantity::shape(at..end_of(used), f64::from(n), Unit::Decade);
            if n < 100 {
                century_before(text, &mut q);
            }
            Some(q)
        }
        "世纪" | "世紀" if (1..=21).contains(&n) => {
            // "19 世纪 80 年代" is a decade of that century, read from its tens.
            let tens = skip_spaces(&after[used..]);
            if leading_number(tens)
                .is_some_and(|(t, tlen)| t < 100 && then(&tens[tlen..], &["年代"]).is_some())
            {
                return None;
            }
            let mut q = Quantity::shape(at..end_of(used), f64::from(n), Unit::Count);
            q.ordinal = true;
            Some(q)
        }
        _ => None,
    }
}

/// "19 世纪 80 年代": the decade takes the century before it (1880) and its span.
fn century_before(text: &str, q: &mut Quantity) {
    let before = text[..q.span.start].trim_end_matches([' ', '\u{a0}', '\u{3000}']);
    let Some(head) = before
        .strip_suffix("世纪")
        .or_else(|| before.strip_suffix("世紀"))
    else {
        return;
    };
    let head = head.trim_end_matches([' ', '\u{a0}', '\u{3000}']);
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    if let Ok(c) = head[head.len() - digits..].parse::<u32>()
        && (1..=21).contains(&c)
    {
        q.value += f64::from((c - 1) * 100);
        q.as_written = q.value;
        q.span.start = head.len() - digits;
    }
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
        assert_eq!(value("一两"), None);
        assert_eq!(value("一一"), None);
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
        let d = shapes("在2月10日发布");
        assert_eq!((d.len(), d[0].value), (1, 210.0));
    }

    #[test]
    fn a_single_numeral_before_a_counter_is_a_count() {
        let loose = |text: &str| -> Vec<(String, bool)> {
            numerals(text)
                .iter()
                .map(|q| {
                    (
                        text[q.span.clone()].to_string(),
                        q.written == Written::Implied,
                    )
                })
                .collect()
        };
        assert_eq!(loose("二人の孫"), [("二".to_string(), false)]);
        assert_eq!(loose("两个孩子"), [("两".to_string(), false)]);
        assert_eq!(loose("三振"), [("三".to_string(), true)]);
        assert_eq!(loose("一人で"), [("一".to_string(), true)]);
        assert_eq!(loose("二次被害"), [("二".to_string(), true)]);
        assert_eq!(loose("六月份"), [("六".to_string(), true)]);
    }

    #[test]
    fn a_weekday_is_no_number() {
        let text = "他周五和星期六都在，三周后";
        let found: Vec<&str> = numerals(text)
            .iter()
            .map(|q| &text[q.span.clone()])
            .collect();
        assert_eq!(found, ["三"]);
    }

    #[test]
    fn dates_times_and_decades_with_or_without_spaces() {
        let read = |text: &str| -> Vec<(String, f64, Unit)> {
            shapes(text)
                .into_iter()
                .map(|q| (text[q.span].to_string(), q.value, q.unit))
                .collect()
        };
        assert_eq!(
            read("于 12 月 24 日举行"),
            [("12 月 24 日".into(), 1224.0, Unit::Date)]
        );
        assert_eq!(read("2 月达成"), [("2 月".into(), 2.0, Unit::Count)]);
        assert_eq!(
            read("上午 10 点 50 分左右"),
            [("10 点 50 分".into(), 650.0, Unit::Time)]
        );
        assert_eq!(read("18时30分"), [("18时30分".into(), 1110.0, Unit::Time)]);
        assert_eq!(read("18時30分"), [("18時30分".into(), 1110.0, Unit::Time)]);
        assert_eq!(
            read("下午 5 点半之前"),
            [("5 点半".into(), 1050.0, Unit::Time)]
        );
        assert_eq!(read("3時間"), []);
        assert_eq!(read("80 年代"), [("80 年代".into(), 80.0, Unit::Decade)]);
        assert_eq!(
            read("19 世纪 80 年代的纽约"),
            [("19 世纪 80 年代".into(), 1880.0, Unit::Decade)]
        );
        let century = shapes("建于 19 世纪的工厂");
        assert_eq!((century[0].value, century[0].ordinal), (19.0, true));
        // Digits of a longer number are not a shape's ("2.5月" is no month).
        assert_eq!(read("2.12月"), []);
    }
}

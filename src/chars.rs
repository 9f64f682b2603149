//! Character properties the tokenizer asks of every character, memoised per block of the
//! Basic Multilingual Plane. The standard library's `is_alphabetic` walks a compressed table
//! for every non-ASCII character (hundreds of instructions for CJK or Thai); the answers are
//! the standard library's own, computed once per 64 code points on first use, so a run that
//! reads one language touches a few blocks and pays for nothing else.

use std::sync::atomic::{AtomicU64, Ordering};

const BLOCKS: usize = 0x10000 / 64;

/// Bit `c % 64` of `LETTER[c / 64]`: `c` is alphabetic. Valid once `DONE` has the block's bit.
static LETTER: [AtomicU64; BLOCKS] = [const { AtomicU64::new(0) }; BLOCKS];
static UPPER: [AtomicU64; BLOCKS] = [const { AtomicU64::new(0) }; BLOCKS];
/// Letters of the Latin, Cyrillic and Greek scripts (the three whose letters look alike).
static LATIN: [AtomicU64; BLOCKS] = [const { AtomicU64::new(0) }; BLOCKS];
static CYRILLIC: [AtomicU64; BLOCKS] = [const { AtomicU64::new(0) }; BLOCKS];
static GREEK: [AtomicU64; BLOCKS] = [const { AtomicU64::new(0) }; BLOCKS];
/// Characters that NFC leaves alone whatever surrounds them (quick check Yes, combining class 0).
static NFC_STABLE: [AtomicU64; BLOCKS] = [const { AtomicU64::new(0) }; BLOCKS];
/// Characters whose lowercase is themselves.
static LOWER_SELF: [AtomicU64; BLOCKS] = [const { AtomicU64::new(0) }; BLOCKS];
static DONE: [AtomicU64; BLOCKS / 64] = [const { AtomicU64::new(0) }; BLOCKS / 64];

/// Whether `c` is alphabetic, exactly as [`char::is_alphabetic`].
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match block(c) {
        Some(b) => LETTER[b].load(Ordering::Relaxed) >> (c as u32 % 64) & 1 == 1,
        None => c.is_alphabetic(),
    }
}

/// Whether `c` is uppercase, exactly as [`char::is_uppercase`].
#[inline]
pub fn is_uppercase(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    match block(c) {
        Some(b) => UPPER[b].load(Ordering::Relaxed) >> (c as u32 % 64) & 1 == 1,
        None => c.is_uppercase(),
    }
}

/// Whether NFC leaves `c` as it is in any context: its quick check is Yes and its canonical
/// combining class 0, so a text of such characters is in NFC.
#[inline]
pub fn is_nfc_stable(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    match block(c) {
        Some(b) => NFC_STABLE[b].load(Ordering::Relaxed) >> (c as u32 % 64) & 1 == 1,
        None => nfc_stable(c),
    }
}

fn nfc_stable(c: char) -> bool {
    use unicode_normalization::{IsNormalized, char::canonical_combining_class, is_nfc_quick};
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Pushes the lowercase of `c` (as [`char::to_lowercase`]) through `push`.
#[inline]
pub fn lowercase(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        return push(c.to_ascii_lowercase());
    }
    let same = match block(c) {
        Some(b) => LOWER_SELF[b].load(Ordering::Relaxed) >> (c as u32 % 64) & 1 == 1,
        None => lowers_to_itself(c),
    };
    if same {
        push(c);
    } else {
        c.to_lowercase().for_each(push);
    }
}

fn lowers_to_itself(c: char) -> bool {
    let mut l = c.to_lowercase();
    l.next() == Some(c) && l.next().is_none()
}

/// Which of the alphabets whose letters look alike a letter belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alphabet {
    Latin,
    Cyrillic,
    Greek,
}

/// The alphabet of a letter of the Latin, Cyrillic or Greek script (by `unicode_script`);
/// `None` for anything else, a non-letter included.
#[inline]
pub fn alphabet(c: char) -> Option<Alphabet> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Alphabet::Latin);
    }
    match block(c) {
        Some(b) => {
            let bit =
                |t: &[AtomicU64; BLOCKS]| t[b].load(Ordering::Relaxed) >> (c as u32 % 64) & 1 == 1;
            if bit(&LATIN) {
                Some(Alphabet::Latin)
            } else if bit(&CYRILLIC) {
                Some(Alphabet::Cyrillic)
            } else if bit(&GREEK) {
                Some(Alphabet::Greek)
            } else {
                None
            }
        }
        None => alphabet_of(c),
    }
}

fn alphabet_of(c: char) -> Option<Alphabet> {
    use unicode_script::{Script, UnicodeScript};
    if !c.is_alphabetic() {
        return None;
    }
    match c.script() {
        Script::Latin => Some(Alphabet::Latin),
        Script::Cyrillic => Some(Alphabet::Cyrillic),
        Script::Greek => Some(Alphabet::Greek),
        _ => None,
    }
}

/// Whether `c` is alphabetic or numeric, exactly as [`char::is_alphanumeric`].
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    is_alphabetic(c)
        || if c.is_ascii() {
            c.is_ascii_digit()
        } else {
            c.is_numeric()
        }
}

/// The memo block of a BMP character, filled first if no thread has filled it yet.
#[inline]
fn block(c: char) -> Option<usize> {
    let b = (c as u32 / 64) as usize;
    if b >= BLOCKS {
        return None;
    }
    let done = &DONE[b / 64];
    if done.load(Ordering::Acquire) >> (b % 64) & 1 == 0 {
        fill(b);
    }
    Some(b)
}

#[cold]
fn fill(b: usize) {
    let (mut letter, mut upper) = (0u64, 0u64);
    let mut alphabets = [0u64; 3];
    let (mut stable, mut lower_self) = (0u64, 0u64);
    for i in 0..64u32 {
        // Surrogates are not characters: their bits stay clear.
        if let Some(c) = char::from_u32(b as u32 * 64 + i) {
            letter |= u64::from(c.is_alphabetic()) << i;
            upper |= u64::from(c.is_uppercase()) << i;
            stable |= u64::from(nfc_stable(c)) << i;
            lower_self |= u64::from(lowers_to_itself(c)) << i;
            if let Some(a) = alphabet_of(c) {
                alphabets[a as usize] |= 1 << i;
            }
        }
    }
    // Racing threads compute the same bits: storing them twice is harmless.
    LETTER[b].store(letter, Ordering::Relaxed);
    UPPER[b].store(upper, Ordering::Relaxed);
    LATIN[b].store(alphabets[Alphabet::Latin as usize], Ordering::Relaxed);
    CYRILLIC[b].store(alphabets[Alphabet::Cyrillic as usize], Ordering::Relaxed);
    GREEK[b].store(alphabets[Alphabet::Greek as usize], Ordering::Relaxed);
    NFC_STABLE[b].store(stable, Ordering::Relaxed);
    LOWER_SELF[b].store(lower_self, Ordering::Relaxed);
    DONE[b / 64].fetch_or(1 << (b % 64), Ordering::Release);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library_on_every_character() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(alphabet(c), alphabet_of(c), "{c:?}");
            assert_eq!(is_nfc_stable(c), nfc_stable(c), "{c:?}");
            let mut lower = String::new();
            lowercase(c, |l| lower.push(l));
            assert_eq!(lower, c.to_lowercase().to_string(), "{c:?}");
        }
    }
}

//! Every quantity in a text, read in stages a reader can follow: numbers with a fixed shape
//! (times, dates, decades: `shapes`), then each number in digits (digits → sign and fraction →
//! ordinal suffix → currency → scale → percent → unit → label), then numbers in words on the
//! tokens left free, then what neighbouring quantities say together (fractions in words,
//! compound ordinals, feet and inches, ranges). Each stage costs the same wherever it is in the
//! text: tokens and quantities are found by offset, never by a scan.

use super::cjk;
use super::digits::{Digits, digits};
use super::fractions::{compound_ordinals, locative_fractions, word_fractions};
use super::labels::mark_labels;
use super::ordinals::ordinal_after_digits;
use super::quantity::{Quantity, Unit, in_order, overlaps_any};
use super::ranges::{expand_year_ranges, join_feet_and_inches, share_range_units};
use super::scales::{scale_after, scale_after_sign};
use super::shapes::shaped;
use super::signs::signed;
use super::spelled::numbers_in_words;
use super::units::{currency_before_number, percent_after, percent_before, unit_after_number};
use super::view::View;
use crate::lang::LangTag;
use crate::token::{Tokens, tokenize_str};

/// Every quantity in `text`, in text order, none overlapping another.
pub fn quantities(text: &str, lang: &LangTag) -> Vec<Quantity> {
    quantities_in(text, &tokenize_str(text), lang)
}

/// [`quantities`] with `text` already tokenized (a document's tokens: words in two paragraphs
/// never join).
pub fn quantities_in(text: &str, toks: &Tokens, lang: &LangTag) -> Vec<Quantity> {
    let v = View { text, toks, lang };
    let cjk = cjk::reads(lang.primary());
    let mut shapes = shaped(text, lang);
    if cjk {
        shapes = in_order([shapes, cjk::shapes(text)].concat());
    }
    let in_digits = digits(text, lang)
        .iter()
        .filter(|d| !overlaps_any(&shapes, &d.span))
        .map(|d| digit_quantity(&v, d))
        .collect::<Vec<_>>();
    let mut out = in_order([shapes, in_digits].concat());
    // Chinese and Japanese numerals are read from the characters, not from tokens.
    if cjk {
        let numerals = cjk::numerals(text)
            .into_iter()
            .filter(|q| !overlaps_any(&out, &q.span))
            .map(|mut q| {
                percent_before(text, lang.primary(), &mut q);
                q
            })
            .collect::<Vec<_>>();
        out = in_order([out, numerals].concat());
        cjk::ordinal_prefixes(text, &mut out);
    }
    let used = covered_tokens(toks, &out);
    numbers_in_words(&v, &used, &mut out);
    let out = in_order(word_fractions(&v, in_order(out)));
    let out = compound_ordinals(text, out);
    let out = locative_fractions(text, lang, out);
    let mut out = join_feet_and_inches(text, out);
    expand_year_ranges(text, &mut out);
    share_range_units(text, &mut out);
    out
}

/// A number in digits through the stages that make it a quantity.
fn digit_quantity(v: &View<'_>, d: &Digits) -> Quantity {
    let mut q = signed(v.text, d);
    if ordinal_after_digits(v.text, v.lang.primary(), d, &mut q) {
        return q;
    }
    currency_before_number(v.text, &mut q);
    let before_scale = q.span.end;
    scale_after(v, d, &mut q);
    percent_after(v, &mut q);
    percent_before(v.text, v.lang.primary(), &mut q);
    unit_after_number(v, before_scale, &mut q);
    scale_after_sign(v, d, &mut q);
    if !matches!(q.unit, Unit::Measure(_)) {
        q.as_written = q.value;
    }
    mark_labels(v.text, d, &mut q);
    q
}

/// Which tokens the quantities in `sorted` cover, so that no word is read twice.
fn covered_tokens(toks: &Tokens, sorted: &[Quantity]) -> Vec<bool> {
    let mut used = vec![false; toks.len()];
    for q in sorted {
        let first = toks.list.partition_point(|t| t.end <= q.span.start);
        for (k, t) in toks.list.iter().enumerate().skip(first) {
            if t.start >= q.span.end {
                break;
            }
            used[k] = true;
        }
    }
    used
}
#[cfg(test)]
mod tests {
    use super::*;

    fn q(lang: &str, text: &str) -> Vec<(String, f64, Unit)> {
        quantities(text, &lang.parse().unwrap())
            .into_iter()
            .map(|x| (text[x.span].to_string(), x.value, x.unit))
            .collect()
    }

    #[test]
    fn scales_and_percentages() {
        assert_eq!(
            q("es", "2.300 millones de euros"),
            [("2.300 millones de euros".into(), 2.3e9, Unit::Money("EUR"))]
        );
        assert_eq!(
            q("en", "2.3 million people, $1.5bn"),
            [
                ("2.3 million".into(), 2.3e6, Unit::Count),
                ("$1.5bn".into(), 1.5e9, Unit::Money("USD"))
            ]
        );
        assert_eq!(
            q("es", "dos mil millones"),
            [("dos mil millones".into(), 2e9, Unit::Count)]
        );
        assert_eq!(
            q("es", "1,5 mil millones"),
            [("1,5 mil millones".into(), 1.5e9, Unit::Count)]
        );
        assert_eq!(
            q("de", "1 Billion Euro"),
            [("1 Billion Euro".into(), 1e12, Unit::Money("EUR"))]
        );
        assert_eq!(
            q("en", "1 billion dollars"),
            [("1 billion dollars".into(), 1e9, Unit::Money("USD"))]
        );
        assert_eq!(
            q("de", "3,5 % mehr"),
            [("3,5 %".into(), 3.5, Unit::Percent)]
        );
        assert_eq!(
            q("fr", "12 pour cent"),
            [("12 pour cent".into(), 12.0, Unit::Percent)]
        );
        assert_eq!(
            q("ru", "2,5 млрд рублей"),
            [("2,5 млрд рублей".into(), 2.5e9, Unit::Money("RUB"))]
        );
        // The currency sign between the number and its scale.
        assert_eq!(
            q("da", "at skaffe 120 £ millioner om året"),
            [("120 £ millioner".into(), 1.2e8, Unit::Money("GBP"))]
        );
        assert_eq!(
            q("da", "mere end 9 £ milliarder"),
            [("9 £ milliarder".into(), 9e9, Unit::Money("GBP"))]
        );
        assert_eq!(
            q("da", "120 £ om året"),
            [("120 £".into(), 120.0, Unit::Money("GBP"))]
        );
    }

    #[test]
    fn words_in_text() {
        assert_eq!(
            q("es", "Hubo quince detenidos y un herido."),
            [("quince".into(), 15.0, Unit::Count)]
        );
        assert_eq!(
            q("en", "fifteen prisoners and twenty-one guards"),
            [
                ("fifteen".into(), 15.0, Unit::Count),
                ("twenty-one".into(), 21.0, Unit::Count)
            ]
        );
        assert_eq!(
            q("fr", "vingt et un ans"),
            [("vingt et un".into(), 21.0, Unit::Count)]
        );
        assert_eq!(
            q("de", "Eine Frage an einundzwanzig Leute"),
            [("einundzwanzig".into(), 21.0, Unit::Count)]
        );
        assert_eq!(
            q("en", "one hundred and five days and a year"),
            [("one hundred and five".into(), 105.0, Unit::Count)]
        );
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn metres_are_not_millions() {
        let found = quantities("a 20 m wall and a 5k run", &"en".parse().unwrap());
        assert_eq!(
            found.iter().map(|q| q.value).collect::<Vec<_>>(),
            [20.0, 5.0]
        );
    }
}

#[cfg(test)]
mod shape_tests {
    use super::*;
    use crate::numbers::{Dimension, Written};

    fn q(lang: &str, text: &str) -> Vec<(String, f64, Unit)> {
        quantities(text, &lang.parse().unwrap())
            .into_iter()
            .map(|x| (text[x.span].to_string(), x.value, x.unit))
            .collect()
    }

    #[test]
    fn signs_and_ranges() {
        assert_eq!(
            q("en", "from -3 to +5 degrees"),
            [
                ("-3".into(), -3.0, Unit::Measure(Dimension::Degrees)),
                ("+5 degrees".into(), 5.0, Unit::Measure(Dimension::Degrees))
            ]
        );
        assert_eq!(
            q("de", "−2,5 Grad"),
            [("−2,5 Grad".into(), -2.5, Unit::Measure(Dimension::Degrees))]
        );
        // A range is two quantities; a hyphen after a word is not a minus.
        assert_eq!(
            q("en", "10–12 people, 10-12 days, COVID-19"),
            [
                ("10".into(), 10.0, Unit::Count),
                ("12".into(), 12.0, Unit::Count),
                ("10".into(), 10.0, Unit::Count),
                ("12".into(), 12.0, Unit::Count),
                ("19".into(), 19.0, Unit::Count)
            ]
        );
    }

    /// One news sentence per language the number rules must cover: a date, a measure in the
    /// language's notation, a number in words, a percentage and money with a scale.
    #[test]
    fn each_required_language_reads_a_news_sentence() {
        let sentences = [
            (
                "en",
                "On 3 March, 1,500.5 tonnes and twenty-one trucks arrived; prices rose 3.5 percent to $2.3 billion.",
            ),
            (
                "es",
                "El 3 de marzo llegaron 1.500,5 toneladas y veintiún camiones; los precios subieron un 3,5 por ciento, hasta 2.300 millones de dólares.",
            ),
            (
                "fr",
                "Le 3 mars, 1 500,5 tonnes et vingt et un camions sont arrivés ; les prix ont augmenté de 3,5 %, à 2,3 milliards de dollars.",
            ),
            (
                "de",
                "Am 3. März kamen 1.500,5 Tonnen und einundzwanzig Lastwagen an; die Preise stiegen um 3,5 Prozent auf 2,3 Mrd. Dollar.",
            ),
            (
                "it",
                "Il 3 marzo sono arrivate 1.500,5 tonnellate e ventuno camion; i prezzi sono saliti del 3,5 per cento, a 2,3 miliardi di dollari.",
            ),
            (
                "pt",
                "Em 3 de março chegaram 1.500,5 toneladas e vinte e um camiões; os preços subiram 3,5 por cento, para 2,3 mil milhões de dólares.",
            ),
            (
                "nl",
                "Op 3 maart kwamen 1.500,5 ton en eenentwintig vrachtwagens aan; de prijzen stegen met 3,5 procent tot 2,3 miljard dollar.",
            ),
            (
                "ru",
                "3 марта прибыли 1 500,5 тонны и двадцать один грузовик; цены выросли на 3,5 процента, до 2,3 млрд долларов.",
            ),
            (
                "pl",
                "3 marca przybyło 1 500,5 tony i dwadzieścia jeden ciężarówek; ceny wzrosły o 3,5 procent, do 2,3 mld dolarów.",
            ),
        ];
        for (lang, text) in sentences {
            let got: Vec<(f64, Unit)> = quantities(text, &lang.parse().unwrap())
                .into_iter()
                .map(|x| (x.value, x.unit))
                .collect();
            assert_eq!(
                got,
                [
                    (303.0, Unit::Date),
                    (1_500_500.0, Unit::Measure(Dimension::Mass)),
                    (21.0, Unit::Count),
                    (3.5, Unit::Percent),
                    (2.3e9, Unit::Money("USD")),
                ],
                "{lang}: {text}"
            );
        }
    }

    #[test]
    fn words_with_an_apostrophe_inside() {
        let rows = |lang: &str, text: &str| -> Vec<(String, f64)> {
            quantities(text, &lang.parse().unwrap())
                .into_iter()
                .map(|x| (text[x.span].to_string(), x.value))
                .collect()
        };
        assert_eq!(
            rows(
                "uk",
                "сім'ї ставлять дві ялинки протягом п'яти років, двадцять п’ять"
            ),
            [
                ("дві".into(), 2.0),
                ("п'яти".into(), 5.0),
                ("двадцять п’ять".into(), 25.0)
            ]
        );
        assert_eq!(rows("fr", "l'un des deux"), [("deux".into(), 2.0)]);
    }

    #[test]
    fn fractions_in_words() {
        let third = 1.0 / 3.0;
        let rows = |lang: &str, text: &str| -> Vec<(String, f64)> {
            quantities(text, &lang.parse().unwrap())
                .into_iter()
                .map(|x| {
                    (
                        text[x.span].to_string(),
                        (x.value * 1000.0).round() / 1000.0,
                    )
                })
                .collect()
        };
        let r = |v: f64| (v * 1000.0).round() / 1000.0;
        assert_eq!(
            rows("en", "two-thirds of voters"),
            [("two-thirds".into(), r(2.0 * third))]
        );
        assert_eq!(
            rows("en", "a third of them"),
            [("a third".into(), r(third))]
        );
        assert_eq!(rows("en", "half the country"), [("half".into(), 0.5)]);
        assert_eq!(
            rows("en", "and seven halves"),
            [("seven".into(), 7.0), ("halves".into(), 0.5)]
        );
        assert_eq!(rows("en", "in the third quarter"), [("third".into(), 3.0)]);
        assert_eq!(
            rows("es", "dos tercios de los votos"),
            [("dos tercios".into(), r(2.0 * third))]
        );
        assert_eq!(
            rows("fr", "les deux tiers des électeurs"),
            [("deux tiers".into(), r(2.0 * third))]
        );
        assert_eq!(rows("fr", "trois quarts"), [("trois quarts".into(), 0.75)]);
        assert_eq!(
            rows("de", "zwei Drittel der Stimmen"),
            [("zwei Drittel".into(), r(2.0 * third))]
        );
        assert_eq!(
            rows("ru", "две трети голосов"),
            [("две трети".into(), r(2.0 * third))]
        );
        assert_eq!(rows("ru", "треть голосов"), [("треть".into(), r(third))]);
        let x = &quantities("two-thirds", &"en".parse().unwrap())[0];
        assert_eq!(x.written, Written::Implied);
    }

    #[test]
    fn fractions() {
        assert_eq!(
            q("en", "2½ hours, ½ cup, 3/4 of them, on 3/4/2021"),
            [
                ("2½".into(), 2.5, Unit::Count),
                ("½".into(), 0.5, Unit::Count),
                ("3/4".into(), 0.75, Unit::Count),
                ("3/4/2021".into(), 304.0, Unit::Date)
            ]
        );
    }

    #[test]
    fn clock_times() {
        let t = |lang: &str, text: &str| {
            q(lang, text)
                .into_iter()
                .filter(|x| x.2 == Unit::Time)
                .map(|x| (x.0, x.1))
                .collect::<Vec<_>>()
        };
        assert_eq!(t("en", "at 3 p.m."), [("3 p.m.".into(), 900.0)]);
        assert_eq!(t("en", "at 9:30 pm"), [("9:30 pm".into(), 1290.0)]);
        assert_eq!(t("en", "12 a.m."), [("12 a.m.".into(), 0.0)]);
        assert_eq!(t("es", "a las 15:00"), [("15:00".into(), 900.0)]);
        assert_eq!(t("de", "um 15 Uhr"), [("15 Uhr".into(), 900.0)]);
        assert_eq!(t("de", "um 15.30 Uhr"), [("15.30 Uhr".into(), 930.0)]);
        assert_eq!(t("fr", "à 15 h"), [("15 h".into(), 900.0)]);
        assert_eq!(t("fr", "à 15h30"), [("15h30".into(), 930.0)]);
        assert_eq!(
            t("es", "las 7 de la mañana"),
            [("7 de la mañana".into(), 420.0)]
        );
        assert_eq!(
            t("es", "las 11 de la noche"),
            [("11 de la noche".into(), 1380.0)]
        );
        assert_eq!(t("fr", "3 h du matin"), [("3 h du matin".into(), 180.0)]);
        assert_eq!(
            t("de", "um 7 Uhr abends"),
            [("7 Uhr abends".into(), 1140.0)]
        );
        assert_eq!(t("ru", "около 7 утра"), [("7 утра".into(), 420.0)]);
        assert_eq!(t("id", "pukul 2 siang"), [("2 siang".into(), 840.0)]);
        assert_eq!(t("id", "pukul 11 siang"), [("11 siang".into(), 660.0)]);
        assert_eq!(t("id", "jam 2 malam"), [("2 malam".into(), 120.0)]);
        assert_eq!(t("id", "pukul 7.55 pagi"), [("7.55 pagi".into(), 475.0)]);
        assert_eq!(t("id", "pukul 17.30 pada"), [("17.30".into(), 1050.0)]);
        assert_eq!(t("ro", "la ora 18.30"), [("18.30".into(), 1110.0)]);
        assert_eq!(
            t("id", "antara pukul 12.00 dan 13.00 BST"),
            [("12.00".into(), 720.0), ("13.00".into(), 780.0)]
        );
        assert_eq!(t("ro", "ora 6 seara"), [("6 seara".into(), 1080.0)]);
        assert_eq!(
            t("da", "klokken 6 om morgenen"),
            [("6 om morgenen".into(), 360.0)]
        );
        // Without a clock word the second number of a pair is no time: "12.00 dan 13.50".
        assert_eq!(t("id", "harga 12.00 dan 13.50"), []);
        // Indonesian parts of the day are words of that language only.
        assert_eq!(t("it", "alle 2 sore"), []);
        assert_eq!(t("ru", "за 3 дня"), []);
        assert_eq!(
            t("es", "a la una de la tarde"),
            [("una de la tarde".into(), 780.0)]
        );
        assert_eq!(
            t("en", "at eight in the evening"),
            [("eight in the evening".into(), 1200.0)]
        );
        // Not times: a decimal, a duration outside French, a German "am", a score.
        assert_eq!(t("en", "15.30 dollars"), []);
        assert_eq!(t("es", "durante 24 h"), []);
        assert_eq!(t("de", "die 3 am Start"), []);
        assert_eq!(t("en", "won 2:1"), []);
        assert_eq!(t("en", "at 13 p.m."), []);
    }

    #[test]
    fn decades() {
        let d = |lang: &str, text: &str| {
            q(lang, text)
                .into_iter()
                .filter(|x| x.2 == Unit::Decade)
                .map(|x| (x.0, x.1))
                .collect::<Vec<_>>()
        };
        assert_eq!(d("en", "in the 1930s"), [("1930s".into(), 1930.0)]);
        assert_eq!(d("en", "the ’60s"), [("’60s".into(), 60.0)]);
        assert_eq!(d("es", "los años 30"), [("años 30".into(), 30.0)]);
        assert_eq!(d("fr", "les années 1930"), [("années 1930".into(), 1930.0)]);
        assert_eq!(d("de", "die 1930er Jahre"), [("1930er".into(), 1930.0)]);
        assert_eq!(d("ru", "в 30-е годы"), [("30-е".into(), 30.0)]);
        assert_eq!(d("pl", "w latach 30."), [("latach 30".into(), 30.0)]);
        assert_eq!(d("en", "the 300s"), []);
        assert_eq!(d("sv", "på 1980-talet"), [("1980-talet".into(), 1980.0)]);
        assert_eq!(d("sv", "under 1800-talet"), [("1800-talet".into(), 1800.0)]);
        // In words: tens beside a word for years, an ordinal on either side of it, a
        // cardinal only after it ("treinta años" is thirty years).
        assert_eq!(
            d("pl", "w latach trzydziestych"),
            [("trzydziestych".into(), 30.0)]
        );
        assert_eq!(d("cs", "ve třicátých letech"), [("třicátých".into(), 30.0)]);
        assert_eq!(
            d("uk", "у вісімдесятих роках"),
            [("вісімдесятих".into(), 80.0)]
        );
        assert_eq!(d("es", "en los años ochenta"), [("ochenta".into(), 80.0)]);
        assert_eq!(d("es", "hace treinta años"), []);
        assert_eq!(d("pl", "trzydziesty rok"), []);
    }

    #[test]
    fn feet_and_inches_in_each_language() {
        let m = |lang: &str, text: &str| {
            q(lang, text)
                .into_iter()
                .map(|x| (x.0, (x.1 * 1000.0).round()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            m("es", "de 6 pies, 6 pulgadas"),
            [("6 pies, 6 pulgadas".into(), 1981.0)]
        );
        assert_eq!(
            m("uk", "6 футів і 6 дюймів"),
            [("6 футів і 6 дюймів".into(), 1981.0)]
        );
        assert_eq!(
            m("tr", "6 fit 6 inç boyundaki"),
            [("6 fit 6 inç".into(), 1981.0)]
        );
        // Two lengths in feet are not a height.
        assert_eq!(m("en", "6 feet and 6 feet").len(), 2);
    }
}

#[cfg(test)]
mod ordinal_tests {
    use super::*;

    fn ords(lang: &str, text: &str) -> Vec<(String, f64)> {
        quantities(text, &lang.parse().unwrap())
            .into_iter()
            .filter(|x| x.ordinal)
            .map(|x| (text[x.span].to_string(), x.value))
            .collect()
    }

    #[test]
    fn ordinals_in_digits() {
        // A full stop makes an ordinal where the language writes them so, not at a sentence end.
        assert_eq!(
            ords(
                "de",
                "den 1. Platz, zum 12. Mal. Er wurde 30. Dann kam 2019. Ende"
            ),
            [("1.".into(), 1.0), ("12.".into(), 12.0)]
        );
        assert_eq!(
            ords("pl", "zajął 3. miejsce. Wygrał 3. Potem"),
            [("3.".into(), 3.0)]
        );
        assert_eq!(
            ords("en", "the 1st and 22nd of them, 3rd, 4th"),
            [
                ("1st".into(), 1.0),
                ("22nd".into(), 22.0),
                ("3rd".into(), 3.0),
                ("4th".into(), 4.0)
            ]
        );
        assert_eq!(
            ords("es", "el 1.º y la 2.ª"),
            [("1.º".into(), 1.0), ("2.ª".into(), 2.0)]
        );
        assert_eq!(
            ords("fr", "le 1er et le 3e"),
            [("1er".into(), 1.0), ("3e".into(), 3.0)]
        );
        assert_eq!(
            ords("ru", "1-й и 2-го"),
            [("1-й".into(), 1.0), ("2-го".into(), 2.0)]
        );
        assert_eq!(
            ords("nl", "de 2de en 8ste"),
            [("2de".into(), 2.0), ("8ste".into(), 8.0)]
        );
        // A temperature is not an ordinal.
        assert_eq!(ords("es", "a 20° C"), []);
    }

    #[test]
    fn ordinals_in_words() {
        assert_eq!(
            ords("en", "for the twenty-first time"),
            [("twenty-first".into(), 21.0)]
        );
        assert_eq!(
            ords("ru", "на сорок пятой минуте"),
            [("сорок пятой".into(), 45.0)]
        );
        assert_eq!(
            ords("en", "the first time, the second round, wait a second"),
            [("first".into(), 1.0), ("second".into(), 2.0)]
        );
        assert_eq!(ords("es", "la primera vez"), [("primera".into(), 1.0)]);
        assert_eq!(ords("de", "zum dritten Mal"), [("dritten".into(), 3.0)]);
        assert_eq!(ords("ru", "первый раз"), [("первый".into(), 1.0)]);
        assert_eq!(ords("pl", "pierwsza tura"), [("pierwsza".into(), 1.0)]);
        // Declined: a stem and an adjective ending.
        assert_eq!(ords("pl", "szóstą godzinę"), [("szóstą".into(), 6.0)]);
        assert_eq!(ords("pl", "w setną rocznicę"), [("setną".into(), 100.0)]);
        assert_eq!(ords("cs", "každý pátý"), [("pátý".into(), 5.0)]);
        assert_eq!(ords("uk", "кожен п’ятий"), [("п’ятий".into(), 5.0)]);
        assert_eq!(ords("uk", "третім"), [("третім".into(), 3.0)]);
        assert_eq!(ords("pl", "piątek"), []);
        // "Premier ministre" is a title, "secondo il ministro" means "according to", "segunda-feira"
        // is Monday.
        assert_eq!(ords("fr", "le Premier ministre"), []);
        assert_eq!(ords("es", "el primer ministro"), []);
        assert_eq!(ords("it", "secondo il ministro"), []);
        assert_eq!(ords("it", "il secondo turno"), [("secondo".into(), 2.0)]);
        assert_eq!(ords("pt", "na segunda-feira"), []);
    }
}

#[cfg(test)]
mod vague_tests {
    use super::*;

    fn mags(lang: &str, text: &str) -> Vec<(String, f64)> {
        quantities(text, &lang.parse().unwrap())
            .into_iter()
            .filter(|x| x.unit == Unit::Magnitude)
            .map(|x| (text[x.span].to_string(), x.value))
            .collect()
    }

    #[test]
    fn vague_quantities_are_magnitudes() {
        assert_eq!(
            mags("en", "tens of thousands of people"),
            [("tens of thousands".into(), 4.0)]
        );
        assert_eq!(
            mags("es", "decenas de miles de personas"),
            [("decenas de miles".into(), 4.0)]
        );
        assert_eq!(
            mags("fr", "des dizaines de milliers"),
            [("dizaines de milliers".into(), 4.0)]
        );
        assert_eq!(
            mags("de", "Zehntausende Menschen"),
            [("Zehntausende".into(), 4.0)]
        );
        assert_eq!(
            mags("ru", "десятки тысяч людей"),
            [("десятки тысяч".into(), 4.0)]
        );
        assert_eq!(mags("en", "dozens were hurt"), [("dozens".into(), 1.0)]);
        // A scale after a number is part of the number, and "две тысячи" is 2,000.
        assert_eq!(mags("es", "2 millones"), []);
        assert_eq!(mags("ru", "две тысячи"), []);
        assert_eq!(mags("ru", "тысячи людей"), [("тысячи".into(), 3.0)]);
    }
}

#[cfg(test)]
mod unit_tests {
    use super::*;
    use crate::numbers::{Dimension, Written};

    fn u(lang: &str, text: &str) -> Vec<(String, f64, Unit)> {
        quantities(text, &lang.parse().unwrap())
            .into_iter()
            .map(|x| {
                (
                    text[x.span].to_string(),
                    (x.value * 1000.0).round() / 1000.0,
                    x.unit,
                )
            })
            .collect()
    }

    #[test]
    fn money() {
        assert_eq!(
            u("en", "$1.5bn"),
            [("$1.5bn".into(), 1.5e9, Unit::Money("USD"))]
        );
        assert_eq!(u("en", "£20m"), [("£20m".into(), 2e7, Unit::Money("GBP"))]);
        assert_eq!(
            u("de", "5 € und 3,5 Mio. Euro"),
            [
                ("5 €".into(), 5.0, Unit::Money("EUR")),
                ("3,5 Mio. Euro".into(), 3.5e6, Unit::Money("EUR"))
            ]
        );
        assert_eq!(
            u("es", "2.300 millones de euros"),
            [("2.300 millones de euros".into(), 2.3e9, Unit::Money("EUR"))]
        );
        assert_eq!(
            u("fr", "2 millions d'euros"),
            [("2 millions d'euros".into(), 2e6, Unit::Money("EUR"))]
        );
        assert_eq!(
            u("ru", "100 рублей"),
            [("100 рублей".into(), 100.0, Unit::Money("RUB"))]
        );
    }

    #[test]
    fn measures_convert() {
        let len = Unit::Measure(Dimension::Length);
        assert_eq!(u("en", "30 yards"), [("30 yards".into(), 27.432, len)]);
        assert_eq!(u("es", "27 metros"), [("27 metros".into(), 27.0, len)]);
        assert_eq!(u("en", "a 20 m wall"), [("20 m".into(), 20.0, len)]);
        assert_eq!(
            u("de", "120 km/h"),
            [("120 km/h".into(), 120.0, Unit::Measure(Dimension::Speed))]
        );
        assert_eq!(
            u("en", "75 mph"),
            [("75 mph".into(), 120.701, Unit::Measure(Dimension::Speed))]
        );
        assert_eq!(
            u("en", "100 °F"),
            [(
                "100 °F".into(),
                37.778,
                Unit::Measure(Dimension::Temperature)
            )]
        );
        assert_eq!(u("ru", "5 км"), [("5 км".into(), 5000.0, len)]);
        // A glued one-letter symbol is not read: "20m" may be millions or metres, so it is
        // kept only as a number to match, never reported alone.
        let glued = quantities("20m", &"en".parse().unwrap());
        assert_eq!(glued.len(), 1);
        assert_eq!((glued[0].value, glued[0].written), (20.0, Written::Implied));
    }
}

#[cfg(test)]
mod paraphrase_tests {
    use super::*;
    use crate::numbers::{Dimension, Written};

    fn w(lang: &str, text: &str) -> Vec<(String, f64, Unit, Written)> {
        quantities(text, &lang.parse().unwrap())
            .into_iter()
            .map(|x| {
                let v = (x.value * 1000.0).round() / 1000.0;
                (text[x.span].to_string(), v, x.unit, x.written)
            })
            .collect()
    }

    #[test]
    fn quarter_hours_and_couples_of_decades_imply_their_number() {
        let got = w("en", "He fell at the quarter-hour mark.");
        assert_eq!(
            got,
            [("quarter-hour".into(), 15.0, Unit::Count, Written::Implied)]
        );
        let got = w("en", "It lasted a couple of decades.");
        assert_eq!(
            got,
            [(
                "couple of decades".into(),
                20.0,
                Unit::Count,
                Written::Implied
            )]
        );
    }

    #[test]
    fn clock_times_with_h_and_a_colon_and_plural_decades() {
        let got = w("pt", "Abriu às 2h:30.");
        assert_eq!(
            (got[0].0.as_str(), got[0].1, got[0].2),
            ("2h:30", 150.0, Unit::Time)
        );
        let got = w("es", "Bailaban en los ochentas.");
        assert_eq!(
            got,
            [("ochentas".into(), 80.0, Unit::Decade, Written::Words)]
        );
    }

    #[test]
    fn swedish_centuries_hundreds_and_degrees() {
        let got = w("sv", "Det var 1800-talets stil.");
        assert_eq!((got[0].1, got[0].2), (1800.0, Unit::Decade));
        let got = w("sv", "under de senaste hundra åren");
        assert_eq!((got[0].1, got[0].2), (100.0, Unit::Count));
        let got = w("sv", "Det blir 25 grader i dag.");
        assert_eq!(got[0].2, Unit::Measure(Dimension::Degrees));
    }

    #[test]
    fn turkish_percentages_hours_fractions_and_numbers_as_nouns() {
        // "from five per cent to ten per cent": endings after the percent word.
        let got = w("tr", "Vergi yüzde beşlikten yüzde ona çıktı.");
        let got: Vec<(f64, Unit)> = got.iter().map(|x| (x.1, x.2)).collect();
        assert_eq!(got, [(5.0, Unit::Percent), (10.0, Unit::Percent)]);
        // "it was six in the morning": a homograph with a possessive, after "sabahın".
        let got = w("tr", "Saat sabahın altısıydı.");
        assert_eq!((got[0].1, got[0].2), (360.0, Unit::Time));
        let got = w("tr", "Akşamın yedisinde geldi.");
        assert_eq!((got[0].1, got[0].2), (19.0 * 60.0, Unit::Time));
        // "two in three": two-thirds.
        let got = w("tr", "Üçte iki çoğunluk gerekir.");
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].1, got[0].3), (0.667, Written::Implied));
        // "they won four of the four": the second is a noun, matched but never alone.
        let got = w("tr", "Dört maçın dördünü kazandılar.");
        let got: Vec<(f64, Written)> = got.iter().map(|x| (x.1, x.3)).collect();
        assert_eq!(got, [(4.0, Written::Words), (4.0, Written::Implied)]);
        // A count with a case ending and no possessive is still a number in words.
        let got = w("tr", "Ölü sayısı beşe yükseldi.");
        assert_eq!((got[0].1, got[0].3), (5.0, Written::Words));
    }
}

//! Units of measure and currencies written after a number: "5,000 km", "300 tonnes", "2 million
//! dollars", "30 days". A number before one is a length, a weight, a sum or a time, not a count
//! of what the figure counts, and read as a count it would pass in silence. So such a number is
//! refused, in a value and in a quote alike, unless the figure itself is measured in that unit
//! (`unit = "km"`).

use super::lexer::Token;
use foldhash::HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Each unit by its name, with the words that write it; a word may belong to one unit only, and
/// a name is one of its unit's words, so that a figure's `unit` may be written as the name.
/// "k", "m", "g", "t", "mm" and "min" are left out: the grammar reads them as scales or refuses
/// them with reasons of their own.
const UNITS: [(&str, &str); 48] = [
    (
        "kilometres",
        "km kms kilometre kilometres kilometer kilometers klick klicks",
    ),
    ("metres", "metre metres meter meters"),
    (
        "centimetres",
        "cm centimetre centimetres centimeter centimeters",
    ),
    (
        "millimetres",
        "millimetre millimetres millimeter millimeters",
    ),
    ("miles", "mile miles mi"),
    ("feet", "ft foot feet"),
    ("inches", "inch inches"),
    ("yards", "yd yds yard yards"),
    ("hectares", "ha hectare hectares"),
    ("acres", "acre acres"),
    (
        "kilograms",
        "kg kgs kilo kilos kilogram kilograms kilogramme kilogrammes",
    ),
    ("grams", "gram grams gramme grammes"),
    ("tonnes", "tonne tonnes"),
    ("tons", "ton tons"),
    ("pounds", "pound pounds lb lbs sterling gbp"),
    ("ounces", "oz ounce ounces"),
    ("litres", "litre litres liter liters"),
    ("gallons", "gal gallon gallons"),
    ("barrels", "bbl barrel barrels"),
    ("dollars", "dollar dollars usd"),
    ("euros", "euro euros eur"),
    ("rials", "rial rials irr"),
    ("tomans", "toman tomans"),
    ("riyals", "riyal riyals"),
    ("rupees", "rupee rupees inr"),
    ("yen", "yen jpy"),
    ("yuan", "yuan rmb cny renminbi"),
    ("francs", "franc francs chf"),
    ("pesos", "peso pesos"),
    ("roubles", "rouble roubles ruble rubles"),
    ("shekels", "shekel shekels"),
    ("dinars", "dinar dinars"),
    ("dirhams", "dirham dirhams"),
    ("liras", "lira liras lire"),
    ("seconds", "seconds secs"),
    ("minutes", "minute minutes mins"),
    ("hours", "hour hours hr hrs"),
    ("days", "day days"),
    ("weeks", "week weeks wk wks"),
    ("months", "month months"),
    ("years", "year years yr yrs"),
    ("decades", "decade decades"),
    ("degrees", "degree degrees"),
    ("mph", "mph"),
    ("kph", "kph kmh"),
    ("kwh", "kwh"),
    ("mwh", "mwh"),
    ("gwh", "gwh"),
];

/// Words that make the unit after them a square: "square miles", "sq km".
const SQUARE: [&str; 2] = ["square", "sq"];

/// A unit of measure or a currency, square or not: "km" and "square km" are different units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// The unit's place in [`UNITS`].
    index: u8,
    square: bool,
}

static BY_WORD: LazyLock<HashMap<&str, u8>> = LazyLock::new(|| {
    let mut by_word = HashMap::default();
    for (index, (_, words)) in UNITS.iter().enumerate() {
        let index = u8::try_from(index).expect("fewer than 256 units");
        for word in words.split_whitespace() {
            by_word.insert(word, index);
        }
    }
    by_word
});

impl Unit {
    /// The unit a figure's `unit` names, if it is a unit of measure or a currency: "km", "square
    /// kilometres", "US dollars", "tonnes of grain". None for what is counted ("people"), for
    /// shares, and for no unit.
    pub fn of_figure(unit: Option<&str>) -> Option<Unit> {
        let unit = unit?.to_lowercase();
        let words: Vec<&str> = (unit.split(|c: char| !c.is_alphanumeric()))
            .filter(|word| !word.is_empty())
            .collect();
        // "km2" and "km²" are square, as are "square km" and "sq km".
        let (index, squared) = words.iter().find_map(|word| {
            let bare = word.trim_end_matches(['2', '²']);
            BY_WORD
                .get(bare)
                .map(|&index| (index, bare.len() < word.len()))
        })?;
        let square = squared || words.iter().any(|word| SQUARE.contains(word));
        Some(Unit { index, square })
    }

    /// Whether `word` (a token's lowercase text) writes a unit: "km", "tonnes", "dollars".
    pub(super) fn is_word(word: &str) -> bool {
        BY_WORD.contains_key(word)
    }

    /// Whether `word` (as written) may open a unit after a number: a unit's word, "square", or
    /// "of" ("thousands of dollars").
    pub(super) fn may_open(word: &str) -> bool {
        let word = if word.chars().any(char::is_uppercase) {
            Cow::Owned(word.to_lowercase())
        } else {
            Cow::Borrowed(word)
        };
        let word = word.as_ref();
        word == "of" || SQUARE.contains(&word) || BY_WORD.contains_key(word)
    }

    /// The unit written at the start of `tokens`, with how many tokens it takes: "km" one,
    /// "square miles" two.
    pub(super) fn written_at(tokens: &[Token]) -> Option<(Unit, usize)> {
        let word = |at: usize| tokens.get(at).and_then(Token::word);
        let unit_at = |at: usize| word(at).and_then(|word| BY_WORD.get(word)).copied();
        let first = word(0)?;
        if SQUARE.contains(&first) {
            let index = unit_at(1)?;
            return Some((
                Unit {
                    index,
                    square: true,
                },
                2,
            ));
        }
        let index = unit_at(0)?;
        Some((
            Unit {
                index,
                square: false,
            },
            1,
        ))
    }

    /// The unit's name: "kilometres", "square miles".
    pub fn name(self) -> String {
        let name = UNITS[usize::from(self.index)].0;
        if self.square {
            format!("square {name}")
        } else {
            name.to_string()
        }
    }

    /// Why a number written before this unit (the phrase `written`) is not a count, on a
    /// figure measured in `expected` (None for a figure that counts).
    pub(super) fn reason(self, written: &str, expected: Option<Unit>) -> String {
        let what = match expected {
            Some(expected) => format!("not in the figure's unit ({})", expected.name()),
            None => "not a count".to_string(),
        };
        format!("\"{written}\" is a measure in {}, {what}", self.name())
    }

    /// How a figure measured in this unit says so.
    pub(super) fn declared(self) -> String {
        let name = self.name();
        format!("a figure measured in {name} says so with `unit = \"{name}\"`")
    }

    /// [`Self::reason`], with what to record instead: for a value.
    pub(super) fn refusal(self, written: &str, expected: Option<Unit>) -> String {
        let instead = match expected {
            Some(expected) => format!("the number in {}", expected.name()),
            None => "the number of what the figure counts".to_string(),
        };
        format!(
            "{}: record {instead}, keeping the source's words in `quote`; {}",
            self.reason(written, expected),
            self.declared()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::lexer::tokenize;
    use crate::value::settings::DecimalMark;

    fn written(text: &str) -> Option<(String, usize)> {
        let tokens = tokenize(text, DecimalMark::Point);
        Unit::written_at(&tokens).map(|(unit, length)| (unit.name(), length))
    }

    #[test]
    fn units_are_read_with_their_square() {
        assert_eq!(written("km of road"), Some(("kilometres".into(), 1)));
        assert_eq!(written("Square Miles"), Some(("square miles".into(), 2)));
        assert_eq!(written("sq km"), Some(("square kilometres".into(), 2)));
        assert_eq!(written("USD"), Some(("dollars".into(), 1)));
        assert_eq!(written("square"), None);
        assert_eq!(written("people"), None);
        assert_eq!(written("5 km"), None);
    }

    #[test]
    fn a_figure_names_its_unit_in_any_of_its_words() {
        let name = |unit: &str| Unit::of_figure(Some(unit)).map(Unit::name);
        assert_eq!(name("km"), Some("kilometres".into()));
        assert_eq!(name("Kilometres of border"), Some("kilometres".into()));
        assert_eq!(name("square kilometres"), Some("square kilometres".into()));
        assert_eq!(name("km²"), Some("square kilometres".into()));
        assert_eq!(name("km2"), Some("square kilometres".into()));
        assert_eq!(name("US dollars"), Some("dollars".into()));
        assert_eq!(name("CO2 tonnes"), Some("tonnes".into()));
        assert_eq!(name("people"), None);
        assert_eq!(name("percent"), None);
        assert_eq!(Unit::of_figure(None), None);
        assert_ne!(Unit::of_figure(Some("km")), Unit::of_figure(Some("miles")));
    }

    #[test]
    fn every_word_writes_one_unit_and_every_name_is_its_word() {
        let mut seen = std::collections::HashSet::new();
        for (index, (name, words)) in UNITS.iter().enumerate() {
            let unit = Unit::of_figure(Some(name)).map(|unit| unit.index);
            assert_eq!(unit, u8::try_from(index).ok(), "{name}");
            for word in words.split_whitespace() {
                assert!(seen.insert(word), "{word} is listed twice");
                assert_eq!(word, word.to_lowercase(), "tokens are lowercase");
            }
        }
    }
}

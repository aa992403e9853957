//! A place named after a value's number ("5,000 in Tehran", "300 at Evin prison"): the number
//! counts that place alone, so it reads only on a figure whose label or unit names the place.

use super::{Counted, CountedRefusal, Counting, Counts};
use crate::value::lexer::{Kind, Token};

/// Words before a place's name that make a count one of that place.
const BEFORE_PLACES: [&str; 9] = [
    "in",
    "within",
    "at",
    "across",
    "throughout",
    "inside",
    "outside",
    "near",
    "from",
];

/// The place a value's words after its number phrase (`tokens[..next]`) name: a word from
/// [`BEFORE_PLACES`], then a name written with capitals ("in Tehran", "at Evin prison", "from
/// Sistan-Baluchestan").
pub(super) fn place_in_value(text: &str, tokens: &[Token], next: usize) -> Option<Counted> {
    let capital = |token: &Token| {
        token.kind == Kind::Word && text[token.span.clone()].starts_with(char::is_uppercase)
    };
    let (at, word) = (tokens.get(next..)?.iter().enumerate()).find_map(|(k, token)| {
        let word = BEFORE_PLACES.iter().find(|w| **w == token.text)?;
        tokens.get(next + k + 1).filter(|t| capital(t))?;
        Some((next + k, *word))
    })?;
    // The name runs over capitalised words and what is joined to them ("Sistan-Baluchestan").
    let mut end = at + 1;
    while let Some(token) = tokens.get(end + 1)
        && (capital(token) || token.glued)
    {
        end += 1;
    }
    Some(Counted {
        counts: Counts::Place(tokens[at + 1].span.start),
        word,
        span: tokens[at].span.start..tokens[end].span.end,
    })
}

impl Counted {
    /// Why a value naming a place whose name starts at byte `start` of `text` is refused on a
    /// figure counting `counting`: its label and unit do not name the place, every word of it.
    pub(super) fn place_refusal(
        &self,
        text: &str,
        start: usize,
        counting: Counting,
    ) -> Option<CountedRefusal> {
        let words = |text: &str| {
            let text = text.to_lowercase();
            (text.split(|c: char| !c.is_alphanumeric()))
                .filter(|word| !word.is_empty())
                .map(str::to_string)
                .collect::<Vec<String>>()
        };
        let mut named = words(counting.label);
        named.extend(counting.unit.map(words).unwrap_or_default());
        // "in Iran's prisons" names Iran.
        let name = text.get(start..self.span.end)?;
        let name = name.trim_end_matches("'s").trim_end_matches("\u{2019}s");
        if words(name).iter().all(|word| named.contains(word)) {
            return None;
        }
        let phrase = text.get(self.span.clone()).unwrap_or(text);
        Some(CountedRefusal {
            message: format!(
                "\"{phrase}\" limits the count to {name}, which the figure's label (\"{}\") does \
                 not name: read as its value, the count of a part would pass as the whole",
                counting.label
            ),
            help: format!(
                "record the number alone on a figure that counts just {name} (one declared with \
                 `part_of`, say), keeping the source's words in `quote`; if the figure counts {name} \
                 alone, name it in the label"
            ),
            span: self.span.clone(),
        })
    }
}

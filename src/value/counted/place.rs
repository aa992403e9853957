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

/// Nouns that name a part of a country or of what a figure counts, after "the" ("in the capital",
/// "across the northern provinces", "in the main prisons").
const PLACE_NOUNS: [&str; 48] = [
    "capital",
    "city",
    "cities",
    "town",
    "towns",
    "village",
    "villages",
    "province",
    "provinces",
    "governorate",
    "governorates",
    "state",
    "states",
    "county",
    "counties",
    "municipality",
    "municipalities",
    "region",
    "regions",
    "district",
    "districts",
    "neighbourhood",
    "neighbourhoods",
    "neighborhood",
    "neighborhoods",
    "suburbs",
    "prison",
    "prisons",
    "jail",
    "jails",
    "area",
    "areas",
    "zone",
    "zones",
    "territory",
    "territories",
    "countryside",
    "border",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "camp",
    "camps",
];

/// Words before a name or a noun of [`PLACE_NOUNS`] that make the place a part of it ("in
/// northern Iran", "in rural areas").
const PLACE_PARTS: [&str; 11] = [
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "coastal",
    "rural",
];

/// The place a value's words after its number phrase (`tokens[..next]`) name: a word from
/// [`BEFORE_PLACES`], then a name written with capitals ("in Tehran", "at Evin prison", "from
/// Sistan-Baluchestan"), or "the" and a noun of [`PLACE_NOUNS`], a word before it or none ("in
/// the capital", "across the northern provinces"); or either after a word of [`PLACE_PARTS`], or
/// the noun alone ("in northern Iran", "in rural areas", "in camps").
pub(super) fn place_in_value(text: &str, tokens: &[Token], next: usize) -> Option<Counted> {
    let capital = |token: &Token| {
        token.kind == Kind::Word && text[token.span.clone()].starts_with(char::is_uppercase)
    };
    let place_noun = |at: usize| {
        tokens
            .get(at)
            .is_some_and(|t| PLACE_NOUNS.contains(&&*t.text))
    };
    // The last token of a name starting at `first`: it runs over capitalised words and what
    // is joined to them.
    let name_end = |first: usize| {
        let mut end = first;
        while let Some(token) = tokens.get(end + 1)
            && (capital(token) || token.glued)
        {
            end += 1;
        }
        end
    };
    // Where the name begins, after the word before it, and where it ends.
    let named = |at: usize| {
        let first = tokens.get(at + 1)?;
        if capital(first) {
            return Some((at + 1, name_end(at + 1)));
        }
        // A part of a place ("northern Iran", "rural areas"), or a noun of one without "the"
        // ("in camps").
        let part = PLACE_PARTS.contains(&&*first.text);
        if part && tokens.get(at + 2).is_some_and(capital) {
            return Some((at + 1, name_end(at + 2)));
        }
        let noun = at + 1 + usize::from(part);
        if place_noun(noun) {
            return Some((at + 1, noun));
        }
        let noun = (first.text == "the")
            .then(|| [at + 2, at + 3].into_iter().find(|&k| place_noun(k)))??;
        Some((at + 1, noun))
    };
    let (at, word, (start, end)) = (next..tokens.len()).find_map(|at| {
        let word = BEFORE_PLACES.iter().find(|w| **w == tokens[at].text)?;
        Some((at, *word, named(at)?))
    })?;
    Some(Counted {
        counts: Counts::Place(tokens[start].span.start),
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
        // "In prisons" is named by a label's "prison massacres", and "in the camp" by "camps".
        let told = |word: &String| {
            let singular = word.strip_suffix('s').map(str::to_string);
            word == "the"
                || named.contains(word)
                || singular.is_some_and(|singular| named.contains(&singular))
                || named.contains(&format!("{word}s"))
        };
        if words(name).iter().all(told) {
            return None;
        }
        let phrase = text.get(self.span.clone()).unwrap_or(text);
        Some(CountedRefusal {
            message: format!(
                "\"{phrase}\" names a place, {name}, that the figure's label (\"{}\") does not: \
                 read as its value, the count of a part would pass as the whole",
                counting.label
            ),
            help: "record the number alone on a figure that counts just that part (one declared \
                   with `part_of`, say), keeping the source's words in `quote`; if the figure's \
                   own count is of that place, name it in the label"
                .to_string(),
            span: self.span.clone(),
        })
    }
}

//! Words after a value's number saying that it counts other than the whole of what a figure
//! counts: groups ("5,000 families", "hundreds of households", "12 busloads"), additions ("5,000
//! new cases", "300 newly displaced") or the rest beside a count given elsewhere ("5,000
//! others"). Read as a count of the figure, such a number would pass without a word as one person
//! a family, or as the whole where it is an increase or a part, and be compared with the figure's
//! other values as such. A value counting them is read only on a figure that says it counts them,
//! in its `unit` or its `label` (`unit = "households"`, `label = "New cases a day"`); groups in
//! the label only when the figure gives no unit. A place named after the number ("5,000 in
//! Tehran", "300 at Evin prison") makes it a count of that place alone, read only on a figure
//! whose label names the place too; so does a part of the people counted ("5,000 children").

use super::lexer::{Kind, Token};
use super::outcome::Outcomes;
use std::ops::Range;

pub(super) use in_quote::uncounted_in_quote;
pub(super) use known::known_in_quote;

/// What the words after a value's number say it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counts {
    /// Groups of what the figure counts, each holding several.
    Groups,
    /// Additions: an increase, not a whole.
    Additions,
    /// The rest, beside a count given elsewhere.
    Others,
    /// Those something happened to (see [`super::outcome`]): the dead, the injured.
    Outcome(Outcomes),
    /// Those of one place, whose name starts at this byte of the value.
    Place(usize),
    /// Only the cases documented or confirmed so far: a lower bound of the whole.
    KnownSoFar,
    /// A part of the people a figure counts: an age, a sex, civilians (see [`part`]).
    Part(part::Parts),
}

/// Plurals that count groups of people or of what a figure counts, or events and graves, each of
/// which may hold several or none; a singular ("family members", "village elders", "attack
/// victims") says what the members are, so only plurals are listed.
const GROUPS: [&str; 35] = [
    "families",
    "households",
    "couples",
    "pairs",
    "groups",
    "villages",
    "communities",
    "tribes",
    "clans",
    "busloads",
    "truckloads",
    "boatloads",
    "carloads",
    "shiploads",
    "convoys",
    "battalions",
    "brigades",
    "regiments",
    "platoons",
    "squads",
    "companies",
    "teams",
    "crews",
    "delegations",
    "homes",
    "houses",
    "dwellings",
    "graves",
    "attacks",
    "incidents",
    "raids",
    "bombings",
    "shootings",
    "explosions",
    "airstrikes",
];

/// Words that count additions, and the words a figure's label names them with.
const ADDITIONS: [&str; 3] = ["new", "newly", "fresh"];

/// Words that count the rest beside a count given elsewhere.
const OTHERS: [&str; 2] = ["other", "others"];

/// Words that end the words saying what the number counts: after them a group word says where
/// or whose ("5,000 people across villages", "300 children from poor families").
const ENDS: [&str; 24] = [
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "among",
    "across",
    "within",
    "into",
    "over",
    "under",
    "per",
    "and",
    "or",
    "but",
    "than",
    "including",
    "like",
    "as",
    "who",
];

/// How many words after the number may say what it counts: "5,000 displaced Kurdish families".
const COUNTED_WORDS: usize = 4;

/// Words of a value saying that its number counts other than the whole of what a figure counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    counts: Counts,
    /// The word that says so, as listed: "families", "new"; for a place, the word before it.
    word: &'static str,
    /// From the value's start to the end of the words saying what is counted, in its text; for a
    /// place, from the word before it to the end of its name.
    span: Range<usize>,
}

/// Why a value is refused: what it says and how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct CountedRefusal {
    pub message: String,
    pub help: String,
    /// The value's words up to the end of those saying what is counted, in the value's text.
    pub span: Range<usize>,
}

/// What a figure says it counts, in its `unit` and `label` as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Counting<'a> {
    pub unit: Option<&'a str>,
    pub label: &'a str,
}

/// What a value (`text`, split into `tokens`, its number phrase `tokens[..next]`) counts, where
/// its words say it counts groups, additions, others or those something happened to (see
/// [`counted_after`]), and the place they say it counts, if any.
pub(super) fn counted_in_value(text: &str, tokens: &[Token], next: usize) -> Vec<Counted> {
    let counted = counted_after(text, tokens, next).map(|(counted, _)| counted);
    let counted = counted.or_else(|| {
        let (after, words) = counted_words(tokens, next)?;
        outcome_after(tokens, after, &words)
    });
    let place = place::place_in_value(text, tokens, next);
    let known = known::known_in_value(tokens, next);
    let part = part::part_in_value(tokens, next);
    (counted.into_iter())
        .chain(place)
        .chain(known)
        .chain(part)
        .collect()
}

/// The words that may say what a number phrase ending before `next` counts: those right after
/// it, or after the "of" that follows it ("hundreds of families"), up to a word that says where
/// or whose; with the index of the first.
fn counted_words<'a, 't>(
    tokens: &'a [Token<'t>],
    next: usize,
) -> Option<(usize, Vec<&'a Token<'t>>)> {
    let after = next + usize::from(tokens.get(next).is_some_and(|token| token.text == "of"));
    let words = (tokens.get(after..)?.iter())
        .take(COUNTED_WORDS)
        .take_while(|token| token.kind == Kind::Word && !ENDS.contains(&token.text.as_ref()))
        .collect();
    Some((after, words))
}

/// What a value or quote phrase (`text`, split into `tokens`, its number phrase
/// `tokens[..next]`) counts, if its words say it counts groups, additions or others; with the
/// index of the token after those words. "New" written with a capital starts a name ("5,000 New
/// Yorkers").
pub(super) fn counted_after(text: &str, tokens: &[Token], next: usize) -> Option<(Counted, usize)> {
    let (after, words) = counted_words(tokens, next)?;
    words.iter().enumerate().find_map(|(k, token)| {
        let listed = |list: &[&'static str]| list.iter().find(|w| **w == token.text).copied();
        let (counts, word) = (listed(&GROUPS).map(|word| (Counts::Groups, word)))
            .or_else(|| {
                let capital = text[token.span.clone()].starts_with(char::is_uppercase);
                let word = listed(&ADDITIONS).filter(|_| !capital)?;
                Some((Counts::Additions, word))
            })
            .or_else(|| listed(&OTHERS).map(|word| (Counts::Others, word)))?;
        // The words end at a group, and at the word after "new" or "other": "5,000 new cases".
        let last = match counts {
            Counts::Groups => k,
            _ => (k + 1).min(words.len() - 1),
        };
        let counted = Counted {
            counts,
            word,
            span: 0..words[last].span.end,
        };
        Some((counted, after + last + 1))
    })
}

/// What happened to those the number counts, if the words after it (`words`, from token
/// `after` on) say: "5,000 injured", "300 people arrested", and "1,200 dead and wounded" or
/// "killed or injured", an outcome joined by "and" or "or" to another: those of either.
fn outcome_after(tokens: &[Token], after: usize, words: &[&Token]) -> Option<Counted> {
    let next = |k: usize| tokens.get(after + k + 1).map(|next| &*next.text);
    let (k, (outcomes, word)) = (words.iter().enumerate())
        .find_map(|(k, token)| Some((k, Outcomes::of_words(&token.text, next(k))?)))?;
    let two = Outcomes::named_by_two(&words[k].text, next(k));
    let mut last = after + k + usize::from(two);
    let joined = (tokens.get(last + 1)).filter(|token| ["and", "or"].contains(&&*token.text));
    let other = joined.and_then(|_| Outcomes::of_word(&tokens.get(last + 2)?.text));
    let outcomes = match other {
        Some((other, _)) => {
            last += 2;
            outcomes.with(other).together()
        }
        None => outcomes,
    };
    Some(Counted {
        counts: Counts::Outcome(outcomes),
        word,
        span: 0..tokens[last].span.end,
    })
}

impl Counted {
    /// Whether a figure counting `counting` says it counts what these words count: "families"
    /// in its unit ("family" as its unit), or in its label when it gives no unit; "new" in its
    /// label for additions, "other" for others.
    fn counted_by(&self, counting: Counting) -> bool {
        let own = [self.word];
        let named: &[&str] = match self.counts {
            Counts::Groups => &own,
            Counts::Additions => &ADDITIONS,
            Counts::Others => &OTHERS,
            Counts::Outcome(outcomes) => return outcomes.counted_by(counting),
            // A place is judged with the value's text, where its name is (see `refusal`).
            Counts::Place(_) => return false,
            Counts::KnownSoFar => &own,
            Counts::Part(parts) => return part::parts_counted_by(parts, counting),
        };
        let singular = match self.word.strip_suffix("ies") {
            Some(stem) => format!("{stem}y"),
            None => self.word.trim_end_matches('s').to_string(),
        };
        let names = |text: &str| {
            let text = text.to_lowercase();
            let mut words = text.split(|c: char| !c.is_alphanumeric());
            words.any(|word| named.contains(&word))
                || (self.counts == Counts::Groups && text.trim() == singular)
        };
        // A unit says what is counted; a label may name groups only as where or whose ("People
        // displaced from their homes"), so it speaks for groups only when there is no unit.
        match (self.counts, counting.unit) {
            (Counts::Groups, Some(unit)) => names(unit),
            (Counts::Groups, None) => names(counting.label),
            (_, unit) => unit.is_some_and(names) || names(counting.label),
        }
    }

    /// Whether the words say the number counts only the cases known so far ("304 documented").
    pub fn counts_known_so_far(&self) -> bool {
        self.counts == Counts::KnownSoFar
    }

    /// Why `text` (the value these words were found in) is refused on a figure counting
    /// `counting`; None when the figure says it counts what they count.
    pub fn refusal(&self, text: &str, counting: Counting) -> Option<CountedRefusal> {
        if let Counts::Place(start) = self.counts {
            return self.place_refusal(text, start, counting);
        }
        if self.counted_by(counting) {
            return None;
        }
        let Counting { unit, label } = counting;
        let word = self.word;
        let phrase = text.get(self.span.clone()).unwrap_or(text);
        let (message, help) = match self.counts {
            Counts::Groups => {
                let message = match unit {
                    Some(unit) => format!(
                        "\"{phrase}\" counts {word}, but the figure counts {unit}: read as a \
                         count of {unit}, each of the {word} would pass as one"
                    ),
                    None => format!(
                        "\"{phrase}\" counts {word}, which the figure's label (\"{label}\") does \
                         not name: read as a count, each of the {word} would pass as one of what \
                         the figure counts"
                    ),
                };
                let counted = unit.unwrap_or("what the figure counts");
                let help = format!(
                    "record the number of {counted} if the source gives one, keeping its words \
                     in `quote`; a number of {word} belongs on a figure that counts them \
                     (`unit = \"{word}\"`)"
                );
                (message, help)
            }
            Counts::Additions => (
                format!(
                    "\"{phrase}\" counts an increase, which the figure's label (\"{label}\") \
                     does not say it counts: read as a count, the increase would pass as the \
                     whole"
                ),
                "record the whole the source gives, if it gives one, keeping its words in \
                 `quote`; an increase belongs on a figure that counts increases, its label saying \
                 so (\"New cases a day\")"
                    .to_string(),
            ),
            Counts::Outcome(outcomes) => {
                let who = outcomes.who();
                let theirs = Outcomes::figure_counts(counting);
                (
                    format!(
                        "\"{phrase}\" counts {who}, but the figure (\"{label}\") counts \
                         {theirs}: read as its value, the number would be compared with the \
                         figure's other values as one of them"
                    ),
                    format!(
                        "record the number the label names if the source gives one, keeping its \
                         words in `quote`; a number of {who} belongs on a figure that counts them, \
                         its label saying so"
                    ),
                )
            }
            Counts::Place(_) => return None,
            Counts::KnownSoFar => known::refusal(phrase, word, label),
            Counts::Part(parts) => part::refusal(phrase, parts, label),
            Counts::Others => (
                format!(
                    "\"{phrase}\" counts others, beside a count given elsewhere, which the \
                     figure's label (\"{label}\") does not say it counts: read as a count, the \
                     part would pass as the whole"
                ),
                "record the whole the source gives, if it gives one, keeping its words in \
                 `quote`; a part belongs on a figure that counts it, its label saying so \
                 (\"Other casualties\")"
                    .to_string(),
            ),
        };
        Some(CountedRefusal {
            message,
            help,
            span: self.span.clone(),
        })
    }
}

mod in_quote;
mod known;
mod part;
mod place;
#[cfg(test)]
mod tests;

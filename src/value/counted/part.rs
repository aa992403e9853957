//! Words after a value's number naming a part of the people a figure counts: an age or sex
//! ("5,000 children", "300 women and girls") or civilians, combatants or soldiers ("1,200
//! civilians"). Read as the figure's value, a count of such a part would pass as the whole and be
//! compared with the whole's other values, in silence. It reads on a figure whose label or unit
//! names every part the value does ("Children killed", `unit = "civilians"`), and a list naming
//! both the young and the grown ("adults and children", "men, women and children") counts the
//! whole.

use super::{Counted, Counting, Counts, counted_words};
use crate::value::lexer::Token;

/// The parts, each with the singular a label may name it by ("Child deaths"), in the order a
/// list of them is written in ("men and boys", "women and children").
const PARTS: [(&str, &str); 20] = [
    ("men", "man"),
    ("women", "woman"),
    ("boys", "boy"),
    ("girls", "girl"),
    ("adults", "adult"),
    ("children", "child"),
    ("kids", "kid"),
    ("minors", "minor"),
    ("juveniles", "juvenile"),
    ("infants", "infant"),
    ("babies", "baby"),
    ("newborns", "newborn"),
    ("toddlers", "toddler"),
    ("teenagers", "teenager"),
    ("adolescents", "adolescent"),
    ("elderly", "elderly"),
    ("pensioners", "pensioner"),
    ("civilians", "civilian"),
    ("combatants", "combatant"),
    ("soldiers", "soldier"),
];

/// Words joining one part to the next in a list: "women and children", "men, women and children".
const JOINS: [&str; 4] = [",", "and", "or", "&"];

/// The parts a value names, as a set of places in [`PARTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Parts(u32);

impl Parts {
    fn has(self, word: &str) -> bool {
        part_of(word).is_some_and(|at| self.0 & 1 << at != 0)
    }

    fn each(self) -> impl Iterator<Item = (&'static str, &'static str)> {
        (PARTS.iter().enumerate())
            .filter(move |(at, _)| self.0 & 1 << at != 0)
            .map(|(_, &forms)| forms)
    }

    /// Whether the parts together are everyone: the young beside the grown.
    fn are_everyone(self) -> bool {
        let young = ["children", "kids", "minors", "juveniles"]
            .iter()
            .any(|w| self.has(w))
            || (self.has("boys") && self.has("girls"));
        let grown = self.has("adults") || (self.has("men") && self.has("women"));
        young && grown
    }

    /// The parts in words, in the order lists write them: "women and children".
    pub(super) fn listed(self) -> String {
        let words: Vec<&str> = self.each().map(|(plural, _)| plural).collect();
        match words.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        }
    }
}

/// The part of people a value's words after its number phrase (`tokens[..next]`) name, among
/// those saying what is counted, with the parts joined to it ("women and children").
pub(super) fn part_in_value(tokens: &[Token], next: usize) -> Option<Counted> {
    let (after, words) = counted_words(tokens, next)?;
    let first = words
        .iter()
        .position(|token| part_of(&token.text).is_some())?;
    parts_from(tokens, after + first)
}

/// The part of people named right after a quote's number phrase ending before `next` (or after
/// its "of": "hundreds of children") that the figure counting `counting` does not name, with the
/// index of the token after the words naming it. Further on, a quote's words as often say who
/// else ("5,000 people, many of them children").
pub(super) fn part_in_quote(
    tokens: &[Token],
    next: usize,
    counting: Counting,
) -> Option<(Counted, usize)> {
    let first = next + usize::from(tokens.get(next)?.text == "of");
    let counted = parts_from(tokens, first)?;
    if counted.counted_by(counting) {
        return None;
    }
    let last = (tokens[first..].iter()).position(|token| token.span.end == counted.span.end)?;
    Some((counted, first + last + 1))
}

/// The parts named from token `first` on: a part word, then others joined to it by a comma, "and"
/// or "or"; None when they are everyone.
fn parts_from(tokens: &[Token], first: usize) -> Option<Counted> {
    let word = part_of(&tokens.get(first)?.text)?;
    let mut parts = Parts(1 << word);
    let mut last = first;
    loop {
        // ", and" joins as "and" does.
        let joins = (tokens[last + 1..].iter().take(2))
            .take_while(|token| JOINS.contains(&&*token.text))
            .count();
        let joined = tokens.get(last + 1 + joins).filter(|_| joins > 0);
        let Some(part) = joined.and_then(|token| part_of(&token.text)) else {
            break;
        };
        parts.0 |= 1 << part;
        last += 1 + joins;
    }
    (!parts.are_everyone()).then(|| Counted {
        counts: Counts::Part(parts),
        word: PARTS[word].0,
        span: 0..tokens[last].span.end,
    })
}

/// The place of `word` in [`PARTS`], if it names a part.
fn part_of(word: &str) -> Option<usize> {
    PARTS.iter().position(|(plural, _)| *plural == word)
}

/// Whether a figure counting `counting` names every part of `parts`, in either form, in its
/// label or unit.
pub(super) fn parts_counted_by(parts: Parts, counting: Counting) -> bool {
    let text = format!("{} {}", counting.label, counting.unit.unwrap_or("")).to_lowercase();
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
    (parts.each()).all(|(plural, singular)| words.contains(&plural) || words.contains(&singular))
}

/// The message and help refusing `phrase`, which counts `parts`, on a figure labelled `label`
/// that does not name them.
pub(super) fn refusal(phrase: &str, parts: Parts, label: &str) -> (String, String) {
    let listed = parts.listed();
    (
        format!(
            "\"{phrase}\" counts {listed}, a part of the people a figure counts, which its label \
             (\"{label}\") does not name: read as its value, the part would pass as the whole"
        ),
        format!(
            "record the whole the source gives, if it gives one, keeping its words in `quote`; a \
             number of {listed} belongs on a figure that counts them, its label saying so \
             (declared with `part_of` naming this figure)"
        ),
    )
}

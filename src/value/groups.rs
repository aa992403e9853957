//! Words after a value's number that count groups: "5,000 families", "hundreds of households",
//! "12 busloads". A family or a household holds several of the people a figure counts, so read as
//! a count of people such a number would pass, without a word, as one person a family, and be
//! compared with the figure's other values as such. A value counting groups is read only on a
//! figure that says it counts them, in its `unit` or its `label`.

use super::lexer::{Kind, Token};
use std::ops::Range;

/// Plurals that count groups of people or of what a figure counts; a singular ("family
/// members", "village elders") says what the members are, so only plurals are listed.
const GROUPS: [&str; 27] = [
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
];

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

/// A word of a value saying that its number counts groups.
#[derive(Debug, Clone, PartialEq)]
pub struct CountedGroup {
    /// The group, as listed: "families".
    word: &'static str,
    /// From the value's start to the end of the group word, in the value's text.
    span: Range<usize>,
}

/// Why a value is refused: what it says and how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRefusal {
    pub message: String,
    pub help: String,
    /// The value's words up to the group word, in the value's text.
    pub span: Range<usize>,
}

/// The groups a value counts, if it counts groups: the group word among the words right after
/// its number phrase (`tokens[..next]`), or after the "of" that follows it ("hundreds of
/// families").
pub(super) fn counted_after(tokens: &[Token], next: usize) -> Option<CountedGroup> {
    let after = next + usize::from(tokens.get(next).is_some_and(|token| token.text == "of"));
    let counted = (tokens.get(after..)?.iter())
        .take(COUNTED_WORDS)
        .take_while(|token| token.kind == Kind::Word && !ENDS.contains(&token.text.as_ref()));
    counted.into_iter().find_map(|token| {
        let word = GROUPS.iter().find(|group| **group == token.text)?;
        Some(CountedGroup {
            word,
            span: 0..token.span.end,
        })
    })
}

impl CountedGroup {
    /// Why `text` (the value this group was found in) is refused on a figure of `unit` and
    /// `label`; None when the figure says it counts the group: "families" in its unit or label,
    /// or "family" as its unit.
    pub fn refusal(&self, text: &str, unit: Option<&str>, label: &str) -> Option<GroupRefusal> {
        let singular = match self.word.strip_suffix("ies") {
            Some(stem) => format!("{stem}y"),
            None => self.word.trim_end_matches('s').to_string(),
        };
        let names = |text: &str| {
            let text = text.to_lowercase();
            let named = (text.split(|c: char| !c.is_alphanumeric())).any(|word| word == self.word);
            named || text.trim() == singular
        };
        if unit.is_some_and(names) || names(label) {
            return None;
        }
        let word = self.word;
        let phrase = text.get(self.span.clone()).unwrap_or(text);
        let message = match unit {
            Some(unit) => format!(
                "\"{phrase}\" counts {word}, but the figure counts {unit}: read as a count of \
                 {unit}, each of the {word} would pass as one"
            ),
            None => format!(
                "\"{phrase}\" counts {word}, which the figure's label (\"{label}\") does not \
                 name: read as a count, each of the {word} would pass as one of what the figure \
                 counts"
            ),
        };
        let counted = unit.unwrap_or("what the figure counts");
        let help = format!(
            "record the number of {counted} if the source gives one, keeping its words in \
             `quote`; a number of {word} belongs on a figure that counts them (`unit = \"{word}\"`)"
        );
        Some(GroupRefusal {
            message,
            help,
            span: self.span.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{Measure, ValueSettings, read_value_counting};

    fn counted(text: &str) -> Option<CountedGroup> {
        let settings = ValueSettings::default();
        let read = read_value_counting(text, &settings, Measure::Count, None);
        read.unwrap_or_else(|error| panic!("{text}: {error:?}")).1
    }

    fn group(text: &str) -> Option<&'static str> {
        counted(text).map(|group| group.word)
    }

    #[test]
    fn a_group_word_saying_what_the_number_counts_is_found() {
        for (text, word) in [
            ("5,000 families", "families"),
            ("about 5,000 displaced Kurdish families", "families"),
            ("hundreds of households", "households"),
            ("at least 12 busloads", "busloads"),
            ("some 300 homes", "homes"),
            ("2 million households", "households"),
            ("thousands of families", "families"),
        ] {
            assert_eq!(group(text), Some(word), "{text}");
        }
    }

    #[test]
    fn members_and_places_of_groups_are_not_groups_counted() {
        for text in [
            "5,000",
            "5,000 people",
            "5,000 family members",
            "300 village elders",
            "5,000 people across villages",
            "300 children from poor families",
            "5,000 members of families",
            "5,000 villagers",
            "thousands",
        ] {
            assert_eq!(group(text), None, "{text}");
        }
    }

    #[test]
    fn a_figure_counting_the_groups_reads_them() {
        let found = counted("5,000 families").unwrap();
        let refused = |unit: Option<&str>, label: &str| {
            found.refusal("5,000 families", unit, label).is_some()
        };
        assert!(!refused(Some("families"), "Displaced"));
        assert!(!refused(Some("family"), "Displaced"));
        assert!(!refused(None, "Families displaced by the floods"));
        assert!(!refused(Some("people"), "Families displaced"));
        assert!(refused(Some("people"), "People displaced"));
        assert!(refused(None, "Displaced by the floods"));
        assert!(refused(Some("family members"), "Relatives displaced"));
        let refusal = found
            .refusal("5,000 families", Some("people"), "Displaced")
            .unwrap();
        assert_eq!(refusal.span, 0..14);
        assert!(
            refusal
                .message
                .starts_with("\"5,000 families\" counts families, but the figure counts people"),
            "{}",
            refusal.message
        );
    }
}

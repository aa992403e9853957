//! Words after a value's number phrase that limit its count to a time or to a part of what the
//! figure counts: "5,000 since Monday", "5,000 overnight", "5,000 last week", "5,000 in March",
//! "5,000 within a week", "5,000 in Tehran alone", "5,000 at a single site", "5,000 of them",
//! "5,000 excluding soldiers", "5,000 in addition". A figure counts its whole; read as its value,
//! such a number would be compared with the whole in silence (a day's toll against a war's), so
//! a value refuses them. Quotes keep them: a quote may state a part beside the whole, and the
//! value says which number the claim gives.
//!
//! Words that keep the whole pass: "in total", "so far", "to date", "cumulative", and an event
//! ("during the protests"), which names what the figure counts rather than a slice of its time.

use super::lexer::Token;
use foldhash::HashSet;
use std::sync::LazyLock;

/// Words that limit the count on their own; "excluding" and its kin leave a part out.
const ON_THEIR_OWN: &str = "since overnight yesterday today tonight tomorrow alone excluding \
    except besides";

/// Two words that leave a part out, or add one to a count given elsewhere: "apart from the
/// soldiers", "in addition".
const PAIRS: [[&str; 2]; 4] = [
    ["apart", "from"],
    ["aside", "from"],
    ["other", "than"],
    ["in", "addition"],
];

/// Words that, before a period or a date, name one period: "last week", "the first month",
/// "that summer".
const WHICH: &str = "last past this that previous preceding coming next first second third \
    same final opening initial";

/// Periods, after [`WHICH`] or after a word of [`WITHIN`]; a wave or a round of something is one
/// of its parts ("in the first wave").
const PERIODS: &str = "hour hours day days night nights week weeks weekend weekends fortnight \
    fortnights month months quarter quarters year years decade decades season morning \
    afternoon evening wave round phase stage batch";

/// Days, months and seasons, after a word of [`WITHIN`]: "in March", "by September".
const DATES: &str = "monday tuesday wednesday thursday friday saturday sunday january february \
    march april may june july august september october november december spring summer autumn \
    winter";

/// Words that, before a period or a date, limit the count to it: "in March", "within a week".
const WITHIN: &str = "in on during within by until till through throughout over before after \
    from between";

/// Words between those and the period or date: "in the summer", "within a single week", "in
/// recent days".
const BETWEEN: &str = "a an the one single early late mid recent";

static SETS: LazyLock<[HashSet<&str>; 6]> = LazyLock::new(|| {
    [ON_THEIR_OWN, WHICH, PERIODS, DATES, WITHIN, BETWEEN]
        .map(|list| list.split_whitespace().collect())
});

/// How many tokens at the start of `tail` (the words after a value's number phrase, from one of
/// them on) limit the count to a time or a part, if they do: "since" 1, "last week" 2, "in the
/// summer" 3.
pub(super) fn limiting_words(tail: &[Token]) -> Option<usize> {
    let [on_their_own, which, periods, dates, within, between] = &*SETS;
    let word = |k: usize| tail.get(k).and_then(Token::word);
    let first = word(0)?;
    if on_their_own.contains(first) {
        return Some(1);
    }
    let period_at = |k: usize| word(k).is_some_and(|w| periods.contains(w) || dates.contains(w));
    if which.contains(first) && period_at(1) {
        return Some(2);
    }
    // "In addition to the missing" names what else there is; "in addition" alone adds.
    let added_to = first == "in" && word(2) == Some("to");
    if PAIRS.contains(&[first, word(1).unwrap_or_default()]) && !added_to {
        return Some(2);
    }
    // "5,000 of them": a part of a group the words before named.
    if first == "of" && matches!(word(1), Some("them" | "whom" | "those" | "these" | "which")) {
        return Some(2);
    }
    // "For the month" limits the count to it; "held for a year" says what is counted.
    let for_the = first == "for" && word(1) == Some("the");
    if within.contains(first) || for_the || first == "at" {
        let mut k = 1;
        let mut single = false;
        while let Some(w) = word(k).filter(|w| between.contains(w) || which.contains(w)) {
            single |= w == "single";
            k += 1;
        }
        // "At a single site", "in a single prison": one part, whatever it is.
        if single && word(k).is_some() {
            return Some(k + 1);
        }
        return period_at(k).then_some(k + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::lexer::tokenize;
    use crate::value::settings::DecimalMark;

    fn limiting(text: &str) -> Option<usize> {
        limiting_words(&tokenize(text, DecimalMark::Point))
    }

    #[test]
    fn words_that_limit_the_count_to_a_time_or_a_part_are_found_whole() {
        for (text, length) in [
            ("since Monday", 1),
            ("Overnight", 1),
            ("alone", 1),
            ("last week", 2),
            ("this year", 2),
            ("in March", 2),
            ("by September", 2),
            ("in the summer", 3),
            ("within a week", 3),
            ("in a single day", 4),
            ("in the first week", 4),
            ("over the past month", 4),
            ("in recent days", 3),
            ("for the month", 3),
            ("that day", 2),
            ("that summer", 2),
            ("last March", 2),
            ("in the first wave", 4),
            ("during the second round", 4),
            ("in that year", 3),
            ("at a single site", 4),
            ("in a single prison", 4),
            ("at night", 2),
            ("at the weekend", 3),
            ("of them", 2),
            ("of whom", 2),
            ("excluding soldiers", 1),
            ("apart from the capital", 2),
            ("other than soldiers", 2),
            ("in addition", 2),
        ] {
            assert_eq!(limiting(text), Some(length), "{text}");
        }
    }

    #[test]
    fn words_that_keep_the_whole_or_name_what_is_counted_pass() {
        for text in [
            "in total",
            "in all",
            "so far",
            "to date",
            "cumulative",
            "during the protests",
            "in the camps",
            "first responders",
            "last rites",
            "for a year",
            "a day's walk away",
            "people",
            "that were executed",
            "in waves",
            "second-degree burns",
            "of the regime's opponents",
            "including soldiers",
            "in addition to the missing",
        ] {
            assert_eq!(limiting(text), None, "{text}");
        }
    }
}

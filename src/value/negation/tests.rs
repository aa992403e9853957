use super::*;
use crate::value::lexer::tokenize;
use crate::value::settings::DecimalMark;

/// The clause read word by word for one phrase, as the check first did: plainly right, and what
/// [`Negations::deny`] must agree with for every phrase of any quote.
fn deny_by_reading_the_clause(tokens: &[Token], range: &Range<usize>) -> bool {
    let start = (0..range.start)
        .rev()
        .take_while(|&k| !breaks(&tokens[k]))
        .last()
        .unwrap_or(range.start);
    let end = (range.end..tokens.len())
        .find(|&k| breaks(&tokens[k]))
        .unwrap_or(tokens.len());
    let (before, after) = (start..range.start, range.end..end);
    let word = |k: usize| tokens.get(k).map_or("", |token| token.text.as_ref());
    let mut words: Vec<&str> = before.clone().map(word).collect();
    words.extend(after.clone().map(word));
    let negated = words.iter().enumerate().any(|(k, word)| {
        let credibility_follows = || {
            let next = words.iter().skip(k + 1).take(3);
            next.into_iter().any(|next| CREDIBLE.contains(next))
        };
        negation(word) && credibility_follows()
    });
    let be = |k: usize, back: usize| k.checked_sub(back).is_some_and(|k| BE.contains(&word(k)));
    let said = |k: usize| {
        DENYING.contains(&word(k)) || (DENYING_SAID.contains(&word(k)) && (be(k, 1) || be(k, 2)))
    };
    let denies_what_follows = |k: usize| {
        let what = k + 1 + usize::from(["the", "any"].contains(&word(k + 1)));
        let no_grounds = word(k) == "no" && ["evidence", "proof"].contains(&word(k + 1));
        (DENYING_VERBS.contains(&word(k)) && DENIED.contains(&word(what))) || no_grounds
    };
    // "not 5,000", "never 5,000", "rather than 5,000", "instead of 5,000"; not "not only 5,000".
    let back = |n: usize| range.start.checked_sub(n).map_or("", word);
    let stressed = ["only", "just"].contains(&word(range.start));
    let right_before = (["not", "never"].contains(&back(1)) && !stressed)
        || [("rather", "than"), ("instead", "of")].contains(&(back(2), back(1)));
    // A denying verb ending the sentence, after the phrase in its clause or in the next clause
    // when a comma parts them; not in the passive, not negated.
    let final_denial = |k: usize| {
        let ends = tokens.get(k + 1).is_none_or(|t| breaks(t) && t.text != ",");
        let (one, two) = (
            k.checked_sub(1).map_or("", word),
            k.checked_sub(2).map_or("", word),
        );
        DENYING_VERBS.contains(&word(k))
            && ends
            && !BE.contains(&one)
            && !negation(one)
            && !negation(two)
    };
    let last_of = |from: usize| {
        let end = (from..tokens.len())
            .find(|&k| breaks(&tokens[k]))
            .unwrap_or(tokens.len());
        (end > from).then(|| end - 1)
    };
    let own_clause = last_of(range.end).is_some_and(final_denial);
    let next_clause = word(end) == "," && last_of(end + 1).is_some_and(final_denial);
    right_before
        || own_clause
        || next_clause
        || negated
        || before.clone().chain(after).any(said)
        || before.into_iter().any(denies_what_follows)
}

#[test]
fn every_word_that_denies_or_negates_passes_the_first_byte() {
    for word in DENYING
        .iter()
        .chain(&DENYING_SAID)
        .chain(&DENYING_VERBS)
        .chain(&NEGATIONS)
        .chain(&["isn't", "wasn't", "don't"])
    {
        assert!(may_negate(word), "{word}");
    }
}

fn deny(quote: &str, phrase: &str) -> bool {
    let tokens = tokenize(quote, DecimalMark::Point);
    let at = tokens
        .iter()
        .position(|t| t.text == phrase)
        .expect("the phrase is a token of the quote");
    Negations::of(&tokens).deny(&(at..at + 1))
}

#[test]
fn the_clause_around_the_phrase_decides() {
    assert!(deny("greater than 25 million are not realistic", "25"));
    assert!(deny("it is not true that 50 million died", "50"));
    assert!(deny("the figure of 30,000 is exaggerated", "30,000"));
    assert!(deny("30,000 isn't credible", "30,000"));
    // A negation elsewhere says something of what is counted.
    assert!(!deny("1,100 families were never seen again", "1,100"));
    assert!(!deny("no word of 1,100 families was heard", "1,100"));
    // Another clause's denial is not this phrase's.
    assert!(!deny(
        "30,000 died; the other figure is not credible",
        "30,000"
    ));
    // Denied before the phrase, or called false or fabricated.
    assert!(deny("officials denied that 5,000 died", "5,000"));
    assert!(deny("the ministry disputes the figure of 5,000", "5,000"));
    assert!(deny("the claim that 5,000 died is false", "5,000"));
    assert!(deny("the toll of 5,000 was entirely fabricated", "5,000"));
    // A denial after the phrase is of something else; so are words before what they describe.
    assert!(!deny(
        "5,000 were killed while officials continued to deny that anything happened",
        "5,000"
    ));
    assert!(!deny("5,000 were denied entry", "5,000"));
    assert!(!deny("5,000 died in a false flag attack", "5,000"));
    // Negated right before the phrase, set aside for another, or said to lack grounds.
    assert!(deny("not 5,000 but 500 died", "5,000"));
    assert!(deny("never 5,000, the ministry says", "5,000"));
    assert!(deny("rather than 5,000, some 500 died", "5,000"));
    assert!(deny("there is no evidence that 5,000 were killed", "5,000"));
    assert!(deny("the 5,000 figure has been debunked", "5,000"));
    assert!(deny("claims of 5,000 dead are unfounded", "5,000"));
    assert!(!deny("not only 5,000 died", "only"));
    assert!(!deny("there is evidence that 5,000 were killed", "5,000"));
    // Denied at the end of the sentence, in the phrase's clause or the next.
    assert!(deny("5,000 were killed, the ministry denied", "5,000"));
    assert!(deny(
        "reports of 5,000 deaths, which officials deny.",
        "5,000"
    ));
    assert!(deny(
        "reports of 5,000 deaths which the ministry denied",
        "5,000"
    ));
    assert!(!deny("5,000 were arrested, but bail was denied", "5,000"));
    assert!(!deny(
        "5,000 were killed, which the ministry did not deny",
        "5,000"
    ));
    assert!(!deny(
        "5,000 were killed, the group said, the ministry denied",
        "5,000"
    ));
    assert!(!deny(
        "5,000 were killed, the ministry denied entry to reporters",
        "5,000"
    ));
    // Too far from the negation, credibility is not negated.
    assert!(!deny(
        "not one of the 30,000 names was ever realistic",
        "30,000"
    ));
}

/// Words that make clauses, negations, credibility and denials in any order; negations and words
/// of credibility often, so that they meet near the phrase.
const WORDS: &[&str] = &[
    "not",
    "no",
    "never",
    "isn't",
    "not",
    "true",
    "realistic",
    "credible",
    "true",
    "exaggerated",
    "false",
    "fabricated",
    "denied",
    "disputes",
    "debunked",
    "evidence",
    "rather",
    "than",
    "only",
    "that",
    "any",
    "was",
    "the",
    "figure",
    "is",
    "5,000",
    "30",
    ",",
    ".",
    "-",
    "'",
    "–",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

    #[test]
    fn deny_agrees_with_reading_the_clause(
        words in proptest::collection::vec(proptest::sample::select(WORDS), 1..40),
        start in 0usize..40,
        length in 0usize..4,
    ) {
        let quote = words.join(" ");
        let tokens = tokenize(&quote, DecimalMark::Point);
        let start = start % tokens.len();
        let range = start..(start + length).min(tokens.len());
        proptest::prop_assert_eq!(
            Negations::of(&tokens).deny(&range),
            deny_by_reading_the_clause(&tokens, &range)
        );
    }
}

#[test]
fn a_clause_of_many_phrases_is_read_once() {
    // Every phrase of one long clause is asked about; each answer agrees with reading the
    // clause, which would take as long as the clause for each.
    let quote = "at least 5,000 is not realistic ".repeat(300);
    let tokens = tokenize(&quote, DecimalMark::Point);
    let negations = Negations::of(&tokens);
    for (start, length) in (0..tokens.len()).flat_map(|start| (0..3).map(move |l| (start, l))) {
        let range = start..(start + length).min(tokens.len());
        assert_eq!(
            negations.deny(&range),
            deny_by_reading_the_clause(&tokens, &range),
            "{range:?}"
        );
    }
}

//! Whether a quote denies the figure one of its phrases states: the clause around the phrase (from
//! the punctuation before it to the punctuation after it) calls the figure unrealistic or the like,
//! negates a word of credibility ("are not realistic", "it is not true that"), or denies it before
//! the phrase ("officials denied that", "disputes the figure of", "there is no evidence that") or at
//! the end of its sentence ("5,000 were killed, the ministry denied"); or a negation stands right
//! before the phrase ("not 5,000 but 500", "rather than 5,000"). A negation elsewhere in the
//! clause ("were never seen again") says something of what is counted, not of the figure.

use super::lexer::{Kind, Token};
use std::ops::Range;

/// Words that negate, and the words of credibility whose negation denies a figure.
const NEGATIONS: [&str; 6] = ["not", "no", "never", "nor", "neither", "cannot"];
const CREDIBLE: [&str; 14] = [
    "realistic",
    "true",
    "accurate",
    "correct",
    "credible",
    "plausible",
    "possible",
    "reliable",
    "right",
    "valid",
    "supported",
    "substantiated",
    "confirmed",
    "believable",
];
/// Words that deny a figure by themselves.
const DENYING: [&str; 15] = [
    "unrealistic",
    "implausible",
    "untrue",
    "exaggerated",
    "exaggeration",
    "overstated",
    "inflated",
    "baseless",
    "fabrication",
    "unfounded",
    "unsubstantiated",
    "debunked",
    "discredited",
    "disproven",
    "disproved",
];
/// Words that deny a figure when said of it ("is false", "was entirely fabricated"), not before
/// what they describe ("false arrests").
const DENYING_SAID: [&str; 4] = ["false", "fake", "bogus", "fabricated"];
/// Forms of "be" such a word is said with.
const BE: [&str; 6] = ["is", "are", "was", "were", "be", "been"];
/// Verbs that deny a figure when what they deny follows them ("denied that", "disputes the
/// figure"): alone they as often deny something else ("5,000 were denied entry").
const DENYING_VERBS: [&str; 9] = [
    "denied", "denies", "deny", "disputed", "disputes", "dispute", "refuted", "refutes", "refute",
];
/// What such a verb denies, right after it or after "the" or "any".
const DENIED: [&str; 14] = [
    "that",
    "reports",
    "report",
    "claims",
    "claim",
    "allegations",
    "estimates",
    "estimate",
    "figures",
    "figure",
    "toll",
    "tolls",
    "number",
    "numbers",
];
/// Words that, after "no", deny what follows them: "no evidence that", "no proof of".
const NO_GROUNDS: [&str; 2] = ["evidence", "proof"];
/// Words right before a phrase that negate it: "not 5,000 but 500", "never 5,000". Not before
/// "only" or "just", which stress rather than negate ("not only 5,000").
const RIGHT_BEFORE: [&str; 2] = ["not", "never"];
/// Two words right before a phrase that set it aside for another: "rather than 5,000".
const SET_ASIDE: [[&str; 2]; 2] = [["rather", "than"], ["instead", "of"]];
/// How many words after a negation a word of credibility may stand and still be negated.
const REACH: usize = 3;

/// A quote's tokens, read once for every phrase asked about: a quote of thousands of phrases in
/// one clause would otherwise be read again for each.
pub(super) struct Negations<'t> {
    tokens: &'t [Token<'t>],
    /// None when no word of the quote denies or negates, as in most quotes: then no phrase is
    /// denied.
    clauses: Option<Clauses>,
}

struct Clauses {
    /// For each place `i` (0 to the token count): where the clause ending before `i` starts (after
    /// the last break before `i`), and where the clause from `i` ends (the first break at or
    /// after `i`).
    starts: Vec<usize>,
    ends: Vec<usize>,
    /// Counts up to each place: denying words, and negations a word of credibility follows
    /// within [`REACH`] words of the same clause.
    denying: Vec<u32>,
    negating: Vec<u32>,
    /// Counts up to each place of denying verbs before what they deny (see [`denies_after`]).
    denying_after: Vec<u32>,
}

/// Punctuation ends a clause; a hyphen or an apostrophe does not.
fn breaks(token: &Token) -> bool {
    token.kind == Kind::Symbol && !matches!(token.text.as_ref(), "-" | "'" | "’")
}

/// Whether `word` may deny or negate: most words of a quote do neither, and are passed over on
/// their first byte.
fn may_negate(word: &str) -> bool {
    let first = word.as_bytes().first();
    let listed = matches!(
        first,
        Some(b'b' | b'c' | b'd' | b'e' | b'f' | b'i' | b'n' | b'o' | b'r' | b'u')
    );
    listed || word.ends_with("n't")
}

/// Whether the word at `i` denies a figure: one of [`DENYING`], or of [`DENYING_SAID`] after a
/// form of "be", a word between or none.
fn is_denying(tokens: &[Token], i: usize) -> bool {
    let word = tokens[i].text.as_ref();
    let be = |back: usize| {
        i.checked_sub(back)
            .is_some_and(|k| BE.contains(&&*tokens[k].text))
    };
    DENYING.contains(&word) || (DENYING_SAID.contains(&word) && (be(1) || be(2)))
}

/// Whether the word at `i` is a denying verb before what it denies ("denied that", "disputes the
/// figure"), or "no" before grounds ("no evidence"): it denies the phrases after it in its clause.
fn denies_after(tokens: &[Token], i: usize) -> bool {
    let word = |k: usize| tokens.get(k).map_or("", |token| token.text.as_ref());
    let what = i + 1 + usize::from(["the", "any"].contains(&word(i + 1)));
    (DENYING_VERBS.contains(&word(i)) && DENIED.contains(&word(what)))
        || (word(i) == "no" && NO_GROUNDS.contains(&word(i + 1)))
}

/// Whether the words right before `tokens[phrase]` negate it or set it aside: "not 5,000",
/// "rather than 5,000" (see [`RIGHT_BEFORE`] and [`SET_ASIDE`]).
fn negated_right_before(tokens: &[Token], phrase: &Range<usize>) -> bool {
    let word =
        |back: usize| (phrase.start.checked_sub(back)).map_or("", |k| tokens[k].text.as_ref());
    let first = tokens
        .get(phrase.start)
        .map_or("", |token| token.text.as_ref());
    let stressed = matches!(first, "only" | "just");
    (RIGHT_BEFORE.contains(&word(1)) && !stressed) || SET_ASIDE.contains(&[word(2), word(1)])
}

fn negation(word: &str) -> bool {
    NEGATIONS.contains(&word) || word.ends_with("n't")
}

/// Whether the word at `i` is a denying verb ending its sentence (the quote ends after it, or
/// punctuation other than a comma), neither in the passive nor negated: "5,000 were killed, the
/// ministry denied", "reports of 5,000 deaths, which officials deny"; not "bail was denied" nor
/// "did not deny". It denies the phrases before it in its clause, and in the clause a comma
/// parts from it.
fn denies_before(tokens: &[Token], i: usize) -> bool {
    if !DENYING_VERBS.contains(&tokens[i].text.as_ref()) {
        return false;
    }
    let word = |k: Option<usize>| {
        k.and_then(|k| tokens.get(k))
            .map_or("", |t| t.text.as_ref())
    };
    let ends_sentence = tokens
        .get(i + 1)
        .is_none_or(|next| breaks(next) && next.text != ",");
    let before = [word(i.checked_sub(1)), word(i.checked_sub(2))];
    ends_sentence && !BE.contains(&before[0]) && !before.into_iter().any(negation)
}

impl<'t> Negations<'t> {
    pub(super) fn of(tokens: &'t [Token<'t>]) -> Self {
        let denies_or_negates = |i: usize| {
            let word = tokens[i].text.as_ref();
            may_negate(word)
                && (is_denying(tokens, i)
                    || denies_after(tokens, i)
                    || denies_before(tokens, i)
                    || negation(word))
        };
        if !(0..tokens.len()).any(denies_or_negates) {
            return Negations {
                tokens,
                clauses: None,
            };
        }
        let n = tokens.len();
        let mut ends = vec![n; n + 1];
        for i in (0..n).rev() {
            ends[i] = if breaks(&tokens[i]) { i } else { ends[i + 1] };
        }
        let mut starts = Vec::with_capacity(n + 1);
        let mut denying = Vec::with_capacity(n + 1);
        let mut negating = Vec::with_capacity(n + 1);
        let mut denying_after = Vec::with_capacity(n + 1);
        let (mut start, mut denied, mut negated, mut denied_after) = (0, 0, 0, 0);
        for (i, token) in tokens.iter().enumerate() {
            starts.push(start);
            denying.push(denied);
            negating.push(negated);
            denying_after.push(denied_after);
            let word = token.text.as_ref();
            if ends[i] == i {
                start = i + 1;
            } else if may_negate(word) {
                denied += u32::from(is_denying(tokens, i));
                denied_after += u32::from(denies_after(tokens, i));
                let within = i + 1..(i + 1 + REACH).min(ends[i]);
                let credible = |k: usize| CREDIBLE.contains(&tokens[k].text.as_ref());
                negated += u32::from(negation(word) && within.into_iter().any(credible));
            }
        }
        starts.push(start);
        denying.push(denied);
        negating.push(negated);
        denying_after.push(denied_after);
        Negations {
            tokens,
            clauses: Some(Clauses {
                starts,
                ends,
                denying,
                negating,
                denying_after,
            }),
        }
    }

    /// Whether the clause around `tokens[phrase]`, the phrase's own words left out, denies the
    /// figure.
    pub(super) fn deny(&self, phrase: &Range<usize>) -> bool {
        if negated_right_before(self.tokens, phrase) {
            return true;
        }
        let Some(clauses) = &self.clauses else {
            return false;
        };
        let before = clauses.starts[phrase.start]..phrase.start;
        let after = phrase.end..clauses.ends[phrase.end];
        let count = |counts: &[u32], range: &Range<usize>| counts[range.end] - counts[range.start];
        let denied_after = count(&clauses.denying_after, &before);
        if denied_after + count(&clauses.denying, &before) + count(&clauses.denying, &after) > 0 {
            return true;
        }
        // Denied at the end of the phrase's clause, or of the next when a comma parts them.
        let end = after.end;
        if end > phrase.end && denies_before(self.tokens, end - 1) {
            return true;
        }
        let next_end = (self.tokens.get(end))
            .filter(|token| token.text == ",")
            .map(|_| clauses.ends[end + 1]);
        if next_end
            .is_some_and(|next_end| next_end > end + 1 && denies_before(self.tokens, next_end - 1))
        {
            return true;
        }
        // A negation far enough from the phrase sees only its own part of the clause; one of the
        // last words before the phrase reaches over it into the words after.
        let near = before.end.saturating_sub(REACH).max(before.start);
        if count(&clauses.negating, &(before.start..near)) + count(&clauses.negating, &after) > 0 {
            return true;
        }
        let words: Vec<&str> = (near..before.end)
            .chain(after.clone().take(REACH))
            .map(|i| self.tokens[i].text.as_ref())
            .collect();
        (0..before.end - near).any(|k| {
            negation(words[k])
                && words[k + 1..]
                    .iter()
                    .take(REACH)
                    .any(|w| CREDIBLE.contains(w))
        })
    }
}

#[cfg(test)]
mod tests;

//! Names compared the way a reader compares them: folded so that case, accents, spaces, hyphens and
//! punctuation do not count, and near-identical folded names found among many without comparing
//! every pair.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A name as it is compared: "Pour-Mohammadi", "Pour Mohammadi" and "Pourmohammadi" all fold to
/// the key `pourmohammadi`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// The name's letters and digits, lower-case and without accents.
    pub key: String,
    /// How many letters and digits the key holds.
    letters: usize,
    /// The words the key was written in, sorted: `mohammadi` and `pour`.
    words: Vec<String>,
}

/// Fold a name: compatibility decomposition (so `é` is `e` plus an accent, and `ﬁ` is `fi`), accents
/// dropped, lower case, and everything but letters and digits taken as a word break. Apostrophes
/// join rather than break, so "People's" and "Peoples" are one word.
pub fn fold(name: &str) -> Folded {
    let mut words = Vec::new();
    let mut word = String::new();
    let letters = name
        .nfkd()
        .filter(|&c| !is_combining_mark(c) && !matches!(c, '\'' | '’' | '‘' | 'ʼ'))
        .flat_map(char::to_lowercase);
    for c in letters {
        if c.is_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let key = words.concat();
    words.sort_unstable();
    Folded {
        letters: key.chars().count(),
        key,
        words,
    }
}

/// Folded keys may differ by one edit (a letter added, dropped, changed, or two swapped) per full
/// ten letters of the longer key. A full name ("Alireza Avaie", 12 letters) may then carry one
/// transliteration variant or typo, a long organisation name two or three; a key under ten
/// letters must match exactly, because one letter turns a short name into another person's
/// ("Ahmadi" and "Ahmad", "Raisi" and "Rais").
const LETTERS_PER_EDIT: usize = 10;

/// Names longer than this are compared only exactly: no party's name runs to hundreds of letters,
/// and the edit distance of two such texts costs the product of their lengths.
const MAX_LETTERS_COMPARED: usize = 200;

/// How many edits apart two different folded names are, if they are near-identical: within
/// [`LETTERS_PER_EDIT`], and not told apart by a code (see [`differ_only_by_codes`]).
pub fn near_identical(a: &Folded, b: &Folded) -> Option<usize> {
    let longer = a.letters.max(b.letters);
    let allowed = longer / LETTERS_PER_EDIT;
    if allowed == 0
        || longer > MAX_LETTERS_COMPARED
        || a.letters.abs_diff(b.letters) > allowed
        || differ_only_by_codes(a, b)
    {
        return None;
    }
    let (a_rest, b_rest) = without_common_ends(&a.key, &b.key);
    let edits = strsim::osa_distance(a_rest, b_rest);
    (edits <= allowed).then_some(edits)
}

/// Both texts without the start and the end they share, which changes no edit distance and leaves
/// little to compare between near-identical names.
fn without_common_ends<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    let start: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let (a, b) = (&a[start..], &b[start..]);
    let end: usize = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    (&a[..a.len() - end], &b[..b.len() - end])
}

/// Whether the words one name has and the other lacks are all codes: numbers, initials, country
/// codes, words of three letters or fewer. Such names name different parties however alike they
/// look: "Witness A" and "Witness B", "Amnesty International UK" and "Amnesty International USA",
/// "Unnamed outlet (document 000)" and "(document 002)".
fn differ_only_by_codes(a: &Folded, b: &Folded) -> bool {
    let is_code = |word: &str| word.chars().count() <= 3 || word.chars().any(|c| c.is_numeric());
    let (mut left, mut right) = (a.words.iter().peekable(), b.words.iter().peekable());
    let mut any_unmatched = false;
    loop {
        let unmatched = match (left.peek(), right.peek()) {
            (Some(l), Some(r)) if l == r => {
                left.next();
                right.next();
                continue;
            }
            (Some(l), Some(r)) if l < r => left.next(),
            (Some(_), None) => left.next(),
            (_, Some(_)) => right.next(),
            (None, None) => return any_unmatched,
        };
        if unmatched.is_some_and(|word| !is_code(word)) {
            return false;
        }
        any_unmatched = true;
    }
}

/// How many neighbours each key meets in each of the two sort orders.
const WINDOW: usize = 8;

/// The pairs of keys (indices into `keys`) worth comparing, at most `2 × WINDOW` per key: each key
/// with the next [`WINDOW`] keys in alphabetical order, and in the alphabetical order of the
/// reversed keys. Near-identical keys share what lies before their first edit and what lies after
/// their last, so one of the two orders usually puts them side by side. The price of never
/// comparing every pair: two near-identical keys are missed when more than [`WINDOW`] other keys
/// sort between them in both orders, that is, share the part before the first edit and, as many,
/// the part after the last.
pub fn candidate_pairs(keys: &[&str]) -> Vec<(usize, usize)> {
    let reversed: Vec<String> = keys.iter().map(|key| key.chars().rev().collect()).collect();
    let mut forward: Vec<usize> = (0..keys.len()).collect();
    forward.sort_unstable_by_key(|&i| keys[i]);
    let mut backward: Vec<usize> = (0..keys.len()).collect();
    backward.sort_unstable_by_key(|&i| reversed[i].as_str());
    let mut pairs: Vec<(usize, usize)> = [forward, backward]
        .iter()
        .flat_map(|order| {
            order.iter().enumerate().flat_map(|(at, &i)| {
                order[at + 1..]
                    .iter()
                    .take(WINDOW)
                    .map(move |&j| (i.min(j), i.max(j)))
            })
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The near-identical pairs among distinct folded names, with their edit counts, found among
/// [`candidate_pairs`] only.
pub fn near_identical_pairs(names: &[&Folded]) -> Vec<(usize, usize, usize)> {
    let keys: Vec<&str> = names.iter().map(|name| name.key.as_str()).collect();
    candidate_pairs(&keys)
        .into_iter()
        .filter_map(|(i, j)| near_identical(names[i], names[j]).map(|edits| (i, j, edits)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(a: &str, b: &str) -> Option<usize> {
        near_identical(&fold(a), &fold(b))
    }

    #[test]
    fn folding_ignores_case_accents_spaces_hyphens_and_punctuation() {
        for name in [
            "Pour-Mohammadi",
            "Pour Mohammadi",
            "Pourmohammadi",
            "POUR–MOḤAMMADI",
        ] {
            assert_eq!(fold(name).key, "pourmohammadi", "{name}");
        }
        assert_eq!(
            fold("People's Mojahedin").key,
            fold("Peoples  Mojahedin").key
        );
        assert_eq!(fold("Amnesty Intl.").key, "amnestyintl");
        assert_eq!(fold("U.N.").key, fold("UN").key);
        assert_eq!(fold(" — ").key, "");
    }

    #[test]
    fn names_one_edit_per_ten_letters_apart_are_near_identical() {
        assert_eq!(near("Alireza Avaei", "Alireza Avaie"), Some(1));
        assert_eq!(near("Ruhollah Khomeini", "Rouhollah Khomeini"), Some(1));
        assert_eq!(near("Hossein Ali Nayyeri", "Hosseinali Nayeri"), Some(1));
        assert_eq!(
            near(
                "Human Rights Activists News Agency",
                "Human Right Activist News Agncy"
            ),
            Some(3)
        );
        // Under ten letters, only identical keys match.
        assert_eq!(near("Avaei", "Avaie"), None);
        // Two edits in 17 letters are too many.
        assert_eq!(near("Ruhollah Khomeini", "Rouhollah Khomeyni"), None);
        assert_eq!(near("Hossein Ali Nayyeri", "Hossein Ali Montazeri"), None);
        // Texts far longer than any name are compared only exactly.
        let (long, longest) = ("Rights Watch ".repeat(18), "Rights Watch ".repeat(19));
        assert_eq!(near(&long, &format!("{}x", long.trim_end())), Some(1));
        assert_eq!(near(&longest, &format!("{}x", longest.trim_end())), None);
    }

    #[test]
    fn names_told_apart_by_a_code_are_not_near_identical() {
        assert_eq!(
            near(
                "Unnamed news outlet (document 000)",
                "Unnamed news outlet (document 002)"
            ),
            None
        );
        assert_eq!(near("Unnamed witness A", "Unnamed witness B"), None);
        assert_eq!(
            near("Amnesty International UK", "Amnesty International USA"),
            None
        );
        assert_eq!(
            near("Amnesty International", "Amnesty International UK"),
            None
        );
        // Without the code word, the same keys are one edit apart.
        assert_eq!(near("Unnamed witnessA", "Unnamed witnessB"), Some(1));
    }

    #[test]
    fn dropping_common_ends_keeps_the_edit_distance() {
        let alphabet = ["", "a", "b", "é"];
        let texts: Vec<String> = (0..alphabet.len().pow(4))
            .map(|n| {
                (0..4)
                    .map(|digit| alphabet[n / alphabet.len().pow(digit) % alphabet.len()])
                    .collect()
            })
            .collect();
        for a in &texts {
            for b in &texts {
                let (a_rest, b_rest) = without_common_ends(a, b);
                assert_eq!(
                    strsim::osa_distance(a_rest, b_rest),
                    strsim::osa_distance(a, b),
                    "{a} {b}"
                );
            }
        }
    }

    /// 20,000 distinct names: comparing every pair would take about 200 million comparisons; the
    /// windows take at most 16 per name, and still find a typo at either end of a name.
    #[test]
    fn candidate_pairs_grow_linearly_and_meet_near_identical_names() {
        const GIVEN: [&str; 4] = ["Mostafa", "Hossein", "Maryam", "Nasrin"];
        const SYLLABLES: [&str; 10] = ["ba", "ke", "ri", "mo", "za", "du", "ne", "shi", "fa", "lo"];
        // "Mostafa bababababai", "Hossein bababakei", ...: every name differs from the others in
        // at least one syllable.
        let names: Vec<String> = (0..20_000)
            .map(|n: usize| {
                let digits = format!("{n:05}");
                let surname: String = digits
                    .bytes()
                    .map(|digit| SYLLABLES[usize::from(digit - b'0')])
                    .collect();
                format!("{} {surname}i", GIVEN[n % GIVEN.len()])
            })
            .chain(["Nostafa bababababai".into(), "Mostafa bababababaj".into()])
            .collect();
        let folded: Vec<Folded> = names.iter().map(|name| fold(name)).collect();
        let keys: Vec<&str> = folded.iter().map(|name| name.key.as_str()).collect();
        let candidates = candidate_pairs(&keys);
        assert!(
            candidates.len() <= 2 * WINDOW * keys.len(),
            "{} pairs compared for {} names",
            candidates.len(),
            keys.len()
        );
        let near = near_identical_pairs(&folded.iter().collect::<Vec<_>>());
        let typo_at_start = (0, 20_000, 1);
        let typo_at_end = (0, 20_001, 1);
        assert_eq!(names[0], "Mostafa bababababai");
        assert!(near.contains(&typo_at_start), "{near:?}");
        assert!(near.contains(&typo_at_end), "{near:?}");
    }
}

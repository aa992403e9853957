//! A set of words looked up for every word of every quote. Most words of a quote are not in it,
//! and are turned away on their first byte and length before they are hashed.

use foldhash::HashSet;

pub(super) struct WordSet<'a> {
    words: HashSet<&'a str>,
    /// One bit for each slot (see [`slot`]) that a word of the set takes.
    slots: [u64; 4],
}

/// Where a word's bit is: from its first byte and its length, which few words share.
fn slot(word: &str) -> usize {
    let first = word.as_bytes().first().map_or(0, |&byte| usize::from(byte));
    (first * 7 + word.len()) % 256
}

impl<'a> FromIterator<&'a str> for WordSet<'a> {
    fn from_iter<I: IntoIterator<Item = &'a str>>(words: I) -> Self {
        let words: HashSet<&str> = words.into_iter().collect();
        let mut slots = [0; 4];
        for word in &words {
            let slot = slot(word);
            slots[slot / 64] |= 1 << (slot % 64);
        }
        WordSet { words, slots }
    }
}

impl WordSet<'_> {
    pub(super) fn contains(&self, word: &str) -> bool {
        let slot = slot(word);
        self.slots[slot / 64] & (1 << (slot % 64)) != 0 && self.words.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_word_is_in_the_set_when_it_was_put_in(
            words in proptest::collection::vec("[a-eé%]{0,4}", 0..40),
            asked in "[a-eé%]{0,4}",
        ) {
            let set: WordSet = words.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(set.contains(&asked), words.contains(&asked));
            for word in &words {
                proptest::prop_assert!(set.contains(word));
            }
        }
    }
}

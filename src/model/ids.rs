//! Ids: the rules every record id follows (with a suggestion when one breaks them), the form ids
//! are compared in (Unicode NFC, so an id typed with a decomposed accent names the same record as
//! one typed with a composed accent), and declaring a base's ids, each once, with invalid,
//! duplicate and case-variant ids reported.

mod map;

pub use map::IdMap;

use super::references::Written;
use super::{FirstHand, Node};
use crate::finding::{Code, Finding};
use crate::input::files::{FileId, Location};
use foldhash::HashMap;
use rayon::prelude::*;
use std::borrow::Cow;
use std::mem::{Discriminant, discriminant};
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// The form an id is compared in: its Unicode NFC normalisation.
pub fn id_key(id: &str) -> Cow<'_, str> {
    // ASCII is NFC as it stands, and nearly every id is ASCII: checked on vector instructions.
    if id.is_ascii() || is_nfc(id) {
        Cow::Borrowed(id)
    } else {
        Cow::Owned(id.nfc().collect())
    }
}

/// The ASCII bytes an id may hold: letters, digits and `-_./:`.
const ID_BYTES: [bool; 256] = {
    let mut allowed = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        allowed[byte] = (byte as u8).is_ascii_alphanumeric()
            || matches!(byte as u8, b'-' | b'_' | b'.' | b'/' | b':');
        byte += 1;
    }
    allowed
};

/// What is wrong with an id, if anything.
pub fn id_problem(id: &str) -> Option<&'static str> {
    // Nearly every id is ASCII letters, digits and punctuation: those pass on their bytes, each
    // looked up in a table.
    if !id.is_empty() && id.bytes().all(|b| ID_BYTES[usize::from(b)]) {
        return None;
    }
    if id.is_empty() {
        Some("an id cannot be empty")
    } else if id.chars().any(char::is_whitespace) {
        Some("an id cannot contain spaces")
    } else if !id
        .chars()
        .all(|c| c.is_alphanumeric() || "-_./:".contains(c))
    {
        Some("an id holds only letters, digits and `-_./:`")
    } else {
        None
    }
}

fn suggest_id(id: &str) -> String {
    let cleaned: String = id
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_./:".contains(c) {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if cleaned.is_empty() {
        "my-record".to_string()
    } else {
        cleaned
    }
}

/// Declares every record's id, each once, into the map of ids to records, reporting invalid,
/// reserved, duplicate and case-variant ids.
pub(super) struct Declaring<'f> {
    pub(super) ids: IdMap,
    /// Where each id is written, in the order declared.
    locations: Vec<Location>,
    /// The ids written otherwise than in their compared (NFC) form, by their place in `locations`.
    written: HashMap<usize, String>,
    /// Where each kind's ids begin in `locations`.
    starts: Vec<(Discriminant<Node>, usize)>,
    findings: &'f mut Vec<Finding>,
}

impl<'f> Declaring<'f> {
    pub(super) fn new(count: usize, findings: &'f mut Vec<Finding>) -> Self {
        Declaring {
            ids: IdMap::with_capacity(count),
            locations: Vec::with_capacity(count),
            written: HashMap::default(),
            starts: Vec::new(),
            findings,
        }
    }

    /// Declare the ids of one kind of record, given in order with the file each is written in.
    pub(super) fn declare<'r>(
        &mut self,
        ids: impl Iterator<Item = (FileId, Written<'r>)>,
        node: fn(usize) -> Node,
    ) {
        let start = self.locations.len();
        self.starts.push((discriminant(&node(0)), start));
        // Checking each id, putting it in compared form and declaring it run on every core.
        let ids: Vec<(FileId, Written)> = ids.collect();
        let read: Vec<(Option<&'static str>, Cow<str>)> = (ids.par_iter())
            .map(|(_, id)| (id_problem(id.text), id_key(id.text)))
            .collect();
        let keys: Vec<&str> = read.iter().map(|(_, key)| key.as_ref()).collect();
        let mut taken = (self.ids.declare(&keys, node).into_iter()).peekable();
        for (i, ((file, id), (problem, key))) in ids.into_iter().zip(&read).enumerate() {
            let location = Location::new(file, id.span());
            let text = id.text;
            self.check_id(text, *problem, &location);
            if let Cow::Owned(_) = key {
                self.written.insert(start + i, text.to_string());
            }
            if let Some((_, first)) = taken.next_if(|&(place, _)| place == i) {
                self.duplicate(text, key, first, location.clone());
            }
            self.locations.push(location);
        }
    }

    /// Report `text` (`key` compared) declared again after `first`.
    fn duplicate(&mut self, text: &str, key: &str, first: Node, location: Location) {
        let place = place_of(&self.starts, first);
        let first_text = self.written.get(&place).map_or(key, String::as_str);
        let message = if first_text == text {
            format!("duplicate id `{text}`")
        } else {
            format!(
                "duplicate id `{text}`: it is `{first_text}` written with other Unicode code points (compared in NFC)"
            )
        };
        self.findings.push(
            Finding::new(Code::DuplicateId, location, message)
                .label(format!("`{text}` is used again here"))
                .related(
                    self.locations[place].clone(),
                    format!("first used here by a {}", first.kind_name()),
                )
                .help("rename one of the two records, and the references meant for it"),
        );
    }

    /// Report an id that breaks the rules ids follow (`problem`, from [`id_problem`]), or takes a
    /// name reserved for a basis.
    fn check_id(&mut self, text: &str, problem: Option<&'static str>, location: &Location) {
        if let Some(problem) = problem {
            self.findings.push(
                Finding::new(
                    Code::InvalidId,
                    location.clone(),
                    format!("invalid id `{text}`: {problem}"),
                )
                .label(problem)
                .help(format!(
                    "use letters, digits and `-_./:` only, e.g. `{}`",
                    suggest_id(text)
                )),
            );
        }
        if FirstHand::ALL.iter().any(|(name, _)| *name == text) {
            self.findings.push(
                Finding::new(
                    Code::InvalidId,
                    location.clone(),
                    format!("`{text}` is reserved for a first-hand basis"),
                )
                .help("choose another id: `basis` entries with this name mean a first-hand basis"),
            );
        }
    }

    /// Report ids that differ only in letter case: valid, but almost always one record typed
    /// twice, and a reference with the other case silently names the other record. Returns the
    /// declared ids.
    pub(super) fn finish(self) -> IdMap {
        // Two ids that differ only in case include one with a capital letter: only those are
        // folded, each grouped with the lower-case id it folds to when that one is declared too.
        let ids = &self.ids;
        let declared = |key: &str| {
            let (key, node) = ids.get_key_value(key).expect("a declared id");
            let place = place_of(&self.starts, node);
            let text = self.written.get(&place).map_or(key, String::as_str);
            (&self.locations[place], text)
        };
        let capitalised: Vec<&str> = (ids.par_keys())
            .filter(|key| key.chars().any(char::is_uppercase))
            .collect();
        let mut by_folded: HashMap<String, Vec<(&Location, &str)>> = HashMap::default();
        for key in capitalised {
            by_folded
                .entry(key.to_lowercase())
                .or_default()
                .push(declared(key));
        }
        for (folded, variants) in &mut by_folded {
            if ids.contains_key(folded) {
                variants.push(declared(folded));
            }
        }
        let mut variants: Vec<Vec<(&Location, &str)>> = by_folded
            .into_values()
            .filter(|ids| ids.len() > 1)
            .collect();
        // The first declared (by file and place) is the one the others are set against.
        let place = |declared: &(&Location, &str)| (declared.0.file, declared.0.span().start);
        for ids in &mut variants {
            ids.sort_by_key(place);
        }
        variants.sort_by_key(|ids| place(&ids[0]));
        for ids in variants {
            let ((first_location, first_text), others) =
                ids.split_first().expect("at least two ids");
            for (location, text) in others {
                self.findings.push(
                    Finding::new(
                        Code::CaseVariantId,
                        (*location).clone(),
                        format!("id `{text}` differs from `{first_text}` only in letter case"),
                    )
                    .label("differs only in case")
                    .related((*first_location).clone(), format!("`{first_text}` is declared here"))
                    .help("if both are one record, merge them and fix the references; otherwise rename one so they differ in more than case"),
                );
            }
        }
        self.ids
    }
}

/// Where a declared record's id stands in the order of declaring.
fn place_of(starts: &[(Discriminant<Node>, usize)], node: Node) -> usize {
    let start = starts
        .iter()
        .find(|(kind, _)| *kind == discriminant(&node))
        .map_or(0, |(_, start)| *start);
    start + node.index()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_hold_letters_digits_and_five_marks_in_any_script() {
        for id in [
            "amnesty",
            "clm-0001",
            "fig_1/2.a:b",
            "Z9",
            "iran-ḥuman",
            "عفو",
        ] {
            assert_eq!(id_problem(id), None, "{id}");
        }
        // Every other printable ASCII character is refused, alone or in an id.
        for byte in (b' '..=b'~').filter(|b| !b.is_ascii_alphanumeric()) {
            let id = format!("a{}b", char::from(byte));
            let expected = !b"-_./:".contains(&byte);
            assert_eq!(id_problem(&id).is_some(), expected, "{id:?}");
        }
        assert_eq!(id_problem(""), Some("an id cannot be empty"));
        assert_eq!(id_problem("a\tb"), Some("an id cannot contain spaces"));
    }

    #[test]
    fn ids_are_compared_in_nfc() {
        assert!(matches!(id_key("clm-1"), Cow::Borrowed("clm-1")));
        assert!(matches!(id_key("café"), Cow::Borrowed("café")));
        assert_eq!(id_key("cafe\u{301}"), "café");
    }
}

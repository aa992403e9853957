//! Ids: the rules every record id follows (with a suggestion when one breaks them), the form ids
//! are compared in (Unicode NFC, so an id typed with a decomposed accent names the same record as
//! one typed with a composed accent), and declaring a base's ids, each once, with invalid,
//! duplicate and case-variant ids reported.

use super::resolve::Resolver;
use super::{FirstHand, Node};
use crate::finding::{Code, Finding};
use crate::input::files::Location;
use crate::input::loader::InFile;
use foldhash::HashMap;
use std::borrow::Cow;
use toml::Spanned;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// The form an id is compared in: its Unicode NFC normalisation.
pub fn id_key(id: &str) -> Cow<'_, str> {
    if is_nfc(id) {
        Cow::Borrowed(id)
    } else {
        Cow::Owned(id.nfc().collect())
    }
}

/// What is wrong with an id, if anything.
pub fn id_problem(id: &str) -> Option<&'static str> {
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

impl Resolver {
    /// Register the ids of one kind of record, reporting invalid and duplicate ids.
    pub(super) fn declare<T>(
        &mut self,
        records: &[InFile<T>],
        id_of: impl Fn(&T) -> &Spanned<String>,
        node: impl Fn(usize) -> Node,
    ) {
        for (i, InFile { file, record }) in records.iter().enumerate() {
            let id = id_of(record);
            let location = Location::new(*file, id.span());
            let text = id.get_ref();
            if let Some(problem) = id_problem(text) {
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
            if FirstHand::ALL.iter().any(|(name, _)| name == text) {
                self.findings.push(
                    Finding::new(
                        Code::InvalidId,
                        location.clone(),
                        format!("`{text}` is reserved for a first-hand basis"),
                    )
                    .help(
                        "choose another id: `basis` entries with this name mean a first-hand basis",
                    ),
                );
            }
            let key = id_key(text).into_owned();
            match self.id_locations.get(&key) {
                Some((first, first_text)) => {
                    let first_kind = self.ids[&key].kind_name();
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
                            .related(first.clone(), format!("first used here by a {first_kind}"))
                            .help("rename one of the two records, and the references meant for it"),
                    );
                }
                None => {
                    self.ids.insert(key.clone(), node(i));
                    self.id_locations.insert(key, (location, text.clone()));
                }
            }
        }
    }

    /// Ids that differ only in letter case: valid, but almost always one record typed twice, and
    /// a reference with the other case silently names the other record.
    pub(super) fn case_variants(&mut self) {
        // Two ids that differ only in case include one with a capital letter: only those are
        // folded, each grouped with the lower-case id it folds to when that one is declared too.
        let mut by_folded: HashMap<String, Vec<&(Location, String)>> = HashMap::default();
        for (key, declared) in &self.id_locations {
            if key.chars().any(char::is_uppercase) {
                by_folded
                    .entry(key.to_lowercase())
                    .or_default()
                    .push(declared);
            }
        }
        for (folded, ids) in &mut by_folded {
            if let Some(lower) = self.id_locations.get(folded) {
                ids.push(lower);
            }
        }
        let mut variants: Vec<Vec<&(Location, String)>> = by_folded
            .into_values()
            .filter(|ids| ids.len() > 1)
            .collect();
        // The first declared (by file and place) is the one the others are set against.
        let place = |declared: &&(Location, String)| (declared.0.file, declared.0.span.start);
        for ids in &mut variants {
            ids.sort_by_key(place);
        }
        variants.sort_by_key(|ids| place(&ids[0]));
        for ids in variants {
            let (first, others) = ids.split_first().expect("at least two ids");
            for (location, text) in others {
                self.findings.push(
                    Finding::new(
                        Code::CaseVariantId,
                        location.clone(),
                        format!("id `{text}` differs from `{}` only in letter case", first.1),
                    )
                    .label("differs only in case")
                    .related(first.0.clone(), format!("`{}` is declared here", first.1))
                    .help("if both are one record, merge them and fix the references; otherwise rename one so they differ in more than case"),
                );
            }
        }
    }
}

//! What an id may be: the rules every record id follows, a suggestion when one breaks them, and the
//! form ids are compared in (Unicode NFC), so an id typed with a decomposed accent names the same
//! record as one typed with a composed accent.

use std::borrow::Cow;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// The form an id is compared in: its Unicode NFC normalisation.
pub fn id_key(id: &str) -> Cow<'_, str> {
    if is_nfc(id) {
        Cow::Borrowed(id)
    } else {
        Cow::Owned(id.nfc().collect())
    }
}

pub(super) fn id_problem(id: &str) -> Option<&'static str> {
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

pub(super) fn suggest_id(id: &str) -> String {
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

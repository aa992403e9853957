//! What an id may be: the rules every record id follows, and a suggestion when one breaks them.

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

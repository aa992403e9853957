//! Claim bases built in memory for unit tests: record text in, checked base out, no disk involved.

use crate::Checked;
use crate::input::loader::FileInput;
use std::path::Path;

/// Speakers and a source most tests can share: an outlet publishing `article`, a rights group and
/// a government, and a ministry affiliated with the government.
pub const SOURCES: &str = r#"
[[speaker]]
id = "outlet"
name = "The Outlet"
kind = "outlet"

[[speaker]]
id = "watchdog"
name = "Watchdog"
kind = "organisation"

[[speaker]]
id = "government"
name = "The Government"
kind = "government"

[[speaker]]
id = "ministry"
name = "Ministry"
kind = "government"
affiliations = ["government"]

[[source]]
id = "article"
title = "An article"
publisher = "outlet"
kind = "news"
published = "2020-01-02"
"#;

/// A figure `killed` (a fixed count) for claims to measure.
pub const FIGURE: &str = r#"
[[figure]]
id = "killed"
label = "People killed"
unit = "people"
"#;

/// A claim on `killed` in `article`, by `speaker`, with extra TOML lines appended.
pub fn claim(id: &str, value: &str, speaker: &str, extra: &str) -> String {
    format!(
        "\n[[claim]]\nid = \"{id}\"\nfigure = \"killed\"\nvalue = \"{value}\"\nspeaker = \"{speaker}\"\nsource = \"article\"\nlocator = \"paragraph 1\"\n{extra}\n"
    )
}

/// Check a claim base made of `sources/sources.toml` and `claims/claims.toml` with these texts.
pub fn checked(sources: &str, claims: &str) -> Checked {
    let inputs = vec![
        FileInput {
            path: "sources/sources.toml".into(),
            content: Ok(sources.as_bytes().to_vec()),
        },
        FileInput {
            path: "claims/claims.toml".into(),
            content: Ok(claims.as_bytes().to_vec()),
        },
    ];
    crate::open_inputs(Path::new("."), inputs, None)
}

/// The index of the claim with this id.
pub fn claim_index(checked: &Checked, id: &str) -> usize {
    checked
        .base
        .claims
        .iter()
        .position(|claim| &*claim.id == id)
        .unwrap_or_else(|| panic!("no claim `{id}`"))
}

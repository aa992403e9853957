//! The quote of a new claim in its source's archived copy: found as given, or else the closest
//! passage shown and quoted only when the user accepts it; and its paragraph for the locator.

use super::{AddError, ClaimSpec, refuse};
use crate::Checked;
use crate::archive::matcher::{Archive, QuoteMatch};
use crate::archive::paragraphs::Paragraphs;
use crate::archive::{Copies, MissingCopy, read_archive};
use crate::input::files::Files;
use crate::model::Source;
use std::path::Path;

/// A quote found in the archived copy.
pub(super) struct Quoted {
    /// The words to record: as given, or the closest passage accepted.
    pub(super) quote: String,
    /// "paragraph N" where they stand.
    pub(super) locator: String,
    /// The archived copy, as shown.
    pub(super) copy: String,
    /// What the user should know, such as the closest passage quoted instead.
    pub(super) notes: Vec<String>,
}

/// Find the quote of `spec` in the copy of `source` archived in `dir`.
pub(super) fn locate(
    checked: &Checked,
    dir: &Path,
    source: &Source,
    spec: &ClaimSpec,
) -> Result<Quoted, AddError> {
    let base = &checked.base;
    let mut notes = Vec::new();
    let mut files = Files::new(dir.to_path_buf());
    let mut unread = Vec::new();
    let archived = read_archive(
        dir,
        base.config.input.max_file_size,
        &mut files,
        &mut unread,
    )
    .map_err(|error| refuse(error.to_string(), "give the folder of archived texts"))?;
    let copy = Copies::new(&archived).of(source).map_err(|missing| {
        let why = match missing {
            MissingCopy::NoHash => "it records no sha256".to_string(),
            MissingCopy::Changed(file) => format!("`{}` has another sha256", file.display),
            MissingCopy::NotArchived => {
                format!("`{}` holds no file with its sha256", dir.display())
            }
        };
        refuse(
            format!(
                "the quote cannot be looked up in source `{}`: {why}",
                source.id
            ),
            "archive the source's text and record its sha256 (`sha256sum FILE`)",
        )
    })?;
    let text = copy.text();
    let archive = Archive::new(&text);
    let (quote, span) = match archive.find(&spec.quote) {
        QuoteMatch::Found(span) => (spec.quote.trim().to_string(), span),
        QuoteMatch::Empty => {
            return Err(refuse(
                "the quote has no words",
                "copy the source's words into --quote",
            ));
        }
        QuoteMatch::NotFound { closest: None } => {
            return Err(refuse(
                format!(
                    "the quote is not in `{}`, and no passage shares a word with it",
                    copy.display
                ),
                "copy the source's exact words into --quote",
            ));
        }
        QuoteMatch::NotFound {
            closest: Some(passage),
        } => {
            let paragraph = Paragraphs::new(&text)
                .locator(&passage.span)
                .unwrap_or_default();
            let closest = format!(
                "closest passage ({paragraph}, {:.0}% alike): \"{}\"",
                passage.similarity * 100.0,
                passage.text
            );
            if !spec.accept_closest {
                return Err(refuse(
                    format!("the quote is not in `{}`\n  {closest}", copy.display),
                    "copy the source's exact words into --quote, or add --accept-closest to \
                     quote the closest passage",
                ));
            }
            notes.push(format!("quoting the {closest}"));
            (passage.text, passage.span)
        }
    };
    let locator = Paragraphs::new(&text).locator(&span).unwrap_or_default();
    Ok(Quoted {
        quote,
        locator,
        copy: copy.display.clone(),
        notes,
    })
}

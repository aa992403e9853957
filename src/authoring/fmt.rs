//! `claimtrack fmt`: one canonical text for a record file. Tables stand in kind order (speakers,
//! sources, figures, claims), fields in the documented order, values in one quoting and spacing;
//! every comment stays with the record or field it precedes, and what the records say never
//! changes: each result is checked against its input before it is returned.

mod comments;
mod files;
mod layout;
mod values;
mod verify;

pub use files::{FileError, FileOutcome, Mode, base_files, format_files};
pub(super) use layout::kind_rank;

use crate::input::files::SourceFile;

/// How to format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Put the tables of each kind in id order instead of keeping the order they stand in.
    pub sort: bool,
}

/// Why a file's text cannot be formatted. The file is left as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// The 1-based line and column (in characters) of the problem, when it has a place.
    pub at: Option<(usize, usize)>,
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some((line, column)) = self.at {
            write!(f, "{line}:{column}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for FormatError {}

impl FormatError {
    fn at_offset(text: &str, offset: usize, message: String, help: &str) -> Self {
        let position = SourceFile::new(String::new(), text.to_string()).line_col(offset);
        Self {
            at: Some((position.line, position.column)),
            message,
            help: help.to_string(),
        }
    }
}

/// The canonical text of a record file. A file that is not valid TOML, or holds something other
/// than record tables of plain fields, is an error, never rewritten.
pub fn format(text: &str, options: Options) -> Result<String, FormatError> {
    // The canonical file has no byte-order mark; `check` warns about one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc = toml_edit::Document::parse(text).map_err(|error| {
        FormatError::at_offset(
            text,
            error.span().map_or(0, |span| span.start),
            format!("invalid TOML: {}", error.message().trim()),
            "fix the TOML here (`claimtrack check` shows it in context); fmt never rewrites a \
             file it cannot read",
        )
    })?;
    let mut layout = layout::Layout::read(&doc, text).map_err(|unsupported| {
        FormatError::at_offset(
            text,
            unsupported.offset,
            unsupported.message,
            unsupported.help,
        )
    })?;
    layout.order(options.sort);
    let formatted = layout.write();
    verify::same_content(text, &formatted, options).map_err(|what| FormatError {
        at: None,
        message: format!("formatting would change {what}, so the file is left as it is"),
        help: "this is a bug in `claimtrack fmt`; please report it with the file".to_string(),
    })?;
    Ok(formatted)
}

#[cfg(test)]
mod property_tests;
#[cfg(test)]
mod tests;

//! The claim base checked again with a new record in its file, in memory: an error the record
//! raises refuses it, a warning is told to the user; nothing is written before this passes.

use super::{AddError, refuse};
use crate::Checked;
use crate::finding::Severity;
use crate::input::loader::FileInput;
use std::ops::Range;

/// Check the base with `text` as the record file `path`, where the record `id` took `range`;
/// the warnings it raises as notes.
pub(super) fn check_with(
    checked: &Checked,
    path: &str,
    text: &str,
    id: &str,
    range: Range<usize>,
) -> Result<Vec<String>, AddError> {
    let files = &checked.base.files;
    let is_record_file = |file: &str| file.starts_with("claims/") || file.starts_with("sources/");
    let mut inputs: Vec<FileInput> = files
        .iter()
        .filter(|(_, file)| !file.external && is_record_file(&file.path) && file.path != path)
        .map(|(_, file)| FileInput {
            path: file.path.clone(),
            content: Ok(file.text.clone().into_bytes()),
        })
        .collect();
    inputs.push(FileInput {
        path: path.to_string(),
        content: Ok(text.as_bytes().to_vec()),
    });
    let config = files
        .iter()
        .find(|(_, file)| !file.external && file.path == crate::input::config::FILE_NAME)
        .map(|(_, file)| file.text.clone());
    let after = crate::open_inputs(files.root(), inputs, config);
    let in_record = |finding: &crate::finding::Finding| {
        let location = &finding.location;
        let in_range = after.base.files.path(location.file) == path
            && location.span().start < range.end
            && range.start <= location.span().start;
        in_range || finding.claims.iter().any(|claim| &**claim == id)
    };
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    for finding in after.findings.iter().filter(|f| in_record(f)) {
        let at = after.base.files.line_col(&finding.location);
        let place = format!(
            "{}:{}:{}",
            after.base.files.path(finding.location.file),
            at.line,
            at.column
        );
        let line = format!(
            "{}[{}] {place}: {}",
            finding.severity, finding.code, finding.message
        );
        match finding.severity {
            Severity::Error => errors.push(line),
            Severity::Warning => notes.push(line),
            Severity::Info => {}
        }
    }
    if errors.is_empty() {
        return Ok(notes);
    }
    Err(refuse(
        format!(
            "the record would not be read cleanly:\n  {}",
            errors.join("\n  ")
        ),
        "fix what the error names and run `claimtrack add` again",
    ))
}

//! GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped as GitHub requires,
//! so findings show as annotations on the pull request.

use super::Style;
use super::sanitize::multi_line;
use crate::finding::Severity;
use crate::view::check::CheckView;

pub fn render(view: &CheckView, _style: &Style) -> String {
    let files = view.files;
    view.shown()
        .map(|finding| {
            let command = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (start, end) = files.line_cols(&finding.location);
            let mut message = multi_line(&finding.message);
            if let Some(help) = &finding.help {
                message.push_str("\nhelp: ");
                message.push_str(&multi_line(help));
            }
            format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(files.display_path(finding.location.file)),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(finding.code.name()),
                escape_data(&message),
            )
        })
        .collect()
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_requires() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}

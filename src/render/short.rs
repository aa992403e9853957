//! Findings one a line, `file:line:column: severity[code] message`, the form editors read into a
//! list of places (Vim's quickfix, Emacs' compilation mode) and grep can filter.

use super::Style;
use super::sanitize::one_line;
use crate::view::check::CheckView;
use crate::view::located;

pub fn render(view: &CheckView, _style: &Style) -> String {
    view.shown()
        .map(|finding| {
            let at = located(view.files, finding, None);
            format!(
                "{}:{}:{}: {}[{}] {}\n",
                one_line(at.file),
                at.line,
                at.column,
                at.severity,
                at.code,
                one_line(&at.message)
            )
        })
        .collect()
}

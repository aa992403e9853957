//! Findings one a line, `file:line:column: severity[code] message`, the form editors read into a
//! list of places (Vim's quickfix, Emacs' compilation mode) and grep can filter.

use super::Style;
use super::sanitize::one_line;
use crate::view::check::CheckView;
use crate::view::report::Place;

pub fn render(view: &CheckView, _style: &Style) -> String {
    view.shown()
        .map(|finding| {
            let place = Place::of(view.files, &finding.location);
            let at = place.line_col();
            format!(
                "{}:{}:{}: {}[{}] {}\n",
                one_line(place.file()),
                at.line,
                at.column,
                finding.severity,
                finding.code,
                one_line(&finding.message)
            )
        })
        .collect()
}

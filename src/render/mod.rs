//! Renderers: one file per output format, each a `render(view, style) -> String` over one of the
//! views (the report model, the check outcome, the diff). Renderers only format: they decide no
//! verdict and compute no number. The colour policy lives here and nowhere else. The report
//! formats and the snapshot, whose output grows with the claim base, also `write` to an
//! [`io::Write`] a figure at a time, so no large report is ever held whole in memory.

pub mod coverage;
pub mod diagnostics;
pub mod diff;
pub mod github;
pub mod html;
pub mod json;
pub mod markdown;
mod row;
pub mod sanitize;
pub mod sarif;
pub mod short;
pub mod snapshot;
pub mod table;
mod wrap;

use rayon::prelude::*;
use std::ffi::OsString;
use std::io;

/// How output looks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub colour: bool,
    /// The width to fit the terminal report to; `None` for output that is no terminal, fitted to
    /// [`table::DEFAULT_WIDTH`].
    pub width: Option<u16>,
}

/// `--color`: whether to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// Colour on a terminal, unless `NO_COLOR` is set; `CLICOLOR_FORCE` colours off a terminal too.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour, given whether the output is a terminal and the environment.
    pub fn colour(self, is_terminal: bool, env: impl Fn(&str) -> Option<OsString>) -> bool {
        let set = |name: &str| env(name).is_some_and(|value| !value.is_empty() && value != "0");
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if env("NO_COLOR").is_some_and(|v| !v.is_empty()) => false,
            ColorChoice::Auto => is_terminal || set("CLICOLOR_FORCE"),
        }
    }
}

/// What a streaming renderer writes, as one string.
pub fn collect(write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>) -> String {
    let mut bytes = Vec::new();
    // Writing to memory cannot fail, and renderers write only `str`s.
    write(&mut bytes).expect("writing to memory succeeds");
    String::from_utf8(bytes).expect("renderers write UTF-8")
}

/// How many sections of a report are made at once.
const SECTIONS_PER_BATCH: usize = 64;

/// Writes `section(i, item)` for every item, in order. Sections are made on every core, a batch at
/// a time: a figure's section is a report's dear part, and a batch bounds what is held in memory.
pub(crate) fn write_sections<T: Sync>(
    items: &[T],
    writer: &mut dyn io::Write,
    section: impl Fn(usize, &T) -> String + Sync,
) -> io::Result<()> {
    for (batch, items) in items.chunks(SECTIONS_PER_BATCH).enumerate() {
        let sections: Vec<String> = items
            .par_iter()
            .enumerate()
            .map(|(j, item)| section(batch * SECTIONS_PER_BATCH + j, item))
            .collect();
        for text in sections {
            writer.write_all(text.as_bytes())?;
        }
    }
    Ok(())
}

/// Text in bold, or as it is without colour.
pub fn bold(text: &str, colour: bool) -> String {
    paint(text, anstyle::Style::new().bold(), colour)
}

/// Text in `style`, or as it is without colour.
pub fn paint(text: &str, style: anstyle::Style, colour: bool) -> String {
    if colour {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn colour_policy() {
        assert!(ColorChoice::Auto.colour(true, env(&[])));
        assert!(!ColorChoice::Auto.colour(false, env(&[])));
        assert!(!ColorChoice::Auto.colour(true, env(&[("NO_COLOR", "1")])));
        assert!(ColorChoice::Auto.colour(true, env(&[("NO_COLOR", "")])));
        assert!(ColorChoice::Auto.colour(false, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(!ColorChoice::Auto.colour(false, env(&[("CLICOLOR_FORCE", "0")])));
        assert!(ColorChoice::Always.colour(false, env(&[("NO_COLOR", "1")])));
        assert!(!ColorChoice::Never.colour(true, env(&[("CLICOLOR_FORCE", "1")])));
    }
}

//! Renderers: each output format in a file of its own, all rendering the same findings and model.
//! Byte spans become line:column only here, through [`crate::input::files::Files`].

pub mod diagnostics;
pub mod diff;
pub mod github;
pub mod json;
pub mod markdown;
pub mod table;

/// Whether to colour output: only on a terminal, and never when `NO_COLOR` is set.
pub fn use_colour(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

//! Writing results: the documented exit codes, stdout that tolerates a closed pipe, and the
//! terminal's width.

use std::io::Write;
use std::process::ExitCode;

/// The documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Clean = 0,
    GateFailed = 1,
    UsageOrIo = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}

/// Write results to stdout; a closed pipe (`claimtrack report | head`) is not an error.
pub fn print(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

pub fn terminal_width() -> Option<u16> {
    comfy_table::Table::new().width()
}

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
    super::progress::output_begins();
    let mut stdout = bulk_stdout();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Stream what `write` writes to stdout through a buffer; a closed pipe is not an error.
pub fn stream(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    super::progress::output_begins();
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, bulk_stdout());
    match write(&mut stdout).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Stdout for output of any size. The standard handle is line buffered even into a file or a
/// pipe, and so scans every write for its last newline, megabytes of a report included: on Unix
/// results go to a second handle on the same descriptor instead, after what the standard handle
/// holds is flushed.
fn bulk_stdout() -> Box<dyn Write> {
    let mut stdout = std::io::stdout();
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if stdout.flush().is_ok()
            && let Ok(descriptor) = stdout.as_fd().try_clone_to_owned()
        {
            return Box::new(std::fs::File::from(descriptor));
        }
    }
    Box::new(stdout.lock())
}

/// The width to fit output to: `COLUMNS` when it holds a number, else the terminal's width when
/// stdout is a terminal; `None` otherwise.
pub fn terminal_width(is_terminal: bool, columns: Option<std::ffi::OsString>) -> Option<u16> {
    let from_env = columns
        .and_then(|value| value.to_str()?.trim().parse::<u16>().ok())
        .filter(|&width| width > 0);
    from_env.or_else(|| {
        is_terminal
            .then(|| comfy_table::Table::new().width())
            .flatten()
            .filter(|&width| width > 0)
    })
}

#[cfg(test)]
mod tests {
    use super::terminal_width;

    #[test]
    fn columns_sets_the_width_when_it_holds_a_positive_number() {
        assert_eq!(terminal_width(false, Some("80".into())), Some(80));
        assert_eq!(terminal_width(false, Some(" 120 ".into())), Some(120));
        assert_eq!(terminal_width(false, Some("wide".into())), None);
        assert_eq!(terminal_width(false, Some("0".into())), None);
        assert_eq!(terminal_width(false, None), None);
    }
}

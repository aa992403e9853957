//! Record text is untrusted: a quote or an id may hold line breaks, escape sequences or other
//! control characters. Formats that write lines for a terminal or a log pass record text through
//! here, so it can never start a new output line or drive the terminal.

/// `text` on one line: line breaks, tabs and other control characters (C0, DEL, C1) become visible
/// escapes (`\n`, `\t`, `\u{1b}`), and a backslash stays as it is.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible_and_never_break_the_line() {
        assert_eq!(one_line("a\nb\r\tc"), "a\\nb\\r\\tc");
        assert_eq!(one_line("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(one_line("\u{85}next"), "\\u{85}next");
        assert_eq!(one_line("plain, ünïcode"), "plain, ünïcode");
    }
}

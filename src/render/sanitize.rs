//! Record text is untrusted: a quote or an id may hold line breaks, escape sequences or other
//! control characters, `::error` or `##[` (workflow commands a CI log obeys at the start of a line),
//! or markdown that hides or links. Every text and markdown format passes what it writes through
//! here, so record text can never start a new output line, drive the terminal, or turn into markup.

/// `text` on one line: line breaks, tabs and other control characters (C0, DEL, C1) become visible
/// escapes (`\n`, `\t`, `\u{1b}`), and a backslash stays as it is.
pub fn one_line(text: &str) -> String {
    if !holds_control(text) {
        return text.to_string();
    }
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

/// Whether `text` holds a control character (C0, DEL, C1). Those are bytes below 0x20, 0x7f, or
/// two bytes led by 0xc2: the bytes are looked at first, as nearly all record text holds none,
/// and the characters only when one of those turns up.
pub fn holds_control(text: &str) -> bool {
    any_byte(text.as_bytes(), |byte| {
        byte < 0x20 || byte == 0x7f || byte == 0xc2
    }) && text.chars().any(char::is_control)
}

/// Whether `suspect` picks any byte of `bytes`. A block of bytes is looked at whole, without a
/// branch per byte, so that it is checked on vector instructions: most record text holds none of
/// the bytes looked for, and a stop at each byte was a twentieth of an HTML report's time.
pub(crate) fn any_byte(bytes: &[u8], suspect: impl Fn(u8) -> bool) -> bool {
    (bytes.chunks(32)).any(|block| {
        block
            .iter()
            .fold(false, |found, &byte| found | suspect(byte))
    })
}

/// Text that may span several lines (help written by the tool, which can quote record text):
/// control characters other than line breaks become visible escapes, and a line that would start
/// with a workflow command (`::` or `##[`, after any white space) is escaped with a backslash.
pub fn multi_line(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let line = one_line(line);
            let body = line.trim_start();
            if body.starts_with("::") || body.starts_with("##[") {
                format!("{}\\{body}", &line[..line.len() - body.len()])
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text for a markdown table cell or list item: on one line, with every character that markdown
/// (GitHub's included) would read as markup within a line escaped, so `<!--`, `[link](…)`,
/// `https://…`, `@mention`, `*`, `~~`, backticks and `|` show as written.
pub fn markdown(text: &str) -> String {
    let text = one_line(text);
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>|@~&:".contains(c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn control_characters_are_found_as_char_by_char(
            text in "[a-z\u{0}-\u{1f}\u{7f}-\u{a0}é€\u{2028}]{0,20}|\\PC{0,20}"
        ) {
            prop_assert_eq!(holds_control(&text), text.chars().any(char::is_control));
        }
    }

    #[test]
    fn control_characters_become_visible_and_never_break_the_line() {
        assert_eq!(one_line("a\nb\r\tc"), "a\\nb\\r\\tc");
        assert_eq!(one_line("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(one_line("\u{85}next"), "\\u{85}next");
        assert_eq!(one_line("plain, ünïcode"), "plain, ünïcode");
        assert_eq!(one_line("\u{9f}\u{7f}"), "\\u{9f}\\u{7f}");
        assert_eq!(one_line("© « »\u{a0}"), "© « »\u{a0}");
    }

    #[test]
    fn no_line_of_help_starts_a_workflow_command() {
        let help = multi_line("did you mean `x`?\n::error file=a::b\n  ##[error]c\nfine");
        assert_eq!(
            help,
            "did you mean `x`?\n\\::error file=a::b\n  \\##[error]c\nfine"
        );
        for line in help.lines() {
            let line = line.trim_start();
            assert!(
                !line.starts_with("::") && !line.starts_with("##["),
                "{line}"
            );
        }
    }

    #[test]
    fn markdown_shows_markup_as_written() {
        assert_eq!(markdown("<!-- x -->"), "\\<!-- x --\\>");
        assert_eq!(
            markdown("@team [a](https://b)"),
            "\\@team \\[a\\](https\\://b)"
        );
        assert_eq!(markdown("a|b\nc"), "a\\|b\\\\nc");
    }
}

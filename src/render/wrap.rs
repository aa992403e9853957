//! Fitting one-line text to a terminal width: display widths (a wide character takes two
//! columns) and word wrapping that breaks only between words, never inside an id or a number,
//! unless a single word is wider than the whole line.

use unicode_width::UnicodeWidthStr;

/// How many terminal columns `text` takes.
pub fn width(text: &str) -> usize {
    // Most record text is printable ASCII, one column a byte: no need to look each one up.
    if text.bytes().all(|byte| matches!(byte, b' '..=b'~')) {
        text.len()
    } else {
        text.width()
    }
}

/// The widest word of `text`: the narrowest a column can be without breaking a word.
pub fn widest_word(text: &str) -> usize {
    text.split(' ').map(width).max().unwrap_or(0)
}

/// `text` (on one line already) as lines of at most `limit` columns, broken at spaces. A word
/// wider than `limit` is the one thing broken, at the limit. Empty text gives one empty line.
pub fn wrap(text: &str, limit: usize) -> Vec<String> {
    let limit = limit.max(1);
    // Most cells are one line already: single spaces between words, none at the ends, and no
    // wider than the line.
    let one_line = !text.is_empty()
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && width(text) <= limit;
    if one_line {
        return vec![text.to_string()];
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    // The width of `line`, kept as words are added rather than measured again.
    let mut used = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word_width = width(word);
        let needed = if line.is_empty() {
            word_width
        } else {
            used + 1 + word_width
        };
        if needed <= limit {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            used = needed;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut pieces = if word_width <= limit {
            vec![word.to_string()]
        } else {
            split_at_width(word, limit)
        };
        line = pieces.pop().unwrap_or_default();
        used = width(&line);
        lines.extend(pieces);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A word cut into pieces of at most `limit` columns.
fn split_at_width(word: &str, limit: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut used = 0;
    for c in word.chars() {
        let mut buffer = [0u8; 4];
        let c_width = width(c.encode_utf8(&mut buffer));
        if !piece.is_empty() && used + c_width > limit {
            pieces.push(std::mem::take(&mut piece));
            used = 0;
        }
        piece.push(c);
        used += c_width;
    }
    pieces.push(piece);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_between_words_and_never_inside_one() {
        assert_eq!(
            wrap("doc001/executed-at-least-5000 at least 5,000 (amnesty)", 30),
            ["doc001/executed-at-least-5000", "at least 5,000 (amnesty)"]
        );
        assert_eq!(wrap("a b c", 3), ["a b", "c"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("  spaced   out ", 20), ["spaced out"]);
    }

    #[test]
    fn text_that_fits_is_one_line_whatever_its_spacing() {
        assert_eq!(wrap("at least 5,000", 14), ["at least 5,000"]);
        assert_eq!(wrap("at least 5,000", 13), ["at least", "5,000"]);
        assert_eq!(wrap(" at least ", 14), ["at least"]);
        assert_eq!(wrap("at  least", 14), ["at least"]);
        assert_eq!(wrap("数字", 4), ["数字"]);
        assert_eq!(wrap("数字", 3), ["数", "字"]);
    }

    #[test]
    fn only_a_word_wider_than_the_line_is_broken() {
        assert_eq!(wrap("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert_eq!(wrap("x abcdef", 3), ["x", "abc", "def"]);
    }

    #[test]
    fn printable_ascii_takes_a_column_a_character() {
        for text in ["", "abc", " ~!09AZaz{}", "x\ty", "\u{7f}", "é"] {
            assert_eq!(width(text), text.width(), "{text:?}");
        }
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(width("数字"), 4);
        assert_eq!(wrap("数字 数字", 5), ["数字", "数字"]);
        assert_eq!(widest_word("a 数字数字 bc"), 8);
        assert_eq!(wrap("a数字", 2), ["a", "数", "字"]);
    }
}

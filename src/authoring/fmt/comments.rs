//! The comments in the space toml_edit keeps around each token (its "decor"), read line by line,
//! and the paragraph rules that decide where blank lines between comments survive.

/// A line of the space between two tokens: empty, or holding a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Line {
    Blank,
    Comment(String),
}

/// The whole lines of decor that ends where a token starts a line; the last piece is that
/// token's own indentation, not a line.
pub(super) fn lines_before_token(raw: &str) -> Vec<Line> {
    let mut lines = lines(raw);
    lines.pop();
    lines
}

/// Every line of a piece of decor, the last one included (the end of a file).
pub(super) fn lines(raw: &str) -> Vec<Line> {
    raw.split('\n')
        .map(|segment| comment_in(segment).map_or(Line::Blank, Line::Comment))
        .collect()
}

/// The comment in one line of decor, from its `#` to the end of the line without trailing space.
/// Decor holds only space and comments, so the first `#` starts the comment.
pub(super) fn comment_in(segment: &str) -> Option<String> {
    segment
        .find('#')
        .map(|start| segment[start..].trim_end().to_string())
}

/// The comments of `lines` only, for places where blank lines are not kept (inside a record).
pub(super) fn comments_only(lines: Vec<Line>) -> Vec<String> {
    lines
        .into_iter()
        .filter_map(|line| match line {
            Line::Comment(text) => Some(text),
            Line::Blank => None,
        })
        .collect()
}

/// Comment paragraphs separated by one blank line wherever the text had any; no blank line first,
/// and none last unless `keep_last_blank` (a comment block set apart from the table below it).
pub(super) fn paragraphs(lines: Vec<Line>, keep_last_blank: bool) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for line in lines {
        let after_blank_or_start = out.last().is_none_or(|last| *last == Line::Blank);
        if line == Line::Blank && after_blank_or_start {
            continue;
        }
        out.push(line);
    }
    if !keep_last_blank && out.last() == Some(&Line::Blank) {
        out.pop();
    }
    out
}

/// Split the lines above the first table of a file into the file's opening comment, which stays
/// at the top, and the comment paragraph touching the table's header, which moves with the table.
pub(super) fn split_file_header(mut lines: Vec<Line>) -> (Vec<Line>, Vec<Line>) {
    let touching = lines
        .iter()
        .rev()
        .take_while(|line| matches!(line, Line::Comment(_)))
        .count();
    let attached = lines.split_off(lines.len() - touching);
    (lines, attached)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(text: &str) -> Line {
        Line::Comment(text.to_string())
    }

    #[test]
    fn the_indentation_before_a_token_is_not_a_line() {
        assert_eq!(
            lines_before_token("# a\n\n  # b  \r\n  "),
            vec![comment("# a"), Line::Blank, comment("# b")]
        );
        assert_eq!(lines_before_token("   "), vec![]);
    }

    #[test]
    fn a_hash_in_a_comment_stays_in_it() {
        assert_eq!(
            comment_in("  # see [[claim]] # 2 "),
            Some("# see [[claim]] # 2".to_string())
        );
        assert_eq!(comment_in("   "), None);
    }

    #[test]
    fn runs_of_blank_lines_become_one_and_ends_are_trimmed() {
        let lines = vec![
            Line::Blank,
            comment("# a"),
            Line::Blank,
            Line::Blank,
            comment("# b"),
            Line::Blank,
            Line::Blank,
        ];
        let kept = vec![comment("# a"), Line::Blank, comment("# b"), Line::Blank];
        assert_eq!(paragraphs(lines.clone(), true), kept);
        assert_eq!(paragraphs(lines, false), kept[..3].to_vec());
    }

    #[test]
    fn only_the_paragraph_touching_the_first_table_moves_with_it() {
        let (header, attached) = split_file_header(vec![
            comment("# file"),
            Line::Blank,
            comment("# first"),
            comment("# record"),
        ]);
        assert_eq!(header, vec![comment("# file"), Line::Blank]);
        assert_eq!(attached, vec![comment("# first"), comment("# record")]);

        let (header, attached) = split_file_header(vec![comment("# file"), Line::Blank]);
        assert_eq!(header, vec![comment("# file"), Line::Blank]);
        assert!(attached.is_empty());
    }
}

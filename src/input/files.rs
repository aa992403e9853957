//! The text of every file a claim base was read from, and the one place where byte spans become
//! 1-based line:column positions, so every output format reports the same place.

use std::num::NonZeroU32;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Index of a file in [`Files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// The longest text a file may hold, in bytes: places in a text are held in 32 bits, as a large
/// base holds millions of them. Every reader refuses a longer file.
pub const MAX_TEXT_LEN: u64 = u32::MAX as u64 - 1;

/// A byte range of a file's text, in half the room of a `Range<usize>`. The start is held one
/// up, so that an optional place (a claim's `as_of`, its locator) takes no more room than one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    start_after: NonZeroU32,
    end: u32,
}

impl Span {
    pub fn new(range: Range<usize>) -> Self {
        Span {
            start_after: NonZeroU32::MIN.saturating_add(offset(range.start)),
            end: offset(range.end),
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start()..self.end()
    }

    pub fn start(self) -> usize {
        (self.start_after.get() - 1) as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }
}

impl Default for Span {
    fn default() -> Self {
        Span::new(0..0)
    }
}

/// An offset into a text, which is never longer than [`MAX_TEXT_LEN`].
fn offset(at: usize) -> u32 {
    u32::try_from(at).map_or(MAX_TEXT_LEN as u32, |at| at.min(MAX_TEXT_LEN as u32))
}

/// A place in a file: the file and a byte range of its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Location {
    pub file: FileId,
    span: Span,
}

impl Location {
    pub fn new(file: FileId, span: Range<usize>) -> Self {
        Self {
            file,
            span: Span::new(span),
        }
    }

    /// The byte range of the place in its file's text.
    pub fn span(&self) -> Range<usize> {
        self.span.range()
    }

    /// Where the place starts in its file's text, in the 32 bits it is held in.
    pub fn start(&self) -> u32 {
        self.span.start_after.get() - 1
    }
}

/// A 1-based line and column; columns count characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the claim base root, with `/` separators: stable across machines.
    pub path: String,
    /// A file from outside the claim base (an archived text), shown by the path it was given.
    pub external: bool,
    pub text: String,
    /// Made when a place in the file is first asked for: a large base's line index is about a
    /// seventh of its texts, and is most often needed only once the findings are shown, by then
    /// with less else in memory.
    line_starts: OnceLock<LineStarts>,
}

/// Where every [`LINES_PER_MARK`]th line of a text starts, in bytes. Any other line is found from
/// the mark before it by counting line breaks: a large base's texts have a million lines, and a
/// start held for each took its report a few MiB at its peak. Every eighth line costs a 100k base
/// 0.6 MB and a report counts through a few hundred bytes for each place it shows; every 32nd
/// made placing the claims and findings a twentieth of a JSON report.
#[derive(Debug, Clone)]
struct LineStarts(Vec<u32>);

const LINES_PER_MARK: usize = 8;

impl LineStarts {
    fn of(text: &str) -> Self {
        let starts = std::iter::once(0).chain(
            newline_offsets(text)
                .skip(LINES_PER_MARK - 1)
                .step_by(LINES_PER_MARK)
                .map(|i| i + 1),
        );
        LineStarts(starts.map(offset).collect())
    }

    /// The index (from 0) and start of the line holding `offset`, within `text`.
    fn line_of(&self, text: &str, offset: usize) -> (usize, usize) {
        let mark = self.0.partition_point(|&start| start as usize <= offset) - 1;
        let from = self.0[mark] as usize;
        let before = &text.as_bytes()[from..offset];
        let breaks = before.iter().filter(|&&byte| byte == b'\n').count();
        let start = memchr::memrchr(b'\n', before).map_or(from, |at| from + at + 1);
        (mark * LINES_PER_MARK + breaks, start)
    }
}

impl SourceFile {
    pub fn new(path: String, text: String) -> Self {
        Self {
            path,
            external: false,
            text,
            line_starts: OnceLock::new(),
        }
    }

    /// A file from outside the claim base, such as an archived source text.
    pub fn external(path: String, text: String) -> Self {
        Self {
            external: true,
            ..Self::new(path, text)
        }
    }

    fn line_starts(&self) -> &LineStarts {
        self.line_starts.get_or_init(|| LineStarts::of(&self.text))
    }

    /// The line and column of a byte offset; offsets past the end or inside a character are clamped.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let (line_index, line_start) = self.line_starts().line_of(&self.text, offset);
        let column = self.text[line_start..offset].chars().count() + 1;
        LineCol {
            line: line_index + 1,
            column,
        }
    }

    /// The line and column of both ends of `span`. The end is counted on from the start when the
    /// span stays on one line, as nearly all do: searching the line starts again for it cost a
    /// report at 100k claims a few percent of its time in cache misses.
    pub fn span_line_cols(&self, span: &Range<usize>) -> (LineCol, LineCol) {
        let start = self.line_col(span.start);
        let from = floor_char_boundary(&self.text, span.start.min(self.text.len()));
        let to = floor_char_boundary(&self.text, span.end.min(self.text.len()));
        match self.text.get(from..to) {
            Some(inside) if !inside.contains('\n') => {
                let column = start.column + inside.chars().count();
                let end = LineCol {
                    line: start.line,
                    column,
                };
                (start, end)
            }
            _ => (start, self.line_col(span.end)),
        }
    }

    /// The byte range of the line holding `offset`, without its line break.
    pub fn line_range(&self, offset: usize) -> Range<usize> {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let (_, start) = self.line_starts().line_of(&self.text, offset);
        let end = newline_offsets(&self.text[offset..])
            .next()
            .map_or(self.text.len(), |at| offset + at);
        let end = if self.text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }
}

/// Where each line break of `text` stands: every file is scanned once for them, with the
/// processor's vector instructions.
fn newline_offsets(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes())
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A file's path below `prefix`; a file from outside the claim base as it was given.
fn shown_path(prefix: &str, file: &SourceFile) -> String {
    if file.external {
        file.path.clone()
    } else {
        format!("{prefix}{}", file.path)
    }
}

/// Every file read, in a stable order.
#[derive(Debug, Default)]
pub struct Files {
    root: PathBuf,
    /// Prefix that turns a root-relative path into one relative to where the user stands.
    display_prefix: String,
    files: Vec<SourceFile>,
    /// Each file's path as shown, made once: every claim and finding of a report names its file.
    display_paths: Vec<String>,
}

impl Files {
    pub fn new(root: PathBuf) -> Self {
        Self {
            root,
            display_prefix: String::new(),
            files: Vec::new(),
            display_paths: Vec::new(),
        }
    }

    /// Show paths below `prefix` (e.g. the `--root` given) rather than relative to the root.
    pub fn set_display_prefix(&mut self, prefix: &str) {
        self.display_prefix = match prefix.trim_end_matches('/') {
            "" | "." => String::new(),
            trimmed => format!("{trimmed}/"),
        };
        self.display_paths = (self.files.iter())
            .map(|file| shown_path(&self.display_prefix, file))
            .collect();
    }

    /// The path to show for a file: relative to where the user stands.
    pub fn display_path(&self, id: FileId) -> &str {
        &self.display_paths[id.0 as usize]
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).expect("fewer than 2^32 files"));
        self.display_paths
            .push(shown_path(&self.display_prefix, &file));
        self.files.push(file);
        id
    }

    /// Every file, in the order of their ids.
    pub fn as_slice(&self) -> &[SourceFile] {
        &self.files
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn path(&self, id: FileId) -> &str {
        &self.get(id).path
    }

    pub fn line_col(&self, location: &Location) -> LineCol {
        self.get(location.file).line_col(location.span.start())
    }

    /// The line and column of both ends of a location.
    pub fn line_cols(&self, location: &Location) -> (LineCol, LineCol) {
        self.get(location.file).span_line_cols(&location.span())
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, file)| (FileId(i as u32), file))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests;

//! The text of every file a claim base was read from, and the one place where byte spans become
//! 1-based line:column positions, so every output format reports the same place.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// Index of a file in [`Files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A place in a file: the file and a byte range of its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Location {
    pub file: FileId,
    pub span: Range<usize>,
}

impl Location {
    pub fn new(file: FileId, span: Range<usize>) -> Self {
        Self { file, span }
    }
}

/// A 1-based line and column; columns count characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the claim base root, with `/` separators: stable across machines.
    pub path: String,
    /// A file from outside the claim base (an archived text), shown by the path it was given.
    pub external: bool,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(newline_offsets(&text).map(|i| i + 1))
            .collect();
        Self {
            path,
            external: false,
            text,
            line_starts,
        }
    }

    /// A file from outside the claim base, such as an archived source text.
    pub fn external(path: String, text: String) -> Self {
        Self {
            external: true,
            ..Self::new(path, text)
        }
    }

    /// The line and column of a byte offset; offsets past the end or inside a character are clamped.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line_index = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.line_starts[line_index];
        let column = self.text[line_start..offset].chars().count() + 1;
        LineCol {
            line: line_index + 1,
            column,
        }
    }

    /// The byte range of the line holding `offset`, without its line break.
    pub fn line_range(&self, offset: usize) -> Range<usize> {
        let line = self.line_col(offset).line;
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let end = if self.text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }
}

fn newline_offsets(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, byte)| byte == b'\n')
        .map(|(i, _)| i)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Every file read, in a stable order.
#[derive(Debug, Default)]
pub struct Files {
    root: PathBuf,
    /// Prefix that turns a root-relative path into one relative to where the user stands.
    display_prefix: String,
    files: Vec<SourceFile>,
}

impl Files {
    pub fn new(root: PathBuf) -> Self {
        Self {
            root,
            display_prefix: String::new(),
            files: Vec::new(),
        }
    }

    /// Show paths below `prefix` (e.g. the `--root` given) rather than relative to the root.
    pub fn set_display_prefix(&mut self, prefix: &str) {
        self.display_prefix = match prefix.trim_end_matches('/') {
            "" | "." => String::new(),
            trimmed => format!("{trimmed}/"),
        };
    }

    /// The path to show for a file: relative to where the user stands.
    pub fn display_path(&self, id: FileId) -> String {
        let file = self.get(id);
        if file.external {
            file.path.clone()
        } else {
            format!("{}{}", self.display_prefix, file.path)
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).expect("fewer than 2^32 files"));
        self.files.push(file);
        id
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn path(&self, id: FileId) -> &str {
        &self.get(id).path
    }

    pub fn line_col(&self, location: &Location) -> LineCol {
        self.get(location.file).line_col(location.span.start)
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
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new("a.toml".into(), "id = \"x\"\nquote = \"’é\" x\n".into());
        let offset = file.text.find(" x\n").unwrap() + 1;
        assert_eq!(
            file.line_col(offset),
            LineCol {
                line: 2,
                column: 14
            }
        );
        assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn line_range_excludes_line_break() {
        let file = SourceFile::new("a.toml".into(), "a = 1\r\nb = 2".into());
        assert_eq!(&file.text[file.line_range(8)], "b = 2");
        assert_eq!(&file.text[file.line_range(2)], "a = 1");
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let file = SourceFile::new("a.toml".into(), "ab".into());
        assert_eq!(file.line_col(99), LineCol { line: 1, column: 3 });
    }
}

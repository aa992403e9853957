//! Record files in their plain shape, read straight from the TOML parser's events: nearly every
//! record file is `[[table]]` headers and `key = value` lines, and building `toml`'s tree of the
//! whole document before deserialising it cost half of reading such a file.
//!
//! The plain shape: `[[name]]` headers with a bare name (a table the folder holds) and, below
//! each, keys (not dotted) whose values are strings, integers, floats, booleans, arrays of these
//! or of inline tables of these, or inline tables of these; no key before the first header.
//! A file in any other shape (a `[table]` header, a dotted key, a date, a value nested deeper), a
//! file with a syntax error and a file one of whose records does not load are read through
//! `toml`'s document instead, so every file reads as `toml` reads it and every problem is told as
//! before. The parser, its checks of comments and whitespace, and the decoding of every key and
//! value are `toml`'s own.

mod de;

use super::{FileRecords, Folder};
use serde::Deserialize;
use std::cell::Cell;
use toml_parser::decoder::Encoding;
use toml_parser::lexer::Token;
use toml_parser::parser::{EventReceiver, ValidateWhitespace, parse_document};
use toml_parser::{ErrorSink, ParseError, Source, Span};

/// The records of a file in the plain shape, or None when it is not in it or a record does not
/// load.
pub(super) fn read(text: &str, folder: Folder) -> Option<FileRecords> {
    // Each thread keeps its buffers from file to file: fresh ones for every file were a tenth of
    // reading it, most of that the kernel handing over and zeroing their pages.
    let mut buffers = BUFFERS.take();
    let records = Tape::of(text, &mut buffers).and_then(|tape| records(text, folder, tape));
    BUFFERS.set(buffers);
    records
}

thread_local! {
    static BUFFERS: Cell<Buffers> = Cell::default();
}

#[derive(Default)]
struct Buffers {
    tokens: Vec<Token>,
    tape: Tape,
    open: Vec<u32>,
}

fn records(text: &str, folder: Folder, tape: &Tape) -> Option<FileRecords> {
    let mut records = FileRecords::default();
    for (r, record) in tape.records.iter().enumerate() {
        let end = (tape.records.get(r + 1)).map_or(tape.entries.len(), |next| next.first as usize);
        let fields = de::Fields::new(text, &tape.entries, record.first as usize, end);
        match &text[record.name.0 as usize..record.name.1 as usize] {
            name if !folder.tables().contains(&name) => return None,
            "speaker" => records
                .speakers
                .push(Deserialize::deserialize(fields).ok()?),
            "source" => records.sources.push(Deserialize::deserialize(fields).ok()?),
            "figure" => records.figures.push(Deserialize::deserialize(fields).ok()?),
            _ => records.claims.push(Deserialize::deserialize(fields).ok()?),
        }
    }
    Some(records)
}

/// A file's keys and values in the order written, each container followed by what it holds.
#[derive(Default)]
struct Tape {
    entries: Vec<Entry>,
    records: Vec<Header>,
}

/// A `[[name]]` header: where its name is written, and where its record's fields start on the tape.
struct Header {
    name: (u32, u32),
    first: u32,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Key,
    Scalar,
    Array,
    Table,
}

/// A key, a scalar, or an array or inline table with the place on the tape after all it holds.
#[derive(Clone, Copy)]
struct Entry {
    kind: Kind,
    encoding: Option<Encoding>,
    start: u32,
    end: u32,
    /// The entry after this one and all it holds.
    next: u32,
}

impl Tape {
    /// The tape of `text`, or None when it is not in the plain shape or holds a syntax error.
    fn of<'b>(text: &str, buffers: &'b mut Buffers) -> Option<&'b Tape> {
        // Offsets are kept in 32 bits: files are held below 4 GiB (`MAX_TEXT_LEN`).
        u32::try_from(text.len()).ok()?;
        let source = Source::new(text);
        let Buffers { tokens, tape, open } = buffers;
        tokens.clear();
        tokens.extend(source.lex());
        tape.entries.clear();
        tape.records.clear();
        open.clear();
        let mut shape = Shape {
            tape,
            plain: true,
            in_header: false,
            open,
        };
        let mut failed = Failed(false);
        let mut validated = ValidateWhitespace::new(&mut shape, source);
        parse_document(tokens, &mut validated, &mut failed);
        let plain = shape.plain && !failed.0 && shape.open.is_empty();
        plain.then_some(&*tape)
    }
}

/// Whether the parser or a decoder reported an error.
struct Failed(bool);

impl ErrorSink for Failed {
    fn report_error(&mut self, _: ParseError) {
        self.0 = true;
    }
}

/// Builds the tape from the parser's events, and notes whether the file keeps to the plain shape.
struct Shape<'b> {
    tape: &'b mut Tape,
    plain: bool,
    /// Between the brackets of a `[[name]]` header.
    in_header: bool,
    /// The arrays and inline tables open, by their place on the tape.
    open: &'b mut Vec<u32>,
}

impl Shape<'_> {
    fn push(&mut self, kind: Kind, span: Span, encoding: Option<Encoding>) {
        let next = self.tape.entries.len() as u32 + 1;
        self.tape.entries.push(Entry {
            kind,
            encoding,
            start: span.start() as u32,
            end: span.end() as u32,
            next,
        });
    }

    fn open(&mut self, kind: Kind, span: Span) {
        // An array may hold inline tables, an inline table only scalars.
        let innermost = self
            .open
            .last()
            .map(|&at| self.tape.entries[at as usize].kind);
        if matches!(innermost, Some(Kind::Table)) || (kind == Kind::Array && innermost.is_some()) {
            self.plain = false;
        }
        self.open.push(self.tape.entries.len() as u32);
        self.push(kind, span, None);
    }

    fn close(&mut self, span: Span) {
        let Some(at) = self.open.pop() else {
            self.plain = false;
            return;
        };
        let next = self.tape.entries.len() as u32;
        let entry = &mut self.tape.entries[at as usize];
        entry.end = span.end() as u32;
        entry.next = next;
    }
}

impl EventReceiver for Shape<'_> {
    fn std_table_open(&mut self, _: Span, _: &mut dyn ErrorSink) {
        self.plain = false;
    }

    fn array_table_open(&mut self, _: Span, _: &mut dyn ErrorSink) {
        self.in_header = true;
    }

    fn array_table_close(&mut self, _: Span, _: &mut dyn ErrorSink) {
        self.in_header = false;
    }

    fn inline_table_open(&mut self, span: Span, _: &mut dyn ErrorSink) -> bool {
        self.open(Kind::Table, span);
        true
    }

    fn inline_table_close(&mut self, span: Span, _: &mut dyn ErrorSink) {
        self.close(span);
    }

    fn array_open(&mut self, span: Span, _: &mut dyn ErrorSink) -> bool {
        self.open(Kind::Array, span);
        true
    }

    fn array_close(&mut self, span: Span, _: &mut dyn ErrorSink) {
        self.close(span);
    }

    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, _: &mut dyn ErrorSink) {
        if self.in_header {
            // A quoted name (`[["claim"]]`) is read by `toml`: written with its quotes, it names
            // no table the folder holds.
            self.tape.records.push(Header {
                name: (span.start() as u32, span.end() as u32),
                first: self.tape.entries.len() as u32,
            });
        } else if self.tape.records.is_empty() {
            self.plain = false;
        } else {
            self.push(Kind::Key, span, encoding);
        }
    }

    fn key_sep(&mut self, _: Span, _: &mut dyn ErrorSink) {
        self.plain = false;
    }

    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, _: &mut dyn ErrorSink) {
        self.push(Kind::Scalar, span, encoding);
    }

    fn error(&mut self, _: Span, _: &mut dyn ErrorSink) {
        self.plain = false;
    }
}

#[cfg(test)]
mod tests;

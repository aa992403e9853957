//! Parsing record files into raw records with byte spans, in parallel, whether they come from disk
//! (see [`disk`]) or from a git revision; every problem met is collected as a finding instead of
//! stopping at the first.

mod choices;
pub mod confined;
mod disk;
mod plain;
mod record;
mod reuse;
pub mod walk;

use crate::finding::{Code, Finding};
use crate::input::files::{FileId, Files, Location, MAX_TEXT_LEN, SourceFile};
use crate::input::records::{RawClaim, RawFigure, RawSource, RawSpeaker};
use crate::suggest::did_you_mean;
use rayon::prelude::*;
use record::{Record, fields_of, id_of, push_record};
use std::borrow::Cow;
use std::path::Path;
use toml::de::{DeTable, DeValue};

pub use disk::{LoadError, check_root, find_root, load, load_reusing, record_paths, with_config};

/// The records of one file, in the order they are written.
#[derive(Debug, Default, Clone)]
pub struct FileRecords {
    pub speakers: Vec<RawSpeaker>,
    pub sources: Vec<RawSource>,
    pub figures: Vec<RawFigure>,
    pub claims: Vec<RawClaim>,
    /// The ids of records that failed to load but whose id could be read: they stay taken, so
    /// references to them are not reported again as unknown.
    pub failed_ids: Vec<String>,
}

impl FileRecords {
    pub fn count(&self) -> usize {
        self.speakers.len() + self.sources.len() + self.figures.len() + self.claims.len()
    }
}

pub struct Loaded {
    pub files: Files,
    /// Each file's records, in the order of `files`: those of `FileId(i)` are `records[i]`. Kept
    /// per file rather than gathered into one list, which would hold every record twice.
    pub records: Vec<FileRecords>,
    pub findings: Vec<Finding>,
    /// The text of `claimtrack.toml`, when it was read with the records.
    pub config_text: Option<String>,
    /// For each file of `records`, whether its text is its bytes as read: not when they were
    /// unreadable, not UTF-8 or began with a byte-order mark.
    verbatim: Vec<bool>,
}

/// A record file to parse: its path relative to the claim base root (with `/` separators) and its
/// bytes, or why they could not be read. Files come from disk or from a git revision alike.
pub struct FileInput {
    pub path: String,
    pub content: Result<Vec<u8>, String>,
}

/// Parse record files that are already in memory.
pub fn parse_inputs(root: &Path, inputs: Vec<FileInput>) -> Loaded {
    parse_inputs_reusing(root, inputs, None)
}

/// Parse record files that are already in memory; a file `earlier` parsed from the same path and
/// the same bytes is copied from it instead (see [`reuse`]).
pub fn parse_inputs_reusing(
    root: &Path,
    mut inputs: Vec<FileInput>,
    earlier: Option<&Loaded>,
) -> Loaded {
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    crate::progress::files_found(inputs.len());
    let earlier = earlier.map(reuse::Earlier::of);
    let parsed: Vec<ParsedFile> = inputs
        .into_par_iter()
        .enumerate()
        .map(|(index, input)| {
            let file = FileId(index as u32);
            let parsed = (earlier.as_ref())
                .and_then(|earlier| earlier.parsed(&input, file))
                .unwrap_or_else(|| parse_file(input, file));
            crate::progress::file_done();
            parsed
        })
        .collect();

    let mut files = Files::new(root.to_path_buf());
    let mut records = Vec::with_capacity(parsed.len());
    let mut verbatim = Vec::with_capacity(parsed.len());
    let mut findings = Vec::new();
    for file in parsed {
        files.add(file.source);
        records.push(file.records);
        verbatim.push(file.verbatim);
        findings.extend(file.findings);
    }
    Loaded {
        files,
        records,
        findings,
        config_text: None,
        verbatim,
    }
}

/// The two folders of a claim base; which one a record file lies in decides the tables it holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Folder {
    Sources,
    Claims,
}

impl Folder {
    pub fn name(self) -> &'static str {
        match self {
            Folder::Sources => "sources",
            Folder::Claims => "claims",
        }
    }

    fn of(relative: &str) -> Self {
        if relative.starts_with("claims/") {
            Folder::Claims
        } else {
            Folder::Sources
        }
    }

    /// The names of the tables files in this folder hold, one per record kind.
    pub fn tables(self) -> &'static [&'static str] {
        match self {
            Folder::Sources => &["speaker", "source"],
            Folder::Claims => &["figure", "claim"],
        }
    }
}

struct ParsedFile {
    source: SourceFile,
    records: FileRecords,
    findings: Vec<Finding>,
    /// Whether `source` holds the file's bytes as read.
    verbatim: bool,
}

fn parse_file(input: FileInput, file: FileId) -> ParsedFile {
    let relative = input.path;
    let whole_file = Location::new(file, 0..0);
    let mut findings = Vec::new();
    // Files from disk and from git are held to the ceiling as they are read; texts given in memory
    // (`open_inputs`) are held to it here.
    let content = input.content.and_then(|bytes| match bytes.len() as u64 {
        len if len > MAX_TEXT_LEN => Err(format!("is larger than {MAX_TEXT_LEN} bytes")),
        _ => Ok(bytes),
    });
    let bytes = match content {
        Ok(bytes) => bytes,
        Err(why) => {
            findings.push(
                Finding::new(
                    Code::UnreadableFile,
                    whole_file,
                    format!("`{relative}` {why}"),
                )
                .help("rename it so it does not end in `.toml`, or make it a readable file"),
            );
            return ParsedFile {
                source: SourceFile::new(relative, String::new()),
                records: FileRecords::default(),
                findings,
                verbatim: false,
            };
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&error.as_bytes()[..offset]).into_owned();
            let location = Location::new(file, offset..offset);
            findings.push(
                Finding::new(Code::UnreadableFile, location, "file is not valid UTF-8")
                    .label("the first byte that is not UTF-8 follows here")
                    .help("re-save the file as UTF-8"),
            );
            return ParsedFile {
                source: SourceFile::new(relative, valid),
                records: FileRecords::default(),
                findings,
                verbatim: false,
            };
        }
    };
    let verbatim = !text.starts_with('\u{feff}');
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            findings.push(
                Finding::new(
                    Code::ByteOrderMark,
                    whole_file.clone(),
                    "file starts with a byte-order mark",
                )
                .help("save the file as UTF-8 without BOM"),
            );
            // Three spaces keep every byte offset where the parser will report it.
            format!("   {rest}")
        }
        None => text,
    };
    let folder = Folder::of(&relative);
    let records = parse_records(&text, file, folder, &mut findings);
    if records.count() == 0 && findings.is_empty() {
        let expected = folder.tables();
        findings.push(
            Finding::new(
                Code::EmptyFile,
                whole_file,
                format!("`{relative}` holds no records"),
            )
            .help(format!(
                "add [[{}]] or [[{}]] tables, or delete the file",
                expected[0], expected[1]
            )),
        );
    }
    ParsedFile {
        source: SourceFile::new(relative, text),
        records,
        findings,
        verbatim,
    }
}

fn parse_records(
    text: &str,
    file: FileId,
    folder: Folder,
    findings: &mut Vec<Finding>,
) -> FileRecords {
    // Quotes and statements written as they read are kept as their places in `text`.
    let _reading = crate::input::records::reading(text);
    let mut records = match plain::read(text, folder) {
        Some(records) => records,
        None => parse_document(text, file, folder, findings),
    };
    for claim in &mut records.claims {
        claim.settle(text);
    }
    records
}

/// The records of a file read through `toml`'s document, with a finding for every problem met.
fn parse_document(
    text: &str,
    file: FileId,
    folder: Folder,
    findings: &mut Vec<Finding>,
) -> FileRecords {
    let mut records = FileRecords::default();
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for error in errors {
            let span = error.span().unwrap_or(0..0);
            findings.push(
                Finding::new(Code::TomlSyntax, Location::new(file, span), "invalid TOML")
                    .label(error.message().trim().to_string())
                    .help(
                        "fix the TOML syntax here; see docs/format.md for examples of each record",
                    ),
            );
        }
        // None of the file's records load, but the ids the parser could still read stay taken, so
        // the references to them do not bury the syntax error under unknown references.
        for (key, value) in table.into_inner() {
            if let (true, DeValue::Array(items)) = (
                folder.tables().contains(&key.get_ref().as_ref()),
                value.get_ref(),
            ) {
                records
                    .failed_ids
                    .extend(items.iter().filter_map(id_of).map(Cow::into_owned));
            }
        }
        return records;
    }
    for (key, value) in table.into_inner() {
        let name: &str = key.get_ref();
        let key_location = Location::new(file, key.span());
        let expected = folder.tables();
        if !expected.contains(&name) {
            let mut finding = Finding::new(
                Code::UnknownTable,
                key_location,
                format!("`{name}` is not a table of files in `{}/`", folder.name()),
            );
            let other = match folder {
                Folder::Sources => Folder::Claims,
                Folder::Claims => Folder::Sources,
            };
            finding = if other.tables().contains(&name) {
                finding.help(format!(
                    "move the [[{name}]] tables to a file below `{}/`",
                    other.name()
                ))
            } else if let Some(suggestion) = did_you_mean(name, expected.iter().copied()) {
                finding.help(format!("did you mean `[[{suggestion}]]`?"))
            } else {
                finding.help(format!(
                    "files below `{}/` hold [[{}]] and [[{}]] tables",
                    folder.name(),
                    expected[0],
                    expected[1]
                ))
            };
            findings.push(finding);
            continue;
        }
        let span = value.span();
        let DeValue::Array(items) = value.into_inner() else {
            findings.push(
                Finding::new(
                    Code::UnknownTable,
                    Location::new(file, span),
                    format!("`{name}` must be an array of tables"),
                )
                .help(format!(
                    "write each record under its own `[[{name}]]` header"
                )),
            );
            continue;
        };
        // Sized once: the lists of a large file would otherwise be copied as they grow.
        match name {
            "speaker" => records.speakers.reserve(items.len()),
            "source" => records.sources.reserve(items.len()),
            "figure" => records.figures.reserve(items.len()),
            _ => records.claims.reserve(items.len()),
        }
        for item in items {
            let id = id_of(&item);
            let record = Record {
                name,
                fields: fields_of(name),
                text,
                file,
            };
            let loaded = match name {
                "speaker" => push_record(&mut records.speakers, item, &record, findings),
                "source" => push_record(&mut records.sources, item, &record, findings),
                "figure" => push_record(&mut records.figures, item, &record, findings),
                _ => push_record(&mut records.claims, item, &record, findings),
            };
            if let (false, Some(id)) = (loaded, id) {
                records.failed_ids.push(id.into_owned());
            }
        }
    }
    records
}

//! Quote checks against the archive: every quote of a source's claims must appear in the
//! archived text of its source (found by sha256); a missing quote is shown with the closest passage,
//! in place in the archived file, and a quote standing elsewhere than the paragraphs its locator
//! names with the place it stands.

use crate::archive::matcher::{Archive, QuoteMatch};
use crate::archive::paragraphs::{Paragraphs, locator_of, named_by};
use crate::archive::{ArchiveError, Copies, MissingCopy, read_archive};
use crate::finding::{Code, Finding};
use crate::input::files::{Files, Location, SourceFile};
use crate::model::{Claim, ClaimBase, RecordText, Source};
use std::ops::{Range, RangeInclusive};
use std::path::Path;

/// Check every quote against the archive in `dir`. Archived texts that findings point into join
/// `files`, so diagnostics can show the closest passage in place.
pub fn check_quotes(
    base: &ClaimBase,
    files: &mut Files,
    dir: &Path,
) -> Result<Vec<Finding>, ArchiveError> {
    let mut findings = Vec::new();
    let max_file_size = base.config.input.max_file_size;
    let archived = read_archive(dir, max_file_size, files, &mut findings)?;
    let copies = Copies::new(&archived);
    let mut claims_by_source: Vec<Vec<usize>> = vec![Vec::new(); base.sources.len()];
    for (c, claim) in base.claims.iter().enumerate() {
        if let (Some(source), Some(_)) = (claim.source(), &claim.quote) {
            claims_by_source[source].push(c);
        }
    }
    let mut copies_found = 0;
    for (s, source) in base.sources.iter().enumerate() {
        let file = match copies.of(source) {
            Ok(file) => file,
            Err(missing) => {
                findings.push(missing_copy(source, missing, dir));
                continue;
            }
        };
        copies_found += 1;
        let text_of_copy = file.text();
        let archive = Archive::new(&text_of_copy);
        let mut archive_file = None;
        let mut paragraphs = None;
        for &c in &claims_by_source[s] {
            let claim = &base.claims[c];
            let Some(quote) = &claim.quote else { continue };
            let location = Location::new(claim.file(), quote.span());
            let quote_text = quote.text(&files.get(claim.file()).text);
            let finding = match archive.find(quote_text) {
                QuoteMatch::Found(first) => {
                    let record_text = &files.get(claim.file()).text;
                    let Some((named, locator)) = (claim.locator.as_ref())
                        .and_then(|locator| Some((named_by(locator.text(record_text))?, locator)))
                    else {
                        continue;
                    };
                    let paragraphs =
                        paragraphs.get_or_insert_with(|| Paragraphs::new(&text_of_copy));
                    let Some(numbers) =
                        stands_elsewhere(&archive, paragraphs, &first, quote_text, &named)
                    else {
                        continue;
                    };
                    let id = *archive_file.get_or_insert_with(|| {
                        files.add(SourceFile::external(
                            file.display.clone(),
                            text_of_copy.clone(),
                        ))
                    });
                    misplaced(claim, locator, &source.id, &named, &numbers)
                        .related(Location::new(id, first), "the quote stands here")
                }
                QuoteMatch::Empty => Finding::new(
                    Code::QuoteNotFound,
                    location,
                    format!("the quote of claim `{}` has no words to look for", claim.id),
                )
                .help("copy the source's words into `quote`"),
                QuoteMatch::NotFound { closest } => {
                    let finding = Finding::new(
                        Code::QuoteNotFound,
                        location,
                        format!(
                            "the quote of claim `{}` is not in the archived text of `{}`",
                            claim.id, source.id
                        ),
                    )
                    .label("not found in the archive");
                    match closest {
                        Some(passage) => {
                            let id = *archive_file.get_or_insert_with(|| {
                                files.add(SourceFile::external(
                                    file.display.clone(),
                                    text_of_copy.clone(),
                                ))
                            });
                            finding
                                .related(
                                    Location::new(id, passage.span),
                                    format!(
                                        "closest passage ({:.0}% alike)",
                                        passage.similarity * 100.0
                                    ),
                                )
                                .help(format!(
                                    "copy the source's exact words; the closest passage is: \"{}\"",
                                    passage.text
                                ))
                        }
                        None => finding.help("copy the source's exact words into `quote`"),
                    }
                }
            };
            findings.push(finding.claims([&*claim.id]));
        }
    }
    if copies_found == 0 {
        findings.push(no_copies(base, files, dir));
    }
    Ok(findings)
}

/// The paragraphs of each place `quote` stands in (the first at `first`), when none of them is
/// among the paragraphs `named`; None when one is.
fn stands_elsewhere(
    archive: &Archive,
    paragraphs: &Paragraphs,
    first: &Range<usize>,
    quote: &str,
    named: &RangeInclusive<usize>,
) -> Option<Vec<RangeInclusive<usize>>> {
    let overlaps = |numbers: &RangeInclusive<usize>| {
        numbers.start() <= named.end() && named.start() <= numbers.end()
    };
    if paragraphs
        .numbers_of(first)
        .is_some_and(|numbers| overlaps(&numbers))
    {
        return None;
    }
    // The first place is elsewhere: the quote may stand again where the locator says.
    let numbers: Vec<RangeInclusive<usize>> = (archive.every_place(quote).iter())
        .filter_map(|place| paragraphs.numbers_of(place))
        .collect();
    (!numbers.is_empty() && !numbers.iter().any(overlaps)).then_some(numbers)
}

/// The finding for a claim whose quote stands only in paragraphs (`found`, one range per place,
/// at least one) other than those its locator names.
fn misplaced(
    claim: &Claim,
    locator: &RecordText,
    source: &str,
    named: &RangeInclusive<usize>,
    found: &[RangeInclusive<usize>],
) -> Finding {
    let places: Vec<String> = found.iter().map(locator_of).collect();
    Finding::new(
        Code::LocatorMismatch,
        Location::new(claim.file(), locator.span()),
        format!(
            "the locator of claim `{}` names {}, but its quote stands in {} of the archived text of `{source}`",
            claim.id,
            locator_of(named),
            places.join(" and "),
        ),
    )
    .label("not where the quote stands")
    .help(format!(
        "write `locator = \"{}\"`, or check that the quote comes from {}",
        places[0],
        locator_of(named)
    ))
}

/// The finding for a source whose copy cannot be read.
fn missing_copy(source: &Source, missing: MissingCopy, dir: &Path) -> Finding {
    let hash_location =
        |hash: &toml::Spanned<String>| Location::new(source.location.file, hash.span());
    match (missing, &source.sha256) {
        (MissingCopy::Changed(file), Some(hash)) => Finding::new(
            Code::ArchiveHashMismatch,
            hash_location(hash),
            format!(
                "the archived copy `{}` of source `{}` has sha256 {}, not the one recorded",
                file.display, source.id, file.sha256
            ),
        )
        .label("recorded hash")
        .help("restore the original text, or after review record the new hash"),
        (MissingCopy::NotArchived, Some(hash)) => Finding::new(
            Code::ArchiveMissingSource,
            hash_location(hash),
            format!("the archive holds no copy of source `{}`", source.id),
        )
        .label("no archived file has this hash")
        .help(format!("add the source's text to {}", dir.display())),
        _ => Finding::new(
            Code::ArchiveMissingSource,
            source.location.clone(),
            format!(
                "source `{}` has no sha256, so its quotes cannot be checked",
                source.id
            ),
        )
        .help("add `sha256 = \"...\"`, the hash of the archived text (`sha256sum FILE`)"),
    }
}

/// The error for an archive that holds no source's copy: a wrong or empty folder, or no hashes.
fn no_copies(base: &ClaimBase, files: &mut Files, dir: &Path) -> Finding {
    let folder = files.add(SourceFile::external(
        dir.display().to_string(),
        String::new(),
    ));
    let location = Location::new(folder, 0..0);
    if base.sources.iter().all(|source| source.sha256.is_none()) {
        Finding::new(
            Code::ArchiveEmpty,
            location,
            "no source records a `sha256`, so `--archive` can check no quote",
        )
        .help("add `sha256 = \"...\"` to each source whose text is archived (`sha256sum FILE`)")
    } else {
        Finding::new(
            Code::ArchiveEmpty,
            location,
            format!(
                "`{}` holds no archived copy of any source, so no quote was checked",
                dir.display()
            ),
        )
        .help("point `--archive` at the folder holding the sources' texts (found by their sha256)")
    }
}

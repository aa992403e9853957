//! How completely the claim base covers its archived sources: every number phrase the value
//! grammar reads in a source's archived text is quoted by a claim citing that source, dismissed by
//! a `[[coverage-ignore]]` entry of `claimtrack.toml`, or listed as uncovered with its paragraph.
//! Ignore entries that dismiss nothing are listed too, so the list cannot rot.

mod ignore;

use crate::archive::matcher::Archive;
use crate::archive::paragraphs::Paragraphs;
use crate::archive::{ArchiveError, Copies, MissingCopy, read_archive};
use crate::input::files::Files;
use crate::model::ClaimBase;
use crate::suggest::did_you_mean;
use crate::value::QuoteReader;
use ignore::Dismissals;
use serde::Serialize;
use std::ops::Range;
use std::path::Path;

pub use ignore::StaleIgnore;

/// The coverage of every source measured, in the order the sources are declared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub sources: Vec<SourceCoverage>,
    /// Ignore entries that dismiss no phrase, in the order they stand in `claimtrack.toml`.
    pub stale_ignores: Vec<StaleIgnore>,
    /// Archived files that could not be read, each with why.
    pub unreadable: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceCoverage {
    pub source: String,
    /// The archived copy as shown; None when the source could not be measured.
    pub archive_file: Option<String>,
    /// Why the source could not be measured (no sha256, no copy, a changed copy).
    pub unmeasured: Option<String>,
    /// Number phrases counted: the figures the text states.
    pub phrases: usize,
    /// Of those, the ones inside the quote of a claim citing the source.
    pub quoted: usize,
    /// Of those, the ones an ignore entry dismisses.
    pub ignored: usize,
    /// Numbers set apart as dates, years, times or ordinals, not counted.
    pub not_figures: usize,
    /// The share of the counted phrases quoted or dismissed, in percent; 100 when the text states
    /// no figure, None when the source could not be measured.
    pub covered_percent: Option<f64>,
    pub uncovered: Vec<UncoveredPhrase>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UncoveredPhrase {
    pub paragraph: usize,
    /// The phrase as the text writes it.
    pub phrase: String,
    /// How the grammar reads it: rule and interval.
    pub reading: String,
    /// The words around it, on one line.
    pub context: String,
}

impl SourceCoverage {
    fn measured(mut self) -> Self {
        self.covered_percent = Some(if self.phrases == 0 {
            100.0
        } else {
            (self.quoted + self.ignored) as f64 * 100.0 / self.phrases as f64
        });
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoverageError {
    #[error(transparent)]
    Archive(#[from] ArchiveError),
    #[error("no source `{id}` in the claim base{hint}")]
    UnknownSource { id: String, hint: String },
    #[error("source `{id}` cannot be measured: {why}")]
    Unmeasured { id: String, why: String },
    #[error("the archive `{0}` holds no copy of any source, so no coverage can be measured")]
    NothingMeasured(String),
}

/// Measure the coverage of the sources archived in `dir`; of source `only` when given.
pub fn measure(
    base: &ClaimBase,
    dir: &Path,
    only: Option<&str>,
) -> Result<Coverage, CoverageError> {
    if let Some(id) = only
        && !base.sources.iter().any(|source| source.id == id)
    {
        let hint = did_you_mean(id, base.sources.iter().map(|s| s.id.as_str()))
            .map_or(String::new(), |s| format!(": did you mean `{s}`?"));
        return Err(CoverageError::UnknownSource {
            id: id.to_string(),
            hint,
        });
    }
    let mut scratch = Files::new(dir.to_path_buf());
    let mut refusals = Vec::new();
    let archived = read_archive(
        dir,
        base.config.input.max_file_size,
        &mut scratch,
        &mut refusals,
    )?;
    let copies = Copies::new(&archived);
    let reader = QuoteReader::new(&base.config.values);
    let mut dismissals = Dismissals::new(base, only);
    let mut quotes_by_source: Vec<Vec<&str>> = vec![Vec::new(); base.sources.len()];
    for claim in &base.claims {
        if let (Some(source), Some(quote)) = (claim.source(), claim.quote_text(&base.files)) {
            quotes_by_source[source].push(quote);
        }
    }
    let mut sources = Vec::new();
    for (s, source) in base.sources.iter().enumerate() {
        if only.is_some_and(|id| id != source.id) {
            continue;
        }
        let mut coverage = SourceCoverage {
            source: source.id.clone(),
            archive_file: None,
            unmeasured: None,
            phrases: 0,
            quoted: 0,
            ignored: 0,
            not_figures: 0,
            covered_percent: None,
            uncovered: Vec::new(),
        };
        let file = match copies.of(source) {
            Ok(file) => file,
            Err(missing) => {
                coverage.unmeasured = Some(match missing {
                    MissingCopy::NoHash => "the source records no sha256".to_string(),
                    MissingCopy::Changed(file) => {
                        format!("the archived copy `{}` has another sha256", file.display)
                    }
                    MissingCopy::NotArchived => "the archive holds no copy".to_string(),
                });
                sources.push(coverage);
                continue;
            }
        };
        coverage.archive_file = Some(file.display.clone());
        let text = file.text();
        let archive = Archive::new(&text);
        let paragraphs = Paragraphs::new(&text);
        let quoted: Vec<Range<usize>> = quotes_by_source[s]
            .iter()
            .filter_map(|quote| archive.quoted_parts(quote))
            .flatten()
            .collect();
        dismissals.locate(s, &archive, &paragraphs);
        // Figures that count: a number before a unit of measure ("30 years", "5,000 km") is none.
        let numbers = reader.numbers_in(&text, None);
        coverage.not_figures = numbers.not_figures.len();
        coverage.phrases = numbers.figures.len();
        for phrase in numbers.figures {
            if quoted.iter().any(|part| inside(&phrase.span, part)) {
                coverage.quoted += 1;
                dismissals.quoted(s, &phrase.span);
            } else if dismissals.dismiss(s, &phrase.span) {
                coverage.ignored += 1;
            } else {
                let paragraph = paragraphs.number_at(phrase.span.start).unwrap_or(1);
                coverage.uncovered.push(UncoveredPhrase {
                    paragraph,
                    phrase: phrase.text,
                    reading: format!(
                        "{} {}",
                        phrase.reading.tag(),
                        phrase.reading.interval_text()
                    ),
                    context: context(&text, &phrase.span),
                });
            }
        }
        sources.push(coverage.measured());
    }
    if let (Some(id), [source]) = (only, sources.as_slice())
        && let Some(why) = &source.unmeasured
    {
        return Err(CoverageError::Unmeasured {
            id: id.to_string(),
            why: why.clone(),
        });
    }
    if sources.iter().all(|source| source.unmeasured.is_some()) {
        return Err(CoverageError::NothingMeasured(dir.display().to_string()));
    }
    Ok(Coverage {
        sources,
        stale_ignores: dismissals.stale(&base.files),
        unreadable: refusals.into_iter().map(|f| f.message.into()).collect(),
    })
}

/// Whether the phrase at `span` lies inside `part` of the text.
fn inside(span: &Range<usize>, part: &Range<usize>) -> bool {
    part.start <= span.start && span.end <= part.end
}

/// How many words of context stand on each side of a phrase.
const CONTEXT_WORDS: usize = 6;

/// The phrase with up to six words on each side from its line, white space folded, "…" where
/// the line goes on.
fn context(text: &str, span: &Range<usize>) -> String {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let before: Vec<&str> = text[line_start..span.start].split_whitespace().collect();
    let after: Vec<&str> = text[span.end..line_end].split_whitespace().collect();
    let glued_before = !text[..span.start].ends_with(char::is_whitespace);
    let glued_after = !text[span.end..].starts_with(char::is_whitespace);
    let kept_before = &before[before.len().saturating_sub(CONTEXT_WORDS)..];
    let kept_after = &after[..after.len().min(CONTEXT_WORDS)];
    let mut out = String::new();
    if kept_before.len() < before.len() {
        out.push_str("… ");
    }
    out.push_str(&kept_before.join(" "));
    if !kept_before.is_empty() && !glued_before {
        out.push(' ');
    }
    out.push_str(
        &text[span.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    );
    if !kept_after.is_empty() && !glued_after {
        out.push(' ');
    }
    out.push_str(&kept_after.join(" "));
    if kept_after.len() < after.len() {
        out.push_str(" …");
    }
    out
}

#[cfg(test)]
mod tests;

//! claimtrack tracks claims and the discrepancies between them: who said which figure, where, on
//! what basis, and where sources disagree. It records and compares; it never decides the truth.
//!
//! The library holds the engine and prints nothing: [`open`] reads a claim base and runs every
//! check, and the [`render`] modules turn the outcome into text, tables or JSON.

pub mod archive;
pub mod base;
pub mod baseline;
pub mod checks;
pub mod compare;
pub mod config;
pub mod date;
pub mod diff;
pub mod files;
pub mod finding;
pub mod git;
pub mod loader;
pub mod origins;
pub mod quote;
pub mod records;
pub mod render;
pub mod report;
pub mod snapshot;
pub mod suggest;
pub mod value;

use base::ClaimBase;
use config::Config;
use finding::{Finding, Severity};
use loader::{FileInput, LoadError};
use std::path::Path;

/// What the engine works out from the resolved claim base.
pub struct Analysis {
    pub origins: origins::Origins,
    pub comparisons: Vec<compare::FigureComparison>,
}

/// A claim base read, resolved and checked.
pub struct Checked {
    pub base: ClaimBase,
    pub analysis: Analysis,
    /// Every finding, in canonical order, with severities from `claimtrack.toml` applied.
    pub findings: Vec<Finding>,
}

/// Read the claim base at `root` from disk and run every check.
pub fn open(root: &Path) -> Result<Checked, LoadError> {
    let loaded = loader::load(root)?;
    Ok(check(loaded, Config::read(root)))
}

/// Run every check on record files already in memory (e.g. read from a git revision).
pub fn open_inputs(root: &Path, inputs: Vec<FileInput>, config_text: Option<String>) -> Checked {
    check(loader::parse_inputs(root, inputs), config_text)
}

fn check(mut loaded: loader::Loaded, config_text: Option<String>) -> Checked {
    let (config, mut findings) = Config::parse(config_text, &mut loaded.files);
    findings.append(&mut loaded.findings);
    let (base, resolve_findings) = ClaimBase::resolve(loaded, config);
    findings.extend(resolve_findings);
    let (origins, cycle_findings) = origins::Origins::find(&base);
    findings.extend(cycle_findings);
    let comparisons = compare::compare(&base, &origins);
    let analysis = Analysis {
        origins,
        comparisons,
    };
    findings.extend(checks::run(&base, &analysis));
    base.config.apply_severities(&mut findings);
    finding::sort(&mut findings);
    Checked {
        base,
        analysis,
        findings,
    }
}

impl Checked {
    /// Add the quote checks against the archive in `dir` to the findings.
    pub fn check_archive(&mut self, dir: &Path) -> Result<(), archive::ArchiveError> {
        let mut files = std::mem::take(&mut self.base.files);
        let result = archive::check_quotes(&self.base, &mut files, dir);
        self.base.files = files;
        self.add_findings(result?);
        Ok(())
    }

    /// The findings a view of one figure shows: those about its claims; all of them without one.
    pub fn findings_about<'a>(
        &'a self,
        figure: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Finding> {
        self.findings.iter().filter(move |f| {
            figure.is_none()
                || f.claims
                    .iter()
                    .any(|c| self.base.figure_of_claim(c) == figure)
        })
    }

    /// Add findings from a later step, with severities applied and the canonical order kept.
    fn add_findings(&mut self, mut findings: Vec<Finding>) {
        self.base.config.apply_severities(&mut findings);
        self.findings.append(&mut findings);
        finding::sort(&mut self.findings);
    }
}

/// Which findings fail the gate: errors always, warnings too with `--deny warnings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    pub deny_warnings: bool,
}

impl Gate {
    pub fn fails(self, finding: &Finding) -> bool {
        match finding.severity {
            Severity::Error => true,
            Severity::Warning => self.deny_warnings,
            Severity::Info => false,
        }
    }
}

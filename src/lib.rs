//! claimtrack tracks claims and the discrepancies between them: who said which figure, where, on
//! what basis, and where sources disagree. It records and compares; it never decides the truth.
//!
//! The library holds the engine and prints nothing. A claim base is read ([`input`]), resolved into
//! a model and a graph ([`model`]), analysed ([`analysis`]) and checked ([`checks`]); the outcome is
//! shown through one report model ([`view`]) that every output format ([`render`]) formats, and
//! that exports ([`export`]) write for other tools.
//! [`open`], [`open_state`] and [`open_two`] run the whole pipeline.

pub mod analysis;
pub mod archive;
pub mod authoring;
pub mod checks;
pub mod coverage;
pub mod export;
pub mod finding;
pub mod input;
pub mod model;
pub mod progress;
pub mod render;
mod sorting;
pub mod suggest;
#[cfg(test)]
mod testing;
pub mod value;
pub mod view;

use analysis::Analysis;
use finding::{Finding, Severity};
use input::config::Config;
use input::loader::{self, FileInput, LoadError};
use model::ClaimBase;
use std::path::{Path, PathBuf};

/// A claim base read, resolved and checked.
pub struct Checked {
    pub base: ClaimBase,
    pub analysis: Analysis,
    /// Every finding, in canonical order, with severities from `claimtrack.toml` applied.
    pub findings: Vec<Finding>,
}

/// Read the claim base at `root` from disk and run every check.
pub fn open(root: &Path) -> Result<Checked, LoadError> {
    Ok(check_loaded(loader::load(root)?))
}

/// Why a claim base could not be opened at all (as opposed to findings in it).
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Git(#[from] input::git::GitError),
}

/// A state of the claim base at `root`: a folder holding a claim base, or a git revision of the
/// repository `root` lies in.
pub fn open_state(root: &Path, state: &str) -> Result<Checked, OpenError> {
    read_state(root, Some(state), None).map(check_loaded)
}

/// Two states of the claim base at `root`, each a folder, a git revision or (`None`) the working
/// tree, checked side by side. The states of a diff or a baseline mostly share their files: the
/// state read second copies the parse of each file the other read with the same path and bytes,
/// and takes from it, rather than from git, each file of a revision whose blob it holds. So a
/// revision is read after a folder or the working tree.
pub fn open_two(
    root: &Path,
    first: Option<&str>,
    second: Option<&str>,
) -> (Result<Checked, OpenError>, Result<Checked, OpenError>) {
    let (first, second) = if is_revision(first) && !is_revision(second) {
        let second = read_state(root, second, None);
        (read_state(root, first, second.as_ref().ok()), second)
    } else {
        let first = read_state(root, first, None);
        let second = read_state(root, second, first.as_ref().ok());
        (first, second)
    };
    let (first, second) = rayon::join(|| first.map(resolve_loaded), || second.map(resolve_loaded));
    // The second state's quotes are read beside the first's: most claims are alike in both.
    if let (Ok((first, _)), Ok((second, _))) = (&first, &second) {
        second.read_quotes_beside(first);
    }
    rayon::join(|| first.map(finish), || second.map(finish))
}

/// Whether a state (see [`open_two`]) is read from git.
fn is_revision(state: Option<&str>) -> bool {
    state.is_some_and(|state| !Path::new(state).is_dir())
}

/// The record files of a state (see [`open_two`]) read and parsed, reusing `earlier`'s parses.
fn read_state(
    root: &Path,
    state: Option<&str>,
    earlier: Option<&loader::Loaded>,
) -> Result<loader::Loaded, OpenError> {
    let Some(state) = state else {
        return Ok(loader::load_reusing(root, earlier)?);
    };
    if !is_revision(Some(state)) {
        return Ok(loader::load_reusing(Path::new(state), earlier)?);
    }
    progress::enter(progress::Step::Reading);
    let at_hand = |path: &str, object: &str| earlier?.blob_at_hand(path, object);
    let (inputs, config_text) = input::git::read_revision_reusing(root, state, &at_hand)?;
    let loaded = loader::parse_inputs_reusing(root, inputs, earlier);
    Ok(loader::with_config(loaded, config_text))
}

/// The claim base the user points at with `root`, or else the one the current directory `cwd` lies
/// in; and the prefix that shows its files relative to `cwd`.
pub fn locate(root: Option<&Path>, cwd: &Path) -> Result<(PathBuf, String), LoadError> {
    match root {
        Some(root) => {
            loader::check_root(root)?;
            Ok((root.to_path_buf(), root.to_string_lossy().into_owned()))
        }
        None => {
            let root = loader::find_root(cwd)?;
            let depth = cwd
                .strip_prefix(&root)
                .map_or(0, |rest| rest.components().count());
            Ok((root, "../".repeat(depth)))
        }
    }
}

/// Run every check on record files already in memory (e.g. read from a git revision).
pub fn open_inputs(root: &Path, inputs: Vec<FileInput>, config_text: Option<String>) -> Checked {
    check(loader::parse_inputs(root, inputs), config_text)
}

fn check_loaded(loaded: loader::Loaded) -> Checked {
    finish(resolve_loaded(loaded))
}

fn check(loaded: loader::Loaded, config_text: Option<String>) -> Checked {
    finish(resolve(loaded, config_text))
}

/// The model of loaded records, with the findings of reading them so far.
fn resolve_loaded(mut loaded: loader::Loaded) -> (ClaimBase, Vec<Finding>) {
    let config_text = loaded.config_text.take();
    resolve(loaded, config_text)
}

fn resolve(mut loaded: loader::Loaded, config_text: Option<String>) -> (ClaimBase, Vec<Finding>) {
    progress::enter(progress::Step::Resolving);
    let (config, mut findings) = Config::parse(config_text, &mut loaded.files);
    findings.append(&mut loaded.findings);
    let (base, resolve_findings) = ClaimBase::resolve(loaded, config);
    findings.extend(resolve_findings);
    (base, findings)
}

/// Every check run on the model, its findings joined to `findings` in the order they are shown.
fn finish((base, findings): (ClaimBase, Vec<Finding>)) -> Checked {
    progress::enter(progress::Step::Checking);
    // Where each finding stands before sorting does not matter.
    let (analysis, mut findings) = checks::analyse_and_run(&base, findings);
    base.config.apply_severities(&mut findings);
    finding::sort(&mut findings);
    Checked {
        base,
        analysis,
        findings,
    }
}

impl Checked {
    /// The claim base as its history reads: superseded and withdrawn claims compared as if each
    /// still stood (`report --all`, or `[compare] include-superseded` in claimtrack.toml).
    pub fn with_history(mut self) -> Checked {
        if self.base.config.compare.include_superseded {
            return self;
        }
        self.base.config.compare.include_superseded = true;
        progress::enter(progress::Step::Checking);
        // Only the checks on the analysis read what is compared; findings of reading stand.
        let on_model: Vec<finding::Code> = checks::REGISTRY
            .iter()
            .filter(|check| matches!(check.stage, checks::Stage::Model(_)))
            .flat_map(|check| check.codes.iter().copied())
            .collect();
        self.findings.retain(|f| !on_model.contains(&f.code));
        self.analysis = Analysis::of(&self.base);
        let mut found = checks::run_on_analysis(&self.base, &self.analysis);
        self.base.config.apply_severities(&mut found);
        self.findings.append(&mut found);
        finding::sort(&mut self.findings);
        self
    }

    /// Add the quote checks against the archive in `dir` to the findings.
    pub fn check_archive(&mut self, dir: &Path) -> Result<(), archive::ArchiveError> {
        progress::enter(progress::Step::Archive);
        let mut files = std::mem::take(&mut self.base.files);
        let result = checks::archive::check_quotes(&self.base, &mut files, dir);
        self.base.files = files;
        self.add_findings(result?);
        Ok(())
    }

    /// The findings a view of one figure shows: those about its claims; all of them without one.
    pub fn findings_about<'a>(&'a self, figure: Option<&str>) -> impl Iterator<Item = &'a Finding> {
        self.findings.iter().filter(move |f| {
            figure.is_none()
                || f.claims
                    .iter()
                    .any(|c| self.base.figure_of_claim(c) == figure)
        })
    }

    /// Errors that mean records went unread (syntax, unreadable files, unknown tables, invalid or
    /// unknown fields, a broken `claimtrack.toml`): a report of such a base would silently leave
    /// them out.
    pub fn load_errors(&self) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|finding| finding.severity == Severity::Error)
            .filter(|finding| {
                matches!(
                    checks::check_of(finding.code).stage,
                    checks::Stage::Load | checks::Stage::Config
                )
            })
            .collect()
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

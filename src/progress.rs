//! What a run is doing, for a progress line: the pipeline names each step as it enters it and
//! counts the record files it parses (or formats). The library prints nothing; the command-line
//! tool shows the step on stderr when that is a terminal, and otherwise nothing reads it. The
//! state is one per process, as a run is: a few atomics, written at each step and for each file,
//! cost nothing beside the work they describe.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// A step of the pipeline, in the order a run goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Step {
    /// Nothing under way yet.
    Starting,
    /// Reading and parsing the record files.
    Reading,
    /// Declaring ids and resolving references.
    Resolving,
    /// Analysing the model and running the checks.
    Checking,
    /// Looking each quote up in the archived texts.
    Archive,
    /// Building the report model.
    Reporting,
    /// Comparing two states of the claim base.
    Comparing,
    /// Writing the output.
    Writing,
    /// Rewriting record files in the canonical style (`fmt`).
    Formatting,
}

impl Step {
    const ALL: [Step; 9] = [
        Step::Starting,
        Step::Reading,
        Step::Resolving,
        Step::Checking,
        Step::Archive,
        Step::Reporting,
        Step::Comparing,
        Step::Writing,
        Step::Formatting,
    ];

    /// What the step does, as the progress line says it.
    pub fn doing(self) -> &'static str {
        match self {
            Step::Starting => "starting",
            Step::Reading => "reading record files",
            Step::Resolving => "resolving records",
            Step::Checking => "checking claims",
            Step::Archive => "checking quotes against the archive",
            Step::Reporting => "building the report",
            Step::Comparing => "comparing the two states",
            Step::Writing => "writing",
            Step::Formatting => "formatting record files",
        }
    }

    /// Whether the step goes through the record files one by one, so that the files done count.
    pub fn counts_files(self) -> bool {
        matches!(self, Step::Reading | Step::Formatting)
    }
}

static STEP: AtomicU8 = AtomicU8::new(Step::Starting as u8);
static FILES: AtomicUsize = AtomicUsize::new(0);
static FILES_DONE: AtomicUsize = AtomicUsize::new(0);

/// The run enters `step`.
pub fn enter(step: Step) {
    STEP.store(step as u8, Ordering::Relaxed);
}

/// `count` more record files are to be parsed or formatted (a diff parses two states' files).
pub fn files_found(count: usize) {
    FILES.fetch_add(count, Ordering::Relaxed);
}

/// One more record file is parsed or formatted.
pub fn file_done() {
    FILES_DONE.fetch_add(1, Ordering::Relaxed);
}

/// Where the run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    pub step: Step,
    /// Record files parsed or formatted so far, and found in all.
    pub files_done: usize,
    pub files: usize,
}

/// Where the run stands now.
pub fn status() -> Status {
    let step = STEP.load(Ordering::Relaxed);
    Status {
        step: (Step::ALL.into_iter())
            .find(|s| *s as u8 == step)
            .unwrap_or(Step::Starting),
        files_done: FILES_DONE.load(Ordering::Relaxed),
        files: FILES.load(Ordering::Relaxed),
    }
}

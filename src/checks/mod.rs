//! The check registry: every finding code belongs to exactly one entry, which names the check that
//! raises it. Checks on the model are functions from the resolved claim base and its analysis to
//! findings; each owns the wording of its findings, and none decides severities. Findings about the
//! files themselves are raised while reading, resolving or consulting the archive: those entries
//! name the stage instead of a function.

pub mod archive;
mod attribution;
mod citation;
mod conflicts;
mod cycles;
mod dates;
mod duplicate_sources;
mod duplicate_speakers;
mod parts;
mod revisions;
mod similar_names;
mod single_origin;
mod support;
mod usage;
mod value_in_quote;
mod value_reading;

use crate::analysis::Analysis;
use crate::finding::{Code, Finding};
use crate::model::ClaimBase;
use rayon::prelude::*;

/// What a check reads.
pub struct Context<'a> {
    pub base: &'a ClaimBase,
    pub analysis: &'a Analysis,
}

/// Where a check runs.
#[derive(Clone, Copy)]
pub enum Stage {
    /// While the record files are read and parsed (`crate::input::loader`).
    Load,
    /// While `claimtrack.toml` is read (`crate::input::config`).
    Config,
    /// While records are resolved into the model (`crate::model`).
    Resolve,
    /// On the resolved records alone: these run while the analysis is made.
    Records(fn(&ClaimBase) -> Vec<Finding>),
    /// On the resolved model and its analysis (origins, comparisons).
    Model(fn(&Context) -> Vec<Finding>),
    /// Against archived source texts, with `check --archive` ([`archive::check_quotes`]).
    Archive,
}

pub struct Check {
    /// A short name, shown by `claimtrack explain`.
    pub name: &'static str,
    pub stage: Stage,
    pub codes: &'static [Code],
}

/// Every check. A new finding code is added to one entry here, to the code table in
/// `crate::finding`, and raised by that entry's check.
pub const REGISTRY: &[Check] = &[
    Check {
        name: "records",
        stage: Stage::Load,
        codes: &[
            Code::TomlSyntax,
            Code::UnreadableFile,
            Code::ByteOrderMark,
            Code::EmptyFile,
            Code::IgnoredFile,
            Code::UnknownTable,
            Code::UnknownField,
            Code::InvalidField,
        ],
    },
    Check {
        name: "settings",
        stage: Stage::Config,
        codes: &[Code::InvalidConfig],
    },
    Check {
        name: "references",
        stage: Stage::Resolve,
        codes: &[
            Code::InvalidId,
            Code::InvalidDate,
            Code::DuplicateId,
            Code::CaseVariantId,
            Code::UnknownReference,
            Code::UndeclaredFigure,
            Code::MissingValue,
            Code::UnreadableValue,
        ],
    },
    Check {
        name: "citation",
        stage: Stage::Records(citation::uncited_claims),
        codes: &[Code::UncitedClaim],
    },
    Check {
        name: "usage",
        stage: Stage::Records(usage::unused_records),
        codes: &[Code::UnusedSource, Code::UnusedSpeaker],
    },
    Check {
        name: "duplicate-speakers",
        stage: Stage::Records(duplicate_speakers::duplicate_speakers),
        codes: &[Code::PossibleDuplicateSpeaker],
    },
    Check {
        name: "duplicate-sources",
        stage: Stage::Records(duplicate_sources::duplicate_sources),
        codes: &[Code::PossibleDuplicateSource],
    },
    Check {
        name: "dates",
        stage: Stage::Records(dates::implausible_dates),
        codes: &[Code::ImplausibleDate],
    },
    Check {
        name: "value-in-quote",
        stage: Stage::Records(value_in_quote::values_not_in_quotes),
        codes: &[Code::ValueNotInQuote],
    },
    Check {
        name: "value-reading",
        stage: Stage::Records(value_reading::values_read_otherwise),
        codes: &[Code::ValueReadingDiffers],
    },
    Check {
        name: "basis-cycles",
        stage: Stage::Model(cycles::basis_cycles),
        codes: &[Code::BasisCycle],
    },
    Check {
        name: "revisions",
        stage: Stage::Model(revisions::supersessions),
        codes: &[Code::InvalidSupersession],
    },
    Check {
        name: "parts",
        stage: Stage::Model(parts::parts),
        codes: &[Code::FigurePartCycle, Code::FigurePartExceedsWhole],
    },
    Check {
        name: "support",
        stage: Stage::Records(support::unsupported_assertions),
        codes: &[Code::UnsupportedAssertion],
    },
    Check {
        name: "attribution",
        stage: Stage::Model(attribution::attributions),
        codes: &[Code::AttributionUnverified, Code::AttributionContradicted],
    },
    Check {
        name: "conflicts",
        stage: Stage::Model(conflicts::disagreements),
        codes: &[Code::FigureConflict, Code::FigureDivergence],
    },
    Check {
        name: "single-origin",
        stage: Stage::Model(single_origin::single_origins),
        codes: &[Code::SingleOrigin],
    },
    Check {
        name: "archive",
        stage: Stage::Archive,
        codes: &[
            Code::QuoteNotFound,
            Code::LocatorMismatch,
            Code::ArchiveMissingSource,
            Code::ArchiveHashMismatch,
            Code::ArchiveEmpty,
        ],
    },
];

/// The registry entry that raises `code`.
pub fn check_of(code: Code) -> &'static Check {
    REGISTRY
        .iter()
        .find(|check| check.codes.contains(&code))
        .expect("every code has a registry entry (tested)")
}

/// Analyse the base and run every check on it, side by side on every core: the checks on the
/// records alone run while the analysis is made. Their findings come in registry order (only
/// [`crate::finding::sort`] decides the order they are shown in), followed by `others`: the
/// checks' findings are most of them, so one list sized once holds them all.
pub fn analyse_and_run(base: &ClaimBase, others: Vec<Finding>) -> (Analysis, Vec<Finding>) {
    let on_records = |check: &Check| match check.stage {
        Stage::Records(run) => Some(run(base)),
        _ => None,
    };
    let on_records = || {
        // Two checks read the quotes' answers: read first, so that neither waits on a core for
        // the other's reading.
        base.quote_readings();
        run_each(on_records)
    };
    let (analysis, mut found) = rayon::join(|| Analysis::of(base), on_records);
    found.extend(on_analysis(base, &analysis));
    found.push(others);
    (analysis, joined(found))
}

/// Every check that reads the analysis: what the records say alone does not change with it.
pub fn run_on_analysis(base: &ClaimBase, analysis: &Analysis) -> Vec<Finding> {
    joined(on_analysis(base, analysis))
}

/// The findings of each check that reads the analysis, side by side.
fn on_analysis(base: &ClaimBase, analysis: &Analysis) -> Vec<Vec<Finding>> {
    let context = Context { base, analysis };
    run_each(|check| match check.stage {
        Stage::Model(run) => Some(run(&context)),
        _ => None,
    })
}

/// The findings of every check `run` runs (it returns None for those it leaves), side by side.
fn run_each(run: impl Fn(&Check) -> Option<Vec<Finding>> + Sync + Send) -> Vec<Vec<Finding>> {
    REGISTRY.par_iter().filter_map(run).collect()
}

/// The lists one after another, in one list. They are gathered into the list with the most room,
/// which most often holds them all already (a list grown by doubling has room to spare): a new
/// list would hold every finding twice for a moment, 140 MB at a million claims.
fn joined(mut lists: Vec<Vec<Finding>>) -> Vec<Finding> {
    let Some(roomiest) = (0..lists.len()).max_by_key(|&i| lists[i].capacity()) else {
        return Vec::new();
    };
    let after = lists.split_off(roomiest + 1);
    let mut findings = lists.pop().expect("the roomiest list is the last one kept");
    let kept = findings.len();
    let before: usize = lists.iter().map(Vec::len).sum();
    let total = kept + before + after.iter().map(Vec::len).sum::<usize>();
    findings.reserve_exact(total - kept);
    // The lists before it go after it, then round to the front, in the same allocation.
    for mut list in lists.into_iter().chain(after) {
        findings.append(&mut list);
    }
    findings[..kept + before].rotate_right(before);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_lists_keep_their_order_wherever_the_roomiest_stands() {
        let list = |range: std::ops::Range<usize>, room: usize| {
            let mut list = Vec::with_capacity(room);
            list.extend(
                range.map(|i| Finding::new(Code::UnusedSource, Default::default(), i.to_string())),
            );
            list
        };
        let shapes: [[(std::ops::Range<usize>, usize); 3]; 4] = [
            [(0..2, 2), (2..5, 64), (5..6, 1)],
            [(0..3, 64), (3..3, 0), (3..7, 4)],
            [(0..1, 1), (1..1, 0), (1..4, 64)],
            [(0..0, 0), (0..2, 2), (2..3, 3)],
        ];
        for shape in shapes {
            let lists = shape.iter().map(|(range, room)| list(range.clone(), *room));
            let messages: Vec<String> = joined(lists.collect())
                .into_iter()
                .map(|finding| finding.message.into())
                .collect();
            let end = shape[2].0.end;
            let expected: Vec<String> = (0..end).map(|i| i.to_string()).collect();
            assert_eq!(messages, expected, "{shape:?}");
        }
        assert!(joined(Vec::new()).is_empty());
    }

    #[test]
    fn every_code_belongs_to_exactly_one_check() {
        for &code in Code::ALL {
            let owners: Vec<&str> = REGISTRY
                .iter()
                .filter(|check| check.codes.contains(&code))
                .map(|check| check.name)
                .collect();
            assert_eq!(owners.len(), 1, "{code} is raised by {owners:?}");
        }
    }

    #[test]
    fn check_names_are_unique() {
        let mut names: Vec<&str> = REGISTRY.iter().map(|check| check.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), REGISTRY.len());
    }
}

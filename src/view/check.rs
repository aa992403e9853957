//! The outcome of `check` as the check formats show it: the findings that count, those a baseline
//! already had, and how many of each severity there are and how many fail the gate.

use crate::finding::baseline;
use crate::finding::{Finding, Severity};
use crate::input::files::Files;
use crate::model::ClaimBase;
use crate::{Checked, Gate};

pub struct CheckView<'a> {
    pub files: &'a Files,
    base: &'a ClaimBase,
    /// Every finding the baseline did not have, in canonical order.
    pub findings: Vec<&'a Finding>,
    /// Findings that would fail the gate but the baseline already had.
    pub known: Vec<&'a Finding>,
    pub summary: Summary,
    /// Whether the human formats show info findings (JSON always carries them).
    pub show_info: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// How many findings fail the gate.
    pub failed: usize,
}

impl<'a> CheckView<'a> {
    /// The view of `checked` under `gate`; with a baseline, findings it already had do not fail.
    pub fn new(
        checked: &'a Checked,
        gate: Gate,
        baseline: Option<&Checked>,
        show_info: bool,
    ) -> Self {
        let had = baseline.map(|old| {
            baseline::known(
                &checked.findings,
                &checked.base.files,
                &old.findings,
                &old.base.files,
            )
        });
        // Lists of the findings themselves, sized once: a large base has a hundred thousand.
        let mut findings = Vec::with_capacity(checked.findings.len());
        let mut known = Vec::new();
        for (at, finding) in checked.findings.iter().enumerate() {
            let had = had.as_ref().is_some_and(|had| had[at]);
            if had && gate.fails(finding) {
                known.push(finding);
            } else {
                findings.push(finding);
            }
        }
        let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
        let summary = Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            failed: findings.iter().filter(|f| gate.fails(f)).count(),
        };
        CheckView {
            files: &checked.base.files,
            base: &checked.base,
            known,
            findings,
            summary,
            show_info,
        }
    }

    /// A view of just these findings of `checked`, every one failing the gate.
    pub fn of_findings(checked: &'a Checked, findings: Vec<&'a Finding>) -> Self {
        let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
        let summary = Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            failed: findings.len(),
        };
        CheckView {
            files: &checked.base.files,
            base: &checked.base,
            findings,
            known: Vec::new(),
            summary,
            show_info: true,
        }
    }

    /// The figure a finding is about: that of the first claim it names.
    pub fn figure_of(&self, finding: &Finding) -> Option<&'a str> {
        self.base.figure_of_finding(finding)
    }

    /// The findings the human, GitHub, short and SARIF formats show: info ones only on request,
    /// since they describe the sources rather than problems in the records.
    pub fn shown(&self) -> impl Iterator<Item = &'a Finding> + '_ {
        self.findings
            .iter()
            .copied()
            .filter(|f| self.show_info || f.severity != Severity::Info)
    }
}

//! Checks: functions from the resolved claim base (and its analysis) to findings. Each check owns
//! the wording of its findings; none of them decides severities.

mod attribution;
mod citation;
pub mod figures;
mod quotes;
mod usage;

use crate::Analysis;
use crate::finding::Finding;
use crate::model::ClaimBase;

/// Every check, in a stable order.
pub fn run(base: &ClaimBase, analysis: &Analysis) -> Vec<Finding> {
    let mut findings = citation::uncited_claims(base);
    findings.extend(usage::unused_records(base));
    findings.extend(quotes::values_not_in_quotes(base));
    findings.extend(attribution::unsupported_assertions(base));
    findings.extend(attribution::attributions(base));
    findings.extend(figures::figure_findings(
        base,
        &analysis.origins,
        &analysis.comparisons,
    ));
    findings
}

//! Checks: functions from the resolved claim base (and its analysis) to findings. Each check owns
//! the wording of its findings; none of them decides severities.

mod citation;
mod usage;

use crate::base::ClaimBase;
use crate::finding::Finding;

/// Every check on the records themselves, in a stable order.
pub fn record_checks(base: &ClaimBase) -> Vec<Finding> {
    let mut findings = citation::uncited_claims(base);
    findings.extend(usage::unused_records(base));
    findings
}

//! The CI ratchet: findings a baseline revision already had are known, so a claim base can adopt
//! the gate today and fail only on new problems. Findings are matched by code and message, never by
//! location, so moving records between files does not make old findings new.

use crate::finding::Finding;
use std::collections::HashMap;

/// For each current finding, whether the baseline had it. Repeats are counted: two identical
/// findings now against one in the baseline leave one of them new.
pub fn known(current: &[Finding], baseline: &[Finding]) -> Vec<bool> {
    let mut available: HashMap<(crate::finding::Code, &str), usize> = HashMap::new();
    for finding in baseline {
        *available
            .entry((finding.code, finding.message.as_str()))
            .or_insert(0) += 1;
    }
    current
        .iter()
        .map(
            |finding| match available.get_mut(&(finding.code, finding.message.as_str())) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    true
                }
                _ => false,
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;
    use crate::input::files::{FileId, Location};

    fn uncited(id: &str, line: usize) -> Finding {
        Finding::new(
            Code::UncitedClaim,
            Location::new(FileId(0), line..line + 1),
            format!("claim `{id}` names no source"),
        )
    }

    #[test]
    fn matches_by_message_not_location_and_counts_repeats() {
        let baseline = [uncited("old", 10)];
        let current = [uncited("old", 99), uncited("new", 5), uncited("old", 7)];
        assert_eq!(known(&current, &baseline), vec![true, false, false]);
    }
}

//! The CI ratchet: findings a baseline revision already had are known, so a claim base can adopt
//! the gate today and fail only on new problems. Findings are matched by their key (code, what
//! they are about, and the file for findings about a file), never by location or wording, so moving
//! records between files or a changed count does not make old findings new; a file that does not
//! parse is never known.

use super::Finding;
use super::key::FindingKey;
use crate::input::files::Files;
use std::collections::HashMap;

/// For each current finding, whether the baseline had it. Repeats are counted: two findings with
/// one key now against one in the baseline leave one of them new.
pub fn known(
    current: &[Finding],
    current_files: &Files,
    baseline: &[Finding],
    baseline_files: &Files,
) -> Vec<bool> {
    let mut available: HashMap<FindingKey, usize> = HashMap::new();
    for finding in baseline {
        *available
            .entry(FindingKey::of(finding, baseline_files))
            .or_insert(0) += 1;
    }
    current
        .iter()
        .map(|finding| {
            let key = FindingKey::of(finding, current_files);
            match available.get_mut(&key) {
                Some(count) if *count > 0 && key.can_be_known() => {
                    *count -= 1;
                    true
                }
                _ => false,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;
    use crate::input::files::{FileId, Location, SourceFile};
    use std::path::PathBuf;

    fn files(names: &[&str]) -> Files {
        let mut files = Files::new(PathBuf::from("."));
        for name in names {
            files.add(SourceFile::new(name.to_string(), "x\n".repeat(100)));
        }
        files
    }

    fn finding(code: Code, file: u32, at: usize, message: &str, claims: &[&str]) -> Finding {
        Finding::new(code, Location::new(FileId(file), at..at + 1), message)
            .claims(claims.iter().copied())
    }

    #[test]
    fn matches_by_key_not_location_or_wording_and_counts_repeats() {
        let both = files(&["claims/a.toml"]);
        let baseline = [finding(
            Code::UncitedClaim,
            0,
            10,
            "claim `old` names no source",
            &["old"],
        )];
        let current = [
            finding(
                Code::UncitedClaim,
                0,
                99,
                "claim `old` gives no source",
                &["old"],
            ),
            finding(
                Code::UncitedClaim,
                0,
                5,
                "claim `new` names no source",
                &["new"],
            ),
            finding(
                Code::UncitedClaim,
                0,
                7,
                "claim `old` names no source",
                &["old"],
            ),
        ];
        assert_eq!(
            known(&current, &both, &baseline, &both),
            vec![true, false, false]
        );
    }

    #[test]
    fn an_old_syntax_error_never_hides_a_new_one() {
        let old_files = files(&["claims/a.toml"]);
        let new_files = files(&["claims/a.toml", "claims/b.toml"]);
        let message = "invalid TOML";
        let baseline = [finding(Code::TomlSyntax, 0, 1, message, &[])];
        let current = [
            finding(Code::TomlSyntax, 0, 1, message, &[]),
            finding(Code::TomlSyntax, 1, 1, message, &[]),
            finding(Code::UnknownField, 1, 1, "unknown field `sorce`", &[]),
        ];
        let baseline_unknown = [finding(
            Code::UnknownField,
            0,
            1,
            "unknown field `sorce`",
            &[],
        )];
        assert_eq!(
            known(&current, &new_files, &baseline, &old_files),
            vec![false, false, false]
        );
        // The same unknown field in another file is another finding.
        assert_eq!(
            known(&current[2..], &new_files, &baseline_unknown, &old_files),
            vec![false]
        );
    }
}

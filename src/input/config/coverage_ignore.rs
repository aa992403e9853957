//! The `[[coverage-ignore]]` tables of `claimtrack.toml`: number phrases of an archived source that
//! the desk decided are not figures to record, each with the reason, so that `claimtrack coverage`
//! can reach 100% and stay there.

use crate::finding::{Code, Finding};
use crate::input::files::{FileId, Location};
use serde::Deserialize;
use toml::Spanned;

/// One dismissal: the number phrases standing inside `phrase` in the archived text of `source`
/// (in paragraph `paragraph` only, when given) are not figures to record, for `reason`.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageIgnore {
    /// The table in `claimtrack.toml`, where a stale entry is reported.
    pub location: Location,
    pub source: String,
    pub phrase: String,
    pub reason: String,
    pub paragraph: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawIgnore {
    source: String,
    phrase: String,
    reason: String,
    paragraph: Option<Spanned<i64>>,
}

/// The entries as read, each refused at its place when it cannot work: a phrase or reason
/// without words, a paragraph below 1.
pub(super) fn read(
    raw: Vec<Spanned<RawIgnore>>,
    file: FileId,
    findings: &mut Vec<Finding>,
) -> Vec<CoverageIgnore> {
    let mut entries = Vec::new();
    for entry in raw {
        let location = Location::new(file, entry.span());
        let entry = entry.into_inner();
        let refuse = |location: Location, message: &str, help: &str| {
            Finding::new(Code::InvalidConfig, location, message.to_string()).help(help.to_string())
        };
        if !entry.phrase.chars().any(char::is_alphanumeric) {
            findings.push(refuse(
                location,
                "a `[[coverage-ignore]]` phrase must hold the words of the text it dismisses",
                "copy the words around the number from the archived text, e.g. \"201-page\"",
            ));
            continue;
        }
        if entry.reason.trim().is_empty() {
            findings.push(refuse(
                location,
                "a `[[coverage-ignore]]` entry needs a `reason`",
                "say why the phrase is not a figure to record, e.g. \"date\" or \"page count\"",
            ));
            continue;
        }
        let paragraph = match entry.paragraph {
            None => None,
            Some(number) => match usize::try_from(*number.get_ref()) {
                Ok(n) if n >= 1 => Some(n),
                _ => {
                    findings.push(refuse(
                        Location::new(file, number.span()),
                        "`paragraph` counts from 1",
                        "give the paragraph as claim locators do: the first non-blank line is 1",
                    ));
                    continue;
                }
            },
        };
        entries.push(CoverageIgnore {
            location,
            source: entry.source,
            phrase: entry.phrase,
            reason: entry.reason,
            paragraph,
        });
    }
    entries
}

#[cfg(test)]
mod tests {
    use crate::input::config::Config;
    use crate::input::files::Files;

    /// The entries of a `claimtrack.toml` text, and each finding as "line:column message".
    fn parse(text: &str) -> (Vec<super::CoverageIgnore>, Vec<String>, Files) {
        let mut files = Files::new(".".into());
        let (config, findings) = Config::parse(Some(text.to_string()), &mut files);
        let findings = findings
            .iter()
            .map(|f| {
                let at = files.line_col(&f.location);
                format!("{}:{} {}", at.line, at.column, f.message)
            })
            .collect();
        (config.coverage_ignore, findings, files)
    }

    #[test]
    fn entries_are_read_with_their_place() {
        let text = "[severity]\n\n[[coverage-ignore]]\nsource = \"doc002\"\nphrase = \"201-page\"\n\
                    reason = \"page count\"\n\n[[coverage-ignore]]\nsource = \"doc001\"\n\
                    phrase = \"4 December\"\nparagraph = 3\nreason = \"date\"\n";
        let (entries, findings, files) = parse(text);
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].phrase, "201-page");
        assert_eq!(entries[0].paragraph, None);
        assert_eq!(entries[1].paragraph, Some(3));
        let at = files.line_col(&entries[1].location);
        assert_eq!((at.line, at.column), (8, 1), "the second table's header");
    }

    #[test]
    fn unknown_keys_and_entries_that_cannot_work_are_errors_at_their_place() {
        let (entries, findings, _) = parse(
            "[[coverage-ignore]]\nsource = \"a\"\nphrase = \"x\"\nreason = \"y\"\npage = 2\n",
        );
        assert!(entries.is_empty());
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].starts_with("5:1 unknown field `page`"),
            "{findings:?}"
        );

        let (entries, findings, _) = parse(
            "[[coverage-ignore]]\nsource = \"a\"\nphrase = \"x\"\nreason = \" \"\n\n\
             [[coverage-ignore]]\nsource = \"a\"\nphrase = \"--\"\nreason = \"r\"\n\n\
             [[coverage-ignore]]\nsource = \"a\"\nphrase = \"x\"\nreason = \"r\"\nparagraph = 0\n",
        );
        assert!(entries.is_empty());
        assert_eq!(findings.len(), 3, "{findings:?}");
        assert!(findings[0].contains("needs a `reason`"), "{findings:?}");
        assert!(findings[1].contains("must hold the words"), "{findings:?}");
        assert!(
            findings[2].starts_with("15:13 `paragraph` counts from 1"),
            "{findings:?}"
        );
    }
}

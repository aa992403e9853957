//! Coverage measured on a small base with one archived text.

use super::*;
use crate::input::loader::FileInput;
use sha2::{Digest, Sha256};

const TEXT: &str = "Statement\n\
    The group said at least 5,000 prisoners were executed in 1988, and 201 pages document it.\n\
    \n\
    Families of thousands were never told; one in five was never found, the report says.\n\
    Call +44 20 7413 5566 for details.\n";

/// A base with a source archived as TEXT, claims quoting `quotes`, and `claimtrack.toml` text;
/// measured, optionally for one source.
fn measured(quotes: &[&str], config: &str, only: Option<&str>) -> Result<Coverage, CoverageError> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("statement.txt"), TEXT).unwrap();
    let hash = format!("{:x}", Sha256::digest(TEXT.as_bytes()));
    let sources = format!(
        "[[speaker]]\nid = \"org\"\nname = \"Org\"\nkind = \"organisation\"\n\n\
         [[source]]\nid = \"statement\"\ntitle = \"S\"\npublisher = \"org\"\nkind = \"statement\"\n\
         published = \"2018\"\nsha256 = \"{hash}\"\n\n\
         [[source]]\nid = \"unarchived\"\ntitle = \"U\"\npublisher = \"org\"\nkind = \"statement\"\n\
         published = \"2018\"\n"
    );
    let claims: String = quotes
        .iter()
        .enumerate()
        .map(|(i, quote)| {
            format!(
                "[[claim]]\nid = \"c{i}\"\nspeaker = \"org\"\nsource = \"statement\"\nquote = '{quote}'\n\n"
            )
        })
        .collect();
    let inputs = vec![
        FileInput {
            path: "sources/sources.toml".into(),
            content: Ok(sources.into_bytes()),
        },
        FileInput {
            path: "claims/claims.toml".into(),
            content: Ok(claims.into_bytes()),
        },
    ];
    let checked = crate::open_inputs(Path::new("."), inputs, Some(config.to_string()));
    assert!(checked.load_errors().is_empty(), "{:?}", checked.findings);
    measure(&checked.base, dir.path(), only)
}

fn ignore(phrase: &str, extra: &str) -> String {
    format!(
        "[[coverage-ignore]]\nsource = \"statement\"\nphrase = \"{phrase}\"\nreason = \"r\"\n{extra}\n"
    )
}

#[test]
fn every_phrase_is_quoted_dismissed_or_listed_with_its_paragraph() {
    let coverage = measured(
        &["at least 5,000 prisoners were executed"],
        &ignore("+44 20 7413 5566", ""),
        None,
    )
    .unwrap();
    let statement = &coverage.sources[0];
    // at least 5,000 · 201 · thousands · one in five · 44 · 20 · 7413 · 5566; the year is apart.
    assert_eq!((statement.phrases, statement.not_figures), (8, 1));
    assert_eq!((statement.quoted, statement.ignored), (1, 4));
    let uncovered: Vec<(usize, &str)> = statement
        .uncovered
        .iter()
        .map(|p| (p.paragraph, p.phrase.as_str()))
        .collect();
    assert_eq!(
        uncovered,
        [(2, "201"), (3, "thousands"), (3, "one in five")]
    );
    assert_eq!(
        statement.uncovered[0].context,
        "… prisoners were executed in 1988, and 201 pages document it."
    );
    assert_eq!(statement.uncovered[2].reading, "exact 20%");
    let percent = statement.covered_percent.unwrap();
    assert_eq!(percent, 62.5);
    assert!(coverage.stale_ignores.is_empty());

    let unarchived = &coverage.sources[1];
    assert_eq!(
        unarchived.unmeasured.as_deref(),
        Some("the source records no sha256")
    );
    assert_eq!(unarchived.covered_percent, None);
}

#[test]
fn what_an_ellipsis_leaves_out_is_not_covered() {
    let coverage = measured(&["at least 5,000 ... 201 pages document it"], "", None).unwrap();
    let statement = &coverage.sources[0];
    assert_eq!(statement.quoted, 2);
    let coverage = measured(&["The group said ... document it"], "", None).unwrap();
    assert_eq!(coverage.sources[0].quoted, 0);
}

#[test]
fn an_entry_that_dismisses_nothing_is_stale_and_says_why() {
    let config = [
        ignore("201 pages", "paragraph = 2"),
        ignore("201 pages", "paragraph = 3"),
        ignore("never quoted anywhere", ""),
        ignore("at least 5,000", ""),
        ignore("in 1988", ""),
        "[[coverage-ignore]]\nsource = \"gone\"\nphrase = \"x\"\nreason = \"r\"\n".to_string(),
    ]
    .concat();
    let coverage = measured(&["at least 5,000 prisoners"], &config, None).unwrap();
    assert_eq!(coverage.sources[0].ignored, 1);
    let stale: Vec<(usize, &str)> = coverage
        .stale_ignores
        .iter()
        .map(|s| (s.line, s.why.as_str()))
        .collect();
    assert_eq!(
        stale,
        [
            (6, "the phrase is not in paragraph 3 of `statement`"),
            (11, "the phrase is not in the archived text of `statement`"),
            (16, "every number phrase it holds is quoted by a claim"),
            (
                21,
                "it holds no number phrase that is counted (dates, years, times and ordinals are not)"
            ),
            (26, "the claim base has no source `gone`"),
        ]
    );
    assert_eq!(coverage.stale_ignores[0].file, "claimtrack.toml");
}

#[test]
fn one_source_is_measured_alone_and_an_unknown_one_is_refused() {
    let config = "[[coverage-ignore]]\nsource = \"gone\"\nphrase = \"x\"\nreason = \"r\"\n";
    let coverage = measured(&[], config, Some("statement")).unwrap();
    assert_eq!(coverage.sources.len(), 1);
    assert!(coverage.stale_ignores.is_empty(), "other sources' entries");
    let refused = measured(&[], "", Some("statment")).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "no source `statment` in the claim base: did you mean `statement`?"
    );
    let refused = measured(&[], "", Some("unarchived")).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "source `unarchived` cannot be measured: the source records no sha256"
    );
}

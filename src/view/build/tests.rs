use crate::render::snapshot;
use crate::testing::{FIGURE, SOURCES, checked};
use crate::view::facts;
use crate::view::report::FindingView;

#[test]
fn a_figure_lists_its_own_parts_in_id_order() {
    let part = |id: &str, whole: &str| {
        format!(
            "\n[[figure]]\nid = \"{id}\"\nlabel = \"{id}\"\nunit = \"people\"\npart_of = \"{whole}\"\n"
        )
    };
    let claims = [
        FIGURE.to_string(),
        "\n[[figure]]\nid = \"wounded\"\nlabel = \"Wounded\"\nunit = \"people\"\n".to_string(),
        part("killed-north", "killed"),
        part("wounded-north", "wounded"),
        part("killed-east", "killed"),
    ]
    .concat();
    let checked = checked(SOURCES, &claims);
    let report = super::build(&checked, None);
    let parts = |id: &str| {
        let figure = report.figures.iter().find(|f| f.id == id);
        figure.map(|f| f.parts.clone())
    };
    assert_eq!(parts("killed"), Some(vec!["killed-east", "killed-north"]));
    assert_eq!(parts("wounded"), Some(vec!["wounded-north"]));
    assert_eq!(parts("killed-east"), Some(vec![]));
}

/// The report the snapshot and `diff` read leaves out each claim's chain and flags: everything
/// they read of it must be as in the full report, on the shipped base and on every fixture.
#[test]
fn the_facts_of_the_lighter_report_are_those_of_the_full_one() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut bases = vec![root.to_path_buf()];
    let fixtures = std::fs::read_dir(root.join("tests/fixtures")).unwrap();
    bases.extend(fixtures.map(|entry| entry.unwrap().path()));
    let mut flagged = 0;
    for base in bases {
        let Ok(checked) = crate::open(&base) else {
            continue;
        };
        let (full, lighter) = (super::build(&checked, None), super::build_facts(&checked));
        let base = base.display();
        assert_eq!(full.claims.len(), lighter.claims.len(), "{base}");
        for (full, lighter) in full.claims.iter().zip(&lighter.claims) {
            let id = full.id;
            assert_eq!(facts::claim(full), facts::claim(lighter), "{base}: {id}");
        }
        for (full, lighter) in full.figures.iter().zip(&lighter.figures) {
            let id = full.id;
            assert_eq!(facts::figure(full), facts::figure(lighter), "{base}: {id}");
        }
        let findings = |report: &super::Report| -> Vec<String> {
            let line = |f: &FindingView| format!("{:?} {}", f.key, f.line_without_place());
            report.findings.iter().map(line).collect()
        };
        assert_eq!(findings(&full), findings(&lighter), "{base}");
        let same = snapshot::render(&full) == snapshot::render(&lighter);
        assert!(same, "{base}: the snapshots differ");
        flagged += full.claims.iter().filter(|c| !c.flags.is_empty()).count();
    }
    assert!(
        flagged > 0,
        "no claim of any base is flagged: the test shows nothing"
    );
}

/// Each claim shows the codes of every finding naming its id, whichever core's stretch of claims
/// it falls in; two claims that share an id (next to each other, in one stretch) both show them.
#[test]
fn a_claim_is_flagged_with_the_codes_of_the_findings_naming_it() {
    use crate::testing::claim;
    let claims = [
        FIGURE.to_string(),
        claim("a-twice", "about 5,000", "watchdog", ""),
        claim("a-twice", "at least 4,000", "outlet", ""),
        claim("b-conflict", "5,000", "watchdog", ""),
        claim("c-conflict", "30,000", "government", ""),
        claim("d-quiet", "5,000", "watchdog", "basis = \"article\""),
        "\n[[claim]]\nid = \"e-uncited\"\nfigure = \"killed\"\nvalue = \"7\"\nspeaker = \"outlet\"\n"
            .to_string(),
    ]
    .concat();
    let checked = checked(SOURCES, &claims);
    let report = super::build(&checked, None);
    let expected = |id: &str| {
        let mut codes: Vec<_> = (checked.findings.iter())
            .filter(|f| f.claims.iter().any(|c| &**c == id))
            .map(|f| f.code)
            .collect();
        codes.sort_unstable_by_key(|&code| code as u32);
        codes.dedup();
        codes
    };
    for claim in &report.claims {
        let mut flags = claim.flags.clone();
        flags.sort_unstable_by_key(|&code| code as u32);
        assert_eq!(flags, expected(claim.id), "{}", claim.id);
    }
    let flags_of = |id: &str| -> Vec<_> {
        (report.claims.iter())
            .filter(|c| c.id == id)
            .map(|c| c.flags.clone())
            .collect()
    };
    let twice = flags_of("a-twice");
    assert_eq!(twice.len(), 2);
    assert!(!twice[0].is_empty() && twice[0] == twice[1], "{twice:?}");
    assert!(!flags_of("e-uncited")[0].is_empty());
    assert!(!flags_of("b-conflict")[0].is_empty());
}

use super::*;
use crate::finding::Code;
use crate::input::files::{Files, Location, SourceFile};
use crate::testing::{FIGURE, SOURCES, checked, claim};
use crate::view::build;
use crate::view::report::Place;

/// What changed from the base of the `old` sources and claims texts to the one of the `new`. The
/// diff borrows from both bases, which live as long as the test process.
fn diff_of(old: (&str, &str), new: (&str, &str)) -> Diff<'static> {
    let base = |(sources, claims): (&str, &str)| &*Box::leak(Box::new(checked(sources, claims)));
    diff(&build(base(old), None), &build(base(new), None))
}

/// What changed between a base of the figure and the `old` claims and one with the `new`.
fn diff_between(old: &[String], new: &[String]) -> Diff<'static> {
    let records = |claims: &[String]| format!("{FIGURE}{}", claims.concat());
    diff_of((SOURCES, &records(old)), (SOURCES, &records(new)))
}

/// A record whose one field `field` changed from the text `old` to `new`.
fn text_changed(id: &str, field: &'static str, old: &str, new: &str) -> RecordChange {
    let text = |value: &str| Some(FactValue::Text(value.to_string()));
    RecordChange::Changed {
        id: id.into(),
        fields: vec![FieldChange {
            field,
            old: text(old),
            new: text(new),
        }],
    }
}

#[test]
fn a_moved_value_is_a_field_change_with_both_readings() {
    let diff = diff_between(
        &[claim("c", "at least 5,000", "watchdog", "")],
        &[claim("c", "about 6,000", "watchdog", "")],
    );
    let [RecordChange::Changed { id, fields }] = diff.claims.as_slice() else {
        panic!("one changed claim expected: {:?}", diff.claims);
    };
    assert_eq!(id, "c");
    let value = fields
        .iter()
        .find(|f| f.field == "value")
        .expect("value changed");
    let reading = |fact: &Option<FactValue>| match fact {
        Some(FactValue::Value(value)) => (
            value.reading.low.and_then(crate::value::Number::as_count),
            value.reading.high.and_then(crate::value::Number::as_count),
        ),
        other => panic!("a value fact expected: {other:?}"),
    };
    assert_eq!(reading(&value.old), (Some(5000), None));
    assert_eq!(reading(&value.new), (Some(5400), Some(6600)));
}

#[test]
fn a_measure_returned_to_its_default_changes_to_the_default() {
    let diff = diff_between(
        &[claim("c", "5,000", "watchdog", "measure = \"documented\"")],
        &[claim("c", "5,000", "watchdog", "")],
    );
    let [RecordChange::Changed { fields, .. }] = diff.claims.as_slice() else {
        panic!("one changed claim expected: {:?}", diff.claims);
    };
    let text = |value: &str| Some(FactValue::Text(value.to_string()));
    let measure = fields.iter().find(|f| f.field == "measure");
    assert_eq!(
        measure,
        Some(&FieldChange {
            field: "measure",
            old: text("documented"),
            new: text("estimate"),
        })
    );
    // A documented count compares as a lower bound: the reading moves with the measure.
    assert!(fields.iter().any(|f| f.field == "value"), "{fields:?}");
}

#[test]
fn identical_reports_have_an_empty_diff_and_a_new_claim_is_added() {
    let claims = [claim("c", "5", "outlet", "")];
    assert!(diff_between(&claims, &claims).is_empty());
    let more = [claims[0].clone(), claim("d", "6", "outlet", "")];
    let diff = diff_between(&claims, &more);
    assert_eq!(diff.claims, [RecordChange::Added { id: "d".into() }]);
}

/// A finding of `code` about `claims`, with `message`, as a report lists it: at the start of a
/// file of its own.
fn finding(code: Code, claims: &[&str], message: &str) -> FindingView<'static> {
    let claims: Vec<Box<str>> = claims.iter().map(|&c| c.into()).collect();
    let mut files = Files::new("base".into());
    let file = files.add(SourceFile::new("claims/a.toml".into(), String::new()));
    let files = &*Box::leak(Box::new(files));
    let location = &*Box::leak(Box::new(Location::new(file, 0..0)));
    FindingView {
        code,
        key: FindingKey {
            code,
            file: None,
            claims: claims.clone().into(),
            detail: None,
        },
        severity: code.default_severity(),
        message: message.to_string().into(),
        figure: None,
        place: Place::of(files, location).with_end(),
        label: "".into(),
        help: None,
        claims: claims.into(),
        related: Vec::new(),
    }
}

fn report(findings: Vec<FindingView<'static>>) -> Report<'static> {
    Report {
        figures: Vec::new(),
        sources: Vec::new(),
        speakers: Vec::new(),
        claims: Vec::new(),
        findings,
        about: Default::default(),
    }
}

#[test]
fn repeated_findings_of_one_key_match_line_by_line_and_pair_up_what_is_left() {
    let origin = |message| finding(Code::SingleOrigin, &["a", "b"], message);
    let conflict = |message| finding(Code::FigureConflict, &["a", "b"], message);
    let old = report(vec![origin("y"), conflict("x"), origin("x"), origin("y")]);
    let new = report(vec![origin("z"), origin("y"), conflict("x")]);
    let (appeared, resolved, changed) = compare_findings(&old, &new);
    assert!(appeared.is_empty(), "{appeared:?}");
    // One `y` is on both sides; `x` pairs with `z` as changed; the other `y` was resolved.
    let lines: Vec<(&str, &str)> = changed
        .iter()
        .map(|c| (c.old.as_str(), c.new.as_str()))
        .collect();
    assert_eq!(lines, [("info single-origin: x", "info single-origin: z")]);
    let resolved: Vec<&str> = resolved.iter().map(|r| r.finding.as_str()).collect();
    assert_eq!(resolved, ["info single-origin: y"]);
}

#[test]
fn findings_about_other_claims_appear_and_resolve_rather_than_change() {
    let about = |claim| finding(Code::SingleOrigin, &[claim], "m");
    let old = report(vec![about("c"), about("a")]);
    let new = report(vec![about("b"), about("c")]);
    let (appeared, resolved, changed) = compare_findings(&old, &new);
    assert!(changed.is_empty(), "{changed:?}");
    let claims = |changes: &[FindingChange]| -> Vec<String> {
        changes
            .iter()
            .flat_map(|c| c.key.claims.iter().map(|c| c.to_string()))
            .collect()
    };
    // The finding about `c` is on both sides, whichever side's keys come first.
    assert_eq!(claims(&appeared), ["b"]);
    assert_eq!(claims(&resolved), ["a"]);
}

#[test]
fn findings_that_changed_are_listed_in_key_order_and_by_line_within_a_key() {
    let about = |claim: &str, message: &str| finding(Code::SingleOrigin, &[claim], message);
    let claims: Vec<String> = (0..20).map(|i| format!("c{i:02}")).collect();
    let old = report(claims.iter().map(|c| about(c, "old")).collect());
    let mut new: Vec<FindingView> = claims.iter().rev().map(|c| about(c, "new")).collect();
    new.extend(claims.iter().map(|c| about(&format!("{c}-more"), "b")));
    new.extend(claims.iter().map(|c| about(&format!("{c}-more"), "a")));
    let (appeared, resolved, changed) = compare_findings(&old, &report(new));
    assert!(resolved.is_empty(), "{resolved:?}");
    let changed: Vec<&str> = changed.iter().map(|c| &*c.key.claims[0]).collect();
    assert_eq!(changed, claims);
    let appeared: Vec<(String, String)> = (appeared.iter())
        .map(|a| (a.key.claims[0].to_string(), a.finding.clone()))
        .collect();
    // Within a key, by line: `a` before `b`, though `b` was listed first.
    let expected: Vec<(String, String)> = (claims.iter())
        .flat_map(|c| ["a", "b"].map(|m| (format!("{c}-more"), format!("info single-origin: {m}"))))
        .collect();
    assert_eq!(appeared, expected);
}

/// What changed among the speakers from the `old` sources to the `new` ones, with no claims.
fn speaker_changes(old: &str, new: &str) -> Vec<RecordChange> {
    diff_of((old, FIGURE), (new, FIGURE)).speakers
}

fn speaker(id: &str, name: &str, aliases: &[&str]) -> String {
    format!(
        "\n[[speaker]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"person\"\naliases = {aliases:?}\n"
    )
}

#[test]
fn removed_speakers_whose_name_or_id_lives_on_are_renamed_or_merged_into_the_first_heir() {
    let old = [
        speaker("alpha", "Alpha", &[]),
        speaker("beta", "Beta", &[]),
        speaker("gamma", "Gamma", &[]),
        speaker("delta", "Delta", &[]),
        speaker("zeta", "Zeta", &[]),
    ]
    .concat();
    let new = [
        // Carries alpha's id: alpha was renamed.
        speaker("alpha-2", "Alpha Two", &["alpha"]),
        // Carries beta's name, as does a later speaker: the first is the heir.
        speaker("beta-2", "B.", &["Beta"]),
        speaker("beta-3", "Beta", &[]),
        // An existing speaker carries delta's name: delta was merged into it.
        speaker("gamma", "Gamma", &["Delta"]),
        // Zeta is gone with no heir; epsilon is simply new.
        speaker("epsilon", "Epsilon", &[]),
    ]
    .concat();
    let renamed = |id: &str, to: &str| RecordChange::Renamed {
        id: id.into(),
        to: to.into(),
    };
    assert_eq!(
        speaker_changes(&old, &new),
        [
            renamed("alpha", "alpha-2"),
            renamed("beta", "beta-2"),
            RecordChange::Added {
                id: "beta-3".into()
            },
            RecordChange::Merged {
                id: "delta".into(),
                into: "gamma".into()
            },
            RecordChange::Added {
                id: "epsilon".into()
            },
            RecordChange::Changed {
                id: "gamma".into(),
                fields: vec![FieldChange {
                    field: "aliases",
                    old: None,
                    new: Some(FactValue::List(vec!["Delta".into()])),
                }],
            },
            RecordChange::Removed { id: "zeta".into() },
        ]
    );
}

#[test]
fn a_figure_whose_label_changed_is_a_field_change_and_an_unchanged_one_is_not_listed() {
    let wounded = "\n[[figure]]\nid = \"wounded\"\nlabel = \"Wounded\"\nunit = \"people\"\n";
    let old = format!("{FIGURE}{wounded}");
    let new = FIGURE.replace("People killed", "People killed in 1988") + wounded;
    assert_eq!(
        diff_of((SOURCES, &old), (SOURCES, &new)).figures,
        [text_changed(
            "killed",
            "label",
            "People killed",
            "People killed in 1988"
        )]
    );
}

#[test]
fn a_source_whose_title_changed_is_a_field_change() {
    let new = SOURCES.replace("An article", "An article, corrected");
    assert_eq!(
        diff_of((SOURCES, FIGURE), (&new, FIGURE)).sources,
        [text_changed(
            "article",
            "title",
            "An article",
            "An article, corrected"
        )]
    );
}

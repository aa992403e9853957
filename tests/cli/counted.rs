//! Values whose words say they count other than the whole a figure counts: groups, an increase,
//! those something else happened to, a place, the cases known so far, a part of the people
//! counted. Each is refused at its words on a figure that does not say it counts them, and a bare
//! number whose quote says so is flagged.

use crate::support::{assert_found_at, check_json, fixture, run_in, with_code};
use serde_json::Value;

/// A value counting groups ("more than 4,000 families") or an increase ("2,500 newly displaced")
/// is refused on a figure counting all people displaced, and read on one counting households or
/// new arrivals; a count of people naming the families they came from reads. A value taken from
/// a quote's number of families, its noun left off, reads otherwise than its quote, in digits or
/// in words ("thousands"). Those affected are refused on a figure of the displaced, and a number
/// of those who returned, taken from a quote, is flagged.
#[test]
fn a_number_of_groups_or_an_increase_is_read_only_on_a_figure_that_counts_it() {
    let (exit, findings) = check_json(&fixture("flood-displacement"));
    assert_eq!(exit, 1, "{findings:#?}");
    let gated: Vec<(u64, u64, &str)> = (findings.iter())
        .filter(|f| f.severity != "info")
        .map(|f| (f.line, f.column, f.code.as_str()))
        .collect();
    assert_eq!(
        gated,
        [
            (39, 10, "unreadable-value"),
            (69, 10, "unreadable-value"),
            (89, 9, "value-reading-differs"),
            (99, 9, "value-reading-differs"),
            (109, 10, "unreadable-value"),
            (119, 9, "value-reading-differs"),
        ],
        "{findings:#?}"
    );
    let differs = with_code(&findings, "value-reading-differs");
    assert!(
        differs[0].message.ends_with(
            "its quote says \"More than 4,000 families\", which counts families, not what the \
             figure counts (`unit = \"people\"`, label \"People displaced by the floods\")"
        ),
        "{}",
        differs[0].message
    );
    let help = "record a number of what the figure counts, quoting the words that state it";
    assert!(differs[0].help.starts_with(help), "{}", differs[0].help);
    let returned = "its quote says \"2,300 returned\", which counts those who returned";
    assert!(
        differs[2].message.contains(returned),
        "{}",
        differs[2].message
    );
    let refused = with_code(&findings, "unreadable-value");
    for (finding, message) in refused.iter().zip([
        "\"more than 4,000 families\" counts families, but the figure counts people",
        "\"2,500 newly displaced\" counts an increase, which the figure's label (\"People \
         displaced by the floods\") does not say it counts",
        "\"about 65,000 people affected\" counts those affected, but the figure (\"People \
         displaced by the floods\") counts the displaced",
    ]) {
        assert!(finding.message.starts_with(message), "{}", finding.message);
    }
    let report = run_in(
        &fixture("flood-displacement"),
        &["report", "--format", "json"],
    );
    let report: Value = serde_json::from_str(&report.stdout).unwrap();
    let low = |id: &str| {
        let claims = report["claims"].as_array().unwrap();
        let claim = claims.iter().find(|c| c["id"] == id).unwrap();
        claim["low"].clone()
    };
    assert_eq!(low("agency/households"), 3870);
    assert_eq!(low("courier/people"), 18000);
    assert_eq!(low("courier/arrivals"), 810);
    assert_eq!(low("province/families"), Value::Null);
    assert_eq!(low("agency/overnight"), Value::Null);
}

/// A count of one day, one city or a part of a group ("some 900 of them") copied into a value on
/// the whole figure's claims is refused at its words, rather than compared with the whole toll as
/// a conflict; recorded on the city's own figure (`part_of` the whole), the number alone reads,
/// and so does the city's name.
#[test]
fn a_count_of_a_time_or_a_part_is_refused_on_the_whole_figure() {
    let (exit, findings) = check_json(&fixture("partial-counts"));
    assert_eq!(exit, 1, "{findings:#?}");
    let refused: Vec<(u64, u64, &str)> = (with_code(&findings, "unreadable-value").iter())
        .map(|f| (f.line, f.column, f.message.as_str()))
        .collect();
    let limits = "the words limit the count to a time or a part";
    assert_eq!(refused.len(), 6, "{findings:#?}");
    assert_eq!((refused[0].0, refused[0].1), (26, 16));
    assert!(
        refused[0]
            .2
            .starts_with("cannot read \"since Monday\" after \"1,200\""),
        "{}",
        refused[0].2
    );
    assert_eq!((refused[1].0, refused[1].1), (36, 27));
    assert!(refused[1].2.contains(limits), "{}", refused[1].2);
    // A place the figure's label does not name; on the city's figure, the city's name reads.
    assert_eq!((refused[2].0, refused[2].1), (56, 27));
    let place = "\"in Kahramanmaraş\" names a place, Kahramanmaraş, that the figure's label \
                 (\"Deaths in the February 2023 earthquakes\") does not";
    assert!(refused[2].2.starts_with(place), "{}", refused[2].2);
    // A part of a place: "southern Hatay".
    assert_eq!((refused[3].0, refused[3].1), (76, 22));
    let south = "\"in southern Hatay\" names a place, southern Hatay, that the figure's label";
    assert!(refused[3].2.starts_with(south), "{}", refused[3].2);
    // A place named by a noun ("the mountain villages"), and a part of a group ("of them").
    assert_eq!((refused[4].0, refused[4].1), (86, 20));
    let villages = "\"in the mountain villages\" names a place, the mountain villages,";
    assert!(refused[4].2.starts_with(villages), "{}", refused[4].2);
    assert_eq!((refused[5].0, refused[5].1), (96, 19));
    let of_them = "cannot read \"of them\" after \"some 900\": the words limit the count";
    assert!(refused[5].2.starts_with(of_them), "{}", refused[5].2);
    // Read as counts of the whole, both once conflicted with the authority's toll.
    assert!(
        with_code(&findings, "figure-conflict").is_empty(),
        "{findings:#?}"
    );
    let codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
    assert!(
        codes.iter().all(|code| *code == "unreadable-value"),
        "{codes:?}"
    );
}

/// Casualties and the wounded recorded on a death toll are refused at the value, naming what
/// each counts, rather than set against the toll as conflicting counts of the dead; the same
/// number on the figure that counts casualties reads. The other way round, a death toll on the
/// figure of casualties is a part of it, refused as well; "killed or injured" reads there.
#[test]
fn a_count_of_casualties_or_the_wounded_is_refused_on_a_death_toll() {
    let (exit, findings) = check_json(&fixture("strike-casualties"));
    assert_eq!(exit, 1, "{findings:#?}");
    let casualties = "\"more than 150 casualties\" counts casualties (the dead and the injured), \
                      but the figure (\"People killed in the strike on the central market\") \
                      counts the dead";
    let killed = "\"52 killed\" counts the dead, but the figure (\"Casualties (killed and injured) \
                  of the strike on the central market\") counts casualties (the dead and the \
                  injured)";
    let expected = [
        (25, casualties),
        (35, "\"96 wounded\" counts the injured"),
        (55, killed),
    ];
    assert_found_at(&findings, "unreadable-value", &expected);
    // Read as counts of the dead, both once conflicted with the ministry's toll.
    assert!(
        with_code(&findings, "figure-conflict").is_empty(),
        "{findings:#?}"
    );
    assert!(with_code(&findings, "attribution-contradicted").is_empty());
}

/// A number taken from a quote that says the missing or the injured, onto a death toll, is
/// flagged at the value, saying what the quote counts; quotes whose words say who died ("dozens
/// of evacuees were killed") or how ("41 people died") are left alone.
#[test]
fn a_value_whose_quote_counts_another_outcome_is_flagged() {
    let (exit, findings) = check_json(&fixture("landslide-quotes"));
    assert_eq!(exit, 0, "{findings:#?}");
    let expected = [
        (
            20,
            "its quote says \"more than 300 missing\", which counts the missing",
        ),
        (
            30,
            "its quote says \"1,200 people injured\", which counts the injured",
        ),
    ];
    assert_found_at(&findings, "value-reading-differs", &expected);
    let help = &with_code(&findings, "value-reading-differs")[0].help;
    assert!(
        help.contains("of those something else happened to"),
        "{help}"
    );
}

/// A value whose words say it counts the cases documented or identified so far reads with a
/// `measure` that says so, as a lower bound beside a larger count; without one it is refused,
/// pointing at `measure`, rather than read as an exact count in conflict with every larger one. A
/// bare number whose quote says so, after the number or before it, is flagged unless its
/// `measure` says so too.
#[test]
fn a_count_of_the_cases_known_so_far_needs_its_measure() {
    let (exit, findings) = check_json(&fixture("documented-deaths"));
    assert_eq!(exit, 1, "{findings:#?}");
    let message = "\"about 200 identified\" counts the cases identified so far, which the \
                   figure's label (\"People killed in the November 2019 protests\") does not name";
    assert_found_at(&findings, "unreadable-value", &[(21, message)]);
    // Documented, 304 is a lower bound: it diverges from 1,500 but does not conflict with it.
    // Copied bare from a quote saying "documented", it conflicts, and the value is flagged.
    assert_eq!(with_code(&findings, "figure-divergence").len(), 1);
    let conflicts = with_code(&findings, "figure-conflict");
    assert_eq!(conflicts.len(), 2, "{findings:#?}");
    let bare = [
        "(wire/killed-documented by wire",
        "(wire/killed-amnesty-words by wire",
    ];
    assert!(
        (conflicts.iter()).all(|f| bare.iter().any(|claim| f.message.contains(claim))),
        "{conflicts:#?}"
    );
    // The quote's word after the number or before it ("has documented the deaths of 304").
    let quoted = [
        (
            41,
            "its quote says \"304 documented\", which counts the cases documented so far",
        ),
        (
            62,
            "its quote says \"documented the deaths of 304\", which counts the cases documented",
        ),
    ];
    assert_found_at(&findings, "value-reading-differs", &quoted);
}

/// Civilians and children recorded on the whole toll are refused at the value, rather than read
/// as counts of everyone killed and set against the ministry's toll as conflicts; on the
/// children's own figure the same value reads. A count of airstrikes, events rather than people,
/// is refused too. A bare number whose quote counts women and children is flagged (its conflicts
/// with the toll stand, for the desk to see why); one whose quote counts men, women and children,
/// everyone, is not.
#[test]
fn a_count_of_a_part_of_the_people_is_refused_on_the_whole_toll() {
    let (exit, findings) = check_json(&fixture("siege-victims"));
    assert_eq!(exit, 1, "{findings:#?}");
    let whole = "which its label (\"People killed in the siege of the old city\") does not name";
    let expected = [
        (
            26,
            "\"at least 1,900 civilians\" counts civilians, a part of the people",
        ),
        (
            36,
            "\"more than 1,000 children\" counts children, a part of the people",
        ),
        (
            76,
            "\"more than 40 airstrikes\" counts airstrikes, but the figure counts people",
        ),
    ];
    assert_found_at(&findings, "unreadable-value", &expected);
    let parts = &with_code(&findings, "unreadable-value")[..2];
    assert!(
        parts.iter().all(|f| f.message.contains(whole)),
        "{findings:#?}"
    );
    let quoted = "its quote says \"2,100 women and children\", which counts women and children";
    assert_found_at(&findings, "value-reading-differs", &[(56, quoted)]);
    // Only the bare number, flagged, is set against the toll: the refused values are not.
    let conflicts = with_code(&findings, "figure-conflict");
    assert_eq!(conflicts.len(), 3, "{findings:#?}");
    assert!(
        (conflicts.iter()).all(|f| f.message.contains("(wire/killed-women-children by wire)")),
        "{conflicts:#?}"
    );
}

/// Death sentences and those pardoned, recorded on a count of executions, are refused at the
/// value, rather than read as the executed; on the figure of death sentences, they read. A bare
/// number whose quote counts those released is flagged, and so is a number whose quote denies it
/// ("denied reports that at least 4 ...", "there is no evidence that at least 4 ...", "at least 4
/// ..., a claim the judiciary denied"), unless the claim records the denial as a dispute.
#[test]
fn a_count_of_the_sentenced_or_the_released_is_refused_on_the_executed() {
    let (exit, findings) = check_json(&fixture("crackdown-sentences"));
    assert_eq!(exit, 1, "{findings:#?}");
    let executed = "but the figure (\"People executed over the autumn unrest\") counts the dead";
    let sentenced = format!("\"at least 17 death sentences\" counts the sentenced, {executed}");
    let pardoned = format!("\"22,000 pardoned\" counts the released, {executed}");
    assert_found_at(
        &findings,
        "unreadable-value",
        &[(25, &sentenced), (45, &pardoned)],
    );
    let quoted = "its quote says \"3,000 released\", which counts the released";
    // A denial recorded as if it stated the number it denies; as a dispute, it passes.
    let denied = "its quote says \"at least 4\", which the quote negates";
    assert_found_at(
        &findings,
        "value-reading-differs",
        &[(55, quoted), (65, denied), (85, denied), (95, denied)],
    );
    let help = &with_code(&findings, "value-reading-differs")[1].help;
    assert!(help.contains("record the denial as a dispute"), "{help}");
}

/// Patients treated and samples tested recorded on a death toll are refused at the value, naming
/// what each counts; the same words read on the figure of those treated.
#[test]
fn a_count_of_those_treated_or_tested_is_refused_on_a_death_toll() {
    let (exit, findings) = check_json(&fixture("cholera-outbreak"));
    assert_eq!(exit, 1, "{findings:#?}");
    let refused: Vec<(u64, &str)> = (with_code(&findings, "unreadable-value").iter())
        .map(|f| (f.line, f.message.as_str()))
        .collect();
    let deaths = "but the figure (\"Deaths in the 2024 cholera outbreak\") counts the dead";
    assert_eq!(refused.len(), 2, "{refused:#?}");
    assert_eq!(refused[0].0, 36);
    assert!(
        refused[0].1.starts_with(&format!(
            "\"more than 12,000 treated\" counts those treated or vaccinated, {deaths}"
        )),
        "{}",
        refused[0].1
    );
    assert_eq!(refused[1].0, 46);
    assert!(
        (refused[1].1).starts_with(&format!("\"3,500 tested\" counts those tested, {deaths}")),
        "{}",
        refused[1].1
    );
    let errors = findings.iter().filter(|f| f.severity == "error").count();
    assert_eq!(errors, 2, "{findings:#?}");
}

use crate::finding::Code;
use crate::testing::{FIGURE, SOURCES, checked, claim, claim_index};

fn origin_names<'a>(checked: &'a crate::Checked, id: &str) -> Vec<&'a str> {
    let origins = &checked.analysis.origins;
    origins.claim_groups[claim_index(checked, id)]
        .iter()
        .map(|&g| origins.group_name(&checked.base, g))
        .collect()
}

#[test]
fn a_basis_chain_leads_to_the_first_speaker_and_affiliates_share_a_group() {
    let claims = [
        FIGURE.to_string(),
        claim(
            "first",
            "1,000",
            "ministry",
            "basis = [\"official-records\"]",
        ),
        claim("second", "1,000", "watchdog", "basis = [\"first\"]"),
        claim("third", "1,000", "outlet", "basis = [\"second\"]"),
    ]
    .concat();
    let checked = checked(SOURCES, &claims);
    assert_eq!(origin_names(&checked, "third"), ["government"]);
    assert_eq!(origin_names(&checked, "second"), ["government"]);
    assert!(checked.analysis.origins.cycles.is_empty());
}

#[test]
fn cycles_are_found_once_each_and_a_self_reference_is_a_cycle() {
    let claims = [
        FIGURE.to_string(),
        claim("a", "10", "outlet", "basis = [\"b\"]"),
        claim("b", "10", "outlet", "basis = [\"c\"]"),
        claim("c", "10", "outlet", "basis = [\"a\"]"),
        claim("d", "10", "outlet", "basis = [\"a\"]"),
        claim("self", "10", "watchdog", "basis = [\"self\"]"),
    ]
    .concat();
    let checked = checked(SOURCES, &claims);
    let ids = |cycle: &Vec<usize>| -> Vec<&str> {
        cycle.iter().map(|&c| &*checked.base.claims[c].id).collect()
    };
    let cycles: Vec<Vec<&str>> = checked.analysis.origins.cycles.iter().map(ids).collect();
    assert_eq!(cycles, [vec!["a", "b", "c"], vec!["self"]]);
    // A claim resting on a cycle is not on it, and takes no origin from it.
    assert_eq!(origin_names(&checked, "d"), ["outlet"]);
    let found: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.code == Code::BasisCycle)
        .map(|f| &*f.message)
        .collect();
    assert_eq!(
        found,
        [
            "3 claims rest on each other in a cycle: a, b, c",
            "claim `self` rests on itself"
        ]
    );
}

#[test]
fn an_attribution_resting_on_a_claim_takes_that_claims_origin() {
    let claims = [
        FIGURE.to_string(),
        claim("leak", "1,500", "outlet", "according_to = \"ministry\""),
        claim(
            "repeat",
            "1,500",
            "watchdog",
            "according_to = \"outlet\"\nbasis = [\"leak\"]",
        ),
        claim("hearsay", "1,500", "outlet", "according_to = \"watchdog\""),
    ]
    .concat();
    let checked = checked(SOURCES, &claims);
    assert_eq!(origin_names(&checked, "leak"), ["government"]);
    assert_eq!(origin_names(&checked, "repeat"), ["government"]);
    // Without a basis, an attribution follows the attributed party's own claim on the figure.
    assert_eq!(origin_names(&checked, "hearsay"), ["government"]);
}

#[test]
fn outlets_repeating_a_wire_story_over_one_leak_count_one_origin() {
    let claims = [
        FIGURE.to_string(),
        // The wire agency reports the figure from anonymous ministry officials.
        claim("wire", "1,500", "watchdog", "according_to = \"ministry\""),
        claim("daily", "1,500", "outlet", "according_to = \"watchdog\""),
        claim(
            "weekly",
            "about 1,500",
            "government",
            "according_to = \"watchdog\"",
        ),
        // An attribution to a party whose own claim gives another value is not followed.
        claim(
            "other",
            "at most 200",
            "outlet",
            "according_to = \"watchdog\"",
        ),
    ]
    .concat();
    let checked = checked(SOURCES, &claims);
    for id in ["wire", "daily", "weekly"] {
        assert_eq!(origin_names(&checked, id), ["government"], "{id}");
    }
    assert_eq!(origin_names(&checked, "other"), ["watchdog"]);
    let origins = &checked.analysis.origins;
    let daily = claim_index(&checked, "daily");
    assert_eq!(
        origins.followed[daily],
        [Some(claim_index(&checked, "wire"))]
    );
}

#[test]
fn an_attribution_follows_the_partys_claim_with_the_same_value_first() {
    let claims = [
        FIGURE.to_string(),
        claim("a-bound", "at least 1,000", "watchdog", ""),
        claim("b-same", "1,500", "watchdog", ""),
        claim("daily", "1,500", "outlet", "according_to = \"watchdog\""),
    ]
    .concat();
    let checked = checked(SOURCES, &claims);
    let daily = claim_index(&checked, "daily");
    assert_eq!(
        checked.analysis.origins.followed[daily],
        [Some(claim_index(&checked, "b-same"))]
    );
}

/// Of the party's claims giving the same value, the nearest in time is followed, two as near
/// each other told apart by id, however many lie further away.
#[test]
fn an_attribution_follows_the_nearest_same_value_then_the_first_by_id() {
    let dated = |id: &str, day: &str| {
        claim(
            id,
            "1,500",
            "watchdog",
            &format!("as_of = \"2020-01-{day}\""),
        )
    };
    let claims = [
        FIGURE.to_string(),
        dated("a-far", "01"),
        dated("b-far", "02"),
        dated("m-tie", "04"),
        dated("z-tie", "08"),
        dated("c-far", "12"),
        claim(
            "daily",
            "1,500",
            "outlet",
            "according_to = \"watchdog\"\nas_of = \"2020-01-06\"",
        ),
    ]
    .concat();
    let checked = checked(SOURCES, &claims);
    let daily = claim_index(&checked, "daily");
    assert_eq!(
        checked.analysis.origins.followed[daily],
        [Some(claim_index(&checked, "m-tie"))]
    );
}

#[test]
fn a_long_chain_resolves_without_deep_recursion() {
    let mut claims = FIGURE.to_string();
    claims.push_str(&claim("c0", "5", "watchdog", "basis = [\"own-count\"]"));
    for i in 1..20_000 {
        claims.push_str(&claim(
            &format!("c{i}"),
            "5",
            "outlet",
            &format!("basis = [\"c{}\"]", i - 1),
        ));
    }
    let checked = checked(SOURCES, &claims);
    assert_eq!(origin_names(&checked, "c19999"), ["watchdog"]);
}

#[test]
fn a_basis_naming_a_source_leads_to_its_authors_before_its_publisher() {
    let sources = format!(
        "{SOURCES}\n[[speaker]]\nid = \"author\"\nname = \"An author\"\nkind = \"person\"\n\n[[source]]\nid = \"paper\"\ntitle = \"A paper\"\npublisher = \"outlet\"\nauthors = [\"author\"]\nkind = \"report\"\npublished = \"2020-01-01\"\n"
    );
    let claims = [
        FIGURE.to_string(),
        claim("from-paper", "5", "watchdog", "basis = [\"paper\"]"),
        claim("from-article", "5", "watchdog", "basis = [\"article\"]"),
    ]
    .concat();
    let checked = checked(&sources, &claims);
    assert_eq!(origin_names(&checked, "from-paper"), ["author"]);
    assert_eq!(origin_names(&checked, "from-article"), ["outlet"]);
}

#[test]
fn an_anonymous_speakers_claimed_affiliation_joins_no_group() {
    let sources = format!(
        "{SOURCES}\n[[speaker]]\nid = \"officials\"\nname = \"Three officials\"\nkind = \"anonymous\"\naffiliations = [\"ministry\"]\n"
    );
    let claims = [
        FIGURE.to_string(),
        claim("leak", "1,500", "outlet", "according_to = \"officials\""),
        claim("official", "230", "ministry", ""),
    ]
    .concat();
    let checked = checked(&sources, &claims);
    assert_eq!(origin_names(&checked, "leak"), ["officials"]);
    assert_eq!(origin_names(&checked, "official"), ["government"]);
}

#[test]
fn a_dated_affiliation_counts_only_for_claims_within_its_dates() {
    let sources = format!(
        "{SOURCES}\n[[speaker]]\nid = \"scientist\"\nname = \"A scientist\"\nkind = \"person\"\naffiliations = [{{ id = \"government\", from = \"2006\" }}]\n"
    );
    let claims = [
        FIGURE.to_string(),
        claim("paper", "50 million", "scientist", "as_of = \"2005\""),
        claim("briefing", "50 million", "scientist", "as_of = \"2010\""),
    ]
    .concat();
    let checked = checked(&sources, &claims);
    assert_eq!(origin_names(&checked, "paper"), ["scientist"]);
    assert_eq!(origin_names(&checked, "briefing"), ["government"]);
}

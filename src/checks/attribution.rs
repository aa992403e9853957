//! Attribution: "according to X" checked against what X, or a member of X, says on the same figure
//! in the same window, as it stood on the attribution's date (the analysis files each party's own
//! words once). A claim attributed to several parties is checked against each.

use super::Context;
use crate::analysis::own_words::{Said, Window};
use crate::finding::{Code, Finding};
use crate::model::{Claim, ClaimBase};
use rayon::prelude::*;

/// How many of the attributed party's own claims a contradiction names; the rest are counted.
const NAMED_OWN_CLAIMS: usize = 5;

pub fn attributions(context: &Context) -> Vec<Finding> {
    let base = context.base;
    // An agency quoted by everyone holds most of a base's attributions: they are judged on every
    // core, as are the parties. The findings are sorted after every check has run.
    let own_words = &context.analysis.own_words;
    let lists: Vec<Vec<Finding>> = (context.analysis.attributed.asked().par_iter())
        .map(|asked| {
            let said = own_words.said(base, asked.key);
            (asked.claims.par_iter())
                .filter_map(|&c| judge(base, &said, asked.key, c))
                .collect()
        })
        .collect();
    // One list sized once: gathered on the fly, the lists would grow by doubling side by side.
    let mut findings = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    for list in lists {
        findings.extend(list);
    }
    findings
}

/// The finding on the attribution of claim `c` to the party of `key`, if it is unverified or
/// contradicted by what the party itself says (`said`).
fn judge(
    base: &ClaimBase,
    said: &Said,
    (figure, party, _): (usize, usize, Window),
    c: usize,
) -> Option<Finding> {
    let claim = &base.claims[c];
    let value = claim.value.as_ref()?;
    // A claim by the party itself is not its own confirmation.
    let itself = usize::from(said.contains(c));
    let party_id = &base.speakers[party].id;
    if said.len() == itself {
        return Some(
            Finding::new(
                Code::AttributionUnverified,
                value.location.clone(),
                format!(
                    "`{}` is attributed to `{party_id}`, but the claim base holds no claim by `{party_id}` (or a member) on figure `{}`",
                    value.written, base.figures[figure].id
                ),
            )
            .label(format!("according to `{party_id}`"))
            .help(format!("add what `{party_id}` itself says on this figure, from its own source"))
            .claims([&*claim.id]),
        );
    }
    if said.supports(base, figure, c, claim) {
        return None;
    }
    let (named, standing) = said.standing_by_id(base, c, claim, NAMED_OWN_CLAIMS);
    let own: Vec<&Claim> = named.iter().map(|&other| &base.claims[other]).collect();
    let more = standing - own.len();
    let mut named: Vec<String> = own
        .iter()
        .map(|o| format!("`{}`", o.value.as_ref().map_or("", |v| &*v.written)))
        .collect();
    if more > 0 {
        named.push(format!("and {more} more"));
    }
    let finding = Finding::new(
        Code::AttributionContradicted,
        value.location.clone(),
        format!(
            "`{}` is attributed to `{party_id}`, but `{party_id}`'s own claims on figure `{}` give {}",
            value.written,
            base.figures[figure].id,
            named.join(", ")
        ),
    )
    .label(format!("according to `{party_id}`"))
    .help("compare the attribution with the attributed party's own words")
    .claims(std::iter::once(&*claim.id).chain(own.iter().map(|o| &*o.id)))
    .related_all(own.iter().map(|other| {
        (
            other.value_location().clone(),
            format!("`{party_id}`'s own claim `{}`", other.id),
        )
    }));
    Some(finding)
}

#[cfg(test)]
mod tests {
    use crate::finding::Code;
    use crate::testing::{FIGURE, SOURCES, checked, claim};

    fn codes_on(claims: &str, id: &str) -> Vec<Code> {
        let checked = checked(SOURCES, claims);
        checked
            .findings
            .iter()
            .filter(|f| f.claims.first().is_some_and(|c| &**c == id))
            .map(|f| f.code)
            .filter(|code| {
                matches!(
                    code,
                    Code::AttributionUnverified | Code::AttributionContradicted
                )
            })
            .collect()
    }

    #[test]
    fn a_member_speaks_for_the_party_it_is_affiliated_with() {
        let claims = [
            FIGURE.to_string(),
            claim(
                "ministry-says",
                "230",
                "ministry",
                "basis = [\"official-records\"]",
            ),
            claim(
                "outlet-says",
                "230",
                "outlet",
                "according_to = \"government\"",
            ),
        ]
        .concat();
        assert_eq!(codes_on(&claims, "outlet-says"), []);
    }

    #[test]
    fn the_party_does_not_speak_for_its_members() {
        let claims = [
            FIGURE.to_string(),
            claim("government-says", "230", "government", ""),
            claim(
                "outlet-says",
                "230",
                "outlet",
                "according_to = \"ministry\"",
            ),
        ]
        .concat();
        assert_eq!(
            codes_on(&claims, "outlet-says"),
            [Code::AttributionUnverified]
        );
    }

    #[test]
    fn an_attribution_no_own_claim_supports_is_contradicted() {
        let claims = [
            FIGURE.to_string(),
            claim("government-says", "230", "government", ""),
            claim("ministry-says", "at most 250", "ministry", ""),
            claim(
                "outlet-says",
                "at least 1,500",
                "outlet",
                "according_to = \"government\"",
            ),
        ]
        .concat();
        let checked = checked(SOURCES, &claims);
        let contradicted = checked
            .findings
            .iter()
            .find(|f| f.code == Code::AttributionContradicted)
            .expect("contradicted");
        assert_eq!(
            &*contradicted.claims,
            ["outlet-says", "government-says", "ministry-says"].map(Box::from)
        );
    }

    #[test]
    fn an_attribution_is_checked_against_what_stood_on_its_date() {
        let claims = [
            FIGURE.to_string(),
            claim("first", "208", "watchdog", "as_of = \"2019-12-02\""),
            claim(
                "revised",
                "304",
                "watchdog",
                "as_of = \"2019-12-16\"\nsupersedes = [\"first\"]",
            ),
            // Before the revision, 208 was the watchdog's figure.
            claim(
                "early-repeat",
                "208",
                "outlet",
                "as_of = \"2019-12-05\"\naccording_to = \"watchdog\"",
            ),
            // After it, 208 is no longer what the watchdog says.
            claim(
                "late-repeat",
                "208",
                "outlet",
                "as_of = \"2020-01-10\"\naccording_to = \"watchdog\"",
            ),
        ]
        .concat();
        assert_eq!(codes_on(&claims, "early-repeat"), []);
        assert_eq!(
            codes_on(&claims, "late-repeat"),
            [Code::AttributionContradicted]
        );
    }

    #[test]
    fn a_claim_attributed_to_several_parties_is_checked_against_each() {
        let claims = [
            FIGURE.to_string(),
            claim("government-says", "230", "government", ""),
            claim(
                "outlet-says",
                "230",
                "outlet",
                "according_to = [\"government\", \"watchdog\"]",
            ),
        ]
        .concat();
        assert_eq!(
            codes_on(&claims, "outlet-says"),
            [Code::AttributionUnverified]
        );
    }

    #[test]
    fn a_reported_figure_does_not_speak_for_its_reporter() {
        let claims = [
            FIGURE.to_string(),
            claim("reported", "1,500", "watchdog", "stance = \"reports\""),
            claim(
                "outlet-says",
                "1,500",
                "outlet",
                "according_to = \"watchdog\"",
            ),
        ]
        .concat();
        assert_eq!(
            codes_on(&claims, "outlet-says"),
            [Code::AttributionUnverified]
        );
    }
}

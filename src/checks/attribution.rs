//! Attribution: "according to X" checked against what X, or a member of X, says on the same figure
//! in the same window (the analysis files each party's own words once).

use super::Context;
use crate::analysis::own_words::{compatible, window};
use crate::finding::{Code, Finding};
use crate::model::Claim;

pub fn attributions(context: &Context) -> Vec<Finding> {
    let base = context.base;
    let own_words = &context.analysis.own_words;
    let mut findings = Vec::new();
    for (c, claim) in base.claims.iter().enumerate() {
        let (Some(figure), Some(party), Some(value)) =
            (claim.figure, claim.according_to, &claim.value)
        else {
            continue;
        };
        let window = window(base, claim);
        let own_words: Vec<&Claim> = own_words
            .of(base, (figure, party, window))
            .into_iter()
            .filter(|&other| other != c)
            .map(|other| &base.claims[other])
            .collect();
        let party_id = &base.speakers[party].id;
        if own_words.is_empty() {
            findings.push(
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
                .claims([claim.id.as_str()]),
            );
            continue;
        }
        if own_words
            .iter()
            .any(|other| compatible(base, figure, claim, other))
        {
            continue;
        }
        let mut own_words = own_words;
        own_words.sort_by(|a, b| a.id.cmp(&b.id));
        let mut finding = Finding::new(
            Code::AttributionContradicted,
            value.location.clone(),
            format!(
                "`{}` is attributed to `{party_id}`, but `{party_id}`'s own claims on figure `{}` give {}",
                value.written,
                base.figures[figure].id,
                own_words
                    .iter()
                    .map(|o| format!("`{}`", o.value.as_ref().map_or("", |v| v.written.as_str())))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
        .label(format!("according to `{party_id}`"))
        .help("compare the attribution with the attributed party's own words")
        .claims(std::iter::once(claim.id.as_str()).chain(own_words.iter().map(|o| o.id.as_str())));
        for other in &own_words {
            let location = other
                .value
                .as_ref()
                .map_or(other.location.clone(), |v| v.location.clone());
            finding = finding.related(location, format!("`{party_id}`'s own claim `{}`", other.id));
        }
        findings.push(finding);
    }
    findings
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
            .filter(|f| f.claims.first().is_some_and(|c| c == id))
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
            contradicted.claims,
            ["outlet-says", "government-says", "ministry-says"]
        );
    }
}

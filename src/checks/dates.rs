//! Dates no source can give: the year 0000 (a placeholder or a typo), and a claim dated after the
//! source it appears in was published.

use crate::finding::{Code, Finding};
use crate::model::ClaimBase;
use crate::model::date::PartialDate;

pub fn implausible_dates(base: &ClaimBase) -> Vec<Finding> {
    let year_zero = |date: Option<PartialDate>| date.is_some_and(|d| d.year == 0);
    let sources = base
        .sources
        .iter()
        .filter(|source| year_zero(source.published))
        .map(|source| {
            Finding::new(
                Code::ImplausibleDate,
                source.published_location.clone(),
                format!("source `{}` is dated in the year 0000", source.id),
            )
            .label("year 0000")
            .help("write the year the source was published")
        });
    let claims = base.claims.iter().filter_map(|claim| {
        let location = claim.as_of_location.clone()?;
        let as_of = claim.as_of?;
        if year_zero(Some(as_of)) {
            return Some(
                Finding::new(
                    Code::ImplausibleDate,
                    location,
                    format!("claim `{}` is dated in the year 0000", claim.id),
                )
                .label("year 0000")
                .help("write the date the figure refers to")
                .claims([&*claim.id]),
            );
        }
        let source = &base.sources[claim.source()?];
        let published = source.published?;
        as_of.surely_after(published).then(|| {
            Finding::new(
                Code::ImplausibleDate,
                location,
                format!(
                    "claim `{}` is dated {as_of}, after its source `{}` was published ({published})",
                    claim.id, source.id
                ),
            )
            .label("after the source's date")
            .related(
                source.published_location.clone(),
                format!("`{}` is published {published}", source.id),
            )
            .help("correct the year, or cite the source that gives the later figure")
            .claims([&*claim.id])
        })
    });
    sources.chain(claims).collect()
}

#[cfg(test)]
mod tests {
    use crate::finding::Code;
    use crate::model::date::PartialDate;
    use crate::testing::{FIGURE, SOURCES, checked, claim};

    fn messages(claims: &str) -> Vec<String> {
        checked(SOURCES, claims)
            .findings
            .into_iter()
            .filter(|f| f.code == Code::ImplausibleDate)
            .map(|f| f.message.into())
            .collect()
    }

    #[test]
    fn a_claim_dated_after_its_source_is_flagged_and_one_before_is_not() {
        let claims = [
            FIGURE.to_string(),
            claim("later", "5", "outlet", "as_of = \"2021\""),
            claim("same-year", "5", "outlet", "as_of = \"2020\""),
            claim("earlier", "5", "outlet", "as_of = \"1988\""),
            claim("zero", "5", "outlet", "as_of = \"0000\""),
        ]
        .concat();
        assert_eq!(
            messages(&claims),
            [
                "claim `later` is dated 2021, after its source `article` was published (2020-01-02)",
                "claim `zero` is dated in the year 0000",
            ]
        );
    }

    #[test]
    fn surely_after_compares_the_days_a_partial_date_may_mean() {
        let date = |text| PartialDate::parse(text).unwrap();
        assert!(date("2019").surely_after(date("2018-12-04")));
        assert!(!date("2018-12").surely_after(date("2018")));
        assert!(!date("2018-12-04").surely_after(date("2018-12")));
        assert!(date("2018-12-05").surely_after(date("2018-12-04")));
    }
}

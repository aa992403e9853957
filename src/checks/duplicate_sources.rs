//! Possible duplicate sources: two sources with one sha256 or one URL, which is usually one
//! document recorded twice.

use crate::finding::{Code, Finding};
use crate::input::files::Location;
use crate::model::ClaimBase;
use crate::model::Source;
use foldhash::HashMap;

pub fn duplicate_sources(base: &ClaimBase) -> Vec<Finding> {
    let sources = &base.sources;
    // Sources are set against the one declared first, by file and place.
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by_key(|&i| (sources[i].location.file, sources[i].location.span().start));
    // The first source with each hash (and where it is written), and with each address.
    let mut by_hash: HashMap<&str, (usize, Location)> = HashMap::default();
    let mut by_url: HashMap<String, (usize, &str)> = HashMap::default();
    let mut findings = Vec::new();
    for i in order {
        let source = &sources[i];
        let file = source.location.file;
        // Both maps learn every source, whichever of them finds the duplicate.
        let same_hash = source.sha256.as_ref().and_then(|hash| {
            let here = Location::new(file, hash.span());
            let (first, first_place) = by_hash.entry(hash.get_ref()).or_insert((i, here.clone()));
            (*first != i).then(|| (*first, first_place.clone(), here, hash.get_ref()))
        });
        let same_url = source.url.as_deref().and_then(|url| {
            let &mut (first, first_url) = by_url.entry(normalise_url(url)).or_insert((i, url));
            (first != i).then_some((first, first_url, url))
        });
        if let Some((earlier, earlier_place, here, hash)) = same_hash {
            findings.push(source_finding(
                source,
                &sources[earlier],
                (here, earlier_place),
                format!("both have the sha256 `{hash}`"),
            ));
        } else if let Some((earlier, earlier_url, url)) = same_url {
            let reason = if url == earlier_url {
                format!("both have the URL `{url}`")
            } else {
                format!("their URLs `{url}` and `{earlier_url}` name one address")
            };
            let places = (source.location.clone(), sources[earlier].location.clone());
            findings.push(source_finding(source, &sources[earlier], places, reason));
        }
    }
    findings
}

/// A finding on `source`, at the first place of `places`, with the second (in `earlier`) related.
fn source_finding(
    source: &Source,
    earlier: &Source,
    (location, earlier_location): (Location, Location),
    reason: String,
) -> Finding {
    Finding::new(
        Code::PossibleDuplicateSource,
        location,
        format!(
            "source `{}` may be `{}` recorded twice: {reason}",
            source.id, earlier.id
        ),
    )
    .label(format!("possibly the same as `{}`", earlier.id))
    .related(earlier_location, format!("the earlier record `{}`", earlier.id))
    .help(format!(
        "if they are one document, keep `{}`, point every claim and basis naming `{}` at it and remove `{}`",
        earlier.id, source.id, source.id
    ))
}

/// A URL as compared: scheme and host in lower case (they are case-insensitive) and no trailing
/// slash on the path. Nothing else is rewritten, so `http` and `https` stay two addresses.
fn normalise_url(url: &str) -> String {
    let url = url.trim();
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.trim_end_matches('/').to_string();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, rest) = rest.split_at(authority_end);
    let (user, host) = match authority.rsplit_once('@') {
        Some((user, host)) => (format!("{user}@"), host),
        None => (String::new(), authority),
    };
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let (path, tail) = rest.split_at(path_end);
    format!(
        "{}://{user}{}{}{tail}",
        scheme.to_ascii_lowercase(),
        host.to_lowercase(),
        path.trim_end_matches('/')
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{FIGURE, SOURCES, checked};

    /// The duplicate findings of a base with these extra sources, as (related, message).
    fn duplicates(records: &str) -> Vec<(String, String)> {
        let checked = checked(&format!("{SOURCES}{records}"), FIGURE);
        checked
            .findings
            .iter()
            .filter(|f| f.code == Code::PossibleDuplicateSource)
            .map(|f| (f.related[0].message.to_string(), f.message.to_string()))
            .collect()
    }

    fn source(id: &str, extra: &str) -> String {
        format!(
            "\n[[source]]\nid = \"{id}\"\ntitle = \"A report\"\npublisher = \"watchdog\"\nkind = \"report\"\npublished = \"2020\"\n{extra}\n"
        )
    }

    #[test]
    fn sources_with_one_hash_or_one_address_are_duplicates() {
        let hash = "aa4d8701ed3b4a1ada5dcffc896e56d0d1ace4a9cc71f8bf94cb93294344dd90";
        let found = duplicates(
            &[
                source(
                    "report",
                    &format!("sha256 = \"{hash}\"\nurl = \"https://example.org/report\""),
                ),
                source(
                    "report-copy",
                    &format!("sha256 = \"{}\"", hash.to_uppercase()),
                ),
                source("report-page", "url = \"HTTPS://Example.ORG/report/\""),
                source("report-http", "url = \"http://example.org/report\""),
                source(
                    "report-query",
                    "url = \"https://example.org/report?page=2\"",
                ),
            ]
            .concat(),
        );
        assert_eq!(
            found,
            [
                ("the earlier record `report`".to_string(), format!("source `report-copy` may be `report` recorded twice: both have the sha256 `{hash}`")),
                ("the earlier record `report`".to_string(), "source `report-page` may be `report` recorded twice: their URLs `HTTPS://Example.ORG/report/` and `https://example.org/report` name one address".to_string()),
            ]
        );
    }

    #[test]
    fn urls_are_compared_without_case_in_scheme_and_host_nor_a_trailing_slash() {
        assert_eq!(
            normalise_url(" HTTPS://User@Example.ORG:443/A/B//?Q=1#Top "),
            "https://User@example.org:443/A/B?Q=1#Top"
        );
        assert_eq!(normalise_url("example.org/a/"), "example.org/a");
    }
}

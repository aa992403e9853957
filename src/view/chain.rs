//! How a claim's origin was found, link by link: the claims and sources its basis rests on, the
//! attributed party's own claim an attribution follows, and where each path ends (a first-hand
//! basis, a source's authors or else its publisher, the attributed party, the speaker). Shown in the JSON as `chain` and in the
//! report's origin column.

use super::report::LinkView;
use crate::analysis::origins::Origins;
use crate::model::{Basis, ClaimBase};
use std::collections::HashSet;

/// How many links a chain shows; a longer one ends with a link saying how many were left out.
const SHOWN_LINKS: usize = 20;

pub fn chain(base: &ClaimBase, origins: &Origins, start: usize) -> Vec<LinkView> {
    let mut links = Vec::new();
    let mut seen = HashSet::from([start]);
    let mut stack = vec![start];
    let mut left_out = 0;
    while let Some(c) = stack.pop() {
        let claim = &base.claims[c];
        let mut push = |links: &mut Vec<LinkView>, via: &str, to: &str, to_kind: &'static str| {
            if links.len() < SHOWN_LINKS {
                links.push(LinkView {
                    from: claim.id.clone(),
                    via: via.to_string(),
                    to: to.to_string(),
                    to_kind,
                });
            } else {
                left_out += 1;
            }
        };
        for basis in claim.basis.iter().rev() {
            match *basis {
                Basis::Claim(d) => {
                    push(&mut links, "basis", &base.claims[d].id, "claim");
                    if seen.insert(d) {
                        stack.push(d);
                    }
                }
                Basis::Source(s) => {
                    let source = &base.sources[s];
                    push(&mut links, "basis", &source.id, "source");
                    for &author in &source.authors {
                        push(
                            &mut links,
                            "written by",
                            &base.speakers[author].id,
                            "speaker",
                        );
                    }
                    if let (Some(publisher), true) = (source.publisher, source.authors.is_empty()) {
                        push(
                            &mut links,
                            "published by",
                            &base.speakers[publisher].id,
                            "speaker",
                        );
                    }
                }
                Basis::FirstHand(kind) => {
                    for party in claim.voices() {
                        push(&mut links, kind.name(), &base.speakers[party].id, "speaker");
                    }
                }
            }
        }
        if !claim.basis.is_empty() {
            continue;
        }
        for (k, &party) in claim.according_to.iter().enumerate() {
            match origins.followed[c].get(k).copied().flatten() {
                Some(d) => {
                    let via = format!("according to {}", base.speakers[party].id);
                    push(&mut links, &via, &base.claims[d].id, "claim");
                    if seen.insert(d) {
                        stack.push(d);
                    }
                }
                None => push(
                    &mut links,
                    "according to",
                    &base.speakers[party].id,
                    "speaker",
                ),
            }
        }
        if let (true, Some(speaker)) = (claim.according_to.is_empty(), claim.speaker) {
            push(
                &mut links,
                "stated by",
                &base.speakers[speaker].id,
                "speaker",
            );
        }
    }
    if left_out > 0 {
        links.push(LinkView {
            from: String::new(),
            via: format!("{left_out} more links"),
            to: String::new(),
            to_kind: "",
        });
    }
    links
}

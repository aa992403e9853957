//! How a claim's origin was found, link by link: the claims and sources its basis rests on, the
//! attributed party's own claim an attribution follows, and where each path ends (a first-hand
//! basis, a source's authors or else its publisher, the attributed party, the speaker). Shown in the JSON as `chain` and in the
//! report's origin column.

use super::report::LinkView;
use crate::analysis::origins::Origins;
use crate::model::{Basis, ClaimBase};
use foldhash::HashSet;
use std::borrow::Cow;

/// How many links a chain shows; a longer one ends with a link saying how many were left out.
const SHOWN_LINKS: usize = 20;
/// How many left-out links are counted before the walk stops: following every chain to its end
/// would cost a chain of n claims n² in all, each of its claims walking the rest of it.
const COUNTED_LINKS: usize = 200;

/// Where chains are walked: one set, stack and list serve every claim a worker walks, and each
/// chain is handed out in a list exactly its length (four chains in five are one link).
#[derive(Default)]
pub struct ChainWalk<'a> {
    seen: HashSet<usize>,
    stack: Vec<usize>,
    links: Vec<LinkView<'a>>,
}

impl<'a> ChainWalk<'a> {
    pub fn chain(
        &mut self,
        base: &'a ClaimBase,
        origins: &Origins,
        start: usize,
    ) -> Vec<LinkView<'a>> {
        self.seen.clear();
        self.seen.insert(start);
        self.stack.clear();
        self.stack.push(start);
        self.walk(base, origins);
        let mut chain = Vec::with_capacity(self.links.len());
        chain.append(&mut self.links);
        chain
    }

    fn walk(&mut self, base: &'a ClaimBase, origins: &Origins) {
        let ChainWalk { seen, stack, links } = self;
        let mut left_out = 0;
        while let Some(c) = stack.pop() {
            if left_out >= COUNTED_LINKS {
                break;
            }
            let claim = &base.claims[c];
            let mut push = |links: &mut Vec<LinkView<'a>>,
                            via: Cow<'a, str>,
                            to: &'a str,
                            to_kind: &'static str| {
                if links.len() < SHOWN_LINKS {
                    links.push(LinkView {
                        from: &claim.id,
                        via,
                        to,
                        to_kind,
                    });
                } else {
                    left_out += 1;
                }
            };
            for basis in claim.basis.iter().rev() {
                match *basis {
                    Basis::Claim(d) => {
                        push(links, "basis".into(), &base.claims[d].id, "claim");
                        if seen.insert(d) {
                            stack.push(d);
                        }
                    }
                    Basis::Source(s) => {
                        let source = &base.sources[s];
                        push(links, "basis".into(), &source.id, "source");
                        for &author in &source.authors {
                            push(
                                links,
                                "written by".into(),
                                &base.speakers[author].id,
                                "speaker",
                            );
                        }
                        if let (Some(publisher), true) =
                            (source.publisher, source.authors.is_empty())
                        {
                            push(
                                links,
                                "published by".into(),
                                &base.speakers[publisher].id,
                                "speaker",
                            );
                        }
                    }
                    Basis::FirstHand(kind) => {
                        for party in claim.voices() {
                            push(
                                links,
                                kind.name().into(),
                                &base.speakers[party].id,
                                "speaker",
                            );
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
                        push(links, via.into(), &base.claims[d].id, "claim");
                        if seen.insert(d) {
                            stack.push(d);
                        }
                    }
                    None => push(
                        links,
                        "according to".into(),
                        &base.speakers[party].id,
                        "speaker",
                    ),
                }
            }
            if let (true, Some(speaker)) = (claim.according_to.is_empty(), claim.speaker()) {
                push(
                    links,
                    "stated by".into(),
                    &base.speakers[speaker].id,
                    "speaker",
                );
            }
        }
        if left_out > 0 {
            let how_many = if left_out >= COUNTED_LINKS {
                format!("at least {left_out} more links")
            } else {
                format!("{left_out} more links")
            };
            links.push(LinkView {
                from: "",
                via: how_many.into(),
                to: "",
                to_kind: "",
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{FIGURE, SOURCES, checked, claim, claim_index};

    /// Claims `c0` … `c{n-1}`, each resting on the one before; `c0` on the article.
    fn chain_of(n: usize) -> crate::Checked {
        let mut claims = FIGURE.to_string();
        claims.push_str(&claim("c0", "100", "outlet", "basis = [\"article\"]"));
        for i in 1..n {
            let basis = format!("basis = [\"c{}\"]", i - 1);
            claims.push_str(&claim(&format!("c{i}"), "100", "outlet", &basis));
        }
        checked(SOURCES, &claims)
    }

    fn last_via(n: usize, from: &str) -> String {
        let checked = chain_of(n);
        let start = claim_index(&checked, from);
        let links = ChainWalk::default().chain(&checked.base, &checked.analysis.origins, start);
        assert_eq!(links.len(), SHOWN_LINKS + 1, "{links:?}");
        links.last().unwrap().via.to_string()
    }

    #[test]
    fn a_long_chain_shows_its_first_links_and_counts_the_rest() {
        // 30 claims: 29 basis links, the article, and its publisher.
        assert_eq!(last_via(30, "c29"), "11 more links");
    }

    #[test]
    fn a_very_long_chain_is_counted_only_so_far() {
        assert_eq!(
            last_via(COUNTED_LINKS + 100, &format!("c{}", COUNTED_LINKS + 99)),
            format!("at least {COUNTED_LINKS} more links")
        );
    }
}

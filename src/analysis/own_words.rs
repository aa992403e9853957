//! A party's own words: the claims by a party or one of its members on a figure in a window, filed
//! once per figure and window in the order of their speakers' membership numbers, so a party's
//! members' claims are one slice found by binary search, however many claims cite the party and
//! however deep its affiliations run. Attribution checks read them, and origins follow an
//! attribution to the attributed party's own claim through them.

use super::compare::fold_label;
use super::membership::{Membership, walk_members};
use crate::input::records::ValueKind;
use crate::model::date::PartialDate;
use crate::model::{Claim, ClaimBase};
use std::collections::HashMap;

/// The window a claim is compared in: its `as_of` cut to the figure's window for varying figures;
/// `None` when a varying figure's claim has no usable date (such claims are compared among
/// themselves).
pub fn window(base: &ClaimBase, claim: &Claim) -> Option<Option<PartialDate>> {
    let figure = &base.figures[claim.figure?];
    if !figure.varies {
        return Some(None);
    }
    let date = claim.as_of?;
    (date.precision() <= figure.window).then(|| Some(date.truncate(figure.window)))
}

pub type Window = Option<Option<PartialDate>>;

/// The claims on each figure and window, filed so a party's members' claims are quick to find.
pub struct OwnWords {
    membership: Membership,
    /// (figure, window) -> (membership number of the speaker, claim), sorted: speakers in forests.
    numbered: HashMap<(usize, Window), Vec<(u32, usize)>>,
    /// (figure, speaker, window) -> claims: speakers whose group is walked party by party.
    by_speaker: HashMap<(usize, usize, Window), Vec<usize>>,
}

impl OwnWords {
    pub fn file(base: &ClaimBase) -> OwnWords {
        let membership = Membership::of(base);
        let mut own = OwnWords {
            membership,
            numbered: HashMap::new(),
            by_speaker: HashMap::new(),
        };
        for (c, claim) in base.claims.iter().enumerate() {
            let (Some(figure), Some(speaker)) = (claim.figure, claim.speaker) else {
                continue;
            };
            let window = window(base, claim);
            match own.membership.number(speaker) {
                Some(number) => own
                    .numbered
                    .entry((figure, window))
                    .or_default()
                    .push((number, c)),
                None => own
                    .by_speaker
                    .entry((figure, speaker, window))
                    .or_default()
                    .push(c),
            }
        }
        own.numbered
            .values_mut()
            .for_each(|claims| claims.sort_unstable());
        own
    }

    /// The claims by `party` or its members on `figure` in `window`.
    pub fn of(
        &self,
        base: &ClaimBase,
        (figure, party, window): (usize, usize, Window),
    ) -> Vec<usize> {
        match self.membership.members(party) {
            Some(range) => {
                let claims = self
                    .numbered
                    .get(&(figure, window))
                    .map_or(&[][..], Vec::as_slice);
                let from = claims.partition_point(|&(n, _)| n < range.start);
                let to = claims.partition_point(|&(n, _)| n < range.end);
                claims[from..to].iter().map(|&(_, c)| c).collect()
            }
            None => walk_members(base, party)
                .into_iter()
                .filter_map(|member| self.by_speaker.get(&(figure, member, window)))
                .flatten()
                .copied()
                .collect(),
        }
    }
}

/// Whether two claims on a figure can both be true: overlapping readings, or equal labels.
pub fn compatible(base: &ClaimBase, figure: usize, a: &Claim, b: &Claim) -> bool {
    let (Some(x), Some(y)) = (&a.value, &b.value) else {
        return false;
    };
    match base.figures[figure].values {
        ValueKind::Label => fold_label(&x.written) == fold_label(&y.written),
        ValueKind::Count => match (&x.reading, &y.reading) {
            (Some(x), Some(y)) => x.overlaps(y),
            // An unreadable value has its own finding; it neither supports nor contradicts.
            _ => true,
        },
    }
}

impl OwnWords {
    /// The attributed party's own claim an attribution follows: for a claim "according to X" on a
    /// figure, X's (or a member's) claim in the same window whose value is compatible: one giving
    /// the very same reading first, then the nearest in time, then the first by id. `None` when X
    /// says nothing compatible there.
    pub fn followed(&self, base: &ClaimBase, c: usize) -> Option<usize> {
        let claim = &base.claims[c];
        let (figure, party) = (claim.figure?, claim.according_to?);
        claim.value.as_ref()?;
        self.of(base, (figure, party, window(base, claim)))
            .into_iter()
            .filter(|&d| d != c && compatible(base, figure, claim, &base.claims[d]))
            .min_by_key(|&d| {
                let other = &base.claims[d];
                let same = same_reading(claim, other);
                (!same, distance(claim.as_of, other.as_of), &other.id)
            })
    }
}

/// Whether two claims give the same value: the same reading, or the same label.
fn same_reading(a: &Claim, b: &Claim) -> bool {
    match (&a.value, &b.value) {
        (Some(x), Some(y)) => match (&x.reading, &y.reading) {
            (Some(x), Some(y)) => {
                (x.low, x.high, x.point, x.rule) == (y.low, y.high, y.point, y.rule)
            }
            _ => fold_label(&x.written) == fold_label(&y.written),
        },
        _ => false,
    }
}

/// Days between two partial dates, each taken at the middle of what it may mean; unknown dates are
/// as far as can be.
fn distance(a: Option<PartialDate>, b: Option<PartialDate>) -> i64 {
    let day = |date: PartialDate| {
        i64::from(date.year) * 372
            + i64::from(date.month.map_or(6, |m| m - 1)) * 31
            + i64::from(date.day.unwrap_or(15))
    };
    match (a, b) {
        (Some(a), Some(b)) => (day(a) - day(b)).abs(),
        _ => i64::MAX,
    }
}

//! A party's own words: the claims by a party or one of its members on a figure in a window, filed
//! once per figure and window in the order of their speakers' membership numbers, so a party's
//! members' claims are one slice found by binary search, however many claims cite the party and
//! however deep its affiliations run. A value the speaker only reports is not its own word; a
//! member by a dated affiliation speaks for the party only within the dates. Attribution checks
//! read them, at the date of the attribution (a claim replaced before then no longer speaks for
//! the party), and origins follow an attribution to the attributed party's own claim through them.

mod standing;

use super::compare::fold_label;
use super::membership::{Membership, walk_members};
use crate::input::records::ValueKind;
use crate::model::date::PartialDate;
use crate::model::{Affiliation, Claim, ClaimBase};
use crate::value::{Number, Rule};
use foldhash::{HashMap, HashSet};
use standing::Standing;
use std::sync::OnceLock;

/// The window a claim is compared in: its `as_of` cut to the figure's window for varying figures;
/// `None` when a varying figure's claim has no usable date (such claims are compared among
/// themselves).
pub fn window(base: &ClaimBase, claim: &Claim) -> Option<Option<PartialDate>> {
    let figure = &base.figures[claim.figure()?];
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
    /// Dated affiliations, (member, party): few, so each party's are found by a scan.
    dated: Vec<(usize, Affiliation)>,
}

impl OwnWords {
    pub fn file(base: &ClaimBase) -> OwnWords {
        let membership = Membership::of(base);
        let dated = base.dated_affiliations().collect();
        let mut own = OwnWords {
            membership,
            numbered: HashMap::default(),
            by_speaker: HashMap::default(),
            dated,
        };
        for (c, claim) in base.claims.iter().enumerate() {
            let (Some(figure), Some(speaker), true) =
                (claim.figure(), claim.speaker(), claim.is_own_position())
            else {
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
    pub fn of(&self, base: &ClaimBase, key: (usize, usize, Window)) -> Vec<usize> {
        let mut claims = self.of_members(base, key);
        if !self.dated.is_empty() {
            let mut seen = HashSet::from_iter([key.1]);
            self.add_dated_members(base, key, &mut seen, &mut claims);
        }
        claims
    }

    /// The claims of members by dated affiliations, within their dates, and of their members.
    fn add_dated_members(
        &self,
        base: &ClaimBase,
        (figure, party, window): (usize, usize, Window),
        seen: &mut HashSet<usize>,
        claims: &mut Vec<usize>,
    ) {
        for &(member, affiliation) in &self.dated {
            if !self.is_member(base, affiliation.speaker, party) || !seen.insert(member) {
                continue;
            }
            let key = (figure, member, window);
            let mut theirs = self.of_members(base, key);
            self.add_dated_members(base, key, seen, &mut theirs);
            claims.extend(
                theirs
                    .into_iter()
                    .filter(|&c| affiliation.holds_at(base.claims[c].as_of)),
            );
        }
    }

    /// Whether `speaker` is `party` or one of its members by undated affiliations.
    fn is_member(&self, base: &ClaimBase, speaker: usize, party: usize) -> bool {
        match (
            self.membership.members(party),
            self.membership.number(speaker),
        ) {
            (Some(range), Some(number)) => range.contains(&number),
            _ => speaker == party || walk_members(base, party).contains(&speaker),
        }
    }

    /// The claims by `party` or its members by undated affiliations.
    fn of_members(
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

/// How far from its date the search for a compatible claim looks, in claims, when the party never
/// gave the same value: it keeps one party quoted by everyone from costing claims squared.
const NEAREST_SCAN: usize = 1_024;

/// A party's own claims on one figure in one window, indexed for the two questions attributions
/// ask: is any of them compatible with a value, and which compatible one is nearest in time.
pub struct Said {
    /// (day, claim), by day then id.
    by_date: Vec<(i64, usize)>,
    /// The claims giving each reading or label, as (day, claim) by day then id.
    by_value: HashMap<ValueKey, Vec<(i64, usize)>>,
    /// What the claims standing on each day say: worked out when an attribution first asks
    /// (origins only follow attributions).
    standing: OnceLock<Standing>,
    is_count: bool,
    members: HashSet<usize>,
    /// For each claim replaced by a later one, the day of the earliest replacement.
    replaced_on: HashMap<usize, i64>,
}

#[derive(PartialEq, Eq, Hash)]
enum ValueKey {
    Count(Number, Option<Number>, Option<Number>, Rule),
    Label(String),
}

fn value_key(claim: &Claim) -> Option<ValueKey> {
    let value = claim.value.as_ref()?;
    Some(match &value.reading {
        Some(r) => ValueKey::Count(r.low, r.high, r.point, r.rule),
        None => ValueKey::Label(fold_label(&value.written)),
    })
}

impl OwnWords {
    /// The index of what `party` (or a member) says on `figure` in `window`.
    pub fn said(&self, base: &ClaimBase, key: (usize, usize, Window)) -> Said {
        let day = |c: usize| claim_day(&base.claims[c]);
        let mut by_date: Vec<(i64, usize)> = self
            .of(base, key)
            .into_iter()
            .map(|c| (day(c), c))
            .collect();
        by_date.sort_by(|a, b| (a.0, &base.claims[a.1].id).cmp(&(b.0, &base.claims[b.1].id)));
        let is_count = base.figures[key.0].values == ValueKind::Count;
        let mut by_value: HashMap<ValueKey, Vec<(i64, usize)>> = HashMap::default();
        for &(d, c) in &by_date {
            if let Some(key) = value_key(&base.claims[c]) {
                by_value.entry(key).or_default().push((d, c));
            }
        }
        let replaced_on: HashMap<usize, i64> = by_date
            .iter()
            .filter_map(|&(_, c)| {
                let replaced = base.claims[c]
                    .superseded_by()
                    .iter()
                    .map(|&r| day(r))
                    .min()?;
                Some((c, replaced))
            })
            .collect();
        Said {
            standing: OnceLock::new(),
            is_count,
            replaced_on,
            members: by_date.iter().map(|&(_, c)| c).collect(),
            by_date,
            by_value,
        }
    }
}

impl Said {
    pub fn is_empty(&self) -> bool {
        self.by_date.is_empty()
    }

    pub fn len(&self) -> usize {
        self.by_date.len()
    }

    /// Whether claim `c` is one of these claims.
    pub fn contains(&self, c: usize) -> bool {
        self.members.contains(&c)
    }

    fn standing(&self, base: &ClaimBase) -> &Standing {
        self.standing.get_or_init(|| {
            let claims: Vec<usize> = self.by_date.iter().map(|&(_, c)| c).collect();
            let until = |c: usize| self.replaced_on.get(&c).copied();
            Standing::of(base, &claims, !self.is_count, until)
        })
    }

    /// Whether claim `c` was not yet replaced on `day`. An undated replacement is taken to come
    /// after any dated attribution, and before an undated one.
    fn stands_on(&self, c: usize, day: i64) -> bool {
        self.replaced_on
            .get(&c)
            .is_none_or(|&replaced| replaced > day)
    }

    /// Whether some claim other than `c` (the attribution `claim`) standing on its date could be
    /// true together with its value. A value the grammar could not read has a finding of its
    /// own: it is not said to be contradicted.
    pub fn supports(&self, base: &ClaimBase, figure: usize, c: usize, claim: &Claim) -> bool {
        let Some(value) = &claim.value else {
            return false;
        };
        let index = self.standing(base);
        let standing = index.on(claim_day(claim));
        if base.figures[figure].values == ValueKind::Label {
            return index.says_label(&fold_label(&value.written), standing, c);
        }
        let Some(reading) = &value.reading else {
            return true;
        };
        // A claim whose value could not be read neither supports nor contradicts: it is compatible.
        index.any_unread(standing) || index.overlaps(reading.low, reading.high, standing, c)
    }

    /// The first `limit` of the claims other than `c` standing on `claim`'s date, by id, and how
    /// many there are in all: those a contradiction names.
    pub fn standing_by_id(
        &self,
        base: &ClaimBase,
        c: usize,
        claim: &Claim,
        limit: usize,
    ) -> (Vec<usize>, usize) {
        let index = self.standing(base);
        index.first_by_id(base, index.on(claim_day(claim)), c, limit)
    }

    /// The claim an attribution follows: one giving the very same value first, nearest in time
    /// (then by id); else the nearest compatible one within [`NEAREST_SCAN`] claims of its date.
    pub fn followed(&self, base: &ClaimBase, figure: usize, c: usize) -> Option<usize> {
        let claim = &base.claims[c];
        let day = claim_day(claim);
        let nearest = |list: &[(i64, usize)], limit: usize, ok: &dyn Fn(usize) -> bool| {
            let at = list.partition_point(|&(d, _)| d < day);
            let (mut before, mut after) = (at, at);
            let mut best: Option<(i64, &str, usize)> = None;
            for _ in 0..limit {
                let pick = match (before.checked_sub(1).map(|i| list[i]), list.get(after)) {
                    (Some(b), Some(&a)) if day.abs_diff(a.0) <= day.abs_diff(b.0) => {
                        after += 1;
                        a
                    }
                    (Some(b), _) => {
                        before -= 1;
                        b
                    }
                    (None, Some(&a)) => {
                        after += 1;
                        a
                    }
                    (None, None) => break,
                };
                let (d, other) = pick;
                // Claims come nearest first: once they are further than the best, none can beat it.
                if best.is_some_and(|b| d.abs_diff(day) as i64 > b.0) {
                    break;
                }
                if other == c || !self.stands_on(other, day) || !ok(other) {
                    continue;
                }
                let key = (d.abs_diff(day) as i64, &*base.claims[other].id, other);
                if best.is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
                    best = Some(key);
                }
            }
            best.map(|(_, _, other)| other)
        };
        if let Some(same) = value_key(claim).and_then(|key| self.by_value.get(&key))
            && let Some(found) = nearest(same, same.len(), &|_| true)
        {
            return Some(found);
        }
        nearest(&self.by_date, NEAREST_SCAN, &|other| {
            compatible(base, figure, claim, &base.claims[other])
        })
    }
}

/// A claim's date as a day number; an undated claim comes after every dated one.
fn claim_day(claim: &Claim) -> i64 {
    claim.as_of.map_or(i64::MAX, day_number)
}

/// A date as a day number, taken at the middle of what a partial date may mean.
fn day_number(date: PartialDate) -> i64 {
    i64::from(date.year) * 372
        + i64::from(date.month.map_or(6, |m| m - 1)) * 31
        + i64::from(date.day.unwrap_or(15))
}

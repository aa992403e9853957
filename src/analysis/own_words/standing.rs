//! Which of a party's own claims stand on a date, and what they say. A claim stops standing when a
//! later one replaces it, so, ordered by the day they stop standing (never-replaced ones first),
//! the claims standing on any day are a prefix of the order. Each question an attribution asks of
//! that prefix (is a claim other than the attribution itself compatible with its value? which
//! come first by id, and how many are there?) is answered from the prefix's blocks, as a Fenwick
//! tree splits a prefix: a few binary searches, however many claims the party made or revised.

use crate::analysis::compare::fold_label;
use crate::model::ClaimBase;
use crate::value::Number;
use foldhash::HashMap;
use std::cmp::Reverse;
use std::ops::Range;
use std::sync::OnceLock;

/// How many of a block's claims are kept in id order: enough to name a contradiction's claims
/// when the attribution itself is among them.
const FIRST_BY_ID: usize = 6;

/// A reading's upper end: `None` is open upwards, above every number.
type Upper = Option<Number>;

pub(super) struct Standing {
    /// The claims, those standing longest first.
    order: Vec<usize>,
    /// The day each claim of `order` stops standing; `None` for one never replaced.
    until: Vec<Option<i64>>,
    /// Where each claim stands in `order`.
    position: HashMap<usize, usize>,
    /// Block `i` holds the places `i + 1 - lowest_bit(i + 1) .. i + 1` of `order`. Only the
    /// blocks of prefixes that can stand on some day are filled: with no claim replaced, a few
    /// blocks hold each claim once.
    blocks: Vec<Block>,
    /// Of the first `n` claims of `order`, how many give a value the grammar could not read
    /// (`unread[n]`).
    unread: Vec<usize>,
    /// On label figures: the places of the claims giving each label, folded, in order.
    labels: HashMap<String, Vec<usize>>,
}

#[derive(Default)]
struct Block {
    /// The block's readings by lower end.
    lows: Vec<Number>,
    /// For each reading of `lows`, the two highest upper ends among it and those before it,
    /// with their places (the highest first): the second answers when the first is the claim
    /// asking.
    highest: Vec<[Option<(Upper, usize)>; 2]>,
    /// The places the block holds.
    places: Range<usize>,
    /// The places of the block's first claims by id, in id order: found when a contradiction
    /// first asks (most attributions are not contradicted).
    first_by_id: OnceLock<Vec<usize>>,
}

impl Standing {
    /// The index of `claims` (a party's own claims on one figure, of labels or not), each
    /// standing until the day `until` gives (`None`: never replaced).
    pub(super) fn of(
        base: &ClaimBase,
        claims: &[usize],
        labels_figure: bool,
        until: impl Fn(usize) -> Option<i64>,
    ) -> Self {
        // Latest first (never replaced before all), then by claim, so the order does not depend on
        // how the claims were found.
        let mut keyed: Vec<(Reverse<i128>, usize)> = (claims.iter())
            .map(|&c| (Reverse(until(c).map_or(i128::MAX, i128::from)), c))
            .collect();
        keyed.sort_unstable();
        keyed.dedup();
        let order: Vec<usize> = keyed.iter().map(|&(_, c)| c).collect();
        let until: Vec<Option<i64>> = (keyed.into_iter())
            .map(|(Reverse(until), _)| i64::try_from(until).ok())
            .collect();
        let position = order.iter().enumerate().map(|(at, &c)| (c, at)).collect();
        let is_unread = |c: usize| {
            let value = base.claims[c].value.as_ref();
            value.is_some_and(|v| v.reading.is_none())
        };
        let mut unread = vec![0];
        for &c in &order {
            unread.push(unread.last().copied().unwrap_or(0) + usize::from(is_unread(c)));
        }
        let mut labels: HashMap<String, Vec<usize>> = HashMap::default();
        for (at, &c) in order.iter().enumerate().filter(|_| labels_figure) {
            if let Some(value) = &base.claims[c].value {
                labels
                    .entry(fold_label(&value.written))
                    .or_default()
                    .push(at);
            }
        }
        // The claims standing on a day end where the day they stop standing changes.
        let mut needed = vec![false; order.len()];
        for standing in (1..=order.len()).filter(|&n| n == order.len() || until[n - 1] != until[n])
        {
            let mut end = standing;
            while end > 0 && !needed[end - 1] {
                needed[end - 1] = true;
                end -= lowest_bit(end);
            }
        }
        let blocks = (1..=order.len())
            .map(|end| match needed[end - 1] {
                true => Block::of(base, &order, end - lowest_bit(end)..end),
                false => Block::default(),
            })
            .collect();
        Standing {
            order,
            until,
            position,
            blocks,
            unread,
            labels,
        }
    }

    /// How many claims stand on `day`: the first of `order`.
    pub(super) fn on(&self, day: i64) -> usize {
        (self.until).partition_point(|until| until.is_none_or(|until| until > day))
    }

    /// The place of claim `c` among the first `standing`, if it is one of them.
    fn place_within(&self, c: usize, standing: usize) -> Option<usize> {
        self.position.get(&c).copied().filter(|&at| at < standing)
    }

    /// Whether one of the first `standing` claims other than `c` gives `label` (folded).
    pub(super) fn says_label(&self, label: &str, standing: usize, c: usize) -> bool {
        let asking = self.place_within(c, standing);
        let places = self.labels.get(label).map_or(&[][..], Vec::as_slice);
        // Places are in order: the first two tell, whichever is the claim asking.
        places
            .iter()
            .take(2)
            .any(|&at| at < standing && Some(at) != asking)
    }

    /// Whether one of the first `standing` claims gives a value the grammar could not read. (An
    /// attribution asking has read its own value: it is never one of them.)
    pub(super) fn any_unread(&self, standing: usize) -> bool {
        self.unread[standing] > 0
    }

    /// Whether the reading of one of the first `standing` claims other than `c` overlaps the
    /// interval from `low` to `high` (open upwards when `None`).
    pub(super) fn overlaps(&self, low: Number, high: Upper, standing: usize, c: usize) -> bool {
        let asking = self.place_within(c, standing);
        let mut end = standing;
        while end > 0 {
            let block = &self.blocks[end - 1];
            let upto = match high {
                Some(high) => block.lows.partition_point(|&l| l <= high),
                None => block.lows.len(),
            };
            let highest = upto.checked_sub(1).map(|at| &block.highest[at]);
            let other =
                highest.and_then(|two| two.iter().flatten().find(|(_, at)| Some(*at) != asking));
            if other.is_some_and(|&(upper, _)| upper.is_none_or(|upper| upper >= low)) {
                return true;
            }
            end -= lowest_bit(end);
        }
        false
    }

    /// The first `limit` of the first `standing` claims other than `c`, in id order, and how many
    /// of them there are in all.
    pub(super) fn first_by_id(
        &self,
        base: &ClaimBase,
        standing: usize,
        c: usize,
        limit: usize,
    ) -> (Vec<usize>, usize) {
        let asking = self.place_within(c, standing);
        let mut first = Vec::new();
        let mut end = standing;
        while end > 0 {
            first.extend(self.blocks[end - 1].first_by_id(base, &self.order));
            end -= lowest_bit(end);
        }
        first.retain(|&at| Some(at) != asking);
        first.sort_by(|&a, &b| id_order(base, self.order[a], self.order[b]));
        first.truncate(limit);
        let claims = first.into_iter().map(|at| self.order[at]).collect();
        (claims, standing - usize::from(asking.is_some()))
    }
}

impl Block {
    fn of(base: &ClaimBase, order: &[usize], places: Range<usize>) -> Block {
        let mut readings: Vec<(Number, Upper, usize)> = places
            .clone()
            .filter_map(|at| {
                let reading = base.claims[order[at]].value.as_ref()?.reading.as_ref()?;
                Some((reading.low, reading.high, at))
            })
            .collect();
        readings.sort_by_key(|&(low, _, at)| (low, at));
        let mut two: [Option<(Upper, usize)>; 2] = [None, None];
        let highest = readings
            .iter()
            .map(|&(_, upper, at)| {
                let candidate = Some((upper, at));
                if two[0].is_none_or(|(best, _)| above(upper, best)) {
                    two = [candidate, two[0]];
                } else if two[1].is_none_or(|(second, _)| above(upper, second)) {
                    two[1] = candidate;
                }
                two
            })
            .collect();
        Block {
            // Collected anew rather than in place: a block's lists are kept for the whole check,
            // and one made in place keeps the room of the readings.
            lows: readings.iter().map(|&(low, _, _)| low).collect(),
            highest,
            places,
            first_by_id: OnceLock::new(),
        }
    }

    /// The places of the block's first claims by id, in id order.
    fn first_by_id(&self, base: &ClaimBase, order: &[usize]) -> impl Iterator<Item = usize> {
        let first = self.first_by_id.get_or_init(|| {
            let by_id = |&a: &usize, &b: &usize| id_order(base, order[a], order[b]);
            let mut places: Vec<usize> = self.places.clone().collect();
            if places.len() > FIRST_BY_ID {
                places.select_nth_unstable_by(FIRST_BY_ID, by_id);
            }
            let mut first = places[..places.len().min(FIRST_BY_ID)].to_vec();
            first.sort_by(by_id);
            first
        });
        first.iter().copied()
    }
}

/// Whether upper end `a` lies above `b`; an open end lies above every number.
fn above(a: Upper, b: Upper) -> bool {
    match (a, b) {
        (None, _) => b.is_some(),
        (Some(_), None) => false,
        (Some(a), Some(b)) => a > b,
    }
}

fn id_order(base: &ClaimBase, a: usize, b: usize) -> std::cmp::Ordering {
    base.claims[a].id.cmp(&base.claims[b].id)
}

/// The lowest set bit of `n`: the length of the Fenwick block ending at `n`.
fn lowest_bit(n: usize) -> usize {
    n & n.wrapping_neg()
}

#[cfg(test)]
mod tests {
    use crate::analysis::own_words::{OwnWords, compatible, window};
    use crate::model::Node;
    use crate::testing::{FIGURE, SOURCES, checked, claim};

    /// A small generator of numbers, the same on every run.
    struct Sequence(u64);

    impl Sequence {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    /// Every answer the index gives agrees with a scan of the party's claims, on bases where the
    /// party revises some of its claims and claims of its own are attributed to it.
    #[test]
    fn attributions_are_answered_as_a_scan_of_the_standing_claims_answers_them() {
        // Few of them overlap, so that many attributions are contradicted.
        const VALUES: [&str; 8] = [
            "100",
            "1,000",
            "at most 50",
            "at least 5,000",
            "2,000 to 3,000",
            "not a number we read",
            "120",
            "2,500",
        ];
        const LABELS: [&str; 3] = ["shooting", "hanging", "Shooting "];
        for seed in 1..=60 {
            let mut sequence = Sequence(seed);
            // Even seeds on a figure of labels.
            let labels = seed % 2 == 0;
            let value = |sequence: &mut Sequence| match labels {
                true => LABELS[sequence.below(3) as usize],
                false => VALUES[sequence.below(8) as usize],
            };
            let values = if labels { "\nvalues = \"label\"" } else { "" };
            let mut claims =
                FIGURE.replace("unit = \"people\"", &format!("unit = \"people\"{values}"));
            // Few enough that a value is often the party's only one of its kind.
            for i in 0..12 {
                let value = value(&mut sequence);
                let day = 1 + sequence.below(28);
                let mut extra = format!("as_of = \"2020-01-{day:02}\"");
                if i > 0 && sequence.below(3) == 0 {
                    extra += &format!("\nsupersedes = [\"w{:02}\"]", sequence.below(i));
                }
                if sequence.below(4) == 0 {
                    extra += "\naccording_to = \"watchdog\"";
                }
                claims += &claim(&format!("w{i:02}"), value, "watchdog", &extra);
            }
            for i in 0..20 {
                let value = value(&mut sequence);
                let day = 1 + sequence.below(28);
                let extra = format!("as_of = \"2020-01-{day:02}\"\naccording_to = \"watchdog\"");
                claims += &claim(&format!("o{i:02}"), value, "outlet", &extra);
            }
            let checked = checked(SOURCES, &claims);
            let base = &checked.base;
            let own_words = OwnWords::file(base);
            let Some(Node::Speaker(party)) = base.lookup("watchdog") else {
                panic!("no watchdog");
            };
            let figure = base.figure_by_id("killed").expect("the figure");
            for (c, attribution) in base.claims.iter().enumerate() {
                if !attribution.according_to.contains(&party) {
                    continue;
                }
                let said = own_words.said(base, (figure, party, window(base, attribution)));
                let replaced = |other: usize| {
                    let day = |c: usize| super::super::claim_day(&base.claims[c]);
                    (base.claims[other].superseded_by().iter().map(|&r| day(r))).min()
                };
                let day = super::super::claim_day(attribution);
                let mut standing: Vec<usize> = (0..base.claims.len())
                    .filter(|&other| other != c && said.contains(other))
                    .filter(|&other| replaced(other).is_none_or(|on| on > day))
                    .collect();
                // On a count figure, an attribution whose value could not be read is not said to
                // be contradicted.
                let value = attribution.value.as_ref();
                let unread = !labels && value.is_some_and(|v| v.reading.is_none());
                let scanned = unread
                    || (standing.iter())
                        .any(|&other| compatible(base, figure, attribution, &base.claims[other]));
                let id = &attribution.id;
                assert_eq!(
                    said.supports(base, figure, c, attribution),
                    scanned,
                    "{seed} {id}"
                );
                standing.sort_by(|&a, &b| base.claims[a].id.cmp(&base.claims[b].id));
                let named = standing.iter().take(5).copied().collect();
                let expected = (named, standing.len());
                assert_eq!(
                    said.standing_by_id(base, c, attribution, 5),
                    expected,
                    "{seed} {id}"
                );
            }
        }
    }
}

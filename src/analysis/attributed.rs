//! Attributions by party: for each figure, party and window that some claim attributes a value to
//! ("according to X"), the claims attributing it. Origins follow each attribution to the party's
//! own claim, and the attribution check weighs it against the party's own words; each indexes what
//! the party says once per entry. The entries go by figure, so the parties asked about one figure
//! come one after another, and so do their words on it, which a large base's indexes would
//! otherwise look up all over memory.

use super::own_words::{Window, window};
use crate::model::ClaimBase;
use foldhash::HashMap;

/// A figure, the party attributed, and the window of the attributing claims.
pub type Key = (usize, usize, Window);

/// One party attributed on one figure in one window.
pub struct Asked {
    pub key: Key,
    /// The claims attributing a value to the party here, in claim order.
    pub claims: Vec<usize>,
}

/// Every party some claim with a value is attributed to, with those claims, by figure, window and
/// party.
pub struct Attributed {
    asked: Vec<Asked>,
}

impl Attributed {
    pub fn of(base: &ClaimBase) -> Attributed {
        let mut claims_of: HashMap<Key, Vec<usize>> = HashMap::default();
        for (c, claim) in base.claims.iter().enumerate() {
            let (Some(figure), Some(_)) = (claim.figure(), &claim.value) else {
                continue;
            };
            for &party in &claim.according_to {
                let key = (figure, party, window(base, claim));
                claims_of.entry(key).or_default().push(c);
            }
        }
        let mut asked: Vec<Asked> = (claims_of.into_iter())
            .map(|(key, claims)| Asked { key, claims })
            .collect();
        asked.sort_unstable_by_key(|asked| {
            let (figure, party, window) = asked.key;
            (figure, window, party)
        });
        Attributed { asked }
    }

    pub fn asked(&self) -> &[Asked] {
        &self.asked
    }
}

//! The map of declared ids to records, split by hash into shards so that a large base's ids are
//! declared on every core: each shard takes its ids in the order they are declared, so the first
//! record to declare an id keeps it, as in one map.

use crate::model::Node;
use foldhash::HashMap;
use foldhash::fast::FixedState;
use rayon::prelude::*;
use std::collections::hash_map::Entry;
use std::hash::BuildHasher;

/// How many shards: enough that two cores share the work evenly.
const SHARDS: usize = 64;

/// Every declared id (in compared form, see [`super::id_key`]) and the record it names.
#[derive(Debug)]
pub struct IdMap {
    shards: Vec<HashMap<Box<str>, Node>>,
}

impl IdMap {
    /// A map with room for `count` ids.
    pub(in crate::model) fn with_capacity(count: usize) -> Self {
        // A shard holds its share and some over, as hashes do not spread ids perfectly evenly.
        let room = count / SHARDS + count / SHARDS / 8 + 8;
        IdMap {
            shards: (0..SHARDS)
                .map(|_| HashMap::with_capacity_and_hasher(room, Default::default()))
                .collect(),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.shards[shard_of(key)].get(key)
    }

    pub fn get_key_value(&self, key: &str) -> Option<(&str, &Node)> {
        let (key, node) = self.shards[shard_of(key)].get_key_value(key)?;
        Some((key, node))
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.shards[shard_of(key)].contains_key(key)
    }

    /// Every id and its record, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Node)> {
        self.shards
            .iter()
            .flatten()
            .map(|(key, node)| (&**key, node))
    }

    /// The ids, on every core, in no particular order.
    pub fn par_keys(&self) -> impl ParallelIterator<Item = &str> {
        (self.shards.par_iter()).flat_map_iter(|shard| shard.keys().map(|key| &**key))
    }

    /// Declare `keys` in order, each naming `node(i)` for its place `i` in the list: on every
    /// core, a shard each. Returns, in order, the places of the keys declared before (by an
    /// earlier key of the list or an earlier call) and the record each names.
    pub(in crate::model) fn declare(
        &mut self,
        keys: &[&str],
        node: fn(usize) -> Node,
    ) -> Vec<(usize, Node)> {
        let shards: Vec<u8> = keys.par_iter().map(|key| shard_of(key) as u8).collect();
        let mut places: Vec<Vec<usize>> = vec![Vec::new(); SHARDS];
        for (i, &shard) in shards.iter().enumerate() {
            places[usize::from(shard)].push(i);
        }
        let mut taken: Vec<(usize, Node)> = (self.shards.par_iter_mut().zip(places))
            .flat_map_iter(|(shard, places)| {
                places
                    .into_iter()
                    .filter_map(|i| match shard.entry(Box::from(keys[i])) {
                        Entry::Occupied(first) => Some((i, *first.get())),
                        Entry::Vacant(entry) => {
                            entry.insert(node(i));
                            None
                        }
                    })
            })
            .collect();
        taken.sort_unstable_by_key(|&(i, _)| i);
        taken
    }
}

/// The shard an id belongs in: a hash of its own, fixed, so a key is always looked up where it was
/// declared.
fn shard_of(key: &str) -> usize {
    (FixedState::with_seed(0x636c_6169_6d74_7261).hash_one(key) % SHARDS as u64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_to_declare_an_id_keeps_it_across_calls_and_shards() {
        let mut map = IdMap::with_capacity(4);
        let speakers: Vec<String> = (0..200).map(|i| format!("spk-{i}")).collect();
        let keys: Vec<&str> = speakers.iter().map(String::as_str).collect();
        assert!(map.declare(&keys, Node::Speaker).is_empty());
        // A claim taking a speaker's id, and a claim id written twice.
        let taken = map.declare(&["clm-1", "spk-7", "clm-2", "clm-1"], Node::Claim);
        assert_eq!(taken, [(1, Node::Speaker(7)), (3, Node::Claim(0))]);
        assert_eq!(map.get("spk-199"), Some(&Node::Speaker(199)));
        assert_eq!(map.get("clm-2"), Some(&Node::Claim(2)));
        assert_eq!(map.get("clm-3"), None);
        assert_eq!(map.iter().count(), 202);
        assert_eq!(map.par_keys().count(), 202);
    }
}

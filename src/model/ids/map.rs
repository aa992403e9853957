//! The map of declared ids to records. The ids are kept one after another in one buffer, in
//! the order of declaring, and the map holds each one's place there, four bytes: looking an id up
//! reads the buffer, a few MiB that stay in the processor's cache, rather than the place in the
//! file texts where its record writes it, a cold one for nearly every reference of a large base.
//! The claims' ids have tables of their own, looked in after those of the other records: a
//! reference to a speaker, source or figure (most references) then probes tables that stay in the
//! processor's cache even beside a million claims. Each table is split by hash into shards so that
//! a large base's ids are declared on every core: each shard takes its ids in the order they are
//! declared, so the first record to declare an id keeps it, as in one map.

use crate::model::Node;
use foldhash::fast::FixedState;
use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use rayon::prelude::*;
use std::hash::BuildHasher;

/// How many shards: enough that two cores share the work evenly.
const SHARDS: usize = 64;

/// Every declared id (in compared form, see [`super::id_key`]) and the record it names.
#[derive(Debug)]
pub struct IdMap {
    /// The ids of the speakers, sources and figures, then those of the claims, each as its
    /// place in the order of declaring, split into shards.
    tables: Vec<Vec<HashTable<u32>>>,
    /// Every declared id, one after another in the order of declaring.
    text: String,
    /// Where each place's id ends in `text`; it starts where the one before ends.
    ends: Vec<u32>,
    /// The places of ids declared again after their first, in order: they name no record.
    shadowed: Vec<u32>,
    /// Where each kind's places begin, with how its records are named.
    kinds: Vec<(usize, NodeOf)>,
}

/// How the records of a kind are named by their index: `Node::Claim`, say.
type NodeOf = fn(usize) -> Node;

impl IdMap {
    /// A map with room for `count` ids.
    pub(in crate::model) fn with_capacity(count: usize) -> Self {
        IdMap {
            tables: Vec::new(),
            text: String::new(),
            ends: Vec::with_capacity(count),
            shadowed: Vec::new(),
            kinds: Vec::new(),
        }
    }

    pub fn get(&self, key: &str) -> Option<Node> {
        self.place(key).map(|place| self.node(place))
    }

    pub fn get_key_value(&self, key: &str) -> Option<(&str, Node)> {
        let place = self.place(key)?;
        Some((self.key(place), self.node(place)))
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Every id and its record, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Node)> {
        (self.tables.iter().flatten().flatten())
            .map(move |&place| (self.key(place), self.node(place)))
    }

    /// The ids, on every core, in the order they were declared.
    pub fn par_keys(&self) -> impl ParallelIterator<Item = &str> {
        (0..place_of(self.ends.len()))
            .into_par_iter()
            .filter(|place| self.shadowed.binary_search(place).is_err())
            .map(move |place| self.key(place))
    }

    /// Declare `keys` (ids in compared form) in order, each naming `node(i)` for its place `i` in
    /// the list: on every core, a shard each. Returns, in order, the places of the ids declared
    /// before (by an earlier id of the list or an earlier call) and the record each names.
    pub(in crate::model) fn declare(&mut self, keys: &[&str], node: NodeOf) -> Vec<(usize, Node)> {
        let start = self.ends.len();
        self.kinds.push((start, node));
        for key in keys {
            self.text.push_str(key);
            let end = u32::try_from(self.text.len());
            self.ends
                .push(end.expect("ids of fewer than 4 GiB in all, as a file's offsets are"));
        }
        let hashes: Vec<u64> = keys.par_iter().map(|key| hash_of(key)).collect();
        let mut places: Vec<Vec<usize>> = vec![Vec::new(); SHARDS];
        for (i, &hash) in hashes.iter().enumerate() {
            places[shard_of(hash)].push(i);
        }
        // The claims' ids go into tables of their own, checked against the others' first.
        let apart = matches!(node(0), Node::Claim(_));
        let mut shards = match self.tables.pop() {
            Some(shards) if !apart => shards,
            last => {
                self.tables.extend(last);
                vec![HashTable::new(); SHARDS]
            }
        };
        let (map, hashes) = (&*self, &hashes);
        let mut taken: Vec<(usize, Node)> = Vec::new();
        taken.par_extend(
            (shards.par_iter_mut().zip(places)).flat_map_iter(|(shard, places)| {
                shard.reserve(places.len(), |&other| hash_of(map.key(other)));
                places.into_iter().filter_map(move |i| {
                    let (hash, key) = (hashes[i], keys[i]);
                    if let Some(first) = map.place_hashed(hash, key) {
                        return Some((i, map.node(first)));
                    }
                    let same = |&other: &u32| map.key(other) == key;
                    match shard.entry(hash, same, |&other| hash_of(map.key(other))) {
                        Entry::Occupied(first) => Some((i, map.node(*first.get()))),
                        Entry::Vacant(entry) => {
                            entry.insert(place_of(start + i));
                            None
                        }
                    }
                })
            }),
        );
        self.tables.push(shards);
        taken.sort_unstable_by_key(|&(i, _)| i);
        (self.shadowed).extend(taken.iter().map(|&(i, _)| place_of(start + i)));
        taken
    }

    /// Where `key` was declared, if it was.
    fn place(&self, key: &str) -> Option<u32> {
        self.place_hashed(hash_of(key), key)
    }

    /// Where `key`, of hash `hash`, was declared, if it was: looked for in the tables in order.
    fn place_hashed(&self, hash: u64, key: &str) -> Option<u32> {
        let same = |&place: &u32| self.key(place) == key;
        (self.tables.iter()).find_map(|shards| shards[shard_of(hash)].find(hash, same).copied())
    }

    /// The id declared at `place`.
    fn key(&self, place: u32) -> &str {
        let place = place as usize;
        let start = place.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.text[start as usize..self.ends[place] as usize]
    }

    /// The record the id declared at `place` names.
    fn node(&self, place: u32) -> Node {
        let place = place as usize;
        let (start, node) = (self.kinds.iter().rev())
            .find(|(start, _)| *start <= place)
            .expect("every place is of a kind declared");
        node(place - start)
    }
}

fn place_of(at: usize) -> u32 {
    u32::try_from(at).expect("fewer than 2^32 records, as the graph holds them")
}

/// An id's hash, fixed so that an id is always looked up where it was declared.
fn hash_of(key: &str) -> u64 {
    FixedState::with_seed(0x636c_6169_6d74_7261).hash_one(key)
}

/// The shard of a hash: from bits that the shard's own table does not read (it reads the lowest
/// for the bucket and the highest seven for the tag).
fn shard_of(hash: u64) -> usize {
    ((hash >> 32) % SHARDS as u64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_to_declare_an_id_keeps_it_across_calls_and_shards() {
        let names: Vec<String> = (0..200).map(|i| format!("spk-{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        // A claim taking a speaker's id, and a claim id declared twice.
        let claims = ["clm-1", "spk-7", "clm-2", "clm-1", "clm-é"];

        let mut map = IdMap::with_capacity(4);
        assert!(map.declare(&names, Node::Speaker).is_empty());
        // A source taking a speaker's id, in the same tables; the claims in tables of their own.
        let taken = map.declare(&["src-1", "spk-3", "src-1"], Node::Source);
        assert_eq!(taken, [(1, Node::Speaker(3)), (2, Node::Source(0))]);
        let taken = map.declare(&claims, Node::Claim);
        assert_eq!(taken, [(1, Node::Speaker(7)), (3, Node::Claim(0))]);
        assert_eq!(map.get("src-1"), Some(Node::Source(0)));
        assert_eq!(map.get("spk-3"), Some(Node::Speaker(3)));
        assert_eq!(map.get("spk-0"), Some(Node::Speaker(0)));
        assert_eq!(map.get("spk-199"), Some(Node::Speaker(199)));
        assert_eq!(map.get("clm-2"), Some(Node::Claim(2)));
        assert_eq!(map.get("clm-é"), Some(Node::Claim(4)));
        assert_eq!(map.get("clm-3"), None);
        assert_eq!(map.get("clm-"), None);
        let first = map.get_key_value("clm-1");
        assert_eq!(first, Some(("clm-1", Node::Claim(0))));
        assert_eq!(map.iter().count(), 204);
        // In order of declaring, each id once: not the ids declared again.
        let in_order: Vec<&str> = map.par_keys().collect();
        assert_eq!(in_order.len(), 204);
        assert_eq!(
            in_order[198..],
            ["spk-198", "spk-199", "src-1", "clm-1", "clm-2", "clm-é"]
        );
    }
}

//! The map of declared ids to records. An id is not copied into it: it is read where its record
//! writes it, in the file's text the claim base keeps anyway, and the map holds its place in the
//! order of declaring, four bytes; a copy is kept only of an id a file writes otherwise (escaped,
//! or not in NFC). The map is split by hash into shards so that a large base's ids are declared on
//! every core: each shard takes its ids in the order they are declared, so the first record to
//! declare an id keeps it, as in one map.

use crate::input::files::{FileId, Files, Location};
use crate::model::Node;
use foldhash::HashMap;
use foldhash::fast::FixedState;
use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use rayon::prelude::*;
use std::hash::BuildHasher;
use std::ops::Range;

/// How many shards: enough that two cores share the work evenly.
const SHARDS: usize = 64;

/// The file of a key that is kept as a copy.
const COPIED: FileId = FileId(u32::MAX);

/// Every declared id (in compared form, see [`super::id_key`]) and the record it names.
#[derive(Debug)]
pub struct IdMap {
    /// Each shard's ids, as their places in the order of declaring.
    shards: Vec<HashTable<u32>>,
    /// Where each declared id's compared form is read, by its place in the order of declaring: the
    /// bytes of a file's text, or (in the file [`COPIED`]) the copy in `copies`.
    keys: Vec<Location>,
    copies: HashMap<u32, Box<str>>,
    /// Where each kind's places begin, with how its records are named.
    kinds: Vec<(usize, NodeOf)>,
}

/// How the records of a kind are named by their index: `Node::Claim`, say.
type NodeOf = fn(usize) -> Node;

impl IdMap {
    /// A map with room for `count` ids.
    pub(in crate::model) fn with_capacity(count: usize) -> Self {
        // A shard holds its share and some over, as hashes do not spread ids perfectly evenly.
        let room = count / SHARDS + count / SHARDS / 8 + 8;
        IdMap {
            shards: (0..SHARDS)
                .map(|_| HashTable::with_capacity(room))
                .collect(),
            keys: Vec::with_capacity(count),
            copies: HashMap::default(),
            kinds: Vec::new(),
        }
    }

    pub fn get(&self, files: &Files, key: &str) -> Option<Node> {
        self.place(files, key).map(|place| self.node(place))
    }

    pub fn get_key_value<'a>(&'a self, files: &'a Files, key: &str) -> Option<(&'a str, Node)> {
        let place = self.place(files, key)?;
        Some((self.key(files, place), self.node(place)))
    }

    pub fn contains_key(&self, files: &Files, key: &str) -> bool {
        self.get(files, key).is_some()
    }

    /// Every id and its record, in no particular order.
    pub fn iter<'a>(&'a self, files: &'a Files) -> impl Iterator<Item = (&'a str, Node)> {
        (self.shards.iter().flatten()).map(move |&place| (self.key(files, place), self.node(place)))
    }

    /// The ids, on every core, in no particular order.
    pub fn par_keys<'a>(&'a self, files: &'a Files) -> impl ParallelIterator<Item = &'a str> {
        (self.shards.par_iter())
            .flat_map_iter(move |shard| shard.iter().map(|&p| self.key(files, p)))
    }

    /// Declare `ids` in order, each (where its TOML string stands, its compared form) naming
    /// `node(i)` for its place `i` in the list: on every core, a shard each. Returns, in order, the
    /// places of the ids declared before (by an earlier id of the list or an earlier call) and the
    /// record each names.
    pub(in crate::model) fn declare(
        &mut self,
        files: &Files,
        ids: &[(Location, &str)],
        node: NodeOf,
    ) -> Vec<(usize, Node)> {
        let start = self.keys.len();
        self.kinds.push((start, node));
        for (i, (written, key)) in ids.iter().enumerate() {
            let place = match bytes_reading_as(files, written, key) {
                Some(bytes) => Location::new(written.file, bytes),
                None => {
                    self.copies.insert(place_of(start + i), Box::from(*key));
                    Location::new(COPIED, 0..0)
                }
            };
            self.keys.push(place);
        }
        let hashes: Vec<u64> = ids.par_iter().map(|(_, key)| hash_of(key)).collect();
        let mut places: Vec<Vec<usize>> = vec![Vec::new(); SHARDS];
        for (i, &hash) in hashes.iter().enumerate() {
            places[shard_of(hash)].push(i);
        }
        let mut shards = std::mem::take(&mut self.shards);
        let map = &*self;
        let mut taken: Vec<(usize, Node)> = Vec::new();
        taken.par_extend(
            (shards.par_iter_mut().zip(places)).flat_map_iter(|(shard, places)| {
                places.into_iter().filter_map(|i| {
                    let place = place_of(start + i);
                    let key = ids[i].1;
                    let same = |&other: &u32| map.key_bytes(files, other) == key.as_bytes();
                    match shard.entry(hashes[i], same, |&other| hash_of(map.key(files, other))) {
                        Entry::Occupied(first) => Some((i, map.node(*first.get()))),
                        Entry::Vacant(entry) => {
                            entry.insert(place);
                            None
                        }
                    }
                })
            }),
        );
        self.shards = shards;
        taken.sort_unstable_by_key(|&(i, _)| i);
        taken
    }

    /// Where `key` was declared, if it was.
    fn place(&self, files: &Files, key: &str) -> Option<u32> {
        let hash = hash_of(key);
        let same = |&place: &u32| self.key_bytes(files, place) == key.as_bytes();
        self.shards[shard_of(hash)].find(hash, same).copied()
    }

    /// The id declared at `place`.
    fn key<'a>(&'a self, files: &'a Files, place: u32) -> &'a str {
        let at = &self.keys[place as usize];
        match at.file {
            COPIED => &self.copies[&place],
            file => &files.get(file).text[at.span()],
        }
    }

    /// The id declared at `place`, as bytes: compared without finding its characters' bounds.
    fn key_bytes<'a>(&'a self, files: &'a Files, place: u32) -> &'a [u8] {
        let at = &self.keys[place as usize];
        match at.file {
            COPIED => self.copies[&place].as_bytes(),
            file => &files.get(file).text.as_bytes()[at.span()],
        }
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

/// The bytes of the TOML string at `written` when they read as `key`, as most ids are written.
fn bytes_reading_as(files: &Files, written: &Location, key: &str) -> Option<Range<usize>> {
    let span = written.span();
    let bytes = span.start.checked_add(1)?..span.end.checked_sub(1)?;
    (files.get(written.file).text.get(bytes.clone()) == Some(key)).then_some(bytes)
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
    use crate::input::files::SourceFile;

    /// Each line of `text` (in file `file`) as a TOML string declaring the key beside it.
    fn written<'k>(file: u32, text: &str, keys: &[&'k str]) -> Vec<(Location, &'k str)> {
        let mut at = 0;
        (text.lines().zip(keys))
            .map(|(line, &key)| {
                let location = Location::new(FileId(file), at..at + line.len());
                at += line.len() + 1;
                (location, key)
            })
            .collect()
    }

    #[test]
    fn the_first_to_declare_an_id_keeps_it_across_calls_and_shards() {
        let speakers: String = (0..200).map(|i| format!("\"spk-{i}\"\n")).collect();
        let names: Vec<String> = (0..200).map(|i| format!("spk-{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        // A claim taking a speaker's id, a claim id written twice, and one written with an escape
        // (so read from a copy).
        let claims = "\"clm-1\"\n\"spk-7\"\n\"clm-2\"\n'clm-1'\n\"cl\\u006d-9\"\n";
        let claim_keys = ["clm-1", "spk-7", "clm-2", "clm-1", "clm-9"];
        let mut files = Files::new(".".into());
        files.add(SourceFile::new("sources/s.toml".into(), speakers.clone()));
        files.add(SourceFile::new("claims/c.toml".into(), claims.into()));

        let mut map = IdMap::with_capacity(4);
        let taken = map.declare(&files, &written(0, &speakers, &names), Node::Speaker);
        assert!(taken.is_empty());
        let taken = map.declare(&files, &written(1, claims, &claim_keys), Node::Claim);
        assert_eq!(taken, [(1, Node::Speaker(7)), (3, Node::Claim(0))]);
        assert_eq!(map.get(&files, "spk-199"), Some(Node::Speaker(199)));
        assert_eq!(map.get(&files, "clm-2"), Some(Node::Claim(2)));
        assert_eq!(map.get(&files, "clm-9"), Some(Node::Claim(4)));
        assert_eq!(map.get(&files, "clm-3"), None);
        let first = map.get_key_value(&files, "clm-1");
        assert_eq!(first, Some(("clm-1", Node::Claim(0))));
        assert_eq!(map.iter(&files).count(), 203);
        assert_eq!(map.par_keys(&files).count(), 203);
        assert_eq!(map.copies.len(), 1);
    }
}

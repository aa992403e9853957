//! Stable sorts that move each item once, on every core. A large base's findings and their views
//! are many and large: a merge sort's buffer of them, half as large as the list, was fresh memory
//! taken when the list was largest, which the kernel had to clear page by page.

use rayon::prelude::*;
use std::cmp::Ordering;

/// Sorts `items` by `key`, made once for each item; equal ones kept in their order.
pub(crate) fn sort_stable_by_key<T: Send + Sync, K: Ord + Send>(
    items: &mut [T],
    key: impl Fn(&T) -> K + Sync,
) {
    let mut order: Vec<(K, u32)> = (items.par_iter().enumerate())
        .map(|(at, item)| (key(item), index(at)))
        .collect();
    order.par_sort_unstable();
    permute(items, &places(order));
}

/// Sorts `items` by `key`, made once for each item, and items of equal keys by `tie`; equal ones
/// kept in their order. The keys are compared on every core in one list of their own, `tie` only
/// within runs of equal keys: comparing the items themselves reached all over a million of them.
pub(crate) fn sort_stable_by_key_then<T: Send + Sync, K: Ord + Send>(
    items: &mut [T],
    key: impl Fn(&T) -> K + Sync,
    tie: impl Fn(&T, &T) -> Ordering,
) {
    let mut order: Vec<(K, u32)> = (items.par_iter().enumerate())
        .map(|(at, item)| (key(item), index(at)))
        .collect();
    order.par_sort_unstable();
    // A run of equal keys stands in item order, which a stable sort keeps for equal ties.
    for run in order.chunk_by_mut(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            run.sort_by(|a, b| tie(&items[a.1 as usize], &items[b.1 as usize]));
        }
    }
    permute(items, &places(order));
}

/// The places the sorted keys came from, apart from the keys: a million of them fit in the
/// processor's cache, where the keys do not, and the permutation reads them in no order.
fn places<K>(order: Vec<(K, u32)>) -> Vec<u32> {
    order.into_iter().map(|(_, at)| at).collect()
}

/// An item's place in a list to sort, in 32 bits: the list of places is then half as large.
fn index(at: usize) -> u32 {
    u32::try_from(at).expect("fewer than 2^32 items to sort")
}

/// Puts at each position `to` the item now at `from[to]`, one cycle of the permutation at a time.
fn permute<T>(items: &mut [T], from: &[u32]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut to = start;
        while !placed[to] {
            placed[to] = true;
            let next = from[to] as usize;
            if next != start {
                items.swap(to, next);
            }
            to = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// Items with equal keys (here many: keys 0..4) stay in their order, as a stable sort
        /// keeps them, whether sorted by key or by comparison.
        #[test]
        fn sorting_in_place_is_a_stable_sort(keys in prop::collection::vec(0u8..4, 0..300)) {
            let items: Vec<(u8, usize)> = keys.into_iter().zip(0..).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut by_key = items.clone();
            super::sort_stable_by_key(&mut by_key, |item| item.0);
            prop_assert_eq!(&by_key, &expected);
            // Sorted by half the key, the other half breaking ties.
            let mut by_halves = items;
            super::sort_stable_by_key_then(&mut by_halves, |item| item.0 / 2, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&by_halves, &expected);
        }
    }
}

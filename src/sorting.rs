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
    let mut order: Vec<(K, usize)> = (items.par_iter().enumerate())
        .map(|(at, item)| (key(item), at))
        .collect();
    order.par_sort_unstable();
    permute(items, |to| order[to].1);
}

/// Sorts `items` in the order `compare` gives; equal ones kept in their order. Only their places
/// are sorted, a word each.
pub(crate) fn sort_stable_by<T: Send + Sync>(
    items: &mut [T],
    compare: impl Fn(&T, &T) -> Ordering + Sync,
) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.par_sort_unstable_by(|&a, &b| compare(&items[a], &items[b]).then(a.cmp(&b)));
    permute(items, |to| order[to]);
}

/// Puts at each position `to` the item now at `from(to)`, one cycle of the permutation at a time.
fn permute<T>(items: &mut [T], from: impl Fn(usize) -> usize) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut to = start;
        while !placed[to] {
            placed[to] = true;
            let next = from(to);
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
            let mut by_comparison = items;
            super::sort_stable_by(&mut by_comparison, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&by_comparison, &expected);
        }
    }
}

//! One short list per item, all in one buffer: a large base has a list per claim (its origin
//! groups, the claims its attributions follow), most of one entry or none, and a `Vec` each took
//! 24 bytes and an allocation.

use std::ops::Index;

#[derive(Debug, Clone, PartialEq)]
pub struct Lists<T> {
    /// Where each item's list starts in `entries`, and after the last, where it ends.
    starts: Vec<u32>,
    entries: Vec<T>,
}

impl<T> Lists<T> {
    /// How many items have a list.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<T, L: IntoIterator<Item = T>> FromIterator<L> for Lists<T> {
    fn from_iter<I: IntoIterator<Item = L>>(lists: I) -> Self {
        let mut starts = vec![0];
        let mut entries = Vec::new();
        for list in lists {
            entries.extend(list);
            starts.push(u32::try_from(entries.len()).expect("fewer than 2^32 entries"));
        }
        Lists { starts, entries }
    }
}

impl<T> Index<usize> for Lists<T> {
    type Output = [T];

    fn index(&self, item: usize) -> &[T] {
        &self.entries[self.starts[item] as usize..self.starts[item + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_item_gets_back_its_own_list() {
        let lists: Vec<Vec<usize>> = vec![vec![3], vec![], vec![1, 2], vec![], vec![7]];
        let held: Lists<usize> = lists.iter().cloned().collect();
        assert_eq!(held.len(), lists.len());
        for (item, list) in lists.iter().enumerate() {
            assert_eq!(&held[item], list.as_slice(), "item {item}");
        }
        let none: Lists<usize> = std::iter::empty::<Vec<usize>>().collect();
        assert!(none.is_empty());
    }
}

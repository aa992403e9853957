//! "Did you mean" for many misspelt ids at once: an index built once over a set of ids answers
//! each lookup with exactly the id [`did_you_mean`] would pick from the same ids in
//! the same order, without scoring every id against every misspelling.
//!
//! `did_you_mean` keeps the candidate with the highest Jaro-Winkler similarity above 0.8, the last
//! one on a tie. Similarity is bounded from above by what two texts can share: Jaro counts matching
//! characters, which cannot exceed the characters the texts have in common as multisets, and the
//! Winkler bonus grows with a common prefix of at most 4 characters. Ids are grouped into classes
//! of anagrams (in numbered ids such as `src-004213`, thousands of ids share a few hundred
//! classes), each class's bound is computed once per lookup, and only the ids of classes whose
//! bound reaches the best score found so far are scored exactly, best bounds first.
//!
//! Answers are remembered per misspelling, and the work of all lookups is capped
//! ([`Suggestions::with_budget`]): once the cap is spent, lookups not answered before return
//! `None` rather than a suggestion that was not checked against every id.

use std::collections::HashMap;

/// The similarity a candidate must exceed to be suggested.
const THRESHOLD: f64 = 0.8;
/// Slack on every comparison of a bound with a score, so float rounding never prunes a candidate
/// that scores as high as the best.
const SLACK: f64 = 1e-9;
/// Work units an exact similarity costs, against one unit for bounding a class or an id.
const EXACT_COST: u64 = 8;
/// Sorted neighbours of a misspelling scored first, so a high best score prunes early.
const NEIGHBOURS: usize = 3;

/// The closest candidate to a misspelt name, if one is close enough to suggest: each candidate
/// scored in turn, for a few names among few candidates; [`Suggestions`] answers many at once.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(name, candidate), candidate))
        .filter(|&(score, _)| score > THRESHOLD)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// The closest id to misspelt ones, over one set of ids (e.g. every source id).
#[derive(Debug)]
pub struct Suggestions {
    /// The ids in the order given: on a tie, the later one is suggested.
    candidates: Vec<Box<str>>,
    /// Indexes of `candidates` sorted by text.
    sorted: Vec<usize>,
    classes: Vec<AnagramClass>,
    answers: HashMap<Box<str>, Option<usize>>,
    budget: u64,
}

/// Ids made of the same characters, each as often: they share one bound for any misspelling.
#[derive(Debug)]
struct AnagramClass {
    /// Length in characters.
    length: usize,
    /// Each character and how often it occurs, sorted by character.
    counts: Vec<(char, u32)>,
    /// Indexes of `candidates`, ascending.
    members: Vec<usize>,
}

/// A misspelling, taken apart once for all the bounds of one lookup.
struct Query<'a> {
    text: &'a str,
    length: usize,
    counts: Vec<(char, u32)>,
    prefix: Vec<char>,
}

impl Suggestions {
    /// Work allowed over all lookups by default: a few seconds at most. A misspelt numbered id
    /// among a million ids costs about 20,000 units, among 100,000 about 5,000, so thousands of
    /// distinct misspellings are answered before the cap is reached.
    pub const DEFAULT_BUDGET: u64 = 50_000_000;

    /// An index over `candidates`; their order decides ties, as in `did_you_mean`.
    pub fn new<S: AsRef<str>>(candidates: impl IntoIterator<Item = S>) -> Self {
        let candidates: Vec<Box<str>> = candidates
            .into_iter()
            .map(|candidate| Box::from(candidate.as_ref()))
            .collect();
        let mut sorted: Vec<usize> = (0..candidates.len()).collect();
        sorted.sort_by(|&a, &b| candidates[a].cmp(&candidates[b]));
        let mut class_of: HashMap<Vec<(char, u32)>, usize> = HashMap::new();
        let mut classes: Vec<AnagramClass> = Vec::new();
        for (index, candidate) in candidates.iter().enumerate() {
            let counts = char_counts(candidate);
            let class = *class_of.entry(counts.clone()).or_insert_with(|| {
                classes.push(AnagramClass {
                    length: candidate.chars().count(),
                    counts,
                    members: Vec::new(),
                });
                classes.len() - 1
            });
            classes[class].members.push(index);
        }
        Self {
            candidates,
            sorted,
            classes,
            answers: HashMap::new(),
            budget: Self::DEFAULT_BUDGET,
        }
    }

    /// Cap the work of all lookups at `units` (one unit bounds a class or an id; an exact score
    /// costs 8).
    pub fn with_budget(mut self, units: u64) -> Self {
        self.budget = units;
        self
    }

    /// The id `did_you_mean(name, ids)` returns, or `None` when no id is close enough or the work
    /// cap was spent before this misspelling could be checked against every id.
    pub fn lookup(&mut self, name: &str) -> Option<&str> {
        let answer = match self.answers.get(name) {
            Some(&answer) => answer,
            None => {
                let found = self.search(name)?;
                self.answers.insert(Box::from(name), found);
                found
            }
        };
        answer.map(|index| &*self.candidates[index])
    }

    /// The best candidate (its index) for `name`; the outer `None` when the budget ran out.
    fn search(&mut self, name: &str) -> Option<Option<usize>> {
        let query = Query::new(name);
        let mut best = Best::default();
        let mut work = Work {
            left: self.budget,
            spent: false,
        };
        for index in self.neighbours(name) {
            best.offer(index, &self.candidates[index], &query, &mut work);
        }
        // Each class's bound with the longest prefix any member could share, best first.
        let mut bounded: Vec<(f64, u32, &AnagramClass)> = Vec::new();
        for class in &self.classes {
            if work.spent {
                break;
            }
            work.charge(1);
            let shared = shared_characters(&query.counts, &class.counts);
            let bound = query.bound(shared, class.length, query.prefix.len().min(class.length));
            if bound + SLACK >= best.threshold() {
                bounded.push((bound, shared, class));
            }
        }
        bounded.sort_by(|a, b| b.0.total_cmp(&a.0));
        'classes: for (bound, shared, class) in bounded {
            if bound + SLACK < best.threshold() {
                break;
            }
            for &index in &class.members {
                if work.spent {
                    break 'classes;
                }
                let candidate = &self.candidates[index];
                work.charge(1);
                let prefix = common_prefix(&query.prefix, candidate);
                if query.bound(shared, class.length, prefix) + SLACK >= best.threshold() {
                    best.offer(index, candidate, &query, &mut work);
                }
            }
        }
        self.budget = work.left;
        (!work.spent).then_some(best.index)
    }

    /// The candidates next to `name` in sorted order: near-misses of numbered ids sit there.
    fn neighbours(&self, name: &str) -> Vec<usize> {
        let at = self
            .sorted
            .partition_point(|&index| &*self.candidates[index] < name);
        let start = at.saturating_sub(NEIGHBOURS);
        let end = (at + NEIGHBOURS).min(self.sorted.len());
        self.sorted[start..end].to_vec()
    }
}

impl<'a> Query<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            length: text.chars().count(),
            counts: char_counts(text),
            prefix: text.chars().take(4).collect(),
        }
    }

    /// The highest Jaro-Winkler similarity to the query that a text of `length` characters can
    /// reach when it has `shared` characters (with repeats) in common with the query and its first
    /// `prefix` characters equal the query's.
    fn bound(&self, shared: u32, length: usize, prefix: usize) -> f64 {
        if self.length == 0 || length == 0 {
            // Two empty texts are equal (1.0); an empty and a non-empty one share nothing (0.0).
            return if self.length == length { 1.0 } else { 0.0 };
        }
        let shared = f64::from(shared);
        let jaro = (shared / self.length as f64 + shared / length as f64 + 1.0) / 3.0;
        // strsim adds the prefix bonus only above 0.7; the slack keeps the bonus when rounding
        // might put the exact similarity just above it.
        if jaro > 0.7 - SLACK {
            jaro + 0.1 * prefix as f64 * (1.0 - jaro)
        } else {
            jaro
        }
    }
}

/// The best candidate so far, as `did_you_mean` keeps it: above the threshold, the later on a tie.
#[derive(Default)]
struct Best {
    index: Option<usize>,
    score: f64,
}

impl Best {
    fn threshold(&self) -> f64 {
        if self.index.is_some() {
            self.score
        } else {
            THRESHOLD
        }
    }

    fn offer(&mut self, index: usize, candidate: &str, query: &Query, work: &mut Work) {
        work.charge(EXACT_COST);
        let score = strsim::jaro_winkler(query.text, candidate);
        let better = match self.index {
            None => score > THRESHOLD,
            Some(best) => score > self.score || (score == self.score && index > best),
        };
        if better {
            self.index = Some(index);
            self.score = score;
        }
    }
}

struct Work {
    left: u64,
    spent: bool,
}

impl Work {
    fn charge(&mut self, units: u64) {
        match self.left.checked_sub(units) {
            Some(left) => self.left = left,
            None => {
                self.left = 0;
                self.spent = true;
            }
        }
    }
}

fn char_counts(text: &str) -> Vec<(char, u32)> {
    let mut chars: Vec<char> = text.chars().collect();
    chars.sort_unstable();
    let mut counts: Vec<(char, u32)> = Vec::new();
    for c in chars {
        match counts.last_mut() {
            Some((last, count)) if *last == c => *count += 1,
            _ => counts.push((c, 1)),
        }
    }
    counts
}

/// How many characters two texts have in common, counting repeats: no more can match in Jaro.
fn shared_characters(a: &[(char, u32)], b: &[(char, u32)]) -> u32 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a[i].1.min(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The length of the common start of `prefix` (at most 4 characters) and `text`, as strsim counts it.
fn common_prefix(prefix: &[char], text: &str) -> usize {
    prefix
        .iter()
        .zip(text.chars())
        .take_while(|(a, b)| *a == b)
        .count()
}

#[cfg(test)]
mod tests;

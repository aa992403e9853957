//! The index against the scan it replaces: the same suggestion for the same ids in the same order.

use super::*;
use proptest::prelude::*;

/// What the scan over every candidate suggests.
fn scanned<'a>(name: &str, candidates: &'a [String]) -> Option<&'a str> {
    did_you_mean(name, candidates.iter().map(String::as_str))
}

fn numbered(prefix: &str, count: usize) -> Vec<String> {
    (0..count).map(|i| format!("{prefix}-{i:06}")).collect()
}

#[test]
fn did_you_mean_suggests_close_names_only() {
    assert_eq!(did_you_mean("sorce", ["source", "speaker"]), Some("source"));
    assert_eq!(did_you_mean("zzz", ["source", "speaker"]), None);
}

#[test]
fn close_names_only() {
    let mut index = Suggestions::new(["source", "speaker"]);
    assert_eq!(index.lookup("sorce"), Some("source"));
    assert_eq!(index.lookup("zzz"), None);
    assert_eq!(
        Suggestions::new(Vec::<String>::new()).lookup("source"),
        None
    );
}

#[test]
fn ties_go_to_the_later_candidate_as_in_the_scan() {
    let ids = ["src-000001".to_string(), "src-000002".to_string()];
    let reversed = [ids[1].clone(), ids[0].clone()];
    for candidates in [&ids, &reversed] {
        let mut index = Suggestions::new(candidates.iter());
        let expected = scanned("src-000003", candidates);
        assert_eq!(
            expected,
            Some(candidates[1].as_str()),
            "the scan breaks ties late"
        );
        assert_eq!(index.lookup("src-000003"), expected);
    }
}

#[test]
fn empty_and_non_ascii_texts_score_as_in_the_scan() {
    let candidates: Vec<String> = ["", "é", "spk-élodie", "spk-elodie", "ß-1", "x"]
        .map(String::from)
        .into();
    let mut index = Suggestions::new(&candidates);
    for name in ["", "é", "spk-élodi", "spk-elodi", "ß-2", "ß", "y"] {
        assert_eq!(index.lookup(name), scanned(name, &candidates), "{name:?}");
    }
}

#[test]
fn numbered_ids_get_the_scans_answer_with_a_fraction_of_its_work() {
    let candidates = numbered("src", 5_000);
    let misspellings: Vec<String> = (0..100)
        .map(|i| match i % 4 {
            0 => format!("src-{:06}", 5_000 + i),
            1 => format!("src-{:05}", i * 97),
            2 => format!("scr-{:06}", i * 89),
            _ => format!("src-00{:04}x", i * 31),
        })
        .collect();
    // A tenth of what scoring every candidate for every misspelling would cost.
    let naive = (candidates.len() * misspellings.len()) as u64 * EXACT_COST;
    let mut index = Suggestions::new(&candidates).with_budget(naive / 10);
    for name in &misspellings {
        assert_eq!(index.lookup(name), scanned(name, &candidates), "{name}");
    }
}

#[test]
fn answers_are_remembered_and_the_cap_stops_unanswered_lookups() {
    let candidates = numbered("clm", 1_000);
    let mut index = Suggestions::new(&candidates).with_budget(0);
    assert_eq!(
        index.lookup("clm-000017x"),
        None,
        "no budget, no suggestion"
    );

    let mut index = Suggestions::new(&candidates);
    let first = index.lookup("clm-000017x").map(str::to_string);
    assert!(first.is_some());
    index.budget = 0;
    assert_eq!(
        index.lookup("clm-000017x").map(str::to_string),
        first,
        "a remembered answer costs nothing"
    );
    assert_eq!(index.lookup("clm-000018x"), None);
}

#[test]
fn bounds_never_fall_below_the_similarity() {
    let texts = [
        "",
        "a",
        "ab",
        "ba",
        "abc",
        "src-000123",
        "src-321000",
        "é-ü",
        "aaaa",
        "aaab",
    ];
    for a in texts {
        let query = Query::new(a);
        for b in texts {
            let shared = shared_characters(&query.counts, &char_counts(b));
            let bound = query.bound(shared, b.chars().count(), common_prefix(&query.prefix, b));
            let score = strsim::jaro_winkler(a, b);
            assert!(
                bound + SLACK >= score,
                "{a:?} {b:?}: bound {bound} < {score}"
            );
        }
    }
}

/// Ids of a few kinds, built from a small alphabet so that near-misses and ties are common.
fn id_sets() -> impl Strategy<Value = Vec<String>> {
    let id = prop_oneof![
        "(src|spk|clm)-[0-9]{2,4}",
        "[a-c]{1,3}[-/]?[a-c0-1é]{0,5}",
        "fig-[0-9]{2}/[a-d]{2,6}",
    ];
    prop::collection::vec(id, 0..60)
}

/// A misspelling: a mutated candidate (a character replaced, dropped or doubled) or any text.
fn misspelling(candidates: &[String]) -> impl Strategy<Value = String> + use<> {
    let candidates = candidates.to_vec();
    let mutated = (
        any::<prop::sample::Index>(),
        0..3usize,
        any::<prop::sample::Index>(),
        "[a-c0-9é-]",
    )
        .prop_map(move |(which, how, at, c)| {
            let Some(original) = (!candidates.is_empty()).then(|| which.get(&candidates)) else {
                return c;
            };
            let mut chars: Vec<char> = original.chars().collect();
            if chars.is_empty() {
                return c;
            }
            let at = at.index(chars.len());
            let replacement = c.chars().next().unwrap_or('x');
            match how {
                0 => chars[at] = replacement,
                1 => {
                    chars.remove(at);
                }
                _ => chars.insert(at, chars[at]),
            }
            chars.into_iter().collect()
        });
    prop_oneof![3 => mutated, 1 => "[a-c0-9é/-]{0,8}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_index_answers_as_the_scan_does(
        (candidates, names) in id_sets().prop_flat_map(|candidates| {
            let names = prop::collection::vec(misspelling(&candidates), 1..8);
            (Just(candidates), names)
        })
    ) {
        let mut index = Suggestions::new(&candidates);
        for name in &names {
            prop_assert_eq!(index.lookup(name), scanned(name, &candidates), "{:?}", name);
        }
    }
}

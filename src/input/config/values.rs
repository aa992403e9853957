//! The `[values]` table of `claimtrack.toml`, checked once at its own lines rather than at every
//! claim value that uses it.

use crate::finding::{Code, Finding};
use crate::input::files::{FileId, Location};
use crate::value::ValueSettings;
use std::collections::BTreeMap;

/// The `[values]` settings with every entry that cannot be read refused here: a vague interval
/// must run from low to high below 2^53, a tolerance must lie in [0, 1). A refused entry falls
/// back to its default, when it has one. Phrases are kept lowercased, as the lexer reads the words
/// of values and quotes: "About" then opens a phrase in a quote as "about" does.
pub(super) fn valid(
    mut values: ValueSettings,
    text: &str,
    file: FileId,
    findings: &mut Vec<Finding>,
) -> ValueSettings {
    let defaults = ValueSettings::default();
    let place = |word: &str| place_of(word, text, file);
    const LIMIT: u64 = 1 << 53;
    let bad_vague: Vec<String> = values
        .vague
        .iter()
        .filter(|(_, [low, high])| low > high || *high >= LIMIT)
        .map(|(word, _)| word.clone())
        .collect();
    for word in bad_vague {
        let [low, high] = values.vague[&word];
        findings.push(
            Finding::new(
                Code::InvalidConfig,
                place(&word),
                format!(
                    "`[values.vague] {word} = [{low}, {high}]` must run from low to high, below 2^53"
                ),
            )
            .help("write the interval as [low, high], e.g. thousands = [2000, 99999]"),
        );
        match defaults.vague.get(&word) {
            Some(default) => values.vague.insert(word, *default),
            None => values.vague.remove(&word),
        };
    }
    let bad_tolerance: Vec<String> = values
        .tolerance
        .iter()
        .filter(|(_, t)| !(0.0..1.0).contains(*t))
        .map(|(word, _)| word.clone())
        .collect();
    for word in bad_tolerance {
        findings.push(
            Finding::new(
                Code::InvalidConfig,
                place(&word),
                format!(
                    "`[values.tolerance] {word} = {}` must be at least 0 and below 1",
                    values.tolerance[&word]
                ),
            )
            .help("a tolerance is a share of the number: 0.10 reads \"about 1,500\" as 1,350 to 1,650"),
        );
        match defaults.tolerance.get(&word) {
            Some(default) => values.tolerance.insert(word, *default),
            None => values.tolerance.remove(&word),
        };
    }
    values.tolerance = lowercased("tolerance", values.tolerance, &place, findings);
    values.vague = lowercased("vague", values.vague, &place, findings);
    values
}

/// `phrases` keyed by their lowercased words. Two phrases that differ only in case are one phrase
/// to the grammar, and which of their settings the desk meant cannot be told: the one written
/// later in the file is refused, at its line.
fn lowercased<V>(
    table: &str,
    phrases: BTreeMap<String, V>,
    place: &impl Fn(&str) -> Location,
    findings: &mut Vec<Finding>,
) -> BTreeMap<String, V> {
    let mut in_file_order: Vec<(Location, String, V)> = (phrases.into_iter())
        .map(|(written, setting)| (place(&written), written, setting))
        .collect();
    in_file_order.sort_by_key(|(location, ..)| location.start());
    let mut kept: BTreeMap<String, (String, V)> = BTreeMap::new();
    for (location, written, setting) in in_file_order {
        let key = written.to_lowercase();
        match kept.get(&key) {
            Some((first, _)) => findings.push(
                Finding::new(
                    Code::InvalidConfig,
                    location,
                    format!(
                        "`[values.{table}]` lists `{first}` and `{written}`, which are one phrase: phrases are read in any case"
                    ),
                )
                .help(format!("keep one of `{first}` and `{written}`")),
            ),
            None => {
                kept.insert(key, (written, setting));
            }
        }
    }
    (kept.into_iter())
        .map(|(key, (_, setting))| (key, setting))
        .collect()
}

/// Where `word` is written in `claimtrack.toml`: as a quoted key, or as a bare key opening a line.
fn place_of(word: &str, text: &str, file: FileId) -> Location {
    let start = text
        .find(&format!("\"{word}\""))
        .or_else(|| text.find(&format!("\n{word}")).map(|i| i + 1))
        .unwrap_or(0);
    Location::new(file, start..start + word.len().min(text.len() - start))
}

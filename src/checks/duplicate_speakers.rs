//! Possible duplicate speakers: two speakers whose names or aliases read as one name, which is
//! usually one party recorded twice.

use super::similar_names::{Folded, fold, near_identical_pairs};
use crate::finding::{Code, Finding};
use crate::model::ClaimBase;
use crate::model::Speaker;
use foldhash::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Name,
    Alias,
}

/// One name or alias of a speaker.
struct Label<'a> {
    speaker: usize,
    field: Field,
    text: &'a str,
    folded: Folded,
}

impl Label<'_> {
    fn describe(&self, speakers: &[Speaker]) -> String {
        let field = match self.field {
            Field::Name => "name",
            Field::Alias => "alias",
        };
        format!(
            "the {field} `{}` of `{}`",
            self.text, speakers[self.speaker].id
        )
    }
}

/// How alike two labels are, most alike first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Likeness {
    /// The same folded name.
    Same,
    /// Folded names this many edits apart.
    Near(usize),
}

/// Why a later speaker may be an earlier one.
#[derive(Clone, Copy)]
struct Evidence {
    likeness: Likeness,
    earlier: usize,
    later: usize,
}

pub fn duplicate_speakers(base: &ClaimBase) -> Vec<Finding> {
    let speakers = &base.speakers;
    let labels = labels(speakers);
    // Speakers are set against the one declared first, by file and place.
    let speaker_place = |label: usize| {
        let location = &speakers[labels[label].speaker].location;
        (location.file, location.span().start)
    };
    let groups = same_folded_name(&labels);
    // The first label of each group (by place) stands for it.
    let first_of = |group: &[usize]| {
        *group
            .iter()
            .min_by_key(|&&label| (speaker_place(label), labels[label].field))
            .expect("groups are not empty")
    };
    let firsts: Vec<usize> = groups.iter().map(|group| first_of(group)).collect();

    // For each speaker, the strongest evidence that it repeats an earlier one.
    let mut best: Vec<Option<Evidence>> = vec![None; speakers.len()];
    let mut offer = |likeness: Likeness, earlier: usize, later: usize| {
        let (e, l) = (&labels[earlier], &labels[later]);
        if e.speaker == l.speaker || speaker_place(earlier) > speaker_place(later) {
            return;
        }
        let rank = |evidence: &Evidence| {
            let earlier = &labels[evidence.earlier];
            let later = &labels[evidence.later];
            (
                evidence.likeness,
                earlier.field.max(later.field),
                speaker_place(evidence.earlier),
            )
        };
        let candidate = Evidence {
            likeness,
            earlier,
            later,
        };
        let slot = &mut best[l.speaker];
        if slot.is_none_or(|current| rank(&candidate) < rank(&current)) {
            *slot = Some(candidate);
        }
    };
    for (group, &first) in groups.iter().zip(&firsts) {
        for &label in group {
            offer(Likeness::Same, first, label);
        }
    }
    let names: Vec<&Folded> = firsts.iter().map(|&label| &labels[label].folded).collect();
    for (a, b, edits) in near_identical_pairs(&names) {
        for &label in &groups[b] {
            offer(Likeness::Near(edits), firsts[a], label);
        }
        for &label in &groups[a] {
            offer(Likeness::Near(edits), firsts[b], label);
        }
    }

    best.into_iter()
        .flatten()
        .map(|evidence| speaker_finding(speakers, &labels, evidence))
        .collect()
}

/// The labels grouped by folded name, in the order the names first occur.
fn same_folded_name(labels: &[Label]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<&str, usize> = HashMap::default();
    for (i, label) in labels.iter().enumerate() {
        let next = groups.len();
        let group = *group_of.entry(label.folded.key.as_str()).or_insert(next);
        if group == next {
            groups.push(Vec::new());
        }
        groups[group].push(i);
    }
    groups
}

/// Every speaker's name and aliases that hold a letter or digit, each folded name once per speaker.
fn labels(speakers: &[Speaker]) -> Vec<Label<'_>> {
    let mut labels = Vec::new();
    for (i, speaker) in speakers.iter().enumerate() {
        let mut seen = HashSet::default();
        let written = std::iter::once((Field::Name, &speaker.name))
            .chain(speaker.aliases.iter().map(|alias| (Field::Alias, alias)));
        for (field, text) in written {
            let folded = fold(text);
            if !folded.key.is_empty() && seen.insert(folded.key.clone()) {
                labels.push(Label {
                    speaker: i,
                    field,
                    text,
                    folded,
                });
            }
        }
    }
    labels
}

fn speaker_finding(speakers: &[Speaker], labels: &[Label], evidence: Evidence) -> Finding {
    let (earlier, later) = (&labels[evidence.earlier], &labels[evidence.later]);
    let (first, second) = (&speakers[earlier.speaker], &speakers[later.speaker]);
    let (both, what) = match (earlier.field, later.field) {
        (Field::Name, Field::Name) => (Some("both are named"), "names"),
        (Field::Alias, Field::Alias) => (Some("both have the alias"), "aliases"),
        _ => (None, ""),
    };
    let reason = match (evidence.likeness, both) {
        (Likeness::Same, Some(both)) if earlier.text == later.text => {
            format!("{both} `{}`", later.text)
        }
        (Likeness::Same, Some(_)) => format!(
            "their {what} `{}` and `{}` differ only in case, accents, spaces or punctuation",
            later.text, earlier.text
        ),
        (Likeness::Same, None) => format!(
            "{} is {}{}",
            later.describe(speakers),
            earlier.describe(speakers),
            if earlier.text == later.text {
                ""
            } else {
                " apart from case, accents, spaces or punctuation"
            }
        ),
        (Likeness::Near(edits), _) => format!(
            "{} and {} are {edits} {} apart once case, accents, spaces and punctuation are set aside",
            later.describe(speakers),
            earlier.describe(speakers),
            if edits == 1 { "letter" } else { "letters" }
        ),
    };
    Finding::new(
        Code::PossibleDuplicateSpeaker,
        second.location.clone(),
        format!(
            "speaker `{}` may be `{}` recorded twice: {reason}",
            second.id, first.id
        ),
    )
    .label(format!("possibly the same as `{}`", first.id))
    .related(first.location.clone(), format!("the earlier record `{}`", first.id))
    .help(format!(
        "if they are one party, keep `{}`, add `{}`'s names to its `aliases`, point every reference to `{}` at it and remove `{}`; if not, tell them apart in `name`",
        first.id, second.id, second.id, second.id
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{FIGURE, SOURCES, checked};

    fn speaker(id: &str, name: &str, aliases: &[&str]) -> String {
        format!(
            "\n[[speaker]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"person\"\naliases = {aliases:?}\n"
        )
    }

    /// The duplicate findings of a base with these extra speakers, as (speaker, message).
    fn duplicates(records: &str) -> Vec<(String, String)> {
        let checked = checked(&format!("{SOURCES}{records}"), FIGURE);
        checked
            .findings
            .iter()
            .filter(|f| f.code == Code::PossibleDuplicateSpeaker)
            .map(|f| {
                let related = &f.related[0].message;
                (related.to_string(), f.message.to_string())
            })
            .collect()
    }

    #[test]
    fn spellings_of_one_name_are_set_against_the_first() {
        let found = duplicates(
            &[
                speaker("pm-001", "Mostafa Pour Mohammadi", &[]),
                speaker("pm-002", "Mostafa Pour-Mohammadi", &[]),
                speaker("pm-003", "Mostafa Pourmohammadi", &[]),
            ]
            .concat(),
        );
        assert_eq!(
            found,
            [
                (
                    "the earlier record `pm-001`".to_string(),
                    "speaker `pm-002` may be `pm-001` recorded twice: their names `Mostafa Pour-Mohammadi` and `Mostafa Pour Mohammadi` differ only in case, accents, spaces or punctuation".to_string()
                ),
                (
                    "the earlier record `pm-001`".to_string(),
                    "speaker `pm-003` may be `pm-001` recorded twice: their names `Mostafa Pourmohammadi` and `Mostafa Pour Mohammadi` differ only in case, accents, spaces or punctuation".to_string()
                ),
            ]
        );
    }

    #[test]
    fn an_alias_matching_a_name_or_an_alias_is_a_duplicate() {
        let found = duplicates(
            &[
                speaker("hrana", "Human Rights Activists News Agency", &["HRANA"]),
                speaker("hrana-short", "HRANA", &[]),
                speaker("amnesty", "Amnesty International", &["Amnesty"]),
                speaker("amnesty-intl", "Amnesty Intl.", &["Amnesty"]),
            ]
            .concat(),
        );
        let messages: Vec<&str> = found.iter().map(|(_, message)| message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "speaker `hrana-short` may be `hrana` recorded twice: the name `HRANA` of `hrana-short` is the alias `HRANA` of `hrana`",
                "speaker `amnesty-intl` may be `amnesty` recorded twice: both have the alias `Amnesty`",
            ]
        );
    }

    #[test]
    fn near_identical_names_say_how_far_apart_they_are() {
        let found = duplicates(
            &[
                speaker("avaei", "Alireza Avaei", &[]),
                speaker("avaie", "Alireza Avaie", &[]),
            ]
            .concat(),
        );
        assert_eq!(
            found[0].1,
            "speaker `avaie` may be `avaei` recorded twice: the name `Alireza Avaie` of `avaie` and the name `Alireza Avaei` of `avaei` are 1 letter apart once case, accents, spaces and punctuation are set aside"
        );
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_later_speaker_is_reported_once_against_the_record_it_most_clearly_repeats() {
        let found = duplicates(
            &[
                speaker("avaei", "Alireza Avaei", &[]),
                speaker("avaie", "Alireza Avaie", &[]),
                speaker("avaie-again", "Alireza Avaie", &["Alireza Avaei"]),
            ]
            .concat(),
        );
        let messages: Vec<&str> = found.iter().map(|(_, message)| message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "speaker `avaie` may be `avaei` recorded twice: the name `Alireza Avaie` of `avaie` and the name `Alireza Avaei` of `avaei` are 1 letter apart once case, accents, spaces and punctuation are set aside",
                "speaker `avaie-again` may be `avaie` recorded twice: both are named `Alireza Avaie`",
            ]
        );
    }

    #[test]
    fn distinct_parties_that_look_alike_are_not_duplicates() {
        let found = duplicates(
            &[
                speaker("outlet-doc000", "Unnamed news outlet (document 000)", &[]),
                speaker("outlet-doc002", "Unnamed news outlet (document 002)", &[]),
                speaker("nayyeri", "Hossein Ali Nayyeri", &[]),
                speaker("montazeri", "Hossein Ali Montazeri", &[]),
                // Its own aliases folding to its name are no duplicate.
                speaker(
                    "pour-mohammadi",
                    "Pour Mohammadi",
                    &["Pour-Mohammadi", "Pourmohammadi"],
                ),
            ]
            .concat(),
        );
        assert_eq!(found, []);
    }
}

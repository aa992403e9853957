//! Claims: each drawn from its own stream, cites a source, names a speaker and usually a figure,
//! and quotes its value in words the value check finds.

use crate::records::{field, list};
use crate::rng::Rng;
use crate::shape::ClaimTwist;
use crate::values::{Stated, VagueWords, Value, conflicting_value, count_value, text};
use crate::words::{LEADS, NOTES, NOUNS, PLACES, PRISONS, TAILS, VERBS};
use crate::world::{FigureKind, Source, World};
use std::fmt::Write as _;
use toml::ser::Error;

/// Write claim `i` as TOML.
pub fn write_claim(
    out: &mut String,
    rng: &mut Rng,
    i: usize,
    world: &World,
    vague: &VagueWords,
    twist: &ClaimTwist,
) -> Result<(), Error> {
    let sources = &world.sources;
    let speakers = &world.speakers;
    // Consecutive claims come from one source, as when a document is read claim by claim; every
    // source gets claims.
    let source_index = (i / 10) % sources.len();
    let source = &sources[source_index];
    let speaker = match twist.speaker(i, rng) {
        Some(speaker) => speaker,
        None if rng.chance(0.5) => source.publisher,
        None => rng.below(speakers.len()),
    };
    let figure = match twist.figure(i) {
        Some(figure) => Some(figure),
        None => (!rng.chance(0.05)).then(|| rng.below(world.figures.len())),
    };

    let noun = rng.pick(NOUNS);
    let verb = rng.pick(VERBS);
    let lead = rng.pick(LEADS);
    let tail = rng.pick(TAILS);
    let place = rng.pick(PLACES);

    let mut value: Option<Stated> = None;
    let mut as_of: Option<String> = None;
    let mut figure_id = None;
    if let Some(f) = figure.map(|f| &world.figures[f]) {
        figure_id = Some(f.id.as_str());
        value = Some(match (twist.value(i, rng), f.kind) {
            (Some(stated), _) => stated,
            (None, FigureKind::Label) => text(rng.pick(PRISONS).to_string()),
            (None, FigureKind::Count | FigureKind::Varies) => {
                if f.disputed && rng.chance(0.1) {
                    conflicting_value(rng, &f.canon)
                } else {
                    count_value(rng, &f.canon, vague)
                }
            }
        });
        if f.kind == FigureKind::Varies {
            // Three years, so each window holds several claims.
            let year = f.year + rng.range(0, 2);
            as_of = Some(if rng.chance(0.5) {
                format!("{year}")
            } else {
                format!("{year}-{:02}", rng.range(1, 12))
            });
        } else if rng.chance(0.1) {
            as_of = Some(format!("{}", rng.range(1988, 1990)));
        }
    }

    let (quote, statement) = match (&value, figure.map(|f| world.figures[f].kind)) {
        (Some(stated), Some(FigureKind::Label)) => (
            format!(
                "{lead} most of those detained in {place} were taken to {} {tail}",
                stated.in_quote
            ),
            format!(
                "The speaker says that most detainees from {place} were taken to {}.",
                stated.in_quote
            ),
        ),
        (Some(stated), _) => (
            format!("{lead} {} {noun} {verb} in {place} {tail}", stated.in_quote),
            format!(
                "The speaker says that {} {noun} {verb} in {place}.",
                stated.in_quote
            ),
        ),
        (None, _) => (
            format!("{lead} the {noun} of {place} {verb} {tail}"),
            format!("The speaker describes how the {noun} of {place} {verb}."),
        ),
    };

    out.push_str("[[claim]]\n");
    let _ = writeln!(out, "id = \"clm-{i:07}\"");
    if let Some(id) = figure_id {
        field(out, "figure", id)?;
    }
    if let Some(stated) = &value {
        match &stated.value {
            Value::Integer(n) => {
                let _ = writeln!(out, "value = {n}");
            }
            Value::Text(t) => field(out, "value", t)?,
        }
    }
    if rng.chance(0.6) {
        field(out, "statement", &statement)?;
    }
    field(out, "speaker", &speakers[speaker].id)?;
    field(out, "source", &source.id)?;
    // A few claims are cited by locator alone.
    let has_quote = !rng.chance(0.03);
    if has_quote {
        field(out, "quote", &quote)?;
    }
    if !has_quote || rng.chance(0.8) {
        let locator = if rng.chance(0.8) {
            format!("paragraph {}", rng.range(1, 40))
        } else {
            format!("page {}", rng.range(1, 300))
        };
        field(out, "locator", &locator)?;
    }
    if let Some(as_of) = twist.as_of(i).or(as_of) {
        field(out, "as_of", &as_of)?;
    }
    let according_to = match twist.according_to(i, speaker, rng) {
        Some(party) => party,
        None => rng.chance(0.15).then(|| rng.below(speakers.len())),
    };
    if let Some(party) = according_to {
        field(out, "according_to", &speakers[party].id)?;
    }
    let basis = match twist.basis(i) {
        Some(basis) => basis,
        None if rng.chance(0.3) => normal_basis(rng, i, sources),
        None => Vec::new(),
    };
    if !basis.is_empty() {
        let basis: Vec<&str> = basis.iter().map(String::as_str).collect();
        list(out, "basis", &basis)?;
    }
    if let Some(earlier) = twist.supersedes(i) {
        list(out, "supersedes", &[earlier.as_str()])?;
    }
    if rng.chance(0.2) {
        field(out, "note", rng.pick(NOTES))?;
    }
    out.push('\n');
    Ok(())
}

/// One or two entries, each a kind of evidence, a source or an earlier claim.
fn normal_basis(rng: &mut Rng, i: usize, sources: &[Source]) -> Vec<String> {
    let mut basis: Vec<String> = Vec::new();
    for _ in 0..rng.range(1, 2) {
        let entry = match rng.below(6) {
            0 => "witness".to_string(),
            1 => "own-research".to_string(),
            2 => ["own-count", "official-records"][rng.below(2)].to_string(),
            3 => sources[rng.below(sources.len())].id.clone(),
            // Only earlier claims, so basis never forms a cycle.
            _ if i > 0 => format!("clm-{:07}", i - 1 - rng.below(i.min(500))),
            _ => "witness".to_string(),
        };
        if !basis.contains(&entry) {
            basis.push(entry);
        }
    }
    basis
}

//! The records of a synthetic claim base before they are written: speakers, sources and figures,
//! drawn from the vocabulary with each kind's own random stream.

use crate::rng::Rng;
use crate::values::round2;
use crate::words::{
    EVENTS, FIRST_NAMES, LAST_NAMES, NOTES, ORG_KINDS, ORG_WORDS, OUTLETS, PLACES, SUBJECTS,
};
use std::fmt::Write as _;

#[derive(Clone, Copy, PartialEq)]
pub enum SpeakerKind {
    Person,
    Organisation,
    Government,
    Outlet,
}

pub struct Speaker {
    pub id: String,
    pub name: String,
    pub kind: SpeakerKind,
    pub aliases: Vec<String>,
    pub affiliations: Vec<usize>,
    pub note: Option<&'static str>,
}

pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: usize,
    pub kind: &'static str,
    pub published: String,
    pub url: Option<String>,
    pub sha256: Option<String>,
    pub note: Option<&'static str>,
}

#[derive(Clone, Copy, PartialEq)]
pub enum FigureKind {
    Count,
    Label,
    Varies,
}

pub struct Figure {
    pub id: String,
    pub label: String,
    pub unit: Option<&'static str>,
    pub subject: Option<usize>,
    pub kind: FigureKind,
    /// The numbers the figure's sources state: one, or two that disagree.
    pub canon: Vec<u64>,
    /// Whether some claims give values that conflict with `canon`.
    pub disputed: bool,
    /// First year of the as_of dates of a varying figure.
    pub year: u64,
    pub note: Option<&'static str>,
}

pub struct World {
    pub speakers: Vec<Speaker>,
    pub sources: Vec<Source>,
    pub figures: Vec<Figure>,
}

pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// `count` speakers numbered from `first`, to be placed at that index of the base's speakers.
pub fn make_speakers(rng: &mut Rng, first: usize, count: usize) -> Vec<Speaker> {
    let mut speakers: Vec<Speaker> = Vec::with_capacity(count);
    let mut organisations: Vec<usize> = Vec::new();
    for i in first..first + count {
        let kind = match rng.below(10) {
            0..=4 => SpeakerKind::Person,
            5..=6 => SpeakerKind::Organisation,
            7 => SpeakerKind::Government,
            _ => SpeakerKind::Outlet,
        };
        let (name, alias) = match kind {
            SpeakerKind::Person => {
                let first = rng.pick(FIRST_NAMES);
                let last = rng.pick(LAST_NAMES);
                (
                    format!("{first} {last}"),
                    format!("{}. {last}", first.chars().next().unwrap_or('X')),
                )
            }
            SpeakerKind::Organisation => {
                let word = rng.pick(ORG_WORDS);
                let kind = rng.pick(ORG_KINDS);
                let place = rng.pick(PLACES);
                let name = format!("{place} {kind} for {word}");
                let initials: String = name
                    .split(' ')
                    .filter(|w| w.len() > 3)
                    .filter_map(|w| w.chars().next())
                    .collect();
                (name, initials)
            }
            SpeakerKind::Government => {
                let place = rng.pick(PLACES);
                (
                    format!("Provincial Governorate of {place}"),
                    format!("{place} governorate"),
                )
            }
            SpeakerKind::Outlet => {
                let place = rng.pick(PLACES);
                let outlet = rng.pick(OUTLETS);
                (format!("The {place} {outlet}"), format!("{place} {outlet}"))
            }
        };
        let id = format!("spk-{i:06}-{}", slug(&name));
        let aliases = if rng.chance(0.3) {
            vec![alias]
        } else {
            Vec::new()
        };
        // Persons sometimes speak for an organisation declared before them (no cycles).
        let mut affiliations = Vec::new();
        if kind == SpeakerKind::Person && !organisations.is_empty() && rng.chance(0.3) {
            affiliations.push(organisations[rng.below(organisations.len())]);
        }
        if matches!(kind, SpeakerKind::Organisation | SpeakerKind::Government) {
            organisations.push(i);
        }
        let note = rng.chance(0.25).then(|| rng.pick(NOTES));
        speakers.push(Speaker {
            id,
            name,
            kind,
            aliases,
            affiliations,
            note,
        });
    }
    speakers
}

pub fn date(rng: &mut Rng, first_year: u64, last_year: u64) -> String {
    let year = rng.range(first_year, last_year);
    match rng.below(4) {
        0 => format!("{year}"),
        1 => format!("{year}-{:02}", rng.range(1, 12)),
        _ => format!("{year}-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28)),
    }
}

pub fn make_sources(rng: &mut Rng, count: usize, speakers: &[Speaker]) -> Vec<Source> {
    const KINDS: &[&str] = &[
        "report",
        "press-release",
        "news",
        "news",
        "news",
        "statement",
        "transcript",
        "event",
        "other",
    ];
    (0..count)
        .map(|i| {
            // Every speaker publishes at least one source, so none is unused.
            let publisher = if i < speakers.len() {
                i
            } else {
                rng.below(speakers.len())
            };
            let event = rng.pick(EVENTS);
            let place = rng.pick(PLACES);
            let title = match rng.below(4) {
                0 => format!(
                    "New evidence on {event} in {place} and the fate of those who disappeared"
                ),
                1 => format!(
                    "{}: families demand answers about {event}",
                    speakers[publisher].name
                ),
                2 => format!("Blood-soaked secrets: {event} in {place} revisited"),
                _ => {
                    format!("Statement on {event} and the continuing impunity of those responsible")
                }
            };
            let id = format!("src-{i:06}");
            let url = rng.chance(0.7).then(|| {
                format!(
                    "https://example.org/{}/{id}",
                    slug(&speakers[publisher].name)
                )
            });
            let sha256 = rng.chance(0.2).then(|| {
                let mut hex = String::with_capacity(64);
                for _ in 0..4 {
                    let _ = write!(hex, "{:016x}", rng.next_u64());
                }
                hex
            });
            Source {
                id,
                title,
                publisher,
                kind: rng.pick(KINDS),
                published: date(rng, 1989, 2024),
                url,
                sha256,
                note: rng.chance(0.15).then(|| rng.pick(NOTES)),
            }
        })
        .collect()
}

pub fn make_figures(rng: &mut Rng, count: usize, speakers: &[Speaker]) -> Vec<Figure> {
    (0..count)
        .map(|i| {
            let kind = match rng.below(100) {
                0..=5 => FigureKind::Label,
                6..=13 => FigureKind::Varies,
                _ => FigureKind::Count,
            };
            let place = rng.pick(PLACES);
            let event = rng.pick(EVENTS);
            let subject_text = rng.pick(SUBJECTS);
            let (label, unit) = match kind {
                FigureKind::Count => (
                    format!("Number of {subject_text} in {place} during {event}"),
                    Some("people"),
                ),
                FigureKind::Varies => (
                    format!("Number of {subject_text} in {place}, as counted at the time"),
                    Some("people"),
                ),
                FigureKind::Label => (
                    format!("Where most of those held in {place} were taken during {event}"),
                    None,
                ),
            };
            let id = format!("fig-{i:05}/{}", slug(subject_text));
            // Magnitudes from a dozen to a few million, log-uniform.
            let exponent = rng.range(1, 6) as u32;
            let magnitude = round2(rng.range(12, 99) * 10u64.pow(exponent) / 10);
            let mut canon = vec![magnitude];
            if rng.chance(0.25) {
                canon.push(round2(magnitude * 13 / 10));
            }
            let subject =
                (kind == FigureKind::Label && rng.chance(0.5)).then(|| rng.below(speakers.len()));
            Figure {
                id,
                label,
                unit,
                subject,
                kind,
                canon,
                disputed: rng.chance(0.3),
                year: rng.range(1988, 2020),
                note: rng.chance(0.2).then(|| rng.pick(NOTES)),
            }
        })
        .collect()
}

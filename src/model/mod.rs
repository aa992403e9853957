//! The resolved claim base: records with their ids checked, dates parsed, values read and every
//! reference resolved to an index, plus the graph that holds every relation between them. Later
//! code relies on what is resolved here and never re-checks it.

pub mod date;
mod fields;
pub mod graph;
pub mod ids;
mod quote_readings;
mod record_text;
mod references;
mod resolve;
mod values;

pub use graph::{Node, Relation};
pub use record_text::RecordText;

use crate::input::config::Config;
use crate::input::files::{FileId, Files, Location};
use crate::input::records::{ClaimMeasure, SourceKind, SpeakerKind, Stance, ValueKind};
use crate::model::date::{PartialDate, Precision};
use crate::value::{Counting, Reading, Unit};
use petgraph::graph::DiGraph;
use std::sync::{Arc, OnceLock};
use toml::Spanned;

/// A basis the speaker has first-hand rather than from another record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FirstHand {
    Witness,
    OwnCount,
    OwnResearch,
    OfficialRecords,
}

impl FirstHand {
    pub const ALL: [(&'static str, FirstHand); 4] = [
        ("witness", FirstHand::Witness),
        ("own-count", FirstHand::OwnCount),
        ("own-research", FirstHand::OwnResearch),
        ("official-records", FirstHand::OfficialRecords),
    ];

    pub fn name(self) -> &'static str {
        FirstHand::ALL
            .iter()
            .find(|(_, basis)| *basis == self)
            .map_or("", |(name, _)| name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    Source(usize),
    Claim(usize),
    FirstHand(FirstHand),
}

#[derive(Debug, Clone)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    pub kind: SpeakerKind,
    pub aliases: Vec<String>,
    pub affiliations: Vec<Affiliation>,
    pub note: Option<String>,
    pub location: Location,
}

impl Speaker {
    /// An anonymous speaker's affiliations are what the reporter claims, so they join no group.
    pub fn is_anonymous(&self) -> bool {
        self.kind == SpeakerKind::Anonymous
    }
}

/// A speaker's membership of another, holding between two dates when dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Affiliation {
    pub speaker: usize,
    pub from: Option<PartialDate>,
    pub until: Option<PartialDate>,
}

impl Affiliation {
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }

    /// Whether the affiliation may hold on `date`; an undated claim gets the benefit of the doubt.
    pub fn holds_at(&self, date: Option<PartialDate>) -> bool {
        let Some(date) = date else {
            return true;
        };
        !self.from.is_some_and(|from| from.surely_after(date))
            && !self.until.is_some_and(|until| date.surely_after(until))
    }
}

#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<usize>,
    /// The speakers who wrote the source, when it names them.
    pub authors: Vec<usize>,
    pub kind: SourceKind,
    pub published: Option<PartialDate>,
    /// Where `published` is written.
    pub published_location: Location,
    pub url: Option<String>,
    pub sha256: Option<Spanned<String>>,
    /// The file name of the source's archived text, so a changed copy can be told from a missing one.
    pub archive_file: Option<String>,
    pub note: Option<String>,
    pub location: Location,
}

#[derive(Debug, Clone)]
pub struct Figure {
    pub id: String,
    pub label: String,
    pub unit: Option<String>,
    /// The unit of measure or currency `unit` names, which values and quotes may write after
    /// their numbers; None for a figure that counts.
    pub measured_in: Option<Unit>,
    /// The figure this one is a part of.
    pub part_of: Option<usize>,
    pub subject: Option<usize>,
    pub values: ValueKind,
    pub varies: bool,
    pub window: Precision,
    pub note: Option<String>,
    pub location: Location,
}

impl Figure {
    /// What the figure says it counts, for values and quotes whose words count groups or an
    /// increase.
    pub fn counting(&self) -> Counting<'_> {
        Counting {
            unit: self.unit.as_deref(),
            label: &self.label,
        }
    }
}

/// A claim's value: as written, and as read when the figure counts.
#[derive(Debug, Clone)]
pub struct ClaimValue {
    pub written: Box<str>,
    /// As compared: the reading of the words, open upwards when the claim's measure is a lower
    /// bound. `None` for label figures and for values the grammar could not read. Shared: a base
    /// writes the same few values over and over, and a reading is most of a claim's size.
    pub reading: Option<Arc<Reading>>,
    /// The reading of the words themselves, when the measure changed it for comparing.
    pub worded: Option<Arc<Reading>>,
    pub location: Location,
}

impl ClaimValue {
    /// How the words read, before the claim's measure is applied: what a quote is checked against.
    pub fn words_reading(&self) -> Option<&Reading> {
        self.worded.as_deref().or(self.reading.as_deref())
    }
}

/// `Default` is an empty placeholder, which resolving overwrites.
#[derive(Debug, Clone, Default)]
pub struct Claim {
    pub id: Box<str>,
    figure: Option<u32>,
    pub value: Option<ClaimValue>,
    pub statement: Option<RecordText>,
    speaker: Option<u32>,
    source: Option<u32>,
    /// Whether the record names a source at all, resolved or not.
    pub names_source: bool,
    pub quote: Option<RecordText>,
    pub locator: Option<RecordText>,
    /// The claim's own `as_of`, or else its source's publication date.
    pub as_of: Option<PartialDate>,
    /// Where the claim's own `as_of` is written, when it gives one.
    pub as_of_location: Option<Location>,
    /// The parties the statement is attributed to: "according to X" (and Y).
    pub according_to: Box<[usize]>,
    pub basis: Box<[Basis]>,
    pub measure: ClaimMeasure,
    pub stance: Stance,
    /// Disputes, revisions and withdrawal, when the claim has any (see the methods of the same
    /// names).
    revisions: Option<Box<Revisions>>,
    pub note: Option<RecordText>,
    pub location: Location,
}

/// What few claims carry: the claims a dispute rejects, the revisions a claim makes or undergoes,
/// its withdrawal. Boxed apart, since every claim of a base would pay for the fields.
#[derive(Debug, Clone, Default, PartialEq)]
struct Revisions {
    disputes: Vec<usize>,
    supersedes: Vec<usize>,
    supersedes_at: Vec<Location>,
    superseded_by: Vec<usize>,
    withdrawn: Option<String>,
}

impl Revisions {
    /// The claim's own disputes, revisions and withdrawal, boxed; None when it has none. Which
    /// claims replace it is added once every claim is resolved.
    fn of(
        disputes: Vec<usize>,
        supersedes: Vec<usize>,
        supersedes_at: Vec<Location>,
        withdrawn: Option<String>,
    ) -> Option<Box<Revisions>> {
        let revisions = Revisions {
            disputes,
            supersedes,
            supersedes_at,
            superseded_by: Vec::new(),
            withdrawn,
        };
        (revisions != Revisions::default()).then(|| Box::new(revisions))
    }
}

impl Claim {
    pub fn file(&self) -> FileId {
        self.location.file
    }

    /// The figure the claim measures, as an index into [`ClaimBase::figures`].
    pub fn figure(&self) -> Option<usize> {
        self.figure.map(|f| f as usize)
    }

    /// The speaker who makes the claim, as an index into [`ClaimBase::speakers`].
    pub fn speaker(&self) -> Option<usize> {
        self.speaker.map(|s| s as usize)
    }

    /// The source the claim appears in, as an index into [`ClaimBase::sources`].
    pub fn source(&self) -> Option<usize> {
        self.source.map(|s| s as usize)
    }

    /// The quote as read, from the claim's file among `files`.
    pub fn quote_text<'a>(&'a self, files: &'a Files) -> Option<&'a str> {
        Some(self.text_of(self.quote.as_ref()?, files))
    }

    /// The statement as read, from the claim's file among `files`.
    pub fn statement_text<'a>(&'a self, files: &'a Files) -> Option<&'a str> {
        Some(self.text_of(self.statement.as_ref()?, files))
    }

    /// The locator as read, from the claim's file among `files`.
    pub fn locator_text<'a>(&'a self, files: &'a Files) -> Option<&'a str> {
        Some(self.text_of(self.locator.as_ref()?, files))
    }

    /// The note as read, from the claim's file among `files`.
    pub fn note_text<'a>(&'a self, files: &'a Files) -> Option<&'a str> {
        Some(self.text_of(self.note.as_ref()?, files))
    }

    fn text_of<'a>(&self, text: &'a RecordText, files: &'a Files) -> &'a str {
        text.text(&files.get(self.file()).text)
    }

    /// The claims a dispute rejects.
    pub fn disputes(&self) -> &[usize] {
        self.revisions.as_ref().map_or(&[], |r| &r.disputes)
    }

    /// The earlier claims this one replaces.
    pub fn supersedes(&self) -> &[usize] {
        self.revisions.as_ref().map_or(&[], |r| &r.supersedes)
    }

    /// Where each of [`Claim::supersedes`] is named.
    pub fn supersedes_at(&self) -> &[Location] {
        self.revisions.as_ref().map_or(&[], |r| &r.supersedes_at)
    }

    /// The later claims that replace this one.
    pub fn superseded_by(&self) -> &[usize] {
        self.revisions.as_ref().map_or(&[], |r| &r.superseded_by)
    }

    /// Why the speaker retracted the claim.
    pub fn withdrawn(&self) -> Option<&str> {
        self.revisions.as_ref()?.withdrawn.as_deref()
    }

    /// Who the statement is from: the parties it is attributed to, or else its speaker.
    pub fn voices(&self) -> Vec<usize> {
        if self.according_to.is_empty() {
            self.speaker().into_iter().collect()
        } else {
            self.according_to.to_vec()
        }
    }

    /// Whether the claim stands as its origin's value now: neither replaced nor withdrawn.
    pub fn is_current(&self) -> bool {
        self.superseded_by().is_empty() && self.withdrawn().is_none()
    }

    /// Whether the value is the speaker's own position: asserted, or given in a dispute, rather
    /// than only reported.
    pub fn is_own_position(&self) -> bool {
        self.stance != Stance::Reports && self.value.is_some()
    }

    /// Where the claim's value is written, or its id when it has none.
    pub fn value_location(&self) -> &Location {
        self.value.as_ref().map_or(&self.location, |v| &v.location)
    }
}

#[derive(Debug)]
pub struct ClaimBase {
    pub files: Files,
    pub config: Config,
    pub speakers: Vec<Speaker>,
    pub sources: Vec<Source>,
    pub figures: Vec<Figure>,
    pub claims: Vec<Claim>,
    pub graph: DiGraph<Node, Relation>,
    pub(crate) ids: ids::IdMap,
    /// See [`ClaimBase::quote_readings`].
    quote_readings: OnceLock<quote_readings::QuoteReadings>,
}

impl ClaimBase {
    /// The record an id names, of any kind.
    pub fn lookup(&self, id: &str) -> Option<Node> {
        self.ids.get(ids::id_key(id).as_ref())
    }

    /// How a basis is named in records and reports: an id or a first-hand basis.
    pub fn basis_name(&self, basis: Basis) -> &str {
        match basis {
            Basis::Source(s) => &self.sources[s].id,
            Basis::Claim(c) => &self.claims[c].id,
            Basis::FirstHand(kind) => kind.name(),
        }
    }

    /// The figure a finding is about: that of the first claim it names.
    pub fn figure_of_finding(&self, finding: &crate::finding::Finding) -> Option<&str> {
        self.figure_of_claim(finding.claims.first()?)
    }

    /// The id of the figure the claim with this id measures.
    pub fn figure_of_claim(&self, claim_id: &str) -> Option<&str> {
        match self.lookup(claim_id)? {
            Node::Claim(c) => self.claims[c].figure().map(|f| self.figures[f].id.as_str()),
            _ => None,
        }
    }

    pub fn figure_by_id(&self, id: &str) -> Option<usize> {
        match self.lookup(id) {
            Some(Node::Figure(i)) => Some(i),
            _ => None,
        }
    }
}

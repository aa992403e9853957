//! The resolved claim base: raw records with their ids checked, dates parsed, values read and every
//! reference resolved to an index, plus one petgraph graph linking claims, figures, sources and
//! speakers. Later code relies on what is resolved here and never re-checks it.

use crate::config::Config;
use crate::date::{PartialDate, Precision};
use crate::files::{FileId, Files, Location};
use crate::finding::{Code, Finding, did_you_mean};
use crate::loader::{InFile, Loaded};
use crate::records::{DateText, SourceKind, SpeakerKind, ValueKind, ValueText};
use crate::value::{self, Measure, Reading};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::HashMap;
use toml::Spanned;

/// What a record is, as a node of the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Figure(usize),
    Claim(usize),
    Source(usize),
    Speaker(usize),
}

impl Node {
    fn kind_name(self) -> &'static str {
        match self {
            Node::Figure(_) => "figure",
            Node::Claim(_) => "claim",
            Node::Source(_) => "source",
            Node::Speaker(_) => "speaker",
        }
    }
}

/// How two records relate: the edges of the graph, pointing from the record that names the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// claim → figure
    Measures,
    /// claim → speaker
    StatedBy,
    /// claim → source
    AppearsIn,
    /// claim → speaker: "according to"
    AttributedTo,
    /// claim → source or claim
    RestsOn,
    /// source → speaker
    PublishedBy,
    /// speaker → speaker
    AffiliatedWith,
    /// figure → speaker: the party the figure is about, such as the holder of an office
    About,
}

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
    pub affiliations: Vec<usize>,
    pub note: Option<String>,
    pub location: Location,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<usize>,
    pub kind: SourceKind,
    pub published: Option<PartialDate>,
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
    pub subject: Option<usize>,
    pub values: ValueKind,
    pub varies: bool,
    pub window: Precision,
    pub note: Option<String>,
    pub location: Location,
}

/// A claim's value: as written, and as read when the figure counts.
#[derive(Debug, Clone)]
pub struct ClaimValue {
    pub written: String,
    /// `None` for label figures and for values the grammar could not read.
    pub reading: Option<Reading>,
    pub location: Location,
}

#[derive(Debug, Clone)]
pub struct Claim {
    pub id: String,
    pub figure: Option<usize>,
    pub value: Option<ClaimValue>,
    pub statement: Option<String>,
    pub speaker: Option<usize>,
    pub source: Option<usize>,
    /// Whether the record names a source at all, resolved or not.
    pub names_source: bool,
    pub quote: Option<Spanned<String>>,
    pub locator: Option<String>,
    /// The claim's own `as_of`, or else its source's publication date.
    pub as_of: Option<PartialDate>,
    pub according_to: Option<usize>,
    pub basis: Vec<Basis>,
    pub note: Option<String>,
    pub location: Location,
}

impl Claim {
    pub fn file(&self) -> FileId {
        self.location.file
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
    ids: HashMap<String, Node>,
}

impl ClaimBase {
    /// Resolve loaded records into the model. Problems become findings; the model keeps every record
    /// whose id could be read, with unresolved references left empty.
    pub fn resolve(loaded: Loaded, config: Config) -> (ClaimBase, Vec<Finding>) {
        let Loaded {
            files,
            raw,
            mut findings,
        } = loaded;
        let mut resolver = Resolver {
            ids: HashMap::new(),
            id_locations: HashMap::new(),
            findings: Vec::new(),
        };
        resolver.declare(&raw.speakers, |r| &r.id, Node::Speaker);
        resolver.declare(&raw.sources, |r| &r.id, Node::Source);
        resolver.declare(&raw.figures, |r| &r.id, Node::Figure);
        resolver.declare(&raw.claims, |r| &r.id, Node::Claim);

        let speakers: Vec<Speaker> = raw
            .speakers
            .iter()
            .map(|InFile { file, record }| Speaker {
                id: record.id.get_ref().clone(),
                name: record.name.get_ref().clone(),
                kind: *record.kind.get_ref(),
                aliases: record.aliases.iter().map(|a| a.get_ref().clone()).collect(),
                affiliations: record
                    .affiliations
                    .iter()
                    .filter_map(|id| resolver.speaker(id, *file, "affiliations"))
                    .collect(),
                note: inner(&record.note),
                location: Location::new(*file, record.id.span()),
            })
            .collect();
        let sources: Vec<Source> = raw
            .sources
            .iter()
            .map(|InFile { file, record }| Source {
                id: record.id.get_ref().clone(),
                title: record.title.get_ref().clone(),
                publisher: resolver.speaker(&record.publisher, *file, "publisher"),
                kind: *record.kind.get_ref(),
                published: resolver.date(&record.published, *file),
                url: inner(&record.url),
                sha256: resolver.sha256(&record.sha256, *file),
                archive_file: inner(&record.archive_file),
                note: inner(&record.note),
                location: Location::new(*file, record.id.span()),
            })
            .collect();
        let figures: Vec<Figure> = raw
            .figures
            .iter()
            .map(|InFile { file, record }| Figure {
                id: record.id.get_ref().clone(),
                label: record.label.get_ref().clone(),
                unit: inner(&record.unit),
                subject: record
                    .subject
                    .as_ref()
                    .and_then(|id| resolver.speaker(id, *file, "subject")),
                values: record.values,
                varies: record.varies,
                window: record
                    .window
                    .as_ref()
                    .map(|w| *w.get_ref())
                    .unwrap_or_default(),
                note: inner(&record.note),
                location: Location::new(*file, record.id.span()),
            })
            .collect();
        let mut readings = read_values(&raw, &config).into_iter();
        // Claims are the bulk of a base: their text moves into the model rather than being copied.
        let claims: Vec<Claim> = raw
            .claims
            .into_iter()
            .map(|InFile { file, record }| {
                let figure = record
                    .figure
                    .as_ref()
                    .and_then(|id| resolver.figure(id, file));
                let source = record
                    .source
                    .as_ref()
                    .and_then(|id| resolver.reference(id, file, "source", Target::Source))
                    .and_then(Node::source);
                let read = readings.next().flatten();
                let figure_record = figure.map(|f| &figures[f]);
                let value = resolver.value(&record, figure_record, &files, file, &config, read);
                let as_of = match &record.as_of {
                    Some(date) => resolver.date(date, file),
                    None => source.and_then(|s| sources[s].published),
                };
                let speaker = resolver.speaker(&record.speaker, file, "speaker");
                let according_to = record
                    .according_to
                    .as_ref()
                    .and_then(|id| resolver.speaker(id, file, "according_to"));
                let basis = record
                    .basis
                    .iter()
                    .filter_map(|id| resolver.basis(id, file))
                    .collect();
                let location = Location::new(file, record.id.span());
                Claim {
                    id: record.id.into_inner(),
                    figure,
                    value,
                    statement: record.statement.map(Spanned::into_inner),
                    speaker,
                    source,
                    names_source: record.source.is_some(),
                    quote: record.quote,
                    locator: record.locator.map(Spanned::into_inner),
                    as_of,
                    according_to,
                    basis,
                    note: record.note.map(Spanned::into_inner),
                    location,
                }
            })
            .collect();
        findings.append(&mut resolver.findings);

        let mut base = ClaimBase {
            files,
            config,
            speakers,
            sources,
            figures,
            claims,
            graph: DiGraph::new(),
            ids: resolver.ids,
        };
        base.build_graph();
        (base, findings)
    }

    fn build_graph(&mut self) {
        let mut graph = DiGraph::with_capacity(
            self.figures.len() + self.claims.len() + self.sources.len() + self.speakers.len(),
            self.claims.len() * 4,
        );
        // Nodes are added kind by kind, so a record's node index is derived from its position.
        (0..self.figures.len()).for_each(|i| {
            graph.add_node(Node::Figure(i));
        });
        (0..self.claims.len()).for_each(|i| {
            graph.add_node(Node::Claim(i));
        });
        (0..self.sources.len()).for_each(|i| {
            graph.add_node(Node::Source(i));
        });
        (0..self.speakers.len()).for_each(|i| {
            graph.add_node(Node::Speaker(i));
        });
        self.graph = graph;
        for (i, claim) in self.claims.iter().enumerate() {
            let from = self.node(Node::Claim(i));
            let mut edges = Vec::new();
            edges.extend(claim.figure.map(|f| (Node::Figure(f), Relation::Measures)));
            edges.extend(
                claim
                    .speaker
                    .map(|s| (Node::Speaker(s), Relation::StatedBy)),
            );
            edges.extend(claim.source.map(|s| (Node::Source(s), Relation::AppearsIn)));
            edges.extend(
                claim
                    .according_to
                    .map(|s| (Node::Speaker(s), Relation::AttributedTo)),
            );
            edges.extend(claim.basis.iter().filter_map(|basis| match *basis {
                Basis::Source(s) => Some((Node::Source(s), Relation::RestsOn)),
                Basis::Claim(c) => Some((Node::Claim(c), Relation::RestsOn)),
                Basis::FirstHand(_) => None,
            }));
            for (to, relation) in edges {
                let to = self.node(to);
                self.graph.add_edge(from, to, relation);
            }
        }
        for (i, source) in self.sources.iter().enumerate() {
            if let Some(publisher) = source.publisher {
                let (from, to) = (
                    self.node(Node::Source(i)),
                    self.node(Node::Speaker(publisher)),
                );
                self.graph.add_edge(from, to, Relation::PublishedBy);
            }
        }
        for (i, figure) in self.figures.iter().enumerate() {
            if let Some(subject) = figure.subject {
                let (from, to) = (
                    self.node(Node::Figure(i)),
                    self.node(Node::Speaker(subject)),
                );
                self.graph.add_edge(from, to, Relation::About);
            }
        }
        for (i, speaker) in self.speakers.iter().enumerate() {
            for &group in &speaker.affiliations {
                let (from, to) = (self.node(Node::Speaker(i)), self.node(Node::Speaker(group)));
                self.graph.add_edge(from, to, Relation::AffiliatedWith);
            }
        }
    }

    /// The graph node of a record.
    pub fn node(&self, node: Node) -> NodeIndex {
        let (offset, i) = match node {
            Node::Figure(i) => (0, i),
            Node::Claim(i) => (self.figures.len(), i),
            Node::Source(i) => (self.figures.len() + self.claims.len(), i),
            Node::Speaker(i) => (
                self.figures.len() + self.claims.len() + self.sources.len(),
                i,
            ),
        };
        NodeIndex::new(offset + i)
    }

    /// The record an id names, of any kind.
    pub fn lookup(&self, id: &str) -> Option<Node> {
        self.ids.get(id).copied()
    }

    /// How a basis is named in records and reports: an id or a first-hand basis.
    pub fn basis_name(&self, basis: Basis) -> &str {
        match basis {
            Basis::Source(s) => &self.sources[s].id,
            Basis::Claim(c) => &self.claims[c].id,
            Basis::FirstHand(kind) => kind.name(),
        }
    }

    /// The id of the figure the claim with this id measures.
    pub fn figure_of_claim(&self, claim_id: &str) -> Option<&str> {
        match self.lookup(claim_id)? {
            Node::Claim(c) => self.claims[c].figure.map(|f| self.figures[f].id.as_str()),
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

impl Node {
    fn source(self) -> Option<usize> {
        match self {
            Node::Source(i) => Some(i),
            _ => None,
        }
    }
}

fn inner(field: &Option<Spanned<String>>) -> Option<String> {
    field.as_ref().map(|f| f.get_ref().clone())
}

#[derive(Clone, Copy, PartialEq)]
enum Target {
    Speaker,
    Source,
    SourceOrClaim,
}

impl Target {
    fn accepts(self, node: Node) -> bool {
        matches!(
            (self, node),
            (Target::Speaker, Node::Speaker(_))
                | (Target::Source, Node::Source(_))
                | (Target::SourceOrClaim, Node::Source(_) | Node::Claim(_))
        )
    }

    fn describe(self) -> &'static str {
        match self {
            Target::Speaker => "speaker",
            Target::Source => "source",
            Target::SourceOrClaim => "source or claim",
        }
    }
}

struct Resolver {
    ids: HashMap<String, Node>,
    id_locations: HashMap<String, Location>,
    findings: Vec<Finding>,
}

impl Resolver {
    /// Register the ids of one kind of record, reporting invalid and duplicate ids.
    fn declare<T>(
        &mut self,
        records: &[InFile<T>],
        id_of: impl Fn(&T) -> &Spanned<String>,
        node: impl Fn(usize) -> Node,
    ) {
        for (i, InFile { file, record }) in records.iter().enumerate() {
            let id = id_of(record);
            let location = Location::new(*file, id.span());
            let text = id.get_ref();
            if let Some(problem) = id_problem(text) {
                self.findings.push(
                    Finding::new(
                        Code::InvalidId,
                        location.clone(),
                        format!("invalid id `{text}`: {problem}"),
                    )
                    .label(problem)
                    .help(format!(
                        "use letters, digits and `-_./:` only, e.g. `{}`",
                        suggest_id(text)
                    )),
                );
            }
            if FirstHand::ALL.iter().any(|(name, _)| name == text) {
                self.findings.push(
                    Finding::new(
                        Code::InvalidId,
                        location.clone(),
                        format!("`{text}` is reserved for a first-hand basis"),
                    )
                    .help(
                        "choose another id: `basis` entries with this name mean a first-hand basis",
                    ),
                );
            }
            match self.id_locations.get(text) {
                Some(first) => {
                    let first_kind = self.ids[text].kind_name();
                    self.findings.push(
                        Finding::new(
                            Code::DuplicateId,
                            location,
                            format!("duplicate id `{text}`"),
                        )
                        .label(format!("`{text}` is used again here"))
                        .related(first.clone(), format!("first used here by a {first_kind}"))
                        .help("rename one of the two records, and the references meant for it"),
                    );
                }
                None => {
                    self.ids.insert(text.clone(), node(i));
                    self.id_locations.insert(text.clone(), location);
                }
            }
        }
    }

    fn reference(
        &mut self,
        id: &Spanned<String>,
        file: FileId,
        field: &str,
        target: Target,
    ) -> Option<Node> {
        let text = id.get_ref();
        match self.ids.get(text) {
            Some(&node) if target.accepts(node) => Some(node),
            found => {
                let location = Location::new(file, id.span());
                let message = match found {
                    Some(node) => format!(
                        "`{field}` names `{text}`, which is a {}, not a {}",
                        node.kind_name(),
                        target.describe()
                    ),
                    None => format!("`{field}` names unknown {} `{text}`", target.describe()),
                };
                let candidates = self
                    .ids
                    .iter()
                    .filter(|(_, node)| target.accepts(**node))
                    .map(|(id, _)| id.as_str());
                let help = match did_you_mean(text, candidates) {
                    Some(suggestion) => format!("did you mean `{suggestion}`?"),
                    None => format!(
                        "add a [[{}]] with this id, or fix the reference",
                        target.describe().replace(" or claim", "")
                    ),
                };
                self.findings.push(
                    Finding::new(Code::UnknownReference, location, message)
                        .label(format!("no {} has this id", target.describe()))
                        .help(help),
                );
                None
            }
        }
    }

    fn speaker(&mut self, id: &Spanned<String>, file: FileId, field: &str) -> Option<usize> {
        match self.reference(id, file, field, Target::Speaker)? {
            Node::Speaker(i) => Some(i),
            _ => None,
        }
    }

    fn figure(&mut self, id: &Spanned<String>, file: FileId) -> Option<usize> {
        let text = id.get_ref();
        if let Some(&Node::Figure(i)) = self.ids.get(text) {
            return Some(i);
        }
        let figures = self
            .ids
            .iter()
            .filter(|(_, node)| matches!(node, Node::Figure(_)))
            .map(|(id, _)| id.as_str());
        let help = match did_you_mean(text, figures) {
            Some(suggestion) => {
                format!("did you mean `{suggestion}`? Otherwise declare it in a [[figure]] table")
            }
            None => format!(
                "declare it: [[figure]] id = \"{text}\" with a label and a unit, in a file below `claims/`"
            ),
        };
        self.findings.push(
            Finding::new(
                Code::UndeclaredFigure,
                Location::new(file, id.span()),
                format!("figure `{text}` is not declared"),
            )
            .label("no [[figure]] has this id")
            .help(help),
        );
        None
    }

    fn basis(&mut self, id: &Spanned<String>, file: FileId) -> Option<Basis> {
        if let Some((_, first_hand)) = FirstHand::ALL.iter().find(|(name, _)| name == id.get_ref())
        {
            return Some(Basis::FirstHand(*first_hand));
        }
        match self.reference(id, file, "basis", Target::SourceOrClaim)? {
            Node::Source(i) => Some(Basis::Source(i)),
            Node::Claim(i) => Some(Basis::Claim(i)),
            _ => None,
        }
    }

    fn sha256(&mut self, hash: &Option<Spanned<String>>, file: FileId) -> Option<Spanned<String>> {
        let hash = hash.as_ref()?;
        let text = hash.get_ref();
        if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Some(Spanned::new(hash.span(), text.to_ascii_lowercase()));
        }
        self.findings.push(
            Finding::new(
                Code::InvalidField,
                Location::new(file, hash.span()),
                "`sha256` must be 64 hexadecimal digits",
            )
            .label("not a sha256 hash")
            .help("compute it with `sha256sum FILE` on the archived text"),
        );
        None
    }

    fn date(&mut self, date: &Spanned<DateText>, file: FileId) -> Option<PartialDate> {
        match PartialDate::parse(&date.get_ref().0) {
            Ok(parsed) => Some(parsed),
            Err(problem) => {
                self.findings.push(
                    Finding::new(
                        Code::InvalidDate,
                        Location::new(file, date.span()),
                        format!("invalid date `{}`", date.get_ref().0),
                    )
                    .label(problem)
                    .help("write a partial date: \"1988\", \"2018-12\" or \"2018-12-04\""),
                );
                None
            }
        }
    }

    fn value(
        &mut self,
        record: &crate::records::RawClaim,
        figure: Option<&Figure>,
        files: &Files,
        file: FileId,
        config: &Config,
        read: Option<Result<Reading, value::ValueError>>,
    ) -> Option<ClaimValue> {
        let claim_location = Location::new(file, record.id.span());
        let Some(value) = &record.value else {
            if record.figure.is_some() {
                self.findings.push(
                    Finding::new(
                        Code::MissingValue,
                        claim_location,
                        format!(
                            "claim `{}` names a figure but gives no value",
                            record.id.get_ref()
                        ),
                    )
                    .help("add `value = ...` with the figure as the source words it"),
                );
            }
            return None;
        };
        let location = Location::new(file, value.span());
        if record.figure.is_none() {
            self.findings.push(
                Finding::new(
                    Code::MissingValue,
                    location.clone(),
                    format!(
                        "claim `{}` gives a value but names no figure",
                        record.id.get_ref()
                    ),
                )
                .label("a value without a figure")
                .help("add `figure = \"...\"` naming what the value counts, or remove the value"),
            );
        }
        let written = value.get_ref().as_written();
        let is_label = figure.is_some_and(|f| f.values == ValueKind::Label);
        let reading = if is_label || figure.is_none() {
            None
        } else {
            let measure = Measure::of_unit(figure.and_then(|f| f.unit.as_deref()));
            match read.unwrap_or_else(|| read_value_text(value.get_ref(), config, measure)) {
                Ok(reading) => Some(reading),
                Err(error) => {
                    // The error's span is inside the text: it maps into the file only when the
                    // TOML string holds the text as written, without escapes.
                    let inner = location.span.start + 1..location.span.end.saturating_sub(1);
                    let written_as_is = match value.get_ref() {
                        ValueText::Text(text) => {
                            files.get(file).text.get(inner.clone()) == Some(text.as_str())
                        }
                        ValueText::Integer(_) => false,
                    };
                    let span = if written_as_is {
                        inner.start + error.span.start..inner.start + error.span.end
                    } else {
                        location.span.clone()
                    };
                    self.findings.push(
                        Finding::new(
                            Code::UnreadableValue,
                            Location::new(file, span),
                            error.message,
                        )
                        .label("cannot read this as a count")
                        .help(format!(
                            "write the value in one of the accepted forms:\n{}",
                            value::ACCEPTED_FORMS
                        )),
                    );
                    None
                }
            }
        };
        Some(ClaimValue {
            written,
            reading,
            location,
        })
    }
}

fn read_value_text(
    value: &ValueText,
    config: &Config,
    measure: Measure,
) -> Result<Reading, value::ValueError> {
    match value {
        ValueText::Integer(n) => value::read_integer(*n, measure),
        ValueText::Text(text) => value::read_value(text, &config.values, measure),
    }
}

/// Every count value read ahead, on all cores: reading values is most of resolving's work.
fn read_values(
    raw: &crate::loader::RawBase,
    config: &Config,
) -> Vec<Option<Result<Reading, value::ValueError>>> {
    use rayon::prelude::*;
    // What each figure's values measure; None for label figures, whose values are not read.
    let measures: HashMap<&str, Option<Measure>> = raw
        .figures
        .iter()
        .map(|InFile { record, .. }| {
            let unit = record.unit.as_ref().map(|unit| unit.get_ref().as_str());
            let measure = (record.values == ValueKind::Count).then(|| Measure::of_unit(unit));
            (record.id.get_ref().as_str(), measure)
        })
        .collect();
    raw.claims
        .par_iter()
        .map(|InFile { record, .. }| {
            let figure = record.figure.as_ref()?.get_ref();
            let measure = measures.get(figure.as_str()).copied().unwrap_or_default()?;
            Some(read_value_text(
                record.value.as_ref()?.get_ref(),
                config,
                measure,
            ))
        })
        .collect()
}

fn id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("an id cannot be empty")
    } else if id.chars().any(char::is_whitespace) {
        Some("an id cannot contain spaces")
    } else if !id
        .chars()
        .all(|c| c.is_alphanumeric() || "-_./:".contains(c))
    {
        Some("an id holds only letters, digits and `-_./:`")
    } else {
        None
    }
}

fn suggest_id(id: &str) -> String {
    let cleaned: String = id
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_./:".contains(c) {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if cleaned.is_empty() {
        "my-record".to_string()
    } else {
        cleaned
    }
}

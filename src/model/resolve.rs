//! Resolving raw records into the model: ids declared once, references resolved to indices, dates
//! and hashes validated. Every problem becomes a finding; a record with a bad field is kept with the
//! field left empty, so one mistake does not hide the rest.

use super::ids::id_key;
use super::values::read_values;
use super::{Basis, Claim, ClaimBase, Figure, FirstHand, Node, Source, Speaker};
use crate::finding::{Code, Finding};
use crate::input::config::Config;
use crate::input::files::{FileId, Location};
use crate::input::loader::{InFile, Loaded};
use crate::input::records::ids_of;
use crate::suggest::Suggestions;
use foldhash::{HashMap, HashSet};
use petgraph::graph::DiGraph;
use toml::Spanned;

impl ClaimBase {
    /// Resolve loaded records into the model. Problems become findings; the model keeps every record
    /// whose id could be read, with unresolved references left empty.
    pub fn resolve(loaded: Loaded, config: Config) -> (ClaimBase, Vec<Finding>) {
        let Loaded {
            files,
            raw,
            mut findings,
            ..
        } = loaded;
        let mut resolver = Resolver {
            ids: HashMap::default(),
            failed: raw
                .failed_ids
                .iter()
                .map(|id| id_key(id).into_owned())
                .collect(),
            id_locations: HashMap::default(),
            suggestions: HashMap::default(),
            findings: Vec::new(),
        };
        resolver.declare(&raw.speakers, |r| &r.id, Node::Speaker);
        resolver.declare(&raw.sources, |r| &r.id, Node::Source);
        resolver.declare(&raw.figures, |r| &r.id, Node::Figure);
        resolver.declare(&raw.claims, |r| &r.id, Node::Claim);
        resolver.case_variants();

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
                    .filter_map(|entry| resolver.affiliation(entry, *file))
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
                authors: record
                    .authors
                    .iter()
                    .filter_map(|id| resolver.speaker(id, *file, "authors"))
                    .collect(),
                kind: *record.kind.get_ref(),
                published: resolver.date(&record.published, *file),
                published_location: Location::new(*file, record.published.span()),
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
                part_of: record
                    .part_of
                    .as_ref()
                    .and_then(|id| resolver.reference(id, *file, "part_of", Target::Figure))
                    .and_then(|node| match node {
                        Node::Figure(f) => Some(f),
                        _ => None,
                    }),
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
                let according_to = ids_of(&record.according_to)
                    .iter()
                    .filter_map(|id| resolver.speaker(id, file, "according_to"))
                    .collect();
                let (disputes, _) = resolver.claims(&record.disputes, file, "disputes");
                let (supersedes, supersedes_at) =
                    resolver.claims(&record.supersedes, file, "supersedes");
                let stance = resolver.stance(&record, file);
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
                    as_of_location: record.as_of.as_ref().map(|d| Location::new(file, d.span())),
                    according_to,
                    basis,
                    measure: record.measure.map(|m| *m.get_ref()).unwrap_or_default(),
                    stance,
                    disputes,
                    supersedes,
                    supersedes_at,
                    superseded_by: Vec::new(),
                    withdrawn: record.withdrawn.map(Spanned::into_inner),
                    note: record.note.map(Spanned::into_inner),
                    location,
                }
            })
            .collect();
        let mut claims = claims;
        for c in 0..claims.len() {
            for d in claims[c].supersedes.clone() {
                claims[d].superseded_by.push(c);
            }
        }
        for claim in &mut claims {
            claim.superseded_by.sort_unstable();
            claim.superseded_by.dedup();
        }
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
}

fn inner(field: &Option<Spanned<String>>) -> Option<String> {
    field.as_ref().map(|f| f.get_ref().clone())
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Speaker,
    Source,
    SourceOrClaim,
    Claim,
    Figure,
}

impl Target {
    fn accepts(self, node: Node) -> bool {
        matches!(
            (self, node),
            (Target::Speaker, Node::Speaker(_))
                | (Target::Source, Node::Source(_))
                | (Target::SourceOrClaim, Node::Source(_) | Node::Claim(_))
                | (Target::Claim, Node::Claim(_))
                | (Target::Figure, Node::Figure(_))
        )
    }

    fn describe(self) -> &'static str {
        match self {
            Target::Speaker => "speaker",
            Target::Source => "source",
            Target::SourceOrClaim => "source or claim",
            Target::Claim => "claim",
            Target::Figure => "figure",
        }
    }
}

pub(super) struct Resolver {
    pub(super) ids: HashMap<String, Node>,
    /// Ids of records that failed to load: a reference to one is left unresolved without a
    /// finding of its own, since the record's own error says what is wrong.
    pub(super) failed: HashSet<String>,
    /// Where each id (in its compared form) was first declared, and how it was written there.
    pub(super) id_locations: HashMap<String, (Location, String)>,
    /// "Did you mean" indexes, one per kind of reference, built when the first unknown reference of
    /// that kind is met, so a thousand unknown references cost one index, not a thousand scans.
    suggestions: HashMap<Target, Suggestions>,
    pub(super) findings: Vec<Finding>,
}

impl Resolver {
    fn reference(
        &mut self,
        id: &Spanned<String>,
        file: FileId,
        field: &str,
        target: Target,
    ) -> Option<Node> {
        let text = id.get_ref();
        let key = id_key(text);
        match self.ids.get(key.as_ref()) {
            Some(&node) if target.accepts(node) => Some(node),
            None if self.failed.contains(key.as_ref()) => None,
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
                let help = match self.suggest(text, target) {
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

    /// The id of the kind `target` names that is closest to `text`, if one is close enough.
    fn suggest(&mut self, text: &str, target: Target) -> Option<String> {
        let ids = &self.ids;
        let index = self.suggestions.entry(target).or_insert_with(|| {
            // In id order, so which of two equally close ids is suggested never varies.
            let mut candidates: Vec<&str> = ids
                .iter()
                .filter(|(_, node)| target.accepts(**node))
                .map(|(id, _)| id.as_str())
                .collect();
            candidates.sort_unstable();
            Suggestions::new(candidates)
        });
        index.lookup(text).map(str::to_string)
    }

    pub(super) fn speaker(
        &mut self,
        id: &Spanned<String>,
        file: FileId,
        field: &str,
    ) -> Option<usize> {
        match self.reference(id, file, field, Target::Speaker)? {
            Node::Speaker(i) => Some(i),
            _ => None,
        }
    }

    /// The claims `ids` name, each with where it is named.
    fn claims(
        &mut self,
        ids: &[Spanned<String>],
        file: FileId,
        field: &str,
    ) -> (Vec<usize>, Vec<Location>) {
        ids.iter()
            .filter_map(|id| match self.reference(id, file, field, Target::Claim)? {
                Node::Claim(c) => Some((c, Location::new(file, id.span()))),
                _ => None,
            })
            .unzip()
    }

    fn figure(&mut self, id: &Spanned<String>, file: FileId) -> Option<usize> {
        let text = id.get_ref();
        let key = id_key(text);
        if let Some(&Node::Figure(i)) = self.ids.get(key.as_ref()) {
            return Some(i);
        }
        if !self.ids.contains_key(key.as_ref()) && self.failed.contains(key.as_ref()) {
            return None;
        }
        let help = match self.suggest(text, Target::Figure) {
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
}

#[cfg(test)]
mod tests;

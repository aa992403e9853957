//! Resolving raw records into the model: ids declared once, references resolved to indices, dates
//! and hashes validated. Every problem becomes a finding; a record with a bad field is kept with the
//! field left empty, so one mistake does not hide the rest.

use super::ids::{Declaring, id_key};
use super::references::{Declared, Target, Written, help_unknown};
use super::values::ReadValues;
use super::{Claim, ClaimBase, Figure, Node, RecordText, Revisions, Source, Speaker};
use crate::finding::Finding;
use crate::input::config::Config;
use crate::input::files::{FileId, Location};
use crate::input::loader::{FileRecords, Loaded};
use crate::input::records::{RawClaim, ids_of};
use crate::value::Unit;
use petgraph::graph::DiGraph;
use rayon::prelude::*;
use std::sync::{Mutex, OnceLock};
use toml::Spanned;

impl ClaimBase {
    /// Resolve loaded records into the model. Problems become findings; the model keeps every record
    /// whose id could be read, with unresolved references left empty.
    pub fn resolve(loaded: Loaded, config: Config) -> (ClaimBase, Vec<Finding>) {
        let Loaded {
            files,
            records,
            mut findings,
            ..
        } = loaded;
        let count = records.iter().map(FileRecords::count).sum();
        let mut declaring = Declaring::new(count, &mut findings);
        declaring.declare(
            each(&records, |r| &r.speakers).map(|(f, r)| (f, Written::of(&r.id))),
            Node::Speaker,
        );
        declaring.declare(
            each(&records, |r| &r.sources).map(|(f, r)| (f, Written::of(&r.id))),
            Node::Source,
        );
        declaring.declare(
            each(&records, |r| &r.figures).map(|(f, r)| (f, Written::of(&r.id))),
            Node::Figure,
        );
        declaring.declare(
            each(&records, |r| &r.claims)
                .map(|(f, r)| (f, Written::read(&r.id, &files.get(f).text))),
            Node::Claim,
        );
        let declared = Declared {
            ids: declaring.finish(),
            files: &files,
            failed: records
                .iter()
                .flat_map(|r| &r.failed_ids)
                .map(|id| id_key(id).into_owned())
                .collect(),
        };

        let mut resolver = Resolver::new(&declared);
        let speakers: Vec<Speaker> = each(&records, |r| &r.speakers)
            .map(|(file, record)| Speaker {
                id: record.id.get_ref().clone(),
                name: record.name.get_ref().clone(),
                kind: *record.kind.get_ref(),
                aliases: record.aliases.iter().map(|a| a.get_ref().clone()).collect(),
                affiliations: record
                    .affiliations
                    .iter()
                    .filter_map(|entry| resolver.affiliation(entry, file))
                    .collect(),
                note: inner(&record.note),
                location: Location::new(file, record.id.span()),
            })
            .collect();
        let sources: Vec<Source> = each(&records, |r| &r.sources)
            .map(|(file, record)| Source {
                id: record.id.get_ref().clone(),
                title: record.title.get_ref().clone(),
                publisher: resolver.speaker(Written::of(&record.publisher), file, "publisher"),
                authors: record
                    .authors
                    .iter()
                    .filter_map(|id| resolver.speaker(Written::of(id), file, "authors"))
                    .collect(),
                kind: *record.kind.get_ref(),
                published: resolver.date(&record.published, file),
                published_location: Location::new(file, record.published.span()),
                url: inner(&record.url),
                sha256: resolver.sha256(&record.sha256, file),
                archive_file: inner(&record.archive_file),
                note: inner(&record.note),
                location: Location::new(file, record.id.span()),
            })
            .collect();
        let figures: Vec<Figure> = each(&records, |r| &r.figures)
            .map(|(file, record)| Figure {
                id: record.id.get_ref().clone(),
                label: record.label.get_ref().clone(),
                unit: inner(&record.unit),
                measured_in: Unit::of_figure(
                    record.unit.as_ref().map(|unit| unit.get_ref().as_str()),
                ),
                part_of: record
                    .part_of
                    .as_ref()
                    .and_then(|id| {
                        resolver.reference(Written::of(id), file, "part_of", Target::Figure)
                    })
                    .and_then(|node| match node {
                        Node::Figure(f) => Some(f),
                        _ => None,
                    }),
                subject: record
                    .subject
                    .as_ref()
                    .and_then(|id| resolver.speaker(Written::of(id), file, "subject")),
                values: record.values,
                varies: record.varies,
                window: record
                    .window
                    .as_ref()
                    .map(|w| *w.get_ref())
                    .unwrap_or_default(),
                note: inner(&record.note),
                location: Location::new(file, record.id.span()),
            })
            .collect();

        // Claims are the bulk of a base: resolved file by file on every core (reading their values
        // is most of the work), their text moved into the model rather than copied. Each file's
        // claims go straight to their places in the model's list, laid out first on every core:
        // gathering per-file lists into one afterwards held every claim twice and touched all of
        // its fresh pages on one core (1.7 s of a 1M-claim check).
        let context = Context {
            figures: &figures,
            sources: &sources,
            config: &config,
        };
        let counts: Vec<usize> = records.iter().map(|r| r.claims.len()).collect();
        let mut claims: Vec<Claim> = Vec::new();
        (0..counts.iter().sum())
            .into_par_iter()
            .map(|_| Claim::default())
            .collect_into_vec(&mut claims);
        let mut places = Vec::with_capacity(counts.len());
        let mut rest = claims.as_mut_slice();
        for count in counts {
            let (place, after) = std::mem::take(&mut rest).split_at_mut(count);
            places.push(place);
            rest = after;
        }
        // The values read so far are kept per thread: rayon splits the files into many more jobs
        // than threads, and a job of its own met most values afresh.
        let per_thread: Vec<Mutex<ReadValues>> = (0..rayon::current_num_threads())
            .map(|_| Mutex::default())
            .collect();
        let by_file: Vec<Resolver> = (records.into_par_iter().zip(places).enumerate())
            .map(|(index, (records, place))| {
                let file = FileId(index as u32);
                let mut own = ReadValues::default();
                // Busy only when this thread took up another job of this loop while waiting.
                let mut shared = rayon::current_thread_index()
                    .and_then(|thread| per_thread.get(thread)?.try_lock().ok());
                let read_values = shared.as_deref_mut().unwrap_or(&mut own);
                let mut resolver = Resolver::new(&declared);
                for (slot, record) in place.iter_mut().zip(records.claims) {
                    *slot = resolver.claim(record, file, &context, read_values);
                }
                resolver
            })
            .collect();
        let mut resolvers = vec![resolver];
        resolvers.extend(by_file);
        findings.extend(help_unknown(&declared.ids, resolvers));
        let revised: Vec<(usize, usize)> = (claims.iter().enumerate())
            .flat_map(|(c, claim)| claim.supersedes().iter().map(move |&d| (d, c)))
            .collect();
        for (earlier, later) in revised {
            let revisions = claims[earlier].revisions.get_or_insert_default();
            revisions.superseded_by.push(later);
        }
        for revisions in claims.iter_mut().filter_map(|c| c.revisions.as_mut()) {
            revisions.superseded_by.sort_unstable();
            revisions.superseded_by.dedup();
        }

        let ids = declared.ids;
        let mut base = ClaimBase {
            files,
            config,
            speakers,
            sources,
            figures,
            claims,
            graph: DiGraph::new(),
            ids,
            quote_readings: OnceLock::new(),
        };
        base.build_graph();
        (base, findings)
    }
}

/// The records of one kind, in file order, each with the file it is written in.
fn each<'r, T: 'r>(
    records: &'r [FileRecords],
    kind: impl Fn(&'r FileRecords) -> &'r Vec<T>,
) -> impl Iterator<Item = (FileId, &'r T)> {
    (records.iter().enumerate())
        .flat_map(move |(index, file)| kind(file).iter().map(move |r| (FileId(index as u32), r)))
}

/// What a claim is resolved against: the records it may name, and the settings values are read
/// with.
struct Context<'a> {
    figures: &'a [Figure],
    sources: &'a [Source],
    config: &'a Config,
}

/// Resolves references against the declared ids, collecting the findings met. One resolves the
/// speakers, sources and figures; one per file resolves its claims, on every core.
pub(super) struct Resolver<'d> {
    pub(super) declared: &'d Declared<'d>,
    pub(super) findings: Vec<Finding>,
    /// The unknown references met, by their finding: their "did you mean" help is added after.
    pub(super) unknown: Vec<super::references::Unknown>,
}

impl<'d> Resolver<'d> {
    fn new(declared: &'d Declared<'d>) -> Self {
        Resolver {
            declared,
            findings: Vec::new(),
            unknown: Vec::new(),
        }
    }

    fn claim(
        &mut self,
        record: RawClaim,
        file: FileId,
        context: &Context,
        read_values: &mut ReadValues,
    ) -> Claim {
        let files = self.declared.files;
        let file_text = &files.get(file).text;
        let written = |id| Written::read(id, file_text);
        let figure = (record.figure.as_ref()).and_then(|id| self.figure(written(id), file));
        let source = (record.source.as_ref())
            .and_then(|id| self.reference(written(id), file, "source", Target::Source))
            .and_then(Node::source);
        let figure_record = figure.map(|f| &context.figures[f]);
        let value = self.value(&record, figure_record, file, context.config, read_values);
        let as_of = match &record.as_of {
            Some(date) => self.date(date, file),
            None => source.and_then(|s| context.sources[s].published),
        };
        let speaker = self.speaker(written(&record.speaker), file, "speaker");
        let according_to = ids_of(record.according_to.as_deref())
            .iter()
            .filter_map(|id| self.speaker(Written::of(id), file, "according_to"))
            .collect();
        let (disputes, _) = self.claims(record.disputes.iter().map(written), file, "disputes");
        let (supersedes, supersedes_at) =
            self.claims(record.supersedes.iter().map(written), file, "supersedes");
        let stance = self.stance(&record, file);
        let basis = (record.basis.iter())
            .filter_map(|id| self.basis(written(id), file))
            .collect();
        let location = Location::new(file, record.id.span());
        Claim {
            id: record.id.text(file_text).into(),
            figure: figure.map(record_index),
            value,
            statement: record.statement.map(RecordText::new),
            speaker: speaker.map(record_index),
            source: source.map(record_index),
            names_source: record.source.is_some(),
            quote: record.quote.map(RecordText::new),
            locator: record.locator.map(RecordText::new),
            as_of,
            as_of_location: record.as_of.as_ref().map(|d| Location::new(file, d.span())),
            according_to,
            basis,
            measure: record.measure.map(|m| *m.get_ref()).unwrap_or_default(),
            stance,
            revisions: Revisions::of(
                disputes,
                supersedes,
                supersedes_at,
                record.withdrawn.map(|withdrawn| withdrawn.into_inner()),
            ),
            note: record.note.map(RecordText::new),
            location,
        }
    }
}

fn inner(field: &Option<Spanned<String>>) -> Option<String> {
    field.as_ref().map(|f| f.get_ref().clone())
}

#[cfg(test)]
mod tests;

/// A record's index as a claim holds it: in 32 bits, as the graph's indices are.
fn record_index(index: usize) -> u32 {
    u32::try_from(index).expect("fewer than 2^32 records, as the graph holds them")
}

//! `export --format jsonld`: the claims as schema.org linked data, for search engines and
//! fact-check databases. Each claim is a `Claim` (its text, author, the source it appears in and
//! when that was published, its figure as `about`); sources are `CreativeWork`s, speakers `Person`s
//! or `Organization`s, figures `Thing`s. Claims are never rated: claimtrack records and compares,
//! it does not decide the truth. Record text goes through serde, which escapes it for JSON.

use super::{Basis, BasisKinds, ExportError};
use crate::input::records::SpeakerKind;
use crate::view::report::{ClaimView, FigureView, Report, SourceView, SpeakerView};
use foldhash::HashMap;
use serde::Serialize;
use std::io;

/// The context every export names; consumers resolve its terms to `http://schema.org/` IRIs.
pub const CONTEXT: &str = "https://schema.org/";

/// The JSON-LD document: every speaker, source, figure and claim, in that order, each by id.
pub fn render(report: &Report) -> Result<String, ExportError> {
    super::check_ids(report)?;
    Ok(crate::render::collect(|out| write(report, out)))
}

/// A record of the report, as one node of the graph.
enum Record<'r, 'a> {
    Speaker(&'r SpeakerView),
    Source(&'r SourceView),
    Figure(&'r FigureView<'a>),
    Claim(&'r ClaimView<'a>),
}

/// The document laid out as `serde_json` lays out `{"@context": …, "@graph": [nodes]}`, each node
/// made and serialised on every core: the nodes of a large base are never all held at once.
fn write(report: &Report, writer: &mut dyn io::Write) -> io::Result<()> {
    let figures: HashMap<&str, &FigureView> = report.figures.iter().map(|f| (f.id, f)).collect();
    let bases = BasisKinds::of(report);
    let records: Vec<Record> = (report.speakers.iter().map(Record::Speaker))
        .chain(report.sources.iter().map(Record::Source))
        .chain(report.figures.iter().map(Record::Figure))
        .chain(report.claims.iter().map(Record::Claim))
        .collect();
    let context = serde_json::to_string(CONTEXT)?;
    write!(writer, "{{\n  \"@context\": {context}")?;
    crate::render::json::write_list_of(writer, "@graph", &records, false, |record| match record {
        Record::Speaker(s) => speaker(s),
        Record::Source(s) => source(s),
        Record::Figure(f) => figure(f),
        Record::Claim(c) => claim(c, &figures, &bases),
    })?;
    writer.write_all(b"\n}\n")
}

/// A reference to another node of the graph.
#[derive(Serialize)]
struct Ref {
    #[serde(rename = "@id")]
    id: String,
}

/// One record. Fields that do not apply to a node's type stay `None` and are left out.
#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct Node {
    #[serde(rename = "@id")]
    id: String,
    #[serde(rename = "@type")]
    kind: &'static str,
    identifier: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    alternate_name: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "one_or_many")]
    author: Vec<Ref>,
    #[serde(skip_serializing_if = "Option::is_none")]
    appearance: Option<Ref>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_appearance: Option<Ref>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    temporal_coverage: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    about: Option<Ref>,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "one_or_many")]
    mentions: Vec<Ref>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    is_based_on: Vec<Ref>,
    #[serde(skip_serializing_if = "Option::is_none")]
    citation: Option<Quotation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Ref>,
    #[serde(skip_serializing_if = "Option::is_none")]
    genre: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    member_of: Vec<Ref>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
}

/// The quote a claim rests on, as it stands in its source.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Quotation {
    #[serde(rename = "@type")]
    kind: &'static str,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_part_of: Option<Ref>,
}

/// `urn:claimtrack:claim:doc000/killed`: ids hold only letters, digits and `-_./:`, all allowed
/// in an IRI.
fn iri(kind: &str, id: &str) -> String {
    format!("urn:claimtrack:{}", super::node_name(kind, id))
}

/// One reference as an object, several as a list: JSON-LD reads both, and most claims have one.
fn one_or_many<S: serde::Serializer>(refs: &[Ref], serializer: S) -> Result<S::Ok, S::Error> {
    match refs {
        [one] => one.serialize(serializer),
        many => many.serialize(serializer),
    }
}

fn reference(kind: &str, id: &str) -> Ref {
    Ref { id: iri(kind, id) }
}

fn speaker(s: &SpeakerView) -> Node {
    Node {
        id: iri("speaker", &s.id),
        kind: match s.kind {
            SpeakerKind::Person => "Person",
            SpeakerKind::Organisation => "Organization",
            SpeakerKind::Government => "GovernmentOrganization",
            SpeakerKind::Outlet => "NewsMediaOrganization",
            // Who stands behind an unnamed source is what the reporter says, not a known type.
            SpeakerKind::Anonymous => "Thing",
        },
        identifier: s.id.clone(),
        name: Some(s.name.clone()),
        alternate_name: s.aliases.clone(),
        // An anonymous speaker's affiliations are only claimed by the reporter: no membership.
        member_of: s
            .affiliations
            .iter()
            .filter(|a| !a.claimed)
            .map(|a| reference("speaker", &a.id))
            .collect(),
        description: s.note.clone(),
        ..Node::default()
    }
}

fn source(s: &SourceView) -> Node {
    Node {
        id: iri("source", &s.id),
        kind: "CreativeWork",
        identifier: s.id.clone(),
        name: Some(s.title.clone()),
        publisher: s.publisher.as_deref().map(|p| reference("speaker", p)),
        author: s.authors.iter().map(|a| reference("speaker", a)).collect(),
        date_published: s.published.map(|d| d.to_string()),
        genre: Some(crate::view::facts::serialized_name(&s.kind)),
        url: s.url.clone(),
        description: s.note.clone(),
        ..Node::default()
    }
}

fn figure(f: &FigureView) -> Node {
    Node {
        id: iri("figure", f.id),
        kind: "Thing",
        identifier: f.id.to_string(),
        name: Some(f.label.to_string()),
        description: f.note.map(str::to_string),
        ..Node::default()
    }
}

/// A claim record is one appearance of a claim in one source, so that source is both where it
/// appears and its first known appearance; a repetition elsewhere is a claim record of its own,
/// linked through `isBasedOn`.
fn claim(c: &ClaimView, figures: &HashMap<&str, &FigureView>, bases: &BasisKinds) -> Node {
    let label = c.figure.and_then(|f| figures.get(f)).map(|f| f.label);
    let name = match (label, &c.value) {
        (Some(label), Some(value)) => Some(format!("{label}: {value}")),
        _ => None,
    };
    let source = c.source;
    Node {
        id: iri("claim", c.id),
        kind: "Claim",
        identifier: c.id.to_string(),
        // What the claim says: its statement, else its value on its figure, else its quote.
        text: c
            .statement
            .map(str::to_string)
            .or_else(|| name.clone())
            .or_else(|| c.quote.map(str::to_string))
            .or_else(|| label.map(str::to_string)),
        name,
        author: c.speaker.iter().map(|s| reference("speaker", s)).collect(),
        appearance: source.map(|s| reference("source", s)),
        first_appearance: source.map(|s| reference("source", s)),
        date_published: c.source_published.map(|d| d.to_string()),
        temporal_coverage: c.as_of.map(|d| d.to_string()),
        about: c.figure.map(|f| reference("figure", f)),
        mentions: c
            .according_to
            .iter()
            .map(|s| reference("speaker", s))
            .collect(),
        // First-hand bases (a witness, own research) are no record to link to.
        is_based_on: c
            .basis
            .iter()
            .filter_map(|b| match bases.kind(b) {
                Basis::Source => Some(reference("source", b)),
                Basis::Claim => Some(reference("claim", b)),
                Basis::FirstHand => None,
            })
            .collect(),
        citation: c.quote.map(|text| Quotation {
            kind: "Quotation",
            text: text.to_string(),
            is_part_of: source.map(|s| reference("source", s)),
        }),
        description: c.note.map(str::to_string),
        ..Node::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{FIGURE, SOURCES, checked};

    #[test]
    fn the_document_is_laid_out_as_serde_json_lays_it_out_whole() {
        #[derive(Serialize)]
        struct Document {
            #[serde(rename = "@context")]
            context: &'static str,
            #[serde(rename = "@graph")]
            graph: Vec<Node>,
        }
        let claims = [
            FIGURE.to_string(),
            crate::testing::claim("a", "30,000", "watchdog", "note = \"two\\nlines\""),
            crate::testing::claim("b", "at least 5,000", "outlet", "basis = [\"a\"]"),
        ]
        .concat();
        let base = checked(SOURCES, &claims);
        let report = crate::view::build(&base, None);
        let figures: HashMap<&str, &FigureView> =
            report.figures.iter().map(|f| (f.id, f)).collect();
        let bases = BasisKinds::of(&report);
        let graph = (report.speakers.iter().map(speaker))
            .chain(report.sources.iter().map(source))
            .chain(report.figures.iter().map(figure))
            .chain(report.claims.iter().map(|c| claim(c, &figures, &bases)))
            .collect();
        let whole = Document {
            context: CONTEXT,
            graph,
        };
        let whole = serde_json::to_string_pretty(&whole).unwrap() + "\n";
        assert_eq!(render(&report).unwrap(), whole);
    }
}

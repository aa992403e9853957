//! Typed facts: each record of the report model as named facts (a field name as the records and the
//! JSON spell it, and a value that keeps its structure), so the snapshot writes them one a line and
//! the diff compares them field by field, with readings as readings rather than display text.

use super::report::{AffiliationView, ClaimView, FigureView, ReadingView, SourceView, SpeakerView};
use crate::input::records::{ClaimMeasure, Stance};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    Text(String),
    /// Shown joined by commas.
    List(Vec<String>),
    /// Shown one line each.
    Lines(Vec<String>),
    Value(ValueFact),
}

/// A claim's value: as written, and as read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueFact {
    pub written: String,
    #[serde(flatten)]
    pub reading: ReadingView,
    /// How it reads, in words (`[5,000, ∞) at-least`), or `label` / `unreadable`.
    #[serde(skip)]
    pub reading_text: String,
}

impl ValueFact {
    /// "at least 5,000 read as [5,000, ∞) at-least", as the snapshot writes it.
    pub fn shown(&self) -> String {
        match self.reading_text.as_str() {
            "label" | "" => self.written.clone(),
            "unreadable" => format!("{} (unreadable)", self.written),
            reading => format!("{} read as {reading}", self.written),
        }
    }
}

impl FactValue {
    /// The lines the value is shown on.
    pub fn shown(&self) -> Vec<String> {
        match self {
            FactValue::Text(text) => vec![text.clone()],
            FactValue::List(items) => vec![items.join(", ")],
            FactValue::Lines(lines) => lines.clone(),
            FactValue::Value(value) => vec![value.shown()],
        }
    }
}

/// A record's facts in display order: (field, value). Absent and empty fields are left out.
pub type Facts = Vec<(&'static str, FactValue)>;

/// A field name as people read it: `according_to` → `according to`.
pub fn label(field: &str) -> String {
    field.replace('_', " ")
}

#[derive(Default)]
struct Builder(Facts);

impl Builder {
    fn text(mut self, field: &'static str, value: Option<&str>) -> Self {
        if let Some(value) = value {
            self.0.push((field, FactValue::Text(value.to_string())));
        }
        self
    }

    fn list(mut self, field: &'static str, items: &[impl AsRef<str>]) -> Self {
        if !items.is_empty() {
            let items = items.iter().map(|item| item.as_ref().to_string()).collect();
            self.0.push((field, FactValue::List(items)));
        }
        self
    }

    fn lines(mut self, field: &'static str, lines: Vec<String>) -> Self {
        if !lines.is_empty() {
            self.0.push((field, FactValue::Lines(lines)));
        }
        self
    }
}

pub fn figure(figure: &FigureView) -> Facts {
    let values = match figure.values {
        crate::input::records::ValueKind::Count => "count",
        crate::input::records::ValueKind::Label => "label",
    };
    let varies = figure
        .window
        .map(|window| format!("yes, compared within one {window}"));
    let mut not_compared: Vec<String> = figure
        .not_compared
        .iter()
        .map(|n| format!("{}: {}", n.claim, n.reason))
        .collect();
    not_compared.sort();
    Builder::default()
        .text("label", Some(figure.label))
        .text("unit", figure.unit)
        .text("part_of", figure.part_of)
        .list("parts", &figure.parts)
        .text("subject", figure.subject)
        .text("values", Some(values))
        .text("varies", varies.as_deref())
        .text("note", figure.note)
        .text("summary", Some(&figure.summary.text))
        .list("independent_origins", &figure.independent_origins)
        .lines("not_compared", not_compared)
        .0
}

pub fn claim(claim: &ClaimView) -> Facts {
    let mut facts = Builder::default().text("figure", claim.figure).0;
    if let Some(written) = &claim.value {
        facts.push((
            "value",
            FactValue::Value(ValueFact {
                written: written.to_string(),
                reading: claim.reading.clone(),
                reading_text: claim.reading_text(),
            }),
        ));
    }
    let as_of = claim.as_of.map(|d| d.to_string());
    Builder(facts)
        .text("statement", claim.statement)
        .text("speaker", claim.speaker)
        .text("source", claim.source)
        .text("quote", claim.quote)
        .text("locator", claim.locator)
        .text("as_of", as_of.as_deref())
        .list("according_to", &claim.according_to)
        .list("basis", &claim.basis)
        .text("measure", non_default(&claim.measure).as_deref())
        .text("stance", non_default(&claim.stance).as_deref())
        .list("disputes", &claim.disputes)
        .list("disputed_by", &claim.disputed_by)
        .list("supersedes", &claim.supersedes)
        .list("superseded_by", &claim.superseded_by)
        .text("withdrawn", claim.withdrawn)
        .list("origin", &claim.origin)
        .text("note", claim.note)
        .0
}

pub fn speaker(speaker: &SpeakerView) -> Facts {
    let affiliations: Vec<String> = speaker
        .affiliations
        .iter()
        .map(AffiliationView::text)
        .collect();
    Builder::default()
        .text("name", Some(&speaker.name))
        .text("kind", Some(&serialized_name(&speaker.kind)))
        .list("aliases", &speaker.aliases)
        .list("affiliations", &affiliations)
        .text("origin_group", Some(&speaker.origin_group))
        .text("note", speaker.note.as_deref())
        .0
}

pub fn source(source: &SourceView) -> Facts {
    let published = source.published.map(|d| d.to_string());
    Builder::default()
        .text("title", Some(&source.title))
        .text("publisher", source.publisher.as_deref())
        .list("authors", &source.authors)
        .text("kind", Some(&serialized_name(&source.kind)))
        .text("published", published.as_deref())
        .text("url", source.url.as_deref())
        .text("sha256", source.sha256.as_deref())
        .text("note", source.note.as_deref())
        .0
}

/// What a field left out of a record's facts stands for, when the records give it a default: a
/// claim's `measure` and `stance`. A diff shows a change to or from it as such rather than as a
/// field added or removed.
pub fn default_of(field: &str) -> Option<FactValue> {
    let name = match field {
        "measure" => serialized_name(&ClaimMeasure::default()),
        "stance" => serialized_name(&Stance::default()),
        _ => return None,
    };
    Some(FactValue::Text(name))
}

/// An enum's name as the records write it, unless it is the default, which records leave out.
fn non_default<T: Serialize + Default + PartialEq>(value: &T) -> Option<String> {
    (*value != T::default()).then(|| serialized_name(value))
}

/// An enum's name as the records write it (`press-release`).
pub(crate) fn serialized_name(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

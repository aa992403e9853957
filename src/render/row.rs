//! A claim as a row of cells, shared by the table and markdown formats so both show the same
//! columns in the same words.

use crate::finding::Code;
use crate::input::records::{ClaimMeasure, Stance};
use crate::view::report::ClaimView;

pub const HEADER: [&str; 9] = [
    "claim",
    "value",
    "reading",
    "speaker",
    "source",
    "as of",
    "attribution",
    "origin",
    "flags",
];

pub fn cells(claim: &ClaimView) -> [String; 9] {
    let source = match (&claim.source, claim.source_published) {
        (Some(source), Some(date)) => format!("{source} ({date})"),
        (Some(source), None) => source.to_string(),
        (None, _) => String::new(),
    };
    [
        claim.id.to_string(),
        claim
            .value
            .or(claim.statement)
            .unwrap_or_default()
            .to_string(),
        claim.reading_text(),
        claim.speaker.unwrap_or_default().to_string(),
        source,
        claim.as_of.map(|d| d.to_string()).unwrap_or_default(),
        attribution(claim),
        provenance(claim),
        claim
            .flags
            .iter()
            .map(|&code| flag(code))
            .collect::<Vec<_>>()
            .join(", "),
    ]
}

/// The claim's origins and, when they were found through other claims, the claims on the way:
/// "amnesty (via doc001/executed-at-least-5000)".
fn provenance(claim: &ClaimView) -> String {
    let origins = claim.origin.join(", ");
    let via: Vec<&str> = claim
        .chain
        .iter()
        .filter(|link| link.to_kind == "claim")
        .map(|link| link.to)
        .collect();
    if via.is_empty() {
        origins
    } else {
        format!("{origins} (via {})", via.join(" → "))
    }
}

/// "according to X; basis: …" and how the claim stands (its measure and stance when not the
/// defaults, what it disputes or replaces, what disputes or replaces it), or empty.
pub fn attribution(claim: &ClaimView) -> String {
    let mut parts = Vec::new();
    if !claim.according_to.is_empty() {
        parts.push(format!("according to {}", claim.according_to.join(" and ")));
    }
    if !claim.basis.is_empty() {
        parts.push(format!("basis: {}", claim.basis.join(", ")));
    }
    parts.extend(standing(claim));
    parts.join("; ")
}

/// How a claim stands beside the others, in words: empty for a current assertion of an estimate.
pub fn standing(claim: &ClaimView) -> Vec<String> {
    let mut notes = Vec::new();
    if claim.measure != ClaimMeasure::Estimate {
        let bound = if claim.measure.is_lower_bound() {
            ", a lower bound"
        } else {
            ""
        };
        notes.push(format!("measure: {}{bound}", claim.measure.as_str()));
    }
    match claim.stance {
        Stance::Asserts => {}
        Stance::Reports => notes.push("reports it, without endorsing".to_string()),
        Stance::Disputes => notes.push(format!("disputes {}", claim.disputes.join(", "))),
    }
    let lists = [
        ("disputed by", &claim.disputed_by),
        ("supersedes", &claim.supersedes),
        ("superseded by", &claim.superseded_by),
    ];
    for (relation, ids) in lists {
        if !ids.is_empty() {
            notes.push(format!("{relation} {}", ids.join(", ")));
        }
    }
    if let Some(reason) = &claim.withdrawn {
        notes.push(format!("withdrawn: {reason}"));
    }
    notes
}

/// The short flag a finding code puts on a claim's row.
pub fn flag(code: Code) -> &'static str {
    match code {
        Code::FigureConflict => "conflict",
        Code::FigurePartExceedsWhole => "exceeds-whole",
        Code::FigureDivergence => "divergence",
        Code::UnsupportedAssertion => "unsupported",
        Code::AttributionUnverified => "attribution-unverified",
        Code::AttributionContradicted => "attribution-contradicted",
        Code::SingleOrigin => "single-origin",
        Code::ValueNotInQuote => "value-not-in-quote",
        Code::UncitedClaim => "uncited",
        Code::QuoteNotFound => "quote-not-found",
        other => other.name(),
    }
}

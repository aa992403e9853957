//! Findings as JSON objects with file, line and column, shared by `check --format json` and the
//! JSON report so both describe a finding the same way.

use crate::files::Files;
use crate::finding::{Code, Finding, Severity};
use serde::Serialize;

#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub code: Code,
    pub severity: Severity,
    pub message: &'a str,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    pub claims: &'a [String],
    pub related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
pub struct JsonRelated<'a> {
    pub message: &'a str,
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl<'a> JsonFinding<'a> {
    pub fn new(files: &Files, finding: &'a Finding) -> Self {
        let start = files.line_col(&finding.location);
        let end = files
            .get(finding.location.file)
            .line_col(finding.location.span.end);
        Self {
            code: finding.code,
            severity: finding.severity,
            message: &finding.message,
            file: files.display_path(finding.location.file),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            label: &finding.label,
            help: finding.help.as_deref(),
            claims: &finding.claims,
            related: finding
                .related
                .iter()
                .map(|related| {
                    let at = files.line_col(&related.location);
                    JsonRelated {
                        message: &related.message,
                        file: files.display_path(related.location.file),
                        line: at.line,
                        column: at.column,
                    }
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct CheckOutput<'a> {
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
    failed: usize,
}

/// `check --format json`: every finding, and how many fail the gate.
pub fn render_check(files: &Files, findings: &[Finding], failed: usize) -> String {
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    let output = CheckOutput {
        findings: findings
            .iter()
            .map(|f| JsonFinding::new(files, f))
            .collect(),
        summary: Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            failed,
        },
    };
    serde_json::to_string_pretty(&output).expect("findings serialise") + "\n"
}

/// `report --format json`: the documented contract (docs/json.md).
pub fn render_report(checked: &crate::Checked, figure: Option<&str>) -> String {
    serde_json::to_string_pretty(&report::JsonReport::new(checked, figure))
        .expect("report serialises")
        + "\n"
}

mod report {
    use super::JsonFinding;
    use crate::Checked;
    use crate::base::Claim;
    use crate::checks::figures::divergences_in;
    use crate::date::PartialDate;
    use crate::records::{SourceKind, SpeakerKind, ValueKind};
    use crate::value::{Number, Rule};
    use serde::Serialize;

    #[derive(Serialize)]
    pub struct JsonReport<'a> {
        figures: Vec<JsonFigure<'a>>,
        sources: Vec<JsonSource<'a>>,
        speakers: Vec<JsonSpeaker<'a>>,
        claims: Vec<JsonClaim<'a>>,
        findings: Vec<JsonFinding<'a>>,
    }

    #[derive(Serialize)]
    struct JsonFigure<'a> {
        id: &'a str,
        label: &'a str,
        unit: Option<&'a str>,
        values: ValueKind,
        varies: bool,
        claims: usize,
        distinct_values: usize,
        independent_origins: Vec<&'a str>,
        /// The largest ratio between overlapping stated numbers, where one reaches the factor.
        divergence: Option<f64>,
        windows: Vec<JsonWindow<'a>>,
        not_compared: Vec<JsonNotCompared<'a>>,
    }

    #[derive(Serialize)]
    struct JsonWindow<'a> {
        /// The `as_of` window for figures that vary; null for fixed totals.
        as_of: Option<PartialDate>,
        values: Vec<JsonValue<'a>>,
    }

    #[derive(Serialize)]
    struct JsonValue<'a> {
        value: &'a str,
        low: Option<Number>,
        high: Option<Number>,
        point: Option<Number>,
        rule: Option<Rule>,
        claims: Vec<&'a str>,
        origins: Vec<&'a str>,
    }

    #[derive(Serialize)]
    struct JsonNotCompared<'a> {
        claim: &'a str,
        reason: &'a str,
    }

    #[derive(Serialize)]
    struct JsonSource<'a> {
        id: &'a str,
        title: &'a str,
        publisher: Option<&'a str>,
        kind: SourceKind,
        published: Option<PartialDate>,
        url: Option<&'a str>,
        sha256: Option<&'a str>,
        note: Option<&'a str>,
    }

    #[derive(Serialize)]
    struct JsonSpeaker<'a> {
        id: &'a str,
        name: &'a str,
        kind: SpeakerKind,
        aliases: &'a [String],
        affiliations: Vec<&'a str>,
        origin_group: &'a str,
        note: Option<&'a str>,
    }

    #[derive(Serialize)]
    struct JsonClaim<'a> {
        id: &'a str,
        figure: Option<&'a str>,
        value: Option<&'a str>,
        low: Option<Number>,
        high: Option<Number>,
        point: Option<Number>,
        rule: Option<Rule>,
        statement: Option<&'a str>,
        speaker: Option<&'a str>,
        source: Option<&'a str>,
        quote: Option<&'a str>,
        locator: Option<&'a str>,
        as_of: Option<PartialDate>,
        according_to: Option<&'a str>,
        basis: Vec<&'a str>,
        origin: Vec<&'a str>,
        file: String,
        line: usize,
        column: usize,
    }

    impl<'a> JsonReport<'a> {
        pub fn new(checked: &'a Checked, only: Option<&'a str>) -> Self {
            let Checked { base, analysis, .. } = checked;
            let origins = &analysis.origins;
            let group_names = |groups: &[usize]| -> Vec<&'a str> {
                groups
                    .iter()
                    .map(|&g| origins.group_name(base, g))
                    .collect()
            };
            let in_scope = |figure: Option<usize>| {
                only.is_none_or(|id| figure.is_some_and(|f| base.figures[f].id == id))
            };
            let figures = analysis
                .comparisons
                .iter()
                .filter(|c| in_scope(Some(c.figure)))
                .map(|comparison| {
                    let figure = &base.figures[comparison.figure];
                    JsonFigure {
                        id: &figure.id,
                        label: &figure.label,
                        unit: figure.unit.as_deref(),
                        values: figure.values,
                        varies: figure.varies,
                        claims: comparison.claims.len(),
                        distinct_values: comparison.value_count(),
                        independent_origins: group_names(&comparison.origin_groups),
                        divergence: comparison
                            .windows
                            .iter()
                            .flat_map(|w| divergences_in(base, w))
                            .map(|d| (d.ratio * 100.0).round() / 100.0)
                            .max_by(f64::total_cmp),
                        windows: comparison
                            .windows
                            .iter()
                            .map(|window| JsonWindow {
                                as_of: window.key,
                                values: window
                                    .values
                                    .iter()
                                    .map(|value| {
                                        let reading = value.reading(base);
                                        JsonValue {
                                            value: value.written(base),
                                            low: reading.map(|r| r.low),
                                            high: reading.and_then(|r| r.high),
                                            point: reading.and_then(|r| r.point),
                                            rule: reading.map(|r| r.rule),
                                            claims: value
                                                .claims
                                                .iter()
                                                .map(|&c| base.claims[c].id.as_str())
                                                .collect(),
                                            origins: group_names(&value.origin_groups),
                                        }
                                    })
                                    .collect(),
                            })
                            .collect(),
                        not_compared: comparison
                            .not_compared
                            .iter()
                            .map(|n| JsonNotCompared {
                                claim: &base.claims[n.claim].id,
                                reason: &n.reason,
                            })
                            .collect(),
                    }
                })
                .collect();
            let claims = base
                .claims
                .iter()
                .enumerate()
                .filter(|(_, claim)| in_scope(claim.figure))
                .map(|(c, claim)| json_claim(checked, claim, group_names(&origins.claim_groups[c])))
                .collect();
            JsonReport {
                figures,
                sources: base
                    .sources
                    .iter()
                    .map(|source| JsonSource {
                        id: &source.id,
                        title: &source.title,
                        publisher: source.publisher.map(|p| base.speakers[p].id.as_str()),
                        kind: source.kind,
                        published: source.published,
                        url: source.url.as_deref(),
                        sha256: source.sha256.as_ref().map(|h| h.get_ref().as_str()),
                        note: source.note.as_deref(),
                    })
                    .collect(),
                speakers: base
                    .speakers
                    .iter()
                    .enumerate()
                    .map(|(s, speaker)| JsonSpeaker {
                        id: &speaker.id,
                        name: &speaker.name,
                        kind: speaker.kind,
                        aliases: &speaker.aliases,
                        affiliations: speaker
                            .affiliations
                            .iter()
                            .map(|&a| base.speakers[a].id.as_str())
                            .collect(),
                        origin_group: origins.group_name(base, origins.speaker_group[s]),
                        note: speaker.note.as_deref(),
                    })
                    .collect(),
                claims,
                findings: checked
                    .findings_about(only)
                    .map(|f| JsonFinding::new(&base.files, f))
                    .collect(),
            }
        }
    }

    fn json_claim<'a>(
        checked: &'a Checked,
        claim: &'a Claim,
        origin: Vec<&'a str>,
    ) -> JsonClaim<'a> {
        let base = &checked.base;
        let reading = claim.value.as_ref().and_then(|v| v.reading.as_ref());
        let at = base.files.line_col(&claim.location);
        JsonClaim {
            id: &claim.id,
            figure: claim.figure.map(|f| base.figures[f].id.as_str()),
            value: claim.value.as_ref().map(|v| v.written.as_str()),
            low: reading.map(|r| r.low),
            high: reading.and_then(|r| r.high),
            point: reading.and_then(|r| r.point),
            rule: reading.map(|r| r.rule),
            statement: claim.statement.as_deref(),
            speaker: claim.speaker.map(|s| base.speakers[s].id.as_str()),
            source: claim.source.map(|s| base.sources[s].id.as_str()),
            quote: claim.quote.as_ref().map(|q| q.get_ref().as_str()),
            locator: claim.locator.as_deref(),
            as_of: claim.as_of,
            according_to: claim.according_to.map(|s| base.speakers[s].id.as_str()),
            basis: claim
                .basis
                .iter()
                .map(|&basis| base.basis_name(basis))
                .collect(),
            origin,
            file: base.files.display_path(claim.file()),
            line: at.line,
            column: at.column,
        }
    }
}

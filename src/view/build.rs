//! Building the report model from a checked claim base: ids instead of indices, readings in words,
//! locations as line:column, and the flags findings put on claims, each worked out once.

use super::chain::ChainWalk;
use super::claim::{claim_view, disputed_by, reading_view};
use super::grouping;
use super::report::{
    AboutView, AffiliationView, ConflictView, FigureView, FindingView, NotComparedView, Place,
    RelatedView, Report, SourceView, SpeakerView, ValueView, WindowView,
};
use super::summary::summarise;
use crate::Checked;
use crate::analysis::compare::FigureComparison;
use crate::analysis::origins::Origins;
use crate::finding::key::FindingKey;
use crate::finding::{Code, CodeSet, Finding};
use crate::input::files::Files;
use crate::model::ClaimBase;
use foldhash::{HashMap, HashSet};
use rayon::prelude::*;
use std::borrow::Cow;

/// The report on every figure, or on the one `figure` names (which must exist).
pub fn build<'a>(checked: &'a Checked, figure: Option<&str>) -> Report<'a> {
    build_to(checked, figure, Detail::Full)
}

/// The report on every figure without what only a report shows of a claim, its chain of sources
/// and the codes of the findings about it: the snapshot and `diff` read claims fact by fact
/// ([`super::facts`]), and at 100,000 claims the two are a fifth of building their views.
pub fn build_facts(checked: &Checked) -> Report<'_> {
    build_to(checked, None, Detail::Facts)
}

#[derive(Clone, Copy, PartialEq)]
enum Detail {
    Full,
    /// Claims without their `chain` and `flags`, their places worked out only when asked for.
    Facts,
}

fn build_to<'a>(checked: &'a Checked, figure: Option<&str>, detail: Detail) -> Report<'a> {
    let Checked {
        base,
        analysis,
        findings,
    } = checked;
    let origins = &analysis.origins;
    let group_names = |groups: &[usize]| -> Vec<&'a str> {
        groups
            .iter()
            .map(|&g| origins.group_name(base, g))
            .collect()
    };
    let in_scope =
        |f: Option<usize>| figure.is_none_or(|id| f.is_some_and(|f| base.figures[f].id == id));

    let mut claim_indices: Vec<usize> = (0..base.claims.len())
        .filter(|&c| in_scope(base.claims[c].figure()))
        .collect();
    claim_indices.sort_by(|&a, &b| base.claims[a].id.cmp(&base.claims[b].id));
    let flags = match detail {
        Detail::Full => flags_by_row(base, &claim_indices, findings),
        Detail::Facts => Vec::new(),
    };
    let mut position: Vec<Option<usize>> = vec![None; base.claims.len()];
    for (row, &c) in claim_indices.iter().enumerate() {
        position[c] = Some(row);
    }
    // Each claim's view, its chain above all, is read from the base alone: built on every core, as
    // are the figures' and the findings' views. A full report works out each claim's line and
    // column here, in id order, as the HTML report reaches them.
    let claims = claim_indices
        .par_iter()
        .enumerate()
        .map_init(ChainWalk::default, |walk, (row, &c)| {
            let origin = (origins.claim_groups[c].iter())
                .map(|&g| origins.group_name(base, g))
                .collect();
            let claim = &base.claims[c];
            let place = match detail {
                Detail::Full => Place::worked_out(&base.files, &claim.location),
                Detail::Facts => Place::of(&base.files, &claim.location),
            };
            let codes = flags.get(row).copied().unwrap_or_default();
            let mut view = claim_view(base, claim, origin, codes, place);
            if detail == Detail::Full {
                view.chain = walk.chain(base, origins, c);
            }
            view.disputed_by = disputed_by(base, c);
            view
        })
        .collect();

    // Each figure's parts, found once: a search of every figure for each figure's took time
    // growing with the square of the figures.
    let mut parts: Vec<Vec<&str>> = vec![Vec::new(); base.figures.len()];
    for figure in &base.figures {
        if let Some(whole) = figure.part_of {
            parts[whole].push(&figure.id);
        }
    }
    parts.iter_mut().for_each(|parts| parts.sort_unstable());
    let mut figures: Vec<FigureView> = analysis
        .comparisons
        .par_iter()
        .filter(|comparison| in_scope(Some(comparison.figure)))
        .map(|comparison| {
            let parts = parts[comparison.figure].clone();
            figure_view(base, origins, comparison, parts, &group_names, &position)
        })
        .collect();
    figures.sort_by(|a, b| a.id.cmp(b.id));

    let mut sources: Vec<SourceView> = base
        .sources
        .par_iter()
        .map(|source| SourceView {
            id: source.id.clone(),
            title: source.title.clone(),
            publisher: source.publisher.map(|p| base.speakers[p].id.clone()),
            authors: source
                .authors
                .iter()
                .map(|&a| base.speakers[a].id.clone())
                .collect(),
            kind: source.kind,
            published: source.published,
            url: source.url.clone(),
            sha256: source.sha256.as_ref().map(|h| h.get_ref().clone()),
            note: source.note.clone(),
        })
        .collect();
    sources.par_sort_by(|a, b| a.id.cmp(&b.id));
    let mut speakers: Vec<SpeakerView> = base
        .speakers
        .par_iter()
        .enumerate()
        .map(|(s, speaker)| SpeakerView {
            id: speaker.id.clone(),
            name: speaker.name.clone(),
            kind: speaker.kind,
            aliases: sorted(speaker.aliases.iter().cloned()),
            affiliations: {
                let mut affiliations: Vec<AffiliationView> = speaker
                    .affiliations
                    .iter()
                    .map(|a| AffiliationView {
                        id: base.speakers[a.speaker].id.clone(),
                        from: a.from,
                        until: a.until,
                        claimed: speaker.is_anonymous(),
                    })
                    .collect();
                affiliations.sort_by(|a, b| (&a.id, a.from).cmp(&(&b.id, b.from)));
                affiliations
            },
            origin_group: origins
                .group_name(base, origins.speaker_group[s])
                .to_string(),
            note: speaker.note.clone(),
        })
        .collect();
    speakers.par_sort_by(|a, b| a.id.cmp(&b.id));

    let about = AboutView {
        name: base.files.root().file_name().map_or_else(
            || base.files.root().display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        ),
        data_date: base.sources.iter().filter_map(|s| s.published).max(),
        history: base.config.compare.include_superseded,
    };
    let about_figure: Vec<&Finding> = checked.findings_about(figure).collect();
    let findings = grouping::group(base, about_figure);
    let mut report = Report {
        about,
        figures,
        sources,
        speakers,
        claims,
        findings,
    };
    index_findings(&mut report);
    report
}

/// Each figure's findings, as indices into the report's findings, found in one pass.
fn index_findings(report: &mut Report) {
    let position: HashMap<&str, usize> = report
        .figures
        .iter()
        .enumerate()
        .map(|(i, figure)| (figure.id, i))
        .collect();
    for (i, finding) in report.findings.iter().enumerate() {
        if let Some(&f) = finding.figure.and_then(|id| position.get(id)) {
            report.figures[f].findings.push(i);
        }
    }
}

fn figure_view<'a>(
    base: &'a ClaimBase,
    origins: &Origins,
    comparison: &'a FigureComparison,
    parts: Vec<&'a str>,
    group_names: &impl Fn(&[usize]) -> Vec<&'a str>,
    position: &[Option<usize>],
) -> FigureView<'a> {
    let figure = &base.figures[comparison.figure];
    let windows = comparison
        .windows
        .iter()
        .map(|window| {
            let mut diverges = vec![false; window.values.len()];
            for divergence in &window.divergences {
                diverges[divergence.value] = true;
                diverges[divergence.larger] = true;
            }
            (window, diverges)
        })
        .map(|(window, diverges)| WindowView {
            as_of: window.key,
            values: window
                .values
                .iter()
                .zip(&window.conflicts.of_value)
                .zip(diverges)
                .map(|((value, conflicts), diverges)| ValueView {
                    diverges,
                    value: value.written(base),
                    reading: reading_view(value.reading(base)),
                    claims: value.claims.iter().map(|&c| &*base.claims[c].id).collect(),
                    origins: group_names(&value.origin_groups),
                    conflicts_with: conflicts.count,
                })
                .collect(),
            conflicts: window
                .conflicts
                .pairs
                .iter()
                .map(|pair| ConflictView {
                    lower: pair.lower,
                    upper: pair.upper,
                })
                .collect(),
            conflicts_total: window.conflicts.total,
        })
        .collect();
    FigureView {
        id: &figure.id,
        label: &figure.label,
        unit: figure.unit.as_deref(),
        part_of: figure.part_of.map(|w| base.figures[w].id.as_str()),
        parts,
        subject: figure.subject.map(|s| base.speakers[s].id.as_str()),
        values: figure.values,
        varies: figure.varies,
        window: figure.varies.then(|| figure.window.name()),
        note: figure.note.as_deref(),
        claims: comparison.claims.len(),
        distinct_values: comparison.value_count(),
        independent_origins: group_names(&comparison.origin_groups),
        divergence: comparison.widest_divergence(),
        conflicts: comparison.conflict_count(),
        summary: summarise(base, comparison, origins),
        windows,
        not_compared: comparison
            .not_compared
            .iter()
            .map(|n| NotComparedView {
                claim: &base.claims[n.claim].id,
                reason: &n.reason,
            })
            .collect(),
        findings: Vec::new(),
        rows: report_order(base, comparison)
            .into_iter()
            .filter_map(|c| position[c])
            .collect(),
    }
}

/// Claims in the order the report lists them: by window, then value, then id; claims that are not
/// compared last, by id.
fn report_order(base: &ClaimBase, comparison: &FigureComparison) -> Vec<usize> {
    let mut ordered: Vec<usize> = comparison
        .windows
        .iter()
        .flat_map(|window| &window.values)
        .flat_map(|value| value.claims.iter().copied())
        .collect();
    // Lonely claims of a varying figure are in a window and also listed as not compared.
    let listed: HashSet<usize> = ordered.iter().copied().collect();
    let mut rest: Vec<usize> = comparison
        .not_compared
        .iter()
        .map(|n| n.claim)
        .filter(|c| !listed.contains(c))
        .collect();
    rest.sort_by(|&a, &b| base.claims[a].id.cmp(&base.claims[b].id));
    ordered.extend(rest);
    ordered
}

/// A finding as reports show it, about `figure`, with its places in `files` (shown as
/// line:column, worked out when a format writes them): the one way every format shows a place.
pub fn located<'a>(
    files: &'a Files,
    finding: &'a Finding,
    figure: Option<&'a str>,
) -> FindingView<'a> {
    FindingView {
        code: finding.code,
        key: FindingKey::of(finding, files),
        severity: finding.severity,
        message: Cow::Borrowed(&finding.message),
        figure,
        place: Place::of(files, &finding.location).with_end(),
        label: Cow::Borrowed(&finding.label),
        help: finding.help.as_deref(),
        claims: Cow::Borrowed(&finding.claims),
        related: finding
            .related
            .iter()
            .map(|related| RelatedView::at(files, &related.location, &*related.message))
            .collect(),
    }
}

/// The codes of the findings about the claim of each row, the rows being claims in id order. The
/// ids the findings name are sorted and walked beside the rows, a stretch of rows on each core: a
/// map by id, looked up for each claim, missed the cache on nearly every claim of a large base.
/// Claims that share an id (a duplicate) each take the codes of the findings naming it.
fn flags_by_row(base: &ClaimBase, rows: &[usize], findings: &[Finding]) -> Vec<CodeSet> {
    let mut named: Vec<(&str, Code)> = findings
        .par_iter()
        .flat_map_iter(|finding| (finding.claims.iter()).map(|id| (&**id, finding.code)))
        .collect();
    named.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    let stretch = rows.len().div_ceil(rayon::current_num_threads()).max(1);
    rows.par_chunks(stretch)
        .flat_map_iter(|rows| {
            let id = |c: usize| &*base.claims[c].id;
            let first = rows
                .first()
                .map_or(0, |&c| named.partition_point(|n| n.0 < id(c)));
            let mut named = &named[first..];
            rows.iter().map(move |&c| {
                let id = id(c);
                let before = named.iter().take_while(|n| n.0 < id).count();
                named = &named[before..];
                let mut codes = CodeSet::default();
                for (_, code) in named.iter().take_while(|n| n.0 == id) {
                    codes.insert(*code);
                }
                codes
            })
        })
        .collect()
}

pub(super) fn sorted<T: Ord>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut items: Vec<T> = items.collect();
    items.sort_unstable();
    items
}

#[cfg(test)]
mod tests;

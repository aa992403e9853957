//! The page's tables and lists: the header's counts, claims, the values of a label figure,
//! sources with their archived sha256, speakers, and findings with their places.

use super::{Lines, shown, web_link};
use crate::finding::Severity;
use crate::render::row::flag;
use crate::view::report::{
    AffiliationView, ClaimView, FigureView, FindingView, Place, Report, SourceView, SpeakerView,
};
use foldhash::HashMap;
use maud::{Markup, PreEscaped, Render, html};
use std::io;

pub fn header(report: &Report) -> Markup {
    let severity_count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let statements = report.statements().count();
    html! {
        h1 { "Consistency report: " (shown(&report.about.name)) }
        dl.counts {
            div { dt { "Figures" } dd { (report.figures.len()) } }
            div { dt { "Claims" } dd { (report.claims.len() - statements) " on figures, "
                (statements) " statements" } }
            div { dt { "Sources" } dd { (report.sources.len()) } }
            div { dt { "Speakers" } dd { (report.speakers.len()) } }
            div { dt { "Findings" } dd { (severity_count(Severity::Error)) " errors, "
                (severity_count(Severity::Warning)) " warnings, " (severity_count(Severity::Info)) " info" } }
            div { dt { "Data as of" } dd {
                @match report.about.data_date {
                    Some(date) => { (date.to_string()) " (the latest source's publication date)" }
                    None => "no source gives a publication date",
                }
            } }
            div { dt { "Made by" } dd { "claimtrack " (env!("CARGO_PKG_VERSION")) } }
        }
        @if report.about.history { p.lede { strong { (crate::view::report::HISTORY_NOTE) } } }
        p.lede { "Every value is shown with who states it and on what basis; no value is picked as "
            "true and no claim is left out." }
    }
}

/// The web link of each source, by id, for the claims tables.
pub type SourceLinks<'a> = HashMap<&'a str, &'a str>;

pub fn source_links<'r>(report: &'r Report) -> SourceLinks<'r> {
    report
        .sources
        .iter()
        .filter_map(|s| Some((s.id.as_str(), web_link(s.url.as_deref()?)?)))
        .collect()
}

/// The sections after the figures: statements (when there are any), sources, speakers and the
/// findings on no figure. Their lists can be long (a row per source, per speaker): the rows are
/// made on every core, between an opening and a closing written by hand.
pub fn write_lists(
    report: &Report,
    links: &SourceLinks,
    statements: &[&ClaimView],
    loose: &[&FindingView],
    writer: &mut dyn io::Write,
) -> io::Result<()> {
    if !statements.is_empty() {
        let caption = "Statements: claims that give no figure";
        let heading = html! { "Statements without a figure" };
        let list = List::new(
            table_opening("claims", caption, &CLAIM_HEADINGS),
            statements,
            CLOSING,
        );
        write_section(writer, "statements", heading, list, |claim| {
            claim_row(links, claim)
        })?;
    }
    let caption = "Sources, with the sha256 of their archived copy";
    let headings = [
        "Source",
        "Title",
        "Publisher",
        "Kind",
        "Published",
        "Link",
        "sha256",
    ];
    let opening = table_opening("sources", caption, &headings);
    let list = List::new(opening, &report.sources, CLOSING);
    write_section(writer, "sources", html! { "Sources" }, list, source_row)?;
    let caption = "Speakers and the origin group each belongs to";
    let headings = ["Speaker", "Name", "Kind", "Origin group", "Affiliations"];
    let opening = table_opening("speakers", caption, &headings);
    let list = List::new(opening, &report.speakers, CLOSING);
    write_section(writer, "speakers", html! { "Speakers" }, list, speaker_row)?;
    let heading = html! { "Findings on no figure (" (loose.len()) ")" };
    let list = match loose {
        [] => List::new(PreEscaped(NO_FINDINGS.into()), loose, ""),
        _ => List::new(PreEscaped(FINDINGS_OPENING.into()), loose, FINDINGS_CLOSING),
    };
    write_section(writer, "other-findings", heading, list, |finding| {
        finding_item(finding)
    })
}

/// A list of the page: its opening up to the first row, its items and its closing.
struct List<'a, T> {
    opening: Markup,
    items: &'a [T],
    closing: &'static str,
}

impl<'a, T> List<'a, T> {
    fn new(opening: Markup, items: &'a [T], closing: &'static str) -> Self {
        List {
            opening,
            items,
            closing,
        }
    }
}

/// How many rows of a long list are made together, on one core.
const ROWS_PER_PART: usize = 256;

/// A section of the page holding `list`: its heading, then the list with a row for each item,
/// made on every core a part at a time.
fn write_section<T: Sync>(
    writer: &mut dyn io::Write,
    id: &str,
    heading: Markup,
    list: List<T>,
    row: impl Fn(&T) -> Markup + Sync,
) -> io::Result<()> {
    let opening = html! {
        (PreEscaped(format!("<section id=\"{id}\" aria-labelledby=\"{id}-heading\">")))
        h2 id={ (id) "-heading" } { (heading) }
        (list.opening)
    };
    writer.write_all(opening.into_string().as_bytes())?;
    let parts: Vec<&[T]> = list.items.chunks(ROWS_PER_PART).collect();
    crate::render::write_sections(&parts, writer, |_, part| {
        let mut text = String::new();
        for item in *part {
            row(item).render_to(&mut text);
        }
        text
    })?;
    writer.write_all(list.closing.as_bytes())?;
    writer.write_all(b"</section>")
}

/// A table of `claims`.
pub fn claims(links: &SourceLinks, claims: &[&ClaimView], caption: &str) -> Markup {
    html! {
        (table_opening("claims", caption, &CLAIM_HEADINGS))
        @for claim in claims { (claim_row(links, claim)) }
        (PreEscaped(CLOSING))
    }
}

/// What ends each long table: its body, the table and the box that scrolls it.
const CLOSING: &str = "</tbody></table></div>";

/// A table in the box that scrolls it, up to its first row: its caption and column headings.
fn table_opening(class: &str, caption: &str, headings: &[&str]) -> Markup {
    html! {
        (PreEscaped(format!("<div class=\"scroll\"><table class=\"{class}\">")))
        caption { (caption) }
        thead { tr {
            @for heading in headings { th scope="col" { (heading) } }
        } }
        (PreEscaped("<tbody>"))
    }
}

/// The columns of a claims table.
const CLAIM_HEADINGS: [&str; 9] = [
    "Claim",
    "Value",
    "Reading",
    "Speaker",
    "Source",
    "As of",
    "Attribution",
    "Origin",
    "Flags",
];

fn claim_row(links: &SourceLinks, claim: &ClaimView) -> Markup {
    html! {
        // A superseded or withdrawn claim is shown, greyed: it is history, not a current value.
        tr class=[(!claim.current).then_some("replaced")] {
            th scope="row" {
                code { (shown(claim.id)) }
                br; span.place { (At(claim.place)) }
                @if let Some(quote) = &claim.quote {
                    blockquote.quote { (Lines(quote)) }
                }
                @if let Some(locator) = &claim.locator {
                    span.place { (shown(locator)) }
                }
            }
            td {
                @if let Some(value) = &claim.value { (shown(value)) }
                @else if let Some(statement) = &claim.statement { (Lines(statement)) }
            }
            td { (shown(&claim.reading_text())) }
            td { (shown(claim.speaker.unwrap_or_default())) }
            td {
                @if let Some(source) = &claim.source {
                    (shown(source))
                    @if let Some(date) = claim.source_published { " " span.date { "(" (format_args!("{date}")) ")" } }
                    @if let Some(url) = links.get(source) {
                        " " a href=(url) rel="noopener noreferrer" { "link" }
                    }
                }
            }
            td.date { @if let Some(date) = claim.as_of { (format_args!("{date}")) } }
            td { (shown(&crate::render::row::attribution(claim))) }
            td { (shown(&claim.origin.join(", "))) }
            td {
                @for code in &claim.flags {
                    span class={ "flag " (flag_class(flag(*code))) } { (flag(*code)) } " "
                }
            }
        }
    }
}

fn flag_class(flag: &str) -> &'static str {
    match flag {
        "conflict" => "flag-conflict",
        _ => "flag-other",
    }
}

/// The values of a figure that has nothing to plot (labels): each with its claims and origins.
pub fn values(figure: &FigureView) -> Markup {
    html! {
        table.values {
            caption { "Values of " (shown(figure.id)) }
            thead { tr {
                @if figure.varies { th scope="col" { "As of" } }
                th scope="col" { "Value" } th scope="col" { "Claims" } th scope="col" { "Origins" }
            } }
            tbody {
                @for window in &figure.windows {
                    @for value in &window.values {
                        tr.in-conflict[value.conflicts_with > 0] {
                            @if figure.varies {
                                td { (window.as_of.map(|d| d.to_string()).unwrap_or_default()) }
                            }
                            th scope="row" {
                                (shown(value.value))
                                @if value.conflicts_with > 0 { " " span.flag.flag-conflict { "conflict" } }
                            }
                            td { (value.claims.len()) }
                            td { (shown(&value.origins.join(", "))) }
                        }
                    }
                }
            }
        }
    }
}

fn source_row(source: &SourceView) -> Markup {
    html! {
        tr {
            th scope="row" { code { (shown(&source.id)) } }
            td { (shown(&source.title)) }
            td { (shown(source.publisher.as_deref().unwrap_or_default())) }
            td { (kind_name(&source.kind)) }
            td.date { (source.published.map(|d| d.to_string()).unwrap_or_default()) }
            td {
                @match source.url.as_deref().map(|url| (url, web_link(url))) {
                    Some((_, Some(url))) => a href=(url) rel="noopener noreferrer" { (url) },
                    Some((url, None)) => span.not-a-link { (shown(url)) },
                    None => "",
                }
            }
            td { code.hash { (shown(source.sha256.as_deref().unwrap_or_default())) } }
        }
    }
}

fn speaker_row(speaker: &SpeakerView) -> Markup {
    html! {
        tr {
            th scope="row" { code { (shown(&speaker.id)) } }
            td { (shown(&speaker.name)) }
            td { (kind_name(&speaker.kind)) }
            td { (shown(&speaker.origin_group)) }
            td { (shown(&speaker.affiliations.iter().map(AffiliationView::text).collect::<Vec<_>>().join(", "))) }
        }
    }
}

/// Findings with severity, code, place, message and help.
pub fn findings(findings: &[&FindingView]) -> Markup {
    html! {
        @if findings.is_empty() {
            (PreEscaped(NO_FINDINGS))
        } @else {
            (PreEscaped(FINDINGS_OPENING))
            @for finding in findings { (finding_item(finding)) }
            (PreEscaped(FINDINGS_CLOSING))
        }
    }
}

/// What a list of no findings shows.
const NO_FINDINGS: &str = "<p>None.</p>";

/// A list of findings up to its first, and what closes it.
const FINDINGS_OPENING: &str = "<ul class=\"findings\">";
const FINDINGS_CLOSING: &str = "</ul>";

fn finding_item(finding: &FindingView) -> Markup {
    html! {
        li class={ "finding " (finding.severity.as_str()) } {
            span.severity { (finding.severity.as_str()) } " "
            code { (finding.code.name()) } " "
            span.place { (At(finding.place.start())) }
            " " span.message { (shown(&finding.message)) }
            @if let Some(help) = &finding.help { br; span.help { "help: " (Lines(help)) } }
        }
    }
}

/// A place as `file:line:column`, written straight into the page.
struct At<'a>(Place<'a>);

impl Render for At<'_> {
    fn render_to(&self, buffer: &mut String) {
        let at = self.0.line_col();
        shown(self.0.file()).render_to(buffer);
        buffer.push(':');
        at.line.render_to(buffer);
        buffer.push(':');
        at.column.render_to(buffer);
    }
}

/// An enum's name as the records write it (`press-release`).
fn kind_name(kind: &impl serde::Serialize) -> String {
    crate::view::facts::serialized_name(kind)
}

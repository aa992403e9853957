//! The consistency report as one self-contained HTML page: a header with counts and the date of
//! the data, a table of contents, per figure its summary, range plot, provenance picture, claims
//! and findings, then statements, sources, speakers and the remaining findings. Every string from
//! a record goes through maud, which escapes it; nothing is loaded from elsewhere and no script
//! runs, so the page passes a Content-Security-Policy that allows inline styles alone.

mod axis;
mod coordinate;
mod plot;
mod provenance;
mod tables;

use super::Style;
use crate::view::report::{FigureView, FindingView, Report};
use coordinate::px;
use foldhash::HashMap;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use std::borrow::Cow;
use std::io;

/// The policy the page is written to pass, also stated in a meta tag so a page opened from disk
/// enforces it.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE_SHEET: &str = include_str!("style.css");

/// `report --format html`.
pub fn render(report: &Report, style: &Style) -> String {
    super::collect(|out| write(report, style, out))
}

/// `report --format html`, written to `writer` a figure at a time. The elements that enclose the
/// figures (`html`, `body`, `main`) are opened and closed around them by hand, as maud would.
pub fn write(report: &Report, _style: &Style, writer: &mut dyn io::Write) -> io::Result<()> {
    let figures = report.figures_busiest_first();
    let statements: Vec<_> = report.statements().collect();
    let loose: Vec<&FindingView> = report.other_findings().collect();
    let origin_group: HashMap<&str, &str> = report
        .speakers
        .iter()
        .map(|s| (s.id.as_str(), s.origin_group.as_str()))
        .collect();
    let name = shown(&report.about.name);
    let links = tables::source_links(report);
    let opening = html! {
        (DOCTYPE)
        (PreEscaped("<html lang=\"en\">"))
        head {
            meta charset="utf-8";
            meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
            meta name="referrer" content="no-referrer";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="generator" content={ "claimtrack " (env!("CARGO_PKG_VERSION")) };
            title { "Consistency report: " (name) }
            style { (PreEscaped(STYLE_SHEET)) }
        }
        (PreEscaped("<body>"))
        header { (tables::header(report)) }
        nav aria-labelledby="contents" {
            h2 id="contents" { "Contents" }
            ol {
                @for (i, figure) in figures.iter().enumerate() {
                    li {
                        a href={ "#figure-" (i) } { (shown(figure.label)) }
                        " — " (figure.summary_text())
                    }
                }
                @if !statements.is_empty() { li { a href="#statements" { "Statements without a figure" } } }
                li { a href="#sources" { "Sources" } }
                li { a href="#speakers" { "Speakers" } }
                li { a href="#other-findings" { "Findings on no figure" } }
            }
        }
        (PreEscaped("<main>"))
    };
    writer.write_all(opening.into_string().as_bytes())?;
    super::write_sections(&figures, writer, |i, figure| {
        figure_section(report, &links, &origin_group, figure, i).into_string()
    })?;
    tables::write_lists(report, &links, &statements, &loose, writer)?;
    let closing = html! {
        (PreEscaped("</main>"))
        footer {
            p { "Made by claimtrack " (env!("CARGO_PKG_VERSION")) ". claimtrack records and "
                "compares what sources say; it never decides the truth." }
        }
        (PreEscaped("</body></html>"))
    };
    writer.write_all(closing.into_string().as_bytes())
}

fn figure_section(
    report: &Report,
    links: &tables::SourceLinks,
    origin_group: &HashMap<&str, &str>,
    figure: &FigureView,
    i: usize,
) -> Markup {
    let findings: Vec<&FindingView> = figure
        .findings
        .iter()
        .map(|&f| &report.findings[f])
        .collect();
    let id = format!("figure-{i}");
    let palette = Palette::of(&figure.independent_origins);
    let claims: Vec<_> = figure.rows.iter().map(|&row| &report.claims[row]).collect();
    html! {
        section.figure id=(id) aria-labelledby={ (id) "-heading" } {
            h2 id={ (id) "-heading" } {
                (shown(figure.label))
                @if let Some(unit) = &figure.unit { " " span.unit { "(" (shown(unit)) ")" } }
            }
            p.figure-id { code { (shown(figure.id)) } }
            p.summary { (figure.summary_text()) }
            p.neutral-summary { (shown(&figure.summary.text)) }
            @if let Some(note) = &figure.note { p.note { (Lines(note)) } }
            @if let Some(plot) = plot::plot(figure, &palette, &format!("{id}-plot")) {
                figure.chart {
                    (plot)
                    figcaption { (legend(figure, &palette)) }
                }
            } @else if !figure.windows.is_empty() {
                (tables::values(figure))
            }
            @if claims.len() > provenance::MOST_CLAIMS {
                p.note { "The provenance picture is left out: " (claims.len()) " claims are more than "
                    (provenance::MOST_CLAIMS) " can be drawn legibly. The table gives each claim's "
                    "attribution and origin." }
            } @else if !claims.is_empty() {
                figure.chart {
                    (provenance::picture(&claims, origin_group, &palette, &format!("{id}-provenance"), figure.label))
                    figcaption { "Who cites whom: each claim (left), the claims and sources it rests on or follows, "
                        "and the speakers its chain ends at (right), coloured by origin group. Solid lines: "
                        "rests on or published by; dashed: according to; dotted: in the speaker's own voice." }
                }
            }
            h3 { "Claims" }
            (tables::claims(links, &claims, &format!("Claims on {}", &*shown(figure.id))))
            @if !figure.not_compared.is_empty() {
                h3 { "Not compared" }
                ul {
                    @for item in &figure.not_compared {
                        li { code { (shown(item.claim)) } ": " (shown(item.reason)) }
                    }
                }
            }
            h3 { "Findings (" (findings.len()) ")" }
            (tables::findings(&findings))
        }
    }
}

fn legend(figure: &FigureView, palette: &Palette) -> Markup {
    html! {
        ul.legend aria-label="Legend" {
            @for origin in &figure.independent_origins {
                li { (swatch(&palette.class(origin))) (shown(origin)) }
            }
            li { span.key { "●" } "exact value" }
            li { span.key { "◆" } "stated point" }
            li { span.key { "▶" } "open end" }
            @if figure.conflicts > 0 { li { span.key.conflict-key { "▮" } "conflict: the values cannot both be true" } }
        }
    }
}

fn swatch(class: &str) -> Markup {
    html! {
        svg.swatch width="12" height="12" aria-hidden="true" { rect class=(class) width="12" height="12" {} }
    }
}

/// Colour classes for a figure's origin groups, in the order the figure lists them; groups past
/// the palette share one neutral colour.
pub struct Palette<'a> {
    index: HashMap<&'a str, usize>,
}

const PALETTE_SIZE: usize = 9;

impl<'a> Palette<'a> {
    fn of(origins: &[&'a str]) -> Palette<'a> {
        Palette {
            index: origins.iter().enumerate().map(|(i, &o)| (o, i)).collect(),
        }
    }

    fn class(&self, origin: &str) -> String {
        match self.index.get(origin) {
            Some(&i) if i < PALETTE_SIZE => format!("o{i}"),
            _ => "o-more".to_string(),
        }
    }
}

/// Record text on one line, as the page shows it: line breaks, tabs and other control characters
/// become visible escapes (`\n`, `\u{1b}`); the rest is HTML-escaped when it is written.
fn shown(text: &str) -> Shown<'_> {
    Shown(if super::sanitize::holds_control(text) {
        Cow::Owned(super::sanitize::one_line(text))
    } else {
        Cow::Borrowed(text)
    })
}

/// Text [`shown`] on one line.
struct Shown<'a>(Cow<'a, str>);

impl std::ops::Deref for Shown<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl maud::Render for Shown<'_> {
    fn render_to(&self, buffer: &mut String) {
        escape_into(&self.0, buffer);
    }
}

/// Escapes `text` into `buffer` as maud does (`&`, `<`, `>` and `"`), copying the runs between
/// those characters whole: most record text holds none, and maud copies byte by byte. Text that
/// holds none is copied after one pass over its bytes; in other text the next `"` and the next of
/// `&<>` are each searched for on vector instructions, and searched for again only once passed.
fn escape_into(text: &str, buffer: &mut String) {
    let bytes = text.as_bytes();
    if !super::sanitize::any_byte(bytes, |byte| matches!(byte, b'&' | b'<' | b'>' | b'"')) {
        buffer.push_str(text);
        return;
    }
    let quote_from = |from: usize| memchr::memchr(b'"', &bytes[from..]).map(|at| at + from);
    let others_from =
        |from: usize| memchr::memchr3(b'&', b'<', b'>', &bytes[from..]).map(|at| at + from);
    let (mut quote, mut other) = (quote_from(0), others_from(0));
    let mut copied = 0;
    while let Some(at) = match (quote, other) {
        (Some(q), Some(o)) => Some(q.min(o)),
        (one, None) | (None, one) => one,
    } {
        buffer.push_str(&text[copied..at]);
        buffer.push_str(match bytes[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        // The byte is ASCII, so the text goes on at a character boundary.
        copied = at + 1;
        if quote == Some(at) {
            quote = quote_from(copied);
        } else {
            other = others_from(copied);
        }
    }
    buffer.push_str(&text[copied..]);
}

/// Record text that may span lines (a quote, a note): each line escaped as [`shown`], with `<br>`
/// between them, so no line of the page starts with record text.
struct Lines<'a>(&'a str);

impl maud::Render for Lines<'_> {
    fn render_to(&self, buffer: &mut String) {
        // Line breaks found on vector instructions: quotes are long and most have none.
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', self.0.as_bytes()) {
            maud::Render::render_to(&shown(&self.0[start..end]), buffer);
            buffer.push_str("<br>");
            start = end + 1;
        }
        maud::Render::render_to(&shown(&self.0[start..]), buffer);
    }
}

/// At most `limit` characters of `text`, with an ellipsis when cut.
fn cut(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// The url, when it is an http or https link; any other scheme (`javascript:`, `data:`) is shown
/// as text, never followed.
fn web_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme = url.split_once(':')?.0;
    (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn text_is_escaped_as_maud_escapes_it(text in "[a-z<>&\"'é数 \n]{0,40}|\\PC{0,40}") {
            let mut ours = String::new();
            escape_into(&text, &mut ours);
            let mut maud = String::new();
            std::fmt::Write::write_str(&mut maud::Escaper::new(&mut maud), &text).unwrap();
            prop_assert_eq!(ours, maud);
        }

        #[test]
        fn lines_are_split_at_each_line_break(
            lines in prop::collection::vec("[a-z<&\t]{0,8}", 1..5)
        ) {
            let text = lines.join("\n");
            let shown: Vec<String> = (lines.iter())
                .map(|line| maud::Render::render(&shown(line)).into_string())
                .collect();
            let rendered = maud::Render::render(&Lines(&text)).into_string();
            prop_assert_eq!(rendered, shown.join("<br>"));
        }
    }

    #[test]
    fn only_http_and_https_urls_become_links() {
        assert_eq!(
            web_link("https://example.org/a"),
            Some("https://example.org/a")
        );
        assert_eq!(web_link(" HTTP://example.org"), Some("HTTP://example.org"));
        assert_eq!(web_link("javascript:alert(1)"), None);
        assert_eq!(web_link("JaVaScRiPt:alert(1)"), None);
        assert_eq!(web_link("data:text/html,<script>"), None);
        assert_eq!(web_link("//example.org"), None);
        assert_eq!(web_link("example.org"), None);
    }

    #[test]
    fn control_characters_show_as_escapes_and_line_breaks_as_br() {
        assert_eq!(&*shown("a\u{1b}[2Jb\nc"), "a\\u{1b}[2Jb\\nc");
        assert_eq!(&*shown("plain"), "plain");
        let escaped = html! { (shown("<a href=\"x\">&amp;</a>")) }.into_string();
        assert_eq!(escaped, "&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;");
        let lines = html! { (Lines("<b>\n::error x\r\n")) }.into_string();
        assert_eq!(lines, "&lt;b&gt;<br>::error x\\r<br>");
    }
}

//! `report --format html`: the page parsed as a browser would, checked against the JSON report of
//! the same claim base (a section per figure, a plot row per value group, every claim and finding),
//! for accessibility (headings, table headers, SVG titles), for a page that loads nothing and runs
//! nothing, and for hostile record text that must show as text.

use crate::support::{fixture, manifest_dir, run_in};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::path::Path;

fn select<'a>(scope: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    scope.select(&Selector::parse(css).unwrap()).collect()
}

fn select_in<'a>(element: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    element.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: ElementRef) -> String {
    element.text().collect()
}

/// The HTML report of the claim base in `dir`, parsed, and its JSON report.
fn reports(dir: &Path) -> (Html, String, Value) {
    let html = run_in(dir, &["report", "--format", "html"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let json = run_in(dir, &["report", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    (Html::parse_document(&html.stdout), html.stdout, json.json())
}

fn array<'a>(json: &'a Value, key: &str) -> &'a Vec<Value> {
    json[key]
        .as_array()
        .unwrap_or_else(|| panic!("`{key}` is an array"))
}

#[test]
fn every_figure_claim_and_finding_of_the_shipped_base_is_on_the_page() {
    let (page, _, json) = reports(&manifest_dir());
    let sections = select(&page, "section.figure");
    let figures = array(&json, "figures");
    assert_eq!(sections.len(), figures.len());
    for figure in figures {
        let id = figure["id"].as_str().unwrap();
        let section = sections
            .iter()
            .find(|s| {
                select_in(**s, ".figure-id code")
                    .iter()
                    .any(|c| text(*c) == id)
            })
            .unwrap_or_else(|| panic!("no section for figure {id}"));
        let plots = select_in(*section, "svg.plot");
        let value_groups: usize = array(figure, "windows")
            .iter()
            .map(|w| array(w, "values").len())
            .sum();
        if figure["values"] == "count" {
            assert_eq!(plots.len(), 1, "figure {id}");
            assert_eq!(select_in(plots[0], "g.row").len(), value_groups, "{id}");
        } else {
            assert!(plots.is_empty(), "label figure {id} has a plot");
        }
        let claim_ids: Vec<String> = select_in(*section, "table.claims tbody th code")
            .into_iter()
            .map(text)
            .collect();
        assert_eq!(
            claim_ids.len(),
            figure["claims"].as_u64().unwrap() as usize,
            "{id}"
        );
    }
    let shown: Vec<String> = select(&page, "table.claims tbody th code")
        .into_iter()
        .map(text)
        .collect();
    for claim in array(&json, "claims") {
        let id = claim["id"].as_str().unwrap();
        assert_eq!(shown.iter().filter(|s| *s == id).count(), 1, "claim {id}");
    }
    let findings: Vec<String> = select(&page, "li.finding").into_iter().map(text).collect();
    assert_eq!(findings.len(), array(&json, "findings").len());
    for finding in array(&json, "findings") {
        let place = format!(
            "{}:{}:{}",
            finding["file"].as_str().unwrap(),
            finding["line"],
            finding["column"]
        );
        let message = finding["message"].as_str().unwrap();
        let code = finding["code"].as_str().unwrap();
        assert!(
            findings
                .iter()
                .any(|f| f.contains(&place) && f.contains(message) && f.contains(code)),
            "finding {code} at {place} is missing"
        );
    }
    assert!(select(&page, "script").is_empty());
}

#[test]
fn the_shipped_death_toll_is_plotted_on_a_log_axis_with_readable_ticks() {
    let run = run_in(
        &manifest_dir(),
        &[
            "report",
            "--format",
            "html",
            "--figure",
            "iran-1988/executed",
        ],
    );
    let page = Html::parse_document(&run.stdout);
    let plot = select(&page, "svg.plot")[0];
    let ticks: Vec<String> = select_in(plot, "text.tick").into_iter().map(text).collect();
    for tick in ["1,000", "10,000", "100,000", "1 M"] {
        assert!(ticks.iter().any(|t| t == tick), "{tick} in {ticks:?}");
    }
    assert!(text(select_in(plot, "text.axis-title")[0]).contains("log scale"));
    let rows: Vec<String> = select_in(plot, "g.row text.value")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(rows, ["thousands", "at least 5,000", "30,000"]);
    // "at least 5,000" is open upwards and states 5,000; "30,000" is exact.
    let at_least = select_in(plot, "g.row")[1];
    assert_eq!(select_in(at_least, "path.arrow").len(), 1);
    assert_eq!(select_in(at_least, "path.point").len(), 1);
    assert!(!select_in(select_in(plot, "g.row")[2], "circle.exact").is_empty());
    let legend: Vec<String> = select(&page, ".legend li").into_iter().map(text).collect();
    for origin in ["amnesty", "dominique-attias", "outlet-doc000"] {
        assert!(legend.iter().any(|l| l == origin), "{origin} in {legend:?}");
    }
}

#[test]
fn the_page_is_accessible_and_self_contained() {
    let (page, source, _) = reports(&manifest_dir());
    assert_eq!(select(&page, "h1").len(), 1);
    for svg in select(&page, "svg.plot, svg.provenance") {
        assert_eq!(svg.value().attr("role"), Some("img"));
        let labels = svg.value().attr("aria-labelledby").unwrap();
        for id in labels.split_whitespace() {
            assert_eq!(select(&page, &format!("[id='{id}']")).len(), 1, "{id}");
        }
        assert!(!select_in(svg, "title").is_empty());
    }
    for table in select(&page, "table") {
        assert_eq!(select_in(table, "caption").len(), 1);
        for th in select_in(table, "thead th") {
            assert_eq!(th.value().attr("scope"), Some("col"));
        }
        for th in select_in(table, "tbody th") {
            assert_eq!(th.value().attr("scope"), Some("row"));
        }
    }
    let policy = select(&page, "meta[http-equiv='Content-Security-Policy']");
    assert_eq!(
        policy[0].value().attr("content"),
        Some("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    );
    // Nothing is loaded: no element names another resource, and the style sheet fetches nothing.
    assert!(select(&page, "[src], link, script, iframe, object, embed, base").is_empty());
    assert!(
        !source.contains("url("),
        "the style sheet fetches something"
    );
    for link in select(&page, "a[href]") {
        let href = link.value().attr("href").unwrap();
        assert!(
            href.starts_with('#') || href.starts_with("https://"),
            "{href}"
        );
    }
}

/// Every text field of tests/fixtures/xss-html carries one of these.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "</style>",
    "javascript:alert(1)",
];

#[test]
fn hostile_record_text_shows_as_text_and_never_as_markup() {
    let (page, source, _) = reports(&fixture("xss-html"));
    assert!(select(&page, "script, img, iframe, object, embed, link, base").is_empty());
    for element in select(&page, "*") {
        for (name, _) in element.value().attrs() {
            assert!(
                !name.starts_with("on"),
                "an `{name}` attribute was injected"
            );
        }
    }
    assert_eq!(select(&page, "style").len(), 1);
    assert_eq!(
        source.matches("</style>").count(),
        1,
        "a `</style>` got through"
    );
    for link in select(&page, "a[href]") {
        let href = link.value().attr("href").unwrap();
        assert!(
            href.starts_with('#') || href.starts_with("https://example.org/"),
            "{href} is a link"
        );
    }
    // The payloads are on the page, as text the reader sees.
    let body = text(select(&page, "body")[0]);
    for payload in PAYLOADS {
        assert!(body.matches(payload).count() >= 2, "{payload} is not shown");
    }
    let not_links: Vec<String> = select(&page, ".not-a-link").into_iter().map(text).collect();
    let not_links: Vec<&str> = not_links.iter().map(|l| l.trim()).collect();
    assert_eq!(not_links, ["JaVaScRiPt:alert(1)", "javascript:alert(1)"]);
    let title = text(select(&page, "title")[0]);
    assert_eq!(title, "Consistency report: xss-html");
    let heading = text(select(&page, "section.figure h2")[0]);
    assert!(
        heading.starts_with("<script>alert(1)</script> killed"),
        "{heading}"
    );
}

#[test]
fn out_writes_the_report_to_a_file_and_says_when_it_cannot() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("report.html");
    let run = run_in(
        &fixture("xss-html"),
        &[
            "report",
            "--format",
            "html",
            "--out",
            path.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>"));

    let missing = dir.path().join("no-such-folder/report.html");
    let run = run_in(
        &fixture("xss-html"),
        &["report", "--out", missing.to_str().unwrap()],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no-such-folder/report.html"),
        "{}",
        run.stderr
    );
}

//! JSON: the report model and the check outcome serialised as they are, in the contract of
//! docs/json.md, so JSON shows exactly what every other format shows.

use super::Style;
use crate::view::check::CheckView;
use crate::view::located;
use crate::view::report::Report;
use serde::Serialize;
use std::io;

/// `report --format json`.
pub fn render(report: &Report, style: &Style) -> String {
    super::collect(|out| write(report, style, out))
}

/// `report --format json`, serialised straight to `writer`: the bytes `serde_json` writes for the
/// whole report, with the elements of its lists serialised on every core (a report on 100,000
/// claims is a quarter of a gigabyte of JSON).
pub fn write(report: &Report, _style: &Style, writer: &mut dyn io::Write) -> io::Result<()> {
    writer.write_all(b"{")?;
    write_list(writer, "figures", &report.figures, true)?;
    write_list(writer, "sources", &report.sources, false)?;
    write_list(writer, "speakers", &report.speakers, false)?;
    write_list(writer, "claims", &report.claims, false)?;
    write_list(writer, "findings", &report.findings, false)?;
    writer.write_all(b"\n}\n")
}

/// One field of the outermost object, a list, as `serde_json`'s pretty printer lays it out at that
/// depth: each element on its own lines, indented two levels.
fn write_list<T: Serialize + Sync>(
    writer: &mut dyn io::Write,
    name: &str,
    items: &[T],
    first: bool,
) -> io::Result<()> {
    write_list_with(writer, name, items, first, |item, serializer| {
        item.serialize(serializer)
    })
}

/// [`write_list`] with each element's `view` serialised: views made and serialised on every core,
/// none kept.
pub(crate) fn write_list_of<T: Sync, V: Serialize>(
    writer: &mut dyn io::Write,
    name: &str,
    items: &[T],
    first: bool,
    view: impl Fn(&T) -> V + Sync,
) -> io::Result<()> {
    write_list_with(writer, name, items, first, |item, serializer| {
        view(item).serialize(serializer)
    })
}

/// [`write_list`] with each element serialised by `serialize`, which may make the element's view
/// first.
fn write_list_with<T: Sync>(
    writer: &mut dyn io::Write,
    name: &str,
    items: &[T],
    first: bool,
    serialize: impl Fn(
        &T,
        &mut serde_json::Serializer<&mut Vec<u8>, Indented>,
    ) -> serde_json::Result<()>
    + Sync,
) -> io::Result<()> {
    let separator = if first { "" } else { "," };
    write!(writer, "{separator}\n  \"{name}\": [")?;
    if items.is_empty() {
        return writer.write_all(b"]");
    }
    super::write_sections(items, writer, |i, item| {
        let layout = Indented {
            depth: 2,
            has_value: false,
        };
        // Each element starts on a line of its own in the list, as the formatter starts any.
        let mut out = Vec::new();
        layout
            .line(&mut out, i == 0)
            .expect("writing to memory succeeds");
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, layout);
        // The views hold only strings, numbers and maps with string keys, which always serialise.
        serialize(item, &mut serializer).expect("views serialise to JSON");
        String::from_utf8(out).expect("serde_json writes UTF-8")
    })?;
    writer.write_all(b"\n  ]")
}

/// `serde_json`'s pretty layout, two spaces a level, for a value that starts `depth` levels in: an
/// element of one of the report's lists is laid out where it stands in the whole report.
struct Indented {
    depth: usize,
    /// Whether the list or map being closed holds anything: `[]` and `{}` stay on one line.
    has_value: bool,
}

impl Indented {
    fn open<W: io::Write + ?Sized>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: io::Write + ?Sized>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(writer, true)?;
        }
        writer.write_all(bracket)
    }

    fn line<W: io::Write + ?Sized>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        // The separator, the line break and the indentation in one write, as one slice of LINE.
        const LINE: &[u8; 66] =
            b",\n                                                                ";
        let start = if first { 1 } else { 0 };
        let width = 2 * self.depth;
        if width <= LINE.len() - 2 {
            return writer.write_all(&LINE[start..2 + width]);
        }
        writer.write_all(&LINE[start..2])?;
        (0..self.depth).try_for_each(|_| writer.write_all(b"  "))
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: io::Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: io::Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: io::Write + ?Sized>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line(w, first)
    }

    fn end_array_value<W: io::Write + ?Sized>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: io::Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: io::Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: io::Write + ?Sized>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line(w, first)
    }

    fn begin_object_value<W: io::Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: io::Write + ?Sized>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `check --format json`: every finding, info included, and how many fail the gate.
pub fn render_check(view: &CheckView, style: &Style) -> String {
    super::collect(|out| write_check(view, style, out))
}

/// `check --format json`, serialised straight to `writer` as [`write`] serialises a report: each
/// finding is placed and serialised on every core, and no list of their views is kept.
pub fn write_check(view: &CheckView, _style: &Style, writer: &mut dyn io::Write) -> io::Result<()> {
    writer.write_all(b"{")?;
    write_list_of(writer, "findings", &view.findings, true, |finding| {
        located(view.files, finding, view.figure_of(finding))
    })?;
    writer.write_all(b",\n  \"summary\": ")?;
    let layout = Indented {
        depth: 1,
        has_value: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(&mut *writer, layout);
    view.summary.serialize(&mut serializer)?;
    writer.write_all(b"\n}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{FIGURE, SOURCES, checked, claim};

    #[test]
    fn values_deep_in_are_laid_out_as_serde_json_lays_them_out() {
        let value = serde_json::json!({"a": [1, {"b": [], "c": {}}, [[2]]], "d": "x\ny"});
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        for depth in [0, 2, 31, 32, 33, 40] {
            let mut out = Vec::new();
            let layout = Indented {
                depth,
                has_value: false,
            };
            value
                .serialize(&mut serde_json::Serializer::with_formatter(
                    &mut out, layout,
                ))
                .unwrap();
            let indented = pretty.replace('\n', &format!("\n{}", "  ".repeat(depth)));
            assert_eq!(
                String::from_utf8(out).unwrap(),
                indented,
                "at depth {depth}"
            );
        }
    }

    #[test]
    fn the_report_is_written_as_serde_json_writes_it_whole() {
        let claims = [
            FIGURE.to_string(),
            claim("a", "30,000", "watchdog", ""),
            claim("b", "at least 5,000", "outlet", ""),
            claim(
                "c",
                "about 4,000",
                "watchdog",
                "note = \"a \\\"quoted\\\" note\\nover two lines\"",
            ),
        ]
        .concat();
        let base = checked(SOURCES, &claims);
        let report = crate::view::build(&base, None);
        assert!(!report.findings.is_empty() && !report.sources.is_empty());
        let whole = serde_json::to_string_pretty(&report).unwrap() + "\n";
        assert_eq!(render(&report, &Style::default()), whole);

        let nothing = checked(SOURCES, "");
        let empty = crate::view::build(&nothing, None);
        assert!(empty.claims.is_empty());
        let whole = serde_json::to_string_pretty(&empty).unwrap() + "\n";
        assert_eq!(render(&empty, &Style::default()), whole);
    }

    #[test]
    fn the_check_outcome_is_written_as_serde_json_writes_it_whole() {
        #[derive(Serialize)]
        struct Whole<'a> {
            findings: Vec<crate::view::report::FindingView<'a>>,
            summary: crate::view::check::Summary,
        }
        let claims = [
            FIGURE.to_string(),
            claim("a", "30,000", "watchdog", ""),
            claim("b", "at least 5,000", "outlet", "note = \"two\\nlines\""),
        ]
        .concat();
        let base = checked(SOURCES, &claims);
        let gate = crate::Gate {
            deny_warnings: false,
        };
        let every = CheckView::new(&base, gate, None, true);
        assert!(!every.findings.is_empty());
        for view in [every, CheckView::of_findings(&base, Vec::new())] {
            let whole = Whole {
                findings: (view.findings.iter())
                    .map(|finding| located(view.files, finding, view.figure_of(finding)))
                    .collect(),
                summary: view.summary,
            };
            let whole = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            assert_eq!(render_check(&view, &Style::default()), whole);
        }
    }
}

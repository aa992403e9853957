//! The report formats and the snapshot reach their writer a figure at a time, so a large report is
//! never held whole in memory, and what they stream is exactly what they render.

use crate::support::manifest_dir;
use claimtrack::render::{self, Style};
use claimtrack::view::report::Report;
use std::io;

/// A writer that keeps each write apart.
#[derive(Default)]
struct Pieces(Vec<Vec<u8>>);

impl io::Write for Pieces {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.push(buf.to_vec());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

type Write = fn(&Report, &mut dyn io::Write) -> io::Result<()>;
type Render = fn(&Report) -> String;

#[test]
fn every_report_format_streams_a_figure_at_a_time() {
    let checked = claimtrack::open(&manifest_dir()).unwrap();
    let report = claimtrack::view::build(&checked, None);
    let figures = report.figures.len();
    assert!(figures >= 3, "the shipped base has several figures");
    let formats: [(&str, Write, Render); 5] = [
        (
            "table",
            |r, w| render::table::write(r, &Style::default(), w),
            |r| render::table::render(r, &Style::default()),
        ),
        (
            "markdown",
            |r, w| render::markdown::write(r, &Style::default(), w),
            |r| render::markdown::render(r, &Style::default()),
        ),
        (
            "json",
            |r, w| render::json::write(r, &Style::default(), w),
            |r| render::json::render(r, &Style::default()),
        ),
        (
            "html",
            |r, w| render::html::write(r, &Style::default(), w),
            |r| render::html::render(r, &Style::default()),
        ),
        (
            "snapshot",
            render::snapshot::write,
            render::snapshot::render,
        ),
    ];
    for (name, write, render) in formats {
        let mut pieces = Pieces::default();
        write(&report, &mut pieces).unwrap();
        let whole: Vec<u8> = pieces.0.concat();
        assert_eq!(
            String::from_utf8(whole).unwrap(),
            render(&report),
            "{name}: the stream differs from the rendering"
        );
        if name != "json" {
            assert!(
                pieces.0.len() > figures,
                "{name} wrote {} pieces for {figures} figures",
                pieces.0.len()
            );
        }
    }
}

/// `claimtrack report | head`: a reader that stops early closes the pipe, which is no error. The
/// read end is closed before the report is written, so every write meets the closed pipe.
#[test]
fn a_closed_pipe_ends_a_report_cleanly() {
    for format in ["table", "html", "json"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimtrack"))
            .args(["report", "--format", format])
            .current_dir(manifest_dir())
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the claimtrack binary runs");
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {out:?}");
        assert!(out.stderr.is_empty(), "{format}: {out:?}");
    }
}

//! The terminal report fits its width: at 60, 80, 120 and 200 columns (`--width`, or `COLUMNS`)
//! and piped (100 columns), no line is wider, and no claim id or value breaks across lines.

use crate::support::{manifest_dir, run_in, snapshot_settings};
use std::process::Command;

/// How many terminal columns a line takes (the report holds no wide characters but `—` and `∞`,
/// each one column).
fn columns(line: &str) -> usize {
    line.chars().count()
}

/// The ids of the shipped claim base's claims, and the numbers their values state.
fn ids_and_numbers() -> (Vec<String>, Vec<String>) {
    let json = run_in(&manifest_dir(), &["report", "--format", "json"]).json();
    let claims = json["claims"].as_array().unwrap();
    let ids = claims
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    let numbers = claims
        .iter()
        .filter_map(|c| c["value"].as_str())
        .flat_map(|value| value.split(' '))
        .filter(|word| word.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect();
    (ids, numbers)
}

fn assert_fits(output: &str, width: usize, ids: &[String], numbers: &[String]) {
    for line in output.lines() {
        assert!(
            columns(line) <= width,
            "a line of {} columns at width {width}: {line}",
            columns(line)
        );
    }
    for id in ids {
        assert!(
            output.lines().any(|line| line.contains(id.as_str())),
            "claim id {id} is split at width {width}"
        );
    }
    for number in numbers {
        assert!(
            output.lines().any(|line| line.contains(number.as_str())),
            "the number {number} is split at width {width}"
        );
    }
}

#[test]
fn every_width_is_kept_and_no_id_or_number_breaks() {
    let (ids, numbers) = ids_and_numbers();
    assert!(ids.len() > 100 && numbers.len() > 20);
    for width in [60, 80, 120, 200] {
        let run = run_in(&manifest_dir(), &["report", "--width", &width.to_string()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_fits(&run.stdout, width, &ids, &numbers);
    }
}

#[test]
fn piped_output_fits_a_hundred_columns_and_columns_sets_the_width() {
    let (ids, numbers) = ids_and_numbers();
    let piped = run_in(&manifest_dir(), &["report"]);
    assert_fits(&piped.stdout, 100, &ids, &numbers);
    let output = Command::new(env!("CARGO_BIN_EXE_claimtrack"))
        .arg("report")
        .current_dir(manifest_dir())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "72")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_fits(&stdout, 72, &ids, &numbers);
    assert!(stdout.lines().any(|line| columns(line) > 60));
}

#[test]
fn wide_terminals_get_a_table_and_narrow_ones_a_block_per_claim() {
    let figure = ["report", "--figure", "iran-1988/executed"];
    let wide = run_in(
        &manifest_dir(),
        &[&figure[..], &["--width", "200"]].concat(),
    );
    assert!(wide.stdout.contains("│ claim "), "{}", wide.stdout);
    let narrow = run_in(&manifest_dir(), &[&figure[..], &["--width", "80"]].concat());
    assert!(!narrow.stdout.contains('│'), "{}", narrow.stdout);
    assert!(
        narrow
            .stdout
            .contains("  doc001/executed-at-least-5000\n    value        at least 5,000\n"),
        "{}",
        narrow.stdout
    );
}

#[test]
fn a_width_below_thirty_is_refused() {
    let run = run_in(&manifest_dir(), &["report", "--width", "10"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--width"), "{}", run.stderr);
}

#[test]
fn the_shipped_base_at_eighty_columns() {
    let run = run_in(&manifest_dir(), &["report", "--width", "80"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snapshot_settings().bind(|| insta::assert_snapshot!("report_table_80_columns", run.stdout));
}

#[test]
fn a_wide_table_wraps_cells_between_words() {
    let run = crate::support::run_fixture("figure-divergence", &["report", "--width", "150"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snapshot_settings().bind(|| insta::assert_snapshot!("report_table_150_columns", run.stdout));
}

/// On a terminal, a run that takes less than half a second draws no progress line: stderr, here
/// the same terminal as stdout, holds the check's results alone. `script` (util-linux) gives the
/// run a terminal.
#[test]
fn a_short_run_on_a_terminal_draws_no_progress_line() {
    let command = format!(
        "'{}' check --root '{}'",
        env!("CARGO_BIN_EXE_claimtrack"),
        manifest_dir().display()
    );
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .output()
        .expect("`script` from util-linux runs the check on a terminal");
    let terminal = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{terminal}");
    assert!(terminal.contains("check passed"), "{terminal}");
    assert!(
        !terminal.contains("\x1b[2K") && !terminal.contains("claimtrack: "),
        "{terminal}"
    );
}

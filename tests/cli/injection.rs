//! Record text never acts in an output: whatever a field holds (line breaks, `::error`, `##[`,
//! escape sequences, markdown), no output line starts a workflow command, no escape byte reaches
//! the terminal, and markdown shows it as written.

use crate::support::{fixture, run_in, temp_copy};

/// Every output that carries record text, as arguments to `claimtrack`.
const OUTPUTS: &[&[&str]] = &[
    &["check", "--show-info"],
    &["check", "--format", "short", "--show-info"],
    &["check", "--format", "json"],
    &["check", "--format", "sarif", "--show-info"],
    &["report"],
    &["report", "--format", "markdown"],
    &["report", "--format", "json"],
    &["report", "--format", "html"],
    &["snapshot"],
];

fn assert_inert(args: &[&str], output: &str) {
    for line in output.lines() {
        // `::: file:line:column` is the diagnostics' own marker for a related place.
        let start = line.trim_start().trim_start_matches("::: ");
        assert!(
            !start.starts_with("::") && !start.starts_with("##["),
            "`{}` printed a workflow command: {line}",
            args.join(" ")
        );
    }
    assert!(
        !output.contains('\u{1b}') && !output.contains('\u{7}'),
        "`{}` let a control character through",
        args.join(" ")
    );
}

#[test]
fn no_output_obeys_record_text() {
    let base = fixture("hostile-text");
    for args in OUTPUTS {
        let run = run_in(&base, args);
        assert!(run.code <= 1, "{args:?}: {}", run.stderr);
        assert_inert(args, &run.stdout);
        assert_inert(args, &run.stderr);
    }
}

#[test]
fn github_annotations_carry_record_text_escaped_inside_their_own_line() {
    let run = run_in(
        &fixture("hostile-text"),
        &["check", "--format", "github", "--show-info"],
    );
    for line in run.stdout.lines() {
        assert!(
            line.starts_with("::notice ")
                || line.starts_with("::warning ")
                || line.starts_with("::error "),
            "{line}"
        );
        assert!(!line.contains('\u{1b}'), "{line}");
    }
}

#[test]
fn markdown_shows_markup_as_written() {
    let run = run_in(
        &fixture("hostile-text"),
        &["report", "--format", "markdown"],
    );
    assert!(!run.stdout.contains("<!--"), "{}", run.stdout);
    assert!(!run.stdout.contains("](https://"), "{}", run.stdout);
    assert!(
        run.stdout.contains("forged \\| table \\| break"),
        "{}",
        run.stdout
    );
}

#[test]
fn diffs_of_hostile_text_stay_inert() {
    let old = fixture("hostile-text");
    let new = temp_copy(&old);
    let path = new.path().join("claims/claims.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("value = \"1,000\"", "value = \"2,000\""),
    )
    .unwrap();
    for format in ["text", "markdown", "json"] {
        let args = [
            "diff",
            old.to_str().unwrap(),
            new.path().to_str().unwrap(),
            "--format",
            format,
        ];
        let run = run_in(&old, &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.contains("2,000"), "{}", run.stdout);
        assert_inert(&args, &run.stdout);
    }
}

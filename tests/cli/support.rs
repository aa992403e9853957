//! Running the real `claimtrack` binary on fixtures, reading its JSON, and copying claim bases to
//! temporary directories for tests that change them.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

/// The crate root: the shipped claim base lives here.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A committed fixture below `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    let path = manifest_dir().join("tests/fixtures").join(name);
    assert!(path.is_dir(), "no fixture {}", path.display());
    path
}

/// The seed documents beside the project (`CLAIMTRACK_SEEDS` names them elsewhere). CI has them,
/// so there their absence is a failure; elsewhere the skip is said out loud.
pub fn seeds(what: &str) -> Option<PathBuf> {
    let seeds = std::env::var_os("CLAIMTRACK_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("../shared/seeds"));
    if seeds.is_dir() {
        return Some(seeds);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but the seed documents are missing at {}",
        seeds.display()
    );
    eprintln!("SKIPPED: {what}: {} is missing", seeds.display());
    None
}

/// What one run of the binary gave.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The stdout as JSON; fails the test if it is not JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|error| {
            panic!(
                "stdout is not JSON ({error}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// Run `claimtrack ARGS` with `dir` as the current directory, without colour and with a fixed width.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_claimtrack"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .env_remove("LINES")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("the claimtrack binary runs");
    Run {
        code: output.status.code().expect("claimtrack exits with a code"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Run `claimtrack ARGS` inside the committed fixture `name`.
pub fn run_fixture(name: &str, args: &[&str]) -> Run {
    run_in(&fixture(name), args)
}

/// One finding of `check --format json`, as the fields tests assert on.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub code: String,
    pub severity: String,
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub message: String,
    pub help: String,
    pub related: Vec<(String, u64, u64)>,
}

pub fn findings_of(json: &Value) -> Vec<Found> {
    let text = |v: &Value, key: &str| v[key].as_str().unwrap_or_default().to_string();
    let number = |v: &Value, key: &str| {
        v[key]
            .as_u64()
            .unwrap_or_else(|| panic!("`{key}` is a number in {v}"))
    };
    json["findings"]
        .as_array()
        .expect("`findings` is an array")
        .iter()
        .map(|f| Found {
            code: text(f, "code"),
            severity: text(f, "severity"),
            file: text(f, "file"),
            line: number(f, "line"),
            column: number(f, "column"),
            message: text(f, "message"),
            help: text(f, "help"),
            related: f["related"]
                .as_array()
                .expect("`related` is an array")
                .iter()
                .map(|r| (text(r, "file"), number(r, "line"), number(r, "column")))
                .collect(),
        })
        .collect()
}

/// `check --format json` in `dir`: the exit code and the findings.
pub fn check_json(dir: &Path) -> (i32, Vec<Found>) {
    let run = run_in(dir, &["check", "--format", "json"]);
    assert!(
        run.stderr.is_empty(),
        "check wrote to stderr: {}",
        run.stderr
    );
    (run.code, findings_of(&run.json()))
}

/// The findings with one code.
pub fn with_code<'a>(findings: &'a [Found], code: &str) -> Vec<&'a Found> {
    findings.iter().filter(|f| f.code == code).collect()
}

/// Assert that the findings of `code` stand, in order, at these lines, each message holding its
/// text.
pub fn assert_found_at(findings: &[Found], code: &str, expected: &[(u64, &str)]) {
    let found = with_code(findings, code);
    assert_eq!(found.len(), expected.len(), "{code}: {findings:#?}");
    for (finding, (line, text)) in found.iter().zip(expected) {
        assert_eq!(finding.line, *line, "{}", finding.message);
        assert!(finding.message.contains(text), "{}", finding.message);
    }
}

/// Copy a directory tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A claim base copied to a fresh temporary directory, for tests that change it.
pub fn temp_copy(from: &Path) -> TempDir {
    let dir = TempDir::new().unwrap();
    for part in ["claims", "sources"] {
        if from.join(part).is_dir() {
            copy_dir(&from.join(part), &dir.path().join(part));
        }
    }
    let config = from.join("claimtrack.toml");
    if config.is_file() {
        std::fs::copy(&config, dir.path().join("claimtrack.toml")).unwrap();
    }
    dir
}

/// Insta settings for every snapshot: stored in the top-level `snapshots/` folder, named without
/// the module path, with temporary and checkout paths masked.
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    // Relative to this file's directory, tests/cli/.
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    let root = regex_escape(&manifest_dir().to_string_lossy());
    settings.add_filter(&root, "[ROOT]");
    settings.add_filter(r"/[^\s:]*/\.tmp[A-Za-z0-9]+", "[TEMP]");
    settings
}

fn regex_escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let special = "\\.+*?()|[]{}^$#&-~".contains(c);
            special
                .then_some('\\')
                .into_iter()
                .chain(std::iter::once(c))
        })
        .collect()
}

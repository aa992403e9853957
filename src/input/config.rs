//! The optional `claimtrack.toml` at the claim base root: severity overrides per code, value
//! readings, comparison settings, input limits and the phrases `coverage` ignores. Severities are
//! applied here and nowhere else.

mod coverage_ignore;
mod values;

pub use coverage_ignore::CoverageIgnore;

use crate::finding::{Code, Finding, Severity};
use crate::input::files::{Files, Location, MAX_TEXT_LEN, SourceFile};
use crate::input::loader::confined::{Confined, DEFAULT_MAX_FILE_SIZE};
use crate::suggest::did_you_mean;
use crate::value::ValueSettings;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

pub const FILE_NAME: &str = "claimtrack.toml";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    pub severity: BTreeMap<Code, Severity>,
    pub values: ValueSettings,
    pub compare: CompareSettings,
    pub input: InputSettings,
    /// Number phrases of archived sources that `coverage` does not count, with the reason.
    pub coverage_ignore: Vec<CoverageIgnore>,
}

/// Codes that mean some input was not read at all: lowering them would let a check pass on records
/// it never saw, so `[severity]` cannot set them below error.
const ALWAYS_ERRORS: &[Code] = &[
    Code::TomlSyntax,
    Code::UnreadableFile,
    Code::UnknownTable,
    Code::UnknownField,
    Code::InvalidField,
    Code::InvalidConfig,
    Code::ArchiveEmpty,
];

/// Limits on what is read.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct InputSettings {
    /// The largest file read, in bytes: record files and archived texts alike.
    pub max_file_size: u64,
}

impl Default for InputSettings {
    fn default() -> Self {
        Self {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct CompareSettings {
    /// Overlapping values whose numbers differ by at least this factor diverge.
    pub divergence_factor: f64,
    /// Compare superseded and withdrawn claims too, as if each still stood: the history view.
    pub include_superseded: bool,
}

impl Default for CompareSettings {
    fn default() -> Self {
        Self {
            divergence_factor: 2.0,
            include_superseded: false,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<Severity>>,
    #[serde(default)]
    values: ValueSettings,
    #[serde(default)]
    compare: CompareSettings,
    #[serde(default)]
    input: InputSettings,
    #[serde(default, rename = "coverage-ignore")]
    coverage_ignore: Vec<Spanned<coverage_ignore::RawIgnore>>,
}

/// The text of `claimtrack.toml`: `None` when there is none, or why it cannot be read (a
/// directory, a link leaving the folder, not UTF-8) to be shown after its name.
pub type ConfigText = Result<Option<String>, String>;

/// The text of `claimtrack.toml` in the confined folder. It is read with the default size limit,
/// as the limit it sets is not known yet.
pub fn read_text(folder: &Confined) -> ConfigText {
    let path = folder.root().join(FILE_NAME);
    if let Err(error) = std::fs::symlink_metadata(&path) {
        return match error.kind() {
            std::io::ErrorKind::NotFound => Ok(None),
            _ => Err(format!("cannot be read: {error}")),
        };
    }
    let confined = folder.clone().with_max_file_size(DEFAULT_MAX_FILE_SIZE);
    let bytes = confined.read(&path).map_err(|why| why.to_string())?;
    text_of(bytes).map(Some)
}

/// The bytes of `claimtrack.toml` as text, or why they are not: settings are never read from
/// bytes that are not UTF-8, as a replaced byte could change what they say.
pub fn text_of(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        format!("is not valid UTF-8 (the first invalid byte is at offset {offset})")
    })
}

/// The size limit `claimtrack.toml` sets for the record files, or the default when it sets none or
/// cannot be read.
pub fn max_file_size(config: &ConfigText) -> u64 {
    match config {
        Ok(Some(text)) => input_settings(text).max_file_size,
        _ => DEFAULT_MAX_FILE_SIZE,
    }
}

/// The `[input]` settings of a `claimtrack.toml` text, or the defaults when it does not parse (the
/// parse error is reported by [`Config::parse`]).
pub fn input_settings(text: &str) -> InputSettings {
    toml::from_str::<RawConfig>(text)
        .map(|raw| raw.input)
        .unwrap_or_default()
}

impl Config {
    /// Parse the text of `claimtrack.toml`, if there is one; its text joins `files` so findings can
    /// point into it. A broken file gives findings and the default settings.
    pub fn parse(text: Option<String>, files: &mut Files) -> (Config, Vec<Finding>) {
        let Some(text) = text else {
            return (Config::default(), Vec::new());
        };
        let file = files.add(SourceFile::new(FILE_NAME.to_string(), text));
        let text = &files.get(file).text;
        let raw: RawConfig = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(error) => {
                let location = Location::new(file, error.span().unwrap_or(0..0));
                let finding = Finding::new(
                    Code::InvalidConfig,
                    location,
                    error.message().trim().to_string(),
                )
                .help("see docs/report.md for the settings claimtrack.toml accepts");
                return (Config::default(), vec![finding]);
            }
        };
        let mut findings = Vec::new();
        let mut severity = BTreeMap::new();
        for (name, level) in raw.severity {
            match Code::from_name(name.get_ref()) {
                Some(code)
                    if ALWAYS_ERRORS.contains(&code) && *level.get_ref() < Severity::Error =>
                {
                    findings.push(
                        Finding::new(
                            Code::InvalidConfig,
                            Location::new(file, name.span()),
                            format!(
                                "`{}` cannot be set below error: the input it marks is not read",
                                name.get_ref()
                            ),
                        )
                        .help("remove this line, and fix the files the findings point at"),
                    );
                }
                Some(code) => {
                    severity.insert(code, *level.get_ref());
                }
                None => {
                    let help =
                        match did_you_mean(name.get_ref(), Code::ALL.iter().map(|c| c.name())) {
                            Some(suggestion) => format!("did you mean `{suggestion}`?"),
                            None => "`claimtrack explain --list` lists every code".to_string(),
                        };
                    findings.push(
                        Finding::new(
                            Code::InvalidConfig,
                            Location::new(file, name.span()),
                            format!("unknown code `{}`", name.get_ref()),
                        )
                        .help(help),
                    );
                }
            }
        }
        if raw.compare.divergence_factor.is_nan() || raw.compare.divergence_factor <= 1.0 {
            findings.push(
                Finding::new(
                    Code::InvalidConfig,
                    Location::new(file, 0..0),
                    "`[compare] divergence-factor` must be greater than 1",
                )
                .help("the default is 2: values twice as large or more diverge"),
            );
        }
        if raw.input.max_file_size == 0 {
            findings.push(
                Finding::new(
                    Code::InvalidConfig,
                    Location::new(file, 0..0),
                    "`[input] max-file-size` must be at least 1 byte",
                )
                .help(format!(
                    "the default is {DEFAULT_MAX_FILE_SIZE} bytes (64 MiB)"
                )),
            );
        }
        if raw.input.max_file_size > MAX_TEXT_LEN {
            findings.push(
                Finding::new(
                    Code::InvalidConfig,
                    Location::new(file, 0..0),
                    format!("`[input] max-file-size` must be at most {MAX_TEXT_LEN} bytes (4 GiB)"),
                )
                .help("split larger files: places in a file are counted in 32 bits"),
            );
        }
        let values = values::valid(raw.values, text, file, &mut findings);
        let coverage_ignore = coverage_ignore::read(raw.coverage_ignore, file, &mut findings);
        let config = Config {
            severity,
            values,
            compare: raw.compare,
            input: raw.input,
            coverage_ignore,
        };
        (config, findings)
    }

    /// The severity a code has in this claim base.
    pub fn severity(&self, code: Code) -> Severity {
        self.severity
            .get(&code)
            .copied()
            .unwrap_or(code.default_severity())
    }

    pub fn apply_severities(&self, findings: &mut [Finding]) {
        for finding in findings {
            finding.severity = self.severity(finding.code);
        }
    }
}

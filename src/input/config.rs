//! The optional `claimtrack.toml` at the claim base root: severity overrides per code, value
//! readings, and comparison settings. Severities are applied here and nowhere else.

use crate::finding::{Code, Finding, Severity, did_you_mean};
use crate::input::files::{Files, Location, SourceFile};
use crate::value::ValueSettings;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

pub const FILE_NAME: &str = "claimtrack.toml";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    pub severity: BTreeMap<Code, Severity>,
    pub values: ValueSettings,
    pub compare: CompareSettings,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct CompareSettings {
    /// Overlapping values whose numbers differ by at least this factor diverge.
    pub divergence_factor: f64,
}

impl Default for CompareSettings {
    fn default() -> Self {
        Self {
            divergence_factor: 2.0,
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
}

impl Config {
    /// Read `claimtrack.toml` from `root` if there is one.
    pub fn read(root: &Path) -> Option<String> {
        std::fs::read_to_string(root.join(FILE_NAME)).ok()
    }

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
        let config = Config {
            severity,
            values: raw.values,
            compare: raw.compare,
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

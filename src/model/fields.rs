//! Resolving fields that are checked on their own: dates, archive hashes, a speaker's affiliations
//! with their dates, and a claim's stance against what it disputes.

use super::Affiliation;
use super::references::Written;
use super::resolve::Resolver;
use crate::finding::{Code, Finding};
use crate::input::files::{FileId, Location};
use crate::input::records::{DateText, RawAffiliation, RawClaim, Stance};
use crate::model::date::PartialDate;
use toml::Spanned;

impl Resolver<'_> {
    pub(super) fn affiliation(
        &mut self,
        entry: &Spanned<RawAffiliation>,
        file: FileId,
    ) -> Option<Affiliation> {
        let (id, from, until) = match entry.get_ref() {
            RawAffiliation::Always(id) => {
                return Some(Affiliation {
                    speaker: self.speaker(Written::new(id, entry.span()), file, "affiliations")?,
                    from: None,
                    until: None,
                });
            }
            RawAffiliation::Dated(dated) => (&dated.id, &dated.from, &dated.until),
        };
        if from.is_none() && until.is_none() {
            self.findings.push(
                Finding::new(
                    Code::InvalidField,
                    Location::new(file, entry.span()),
                    "a dated affiliation gives neither `from` nor `until`",
                )
                .label("no dates")
                .help(format!(
                    "add `from = \"YYYY\"` or `until = \"YYYY\"`, or write the affiliation as plain \"{}\"",
                    id.get_ref()
                )),
            );
            return None;
        }
        let speaker = self.speaker(Written::of(id), file, "affiliations");
        let from_date = from.as_ref().and_then(|d| self.date(d, file));
        let until_date = until.as_ref().and_then(|d| self.date(d, file));
        if let (Some(start), Some(end), Some(until)) = (from_date, until_date, until)
            && start.surely_after(end)
        {
            self.findings.push(
                Finding::new(
                    Code::InvalidField,
                    Location::new(file, until.span()),
                    format!("the affiliation ends ({end}) before it starts ({start})"),
                )
                .label("before `from`")
                .help("swap `from` and `until`, or correct the dates"),
            );
            return None;
        }
        // A date that could not be read leaves the affiliation out rather than undated.
        if from.is_some() != from_date.is_some() || until.is_some() != until_date.is_some() {
            return None;
        }
        Some(Affiliation {
            speaker: speaker?,
            from: from_date,
            until: until_date,
        })
    }

    /// The claim's stance, checked against `disputes`: a dispute names what it disputes, and only
    /// a dispute names any.
    pub(super) fn stance(&mut self, record: &RawClaim, file: FileId) -> Stance {
        let stance = record
            .stance
            .as_ref()
            .map(|s| *s.get_ref())
            .unwrap_or_default();
        let problem = match (stance, record.disputes.first()) {
            (Stance::Disputes, None) => Some((
                record
                    .stance
                    .as_ref()
                    .map_or(record.id.span(), |stance| stance.span()),
                "`stance = \"disputes\"` names no claim it disputes",
                "add `disputes = [\"claim-id\", ...]` naming the disputed claims",
            )),
            (Stance::Asserts | Stance::Reports, Some(first)) => Some((
                first.span(),
                "`disputes` is given, but the claim's stance is not `disputes`",
                "add `stance = \"disputes\"`, or remove `disputes`",
            )),
            _ => None,
        };
        if let Some((span, message, help)) = problem {
            self.findings.push(
                Finding::new(Code::InvalidField, Location::new(file, span), message).help(help),
            );
        }
        stance
    }

    pub(super) fn sha256(
        &mut self,
        hash: &Option<Spanned<String>>,
        file: FileId,
    ) -> Option<Spanned<String>> {
        let hash = hash.as_ref()?;
        let text = hash.get_ref();
        if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Some(Spanned::new(hash.span(), text.to_ascii_lowercase()));
        }
        self.findings.push(
            Finding::new(
                Code::InvalidField,
                Location::new(file, hash.span()),
                "`sha256` must be 64 hexadecimal digits",
            )
            .label("not a sha256 hash")
            .help("compute it with `sha256sum FILE` on the archived text"),
        );
        None
    }

    pub(super) fn date(&mut self, date: &Spanned<DateText>, file: FileId) -> Option<PartialDate> {
        match PartialDate::parse(&date.get_ref().0) {
            Ok(parsed) => Some(parsed),
            Err(problem) => {
                self.findings.push(
                    Finding::new(
                        Code::InvalidDate,
                        Location::new(file, date.span()),
                        format!("invalid date `{}`", date.get_ref().0),
                    )
                    .label(problem)
                    .help("write a partial date: \"1988\", \"2018-12\" or \"2018-12-04\""),
                );
                None
            }
        }
    }
}

//! Findings as data: a stable code, a severity, a message, a primary location and related ones, and
//! a help line. Checks produce findings; renderers show them; severities are settled in one place
//! ([`crate::input::config::Config::severity`]).

pub mod baseline;
pub mod key;

use crate::input::files::Location;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $summary:literal, $explanation:literal;)*) => {
        /// Every finding code. Names are stable: they appear in `claimtrack.toml`, in CI logs and in
        /// baselines.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($variant),* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name),* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity),* }
            }

            /// One line saying what the code means.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary),* }
            }

            /// What the code means and how to fix it, for `claimtrack explain`.
            pub fn explanation(self) -> &'static str {
                match self { $(Code::$variant => $explanation),* }
            }
        }
    };
}

codes! {
    TomlSyntax = "toml-syntax", Error,
        "a file is not valid TOML",
        "The file could not be parsed as TOML. The diagnostic points at the first character the parser\ncould not accept. Fix the syntax there: unclosed strings and brackets, a missing `=`, or a\nkey repeated within one table are the usual causes.";
    UnreadableFile = "unreadable-file", Error,
        "a file could not be read as UTF-8 text, or was refused",
        "Every `*.toml` file below `claims/` and `sources/`, and `claimtrack.toml`, must be a readable\nUTF-8 regular file inside the claim base, no larger than `[input] max-file-size` (64 MiB by\ndefault). A directory whose name ends in `.toml`, a file saved in another encoding (Latin-1,\nUTF-16), a file without read permission, a FIFO or device, and a symbolic link that leads outside\nthe claim base, to nothing or back into a folder holding it raise this; so do such files in the\n`--archive` folder. Its records are not read, so it cannot be set below error.";
    ByteOrderMark = "byte-order-mark", Warning,
        "a file starts with a byte-order mark",
        "The file starts with a UTF-8 byte-order mark (U+FEFF). claimtrack reads past it, but other TOML\ntools reject it. Save the file as UTF-8 without BOM.";
    EmptyFile = "empty-file", Warning,
        "a file holds no records",
        "A `*.toml` file in the claim base holds no `[[speaker]]`, `[[source]]`, `[[figure]]` or `[[claim]]`\ntable. Add records or delete the file.";
    IgnoredFile = "ignored-file", Warning,
        "a file looks like a record file but is not read",
        "Only files whose names end in `.toml` (in any letter case) below `claims/` and `sources/` are\nread. Another file there whose name holds `toml` or ends in `.tml` (`claims.toml.txt`,\n`claims.toml~`, `claims.tml`) is probably meant to be read: rename it to end in `.toml`, or move\nit out of `claims/` and `sources/`.";
    UnknownTable = "unknown-table", Error,
        "a top-level table is not one of speaker, source, figure or claim",
        "Files below `sources/` hold `[[speaker]]` and `[[source]]` tables; files below `claims/` hold\n`[[figure]]` and `[[claim]]` tables. Any other top-level key is an error: check its spelling and\nwrite it as an array of tables (`[[claim]]`, not `[claim]`). See docs/format.md.";
    UnknownField = "unknown-field", Error,
        "a record has a field the format does not define",
        "Records accept only the fields listed in docs/format.md. A misspelt field would otherwise be\nsilently ignored. Fix the spelling (the help line suggests the closest field) or remove it.";
    InvalidField = "invalid-field", Error,
        "a field is missing or has the wrong type",
        "A required field is missing, or a field holds the wrong type of value (a number where text is\nexpected, an unknown `kind`). The message names the field and what is expected; see\ndocs/format.md for every field.";
    InvalidId = "invalid-id", Error,
        "an id is empty or holds characters ids may not hold",
        "Ids are referred to from other records and from the command line, so they hold only letters,\ndigits and `-_./:`, with no spaces. Rename the id (and every reference to it).";
    InvalidDate = "invalid-date", Error,
        "a date is not a valid partial date",
        "Dates are partial dates: `\"1988\"`, `\"2018-12\"` or `\"2018-12-04\"` (a TOML date such as\n`2018-12-04` is accepted too). The month must be 01-12 and the day must exist in that month.";
    DuplicateId = "duplicate-id", Error,
        "two records share one id",
        "Every id is unique across the whole claim base, whatever the kind of record, so that a\nreference names exactly one record. The diagnostic points at both places: rename one of them.";
    CaseVariantId = "case-variant-id", Warning,
        "two ids differ only in letter case",
        "Ids are compared exactly, so `Amnesty` and `amnesty` are two records. That is almost always one\nrecord typed twice, and a reference written in the other case then names the other record\nwithout a word. Merge the two records and fix the references, or rename one so they differ in\nmore than case.";
    UnknownReference = "unknown-reference", Error,
        "a reference names no record of the right kind",
        "A `speaker`, `source`, `according_to`, `basis`, `disputes`, `supersedes`, `affiliations`, `publisher`,\n`authors`, `subject` or `part_of` field names an id that no record of the expected kind has. Fix the spelling (the help line suggests the closest id) or\nadd the missing record.";
    UndeclaredFigure = "undeclared-figure", Error,
        "a claim measures a figure that no [[figure]] declares",
        "Claims are compared only within a declared figure, so every `figure = \"...\"` must name a\n`[[figure]]` table. Declare the figure in a file below `claims/`, or fix the claim's spelling.";
    MissingValue = "missing-value", Error,
        "a claim names a figure but gives no value, or a value but no figure",
        "A claim on a figure carries the figure's value (`value = 30000` or `value = \"at least 5,000\"`,\nor `low`, `best`, `high`);\na claim without a figure is a plain statement and carries no value. Add the missing field or\nremove the stray one.";
    UncitedClaim = "uncited-claim", Error,
        "a claim does not say where it appears",
        "A claim is cited when it names its `source` and gives a `quote` (the verbatim words) or a\n`locator` (page, paragraph). Without them, no reader can check it. Add the source and the quote.";
    UnusedSource = "unused-source", Warning,
        "no claim refers to a source",
        "A `[[source]]` that no claim appears in and no basis names is probably left over or misspelt\nin its claims. Refer to it from a claim or remove it.";
    UnusedSpeaker = "unused-speaker", Warning,
        "nothing refers to a speaker",
        "A `[[speaker]]` that makes no claim, publishes no source and is named by no attribution,\naffiliation or figure `subject` is probably left over or misspelt where it is used. Refer to it or remove it.";
    PossibleDuplicateSpeaker = "possible-duplicate-speaker", Warning,
        "two speakers may be one party recorded twice",
        "Two speakers have names or aliases that read as one name once case, accents, spaces, hyphens and\npunctuation are set aside (\"Pour-Mohammadi\", \"Pour Mohammadi\", \"Pourmohammadi\"), or that are at\nmost one edit (a letter added, dropped, changed or two swapped) per ten letters apart (\"Alireza\nAvaei\", \"Alireza Avaie\"); or one's alias is the other's alias or name. Names told apart only by\na number, an initial or a short code (\"Witness A\", \"Witness B\") are not taken as near-identical.\nOne party split over two records counts as two independent origins, and an attribution to one is\nnot checked against the other's words. The finding is on the record declared later. If they are\none party, keep the earlier record, add the later one's name and aliases to its `aliases`, point\nevery `speaker`, `publisher`, `according_to`, `affiliations` and `subject` naming the later one\nat it, and remove the later one. If they are two parties, tell them apart in `name` as the\nsources do (a role, a place), and drop an alias that fits both.";
    PossibleDuplicateSource = "possible-duplicate-source", Warning,
        "two sources may be one document recorded twice",
        "Two sources have the same `sha256` (one archived text), or the same `url` once the scheme's and\nhost's letter case and a trailing slash are set aside. Claims from one document split over two\nrecords hide that they come from one place. The finding is on the record declared later. If they\nare one document, keep the earlier record, point every claim's `source` and every `basis` naming\nthe later one at it, and remove the later one; if they are two documents, correct the hash or URL\nthat is wrong.";
    InvalidConfig = "invalid-config", Error,
        "claimtrack.toml has an error",
        "The optional `claimtrack.toml` at the claim base root sets severities per code (`[severity]`),\nvalue readings (`[values]`) and comparison settings (`[compare]`). See docs/report.md.";
    UnreadableValue = "unreadable-value", Error,
        "a value cannot be read, or its low/best/high fields disagree with it",
        "The value grammar reads every character of a value or refuses it: numbers (`30,000`, `1.5 million`,\n`thirty thousand`), bounds (`at least 5,000`), approximations (`about 1,500`), ranges\n(`2,800 to 3,800`), vague quantities (`thousands`), hedges (`probably 50 million`), estimates\n(`17.4 million (95% CI 10.2–25.1 million)`) and, on a figure with `unit = \"percent\"`, shares\n(`one in five`); docs/report.md lists every form. The message says what could not be read and why\n(an ambiguous separator, a word that would change the reading, a share on a count figure, a measure\nsuch as `5,000 km` on a figure not measured in km, a number of groups, of an increase or of those\nsomething else happened to (`4,000 families`, `5,000 new cases`, `96 wounded`) on a figure that\ndoes not count them, words limiting the count to a time or a part such as `1,200 since Monday`, or\nto a place or a part of the people that the figure's label does not name, such as `300 in Tehran`\nor `5,000 children`, or to the cases known so far, such as `304 documented deaths`, which a claim\nsays with `measure`). Reword the value, keeping the\nsource's own words in `quote`; for values that are names, declare the figure with\n`values = \"label\"`. `low`, `best` and `high` must agree with `value` when both are given.";
    ImplausibleDate = "implausible-date", Warning,
        "a date no source can give: year 0000, or a claim dated after its source",
        "A source's `published` or a claim's `as_of` in the year 0000 is almost always a placeholder\nor a typo. A claim's own `as_of` later than its source's `published` says the source states a\nfigure for a time after it was published, which usually means a mistyped year or the wrong\nsource. Correct the date; if the source really gives a projection, say so in `note`.";
    ValueNotInQuote = "value-not-in-quote", Warning,
        "a claim's value cannot be read from its own quote",
        "The number of a claim's value (as digits or number words) should appear in its `quote`, so a\nreader sees the figure in the source's own words. Extend the quote to the words that state the\nfigure, or correct the value.";
    ValueReadingDiffers = "value-reading-differs", Warning,
        "a claim's value reads otherwise than the words of its quote",
        "The quote's own number phrase is read with the same grammar as the value. When the phrase\nthat states the value's number reads otherwise (a bound the other way, other range ends, another\nscale word, a bound or range end dropped: `5,000` from `at least 5,000`) or its clause negates or\ndenies it (`greater than 25 million are not realistic`, `officials denied that 5,000 died`), the\nvalue misstates the source. So does a value\nholding a number of a phrase the grammar would refuse as a value (`40,000` from `30-40,000`, `3`\nfrom `3 lakh`), or of a phrase counting groups, an increase, an outcome or a part of the people\nthat the figure does not say it counts (`4,000` from `4,000 families` on a count of people,\n`2,100` from `2,100 women and children` on a toll of everyone), of a number for each period\n(`400` from `400 a day` on a figure naming no period) or of a projection (`the toll could reach\n10,000`, unless the claim has `measure = \"projection\"`). Write the value as the quote words it,\nor quote the words the value comes from; record a denial as a dispute (`stance = \"disputes\"`).";
    BasisCycle = "basis-cycle", Warning,
        "claims rest on each other in a cycle",
        "Following `basis` from claim to claim comes back to where it started, so no origin can be\nfound for these claims. Break the cycle: one of them must rest on a source or a first-hand basis.";
    InvalidSupersession = "invalid-supersession", Error,
        "a claim supersedes a claim it cannot replace",
        "`supersedes` records a revision: an origin replacing its own earlier figure (at least 208, then\nat least 304). The superseded claim stays in the report, marked, but is no longer compared as a\ncurrent value. So a claim may supersede only claims on the same figure whose speaker (or\nattributed party) is in its own origin group, and never itself or, through others, a claim that\nsupersedes it. To record that one party rejects another's figure, use `stance = \"disputes\"` with\n`disputes = [...]` instead; to record a figure on another figure, drop `supersedes`.";
    FigurePartCycle = "figure-part-cycle", Error,
        "figures are parts of each other in a loop",
        "`part_of` says a figure counts a part of another (security forces killed, of all killed); a\nfigure cannot be a part of itself, directly or through others. Fix `part_of` on one of the\nfigures named so that the parts form a tree.";
    FigurePartExceedsWhole = "figure-part-exceeds-whole", Info,
        "a part's value is larger than its whole's",
        "A figure with `part_of` counts a part of its whole, so a part's value cannot exceed the whole's.\nThe finding is raised when a part's lowest possible value lies above a comparable whole's\nhighest (in the same window when both vary over time): `300` security forces killed against\n`230` killed in all. Like a conflict, it is shown, not settled: the report lists both values with\nwho states them. Check that the two figures are scoped as declared.";
    FigureConflict = "figure-conflict", Info,
        "two comparable claims give values that cannot both be true",
        "Two claims on one figure (within one time window, for figures that vary) give intervals that do\nnot overlap, such as `at most 4,000` and `at least 5,000`, or different labels. claimtrack does\nnot decide which is right: the report shows every value with who says it and on what basis.";
    FigureDivergence = "figure-divergence", Info,
        "comparable claims agree in range but their numbers lie far apart",
        "Two claims on one figure overlap (so both can be true), but the numbers they state differ by at\nleast the divergence factor (default 2, `[compare] divergence-factor` in claimtrack.toml), as\n`at least 5,000` and `30,000` differ by x6. Readers deserve to know how far apart they are.";
    UnsupportedAssertion = "unsupported-assertion", Info,
        "a figure is stated with no attribution and no basis",
        "The claim gives neither `according_to` (whom the speaker attributes it to) nor `basis` (the\nsources, claims or first-hand basis it rests on). When the speaker is the source's own publisher,\nthe figure is asserted in the outlet's own voice. Record the attribution or basis if the source\ngives one; otherwise the finding documents that it does not.";
    AttributionUnverified = "attribution-unverified", Info,
        "a claim attributes a figure to a party whose own words the base does not hold",
        "The claim says \"according to X\", but the claim base holds no claim on that figure by X or a\nmember of X. Add X's own statement from X's own source, or leave the finding as a record that\nthe attribution is unchecked.";
    AttributionContradicted = "attribution-contradicted", Info,
        "a claim attributes to a party a value its own words do not support",
        "The claim says \"according to X\", and every claim by X (or a member of X) on that figure gives\na value incompatible with the attributed one. The report shows both.";
    SingleOrigin = "single-origin", Info,
        "a value repeated by several claims goes back to one origin",
        "Several claims give the same value, but following `according_to`, `basis` and affiliations\nleads them all back to one origin group: repetition is not independent confirmation.";
    QuoteNotFound = "quote-not-found", Error,
        "a quote is not in the archived copy of its source",
        "With `--archive DIR`, each claim's quote is looked up in the archived text of its source (found\nby its sha256), after normalising Unicode, quotation marks, dashes and white space; `...` or `[…]`\nstands for omitted words. Copy the quote verbatim from the source; the diagnostic shows the\nclosest passage.";
    LocatorMismatch = "locator-mismatch", Warning,
        "a claim's locator names another paragraph than the one its quote stands in",
        "With `--archive DIR`, a claim whose `locator` names paragraphs alone (`paragraph 9`, `paragraphs\n36-37`, `para. 4`, `¶ 12`) has its quote looked for in those paragraphs of the archived text,\ncounted as `claimtrack add` and `coverage` count them: the lines holding more than white space,\nfrom 1. A quote found only elsewhere sends readers to the wrong place. Correct the locator (the\nmessage names the paragraph the quote stands in), or check that the quote comes from the passage\nthe locator names. Other locators (a page, a section) cannot be counted in a text and are not\nchecked.";
    ArchiveMissingSource = "archive-missing-source", Warning,
        "the archive holds no copy of a source",
        "With `--archive DIR`, a source whose `sha256` matches no file in DIR (or that has no `sha256`)\ncannot have its quotes checked. Add its text to the archive and its hash to the source.";
    ArchiveEmpty = "archive-empty", Error,
        "the archive holds no copy of any source",
        "With `--archive DIR`, at least one source's `sha256` must match a file in DIR; otherwise no quote\nis checked at all, which is almost always a wrong or empty folder. Point `--archive` at the folder\nholding the sources' texts, or record the `sha256` of each archived text in its source.";
    ArchiveHashMismatch = "archive-hash-mismatch", Error,
        "an archived copy no longer matches its source's sha256",
        "A file in the archive has the name recorded for the source but another content hash: the\narchived text changed. Restore the original or, after review, update the source's `sha256`.";
}

impl Code {
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|code| code.name() == name)
    }
}

/// A set of codes, a bit each: the codes of the findings about one claim, gathered for each
/// claim of a large base without a set allocated per claim.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CodeSet(u64);

const _: () = assert!(Code::ALL.len() <= 64, "a CodeSet holds a bit per code");

impl CodeSet {
    pub fn insert(&mut self, code: Code) {
        self.0 |= 1 << code as u32;
    }

    pub fn contains(self, code: Code) -> bool {
        self.0 & (1 << code as u32) != 0
    }

    /// The codes in the set, in code order.
    pub fn iter(self) -> impl Iterator<Item = Code> {
        (Code::ALL.iter().copied()).filter(move |&code| self.contains(code))
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// Another place that explains a finding, such as the first definition of a duplicate id.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub location: Location,
    pub message: Box<str>,
}

/// A large base has nearly as many findings as claims: each field is held in as little room as it
/// takes (texts and lists as boxed slices, fixed texts borrowed).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: Code,
    /// Set from the code's default; [`crate::input::config::Config::apply_severities`] overrides it.
    pub severity: Severity,
    pub message: Box<str>,
    pub location: Location,
    /// A short label shown under the caret.
    pub label: Cow<'static, str>,
    pub related: Box<[Related]>,
    pub help: Option<Cow<'static, str>>,
    /// Ids of the claims the finding is about, for the report and JSON.
    pub claims: Box<[Box<str>]>,
}

impl Finding {
    pub fn new(code: Code, location: Location, message: impl Into<String>) -> Self {
        Self {
            code,
            severity: code.default_severity(),
            message: message.into().into_boxed_str(),
            location,
            label: Cow::Borrowed(""),
            related: Box::default(),
            help: None,
            claims: Box::default(),
        }
    }

    pub fn label(mut self, label: impl Into<Cow<'static, str>>) -> Self {
        self.label = label.into();
        self
    }

    pub fn help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn related(self, location: Location, message: impl Into<String>) -> Self {
        self.related_all([(location, message)])
    }

    /// Each place with its message, added at once: the list is boxed to its length, so adding
    /// places one by one copied it whole for each, a square of the places in all.
    pub fn related_all(
        mut self,
        places: impl IntoIterator<Item = (Location, impl Into<String>)>,
    ) -> Self {
        let mut related = std::mem::take(&mut self.related).into_vec();
        related.extend(places.into_iter().map(|(location, message)| Related {
            location,
            message: message.into().into_boxed_str(),
        }));
        self.related = related.into_boxed_slice();
        self
    }

    pub fn claims(mut self, claims: impl IntoIterator<Item = impl Into<Box<str>>>) -> Self {
        let mut listed = std::mem::take(&mut self.claims).into_vec();
        listed.extend(claims.into_iter().map(Into::into));
        self.claims = listed.into_boxed_slice();
        self
    }
}

/// Sort findings into their canonical order, which every output uses: findings that mean input
/// went unread (a file that does not parse, an invalid field) first, since everything after them may
/// follow from them; then by file, position and code.
pub fn sort(findings: &mut [Finding]) {
    let mut unread = CodeSet::default();
    for &code in Code::ALL {
        let stage = &crate::checks::check_of(code).stage;
        if matches!(
            stage,
            crate::checks::Stage::Load | crate::checks::Stage::Config
        ) {
            unread.insert(code);
        }
    }
    let key = |f: &'_ Finding| {
        (
            !unread.contains(f.code),
            f.location.file,
            f.location.start(),
            f.code,
        )
    };
    crate::sorting::sort_stable_by_key_then(findings, key, |a, b| a.message.cmp(&b.message));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn code_names_are_unique_and_round_trip() {
        let names: HashSet<_> = Code::ALL.iter().map(|code| code.name()).collect();
        assert_eq!(names.len(), Code::ALL.len());
        for &code in Code::ALL {
            assert_eq!(Code::from_name(code.name()), Some(code));
        }
    }

    #[test]
    fn a_code_set_lists_each_code_once_in_code_order() {
        let mut set = CodeSet::default();
        let last = *Code::ALL.last().unwrap();
        for code in [
            last,
            Code::SingleOrigin,
            Code::TomlSyntax,
            Code::SingleOrigin,
        ] {
            set.insert(code);
        }
        let listed: Vec<Code> = set.iter().collect();
        let mut expected = vec![last, Code::SingleOrigin, Code::TomlSyntax];
        expected.sort();
        assert_eq!(listed, expected);
        assert_eq!(CodeSet::default().iter().count(), 0);
    }

    #[test]
    fn findings_keep_their_text_and_lists_as_built() {
        let mut guessed = String::with_capacity(400);
        guessed.push_str("`30,000` is stated by `spk-1` with no attribution and no basis");
        let finding = Finding::new(Code::UnsupportedAssertion, Location::default(), guessed)
            .claims(["clm-1"])
            .related(Location::default(), "the quote's own words")
            .claims(["clm-2", "clm-3"])
            .related(Location::default(), "the figure")
            .related_all(["clm-2", "clm-3"].map(|id| (Location::default(), format!("also {id}"))));
        assert_eq!(
            &*finding.message,
            "`30,000` is stated by `spk-1` with no attribution and no basis"
        );
        assert_eq!(&*finding.claims, ["clm-1", "clm-2", "clm-3"].map(Box::from));
        let related: Vec<&str> = finding.related.iter().map(|r| &*r.message).collect();
        assert_eq!(
            related,
            [
                "the quote's own words",
                "the figure",
                "also clm-2",
                "also clm-3"
            ]
        );
    }
}

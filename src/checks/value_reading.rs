//! A claim's value should read as its quote's own words read: the same bound, range ends and scale,
//! and not a phrase the quote negates.

use crate::finding::{Code, Finding};
use crate::input::files::Location;
use crate::input::records::ClaimMeasure;
use crate::model::ClaimBase;
use crate::value::QuoteSays;

pub fn values_read_otherwise(base: &ClaimBase) -> Vec<Finding> {
    (base.quote_readings().read_otherwise.iter())
        .filter(|(c, phrase)| {
            // A measure counting the cases known so far, or projecting, says what the quote's
            // words say.
            let measure = base.claims[*c].measure;
            match phrase.says {
                QuoteSays::KnownSoFar(_) => !measure.is_lower_bound(),
                QuoteSays::Projected(_) => measure != ClaimMeasure::Projection,
                _ => true,
            }
        })
        .map(|(c, phrase)| {
            let claim = &base.claims[*c];
            let value = claim.value.as_ref().expect("a claim whose quote was read has a value");
            let reading = value.words_reading().expect("and a reading in words");
            let quote = claim.quote.as_ref().expect("and a quote");
            let quote_read = match &phrase.says {
                QuoteSays::Refused(why) => {
                    format!("which the value grammar cannot read as one figure: {why}")
                }
                QuoteSays::CountsOther(what) => format!("which {what}"),
                QuoteSays::KnownSoFar(word) => {
                    format!("which counts the cases {word} so far, a lower bound of the whole")
                }
                QuoteSays::Projected(words) => format!(
                    "which it gives as a projection (\"{words}\"), not a count of what happened"
                ),
                QuoteSays::Reads(_) if phrase.negated => "which the quote negates".to_string(),
                QuoteSays::Reads(read) => {
                    format!("which reads as {} {}", read.interval_text(), read.describe())
                }
            };
            let message = format!(
                "the value `{}` of claim `{}` reads as {} {}, but its quote says \"{}\", {quote_read}",
                value.written,
                claim.id,
                reading.interval_text(),
                reading.describe(),
                phrase.text,
            );
            let help = match &phrase.says {
                QuoteSays::CountsOther(_) => "record a number of what the figure counts, quoting the words that state it; a number of groups, of an increase, of those something else happened to (the wounded on a death toll) or of a part of the people (children on a toll of everyone) belongs on a figure that says it counts them",
                QuoteSays::Projected(_) => "if the speaker projects the number, give the claim `measure = \"projection\"`; otherwise quote the words that state the count",
                QuoteSays::KnownSoFar(_) => "give the claim `measure = \"documented\"` (or `\"confirmed-so-far\"` for a running count), which compares its value as a lower bound; or write the value as the quote bounds it (\"at least 304\")",
                QuoteSays::Reads(_) if phrase.negated => "if the speaker denies the number, record the denial as a dispute (`stance = \"disputes\"`, `disputes = [...]`) with no value; otherwise quote the words that state the value",
                _ => "write the value as the quote words it (its bound, range ends and scale), or quote the words the value comes from",
            };
            let mut finding = Finding::new(Code::ValueReadingDiffers, value.location.clone(), message)
                .label("reads otherwise than its quote")
                .help(help)
                .claims([&*claim.id]);
            // The phrase is pointed at in the quote when the TOML string holds the quote as written.
            let file = &base.files.get(value.location.file).text;
            let inner = quote.span().start + 1..quote.span().end.saturating_sub(1);
            if file.get(inner.clone()) == Some(quote.text(file)) {
                let span = inner.start + phrase.span.start..inner.start + phrase.span.end;
                let location = Location::new(value.location.file, span);
                finding = finding.related(location, "the quote's own words");
            }
            finding
        })
        .collect()
}

//! Which claims' quotes read otherwise than their values: each quote's number phrases read with the
//! value grammar (see [`QuoteReader`]), once per claim base. That reading is a sixth of a `check`
//! at 100,000 claims; the second state of a base that `diff` and `check --baseline` compare takes
//! the first's answer for every claim the first holds alike.

use super::{ClaimBase, Node};
use crate::value::{QuotePhrase, QuoteReader, Reading};
use rayon::prelude::*;

/// The claims whose quote has a phrase reading otherwise than the value, by claim index (in
/// order), each with the first such phrase.
pub type QuotesReadOtherwise = Vec<(usize, QuotePhrase)>;

impl ClaimBase {
    /// The claims whose quote reads otherwise than their value, read on first use.
    pub fn quotes_read_otherwise(&self) -> &[(usize, QuotePhrase)] {
        self.quotes_read_otherwise.get_or_init(|| read(self, None))
    }

    /// Read this base's quotes beside `other`'s (another state of the same base): a claim that
    /// `other` holds alike, the same id with the same value reading and quote under the same value
    /// settings, reads as it does there, without its quote being read again.
    pub fn read_quotes_beside(&self, other: &ClaimBase) {
        self.quotes_read_otherwise
            .get_or_init(|| read(self, Some(other)));
    }
}

fn read(base: &ClaimBase, other: Option<&ClaimBase>) -> QuotesReadOtherwise {
    let reader = QuoteReader::new(&base.config.values);
    let other = other.filter(|other| other.config.values == base.config.values);
    let other = other.map(|other| (other, other.quotes_read_otherwise()));
    // Every quote is read phrase by phrase: on every core.
    (base.claims.par_iter().enumerate())
        .filter_map(|(c, claim)| {
            let reading = claim.value.as_ref()?.words_reading()?;
            let quote = claim.quote.as_ref()?.get_ref();
            let phrase = match other.and_then(|(other, _)| alike(other, &claim.id, reading, quote))
            {
                Some(there) => {
                    let (_, read) = other?;
                    let at = read.binary_search_by_key(&there, |(c, _)| *c).ok()?;
                    read[at].1.clone()
                }
                None => reader.differs(reading, quote)?,
            };
            Some((c, phrase))
        })
        .collect()
}

/// The claim of `base` with this id, value reading and quote, if it has one.
fn alike(base: &ClaimBase, id: &str, reading: &Reading, quote: &str) -> Option<usize> {
    let Some(Node::Claim(c)) = base.lookup(id) else {
        return None;
    };
    let claim = &base.claims[c];
    let same = claim.id == id
        && claim.quote.as_ref().is_some_and(|q| q.get_ref() == quote)
        && claim.value.as_ref().and_then(|v| v.words_reading()) == Some(reading);
    same.then_some(c)
}

#[cfg(test)]
mod tests {
    use crate::finding::{Code, Finding};
    use crate::testing::{FIGURE, SOURCES, claim};
    use std::path::Path;

    /// A claim base folder with these claims (on `killed`, by `outlet`, quoting `quote`) and this
    /// claimtrack.toml.
    fn base(dir: &Path, claims: &[(&str, &str, &str)], config: &str) {
        let claims: String = (claims.iter())
            .map(|(id, value, quote)| claim(id, value, "outlet", &format!("quote = \"{quote}\"")))
            .collect();
        for (path, text) in [
            ("sources/sources.toml", SOURCES.to_string()),
            ("claims/claims.toml", format!("{FIGURE}{claims}")),
            ("claimtrack.toml", config.to_string()),
        ] {
            std::fs::create_dir_all(dir.join(path).parent().unwrap()).unwrap();
            std::fs::write(dir.join(path), text).unwrap();
        }
    }

    /// The value-reading findings of the second state, checked beside the first and alone.
    fn beside_and_alone(old: &Path, new: &Path) -> (Vec<Finding>, Vec<Finding>) {
        let reading = |findings: Vec<Finding>| -> Vec<Finding> {
            (findings.into_iter())
                .filter(|f| f.code == Code::ValueReadingDiffers)
                .collect()
        };
        let (_, beside) = crate::open_two(old, old.to_str(), new.to_str());
        let alone = crate::open(new).unwrap();
        (reading(beside.unwrap().findings), reading(alone.findings))
    }

    #[test]
    fn a_state_read_beside_another_reads_as_it_does_alone() {
        let (old, new) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let kept = ("kept", "at most 32", "at least 32 cities");
        let revalued = ("revalued", "at least 32", "at least 32 cities");
        base(
            old.path(),
            &[kept, revalued, ("requoted", "30,000", "30,000 died")],
            "",
        );
        let requoted = ("requoted", "30,000", "the figure of 30,000 is exaggerated");
        let revalued = ("revalued", "at most 32", "at least 32 cities");
        base(new.path(), &[kept, revalued, requoted], "");
        let (beside, alone) = beside_and_alone(old.path(), new.path());
        assert_eq!(beside, alone);
        let claims: Vec<&str> = beside.iter().map(|f| f.claims[0].as_str()).collect();
        assert_eq!(claims, ["kept", "revalued", "requoted"]);

        // Read with another decimal mark, the same words read otherwise: "5,0" is 5.
        let marked = ("marked", "at least 5", "up to 5,0 died");
        base(old.path(), &[marked], "");
        base(new.path(), &[marked], "[values]\ndecimal = \",\"\n");
        let (beside, alone) = beside_and_alone(old.path(), new.path());
        assert_eq!(beside, alone);
        assert_eq!(beside.len(), 1, "{beside:?}");
    }
}

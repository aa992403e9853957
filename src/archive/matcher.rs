//! Verbatim-quote matching against archived plain text. Both the archive and
//! the quote are normalised (NFKC, typographic quotes and dashes folded to
//! ASCII, whitespace runs collapsed, Markdown `*` emphasis and invisible
//! characters dropped) while the archive keeps a map from every normalised
//! byte back to the original, so matches are reported as byte ranges of the
//! original file. Ellipses (`...`, `…`, `[...]`, `[…]`) in a quote are gaps
//! whose surrounding segments must appear in order; only the quote's first
//! character is matched case-insensitively. When a quote is missing, the most
//! similar passage is offered instead.

use std::collections::HashMap;
use std::iter;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// Upper bound on equally good windows refined when looking for the closest passage.
const MAX_CANDIDATES: usize = 64;

/// An archived text prepared for quote look-ups.
pub struct Archive {
    original: String,
    norm: String,
    /// For each byte of `norm`, the original byte range it was produced from.
    map: Vec<Range<usize>>,
}

impl Archive {
    pub fn new(text: &str) -> Self {
        let (norm, map) = normalize_mapped(text);
        Archive {
            original: text.to_owned(),
            norm,
            map,
        }
    }

    pub fn find(&self, quote: &str) -> QuoteMatch {
        let quote = normalize(quote);
        let segments = segments(&quote);
        if segments.is_empty() {
            return QuoteMatch::Empty;
        }
        match self.locate(0, &segments) {
            Some(parts) => QuoteMatch::Found(self.original(&parts)),
            None => QuoteMatch::NotFound {
                closest: self.closest(&quote),
            },
        }
    }

    /// Where the words of a quote found by [`Archive::find`] stand, one byte range of the
    /// original text for each part between its ellipses; None when the quote is not found.
    pub fn quoted_parts(&self, quote: &str) -> Option<Vec<Range<usize>>> {
        let quote = normalize(quote);
        let parts = self.locate(0, &segments(&quote))?;
        Some(
            parts
                .iter()
                .map(|part| self.original(std::slice::from_ref(part)))
                .collect(),
        )
    }

    /// Every place `phrase` stands in the text, one after the other, as byte ranges of the
    /// original text from its first word to its last.
    pub fn every_place(&self, phrase: &str) -> Vec<Range<usize>> {
        let phrase = normalize(phrase);
        let segments = segments(&phrase);
        let mut places = Vec::new();
        let mut from = 0;
        while let Some(parts) = self.locate(from, &segments) {
            from = parts[parts.len() - 1].end;
            places.push(self.original(&parts));
        }
        places
    }

    /// The original byte range from the start of the first normalised range to the end of the last.
    fn original(&self, parts: &[Range<usize>]) -> Range<usize> {
        let (first, last) = (&parts[0], &parts[parts.len() - 1]);
        self.map[first.start].start..self.map[last.end - 1].end
    }

    /// Places the segments greedily from byte `from` of the normalised text, each ending as early
    /// as possible, which finds an in-order placement whenever one exists. Returns each segment's
    /// range in the normalised text.
    fn locate(&self, from: usize, segments: &[&str]) -> Option<Vec<Range<usize>>> {
        let (first, rest) = segments.split_first()?;
        let text = self.norm.get(from..)?;
        let (start, mut end) = first_char_variants(first)
            .iter()
            .filter_map(|pat| text.find(pat.as_str()).map(|i| (i, i + pat.len())))
            .min_by_key(|&(_, end)| end)?;
        let mut parts = Vec::with_capacity(segments.len());
        parts.push(from + start..from + end);
        for seg in rest {
            let at = end + text.get(end..)?.find(seg)?;
            end = at + seg.len();
            parts.push(from + at..from + end);
        }
        Some(parts)
    }

    /// Slides a window of the quote's word count over the archive, keeps the
    /// windows sharing the most words, and refines them by word order.
    fn closest(&self, quote: &str) -> Option<Passage> {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let quote: Vec<usize> = words(quote)
            .into_iter()
            .map(|(_, w)| {
                let next = ids.len();
                *ids.entry(w).or_insert(next)
            })
            .collect();
        let archive: Vec<Word> = words(&self.norm)
            .into_iter()
            .map(|(range, w)| (range, ids.get(&w).copied()))
            .collect();
        let width = quote.len().min(archive.len());
        if width == 0 {
            return None;
        }
        let mut need = vec![0usize; ids.len()];
        for &id in &quote {
            need[id] += 1;
        }
        // `shared` is the multiset overlap between the window and the quote.
        let mut have = vec![0usize; ids.len()];
        let (mut shared, mut best) = (0, 0);
        let mut starts = Vec::new();
        for (i, &(_, id)) in archive.iter().enumerate() {
            if let Some(id) = id {
                shared += usize::from(have[id] < need[id]);
                have[id] += 1;
            }
            if i >= width
                && let (_, Some(id)) = archive[i - width]
            {
                have[id] -= 1;
                shared -= usize::from(have[id] < need[id]);
            }
            if i + 1 >= width && shared > 0 && shared >= best {
                if shared > best {
                    best = shared;
                    starts.clear();
                }
                starts.push(i + 1 - width);
            }
        }
        starts
            .iter()
            .take(MAX_CANDIDATES)
            .filter_map(|&s| self.passage(&quote, &archive[s..s + width]))
            .reduce(|a, b| if b.similarity > a.similarity { b } else { a })
    }

    /// Trims a window to its outermost quote words and scores it by the Dice
    /// coefficient of the longest common word subsequence.
    fn passage(&self, quote: &[usize], window: &[Word]) -> Option<Passage> {
        let first = window.iter().position(|(_, id)| id.is_some())?;
        let last = window.iter().rposition(|(_, id)| id.is_some())?;
        let window = &window[first..=last];
        let common = lcs(quote, window);
        let similarity = 2.0 * common as f64 / (quote.len() + window.len()) as f64;
        let span =
            self.map[window[0].0.start].start..self.map[window[window.len() - 1].0.end - 1].end;
        let text = self.original[span.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Some(Passage {
            span,
            text,
            similarity,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuoteMatch {
    /// Byte range in the ORIGINAL text, from the start of the first segment to the end of the last.
    Found(Range<usize>),
    NotFound {
        closest: Option<Passage>,
    },
    /// The quote has no words to look for.
    Empty,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Byte range in the original text, on char boundaries.
    pub span: Range<usize>,
    /// The original text of that passage, whitespace runs folded to one space.
    pub text: String,
    /// 0..=1, where 1 means the same words in the same order.
    pub similarity: f64,
}

/// The normalised form used for matching (exposed for tests and for callers that compare quotes).
pub fn normalize(text: &str) -> String {
    normalize_mapped(text).0
}

/// A word's byte range in the normalised archive and its id among the quote's words.
type Word = (Range<usize>, Option<usize>);

/// Normalises `text`, mapping each output byte to the original range it came from.
///
/// NFKC is applied per starter-plus-combining-marks chunk, so every output
/// byte maps to exactly one chunk (compositions across starters, such as
/// conjoining Hangul jamo, are not performed).
fn normalize_mapped(text: &str) -> (String, Vec<Range<usize>>) {
    let mut norm = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let mut pending_space = None;
    let bounds: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| i == 0 || canonical_combining_class(c) == 0)
        .map(|(i, _)| i)
        .chain(iter::once(text.len()))
        .collect();
    for pair in bounds.windows(2) {
        let span = pair[0]..pair[1];
        // Fold before NFKC too: it would turn `″` into two primes.
        for c in text[span.clone()].chars().map(fold).nfkc().map(fold) {
            if c.is_whitespace() {
                pending_space.get_or_insert(span.clone());
            } else if !is_ignored(c) {
                // A space is only emitted between kept characters, which also trims.
                if let Some(space) = pending_space.take().filter(|_| !norm.is_empty()) {
                    norm.push(' ');
                    map.push(space);
                }
                norm.push(c);
                map.extend(iter::repeat_n(span.clone(), c.len_utf8()));
            }
        }
    }
    (norm, map)
}

/// Folds typographic quotes and dashes to their ASCII forms.
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}'
        | '\u{2039}' | '\u{203A}' | '\u{02BC}' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}'
        | '\u{00AB}' | '\u{00BB}' | '\u{301D}' | '\u{301E}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// Markdown emphasis markers and invisible characters that never matter for a quote.
fn is_ignored(c: char) -> bool {
    matches!(
        c,
        '*' | '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Splits a normalised quote at its ellipses (NFKC has already turned `…` into `...`).
fn segments(quote: &str) -> Vec<&str> {
    quote
        .split("[...]")
        .flat_map(|s| s.split("..."))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The segment with its first character as written, lower-cased and upper-cased.
fn first_char_variants(segment: &str) -> Vec<String> {
    let mut chars = segment.chars();
    let Some(c) = chars.next() else {
        return Vec::new();
    };
    let rest = chars.as_str();
    let mut out = vec![segment.to_owned()];
    for v in [single(c.to_lowercase()), single(c.to_uppercase())]
        .into_iter()
        .flatten()
    {
        let variant = format!("{v}{rest}");
        if !out.contains(&variant) {
            out.push(variant);
        }
    }
    out
}

/// The only item of an iterator, if it has exactly one (`ß` upper-cases to `SS`).
fn single(mut it: impl Iterator<Item = char>) -> Option<char> {
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

/// Lower-cased alphanumeric runs of `text` with their byte ranges.
fn words(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s..i, text[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Length of the longest common subsequence of quote word ids and window words.
fn lcs(quote: &[usize], window: &[Word]) -> usize {
    let mut row = vec![0usize; window.len() + 1];
    for &q in quote {
        let mut diag = 0;
        for (j, (_, id)) in window.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if *id == Some(q) {
                diag + 1
            } else {
                up.max(row[j])
            };
            diag = up;
        }
    }
    row[window.len()]
}

#[cfg(test)]
mod tests;

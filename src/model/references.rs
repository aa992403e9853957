//! Resolving references to declared ids, and the findings for those that name no record of the
//! kind asked for. A "did you mean" is added to each after every record is resolved: the claims
//! are resolved on every core, and suggestion indexes answer within a budget, so asking them in
//! record order keeps which misspelling gets a suggestion the same from run to run.

use super::ids::{IdMap, id_key};
use super::resolve::Resolver;
use super::{Basis, FirstHand, Node};
use crate::finding::{Code, Finding};
use crate::input::files::{FileId, Files, Location, Span};
use crate::input::records::{Placed, RawText};
use crate::suggest::Suggestions;
use foldhash::{HashMap, HashSet};
use std::ops::Range;
use toml::Spanned;

/// An id as a record writes it, with where: a reference to resolve.
#[derive(Clone, Copy)]
pub(super) struct Written<'a> {
    pub(super) text: &'a str,
    span: Span,
}

impl<'a> Written<'a> {
    pub(super) fn new(text: &'a str, span: Range<usize>) -> Self {
        Written {
            text,
            span: Span::new(span),
        }
    }

    pub(super) fn of(id: &'a Spanned<String>) -> Self {
        Written::new(id.get_ref(), id.span())
    }

    /// A claim's id or reference, given the text of the file the claim is written in.
    pub(super) fn read(id: &'a Placed<RawText>, file_text: &'a str) -> Self {
        Written::new(id.text(file_text), id.span())
    }

    pub(super) fn span(&self) -> Range<usize> {
        self.span.range()
    }
}

/// Every declared id, read-only once declared, so the threads resolving claims share it.
pub(super) struct Declared<'f> {
    pub(super) ids: IdMap,
    /// The file texts: claims are resolved from the places their strings are written.
    pub(super) files: &'f Files,
    /// Ids of records that failed to load: a reference to one is left unresolved without a
    /// finding of its own, since the record's own error says what is wrong.
    pub(super) failed: HashSet<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Target {
    Speaker,
    Source,
    SourceOrClaim,
    Claim,
    Figure,
}

impl Target {
    fn accepts(self, node: Node) -> bool {
        matches!(
            (self, node),
            (Target::Speaker, Node::Speaker(_))
                | (Target::Source, Node::Source(_))
                | (Target::SourceOrClaim, Node::Source(_) | Node::Claim(_))
                | (Target::Claim, Node::Claim(_))
                | (Target::Figure, Node::Figure(_))
        )
    }

    fn describe(self) -> &'static str {
        match self {
            Target::Speaker => "speaker",
            Target::Source => "source",
            Target::SourceOrClaim => "source or claim",
            Target::Claim => "claim",
            Target::Figure => "figure",
        }
    }
}

/// A reference that names no record of the kind asked for: its finding waits for its help.
pub(super) struct Unknown {
    /// The finding's place in its resolver's findings.
    finding: usize,
    text: String,
    target: Target,
    /// A claim's `figure` that names no figure: the help says how to declare one.
    undeclared_figure: bool,
}

impl Resolver<'_> {
    pub(super) fn reference(
        &mut self,
        id: Written,
        file: FileId,
        field: &str,
        target: Target,
    ) -> Option<Node> {
        let text = id.text;
        let key = id_key(text);
        match self.declared.ids.get(key.as_ref()) {
            Some(node) if target.accepts(node) => Some(node),
            None if self.declared.failed.contains(key.as_ref()) => None,
            found => {
                let message = match found {
                    Some(node) => format!(
                        "`{field}` names `{text}`, which is a {}, not a {}",
                        node.kind_name(),
                        target.describe()
                    ),
                    None => format!("`{field}` names unknown {} `{text}`", target.describe()),
                };
                let finding = Finding::new(
                    Code::UnknownReference,
                    Location::new(file, id.span()),
                    message,
                )
                .label(format!("no {} has this id", target.describe()));
                self.unknown(finding, text, target, false);
                None
            }
        }
    }

    fn unknown(&mut self, finding: Finding, text: &str, target: Target, undeclared_figure: bool) {
        self.unknown.push(Unknown {
            finding: self.findings.len(),
            text: text.to_string(),
            target,
            undeclared_figure,
        });
        self.findings.push(finding);
    }

    pub(super) fn speaker(&mut self, id: Written, file: FileId, field: &str) -> Option<usize> {
        match self.reference(id, file, field, Target::Speaker)? {
            Node::Speaker(i) => Some(i),
            _ => None,
        }
    }

    /// The claims `ids` name, each with where it is named.
    pub(super) fn claims<'a>(
        &mut self,
        ids: impl Iterator<Item = Written<'a>>,
        file: FileId,
        field: &str,
    ) -> (Vec<usize>, Vec<Location>) {
        ids.filter_map(|id| match self.reference(id, file, field, Target::Claim)? {
            Node::Claim(c) => Some((c, Location::new(file, id.span()))),
            _ => None,
        })
        .unzip()
    }

    pub(super) fn figure(&mut self, id: Written, file: FileId) -> Option<usize> {
        let text = id.text;
        let key = id_key(text);
        let found = self.declared.ids.get(key.as_ref());
        if let Some(Node::Figure(i)) = found {
            return Some(i);
        }
        if found.is_none() && self.declared.failed.contains(key.as_ref()) {
            return None;
        }
        let finding = Finding::new(
            Code::UndeclaredFigure,
            Location::new(file, id.span()),
            format!("figure `{text}` is not declared"),
        )
        .label("no [[figure]] has this id");
        self.unknown(finding, text, Target::Figure, true);
        None
    }

    pub(super) fn basis(&mut self, id: Written, file: FileId) -> Option<Basis> {
        if let Some((_, first_hand)) = FirstHand::ALL.iter().find(|(name, _)| *name == id.text) {
            return Some(Basis::FirstHand(*first_hand));
        }
        match self.reference(id, file, "basis", Target::SourceOrClaim)? {
            Node::Source(i) => Some(Basis::Source(i)),
            Node::Claim(i) => Some(Basis::Claim(i)),
            _ => None,
        }
    }
}

/// Every resolver's findings, in order, each unknown reference's with its help: a "did you mean"
/// where a declared id of the kind asked for is close enough.
pub(super) fn help_unknown(ids: &IdMap, resolvers: Vec<Resolver>) -> Vec<Finding> {
    // One index per kind of reference, built when the first unknown reference of that kind is
    // met, so a thousand unknown references cost one index, not a thousand scans.
    let mut indexes: HashMap<Target, Suggestions> = HashMap::default();
    let mut findings = Vec::with_capacity(resolvers.iter().map(|r| r.findings.len()).sum());
    for mut resolver in resolvers {
        for unknown in resolver.unknown.drain(..) {
            let index = indexes.entry(unknown.target).or_insert_with(|| {
                // In id order, so which of two equally close ids is suggested never varies.
                let mut candidates: Vec<&str> = (ids.iter())
                    .filter(|(_, node)| unknown.target.accepts(*node))
                    .map(|(id, _)| id)
                    .collect();
                candidates.sort_unstable();
                Suggestions::new(candidates)
            });
            let suggestion = index.lookup(&unknown.text);
            let help = match (suggestion, unknown.undeclared_figure) {
                (Some(suggestion), false) => format!("did you mean `{suggestion}`?"),
                (None, false) => format!(
                    "add a [[{}]] with this id, or fix the reference",
                    unknown.target.describe().replace(" or claim", "")
                ),
                (Some(suggestion), true) => format!(
                    "did you mean `{suggestion}`? Otherwise declare it in a [[figure]] table"
                ),
                (None, true) => format!(
                    "declare it: [[figure]] id = \"{}\" with a label and a unit, in a file below `claims/`",
                    unknown.text
                ),
            };
            resolver.findings[unknown.finding].help = Some(help.into());
        }
        findings.append(&mut resolver.findings);
    }
    findings
}

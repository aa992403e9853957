//! The tables of records: speakers (with aliases and affiliations), sources, figures, and claims
//! (with their readings, bases and origin groups).

use super::values::ValueGroups;
use super::{Cell, Column, READING, Table, Type, count, kebab, maybe, owned, reading, table, text};
use crate::export::{Basis, BasisKinds};
use crate::view::report::{ClaimView, Report};

pub(super) fn speakers<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[
        Column::id(Type::Text),
        Column::text("name"),
        Column::text("kind"),
        Column::text("origin_group"),
        Column::text("note").optional(),
    ];
    let rows = report.speakers.iter().map(|s| {
        vec![
            text(&s.id),
            text(&s.name),
            kebab(&s.kind),
            text(&s.origin_group),
            maybe(s.note.as_deref()),
        ]
    });
    table("speakers", COLUMNS, rows)
}

pub(super) fn aliases<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[Column::to("speaker", "speakers"), Column::text("alias")];
    let rows = report.speakers.iter().flat_map(|s| {
        s.aliases
            .iter()
            .map(move |alias| vec![text(&s.id), text(alias)])
    });
    table("aliases", COLUMNS, rows)
}

/// Affiliations; `claimed` is 1 for an anonymous speaker's, which the reporter only claims.
pub(super) fn affiliations<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[
        Column::to("speaker", "speakers"),
        Column::to("affiliation", "speakers"),
        Column::text("from").optional(),
        Column::text("until").optional(),
        Column::integer("claimed"),
    ];
    let rows = report.speakers.iter().flat_map(|s| {
        s.affiliations.iter().map(move |other| {
            vec![
                text(&s.id),
                text(&other.id),
                owned(other.from),
                owned(other.until),
                Cell::Integer(i64::from(other.claimed)),
            ]
        })
    });
    table("affiliations", COLUMNS, rows)
}

pub(super) fn authors<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[
        Column::to("source", "sources"),
        Column::to("author", "speakers"),
    ];
    let rows = report.sources.iter().flat_map(|s| {
        s.authors
            .iter()
            .map(move |author| vec![text(&s.id), text(author)])
    });
    table("authors", COLUMNS, rows)
}

/// The parties each claim is attributed to.
pub(super) fn attributions<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[
        Column::to("claim", "claims"),
        Column::to("according_to", "speakers"),
    ];
    let rows = report.claims.iter().flat_map(|c| {
        c.according_to
            .iter()
            .map(move |party| vec![text(c.id), text(party)])
    });
    table("attributions", COLUMNS, rows)
}

/// Claim-to-claim relations: which claims a dispute rejects, and which earlier claims a revision
/// replaces.
pub(super) fn disputes<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[
        Column::to("claim", "claims"),
        Column::to("disputed", "claims"),
    ];
    let rows = report.claims.iter().flat_map(|c| {
        c.disputes
            .iter()
            .map(move |other| vec![text(c.id), text(other)])
    });
    table("disputes", COLUMNS, rows)
}

pub(super) fn supersessions<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[
        Column::to("claim", "claims"),
        Column::to("superseded", "claims"),
    ];
    let rows = report.claims.iter().flat_map(|c| {
        c.supersedes
            .iter()
            .map(move |other| vec![text(c.id), text(other)])
    });
    table("supersessions", COLUMNS, rows)
}

pub(super) fn sources<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[
        Column::id(Type::Text),
        Column::text("title"),
        Column::to("publisher", "speakers").optional(),
        Column::text("kind"),
        Column::text("published").optional(),
        Column::text("url").optional(),
        Column::text("sha256").optional(),
        Column::text("note").optional(),
    ];
    let rows = report.sources.iter().map(|s| {
        vec![
            text(&s.id),
            text(&s.title),
            maybe(s.publisher.as_deref()),
            kebab(&s.kind),
            owned(s.published),
            maybe(s.url.as_deref()),
            maybe(s.sha256.as_deref()),
            maybe(s.note.as_deref()),
        ]
    });
    table("sources", COLUMNS, rows)
}

pub(super) fn figures<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[
        Column::id(Type::Text),
        Column::text("label"),
        Column::text("unit").optional(),
        Column::text("part_of").optional(),
        Column::to("subject", "speakers").optional(),
        Column::text("value_kind"),
        Column::integer("varies"),
        Column::text("window").optional(),
        Column::text("note").optional(),
        Column::integer("claims"),
        Column::integer("distinct_values"),
        Column::integer("independent_origins"),
        Column::number("divergence"),
        Column::integer("conflicts"),
        Column::text("summary"),
    ];
    let rows = report.figures.iter().map(|f| {
        vec![
            text(f.id),
            text(f.label),
            maybe(f.unit),
            maybe(f.part_of),
            maybe(f.subject),
            kebab(&f.values),
            Cell::Integer(i64::from(f.varies)),
            maybe(f.window),
            maybe(f.note),
            count(f.claims),
            count(f.distinct_values),
            count(f.independent_origins.len()),
            f.divergence.map_or(Cell::Null, Cell::Number),
            count(f.conflicts),
            text(&f.summary.text),
        ]
    });
    table("figures", COLUMNS, rows)
}

pub(super) fn claims<'a>(report: &'a Report, groups: &ValueGroups) -> Table<'a> {
    const COLUMNS: &[Column] = &[
        Column::id(Type::Text),
        Column::to("figure", "figures").optional(),
        Column {
            kind: Type::Integer,
            ..Column::to("value_group", "value_groups").optional()
        },
        Column::text("value").optional(),
        READING[0],
        READING[1],
        READING[2],
        READING[3],
        READING[4],
        Column::text("reading").optional(),
        Column::text("statement").optional(),
        Column::to("speaker", "speakers").optional(),
        Column::to("source", "sources").optional(),
        Column::text("quote").optional(),
        Column::text("locator").optional(),
        Column::text("as_of").optional(),
        Column::text("measure"),
        Column::text("stance"),
        Column::text("withdrawn").optional(),
        Column::integer("current"),
        Column::text("note").optional(),
        Column::text("flags"),
        Column::text("file"),
        Column::integer("line"),
        Column::integer("column"),
    ];
    let rows = report.claims.iter().map(|c| {
        let group = groups.of_claim(c.id);
        let at = c.place.line_col();
        let mut row = vec![
            text(c.id),
            maybe(c.figure),
            group.map_or(Cell::Null, Cell::Integer),
            maybe(c.value),
        ];
        row.extend(reading(&c.reading));
        row.extend([
            owned(Some(c.reading_text()).filter(|r| !r.is_empty())),
            maybe(c.statement),
            maybe(c.speaker),
            maybe(c.source),
            maybe(c.quote),
            maybe(c.locator),
            owned(c.as_of),
            kebab(&c.measure),
            kebab(&c.stance),
            maybe(c.withdrawn),
            Cell::Integer(i64::from(c.current)),
            maybe(c.note),
            owned(Some(flags(c))),
            text(c.place.file()),
            count(at.line),
            count(at.column),
        ]);
        row
    });
    table("claims", COLUMNS, rows)
}

/// The codes of the findings that name the claim, space-separated.
fn flags(claim: &ClaimView) -> String {
    let codes: Vec<&str> = claim.flags.iter().map(|code| code.name()).collect();
    codes.join(" ")
}

/// Each basis of a claim in exactly one of three columns: a source, a claim, or a first-hand
/// basis.
pub(super) fn bases<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[
        Column::to("claim", "claims"),
        Column::to("source", "sources").optional(),
        Column::to("basis_claim", "claims").optional(),
        Column::text("first_hand").optional(),
    ];
    let kinds = BasisKinds::of(report);
    let rows = report.claims.iter().flat_map(|c| {
        c.basis.iter().map(|basis| {
            let kind = kinds.kind(basis);
            let when = |wanted: Basis| maybe(Some(*basis).filter(|_| kind == wanted));
            vec![
                text(c.id),
                when(Basis::Source),
                when(Basis::Claim),
                when(Basis::FirstHand),
            ]
        })
    });
    table("bases", COLUMNS, rows)
}

pub(super) fn origins<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[Column::to("claim", "claims"), Column::text("origin_group")];
    let rows = report.claims.iter().flat_map(|c| {
        c.origin
            .iter()
            .map(move |group| vec![text(c.id), text(group)])
    });
    table("origins", COLUMNS, rows)
}

pub(super) fn not_compared<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[
        Column::to("figure", "figures"),
        Column::to("claim", "claims"),
        Column::text("reason"),
    ];
    let rows = report.figures.iter().flat_map(|f| {
        f.not_compared
            .iter()
            .map(move |n| vec![text(f.id), text(n.claim), text(n.reason)])
    });
    table("not_compared", COLUMNS, rows)
}

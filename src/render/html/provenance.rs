//! The provenance picture of a figure as inline SVG: who cites whom, drawn from each claim's chain
//! (the claims and sources it rests on, the party an attribution follows, where each path ends).
//! The figure's claims stand left, what they lead to in columns by how many links away it is, and
//! the speakers the chains end at right, in the colour of their origin group; each column is
//! ordered by where its neighbours stand so that few edges cross.

use super::{Palette, cut, px, shown};
use crate::view::report::{ClaimView, LinkView};
use foldhash::{HashMap, HashSet};
use maud::{Markup, html};
use std::borrow::Cow;

/// Figures with more claims than this get no picture: it would be too tall to read.
pub const MOST_CLAIMS: usize = 60;

const WIDTH: f64 = 900.0;
const NODE_HEIGHT: f64 = 20.0;
const PITCH: f64 = 26.0;
/// The widest a node is; with many columns they are narrower.
const NODE_WIDTH: f64 = 220.0;
const GAP: f64 = 40.0;
/// Columns of linked claims and sources past this many stand in the last of them.
const MOST_COLUMNS: usize = 5;
/// Roughly how many pixels a character of node text takes.
const CHARACTER: f64 = 6.8;

struct Node<'a> {
    /// The full text, the node's title; cut to fit the box.
    text: Cow<'a, str>,
    /// What the node stands for: "claim", "source" or "speaker".
    class: &'static str,
    /// A speaker's colour class.
    speaker: Option<String>,
    column: usize,
    y: f64,
}

struct Edge<'a> {
    from: usize,
    to: usize,
    via: &'a str,
}

/// The picture of `claims`; `origin_group` names the origin group of a speaker id, whose colour
/// `palette` gives; `id` names its title.
pub fn picture(
    claims: &[&ClaimView],
    origin_group: &HashMap<&str, &str>,
    palette: &Palette,
    id: &str,
    label: &str,
) -> Markup {
    let (mut nodes, edges) = graph(claims, origin_group, palette);
    let columns = nodes.iter().map(|n| n.column).max().unwrap_or(0) + 1;
    let node_width = NODE_WIDTH.min((WIDTH - GAP * (columns - 1) as f64) / columns as f64);
    let column_x = |column: usize| {
        if columns == 1 {
            0.0
        } else {
            column as f64 * (WIDTH - node_width) / (columns - 1) as f64
        }
    };
    place(&mut nodes, &edges, columns);
    let height = nodes
        .iter()
        .map(|n| n.y + NODE_HEIGHT)
        .fold(NODE_HEIGHT, f64::max)
        + 4.0;
    let chars = ((node_width - 10.0) / CHARACTER) as usize;
    let anchor = |node: &Node, side: f64| {
        (
            column_x(node.column) + side * node_width,
            node.y + NODE_HEIGHT / 2.0,
        )
    };
    html! {
        svg class="provenance" role="img" aria-labelledby={ (id) "-title " (id) "-desc" }
            viewBox={ "0 0 " (px(WIDTH)) " " (px(height)) } width=(px(WIDTH)) height=(px(height)) {
            title id={ (id) "-title" } { "Provenance: " (shown(label)) }
            desc id={ (id) "-desc" } {
                (claims.len()) " claims, left, linked to the claims and sources they rest on and "
                "the speakers their chains end at, right, coloured by origin group."
            }
            @for edge in &edges {
                @let (x1, y1) = anchor(&nodes[edge.from], 1.0);
                @let (x2, y2) = anchor(&nodes[edge.to], 0.0);
                @let bend = ((x2 - x1) / 2.0).abs().max(20.0);
                path class={ "edge " (edge_class(edge.via)) }
                    d={ "M" (px(x1)) " " (px(y1)) " C" (px(x1 + bend)) " " (px(y1)) " "
                        (px(x2 - bend)) " " (px(y2)) " " (px(x2)) " " (px(y2)) } {
                    title { (shown(&nodes[edge.from].text)) " — " (shown(edge.via)) " → "
                        (shown(&nodes[edge.to].text)) }
                }
            }
            @for node in &nodes {
                g {
                    title { (shown(&node.text)) }
                    rect class={ "node " (node.class) @if let Some(colour) = &node.speaker { " " (colour) } } x=(px(column_x(node.column))) y=(px(node.y))
                        width=(px(node_width)) height=(px(NODE_HEIGHT)) rx="4" {}
                    text class="node-text" x=(px(column_x(node.column) + 6.0)) y=(px(node.y + 14.0)) {
                        (cut(&shown(&node.text), chars))
                    }
                }
            }
        }
    }
}

/// Own voice dotted, attributions dashed, what a claim rests on solid.
fn edge_class(via: &str) -> &'static str {
    if via == "stated by" {
        "own"
    } else if via.starts_with("according to") {
        "attributed"
    } else {
        "rests"
    }
}

/// The nodes (the figure's claims first, in the order given) and the chains' links between them.
/// A speaker ends a chain and stands in the last column; a claim or source that is linked to
/// stands one column right of the furthest node linking to it.
fn graph<'a, 'c>(
    claims: &'c [&ClaimView<'a>],
    origin_group: &HashMap<&str, &str>,
    palette: &Palette,
) -> (Vec<Node<'a>>, Vec<Edge<'c>>) {
    let mut nodes: Vec<Node> = Vec::new();
    let mut index: HashMap<(&'static str, &'a str), usize> = HashMap::default();
    let mut node = |nodes: &mut Vec<Node<'a>>, kind: &'static str, key: &'a str| -> usize {
        *index.entry((kind, key)).or_insert_with(|| {
            let (text, speaker, class) = match kind {
                "speaker" => {
                    let group = origin_group.get(key).copied().unwrap_or(key);
                    let text = if group == key {
                        Cow::Borrowed(key)
                    } else {
                        Cow::Owned(format!("{key} · {group}"))
                    };
                    (text, Some(palette.class(group)), "speaker")
                }
                "source" => (Cow::Owned(format!("source {key}")), None, "source"),
                _ => (Cow::Borrowed(key), None, "claim"),
            };
            nodes.push(Node {
                text,
                class,
                speaker,
                column: 0,
                y: 0.0,
            });
            nodes.len() - 1
        })
    };
    for claim in claims {
        node(&mut nodes, "claim", claim.id);
    }
    let mut edges = Vec::new();
    let mut linked = HashSet::default();
    for claim in claims {
        for link in claim.chain.iter().filter(|l| !l.to_kind.is_empty()) {
            let from = node(&mut nodes, "claim", link.from);
            let to = node(&mut nodes, link_kind(link), link.to);
            if linked.insert((from, to)) {
                edges.push(Edge {
                    from,
                    to,
                    via: &link.via,
                });
            }
        }
    }
    // Columns by longest path from the figure's claims; a loop stops growing at the cap.
    for _ in 0..MOST_COLUMNS {
        for edge in &edges {
            if nodes[edge.to].speaker.is_none() {
                let column = (nodes[edge.from].column + 1).min(MOST_COLUMNS);
                if nodes[edge.to].column < column {
                    nodes[edge.to].column = column;
                }
            }
        }
    }
    let last = nodes
        .iter()
        .filter(|n| n.speaker.is_none())
        .map(|n| n.column)
        .max()
        .unwrap_or(0)
        + 1;
    for node in nodes.iter_mut().filter(|n| n.speaker.is_some()) {
        node.column = last;
    }
    (nodes, edges)
}

fn link_kind(link: &LinkView) -> &'static str {
    match link.to_kind {
        "speaker" => "speaker",
        "source" => "source",
        _ => "claim",
    }
}

/// The first column stands in the order given; each later column's nodes go where the nodes
/// linking to them stand on average, moved down as little as needed not to overlap, then up as
/// far as the column ran past the tallest one.
fn place(nodes: &mut [Node], edges: &[Edge], columns: usize) {
    let mut tallest = 0usize;
    for column in 0..columns {
        tallest = tallest.max(nodes.iter().filter(|n| n.column == column).count());
    }
    let bottom = tallest as f64 * PITCH;
    // The nodes linking to each node, in the order of the links.
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for edge in edges {
        incoming[edge.to].push(edge.from);
    }
    let mut next = 0.0;
    for node in nodes.iter_mut().filter(|n| n.column == 0) {
        node.y = next;
        next += PITCH;
    }
    for column in 1..columns {
        let mut wanted: Vec<(f64, usize)> = Vec::new();
        for (i, node) in nodes.iter().enumerate().filter(|(_, n)| n.column == column) {
            let from: Vec<f64> = incoming[i]
                .iter()
                .filter(|&&from| nodes[from].column < column)
                .map(|&from| nodes[from].y)
                .collect();
            let y = if from.is_empty() {
                node.y
            } else {
                from.iter().sum::<f64>() / from.len() as f64
            };
            wanted.push((y, i));
        }
        wanted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut next = 0.0f64;
        for &(y, i) in &wanted {
            nodes[i].y = y.max(next);
            next = nodes[i].y + PITCH;
        }
        let overrun = (next - bottom).max(0.0);
        let mut previous = f64::NEG_INFINITY;
        for &(_, i) in &wanted {
            let y = (nodes[i].y - overrun).max(0.0).max(previous + PITCH);
            nodes[i].y = y;
            previous = y;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{FIGURE, SOURCES, checked, claim};
    use scraper::{Html, Selector};

    #[test]
    fn chains_become_columns_of_nodes_ending_at_speakers_in_their_group() {
        let claims = [
            FIGURE.to_string(),
            claim(
                "first",
                "1,000",
                "ministry",
                "basis = [\"official-records\"]",
            ),
            claim("second", "1,000", "outlet", "basis = [\"first\"]"),
            claim("third", "1,000", "outlet", ""),
        ]
        .concat();
        let checked = checked(SOURCES, &claims);
        let report = crate::view::build(&checked, None);
        let figure = &report.figures[0];
        let rows: Vec<&ClaimView> = figure.rows.iter().map(|&r| &report.claims[r]).collect();
        let groups: HashMap<&str, &str> = report
            .speakers
            .iter()
            .map(|s| (s.id.as_str(), s.origin_group.as_str()))
            .collect();
        let palette = Palette::of(&figure.independent_origins);
        let svg = picture(&rows, &groups, &palette, "p", "People killed").into_string();
        let page = Html::parse_fragment(&svg);
        let css = |s: &str| Selector::parse(s).unwrap();
        let mut nodes: Vec<(f64, String)> = page
            .select(&css("g > text.node-text"))
            .map(|t| {
                let x: f64 = t.value().attr("x").unwrap().parse().unwrap();
                (x, t.text().collect())
            })
            .collect();
        nodes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let texts: Vec<&str> = nodes.iter().map(|(_, t)| t.as_str()).collect();
        // `second` rests on `first`, so `first` stands a column right; the speakers stand last,
        // the ministry with its origin group.
        assert_eq!(
            texts,
            [
                "second",
                "third",
                "first",
                "ministry · government",
                "outlet"
            ]
        );
        let edges: Vec<String> = page
            .select(&css("path.edge"))
            .map(|e| e.value().attr("class").unwrap().to_string())
            .collect();
        assert_eq!(edges, ["edge rests", "edge rests", "edge own"]);
    }
}

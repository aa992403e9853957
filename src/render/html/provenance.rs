//! The provenance picture of a figure as inline SVG: who cites whom, in three layers (the claims,
//! the parties, sources, claims and first-hand bases they rest on, and the origin groups those lead
//! to), each layer ordered by where its neighbours stand so that few edges cross.

use super::{Palette, cut, px, shown};
use crate::view::report::{ClaimView, StepKind};
use maud::{Markup, html};
use std::collections::HashMap;

/// Figures with more claims than this get no picture: it would be too tall to read.
pub const MOST_CLAIMS: usize = 60;

const WIDTH: f64 = 900.0;
const NODE_WIDTH: f64 = 220.0;
const NODE_HEIGHT: f64 = 20.0;
const PITCH: f64 = 26.0;
const COLUMNS: [f64; 3] = [0.0, 340.0, 680.0];
const NODE_CHARS: usize = 31;

struct Node {
    text: String,
    class: String,
    y: f64,
}

/// Nodes of one layer, found by key.
#[derive(Default)]
struct Layer {
    nodes: Vec<Node>,
    index: HashMap<String, usize>,
}

impl Layer {
    fn add(&mut self, key: &str, text: String, class: String) -> usize {
        if let Some(&at) = self.index.get(key) {
            return at;
        }
        self.nodes.push(Node {
            text,
            class,
            y: 0.0,
        });
        self.index.insert(key.to_string(), self.nodes.len() - 1);
        self.nodes.len() - 1
    }
}

/// Edge from (layer, node) to (layer, node), and whether it is a claim speaking in its own voice.
type Edge = ((usize, usize), (usize, usize), bool);

/// The picture of `claims`, whose origin colours `palette` gives; `id` names its title.
pub fn picture(claims: &[&ClaimView], palette: &Palette, id: &str, label: &str) -> Markup {
    let mut layers: [Layer; 3] = Default::default();
    let mut edges: Vec<Edge> = Vec::new();
    for claim in claims {
        let from = (
            0,
            layers[0].add(&claim.id, claim.id.clone(), "claim".to_string()),
        );
        let origin = |layers: &mut [Layer; 3], name: &str| {
            (
                2,
                layers[2].add(name, name.to_string(), palette.class(name)),
            )
        };
        if claim.provenance.is_empty() {
            for name in &claim.origin {
                let to = origin(&mut layers, name);
                edges.push((from, to, true));
            }
        }
        for step in &claim.provenance {
            let (prefix, class) = match step.kind {
                StepKind::AccordingTo if step.origins.is_empty() => {
                    ("according to", "step outranked")
                }
                StepKind::AccordingTo => ("according to", "step"),
                StepKind::Source => ("source", "step"),
                StepKind::Claim => ("claim", "step"),
                StepKind::FirstHand => ("first-hand", "step"),
            };
            let key = format!("{prefix}\u{0}{}", step.id);
            let text = format!("{prefix}: {}", step.id);
            let middle = (1, layers[1].add(&key, text, class.to_string()));
            edges.push((from, middle, false));
            for name in &step.origins {
                let to = origin(&mut layers, name);
                edges.push((middle, to, false));
            }
        }
    }
    place(&mut layers, &edges);
    let height = layers
        .iter()
        .flat_map(|layer| layer.nodes.iter().map(|n| n.y + NODE_HEIGHT))
        .fold(NODE_HEIGHT, f64::max)
        + 4.0;
    let anchor = |(layer, node): (usize, usize), side: f64| {
        let n = &layers[layer].nodes[node];
        (COLUMNS[layer] + side * NODE_WIDTH, n.y + NODE_HEIGHT / 2.0)
    };
    html! {
        svg class="provenance" role="img" aria-labelledby={ (id) "-title " (id) "-desc" }
            viewBox={ "0 0 " (px(WIDTH)) " " (px(height)) } width=(px(WIDTH)) height=(px(height)) {
            title id={ (id) "-title" } { "Provenance: " (shown(label)) }
            desc id={ (id) "-desc" } {
                (layers[0].nodes.len()) " claims, left, linked to the " (layers[1].nodes.len())
                " parties, sources, claims and first-hand bases they rest on, middle, and to the "
                (layers[2].nodes.len()) " origin groups those lead to, right."
            }
            @for &(from, to, own) in &edges {
                @let (x1, y1) = anchor(from, 1.0);
                @let (x2, y2) = anchor(to, 0.0);
                @let bend = (x2 - x1) / 2.0;
                path class=(if own { "edge own" } else { "edge" })
                    d={ "M" (px(x1)) " " (px(y1)) " C" (px(x1 + bend)) " " (px(y1)) " "
                        (px(x2 - bend)) " " (px(y2)) " " (px(x2)) " " (px(y2)) } {}
            }
            @for (column, layer) in COLUMNS.iter().zip(&layers) {
                @for node in &layer.nodes {
                    g {
                        title { (shown(&node.text)) }
                        rect class={ "node " (node.class) } x=(px(*column)) y=(px(node.y))
                            width=(px(NODE_WIDTH)) height=(px(NODE_HEIGHT)) rx="4" {}
                        text class="node-text" x=(px(column + 6.0)) y=(px(node.y + 14.0)) {
                            (cut(&shown(&node.text), NODE_CHARS))
                        }
                    }
                }
            }
        }
    }
}

/// Claims stand in the order given; each later layer's nodes go where the nodes linking to them
/// stand on average, moved down as little as needed not to overlap, then up if the layer ran past
/// the tallest one.
fn place(layers: &mut [Layer; 3], edges: &[Edge]) {
    for (i, node) in layers[0].nodes.iter_mut().enumerate() {
        node.y = i as f64 * PITCH;
    }
    let bottom = layers.iter().map(|l| l.nodes.len()).max().unwrap_or(0) as f64 * PITCH;
    for layer in 1..3 {
        let mut sums = vec![(0.0, 0usize); layers[layer].nodes.len()];
        for &((from_layer, from), (to_layer, to), _) in edges {
            if to_layer == layer {
                sums[to].0 += layers[from_layer].nodes[from].y;
                sums[to].1 += 1;
            }
        }
        let mut order: Vec<(f64, usize)> = sums
            .iter()
            .enumerate()
            .map(|(node, &(sum, n))| (sum / n.max(1) as f64, node))
            .collect();
        order.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut next = 0.0f64;
        for &(wanted, node) in &order {
            let y = wanted.max(next);
            layers[layer].nodes[node].y = y;
            next = y + PITCH;
        }
        let overrun = (next - bottom).max(0.0);
        for &(_, node) in &order {
            let y = layers[layer].nodes[node].y - overrun;
            layers[layer].nodes[node].y = y.max(0.0);
        }
        // Shifting up by one amount keeps the order and the spacing, except where the top clamps.
        let mut previous = f64::NEG_INFINITY;
        for &(_, node) in &order {
            let y = layers[layer].nodes[node].y.max(previous + PITCH);
            layers[layer].nodes[node].y = y;
            previous = y;
        }
    }
}

//! The range plot of a count figure as inline SVG, forest-plot style: one row per value group, its
//! interval as a bar striped in the colours of the origin groups behind it, open ends as arrows,
//! the stated point as a diamond, exact values as dots, conflicts on a red band.

use super::axis::{Axis, label};
use super::{Palette, cut, px, shown};
use crate::value::Number;
use crate::view::report::{FigureView, ReadingView, ValueView};
use maud::{Markup, html};

const WIDTH: f64 = 900.0;
/// Where the bars start and end; value labels stand left of them, counts and marks right.
const PLOT_LEFT: f64 = 240.0;
const PLOT_RIGHT: f64 = 740.0;
const ROW: f64 = 24.0;
const WINDOW_HEADING: f64 = 22.0;
const AXIS: f64 = 44.0;
const BAR: f64 = 10.0;
/// The most characters of a value's text shown left of its bar; the row's title holds it whole.
const LABEL_CHARS: usize = 34;

/// A reading's numbers as the plot draws them.
struct Extent {
    low: f64,
    /// `None` when open upwards.
    high: Option<f64>,
    point: Option<f64>,
}

fn number(n: Number) -> f64 {
    n.get()
}

fn extent(reading: &ReadingView) -> Option<Extent> {
    Some(Extent {
        low: number(reading.low?),
        high: reading.high.map(number),
        point: reading.point.map(number),
    })
}

/// The plot, or `None` when no value of the figure has a reading to draw.
pub fn plot(figure: &FigureView, palette: &Palette, id: &str) -> Option<Markup> {
    let rows: Vec<(&ValueView, Extent)> = figure
        .windows
        .iter()
        .flat_map(|w| &w.values)
        .filter_map(|value| Some((value, extent(&value.reading)?)))
        .collect();
    let numbers: Vec<f64> = rows
        .iter()
        .flat_map(|(_, e)| [Some(e.low), e.high, e.point])
        .flatten()
        .collect();
    let open = rows.iter().any(|(_, e)| e.high.is_none());
    let axis = Axis::fitting(&numbers, open)?;
    let headings = if figure.varies {
        figure.windows.len()
    } else {
        0
    };
    let plot_bottom = rows.len() as f64 * ROW + headings as f64 * WINDOW_HEADING + 8.0;
    let height = plot_bottom + AXIS;
    let x = |n: f64| PLOT_LEFT + axis.position(n) * (PLOT_RIGHT - PLOT_LEFT);
    let scale = if axis.log {
        "log scale"
    } else {
        "linear scale"
    };
    let unit = figure.unit.unwrap_or("value");
    let mut y = 4.0;
    Some(html! {
        svg class="plot" role="img" aria-labelledby={ (id) "-title " (id) "-desc" }
            viewBox={ "0 0 " (px(WIDTH)) " " (px(height)) } width=(px(WIDTH)) height=(px(height)) {
            title id={ (id) "-title" } { "Range plot: " (shown(figure.label)) }
            desc id={ (id) "-desc" } {
                (rows.len()) " value groups on a " (scale) " from " (label(axis.min)) " to "
                (label(axis.max)) ". Bars are intervals, arrows open ends, diamonds stated points, "
                "dots exact values; rows on a red band conflict."
            }
            @for tick in axis.ticks() {
                line class="grid" x1=(px(x(tick))) x2=(px(x(tick))) y1="0" y2=(px(plot_bottom)) {}
                text class="tick" x=(px(x(tick))) y=(px(plot_bottom + 16.0)) { (label(tick)) }
            }
            line class="axis" x1=(px(PLOT_LEFT)) x2=(px(PLOT_RIGHT)) y1=(px(plot_bottom))
                y2=(px(plot_bottom)) {}
            text class="axis-title" x=(px((PLOT_LEFT + PLOT_RIGHT) / 2.0)) y=(px(height - 6.0)) {
                (shown(unit)) " (" (scale) ")"
            }
            @for window in &figure.windows {
                @if figure.varies {
                    text class="window" x="4" y=(px({ y += WINDOW_HEADING; y - 6.0 })) {
                        "as of " (window.as_of.map(|d| d.to_string()).unwrap_or_default())
                    }
                }
                @for value in &window.values {
                    @if let Some(extent) = extent(&value.reading) {
                        (row(value, &extent, &axis, &x, palette, { y += ROW; y - ROW }))
                    }
                }
            }
        }
    })
}

fn row(
    value: &ValueView,
    extent: &Extent,
    axis: &Axis,
    x: &impl Fn(f64) -> f64,
    palette: &Palette,
    top: f64,
) -> Markup {
    let middle = top + ROW / 2.0;
    let colours: Vec<String> = value.origins.iter().map(|o| palette.class(o)).collect();
    let claims = count(value.claims.len(), "claim", "claims");
    let left = x(extent.low);
    let right = extent.high.map_or(PLOT_RIGHT, x);
    let exact = extent.high == Some(extent.low);
    let stripe = BAR / colours.len().max(1) as f64;
    html! {
        g class={ "row" @if value.conflicts_with > 0 { " in-conflict" } } {
            title {
                (shown(value.value)) " — " (claims) " — origins: " (shown(&value.origins.join(", ")))
                @if value.conflicts_with > 0 { " — cannot be true together with " (count(value.conflicts_with, "other value", "other values")) }
                @if value.diverges { " — diverges from another value" }
            }
            @if value.conflicts_with > 0 {
                rect class="conflict-band" x="0" y=(px(top + 1.0)) width=(px(WIDTH))
                    height=(px(ROW - 2.0)) {}
            }
            text class="value" x=(px(PLOT_LEFT - 10.0)) y=(px(middle + 4.0)) {
                (cut(&shown(value.value), LABEL_CHARS))
            }
            @if exact {
                @for (i, colour) in colours.iter().enumerate() {
                    circle class={ "exact " (colour) } cx=(px(left)) cy=(px(middle))
                        r=(px(7.0 - 2.5 * i.min(2) as f64)) {}
                }
            } @else {
                @for (i, colour) in colours.iter().enumerate() {
                    rect class={ "bar " (colour) } x=(px(left)) y=(px(middle - BAR / 2.0 + i as f64 * stripe))
                        width=(px((right - left).max(1.0))) height=(px(stripe)) {}
                }
                @if extent.high.is_none() {
                    path class="arrow" d={ "M" (px(PLOT_RIGHT)) " " (px(middle - 7.0)) " l10 7 l-10 7 z" } {}
                }
                @if axis.below(extent.low) {
                    path class="arrow" d={ "M" (px(left)) " " (px(middle - 7.0)) " l-10 7 l10 7 z" } {}
                }
                @if let Some(point) = extent.point {
                    path class="point" d={ "M" (px(x(point))) " " (px(middle - 7.0)) " l6 7 l-6 7 l-6 -7 z" } {}
                }
            }
            text class="count" x=(px(PLOT_RIGHT + 16.0)) y=(px(middle + 4.0)) {
                (claims)
                @if value.conflicts_with > 0 { tspan class="conflict-mark" { " · conflict" } }
                @else if value.diverges { tspan class="divergent-mark" { " · divergent" } }
            }
        }
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{FIGURE, SOURCES, checked, claim};
    use scraper::{Html, Selector};

    fn rows_of(claims: &[String]) -> Vec<(String, bool, usize, usize, usize)> {
        let checked = checked(SOURCES, &claims.concat());
        let report = crate::view::build(&checked, None);
        let figure = &report.figures[0];
        let palette = Palette::of(&figure.independent_origins);
        let svg = plot(figure, &palette, "p").unwrap().into_string();
        let page = Html::parse_fragment(&svg);
        let css = |s: &str| Selector::parse(s).unwrap();
        page.select(&css("g.row"))
            .map(|row| {
                let count = |s: &str| row.select(&css(s)).count();
                (
                    row.select(&css("text.value"))
                        .flat_map(|t| t.text())
                        .collect(),
                    row.value().classes().any(|c| c == "in-conflict"),
                    count("circle.exact"),
                    count("rect.bar"),
                    count("path.arrow"),
                )
            })
            .collect()
    }

    #[test]
    fn a_row_per_value_with_conflicts_banded_open_ends_as_arrows_and_exact_values_as_dots() {
        let rows = rows_of(&[
            FIGURE.to_string(),
            claim("a", "1,000", "outlet", ""),
            claim("b", "at least 5,000", "watchdog", ""),
            claim("c", "between 500 and 50,000", "government", ""),
            claim("d", "40,000", "government", ""),
            claim("e", "40,000", "watchdog", ""),
        ]);
        assert_eq!(
            rows,
            [
                ("between 500 and 50,000".to_string(), false, 0, 1, 0),
                ("1,000".to_string(), true, 1, 0, 0),
                ("at least 5,000".to_string(), true, 0, 1, 1),
                // Two origin groups: two concentric dots.
                ("40,000".to_string(), true, 2, 0, 0),
            ]
        );
    }

    #[test]
    fn a_bar_is_striped_once_per_origin_group() {
        let rows = rows_of(&[
            FIGURE.to_string(),
            claim("a", "between 100 and 200", "outlet", ""),
            claim("b", "between 100 and 200", "watchdog", ""),
            claim("c", "between 100 and 200", "government", ""),
        ]);
        assert_eq!(rows, [("between 100 and 200".to_string(), false, 0, 3, 0)]);
    }
}

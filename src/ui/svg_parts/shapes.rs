//! Shapes the diagrams share: rounded rectangles and one-line labels, areas (a labelled rounded
//! rectangle drawn behind the boxes it holds) and the block mark drawn where a hop is blocked.
//! The stylesheet (`www/style.css`) colours them by class.

use super::element::{el, Element};
use super::number::{f, short};
use crate::ui::geometry::{Point, Rect};

/// Radius of the block mark's disc.
pub const BLOCK_MARK_R: &str = "10";

/// A rounded rectangle of `class` with corners of radius `rx`.
pub fn rounded_rect(class: &str, r: &Rect, rx: &str) -> Element {
    let (x, y, w, h) = (f(r.x), f(r.y), f(r.w), f(r.h));
    el(
        "rect",
        &[
            ("class", class),
            ("x", &x),
            ("y", &y),
            ("width", &w),
            ("height", &h),
            ("rx", rx),
        ],
    )
}

/// One line of text of `class` at `at`, its `text-anchor` `start`, `middle` or `end`.
pub fn label(class: &str, text: &str, at: Point, anchor: &str) -> Element {
    let (x, y) = (f(at.x), f(at.y));
    let attrs = [
        ("class", class),
        ("x", &x),
        ("y", &y),
        ("text-anchor", anchor),
    ];
    Element {
        text: text.to_string(),
        ..el("text", &attrs)
    }
}

/// An area: a group carrying `attrs`, holding its rounded rectangle of `box_class` and, on top,
/// its `labels`. Drawn before the boxes inside it, so they sit on it.
pub fn area(
    attrs: &[(&'static str, &str)],
    box_class: &str,
    r: &Rect,
    rx: &str,
    labels: impl IntoIterator<Item = Element>,
) -> Element {
    el("g", attrs)
        .with([rounded_rect(box_class, r, rx)])
        .with(labels)
}

/// `translate(x y)`, to draw a shape made around the origin at `p`.
pub fn translate(p: Point) -> String {
    format!("translate({} {})", f(p.x), f(p.y))
}

/// Path data of a cross (✕) `2 × arm` wide centred on the origin.
pub fn cross(arm: f32) -> String {
    let (a, b) = (short(-arm), short(arm));
    format!("M{a} {a} L{b} {b} M{b} {a} L{a} {b}")
}

/// The mark on a blocked hop: a disc with a cross of half-width `arm`, centred on `at`, in a
/// group of class `block-mark`. A shape as well as a colour, so the block reads without colour.
pub fn block_mark(at: Point, arm: f32) -> Element {
    let mark = el(
        "g",
        &[("class", "block-mark"), ("transform", &translate(at))],
    );
    mark.with([
        el("circle", &[("r", BLOCK_MARK_R)]),
        el("path", &[("d", &cross(arm))]),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xml(e: &Element) -> String {
        let mut out = String::new();
        e.write(&mut out);
        out
    }

    #[test]
    fn the_block_mark_is_a_disc_and_a_cross_at_the_point() {
        assert_eq!(cross(5.0), "M-5 -5 L5 5 M5 -5 L-5 5");
        assert_eq!(cross(4.5), "M-4.5 -4.5 L4.5 4.5 M4.5 -4.5 L-4.5 4.5");
        assert_eq!(
            xml(&block_mark(Point::new(120.0, 48.5), 5.0)),
            "<g class=\"block-mark\" transform=\"translate(120.0 48.5)\"><circle r=\"10\"/>\
             <path d=\"M-5 -5 L5 5 M5 -5 L-5 5\"/></g>"
        );
    }

    #[test]
    fn an_area_is_its_rectangle_under_its_labels() {
        let r = Rect::new(8.0, 8.0, 224.0, 210.5);
        let title = label("area-label", "Your VNet", Point::new(18.0, 26.0), "start");
        let a = area(&[("data-area", "vnet")], "area-box", &r, "10", [title]);
        assert_eq!(
            xml(&a),
            "<g data-area=\"vnet\"><rect class=\"area-box\" x=\"8.0\" y=\"8.0\" width=\"224.0\" \
             height=\"210.5\" rx=\"10\"/><text class=\"area-label\" x=\"18.0\" y=\"26.0\" \
             text-anchor=\"start\">Your VNet</text></g>"
        );
    }
}

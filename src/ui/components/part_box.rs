//! One labelled box of a diagram, with its children drawn inside it.

use yew::prelude::*;

use crate::ui::geometry::Point;
use crate::ui::overview::{Part, PartKind};
use crate::ui::svg_parts::{label, rounded_rect, to_html, Element};

#[derive(Properties, PartialEq)]
pub struct PartBoxProps {
    pub part: Part,
    #[prop_or_default]
    pub children: Html,
}

/// Containers are `role="group"` so their contents stay reachable by screen readers; leaves are
/// `role="img"` with a name that reads label, second line and purpose in one go.
#[function_component(PartBox)]
pub fn part_box(props: &PartBoxProps) -> Html {
    let part = &props.part;
    let (role, kind) = match part.kind {
        PartKind::Frame => ("group", "frame"),
        PartKind::Zone => ("group", "zone"),
        PartKind::Resource => ("img", "resource"),
    };
    let name = if part.sub.is_empty() {
        format!("{}: {}", part.label, part.description)
    } else {
        format!("{} ({}): {}", part.label, part.sub, part.description)
    };
    let r = part.rect;
    let (label_y, sub_y) = match part.kind {
        PartKind::Resource => (r.y + r.h / 2.0 - 4.0, r.y + r.h / 2.0 + 16.0),
        _ => (r.y + 20.0, r.y + 20.0),
    };
    let (label_x, anchor) = match part.kind {
        PartKind::Resource => (r.x + r.w / 2.0, "middle"),
        _ => (r.x + 10.0, "start"),
    };
    // Zones print their second line after the label on the same baseline, resources under it.
    let sub_x = match part.kind {
        PartKind::Resource => label_x,
        _ => r.x + r.w - 10.0,
    };
    let sub_anchor = match part.kind {
        PartKind::Resource => "middle",
        _ => "end",
    };
    let hidden = |e: Element| to_html(&e.attr("aria-hidden", "true"));
    let label_at = Point::new(label_x, label_y);
    html! {
        <g class={classes!("part", kind)} data-part={part.id} role={role} aria-label={name.clone()}>
            <title>{ name }</title>
            { to_html(&rounded_rect("part-box", &r, "8")) }
            { hidden(label("part-label", part.label, label_at, anchor)) }
            if !part.sub.is_empty() {
                { hidden(label("part-sub", &part.sub, Point::new(sub_x, sub_y), sub_anchor)) }
            }
            { props.children.clone() }
        </g>
    }
}

//! One labelled box of a diagram, with its children drawn inside it.

use yew::prelude::*;

use crate::ui::geometry::short;
use crate::ui::overview::{Part, PartKind};

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
    html! {
        <g class={classes!("part", kind)} data-part={part.id} role={role} aria-label={name.clone()}>
            <title>{ name }</title>
            <rect class="part-box" x={short(r.x)} y={short(r.y)}
                  width={short(r.w)} height={short(r.h)} rx="8" />
            <text class="part-label" x={short(label_x)} y={short(label_y)}
                  text-anchor={anchor} aria-hidden="true">{ part.label }</text>
            if !part.sub.is_empty() {
                <text class="part-sub" x={short(sub_x)} y={short(sub_y)}
                      text-anchor={sub_anchor} aria-hidden="true">{ part.sub.clone() }</text>
            }
            { props.children.clone() }
        </g>
    }
}

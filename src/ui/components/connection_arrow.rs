//! An arrow between two boxes, drawn as a polyline and a polygon head (no `<marker>`, which would need
//! a page-wide id).

use yew::prelude::*;

use crate::ui::geometry::arrowhead;
use crate::ui::overview::Connection;

#[derive(Properties, PartialEq)]
pub struct ConnectionArrowProps {
    pub connection: Connection,
}

#[function_component(ConnectionArrow)]
pub fn connection_arrow(props: &ConnectionArrowProps) -> Html {
    let c = &props.connection;
    let points = c
        .points
        .iter()
        .map(|p| format!("{:.1},{:.1}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
    let head = match c.points.as_slice() {
        [.., from, to] => arrowhead(*from, *to, 10.0),
        _ => String::new(),
    };
    html! {
        <g class="connection" data-connection={c.id} role="img" aria-label={c.label}>
            <title>{ c.label }</title>
            <polyline class="connection-line" points={points} fill="none" />
            <polygon class="connection-head" points={head} />
            <text class="connection-label" x={c.label_at.x.to_string()} y={c.label_at.y.to_string()}
                  text-anchor="middle" aria-hidden="true">{ c.label }</text>
        </g>
    }
}

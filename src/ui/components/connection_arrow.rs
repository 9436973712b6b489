//! An arrow between two boxes, drawn as a polyline and a polygon head (no `<marker>`, which would need
//! a page-wide id).

use yew::prelude::*;

use crate::ui::geometry::{arrowhead, push_tenths, short};
use crate::ui::overview::Connection;

#[derive(Properties, PartialEq)]
pub struct ConnectionArrowProps {
    pub connection: Connection,
}

#[function_component(ConnectionArrow)]
pub fn connection_arrow(props: &ConnectionArrowProps) -> Html {
    let c = &props.connection;
    let mut points = String::new();
    for (i, p) in c.points.iter().enumerate() {
        if i > 0 {
            points.push(' ');
        }
        push_tenths(&mut points, p.x);
        points.push(',');
        push_tenths(&mut points, p.y);
    }
    let head = match c.points.as_slice() {
        [.., from, to] => arrowhead(*from, *to, 10.0),
        _ => String::new(),
    };
    html! {
        <g class="connection" data-connection={c.id} role="img" aria-label={c.label}>
            <title>{ c.label }</title>
            <polyline class="connection-line" points={points} fill="none" />
            <polygon class="connection-head" points={head} />
            <text class="connection-label" x={short(c.label_at.x)} y={short(c.label_at.y)}
                  text-anchor="middle" aria-hidden="true">{ c.label }</text>
        </g>
    }
}

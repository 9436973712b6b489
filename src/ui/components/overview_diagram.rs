//! The architecture overview: the Internet, the Microsoft-managed control plane and the customer's
//! network, nested as the article's illustration 2 nests them.

use yew::prelude::*;

use crate::ui::components::connection_arrow::ConnectionArrow;
use crate::ui::components::part_box::PartBox;
use crate::ui::geometry::short;
use crate::ui::overview::{connections, parts, OverviewFacts, Part, VIEW_BOX};

#[derive(Properties, PartialEq)]
pub struct OverviewDiagramProps {
    pub facts: OverviewFacts,
}

/// Draws `part` and, inside its group, every part whose parent it is, so the accessibility tree
/// mirrors the nesting the reader sees.
fn nested(part: &Part, all: &[Part]) -> Html {
    let children: Html = all
        .iter()
        .filter(|p| p.parent == Some(part.id))
        .map(|child| nested(child, all))
        .collect();
    html! { <PartBox part={part.clone()}>{ children }</PartBox> }
}

#[function_component(OverviewDiagram)]
pub fn overview_diagram(props: &OverviewDiagramProps) -> Html {
    crate::ui::renders::rendered("overview-diagram");
    let all = parts(&props.facts);
    let roots: Html = all
        .iter()
        .filter(|p| p.parent.is_none())
        .map(|p| nested(p, &all))
        .collect();
    let arrows: Html = connections()
        .into_iter()
        .map(|c| html! { <ConnectionArrow connection={c} /> })
        .collect();
    let view_box = format!(
        "{} {} {} {}",
        short(VIEW_BOX.x),
        short(VIEW_BOX.y),
        short(VIEW_BOX.w),
        short(VIEW_BOX.h)
    );
    html! {
        <svg class="diagram overview" viewBox={view_box} role="group"
             aria-label="AKS architecture: the Internet, the Microsoft-managed control plane and the customer's cluster network"
             data-testid="overview-diagram">
            { roots }
            { arrows }
        </svg>
    }
}

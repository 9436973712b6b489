//! The root component: the widget's frame, its test hooks and the overview diagram.

use yew::prelude::*;

use crate::ui::components::overview_diagram::OverviewDiagram;
use crate::ui::overview::OverviewFacts;

/// What the overview prints, taken from the model's default cluster.
fn overview_facts() -> OverviewFacts {
    OverviewFacts {
        fqdn: "aks-ntwdem-aksntwdemo-16e85b-6t70z79x.hcp.eastus.azmk8s.io".into(),
        api_server_ip: "52.226.4.150".into(),
        vnet_cidr: "10.224.0.0/12".into(),
        node_subnet_cidr: "10.224.0.0/16".into(),
        node_pool: "aks-nodepool1 (VM scale set)".into(),
        egress_ip: "20.246.161.12".into(),
    }
}

/// `data-ready` turns `true` only once the component has mounted in a browser, so a prerendered
/// page (which never runs effects) never claims to be interactive.
#[function_component(App)]
pub fn app() -> Html {
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| ready.set(true));
    }
    html! {
        <div class="aks-netviz" data-testid="aks-netviz" data-ready={ready.to_string()}>
            <header class="widget-header">
                <h2 class="widget-title">{ "How kubectl and the nodes reach the AKS API server" }</h2>
            </header>
            <figure class="overview-figure">
                <OverviewDiagram facts={overview_facts()} />
                <figcaption class="overview-caption">
                    { "The control plane, and with it the API server, lives in the Azure PaaS network and is \
                       managed by Microsoft. The worker nodes live in a virtual network of the customer's \
                       subscription and are managed by the control plane; control plane to kubelet traffic \
                       travels through the konnectivity tunnel that the nodes open." }
                </figcaption>
            </figure>
        </div>
    }
}

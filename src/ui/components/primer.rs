//! The PaaS primer: a small self-contained widget for the article's section 2.1 (illustrations
//! 3, 4 and 5). The reader picks the instance, its exposure and the client; the model
//! (`model::primer`) decides; `ui::primer_layout` lays the answer out as data (checked
//! natively); this file draws it, with the path as a list and the explanation as text.
//!
//! Why its own state: the primer teaches the vocabulary before the main simulator and does not
//! share its settings or its deep link, so a local reducer keeps it independent. It takes the
//! main widget's cluster and laptop address, so its AKS instance is the reader's cluster.

use std::net::Ipv4Addr;
use std::rc::Rc;

use yew::prelude::*;

use crate::model::primer::{
    simulate_primer, PaasAccess, PaasService, PrimerClient, PrimerOutcome, PrimerSettings, VmEgress,
};
use crate::model::{Cluster, EventKind, Hop, Verdict};
use crate::ui::components::radio_group::{Choice, RadioGroup};
use crate::ui::geometry::{arrowhead, Point, Rect};
use crate::ui::primer_layout::{
    primer_layout, PrimerArea, PrimerBox, PrimerBoxView, PrimerHopView, PRIMER_VIEW,
};
use crate::ui::svg_parts::{area, block_mark, f, label, rounded_rect, short, to_html, Element};

/// The step's name in the path list.
fn hop_name(hop: Hop) -> &'static str {
    match hop {
        Hop::Resolver => "Resolver",
        Hop::PublicDns => "Azure public DNS",
        Hop::PrivateZone => "Private DNS zone",
        Hop::Internet => "Internet",
        Hop::Egress => "VM egress",
        Hop::ServiceEndpoint => "Service endpoint",
        Hop::Peering => "VNet peering",
        Hop::NetworkConfig => "Network configuration",
        Hop::AuthorizedRanges => "Accept list (authorized IP ranges)",
        Hop::PublicEndpoint => "Public endpoint",
        Hop::PrivateEndpoint => "Private endpoint NIC",
        Hop::ApiServer => "AKS API server",
        Hop::Paas => "PaaS instance",
        other => crate::model::simulate::hop_words(other),
    }
}

/// Half-width of the cross in the block mark.
const BLOCK_ARM: f32 = 4.5;

/// An element drawn for the eye only: the box or the path list says it in words.
fn hidden(e: Element) -> Html {
    to_html(&e.attr("aria-hidden", "true"))
}

fn area_view(a: &PrimerArea) -> Html {
    let r = a.rect;
    let class = format!("primer-area primer-area-{}", a.id);
    let title = label(
        "primer-area-label",
        &a.label,
        Point::new(r.x + 10.0, r.y + 18.0),
        "start",
    );
    let attrs = [("class", class.as_str()), ("data-area", a.id)];
    hidden(area(&attrs, "primer-area-rect", &r, "10", [title]))
}

fn box_view(b: &PrimerBoxView) -> Html {
    let r = b.rect;
    let name = if b.active {
        format!("{} (connecting): {}", b.label, b.description)
    } else {
        format!("{}: {}", b.label, b.description)
    };
    let centered = b.which != PrimerBox::NetConfig;
    let (x, anchor) = if centered {
        (r.x + r.w / 2.0, "middle")
    } else {
        (r.x + 10.0, "start")
    };
    let line_h = 15.0;
    let first_y = if centered {
        r.y + r.h / 2.0 - (b.lines.len() as f32 * line_h) / 2.0 + 4.0
    } else {
        r.y + 20.0
    };
    let lines: Html = b
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let (class, text) = match line.strip_prefix('!') {
                Some(rest) => ("primer-box-line warning", rest),
                None => ("primer-box-line", line.as_str()),
            };
            // Entries of a list are indented by two spaces in the data, by 12 units here.
            let (indent, text) = match text.strip_prefix("  ") {
                Some(rest) => (12.0, rest),
                None => (0.0, text),
            };
            let at = Point::new(x + indent, first_y + (i as f32 + 1.0) * line_h);
            hidden(label(class, text, at, anchor))
        })
        .collect();
    html! {
        <g class={classes!("primer-box", b.active.then_some("active"))} data-part={b.which.as_str()}
           role="img" aria-label={name}>
            { to_html(&rounded_rect("primer-box-rect", &r, "7")) }
            { hidden(label("primer-box-label", &b.label, Point::new(x, first_y), anchor)) }
            { lines }
        </g>
    }
}

fn hop_view(h: &PrimerHopView) -> Html {
    let blocked = h.verdict == Verdict::Block;
    let badge = h.segments.is_empty();
    // Words as well as colour: the step number, a tick or a cross, and "blocked".
    let word = match (blocked, badge) {
        (true, _) => format!("{} ✕ blocked", h.step),
        (false, true) => format!("{} ✓ admitted", h.step),
        (false, false) => format!("{} ✓", h.step),
    };
    // `dns` and `packet` keep the stylesheet's two line styles; the event kind says more.
    let line = if h.kind == EventKind::DnsQuery {
        "dns"
    } else {
        "packet"
    };
    let classes = classes!("primer-hop", line, h.kind.as_str(), h.verdict.as_str());
    let lines: Html = h
        .segments
        .iter()
        .map(|(a, b)| {
            html! {
                <line class="primer-hop-line" x1={f(a.x)} y1={f(a.y)} x2={f(b.x)} y2={f(b.y)} />
            }
        })
        .collect();
    let head = h.segments.last().map(|(a, b)| {
        html! {
            <polygon class="primer-hop-head" points={arrowhead(*a, *b, 9.0)} />
        }
    });
    let mark = match (blocked, h.segments.last()) {
        (true, Some((_, b))) => to_html(&block_mark(*b, BLOCK_ARM)),
        _ => Html::default(),
    };
    let p = h.label_at;
    let badge_rect = Rect::new(p.x - 60.0, p.y - 14.0, 120.0, 20.0);
    html! {
        <g class={classes} data-hop={h.hop.as_str()} data-verdict={h.verdict.as_str()} aria-hidden="true">
            { lines }
            { head.unwrap_or_default() }
            { mark }
            if badge {
                { to_html(&rounded_rect("primer-badge", &badge_rect, "4")) }
            }
            { to_html(&label("primer-step", &word, p, "middle")) }
        </g>
    }
}

/// The primer's settings changes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum PrimerAction {
    Service(PaasService),
    Access(PaasAccess),
    Client(PrimerClient),
    InternetListed(bool),
    VmListed(bool),
    VnetRule(bool),
    Egress(VmEgress),
    ZoneLink(bool),
}

/// The primer's local state: its settings only (everything else is computed).
#[derive(Clone, Debug, PartialEq, Default)]
struct PrimerState(PrimerSettings);

impl Reducible for PrimerState {
    type Action = PrimerAction;

    fn reduce(self: Rc<Self>, action: PrimerAction) -> Rc<Self> {
        let mut s = self.0;
        match action {
            PrimerAction::Service(v) => s.service = v,
            PrimerAction::Access(v) => s.access = v,
            PrimerAction::Client(v) => s.client = v,
            PrimerAction::InternetListed(v) => s.internet_client_listed = v,
            PrimerAction::VmListed(v) => s.vm_egress_listed = v,
            PrimerAction::VnetRule(v) => s.vnet_rule = v,
            PrimerAction::Egress(v) => s.vm_egress = v,
            PrimerAction::ZoneLink(v) => s.zone_link = v,
        }
        Rc::new(PrimerState(s))
    }
}

/// Props of [`Primer`].
#[derive(Properties, PartialEq)]
pub struct PrimerProps {
    /// Per-instance prefix for the radio groups' `name` attributes.
    pub uid: AttrValue,
    /// The settings it opens with (default: a generic PaaS instance, Internet client listed).
    /// A page can open it on illustration 5 by passing the AKS service.
    #[prop_or_default]
    pub initial: Option<PrimerSettings>,
    /// The main widget's cluster: the AKS instance's names and addresses.
    #[prop_or_default]
    pub cluster: Cluster,
    /// The main widget's laptop address: the Internet client's public IP.
    #[prop_or(Cluster::default().addresses.laptop_ip)]
    pub laptop_ip: Ipv4Addr,
}

fn yes_no(v: bool) -> &'static str {
    if v {
        "yes"
    } else {
        "no"
    }
}

/// The PaaS primer widget: settings, diagram, path, explanation.
#[function_component(Primer)]
pub fn primer(props: &PrimerProps) -> Html {
    let initial = props.initial.unwrap_or_default();
    let state = use_reducer(move || PrimerState(initial));
    let s = state.0;
    let t = simulate_primer(&s, &props.cluster, props.laptop_ip);
    let layout = primer_layout(&t);
    let aks = s.service == PaasService::AksApiServer;
    let uid = &props.uid;
    let on = |make: fn(&'static str) -> Option<PrimerAction>| {
        let state = state.clone();
        Callback::from(move |v: &'static str| {
            if let Some(a) = make(v) {
                state.dispatch(a);
            }
        })
    };
    let on_service = on(|v| PaasService::from_id(v).map(PrimerAction::Service));
    let on_access = on(|v| PaasAccess::from_id(v).map(PrimerAction::Access));
    let on_client = on(|v| PrimerClient::from_id(v).map(PrimerAction::Client));
    let on_egress = on(|v| VmEgress::from_id(v).map(PrimerAction::Egress));
    let on_internet = on(|v| Some(PrimerAction::InternetListed(v == "yes")));
    let on_vm_listed = on(|v| Some(PrimerAction::VmListed(v == "yes")));
    let on_rule = on(|v| Some(PrimerAction::VnetRule(v == "yes")));
    let on_zone_link = on(|v| Some(PrimerAction::ZoneLink(v == "yes")));
    let yes_no_choices = || vec![Choice::new("yes", "Yes"), Choice::new("no", "No")];
    let f = &t.facts;

    let hint_vm_listed = (!f.egress_listable).then(|| {
        AttrValue::from(format!(
            "Default outbound addresses come from a shared regional pool (such as {}): they cannot be listed.",
            f.default_outbound_pool
        ))
    });
    let hint_rule = if aks {
        Some(AttrValue::from(
            "AKS has no VNet rules: this setting is dropped.",
        ))
    } else {
        Some(AttrValue::from(
            "Declares the VM's subnet, whose service endpoint carries its traffic.",
        ))
    };
    let hint_access = (s.access == PaasAccess::PrivateEndpoint).then(|| {
        AttrValue::from(
            "Public access is disabled: the accept list and VNet rules no longer apply.",
        )
    });

    let areas: Html = layout.areas.iter().map(area_view).collect();
    let boxes: Html = layout.boxes.iter().map(box_view).collect();
    let hops: Html = layout.hops.iter().map(hop_view).collect();
    let view_box = format!(
        "{} {} {} {}",
        short(PRIMER_VIEW.x),
        short(PRIMER_VIEW.y),
        short(PRIMER_VIEW.w),
        short(PRIMER_VIEW.h)
    );
    let outcome_word = match t.outcome {
        PrimerOutcome::Reached => "Reached",
        PrimerOutcome::Blocked => "Blocked",
    };
    let diagram_name = format!(
        "Diagram: the {} {} with its network configuration, Azure public DNS{}, the client on the Internet and the client VM in an Azure VNet. {} connects; outcome: {}.",
        f.service_label,
        t.instance_label,
        if s.access == PaasAccess::PrivateEndpoint { ", the private DNS zone and the private endpoint" } else { "" },
        if s.client == PrimerClient::VnetVm { "The VM" } else { "The Internet client" },
        match t.outcome {
            PrimerOutcome::Reached => "reached",
            PrimerOutcome::Blocked => "blocked",
        }
    );
    let path: Html = t
        .steps()
        .map(|h| {
            let word = match h.verdict {
                Verdict::Pass => "pass",
                Verdict::Block => "blocked",
            };
            html! {
                <li class={classes!("primer-path-step", h.verdict.as_str())} data-hop={h.hop.as_str()} data-verdict={h.verdict.as_str()}>
                    <span class="primer-path-head">
                        <strong class="hop-name">{ hop_name(h.hop) }</strong>
                        <span class={classes!("verdict", h.verdict.as_str())}>{ word }</span>
                        <code class="primer-path-label">{ h.label.clone() }</code>
                    </span>
                    <span class="primer-path-reason">{ h.detail.clone() }</span>
                </li>
            }
        })
        .collect();

    html! {
        <section class="primer" data-testid="primer" data-outcome={t.outcome.as_str()}
                 aria-label="Primer: network access to an Azure PaaS instance">
            <h3 class="primer-title">{ "Before AKS: how any Azure PaaS instance is reached" }</h3>
            <p class="primer-lead">
                { "Most Azure PaaS services offer the same three network controls. A public IP accept list admits \
                   clients on the Internet by their address. VNet rules admit VMs by their subnet, through a service \
                   endpoint, with no public IP involved; the instance stays in the Azure public namespace. A private \
                   endpoint takes the instance off the public network: a network interface with a private IP in a VNet, \
                   and a private DNS zone that answers that IP to the VNets linked to it. A VM can also be admitted by \
                   its public IP, but only if it leaves through a known one (a NAT gateway or a firewall): default \
                   outbound access picks an address from a shared regional pool, which cannot be listed. The AKS API \
                   server keeps the accept list and drops VNet rules: a VM gets in only if its public egress IP is listed." }
            </p>
            <div class="primer-body">
                <div class="primer-settings">
                    <RadioGroup legend="Instance" name={format!("{uid}-primer-service")} setting="primer-service"
                        choices={vec![Choice::new(PaasService::GenericPaas.as_str(), "A PaaS instance (illustrations 3 and 4)"),
                                      Choice::new(PaasService::AksApiServer.as_str(), "The AKS API server (illustration 5)")]}
                        selected={s.service.as_str()} on_select={on_service} />
                    <RadioGroup legend="Exposure" name={format!("{uid}-primer-access")} setting="primer-access"
                        choices={vec![Choice::new(PaasAccess::PublicAcceptList.as_str(), "Public endpoint, accept list and VNet rules"),
                                      Choice::new(PaasAccess::PrivateEndpoint.as_str(), "Private endpoint, public access disabled")]}
                        selected={s.access.as_str()} on_select={on_access} hint={hint_access} />
                    <RadioGroup legend="Who connects" name={format!("{uid}-primer-client")} setting="primer-client"
                        choices={vec![Choice::new(PrimerClient::InternetClient.as_str(), format!("Client on the Internet ({})", f.internet_client_ip)),
                                      Choice::new(PrimerClient::VnetVm.as_str(), "VM in an Azure VNet")]}
                        selected={s.client.as_str()} on_select={on_client} />
                    <RadioGroup legend="Internet client's IP in the accept list" name={format!("{uid}-primer-internet-listed")}
                        setting="primer-internet-listed" choices={yes_no_choices()}
                        selected={yes_no(s.internet_client_listed)} on_select={on_internet} />
                    <RadioGroup legend="VM's way to the Internet" name={format!("{uid}-primer-egress")} setting="primer-egress"
                        choices={vec![Choice::new(VmEgress::DefaultOutbound.as_str(), "Default outbound (regional pool)"),
                                      Choice::new(VmEgress::NatGateway.as_str(), "NAT gateway"),
                                      Choice::new(VmEgress::Firewall.as_str(), "Azure Firewall")]}
                        selected={s.vm_egress.as_str()} on_select={on_egress} />
                    <RadioGroup legend="VM's public egress IP in the accept list" name={format!("{uid}-primer-vm-listed")}
                        setting="primer-vm-listed" choices={yes_no_choices()}
                        selected={yes_no(s.vm_egress_listed)} on_select={on_vm_listed} hint={hint_vm_listed} />
                    <RadioGroup legend="VNet rule for the VM's subnet" name={format!("{uid}-primer-vnet-rule")}
                        setting="primer-vnet-rule" choices={yes_no_choices()}
                        selected={yes_no(s.vnet_rule)} on_select={on_rule} hint={hint_rule} />
                    if s.access == PaasAccess::PrivateEndpoint {
                        <RadioGroup legend="Private DNS zone linked to the VM's VNet" name={format!("{uid}-primer-zone-link")}
                            setting="primer-zone-link" choices={yes_no_choices()}
                            selected={yes_no(s.zone_link)} on_select={on_zone_link} />
                    }
                </div>
                <div class="primer-result">
                    <div class="diagram-scroll" tabindex="0" role="region" aria-label="Primer diagram (scrolls sideways on small screens)">
                        <svg class="diagram primer-diagram" viewBox={view_box} role="group" aria-label={diagram_name}>
                            { areas }
                            { boxes }
                            <g class="primer-hops">{ hops }</g>
                        </svg>
                    </div>
                    <p class={classes!("primer-outcome", t.outcome.as_str())} data-outcome={t.outcome.as_str()} aria-live="polite">
                        <strong class="outcome-word">{ outcome_word }</strong>{ ": " }{ t.explanation.clone() }
                    </p>
                    <dl class="facts">
                        <div>
                            <dt>{ "Looks up" }</dt>
                            <dd class="primer-name">{ t.name.clone() }</dd>
                        </div>
                        <div>
                            <dt>{ "DNS answer" }</dt>
                            <dd>{ t.dns_answer_words() }</dd>
                        </div>
                        <div>
                            <dt>{ "Source seen by the instance" }</dt>
                            <dd>{ t.source.map_or_else(|| "none: no connection".to_string(), |src| src.to_string()) }</dd>
                        </div>
                    </dl>
                    <h4 class="panel-title">{ "Path" }</h4>
                    <ol class="primer-path">{ path }</ol>
                    <h4 class="panel-title">{ "What the client sees" }</h4>
                    <pre class="terminal small" tabindex="0" aria-label="What the client sees">{ t.client_sees.clone() }</pre>
                    if !t.notes.is_empty() {
                        <ul class="primer-notes" aria-label="Notes on the settings">
                            { for t.notes.iter().map(|note| html! { <li>{ note.clone() }</li> }) }
                        </ul>
                    }
                </div>
            </div>
        </section>
    }
}

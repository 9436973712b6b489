//! The PaaS primer: a small self-contained widget for the article's section 2.1 (illustrations
//! 3, 4 and 5). The reader picks the instance, its exposure and the client; the model
//! (`model::primer`) decides; this file lays the answer out as data ([`primer_layout`], checked
//! natively) and draws it, with the path as a list and the explanation as text.
//!
//! Why its own state: the primer teaches the vocabulary before the main simulator and does not
//! share its settings or its deep link, so a local reducer keeps it independent.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::primer::{
    simulate_primer, PaasAccess, PaasService, PrimerClient, PrimerHopId, PrimerHopKind,
    PrimerOutcome, PrimerSettings, PrimerTrace, VmEgress,
};
use crate::model::Verdict;
use crate::ui::components::radio_group::{Choice, RadioGroup};
use crate::ui::geometry::{arrowhead, short, tenths, Point, Rect};

/// The primer diagram's SVG user-space size.
pub const PRIMER_VIEW: Rect = Rect::new(0.0, 0.0, 860.0, 470.0);

/// The boxes of the primer diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrimerBox {
    /// The client on the Internet.
    InternetClient,
    /// The Azure public namespace (public DNS).
    PublicDns,
    /// The instance's network configuration (firewall).
    NetConfig,
    /// The PaaS instance / AKS API server.
    Instance,
    /// The VM in the client VNet.
    Vm,
    /// The VM's way out (default outbound, NAT gateway, firewall).
    Egress,
    /// The VNet peering.
    Peering,
    /// The private endpoint NIC.
    PrivateEndpoint,
    /// The private DNS zone.
    PrivateZone,
}

impl PrimerBox {
    /// Stable id for `data-part`.
    pub fn as_str(self) -> &'static str {
        match self {
            PrimerBox::InternetClient => "internet-client",
            PrimerBox::PublicDns => "public-dns",
            PrimerBox::NetConfig => "network-config",
            PrimerBox::Instance => "instance",
            PrimerBox::Vm => "vm",
            PrimerBox::Egress => "egress",
            PrimerBox::Peering => "peering",
            PrimerBox::PrivateEndpoint => "private-endpoint",
            PrimerBox::PrivateZone => "private-zone",
        }
    }
}

/// A network area (Internet, Azure PaaS, a VNet) drawn behind the boxes.
#[derive(Clone, Debug, PartialEq)]
pub struct PrimerArea {
    /// Stable id (`data-area`).
    pub id: &'static str,
    /// Printed label.
    pub label: String,
    /// Where.
    pub rect: Rect,
}

/// One box, with the lines printed in it and what a screen reader hears.
#[derive(Clone, Debug, PartialEq)]
pub struct PrimerBoxView {
    /// Which box.
    pub which: PrimerBox,
    /// Where.
    pub rect: Rect,
    /// Title line.
    pub label: String,
    /// Further lines; a line starting with `!` is a warning (drawn bold, in the block colour).
    pub lines: Vec<String>,
    /// Accessible name.
    pub description: String,
    /// The client that connects.
    pub active: bool,
}

/// One hop of the path, as drawn: segments with an arrowhead on the last, or a badge on a box
/// for a gate (the network configuration).
#[derive(Clone, Debug, PartialEq)]
pub struct PrimerHopView {
    /// 1-based step number, shared with the list under the diagram.
    pub step: usize,
    /// Which hop.
    pub id: PrimerHopId,
    /// Lookup or connection.
    pub kind: PrimerHopKind,
    /// Pass or block.
    pub verdict: Verdict,
    /// Line segments; empty for a gate drawn as a badge.
    pub segments: Vec<(Point, Point)>,
    /// Where the step label (or badge) goes.
    pub label_at: Point,
}

/// Everything the primer diagram draws for one trace.
#[derive(Clone, Debug, PartialEq)]
pub struct PrimerLayout {
    /// Areas, back to front.
    pub areas: Vec<PrimerArea>,
    /// Boxes present for these settings.
    pub boxes: Vec<PrimerBoxView>,
    /// The path's hops.
    pub hops: Vec<PrimerHopView>,
}

impl PrimerLayout {
    /// The box, when present.
    pub fn get(&self, which: PrimerBox) -> Option<&PrimerBoxView> {
        self.boxes.iter().find(|b| b.which == which)
    }
}

/// Cuts a DNS name into lines of at most `width` characters at its dots; a first label longer
/// than the width (a zone GUID) is shortened with an ellipsis (the full name is in the box's
/// accessible name).
fn name_lines(name: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, label) in name.split('.').enumerate() {
        let part = if i == 0 && label.chars().count() > width {
            format!(
                "{}…",
                label
                    .chars()
                    .take(width.saturating_sub(2))
                    .collect::<String>()
            )
        } else {
            label.to_string()
        };
        let piece = if i == 0 { part } else { format!(".{part}") };
        if !current.is_empty() && current.chars().count() + piece.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        current.push_str(&piece);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

fn mid(a: Point, b: Point) -> Point {
    Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0)
}

/// Lays the primer out: fixed positions, boxes present per settings, hops routed between them.
pub fn primer_layout(t: &PrimerTrace) -> PrimerLayout {
    let s = &t.settings;
    let f = &t.facts;
    let private = s.access == PaasAccess::PrivateEndpoint;
    let aks = s.service == PaasService::AksApiServer;
    let vm_active = s.client == PrimerClient::VnetVm;

    let mut areas = vec![
        PrimerArea {
            id: "internet",
            label: "Internet".to_string(),
            rect: Rect::new(8.0, 8.0, 224.0, 210.0),
        },
        PrimerArea {
            id: "paas",
            label: if private {
                "Azure PaaS: disconnected from the public network".to_string()
            } else {
                "Azure PaaS: connected to the Azure public network".to_string()
            },
            rect: Rect::new(248.0, 8.0, 604.0, 210.0),
        },
        PrimerArea {
            id: "client-vnet",
            label: format!("Client VNet {}, subnet {}", f.client_vnet, f.vm_subnet),
            rect: Rect::new(8.0, 234.0, 360.0, 228.0),
        },
    ];
    let pe_area = Rect::new(448.0, 234.0, 236.0, 228.0);
    areas.push(if private {
        PrimerArea {
            id: "pe-vnet",
            label: format!("{} {}", f.pe_vnet_label, f.pe_vnet),
            rect: pe_area,
        }
    } else {
        // Where illustration 4's private endpoint would be, said in words.
        PrimerArea {
            id: "no-pe",
            label: "No private endpoint".to_string(),
            rect: pe_area,
        }
    });

    let r_client = Rect::new(28.0, 70.0, 184.0, 60.0);
    let r_dns = Rect::new(264.0, 36.0, 172.0, 56.0);
    let r_config = Rect::new(452.0, 36.0, 204.0, 172.0);
    let r_instance = Rect::new(700.0, 92.0, 140.0, 112.0);
    let r_vm = Rect::new(24.0, 290.0, 164.0, 60.0);
    let r_egress = Rect::new(200.0, 290.0, 156.0, 60.0);
    let r_peering = Rect::new(372.0, 380.0, 60.0, 44.0);
    let r_pe = Rect::new(476.0, 372.0, 192.0, 60.0);
    let r_zone = Rect::new(700.0, 262.0, 152.0, 128.0);

    let mut config_lines = vec![format!(
        "Public access: {}",
        if t.config.public_access {
            "enabled"
        } else {
            "disabled"
        }
    )];
    config_lines.push("Public IP accept list:".to_string());
    if t.config.accept_list.is_empty() {
        config_lines.push(if aks && !private {
            "  (empty: no filter)".to_string()
        } else {
            "  (empty)".to_string()
        });
    }
    config_lines.extend(t.config.accept_list.iter().map(|e| format!("  {}", e.cidr)));
    if t.config.vnet_rules_supported {
        config_lines.push("VNet rules:".to_string());
        if t.config.vnet_rules.is_empty() {
            config_lines.push("  (none)".to_string());
        }
        config_lines.extend(
            t.config
                .vnet_rules
                .iter()
                .map(|r| format!("  {}", r.split(' ').next().unwrap_or(r))),
        );
    } else {
        config_lines.push("!No VNet rules".to_string());
    }
    let list_words = if t.config.accept_list.is_empty() {
        "an empty accept list".to_string()
    } else {
        format!(
            "accept list {}",
            t.config
                .accept_list
                .iter()
                .map(|e| e.cidr.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let rules_words = if !t.config.vnet_rules_supported {
        "no VNet rules (AKS has none)".to_string()
    } else if t.config.vnet_rules.is_empty() {
        "no VNet rules".to_string()
    } else {
        format!("VNet rules for {}", t.config.vnet_rules.join(", "))
    };

    let bx = |which, rect, label: String, lines: Vec<String>, description: String, active| {
        PrimerBoxView {
            which,
            rect,
            label,
            lines,
            description,
            active,
        }
    };
    let mut boxes = vec![
        bx(
            PrimerBox::InternetClient,
            r_client,
            "Client on Internet".to_string(),
            vec![f.internet_client_ip.to_string()],
            format!("a client on the Internet, public IP {}", f.internet_client_ip),
            !vm_active,
        ),
        bx(
            PrimerBox::PublicDns,
            r_dns,
            "Azure public DNS".to_string(),
            vec!["public namespace".to_string()],
            "the Azure public namespace: public DNS, where the instance's public name lives".to_string(),
            false,
        ),
        bx(
            PrimerBox::NetConfig,
            r_config,
            "Network configuration".to_string(),
            config_lines,
            format!(
                "the instance's network configuration (firewall): public access {}, {list_words}, {rules_words}",
                if t.config.public_access { "enabled" } else { "disabled" }
            ),
            false,
        ),
        bx(
            PrimerBox::Instance,
            r_instance,
            f.service_label.clone(),
            vec![
                t.instance_label.clone(),
                if t.config.public_access { f.public_ip.to_string() } else { "no public access".to_string() },
            ],
            format!(
                "the {} {}, public IP {}{}",
                f.service_label,
                t.instance_label,
                f.public_ip,
                if private { format!(", private IP {} through its private endpoint", f.private_ip) } else { String::new() }
            ),
            false,
        ),
        bx(
            PrimerBox::Vm,
            r_vm,
            "Client on Azure VNet".to_string(),
            if t.config.vnet_rules.is_empty() {
                vec![f.vm_ip.to_string()]
            } else {
                vec![f.vm_ip.to_string(), "service endpoint on".to_string()]
            },
            format!(
                "a virtual machine in the client VNet, private IP {} in subnet {}{}",
                f.vm_ip,
                f.vm_subnet,
                if t.config.vnet_rules.is_empty() { "" } else { ", with a service endpoint" }
            ),
            vm_active,
        ),
        bx(
            PrimerBox::Egress,
            r_egress,
            f.egress_label.clone(),
            vec![if f.egress_listable {
                f.egress_ip.to_string()
            } else {
                format!("pool: {}…", f.egress_ip)
            }],
            if f.egress_listable {
                format!("the VM's egress, {}, with the known public IP {}", f.egress_label, f.egress_ip)
            } else {
                format!(
                    "the VM's egress, default outbound access: an unpredictable address from a shared regional pool such as {}, today {}",
                    f.default_outbound_pool, f.egress_ip
                )
            },
            false,
        ),
    ];
    if private {
        boxes.push(bx(
            PrimerBox::Peering,
            r_peering,
            "Peering".to_string(),
            Vec::new(),
            "the VNet peering between the client VNet and the private endpoint's VNet".to_string(),
            false,
        ));
        boxes.push(bx(
            PrimerBox::PrivateEndpoint,
            r_pe,
            "Private endpoint NIC".to_string(),
            vec![f.private_ip.to_string()],
            format!(
                "the private endpoint's network interface, private IP {}",
                f.private_ip
            ),
            false,
        ));
        let mut zone_lines = name_lines(&f.private_zone, 20);
        zone_lines.push("linked: client VNet".to_string());
        boxes.push(bx(
            PrimerBox::PrivateZone,
            r_zone,
            "Private DNS zone".to_string(),
            zone_lines,
            format!(
                "the private DNS zone {}, where the instance is registered with its private IP {}, linked to the client VNet",
                f.private_zone, f.private_ip
            ),
            false,
        ));
    }

    let client = if vm_active { r_vm } else { r_client };
    let edge = |a: Rect, b: Rect| (a.edge_towards(b.center()), b.edge_towards(a.center()));
    let hops = t
        .hops
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let segments: Vec<(Point, Point)> = match h.id {
                PrimerHopId::PublicDns => vec![edge(client, r_dns)],
                PrimerHopId::PrivateZone => {
                    let x0 = r_vm.x + 30.0;
                    let y = 448.0;
                    let x1 = r_zone.center().x;
                    vec![
                        (Point::new(x0, r_vm.y + r_vm.h), Point::new(x0, y)),
                        (Point::new(x0, y), Point::new(x1, y)),
                        (Point::new(x1, y), Point::new(x1, r_zone.y + r_zone.h)),
                    ]
                }
                PrimerHopId::Internet => vec![edge(r_client, r_config)],
                PrimerHopId::Egress => vec![
                    edge(r_vm, r_egress),
                    (
                        Point::new(r_egress.center().x, r_egress.y),
                        r_config.edge_towards(Point::new(r_egress.center().x, r_egress.y)),
                    ),
                ],
                PrimerHopId::ServiceEndpoint => vec![edge(r_vm, r_config)],
                PrimerHopId::Peering => {
                    let x0 = r_vm.x + 100.0;
                    let y = r_peering.center().y;
                    vec![
                        (Point::new(x0, r_vm.y + r_vm.h), Point::new(x0, y)),
                        (Point::new(x0, y), Point::new(r_peering.x, y)),
                    ]
                }
                PrimerHopId::PrivateEndpoint => vec![edge(r_peering, r_pe)],
                PrimerHopId::NetworkConfig => Vec::new(),
                PrimerHopId::Paas => {
                    if private {
                        // From the NIC's right part up to the instance's bottom, clear of the
                        // VNet's label.
                        vec![(
                            Point::new(r_pe.x + r_pe.w * 0.75, r_pe.y),
                            Point::new(r_instance.center().x, r_instance.y + r_instance.h),
                        )]
                    } else {
                        vec![edge(r_config, r_instance)]
                    }
                }
            };
            let label_at = match segments.last() {
                // A short last segment has no room for its label: put it under the arrow's end.
                Some((a, b))
                    if h.verdict == Verdict::Block && (b.x - a.x).hypot(b.y - a.y) < 110.0 =>
                {
                    Point::new(b.x, b.y + 30.0)
                }
                Some((a, b)) => {
                    let m = mid(*a, *b);
                    Point::new(m.x, m.y - 6.0)
                }
                None => Point::new(r_config.center().x, r_config.y + r_config.h - 10.0),
            };
            PrimerHopView {
                step: i + 1,
                id: h.id,
                kind: h.kind,
                verdict: h.verdict,
                segments,
                label_at,
            }
        })
        .collect();
    PrimerLayout { areas, boxes, hops }
}

/// The hop's name in the path list.
fn hop_name(id: PrimerHopId, aks: bool) -> &'static str {
    match id {
        PrimerHopId::PublicDns => "Azure public DNS",
        PrimerHopId::PrivateZone => "Private DNS zone",
        PrimerHopId::Internet => "Internet",
        PrimerHopId::Egress => "VM egress",
        PrimerHopId::ServiceEndpoint => "Service endpoint",
        PrimerHopId::Peering => "VNet peering",
        PrimerHopId::NetworkConfig => "Network configuration",
        PrimerHopId::PrivateEndpoint => "Private endpoint NIC",
        PrimerHopId::Paas if aks => "AKS API server",
        PrimerHopId::Paas => "PaaS instance",
    }
}

fn n(v: f32) -> String {
    tenths(v)
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
            html! {
                <text class={class} x={n(x + indent)} y={n(first_y + (i as f32 + 1.0) * line_h)} text-anchor={anchor}
                      aria-hidden="true">{ text.to_string() }</text>
            }
        })
        .collect();
    html! {
        <g class={classes!("primer-box", b.active.then_some("active"))} data-part={b.which.as_str()}
           role="img" aria-label={name}>
            <rect class="primer-box-rect" x={n(r.x)} y={n(r.y)} width={n(r.w)} height={n(r.h)} rx="7" />
            <text class="primer-box-label" x={n(x)} y={n(first_y)} text-anchor={anchor} aria-hidden="true">{ b.label.clone() }</text>
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
    let classes = classes!("primer-hop", h.kind.as_str(), h.verdict.as_str());
    let lines: Html = h
        .segments
        .iter()
        .map(|(a, b)| {
            html! {
                <line class="primer-hop-line" x1={n(a.x)} y1={n(a.y)} x2={n(b.x)} y2={n(b.y)} />
            }
        })
        .collect();
    let head = h.segments.last().map(|(a, b)| {
        html! {
            <polygon class="primer-hop-head" points={arrowhead(*a, *b, 9.0)} />
        }
    });
    let mark = match (blocked, h.segments.last()) {
        (true, Some((_, b))) => html! {
            <g class="block-mark">
                <circle cx={n(b.x)} cy={n(b.y)} r="10" />
                <path d={format!("M{} {} L{} {} M{} {} L{} {}", n(b.x - 4.5), n(b.y - 4.5), n(b.x + 4.5), n(b.y + 4.5), n(b.x + 4.5), n(b.y - 4.5), n(b.x - 4.5), n(b.y + 4.5))} />
            </g>
        },
        _ => Html::default(),
    };
    let p = h.label_at;
    html! {
        <g class={classes} data-hop={h.id.as_str()} data-verdict={h.verdict.as_str()} aria-hidden="true">
            { lines }
            { head.unwrap_or_default() }
            { mark }
            if badge {
                <rect class="primer-badge" x={n(p.x - 60.0)} y={n(p.y - 14.0)} width="120" height="20" rx="4" />
            }
            <text class="primer-step" x={n(p.x)} y={n(p.y)} text-anchor="middle">
                { word }
            </text>
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
    let t = simulate_primer(&s);
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

    let areas: Html = layout
        .areas
        .iter()
        .map(|a| {
            let r = a.rect;
            html! {
                <g class={classes!("primer-area", format!("primer-area-{}", a.id))} data-area={a.id} aria-hidden="true">
                    <rect class="primer-area-rect" x={n(r.x)} y={n(r.y)} width={n(r.w)} height={n(r.h)} rx="10" />
                    <text class="primer-area-label" x={n(r.x + 10.0)} y={n(r.y + 18.0)}>{ a.label.clone() }</text>
                </g>
            }
        })
        .collect();
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
        .hops
        .iter()
        .map(|h| {
            let word = match h.verdict {
                Verdict::Pass => "pass",
                Verdict::Block => "blocked",
            };
            html! {
                <li class={classes!("primer-path-step", h.verdict.as_str())} data-hop={h.id.as_str()} data-verdict={h.verdict.as_str()}>
                    <span class="primer-path-head">
                        <strong class="hop-name">{ hop_name(h.id, aks) }</strong>
                        <span class={classes!("verdict", h.verdict.as_str())}>{ word }</span>
                        <code class="primer-path-label">{ h.label.clone() }</code>
                    </span>
                    <span class="primer-path-reason">{ h.reason.clone() }</span>
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
                            <dd>{ t.dns_answer.to_string() }</dd>
                        </div>
                        <div>
                            <dt>{ "Source seen by the instance" }</dt>
                            <dd>{ t.source.clone().unwrap_or_else(|| "none: no connection".to_string()) }</dd>
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

#[cfg(test)]
mod tests {
    use super::*;

    fn all_settings() -> Vec<PrimerSettings> {
        let mut out = Vec::new();
        for service in PaasService::ALL {
            for access in PaasAccess::ALL {
                for client in PrimerClient::ALL {
                    for egress in VmEgress::ALL {
                        for bits in 0..8u8 {
                            out.push(PrimerSettings {
                                service: *service,
                                access: *access,
                                client: *client,
                                vm_egress: *egress,
                                internet_client_listed: bits & 1 != 0,
                                vm_egress_listed: bits & 2 != 0,
                                vnet_rule: bits & 4 != 0,
                            });
                        }
                    }
                }
            }
        }
        out
    }

    #[test]
    fn everything_stays_inside_the_view_and_boxes_inside_their_areas() {
        for s in all_settings() {
            let l = primer_layout(&simulate_primer(&s));
            for a in &l.areas {
                assert!(PRIMER_VIEW.contains(&a.rect), "{}", a.id);
            }
            for b in &l.boxes {
                assert!(PRIMER_VIEW.contains(&b.rect), "{:?}", b.which);
                // Every line fits the box height.
                let needed = 24.0 + (b.lines.len() as f32 + 1.0) * 15.0;
                assert!(
                    needed <= b.rect.h + 16.0,
                    "{:?} has {} lines",
                    b.which,
                    b.lines.len()
                );
            }
            let client_vnet = l
                .areas
                .iter()
                .find(|a| a.id == "client-vnet")
                .expect("client VNet")
                .rect;
            for which in [PrimerBox::Vm, PrimerBox::Egress] {
                assert!(client_vnet.contains(&l.get(which).expect("box").rect));
            }
            if let Some(pe) = l.get(PrimerBox::PrivateEndpoint) {
                let pe_vnet = l
                    .areas
                    .iter()
                    .find(|a| a.id == "pe-vnet")
                    .expect("PE VNet")
                    .rect;
                assert!(pe_vnet.contains(&pe.rect));
            }
            for h in &l.hops {
                for (a, b) in &h.segments {
                    assert!(
                        a.x >= 0.0 && a.y >= 0.0 && b.x <= PRIMER_VIEW.w && b.y <= PRIMER_VIEW.h
                    );
                }
            }
        }
    }

    #[test]
    fn every_hop_is_drawn_and_private_parts_exist_only_with_a_private_endpoint() {
        for s in all_settings() {
            let t = simulate_primer(&s);
            let l = primer_layout(&t);
            assert_eq!(l.hops.len(), t.hops.len());
            for h in &l.hops {
                assert!(
                    !h.segments.is_empty() || h.id == PrimerHopId::NetworkConfig,
                    "{:?}",
                    h.id
                );
            }
            let private = s.access == PaasAccess::PrivateEndpoint;
            assert_eq!(l.get(PrimerBox::PrivateEndpoint).is_some(), private);
            assert_eq!(l.get(PrimerBox::PrivateZone).is_some(), private);
            let active: Vec<_> = l
                .boxes
                .iter()
                .filter(|b| b.active)
                .map(|b| b.which)
                .collect();
            let expected = if s.client == PrimerClient::VnetVm {
                PrimerBox::Vm
            } else {
                PrimerBox::InternetClient
            };
            assert_eq!(active, [expected]);
        }
    }

    #[test]
    fn aks_shows_no_vnet_rules_in_words() {
        let s = PrimerSettings {
            service: PaasService::AksApiServer,
            ..PrimerSettings::default()
        };
        let l = primer_layout(&simulate_primer(&s));
        let config = l.get(PrimerBox::NetConfig).expect("config");
        assert!(config.lines.iter().any(|line| line == "!No VNet rules"));
        assert!(config.description.contains("no VNet rules"));
    }

    #[test]
    fn long_zone_names_are_cut_at_dots() {
        assert_eq!(
            name_lines("privatelink.database.windows.net", 20),
            ["privatelink.database", ".windows.net"]
        );
        let lines = name_lines(
            "3b7ca984-03df-44f2-bfb3-e2234ff2c58f.privatelink.eastus.azmk8s.io",
            20,
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert!(lines[0].ends_with('…'));
    }
}

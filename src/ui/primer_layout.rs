//! The PaaS primer's diagram as data: areas, boxes with their printed lines and accessible
//! names, and the client's steps routed between the boxes. Pure and native, like
//! `ui::network`, so the layout is checked without a browser; `components::primer` only draws
//! it.
//!
//! The steps are the model's events (`model::primer::PrimerTrace::steps`): [`box_for`] puts
//! each event's places on the primer's boxes, so the simulator's AKS events (resolver, egress
//! device, authorized-ranges filter, private endpoint, API server) land on the same boxes as
//! the generic instance's.

use crate::model::primer::{PaasAccess, PaasService, PrimerClient, PrimerTrace};
use crate::model::{EventKind, Hop, Place, Verdict};
use crate::ui::geometry::{Point, Rect};
use crate::ui::svg_parts::{cut_lines, shorten, Cut};

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

/// The primer box a model place is drawn on, when the primer draws it: the AKS public
/// endpoint and its authorized-ranges filter are the instance's network configuration, every
/// egress device is the VM's way out, and the resolvers and the Internet are not drawn.
pub fn box_for(place: Place) -> Option<PrimerBox> {
    Some(match place {
        Place::Laptop => PrimerBox::InternetClient,
        Place::Vm | Place::Peered => PrimerBox::Vm,
        Place::PublicDns => PrimerBox::PublicDns,
        Place::PrivateZone => PrimerBox::PrivateZone,
        Place::PublicEndpoint | Place::NetworkConfig => PrimerBox::NetConfig,
        Place::ApiServer | Place::Paas => PrimerBox::Instance,
        Place::PrivateEndpoint => PrimerBox::PrivateEndpoint,
        Place::Peering => PrimerBox::Peering,
        Place::DefaultOutbound | Place::NatGateway | Place::Firewall | Place::LoadBalancer => {
            PrimerBox::Egress
        }
        _ => return None,
    })
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

/// One step of the path, as drawn: segments with an arrowhead on the last, or a badge on a box
/// for a gate that stays in one box (the generic instance's network configuration).
#[derive(Clone, Debug, PartialEq)]
pub struct PrimerHopView {
    /// 1-based step number, shared with the list under the diagram.
    pub step: usize,
    /// Which hop.
    pub hop: Hop,
    /// Lookup, connection, filter...
    pub kind: EventKind,
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
    /// The path's drawn steps (a step between places the primer does not draw, such as the
    /// resolver, is only listed).
    pub hops: Vec<PrimerHopView>,
}

impl PrimerLayout {
    /// The box, when present.
    pub fn get(&self, which: PrimerBox) -> Option<&PrimerBoxView> {
        self.boxes.iter().find(|b| b.which == which)
    }
}

/// The most characters on a line of the private DNS zone's box.
const ZONE_LINE_CHARS: usize = 20;

/// The zone's name cut before its dots into lines that fit its box; a label too long for any
/// line (a zone GUID) is shortened to one character less, with an ellipsis (the full name is in
/// the box's accessible name).
fn zone_name_lines(name: &str) -> Vec<String> {
    let fits = |l: &str| l.chars().count() <= ZONE_LINE_CHARS;
    cut_lines(name, Cut::Dots, fits)
        .into_iter()
        .map(|l| {
            if fits(&l) {
                l
            } else {
                shorten(&l, ZONE_LINE_CHARS - 1)
            }
        })
        .collect()
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
            label: match f.vm_subnet {
                Some(subnet) => {
                    format!("{} {}, subnet {subnet}", f.client_vnet_label, f.client_vnet)
                }
                None => format!("{} {}", f.client_vnet_label, f.client_vnet),
            },
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
    config_lines.extend(t.config.accept_list.iter().map(|e| format!("  {}", e.net)));
    if t.config.vnet_rules_supported {
        config_lines.push("VNet rules:".to_string());
        if t.config.vnet_rules.is_empty() {
            config_lines.push("  (none)".to_string());
        }
        config_lines.extend(
            t.config
                .vnet_rules
                .iter()
                .map(|r| format!("  {}", r.subnet)),
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
                .map(|e| e.net.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let rules_words = if !t.config.vnet_rules_supported {
        "no VNet rules (AKS has none)".to_string()
    } else if t.config.vnet_rules.is_empty() {
        "no VNet rules".to_string()
    } else {
        let rules: Vec<String> = t
            .config
            .vnet_rules
            .iter()
            .map(|r| {
                if r.service_endpoint {
                    format!("{} (service endpoint on)", r.subnet)
                } else {
                    r.subnet.to_string()
                }
            })
            .collect();
        format!("VNet rules for {}", rules.join(", "))
    };

    let service_endpoint = t.config.vnet_rules.iter().any(|r| r.service_endpoint);
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
            if service_endpoint {
                vec![f.vm_ip.to_string(), "service endpoint on".to_string()]
            } else {
                vec![f.vm_ip.to_string()]
            },
            format!(
                "a virtual machine in the {} {}, private IP {}{}{}",
                f.client_vnet_label.to_lowercase(),
                f.client_vnet,
                f.vm_ip,
                f.vm_subnet.map(|n| format!(" in subnet {n}")).unwrap_or_default(),
                if service_endpoint { ", with a service endpoint" } else { "" }
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
        let mut zone_lines = zone_name_lines(&f.private_zone);
        zone_lines.push(
            if s.zone_link {
                "linked: client VNet"
            } else {
                "!no link: client VNet"
            }
            .to_string(),
        );
        boxes.push(bx(
            PrimerBox::PrivateZone,
            r_zone,
            "Private DNS zone".to_string(),
            zone_lines,
            format!(
                "the private DNS zone {}, where the instance is registered with its private IP {}, {} the client VNet",
                f.private_zone,
                f.private_ip,
                if s.zone_link { "linked to" } else { "not linked to" }
            ),
            false,
        ));
    }

    let rect = |b: PrimerBox| match b {
        PrimerBox::InternetClient => r_client,
        PrimerBox::PublicDns => r_dns,
        PrimerBox::NetConfig => r_config,
        PrimerBox::Instance => r_instance,
        PrimerBox::Vm => r_vm,
        PrimerBox::Egress => r_egress,
        PrimerBox::Peering => r_peering,
        PrimerBox::PrivateEndpoint => r_pe,
        PrimerBox::PrivateZone => r_zone,
    };
    let edge = |a: Rect, b: Rect| (a.edge_towards(b.center()), b.edge_towards(a.center()));
    let route = |from: PrimerBox, to: PrimerBox| -> Vec<(Point, Point)> {
        match (from, to) {
            (PrimerBox::Vm, PrimerBox::PrivateZone) => {
                // Under the VNets, clear of the peering and the private endpoint.
                let x0 = r_vm.x + 30.0;
                let y = 448.0;
                let x1 = r_zone.center().x;
                vec![
                    (Point::new(x0, r_vm.y + r_vm.h), Point::new(x0, y)),
                    (Point::new(x0, y), Point::new(x1, y)),
                    (Point::new(x1, y), Point::new(x1, r_zone.y + r_zone.h)),
                ]
            }
            (PrimerBox::Vm, PrimerBox::Peering) => {
                let x0 = r_vm.x + 100.0;
                let y = r_peering.center().y;
                vec![
                    (Point::new(x0, r_vm.y + r_vm.h), Point::new(x0, y)),
                    (Point::new(x0, y), Point::new(r_peering.x, y)),
                ]
            }
            (PrimerBox::Egress, PrimerBox::NetConfig) => {
                let top = Point::new(r_egress.center().x, r_egress.y);
                vec![(top, r_config.edge_towards(top))]
            }
            // From the NIC's right part up to the instance's bottom, clear of the VNet's label.
            (PrimerBox::PrivateEndpoint, PrimerBox::Instance) => vec![(
                Point::new(r_pe.x + r_pe.w * 0.75, r_pe.y),
                Point::new(r_instance.center().x, r_instance.y + r_instance.h),
            )],
            (a, b) => vec![edge(rect(a), rect(b))],
        }
    };
    // Where the client's packets are: a step from a place the primer does not draw (a
    // resolver, the Internet) leaves from there.
    let mut at = if vm_active {
        PrimerBox::Vm
    } else {
        PrimerBox::InternetClient
    };
    let mut hops = Vec::new();
    for (i, e) in t.steps().enumerate() {
        let from = box_for(e.from).unwrap_or(at);
        // Default outbound access has no device in the simulator: the VM's packets to the
        // Internet leave through the egress box all the same.
        let default_outbound = e.hop == Hop::Internet && from == PrimerBox::Vm;
        let to = box_for(e.to).or(default_outbound.then_some(PrimerBox::Egress));
        let Some(to) = to else {
            at = from;
            continue;
        };
        at = to;
        let segments = if from == to {
            // A gate inside one box: drawn as a badge when it decides something.
            if e.kind != EventKind::Filter && e.verdict == Verdict::Pass {
                continue;
            }
            Vec::new()
        } else {
            route(from, to)
        };
        let label_at = match segments.last() {
            // A short last segment has no room for its label: put it under the arrow's end.
            Some((a, b)) if e.verdict == Verdict::Block && (b.x - a.x).hypot(b.y - a.y) < 110.0 => {
                Point::new(b.x, b.y + 30.0)
            }
            // A step between two neighbouring boxes: its label goes above the gap, off their
            // texts.
            Some((a, b)) if (b.x - a.x).hypot(b.y - a.y) < 40.0 => {
                let m = a.midpoint(*b);
                Point::new(m.x, m.y - 38.0)
            }
            Some((a, b)) => {
                let m = a.midpoint(*b);
                Point::new(m.x, m.y - 6.0)
            }
            None => {
                let r = rect(to);
                Point::new(r.center().x, r.y + r.h - 10.0)
            }
        };
        hops.push(PrimerHopView {
            step: i + 1,
            hop: e.hop,
            kind: e.kind,
            verdict: e.verdict,
            segments,
            label_at,
        });
    }
    PrimerLayout { areas, boxes, hops }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::primer::{all_settings, simulate_primer, PrimerSettings, VmEgress};
    use crate::model::Cluster;

    fn layout(s: &PrimerSettings) -> (PrimerTrace, PrimerLayout) {
        let c = Cluster::default();
        let t = simulate_primer(s, &c, c.addresses.laptop_ip);
        let l = primer_layout(&t);
        (t, l)
    }

    fn drawn(l: &PrimerLayout) -> Vec<(usize, &'static str)> {
        l.hops.iter().map(|h| (h.step, h.hop.as_str())).collect()
    }

    #[test]
    fn everything_stays_inside_the_view_and_boxes_inside_their_areas() {
        for s in all_settings() {
            let (_, l) = layout(&s);
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
            let area = |id: &str| l.areas.iter().find(|a| a.id == id).map(|a| a.rect);
            let client_vnet = area("client-vnet").expect("client VNet");
            for which in [PrimerBox::Vm, PrimerBox::Egress] {
                assert!(client_vnet.contains(&l.get(which).expect("box").rect));
            }
            if let Some(pe) = l.get(PrimerBox::PrivateEndpoint) {
                assert!(area("pe-vnet").expect("PE VNet").contains(&pe.rect));
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
    fn every_block_is_drawn_and_private_parts_exist_only_with_a_private_endpoint() {
        for s in all_settings() {
            let (t, l) = layout(&s);
            let blocked: Vec<usize> = t
                .steps()
                .enumerate()
                .filter(|(_, e)| e.verdict == Verdict::Block)
                .map(|(i, _)| i + 1)
                .collect();
            let drawn_blocks: Vec<usize> = l
                .hops
                .iter()
                .filter(|h| h.verdict == Verdict::Block)
                .map(|h| h.step)
                .collect();
            assert_eq!(drawn_blocks, blocked, "{s:?}");
            for h in &l.hops {
                assert!(
                    !h.segments.is_empty() || h.kind == EventKind::Filter,
                    "{s:?}: only a gate is a badge"
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
    fn the_simulators_aks_events_land_on_the_primers_boxes() {
        let s = PrimerSettings {
            service: PaasService::AksApiServer,
            client: PrimerClient::VnetVm,
            vm_egress: VmEgress::NatGateway,
            vm_egress_listed: true,
            ..PrimerSettings::default()
        };
        let (_, l) = layout(&s);
        // 1 resolver and 4 Internet are not drawn; 6, the public endpoint accepting after its
        // filter passed, stays in the network configuration box.
        assert_eq!(
            drawn(&l),
            [
                (2, "public-dns"),
                (3, "egress"),
                (5, "authorized-ranges"),
                (7, "apiserver")
            ]
        );
        // The filter's arrow leaves the egress box's top middle for the configuration box's
        // left side.
        // The VM → NAT gateway step is 12 units long: its label sits above the gap.
        let p = l.hops[1].label_at;
        assert_eq!((p.x, p.y), (194.0, 282.0));
        let (a, b) = l.hops[2].segments[0];
        assert_eq!((a.x, a.y), (278.0, 290.0));
        assert_eq!(b.x, 452.0);
        assert_eq!(box_for(Place::PublicEndpoint), Some(PrimerBox::NetConfig));
        assert_eq!(box_for(Place::Peered), Some(PrimerBox::Vm));
        assert_eq!(box_for(Place::AzureDns), None);
    }

    #[test]
    fn the_aks_vm_on_default_outbound_leaves_through_the_egress_box() {
        let (_, l) = layout(&PrimerSettings {
            service: PaasService::AksApiServer,
            client: PrimerClient::VnetVm,
            ..PrimerSettings::default()
        });
        assert_eq!(
            drawn(&l),
            [(2, "public-dns"), (3, "internet"), (4, "authorized-ranges")]
        );
        let (a, _) = l.hops[2].segments[0];
        assert_eq!((a.x, a.y), (278.0, 290.0), "from the egress box's top");
        assert_eq!(l.hops[2].verdict, Verdict::Block);
    }

    #[test]
    fn the_generic_gate_is_a_badge_on_the_network_configuration() {
        let (_, l) = layout(&PrimerSettings::default());
        assert_eq!(
            drawn(&l),
            [
                (1, "public-dns"),
                (2, "internet"),
                (3, "network-config"),
                (4, "paas")
            ]
        );
        let gate = &l.hops[2];
        assert!(gate.segments.is_empty());
        assert_eq!((gate.label_at.x, gate.label_at.y), (554.0, 198.0));
    }

    #[test]
    fn aks_shows_no_vnet_rules_in_words() {
        let (_, l) = layout(&PrimerSettings {
            service: PaasService::AksApiServer,
            ..PrimerSettings::default()
        });
        let config = l.get(PrimerBox::NetConfig).expect("config");
        assert!(config.lines.iter().any(|line| line == "!No VNet rules"));
        assert!(config.lines.iter().any(|line| line == "  81.56.12.7/32"));
        assert!(config.description.contains("no VNet rules"));
    }

    #[test]
    fn the_vnet_rule_and_the_zone_link_are_printed_from_the_model() {
        let (_, l) = layout(&PrimerSettings {
            client: PrimerClient::VnetVm,
            vnet_rule: true,
            ..PrimerSettings::default()
        });
        let vm = l.get(PrimerBox::Vm).expect("vm");
        assert_eq!(vm.lines, ["10.2.1.4", "service endpoint on"]);
        let config = l.get(PrimerBox::NetConfig).expect("config");
        assert!(config.lines.iter().any(|line| line == "  10.2.1.0/24"));
        assert!(config
            .description
            .contains("VNet rules for 10.2.1.0/24 (service endpoint on)"));

        let (_, l) = layout(&PrimerSettings {
            access: PaasAccess::PrivateEndpoint,
            client: PrimerClient::VnetVm,
            zone_link: false,
            ..PrimerSettings::default()
        });
        let zone = l.get(PrimerBox::PrivateZone).expect("zone");
        assert_eq!(
            zone.lines.last().map(String::as_str),
            Some("!no link: client VNet")
        );
    }

    #[test]
    fn long_zone_names_are_cut_at_dots() {
        assert_eq!(
            zone_name_lines("privatelink.database.windows.net"),
            ["privatelink.database", ".windows.net"]
        );
        let lines =
            zone_name_lines("3b7ca984-03df-44f2-bfb3-e2234ff2c58f.privatelink.eastus.azmk8s.io");
        assert_eq!(
            lines,
            ["3b7ca984-03df-44f2…", ".privatelink.eastus", ".azmk8s.io"]
        );
    }
}

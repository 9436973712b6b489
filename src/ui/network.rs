//! The network diagram as data: which areas and places exist for a scenario, where they sit for
//! the width the diagram has, and every text they print. The component in
//! `components::network_diagram` only draws this (with the routes of `diagram::scene`), so layout,
//! visibility and legibility are checked natively.
//!
//! Three layouts share one tree of areas and places: `Wide` (three columns, containers of
//! 1000 px and more), `Column` (two columns, 600–999 px: blog columns and iframes) and `Stacked`
//! (one column, phones). Each is drawn at its own user-space width, so the diagram is scaled
//! between 1 and 1.67 times in its range and a 12-unit text never renders below 12 px. Box sizes
//! follow their wrapped text, so nothing overflows, and every gap between boxes leaves a lane for
//! the router.

use crate::model::{Egress, Names, Place, Scenario};
use crate::ui::diagram::metrics::{self, LINE};
use crate::ui::geometry::Rect;

/// Box titles, area titles and event labels (bold).
pub const TITLE_SIZE: f32 = 13.0;
/// Values inside boxes, legend entries.
pub const TEXT_SIZE: f32 = 12.0;
/// Space between boxes, and between a box and its area's border: room for two lanes.
pub const GAP: f32 = 26.0;
/// Inner padding of a box around its text.
const PAD: f32 = 8.0;
/// Space between an area's border and the boxes inside it.
const AREA_PAD: f32 = 16.0;

/// Which arrangement the diagram uses; picked from the width it is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LayoutKind {
    /// Three columns: containers 1000 px wide and more.
    Wide,
    /// Two columns: 600–999 px (blog columns, iframes).
    Column,
    /// One column: phones.
    Stacked,
}

impl LayoutKind {
    pub const ALL: [LayoutKind; 3] = [LayoutKind::Wide, LayoutKind::Column, LayoutKind::Stacked];

    /// The layout for a container `px` CSS pixels wide.
    pub fn for_width(px: f32) -> LayoutKind {
        if px >= 1000.0 {
            LayoutKind::Wide
        } else if px >= 600.0 {
            LayoutKind::Column
        } else {
            LayoutKind::Stacked
        }
    }

    /// The user-space width of the drawing.
    pub fn view_width(self) -> f32 {
        match self {
            LayoutKind::Wide => 1000.0,
            LayoutKind::Column => 600.0,
            LayoutKind::Stacked => 320.0,
        }
    }

    /// The narrowest container the layout is used for: its scale is at least this / width.
    pub fn min_px(self) -> f32 {
        match self {
            LayoutKind::Wide => 1000.0,
            LayoutKind::Column => 600.0,
            LayoutKind::Stacked => 320.0,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            LayoutKind::Wide => "wide",
            LayoutKind::Column => "column",
            LayoutKind::Stacked => "stacked",
        }
    }
}

/// One line of text, anchored at its baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub bold: bool,
    /// Centred on `x` (else starts at `x`).
    pub centred: bool,
    /// CSS class.
    pub class: &'static str,
}

impl TextLine {
    /// The box the glyphs occupy (an upper bound for the stylesheet's fonts).
    pub fn rect(&self) -> Rect {
        let w = metrics::text_width(&self.text, self.size, self.bold);
        let x = if self.centred {
            self.x - w / 2.0
        } else {
            self.x
        };
        Rect::new(x, self.y - 0.95 * self.size, w, 1.25 * self.size)
    }
}

/// An area: a network, a site, a platform band.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    pub id: &'static str,
    pub rect: Rect,
    /// The title, wrapped to the area's width.
    pub title: Vec<TextLine>,
    /// False when the scenario has no such area (the delegated subnet without VNet integration).
    pub present: bool,
    /// Subnets are drawn dashed.
    pub nested: bool,
}

/// A place of the model (client, resolver, endpoint...) with its box and printed values.
#[derive(Clone, Debug, PartialEq)]
pub struct Spot {
    pub place: Place,
    pub label: &'static str,
    /// What a screen reader hears: what the place is, in this scenario (and any text cut short).
    pub description: String,
    pub rect: Rect,
    /// The label and values, wrapped to the box.
    pub lines: Vec<TextLine>,
    pub present: bool,
    /// The client running kubectl in this scenario.
    pub active: bool,
}

/// A private DNS zone's virtual network link: from the zone to the linked network's border.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneLink {
    pub to_area: &'static str,
    /// A small target on the linked area's border.
    pub target: Rect,
}

/// Everything the diagram shows for one scenario at one width, before routing.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkLayout {
    pub kind: LayoutKind,
    /// The user-space canvas (origin 0, 0).
    pub canvas: Rect,
    pub areas: Vec<Area>,
    pub spots: Vec<Spot>,
    pub zone_links: Vec<ZoneLink>,
    /// Where the routed picture ends and the caption and legend begin.
    pub bottom: f32,
}

impl NetworkLayout {
    pub fn spot(&self, place: Place) -> Option<&Spot> {
        self.spots.iter().find(|s| s.place == place)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }
}

/// What a spot prints and how it reads, before it has a position.
struct SpotText {
    place: Place,
    label: &'static str,
    sub: Vec<String>,
    /// What the place is; the accessible name adds the values it prints, uncut.
    description: &'static str,
    present: bool,
    active: bool,
}

/// The tree the three layouts arrange, as static data: titles and presence come from the
/// scenario ([`area_title`], [`area_present`]).
enum Block {
    /// An area; `wide` says whether its children go two to a row in the wide layout.
    Area {
        id: &'static str,
        wide: bool,
        nested: bool,
        children: &'static [Block],
    },
    /// Children side by side (two to a row in the wide layout), without a border of their own.
    Group(&'static [Block]),
    /// One box, or several places sharing one box where at most one is present.
    Slot(&'static [Place]),
}

const fn area(id: &'static str, wide: bool, children: &'static [Block]) -> Block {
    Block::Area {
        id,
        wide,
        nested: false,
        children,
    }
}

const fn subnet(id: &'static str, wide: bool, children: &'static [Block]) -> Block {
    Block::Area {
        id,
        wide,
        nested: true,
        children,
    }
}

/// The areas in `layout`'s order (its rows index into it): internet, on-prem, Azure DNS, hub,
/// managed, cluster VNet.
const TREE: [Block; 6] = [
    area(
        "internet",
        false,
        &[
            Block::Slot(&[Place::Laptop]),
            Block::Slot(&[Place::RunCommand]),
            Block::Slot(&[Place::PublicResolver]),
            Block::Slot(&[Place::Internet]),
        ],
    ),
    area(
        "onprem",
        false,
        &[
            Block::Slot(&[Place::OnPrem]),
            Block::Slot(&[Place::OnPremDns]),
        ],
    ),
    area(
        "azure-dns",
        false,
        &[
            Block::Slot(&[Place::PublicDns]),
            Block::Slot(&[Place::AzureDns]),
            Block::Slot(&[Place::PrivateZone]),
        ],
    ),
    area(
        "hub",
        false,
        &[
            Block::Slot(&[Place::VpnGateway]),
            Block::Slot(&[Place::PrivateResolver]),
            Block::Slot(&[Place::Firewall]),
            Block::Slot(&[Place::Peered]),
        ],
    ),
    area(
        "managed",
        true,
        &[
            Block::Slot(&[Place::Arm]),
            Block::Slot(&[Place::PublicEndpoint]),
            Block::Slot(&[Place::ApiServer]),
        ],
    ),
    area(
        "cluster-vnet",
        false,
        &[
            subnet(
                "node-subnet",
                true,
                &[
                    Block::Slot(&[Place::Node]),
                    Block::Slot(&[Place::PrivateEndpoint]),
                    Block::Slot(&[Place::LoadBalancer, Place::NatGateway]),
                ],
            ),
            Block::Group(&[
                subnet("apiserver-subnet", false, &[Block::Slot(&[Place::Ilb])]),
                subnet("vm-subnet", false, &[Block::Slot(&[Place::Vm])]),
            ]),
        ],
    ),
];

/// An area's title, with its address space where it has one.
fn area_title(s: &Scenario, id: &str) -> String {
    let a = &s.cluster.addresses;
    let (name, net) = match id {
        "onprem" => ("On-premises site", Some(a.onprem_network)),
        "azure-dns" => ("Azure DNS", None),
        "hub" => ("Hub VNet", Some(a.hub_vnet)),
        "managed" => ("Microsoft-managed", None),
        "cluster-vnet" => ("Cluster VNet", Some(a.vnet)),
        "node-subnet" => ("Node subnet", Some(a.node_subnet)),
        "apiserver-subnet" => return format!("API server subnet {} delegated", a.apiserver_subnet),
        "vm-subnet" => ("VM subnet", Some(a.vm_subnet)),
        _ => ("Internet", None),
    };
    match net {
        Some(n) => format!("{name} {n}"),
        None => name.to_string(),
    }
}

/// Whether an area exists in the scenario (the delegated subnet only with VNet integration).
fn area_present(s: &Scenario, id: &str) -> bool {
    id != "apiserver-subnet" || s.vnet_integration()
}

/// Every place the diagram can show: its label and what it is (the accessible name adds the
/// values it prints, uncut).
const PLACES: [(Place, &str, &str); 22] = [
    (Place::Laptop, "Admin laptop", "an admin laptop on the Internet, public IP"),
    (Place::RunCommand, "az CLI", "the az CLI running az aks command invoke through Azure Resource Manager"),
    (Place::PublicResolver, "Public resolver", "the laptop's recursive DNS resolver on the Internet"),
    (Place::Internet, "Internet", "the public Internet: routes public addresses only"),
    (Place::OnPrem, "Workstation", "a workstation on-premises, connected to the hub by VPN"),
    (Place::OnPremDns, "On-prem DNS", "the on-premises DNS server (a conditional forwarder sends the private zone to the hub's DNS Private Resolver, when set)"),
    (Place::PublicDns, "Azure public DNS", "Azure public DNS, where the cluster's public FQDN lives"),
    (Place::AzureDns, "Azure DNS", "Azure-provided DNS, reachable only from inside Azure virtual networks"),
    (Place::PrivateZone, "Private DNS zone", "the private DNS zone, answering only for the virtual networks linked to it"),
    (Place::VpnGateway, "VPN gateway", "the hub's VPN gateway, connecting the on-premises site"),
    (Place::PrivateResolver, "DNS Private Resolver", "the DNS Private Resolver in the hub"),
    (Place::Firewall, "Azure Firewall", "the Azure Firewall in the hub: the cluster's subnets route 0.0.0.0/0 to it, it also serves the hub VM, and it translates them to its public IP"),
    (Place::Peered, "VM in hub", "a virtual machine in the hub VNet, private IP"),
    (Place::Arm, "Resource Manager", "Azure Resource Manager, which runs az aks command invoke inside the cluster"),
    (Place::PublicEndpoint, "Public endpoint", "the API server's public endpoint"),
    (Place::ApiServer, "API server", "the Kubernetes API server, run by Microsoft"),
    (Place::Node, "Node", "the cluster node, running kubelet and the konnectivity agent, private IP"),
    (Place::PrivateEndpoint, "Private endpoint", "the API server's private endpoint NIC in the node subnet"),
    (Place::LoadBalancer, "Load balancer", "the cluster load balancer's outbound rule, whose IP AKS authorizes by itself"),
    (Place::NatGateway, "NAT gateway", "the NAT gateway on the cluster's subnets (managedNATGateway); it never serves the peered hub"),
    (Place::Ilb, "ILB", "the API server's internal load balancer in the delegated subnet"),
    (Place::Vm, "VM", "a virtual machine in the cluster VNet, private IP"),
];

/// The values a place prints under its label, for the scenario.
fn values(s: &Scenario, names: &Names, place: Place) -> Vec<String> {
    let a = &s.cluster.addresses;
    // Addresses print through the model's stack-buffer formatter, already in the page.
    let ip = |lead: &str, v| vec![format!("{lead}{v}")];
    let one = |v: &str| vec![v.to_string()];
    match place {
        Place::Laptop => ip("", s.laptop_ip),
        Place::RunCommand => one("command invoke"),
        Place::PublicResolver => one("ISP DNS"),
        Place::Internet => one("public routing"),
        Place::OnPrem => one("on-premises"),
        Place::OnPremDns => one(if s.forwarder {
            "forwards the zone"
        } else {
            "no forwarder"
        }),
        Place::PublicDns => one("azmk8s.io"),
        Place::AzureDns => ip("", a.azure_dns_ip),
        Place::PrivateZone => {
            let zone = names.private_zone.as_deref().unwrap_or_default();
            // A system zone's GUID label is long: it gets a line of its own.
            let mut out = match zone.split_once('.') {
                Some((guid, rest)) if guid.len() > 20 => vec![format!("{guid}."), rest.to_string()],
                _ => one(zone),
            };
            out.push(
                if s.zone_link {
                    "linked: cluster VNet, hub"
                } else {
                    "linked: cluster VNet"
                }
                .into(),
            );
            out
        }
        Place::VpnGateway => one("site-to-site"),
        Place::PrivateResolver => ip("inbound ", a.private_resolver_ip),
        Place::Firewall => ip("egress ", a.firewall_egress_ip),
        Place::Peered => ip("", a.hub_vm_ip),
        Place::Arm => one("management API"),
        Place::PublicEndpoint => {
            let mut out = ip("", a.api_public_ip);
            if s.filter_active() {
                out.push("authorized ranges filter".into());
            }
            out
        }
        Place::ApiServer => one("control plane"),
        Place::Node => ip("", a.node_ip),
        Place::PrivateEndpoint => ip("", a.private_endpoint_ip),
        Place::LoadBalancer => ip("outbound ", a.lb_egress_ip),
        Place::NatGateway => ip("egress ", a.natgw_egress_ip),
        Place::Ilb => ip("", a.ilb_ip),
        Place::Vm => ip("", a.vm_ip),
        _ => Vec::new(),
    }
}

/// Whether a place exists in the scenario.
fn exists(s: &Scenario, names: &Names, place: Place) -> bool {
    match place {
        Place::PrivateZone => names.private_zone.is_some(),
        Place::Firewall => s.egress == Egress::Firewall,
        Place::LoadBalancer => s.egress == Egress::Lb,
        Place::NatGateway => s.egress == Egress::NatGw,
        Place::PublicEndpoint => !s.is_private(),
        Place::PrivateEndpoint => s.is_private() && !s.vnet_integration(),
        Place::Ilb => s.vnet_integration(),
        _ => true,
    }
}

/// The texts of every place, for the scenario.
fn spot_texts(s: &Scenario) -> Vec<SpotText> {
    let names = Names::for_scenario(s);
    let client = Place::from(s.client);
    PLACES
        .iter()
        .map(|&(place, label, description)| SpotText {
            place,
            label,
            sub: values(s, &names, place),
            description,
            present: exists(s, &names, place),
            active: place == client,
        })
        .collect()
}

/// Lays blocks out: widths flow down, heights come back up.
struct Packer<'a> {
    scenario: &'a Scenario,
    /// Children two to a row where the block asks for it.
    wide: bool,
    texts: &'a [SpotText],
    areas: Vec<Area>,
    spots: Vec<Spot>,
}

/// A box's lines, centred on `cx` from `top` down: bold ones are labels, the rest values.
fn text_lines(lines: &[(String, f32, bool)], cx: f32, top: f32) -> Vec<TextLine> {
    let mut y = top;
    lines
        .iter()
        .map(|(text, size, bold)| {
            y += size * LINE;
            TextLine {
                text: text.clone(),
                x: cx,
                y: y - 0.3 * size,
                size: *size,
                bold: *bold,
                centred: true,
                class: if *bold { "spot-label" } else { "spot-sub" },
            }
        })
        .collect()
}

impl Packer<'_> {
    /// Height of `b` at width `w`, placing it at `(x, y)`.
    fn place(&mut self, b: &Block, x: f32, y: f32, w: f32) -> f32 {
        match b {
            Block::Slot(places) => {
                // Places sharing a slot get one box each at the same spot; the row stretches
                // them to one height (see `grid`).
                let inner = w - 2.0 * PAD;
                let mut h: f32 = 0.0;
                for t in self.texts.iter().filter(|t| places.contains(&t.place)) {
                    let mut lines: Vec<(String, f32, bool)> = Vec::new();
                    for l in metrics::wrap(t.label, TITLE_SIZE, true, inner) {
                        lines.push((l, TITLE_SIZE, true));
                    }
                    for sub in &t.sub {
                        for l in metrics::wrap(sub, TEXT_SIZE, false, inner) {
                            lines.push((l, TEXT_SIZE, false));
                        }
                    }
                    let text_h: f32 = lines.iter().map(|l| l.1 * LINE).sum();
                    let own = text_h + 2.0 * PAD;
                    h = h.max(own);
                    self.spots.push(Spot {
                        place: t.place,
                        label: t.label,
                        description: format!("{} {}", t.description, t.sub.join(", ")),
                        rect: Rect::new(x, y, w, own),
                        lines: text_lines(&lines, x + w / 2.0, y + PAD),
                        present: t.present,
                        active: t.active,
                    });
                }
                h
            }
            Block::Group(children) => {
                let per_row = if self.wide { 2 } else { 1 };
                self.grid(children, per_row, x, y, w)
            }
            Block::Area {
                id,
                wide,
                nested,
                children,
            } => {
                let per_row = if *wide && self.wide { 2 } else { 1 };
                let title = area_title(self.scenario, id);
                let present = area_present(self.scenario, id);
                let pad = AREA_PAD;
                let title_lines = metrics::wrap(&title, TITLE_SIZE, true, w - 2.0 * 10.0);
                let title_h = title_lines.len() as f32 * TITLE_SIZE * LINE + 6.0;
                let title = title_lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, text)| TextLine {
                        text,
                        x: x + 10.0,
                        y: y + 4.0 + (i as f32 + 1.0) * TITLE_SIZE * LINE - 0.3 * TITLE_SIZE,
                        size: TITLE_SIZE,
                        bold: true,
                        centred: false,
                        class: "area-label",
                    })
                    .collect();
                let index = self.areas.len();
                self.areas.push(Area {
                    id,
                    rect: Rect::new(x, y, w, 0.0),
                    title,
                    present,
                    nested: *nested,
                });
                let inner = self.grid(children, per_row, x + pad, y + title_h + 4.0, w - 2.0 * pad);
                let h = title_h + 4.0 + inner + pad;
                self.areas[index].rect.h = h;
                h
            }
        }
    }

    /// Children `per_row` to a row, each row as tall as its tallest child (which all stretch to).
    fn grid(&mut self, children: &[Block], per_row: usize, x: f32, y: f32, w: f32) -> f32 {
        let per_row = per_row.max(1);
        let cw = (w - GAP * (per_row as f32 - 1.0)) / per_row as f32;
        let mut top = y;
        for row in children.chunks(per_row) {
            let (spots, areas) = (self.spots.len(), self.areas.len());
            let h = row
                .iter()
                .enumerate()
                .map(|(i, b)| self.place(b, x + i as f32 * (cw + GAP), top, cw))
                .fold(0.0, f32::max);
            // Stretch the row's boxes and areas to the row's height, keeping their text centred.
            for s in &mut self.spots[spots..] {
                if (s.rect.y - top).abs() < 0.5 && s.rect.h < h {
                    let dy = (h - s.rect.h) / 2.0;
                    s.rect.h = h;
                    s.lines.iter_mut().for_each(|l| l.y += dy);
                }
            }
            for a in &mut self.areas[areas..] {
                if (a.rect.y - top).abs() < 0.5 {
                    a.rect.h = a.rect.h.max(h);
                }
            }
            top += h + GAP;
        }
        (top - GAP - y).max(0.0)
    }
}

/// A column of the layout: x and width.
type Column = (f32, f32);
/// A row of the layout: (index into [`TREE`], column) for each area in it.
type Row = &'static [(usize, usize)];

/// The layout for a scenario at a width class.
pub fn layout(s: &Scenario, kind: LayoutKind) -> NetworkLayout {
    let texts = spot_texts(s);
    let blocks = &TREE;
    let mut p = Packer {
        scenario: s,
        wide: kind == LayoutKind::Wide,
        texts: &texts,
        areas: Vec::new(),
        spots: Vec::new(),
    };
    let w = kind.view_width();
    // Lanes for the router run in the margins and between the columns; the peering box sits in
    // the gutter right of the hub (below it when stacked). Columns are (x, width); rows list
    // (block, column), blocks in `tree`'s order: internet, on-prem, Azure DNS, hub, managed,
    // cluster VNet.
    let margin = 28.0;
    let peering_w = 72.0;
    let gutter = peering_w + 2.0 * GAP;
    let (cols, rows): ([Column; 3], &[Row]) = match kind {
        LayoutKind::Wide => (
            [
                (margin, 200.0),
                (272.0, 240.0),
                (512.0 + gutter, w - margin - 512.0 - gutter),
            ],
            &[&[(0, 0), (2, 1), (4, 2)], &[(1, 0), (3, 1), (5, 2)]],
        ),
        LayoutKind::Column => (
            [
                (margin, 210.0),
                (margin + 210.0 + gutter, 210.0),
                (0.0, 0.0),
            ],
            &[&[(0, 0), (4, 1)], &[(1, 0), (2, 1)], &[(3, 0), (5, 1)]],
        ),
        LayoutKind::Stacked => (
            [(margin, w - 2.0 * margin), (0.0, 0.0), (0.0, 0.0)],
            &[
                &[(0, 0)],
                &[(1, 0)],
                &[(3, 0)],
                &[(5, 0)],
                &[(2, 0)],
                &[(4, 0)],
            ],
        ),
    };
    let mut top = margin;
    let mut peering_at = (0.0, 0.0);
    for row in rows {
        let areas = p.areas.len();
        let h = row
            .iter()
            .map(|&(b, c)| p.place(&blocks[b], cols[c].0, top, cols[c].1))
            .fold(0.0, f32::max);
        for a in &mut p.areas[areas..] {
            if (a.rect.y - top).abs() < 0.5 {
                a.rect.h = h;
            }
        }
        if let Some(hub) = p.areas[areas..].iter().find(|a| a.id == "hub") {
            if kind == LayoutKind::Stacked {
                peering_at = (w / 2.0 - peering_w / 2.0, top + h + GAP + 20.0);
                top += 40.0 + GAP;
            } else {
                peering_at = (hub.rect.right() + GAP, top + h / 2.0);
            }
        }
        top += h + GAP;
    }
    let bottom = top;
    let mut spots = p.spots;
    // The peering box: one line, in its gutter.
    let label_w = metrics::text_width("Peering", TITLE_SIZE, true) + 2.0 * PAD;
    let pw = label_w.max(peering_w - 8.0);
    let peer_rect = Rect::new(
        peering_at.0 + (peering_w - pw) / 2.0,
        peering_at.1 - 20.0,
        pw,
        40.0,
    );
    spots.push(Spot {
        place: Place::Peering,
        label: "Peering",
        description: "the VNet peering between the hub and the cluster VNet".into(),
        rect: peer_rect,
        lines: text_lines(
            &[("Peering".to_string(), TITLE_SIZE, true)],
            peer_rect.center().x,
            peer_rect.y + (40.0 - TITLE_SIZE * LINE) / 2.0,
        ),
        present: true,
        active: false,
    });
    let areas = p.areas;
    let has_zone = spots
        .iter()
        .any(|s| s.place == Place::PrivateZone && s.present);
    let mut zone_links = Vec::new();
    if has_zone {
        for (id, on) in [("cluster-vnet", true), ("hub", s.zone_link)] {
            if let (true, Some(a)) = (on, areas.iter().find(|a| a.id == id)) {
                // A small mark on the area's top border, right of its title.
                let title_end = a
                    .title
                    .iter()
                    .map(|t| t.rect().right())
                    .fold(a.rect.x, f32::max);
                let x = (title_end + 16.0).min(a.rect.right() - 40.0);
                zone_links.push(ZoneLink {
                    to_area: id,
                    target: Rect::new(x, a.rect.y - 4.0, 24.0, 8.0),
                });
            }
        }
    }
    NetworkLayout {
        kind,
        canvas: Rect::new(0.0, 0.0, w, bottom),
        areas,
        spots,
        zone_links,
        bottom,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{simulate, ClientKind, DnsZone, Mode};

    fn scenario(mode: Mode) -> Scenario {
        Scenario {
            mode,
            ..Scenario::default()
        }
    }

    #[test]
    fn every_place_and_area_stays_inside_the_canvas_and_nests() {
        for kind in LayoutKind::ALL {
            let l = layout(&scenario(Mode::Vnet), kind);
            for s in &l.spots {
                assert!(l.canvas.contains(&s.rect), "{kind:?}: {:?} leaves", s.place);
            }
            for a in &l.areas {
                assert!(l.canvas.contains(&a.rect), "{kind:?}: {} leaves", a.id);
            }
            let vnet = l.area("cluster-vnet").unwrap().rect;
            for p in [Place::Node, Place::Ilb, Place::Vm, Place::NatGateway] {
                assert!(vnet.contains(&l.spot(p).unwrap().rect), "{kind:?}: {p:?}");
            }
        }
    }

    #[test]
    fn every_event_of_every_client_lands_on_a_present_spot() {
        for mode in Mode::ALL {
            for dns in DnsZone::ALL {
                for client in ClientKind::ALL {
                    let s = Scenario {
                        mode: *mode,
                        client: *client,
                        dns: matches!(mode, Mode::Private).then_some(*dns),
                        ..Scenario::default()
                    };
                    let l = layout(&s, LayoutKind::Wide);
                    for e in simulate(&s).events {
                        for p in [e.from, e.to] {
                            let spot = l.spot(p).unwrap_or_else(|| panic!("{p:?} has no spot"));
                            assert!(spot.present, "{p:?} hidden in {mode:?}/{dns:?}/{client:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn what_exists_follows_the_mode() {
        let present = |m, p| {
            layout(&scenario(m), LayoutKind::Wide)
                .spot(p)
                .is_some_and(|s| s.present)
        };
        assert!(!present(Mode::Public, Place::PrivateZone));
        assert!(!present(Mode::Public, Place::Ilb));
        assert!(present(Mode::Public, Place::PublicEndpoint));
        assert!(present(Mode::Private, Place::PrivateZone));
        assert!(present(Mode::Private, Place::PrivateEndpoint));
        assert!(!present(Mode::Private, Place::PublicEndpoint));
        assert!(present(Mode::Vnet, Place::Ilb));
        assert!(layout(&scenario(Mode::Vnet), LayoutKind::Wide)
            .area("apiserver-subnet")
            .is_some_and(|a| a.present));
    }

    #[test]
    fn the_width_picks_the_layout() {
        assert_eq!(LayoutKind::for_width(1280.0), LayoutKind::Wide);
        assert_eq!(LayoutKind::for_width(720.0), LayoutKind::Column);
        assert_eq!(LayoutKind::for_width(360.0), LayoutKind::Stacked);
        for k in LayoutKind::ALL {
            assert_eq!(LayoutKind::for_width(k.min_px()), k);
            assert!(
                k.min_px() / k.view_width() >= 1.0,
                "{k:?} never scales text down"
            );
        }
    }
}

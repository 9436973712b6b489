//! The network diagram as data: where each place of the model sits, which areas hold them, and
//! which of them exist for a given scenario. The component in `components::network_diagram` only
//! draws this, so layout and visibility rules are checked natively.

use crate::model::{ClientKind, Egress, Names, Place, Scenario};
use crate::ui::geometry::{Point, Rect};

/// The SVG user-space size of the network diagram.
pub const VIEW_BOX: Rect = Rect::new(0.0, 0.0, 1000.0, 640.0);

/// An area: a network, a site, a platform band.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    pub id: &'static str,
    /// One or more lines, separated by `\n`.
    pub label: String,
    pub rect: Rect,
    /// False when the scenario has no such area (the delegated subnet without VNet integration).
    pub present: bool,
}

/// A place of the model (client, resolver, endpoint...) with its box and printed values.
#[derive(Clone, Debug, PartialEq)]
pub struct Spot {
    pub place: Place,
    pub label: &'static str,
    pub sub: String,
    /// What a screen reader hears: what the place is, in this scenario.
    pub description: String,
    pub rect: Rect,
    pub present: bool,
    /// The client running kubectl in this scenario.
    pub active: bool,
}

/// A private DNS zone's virtual network link, drawn as a dashed line to the linked network.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneLink {
    pub to_area: &'static str,
    pub from: Point,
    pub to: Point,
    pub label: &'static str,
}

/// Everything the diagram shows for one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkLayout {
    pub areas: Vec<Area>,
    pub spots: Vec<Spot>,
    pub zone_links: Vec<ZoneLink>,
    /// The authorized-ranges filter sits on the public endpoint.
    pub filter_on: bool,
}

impl NetworkLayout {
    pub fn spot(&self, place: Place) -> Option<&Spot> {
        self.spots.iter().find(|s| s.place == place)
    }
}

fn cidr((ip, len): (std::net::Ipv4Addr, u8)) -> String {
    format!("{ip}/{len}")
}

/// The private zone's box text: a system zone's GUID label is cut so the name fits its box (the
/// full name is in the accessible description), then which networks the zone is linked to.
fn zone_lines(zone: &str, hub_linked: bool) -> String {
    let name = match zone.split_once('.') {
        Some((guid, rest)) if guid.len() > 20 => format!("{}….\n{rest}", &guid[..13]),
        _ => zone.to_string(),
    };
    let links = if hub_linked {
        "linked: cluster VNet, hub"
    } else {
        "linked: cluster VNet"
    };
    format!("{name}\n{links}")
}

/// The layout for a scenario: fixed positions, scenario-dependent presence and values.
pub fn layout(s: &Scenario) -> NetworkLayout {
    let a = &s.cluster.addresses;
    let names = Names::for_scenario(s);
    let private = s.is_private();
    let vnet = s.vnet_integration();
    let has_zone = names.private_zone.is_some();
    let filter_on = s.ranges_text().is_some_and(|t| !t.trim().is_empty());
    let zone = names.private_zone.clone().unwrap_or_default();

    let area = |id, label: String, rect, present| Area {
        id,
        label,
        rect,
        present,
    };
    let areas = vec![
        area(
            "internet",
            "Internet".into(),
            Rect::new(8.0, 8.0, 300.0, 300.0),
            true,
        ),
        area(
            "onprem",
            format!("On-premises site {}", cidr(a.onprem_network)),
            Rect::new(8.0, 324.0, 300.0, 308.0),
            true,
        ),
        area(
            "azure-dns",
            "Azure DNS".into(),
            Rect::new(324.0, 8.0, 236.0, 300.0),
            true,
        ),
        area(
            "hub",
            format!("Hub VNet {}", cidr(a.hub_vnet)),
            Rect::new(324.0, 324.0, 236.0, 308.0),
            true,
        ),
        area(
            "managed",
            "Microsoft-managed".into(),
            Rect::new(630.0, 8.0, 362.0, 300.0),
            true,
        ),
        area(
            "cluster-vnet",
            format!("Cluster VNet {}", cidr(a.vnet)),
            Rect::new(630.0, 324.0, 362.0, 308.0),
            true,
        ),
        area(
            "node-subnet",
            format!("Node subnet {}", cidr(a.node_subnet)),
            Rect::new(642.0, 354.0, 338.0, 150.0),
            true,
        ),
        area(
            "apiserver-subnet",
            format!("API server subnet\n{} delegated", cidr(a.apiserver_subnet)),
            Rect::new(642.0, 516.0, 166.0, 106.0),
            vnet,
        ),
        area(
            "vm-subnet",
            format!("VM subnet\n{}", cidr(a.vm_subnet)),
            Rect::new(820.0, 516.0, 160.0, 106.0),
            true,
        ),
    ];

    let client = |c: ClientKind| s.client == c;
    let spot = |place, label, sub: String, description: String, rect, present, active| Spot {
        place,
        label,
        sub,
        description,
        rect,
        present,
        active,
    };
    let filter_words = if filter_on {
        ", with the authorized IP ranges filter"
    } else {
        ""
    };
    let spots = vec![
        spot(Place::Laptop, "Admin laptop", s.laptop_ip.to_string(),
             format!("an admin laptop on the Internet, public IP {}", s.laptop_ip),
             Rect::new(24.0, 44.0, 136.0, 56.0), true, client(ClientKind::Laptop)),
        spot(Place::RunCommand, "az CLI", "command invoke".into(),
             "the az CLI running az aks command invoke through Azure Resource Manager".into(),
             Rect::new(24.0, 116.0, 136.0, 56.0), true, client(ClientKind::RunCommand)),
        spot(Place::PublicResolver, "Public resolver", "ISP DNS".into(),
             "the laptop's recursive DNS resolver on the Internet".into(),
             Rect::new(24.0, 228.0, 136.0, 56.0), true, false),
        spot(Place::Internet, "Internet", "public routing".into(),
             "the public Internet: routes public addresses only".into(),
             Rect::new(176.0, 150.0, 120.0, 56.0), true, false),
        spot(Place::OnPrem, "Workstation", "on-premises".into(),
             "a workstation on-premises, connected to the hub by VPN".into(),
             Rect::new(24.0, 364.0, 136.0, 56.0), true, client(ClientKind::OnPrem)),
        spot(Place::OnPremDns, "On-prem DNS", if s.forwarder { "forwards the zone".into() } else { "no forwarder".into() },
             if s.forwarder { "the on-premises DNS server, conditionally forwarding the private zone to the hub's DNS Private Resolver".into() }
             else { "the on-premises DNS server, with no conditional forwarder for the private zone".into() },
             Rect::new(24.0, 472.0, 136.0, 56.0), true, false),
        spot(Place::PublicDns, "Azure public DNS", "azmk8s.io".into(),
             "Azure public DNS, where the cluster's public FQDN lives".into(),
             Rect::new(340.0, 44.0, 204.0, 56.0), true, false),
        spot(Place::AzureDns, "Azure DNS", "168.63.129.16".into(),
             "Azure-provided DNS at 168.63.129.16, reachable only from inside Azure virtual networks".into(),
             Rect::new(340.0, 120.0, 204.0, 56.0), true, false),
        spot(Place::PrivateZone, "Private DNS zone", zone_lines(&zone, s.zone_link),
             format!("the private DNS zone {zone}, answering only for the virtual networks linked to it"),
             Rect::new(340.0, 196.0, 204.0, 96.0), has_zone, false),
        spot(Place::VpnGateway, "VPN gateway", "site-to-site".into(),
             "the hub's VPN gateway, connecting the on-premises site".into(),
             Rect::new(340.0, 352.0, 204.0, 46.0), true, false),
        spot(Place::PrivateResolver, "DNS Private Resolver", format!("inbound {}", a.private_resolver_ip),
             format!("the DNS Private Resolver's inbound endpoint {} in the hub", a.private_resolver_ip),
             Rect::new(340.0, 406.0, 204.0, 46.0), true, false),
        spot(Place::Firewall, "Azure Firewall", format!("egress {}", a.firewall_egress_ip),
             format!("the Azure Firewall in the hub: the cluster's subnets route 0.0.0.0/0 to it and it also serves the hub VM; it translates them to its public IP {}", a.firewall_egress_ip),
             Rect::new(340.0, 460.0, 204.0, 46.0), s.egress == Egress::Firewall, false),
        spot(Place::Peered, "VM in hub", a.hub_vm_ip.to_string(),
             format!("a virtual machine in the hub VNet, private IP {}", a.hub_vm_ip),
             Rect::new(340.0, 544.0, 204.0, 56.0), true, client(ClientKind::Peered)),
        spot(Place::Peering, "Peering", String::new(),
             "the VNet peering between the hub and the cluster VNet".into(),
             Rect::new(566.0, 446.0, 58.0, 44.0), true, false),
        spot(Place::Arm, "Resource Manager", "management API".into(),
             "Azure Resource Manager, which runs az aks command invoke inside the cluster".into(),
             Rect::new(646.0, 40.0, 150.0, 56.0), true, false),
        spot(Place::PublicEndpoint, "Public endpoint", a.api_public_ip.to_string(),
             format!("the API server's public endpoint {}{filter_words}", a.api_public_ip),
             Rect::new(646.0, 150.0, 150.0, 66.0), !private, false),
        spot(Place::ApiServer, "API server", "control plane".into(),
             "the Kubernetes API server, run by Microsoft".into(),
             Rect::new(820.0, 40.0, 160.0, 176.0), true, false),
        spot(Place::Node, "Node", a.node_ip.to_string(),
             format!("the cluster node {}, running kubelet and the konnectivity agent", s.cluster.node_name),
             Rect::new(654.0, 390.0, 150.0, 56.0), true, client(ClientKind::Node)),
        spot(Place::LoadBalancer, "Load balancer", format!("outbound {}", a.lb_egress_ip),
             format!("the cluster load balancer's outbound rule: the nodes leave the VNet as {}, which AKS authorizes by itself", a.lb_egress_ip),
             Rect::new(654.0, 454.0, 150.0, 44.0), s.egress == Egress::Lb, false),
        spot(Place::NatGateway, "NAT gateway", format!("egress {}", a.natgw_egress_ip),
             format!("the NAT gateway on the cluster's subnets (managedNATGateway): nodes and VMs there leave as {}; it never serves the peered hub", a.natgw_egress_ip),
             Rect::new(654.0, 454.0, 150.0, 44.0), s.egress == Egress::NatGw, false),
        spot(Place::PrivateEndpoint, "Private endpoint", a.private_endpoint_ip.to_string(),
             format!("the API server's private endpoint NIC {} in the node subnet", a.private_endpoint_ip),
             Rect::new(816.0, 390.0, 152.0, 56.0), private && !vnet, false),
        spot(Place::Ilb, "ILB", a.ilb_ip.to_string(),
             format!("the API server's internal load balancer {} in the delegated subnet", a.ilb_ip),
             Rect::new(654.0, 562.0, 142.0, 52.0), vnet, false),
        spot(Place::Vm, "VM", a.vm_ip.to_string(),
             format!("a virtual machine in the cluster VNet, private IP {}", a.vm_ip),
             Rect::new(832.0, 562.0, 136.0, 52.0), true, client(ClientKind::Vm)),
    ];

    let mut zone_links = Vec::new();
    if has_zone {
        zone_links.push(ZoneLink {
            to_area: "cluster-vnet",
            from: Point::new(544.0, 262.0),
            to: Point::new(630.0, 340.0),
            label: "VNet link",
        });
        if s.zone_link {
            zone_links.push(ZoneLink {
                to_area: "hub",
                from: Point::new(442.0, 292.0),
                to: Point::new(442.0, 324.0),
                label: "hub link",
            });
        }
    }
    NetworkLayout {
        areas,
        spots,
        zone_links,
        filter_on,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{simulate, DnsZone, Mode};

    fn scenario(mode: Mode) -> Scenario {
        Scenario {
            mode,
            ..Scenario::default()
        }
    }

    #[test]
    fn every_place_the_model_uses_has_a_spot_inside_the_view() {
        let l = layout(&Scenario::default());
        for s in &l.spots {
            assert!(VIEW_BOX.contains(&s.rect), "{:?} leaves the view", s.place);
        }
        for a in &l.areas {
            assert!(VIEW_BOX.contains(&a.rect), "{} leaves the view", a.id);
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
                        dns: Some(*dns),
                        ..Scenario::default()
                    };
                    let s = if matches!(mode, Mode::Private) {
                        s
                    } else {
                        Scenario { dns: None, ..s }
                    };
                    let l = layout(&s);
                    for e in simulate(&s).events {
                        for p in [e.from, e.to] {
                            let spot = l.spot(p).unwrap_or_else(|| panic!("{p:?} has no spot"));
                            assert!(
                                spot.present,
                                "{p:?} is hidden but used in {mode:?}/{dns:?}/{client:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn what_exists_follows_the_mode() {
        let public = layout(&scenario(Mode::Public));
        assert!(
            !public.spot(Place::PrivateZone).is_some_and(|s| s.present),
            "no private zone in public mode"
        );
        assert!(!public.spot(Place::Ilb).is_some_and(|s| s.present));
        assert!(public
            .spot(Place::PublicEndpoint)
            .is_some_and(|s| s.present));
        let private = layout(&scenario(Mode::Private));
        assert!(private.spot(Place::PrivateZone).is_some_and(|s| s.present));
        assert!(private
            .spot(Place::PrivateEndpoint)
            .is_some_and(|s| s.present));
        assert!(!private
            .spot(Place::PublicEndpoint)
            .is_some_and(|s| s.present));
        let vnet = layout(&scenario(Mode::Vnet));
        assert!(vnet
            .areas
            .iter()
            .any(|a| a.id == "apiserver-subnet" && a.present));
        assert!(vnet.spot(Place::Ilb).is_some_and(|s| s.present));
    }

    #[test]
    fn a_system_zone_name_is_cut_to_fit_and_links_are_listed() {
        let text = zone_lines(
            "3b7ca984-03df-44f2-bfb3-e2234ff2c58f.privatelink.eastus.azmk8s.io",
            true,
        );
        assert_eq!(
            text,
            "3b7ca984-03df….\nprivatelink.eastus.azmk8s.io\nlinked: cluster VNet, hub"
        );
        assert_eq!(
            zone_lines("privatelink.eastus.azmk8s.io", false),
            "privatelink.eastus.azmk8s.io\nlinked: cluster VNet"
        );
    }

    #[test]
    fn the_filter_shows_only_with_ranges() {
        assert!(!layout(&scenario(Mode::Public)).filter_on);
        assert!(layout(&scenario(Mode::Authorized)).filter_on);
    }
}

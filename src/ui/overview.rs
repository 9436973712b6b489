//! The architecture overview (the article's illustrations 1 and 2) as data: which boxes exist, how they
//! nest and what connects them. The component in `components::overview_diagram` only draws this.

use crate::model::{Names, Scenario};
use crate::ui::geometry::{Point, Rect};

/// How a box is drawn: frames and zones hold other boxes, resources are the things traffic reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    /// A dashed outer boundary (Azure itself).
    Frame,
    /// An area that holds resources: a network, a subscription, a band of the platform.
    Zone,
    /// A single thing: a client, the API server, a scale set, a load balancer.
    Resource,
}

/// One labelled box of the diagram. `id` is stable: tests, styles and later the animation refer to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub id: &'static str,
    pub label: &'static str,
    /// The second line under the label (an address, a name); may be empty.
    pub sub: String,
    /// What a screen reader hears after the label: what the box is and why it matters.
    pub description: &'static str,
    pub kind: PartKind,
    pub rect: Rect,
    pub parent: Option<&'static str>,
}

/// An arrow between two parts, with the words the article puts on it.
#[derive(Clone, Debug, PartialEq)]
pub struct Connection {
    pub id: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub label: &'static str,
    pub points: Vec<Point>,
    /// Where the label sits.
    pub label_at: Point,
}

/// The values the overview prints, computed by the caller from the cluster it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct OverviewFacts {
    pub fqdn: String,
    pub api_server_ip: String,
    pub vnet_cidr: String,
    pub node_subnet_cidr: String,
    pub node_pool: String,
    pub egress_ip: String,
}

impl OverviewFacts {
    /// The overview's printed values for a scenario's cluster, as the model names and addresses it.
    pub fn for_scenario(s: &Scenario) -> Self {
        let names = Names::for_scenario(s);
        let a = &s.cluster.addresses;
        let pool = s
            .cluster
            .node_name
            .rsplit_once("-vmss")
            .map_or(s.cluster.node_name.as_str(), |(p, _)| p);
        OverviewFacts {
            fqdn: names.fqdn.unwrap_or_else(|| "no public FQDN".into()),
            api_server_ip: a.api_public_ip.to_string(),
            vnet_cidr: a.vnet.to_string(),
            node_subnet_cidr: a.node_subnet.to_string(),
            node_pool: format!("{pool} (VM scale set)"),
            egress_ip: a.lb_egress_ip.to_string(),
        }
    }
}

/// The SVG user-space size the layout is drawn for.
pub const VIEW_BOX: Rect = Rect::new(0.0, 0.0, 880.0, 560.0);

/// The boxes of the overview, parents before children so they can be drawn in order.
pub fn parts(facts: &OverviewFacts) -> Vec<Part> {
    vec![
        Part {
            id: "internet",
            label: "Internet",
            sub: "public network".into(),
            description: "where an admin laptop reaches the API server's public address",
            kind: PartKind::Zone,
            rect: Rect::new(16.0, 40.0, 204.0, 200.0),
            parent: None,
        },
        Part {
            id: "laptop",
            label: "Admin laptop",
            sub: "runs kubectl".into(),
            description: "a client on the Internet that talks to the API server",
            kind: PartKind::Resource,
            rect: Rect::new(36.0, 140.0, 164.0, 70.0),
            parent: Some("internet"),
        },
        Part {
            id: "azure",
            label: "Azure",
            sub: String::new(),
            description:
                "the Azure platform: the managed control plane and the customer's resources",
            kind: PartKind::Frame,
            rect: Rect::new(240.0, 8.0, 628.0, 544.0),
            parent: None,
        },
        Part {
            id: "paas",
            label: "Azure PaaS",
            sub: "Microsoft-managed".into(),
            description: "the platform network where Microsoft runs the cluster's control plane",
            kind: PartKind::Zone,
            rect: Rect::new(256.0, 36.0, 596.0, 178.0),
            parent: Some("azure"),
        },
        Part {
            id: "control-plane",
            label: "Kubernetes control plane",
            sub: String::new(),
            description: "managed by Microsoft, outside the customer's subscription",
            kind: PartKind::Zone,
            rect: Rect::new(272.0, 78.0, 564.0, 124.0),
            parent: Some("paas"),
        },
        Part {
            id: "apiserver",
            label: "API server",
            sub: format!("{} → {}", facts.fqdn, facts.api_server_ip),
            description: "what kubectl and the nodes talk to, behind its public FQDN",
            kind: PartKind::Resource,
            rect: Rect::new(288.0, 116.0, 532.0, 70.0),
            parent: Some("control-plane"),
        },
        Part {
            id: "subscription",
            label: "Customer subscription",
            sub: "node resource group".into(),
            description: "the resources the cluster creates in the customer's own subscription",
            kind: PartKind::Zone,
            rect: Rect::new(256.0, 232.0, 596.0, 304.0),
            parent: Some("azure"),
        },
        Part {
            id: "vnet",
            label: "Cluster VNet",
            sub: facts.vnet_cidr.clone(),
            description: "the virtual network the worker nodes live in",
            kind: PartKind::Zone,
            rect: Rect::new(272.0, 274.0, 420.0, 246.0),
            parent: Some("subscription"),
        },
        Part {
            id: "node-subnet",
            label: "Node subnet",
            sub: facts.node_subnet_cidr.clone(),
            description: "the subnet that holds the node pool's virtual machines",
            kind: PartKind::Zone,
            rect: Rect::new(288.0, 316.0, 388.0, 188.0),
            parent: Some("vnet"),
        },
        Part {
            id: "nsg",
            label: "NSG",
            sub: "AKS-managed".into(),
            description: "the network security group that filters the node subnet's traffic",
            kind: PartKind::Resource,
            rect: Rect::new(304.0, 400.0, 120.0, 84.0),
            parent: Some("node-subnet"),
        },
        Part {
            id: "node-pool",
            label: "Node pool",
            sub: facts.node_pool.clone(),
            description: "a VM scale set whose nodes run kubelet and the konnectivity agent",
            kind: PartKind::Resource,
            rect: Rect::new(440.0, 400.0, 220.0, 84.0),
            parent: Some("node-subnet"),
        },
        Part {
            id: "load-balancer",
            label: "Load balancer",
            sub: format!("egress {}", facts.egress_ip),
            description: "the Standard load balancer whose public IP the nodes leave from",
            kind: PartKind::Resource,
            rect: Rect::new(700.0, 400.0, 144.0, 84.0),
            parent: Some("subscription"),
        },
    ]
}

/// The arrows of the overview: kubectl to the API server, the control plane to kubelet through the
/// konnectivity tunnel, and the nodes' way out.
pub fn connections() -> Vec<Connection> {
    vec![
        Connection {
            id: "kubectl",
            from: "laptop",
            to: "apiserver",
            label: "kubectl · HTTPS 443",
            points: vec![Point::new(200.0, 160.0), Point::new(288.0, 151.0)],
            label_at: Point::new(118.0, 232.0),
        },
        Connection {
            id: "konnectivity",
            from: "apiserver",
            to: "node-pool",
            label: "control plane to kubelet · konnectivity",
            points: vec![Point::new(550.0, 186.0), Point::new(550.0, 400.0)],
            label_at: Point::new(520.0, 372.0),
        },
        Connection {
            id: "egress",
            from: "node-pool",
            to: "load-balancer",
            label: "egress",
            points: vec![Point::new(660.0, 442.0), Point::new(700.0, 442.0)],
            label_at: Point::new(680.0, 432.0),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> OverviewFacts {
        OverviewFacts {
            fqdn: "example.hcp.eastus.azmk8s.io".into(),
            api_server_ip: "52.226.4.150".into(),
            vnet_cidr: "10.224.0.0/12".into(),
            node_subnet_cidr: "10.224.0.0/16".into(),
            node_pool: "aks-nodepool1 VMSS".into(),
            egress_ip: "20.246.161.12".into(),
        }
    }

    #[test]
    fn every_child_is_drawn_inside_its_parent_and_after_it() {
        let parts = parts(&facts());
        for (i, part) in parts.iter().enumerate() {
            assert!(
                VIEW_BOX.contains(&part.rect),
                "{} leaves the view box",
                part.id
            );
            if let Some(parent_id) = part.parent {
                let parent = parts[..i]
                    .iter()
                    .find(|p| p.id == parent_id)
                    .unwrap_or_else(|| {
                        panic!("{} is drawn before its parent {parent_id}", part.id)
                    });
                assert!(
                    parent.rect.contains(&part.rect),
                    "{} sticks out of {parent_id}",
                    part.id
                );
            }
        }
    }

    #[test]
    fn ids_are_unique_and_connections_join_existing_parts() {
        let parts = parts(&facts());
        let mut ids: Vec<_> = parts.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), parts.len());
        for c in connections() {
            assert!(
                ids.contains(&c.from) && ids.contains(&c.to),
                "{} dangles",
                c.id
            );
            assert!(c.points.len() >= 2);
        }
    }

    #[test]
    fn coordinates_are_whole_numbers_so_they_print_short() {
        // The overview's boxes print `x`, `y`, `w`, `h` and their midpoints with
        // `geometry::short`, which prints what `{}` prints for whole numbers and halves.
        let whole = |v: f32| v.fract() == 0.0 && v.abs() < 1e6;
        for part in parts(&facts()) {
            let r = part.rect;
            assert!([r.x, r.y, r.w, r.h].into_iter().all(whole), "{}", part.id);
        }
        for c in connections() {
            assert!(whole(c.label_at.x) && whole(c.label_at.y), "{}", c.id);
        }
        assert!([VIEW_BOX.x, VIEW_BOX.y, VIEW_BOX.w, VIEW_BOX.h]
            .into_iter()
            .all(whole));
    }

    #[test]
    fn default_cluster_facts_are_the_articles() {
        let f = OverviewFacts::for_scenario(&Scenario::default());
        assert_eq!(
            f.fqdn,
            "aks-ntwdem-aksntwdemo-16e85b-6t70z79x.hcp.eastus.azmk8s.io"
        );
        assert_eq!(f.api_server_ip, "52.226.4.150");
        assert_eq!(f.node_subnet_cidr, "10.224.0.0/16");
        assert_eq!(f.node_pool, "aks-nodepool1-13348451 (VM scale set)");
    }

    #[test]
    fn facts_reach_the_labels() {
        let parts = parts(&facts());
        let api = parts
            .iter()
            .find(|p| p.id == "apiserver")
            .map(|p| p.sub.clone());
        assert_eq!(
            api.as_deref(),
            Some("example.hcp.eastus.azmk8s.io → 52.226.4.150")
        );
    }
}

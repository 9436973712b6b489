//! `az aks update`: the command lines that take an existing cluster from one scenario to
//! another, or the reason the change cannot be made in place.
//!
//! What can change in place (docs/aks-facts.md §2–§5):
//! * authorized ranges: `--api-server-authorized-ip-ranges <list>` replaces the whole list;
//!   `""` clears it (that is also how `authorized` goes back to `public`);
//! * the public FQDN of a private cluster: `--enable-public-fqdn` / `--disable-public-fqdn`
//!   (not for a `none` zone, which needs it);
//! * run command: `--enable-run-command` / `--disable-run-command` (az ≥ 2.76.0);
//! * API server VNet integration can be switched on (`--enable-apiserver-vnet-integration
//!   --apiserver-subnet-id …`, then `az aks stop` / `az aks start`), never off;
//! * a VNet-integrated cluster toggles public ⇄ private (`--enable-private-cluster` /
//!   `--disable-private-cluster`, the latter in preview);
//! * the private DNS zone only from `system` or a custom zone to `none`;
//! * the outbound type (`--outbound-type`), within the VNet the cluster already has
//!   (Microsoft's migration tables): `loadBalancer` ⇄ `managedNATGateway` in the AKS-managed
//!   VNet, `userDefinedRouting` → `loadBalancer` in a customer VNet; the managed outbound IP
//!   count is passed (one, the address the widget draws), as Microsoft's examples do.
//!
//! What cannot: a cluster without VNet integration never becomes private or public in place
//! (the az CLI's own messages, typos included: "EEnabling private cluster…" / "DDisabling
//! private cluster…"), VNet integration is never removed, the DNS zone never changes otherwise,
//! and a cluster never changes VNet: the AKS-managed VNet never gets `userDefinedRouting`, a
//! customer VNet never gets `managedNATGateway` (there it would be `userAssignedNATGateway`, a
//! NAT gateway the widget does not draw). Enabling VNet integration names the API server subnet
//! of the VNet the cluster is in, `from`'s ([`Scenario::apiserver_subnet_id`]). Client-side
//! settings (who runs kubectl, the laptop's IP, zone links, forwarders, kubeconfig) are not
//! cluster settings and are ignored.

use super::resources::{
    apiserver_subnet_id, byo_vnet, byo_vnet_name, egress_fits_vnet, outbound_flags, outbound_type,
    private_dns_zone_value,
};
use super::shell::quote;
use crate::model::scenario::{DnsZone, Egress, Scenario};
use crate::model::validate::MSG_RANGES_PRIVATE;

/// az CLI (core, sic): `az aks update --enable-private-cluster` without VNet integration.
pub const MSG_ENABLE_PRIVATE_NEEDS_VNET: &str = "EEnabling private cluster requires enabling apiserver vnet integration(--enable-apiserver-vnet-integration).";
/// az CLI (sic): `az aks update --disable-private-cluster` without VNet integration.
pub const MSG_DISABLE_PRIVATE_NEEDS_VNET: &str = "DDisabling private cluster requires enabling apiserver vnet integration(--enable-apiserver-vnet-integration).";
/// az CLI: `az aks update --disable-public-fqdn` on a `none` zone cluster.
pub const MSG_NONE_NEEDS_PUBLIC_FQDN_UPDATE: &str =
    "--disable-public-fqdn cannot be applied for none mode private dns zone cluster";
/// az CLI: `az aks update --disable-public-fqdn` on a public cluster.
pub const MSG_DISABLE_FQDN_PUBLIC_UPDATE: &str =
    "--disable-public-fqdn can only be used for private cluster";

/// One change that cannot be made in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateRefusal {
    /// The fragment key of the setting (`mode`, `private`, `dns`, `publicfqdn`, `ranges`, `egress`).
    pub key: &'static str,
    /// Why, in az's own words when `exact`, otherwise in the widget's words.
    pub message: String,
    /// True when `message` is the az CLI's exact text.
    pub exact: bool,
}

/// The commands to run, in order, and the changes that need a new cluster instead.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdatePlan {
    /// `az aks update` (and `az aks stop` / `start`) lines, in order.
    pub commands: Vec<String>,
    /// Changes refused in place.
    pub refused: Vec<UpdateRefusal>,
}

impl UpdatePlan {
    /// True when nothing changes and nothing is refused.
    pub fn is_empty(&self) -> bool {
        self.commands.is_empty() && self.refused.is_empty()
    }
}

/// The authorized-ranges filter in effect as a trimmed list; empty when there is no filter.
fn filter_list(s: &Scenario) -> Vec<&str> {
    s.ranges_text()
        .map(|t| {
            t.split(',')
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn refuse(plan: &mut UpdatePlan, key: &'static str, message: &str, exact: bool) {
    plan.refused.push(UpdateRefusal {
        key,
        message: message.to_string(),
        exact,
    });
}

/// Why a cluster cannot switch to outbound type `to` in place: it would need another VNet.
fn egress_refusal(from: &Scenario, to: Egress) -> String {
    if byo_vnet(from) {
        format!(
            "Outbound type {} is for the AKS-managed VNet; this cluster is in its own VNet ({}), where userDefinedRouting → managedNATGateway is not supported (Microsoft's migration table). There a NAT gateway attached to snet-nodes first, then --outbound-type userAssignedNATGateway, is the in-place move, which the widget does not draw; the managed NAT gateway it draws needs a new cluster.",
            outbound_type(to),
            byo_vnet_name(from)
        )
    } else {
        format!(
            "Outbound type {} needs a subnet prepared beforehand with a route to the hub firewall (BYO VNet); a cluster in the AKS-managed VNet cannot move to another VNet (Microsoft's migration table: not supported on a managed VNet), so it needs a new cluster.",
            outbound_type(to)
        )
    }
}

/// Plans the in-place update of `from`'s cluster (its name and resource group) into `to`.
pub fn az_update(from: &Scenario, to: &Scenario) -> UpdatePlan {
    let c = &from.cluster;
    let base = format!(
        "az aks update -n {} -g {}",
        quote(&c.name),
        quote(&c.resource_group)
    );
    let cmd = |flags: String| format!("{base} {flags}");
    let mut plan = UpdatePlan::default();

    // VNet integration: on is possible, off is not.
    let mut vnet = from.vnet_integration();
    if vnet && !to.vnet_integration() {
        refuse(
            &mut plan,
            "mode",
            "API Server VNet Integration cannot be disabled once enabled (Microsoft docs: the feature can't be disabled); create a new cluster instead.",
            false,
        );
        return plan;
    }
    if !vnet && to.vnet_integration() {
        // The subnet is in the cluster's VNet, which an update never changes.
        plan.commands.push(cmd(format!(
            "--enable-apiserver-vnet-integration --apiserver-subnet-id {}",
            quote(&apiserver_subnet_id(from))
        )));
        plan.commands.push(format!(
            "az aks stop -n {} -g {}",
            quote(&c.name),
            quote(&c.resource_group)
        ));
        plan.commands.push(format!(
            "az aks start -n {} -g {}",
            quote(&c.name),
            quote(&c.resource_group)
        ));
        vnet = true;
    }

    // Public ⇄ private: only with VNet integration.
    let (fp, tp) = (from.is_private(), to.is_private());
    if fp != tp {
        if !vnet {
            let msg = if tp {
                MSG_ENABLE_PRIVATE_NEEDS_VNET
            } else {
                MSG_DISABLE_PRIVATE_NEEDS_VNET
            };
            refuse(&mut plan, "mode", msg, true);
            return plan;
        }
        if tp {
            let zone = private_dns_zone_value(to)
                .map(|z| format!(" --private-dns-zone {}", quote(&z)))
                .unwrap_or_default();
            plan.commands
                .push(cmd(format!("--enable-private-cluster{zone}")));
        } else {
            plan.commands
                .push(cmd("--disable-private-cluster".to_string()));
        }
    }

    // Private DNS zone: only system/BYO → none.
    if fp && tp {
        if let (Some(fz), Some(tz)) = (from.dns_zone(), to.dns_zone()) {
            if fz != tz {
                if tz == DnsZone::None {
                    plan.commands
                        .push(cmd("--private-dns-zone none".to_string()));
                } else {
                    refuse(
                        &mut plan,
                        "dns",
                        &format!(
                            "The private DNS zone can only change from system or a custom zone to none; {} → {} needs a new cluster (Terraform: private_dns_zone_id forces a new resource).",
                            fz.as_str(),
                            tz.as_str()
                        ),
                        false,
                    );
                }
            }
        }
    }

    // Public FQDN.
    if tp {
        // A public cluster (VNet integration, about to turn private) has its public FQDN.
        let fpub = !fp || from.public_fqdn_enabled();
        let tpub = to.public_fqdn_enabled();
        if fpub != tpub {
            if tpub {
                plan.commands.push(cmd("--enable-public-fqdn".to_string()));
            } else if to.dns_zone() == Some(DnsZone::None) {
                refuse(
                    &mut plan,
                    "publicfqdn",
                    MSG_NONE_NEEDS_PUBLIC_FQDN_UPDATE,
                    true,
                );
            } else {
                plan.commands.push(cmd("--disable-public-fqdn".to_string()));
            }
        }
        if to.ranges.as_deref().is_some_and(|r| !r.is_empty()) {
            refuse(&mut plan, "ranges", MSG_RANGES_PRIVATE, true);
        }
    } else {
        if to.public_fqdn == Some(false) && from.public_fqdn != Some(false) {
            refuse(
                &mut plan,
                "publicfqdn",
                MSG_DISABLE_FQDN_PUBLIC_UPDATE,
                true,
            );
        }
        // Equal texts give equal lists: compare them first (one `memcmp` for an unchanged
        // 2,000-range list) and split only when they differ.
        if from.ranges_text() != to.ranges_text() {
            let (fr, tr) = (filter_list(from), filter_list(to));
            if fr != tr {
                let value = to.ranges_text().map(str::trim).unwrap_or("");
                let value = if tr.is_empty() { "" } else { value };
                plan.commands.push(cmd(format!(
                    "--api-server-authorized-ip-ranges {}",
                    quote(value)
                )));
            }
        }
    }

    if from.run_command != to.run_command {
        let flag = if to.run_command {
            "--enable-run-command"
        } else {
            "--disable-run-command"
        };
        plan.commands.push(cmd(flag.to_string()));
    }

    if from.egress != to.egress {
        if egress_fits_vnet(to.egress, byo_vnet(from)) {
            plan.commands.push(cmd(outbound_flags(to.egress)));
        } else {
            refuse(&mut plan, "egress", &egress_refusal(from, to.egress), false);
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{Egress, Mode};

    fn with(f: impl FnOnce(&mut Scenario)) -> Scenario {
        let mut s = Scenario::default();
        f(&mut s);
        s
    }

    const BASE: &str = "az aks update -n aks-ntwdemo1 -g aksntwdemo";

    #[test]
    fn nothing_changes() {
        let s = Scenario::default();
        assert!(az_update(&s, &s).is_empty());
    }

    /// The article's update (with a real address instead of the masked one).
    #[test]
    fn set_and_clear_ranges() {
        let public = Scenario::default();
        let auth = with(|s| {
            s.mode = Mode::Authorized;
            s.ranges = Some("81.56.12.7".into());
        });
        assert_eq!(
            az_update(&public, &auth).commands,
            vec![format!(
                "{BASE} --api-server-authorized-ip-ranges 81.56.12.7"
            )]
        );
        assert_eq!(
            az_update(&auth, &public).commands,
            vec![format!("{BASE} --api-server-authorized-ip-ranges \"\"")]
        );
    }

    #[test]
    fn non_vnet_cluster_cannot_become_private() {
        let private = with(|s| s.mode = Mode::Private);
        let plan = az_update(&Scenario::default(), &private);
        assert!(plan.commands.is_empty());
        // The az CLI's words, typos included.
        assert_eq!(
            plan.refused[0].message,
            "EEnabling private cluster requires enabling apiserver vnet integration(--enable-apiserver-vnet-integration)."
        );
        assert!(plan.refused[0].exact);
        let plan = az_update(&private, &Scenario::default());
        assert_eq!(
            plan.refused[0].message,
            "DDisabling private cluster requires enabling apiserver vnet integration(--enable-apiserver-vnet-integration)."
        );
    }

    #[test]
    fn vnet_cluster_toggles_private() {
        let public = with(|s| s.mode = Mode::Vnet);
        let private = with(|s| {
            s.mode = Mode::Vnet;
            s.private = true;
        });
        assert_eq!(
            az_update(&public, &private).commands,
            vec![format!("{BASE} --enable-private-cluster")]
        );
        assert_eq!(
            az_update(&private, &public).commands,
            vec![format!("{BASE} --disable-private-cluster")]
        );
        assert!(!az_update(&private, &Scenario::default()).refused.is_empty());
    }

    #[test]
    fn enabling_vnet_integration_restarts_the_cluster() {
        let plan = az_update(&Scenario::default(), &with(|s| s.mode = Mode::Vnet));
        assert_eq!(plan.commands.len(), 3);
        assert!(plan.commands[0]
            .contains("--enable-apiserver-vnet-integration --apiserver-subnet-id /subscriptions/"));
        assert!(plan.commands[1].starts_with("az aks stop"));
        assert!(plan.commands[2].starts_with("az aks start"));
    }

    #[test]
    fn public_fqdn_and_zone() {
        let system = with(|s| s.mode = Mode::Private);
        let off = with(|s| {
            s.mode = Mode::Private;
            s.public_fqdn = Some(false);
        });
        assert_eq!(
            az_update(&system, &off).commands,
            vec![format!("{BASE} --disable-public-fqdn")]
        );
        assert_eq!(
            az_update(&off, &system).commands,
            vec![format!("{BASE} --enable-public-fqdn")]
        );
        let none = with(|s| {
            s.mode = Mode::Private;
            s.dns = Some(DnsZone::None);
        });
        assert_eq!(
            az_update(&system, &none).commands,
            vec![format!("{BASE} --private-dns-zone none")]
        );
        assert_eq!(az_update(&none, &system).refused[0].key, "dns");
        let none_off = with(|s| {
            s.mode = Mode::Private;
            s.dns = Some(DnsZone::None);
            s.public_fqdn = Some(false);
        });
        assert_eq!(
            az_update(&none, &none_off).refused[0].message,
            MSG_NONE_NEEDS_PUBLIC_FQDN_UPDATE
        );
    }

    #[test]
    fn run_command_and_egress() {
        let off = with(|s| s.run_command = false);
        assert_eq!(
            az_update(&Scenario::default(), &off).commands,
            vec![format!("{BASE} --disable-run-command")]
        );
        assert_eq!(
            az_update(&off, &Scenario::default()).commands,
            vec![format!("{BASE} --enable-run-command")]
        );
        let fw = with(|s| s.egress = Egress::Firewall);
        let nat = with(|s| s.egress = Egress::NatGw);
        assert_eq!(
            az_update(&Scenario::default(), &fw).refused[0].key,
            "egress"
        );
        assert_eq!(az_update(&fw, &nat).refused[0].key, "egress");
    }

    /// `natgw` is the AKS-managed NAT gateway: from and to the load balancer in place, in the
    /// managed VNet, with one managed outbound IP (Microsoft's migration table and examples).
    #[test]
    fn load_balancer_to_managed_nat_gateway_is_in_place() {
        let nat = with(|s| s.egress = Egress::NatGw);
        let plan = az_update(&Scenario::default(), &nat);
        assert!(plan.refused.is_empty(), "{plan:?}");
        assert_eq!(
            plan.commands,
            vec![format!(
                "{BASE} --outbound-type managedNATGateway --nat-gateway-managed-outbound-ip-count 1"
            )]
        );
        assert_eq!(
            az_update(&nat, &Scenario::default()).commands,
            vec![format!(
                "{BASE} --outbound-type loadBalancer --load-balancer-managed-outbound-ip-count 1"
            )]
        );
    }

    /// Every pair of egress values, with and without switching VNet integration on: in place
    /// exactly when the new outbound type fits the VNet the cluster is in, and the API server
    /// subnet is always that VNet's.
    #[test]
    fn every_egress_transition_stays_in_the_clusters_vnet() {
        use crate::model::scenario::Egress::{Firewall, Lb, NatGw};
        for from_egress in [Lb, NatGw, Firewall] {
            for to_egress in [Lb, NatGw, Firewall] {
                for vnet in [false, true] {
                    let from = with(|s| s.egress = from_egress);
                    let to = with(|s| {
                        s.egress = to_egress;
                        if vnet {
                            s.mode = Mode::Vnet;
                        }
                    });
                    let plan = az_update(&from, &to);
                    let case = format!("{from_egress:?} → {to_egress:?}, vnet {vnet}: {plan:?}");
                    let in_place = matches!(
                        (from_egress, to_egress),
                        (Lb, NatGw) | (NatGw, Lb) | (Firewall, Lb)
                    );
                    let refused = plan.refused.iter().any(|r| r.key == "egress");
                    assert_eq!(refused, from_egress != to_egress && !in_place, "{case}");
                    let outbound = plan.commands.iter().find(|c| c.contains("--outbound-type"));
                    assert_eq!(outbound.is_some(), in_place, "{case}");
                    if let Some(c) = outbound {
                        assert!(
                            c.contains(&format!("--outbound-type {}", outbound_type(to_egress))),
                            "{case}"
                        );
                        assert!(!c.contains("userAssignedNATGateway"), "{case}");
                    }
                    if vnet {
                        assert!(
                            plan.commands[0].ends_with(&format!(
                                "--apiserver-subnet-id {}",
                                from.apiserver_subnet_id()
                            )),
                            "{case}"
                        );
                    }
                }
            }
        }
    }
}

//! Where the time goes: the phases of `kubectl get nodes` (DNS, TCP, TLS, HTTP), derived from a
//! simulated [`Trace`], for the request waterfall.
//!
//! Why: the article's two failures feel very different at the keyboard. A name that does not
//! resolve fails in milliseconds; a connection the accept list drops hangs for 30 seconds before
//! `i/o timeout`. The waterfall makes that visible next to a healthy request that is over in
//! tens of milliseconds.
//!
//! **The numbers are illustrative**: orders of magnitude typical of each kind of hop, chosen
//! once and kept fixed so that the page is deterministic. They are not measurements, and a real
//! request will differ (distance to the region, resolver caches, load). What they keep right is
//! the ratio between a LAN, an Azure region, the Internet, a VPN and a timeout.
//!
//! Rules:
//! * DNS: one sub-phase per query leg of the trace (client → its resolver, resolver → public
//!   DNS, forwarder → Private Resolver, → private zone), in order; each lasts that leg's round
//!   trip, so the lookup is their sum. A leg that answers NXDOMAIN ends the request there.
//! * TCP connect: one round trip over the path's packet legs (Internet, VPN, peering; 1 ms
//!   inside a VNet). A dropped SYN is retransmitted until the dial gives up: client-go's dialer
//!   has a 30 s timeout, and Go's dial timeout includes name resolution, so a blocked request
//!   always ends at exactly 30,000 ms with `dial tcp <ip>:443: i/o timeout`.
//! * TLS: one round trip. kubectl (Go) and the API server (Go) negotiate TLS 1.3, whose full
//!   handshake takes one round trip, client certificate included (TLS 1.2 would take two).
//! * HTTP: `GET /api/v1/nodes` is one round trip plus the API server's own time. kubectl's
//!   discovery cache (`~/.kube/cache`) is assumed warm, so no discovery requests precede it.
//! * `az aks command invoke` has no network path to the API server: its phases are the Azure
//!   Resource Manager request and the command pod that runs kubectl inside the cluster (seconds,
//!   not milliseconds). A refused run command is a single blocked ARM request.
//! * An invalid cluster does not exist: nothing is sent, the timeline is empty.

use serde::Serialize;

use super::scenario::id_enum;
use super::trace::{Event, EventKind, Hop, Outcome, Place, Trace, Verdict};

/// client-go's dialer timeout (`net.Dialer{Timeout: 30 * time.Second}` in its transport).
pub const DIAL_TIMEOUT_MS: u32 = 30_000;

/// The laptop's local stub resolver (systemd-resolved, `127.0.0.53`). Illustrative.
pub const STUB_MS: u32 = 1;
/// The laptop's Internet provider's recursive resolver, round trip. Illustrative.
pub const PUBLIC_RECURSIVE_MS: u32 = 15;
/// Azure-provided DNS `168.63.129.16` from a VM in the region. Illustrative.
pub const AZURE_DNS_MS: u32 = 2;
/// The on-premises DNS server, on the site's LAN. Illustrative.
pub const ONPREM_DNS_MS: u32 = 1;
/// Conditional forwarder: on-prem DNS to the hub's DNS Private Resolver over the VPN. Illustrative.
pub const FORWARDER_VPN_MS: u32 = 25;
/// A resolver on the Internet asking the authoritative `azmk8s.io` servers. Illustrative.
pub const AUTHORITATIVE_FROM_INTERNET_MS: u32 = 20;
/// Azure DNS recursing to the authoritative `azmk8s.io` servers, inside Azure. Illustrative.
pub const AUTHORITATIVE_FROM_AZURE_MS: u32 = 3;
/// Azure DNS reading a linked private DNS zone (from a VM, or for the Private Resolver). Illustrative.
pub const PRIVATE_ZONE_MS: u32 = 1;

/// Round trip over the Internet (laptop, on-prem breakout). Illustrative.
pub const RTT_INTERNET_MS: u32 = 20;
/// Round trip from an Azure VM to a public Azure address: it stays on Microsoft's backbone. Illustrative.
pub const RTT_AZURE_PUBLIC_MS: u32 = 2;
/// Round trip inside one VNet. Illustrative.
pub const RTT_VNET_MS: u32 = 1;
/// Extra round trip across a VNet peering. Illustrative.
pub const RTT_PEERING_MS: u32 = 2;
/// Extra round trip across a site-to-site VPN / ExpressRoute. Illustrative.
pub const RTT_VPN_MS: u32 = 18;
/// The API server's own time to answer `GET /api/v1/nodes`. Illustrative.
pub const SERVER_MS: u32 = 10;

/// `az aks command invoke`: the Azure Resource Manager request. Illustrative.
pub const ARM_REQUEST_MS: u32 = 300;
/// `az aks command invoke`: the command pod starting and running kubectl. Illustrative.
pub const COMMAND_POD_MS: u32 = 10_000;
/// `az aks command invoke`: how long the caller waits for a command pod that never starts (no
/// node is Ready) before giving up. Illustrative: no source gives the exact figure.
pub const COMMAND_POD_GIVE_UP_MS: u32 = 300_000;
/// `az aks command invoke`: polling ARM until the result is ready. Illustrative.
pub const ARM_RESULT_MS: u32 = 2_000;

id_enum! {
    /// What a phase is (`data-phase` attribute, drawing style).
    PhaseKind {
        /// One leg of the name lookup.
        Dns => "dns",
        /// TCP three-way handshake (or the wait for one).
        Connect => "connect",
        /// TLS handshake.
        Tls => "tls",
        /// The HTTP request and its response.
        Http => "http",
        /// An Azure Resource Manager request (run command).
        Arm => "arm",
        /// The run command pod at work inside the cluster.
        Command => "command",
    }
}

id_enum! {
    /// How a phase ended.
    PhaseOutcome {
        /// It completed.
        Ok => "ok",
        /// Something answered "no" (NXDOMAIN, a refused request): the client learns at once.
        Blocked => "blocked",
        /// Nothing answered: the client gave up (timeout).
        Failed => "failed",
    }
}

/// One bar of the waterfall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phase {
    /// What it is.
    pub kind: PhaseKind,
    /// Short name (`DNS: laptop → public resolver`, `TLS handshake`...).
    pub name: String,
    /// Start, in milliseconds from the moment kubectl starts.
    pub start_ms: u32,
    /// Duration in milliseconds.
    pub duration_ms: u32,
    /// How it ended.
    pub outcome: PhaseOutcome,
    /// Why it took this long and how it ended, in one or two sentences.
    pub reason: String,
}

impl Phase {
    /// When the phase ends.
    pub fn end_ms(&self) -> u32 {
        self.start_ms + self.duration_ms
    }
}

/// The total time of a timeline (the last phase's end; 0 when empty).
pub fn total_ms(phases: &[Phase]) -> u32 {
    phases.last().map_or(0, Phase::end_ms)
}

/// A place, in the few words a phase name has room for.
fn place_words(p: Place) -> &'static str {
    match p {
        Place::Laptop => "laptop",
        Place::Vm => "VM",
        Place::Peered => "hub VM",
        Place::OnPrem => "workstation",
        Place::Node => "node",
        Place::RunCommand => "az CLI",
        Place::PublicResolver => "stub + ISP resolver",
        Place::AzureDns => "Azure DNS",
        Place::OnPremDns => "on-prem DNS",
        Place::PrivateResolver => "Private Resolver",
        Place::PublicDns => "Azure public DNS",
        Place::PrivateZone => "private zone",
        Place::Internet => "Internet",
        Place::VpnGateway => "VPN gateway",
        Place::Peering => "peering",
        Place::PublicEndpoint => "public endpoint",
        Place::PrivateEndpoint => "private endpoint",
        Place::Ilb => "ILB",
        Place::ApiServer => "API server",
        Place::Arm => "Resource Manager",
        Place::LoadBalancer => "load balancer",
        Place::NatGateway => "NAT gateway",
        Place::Firewall => "hub firewall",
        Place::DefaultOutbound => "default outbound",
        Place::NetworkConfig => "PaaS firewall",
        Place::Paas => "PaaS instance",
    }
}

/// The round trip of one DNS query leg, by who asks whom (see the constants).
fn dns_leg_ms(e: &Event) -> u32 {
    match (e.hop, e.from, e.to) {
        (Hop::Resolver, _, Place::PublicResolver) => STUB_MS + PUBLIC_RECURSIVE_MS,
        (Hop::Resolver, _, Place::OnPremDns) => ONPREM_DNS_MS,
        (Hop::Resolver, _, _) => AZURE_DNS_MS,
        (Hop::PublicDns, Place::AzureDns, _) => AUTHORITATIVE_FROM_AZURE_MS,
        (Hop::PublicDns, _, _) => AUTHORITATIVE_FROM_INTERNET_MS,
        (Hop::PrivateResolver, _, _) => FORWARDER_VPN_MS,
        (Hop::PrivateZone, Place::PrivateResolver, _) => AZURE_DNS_MS,
        (Hop::PrivateZone, _, _) => PRIVATE_ZONE_MS,
        _ => AZURE_DNS_MS,
    }
}

/// True when a packet enters the Internet from inside Azure (a VM, a node or an egress device),
/// so it rides Azure's backbone to the public endpoint.
fn leaves_azure(p: Place) -> bool {
    matches!(
        p,
        Place::Vm
            | Place::Peered
            | Place::Node
            | Place::LoadBalancer
            | Place::NatGateway
            | Place::Firewall
    )
}

/// The connection's round trip: the sum of its packet legs (at least one VNet round trip).
fn rtt_ms(packets: &[&Event]) -> u32 {
    let legs: u32 = packets
        .iter()
        .map(|e| match e.hop {
            Hop::Internet if leaves_azure(e.from) => RTT_AZURE_PUBLIC_MS,
            Hop::Internet => RTT_INTERNET_MS,
            Hop::Vpn => RTT_VPN_MS,
            Hop::Peering => RTT_PEERING_MS,
            _ => 0,
        })
        .sum();
    legs.max(RTT_VNET_MS)
}

/// The path's legs in words, for the connect phase's reason.
fn path_words(packets: &[&Event]) -> String {
    let legs: Vec<&str> = packets
        .iter()
        .filter_map(|e| match e.hop {
            Hop::Internet if leaves_azure(e.from) => Some("Azure's backbone"),
            Hop::Internet => Some("the Internet"),
            Hop::Vpn => Some("the VPN"),
            Hop::Peering => Some("the VNet peering"),
            _ => None,
        })
        .collect();
    if legs.is_empty() {
        "inside the VNet".to_string()
    } else {
        format!("over {}", legs.join(" and "))
    }
}

/// Appends a phase right after the previous one.
fn push(
    phases: &mut Vec<Phase>,
    kind: PhaseKind,
    name: String,
    duration_ms: u32,
    outcome: PhaseOutcome,
    reason: String,
) {
    let start_ms = total_ms(phases);
    phases.push(Phase {
        kind,
        name,
        start_ms,
        duration_ms,
        outcome,
        reason,
    });
}

/// The phases of the trace's request, in order and contiguous (each starts where the previous
/// one ends). Empty for an invalid cluster.
pub fn timeline(trace: &Trace) -> Vec<Phase> {
    let mut phases = Vec::new();
    if trace.outcome == Outcome::Invalid {
        return phases;
    }
    if trace.events.iter().any(|e| e.kind == EventKind::Request) {
        run_command(trace, &mut phases);
        return phases;
    }

    for e in trace
        .events
        .iter()
        .filter(|e| e.kind == EventKind::DnsQuery)
    {
        let blocked = e.verdict == Verdict::Block;
        push(
            &mut phases,
            PhaseKind::Dns,
            format!("DNS: {} → {}", place_words(e.from), place_words(e.to)),
            dns_leg_ms(e),
            if blocked {
                PhaseOutcome::Blocked
            } else {
                PhaseOutcome::Ok
            },
            if blocked {
                format!("{} kubectl stops: {}", e.detail, trace.kubectl_output)
            } else {
                e.detail.clone()
            },
        );
        if blocked {
            return phases;
        }
    }

    let packets: Vec<&Event> = trace
        .events
        .iter()
        .filter(|e| {
            matches!(e.kind, EventKind::Packet | EventKind::Filter) && e.hop != Hop::ApiServer
        })
        .collect();
    let Some(target) = packets.iter().find_map(|e| e.target) else {
        return phases;
    };
    let rtt = rtt_ms(&packets);
    let via = path_words(&packets);

    if let Some(block) = packets.iter().find(|e| e.verdict == Verdict::Block) {
        let waited = DIAL_TIMEOUT_MS.saturating_sub(total_ms(&phases));
        push(
            &mut phases,
            PhaseKind::Connect,
            format!("TCP connect to {target} (no answer)"),
            waited,
            PhaseOutcome::Failed,
            format!(
                "{} The SYN is retransmitted (after 1 s, 3 s, 7 s, 15 s…) and never answered, until client-go's 30 s dial timeout, which counts the DNS lookup too: {}",
                block.detail, trace.kubectl_output
            ),
        );
        return phases;
    }

    push(
        &mut phases,
        PhaseKind::Connect,
        format!("TCP connect to {target}"),
        rtt,
        PhaseOutcome::Ok,
        format!("SYN, SYN-ACK: one round trip {via} (~{rtt} ms)."),
    );
    push(
        &mut phases,
        PhaseKind::Tls,
        "TLS handshake".to_string(),
        rtt,
        PhaseOutcome::Ok,
        format!("TLS 1.3: one round trip (~{rtt} ms); the API server's certificate and kubectl's client certificate are exchanged in it."),
    );
    push(
        &mut phases,
        PhaseKind::Http,
        "GET /api/v1/nodes".to_string(),
        rtt + SERVER_MS,
        PhaseOutcome::Ok,
        format!("One round trip (~{rtt} ms) plus the API server's own time (~{SERVER_MS} ms: authentication, authorization, reading the node list)."),
    );
    phases
}

/// `az aks command invoke`: ARM request, command pod, result (or a refused ARM request).
fn run_command(trace: &Trace, phases: &mut Vec<Phase>) {
    let Some(arm) = trace.events.iter().find(|e| e.hop == Hop::Arm) else {
        return;
    };
    let refused = arm.verdict == Verdict::Block;
    push(
        phases,
        PhaseKind::Arm,
        format!("Resource Manager: {}", arm.label),
        ARM_REQUEST_MS,
        if refused {
            PhaseOutcome::Blocked
        } else {
            PhaseOutcome::Ok
        },
        format!(
            "{} A management API call over the Internet to management.azure.com, not to the API server.",
            arm.detail
        ),
    );
    if refused {
        return;
    }
    if let Some(pod) = trace
        .events
        .iter()
        .find(|e| e.hop == Hop::ApiServer && e.kind == EventKind::Request)
    {
        if pod.verdict == Verdict::Block {
            push(
                phases,
                PhaseKind::Command,
                format!("Command pod: {} (never starts)", pod.label),
                COMMAND_POD_GIVE_UP_MS,
                PhaseOutcome::Failed,
                format!(
                    "{} The az CLI waits for the result until it gives up: {}",
                    pod.detail, trace.kubectl_output
                ),
            );
            return;
        }
        push(
            phases,
            PhaseKind::Command,
            format!("Command pod: {}", pod.label),
            COMMAND_POD_MS,
            PhaseOutcome::Ok,
            format!(
                "{} Scheduling and starting a pod takes seconds.",
                pod.detail
            ),
        );
    }
    push(
        phases,
        PhaseKind::Arm,
        "Resource Manager: result".to_string(),
        ARM_RESULT_MS,
        PhaseOutcome::Ok,
        "The az CLI polls Azure Resource Manager until the command's output is ready.".to_string(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{simulate, ClientKind, DnsZone, Egress, Mode, Scenario};

    fn contiguous(p: &[Phase]) -> bool {
        p.first().is_none_or(|f| f.start_ms == 0)
            && p.windows(2).all(|w| w[1].start_ms == w[0].end_ms())
    }

    fn kinds(p: &[Phase]) -> Vec<&'static str> {
        p.iter().map(|p| p.kind.as_str()).collect()
    }

    #[test]
    fn success_is_dns_then_tcp_tls_http_contiguous() {
        let t = simulate(&Scenario::default());
        let p = timeline(&t);
        assert_eq!(kinds(&p), ["dns", "dns", "connect", "tls", "http"]);
        assert!(contiguous(&p));
        assert!(p.iter().all(|p| p.outcome == PhaseOutcome::Ok));
        // Laptop: stub + ISP resolver, then the authoritative servers over the Internet.
        // 1 ms stub + 15 ms ISP resolver; 20 ms to the authoritative servers; 20 ms Internet RTT.
        assert_eq!(p[0].duration_ms, 16);
        assert_eq!(p[1].duration_ms, 20);
        assert_eq!(p[2].duration_ms, 20);
        assert_eq!(p[2].name, "TCP connect to 52.226.4.150:443");
        assert_eq!(total_ms(&p), 16 + 20 + 20 + 20 + 30);
    }

    #[test]
    fn a_dropped_connection_ends_at_the_dial_timeout() {
        let s = Scenario {
            mode: Mode::Authorized,
            ranges: Some("1.1.1.1/32".to_string()),
            ..Scenario::default()
        };
        let t = simulate(&s);
        assert_eq!(t.outcome, Outcome::Timeout);
        let p = timeline(&t);
        assert!(contiguous(&p));
        let last = p.last().expect("phases");
        assert_eq!(last.kind, PhaseKind::Connect);
        assert_eq!(last.outcome, PhaseOutcome::Failed);
        // client-go's dialer gives up after 30 s.
        assert_eq!(last.end_ms(), 30_000);
        assert!(last
            .reason
            .ends_with("dial tcp 52.226.4.150:443: i/o timeout"));
        assert!(!p.iter().any(|p| p.kind == PhaseKind::Tls));
    }

    #[test]
    fn nxdomain_ends_in_the_lookup_without_tcp() {
        let s = Scenario {
            mode: Mode::Private,
            ..Scenario::default()
        };
        let t = simulate(&s);
        assert_eq!(t.outcome, Outcome::NxDomain);
        let p = timeline(&t);
        assert!(contiguous(&p));
        assert!(p.iter().all(|p| p.kind == PhaseKind::Dns));
        assert_eq!(p.last().map(|p| p.outcome), Some(PhaseOutcome::Blocked));
        assert!(total_ms(&p) < 100);
    }

    #[test]
    fn on_prem_through_the_forwarder_pays_the_vpn_twice() {
        let s = Scenario {
            mode: Mode::Private,
            dns: Some(DnsZone::Byo),
            client: ClientKind::OnPrem,
            forwarder: true,
            zone_link: true,
            ..Scenario::default()
        };
        let p = timeline(&simulate(&s));
        // 25 ms from the on-premises DNS to the hub's resolver over the VPN.
        assert!(p.iter().any(|p| p.duration_ms == 25));
        let connect = p
            .iter()
            .find(|p| p.kind == PhaseKind::Connect)
            .expect("connect");
        // 18 ms across the VPN, 2 ms more across the peering.
        assert_eq!(connect.duration_ms, 20);
    }

    #[test]
    fn a_vm_to_the_public_endpoint_stays_on_the_backbone() {
        let s = Scenario {
            client: ClientKind::Vm,
            egress: Egress::NatGw,
            ..Scenario::default()
        };
        let p = timeline(&simulate(&s));
        let connect = p
            .iter()
            .find(|p| p.kind == PhaseKind::Connect)
            .expect("connect");
        // 2 ms: a VM to a public Azure address stays on the backbone.
        assert_eq!(connect.duration_ms, 2);
    }

    #[test]
    fn vnet_integrated_nodes_skip_dns() {
        let s = Scenario {
            mode: Mode::Vnet,
            client: ClientKind::Node,
            ..Scenario::default()
        };
        let p = timeline(&simulate(&s));
        assert_eq!(kinds(&p), ["connect", "tls", "http"]);
        // 1 ms inside one VNet.
        assert_eq!(p[0].duration_ms, 1);
    }

    #[test]
    fn invalid_is_empty_and_run_command_is_the_arm_request() {
        let invalid = Scenario {
            mode: Mode::Private,
            ranges: Some("81.56.12.7/32".to_string()),
            ..Scenario::default()
        };
        let t = simulate(&invalid);
        assert_eq!(t.outcome, Outcome::Invalid);
        assert!(timeline(&t).is_empty());

        let rc = Scenario {
            client: ClientKind::RunCommand,
            ..Scenario::default()
        };
        let p = timeline(&simulate(&rc));
        assert_eq!(kinds(&p), ["arm", "command", "arm"]);
        assert!(contiguous(&p));
        // 300 ms ARM request, 10 s command pod, 2 s polling for the result.
        assert_eq!(total_ms(&p), 12_300);

        let denied = Scenario {
            run_command: false,
            ..rc
        };
        let p = timeline(&simulate(&denied));
        assert_eq!(kinds(&p), ["arm"]);
        assert_eq!(p[0].outcome, PhaseOutcome::Blocked);
    }

    /// Every mode, zone, client and knob: contiguous phases whose end matches the outcome.
    #[test]
    fn every_scenario_gives_a_consistent_timeline() {
        for mode in Mode::ALL {
            for dns in DnsZone::ALL {
                for client in ClientKind::ALL {
                    for egress in Egress::ALL {
                        for (zone_link, forwarder) in [(false, false), (true, true), (true, false)]
                        {
                            let s = Scenario {
                                mode: *mode,
                                dns: (*mode == Mode::Private).then_some(*dns),
                                client: *client,
                                egress: *egress,
                                zone_link,
                                forwarder,
                                ..Scenario::default()
                            };
                            let t = simulate(&s);
                            let p = timeline(&t);
                            assert!(contiguous(&p), "{s:?}");
                            let last = p.last().map(|p| (p.kind, p.outcome));
                            match t.outcome {
                                Outcome::Success => {
                                    assert!(
                                        p.iter().all(|p| p.outcome == PhaseOutcome::Ok),
                                        "{s:?}"
                                    );
                                    assert!(
                                        matches!(
                                            last,
                                            Some((
                                                PhaseKind::Http | PhaseKind::Arm,
                                                PhaseOutcome::Ok
                                            ))
                                        ),
                                        "{s:?}"
                                    );
                                }
                                Outcome::Timeout if s.client == ClientKind::RunCommand => {
                                    assert_eq!(
                                        last,
                                        Some((PhaseKind::Command, PhaseOutcome::Failed)),
                                        "{s:?}"
                                    );
                                }
                                Outcome::Timeout => {
                                    assert_eq!(
                                        last,
                                        Some((PhaseKind::Connect, PhaseOutcome::Failed)),
                                        "{s:?}"
                                    );
                                    // client-go's dialer gives up after 30 s.
                                    assert_eq!(total_ms(&p), 30_000);
                                }
                                Outcome::NxDomain => {
                                    assert_eq!(
                                        last,
                                        Some((PhaseKind::Dns, PhaseOutcome::Blocked)),
                                        "{s:?}"
                                    );
                                }
                                Outcome::Denied => {
                                    assert_eq!(
                                        last,
                                        Some((PhaseKind::Arm, PhaseOutcome::Blocked)),
                                        "{s:?}"
                                    );
                                }
                                Outcome::Invalid => assert!(p.is_empty()),
                            }
                        }
                    }
                }
            }
        }
    }
}

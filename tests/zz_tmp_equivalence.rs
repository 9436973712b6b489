//! TEMPORARY (bench helper, removed before hand-back): dumps a hash of every output for a large
//! scenario set to the file named by EQUIV_OUT, to check that optimisations change no byte.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::net::Ipv4Addr;

use aks_netviz::model::{
    simulate_all_clients, validate, Analysis, ClientKind, DnsZone, Egress, Kubeconfig, Mode,
    Names, Scenario,
};
use aks_netviz::render::{
    az_create, az_show_json, az_update, bicep, terraform, transcript, HookValues,
};

fn h(s: &str) -> u64 {
    let mut x = DefaultHasher::new();
    s.hash(&mut x);
    x.finish()
}

fn ranges(n: usize, base: u8) -> String {
    (0..n)
        .map(|i| format!("{base}.{}.{}.1/32", 10 + i / 250, i % 250))
        .collect::<Vec<_>>()
        .join(",")
}

fn emit(out: &mut impl Write, tag: &str, s: &Scenario) {
    let a = Analysis::new(s);
    let mut line = String::new();
    for c in ClientKind::ALL {
        let t = a.trace(*c);
        line.push_str(&format!("{:x} ", h(&format!("{t:?}"))));
    }
    for c in ClientKind::ALL {
        let mut sc = s.clone();
        sc.client = *c;
        let hv = HookValues::for_scenario(&sc);
        line.push_str(&format!("{:x} ", h(&hv.to_json_pretty())));
    }
    line.push_str(&format!("{:x} ", h(&format!("{:?}", Names::for_scenario(s)))));
    line.push_str(&format!("{:x} ", h(&format!("{:?}", validate(s)))));
    line.push_str(&format!("{:x} ", h(&terraform(s))));
    line.push_str(&format!("{:x} ", h(&bicep(s))));
    line.push_str(&format!("{:x} ", h(&az_create(s))));
    line.push_str(&format!("{:x} ", h(&az_show_json(s))));
    line.push_str(&format!("{:x} ", h(&transcript(s))));
    line.push_str(&format!(
        "{:x} ",
        h(&format!("{:?}", az_update(&Scenario::default(), s)))
    ));
    line.push_str(&format!(
        "{:x} ",
        h(&format!("{:?}", az_update(s, &Scenario::default())))
    ));
    line.push_str(&format!(
        "{:x}",
        h(&format!("{:?}", simulate_all_clients(s)))
    ));
    let _ = writeln!(out, "{tag} {line}");
}

#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("EQUIV_OUT") else {
        return;
    };
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut clusters = Vec::new();
    for name in ["aks-ntwdemo1", "aks-ntwdemo11", "aks-ntwdemo2", "9x_we!rd-name-that-is-long", ""] {
        let mut s = Scenario::default();
        s.cluster.name = name.to_string();
        clusters.push(s.cluster.clone());
    }
    let mut c = clusters[0].clone();
    c.resource_group = "other-rg_with.dots".into();
    c.region = "westeurope".into();
    c.subscription_id = "abc".into();
    c.node_name = "node-no-digits".into();
    c.kubernetes_version = "1.30.10".into();
    c.node_age = "3d".into();
    clusters.push(c);
    let r200 = ranges(200, 20);
    let r2000 = ranges(2000, 20);
    let r2001 = ranges(2001, 20);
    let range_texts: Vec<Option<String>> = vec![
        None,
        Some(String::new()),
        Some("0.0.0.0/32".into()),
        Some("0.0.0.0/32,1.2.3.4".into()),
        Some(" 81.56.12.7 , 2.2.2.0/24,".into()),
        Some("20.246.161.12/32".into()),
        Some("81.56.0.0/16,20.81.110.5/32,20.81.96.14,40.76.118.200/32".into()),
        Some("10.0.0.0/8,fe80::1,2001:4860::/32,1.2.3.4/24,abc,81.xxx.yyy.zzz,1.1.1.1/255.255.255.0".into()),
        Some(format!("{r200},81.56.12.7/32")),
        Some(r200.clone()),
        Some(r2000.clone()),
        Some(format!("{r2000},bad")),
        Some(r2001),
    ];
    let mut n = 0;
    for (ci, cluster) in clusters.iter().enumerate() {
        for (ri, ranges) in range_texts.iter().enumerate() {
            for &mode in Mode::ALL {
                for dns in [None, Some(DnsZone::System), Some(DnsZone::Byo), Some(DnsZone::None)] {
                    for public_fqdn in [None, Some(true), Some(false)] {
                        for private in [false, true] {
                            let full = ci == 0 && (ri == 0 || ri == 8 || ri == 10);
                            let knobs: Vec<usize> = if full { (0..96).collect() } else { vec![0, 95, 37, 58] };
                            for k in knobs {
                                let s = Scenario {
                                    cluster: cluster.clone(),
                                    mode,
                                    dns,
                                    public_fqdn,
                                    private,
                                    ranges: ranges.clone(),
                                    egress: Egress::ALL[k % 3],
                                    zone_link: (k / 3) % 2 == 1,
                                    forwarder: (k / 6) % 2 == 1,
                                    run_command: (k / 12) % 2 == 1,
                                    kubeconfig: Kubeconfig::ALL[(k / 24) % 2],
                                    laptop_ip: if (k / 48) % 2 == 1 {
                                        Ipv4Addr::new(81, 56, 99, 99)
                                    } else {
                                        Ipv4Addr::new(81, 56, 12, 7)
                                    },
                                    client: ClientKind::Laptop,
                                };
                                emit(&mut out, &format!("{ci}/{ri}/{mode}/{dns:?}/{public_fqdn:?}/{private}/{k}"), &s);
                                n += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    eprintln!("{n} scenarios dumped");
}

//! `nslookup <name>` as the client's resolver answers it.
//!
//! Layout of BIND 9's nslookup, as in the article: `Server:` and `Address:` with tabs, a blank
//! line, then `Non-authoritative answer:` (every resolver the widget models is a recursive one,
//! so answers are never authoritative) with `Name:<TAB>` and `Address: ` (a space, not a tab).
//! A missing name prints `** server can't find <name>: NXDOMAIN`. nslookup ends its output with
//! an empty line; it is left out here and the transcript separates commands with one blank line.

use std::net::Ipv4Addr;

use crate::model::trace::DnsAnswer;

/// nslookup's output for `name` asked to `server`, without the trailing empty line.
///
/// `server` is the address in the client's `resolv.conf`: the systemd-resolved stub
/// `127.0.0.53` on the laptop (the article), Azure-provided DNS for VMs and nodes, the on-prem
/// DNS server on-premises (the model's `dns::resolver_ip`, which kubectl's `no such host` error
/// also prints, so the two stay consistent). `DnsAnswer::None` (no lookup) prints only the
/// server lines.
pub fn nslookup(name: &str, server: Ipv4Addr, answer: DnsAnswer) -> String {
    let head = format!("Server:\t\t{server}\nAddress:\t{server}#53\n\n");
    match answer {
        DnsAnswer::Address(ip) => {
            format!("{head}Non-authoritative answer:\nName:\t{name}\nAddress: {ip}")
        }
        DnsAnswer::NxDomain => format!("{head}** server can't find {name}: NXDOMAIN"),
        DnsAnswer::None => head.trim_end().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STUB: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 53);

    /// The article's nslookup of aks-ntwdemo1's FQDN, byte for byte.
    #[test]
    fn article_public_answer() {
        let name = "aks-ntwdem-aksntwdemo-16e85b-6t70z79x.hcp.eastus.azmk8s.io";
        let expected = "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nNon-authoritative answer:\nName:\taks-ntwdem-aksntwdemo-16e85b-6t70z79x.hcp.eastus.azmk8s.io\nAddress: 52.226.4.150";
        let got = nslookup(
            name,
            STUB,
            DnsAnswer::Address(Ipv4Addr::new(52, 226, 4, 150)),
        );
        assert_eq!(got, expected);
    }

    #[test]
    fn nxdomain() {
        let got = nslookup("x.privatelink.eastus.azmk8s.io", STUB, DnsAnswer::NxDomain);
        assert_eq!(
            got,
            "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find x.privatelink.eastus.azmk8s.io: NXDOMAIN"
        );
    }
}

//! Authorized IP ranges: checked exactly as the az CLI checks them, then used as a filter.
//!
//! The az CLI (azure-cli, `validate_ip_ranges` in `acs/_validators.py`) splits the value on
//! commas, strips whitespace, refuses `0.0.0.0/32` mixed with other entries and `""` mixed with
//! entries, and then runs every other entry through Python's `ipaddress.ip_network` in strict
//! mode: malformed text or host bits set (`137.117.106.90/29`) → "should be a list of IPv4
//! addresses or CIDRs"; not global → "must be global non-reserved"; IPv6 → "cannot be IPv6"
//! (checked after the global test, so a non-global IPv6 entry gets the "global" message, as in
//! az). ARM then refuses more than 200 ranges (2,000 with VNet integration).
//!
//! Parsing follows Python's rules rather than Rust's: exactly four decimal octets without
//! leading zeros, a prefix length made of ASCII digits (leading zeros allowed), or a dotted
//! netmask / hostmask; IPv6 as `ipaddress` reads it, scope id (`fe80::1%eth0`) included.
//!
//! "Global" is `ip_network(entry).is_global` of current CPython (`Lib/ipaddress.py`, 3.13; the
//! same since 3.12.4), which judges the NETWORK, not each of its addresses:
//! * a network is private when its first AND last address lie in the SAME block of
//!   `_private_networks`, and neither of them lies in a block of
//!   `_private_networks_exceptions`;
//! * an IPv4 network is global when it is not private and not inside `100.64.0.0/10`
//!   (shared address space); an IPv6 network when it is not private.
//!
//! The IPv4 blocks are `0/8`, `10/8`, `127/8`, `169.254/16`, `172.16/12`, `192.0.0/24`,
//! `192.0.0.170/31`, the documentation /24s `192.0.2`, `198.51.100` and `203.0.113`,
//! `192.168/16`, `198.18/15`, `240/4` and `255.255.255.255/32`, with the exceptions
//! `192.0.0.9/32` and `192.0.0.10/32`; the IPv6 ones are listed at `PRIVATE_V6` below. So, as
//! in az, `0.0.0.0/0` and `10.0.0.0/7` are accepted (their ends lie in different blocks, or
//! outside any), multicast (`224.0.0.0/4`, `239.1.2.3`) is accepted (not in the list),
//! `192.0.0.9` is accepted (an exception) while `192.0.0.8/29` is refused (neither `.8` nor
//! `.15` is one), and `100.64.0.0/10` is refused. An IPv6 entry is judged only to choose
//! between the "global" and "IPv6" messages. The widget accepts exactly what az accepts: an
//! accepted range such as `0.0.0.0/0` then lets every source it contains through the filter.
//!
//! Parsing is one plain pass over the entries and a containment check a linear scan: one
//! scenario per settings change, even with 2,000 ranges, takes a small part of the page's
//! per-change budget (`docs/model-rules.md`, "Module layout and performance").

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

/// az CLI: an IPv6 entry.
pub const MSG_IPV6: &str = "--api-server-authorized-ip-ranges cannot be IPv6 addresses";
/// az CLI: malformed entry or host bits set.
pub const MSG_MALFORMED: &str =
    "--api-server-authorized-ip-ranges should be a list of IPv4 addresses or CIDRs";
/// az CLI: private, shared, loopback, link-local, documentation or other reserved entry.
pub const MSG_NOT_GLOBAL: &str =
    "--api-server-authorized-ip-ranges must be global non-reserved addresses or CIDRs";
/// az CLI: `0.0.0.0/32` together with other entries (no space after the full stop, sic).
pub const MSG_ZERO_WITH_OTHERS: &str = "Setting --api-server-authorized-ip-ranges to 0.0.0.0/32 is not allowed with other IP ranges.Refer to https://aka.ms/aks/whitelist for more details";
/// az CLI: an empty entry (`""`, i.e. "disable") together with other entries.
pub const MSG_DISABLED_AND_ENABLED: &str =
    "--api-server-authorized-ip-ranges cannot be disabled and simultaneously enabled";

/// The ARM error for too many ranges; `limit` is 200, or 2,000 with VNet integration.
pub fn msg_too_many(limit: usize) -> String {
    format!(
        "The number of APIServer Authorized IP Ranges is greater than the allowed value {limit}."
    )
}

/// The special entry meaning "only the cluster's own load balancer outbound IP".
pub const ONLY_CLUSTER_EGRESS: &str = "0.0.0.0/32";

/// True when a ranges text switches the filter on: at least one entry is not blank. `""`, like
/// `--api-server-authorized-ip-ranges ""`, and a list of blanks switch it off
/// (`docs/model-rules.md`, "Settings"). The one rule the simulator, the trace and the diagram
/// follow.
pub fn switches_filter_on(text: &str) -> bool {
    text.split(',').any(|entry| !entry.trim().is_empty())
}

/// Why an entry or the whole list is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeProblem {
    /// A global IPv6 address or network.
    Ipv6,
    /// Not an address or CIDR, or host bits set.
    Malformed,
    /// Reserved, private or otherwise non-global.
    NotGlobal,
    /// `0.0.0.0/32` mixed with other entries.
    ZeroWithOthers,
    /// An empty entry mixed with other entries.
    DisabledAndEnabled,
    /// More entries than the limit.
    TooMany {
        /// 200, or 2,000 with VNet integration.
        limit: usize,
    },
}

impl RangeProblem {
    /// The exact az CLI / ARM message.
    pub fn message(self) -> String {
        match self {
            RangeProblem::Ipv6 => MSG_IPV6.to_string(),
            RangeProblem::Malformed => MSG_MALFORMED.to_string(),
            RangeProblem::NotGlobal => MSG_NOT_GLOBAL.to_string(),
            RangeProblem::ZeroWithOthers => MSG_ZERO_WITH_OTHERS.to_string(),
            RangeProblem::DisabledAndEnabled => MSG_DISABLED_AND_ENABLED.to_string(),
            RangeProblem::TooMany { limit } => msg_too_many(limit),
        }
    }

    /// True for the ARM-side check (the rest are az CLI client-side checks).
    pub fn is_arm(self) -> bool {
        matches!(self, RangeProblem::TooMany { .. })
    }
}

/// One refused entry (or the whole list, `entry: None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeIssue<'a> {
    /// What is wrong.
    pub problem: RangeProblem,
    /// The offending entry, trimmed, as typed; `None` for list-level problems.
    pub entry: Option<&'a str>,
    /// The offending entry's position in the comma-separated list (0 for the first), so that
    /// an editor showing one field per entry can put the message under the right field.
    pub index: Option<usize>,
}

/// The authorized ranges of a scenario, parsed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedRanges<'a> {
    /// The text as typed.
    text: &'a str,
    /// Number of comma-separated entries (what the 200 / 2,000 limit counts).
    count: usize,
    /// `0.0.0.0/32` is one of the entries.
    zero_seen: bool,
    /// Every entry, trimmed, with its network when it is a valid global IPv4 one (the filter
    /// lets those through).
    entries: Vec<(&'a str, Option<Ipv4Net>)>,
    /// Problems in the order az would meet them.
    issues: Vec<RangeIssue<'a>>,
}

impl<'a> ParsedRanges<'a> {
    /// Splits, checks and parses `text`; `limit` is the maximum number of ranges.
    pub fn parse(text: &'a str, limit: usize) -> ParsedRanges<'a> {
        let mut parsed = ParsedRanges {
            text,
            count: 0,
            zero_seen: false,
            entries: Vec::new(),
            issues: Vec::new(),
        };
        // `--api-server-authorized-ip-ranges ""`: the filter is off, nothing to check.
        if text.is_empty() {
            return parsed;
        }
        let mut blank_seen = false;
        let mut zero_at = None;
        let mut entry_issues = Vec::new();
        for (index, raw) in text.split(',').enumerate() {
            parsed.count += 1;
            let entry = raw.trim();
            if entry.is_empty() {
                blank_seen = true;
                parsed.entries.push((entry, None));
                continue;
            }
            if entry == ONLY_CLUSTER_EGRESS {
                parsed.zero_seen = true;
                zero_at = zero_at.or(Some((entry, index)));
                parsed.entries.push((entry, None));
                continue;
            }
            match classify(entry) {
                Ok(net) => parsed.entries.push((entry, Some(net))),
                Err(problem) => {
                    parsed.entries.push((entry, None));
                    entry_issues.push(RangeIssue {
                        problem,
                        entry: Some(entry),
                        index: Some(index),
                    });
                }
            }
        }
        let many = parsed.count > 1;
        if many && parsed.zero_seen {
            parsed.issues.push(RangeIssue {
                problem: RangeProblem::ZeroWithOthers,
                entry: zero_at.map(|(entry, _)| entry),
                index: zero_at.map(|(_, index)| index),
            });
        }
        if many && blank_seen {
            parsed.issues.push(RangeIssue {
                problem: RangeProblem::DisabledAndEnabled,
                entry: None,
                index: None,
            });
        }
        parsed.issues.append(&mut entry_issues);
        if parsed.count > limit {
            parsed.issues.push(RangeIssue {
                problem: RangeProblem::TooMany { limit },
                entry: None,
                index: None,
            });
        }
        parsed
    }

    /// Problems found; empty when az and ARM would accept the list.
    pub fn issues(&self) -> Vec<RangeIssue<'a>> {
        self.issues.clone()
    }

    /// True when az and ARM would accept the list.
    pub fn is_valid(&self) -> bool {
        self.issues.is_empty()
    }

    /// True for the special `0.0.0.0/32` alone: only the cluster's LB outbound IP may connect.
    pub fn only_cluster_egress(&self) -> bool {
        self.count == 1 && self.zero_seen
    }

    /// Number of entries as typed (what the 200 / 2,000 limit counts).
    pub fn len(&self) -> usize {
        self.count
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Is `ip` inside one of the valid listed ranges? (Implicit authorizations, such as the
    /// cluster's LB outbound IP, are the caller's business.)
    pub fn contains(&self, ip: Ipv4Addr) -> bool {
        self.entries
            .iter()
            .any(|(_, net)| net.is_some_and(|net| net.contains(&ip)))
    }

    /// The list as `az aks show` prints it in `authorizedIpRanges`: bare addresses become
    /// `/32` (observed in Azure/AKS#4085 and in the article's `81.xxx.yyy.zzz/32`), valid CIDRs
    /// are printed canonically, anything else as typed.
    pub fn stored_form(&self) -> Vec<String> {
        self.entries
            .iter()
            .map(|&(e, net)| match net {
                Some(net) => canonical(e, net),
                None if !e.contains('/') && !e.contains(':') && looks_like_address_text(e) => {
                    format!("{e}/32")
                }
                None => e.to_string(),
            })
            .collect()
    }
}

/// A valid entry `e` (parsed as `net`) as az stores it. Its address is already canonical (four
/// decimal octets without leading zeros), so only a bare address (`/32` added) or a prefix
/// written another way (`/08`, a netmask) is reprinted; the typed text is kept otherwise, which
/// spares printing 2,000 networks on every change.
fn canonical(e: &str, net: Ipv4Net) -> String {
    match e.split_once('/') {
        None => format!("{e}/32"),
        Some((_, prefix)) if is_decimal(prefix, net.prefix_len()) => e.to_string(),
        Some(_) => net.to_string(),
    }
}

/// True when `text` is `n` written in decimal without leading zeros (`8`, not `08` or a mask).
fn is_decimal(text: &str, n: u8) -> bool {
    let (tens, ones) = (n / 10, n % 10);
    match text.as_bytes() {
        [one] => tens == 0 && *one == b'0' + ones,
        [ten, one] => tens > 0 && *ten == b'0' + tens && *one == b'0' + ones,
        _ => false,
    }
}

/// True for text that is only digits, letters and dots (an address-looking placeholder such as
/// the article's `81.xxx.yyy.zzz`, which the service echoed back with `/32`).
fn looks_like_address_text(e: &str) -> bool {
    !e.is_empty() && e.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
}

/// Checks one trimmed entry as az does; `Ok` is a valid global IPv4 network.
pub fn classify(entry: &str) -> Result<Ipv4Net, RangeProblem> {
    match parse_v4_network(entry) {
        Ok(net) => {
            if is_global_v4_network(u32::from(net.network()), u32::from(net.broadcast())) {
                Ok(net)
            } else {
                Err(RangeProblem::NotGlobal)
            }
        }
        Err(V4Error::HostBits) => Err(RangeProblem::Malformed),
        Err(V4Error::Syntax) => match parse_v6_network(entry) {
            Some((first, last))
                if is_private_network(first, last, PRIVATE_V6, PRIVATE_V6_EXCEPTIONS) =>
            {
                Err(RangeProblem::NotGlobal)
            }
            Some(_) => Err(RangeProblem::Ipv6),
            None => Err(RangeProblem::Malformed),
        },
    }
}

/// Why Python's `IPv4Network(strict=True)` refuses an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum V4Error {
    /// Not IPv4 syntax (Python then tries IPv6).
    Syntax,
    /// Valid syntax but host bits set (Python raises `ValueError` at once).
    HostBits,
}

/// Python's `IPv4Network(text, strict=True)`.
fn parse_v4_network(text: &str) -> Result<Ipv4Net, V4Error> {
    let (addr, mask) = match text.split_once('/') {
        Some((_, m)) if m.contains('/') => return Err(V4Error::Syntax),
        Some((a, m)) => (a, Some(m)),
        None => (text, None),
    };
    let address = Ipv4Addr::from(parse_v4_python(addr).ok_or(V4Error::Syntax)?);
    let prefix = match mask {
        None => 32,
        Some(m) => parse_v4_prefix(m).ok_or(V4Error::Syntax)?,
    };
    let net = Ipv4Net::new(address, prefix).map_err(|_| V4Error::Syntax)?;
    if net.network() != address {
        return Err(V4Error::HostBits);
    }
    Ok(net)
}

/// Python's `_ip_int_from_string`: four decimal octets, each 1–3 ASCII digits, no leading zero,
/// at most 255.
fn parse_v4_python(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    let mut value: u32 = 0;
    let mut octets = 0;
    let mut i = 0;
    loop {
        let start = i;
        let mut octet: u32 = 0;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            octet = octet * 10 + u32::from(bytes[i] - b'0');
            i += 1;
            if i - start > 3 {
                return None;
            }
        }
        let len = i - start;
        if len == 0 || octet > 255 || (len > 1 && bytes[start] == b'0') {
            return None;
        }
        value = (value << 8) | octet;
        octets += 1;
        if i == bytes.len() {
            break;
        }
        if bytes[i] != b'.' || octets == 4 {
            return None;
        }
        i += 1;
    }
    if octets == 4 {
        Some(value)
    } else {
        None
    }
}

/// Python's `_make_netmask` for IPv4: a decimal prefix length (ASCII digits, leading zeros
/// allowed, 0..=32), else a dotted netmask, else a dotted hostmask.
fn parse_v4_prefix(text: &str) -> Option<u8> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        let mut value: u32 = 0;
        for b in text.bytes() {
            value = value.saturating_mul(10).saturating_add(u32::from(b - b'0'));
        }
        return if value <= 32 { Some(value as u8) } else { None };
    }
    let mask = parse_v4_python(text)?;
    prefix_from_mask(mask).or_else(|| prefix_from_mask(!mask))
}

/// Prefix length of a contiguous netmask, or `None`.
fn prefix_from_mask(mask: u32) -> Option<u8> {
    let ones = mask.leading_ones();
    if mask.checked_shl(ones).unwrap_or(0) == 0 {
        Some(ones as u8)
    } else {
        None
    }
}

/// A CIDR block as network and netmask, for Python's block lists.
#[derive(Debug, Clone, Copy)]
struct Block<T> {
    network: T,
    mask: T,
}

impl<T: Copy + std::ops::BitAnd<Output = T> + PartialEq> Block<T> {
    fn contains(self, ip: T) -> bool {
        ip & self.mask == self.network
    }
}

/// An IPv4 block `a.b.c.d/prefix`.
const fn v4(a: [u8; 4], prefix: u32) -> Block<u32> {
    Block {
        network: u32::from_be_bytes(a),
        mask: if prefix == 0 {
            0
        } else {
            u32::MAX << (32 - prefix)
        },
    }
}

/// An IPv6 block from its eight 16-bit segments (`2001:db8::` is `[0x2001, 0xdb8, 0, 0, 0, 0,
/// 0, 0]`) and prefix.
const fn v6(segments: [u16; 8], prefix: u32) -> Block<u128> {
    let mut network = 0u128;
    let mut i = 0;
    while i < 8 {
        network = (network << 16) | segments[i] as u128;
        i += 1;
    }
    Block {
        network,
        mask: if prefix == 0 {
            0
        } else {
            u128::MAX << (128 - prefix)
        },
    }
}

/// Python's `_BaseNetwork.is_private` for the network `first..=last`: both ends in the same
/// private block, and neither end in an exception block.
fn is_private_network<T>(first: T, last: T, private: &[Block<T>], exceptions: &[Block<T>]) -> bool
where
    T: Copy + std::ops::BitAnd<Output = T> + PartialEq,
{
    private
        .iter()
        .any(|b| b.contains(first) && b.contains(last))
        && !exceptions
            .iter()
            .any(|e| e.contains(first) || e.contains(last))
}

/// Python's `_IPv4Constants._private_networks`.
const PRIVATE_V4: &[Block<u32>] = &[
    v4([0, 0, 0, 0], 8),
    v4([10, 0, 0, 0], 8),
    v4([127, 0, 0, 0], 8),
    v4([169, 254, 0, 0], 16),
    v4([172, 16, 0, 0], 12),
    v4([192, 0, 0, 0], 24),
    v4([192, 0, 0, 170], 31),
    v4([192, 0, 2, 0], 24),
    v4([192, 168, 0, 0], 16),
    v4([198, 18, 0, 0], 15),
    v4([198, 51, 100, 0], 24),
    v4([203, 0, 113, 0], 24),
    v4([240, 0, 0, 0], 4),
    v4([255, 255, 255, 255], 32),
];

/// Python's `_IPv4Constants._private_networks_exceptions`.
const PRIVATE_V4_EXCEPTIONS: &[Block<u32>] = &[v4([192, 0, 0, 9], 32), v4([192, 0, 0, 10], 32)];

/// Shared address space (RFC 6598), which `IPv4Network.is_global` refuses on its own.
const SHARED_V4: Block<u32> = v4([100, 64, 0, 0], 10);

/// Python's `IPv4Network.is_global` for the network `first..=last`.
fn is_global_v4_network(first: u32, last: u32) -> bool {
    let shared = SHARED_V4.contains(first) && SHARED_V4.contains(last);
    !shared && !is_private_network(first, last, PRIVATE_V4, PRIVATE_V4_EXCEPTIONS)
}

/// Python's `IPv6Network(text, strict=True)`: returns the first and last address.
fn parse_v6_network(text: &str) -> Option<(u128, u128)> {
    let (addr, prefix) = match text.split_once('/') {
        Some((a, p)) => {
            // `_prefix_from_prefix_string`: ASCII digits, leading zeros allowed, at most 128.
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let p = p.trim_start_matches('0');
            let p: u32 = if p.is_empty() { 0 } else { p.parse().ok()? };
            if p > 128 {
                return None;
            }
            (a, p)
        }
        None => (text, 128),
    };
    // `_split_scope_id`: an optional `%scope` (not empty, no second `%`), ignored by the checks.
    let addr = match addr.split_once('%') {
        Some((a, scope)) if !scope.is_empty() && !scope.contains('%') => a,
        Some(_) => return None,
        None => addr,
    };
    let ip: std::net::Ipv6Addr = addr.parse().ok()?;
    let ip = u128::from(ip);
    let host = u128::MAX.checked_shr(prefix).unwrap_or(0);
    if ip & host != 0 {
        // Host bits set: Python raises ValueError → the "list of IPv4 addresses" message.
        return None;
    }
    Some((ip, ip | host))
}

/// Python's `_IPv6Constants._private_networks`.
const PRIVATE_V6: &[Block<u128>] = &[
    v6([0, 0, 0, 0, 0, 0, 0, 1], 128),         // ::1/128
    v6([0, 0, 0, 0, 0, 0, 0, 0], 128),         // ::/128
    v6([0, 0, 0, 0, 0, 0xffff, 0, 0], 96),     // ::ffff:0:0/96
    v6([0x64, 0xff9b, 1, 0, 0, 0, 0, 0], 48),  // 64:ff9b:1::/48
    v6([0x100, 0, 0, 0, 0, 0, 0, 0], 64),      // 100::/64
    v6([0x2001, 0, 0, 0, 0, 0, 0, 0], 23),     // 2001::/23
    v6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], 32), // 2001:db8::/32
    v6([0x2002, 0, 0, 0, 0, 0, 0, 0], 16),     // 2002::/16
    v6([0x3fff, 0, 0, 0, 0, 0, 0, 0], 20),     // 3fff::/20
    v6([0xfc00, 0, 0, 0, 0, 0, 0, 0], 7),      // fc00::/7
    v6([0xfe80, 0, 0, 0, 0, 0, 0, 0], 10),     // fe80::/10
];

/// Python's `_IPv6Constants._private_networks_exceptions`.
const PRIVATE_V6_EXCEPTIONS: &[Block<u128>] = &[
    v6([0x2001, 1, 0, 0, 0, 0, 0, 1], 128),    // 2001:1::1/128
    v6([0x2001, 1, 0, 0, 0, 0, 0, 2], 128),    // 2001:1::2/128
    v6([0x2001, 3, 0, 0, 0, 0, 0, 0], 32),     // 2001:3::/32
    v6([0x2001, 4, 0x112, 0, 0, 0, 0, 0], 48), // 2001:4:112::/48
    v6([0x2001, 0x20, 0, 0, 0, 0, 0, 0], 28),  // 2001:20::/28
    v6([0x2001, 0x30, 0, 0, 0, 0, 0, 0], 28),  // 2001:30::/28
];

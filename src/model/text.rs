//! Small text builders for the simulator's hot paths.
//!
//! Why: a trace is two dozen short sentences (event labels and details, the summary, kubectl's
//! output), and the page rebuilds them on every keystroke while the benchmark rebuilds them for
//! whole matrices. `format!` grows its buffer from a guess (twice the literal text), so a short
//! template with a long name (`A? <70-character FQDN>`) reallocates, and every `Ipv4Addr`
//! argument goes through four padded integer formats. [`cat`] allocates once at the final size
//! and [`Ip4Text`] prints an address into a stack buffer; the bytes are the same as
//! `format!("{}{}", …)` and `Ipv4Addr`'s `Display` (without width or precision) give.

use std::net::Ipv4Addr;

/// Concatenates `parts` into a string allocated once, at its final length.
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// `text.split(',')`, scanning bytes: the entries of an authorized-ranges list are a dozen
/// bytes long, too short for the vectorised search behind `split` to pay off.
pub(crate) fn split_commas(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        match t.bytes().position(|b| b == b',') {
            Some(i) => {
                rest = Some(&t[i + 1..]);
                Some(&t[..i])
            }
            None => {
                rest = None;
                Some(t)
            }
        }
    })
}

/// Appends `n` spaces.
pub(crate) fn push_spaces(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                ";
    while n > 0 {
        let k = n.min(SPACES.len());
        out.push_str(&SPACES[..k]);
        n -= k;
    }
}

/// `str::trim`, with a fast path for text that starts and ends with a visible ASCII character
/// (then there is nothing to trim).
pub(crate) fn trim(raw: &str) -> &str {
    match (raw.as_bytes().first(), raw.as_bytes().last()) {
        (Some(&f), Some(&l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => raw,
        _ => raw.trim(),
    }
}

/// The decimal text of every byte value (digits, then zeros) and its length, built at compile
/// time: printing an octet is one table look-up.
const DECIMAL: [([u8; 3], u8); 256] = {
    let mut table = [([0u8; 3], 0u8); 256];
    let mut i = 0;
    while i < 256 {
        let v = i as u8;
        table[i] = if v >= 100 {
            ([b'0' + v / 100, b'0' + v / 10 % 10, b'0' + v % 10], 3)
        } else if v >= 10 {
            ([b'0' + v / 10, b'0' + v % 10, 0], 2)
        } else {
            ([b'0' + v, 0, 0], 1)
        };
        i += 1;
    }
    table
};

/// Writes the decimal digits of `v` into `buf` at `len` (3 bytes, of which the digits are
/// kept); returns the new length. `buf` must have room for 3 more bytes.
fn put_u8(buf: &mut [u8], len: usize, v: u8) -> usize {
    let (digits, n) = DECIMAL[usize::from(v)];
    buf[len..len + 3].copy_from_slice(&digits);
    len + usize::from(n)
}

/// Dotted-quad text of an IPv4 address, `a.b.c.d`, without allocating.
#[derive(Clone, Copy)]
pub(crate) struct Ip4Text {
    /// 15 bytes at most, plus 2 that the last octet's 3-byte copy may write past the text.
    buf: [u8; 17],
    len: u8,
}

impl Ip4Text {
    /// The text of `ip`, byte for byte what `ip.to_string()` gives.
    pub(crate) fn new(ip: Ipv4Addr) -> Ip4Text {
        let [a, b, c, d] = ip.octets();
        let mut buf = [0u8; 17];
        let mut len = put_u8(&mut buf, 0, a);
        buf[len] = b'.';
        len = put_u8(&mut buf, len + 1, b);
        buf[len] = b'.';
        len = put_u8(&mut buf, len + 1, c);
        buf[len] = b'.';
        len = put_u8(&mut buf, len + 1, d);
        Ip4Text {
            buf,
            len: len as u8,
        }
    }

    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits and dots were written.
        std::str::from_utf8(&self.buf[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl std::ops::Deref for Ip4Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// Appends `ip`'s text and `/prefix` to `out` (a CIDR as `Net4`'s `Display` prints it).
pub(crate) fn push_cidr(out: &mut String, network: u32, prefix: u8) {
    let mut buf = [0u8; 3];
    let len = put_u8(&mut buf, 0, prefix);
    out.push_str(&Ip4Text::new(Ipv4Addr::from(network)));
    out.push('/');
    out.push_str(std::str::from_utf8(&buf[..len]).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_print_like_display() {
        for ip in [
            Ipv4Addr::new(0, 0, 0, 0),
            Ipv4Addr::new(255, 255, 255, 255),
            Ipv4Addr::new(10, 224, 0, 4),
            Ipv4Addr::new(100, 9, 99, 101),
            Ipv4Addr::new(52, 226, 4, 150),
        ] {
            assert_eq!(Ip4Text::new(ip).as_str(), ip.to_string());
        }
        for v in 0..=255u8 {
            let ip = Ipv4Addr::new(v, 255 - v, v / 3, v.wrapping_mul(7));
            assert_eq!(&*Ip4Text::new(ip), ip.to_string());
        }
    }

    #[test]
    fn commas_split_like_split() {
        for text in [
            "",
            ",",
            "a",
            "a,",
            ",a",
            "a,,b",
            " 1.1.1.1 , 2.2.2.2/24,",
            "é,ü,",
        ] {
            assert_eq!(
                split_commas(text).collect::<Vec<_>>(),
                text.split(',').collect::<Vec<_>>()
            );
            assert_eq!(trim(text), text.trim());
        }
        for text in [" a", "a ", "\u{a0}a", "a\u{2003}", "\t", "x"] {
            assert_eq!(trim(text), text.trim());
        }
    }

    #[test]
    fn cidrs_and_concatenation() {
        let mut s = String::new();
        push_cidr(&mut s, u32::from(Ipv4Addr::new(20, 10, 0, 0)), 16);
        push_cidr(&mut s, 0, 0);
        push_cidr(&mut s, u32::MAX, 32);
        assert_eq!(s, "20.10.0.0/160.0.0.0/0255.255.255.255/32");
        assert_eq!(cat(&["A? ", "name", ""]), "A? name");
        for n in [0, 1, 31, 32, 33, 100] {
            let mut s = String::from("x");
            push_spaces(&mut s, n);
            assert_eq!(s, format!("x{}", " ".repeat(n)));
        }
        assert_eq!(cat(&[]), "");
    }
}

//! Label wrapping: a name cut into lines where it reads naturally, at spaces for words or before
//! the dots of a DNS name, so each line stays inside its box.

/// Where a label may be cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// Between words; the space is dropped.
    Spaces,
    /// Before each dot of a DNS name; the dot starts the next line.
    Dots,
}

/// Cuts `text` into lines, as many pieces on a line as `fits` accepts (a piece that fits on no
/// line stays whole on a line of its own, for the caller to shorten). Always at least one line,
/// empty for an empty text.
pub fn cut_lines(text: &str, at: Cut, fits: impl Fn(&str) -> bool) -> Vec<String> {
    let pieces: Vec<String> = match at {
        Cut::Spaces => text
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect(),
        Cut::Dots => text
            .split('.')
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    l.to_string()
                } else {
                    format!(".{l}")
                }
            })
            .collect(),
    };
    let join = if at == Cut::Spaces { " " } else { "" };
    let mut lines = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        let candidate = format!("{line}{}{piece}", if line.is_empty() { "" } else { join });
        if line.is_empty() || fits(&candidate) {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, piece));
        }
    }
    lines.push(line);
    lines
}

/// `text` in at most `max_chars` characters: cut with an ellipsis when longer (the caller keeps
/// the whole text for the accessible name or the table).
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        let kept: String = text.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{}…", kept.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_cut_at_spaces() {
        let fits = |l: &str| l.chars().count() <= 12;
        assert_eq!(
            cut_lines("DNS Private Resolver inbound", Cut::Spaces, fits),
            ["DNS Private", "Resolver", "inbound"]
        );
        assert_eq!(
            cut_lines("  two  spaces ", Cut::Spaces, fits),
            ["two spaces"]
        );
        assert_eq!(cut_lines("", Cut::Spaces, fits), [""]);
    }

    #[test]
    fn dns_names_are_cut_before_their_dots() {
        let fits = |l: &str| l.chars().count() <= 20;
        assert_eq!(
            cut_lines(
                "aks-ntwdemo1-dns-t0xkxtuj.hcp.eastus.azmk8s.io",
                Cut::Dots,
                fits
            ),
            ["aks-ntwdemo1-dns-t0xkxtuj", ".hcp.eastus.azmk8s", ".io"]
        );
        assert_eq!(
            cut_lines("privatelink.eastus.azmk8s.io", Cut::Dots, |_| true),
            ["privatelink.eastus.azmk8s.io"]
        );
    }

    #[test]
    fn long_labels_are_shortened_with_an_ellipsis() {
        assert_eq!(shorten("TLS handshake", 13), "TLS handshake");
        assert_eq!(shorten("TLS handshake", 5), "TLS…");
        assert_eq!(shorten("GET /api/v1/nodes", 9), "GET /api…");
    }
}

//! What the share buttons copy: the link to a state and the two ways to embed it in another page
//! (an `<iframe>` of the embed view, or a host element and the release build's loader).
//!
//! `base` is the page the widget is served from, without its fragment (`https://…/index.html` or
//! `https://…/`); `fragment` is a state's fragment without `#`, as `link::print` writes it.

/// Escapes `text` for a double-quoted HTML attribute value (and for element text).
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page's address without its fragment: what a share link starts with.
pub fn strip_fragment(href: &str) -> &str {
    href.split('#').next().unwrap_or(href)
}

/// `base` with `fragment`: the link that opens this state.
pub fn page_link(base: &str, fragment: &str) -> String {
    format!("{base}#{fragment}")
}

/// The folder of `base`, ending in `/`, where `boot.js` sits beside `index.html`.
pub fn base_dir(base: &str) -> &str {
    let path = base.split('?').next().unwrap_or(base);
    match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "./",
    }
}

/// An `<iframe>` showing this state in the embed view.
pub fn iframe_snippet(base: &str, fragment: &str) -> String {
    let sep = if fragment.is_empty() { "" } else { "&" };
    let src = format!("{base}#{fragment}{sep}view=embed");
    format!(
        "<iframe src=\"{}\" title=\"How kubectl and the nodes reach the AKS API server\" \
         width=\"100%\" height=\"640\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></iframe>",
        escape_attr(&src)
    )
}

/// A host element showing this state and the module that mounts the widget in it.
pub fn script_snippet(base: &str, fragment: &str) -> String {
    format!(
        "<div data-aks-netviz=\"{}\"></div>\n<script type=\"module\" src=\"{}boot.js\"></script>",
        escape_attr(fragment),
        escape_attr(base_dir(base))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://example.org/aks/index.html";

    #[test]
    fn attribute_values_are_escaped() {
        assert_eq!(escape_attr(r#"a&b"c<d>e"#), "a&amp;b&quot;c&lt;d&gt;e");
        assert_eq!(escape_attr("mode=private"), "mode=private");
    }

    #[test]
    fn the_link_keeps_the_fragment_and_drops_the_old_one() {
        assert_eq!(
            strip_fragment("https://example.org/?x=1#mode=vnet"),
            "https://example.org/?x=1"
        );
        assert_eq!(
            page_link(BASE, "mode=private&client=vm"),
            "https://example.org/aks/index.html#mode=private&client=vm"
        );
    }

    #[test]
    fn the_loader_sits_beside_the_page() {
        assert_eq!(base_dir(BASE), "https://example.org/aks/");
        assert_eq!(base_dir("https://example.org/"), "https://example.org/");
        assert_eq!(
            base_dir("https://example.org/a/index.html?q=/x"),
            "https://example.org/a/"
        );
        assert_eq!(base_dir(""), "./");
    }

    #[test]
    fn the_iframe_shows_the_embed_view_of_the_state() {
        let code = iframe_snippet(BASE, "mode=private&client=vm");
        assert_eq!(
            code,
            "<iframe src=\"https://example.org/aks/index.html#mode=private&amp;client=vm&amp;view=embed\" \
             title=\"How kubectl and the nodes reach the AKS API server\" width=\"100%\" height=\"640\" \
             loading=\"lazy\" referrerpolicy=\"no-referrer\"></iframe>"
        );
        assert!(iframe_snippet(BASE, "").contains("index.html#view=embed\""));
        assert!(!code.contains("style="), "no inline style");
    }

    #[test]
    fn the_script_embed_names_the_fragment_and_the_loader() {
        assert_eq!(
            script_snippet(BASE, "mode=authorized&ranges=1.1.1.1/32"),
            "<div data-aks-netviz=\"mode=authorized&amp;ranges=1.1.1.1/32\"></div>\n\
             <script type=\"module\" src=\"https://example.org/aks/boot.js\"></script>"
        );
    }

    #[test]
    fn typed_quotes_and_brackets_cannot_break_out_of_an_attribute() {
        // The fragment printer percent-encodes them; the snippets escape whatever gets through.
        let fragment = r#"ranges=1.1.1.1/32"><script>&x"#;
        for code in [
            iframe_snippet(BASE, fragment),
            script_snippet(BASE, fragment),
        ] {
            assert!(!code.contains("\"><script>"), "{code}");
            assert!(code.contains("&quot;&gt;&lt;script&gt;&amp;x"), "{code}");
        }
    }
}

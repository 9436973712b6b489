//! The release site's first paint: every widget host of a built page gets the widget's HTML,
//! rendered natively by Yew's server renderer from the same components the page runs, so the
//! diagram, the path and the outcome are on screen before any wasm arrives. The page then hydrates
//! that markup (`ui::mount`) instead of drawing it again.
//!
//! Hosts are found in the HTML text as the browser's `querySelectorAll("[data-aks-netviz]")` finds
//! them (start tags carrying the attribute, in document order), so the widget at position `i`
//! gets the same `name` prefix here and in the page.

use yew::LocalServerRenderer;

use crate::render::embed::escape_attr;
use crate::ui::app::{App, AppProps};
use crate::ui::host_uid;

const HOST_ATTRIBUTE: &str = "data-aks-netviz";
const MARK_ATTRIBUTE: &str = "data-prerendered";
/// On a host without a fragment of its own (it follows the address bar): the state to prerender
/// it in, for a page built for one deep link.
const STATE_ATTRIBUTE: &str = "data-prerender-fragment";

/// The hydratable HTML of the widget in a page's `index`-th host, showing `fragment`.
pub fn widget_html(fragment: &str, index: usize) -> String {
    let props = AppProps {
        fragment: Some(fragment.to_string()),
        prerendered: Some(fragment.to_string()),
        uid: Some(host_uid(index).into()),
    };
    futures::executor::block_on(
        LocalServerRenderer::<App>::with_props(props)
            .hydratable(true)
            .render(),
    )
}

/// A host start tag found in a page.
#[derive(Debug, PartialEq)]
struct Host {
    /// Byte offset of the start tag's closing `>`.
    tag_end: usize,
    /// The widget's fragment: the attribute's value, decoded, without a leading `#`.
    fragment: String,
}

/// `html` with every widget host prerendered: the widget's markup right after the host's start
/// tag (anything the host already held, such as a `<noscript>` note, follows it and is dropped
/// by hydration) and `data-prerendered` naming the fragment it shows. Returns the page and how
/// many hosts it had.
pub fn prerender_page(html: &str) -> Result<(String, usize), String> {
    let hosts = find_hosts(html)?;
    let mut out = String::with_capacity(html.len() * 4);
    let mut copied = 0;
    for (index, host) in hosts.iter().enumerate() {
        out.push_str(&html[copied..host.tag_end]);
        out.push_str(&format!(
            " {MARK_ATTRIBUTE}=\"{}\">",
            escape_attr(&host.fragment)
        ));
        out.push_str(&widget_html(&host.fragment, index));
        copied = host.tag_end + 1;
    }
    out.push_str(&html[copied..]);
    Ok((out, hosts.len()))
}

/// A page without the widget, built from the release `index.html`: its `<head>` (charset,
/// viewport, Content-Security-Policy, icon, stylesheet) with `title`, but none of its scripts and
/// none of the preloads of the wasm and its glue, and `main` as the whole body. The instructor page
/// is built so: the site's look and policy, and no wasm.
pub fn page_without_widget(index: &str, title: &str, main: &str) -> Result<String, String> {
    // A minified page has no `<head>` start tag (it is optional), only its end tag.
    let head_end = index.find("</head>").ok_or("the page has no </head>")?;
    let head = &index[..head_end];
    let title_start = head
        .find("<title>")
        .ok_or("the page has no <title> in its head")?;
    let title_end = head
        .find("</title>")
        .ok_or("the page has no </title> in its head")?;
    Ok(format!(
        "{}<title>{}</title>{}</head>\n<body>\n{main}</body>\n</html>\n",
        without_code(&head[..title_start])?,
        escape_attr(title),
        without_code(&head[title_end + "</title>".len()..])?
    ))
}

/// `head` without its scripts and the preloads of the wasm and its glue; every other tag kept.
fn without_code(mut rest: &str) -> Result<String, String> {
    let mut out = String::with_capacity(rest.len());
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag_end = open
            + rest[open..]
                .find('>')
                .ok_or("a tag in the page's head is never closed")?
            + 1;
        let original = &rest[open..tag_end];
        let tag = original.to_ascii_lowercase();
        rest = &rest[tag_end..];
        if tag.starts_with("<script") {
            let close = rest
                .find("</script>")
                .ok_or("a <script> in the page's head is never closed")?;
            rest = &rest[close + "</script>".len()..];
        } else if !(tag.starts_with("<link")
            && (tag.contains("preload") || tag.contains(".wasm") || tag.contains(".js")))
        {
            out.push_str(original);
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// The start tags carrying `data-aks-netviz`, in document order.
fn find_hosts(html: &str) -> Result<Vec<Host>, String> {
    let mut hosts = Vec::new();
    let mut from = 0;
    while let Some(found) = html[from..].find(HOST_ATTRIBUTE) {
        let at = from + found;
        from = at + HOST_ATTRIBUTE.len();
        let Some(tag_start) = enclosing_start_tag(html, at) else {
            continue;
        };
        let rest = &html[from..];
        if !rest.starts_with(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/') {
            continue; // a longer attribute name, such as data-aks-netviz-theme
        }
        let (value, after_value) = attribute_value(rest);
        let tag_end = from
            + after_value
            + html[from + after_value..]
                .find('>')
                .ok_or_else(|| format!("the host tag at byte {tag_start} is never closed"))?;
        let tag = &html[tag_start..tag_end];
        if tag.contains(MARK_ATTRIBUTE) {
            return Err(format!(
                "the host at byte {tag_start} is already prerendered ({MARK_ATTRIBUTE})"
            ));
        }
        if tag.ends_with('/') {
            return Err(format!(
                "the host at byte {tag_start} is a self-closing tag; it needs a closing tag to hold the widget"
            ));
        }
        let mut fragment = decode_entities(value.trim());
        if fragment.is_empty() {
            if let Some(at) = tag.find(STATE_ATTRIBUTE) {
                let rest = &tag[at + STATE_ATTRIBUTE.len()..];
                fragment = decode_entities(attribute_value(rest).0.trim());
            }
        }
        hosts.push(Host {
            tag_end,
            fragment: fragment.trim_start_matches('#').to_string(),
        });
        from = tag_end;
    }
    Ok(hosts)
}

/// Where the start tag around byte `at` begins, when `at` is inside one (not in text).
fn enclosing_start_tag(html: &str, at: usize) -> Option<usize> {
    let before = &html[..at];
    let open = before.rfind('<')?;
    let inside = &before[open + 1..];
    let is_tag = inside.starts_with(|c: char| c.is_ascii_alphabetic()) && !inside.contains('>');
    // Preceded by whitespace: an attribute name, not part of another attribute's value.
    let attribute = before.ends_with(|c: char| c.is_whitespace());
    (is_tag && attribute).then_some(open)
}

/// The value after an attribute name (`=` and a quoted or bare value, or nothing), and the offset
/// just past it.
fn attribute_value(rest: &str) -> (&str, usize) {
    let trimmed = rest.trim_start();
    let Some(after_eq) = trimmed.strip_prefix('=') else {
        return ("", 0);
    };
    let skipped = rest.len() - after_eq.len();
    let value_part = after_eq.trim_start();
    let skipped = skipped + (after_eq.len() - value_part.len());
    match value_part.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let body = &value_part[1..];
            let end = body.find(q).unwrap_or(body.len());
            (&body[..end], skipped + 1 + end + 1)
        }
        _ => {
            let end = value_part
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(value_part.len());
            (&value_part[..end], skipped + end)
        }
    }
}

/// The character references a fragment in an attribute may use.
fn decode_entities(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hosts_in_document_order_with_their_fragments() {
        let html = r#"<main class="page" data-aks-netviz><noscript>x</noscript></main>
<div data-aks-netviz="mode=private&amp;dns=none&amp;client=onprem"></div>
<p>Write <code>&lt;div data-aks-netviz="mode=vnet"&gt;</code> in your post.</p>
<div data-aks-netviz-theme="dark" data-aks-netviz='#client=vm'></div>
<section data-aks-netviz=mode=authorized></section>"#;
        let hosts = find_hosts(html).expect("hosts");
        let fragments: Vec<_> = hosts.iter().map(|h| h.fragment.as_str()).collect();
        assert_eq!(
            fragments,
            [
                "",
                "mode=private&dns=none&client=onprem",
                "client=vm",
                "mode=authorized"
            ]
        );
        assert_eq!(&html[hosts[0].tag_end..hosts[0].tag_end + 1], ">");
    }

    #[test]
    fn the_widget_goes_first_in_its_host_and_the_host_says_which_fragment_it_shows() {
        let html = r#"<body><main data-aks-netviz><noscript>needs JavaScript</noscript></main><div data-aks-netviz="mode=private&amp;client=vm"></div></body>"#;
        let (page, count) = prerender_page(html).expect("prerendered");
        assert_eq!(count, 2);
        assert!(page.starts_with(
            r#"<body><main data-aks-netviz data-prerendered=""><!--<[aks_netviz::ui::app::App]>-->"#
        ));
        assert!(page.contains(r#"<div data-aks-netviz="mode=private&amp;client=vm" data-prerendered="mode=private&amp;client=vm"><!--"#));
        assert!(page.contains("needs JavaScript</noscript></main>"));
        // Each widget is rendered as its host's position names it, with its own state.
        assert!(page.contains(r#"name="aks-netviz-0-theme""#));
        assert!(page.contains(r#"name="aks-netviz-1-theme""#));
        assert_eq!(page.matches(r#"data-outcome="success""#).count(), 2);
        assert!(
            page.contains("aks-ntwdemo"),
            "the model's names are in the HTML"
        );
    }

    #[test]
    fn a_page_without_the_widget_keeps_the_head_but_loads_nothing_to_run() {
        let index = "<!DOCTYPE html><html lang=en><meta charset=utf-8><meta content=\"default-src 'none'\" http-equiv=Content-Security-Policy><title>aks-netviz</title><link href=./favicon-1.svg rel=icon><link href=./style-2.css integrity=sha384-x rel=stylesheet><link href=./aks-netviz-web-3.js rel=modulepreload crossorigin integrity=sha384-y><link as=fetch href=./aks-netviz-web-3_bg.wasm rel=preload type=application/wasm crossorigin integrity=sha384-z><script type=\"module\" src=\"./boot.js\"></script></head><body><main class=page><header>x</header><div data-aks-netviz></div></main></body></html>";
        let page = page_without_widget(index, "A & B", "<main>x</main>\n").expect("a page");
        assert_eq!(
            page,
            "<!DOCTYPE html><html lang=en><meta charset=utf-8><meta content=\"default-src 'none'\" http-equiv=Content-Security-Policy><title>A &amp; B</title><link href=./favicon-1.svg rel=icon><link href=./style-2.css integrity=sha384-x rel=stylesheet></head>\n<body>\n<main>x</main>\n</body>\n</html>\n"
        );
        // Unminified, with the optional `<head>` start tag.
        assert_eq!(
            page_without_widget(
                "<html>\n<head>\n<title>t</title>\n<script type=module>import x from './x.js';</script>\n</head>\n<body><header>h</header></body></html>",
                "u",
                ""
            )
            .as_deref(),
            Ok("<html>\n<head>\n<title>u</title>\n\n</head>\n<body>\n</body>\n</html>\n")
        );
        assert!(page_without_widget("<p>no head</p>", "t", "").is_err());
    }

    #[test]
    fn refuses_what_it_cannot_prerender() {
        assert!(
            prerender_page(r#"<div data-aks-netviz data-prerendered=""></div>"#)
                .unwrap_err()
                .contains("already prerendered")
        );
        assert!(prerender_page(r#"<div data-aks-netviz="x"/>"#)
            .unwrap_err()
            .contains("self-closing"));
        assert!(prerender_page(r#"<div data-aks-netviz="x""#)
            .unwrap_err()
            .contains("never closed"));
        let (page, _) = prerender_page(
            r#"<main data-aks-netviz data-prerender-fragment="mode=vnet&amp;client=vm"></main>"#,
        )
        .expect("a page built for one deep link");
        assert!(page.contains(r#"data-prerendered="mode=vnet&amp;client=vm""#));
        assert!(page.contains("VNet integration") || page.contains("vnet"));
        let (page, count) = prerender_page("<p>no widget here</p>").expect("no host");
        assert_eq!((page.as_str(), count), ("<p>no widget here</p>", 0));
    }
}

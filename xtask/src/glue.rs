//! Minifies wasm-bindgen's JS glue in the built site. Trunk 0.21's minifier cannot parse the glue
//! (`export { initSync, __wbg_init as default }`: "Failed to minify JS") and ships it as it came,
//! 52 KB; terser (`xtask/node/minify-glue.mjs`) takes it to about 24 KB, 2 KB less gzipped. The
//! page preloads the glue with a Subresource Integrity hash, which is rewritten to match.

use std::path::{Path, PathBuf};

use crate::cmd::{command, node_dir};

/// Minifies the glue that `dist/index.html` preloads and updates that link's `integrity`.
pub fn minify(dist: &Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let html = crate::site::read(&index)?;
    let href = preloaded_module(&html)
        .ok_or("dist/index.html has no <link rel=modulepreload> for the JS glue; did Trunk's output change?")?
        .to_string();
    let file = asset_file(dist, &href);
    if !file.is_file() {
        return Err(format!(
            "dist/index.html preloads {href}, which is not in {}",
            dist.display()
        ));
    }
    let script = node_dir().join("minify-glue.mjs");
    let mut c = command(
        "node",
        &[&script.display().to_string(), &file.display().to_string()],
    );
    println!("$ node {} {}", script.display(), file.display());
    let out = c
        .output()
        .map_err(|e| format!("could not start node for {}: {e}", script.display()))?;
    if !out.status.success() {
        return Err(format!(
            "minifying {href} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let integrity = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !integrity.starts_with("sha384-") {
        return Err(format!(
            "minify-glue.mjs printed `{integrity}`, not the sha384-… integrity of {href}"
        ));
    }
    let updated = with_integrity(&html, &integrity)
        .ok_or("the glue's <link rel=modulepreload> in dist/index.html lost its tag end")?;
    std::fs::write(&index, updated).map_err(|e| format!("cannot write {}: {e}", index.display()))
}

/// Where the asset at `href` is in `dist`: Trunk writes every asset at the top of the folder, and
/// the href puts the public URL before its name (`./`, or `/aks-netviz/` for a sub-path build).
fn asset_file(dist: &Path, href: &str) -> PathBuf {
    dist.join(href.rsplit('/').next().unwrap_or(href))
}

/// The first `<link>` tag whose `rel` is `modulepreload`: (start, end) byte offsets, end past `>`.
fn module_link(html: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(at) = html[from..].find("<link") {
        let start = from + at;
        let end = start + html[start..].find('>')? + 1;
        if attribute(&html[start..end], "rel") == Some("modulepreload") {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// The `href` of the page's `<link rel=modulepreload>`: the glue's address.
fn preloaded_module(html: &str) -> Option<&str> {
    let (start, end) = module_link(html)?;
    attribute(&html[start..end], "href")
}

/// `html` with the modulepreload link's `integrity` set to `integrity`; the page unchanged when
/// that link carries no `integrity` (nothing to keep in step); `None` without such a link.
fn with_integrity(html: &str, integrity: &str) -> Option<String> {
    let (start, end) = module_link(html)?;
    let tag = &html[start..end];
    let Some(old) = attribute(tag, "integrity") else {
        return Some(html.to_string());
    };
    let tag = tag.replacen(old, integrity, 1);
    Some(format!("{}{tag}{}", &html[..start], &html[end..]))
}

/// The value of attribute `name` in one tag, quoted or not (Trunk's minified HTML drops quotes).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=");
    let rest = &tag[tag.find(&key)? + key.len()..];
    match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split(q).next(),
        _ => rest
            .split([' ', '>'])
            .next()
            .map(|v| v.trim_end_matches('/')),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIFIED: &str = "<link href=./style-1.css integrity=sha384-css rel=stylesheet>\
        <link crossorigin href=./app-1.js integrity=sha384-old rel=modulepreload>\
        <link as=fetch crossorigin href=./app-1_bg.wasm integrity=sha384-wasm rel=preload>";

    #[test]
    fn finds_the_preloaded_glue() {
        assert_eq!(preloaded_module(MINIFIED), Some("./app-1.js"));
        assert_eq!(
            preloaded_module(r#"<link rel="modulepreload" href="./a.js" integrity="sha384-x" />"#),
            Some("./a.js")
        );
        assert_eq!(
            preloaded_module("<link href=/aks-netviz/a-1.js rel=modulepreload>"),
            Some("/aks-netviz/a-1.js")
        );
        assert_eq!(
            preloaded_module("<link href=./style-1.css rel=stylesheet>"),
            None
        );
    }

    #[test]
    fn finds_the_glue_file_under_any_public_url() {
        let dist = Path::new("/site/dist");
        for href in ["./a-1.js", "/aks-netviz/a-1.js", "a-1.js"] {
            assert_eq!(asset_file(dist, href), dist.join("a-1.js"), "{href}");
        }
    }

    #[test]
    fn rewrites_only_the_glue_integrity() {
        let html = with_integrity(MINIFIED, "sha384-new").expect("a module link");
        assert!(html.contains("href=./app-1.js integrity=sha384-new rel=modulepreload"));
        assert!(html.contains("integrity=sha384-css rel=stylesheet"));
        assert!(html.contains("integrity=sha384-wasm rel=preload"));
        assert!(!html.contains("sha384-old"));

        let quoted = r#"<link rel="modulepreload" href="./a.js" integrity="sha384-old">"#;
        assert_eq!(
            with_integrity(quoted, "sha384-new").as_deref(),
            Some(r#"<link rel="modulepreload" href="./a.js" integrity="sha384-new">"#)
        );
        let bare = "<link rel=modulepreload href=./a.js>";
        assert_eq!(with_integrity(bare, "sha384-new").as_deref(), Some(bare));
        assert_eq!(with_integrity("<p>no links</p>", "sha384-new"), None);
    }
}

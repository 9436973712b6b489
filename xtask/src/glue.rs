//! Makes wasm-bindgen's output smaller after Trunk has built the site: the imports between the wasm
//! and its JS glue get short names (`wasm_imports.rs`, 6.7 KB gzipped), and the glue is
//! minified. Trunk 0.21's minifier cannot parse the glue (`export { initSync, __wbg_init as
//! default }`: "Failed to minify JS") and ships it as it came, 52 KB; terser
//! (`xtask/node/minify-glue.mjs`) takes it to about 24 KB, 2 KB less gzipped. The page preloads
//! both files with a Subresource Integrity hash, which is rewritten to match.

use std::path::{Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha384};

use crate::cmd::{command, node_dir};

/// Shortens the import names of the wasm and glue that `dist/index.html` preloads, minifies the
/// glue, and updates both links' `integrity`.
pub fn shrink(dist: &Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let mut html = crate::site::read(&index)?;
    let trunk_changed = "did Trunk's output change?";
    let glue_href = preloaded(&html, "modulepreload", ".js")
        .ok_or(format!(
            "dist/index.html has no <link rel=modulepreload> for the JS glue; {trunk_changed}"
        ))?
        .to_string();
    let wasm_href = preloaded(&html, "preload", ".wasm")
        .ok_or(format!(
            "dist/index.html has no <link rel=preload> for the wasm; {trunk_changed}"
        ))?
        .to_string();
    let (glue_file, wasm_file) = (asset_file(dist, &glue_href), asset_file(dist, &wasm_href));
    let glue = crate::site::read(&glue_file)?;
    let wasm = std::fs::read(&wasm_file)
        .map_err(|e| format!("cannot read {}: {e}", wasm_file.display()))?;
    let (wasm, glue, renamed) = crate::wasm_imports::shorten(&wasm, &glue)
        .map_err(|e| format!("{}: {e}", wasm_file.display()))?;
    if renamed == 0 {
        return Err(format!(
            "none of the imports of {wasm_href} is named in {glue_href}; {trunk_changed}"
        ));
    }
    println!("xtask: {renamed} imports renamed in {wasm_href} and {glue_href}");
    write(&wasm_file, &wasm)?;
    write(&glue_file, glue.as_bytes())?;
    minify(&glue_file)?;
    for (href, file) in [(&glue_href, &glue_file), (&wasm_href, &wasm_file)] {
        let bytes =
            std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        html = with_integrity(&html, href, &integrity(&bytes))
            .ok_or(format!("dist/index.html lost its link to {href}"))?;
    }
    write(&index, html.as_bytes())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// terser over the glue, in place.
fn minify(file: &Path) -> Result<(), String> {
    let script = node_dir().join("minify-glue.mjs");
    let mut c = command(
        "node",
        &[&script.display().to_string(), &file.display().to_string()],
    );
    println!("$ node {} {}", script.display(), file.display());
    let out = c
        .output()
        .map_err(|e| format!("could not start node for {}: {e}", script.display()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "minifying {} failed ({}): {}",
            file.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// The Subresource Integrity value of `bytes`, as Trunk writes it (`sha384-` and base64).
fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Where the asset at `href` is in `dist`: Trunk writes every asset at the top of the folder, and
/// the href puts the public URL before its name (`./`, or `/aks-netviz/` for a sub-path build).
fn asset_file(dist: &Path, href: &str) -> PathBuf {
    dist.join(href.rsplit('/').next().unwrap_or(href))
}

/// Every `<link>` tag of `html`: (start, end) byte offsets, end past its `>`.
fn links(html: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + html[from..].find("<link")?;
        let end = start + html[start..].find('>')? + 1;
        from = end;
        Some((start, end))
    })
}

/// The `href` of the first `<link rel={rel}>` whose address ends with `suffix`.
fn preloaded<'a>(html: &'a str, rel: &str, suffix: &str) -> Option<&'a str> {
    links(html).find_map(|(start, end)| {
        let tag = &html[start..end];
        let href = attribute(tag, "href")?;
        (attribute(tag, "rel") == Some(rel) && href.ends_with(suffix)).then_some(href)
    })
}

/// `html` with the `integrity` of the link to `href` set to `integrity`; the page unchanged when
/// that link carries no `integrity` (nothing to keep in step); `None` without such a link.
fn with_integrity(html: &str, href: &str, integrity: &str) -> Option<String> {
    let (start, end) =
        links(html).find(|&(start, end)| attribute(&html[start..end], "href") == Some(href))?;
    let tag = &html[start..end];
    let Some(old) = attribute(tag, "integrity") else {
        return Some(html.to_string());
    };
    let tag = tag.replacen(old, integrity, 1);
    Some(format!("{}{tag}{}", &html[..start], &html[end..]))
}

/// The value of attribute `name` in one tag, quoted or not (Trunk's minified HTML drops quotes).
/// An unquoted value runs to the next space or `>`: a `/` is part of it, as HTML reads it, and a
/// base64 digest may end with one.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=");
    let rest = &tag[tag.find(&key)? + key.len()..];
    match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split(q).next(),
        _ => rest.split([' ', '>']).next(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIFIED: &str = "<link href=./style-1.css integrity=sha384-css rel=stylesheet>\
        <link crossorigin href=./app-1.js integrity=sha384-old rel=modulepreload>\
        <link as=fetch crossorigin href=./app-1_bg.wasm integrity=sha384-wasm rel=preload>";

    #[test]
    fn finds_the_preloaded_glue_and_wasm() {
        assert_eq!(
            preloaded(MINIFIED, "modulepreload", ".js"),
            Some("./app-1.js")
        );
        assert_eq!(
            preloaded(MINIFIED, "preload", ".wasm"),
            Some("./app-1_bg.wasm")
        );
        assert_eq!(
            preloaded(
                r#"<link rel="modulepreload" href="./a.js" integrity="sha384-x" />"#,
                "modulepreload",
                ".js"
            ),
            Some("./a.js")
        );
        assert_eq!(
            preloaded(
                "<link href=/aks-netviz/a-1.js rel=modulepreload>",
                "modulepreload",
                ".js"
            ),
            Some("/aks-netviz/a-1.js")
        );
        assert_eq!(preloaded(MINIFIED, "preload", ".js"), None);
    }

    #[test]
    fn finds_the_files_under_any_public_url() {
        let dist = Path::new("/site/dist");
        for href in ["./a-1.js", "/aks-netviz/a-1.js", "a-1.js"] {
            assert_eq!(asset_file(dist, href), dist.join("a-1.js"), "{href}");
        }
    }

    #[test]
    fn rewrites_only_the_named_link_integrity() {
        let html = with_integrity(MINIFIED, "./app-1.js", "sha384-new").expect("a link");
        assert!(html.contains("href=./app-1.js integrity=sha384-new rel=modulepreload"));
        assert!(html.contains("integrity=sha384-css rel=stylesheet"));
        assert!(html.contains("integrity=sha384-wasm rel=preload"));
        assert!(!html.contains("sha384-old"));

        let quoted = r#"<link rel="modulepreload" href="./a.js" integrity="sha384-old">"#;
        assert_eq!(
            with_integrity(quoted, "./a.js", "sha384-new").as_deref(),
            Some(r#"<link rel="modulepreload" href="./a.js" integrity="sha384-new">"#)
        );
        let bare = "<link rel=modulepreload href=./a.js>";
        assert_eq!(
            with_integrity(bare, "./a.js", "sha384-new").as_deref(),
            Some(bare)
        );
        assert_eq!(with_integrity(MINIFIED, "./b.js", "sha384-new"), None);
    }

    #[test]
    fn a_digest_ending_with_a_slash_is_replaced_whole() {
        // Base64 digests end with `/` one time in 64; the minified page leaves them unquoted.
        let html = "<link crossorigin href=./app-1.js integrity=sha384-ab/cd/ rel=modulepreload>\
            <link href=./app-2.js integrity=sha384-ef/>";
        let html = with_integrity(html, "./app-1.js", "sha384-new").expect("a link");
        assert!(
            html.contains("href=./app-1.js integrity=sha384-new rel=modulepreload"),
            "{html}"
        );
        let html = with_integrity(&html, "./app-2.js", "sha384-newer").expect("a link");
        assert!(html.ends_with("integrity=sha384-newer>"), "{html}");
    }

    #[test]
    fn integrity_is_sha384_in_base64() {
        // FIPS 180-2's "abc" test vector, in base64.
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }
}

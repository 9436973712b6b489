//! Builds the release site into `dist/` with Trunk, offline; shortens the wasm's import names and
//! minifies the JS glue, which Trunk leaves as it is (`glue.rs`); replaces Trunk's inline loader
//! with `boot.js` (a file of its own, so the page runs under a `script-src 'self'`
//! Content-Security-Policy, and one a blog can load to embed widgets); then prerenders every
//! widget host into the HTML and writes the instructor page (`instructor.html`: the workshop
//! exercises, no widget).

use std::path::{Path, PathBuf};

use crate::cmd::{command, root, run};
use crate::{check_args, flag_value, tools};

/// `cargo xtask dist [--public-url PATH]`.
pub fn run_dist(args: &[String]) -> Result<(), String> {
    check_args(args, &["--public-url"])?;
    let public_url = flag_value(args, "--public-url")?.unwrap_or("./");
    let dist = build(public_url)?;
    println!("xtask: release site in {}", dist.display());
    Ok(())
}

/// Builds the release site and returns the `dist/` folder.
pub fn build(public_url: &str) -> Result<PathBuf, String> {
    build_into(public_url, "dist")
}

/// Builds the release site into `folder` (relative to the repository root) and returns its path.
pub fn build_into(public_url: &str, folder: &str) -> Result<PathBuf, String> {
    tools::ensure_build_tools()?;
    let dist = root().join(folder);
    run(command(
        "trunk",
        &[
            "build",
            "--release",
            "--offline",
            "--public-url",
            public_url,
            "--dist",
            folder,
        ],
    ))?;
    crate::glue::shrink(&dist)?;
    externalise_loader(&dist)?;
    let mut pages = vec![dist.join("index.html")];
    let index = read(&dist.join("index.html"))?;
    pages.extend(link_pages(&dist, &index)?);
    pages.extend(host_pages(&dist, &index)?);
    // Kept for `cargo xtask bench first-paint`, which compares the page with and without.
    std::fs::copy(dist.join("index.html"), unprerendered_index())
        .map_err(|e| format!("cannot keep the page before prerendering: {e}"))?;
    prerender(&pages)?;
    instructor_page(&dist)?;
    Ok(dist)
}

/// The last built index.html as it was before the prerender step.
pub fn unprerendered_index() -> PathBuf {
    crate::cmd::target_dir().join("unprerendered-index.html")
}

const LINKS_FILE: &str = "www/prerendered-links.txt";

/// One page per line of `www/prerendered-links.txt`: the built index.html whose widget is
/// prerendered in that line's state (`data-prerender-fragment` on its host).
fn link_pages(dist: &Path, index: &str) -> Result<Vec<PathBuf>, String> {
    let list = std::fs::read_to_string(root().join(LINKS_FILE))
        .map_err(|e| format!("cannot read {LINKS_FILE}: {e}"))?;
    let mut pages = Vec::new();
    for (name, fragment) in parse_links(&list)? {
        let page = with_prerender_fragment(index, fragment)
            .ok_or("dist/index.html has no `data-aks-netviz` host to prerender a deep link into")?;
        let path = dist.join(format!("{name}.html"));
        std::fs::write(&path, page).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        pages.push(path);
    }
    Ok(pages)
}

/// `name fragment` lines; `#` starts a comment. Names are file names: letters, digits and `-`.
fn parse_links(list: &str) -> Result<Vec<(&str, &str)>, String> {
    let mut out = Vec::new();
    for (n, line) in list.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(name), Some(fragment), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!(
                "{LINKS_FILE} line {}: expected `name fragment`, found `{line}`",
                n + 1
            ));
        };
        if name == "index" || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(format!(
                "{LINKS_FILE} line {}: `{name}` is not a page name (letters, digits and -, not index)",
                n + 1
            ));
        }
        out.push((name, fragment));
    }
    Ok(out)
}

/// `html` with the first widget host told which state to prerender (HTML-escaped).
fn with_prerender_fragment(html: &str, fragment: &str) -> Option<String> {
    let at = html.find("data-aks-netviz")? + "data-aks-netviz".len();
    let escaped = fragment.replace('&', "&amp;").replace('"', "&quot;");
    Some(format!(
        "{} data-prerender-fragment=\"{escaped}\"{}",
        &html[..at],
        &html[at..]
    ))
}

/// The host pages in `www/` (a blog post embedding widgets), copied into `dist/` with the built
/// page's stylesheet and loader in place of their `<!-- aks-netviz assets -->` line.
fn host_pages(dist: &Path, index: &str) -> Result<Vec<PathBuf>, String> {
    let assets = built_assets(index).ok_or("dist/index.html has no <title> or </head>")?;
    let mut pages = Vec::new();
    let www = root().join("www");
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&www)
        .map_err(|e| format!("cannot read {}: {e}", www.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    sources.sort();
    for source in sources {
        let html = read(&source)?;
        if !html.contains(ASSETS_MARK) {
            return Err(format!("{} has no `{ASSETS_MARK}` line", source.display()));
        }
        let name = source.file_name().unwrap_or_default();
        let path = dist.join(name);
        std::fs::write(&path, html.replacen(ASSETS_MARK, assets, 1))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        pages.push(path);
    }
    Ok(pages)
}

const ASSETS_MARK: &str = "<!-- aks-netviz assets -->";

/// The built page's asset tags: everything between its `</title>` and `</head>`.
fn built_assets(index: &str) -> Option<&str> {
    let start = index.find("</title>")? + "</title>".len();
    let end = start + index[start..].find("</head>")?;
    Some(&index[start..end])
}

pub fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Writes each widget's HTML into `pages` with the native prerenderer (the same components, Yew's
/// server renderer), so the first paint needs no wasm.
fn prerender(pages: &[PathBuf]) -> Result<(), String> {
    let paths: Vec<String> = pages.iter().map(|p| p.display().to_string()).collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    run_prerenderer(&paths)
}

/// `aks-netviz-prerender ARGS…`, built for the host.
fn run_prerenderer(args: &[&str]) -> Result<(), String> {
    let mut all = vec!["run", "--quiet", "--bin", "aks-netviz-prerender", "--"];
    all.extend_from_slice(args);
    run(command("cargo", &all))
}

/// Writes `instructor.html` (the workshop exercises for instructors, no widget) from the built
/// index.html's head, with the same native binary.
fn instructor_page(dist: &Path) -> Result<(), String> {
    run_prerenderer(&["--instructor", &dist.display().to_string()])
}

const LOADER_FILE: &str = "boot.js";

/// Moves the `<script type="module">` that Trunk writes inline into `boot.js` beside it.
fn externalise_loader(dist: &std::path::Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let Some((before, script, after)) = split_inline_module(&html) else {
        return Err(
            "dist/index.html has no inline module script; did Trunk's output change?".into(),
        );
    };
    let (module, wasm) = loader_targets(script).ok_or_else(|| {
        format!("cannot find the module and wasm names in Trunk's loader: {script}")
    })?;
    let css = stylesheet_href(&html).ok_or("dist/index.html links no style-*.css stylesheet")?;
    std::fs::write(dist.join(LOADER_FILE), boot_js(module, wasm, css))
        .map_err(|e| e.to_string())?;
    let tag = format!("<script type=\"module\" src=\"./{LOADER_FILE}\"></script>");
    std::fs::write(&index, format!("{before}{tag}{after}")).map_err(|e| e.to_string())
}

/// The glue module and the wasm file Trunk's loader names (`import … from './x.js'` and
/// `module_or_path: './x_bg.wasm'`).
fn loader_targets(script: &str) -> Option<(&str, &str)> {
    let quoted_after = |key: &str| {
        let rest = &script[script.find(key)? + key.len()..];
        let rest = rest.trim_start();
        let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
        let body = &rest[1..];
        Some(&body[..body.find(quote)?])
    };
    Some((quoted_after("from")?, quoted_after("module_or_path:")?))
}

/// The widget stylesheet's address as the page links it (`href=./style-….css`, quoted or not).
pub fn stylesheet_href(html: &str) -> Option<&str> {
    html.split("href=").skip(1).find_map(|rest| {
        let value = match rest.chars().next()? {
            q @ ('"' | '\'') => rest[1..].split(q).next()?,
            _ => rest.split([' ', '>']).next()?,
        };
        (value.contains("style-") && value.ends_with(".css")).then_some(value)
    })
}

/// The loader: fetches the widget's stylesheet when the page has none (a blog embedding the widget
/// with `<script type="module" src=".../boot.js">` only), starts the wasm, whose files are found
/// next to this script wherever the page is, and, when WebAssembly cannot run, says that what the
/// reader sees is a still picture.
fn boot_js(module: &str, wasm: &str, css: &str) -> String {
    format!(
        r#"// aks-netviz: starts every widget on this page ([data-aks-netviz] hosts).
import init from '{module}';

const here = (file) => new URL(file, import.meta.url).href;

function stylesheet() {{
  const href = here('{css}');
  for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {{
    if (link.href === href) return;
  }}
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}}

function stillPicture() {{
  for (const host of document.querySelectorAll('[data-aks-netviz]')) {{
    if (host.querySelector(':scope > .static-note')) continue;
    const note = document.createElement('p');
    note.className = 'static-note';
    note.setAttribute('role', 'note');
    note.setAttribute('data-testid', 'static-note');
    note.textContent = 'This is a still picture of the explainer: its interactive version needs JavaScript and WebAssembly, which did not start in this browser.';
    host.prepend(note);
  }}
}}

stylesheet();
try {{
  if (typeof WebAssembly !== 'object') throw new Error('WebAssembly is not available');
  // Let the browser paint the prerendered widgets before the wasm's work takes the main thread
  // (a background tab, which paints nothing, goes on after a moment).
  await new Promise((resolve) => {{
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 200);
  }});
  await init({{ module_or_path: here('{wasm}') }});
}} catch (e) {{
  console.warn('aks-netviz:', e);
  stillPicture();
}}
"#
    )
}

/// Splits `html` around the first inline `<script type="module">…</script>`: (before, body, after).
/// The release build is minified, which drops the quotes (`<script type=module>`).
fn split_inline_module(html: &str) -> Option<(&str, &str, &str)> {
    let start = ["<script type=\"module\"", "<script type=module"]
        .iter()
        .filter_map(|open| html.find(open))
        .min()?;
    let body_start = start + html[start..].find('>')? + 1;
    if html[start..body_start].contains("src=") {
        return None;
    }
    let body_end = body_start + html[body_start..].find("</script>")?;
    Some((
        &html[..start],
        &html[body_start..body_end],
        &html[body_end + "</script>".len()..],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_inline_module_script() {
        let html =
            "<head><script type=\"module\" nonce=\"x\">import init from './a.js';</script></head>";
        let (before, body, after) = split_inline_module(html).expect("found");
        assert_eq!(before, "<head>");
        assert_eq!(body, "import init from './a.js';");
        assert_eq!(after, "</head>");
    }

    #[test]
    fn splits_a_minified_inline_module_script() {
        let html = "<head><script type=module>import init from'./a.js'</script></head>";
        let (before, body, after) = split_inline_module(html).expect("found");
        assert_eq!(before, "<head>");
        assert_eq!(body, "import init from'./a.js'");
        assert_eq!(after, "</head>");
    }

    #[test]
    fn finds_what_the_loader_loads() {
        let script = "import init, * as bindings from './a-1.js';\nconst wasm = await init({ module_or_path: './a-1_bg.wasm' });";
        assert_eq!(loader_targets(script), Some(("./a-1.js", "./a-1_bg.wasm")));
        assert_eq!(
            stylesheet_href("<meta content=\"style-src 'self'\"><link href=./style-2f.css integrity=x rel=stylesheet>"),
            Some("./style-2f.css")
        );
        assert_eq!(
            stylesheet_href(r#"<link rel="stylesheet" href="./style-2f.css">"#),
            Some("./style-2f.css")
        );
        let boot = boot_js("./a-1.js", "./a-1_bg.wasm", "./style-2f.css");
        assert!(boot.contains("import init from './a-1.js';"));
        assert!(boot.contains("here('./a-1_bg.wasm')"));
        assert!(boot.contains("here('./style-2f.css')"));
    }

    #[test]
    fn reads_the_list_of_prerendered_links() {
        let list = "# comment\n\nprivate-onprem  mode=private&dns=none&client=onprem\n";
        assert_eq!(
            parse_links(list),
            Ok(vec![(
                "private-onprem",
                "mode=private&dns=none&client=onprem"
            )])
        );
        assert!(parse_links("index mode=vnet")
            .unwrap_err()
            .contains("not a page name"));
        assert!(parse_links("a/b mode=vnet")
            .unwrap_err()
            .contains("not a page name"));
        assert!(parse_links("lonely")
            .unwrap_err()
            .contains("expected `name fragment`"));
        let page = with_prerender_fragment("<div class=x data-aks-netviz></div>", "a=1&b=2");
        assert_eq!(
            page.as_deref(),
            Some("<div class=x data-aks-netviz data-prerender-fragment=\"a=1&amp;b=2\"></div>")
        );
        assert_eq!(
            built_assets("<title>t</title><link rel=stylesheet href=s.css></head><body>"),
            Some("<link rel=stylesheet href=s.css>")
        );
    }

    /// The published site is the one the page tests check under a sub-path: the workflow must
    /// build it with this verb for the repository's sub-path and publish that folder.
    #[test]
    fn the_pages_workflow_publishes_what_dist_builds() {
        let path = root().join(".github").join("workflows").join("pages.yml");
        let workflow = std::fs::read_to_string(&path).expect("the Pages workflow");
        assert!(workflow
            .contains(r#"cargo xtask dist --public-url "/${{ github.event.repository.name }}/""#));
        assert!(workflow.contains(
            "uses: actions/upload-pages-artifact@v3\n        with:\n          path: dist"
        ));
        assert!(workflow.contains("uses: actions/deploy-pages@v4"));
        assert!(workflow.contains("targets: wasm32-unknown-unknown"));
    }

    #[test]
    fn leaves_external_scripts_alone() {
        assert!(
            split_inline_module("<script type=\"module\" src=\"./boot.js\"></script>").is_none()
        );
    }
}

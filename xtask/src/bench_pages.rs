//! The pages `cargo xtask bench` compares, in one folder served by one server so their transfer
//! sizes and load times are comparable: the release site (`index.html` and its assets), the same
//! diagram as a static SVG page (the floor), and the same diagram drawn by Mermaid
//! (`tests/e2e/peers/mermaid.html` with npm `mermaid`'s `dist/mermaid.min.js` beside it); and,
//! for the mode change, the floor of that measurement: a static page that swaps the SVG of each
//! mode's diagram in on a radio's input event (`static-modes.html`).

use std::path::{Path, PathBuf};

use crate::cmd::{node_dir, root, target_dir};
use crate::site;

/// Copies the built site `dist` into `target/<folder>` with `static.html` and `mermaid.html`
/// beside it; returns the folder.
pub fn build(dist: &Path, folder: &str) -> Result<PathBuf, String> {
    let dir = target_dir().join(folder);
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(dist, &dir)?;
    let index = site::read(&dist.join("index.html"))?;
    write(&dir.join("static.html"), &static_page(&index)?)?;
    write(&dir.join("static-modes.html"), &static_modes_page(&index)?)?;
    write(&dir.join("static-modes.js"), STATIC_MODES_JS)?;
    let template = root()
        .join("tests")
        .join("e2e")
        .join("peers")
        .join("mermaid.html");
    write(&dir.join("mermaid.html"), &site::read(&template)?)?;
    let mermaid = node_dir()
        .join("node_modules")
        .join("mermaid")
        .join("dist")
        .join("mermaid.min.js");
    std::fs::copy(&mermaid, dir.join("mermaid.min.js")).map_err(|e| {
        format!(
            "cannot copy {} ({e}); the npm install of xtask/node brings it",
            mermaid.display()
        )
    })?;
    Ok(dir)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// A page that shows the prerendered diagram's SVG with the site's stylesheet and nothing else:
/// what a blog gets by pasting the picture as a static image.
pub fn static_page(index: &str) -> Result<String, String> {
    let hook = index
        .find("data-testid=\"network-diagram\"")
        .ok_or("index.html has no prerendered network diagram")?;
    let start = index[..hook]
        .rfind("<svg")
        .ok_or("index.html has no prerendered network diagram")?;
    let end = start
        + index[start..]
            .find("</svg>")
            .ok_or("the prerendered diagram is not closed")?
        + "</svg>".len();
    let css = site::stylesheet_href(index).ok_or("index.html links no stylesheet")?;
    Ok(format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content=\"width=device-width,initial-scale=1\"><title>The same diagram as a static SVG</title><link rel=stylesheet href=\"{css}\"></head><body><main class=page><div class=aks-netviz><div class=diagram-frame><div class=diagram-fit>{}</div></div></div></main></body></html>",
        &index[start..end]
    ))
}

/// The fragments of the mode change measurement (`tests/e2e/mode-change-measure.mjs`), one per
/// mode radio, in its order.
pub const MODE_FRAGMENTS: [(&str, &str); 4] = [
    ("public", "mode=public&ranges=81.56.12.7/32"),
    ("authorized", "mode=authorized&ranges=81.56.12.7/32"),
    ("private", "mode=private&ranges=81.56.12.7/32"),
    ("vnet", "mode=vnet&ranges=81.56.12.7/32"),
];

/// The one script of `static-modes.html` (an inline one would break the served
/// Content-Security-Policy): the checked mode's diagram replaces the drawn one.
const STATIC_MODES_JS: &str = "document.addEventListener('input', (e) => {\n  const diagram = document.getElementById(`mode-${e.target.value}`);\n  if (diagram) document.getElementById('diagram').replaceChildren(diagram.content.cloneNode(true));\n});\n";

/// The floor of a mode change: the site's stylesheet, four mode radios and each mode's diagram
/// (drawn by the release command, `aks-netviz svg`, its own `<style>` left out as the page's
/// stylesheet draws it), swapped into the page with `innerHTML` on the radio's input event. No
/// page can show another mode's diagram with less work.
pub fn static_modes_page(index: &str) -> Result<String, String> {
    crate::cmd::run(crate::cmd::command(
        "cargo",
        &["build", "--release", "--quiet", "--bin", "aks-netviz"],
    ))?;
    let cli = target_dir().join("release").join("aks-netviz");
    let mut svgs = Vec::new();
    for (mode, fragment) in MODE_FRAGMENTS {
        let out = std::process::Command::new(&cli)
            .args(["svg", fragment, "--width", "1000"])
            .output()
            .map_err(|e| {
                format!(
                    "cannot run {} ({e}); cargo build --release builds it",
                    cli.display()
                )
            })?;
        if !out.status.success() {
            return Err(format!("aks-netviz svg '{fragment}' failed"));
        }
        let svg = String::from_utf8_lossy(&out.stdout).into_owned();
        svgs.push((mode, without_style(&svg)));
    }
    let css = site::stylesheet_href(index).ok_or("index.html links no stylesheet")?;
    Ok(modes_page(css, &svgs))
}

/// `svg` without its `<style>` element.
fn without_style(svg: &str) -> String {
    match (svg.find("<style>"), svg.find("</style>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &svg[..a], &svg[b + "</style>".len()..]),
        _ => svg.to_string(),
    }
}

/// The page of [`static_modes_page`]: the first diagram drawn, the others in `<template>`s.
fn modes_page(css: &str, svgs: &[(&str, String)]) -> String {
    let radios: String = svgs
        .iter()
        .enumerate()
        .map(|(i, (mode, _))| {
            let checked = if i == 0 { " checked" } else { "" };
            format!("<label><input type=radio name=mode value={mode}{checked}> {mode}</label>")
        })
        .collect();
    let templates: String = svgs
        .iter()
        .map(|(mode, svg)| format!("<template id=mode-{mode}>{svg}</template>"))
        .collect();
    format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Each mode's diagram as a static SVG</title><link rel=stylesheet href=\"{css}\"></head><body><main class=page><div class=aks-netviz><fieldset data-setting=mode><legend>Mode</legend>{radios}</fieldset><div class=diagram-frame><div class=diagram-fit id=diagram>{}</div></div>{templates}</div></main><script src=static-modes.js></script></body></html>",
        svgs.first().map(|(_, s)| s.as_str()).unwrap_or_default()
    )
}

/// Copies the files (not the folders) of `from` into `to`.
pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(from)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let path = entry.path();
        if path.is_file() {
            std::fs::copy(&path, to.join(entry.file_name())).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{modes_page, static_page, without_style};

    #[test]
    fn the_modes_page_draws_the_first_mode_and_keeps_the_others_for_the_swap() {
        let svgs = [
            (
                "public",
                without_style("<svg><style>.a{}</style><rect id=p/></svg>"),
            ),
            ("private", "<svg><rect id=q/></svg>".to_string()),
        ];
        let page = modes_page("./style-1.css", &svgs);
        assert!(page.contains("value=public checked>") && page.contains("value=private>"));
        assert!(page.contains("<div class=diagram-fit id=diagram><svg><rect id=p/></svg></div>"));
        assert!(page.contains("<template id=mode-private><svg><rect id=q/></svg></template>"));
        assert!(!page.contains("<style>") && page.contains("href=\"./style-1.css\""));
        assert!(page.contains("<script src=static-modes.js>"));
    }

    #[test]
    fn the_static_page_holds_the_prerendered_svg_and_the_stylesheet_only() {
        let index = "<head><link rel=stylesheet href=./style-1.css></head><body><div><svg class=\"diagram\" data-testid=\"network-diagram\"><rect/></svg></div><script src=./boot.js></script>";
        let page = static_page(index).unwrap();
        assert!(
            page.contains("<svg class=\"diagram\" data-testid=\"network-diagram\"><rect/></svg>")
        );
        assert!(page.contains("href=\"./style-1.css\""));
        assert!(!page.contains("boot.js"));
        assert_eq!(
            static_page("<svg></svg>").unwrap_err(),
            "index.html has no prerendered network diagram"
        );
    }

    #[test]
    fn the_mermaid_page_draws_the_widget_default_diagram() {
        let page = std::fs::read_to_string(crate::cmd::root().join("tests/e2e/peers/mermaid.html"))
            .unwrap();
        assert!(page.contains("<script src=\"mermaid.min.js\"></script>"));
        assert!(page.contains("<pre class=\"mermaid\">\nflowchart"));
        // The default scenario's nine events, numbered as the widget's timeline.
        for n in 1..=9 {
            assert!(page.contains(&format!("\"{n} ")), "event {n} missing");
        }
    }
}

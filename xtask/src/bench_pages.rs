//! The pages `cargo xtask bench` compares, in one folder served by one server so their transfer
//! sizes and load times are comparable: the release site (`index.html` and its assets), the same
//! diagram as a static SVG page (the floor), and the same diagram drawn by Mermaid
//! (`tests/e2e/peers/mermaid.html` with npm `mermaid`'s `dist/mermaid.min.js` beside it).

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
    use super::static_page;

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

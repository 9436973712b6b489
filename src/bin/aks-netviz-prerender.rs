//! `aks-netviz-prerender PAGE.html…`: the build step that writes each widget's HTML into the built
//! pages (in place), so readers see the diagram before the wasm arrives. `cargo xtask dist` runs it
//! on the release site; see `aks_netviz::prerender`.
//!
//! `aks-netviz-prerender --instructor DIST`: writes `DIST/instructor.html`, the workshop
//! exercises for instructors (`aks_netviz::exercise::instructor_page`), with the head of the built
//! `DIST/index.html` and no widget.

use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "usage: aks-netviz-prerender PAGE.html… (built pages, rewritten in place)
       aks-netviz-prerender --instructor DIST (writes DIST/instructor.html from DIST/index.html)";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [] => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        [flag, dist] if flag == "--instructor" => instructor(std::path::Path::new(dist)),
        [flag, ..] if flag.starts_with('-') => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        pages => prerender(pages),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("aks-netviz-prerender: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn prerender(pages: &[String]) -> Result<(), String> {
    for page in pages {
        let html = std::fs::read_to_string(page).map_err(|e| format!("cannot read {page}: {e}"))?;
        let (html, hosts) = aks_netviz::prerender::prerender_page(&html)?;
        std::fs::write(page, html).map_err(|e| format!("cannot write {page}: {e}"))?;
        println!("prerendered {hosts} widget(s) in {page}");
    }
    Ok(())
}

/// The title of `instructor.html`.
#[cfg(not(target_arch = "wasm32"))]
const INSTRUCTOR_TITLE: &str = "aks-netviz: workshop exercises, instructor page";

#[cfg(not(target_arch = "wasm32"))]
fn instructor(dist: &std::path::Path) -> Result<(), String> {
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    let list = aks_netviz::exercise::catalogue()?;
    let main = aks_netviz::exercise::instructor_page(list);
    let page = aks_netviz::prerender::page_without_widget(&index, INSTRUCTOR_TITLE, &main)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let path = dist.join("instructor.html");
    std::fs::write(&path, page).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("wrote {} exercise(s) into {}", list.len(), path.display());
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    ExitCode::from(2)
}

//! `aks-netviz-prerender PAGE.html…`: the build step that writes each widget's HTML into the built
//! pages (in place), so readers see the diagram before the wasm arrives. `cargo xtask dist` runs it
//! on the release site; see `aks_netviz::prerender`.

use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let pages: Vec<String> = std::env::args().skip(1).collect();
    if pages.is_empty() {
        eprintln!("usage: aks-netviz-prerender PAGE.html… (built pages, rewritten in place)");
        return ExitCode::from(2);
    }
    for page in &pages {
        let result = std::fs::read_to_string(page)
            .map_err(|e| format!("cannot read {page}: {e}"))
            .and_then(|html| aks_netviz::prerender::prerender_page(&html))
            .and_then(|(html, hosts)| {
                std::fs::write(page, html)
                    .map(|_| hosts)
                    .map_err(|e| format!("cannot write {page}: {e}"))
            });
        match result {
            Ok(hosts) => println!("prerendered {hosts} widget(s) in {page}"),
            Err(e) => {
                eprintln!("aks-netviz-prerender: {e}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    ExitCode::from(2)
}

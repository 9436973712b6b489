//! The page's entry point: Trunk compiles this binary to WebAssembly and it mounts the app.

fn main() {
    #[cfg(target_arch = "wasm32")]
    aks_netviz::ui::mount();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "aks-netviz-web is the page's WebAssembly entry; run `cargo xtask serve` to open it."
    );
}

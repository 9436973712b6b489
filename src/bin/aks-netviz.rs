//! The native command: the same model the page runs, printed for scripts and graders.

fn main() {
    eprintln!("usage: aks-netviz scenario '<fragment>' | aks-netviz import FILE");
    std::process::exit(2);
}

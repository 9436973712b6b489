//! `cargo xtask size`: what every reader downloads, file by file, raw and gzipped.
//!
//! The total (and the budget) is the default page: `index.html` and every asset. The other pages
//! of the site (deep links prerendered as pages of their own, the example host page) are listed
//! apart: a reader loads one of them instead of `index.html`, never on top of it.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::cmd::root;
use crate::{check_args, flag_value};

/// One file's cost.
pub struct FileSize {
    pub path: String,
    pub raw: u64,
    pub gzip: u64,
}

/// Sizes of every file under `dir`, sorted by path.
pub fn measure(dir: &Path) -> Result<Vec<FileSize>, String> {
    let mut files = Vec::new();
    collect(dir, &mut files).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        let gzip = gzip_len(&bytes)?;
        let path = f.strip_prefix(dir).unwrap_or(&f).display().to_string();
        out.push(FileSize {
            path,
            raw: bytes.len() as u64,
            gzip,
        });
    }
    Ok(out)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Prints the table and returns the gzip total.
pub fn report(dir: &Path) -> Result<u64, String> {
    let sizes = measure(dir)?;
    if sizes.is_empty() {
        return Err(format!(
            "{} is empty; run `cargo xtask dist` first",
            dir.display()
        ));
    }
    let width = sizes.iter().map(|s| s.path.len()).max().unwrap_or(4).max(5);
    println!(
        "{:<width$}  {:>10}  {:>10}",
        "file", "raw bytes", "gzip bytes"
    );
    let (apart, default_page): (Vec<&FileSize>, Vec<&FileSize>) = sizes
        .iter()
        .partition(|s| is_other_page(&s.path) || ON_DEMAND.contains(&s.path.as_str()));
    let (pages, on_demand): (Vec<&FileSize>, Vec<&FileSize>) =
        apart.into_iter().partition(|s| is_other_page(&s.path));
    let (mut raw, mut gzip) = (0, 0);
    for s in &default_page {
        println!("{:<width$}  {:>10}  {:>10}", s.path, s.raw, s.gzip);
        raw += s.raw;
        gzip += s.gzip;
    }
    println!("{:<width$}  {:>10}  {:>10}", "total", raw, gzip);
    if !pages.is_empty() {
        println!("other pages (each loaded instead of index.html, with the same assets):");
        for s in &pages {
            println!("{:<width$}  {:>10}  {:>10}", s.path, s.raw, s.gzip);
        }
    }
    if !on_demand.is_empty() {
        println!("fetched only when a reader asks for them:");
        for s in &on_demand {
            println!("{:<width$}  {:>10}  {:>10}", s.path, s.raw, s.gzip);
        }
    }
    Ok(gzip)
}

/// Files the page fetches only on a reader's request, never on load: the workshop exercises
/// (`ui/components/exercises.rs` fetches them when an exercise is opened or listed).
const ON_DEMAND: [&str; 1] = ["exercises.json"];

/// Bytes of `bytes` gzipped at the best level, as every figure here counts them.
fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(bytes).map_err(|e| e.to_string())?;
    Ok(gz.finish().map_err(|e| e.to_string())?.len() as u64)
}

/// Gzip bytes the prerendered widget adds to a page (`after`) against the same page before the
/// prerender step (`before`).
pub fn prerendered_addition(after: &str, before: &str) -> Result<i64, String> {
    Ok(gzip_len(after.as_bytes())? as i64 - gzip_len(before.as_bytes())? as i64)
}

/// An HTML page other than the default one.
fn is_other_page(path: &str) -> bool {
    path.ends_with(".html") && path != "index.html"
}

/// `cargo xtask size [--max-gz BYTES]`.
pub fn run(args: &[String]) -> Result<(), String> {
    check_args(args, &["--max-gz"])?;
    let budget =
        match flag_value(args, "--max-gz")? {
            None => None,
            Some(v) => Some(v.replace('_', "").parse::<u64>().map_err(|_| {
                format!("--max-gz takes a number of bytes, such as 256000, not `{v}`")
            })?),
        };
    let dist = root().join("dist");
    if !dist.join("index.html").is_file() {
        return Err("dist/ has no site yet; run `cargo xtask dist` first".into());
    }
    match budget {
        Some(max) => within_budget(&dist, max).map(|_| ()),
        None => report(&dist).map(|_| ()),
    }
}

/// Prints the table and checks the gzip total against `max`; `Ok` carries the total.
pub fn within_budget(dir: &Path, max: u64) -> Result<u64, String> {
    let total = report(dir)?;
    if total > max {
        return Err(format!(
            "the site is {total} bytes gzipped, over the budget of {max}"
        ));
    }
    println!("xtask: {total} bytes gzipped, within the budget of {max}");
    Ok(total)
}

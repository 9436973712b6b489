//! A small static file server for the built site: `cargo xtask serve` uses it for readers and the
//! page-level tests use it on an ephemeral port. Loopback only.
//!
//! Every page is served with the strict Content-Security-Policy a host should send ([`CSP`]), so
//! the page tests prove the site works under it; the pages' own meta policy stays as well.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

use crate::{check_args, flag_value, site};

/// `cargo xtask serve [--port N]`: build the release site, then serve it until interrupted.
pub fn run(args: &[String]) -> Result<(), String> {
    check_args(args, &["--port"])?;
    let port = match flag_value(args, "--port")? {
        None => 8080,
        Some(p) => p
            .parse::<u16>()
            .map_err(|_| format!("--port takes a number from 1 to 65535, not `{p}`"))?,
    };
    let dist = site::build("./")?;
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
        format!("cannot listen on 127.0.0.1:{port} ({e}); try --port with a free port")
    })?;
    println!(
        "xtask: serving {} on http://127.0.0.1:{port}/ (Ctrl-C stops)",
        dist.display()
    );
    serve_forever(listener, dist);
    Ok(())
}

/// The policy sent with every page: what the README tells hosts to send.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

/// Binds an ephemeral loopback port and serves `dir` from a background thread; returns the base URL.
pub fn spawn(dir: PathBuf) -> Result<String, String> {
    spawn_under(dir, "/")
}

/// As [`spawn`], with the site under `prefix` (such as `/aks-netviz/`, as GitHub Pages serves a
/// project site); anything outside it is not found. Returns the site's URL.
pub fn spawn_under(dir: PathBuf, prefix: &'static str) -> Result<String, String> {
    let listener = TcpListener::bind(("127.0.0.1", 0))
        .map_err(|e| format!("cannot listen on loopback: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let _ = handle(stream, &dir, prefix);
            });
        }
    });
    Ok(format!("http://{addr}{prefix}"))
}

fn serve_forever(listener: TcpListener, dir: PathBuf) {
    for stream in listener.incoming().flatten() {
        let dir = dir.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &dir, "/");
        });
    }
}

fn handle(mut stream: TcpStream, dir: &Path, prefix: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them changes the answer.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut words = request_line.split_whitespace();
    let method = words.next().unwrap_or("");
    let target = words.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET or HEAD only\n",
            true,
        );
    }
    let Some(path) = target
        .strip_prefix(prefix)
        .and_then(|rest| resolve(dir, &format!("/{rest}")))
    else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            true,
        );
    };
    match std::fs::read(&path) {
        Ok(body) => respond(&mut stream, "200 OK", mime(&path), &body, method == "GET"),
        Err(_) => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            true,
        ),
    }
}

/// Maps a request target to a file under `dir`, refusing anything that climbs out of it.
fn resolve(dir: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut out = dir.to_path_buf();
    for c in Path::new(path.trim_start_matches('/')).components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    out.is_file().then_some(out)
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    let policy = if kind.starts_with("text/html") {
        format!("Content-Security-Policy: {CSP}\r\n")
    } else {
        String::new()
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{policy}Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_refuses_parent_directories() {
        let dir = std::env::temp_dir();
        assert_eq!(resolve(&dir, "/../etc/passwd"), None);
    }

    #[test]
    fn wasm_is_served_as_wasm() {
        assert_eq!(mime(Path::new("a/b.wasm")), "application/wasm");
    }
}

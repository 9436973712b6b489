//! Shorter names for the functions the wasm imports from its JS glue. wasm-bindgen names each one
//! `__wbg_<method>_<16 hex digits>` (about 190 of them here), and every name is written twice:
//! in the wasm's import section and as a key of the glue's import object. The hex digits do not
//! compress: renamed `a`, `b`, … in both files, the names leave the site 6.7 KB smaller gzipped
//! (4.2 KB of wasm, 2.5 KB of glue). Nothing else refers to them: they are the link between these
//! two files only.

use std::collections::HashMap;

/// `wasm` and `glue` with every import of the wasm that the glue names given a short name, in
/// both; and how many were renamed. Errors name what in the wasm could not be read.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String, usize), String> {
    let Some((start, end)) = sections(wasm)?
        .into_iter()
        .find(|(id, _, _)| *id == IMPORT_SECTION)
        .map(|(_, start, end)| (start, end))
    else {
        return Ok((wasm.to_vec(), glue.to_string(), 0));
    };
    let imports = read_imports(&wasm[start..end])?;
    let in_glue = identifiers(glue);
    let mut renames: HashMap<&str, String> = HashMap::new();
    let mut next = 0;
    for import in &imports {
        let generated = ["__wbg_", "__wbindgen_"]
            .iter()
            .any(|p| import.field.starts_with(p));
        if generated && in_glue.contains_key(import.field.as_str()) {
            renames
                .entry(import.field.as_str())
                .or_insert_with(|| short_name(&mut next));
        }
    }
    let mut section = Vec::new();
    write_leb(imports.len() as u64, &mut section);
    for import in &imports {
        let field = renames
            .get(import.field.as_str())
            .map_or(import.field.as_str(), String::as_str);
        write_name(&import.module, &mut section);
        write_name(field, &mut section);
        section.extend_from_slice(&import.desc);
    }
    let mut out = wasm[..section_header_start(wasm, start)].to_vec();
    out.push(IMPORT_SECTION);
    write_leb(section.len() as u64, &mut out);
    out.extend_from_slice(&section);
    out.extend_from_slice(&wasm[end..]);
    Ok((out, rename_identifiers(glue, &renames), renames.len()))
}

const IMPORT_SECTION: u8 = 2;

/// One import: its module and field names, and its description (kind and type) as raw bytes.
struct Import {
    module: String,
    field: String,
    desc: Vec<u8>,
}

/// Every section as (id, start of its body, end of its body).
fn sections(wasm: &[u8]) -> Result<Vec<(u8, usize, usize)>, String> {
    if wasm.len() < 8 || wasm[..4] != *b"\0asm" {
        return Err("not a WebAssembly module (no \\0asm header)".into());
    }
    let mut pos = 8;
    let mut out = Vec::new();
    while pos < wasm.len() {
        let id = wasm[pos];
        pos += 1;
        let len = read_leb(wasm, &mut pos)? as usize;
        let end = pos
            .checked_add(len)
            .filter(|&e| e <= wasm.len())
            .ok_or(format!("section {id} runs past the end of the module"))?;
        out.push((id, pos, end));
        pos = end;
    }
    Ok(out)
}

/// Where the section whose body starts at `body` begins (its id byte): the length before the
/// body is a LEB128 number, whose bytes all have the high bit set but the last.
fn section_header_start(wasm: &[u8], body: usize) -> usize {
    let mut at = body - 1; // the length's last byte
    while at > 0 && wasm[at - 1] & 0x80 != 0 {
        at -= 1;
    }
    at - 1
}

fn read_imports(body: &[u8]) -> Result<Vec<Import>, String> {
    let mut pos = 0;
    let count = read_leb(body, &mut pos)?;
    let mut out = Vec::new();
    for _ in 0..count {
        let module = read_name(body, &mut pos)?;
        let field = read_name(body, &mut pos)?;
        let desc_start = pos;
        let kind = read_byte(body, &mut pos)?;
        match kind {
            0 => {
                read_leb(body, &mut pos)?; // function: type index
            }
            1 => {
                read_value_type(body, &mut pos)?; // table: element type, limits
                read_limits(body, &mut pos)?;
            }
            2 => read_limits(body, &mut pos)?, // memory
            3 => {
                read_value_type(body, &mut pos)?; // global: type, mutability
                read_byte(body, &mut pos)?;
            }
            4 => {
                read_byte(body, &mut pos)?; // tag: attribute, type index
                read_leb(body, &mut pos)?;
            }
            _ => {
                return Err(format!(
                    "import `{module}`.`{field}` has unknown kind {kind}"
                ))
            }
        }
        out.push(Import {
            module,
            field,
            desc: body[desc_start..pos].to_vec(),
        });
    }
    Ok(out)
}

/// A value or reference type of one byte; the typed references (0x63, 0x64 and a heap type) are
/// refused rather than misread.
fn read_value_type(body: &[u8], pos: &mut usize) -> Result<(), String> {
    match read_byte(body, pos)? {
        0x63 | 0x64 => {
            Err("an import uses a typed reference, which this step does not read".into())
        }
        _ => Ok(()),
    }
}

fn read_limits(body: &[u8], pos: &mut usize) -> Result<(), String> {
    let flags = read_byte(body, pos)?;
    read_leb(body, pos)?;
    if flags & 1 != 0 {
        read_leb(body, pos)?;
    }
    if flags & 8 != 0 {
        read_leb(body, pos)?; // custom page size
    }
    Ok(())
}

fn read_byte(body: &[u8], pos: &mut usize) -> Result<u8, String> {
    let b = *body.get(*pos).ok_or("the import section ends early")?;
    *pos += 1;
    Ok(b)
}

fn read_leb(bytes: &[u8], pos: &mut usize) -> Result<u64, String> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*pos).ok_or("a LEB128 number runs past the end")?;
        *pos += 1;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err("a LEB128 number is longer than 64 bits".into())
}

fn write_leb(mut value: u64, out: &mut Vec<u8>) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn read_name(body: &[u8], pos: &mut usize) -> Result<String, String> {
    let len = read_leb(body, pos)? as usize;
    let bytes = pos
        .checked_add(len)
        .and_then(|end| body.get(*pos..end))
        .ok_or("an import name runs past the end of its section")?;
    *pos += len;
    String::from_utf8(bytes.to_vec()).map_err(|_| "an import name is not UTF-8".to_string())
}

fn write_name(name: &str, out: &mut Vec<u8>) {
    write_leb(name.len() as u64, out);
    out.extend_from_slice(name.as_bytes());
}

/// `a` … `Z`, then `aa`, `ba`, …: the `next`th short name (skipping the keywords `do`, `if` and
/// `in`, valid as keys but confusing to read).
fn short_name(next: &mut usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    loop {
        let (mut n, mut name) = (*next, String::new());
        *next += 1;
        loop {
            name.push(LETTERS[n % LETTERS.len()] as char);
            n /= LETTERS.len();
            if n == 0 {
                break;
            }
            n -= 1;
        }
        if !["do", "if", "in"].contains(&name.as_str()) {
            return name;
        }
    }
}

/// Every JavaScript identifier-like word in `js` (runs of letters, digits, `_` and `$`), counted.
fn identifiers(js: &str) -> HashMap<&str, usize> {
    let mut out = HashMap::new();
    for word in js.split(|c: char| !is_identifier_char(c)) {
        if !word.is_empty() {
            *out.entry(word).or_default() += 1;
        }
    }
    out
}

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// `js` with every whole word found in `renames` replaced.
fn rename_identifiers(js: &str, renames: &HashMap<&str, String>) -> String {
    let mut out = String::with_capacity(js.len());
    let mut word_start = None;
    for (i, c) in js.char_indices().chain(std::iter::once((js.len(), ' '))) {
        if is_identifier_char(c) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            let word = &js[start..i];
            out.push_str(renames.get(word).map_or(word, String::as_str));
        }
        if i < js.len() {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions from the glue, one from elsewhere and a memory, with a
    /// type section before and a custom section after the imports.
    fn module(imports: &[(&str, &str, &[u8])]) -> Vec<u8> {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]); // type section: one () -> ()
        let mut body = Vec::new();
        write_leb(imports.len() as u64, &mut body);
        for (module, field, desc) in imports {
            write_name(module, &mut body);
            write_name(field, &mut body);
            body.extend_from_slice(desc);
        }
        wasm.push(IMPORT_SECTION);
        write_leb(body.len() as u64, &mut wasm);
        wasm.extend_from_slice(&body);
        wasm.extend_from_slice(&[0, 4, 3, b'a', b'b', b'c']); // custom section "abc"
        wasm
    }

    #[test]
    fn renames_the_glue_imports_in_both_files() {
        let glue =
            "const i={__proto__:null,__wbg_log_0123456789abcdef:function(t){console.log(t)},\
            __wbg_now_fedcba9876543210(){return Date.now()}};x.__wbg_now_fedcba9876543210;";
        let wasm = module(&[
            ("./a_bg.js", "__wbg_log_0123456789abcdef", &[0, 0]),
            ("./a_bg.js", "__wbg_now_fedcba9876543210", &[0, 0]),
            ("env", "__wbg_elsewhere_0000000000000000", &[0, 0]),
            ("./a_bg.js", "memory", &[2, 1, 17, 18]),
        ]);
        let (out, js, count) = shorten(&wasm, glue).expect("shortened");
        assert_eq!(count, 2);
        assert_eq!(
            js,
            "const i={__proto__:null,a:function(t){console.log(t)},b(){return Date.now()}};x.b;"
        );
        assert_eq!(
            out,
            module(&[
                ("./a_bg.js", "a", &[0, 0]),
                ("./a_bg.js", "b", &[0, 0]),
                ("env", "__wbg_elsewhere_0000000000000000", &[0, 0]),
                ("./a_bg.js", "memory", &[2, 1, 17, 18]),
            ])
        );
    }

    #[test]
    fn leaves_a_module_without_glue_imports_as_it_is() {
        let wasm = module(&[("env", "memory", &[2, 0, 1])]);
        let (out, js, count) = shorten(&wasm, "export {}").expect("read");
        assert_eq!((out, js.as_str(), count), (wasm, "export {}", 0));
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(shorten(b"not wasm", "")
            .unwrap_err()
            .contains("not a WebAssembly module"));
        let mut cut = module(&[("./a_bg.js", "__wbg_x", &[0, 0])]);
        cut.truncate(cut.len() - 8);
        assert!(shorten(&cut, "__wbg_x").is_err());
        let odd = module(&[("./a_bg.js", "__wbg_x", &[9, 0])]);
        assert!(shorten(&odd, "__wbg_x")
            .unwrap_err()
            .contains("unknown kind 9"));
    }

    #[test]
    fn short_names_are_distinct_identifiers() {
        let mut next = 0;
        let names: Vec<String> = (0..3000).map(|_| short_name(&mut next)).collect();
        assert_eq!(names[..3], ["a", "b", "c"]);
        assert_eq!(names[52], "aa");
        let unique: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_alphabetic())));
        assert!(!names.iter().any(|n| n == "in" || n == "do" || n == "if"));
    }

    #[test]
    fn leb128_round_trips() {
        for v in [0, 1, 127, 128, 300, 16_384, u64::from(u32::MAX)] {
            let mut bytes = Vec::new();
            write_leb(v, &mut bytes);
            let mut pos = 0;
            assert_eq!(read_leb(&bytes, &mut pos), Ok(v));
            assert_eq!(pos, bytes.len());
        }
    }
}

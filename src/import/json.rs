//! Parsing and reading JSON forgivingly about key casing, strictly about value types.
//!
//! The az CLI prints `authorizedIpRanges` where ARM writes `authorizedIPRanges`; people also
//! paste hand-edited mixtures. Keys are therefore looked up ignoring ASCII case, preferring a
//! non-null value when a key appears in several casings. Values are type-checked: a known field
//! with the wrong type is an error naming the field, never a silent default.

use serde_json::{Map, Value};

use super::ImportError;

/// Parses text as one JSON value, describing what was found when it is not JSON.
pub fn parse(text: &str) -> Result<Value, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::got("empty input"));
    }
    serde_json::from_str(text).map_err(|e| {
        ImportError::got(format!(
            "text that is not JSON (line {}, column {}: {}), starting with {}",
            e.line(),
            e.column(),
            short_error(&e),
            excerpt(text.trim_start())
        ))
    })
}

/// serde_json's message without its own " at line X column Y" suffix.
fn short_error(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

/// The first characters of a text, quoted, for error messages.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 40;
    let mut out: String = text.chars().take(MAX).collect();
    if text.chars().nth(MAX).is_some() {
        out.push('…');
    }
    format!("{out:?}")
}

/// A value's kind in words, for "got …".
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("a number ({n})"),
        Value::String(s) => format!("a string ({})", excerpt(s)),
        Value::Array(a) => format!("an array of {} item(s)", a.len()),
        Value::Object(o) => format!("an object with {} key(s)", o.len()),
    }
}

/// The value of `key` in `obj`, ignoring ASCII case; a non-null value wins over `null`.
pub fn get<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    let mut found = None;
    for (k, v) in obj {
        if k.eq_ignore_ascii_case(key) {
            if !v.is_null() {
                return Some(v);
            }
            found = Some(v);
        }
    }
    found
}

/// True when `obj` has `key` in any casing (even with a `null` value).
pub fn has(obj: &Map<String, Value>, key: &str) -> bool {
    obj.keys().any(|k| k.eq_ignore_ascii_case(key))
}

/// A typed reader over one object, carrying its path for error messages.
pub struct Reader<'a> {
    /// The object.
    pub obj: &'a Map<String, Value>,
    /// Its path in the document (`properties.apiServerAccessProfile`), empty at the top.
    pub path: String,
}

impl<'a> Reader<'a> {
    /// A reader over `obj` at `path`.
    pub fn new(obj: &'a Map<String, Value>, path: impl Into<String>) -> Reader<'a> {
        Reader {
            obj,
            path: path.into(),
        }
    }

    /// The path of `key` under this object.
    pub fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// A string field; `null` or missing is `None`.
    pub fn string(&self, key: &str) -> Result<Option<&'a str>, ImportError> {
        match get(self.obj, key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(other) => Err(ImportError::field(
                &self.path_of(key),
                "a string or null",
                describe(other),
            )),
        }
    }

    /// A boolean field; `null` or missing is `None`.
    pub fn boolean(&self, key: &str) -> Result<Option<bool>, ImportError> {
        match get(self.obj, key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(ImportError::field(
                &self.path_of(key),
                "true, false or null",
                describe(other),
            )),
        }
    }

    /// An array of strings; `null` or missing is `None`.
    pub fn strings(&self, key: &str) -> Result<Option<Vec<&'a str>>, ImportError> {
        match get(self.obj, key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Value::String(s) => Ok(s.as_str()),
                    other => Err(ImportError::field(
                        &format!("{}[{i}]", self.path_of(key)),
                        "a string (an IP range such as 81.56.12.7/32)",
                        describe(other),
                    )),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
            Some(other) => Err(ImportError::field(
                &self.path_of(key),
                "an array of strings or null",
                describe(other),
            )),
        }
    }

    /// A nested object; `null` or missing is `None`.
    pub fn object(&self, key: &str) -> Result<Option<Reader<'a>>, ImportError> {
        match get(self.obj, key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(o)) => Ok(Some(Reader::new(o, self.path_of(key)))),
            Some(other) => Err(ImportError::field(
                &self.path_of(key),
                "an object or null",
                describe(other),
            )),
        }
    }
}

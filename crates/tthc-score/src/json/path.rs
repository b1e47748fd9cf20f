//! The field path at a position of a JSON text ("perDossier.contacts.one",
//! "officials[1].attitude").
//!
//! serde_json reports where an error happened as line and column; this scanner turns that
//! into the path of the field being read. It runs only when there is an error, so parsing
//! a valid report costs nothing extra, and it replaces a path-tracking deserializer wrapper
//! that doubled the deserialization code (about 50 KB of WebAssembly).

enum Frame {
    /// An object, with the key whose value is being read.
    Object(Option<String>),
    /// An array, with the index of the element being read (None before the first).
    Array(Option<usize>),
}

/// The byte offset of a 1-based line and column (serde_json counts columns in bytes).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    (start + column).min(text.len())
}

/// Reads a JSON string starting at the opening quote `i`; returns it and the index after
/// the closing quote. Escapes are decoded as JSON says (`X\u00e3` is `Xã`), so that a path
/// names a key as the input means it.
pub(super) fn string_at(b: &[u8], start: usize) -> (String, usize) {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let token = &b[start..=i];
                // From text, as every other read: `from_slice` would add its own copy of
                // serde_json's reader to the WebAssembly module.
                let s = std::str::from_utf8(token)
                    .ok()
                    .and_then(|t| serde_json::from_str::<String>(t).ok())
                    .unwrap_or_else(|| String::from_utf8_lossy(&token[1..token.len() - 1]).into());
                return (s, i + 1);
            }
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    (
        String::from_utf8_lossy(&b[(start + 1).min(b.len())..]).into_owned(),
        i,
    )
}

/// Levels of a path at most.
const PATH_DEPTH: usize = 32;

/// The path of the value being read at `line`:`column` of `text`.
pub(crate) fn path_at(text: &str, line: usize, column: usize) -> String {
    let end = offset(text, line, column);
    let b = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < end {
        let c = b[i];
        // Any value that starts inside an array that has none yet is its element 0.
        if !c.is_ascii_whitespace() && !matches!(c, b']' | b',' | b':' | b'}') {
            if let Some(Frame::Array(ix @ None)) = stack.last_mut() {
                *ix = Some(0);
            }
        }
        match c {
            b'{' => {
                stack.push(Frame::Object(None));
                expect_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(None));
                expect_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                // Between a comma and the next key, no field is being read: the object is.
                Some(Frame::Object(key)) => {
                    *key = None;
                    expect_key = true;
                }
                Some(Frame::Array(ix)) => *ix = Some(ix.map_or(1, |n| n + 1)),
                None => {}
            },
            b'"' => {
                let (s, next) = string_at(b, i);
                if expect_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = Some(s);
                    }
                    expect_key = false;
                }
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    // No input of ours nests deeper than a few levels; a text nested a hundred thousand
    // levels deep gets a path of its first levels.
    for (depth, f) in stack.iter().enumerate() {
        if depth == PATH_DEPTH {
            path.push('…');
            break;
        }
        match f {
            Frame::Object(Some(k)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                // A problem escapes what would break its line (`Problem::new`).
                path.push_str(&crate::base::cut(k, crate::base::QUOTED_CHARS));
            }
            Frame::Array(Some(i)) => {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
            }
            _ => {}
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::path_at;

    fn at(text: &str, marker: &str) -> String {
        let i = text.find(marker).unwrap() + marker.len();
        let line = text[..i].matches('\n').count() + 1;
        let col = i - text[..i].rfind('\n').map_or(0, |n| n + 1);
        path_at(text, line, col)
    }

    #[test]
    fn escaped_keys_are_decoded() {
        let t = r#"{"units": {"X\u00e3 A": {"level": "bogus"}, "a\"b\\c": 1}}"#;
        assert_eq!(at(t, r#""level": "#), "units.Xã A.level");
        assert_eq!(at(t, r#"c": "#), "units.a\"b\\c");
    }

    #[test]
    fn deep_or_long_paths_are_cut() {
        let deep = "[".repeat(100_000);
        let p = path_at(&deep, 1, deep.len());
        assert_eq!(p, format!("{}…", "[0]".repeat(32)));
        let long = format!("{{\"{}\": 1}}", "k".repeat(1000));
        assert_eq!(at(&long, ": 1"), format!("{}…", "k".repeat(64)));
    }

    #[test]
    fn paths() {
        let t = r#"{"a": {"b": 1, "c": [ {"d": 2}, {"e": [3, 4]} ]}, "f": "x}y"}"#;
        assert_eq!(at(t, r#""b": 1"#), "a.b");
        assert_eq!(at(t, r#""d": 2"#), "a.c[0].d");
        assert_eq!(at(t, r#"[3"#), "a.c[1].e[0]");
        assert_eq!(at(t, r#"[3, 4"#), "a.c[1].e[1]");
        assert_eq!(at(t, r#"{"d": 2}"#), "a.c[0]");
        assert_eq!(at(t, r#""f": "x}y""#), "f");
        assert_eq!(at(t, r#""c": ["#), "a.c");
        assert_eq!(at(t, r#""b": 1,"#), "a");
        assert_eq!(
            at("{\n  \"tên\": \"Điện Biên\",\n  \"x\": 1}", "\"x\": 1"),
            "x"
        );
    }
}

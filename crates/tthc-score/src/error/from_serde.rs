//! Hard errors out of deserialization: our own visitors tag their messages with a code;
//! serde's standard messages are recognised by their fixed first words.

use super::{Code, Problem};

/// The internal marker that custom deserializers put before their code, so that the
/// deserialisation error can be mapped back to a [`Code`] whatever the serde format.
const TAG: char = '\u{1}';

/// A second marker: the error was raised after reading the first key of an object that
/// stands where a scalar belongs, so the position (and the path) is one level too deep.
const AT_PARENT: char = '\u{2}';

/// Formats a custom deserialisation error that carries `code` and both messages.
pub(crate) fn tagged(code: Code, vi: &str, en: &str) -> String {
    format!("{TAG}{}{TAG}{vi}{TAG}{en}", code.as_str())
}

/// Like [`tagged`], for an error whose position is inside the offending object.
pub(crate) fn tagged_at_parent(code: Code, vi: &str, en: &str) -> String {
    format!("{AT_PARENT}{}", tagged(code, vi, en))
}

/// The path without its last step: `a.b[2].c` → `a.b[2]`, `a[2]` → `a`.
fn parent(path: &str) -> &str {
    match path.rfind(['.', '[']) {
        Some(i) => &path[..i],
        None => "",
    }
}

/// Maps the message of a serde error (from serde_json or serde-wasm-bindgen, both of
/// which format serde's standard errors the same way) to a problem at `path`.
pub fn problem_from_serde(path: &str, msg: &str) -> Problem {
    // serde-wasm-bindgen's errors are JS `Error`s; their text starts with "Error: ".
    let msg = msg.strip_prefix("Error: ").unwrap_or(msg);
    // Our own visitors tag their messages; serde's standard errors start with fixed words.
    let (msg, path) = match msg.strip_prefix(AT_PARENT) {
        Some(rest) => (rest, parent(path)),
        None => (msg, path),
    };
    if let Some(rest) = msg.strip_prefix(TAG) {
        let mut parts = rest.splitn(3, TAG);
        if let (Some(code), Some(vi), Some(en)) = (parts.next(), parts.next(), parts.next()) {
            if let Some(code) = Code::from_str_code(code) {
                return Problem::new(code, path, vi.to_string(), strip_position(en).to_string());
            }
        }
    }
    let en = strip_position(msg);
    let code = if en.starts_with("unknown field") {
        Code::UnknownField
    } else if en.starts_with("missing field") {
        Code::MissingField
    } else if en.starts_with("duplicate field") {
        Code::DuplicateField
    } else if en.starts_with("invalid type") || en.starts_with("invalid length") {
        Code::WrongType
    } else if en.starts_with("unknown variant") || en.starts_with("invalid value") {
        Code::InvalidValue
    } else {
        Code::InvalidJson
    };
    // serde reports a missing field at its parent; point at the field itself.
    let missing = (code == Code::MissingField)
        .then(|| en.split('`').nth(1))
        .flatten()
        .map(|field| {
            if path.is_empty() {
                field.to_string()
            } else {
                format!("{path}.{field}")
            }
        });
    Problem::new(
        code,
        missing.as_deref().unwrap_or(path),
        vi_for(code, en),
        en.to_string(),
    )
}

/// serde_json appends " at line L column C"; the path already says where.
fn strip_position(msg: &str) -> &str {
    match msg.rfind(" at line ") {
        Some(i) if msg[i..].contains(" column ") => &msg[..i],
        _ => msg,
    }
}

fn vi_for(code: Code, detail: &str) -> String {
    // The field names quoted by serde, e.g. unknown field `x`, expected one of `a`, `b`.
    let quoted: Vec<&str> = detail.split('`').skip(1).step_by(2).collect();
    match (code, quoted.as_slice()) {
        (Code::UnknownField, [field, expected @ ..]) => {
            let valid = expected
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ");
            return format!("Trường `{field}` không có trong mẫu (có thể viết sai tên); các trường hợp lệ: {valid}");
        }
        (Code::MissingField, [field, ..]) => return format!("Thiếu trường bắt buộc `{field}`"),
        (Code::DuplicateField, [field, ..]) => return format!("Trường `{field}` bị lặp lại"),
        _ => {}
    }
    let head = match code {
        Code::InvalidJson => "Dữ liệu không phải JSON hợp lệ",
        Code::WrongType => "Sai kiểu dữ liệu",
        Code::InvalidValue => "Giá trị không hợp lệ",
        _ => "Dữ liệu không hợp lệ",
    };
    format!("{head} ({detail})")
}

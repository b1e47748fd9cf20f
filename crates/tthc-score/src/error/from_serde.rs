//! Hard errors out of deserialization: our own visitors tag their messages with a code;
//! serde's standard messages are recognised by their fixed first words.

use super::{Code, Problem};

/// The internal marker that custom deserializers put before their code, so that the
/// deserialisation error can be mapped back to a [`Code`] whatever the serde format.
const TAG: char = '\u{1}';

/// A second marker: the error was raised after reading the first key of an object that
/// stands where a scalar belongs, so the position (and the path) is one level too deep.
const AT_PARENT: char = '\u{2}';

/// A third marker: the error is about a part of the value just read, at a path relative
/// to it (a check of a whole profile names the field it found wrong).
const WITHIN: char = '\u{3}';

/// Like [`tagged`], for an error about the part `sub` (a relative path such as
/// `rounding.totalDecimals`) of a value that has been read whole.
pub(crate) fn tagged_within(code: Code, sub: &str, vi: &str, en: &str) -> String {
    format!("{WITHIN}{sub}{}", tagged(code, vi, en))
}

/// The deserialisation error for a problem that a check found in a value read whole (a
/// profile): its path, `root.` stripped (`profile.order` → `order`), placed under the value.
pub(crate) fn checked_within<E: serde::de::Error>(p: Problem, root: &str) -> E {
    let sub = p.path.strip_prefix(root).unwrap_or(&p.path);
    E::custom(tagged_within(
        p.code,
        sub.strip_prefix('.').unwrap_or(sub),
        &p.message.vi,
        &p.message.en,
    ))
}

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
    let within;
    let (msg, path) = match msg.strip_prefix(WITHIN) {
        Some(rest) => {
            let i = rest.find(TAG).unwrap_or(rest.len());
            let sub = &rest[..i];
            within = match (path.is_empty(), sub.is_empty()) {
                (true, _) => sub.to_string(),
                (_, true) => path.to_string(),
                _ => format!("{path}.{sub}"),
            };
            (&rest[i..], within.as_str())
        }
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
    let tamed = tame_name(strip_position(msg));
    let en = tamed.as_ref();
    // NaN or ±Infinity from the JavaScript package where an object belongs.
    if en.starts_with("unknown field `$nonFinite`") {
        return Problem::new(
            Code::WrongType,
            parent(path),
            "Sai kiểu dữ liệu: cần một đối tượng {...}, nhưng nhận được một số không hữu hạn (NaN hoặc Infinity)",
            "invalid type: a number that is not finite (NaN or Infinity), expected an object",
        );
    }
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
        en_for(code, en),
    )
}

/// serde's English in a user's words: no Rust names ("struct Report", "variant", "map",
/// "sequence"), a JSON syntax error said to be one.
fn en_for(code: Code, detail: &str) -> String {
    match code {
        Code::WrongType | Code::InvalidValue => {
            if let Some(rest) = detail.strip_prefix("unknown variant ") {
                return format!("unknown value {rest}");
            }
            // Only serde's "X, expected Y"; our own "expected Y, got X" is plain already, and
            // its X (the user's text) is not to be rewritten.
            let split = (detail.split_once(": "))
                .filter(|(_, body)| !body.starts_with("expected "))
                .and_then(|(head, body)| {
                    let (got, want) = body.rsplit_once(", expected ")?;
                    Some((head, got, want))
                });
            match split {
                Some((head, got, want)) => {
                    format!("{head}: {}, expected {}", got_en(got), want_en(want))
                }
                None => detail.to_string(),
            }
        }
        Code::InvalidJson => format!("not valid JSON ({detail})"),
        _ => detail.to_string(),
    }
}

/// What serde names as the value it got, as a JSON user names it.
fn got_en(got: &str) -> &str {
    match got {
        "unit value" => "null",
        "map" => "an object",
        "sequence" => "an array",
        _ => got,
    }
}

/// What serde says was expected, without Rust's names.
fn want_en(want: &str) -> &str {
    if want.starts_with("struct ") || want == "map" || want == "a map" {
        "an object"
    } else if want == "sequence" || want == "a sequence" {
        "an array"
    } else {
        want
    }
}

/// serde quotes an unknown field's or value's name raw between backticks (`unknown field
/// `X`, expected one of …`): the name cut to [`QUOTED_CHARS`](crate::base::QUOTED_CHARS)
/// characters, with what would break a line escaped and a backtick in it made an
/// apostrophe, so that the message stays short and its names can be told apart.
fn tame_name(en: &str) -> std::borrow::Cow<'_, str> {
    let named = ["unknown field `", "unknown variant `", "duplicate field `"];
    let Some(head) = named.iter().find(|h| en.starts_with(**h)) else {
        return en.into();
    };
    let rest = &en[head.len()..];
    let close = (rest.find("`, expected"))
        .or_else(|| rest.find("`, there are no"))
        .or_else(|| rest.rfind('`'));
    let Some(close) = close else {
        return en.into();
    };
    let name = &rest[..close];
    let plain = |c: char| c != '`' && !crate::base::hidden(c);
    if name.chars().count() <= crate::base::QUOTED_CHARS && name.chars().all(plain) {
        return en.into();
    }
    let mut out = String::from(*head);
    for c in crate::base::cut(name, crate::base::QUOTED_CHARS).chars() {
        match c {
            '`' => out.push('\''),
            c if crate::base::hidden(c) => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push_str(&rest[close..]);
    out.into()
}

/// serde_json appends " at line L column C"; the path already says where.
fn strip_position(msg: &str) -> &str {
    match msg.rfind(" at line ") {
        Some(i) if msg[i..].contains(" column ") => &msg[..i],
        _ => msg,
    }
}

/// What serde names in "invalid type: X, expected Y", in plain Vietnamese.
fn unexpected_vi(u: &str) -> String {
    let quoted = |s: &str| s.split(['`', '"']).nth(1).unwrap_or("").to_string();
    if u == "null" || u == "unit value" {
        "giá trị rỗng (null)".into()
    } else if u.starts_with("boolean") {
        format!("giá trị đúng/sai ({})", quoted(u))
    } else if u.starts_with("integer") || u.starts_with("floating point") || u.starts_with("number")
    {
        format!("số {}", quoted(u))
    } else if u.starts_with("string") || u.starts_with("character") {
        format!("chuỗi ký tự \"{}\"", quoted(u))
    } else if u.starts_with('"') {
        // Already quoted (and escaped) by the visitor that wrote it.
        u.to_string()
    } else if u == "sequence" {
        "một mảng [...]".into()
    } else if u == "map" {
        "một đối tượng {...}".into()
    } else {
        "một giá trị khác kiểu".into()
    }
}

/// What serde says was expected, in plain Vietnamese.
fn expected_vi(e: &str) -> &'static str {
    // Checked first: "a profile id or a profile object" also contains "object".
    if e.contains("profile id") {
        "mã của một bộ quy tắc có sẵn (chuỗi ký tự) hoặc một bộ quy tắc {...}"
    } else if e.starts_with("struct") || e.contains("map") || e.contains("object") {
        "một đối tượng {...}"
    } else if e.contains("sequence") || e.contains("array") || e.contains("list") {
        "một mảng [...]"
    } else if e.contains("date or date-time") {
        "một ngày YYYY-MM-DD hoặc ngày giờ YYYY-MM-DDTHH:MM"
    } else if e.contains("date-time") {
        "một ngày giờ dạng YYYY-MM-DDTHH:MM"
    } else if e.contains("time HH:MM") {
        "một giờ dạng HH:MM hoặc HH:MM:SS"
    } else if e.contains("date") {
        "một ngày dạng YYYY-MM-DD"
    } else if e.contains("bool") {
        "true hoặc false"
    } else if e.contains("string") || e.contains("variant") || e.contains("enum") {
        "một chuỗi ký tự (một trong các giá trị cho phép)"
    } else if e.starts_with('u')
        || e.starts_with('i')
        || e.contains("number")
        || e.contains("integer")
    {
        "một số"
    } else {
        "một giá trị khác"
    }
}

/// Why a text is not JSON, in plain Vietnamese (serde_json's words are English).
fn syntax_vi(en: &str) -> &'static str {
    if en.starts_with("EOF") {
        "dữ liệu bị cắt cụt, thiếu phần cuối"
    } else if en.starts_with("trailing comma") {
        "thừa dấu phẩy trước dấu đóng"
    } else if en.starts_with("trailing characters") {
        "có ký tự thừa sau dữ liệu"
    } else if en.starts_with("expected `:`") {
        "thiếu dấu hai chấm sau tên trường"
    } else if en.starts_with("expected `,`") {
        "thiếu dấu phẩy hoặc dấu đóng ngoặc"
    } else if en.starts_with("key must be a string") {
        "tên trường phải đặt trong dấu ngoặc kép"
    } else if en.starts_with("recursion limit") {
        "dữ liệu lồng nhau quá sâu"
    } else if en.starts_with("invalid number") || en.starts_with("number out of range") {
        "số viết không đúng"
    } else if en.contains("escape") || en.contains("surrogate") || en.contains("control character")
    {
        "chuỗi ký tự có ký tự đặc biệt không hợp lệ"
    } else {
        "có ký tự không đúng cú pháp JSON"
    }
}

fn vi_for(code: Code, detail: &str) -> String {
    // The names quoted by serde, e.g. unknown field `x`, expected one of `a`, `b`.
    let quoted: Vec<&str> = detail.split('`').skip(1).step_by(2).collect();
    match (code, quoted.as_slice()) {
        (Code::UnknownField, [field, expected @ ..]) => {
            let valid = expected
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ");
            format!("Trường `{field}` không có trong mẫu (có thể viết sai tên); các trường hợp lệ: {valid}")
        }
        (Code::MissingField, [field, ..]) => format!("Thiếu trường bắt buộc `{field}`"),
        (Code::DuplicateField, [field, ..]) => format!("Trường `{field}` bị lặp lại"),
        (Code::InvalidValue, [value, allowed @ ..]) if detail.starts_with("unknown variant") => {
            format!(
                "Giá trị \"{value}\" không hợp lệ; các giá trị cho phép: {}",
                allowed.join(", ")
            )
        }
        (Code::WrongType | Code::InvalidValue, _) => {
            // "invalid type: X, expected Y" or "invalid value: X, expected Y".
            let body = detail.split_once(": ").map_or(detail, |(_, b)| b);
            // serde says "X, expected Y"; our own visitors "expected Y, got X".
            // The value is the user's text, after our words: split at the first ", got ".
            let ours = (body.strip_prefix("expected ")).and_then(|b| b.split_once(", got "));
            let (got, want) = match ours {
                Some((want, got)) => (got, want),
                None => body.rsplit_once(", expected ").unwrap_or((body, "")),
            };
            let head = if code == Code::WrongType {
                "Sai kiểu dữ liệu"
            } else {
                "Giá trị không hợp lệ"
            };
            format!(
                "{head}: cần {}, nhưng nhận được {}",
                expected_vi(want),
                unexpected_vi(got)
            )
        }
        (Code::InvalidJson, _) => {
            format!("Dữ liệu không phải JSON hợp lệ: {}", syntax_vi(detail))
        }
        _ => "Dữ liệu không hợp lệ".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vi(path: &str, msg: &str) -> String {
        problem_from_serde(path, msg).message.vi.into_owned()
    }

    #[test]
    fn names_serde_quotes_are_tamed() {
        let long = format!(
            "unknown field `a`b{}`, expected one of `x`, `y`",
            "k".repeat(500)
        );
        let p = problem_from_serde("", &long);
        let name = format!("a'b{}…", "k".repeat(61));
        assert_eq!(
            p.message.en,
            format!("unknown field `{name}`, expected one of `x`, `y`")
        );
        assert!(
            p.message
                .vi
                .starts_with(&format!("Trường `{name}` không có")),
            "{}",
            p.message.vi
        );
        assert!(p.message.vi.ends_with("`x`, `y`"), "{}", p.message.vi);
        let nl = problem_from_serde("", "unknown variant `a\nb`, expected `c`");
        assert_eq!(nl.message.en, "unknown value `a\\nb`, expected `c`");
    }

    #[test]
    fn serde_messages_in_plain_english() {
        let en = |path: &str, msg: &str| problem_from_serde(path, msg).message.en.into_owned();
        assert_eq!(
            en(
                "",
                "invalid type: null, expected struct Report at line 1 column 4"
            ),
            "invalid type: null, expected an object"
        );
        assert_eq!(
            en("", "invalid type: map, expected a sequence"),
            "invalid type: an object, expected an array"
        );
        assert_eq!(
            en(
                "unit.level",
                "unknown variant `village`, expected `commune`"
            ),
            "unknown value `village`, expected `commune`"
        );
        assert_eq!(
            en("", "expected ident at line 1 column 2"),
            "not valid JSON (expected ident)"
        );
        assert_eq!(
            en("", "EOF while parsing a value at line 1 column 0"),
            "not valid JSON (EOF while parsing a value)"
        );
        // Our own "expected Y, got X" passes as it is, whatever the user's X holds.
        let own = "invalid value: expected a date YYYY-MM-DD, got \"x, expected struct Y, got 5\"";
        assert_eq!(en("calendar.daysOff[0]", own), own);
    }

    #[test]
    fn serde_messages_in_plain_vietnamese() {
        assert_eq!(
            vi(
                "unit.level",
                "unknown variant `town`, expected one of `ministry`, `province` at line 1 column 5"
            ),
            "Giá trị \"town\" không hợp lệ; các giá trị cho phép: ministry, province"
        );
        assert_eq!(
            vi(
                "",
                "invalid type: null, expected struct Report at line 1 column 4"
            ),
            "Sai kiểu dữ liệu: cần một đối tượng {...}, nhưng nhận được giá trị rỗng (null)"
        );
        assert_eq!(
            vi("unit.name", "invalid type: integer `5`, expected a string"),
            "Sai kiểu dữ liệu: cần một chuỗi ký tự (một trong các giá trị cho phép), nhưng nhận được số 5"
        );
        assert_eq!(
            vi("", "EOF while parsing a value at line 1 column 0"),
            "Dữ liệu không phải JSON hợp lệ: dữ liệu bị cắt cụt, thiếu phần cuối"
        );
        assert_eq!(
            vi("", "trailing characters at line 1 column 3"),
            "Dữ liệu không phải JSON hợp lệ: có ký tự thừa sau dữ liệu"
        );
        assert_eq!(
            vi(
                "calendar.daysOff[0]",
                "invalid value: expected a date YYYY-MM-DD, got \"2021-06-31\""
            ),
            "Giá trị không hợp lệ: cần một ngày dạng YYYY-MM-DD, nhưng nhận được \"2021-06-31\""
        );
        assert_eq!(
            vi(
                "calendar.daysOff[0]",
                "invalid value: expected a date YYYY-MM-DD, got \"a, got 5 \\\"b`\""
            ),
            "Giá trị không hợp lệ: cần một ngày dạng YYYY-MM-DD, nhưng nhận được \"a, got 5 \\\"b`\""
        );
        // No English word of serde's is left in a Vietnamese message.
        for m in [
            "invalid type: sequence, expected struct Period",
            "invalid type: boolean `true`, expected a date YYYY-MM-DD",
            "invalid value: string \"x\", expected a number",
            "expected `,` or `}` at line 1 column 9",
            "key must be a string at line 1 column 2",
            "recursion limit exceeded",
        ] {
            let v = vi("a", m);
            for w in [
                "invalid", "expected", "sequence", "struct", "EOF", "string", "line",
            ] {
                assert!(!v.contains(w), "{m} → {v}");
            }
        }
    }
}

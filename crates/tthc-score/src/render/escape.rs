//! Escaping of text for each output format, so that no name can add markup, lines, cells
//! or formulas.

/// Control characters (line breaks, tabs) become spaces: a name stays on its line and in
/// its tab-separated column.
fn one_line(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().map(|c| if c.is_control() { ' ' } else { c })
}

/// Plain text: one line, no tabs.
pub(super) fn plain(s: &str) -> String {
    one_line(s).collect()
}

/// Markdown (CommonMark): one line, and every character that can open markup, a link, an
/// HTML tag, an entity, a heading or a table cell is backslash-escaped.
pub(super) fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s) {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '#' | '~' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Markdown for text that starts a line (an official's name in the summary): as
/// [`markdown`], and a list marker there (`-`, `+`, `1.`, `1)`) is escaped too, so that
/// the line stays a line of its paragraph instead of opening a list.
pub(super) fn markdown_line_start(s: &str) -> String {
    let mut out = markdown(s);
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    } else if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// HTML text and attribute values.
pub(super) fn html(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(ch),
        }
    }
    o
}

/// One CSV cell (RFC 4180). A cell that a spreadsheet would read as a formula (starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'` (OWASP's
/// advice against CSV injection); a cell with a comma, quote or line break is quoted.
pub(super) fn csv(c: &str) -> String {
    let guarded = if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{c}")
    } else {
        c.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "<img src=x onerror=alert(1)>\n# Heading | a & b `x` =cmd|' /C calc'!A0";

    #[test]
    fn every_format_neutralizes_hostile_text() {
        assert_eq!(
            plain(HOSTILE),
            "<img src=x onerror=alert(1)> # Heading | a & b `x` =cmd|' /C calc'!A0"
        );
        assert_eq!(
            markdown(HOSTILE),
            "\\<img src=x onerror=alert(1)\\> \\# Heading \\| a \\& b \\`x\\` =cmd\\|' /C calc'\\!A0"
        );
        assert_eq!(
            html(HOSTILE),
            "&lt;img src=x onerror=alert(1)&gt;\n# Heading | a &amp; b `x` =cmd|&#39; /C calc&#39;!A0"
        );
        assert_eq!(markdown_line_start("- Nguyễn Văn A"), "\\- Nguyễn Văn A");
        assert_eq!(markdown_line_start("+ B"), "\\+ B");
        assert_eq!(markdown_line_start("12. C"), "12\\. C");
        assert_eq!(markdown_line_start("1) D"), "1\\) D");
        assert_eq!(markdown_line_start("2021 Lê-Văn E"), "2021 Lê-Văn E");
        assert_eq!(csv("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(csv("+1"), "'+1");
        assert_eq!(csv("-1"), "'-1");
        assert_eq!(csv("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv("a,\"b\"\nc"), "\"a,\"\"b\"\"\nc\"");
        assert_eq!(csv("16,74"), "\"16,74\"");
    }
}

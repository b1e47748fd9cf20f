//! The project's one bilingual text type, and the output language.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Lang {
    /// Vietnamese (default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The language code: `"vi"` or `"en"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = super::ParseNameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "vi" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            _ => Err(super::ParseNameError::new("language", s, ["vi", "en"])),
        }
    }
}

/// A text in both languages of the project: labels of the form, messages, names.
/// Fixed texts are borrowed ([`Localized::fixed`]), so building one costs no allocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Localized {
    /// Vietnamese.
    pub vi: Cow<'static, str>,
    /// English.
    pub en: Cow<'static, str>,
}

impl Localized {
    /// Builds a text from its two languages.
    pub fn new(vi: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Self {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// A fixed text, usable in constants.
    pub const fn fixed(vi: &'static str, en: &'static str) -> Self {
        Self {
            vi: Cow::Borrowed(vi),
            en: Cow::Borrowed(en),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }

    /// A decimal as each language writes it: "16,74" / "16.74".
    pub fn decimal(d: Decimal) -> Self {
        Self::new(
            super::number::decimal(d, Lang::Vi),
            super::number::decimal(d, Lang::En),
        )
    }

    /// The same text built in each language by `f`.
    pub fn each(f: impl Fn(Lang) -> String) -> Self {
        Self::new(f(Lang::Vi), f(Lang::En))
    }
}

/// What a score shows when it is not counted.
pub const NOT_APPLICABLE: Localized = Localized::fixed("Không áp dụng", "N/A");

super::objects_only!(Localized);

/// The English noun for `n` things: `one` for exactly 1, `many` otherwise ("1 row",
/// "0 rows"). Vietnamese nouns do not inflect.
pub fn plural<N: PartialEq + From<u8>>(
    n: N,
    one: &'static str,
    many: &'static str,
) -> &'static str {
    if n == N::from(1) {
        one
    } else {
        many
    }
}

/// Characters of an input value a message quotes at most: an input can be megabytes long.
pub(crate) const QUOTED_CHARS: usize = 64;

/// Characters of a message at most, whatever it quotes.
const MESSAGE_CHARS: usize = 2000;

/// `text` cut to at most `max` characters, "…" marking the cut.
pub(crate) fn cut(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]).into(),
        None => text.into(),
    }
}

/// Whether `c` would break or disguise a line of text: a control character, a line or
/// paragraph separator, a bidirectional override.
pub(crate) fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A message as a problem or a rejected row keeps it: each value it quotes between double
/// quotes, as `{:?}` writes them (a quote inside escaped), cut to [`QUOTED_CHARS`]
/// characters, characters that would break or disguise a line escaped (`\n`), and at most
/// [`MESSAGE_CHARS`] characters in all. An input's name or value can be megabytes long or
/// hold a line break; the message that quotes it stays one line. Messages quote an input's
/// text with `{:?}` (serde's names in backticks are cut before: `problem_from_serde`). A
/// message of at most 256 bytes of plain characters is kept as it is.
pub(crate) fn bounded(msg: Cow<'static, str>) -> Cow<'static, str> {
    if msg.len() <= 256 && !msg.chars().any(hidden) {
        return msg;
    }
    let mut out = String::with_capacity(msg.len().min(1024));
    let push = |out: &mut String, c: char| match hidden(c) {
        true => out.extend(c.escape_default()),
        false => out.push(c),
    };
    // The quote that opened the current run, the characters of it seen, and whether the
    // last one was a backslash that escapes the next (`{:?}` writes `\"` inside).
    let (mut open, mut seen, mut escaped) = (None::<char>, 0usize, false);
    for c in msg.chars() {
        match open {
            Some(q) if c == q && !escaped => {
                out.push(c);
                open = None;
            }
            Some(q) => {
                escaped = q == '"' && c == '\\' && !escaped;
                seen += 1;
                if seen <= QUOTED_CHARS {
                    push(&mut out, c);
                } else if seen == QUOTED_CHARS + 1 {
                    out.push('…');
                }
            }
            None => {
                push(&mut out, c);
                if c == '"' {
                    (open, seen, escaped) = (Some(c), 0, false);
                }
            }
        }
    }
    match cut(&out, MESSAGE_CHARS) {
        Cow::Borrowed(_) => out.into(),
        Cow::Owned(s) => s.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_quote_values_bounded_and_on_one_line() {
        let short = "Trường `U` không có trong mẫu; các trường hợp lệ: `default`, `units`";
        assert!(matches!(bounded(short.into()), Cow::Borrowed(s) if s == short));
        let long = format!(
            "invalid type: string {:?}, expected a date",
            "k".repeat(200_000)
        );
        let b = bounded(long.into());
        assert_eq!(
            b,
            format!(
                "invalid type: string \"{}…\", expected a date",
                "k".repeat(64)
            )
        );
        // A backtick is no quote: the text after one is not taken for a value.
        let odd = format!("key `{}: {}", "k".repeat(10), "x".repeat(300));
        assert_eq!(bounded(odd.clone().into()), odd);
        // `{:?}` quotes: an escaped quote does not end the value.
        let debug = format!("got {:?} (giá trị)", format!("a\"{}", "x".repeat(300)));
        assert_eq!(
            bounded(debug.into()),
            format!("got \"a\\\"{}…\" (giá trị)", "x".repeat(61))
        );
        // A line break or a bidirectional override in a value cannot start a line.
        assert_eq!(
            bounded("unknown field `a\nerror[X] b\u{202e}`".into()),
            "unknown field `a\\nerror[X] b\\u{202e}`"
        );
        // A message without quotes is still cut.
        let plain = bounded("x".repeat(5000).into());
        assert_eq!(plain.chars().count(), MESSAGE_CHARS + 1);
        assert!(plain.ends_with('…'));
    }

    #[test]
    fn cut_counts_characters() {
        assert_eq!(cut("Điện Biên", 4), "Điện…");
        assert_eq!(cut("Điện", 4), "Điện");
    }
}

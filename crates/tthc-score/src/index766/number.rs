//! Exact decimals in a ratio-index profile (maxima, thresholds, weights, band bounds): a
//! JSON number or a plain decimal string, read from its text, never through a binary
//! float; written back as a string ("6", "2.5").

use crate::error::{tagged, Code};
use rust_decimal::Decimal;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt;
use std::str::FromStr;

/// With `arbitrary_precision`, serde_json hands over a number that is not a 64-bit integer
/// as a one-entry map under this key, with the number's text as the value.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// A plain decimal text ("12", "2.5", no sign, no exponent) as an exact decimal.
fn plain(text: &str) -> Option<Decimal> {
    let ok = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().filter(|b| *b == b'.').count() <= 1
        && !text.starts_with('.')
        && !text.ends_with('.');
    ok.then(|| Decimal::from_str_exact(text).ok()).flatten()
}

fn refused<E: de::Error>(got: &str) -> E {
    E::custom(tagged(
        Code::InvalidValue,
        &format!("Cần một số thập phân không âm viết thường, ví dụ 2.5 (giá trị: {got})"),
        &format!("expected a non-negative plain decimal such as 2.5, got {got}"),
    ))
}

struct V;

impl<'de> Visitor<'de> for V {
    type Value = Decimal;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a non-negative decimal number")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        u64::try_from(v)
            .map(Decimal::from)
            .map_err(|_| refused(&v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        // Only a deserializer without the number's text gets here: a whole float is exact.
        if v.fract() == 0.0 && (0.0..1e15).contains(&v) {
            Ok(Decimal::from(v as u64))
        } else {
            Err(refused("a binary floating-point number"))
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        plain(v).ok_or_else(|| refused(&format!("{v:?}")))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
        match map.next_key::<String>()? {
            Some(k) if k == NUMBER_TOKEN => {
                let text: String = map.next_value()?;
                plain(&text).ok_or_else(|| refused(&text))
            }
            // NaN or ±Infinity from the JavaScript package.
            Some(k) if k == crate::input::scalar::NON_FINITE_TOKEN => {
                let text: String = map.next_value()?;
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                Err(refused(&text))
            }
            _ => Err(refused("an object")),
        }
    }
}

/// Reads an exact non-negative decimal (`#[serde(with = "number")]`).
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(V)
}

/// Writes a decimal as its exact text.
pub(crate) fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&v.normalize())
}

/// The same for an optional decimal.
pub(crate) mod option {
    use rust_decimal::Decimal;
    use serde::{Deserializer, Serializer};

    /// Reads an optional exact decimal.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Decimal>, D::Error> {
        super::deserialize(d).map(Some)
    }

    /// Writes an optional decimal.
    pub(crate) fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => super::serialize(d, s),
            None => s.serialize_none(),
        }
    }
}

/// Parses a decimal written in Rust source (the built-in profile).
pub(crate) fn d(text: &str) -> Decimal {
    // The built-in texts are valid decimals; a test checks the built-in profile.
    Decimal::from_str(text).unwrap_or_default()
}

/// JSON Schema of an exact decimal in a profile.
#[cfg(feature = "schema")]
pub(crate) struct DecimalText;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for DecimalText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ProfileDecimal".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A non-negative exact decimal: a JSON number or a plain decimal string (\"2.5\").",
            "oneOf": [
                { "type": "number", "minimum": 0 },
                { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$" },
            ],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decimals_only() {
        assert_eq!(plain("2.5"), Some(Decimal::new(25, 1)));
        assert_eq!(plain("80"), Some(Decimal::from(80)));
        for bad in ["", "-1", "1e2", ".5", "5.", "1.2.3", "1,5", " 1"] {
            assert_eq!(plain(bad), None, "{bad}");
        }
    }
}

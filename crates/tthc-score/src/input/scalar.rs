//! The scalar values of the input, each with its own deserializer: counts, percentages,
//! declared scores, levels and the parts of a period.
//!
//! **Numbers are read from their text, never through a binary float**, so that
//! `19.999999999999999` stays below 20 and `4503599627370495.5` is not a whole number.
//! With serde_json's `arbitrary_precision` (which this crate's `json` feature enables) a
//! number that is not a 64-bit integer arrives as its text; other deserializers fall back
//! to serde's own numbers.
//!
//! One policy for every field ([`Kind`]):
//! - whole-number fields (counts, levels, year, quarter, month) take a JSON number whose
//!   value is whole (`2`, `2.0`, `2e0`; `-0` is 0), never a string;
//! - decimal fields (percentages, declared scores) take a JSON number or a decimal string
//!   in plain notation with a dot (`"12.5"`), which a form can send without a float;
//! - NaN and ±Infinity (which the JavaScript package sends as `{"$nonFinite": "NaN"}`; the
//!   strings `"NaN"`, `"Infinity"`, `"-Infinity"` too) are `NOT_FINITE` everywhere; the
//!   marker anywhere else is `WRONG_TYPE`.
//!
//! A range check runs inside the deserializer, so the error points at the value itself.

use crate::error::{tagged, Code};
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// The largest count accepted: 2^53 − 1, the largest integer that JavaScript
/// represents exactly, so that the browser and the back end agree on every input.
pub const MAX_COUNT: u64 = (1 << 53) - 1;

/// With `arbitrary_precision`, serde_json hands over a number that is not a 64-bit integer
/// as a one-entry map under this key, with the number's text as the value.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The JavaScript package sends NaN and ±Infinity as `{"$nonFinite": "NaN"}`: a number
/// field reports `NOT_FINITE`, any other field a value of the wrong type (a bare string
/// "NaN" would pass for a name).
pub(crate) const NON_FINITE_TOKEN: &str = "$nonFinite";

/// A JSON number or string as the scalars see it, for the duration of one check.
enum Raw<'a> {
    /// A whole number that serde handed over exactly.
    Int(i128),
    /// Any other number, as written (without serde_json: as serde printed the float).
    Number(&'a str),
    /// A string.
    Str(&'a str),
}

/// A failed check: the code and the message in both languages.
pub(crate) type Fail = (Code, String, String);

/// Runs `check` on the value inside the visitor, so that serde_json positions an error at
/// the value itself (and the error path names the field). Types other than numbers and
/// strings are refused here with the field's kind.
struct Checked<F> {
    kind: Kind,
    check: F,
}

impl<'de, T, F: FnOnce(Raw<'_>) -> Result<T, Fail>> Visitor<'de> for Checked<F> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a {}", self.kind.en)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        match map.next_key::<TextSeed>()? {
            Some(k) if k.0 == NUMBER_TOKEN => match map.next_value::<NumberText>()? {
                NumberText(Some(text)) => self.run(Raw::Number(&text)),
                // An object of the input that only looks like serde_json's number: read
                // to its end, so that the error is placed after it (at the field).
                NumberText(None) => {
                    while map
                        .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                        .is_some()
                    {}
                    Err(wrong_type(self.kind, "object"))
                }
            },
            Some(k) if k.0 == NON_FINITE_TOKEN => {
                let text = map.next_value::<String>()?;
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                if non_finite(&text) {
                    let (code, vi, en) = not_finite(self.kind, &text);
                    Err(de::Error::custom(tagged(code, &vi, &en)))
                } else {
                    Err(wrong_type(self.kind, "object"))
                }
            }
            None => Err(wrong_type(self.kind, "object")),
            // The key just read moved the position into the object: report at the value.
            Some(_) => {
                let (vi, en) = wrong_type_text(self.kind, "object");
                Err(de::Error::custom(crate::error::tagged_at_parent(
                    Code::WrongType,
                    &vi,
                    &en,
                )))
            }
        }
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        self.run(Raw::Int(i128::from(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        self.run(Raw::Int(i128::from(v)))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<T, E> {
        let text = v.to_string();
        self.run(Raw::Number(&text))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<T, E> {
        self.run(Raw::Int(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        // Only a deserializer without the number's text gets here (serde_json with
        // `arbitrary_precision` never calls it). A whole float is exact; any other is not
        // what its writer meant to the last digit, so it is refused: send decimals as text.
        if v.is_nan() {
            self.run(Raw::Str("NaN"))
        } else if v.is_infinite() {
            self.run(Raw::Str(if v > 0.0 { "Infinity" } else { "-Infinity" }))
        } else if v.fract() == 0.0 && v.abs() < 1e36 {
            self.run(Raw::Int(v as i128))
        } else {
            self.run(Raw::Str("a binary floating-point number"))
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        self.run(Raw::Str(v))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<T, E> {
        Err(wrong_type(self.kind, "boolean"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        Err(wrong_type(self.kind, "null"))
    }
    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        Err(wrong_type(self.kind, "null"))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        Err(wrong_type(self.kind, "array"))
    }
}

impl<F> Checked<F> {
    fn run<T, E: de::Error>(self, raw: Raw<'_>) -> Result<T, E>
    where
        F: FnOnce(Raw<'_>) -> Result<T, Fail>,
    {
        (self.check)(raw).map_err(|(code, vi, en)| E::custom(tagged(code, &vi, &en)))
    }
}

fn read<'de, D: Deserializer<'de>, T>(
    d: D,
    kind: Kind,
    check: impl FnOnce(Raw<'_>) -> Result<T, Fail>,
) -> Result<T, D::Error> {
    d.deserialize_any(Checked { kind, check })
}

/// A string, borrowed from the input where the deserializer can.
struct TextSeed<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for TextSeed<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TextSeed<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<TextSeed<'de>, E> {
                Ok(TextSeed(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextSeed<'de>, E> {
                Ok(TextSeed(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<TextSeed<'de>, E> {
                Ok(TextSeed(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// The text of a number that serde_json (`arbitrary_precision`) hands over as a map: it
/// gives the text as an owned `String`, whereas a string of the input text arrives
/// borrowed (`visit_borrowed_str`, or `visit_str` when escaped). `None`: the map came
/// from the input (`{"$serde_json::private::Number": "12"}` is an object, not 12).
struct NumberText(Option<String>);

impl<'de> Deserialize<'de> for NumberText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = NumberText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<NumberText, E> {
                Ok(NumberText(Some(v)))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<NumberText, E> {
                Ok(NumberText(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<NumberText, E> {
                Ok(NumberText(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<NumberText, E> {
                Ok(NumberText(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<NumberText, E> {
                Ok(NumberText(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<NumberText, E> {
                Ok(NumberText(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<NumberText, E> {
                Ok(NumberText(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<NumberText, A::Error> {
                while m.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
                Ok(NumberText(None))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut s: A) -> Result<NumberText, A::Error> {
                while s.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(NumberText(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// A JSON number, exactly: `digits × 10^exp`, with no leading or trailing zeros in
/// `digits` (empty for zero).
struct Exact {
    negative: bool,
    digits: Vec<u8>,
    exp: i64,
}

impl Exact {
    /// Parses JSON number syntax (`-?int(.frac)?(e[+-]?exp)?`); `None` for anything else.
    fn parse(text: &str) -> Option<Exact> {
        let b = text.as_bytes();
        let mut i = 0;
        let negative = b.first() == Some(&b'-');
        i += usize::from(negative);
        let int_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == int_start {
            return None;
        }
        let mut digits: Vec<u8> = b[int_start..i].iter().map(|c| c - b'0').collect();
        let mut exp: i64 = 0;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let frac_start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                digits.push(b[i] - b'0');
                i += 1;
            }
            if i == frac_start {
                return None;
            }
            exp = -((i - frac_start) as i64);
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            let sign = match b.get(i) {
                Some(b'-') => {
                    i += 1;
                    -1
                }
                Some(b'+') => {
                    i += 1;
                    1
                }
                _ => 1,
            };
            let start = i;
            let mut e: i64 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                // Saturate: beyond 10^9 the value is out of every range anyway.
                e = (e * 10 + i64::from(b[i] - b'0')).min(1_000_000_000);
                i += 1;
            }
            if i == start {
                return None;
            }
            exp += sign * e;
        }
        if i != b.len() {
            return None;
        }
        let lead = digits.iter().take_while(|&&d| d == 0).count();
        digits.drain(..lead);
        while digits.last() == Some(&0) {
            digits.pop();
            exp += 1;
        }
        Some(Exact {
            negative,
            digits,
            exp,
        })
    }

    fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// Below zero (`-0` is zero, not negative).
    fn is_negative(&self) -> bool {
        self.negative && !self.is_zero()
    }

    /// A whole number: zero, or no digit after the point.
    fn is_whole(&self) -> bool {
        self.is_zero() || self.exp >= 0
    }

    /// The value as a non-negative whole number, if it is one and fits in `u64`.
    fn to_u64(&self) -> Option<u64> {
        if self.is_zero() {
            return Some(0);
        }
        if self.negative || self.exp < 0 || self.digits.len() as i64 + self.exp > 20 {
            return None;
        }
        let mut v: u64 = 0;
        for &d in &self.digits {
            v = v.checked_mul(10)?.checked_add(u64::from(d))?;
        }
        for _ in 0..self.exp {
            v = v.checked_mul(10)?;
        }
        Some(v)
    }

    /// Whether the value is above `max` (decided from the digits, whatever their number).
    fn above(&self, max: u64) -> bool {
        if self.is_zero() || self.negative {
            return false;
        }
        // Digits before the decimal point.
        let point = self.digits.len() as i64 + self.exp;
        if point > 20 {
            return true;
        }
        let whole = self.digits.iter().take(point.max(0) as usize);
        let mut int: u128 = whole.fold(0, |v, &d| v * 10 + u128::from(d));
        for _ in 0..self.exp.max(0) {
            int *= 10;
        }
        let fraction = (point.max(0) as usize) < self.digits.len();
        int > u128::from(max) || (int == u128::from(max) && fraction)
    }

    /// A value in 0–100 with more digits than a decimal holds, as a decimal that orders
    /// exactly like it against every number of at most 25 decimal places (every threshold
    /// of the rules): its first 25 decimals, then a 1 at the 26th standing for the digits
    /// cut (which are not all zero). `99.99999999999999999999999999999` stays below 100,
    /// `5e-324` above 0.
    fn to_decimal_ordered(&self) -> Decimal {
        let point = self.digits.len() as i64 + self.exp;
        let keep = (point + 25).clamp(0, self.digits.len() as i64) as usize;
        let m = self.digits[..keep]
            .iter()
            .fold(0i128, |v, &d| v * 10 + i128::from(d));
        // m < 10^28 for values up to 100: the mantissa fits in a decimal's 96 bits.
        Decimal::try_from_i128_with_scale(m * 10 + 1, 26).unwrap_or(Decimal::ONE_HUNDRED)
    }

    /// The value as an exact decimal; `None` when a decimal cannot hold it exactly
    /// (more than 28 decimal places or beyond 2^96).
    fn to_decimal(&self) -> Option<Decimal> {
        if self.is_zero() {
            return Some(Decimal::ZERO);
        }
        if self.digits.len() > 29 || self.exp > 28 || self.exp < -28 {
            return None;
        }
        let mut m: i128 = 0;
        for &d in &self.digits {
            m = m * 10 + i128::from(d);
        }
        let mut scale = 0u32;
        if self.exp >= 0 {
            for _ in 0..self.exp {
                m = m.checked_mul(10)?;
            }
        } else {
            scale = u32::try_from(-self.exp).ok()?;
        }
        if self.negative {
            m = -m;
        }
        Decimal::try_from_i128_with_scale(m, scale).ok()
    }
}

/// A kind of input field: what the messages call it.
#[derive(Clone, Copy)]
struct Kind {
    vi: &'static str,
    en: &'static str,
}

const COUNT: Kind = Kind {
    vi: "Số lượng",
    en: "count",
};
const LEVEL: Kind = Kind {
    vi: "Mức",
    en: "level",
};
const PERCENT: Kind = Kind {
    vi: "Tỷ lệ phần trăm",
    en: "percentage",
};
const SCORE: Kind = Kind {
    vi: "Điểm công bố",
    en: "declared score",
};
const YEAR: Kind = Kind {
    vi: "Năm",
    en: "year",
};
const QUARTER: Kind = Kind {
    vi: "Quý",
    en: "quarter",
};
const MONTH: Kind = Kind {
    vi: "Tháng",
    en: "month",
};

fn non_finite(s: &str) -> bool {
    matches!(s, "NaN" | "Infinity" | "-Infinity")
}

fn not_finite(k: Kind, v: &str) -> Fail {
    (
        Code::NotFinite,
        format!("{} phải là số hữu hạn, không phải {v}", k.vi),
        format!("{} must be a finite number, got {v}", k.en),
    )
}

fn wrong_type_text(k: Kind, what: &str) -> (String, String) {
    let (vi_what, en_what) = match what {
        "boolean" => ("giá trị đúng/sai", "a boolean"),
        "null" => ("null", "null"),
        "array" => ("một mảng", "an array"),
        _ => ("một đối tượng", "an object"),
    };
    (
        format!("{} phải là một số, không phải {vi_what}", k.vi),
        format!("{} must be a number, not {en_what}", k.en),
    )
}

fn wrong_type<E: de::Error>(k: Kind, what: &str) -> E {
    let (vi, en) = wrong_type_text(k, what);
    E::custom(tagged(Code::WrongType, &vi, &en))
}

/// A whole-number field: its kind, its codes (for a string, a negative value, a fraction,
/// a value above `max`) and, for fields with a short list of values, what is allowed.
struct WholeField {
    kind: Kind,
    string: Code,
    negative: Code,
    fractional: Code,
    too_large: Code,
    max: u64,
    allowed: Option<(&'static str, &'static str)>,
}

const fn one_code(
    kind: Kind,
    code: Code,
    max: u64,
    allowed: (&'static str, &'static str),
) -> WholeField {
    WholeField {
        kind,
        string: code,
        negative: code,
        fractional: code,
        too_large: code,
        max,
        allowed: Some(allowed),
    }
}

const COUNT_FIELD: WholeField = WholeField {
    kind: COUNT,
    string: Code::CountNotANumber,
    negative: Code::CountNegative,
    fractional: Code::CountFractional,
    too_large: Code::CountTooLarge,
    max: MAX_COUNT,
    allowed: None,
};
const LEVEL_FIELD: WholeField = one_code(
    LEVEL,
    Code::LevelOutOfRange,
    2,
    ("0, 1 hoặc 2", "0, 1 or 2"),
);
const YEAR_FIELD: WholeField = one_code(
    YEAR,
    Code::PeriodInvalid,
    u16::MAX as u64,
    ("số nguyên từ 2000 đến 2100", "a whole number 2000–2100"),
);
const QUARTER_FIELD: WholeField = one_code(
    QUARTER,
    Code::PeriodInvalid,
    u8::MAX as u64,
    ("số nguyên từ 1 đến 4", "a whole number 1–4"),
);
const MONTH_FIELD: WholeField = one_code(
    MONTH,
    Code::PeriodInvalid,
    u8::MAX as u64,
    ("số nguyên từ 1 đến 12", "a whole number 1–12"),
);

/// A whole-number field: a JSON number with a whole value in 0..=`max`.
fn whole(raw: Raw<'_>, f: &WholeField) -> Result<u64, Fail> {
    let k = f.kind;
    let refuse = |code: Code, text: &str, vi: String, en: String| -> Fail {
        match f.allowed {
            Some((a_vi, a_en)) => (
                code,
                format!("{} phải là {a_vi} (giá trị: {text})", k.vi),
                format!("{} must be {a_en}, got {text}", k.en),
            ),
            None => (code, vi, en),
        }
    };
    let (value, text): (Option<u64>, Cow<str>) = match raw {
        Raw::Int(v) if v < 0 => (None, v.to_string().into()),
        Raw::Int(v) => (u64::try_from(v).ok(), Cow::Borrowed("")),
        Raw::Number(t) => {
            // Text read as a number (a CSV cell), not a JSON string: no word of quotes.
            let n = Exact::parse(t).ok_or_else(|| {
                let t = shown(t);
                (
                    f.string,
                    format!(
                        "{} phải là một số viết bằng chữ số, ví dụ 2 (giá trị: {t:?})",
                        k.vi
                    ),
                    format!(
                        "{} must be a number written in digits, such as 2, got {t:?}",
                        k.en
                    ),
                )
            })?;
            let t = shown(t);
            if n.is_negative() {
                (None, t)
            } else if !n.is_whole() {
                return Err(refuse(
                    f.fractional,
                    &t,
                    format!("{} phải là số nguyên (giá trị: {})", k.vi, shown_vi(&t)),
                    format!("{} must be a whole number, got {t}", k.en),
                ));
            } else {
                (n.to_u64().or(Some(u64::MAX)), t)
            }
        }
        Raw::Str(s) if non_finite(s) => return Err(not_finite(k, s)),
        Raw::Str(s) => return Err(not_a_number(k, f.string, s)),
    };
    let Some(v) = value else {
        return Err(refuse(
            f.negative,
            &text,
            format!("{} không được âm (giá trị: {})", k.vi, shown_vi(&text)),
            format!("{} must not be negative, got {text}", k.en),
        ));
    };
    if v > f.max {
        let text = if text.is_empty() {
            v.to_string().into()
        } else {
            text
        };
        return Err(refuse(
            f.too_large,
            &text,
            format!(
                "{} không được vượt quá {} (giá trị: {text})",
                k.vi,
                crate::base::number::count(f.max, crate::base::Lang::Vi)
            ),
            format!("{} must not exceed {}, got {text}", k.en, f.max),
        ));
    }
    Ok(v)
}

fn not_a_number(k: Kind, code: Code, s: &str) -> Fail {
    let s = shown(s);
    (
        code,
        format!(
            "{} phải là một số (không đặt trong dấu ngoặc kép), không phải chuỗi {s:?}",
            k.vi
        ),
        format!("{} must be a number, not the string {s:?}", k.en),
    )
}

/// A decimal field: a number or a plain decimal string, checked against 0..=`max` exactly
/// (from the text). A value with more digits than a decimal holds (about 28) is kept
/// `ordered` (see [`Exact::to_decimal_ordered`]) or refused (`bad`).
fn decimal(
    raw: Raw<'_>,
    k: Kind,
    bad: Code,
    range_code: Code,
    max: u32,
    ordered: bool,
) -> Result<Decimal, Fail> {
    let (text, plain): (Cow<str>, bool) = match raw {
        Raw::Int(v) => (v.to_string().into(), true),
        Raw::Number(t) => (t.into(), true),
        Raw::Str(s) if non_finite(s) => return Err(not_finite(k, s)),
        // A string must be a plain decimal ("12.5"): no exponent, no comma, no spaces.
        Raw::Str(s) => (
            s.into(),
            s.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-'),
        ),
    };
    let n = Exact::parse(&text).filter(|_| plain).ok_or_else(|| {
        (
            bad,
            format!(
                "{} phải là một số thập phân, ví dụ 12,5 (trong dữ liệu JSON viết 12.5) (giá trị: {:?})",
                k.vi,
                shown(&text)
            ),
            format!(
                "{} must be a decimal number such as \"12.5\", got {:?}",
                k.en,
                shown(&text)
            ),
        )
    })?;
    if n.is_negative() || n.above(max.into()) {
        return Err((
            range_code,
            format!(
                "{} phải trong khoảng 0–{max} (giá trị: {})",
                k.vi,
                shown_vi(&text)
            ),
            format!("{} must be within 0–{max}, got {}", k.en, shown(&text)),
        ));
    }
    match n.to_decimal() {
        Some(d) => Ok(d),
        // In range, but more digits than a decimal holds.
        None if ordered => Ok(n.to_decimal_ordered()),
        None => Err((
            bad,
            format!(
                "{} có quá nhiều chữ số để so sánh chính xác (tối đa 27 chữ số thập phân) (giá trị: {})",
                k.vi,
                shown_vi(&text)
            ),
            format!(
                "{} has too many digits to compare exactly (at most 27 decimal places), got {}",
                k.en,
                shown(&text)
            ),
        )),
    }
}

/// A number as a Vietnamese message quotes it: the decimal mark a comma ("1,5"); other
/// text unchanged.
fn shown_vi(text: &str) -> Cow<'_, str> {
    let t = shown(text);
    let plain = t.strip_prefix('-').unwrap_or(&t);
    match plain.split_once('.') {
        Some((i, f))
            if !i.is_empty()
                && !f.is_empty()
                && i.bytes().all(|b| b.is_ascii_digit())
                && f.bytes().all(|b| b.is_ascii_digit()) =>
        {
            t.replacen('.', ",", 1).into()
        }
        _ => t,
    }
}

/// A text as messages quote it: at most [`QUOTED_CHARS`](crate::base::QUOTED_CHARS)
/// characters (an input can be megabytes long).
fn shown(text: &str) -> Cow<'_, str> {
    crate::base::cut(text, crate::base::QUOTED_CHARS)
}

/// A number of dossiers (or of procedures, feedback items): a non-negative whole number
/// not above [`MAX_COUNT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Count(u64);

impl Count {
    /// Zero.
    pub const ZERO: Count = Count(0);

    /// A count, or `None` above [`MAX_COUNT`].
    pub const fn new(n: u64) -> Option<Count> {
        if n <= MAX_COUNT {
            Some(Count(n))
        } else {
            None
        }
    }

    /// The value.
    pub const fn get(self) -> u64 {
        self.0
    }

    /// Whether it is zero.
    pub const fn is_zero(&self) -> bool {
        self.0 == 0
    }
}

impl From<u32> for Count {
    fn from(n: u32) -> Self {
        Count(u64::from(n))
    }
}

impl Serialize for Count {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.0)
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, COUNT, |raw| whole(raw, &COUNT_FIELD).map(Count))
    }
}

/// A percentage in 0–100 (e.g. the share of procedures received at the one-stop desk).
///
/// Read exactly from its text. A value with more digits than a decimal holds (a
/// JavaScript `5e-324`, or 31 significant digits) is kept as its first 25 decimals and a
/// final 1 at the 26th place: it compares with every threshold of the rules exactly as
/// the value written does (`99.99999999999999999999999999999` stays below 100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(Decimal);

impl Percent {
    /// A percentage, or `None` outside 0–100.
    pub fn new(d: Decimal) -> Option<Percent> {
        (Decimal::ZERO..=Decimal::ONE_HUNDRED)
            .contains(&d)
            .then_some(Percent(d))
    }

    /// The value in percent.
    pub fn get(self) -> Decimal {
        self.0
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Serialize::serialize(&self.0, s)
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, PERCENT, |raw| {
            decimal(
                raw,
                PERCENT,
                Code::PercentNotANumber,
                Code::PercentOutOfRange,
                100,
                true,
            )
            .map(Percent)
        })
    }
}

/// A score as declared in a published report (0–18), kept as the decimal it was written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeclaredScore(Decimal);

impl DeclaredScore {
    /// A declared score, or `None` outside 0–18.
    pub fn new(d: Decimal) -> Option<Self> {
        (Decimal::ZERO..=Decimal::from(18))
            .contains(&d)
            .then_some(DeclaredScore(d))
    }

    /// The value.
    pub fn get(self) -> Decimal {
        self.0
    }
}

impl Serialize for DeclaredScore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Serialize::serialize(&self.0, s)
    }
}

impl<'de> Deserialize<'de> for DeclaredScore {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, SCORE, |raw| {
            decimal(
                raw,
                SCORE,
                Code::ScoreInvalid,
                Code::ScoreInvalid,
                18,
                false,
            )
            .map(DeclaredScore)
        })
    }
}

/// A level of a per-unit indicator: 0, 1 or 2 points (the row marked "x" on the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level(u8);

impl Level {
    /// 0 points.
    pub const ZERO: Level = Level(0);
    /// 1 point.
    pub const ONE: Level = Level(1);
    /// 2 points.
    pub const TWO: Level = Level(2);

    /// A level, or `None` above 2.
    pub const fn new(n: u8) -> Option<Level> {
        if n <= 2 {
            Some(Level(n))
        } else {
            None
        }
    }

    /// The points.
    pub const fn points(self) -> u8 {
        self.0
    }
}

impl Serialize for Level {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // `whole` checked 0..=2.
        read(d, LEVEL, |raw| {
            whole(raw, &LEVEL_FIELD).map(|n| Level(n as u8))
        })
    }
}

const BAND_MIN: Kind = Kind {
    vi: "Ngưỡng dưới của khung xếp loại",
    en: "band minimum",
};

/// The lower bound of a rating band in a profile: a decimal 0–18, a JSON number or a
/// decimal string, read exactly like the input's decimals (`INVALID_VALUE` otherwise).
pub(crate) fn band_min<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    read(d, BAND_MIN, |raw| {
        decimal(
            raw,
            BAND_MIN,
            Code::InvalidValue,
            Code::InvalidValue,
            18,
            false,
        )
    })
}

/// A number of contacts the caller assumes (tally options): a count, by the same policy
/// as every whole-number field; above `u32::MAX` it is "more than one" all the same.
pub(crate) fn assumed_contacts<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    Option::<Count>::deserialize(d).map(|c| c.map(|c| u32::try_from(c.get()).unwrap_or(u32::MAX)))
}

/// A count written as text (a CSV cell, `--assume contacts=`): the same checks as a JSON
/// number.
pub(crate) fn count_from_text(text: &str) -> Result<u64, Fail> {
    if non_finite(text) {
        return Err(not_finite(COUNT, text));
    }
    whole(Raw::Number(text), &COUNT_FIELD)
}

const TIME_LIMIT: Kind = Kind {
    vi: "Thời hạn giải quyết",
    en: "time limit",
};

/// The longest time limit accepted, in days: ten years.
pub const MAX_TIME_LIMIT_DAYS: u32 = 3650;

/// A time limit in working days: a multiple of 0.5 (dossiers.md §2.2), held as half-days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeLimit(u32);

impl TimeLimit {
    /// A limit of `halves` half-days, or `None` above [`MAX_TIME_LIMIT_DAYS`].
    pub const fn from_halves(halves: u32) -> Option<TimeLimit> {
        if halves <= 2 * MAX_TIME_LIMIT_DAYS {
            Some(TimeLimit(halves))
        } else {
            None
        }
    }

    /// The limit in half-days.
    pub const fn halves(self) -> u32 {
        self.0
    }

    /// Reads a limit written as text ("1.5", a CSV cell).
    #[cfg(feature = "csv")]
    pub(crate) fn from_text(text: &str) -> Result<TimeLimit, Fail> {
        time_limit(Raw::Str(text))
    }
}

fn time_limit(raw: Raw<'_>) -> Result<TimeLimit, Fail> {
    let k = TIME_LIMIT;
    let (text, plain): (Cow<str>, bool) = match raw {
        Raw::Int(v) => (v.to_string().into(), true),
        Raw::Number(t) => (t.into(), true),
        Raw::Str(s) if non_finite(s) => return Err(not_finite(k, s)),
        // Text (a JSON string or a CSV cell) must be a plain decimal with a dot.
        Raw::Str(s) => (s.into(), s.bytes().all(|b| b.is_ascii_digit() || b == b'.')),
    };
    let halves = Exact::parse(&text)
        .filter(|n| plain && !n.is_negative())
        .and_then(|n| n.to_decimal())
        .map(|d| d * Decimal::TWO)
        .filter(|h| h.fract().is_zero() && *h <= Decimal::from(2 * MAX_TIME_LIMIT_DAYS))
        .and_then(|h| u32::try_from(h.trunc()).ok());
    halves.map(TimeLimit).ok_or_else(|| {
        (
            Code::TimeLimitInvalid,
            format!(
                "{} phải là số ngày làm việc từ 0 đến {MAX_TIME_LIMIT_DAYS}, bội số của 0,5, viết bằng dấu chấm (giá trị: {:?})",
                k.vi,
                shown(&text)
            ),
            format!(
                "{} must be a number of working days from 0 to {MAX_TIME_LIMIT_DAYS}, a multiple of 0.5, got {:?}",
                k.en,
                shown(&text)
            ),
        )
    })
}

impl Serialize for TimeLimit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Serialize::serialize(&(Decimal::from(self.0) / Decimal::TWO).normalize(), s)
    }
}

impl<'de> Deserialize<'de> for TimeLimit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, TIME_LIMIT, time_limit)
    }
}

/// The parts of a period: whole numbers, checked for their range by `validate` (a value
/// beyond the field's type is refused here, with the same code).
macro_rules! period_part {
    ($part:ident, $t:ty, $field:expr) => {
        struct $part($t);
        impl<'de> Deserialize<'de> for $part {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                // `whole` checked the type's maximum.
                read(d, $field.kind, |raw| {
                    whole(raw, &$field).map(|v| $part(v as $t))
                })
            }
        }
    };
}
period_part!(YearPart, u16, YEAR_FIELD);
period_part!(QuarterPart, u8, QUARTER_FIELD);
period_part!(MonthPart, u8, MONTH_FIELD);

/// The year of a period.
pub(crate) fn year<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    YearPart::deserialize(d).map(|p| p.0)
}

/// An optional quarter (`null`: none).
pub(crate) fn quarter<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    Option::<QuarterPart>::deserialize(d).map(|o| o.map(|p| p.0))
}

/// An optional month (`null`: none).
pub(crate) fn month<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    Option::<MonthPart>::deserialize(d).map(|o| o.map(|p| p.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(t: &str) -> (bool, bool, Option<u64>, Option<String>) {
        let n = Exact::parse(t).unwrap();
        (
            n.is_negative(),
            n.is_whole(),
            n.to_u64(),
            n.to_decimal().map(|d| d.to_string()),
        )
    }

    #[test]
    fn numbers_are_read_from_their_text() {
        assert_eq!(exact("12"), (false, true, Some(12), Some("12".into())));
        assert_eq!(exact("2.0"), (false, true, Some(2), Some("2".into())));
        assert_eq!(exact("1e3"), (false, true, Some(1000), Some("1000".into())));
        assert_eq!(exact("-0"), (false, true, Some(0), Some("0".into())));
        assert!(!exact("4503599627370495.5").1);
        assert_eq!(
            exact("19.999999999999999").3.as_deref(),
            Some("19.999999999999999")
        );
        assert_eq!(exact("1.5e-1").3.as_deref(), Some("0.15"));
        assert_eq!(exact("1e400").2, None);
        assert_eq!(
            exact("100000000000000000000000"),
            (false, true, None, Some("100000000000000000000000".into()))
        );
        let above = |t: &str, max| Exact::parse(t).unwrap().above(max);
        assert!(above("100.0000000000000000000000000001", 100));
        assert!(above("1e400", 100) && above("1e-400", 0));
        assert!(!above("100", 100) && !above("1e2", 100) && !above("99.99", 100));
        // More digits than a decimal holds: ordered exactly against every threshold.
        let ordered = |t: &str| Exact::parse(t).unwrap().to_decimal_ordered();
        let nines = ordered("99.99999999999999999999999999999");
        assert!(nines < Decimal::ONE_HUNDRED && nines > Decimal::from(99));
        assert!(ordered("5e-324") > Decimal::ZERO);
        assert!(ordered("19.99999999999999999999999999999999") < Decimal::from(20));
        assert!(ordered("20.00000000000000000000000000000001") > Decimal::from(20));
        for bad in ["", "-", "1.", ".5", "01x", "1e", "+1", "1,5"] {
            assert!(Exact::parse(bad).is_none(), "{bad}");
        }
    }
}

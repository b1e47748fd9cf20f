//! The scalar values of the input, each with its own deserializer: counts, percentages,
//! declared scores and levels. A range check runs inside the visitor, so that the error
//! is reported at the value itself and its path names the field.

use crate::error::{tagged, Code};
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The largest count accepted: 2^53 − 1, the largest integer that JavaScript
/// represents exactly, so that the browser and the back end agree on every input.
pub const MAX_COUNT: u64 = (1 << 53) - 1;

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
        struct V;
        impl Visitor<'_> for V {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a non-negative whole number")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
                Count::new(v).ok_or_else(|| too_large(&v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
                match u64::try_from(v) {
                    Ok(u) => self.visit_u64(u),
                    Err(_) => Err(E::custom(tagged(
                        Code::CountNegative,
                        &format!("Số lượng không được âm (giá trị: {v})"),
                        &format!("count must not be negative, got {v}"),
                    ))),
                }
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Count, E> {
                u64::try_from(v)
                    .map_err(|_| too_large(&v.to_string()))
                    .and_then(|u| self.visit_u64(u))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Count, E> {
                match u64::try_from(v) {
                    Ok(u) => self.visit_u64(u),
                    Err(_) if v < 0 => self.visit_i64(-1),
                    Err(_) => Err(too_large(&v.to_string())),
                }
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
                if !v.is_finite() {
                    Err(E::custom(tagged(
                        Code::NotFinite,
                        &format!("Số lượng phải là số hữu hạn, không phải {v}"),
                        &format!("count must be a finite number, got {v}"),
                    )))
                } else if v < 0.0 {
                    Err(E::custom(tagged(
                        Code::CountNegative,
                        &format!("Số lượng không được âm (giá trị: {v})"),
                        &format!("count must not be negative, got {v}"),
                    )))
                } else if v.fract() != 0.0 {
                    Err(E::custom(tagged(
                        Code::CountFractional,
                        &format!("Số lượng phải là số nguyên (giá trị: {v})"),
                        &format!("count must be a whole number, got {v}"),
                    )))
                } else if v > MAX_COUNT as f64 {
                    Err(too_large(&v.to_string()))
                } else {
                    // Exact: v is a whole number below 2^53.
                    Ok(Count(v as u64))
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Count, E> {
                if let Some(f) = non_finite(v) {
                    return self.visit_f64(f);
                }
                Err(E::custom(tagged(
                    Code::CountNotANumber,
                    &format!("Số lượng phải là một số, không phải chuỗi ký tự {v:?}"),
                    &format!("count must be a number, not the string {v:?}"),
                )))
            }
        }
        d.deserialize_any(V)
    }
}

/// JSON has no NaN or infinities; the JavaScript package sends them as these strings so
/// that they get their own error code (`NOT_FINITE`) rather than a type error.
fn non_finite(v: &str) -> Option<f64> {
    match v {
        "NaN" => Some(f64::NAN),
        "Infinity" => Some(f64::INFINITY),
        "-Infinity" => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

fn too_large<E: de::Error>(v: &str) -> E {
    E::custom(tagged(
        Code::CountTooLarge,
        &format!("Số lượng không được vượt quá 9.007.199.254.740.991 (giá trị: {v})"),
        &format!("count must not exceed {MAX_COUNT}, got {v}"),
    ))
}

/// A range check run inside the visitor, so that serde_json reports the error at the
/// value itself (and the error path names the field).
type Check = fn(Decimal) -> Result<Decimal, (Code, String, String)>;

/// Reads a decimal from any JSON number or decimal string and checks it; NaN and
/// infinities are refused. `what` names the kind of value; `bad` is the code of a non-number.
fn decimal_from<'de, D: Deserializer<'de>>(
    d: D,
    bad: Code,
    what: (&'static str, &'static str),
    check: Check,
) -> Result<Decimal, D::Error> {
    struct V(Code, (&'static str, &'static str), Check);
    impl V {
        fn checked<E: de::Error>(&self, v: Decimal) -> Result<Decimal, E> {
            (self.2)(v).map_err(|(code, vi, en)| E::custom(tagged(code, &vi, &en)))
        }
    }
    impl Visitor<'_> for V {
        type Value = Decimal;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a {} as a number or decimal string", self.1 .1)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
            self.checked(Decimal::from(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
            self.checked(Decimal::from(v))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
            if !v.is_finite() {
                return Err(E::custom(tagged(
                    Code::NotFinite,
                    &format!("{} phải là số hữu hạn, không phải {v}", self.1 .0),
                    &format!("{} must be a finite number, got {v}", self.1 .1),
                )));
            }
            // The shortest round-trip text of the float is what the user typed.
            match Decimal::from_str(&v.to_string()) {
                Ok(d) => self.checked(d),
                Err(_) => Err(E::custom(tagged(
                    self.0,
                    &format!("{} vượt ngoài phạm vi: {v}", self.1 .0),
                    &format!("{} out of range: {v}", self.1 .1),
                ))),
            }
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
            if let Some(f) = non_finite(v) {
                return self.visit_f64(f);
            }
            let plain = !v.is_empty()
                && v.bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
                && v.bytes().filter(|&b| b == b'.').count() <= 1;
            match (plain, Decimal::from_str_exact(v)) {
                (true, Ok(d)) => self.checked(d),
                _ => Err(E::custom(tagged(
                    self.0,
                    &format!(
                        "{} phải là số thập phân như \"12.5\" (giá trị: {v:?})",
                        self.1 .0
                    ),
                    &format!(
                        "{} must be a decimal number such as \"12.5\", got {v:?}",
                        self.1 .1
                    ),
                ))),
            }
        }
    }
    d.deserialize_any(V(bad, what, check))
}

/// A percentage in 0–100 (e.g. the share of procedures received at the one-stop desk).
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
        decimal_from(
            d,
            Code::PercentNotANumber,
            ("Tỷ lệ phần trăm", "percentage"),
            |v| {
                Percent::new(v).map(Percent::get).ok_or_else(|| {
                    (
                        Code::PercentOutOfRange,
                        format!("Tỷ lệ phần trăm phải trong khoảng 0–100 (giá trị: {v})"),
                        format!("percentage must be within 0–100, got {v}"),
                    )
                })
            },
        )
        .map(Percent)
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
        decimal_from(
            d,
            Code::ScoreInvalid,
            ("Điểm công bố", "score"),
            |v| {
                DeclaredScore::new(v)
                    .map(DeclaredScore::get)
                    .ok_or_else(|| {
                        (
                            Code::ScoreInvalid,
                            format!("Điểm công bố phải trong khoảng 0–18 (giá trị: {v})"),
                            format!("a declared score must be within 0–18, got {v}"),
                        )
                    })
            },
        )
        .map(DeclaredScore)
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
        let n = decimal_from(d, Code::LevelOutOfRange, ("Mức", "level"), |n| {
            let whole = n.fract().is_zero() && n >= Decimal::ZERO && n <= Decimal::TWO;
            if whole {
                Ok(n)
            } else {
                Err((
                    Code::LevelOutOfRange,
                    format!("Mức chỉ được là 0, 1 hoặc 2 (giá trị: {n})"),
                    format!("level must be 0, 1 or 2, got {n}"),
                ))
            }
        })?;
        // Checked above: a whole number 0–2.
        Ok(Level(if n == Decimal::TWO {
            2
        } else if n == Decimal::ONE {
            1
        } else {
            0
        }))
    }
}

//! The interpretations we chose where the texts are silent (rules.md \[D\]): each a named
//! policy with a documented default, switchable per profile and per call.

use crate::error::{Code, Problem};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Which level counts when a per-unit indicator has both a declared level and facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LevelSource {
    /// \[D\] default: the declared level (the form is a self-assessment, "điểm tự đánh giá");
    /// facts that contradict it raise a finding with the corrected total.
    Declared,
    /// The level the facts determine; the declared level only where the facts do not.
    Facts,
}

/// How the 1-point band of online services treats ≥ 30 % online with < 20 % deployed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum OnlineHighShareLowDeployment {
    /// \[D\] default: 1 point (the "under 30 %" only separates band 1 from band 2).
    LevelOne,
    /// 0 points (the 1-point band read literally, 15 % to under 30 %).
    LevelZero,
}

/// What happens when an indicator is not applicable (TT01 Art. 15: not counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum NotApplicablePolicy {
    /// \[D\] default: the total is over the applicable indicators with a reduced maximum, and
    /// the rating uses total × 18 / reduced maximum.
    ScaleToMaximum,
    /// The total and the rating use the applicable indicators only, without scaling.
    Unscaled,
}

/// Which figure the rating bands are applied to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum RatingBasis {
    /// \[D\] default: the total as reported, after the profile's rounding.
    ReportedTotal,
    /// The exact total, before rounding.
    ExactTotal,
}

/// How a late dossier without a complaint is graded on attitude (used by the consistency check).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LateAttitude {
    /// \[D\] default: 0 points (2 needs "early", 1 needs "on time").
    #[default]
    Zero,
    /// 1 point.
    One,
}

/// The interpretations we chose where the texts are silent, each switchable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Interpretations {
    /// `levelSource`: declared level or facts.
    #[serde(deserialize_with = "choice")]
    pub level_source: LevelSource,
    /// `onlineShareBase`: the denominator of the online share.
    #[serde(deserialize_with = "choice")]
    pub online_share_base: OnlineShareBase,
    /// `onlineHighShareLowDeployment`.
    #[serde(deserialize_with = "choice")]
    pub online_high_share_low_deployment: OnlineHighShareLowDeployment,
    /// `notApplicable`: the missing-data policy.
    #[serde(deserialize_with = "choice")]
    pub not_applicable: NotApplicablePolicy,
    /// `ratingBasis`.
    #[serde(deserialize_with = "choice")]
    pub rating_basis: RatingBasis,
    /// `lateAttitude`.
    #[serde(deserialize_with = "choice")]
    pub late_attitude: LateAttitude,
}

impl Default for Interpretations {
    fn default() -> Self {
        Interpretations {
            level_source: LevelSource::Declared,
            online_share_base: OnlineShareBase::AllReceived,
            online_high_share_low_deployment: OnlineHighShareLowDeployment::LevelOne,
            not_applicable: NotApplicablePolicy::ScaleToMaximum,
            rating_basis: RatingBasis::ReportedTotal,
            late_attitude: LateAttitude::Zero,
        }
    }
}

/// Overrides of some interpretations (absent fields keep the profile's choice). JSON: an
/// object of names and values, read through [`InterpretationOverrides::set`] (an unknown
/// name or value is `UNKNOWN_INTERPRETATION`, as on the command line; `null` keeps the
/// profile's choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct InterpretationOverrides {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_source: Option<LevelSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_share_base: Option<OnlineShareBase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_high_share_low_deployment: Option<OnlineHighShareLowDeployment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<NotApplicablePolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating_basis: Option<RatingBasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_attitude: Option<LateAttitude>,
}

/// The names [`InterpretationOverrides::set`] knows.
const INTERPRETATION_NAMES: &[&str] = &[
    "levelSource",
    "onlineShareBase",
    "onlineHighShareLowDeployment",
    "notApplicable",
    "ratingBasis",
    "lateAttitude",
];

impl<'de> Deserialize<'de> for InterpretationOverrides {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = InterpretationOverrides;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("interpretations (an object of names and values)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                let mut o = InterpretationOverrides::default();
                let mut seen = 0;
                while let Some(name) = m.next_key_seed(NameSeed {
                    names: INTERPRETATION_NAMES,
                    seen: &mut seen,
                    unknown: |k| InterpretationOverrides::default().set(k, "").unwrap_err(),
                })? {
                    m.next_value_seed(ChoiceSeed {
                        target: &mut o,
                        name,
                        set: InterpretationOverrides::set,
                    })?;
                }
                Ok(o)
            }
        }
        d.deserialize_map(V)
    }
}

fn tagged_error<E: de::Error>(p: &Problem) -> E {
    E::custom(crate::error::tagged(p.code, &p.message.vi, &p.message.en))
}

/// The key of an object of named choices: a known name, at most once. Errors are raised
/// inside the key's visitor, so that their path is the key's.
pub(crate) struct NameSeed<'a> {
    /// The names (at most 32).
    pub names: &'static [&'static str],
    /// The names seen so far, as bits.
    pub seen: &'a mut u32,
    /// The problem of an unknown name.
    pub unknown: fn(&str) -> Problem,
}

impl<'de> DeserializeSeed<'de> for NameSeed<'_> {
    type Value = &'static str;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<&'static str, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for NameSeed<'_> {
    type Value = &'static str;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a name")
    }
    fn visit_str<E: de::Error>(self, k: &str) -> Result<&'static str, E> {
        let Some(i) = self.names.iter().position(|n| *n == k) else {
            return Err(tagged_error(&(self.unknown)(k)));
        };
        if *self.seen & (1 << i) != 0 {
            return Err(E::custom(crate::error::tagged(
                Code::DuplicateField,
                &format!("Trường `{k}` bị lặp lại"),
                &format!("duplicate field `{k}`"),
            )));
        }
        *self.seen |= 1 << i;
        Ok(self.names[i])
    }
}

/// The value of a named choice: its text, given to `set` (whose problem is raised inside
/// the value's visitor, so that its path is the key's); `null` leaves it unset.
pub(crate) struct ChoiceSeed<'a, T> {
    /// What the choice is set on.
    pub target: &'a mut T,
    /// The choice's name.
    pub name: &'static str,
    /// Sets a choice by name and value.
    pub set: fn(&mut T, &str, &str) -> Result<(), Problem>,
}

impl<'de, T> DeserializeSeed<'de> for ChoiceSeed<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, T> Visitor<'de> for ChoiceSeed<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a value of {} (a string)", self.name)
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        (self.set)(self.target, self.name, v).map_err(|p| tagged_error(&p))
    }
}

/// The error of reading a choice from its text: only the names it takes are kept. (serde's
/// own value error formats what it got, floats included, which links the float printer
/// into the WebAssembly module for a message that never shows a float.)
#[derive(Debug)]
struct ChoiceError(&'static [&'static str]);

impl fmt::Display for ChoiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not one of the choices")
    }
}

impl std::error::Error for ChoiceError {}

impl de::Error for ChoiceError {
    fn custom<T: fmt::Display>(_: T) -> Self {
        ChoiceError(&[])
    }
    fn invalid_type(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        ChoiceError(&[])
    }
    fn invalid_value(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        ChoiceError(&[])
    }
    fn unknown_variant(_: &str, expected: &'static [&'static str]) -> Self {
        ChoiceError(expected)
    }
}

/// The value of a choice named by `text`, or the message (vi, en) of a text that names
/// none: `what` is the interpretation's name.
fn read_choice<T: for<'a> Deserialize<'a>>(text: &str, what: &str) -> Result<T, (String, String)> {
    T::deserialize(de::value::StrDeserializer::<ChoiceError>::new(text)).map_err(|e| {
        let list = e.0.join(", ");
        let (vi, en) = if what.is_empty() {
            (
                "Cách hiểu này".to_string(),
                "this interpretation".to_string(),
            )
        } else {
            (
                format!("Cách hiểu {what}"),
                format!("interpretation {what}"),
            )
        };
        (
            format!("{vi} không nhận giá trị {text:?}; các giá trị: {list}"),
            format!("{en} must be one of {list}, got {text:?}"),
        )
    })
}

/// One interpretation of a profile, read from its text: a value it does not take is
/// `UNKNOWN_INTERPRETATION` (as in the options and on the command line).
fn choice<'de, D: Deserializer<'de>, T: for<'a> Deserialize<'a>>(d: D) -> Result<T, D::Error> {
    struct V<T>(std::marker::PhantomData<T>);
    impl<T: for<'a> Deserialize<'a>> Visitor<'_> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an interpretation's value (a string)")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            read_choice(v, "").map_err(|(vi, en)| {
                E::custom(crate::error::tagged(Code::UnknownInterpretation, &vi, &en))
            })
        }
    }
    d.deserialize_str(V(std::marker::PhantomData))
}

/// One choice of a named policy from its text, e.g. `("interpretations.levelSource",
/// "facts")`: the value as serde names it; `UNKNOWN_INTERPRETATION` at `path` otherwise.
pub(crate) fn parse_choice<T: for<'de> Deserialize<'de>>(
    path: &str,
    value: &str,
) -> Result<T, Problem> {
    let name = path.rsplit('.').next().unwrap_or(path);
    read_choice(value, name)
        .map_err(|(vi, en)| Problem::new(Code::UnknownInterpretation, path, vi, en))
}

impl InterpretationOverrides {
    /// Sets one override from its camelCase name and value, e.g. `("levelSource", "facts")`.
    ///
    /// # Errors
    /// `UNKNOWN_INTERPRETATION` for an unknown name or a value it does not take.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), Problem> {
        let path = format!("interpretations.{name}");
        match name {
            "levelSource" => self.level_source = Some(parse_choice(&path, value)?),
            "onlineShareBase" => self.online_share_base = Some(parse_choice(&path, value)?),
            "onlineHighShareLowDeployment" => {
                self.online_high_share_low_deployment = Some(parse_choice(&path, value)?)
            }
            "notApplicable" => self.not_applicable = Some(parse_choice(&path, value)?),
            "ratingBasis" => self.rating_basis = Some(parse_choice(&path, value)?),
            "lateAttitude" => self.late_attitude = Some(parse_choice(&path, value)?),
            _ => {
                return Err(Problem::new(
                    Code::UnknownInterpretation,
                    format!("interpretations.{name}"),
                    format!("Không có cách hiểu tên {name:?}"),
                    format!("no interpretation is named {name:?}"),
                ))
            }
        }
        Ok(())
    }

    /// Applies the overrides to `base`.
    pub fn apply(&self, base: Interpretations) -> Interpretations {
        Interpretations {
            level_source: self.level_source.unwrap_or(base.level_source),
            online_share_base: self.online_share_base.unwrap_or(base.online_share_base),
            online_high_share_low_deployment: self
                .online_high_share_low_deployment
                .unwrap_or(base.online_high_share_low_deployment),
            not_applicable: self.not_applicable.unwrap_or(base.not_applicable),
            rating_basis: self.rating_basis.unwrap_or(base.rating_basis),
            late_attitude: self.late_attitude.unwrap_or(base.late_attitude),
        }
    }
}

/// What the online share is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum OnlineShareBase {
    /// \[D\] default: received online / all dossiers received in the period (carried over included).
    AllReceived,
    /// Received online / (online + direct), leaving out dossiers carried over.
    NewlyReceived,
}

crate::base::objects_only!(Interpretations);

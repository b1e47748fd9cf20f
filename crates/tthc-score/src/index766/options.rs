//! Options of a ratio-index call as the JSON and JavaScript APIs take them: the profile (a
//! built-in id or a province's own profile object) and the interpretations a caller may
//! switch, plus the format and language of a rendering.

use super::builtin::{find_index, VN_766_ID};
use super::profile::{CheckedIndexProfile, PartRounding, ZeroDenominator};
use super::score::IndexOptions;
use crate::base::Lang;
use crate::error::Problem;
use crate::render::Format;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::borrow::Cow;
use std::fmt;

/// A built-in ratio-index profile by id, or a whole one. JSON: `"vn-766"` or
/// `{ "id": …, "model": "ratioIndex", … }` in the format `profiles show vn-766` prints (a
/// province's corrected profile; TypeScript `string | IndexProfile`), checked as it is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum IndexProfileChoice {
    /// A built-in profile's identifier, e.g. `vn-766`.
    Builtin(String),
    /// A caller's own profile, checked when it was read.
    Custom(Box<CheckedIndexProfile>),
}

impl IndexProfileChoice {
    /// The profile chosen (`None`: `vn-766`).
    ///
    /// # Errors
    /// `UNKNOWN_PROFILE` (path `profile`) for an id that is not built in.
    pub fn resolve(
        choice: Option<&IndexProfileChoice>,
    ) -> Result<Cow<'_, CheckedIndexProfile>, Problem> {
        match choice {
            None => find_index(VN_766_ID).map(Cow::Borrowed),
            Some(IndexProfileChoice::Builtin(id)) => find_index(id).map(Cow::Borrowed),
            Some(IndexProfileChoice::Custom(p)) => Ok(Cow::Borrowed(&**p)),
        }
    }
}

impl From<&str> for IndexProfileChoice {
    fn from(id: &str) -> Self {
        IndexProfileChoice::Builtin(id.into())
    }
}

impl From<CheckedIndexProfile> for IndexProfileChoice {
    fn from(p: CheckedIndexProfile) -> Self {
        IndexProfileChoice::Custom(Box::new(p))
    }
}

impl<'de> Deserialize<'de> for IndexProfileChoice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Not `untagged`: its error would hide why a profile object was refused.
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = IndexProfileChoice;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a ratio-index profile id or a ratio-index profile object")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<IndexProfileChoice, E> {
                Ok(IndexProfileChoice::Builtin(s.into()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<IndexProfileChoice, A::Error> {
                CheckedIndexProfile::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|p| IndexProfileChoice::Custom(Box::new(p)))
            }
        }
        d.deserialize_any(V)
    }
}

/// Options of scoring a ratio-index input: the profile and the interpretations in force
/// (the options of `tthc-score score --profile vn-766 --set zeroDenominator=…`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct IndexScoreOptions {
    /// The profile: a built-in one's identifier (default `vn-766`, the only one) or a
    /// ratio-index profile object (a province's corrected profile).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "string | IndexProfile", optional))]
    pub profile: Option<IndexProfileChoice>,
    /// Replaces the profile's default zero-denominator treatment, as in
    /// [`IndexOptions::zero_denominator`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero_denominator: Option<ZeroDenominator>,
    /// Replaces the profile's rounding of a weighted sum's parts, as in
    /// [`IndexOptions::part_rounding`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_rounding: Option<PartRounding>,
}

impl IndexScoreOptions {
    /// The profile and the scoring options.
    ///
    /// # Errors
    /// `UNKNOWN_PROFILE` (path `profile`) for an id that is not built in.
    pub fn resolve(&self) -> Result<(Cow<'_, CheckedIndexProfile>, IndexOptions), Problem> {
        resolve(
            self.profile.as_ref(),
            self.zero_denominator,
            self.part_rounding,
        )
    }
}

/// The profile a choice names, and the scoring options: what both option sets resolve to
/// (two structs only because serde cannot flatten into one that denies unknown fields).
fn resolve(
    profile: Option<&IndexProfileChoice>,
    zero_denominator: Option<ZeroDenominator>,
    part_rounding: Option<PartRounding>,
) -> Result<(Cow<'_, CheckedIndexProfile>, IndexOptions), Problem> {
    let p = IndexProfileChoice::resolve(profile)?;
    let options = IndexOptions {
        zero_denominator,
        part_rounding,
    };
    Ok((p, options))
}

/// Options of rendering a ratio-index result as a table: the scoring options plus format
/// and language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct IndexRenderOptions {
    /// Output format; the default is the tab-separated table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// Language; the default is Vietnamese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// The profile, as in [`IndexScoreOptions::profile`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "string | IndexProfile", optional))]
    pub profile: Option<IndexProfileChoice>,
    /// As in [`IndexScoreOptions::zero_denominator`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero_denominator: Option<ZeroDenominator>,
    /// As in [`IndexScoreOptions::part_rounding`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_rounding: Option<PartRounding>,
}

impl IndexRenderOptions {
    /// The profile and the scoring options (the format and language are read as they are,
    /// absent: the defaults).
    ///
    /// # Errors
    /// `UNKNOWN_PROFILE` (path `profile`) for an id that is not built in.
    pub fn resolve(&self) -> Result<(Cow<'_, CheckedIndexProfile>, IndexOptions), Problem> {
        resolve(
            self.profile.as_ref(),
            self.zero_denominator,
            self.part_rounding,
        )
    }
}

crate::base::objects_only!(IndexScoreOptions, IndexRenderOptions);

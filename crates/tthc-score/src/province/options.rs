//! Options of the province calls as the JSON and JavaScript APIs take them: the scoring
//! options of every unit (a built-in profile or a province's own, interpretation
//! overrides) and the choices of the call itself.

use super::{RankBasis, RankOptions, RollupMethod, TiePolicy};
use crate::error::Problem;
use crate::input::Period;
use crate::profile::{CheckedProfile, InterpretationOverrides, Interpretations, ProfileChoice};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The profile chosen and the interpretations in force.
fn resolve<'a>(
    profile: Option<&'a ProfileChoice>,
    overrides: Option<InterpretationOverrides>,
) -> Result<(Cow<'a, CheckedProfile>, Interpretations), Problem> {
    let p = ProfileChoice::resolve(profile)?;
    let i = overrides.unwrap_or_default().apply(p.interpretations);
    Ok((p, i))
}

/// Options of scoring many units at once and ranking them in one table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct BatchOptions {
    /// The profile of every unit: a built-in profile's identifier (default
    /// `dien-bien-2019`) or a profile object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "string | Profile", optional))]
    pub profile: Option<ProfileChoice>,
    /// Interpretation overrides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretations: Option<InterpretationOverrides>,
    /// How ties rank (default `competition`: 1, 1, 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ties: Option<TiePolicy>,
    /// Which figure ranks (default `ratingBasis`, the figure the rating is read from).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank_by: Option<RankBasis>,
    /// Whether each unit's result is its whole scorecard with findings (default `true`);
    /// `false`: the position of its row in the table, several times faster for a whole
    /// province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scorecards: Option<bool>,
}

impl BatchOptions {
    /// The profile, the interpretations in force and the ranking options.
    ///
    /// # Errors
    /// `UNKNOWN_PROFILE` for an id that is not built in.
    pub fn resolve(
        &self,
    ) -> Result<(Cow<'_, CheckedProfile>, Interpretations, RankOptions), Problem> {
        let (p, i) = resolve(self.profile.as_ref(), self.interpretations)?;
        let rank = RankOptions {
            ties: self.ties.unwrap_or_default(),
            basis: self.rank_by.unwrap_or_default(),
        };
        Ok((p, i, rank))
    }
}

/// Options of combining units or periods into one result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct ConsolidateOptions {
    /// The profile of every part, as in [`BatchOptions::profile`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "string | Profile", optional))]
    pub profile: Option<ProfileChoice>,
    /// Interpretation overrides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretations: Option<InterpretationOverrides>,
    /// How the parts combine (default `pooled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<RollupMethod>,
}

impl ConsolidateOptions {
    /// The profile, the interpretations in force and the method.
    ///
    /// # Errors
    /// `UNKNOWN_PROFILE` for an id that is not built in.
    pub fn resolve(
        &self,
    ) -> Result<(Cow<'_, CheckedProfile>, Interpretations, RollupMethod), Problem> {
        let (p, i) = resolve(self.profile.as_ref(), self.interpretations)?;
        Ok((p, i, self.method.unwrap_or_default()))
    }
}

/// Options of the audit of a published table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct TableAuditOptions {
    /// The profile the table was scored under, as in [`BatchOptions::profile`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "string | Profile", optional))]
    pub profile: Option<ProfileChoice>,
    /// The table's period, `{ "year": 2021, "quarter": 2 }` (a year alone: a year table,
    /// whose per-unit indicators may be means off the 0/1/2 grid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

impl TableAuditOptions {
    /// The profile.
    ///
    /// # Errors
    /// `UNKNOWN_PROFILE` for an id that is not built in.
    pub fn resolve(&self) -> Result<Cow<'_, CheckedProfile>, Problem> {
        ProfileChoice::resolve(self.profile.as_ref())
    }
}

crate::base::objects_only!(BatchOptions, ConsolidateOptions, TableAuditOptions);

//! Rating bands: the unit's rating and the officials' bands, as data.

use crate::base::Localized;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A rating band: values at or above `min` (and below the next band's `min`) get `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "ts", tsify(type_params = "C extends BandCode = BandCode"))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Band {
    /// Inclusive lower bound.
    #[serde(deserialize_with = "crate::input::band_min")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "super::schema::band_min"))]
    pub min: Decimal,
    /// Stable code (e.g. `excellent`).
    #[cfg_attr(feature = "ts", tsify(type = "C"))]
    pub code: Cow<'static, str>,
    /// Label.
    pub label: Localized,
}

/// Picks the band of `value` from bands sorted by descending `min`. Lower bounds are
/// inclusive: a total of exactly 15 is "Xuất sắc" (TT01 Art. 15).
pub fn band_of(bands: &[Band], value: Decimal) -> Option<&Band> {
    bands.iter().find(|b| value >= b.min)
}

/// A rating: a band's code and label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "ts", tsify(type_params = "C extends BandCode = BandCode"))]
#[serde(rename_all = "camelCase")]
pub struct Rating {
    /// Stable code, e.g. `excellent`.
    #[cfg_attr(feature = "ts", tsify(type = "C"))]
    pub code: Cow<'static, str>,
    /// Label, e.g. "Xuất sắc".
    pub label: Localized,
}

impl From<&Band> for Rating {
    fn from(b: &Band) -> Self {
        Rating {
            code: b.code.clone(),
            label: b.label.clone(),
        }
    }
}

crate::base::objects_only!(Band);

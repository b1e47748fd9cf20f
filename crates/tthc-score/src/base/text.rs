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

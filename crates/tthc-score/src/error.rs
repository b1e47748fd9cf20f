//! Hard errors: inputs from which no correct score can be computed.
//!
//! Every problem carries a stable [`Code`], the path of the offending field
//! (dot/bracket notation, e.g. `perDossier.contacts.two` or `officials[1].attitude`)
//! and a message in Vietnamese and English.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// A text in both languages of the project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Localized {
    /// Vietnamese.
    pub vi: Cow<'static, str>,
    /// English.
    pub en: Cow<'static, str>,
}

impl Localized {
    /// Builds a text from its two languages.
    /// Fixed texts are borrowed, so building one costs no allocation.
    pub fn new(vi: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Self {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Vi => &self.vi,
            crate::Lang::En => &self.en,
        }
    }
}

/// Declares an enum of stable string codes (serde renames, `ALL`, `as_str`, `from_str_code`).
/// Used for the hard-error codes here and the finding codes in `audit`.
macro_rules! stable_codes {
    ($(#[$meta:meta])* $vis:vis enum $enum:ident { $( $(#[$doc:meta])* $name:ident = $text:literal, )* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(tsify::Tsify))]
        #[non_exhaustive]
        $vis enum $enum {
            $( $(#[$doc])* #[serde(rename = $text)] $name, )*
        }

        impl $enum {
            /// Every code, in documentation order.
            pub const ALL: &'static [$enum] = &[$($enum::$name),*];

            /// The stable string form, e.g. `"COUNT_NEGATIVE"`.
            pub const fn as_str(self) -> &'static str {
                match self { $($enum::$name => $text,)* }
            }

            /// Looks a code up by its string form.
            pub fn from_str_code(s: &str) -> Option<$enum> {
                match s { $($text => Some($enum::$name),)* _ => None }
            }
        }
    };
}
pub(crate) use stable_codes;

stable_codes! {
    /// Stable machine-readable codes of hard errors. The string form never changes once
    /// released; new codes may be added.
    pub enum Code {
        /// The text is not well-formed JSON.
        InvalidJson = "INVALID_JSON",
        /// A field name that the schema does not know (often a typo).
        UnknownField = "UNKNOWN_FIELD",
        /// A required field is absent.
        MissingField = "MISSING_FIELD",
        /// A field appears twice.
        DuplicateField = "DUPLICATE_FIELD",
        /// A value of the wrong JSON type (e.g. an object where a number belongs).
        WrongType = "WRONG_TYPE",
        /// A value outside its enumeration (e.g. an unknown unit level).
        InvalidValue = "INVALID_VALUE",
        /// A count below zero.
        CountNegative = "COUNT_NEGATIVE",
        /// A count with a fractional part.
        CountFractional = "COUNT_FRACTIONAL",
        /// A count above 2^53 − 1 (the largest integer JavaScript represents exactly).
        CountTooLarge = "COUNT_TOO_LARGE",
        /// NaN or an infinity where a number belongs.
        NotFinite = "NOT_FINITE",
        /// A string where a count belongs.
        CountNotANumber = "COUNT_NOT_A_NUMBER",
        /// A percentage that is not a decimal number.
        PercentNotANumber = "PERCENT_NOT_A_NUMBER",
        /// A percentage outside 0–100.
        PercentOutOfRange = "PERCENT_OUT_OF_RANGE",
        /// A level other than 0, 1 or 2.
        LevelOutOfRange = "LEVEL_OUT_OF_RANGE",
        /// A declared score that is not a decimal number in 0–18.
        ScoreInvalid = "SCORE_INVALID",
        /// A period with an impossible year, quarter or month.
        PeriodInvalid = "PERIOD_INVALID",
        /// The declared number of resolved dossiers differs from early + on time + late.
        ResolvedTotalMismatch = "RESOLVED_TOTAL_MISMATCH",
        /// The counts of a per-dossier indicator do not sum to the resolved dossiers.
        IndicatorCountsMismatch = "INDICATOR_COUNTS_MISMATCH",
        /// The five per-dossier counts of one official do not sum to one same number.
        OfficialCountsMismatch = "OFFICIAL_COUNTS_MISMATCH",
        /// A per-unit indicator gives neither a level, nor facts, nor `notApplicable`.
        UnitIndicatorEmpty = "UNIT_INDICATOR_EMPTY",
        /// A per-unit indicator is marked not applicable and also given a level or facts.
        UnitIndicatorConflict = "UNIT_INDICATOR_CONFLICT",
        /// More feedback handled on time than feedback received.
        FeedbackExceedsTotal = "FEEDBACK_EXCEEDS_TOTAL",
        /// No built-in profile has this identifier.
        UnknownProfile = "UNKNOWN_PROFILE",
        /// An interpretation name or value that does not exist.
        UnknownInterpretation = "UNKNOWN_INTERPRETATION",
        /// A computation exceeded the range of exact decimals (should not happen within the count limits).
        ArithmeticOverflow = "ARITHMETIC_OVERFLOW",
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One hard error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// Stable code.
    pub code: Code,
    /// Path of the offending field; empty for the document as a whole.
    pub path: String,
    /// Human message.
    pub message: Localized,
}

impl Problem {
    /// Builds a problem.
    pub fn new(
        code: Code,
        path: impl Into<String>,
        vi: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self {
            code,
            path: path.into(),
            message: Localized::new(vi, en),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.code, self.message.en)
        } else {
            write!(f, "{} at {}: {}", self.code, self.path, self.message.en)
        }
    }
}

impl std::error::Error for Problem {}

/// All hard errors found in one input (at least one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(transparent)]
pub struct Errors(pub Vec<Problem>);

impl Errors {
    /// A single problem.
    pub fn one(p: Problem) -> Self {
        Errors(vec![p])
    }

    /// The problems.
    pub fn problems(&self) -> &[Problem] {
        &self.0
    }

    /// The first problem's code.
    pub fn first_code(&self) -> Option<Code> {
        self.0.first().map(|p| p.code)
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

impl From<Problem> for Errors {
    fn from(p: Problem) -> Self {
        Errors::one(p)
    }
}

/// The internal marker that custom deserializers put before their code, so that the
/// deserialisation error can be mapped back to a [`Code`] whatever the serde format.
const TAG: char = '\u{1}';

/// Formats a custom deserialisation error that carries `code` and both messages.
pub(crate) fn tagged(code: Code, vi: &str, en: &str) -> String {
    format!("{TAG}{}{TAG}{vi}{TAG}{en}", code.as_str())
}

/// Maps the message of a serde error (from serde_json or serde-wasm-bindgen, both of
/// which format serde's standard errors the same way) to a problem at `path`.
pub fn problem_from_serde(path: &str, msg: &str) -> Problem {
    // serde-wasm-bindgen's errors are JS `Error`s; their text starts with "Error: ".
    let msg = msg.strip_prefix("Error: ").unwrap_or(msg);
    // Our own visitors tag their messages; serde's standard errors start with fixed words.
    if let Some(rest) = msg.strip_prefix(TAG) {
        let mut parts = rest.splitn(3, TAG);
        if let (Some(code), Some(vi), Some(en)) = (parts.next(), parts.next(), parts.next()) {
            if let Some(code) = Code::from_str_code(code) {
                return Problem::new(code, path, vi.to_string(), strip_position(en).to_string());
            }
        }
    }
    let en = strip_position(msg);
    let code = if en.starts_with("unknown field") {
        Code::UnknownField
    } else if en.starts_with("missing field") {
        Code::MissingField
    } else if en.starts_with("duplicate field") {
        Code::DuplicateField
    } else if en.starts_with("invalid type") || en.starts_with("invalid length") {
        Code::WrongType
    } else if en.starts_with("unknown variant") || en.starts_with("invalid value") {
        Code::InvalidValue
    } else {
        Code::InvalidJson
    };
    // serde reports a missing field at its parent; point at the field itself.
    let missing = (code == Code::MissingField)
        .then(|| en.split('`').nth(1))
        .flatten()
        .map(|field| {
            if path.is_empty() {
                field.to_string()
            } else {
                format!("{path}.{field}")
            }
        });
    Problem::new(
        code,
        missing.as_deref().unwrap_or(path),
        vi_for(code, en),
        en.to_string(),
    )
}

/// serde_json appends " at line L column C"; the path already says where.
fn strip_position(msg: &str) -> &str {
    match msg.rfind(" at line ") {
        Some(i) if msg[i..].contains(" column ") => &msg[..i],
        _ => msg,
    }
}

fn vi_for(code: Code, detail: &str) -> String {
    // The field names quoted by serde, e.g. unknown field `x`, expected one of `a`, `b`.
    let quoted: Vec<&str> = detail.split('`').skip(1).step_by(2).collect();
    match (code, quoted.as_slice()) {
        (Code::UnknownField, [field, expected @ ..]) => {
            let valid = expected
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ");
            return format!("Trường `{field}` không có trong mẫu (có thể viết sai tên); các trường hợp lệ: {valid}");
        }
        (Code::MissingField, [field, ..]) => return format!("Thiếu trường bắt buộc `{field}`"),
        (Code::DuplicateField, [field, ..]) => return format!("Trường `{field}` bị lặp lại"),
        _ => {}
    }
    let head = match code {
        Code::InvalidJson => "Dữ liệu không phải JSON hợp lệ",
        Code::WrongType => "Sai kiểu dữ liệu",
        Code::InvalidValue => "Giá trị không hợp lệ",
        _ => "Dữ liệu không hợp lệ",
    };
    format!("{head} ({detail})")
}

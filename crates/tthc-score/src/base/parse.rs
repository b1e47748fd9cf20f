//! The error of reading a name (a format, a language, a code) from its text.

use std::fmt;

/// A text that names none of the values of its kind: `"xml".parse::<Format>()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseNameError {
    kind: &'static str,
    given: String,
    expected: Vec<&'static str>,
}

impl ParseNameError {
    pub(crate) fn new(
        kind: &'static str,
        given: &str,
        expected: impl IntoIterator<Item = &'static str>,
    ) -> Self {
        ParseNameError {
            kind,
            given: given.to_string(),
            expected: expected.into_iter().collect(),
        }
    }

    /// What was being read, e.g. `"format"`.
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The text given.
    pub fn given(&self) -> &str {
        &self.given
    }

    /// The accepted texts.
    pub fn expected(&self) -> &[&'static str] {
        &self.expected
    }
}

impl fmt::Display for ParseNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?} (expected one of: {})",
            self.kind,
            self.given,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for ParseNameError {}

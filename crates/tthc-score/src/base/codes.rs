//! Stable string codes: the one macro behind the hard-error codes and the finding codes.

/// Declares an enum of stable string codes (serde renames, `ALL`, `as_str`, `from_str_code`).
macro_rules! stable_codes {
    ($(#[$meta:meta])* $vis:vis enum $enum:ident { $( $(#[$doc:meta])* $name:ident = $text:literal, )* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
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

        impl ::std::fmt::Display for $enum {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use stable_codes;

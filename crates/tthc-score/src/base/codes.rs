//! Stable string codes: the one macro behind the hard-error codes and the finding codes.

/// Declares an enum of stable string codes (serde renames, `ALL`, `as_str`, `from_str_code`,
/// `FromStr`, `Display`).
macro_rules! stable_codes {
    ($(#[$meta:meta])* $vis:vis enum $enum:ident { $( $(#[$doc:meta])* $name:ident = $text:literal, )* }) => {
        $(#[$meta])*
        // Serialized through `as_str` by hand: the derived impls cost an arm per code in
        // the WebAssembly module, twice.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "ts", derive(tsify::Tsify))]
        #[non_exhaustive]
        $vis enum $enum {
            $( $(#[$doc])* #[cfg_attr(feature = "ts", serde(rename = $text))] $name, )*
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

        impl ::serde::Serialize for $enum {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $enum {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str>>::deserialize(d)?;
                $enum::from_str_code(&s).ok_or_else(|| {
                    <D::Error as ::serde::de::Error>::unknown_variant(&s, &[$($text),*])
                })
            }
        }

        impl ::std::str::FromStr for $enum {
            type Err = $crate::base::ParseNameError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $enum::from_str_code(s).ok_or_else(|| {
                    $crate::base::ParseNameError::new("code", s, $enum::ALL.iter().map(|c| c.as_str()))
                })
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

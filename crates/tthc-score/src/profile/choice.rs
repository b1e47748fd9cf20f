//! Which rule profile a call uses: a built-in one by its id, or a caller's own (a
//! province's scoring decision) given whole and checked as it is read.

use super::{find, CheckedProfile, DEFAULT_PROFILE};
use crate::error::Problem;
#[cfg(feature = "profile-objects")]
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::borrow::Cow;
#[cfg(feature = "profile-objects")]
use std::fmt;

/// A built-in profile by id, or a whole profile. JSON: `"tt01-2018"` or `{ "id": …, … }`
/// in the format `profiles show` prints (a province's own profile; TypeScript
/// `string | Profile`). Objects need the feature `profile-objects` (default).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ProfileChoice {
    /// A built-in profile's identifier, e.g. `tt01-2018`.
    Builtin(String),
    /// A caller's own profile, checked when it was read (feature `profile-objects`: without
    /// it no profile is ever dropped or cloned, and the code for that stays out).
    #[cfg(feature = "profile-objects")]
    Custom(Box<CheckedProfile>),
}

impl ProfileChoice {
    /// The profile chosen (`None`: the default profile).
    ///
    /// # Errors
    /// `UNKNOWN_PROFILE` for an id that is not built in.
    pub fn resolve(choice: Option<&ProfileChoice>) -> Result<Cow<'_, CheckedProfile>, Problem> {
        match choice {
            None => find(DEFAULT_PROFILE).map(Cow::Borrowed),
            Some(ProfileChoice::Builtin(id)) => find(id).map(Cow::Borrowed),
            #[cfg(feature = "profile-objects")]
            Some(ProfileChoice::Custom(p)) => Ok(Cow::Borrowed(&**p)),
        }
    }
}

impl From<&str> for ProfileChoice {
    fn from(id: &str) -> Self {
        ProfileChoice::Builtin(id.into())
    }
}

impl From<String> for ProfileChoice {
    fn from(id: String) -> Self {
        ProfileChoice::Builtin(id)
    }
}

#[cfg(feature = "profile-objects")]
impl From<CheckedProfile> for ProfileChoice {
    fn from(p: CheckedProfile) -> Self {
        ProfileChoice::Custom(Box::new(p))
    }
}

impl<'de> Deserialize<'de> for ProfileChoice {
    #[cfg(feature = "profile-objects")]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Not `untagged`: its error would hide why a profile object was refused.
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ProfileChoice;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a profile id or a profile object")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<ProfileChoice, E> {
                Ok(ProfileChoice::Builtin(s.into()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ProfileChoice, A::Error> {
                CheckedProfile::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|p| ProfileChoice::Custom(Box::new(p)))
            }
        }
        d.deserialize_any(V)
    }

    /// Without the feature, only an id: an object is a type error (`WRONG_TYPE`).
    #[cfg(not(feature = "profile-objects"))]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(ProfileChoice::Builtin)
    }
}

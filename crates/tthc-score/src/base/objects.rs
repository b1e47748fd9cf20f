//! Objects are read from JSON objects only. serde's derive also reads a struct from an
//! array, taking the fields by position (`"period": [2021, 2]` would be a quarter, a
//! report given as an array of its seven parts would be scored); an input that is not
//! what the schema says is refused instead (`WRONG_TYPE`).
//!
//! Each input struct derives with `#[serde(remote = "Self")]`, which makes the derived
//! code inherent functions, and [`objects_only!`] implements the traits over them, the
//! deserializer wrapped in [`MapOnly`].

use serde::de::{Deserializer, Visitor};

/// A deserializer that reads a struct only from a map (an object).
pub(crate) struct MapOnly<D>(pub D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for MapOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(v)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(v)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
        identifier ignored_any
    }
}

/// Implements `Serialize` and `Deserialize` for structs derived with
/// `#[serde(remote = "Self")]`: deserialized from objects only (see [`MapOnly`]).
macro_rules! objects_only {
    ($($t:ident $(<$g:ident>)?),* $(,)?) => {$(
        impl<'de $(, $g: ::serde::Deserialize<'de>)?> ::serde::Deserialize<'de> for $t$(<$g>)? {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                // The inherent function derived with `remote = "Self"`.
                $t$(::<$g>)?::deserialize($crate::base::MapOnly(d))
            }
        }
        impl$(<$g: ::serde::Serialize>)? ::serde::Serialize for $t$(<$g>)? {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $t$(::<$g>)?::serialize(self, s)
            }
        }
    )*};
}
pub(crate) use objects_only;

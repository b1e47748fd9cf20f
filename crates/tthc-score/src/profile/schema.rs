//! JSON Schema of a rule profile (feature `schema`), as `packages/tthc-score/profile.schema.json`:
//! what a province writes to load its own profile (`--profile-file`). The schema gives the
//! shape; [`Profile::check`](super::Profile::check) adds what a schema cannot say (the order
//! is a permutation, bands descend and end at 0).

use schemars::{json_schema, Schema, SchemaGenerator};

/// The lower bound of a band: a decimal 0–18 as a JSON number or as text with a dot.
pub(super) fn band_min(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "Inclusive lower bound, 0–18: a JSON number or a decimal string with a dot (\"14.5\"), read exactly.",
        "oneOf": [
            { "type": "number", "minimum": 0, "maximum": 18 },
            { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$" },
        ],
    })
}

/// The JSON Schema (draft 2020-12) of a rule profile.
pub fn profile_schema() -> Schema {
    schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<super::Profile>()
}

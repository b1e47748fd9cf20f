//! JSON Schema of the scalar values (feature `schema`): what their deserializers accept,
//! written by hand because they read JSON their own way (exact numbers, decimal text).

use super::scalar::{Count, DeclaredScore, Level, Percent, MAX_COUNT};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

impl JsonSchema for Count {
    fn schema_name() -> Cow<'static, str> {
        "Count".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A number of dossiers (or items): a whole JSON number, 0 to 2^53 − 1 (2.0 is 2; \"2\" is refused).",
            "type": "number",
            "multipleOf": 1,
            "minimum": 0,
            "maximum": MAX_COUNT,
        })
    }
}

impl JsonSchema for Level {
    fn schema_name() -> Cow<'static, str> {
        "Level".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A per-unit indicator's level: the number 0, 1 or 2.",
            "enum": [0, 1, 2],
        })
    }
}

/// A decimal as a JSON number or as plain text with a dot, within `0..=max`.
fn decimal(description: &str, max: u32) -> Schema {
    json_schema!({
        "description": description,
        "oneOf": [
            { "type": "number", "minimum": 0, "maximum": max },
            { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$" },
        ],
    })
}

impl JsonSchema for Percent {
    fn schema_name() -> Cow<'static, str> {
        "Percent".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        decimal(
            "A percentage 0–100: a JSON number or a decimal string with a dot (\"12.5\"), read exactly.",
            100,
        )
    }
}

impl JsonSchema for DeclaredScore {
    fn schema_name() -> Cow<'static, str> {
        "DeclaredScore".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        decimal(
            "A score as published, 0–18: a JSON number or a decimal string with a dot (\"16.74\").",
            18,
        )
    }
}

/// The JSON Schema (draft 2020-12) of a report input, as `packages/tthc-score/report.schema.json`.
pub fn report_schema() -> Schema {
    schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<super::Report>()
}

//! Helpers shared by the integration tests.
#![allow(dead_code)]

use serde_json::Value;

/// The seed report's district section (examples/dien-bien-2021-q2-district.json).
pub fn seed() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/dien-bien-2021-q2-district.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

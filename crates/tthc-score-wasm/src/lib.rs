//! A thin wasm-bindgen shell over `tthc-score`, with no scoring logic of its own.
//!
//! Three modules are built from this crate, so that a portal loads only what it uses:
//! feature `scoring` (the package's main entry: score, audit, validate, tables, profiles),
//! `scoring,tally` (the `tthc-score/dossiers` entry: also the tally of dossier records) and
//! `scoring,province` (the `tthc-score/province` entry: also many units at once, rollups,
//! the audit of published tables, a province's own profile as an object, the 766 index).
//! Native builds (lints, tests) have them all.
//!
//! Inputs arrive as JSON text (the npm facade calls `JSON.stringify`) and are parsed by the
//! very code the back end uses, so unknown fields are rejected and every error is the same
//! as natively; serde-wasm-bindgen's struct reader would skip unknown fields silently.
//! Outputs leave as plain JS objects through one serde-wasm-bindgen serializer. Input
//! errors come back as data (`{ errors: Problem[] }`); the facade throws `TthcScoreError`.

#[cfg(feature = "scoring")]
mod scoring;
#[cfg(feature = "province")]
mod index;
#[cfg(feature = "province")]
mod province;
#[cfg(feature = "tally")]
mod tally;
#[cfg(feature = "xlsx")]
mod xlsx;

use serde::Serialize;
#[cfg(feature = "tally")]
use tthc_score::parse_json;
use tthc_score::{FromJson, Problem};
use wasm_bindgen::prelude::*;

/// The one serializer configuration: plain objects (never `Map`), `undefined` for absent
/// optional fields (they are skipped before they get here).
const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);

pub(crate) fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    // Every u64 we emit is below 2^53 (the core's count limits), so this cannot fail; if
    // it ever did, JS gets serde-wasm-bindgen's error, a real Error (the facade reports it
    // as INTERNAL_ERROR with it as the cause).
    v.serialize(&SERIALIZER).map_err(JsValue::from)
}

/// Parses options given as JSON text (by the core's reader: see `FromJson`); paths of
/// problems start with `options`.
pub(crate) fn parse_options<T: FromJson>(text: &str) -> Result<T, Problem> {
    T::from_json(text).map_err(|p| p.within("options"))
}

/// Parses options given as JSON text, or their defaults when absent.
#[cfg(any(feature = "scoring", feature = "province"))]
pub(crate) fn options<T: FromJson + Default>(json: Option<String>) -> Result<T, Problem> {
    json.map_or_else(|| Ok(T::default()), |t| parse_options(&t))
}

/// A problem found when resolving parsed options (an unknown profile), as the call's
/// errors, its path under `options`.
#[cfg(feature = "province")]
pub(crate) fn options_error(p: Problem) -> tthc_score::Errors {
    tthc_score::Errors::one(p.within("options"))
}

#[cfg(any(feature = "tally", feature = "xlsx"))]
#[derive(Serialize)]
pub(crate) struct ErrorsOnly {
    pub(crate) errors: Vec<Problem>,
}

/// A problem as a thrown value the facade turns into a `TthcScoreError`: `{ errors }`.
#[cfg(feature = "tally")]
pub(crate) fn problem_error(p: Problem) -> JsValue {
    to_js(&ErrorsOnly { errors: vec![p] }).unwrap_or(JsValue::NULL)
}

// The size of the module's linear memory in bytes: it grows to the largest working set
// seen and never shrinks (the package's `memoryBytes()`, bounded by the leak test).
// (`//`, not `///`: wasm-bindgen would copy doc comments into the shipped glue.)
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size::<0>() * 65536) as f64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

// Test hook, not API (not in the package's declarations): allocates `bytes` bytes, then
// panics, so that the tests can check what a panic reaching the boundary does. The wasm
// profiles abort on panic: the call traps (`WebAssembly.RuntimeError: unreachable`) and
// the facade re-initialises the module (src/api.js, createGuard).
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests(bytes: usize) {
    let held = vec![1u8; bytes];
    std::hint::black_box(&held);
    panic!();
}

//! The JSON Schemas of the report input (`packages/tthc-score/report.schema.json`) and of a
//! rule profile (`packages/tthc-score/profile.schema.json`) are generated from the Rust
//! types and must never go stale: this test regenerates them and compares
//! (`UPDATE_FIXTURES=1` rewrites the files). Every valid input and profile of the
//! repository must satisfy them, and typical bad ones must not.
//!
//! The check uses a small validator for the keywords the generated schema contains (the
//! `pattern` of decimal strings aside); the schema itself follows JSON Schema 2020-12.

use serde_json::{json, Value};
use std::path::Path;

const PACKAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../packages/tthc-score/");

fn schema() -> Value {
    serde_json::to_value(tthc_score::input::report_schema()).unwrap()
}

fn profile_schema() -> Value {
    serde_json::to_value(tthc_score::profile::profile_schema()).unwrap()
}

/// The file `name` of the package holds `schema` (`UPDATE_FIXTURES=1` writes it).
fn committed(name: &str, schema: &Value) {
    let file = format!("{PACKAGE}{name}");
    let text = format!("{}\n", serde_json::to_string_pretty(schema).unwrap());
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&file, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == text,
        "{file} is stale: run UPDATE_FIXTURES=1 cargo test -p tthc-score --test schema"
    );
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    committed("report.schema.json", &schema());
    committed("profile.schema.json", &profile_schema());
}

/// Whether `v` satisfies `s` (resolving `$ref` in `root`); the first failure's path.
fn check(root: &Value, s: &Value, v: &Value, path: &str) -> Result<(), String> {
    let fail = |why: &str| Err(format!("{path}: {why} ({v})"));
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap();
        return check(root, &root["$defs"][name], v, path);
    }
    if let Some(types) = s.get("type") {
        let types: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "number" => v.is_number(),
            "integer" => v.as_f64().is_some_and(|x| x.fract() == 0.0),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            _ => false,
        });
        if !ok {
            return fail(&format!("not of type {types:?}"));
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e
            .iter()
            .any(|x| x == v || (x.as_f64().is_some() && x.as_f64() == v.as_f64()))
        {
            return fail("not in enum");
        }
    }
    if s.get("const").is_some_and(|c| c != v) {
        return fail("not the constant");
    }
    if let Some(x) = v.as_f64() {
        if s.get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| x < m)
        {
            return fail("below minimum");
        }
        if s.get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|m| x > m)
        {
            return fail("above maximum");
        }
        if s.get("multipleOf").is_some() && x.fract() != 0.0 {
            return fail("not a whole number");
        }
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(alts) = s.get(key).and_then(Value::as_array) {
            let n = alts
                .iter()
                .filter(|a| check(root, a, v, path).is_ok())
                .count();
            if n == 0 || (key == "oneOf" && n > 1) {
                return fail(&format!("{n} alternatives of {key} match"));
            }
        }
    }
    if let (Some(o), true) = (
        v.as_object(),
        s.get("properties").is_some() || s.get("required").is_some(),
    ) {
        let props = s.get("properties").and_then(Value::as_object);
        for r in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !o.contains_key(r.as_str().unwrap()) {
                return fail(&format!("missing {r}"));
            }
        }
        for (k, x) in o {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => check(root, ps, x, &format!("{path}.{k}"))?,
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    return fail(&format!("unknown property {k}"))
                }
                None => {}
            }
        }
    }
    if let (Some(a), Some(items)) = (v.as_array(), s.get("items")) {
        for (i, x) in a.iter().enumerate() {
            check(root, items, x, &format!("{path}[{i}]"))?;
        }
    }
    Ok(())
}

fn valid_inputs() -> Vec<(String, Value)> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for dir in ["tests/fixtures", "examples"] {
        for e in std::fs::read_dir(repo.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension() != Some("json".as_ref()) {
                continue;
            }
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            // Fixtures: the inputs that score; examples: the report sections.
            match (v.get("input"), v.get("expected")) {
                (Some(i), Some(x)) if x.get("scorecard").is_some() => out.push((name, i.clone())),
                (None, None) if v.get("perDossier").is_some() => out.push((name, v)),
                _ => {}
            }
        }
    }
    out
}

#[test]
fn every_valid_input_satisfies_the_schema() {
    let s = schema();
    let inputs = valid_inputs();
    assert!(inputs.len() >= 12, "{}", inputs.len());
    for (name, v) in inputs {
        check(&s, &s, &v, "").unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn typical_bad_inputs_do_not() {
    let s = schema();
    let (_, good) = valid_inputs()
        .into_iter()
        .find(|(n, _)| n == "seed-district.json")
        .unwrap();
    let edits: [(&str, Value); 7] = [
        ("/dossiers/received/online", json!(-1)),
        ("/dossiers/received/direct", json!(1.5)),
        ("/dossiers/received/carriedOver", json!("12")),
        ("/perUnit/publicity", json!({ "level": 3 })),
        ("/unit/level", json!("town")),
        ("/period", json!([2021, 2])),
        ("/perDossier/contacts/extra", json!(1)),
    ];
    for (at, bad) in edits {
        let mut v = good.clone();
        let (parent, key) = at.rsplit_once('/').unwrap();
        v.pointer_mut(parent)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert(key.into(), bad.clone());
        assert!(
            check(&s, &s, &v, "").is_err(),
            "{at} = {bad} satisfies the schema"
        );
        // The core refuses it too.
        assert!(tthc_score::parse_report(&v.to_string()).is_err(), "{at}");
    }
}

/// The built-in profiles as `profiles show` prints them, and the example profiles of
/// `examples/` (files whose `order` lists the nine indicators).
fn valid_profiles() -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = tthc_score::profile::builtin()
        .iter()
        .map(|p| (p.id.to_string(), serde_json::to_value(&**p).unwrap()))
        .collect();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    for e in std::fs::read_dir(examples).unwrap() {
        let p = e.unwrap().path();
        if p.extension() != Some("json".as_ref()) {
            continue;
        }
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        if v.get("order").is_some() && v.get("unitBands").is_some() {
            out.push((p.file_name().unwrap().to_string_lossy().into_owned(), v));
        }
    }
    out
}

#[test]
fn every_profile_satisfies_the_profile_schema_and_checks() {
    let s = profile_schema();
    let profiles = valid_profiles();
    let names: Vec<&str> = profiles.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        names.contains(&"profile-province-example.json") && names.len() >= 3,
        "{names:?}"
    );
    for (name, v) in profiles {
        check(&s, &s, &v, "").unwrap_or_else(|e| panic!("{name}: {e}"));
        let p: tthc_score::Profile = serde_json::from_value(v).unwrap();
        p.check().unwrap_or_else(|e| panic!("{name}: {e:?}"));
    }
}

/// The example profile is the README's: TT01 with two decimals and stricter bands, so the
/// seed district scores 16,73, and 15,73 by its facts is "Tốt" (under TT01 15,7 is
/// "Xuất sắc").
#[test]
fn the_example_profile_scores_the_seed_as_the_readme_says() {
    let (_, v) = valid_profiles()
        .into_iter()
        .find(|(n, _)| n == "profile-province-example.json")
        .unwrap();
    let p: tthc_score::Profile = serde_json::from_value(v).unwrap();
    let p = p.check().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let text =
        std::fs::read_to_string(repo.join("examples/dien-bien-2021-q2-district.json")).unwrap();
    let card = tthc_score::score(&tthc_score::parse_report(&text).unwrap(), &p).unwrap();
    let card = serde_json::to_value(&card).unwrap();
    assert_eq!(card["total"]["value"], "16.73", "{}", card["total"]);
    assert_eq!(card["total"]["rating"]["code"], "excellent");
    let contradicted = card["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "DECLARED_LEVEL_CONTRADICTED")
        .unwrap();
    let facts = &contradicted["facts"]["levelContradicted"];
    assert_eq!(facts["correctedTotal"], "15.73", "{facts}");
    assert_eq!(facts["correctedRating"]["code"], "good", "{facts}");
}

#[test]
fn typical_bad_profiles_do_not_satisfy_it() {
    let s = profile_schema();
    let good = serde_json::to_value(&**tthc_score::profile::find("tt01-2018").unwrap()).unwrap();
    let edits: [(&str, Value); 6] = [
        ("/order/0", json!("speed")),
        ("/unitBands/0/min", json!(19)),
        ("/rounding/strategy", json!("bankers")),
        ("/oneStopRule", json!("everything")),
        ("/validFrom", json!(20250701)),
        ("/interpretations/ratingBasis", json!("vibes")),
    ];
    for (at, bad) in edits {
        let mut v = good.clone();
        *v.pointer_mut(at).unwrap() = bad.clone();
        assert!(
            check(&s, &s, &v, "").is_err(),
            "{at} = {bad} satisfies the schema"
        );
        // The core refuses it too.
        assert!(
            serde_json::from_value::<tthc_score::Profile>(v).is_err(),
            "{at}"
        );
    }
    let mut v = good;
    v.as_object_mut().unwrap().insert("extra".into(), json!(1));
    assert!(check(&s, &s, &v, "").is_err());
}
